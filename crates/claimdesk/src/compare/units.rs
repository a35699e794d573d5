//! Comparison units: the extracted sentences, cut further at sentence
//! boundaries that a segmenter may keep together on purpose (several
//! sentences of one quotation, a headline run into the first sentence).
//!
//! Comparing smaller units keeps one edit from flagging a whole quoted
//! paragraph, and makes the comparison robust to however the segmenter
//! groups sentences. Each unit remembers the extracted sentence it belongs
//! to, so reports can still speak in the extractor's sentence numbers.

use crate::model::Sentence;

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "gov", "sen", "rep", "lt", "col",
    "capt", "sgt", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "rev", "hon", "u.s",
    "u.k", "e.g", "i.e", "approx", "dept", "est", "fig",
];

/// A comparison unit: its span and the index of the sentence it is cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    pub span: Sentence,
    pub parent: usize,
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}' | '(')
}

/// Where a sentence ends inside `s` (byte offsets just past the end mark
/// and its closing quotes), when what follows opens a new sentence.
fn inner_ends(s: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if !matches!(c, '.' | '!' | '?') {
            k += 1;
            continue;
        }
        // The word before a period must not be an abbreviation or initial.
        if c == '.' {
            let before = &s[..i];
            let word: String = before
                .chars()
                .rev()
                .take_while(|ch| ch.is_alphanumeric() || *ch == '.')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let lower = word.to_lowercase();
            let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if initial || ABBREVIATIONS.contains(&lower.as_str()) || word.is_empty() {
                k += 1;
                continue;
            }
        }
        let mut e = k + 1;
        while e < chars.len() && (is_closer(chars[e].1) || matches!(chars[e].1, '.' | '!' | '?')) {
            e += 1;
        }
        let end = chars.get(e).map_or(s.len(), |&(j, _)| j);
        let mut w = e;
        while w < chars.len() && chars[w].1.is_whitespace() {
            w += 1;
        }
        if w > e && w < chars.len() && is_opener(chars[w].1) {
            out.push(end);
        }
        k = e.max(k + 1);
    }
    out
}

/// The units of `text` given its extracted sentences (clamped to the text;
/// spans not on character boundaries are dropped).
pub(crate) fn units(text: &str, sentences: &[Sentence]) -> Vec<Unit> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut last_end = 0;
    for (parent, s) in sentences.iter().enumerate() {
        let start = s.start.max(last_end);
        let end = s.end.min(text.len());
        let Some(body) = text.get(start..end).filter(|b| !b.trim().is_empty()) else {
            continue;
        };
        last_end = end;
        let mut from = 0;
        for cut in inner_ends(body).into_iter().chain([body.len()]) {
            let piece = &body[from..cut];
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            if !trimmed.is_empty() {
                out.push(Unit {
                    span: Sentence {
                        start: start + from + lead,
                        end: start + from + lead + trimmed.len(),
                    },
                    parent,
                });
            }
            from = cut;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, want: &[&str]) {
        let got: Vec<&str> = units(
            text,
            &[Sentence {
                start: 0,
                end: text.len(),
            }],
        )
        .iter()
        .map(|u| &text[u.span.start..u.span.end])
        .collect();
        assert_eq!(got, want, "{text:?}");
    }

    #[test]
    fn cuts_kept_together_sentences() {
        check("One. Two.", &["One.", "Two."]);
        check(
            "\"We will win. Nobody doubts it,\" she said.",
            &["\"We will win.", "Nobody doubts it,\" she said."],
        );
        check("\"Go home.\" He left.", &["\"Go home.\"", "He left."]);
        check("Really?! Yes.", &["Really?!", "Yes."]);
        check(
            "Mr. Smith met Dr. Jones at 5 p.m. today.",
            &["Mr. Smith met Dr. Jones at 5 p.m. today."],
        );
        check(
            "John F. Kennedy spoke. The U.S. Senate voted.",
            &["John F. Kennedy spoke.", "The U.S. Senate voted."],
        );
        check("It rose 3.5 percent.", &["It rose 3.5 percent."]);
        check(
            "ends with a dot. lower case goes on",
            &["ends with a dot. lower case goes on"],
        );
        check("", &[]);
        check("  ", &[]);
    }

    #[test]
    fn keeps_parents_and_clamps() {
        let text = "A b. C d. E f.";
        let s = [
            Sentence { start: 0, end: 9 },
            Sentence { start: 10, end: 99 },
        ];
        let u = units(text, &s);
        let parents: Vec<usize> = u.iter().map(|u| u.parent).collect();
        assert_eq!(parents, [0, 0, 1]);
        assert_eq!(u[2].span, Sentence { start: 10, end: 14 });
    }
}
