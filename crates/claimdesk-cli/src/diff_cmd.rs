//! `claimdesk diff OLD NEW`: stateless comparison of two versions of an
//! article, printed as JSON (the shape `shared/eval/score_revisions.py`
//! reads) or as a readable word diff with flagged statements marked.
//!
//! Both versions are read by the same loader as `add`: regular files only,
//! the size limit, encodings, and HTML and `.docx` files as articles.

use anyhow::Result;
use chrono::NaiveDate;
use claimdesk::load::{self, Overrides};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

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

/// The article text of one version, as `add` would store it.
fn read(path: &Path) -> Result<String> {
    let doc = load::load_file(path, &Overrides::default())?;
    crate::print_warnings(&doc);
    Ok(doc.text)
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
