//! `claimdesk compare ARTICLE [--from N] [--to M]`: compares any two stored
//! revisions of an article (by default the latest against the one before),
//! from their stored sentences and claims, and says for every claim whose
//! verdict no longer simply holds what it was and what it is now.

use crate::db::{DbArgs, UsageError};
use crate::diff_cmd::{self, Format};
use anyhow::{Context, Result};
use claimdesk::compare::ClaimChange;
use claimdesk::model::Status;
use claimdesk::store::{ArticleId, Store, StoredComparison};
use serde::Serialize;
use std::fmt::Write as _;

#[derive(clap::Args)]
pub struct Args {
    /// Article id (or bulk id, or URL).
    article: String,
    /// The earlier revision (default: the one before --to).
    #[arg(long)]
    from: Option<u32>,
    /// The later revision (default: the latest).
    #[arg(long)]
    to: Option<u32>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// A claim of the comparison with its store identity and verdicts.
#[derive(Serialize)]
struct ClaimOut<'a> {
    #[serde(flatten)]
    diff: &'a claimdesk::compare::ClaimDiff,
    #[serde(skip_serializing_if = "Option::is_none")]
    old_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    new_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    old_verdict: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    new_verdict: Option<Status>,
}

#[derive(Serialize)]
struct Out<'a> {
    article: ArticleId,
    from: u32,
    to: u32,
    sentences: &'a [claimdesk::compare::SentenceChange],
    claims: Vec<ClaimOut<'a>>,
}

/// The claims of a stored comparison with their ids and verdicts.
fn claims_out(c: &StoredComparison) -> Vec<ClaimOut<'_>> {
    c.claims()
        .into_iter()
        .map(|d| ClaimOut {
            diff: d.diff,
            old_id: d.old.map(|c| c.id),
            new_id: d.new.map(|c| c.id),
            old_verdict: d.old.map(|c| c.status),
            new_verdict: d.new.map(|c| c.status),
        })
        .collect()
}

/// What happened to the verdicts, one line per claim that had one or whose
/// claim changed.
fn verdict_lines(cmp: &StoredComparison) -> String {
    let mut out = String::new();
    for c in claims_out(cmp) {
        let reviewed = c.old_verdict.is_some_and(|s| s != Status::Unreviewed);
        if c.diff.status == ClaimChange::Unchanged && !reviewed {
            continue;
        }
        let claim = c.diff.new.as_ref().or(c.diff.old.as_ref());
        let text = claim.map_or("", |c| c.text.as_str());
        let kind = claim.map_or("?", |c| c.kind().as_str());
        let was = c.old_verdict.map_or("—", Status::label);
        let now = c.new_verdict.map_or("—", Status::label);
        let _ = writeln!(
            out,
            "  {:<9} {kind} {text:?}: verdict {was} → {now}",
            c.diff.status.as_str()
        );
    }
    out
}

pub fn run(db: &DbArgs, a: Args) -> Result<()> {
    let store = db.open()?;
    let article = store.resolve_article(&a.article)?;
    let (from, to) = store
        .revisions_to_compare(article, a.from, a.to)
        .map_err(|e| UsageError(format!("{e}; give --from N")))?;
    let c = store
        .compare_revisions(article, from, to)
        .with_context(|| {
            format!("cannot compare revisions {from} and {to} of article {article}")
        })?;
    match a.format {
        Format::Json => crate::db::print_json(&Out {
            article,
            from,
            to,
            sentences: &c.comparison.sentences,
            claims: claims_out(&c),
        }),
        Format::Text => {
            println!(
                "article {article}: revision {from} → {to} ({})",
                c.new.info.title
            );
            diff_cmd::print(&c.comparison, &c.old.text, &c.new.text, Format::Text)?;
            let lines = verdict_lines(&c);
            if !lines.is_empty() {
                println!("\nVerdicts:");
                print!("{lines}");
            }
            Ok(())
        }
    }
}

/// One line summing up how revision `to` differs from `to - 1`, for
/// `claimdesk add --article`.
pub fn summary_line(store: &Store, article: ArticleId, to: u32) -> Result<Option<String>> {
    let Ok((from, to)) = store.revisions_to_compare(article, None, Some(to)) else {
        return Ok(None);
    };
    let c = store.compare_revisions(article, from, to)?;
    let s = c.comparison.summary();
    Ok(Some(format!(
        "changes since revision {from}: {} (claimdesk compare {article} for details)",
        s.line()
    )))
}
