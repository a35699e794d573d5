//! The correction commands through tauri's mock runtime, as the page sends
//! them: edit, add from a selection, dismiss and restore, the corrections
//! history, and errors as `{code, message}`.

mod mock;

use mock::{app, invoke};
use serde_json::{Value, json};

const TEXT: &str = "Ferry strike ends\n\nThe union and the operator signed a deal on 4 June 2025 in Port Ellis, said Ana Lind, the union's chair.\n";

#[test]
fn corrections_from_the_page() {
    let (_app, w) = app();
    let added = invoke(
        &w,
        "add_text",
        json!({"text": TEXT, "published": "2025-06-05"}),
    )
    .unwrap();
    let article = added["article_id"].clone();
    let view = invoke(&w, "open_article", json!({"article": article})).unwrap();
    let date = view["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "date")
        .expect("the date is a claim")
        .clone();
    let fields = invoke(&w, "claim_fields", json!({})).unwrap();
    assert_eq!(fields["quote"], json!(["speaker", "quote"]));

    let edited = invoke(
        &w,
        "edit_claim",
        json!({"claim": date["id"], "fields": [["value", "2025-06-03"]], "by": "Ana Lind"}),
    )
    .unwrap();
    assert_eq!(
        (edited["value"].clone(), edited["edited"].clone()),
        (json!("2025-06-03"), json!(true))
    );

    // Added from a selection: byte offsets of the evidence.
    let start = TEXT.find("Ana Lind").unwrap();
    let role = invoke(
        &w,
        "add_claim",
        json!({"article": article, "kind": "role", "start": start, "end": start + 8,
               "fields": [["person", "Ana Lind"], ["role", "chair"], ["org", "the union"]], "by": "Ana Lind"}),
    )
    .unwrap();
    assert_eq!(role["added"], true);
    assert_eq!(role["text"], "Ana Lind");

    invoke(
        &w,
        "dismiss_claim",
        json!({"claim": date["id"], "reason": "not in doubt", "by": "Ana Lind"}),
    )
    .unwrap();
    let view = invoke(&w, "open_article", json!({"article": article})).unwrap();
    let ids = |v: &Value| -> Vec<Value> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].clone())
            .collect()
    };
    assert!(!ids(&view["claims"]).contains(&date["id"]));
    assert!(ids(&view["claims"]).contains(&role["id"]));
    assert_eq!(ids(&view["dismissed"]), vec![date["id"].clone()]);
    assert_eq!(view["dismissed"][0]["dismiss_reason"], "not in doubt");

    invoke(
        &w,
        "restore_claim",
        json!({"claim": date["id"], "by": "Ana Lind"}),
    )
    .unwrap();
    let events = invoke(&w, "claim_corrections", json!({"claim": date["id"]})).unwrap();
    let actions: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(actions, vec!["edit", "dismiss", "restore"]);
    assert_eq!(events[0]["before"]["value"], "2025-06-04");
    assert_eq!(events[0]["after"]["value"], "2025-06-03");
    assert_eq!(events[0]["by"], "Ana Lind");

    let cases = [
        (
            "add_claim",
            json!({"article": article, "kind": "rumour", "start": 0, "end": 5, "fields": [], "by": "A"}),
            "rumour",
        ),
        (
            "add_claim",
            json!({"article": article, "kind": "role", "start": 0, "end": 9999, "fields": [["person", "A"], ["role", "b"]], "by": "A"}),
            "not inside",
        ),
        (
            "edit_claim",
            json!({"claim": date["id"], "fields": [["speaker", "A"]], "by": "A"}),
            "no field",
        ),
        (
            "restore_claim",
            json!({"claim": date["id"], "by": "A"}),
            "not dismissed",
        ),
    ];
    for (cmd, args, want) in cases {
        let e = invoke(&w, cmd, args).expect_err(cmd);
        assert!(e["code"].is_string(), "{e}");
        assert!(
            e["message"].as_str().unwrap_or("").contains(want),
            "{cmd}: {e}"
        );
    }
}
