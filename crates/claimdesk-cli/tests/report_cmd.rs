//! `claimdesk report` run as a user would: formats, filters, `--out`, the
//! reviewing organization from the environment, and usage errors.

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
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
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
