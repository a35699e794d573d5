//! The command set through tauri's mock runtime: the real builder, the real
//! config and capability, IPC requests as the webview sends them. No display
//! needed.

mod mock;

use mock::{app, invoke};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use tauri::test::{MockRuntime, mock_builder};
use tauri::{App, Listener, WebviewWindowBuilder};

/// Stands in for the user picking `paths` in a dialog (or dropping them).
fn choose(app: &App<MockRuntime>, paths: &[&std::path::Path]) {
    use tauri::Manager;
    app.state::<claimdesk_app::state::AppState>()
        .allow(paths.iter().map(|p| p.to_path_buf()));
}

#[test]
fn loading_reviewing_and_a_new_revision_keep_verdicts() {
    let (_app, w) = app();
    let lib = invoke(&w, "list_articles", json!({})).unwrap();
    assert_eq!(
        lib,
        json!({"rows": [], "total": 0}),
        "a new app starts empty"
    );

    let text = "Ferry strike ends\n\nThe union and the operator signed a deal on 4 June 2025 in Port Ellis.\n";
    let added = invoke(
        &w,
        "add_text",
        json!({"text": text, "published": "2025-06-05"}),
    )
    .unwrap();
    assert_eq!(added["title"], "Ferry strike ends");
    assert_eq!(added["revision"], 1);
    assert_eq!(added["new_article"], true);
    let article = added["article_id"].clone();

    let view = invoke(&w, "open_article", json!({"article": article})).unwrap();
    let claims = view["claims"].as_array().unwrap();
    let date = claims
        .iter()
        .find(|c| c["kind"] == "date" && c["text"] == "4 June 2025")
        .expect("the date is a claim");
    assert_eq!(date["value"], "2025-06-04");
    assert_eq!(date["status"], "unreviewed");

    let reviewed = invoke(
        &w,
        "review_claim",
        json!({"claim": date["id"], "status": "verified", "note": "signing photographed", "sources": ["https://example.org/deal", " "]}),
    )
    .unwrap();
    assert_eq!(reviewed["note"], "signing photographed");
    assert_eq!(reviewed["status"], "verified");
    assert_eq!(reviewed["sources"], json!(["https://example.org/deal"]));
    let history = invoke(&w, "claim_history", json!({"claim": date["id"]})).unwrap();
    assert_eq!(history.as_array().unwrap().len(), 1);
    assert_eq!(history[0]["note"], "signing photographed");
    // The name the checker gave is recorded on the verdict.
    invoke(
        &w,
        "review_claim",
        json!({"claim": date["id"], "status": "verified", "note": "signing photographed", "reviewer": "  Ana Lind "}),
    )
    .unwrap();
    let history = invoke(&w, "claim_history", json!({"claim": date["id"]})).unwrap();
    assert_eq!(history[1]["reviewer"], "Ana Lind");

    let text2 = "Ferry strike ends\n\nThe union and the operator signed a deal on 4 June 2025 in Port Ellis. Ferries run again from 9 June 2025.\n";
    let second = invoke(&w, "add_text", json!({"text": text2, "article": article})).unwrap();
    assert_eq!(second["article_id"], article);
    assert_eq!(second["revision"], 2);
    assert!(second["kept"].as_u64().unwrap() >= 1, "{second}");
    let v2 = invoke(&w, "open_article", json!({"article": article})).unwrap();
    let kept = v2["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"] == "4 June 2025")
        .unwrap();
    assert_eq!(
        kept["status"], "verified",
        "the unchanged claim keeps its verdict"
    );

    let cmp = invoke(
        &w,
        "compare_revisions",
        json!({"article": article, "old": 1, "new": 2}),
    )
    .unwrap();
    let flagged: Vec<&Value> = cmp["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["flagged"] == true)
        .collect();
    assert!(
        flagged
            .iter()
            .any(|r| r["new"].as_str().unwrap_or("").contains("9 June 2025")),
        "the new sentence is flagged: {cmp}"
    );
    assert!(
        !flagged.iter().any(|r| r["new"]
            .as_str()
            .unwrap_or("")
            .starts_with("Ferry strike ends")),
        "the unchanged headline is not: {cmp}"
    );

    let lib = invoke(&w, "list_articles", json!({"query": "ferries"})).unwrap();
    assert_eq!(lib["rows"].as_array().unwrap().len(), 1);
    assert_eq!(lib["total"], 1);
    assert_eq!(lib["rows"][0]["revisions"], 2);
}

