//! What the commands hand to the UI: plain serializable views of articles,
//! revisions, claims and reviews. The UI depends on these shapes only, so
//! the storage behind the commands can change without touching `ui/`.

use claimdesk::{Claim, Sentence, Status};
use serde::Serialize;

/// A row of the library.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleSummary {
    pub id: i64,
    pub title: String,
    pub revisions: usize,
    pub claims: usize,
    /// Claims of the latest revision still unreviewed or needing a re-check.
    pub to_check: usize,
    pub updated: String,
    /// For search results: a short piece of text around the first hit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
}

/// One revision of an article, without its text.
#[derive(Debug, Clone, Serialize)]
pub struct RevisionInfo {
    pub id: i64,
    /// 1 for the first version loaded, then 2, 3, ...
    pub number: usize,
    pub added: String,
    /// Where it came from: a file path, a URL, "pasted text" or "sample".
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

/// A claim with its review state.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimView {
    pub id: i64,
    #[serde(flatten)]
    pub claim: Claim,
    pub status: Status,
    pub note: String,
    pub sources: Vec<String>,
}

/// One revision of an article opened for reading.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    pub id: i64,
    pub title: String,
    pub revision: RevisionInfo,
    pub revisions: Vec<RevisionInfo>,
    pub text: String,
    pub sentences: Vec<Sentence>,
    pub claims: Vec<ClaimView>,
}

/// One entry of a claim's review history.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewEntry {
    pub status: Status,
    pub note: String,
    pub sources: Vec<String>,
    pub by: String,
    pub at: String,
}

/// Where a newly added revision went.
#[derive(Debug, Clone, Serialize)]
pub struct Added {
    pub article: i64,
    pub revision: i64,
    pub number: usize,
    pub title: String,
    pub claims: usize,
}

/// The outcome of one file of a bulk import.
#[derive(Debug, Clone, Serialize)]
pub struct ImportOutcome {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added: Option<Added>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<crate::error::AppError>,
}

/// Progress of long work, sent as the `progress` event.
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    /// Which job: "import", "compare", ...
    pub job: String,
    pub done: usize,
    pub total: usize,
    pub label: String,
}

/// Facts about the running app the UI shows or needs.
#[derive(Debug, Clone, Serialize)]
pub struct AppInfo {
    pub version: String,
    pub storage: String,
    pub kinds: Vec<&'static str>,
    pub statuses: Vec<&'static str>,
    pub report_formats: Vec<&'static str>,
}

/// A run of words of a word-level diff.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WordRun {
    /// "equal", "insert" or "delete".
    pub op: &'static str,
    pub text: String,
}

/// A claim of one revision paired with its counterpart in the other.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimPair {
    pub change: claimdesk::compare::ClaimChange,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<ClaimView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<ClaimView>,
    pub fields: Vec<claimdesk::compare::FieldChange>,
}

/// Two revisions of an article compared.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub article: i64,
    pub title: String,
    pub old: RevisionInfo,
    pub new: RevisionInfo,
    pub words: Vec<WordRun>,
    pub claims: Vec<ClaimPair>,
}
