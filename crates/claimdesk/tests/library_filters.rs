//! The library's filters: articles by the verdicts their current claims
//! hold ("articles with false claims"), and search over the checkers' own
//! notes and sources, through a real store.

use chrono::NaiveDate;
use claimdesk::load::{self, Overrides};
use claimdesk::model::Status;
use claimdesk::store::{ArticleId, ClaimFilter, ReviewInput, Store, Target};

const ARTICLES: [(&str, &str); 3] = [
    (
        "Ferry deal",
        "PORT ELLIS, May 4 - Mayor Ada Mensah said on Tuesday that the ferry deal was signed.",
    ),
    (
        "Pier closes",
        "LOWBRIDGE, May 5 - The pier closed on Friday, Harbour Master Kofi Boateng said.",
    ),
    (
        "Bridge opens",
        "CARROW, May 6 - Governor Ilse Marven opened the bridge on Monday.",
    ),
];

fn add(store: &mut Store, title: &str, text: &str) -> ArticleId {
    let over = Overrides {
        title: Some(title.into()),
        published: NaiveDate::from_ymd_opt(2026, 5, 6),
    };
    let doc = load::from_text(text.to_string(), &over).expect("load");
    store.add(&doc, Target::Auto).expect("add").article_id
}

fn review(store: &mut Store, article: ArticleId, status: Status, note: &str, source: &str) {
    let claims = store
        .claims(article, None, ClaimFilter::default())
        .expect("claims");
    let first = claims.first().expect("the article has claims");
    let input = ReviewInput {
        status: Some(status),
        note: Some(note.into()),
        sources: vec![source.into()],
        reviewer: Some("desk".into()),
        revision: None,
    };
    store.review(first.id, &input).expect("review");
}

fn titles(store: &Store, verdict: Option<Status>) -> Vec<String> {
    let mut t: Vec<String> = store
        .newest_with_verdict(verdict, 50)
        .expect("list")
        .into_iter()
        .map(|a| a.title)
        .collect();
    t.sort();
    t
}

fn check(store: &Store, verdict: Option<Status>, want: &[&str]) {
    assert_eq!(titles(store, verdict), want, "{verdict:?}");
    if let Some(v) = verdict {
        assert_eq!(
            store.count_with_verdict(v).expect("count"),
            want.len(),
            "{v:?}"
        );
    }
}

/// The articles whose notes or sources hold `q`.
fn found(store: &Store, q: &str) -> Vec<ArticleId> {
    let mut v: Vec<ArticleId> = store
        .search(q, 20)
        .expect("search")
        .into_iter()
        .filter(|h| h.snippet.starts_with("note: ") || h.snippet.starts_with("sources: "))
        .map(|h| h.article_id)
        .collect();
    v.dedup();
    v
}

#[test]
fn articles_by_verdict_and_notes_found_by_search() {
    let mut store = Store::open_in_memory().expect("store");
    let ids: Vec<ArticleId> = ARTICLES
        .iter()
        .map(|(t, x)| add(&mut store, t, x))
        .collect();
    review(
        &mut store,
        ids[0],
        Status::False,
        "The clerk says the deal is unsigned.",
        "https://example.org/ferry-minutes",
    );
    review(
        &mut store,
        ids[1],
        Status::Verified,
        "Confirmed by phone.",
        "interview-2026-05-05",
    );
    // A false verdict later corrected to verified no longer counts as false.
    review(
        &mut store,
        ids[2],
        Status::False,
        "First reading.",
        "memo-1",
    );
    review(
        &mut store,
        ids[2],
        Status::Verified,
        "Second reading with the governor's office.",
        "memo-2",
    );

    check(&store, Some(Status::False), &["Ferry deal"]);
    check(
        &store,
        Some(Status::Verified),
        &["Bridge opens", "Pier closes"],
    );
    check(&store, Some(Status::Disputed), &[]);
    check(&store, None, &["Bridge opens", "Ferry deal", "Pier closes"]);
    let summary = store.article_summary(ids[0]).expect("summary");
    assert_eq!(summary.false_claims, 1);

    assert_eq!(
        found(&store, "clerk unsigned"),
        vec![ids[0]],
        "words of a note"
    );
    assert_eq!(found(&store, "ferry-minutes"), vec![ids[0]], "a source");
    assert_eq!(
        found(&store, "governor's office"),
        vec![ids[2]],
        "the current note"
    );
    assert!(
        found(&store, "first reading").is_empty(),
        "an earlier note is not the current one"
    );
    assert!(
        found(&store, "100%_").is_empty(),
        "LIKE wildcards are literal"
    );

    // A claim dismissed as "not a claim" takes its verdict and note with it.
    let false_claim = store
        .claims(ids[0], None, ClaimFilter::default())
        .expect("claims")
        .into_iter()
        .next()
        .expect("a claim")
        .id;
    store
        .dismiss_claim(false_claim, Some("the dateline"), Some("desk"))
        .expect("dismiss");
    check(&store, Some(Status::False), &[]);
    assert_eq!(
        store.article_summary(ids[0]).expect("summary").false_claims,
        0
    );
    assert!(
        found(&store, "clerk unsigned").is_empty(),
        "a dismissed claim's note"
    );
}
