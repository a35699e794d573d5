//! Times of day: "3 p.m.", "7:15 a.m. EST", "10 o'clock", "noon Thursday",
//! "midnight", "15:00 GMT"; a directly following day word ("3 p.m. Friday",
//! "noon tomorrow") sets the date, otherwise the reference date does. Also
//! bare parts of day after a position word ("mid-afternoon", "late night").

use super::calendar;
use super::cx::{Cx, Hit};
use super::lexicon::Lex;
use super::tense;
use crate::model::TimexType;
use chrono::NaiveDate;

const ZONES: [&str; 16] = [
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest",
    "et", "pt", "jst",
];

/// "a.m." / "am" / "p.m." / "pm" at `i`: `(is_pm, end)`.
fn meridiem(cx: &Cx, i: usize) -> Option<(bool, usize)> {
    match cx.w(i) {
        "am" | "pm" => Some((cx.is(i, "pm"), i + 1)),
        "a" | "p"
            if cx.punct(i + 1, '.') && cx.glued(i + 1) && cx.is(i + 2, "m") && cx.glued(i + 2) =>
        {
            let mut e = i + 3;
            if cx.punct(e, '.') && cx.glued(e) {
                e += 1;
            }
            Some((cx.is(i, "p"), e))
        }
        _ => None,
    }
}

/// The day a time is set on, from the words right after it.
fn day_after(cx: &Cx, i: usize) -> (Option<NaiveDate>, usize) {
    let a = cx.anchor;
    let m = if cx.punct(i, ',') { i + 1 } else { i };
    if super::absolute::month_at(cx, m).is_some()
        && let Some(h) = super::absolute::month_led(cx, m, true)
        && let Ok(d) = NaiveDate::parse_from_str(&h.value, "%Y-%m-%d")
    {
        return (Some(d), h.end);
    }
    match cx.lex(i) {
        Lex::Deictic(off) => (a.map(|a| calendar::add_days(a, off as i64)), i + 1),
        Lex::Weekday(wd) if cx.cap(i) => {
            let lean = tense::lean(cx, i, i + 1);
            (
                a.map(|a| calendar::resolve_weekday(a, wd, lean, false)),
                i + 1,
            )
        }
        _ => (a, i),
    }
}

fn time_hit(cx: &Cx, h: u32, m: u32, e: usize) -> Hit {
    let mut e = e;
    if cx.is_any(e, &ZONES) {
        e += 1;
    } else if cx.is(e, "local") && cx.is(e + 1, "time") {
        e += 2;
    }
    let (day, end) = day_after(cx, e);
    let d = day.map_or_else(|| "XXXX-XX-XX".to_string(), calendar::day_str);
    let v = if h == 24 {
        format!("{d}T24:00")
    } else {
        format!("{d}T{h:02}:{m:02}")
    };
    Hit::new(end, v, TimexType::Time, 0.9)
}

/// A clock time starting at `i`.
pub fn clock(cx: &Cx, i: usize) -> Option<Hit> {
    if let Lex::ClockWord(h) = cx.lex(i) {
        return Some(time_hit(cx, h, 0, i + 1));
    }
    // "7:30" or, before a meridiem, "10.30 a.m.".
    let colon = cx.punct(i + 1, ':');
    let dotted = cx.punct(i + 1, '.') && meridiem(cx, i + 3).is_some();
    let minutes = (colon || dotted) && cx.glued(i + 1) && cx.glued(i + 2) && cx.digits(i + 2) == 2;
    let h = cx
        .num(i)
        .filter(|_| cx.digits(i) <= 2 && (minutes || !cx.glued_number(i)))?;
    let (m, e) = if minutes {
        (cx.num(i + 2)?, i + 3)
    } else {
        (0, i + 1)
    };
    if m > 59 {
        return None;
    }
    if let Some((pm, e2)) = meridiem(cx, e) {
        if !(1..=12).contains(&h) {
            return None;
        }
        let h24 = match (pm, h) {
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, 12) => 0,
            (false, h) => h,
        };
        return Some(time_hit(cx, h24, m, e2));
    }
    if cx.is(e, "o") && cx.punct(e + 1, '\'') && cx.is(e + 2, "clock") && (1..=12).contains(&h) {
        return Some(time_hit(cx, h, m, e + 3));
    }
    // 24-hour "15:00" needs a zone or a preposition that makes it a time.
    if e == i + 3 && h <= 24 {
        let zone = cx.is_any(e, &ZONES);
        let prep = i >= 1
            && cx.is_any(
                i - 1,
                &[
                    "at", "until", "till", "by", "before", "after", "around", "about", "from",
                ],
            );
        if zone || prep {
            return Some(time_hit(cx, h, m, e));
        }
    }
    None
}

/// A part of day after a position prefix: "mid-afternoon", "late night".
pub fn bare_pod(cx: &Cx, i: usize) -> Option<Hit> {
    let Lex::Pod(p) = cx.lex(i) else {
        return None;
    };
    if i >= 1 && cx.is(i - 1, "the") {
        return None;
    }
    let (day, end) = day_after(cx, i + 1);
    let d = day.map_or_else(|| "XXXX-XX-XX".to_string(), calendar::day_str);
    Some(Hit::new(
        end,
        format!("{d}{}", p.code()),
        TimexType::Time,
        0.7,
    ))
}
