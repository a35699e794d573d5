//! Classification of an aligned sentence from its word diff: cosmetic,
//! reworded or changed, and why.
//!
//! Rules, applied to the words a diff deleted and inserted:
//! 1. Deleted and inserted words that are the same word (up to case,
//!    punctuation, joining or splitting), a spelling-level fix (small edit
//!    distance, or a shared stem), the same number written differently
//!    (`3` / `three`, `2nd` / `second`) or the same month (`Mar.` / `March`)
//!    cancel out. If nothing is left, the edit is cosmetic.
//! 2. What is left changed a fact when numbers, dates, negations or names
//!    differ between the two sides, or when it brings in (or drops) several
//!    content words that were not in the sentence before: new information.
//!    A name only counts when the other version has no such name anywhere
//!    (a pronoun replaced by a name already in the article is rewording),
//!    unless a name was swapped for another one in the same sentence.
//! 3. Otherwise the wording changed and the facts did not: reworded.
//!
//! The claims extracted from both versions add a further signal; the caller
//! (`compare::engine`) applies it.

use super::output::{Reason, ReasonKind, SentenceStatus, WordOpKind};
use super::tokens::{self, FastSet, Token};
use super::words::Step;
use crate::extract::timex::{self, DateWord};
use std::collections::{HashMap, HashSet};

/// Inserted content words, not in the old sentence, that make new information.
const NEW_INFO_WORDS: usize = 3;
/// Inserted plus dropped content words that make an information change.
const CHANGED_INFO_WORDS: usize = 6;

/// Most deleted × inserted word pairs compared for spelling-level matches.
const FUZZY_PAIRS: usize = 40_000;

/// Words that carry no fact of their own.
const STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "afterwards",
    "again",
    "against",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "besides",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "many",
    "may",
    "me",
    "meanwhile",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "onto",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "quite",
    "rather",
    "really",
    "said",
    "say",
    "says",
    "saying",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "well",
    "were",
    "what",
    "whatever",
    "when",
    "where",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "s",
    "mr",
    "mrs",
    "ms",
    "dr",
    "addition",
    "also",
    "told",
    "added",
    "stated",
    "reported",
    "further",
];

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot",
    "nowhere",
];

const CARDINALS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
    ("dozen", 12),
];
const ORDINALS: &[(&str, u64)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fifteenth", 15),
    ("twentieth", 20),
];

/// What the classifier knows about the two whole versions.
pub(crate) struct Context {
    /// Hashes of every word (exact spelling) of the old and the new text.
    old_words: FastSet<u64>,
    new_words: FastSet<u64>,
    /// Keys of words that appear in lower case somewhere: common words.
    lower: FastSet<u64>,
    /// Keys of capitalized words seen inside a sentence: names. A word
    /// capitalized only where a sentence starts may be a common word.
    midcap: FastSet<u64>,
}

impl Context {
    pub fn new<'t>(
        old_text: &str,
        old: impl Iterator<Item = &'t Token>,
        new_text: &str,
        new: impl Iterator<Item = &'t Token>,
    ) -> Context {
        let mut ctx = Context {
            old_words: FastSet::default(),
            new_words: FastSet::default(),
            lower: FastSet::default(),
            midcap: FastSet::default(),
        };
        let mut add = |text: &str, t: &Token, prev: Option<&Token>, old_side: bool| {
            if !t.word {
                return;
            }
            let w = t.text(text);
            if w.chars().next().is_some_and(char::is_uppercase) && !opens_sentence(text, prev) {
                ctx.midcap.insert(tokens::key_hash(w));
            }
            let set = if old_side {
                &mut ctx.old_words
            } else {
                &mut ctx.new_words
            };
            set.insert(tokens::hash_str(w));
            if w.chars().next().is_some_and(char::is_lowercase) {
                ctx.lower.insert(tokens::key_hash(w));
            }
        };
        let mut prev = None;
        for t in old {
            add(old_text, t, prev, true);
            prev = Some(t);
        }
        let mut prev = None;
        for t in new {
            add(new_text, t, prev, false);
            prev = Some(t);
        }
        ctx
    }
}

