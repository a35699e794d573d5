//! Reporting periods of business news: quarters ("the third quarter",
//! "third-quarter", "Q3", "the 1988 second quarter", "the third quarter of
//! 1990", "last year's fourth quarter", "the year-ago quarter", "the
//! quarter"), halves ("the first half"), fiscal years ("fiscal 1988", "the
//! fiscal year") and "the first nine months".

use super::calendar::{self, Lean};
use super::cx::{Cx, Hit, State};
use super::lexicon::{Lex, Unit};
use super::quantity::{self, Qty};
use super::tense;
use crate::model::TimexType;
use chrono::Datelike;

/// How the year of a period is given.
#[derive(Clone, Copy, PartialEq)]
enum YearSpec {
    None,
    Abs(i32),
    Rel(i32),
    /// "year-ago", "year-earlier": a year before the period in focus.
    YearAgo,
}

/// A four-digit year at `i` (optionally "1988's"): `(year, end)`.
fn year_word(cx: &Cx, i: usize) -> Option<(i32, usize)> {
    let y = cx
        .num(i)
        .filter(|&y| cx.digits(i) == 4 && (1900..=2100).contains(&y) && !cx.glued_number(i))?;
    let mut e = i + 1;
    if (cx.punct(e, '\'') || cx.punct(e, '\u{2019}')) && cx.is(e + 1, "s") {
        e += 2;
    }
    Some((y as i32, e))
}

/// "year-ago", "year-earlier", "year ago", "year earlier" at `i`.
fn year_ago(cx: &Cx, i: usize) -> Option<usize> {
    if !cx.is(i, "year") {
        return None;
    }
    let j = if cx.hyphen(i + 1) { i + 2 } else { i + 1 };
    cx.is_any(j, &["ago", "earlier"]).then_some(j + 1)
}

/// The year qualifier opening a period phrase.
fn year_spec(cx: &Cx, i: usize) -> (YearSpec, usize) {
    if let Some((y, e)) = year_word(cx, i) {
        return (YearSpec::Abs(y), e);
    }
    if let Some(e) = year_ago(cx, i) {
        return (YearSpec::YearAgo, e);
    }
    let off = match cx.w(i) {
        "this" => Some(0),
        "last" => Some(-1),
        "next" => Some(1),
        _ => None,
    };
    if let Some(off) = off
        && cx.is(i + 1, "year")
        && (cx.punct(i + 2, '\'') || cx.punct(i + 2, '\u{2019}'))
        && cx.is(i + 3, "s")
    {
        return (YearSpec::Rel(off), i + 4);
    }
    (YearSpec::None, i)
}

/// Ordinal 1-4 at `i` ("third", "3rd"), with the token after it.
fn ordinal(cx: &Cx, i: usize) -> Option<(u32, usize)> {
    // "second" is also a unit in the lexicon; "last" names the final period.
    if cx.is(i, "second") {
        return Some((2, i + 1));
    }
    if cx.is(i, "last") {
        let j = if cx.hyphen(i + 1) { i + 2 } else { i + 1 };
        return match cx.w(j) {
            "half" => Some((2, i + 1)),
            "quarter" => Some((4, i + 1)),
            _ => None,
        };
    }
    if let Lex::Ordinal(n) = cx.lex(i) {
        return (1..=4).contains(&n).then_some((n, i + 1));
    }
    let n = cx
        .num(i)
        .filter(|n| (1..=4).contains(n) && cx.digits(i) == 1)?;
    (cx.glued(i + 1) && cx.is_any(i + 1, &["st", "nd", "rd", "th"])).then_some((n, i + 2))
}

fn anchor_year(cx: &Cx) -> Option<i32> {
    cx.anchor.map(|a| a.year())
}

/// Resolve a quarter's year.
fn quarter_year(
    cx: &Cx,
    spec: YearSpec,
    q: u32,
    st: &State,
    start: usize,
    end: usize,
) -> Option<i32> {
    match spec {
        YearSpec::Abs(y) => Some(y),
        YearSpec::Rel(off) => anchor_year(cx).map(|y| y + off),
        YearSpec::YearAgo => match st.focus() {
            Some((_, y, _)) => Some(y - 1),
            None => anchor_year(cx).map(|y| y - 1),
        },
        YearSpec::None => {
            let a = cx.anchor?;
            let cur = calendar::quarter_of(a);
            if q > cur && tense::lean(cx, start, end) != Lean::Future {
                Some(a.year() - 1)
            } else {
                Some(a.year())
            }
        }
    }
}

fn quarter_hit(end: usize, y: Option<i32>, q: u32, focus: bool) -> Hit {
    let mut h = Hit::date(
        end,
        match y {
            Some(y) => format!("{y:04}-Q{q}"),
            None => format!("XXXX-Q{q}"),
        },
        0.9,
    );
    if focus {
        h.quarter = y.map(|y| (y, q));
    }
    h
}

