//! The claim store: one SQLite file that holds articles, every loaded
//! revision, their sentences and claims, the append-only review history and
//! a full-text index. All database access in Claimdesk goes through this
//! module.
//!
//! Every logical write is one transaction: an import that fails or is
//! killed midway leaves no trace, and a review is durable (WAL,
//! `synchronous = FULL`) once the call returns. A database written by a
//! newer Claimdesk is refused and never modified; a file that is not a
//! Claimdesk database is reported, never overwritten.

mod articles;
mod claims;
mod open;
mod reviews;
mod schema;
mod search;

pub use articles::{Added, Target};
pub use claims::ClaimFilter;
pub use open::default_path;
pub use reviews::{Review, ReviewInput, ReviewOrigin};
pub use search::SearchHit;

use crate::load::{Format, SourceKind};
use crate::model::{Claim, Sentence, Status};
use chrono::NaiveDate;
use serde::Serialize;
use std::path::PathBuf;

pub type ArticleId = i64;
pub type ClaimId = i64;

/// An open claim store.
pub struct Store {
    conn: rusqlite::Connection,
    path: Option<PathBuf>,
}

/// Why a store operation failed. No failure leaves a partial write behind.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path} was written by a newer Claimdesk (schema version {found}; this build knows up to {supported}). Update Claimdesk to open it; the file was left untouched."
    )]
    TooNew {
        path: String,
        found: i64,
        supported: i64,
    },
    #[error("{path} is not a Claimdesk database or is damaged ({reason}); it was left untouched")]
    NotADatabase { path: String, reason: String },
    #[error(
        "{path} is locked by another program (another Claimdesk still writing?); try again when it is done"
    )]
    Locked { path: String },
    #[error("cannot create the folder for the database {path}: {source}")]
    CreateDir {
        path: String,
        source: std::io::Error,
    },
    #[error("no article {0}")]
    NoArticle(String),
    #[error("article {article} has no revision {revision}")]
    NoRevision { article: ArticleId, revision: u32 },
    #[error("no claim {0}")]
    NoClaim(ClaimId),
    #[error("{0}")]
    Invalid(String),
    #[error("could not load the article: {0}")]
    Load(#[from] crate::load::LoadError),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("stored data could not be read back: {0}")]
    Json(#[from] serde_json::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

/// An article with what the review desk needs to know at a glance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleSummary {
    pub id: ArticleId,
    pub title: String,
    pub source: Option<String>,
    pub published: Option<NaiveDate>,
    pub revisions: u32,
    /// Claims in the latest revision.
    pub claims: u32,
    /// Claims in the latest revision still unreviewed or needing a re-check.
    pub to_check: u32,
    pub loaded_at: String,
}

/// One stored version of an article, without its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RevisionInfo {
    pub id: i64,
    pub article_id: ArticleId,
    pub number: u32,
    pub title: String,
    pub byline: Option<String>,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub source_kind: SourceKind,
    pub format: Format,
    pub encoding: Option<String>,
    pub content_hash: String,
    pub loaded_at: String,
    pub claims: u32,
}

/// A stored revision with its text and sentences.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Revision {
    #[serde(flatten)]
    pub info: RevisionInfo,
    pub text: String,
    pub sentences: Vec<Sentence>,
}

/// A claim as stored, with its current status (derived from its history).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredClaim {
    pub id: ClaimId,
    pub article_id: ArticleId,
    pub revision: u32,
    pub key: String,
    /// The same claim in the previous revision, when it carried over.
    pub previous_id: Option<ClaimId>,
    pub status: Status,
    /// The latest entry of its history, if any.
    pub review: Option<Review>,
    #[serde(flatten)]
    pub claim: Claim,
}

impl Store {
    /// Where the database file is (none for an in-memory store).
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    fn path_str(&self) -> String {
        self.path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| ":memory:".into())
    }

    /// Starts a write transaction (taking the write lock at once), with the
    /// mapping of "database is locked/busy" to a clear error for its commit.
    fn begin(
        &mut self,
    ) -> Result<
        (
            rusqlite::Transaction<'_>,
            impl Fn(rusqlite::Error) -> StoreError + use<>,
        ),
        StoreError,
    > {
        let path = self.path_str();
        let locked = move |e: rusqlite::Error| lock_error(e, &path);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(&locked)?;
        Ok((tx, locked))
    }
}

/// Maps "database is locked/busy" to [`StoreError::Locked`].
fn lock_error(e: rusqlite::Error, path: &str) -> StoreError {
    if let rusqlite::Error::SqliteFailure(f, _) = &e
        && matches!(
            f.code,
            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
        )
    {
        return StoreError::Locked {
            path: path.to_string(),
        };
    }
    StoreError::Sqlite(e)
}

/// Now, as stored: RFC 3339 UTC to the second.
fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
