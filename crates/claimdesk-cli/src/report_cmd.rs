//! `claimdesk report`: a claim report in Markdown, HTML, CSV, JSON or
//! schema.org ClaimReview, written to a file or standard output.
//!
//! The report's facts come from the claim store (an article and, by default,
//! its latest revision), or from a saved JSON report or report input
//! (`--input`, e.g. the output of `--format json`, so reports can be
//! re-rendered). The reviewing organization named in ClaimReview markup and
//! the address the reviews are published at come from options or the
//! environment.

use crate::db::DbArgs;
use anyhow::{Context, Result};
use claimdesk::model::{ClaimKind, Status};
use claimdesk::report::{self, Filter, ReportInput};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// The article: its id, bulk id or URL (see `claimdesk list`).
    #[arg(required_unless_present = "input", conflicts_with = "input")]
    article: Option<String>,
    /// The revision to report on (default: the latest).
    #[arg(long, value_name = "N", requires = "article")]
    revision: Option<u32>,
    /// Render a saved report input or JSON report instead (`-` for
    /// standard input).
    #[arg(long, value_name = "FILE")]
    input: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum)]
    format: Format,
    /// Write the report here instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Only claims of this kind (date, role, dismissal, attendance, quote).
    #[arg(long)]
    kind: Option<ClaimKind>,
    /// Only claims with this status (unreviewed, verified, false, disputed,
    /// unverifiable, needs_recheck).
    #[arg(long)]
    status: Option<Status>,
    /// The reviewing organization (ClaimReview `author`; default "Standards
    /// Desk").
    #[arg(long, env = "CLAIMDESK_ORG_NAME", value_name = "NAME")]
    org_name: Option<String>,
    /// The reviewing organization's home page.
    #[arg(long, env = "CLAIMDESK_ORG_URL", value_name = "URL")]
    org_url: Option<String>,
    /// Where this report is published; ClaimReview `url`s point at its
    /// claim anchors. Defaults to the article's URL.
    #[arg(long, env = "CLAIMDESK_REVIEW_URL", value_name = "URL")]
    review_url: Option<String>,
    /// Where the article is published, when it was loaded from a file
    /// (ClaimReview needs it).
    #[arg(long, value_name = "URL")]
    article_url: Option<String>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Md,
    Html,
    Csv,
    Json,
    Claimreview,
}

impl From<Format> for report::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Md => report::Format::Markdown,
            Format::Html => report::Format::Html,
            Format::Csv => report::Format::Csv,
            Format::Json => report::Format::Json,
            Format::Claimreview => report::Format::ClaimReview,
        }
    }
}

pub fn run(db: &DbArgs, a: Args) -> Result<()> {
    check_address("--org-url (or CLAIMDESK_ORG_URL)", a.org_url.as_deref())?;
    check_address(
        "--review-url (or CLAIMDESK_REVIEW_URL)",
        a.review_url.as_deref(),
    )?;
    check_address("--article-url", a.article_url.as_deref())?;
    let input = match (&a.input, &a.article) {
        (Some(path), _) => read_input(path)?,
        (None, Some(article)) => {
            let store = db.open()?;
            claimdesk::report::from_store(&store, article, a.revision, chrono::Utc::now())?
        }
        (None, None) => {
            return Err(crate::db::UsageError("give an ARTICLE or --input FILE".into()).into());
        }
    };
    let out = render(input, &a)?;
    write_out(a.out.as_ref(), &out)
}

/// The largest saved report input read: an article at the input limit
/// with its claims and evidence.
const MAX_REPORT_INPUT: u64 = 4 * claimdesk::load::MAX_INPUT_BYTES;

fn read_input(path: &Path) -> Result<ReportInput> {
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_REPORT_INPUT + 1)
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        if bytes.len() as u64 > MAX_REPORT_INPUT {
            anyhow::bail!("standard input is over the {MAX_REPORT_INPUT}-byte limit");
        }
        bytes
    } else {
        claimdesk::load::read_regular_file(path, MAX_REPORT_INPUT)?
    };
    serde_json::from_slice(&bytes)
        .with_context(|| format!("{} is not a claim report input", path.display()))
}

/// Refuses an address option that is not a plain http(s) address (a usage
/// error); the message never repeats the address.
fn check_address(option: &str, address: Option<&str>) -> Result<()> {
    if let Some(problem) = address
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .and_then(claimdesk::load::web_address_problem)
    {
        return Err(crate::db::UsageError(format!("{option}: {problem}")).into());
    }
    Ok(())
}

/// Applies the options to `input` and renders it.
pub fn render(mut input: ReportInput, a: &Args) -> Result<String> {
    input.publish(&report::Publishing {
        article_url: a.article_url.clone(),
        org_name: a.org_name.clone(),
        org_url: a.org_url.clone(),
        review_url: a.review_url.clone(),
    });
    let input = input.filtered(Filter {
        kind: a.kind,
        status: a.status,
    });
    let format = report::Format::from(a.format);
    report::render(&input, format).with_context(|| format!("cannot render the {format} report"))
}

fn write_out(out: Option<&PathBuf>, text: &str) -> Result<()> {
    match out {
        Some(p) => std::fs::write(p, text).with_context(|| format!("cannot write {}", p.display())),
        None => {
            let mut so = std::io::stdout().lock();
            so.write_all(text.as_bytes())
                .and_then(|()| so.flush())
                .context("cannot write to standard output")
        }
    }
}
