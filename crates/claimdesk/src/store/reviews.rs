//! The review history: append-only verdicts on claims, the current status
//! derived from it, and carrying verdicts over to a new revision (kept where
//! the claim is unchanged, reset to "needs re-check" where it changed).

use super::articles::is_verdict;
pub(super) use super::articles::is_verdict as is_verdict_status;
use super::claims::{CLAIM_SELECT, claim_from_row};
use super::{ClaimId, Store, StoreError, now, published};
use crate::compare::{ClaimChange, align_claims};
use crate::model::{Claim, Status};
use rusqlite::{OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};

/// Where a history entry came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewOrigin {
    /// Given by a fact-checker.
    Manual,
    /// Kept from the same, unchanged claim of the revision before.
    Carried,
    /// Reset because the claim changed in a new revision.
    Recheck,
}

impl ReviewOrigin {
    pub(super) fn from_name(s: &str) -> ReviewOrigin {
        match s {
            "carried" => ReviewOrigin::Carried,
            "recheck" => ReviewOrigin::Recheck,
            _ => ReviewOrigin::Manual,
        }
    }

    pub(super) fn as_str(self) -> &'static str {
        match self {
            ReviewOrigin::Manual => "manual",
            ReviewOrigin::Carried => "carried",
            ReviewOrigin::Recheck => "recheck",
        }
    }
}

/// One entry of a claim's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    pub id: i64,
    pub claim_id: ClaimId,
    /// The revision number of the claim the entry was made on.
    pub revision: u32,
    pub status: Status,
    pub note: Option<String>,
    pub sources: Vec<String>,
    pub reviewer: Option<String>,
    /// RFC 3339, UTC.
    pub at: String,
    pub origin: ReviewOrigin,
}

/// A verdict to record.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReviewInput {
    pub status: Option<Status>,
    pub note: Option<String>,
    pub sources: Vec<String>,
    pub reviewer: Option<String>,
    /// The revision the reviewer means. A claim of an older revision than
    /// the article's current one is only reviewed when this names its
    /// revision; otherwise the review is refused and the error names the
    /// same claim in the current revision.
    pub revision: Option<u32>,
}

/// Reads a review from `row` starting at column `at`: id, claim_id, status,
/// note, sources, reviewer, at, origin, revision number.
pub(super) fn review_from_row(row: &Row, at: usize) -> rusqlite::Result<Review> {
    let status: String = row.get(at + 2)?;
    let sources: String = row.get(at + 4)?;
    let origin: String = row.get(at + 7)?;
    Ok(Review {
        id: row.get(at)?,
        claim_id: row.get(at + 1)?,
        status: status.parse().unwrap_or(Status::Unreviewed),
        note: row.get(at + 3)?,
        sources: serde_json::from_str(&sources).unwrap_or_default(),
        reviewer: row.get(at + 5)?,
        at: row.get(at + 6)?,
        origin: ReviewOrigin::from_name(&origin),
        revision: row.get(at + 8)?,
    })
}

pub(super) fn insert_review(
    tx: &Transaction,
    claim: ClaimId,
    status: Status,
    note: Option<&str>,
    sources: &[String],
    reviewer: Option<&str>,
    origin: ReviewOrigin,
) -> Result<i64, StoreError> {
    tx.prepare_cached(
        "INSERT INTO reviews (claim_id, status, note, sources, reviewer, at, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        claim,
        status.as_str(),
        note,
        serde_json::to_string(sources)?,
        reviewer,
        now(),
        origin.as_str()
    ])?;
    Ok(tx.last_insert_rowid())
}

