//! Facts read from a whole aligned sentence (not only from the words a diff
//! changed), so that a fact spread over several words is judged whole:
//! number values (`$1.5 billion` = `$1,500 million`, `5%` = `5 percent`,
//! `ten` = `10`), hedges and attribution, quantifiers and modality (cue
//! lists in `data/compare/`), and who did what to whom.
//!
//! Each side is a list of [`Word`]s marked `changed` when the word diff
//! deleted or inserted it; a fact counts as edited when its words touch a
//! change.

use super::tokens::{self, Token};
use crate::lexical::{cues, dictionary, vocab};

/// One word of a sentence, for fact reading.
#[derive(Debug, Clone)]
pub(crate) struct Word<'a> {
    pub text: &'a str,
    /// Matching key (lower case, letters and digits), after fixed
    /// equivalents (`no one` → `nobody`, the second word empty).
    pub key: String,
    /// Deleted (old side) or inserted (new side) by the diff.
    pub changed: bool,
    /// A punctuation mark glued to the end of the word (`1` in `1,500`).
    pub glued: Option<char>,
    /// The word starts right where the previous token ended.
    pub tight: bool,
    /// Punctuation (other than a glued mark) before this word.
    pub punct_before: bool,
    /// Index of the token in the run.
    pub tok: usize,
}

