//! The scan: walks the tokens once, and at each token that can open a
//! temporal expression tries the rule families after any run of modifiers
//! ("about", "early", "the end of", "more than", "mid-"), keeps the longest
//! match, and moves past it. Carries the discourse state (last quarter
//! named) from one match to the next.

use super::anchored::Prior;
use super::calendar::{self, Lean};
use super::cx::{Cx, Hit, State};
use super::lexicon::Lex;
use super::token::Kind;
use super::{absolute, clock, durations, fiscal, relative, tense, vague};
use crate::model::TimexType;
use chrono::{Datelike, NaiveDate, Weekday};

/// One match: token range and what the rule said.
pub struct Found {
    pub first: usize,
    pub hit: Hit,
}

/// Tokens a modifier prefix spans at `j`, if one starts there.
fn prefix_len(cx: &Cx, j: usize) -> Option<usize> {
    let w = cx.w(j);
    let n = match w {
        "about" | "around" | "nearly" | "almost" | "roughly" | "approximately" | "just"
        | "another" => 1,
        "early" | "late" | "mid" | "earlier" | "later" | "middle" => {
            if cx.hyphen(j + 1) && cx.glued(j + 1) {
                2
            } else {
                1
            }
        }
        "the" => {
            if cx.is_any(j + 1, &["end", "beginning", "start", "middle", "turn"])
                && cx.is(j + 2, "of")
            {
                3
            } else {
                1
            }
        }
        "end" | "beginning" if cx.is(j + 1, "of") => 2,
        "more" | "less" | "fewer" if cx.is(j + 1, "than") => 2,
        "at" if cx.is_any(j + 1, &["least", "most"]) => 2,
        "up" if cx.is(j + 1, "to") => 2,
        "no" if cx.is_any(j + 1, &["more", "less", "later", "earlier"]) && cx.is(j + 2, "than") => {
            3
        }
        _ => return None,
    };
    Some(n)
}

fn better(best: &mut Option<Hit>, h: Option<Hit>) {
    if let Some(h) = h
        && best.as_ref().is_none_or(|b| h.end > b.end)
    {
        *best = Some(h);
    }
}

/// Spelled-out years: "nineteen ninety-six", "two thousand", "the year two thousand".
fn spelled_year(cx: &Cx, i: usize) -> Option<Hit> {
    let Lex::Number(first) = cx.lex(i) else {
        return None;
    };
    if (first == 2) && cx.is(i + 1, "thousand") {
        let prev_ok = i >= 1 && cx.is_any(i - 1, &["year", "in", "since", "by", "until", "of"]);
        if !prev_ok {
            return None;
        }
        let mut y = 2000;
        let mut e = i + 2;
        let j = if cx.is(e, "and") { e + 1 } else { e };
        if let Lex::Number(n) = cx.lex(j)
            && n < 100
        {
            y += n;
            e = j + 1;
        }
        return Some(Hit::date(e, format!("{y}"), 0.8));
    }
    if !matches!(first, 18..=20) {
        return None;
    }
    let Lex::Number(tens) = cx.lex(i + 1) else {
        return None;
    };
    if !(10..=90).contains(&tens) {
        return None;
    }
    let mut y = first * 100 + tens;
    let mut e = i + 2;
    if tens >= 20 && tens % 10 == 0 {
        let j = if cx.hyphen(e) { e + 1 } else { e };
        if let Lex::Number(u) = cx.lex(j)
            && (1..=9).contains(&u)
        {
            y += u;
            e = j + 1;
        }
    }
    if cx.lex(e) == Lex::Number(100) || matches!(cx.lex(e), Lex::Unit(..)) {
        return None;
    }
    Some(Hit::date(e, format!("{y}"), 0.75))
}

/// "the year 2000", "the year two thousand".
fn the_year_n(cx: &Cx, i: usize) -> Option<Hit> {
    if !cx.is(i, "year") {
        return None;
    }
    if let Some(y) = cx.num(i + 1).filter(|_| cx.digits(i + 1) == 4) {
        return Some(Hit::date(i + 2, format!("{y}"), 0.85));
    }
    let h = spelled_year(cx, i + 1)?;
    Some(Hit { end: h.end, ..h })
}

