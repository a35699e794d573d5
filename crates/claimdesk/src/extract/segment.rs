//! Segmentation: paragraphs, sentences and tokens with byte offsets.
//!
//! News-aware: hard-wrapped wire text (lines wrapped at ~65 columns,
//! paragraphs opened by an indent) is joined back into paragraphs;
//! abbreviations ("U.S.", "Mr.", "Gen.", "Nov.", "p.m."), initials and
//! "(l.)" do not end sentences; a quotation that holds several sentences
//! stays in one; headlines, datelines ("SEOUL, June 19 -", "London (CNN)"),
//! photo credits and gallery captions become segments of their own kind so
//! the claim rules can treat them apart. Everything here works on byte
//! offsets into the original text and never panics.

use super::lexicon;
use crate::model::Sentence;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tk {
    /// Letters (possibly with digits, inner hyphens, apostrophes or the
    /// periods of an abbreviation).
    Word,
    /// A number ("1,006", "5.93", "2025").
    Num,
    /// A quotation mark (straight or curly double quote).
    Quote,
    /// Any other punctuation (a run of dashes is one token).
    Punct,
}

/// One token, by byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Tk,
    /// Word-list flags of the lower-case word ([`lexicon::flag`]).
    pub flags: u16,
}

/// What a segment is, for the claim rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegKind {
    /// Running text.
    Body,
    /// A title line (first paragraph without final punctuation).
    Headline,
    /// "CITY, Date -" or "City (CNN)" at the head of a story.
    Dateline,
    /// Photo credits, gallery captions and page furniture ("Read More").
    Credit,
}

/// A sentence (or headline, dateline, credit) with its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub start: usize,
    pub end: usize,
    /// Token index range `[tok_start, tok_end)` into [`Doc::tokens`].
    pub tok_start: usize,
    pub tok_end: usize,
    /// Paragraph index.
    pub para: usize,
    pub kind: SegKind,
}

/// A quotation: a pair of quotation marks within one paragraph, or an
/// opening mark left open at the end of its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotation {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, if the paragraph closes it.
    pub close: Option<usize>,
    pub para: usize,
}

/// A segmented text.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    pub text: &'a str,
    /// The text with ASCII letters lower-cased: same byte offsets, so
    /// `lower[t.start..t.end]` is the lower-case form of a token.
    pub lower: String,
    pub tokens: Vec<Token>,
    pub segs: Vec<Seg>,
    /// Paragraphs as byte ranges.
    pub paras: Vec<(usize, usize)>,
    pub quotes: Vec<Quotation>,
}

impl<'a> Doc<'a> {
    /// The token's text.
    pub fn s(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// The token's text, ASCII lower-cased.
    pub fn lc(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.lower.get(t.start..t.end))
            .unwrap_or("")
    }

    /// Whether token `i` has the word-list flag `f`.
    pub fn has(&self, i: usize, f: u16) -> bool {
        self.tokens.get(i).is_some_and(|t| t.flags & f != 0)
    }

    /// Whether token `i` is the word `w` (lower case).
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.lc(i) == w
    }

    pub fn kind(&self, i: usize) -> Option<Tk> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Whether token `i` is a word starting with an upper-case letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.kind(i) == Some(Tk::Word) && self.s(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether token `i` is a word of two or more letters, all upper case.
    pub fn is_allcaps(&self, i: usize) -> bool {
        let s = self.s(i);
        self.kind(i) == Some(Tk::Word)
            && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !s.chars().any(char::is_lowercase)
    }

    /// Byte span of tokens `[a, b)` as text.
    pub fn span(&self, a: usize, b: usize) -> &'a str {
        match (
            self.tokens.get(a),
            b.checked_sub(1).and_then(|e| self.tokens.get(e)),
        ) {
            (Some(x), Some(y)) if y.end >= x.start => self.text.get(x.start..y.end).unwrap_or(""),
            _ => "",
        }
    }

    /// The public sentence list.
    pub fn sentences(&self) -> Vec<Sentence> {
        self.segs
            .iter()
            .map(|s| Sentence {
                start: s.start,
                end: s.end,
            })
            .collect()
    }
}