/// The words of a token run with their diff marks (`changed[k]` for token
/// `k`).
pub(crate) fn words<'a>(text: &'a str, toks: &[Token], changed: &[bool]) -> Vec<Word<'a>> {
    let mut out: Vec<Word> = Vec::new();
    let mut punct = false;
    for (k, t) in toks.iter().enumerate() {
        let tight = k > 0 && toks[k - 1].end == t.start;
        if !t.word {
            let c = t.text(text).chars().next();
            if tight
                && let (Some(w), Some(c)) = (out.last_mut(), c)
                && w.glued.is_none()
                && !punct
            {
                w.glued = Some(c);
            } else {
                punct = true;
            }
            // A percent sign is a word of its own for number reading.
            if c == Some('%') {
                out.push(Word {
                    text: t.text(text),
                    key: "percent".into(),
                    changed: changed.get(k).copied().unwrap_or(false),
                    glued: None,
                    tight,
                    punct_before: false,
                    tok: k,
                });
            }
            continue;
        }
        out.push(Word {
            text: t.text(text),
            key: tokens::key(t.text(text)),
            changed: changed.get(k).copied().unwrap_or(false),
            glued: None,
            tight,
            punct_before: punct,
            tok: k,
        });
        punct = false;
    }
    // Fixed equivalents: every form becomes the first form.
    let mut i = 0;
    while i < out.len() {
        let keys: Vec<&str> = out[i..].iter().take(3).map(|w| w.key.as_str()).collect();
        if let Some((canon, n)) = cues::equivalent(&keys)
            && (n > 1 || canon.len() == 1)
        {
            let any = out[i..i + n].iter().any(|w| w.changed);
            for (k, w) in out[i..i + n].iter_mut().enumerate() {
                w.key = canon.get(k).map_or(String::new(), |s| s.to_string());
                w.changed = any;
            }
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

/// A number read from a run of words.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    pub value: f64,
    pub percent: bool,
    pub ordinal: bool,
    /// Word indices covered.
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A misspelt vocabulary word corrected to itself (`milion` → `million`,
/// `Febuary` → `february`): a non-word one edit from a vocabulary word.
pub(crate) fn vocab_word(text: &str, key: &str) -> Option<&'static str> {
    if vocab::lookup(key).is_some() {
        return vocab::numbers().find(|(k, _)| *k == key).map(|(k, _)| k);
    }
    if key.len() < 5 {
        return None;
    }
    // The cheap test first: a vocabulary word one edit away; the dictionary
    // only then.
    let n = key.chars().count();
    let near = vocab::spelled_words()
        .find(|w| w.len().abs_diff(n) <= 1 && super::classify::edit_distance(key, w, 1) <= 1)?;
    (!dictionary::is_word(text)).then_some(near)
}

fn word_value(key: &str) -> Option<vocab::Word> {
    vocab::lookup(key)
}

/// Every number of a sentence, read whole: digits with thousands commas and
/// decimal points, number words, scale words, percent signs and words.
pub(crate) fn numbers(ws: &[Word]) -> Vec<Number> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let start = i;
        let mut value: Option<f64> = None;
        let mut ordinal = false;
        let w = &ws[i];
        if w.key.starts_with(|c: char| c.is_ascii_digit()) {
            // Digits, glued to `,ddd` and `.d` groups.
            let mut s = String::new();
            let mut j = i;
            let mut suffix;
            loop {
                let k = &ws[j].key;
                let digits: String = k.chars().take_while(char::is_ascii_digit).collect();
                s.push_str(&digits);
                suffix = k[digits.len()..].to_string();
                let next_digits = ws
                    .get(j + 1)
                    .is_some_and(|n| n.tight && n.key.starts_with(|c: char| c.is_ascii_digit()));
                match ws[j].glued {
                    Some(',')
                        if suffix.is_empty()
                            && next_digits
                            && ws[j + 1]
                                .key
                                .chars()
                                .take_while(char::is_ascii_digit)
                                .count()
                                == 3 => {}
                    Some('.') if suffix.is_empty() && next_digits && !s.contains('.') => {
                        s.push('.')
                    }
                    _ => break,
                }
                j += 1;
            }
            let mut v: f64 = s.parse().unwrap_or(0.0);
            match suffix.as_str() {
                "" | "s" => {}
                "st" | "nd" | "rd" | "th" => ordinal = true,
                other => {
                    if let Some(vocab::Word::Scale(m)) = word_value(other) {
                        v *= m;
                    }
                }
            }
            value = Some(v);
            i = j + 1;
        } else {
            // Number words: `two hundred and five`, `twenty-five`, `a dozen`.
            let mut total = 0.0;
            let mut current = 0.0;
            let mut any = false;
            let mut j = i;
            while j < ws.len() {
                let k = ws[j].key.as_str();
                match word_value(k) {
                    Some(vocab::Word::Cardinal(n)) => {
                        current += n as f64;
                        any = true;
                    }
                    Some(vocab::Word::Ordinal(n)) => {
                        current += n as f64;
                        any = true;
                        ordinal = true;
                        j += 1;
                        break;
                    }
                    Some(vocab::Word::Scale(m)) if any && k.len() > 2 => {
                        if m < 1000.0 {
                            current = current.max(1.0) * m;
                        } else {
                            total += current.max(1.0) * m;
                            current = 0.0;
                        }
                    }
                    _ if any
                        && k == "and"
                        && ws.get(j + 1).is_some_and(|n| {
                            matches!(word_value(&n.key), Some(vocab::Word::Cardinal(_)))
                        }) => {}
                    _ => break,
                }
                j += 1;
            }
            if any {
                value = Some(total + current);
                i = j;
            } else {
                i += 1;
            }
        }
        let Some(mut v) = value else { continue };
        // Scale words after the number (`1.5 billion`, `4 million`, `1.5bn`).
        while let Some(n) = ws.get(i) {
            let k = vocab_word(n.text, &n.key).unwrap_or(n.key.as_str());
            match word_value(k) {
                Some(vocab::Word::Scale(m)) if !ordinal && (k.len() > 2 || n.tight) => {
                    v *= m;
                    i += 1;
                }
                _ => break,
            }
        }
        let mut percent = false;
        if let Some(n) = ws.get(i)
            && n.key == "percent"
        {
            percent = true;
            i += 1;
        }
        // As written: parts glued in the text stay glued, with the mark
        // between them (`1,200,000`, `1.5bn`).
        let mut text = String::new();
        let mut prev: Option<&Word> = None;
        for w in &ws[start..i] {
            if let Some(p) = prev {
                match (w.tight, p.glued) {
                    (true, Some(c)) => text.push(c),
                    (true, None) => {}
                    (false, _) => text.push(' '),
                }
            }
            text.push_str(w.text);
            prev = Some(w);
        }
        out.push(Number {
            value: v,
            percent,
            ordinal,
            start,
            end: i,
            text,
        });
    }
    out
}

/// A cue of the sentence (hedge, quantifier, modal, vague time word).
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub kind: cues::CueKind,
    pub class: &'static str,
    pub start: usize,
    pub end: usize,
}

