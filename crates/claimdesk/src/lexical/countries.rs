//! Country names and demonyms (`data/lexical/countries.txt`: ISO 3166-1
//! names from Debian's iso-codes, common names, alternative spellings and
//! English demonyms from the world-countries data): `Spain`, `Spanish`,
//! `Kingdom of Spain` name one country, as do `U.S.` and `United States`.

use super::lines;

/// The crate's FNV hasher: keys are short words.
type Fast = crate::hash::FnvBuild;
use std::collections::HashMap;
use std::sync::LazyLock;

struct Countries {
    /// Lower-case letter key of a name (`unitedstates`) → country index.
    by_key: HashMap<String, u16, Fast>,
    /// All-capital short forms (`USA`, `UK`), matched as written.
    by_caps: HashMap<String, u16, Fast>,
    /// Longest name, in words.
    longest: usize,
}

/// Letters and digits of a name, lower case (`U.S.` → `us`).
pub fn name_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

static COUNTRIES: LazyLock<Countries> = LazyLock::new(|| {
    let mut c = Countries {
        by_key: HashMap::default(),
        by_caps: HashMap::default(),
        longest: 1,
    };
    for (i, l) in lines(include_str!("../../data/lexical/countries.txt")).enumerate() {
        let i = u16::try_from(i).unwrap_or(u16::MAX);
        for name in l.split('|').skip(1) {
            let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
            if letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase()) {
                c.by_caps.insert(letters.iter().collect(), i);
                continue;
            }
            c.longest = c.longest.max(name.split_whitespace().count());
            c.by_key.entry(name_key(name)).or_insert(i);
        }
    }
    c
});

/// The country a name (one or more words, as written) names, if any. A
/// possessive (`Spain's`) names the country too.
pub fn country(words: &[&str]) -> Option<u16> {
    let c = &*COUNTRIES;
    if words.is_empty() || words.len() > c.longest {
        return None;
    }
    if !words
        .first()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    let joined: String = words.concat();
    let caps: String = joined.chars().filter(|c| c.is_alphabetic()).collect();
    if words
        .iter()
        .all(|w| w.chars().filter(|c| c.is_alphabetic()).count() <= 1)
        || (caps.len() <= 4 && caps.chars().all(char::is_uppercase))
    {
        // Initials: `U.S.` (as `U`, `S`), `UK`.
        if let Some(&i) = c.by_caps.get(&caps) {
            return Some(i);
        }
    }
    let key = name_key(&joined);
    let key = key
        .strip_suffix('s')
        .filter(|k| {
            (joined.ends_with("'s") || joined.ends_with("\u{2019}s")) && c.by_key.contains_key(*k)
        })
        .unwrap_or(&key);
    c.by_key.get(key).copied()
}

/// The most words a country name has.
pub fn longest_name() -> usize {
    COUNTRIES.longest
}

pub(super) fn preload() {
    LazyLock::force(&COUNTRIES);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_demonyms() {
        let spain = country(&["Spain"]);
        assert!(spain.is_some());
        assert_eq!(country(&["Spanish"]), spain);
        assert_eq!(country(&["Spain's"]), spain);
        let us = country(&["United", "States"]);
        assert!(us.is_some());
        assert_eq!(country(&["U", "S"]), us);
        assert_eq!(country(&["American"]), us);
        assert_ne!(country(&["Austria"]), country(&["Australia"]));
        assert_eq!(country(&["spanish"]), None);
    }
}