impl Store {
    /// Records a verdict on a claim; durable once this returns.
    pub fn review(&mut self, claim: ClaimId, input: &ReviewInput) -> Result<Review, StoreError> {
        let status = input
            .status
            .ok_or_else(|| StoreError::Invalid("a review needs a status".into()))?;
        let clean = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
        };
        let note = clean(&input.note);
        let reviewer = clean(&input.reviewer);
        let mut sources = Vec::new();
        for s in &input.sources {
            let s = s.trim();
            if s.is_empty() {
                continue;
            }
            if s.len() > 2048 || s.chars().any(char::is_whitespace) {
                return Err(StoreError::Invalid(format!(
                    "source {s:?} is not a URL or reference (no spaces, at most 2048 characters)"
                )));
            }
            sources.push(s.to_string());
        }
        let tx = self.begin()?;
        let exists: i64 = tx.query_row(
            &format!(
                "SELECT count(*) FROM claims c JOIN revisions r ON r.id = c.revision_id
                 WHERE c.id = ?1 AND {}",
                published("r")
            ),
            [claim],
            |r| r.get(0),
        )?;
        if exists == 0 {
            return Err(StoreError::NoClaim(claim));
        }
        check_revision(&tx, claim, input.revision)?;
        insert_review(
            &tx,
            claim,
            status,
            note.as_deref(),
            &sources,
            reviewer.as_deref(),
            ReviewOrigin::Manual,
        )?;
        tx.commit()?;
        self.claim(claim)?
            .review
            .ok_or_else(|| StoreError::Invalid("the review was not read back".into()))
    }

    /// The whole history of a claim, oldest first, including the entries
    /// made on the same claim in earlier revisions.
    pub fn history(&self, claim: ClaimId) -> Result<Vec<Review>, StoreError> {
        let _ = self.claim(claim)?;
        let mut st = self.conn.prepare_cached(
            "WITH RECURSIVE lineage(id) AS (
                 SELECT ?1
                 UNION SELECT c.previous_id FROM claims c JOIN lineage l ON c.id = l.id WHERE c.previous_id IS NOT NULL
             )
             SELECT v.id, v.claim_id, v.status, v.note, v.sources, v.reviewer, v.at, v.origin, r.number
             FROM reviews v
             JOIN claims c ON c.id = v.claim_id
             JOIN revisions r ON r.id = c.revision_id
             WHERE v.claim_id IN (SELECT id FROM lineage)
             ORDER BY v.id",
        )?;
        let list = st
            .query_map([claim], |r| review_from_row(r, 0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(list)
    }
}

/// Refuses a review of a claim that is not in its article's current
/// revision, unless `named` says which old revision is meant.
pub(super) fn check_revision(
    tx: &Transaction,
    claim: ClaimId,
    named: Option<u32>,
) -> Result<(), StoreError> {
    let (article, number, latest): (i64, u32, u32) = tx.query_row(
        &format!(
            "SELECT r.article_id, r.number,
                    (SELECT max(x.number) FROM revisions x WHERE x.article_id = r.article_id AND {})
             FROM claims c JOIN revisions r ON r.id = c.revision_id WHERE c.id = ?1",
            published("x")
        ),
        [claim],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    match named {
        Some(n) if n == number => Ok(()),
        Some(n) => Err(StoreError::Invalid(format!(
            "claim {claim} is in revision {number} of article {article}, not in revision {n}"
        ))),
        None if number == latest => Ok(()),
        None => {
            // Follow the claim forward through the revisions that kept it.
            let current: Option<ClaimId> = tx
                .query_row(
                    &format!(
                        "WITH RECURSIVE later(id) AS (
                             SELECT ?1
                             UNION SELECT c.id FROM claims c JOIN later l ON c.previous_id = l.id
                         )
                         SELECT c.id FROM later JOIN claims c ON c.id = later.id
                         JOIN revisions r ON r.id = c.revision_id
                         WHERE r.number = ?2 AND r.article_id = ?3 AND {}",
                        published("r")
                    ),
                    params![claim, latest, article],
                    |r| r.get(0),
                )
                .optional()?;
            Err(StoreError::OldRevision {
                claim,
                article,
                revision: number,
                latest,
                current,
            })
        }
    }
}

/// What carrying verdicts over did.
#[derive(Debug, Default)]
pub(super) struct Carried {
    pub kept: usize,
    pub rechecked: usize,
}

