//! Word lists the extractor reads: abbreviations, titles and offices,
//! honorifics, given names, places and their adjectives, organization words,
//! event nouns, speech verbs and function words.
//!
//! The lists are plain data files under `data/lexicon/` compiled in with
//! `include_str!` and parsed once (`LazyLock`). Lookups take ASCII
//! lower-case keys.

use crate::hash::{FastMap, FastSet as Set, FnvBuild};
use std::collections::HashSet;
use std::sync::LazyLock;

/// A set of words with the fast hasher.
pub type FastSet = Set<&'static str>;

/// A fast set of the given words.
pub fn set_of(words: &[&'static str]) -> FastSet {
    words.iter().copied().collect()
}

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn words(data: &'static str) -> FastSet {
    lines(data).flat_map(str::split_whitespace).collect()
}

fn set(data: &'static str) -> FastSet {
    lines(data).collect()
}

static ABBREV: LazyLock<(FastSet, FastSet)> = LazyLock::new(|| {
    let mut all = FastSet::default();
    let mut prefix = FastSet::default();
    for l in lines(include_str!("../../data/lexicon/abbreviations.txt")) {
        if let Some(p) = l.strip_prefix('!') {
            prefix.insert(p);
            all.insert(p);
        } else {
            all.insert(l);
        }
    }
    (all, prefix)
});

static TITLES: LazyLock<FastSet> =
    LazyLock::new(|| set(include_str!("../../data/lexicon/titles.txt")));

/// Every word that occurs in a title ("state" in "secretary of state").
static TITLE_WORDS: LazyLock<FastSet> = LazyLock::new(|| {
    TITLES
        .iter()
        .flat_map(|t| t.split(' '))
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "in"))
        .collect()
});

/// The first word of every title.
static TITLE_STARTS: LazyLock<FastSet> =
    LazyLock::new(|| TITLES.iter().filter_map(|t| t.split(' ').next()).collect());

/// The last word of every title ("adviser" of "national security adviser").
static TITLE_HEADS: LazyLock<FastSet> =
    LazyLock::new(|| TITLES.iter().filter_map(|t| t.rsplit(' ').next()).collect());

static HONORIFICS: LazyLock<FastSet> =
    LazyLock::new(|| set(include_str!("../../data/lexicon/honorifics.txt")));

static MALE: LazyLock<FastSet> =
    LazyLock::new(|| words(include_str!("../../data/lexicon/names_male.txt")));
static FEMALE: LazyLock<FastSet> =
    LazyLock::new(|| words(include_str!("../../data/lexicon/names_female.txt")));

static STOP: LazyLock<FastSet> =
    LazyLock::new(|| words(include_str!("../../data/lexicon/stopwords.txt")));

static ORG: LazyLock<FastSet> =
    LazyLock::new(|| set(include_str!("../../data/lexicon/org_words.txt")));

static EVENTS: LazyLock<FastSet> =
    LazyLock::new(|| set(include_str!("../../data/lexicon/events.txt")));

static PLACE_SUFFIX: LazyLock<FastSet> =
    LazyLock::new(|| set(include_str!("../../data/lexicon/place_suffixes.txt")));

static SPEECH: LazyLock<FastSet> =
    LazyLock::new(|| set(include_str!("../../data/lexicon/speech_verbs.txt")));

