//! `claimdesk claim add|edit|dismiss|restore`: a checker's corrections of
//! the machine's claims, each recorded as an event in the claim's history
//! (the machine's claim is never overwritten), and `claimdesk export-gold`,
//! which writes an article's corrected claims as gold annotations for the
//! evaluation scripts.

use crate::db::{self, DbArgs, UsageError, print_json};
use anyhow::{Context, Result};
use claimdesk::model::ClaimKind;
use claimdesk::store::{ClaimEdit, ClaimId, StoredClaim};
use std::path::PathBuf;

#[derive(clap::Subcommand)]
pub enum ClaimCommand {
    /// Add a claim the machine missed.
    Add(AddArgs),
    /// Correct a claim's fields and/or span.
    Edit(EditArgs),
    /// Dismiss a claim as "not a claim".
    Dismiss(DismissArgs),
    /// Make a dismissed claim a claim again.
    Restore(RestoreArgs),
}

#[derive(clap::Args)]
pub struct Who {
    /// Who makes the correction (default: $CLAIMDESK_REVIEWER, else $USER).
    #[arg(long = "by", value_name = "NAME")]
    by: Option<String>,
    /// Print the claim as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct AddArgs {
    /// Article id (or bulk id, or URL); the claim goes to its current revision.
    article: String,
    /// date, role, dismissal, attendance or quote.
    #[arg(long)]
    kind: ClaimKind,
    /// The evidence: byte offsets START:END of the article's text (`claimdesk show`).
    #[arg(long, value_name = "START:END")]
    span: String,
    /// A field, name=value (repeatable): person, speaker, role, org, by,
    /// date, how, event, place, planned, quote, value, timex_type.
    #[arg(long = "field", value_name = "NAME=VALUE")]
    fields: Vec<String>,
    #[command(flatten)]
    who: Who,
}

#[derive(clap::Args)]
pub struct EditArgs {
    /// The claim's id (see `claimdesk claims ARTICLE`).
    claim: ClaimId,
    /// New evidence span, byte offsets START:END.
    #[arg(long, value_name = "START:END")]
    span: Option<String>,
    /// A field to change, name=value (repeatable; an empty value clears an
    /// optional field).
    #[arg(long = "field", value_name = "NAME=VALUE")]
    fields: Vec<String>,
    #[command(flatten)]
    who: Who,
}

#[derive(clap::Args)]
pub struct DismissArgs {
    /// The claim's id.
    claim: ClaimId,
    /// Why it is not a claim.
    #[arg(long)]
    reason: Option<String>,
    #[command(flatten)]
    who: Who,
}

#[derive(clap::Args)]
pub struct RestoreArgs {
    /// The claim's id.
    claim: ClaimId,
    #[command(flatten)]
    who: Who,
}

#[derive(clap::Args)]
pub struct ExportGoldArgs {
    /// Article id (or bulk id, or URL).
    article: String,
    /// The folder to write NAME.txt and NAME.gold.json into (created if needed).
    #[arg(long, default_value = ".")]
    out: PathBuf,
    /// The files' NAME (default: article-ID).
    #[arg(long)]
    name: Option<String>,
}

fn span(s: &str) -> Result<(usize, usize)> {
    let parsed = s
        .split_once(':')
        .and_then(|(a, b)| Some((a.trim().parse().ok()?, b.trim().parse().ok()?)));
    parsed.ok_or_else(|| {
        UsageError(format!(
            "--span {s:?} is not START:END (byte offsets, such as 120:154)"
        ))
        .into()
    })
}

fn fields(list: &[String]) -> Result<Vec<(String, String)>> {
    list.iter()
        .map(|f| {
            f.split_once('=')
                .map(|(k, v)| (k.trim().to_string(), v.to_string()))
                .filter(|(k, _)| !k.is_empty())
                .ok_or_else(|| {
                    UsageError(format!(
                        "--field {f:?} is not name=value (such as speaker=Ada Quell)"
                    ))
                    .into()
                })
        })
        .collect()
}

fn who(by: Option<String>) -> Option<String> {
    by.or_else(|| std::env::var("CLAIMDESK_REVIEWER").ok())
        .or_else(|| std::env::var("USER").ok())
}

fn print(c: &StoredClaim, what: &str, json: bool) -> Result<()> {
    if json {
        return print_json(c);
    }
    let fields: Vec<String> = c
        .claim
        .fields
        .pairs()
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    println!(
        "claim {} {what}: {} {:?} [{}:{}] {}",
        c.id,
        c.claim.kind(),
        c.claim.text,
        c.claim.start,
        c.claim.end,
        fields.join("  ")
    );
    Ok(())
}

pub fn run(dbargs: &DbArgs, cmd: ClaimCommand) -> Result<()> {
    let mut store = dbargs.open()?;
    match cmd {
        ClaimCommand::Add(a) => {
            let article = db::article(&store, &a.article)?;
            let c = store.add_claim(
                article,
                a.kind,
                span(&a.span)?,
                &fields(&a.fields)?,
                who(a.who.by).as_deref(),
            )?;
            print(&c, "added", a.who.json)
        }
        ClaimCommand::Edit(a) => {
            let edit = ClaimEdit {
                span: a.span.as_deref().map(span).transpose()?,
                fields: fields(&a.fields)?,
            };
            let c = store.edit_claim(a.claim, &edit, who(a.who.by).as_deref())?;
            print(&c, "corrected", a.who.json)
        }
        ClaimCommand::Dismiss(a) => {
            let c = store.dismiss_claim(a.claim, a.reason.as_deref(), who(a.who.by).as_deref())?;
            print(&c, "dismissed", a.who.json)
        }
        ClaimCommand::Restore(a) => {
            let c = store.restore_claim(a.claim, who(a.who.by).as_deref())?;
            print(&c, "restored", a.who.json)
        }
    }
}

pub fn export_gold(dbargs: &DbArgs, a: ExportGoldArgs) -> Result<()> {
    let store = dbargs.open()?;
    let id = db::article(&store, &a.article)?;
    let name = a.name.unwrap_or_else(|| format!("article-{id}"));
    if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
        return Err(UsageError(format!("--name {name:?} is not a plain file name")).into());
    }
    let export = claimdesk::report::gold_from_store(&store, id)?;
    std::fs::create_dir_all(&a.out)
        .with_context(|| format!("cannot create {}", a.out.display()))?;
    let txt = a.out.join(format!("{name}.txt"));
    let json = a.out.join(format!("{name}.gold.json"));
    std::fs::write(&txt, &export.text)
        .with_context(|| format!("cannot write {}", txt.display()))?;
    std::fs::write(&json, serde_json::to_string_pretty(&export.gold)? + "\n")
        .with_context(|| format!("cannot write {}", json.display()))?;
    println!(
        "wrote {} and {} ({} claims of revision {})",
        txt.display(),
        json.display(),
        export.claims,
        export.revision
    );
    Ok(())
}
