//! Builds a [`ReportInput`] from the claim store: one stored revision of an
//! article with its claims, their evidence sentences, verdicts and review
//! histories, and what changed since the revision before. Uses only the
//! store's public API.

use super::input::{
    ArticleInfo, ClaimDelta, ClaimEntry, Evidence, Filter, Organization, PreviousRevision,
    RemovedClaim, ReportInput, Review,
};
use crate::compare::align_claims;
use crate::load::SourceKind;
use crate::model::{Claim, Sentence};
use crate::store::{self, ClaimFilter, Revision, RevisionInfo, Store, StoreError, StoredClaim};
use chrono::{DateTime, Utc};

/// The report input for revision `revision` (the latest when `None`) of the
/// article `article` (an id, bulk id or URL, as the CLI takes it).
pub fn from_store(
    store: &Store,
    article: &str,
    revision: Option<u32>,
    generated_at: DateTime<Utc>,
) -> Result<ReportInput, StoreError> {
    let id = store.resolve_article(article)?;
    let infos = store.revisions(id)?;
    let rev = store.revision(id, revision)?;
    let number = rev.info.number;
    let claims = store.claims(id, Some(number), ClaimFilter::default())?;

    // What changed since the revision before, aligned the way the store
    // aligned them when it carried verdicts over.
    let previous = match number.checked_sub(1).filter(|n| *n >= 1) {
        Some(p) => Some(store.claims(id, Some(p), ClaimFilter::default())?),
        None => None,
    };
    let mut deltas: Vec<Option<ClaimDelta>> = vec![None; claims.len()];
    let mut removed = Vec::new();
    if let Some(old) = &previous {
        let old_claims: Vec<Claim> = old.iter().map(|c| c.claim.clone()).collect();
        let new_claims: Vec<Claim> = claims.iter().map(|c| c.claim.clone()).collect();
        for a in align_claims(&old_claims, &new_claims) {
            match (a.old, a.new) {
                (_, Some(n)) => {
                    if let Some(slot) = deltas.get_mut(n) {
                        *slot = Some(ClaimDelta {
                            change: a.status,
                            fields: a.fields,
                        });
                    }
                }
                (Some(o), None) => {
                    if let Some(c) = old.get(o) {
                        removed.push(RemovedClaim {
                            claim: c.claim.clone(),
                            status: c.status,
                        });
                    }
                }
                (None, None) => {}
            }
        }
    }

    let mut entries = Vec::with_capacity(claims.len());
    for (c, change) in claims.iter().zip(deltas) {
        let history = store.history(c.id)?;
        let mut e = entry(&rev, c, &history, change);
        e.conflicting = store.conflict(c.id)?.iter().map(review).collect();
        entries.push(e);
    }
    Ok(ReportInput {
        article: article_info(&rev.info, &infos),
        claims: entries,
        previous: previous.map(|_| PreviousRevision {
            revision: number - 1,
            removed,
        }),
        desk: Organization::default(),
        report_url: None,
        generated_at,
        filter: Filter::default(),
    })
}

/// The article's header facts from the reported revision; its URL is the
/// one it was fetched from (this revision's, else the latest fetched one).
fn article_info(info: &RevisionInfo, all: &[RevisionInfo]) -> ArticleInfo {
    let is_url = |r: &RevisionInfo| r.source_kind == SourceKind::Url;
    let url = if is_url(info) {
        info.source.clone()
    } else {
        all.iter()
            .rev()
            .find(|r| is_url(r))
            .and_then(|r| r.source.clone())
    };
    ArticleInfo {
        title: info.title.clone(),
        source: info.source.clone().filter(|_| !is_url(info)),
        url,
        published: info.published,
        revision: info.number,
        byline: info.byline.clone(),
    }
}

fn entry(
    rev: &Revision,
    c: &StoredClaim,
    history: &[store::Review],
    change: Option<ClaimDelta>,
) -> ClaimEntry {
    let evidence = rev
        .sentences
        .get(c.claim.sentence)
        .and_then(|s| Evidence::locate(&rev.text, *s, &c.claim))
        .or_else(|| {
            // The sentence index does not hold the span: find the sentence
            // that does, else show the span alone.
            rev.sentences
                .iter()
                .find(|s| s.start <= c.claim.start && c.claim.end <= s.end)
                .and_then(|s| Evidence::locate(&rev.text, *s, &c.claim))
        })
        .unwrap_or_else(|| span_only(&c.claim));
    // Carried entries copy the verdict onto the new revision's claim; the
    // verdict itself (who, when, why) is the entry they copied.
    let shown: Vec<Review> = history
        .iter()
        .filter(|r| r.origin != store::ReviewOrigin::Carried)
        .map(review)
        .collect();
    let current = match shown.last() {
        Some(last) => Review {
            status: c.status,
            ..last.clone()
        },
        None => Review {
            status: c.status,
            ..Review::unreviewed()
        },
    };
    ClaimEntry {
        id: c.id,
        claim: c.claim.clone(),
        evidence,
        review: current,
        history: shown,
        change,
        conflicting: Vec::new(),
    }
}

fn span_only(c: &Claim) -> Evidence {
    Evidence::locate(
        &c.text,
        Sentence {
            start: 0,
            end: c.text.len(),
        },
        &Claim {
            start: 0,
            end: c.text.len(),
            ..c.clone()
        },
    )
    .unwrap_or(Evidence {
        sentence: c.text.clone(),
        span_start: 0,
        span_end: c.text.len(),
    })
}

fn review(r: &store::Review) -> Review {
    Review {
        status: r.status,
        note: r.note.clone(),
        sources: r.sources.clone(),
        reviewer: r.reviewer.clone(),
        reviewed_at: DateTime::parse_from_rfc3339(&r.at)
            .ok()
            .map(|t| t.with_timezone(&Utc)),
        revision: Some(r.revision),
    }
}

/// An article's current revision with its corrected claims as gold
/// annotations (`gold::gold_json`): what `claimdesk export-gold` and the
/// app's gold export write as `NAME.txt` and `NAME.gold.json`.
#[derive(Debug, Clone)]
pub struct GoldExport {
    pub text: String,
    pub gold: serde_json::Value,
    pub claims: usize,
    pub revision: u32,
}

/// The gold export of article `id` (its current revision, as corrected).
pub fn gold_from_store(
    store: &Store,
    id: crate::store::ArticleId,
) -> Result<GoldExport, StoreError> {
    let rev = store.revision(id, None)?;
    let claims = store.claims(id, None, ClaimFilter::default())?;
    let gold = super::gold::gold_json(
        &rev.text,
        rev.info.published,
        rev.info.source.as_deref(),
        claims.iter().map(|c| &c.claim),
    );
    Ok(GoldExport {
        text: rev.text,
        gold,
        claims: claims.len(),
        revision: rev.info.number,
    })
}
