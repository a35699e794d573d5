//! `claimdesk diff` as a process: JSON in the scorer's shape, readable text
//! without colour when not on a terminal, errors for missing files.

use std::process::Command;

fn run(old: &str, new: &str, format: &str) -> std::process::Output {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&a, old).expect("write old");
    std::fs::write(&b, new).expect("write new");
    Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(["diff", "--format", format])
        .arg(&a)
        .arg(&b)
        .output()
        .expect("run claimdesk")
}

#[test]
fn json_output_has_the_scorer_shape() {
    let out = run(
        "The café opened on Monday. Staff cheered.",
        "The café opened on Tuesday. Staff cheered.",
        "json",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let s = &v["sentences"];
    assert_eq!(s[0]["status"], "changed");
    assert_eq!(s[0]["old_start"], 0);
    // Byte offsets: "é" is two bytes.
    assert_eq!(s[0]["old_end"], "The café opened on Monday.".len());
    assert_eq!(s[1]["status"], "unchanged");
    assert!(v["claims"].is_array());
}

#[test]
fn text_output_is_plain_off_a_terminal() {
    let out = run("A cat sat here.", "A dog sat here.", "text");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("[-cat-]{+dog+}"), "{text}");
    assert!(!text.contains('\x1b'), "{text}");
}

#[test]
fn a_missing_file_is_an_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(["diff", "/nonexistent/a.txt", "/nonexistent/b.txt"])
        .output()
        .expect("run claimdesk");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/a.txt: no such file"), "{err}");
}