/// The sentences of `text`, in order, by byte offsets; white space between
/// them belongs to none.
pub fn sentences(text: &str) -> Vec<Sentence> {
    segment(text).sentences()
}

/// Segments `text` into paragraphs, sentences, tokens and quotations.
pub fn segment(text: &str) -> Doc<'_> {
    let lower = text.to_ascii_lowercase();
    let paras = paragraphs(text);
    let mut doc = Doc {
        text,
        lower,
        tokens: Vec::with_capacity(text.len() / 5),
        segs: Vec::new(),
        paras: Vec::new(),
        quotes: Vec::new(),
    };
    for (pi, &(ps, pe)) in paras.iter().enumerate() {
        let t0 = doc.tokens.len();
        tokenize(text, &doc.lower, ps, pe, &mut doc.tokens);
        let t1 = doc.tokens.len();
        for t in &mut doc.tokens[t0..t1] {
            if t.kind == Tk::Word {
                t.flags = lexicon::flags(doc.lower.get(t.start..t.end).unwrap_or(""));
            }
        }
        if t1 == t0 {
            continue;
        }
        let para = doc.paras.len();
        doc.paras.push((ps, pe));
        let (inside, found) = pair_quotes(&doc, t0, t1, para);
        doc.quotes.extend(found);
        split_sentences(&mut doc, t0, t1, para, pi, &inside);
    }
    doc
}

