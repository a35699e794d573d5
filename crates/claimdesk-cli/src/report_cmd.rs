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
use claimdesk::report::{self, Filter, Organization, ReportInput};
use std::io::Write;
use std::path::PathBuf;

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

fn read_input(path: &PathBuf) -> Result<ReportInput> {
    let text = if path.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin()).context("cannot read standard input")?
    } else {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?
    };
    serde_json::from_str(&text)
        .with_context(|| format!("{} is not a claim report input", path.display()))
}

/// Applies the options to `input` and renders it.
pub fn render(mut input: ReportInput, a: &Args) -> Result<String> {
    if let Some(u) = a
        .article_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        input.article.url = Some(u.to_string());
    }
    configure(
        &mut input,
        a.org_name.as_deref(),
        a.org_url.as_deref(),
        a.review_url.as_deref(),
    );
    let input = input.filtered(Filter {
        kind: a.kind,
        status: a.status,
    });
    let format = report::Format::from(a.format);
    report::render(&input, format).with_context(|| format!("cannot render the {format} report"))
}

/// Sets the reviewing organization and review URL where given.
pub fn configure(
    input: &mut ReportInput,
    org_name: Option<&str>,
    org_url: Option<&str>,
    review_url: Option<&str>,
) {
    let nonempty = |s: Option<&str>| s.map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    if let Some(name) = nonempty(org_name) {
        input.desk = Organization {
            name,
            url: nonempty(org_url).or(input.desk.url.take()),
        };
    } else if let Some(url) = nonempty(org_url) {
        input.desk.url = Some(url);
    }
    if let Some(u) = nonempty(review_url) {
        input.report_url = Some(u);
    }
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
