//! Syncing replicas through a real PostgreSQL hub: sharing articles and
//! verdicts, idempotent pushes, conflicts and their resolution, the cursor
//! under concurrent writers, and a convergence property test over random
//! interleavings of offline reviews, pushes, pulls and restarts.

mod common;

use claimdesk::Status;
use claimdesk_team::hub::Role;
use common::{Hub, Replica, article, server};
use proptest::prelude::*;
use std::collections::BTreeSet;

fn hub_count(hub: &Hub, set: &str) -> i64 {
    hub.admin_client()
        .query_one(
            "SELECT count(*) FROM claimdesk.items WHERE set_name = $1",
            &[&set],
        )
        .unwrap()
        .get(0)
}

#[test]
fn two_checkers_share_articles_and_verdicts() {
    let Some(server) = server() else { return };
    let hub = Hub::new(&server);
    let alice = Replica::new(&hub, "alice", Role::Checker);
    let bob = Replica::new(&hub, "bob", Role::Checker);
    let a = alice.add_article(&article(1));
    let claims = alice.claim_keys(a);
    assert!(
        claims.len() >= 5,
        "the invented article has claims: {claims:?}"
    );
    let uid = alice.review(&claims[0], Status::False, "the budget was 3 million");
    let report = alice.sync().expect("alice syncs");
    // The article, its revision, its claims and the verdict.
    let shared = 2 + claims.len() + 1;
    assert!(report.pushed >= shared, "{report:?}");

    let report = bob.sync().expect("bob syncs");
    assert_eq!(report.waiting, Vec::<String>::new());
    // Bob has the article, its claims under the same keys, and the verdict
    // with Alice as its author.
    let b = bob.store().resolve_article("1").expect("article arrived");
    assert_eq!(bob.claim_keys(b), claims);
    let reviews = bob.reviews();
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0].0, uid);
    assert_eq!(reviews[0].1.as_deref(), Some(alice.url.user.as_str()));
    let s = bob.store();
    let c = s
        .claim(s.local_id("claims", &claims[0]).unwrap().unwrap())
        .unwrap();
    assert_eq!(c.status, Status::False);
    assert_eq!(
        c.review.as_ref().and_then(|r| r.author.as_deref()),
        Some(alice.url.user.as_str())
    );
    drop(s);

    // Bob answers; Alice sees it; both hold the same history.
    bob.review(&claims[1], Status::Verified, "checked the minutes");
    bob.sync().expect("bob pushes");
    alice.sync().expect("alice pulls");
    assert_eq!(alice.reviews(), bob.reviews());
    assert_eq!(hub_count(&hub, "reviews"), 2);
}

