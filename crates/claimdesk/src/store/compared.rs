//! Comparing two stored revisions of an article: the one place that reads
//! both revisions with their stored sentences and claims, runs the core
//! comparison on them and ties each claim difference to the stored claims
//! (ids and current verdicts). The command line's `compare` and the
//! desktop app's Compare view both call it.

use super::{ArticleId, Revision, Store, StoreError, StoredClaim};
use crate::compare::{ClaimDiff, Comparison, compare_extracted};
use crate::extract::Extraction;
use crate::store::ClaimFilter;

/// Two stored revisions of one article and their comparison.
#[derive(Debug, Clone)]
pub struct StoredComparison {
    pub article: ArticleId,
    pub old: Revision,
    pub new: Revision,
    pub old_claims: Vec<StoredClaim>,
    pub new_claims: Vec<StoredClaim>,
    pub comparison: Comparison,
}

/// A claim difference with the stored claims on either side.
#[derive(Debug, Clone, Copy)]
pub struct StoredClaimDiff<'a> {
    pub diff: &'a ClaimDiff,
    pub old: Option<&'a StoredClaim>,
    pub new: Option<&'a StoredClaim>,
}

fn extraction(rev: &Revision, claims: &[StoredClaim]) -> Extraction {
    Extraction {
        published: rev.info.published,
        sentences: rev.sentences.clone(),
        claims: claims.iter().map(|c| c.claim.clone()).collect(),
    }
}

impl Store {
    /// Compares revisions `from` and `to` of `article` on the sentences
    /// and claims the store kept (nothing is extracted again).
    pub fn compare_revisions(
        &self,
        article: ArticleId,
        from: u32,
        to: u32,
    ) -> Result<StoredComparison, StoreError> {
        let old = self.revision(article, Some(from))?;
        let new = self.revision(article, Some(to))?;
        let old_claims = self.claims(article, Some(from), ClaimFilter::default())?;
        let new_claims = self.claims(article, Some(to), ClaimFilter::default())?;
        let comparison = compare_extracted(
            &old.text,
            &extraction(&old, &old_claims),
            &new.text,
            &extraction(&new, &new_claims),
        );
        Ok(StoredComparison {
            article,
            old,
            new,
            old_claims,
            new_claims,
            comparison,
        })
    }

    /// The revisions to compare when the user named at most one: `to`
    /// defaults to the latest, `from` to the one before `to`.
    pub fn revisions_to_compare(
        &self,
        article: ArticleId,
        from: Option<u32>,
        to: Option<u32>,
    ) -> Result<(u32, u32), StoreError> {
        let numbers: Vec<u32> = self.revisions(article)?.iter().map(|r| r.number).collect();
        let to = match to {
            Some(n) => n,
            None => numbers.last().copied().unwrap_or(1),
        };
        let from = match from {
            Some(n) => n,
            None => numbers
                .iter()
                .rev()
                .copied()
                .find(|&n| n < to)
                .ok_or_else(|| {
                    StoreError::Invalid(format!(
                        "article {article} has no revision before {to} to compare with; name the earlier one"
                    ))
                })?,
        };
        Ok((from, to))
    }
}

impl StoredComparison {
    /// Every claim difference, with the stored claims it is about.
    pub fn claims(&self) -> Vec<StoredClaimDiff<'_>> {
        self.comparison
            .claims
            .iter()
            .map(|d| StoredClaimDiff {
                diff: d,
                old: d.old_index.and_then(|i| self.old_claims.get(i)),
                new: d.new_index.and_then(|j| self.new_claims.get(j)),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::ClaimChange;
    use crate::load::{Overrides, from_text};
    use crate::store::Target;

    #[test]
    fn stored_claims_are_tied_to_their_differences() {
        let mut s = Store::open_in_memory().expect("store");
        let v1 = "Pier report\n\nThe harbour board met on 3 March 2025 in Port Vell.\n";
        let v2 = "Pier report\n\nThe harbour board met on 4 March 2025 in Port Vell.\n";
        let a = s
            .add(
                &from_text(v1.into(), &Overrides::default()).expect("v1"),
                Target::Auto,
            )
            .expect("add");
        s.add(
            &from_text(v2.into(), &Overrides::default()).expect("v2"),
            Target::Article(a.article_id),
        )
        .expect("add v2");
        assert_eq!(
            s.revisions_to_compare(a.article_id, None, None)
                .expect("range"),
            (1, 2)
        );
        assert!(s.revisions_to_compare(a.article_id, None, Some(1)).is_err());
        let c = s.compare_revisions(a.article_id, 1, 2).expect("compare");
        let date = c
            .claims()
            .into_iter()
            .find(|d| d.old.is_some_and(|o| o.claim.text.contains("3 March")))
            .expect("the date claim");
        assert_eq!(date.diff.status, ClaimChange::Changed);
        assert_eq!(date.new.map(|n| n.revision), Some(2));
        assert!(date.old.is_some_and(|o| o.revision == 1));
    }
}
