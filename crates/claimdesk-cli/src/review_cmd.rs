//! `claimdesk review` and `claimdesk history`: recording verdicts on claims
//! and reading a claim's append-only history.

use crate::db::{DbArgs, print_json};
use anyhow::Result;
use claimdesk::model::Status;
use claimdesk::store::{ClaimId, ClaimState, Correction, ReviewInput, ReviewOrigin};

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
    /// Print JSON (the verdicts; with --corrections, the correction events).
    #[arg(long)]
    json: bool,
    /// With --json: print the correction events (add, edit, dismiss,
    /// restore, with before and after) instead of the verdicts.
    #[arg(long, requires = "json")]
    corrections: bool,
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
    let corrections = store.corrections(a.claim)?;
    if a.json && a.corrections {
        return print_json(&corrections);
    }
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
    let conflict = store.conflict(a.claim)?;
    if conflict.is_empty() {
        println!("current status: {}", claim.status.label());
    } else {
        println!(
            "current status: conflicting verdicts ({}); a verdict recorded now has seen them all and settles it",
            conflict_words(&conflict)
        );
    }
    if claim.dismissed {
        println!("dismissed as not a claim");
    }
    if list.is_empty() {
        println!("no reviews yet");
    }
    print_corrections(&corrections);
    for r in list {
        let origin = match r.origin {
            ReviewOrigin::Manual => "",
            ReviewOrigin::Carried => " (carried over, claim unchanged)",
            ReviewOrigin::Recheck => " (claim changed)",
        };
        let author = r
            .author
            .as_deref()
            .filter(|a| Some(*a) != r.reviewer.as_deref())
            .map(|a| format!(" [hub login {a}]"))
            .unwrap_or_default();
        let copied = match store.copied_from(r.id)? {
            Some(from) => format!(" (copied from claim {from})"),
            None => String::new(),
        };
        println!(
            "{}  rev {}  {:<13} {}{}{}{copied}",
            r.at,
            r.revision,
            r.status.label(),
            r.reviewer.as_deref().unwrap_or("-"),
            author,
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

/// "verified by alice, false by bob": the verdicts that do not know each
/// other.
pub fn conflict_words(list: &[claimdesk::store::Review]) -> String {
    list.iter()
        .map(|r| {
            format!(
                "{} by {}",
                r.status.label(),
                r.author
                    .as_deref()
                    .or(r.reviewer.as_deref())
                    .unwrap_or("someone")
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The correction events, each with what it changed (before → after).
fn print_corrections(list: &[Correction]) {
    if list.is_empty() {
        return;
    }
    println!("corrections:");
    for c in list {
        let origin = match c.origin {
            ReviewOrigin::Manual => "",
            ReviewOrigin::Carried => " (carried over, text unchanged)",
            ReviewOrigin::Recheck => " (carried over, text changed: re-check)",
        };
        println!(
            "{}  rev {}  {:<8} {}{}",
            c.at,
            c.revision,
            c.action.as_str(),
            c.by.as_deref().unwrap_or("-"),
            origin
        );
        if let Some(r) = &c.reason {
            println!("    reason: {r}");
        }
        for line in state_changes(c.before.as_ref(), &c.after) {
            println!("    {line}");
        }
    }
}

/// What differs between two states of a claim, one line per field.
fn state_changes(before: Option<&ClaimState>, after: &ClaimState) -> Vec<String> {
    let span = |s: &ClaimState| format!("{}:{} {:?}", s.claim.start, s.claim.end, s.claim.text);
    let mut out = Vec::new();
    let Some(before) = before else {
        out.push(format!("span {}", span(after)));
        for (k, v) in after.claim.fields.pairs() {
            out.push(format!("{k}: {v}"));
        }
        return out;
    };
    if (before.claim.start, before.claim.end) != (after.claim.start, after.claim.end) {
        out.push(format!("span {} → {}", span(before), span(after)));
    }
    let old = before.claim.fields.pairs();
    let new = after.claim.fields.pairs();
    let value = |list: &[(&str, String)], k: &str| {
        list.iter()
            .find(|(n, _)| *n == k)
            .map_or_else(|| "(none)".to_string(), |(_, v)| v.clone())
    };
    let mut names: Vec<&str> = old.iter().chain(&new).map(|(k, _)| *k).collect();
    names.dedup();
    let mut seen = Vec::new();
    for k in names {
        if seen.contains(&k) {
            continue;
        }
        seen.push(k);
        let (o, n) = (value(&old, k), value(&new, k));
        if o != n {
            out.push(format!("{k}: {o} → {n}"));
        }
    }
    if before.dismissed != after.dismissed {
        out.push(if after.dismissed {
            "dismissed".to_string()
        } else {
            "restored".to_string()
        });
    }
    out
}