#[test]
fn pushing_the_same_outbox_again_changes_nothing() {
    let Some(server) = server() else { return };
    let hub = Hub::new(&server);
    let alice = Replica::new(&hub, "alice", Role::Checker);
    let a = alice.add_article(&article(2));
    let claims = alice.claim_keys(a);
    alice.review(&claims[0], Status::Disputed, "two sources disagree");
    // A copy of the replica taken before the push: its outbox is the same
    // rows, pushed a second time (a crash before the local mark).
    alice.store().sync_scan().unwrap();
    let copy = alice.path.with_file_name("copy.db");
    std::fs::copy(&alice.path, &copy).unwrap();
    alice.sync().expect("first push");
    let before: Vec<i64> = ["articles", "revisions", "claims", "reviews"]
        .iter()
        .map(|s| hub_count(&hub, s))
        .collect();
    let seq_rows: Vec<(String, i64)> = hub
        .admin_client()
        .query(
            "SELECT gid, server_seq FROM claimdesk.items ORDER BY gid",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let mut again = claimdesk::store::Store::open(&copy).unwrap();
    let mut c = alice.client().unwrap();
    let report = claimdesk_team::sync::sync_with(&mut again, &mut c).expect("second push");
    assert!(
        report.pushed > 0,
        "the copy pushed its outbox again: {report:?}"
    );
    let after: Vec<i64> = ["articles", "revisions", "claims", "reviews"]
        .iter()
        .map(|s| hub_count(&hub, s))
        .collect();
    assert_eq!(before, after);
    let seq_after: Vec<(String, i64)> = hub
        .admin_client()
        .query(
            "SELECT gid, server_seq FROM claimdesk.items ORDER BY gid",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(seq_rows, seq_after, "rows on the hub are unchanged");
    // And the copy's pull stored nothing twice.
    assert_eq!(again.shared_rows("reviews").unwrap().len(), 1);
    // Syncing again with nothing to do pushes and pulls nothing.
    let idle = alice.sync().unwrap();
    assert_eq!((idle.pushed, idle.pulled), (0, 0), "{idle:?}");
}

#[test]
fn concurrent_verdicts_conflict_until_one_has_seen_both() {
    let Some(server) = server() else { return };
    let hub = Hub::new(&server);
    let alice = Replica::new(&hub, "alice", Role::Checker);
    let bob = Replica::new(&hub, "bob", Role::Checker);
    let a = alice.add_article(&article(3));
    let claims = alice.claim_keys(a);
    alice.sync().unwrap();
    bob.sync().unwrap();
    let x = &claims[2];

    // Offline, both judge the same claim without knowing of the other.
    let va = alice.review(x, Status::Verified, "matches the register");
    let vb = bob.review(x, Status::False, "the register was amended");
    assert!(
        alice.conflict(x).is_empty(),
        "one verdict alone is no conflict"
    );
    alice.sync().unwrap();
    bob.sync().unwrap();
    alice.sync().unwrap();
    let mut both = vec![va.clone(), vb.clone()];
    both.sort();
    assert_eq!(alice.conflict(x), both);
    assert_eq!(bob.conflict(x), both);

    // A verdict written after seeing both resolves it everywhere.
    let resolved = alice.review(x, Status::Disputed, "both readings are defensible");
    assert!(alice.conflict(x).is_empty());
    alice.sync().unwrap();
    bob.sync().unwrap();
    assert!(bob.conflict(x).is_empty());
    let s = bob.store();
    let c = s.claim(s.local_id("claims", x).unwrap().unwrap()).unwrap();
    assert_eq!(c.review.as_ref().map(|r| r.uid.clone()), Some(resolved));
    assert_eq!(c.status, Status::Disputed);
}

#[test]
fn the_cursor_skips_nothing_under_eight_concurrent_writers() {
    let Some(server) = server() else { return };
    let hub = Hub::new(&server);
    let writers: Vec<Replica> = (0..8)
        .map(|i| Replica::new(&hub, &format!("w{i}"), Role::Checker))
        .collect();
    let reader = Replica::new(&hub, "reader", Role::Checker);
    const PER_WRITER: usize = 40;
    let expected: usize = (0..8)
        .map(|_| (0..PER_WRITER).map(|i| i % 3 + 1).sum::<usize>())
        .sum();
    let done = std::sync::atomic::AtomicBool::new(false);
    let seen = std::thread::scope(|scope| {
        for (w, r) in writers.iter().enumerate() {
            scope.spawn(move || {
                let mut c = r.client().expect("writer connects");
                for i in 0..PER_WRITER {
                    // Transactions of one to three rows, some held open a
                    // while so that they commit after later ones began.
                    let mut tx = c.transaction().unwrap();
                    for k in 0..=(i % 3) {
                        let gid = format!("w{w}-{i}-{k}");
                        tx.execute(
                            "INSERT INTO claimdesk.items (set_name, gid, payload) VALUES ('cursor_probe', $1, '{}')",
                            &[&gid],
                        )
                        .unwrap();
                    }
                    if (i + w) % 5 == 0 {
                        std::thread::sleep(std::time::Duration::from_millis(15));
                    }
                    tx.commit().unwrap();
                }
            });
        }
        let reader = scope.spawn(|| {
            let mut c = reader.client().expect("reader connects");
            let mut cursor = 0i64;
            let mut got: Vec<String> = Vec::new();
            loop {
                let finished = done.load(std::sync::atomic::Ordering::SeqCst);
                let rows = c
                    .query(
                        "SELECT server_seq, gid FROM claimdesk.items WHERE set_name = 'cursor_probe' AND server_seq > $1 ORDER BY server_seq LIMIT 7",
                        &[&cursor],
                    )
                    .unwrap();
                for r in &rows {
                    cursor = r.get(0);
                    got.push(r.get(1));
                }
                if rows.is_empty() && finished {
                    return got;
                }
            }
        });
        // The writers are joined when the scope's other threads end; the
        // reader stops once they have and it has read everything.
        while hub_count(&hub, "cursor_probe") < expected as i64 {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        done.store(true, std::sync::atomic::Ordering::SeqCst);
        reader.join().unwrap()
    });
    let unique: BTreeSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "a row was read twice");
    assert_eq!(seen.len(), expected, "the cursor skipped rows");
}

/// What a replica does in the property test.
#[derive(Debug, Clone)]
enum Op {
    Review {
        replica: usize,
        claim: usize,
        status: usize,
    },
    Push(usize),
    Pull(usize),
    Sync(usize),
    /// The replica's program restarts: reopened from disk, its scan state
    /// and cursors read back.
    Restart(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..4usize, 0..9usize, 0..4usize).prop_map(|(replica, claim, status)| Op::Review { replica, claim, status }),
        2 => (0..4usize).prop_map(Op::Push),
        2 => (0..4usize).prop_map(Op::Pull),
        1 => (0..4usize).prop_map(Op::Sync),
        1 => (0..4usize).prop_map(Op::Restart),
    ]
}

const STATUSES: [Status; 4] = [
    Status::Verified,
    Status::False,
    Status::Disputed,
    Status::Unverifiable,
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, .. ProptestConfig::default() })]

    #[test]
    fn replicas_converge(n in 2..=4usize, ops in prop::collection::vec(op(), 5..40)) {
        let Some(server) = server() else { return Ok(()) };
        let hub = Hub::new(&server);
        let replicas: Vec<Replica> = (0..n).map(|i| Replica::new(&hub, &format!("r{i}"), Role::Checker)).collect();
        let a = replicas[0].add_article(&article(7));
        let claims = replicas[0].claim_keys(a);
        for r in &replicas { r.sync().unwrap(); }
        let mut written = BTreeSet::new();
        for op in ops {
            match op {
                Op::Review { replica, claim, status } => {
                    let r = &replicas[replica % n];
                    let uid = r.review(&claims[claim % claims.len()], STATUSES[status], &format!("note {}", written.len()));
                    prop_assert!(written.insert(uid));
                }
                Op::Push(i) => replicas[i % n].push().unwrap(),
                Op::Pull(i) => replicas[i % n].pull().unwrap(),
                Op::Sync(i) => { replicas[i % n].sync().unwrap(); }
                Op::Restart(i) => {
                    let s = replicas[i % n].store();
                    prop_assert_eq!(s.integrity_check().unwrap(), "ok");
                }
            }
        }
        // Everyone syncs twice round: all see all.
        for _ in 0..2 { for r in &replicas { r.sync().unwrap(); } }
        let first = replicas[0].reviews();
        let uids: BTreeSet<String> = first.iter().map(|(g, _, _)| g.clone()).collect();
        prop_assert_eq!(&uids, &written, "a review was lost or invented");
        prop_assert_eq!(first.len(), written.len(), "a review is there twice");
        prop_assert_eq!(hub_count(&hub, "reviews") as usize, written.len());
        for r in &replicas[1..] {
            prop_assert_eq!(&r.reviews(), &first);
            for c in &claims {
                prop_assert_eq!(r.conflict(c), replicas[0].conflict(c));
            }
        }
    }
}