/// Paragraph byte ranges (trimmed). Blank lines always separate paragraphs;
/// in hard-wrapped text an indented line opens one, otherwise every line is
/// a paragraph of its own.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        lines.push((pos, pos + content.len()));
        pos += line.len();
    }
    // Hard-wrapped if most long lines end without final punctuation.
    let (mut long, mut open) = (0usize, 0usize);
    for &(s, e) in &lines {
        let l = text.get(s..e).unwrap_or("").trim_end();
        if l.len() >= 40 && l.len() <= 100 {
            long += 1;
            if !l.ends_with(['.', '!', '?', '"', '\u{201d}', ':']) {
                open += 1;
            }
        }
    }
    let wrapped = long >= 3 && open * 2 > long;
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    // Whether the previous line was long and open (a wrapped line).
    let mut prev_open = false;
    for &(s, e) in &lines {
        let line = text.get(s..e).unwrap_or("");
        let blank = line.trim().is_empty();
        let indented = line.starts_with("  ") || line.starts_with('\t');
        let breaks = blank || indented || !(wrapped || prev_open);
        let t = line.trim();
        prev_open = t.len() >= 40 && !t.ends_with(['.', '!', '?', '"', '\u{201d}', ':']);
        if breaks && let Some(c) = cur.take() {
            out.push(c);
        }
        if blank {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let ts = s + lead;
        let te = s + line.trim_end().len();
        cur = Some(match cur {
            Some((cs, _)) => (cs, te),
            None => (ts, te),
        });
    }
    if let Some(c) = cur {
        out.push(c);
    }
    out
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}'
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokenizes `text[ps..pe]` into `out`.
fn tokenize(text: &str, lower: &str, ps: usize, pe: usize, out: &mut Vec<Token>) {
    let Some(slice) = text.get(ps..pe) else {
        return;
    };
    let b = slice.as_bytes();
    let mut it = slice.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = ps + i;
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            let numeric_start = c.is_ascii_digit();
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                // Inner connectors: hyphen, apostrophe (not possessive 's),
                // digit group separators, abbreviation periods (U.S., p.m.).
                let next = slice[j + d.len_utf8()..].chars().next();
                let next_alnum = next.is_some_and(is_word_char);
                let joins = match d {
                    '-' | '\u{2011}' => next_alnum,
                    '\'' | '\u{2019}' => {
                        next_alnum && {
                            let rest = &slice[j + d.len_utf8()..];
                            let poss = (rest.starts_with('s') || rest.starts_with('S'))
                                && !rest[1..].chars().next().is_some_and(is_word_char);
                            !poss
                        }
                    }
                    ',' | '.' if numeric_start => next.is_some_and(|x| x.is_ascii_digit()),
                    '.' => {
                        // "U.S", "p.m", "H.K": single letters separated by periods.
                        let word = &slice[i..end];
                        word.chars().all(|x| x.is_alphabetic() || x == '.')
                            && word
                                .rsplit('.')
                                .next()
                                .is_some_and(|p| p.chars().count() == 1)
                            && next.is_some_and(char::is_alphabetic)
                            && {
                                let after = &slice[j + 1..];
                                let mut cs = after.chars();
                                cs.next();
                                !cs.next().is_some_and(char::is_alphanumeric)
                            }
                    }
                    _ => false,
                };
                if joins {
                    it.next();
                    if let Some((k, e)) = it.next() {
                        end = k + e.len_utf8();
                    }
                    continue;
                }
                break;
            }
            // A final period that belongs to the word.
            if b.get(end) == Some(&b'.') {
                let word = &slice[i..end];
                let lw = lower.get(ps + i..ps + end).unwrap_or("");
                let single = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
                if single || word.contains('.') || lexicon::is_abbrev(lw) {
                    it.next();
                    end += 1;
                }
            }
            let kind = if numeric_start
                && slice[i..end]
                    .chars()
                    .all(|x| x.is_ascii_digit() || x == ',' || x == '.')
            {
                Tk::Num
            } else {
                Tk::Word
            };
            out.push(Token {
                start,
                end: ps + end,
                kind,
                flags: 0,
            });
        } else if (c == '\'' || c == '\u{2019}')
            && matches!(it.peek(), Some(&(_, 's' | 'S')))
            && out
                .last()
                .is_some_and(|t| t.end == start && t.kind == Tk::Word)
        {
            // Possessive 's as its own token.
            let (j, s) = it.next().unwrap_or((i, c));
            out.push(Token {
                start,
                end: ps + j + s.len_utf8(),
                kind: Tk::Word,
                flags: 0,
            });
        } else if is_quote_char(c) || (c == '\'' && matches!(it.peek(), Some(&(_, '\'')))) {
            // Two apostrophes typed for a double mark ("''Yes," she said)
            // are one mark.
            let mut end = start + c.len_utf8();
            if c == '\'' {
                it.next();
                end += 1;
            }
            out.push(Token {
                start,
                end,
                kind: Tk::Quote,
                flags: 0,
            });
        } else if matches!(c, '-' | '\u{2013}' | '\u{2014}') {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if matches!(d, '-' | '\u{2013}' | '\u{2014}') {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Token {
                start,
                end: ps + end,
                kind: Tk::Punct,
                flags: 0,
            });
        } else {
            out.push(Token {
                start,
                end: start + c.len_utf8(),
                kind: Tk::Punct,
                flags: 0,
            });
        }
    }
}

/// Pairs the quotation marks of one paragraph; returns, for each token of
/// the paragraph, whether it lies inside a closed quotation, and the
/// quotations found.
fn pair_quotes(doc: &Doc, t0: usize, t1: usize, para: usize) -> (Vec<bool>, Vec<Quotation>) {
    let mut inside = vec![false; t1 - t0];
    let mut open: Option<usize> = None;
    let mut found = Vec::new();
    for i in t0..t1 {
        if doc.tokens[i].kind != Tk::Quote {
            continue;
        }
        let c = doc.s(i);
        // A straight quote opens or closes by what stands beside it, not
        // by counting: `said "we` opens, `less." The` closes. So a mark
        // deleted (or added) in one place cannot turn every later quote
        // inside out; counting decides only when the sides say nothing.
        let flank = straight_flank(doc, i);
        let opening = match c {
            "\u{201c}" | "\u{201e}" | "\u{ab}" => true,
            "\u{201d}" | "\u{bb}" => false,
            _ => flank.unwrap_or(open.is_none()),
        };
        match (open, opening) {
            // A closing mark with nothing open closes nothing.
            (None, false) if flank == Some(false) => {}
            (None, _) => open = Some(i),
            (Some(o), false) => {
                found.push(Quotation {
                    open: o,
                    close: Some(i),
                    para,
                });
                for f in inside.iter_mut().take(i - t0).skip(o - t0 + 1) {
                    *f = true;
                }
                open = None;
            }
            (Some(_), true) => open = Some(i),
        }
    }
    if let Some(o) = open {
        found.push(Quotation {
            open: o,
            close: None,
            para,
        });
    }
    (inside, found)
}

