//! Calendar expressions that name their own date: month-day(-year) in every
//! news spelling ("Nov. 28", "November 28, 2025", "28 November", "the 28th of
//! November"), numeric dates (11/28/2025, 2025-11-28), months, years, decades
//! and centuries. Years without a month need a context that makes them years.

use super::calendar::{self, Lean};
use super::cx::{Cx, Hit};
use super::lexicon::Lex;
use super::tense;
use super::token::Kind;
use chrono::{Datelike, NaiveDate};

/// Words after which a bare month name or four-digit number is a date.
const DATE_PREP: [&str; 30] = [
    "in",
    "since",
    "until",
    "till",
    "by",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "of",
    "from",
    "through",
    "during",
    "before",
    "after",
    "between",
    "and",
    "or",
    "end",
    "beginning",
    "the",
    "to",
    "around",
    "throughout",
    "for",
    "circa",
    "start",
    "that",
];

/// The month of token `i`, if it is a month name usable as a date.
pub fn month_at(cx: &Cx, i: usize) -> Option<(u32, bool)> {
    match cx.lex(i) {
        Lex::Month(m) if cx.cap(i) => Some((m, false)),
        Lex::MonthAbbr(m) if cx.cap(i) => Some((m, true)),
        _ => None,
    }
}

/// A day-of-month number at `i` ("28", "28th"), and the token after it.
fn day_at(cx: &Cx, i: usize) -> Option<(u32, usize)> {
    if let Some(d) = cx.num(i) {
        if cx.digits(i) > 2 || !(1..=31).contains(&d) || cx.glued_number(i) {
            return None;
        }
        // "28-30" ranges keep the first day; "28:30" is a clock.
        if cx.glued(i + 1) && cx.punct(i + 1, ':') {
            return None;
        }
        let mut e = i + 1;
        if cx.glued(e) && cx.is_any(e, &["th", "st", "nd", "rd"]) {
            e += 1;
        }
        return Some((d, e));
    }
    // Not the start of a compound adjective ("second-quarter").
    cx.ordinal(i)
        .filter(|&(d, e)| (1..=31).contains(&d) && !(cx.hyphen(e) && cx.glued(e)))
}

/// A four-digit year at `i` after a comma or directly.
fn year_after(cx: &Cx, i: usize) -> Option<(i32, usize)> {
    let j = if cx.punct(i, ',') { i + 1 } else { i };
    let y = cx
        .num(j)
        .filter(|_| cx.digits(j) == 4 && !cx.glued_number(j))?;
    (1000..=2999).contains(&y).then_some((y as i32, j + 1))
}

fn ymd(y: i32, m: u32, d: u32) -> Option<String> {
    NaiveDate::from_ymd_opt(y, m, d).map(calendar::day_str)
}

/// Value of a month/day with a possibly missing year.
fn month_day_value(
    cx: &Cx,
    start: usize,
    end: usize,
    m: u32,
    d: u32,
    year: Option<i32>,
) -> Option<String> {
    if let Some(y) = year {
        return ymd(y, m, d);
    }
    // Reject impossible days even without a year (Feb 30).
    NaiveDate::from_ymd_opt(2000, m, d)?;
    match cx.anchor {
        Some(a) => {
            let lean = tense::lean(cx, start, end);
            let y = calendar::resolve_day_year(a, m, d, lean);
            ymd(y, m, d).or_else(|| Some(format!("XXXX-{m:02}-{d:02}")))
        }
        None => Some(format!("XXXX-{m:02}-{d:02}")),
    }
}

