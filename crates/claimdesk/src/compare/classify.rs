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

use super::facts::{self, Word};
use super::output::{Reason, ReasonKind, SentenceStatus, WordOpKind};
use super::tokens::{self, FastSet, Token};
use super::words::Step;
use crate::extract::timex::{self, DateWord};
use crate::lexical::{countries, cues, dictionary, vocab, words as lex};
use std::collections::{HashMap, HashSet};

/// Inserted content words, not in the old sentence, that make new information.
const NEW_INFO_WORDS: usize = 3;
/// Inserted plus dropped content words that make an information change.
const CHANGED_INFO_WORDS: usize = 7;

/// Quantity classes that bound a number (`at least 40`).
const BOUNDS: &[&str] = &["min", "more", "max", "less", "approx", "exact"];

/// Most deleted × inserted word pairs compared for spelling-level matches.
const FUZZY_PAIRS: usize = 40_000;

/// What the classifier knows about the two whole versions.
pub(crate) struct Context {
    /// Key hashes of every word of the old and the new text (any case),
    /// with how often it occurs: a name that occurs as often in both only
    /// moved between sentences; one that occurs more often is newly said.
    old_words: HashMap<u64, u32, std::hash::BuildHasherDefault<tokens::FastHasher>>,
    new_words: HashMap<u64, u32, std::hash::BuildHasherDefault<tokens::FastHasher>>,
    /// Keys of words that appear in lower case somewhere: common words.
    lower: FastSet<u64>,
    /// Keys of capitalized words seen inside a sentence: names. A word
    /// capitalized only where a sentence starts may be a common word.
    midcap: FastSet<u64>,
    /// Hashes of neighbouring capitalized word pairs, both orders (a full
    /// name: `Ana Reyes` makes `Ana` and `Reyes` one person).
    full_names: FastSet<u64>,
}

impl Context {
    fn counts(&self, word: &str) -> (u32, u32) {
        let h = tokens::key_hash(word);
        (
            self.old_words.get(&h).copied().unwrap_or(0),
            self.new_words.get(&h).copied().unwrap_or(0),
        )
    }

    /// The new text says `word` more often than the old one.
    fn more_in_new(&self, word: &str) -> bool {
        let (o, n) = self.counts(word);
        n > o
    }

    /// The new text no longer says `word` at all. (A name said less often
    /// is mostly a repeated mention made a pronoun.)
    fn gone_from_new(&self, word: &str) -> bool {
        self.counts(word).1 == 0
    }
}

fn pair_hash(a: &str, b: &str) -> u64 {
    tokens::seq_hash([tokens::key_hash(a), tokens::key_hash(b)].into_iter())
}

impl Context {
    pub fn new<'t>(
        old_text: &str,
        old: impl Iterator<Item = &'t Token>,
        new_text: &str,
        new: impl Iterator<Item = &'t Token>,
    ) -> Context {
        let old_toks: Vec<&Token> = old.collect();
        let new_toks: Vec<&Token> = new.collect();
        let mut ctx = Context {
            old_words: HashMap::default(),
            new_words: HashMap::default(),
            lower: FastSet::default(),
            midcap: FastSet::default(),
            full_names: FastSet::default(),
        };
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        for (text, toks) in [(old_text, &old_toks), (new_text, &new_toks)] {
            for p in toks.windows(2) {
                let (a, b) = (p[0].text(text), p[1].text(text));
                if p[0].word && p[1].word && capital(a) && capital(b) {
                    ctx.full_names.insert(pair_hash(a, b));
                    ctx.full_names.insert(pair_hash(b, a));
                }
            }
        }
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
            *set.entry(tokens::key_hash(w)).or_default() += 1;
            if w.chars().next().is_some_and(char::is_lowercase) {
                ctx.lower.insert(tokens::key_hash(w));
            }
        };
        let mut prev = None;
        for t in &old_toks {
            add(old_text, t, prev, true);
            prev = Some(t);
        }
        let mut prev = None;
        for t in &new_toks {
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
    /// Token index in its run.
    tok: usize,
    /// Added or dropped with no word in its place.
    alone: bool,
    /// Index of the diff step it belongs to.
    step: usize,
    /// Its step replaced exactly one word by one word.
    single: bool,
    /// A content word follows it in its sentence (a modifier: `northern`
    /// in `the northern town`).
    modifier: bool,
    /// It follows a coordinating `and` / `or` (`and manslaughter`).
    coordinated: bool,
    /// A title follows it (`deputy` in `deputy mayor`).
    before_title: bool,
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
    match vocab::lookup(&k)? {
        vocab::Word::Cardinal(n) | vocab::Word::Ordinal(n) => Some(n),
        _ => None,
    }
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
    cues::is_negation(&k) || k.ends_with("n't") || k.ends_with("n\u{2019}t")
}

pub(crate) fn is_stop(key: &str) -> bool {
    cues::is_stop(key)
}

