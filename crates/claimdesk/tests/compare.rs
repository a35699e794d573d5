//! Revision comparison, end to end on fixture articles written for these
//! tests: every sentence status, moves, splits and merges, claim field
//! changes, identical, empty and completely rewritten versions, and
//! arbitrary input (proptest) that must never panic.

use claimdesk::compare::{
    ClaimChange, Comparison, SentenceStatus, Shape, compare, compare_extracted,
};
use claimdesk::extract::Extraction;
use claimdesk::model::{Claim, ClaimFields, Sentence, TimexType};

/// Checks the structural promises every comparison keeps: offsets inside
/// their texts and on character boundaries, zero-width sides for added and
/// removed sentences, and every old sentence reported exactly once.
fn invariants(cmp: &Comparison, old: &str, new: &str) {
    for e in &cmp.sentences {
        assert!(e.old_start <= e.old_end && e.old_end <= old.len(), "{e:?}");
        assert!(e.new_start <= e.new_end && e.new_end <= new.len(), "{e:?}");
        assert!(old.is_char_boundary(e.old_start) && old.is_char_boundary(e.old_end));
        assert!(new.is_char_boundary(e.new_start) && new.is_char_boundary(e.new_end));
        // A part split off far away has no old text of its own: an empty
        // old span where its old sentence ends.
        let split_off = e.shape == claimdesk::compare::Shape::Split && e.moved;
        match e.status {
            SentenceStatus::Added => assert_eq!(e.old_start, e.old_end, "{e:?}"),
            SentenceStatus::Removed => assert_eq!(e.new_start, e.new_end, "{e:?}"),
            _ => assert!(e.old_start < e.old_end || split_off, "{e:?}"),
        }
        for w in &e.words {
            assert!(w.old_end <= old.len() && w.new_end <= new.len());
        }
    }
    let mut seen: Vec<usize> = cmp
        .sentences
        .iter()
        .filter(|e| e.status != SentenceStatus::Added && e.old_start < e.old_end)
        .map(|e| e.old_start)
        .collect();
    let n = seen.len();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), n, "an old sentence reported twice");
}

/// `(status, old text, new text)` of each entry, in order.
type Want<'a> = &'a [(SentenceStatus, &'a str, &'a str)];

fn check(old: &str, new: &str, want: Want) {
    let cmp = compare(old, new, None);
    invariants(&cmp, old, new);
    let got: Vec<(SentenceStatus, &str, &str)> = cmp
        .sentences
        .iter()
        .map(|e| {
            (
                e.status,
                &old[e.old_start..e.old_end],
                &new[e.new_start..e.new_end],
            )
        })
        .collect();
    assert_eq!(
        got, want,
        "\n old: {old:?}\n new: {new:?}\n{:#?}",
        cmp.sentences
    );
}

use SentenceStatus::*;

#[test]
fn identical_versions_flag_nothing() {
    let text = "The river rose by two metres overnight. Residents of Lowbridge were moved to the school hall. The mayor, Ada Mensah, said the dam held.";
    let cmp = compare(text, text, None);
    invariants(&cmp, text, text);
    assert_eq!(cmp.sentences.len(), 3);
    assert!(
        cmp.sentences
            .iter()
            .all(|e| e.status == Unchanged && e.words.is_empty())
    );
    assert!(
        cmp.claims
            .iter()
            .all(|c| c.status == ClaimChange::Unchanged)
    );
}

