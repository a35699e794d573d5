//! The claim store as the screens need it: library rows with search
//! snippets, an article revision with its claims and verdicts, a comparison
//! of two revisions laid out row by row. Plain functions over
//! [`claimdesk::store::Store`]; all the logic is the core's, this only
//! gathers and reshapes.

use crate::error::AppResult;
use crate::views::{
    ArticleView, ClaimPair, ClaimView, CompareRow, Comparison, Library, LibraryRow,
};
use claimdesk::Status;
use claimdesk::TimeValue;
use claimdesk::compare::runs;
use claimdesk::model::Placement;
use claimdesk::store::{ArticleId, ClaimFilter, Dismissed, Store, StoredClaim};

/// How many search hits are asked of the store.
const SEARCH_LIMIT: usize = 200;

/// The library, newest first; with a query, the articles the full-text
/// search finds (best first), each with the snippet of its first hit.
pub fn library(
    store: &Store,
    query: Option<&str>,
    verdict: Option<Status>,
    limit: usize,
) -> AppResult<Library> {
    let Some(q) = query.map(str::trim).filter(|q| !q.is_empty()) else {
        // Only the rows the page shows cross the bridge: a library of tens
        // of thousands of articles opens as fast as a small one.
        return Ok(Library {
            total: match verdict {
                Some(v) => store.count_with_verdict(v)?,
                None => store.article_count()?,
            },
            rows: store
                .newest_with_verdict(verdict, limit)?
                .into_iter()
                .map(|article| LibraryRow {
                    article,
                    snippet: None,
                })
                .collect(),
        });
    };
    let mut rows: Vec<LibraryRow> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for hit in store.search(q, SEARCH_LIMIT)? {
        if !seen.insert(hit.article_id) {
            continue;
        }
        if let Some(v) = verdict
            && !store.has_verdict(hit.article_id, v)?
        {
            continue;
        }
        rows.push(LibraryRow {
            article: store.article_summary(hit.article_id)?,
            snippet: Some(hit.snippet),
        });
    }
    Ok(Library {
        total: rows.len(),
        rows: rows.into_iter().take(limit).collect(),
    })
}

/// Whether claim `claim` has verdicts that conflict (only a team desk's
/// replicas can give it such).
pub fn verdict_conflict(store: &Store, claim: i64) -> AppResult<bool> {
    Ok(store.team()?.is_some() && store.conflict(claim)?.len() >= 2)
}

/// A stored claim as the UI shows it.
pub fn claim_view(c: StoredClaim) -> ClaimView {
    let (note, sources, origin) = match c.review {
        Some(r) => (r.note.unwrap_or_default(), r.sources, Some(r.origin)),
        None => (String::new(), Vec::new(), None),
    };
    let when = c.claim.calendar_value().and_then(Placement::of);
    let date_words = c
        .claim
        .date_value()
        .and_then(|v| TimeValue::parse(v).ok())
        .map(|v| v.words());
    ClaimView {
        id: c.id,
        when,
        date_words,
        added: c.added,
        edited: c.edited,
        dismissed: c.dismissed,
        dismiss_reason: c.dismiss_reason,
        claim: c.claim,
        status: c.status,
        note,
        sources,
        previous_id: c.previous_id,
        origin,
        verdict_conflict: false,
    }
}

/// One revision of an article (the latest when `number` is `None`).
pub fn open(store: &Store, article: ArticleId, number: Option<u32>) -> AppResult<ArticleView> {
    let rev = store.revision(article, number)?;
    let revisions = store.revisions(article)?;
    // Dismissed claims apart: every view reads `claims`; the article view
    // lists `dismissed` under a filter.
    let (dismissed, claims): (Vec<ClaimView>, Vec<ClaimView>) = store
        .claims(
            article,
            Some(rev.info.number),
            ClaimFilter {
                dismissed: Dismissed::Include,
                ..ClaimFilter::default()
            },
        )?
        .into_iter()
        .map(claim_view)
        .partition(|c| c.dismissed);
    let mut claims = claims;
    // On a team desk, claims whose verdicts conflict are marked.
    if store.team()?.is_some() {
        for c in &mut claims {
            c.verdict_conflict = store.conflict(c.id)?.len() >= 2;
        }
    }
    Ok(ArticleView {
        id: article,
        title: rev.info.title.clone(),
        revision: rev.info,
        revisions,
        text: rev.text,
        sentences: rev.sentences,
        claims,
        dismissed,
    })
}

/// The text between two byte offsets, or "" when they do not fit.
fn slice(text: &str, start: usize, end: usize) -> String {
    text.get(start..end).unwrap_or("").to_string()
}