/// The outcome for one aligned sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Verdict {
    pub status: SentenceStatus,
    pub reasons: Vec<Reason>,
}

/// A word of one side of the diff.
#[derive(Clone)]
struct W<'a> {
    text: &'a str,
    key: String,
    /// First word of a sentence (or of a quotation), capitalized anyway.
    initial: bool,
}

fn number(w: &str) -> Option<u64> {
    let k = w.to_lowercase();
    let digits: String = k.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let rest = &k[digits.len()..];
        if matches!(rest, "" | "st" | "nd" | "rd" | "th" | "s") {
            let trimmed = digits.trim_start_matches('0');
            let v = if trimmed.is_empty() {
                0
            } else {
                trimmed.parse().ok()?
            };
            return Some(v);
        }
        return None;
    }
    CARDINALS
        .iter()
        .chain(ORDINALS)
        .find(|(n, _)| *n == k)
        .map(|(_, v)| *v)
}

/// The normalized date word (`Mar` → `march`, `Friday` → `friday`), if any.
/// Month abbreviations and "May" count only when capitalized.
fn date_word(w: &str) -> Option<&'static str> {
    let d = timex::date_word(w)?;
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    if matches!(d, DateWord::Month(_)) && !capital {
        return None;
    }
    Some(d.name())
}

fn is_negation(w: &str) -> bool {
    let k = w.to_lowercase();
    NEGATIONS.contains(&k.as_str()) || k.ends_with("n't") || k.ends_with("n\u{2019}t")
}

pub(crate) fn is_stop(key: &str) -> bool {
    STOP.contains(&key)
}

/// Levenshtein distance, giving up (returning `limit + 1`) past `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    // Optimal string alignment: Levenshtein plus swaps of neighbours
    // (`recieve`), rows kept: two before the current one.
    let mut before: Vec<usize> = Vec::new();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let mut d = (prev[j + 1] + 1)
                .min(cur[j] + 1)
                .min(prev[j] + usize::from(ca != cb));
            if i > 0
                && j > 0
                && a.get(i - 1) == Some(cb)
                && b.get(j - 1) == Some(ca)
                && let Some(&t) = before.get(j - 1)
            {
                d = d.min(t + 1);
            }
            cur[j + 1] = d;
        }
        if cur.iter().min().is_some_and(|&m| m > limit) {
            return limit + 1;
        }
        before = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()]
}

/// Whether the word after token `prev` (none: the run's start) opens a
/// sentence or a quotation, where every word is capitalized.
fn opens_sentence(text: &str, prev: Option<&Token>) -> bool {
    prev.is_none_or(|p| {
        !p.word
            && matches!(
                p.text(text),
                "." | "!"
                    | "?"
                    | "\""
                    | "\u{201c}"
                    | "\u{201d}"
                    | "("
                    | ":"
                    | "-"
                    | "\u{2013}"
                    | "\u{2014}"
            )
    })
}

/// Whether two words are one word with a spelling-level difference.
fn same_word(a: &W, b: &W) -> bool {
    if a.key == b.key {
        return true;
    }
    if let (Some(x), Some(y)) = (number(a.text), number(b.text)) {
        return x == y;
    }
    let articles = ["a", "an", "one"];
    if articles.contains(&a.key.as_str()) && articles.contains(&b.key.as_str()) {
        return true;
    }
    if let (Some(x), Some(y)) = (date_word(a.text), date_word(b.text)) {
        return x == y;
    }
    // Facts never count as spelling fixes.
    let guarded = |w: &W| {
        number(w.text).is_some()
            || date_word(w.text).is_some()
            || is_negation(w.text)
            || w.key.chars().any(|c| c.is_ascii_digit())
    };
    if guarded(a) || guarded(b) {
        return false;
    }
    let (la, lb) = (a.key.chars().count(), b.key.chars().count());
    let longer = la.max(lb);
    let (short, long) = if la <= lb { (a, b) } else { (b, a) };
    // Plurals (MP / MPs) and capitalized abbreviations (Rev / Reverend).
    let capital = |w: &W| w.text.chars().next().is_some_and(char::is_uppercase);
    if short.key.chars().count() >= 2
        && (long.key == format!("{}s", short.key) || long.key == format!("{}es", short.key))
    {
        return true;
    }
    if short.key.chars().count() >= 3
        && capital(a)
        && capital(b)
        && long.key.starts_with(short.key.as_str())
    {
        return true;
    }
    if la.min(lb) >= 4 && edit_distance(&a.key, &b.key, (longer / 4).max(1)) <= (longer / 4).max(1)
    {
        return true;
    }
    // Same stem: a long shared prefix (inflection: evacuate / evacuated).
    let common = a
        .key
        .chars()
        .zip(b.key.chars())
        .take_while(|(x, y)| x == y)
        .count();
    common >= 5 && common * 5 >= longer * 3
}

