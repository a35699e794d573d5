//! Revision comparison speed: two 10,000-word versions of a generated
//! article (own word lists, deterministic), the second with scattered
//! edits of every kind: spelling fixes, changed numbers and names, inserted
//! clauses, removed, added, moved, split and merged sentences.
//!
//! `compare_extracted` is the comparison alone (what the store runs, as it
//! keeps extractions); `compare` adds extracting both versions. Both run with
//! the lexical data loaded; the one-time load cost and memory are printed.

use claimdesk::compare::{compare, compare_extracted};
use claimdesk::extract;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const FIRST: &[&str] = &[
    "Ada", "Kofi", "Marta", "Lena", "Tomas", "Ines", "Ravi", "Yusuf", "Elena", "Jonas",
];
const LAST: &[&str] = &[
    "Mensah",
    "Boateng",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Haddad",
    "Novak",
    "Silva",
    "Park",
    "Weber",
];
const ROLES: &[&str] = &[
    "mayor",
    "finance minister",
    "chief of staff",
    "police spokesperson",
    "union leader",
    "health director",
    "judge",
    "party chair",
];
const PLACES: &[&str] = &[
    "Lowbridge",
    "Eastmoor",
    "Caldera",
    "Port Sefton",
    "Hillcrest",
    "Marrow Bay",
    "Northfield",
];
const NOUNS: &[&str] = &[
    "schools",
    "bridges",
    "clinics",
    "buses",
    "households",
    "farms",
    "factories",
    "libraries",
];
const VERBS: &[&str] = &[
    "reopened",
    "closed",
    "flooded",
    "received funding",
    "lost power",
    "were inspected",
];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const FILLER: &[&str] = &[
    "according to officials familiar with the matter",
    "despite repeated warnings from local residents",
    "after a long debate in the regional assembly",
    "while opposition members walked out in protest",
];

/// A small deterministic generator (64-bit LCG).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.next() % v.len()]
    }
}

fn sentence(r: &mut Rng) -> String {
    match r.next() % 3 {
        0 => format!(
            "{} {}, the {} of {}, said on {} that {} {} had {} {}.",
            r.pick(FIRST),
            r.pick(LAST),
            r.pick(ROLES),
            r.pick(PLACES),
            r.pick(DAYS),
            r.next() % 900 + 2,
            r.pick(NOUNS),
            r.pick(VERBS),
            r.pick(FILLER)
        ),
        1 => format!(
            "In {}, about {} {} {} last week, {}, and the {} promised a full review.",
            r.pick(PLACES),
            r.next() % 90 + 2,
            r.pick(NOUNS),
            r.pick(VERBS),
            r.pick(FILLER),
            r.pick(ROLES)
        ),
        _ => format!(
            "The {} {} {} will not attend the hearing on {}, her office confirmed.",
            r.pick(ROLES),
            r.pick(FIRST),
            r.pick(LAST),
            r.pick(DAYS)
        ),
    }
}

/// Two versions of about `words` words each.
fn versions(words: usize) -> (String, String) {
    let mut r = Rng(42);
    let mut old = Vec::new();
    let mut count = 0;
    while count < words {
        let s = sentence(&mut r);
        count += s.split_whitespace().count();
        old.push(s);
    }
    let mut new: Vec<String> = Vec::with_capacity(old.len());
    for (i, s) in old.iter().enumerate() {
        match i % 50 {
            3 => new.push(s.replacen("the ", "teh ", 1)),
            9 => new.push(s.replacen(" had ", " had not ", 1)),
            14 => new.push(s.replacen(", the ", ", the former ", 1)),
            19 => {} // removed
            23 => {
                new.push(s.clone());
                new.push(sentence(&mut r)); // added
            }
            28 => new.push(s.replacen(", and the ", ". The ", 1)), // split
            33 => new.push(s.replacen("Monday", "Tuesday", 1)),
            41 => {
                // merged with the next one
                let next = old.get(i + 1).cloned().unwrap_or_default();
                new.push(format!("{}, and {}", s.trim_end_matches('.'), next));
            }
            42 => {}
            45 => new.insert(new.len().saturating_sub(6), s.clone()), // moved
            _ => new.push(s.clone()),
        }
    }
    (old.join(" "), new.join(" "))
}

fn bench(c: &mut Criterion) {
    // The lexical data (dictionaries, WordNet tables, cue lists) loads once
    // per process; load it first so the comparison runs with it in memory,
    // and report what loading costs.
    let rss = || {
        std::fs::read_to_string("/proc/self/statm")
            .ok()
            .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
            .map_or(0, |pages| pages * 4096)
    };
    let (before, t) = (rss(), std::time::Instant::now());
    claimdesk::lexical::preload();
    eprintln!(
        "lexical data: loaded once in {:?}, resident memory +{:.1} MiB",
        t.elapsed(),
        rss().saturating_sub(before) as f64 / (1024.0 * 1024.0)
    );
    let (old, new) = versions(10_000);
    let a = extract(&old, None);
    let b = extract(&new, None);
    eprintln!(
        "compare bench: old {} words / {} sentences, new {} words / {} sentences",
        old.split_whitespace().count(),
        a.sentences.len(),
        new.split_whitespace().count(),
        b.sentences.len()
    );
    c.bench_function("compare_extracted 10k words", |bn| {
        bn.iter(|| compare_extracted(black_box(&old), &a, black_box(&new), &b))
    });
    c.bench_function("compare incl. extraction 10k words", |bn| {
        bn.iter(|| compare(black_box(&old), black_box(&new), None))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
