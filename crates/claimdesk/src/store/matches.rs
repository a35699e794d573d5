//! "Checked before?": for a claim, the claims of other articles that state
//! the same fact (a match: same person and kind with agreeing details, see
//! `archive::same_fact`) and, by full-text ranking (FTS5 BM25 over claim
//! text), those that may be related (a suggestion). A match's verdict can
//! be copied with one action; the copy is a history entry of its own kind,
//! recorded with where it came from in `copied_verdicts`.

use super::articles::is_verdict;
use super::people::current;
use super::reviews::{Review, ReviewOrigin, check_revision, insert_review};
use super::{ArticleId, ClaimId, Store, StoreError, now, published};
use crate::archive::same_fact::same_fact;
use crate::lexical::cues;
use crate::model::{ClaimKind, Status, word_key};
use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;
use std::collections::BTreeSet;

/// How sure a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchLevel {
    /// The same fact: the verdict applies.
    Match,
    /// Possibly related.
    Suggestion,
}

/// An earlier claim found for a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    pub claim_id: ClaimId,
    pub article_id: ArticleId,
    pub article_title: String,
    pub published: Option<NaiveDate>,
    pub level: MatchLevel,
    /// 1 for the same fact in every detail, 0.9 for agreeing details;
    /// below 0.9 for suggestions, by text ranking.
    pub score: f64,
    /// The current verdict of the claim found.
    pub verdict: Status,
    pub kind: ClaimKind,
    pub text: String,
}

/// Most suggestions listed for a claim.
const SUGGESTIONS: usize = 10;

/// The content words of a text: its word keys less stop words.
fn content_words(text: &str) -> BTreeSet<String> {
    word_key(text)
        .split(' ')
        .filter(|w| w.len() > 1 && !cues::is_stop(w))
        .map(str::to_string)
        .collect()
}

/// Most words a full-text candidate query holds.
const QUERY_WORDS: usize = 6;
/// A word in more claims than this says too little to find candidates by.
const COMMON_WORD: i64 = 2_000;