/// Marks each word of `one` that is two neighbouring words of `other` run
/// together (and those two words).
fn join_pairs(one: &[W], other: &[W], used_one: &mut [bool], used_other: &mut [bool]) {
    let mut pairs: HashMap<String, Vec<usize>> = HashMap::new();
    for k in (0..other.len().saturating_sub(1)).rev() {
        pairs
            .entry(format!("{}{}", other[k].key, other[k + 1].key))
            .or_default()
            .push(k);
    }
    for (i, w) in one.iter().enumerate() {
        if used_one[i] {
            continue;
        }
        let Some(list) = pairs.get_mut(&w.key) else {
            continue;
        };
        while let Some(k) = list.pop() {
            if !used_other[k] && !used_other[k + 1] {
                used_other[k] = true;
                used_other[k + 1] = true;
                used_one[i] = true;
                break;
            }
        }
    }
}

/// Cancels out words that appear on both sides in another spelling; what
/// remains of each side is returned.
fn cancel<'a>(dels: Vec<W<'a>>, ins: Vec<W<'a>>) -> (Vec<W<'a>>, Vec<W<'a>>) {
    let mut used_i = vec![false; ins.len()];
    let mut used_d = vec![false; dels.len()];
    // Joined or split words first (upto / up to, lay offs / layoffs), by a
    // table of neighbouring pairs: linear, whatever the sizes.
    join_pairs(&dels, &ins, &mut used_d, &mut used_i);
    join_pairs(&ins, &dels, &mut used_i, &mut used_d);
    // Exact keys next, so a fuzzy match cannot steal a word.
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, w) in ins.iter().enumerate().rev() {
        if !used_i[k] {
            by_key.entry(w.key.as_str()).or_default().push(k);
        }
    }
    for (d_i, d) in dels.iter().enumerate() {
        if !used_d[d_i]
            && let Some(k) = by_key.get_mut(d.key.as_str()).and_then(Vec::pop)
        {
            used_i[k] = true;
            used_d[d_i] = true;
        }
    }
    // Spelling-level matches, when few enough words are left to compare.
    let left_d: Vec<usize> = (0..dels.len()).filter(|&k| !used_d[k]).collect();
    let left_i: Vec<usize> = (0..ins.len()).filter(|&k| !used_i[k]).collect();
    if left_d.len().saturating_mul(left_i.len()) <= FUZZY_PAIRS {
        for &d_i in &left_d {
            if let Some(&k) = left_i
                .iter()
                .find(|&&k| !used_i[k] && same_word(&dels[d_i], &ins[k]))
            {
                used_i[k] = true;
                used_d[d_i] = true;
            }
        }
    }
    let keep = |v: Vec<W<'a>>, used: &[bool]| {
        v.into_iter()
            .zip(used)
            .filter(|(_, u)| !**u)
            .map(|(w, _)| w)
            .collect::<Vec<_>>()
    };
    (keep(dels, &used_d), keep(ins, &used_i))
}

