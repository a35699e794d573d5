//! The articles the app has open, kept in memory.
//!
//! Stand-in until the core's SQLite store lands: the same operations the
//! store offers (add a revision, list, open, review, history, search), so
//! the commands and the UI stay as they are when it is swapped in. Claims of
//! a new revision inherit the verdicts of the previous one through the
//! core's claim alignment: unchanged claims keep their review, changed ones
//! are marked for a re-check.

use crate::error::{AppError, AppResult};
use crate::views::{
    Added, ArticleSummary, ArticleView, ClaimPair, ClaimView, Comparison, ReviewEntry,
    RevisionInfo, WordRun,
};
use chrono::NaiveDate;
use claimdesk::compare::{ClaimChange, align_claims};
use claimdesk::{Claim, Status, extract};
use std::collections::HashMap;

struct Revision {
    info: RevisionInfo,
    text: String,
    sentences: Vec<claimdesk::Sentence>,
    claims: Vec<i64>,
}

struct Article {
    id: i64,
    title: String,
    revisions: Vec<Revision>,
}

struct ClaimRecord {
    claim: Claim,
    status: Status,
    note: String,
    sources: Vec<String>,
    history: Vec<ReviewEntry>,
}

/// Every article, revision and claim loaded in this session.
#[derive(Default)]
pub struct Desk {
    articles: Vec<Article>,
    claims: HashMap<i64, ClaimRecord>,
    next_id: i64,
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string()
}

/// A title from the text: its first non-empty line, shortened.
pub fn title_of(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("Untitled");
    let mut t: String = line.chars().take(120).collect();
    if line.chars().count() > 120 {
        t.push('…');
    }
    t
}

impl Desk {
    fn id(&mut self) -> i64 {
        self.next_id += 1;
        self.next_id
    }

