//! The hub's rights, against a real PostgreSQL server: a review's author
//! is the login that wrote it (a spoofed author is refused), the shared
//! history can be neither changed nor deleted, only editors lock, and
//! `team init` can run again.

mod common;

use claimdesk_team::TeamError;
use claimdesk_team::hub::{self, Role};
use common::{Hub, Replica, server};
use serde_json::json;

fn insert(
    c: &mut postgres::Client,
    set: &str,
    gid: &str,
    author: Option<&str>,
) -> Result<u64, postgres::Error> {
    let payload = json!({"uid": gid});
    match author {
        None => c.execute(
            "INSERT INTO claimdesk.items (set_name, gid, payload) VALUES ($1, $2, $3)",
            &[&set, &gid, &payload],
        ),
        Some(a) => c.execute(
            "INSERT INTO claimdesk.items (set_name, gid, author, payload) VALUES ($1, $2, $3::text::name, $4)",
            &[&set, &gid, &a, &payload],
        ),
    }
}

#[test]
fn rls_refuses_spoofed_authors_and_history_cannot_change() {
    let Some(server) = server() else { return };
    let hub = Hub::new(&server);
    let alice = Replica::new(&hub, "alice", Role::Checker);
    let bob = Replica::new(&hub, "bob", Role::Checker);
    let mut c = alice.client().expect("alice connects");

    // Her own name: accepted, with her as author.
    assert_eq!(insert(&mut c, "reviews", "own", None).expect("own row"), 1);
    assert_eq!(
        insert(&mut c, "reviews", "own-named", Some(&alice.url.user)).expect("own name"),
        1
    );
    let author: String = c
        .query_one(
            "SELECT author::text FROM claimdesk.items WHERE gid = 'own'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(author, alice.url.user);

    // Someone else's name, or the superuser's: refused by row-level security.
    for spoof in [bob.url.user.as_str(), "postgres"] {
        let e = insert(&mut c, "reviews", "spoofed", Some(spoof)).expect_err("spoofed author");
        let db = e.as_db_error().expect("a refusal from the server");
        assert!(
            db.message().contains("row-level security"),
            "{}",
            db.message()
        );
    }

    // The history cannot change: no UPDATE, DELETE or TRUNCATE.
    for sql in [
        "UPDATE claimdesk.items SET payload = '{}' WHERE gid = 'own'",
        "DELETE FROM claimdesk.items WHERE gid = 'own'",
        "TRUNCATE claimdesk.items",
    ] {
        let e = c.batch_execute(sql).expect_err(sql);
        assert!(e.as_db_error().is_some(), "{sql}: {e}");
    }
    // Not even the owner can.
    let mut admin = hub.admin_client();
    for sql in [
        "UPDATE claimdesk.items SET payload = '{}' WHERE gid = 'own'",
        "DELETE FROM claimdesk.items WHERE gid = 'own'",
    ] {
        let e = admin.batch_execute(sql).expect_err(sql);
        assert!(
            e.to_string().contains("grow-only") || e.as_db_error().is_some(),
            "{sql}: {e}"
        );
    }
    let n: i64 = admin
        .query_one("SELECT count(*) FROM claimdesk.items", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 2);
}

#[test]
fn only_editors_lock() {
    let Some(server) = server() else { return };
    let hub = Hub::new(&server);
    let checker = Replica::new(&hub, "carla", Role::Checker);
    let editor = Replica::new(&hub, "eddie", Role::Editor);
    let article = checker.add_article(&common::article(1));
    checker.sync().expect("sync");
    let gid = checker
        .store()
        .global_id("articles", article)
        .unwrap()
        .expect("article key");

    let refused =
        hub::lock_article(&mut checker.client().unwrap(), &gid).expect_err("a checker cannot lock");
    assert!(matches!(refused, TeamError::Refused(_)), "{refused:?}");

    hub::lock_article(&mut editor.client().unwrap(), &gid).expect("an editor locks");
    // The lock reaches the checker, whose store then refuses new verdicts.
    checker.sync().expect("sync");
    let s = checker.store();
    assert_eq!(
        s.article_lock(article).unwrap().as_deref(),
        Some(editor.url.user.as_str())
    );
    let claim = s.claims(article, None, Default::default()).unwrap()[0].id;
    drop(s);
    let e = checker
        .store()
        .review(
            claim,
            &claimdesk::store::ReviewInput {
                status: Some(claimdesk::Status::Verified),
                ..Default::default()
            },
        )
        .expect_err("locked");
    assert!(e.to_string().contains("locked"), "{e}");
    // Editors can also do what checkers do.
    editor.sync().expect("editor syncs");
}

#[test]
fn init_runs_again_and_says_its_version() {
    let Some(server) = server() else { return };
    let hub = Hub::new(&server);
    let v = hub::init(&hub.admin, &format!("{}_", hub.name)).expect("second init");
    assert_eq!(v, hub::latest_version());
    let n: i64 = hub
        .admin_client()
        .query_one("SELECT count(*) FROM claimdesk.migrations", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, i64::from(hub::latest_version()));
}

#[test]
fn a_wrong_password_is_refused_and_none_is_asked() {
    let Some(server) = server() else { return };
    let hub = Hub::new(&server);
    let alice = Replica::new(&hub, "alice", Role::Checker);
    let Err(e) = alice.url.connect(Some("not-her-password")) else {
        panic!("a wrong password was accepted");
    };
    assert!(!e.is_offline(), "{e:?}");
}

/// Whether the connection `c` is encrypted.
fn encrypted(c: &mut postgres::Client) -> bool {
    c.query_one(
        "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
        &[],
    )
    .unwrap()
    .get(0)
}

#[test]
fn sslmode_is_honoured() {
    let Some(server) = server() else { return };
    let Ok(ca) = std::env::var("CLAIMDESK_TEST_PG_CA") else {
        if std::env::var_os("CLAIMDESK_TEST_PG_REQUIRED").is_some() {
            panic!(
                "CLAIMDESK_TEST_PG_CA is not set: scripts/pg-cluster makes a certificate when openssl is installed"
            );
        }
        eprintln!("SKIPPED: CLAIMDESK_TEST_PG_CA is not set (a server without TLS)");
        return;
    };
    let hub = Hub::new(&server);
    let alice = Replica::new(&hub, "alice", Role::Checker);
    let with = |mode: &str| {
        let mut u = url::Url::parse(&alice.url.url).unwrap();
        let pairs: Vec<(String, String)> = u
            .query_pairs()
            .filter(|(k, _)| k != "sslmode")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        u.set_query(None);
        u.query_pairs_mut()
            .extend_pairs(pairs)
            .append_pair("sslmode", mode);
        if mode.starts_with("verify") {
            u.query_pairs_mut().append_pair("sslrootcert", &ca);
        }
        claimdesk_team::HubUrl::parse(u.as_str()).unwrap()
    };
    // (sslmode, connects, encrypted)
    let cases = [
        ("disable", true, false),
        ("prefer", true, true),
        ("require", true, true),
        ("verify-ca", true, true),
        ("verify-full", true, true),
    ];
    for (mode, connects, tls) in cases {
        match with(mode).connect(Some(&alice.password)) {
            Ok(mut c) => {
                assert!(connects, "{mode} connected");
                assert_eq!(encrypted(&mut c), tls, "{mode}");
            }
            Err(e) => assert!(!connects, "{mode}: {e}"),
        }
    }
    // Without the root certificate, the self-signed server is not trusted.
    let mut u = url::Url::parse(&alice.url.url).unwrap();
    u.set_query(Some("sslmode=verify-full"));
    let untrusted = claimdesk_team::HubUrl::parse(u.as_str()).unwrap();
    assert!(
        untrusted.connect(Some(&alice.password)).is_err(),
        "verify-full trusted an unknown certificate"
    );
}

#[test]
fn the_hub_refuses_verdicts_on_a_locked_article() {
    let Some(server) = server() else { return };
    let hub = Hub::new(&server);
    let carla = Replica::new(&hub, "carla", Role::Checker);
    let eddie = Replica::new(&hub, "eddie", Role::Editor);
    let a1 = carla.add_article(&common::article(1));
    let a2 = carla.add_article(&common::article(2));
    let (k1, k2) = (carla.claim_keys(a1), carla.claim_keys(a2));
    carla.sync().unwrap();
    // Offline, Carla judges a claim of each article ...
    carla.review(&k1[0], claimdesk::Status::Verified, "before the lock");
    carla.review(&k2[0], claimdesk::Status::False, "another article");
    // ... while the editor locks the first.
    let gid = carla.store().global_id("articles", a1).unwrap().unwrap();
    hub::lock_article(&mut eddie.client().unwrap(), &gid).unwrap();
    let report = carla.sync().unwrap();
    assert_eq!(report.refused, 1, "{report:?}");
    let on_hub: Vec<String> = hub
        .admin_client()
        .query(
            "SELECT payload->>'claim_id' FROM claimdesk.items WHERE set_name = 'reviews'",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(on_hub, vec![k2[0].clone()]);
    // Refused once, kept locally, never sent again.
    let again = carla.sync().unwrap();
    assert_eq!((again.pushed, again.refused), (0, 0), "{again:?}");
    let st = claimdesk_team::sync::status(&mut carla.store(), false).unwrap();
    assert_eq!(st.refused, vec![("reviews".to_string(), 1)]);
    assert_eq!(
        carla
            .store()
            .history(carla.store().local_id("claims", &k1[0]).unwrap().unwrap())
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn an_older_hub_is_upgraded_in_place_with_its_rows() {
    let Some(server) = server() else { return };
    // A hub left at version 1 by an older Claimdesk, with a verdict on it.
    let hub = Hub::new_at(&server, 1);
    let carla = Replica::new(&hub, "carla", Role::Checker);
    let eddie = Replica::new(&hub, "eddie", Role::Editor);
    let a = carla.add_article(&common::article(1));
    let keys = carla.claim_keys(a);
    carla.review(&keys[0], claimdesk::Status::Verified, "at version 1");
    carla.sync().unwrap();
    let gid = carla.store().global_id("articles", a).unwrap().unwrap();
    hub::lock_article(&mut eddie.client().unwrap(), &gid).unwrap();
    // Version 1 does not refuse a verdict on a locked article ...
    carla.review(
        &keys[1],
        claimdesk::Status::False,
        "still taken at version 1",
    );
    assert_eq!(carla.sync().unwrap().refused, 0);
    // ... the upgrade keeps every row and then does.
    let v = hub::init(&hub.admin, &format!("{}_", hub.name)).unwrap();
    assert_eq!(v, hub::latest_version());
    let rows: i64 = hub
        .admin_client()
        .query_one(
            "SELECT count(*) FROM claimdesk.items WHERE set_name = 'reviews'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(rows, 2);
    let claim = carla.store().local_id("claims", &keys[2]).unwrap().unwrap();
    // Written as if offline before the lock arrived (straight into the
    // history, past the local check the pulled lock now makes).
    let c = rusqlite::Connection::open(&carla.path).unwrap();
    c.execute(
        "INSERT INTO reviews (claim_id, status, at, uid) VALUES (?1, 'disputed', '2026-01-01T00:00:00Z', 'offline-before-lock')",
        [claim],
    )
    .unwrap();
    drop(c);
    assert_eq!(carla.sync().unwrap().refused, 1);
}
