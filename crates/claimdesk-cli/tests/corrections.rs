//! `claimdesk claim add|edit|dismiss|restore`, the claim lists' filters and
//! marks, the history's correction events, corrections carried to a new
//! revision, and `export-gold` scored by the evaluation's own scorer: a
//! corrected article scores 1.0 against its export, the machine's raw
//! extraction does not.

mod common;
use common::{Env, shared};
use serde_json::Value;
use std::process::Command;

const V1: &str = "HARROWGATE, April 2 - Lena Varga, the new chair of the Dockers Guild, said on Monday that \"the yard will reopen in June\". Her predecessor, Piet Kessel, resigned in March. Varga met the harbour board in Harrowgate on Tuesday. The board voted to sell the crane.\n";
const V2: &str = "HARROWGATE, April 2 - Lena Varga, the new chair of the Dockers Guild, said on Monday that \"the yard will reopen in June\". Her predecessor, Piet Kessel, resigned in March. Varga met the full harbour board in Harrowgate on Tuesday evening. The board voted to sell the crane.\n";

fn span(text: &str, needle: &str) -> String {
    let start = text.find(needle).expect("needle in text");
    format!("{start}:{}", start + needle.len())
}

fn claims(env: &Env, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["claims", "1", "--json"];
    all.extend_from_slice(args);
    env.json(&all).as_array().cloned().unwrap_or_default()
}

fn find<'a>(list: &'a [Value], key: &str, value: &str) -> &'a Value {
    list.iter()
        .find(|c| c[key] == value)
        .unwrap_or_else(|| panic!("no claim with {key}={value}: {list:#?}"))
}

fn id(c: &Value) -> String {
    c["id"].as_i64().unwrap_or_default().to_string()
}

/// Stores V1 and corrects it: the quote's speaker, a missed claim added,
/// the "March" date dismissed. Returns the ids (quote, added, march).
fn corrected(env: &Env) -> (String, String, String) {
    let f = env.file("yard.txt", V1.as_bytes());
    env.ok(&[
        "add",
        f.to_str().unwrap_or_default(),
        "--published",
        "2026-04-02",
    ]);
    let list = claims(env, &[]);
    let q = id(find(&list, "kind", "quote"));
    let out = env.ok(&[
        "claim",
        "edit",
        &q,
        "--field",
        "speaker=Piet Kessel",
        "--by",
        "Ines",
    ]);
    assert!(out.contains("speaker=Piet Kessel"), "{out}");
    let added = env.json(&[
        "claim",
        "add",
        "1",
        "--kind",
        "attendance",
        "--span",
        &span(V1, "The board voted"),
        "--field",
        "person=Lena Varga",
        "--field",
        "event=board vote",
        "--by",
        "Ines",
        "--json",
    ]);
    assert_eq!(added["added"], true, "{added}");
    let march = id(find(&list, "text", "March"));
    env.ok(&[
        "claim",
        "dismiss",
        &march,
        "--reason",
        "background",
        "--by",
        "Ines",
    ]);
    (q, id(&added), march)
}