/// Whether the straight quote at token `i` looks like an opening mark
/// (space or an opening bracket before it, a letter or digit after it) or a
/// closing one (a letter, digit or punctuation before it, space,
/// punctuation or the end after it); `None` when its sides say neither.
fn straight_flank(doc: &Doc, i: usize) -> Option<bool> {
    let t = doc.tokens.get(i)?;
    let before = doc.text.get(..t.start).and_then(|b| b.chars().next_back());
    let after = doc.text.get(t.end..).and_then(|a| a.chars().next());
    let open_before = before.is_none_or(|c| c.is_whitespace() || "([{\u{2014}-".contains(c));
    let word_after = after.is_some_and(char::is_alphanumeric);
    let glued_before = before.is_some_and(|c| !c.is_whitespace() && !"([{".contains(c));
    let free_after = after.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}\u{2014}".contains(c));
    match (open_before && word_after, glued_before && free_after) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "\u{2026}")
}

fn split_sentences(
    doc: &mut Doc,
    t0: usize,
    t1: usize,
    para: usize,
    raw_para: usize,
    inside: &[bool],
) {
    let mut starts: Vec<(usize, SegKind)> = vec![(t0, SegKind::Body)];
    // Dateline at the head of one of the first paragraphs.
    if raw_para < 3
        && let Some(end) = dateline_end(doc, t0, t1)
    {
        starts[0].1 = SegKind::Dateline;
        if end < t1 {
            starts.push((end, SegKind::Body));
        }
    }
    let first_body = starts.last().map(|s| s.0).unwrap_or(t0);
    let mut i = first_body;
    while i < t1 {
        let s = doc.s(i);
        // Photo credits open a segment of their own.
        if i > first_body
            && ((s == "("
                && matches!(
                    doc.lc(i + 1),
                    "photo" | "photos" | "image" | "credit" | "pictured"
                ))
                || s == "\u{a9}")
            && starts.last().is_some_and(|l| l.0 < i)
        {
            starts.push((i, SegKind::Credit));
            i += 1;
            continue;
        }
        let tok = doc.tokens[i];
        let ends_here = match tok.kind {
            Tk::Punct => is_terminal(s),
            Tk::Word => s.ends_with('.') && s.len() > 1,
            _ => false,
        };
        // Inside a quotation only the sentence that closes it may end.
        let closes_quote =
            doc.kind(i + 1) == Some(Tk::Quote) && !inside.get(i + 1 - t0).copied().unwrap_or(true);
        if !ends_here || (inside.get(i - t0).copied().unwrap_or(false) && !closes_quote) {
            i += 1;
            continue;
        }
        // Take closing quotes, parentheses and further terminators along.
        let mut j = i + 1;
        while j < t1 {
            let sj = doc.s(j);
            let closing_quote = doc.tokens[j].kind == Tk::Quote
                && ((inside.get(j - t0).is_some_and(|f| !f)
                    && j > t0
                    && inside.get(j - 1 - t0).copied().unwrap_or(false))
                    // A closing mark whose opening one is gone still
                    // belongs to the sentence it ends.
                    || straight_flank(doc, j) == Some(false));
            if closing_quote || sj == ")" || is_terminal(sj) {
                j += 1;
            } else {
                break;
            }
        }
        if j >= t1 {
            break;
        }
        let split = if tok.kind == Tk::Word {
            abbrev_ends_sentence(doc, i, j)
        } else {
            starts_sentence(doc, j)
        };
        if split {
            starts.push((j, SegKind::Body));
        }
        i = j;
    }
    let headline = raw_para == 0 && {
        let last = doc.s(t1 - 1);
        !is_terminal(last) && doc.tokens[t1 - 1].kind != Tk::Quote
    };
    for (k, &(a, kind)) in starts.iter().enumerate() {
        let b = starts.get(k + 1).map(|n| n.0).unwrap_or(t1);
        if b <= a {
            continue;
        }
        let mut kind = kind;
        let mut a = a;
        // "Photos: Gallery title – Ana Pelk visits the port.": the gallery's
        // name is furniture, the caption after the dash is running text.
        if kind == SegKind::Body
            && doc.lc(a) == "photos"
            && doc.s(a + 1) == ":"
            && let Some(dash) =
                (a + 2..b.saturating_sub(2)).find(|&j| matches!(doc.s(j), "–" | "—"))
        {
            doc.segs.push(Seg {
                start: doc.tokens[a].start,
                end: doc.tokens[dash].end,
                tok_start: a,
                tok_end: dash + 1,
                para,
                kind: SegKind::Credit,
            });
            a = dash + 1;
        }
        if kind == SegKind::Body {
            if is_furniture(doc, a, b) {
                kind = SegKind::Credit;
            } else if headline && starts.len() == 1 {
                kind = SegKind::Headline;
            }
        }
        doc.segs.push(Seg {
            start: doc.tokens[a].start,
            end: doc.tokens[b - 1].end,
            tok_start: a,
            tok_end: b,
            para,
            kind,
        });
    }
}