#[test]
fn failures_are_code_and_message() {
    let (_app, w) = app();
    let check = |cmd: &str, args: Value, code: &str| {
        if code == "ok" {
            // A valid request after the failures: nothing was left broken.
            invoke(&w, cmd, args).expect(cmd);
            return;
        }
        let err = invoke(&w, cmd, args).expect_err(cmd);
        assert_eq!(err["code"], code, "{cmd}: {err}");
        assert!(
            err["message"].as_str().is_some_and(|m| m.len() > 10),
            "{cmd}: {err}"
        );
    };
    check("add_text", json!({"text": "   "}), "invalid_input");
    check(
        "add_text",
        json!({"text": "A", "published": "last week"}),
        "invalid_input",
    );
    check("open_article", json!({"article": 41}), "not_found");
    check(
        "review_claim",
        json!({"claim": 1, "status": "probably"}),
        "invalid_input",
    );
    check(
        "review_claim",
        json!({"claim": 999, "status": "false"}),
        "not_found",
    );
    check("import_url", json!({"url": "ftp://x"}), "invalid_input");
    check(
        "preview_report",
        json!({"article": 5, "format": "pdf"}),
        "invalid_input",
    );
    check("import_files", json!({"paths": []}), "invalid_input");
}

#[test]
fn bulk_import_reports_progress_and_each_file() {
    let (app, w) = app();
    let seen: Arc<Mutex<Vec<Value>>> = Arc::default();
    let sink = seen.clone();
    app.listen_any("progress", move |e| {
        if let Ok(v) = serde_json::from_str::<Value>(e.payload()) {
            sink.lock().unwrap().push(v);
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Dock reopens\n\nThe dock reopened on 2 May 2025.\n").unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, [0x00, 0x01, 0x02, 0x00, 0x00, 0x9f, 0x41]).unwrap();
    let missing = dir.path().join("missing.txt");
    choose(&app, &[&good, &bad, &missing]);
    let out = invoke(&w, "import_files", json!({"paths": [good, bad, missing]})).unwrap();
    let out = out.as_array().unwrap();
    assert_eq!(out.len(), 3);
    assert_eq!(out[0]["staged"]["title"], "Dock reopens", "{out:?}");
    assert_eq!(out[0]["staged"]["published"], "2025-05-02", "{out:?}");
    assert_eq!(out[0]["staged"]["date_source"], "dateline", "{out:?}");
    assert_eq!(out[0]["staged"]["guess"], false, "{out:?}");
    assert!(
        out[0].get("loaded").is_none(),
        "nothing stored before the date is confirmed"
    );
    assert_eq!(out[1]["error"]["code"], "invalid_input", "{out:?}");
    assert_eq!(out[2]["error"]["code"], "io", "{out:?}");
    let seen = seen.lock().unwrap();
    assert!(seen.len() >= 4, "{seen:?}");
    assert_eq!(seen.last().unwrap()["done"], 3);
    assert!(seen.iter().all(|p| p["job"] == "import"));
}

#[test]
fn export_writes_the_report_file() {
    let (app, w) = app();
    let added = invoke(&w, "add_sample", json!({})).unwrap();
    assert!(added["claims"].as_u64().unwrap() > 0);
    let id = added["article_id"].clone();
    let info = invoke(&w, "app_info", json!({})).unwrap();
    let names: Vec<&str> = info["report_formats"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["name"].as_str())
        .collect();
    for want in ["md", "html", "csv", "json", "claimreview"] {
        assert!(names.contains(&want), "{names:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.md");
    let unwritable = dir.path().join("no/such/dir/r.md");
    choose(&app, &[&path, &unwritable]);
    let written = invoke(
        &w,
        "export_report",
        json!({"article": id, "format": "md", "path": path}),
    )
    .unwrap();
    assert_eq!(written, json!(path));
    let body = std::fs::read_to_string(&path).unwrap();
    assert!(body.contains("Harbour authority chair resigns"), "{body}");
    let preview = invoke(
        &w,
        "preview_report",
        json!({"article": id, "format": "json"}),
    )
    .unwrap();
    let parsed: Value =
        serde_json::from_str(preview.as_str().unwrap()).expect("the JSON report parses");
    assert!(parsed.is_object());
    let err = invoke(
        &w,
        "export_report",
        json!({"article": id, "format": "md", "path": unwritable}),
    )
    .unwrap_err();
    assert_eq!(err["code"], "io");
}

#[test]
fn the_page_cannot_name_paths_the_user_did_not_choose() {
    let (app, w) = app();
    let added = invoke(&w, "add_sample", json!({})).unwrap();
    let id = added["article_id"].clone();
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "Private notes\n\nNot for the desk.\n").unwrap();
    let target = dir.path().join("overwrite-me.txt");
    let check = |cmd: &str, args: Value| {
        let err = invoke(&w, cmd, args).expect_err(cmd);
        assert_eq!(err["code"], "invalid_input", "{cmd}: {err}");
        assert!(
            err["message"].as_str().unwrap().contains("chose"),
            "{cmd}: {err}"
        );
    };
    check("import_files", json!({"paths": [secret]}));
    check(
        "export_report",
        json!({"article": id, "format": "md", "path": target}),
    );
    assert!(!target.exists());
    // Once chosen, the same path is accepted.
    choose(&app, &[&secret]);
    let out = invoke(&w, "import_files", json!({"paths": [secret]})).unwrap();
    assert_eq!(out[0]["staged"]["title"], "Private notes", "{out}");
}

#[test]
fn the_database_itself_is_never_imported_or_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let app = claimdesk_app::builder(
        mock_builder(),
        claimdesk_app::state::AppState::open(db.clone()),
    )
    .build(claimdesk_app::context())
    .expect("the app builds");
    let w = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    let added = invoke(&w, "add_sample", json!({})).unwrap();
    let id = added["article_id"].clone();
    let before = std::fs::read(&db).unwrap();
    let link = dir.path().join("notes.txt");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let mut wal = db.clone().into_os_string();
    wal.push("-wal");
    let wal = std::path::PathBuf::from(wal);
    choose(&app, &[&db, &link, &wal]);
    for p in [&db, &link] {
        let err = invoke(&w, "import_files", json!({"paths": [p]})).unwrap_err();
        assert!(
            err["message"].as_str().unwrap().contains("own database"),
            "{err}"
        );
        let err = invoke(
            &w,
            "export_report",
            json!({"article": id, "format": "md", "path": p}),
        )
        .unwrap_err();
        assert!(
            err["message"].as_str().unwrap().contains("own database"),
            "{err}"
        );
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
    // The store is opened per command and still works.
    let lib = invoke(&w, "list_articles", json!({})).unwrap();
    assert_eq!(lib["rows"].as_array().unwrap().len(), 1);
}

#[test]
fn the_library_sends_only_the_rows_asked_for_and_the_total() {
    let (_app, w) = app();
    for n in 0..5 {
        let text = format!("Pier {n} reopens\n\nThe pier reopened on 4 June 2025 after repairs.\n");
        invoke(&w, "add_text", json!({"text": text})).unwrap();
    }
    let lib = invoke(&w, "list_articles", json!({"limit": 2})).unwrap();
    assert_eq!(lib["total"], 5);
    let titles: Vec<&str> = lib["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Pier 4 reopens", "Pier 3 reopens"], "newest first");
    let found = invoke(&w, "list_articles", json!({"query": "pier", "limit": 1})).unwrap();
    assert_eq!(found["total"], 5);
    assert_eq!(found["rows"].as_array().unwrap().len(), 1);
}

#[test]
fn the_capability_grants_no_dialog_shell_or_window_control() {
    let (_app, w) = app();
    let denied = |cmd: &str| {
        let err = invoke(&w, cmd, json!({})).expect_err(cmd);
        let msg = err.to_string();
        assert!(
            msg.contains("not allowed") || msg.contains("not found"),
            "{cmd}: {msg}"
        );
    };
    denied("plugin:shell|execute");
    denied("plugin:window|close");
    denied("plugin:fs|read_text_file");
    denied("plugin:http|fetch");
    // Dialogs are shown by Claimdesk's own commands, not by the page.
    denied("plugin:dialog|open");
    denied("plugin:dialog|save");
}

/// A file waits until its date is confirmed; the confirmed (or changed)
/// date is the one relative dates are read against.
#[test]
fn an_import_is_stored_only_with_a_confirmed_date() {
    let (app, w) = app();
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("wire.txt");
    // A dateline without a year: the year is a guess.
    std::fs::write(
        &old,
        "Ferry deal signed\n\nPORT ELLIS, Feb 26 - The union signed the deal on Monday.\n",
    )
    .unwrap();
    let undated = dir.path().join("undated.txt");
    std::fs::write(&undated, "Pier closes\n\nThe pier closed on Monday.\n").unwrap();
    choose(&app, &[&old, &undated]);
    let out = invoke(&w, "import_files", json!({"paths": [old, undated]})).unwrap();
    let (a, b) = (&out[0]["staged"], &out[1]["staged"]);
    assert_eq!(
        (&a["date_source"], &a["guess"]),
        (&json!("year_guessed"), &json!(true)),
        "{out}"
    );
    assert_eq!(
        (&b["date_source"], &b["guess"]),
        (&json!("missing"), &json!(true)),
        "{out}"
    );
    assert!(
        b["published"].is_null() && b["suggested"].is_string(),
        "{out}"
    );
    let lib = invoke(&w, "list_articles", json!({})).unwrap();
    assert_eq!(lib["total"], 0, "nothing is stored while the dates wait");

    // The checker says the wire story is from 1987 and drops the other.
    invoke(&w, "discard_import", json!({"ids": [b["id"]]})).unwrap();
    let done = invoke(
        &w,
        "confirm_import",
        json!({"items": [{"id": a["id"], "published": "1987-02-26"}, {"id": b["id"], "published": null}]}),
    )
    .unwrap();
    let loaded = &done[0]["loaded"];
    assert!(loaded["article_id"].is_number(), "{done}");
    assert_eq!(
        done[1]["error"]["code"], "invalid_input",
        "discarded: {done}"
    );
    let view = invoke(&w, "open_article", json!({"article": loaded["article_id"]})).unwrap();
    assert_eq!(view["revision"]["published"], "1987-02-26", "{view}");
    let monday = view["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"] == "Monday")
        .expect("the relative date is a claim");
    assert_eq!(monday["value"], "1987-02-23", "{monday}");

    let hint = invoke(
        &w,
        "detect_published",
        json!({"text": "OSLO, Dec. 3, 2024 - Snow."}),
    )
    .unwrap();
    assert_eq!(hint["published"], "2024-12-03", "{hint}");
    assert_eq!(hint["date_source"], "dateline", "{hint}");
}

/// Sources open in the browser only as web addresses.
#[test]
fn only_web_addresses_are_opened() {
    let (_app, w) = app();
    for bad in [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "/usr/bin/xterm",
        "report 12",
    ] {
        let err = invoke(&w, "open_source", json!({"url": bad})).unwrap_err();
        assert_eq!(err["code"], "invalid_input", "{bad}: {err}");
    }
}

/// Gold export: the chosen NAME.gold.json and NAME.txt beside it, never
/// written over.
#[test]
fn gold_export_writes_the_pair_and_overwrites_nothing() {
    let (app, w) = app();
    let added = invoke(&w, "add_sample", json!({})).unwrap();
    let id = added["article_id"].clone();
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("harbour.gold.json");
    let plain = dir.path().join("harbour.json");
    choose(&app, &[&gold, &plain]);
    let written = invoke(&w, "export_gold", json!({"article": id, "path": gold})).unwrap();
    assert_eq!(written.as_array().map(Vec::len), Some(2), "{written}");
    let parsed: Value = serde_json::from_str(&std::fs::read_to_string(&gold).unwrap()).unwrap();
    let claims = parsed["claims"].as_array().expect("claims");
    assert_eq!(claims.len() as u64, added["claims"].as_u64().unwrap());
    let text = std::fs::read_to_string(dir.path().join("harbour.txt")).unwrap();
    assert!(text.contains("Harbour authority chair resigns"));
    // Again: harbour.txt exists and is not written over.
    let err = invoke(&w, "export_gold", json!({"article": id, "path": gold})).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("already exists"),
        "{err}"
    );
    let err = invoke(&w, "export_gold", json!({"article": id, "path": plain})).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("NAME.gold.json"),
        "{err}"
    );
}

