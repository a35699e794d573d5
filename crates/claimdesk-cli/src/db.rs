//! Which database the command works on (`--db`, `CLAIMDESK_DB`, or the
//! platform's data directory), opening it, and the usage-error type that
//! maps to exit code 2.

use anyhow::{Context, Result};
use claimdesk::store::{ArticleId, Store, default_path};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct DbArgs {
    /// The database file.
    #[arg(long, global = true, env = "CLAIMDESK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
}

/// A mistake in how the command was called (exit code 2).
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

impl DbArgs {
    pub fn path(&self) -> Result<PathBuf> {
        match &self.db {
            Some(p) => Ok(p.clone()),
            None => default_path().context("no data directory on this system: give --db PATH"),
        }
    }

    pub fn open(&self) -> Result<Store> {
        let path = self.path()?;
        Ok(Store::open(&path)?)
    }
}

/// Resolves an ARTICLE argument (id, bulk id or URL).
pub fn article(store: &Store, spec: &str) -> Result<ArticleId> {
    Ok(store.resolve_article(spec)?)
}

/// Prints a value as pretty JSON.
pub fn print_json<T: serde::Serialize>(v: &T) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(v)?);
    Ok(())
}

/// Shortens text to at most `n` characters for a table cell.
pub fn cell(s: &str, n: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= n {
        flat
    } else {
        let mut out: String = flat.chars().take(n.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}