/// "of 1990", "of this year", "of fiscal 1990" after a period.
fn of_year(cx: &Cx, i: usize) -> Option<(YearSpec, usize)> {
    if !cx.is(i, "of") {
        return None;
    }
    let mut j = i + 1;
    if cx.is(j, "fiscal") {
        j += 1;
    }
    if let Some((y, e)) = year_word(cx, j) {
        return Some((YearSpec::Abs(y), e));
    }
    let off = match cx.w(j) {
        "this" | "the" => 0,
        "last" => -1,
        "next" => 1,
        _ => return None,
    };
    if cx.is(j + 1, "year") {
        return Some((YearSpec::Rel(off), j + 2));
    }
    None
}

/// Quarters, halves and the like, starting at `i` (after any "the").
pub fn period(cx: &Cx, i: usize, st: &State) -> Option<Hit> {
    let after_the = i >= 1 && cx.is_any(i - 1, &["the", "its", "their"]);
    let (mut spec, mut k) = year_spec(cx, i);
    let mut qualified = spec != YearSpec::None;
    loop {
        match cx.w(k) {
            "fiscal" => k += 1,
            "comparable" | "corresponding" | "same" | "year-ago" => {
                qualified = true;
                k += 1
            }
            "latest" | "current" | "recent" | "previous" | "prior" | "just-ended" if after_the => {
                qualified = true;
                k += 1
            }
            _ => break,
        }
        if cx.hyphen(k) {
            k += 1;
        }
        if k > i + 6 {
            return None;
        }
    }
    if spec == YearSpec::None
        && let Some(e) = year_ago(cx, k)
    {
        spec = YearSpec::YearAgo;
        qualified = true;
        k = e;
    }
    // "first nine months", "latest six months": durations.
    if let Lex::Ordinal(1) = cx.lex(k)
        && let Some((q, e)) = quantity::quantity(cx, k + 1)
        && let (
            Qty::N(_),
            Some((u @ (Unit::Month | Unit::Quarter | Unit::Year | Unit::Week), true, e2)),
        ) = (q, quantity::unit(cx, e))
    {
        let mut end = e2;
        if let Some((_, e3)) = of_year(cx, end) {
            end = e3;
        }
        return Some(Hit::duration(end, quantity::duration_value(q, u), 0.85));
    }
    if let Some((q, e)) = ordinal(cx, k) {
        let mut j = e;
        let adjective = cx.hyphen(j);
        if adjective {
            j += 1;
        }
        if cx.is(j, "fiscal") {
            j += 1;
        }
        let head = cx.w(j);
        if head == "quarter" || head == "half" {
            let mut end = j + 1;
            if let Some((s, e3)) = of_year(cx, end) {
                spec = s;
                end = e3;
            }
            if head == "half" {
                if q > 2 {
                    return None;
                }
                let y = match spec {
                    YearSpec::Abs(y) => Some(y),
                    YearSpec::Rel(off) => anchor_year(cx).map(|y| y + off),
                    YearSpec::YearAgo => anchor_year(cx).map(|y| y - 1),
                    YearSpec::None => anchor_year(cx),
                };
                let v = match y {
                    Some(y) => format!("{y:04}-H{q}"),
                    None => format!("XXXX-H{q}"),
                };
                return Some(Hit::date(end, v, 0.85));
            }
            let y = quarter_year(cx, spec, q, st, i, end);
            let h = quarter_hit(end, y, q, matches!(spec, YearSpec::None | YearSpec::Rel(0)));
            return Some(if adjective && k == i { h.bare() } else { h });
        }
        return None;
    }
    // "Q3", "Q3 2025", "3Q".
    if cx.is(k, "q")
        && cx.cap(k)
        && let Some(q) = cx
            .num(k + 1)
            .filter(|q| (1..=4).contains(q) && cx.glued(k + 1) && cx.digits(k + 1) == 1)
    {
        let mut end = k + 2;
        if let Some((y, e)) = year_word(cx, end) {
            spec = YearSpec::Abs(y);
            end = e;
        }
        let y = quarter_year(cx, spec, q, st, i, end);
        return Some(quarter_hit(
            end,
            y,
            q,
            matches!(spec, YearSpec::None | YearSpec::Rel(0)),
        ));
    }
    // "the quarter", "the latest quarter", "the year-ago period".
    if cx.is(k, "quarter") || (cx.is(k, "period") && qualified) {
        if !(after_the || qualified) {
            return None;
        }
        let base = st.focus().map(|(_, y, q)| (y, q)).or_else(|| {
            cx.anchor
                .map(|a| calendar::shift_quarter(a.year(), calendar::quarter_of(a), -1))
        });
        let yq = match (spec, base) {
            (YearSpec::Abs(y), Some((_, q))) => Some((y, q)),
            (YearSpec::YearAgo, Some((y, q))) => Some((y - 1, q)),
            (YearSpec::Rel(off), Some((_, q))) => anchor_year(cx).map(|y| (y + off, q)),
            (_, b) => b,
        };
        let mut h = match yq {
            Some((y, q)) => Hit::date(k + 1, format!("{y:04}-Q{q}"), 0.7),
            None => Hit::date(k + 1, "XXXX-QX".into(), 0.6),
        };
        if matches!(spec, YearSpec::None) {
            h.quarter = yq;
        }
        return Some(h);
    }
    // Adjectival "year-earlier" / "year-ago" alone ("year-earlier profit").
    if spec == YearSpec::YearAgo && k > i {
        let v = match st.focus() {
            Some((at, y, q)) if i.saturating_sub(at) < 60 => format!("{:04}-Q{q}", y - 1),
            _ => anchor_year(cx).map_or("XXXX".into(), |y| format!("{:04}", y - 1)),
        };
        return Some(Hit::date(k, v, 0.7).bare());
    }
    None
}

