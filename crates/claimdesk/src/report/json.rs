//! The JSON report, for other tools: the whole [`ReportInput`] (so it reads
//! back into one with serde), plus what the other formats derive from it —
//! the summary, each claim's kind, reading and anchor — so consumers need not
//! recompute them.

use super::ReportError;
use super::input::{ClaimEntry, ReportInput, anchor};
use super::summary::Summary;
use super::words;
use crate::model::ClaimKind;
use serde::Serialize;

/// Names this JSON shape; bumped when it changes incompatibly.
pub const SCHEMA: &str = "claimdesk-report/1";

#[derive(Serialize)]
struct Doc<'a> {
    schema: &'static str,
    summary: Summary,
    claims: Vec<Claim<'a>>,
    #[serde(flatten)]
    rest: Rest<'a>,
}

/// The input minus its claims, which are written enriched.
#[derive(Serialize)]
struct Rest<'a> {
    article: &'a super::input::ArticleInfo,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: &'a Option<super::input::PreviousRevision>,
    desk: &'a super::input::Organization,
    #[serde(skip_serializing_if = "Option::is_none")]
    report_url: &'a Option<String>,
    generated_at: chrono::DateTime<chrono::Utc>,
    #[serde(skip_serializing_if = "super::input::Filter::is_empty")]
    filter: &'a super::input::Filter,
}

#[derive(Serialize)]
struct Claim<'a> {
    #[serde(flatten)]
    entry: &'a ClaimEntry,
    kind: ClaimKind,
    reading: String,
    anchor: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    review_url: Option<String>,
}

pub fn render(input: &ReportInput) -> Result<String, ReportError> {
    let doc = Doc {
        schema: SCHEMA,
        summary: Summary::of(input),
        claims: input
            .claims
            .iter()
            .map(|e| Claim {
                entry: e,
                kind: e.claim.kind(),
                reading: words::claim_reading(&e.claim),
                anchor: anchor(e.id),
                review_url: input.review_url(e.id),
            })
            .collect(),
        rest: Rest {
            article: &input.article,
            previous: &input.previous,
            desk: &input.desk,
            report_url: &input.report_url,
            generated_at: input.generated_at,
            filter: &input.filter,
        },
    };
    let mut s = serde_json::to_string_pretty(&doc)?;
    s.push('\n');
    Ok(s)
}
