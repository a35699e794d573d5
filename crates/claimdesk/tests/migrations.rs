//! Opening a database written by an older Claimdesk upgrades it in place,
//! keeping every article, claim and verdict.

use claimdesk::store::{ClaimFilter, Store};

#[test]
fn version_1_database_is_upgraded_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    Store::create_at_schema_version(&path, 1).unwrap();
    {
        // Rows as version 1 of the schema holds them.
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            r#"
            INSERT INTO articles (id, url, external_id, created_at) VALUES (1, NULL, NULL, '2026-01-01T00:00:00Z');
            INSERT INTO revisions (id, article_id, number, text, content_hash, source, source_kind, format, encoding, title, byline, published, loaded_at)
              VALUES (1, 1, 1, 'The pier opened on Friday.', 'h1', 'pier.txt', 'file', 'text', 'UTF-8', 'Pier opens', NULL, '2026-01-02', '2026-01-02T10:00:00Z');
            INSERT INTO revisions_fts (rowid, title, text) VALUES (1, 'Pier opens', 'The pier opened on Friday.');
            INSERT INTO sentences (revision_id, idx, start, end) VALUES (1, 0, 0, 26);
            INSERT INTO claims (id, revision_id, idx, kind, key, start, end, sentence, text, confidence, fields)
              VALUES (1, 1, 0, 'date', 'date|friday', 19, 25, 0, 'Friday', 0.9, '{"kind":"date","value":"2026-01-02","timex_type":"DATE"}');
            INSERT INTO reviews (claim_id, status, note, sources, reviewer, at, origin)
              VALUES (1, 'verified', 'checked', '["https://example.org"]', 'Ana', '2026-01-03T09:00:00Z', 'manual');
            "#,
        )
        .unwrap();
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1);
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        claimdesk::store::latest_schema_version()
    );
    let articles = store.articles().unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].title, "Pier opens");
    let claims = store.claims(1, None, ClaimFilter::default()).unwrap();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].status, claimdesk::Status::Verified);
    assert_eq!(
        store.history(1).unwrap()[0].reviewer.as_deref(),
        Some("Ana")
    );
    assert_eq!(store.search("pier", 10).unwrap().len(), 1);
    // The new indexes exist.
    let c = rusqlite::Connection::open(&path).unwrap();
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'claims_revision_kind'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn a_fresh_database_gets_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/folder/new.db");
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        claimdesk::store::latest_schema_version()
    );
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let c = rusqlite::Connection::open(&path).unwrap();
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn claims_stored_before_the_archive_index_get_their_people_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    Store::create_at_schema_version(&path, 3).unwrap();
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            r#"
            INSERT INTO articles (id, url, external_id, created_at) VALUES (1, NULL, NULL, '2026-01-01T00:00:00Z');
            INSERT INTO revisions (id, article_id, number, text, content_hash, source, source_kind, format, encoding, title, byline, published, loaded_at)
              VALUES (1, 1, 1, 'Mayor Ada Mensah opened the pier.', 'h1', 'pier.txt', 'file', 'text', 'UTF-8', 'Pier opens', NULL, '2026-01-02', '2026-01-02T10:00:00Z');
            INSERT INTO claims (id, revision_id, idx, kind, key, start, end, sentence, text, confidence, fields)
              VALUES (1, 1, 0, 'role', 'role|ada mensah|mayor', 0, 16, 0, 'Mayor Ada Mensah', 0.9, '{"kind":"role","person":"Ada Mensah","role":"Mayor"}');
            "#,
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let people = store.people(None).unwrap();
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].id, "mensah ada");
    assert_eq!(store.person("Ada Mensah").unwrap().roles.len(), 1);
    drop(store);
    // Once only: a second open finds nothing left to index.
    let store = Store::open(&path).unwrap();
    assert_eq!(store.people(None).unwrap()[0].claims, 1);
}

/// The team desk's migration gives every older verdict a global id and
/// chains a claim's verdicts (each has seen the one before), so an old
/// history is no conflict; and the history stays append-only.
#[test]
fn older_verdicts_get_global_ids_and_stay_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    Store::create_at_schema_version(&path, 1).unwrap();
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            r#"
            INSERT INTO articles (id, url, external_id, created_at) VALUES (1, NULL, NULL, '2026-01-01T00:00:00Z');
            INSERT INTO revisions (id, article_id, number, text, content_hash, source, source_kind, format, encoding, title, byline, published, loaded_at)
              VALUES (1, 1, 1, 'The pier opened on Friday.', 'h1', 'pier.txt', 'file', 'text', 'UTF-8', 'Pier opens', NULL, '2026-01-02', '2026-01-02T10:00:00Z');
            INSERT INTO sentences (revision_id, idx, start, end) VALUES (1, 0, 0, 26);
            INSERT INTO claims (id, revision_id, idx, kind, key, start, end, sentence, text, confidence, fields)
              VALUES (1, 1, 0, 'date', 'date|friday', 19, 25, 0, 'Friday', 0.9, '{"kind":"date","value":"2026-01-02","timex_type":"DATE"}');
            INSERT INTO reviews (claim_id, status, reviewer, at) VALUES (1, 'verified', 'Ana', '2026-01-03T09:00:00Z');
            INSERT INTO reviews (claim_id, status, reviewer, at) VALUES (1, 'false', 'Ben', '2026-01-04T09:00:00Z');
            INSERT INTO reviews (claim_id, status, reviewer, at) VALUES (1, 'disputed', 'Cy', '2026-01-05T09:00:00Z');
            "#,
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let history = store.history(1).unwrap();
    assert_eq!(history.len(), 3);
    let uids: std::collections::BTreeSet<&str> = history.iter().map(|r| r.uid.as_str()).collect();
    assert_eq!(uids.len(), 3, "{history:?}");
    assert!(uids.iter().all(|u| !u.is_empty()));
    assert!(store.conflict(1).unwrap().is_empty());
    drop(store);
    let c = rusqlite::Connection::open(&path).unwrap();
    let seen: Vec<String> = c
        .prepare("SELECT seen FROM reviews ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(seen[0], "[]");
    assert_eq!(seen[1], format!("[\"{}\"]", history[0].uid));
    assert_eq!(seen[2], format!("[\"{}\"]", history[1].uid));
    assert!(
        c.execute("UPDATE reviews SET status = 'verified'", [])
            .is_err(),
        "append-only"
    );
    assert!(
        c.execute(
            "INSERT INTO reviews (claim_id, status, at) VALUES (1, 'false', 'x')",
            []
        )
        .is_err(),
        "a new verdict needs its uid"
    );
}
