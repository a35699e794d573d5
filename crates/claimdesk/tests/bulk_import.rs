//! Bulk imports commit in bounded batches that nobody else sees until the
//! whole import is published: between batches no write lock is held (a
//! second connection's verdict goes through at once), readers see none of
//! the import, a failed import leaves nothing, and verdicts given while it
//! ran are carried over when it publishes.

use chrono::NaiveDate;
use claimdesk::load::{Document, Format, LoadError, SourceKind};
use claimdesk::model::Status;
use claimdesk::store::{ClaimFilter, ReviewInput, Store, Target};
use std::path::Path;

fn article(n: usize) -> String {
    format!(
        "ESKERBY, June {day} - Harbour Commissioner Nell Orrin{n} opened quay {n} on Monday. \
         \"It took four years,\" Orrin{n} said. The deputy commissioner, Tam Greve{n}, resigned last week.",
        day = 1 + n % 27
    )
}

fn doc(id: &str, text: String) -> Document {
    let mut d = Document::new(text, Format::Text);
    d.title = format!("Quay {id}");
    d.external_id = Some(id.to_string());
    d.source = Some(id.to_string());
    d.source_kind = SourceKind::Jsonl;
    d.published = NaiveDate::from_ymd_opt(2026, 6, 20);
    d
}

fn docs(prefix: &str, n: usize) -> Vec<Result<Document, LoadError>> {
    (0..n)
        .map(|i| Ok(doc(&format!("{prefix}-{i}"), article(i))))
        .collect()
}

fn verdict(status: Status) -> ReviewInput {
    ReviewInput {
        status: Some(status),
        note: Some("checked".into()),
        reviewer: Some("desk".into()),
        ..ReviewInput::default()
    }
}

fn first_claim(store: &Store, article: i64) -> i64 {
    store
        .claims(article, None, ClaimFilter::default())
        .expect("claims")[0]
        .id
}

fn open(path: &Path) -> Store {
    Store::open(path).expect("open")
}

#[test]
fn batches_are_committed_unseen_and_never_block_a_verdict() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("desk.db");
    let mut store = open(&db);
    let first = store
        .add(&doc("solo", article(9999)), Target::Auto)
        .expect("add");
    let claim = first_claim(&store, first.article_id);

    let mut batches = 0;
    let sum = store
        .add_all_with(
            docs("wire", 300),
            |_| {},
            |stored| {
                batches += 1;
                // Another connection, as another program would: no write lock
                // is held now, and none of the import is visible yet.
                let mut other = open(&db);
                assert_eq!(other.articles().expect("list").len(), 1, "after {stored}");
                assert!(other.resolve_article("wire-0").is_err());
                assert!(other.search("Orrin0", 10).expect("search").is_empty());
                other
                    .review(claim, &verdict(Status::Verified))
                    .expect("a verdict between batches");
            },
        )
        .expect("import");
    assert_eq!(sum.new_articles, 300);
    assert!(batches >= 3, "300 documents in {batches} batch(es)");
    let other = open(&db);
    assert_eq!(other.articles().expect("list").len(), 301);
    assert_eq!(other.history(claim).expect("history").len(), batches);
    assert!(!other.search("Orrin0", 10).expect("search").is_empty());
    assert_no_lock_files(dir.path());
}

#[test]
fn a_failed_import_keeps_nothing_and_names_the_conflict() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("desk.db");
    let mut store = open(&db);
    let mut failure = None;
    store
        .add_all_with(
            docs("a", 200),
            |_| {},
            |stored| {
                if failure.is_some() {
                    return;
                }
                // A second import that also brings `a-0`, held back by the
                // first: it fails after storing a batch of its own, and must
                // leave nothing behind.
                let mut other = open(&db);
                let mut second = docs("b", 150);
                second.push(Ok(doc("a-0", article(0) + " Updated.")));
                let err = other
                    .add_all(second, |_| {})
                    .expect_err("the second import must fail");
                assert!(stored > 0);
                failure = Some(err.to_string());
                assert!(other.resolve_article("b-0").is_err());
            },
        )
        .expect("the first import");
    let msg = failure.expect("the second import ran");
    assert!(
        msg.contains("a-0") && msg.contains("still under way"),
        "{msg}"
    );
    let store = open(&db);
    assert_eq!(store.articles().expect("list").len(), 200);
    // Nothing of the second import is left, visible or not.
    let conn = rusqlite::Connection::open(&db).expect("sqlite");
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect(sql) };
    assert_eq!(count("SELECT count(*) FROM articles"), 200);
    assert_eq!(count("SELECT count(*) FROM pending_revisions"), 0);
    assert_eq!(
        count("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'Orrin0'"),
        // Every claim that names Orrin0, in its text or its fields (the
        // extractor may read "Harbour Commissioner Nell Orrin0" as a person
        // with a role and a quote).
        count("SELECT count(*) FROM claims WHERE text LIKE '%Orrin0%' OR fields LIKE '%Orrin0%'")
    );
    assert_eq!(
        count("SELECT count(*) FROM imports WHERE outcome = 'abandoned'"),
        1
    );
    assert_no_lock_files(dir.path());
}

#[test]
fn verdicts_given_during_an_import_carry_over_when_it_publishes() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("desk.db");
    let mut store = open(&db);
    store.add_all(docs("q", 3), |_| {}).expect("first import");
    let id = store.resolve_article("q-1").expect("q-1");
    let old = store
        .claims(id, None, ClaimFilter::default())
        .expect("claims");
    let quote = old
        .iter()
        .find(|c| c.claim.text.contains("four years"))
        .expect("the quote")
        .id;

    // The revised wire: q-1's quote is unchanged, its date is not.
    let mut revised = docs("r", 200);
    revised.push(Ok(doc(
        "q-1",
        article(1).replace("on Monday", "on Tuesday"),
    )));
    let mut given = false;
    store
        .add_all_with(
            revised,
            |_| {},
            |_| {
                if !given {
                    // Given on revision 1 while revision 2 is being stored.
                    open(&db)
                        .review(quote, &verdict(Status::Verified))
                        .expect("review");
                    given = true;
                }
            },
        )
        .expect("second import");
    let new = store
        .claims(id, None, ClaimFilter::default())
        .expect("claims");
    assert_eq!(new[0].revision, 2);
    let carried = new
        .iter()
        .find(|c| c.previous_id == Some(quote))
        .expect("the quote carried over");
    assert_eq!(carried.status, Status::Verified);
}

fn assert_no_lock_files(dir: &Path) {
    let left: Vec<_> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".import-"))
        .collect();
    assert!(left.is_empty(), "lock files left: {left:?}");
}