#[test]
fn people_matches_and_conflicts_across_the_archive() {
    let (_app, w) = app();
    // Invented articles: two chairs of one company two days apart.
    for (text, date) in [
        (
            "Veltrax names chair\n\nVeltrax Corporation chairman Oskar Brandvik opened the plant in Dorvik.\n",
            "2021-03-10",
        ),
        (
            "Veltrax board meets\n\nVeltrax Corporation chairwoman Liesel Marrow told shareholders the plant would open in May.\n",
            "2021-03-12",
        ),
        (
            "Veltrax plant visit\n\nVeltrax Corporation chairwoman Liesel Marrow visited the plant in Dorvik.\n",
            "2021-03-20",
        ),
    ] {
        invoke(&w, "add_text", json!({"text": text, "published": date})).unwrap();
    }
    let people = invoke(&w, "list_people", json!({"query": "marrow"})).unwrap();
    assert_eq!(people[0]["name"], "Liesel Marrow", "{people}");
    let page = invoke(&w, "person_page", json!({"person": "Liesel Marrow"})).unwrap();
    assert_eq!(page["roles"].as_array().map(Vec::len), Some(2), "{page}");
    let role3 = page["roles"][1]["claim_id"].clone();
    let role2 = page["roles"][0]["claim_id"].clone();
    let m = invoke(&w, "claim_matches", json!({"claim": role3})).unwrap();
    assert_eq!(m[0]["claim_id"], role2, "{m}");
    assert_eq!(m[0]["level"], "match");
    invoke(
        &w,
        "review_claim",
        json!({"claim": role2, "status": "verified", "reviewer": "ana"}),
    )
    .unwrap();
    let copied = invoke(
        &w,
        "copy_verdict",
        json!({"claim": role3, "from": role2, "reviewer": "ben"}),
    )
    .unwrap();
    assert_eq!(copied["status"], "verified", "{copied}");

    let c = invoke(&w, "list_conflicts", json!({})).unwrap();
    assert_eq!(c.as_array().map(Vec::len), Some(2), "{c}");
    assert_eq!(c[0]["rule"], "exclusive_role");
    let of_article = invoke(&w, "list_conflicts", json!({"article": 1})).unwrap();
    assert_eq!(of_article.as_array().map(Vec::len), Some(2));
    let id = c[0]["id"].clone();
    let err = invoke(&w, "dismiss_conflict", json!({"conflict": id, "note": " "})).unwrap_err();
    assert!(
        err["message"].as_str().is_some_and(|m| m.contains("note")),
        "{err}"
    );
    invoke(
        &w,
        "dismiss_conflict",
        json!({"conflict": id, "note": "two boards", "reviewer": "ana"}),
    )
    .unwrap();
    let left = invoke(&w, "list_conflicts", json!({})).unwrap();
    assert_eq!(left.as_array().map(Vec::len), Some(1));
    let all = invoke(&w, "list_conflicts", json!({"dismissed": true})).unwrap();
    assert_eq!(all.as_array().map(Vec::len), Some(2));
}
