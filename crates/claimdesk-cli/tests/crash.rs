//! A crash in the middle of a large import leaves no trace: the child
//! process is killed (SIGKILL) while it writes its batches. Readers never
//! see the held-back rows, the database passes `PRAGMA integrity_check`,
//! and the next Claimdesk to open it removes them, leaving exactly what it
//! held before.

mod common;
use common::{Env, sample};
use std::io::Write;
use std::time::{Duration, Instant};

fn big_jsonl(env: &Env, n: usize) -> std::path::PathBuf {
    let path = env.dir.path().join("big.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..n {
        let text = format!(
            "HARBOURTON, March {} - Councillor Ada Mensah{i} met harbour officials on Monday to discuss pier {i}. \
             \"We will rebuild it within two years,\" Mensah{i} said. The council chairman, Piet Vos{i}, resigned last week. ",
            1 + i % 28
        )
        .repeat(8);
        let line = serde_json::json!({"id": format!("b-{i}"), "title": format!("Pier {i}"), "published": "2026-03-20", "text": text});
        writeln!(f, "{line}").unwrap();
    }
    f.flush().unwrap();
    path
}

#[test]
fn killed_import_leaves_no_partial_rows() {
    let env = Env::new();
    env.ok(&["add", sample("harbour-council.txt").to_str().unwrap()]);
    let before = env.snapshot();
    let big = big_jsonl(&env, 20_000);

    let mut child = env
        .command()
        .args(["add", "--jsonl", big.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the import is visibly writing (the WAL grows), then kill it.
    let wal = env.db().with_extension("db-wal");
    let start = Instant::now();
    loop {
        let size = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        if size > 2 * 1024 * 1024 {
            break;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!(
                "the import finished ({status}) before it could be killed; make the input larger"
            );
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the import never started writing"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success());

    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let held_back: i64 = conn
        .query_row("SELECT count(*) FROM pending_revisions", [], |r| r.get(0))
        .unwrap();
    assert!(
        held_back > 0,
        "the import was killed before its first batch"
    );
    drop(conn);
    // The next command sees none of it, and removes it on opening.
    let list = env.json(&["list", "--json"]);
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(env.snapshot(), before, "the killed import left rows behind");
    let left: Vec<_> = std::fs::read_dir(env.db().parent().unwrap())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".import-"))
        .collect();
    assert!(left.is_empty(), "the lock file was left: {left:?}");
    // And the database still works.
    env.ok(&["add", sample("harbour-council.txt").to_str().unwrap()]);
}
