//! `claimdesk set-published`: a corrected publication date moves the
//! relative dates, sends the moved claims to re-check, keeps the other
//! verdicts, and refuses what is not a date.

mod common;
use common::Env;
use serde_json::Value;

const TEXT: &str = "PIERTON - The harbour council met on Monday to discuss the pier. Rents in the old town rose sharply in 2019, the council said.\n";

fn claim<'a>(claims: &'a Value, text: &str) -> &'a Value {
    claims
        .as_array()
        .and_then(|a| a.iter().find(|c| c["text"] == text))
        .unwrap_or_else(|| panic!("no claim {text:?} in {claims}"))
}

#[test]
fn a_corrected_date_moves_relative_dates_and_keeps_the_rest() {
    let env = Env::new();
    let f = env.file("pier.txt", TEXT.as_bytes());
    env.ok(&[
        "add",
        f.to_str().expect("path"),
        "--published",
        "2026-03-04",
    ]);
    let claims = env.json(&["claims", "1", "--json"]);
    let monday = claim(&claims, "Monday");
    assert_eq!(monday["value"], "2026-03-02");
    let year = claim(&claims, "2019");
    for c in [monday, year] {
        env.ok(&["review", &c["id"].to_string(), "--status", "verified"]);
    }

    let out = env.ok(&["set-published", "1", "1987-03-04"]);
    assert!(out.contains("2026-03-04 → 1987-03-04"), "{out}");
    assert!(out.contains("1 to re-check"), "{out}");
    let claims = env.json(&["claims", "1", "--json"]);
    let monday = claim(&claims, "Monday");
    assert_eq!(monday["value"], "1987-03-02");
    assert_eq!(monday["status"], "needs_recheck");
    assert_eq!(claim(&claims, "2019")["status"], "verified");

    let again = env.ok(&["set-published", "1", "1987-03-04"]);
    assert!(again.contains("nothing changed"), "{again}");
}

#[test]
fn what_is_not_a_date_is_refused() {
    let env = Env::new();
    let f = env.file("pier.txt", TEXT.as_bytes());
    env.ok(&["add", f.to_str().expect("path")]);
    for bad in ["1987-13-01", "yesterday", "04/03/1987"] {
        let out = env.run(&["set-published", "1", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("is not a date"), "{bad}: {err}");
    }
    let out = env.run(&["set-published", "9", "1987-03-04"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article"));
}

/// `add` says where the publication date came from, and when it is a
/// guess, how to correct it.
#[test]
fn add_says_where_the_date_came_from() {
    let env = Env::new();
    let check = |name: &str, text: &str, extra: &[&str], want: &str| {
        let f = env.file(name, text.as_bytes());
        let mut args = vec!["add", f.to_str().expect("path")];
        args.extend_from_slice(extra);
        let out = env.ok(&args);
        assert!(out.contains(want), "{name}: {out}");
    };
    check(
        "dated.txt",
        "PIERTON, March 4, 2026 - The council met on Monday.\n",
        &[],
        "published 2026-03-04 (from the dateline)",
    );
    check(
        "yearless.txt",
        "PIERTON, March 4 - The harbour council met on Monday.\n",
        &[],
        "the year is a guess; if it is wrong, run `claimdesk set-published",
    );
    check(
        "undated.txt",
        "The ferry council met on Monday.\n",
        &[],
        "no publication date found, so relative dates stay unresolved",
    );
    check(
        "given.txt",
        "The pier council met on Monday.\n",
        &["--published", "1987-03-04"],
        "published 1987-03-04 (as given)",
    );
}
