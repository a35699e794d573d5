//! The report's input model: everything a claim report shows, gathered in one
//! value that is independent of the store, so every format renders from the
//! same facts and tests can build reports by hand.
//!
//! A [`ReportInput`] holds the article's header facts, one [`ClaimEntry`] per
//! claim of the reported revision (claim, evidence sentence, current review,
//! review history, change since the previous revision), the claims the
//! previous revision had and this one dropped, and who publishes the review.
//! Summaries are derived from it ([`super::summary`]), never stored, so they
//! cannot disagree with the claims listed.

use crate::compare::{ClaimChange, FieldChange};
use crate::model::{Claim, ClaimKind, Sentence, Status};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Everything one claim report shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportInput {
    pub article: ArticleInfo,
    /// The claims of the reported revision, in article order.
    pub claims: Vec<ClaimEntry>,
    /// The previous revision, when the reported one is not the first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousRevision>,
    /// The organization that reviews the claims (ClaimReview `author`).
    #[serde(default)]
    pub desk: Organization,
    /// Where this report is published. ClaimReview `url`s point at its claim
    /// anchors (`#claim-ID`); without it they point into the article's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_url: Option<String>,
    /// When the report was made.
    pub generated_at: DateTime<Utc>,
    /// The filter that narrowed the claims, shown so a reader knows the
    /// report is partial.
    #[serde(default, skip_serializing_if = "Filter::is_empty")]
    pub filter: Filter,
}

/// The article's header facts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleInfo {
    pub title: String,
    /// The file the article was read from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where the article is published, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// Revision number of the reported text, from 1.
    pub revision: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
}

/// One claim of the reported revision with everything said about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimEntry {
    /// Identifier of the claim, unique within the report (the store's id);
    /// used for anchors and review URLs.
    pub id: i64,
    pub claim: Claim,
    pub evidence: Evidence,
    /// The current verdict.
    pub review: Review,
    /// Every verdict given so far, oldest first (the current one last).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Review>,
    /// How the claim fared since the previous revision; `None` when there is
    /// no previous revision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<ClaimDelta>,
    /// Verdicts that do not know each other (a team desk's checkers judged
    /// the claim apart): empty unless they conflict. The report says so
    /// until a verdict that has seen them all settles it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicting: Vec<Review>,
}

/// The sentence a claim was found in, with the claim's span inside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub sentence: String,
    /// Byte offset of the claim's span within `sentence`.
    pub span_start: usize,
    /// Byte offset just past the span within `sentence`.
    pub span_end: usize,
}

impl Evidence {
    /// The evidence for `claim` in the article `text` whose sentence is
    /// `sentence`. `None` if the offsets do not fit the text (a claim whose
    /// span is not inside its sentence, or offsets off a character boundary).
    pub fn locate(text: &str, sentence: Sentence, claim: &Claim) -> Option<Evidence> {
        let s = text.get(sentence.start..sentence.end)?;
        let start = claim.start.checked_sub(sentence.start)?;
        let end = claim.end.checked_sub(sentence.start)?;
        s.get(start..end)?;
        // Trim the sentence's surrounding whitespace, keeping the span inside.
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        let (start, end) = (start.saturating_sub(lead), end.saturating_sub(lead));
        let end = end.min(trimmed.len());
        let start = start.min(end);
        trimmed.get(start..end)?;
        Some(Evidence {
            sentence: trimmed.to_string(),
            span_start: start,
            span_end: end,
        })
    }

    /// The sentence split around the span: `(before, span, after)`; `None`
    /// when the span does not fit the sentence.
    pub fn parts(&self) -> Option<(&str, &str, &str)> {
        let s = &self.sentence;
        Some((
            s.get(..self.span_start)?,
            s.get(self.span_start..self.span_end)?,
            s.get(self.span_end..)?,
        ))
    }
}

/// A verdict on a claim: the current one, or one entry of its history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_at: Option<DateTime<Utc>>,
    /// The revision of the article the verdict was given on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u32>,
}

impl Review {
    /// A claim nobody has looked at yet.
    pub fn unreviewed() -> Review {
        Review {
            status: Status::Unreviewed,
            note: None,
            sources: Vec::new(),
            reviewer: None,
            reviewed_at: None,
            revision: None,
        }
    }
}

/// What happened to a claim between the previous revision and this one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimDelta {
    pub change: ClaimChange,
    /// The fields that differ, for a changed claim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
}

/// The revision before the reported one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviousRevision {
    pub revision: u32,
    /// Claims of the previous revision that this one no longer makes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<RemovedClaim>,
}

/// A claim the previous revision made and the reported one dropped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemovedClaim {
    pub claim: Claim,
    /// Its verdict when it was dropped.
    pub status: Status,
}