/// Levenshtein distance, giving up (returning `limit + 1`) past `limit`.
pub(crate) fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
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
    // `Ms. Reyna`: a period after a short capitalized abbreviation opens
    // no sentence.
    if let Some(p) = prev
        && p.text(text) == "."
        && let Some(before) = text.get(..p.start)
    {
        let w: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if (1..=3).contains(&w.chars().count()) && w.chars().last().is_some_and(char::is_uppercase)
        {
            return false;
        }
    }
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
    if a.key.is_empty() || b.key.is_empty() {
        return false;
    }
    // A misspelt number or calendar word is that word (`milion`, `Febuary`).
    // Only worth asking when the other word is a vocabulary word.
    let (ka, kb) = (
        vocab::lookup(&a.key).is_some(),
        vocab::lookup(&b.key).is_some(),
    );
    let fix = |w: &W, other_known: bool, known: bool| -> String {
        if other_known && !known {
            facts::vocab_word(w.text, &w.key).map_or_else(|| w.key.clone(), str::to_string)
        } else {
            w.key.clone()
        }
    };
    let (va, vb) = (fix(a, kb, ka), fix(b, ka, kb));
    let (va, vb) = (va.as_str(), vb.as_str());
    if va == vb {
        return true;
    }
    if let (Some(x), Some(y)) = (number(va), number(vb)) {
        return x == y;
    }
    let articles = ["a", "an", "one"];
    if articles.contains(&a.key.as_str()) && articles.contains(&b.key.as_str()) {
        return true;
    }
    if let (Some(x), Some(y)) = (date_word(a.text), date_word(b.text)) {
        return x == y;
    }
    // One country named another way (`Spain's` / `Spanish`).
    if let (Some(x), Some(y)) = (countries::country(&[a.text]), countries::country(&[b.text])) {
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
    // Opposites are never one word, however close the spelling.
    spelling_level(a, b) && !lex::antonyms(&a.key, &b.key)
}

/// [`same_word`]'s spelling rules, for words that are no facts.
fn spelling_level(a: &W, b: &W) -> bool {
    let (la, lb) = (a.key.chars().count(), b.key.chars().count());
    let longer = la.max(lb);
    let (short, long) = if la <= lb { (a, b) } else { (b, a) };
    let capital = |w: &W| w.text.chars().next().is_some_and(char::is_uppercase);
    // Plurals of capitalized abbreviations (MP / MPs).
    if short.key.chars().count() >= 2
        && capital(short)
        && (long.key == format!("{}s", short.key) || long.key == format!("{}es", short.key))
    {
        return true;
    }
    // Capitalized abbreviations (Rev / Reverend, Lt / Lieutenant, Gov /
    // Governor): the short form's letters in order, the same first letter.
    if capital(a) && capital(b) && short.key.chars().count() >= 2 && {
        let n = short.key.chars().count();
        (n >= 3 && longer >= n + 3 && long.key.starts_with(short.key.as_str()))
            || (n <= 4 && longer >= 2 * n && is_subsequence(&short.key, &long.key))
    } {
        return true;
    }
    // Inflections of one lemma (`evacuate` / `evacuated`, `rise` / `rose`)
    // and US / British spellings (`license` / `licence`).
    if lex::same_lemma(&a.key, &b.key) || dictionary::regional_variants(a.text, b.text) {
        return true;
    }
    // A typo: a non-word corrected to a word (or the reverse), a small edit
    // apart. Two dictionary words a letter apart are two words (hired /
    // fired, Austria / Australia); a name must keep its first letter and
    // be long, or only swap two letters. The dictionaries are asked last:
    // most pairs fail the cheaper tests.
    let limit = (longer / 4).max(1);
    let common = common_prefix(&a.key, &b.key);
    let stem = common >= 5 && common * 5 >= longer * 3;
    let near = la.min(lb) >= 4 && la.abs_diff(lb) <= limit;
    let dist = if near {
        edit_distance(&a.key, &b.key, limit)
    } else {
        limit + 1
    };
    if dist > limit && !stem {
        return false;
    }
    let (wa, wb) = (dictionary::is_word(a.text), dictionary::is_word(b.text));
    if wa && wb {
        return false;
    }
    if dist <= limit {
        if !(capital(a) || capital(b)) {
            return true;
        }
        let first_same = a.key.chars().next() == b.key.chars().next();
        let swap = la == lb && {
            let diff: Vec<(char, char)> = a
                .key
                .chars()
                .zip(b.key.chars())
                .filter(|(x, y)| x != y)
                .collect();
            diff.len() == 2 && diff[0].0 == diff[1].1 && diff[0].1 == diff[1].0
        };
        return first_same
            && (swap || (la.min(lb) >= 5 && dist <= 1) || (la.min(lb) >= 8 && (wa || wb)));
    }
    // Same stem: a long shared prefix (inflection: evacuate / evacuated),
    // for words the dictionaries do not both know.
    stem
}

/// Whether the letters of `short` appear in order in `long`, the first
/// letters equal.
fn is_subsequence(short: &str, long: &str) -> bool {
    let mut l = long.chars();
    short.chars().next() == long.chars().next() && short.chars().all(|c| l.any(|d| d == c))
}