#[test]
fn each_status() {
    let cases: &[(&str, &str, Want)] = &[
        // cosmetic: a spelling fix, a comma, a capital
        (
            "The goverment closed the port on Tuesday. Ships waited.",
            "The government closed the port, on Tuesday. Ships waited.",
            &[
                (
                    Cosmetic,
                    "The goverment closed the port on Tuesday.",
                    "The government closed the port, on Tuesday.",
                ),
                (Unchanged, "Ships waited.", "Ships waited."),
            ],
        ),
        // reworded: same facts, other words
        (
            "The port was closed by the government. Ships waited.",
            "The government closed the port. Ships waited.",
            &[
                (
                    Reworded,
                    "The port was closed by the government.",
                    "The government closed the port.",
                ),
                (Unchanged, "Ships waited.", "Ships waited."),
            ],
        ),
        // changed: a number
        (
            "Ships waited. The storm sank 3 fishing boats near the harbour.",
            "Ships waited. The storm sank 5 fishing boats near the harbour.",
            &[
                (Unchanged, "Ships waited.", "Ships waited."),
                (
                    Changed,
                    "The storm sank 3 fishing boats near the harbour.",
                    "The storm sank 5 fishing boats near the harbour.",
                ),
            ],
        ),
        // changed: a negation
        (
            "The minister will attend the summit in Accra.",
            "The minister will not attend the summit in Accra.",
            &[(
                Changed,
                "The minister will attend the summit in Accra.",
                "The minister will not attend the summit in Accra.",
            )],
        ),
        // changed: a date
        (
            "The trial opens on Monday in the capital.",
            "The trial opens on Thursday in the capital.",
            &[(
                Changed,
                "The trial opens on Monday in the capital.",
                "The trial opens on Thursday in the capital.",
            )],
        ),
        // changed: a name
        (
            "The report was written by Ada Mensah for the council.",
            "The report was written by Kofi Boateng for the council.",
            &[(
                Changed,
                "The report was written by Ada Mensah for the council.",
                "The report was written by Kofi Boateng for the council.",
            )],
        ),
        // added in the middle: goes before the next old sentence
        (
            "First the rain came. Then the wind dropped.",
            "First the rain came. Rescue teams reached twelve stranded villages by boat. Then the wind dropped.",
            &[
                (Unchanged, "First the rain came.", "First the rain came."),
                (
                    Added,
                    "",
                    "Rescue teams reached twelve stranded villages by boat.",
                ),
                (
                    Unchanged,
                    "Then the wind dropped.",
                    "Then the wind dropped.",
                ),
            ],
        ),
        // removed
        (
            "First the rain came. Rescue teams reached twelve stranded villages by boat. Then the wind dropped.",
            "First the rain came. Then the wind dropped.",
            &[
                (Unchanged, "First the rain came.", "First the rain came."),
                (
                    Removed,
                    "Rescue teams reached twelve stranded villages by boat.",
                    "",
                ),
                (
                    Unchanged,
                    "Then the wind dropped.",
                    "Then the wind dropped.",
                ),
            ],
        ),
        // moved: the first sentence went to the end
        (
            "Farmers lost most of the harvest. The road to the coast reopened. Prices rose sharply. Schools stayed shut.",
            "The road to the coast reopened. Prices rose sharply. Schools stayed shut. Farmers lost most of the harvest.",
            &[
                (
                    Moved,
                    "Farmers lost most of the harvest.",
                    "Farmers lost most of the harvest.",
                ),
                (
                    Unchanged,
                    "The road to the coast reopened.",
                    "The road to the coast reopened.",
                ),
                (Unchanged, "Prices rose sharply.", "Prices rose sharply."),
                (Unchanged, "Schools stayed shut.", "Schools stayed shut."),
            ],
        ),
        // moved and edited: still one statement, its fact changed
        (
            "Farmers lost most of the harvest this year. The road reopened. Prices rose sharply. Schools stayed shut.",
            "The road reopened. Prices rose sharply. Schools stayed shut. Farmers lost none of the harvest this year.",
            &[
                (
                    Changed,
                    "Farmers lost most of the harvest this year.",
                    "Farmers lost none of the harvest this year.",
                ),
                (Unchanged, "The road reopened.", "The road reopened."),
                (Unchanged, "Prices rose sharply.", "Prices rose sharply."),
                (Unchanged, "Schools stayed shut.", "Schools stayed shut."),
            ],
        ),
    ];
    for (old, new, want) in cases {
        check(old, new, want);
    }
}

