//! Contradictions across the archive: the rules of `archive::rules` run
//! over the claims of the current revisions (all of them, or only what can
//! disagree with some claims: their people's claims, the other holders of
//! their one-holder posts, quotes that share their words), and the
//! dismissals people record, kept as append-only events.

use super::matches::Match;
use super::people::{INDEXED_SELECT, Identities, IndexedClaim, current, indexed_from_row};
use super::{ArticleId, ClaimId, Store, StoreError, now};
use crate::archive::rules::{Conflict, Fact, Rule, find_conflicts};
use crate::lexical::cues;
use crate::model::{ClaimFields, word_key};
use rusqlite::params;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A recorded dismissal of a conflict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dismissal {
    pub id: i64,
    pub uid: String,
    pub conflict: String,
    pub by: String,
    pub at: String,
    pub note: String,
}

/// A conflict found in the archive, with its dismissal if someone
/// dismissed it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArchiveConflict {
    #[serde(flatten)]
    pub conflict: Conflict,
    pub dismissed: Option<Dismissal>,
}

/// What adding an article brings up: for each of its claims, the earlier
/// claims that state the same fact or may be related, and the conflicts
/// its claims are part of.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleCheck {
    pub article_id: ArticleId,
    pub matches: Vec<(ClaimId, Vec<Match>)>,
    pub conflicts: Vec<ArchiveConflict>,
}

/// Quotes that share words with a quote, looked at for "quote speakers
/// disagree".
const QUOTE_CANDIDATES: i64 = 60;

