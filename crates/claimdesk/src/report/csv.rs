//! The CSV report: RFC 4180 (written by the `csv` crate: CRLF line ends,
//! fields quoted when they hold commas, quotes or line breaks), UTF-8 with a
//! byte-order mark so spreadsheet programs read accents right. One row per
//! claim, with the article repeated on each row so rows stand alone when
//! sorted or pasted elsewhere.
//!
//! Cells that a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@`, tab or carriage return) are prefixed with an apostrophe, the
//! usual defence against CSV injection; article text is untrusted input.

use super::ReportError;
use super::input::ReportInput;
use super::words;

/// The header row, in column order.
pub const COLUMNS: [&str; 11] = [
    "claim",
    "kind",
    "status",
    "verdict note",
    "sources",
    "reviewer",
    "reviewed at",
    "article",
    "URL",
    "evidence",
    "changed since previous revision",
];

/// The UTF-8 byte-order mark every CSV report starts with.
pub const BOM: &str = "\u{feff}";

fn cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

pub fn render(input: &ReportInput) -> Result<String, ReportError> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    w.write_record(COLUMNS)?;
    let prev = input.previous.as_ref().map(|p| p.revision);
    let article = input.article.title.as_str();
    let url = input.article.url.as_deref().unwrap_or("");
    for e in &input.claims {
        let r = &e.review;
        let change = match &e.change {
            Some(d) => words::change_line(d, prev),
            None => String::new(),
        };
        let row = [
            words::claim_reading(&e.claim),
            e.claim.kind().as_str().to_string(),
            r.status.label().to_string(),
            r.note.clone().unwrap_or_default(),
            r.sources.join("\n"),
            r.reviewer.clone().unwrap_or_default(),
            r.reviewed_at.map(words::when_iso).unwrap_or_default(),
            article.to_string(),
            url.to_string(),
            e.evidence.sentence.clone(),
            change,
        ];
        w.write_record(row.iter().map(|c| cell(c)))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ReportError::Csv(::csv::Error::from(std::io::Error::other(e.to_string()))))?;
    // Everything written was a Rust string, so the bytes are UTF-8.
    let body = String::from_utf8_lossy(&bytes);
    Ok(format!("{BOM}{body}"))
}
