//! Person keys: one spelling-independent key per person name, so that the
//! same person is found across articles.
//!
//! A key is the surname, then the first given name, each folded the way
//! the extractor's coreference compares name words (accents and case
//! folded, "y" read as "i", doubled letters collapsed, so transliteration
//! variants such as "Zelenskyy"/"Zelensky" and "Andriy"/"Andrii" share a
//! key). Honorifics ("Dr", "Sheikh"), particles ("von", "de", "bin"),
//! suffixes ("Jr") and middle names are left out; "Surname, Given" is read
//! as written in that order. A name of one word gives a surname-only key,
//! which is never joined to a full name automatically: two people may share
//! a surname. A name one letter away from another (a misspelling) may be
//! the same person, so it never makes a contradiction by itself.

use crate::extract::coref;
use crate::extract::lexicon::is_honorific;
use crate::extract::mentions::is_particle;
use crate::lexical::lines;
use std::collections::HashSet;
use std::sync::LazyLock;

static SUFFIXES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lines(include_str!("../../data/archive/name_suffixes.txt")).collect());

/// The normalised key of a person's name: `"smith john"` for "Dr. John
/// A. Smith Jr." and for "Smith, John"; `"smith"` for "Smith"; empty when
/// the name has no word left.
pub fn person_key(name: &str) -> String {
    let (given, surname) = parts(name);
    match (given, surname) {
        (_, None) => String::new(),
        (None, Some(s)) => s,
        (Some(g), Some(s)) => format!("{s} {g}"),
    }
}

/// The given name and surname keys of a name.
fn parts(name: &str) -> (Option<String>, Option<String>) {
    // "Smith, John": the surname comes first.
    let (first, rest) = match name.split_once(',') {
        Some((a, b)) if !b.trim().is_empty() && !is_suffix(b) => (b, Some(a)),
        _ => (name, None),
    };
    let mut words: Vec<String> = first
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if let Some(surname) = rest {
        words.extend(
            surname
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
                .filter(|w| !w.is_empty()),
        );
    }
    // Possessive "Smith's".
    if let Some(last) = words.last_mut()
        && let Some(stem) = last
            .strip_suffix("'s")
            .or_else(|| last.strip_suffix("’s"))
            .map(str::to_string)
    {
        *last = stem;
    }
    let words: Vec<&String> = words
        .iter()
        .filter(|w| {
            let lc = w.to_lowercase();
            !is_honorific(&lc) && !is_particle(&lc) && !is_suffix(&lc)
        })
        .collect();
    let surname = words
        .last()
        .map(|w| coref::key(w))
        .filter(|k| !k.is_empty());
    let given = (words.len() > 1)
        .then(|| coref::key(words[0]))
        .filter(|k| !k.is_empty());
    (given, surname)
}

fn is_suffix(w: &str) -> bool {
    let lc = w.trim().trim_end_matches('.').to_lowercase();
    SUFFIXES.contains(lc.as_str())
}

/// Whether two keys may name the same person: the same key, or the same
/// surname where one has no given name, or given names of which one is the
/// other's initial ("smith j" and "smith john").
pub fn may_be_same(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (sa, ga) = split_key(a);
    let (sb, gb) = split_key(b);
    if sa != sb {
        // A misspelt surname ("Holland" for "Hollande") with the same
        // given name.
        return ga.is_some() && ga == gb && one_edit(sa, sb);
    }
    match (ga, gb) {
        (None, _) | (_, None) => true,
        (Some(x), Some(y)) => {
            (x.len() == 1 && y.starts_with(x))
                || (y.len() == 1 && x.starts_with(y))
                // A misspelt given name ("Saqdiq" for "Sadiq").
                || one_edit(x, y)
        }
    }
}

/// Whether two keys of at least five letters differ by one letter added,
/// dropped or changed.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < 5 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// The surname and the given name of a key.
pub fn split_key(key: &str) -> (&str, Option<&str>) {
    match key.split_once(' ') {
        Some((s, g)) => (s, Some(g)),
        None => (key, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, expected: &str) {
        assert_eq!(person_key(name), expected, "key of {name:?}");
    }

    #[test]
    fn keys() {
        for (name, key) in [
            ("John Smith", "smith john"),
            ("JOHN SMITH", "smith john"),
            ("Dr. John A. Smith Jr.", "smith john"),
            ("Smith, John", "smith john"),
            ("Smith", "smith"),
            ("Smith's", "smith"),
            ("Sheikh Omar bin Rashid", "rashid omar"),
            ("Ludwig van Oostveld", "ostveld ludwig"),
            ("Élodie Ménard", "menard elodie"),
            ("Elodie Menard", "menard elodie"),
            ("Andriy Kovalenkyy", "kovalenki andri"),
            ("Andrii Kovalenky", "kovalenki andri"),
            ("Mr.", ""),
            ("", ""),
        ] {
            check(name, key);
        }
    }

    #[test]
    fn same_person_or_not() {
        for (a, b, same) in [
            ("smith john", "smith john", true),
            ("smith", "smith john", true),
            ("smith j", "smith john", true),
            ("smith jane", "smith john", false),
            ("smith john", "smyth john", true),
            ("smith john", "smythe john", false),
            ("holande francois", "holand francois", true),
            ("khan sadiq", "khan saqdiq", true),
            ("khan sadiq", "khan sadia", true),
            ("smith jane", "smith john", false),
            ("holande francois", "holand marie", false),
        ] {
            assert_eq!(may_be_same(a, b), same, "{a} / {b}");
            assert_eq!(may_be_same(b, a), same, "{b} / {a}");
        }
    }
}
