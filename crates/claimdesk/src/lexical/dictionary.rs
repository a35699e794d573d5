//! The spelling dictionaries: Hunspell en_US and en_GB (copied from
//! Debian's `hunspell-en-us` and `hunspell-en-gb` by
//! `scripts/gen-lexical-data`; licences in `data/lexical/hunspell/README`),
//! compiled in and read with `spellbook`. They tell a typo (a non-word
//! corrected to a word) from a real word replaced by another one.

use spellbook::Dictionary;
use std::sync::LazyLock;

struct Dictionaries {
    us: Option<Dictionary>,
    gb: Option<Dictionary>,
}

static DICTS: LazyLock<Dictionaries> = LazyLock::new(|| Dictionaries {
    us: Dictionary::new(
        include_str!("../../data/lexical/hunspell/en_US.aff"),
        include_str!("../../data/lexical/hunspell/en_US.dic"),
    )
    .ok(),
    gb: Dictionary::new(
        include_str!("../../data/lexical/hunspell/en_GB.aff"),
        include_str!("../../data/lexical/hunspell/en_GB.dic"),
    )
    .ok(),
});

/// Which dictionaries hold a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spelling {
    pub us: bool,
    pub gb: bool,
}

impl Spelling {
    pub fn is_word(self) -> bool {
        self.us || self.gb
    }
}

/// Which dictionaries accept `word` as written (case rules are Hunspell's:
/// `Oslo` is a word, `oslo` is not; `The` is).
pub fn spelling(word: &str) -> Spelling {
    let d = &*DICTS;
    Spelling {
        us: d.us.as_ref().is_some_and(|x| x.check(word)),
        gb: d.gb.as_ref().is_some_and(|x| x.check(word)),
    }
}

/// Whether either dictionary accepts `word`.
pub fn is_word(word: &str) -> bool {
    spelling(word).is_word()
}

/// The regular US / British spelling differences, British side first.
const REGIONAL: &[(&str, &str)] = &[
    ("our", "or"),
    ("ise", "ize"),
    ("isa", "iza"),
    ("yse", "yze"),
    ("tre", "ter"),
    ("ence", "ense"),
    ("ogue", "og"),
    ("ll", "l"),
    ("ae", "e"),
    ("oe", "e"),
];

/// A word with every British spelling pattern turned US.
fn us_form(w: &str) -> String {
    let mut s = w.to_lowercase();
    for (gb, us) in REGIONAL {
        s = s.replace(gb, us);
    }
    s
}

/// Whether two spellings are the US and the British form of one word
/// (`licence` / `license`, `colour` / `color`): both are words, one of them
/// British, and the regular spelling patterns make them one.
pub fn regional_variants(a: &str, b: &str) -> bool {
    if a == b || us_form(a) != us_form(b) {
        return false;
    }
    let (x, y) = (spelling(a), spelling(b));
    (x.gb || y.gb) && (x.us || y.us)
}

pub(super) fn preload() {
    LazyLock::force(&DICTS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_non_words() {
        for (w, want) in [
            ("received", true),
            ("recieved", false),
            ("Oslo", true),
            ("Olso", false),
            ("hired", true),
            ("fired", true),
            ("Austria", true),
            ("Australia", true),
        ] {
            assert_eq!(is_word(w), want, "{w}");
        }
        assert!(regional_variants("license", "licence") || regional_variants("color", "colour"));
    }
}