#[test]
fn claim_corrections_are_shared() {
    let Some(server) = server() else { return };
    let hub = Hub::new(&server);
    let alice = Replica::new(&hub, "alice", Role::Checker);
    let bob = Replica::new(&hub, "bob", Role::Checker);
    let text = article(5);
    let a = alice.add_article(&text);
    let claims = alice.claim_keys(a);
    alice.sync().unwrap();
    bob.sync().unwrap();
    let b = bob.store().resolve_article("1").unwrap();
    let span = |needle: &str| {
        let start = text.find(needle).expect("needle in the article");
        (start, start + needle.len())
    };
    // Offline: Alice dismisses a claim and adds one; Bob adds another.
    {
        let mut s = alice.store();
        let c = s.local_id("claims", &claims[1]).unwrap().unwrap();
        s.dismiss_claim(c, Some("a weekday, not a claim"), Some("Alice"))
            .unwrap();
        s.add_claim(
            a,
            claimdesk::ClaimKind::Date,
            span("took place"),
            &[("value".into(), "2025-02-28".into())],
            Some("Alice"),
        )
        .unwrap();
    }
    bob.store()
        .add_claim(
            b,
            claimdesk::ClaimKind::Date,
            span("last year"),
            &[("value".into(), "2024".into())],
            Some("Bob"),
        )
        .unwrap();
    for _ in 0..2 {
        alice.sync().unwrap();
        bob.sync().unwrap();
    }
    let rows = |r: &Replica, set: &str| {
        let mut s = r.store();
        s.sync_scan().unwrap();
        s.shared_rows(set).unwrap()
    };
    assert_eq!(rows(&alice, "corrections").len(), 3);
    assert_eq!(rows(&alice, "corrections"), rows(&bob, "corrections"));
    // Both added claims are claims on both replicas, under the same keys.
    let keys = |r: &Replica| -> BTreeSet<String> {
        rows(r, "claims").into_iter().map(|(g, _, _)| g).collect()
    };
    assert_eq!(keys(&alice), keys(&bob));
    assert_eq!(keys(&alice).len(), claims.len() + 2);
    // The dismissal reached Bob.
    let s = bob.store();
    let c = s
        .claim(s.local_id("claims", &claims[1]).unwrap().unwrap())
        .unwrap();
    assert!(c.dismissed, "{c:?}");
}