/// Compares revisions `old` and `new` (numbers) of an article through the
/// core's stored comparison, laid out for the Compare view.
pub fn compare(store: &Store, article: ArticleId, old: u32, new: u32) -> AppResult<Comparison> {
    let c = store.compare_revisions(article, old, new)?;
    let (a, b) = (&c.old.text, &c.new.text);
    let rows = c
        .comparison
        .sentences
        .iter()
        .map(|s| CompareRow {
            flagged: s.status.is_flagged(),
            status: s.status,
            moved: s.moved,
            old: slice(a, s.old_start, s.old_end),
            new: slice(b, s.new_start, s.new_end),
            words: runs(s, a, b),
            reasons: s.reasons.clone(),
        })
        .collect();
    let claims = c
        .claims()
        .into_iter()
        .map(|d| ClaimPair {
            change: d.diff.status,
            old: d.old.cloned().map(claim_view),
            new: d.new.cloned().map(claim_view),
            fields: d.diff.fields.clone(),
        })
        .collect();
    Ok(Comparison {
        article,
        title: c.new.info.title.clone(),
        summary: c.comparison.summary(),
        old: c.old.info,
        new: c.new.info,
        rows,
        claims,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdesk::Status;
    use claimdesk::compare::RunKind;
    use claimdesk::load::{Overrides, from_text};
    use claimdesk::store::{ReviewInput, Target};

    const V1: &str = "Harbour board meets\n\nThe harbour board met on 3 March 2025 in Port Vell. Its chair, Ada Moss, opened the session.\n";
    const V2: &str = "Harbour board meets\n\nThe harbour board met on 4 March 2025 in Port Vell. Its chair, Ada Moss, opened the session.\n";

    fn store_with_two_revisions() -> (Store, ArticleId) {
        let mut s = Store::open_in_memory().unwrap();
        let d1 = from_text(V1.into(), &Overrides::default()).unwrap();
        let a = s.add(&d1, Target::Auto).unwrap();
        let d2 = from_text(V2.into(), &Overrides::default()).unwrap();
        s.add(&d2, Target::Article(a.article_id)).unwrap();
        (s, a.article_id)
    }

    #[test]
    fn open_gives_text_claims_and_revisions() {
        let (s, id) = store_with_two_revisions();
        let v = open(&s, id, Some(1)).unwrap();
        assert_eq!(v.title, "Harbour board meets");
        assert_eq!(v.revisions.len(), 2);
        assert_eq!(v.revision.number, 1);
        let date = v
            .claims
            .iter()
            .find(|c| c.claim.text.contains("3 March 2025"));
        assert!(date.is_some(), "{:?}", v.claims);
        // The core places it for the timeline: the UI parses no TimeML.
        let when = date.and_then(|c| c.when.as_ref());
        assert_eq!(
            when.map(|w| (w.start.to_string(), w.end.to_string(), w.precision)),
            Some((
                "2025-03-03".into(),
                "2025-03-03".into(),
                claimdesk::Precision::Day
            )),
        );
        // And reads in plain words, for the lists and the claim view.
        assert_eq!(
            date.and_then(|c| c.date_words.as_deref()),
            Some("Mon 3 Mar 2025")
        );
        assert!(open(&s, id, Some(9)).is_err());
    }

    #[test]
    fn comparison_flags_the_changed_date_and_keeps_the_rest() {
        let mut s = Store::open_in_memory().unwrap();
        let d1 = from_text(V1.into(), &Overrides::default()).unwrap();
        let id = s.add(&d1, Target::Auto).unwrap().article_id;
        let v1 = open(&s, id, Some(1)).unwrap();
        let moss = v1
            .claims
            .iter()
            .find(|c| c.claim.kind() != claimdesk::ClaimKind::Date);
        if let Some(m) = moss {
            let input = ReviewInput {
                status: Some(Status::Verified),
                ..Default::default()
            };
            s.review(m.id, &input).unwrap();
        }
        let d2 = from_text(V2.into(), &Overrides::default()).unwrap();
        s.add(&d2, Target::Article(id)).unwrap();
        let c = compare(&s, id, 1, 2).unwrap();
        let flagged: Vec<_> = c.rows.iter().filter(|r| r.flagged).collect();
        assert_eq!(flagged.len(), 1, "{:?}", c.rows);
        let ops: Vec<(RunKind, &str)> = flagged[0]
            .words
            .iter()
            .filter(|w| w.op != RunKind::Equal)
            .map(|w| (w.op, w.text.trim()))
            .collect();
        assert!(
            ops.iter()
                .any(|(op, t)| *op == RunKind::Delete && t.contains('3')),
            "{ops:?}"
        );
        assert!(
            ops.iter()
                .any(|(op, t)| *op == RunKind::Insert && t.contains('4')),
            "{ops:?}"
        );
        let side = |skip: RunKind| -> String {
            flagged[0]
                .words
                .iter()
                .filter(|w| w.op != skip)
                .map(|w| w.text.as_str())
                .collect()
        };
        assert_eq!(
            side(RunKind::Insert),
            flagged[0].old,
            "the old side, spaces included"
        );
        assert_eq!(
            side(RunKind::Delete),
            flagged[0].new,
            "the new side, spaces included"
        );
        let changed = c
            .claims
            .iter()
            .find(|p| p.change == claimdesk::compare::ClaimChange::Changed)
            .expect("the date claim changed");
        assert_eq!(
            changed.fields.first().map(|f| f.field.as_str()),
            Some("value")
        );
        if let Some(m) = moss {
            let kept = c
                .claims
                .iter()
                .find(|p| p.old.as_ref().is_some_and(|o| o.id == m.id))
                .and_then(|p| p.new.as_ref())
                .expect("the unchanged claim is in the new revision");
            assert_eq!(
                kept.status,
                Status::Verified,
                "its verdict was carried over"
            );
        }
    }

    #[test]
    fn search_rows_carry_snippets() {
        let (s, _) = store_with_two_revisions();
        let rows = library(&s, Some("Port Vell"), None, 10).unwrap().rows;
        assert_eq!(rows.len(), 1);
        assert!(rows[0].snippet.as_deref().unwrap_or("").contains('['));
        assert!(
            library(&s, Some("absentword"), None, 10)
                .unwrap()
                .rows
                .is_empty()
        );
        let all = library(&s, None, None, 10).unwrap();
        assert_eq!((all.rows.len(), all.total), (1, 1));
    }
}
