//! `claimdesk add`: stores files, a URL or a JSON Lines bulk file as
//! articles (or as a new revision of one), with their claims. All or
//! nothing: when any input is bad, nothing is written.

use crate::db::{DbArgs, UsageError};
use anyhow::{Context, Result};
use chrono::NaiveDate;
use claimdesk::load::{self, JsonlReader, Overrides, UrlOptions};
use claimdesk::store::{Added, Target};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Article files (.txt, .md, .html, .docx).
    files: Vec<PathBuf>,
    /// Fetch the article from this address.
    #[arg(long, conflicts_with_all = ["files", "jsonl"])]
    url: Option<String>,
    /// A JSON Lines bulk file, one {id, title, published, text} per line
    /// (`-` reads standard input).
    #[arg(long, conflicts_with_all = ["files", "url", "article"])]
    jsonl: Option<PathBuf>,
    /// Title, when the file's own is missing or wrong.
    #[arg(long)]
    title: Option<String>,
    /// Publication date (YYYY-MM-DD) that relative dates are resolved against.
    #[arg(long)]
    published: Option<NaiveDate>,
    /// Store the text as a new revision of this article.
    #[arg(long, value_name = "ID")]
    article: Option<String>,
    /// Print what was stored as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(db: &DbArgs, a: Args) -> Result<()> {
    let over = Overrides {
        title: a.title.clone(),
        published: a.published,
    };
    // The database's own files are never opened as input: opening and
    // closing them would drop this process's SQLite locks.
    let guarded = db
        .path()
        .map(|p| load::database_files(&p))
        .unwrap_or_default();
    if let Some(path) = &a.jsonl {
        load::refuse_if_same_file(path, &guarded)?;
        return bulk(db, path, a.json);
    }
    let docs = if let Some(url) = &a.url {
        vec![load::fetch_url(url, &UrlOptions::default(), &over)?]
    } else {
        if a.files.is_empty() {
            return Err(UsageError("give article files, --url URL or --jsonl FILE".into()).into());
        }
        if a.article.is_some() && a.files.len() > 1 {
            return Err(
                UsageError("--article takes exactly one file (the new revision)".into()).into(),
            );
        }
        // Load everything first: a bad file stops the command before any write.
        a.files
            .iter()
            .map(|f| {
                load::refuse_if_same_file(f, &guarded)?;
                load::load_file(f, &over)
            })
            .collect::<Result<Vec<_>, _>>()?
    };
    docs.iter().for_each(crate::print_warnings);
    let mut store = db.open()?;
    let target = match &a.article {
        Some(spec) => Target::Article(store.resolve_article(spec)?),
        None => Target::Auto,
    };
    let added: Vec<Added> = if docs.len() == 1 {
        vec![store.add(&docs[0], target)?]
    } else {
        store.add_each(&docs)?
    };
    if a.json {
        return crate::db::print_json(&added);
    }
    for (doc, r) in docs.iter().zip(&added) {
        let enc = doc
            .encoding
            .as_deref()
            .map(|e| format!(", read as {e}"))
            .unwrap_or_default();
        let published = match doc.published {
            Some(d) if doc.date_source.is_guess() => format!(
                "published {d} ({}; if it is wrong, run `claimdesk set-published {} DATE`)",
                doc.date_source.words(),
                r.article_id
            ),
            Some(d) => format!("published {d} ({})", doc.date_source.words()),
            None => format!(
                "no publication date found, so relative dates stay unresolved (give --published, or run `claimdesk set-published {} DATE`)",
                r.article_id
            ),
        };
        if r.unchanged {
            println!(
                "article {} revision {} already holds this text: nothing stored ({})",
                r.article_id, r.revision, doc.title
            );
            continue;
        }
        println!(
            "article {} revision {}: {:?}, {} claims, {published}{enc}",
            r.article_id, r.revision, doc.title, r.claims
        );
        if r.revision > 1 {
            println!(
                "  verdicts: {} kept (claim unchanged), {} need a re-check (claim changed), {} reviewed claims removed",
                r.kept, r.rechecked, r.removed_reviewed
            );
            if r.corrections_kept + r.corrections_rechecked > 0 {
                println!(
                    "  corrections: {} kept (text unchanged), {} carried to a changed text (to re-check)",
                    r.corrections_kept, r.corrections_rechecked
                );
            }
            if let Some(line) = crate::compare_cmd::summary_line(&store, r.article_id, r.revision)?
            {
                println!("  {line}");
            }
        }
    }
    Ok(())
}

fn bulk(db: &DbArgs, path: &std::path::Path, json: bool) -> Result<()> {
    // Reading may be slow (a pipe); the store stages what it reads and
    // takes the write lock only to insert it, at the end.
    let reader: Box<dyn Iterator<Item = Result<load::Document, load::LoadError>>> =
        if path.as_os_str() == "-" {
            Box::new(JsonlReader::new(
                std::path::Path::new("(standard input)"),
                std::io::stdin().lock(),
            ))
        } else {
            Box::new(JsonlReader::open(path)?)
        };
    let bar = if std::io::stderr().is_terminal() {
        let b = ProgressBar::new_spinner();
        b.set_style(
            ProgressStyle::with_template("{spinner} {pos} articles {msg} ({per_sec}, {elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        Some(b)
    } else {
        None
    };
    let mut store = db.open()?;
    let started = std::time::Instant::now();
    let show = |n: usize, what: &'static str| {
        if let Some(b) = &bar {
            b.set_message(what);
            b.set_position(n as u64);
            b.tick();
        }
    };
    // Read and extracted first (no lock held), then stored in short
    // batches that nobody sees until the last one is in.
    let sum = store
        .add_all_with(reader, |n| show(n, "read"), |n| show(n, "stored"))
        .with_context(|| format!("nothing from {} was stored", path.display()))?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let secs = started.elapsed().as_secs_f64();
    if json {
        return crate::db::print_json(&sum);
    }
    println!(
        "{} articles read from {}: {} new articles, {} new revisions, {} unchanged; {} claims; {:.1} s ({:.0} articles/s)",
        sum.documents,
        path.display(),
        sum.new_articles,
        sum.new_revisions,
        sum.unchanged,
        sum.claims,
        secs,
        sum.documents as f64 / secs.max(1e-9)
    );
    Ok(())
}
