//! schema.org ClaimReview markup (JSON-LD) for search engines: one
//! `ClaimReview` per claim with a published verdict, as a JSON array ready
//! to embed in a `<script type="application/ld+json">` element (`<`, `>` and
//! `&` are written as `\u003c` escapes so article text cannot close it).
//!
//! Rating scale (`reviewRating`, `worstRating` 1, `bestRating` 5; the
//! textual `alternateName` is what search engines show):
//!
//! | our status     | ratingValue | alternateName  |
//! |----------------|-------------|----------------|
//! | false          | 1           | "False"        |
//! | disputed       | 3           | "Disputed"     |
//! | verified       | 5           | "True"         |
//! | unverifiable   | (none)      | "Unverifiable" |
//!
//! 2 and 4 ("Mostly false", "Mostly true") are reserved: no status maps to
//! them yet. "Unverifiable" has no place between false and true, so it
//! carries the textual rating only. Unreviewed claims and claims that need a
//! re-check are left out: neither has a verdict fit to publish.
//!
//! The review's `author` is the reviewing desk ([`super::Organization`],
//! whose URL defaults to the article's site); `url` is the review's address
//! ([`ReportInput::review_url`]); `itemReviewed` is a `Claim` whose `author`
//! is the quote's speaker, else the article's byline, else its site, with
//! the article as its `appearance`.

use super::ReportError;
use super::input::{ClaimEntry, ReportInput};
use super::words;
use crate::model::{ClaimFields, Status};
use serde_json::{Value, json};

/// The longest `claimReviewed` written, in characters (Google asks for fewer
/// than 75).
pub const MAX_CLAIM_CHARS: usize = 74;

/// The numeric rating (1–5) and textual rating of a status; `None` for
/// statuses that are not published.
pub fn rating(status: Status) -> Option<(Option<u8>, &'static str)> {
    match status {
        Status::False => Some((Some(1), "False")),
        Status::Disputed => Some((Some(3), "Disputed")),
        Status::Verified => Some((Some(5), "True")),
        Status::Unverifiable => Some((None, "Unverifiable")),
        Status::Unreviewed | Status::NeedsRecheck => None,
    }
}

pub fn render(input: &ReportInput) -> Result<String, ReportError> {
    let url = input
        .article
        .url
        .as_deref()
        .filter(|u| !u.trim().is_empty())
        .ok_or(ReportError::MissingArticleUrl)?;
    check_web_addresses(input, url)?;
    let reviews: Vec<Value> = input
        .claims
        .iter()
        .filter_map(|e| review(input, url, e))
        .collect();
    let s = serde_json::to_string_pretty(&reviews)?;
    Ok(format!("{}\n", embed_safe(&s)))
}

/// Every address the markup will carry is a plain http(s) address: no
/// `javascript:` or `file:` link, no credentials.
fn check_web_addresses(input: &ReportInput, article_url: &str) -> Result<(), ReportError> {
    let addresses = [
        ("the article's URL", Some(article_url)),
        (
            "the reviewing organization's URL",
            input.desk.url.as_deref(),
        ),
        ("the review URL", input.report_url.as_deref()),
    ];
    for (field, address) in addresses {
        if let Some(problem) = address.and_then(crate::load::web_address_problem) {
            return Err(ReportError::NotWebUrl { field, problem });
        }
    }
    Ok(())
}

fn review(input: &ReportInput, article_url: &str, e: &ClaimEntry) -> Option<Value> {
    let (value, name) = rating(e.review.status)?;
    let mut rating = json!({
        "@type": "Rating",
        "alternateName": name,
    });
    if let Some(v) = value {
        rating["ratingValue"] = json!(v);
        rating["bestRating"] = json!(5);
        rating["worstRating"] = json!(1);
    }
    if let Some(note) = e.review.note.as_deref().filter(|n| !n.trim().is_empty()) {
        rating["ratingExplanation"] = json!(squash(note));
    }
    let a = &input.article;
    let published = a.published.map(|d| d.to_string());
    let mut appearance = json!({
        "@type": "NewsArticle",
        "url": article_url,
        "headline": squash(&a.title),
    });
    let mut item = json!({
        "@type": "Claim",
        "author": claim_author(input, article_url, e),
        "appearance": appearance.clone(),
    });
    if let Some(p) = &published {
        appearance["datePublished"] = json!(p);
        item["appearance"] = appearance;
        item["datePublished"] = json!(p);
    }
    let desk_url = input
        .desk
        .url
        .clone()
        .or_else(|| origin(article_url).map(String::from));
    let mut author = json!({"@type": "Organization", "name": squash(&input.desk.name)});
    if let Some(u) = desk_url {
        author["url"] = json!(u);
    }
    let reviewed = e.review.reviewed_at.unwrap_or(input.generated_at);
    let mut out = json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim_reviewed(e),
        "datePublished": reviewed.date_naive().to_string(),
        "author": author,
        "reviewRating": rating,
        "itemReviewed": item,
    });
    if let Some(u) = input.review_url(e.id) {
        out["url"] = json!(u);
    }
    Some(out)
}

