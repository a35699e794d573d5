//! HTML pages: the main article text (readability, via `dom_smoothie`), with
//! the title, byline and published time the page declares. A page must
//! first pass the linear shape check of [`super::html_shape`] (nesting
//! depth, element count), so readability never meets a page that would
//! take it minutes.

use super::html_shape::{self, Problem};
use super::{Document, Format, LoadError};
use chrono::NaiveDate;

/// Whether bytes start like an HTML document, whatever the file is called.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
}

/// Extracts the readable article from an HTML page.
pub fn read(html: &str, what: &str) -> Result<Document, LoadError> {
    let none = || LoadError::NoReadableText {
        what: what.to_string(),
    };
    match html_shape::check(html) {
        None => {}
        Some(Problem::TooDeep) => {
            return Err(LoadError::TooDeep {
                what: what.to_string(),
                format: "HTML page",
                limit: html_shape::MAX_DEPTH,
            });
        }
        Some(Problem::TooManyElements) => {
            return Err(LoadError::TooManyElements {
                what: what.to_string(),
                limit: html_shape::MAX_ELEMENTS,
            });
        }
    }
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        char_threshold: 80,
        max_elements_to_parse: html_shape::MAX_ELEMENTS,
        ..Default::default()
    };
    let mut r = dom_smoothie::Readability::new(html, None, Some(cfg)).map_err(|_| none())?;
    let article = r.parse().map_err(|_| none())?;
    let text = tidy(&article.text_content);
    if text.split_whitespace().count() < 3 {
        return Err(none());
    }
    let mut doc = Document::new(text, Format::Html);
    doc.title = article.title.trim().to_string();
    doc.byline = article
        .byline
        .map(|b| b.trim().to_string())
        .filter(|b| !b.is_empty());
    doc.published = article
        .published_time
        .as_deref()
        .and_then(parse_date_prefix);
    if doc.published.is_some() {
        doc.date_source = super::DateSource::Metadata;
    }
    Ok(doc)
}

/// Trims every line and keeps at most one blank line between paragraphs.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push('\n');
        }
        blank = false;
        out.push_str(line);
    }
    out.push('\n');
    out
}

/// The date at the start of an ISO 8601 timestamp ("2025-11-30T14:02:00Z").
fn parse_date_prefix(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_text_and_metadata() {
        let page = r#"<!DOCTYPE html><html><head><title>Harbour council votes | Gazette</title>
<meta property="article:published_time" content="2026-03-14T09:30:00Z">
<meta name="author" content="Lena Ortiz"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbour council votes to rebuild the old pier</h1>
<p>The harbour council voted on Friday to rebuild the old pier, ending a dispute that had lasted for two years and divided the fishing families of the town.</p>
<p>Mayor Ada Mensah said the work would begin in the spring and cost less than the council had feared when it first looked at the plans last autumn.</p>
</article><footer>Copyright Gazette</footer></body></html>"#;
        let d = read(page, "page").unwrap();
        assert!(d.text.contains("voted on Friday to rebuild"), "{}", d.text);
        assert_eq!(d.date_source, crate::load::DateSource::Metadata);
        assert!(d.text.contains("Mayor Ada Mensah"));
        assert!(!d.text.contains("Copyright"));
        assert_eq!(d.published, NaiveDate::from_ymd_opt(2026, 3, 14));
        assert!(d.title.contains("Harbour council"));
        assert_eq!(d.byline.as_deref(), Some("Lena Ortiz"));
    }

    #[test]
    fn page_without_text_is_refused() {
        let page = "<html><body><div><img src=x></div><script>var a=1;</script></body></html>";
        assert!(matches!(
            read(page, "p"),
            Err(LoadError::NoReadableText { .. })
        ));
    }

    #[test]
    fn deep_or_huge_pages_say_so() {
        let deep = |n: usize| {
            format!(
                "<html><body>{}<p>The ferry was cancelled on Tuesday because of the storm, the port authority said.</p></body></html>",
                "<div>".repeat(n)
            )
        };
        let cases: Vec<(String, &str)> = vec![
            (deep(20_000), "nested more than 512 levels deep"),
            (deep(100_000), "nested more than 512 levels deep"),
            (
                format!("<html><body>{}</body></html>", "<i>a</i>".repeat(200_001)),
                "more than 200000 HTML elements",
            ),
        ];
        for (page, want) in cases {
            let e = read(&page, "page.html").unwrap_err();
            assert!(e.to_string().contains(want), "{e}");
            assert!(!e.to_string().contains("no readable"), "{e}");
        }
        // Deep but within bounds: read.
        let d = read(&deep(300), "p").unwrap();
        assert!(d.text.contains("ferry was cancelled"), "{}", d.text);
    }

    #[test]
    fn broken_html_still_reads() {
        let page = "<html><body><p>The ferry to the island was cancelled on Tuesday because of the storm, the port authority said in a statement to passengers waiting at the quay<p>Another unclosed paragraph about the timetable that will return next week once the weather clears <b>bold";
        let d = read(page, "p").unwrap();
        assert!(d.text.contains("ferry to the island"));
    }
}
