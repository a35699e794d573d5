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
mod compared;
mod conflicts;
mod corrections;
mod guard;
mod import;
mod matches;
mod open;
mod people;
mod refs;
mod replica;
mod reviews;
mod schema;
mod search;
pub mod shared;
mod stage;
mod team;

pub use articles::{Added, BulkSummary, Target};
pub use claims::{ClaimFilter, Dismissed};
pub use compared::{StoredClaimDiff, StoredComparison};
pub use conflicts::{ArchiveConflict, ArticleCheck, Dismissal};
pub use corrections::{
    ClaimEdit, ClaimState, Correction, CorrectionAction, edited_fields, field_names, new_fields,
    span_of,
};
pub use matches::{Match, MatchLevel};
pub use open::default_path;
pub use people::{
    Identities, PersonDecision, PersonDecisionEntry, PersonItem, PersonPage, PersonSummary,
};
pub use replica::{Applied, OutRow, PulledRow};
pub use reviews::{Review, ReviewInput, ReviewOrigin};
pub use search::SearchHit;
pub use team::{TeamInfo, url_has_password};

use crate::load::{Format, SourceKind};
use crate::model::{Claim, Sentence, Status};
use chrono::NaiveDate;
use rusqlite::config::DbConfig;
use serde::Serialize;
use std::path::PathBuf;

pub type ArticleId = i64;
pub type ClaimId = i64;

/// An open claim store.
pub struct Store {
    conn: rusqlite::Connection,
    path: Option<PathBuf>,
    /// The identity of the database's files when they were opened (none in
    /// memory); see [`guard`].
    guard: Option<guard::FileGuard>,
    /// Set when the guard found the files replaced: why, and from then on
    /// every write is refused.
    diverged: Option<String>,
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
        "{path} is locked by another program (another Claimdesk still writing after 20 s?); try again when it is done"
    )]
    Locked { path: String },
    #[error(
        "stopped writing to {path}: {why} while Claimdesk had it open, so another program may be writing to a different copy. Nothing was written; close Claimdesk and open it again to continue from what is on disk."
    )]
    Diverged { path: String, why: String },
    #[error("cannot create the folder for the database {path}: {cause}")]
    CreateDir { path: String, cause: std::io::Error },
    #[error("cannot use the database {path}: {reason}")]
    Unusable { path: String, reason: String },
    #[error("no article {0}")]
    NoArticle(String),
    #[error("article {article} has no revision {revision}")]
    NoRevision { article: ArticleId, revision: u32 },
    #[error(
        "claim {claim} is in revision {revision} of article {article}, but the article's current revision is {latest}; {}",
        match current {
            Some(c) => format!("the same claim there is claim {c}: review that one, or name revision {revision} explicitly to record a verdict on the old one"),
            None => format!("the claim is not in the current revision; name revision {revision} explicitly to record a verdict on the old one"),
        }
    )]
    OldRevision {
        claim: ClaimId,
        article: ArticleId,
        revision: u32,
        latest: u32,
        current: Option<ClaimId>,
    },
    #[error("no claim {0}")]
    NoClaim(ClaimId),
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
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
    /// Claims in the latest revision whose current verdict is "false".
    pub false_claims: u32,
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
    /// Added by a checker (the machine missed it).
    pub added: bool,
    /// A machine claim whose span or fields a checker corrected.
    pub edited: bool,
    /// Dismissed as "not a claim": out of the lists and counts.
    pub dismissed: bool,
    /// Why it was dismissed, when said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dismiss_reason: Option<String>,
    /// The machine's version, when a checker corrected the claim.
    #[serde(skip)]
    pub machine: Option<Claim>,
    /// The claim as it stands (corrections applied).
    #[serde(flatten)]
    pub claim: Claim,
}

/// The schema version this build writes.
pub fn latest_schema_version() -> i64 {
    schema::latest_version()
}

/// SQL condition: revision `alias` is published, i.e. not held back by a
/// bulk import still under way. Every read of revisions or claims uses it.
pub(crate) fn published(alias: &str) -> String {
    format!("NOT EXISTS (SELECT 1 FROM pending_revisions pend WHERE pend.revision_id = {alias}.id)")
}

