//! Full-text search (SQLite FTS5) over article text and claims (as
//! corrected: `corrections_fts` holds each correction's text and fields).

use super::{ArticleId, ClaimId, Store, StoreError, published};
use serde::Serialize;

/// One search result: an article revision or a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub article_id: ArticleId,
    pub revision: u32,
    pub title: String,
    /// Set when the hit is a claim.
    pub claim_id: Option<ClaimId>,
    pub kind: Option<String>,
    /// The matching words in context, marked with [ ].
    pub snippet: String,
}

/// Turns what a person types into an FTS5 query: every word must appear
/// (prefix match on the last one); FTS syntax characters are neutralized.
fn fts_query(q: &str) -> Option<String> {
    let words: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .map(|w| w.trim_matches(['\'', '-']))
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut s = words.join(" ");
    s.push('*');
    Some(s)
}

impl Store {
    /// Articles (latest matching revision of each) and claims matching
    /// `query`, best first, at most `limit` of each.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let Some(q) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let limit = limit.min(10_000) as i64;
        let mut hits = Vec::new();
        // Best match first; each article once (its best-matching revision).
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT r.article_id, r.number, r.title, snippet(revisions_fts, 1, '[', ']', '…', 12)
             FROM revisions_fts JOIN revisions r ON r.id = revisions_fts.rowid
             WHERE revisions_fts MATCH ?1 AND {}
             ORDER BY revisions_fts.rank, r.number DESC LIMIT ?2",
            published("r")
        ))?;
        let rows = st.query_map(rusqlite::params![q, limit.saturating_mul(4)], |r| {
            Ok(SearchHit {
                article_id: r.get(0)?,
                revision: r.get(1)?,
                title: r.get(2)?,
                claim_id: None,
                kind: None,
                snippet: r.get(3)?,
            })
        })?;
        for h in rows {
            let h = h?;
            if hits.len() < limit as usize
                && !hits
                    .iter()
                    .any(|x: &SearchHit| x.article_id == h.article_id)
            {
                hits.push(h);
            }
        }
        // Claims as they stand: the machine's where no checker corrected
        // them, else their latest correction's; dismissed ones left out.
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT * FROM (
               SELECT r.article_id, r.number, r.title, c.id, c.kind, c.text, claims_fts.rank AS rank
               FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid
               JOIN revisions r ON r.id = c.revision_id
               WHERE claims_fts MATCH ?1
                 AND NOT EXISTS (SELECT 1 FROM corrections k WHERE k.claim_id = c.id)
                 AND r.number = (SELECT max(x.number) FROM revisions x WHERE x.article_id = r.article_id AND {latest})
               UNION ALL
               SELECT r.article_id, r.number, r.title, c.id, c.kind, json_extract(k.after, '$.text'),
                      corrections_fts.rank AS rank
               FROM corrections_fts JOIN corrections k ON k.id = corrections_fts.rowid
               JOIN claims c ON c.id = k.claim_id
               JOIN revisions r ON r.id = c.revision_id
               WHERE corrections_fts MATCH ?1
                 AND k.id = (SELECT max(m.id) FROM corrections m WHERE m.claim_id = c.id)
                 AND NOT coalesce(json_extract(k.after, '$.dismissed'), 0)
                 AND r.number = (SELECT max(x.number) FROM revisions x WHERE x.article_id = r.article_id AND {latest})
             ) ORDER BY rank LIMIT ?2",
            latest = published("x")
        ))?;
        let rows = st.query_map(rusqlite::params![q, limit], |r| {
            Ok(SearchHit {
                article_id: r.get(0)?,
                revision: r.get(1)?,
                title: r.get(2)?,
                claim_id: Some(r.get(3)?),
                kind: Some(r.get(4)?),
                snippet: r.get(5)?,
            })
        })?;
        for h in rows {
            hits.push(h?);
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn queries_are_neutralized() {
        assert_eq!(
            super::fts_query("pier OR \"council"),
            Some("\"pier\" \"OR\" \"council\"*".into())
        );
        assert_eq!(super::fts_query("  ** "), None);
    }
}
