//! Full-text search (SQLite FTS5) over article text and claims (as
//! corrected: `corrections_fts` holds each correction's text and fields),
//! and over the checkers' notes and sources (a plain scan: they are written
//! by hand, so few beside the articles).

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
        hits.extend(self.search_notes(query, limit)?);
        Ok(hits)
    }

    /// Claims whose current verdict's note or sources hold every word of
    /// `query` (case-insensitive), in the articles' current revisions.
    fn search_notes(&self, query: &str, limit: i64) -> Result<Vec<SearchHit>, StoreError> {
        let words: Vec<String> = query
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-' && c != '.' && c != '/')
            .map(|w| w.trim_matches(['\'', '-', '.', '/']).to_lowercase())
            .filter(|w| !w.is_empty())
            .take(8)
            .collect();
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let like = |w: &str| {
            let escaped = w
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            format!("%{escaped}%")
        };
        let conds: Vec<String> = (0..words.len())
            .map(|i| {
                format!(
                    "(lower(coalesce(v.note, '')) LIKE ?{n} ESCAPE '\\' OR lower(v.sources) LIKE ?{n} ESCAPE '\\')",
                    n = i + 2
                )
            })
            .collect();
        let sql = format!(
            "SELECT r.article_id, r.number, r.title, c.id, c.kind, coalesce(v.note, ''), v.sources
             FROM reviews v JOIN claims c ON c.id = v.claim_id
             JOIN revisions r ON r.id = c.revision_id
             WHERE v.id = (SELECT max(w.id) FROM reviews w WHERE w.claim_id = v.claim_id)
               AND {}
               AND {}
               AND r.number = (SELECT max(x.number) FROM revisions x WHERE x.article_id = r.article_id AND {})
             ORDER BY v.id DESC LIMIT ?1",
            conds.join(" AND "),
            super::corrections::not_dismissed("c"),
            published("x")
        );
        let mut st = self.conn.prepare(&sql)?;
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = vec![Box::new(limit)];
        args.extend(
            words
                .iter()
                .map(|w| Box::new(like(w)) as Box<dyn rusqlite::ToSql>),
        );
        let rows = st.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            let note: String = r.get(5)?;
            let sources: String = r.get(6)?;
            Ok(SearchHit {
                article_id: r.get(0)?,
                revision: r.get(1)?,
                title: r.get(2)?,
                claim_id: Some(r.get(3)?),
                kind: Some(r.get(4)?),
                snippet: note_snippet(&note, &sources, &words[0]),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// The note (or the sources, when the word is only there) around the
/// first place `word` occurs, with it marked `[like this]`.
fn note_snippet(note: &str, sources: &str, word: &str) -> String {
    let sources: Vec<String> = serde_json::from_str(sources).unwrap_or_default();
    let joined = sources.join(" ");
    let text = if note.to_lowercase().contains(word) {
        note
    } else {
        joined.as_str()
    };
    let lower = text.to_lowercase();
    // Lower-casing can change byte lengths; fall back to the text's start.
    let at = lower.find(word).filter(|&i| {
        lower.len() == text.len()
            && text.is_char_boundary(i)
            && text.is_char_boundary(i + word.len())
    });
    let label = if text == note { "note" } else { "sources" };
    match at {
        Some(i) => {
            let mut from = i.saturating_sub(60);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let mut to = (i + word.len() + 60).min(text.len());
            while !text.is_char_boundary(to) {
                to += 1;
            }
            format!(
                "{label}: {}{}[{}]{}{}",
                if from > 0 { "…" } else { "" },
                &text[from..i],
                &text[i..i + word.len()],
                &text[i + word.len()..to],
                if to < text.len() { "…" } else { "" }
            )
        }
        None => format!("{label}: {}", text.chars().take(120).collect::<String>()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn note_snippets_mark_the_word() {
        let check = |note: &str, sources: &str, word: &str, want: &str| {
            assert_eq!(super::note_snippet(note, sources, word), want, "{note}")
        };
        check(
            "Called the harbour clerk.",
            "[]",
            "clerk",
            "note: Called the harbour [clerk].",
        );
        check(
            "Checked.",
            r#"["https://example.org/minutes"]"#,
            "minutes",
            "sources: https://example.org/[minutes]",
        );
        check("Ärger im Hafen", "[]", "hafen", "note: Ärger im [Hafen]");
    }

    #[test]
    fn queries_are_neutralized() {
        assert_eq!(
            super::fts_query("pier OR \"council"),
            Some("\"pier\" \"OR\" \"council\"*".into())
        );
        assert_eq!(super::fts_query("  ** "), None);
    }
}