/// Whether two dictionary words are a near spelling of each other: one
/// real word replaced by another (hired / fired), not a typo fix.
/// How many characters two words share at their start.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Whether two different lower-case words are one word spelt or derived
/// another way: one letter apart (`lighting` / `lightning`), or sharing a
/// long stem (`history` / `historic`, `champion` / `championship`).
fn related_forms(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let shorter = la.min(lb);
    let common = common_prefix(a, b);
    (common >= 5 && common * 10 >= shorter * 7) || (shorter >= 4 && edit_distance(a, b, 1) <= 1)
}

fn real_word_swap(a: &W, b: &W) -> bool {
    let (la, lb) = (a.key.chars().count(), b.key.chars().count());
    let limit = (la.max(lb) / 3).max(2);
    let common = common_prefix(&a.key, &b.key);
    la.min(lb) >= 3
        && number(a.text).is_none()
        && number(b.text).is_none()
        && common < 5
        && !is_stop(&a.key)
        && !is_stop(&b.key)
        && edit_distance(&a.key, &b.key, limit) <= limit
        && dictionary::is_word(a.text)
        && dictionary::is_word(b.text)
        && !lex::same_lemma(&a.key, &b.key)
        && !dictionary::regional_variants(a.text, b.text)
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
    acronyms(&dels, &ins, &mut used_d, &mut used_i);
    acronyms(&ins, &dels, &mut used_i, &mut used_d);
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

/// Cancels each acronym of `one` (an all-capitals word, `EU`, or a run of
/// single capitals, `U.S.`) against a run of capitalized words of `other`
/// whose initials spell it (European Union, United States; stop words such
/// as "of" inside the run are skipped).
fn acronyms(one: &[W], other: &[W], used_one: &mut [bool], used_other: &mut [bool]) {
    let caps = |w: &W| w.text.chars().next().is_some_and(char::is_uppercase);
    let mut i = 0;
    while i < one.len() {
        let w = &one[i];
        let letters: Vec<char> = w.text.chars().filter(|c| c.is_alphabetic()).collect();
        let mut j = i + 1;
        let acronym: Vec<char> = if used_one[i] {
            Vec::new()
        } else if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
            letters
        } else if letters.len() == 1 && letters[0].is_uppercase() {
            let mut v = letters;
            while j < one.len() && !used_one[j] && one[j].text.chars().count() == 1 && caps(&one[j])
            {
                v.extend(one[j].text.chars());
                j += 1;
            }
            v
        } else {
            Vec::new()
        };
        if acronym.len() >= 2 {
            // Capitalized words of `other` (stop words inside skipped).
            let heads: Vec<usize> = (0..other.len())
                .filter(|&k| !used_other[k] && caps(&other[k]) && !is_stop(&other[k].key))
                .collect();
            let found = heads.windows(acronym.len()).find(|win| {
                win.iter()
                    .zip(&acronym)
                    .all(|(&k, c)| other[k].text.starts_with(*c))
                    && win.windows(2).all(|p| p[1] - p[0] <= 2)
            });
            if let Some(win) = found {
                for &k in win {
                    used_other[k] = true;
                }
                for u in used_one.iter_mut().take(j).skip(i) {
                    *u = true;
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }
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
    // Only the stretch these steps cover (one old sentence of a merge).
    let (os, oe) = span(steps.iter().map(|s| s.old.clone()));
    let (ns, ne) = span(steps.iter().map(|s| s.new.clone()));
    let mut old_changed = vec![false; old.len()];
    let mut new_changed = vec![false; new.len()];
    for s in steps.iter().filter(|s| s.kind != WordOpKind::Equal) {
        s.old.clone().for_each(|k| mark(&mut old_changed, k));
        s.new.clone().for_each(|k| mark(&mut new_changed, k));
    }
    let ow: Vec<Word> = facts::words(
        old_text,
        old.get(os..oe).unwrap_or(&[]),
        old_changed.get(os..oe).unwrap_or(&[]),
    );
    let nw: Vec<Word> = facts::words(
        new_text,
        new.get(ns..ne).unwrap_or(&[]),
        new_changed.get(ns..ne).unwrap_or(&[]),
    );
    // Keys changed by fixed equivalents (`no one` → `nobody`), by token.
    let canon = |ws: &[Word], toks: &[Token], text: &str, base: usize| -> KeyMap {
        ws.iter()
            .filter(|w| {
                toks.get(w.tok + base)
                    .is_some_and(|t| tokens::key(t.text(text)) != w.key)
            })
            .map(|w| (w.tok + base, w.key.clone()))
            .collect()
    };
    let (ocanon, ncanon) = (canon(&ow, old, old_text, os), canon(&nw, new, new_text, ns));

    let mut dels = Vec::new();
    let mut ins = Vec::new();
    let mut old_keys = HashSet::new();
    let mut new_keys = HashSet::new();
    // Where each changed step's words sit in `dels` and `ins`.
    let mut parts = Vec::new();
    let content = |k: &str| !k.is_empty() && !is_stop(k) && k.chars().count() > 1;
    for (si, s) in steps.iter().enumerate() {
        let (d0, i0) = (dels.len(), ins.len());
        for k in s.old.clone() {
            let Some(w) = side_word(old_text, old, k, &ocanon, si) else {
                continue;
            };
            old_keys.insert(w.key.clone());
            if s.kind != WordOpKind::Equal {
                dels.push(w);
            }
        }
        for k in s.new.clone() {
            let Some(w) = side_word(new_text, new, k, &ncanon, si) else {
                continue;
            };
            new_keys.insert(w.key.clone());
            if s.kind != WordOpKind::Equal {
                ins.push(w);
            }
        }
        if s.kind != WordOpKind::Equal {
            // Words added or dropped with no word in their place.
            let (dc, ic) = (dels.len() > d0, ins.len() > i0);
            let single = dels.len() == d0 + 1 && ins.len() == i0 + 1;
            dels[d0..].iter_mut().for_each(|w| {
                w.alone = !ic;
                w.single = single;
            });
            ins[i0..].iter_mut().for_each(|w| {
                w.alone = !dc;
                w.single = single;
            });
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
    // Numbers, read whole and compared as values (`1.2` is not `12`, even
    // re-spaced).
    let (on, nn) = (facts::numbers(&ow), facts::numbers(&nw));
    let (lo, ln) = unmatched_numbers(&on, &nn);
    if lo.is_empty()
        && ln.is_empty()
        && parts.iter().all(|(d, i)| {
            in_place(
                dels.get(d.clone()).unwrap_or(&[]),
                ins.get(i.clone()).unwrap_or(&[]),
            )
        })
    {
        return cosmetic;
    }
    let mut reasons = Vec::new();
    // Token indices whose fact is judged already (numbers, cues).
    let mut handled_old: HashSet<usize> = HashSet::new();
    let mut handled_new: HashSet<usize> = HashSet::new();
    let push = |reasons: &mut Vec<Reason>, kind, old: Vec<String>, new: Vec<String>| {
        if old != new {
            reasons.push(Reason::new(kind, old, new));
        }
    };

    for n in &on {
        ow[n.start..n.end].iter().for_each(|w| {
            handled_old.insert(w.tok + os);
        });
    }
    for n in &nn {
        nw[n.start..n.end].iter().for_each(|w| {
            handled_new.insert(w.tok + ns);
        });
    }
    push(&mut reasons, ReasonKind::Number, lo, ln);

    // Hedges and attribution, quantifiers, modality.
    let (oc, nc) = (facts::cues_of(&ow), facts::cues_of(&nw));
    for (list, ws, handled, base) in [
        (&oc, &ow, &mut handled_old, os),
        (&nc, &nw, &mut handled_new, ns),
    ] {
        for f in list.iter() {
            ws[f.start..f.end].iter().for_each(|w| {
                handled.insert(w.tok + base);
            });
        }
    }
    let touched = |list: &[facts::Found], ws: &[Word], kind: cues::CueKind| -> Vec<facts::Found> {
        list.iter()
            .filter(|f| f.kind == kind && facts::touched(ws, f.start, f.end))
            .cloned()
            .collect()
    };
    // Hedge words count where the diff touched them; attribution verbs
    // (`said`) count over the whole sentence, so a moved `police said`
    // stays the same attribution.
    let hedges = |list: &[facts::Found], ws: &[Word]| -> Vec<facts::Found> {
        list.iter()
            .filter(|f| {
                f.kind == cues::CueKind::Hedge
                    && (f.class.starts_with("said") || facts::touched(ws, f.start, f.end))
            })
            .cloned()
            .collect()
    };
    // Once the diff touched a hedge, every hedge of both sides counts: a
    // hedge only re-worded (`which is believed to` → `, believed to`) is
    // still there, untouched on one side.
    let all = |list: &[facts::Found]| -> Vec<facts::Found> {
        list.iter()
            .filter(|f| f.kind == cues::CueKind::Hedge)
            .cloned()
            .collect()
    };
    let (oh, nh) = if hedges(&oc, &ow).is_empty() && hedges(&nc, &nw).is_empty() {
        (Vec::new(), Vec::new())
    } else {
        (all(&oc), all(&nc))
    };
    // A source counts as gone (or new) when the other side has fewer
    // hedges and attributions of any kind, pronoun speakers included
    // (`Ms. Abbott told` → `She told` keeps the attribution).
    let sourced = |l: &[facts::Found]| l.iter().filter(|f| f.class != "said by pronoun").count();
    if sourced(&oh) > nh.len() || sourced(&nh) > oh.len() {
        let (oh, nh): (Vec<_>, Vec<_>) = (
            oh.into_iter()
                .filter(|f| f.class != "said by pronoun")
                .collect(),
            nh.into_iter()
                .filter(|f| f.class != "said by pronoun")
                .collect(),
        );
        let texts = |l: &[facts::Found], ws: &[Word]| {
            l.iter()
                .map(|f| facts::hedge_text(ws, f))
                .collect::<Vec<_>>()
        };
        let (a, b) = (texts(&oh, &ow), texts(&nh, &nw));
        if oh.len() > nh.len() {
            push(&mut reasons, ReasonKind::Hedge, a, Vec::new());
        } else {
            push(&mut reasons, ReasonKind::Hedge, Vec::new(), b);
        }
    }
    for (kind, reason) in [
        (cues::CueKind::Quantity, ReasonKind::Quantifier),
        (cues::CueKind::Modality, ReasonKind::Modality),
    ] {
        let (a, b) = (touched(&oc, &ow, kind), touched(&nc, &nw, kind));
        // Bounds (`at least`) count next to a number; other quantifiers
        // (`all`, `some`) only when one replaced another.
        let bound = |f: &&facts::Found, ws: &[Word], nums: &[facts::Number]| {
            !BOUNDS.contains(&f.class)
                || nums
                    .iter()
                    .any(|n| n.start >= f.end && n.start <= f.end + 2)
                || ws.get(f.end).is_some_and(|w| w.key == "of")
        };
        let (a, b): (Vec<_>, Vec<_>) = (
            a.iter()
                .filter(|f| f.class != "freq" && bound(f, &ow, &on))
                .cloned()
                .collect(),
            b.iter()
                .filter(|f| f.class != "freq" && bound(f, &nw, &nn))
                .cloned()
                .collect(),
        );
        let classes = |l: &[facts::Found]| {
            let mut v: Vec<&str> = l
                .iter()
                .map(|f| f.class)
                .filter(|c| !matches!(*c, "future" | "freq"))
                .collect();
            v.sort_unstable();
            v
        };
        let (ca, cb) = (classes(&a), classes(&b));
        let replaced = !a.is_empty() && !b.is_empty();
        // A bound added or dropped next to a number changes it; an
        // approximation (`roughly`) only when another class replaces it.
        let bounded = ca
            .iter()
            .chain(&cb)
            .any(|c| BOUNDS.contains(c) && *c != "approx");
        if ca != cb && (replaced || bounded) {
            let texts = |l: &[facts::Found], ws: &[Word]| {
                l.iter()
                    .filter(|f| f.class != "future")
                    .map(|f| {
                        ws[f.start..f.end]
                            .iter()
                            .map(|w| w.text)
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect::<Vec<_>>()
            };
            push(&mut reasons, reason, texts(&a, &ow), texts(&b, &nw));
        }
    }

    // Who did what to whom.
    if let Some((verb, a, b)) = facts::swapped_roles(&ow, &nw) {
        push(
            &mut reasons,
            ReasonKind::Role,
            vec![format!("{a} {verb} {b}")],
            vec![format!("{b} {verb} {a}")],
        );
    }

    let (dels, ins) = cancel(dels, ins);
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };

    let dates = |v: &[W]| {
        sorted(
            v.iter()
                .filter_map(|w| {
                    date_word(facts::vocab_word(w.text, &w.key).unwrap_or(w.text))
                        .or_else(|| date_word(w.text))
                })
                .map(String::from)
                .collect(),
        )
    };
    push(&mut reasons, ReasonKind::Date, dates(&dels), dates(&ins));

    // Polarity: negations and opposites; two flips cancel (not guilty →
    // innocent).
    let negs = |v: &[W]| {
        v.iter()
            .filter(|w| !w.key.is_empty() && w.key != "notonly" && is_negation(w.text))
            .map(|w| w.text.to_string())
            .collect::<Vec<_>>()
    };
    let unhandled = |v: &[W<'_>], handled: &HashSet<usize>| -> Vec<String> {
        negs(v)
            .into_iter()
            .zip(
                v.iter()
                    .filter(|w| !w.key.is_empty() && w.key != "notonly" && is_negation(w.text)),
            )
            .filter(|(_, w)| !handled.contains(&w.tok) || w.key == "not" || w.key == "never")
            .map(|(t, _)| t)
            .collect()
    };
    let (nd, ni) = (
        unhandled(&dels, &handled_old),
        unhandled(&ins, &handled_new),
    );
    let mut opposite: Vec<(String, String)> = Vec::new();
    let mut used = vec![false; ins.len()];
    for d in dels.iter().filter(|w| content(&w.key)) {
        if let Some(k) = (0..ins.len())
            .find(|&k| !used[k] && content(&ins[k].key) && lex::antonyms(&d.key, &ins[k].key))
        {
            used[k] = true;
            opposite.push((d.text.to_string(), ins[k].text.to_string()));
        }
    }
    let flips = opposite.len() + nd.len().abs_diff(ni.len());
    if flips % 2 == 1 {
        if !opposite.is_empty() {
            push(
                &mut reasons,
                ReasonKind::Antonym,
                opposite.iter().map(|(a, _)| a.clone()).collect(),
                opposite.iter().map(|(_, b)| b.clone()).collect(),
            );
        }
        if nd.len() != ni.len() {
            push(&mut reasons, ReasonKind::Negation, nd, ni);
        }
    }
    let opposed = |w: &W| opposite.iter().any(|(a, b)| a == w.text || b == w.text);

    let is_name = |w: &W| {
        let mut chars = w.text.chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        let inner_upper = chars.any(char::is_uppercase);
        let key = tokens::hash_str(&w.key);
        first_upper
            && !w.key.is_empty()
            && !is_stop(&w.key)
            && !is_negation(w.text)
            && number(w.text).is_none()
            && date_word(w.text).is_none()
            && (inner_upper || !ctx.lower.contains(&key))
            && (inner_upper || !w.initial || ctx.midcap.contains(&key))
    };
    let names_d: Vec<&W> = dels.iter().filter(|w| is_name(w)).collect();
    let names_i: Vec<&W> = ins.iter().filter(|w| is_name(w)).collect();
    // A country named another way (`American` / `United States`).
    let (names_d, names_i) = same_countries(names_d, names_i);
    // One person by another part of the full name (`Spears` / `Britney`
    // where the article says `Britney Spears`).
    let one_person = |a: &W, b: &W| ctx.full_names.contains(&pair_hash(a.text, b.text));
    let (names_d, names_i): (Vec<&W>, Vec<&W>) = (
        names_d
            .iter()
            .copied()
            .filter(|d| !names_i.iter().any(|i| one_person(d, i)))
            .collect(),
        names_i
            .iter()
            .copied()
            .filter(|i| !names_d.iter().any(|d| one_person(d, i)))
            .collect(),
    );
    let swapped = !names_d.is_empty() && !names_i.is_empty();
    // A name put where a pronoun was, when the text named it before, says
    // who the pronoun meant (`He` → `Kessler`): the same fact.
    let pronoun_steps: HashSet<usize> = dels
        .iter()
        .filter(|d| cues::is_pronoun(&d.key))
        .map(|d| d.step)
        .collect();
    let for_pronoun = |w: &W| ctx.counts(w.text).0 > 0 && pronoun_steps.contains(&w.step);
    let gone: Vec<String> = names_d
        .iter()
        .filter(|w| swapped || (ctx.gone_from_new(w.text) && !new_keys.contains(&w.key)))
        .map(|w| w.text.to_string())
        .collect();
    let came: Vec<String> = names_i
        .iter()
        .filter(|w| {
            swapped || (ctx.more_in_new(w.text) && !old_keys.contains(&w.key) && !for_pronoun(w))
        })
        .map(|w| w.text.to_string())
        .collect();
    if !gone.is_empty() || !came.is_empty() {
        push(&mut reasons, ReasonKind::Name, gone, came);
    }

    // A real word for another real word of near spelling.
    let mut swaps = (Vec::new(), Vec::new());
    let mut used = vec![false; ins.len()];
    for d in dels.iter().filter(|w| !is_name(w) && !opposed(w)) {
        if let Some(k) = (0..ins.len()).find(|&k| {
            !used[k]
                && d.single
                && ins[k].single
                && ins[k].step == d.step
                && !is_name(&ins[k])
                && real_word_swap(d, &ins[k])
        }) {
            used[k] = true;
            swaps.0.push(d.text.to_string());
            swaps.1.push(ins[k].text.to_string());
        }
    }
    // Capitalized, the swapped words are names (Dana / Dina).
    let capital = |v: &[String]| {
        v.iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    let kind = if !swaps.0.is_empty() && capital(&swaps.0) && capital(&swaps.1) {
        ReasonKind::Name
    } else {
        ReasonKind::Word
    };
    // One noun or adjective put in place of another that is neither a
    // synonym, another form of it nor a spelling fix: another fact
    // (`town` → `city`, `people` → `children`).
    let swapped: HashSet<usize> = dels
        .iter()
        .filter(|w| swaps.0.iter().any(|s| s == w.text))
        .map(|w| w.tok)
        .collect();
    // A single-word step has one inserted word: found by its step.
    let single_ins: HashMap<usize, &W> = ins
        .iter()
        .filter(|i| i.single)
        .map(|i| (i.step, i))
        .collect();
    for d in dels.iter().filter(|w| {
        w.single
            && content(&w.key)
            && !is_name(w)
            && !opposed(w)
            && !handled_old.contains(&w.tok)
            && !swapped.contains(&w.tok)
    }) {
        let Some(i) = single_ins
            .get(&d.step)
            .copied()
            .filter(|i| content(&i.key) && !is_name(i) && !opposed(i))
        else {
            continue;
        };
        // Right after a name or a pronoun, a word is a verb (`Marl City
        // beat`), whatever else it can be.
        let verb_slot = |text: &str, toks: &[Token], k: usize| {
            k.checked_sub(1)
                .and_then(|p| toks.get(p))
                .filter(|t| t.word)
                .is_some_and(|t| {
                    let w = t.text(text);
                    cues::is_pronoun(&tokens::key(w))
                        || (w.chars().next().is_some_and(char::is_uppercase)
                            && !opens_sentence(text, k.checked_sub(2).and_then(|q| toks.get(q))))
                })
        };
        // Before a noun, a word that is also an adjective is one (`the
        // leading party`): adjectives have rules of their own.
        let adjective_slot = |w: &W| w.modifier && lex::is_adjective(&w.key);
        if !handled_new.contains(&i.tok)
            && !adjective_slot(d)
            && !adjective_slot(i)
            && !verb_slot(old_text, old, d.tok)
            && !verb_slot(new_text, new, i.tok)
            && substituted(&d.key, &i.key)
        {
            swaps.0.push(d.text.to_string());
            swaps.1.push(i.text.to_string());
        }
    }
    push(&mut reasons, kind, swaps.0, swaps.1);

    // New or dropped information: a content word added or dropped on its
    // own (a charge, a place, a status), or many new content words.
    fn fresh<'v, 'a>(
        v: &'v [W<'a>],
        other: &HashSet<String>,
        handled: &HashSet<usize>,
        keep: impl Fn(&W) -> bool,
    ) -> Vec<&'v W<'a>> {
        let mut lemmas: Option<HashSet<String>> = None;
        // Spelling fixes and derived forms (`lighting` / `lightning`,
        // `history` / `historic`) are the same word, not new information;
        // looked for only while the pairs stay few (linear time).
        let near = v.len().saturating_mul(other.len()) <= FUZZY_PAIRS;
        v.iter()
            .filter(|w| {
                keep(w)
                    && !other.contains(&w.key)
                    && !handled.contains(&w.tok)
                    && (!near || !other.iter().any(|o| related_forms(&w.key, o)))
                    && {
                        // Another form of a word the other side has (`rose` /
                        // `rise`): the lemmas of the other side, built once.
                        let set = lemmas.get_or_insert_with(|| {
                            other.iter().flat_map(|o| lex::lemmas(o)).collect()
                        });
                        !lex::lemmas(&w.key).iter().any(|l| {
                            set.contains(l)
                                && (other.contains(l) || l == &w.key || dictionary::is_word(l))
                        })
                    }
            })
            .collect::<Vec<_>>()
    }
    let keep = |w: &W| content(&w.key) && !opposed(w);
    let (dropped, added) = (
        fresh(&dels, &new_keys, &handled_old, keep),
        fresh(&ins, &old_keys, &handled_new, keep),
    );
    // Added alone, a content word brings a fact; dropped alone, only as
    // a modifier or a coordinated item (`acting`, `and manslaughter`).
    let short_fact = |w: &&W, added: bool| {
        w.alone
            && (added
                || w.coordinated
                || (w.modifier && (lex::is_adjective(&w.key) || w.before_title)))
            && !is_name(w)
            && !lex::only_verb_or_adverb(&w.key)
            && w.key.chars().count() > 2
    };
    let texts = |v: &[&W]| v.iter().map(|w| w.text.to_string()).collect::<Vec<_>>();
    if reasons.is_empty()
        && (added.len() >= NEW_INFO_WORDS
            || added.len() + dropped.len() >= CHANGED_INFO_WORDS
            || added.iter().any(|w| short_fact(w, true))
            || dropped.iter().any(|w| short_fact(w, false)))
    {
        reasons.push(Reason::new(
            ReasonKind::Information,
            texts(&dropped),
            texts(&added),
        ));
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

/// Whether lower-case `a` replaced by `b` is one thing named for another:
/// both nouns of the dictionary (not adjectives, not verb forms: a
/// different verb or adjective is often the same fact told another way),
/// not both kinds of person (the same people described another way:
/// `reporters` / `journalists`), not one a step broader than the other
/// (`boat` / `vessel`), and neither the same word in another form, a
/// synonym, nor a spelling variant of it.
fn substituted(a: &str, b: &str) -> bool {
    let noun = |w: &str| {
        dictionary::is_word(w)
            && lex::is_noun(w)
            && (lex::is_noun_lemma(w) || !lex::verb_form(w) && !lex::is_adjective(w))
    };
    a != b
        && !a.chars().chain(b.chars()).any(|c| c.is_ascii_digit())
        && noun(a)
        && noun(b)
        && !(lex::is_person_noun(a) && lex::is_person_noun(b))
        && !lex::broader_or_narrower(a, b)
        && !lex::same_lemma(a, b)
        && !lex::synonyms(a, b)
        && !a.contains(b)
        && !b.contains(a)
}

/// Keys by token index, with the fast hasher.
type KeyMap = HashMap<usize, String, std::hash::BuildHasherDefault<tokens::FastHasher>>;

/// Whether word token `k` modifies the next word (a content word follows
/// it directly), and whether it is joined to what comes before by `and` /
/// `or`.
/// Word `k` of one side of step `si`, as the classifier weighs it; `None`
/// for a token that is not a word.
fn side_word<'a>(
    text: &'a str,
    toks: &[Token],
    k: usize,
    canon: &KeyMap,
    si: usize,
) -> Option<W<'a>> {
    let t = toks.get(k).filter(|t| t.word)?;
    let (modifier, coordinated) = attached(text, toks, k, canon);
    Some(W {
        text: t.text(text),
        key: canon
            .get(&k)
            .cloned()
            .unwrap_or_else(|| tokens::key(t.text(text))),
        initial: opens_sentence(text, k.checked_sub(1).and_then(|p| toks.get(p))),
        tok: k,
        alone: false,
        step: si,
        single: false,
        modifier,
        coordinated,
        before_title: before_title(text, toks, k),
    })
}

fn attached(text: &str, toks: &[Token], k: usize, canon: &KeyMap) -> (bool, bool) {
    let key = |i: usize| {
        canon.get(&i).cloned().unwrap_or_else(|| {
            toks.get(i)
                .map_or(String::new(), |t| tokens::key(t.text(text)))
        })
    };
    let next = toks.get(k + 1).filter(|t| t.word).map(|_| key(k + 1));
    let prev = k
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .filter(|t| t.word)
        .map(|_| key(k - 1));
    (
        next.is_some_and(|n| {
            !n.is_empty() && !is_stop(&n) && n.chars().count() > 1 && number(&n).is_none()
        }),
        prev.is_some_and(|p| matches!(p.as_str(), "and" | "or" | "nor")),
    )
}

/// Whether the word after token `k` is a title or office (`mayor`).
fn before_title(text: &str, toks: &[Token], k: usize) -> bool {
    toks.get(k + 1)
        .filter(|t| t.word)
        .is_some_and(|t| crate::extract::lexicon::is_title(&t.text(text).to_lowercase()))
}

/// Drops the names of each side that name, alone or in a run of up to
/// three, a country the other side names too.
fn same_countries<'v, 'a>(
    d: Vec<&'v W<'a>>,
    i: Vec<&'v W<'a>>,
) -> (Vec<&'v W<'a>>, Vec<&'v W<'a>>) {
    let found = |v: &[&W]| -> Vec<(u16, usize, usize)> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < v.len() {
            let hit = (1..=3.min(v.len() - k)).rev().find_map(|n| {
                let words: Vec<&str> = v[k..k + n].iter().map(|w| w.text).collect();
                countries::country(&words).map(|c| (c, k, k + n))
            });
            match hit {
                Some(h) => {
                    k = h.2;
                    out.push(h);
                }
                None => k += 1,
            }
        }
        out
    };
    let (fd, fi) = (found(&d), found(&i));
    let drop = |v: Vec<&'v W<'a>>, mine: &[(u16, usize, usize)], other: &[(u16, usize, usize)]| {
        let mut gone = vec![false; v.len()];
        for &(c, s, e) in mine {
            if other.iter().any(|o| o.0 == c) {
                gone[s..e].iter_mut().for_each(|g| *g = true);
            }
        }
        v.into_iter()
            .zip(gone)
            .filter(|(_, g)| !g)
            .map(|(w, _)| w)
            .collect::<Vec<_>>()
    };
    (drop(d, &fd, &fi), drop(i, &fi, &fd))
}

/// The smallest range holding all the given ranges ((0, 0) for none).
fn span(ranges: impl Iterator<Item = std::ops::Range<usize>>) -> (usize, usize) {
    let (s, e) = ranges.fold((usize::MAX, 0), |(s, e), r| (s.min(r.start), e.max(r.end)));
    if s > e { (0, 0) } else { (s, e) }
}

fn mark(v: &mut [bool], k: usize) {
    if let Some(x) = v.get_mut(k) {
        *x = true;
    }
}

/// The numbers of each side that the other side lacks (as values), as
/// written; a lone `first` or `one` counts nothing and is left out.
fn unmatched_numbers(old: &[facts::Number], new: &[facts::Number]) -> (Vec<String>, Vec<String>) {
    let mut used = vec![false; new.len()];
    let mut lo = Vec::new();
    for a in old {
        let hit = (0..new.len()).find(|&k| {
            !used[k]
                && new[k].percent == a.percent
                && (new[k].value - a.value).abs() <= 1e-9 * a.value.abs().max(1.0)
        });
        match hit {
            Some(k) => used[k] = true,
            None => lo.push(a),
        }
    }
    let ln: Vec<&facts::Number> = new
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(n, _)| n)
        .collect();
    let counts_nothing =
        |n: &&facts::Number| n.value == 1.0 && (n.ordinal || n.text.eq_ignore_ascii_case("one"));
    let keep = |v: Vec<&facts::Number>, other_empty: bool| {
        v.into_iter()
            .filter(|n| !(other_empty && counts_nothing(n)))
            .map(|n| n.text.clone())
            .collect::<Vec<_>>()
    };
    let (lo_empty, ln_empty) = (lo.is_empty(), ln.is_empty());
    (keep(lo, ln_empty), keep(ln, lo_empty))
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