/// Subject pronouns: an attribution to one of them names no new source.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// Every cue of a sentence, plus speech verbs as attribution hedges.
pub(crate) fn cues_of(ws: &[Word]) -> Vec<Found> {
    let keys: Vec<&str> = ws.iter().map(|w| w.key.as_str()).collect();
    let mut out: Vec<Found> = cues::find(&keys)
        .into_iter()
        .map(|c| Found {
            kind: c.kind,
            class: c.class,
            start: c.at,
            end: c.at + c.len,
        })
        .collect();
    for (k, key) in keys.iter().enumerate() {
        // Finite attribution verbs only: `saying`, `adding` introduce
        // what the same speaker says.
        let lower = ws[k].text.chars().next().is_some_and(char::is_lowercase);
        // A pronoun speaker (`they said`) names no source.
        let speaker = (0..k)
            .rev()
            .map(|p| keys[p])
            .find(|p| !matches!(*p, "also" | "have" | "has" | "had"));
        let pronoun = speaker.is_some_and(|p| PRONOUNS.contains(&p));
        if lower
            && !key.ends_with("ing")
            && cues::is_speech_verb(key)
            && !out.iter().any(|f| f.start <= k && k < f.end)
        {
            out.push(Found {
                kind: cues::CueKind::Hedge,
                class: if pronoun { "said by pronoun" } else { "said" },
                start: k,
                end: k + 1,
            });
        }
    }
    out
}

/// Whether any word of `ws[r]` is changed.
pub(crate) fn touched(ws: &[Word], start: usize, end: usize) -> bool {
    ws.get(start..end)
        .is_some_and(|s| s.iter().any(|w| w.changed))
}

/// The words of a hedge as shown to a reader: the cue and the source it
/// names (`according to police`, `police said`).
pub(crate) fn hedge_text(ws: &[Word], f: &Found) -> String {
    let mut s = f.start;
    let mut e = f.end;
    if f.class.starts_with("said") {
        // The speaker before the verb.
        while s > 0 && s + 3 > f.start && !ws[s].punct_before && !cues::is_stop(&ws[s - 1].key) {
            s -= 1;
        }
        if s == f.start && s > 0 && !ws[s].punct_before {
            s -= 1;
        }
    } else if f.class == "according to" {
        while e < ws.len() && e < f.end + 3 && !ws[e].punct_before && ws[e - 1].glued.is_none() {
            e += 1;
        }
    }
    ws[s..e]
        .iter()
        .map(|w| w.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The participant next to word `pivot`: the run of capitalized words (a
/// name) holding the nearest content word before (or after) it.
fn participant(ws: &[Word], pivot: usize, before: bool) -> Option<String> {
    let mut k = pivot;
    loop {
        if before {
            k = k.checked_sub(1)?;
        } else {
            k += 1;
        }
        let w = ws.get(k)?;
        if w.key.is_empty() || cues::is_stop(&w.key) || w.key == "the" {
            // `by` marks a passive agent: the caller checks it.
            continue;
        }
        let capital = |w: &Word| w.text.chars().next().is_some_and(char::is_uppercase);
        let (mut s, mut e) = (k, k + 1);
        if capital(w) {
            while s > 0 && capital(&ws[s - 1]) && !ws[s].punct_before {
                s -= 1;
            }
            while e < ws.len() && capital(&ws[e]) && !ws[e].punct_before {
                e += 1;
            }
        }
        return Some(
            ws[s..e]
                .iter()
                .map(|w| w.text)
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
}

/// Whether the word after `pivot` (skipping nothing) is `by`: a passive.
fn passive(ws: &[Word], pivot: usize) -> bool {
    ws.get(pivot + 1).is_some_and(|w| w.key == "by")
}

/// Who did what to whom changed: a content verb found once on each side
/// has the participants before and after it swapped (`A defeated B` →
/// `B defeated A`), with the same voice on both sides. Returns the verb and
/// the participants in old order.
pub(crate) fn swapped_roles(old: &[Word], new: &[Word]) -> Option<(String, String, String)> {
    if !old.iter().chain(new).any(|w| w.changed) {
        return None;
    }
    for (i, w) in old.iter().enumerate() {
        if w.key.len() < 3
            || cues::is_stop(&w.key)
            || w.text.chars().next().is_some_and(char::is_uppercase)
            || old.iter().filter(|x| x.key == w.key).count() != 1
        {
            continue;
        }
        let mut hits = new.iter().enumerate().filter(|(_, x)| x.key == w.key);
        let (Some((j, _)), None) = (hits.next(), hits.next()) else {
            continue;
        };
        if passive(old, i) != passive(new, j) {
            continue;
        }
        let (Some(a), Some(b)) = (participant(old, i, true), participant(old, i, false)) else {
            continue;
        };
        let (Some(c), Some(d)) = (participant(new, j, true), participant(new, j, false)) else {
            continue;
        };
        let same = |x: &str, y: &str| x.to_lowercase() == y.to_lowercase();
        if !same(&a, &b) && same(&a, &d) && same(&b, &c) {
            return Some((w.text.to_string(), a, b));
        }
    }
    None
}
