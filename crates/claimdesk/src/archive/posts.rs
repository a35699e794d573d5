//! Posts: what a role claim says a person holds, normalised so that claims
//! across articles compare ("Chairman of Acme Corp" = "chair of Acme"),
//! whether the title is past ("former chair") or names a post with a single
//! holder, and whether a claim's wording reports an appointment. The word
//! lists are data files in `data/archive/`.

use crate::extract::lexicon::is_org_word;
use crate::lexical::{countries, lines};
use crate::model::word_key;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Words before a title: those that count alone and those that count
/// only before a hyphen (a line ending in "-": "then-mayor", but not
/// "Then there's").
struct Prefixes {
    words: HashSet<String>,
    hyphen: HashSet<String>,
}

impl Prefixes {
    fn load(src: &'static str) -> Prefixes {
        let mut p = Prefixes {
            words: HashSet::new(),
            hyphen: HashSet::new(),
        };
        for l in lines(src) {
            match l.strip_suffix('-') {
                Some(h) => p.hyphen.insert(h.to_lowercase()),
                None => p.words.insert(l.to_lowercase()),
            };
        }
        p
    }

    /// A first word of a title, hyphens already split ("ex president").
    fn in_title(&self, w: &str) -> bool {
        self.words.contains(w) || self.hyphen.contains(w)
    }

    /// One of the last two words before a role's span.
    fn before(&self, before: &str) -> bool {
        let words: Vec<&str> = before.split_whitespace().collect();
        words[words.len().saturating_sub(2)..].iter().any(|w| {
            let clean = |s: &str| {
                s.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            };
            match w.split_once(['-', '–']) {
                Some((first, _)) => self.in_title(&clean(first)),
                None => self.words.contains(&clean(w)),
            }
        })
    }
}

struct Tables {
    exclusive: HashSet<String>,
    synonyms: HashMap<String, String>,
    past: Prefixes,
    future: Prefixes,
    appointment: HashSet<String>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut synonyms = HashMap::new();
    for l in lines(include_str!("../../data/archive/role_synonyms.txt")) {
        let mut it = l.split('|').map(word_key);
        if let Some(canon) = it.next() {
            for v in it {
                synonyms.insert(v, canon.clone());
            }
            synonyms.insert(canon.clone(), canon);
        }
    }
    Tables {
        exclusive: lines(include_str!("../../data/archive/exclusive_posts.txt"))
            .map(word_key)
            .collect(),
        synonyms,
        past: Prefixes::load(include_str!("../../data/archive/past_prefixes.txt")),
        future: Prefixes::load(include_str!("../../data/archive/future_prefixes.txt")),
        appointment: lines(include_str!("../../data/archive/appointment_words.txt"))
            .map(str::to_string)
            .collect(),
    }
});

/// A role as the archive compares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    /// The title's words, lower case, past prefix removed, synonyms joined:
    /// `chair`, `chief executive`.
    pub title: String,
    /// Whether the title says the post is no longer held ("former").
    pub past: bool,
    /// Whether the title says the post is not held yet ("future").
    pub future: bool,
}

impl Post {
    /// Whether the title is stated as held at the time of its article.
    pub fn current(&self) -> bool {
        !self.past && !self.future
    }
}

/// Reads a role title: "Former Chairman" → `chair`, past.
pub fn post(role: &str) -> Post {
    let t = &*TABLES;
    let key = word_key(&role.replace(['-', '–'], " "));
    let mut words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let (mut past, mut future) = (false, false);
    while let Some(first) = words.first() {
        if t.past.in_title(first) {
            past = true;
            words.remove(0);
        } else if t.future.in_title(first) {
            future = true;
            words.remove(0);
        } else if t.appointment.contains(*first) && words.len() > 1 {
            // "reappointed mayor" is the post of mayor.
            words.remove(0);
        } else {
            break;
        }
    }
    // A whole title only: "deputy prime minister" is not "prime minister".
    let rest = words.join(" ");
    let title = t.synonyms.get(&rest).cloned().unwrap_or(rest);
    Post {
        title,
        past,
        future,
    }
}