/// Whether token `j` can open a new sentence.
fn starts_sentence(doc: &Doc, j: usize) -> bool {
    match doc.kind(j) {
        Some(Tk::Word) => doc
            .s(j)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()),
        Some(Tk::Num) | Some(Tk::Quote) => true,
        Some(Tk::Punct) => matches!(doc.s(j), "(" | "[" | "\u{2018}" | "'" | "\u{a9}"),
        None => false,
    }
}

/// Whether the abbreviation-like word `i` (ending in a period) ends its
/// sentence, the next token being `j`.
fn abbrev_ends_sentence(doc: &Doc, i: usize, j: usize) -> bool {
    if j > i + 1 {
        // "(l.)" or "U.S.\"": decided by what follows.
        if doc.s(i + 1) == ")" {
            return false;
        }
        return starts_sentence(doc, j);
    }
    let w = doc.lc(i);
    let stem = w.trim_end_matches('.');
    // Initials and titles before a name never end a sentence.
    if stem.chars().count() == 1 || lexicon::is_prefix_abbrev(stem) {
        return false;
    }
    if !starts_sentence(doc, j) {
        return false;
    }
    if lexicon::is_abbrev(stem) || stem.contains('.') {
        // "Inc. It said", "the U.S. The": only before a word that usually
        // starts a sentence.
        return doc.kind(j) == Some(Tk::Quote) || lexicon::is_stopword(doc.lc(j));
    }
    true
}

/// End token (exclusive) of a dateline at the head of a paragraph:
/// "MINNEAPOLIS, March 30 -", "Hallandale Beach, Florida -", "London (CNN)",
/// "(CNN)".
fn dateline_end(doc: &Doc, t0: usize, t1: usize) -> Option<usize> {
    let limit = (t0 + 10).min(t1);
    let mut words = 0;
    for i in t0..limit {
        let s = doc.s(i);
        if s == "(" {
            let tag = doc.s(i + 1);
            if doc.s(i + 2) == ")" && doc.is_allcaps(i + 1) && (2..=8).contains(&tag.len()) {
                return Some(i + 3);
            }
            return None;
        }
        if matches!(s, "-" | "--" | "\u{2013}" | "\u{2014}") {
            return (words > 0 && i + 1 < t1).then_some(i + 1);
        }
        match doc.kind(i) {
            Some(Tk::Word) if doc.is_cap(i) => words += 1,
            Some(Tk::Num) => {}
            Some(Tk::Punct) if matches!(s, "," | ".") => {}
            _ => return None,
        }
    }
    None
}

