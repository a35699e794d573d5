//! `claimdesk report` run as a user would: from a real temporary database
//! (an article and a revision of it added from fixtures written here, some
//! claims reviewed), or from a saved input; formats, filters, `--out`, the
//! reviewing organization from the environment, and usage errors.

mod common;

use common::Env;
use serde_json::{Value, json};
use std::path::Path;
use std::process::{Command, Output};

const SENTENCE: &str = "The ferry service resumes on Monday, the operator said.";

/// A minimal report input with one reviewed date claim and one unreviewed
/// quote, as `claimdesk report --format json` would write it.
fn input_json() -> Value {
    let span_start = SENTENCE.find("Monday").unwrap_or(0);
    let q = "\"We are ready, finally,\" said Ines Varga.";
    json!({
        "article": {
            "title": "Ferry <b>service</b> resumes",
            "url": "https://news.example.org/ferry",
            "published": "2025-11-28",
            "revision": 1
        },
        "claims": [
            {
                "id": 1,
                "claim": {"kind": "date", "start": span_start, "end": span_start + 6,
                          "text": "Monday", "sentence": 0, "confidence": 0.9,
                          "value": "2025-12-01", "timex_type": "DATE"},
                "evidence": {"sentence": SENTENCE, "span_start": span_start, "span_end": span_start + 6},
                "review": {"status": "verified", "reviewer": "Ana Ruiz",
                           "reviewed_at": "2025-11-28T10:00:00Z"}
            },
            {
                "id": 2,
                "claim": {"kind": "quote", "start": 60, "end": 81, "text": "We are ready, finally",
                          "sentence": 1, "confidence": 0.8,
                          "speaker": "Ines Varga", "quote": "We are ready, finally"},
                "evidence": {"sentence": q, "span_start": 1, "span_end": 22},
                "review": {"status": "unreviewed"}
            }
        ],
        "generated_at": "2025-11-28T12:00:00Z"
    })
}

fn claimdesk(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_claimdesk"));
    c.args(args).env_remove("CLAIMDESK_ORG_NAME");
    c.env_remove("CLAIMDESK_ORG_URL")
        .env_remove("CLAIMDESK_REVIEW_URL");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run claimdesk")
}

fn write_input(dir: &Path) -> String {
    let p = dir.join("input.json");
    std::fs::write(&p, input_json().to_string()).expect("write input");
    p.display().to_string()
}

#[test]
fn renders_every_format_from_a_saved_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write_input(dir.path());
    for (fmt, want) in [
        ("md", "**Reads as:** Monday → Mon 1 Dec 2025"),
        ("html", "Ferry &lt;b&gt;service&lt;/b&gt; resumes"),
        ("csv", "Monday → Mon 1 Dec 2025,date,verified"),
        ("json", "\"schema\": \"claimdesk-report/1\""),
        ("claimreview", "\"ClaimReview\""),
    ] {
        let out = claimdesk(&["report", "--input", &input, "--format", fmt], &[]);
        assert!(
            out.status.success(),
            "{fmt}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(want), "{fmt} lacks {want:?}:\n{text}");
    }
}

#[test]
fn json_output_renders_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write_input(dir.path());
    let json_out = dir.path().join("report.json");
    let out = claimdesk(
        &[
            "report",
            "--input",
            &input,
            "--format",
            "json",
            "--out",
            &json_out.display().to_string(),
        ],
        &[],
    );
    assert!(out.status.success());
    assert!(out.stdout.is_empty(), "--out writes nothing to stdout");
    let again = claimdesk(
        &[
            "report",
            "--input",
            &json_out.display().to_string(),
            "--format",
            "csv",
        ],
        &[],
    );
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    let mut r = csv::ReaderBuilder::new().from_reader(
        again
            .stdout
            .strip_prefix("\u{feff}".as_bytes())
            .expect("BOM"),
    );
    assert_eq!(r.records().count(), 2);
}

#[test]
fn filters_and_organization_options() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write_input(dir.path());
    let out = claimdesk(
        &["report", "--input", &input, "--format", "claimreview"],
        &[
            ("CLAIMDESK_ORG_NAME", "Ferry Facts"),
            ("CLAIMDESK_REVIEW_URL", "https://facts.example.net/ferry"),
        ],
    );
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON-LD");
    let reviews = v.as_array().expect("array");
    assert_eq!(reviews.len(), 1, "the unreviewed quote is left out");
    assert_eq!(reviews[0]["author"]["name"], "Ferry Facts");
    assert_eq!(reviews[0]["url"], "https://facts.example.net/ferry#claim-1");
    let opt = claimdesk(
        &[
            "report",
            "--input",
            &input,
            "--format",
            "claimreview",
            "--org-name",
            "Desk B",
        ],
        &[("CLAIMDESK_ORG_NAME", "Ferry Facts")],
    );
    let v: Value = serde_json::from_slice(&opt.stdout).expect("JSON-LD");
    assert_eq!(
        v[0]["author"]["name"], "Desk B",
        "the option beats the environment"
    );

    let quotes = claimdesk(
        &[
            "report", "--input", &input, "--format", "json", "--kind", "quote",
        ],
        &[],
    );
    let v: Value = serde_json::from_slice(&quotes.stdout).expect("JSON");
    assert_eq!(v["summary"]["total"], 1);
    assert_eq!(v["filter"]["kind"], "quote");
    let unrev = claimdesk(
        &[
            "report", "--input", &input, "--format", "json", "--status", "Verified",
        ],
        &[],
    );
    let v: Value = serde_json::from_slice(&unrev.stdout).expect("JSON");
    assert_eq!(v["claims"][0]["id"], 1);
}