#[test]
fn corrections_from_the_command_line() {
    let env = Env::new();
    let before = env.json(&["list", "--json"])[0].clone();
    assert!(before.is_null());
    let (q, added, march) = corrected(&env);

    // Lists: the corrected claims, the dismissed one only under a filter.
    let list = claims(&env, &[]);
    assert_eq!(find(&list, "kind", "quote")["speaker"], "Piet Kessel");
    assert_eq!(find(&list, "kind", "quote")["edited"], true);
    assert!(list.iter().any(|c| id(c) == added));
    assert!(!list.iter().any(|c| id(c) == march));
    let dismissed = claims(&env, &["--dismissed"]);
    assert_eq!(
        dismissed.iter().map(id).collect::<Vec<_>>(),
        vec![march.clone()]
    );
    assert_eq!(claims(&env, &["--all"]).len(), list.len() + 1);
    let table = env.ok(&["claims", "1", "--all"]);
    for mark in [format!("{q}*"), format!("{added}+"), format!("{march}x")] {
        assert!(table.contains(&mark), "{mark} in {table}");
    }
    let summary = env.json(&["list", "--json"]);
    assert_eq!(summary[0]["claims"].as_u64(), Some(list.len() as u64));

    // History: each event with who and before → after.
    let hist = env.ok(&["history", &q]);
    assert!(
        hist.contains("edit     Ines") && hist.contains("→ Piet Kessel"),
        "{hist}"
    );
    env.ok(&["claim", "restore", &march, "--by", "Ines"]);
    let events = env.json(&["history", &march, "--json", "--corrections"]);
    let actions: Vec<&str> = events
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["action"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(actions, vec!["dismiss", "restore"]);
    assert_eq!(events[0]["reason"], "background");
    assert_eq!(events[0]["after"]["dismissed"], true);

    // Mistakes are refused with a clear message and change nothing.
    let snap = env.snapshot();
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["claim", "edit", &q, "--span", "5:99999", "--by", "I"],
            1,
            "not inside the article",
        ),
        (
            &["claim", "edit", &q, "--span", "5-9", "--by", "I"],
            2,
            "is not START:END",
        ),
        (
            &["claim", "edit", &q, "--field", "person=X", "--by", "I"],
            1,
            "no field \"person\"",
        ),
        (
            &["claim", "edit", &q, "--field", "speaker", "--by", "I"],
            2,
            "is not name=value",
        ),
        (
            &["claim", "add", "1", "--kind", "rumour", "--span", "1:5"],
            2,
            "unknown claim kind",
        ),
        (
            &[
                "claim",
                "add",
                "1",
                "--kind",
                "role",
                "--span",
                "0:10",
                "--field",
                "person=A B",
            ],
            1,
            "missing: role",
        ),
        (&["claim", "restore", &q, "--by", "I"], 1, "not dismissed"),
        (
            &["claim", "dismiss", "99999", "--by", "I"],
            1,
            "no claim 99999",
        ),
    ];
    for (args, code, want) in cases {
        let out = env.run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(*code), "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
    }
    assert_eq!(env.snapshot(), snap);
}

#[test]
fn corrections_carry_to_a_new_revision() {
    let env = Env::new();
    let (q, added, _) = corrected(&env);
    // A second added claim, in the sentence that V2 rewords.
    let reworded = env.json(&[
        "claim",
        "add",
        "1",
        "--kind",
        "role",
        "--span",
        &span(V1, "Varga met the harbour board"),
        "--field",
        "person=Lena Varga",
        "--field",
        "role=guest",
        "--by",
        "Ines",
        "--json",
    ]);
    env.ok(&["review", &q, "--status", "verified"]);
    let f = env.file("yard-2.txt", V2.as_bytes());
    let out = env.json(&[
        "add",
        f.to_str().unwrap_or_default(),
        "--article",
        "1",
        "--published",
        "2026-04-02",
        "--json",
    ]);
    let out = if out.is_array() { out[0].clone() } else { out };
    assert_eq!(out["corrections_kept"], 3, "{out}");
    assert_eq!(out["corrections_rechecked"], 1, "{out}");
    let list = claims(&env, &["--all"]);
    let follows = |old: &str| {
        list.iter()
            .find(|c| c["previous_id"].as_i64().map(|p| p.to_string()).as_deref() == Some(old))
            .unwrap_or_else(|| panic!("claim {old} not carried: {list:#?}"))
    };
    let q2 = follows(&q);
    assert_eq!(
        (q2["speaker"].as_str(), q2["status"].as_str()),
        (Some("Piet Kessel"), Some("verified"))
    );
    assert_eq!(follows(&added)["added"], true);
    let r2 = follows(&id(&reworded));
    assert_eq!(r2["status"], "needs_recheck");
    assert!(
        r2["text"]
            .as_str()
            .unwrap_or_default()
            .contains("full harbour board"),
        "{r2}"
    );
    let march = claims(&env, &["--revision", "1", "--dismissed"]);
    assert_eq!(
        follows(&id(find(&march, "text", "March")))["dismissed"],
        true
    );
}

