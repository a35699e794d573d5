//! `claimdesk diff OLD NEW`: stateless comparison of two versions of an
//! article, printed as JSON (the shape `shared/eval/score_revisions.py`
//! reads) or as a readable word diff with flagged statements marked.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The earlier version.
    old: PathBuf,
    /// The later version.
    new: PathBuf,
    /// Publication date (YYYY-MM-DD) that relative dates are resolved against.
    #[arg(long)]
    published: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Json,
    Text,
}

fn read(path: &PathBuf) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Whether text output may use colour: a terminal, and `NO_COLOR` unset or empty.
pub fn use_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Prints a comparison in the chosen format.
pub fn print(
    cmp: &claimdesk::compare::Comparison,
    old: &str,
    new: &str,
    format: Format,
) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            serde_json::to_writer(&mut out, cmp)?;
            writeln!(out)?;
        }
        Format::Text => {
            let text = claimdesk::compare::render::render(cmp, old, new, use_color());
            out.write_all(text.as_bytes())?;
        }
    }
    Ok(())
}

pub fn run(a: Args) -> Result<()> {
    let old = read(&a.old)?;
    let new = read(&a.new)?;
    let cmp = claimdesk::compare::compare(&old, &new, a.published);
    print(&cmp, &old, &new, a.format)
}
