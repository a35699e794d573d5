//! The HTML report parsed back with a real HTML parser (`scraper`): header,
//! summary counts, every claim with its marked span, reading, verdict and
//! history, the SVG timeline — and hostile article text that stays text.

mod report_common;

use claimdesk::model::{ClaimKind, Status};
use claimdesk::report::{Filter, Format, ReportError, render};
use report_common::*;
use scraper::{ElementRef, Html, Selector};

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

fn text(e: ElementRef) -> String {
    e.text().collect::<String>()
}

fn doc() -> Html {
    let html = render(&sample(), Format::Html).expect("renders");
    Html::parse_document(&html)
}

#[test]
fn article_text_is_text_never_markup() {
    let html = render(&sample(), Format::Html).expect("renders");
    let d = Html::parse_document(&html);
    assert_eq!(d.select(&sel("script")).count(), 0, "no script element");
    let h1 = d.select(&sel("h1")).next().expect("h1");
    assert_eq!(text(h1), TITLE);
    let title = d.select(&sel("title")).next().expect("title");
    assert!(text(title).contains(TITLE));
    // The quote's `<script>` is inside the marked span, as text.
    let q = d.select(&sel("#claim-13 mark")).next().expect("quote mark");
    assert_eq!(text(q), "We will not cut, not one <script> line,");
    // Nothing the page could fetch, and a policy forbidding it.
    for bad in ["src", "srcset", "data", "background"] {
        let s = sel(&format!("[{bad}]"));
        assert_eq!(d.select(&s).count(), 0, "no [{bad}] attribute");
    }
    assert_eq!(
        d.select(&sel("link, iframe, object, embed, img")).count(),
        0
    );
    assert!(!html.contains("url("), "no CSS url()");
    assert!(!html.contains("@import"));
    let csp = d
        .select(&sel(r#"meta[http-equiv="Content-Security-Policy"]"#))
        .next()
        .expect("CSP meta");
    assert!(
        csp.value()
            .attr("content")
            .is_some_and(|c| c.contains("default-src 'none'"))
    );
    // Only http(s) links.
    for a in d.select(&sel("a[href]")) {
        let h = a.value().attr("href").unwrap_or("");
        assert!(
            h.starts_with('#') || h.starts_with("https://") || h.starts_with("http://"),
            "{h}"
        );
    }
}

#[test]
fn header_shows_the_article_facts() {
    let d = doc();
    let meta: Vec<(String, String)> = d
        .select(&sel("dl.meta dt"))
        .zip(d.select(&sel("dl.meta dd")))
        .map(|(k, v)| (text(k), text(v)))
        .collect();
    let get = |k: &str| {
        meta.iter()
            .find(|(kk, _)| kk == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    assert_eq!(get("Published"), "Thu 27 Nov 2025");
    assert_eq!(get("Revision"), "2, compared with revision 1");
    assert_eq!(get("URL"), URL);
    assert_eq!(get("Source file"), "articles/harbour-budget, rev 2.txt");
    assert_eq!(get("Byline"), "By Mira Holt");
}

#[test]
fn summary_counts_match_the_claims() {
    let d = doc();
    let total = d.select(&sel(".total")).next().expect("total");
    assert!(
        text(total).starts_with("7 claims · 6 reviewed"),
        "{}",
        text(total)
    );
    let rows: Vec<(String, String)> = d
        .select(&sel("table.counts tr"))
        .map(|tr| {
            let tds: Vec<String> = tr.select(&sel("td")).map(text).collect();
            (tds[0].clone(), tds[1].clone())
        })
        .collect();
    for (label, n) in [
        ("Verified", "2"),
        ("False", "1"),
        ("Disputed", "1"),
        ("Unverifiable", "1"),
        ("Needs re-check", "1"),
        ("Unreviewed", "1"),
        ("Date", "3"),
        ("Quote", "1"),
        ("New claims", "1"),
        ("Changed", "2"),
        ("Removed", "1"),
        ("Unchanged", "4"),
    ] {
        assert!(
            rows.iter().any(|(l, c)| l == label && c == n),
            "{label} = {n} in {rows:?}"
        );
    }
}

#[test]
fn every_claim_is_shown_with_its_evidence_reading_and_verdict() {
    let d = doc();
    let input = sample();
    let cards: Vec<ElementRef> = d.select(&sel("article.claim")).collect();
    assert_eq!(cards.len(), input.claims.len());
    for (card, e) in cards.iter().zip(&input.claims) {
        assert_eq!(card.value().id(), Some(format!("claim-{}", e.id).as_str()));
        let mark = card.select(&sel("mark")).next().expect("marked span");
        assert_eq!(text(mark), e.claim.text);
        let quote = card.select(&sel("blockquote")).next().expect("evidence");
        assert_eq!(text(quote), e.evidence.sentence);
        let badge = card.select(&sel(".badge")).next().expect("badge");
        assert_eq!(
            text(badge).to_lowercase(),
            e.review.status.label().to_lowercase()
        );
        let rows = card.select(&sel("table.history tbody tr")).count();
        assert_eq!(rows, e.history.len());
    }
    for (id, reading) in READINGS {
        let r = d
            .select(&sel(&format!("#claim-{id} .reading")))
            .next()
            .expect("reading");
        assert_eq!(text(r), reading);
    }
    let false_note = d
        .select(&sel("#claim-12 dd.note"))
        .next()
        .expect("note of the false claim");
    assert_eq!(text(false_note), FALSE_NOTE);
    let sources: Vec<String> = d.select(&sel("#claim-11 dd li")).map(text).collect();
    assert_eq!(sources, sample().claims[0].review.sources);
    let delta = d.select(&sel("#claim-11 .delta li")).next().expect("delta");
    assert_eq!(text(delta), "value: 2025-11-27 → 2025-11-28");
    let removed = d.select(&sel("ul.removed li")).next().expect("removed");
    assert!(text(removed).contains("Kofi Adjei — harbour master"));
}

#[test]
fn timeline_places_each_dated_claim() {
    let d = doc();
    let svg = d.select(&sel("svg.timeline")).next().expect("timeline");
    // Friday, Wednesday (dismissal) and March are days/months; week 49 is
    // the summit; the summer of 2024 is June to August 2024.
    let linked: Vec<String> = svg
        .select(&sel("a"))
        .filter_map(|a| a.value().attr("href").map(String::from))
        .collect();
    let mut sorted = linked.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            "#claim-11",
            "#claim-12",
            "#claim-14",
            "#claim-16",
            "#claim-17"
        ],
        "{linked:?}"
    );
    // In date order: summer 2024, March, 26 Nov, 28 Nov, week 49.
    assert_eq!(
        linked,
        [
            "#claim-17",
            "#claim-16",
            "#claim-12",
            "#claim-11",
            "#claim-14"
        ]
    );
    assert!(text(svg).contains("published"));
}

#[test]
fn filters_narrow_the_report_and_say_so() {
    let only_dates = sample().filtered(Filter {
        kind: Some(ClaimKind::Date),
        status: None,
    });
    let d = Html::parse_document(&render(&only_dates, Format::Html).expect("renders"));
    assert_eq!(d.select(&sel("article.claim")).count(), 3);
    let note = d.select(&sel(".filter-note")).next().expect("filter note");
    assert!(text(note).contains("only date claims"));
    let verified = sample().filtered(Filter {
        kind: None,
        status: Some(Status::Verified),
    });
    let d = Html::parse_document(&render(&verified, Format::Html).expect("renders"));
    let ids: Vec<&str> = d
        .select(&sel("article.claim"))
        .filter_map(|a| a.value().id())
        .collect();
    assert_eq!(ids, ["claim-11", "claim-16"]);
}

#[test]
fn bad_spans_and_duplicate_ids_are_errors_not_panics() {
    let mut bad = sample();
    bad.claims[0].evidence.span_end = 10_000;
    for f in Format::ALL {
        assert!(matches!(
            render(&bad, f),
            Err(ReportError::BadEvidenceSpan { id: 11, .. })
        ));
    }
    let mut mid_char = sample();
    // "Valparaíso": byte 1 of "í" is not a character boundary.
    let s = &mid_char.claims[3].evidence.sentence;
    let i = s.find('í').expect("í") + 1;
    mid_char.claims[3].evidence.span_start = i;
    mid_char.claims[3].evidence.span_end = i + 1;
    assert!(render(&mid_char, Format::Html).is_err());
    let mut dup = sample();
    dup.claims[1].id = 11;
    assert!(matches!(
        render(&dup, Format::Markdown),
        Err(ReportError::DuplicateId(11))
    ));
}

#[test]
fn odd_text_renders_in_every_format() {
    for odd in [
        "",
        "   ",
        "\n\n",
        "é",
        "\u{0}\u{7}bell",
        "<<>>&&\"'",
        "= 1+1",
        "# heading\n- item\n1. one",
        "a\r\nb",
        "🦀🦀🦀",
    ] {
        let mut input = sample();
        input.article.title = odd.to_string();
        input.article.byline = Some(odd.to_string());
        input.claims[0].review.note = Some(odd.to_string());
        input.claims[0].review.sources = vec![odd.to_string()];
        input.desk.name = odd.to_string();
        input.claims[4].evidence.sentence = odd.to_string();
        input.claims[4].evidence.span_start = 0;
        input.claims[4].evidence.span_end = odd.len();
        for f in Format::ALL {
            let out = render(&input, f).unwrap_or_else(|e| panic!("{f} on {odd:?}: {e}"));
            assert!(!out.is_empty());
        }
        let html = render(&input, Format::Html).expect("html");
        let d = Html::parse_document(&html);
        assert_eq!(d.select(&sel("script")).count(), 0);
    }
}
