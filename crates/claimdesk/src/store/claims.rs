//! Reading claims back, with the current status derived from each claim's
//! latest review and the current state from its latest correction (see
//! `corrections.rs`): a read never sees the machine's version of a claim a
//! checker corrected.

use super::corrections::ClaimState;
use super::reviews::{Review, review_from_row};
use super::{ArticleId, ClaimId, Store, StoreError, StoredClaim};
use crate::model::{Claim, ClaimFields, ClaimKind, Status};
use rusqlite::{OptionalExtension, Row};

/// Which claims to list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClaimFilter {
    pub kind: Option<ClaimKind>,
    pub status: Option<Status>,
    pub dismissed: Dismissed,
}

/// Whether a list holds the claims dismissed as "not a claim".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Dismissed {
    /// Leave them out (every list, count and report does).
    #[default]
    Hide,
    /// Only them.
    Only,
    /// All claims, dismissed or not.
    Include,
}

/// Columns of a claim joined with its latest review (see `review_from_row`
/// for the review part, which starts at column 13) and its latest
/// correction's state (column 24; 25 says whether a checker added it).
pub(super) const CLAIM_SELECT: &str = "SELECT c.id, r.article_id, r.number, c.key, c.previous_id,
        c.start, c.end, c.text, c.sentence, c.confidence, c.fields, c.idx, c.revision_id,
        v.id, v.claim_id, v.status, v.note, v.sources, v.reviewer, v.at, v.origin, r.number, v.uid,
        (SELECT s.author FROM sync_ids s WHERE s.set_name = 'reviews' AND s.local_id = v.id),
        k.after, EXISTS (SELECT 1 FROM corrections a WHERE a.claim_id = c.id AND a.action = 'add')
    FROM claims c
    JOIN revisions r ON r.id = c.revision_id
    LEFT JOIN reviews v ON v.id = (SELECT max(id) FROM reviews WHERE claim_id = c.id)
    LEFT JOIN corrections k ON k.id = (SELECT max(id) FROM corrections WHERE claim_id = c.id)";

pub(super) fn claim_from_row(row: &Row) -> rusqlite::Result<StoredClaim> {
    let fields: String = row.get(10)?;
    let fields: ClaimFields = serde_json::from_str(&fields).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(10, rusqlite::types::Type::Text, Box::new(e))
    })?;
    let review: Option<Review> = match row.get::<_, Option<i64>>(13)? {
        Some(_) => Some(review_from_row(row, 13)?),
        None => None,
    };
    let machine = Claim {
        start: row.get(5)?,
        end: row.get(6)?,
        text: row.get(7)?,
        sentence: row.get(8)?,
        confidence: row.get::<_, f64>(9)? as f32,
        fields,
    };
    let added: bool = row.get(25)?;
    let state: Option<ClaimState> = match row.get::<_, Option<String>>(24)? {
        Some(after) => Some(serde_json::from_str(&after).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(24, rusqlite::types::Type::Text, Box::new(e))
        })?),
        None => None,
    };
    let (claim, machine, dismissed, dismiss_reason) = match state {
        None => (machine, None, false, None),
        Some(s) => (s.claim, Some(machine), s.dismissed, s.reason),
    };
    let edited = !added
        && machine.as_ref().is_some_and(|m| {
            (m.start, m.end, &m.fields) != (claim.start, claim.end, &claim.fields)
        });
    Ok(StoredClaim {
        id: row.get(0)?,
        article_id: row.get(1)?,
        revision: row.get(2)?,
        key: row.get(3)?,
        previous_id: row.get(4)?,
        status: review.as_ref().map_or(Status::Unreviewed, |r| r.status),
        review,
        added,
        edited,
        dismissed,
        dismiss_reason,
        machine,
        claim,
    })
}

impl Store {
    /// The claims of a revision (the latest when `revision` is `None`), in
    /// text order.
    pub fn claims(
        &self,
        article: ArticleId,
        revision: Option<u32>,
        filter: ClaimFilter,
    ) -> Result<Vec<StoredClaim>, StoreError> {
        let infos = self.revisions(article)?;
        let info = match revision {
            None => infos.last(),
            Some(n) => infos.iter().find(|r| r.number == n),
        }
        .ok_or(StoreError::NoRevision {
            article,
            revision: revision.unwrap_or(0),
        })?;
        let mut st = self.conn.prepare_cached(&format!(
            "{CLAIM_SELECT} WHERE c.revision_id = ?1 AND (?2 IS NULL OR c.kind = ?2) ORDER BY c.idx"
        ))?;
        let claims = st
            .query_map(
                rusqlite::params![info.id, filter.kind.map(|k| k.as_str())],
                claim_from_row,
            )?
            .collect::<Result<Vec<_>, _>>()?;
        let mut claims: Vec<StoredClaim> = claims
            .into_iter()
            .filter(|c| filter.status.is_none_or(|s| c.status == s))
            .filter(|c| match filter.dismissed {
                Dismissed::Hide => !c.dismissed,
                Dismissed::Only => c.dismissed,
                Dismissed::Include => true,
            })
            .collect();
        // Text order, corrected spans and added claims included.
        claims.sort_by_key(|c| (c.claim.start, c.claim.end));
        Ok(claims)
    }

    /// One claim by id.
    pub fn claim(&self, id: ClaimId) -> Result<StoredClaim, StoreError> {
        self.conn
            .prepare_cached(&format!(
                "{CLAIM_SELECT} WHERE c.id = ?1 AND {}",
                super::published("r")
            ))?
            .query_row([id], claim_from_row)
            .optional()?
            .ok_or(StoreError::NoClaim(id))
    }
}
