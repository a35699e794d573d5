//! `claimdesk compare ARTICLE [--from N] [--to M]`: compares any two stored
//! revisions of an article (by default the latest against the one before),
//! from their stored sentences and claims, and says for every claim whose
//! verdict no longer simply holds what it was and what it is now.

use crate::db::{DbArgs, UsageError};
use crate::diff_cmd::{self, Format};
use anyhow::{Context, Result};
use claimdesk::compare::{ClaimChange, Comparison, compare_extracted};
use claimdesk::extract::Extraction;
use claimdesk::model::Status;
use claimdesk::store::{ArticleId, ClaimFilter, Revision, Store, StoredClaim};
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

/// Two stored revisions of one article and their comparison.
pub struct Compared {
    pub old: Revision,
    pub new: Revision,
    pub old_claims: Vec<StoredClaim>,
    pub new_claims: Vec<StoredClaim>,
    pub comparison: Comparison,
}

fn extraction(rev: &Revision, claims: &[StoredClaim]) -> Extraction {
    Extraction {
        published: rev.info.published,
        sentences: rev.sentences.clone(),
        claims: claims.iter().map(|c| c.claim.clone()).collect(),
    }
}

/// Compares revisions `from` and `to` of `article` as stored.
pub fn compare_revisions(
    store: &Store,
    article: ArticleId,
    from: u32,
    to: u32,
) -> Result<Compared> {
    let old = store.revision(article, Some(from))?;
    let new = store.revision(article, Some(to))?;
    let old_claims = store.claims(article, Some(from), ClaimFilter::default())?;
    let new_claims = store.claims(article, Some(to), ClaimFilter::default())?;
    let comparison = compare_extracted(
        &old.text,
        &extraction(&old, &old_claims),
        &new.text,
        &extraction(&new, &new_claims),
    );
    Ok(Compared {
        old,
        new,
        old_claims,
        new_claims,
        comparison,
    })
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

impl Compared {
    fn claims_out(&self) -> Vec<ClaimOut<'_>> {
        self.comparison
            .claims
            .iter()
            .map(|d| {
                let o = d.old_index.and_then(|i| self.old_claims.get(i));
                let n = d.new_index.and_then(|j| self.new_claims.get(j));
                ClaimOut {
                    diff: d,
                    old_id: o.map(|c| c.id),
                    new_id: n.map(|c| c.id),
                    old_verdict: o.map(|c| c.status),
                    new_verdict: n.map(|c| c.status),
                }
            })
            .collect()
    }

    /// What happened to the verdicts, one line per claim that had one or
    /// whose claim changed.
    fn verdict_lines(&self) -> String {
        let mut out = String::new();
        for c in self.claims_out() {
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
}

pub fn run(db: &DbArgs, a: Args) -> Result<()> {
    let store = db.open()?;
    let article = store.resolve_article(&a.article)?;
    let revisions = store.revisions(article)?;
    let to = match a.to {
        Some(n) => n,
        None => revisions.last().map_or(1, |r| r.number),
    };
    let from = match a.from {
        Some(n) => n,
        None => revisions
            .iter()
            .rev()
            .map(|r| r.number)
            .find(|&n| n < to)
            .ok_or_else(|| {
                UsageError(format!(
                    "article {article} has no revision before {to} to compare with; give --from N"
                ))
            })?,
    };
    let c = compare_revisions(&store, article, from, to).with_context(|| {
        format!("cannot compare revisions {from} and {to} of article {article}")
    })?;
    match a.format {
        Format::Json => crate::db::print_json(&Out {
            article,
            from,
            to,
            sentences: &c.comparison.sentences,
            claims: c.claims_out(),
        }),
        Format::Text => {
            println!(
                "article {article}: revision {from} → {to} ({})",
                c.new.info.title
            );
            diff_cmd::print(&c.comparison, &c.old.text, &c.new.text, Format::Text)?;
            let lines = c.verdict_lines();
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
    let Some(from) = store
        .revisions(article)?
        .iter()
        .rev()
        .map(|r| r.number)
        .find(|&n| n < to)
    else {
        return Ok(None);
    };
    let c = compare_revisions(store, article, from, to)?;
    let s = c.comparison.summary();
    Ok(Some(format!(
        "changes since revision {from}: {} (claimdesk compare {article} for details)",
        s.line()
    )))
}
