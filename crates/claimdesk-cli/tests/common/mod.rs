//! Helpers shared by the CLI integration tests: running the real
//! `claimdesk` binary against a real temporary database, and writing
//! fixture files.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Default for Env {
    fn default() -> Self {
        Env::new()
    }
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("claims.db")
    }

    pub fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).expect("write fixture");
        p
    }

    pub fn command(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_claimdesk"));
        c.env("CLAIMDESK_DB", self.db())
            .env("CLAIMDESK_REVIEWER", "test desk")
            .env("NO_COLOR", "1");
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().expect("run claimdesk")
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "claimdesk {args:?} failed: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.ok(args);
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("claimdesk {args:?} printed no JSON ({e}): {out}"))
    }

    /// A snapshot of every row of the database, to prove a failed command
    /// changed nothing.
    pub fn snapshot(&self) -> Vec<String> {
        if !self.db().exists() {
            return Vec::new();
        }
        let conn = rusqlite::Connection::open(self.db()).expect("open db");
        let mut out = Vec::new();
        for t in [
            "articles",
            "revisions",
            "sentences",
            "claims",
            "reviews",
            "corrections",
        ] {
            let mut st = conn.prepare(&format!("SELECT * FROM {t}")).expect("select");
            let n = st.column_count();
            let rows = st
                .query_map([], |r| {
                    let mut s = String::new();
                    for i in 0..n {
                        let v: rusqlite::types::Value = r.get(i)?;
                        s.push_str(&format!("{v:?}|"));
                    }
                    Ok(s)
                })
                .expect("rows");
            for r in rows {
                out.push(format!("{t}:{}", r.expect("row")));
            }
        }
        out
    }
}

/// The repository's sample article.
pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../samples")
        .join(name)
}

pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.join("corpus").is_dir().then_some(p)
}