/// SQL condition: revision `alias` is published or held back by the import
/// whose id is the SQL parameter `param` (NULL: no import).
pub(crate) fn visible_to(alias: &str, param: &str) -> String {
    format!(
        "NOT EXISTS (SELECT 1 FROM pending_revisions pend WHERE pend.revision_id = {alias}.id AND pend.import_id IS NOT {param})"
    )
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

    /// Starts a write transaction, taking the write lock at once, after
    /// checking that the database's files are still the ones this
    /// connection opened.
    fn begin(&mut self) -> Result<WriteTx<'_>, StoreError> {
        let path = self.path_str();
        if let Some(why) = &self.diverged {
            return Err(StoreError::Diverged {
                path,
                why: why.clone(),
            });
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| lock_error(e, &path))?;
        let mut tx = WriteTx {
            tx,
            guard: self.guard.as_ref(),
            diverged: &mut self.diverged,
            path,
        };
        tx.check()?;
        Ok(tx)
    }
}

/// A write transaction of the store: rolled back when dropped, committed
/// only while the database's files are still the ones the store opened.
pub(crate) struct WriteTx<'a> {
    tx: rusqlite::Transaction<'a>,
    guard: Option<&'a guard::FileGuard>,
    diverged: &'a mut Option<String>,
    path: String,
}

impl WriteTx<'_> {
    /// Refuses to go on when the guard finds the files replaced, and
    /// remembers it so that no later write is tried.
    fn check(&mut self) -> Result<(), StoreError> {
        match self.guard.map(guard::FileGuard::check) {
            None | Some(guard::Verdict::Same) => Ok(()),
            Some(guard::Verdict::Replaced(why)) => {
                // Our close must neither checkpoint stale pages over the
                // other program's nor delete its -wal and -shm.
                let _ = self
                    .tx
                    .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true);
                *self.diverged = Some(why.clone());
                Err(StoreError::Diverged {
                    path: self.path.clone(),
                    why,
                })
            }
        }
    }

    /// Commits, after one more check of the files.
    fn commit(mut self) -> Result<(), StoreError> {
        // On an error, dropping `tx` rolls back.
        self.check()?;
        let path = self.path;
        self.tx.commit().map_err(|e| lock_error(e, &path))
    }
}

impl<'a> std::ops::Deref for WriteTx<'a> {
    type Target = rusqlite::Transaction<'a>;
    fn deref(&self) -> &rusqlite::Transaction<'a> {
        &self.tx
    }
}

impl Drop for Store {
    /// A connection whose files were replaced under it must not checkpoint
    /// its stale pages over the other program's, nor delete its journal.
    fn drop(&mut self) {
        let replaced = self.diverged.is_some()
            || self
                .guard
                .as_ref()
                .is_some_and(|g| g.check() != guard::Verdict::Same);
        if replaced {
            let _ = self
                .conn
                .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true);
        }
    }
}

/// Maps "database is locked/busy" to [`StoreError::Locked`] and a full
/// disk to [`StoreError::Unusable`], which say what happened.
fn lock_error(e: rusqlite::Error, path: &str) -> StoreError {
    if let rusqlite::Error::SqliteFailure(f, _) = &e {
        match f.code {
            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => {
                return StoreError::Locked {
                    path: path.to_string(),
                };
            }
            rusqlite::ErrorCode::DiskFull => {
                return StoreError::Unusable {
                    path: path.to_string(),
                    reason: "the disk is full; nothing was written".into(),
                };
            }
            rusqlite::ErrorCode::SystemIoFailure if disk_full(path) => {
                return StoreError::Unusable {
                    path: path.to_string(),
                    reason: "the disk is full; nothing was written".into(),
                };
            }
            _ => {}
        }
    }
    StoreError::Sqlite(e)
}

/// Whether the disk that holds the database at `path` is full: SQLite
/// reports some failed writes (growing `-shm`, syncing) as plain I/O
/// errors, so a failure is checked by trying to write a small file beside
/// the database.
fn disk_full(path: &str) -> bool {
    let Some(dir) = std::path::Path::new(path).parent() else {
        return false;
    };
    let dir = if dir.as_os_str().is_empty() {
        std::path::Path::new(".")
    } else {
        dir
    };
    let probe = dir.join(format!(".claimdesk-space-probe-{}", std::process::id()));
    let result = std::fs::File::create(&probe)
        .and_then(|mut f| std::io::Write::write_all(&mut f, &[0u8; 64 * 1024]).and(f.sync_all()));
    let _ = std::fs::remove_file(&probe);
    matches!(result, Err(e) if e.kind() == std::io::ErrorKind::StorageFull)
}

/// Now, as stored: RFC 3339 UTC to the second.
fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
