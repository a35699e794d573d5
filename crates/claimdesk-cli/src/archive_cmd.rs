//! Across the archive: `claimdesk people`, `person`, `same-person`,
//! `different-people`, `split-person`, `matches` (with `--copy`),
//! `check` (an article against the archive) and `conflicts` (with
//! `--dismiss`).

use crate::db::{DbArgs, UsageError, cell, print_json};
use anyhow::{Context, Result};
use claimdesk::store::{ArticleId, ClaimId, PersonDecision, PersonItem};

#[derive(clap::Args)]
pub struct PeopleArgs {
    /// Only people whose name or id contains these words.
    query: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct PersonArgs {
    /// A name ("Jane Doe", "Doe") or an id as `claimdesk people` lists it.
    name: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct SameArgs {
    /// A name or id.
    a: String,
    /// Another name or id of the same person.
    b: String,
    /// Who decides.
    #[arg(long = "by", value_name = "NAME")]
    by: String,
    /// Why.
    #[arg(long)]
    note: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct SplitArgs {
    /// The name or id whose mentions are two people.
    name: String,
    /// The articles whose mentions are the other person (repeatable).
    #[arg(long = "article", value_name = "ID", required = true)]
    articles: Vec<ArticleId>,
    /// The other person's name (or an id of theirs).
    #[arg(long = "as", value_name = "NAME")]
    into: String,
    /// Who decides.
    #[arg(long = "by", value_name = "NAME")]
    by: String,
    /// Why.
    #[arg(long)]
    note: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct MatchesArgs {
    /// The claim's id.
    claim: ClaimId,
    /// Copy the verdict of this earlier claim onto CLAIM (recorded as a copy).
    #[arg(long, value_name = "OTHER")]
    copy: Option<ClaimId>,
    /// Who copies the verdict (with --copy).
    #[arg(long = "by", value_name = "NAME")]
    by: Option<String>,
    /// A note added to the copied verdict (with --copy).
    #[arg(long)]
    note: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// The article (id, bulk id or URL).
    article: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct ConflictsArgs {
    /// Only conflicts about this person (a name or id).
    #[arg(long)]
    person: Option<String>,
    /// List dismissed conflicts too, with their dismissal.
    #[arg(long)]
    all: bool,
    /// Dismiss the conflict with this id (needs --note and --by).
    #[arg(long, value_name = "ID")]
    dismiss: Option<String>,
    /// Why the conflict is dismissed.
    #[arg(long)]
    note: Option<String>,
    /// Who dismisses it.
    #[arg(long = "by", value_name = "NAME")]
    by: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn people(dbargs: &DbArgs, a: PeopleArgs) -> Result<()> {
    let store = dbargs.open()?;
    let list = store.people(a.query.as_deref())?;
    if a.json {
        return print_json(&list);
    }
    if list.is_empty() {
        println!("no people found");
        return Ok(());
    }
    println!(
        "{:<28} {:<32} {:>6} {:>8}",
        "ID", "NAME", "CLAIMS", "ARTICLES"
    );
    for p in list {
        println!(
            "{:<28} {:<32} {:>6} {:>8}",
            cell(&p.id, 28),
            cell(&p.name, 32),
            p.claims,
            p.articles
        );
    }
    Ok(())
}

fn print_items(title: &str, items: &[PersonItem]) {
    if items.is_empty() {
        return;
    }
    println!("\n{title}:");
    for i in items {
        let when = i
            .sort_date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "(undated)".into());
        let detail: Vec<String> = i
            .fields
            .pairs()
            .into_iter()
            .filter(|(k, _)| !matches!(*k, "person" | "speaker"))
            .map(|(k, v)| format!("{k}: {v}"))
            .collect();
        println!(
            "  {when}  claim {:<6} article {:<5} {:<13} {}",
            i.claim_id,
            i.article_id,
            i.verdict.label(),
            cell(&detail.join("; "), 70)
        );
        println!("      in {:?}", cell(&i.article_title, 70));
    }
}

pub fn person(dbargs: &DbArgs, a: PersonArgs) -> Result<()> {
    let store = dbargs.open()?;
    let page = store.person(&a.name)?;
    if a.json {
        return print_json(&page);
    }
    let s = &page.summary;
    println!(
        "{} (id {:?}): {} claims in {} articles",
        s.name, s.id, s.claims, s.articles
    );
    if s.names.len() > 1 {
        println!("also written: {}", s.names[1..].join(", "));
    }
    print_items("roles", &page.roles);
    print_items("departures", &page.departures);
    print_items("attendances", &page.attendances);
    print_items("quotes", &page.quotes);
    if !page.decisions.is_empty() {
        println!("\ndecisions:");
        for d in &page.decisions {
            println!(
                "  {} by {}: {}{}",
                d.at,
                d.by,
                serde_json::to_string(&d.decision)?,
                d.note
                    .as_deref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default()
            );
        }
    }
    Ok(())
}

fn decide(
    dbargs: &DbArgs,
    d: PersonDecision,
    by: &str,
    note: Option<&str>,
    json: bool,
) -> Result<()> {
    let mut store = dbargs.open()?;
    let entry = store.decide_person(&d, by, note)?;
    if json {
        return print_json(&entry);
    }
    println!(
        "recorded decision {} ({}) by {}",
        entry.id,
        serde_json::to_string(&entry.decision)?,
        entry.by
    );
    Ok(())
}

pub fn same(dbargs: &DbArgs, a: SameArgs) -> Result<()> {
    decide(
        dbargs,
        PersonDecision::Same { a: a.a, b: a.b },
        &a.by,
        a.note.as_deref(),
        a.json,
    )
}

pub fn different(dbargs: &DbArgs, a: SameArgs) -> Result<()> {
    decide(
        dbargs,
        PersonDecision::Different { a: a.a, b: a.b },
        &a.by,
        a.note.as_deref(),
        a.json,
    )
}

pub fn split(dbargs: &DbArgs, a: SplitArgs) -> Result<()> {
    decide(
        dbargs,
        PersonDecision::Split {
            key: a.name,
            into: a.into,
            articles: a.articles,
        },
        &a.by,
        a.note.as_deref(),
        a.json,
    )
}

pub fn matches(dbargs: &DbArgs, a: MatchesArgs) -> Result<()> {
    if let Some(from) = a.copy {
        let by =
            a.by.or_else(|| std::env::var("CLAIMDESK_REVIEWER").ok())
                .or_else(|| std::env::var("USER").ok())
                .ok_or_else(|| UsageError("--copy needs --by NAME".into()))?;
        let mut store = dbargs.open()?;
        let r = store
            .copy_verdict(a.claim, from, &by, a.note.as_deref())
            .with_context(|| format!("cannot copy the verdict of claim {from}"))?;
        if a.json {
            return print_json(&r);
        }
        println!(
            "claim {} is now {} (copied from claim {from}; entry {} at {})",
            a.claim,
            r.status.label(),
            r.id,
            r.at
        );
        return Ok(());
    }
    if a.by.is_some() || a.note.is_some() {
        return Err(UsageError("--by and --note go with --copy OTHER".into()).into());
    }
    let store = dbargs.open()?;
    let list = store.matches(a.claim)?;
    if a.json {
        return print_json(&list);
    }
    if list.is_empty() {
        println!("no earlier claim states this");
        return Ok(());
    }
    println!(
        "{:<7} {:<7} {:<10} {:>5} {:<13} TEXT",
        "CLAIM", "ARTICLE", "LEVEL", "SCORE", "VERDICT"
    );
    for m in list {
        let level = match m.level {
            claimdesk::store::MatchLevel::Match => "match",
            claimdesk::store::MatchLevel::Suggestion => "suggestion",
        };
        println!(
            "{:<7} {:<7} {:<10} {:>5.2} {:<13} {}",
            m.claim_id,
            m.article_id,
            level,
            m.score,
            m.verdict.label(),
            cell(&m.text, 60)
        );
    }
    Ok(())
}

pub fn check(dbargs: &DbArgs, a: CheckArgs) -> Result<()> {
    let store = dbargs.open()?;
    let article = crate::db::article(&store, &a.article)?;
    let started = std::time::Instant::now();
    let check = store.check_article(article)?;
    let took = started.elapsed();
    if a.json {
        return print_json(&check);
    }
    for (claim, list) in &check.matches {
        let matches = list
            .iter()
            .filter(|m| m.level == claimdesk::store::MatchLevel::Match)
            .count();
        println!(
            "claim {claim}: {matches} matches, {} suggestions (best: claim {} of article {})",
            list.len() - matches,
            list[0].claim_id,
            list[0].article_id
        );
    }
    for c in &check.conflicts {
        println!(
            "{}  [{}] {}: {}",
            c.conflict.id, c.conflict.rule, c.conflict.person, c.conflict.reason
        );
    }
    eprintln!(
        "article {article}: {} claims with earlier matches, {} conflicts ({} ms)",
        check.matches.len(),
        check.conflicts.len(),
        took.as_millis()
    );
    Ok(())
}

pub fn conflicts(dbargs: &DbArgs, a: ConflictsArgs) -> Result<()> {
    if let Some(id) = &a.dismiss {
        let (Some(note), Some(by)) = (&a.note, &a.by) else {
            return Err(UsageError("--dismiss needs --note TEXT and --by NAME".into()).into());
        };
        let mut store = dbargs.open()?;
        let d = store.dismiss_conflict(id, note, by)?;
        if a.json {
            return print_json(&d);
        }
        println!(
            "dismissed {id} (dismissal {} by {} at {}); it stays dismissed in later revisions that keep its claims",
            d.id, d.by, d.at
        );
        return Ok(());
    }
    if a.note.is_some() || a.by.is_some() {
        return Err(UsageError("--note and --by go with --dismiss ID".into()).into());
    }
    let store = dbargs.open()?;
    let list = store.conflicts(a.person.as_deref(), a.all)?;
    if a.json {
        return print_json(&list);
    }
    if list.is_empty() {
        println!("no conflicts found");
        return Ok(());
    }
    for c in &list {
        println!(
            "{}  [{}] {}: {}",
            c.conflict.id, c.conflict.rule, c.conflict.person, c.conflict.reason
        );
        if let Some(d) = &c.dismissed {
            println!("    dismissed by {} at {}: {}", d.by, d.at, d.note);
        }
    }
    println!("{} conflicts", list.len());
    Ok(())
}
