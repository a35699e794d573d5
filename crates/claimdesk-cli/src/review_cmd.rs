//! `claimdesk review` and `claimdesk history`: recording verdicts on claims
//! and reading a claim's append-only history.

use crate::db::{DbArgs, print_json};
use anyhow::Result;
use claimdesk::model::Status;
use claimdesk::store::{ClaimId, ReviewInput, ReviewOrigin};

#[derive(clap::Args)]
pub struct ReviewArgs {
    /// The claim's id (see `claimdesk claims ARTICLE`).
    claim: ClaimId,
    /// verified, false, disputed, unverifiable, needs_recheck (or unreviewed).
    #[arg(long)]
    status: Status,
    /// Why: what was checked and found.
    #[arg(long)]
    note: Option<String>,
    /// A source that supports the verdict (repeatable).
    #[arg(long = "source", value_name = "URL")]
    sources: Vec<String>,
    /// Who reviewed it (default: $CLAIMDESK_REVIEWER, else $USER).
    #[arg(long = "by", value_name = "NAME")]
    reviewer: Option<String>,
    /// The revision the claim is in, to record a verdict on a claim of an
    /// older revision than the article's current one (refused otherwise).
    #[arg(long, value_name = "N")]
    revision: Option<u32>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct HistoryArgs {
    /// The claim's id.
    claim: ClaimId,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn review(dbargs: &DbArgs, a: ReviewArgs) -> Result<()> {
    let mut store = dbargs.open()?;
    let reviewer = a
        .reviewer
        .or_else(|| std::env::var("CLAIMDESK_REVIEWER").ok())
        .or_else(|| std::env::var("USER").ok());
    let r = store.review(
        a.claim,
        &ReviewInput {
            status: Some(a.status),
            note: a.note,
            sources: a.sources,
            reviewer,
            revision: a.revision,
        },
    )?;
    if a.json {
        return print_json(&r);
    }
    println!(
        "claim {} is now {} (entry {} at {})",
        a.claim,
        r.status.label(),
        r.id,
        r.at
    );
    Ok(())
}

pub fn history(dbargs: &DbArgs, a: HistoryArgs) -> Result<()> {
    let store = dbargs.open()?;
    let claim = store.claim(a.claim)?;
    let list = store.history(a.claim)?;
    if a.json {
        return print_json(&list);
    }
    println!(
        "claim {} ({}, article {} revision {}): {:?}",
        claim.id,
        claim.claim.kind().as_str(),
        claim.article_id,
        claim.revision,
        claim.claim.text
    );
    println!("current status: {}", claim.status.label());
    if list.is_empty() {
        println!("no reviews yet");
    }
    for r in list {
        let origin = match r.origin {
            ReviewOrigin::Manual => "",
            ReviewOrigin::Carried => " (carried over, claim unchanged)",
            ReviewOrigin::Recheck => " (claim changed)",
        };
        let copied = match store.copied_from(r.id)? {
            Some(from) => format!(" (copied from claim {from})"),
            None => String::new(),
        };
        println!(
            "{}  rev {}  {:<13} {}{}{copied}",
            r.at,
            r.revision,
            r.status.label(),
            r.reviewer.as_deref().unwrap_or("-"),
            origin
        );
        if let Some(n) = &r.note {
            println!("    note: {n}");
        }
        for s in &r.sources {
            println!("    source: {s}");
        }
    }
    Ok(())
}
