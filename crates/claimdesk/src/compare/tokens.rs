//! Tokens of a text span (words and punctuation marks, by byte offsets) and
//! the normalized keys the comparison matches them on.
//!
//! Word diffs run over these tokens and sentence alignment hashes their keys,
//! so both see the same notion of "word": a run of letters and digits, with
//! inner apostrophes kept (`don't`, `Kosovo's`). Every other visible
//! character is a punctuation token of its own; white space is no token.

pub(crate) use crate::hash::{FastSet, Fnv as FastHasher, hash_str};
use std::hash::Hasher;

/// One word or punctuation mark of a text, by byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub word: bool,
}

impl Token {
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The tokens of `text[start..end]` (offsets are into `text`). Out-of-range
/// or non-boundary spans give no tokens rather than a panic.
pub(crate) fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let Some(span) = text.get(start..end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut chars = span.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            let mut e = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    e = j + d.len_utf8();
                    chars.next();
                } else if is_apostrophe(d) {
                    // Keep an apostrophe only when a letter follows it.
                    let after = span[j + d.len_utf8()..].chars().next();
                    if after.is_some_and(char::is_alphanumeric) {
                        e = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(Token {
                start: start + i,
                end: start + e,
                word: true,
            });
        } else if !c.is_whitespace() {
            out.push(Token {
                start: start + i,
                end: start + i + c.len_utf8(),
                word: false,
            });
        }
    }
    out
}

/// The matching key of a word: lower case, letters and digits only
/// (`Kosovo's` → `kosovos`, `U` → `u`).
pub(crate) fn key(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `hash_str(&key(word))` without building the key (ASCII fast path).
pub(crate) fn key_hash(word: &str) -> u64 {
    let mut h = FastHasher::default();
    if word.is_ascii() {
        for b in word.bytes().filter(u8::is_ascii_alphanumeric) {
            h.byte(b.to_ascii_lowercase());
        }
        return h.finish();
    }
    let mut buf = [0u8; 4];
    for c in word.chars().filter(|c| c.is_alphanumeric()) {
        for l in c.to_lowercase() {
            h.write(l.encode_utf8(&mut buf).as_bytes());
        }
    }
    h.finish()
}

/// Hash of a whole word sequence (order matters), from its words' key hashes.
pub(crate) fn seq_hash(keys: impl Iterator<Item = u64>) -> u64 {
    let mut h = FastHasher::default();
    for k in keys {
        h.write_u64(k);
    }
    h.finish()
}

/// The sorted hashes of the word keys of a token list: a multiset that
/// [`dice`] compares (what `align::prepare` keeps as a sentence's bag).
#[cfg(test)]
pub(crate) fn key_hashes(text: &str, tokens: &[Token]) -> Vec<u64> {
    let mut v: Vec<u64> = tokens
        .iter()
        .filter(|t| t.word)
        .map(|t| key_hash(t.text(text)))
        .collect();
    v.sort_unstable();
    v
}

/// Size of the intersection of two sorted multisets.
pub(crate) fn overlap(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Dice similarity of two sorted multisets, from 0 (nothing shared) to 1.
pub(crate) fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * overlap(a, b) as f64 / (a.len() + b.len()) as f64
}

/// Merges two sorted multisets into one sorted multiset.
pub(crate) fn merged(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut v = Vec::with_capacity(a.len() + b.len());
    v.extend_from_slice(a);
    v.extend_from_slice(b);
    v.sort_unstable();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len())
            .into_iter()
            .map(|t| t.text(s))
            .collect()
    }

    #[test]
    fn splits_words_and_punctuation() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The mayor's plan, in full.",
                &["The", "mayor's", "plan", ",", "in", "full", "."],
            ),
            ("don't  stop", &["don't", "stop"]),
            ("'quoted' U.K.", &["'", "quoted", "'", "U", ".", "K", "."]),
            (
                "semi-final 3.5%",
                &["semi", "-", "final", "3", ".", "5", "%"],
            ),
            ("", &[]),
            ("Zürich – café", &["Zürich", "–", "café"]),
        ];
        for (input, want) in cases {
            assert_eq!(&words(input), want, "{input:?}");
        }
    }

    #[test]
    fn bad_spans_give_no_tokens() {
        assert!(tokenize("café", 0, 4).is_empty());
        assert!(tokenize("abc", 2, 10).is_empty());
        assert!(tokenize("abc", 3, 1).is_empty());
    }

    #[test]
    fn key_hash_is_the_hash_of_the_key() {
        for w in ["Kosovo's", "ÉCOLE", "abc", "", "U.K"] {
            assert_eq!(key_hash(w), hash_str(&key(w)), "{w}");
        }
    }

    #[test]
    fn dice_counts_shared_words() {
        let t = "a b c d";
        let u = "a b x y";
        let a = key_hashes(t, &tokenize(t, 0, t.len()));
        let b = key_hashes(u, &tokenize(u, 0, u.len()));
        assert!((dice(&a, &b) - 0.5).abs() < 1e-9);
        assert_eq!(overlap(&a, &a), 4);
    }
}