    /// Adds `text` as a new revision of article `into`, else of the article
    /// titled `title` (a new article if none has that title).
    pub fn add(
        &mut self,
        into: Option<i64>,
        title: Option<&str>,
        text: &str,
        published: Option<NaiveDate>,
        source: &str,
    ) -> AppResult<Added> {
        if text.trim().is_empty() {
            return Err(AppError::invalid(
                "The article is empty: there is no text to check.",
            ));
        }
        let mut title = match title.map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => t.to_string(),
            None => title_of(text),
        };
        let ex = extract(text, published);
        let existing = match into {
            Some(id) => {
                let p = self.articles.iter().position(|a| a.id == id);
                let p =
                    p.ok_or_else(|| AppError::not_found(format!("There is no article {id}.")))?;
                title = self.articles[p].title.clone();
                Some(p)
            }
            None => self.articles.iter().position(|a| a.title == title),
        };
        let pos = match existing {
            Some(p) => p,
            None => {
                let id = self.id();
                self.articles.push(Article {
                    id,
                    title: title.clone(),
                    revisions: Vec::new(),
                });
                self.articles.len() - 1
            }
        };
        let previous: Option<Vec<i64>> = self.articles[pos]
            .revisions
            .last()
            .map(|r| r.claims.clone());
        let mut ids = Vec::with_capacity(ex.claims.len());
        for c in &ex.claims {
            let id = self.id();
            ids.push(id);
            self.claims.insert(
                id,
                ClaimRecord {
                    claim: c.clone(),
                    status: Status::Unreviewed,
                    note: String::new(),
                    sources: Vec::new(),
                    history: Vec::new(),
                },
            );
        }
        if let Some(prev) = previous {
            self.carry_verdicts(&prev, &ids);
        }
        let rev_id = self.id();
        let article = &mut self.articles[pos];
        let number = article.revisions.len() + 1;
        article.revisions.push(Revision {
            info: RevisionInfo {
                id: rev_id,
                number,
                added: now(),
                source: source.to_string(),
                published: published.map(|d| d.to_string()),
            },
            text: text.to_string(),
            sentences: ex.sentences,
            claims: ids,
        });
        Ok(Added {
            article: article.id,
            revision: rev_id,
            number,
            title,
            claims: ex.claims.len(),
        })
    }

    fn carry_verdicts(&mut self, old_ids: &[i64], new_ids: &[i64]) {
        let get = |ids: &[i64], m: &HashMap<i64, ClaimRecord>| -> Vec<Claim> {
            ids.iter()
                .filter_map(|i| m.get(i))
                .map(|r| r.claim.clone())
                .collect()
        };
        let old = get(old_ids, &self.claims);
        let new = get(new_ids, &self.claims);
        for a in align_claims(&old, &new) {
            let (Some(o), Some(n)) = (a.old, a.new) else {
                continue;
            };
            let (Some(&oid), Some(&nid)) = (old_ids.get(o), new_ids.get(n)) else {
                continue;
            };
            let Some(prev) = self.claims.get(&oid) else {
                continue;
            };
            if prev.status == Status::Unreviewed {
                continue;
            }
            let (status, note, sources, mut history) = (
                prev.status,
                prev.note.clone(),
                prev.sources.clone(),
                prev.history.clone(),
            );
            let status = match a.status {
                ClaimChange::Unchanged => status,
                _ => {
                    history.push(ReviewEntry {
                        status: Status::NeedsRecheck,
                        note: "The claim changed in a new revision.".into(),
                        sources: Vec::new(),
                        by: "claimdesk".into(),
                        at: now(),
                    });
                    Status::NeedsRecheck
                }
            };
            if let Some(rec) = self.claims.get_mut(&nid) {
                rec.status = status;
                rec.note = note;
                rec.sources = sources;
                rec.history = history;
            }
        }
    }

    fn summary(&self, a: &Article, snippet: Option<String>) -> ArticleSummary {
        let latest = a.revisions.last();
        let claims = latest.map(|r| r.claims.as_slice()).unwrap_or(&[]);
        let to_check = claims
            .iter()
            .filter_map(|id| self.claims.get(id))
            .filter(|c| matches!(c.status, Status::Unreviewed | Status::NeedsRecheck))
            .count();
        ArticleSummary {
            id: a.id,
            title: a.title.clone(),
            revisions: a.revisions.len(),
            claims: claims.len(),
            to_check,
            updated: latest.map(|r| r.info.added.clone()).unwrap_or_default(),
            snippet,
        }
    }

    /// The library, newest first; with a query, only articles whose title or
    /// text contains it (case-insensitive), with a snippet around the hit.
    pub fn list(&self, query: Option<&str>) -> Vec<ArticleSummary> {
        let q = query
            .map(|q| q.trim().to_lowercase())
            .filter(|q| !q.is_empty());
        let mut out: Vec<ArticleSummary> = self
            .articles
            .iter()
            .filter_map(|a| match &q {
                None => Some(self.summary(a, None)),
                Some(q) => {
                    let text = a.revisions.last().map(|r| r.text.as_str()).unwrap_or("");
                    let hit = snippet(text, q);
                    (a.title.to_lowercase().contains(q.as_str()) || hit.is_some())
                        .then(|| self.summary(a, hit))
                }
            })
            .collect();
        out.reverse();
        out
    }

    fn article(&self, id: i64) -> AppResult<&Article> {
        self.articles
            .iter()
            .find(|a| a.id == id)
            .ok_or_else(|| AppError::not_found(format!("There is no article {id}.")))
    }

    fn claim_view(&self, id: i64) -> Option<ClaimView> {
        self.claims.get(&id).map(|r| ClaimView {
            id,
            claim: r.claim.clone(),
            status: r.status,
            note: r.note.clone(),
            sources: r.sources.clone(),
        })
    }

    /// One revision of an article (the latest if `revision` is `None`).
    pub fn open(&self, article: i64, revision: Option<i64>) -> AppResult<ArticleView> {
        let a = self.article(article)?;
        let rev = match revision {
            None => a.revisions.last(),
            Some(r) => a.revisions.iter().find(|x| x.info.id == r),
        }
        .ok_or_else(|| AppError::not_found(format!("Article {article} has no such revision.")))?;
        Ok(ArticleView {
            id: a.id,
            title: a.title.clone(),
            revision: rev.info.clone(),
            revisions: a.revisions.iter().map(|r| r.info.clone()).collect(),
            text: rev.text.clone(),
            sentences: rev.sentences.clone(),
            claims: rev
                .claims
                .iter()
                .filter_map(|&id| self.claim_view(id))
                .collect(),
        })
    }

    /// Records a verdict on a claim.
    pub fn review(
        &mut self,
        claim: i64,
        status: Status,
        note: &str,
        sources: &[String],
        by: &str,
    ) -> AppResult<ClaimView> {
        let rec = self
            .claims
            .get_mut(&claim)
            .ok_or_else(|| AppError::not_found(format!("There is no claim {claim}.")))?;
        rec.status = status;
        rec.note = note.to_string();
        rec.sources = sources.to_vec();
        rec.history.push(ReviewEntry {
            status,
            note: note.to_string(),
            sources: sources.to_vec(),
            by: by.to_string(),
            at: now(),
        });
        self.claim_view(claim)
            .ok_or_else(|| AppError::not_found(format!("There is no claim {claim}.")))
    }

    /// Compares two revisions of an article: a word-level diff of the text
    /// and the core's claim alignment.
    pub fn compare(&self, article: i64, old: i64, new: i64) -> AppResult<Comparison> {
        let a = self.article(article)?;
        let rev = |id: i64| {
            a.revisions.iter().find(|r| r.info.id == id).ok_or_else(|| {
                AppError::not_found(format!("Article {article} has no revision {id}."))
            })
        };
        let (o, n) = (rev(old)?, rev(new)?);
        let views = |ids: &[i64]| -> Vec<ClaimView> {
            ids.iter().filter_map(|&i| self.claim_view(i)).collect()
        };
        let (ov, nv) = (views(&o.claims), views(&n.claims));
        let oc: Vec<Claim> = ov.iter().map(|c| c.claim.clone()).collect();
        let nc: Vec<Claim> = nv.iter().map(|c| c.claim.clone()).collect();
        let claims = align_claims(&oc, &nc)
            .into_iter()
            .map(|al| ClaimPair {
                change: al.status,
                old: al.old.and_then(|i| ov.get(i).cloned()),
                new: al.new.and_then(|i| nv.get(i).cloned()),
                fields: al.fields,
            })
            .collect();
        Ok(Comparison {
            article,
            title: a.title.clone(),
            old: o.info.clone(),
            new: n.info.clone(),
            words: word_diff(&o.text, &n.text),
            claims,
        })
    }

    /// Every verdict given on a claim, oldest first.
    pub fn history(&self, claim: i64) -> AppResult<Vec<ReviewEntry>> {
        self.claims
            .get(&claim)
            .map(|r| r.history.clone())
            .ok_or_else(|| AppError::not_found(format!("There is no claim {claim}.")))
    }
}

