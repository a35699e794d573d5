//! Faults against a real PostgreSQL server: the server stopped mid-sync
//! (work goes on offline and syncs when it is back) and a sync killed with
//! SIGKILL at random moments, 100 times (afterwards every review exists
//! exactly once on the hub and on every replica).

mod common;

use claimdesk::Status;
use claimdesk_team::hub::Role;
use common::{Hub, Replica, article, server};
use std::collections::BTreeSet;
use std::process::Command;
use std::time::Duration;

/// A throw-away cluster of this test's own (scripts/pg-cluster), so that
/// stopping it disturbs no other test.
struct Cluster {
    url: String,
    dir: String,
}

impl Cluster {
    fn start() -> Cluster {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/pg-cluster");
        let out = Command::new(script)
            .arg("start")
            .output()
            .expect("run pg-cluster");
        assert!(
            out.status.success(),
            "pg-cluster start: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        let var = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(&format!("export {name}='")))
                .and_then(|v| v.strip_suffix('\''))
                .unwrap_or_else(|| panic!("{name} in {text}"))
                .to_string()
        };
        Cluster {
            url: var("CLAIMDESK_TEST_PG"),
            dir: var("CLAIMDESK_TEST_PG_DIR"),
        }
    }

    fn run(&self, what: &str) {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/pg-cluster");
        let st = Command::new(script)
            .args([what, &self.dir])
            .status()
            .expect("pg-cluster");
        assert!(st.success(), "pg-cluster {what}");
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.run("stop");
    }
}

#[test]
fn the_server_stops_mid_sync_and_comes_back() {
    // Needs the variable only to know that servers may be started here.
    let Some(_) = server() else { return };
    let cluster = Cluster::start();
    let hub = Hub::new(&cluster.url);
    let alice = Replica::new(&hub, "alice", Role::Checker);
    let bob = Replica::new(&hub, "bob", Role::Checker);
    let mut written = BTreeSet::new();
    for n in 0..30 {
        let a = alice.add_article(&article(100 + n));
        let keys = alice.claim_keys(a);
        written.insert(alice.review(&keys[0], Status::Verified, "seen"));
    }
    // The server goes away while Alice's first (large) sync runs.
    std::thread::scope(|s| {
        let syncing = s.spawn(|| alice.sync());
        std::thread::sleep(Duration::from_millis(150));
        cluster.run("pause");
        let _ = syncing
            .join()
            .expect("the sync thread ends without panicking");
    });
    // Offline, work goes on and waits in the outbox.
    let a = alice.store().resolve_article("1").unwrap();
    let keys = alice.claim_keys(a);
    written.insert(alice.review(&keys[1], Status::False, "written offline"));
    let e = alice.sync().expect_err("the hub is away");
    assert!(e.is_offline(), "{e:?}");
    let st = claimdesk_team::sync::status(&mut alice.store(), false).unwrap();
    let pending: usize = st.pending.iter().map(|(_, n)| n).sum();
    assert!(pending >= 1, "the offline verdict waits in the outbox");

    cluster.run("resume");
    alice.sync().expect("back online");
    bob.sync().expect("bob pulls");
    let uids: BTreeSet<String> = bob.reviews().into_iter().map(|(g, _, _)| g).collect();
    assert_eq!(uids, written);
    assert_eq!(alice.reviews(), bob.reviews());
    let on_hub: i64 = hub
        .admin_client()
        .query_one(
            "SELECT count(*) FROM claimdesk.items WHERE set_name = 'reviews'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(on_hub as usize, written.len());
}

/// The child side of the crash test: one sync of the replica named in the
/// environment, killed by the parent at a random moment.
#[test]
fn crash_child() {
    let Ok(spec) = std::env::var("CLAIMDESK_CRASH_CHILD") else {
        return;
    };
    let v: serde_json::Value = serde_json::from_str(&spec).unwrap();
    let url = claimdesk_team::HubUrl::parse(v["url"].as_str().unwrap()).unwrap();
    let mut store =
        claimdesk::store::Store::open(std::path::Path::new(v["db"].as_str().unwrap())).unwrap();
    let mut c = url.connect(v["password"].as_str()).unwrap();
    let _ = claimdesk_team::sync::sync_with(&mut store, &mut c);
}

/// A small deterministic generator (the seed is printed on failure).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
fn a_sync_killed_at_random_moments_loses_and_doubles_nothing() {
    let Some(server) = server() else { return };
    let hub = Hub::new(&server);
    let replicas = [
        Replica::new(&hub, "alice", Role::Checker),
        Replica::new(&hub, "bob", Role::Checker),
    ];
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(7);
    eprintln!("crash test seed {seed}");
    let mut rng = Lcg(seed);
    let mut keys = Vec::new();
    for n in 0..8 {
        let a = replicas[0].add_article(&article(200 + n));
        keys.extend(replicas[0].claim_keys(a));
    }
    replicas[0].sync().unwrap();
    replicas[1].sync().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut written = BTreeSet::new();
    let mut killed = 0;
    for trial in 0..100 {
        let who = &replicas[trial % 2];
        let known: Vec<&String> = {
            let s = who.store();
            keys.iter()
                .filter(|k| s.local_id("claims", k).ok().flatten().is_some())
                .collect()
        };
        for _ in 0..rng.next(6) {
            let k = known[rng.next(known.len() as u64) as usize];
            written.insert(who.review(k, Status::Disputed, &format!("trial {trial}")));
        }
        if trial % 10 == 0 {
            // Now and then a new article too, so pulls store revisions.
            let a = who.add_article(&article(300 + trial));
            keys.extend(who.claim_keys(a));
        }
        let spec =
            serde_json::json!({"url": who.url.url, "password": who.password, "db": who.path});
        let mut child = Command::new(&exe)
            .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
            .env("CLAIMDESK_CRASH_CHILD", spec.to_string())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.next(70)));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            killed += 1;
        }
        child.wait().unwrap();
        // The replica opens cleanly after every kill.
        assert_eq!(who.store().integrity_check().unwrap(), "ok", "seed {seed}");
    }
    eprintln!("{killed} of 100 syncs were killed midway");
    for _ in 0..2 {
        for r in &replicas {
            r.sync().unwrap();
        }
    }
    let on_hub: Vec<String> = hub
        .admin_client()
        .query(
            "SELECT gid FROM claimdesk.items WHERE set_name = 'reviews'",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let hub_set: BTreeSet<String> = on_hub.iter().cloned().collect();
    assert_eq!(hub_set.len(), on_hub.len(), "seed {seed}");
    assert_eq!(hub_set, written, "seed {seed}");
    for r in &replicas {
        let local = r.reviews();
        assert_eq!(local.len(), written.len(), "seed {seed}");
        let set: BTreeSet<String> = local.into_iter().map(|(g, _, _)| g).collect();
        assert_eq!(set, written, "seed {seed}");
    }
    assert_eq!(replicas[0].reviews(), replicas[1].reviews(), "seed {seed}");
}