/// Month-led expressions: "Nov. 28", "November 28, 2025", "October 1998",
/// "June" (in a date context).
pub fn month_led(cx: &Cx, i: usize, has_prefix: bool) -> Option<Hit> {
    let (m, abbr) = month_at(cx, i)?;
    let mut k = i + 1;
    if abbr && cx.punct(k, '.') && cx.glued(k) {
        k += 1;
    }
    if let Some((d, e)) = day_at(cx, k) {
        if let Some((y, e2)) = year_after(cx, e) {
            return Some(Hit::date(e2, ymd(y, m, d)?, 0.95));
        }
        let v = month_day_value(cx, i, e, m, d, None)?;
        return Some(Hit::date(e, v, 0.9));
    }
    if let Some((y, e)) = year_after(cx, k).filter(|_| !cx.punct(k, ',')) {
        return Some(Hit::date(e, calendar::month_str(y, m), 0.9));
    }
    if cx.is(k, "of")
        && let Some((y, e)) = year_after(cx, k + 1)
    {
        return Some(Hit::date(e, calendar::month_str(y, m), 0.9));
    }
    if let (Some(a), true) = (cx.anchor, cx.is(k + 1, "year") && !cx.hyphen(k + 2)) {
        let off = match cx.w(k) {
            "last" => Some(-1),
            "this" => Some(0),
            "next" => Some(1),
            _ => None,
        };
        if let Some(off) = off {
            return Some(Hit::date(
                k + 2,
                calendar::month_str(a.year() + off, m),
                0.85,
            ));
        }
    }
    if abbr {
        return None;
    }
    // A bare month: "May", "March" and friends are also verbs and names.
    let ambiguous = matches!(m, 3..=6 | 8);
    let prev_ok = has_prefix || (i >= 1 && cx.is_any(i - 1, &DATE_PREP));
    if ambiguous && !prev_ok {
        return None;
    }
    if cx
        .tok(k)
        .is_some_and(|t| t.kind == Kind::Word && t.cap && t.newlines == 0)
        && !matches!(cx.lex(k), Lex::Weekday(_))
    {
        return None;
    }
    if i >= 1
        && cx.tok(i - 1).is_some_and(|t| t.kind == Kind::Word && t.cap)
        && !prev_ok
        && !cx.boundary(i - 1)
    {
        // Inside a name ("Black September").
        return None;
    }
    if cx.name_months & (1 << m) != 0 {
        return None;
    }
    let v = match cx.anchor {
        Some(a) => {
            let lean = tense::lean(cx, i, k);
            let y = if lean == Lean::Unknown {
                if m > a.month() + 2 {
                    a.year() - 1
                } else {
                    a.year()
                }
            } else {
                calendar::resolve_year(a, m, None, lean)
            };
            calendar::month_str(y, m)
        }
        None => format!("XXXX-{m:02}"),
    };
    Some(Hit::date(k, v, 0.8))
}

/// Whether a four-digit number at `i` reads as a year.
pub fn year_ok(cx: &Cx, i: usize, has_prefix: bool) -> Option<i32> {
    let y = cx.num(i)?;
    if cx.digits(i) != 4 || cx.glued_number(i) || !(1000..=2199).contains(&y) {
        return None;
    }
    if cx.glued(i + 1) && cx.kind(i + 1) == Some(Kind::Word) && !cx.is(i + 1, "s") {
        return None;
    }
    if cx.glued(i) && i >= 1 && !cx.hyphen(i - 1) && !cx.punct(i - 1, '(') && !cx.punct(i - 1, '"')
    {
        return None;
    }
    let prev = if i >= 1 { cx.w(i - 1) } else { "" };
    let prev_ok = has_prefix
        || DATE_PREP.contains(&prev)
        || matches!(
            cx.lex(i.wrapping_sub(1)),
            Lex::Month(_) | Lex::MonthAbbr(_) | Lex::Season(_)
        )
        || prev == "fiscal"
        || prev == "year"
        || (matches!(
            prev,
            "a" | "an" | "its" | "his" | "her" | "their" | "our" | "both" | "s"
        ) && (1900..=2100).contains(&y));
    let next = cx.tok(i + 1);
    let next_ok = match next {
        None => true,
        Some(t) => match t.kind {
            Kind::Punct => matches!(
                t.ch,
                '.' | ','
                    | ';'
                    | ':'
                    | ')'
                    | '"'
                    | '\''
                    | '\u{2019}'
                    | '\u{201d}'
                    | '-'
                    | '/'
                    | '?'
                    | '!'
            ),
            Kind::Word => cx.is_any(
                i + 1,
                &[
                    "and",
                    "or",
                    "to",
                    "through",
                    "when",
                    "as",
                    "s",
                    "levels",
                    "season",
                    "period",
                    "quarter",
                    "results",
                    "budget",
                    "election",
                    "elections",
                    "census",
                ],
            ),
            Kind::Num => false,
        },
    };
    let plausible = (1900..=2100).contains(&y) || DATE_PREP.contains(&prev);
    (plausible && (prev_ok || next_ok)).then_some(y as i32)
}