#[test]
fn a_write_wakes_a_listening_replica() {
    let Some(server) = server() else { return };
    let hub = Hub::new(&server);
    let alice = Replica::new(&hub, "alice", Role::Checker);
    let bob = Replica::new(&hub, "bob", Role::Checker);
    let mut listening = bob.client().unwrap();
    listening.batch_execute("LISTEN claimdesk_hub").unwrap();
    alice.add_article(&article(9));
    alice.sync().unwrap();
    // The notification is the hint; the pull is the truth.
    let woken =
        claimdesk_team::sync::wait_for_change(&mut listening, std::time::Duration::from_secs(60))
            .unwrap();
    assert!(woken, "no wake-up after a write");
    let report = bob.sync().unwrap();
    assert!(report.pulled > 0, "{report:?}");
}

#[test]
fn archive_decisions_are_shared() {
    let Some(server) = server() else { return };
    let hub = Hub::new(&server);
    let alice = Replica::new(&hub, "alice", Role::Checker);
    let bob = Replica::new(&hub, "bob", Role::Checker);
    let a = alice.add_article(&article(11));
    let claims = alice.claim_keys(a);
    alice.review(&claims[0], Status::Verified, "minutes of the meeting");
    {
        let mut s = alice.store();
        let id = |k: &str| s.local_id("claims", k).unwrap().unwrap();
        let (to, from) = (id(&claims[3]), id(&claims[0]));
        s.copy_verdict(to, from, "Alice", Some("same fact"))
            .unwrap();
        s.decide_person(
            &claimdesk::store::PersonDecision::Same {
                a: "Amelia Quist".into(),
                b: "Quist".into(),
            },
            "Alice",
            None,
        )
        .unwrap();
    }
    alice.sync().unwrap();
    let report = bob.sync().unwrap();
    assert!(report.waiting.is_empty(), "{report:?}");
    let s = bob.store();
    assert_eq!(s.person_decisions().unwrap().len(), 1);
    let to = s.local_id("claims", &claims[3]).unwrap().unwrap();
    let from = s.local_id("claims", &claims[0]).unwrap().unwrap();
    let last = s.claim(to).unwrap().review.expect("the copied verdict");
    assert_eq!(s.copied_from(last.id).unwrap(), Some(from));
    assert_eq!(alice.reviews(), bob.reviews());
}