/// Drops each all-capitals word of `short` whose letters are the initials
/// of a run of words of `long` (EU / European Union), and that run.
fn drop_acronyms<'a, 'b>(
    short: Vec<&'b W<'a>>,
    long: Vec<&'b W<'a>>,
) -> (Vec<&'b W<'a>>, Vec<&'b W<'a>>) {
    let initials: Vec<char> = long.iter().filter_map(|w| w.text.chars().next()).collect();
    let mut gone = vec![false; long.len()];
    let mut kept = Vec::new();
    for w in short {
        let letters: Vec<char> = w.text.chars().collect();
        let is_acronym = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        let at = is_acronym
            .then(|| {
                initials
                    .windows(letters.len())
                    .position(|win| win == letters.as_slice())
            })
            .flatten();
        match at {
            Some(k) => gone[k..k + letters.len()]
                .iter_mut()
                .for_each(|g| *g = true),
            None => kept.push(w),
        }
    }
    let long = long
        .into_iter()
        .zip(gone)
        .filter(|(_, g)| !g)
        .map(|(w, _)| w)
        .collect();
    (kept, long)
}

/// Classifies the steps of a word diff between `old` and `new` token runs
/// (the steps index into those runs). No step changing a token means
/// cosmetic: the caller tells unchanged apart by comparing the texts.
pub(crate) fn classify(
    ctx: &Context,
    old_text: &str,
    old: &[Token],
    new_text: &str,
    new: &[Token],
    steps: &[Step],
) -> Verdict {
    let mut dels = Vec::new();
    let mut ins = Vec::new();
    let mut old_keys = HashSet::new();
    let mut new_keys = HashSet::new();
    // Where each changed step's words sit in `dels` and `ins`.
    let mut parts = Vec::new();
    for s in steps {
        let (d0, i0) = (dels.len(), ins.len());
        for (k, t) in s.old.clone().filter_map(|k| Some((k, old.get(k)?))) {
            if !t.word {
                continue;
            }
            let w = W {
                text: t.text(old_text),
                key: tokens::key(t.text(old_text)),
                initial: opens_sentence(old_text, k.checked_sub(1).and_then(|p| old.get(p))),
            };
            old_keys.insert(w.key.clone());
            if s.kind != WordOpKind::Equal {
                dels.push(w);
            }
        }
        for (k, t) in s.new.clone().filter_map(|k| Some((k, new.get(k)?))) {
            if !t.word {
                continue;
            }
            let w = W {
                text: t.text(new_text),
                key: tokens::key(t.text(new_text)),
                initial: opens_sentence(new_text, k.checked_sub(1).and_then(|p| new.get(p))),
            };
            new_keys.insert(w.key.clone());
            if s.kind != WordOpKind::Equal {
                ins.push(w);
            }
        }
        if s.kind != WordOpKind::Equal {
            parts.push((d0..dels.len(), i0..ins.len()));
        }
    }
    let cosmetic = Verdict {
        status: SentenceStatus::Cosmetic,
        reasons: Vec::new(),
    };
    // Cosmetic when every changed step is cosmetic in place: the same
    // letters re-spaced or re-punctuated, or word-for-word spelling fixes.
    // A word that moved elsewhere in the sentence is rewording.
    let joined = |v: &[W]| v.iter().map(|w| w.key.as_str()).collect::<String>();
    let in_place = |d: &[W], i: &[W]| {
        joined(d) == joined(i)
            || (d.len() == i.len() && d.iter().zip(i).all(|(a, b)| same_word(a, b)))
    };
    if parts.iter().all(|(d, i)| {
        in_place(
            dels.get(d.clone()).unwrap_or(&[]),
            ins.get(i.clone()).unwrap_or(&[]),
        )
    }) {
        return cosmetic;
    }
    let (dels, ins) = cancel(dels, ins);
    let mut reasons = Vec::new();
    let mut push = |kind, old: Vec<String>, new: Vec<String>| {
        if old != new {
            reasons.push(Reason { kind, old, new });
        }
    };
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };

    let nums = |v: &[W]| {
        sorted(
            v.iter()
                .filter_map(|w| number(w.text))
                .map(|n| n.to_string())
                .collect(),
        )
    };
    push(ReasonKind::Number, nums(&dels), nums(&ins));

    let dates = |v: &[W]| {
        sorted(
            v.iter()
                .filter_map(|w| date_word(w.text))
                .map(String::from)
                .collect(),
        )
    };
    push(ReasonKind::Date, dates(&dels), dates(&ins));

    let negs = |v: &[W]| {
        v.iter()
            .filter(|w| is_negation(w.text))
            .map(|w| w.text.to_string())
            .collect::<Vec<_>>()
    };
    let (nd, ni) = (negs(&dels), negs(&ins));
    if nd.len() != ni.len() {
        push(ReasonKind::Negation, nd, ni);
    }

    let is_name = |w: &W| {
        let mut chars = w.text.chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        let inner_upper = chars.any(char::is_uppercase);
        let key = tokens::hash_str(&w.key);
        first_upper
            && !is_stop(&w.key)
            && !is_negation(w.text)
            && number(w.text).is_none()
            && date_word(w.text).is_none()
            && (inner_upper || !ctx.lower.contains(&key))
            && (inner_upper || !w.initial || ctx.midcap.contains(&key))
    };
    let names_d: Vec<&W> = dels.iter().filter(|w| is_name(w)).collect();
    let names_i: Vec<&W> = ins.iter().filter(|w| is_name(w)).collect();
    // Acronyms spelled out (or shortened) are the same name.
    let (names_d, names_i) = drop_acronyms(names_d, names_i);
    let (names_i, names_d) = drop_acronyms(names_i, names_d);
    let swapped = !names_d.is_empty() && !names_i.is_empty();
    let gone: Vec<String> = names_d
        .iter()
        .filter(|w| swapped || !ctx.new_words.contains(&tokens::hash_str(w.text)))
        .map(|w| w.text.to_string())
        .collect();
    let came: Vec<String> = names_i
        .iter()
        .filter(|w| swapped || !ctx.old_words.contains(&tokens::hash_str(w.text)))
        .map(|w| w.text.to_string())
        .collect();
    if !gone.is_empty() || !came.is_empty() {
        push(ReasonKind::Name, gone, came);
    }

    let content = |v: &[W], other: &HashSet<String>| {
        v.iter()
            .filter(|w| !is_stop(&w.key) && !other.contains(&w.key) && w.key.chars().count() > 1)
            .map(|w| w.text.to_string())
            .collect::<Vec<_>>()
    };
    let (dropped, added) = (content(&dels, &new_keys), content(&ins, &old_keys));
    if reasons.is_empty()
        && (added.len() >= NEW_INFO_WORDS || added.len() + dropped.len() >= CHANGED_INFO_WORDS)
    {
        reasons.push(Reason {
            kind: ReasonKind::Information,
            old: dropped,
            new: added,
        });
    }
    Verdict {
        status: if reasons.is_empty() {
            SentenceStatus::Reworded
        } else {
            SentenceStatus::Changed
        },
        reasons,
    }
}

