//! The ClaimReview JSON-LD read back with serde_json and checked for the
//! fields schema.org and Google's fact-check markup require or recommend.

mod report_common;

use claimdesk::model::Status;
use claimdesk::report::claimreview::{MAX_CLAIM_CHARS, rating};
use claimdesk::report::{Format, ReportError, render};
use report_common::*;
use serde_json::Value;

fn reviews(input: &claimdesk::report::ReportInput) -> Vec<Value> {
    let out = render(input, Format::ClaimReview).expect("renders");
    assert!(
        !out.contains('<') && !out.contains('>'),
        "safe to embed in a <script> element"
    );
    match serde_json::from_str(&out).expect("valid JSON") {
        Value::Array(a) => a,
        other => panic!("expected an array, got {other}"),
    }
}

#[test]
fn one_review_per_published_verdict() {
    let input = sample();
    let all = reviews(&input);
    // Unreviewed (14) and needs re-check (17) are left out.
    let urls: Vec<&str> = all.iter().filter_map(|r| r["url"].as_str()).collect();
    assert_eq!(
        urls,
        [11, 12, 13, 15, 16].map(|id| format!("{URL}#claim-{id}"))
    );
}

#[test]
fn required_and_recommended_fields_are_present() {
    let input = sample();
    for (r, e) in reviews(&input).iter().zip(
        input
            .claims
            .iter()
            .filter(|e| rating(e.review.status).is_some()),
    ) {
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        let claim = r["claimReviewed"].as_str().expect("claimReviewed");
        assert!(!claim.is_empty());
        assert!(
            claim.chars().count() <= MAX_CLAIM_CHARS && MAX_CLAIM_CHARS < 75,
            "{claim:?} is {} chars",
            claim.chars().count()
        );
        assert!(r["datePublished"].as_str().is_some_and(|d| d.len() == 10));
        assert_eq!(r["author"]["@type"], "Organization");
        assert_eq!(r["author"]["name"], "Northern Ledger Standards Desk");
        assert_eq!(r["author"]["url"], "https://ledger.example.org/standards");

        let rr = &r["reviewRating"];
        assert_eq!(rr["@type"], "Rating");
        let (value, name) = rating(e.review.status).expect("rated");
        assert_eq!(rr["alternateName"], name);
        match value {
            Some(v) => {
                assert_eq!(rr["ratingValue"], v);
                assert_eq!(rr["bestRating"], 5);
                assert_eq!(rr["worstRating"], 1);
                assert!((1..=5).contains(&v));
            }
            None => assert!(rr.get("ratingValue").is_none()),
        }

        let item = &r["itemReviewed"];
        assert_eq!(item["@type"], "Claim");
        assert_eq!(item["datePublished"], "2025-11-27");
        assert_eq!(item["appearance"]["url"], URL);
        assert_eq!(item["appearance"]["headline"], TITLE);
        assert!(
            item["author"]["name"]
                .as_str()
                .is_some_and(|n| !n.is_empty())
        );
    }
}

#[test]
fn ratings_follow_the_documented_scale() {
    let input = sample();
    let all = reviews(&input);
    let by_url = |id: i64| {
        all.iter()
            .find(|r| r["url"] == format!("{URL}#claim-{id}"))
            .expect("review present")
    };
    assert_eq!(by_url(11)["reviewRating"]["ratingValue"], 5);
    assert_eq!(by_url(11)["reviewRating"]["alternateName"], "True");
    assert_eq!(by_url(12)["reviewRating"]["ratingValue"], 1);
    assert_eq!(
        by_url(12)["reviewRating"]["ratingExplanation"],
        FALSE_NOTE.replace('\n', " ")
    );
    assert_eq!(by_url(13)["reviewRating"]["ratingValue"], 3);
    assert_eq!(by_url(15)["reviewRating"]["alternateName"], "Unverifiable");
    // Who made the claim: the quote's speaker, else the byline.
    assert_eq!(by_url(13)["itemReviewed"]["author"]["name"], "Lena Ortiz");
    assert_eq!(by_url(11)["itemReviewed"]["author"]["name"], "Mira Holt");
    // Reviewed at 27 Nov; the chair claim has no review time, so the
    // report's date stands in.
    assert_eq!(by_url(12)["datePublished"], "2025-11-27");
    assert_eq!(by_url(15)["datePublished"], "2025-11-27");
    for s in [Status::Unreviewed, Status::NeedsRecheck] {
        assert_eq!(rating(s), None);
    }
}

#[test]
fn long_sentences_are_cut_around_the_claim() {
    let input = sample();
    let all = reviews(&input);
    let march = all
        .iter()
        .find(|r| r["url"] == format!("{URL}#claim-16"))
        .expect("review of claim 16");
    let c = march["claimReviewed"].as_str().expect("text");
    assert!(c.contains("since March"), "{c}");
    assert!(c.starts_with('…') || c.ends_with('…'), "{c}");
    // Short sentences are used whole.
    let chair = all
        .iter()
        .find(|r| r["url"] == format!("{URL}#claim-15"))
        .expect("review of claim 15");
    assert_eq!(chair["claimReviewed"], S5);
    // S1 is 78 characters: cut, keeping the claim.
    let fri = all[0]["claimReviewed"].as_str().expect("text");
    assert!(fri.contains("on Friday"), "{fri}");
    // A quote too long for its sentence is cut inside the quote.
    let mut input = sample();
    input.claims[2].evidence.sentence = format!("{S3} {S3}");
    let q = reviews(&input)[2]["claimReviewed"]
        .as_str()
        .map(String::from)
        .expect("text");
    assert!(q.chars().count() <= MAX_CLAIM_CHARS, "{q}");
}

#[test]
fn organization_and_review_url_are_configurable() {
    let mut input = sample();
    input.desk.name = "Harbour Fact Check".into();
    input.desk.url = None;
    input.report_url = Some("https://checks.example.net/harbour-budget/r2".into());
    let all = reviews(&input);
    assert_eq!(all[0]["author"]["name"], "Harbour Fact Check");
    // Without its own URL the desk is the article's site.
    assert_eq!(all[0]["author"]["url"], "https://news.example.org");
    assert_eq!(
        all[0]["url"],
        "https://checks.example.net/harbour-budget/r2#claim-11"
    );
}

#[test]
fn no_article_url_is_an_error() {
    let mut input = sample();
    input.article.url = None;
    assert!(matches!(
        render(&input, Format::ClaimReview),
        Err(ReportError::MissingArticleUrl)
    ));
}
