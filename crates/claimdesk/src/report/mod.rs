//! Claim reports: what a fact-checker hands the editor, what a standards desk
//! archives, and the schema.org ClaimReview markup a publisher gives search
//! engines.
//!
//! Every format renders from one store-independent [`ReportInput`]:
//!
//! - [`input`]: the input model (article, claims, reviews, changes);
//!   [`from_store`] builds it from the claim store.
//! - [`summary`]: counts by kind, status and change, derived from the input.
//! - [`timeml`], [`words`]: normalized values and claims in words.
//! - [`markdown`], [`html`] (with [`timeline`], its SVG), [`csv`], [`json`],
//!   [`claimreview`]: one module per format.
//!
//! [`render`] checks the input (evidence spans must fit their sentences) and
//! picks the format. Rendering never panics; it fails only with a
//! [`ReportError`].

pub mod claimreview;
pub mod csv;
pub mod from_store;
pub mod gold;
pub mod html;
pub mod input;
pub mod json;
pub mod markdown;
pub mod summary;
pub mod timeline;
pub mod timeml;
pub mod words;

pub use from_store::{GoldExport, from_store, gold_from_store};
pub use input::{
    ArticleInfo, ClaimDelta, ClaimEntry, Evidence, Filter, Organization, PreviousRevision,
    Publishing, RemovedClaim, ReportInput, Review,
};
pub use summary::Summary;

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown, readable as plain text and rendered.
    Markdown,
    /// One self-contained, printable HTML file.
    Html,
    /// RFC 4180 CSV with a UTF-8 byte-order mark, one row per claim.
    Csv,
    /// Everything, as JSON, for other tools.
    Json,
    /// schema.org ClaimReview JSON-LD, one per reviewed claim.
    ClaimReview,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Markdown,
        Format::Html,
        Format::Csv,
        Format::Json,
        Format::ClaimReview,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::ClaimReview => "claimreview",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::ClaimReview => "jsonld",
            other => other.as_str(),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = crate::model::UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_ascii_lowercase();
        let found = match s.as_str() {
            "markdown" => Some(Format::Markdown),
            "claim-review" | "jsonld" | "json-ld" => Some(Format::ClaimReview),
            other => Format::ALL.into_iter().find(|f| f.as_str() == other),
        };
        found.ok_or_else(|| crate::model::UnknownName {
            what: "report format",
            value: s.clone(),
            expected: Format::ALL.map(|f| f.as_str()).join(", "),
        })
    }
}

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A claim's evidence span does not fit inside its sentence.
    #[error(
        "claim {id}: evidence span {start}..{end} does not fit its sentence ({len} bytes) on character boundaries"
    )]
    BadEvidenceSpan {
        id: i64,
        start: usize,
        end: usize,
        len: usize,
    },
    /// Two claims share an id, so anchors and review URLs would collide.
    #[error("claim id {0} appears more than once")]
    DuplicateId(i64),
    /// ClaimReview markup needs the article's URL (the claim's appearance).
    #[error(
        "ClaimReview needs the article's URL (where the claims appeared); the article has none"
    )]
    MissingArticleUrl,
    /// Addresses in ClaimReview markup must be plain http(s) web addresses.
    #[error("ClaimReview needs {field} to be an http(s) address: {problem}")]
    NotWebUrl {
        field: &'static str,
        problem: String,
    },
    #[error("cannot write CSV: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// Renders `input` as `format`.
pub fn render(input: &ReportInput, format: Format) -> Result<String, ReportError> {
    check(input)?;
    match format {
        Format::Markdown => Ok(markdown::render(input)),
        Format::Html => Ok(html::render(input)),
        Format::Csv => csv::render(input),
        Format::Json => json::render(input),
        Format::ClaimReview => claimreview::render(input),
    }
}

/// Rejects inputs no format could show faithfully.
fn check(input: &ReportInput) -> Result<(), ReportError> {
    let mut seen = std::collections::HashSet::new();
    for e in &input.claims {
        if !seen.insert(e.id) {
            return Err(ReportError::DuplicateId(e.id));
        }
        let ev = &e.evidence;
        if ev.span_start > ev.span_end || ev.parts().is_none() {
            return Err(ReportError::BadEvidenceSpan {
                id: e.id,
                start: ev.span_start,
                end: ev.span_end,
                len: ev.sentence.len(),
            });
        }
    }
    Ok(())
}
