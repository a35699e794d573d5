//! Every shared set of `store::shared::SHARED_SETS` travels between two
//! replicas without a hub: the rows one replica's outbox sends, stored by
//! the other, give both the same rows under the same global keys (the
//! PostgreSQL side is tested in `crates/claimdesk-team`). Registering a new
//! set means one entry in the registry and one writer in `write_every_set`.

use claimdesk::load::{Document, Format};
use claimdesk::store::shared::SHARED_SETS;
use claimdesk::store::{PersonDecision, PulledRow, ReviewInput, Store, Target};
use claimdesk::{ClaimKind, Status};

const TEXT: &str = "Harbour council approves ferry budget\n\nPORTVALE, March 3, 2025 - The Portvale harbour council approved a ferry budget on Monday, said council chair Amelia Quist.\n\nFinance director Tomas Virel said the plan would cost 4 million crowns. The vote took place on Friday.\n";

/// Two chairs of one company two days apart: a contradiction.
const RIVALS: &[(&str, &str)] = &[
    (
        "2025-03-03",
        "Portvale Ferries chairman Oskar Lindqvist said on Monday that the company would add two boats.",
    ),
    (
        "2025-03-05",
        "Portvale Ferries chairwoman Mira Solberg told shareholders on Wednesday that the boats would arrive in June.",
    ),
];

/// Writes at least one row of every pushed set on `s`.
fn write_every_set(s: &mut Store) {
    let mut doc = Document::new(TEXT.to_string(), Format::Text);
    doc.title = "Harbour council approves ferry budget".into();
    let a = s.add(&doc, Target::Auto).unwrap().article_id;
    let claims = s.claims(a, None, Default::default()).unwrap();
    // reviews
    s.review(
        claims[0].id,
        &ReviewInput {
            status: Some(Status::False),
            note: Some("the budget was smaller".into()),
            reviewer: Some("Alice".into()),
            ..ReviewInput::default()
        },
    )
    .unwrap();
    // corrections (and a checker's claim, a claims row of its own)
    s.dismiss_claim(claims[1].id, Some("not a claim"), Some("Alice"))
        .unwrap();
    let start = TEXT.find("took place").unwrap();
    s.add_claim(
        a,
        ClaimKind::Date,
        (start, start + "took place".len()),
        &[("value".into(), "2025-02-28".into())],
        Some("Alice"),
    )
    .unwrap();
    // the archive: a copied verdict, a person decision, a dismissed
    // contradiction (two chairs of one council at once)
    s.copy_verdict(claims[3].id, claims[0].id, "Alice", Some("same fact"))
        .unwrap();
    s.decide_person(
        &PersonDecision::Same {
            a: "Amelia Quist".into(),
            b: "Quist".into(),
        },
        "Alice",
        None,
    )
    .unwrap();
    for (date, text) in RIVALS {
        let mut other = Document::new(text.to_string(), Format::Text);
        other.title = "Portvale Ferries".into();
        other.published = date.parse().ok();
        s.add(&other, Target::New).unwrap();
    }
    let conflicts = s.conflicts(None, false).unwrap();
    let first = conflicts
        .first()
        .expect("the two chairs contradict each other");
    s.dismiss_conflict(
        &first.conflict.id.clone(),
        "one of them was acting chair",
        "Alice",
    )
    .unwrap();
}

fn send(from: &mut Store, to: &mut Store) {
    from.sync_scan().unwrap();
    let mut seq = to.pulled_seq("articles").unwrap();
    for set in SHARED_SETS.iter().filter(|s| s.pushed) {
        let (rows, _) = from.outbox(set.name, 0, 100_000).unwrap();
        let pulled: Vec<PulledRow> = rows
            .into_iter()
            .map(|r| {
                seq += 1;
                PulledRow {
                    seq,
                    gid: r.gid,
                    author: "alice".into(),
                    payload: r.payload,
                }
            })
            .collect();
        let applied = to.apply_pulled(set.name, &pulled).unwrap();
        assert_eq!(applied.waiting, None, "{}", set.name);
    }
}

fn rows(s: &mut Store, set: &str) -> Vec<(String, serde_json::Value)> {
    s.sync_scan().unwrap();
    s.shared_rows(set)
        .unwrap()
        .into_iter()
        .map(|(g, _, p)| (g, p))
        .collect()
}

#[test]
fn every_shared_set_travels_between_replicas() {
    let mut a = Store::open_in_memory().unwrap();
    let mut b = Store::open_in_memory().unwrap();
    write_every_set(&mut a);
    send(&mut a, &mut b);
    for set in SHARED_SETS.iter().filter(|s| s.pushed) {
        let (ra, rb) = (rows(&mut a, set.name), rows(&mut b, set.name));
        assert!(!ra.is_empty(), "write_every_set writes no {} row", set.name);
        assert_eq!(ra, rb, "{}", set.name);
    }
    // Sending again stores nothing twice.
    send(&mut a, &mut b);
    for set in SHARED_SETS.iter().filter(|s| s.pushed) {
        assert_eq!(rows(&mut a, set.name).len(), rows(&mut b, set.name).len());
    }
    // What B read is what B shows: the dismissed contradiction is gone
    // there too, the decision and the copy are there.
    assert_eq!(
        a.conflicts(None, false).unwrap().len(),
        b.conflicts(None, false).unwrap().len()
    );
    assert_eq!(
        b.conflicts(None, true).unwrap().len(),
        a.conflicts(None, true).unwrap().len()
    );
    assert_eq!(b.person_decisions().unwrap().len(), 1);
    let art = b.resolve_article("1").unwrap();
    let claims = b.claims(art, None, Default::default()).unwrap();
    assert_eq!(claims[0].status, Status::False);
}

#[test]
fn a_row_pointing_at_what_is_not_here_waits() {
    let mut a = Store::open_in_memory().unwrap();
    let mut b = Store::open_in_memory().unwrap();
    write_every_set(&mut a);
    a.sync_scan().unwrap();
    let (rows, _) = a.outbox("reviews", 0, 10).unwrap();
    let pulled: Vec<PulledRow> = rows
        .into_iter()
        .map(|r| PulledRow {
            seq: 1,
            gid: r.gid,
            author: "alice".into(),
            payload: r.payload,
        })
        .collect();
    let applied = b.apply_pulled("reviews", &pulled).unwrap();
    assert!(applied.waiting.is_some());
    assert_eq!(applied.stored, 0);
    assert_eq!(
        b.pulled_seq("reviews").unwrap(),
        0,
        "the cursor stays before it"
    );
}