/// A claim of a new revision linked to the same claim in the revision
/// before: `changed` is `None` when it is unchanged, else what changed.
#[derive(Debug, Clone)]
pub(super) struct Link {
    pub new_id: ClaimId,
    pub old_id: ClaimId,
    /// The new claim's revision number.
    pub revision: u32,
    pub changed: Option<String>,
}

/// Links the new revision's claims to the previous revision's (sets
/// `previous_id`) and says, for each linked pair, whether it changed. The
/// verdicts are carried by [`carry_verdicts`], at once for a single add,
/// when the import is published for a bulk one. Also returns how many
/// reviewed claims of the previous revision are gone.
pub(super) fn link_claims(
    tx: &Transaction,
    previous_revision: i64,
    new: &[Claim],
    new_ids: &[ClaimId],
    new_number: u32,
) -> Result<(Vec<Link>, usize), StoreError> {
    let mut st = tx.prepare_cached(&format!(
        "{CLAIM_SELECT} WHERE c.revision_id = ?1 ORDER BY c.idx"
    ))?;
    let old = st
        .query_map([previous_revision], claim_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    // The machine's claims are aligned with the machine's: a checker's
    // added claims and corrections follow by `carry_corrections`.
    let old: Vec<_> = old.into_iter().filter(|c| !c.added).collect();
    let old_claims: Vec<Claim> = old
        .iter()
        .map(|c| c.machine.clone().unwrap_or_else(|| c.claim.clone()))
        .collect();
    let mut links = Vec::new();
    let mut removed_reviewed = 0;
    for a in align_claims(&old_claims, new) {
        let (Some(o), Some(n)) = (a.old, a.new) else {
            if let (Some(o), None) = (a.old, a.new) {
                removed_reviewed += usize::from(old.get(o).is_some_and(|c| is_verdict(c.status)));
            }
            continue;
        };
        let (Some(old_claim), Some(&new_id)) = (old.get(o), new_ids.get(n)) else {
            continue;
        };
        tx.prepare_cached("UPDATE claims SET previous_id = ?1 WHERE id = ?2")?
            .execute(params![old_claim.id, new_id])?;
        let changed = match a.status {
            ClaimChange::Unchanged => None,
            _ => {
                let what: Vec<String> = a
                    .fields
                    .iter()
                    .map(|f| {
                        format!(
                            "{} {} → {}",
                            f.field,
                            f.old.as_deref().unwrap_or("(none)"),
                            f.new.as_deref().unwrap_or("(none)")
                        )
                    })
                    .collect();
                Some(if what.is_empty() {
                    "its wording".to_string()
                } else {
                    what.join("; ")
                })
            }
        };
        links.push(Link {
            new_id,
            old_id: old_claim.id,
            revision: new_number,
            changed,
        });
    }
    Ok((links, removed_reviewed))
}

/// Carries verdicts over along `links`, in order: an unchanged claim keeps
/// the latest verdict of the claim before, a changed claim with a verdict
/// goes to "needs re-check" with an entry that says why.
pub(super) fn carry_verdicts(tx: &Transaction, links: &[Link]) -> Result<Carried, StoreError> {
    let mut out = Carried::default();
    for link in links {
        let last = tx
            .prepare_cached(&format!("{CLAIM_SELECT} WHERE c.id = ?1"))?
            .query_row([link.old_id], claim_from_row)
            .optional()?
            .and_then(|c| c.review)
            .filter(|r| is_verdict(r.status));
        let Some(last) = last else {
            continue;
        };
        match &link.changed {
            None => {
                insert_review(
                    tx,
                    link.new_id,
                    last.status,
                    last.note.as_deref(),
                    &last.sources,
                    last.reviewer.as_deref(),
                    ReviewOrigin::Carried,
                )?;
                out.kept += 1;
            }
            Some(what) => {
                let note = format!(
                    "The claim changed in revision {} ({what}); it was {} before.",
                    link.revision,
                    last.status.label()
                );
                insert_review(
                    tx,
                    link.new_id,
                    Status::NeedsRecheck,
                    Some(&note),
                    &[],
                    None,
                    ReviewOrigin::Recheck,
                )?;
                out.rechecked += 1;
            }
        }
    }
    Ok(out)
}