/// Season names: "summer", "the spring of 1998", "fall 2024".
fn season(cx: &Cx, i: usize, has_prefix: bool) -> Option<Hit> {
    let Lex::Season(s) = cx.lex(i) else {
        return None;
    };
    let prev_ok = has_prefix
        || (i >= 1
            && cx.is_any(
                i - 1,
                &[
                    "in",
                    "during",
                    "by",
                    "until",
                    "since",
                    "this",
                    "that",
                    "of",
                    "through",
                    "before",
                    "after",
                    "throughout",
                ],
            ));
    let mut end = i + 1;
    let mut year = None;
    if let Some(y) = cx
        .num(end)
        .filter(|y| cx.digits(end) == 4 && (1000..=2199).contains(y))
    {
        year = Some(y as i32);
        end += 1;
    } else if cx.is(end, "of") {
        if let Some(y) = cx.num(end + 1).filter(|_| cx.digits(end + 1) == 4) {
            year = Some(y as i32);
            end += 2;
        } else if let Some(h) = spelled_year(cx, end + 1) {
            year = h.value.parse().ok();
            end = h.end;
        } else {
            // "the fall of the Berlin Wall"
            return None;
        }
    }
    if year.is_none() && !prev_ok {
        return None;
    }
    let v = match (year, cx.anchor) {
        (Some(y), _) => format!("{y:04}-{}", s.code()),
        (None, Some(a)) => {
            let start_month = match s.code() {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let lean = tense::lean(cx, i, end);
            let y = if lean == Lean::Past && start_month > a.month() {
                a.year() - 1
            } else {
                a.year()
            };
            format!("{y:04}-{}", s.code())
        }
        (None, None) => format!("XXXX-{}", s.code()),
    };
    Some(Hit::date(end, v, 0.8))
}

fn holiday(cx: &Cx, i: usize) -> Option<Hit> {
    let (m, d, end) = vague::holiday(cx, i)?;
    let resolve = |y: i32| -> Option<NaiveDate> {
        match (m, d) {
            (0, 1) => calendar::nth_weekday(y, 11, Weekday::Thu, 4),
            (0, _) => calendar::easter(y),
            _ => NaiveDate::from_ymd_opt(y, m, d),
        }
    };
    let Some(a) = cx.anchor else {
        return Some(Hit::date(end, "XXXX-XX-XX".into(), 0.7));
    };
    let lean = tense::lean(cx, i, end);
    let this = resolve(a.year())?;
    let day = match lean {
        Lean::Past if this > a => resolve(a.year() - 1)?,
        Lean::Future if this < a => resolve(a.year() + 1)?,
        _ => this,
    };
    Some(Hit::date(end, calendar::day_str(day), 0.8))
}

/// Every rule family at `j`; `has_prefix` when modifiers precede.
fn core(cx: &Cx, j: usize, has_prefix: bool, st: &State) -> Option<Hit> {
    let t = cx.tok(j)?;
    let mut best = None;
    match t.kind {
        Kind::Num => {
            better(&mut best, absolute::number_led(cx, j, has_prefix));
            better(&mut best, fiscal::period(cx, j, st));
            better(&mut best, clock::clock(cx, j));
            better(&mut best, durations::counted(cx, j, st));
            better(&mut best, durations::times_per(cx, j));
            better(&mut best, absolute::century(cx, j));
        }
        Kind::Punct => {
            if matches!(t.ch, '\'' | '\u{2019}')
                && cx.glued(j + 1)
                && cx.digits(j + 1) == 2
                && let Some(h) = absolute::number_led(cx, j + 1, true)
                && h.value.len() == 3
            {
                better(&mut best, Some(h));
            }
        }
        Kind::Word => {
            if t.lex == Lex::None {
                return None;
            }
            match t.lex {
                Lex::Month(_) | Lex::MonthAbbr(_) => {
                    better(&mut best, absolute::month_led(cx, j, has_prefix));
                    better(&mut best, relative::month_of_that_year(cx, j, st));
                }
                Lex::Weekday(_) | Lex::Weekdays(_) => {
                    better(&mut best, relative::weekday(cx, j));
                    better(&mut best, relative::weekdays(cx, j));
                }
                Lex::Deictic(_) | Lex::Tonight => better(&mut best, relative::deictic(cx, j)),
                Lex::ClockWord(_) => better(&mut best, clock::clock(cx, j)),
                Lex::Every(_) => better(&mut best, durations::frequency(cx, j)),
                Lex::Season(_) => better(&mut best, season(cx, j, has_prefix)),
                Lex::Pod(_) if has_prefix => better(&mut best, clock::bare_pod(cx, j)),
                Lex::Unit(..) => {
                    better(&mut best, durations::bare_units(cx, j, st));
                    better(&mut best, fiscal::period(cx, j, st));
                    better(&mut best, the_year_n(cx, j));
                    better(&mut best, fiscal::year_end(cx, j));
                }
                Lex::Ordinal(_) => {
                    better(&mut best, fiscal::period(cx, j, st));
                    better(&mut best, absolute::century(cx, j));
                }
                Lex::Number(_) | Lex::Vague => {
                    better(&mut best, durations::counted(cx, j, st));
                    better(&mut best, durations::times_per(cx, j));
                    better(&mut best, spelled_year(cx, j));
                    // "the twenty-first century".
                    better(&mut best, absolute::century(cx, j));
                }
                _ => match cx.w(j) {
                    "the" => {
                        better(&mut best, relative::from_last_date(cx, j, st));
                        better(&mut best, relative::day_before(cx, j));
                        better(&mut best, relative::the_weekend(cx, j));
                        better(&mut best, fiscal::this_year_phrases(cx, j));
                    }
                    "a" | "an" | "couple" | "some" | "half" | "another" => {
                        better(&mut best, durations::counted(cx, j, st));
                        better(&mut best, durations::times_per(cx, j));
                    }
                    "this" | "last" | "next" | "past" | "coming" | "previous" | "following"
                    | "current" => {
                        better(&mut best, relative::relative(cx, j));
                        better(&mut best, fiscal::period(cx, j, st));
                        better(&mut best, durations::bare_units(cx, j, st));
                        better(&mut best, vague::vague(cx, j));
                    }
                    "every" | "each" | "per" => better(&mut best, durations::every(cx, j)),
                    "that" => better(&mut best, relative::from_last_date(cx, j, st)),
                    "once" | "twice" => better(&mut best, durations::times_per(cx, j)),
                    "fiscal" | "fy" => {
                        better(&mut best, fiscal::fiscal_year(cx, j));
                        better(&mut best, fiscal::period(cx, j, st));
                    }
                    "latest" | "q" => better(&mut best, fiscal::period(cx, j, st)),
                    "recent" | "upcoming" | "ensuing" => {
                        better(&mut best, durations::bare_units(cx, j, st));
                        better(&mut best, vague::vague(cx, j));
                    }
                    "christmas" | "thanksgiving" | "halloween" | "easter" | "new"
                    | "independence" => better(&mut best, holiday(cx, j)),
                    "twenties" | "thirties" | "forties" | "fifties" | "sixties" | "seventies"
                    | "eighties" | "nineties" => better(&mut best, absolute::decade_word(cx, j)),
                    _ => better(&mut best, vague::vague(cx, j)),
                },
            }
        }
    }
    best
}

/// Whether a value is a plain calendar date/year (for which a leading
/// "the" is not part of the extent: "the 1980 election").
fn plain_calendar(v: &str) -> bool {
    let b = v.as_bytes();
    (b.len() == 4 || b.len() == 7 || b.len() == 10)
        && b.iter().all(|c| c.is_ascii_digit() || *c == b'-')
}

/// The longest match opening at token `i`.
fn best_at(cx: &Cx, i: usize, st: &State) -> Option<Found> {
    let mut best: Option<Found> = None;
    let mut j = i;
    let mut only_the = true;
    for _ in 0..5 {
        if let Some(h) = core(cx, j, j > i, st)
            && best.as_ref().is_none_or(|b| h.end > b.hit.end)
        {
            let first = if h.skip > 0 {
                j + h.skip
            } else if h.no_prefix
                || (j > i
                    && only_the
                    && (h.no_det || (!cx.is(j, "fiscal") && plain_calendar(&h.value))))
            {
                j
            } else {
                i
            };
            best = Some(Found { first, hit: h });
        }
        let Some(n) = prefix_len(cx, j) else {
            break;
        };
        if !(n == 1 && cx.is(j, "the")) {
            only_the = false;
        }
        j += n;
    }
    best
}

/// Whether a match dates what "two days later" counts from: any date, and
/// a time only when it names its day ("3 p.m. Friday", "Friday
/// afternoon"); a bare "5 p.m." takes its day from the reference date,
/// which dates nothing in the story.
fn names_a_day(cx: &Cx, f: &Found) -> bool {
    match f.hit.ty {
        TimexType::Date => true,
        TimexType::Time => (f.first..f.hit.end).any(|k| {
            matches!(
                cx.lex(k),
                Lex::Weekday(_)
                    | Lex::Month(_)
                    | Lex::MonthAbbr(_)
                    | Lex::Deictic(_)
                    | Lex::Tonight
            )
        }),
        _ => false,
    }
}

/// All matches in order, non-overlapping.
pub fn scan(cx: &Cx) -> Vec<Found> {
    let mut out = Vec::new();
    let mut st = State::default();
    let mut i = 0;
    let n = cx.len();
    while i < n {
        let t = &cx.toks[i];
        let trigger = match t.kind {
            Kind::Word => t.lex != Lex::None,
            Kind::Num => true,
            Kind::Punct => matches!(t.ch, '\'' | '\u{2019}'),
        };
        if !trigger {
            i += 1;
            continue;
        }
        match best_at(cx, i, &st) {
            Some(f) if f.hit.end > f.first => {
                if let Some((y, q)) = f.hit.quarter {
                    st.last_quarter = Some((f.hit.end, y, q));
                    if st.report_quarter.is_none() {
                        st.report_quarter = Some((y, q));
                    }
                }
                if names_a_day(cx, &f)
                    && let Some(p) = Prior::of_value(&f.hit.value)
                {
                    st.last_date = Some(p);
                }
                i = f.hit.end;
                out.push(f);
            }
            _ => i += 1,
        }
    }
    out
}