impl Store {
    /// An FTS5 query over the claims' text for the rarest of `words`
    /// (any of them), or None when every word is common. Ranking by BM25
    /// visits every claim that holds a query word, so common words would
    /// make the cost grow with the archive.
    pub(super) fn rare_words_query(
        &self,
        words: &BTreeSet<String>,
    ) -> Result<Option<String>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT doc FROM claims_fts_vocab WHERE term = ?1")?;
        let mut counted: Vec<(i64, &String)> = Vec::new();
        for w in words {
            let n: i64 = st.query_row([w], |r| r.get(0)).unwrap_or(0);
            if n <= COMMON_WORD {
                counted.push((n, w));
            }
        }
        counted.sort();
        counted.truncate(QUERY_WORDS);
        if counted.is_empty() {
            return Ok(None);
        }
        Ok(Some(format!(
            "text : ({})",
            counted
                .iter()
                .map(|(_, w)| format!("\"{}\"", w.replace('"', "")))
                .collect::<Vec<_>>()
                .join(" OR ")
        )))
    }

    /// The claims of other articles that state the same fact as `claim`
    /// (matches, best first), then those that may be related
    /// (suggestions). A date claim has neither.
    pub fn matches(&self, claim: ClaimId) -> Result<Vec<Match>, StoreError> {
        let target = self.claim(claim)?;
        let mut out: Vec<Match> = Vec::new();
        // A date alone states no fact about anyone: every article has a
        // "Tuesday".
        if target.claim.kind() == ClaimKind::Date {
            return Ok(out);
        }
        // Structured: the same person (after decisions) and kind.
        let key: Option<String> = self
            .conn
            .query_row(
                "SELECT person_key FROM claim_people WHERE claim_id = ?1",
                [claim],
                |r| r.get(0),
            )
            .ok();
        if let Some(key) = key {
            let ids = self.identities()?;
            let identity = ids.resolve(&key, target.article_id);
            let keys = ids.source_keys(&identity);
            for c in self.indexed_by_keys(keys.iter().map(String::as_str))? {
                if c.article_id == target.article_id
                    || ids.resolve(&c.key, c.article_id) != identity
                {
                    continue;
                }
                if let Some(score) = same_fact(&target.claim.fields, &c.fields) {
                    out.push(Match {
                        claim_id: c.id,
                        article_id: c.article_id,
                        article_title: c.title,
                        published: c.published,
                        level: MatchLevel::Match,
                        score,
                        verdict: c.status,
                        kind: c.fields.kind(),
                        text: c.text,
                    });
                }
            }
        }
        // Full text: BM25 over claim text, any of the content words.
        // The claim's words and its named fields (not its dates, which
        // every claim of the same year shares), in the claims' text.
        let mut text = target.claim.text.clone();
        for (k, v) in target.claim.fields.pairs() {
            if matches!(
                k,
                "person" | "speaker" | "role" | "org" | "event" | "place" | "quote"
            ) {
                text.push(' ');
                text.push_str(&v);
            }
        }
        let words = content_words(&text);
        if let Some(query) = self.rare_words_query(&words)? {
            // Rank in the full-text index alone, then read the best few:
            // a join before the limit would visit every matching claim.
            let mut st = self.conn.prepare_cached(&format!(
                "WITH top AS (
                     SELECT rowid AS id, bm25(claims_fts) AS score FROM claims_fts
                     WHERE claims_fts MATCH ?1 ORDER BY rank LIMIT ?3
                 )
                 SELECT c.id, r.article_id, r.title, r.published, c.kind, c.text, top.score,
                        (SELECT v.status FROM reviews v WHERE v.claim_id = c.id ORDER BY v.id DESC LIMIT 1)
                 FROM top JOIN claims c ON c.id = top.id
                 JOIN revisions r ON r.id = c.revision_id
                 WHERE r.article_id != ?2 AND {}
                 ORDER BY top.score",
                current("r")
            ))?;
            let rows = st.query_map(
                params![query, target.article_id, (SUGGESTIONS * 8) as i64],
                |r| {
                    Ok((
                        r.get::<_, ClaimId>(0)?,
                        r.get::<_, ArticleId>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, f64>(6)?,
                        r.get::<_, Option<String>>(7)?,
                    ))
                },
            )?;
            let mut suggestions = 0;
            for row in rows {
                let (id, article, title, published, kind, ctext, bm25, status) = row?;
                if suggestions >= SUGGESTIONS || out.iter().any(|m| m.claim_id == id) {
                    continue;
                }
                // At least a third of the shorter claim's content words shared.
                let theirs = content_words(&ctext);
                let mine = content_words(&target.claim.text);
                let shared = mine.intersection(&theirs).count();
                if shared * 3 < mine.len().min(theirs.len()).max(1) {
                    continue;
                }
                let s = -bm25;
                out.push(Match {
                    claim_id: id,
                    article_id: article,
                    article_title: title,
                    published: published
                        .and_then(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok()),
                    level: MatchLevel::Suggestion,
                    score: (0.89 * s / (s + 10.0)).clamp(0.0, 0.89),
                    verdict: status
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(Status::Unreviewed),
                    kind: kind.parse().unwrap_or(ClaimKind::Date),
                    text: ctext,
                });
                suggestions += 1;
            }
        }
        out.sort_by(|a, b| {
            a.level
                .cmp(&b.level)
                .then(b.score.total_cmp(&a.score))
                .then(a.claim_id.cmp(&b.claim_id))
        });
        Ok(out)
    }

    /// Copies the current verdict of claim `from` onto `claim`, as one
    /// history entry that says where it came from (and a row in
    /// `copied_verdicts`). `claim` must be in its article's current
    /// revision; `from` must have a verdict.
    pub fn copy_verdict(
        &mut self,
        claim: ClaimId,
        from: ClaimId,
        by: &str,
        note: Option<&str>,
    ) -> Result<Review, StoreError> {
        let by = by.trim();
        if by.is_empty() {
            return Err(StoreError::Invalid(
                "copying a verdict needs the name of who copies it".into(),
            ));
        }
        if claim == from {
            return Err(StoreError::Invalid(
                "a claim's verdict cannot be copied onto itself".into(),
            ));
        }
        let source = self.claim(from)?;
        let _ = self.claim(claim)?;
        let last = source
            .review
            .clone()
            .filter(|r| is_verdict(r.status))
            .ok_or_else(|| StoreError::Invalid(format!("claim {from} has no verdict to copy")))?;
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        let mut text = format!(
            "Verdict copied from claim {from} (article {}): {}",
            source.article_id,
            last.status.label()
        );
        if let Some(r) = &last.reviewer {
            text.push_str(&format!(" by {r}"));
        }
        if let Some(n) = &last.note {
            text.push_str(&format!(". Their note: {n}"));
        }
        if let Some(n) = note {
            text.push_str(&format!(". {n}"));
        }
        let tx = self.begin()?;
        let published_ok: i64 = tx.query_row(
            &format!(
                "SELECT count(*) FROM claims c JOIN revisions r ON r.id = c.revision_id
                 WHERE c.id IN (?1, ?2) AND {}",
                published("r")
            ),
            params![claim, from],
            |r| r.get(0),
        )?;
        if published_ok < 2 {
            return Err(StoreError::NoClaim(claim));
        }
        check_revision(&tx, claim, None)?;
        let review = insert_review(
            &tx,
            claim,
            last.status,
            Some(&text),
            &last.sources,
            Some(by),
            ReviewOrigin::Manual,
            // A copy is a checker's own verdict: a new global id.
            None,
        )?;
        tx.execute(
            "INSERT INTO copied_verdicts (uid, review_id, claim_id, from_claim, from_review, by, at, note)
             VALUES (lower(hex(randomblob(16))), ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![review, claim, from, last.id, by, now(), note],
        )?;
        tx.commit()?;
        self.claim(claim)?
            .review
            .ok_or_else(|| StoreError::Invalid("the copied verdict was not read back".into()))
    }

    /// The claim a history entry's verdict was copied from, if it was.
    pub fn copied_from(&self, review: i64) -> Result<Option<ClaimId>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT from_claim FROM copied_verdicts WHERE review_id = ?1",
                [review],
                |r| r.get(0),
            )
            .ok())
    }
}
