//! Deictic and relative expressions resolved against the reference date:
//! today/yesterday/tomorrow/tonight, bare and modified weekdays, "last
//! week", "this month", "next year", "last May", "this summer", "the
//! weekend", "two years ago", "a week earlier".

use super::absolute;
use super::anchored;
use super::calendar::{self, Lean};
use super::cx::{Cx, Hit, State};
use super::lexicon::{Lex, Pod, Unit};
use super::names;
use super::quantity::{self, Qty};
use super::tense;
use crate::model::TimexType;
use chrono::{Datelike, NaiveDate};

const XDAY: &str = "XXXX-XX-XX";

/// A part of the day right after `i`: "Friday afternoon".
fn pod_after(cx: &Cx, i: usize) -> Option<(Pod, usize)> {
    match cx.lex(i) {
        Lex::Pod(p) => Some((p, i + 1)),
        _ => None,
    }
}

fn with_pod(day: Option<NaiveDate>, pod: Option<Pod>, end: usize, conf: f32) -> Hit {
    let d = day.map_or_else(|| XDAY.to_string(), calendar::day_str);
    match pod {
        Some(p) => Hit::new(end, format!("{d}{}", p.code()), TimexType::Time, conf),
        None => Hit::date(end, d, conf),
    }
}

/// today, yesterday, tomorrow (+ part of day), tonight.
pub fn deictic(cx: &Cx, i: usize) -> Option<Hit> {
    // "USA Today", "the Today programme".
    if names::inside_name(cx, i) {
        return None;
    }
    let a = cx.anchor;
    match cx.lex(i) {
        Lex::Deictic(off) => {
            let day = a.map(|a| calendar::add_days(a, off as i64));
            let (pod, end) = match pod_after(cx, i + 1) {
                Some((p, e)) => (Some(p), e),
                None => (None, i + 1),
            };
            Some(with_pod(day, pod, end, 0.95))
        }
        Lex::Tonight => Some(with_pod(a, Some(Pod::Night), i + 1, 0.95)),
        _ => None,
    }
}

/// "the day before yesterday", "the day after tomorrow".
pub fn day_before(cx: &Cx, i: usize) -> Option<Hit> {
    if !(cx.is(i, "the") && cx.is(i + 1, "day") && cx.is_any(i + 2, &["before", "after"])) {
        return None;
    }
    let off = match (cx.w(i + 2), cx.lex(i + 3)) {
        ("before", Lex::Deictic(-1)) => -2,
        ("after", Lex::Deictic(1)) => 2,
        _ => return None,
    };
    Some(with_pod(
        cx.anchor.map(|a| calendar::add_days(a, off)),
        None,
        i + 4,
        0.9,
    ))
}

/// A weekday, with an optional part of day or a following date:
/// "Friday", "Friday afternoon", "Thursday, April 6".
pub fn weekday(cx: &Cx, i: usize) -> Option<Hit> {
    let Lex::Weekday(wd) = cx.lex(i) else {
        return None;
    };
    if !cx.cap(i) {
        return None;
    }
    // "Black Friday", "the Sunday Times", "Mail on Sunday".
    if names::inside_name(cx, i) {
        return None;
    }
    // "Friday Night Lights", "Monday Night Football": a title.
    if matches!(cx.lex(i + 1), Lex::Pod(_)) && cx.cap(i + 1) {
        return None;
    }
    let mut k = i + 1;
    if cx.punct(k, '.') && cx.glued(k) && cx.w(i).len() <= 4 {
        k += 1;
    }
    // "Thursday, April 6" / "Monday Oct. 26": the date decides.
    let m = if cx.punct(k, ',') { k + 1 } else { k };
    if absolute::month_at(cx, m).is_some()
        && let Some(h) = absolute::month_led(cx, m, true)
        && h.value.len() == 10
    {
        return Some(Hit { end: h.end, ..h });
    }
    let (pod, end) = match pod_after(cx, k) {
        Some((p, e)) => (Some(p), e),
        None => (None, k),
    };
    let day = cx.anchor.map(|a| {
        let lean = tense::lean(cx, i, end);
        calendar::resolve_weekday(a, wd, lean, false)
    });
    let mut h = with_pod(day, pod, end, 0.9);
    h.no_prefix = true;
    Some(h)
}

/// Plural weekdays: "Fridays", "Tuesday nights" → SET.
pub fn weekdays(cx: &Cx, i: usize) -> Option<Hit> {
    match cx.lex(i) {
        Lex::Weekdays(wd) if cx.cap(i) => Some(Hit::new(
            i + 1,
            format!("XXXX-WXX-{wd}"),
            TimexType::Set,
            0.8,
        )),
        Lex::Weekday(wd)
            if cx.cap(i) && cx.is_any(i + 1, &["nights", "mornings", "afternoons", "evenings"]) =>
        {
            let code = match cx.w(i + 1) {
                "nights" => "TNI",
                "mornings" => "TMO",
                "afternoons" => "TAF",
                _ => "TEV",
            };
            Some(Hit::new(
                i + 2,
                format!("XXXX-WXX-{wd}{code}"),
                TimexType::Set,
                0.8,
            ))
        }
        _ => None,
    }
}

