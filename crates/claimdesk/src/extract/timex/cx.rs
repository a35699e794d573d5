//! The shared matching context: the tokens of one text, its lowercase view,
//! the reference date, and small token-level helpers every rule family uses.
//! Also the `Hit` a rule returns and the discourse `State` carried along.

use super::anchored::Prior;
use super::lexicon::Lex;
use super::token::{Kind, Tok};
use crate::model::TimexType;
use chrono::NaiveDate;

/// What one rule recognized, starting at the token the matcher tried.
#[derive(Debug, Clone)]
pub struct Hit {
    /// One past the last token of the extent.
    pub end: usize,
    pub value: String,
    pub ty: TimexType,
    pub conf: f32,
    /// The `(year, quarter)` this expression names, for later anaphora.
    pub quarter: Option<(i32, u32)>,
    /// Leading tokens of the rule's own match that are not in the extent
    /// ("a" in "a 52-year career").
    pub skip: usize,
    /// A determiner before the match is not part of the extent ("the
    /// 6-year-old", "the current").
    pub no_det: bool,
    /// No modifier before the match is part of the extent ("Friday" in
    /// "late Friday", as TimeBank marks it).
    pub no_prefix: bool,
}

impl Hit {
    pub fn new(end: usize, value: String, ty: TimexType, conf: f32) -> Hit {
        Hit {
            end,
            value,
            ty,
            conf,
            quarter: None,
            skip: 0,
            no_det: false,
            no_prefix: false,
        }
    }
    pub fn date(end: usize, value: String, conf: f32) -> Hit {
        Hit::new(end, value, TimexType::Date, conf)
    }
    pub fn duration(end: usize, value: String, conf: f32) -> Hit {
        Hit::new(end, value, TimexType::Duration, conf)
    }
    pub fn bare(mut self) -> Hit {
        self.no_det = true;
        self
    }
}

/// What earlier expressions of the text tell later ones.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// The last quarter named, with the token where it ended.
    pub last_quarter: Option<(usize, i32, u32)>,
    /// The first quarter the text names: in business news, the reporting
    /// period that "the quarter" and "a year ago" refer back to.
    pub report_quarter: Option<(i32, u32)>,
    /// The last date found, what "a year later" and "the following
    /// month" count from; `None` before the first.
    pub last_date: Option<Prior>,
}

impl State {
    /// The quarter in focus: the reporting quarter if known, else the last
    /// one named; with the token where a quarter was last named.
    pub fn focus(&self) -> Option<(usize, i32, u32)> {
        let (at, y, q) = self.last_quarter?;
        Some(match self.report_quarter {
            Some((ry, rq)) => (at, ry, rq),
            None => (at, y, q),
        })
    }
}

pub struct Cx<'a> {
    pub lower: &'a str,
    pub toks: Vec<Tok>,
    pub anchor: Option<NaiveDate>,
    /// Bit `m` set when month name `m` is used as a personal name in this
    /// text ("Theresa May"), so its bare uses are not dates.
    pub name_months: u16,
}