#[test]
fn added_sentence_sits_where_it_goes_in_the_old_text() {
    let old = "First the rain came. Then the wind dropped.";
    let new = "First the rain came. Rescue teams reached the villages. Then the wind dropped.";
    let cmp = compare(old, new, None);
    let added = cmp
        .sentences
        .iter()
        .find(|e| e.status == Added)
        .expect("an added sentence");
    assert_eq!(added.old_start, old.find("Then").unwrap_or(usize::MAX));
    let cmp = compare(new, old, None);
    let removed = cmp
        .sentences
        .iter()
        .find(|e| e.status == Removed)
        .expect("a removed sentence");
    assert_eq!(removed.new_start, old.find("Then").unwrap_or(usize::MAX));
}

#[test]
fn splits_and_merges() {
    let one = "The council approved the budget and the mayor signed it on the same evening. Nobody objected.";
    let two = "The council approved the budget. The mayor signed it on the same evening. Nobody objected.";
    let cmp = compare(one, two, None);
    invariants(&cmp, one, two);
    assert_eq!(cmp.sentences[0].shape, Shape::Split);
    assert_eq!(cmp.sentences[0].new_sentences, [0, 2]);
    assert!(
        !cmp.sentences[0].status.is_flagged(),
        "{:?}",
        cmp.sentences[0]
    );
    assert_eq!(cmp.sentences[1].status, Unchanged);

    let cmp = compare(two, one, None);
    invariants(&cmp, two, one);
    let merged: Vec<_> = cmp
        .sentences
        .iter()
        .filter(|e| e.shape == Shape::Merged)
        .collect();
    assert_eq!(merged.len(), 2, "{:#?}", cmp.sentences);
    assert!(
        merged
            .iter()
            .all(|e| !e.status.is_flagged() && e.new_sentences == [0, 1])
    );
    // Each merged part points at the new text it became.
    assert_eq!(
        &one[merged[0].new_start..merged[0].new_end],
        "The council approved the budget and"
    );
    assert_eq!(
        &one[merged[1].new_start..merged[1].new_end],
        "the mayor signed it on the same evening."
    );
}

#[test]
fn a_fact_change_in_one_half_of_a_merge_flags_only_that_half() {
    let old = "The council approved the budget. The mayor signed it on Friday.";
    let new = "The council approved the budget, and the mayor signed it on Saturday.";
    let cmp = compare(old, new, None);
    invariants(&cmp, old, new);
    let st: Vec<_> = cmp.sentences.iter().map(|e| e.status).collect();
    assert_eq!(st, [Reworded, Changed], "{:#?}", cmp.sentences);
}

#[test]
fn empty_versions() {
    let text = "One sentence here. Another one there.";
    check(
        "",
        text,
        &[
            (Added, "", "One sentence here."),
            (Added, "", "Another one there."),
        ],
    );
    check(
        text,
        "",
        &[
            (Removed, "One sentence here.", ""),
            (Removed, "Another one there.", ""),
        ],
    );
    check("", "", &[]);
    check("   \n\n ", "\n", &[]);
}

#[test]
fn a_complete_rewrite_is_all_removed_and_added() {
    let old = "Heavy snow closed the mountain pass. Drivers slept in their cars.";
    let new = "A new library opened downtown. Children queued for hours to see it.";
    check(
        old,
        new,
        &[
            (Removed, "Heavy snow closed the mountain pass.", ""),
            (Removed, "Drivers slept in their cars.", ""),
            (Added, "", "A new library opened downtown."),
            (Added, "", "Children queued for hours to see it."),
        ],
    );
}

fn date_claim(text: &str, at: &str, value: &str) -> Claim {
    let start = text.find(at).unwrap_or(0);
    Claim {
        start,
        end: start + at.len(),
        text: at.into(),
        sentence: 0,
        confidence: 0.9,
        fields: ClaimFields::Date {
            value: value.into(),
            timex_type: TimexType::Date,
        },
    }
}

fn role_claim(text: &str, at: &str, person: &str, role: &str) -> Claim {
    let start = text.find(at).unwrap_or(0);
    Claim {
        start,
        end: start + at.len(),
        text: at.into(),
        sentence: 0,
        confidence: 0.9,
        fields: ClaimFields::Role {
            person: person.into(),
            role: role.into(),
            org: None,
        },
    }
}

