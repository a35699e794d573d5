//! Number words, ordinals, scale words, months and weekdays: the one
//! vocabulary the temporal expressions and the revision comparison read
//! (`data/vocab/numbers.txt`, `data/vocab/calendar.txt`).

use super::lines;

/// The crate's FNV hasher: keys are short words.
type Fast = crate::hash::FnvBuild;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What a vocabulary word is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Word {
    Cardinal(u64),
    Ordinal(u64),
    /// Multiplies the number before it (`million`, `bn`).
    Scale(f64),
    /// Month number, 1–12; `abbr` for a short form.
    Month {
        n: u32,
        abbr: bool,
    },
    /// Weekday number, 1 (Monday) – 7; `abbr` for a short form.
    Weekday {
        n: u32,
        abbr: bool,
    },
}

struct Vocab {
    words: HashMap<&'static str, Word, Fast>,
    months: Vec<&'static str>,
    weekdays: Vec<&'static str>,
}

static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
    let mut v = Vocab {
        words: HashMap::default(),
        months: vec![""; 12],
        weekdays: vec![""; 7],
    };
    for l in lines(include_str!("../../data/vocab/numbers.txt")) {
        let f: Vec<&str> = l.split_whitespace().collect();
        let [kind, word, value] = f[..] else { continue };
        let w = match kind {
            "cardinal" => value.parse().ok().map(Word::Cardinal),
            "ordinal" => value.parse().ok().map(Word::Ordinal),
            "scale" => value.parse().ok().map(Word::Scale),
            _ => None,
        };
        if let Some(w) = w {
            v.words.entry(word).or_insert(w);
        }
    }
    for l in lines(include_str!("../../data/vocab/calendar.txt")) {
        let f: Vec<&str> = l.split_whitespace().collect();
        let (Some(&kind), Some(n)) = (f.first(), f.get(1).and_then(|n| n.parse::<u32>().ok()))
        else {
            continue;
        };
        for (k, name) in f.iter().skip(2).enumerate() {
            let abbr = k > 0;
            let (w, list) = match kind {
                "month" => (Word::Month { n, abbr }, &mut v.months),
                "weekday" => (Word::Weekday { n, abbr }, &mut v.weekdays),
                _ => continue,
            };
            if !abbr && let Some(slot) = list.get_mut(n as usize - 1) {
                *slot = name;
            }
            v.words.entry(name).or_insert(w);
        }
    }
    v
});

/// The vocabulary word `key` (lower case), if any.
pub fn lookup(key: &str) -> Option<Word> {
    VOCAB.words.get(key).copied()
}

/// Every vocabulary word with what it is.
pub fn words() -> impl Iterator<Item = (&'static str, Word)> {
    VOCAB.words.iter().map(|(k, w)| (*k, *w))
}

/// A hyphenated number word, tens then unit (`twenty-first`,
/// `thirty-one`): a cardinal or an ordinal as the unit is.
pub fn compound(tens: &str, unit: &str) -> Option<Word> {
    let Some(Word::Cardinal(t)) = lookup(tens) else {
        return None;
    };
    if !(20..=90).contains(&t) || t % 10 != 0 {
        return None;
    }
    match lookup(unit)? {
        Word::Cardinal(u) if (1..=9).contains(&u) => Some(Word::Cardinal(t + u)),
        Word::Ordinal(u) if (1..=9).contains(&u) => Some(Word::Ordinal(t + u)),
        _ => None,
    }
}

/// The number words with their values (cardinals and ordinals).
pub fn numbers() -> impl Iterator<Item = (&'static str, Word)> {
    VOCAB.words.iter().map(|(k, w)| (*k, *w))
}

/// Lower-case name of month `n` (1–12).
pub fn month_name(n: u32) -> &'static str {
    VOCAB
        .months
        .get((n.clamp(1, 12) - 1) as usize)
        .copied()
        .unwrap_or("")
}

/// Lower-case name of weekday `n` (1 = Monday … 7).
pub fn weekday_name(n: u32) -> &'static str {
    VOCAB
        .weekdays
        .get((n.clamp(1, 7) - 1) as usize)
        .copied()
        .unwrap_or("")
}

/// All full vocabulary words, for matching misspellings (`Febuary`).
pub fn spelled_words() -> impl Iterator<Item = &'static str> {
    VOCAB.words.iter().filter_map(|(k, w)| match w {
        Word::Month { abbr: false, .. } | Word::Weekday { abbr: false, .. } => Some(*k),
        Word::Cardinal(_) | Word::Ordinal(_) if k.len() > 3 => Some(*k),
        Word::Scale(_) if k.len() > 3 => Some(*k),
        _ => None,
    })
}

pub(super) fn preload() {
    LazyLock::force(&VOCAB);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_vocabulary() {
        assert_eq!(lookup("thirteenth"), Some(Word::Ordinal(13)));
        assert_eq!(lookup("fourteenth"), Some(Word::Ordinal(14)));
        assert_eq!(lookup("ten"), Some(Word::Cardinal(10)));
        assert_eq!(lookup("bn"), Some(Word::Scale(1e9)));
        assert_eq!(lookup("sept"), Some(Word::Month { n: 9, abbr: true }));
        assert_eq!(month_name(2), "february");
        assert_eq!(weekday_name(7), "sunday");
    }
}