/// Lower-case place name or adjective → canonical place name; plus the set
/// of every word that occurs in a place name.
type PlaceLists = (FastMap<String, &'static str>, HashSet<String, FnvBuild>);

static PLACES: LazyLock<PlaceLists> = LazyLock::new(|| {
    let mut map = FastMap::default();
    let mut parts = HashSet::default();
    for l in lines(include_str!("../../data/lexicon/places.txt")) {
        let mut it = l.split('|');
        let Some(place) = it.next() else { continue };
        for alias in std::iter::once(place).chain(it) {
            map.insert(alias.to_ascii_lowercase(), place);
            for w in alias.split(' ') {
                parts.insert(w.to_ascii_lowercase());
            }
        }
    }
    (map, parts)
});

/// Per-word flags, looked up once per token by the segmenter so the hot
/// loops of the rules test a bit instead of hashing again.
pub mod flag {
    pub const STOP: u16 = 1;
    pub const PRONOUN: u16 = 2;
    pub const ATTEND: u16 = 4;
    pub const DISMISS: u16 = 8;
    pub const SPEECH: u16 = 16;
}

static FLAGS: LazyLock<FastMap<&'static str, u16>> = LazyLock::new(|| {
    let mut m: FastMap<&'static str, u16> = FastMap::default();
    let mut add = |w: &'static str, f: u16| *m.entry(w).or_insert(0) |= f;
    for w in STOP.iter() {
        add(w, flag::STOP);
    }
    for w in [
        "he", "him", "his", "himself", "she", "her", "hers", "herself",
    ] {
        add(w, flag::PRONOUN);
    }
    for w in super::attendance::TRIGGERS {
        add(w, flag::ATTEND);
    }
    for w in super::dismissal::TRIGGERS {
        add(w, flag::DISMISS);
    }
    for w in SPEECH.iter() {
        add(w, flag::SPEECH);
    }
    m
});

/// The flags of a lower-case word (0 for most words).
pub fn flags(w: &str) -> u16 {
    FLAGS.get(w).copied().unwrap_or(0)
}

/// A person's grammatical gender as far as the text tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Unknown,
    Male,
    Female,
}

pub fn is_abbrev(w: &str) -> bool {
    ABBREV.0.contains(w)
}

/// Abbreviations that come before a name or number and never end a sentence.
pub fn is_prefix_abbrev(w: &str) -> bool {
    ABBREV.1.contains(w)
}

pub fn is_stopword(w: &str) -> bool {
    STOP.contains(w)
}

pub fn is_title(phrase: &str) -> bool {
    TITLES.contains(phrase)
}

pub fn is_title_word(w: &str) -> bool {
    TITLE_WORDS.contains(w.trim_end_matches('.'))
}

/// Whether some title starts with this word.
pub fn is_title_start(w: &str) -> bool {
    TITLE_STARTS.contains(w)
}

pub fn is_title_head(w: &str) -> bool {
    TITLE_HEADS.contains(w)
}

pub fn is_honorific(w: &str) -> bool {
    HONORIFICS.contains(w.trim_end_matches('.'))
}

/// The gender a given name suggests, if it is a known given name.
pub fn given_name(w: &str) -> Option<Gender> {
    match (MALE.contains(w), FEMALE.contains(w)) {
        (true, false) => Some(Gender::Male),
        (false, true) => Some(Gender::Female),
        (true, true) => Some(Gender::Unknown),
        (false, false) => None,
    }
}

pub fn is_org_word(w: &str) -> bool {
    ORG.contains(w)
}

pub fn is_event(w: &str) -> bool {
    EVENTS.contains(w)
}

pub fn is_speech_verb(w: &str) -> bool {
    SPEECH.contains(w)
}

/// The canonical place a lower-case name or adjective stands for
/// ("british" → "Britain").
pub fn place(w: &str) -> Option<&'static str> {
    PLACES.0.get(w).copied()
}

/// Whether a name ending in this word is a place ("Beach", "Square").
pub fn is_place_suffix(w: &str) -> bool {
    PLACE_SUFFIX.contains(w)
}

/// Whether the word occurs in some place name.
pub fn is_place_word(w: &str) -> bool {
    PLACES.1.contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_answer() {
        assert!(is_abbrev("inc") && is_prefix_abbrev("mr") && !is_prefix_abbrev("inc"));
        assert!(
            is_title("secretary of state") && is_title_word("state") && is_title_head("adviser")
        );
        assert_eq!(given_name("olena"), Some(Gender::Female));
        assert_eq!(given_name("rustem"), Some(Gender::Male));
        assert_eq!(place("british"), Some("Britain"));
        assert_eq!(place("u.s."), Some("United States"));
        assert!(is_org_word("party") && is_event("summit") && is_speech_verb("said"));
        assert!(is_stopword("the") && !is_stopword("minister"));
    }
}