#[test]
fn usage_and_input_errors_are_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write_input(dir.path());
    let bad_kind = claimdesk(
        &[
            "report", "--input", &input, "--format", "md", "--kind", "rumour",
        ],
        &[],
    );
    assert_eq!(bad_kind.status.code(), Some(2));
    let missing = claimdesk(
        &["report", "--input", "/nonexistent/x.json", "--format", "md"],
        &[],
    );
    assert_eq!(missing.status.code(), Some(1));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(err.contains("/nonexistent/x.json: no such file"), "{err}");
    // ClaimReview without the article's URL is an error, said plainly.
    let mut v = input_json();
    v["article"]["url"] = Value::Null;
    let p = dir.path().join("no-url.json");
    std::fs::write(&p, v.to_string()).expect("write");
    let out = claimdesk(
        &[
            "report",
            "--input",
            &p.display().to_string(),
            "--format",
            "claimreview",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("URL"));
}

/// A short article of our own, with several dates the extractor resolves
/// against the publication date (Thu 27 Nov 2025).
const FERRY_V1: &str = "The island ferry will resume service on Monday, the operator said on Wednesday.\n\n\
Repairs to the pier began on 3 November and cost more than planned, according to the harbour office.\n\n\
\"We are ready, finally,\" said operator spokeswoman Ines Varga. The first crossing leaves at 7:00 on 1 December 2025.\n";

/// Revision 2: the restart moved from Monday to Tuesday; the repair
/// sentence is gone.
const FERRY_V2: &str = "The island ferry will resume service on Tuesday, the operator said on Wednesday.\n\n\
\"We are ready, finally,\" said operator spokeswoman Ines Varga. The first crossing leaves at 7:00 on 1 December 2025.\n\n\
Tickets go on sale on Friday at the harbour office <script>window.x=1</script>.\n";

fn stored_article(env: &Env) -> Vec<Value> {
    let v1 = env.file("ferry-v1.txt", FERRY_V1.as_bytes());
    env.ok(&[
        "add",
        v1.to_str().unwrap_or_default(),
        "--title",
        "Ferry, \"finally\", <b>resumes</b>",
        "--published",
        "2025-11-27",
    ]);
    let claims = env.json(&["claims", "1", "--json"]);
    let claims = claims.as_array().cloned().unwrap_or_default();
    assert!(
        claims.len() >= 3,
        "the fixture's dates must be extracted (needs the date recognizer): {claims:?}"
    );
    claims
}

fn id_of(c: &Value) -> String {
    c["id"].as_i64().unwrap_or_default().to_string()
}