/// The reviewing organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    pub name: String,
    /// Its home page; ClaimReview falls back to the article's site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Organization {
    /// The name used when none is configured.
    pub const DEFAULT_NAME: &'static str = "Standards Desk";
}

impl Default for Organization {
    fn default() -> Self {
        Organization {
            name: Organization::DEFAULT_NAME.to_string(),
            url: None,
        }
    }
}

/// Which claims a report keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ClaimKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.kind.is_none() && self.status.is_none()
    }

    fn keeps(&self, kind: ClaimKind, status: Status) -> bool {
        self.kind.is_none_or(|k| k == kind) && self.status.is_none_or(|s| s == status)
    }
}

impl ReportInput {
    /// The report narrowed to the claims `filter` keeps (removed claims
    /// included), with the filter recorded so every format can say so.
    /// Filters combine with any filter already applied.
    pub fn filtered(&self, filter: Filter) -> ReportInput {
        let mut out = self.clone();
        out.claims
            .retain(|e| filter.keeps(e.claim.kind(), e.review.status));
        if let Some(prev) = &mut out.previous {
            prev.removed
                .retain(|r| filter.keeps(r.claim.kind(), r.status));
        }
        out.filter = Filter {
            kind: filter.kind.or(self.filter.kind),
            status: filter.status.or(self.filter.status),
        };
        out
    }

    /// The URL of the review of claim `id`: the report's URL, else the
    /// article's, with the claim's anchor.
    pub fn review_url(&self, id: i64) -> Option<String> {
        let base = self.report_url.as_deref().or(self.article.url.as_deref())?;
        let base = base.split('#').next().unwrap_or(base);
        Some(format!("{base}#{}", anchor(id)))
    }
}

/// The HTML anchor of claim `id` (`claim-7`).
pub fn anchor(id: i64) -> String {
    format!("claim-{id}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimFields, TimexType};

    fn date_claim(text: &str, span: &str) -> Claim {
        let start = text.find(span).unwrap_or(0);
        Claim {
            start,
            end: start + span.len(),
            text: span.into(),
            sentence: 0,
            confidence: 1.0,
            fields: ClaimFields::Date {
                value: "2025-11-28".into(),
                timex_type: TimexType::Date,
            },
        }
    }

    fn check(text: &str, sentence: (usize, usize), span: &str, expected: Option<(&str, &str)>) {
        let c = date_claim(text, span);
        let ev = Evidence::locate(
            text,
            Sentence {
                start: sentence.0,
                end: sentence.1,
            },
            &c,
        );
        let got = ev
            .as_ref()
            .and_then(|e| e.parts().map(|(_, s, _)| (e.sentence.as_str(), s)));
        assert_eq!(got, expected, "{text:?} {span:?}");
    }

    #[test]
    fn evidence_is_the_trimmed_sentence_with_the_span_inside() {
        let t = "First one.  Talks end on Friday, aides said.\nNext.";
        let s2 = (10, 45);
        check(
            t,
            s2,
            "Friday",
            Some(("Talks end on Friday, aides said.", "Friday")),
        );
        let u = "Ünïcode Friday.";
        check(u, (0, u.len()), "Friday", Some((u, "Friday")));
        // The span is not inside the sentence, or offsets are out of range.
        check(t, (0, 10), "Friday", None);
        check(t, (10, 400), "Friday", None);
        // A sentence that cuts a character in two.
        check(u, (1, u.len()), "Friday", None);
    }
}

/// Who publishes a report and where, as the user gives it (the CLI's
/// flags, the app's export fields): empty fields leave what is known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Publishing {
    /// Where the article is published (ClaimReview needs it when the
    /// article came from a file).
    #[serde(default)]
    pub article_url: Option<String>,
    /// The reviewing organization (ClaimReview `author`).
    #[serde(default)]
    pub org_name: Option<String>,
    /// Its home page.
    #[serde(default)]
    pub org_url: Option<String>,
    /// Where the report is published; ClaimReview `url`s point at its
    /// claim anchors.
    #[serde(default)]
    pub review_url: Option<String>,
}

impl ReportInput {
    /// Applies what `p` gives: the article's URL, the reviewing
    /// organization (a new name drops the old home page unless one is
    /// given), the report's URL.
    pub fn publish(&mut self, p: &Publishing) {
        let given = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
        };
        if let Some(u) = given(&p.article_url) {
            self.article.url = Some(u);
        }
        if let Some(name) = given(&p.org_name) {
            self.desk = Organization {
                name,
                url: given(&p.org_url).or(self.desk.url.take()),
            };
        } else if let Some(url) = given(&p.org_url) {
            self.desk.url = Some(url);
        }
        if let Some(u) = given(&p.review_url) {
            self.report_url = Some(u);
        }
    }
}
