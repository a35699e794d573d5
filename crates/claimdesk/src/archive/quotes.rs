//! When two quotes are the same quote: their words, compared as bags so
//! that small wording changes (a word dropped, changed or moved, a
//! different punctuation) still match, and an excerpt of a longer quote
//! matches it.

use crate::hash::FastMap;
use crate::lexical::cues;
use crate::model::word_key;

/// A quote's words, lower case, without punctuation.
pub fn words(quote: &str) -> Vec<String> {
    word_key(quote)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Fewest words a quote must have to be compared at all: "We will see"
/// is said by everyone.
pub const MIN_WORDS: usize = 5;

/// How alike two quotes' words are, from 0 to 1: the shared words over
/// the mean length (Dice), or, less 0.15, the part of the shorter one
/// that the longer holds in order (an excerpt: nine words in ten or more).
pub fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let dice = bag_dice(a, b);
    // The content words must agree as well: "a huge leap in the dark"
    // shares its small words with every leap in the dark.
    let content =
        |q: &[String]| -> Vec<String> { q.iter().filter(|w| !cues::is_stop(w)).cloned().collect() };
    let (ca, cb) = (content(a), content(b));
    let dice = if ca.is_empty() || cb.is_empty() {
        dice
    } else {
        dice.min(bag_dice(&ca, &cb))
    };
    dice.max(excerpt(a, b) - 0.15)
}

/// Shared words over the mean length.
fn bag_dice(a: &[String], b: &[String]) -> f64 {
    let mut bag: FastMap<&str, i32> = FastMap::default();
    for w in a {
        *bag.entry(w.as_str()).or_default() += 1;
    }
    let mut common = 0usize;
    for w in b {
        if let Some(n) = bag.get_mut(w.as_str())
            && *n > 0
        {
            *n -= 1;
            common += 1;
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// How much of the shorter quote the longer one holds in the same order,
/// word for word (an excerpt keeps its words and their order; two quotes
/// that share some words are two quotes), when the shorter has at least
/// five content words (stop words left out); else 0.
fn excerpt(a: &[String], b: &[String]) -> f64 {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.iter().filter(|w| !cues::is_stop(w)).count() < 5 {
        return 0.0;
    }
    // Longest common subsequence of words, one row at a time.
    let mut row = vec![0usize; long.len() + 1];
    for w in short {
        let mut diag = 0;
        for (j, v) in long.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if w == v { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[long.len()] as f64 / short.len() as f64
}

/// The similarity from which two quotes are the same quote.
pub const SAME: f64 = 0.75;

/// Fewest content words (stop words left out) a quote must have to be
/// compared: "we will see" is said by everyone.
pub const MIN_CONTENT_WORDS: usize = 3;

/// Whether two quotes are the same quote.
pub fn same_quote(a: &[String], b: &[String]) -> bool {
    let content = |q: &[String]| q.iter().filter(|w| !cues::is_stop(w)).count();
    a.len().min(b.len()) >= MIN_WORDS
        && content(a).min(content(b)) >= MIN_CONTENT_WORDS
        && similarity(a, b) >= SAME
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(a: &str, b: &str, same: bool) {
        assert_eq!(
            same_quote(&words(a), &words(b)),
            same,
            "{a:?} / {b:?}: {}",
            similarity(&words(a), &words(b))
        );
    }

    #[test]
    fn same_quotes() {
        for (a, b, same) in [
            (
                "We will rebuild every bridge in the valley",
                "We will rebuild every bridge in the valley.",
                true,
            ),
            (
                "We will rebuild every bridge in the valley",
                "We shall rebuild every bridge in this valley",
                true,
            ),
            (
                "We will rebuild every bridge in the valley before winter comes to the hills",
                "rebuild every bridge in the valley before winter comes",
                true,
            ),
            ("We will see", "We will see", false),
            (
                "genuinely a leap in the dark",
                "a huge leap in the dark",
                false,
            ),
            (
                "The Northland Republic is leaving the Customs Union,",
                "The Northland Republic is at its best when it is helping to lead a strong region. It leverages its power to be part of the Customs Union,",
                false,
            ),
            (
                "Northland is leaving the Customs Union and there can be no turning back.",
                "While Northland may be leaving the Customs Union, we are not withdrawing from the world, nor are we turning our back on trade",
                false,
            ),
            (
                "it is the future of the European Union.",
                "The United Kingdom is at its best when it is helping to lead a strong Europe. It leverages UK power to be part of the European Union,",
                false,
            ),
            (
                "We will rebuild every bridge in the valley",
                "The valley needs new schools and a hospital",
                false,
            ),
        ] {
            check(a, b, same);
        }
    }
}
