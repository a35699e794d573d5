//! Counts in front of units: digits, number words (including "twenty-five"),
//! articles ("a year"), vague quantities ("several", "a few", "a couple of"),
//! halves and ranges ("two to three"), and the unit that follows them.

use super::cx::Cx;
use super::lexicon::{Lex, Unit};
use super::token::Kind;

/// How many units a phrase counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Qty {
    /// An exact count (halves allowed: 1.5).
    N(f64),
    /// An article: "a year", "an hour".
    Article,
    /// A vague count: "several", "a few", "12 to 18".
    Vague,
}

impl Qty {
    pub fn count(self) -> Option<f64> {
        match self {
            Qty::N(n) => Some(n),
            Qty::Article => Some(1.0),
            Qty::Vague => None,
        }
    }
}

/// A number word or compound ("twenty-five", "twenty five") at `i`.
fn number_word(cx: &Cx, i: usize) -> Option<(u32, usize)> {
    let Lex::Number(n) = cx.lex(i) else {
        return None;
    };
    if (20..=90).contains(&n) {
        let j = if cx.hyphen(i + 1) { i + 2 } else { i + 1 };
        if let Lex::Number(u) = cx.lex(j)
            && (1..=9).contains(&u)
        {
            return Some((n + u, j + 1));
        }
    }
    if n == 100 {
        return None;
    }
    if cx.is(i + 1, "hundred") {
        return Some((n * 100, i + 2));
    }
    Some((n, i + 1))
}

/// A single count at `i`.
fn single(cx: &Cx, i: usize) -> Option<(Qty, usize)> {
    let t = cx.tok(i)?;
    if t.kind == Kind::Num {
        if cx.glued_number(i) && !(cx.glued(i + 1) && cx.punct(i + 1, '.')) {
            return None;
        }
        let n = t.num? as f64;
        // Decimal "1.5".
        if cx.glued(i + 1)
            && cx.punct(i + 1, '.')
            && cx.glued(i + 2)
            && let Some(f) = cx.num(i + 2)
        {
            let frac = format!("0.{f}").parse::<f64>().unwrap_or(0.0);
            return Some((Qty::N(n + frac), i + 3));
        }
        if i >= 1 && cx.glued(i) && cx.kind(i - 1) == Some(Kind::Word) {
            return None;
        }
        // "5 1/2"
        if cx.num(i + 1) == Some(1)
            && cx.punct(i + 2, '/')
            && cx.glued(i + 2)
            && cx.num(i + 3) == Some(2)
            && cx.glued(i + 3)
        {
            return Some((Qty::N(n + 0.5), i + 4));
        }
        return Some((Qty::N(n), i + 1));
    }
    if let Some((n, e)) = number_word(cx, i) {
        return Some((Qty::N(n as f64), e));
    }
    let w = cx.w(i);
    match w {
        "a" | "an" => {
            if cx.is(i + 1, "few") {
                return Some((Qty::Vague, i + 2));
            }
            if cx.is(i + 1, "couple") && cx.is(i + 2, "of") {
                return Some((Qty::N(2.0), i + 3));
            }
            if cx.is(i + 1, "dozen") {
                return Some((Qty::N(12.0), i + 2));
            }
            if cx.is(i + 1, "hundred") {
                return Some((Qty::N(100.0), i + 2));
            }
            Some((Qty::Article, i + 1))
        }
        "couple" if cx.is(i + 1, "of") => Some((Qty::N(2.0), i + 2)),
        "several" | "few" | "many" | "numerous" | "some" => Some((Qty::Vague, i + 1)),
        "half" if cx.is_any(i + 1, &["a", "an"]) => Some((Qty::N(0.5), i + 2)),
        "dozens" | "hundreds" | "thousands" if cx.is(i + 1, "of") => Some((Qty::Vague, i + 2)),
        _ => None,
    }
}

/// A count, with ranges ("two to three", "12-18") read as vague.
pub fn quantity(cx: &Cx, i: usize) -> Option<(Qty, usize)> {
    let (q, e) = single(cx, i)?;
    if let Qty::N(_) = q {
        // "one and a half"
        if cx.is(e, "and")
            && cx.is(e + 1, "a")
            && cx.is(e + 2, "half")
            && let Qty::N(n) = q
        {
            return Some((Qty::N(n + 0.5), e + 3));
        }
        if (cx.is_any(e, &["to", "or"])
            || (cx.hyphen(e) && cx.num(e + 1).is_some() && cx.num(i).is_some()))
            && let Some((Qty::N(_), e2)) = single(cx, e + 1)
        {
            return Some((Qty::Vague, e2));
        }
    }
    Some((q, e))
}

/// Words allowed between a count and its unit ("two more weeks").
const FILLERS: [&str; 13] = [
    "trading",
    "business",
    "working",
    "calendar",
    "more",
    "additional",
    "straight",
    "consecutive",
    "full",
    "further",
    "extra",
    "whole",
    "successive",
];

/// The unit at `i` (after optional fillers): `(unit, plural, end)`.
pub fn unit(cx: &Cx, mut i: usize) -> Option<(Unit, bool, usize)> {
    let mut n = 0;
    while cx.is_any(i, &FILLERS) && n < 2 {
        i += 1;
        n += 1;
    }
    match cx.lex(i) {
        // A capitalized unit after a count is a title ("60 Minutes").
        Lex::Unit(u, pl) if !cx.cap(i) => Some((u, pl, i + 1)),
        _ => None,
    }
}

/// TimeML duration value for a count of units.
pub fn duration_value(q: Qty, u: Unit) -> String {
    let Some(n) = q.count() else {
        return match u {
            Unit::Second => "PTXS".into(),
            Unit::Minute => "PTXM".into(),
            Unit::Hour => "PTXH".into(),
            Unit::Day => "PXD".into(),
            Unit::Week | Unit::Fortnight => "PXW".into(),
            Unit::Month => "PXM".into(),
            Unit::Quarter => "PXQ".into(),
            Unit::Year | Unit::Decade => "PXY".into(),
            Unit::Century => "PXC".into(),
        };
    };
    let whole = n.fract() == 0.0;
    let num = |x: f64| {
        if x.fract() == 0.0 {
            format!("{}", x as u64)
        } else {
            format!("{x}")
        }
    };
    match u {
        Unit::Second => format!("PT{}S", num(n)),
        Unit::Minute if whole => format!("PT{}M", num(n)),
        Unit::Minute => format!("PT{}S", num(n * 60.0)),
        Unit::Hour if whole => format!("PT{}H", num(n)),
        Unit::Hour if (n * 2.0).fract() == 0.0 => format!("PT{}H30M", n.trunc() as u64),
        Unit::Hour => format!("PT{}M", num(n * 60.0)),
        Unit::Day if whole => format!("P{}D", num(n)),
        Unit::Day => format!("PT{}H", num(n * 24.0)),
        Unit::Week => format!("P{}W", num(n)),
        Unit::Fortnight => format!("P{}W", num(n * 2.0)),
        Unit::Month => format!("P{}M", num(n)),
        Unit::Quarter => format!("P{}Q", num(n)),
        Unit::Year if whole => format!("P{}Y", num(n)),
        Unit::Year if n >= 1.0 && (n * 2.0).fract() == 0.0 => format!("P{}Y6M", n.trunc() as u64),
        Unit::Year => format!("P{}M", num(n * 12.0)),
        Unit::Decade => format!("P{}Y", num(n * 10.0)),
        Unit::Century => format!("P{}Y", num(n * 100.0)),
    }
}
