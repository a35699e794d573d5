//! Tokenizer for the temporal recognizer: splits text into words, digit runs
//! and single punctuation characters, keeping byte spans, the whitespace that
//! precedes each token and a lowercase view, so the rules can match on token
//! sequences without any regex or per-token allocation.

use super::lexicon::{self, Lex};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// ASCII letters (and nothing else).
    Word,
    /// ASCII digits (and nothing else).
    Num,
    /// One other character (punctuation, symbol, non-ASCII letter).
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace separates this token from the previous one.
    pub space: bool,
    /// Newlines in the whitespace before this token.
    pub newlines: u8,
    /// The token starts with an uppercase letter.
    pub cap: bool,
    /// A word of two or more letters, all uppercase ("TODAY", "USA").
    pub shout: bool,
    /// Word class from the lexicon (`Lex::None` for most words).
    pub lex: Lex,
    /// Value of a digit run (saturating), or of a number word.
    pub num: Option<u32>,
    /// Length in digits for digit runs.
    pub digits: u8,
    /// The character, for punctuation tokens.
    pub ch: char,
}

/// Splits `text` into tokens; `lower` is `text.to_ascii_lowercase()`.
pub fn tokenize(text: &str, lower: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    let mut space = true;
    let mut newlines = 0u8;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            if b == b'\n' {
                newlines = newlines.saturating_add(1);
            }
            i += 1;
            continue;
        }
        let start = i;
        let (kind, ch) = if b.is_ascii_alphabetic() {
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            (Kind::Word, ' ')
        } else if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            (Kind::Num, ' ')
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            let w = ch.len_utf8().max(1);
            i += w;
            if ch.is_whitespace() {
                // Unicode spaces (no-break space, ...) count as whitespace.
                space = true;
                continue;
            }
            (Kind::Punct, ch)
        };
        let mut tok = Tok {
            start,
            end: i,
            kind,
            space,
            newlines,
            cap: b.is_ascii_uppercase(),
            shout: kind == Kind::Word
                && i - start >= 2
                && bytes[start..i].iter().all(u8::is_ascii_uppercase),
            lex: Lex::None,
            num: None,
            digits: 0,
            ch,
        };
        match kind {
            Kind::Word => {
                tok.lex = lexicon::classify(&lower[start..i]);
                tok.num = lexicon::number_value(tok.lex);
            }
            Kind::Num => {
                let s = &bytes[start..i];
                tok.digits = s.len().min(255) as u8;
                let mut v: u32 = 0;
                for &d in s {
                    v = v.saturating_mul(10).saturating_add(u32::from(d - b'0'));
                }
                tok.num = Some(v);
            }
            Kind::Punct => {}
        }
        toks.push(tok);
        space = false;
        newlines = 0;
    }
    toks
}
