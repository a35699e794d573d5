//! Across the archive, at scale: adding one article to an archive of
//! 10,000 and 20,000 articles, with the match and conflict checks of its
//! claims (`Store::check_article`), each part alone, and the whole
//! archive's conflicts.
//! The archives are generated: invented people (one for every ten
//! articles), organisations, places and quotes in template sentences, so
//! people recur across articles as in a newsroom's archive.
//!
//! `cargo bench -p claimdesk --bench archive`

use chrono::NaiveDate;
use claimdesk::load::{self, Overrides};
use claimdesk::store::{Store, Target};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const SYLLABLES: &[&str] = &[
    "ka", "lo", "ve", "mi", "tan", "ro", "sel", "da", "vin", "or", "pe", "lu", "mar", "ne", "ost",
    "ri", "bel", "ta", "gun", "sa",
];
const TITLES: &[&str] = &[
    "chairman",
    "chief executive",
    "minister",
    "senator",
    "director",
];
const PLACES: &[&str] = &[
    "Berlin", "Madrid", "Lisbon", "Oslo", "Vienna", "Prague", "Dublin", "Warsaw",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn word(seed: usize, parts: usize) -> String {
    let mut s = String::new();
    let mut x = seed;
    for _ in 0..parts {
        s.push_str(SYLLABLES[x % SYLLABLES.len()]);
        x /= SYLLABLES.len();
    }
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn person(i: usize) -> String {
    format!("{} {}", word(i * 7 + 3, 2), word(i, 3))
}

fn org(i: usize) -> String {
    format!("{} Corporation", word(i + 11, 3))
}

/// One generated article. People's facts are their own and consistent
/// (a person leaves one post on one date; an event has one date and
/// place) and quotes are distinct, as in a real archive, so what is
/// measured is the work, not a flood of generated contradictions.
fn article(rng: &mut Rng, people: usize) -> (NaiveDate, String) {
    let year = 2015 + rng.below(8) as i32;
    let month = 1 + rng.below(12) as u32;
    let day = 1 + rng.below(28) as u32;
    let published = NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default();
    let mut text = String::new();
    for _ in 0..4 {
        let who = rng.below(people);
        let p = person(who);
        let sentence = match rng.below(5) {
            0 => format!(
                "{} {} {p} said the results were better than expected. ",
                org(who / 3),
                TITLES[who % TITLES.len()]
            ),
            1 => format!(
                "{p} resigned as director of {} in {} {}. ",
                org(who / 3),
                MONTHS[who % 12],
                2010 + who % 5
            ),
            2 => {
                let event = rng.below(people);
                format!(
                    "{p} attended the {} trade summit in {} on {} {} {}. ",
                    word(event, 3),
                    PLACES[event % PLACES.len()],
                    1 + event % 28,
                    MONTHS[event % 12],
                    2015 + event % 8
                )
            }
            3 => {
                let words: Vec<String> = (0..7)
                    .map(|_| word(rng.below(1 << 20), 3).to_lowercase())
                    .collect();
                format!("\"We will {} this year,\" said {p}. ", words.join(" "))
            }
            _ => format!(
                "{p} visited {} on {day} {} {year}. ",
                PLACES[who % PLACES.len()],
                MONTHS[(month - 1) as usize]
            ),
        };
        text.push_str(&sentence);
    }
    (published, text)
}

fn doc(published: NaiveDate, text: String, i: usize) -> load::Document {
    let over = Overrides {
        title: Some(format!("Story {i}")),
        published: Some(published),
    };
    load::from_text(text, &over).expect("generated text loads")
}

/// A store on disk holding `n` generated articles.
fn archive(n: usize, dir: &std::path::Path) -> Store {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let people = (n / 10).max(10);
    let docs: Vec<_> = (0..n)
        .map(|i| {
            let (d, t) = article(&mut rng, people);
            Ok(doc(d, t, i))
        })
        .collect();
    let mut store = Store::open(&dir.join(format!("archive-{n}.db"))).expect("store");
    store.add_all(docs, |_| {}).expect("import");
    store
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut g = c.benchmark_group("archive");
    g.sample_size(10);
    for n in [10_000usize, 20_000] {
        let mut store = archive(n, dir.path());
        let mut rng = Rng(42);
        let people = (n / 10).max(10);
        let mut i = n;
        // The whole step: store the article, then its checks.
        g.bench_with_input(
            BenchmarkId::new("add_one_article_with_checks", n),
            &n,
            |b, _| {
                b.iter(|| {
                    i += 1;
                    let (d, t) = article(&mut rng, people);
                    let added = store.add(&doc(d, t, i), Target::New).expect("add");
                    let check = store.check_article(added.article_id).expect("check");
                    black_box((check.matches.len(), check.conflicts.len()))
                })
            },
        );
        // Its two parts.
        g.bench_with_input(BenchmarkId::new("add_one_article", n), &n, |b, _| {
            b.iter(|| {
                i += 1;
                let (d, t) = article(&mut rng, people);
                black_box(
                    store
                        .add(&doc(d, t, i), Target::New)
                        .expect("add")
                        .article_id,
                )
            })
        });
        let last = store.articles().expect("articles").len() as i64;
        g.bench_with_input(BenchmarkId::new("checks_of_one_article", n), &n, |b, _| {
            b.iter(|| {
                let check = store.check_article(black_box(last)).expect("check");
                black_box((check.matches.len(), check.conflicts.len()))
            })
        });
        g.bench_with_input(
            BenchmarkId::new("conflicts_whole_archive", n),
            &n,
            |b, _| b.iter(|| black_box(store.conflicts(None, false).expect("conflicts").len())),
        );
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
