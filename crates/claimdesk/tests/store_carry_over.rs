//! Verdicts across revisions, through the store and the revision
//! comparison's claim alignment: an unchanged claim keeps its verdict, a
//! changed one needs a re-check with a history entry that says what
//! changed, a removed one keeps its history in the old revision; and the
//! stored revisions compare like the texts do.

use chrono::NaiveDate;
use claimdesk::compare::{ClaimChange, SentenceStatus, compare_extracted};
use claimdesk::extract::Extraction;
use claimdesk::load::{self, Overrides};
use claimdesk::model::{ClaimKind, Status};
use claimdesk::store::{ClaimFilter, ReviewInput, Store, Target};

const V1: &str = "LOWBRIDGE, May 4 - The mayor of Lowbridge, Ada Mensah, opened the new bridge on Tuesday. Kofi Boateng, the city engineer, said the work took three years. The council will meet on Friday to discuss the costs.";
const V2: &str = "LOWBRIDGE, May 4 - The mayor of Lowbridge, Ada Mensah, opened the new bridge on Wednesday. Kofi Boateng, the city engineer, said the work took three years.";

fn doc(text: &str) -> load::Document {
    let over = Overrides {
        title: Some("Bridge opens".into()),
        published: NaiveDate::from_ymd_opt(2026, 5, 4),
    };
    load::from_text(text.to_string(), &over).expect("load")
}

fn verified() -> ReviewInput {
    ReviewInput {
        status: Some(Status::Verified),
        note: Some("checked with the council".into()),
        sources: Vec::new(),
        reviewer: Some("desk".into()),
        revision: None,
    }
}

#[test]
fn verdicts_follow_the_claims_across_revisions() {
    let mut store = Store::open_in_memory().expect("store");
    let first = store.add(&doc(V1), Target::Auto).expect("add v1");
    let article = first.article_id;
    let old = store
        .claims(article, Some(1), ClaimFilter::default())
        .expect("claims");
    assert!(
        old.iter()
            .any(|c| c.claim.kind() == ClaimKind::Date && c.claim.text.contains("Tuesday")),
        "the extractor should find the Tuesday date: {old:#?}"
    );
    for c in &old {
        store.review(c.id, &verified()).expect("review");
    }

    let second = store
        .add(&doc(V2), Target::Article(article))
        .expect("add v2");
    assert_eq!(second.revision, 2);
    assert!(second.rechecked >= 1, "{second:?}");
    assert!(second.removed_reviewed >= 1, "{second:?}");

    let new = store
        .claims(article, Some(2), ClaimFilter::default())
        .expect("claims");
    // The changed date needs a re-check, with a note that says why.
    let date = new
        .iter()
        .find(|c| c.claim.text.contains("Wednesday"))
        .expect("the Wednesday date");
    assert_eq!(date.status, Status::NeedsRecheck);
    let history = store.history(date.id).expect("history");
    let last = history.last().expect("an entry");
    let note = last.note.as_deref().unwrap_or("");
    assert!(
        note.contains("revision 2") && note.contains("value"),
        "{note}"
    );
    // Its history goes back to the verdict on the old claim.
    assert!(
        history
            .iter()
            .any(|r| r.status == Status::Verified && r.revision == 1)
    );

    // Claims that did not change keep their verdict.
    let unchanged: Vec<_> = new.iter().filter(|c| c.id != date.id).collect();
    assert!(!unchanged.is_empty());
    for c in unchanged {
        assert_eq!(c.status, Status::Verified, "{c:#?}");
    }

    // The old revision, removed claims included, keeps its history.
    for c in store
        .claims(article, Some(1), ClaimFilter::default())
        .expect("claims")
    {
        assert_eq!(c.status, Status::Verified);
    }

    // Comparing the stored revisions says the same as comparing the texts.
    let (r1, r2) = (
        store.revision(article, Some(1)).expect("rev 1"),
        store.revision(article, Some(2)).expect("rev 2"),
    );
    let ex = |r: &claimdesk::store::Revision, n: u32| Extraction {
        published: r.info.published,
        sentences: r.sentences.clone(),
        claims: store
            .claims(article, Some(n), ClaimFilter::default())
            .expect("claims")
            .into_iter()
            .map(|c| c.claim)
            .collect(),
    };
    let cmp = compare_extracted(&r1.text, &ex(&r1, 1), &r2.text, &ex(&r2, 2));
    let status_of = |needle: &str| {
        cmp.sentences
            .iter()
            .find(|e| r1.text[e.old_start..e.old_end].contains(needle))
            .map(|e| e.status)
    };
    assert_eq!(status_of("Tuesday"), Some(SentenceStatus::Changed));
    assert_eq!(status_of("three years"), Some(SentenceStatus::Unchanged));
    assert_eq!(
        status_of("council will meet"),
        Some(SentenceStatus::Removed)
    );
    assert!(
        cmp.claims.iter().any(
            |c| c.status == ClaimChange::Changed && c.fields.iter().any(|f| f.field == "value")
        )
    );
    assert!(cmp.claims.iter().any(|c| c.status == ClaimChange::Removed));
}