/// Whether the words just before a role's span make its title past: the
/// span "Prime Minister Tony Blair" after "ex-British", or "Labour leader
/// Ed Miliband" after "the previous".
pub fn past_before(before: &str) -> bool {
    TABLES.past.before(before)
}

/// Whether the words just before a role's span make its title future
/// ("future French President X").
pub fn future_before(before: &str) -> bool {
    TABLES.future.before(before)
}

/// Whether a (normalised) title names a post with one holder at a time.
pub fn is_exclusive(title: &str) -> bool {
    TABLES.exclusive.contains(title)
}

/// An organisation or country as the archive compares it: a country by its
/// ISO index whatever it is called ("Britain", "British", "UK"), anything
/// else by its words without "the"; empty for a kind of organisation
/// alone ("the company").
pub fn org_key(org: &str) -> String {
    let words: Vec<&str> = org
        .split_whitespace()
        .map(|w| w.trim_end_matches("'s").trim_end_matches("’s"))
        .filter(|w| !w.eq_ignore_ascii_case("the"))
        .collect();
    if let Some(c) = countries::country(&words) {
        return format!("country:{c}");
    }
    // "the company", "the Committee": a kind of organisation, not one.
    let key = word_key(&words.join(" "));
    if key.split(' ').all(|w| w.is_empty() || is_org_word(w)) {
        return String::new();
    }
    key
}

/// Whether a claim's wording reports that the post was taken at that point
/// ("was reappointed chair", "returns as chief executive").
pub fn reports_appointment(text: &str) -> bool {
    word_key(text)
        .split(' ')
        .any(|w| TABLES.appointment.contains(w))
}

/// The key of a one-holder post of an organisation, for the index of
/// posts: `"chair@acme"`. None when the post has many holders, is past,
/// or names no organisation (whose "president" would be unknown).
pub fn exclusive_post_key(role: &str, org: Option<&str>) -> Option<String> {
    let p = post(role);
    if !p.current() || !is_exclusive(&p.title) {
        return None;
    }
    let org = org_key(org?);
    (!org.is_empty()).then(|| format!("{}@{org}", p.title))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(role: &str, org: Option<&str>, expected: Option<&str>) {
        assert_eq!(
            exclusive_post_key(role, org).as_deref(),
            expected,
            "{role:?} of {org:?}"
        );
    }

    #[test]
    fn exclusive_posts() {
        let uk = org_key("United Kingdom");
        for (role, org, want) in [
            (
                "Chairman",
                Some("Acme Corp"),
                Some("chair@acme corp".to_string()),
            ),
            (
                "chairwoman",
                Some("the Acme Corp"),
                Some("chair@acme corp".into()),
            ),
            ("Former Chairman", Some("Acme Corp"), None),
            ("ex-CEO", Some("Acme Corp"), None),
            (
                "CEO",
                Some("Acme Corp"),
                Some("chief executive@acme corp".into()),
            ),
            (
                "prime minister",
                Some("British"),
                Some(format!("prime minister@{uk}")),
            ),
            (
                "Prime Minister",
                Some("UK"),
                Some(format!("prime minister@{uk}")),
            ),
            ("minister", Some("Britain"), None),
            ("Deputy Prime Minister", Some("Italy"), None),
            ("vice president", Some("Acme"), None),
            ("senator", Some("Ohio"), None),
            ("chair", None, None),
            ("president", Some("the company"), None),
            ("chairman", Some("Committee"), None),
            (
                "reappointed chairman",
                Some("Acme"),
                Some("chair@acme".into()),
            ),
        ] {
            check(role, org, want.as_deref());
        }
    }

    #[test]
    fn past_before_the_span() {
        for (before, want) in [
            ("a former speechwriter for ex-British", true),
            ("director of communications for the previous", true),
            ("said on Monday that", false),
            ("to step down. Then there's", false),
            ("in 2017, then-British", true),
            ("", false),
        ] {
            assert_eq!(past_before(before), want, "{before:?}");
        }
    }

    #[test]
    fn appointments() {
        for (text, want) in [
            ("was reappointed chair of Acme", true),
            ("Acme chair Jane Doe", false),
            ("was named chief executive", true),
        ] {
            assert_eq!(reports_appointment(text), want, "{text}");
        }
    }
}