impl Store {
    /// The dismissals, latest per conflict.
    fn dismissals(&self) -> Result<BTreeMap<String, Dismissal>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, uid, conflict, by, at, note FROM conflict_dismissals ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(Dismissal {
                id: r.get(0)?,
                uid: r.get(1)?,
                conflict: r.get(2)?,
                by: r.get(3)?,
                at: r.get(4)?,
                note: r.get(5)?,
            })
        })?;
        let mut out = BTreeMap::new();
        for d in rows {
            let d = d?;
            out.insert(d.conflict.clone(), d);
        }
        Ok(out)
    }

    /// The name a dismissal keeps for a conflict: its rule and, for each
    /// claim, its article (by the content hash of the article's first
    /// revision, the same on every replica) and the claim's stable key.
    /// An unchanged claim keeps its key in a new revision, so a dismissed
    /// conflict stays dismissed when the article is revised; a changed
    /// claim has a new key, and the conflict is shown again.
    fn durable_key(&self, rule: Rule, claims: &[ClaimId]) -> Result<String, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT (SELECT f.content_hash FROM revisions f WHERE f.article_id = r.article_id
                     ORDER BY f.number LIMIT 1), c.key
             FROM claims c JOIN revisions r ON r.id = c.revision_id WHERE c.id = ?1",
        )?;
        let mut parts = Vec::with_capacity(claims.len());
        for id in claims {
            let (article, key): (String, String) =
                st.query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            parts.push(format!("{}/{key}", article.get(..16).unwrap_or(&article)));
        }
        parts.sort();
        Ok(format!("{}|{}", rule.as_str(), parts.join("|")))
    }

    fn with_dismissals(
        &self,
        found: Vec<Conflict>,
        include_dismissed: bool,
    ) -> Result<Vec<ArchiveConflict>, StoreError> {
        let dismissed = self.dismissals()?;
        let mut out = Vec::with_capacity(found.len());
        for c in found {
            let durable = self.durable_key(c.rule, &c.claim_ids)?;
            let d = dismissed
                .get(&durable)
                .or_else(|| dismissed.get(&c.id))
                .cloned();
            if include_dismissed || d.is_none() {
                out.push(ArchiveConflict {
                    dismissed: d,
                    conflict: c,
                });
            }
        }
        Ok(out)
    }

    /// The conflicts of the whole archive, or those about one person (a
    /// NAME or ID as `claimdesk person` takes it). Dismissed conflicts are
    /// left out unless `include_dismissed`.
    pub fn conflicts(
        &self,
        person: Option<&str>,
        include_dismissed: bool,
    ) -> Result<Vec<ArchiveConflict>, StoreError> {
        let ids = self.identities()?;
        let found = match person {
            None => {
                let facts: Vec<Fact> = self.indexed_all()?.iter().map(|c| c.fact(&ids)).collect();
                find_conflicts(&facts, &ids)
            }
            Some(spec) => {
                let identity = self.find_person(spec)?;
                let seeds: Vec<IndexedClaim> = self
                    .indexed_by_keys(ids.source_keys(&identity).iter().map(String::as_str))?
                    .into_iter()
                    .filter(|c| ids.resolve(&c.key, c.article_id) == identity)
                    .collect();
                self.conflicts_touching(&seeds, &ids)?
                    .into_iter()
                    .filter(|c| c.people.contains(&identity))
                    .collect()
            }
        };
        self.with_dismissals(found, include_dismissed)
    }

    /// The indexed claims of the current revisions among `claims`.
    fn indexed_by_ids(&self, claims: &[ClaimId]) -> Result<Vec<IndexedClaim>, StoreError> {
        let mut st = self.conn.prepare_cached(&format!(
            "{INDEXED_SELECT} WHERE p.claim_id = ?1 AND {}",
            current("r")
        ))?;
        let mut out = Vec::new();
        for &id in claims {
            for row in st.query_map([id], indexed_from_row)? {
                out.extend(row?);
            }
        }
        Ok(out)
    }

    /// The conflicts that involve one of `seeds`, found among the claims
    /// that can disagree with them.
    fn conflicts_touching(
        &self,
        seeds: &[IndexedClaim],
        ids: &Identities,
    ) -> Result<Vec<Conflict>, StoreError> {
        if seeds.is_empty() {
            return Ok(Vec::new());
        }
        let seed_ids: BTreeSet<ClaimId> = seeds.iter().map(|c| c.id).collect();
        let mut keys: BTreeSet<String> = BTreeSet::new();
        for c in seeds {
            keys.extend(ids.source_keys(&ids.resolve(&c.key, c.article_id)));
        }
        let mut pool: BTreeMap<ClaimId, IndexedClaim> = BTreeMap::new();
        // Other holders of the seeds' posts (whose departures matter too)
        // and quotes like the seeds' (which matter alone).
        let mut holders: BTreeSet<ClaimId> = BTreeSet::new();
        let mut quotes: BTreeSet<ClaimId> = BTreeSet::new();
        // Other holders of the seeds' one-holder posts.
        {
            let mut st = self.conn.prepare_cached(
                "SELECT post_key FROM claim_people WHERE claim_id = ?1 AND post_key IS NOT NULL",
            )?;
            let mut posts = BTreeSet::new();
            for c in seeds
                .iter()
                .filter(|c| matches!(c.fields, ClaimFields::Role { .. }))
            {
                if let Ok(p) = st.query_row([c.id], |r| r.get::<_, String>(0)) {
                    posts.insert(p);
                }
            }
            let mut st = self
                .conn
                .prepare_cached("SELECT claim_id FROM claim_people WHERE post_key = ?1")?;
            for p in posts {
                for id in st.query_map([p], |r| r.get::<_, ClaimId>(0))? {
                    holders.insert(id?);
                }
            }
        }
        // Quotes that share words with the seeds' quotes.
        {
            let mut st = self.conn.prepare_cached(
                "WITH top AS (
                     SELECT rowid AS id FROM claims_fts WHERE claims_fts MATCH ?1 ORDER BY rank LIMIT ?2
                 )
                 SELECT c.id FROM top JOIN claims c ON c.id = top.id WHERE c.kind = 'quote'",
            )?;
            for c in seeds {
                let ClaimFields::Quote { quote, .. } = &c.fields else {
                    continue;
                };
                let words: BTreeSet<String> = word_key(quote)
                    .split(' ')
                    .filter(|w| w.len() > 1 && !cues::is_stop(w))
                    .map(str::to_string)
                    .collect();
                let Some(q) = self.rare_words_query(&words)? else {
                    continue;
                };
                for id in st.query_map(params![q, QUOTE_CANDIDATES], |r| r.get::<_, ClaimId>(0))? {
                    quotes.insert(id?);
                }
            }
        }
        let holders: Vec<ClaimId> = holders.into_iter().collect();
        for c in self.indexed_by_ids(&holders)? {
            keys.insert(c.key.clone());
            pool.insert(c.id, c);
        }
        let quotes: Vec<ClaimId> = quotes.into_iter().collect();
        for c in self.indexed_by_ids(&quotes)? {
            pool.insert(c.id, c);
        }
        for c in self.indexed_by_keys(keys.iter().map(String::as_str))? {
            pool.insert(c.id, c);
        }
        for c in seeds {
            pool.entry(c.id).or_insert_with(|| IndexedClaim {
                id: c.id,
                article_id: c.article_id,
                published: c.published,
                key: c.key.clone(),
                text: c.text.clone(),
                fields: c.fields.clone(),
                title: c.title.clone(),
                status: c.status,
                before: c.before.clone(),
            });
        }
        let facts: Vec<Fact> = pool.values().map(|c| c.fact(ids)).collect();
        Ok(find_conflicts(&facts, ids)
            .into_iter()
            .filter(|c| c.claim_ids.iter().any(|id| seed_ids.contains(id)))
            .collect())
    }

    /// The conflicts that involve some of `claims`.
    pub fn conflicts_of_claims(
        &self,
        claims: &[ClaimId],
        include_dismissed: bool,
    ) -> Result<Vec<ArchiveConflict>, StoreError> {
        let ids = self.identities()?;
        let seeds = self.indexed_by_ids(claims)?;
        let found = self.conflicts_touching(&seeds, &ids)?;
        self.with_dismissals(found, include_dismissed)
    }

    /// What the archive says about an article's current claims: matches
    /// and suggestions for each, and the conflicts they are part of. This
    /// is the check run when an article is added.
    pub fn check_article(&self, article: ArticleId) -> Result<ArticleCheck, StoreError> {
        let claims = self.claims(article, None, Default::default())?;
        let mut matches = Vec::new();
        for c in &claims {
            let m = self.matches(c.id)?;
            if !m.is_empty() {
                matches.push((c.id, m));
            }
        }
        let ids: Vec<ClaimId> = claims.iter().map(|c| c.id).collect();
        let conflicts = self.conflicts_of_claims(&ids, false)?;
        Ok(ArticleCheck {
            article_id: article,
            matches,
            conflicts,
        })
    }

    /// Dismisses a conflict found now (by its id, as listed) with a note;
    /// the dismissal is kept as an event and the conflict is no longer
    /// listed unless dismissed ones are asked for.
    pub fn dismiss_conflict(
        &mut self,
        conflict: &str,
        note: &str,
        by: &str,
    ) -> Result<Dismissal, StoreError> {
        let (note, by) = (note.trim(), by.trim());
        if note.is_empty() || by.is_empty() {
            return Err(StoreError::Invalid(
                "a dismissal needs a note and the name of who dismisses it".into(),
            ));
        }
        let claims: Vec<ClaimId> = conflict
            .split_once(':')
            .map(|(_, ids)| {
                ids.split('-')
                    .filter_map(|s| s.trim().parse().ok())
                    .collect()
            })
            .unwrap_or_default();
        let found = self
            .conflicts_of_claims(&claims, true)?
            .into_iter()
            .find(|c| c.conflict.id == conflict)
            .ok_or_else(|| {
                StoreError::Invalid(format!(
                    "no conflict {conflict:?} in the archive now (ids look like {}:12-40; `claimdesk conflicts` lists them)",
                    Rule::ExclusiveRole
                ))
            })?;
        let durable = self.durable_key(found.conflict.rule, &found.conflict.claim_ids)?;
        let tx = self.begin()?;
        tx.execute(
            "INSERT INTO conflict_dismissals (uid, conflict, rule, claim_ids, by, at, note)
             VALUES (lower(hex(randomblob(16))), ?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                durable,
                found.conflict.rule.as_str(),
                serde_json::to_string(&found.conflict.claim_ids)?,
                by,
                now(),
                note
            ],
        )?;
        tx.commit()?;
        self.dismissals()?
            .remove(&durable)
            .ok_or_else(|| StoreError::Invalid("the dismissal was not read back".into()))
    }
}