/// The direction a relative modifier word points.
#[derive(Clone, Copy, PartialEq)]
enum Dir {
    Last,
    This,
    Next,
}

fn dir_at(cx: &Cx, i: usize) -> Option<(Dir, usize)> {
    let w = cx.w(i);
    let two = |d: Dir| Some((d, i + 2));
    match w {
        // "this past week" said on a weekend is the week now ending.
        "this"
            if cx.is(i + 1, "past")
                && cx.is_any(i + 2, &["week", "weekend"])
                && cx
                    .anchor
                    .is_some_and(|a| a.weekday().number_from_monday() >= 6) =>
        {
            two(Dir::This)
        }
        "this" if cx.is(i + 1, "past") => two(Dir::Last),
        "this" if cx.is_any(i + 1, &["coming", "next"]) => two(Dir::Next),
        "this" | "current" => Some((Dir::This, i + 1)),
        "last" | "past" | "previous" => Some((Dir::Last, i + 1)),
        "next" | "coming" | "following" => Some((Dir::Next, i + 1)),
        _ => None,
    }
}

/// The value of one unit of time relative to the anchor.
fn unit_value(a: NaiveDate, u: Unit, dir: Dir) -> Option<String> {
    let off = match dir {
        Dir::Last => -1,
        Dir::This => 0,
        Dir::Next => 1,
    };
    Some(match u {
        Unit::Day => calendar::day_str(calendar::add_days(a, off as i64)),
        Unit::Week => calendar::week_str(calendar::add_days(a, 7 * off as i64)),
        Unit::Fortnight => calendar::week_str(calendar::add_days(a, 14 * off as i64)),
        Unit::Month => {
            let (y, m) = calendar::shift_month(a.year(), a.month(), off);
            calendar::month_str(y, m)
        }
        Unit::Quarter => {
            let (y, q) = calendar::shift_quarter(a.year(), calendar::quarter_of(a), off);
            format!("{y:04}-Q{q}")
        }
        Unit::Year => format!("{:04}", a.year() + off),
        Unit::Decade => format!("{}", a.year().div_euclid(10) + off),
        Unit::Century => format!("{:02}", a.year().div_euclid(100) + off),
        Unit::Hour | Unit::Minute | Unit::Second => return None,
    })
}

fn x_value(u: Unit) -> &'static str {
    match u {
        Unit::Week | Unit::Fortnight => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
        _ => "XXXX",
    }
}

