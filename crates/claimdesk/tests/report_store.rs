//! `report::from_store` against a real store: two revisions of an article
//! written for this test, verdicts recorded on the first, and what the
//! report input says about the second — evidence, current verdicts (the
//! reviewer's own entry, not the store's carried copy), histories, changes
//! and removed claims.

use chrono::{TimeZone, Utc};
use claimdesk::compare::ClaimChange;
use claimdesk::load::{Overrides, from_text};
use claimdesk::model::Status;
use claimdesk::report::{Format, ReportInput, from_store, render};
use claimdesk::store::{ReviewInput, Store, Target};

const V1: &str = "Bridge works will close the east road on Monday, the council said.\n\n\
The repairs began on 4 November after an inspection.\n\n\
Engineers expect to finish on 12 December 2025.\n";

/// Monday became Tuesday; the inspection sentence is gone.
const V2: &str = "Bridge works will close the east road on Tuesday, the council said.\n\n\
Engineers expect to finish on 12 December 2025.\n";

fn store_with_two_revisions() -> (Store, ReportInput) {
    let over = Overrides {
        title: Some("Bridge works close east road".into()),
        published: chrono::NaiveDate::from_ymd_opt(2025, 11, 27),
    };
    let mut store = Store::open_in_memory().expect("store");
    let doc = from_text(V1.into(), &over).expect("load v1");
    let added = store.add(&doc, Target::New).expect("add v1");
    let id = added.article_id.to_string();
    let first = from_store(&store, &id, None, Utc::now()).expect("report v1");
    (store, first)
}

fn claim_id(input: &ReportInput, text: &str) -> i64 {
    input
        .claims
        .iter()
        .find(|e| e.claim.text == text)
        .map(|e| e.id)
        .unwrap_or_else(|| panic!("no claim {text:?}"))
}

#[test]
fn first_revision_report_matches_the_store() {
    let (mut store, first) = store_with_two_revisions();
    assert_eq!(first.article.title, "Bridge works close east road");
    assert_eq!(first.article.revision, 1);
    assert!(first.previous.is_none());
    assert!(first.claims.len() >= 3, "{:?}", first.claims);
    for e in &first.claims {
        let (_, span, _) = e.evidence.parts().expect("span fits");
        assert_eq!(span, e.claim.text);
        assert!(V1.contains(&e.evidence.sentence));
        assert_eq!(e.review.status, Status::Unreviewed);
        assert!(e.history.is_empty());
        assert!(e.change.is_none());
    }
    let monday = claim_id(&first, "Monday");
    store
        .review(
            monday,
            &ReviewInput {
                status: Some(Status::Verified),
                note: Some("Road closure notice".into()),
                sources: vec!["https://example.org/notice".into()],
                reviewer: Some("Ana Ruiz".into()),
                revision: None,
            },
        )
        .expect("review");
    let again = from_store(&store, "1", Some(1), Utc::now()).expect("report");
    let e = again.claims.iter().find(|e| e.id == monday).expect("claim");
    assert_eq!(e.review.status, Status::Verified);
    assert_eq!(e.review.reviewer.as_deref(), Some("Ana Ruiz"));
    assert_eq!(e.review.sources, ["https://example.org/notice"]);
    assert_eq!(e.review.revision, Some(1));
    assert!(e.review.reviewed_at.is_some());
    assert_eq!(e.history.len(), 1);
}

#[test]
fn second_revision_report_shows_changes_and_carried_verdicts() {
    let (mut store, first) = store_with_two_revisions();
    let finish = claim_id(&first, "12 December 2025");
    let repair = claim_id(&first, "4 November");
    for (id, status) in [(finish, Status::Verified), (repair, Status::False)] {
        store
            .review(
                id,
                &ReviewInput {
                    status: Some(status),
                    note: Some("checked".into()),
                    sources: Vec::new(),
                    reviewer: Some("Ben Cole".into()),
                    revision: None,
                },
            )
            .expect("review");
    }
    let over = Overrides {
        title: None,
        published: chrono::NaiveDate::from_ymd_opt(2025, 11, 27),
    };
    let doc = from_text(V2.into(), &over).expect("load v2");
    store.add(&doc, Target::Article(1)).expect("add v2");
    let at = Utc
        .with_ymd_and_hms(2025, 11, 28, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let second = from_store(&store, "1", None, at).expect("report v2");
    assert_eq!(second.article.revision, 2);
    assert_eq!(second.generated_at, at);
    let prev = second.previous.as_ref().expect("previous revision");
    assert_eq!(prev.revision, 1);
    // The repair date is gone, with the verdict it had.
    assert!(
        prev.removed
            .iter()
            .any(|r| r.claim.text == "4 November" && r.status == Status::False),
        "{:?}",
        prev.removed
    );
    // The finish date is unchanged: its verdict carries over, shown as the
    // reviewer gave it on revision 1 (not as the store's copy).
    let kept = second
        .claims
        .iter()
        .find(|e| e.claim.text == "12 December 2025")
        .expect("finish date");
    assert_eq!(
        kept.change.as_ref().map(|d| d.change),
        Some(ClaimChange::Unchanged)
    );
    assert_eq!(kept.review.status, Status::Verified);
    assert_eq!(kept.review.reviewer.as_deref(), Some("Ben Cole"));
    assert_eq!(kept.review.revision, Some(1));
    assert_eq!(kept.history.len(), 1, "the carried copy is not repeated");
    // Every claim of revision 2 says how it fared.
    assert!(second.claims.iter().all(|e| e.change.is_some()));
    // And every format renders it.
    for f in [Format::Markdown, Format::Html, Format::Csv, Format::Json] {
        render(&second, f).unwrap_or_else(|e| panic!("{f}: {e}"));
    }
    // Loaded from pasted text: no URL, so no ClaimReview until one is given.
    assert!(render(&second, Format::ClaimReview).is_err());
}

#[test]
fn unknown_articles_and_revisions_are_errors() {
    let (store, _) = store_with_two_revisions();
    assert!(from_store(&store, "99", None, Utc::now()).is_err());
    assert!(from_store(&store, "1", Some(5), Utc::now()).is_err());
}