/// Number-led expressions: numeric dates, day-month, years and decades.
pub fn number_led(cx: &Cx, i: usize, has_prefix: bool) -> Option<Hit> {
    let n = cx.num(i)?;
    // ISO 2025-11-28 and 2025/11/28.
    if cx.digits(i) == 4 {
        for sep in ['-', '/'] {
            if cx.glued(i + 1)
                && cx.punct(i + 1, sep)
                && cx.glued(i + 2)
                && cx.glued(i + 3)
                && cx.punct(i + 3, sep)
                && cx.glued(i + 4)
                && let (Some(m), Some(d)) = (cx.num(i + 2), cx.num(i + 4))
                && let Some(v) = ymd(n as i32, m, d)
            {
                return Some(Hit::date(i + 5, v, 0.95));
            }
        }
    }
    // US 11/28/2025, 11/28/25.
    if cx.digits(i) <= 2
        && cx.glued(i + 1)
        && cx.punct(i + 1, '/')
        && cx.glued(i + 2)
        && cx.glued(i + 3)
        && cx.punct(i + 3, '/')
        && cx.glued(i + 4)
        && let (Some(b), Some(y)) = (cx.num(i + 2), cx.num(i + 4))
    {
        let y = match cx.digits(i + 4) {
            4 => y as i32,
            2 => {
                if y >= 50 {
                    1900 + y as i32
                } else {
                    2000 + y as i32
                }
            }
            _ => return None,
        };
        let (m, d) = if n > 12 { (b, n) } else { (n, b) };
        if !(cx.glued(i + 5) && (cx.punct(i + 5, '/') || cx.num(i + 5).is_some())) {
            return ymd(y, m, d).map(|v| Hit::date(i + 5, v, 0.9));
        }
    }
    // Day-month: "28 November 2025", "28th of November".
    if let Some((d, mut e)) = day_at(cx, i) {
        if cx.is(e, "of") {
            e += 1;
        }
        if let Some((m, abbr)) = month_at(cx, e) {
            let mut k = e + 1;
            if abbr && cx.punct(k, '.') && cx.glued(k) {
                k += 1;
            }
            if let Some((y, e2)) = year_after(cx, k).filter(|_| !cx.punct(k, ',')) {
                return Some(Hit::date(e2, ymd(y, m, d)?, 0.95));
            }
            let v = month_day_value(cx, i, k, m, d, None)?;
            return Some(Hit::date(k, v, 0.85));
        }
    }
    // Decades: "1990s", "1980's", "'90s" (the apostrophe is a prefix).
    if cx.glued(i + 1)
        && (cx.is(i + 1, "s")
            || (cx.punct(i + 1, '\'') || cx.punct(i + 1, '\u{2019}'))
                && cx.glued(i + 2)
                && cx.is(i + 2, "s"))
    {
        let end = if cx.is(i + 1, "s") { i + 2 } else { i + 3 };
        if cx.digits(i) == 4 && n % 10 == 0 && (1000..=2190).contains(&n) && !cx.glued_number(i) {
            let v = if n % 100 == 0 {
                format!("{}", n / 100)
            } else {
                format!("{}", n / 10)
            };
            return Some(Hit::date(end, v, 0.9));
        }
        if cx.digits(i) == 2 && n % 10 == 0 {
            let apos =
                i >= 1 && cx.glued(i) && (cx.punct(i - 1, '\'') || cx.punct(i - 1, '\u{2019}'));
            if apos || has_prefix || (i >= 1 && cx.is(i - 1, "the")) {
                let century = match cx.anchor {
                    Some(a) if a.year() >= 2000 && (n as i32) <= a.year() % 100 => 20,
                    _ => 19,
                };
                return Some(Hit::date(end, format!("{}{}", century, n / 10), 0.85));
            }
        }
    }
    if let Some(y) = year_ok(cx, i, has_prefix) {
        return Some(Hit::date(i + 1, format!("{y:04}"), 0.8));
    }
    None
}

/// "the nineties", "the sixties": decades of the 1900s.
pub fn decade_word(cx: &Cx, i: usize) -> Option<Hit> {
    const WORDS: [&str; 8] = [
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ];
    let n = WORDS.iter().position(|w| cx.is(i, w))? as u32 + 2;
    if !(i >= 1
        && (cx.is(i - 1, "the")
            || cx.is(i - 1, "early")
            || cx.is(i - 1, "late")
            || cx.is(i - 1, "mid")))
    {
        return None;
    }
    // "in their forties" is an age, not a decade.
    Some(Hit::date(i + 1, format!("19{n}"), 0.75))
}

/// "the 20th century", "the nineteenth century".
pub fn century(cx: &Cx, i: usize) -> Option<Hit> {
    let (n, e) = if let Some(n) = cx.num(i) {
        if cx.glued(i + 1) && cx.is_any(i + 1, &["th", "st", "nd", "rd"]) {
            (n, i + 2)
        } else {
            return None;
        }
    } else {
        cx.ordinal(i)?
    };
    if !(cx.is(e, "century") && (1..=30).contains(&n)) {
        return None;
    }
    Some(Hit::date(e + 1, format!("{:02}", n - 1), 0.85))
}
