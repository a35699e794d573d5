//! `claimdesk set-published ARTICLE DATE`: corrects an article's
//! publication date. The latest text is stored again as a new revision with
//! that date, so relative dates ("on Monday", "last year") are resolved
//! against it; claims whose values move go to re-check, and the revision
//! before keeps the old date on record.

use crate::db::{DbArgs, UsageError, print_json};
use anyhow::{Context, Result};
use chrono::NaiveDate;

#[derive(clap::Args)]
pub struct Args {
    /// Article id (or bulk id, or URL).
    article: String,
    /// The publication date, YYYY-MM-DD, or `none` when it is not known.
    date: String,
    /// Print what happened as JSON.
    #[arg(long)]
    json: bool,
}

fn parse(date: &str) -> Result<Option<NaiveDate>> {
    let d = date.trim();
    if d.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    NaiveDate::parse_from_str(d, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| UsageError(format!("{d:?} is not a date: give YYYY-MM-DD, or none")).into())
}

pub fn run(db: &DbArgs, a: Args) -> Result<()> {
    let published = parse(&a.date)?;
    let mut store = db.open()?;
    let article = store.resolve_article(&a.article)?;
    let before = store.revision(article, None)?.info;
    let added = store
        .set_published(article, published)
        .with_context(|| format!("cannot change the publication date of article {article}"))?;
    if a.json {
        return print_json(&added);
    }
    let shown = |d: Option<NaiveDate>| d.map_or("none".to_string(), |d| d.to_string());
    if added.unchanged {
        println!(
            "article {article} is already dated {}: nothing changed",
            shown(published)
        );
        return Ok(());
    }
    println!(
        "article {article}: publication date {} → {}; revision {} holds {} claims: {} verdicts kept, {} to re-check",
        shown(before.published),
        shown(published),
        added.revision,
        added.claims,
        added.kept,
        added.rechecked
    );
    Ok(())
}