/// Word-level diff of two texts, adjacent runs of one kind merged.
pub fn word_diff(old: &str, new: &str) -> Vec<WordRun> {
    let diff = similar::TextDiff::from_words(old, new);
    let mut out: Vec<WordRun> = Vec::new();
    for ch in diff.iter_all_changes() {
        let op = match ch.tag() {
            similar::ChangeTag::Equal => "equal",
            similar::ChangeTag::Insert => "insert",
            similar::ChangeTag::Delete => "delete",
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(ch.value()),
            _ => out.push(WordRun {
                op,
                text: ch.value().to_string(),
            }),
        }
    }
    out
}

/// About 60 characters either side of the first case-insensitive hit of
/// `q` (already lowercase) in `text`.
fn snippet(text: &str, q: &str) -> Option<String> {
    let lower = text.to_lowercase();
    // Lowercasing can change byte lengths; map back through char positions.
    let at_lower = lower.find(q)?;
    let char_at = lower[..at_lower].chars().count();
    let chars: Vec<char> = text.chars().collect();
    let from = char_at.saturating_sub(60);
    let to = (char_at + q.chars().count() + 60).min(chars.len());
    let mut s: String = chars.get(from..to)?.iter().collect();
    s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = "Harbour board meets\n\nThe board met on 3 March 2025 in Port Vell.\n";
    const V2: &str = "Harbour board meets\n\nThe board met on 3 March 2025 in Port Vell. It meets again on 9 April 2025.\n";

    #[test]
    fn second_load_of_same_title_is_a_new_revision() {
        let mut d = Desk::default();
        let a = d.add(None, None, V1, None, "pasted text").unwrap();
        let b = d.add(None, None, V2, None, "pasted text").unwrap();
        assert_eq!(a.article, b.article);
        assert_eq!((a.number, b.number), (1, 2));
        let lib = d.list(None);
        assert_eq!(lib.len(), 1);
        assert_eq!(lib[0].revisions, 2);
    }

    #[test]
    fn unchanged_claims_keep_their_verdict() {
        let mut d = Desk::default();
        let a = d.add(None, None, V1, None, "t").unwrap();
        let v = d.open(a.article, None).unwrap();
        let first = v.claims.first().expect("the fixture has a date");
        d.review(first.id, Status::Verified, "minutes", &[], "me")
            .unwrap();
        d.add(None, None, V2, None, "t").unwrap();
        let v2 = d.open(a.article, None).unwrap();
        let same = v2
            .claims
            .iter()
            .find(|c| c.claim.text == first.claim.text)
            .unwrap();
        assert_eq!(same.status, Status::Verified);
        assert_eq!(same.note, "minutes");
        assert_eq!(d.list(None)[0].to_check, v2.claims.len() - 1);
    }

    #[test]
    fn empty_text_is_refused_and_unknown_ids_are_not_found() {
        let mut d = Desk::default();
        assert!(d.add(None, None, "  \n", None, "t").is_err());
        assert_eq!(
            d.open(9, None).unwrap_err().code,
            crate::error::ErrorCode::NotFound
        );
        assert!(d.history(9).is_err());
    }

    #[test]
    fn comparison_flags_the_new_date_and_diffs_words() {
        let mut d = Desk::default();
        let a = d.add(None, None, V1, None, "t").unwrap();
        let b = d.add(None, None, V2, None, "t").unwrap();
        let c = d.compare(a.article, a.revision, b.revision).unwrap();
        assert!(
            c.words
                .iter()
                .any(|w| w.op == "insert" && w.text.contains("April"))
        );
        assert!(!c.words.iter().any(|w| w.op == "delete"));
        let added: Vec<_> = c
            .claims
            .iter()
            .filter(|p| p.change == ClaimChange::Added)
            .collect();
        assert_eq!(added.len(), 1, "{:?}", c.claims);
        assert!(d.compare(a.article, a.revision, 999).is_err());
    }

    #[test]
    fn search_finds_text_and_gives_a_snippet() {
        let mut d = Desk::default();
        d.add(None, None, V1, None, "t").unwrap();
        d.add(None, Some("Other"), "Nothing to see.", None, "t")
            .unwrap();
        let hits = d.list(Some("PORT vell"));
        assert_eq!(hits.len(), 1);
        assert!(
            hits[0]
                .snippet
                .as_deref()
                .unwrap_or("")
                .contains("Port Vell")
        );
        assert_eq!(d.list(Some("absent")).len(), 0);
    }
}