/// Classifies a change between two short standalone texts (claim field
/// values): cosmetic, reworded or changed.
pub(crate) fn text_change(ctx: &Context, old: &str, new: &str) -> SentenceStatus {
    let a = tokens::tokenize(old, 0, old.len());
    let b = tokens::tokenize(new, 0, new.len());
    let steps = super::words::diff(old, &a, new, &b);
    if steps.iter().all(|s| s.kind == WordOpKind::Equal) {
        return SentenceStatus::Cosmetic;
    }
    classify(ctx, old, &a, new, &b, &steps).status
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::tokens::tokenize;
    use crate::compare::words;

    /// Classifies `old` → `new` as single sentences of a whole text.
    fn check(old: &str, new: &str, want: SentenceStatus, want_reason: Option<ReasonKind>) {
        let a = tokenize(old, 0, old.len());
        let b = tokenize(new, 0, new.len());
        let ctx = Context::new(old, a.iter(), new, b.iter());
        let steps = words::diff(old, &a, new, &b);
        let v = classify(&ctx, old, &a, new, &b, &steps);
        assert_eq!(v.status, want, "{old:?} -> {new:?}: {:?}", v.reasons);
        if let Some(k) = want_reason {
            assert!(
                v.reasons.iter().any(|r| r.kind == k),
                "{old:?} -> {new:?}: {:?}",
                v.reasons
            );
        }
    }

    #[test]
    fn cosmetic_edits() {
        use SentenceStatus::Cosmetic;
        for (old, new) in [
            ("The council met on Tuesday", "The council met on Tuesday."),
            ("the Council met", "The council met"),
            ("The goverment said so.", "The government said so."),
            ("They agreed upto a point.", "They agreed up to a point."),
            ("It was a semifinal match.", "It was a semi-final match."),
            ("She finished 3rd of 10.", "She finished third of ten."),
            (
                "It opened in Mar. last year.",
                "It opened in March last year.",
            ),
            ("The licence was granted.", "The license was granted."),
            (
                "Residents had to evacuate the town.",
                "Residents had to evacuated the town.",
            ),
            (
                "The Seceratry of the club spoke.",
                "The Secretary of the club spoke.",
            ),
            ("Two MP voted against it.", "Two MPs voted against it."),
            (
                "The Reverend Ann Weir led prayers.",
                "The Rev Ann Weir led prayers.",
            ),
        ] {
            check(old, new, Cosmetic, None);
        }
    }

    #[test]
    fn reworded_edits() {
        use SentenceStatus::Reworded;
        for (old, new) in [
            (
                "Yesterday the minister said in an interview that he would stay.",
                "The minister said yesterday that he would stay, in an interview.",
            ),
            ("The plan was found by workers.", "Workers found the plan."),
            ("He has said that it works.", "He says it works."),
            (
                "The firm will be able to hire staff.",
                "The firm can hire staff.",
            ),
        ] {
            check(old, new, Reworded, None);
        }
    }

    #[test]
    fn changed_facts() {
        use ReasonKind::*;
        use SentenceStatus::Changed;
        for (old, new, why) in [
            (
                "The council hired 12 teachers.",
                "The council hired 14 teachers.",
                Number,
            ),
            ("The vote is on Friday.", "The vote is on Saturday.", Date),
            (
                "The vote was held today.",
                "The vote was held on Monday.",
                Date,
            ),
            (
                "The mayor will attend the summit.",
                "The mayor will not attend the summit.",
                Negation,
            ),
            (
                "The mayor will attend.",
                "The mayor won't attend.",
                Negation,
            ),
            (
                "Ada Mensah chaired the talks.",
                "Kofi Boateng chaired the talks.",
                Name,
            ),
            (
                "The bridge opened.",
                "The bridge opened after a long delay caused by flooding.",
                Information,
            ),
            (
                "The deal cost 2007 dollars.",
                "The deal cost 2008 dollars.",
                Number,
            ),
        ] {
            check(old, new, Changed, Some(why));
        }
    }

    #[test]
    fn names_already_in_the_text_are_not_new_facts() {
        // "She" becomes a name the old text already holds: rewording.
        check(
            "Ada Mensah spoke first. She said the plan works.",
            "Ada Mensah spoke first. Mensah said the plan works.",
            SentenceStatus::Reworded,
            None,
        );
        // An acronym spelled out is the same name.
        check(
            "The EU agreed.",
            "The European Union agreed.",
            SentenceStatus::Reworded,
            None,
        );
    }

    #[test]
    fn a_capital_that_only_opens_a_sentence_is_no_name() {
        // "Roughly" is capitalized only because it starts the sentence.
        check(
            "Roughly two hundred workers gather here. They wait.",
            "Two hundred workers gather here each day. They wait.",
            SentenceStatus::Reworded,
            None,
        );
        // A real name at the start of a sentence still counts when the text
        // names it elsewhere inside a sentence.
        check(
            "Mensah chaired the talks. The board thanked Ada Mensah.",
            "Boateng chaired the talks. The board thanked Kofi Boateng.",
            SentenceStatus::Changed,
            Some(ReasonKind::Name),
        );
    }

    #[test]
    fn edit_distance_is_bounded() {
        assert_eq!(edit_distance("kitten", "sitting", 5), 3);
        assert_eq!(edit_distance("abc", "abcdefgh", 2), 3);
        assert_eq!(edit_distance("", "", 1), 0);
        assert_eq!(edit_distance("recieve", "receive", 3), 1);
        assert_eq!(edit_distance("seceratry", "secretary", 3), 2);
    }
}