/// "fiscal 1988", "fiscal year 1988", "FY2025", "the fiscal year".
pub fn fiscal_year(cx: &Cx, i: usize) -> Option<Hit> {
    if cx.is(i, "fy") && cx.cap(i) {
        let j = if cx.glued(i + 1) || cx.num(i + 1).is_some() {
            i + 1
        } else {
            return None;
        };
        let y = cx.num(j)?;
        let y = match cx.digits(j) {
            4 => y as i32,
            2 => 2000 + y as i32,
            _ => return None,
        };
        return Some(Hit::date(j + 1, format!("{y:04}"), 0.85));
    }
    if !cx.is(i, "fiscal") {
        return None;
    }
    let mut j = i + 1;
    if cx.hyphen(j) {
        j += 1;
    }
    if let Some((y, e)) = year_word(cx, j) {
        return Some(Hit::date(e, format!("{y:04}"), 0.9));
    }
    if cx.is(j, "year") {
        if let Some((y, e)) = year_word(cx, j + 1) {
            return Some(Hit::date(e, format!("{y:04}"), 0.9));
        }
        let det = i >= 1 && cx.is_any(i - 1, &["the", "this", "its", "current", "our", "their"]);
        if det {
            // "the fiscal year ended Sept. 30, 1986": the closing date's year.
            let mut k = j + 1;
            if cx.is_any(k, &["that", "which"]) {
                k += 1;
            }
            let closing = if cx.is_any(k, &["ended", "ending", "ends"]) {
                super::absolute::month_led(cx, k + 1, true)
                    .and_then(|h| h.value.get(..4).and_then(|y| y.parse::<i32>().ok()))
            } else {
                None
            };
            let y = closing.or_else(|| anchor_year(cx));
            return Some(Hit::date(
                j + 1,
                y.map_or("XXXX".into(), |y| format!("{y:04}")),
                0.7,
            ));
        }
    }
    None
}

/// "year-end", "year end", "year's end": the end of the reference year.
pub fn year_end(cx: &Cx, i: usize) -> Option<Hit> {
    if !cx.is(i, "year") {
        return None;
    }
    let end = if cx.is(i + 1, "end") || (cx.hyphen(i + 1) && cx.is(i + 2, "end")) {
        if cx.is(i + 1, "end") { i + 2 } else { i + 3 }
    } else if (cx.punct(i + 1, '\'') || cx.punct(i + 1, '\u{2019}'))
        && cx.is(i + 2, "s")
        && cx.is(i + 3, "end")
    {
        i + 4
    } else {
        return None;
    };
    let v = anchor_year(cx).map_or("XXXX".into(), |y| format!("{y:04}"));
    Some(Hit::date(end, v, 0.7))
}

/// "the full year", "the current year", "the year" before "earlier"... kept
/// narrow: only the determiners that fix the year to the reference year.
pub fn this_year_phrases(cx: &Cx, i: usize) -> Option<Hit> {
    if cx.is(i, "the")
        && cx.is_any(i + 1, &["year", "week"])
        && !cx.hyphen(i + 2)
        && !cx.is_any(i + 2, &["before", "after", "earlier", "ago"])
        && !((cx.punct(i + 2, '\'') || cx.punct(i + 2, '\u{2019}')) && cx.is(i + 1, "year"))
    {
        let span = i >= 1
            && cx.is_any(i - 1, &["for", "over", "throughout", "during"])
            && !cx.is(i + 2, "of");
        if cx.is(i + 1, "week") {
            let v = cx.anchor.map_or("XXXX-WXX".into(), calendar::week_str);
            return Some(Hit::new(i + 2, v, TimexType::Date, 0.6));
        }
        if span {
            return Some(Hit::duration(i + 2, "P1Y".into(), 0.6));
        }
        let v = anchor_year(cx).map_or("XXXX".into(), |y| format!("{y:04}"));
        return Some(Hit::new(i + 2, v, TimexType::Date, 0.6));
    }
    if cx.is(i, "the")
        && cx.is(i + 1, "month")
        && i >= 1
        && cx.is_any(i - 1, &["of", "in", "for", "during", "throughout"])
    {
        let v = cx.anchor.map_or("XXXX-XX".into(), |a| {
            calendar::month_str(a.year(), a.month())
        });
        return Some(Hit::new(i + 2, v, TimexType::Date, 0.6));
    }
    if !(cx.is(i, "the")
        && cx.is_any(i + 1, &["full", "current", "whole", "entire", "calendar"])
        && cx.is(i + 2, "year"))
    {
        return None;
    }
    let v = anchor_year(cx).map_or("XXXX".into(), |y| format!("{y:04}"));
    Some(Hit::new(i + 3, v, TimexType::Date, 0.75))
}
