//! Tests that the temporal expressions and the revision comparison read
//! number words the same way, because both read them from one vocabulary
//! (`data/vocab/`): every ordinal from "first" to "thirty-first", the tens
//! up to "ninetieth" and "hundredth".

use crate::compare::{ReasonKind, SentenceStatus, compare};
use crate::extract::timex::read_ordinal;

const UNITS: [&str; 9] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
];
const TEENS: [&str; 10] = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS: [(&str, &str); 8] = [
    ("twenty", "twentieth"),
    ("thirty", "thirtieth"),
    ("forty", "fortieth"),
    ("fifty", "fiftieth"),
    ("sixty", "sixtieth"),
    ("seventy", "seventieth"),
    ("eighty", "eightieth"),
    ("ninety", "ninetieth"),
];

/// The ordinals under test, with their values: first..thirty-first (the
/// compounds spelled with a hyphen), the tens up to ninetieth, hundredth.
fn ordinals() -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = Vec::new();
    for (i, w) in UNITS.iter().enumerate() {
        out.push((w.to_string(), i as u32 + 1));
    }
    for (i, w) in TEENS.iter().enumerate() {
        out.push((w.to_string(), i as u32 + 10));
    }
    for (k, (cardinal, ordinal)) in TENS.iter().enumerate() {
        let tens = 20 + 10 * k as u32;
        out.push((ordinal.to_string(), tens));
        if tens <= 30 {
            for (i, u) in UNITS.iter().enumerate() {
                let n = tens + i as u32 + 1;
                if n <= 31 {
                    out.push((format!("{cardinal}-{u}"), n));
                }
            }
        }
    }
    out.push(("hundredth".to_string(), 100));
    out
}

fn digits(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn sentence(ordinal: &str) -> String {
    format!("The {ordinal} meeting of the rowing club was held on Tuesday.")
}

fn worst(old: &str, new: &str) -> (SentenceStatus, Vec<ReasonKind>) {
    let c = compare(old, new, None);
    let flagged = c.sentences.iter().find(|e| e.status.is_flagged());
    match flagged {
        Some(e) => (e.status, e.reasons.iter().map(|r| r.kind).collect()),
        None => (SentenceStatus::Unchanged, Vec::new()),
    }
}

#[test]
fn the_list_covers_what_it_claims() {
    let all = ordinals();
    assert_eq!(
        all.len(),
        31 + 6 + 1,
        "first..thirty-first, 40th..90th, 100th"
    );
    for n in 1..=31 {
        assert!(all.iter().any(|(_, v)| *v == n), "{n}");
    }
}

#[test]
fn timex_reads_every_ordinal_word() {
    for (word, n) in ordinals() {
        assert_eq!(read_ordinal(&word), Some(n), "{word}");
    }
    for not in [
        "twenty",
        "twenty-twenty",
        "first-twenty",
        "table",
        "forty-first-",
    ] {
        assert_eq!(read_ordinal(not), None, "{not}");
    }
}

#[test]
fn comparison_reads_every_ordinal_word_the_same_way() {
    let mut misses = Vec::new();
    for (word, n) in ordinals() {
        let old = sentence(&word);
        // The same rank in digits: the same fact.
        let (status, _) = worst(&old, &sentence(&digits(n)));
        if status.is_flagged() {
            misses.push(format!("{word} → {} flagged {status:?}", digits(n)));
        }
        // Another rank: a number change.
        let (status, kinds) = worst(&old, &sentence(&digits(n + 1)));
        if status != SentenceStatus::Changed || !kinds.contains(&ReasonKind::Number) {
            misses.push(format!(
                "{word} → {} gave {status:?} {kinds:?}",
                digits(n + 1)
            ));
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}
