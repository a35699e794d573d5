//! The JSON report read back with serde_json: it carries everything (it
//! deserializes back into the very `ReportInput` it came from) plus the
//! derived summary and readings.

mod report_common;

use claimdesk::report::{Format, ReportInput, render};
use report_common::*;
use serde_json::Value;

#[test]
fn json_round_trips_to_the_input() {
    let input = sample();
    let out = render(&input, Format::Json).expect("renders");
    let back: ReportInput = serde_json::from_str(&out).expect("reads back");
    assert_eq!(back, input);
    // Left for people and scripts to try `claimdesk report --input` on.
    let _ = std::fs::write(
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-sample.json"),
        &out,
    );
}

#[test]
fn json_carries_summary_and_readings() {
    let v: Value = serde_json::from_str(&render(&sample(), Format::Json).expect("renders"))
        .expect("valid JSON");
    assert_eq!(v["schema"], "claimdesk-report/1");
    assert_eq!(v["article"]["title"], TITLE);
    assert_eq!(v["article"]["published"], "2025-11-27");
    assert_eq!(v["article"]["revision"], 2);
    assert_eq!(v["summary"]["total"], 7);
    let count = |list: &str, key: &str, name: &str| {
        v["summary"][list]
            .as_array()
            .and_then(|a| a.iter().find(|e| e[key] == name))
            .map(|e| e["count"].clone())
    };
    assert_eq!(count("by_kind", "kind", "date"), Some(3.into()));
    assert_eq!(
        count("by_status", "status", "needs_recheck"),
        Some(1.into())
    );
    assert_eq!(v["summary"]["changes"]["removed"], 1);
    assert_eq!(v["summary"]["changes"]["previous_revision"], 1);
    let c = &v["claims"][0];
    assert_eq!(c["id"], 11);
    assert_eq!(c["kind"], "date");
    assert_eq!(c["reading"], "Friday → Fri 28 Nov 2025");
    assert_eq!(c["anchor"], "claim-11");
    assert_eq!(c["claim"]["value"], "2025-11-28");
    assert_eq!(c["evidence"]["sentence"], S1);
    assert_eq!(c["review"]["status"], "verified");
    assert_eq!(c["history"].as_array().map(Vec::len), Some(2));
    assert_eq!(c["change"]["change"], "changed");
    assert_eq!(c["change"]["fields"][0]["old"], "2025-11-27");
    assert_eq!(c["review_url"], format!("{URL}#claim-11"));
    assert_eq!(
        v["claims"][1]["review"]["note"], FALSE_NOTE,
        "notes keep their quotes and line breaks"
    );
}
