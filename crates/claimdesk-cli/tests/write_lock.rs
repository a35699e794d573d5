//! Short write locks and reviews that apply where they are meant: a bulk
//! import from a slow pipe never makes a reviewer's verdict fail, and a
//! review of a claim from an older revision is refused unless the revision
//! is named.

mod common;

use common::Env;
use serde_json::Value;
use std::io::Write;
use std::process::Stdio;
use std::time::Duration;

fn article(n: usize) -> String {
    format!(
        "Ferry report {n}\n\nThe ferry operator of Port Ellis cancelled {n} crossings on Monday. \
         Harbour master Oskar Lindqvist said the timetable would return in June.\n"
    )
}

fn first_claim(env: &Env, article: &str) -> i64 {
    let out = env.ok(&["claims", article, "--json"]);
    let v: Value = serde_json::from_str(&out).expect("claims json");
    v.as_array()
        .and_then(|a| a.first())
        .and_then(|c| c["id"].as_i64())
        .expect("a claim")
}

/// Starts `claimdesk add --jsonl -` and returns it with the pipe that feeds it.
fn import_from_pipe(env: &Env) -> (std::process::Child, std::process::ChildStdin) {
    let mut import = env
        .command()
        .args(["add", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the import");
    let pipe = import.stdin.take().expect("stdin");
    (import, pipe)
}

#[test]
fn a_verdict_never_waits_on_a_slow_bulk_import() {
    let env = Env::new();
    let f = env.file("a.txt", article(0).as_bytes());
    env.ok(&["add", f.to_str().expect("path")]);
    let claim = first_claim(&env, "1");

    let (import, mut pipe) = import_from_pipe(&env);
    let lines = 12;
    for n in 1..=lines {
        let line = serde_json::json!({"id": format!("wire-{n}"), "title": format!("Wire {n}"),
            "published": "2026-03-02", "text": article(n)});
        writeln!(pipe, "{line}").expect("feed the import");
        pipe.flush().expect("flush");
        // The import is reading now; a verdict must go through at once.
        let out = env.run(&["review", &claim.to_string(), "--status", "verified"]);
        assert!(
            out.status.success(),
            "review {n} failed during the import: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::thread::sleep(Duration::from_millis(150));
    }
    drop(pipe);
    let out = import.wait_with_output().expect("import ends");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: Value = serde_json::from_str(&env.ok(&["list", "--json"])).expect("list json");
    assert_eq!(list.as_array().map(Vec::len), Some(lines + 1));
    let history: Value =
        serde_json::from_str(&env.ok(&["history", &claim.to_string(), "--json"])).expect("json");
    assert_eq!(history.as_array().map(Vec::len), Some(lines));
}

#[test]
fn a_failed_bulk_import_from_a_pipe_stores_nothing() {
    let env = Env::new();
    let (import, mut pipe) = import_from_pipe(&env);
    for n in 1..=3 {
        let line = serde_json::json!({"id": format!("w{n}"), "title": "T", "text": article(n)});
        writeln!(pipe, "{line}").expect("feed");
    }
    writeln!(pipe, "{{not json").expect("feed");
    drop(pipe);
    let out = import.wait_with_output().expect("import ends");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 4"), "{err}");
    let list: Value = serde_json::from_str(&env.ok(&["list", "--json"])).expect("list json");
    assert_eq!(list, serde_json::json!([]));
}

#[test]
fn a_review_of_an_older_revision_is_refused_unless_named() {
    let env = Env::new();
    let v1 = env.file("v1.txt", article(1).as_bytes());
    env.ok(&["add", v1.to_str().expect("path")]);
    let old = first_claim(&env, "1");
    let v2 = env.file(
        "v2.txt",
        format!("{}\nA second paragraph was added.\n", article(1)).as_bytes(),
    );
    env.ok(&["add", "--article", "1", v2.to_str().expect("path")]);
    let current = first_claim(&env, "1");
    assert_ne!(old, current);

    let out = env.run(&["review", &old.to_string(), "--status", "false"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("claim {current}")) && err.contains("revision 1"),
        "{err}"
    );
    // Nothing was recorded on either claim.
    let h: Value =
        serde_json::from_str(&env.ok(&["history", &current.to_string(), "--json"])).expect("json");
    assert_eq!(h, serde_json::json!([]));

    // A wrong revision is refused too; the right one is accepted.
    let out = env.run(&[
        "review",
        &old.to_string(),
        "--status",
        "false",
        "--revision",
        "2",
    ]);
    assert_eq!(out.status.code(), Some(1));
    env.ok(&[
        "review",
        &old.to_string(),
        "--status",
        "false",
        "--revision",
        "1",
    ]);
    env.ok(&["review", &current.to_string(), "--status", "verified"]);
    let claims: Value =
        serde_json::from_str(&env.ok(&["claims", "1", "--json"])).expect("claims json");
    assert_eq!(claims[0]["status"], "verified");
}