fn whole(text: &str, claims: Vec<Claim>) -> Extraction {
    Extraction {
        published: None,
        sentences: vec![Sentence {
            start: 0,
            end: text.len(),
        }],
        claims,
    }
}

#[test]
fn claim_field_changes_are_reported_and_flag_their_sentence() {
    let old = "Ada Mensah, chief of staff, met the press on Friday.";
    let new = "Ada Mensah, the former chief of staff, met the press on Saturday.";
    let a = whole(
        old,
        vec![
            role_claim(
                old,
                "Ada Mensah, chief of staff",
                "Ada Mensah",
                "chief of staff",
            ),
            date_claim(old, "Friday", "2025-11-28"),
        ],
    );
    let b = whole(
        new,
        vec![
            role_claim(
                new,
                "Ada Mensah, the former chief of staff",
                "Ada Mensah",
                "former chief of staff",
            ),
            date_claim(new, "Saturday", "2025-11-29"),
        ],
    );
    let cmp = compare_extracted(old, &a, new, &b);
    invariants(&cmp, old, new);
    type Field = (String, Option<String>, Option<String>);
    let fields: Vec<(ClaimChange, Vec<Field>)> = cmp
        .claims
        .iter()
        .map(|c| {
            (
                c.status,
                c.fields
                    .iter()
                    .map(|f| (f.field.clone(), f.old.clone(), f.new.clone()))
                    .collect(),
            )
        })
        .collect();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        fields,
        vec![
            (
                ClaimChange::Changed,
                vec![(
                    "role".into(),
                    s("chief of staff"),
                    s("former chief of staff")
                )]
            ),
            (
                ClaimChange::Changed,
                vec![("value".into(), s("2025-11-28"), s("2025-11-29"))]
            ),
        ]
    );
    assert_eq!(cmp.sentences[0].status, Changed);
    assert!(
        cmp.sentences[0]
            .reasons
            .iter()
            .any(|r| r.kind == claimdesk::compare::ReasonKind::Claim)
    );
}

#[test]
fn claims_of_added_and_removed_sentences() {
    let old = "Kofi Boateng, the judge, retired.";
    let new = "Rain fell all week in the north.";
    let a = whole(
        old,
        vec![role_claim(
            old,
            "Kofi Boateng, the judge",
            "Kofi Boateng",
            "judge",
        )],
    );
    let b = whole(new, vec![date_claim(new, "all week", "P1W")]);
    let cmp = compare_extracted(old, &a, new, &b);
    invariants(&cmp, old, new);
    let st: Vec<ClaimChange> = cmp.claims.iter().map(|c| c.status).collect();
    assert_eq!(st, [ClaimChange::Removed, ClaimChange::Added]);
    assert!(cmp.claims[0].old.is_some() && cmp.claims[0].new.is_none());
}

#[test]
fn bad_extraction_offsets_do_not_panic() {
    let old = "Café owners met. They agreed.";
    let new = "Café owners met today. They agreed.";
    let bad = Extraction {
        published: None,
        sentences: vec![
            Sentence { start: 2, end: 4 }, // inside "é"
            Sentence {
                start: 10,
                end: 500,
            },
            Sentence { start: 7, end: 3 },
        ],
        claims: vec![date_claim(old, "nowhere", "2025-01-01")],
    };
    let cmp = compare_extracted(old, &bad, new, &claimdesk::extract(new, None));
    invariants(&cmp, old, new);
}

