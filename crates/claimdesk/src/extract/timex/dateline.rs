//! The reference date of an article: a leading dateline that carries a date
//! ("SEOUL, June 19 -", "WASHINGTON, Feb 26 (Reuters) -") resolved with the
//! publication year, else the publication date itself.

use super::calendar::{self, Lean};
use super::cx::Cx;
use super::lexicon::Lex;
use super::token::Kind;
use chrono::NaiveDate;

/// How far into the text a dateline may start (title lines come first).
const HEAD_TOKENS: usize = 120;

/// A dateline's date and the tokens `[month, end)` that state it.
pub fn find(cx: &Cx, published: Option<NaiveDate>) -> Option<NaiveDate> {
    let limit = cx.len().min(HEAD_TOKENS);
    let mut k = 0;
    while k < limit {
        let t = cx.tok(k)?;
        let line_start = k == 0 || t.newlines > 0;
        if line_start
            && t.kind == Kind::Word
            && t.cap
            && let Some(d) = at(cx, k, published)
        {
            return Some(d);
        }
        k += 1;
    }
    None
}

/// A dateline starting at token `k`: place words, a comma, month, day,
/// optional year, optional "(Agency)", then a dash.
fn at(cx: &Cx, k: usize, published: Option<NaiveDate>) -> Option<NaiveDate> {
    let mut i = k;
    let mut steps = 0;
    // Place: capitalized words, periods, commas, apostrophes, hyphens.
    loop {
        steps += 1;
        if steps > 10 {
            return None;
        }
        let t = cx.tok(i)?;
        if i > k && t.newlines > 0 {
            return None;
        }
        let day_first =
            cx.num(i + 1).is_some() && matches!(cx.lex(i + 2), Lex::Month(_) | Lex::MonthAbbr(_));
        match cx.lex(i + 1) {
            Lex::Month(_) | Lex::MonthAbbr(_) if cx.punct(i, ',') => break,
            _ if day_first && cx.punct(i, ',') => break,
            _ => {}
        }
        let ok = match t.kind {
            Kind::Word => t.cap,
            Kind::Punct => matches!(t.ch, '.' | ',' | '\'' | '-'),
            Kind::Num => false,
        };
        if !ok {
            return None;
        }
        i += 1;
    }
    // "June 19" or "19 June".
    let (month, day, mut j) = match (cx.lex(i + 1), cx.num(i + 1)) {
        (Lex::Month(m) | Lex::MonthAbbr(m), _) => {
            let mut j = i + 2;
            if cx.punct(j, '.') {
                j += 1;
            }
            let day = cx
                .num(j)
                .filter(|d| (1..=31).contains(d) && cx.digits(j) <= 2)?;
            (m, day, j + 1)
        }
        (_, Some(day)) if (1..=31).contains(&day) && cx.digits(i + 1) <= 2 => match cx.lex(i + 2) {
            Lex::Month(m) | Lex::MonthAbbr(m) => {
                let mut j = i + 3;
                if cx.punct(j, '.') {
                    j += 1;
                }
                (m, day, j)
            }
            _ => return None,
        },
        _ => return None,
    };
    let mut year = None;
    if cx.punct(j, ',') && cx.digits(j + 1) == 4 {
        year = cx.num(j + 1).map(|y| y as i32);
        j += 2;
    } else if cx.digits(j) == 4 {
        year = cx.num(j).map(|y| y as i32);
        j += 1;
    }
    // "/PRNewswire/"
    if cx.punct(j, '/') && cx.punct(j + 2, '/') {
        j += 3;
    }
    if cx.punct(j, '(') {
        let mut n = 0;
        while !cx.punct(j, ')') {
            j += 1;
            n += 1;
            if n > 6 || j >= cx.len() {
                return None;
            }
        }
        j += 1;
    }
    let dash = cx.tok(j).is_some_and(|t| {
        t.kind == Kind::Punct && matches!(t.ch, '-' | '\u{2013}' | '\u{2014}' | '_' | ':')
    });
    if !dash {
        return None;
    }
    let year = match (year, published) {
        (Some(y), _) => y,
        (None, Some(p)) => calendar::resolve_year(p, month, Some(day), Lean::Unknown),
        (None, None) => return None,
    };
    NaiveDate::from_ymd_opt(year, month, day)
}
