//! Reading claims back, with the current status derived from each claim's
//! latest review.

use super::reviews::{Review, review_from_row};
use super::{ArticleId, ClaimId, Store, StoreError, StoredClaim};
use crate::model::{Claim, ClaimFields, ClaimKind, Status};
use rusqlite::{OptionalExtension, Row};

/// Which claims to list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClaimFilter {
    pub kind: Option<ClaimKind>,
    pub status: Option<Status>,
}

/// Columns of a claim joined with its latest review (see `review_from_row`
/// for the review part, which starts at column 13).
pub(super) const CLAIM_SELECT: &str = "SELECT c.id, r.article_id, r.number, c.key, c.previous_id,
        c.start, c.end, c.text, c.sentence, c.confidence, c.fields, c.idx, c.revision_id,
        v.id, v.claim_id, v.status, v.note, v.sources, v.reviewer, v.at, v.origin, r.number, v.uid,
        (SELECT s.author FROM sync_ids s WHERE s.set_name = 'reviews' AND s.local_id = v.id)
    FROM claims c
    JOIN revisions r ON r.id = c.revision_id
    LEFT JOIN reviews v ON v.id = (SELECT max(id) FROM reviews WHERE claim_id = c.id)";

pub(super) fn claim_from_row(row: &Row) -> rusqlite::Result<StoredClaim> {
    let fields: String = row.get(10)?;
    let fields: ClaimFields = serde_json::from_str(&fields).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(10, rusqlite::types::Type::Text, Box::new(e))
    })?;
    let review: Option<Review> = match row.get::<_, Option<i64>>(13)? {
        Some(_) => Some(review_from_row(row, 13)?),
        None => None,
    };
    Ok(StoredClaim {
        id: row.get(0)?,
        article_id: row.get(1)?,
        revision: row.get(2)?,
        key: row.get(3)?,
        previous_id: row.get(4)?,
        status: review.as_ref().map_or(Status::Unreviewed, |r| r.status),
        review,
        claim: Claim {
            start: row.get(5)?,
            end: row.get(6)?,
            text: row.get(7)?,
            sentence: row.get(8)?,
            confidence: row.get::<_, f64>(9)? as f32,
            fields,
        },
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
        Ok(match filter.status {
            None => claims,
            Some(s) => claims.into_iter().filter(|c| c.status == s).collect(),
        })
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
