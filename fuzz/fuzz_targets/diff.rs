//! Fuzzes the stateless revision comparison (`claimdesk diff`): the input is
//! two versions separated by the first NUL byte (or cut in half when there
//! is none); both are compared and the comparison rendered as text.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cut = data.iter().position(|&b| b == 0);
    let (old, new) = match cut {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => data.split_at(data.len() / 2),
    };
    let old = String::from_utf8_lossy(old);
    let new = String::from_utf8_lossy(new);
    let published = NaiveDate::from_ymd_opt(2026, 3, 12);
    let cmp = claimdesk::compare::compare(&old, &new, published);
    let _ = claimdesk::compare::render::render(&cmp, &old, &new, false);
});
