//! Throughput of the temporal recognizer (`extract::timex::find`) over the
//! shared evaluation texts (news articles and the TimeML documents), in
//! bytes per second. Skips with a note when ../shared is absent.

use claimdesk::extract::timex;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::path::Path;

/// Plain text of the shared articles and TimeML documents (tags stripped).
fn corpus() -> Option<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let root = if root.exists() {
        root
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus")
    };
    if !root.exists() {
        return None;
    }
    let mut text = String::new();
    let mut stack = vec![root.join("articles"), root.join("timeml")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Some(ext) = p.extension().and_then(|x| x.to_str()) {
                let Ok(raw) = std::fs::read_to_string(&p) else {
                    continue;
                };
                match ext {
                    "txt" => text.push_str(&raw),
                    "tml" => text.push_str(&strip_tags(&raw)),
                    _ => continue,
                }
                text.push_str("\n\n");
            }
        }
    }
    (!text.is_empty()).then_some(text)
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let Some(text) = corpus() else {
        eprintln!("note: ../shared/corpus not found; timex bench skipped");
        return;
    };
    let published = chrono::NaiveDate::from_ymd_opt(1998, 3, 1);
    let mut g = c.benchmark_group("timex");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("find/shared-corpus", |b| {
        b.iter(|| timex::find(std::hint::black_box(&text), published))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
