//! A measure, not a check (ignored by default; it asserts only that no
//! verdict is lost): ten simulated checkers on ten replicas review and
//! sync concurrently for a while; prints the verdicts written, lost, and
//! the delay until another replica sees a verdict (median and p95).
//!
//! `CLAIMDESK_MEASURE_SECONDS=120 cargo test --release -p claimdesk-team --test measure -- --ignored --nocapture`

mod common;

use claimdesk::Status;
use claimdesk_team::hub::Role;
use common::{Hub, Replica, article, server};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[test]
#[ignore = "a measure: run it by hand (see the module doc)"]
fn ten_checkers_review_concurrently() {
    let Some(server) = server() else { return };
    let seconds: u64 = std::env::var("CLAIMDESK_MEASURE_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(120);
    let hub = Hub::new(&server);
    let replicas: Vec<Replica> = (0..10)
        .map(|i| Replica::new(&hub, &format!("c{i}"), Role::Checker))
        .collect();
    let a = replicas[0].add_article(&article(42));
    let keys = replicas[0].claim_keys(a);
    for r in &replicas {
        r.sync().unwrap();
    }
    let written: Mutex<HashMap<String, (usize, Instant)>> = Mutex::new(HashMap::new());
    let delays: Mutex<Vec<Duration>> = Mutex::new(Vec::new());
    let start = Instant::now();
    std::thread::scope(|s| {
        for (i, r) in replicas.iter().enumerate() {
            let (written, delays, keys) = (&written, &delays, &keys);
            s.spawn(move || {
                let conn = rusqlite::Connection::open(&r.path).unwrap();
                let mut last_id = 0i64;
                let mut n = 0usize;
                while start.elapsed() < Duration::from_secs(seconds) {
                    let key = &keys[(i + n) % keys.len()];
                    let uid = r.review(key, Status::Verified, &format!("c{i} #{n}"));
                    written.lock().unwrap().insert(uid, (i, Instant::now()));
                    n += 1;
                    if let Err(e) = r.sync() {
                        eprintln!("c{i}: {e}");
                    }
                    let now = Instant::now();
                    let mut st = conn
                        .prepare_cached("SELECT id, uid FROM reviews WHERE id > ?1 ORDER BY id")
                        .unwrap();
                    let rows: Vec<(i64, String)> = st
                        .query_map([last_id], |r| Ok((r.get(0)?, r.get(1)?)))
                        .unwrap()
                        .collect::<Result<_, _>>()
                        .unwrap();
                    for (id, uid) in rows {
                        last_id = id;
                        if let Some((from, at)) = written.lock().unwrap().get(&uid)
                            && *from != i
                        {
                            delays.lock().unwrap().push(now - *at);
                        }
                    }
                    std::thread::sleep(Duration::from_millis(250));
                }
            });
        }
    });
    for r in &replicas {
        r.sync().unwrap();
    }
    let written = written.into_inner().unwrap();
    let on_hub: i64 = hub
        .admin_client()
        .query_one(
            "SELECT count(*) FROM claimdesk.items WHERE set_name = 'reviews'",
            &[],
        )
        .unwrap()
        .get(0);
    let mut lost = 0;
    for r in &replicas {
        let have: std::collections::HashSet<String> =
            r.reviews().into_iter().map(|(g, _, _)| g).collect();
        lost += written.keys().filter(|u| !have.contains(*u)).count();
    }
    let mut d = delays.into_inner().unwrap();
    d.sort();
    let pct = |p: usize| {
        d.get((d.len() * p / 100).min(d.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    eprintln!(
        "ten checkers, {seconds} s: {} verdicts written, {on_hub} on the hub, {lost} lost (over all replicas); seen by another replica after median {:?}, p95 {:?} ({} observations)",
        written.len(),
        pct(50),
        pct(95),
        d.len()
    );
    assert_eq!(lost, 0);
    assert_eq!(on_hub as usize, written.len());
}