/// Runs the evaluation's claim scorer on `dir` with `cmd`; returns the
/// overall F1. None (with a message) when python3 or the scorer is missing.
fn score(env: &Env, dir: &std::path::Path, cmd: &str) -> Option<f64> {
    let Some(scorer) = shared().map(|s| s.join("eval/score_claims.py")) else {
        eprintln!("skipped: the evaluation scripts (../shared/eval) are not here");
        return None;
    };
    let out = match Command::new("python3")
        .arg(&scorer)
        .args(["--json", "--cmd", cmd])
        .arg(dir)
        .env("CLAIMDESK_DB", env.db())
        .output()
    {
        Ok(o) => o,
        Err(e) => {
            eprintln!("skipped: python3 cannot be run ({e})");
            return None;
        }
    };
    assert!(
        out.status.success(),
        "scorer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("scorer JSON");
    v["overall"]["f1"].as_f64()
}

#[test]
fn export_gold_scores_one_against_the_corrections() {
    let env = Env::new();
    let bin = env!("CARGO_BIN_EXE_claimdesk");
    let machine = format!("{bin} extract --format json --published {{published}} {{file}}");
    let desk = format!("{bin} claims 1 --as-extract");
    let f = env.file("yard.txt", V1.as_bytes());
    env.ok(&[
        "add",
        f.to_str().unwrap_or_default(),
        "--published",
        "2026-04-02",
    ]);

    // Uncorrected: the export is the machine's own extraction.
    let raw = env.dir.path().join("raw");
    let out = env.ok(&[
        "export-gold",
        "1",
        "--out",
        raw.to_str().unwrap_or_default(),
        "--name",
        "yard",
    ]);
    assert!(out.contains("yard.gold.json"), "{out}");
    assert_eq!(
        std::fs::read_to_string(raw.join("yard.txt"))
            .ok()
            .as_deref(),
        Some(V1)
    );
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(raw.join("yard.gold.json")).unwrap_or_default(),
    )
    .expect("gold JSON");
    assert_eq!(gold["published"], "2026-04-02");
    for c in gold["claims"].as_array().into_iter().flatten() {
        let snippet = if c["kind"] == "date" {
            &c["text"]
        } else {
            &c["evidence"]
        };
        assert!(V1.contains(snippet.as_str().unwrap_or("\u{0}")), "{c}");
    }
    let Some(f1) = score(&env, &raw, &machine) else {
        return;
    };
    assert_eq!(f1, 1.0, "machine output against its own export");

    // Corrected: the desk's claims score 1.0, the raw extraction less.
    let list = claims(&env, &[]);
    let q = id(find(&list, "kind", "quote"));
    env.ok(&[
        "claim",
        "edit",
        &q,
        "--field",
        "speaker=Piet Kessel",
        "--by",
        "Ines",
    ]);
    env.ok(&[
        "claim",
        "add",
        "1",
        "--kind",
        "attendance",
        "--span",
        &span(V1, "The board voted"),
        "--field",
        "person=Lena Varga",
        "--field",
        "event=board vote",
        "--by",
        "Ines",
    ]);
    let march = id(find(&list, "text", "March"));
    env.ok(&["claim", "dismiss", &march, "--by", "Ines"]);
    let fixed = env.dir.path().join("fixed");
    env.ok(&[
        "export-gold",
        "1",
        "--out",
        fixed.to_str().unwrap_or_default(),
        "--name",
        "yard",
    ]);
    assert_eq!(
        score(&env, &fixed, &desk),
        Some(1.0),
        "corrections against their export"
    );
    let raw_f1 = score(&env, &fixed, &machine).unwrap_or(1.0);
    assert!(
        raw_f1 < 1.0,
        "the raw extraction misses the corrections: {raw_f1}"
    );
}
