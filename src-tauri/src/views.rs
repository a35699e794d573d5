//! What the commands hand to the UI: the core's own serializable types where
//! they fit (store summaries, revisions, reviews, sentence changes), plus a
//! few shapes made for the screens (an opened article, a comparison laid out
//! row by row). The UI depends on these shapes only.

use claimdesk::compare::{ClaimChange, FieldChange, Reason, SentenceStatus, Summary, WordRun};
use claimdesk::model::Placement;
use claimdesk::store::{Added, ArticleSummary, RevisionInfo};
use claimdesk::{Claim, Sentence, Status};
use serde::Serialize;

/// The library's first rows and how many there are in all.
#[derive(Debug, Clone, Serialize)]
pub struct Library {
    pub rows: Vec<LibraryRow>,
    /// All articles (or, for a search, all articles found).
    pub total: usize,
}

/// A row of the library, with a search snippet when searching (matching
/// words in `[ ]`).
#[derive(Debug, Clone, Serialize)]
pub struct LibraryRow {
    #[serde(flatten)]
    pub article: ArticleSummary,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
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
    /// The same claim in the previous revision, when it carried over.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_id: Option<i64>,
    /// "manual", "carried" or "recheck": where the current status came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<claimdesk::store::ReviewOrigin>,
    /// Where the claim sits on the timeline (days, precision, wording), as
    /// the core reads its TimeML value; absent for undated claims.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<Placement>,
    /// The claim's date in plain words ("Wed 11 Mar 2026, morning",
    /// "autumn 2025", "3 years"), as the core words its TimeML value; the
    /// value itself stays in `value` / `date` for a tooltip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_words: Option<String>,
    /// Added by a checker (the machine missed it).
    pub added: bool,
    /// A machine claim a checker corrected.
    pub edited: bool,
    /// Dismissed as "not a claim" (listed only under the filter).
    pub dismissed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dismiss_reason: Option<String>,
    /// Two verdicts on this claim that do not know each other (a team
    /// desk's replicas): shown until a verdict that has seen both.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub verdict_conflict: bool,
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
    /// The claims, without those dismissed as "not a claim".
    pub claims: Vec<ClaimView>,
    /// The claims dismissed as "not a claim".
    pub dismissed: Vec<ClaimView>,
}

/// What loading one document did, with the article's title.
#[derive(Debug, Clone, Serialize)]
pub struct Loaded {
    #[serde(flatten)]
    pub added: Added,
    pub title: String,
}

/// The outcome of one file of an import.
#[derive(Debug, Clone, Serialize)]
pub struct ImportOutcome {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loaded: Option<Loaded>,
    /// A single article read and waiting for its date to be confirmed
    /// (`confirm_import`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staged: Option<crate::staging::Staged>,
    /// For a bulk (.jsonl) file: how many documents it held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<crate::error::AppError>,
}

/// Progress of long work, sent as the `progress` event.
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    /// Which job: "import", "fetch", "compare".
    pub job: String,
    pub done: usize,
    /// 0 when the total is not known.
    pub total: usize,
    pub label: String,
}

/// Facts about the running app the UI shows or needs.
#[derive(Debug, Clone, Serialize)]
pub struct AppInfo {
    pub version: String,
    pub database: String,
    pub kinds: Vec<&'static str>,
    pub statuses: Vec<&'static str>,
    pub report_formats: Vec<ReportFormat>,
}

/// A report format the export view offers.
#[derive(Debug, Clone, Serialize)]
pub struct ReportFormat {
    /// What `export_report` takes: "md", "html", "csv", "json", "claimreview".
    pub name: &'static str,
    /// The file extension to save it under.
    pub extension: &'static str,
}

/// One aligned statement of two revisions.
#[derive(Debug, Clone, Serialize)]
pub struct CompareRow {
    pub status: SentenceStatus,
    /// Changed, added or removed: someone must look at it.
    pub flagged: bool,
    pub moved: bool,
    pub old: String,
    pub new: String,
    /// The word diff (old and new interleaved); empty when there is nothing
    /// to diff (unchanged, added, removed).
    pub words: Vec<WordRun>,
    pub reasons: Vec<Reason>,
}

/// A claim of one revision paired with its counterpart in the other.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimPair {
    pub change: ClaimChange,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<ClaimView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<ClaimView>,
    pub fields: Vec<FieldChange>,
}

/// Two revisions of an article compared.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub article: i64,
    pub title: String,
    pub old: RevisionInfo,
    pub new: RevisionInfo,
    pub rows: Vec<CompareRow>,
    pub claims: Vec<ClaimPair>,
    pub summary: Summary,
}

/// The publication date a text states, for the paste dialog's hint.
#[derive(Debug, Clone, Serialize)]
pub struct DetectedDate {
    pub published: Option<String>,
    pub date_source: claimdesk::load::DateSource,
    pub date_source_words: &'static str,
    pub guess: bool,
}

/// One article of the confirmation dialog: its id and the date to use.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct ConfirmedDate {
    pub id: u64,
    /// YYYY-MM-DD, or nothing for "no publication date".
    pub published: Option<String>,
}
