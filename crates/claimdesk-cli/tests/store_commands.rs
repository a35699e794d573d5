//! Every store command against a real temporary database: add, list, show,
//! claims, review, history, search; verdicts that survive a restart; a new
//! revision that keeps or resets verdicts.

mod common;
use common::{Env, sample};

fn first_claim(env: &Env, article: &str, kind: &str) -> i64 {
    let claims = env.json(&["claims", article, "--kind", kind, "--json"]);
    claims[0]["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("no {kind} claim in article {article}: {claims}"))
}

#[test]
fn add_list_show_claims_search() {
    let env = Env::new();
    let out = env.ok(&["add", sample("harbour-council.txt").to_str().unwrap()]);
    assert!(out.contains("article 1 revision 1"), "{out}");

    let list = env.json(&["list", "--json"]);
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(
        list[0]["published"], "2026-03-12",
        "dateline date with the year assumed: {list}"
    );
    assert!(list[0]["claims"].as_u64().unwrap_or(0) > 0, "{list}");
    assert_eq!(list[0]["claims"], list[0]["to_check"]);

    let show = env.json(&["show", "1", "--json"]);
    assert!(
        show["text"]
            .as_str()
            .unwrap_or("")
            .contains("Miriam Okafor")
    );
    assert!(show["sentences"].as_array().map_or(0, Vec::len) >= 10);
    let text = env.ok(&["show", "1"]);
    assert!(
        text.contains("revision 1 of 1") && text.contains("Port Ellwyn"),
        "{text}"
    );

    // Stored claims are the ones `extract` prints.
    let stored = env.json(&["claims", "1", "--json"]);
    let extracted = env.json(&[
        "extract",
        "--format",
        "json",
        sample("harbour-council.txt").to_str().unwrap(),
    ]);
    let spans = |v: &serde_json::Value| -> Vec<(u64, u64, String)> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["start"].as_u64().unwrap(),
                    c["end"].as_u64().unwrap(),
                    c["kind"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    assert_eq!(spans(&stored), spans(&extracted["claims"]));

    let hits = env.json(&["search", "audit tender", "--json"]);
    assert_eq!(hits[0]["article_id"], 1, "{hits}");
    let snippet = hits[0]["snippet"].as_str().unwrap();
    assert!(
        snippet.contains("[audit]") || snippet.contains("[tender]"),
        "{hits}"
    );
    let none = env.json(&["search", "zeppelin", "--json"]);
    assert_eq!(none.as_array().map(Vec::len), Some(0));
    // FTS syntax in a query is taken as words, not as an error.
    env.ok(&["search", "audit OR \"(", "--json"]);
}

#[test]
fn reviews_survive_a_restart_and_history_is_kept() {
    let env = Env::new();
    env.ok(&["add", sample("harbour-council.txt").to_str().unwrap()]);
    let id = first_claim(&env, "1", "date").to_string();
    env.ok(&[
        "review",
        &id,
        "--status",
        "disputed",
        "--note",
        "first look",
        "--by",
        "Ana",
    ]);
    let r = env.json(&[
        "review",
        &id,
        "--status",
        "verified",
        "--note",
        "Checked against the authority's statement",
        "--source",
        "https://example.org/statement",
        "--source",
        "https://example.org/minutes",
        "--json",
    ]);
    assert_eq!(r["status"], "verified");
    assert_eq!(r["reviewer"], "test desk");

    // A new process reads what the last one wrote.
    let hist = env.json(&["history", &id, "--json"]);
    let hist = hist.as_array().unwrap();
    assert_eq!(hist.len(), 2);
    assert_eq!(hist[0]["status"], "disputed");
    assert_eq!(hist[0]["reviewer"], "Ana");
    assert_eq!(hist[1]["sources"].as_array().map(Vec::len), Some(2));
    let verified = env.json(&["claims", "1", "--status", "verified", "--json"]);
    assert_eq!(verified.as_array().map(Vec::len), Some(1));
    assert_eq!(verified[0]["id"].as_i64().unwrap().to_string(), id);
    let text = env.ok(&["history", &id]);
    assert!(
        text.contains("current status: verified") && text.contains("first look"),
        "{text}"
    );

    // The history is append-only, even for someone with the file.
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    assert!(
        conn.execute("UPDATE reviews SET status = 'false'", [])
            .is_err()
    );
    assert!(conn.execute("DELETE FROM reviews", []).is_err());
}

#[test]
fn a_new_revision_keeps_unchanged_verdicts_and_resets_changed_ones() {
    let env = Env::new();
    env.ok(&["add", sample("harbour-council.txt").to_str().unwrap()]);
    let claims = env.json(&["claims", "1", "--json"]);
    // Review every claim, so that what the new revision does to each shows.
    for c in claims.as_array().unwrap() {
        let id = c["id"].as_i64().unwrap().to_string();
        env.ok(&["review", &id, "--status", "verified", "--note", "ok"]);
    }
    let out = env.ok(&[
        "add",
        "--article",
        "1",
        sample("harbour-council-v2.txt").to_str().unwrap(),
    ]);
    assert!(out.contains("article 1 revision 2"), "{out}");
    let new = env.json(&["claims", "1", "--json"]);
    let new = new.as_array().unwrap();
    let kept = new.iter().filter(|c| c["status"] == "verified").count();
    let recheck: Vec<_> = new
        .iter()
        .filter(|c| c["status"] == "needs_recheck")
        .collect();
    assert!(kept > 0, "unchanged claims keep their verdict: {new:?}");
    // "on Tuesday" became "on Monday" in the second revision.
    let changed_date = recheck
        .iter()
        .find(|c| c["kind"] == "date" && c["text"].as_str().unwrap_or("").contains("Monday"));
    let changed_date =
        changed_date.unwrap_or_else(|| panic!("the changed date needs a re-check: {recheck:?}"));
    let id = changed_date["id"].as_i64().unwrap().to_string();
    let hist = env.json(&["history", &id, "--json"]);
    let last = hist.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["status"], "needs_recheck");
    assert!(
        last["note"].as_str().unwrap().contains("revision 2"),
        "{last}"
    );
    // The first revision's claims keep their own history.
    let old = env.json(&["claims", "1", "--revision", "1", "--json"]);
    assert!(
        old.as_array()
            .unwrap()
            .iter()
            .all(|c| c["status"] == "verified")
    );
    // The same text again stores nothing.
    let again = env.ok(&[
        "add",
        "--article",
        "1",
        sample("harbour-council-v2.txt").to_str().unwrap(),
    ]);
    assert!(again.contains("already holds this text"), "{again}");
    assert_eq!(env.json(&["list", "--json"])[0]["revisions"], 2);
}

#[test]
fn bulk_jsonl_import_is_all_or_nothing() {
    let env = Env::new();
    let good = env.file(
        "bulk.jsonl",
        br#"{"id": "w-1", "title": "Pier reopens", "published": "2026-01-05", "text": "The pier reopened on Monday, the harbour master said."}
{"id": "w-2", "title": "Ferry resumes", "published": "2026-01-06", "text": "The ferry to the island resumed service yesterday."}
"#,
    );
    let out = env.ok(&["add", "--jsonl", good.to_str().unwrap()]);
    assert!(
        out.contains("2 articles read") && out.contains("2 new articles"),
        "{out}"
    );
    assert_eq!(
        env.json(&["show", "w-2", "--json"])["published"],
        "2026-01-06"
    );
    // Same file again: nothing new.
    let out = env.ok(&["add", "--jsonl", good.to_str().unwrap()]);
    assert!(
        out.contains("0 new articles") && out.contains("2 unchanged"),
        "{out}"
    );

    let before = env.snapshot();
    let bad = env.file(
        "bad.jsonl",
        br#"{"id": "w-3", "title": "New", "published": "2026-01-07", "text": "A new story about the quay."}
{"id": "w-4", "title": "Broken", "published": "next Tuesday", "text": "Text."}
"#,
    );
    let out = env.run(&["add", "--jsonl", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 2") && err.contains("nothing from"),
        "{err}"
    );
    assert_eq!(env.snapshot(), before);
}

#[test]
fn usage_errors_exit_with_2() {
    let env = Env::new();
    assert_eq!(env.run(&["review", "1"]).status.code(), Some(2));
    assert_eq!(
        env.run(&["review", "1", "--status", "maybe"]).status.code(),
        Some(2)
    );
    assert_eq!(env.run(&["add"]).status.code(), Some(2));
    assert_eq!(env.run(&["frobnicate"]).status.code(), Some(2));
    let out = env.run(&["claims", "42"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article 42"));
}

#[test]
fn a_closed_pipe_ends_output_quietly() {
    use std::io::{BufRead, BufReader};
    let env = Env::new();
    env.ok(&["add", sample("harbour-council.txt").to_str().unwrap()]);
    let mut child = env
        .command()
        .args(["show", "1"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    let stdout = child.stdout.take().unwrap();
    BufReader::new(stdout).read_line(&mut first).unwrap();
    // The reader goes away, like `claimdesk show 1 | head -1`.
    let out = child.wait_with_output().unwrap();
    assert!(!first.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_ne!(out.status.code(), Some(101), "{err}");
}
