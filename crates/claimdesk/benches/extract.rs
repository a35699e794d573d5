//! Throughput of `extract` (segmentation, people, claim rules and dates)
//! over the shared real articles and a sample of bulk wire and web text,
//! reported in bytes per second. Reads `../shared/corpus` at run time and
//! falls back to a built-in sample (with a note) when it is absent. The
//! machine is shared, so the bench also prints throughput per CPU-second
//! of this thread (Linux `/proc/thread-self/schedstat`), which wall-clock
//! contention does not distort.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

const FALLBACK: &str = "TOLEDO, April 2 - Acme Widgets Corp said Dora Pelt was named president of the unit, replacing Karl Ost, who resigned as chairman last week.\n    \"I am delighted,\" Pelt said. Secretary of State Ivan Petrenko met with Yuki Sato in Geneva on Friday.\n";

fn corpus_root() -> Option<&'static Path> {
    [
        Path::new("../../../shared/corpus"),
        Path::new("../shared/corpus"),
        Path::new("/work/shared/corpus"),
    ]
    .into_iter()
    .find(|p| p.is_dir())
}

fn articles() -> Vec<String> {
    let Some(root) = corpus_root() else {
        eprintln!("note: ../shared/corpus not found; benchmarking a built-in sample");
        return vec![FALLBACK.repeat(8)];
    };
    let mut out = Vec::new();
    if let Ok(dir) = std::fs::read_dir(root.join("articles")) {
        let mut paths: Vec<_> = dir
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        out.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    }
    out
}

/// Texts from the first lines of the bulk files (every 7th line, up to `n`
/// per file), so the sample mixes wire and web copy.
fn bulk(n: usize) -> Vec<String> {
    let Some(root) = corpus_root() else {
        return vec![FALLBACK.repeat(8)];
    };
    let mut out = Vec::new();
    for f in ["bulk/reuters21578.jsonl", "bulk/cnn-2012-2019.jsonl"] {
        let Ok(data) = std::fs::read_to_string(root.join(f)) else {
            eprintln!("note: {f} not found; skipped");
            continue;
        };
        for line in data.lines().step_by(7).take(n) {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line)
                && let Some(t) = v.get("text").and_then(|t| t.as_str())
            {
                out.push(t.to_string());
            }
        }
    }
    out
}

/// Nanoseconds this thread has spent on a CPU, if the kernel says.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Prints MB per CPU-second of `extract` over `texts` (about 3 CPU-seconds).
fn cpu_throughput(name: &str, texts: &[String], bytes: usize) {
    let Some(t0) = cpu_ns() else {
        eprintln!("note: no /proc/thread-self/schedstat; CPU-time figure skipped");
        return;
    };
    let mut rounds = 0u64;
    while cpu_ns().unwrap_or(t0).saturating_sub(t0) < 3_000_000_000 {
        for t in texts {
            black_box(claimdesk::extract(black_box(t), None));
        }
        rounds += 1;
    }
    let secs = cpu_ns().unwrap_or(t0).saturating_sub(t0) as f64 / 1e9;
    println!(
        "extract/{name}: {:.1} MB per CPU-second ({} texts, {bytes} bytes x {rounds} rounds)",
        (bytes as f64 * rounds as f64) / secs / 1e6,
        texts.len()
    );
}

fn bench(c: &mut Criterion) {
    for (name, texts) in [("articles", articles()), ("bulk-sample", bulk(150))] {
        let bytes: usize = texts.iter().map(String::len).sum();
        if bytes == 0 {
            continue;
        }
        cpu_throughput(name, &texts, bytes);
        let mut g = c.benchmark_group("extract");
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(name, |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(claimdesk::extract(black_box(t), None));
                }
            })
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