/// Page furniture: gallery captions, "Read More", credits.
fn is_furniture(doc: &Doc, a: usize, b: usize) -> bool {
    let first = doc.lc(a);
    let second = doc.lc(a + 1);
    (first == "photos" && doc.s(a + 1) == ":")
        || (first == "hide" && second == "caption")
        || (first == "read" && second == "more" && b - a <= 2)
        || first == "\u{a9}"
        || (first == "(" && matches!(second, "photo" | "photos" | "image" | "credit"))
        || (first == "story" && second == "highlights" && b - a <= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[&str]) {
        let got: Vec<&str> = sentences(input)
            .iter()
            .map(|s| &input[s.start..s.end])
            .collect();
        assert_eq!(got, expected, "input: {input:?}");
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        check(
            "Mr. Okafor met Gen. Tarrant in the U.S. capital at 3 p.m. on Nov. 4. They spoke.",
            &[
                "Mr. Okafor met Gen. Tarrant in the U.S. capital at 3 p.m. on Nov. 4.",
                "They spoke.",
            ],
        );
        check(
            "The firm moved to the U.S. It grew fast. Dana J. Whitlow agreed.",
            &[
                "The firm moved to the U.S.",
                "It grew fast.",
                "Dana J. Whitlow agreed.",
            ],
        );
        check(
            "Ona Berg (l.) greets Tam Reyes (r.) in Oslo. Both smiled.",
            &[
                "Ona Berg (l.) greets Tam Reyes (r.) in Oslo.",
                "Both smiled.",
            ],
        );
        check(
            "Acme Widgets Inc. said profit rose.",
            &["Acme Widgets Inc. said profit rose."],
        );
    }

    #[test]
    fn quotations_spanning_sentences_stay_whole() {
        check(
            "\"We came. We saw. We left,\" Lena Moss said. She went home.",
            &[
                "\"We came. We saw. We left,\" Lena Moss said.",
                "She went home.",
            ],
        );
        check(
            "\u{201c}It is done.\u{201d} Then he left.",
            &["\u{201c}It is done.\u{201d}", "Then he left."],
        );
    }

    #[test]
    fn wire_text_is_unwrapped_into_paragraphs() {
        let text = "WIDGET MAKER NAMES CHIEF\n\nTOLEDO, April 2 - Acme Widgets Corp said Dora\nPelt was named president of the unit, replacing a man\nwho left in the spring after three years in the post.\n    The company said the change was planned and that it\nexpects no further changes at the top of the company.\n";
        check(
            text,
            &[
                "WIDGET MAKER NAMES CHIEF",
                "TOLEDO, April 2 -",
                "Acme Widgets Corp said Dora\nPelt was named president of the unit, replacing a man\nwho left in the spring after three years in the post.",
                "The company said the change was planned and that it\nexpects no further changes at the top of the company.",
            ],
        );
        let doc = segment(text);
        assert_eq!(doc.segs[0].kind, SegKind::Headline);
        assert_eq!(doc.segs[1].kind, SegKind::Dateline);
        assert_eq!(doc.paras.len(), 3);
    }

    #[test]
    fn datelines_and_credits_are_their_own_segments() {
        let text = "Lisbon (CNN) Ana Pires won the vote.\n\nAna Pires waves (Photo by JO DOE / AFP) \u{a9} Jo Doe / AFP\n\nRead More";
        check(
            text,
            &[
                "Lisbon (CNN)",
                "Ana Pires won the vote.",
                "Ana Pires waves",
                "(Photo by JO DOE / AFP)",
                "\u{a9} Jo Doe / AFP",
                "Read More",
            ],
        );
        let doc = segment(text);
        let kinds: Vec<SegKind> = doc.segs.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                SegKind::Dateline,
                SegKind::Body,
                SegKind::Body,
                SegKind::Credit,
                SegKind::Credit,
                SegKind::Credit
            ]
        );
    }

    #[test]
    fn tokens_split_possessives_and_keep_hyphens() {
        let doc = segment("Ukraine's son-in-law said 1,006 U.S. dlrs.");
        let toks: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.s(i)).collect();
        assert_eq!(
            toks,
            [
                "Ukraine",
                "'s",
                "son-in-law",
                "said",
                "1,006",
                "U.S.",
                "dlrs",
                "."
            ]
        );
    }
}
