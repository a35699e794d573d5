//! Segmentation: paragraphs and sentences with byte offsets.
//!
//! Placeholder splitter (on `.`, `!`, `?` followed by white space); the
//! news-aware segmenter replaces it.

use crate::model::Sentence;

/// The sentences of `text`, in order, by byte offsets; white space between
/// them belongs to none.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = None;
    let bytes = text.as_bytes();
    for (i, ch) in text.char_indices() {
        if start.is_none() && !ch.is_whitespace() {
            start = Some(i);
        }
        if let Some(s) = start {
            let next = bytes.get(i + ch.len_utf8()).copied();
            let ends = matches!(ch, '.' | '!' | '?')
                && next.is_none_or(|b| b.is_ascii_whitespace())
                || ch == '\n' && next == Some(b'\n');
            if ends {
                let e = if ch == '\n' { i } else { i + ch.len_utf8() };
                out.push(Sentence { start: s, end: e });
                start = None;
            }
        }
    }
    if let Some(s) = start {
        let e = text.trim_end().len();
        if e > s {
            out.push(Sentence { start: s, end: e });
        }
    }
    out
}
