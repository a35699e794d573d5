//! The archive commands against a real temporary database built from a
//! bulk file of invented articles: people, person, matches (and copying a
//! verdict, seen in the history), conflicts (and dismissing one), and
//! decisions about who is who.

mod common;
use common::Env;

/// Invented articles as a bulk file: {id, title, published, text}.
fn bulk(env: &Env) -> std::path::PathBuf {
    let lines = [
        (
            "a1",
            "2021-03-10",
            "Veltrax Corporation chairman Oskar Brandvik said on Wednesday that the company would open a plant in Dorvik.",
        ),
        (
            "a2",
            "2021-03-12",
            "Veltrax Corporation chairwoman Liesel Marrow told shareholders on Friday that the plant would open in May.",
        ),
        (
            "a3",
            "2021-03-20",
            "Veltrax Corporation chairwoman Liesel Marrow visited the plant in Dorvik.",
        ),
    ];
    let text: String = lines
        .iter()
        .map(|(id, date, text)| {
            serde_json::json!({"id": id, "title": format!("Story {id}"), "published": date, "text": text})
                .to_string()
                + "\n"
        })
        .collect();
    env.file("archive.jsonl", text.as_bytes())
}

#[test]
fn people_person_matches_conflicts() {
    let env = Env::new();
    let path = bulk(&env);
    env.ok(&["add", "--jsonl", path.to_str().unwrap()]);

    let people = env.json(&["people", "--json"]);
    let ids: Vec<&str> = people
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["id"].as_str())
        .collect();
    assert!(ids.contains(&"marow liesel"), "{people}");
    let marrow = env.json(&["people", "marrow", "--json"]);
    assert_eq!(marrow.as_array().map(Vec::len), Some(1), "{marrow}");
    assert!(marrow[0]["claims"].as_u64().unwrap_or(0) >= 2, "{marrow}");
    assert_eq!(marrow[0]["articles"], 2);

    let page = env.json(&["person", "Liesel Marrow", "--json"]);
    assert_eq!(page["roles"].as_array().map(Vec::len), Some(2), "{page}");
    assert_eq!(page["roles"][0]["article_id"], 2);
    assert_eq!(page["roles"][0]["verdict"], "unreviewed");
    let text = env.ok(&["person", "marow liesel"]);
    assert!(
        text.contains("roles:") && text.contains("Story a2"),
        "{text}"
    );

    // The role of article 3 was stated in article 2: a match.
    let role3 = env.json(&["claims", "3", "--kind", "role", "--json"])[0]["id"]
        .as_i64()
        .unwrap();
    let role2 = env.json(&["claims", "2", "--kind", "role", "--json"])[0]["id"]
        .as_i64()
        .unwrap();
    let m = env.json(&["matches", &role3.to_string(), "--json"]);
    assert_eq!(m[0]["claim_id"], role2, "{m}");
    assert_eq!(m[0]["article_id"], 2);
    assert_eq!(m[0]["level"], "match");
    assert!(m[0]["score"].as_f64().unwrap_or(0.0) >= 0.9);
    for field in ["claim_id", "article_id", "level", "score", "verdict"] {
        assert!(m[0].get(field).is_some(), "{field} missing: {m}");
    }
    env.ok(&[
        "review",
        &role2.to_string(),
        "--status",
        "verified",
        "--note",
        "company register",
    ]);
    assert!(
        env.run(&["matches", &role3.to_string(), "--copy", &role2.to_string()])
            .status
            .success(),
        "--copy takes the reviewer from CLAIMDESK_REVIEWER"
    );
    let history = env.ok(&["history", &role3.to_string()]);
    assert!(
        history.contains(&format!("copied from claim {role2}")),
        "{history}"
    );
    let m = env.json(&["matches", &role3.to_string(), "--json"]);
    assert_eq!(m[0]["verdict"], "verified");

    // Two chairs of Veltrax two days apart.
    let c = env.json(&["conflicts", "--json"]);
    let list = c.as_array().unwrap();
    assert_eq!(list.len(), 2, "{c}");
    assert!(list.iter().all(|x| x["rule"] == "exclusive_role"));
    assert!(
        list.iter()
            .all(|x| x["claim_ids"].as_array().map_or(0, Vec::len) >= 2)
    );
    assert!(
        list[0]["reason"]
            .as_str()
            .unwrap_or("")
            .contains("one chair")
    );
    let id = list[0]["id"].as_str().unwrap().to_string();
    let only = env.json(&["conflicts", "--person", "Oskar Brandvik", "--json"]);
    assert_eq!(only.as_array().map(Vec::len), Some(2));

    // Dismissing needs a note and a name; then it is kept and not listed.
    assert_eq!(
        env.run(&["conflicts", "--dismiss", &id]).status.code(),
        Some(2)
    );
    env.ok(&[
        "conflicts",
        "--dismiss",
        &id,
        "--note",
        "two boards",
        "--by",
        "ana",
    ]);
    assert_eq!(
        env.json(&["conflicts", "--json"]).as_array().map(Vec::len),
        Some(1)
    );
    let all = env.json(&["conflicts", "--all", "--json"]);
    assert!(
        all.as_array()
            .unwrap()
            .iter()
            .any(|x| x["dismissed"]["note"] == "two boards")
    );

    // Who is who: a merge is recorded and used from then on.
    env.ok(&[
        "same-person",
        "Oskar Brandvik",
        "Liesel Marrow",
        "--by",
        "ana",
        "--note",
        "test",
    ]);
    assert_eq!(
        env.json(&["conflicts", "--json"]).as_array().map(Vec::len),
        Some(0)
    );
    env.ok(&[
        "different-people",
        "Oskar Brandvik",
        "Liesel Marrow",
        "--by",
        "ana",
    ]);
    assert_eq!(
        env.json(&["conflicts", "--json"]).as_array().map(Vec::len),
        Some(1)
    );
}