/// Changing an article's publication date resolves its relative dates
/// again: a claim whose value moves goes to re-check, one that does not
/// keeps its verdict, and the old date stays on record in the revision
/// before.
#[test]
fn a_new_publication_date_re_resolves_relative_dates() {
    let text = "PIERTON - The harbour council met on Monday to discuss the pier. Rents in the old town rose sharply in 2019, the council said.";
    let mut store = Store::open_in_memory().expect("store");
    let mut d = doc(text);
    d.published = NaiveDate::from_ymd_opt(2026, 3, 4);
    let first = store.add(&d, Target::Auto).expect("add");
    let article = first.article_id;
    let claims = store
        .claims(article, None, ClaimFilter::default())
        .expect("claims");
    let value = |c: &claimdesk::store::StoredClaim| {
        c.claim
            .fields
            .pairs()
            .into_iter()
            .find(|(k, _)| *k == "value")
            .map(|(_, v)| v)
    };
    let monday = claims
        .iter()
        .find(|c| c.claim.text == "Monday")
        .expect("the Monday date");
    assert_eq!(value(monday).as_deref(), Some("2026-03-02"));
    let year = claims
        .iter()
        .find(|c| c.claim.text.contains("2019"))
        .expect("the year");
    store.review(monday.id, &verified()).expect("review");
    store.review(year.id, &verified()).expect("review");

    let moved = store
        .set_published(article, NaiveDate::from_ymd_opt(1987, 3, 4))
        .expect("set the date");
    assert_eq!(moved.revision, 2);
    assert!(!moved.unchanged);
    let now = store
        .claims(article, None, ClaimFilter::default())
        .expect("claims");
    let monday2 = now
        .iter()
        .find(|c| c.claim.text == "Monday")
        .expect("the Monday date");
    assert_eq!(value(monday2).as_deref(), Some("1987-03-02"));
    assert_eq!(monday2.status, Status::NeedsRecheck);
    let note = monday2
        .review
        .as_ref()
        .and_then(|r| r.note.clone())
        .unwrap_or_default();
    assert!(
        note.contains("2026-03-02") && note.contains("1987-03-02"),
        "{note}"
    );
    let year2 = now
        .iter()
        .find(|c| c.claim.text.contains("2019"))
        .expect("the year");
    assert_eq!(year2.status, Status::Verified);

    let revisions = store.revisions(article).expect("revisions");
    let dates: Vec<_> = revisions.iter().map(|r| r.published).collect();
    assert_eq!(
        dates,
        [
            NaiveDate::from_ymd_opt(2026, 3, 4),
            NaiveDate::from_ymd_opt(1987, 3, 4)
        ]
    );
    // The same date again stores nothing.
    let same = store
        .set_published(article, NaiveDate::from_ymd_opt(1987, 3, 4))
        .expect("same date");
    assert!(same.unchanged);
    assert_eq!(store.revisions(article).expect("revisions").len(), 2);
    // The same text loaded again without a date keeps the stored one.
    let mut again = doc(text);
    again.published = None;
    let undated = store
        .add(&again, Target::Article(article))
        .expect("add again");
    assert!(undated.unchanged, "{undated:?}");
    // Clearing the date is a change of its own.
    let cleared = store.set_published(article, None).expect("clear");
    assert_eq!(cleared.revision, 3);
    assert_eq!(
        store
            .revision(article, None)
            .expect("latest")
            .info
            .published,
        None
    );
}
