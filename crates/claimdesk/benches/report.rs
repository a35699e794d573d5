//! How long each report format takes to render a 200-claim report (the
//! test sample's seven claims repeated with distinct ids and dates).
//!
//! `cargo bench -p claimdesk --bench report`

#[path = "../tests/report_common/mod.rs"]
mod report_common;

use claimdesk::model::ClaimFields;
use claimdesk::report::{Format, ReportInput, render};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn big(n: usize) -> ReportInput {
    let mut input = report_common::sample();
    let base = input.claims.clone();
    input.claims = (0..n)
        .map(|i| {
            let mut e = base[i % base.len()].clone();
            e.id = i as i64 + 1;
            if let ClaimFields::Date { value, .. } = &mut e.claim.fields {
                *value = format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
            }
            e
        })
        .collect();
    input
}

fn bench(c: &mut Criterion) {
    let input = big(200);
    let mut g = c.benchmark_group("render_200_claims");
    for f in Format::ALL {
        g.bench_function(f.as_str(), |b| {
            b.iter(|| render(black_box(&input), f).map(|s| s.len()))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