#[test]
fn reports_a_stored_revision_with_reviews_and_changes() {
    let env = Env::new();
    let claims = stored_article(&env);
    let at = |text: &str| {
        claims
            .iter()
            .position(|c| c["text"] == text)
            .unwrap_or_else(|| panic!("no claim {text:?} in {claims:?}"))
    };
    let (monday, repair) = (at("Monday"), at("3 November"));
    // Verify the restart date, find the repair date false, leave the rest.
    env.ok(&[
        "review",
        &id_of(&claims[monday]),
        "--status",
        "verified",
        "--note",
        "Timetable, says \"Monday\", checked",
        "--source",
        "https://ferry.example.org/timetable",
        "--by",
        "Ana Ruiz",
    ]);
    env.ok(&[
        "review",
        &id_of(&claims[repair]),
        "--status",
        "false",
        "--note",
        "Work began on 5 November.\nSee the harbour log.",
        "--by",
        "Ben Cole",
    ]);

    // Revision 1, every format.
    let json = env.json(&["report", "1", "--format", "json"]);
    assert_eq!(
        json["article"]["title"],
        "Ferry, \"finally\", <b>resumes</b>"
    );
    assert_eq!(json["article"]["revision"], 1);
    assert_eq!(json["article"]["published"], "2025-11-27");
    assert!(
        json["article"]["source"]
            .as_str()
            .is_some_and(|s| s.ends_with("ferry-v1.txt"))
    );
    assert_eq!(json["summary"]["total"], claims.len());
    let listed: Vec<i64> = json["claims"]
        .as_array()
        .map(|a| a.iter().filter_map(|c| c["id"].as_i64()).collect())
        .unwrap_or_default();
    let stored: Vec<i64> = claims.iter().filter_map(|c| c["id"].as_i64()).collect();
    assert_eq!(
        listed, stored,
        "the report lists the stored claims, in order"
    );
    let first = &json["claims"][monday];
    assert_eq!(first["review"]["status"], "verified");
    assert_eq!(first["review"]["reviewer"], "Ana Ruiz");
    assert_eq!(
        first["review"]["sources"][0],
        "https://ferry.example.org/timetable"
    );
    assert!(first["review"]["reviewed_at"].as_str().is_some());
    let ev = &first["evidence"];
    let sentence = ev["sentence"].as_str().unwrap_or_default();
    let span = sentence
        .get(
            ev["span_start"].as_u64().unwrap_or(0) as usize
                ..ev["span_end"].as_u64().unwrap_or(0) as usize,
        )
        .unwrap_or_default();
    assert_eq!(
        span, claims[monday]["text"],
        "the span is marked inside its sentence"
    );
    assert!(FERRY_V1.contains(sentence));
    assert_eq!(
        json["claims"][repair]["review"]["note"],
        "Work began on 5 November.\nSee the harbour log."
    );
    assert!(json.get("previous").is_none(), "revision 1 has none");

    let html = env.ok(&["report", "1", "--format", "html"]);
    assert!(html.contains("Ferry, &quot;finally&quot;, &lt;b&gt;resumes&lt;/b&gt;"));
    assert!(!html.contains("<script"));
    let md = env.ok(&["report", "1", "--format", "md"]);
    assert!(md.contains("**Reviewer:** Ana Ruiz"), "{md}");
    let csv_out = env.run(&["report", "1", "--format", "csv"]);
    let mut r = csv::ReaderBuilder::new().from_reader(
        csv_out
            .stdout
            .strip_prefix("\u{feff}".as_bytes())
            .unwrap_or_default(),
    );
    assert_eq!(r.records().count(), claims.len());
    // Loaded from a file: ClaimReview needs the article's URL.
    let no_url = env.run(&["report", "1", "--format", "claimreview"]);
    assert_eq!(no_url.status.code(), Some(1));
    let cr = env.json(&[
        "report",
        "1",
        "--format",
        "claimreview",
        "--article-url",
        "https://news.example.org/ferry",
    ]);
    assert_eq!(
        cr.as_array().map(Vec::len),
        Some(2),
        "two verdicts, two ClaimReviews: {cr}"
    );
    assert_eq!(cr[0]["reviewRating"]["alternateName"], "True");
    assert_eq!(cr[1]["reviewRating"]["ratingValue"], 1);
    assert_eq!(
        cr[0]["url"],
        format!(
            "https://news.example.org/ferry#claim-{}",
            id_of(&claims[monday])
        )
    );

    // Revision 2: what changed, and the old verdicts carried or reset.
    let v2 = env.file("ferry-v2.txt", FERRY_V2.as_bytes());
    env.ok(&[
        "add",
        "--article",
        "1",
        v2.to_str().unwrap_or_default(),
        "--published",
        "2025-11-27",
    ]);
    let json2 = env.json(&["report", "1", "--format", "json"]);
    assert_eq!(json2["article"]["revision"], 2);
    assert_eq!(json2["previous"]["revision"], 1);
    let changes = &json2["summary"]["changes"];
    assert!(
        changes["removed"].as_u64().unwrap_or(0) >= 1,
        "the repair date is gone: {changes}"
    );
    assert!(
        changes["added"].as_u64().unwrap_or(0) >= 1,
        "Friday is new: {changes}"
    );
    let every_claim_has_a_change = json2["claims"]
        .as_array()
        .is_some_and(|a| a.iter().all(|c| c["change"]["change"].is_string()));
    assert!(every_claim_has_a_change, "{json2}");
    // The removed claim was verified-or-false before; its verdict is shown.
    let removed = json2["previous"]["removed"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        removed.iter().any(|r| r["status"] == "false"),
        "{removed:?}"
    );
    // The reported revision can be chosen.
    let again = env.json(&["report", "1", "--revision", "1", "--format", "json"]);
    assert_eq!(again["article"]["revision"], 1);
    assert_eq!(again["summary"]["total"], claims.len());
}

#[test]
fn store_report_filters_and_errors() {
    let env = Env::new();
    let claims = stored_article(&env);
    env.ok(&["review", &id_of(&claims[0]), "--status", "verified"]);
    let v = env.json(&["report", "1", "--format", "json", "--status", "verified"]);
    assert_eq!(v["summary"]["total"], 1);
    assert_eq!(v["claims"][0]["id"], claims[0]["id"]);
    let v = env.json(&["report", "1", "--format", "json", "--kind", "quote"]);
    assert!(
        v["claims"]
            .as_array()
            .is_some_and(|a| a.iter().all(|c| c["kind"] == "quote"))
    );
    let out = env.run(&["report", "7", "--format", "md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article"));
    let out = env.run(&["report", "1", "--revision", "9", "--format", "md"]);
    assert_eq!(out.status.code(), Some(1));
    let out = env.run(&["report", "--format", "md"]);
    assert_eq!(out.status.code(), Some(2), "ARTICLE or --input is required");
    // Written to a file when asked.
    let path = env.dir.path().join("r.html");
    env.ok(&[
        "report",
        "1",
        "--format",
        "html",
        "--out",
        path.to_str().unwrap_or_default(),
    ]);
    let html = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(html.starts_with("<!DOCTYPE html>"));
}
