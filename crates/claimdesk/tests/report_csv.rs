//! The CSV report read back with the `csv` crate: BOM, header, one row per
//! claim, fields with commas, quotes and line breaks intact.

mod report_common;

use claimdesk::model::ClaimKind;
use claimdesk::report::csv::{BOM, COLUMNS};
use claimdesk::report::{Filter, Format, render};
use report_common::*;
use std::collections::HashMap;

fn parse(csv: &str) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let body = csv.strip_prefix(BOM).expect("starts with a BOM");
    let mut r = csv::ReaderBuilder::new().from_reader(body.as_bytes());
    let header: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.expect("valid record");
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(String::from))
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn one_row_per_claim_with_every_column() {
    let out = render(&sample(), Format::Csv).expect("renders");
    assert!(out.starts_with('\u{feff}'));
    assert!(out.contains("\r\n"), "RFC 4180 line ends");
    let (header, rows) = parse(&out);
    assert_eq!(header, COLUMNS);
    let input = sample();
    assert_eq!(rows.len(), input.claims.len());
    let first = &rows[0];
    assert_eq!(first["claim"], "Friday → Fri 28 Nov 2025");
    assert_eq!(first["kind"], "date");
    assert_eq!(first["status"], "verified");
    assert_eq!(
        first["verdict note"],
        "Confirmed against the published agenda."
    );
    assert_eq!(
        first["sources"],
        "https://council.example.org/agenda/2025-11-28\nPhone call with the council clerk, 27 Nov"
    );
    assert_eq!(first["reviewer"], "Ana Ruiz");
    assert_eq!(first["reviewed at"], "2025-11-27T15:20:00Z");
    assert_eq!(first["article"], TITLE);
    assert_eq!(first["URL"], URL);
    assert_eq!(first["evidence"], S1);
    assert_eq!(
        first["changed since previous revision"],
        "changed since revision 1: value: 2025-11-27 → 2025-11-28"
    );
    // Quotes, commas and a line break survive the round trip.
    assert_eq!(rows[1]["verdict note"], FALSE_NOTE);
    assert_eq!(rows[2]["evidence"], S3);
    assert_eq!(
        rows[2]["changed since previous revision"],
        "new since revision 1"
    );
    assert_eq!(rows[3]["status"], "unreviewed");
    assert_eq!(rows[3]["reviewer"], "");
    assert_eq!(rows[6]["status"], "needs re-check");
}

#[test]
fn formulas_are_defused_and_filters_apply() {
    let mut input = sample();
    input.claims[0].review.note = Some("=HYPERLINK(\"http://x\")".into());
    input.claims[1].review.note = Some("-2 points, per the audit".into());
    let (_, rows) = parse(&render(&input, Format::Csv).expect("renders"));
    assert_eq!(rows[0]["verdict note"], "'=HYPERLINK(\"http://x\")");
    assert_eq!(rows[1]["verdict note"], "'-2 points, per the audit");

    let quotes = sample().filtered(Filter {
        kind: Some(ClaimKind::Quote),
        status: None,
    });
    let (_, rows) = parse(&render(&quotes, Format::Csv).expect("renders"));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["kind"], "quote");
}

#[test]
fn no_claims_is_a_header_only_file() {
    let mut input = sample();
    input.claims.clear();
    let (header, rows) = parse(&render(&input, Format::Csv).expect("renders"));
    assert_eq!(header.len(), COLUMNS.len());
    assert!(rows.is_empty());
}
