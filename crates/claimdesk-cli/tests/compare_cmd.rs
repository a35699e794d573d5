//! `claimdesk compare` on a real temporary database, and the comparison
//! summary `claimdesk add --article` prints for a new revision.

mod common;
use common::{Env, sample};

fn two_revisions(env: &Env) -> String {
    env.ok(&["add", sample("harbour-council.txt").to_str().unwrap()]);
    for c in env.json(&["claims", "1", "--json"]).as_array().unwrap() {
        let id = c["id"].as_i64().unwrap().to_string();
        env.ok(&["review", &id, "--status", "verified"]);
    }
    env.ok(&[
        "add",
        "--article",
        "1",
        sample("harbour-council-v2.txt").to_str().unwrap(),
    ])
}

#[test]
fn add_prints_what_changed() {
    let env = Env::new();
    let out = two_revisions(&env);
    assert!(out.contains("changes since revision 1:"), "{out}");
    assert!(out.contains("2 changed"), "{out}");
}

#[test]
fn compare_flags_changed_statements_and_verdicts() {
    let env = Env::new();
    two_revisions(&env);
    let v = env.json(&["compare", "1", "--format", "json"]);
    assert_eq!((v["from"].as_u64(), v["to"].as_u64()), (Some(1), Some(2)));
    let old = std::fs::read_to_string(sample("harbour-council.txt")).unwrap();
    let status_of = |needle: &str| -> String {
        v["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| {
                let (s, t) = (
                    e["old_start"].as_u64().unwrap(),
                    e["old_end"].as_u64().unwrap(),
                );
                old[s as usize..t as usize].contains(needle)
            })
            .map(|e| e["status"].as_str().unwrap().to_string())
            .unwrap_or_default()
    };
    assert_eq!(status_of("resigned on Tuesday"), "changed");
    assert_eq!(status_of("three years"), "changed");
    assert_eq!(status_of("punish anyone, we"), "cosmetic");
    // The changed date claim: verified before, needs a re-check now.
    let date = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["status"] == "changed"
                && c["new"]["kind"] == "date"
                && c["new"]["text"].as_str().unwrap_or("").contains("Monday")
        })
        .unwrap_or_else(|| panic!("no changed Monday claim: {}", v["claims"]));
    assert_eq!(date["old_verdict"], "verified");
    assert_eq!(date["new_verdict"], "needs_recheck");

    let text = env.ok(&["compare", "1"]);
    assert!(text.contains("revision 1 → 2"), "{text}");
    assert!(text.contains("[-Tuesday-]{+Monday+}"), "{text}");
    assert!(text.contains("verdict verified → needs re-check"), "{text}");
}

#[test]
fn compare_any_two_revisions_and_bad_requests() {
    let env = Env::new();
    two_revisions(&env);
    // A revision against itself: nothing flagged.
    let same = env.json(&[
        "compare", "1", "--from", "2", "--to", "2", "--format", "json",
    ]);
    assert!(
        same["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["status"] == "unchanged")
    );
    // Backwards works too.
    let back = env.json(&[
        "compare", "1", "--from", "2", "--to", "1", "--format", "json",
    ]);
    assert!(
        back["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["status"] == "changed")
    );
    // No such revision.
    let out = env.run(&["compare", "1", "--to", "9"]);
    assert_eq!(out.status.code(), Some(1));
    // A single revision has nothing to compare with.
    let single = env.file("single.txt", b"The ferry resumed service on Monday.");
    let added = env.ok(&["add", single.to_str().unwrap()]);
    assert!(added.contains("article 2 revision 1"), "{added}");
    let out = env.run(&["compare", "2"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