impl<'a> Cx<'a> {
    pub fn new(text: &'a str, lower: &'a str, anchor: Option<NaiveDate>) -> Cx<'a> {
        let toks = super::token::tokenize(text, lower);
        let mut cx = Cx {
            lower,
            toks,
            anchor,
            name_months: 0,
        };
        cx.name_months = cx.month_names();
        cx
    }

    fn month_names(&self) -> u16 {
        let mut bits = 0u16;
        for i in 1..self.toks.len() {
            let t = &self.toks[i];
            let Lex::Month(m) = t.lex else { continue };
            if !t.cap || t.newlines > 0 || !matches!(m, 3..=6 | 8) {
                continue;
            }
            let p = &self.toks[i - 1];
            let next_is_date = self.num(i + 1).is_some();
            if p.kind == Kind::Word
                && p.cap
                && p.lex == Lex::None
                && !self.boundary(i - 1)
                && !next_is_date
            {
                bits |= 1 << m;
            }
        }
        bits
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// Lowercase text of token `i` ("" past the end).
    pub fn w(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self.lower.get(t.start..t.end).unwrap_or(""),
            None => "",
        }
    }

    pub fn is(&self, i: usize, s: &str) -> bool {
        self.w(i) == s
    }

    pub fn is_any(&self, i: usize, set: &[&str]) -> bool {
        let w = self.w(i);
        !w.is_empty() && set.contains(&w)
    }

    pub fn lex(&self, i: usize) -> Lex {
        self.toks.get(i).map_or(Lex::None, |t| t.lex)
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// Token `i` directly follows token `i - 1`, with no whitespace.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space)
    }

    pub fn punct(&self, i: usize, c: char) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.ch == c)
    }

    /// An ordinal written in words at `i` ("third", "second",
    /// "twenty-first"), with the token after it, as the shared vocabulary
    /// reads it ("second" is an ordinal here though its class is a unit).
    pub fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        use crate::lexical::vocab::{self, Word};
        let ordinal = |w: Option<Word>| match w {
            Some(Word::Ordinal(n)) => u32::try_from(n).ok(),
            _ => None,
        };
        if self.tok(i)?.kind != Kind::Word {
            return None;
        }
        if let Some(n) = ordinal(vocab::lookup(self.w(i))) {
            return Some((n, i + 1));
        }
        if matches!(self.lex(i), Lex::Number(_))
            && self.hyphen(i + 1)
            && self.glued(i + 1)
            && self.glued(i + 2)
        {
            let n = ordinal(vocab::compound(self.w(i), self.w(i + 2)))?;
            return Some((n, i + 3));
        }
        None
    }

    /// A hyphen (or dash glued to both sides) at `i`.
    pub fn hyphen(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && matches!(t.ch, '-' | '\u{2010}' | '\u{2011}'))
    }

    /// A digit run at `i` and its value.
    pub fn num(&self, i: usize) -> Option<u32> {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Num)
            .and_then(|t| t.num)
    }

    pub fn digits(&self, i: usize) -> u8 {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Num)
            .map_or(0, |t| t.digits)
    }

    /// A digit run that is part of a larger number ("1,987", "19.87", "$1987").
    pub fn glued_number(&self, i: usize) -> bool {
        let before = i >= 1
            && self.glued(i)
            && (self.punct(i - 1, ',') || self.punct(i - 1, '.') || self.punct(i - 1, '$'))
            && (self.punct(i - 1, '$')
                || (i >= 2 && self.glued(i - 1) && self.num(i - 2).is_some()));
        let after = self.glued(i + 1)
            && (self.punct(i + 1, ',') || self.punct(i + 1, '.') || self.punct(i + 1, '%'))
            && (self.punct(i + 1, '%') || (self.glued(i + 2) && self.num(i + 2).is_some()));
        let currency = i >= 1
            && self.toks.get(i - 1).is_some_and(|t| {
                t.kind == Kind::Punct && matches!(t.ch, '$' | '£' | '€' | '¥' | '#')
            });
        before || after || currency
    }

    /// A token that ends a sentence or clause for tense scanning.
    pub fn boundary(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return true;
        };
        if t.newlines >= 2 {
            return true;
        }
        if t.kind != Kind::Punct {
            return false;
        }
        match t.ch {
            '!' | '?' | ';' => true,
            '.' => {
                // "Nov." / "Mr." / "U.S." are not sentence ends.
                !(i >= 1
                    && self.glued(i)
                    && self.toks.get(i - 1).is_some_and(|p| {
                        p.kind == Kind::Word
                            && p.end - p.start <= 4
                            && (p.cap || p.end - p.start == 1)
                    }))
            }
            _ => false,
        }
    }

    /// Byte span of tokens `[a, b)`.
    pub fn span(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let s = self.toks.get(a)?.start;
        let e = self.toks.get(b.checked_sub(1)?)?.end;
        (s < e).then_some((s, e))
    }
}
