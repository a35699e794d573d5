//! Hostile inputs of issue 9 at a moderate size: each completes, and gives
//! the result its shape calls for. No timing is asserted (the scaling is
//! measured by `scripts/scaling-bench`); sizes are small enough for debug
//! builds, but large enough that the old quadratic paths were slow and the
//! alignment took its banded route.

use claimdesk::compare::{SentenceStatus, compare};
use claimdesk::extract;
use claimdesk::load::{Format, Overrides, load_bytes};

/// Ordinary news sentences with a cast that grows with the text.
fn sentences(n: usize) -> Vec<String> {
    const FIRST: &[&str] = &["Ana", "Ivo", "Mira", "Tomas", "Lena", "Oskar"];
    const SYL: &[&str] = &["ka", "lo", "vin", "mer", "ta", "ro", "den", "zel"];
    (0..n)
        .map(|k| {
            let surname = format!(
                "{}{}{}",
                SYL[k % 8].to_uppercase(),
                SYL[(k / 8) % 8],
                SYL[(k / 64) % 8]
            );
            let first = FIRST[k % FIRST.len()];
            match k % 4 {
                0 => format!("{first} {surname}, the mayor of Lowbridge, said {k} bridges closed."),
                1 => format!(
                    "{surname} met {first} {surname} in Eastmoor on March {}.",
                    k % 28 + 1
                ),
                2 => "He said the schools would reopen by May.".to_string(),
                _ => format!("\"We will rebuild {k} homes,\" {first} {surname} said on Monday."),
            }
        })
        .collect()
}

#[test]
fn thousands_of_quotations_in_one_sentence() {
    let text = "\"a\" ".repeat(4_000);
    let ex = extract(&text, None);
    assert!(!ex.sentences.is_empty());
    assert!(
        ex.claims.is_empty(),
        "unattributed one-word quotes are no claims"
    );
}

#[test]
fn thousands_of_ordinary_sentences() {
    let text = sentences(2_000).join(" ");
    let ex = extract(&text, None);
    assert!(
        ex.sentences.len() >= 1_900,
        "{} sentences",
        ex.sentences.len()
    );
    let quotes = ex
        .claims
        .iter()
        .filter(|c| c.kind().as_str() == "quote")
        .count();
    assert!(
        quotes >= 400,
        "{quotes} quote claims of 500 attributed quotes"
    );
}

#[test]
fn a_diff_with_every_sentence_changed() {
    // 600 x 600 sentences: far beyond the alignment's full table.
    let old = sentences(600);
    let new: Vec<String> = old
        .iter()
        .map(|s| {
            s.replacen(" the ", " the new ", 1)
                .replacen(" said", " stated", 1)
        })
        .collect();
    let cmp = compare(&old.join(" "), &new.join(" "), None);
    let paired = cmp
        .sentences
        .iter()
        .filter(|e| !matches!(e.status, SentenceStatus::Added | SentenceStatus::Removed))
        .count();
    assert!(
        paired >= 590,
        "{paired} of 600 sentences paired with their edit"
    );
}

#[test]
fn deeply_nested_html_completes() {
    let depth = 1_000;
    let html = format!(
        "<html><body>{}<p>The council met on Monday.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    // Either read (and extracted) or refused with a typed error; never a
    // panic or a hang.
    if let Ok(doc) = load_bytes(
        html.as_bytes(),
        Format::Html,
        "deep.html",
        &Overrides::default(),
    ) {
        let ex = extract(&doc.text, None);
        assert!(!ex.sentences.is_empty());
    }
}
