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
    /// The entry's global id: a UUIDv7 made where it was written (carried
    /// entries get one derived from what they carry, so that replicas that
    /// carry the same verdict write the same entry).
    pub uid: String,
    /// The team hub login that wrote it, once the hub has it.
    pub author: Option<String>,
}

/// The columns [`review_from_row`] reads, for a `reviews` row aliased `v`
/// joined to its claim's revision `r`.
pub(super) const REVIEW_COLUMNS: &str =
    "v.id, v.claim_id, v.status, v.note, v.sources, v.reviewer, v.at, v.origin, r.number, v.uid,
     (SELECT s.author FROM sync_ids s WHERE s.set_name = 'reviews' AND s.local_id = v.id)";

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
/// note, sources, reviewer, at, origin, revision number, uid, author
/// ([`REVIEW_COLUMNS`]).
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
        uid: row.get::<_, Option<String>>(at + 9)?.unwrap_or_default(),
        author: row.get(at + 10)?,
    })
}

/// SQL: the heads of claim `?1`'s history, the entries no later entry of
/// the claim has seen.
pub(super) const HEADS: &str = "SELECT v.uid FROM reviews v WHERE v.claim_id = ?1 AND NOT EXISTS (
         SELECT 1 FROM reviews w, json_each(w.seen) j WHERE w.claim_id = v.claim_id AND j.value = v.uid)
     ORDER BY v.id";

/// A global id derived from what an entry carries over, so that two
/// replicas carrying the same verdict to the same claim write one entry.
fn derived_uid(parts: &[&str]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    let d = h.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&d[..16]);
    uuid::Builder::from_custom_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// Appends an entry to claim `claim`'s history. `uid` is the entry's
/// global id (a new UUIDv7 when `None`); the entry records the heads of the
/// claim's history it was written on.
#[allow(clippy::too_many_arguments)]
pub(super) fn insert_review(
    tx: &Transaction,
    claim: ClaimId,
    status: Status,
    note: Option<&str>,
    sources: &[String],
    reviewer: Option<&str>,
    origin: ReviewOrigin,
    uid: Option<String>,
) -> Result<i64, StoreError> {
    let seen: Vec<String> = tx
        .prepare_cached(HEADS)?
        .query_map([claim], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let uid = uid.unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    tx.prepare_cached(
        "INSERT INTO reviews (claim_id, status, note, sources, reviewer, at, origin, uid, seen)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        claim,
        status.as_str(),
        note,
        serde_json::to_string(sources)?,
        reviewer,
        now(),
        origin.as_str(),
        uid,
        serde_json::to_string(&seen)?
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
        let locked: Option<(i64, Option<String>)> = tx
            .query_row(
                "SELECT r.article_id, coalesce(s.author, l.by) FROM claims c
                 JOIN revisions r ON r.id = c.revision_id
                 JOIN article_locks l ON l.article_id = r.article_id
                 LEFT JOIN sync_ids s ON s.set_name = 'article_locks' AND s.local_id = l.id
                 WHERE c.id = ?1 LIMIT 1",
                [claim],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((article, by)) = locked {
            return Err(StoreError::Invalid(format!(
                "article {article}'s verdicts are locked as published{}; no new verdict can be recorded",
                by.map(|b| format!(" by {b}")).unwrap_or_default()
            )));
        }
        insert_review(
            &tx,
            claim,
            status,
            note.as_deref(),
            &sources,
            reviewer.as_deref(),
            ReviewOrigin::Manual,
            None,
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
        let mut st = self.conn.prepare_cached(&format!(
            "WITH RECURSIVE lineage(id) AS (
                 SELECT ?1
                 UNION SELECT c.previous_id FROM claims c JOIN lineage l ON c.id = l.id WHERE c.previous_id IS NOT NULL
             )
             SELECT {REVIEW_COLUMNS}
             FROM reviews v
             JOIN claims c ON c.id = v.claim_id
             JOIN revisions r ON r.id = c.revision_id
             WHERE v.claim_id IN (SELECT id FROM lineage)
             ORDER BY v.id"
        ))?;
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
                    Some(carried_uid(tx, "carried", &last.uid, link.new_id)?),
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
                    Some(carried_uid(tx, "recheck", &last.uid, link.new_id)?),
                )?;
                out.rechecked += 1;
            }
        }
    }
    Ok(out)
}

/// The global id of an entry carried (or reset to re-check) from the entry
/// `from` to claim `claim`: derived from both, with the claim named by its
/// revision's text, date and place, so every replica derives the same.
pub(super) fn carried_uid(
    tx: &Transaction,
    how: &str,
    from: &str,
    claim: ClaimId,
) -> Result<String, StoreError> {
    let (hash, published, idx): (String, Option<String>, i64) = tx
        .prepare_cached(
            "SELECT r.content_hash, r.published, c.idx FROM claims c JOIN revisions r ON r.id = c.revision_id WHERE c.id = ?1",
        )?
        .query_row([claim], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(derived_uid(&[
        how,
        from,
        &hash,
        published.as_deref().unwrap_or(""),
        &idx.to_string(),
    ]))
}

impl Store {
    /// The claims whose verdicts conflict, read from the claims with two
    /// verdicts or more, so the cost follows the verdicts given.
    pub fn verdict_conflicts(&self) -> Result<Vec<super::StoredClaim>, StoreError> {
        let ids: Vec<ClaimId> = self
            .conn
            .prepare_cached("SELECT claim_id FROM reviews GROUP BY claim_id HAVING count(*) > 1")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut out = Vec::new();
        for id in ids {
            if self.conflict(id)?.len() < 2 {
                continue;
            }
            match self.claim(id) {
                Ok(c) => out.push(c),
                // Not readable now (a pending import's): left out.
                Err(StoreError::NoClaim(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }

    /// The verdicts of claim `claim` that do not know each other: the heads
    /// of its history when there are two or more (a conflict), else
    /// nothing. A verdict written after seeing them all resolves it.
    pub fn conflict(&self, claim: ClaimId) -> Result<Vec<Review>, StoreError> {
        let heads: Vec<String> = self
            .conn
            .prepare_cached(HEADS)?
            .query_map([claim], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if heads.len() < 2 {
            return Ok(Vec::new());
        }
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {REVIEW_COLUMNS} FROM reviews v JOIN claims c ON c.id = v.claim_id
             JOIN revisions r ON r.id = c.revision_id WHERE v.uid = ?1"
        ))?;
        let mut out = Vec::new();
        for uid in heads {
            out.push(st.query_row([uid], |r| review_from_row(r, 0))?);
        }
        Ok(out)
    }
}