/// Who made the claim: the speaker of a quote, else the byline, else the
/// site the article appeared on.
fn claim_author(input: &ReportInput, article_url: &str, e: &ClaimEntry) -> Value {
    if let ClaimFields::Quote { speaker, .. } = &e.claim.fields
        && !speaker.trim().is_empty()
    {
        return json!({"@type": "Person", "name": squash(speaker)});
    }
    if let Some(b) = input.article.byline.as_deref() {
        let b = squash(b);
        let b = b
            .strip_prefix("By ")
            .or_else(|| b.strip_prefix("by "))
            .unwrap_or(&b);
        if !b.is_empty() {
            return json!({"@type": "Person", "name": b});
        }
    }
    let site = origin(article_url)
        .and_then(|o| o.split("//").nth(1))
        .unwrap_or(article_url);
    json!({"@type": "Organization", "name": site, "url": origin(article_url)})
}

/// `https://news.example.org` of `https://news.example.org/a/b?c`.
fn origin(url: &str) -> Option<&str> {
    let scheme_end = url.find("://")? + 3;
    let rest = url.get(scheme_end..)?;
    let host_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    (host_len > 0).then(|| &url[..scheme_end + host_len])
}

/// The claim in at most [`MAX_CLAIM_CHARS`] characters: its sentence when
/// short enough; else, for claims other than dates, the claim in words;
/// else the stretch of the sentence around the claim's span.
pub fn claim_reviewed(e: &ClaimEntry) -> String {
    let sentence = squash(&e.evidence.sentence);
    if sentence.chars().count() <= MAX_CLAIM_CHARS {
        return sentence;
    }
    if !matches!(e.claim.fields, ClaimFields::Date { .. }) {
        let reading = squash(&words::claim_reading(&e.claim));
        if reading.chars().count() <= MAX_CLAIM_CHARS {
            return reading;
        }
    }
    window(
        &e.evidence.sentence,
        e.evidence.span_start,
        e.evidence.span_end,
        MAX_CLAIM_CHARS,
    )
}

/// The words of `s` around bytes `start..end`, cut at word boundaries with
/// "…" marking the cuts, at most `max` characters.
fn window(s: &str, start: usize, end: usize, max: usize) -> String {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let budget = max.saturating_sub(2).max(1);
    let sc = chars.iter().position(|(b, _)| *b >= start).unwrap_or(0);
    let ec = chars.iter().position(|(b, _)| *b >= end).unwrap_or(n);
    let mid = (sc + ec) / 2;
    let mut b = (mid.saturating_sub(budget / 2) + budget).min(n);
    let mut a = b.saturating_sub(budget);
    if a > 0
        && let Some(p) = (a..b).find(|&i| chars[i].1.is_whitespace())
        && p < sc
    {
        a = p + 1;
    }
    if b < n
        && let Some(p) = (a..b).rev().find(|&i| chars[i].1.is_whitespace())
        && p >= ec
    {
        b = p;
    }
    let body: String = chars
        .get(a..b)
        .unwrap_or_default()
        .iter()
        .map(|c| c.1)
        .collect();
    let out = format!(
        "{}{}{}",
        if a > 0 { "…" } else { "" },
        squash(&body),
        if b < n { "…" } else { "" }
    );
    // Squashing only shortens; the cap is a guarantee, not a hope.
    out.chars().take(max).collect()
}

/// Whitespace runs as single spaces, trimmed.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// JSON that stays JSON inside an HTML `<script>` element.
fn embed_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