/// "last week", "this month", "next year", "the past three years", "last
/// May", "next Friday", "this summer", "last night", "this weekend".
pub fn relative(cx: &Cx, i: usize) -> Option<Hit> {
    let (dir, mut k) = dir_at(cx, i)?;
    if cx.is(k, "fiscal") && cx.is(k + 1, "year") {
        k += 1;
    }
    let a = cx.anchor;
    let head = cx.w(i);
    // "could last several years": the verb, not the modifier.
    if head == "last"
        && i >= 1
        && cx.is_any(
            i - 1,
            &[
                "could", "will", "would", "may", "might", "to", "can", "should", "ll", "did",
                "does", "not", "must", "cannot",
            ],
        )
    {
        return None;
    }
    // "the past three years", "the next few days", "last two weeks": durations.
    if head != "this"
        && head != "current"
        && let Some((q, e)) = quantity::quantity(cx, k)
        && q != Qty::Article
        && let Some((u, _, e2)) = quantity::unit(cx, e)
    {
        return Some(Hit::duration(e2, quantity::duration_value(q, u), 0.85));
    }
    match cx.lex(k) {
        Lex::Unit(u, false) if !cx.cap(k) => {
            if matches!(u, Unit::Hour | Unit::Minute | Unit::Second) {
                return None;
            }
            let mut h = Hit::date(
                k + 1,
                a.and_then(|a| unit_value(a, u, dir))
                    .unwrap_or_else(|| x_value(u).to_string()),
                0.9,
            );
            if u == Unit::Quarter
                && let Some(a) = a
            {
                let off = match dir {
                    Dir::Last => -1,
                    Dir::This => 0,
                    Dir::Next => 1,
                };
                h.quarter = Some(calendar::shift_quarter(
                    a.year(),
                    calendar::quarter_of(a),
                    off,
                ));
            }
            Some(h)
        }
        Lex::Month(m) | Lex::MonthAbbr(m) if cx.cap(k) => {
            let v = match a {
                Some(a) => {
                    let (y, cur) = (a.year(), a.month());
                    let y = match dir {
                        Dir::Last => {
                            if m < cur {
                                y
                            } else {
                                y - 1
                            }
                        }
                        Dir::Next => {
                            if m > cur {
                                y
                            } else {
                                y + 1
                            }
                        }
                        Dir::This => y,
                    };
                    calendar::month_str(y, m)
                }
                None => format!("XXXX-{m:02}"),
            };
            Some(Hit::date(k + 1, v, 0.9))
        }
        Lex::Weekday(wd) if cx.cap(k) => {
            let day = a.map(|a| match dir {
                Dir::Last => calendar::resolve_weekday(a, wd, Lean::Past, true),
                Dir::Next => calendar::resolve_weekday(a, wd, Lean::Future, true),
                Dir::This => calendar::resolve_weekday(a, wd, tense::lean(cx, i, k + 1), false),
            });
            let (pod, end) = match pod_after(cx, k + 1) {
                Some((p, e)) => (Some(p), e),
                None => (None, k + 1),
            };
            Some(with_pod(day, pod, end, 0.9))
        }
        Lex::Season(s) => {
            let v = match a {
                Some(a) => {
                    let y = a.year()
                        + match dir {
                            Dir::Last => -1,
                            Dir::This => 0,
                            Dir::Next => 1,
                        };
                    format!("{y:04}-{}", s.code())
                }
                None => format!("XXXX-{}", s.code()),
            };
            Some(Hit::date(k + 1, v, 0.85))
        }
        Lex::Pod(p) => {
            // "this morning", "last night", "this evening".
            let day = match (dir, p) {
                (Dir::This, _) => a,
                (Dir::Last, Pod::Night | Pod::Evening) => a.map(|a| calendar::add_days(a, -1)),
                _ => return None,
            };
            if dir == Dir::This && head == "current" {
                return None;
            }
            Some(with_pod(day, Some(p), k + 1, 0.9))
        }
        _ if cx.is_any(k, &["weekend", "weekends"]) => {
            let v = a.map(|a| {
                let base = match dir {
                    Dir::Last => calendar::add_days(a, -7),
                    Dir::This => a,
                    Dir::Next => calendar::add_days(a, 7),
                };
                format!("{}-WE", calendar::week_str(base))
            });
            Some(Hit::date(
                k + 1,
                v.unwrap_or_else(|| "XXXX-WXX-WE".into()),
                0.85,
            ))
        }
        _ => None,
    }
}

/// "the weekend", "over the weekend": the nearest weekend in the tense's direction.
pub fn the_weekend(cx: &Cx, i: usize) -> Option<Hit> {
    if !(cx.is(i, "the") && cx.is(i + 1, "weekend")) {
        return None;
    }
    let v = cx.anchor.map(|a| {
        let lean = tense::lean(cx, i, i + 2);
        let wd = a.weekday().number_from_monday();
        let base = if lean == Lean::Future || wd >= 6 {
            a
        } else {
            calendar::add_days(a, -7)
        };
        format!("{}-WE", calendar::week_str(base))
    });
    Some(Hit::date(
        i + 2,
        v.unwrap_or_else(|| "XXXX-WXX-WE".into()),
        0.8,
    ))
}

