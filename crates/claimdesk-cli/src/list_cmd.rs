//! The reading commands: `list`, `show`, `claims` and `search`, as tables
//! for people or `--json` for scripts.

use crate::db::{self, DbArgs, cell, print_json};
use anyhow::Result;
use claimdesk::model::{ClaimKind, Status};
use claimdesk::store::{ClaimFilter, Dismissed};

#[derive(clap::Args)]
pub struct ListArgs {
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct ShowArgs {
    /// Article id (or bulk id, or URL).
    article: String,
    /// Revision number (default: the latest).
    #[arg(long)]
    revision: Option<u32>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct ClaimsArgs {
    /// Article id (or bulk id, or URL).
    article: String,
    /// Only claims of this kind (date, role, dismissal, attendance, quote).
    #[arg(long)]
    kind: Option<ClaimKind>,
    /// Only claims with this status (unreviewed, verified, false, disputed, unverifiable, needs_recheck).
    #[arg(long)]
    status: Option<Status>,
    /// Revision number (default: the latest).
    #[arg(long)]
    revision: Option<u32>,
    /// Only the claims dismissed as "not a claim".
    #[arg(long, conflicts_with = "all")]
    dismissed: bool,
    /// Every claim, dismissed ones included.
    #[arg(long)]
    all: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// Print the claims as `claimdesk extract --format json` does (the
    /// claims JSON contract), corrections applied: for the scorers.
    #[arg(long, conflicts_with = "json")]
    as_extract: bool,
}

#[derive(clap::Args)]
pub struct SearchArgs {
    /// Words to look for (all must appear).
    query: String,
    /// At most this many articles and this many claims.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn list(dbargs: &DbArgs, a: ListArgs) -> Result<()> {
    let store = dbargs.open()?;
    let articles = store.articles()?;
    if a.json {
        return print_json(&articles);
    }
    if articles.is_empty() {
        println!("No articles yet. Add one with: claimdesk add FILE");
        return Ok(());
    }
    println!(
        "{:>5}  {:<10}  {:>4}  {:>6}  {:>8}  title",
        "id", "published", "revs", "claims", "to check"
    );
    for x in articles {
        let published = x
            .published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "-".into());
        println!(
            "{:>5}  {:<10}  {:>4}  {:>6}  {:>8}  {}",
            x.id,
            published,
            x.revisions,
            x.claims,
            x.to_check,
            cell(&x.title, 70)
        );
    }
    Ok(())
}

pub fn show(dbargs: &DbArgs, a: ShowArgs) -> Result<()> {
    let store = dbargs.open()?;
    let id = db::article(&store, &a.article)?;
    let rev = store.revision(id, a.revision)?;
    if a.json {
        return print_json(&rev);
    }
    let revs = store.revisions(id)?;
    let i = &rev.info;
    println!("{}", i.title);
    println!("article {id}, revision {} of {}", i.number, revs.len());
    if let Some(s) = &i.source {
        println!("source: {s}");
    }
    if let Some(b) = &i.byline {
        println!("byline: {b}");
    }
    println!(
        "published: {}",
        i.published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "unknown".into())
    );
    if let Some(e) = &i.encoding {
        println!("encoding: {e}");
    }
    println!("claims: {}, sentences: {}", i.claims, rev.sentences.len());
    for r in &revs {
        println!(
            "  revision {:>3}  loaded {}  {} claims",
            r.number, r.loaded_at, r.claims
        );
    }
    println!();
    println!("{}", rev.text.trim_end());
    Ok(())
}

pub fn claims(dbargs: &DbArgs, a: ClaimsArgs) -> Result<()> {
    let store = dbargs.open()?;
    let id = db::article(&store, &a.article)?;
    let filter = ClaimFilter {
        kind: a.kind,
        status: a.status,
        dismissed: if a.dismissed {
            Dismissed::Only
        } else if a.all {
            Dismissed::Include
        } else {
            Dismissed::Hide
        },
    };
    let list = store.claims(id, a.revision, filter)?;
    if a.json {
        return print_json(&list);
    }
    if a.as_extract {
        let rev = store.revision(id, a.revision)?;
        return print_json(&serde_json::json!({
            "published": rev.info.published,
            "sentences": rev.sentences,
            "claims": list.iter().map(|c| &c.claim).collect::<Vec<_>>(),
        }));
    }
    if list.is_empty() {
        println!("No claims match.");
        return Ok(());
    }
    println!("(+ added by a checker, * corrected, x dismissed)");
    println!(
        "{:>6}  {:<10}  {:<13}  {:<34}  fields",
        "claim", "kind", "status", "evidence"
    );
    let mut conflicts = Vec::new();
    for c in list {
        let conflict = store.conflict(c.id)?;
        let status = if conflict.is_empty() {
            c.status.label().to_string()
        } else {
            conflicts.push((c.id, crate::review_cmd::conflict_words(&conflict)));
            "CONFLICT".to_string()
        };
        let fields: Vec<String> = c
            .claim
            .fields
            .pairs()
            .into_iter()
            .map(|(k, v)| format!("{k}={}", cell(&v, 40)))
            .collect();
        // Marks: + added by a checker, * corrected, x dismissed.
        let mark = if c.dismissed {
            'x'
        } else if c.added {
            '+'
        } else if c.edited {
            '*'
        } else {
            ' '
        };
        println!(
            "{:>6}{mark} {:<10}  {:<13}  {:<34}  {}",
            c.id,
            c.claim.kind().as_str(),
            status,
            cell(&c.claim.text, 34),
            fields.join("  ")
        );
    }
    for (id, words) in conflicts {
        println!("claim {id}: conflicting verdicts: {words} (see `claimdesk history {id}`)");
    }
    Ok(())
}

pub fn search(dbargs: &DbArgs, a: SearchArgs) -> Result<()> {
    let store = dbargs.open()?;
    let hits = store.search(&a.query, a.limit)?;
    if a.json {
        return print_json(&hits);
    }
    if hits.is_empty() {
        println!("Nothing found for {:?}.", a.query);
        return Ok(());
    }
    for h in hits {
        match (h.claim_id, &h.kind) {
            (Some(c), Some(k)) => println!(
                "claim {c} ({k}) in article {} rev {}: {}",
                h.article_id,
                h.revision,
                cell(&h.snippet, 90)
            ),
            _ => println!(
                "article {} rev {}: {}\n    {}",
                h.article_id,
                h.revision,
                cell(&h.title, 80),
                cell(&h.snippet, 100)
            ),
        }
    }
    Ok(())
}
