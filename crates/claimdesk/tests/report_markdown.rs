//! The Markdown report rendered by a real CommonMark parser
//! (`pulldown-cmark` with GitHub's extensions and raw HTML allowed, no
//! "smart" punctuation, as on GitHub) and the result
//! read with an HTML parser: headings, marked spans, readings — and article
//! text that never turns into markup.

mod report_common;

use claimdesk::report::{Format, render};
use pulldown_cmark::{Options, Parser, html};
use report_common::*;
use scraper::{ElementRef, Html, Selector};

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

fn text(e: ElementRef) -> String {
    e.text().collect::<String>()
}

fn rendered(md: &str) -> Html {
    let mut out = String::new();
    html::push_html(
        &mut out,
        Parser::new_ext(md, Options::all() - Options::ENABLE_SMART_PUNCTUATION),
    );
    Html::parse_fragment(&out)
}

#[test]
fn markdown_renders_to_the_report_structure() {
    let md = render(&sample(), Format::Markdown).expect("renders");
    let d = rendered(&md);
    let h1: Vec<String> = d.select(&sel("h1")).map(text).collect();
    assert_eq!(h1, [format!("Claim report: {TITLE}")]);
    let h2: Vec<String> = d.select(&sel("h2")).map(text).collect();
    assert_eq!(h2, ["Summary", "Claims", "Removed since revision 1"]);
    let h3: Vec<String> = d.select(&sel("h3")).map(text).collect();
    assert_eq!(h3.len(), 7);
    assert_eq!(h3[0], "1. Date · Verified");
    assert_eq!(h3[6], "7. Date · Needs re-check");
    // The evidence sentences, spans in bold.
    let quotes: Vec<ElementRef> = d.select(&sel("blockquote")).collect();
    assert_eq!(quotes.len(), 7);
    for (q, e) in quotes.iter().zip(&sample().claims) {
        assert_eq!(text(*q).trim(), e.evidence.sentence);
        let strong = q.select(&sel("strong")).next().expect("marked span");
        assert_eq!(text(strong), e.claim.text.trim());
    }
    for (_, reading) in READINGS {
        assert!(
            d.select(&sel("p"))
                .any(|p| text(p) == format!("Reads as: {reading}")),
            "{reading}"
        );
    }
    let items: Vec<String> = d.select(&sel("li")).map(text).collect();
    for want in [
        "Claims: 7 (3 date, 1 role, 1 dismissal, 1 attendance, 1 quote)",
        "Status: 1 unreviewed, 2 verified, 1 false, 1 disputed, 1 unverifiable, 1 needs re-check",
        "Changes: Since revision 1: 1 claim added, 2 changed, 1 removed, 4 unchanged.",
        "Revision: changed since revision 1: value: 2025-11-27 → 2025-11-28",
        "URL: https://news.example.org/2025/11/harbour-budget",
    ] {
        assert!(items.iter().any(|i| i == want), "{want} in {items:?}");
    }
}

#[test]
fn article_text_never_becomes_markup() {
    let md = render(&sample(), Format::Markdown).expect("renders");
    let d = rendered(&md);
    assert_eq!(d.select(&sel("script")).count(), 0);
    // The multi-line note stays one list item, its line break a hard break.
    let note = d
        .select(&sel("li"))
        .find(|li| text(*li).starts_with("Note: The board"))
        .expect("note item");
    assert_eq!(text(note), format!("Note: {FALSE_NOTE}"));
    assert_eq!(note.select(&sel("br")).count(), 1);

    // Text that looks like Markdown stays text.
    let mut input = sample();
    input.article.title = "# Not a heading *or emphasis* [link](http://x)".into();
    input.claims[0].review.note = Some("- not a list\n1. nor this\n> nor a quote".into());
    let md = render(&input, Format::Markdown).expect("renders");
    let d = rendered(&md);
    assert_eq!(d.select(&sel("h1")).count(), 1);
    assert_eq!(d.select(&sel("em, a[href='http://x']")).count(), 0);
    let h1 = d.select(&sel("h1")).next().expect("h1");
    assert_eq!(
        text(h1),
        "Claim report: # Not a heading *or emphasis* [link](http://x)"
    );
    let note = d
        .select(&sel("li"))
        .find(|li| text(*li).starts_with("Note:"))
        .expect("note");
    assert_eq!(text(note), "Note: - not a list\n1. nor this\n> nor a quote");
}

#[test]
fn plain_text_reads_well() {
    let md = render(&sample(), Format::Markdown).expect("renders");
    assert!(md.contains("**Reads as:** Friday → Fri 28 Nov 2025"));
    assert!(md.contains(
        "> The council will vote on the revised budget on **Friday**, after a heated session."
    ));
    assert!(md.contains("- **Reviewer:** Ana Ruiz"));
}

/// A team desk's conflicting verdicts are said in the Markdown and HTML
/// reports, and kept in the JSON.
#[test]
fn conflicting_verdicts_are_reported() {
    let mut input = sample();
    let verdict = |status, who: &str| claimdesk::report::Review {
        status,
        reviewer: Some(who.into()),
        ..claimdesk::report::Review::unreviewed()
    };
    input.claims[0].conflicting = vec![
        verdict(claimdesk::Status::Verified, "alice"),
        verdict(claimdesk::Status::False, "bob"),
    ];
    let want = "Verified (alice) · False (bob)";
    for format in [Format::Markdown, Format::Html] {
        let out = render(&input, format).expect("render");
        assert!(out.contains("Conflicting verdicts"), "{format:?}");
        assert!(out.contains(want), "{format:?}");
    }
    let json = render(&input, Format::Json).expect("json");
    assert!(json.contains("\"conflicting\""), "{json}");
    // Without a conflict, nothing is said.
    let plain = render(&sample(), Format::Markdown).expect("render");
    assert!(!plain.contains("Conflicting verdicts"));
}