#[test]
fn json_has_the_scorer_shape() {
    let cmp = compare("The vote was on Monday.", "The vote was on Tuesday.", None);
    let v = serde_json::to_value(&cmp).unwrap_or_default();
    let e = &v["sentences"][0];
    assert_eq!(e["status"], "changed");
    for k in ["old_start", "old_end", "new_start", "new_end"] {
        assert!(e[k].is_u64(), "{k} missing in {e}");
    }
    assert!(v["claims"].is_array());
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "the", "mayor", "Ada", "said", "not", "12", "twelve", "Friday", "é", "日本", ". ", ", ",
        "! ", "? ", "\"", "'", "\n\n", " ", "-", "on", "Mensah", "U.S.", "don't",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn arbitrary_pairs(old in text(), new in text()) {
            let cmp = compare(&old, &new, None);
            invariants(&cmp, &old, &new);
            let _ = claimdesk::compare::render::render(&cmp, &old, &new, true);
        }

        #[test]
        fn arbitrary_unicode(old in "\\PC{0,80}", new in "\\PC{0,80}") {
            let cmp = compare(&old, &new, None);
            invariants(&cmp, &old, &new);
        }

        #[test]
        fn a_text_against_itself_is_unchanged(t in text()) {
            let cmp = compare(&t, &t, None);
            prop_assert!(cmp.sentences.iter().all(|e| e.status == SentenceStatus::Unchanged));
        }
    }
}

/// Deleting (or adding) one quotation mark changes the sentence it was in,
/// never the boundaries of every later quotation.
#[test]
fn one_quotation_mark_does_not_shift_later_sentences() {
    let old = "Ada Lind said \"we will rebuild the pier by May. It will cost less.\" The council met on Monday. Rents rose in March. \"It is fine,\" said Kofi Mensah. Tourism fell in winter.";
    let cases = [
        // The opening mark deleted.
        old.replacen("said \"we", "said we", 1),
        // The closing mark deleted.
        old.replacen("less.\" The", "less. The", 1),
        // A stray mark added.
        old.replacen("met on Monday.", "met on \"Monday.", 1),
    ];
    for new in &cases {
        let c = claimdesk::compare::compare(old, new, None);
        let touched: Vec<_> = c
            .sentences
            .iter()
            .filter(|e| e.status != claimdesk::compare::SentenceStatus::Unchanged)
            .collect();
        assert!(
            touched.len() <= 2,
            "{new:?}: {} entries changed: {:#?}",
            touched.len(),
            touched
        );
        let later = c
            .claims
            .iter()
            .filter(|d| {
                d.old
                    .as_ref()
                    .is_some_and(|q| q.text.contains("It is fine"))
            })
            .all(|d| d.status == claimdesk::compare::ClaimChange::Unchanged);
        assert!(later, "{new:?}: the later quote changed: {:#?}", c.claims);
    }
}

/// A sentence merged into, or split off from, a sentence that is not its
/// neighbour is one edit (merged / split, moved), never removed plus added;
/// and a fact changed on the way is still flagged.
#[test]
fn far_merges_and_splits() {
    use claimdesk::compare::{SentenceStatus as S, Shape};
    let check = |old: &str, new: &str, want_shape: Shape, want_flag: bool| {
        let c = claimdesk::compare::compare(old, new, None);
        assert!(
            !c.sentences
                .iter()
                .any(|e| matches!(e.status, S::Added | S::Removed)),
            "{old:?} -> {new:?}: {:#?}",
            c.sentences
        );
        let group: Vec<_> = c
            .sentences
            .iter()
            .filter(|e| e.shape == want_shape)
            .collect();
        assert_eq!(group.len(), 2, "{old:?} -> {new:?}: {:#?}", c.sentences);
        assert_eq!(
            group.iter().any(|e| e.status.is_flagged()),
            want_flag,
            "{old:?} -> {new:?}: {group:#?}"
        );
        assert!(group.iter().any(|e| e.moved));
    };
    let a = "The port met on Monday. Rents rose in March. Ferries ran late. It approved the harbour plan for 2026.";
    let b = "Rents rose in March. Ferries ran late. The port met on Monday and approved the harbour plan for 2026.";
    let c = "Rents rose in March. Ferries ran late. The port met on Monday and rejected the harbour plan for 2026.";
    check(a, b, Shape::Merged, false);
    check(b, a, Shape::Split, false);
    check(a, c, Shape::Merged, true);
    check(c, a, Shape::Split, true);
}
