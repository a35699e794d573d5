//! The claim store as the screens need it: library rows with search
//! snippets, an article revision with its claims and verdicts, a comparison
//! of two revisions laid out row by row. Plain functions over
//! [`claimdesk::store::Store`]; all the logic is the core's, this only
//! gathers and reshapes.

use crate::error::AppResult;
use crate::views::{
    ArticleView, ClaimPair, ClaimView, CompareRow, Comparison, Library, LibraryRow, WordRun,
};
use claimdesk::compare::{WordOpKind, align_claims, compare_extracted};
use claimdesk::model::Placement;
use claimdesk::store::{ArticleId, ClaimFilter, Store, StoredClaim};
use claimdesk::{Claim, Extraction};

/// How many search hits are asked of the store.
const SEARCH_LIMIT: usize = 200;

/// The library, newest first; with a query, the articles the full-text
/// search finds (best first), each with the snippet of its first hit.
pub fn library(store: &Store, query: Option<&str>, limit: usize) -> AppResult<Library> {
    let Some(q) = query.map(str::trim).filter(|q| !q.is_empty()) else {
        // Only the rows the page shows cross the bridge: a library of tens
        // of thousands of articles opens as fast as a small one.
        return Ok(Library {
            total: store.article_count()?,
            rows: store
                .newest_articles(limit)?
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

/// A stored claim as the UI shows it.
pub fn claim_view(c: StoredClaim) -> ClaimView {
    let (note, sources, origin) = match c.review {
        Some(r) => (r.note.unwrap_or_default(), r.sources, Some(r.origin)),
        None => (String::new(), Vec::new(), None),
    };
    let when = c.claim.calendar_value().and_then(Placement::of);
    ClaimView {
        id: c.id,
        when,
        claim: c.claim,
        status: c.status,
        note,
        sources,
        previous_id: c.previous_id,
        origin,
    }
}

/// One revision of an article (the latest when `number` is `None`).
pub fn open(store: &Store, article: ArticleId, number: Option<u32>) -> AppResult<ArticleView> {
    let rev = store.revision(article, number)?;
    let revisions = store.revisions(article)?;
    let claims = store
        .claims(article, Some(rev.info.number), ClaimFilter::default())?
        .into_iter()
        .map(claim_view)
        .collect();
    Ok(ArticleView {
        id: article,
        title: rev.info.title.clone(),
        revision: rev.info,
        revisions,
        text: rev.text,
        sentences: rev.sentences,
        claims,
    })
}

/// The text between two byte offsets, or "" when they do not fit.
fn slice(text: &str, start: usize, end: usize) -> String {
    text.get(start..end).unwrap_or("").to_string()
}

/// Compares revisions `old` and `new` (numbers) of an article with the
/// core's comparison engine, on the extraction the store kept.
pub fn compare(store: &Store, article: ArticleId, old: u32, new: u32) -> AppResult<Comparison> {
    let a = open(store, article, Some(old))?;
    let b = open(store, article, Some(new))?;
    let extraction = |v: &ArticleView| Extraction {
        published: v.revision.published,
        sentences: v.sentences.clone(),
        claims: v.claims.iter().map(|c| c.claim.clone()).collect(),
    };
    let (ea, eb) = (extraction(&a), extraction(&b));
    let cmp = compare_extracted(&a.text, &ea, &b.text, &eb);
    let summary = cmp.summary();
    let rows = cmp
        .sentences
        .into_iter()
        .map(|s| {
            let mut words: Vec<WordRun> = Vec::new();
            let mut push = |op: &'static str, text: String| {
                if text.is_empty() {
                    return;
                }
                match words.last_mut() {
                    Some(last) if last.op == op => last.text.push_str(&text),
                    _ => words.push(WordRun { op, text }),
                }
            };
            // The ops cover words; the white space between them is in no op,
            // so it is taken from the text between one op and the next.
            let (mut at_old, mut at_new) = (s.old_start, s.new_start);
            for w in &s.words {
                let gap = if w.new_start > at_new {
                    slice(&b.text, at_new, w.new_start)
                } else {
                    slice(&a.text, at_old, w.old_start.max(at_old))
                };
                push("equal", gap);
                let old_text = || slice(&a.text, w.old_start, w.old_end);
                let new_text = || slice(&b.text, w.new_start, w.new_end);
                match w.op {
                    WordOpKind::Equal => push("equal", new_text()),
                    WordOpKind::Delete => push("delete", old_text()),
                    WordOpKind::Insert => push("insert", new_text()),
                    WordOpKind::Replace => {
                        push("delete", old_text());
                        push("insert", new_text());
                    }
                }
                at_old = at_old.max(w.old_end);
                at_new = at_new.max(w.new_end);
            }
            if !s.words.is_empty() {
                push("equal", slice(&b.text, at_new, s.new_end));
            }
            CompareRow {
                flagged: s.status.is_flagged(),
                status: s.status,
                moved: s.moved,
                old: slice(&a.text, s.old_start, s.old_end),
                new: slice(&b.text, s.new_start, s.new_end),
                words,
                reasons: s.reasons,
            }
        })
        .collect();
    let oc: Vec<Claim> = ea.claims;
    let nc: Vec<Claim> = eb.claims;
    let claims = align_claims(&oc, &nc)
        .into_iter()
        .map(|al| ClaimPair {
            change: al.status,
            old: al.old.and_then(|i| a.claims.get(i).cloned()),
            new: al.new.and_then(|i| b.claims.get(i).cloned()),
            fields: al.fields,
        })
        .collect();
    Ok(Comparison {
        article,
        title: b.title.clone(),
        old: a.revision,
        new: b.revision,
        rows,
        claims,
        summary,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdesk::Status;
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
        let ops: Vec<(&str, &str)> = flagged[0]
            .words
            .iter()
            .filter(|w| w.op != "equal")
            .map(|w| (w.op, w.text.trim()))
            .collect();
        assert!(
            ops.contains(&("delete", "3")) || ops.iter().any(|(_, t)| t.contains('3')),
            "{ops:?}"
        );
        assert!(
            ops.iter().any(|(op, t)| *op == "insert" && t.contains('4')),
            "{ops:?}"
        );
        let side = |skip: &str| -> String {
            flagged[0]
                .words
                .iter()
                .filter(|w| w.op != skip)
                .map(|w| w.text.as_str())
                .collect()
        };
        assert_eq!(
            side("insert"),
            flagged[0].old,
            "the old side, spaces included"
        );
        assert_eq!(
            side("delete"),
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
        let rows = library(&s, Some("Port Vell"), 10).unwrap().rows;
        assert_eq!(rows.len(), 1);
        assert!(rows[0].snippet.as_deref().unwrap_or("").contains('['));
        assert!(library(&s, Some("absentword"), 10).unwrap().rows.is_empty());
        let all = library(&s, None, 10).unwrap();
        assert_eq!((all.rows.len(), all.total), (1, 1));
    }
}
