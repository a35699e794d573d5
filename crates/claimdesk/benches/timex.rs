//! Throughput of the temporal recognizer (`extract::timex::find`) over the
//! shared evaluation texts (news articles and the TimeML documents) and the
//! Reuters-21578 bulk stories, in bytes per second. Criterion reports wall
//! time; on a loaded machine that understates single-core speed, so the
//! bench also prints throughput per CPU-second of this process (Linux
//! `/proc/self/schedstat`). Skips with a note when ../shared is absent.

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

/// The `text` fields of the Reuters bulk file, one string per story.
fn bulk() -> Option<Vec<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/bulk/reuters21578.jsonl");
    let root = if root.exists() {
        root
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/bulk/reuters21578.jsonl")
    };
    let raw = std::fs::read_to_string(root).ok()?;
    let stories: Vec<String> = raw
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    (!stories.is_empty()).then_some(stories)
}

/// Nanoseconds this process has spent on a CPU, if the kernel says.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Prints MB per CPU-second of `find` over each of `texts`.
fn cpu_throughput(name: &str, texts: &[&str]) {
    let published = chrono::NaiveDate::from_ymd_opt(1987, 3, 1);
    let Some(t0) = cpu_ns() else {
        return;
    };
    let mut rounds = 0u64;
    let mut found = 0usize;
    while cpu_ns().unwrap_or(t0) - t0 < 3_000_000_000 {
        for text in texts {
            found += timex::find(std::hint::black_box(text), published).len();
        }
        rounds += 1;
    }
    let secs = (cpu_ns().unwrap_or(t0) - t0) as f64 / 1e9;
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let mb = (bytes as u64 * rounds) as f64 / 1e6;
    println!(
        "timex/{name}: {:.1} MB per CPU-second ({} texts, {bytes} bytes x {rounds} rounds, {} expressions per round)",
        mb / secs,
        texts.len(),
        found / rounds.max(1) as usize
    );
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
    cpu_throughput("shared-corpus", &[text.as_str()]);
    let published = chrono::NaiveDate::from_ymd_opt(1998, 3, 1);
    let mut g = c.benchmark_group("timex");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("find/shared-corpus", |b| {
        b.iter(|| timex::find(std::hint::black_box(&text), published))
    });
    if let Some(bulk) = bulk() {
        let stories: Vec<&str> = bulk.iter().map(String::as_str).collect();
        cpu_throughput("reuters-stories", &stories);
        let bytes: usize = stories.iter().map(|t| t.len()).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.sample_size(10);
        g.bench_function("find/reuters-stories", |b| {
            b.iter(|| {
                for s in &stories {
                    std::hint::black_box(timex::find(std::hint::black_box(s), published));
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