/// "two years ago", "a week earlier", "three days later", "a year from now".
/// `q`, `u` and `e` are the parsed count, unit and the token after the unit.
/// "ago" and "from now" count from the reference date; "earlier", "later"
/// and a clause-final "before"/"after" count from the last date of the
/// text (`anchored`).
pub fn ago(cx: &Cx, q: Qty, u: Unit, e: usize, st: &State, start: usize) -> Option<Hit> {
    let w = cx.w(e);
    // "two days before." / "Three days after, she left"; "two days before
    // the vote" is a duration with its event.
    let clause_end = cx.boundary(e + 1) || cx.punct(e + 1, ',');
    let (sign, end, from_prior) = match w {
        "ago" => (-1i64, e + 1, false),
        // "two days later than planned": a delay.
        "earlier" | "later" if cx.is(e + 1, "than") => return None,
        "earlier" => (-1, e + 1, !anchored::baseline(cx, start)),
        "later" => (1, e + 1, true),
        "before" if clause_end => (-1, e + 1, !anchored::baseline(cx, start)),
        "after" if clause_end => (1, e + 1, true),
        "from" if cx.is(e + 1, "now") => (1, e + 2, false),
        "hence" => (1, e + 1, false),
        _ => return None,
    };
    // "an hour later" stays a duration, as TimeML marks it.
    if from_prior && sign > 0 && !anchored::calendar_unit(u) {
        return None;
    }
    let Some(n) = q.count() else {
        let v = match (from_prior, sign < 0) {
            // "years later": after the last date, by an unknown amount.
            (true, false) => anchored::unknown(u),
            (_, true) => "PAST_REF",
            (false, false) => "FUTURE_REF",
        };
        return Some(Hit::date(end, v.into(), 0.6));
    };
    // Counts beyond any calendar are not dates ("5000000 years ago").
    if n > 10_000.0 {
        return None;
    }
    let n = n.round() as i64;
    // "a year ago" after a quarter: the same quarter a year before.
    if sign < 0
        && u == Unit::Year
        && n == 1
        && let Some((at, y, qq)) = st.focus()
        && start.saturating_sub(at) < 400
    {
        return Some(Hit::date(end, format!("{:04}-Q{qq}", y - 1), 0.8));
    }
    if from_prior {
        let v = if anchored::calendar_unit(u) {
            anchored::shift(st.last_date, u, sign * n)
        } else {
            // "two hours earlier": the day of the last date.
            anchored::shift(st.last_date, Unit::Day, 0)
        };
        return Some(Hit::date(end, v, 0.8));
    }
    let Some(a) = cx.anchor else {
        return Some(Hit::date(end, XDAY.into(), 0.6));
    };
    let v = match u {
        Unit::Year => format!("{:04}", a.year() as i64 + sign * n),
        Unit::Decade => format!("{:04}", a.year() as i64 + sign * 10 * n),
        Unit::Century => format!("{:04}", a.year() as i64 + sign * 100 * n),
        Unit::Quarter => {
            let (y, qq) =
                calendar::shift_quarter(a.year(), calendar::quarter_of(a), (sign * n) as i32);
            format!("{y:04}-Q{qq}")
        }
        Unit::Month => {
            let (y, m) = calendar::shift_month(a.year(), a.month(), (sign * n) as i32);
            calendar::month_str(y, m)
        }
        Unit::Week => calendar::day_str(calendar::add_days(a, sign * 7 * n)),
        Unit::Fortnight => calendar::day_str(calendar::add_days(a, sign * 14 * n)),
        Unit::Day => calendar::day_str(calendar::add_days(a, sign * n)),
        Unit::Hour | Unit::Minute | Unit::Second => calendar::day_str(a),
    };
    Some(Hit::date(end, v, 0.85))
}

/// A unit counted from the last date of the text (`anchored`): "the
/// following year", "the previous month", "the prior week", "the next
/// day" (shift ±1), "that year", "that day" (no shift). "The next year"
/// and "next week" count from today and are `relative`'s, and so is a
/// comparison baseline ("from the previous year").
pub fn from_last_date(cx: &Cx, i: usize, st: &State) -> Option<Hit> {
    let (n, k) = match cx.w(i) {
        "that" => (0, i + 1),
        "the" => match cx.w(i + 1) {
            "following" => (1, i + 2),
            "previous" | "prior" => (-1, i + 2),
            "next" if cx.is(i + 2, "day") => (1, i + 2),
            _ => return None,
        },
        _ => return None,
    };
    let Lex::Unit(u, false) = cx.lex(k) else {
        return None;
    };
    if cx.cap(k) || !matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
        return None;
    }
    // "up 5% from the previous year": a comparison baseline counts from
    // the reporting period, as `relative` reads it.
    if n < 0 && anchored::baseline(cx, i) {
        return None;
    }
    let v = if u == Unit::Week {
        match st.last_date {
            Some(anchored::Prior::Day(d)) => calendar::week_str(calendar::add_days(d, 7 * n)),
            _ => "XXXX-WXX".to_string(),
        }
    } else {
        // "the previous year" after a quarter is a year, not a quarter.
        let prior = st.last_date.map(|p| match (p, u) {
            (anchored::Prior::Quarter(y, _), Unit::Year) => anchored::Prior::Year(y),
            _ => p,
        });
        anchored::shift(prior, u, n)
    };
    Some(Hit::date(k + 1, v, 0.8))
}

/// "January of that year": the month in the year of the last date, open
/// without one.
pub fn month_of_that_year(cx: &Cx, i: usize, st: &State) -> Option<Hit> {
    let (Lex::Month(m) | Lex::MonthAbbr(m)) = cx.lex(i) else {
        return None;
    };
    if !(cx.cap(i) && cx.is(i + 1, "of") && cx.is(i + 2, "that") && cx.is(i + 3, "year")) {
        return None;
    }
    let v = match st.last_date.and_then(anchored::Prior::year) {
        Some(y) => calendar::month_str(y, m),
        None => format!("XXXX-{m:02}"),
    };
    Some(Hit::date(i + 4, v, 0.8))
}
