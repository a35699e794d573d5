//! Durations and sets: "three years", "two more weeks", "63-year-old",
//! "several months", bare "years", "recent weeks"; and recurring times:
//! "every week", "each July", "daily", "twice a year", "$5 a year".
//! A count and unit followed by "ago"/"earlier"/"later" is handed to
//! `relative::ago`, which makes it a date.

use super::cx::{Cx, Hit, State};
use super::lexicon::{Lex, Unit};
use super::names;
use super::quantity::{self, Qty};
use super::relative;
use super::token::Kind;
use crate::model::TimexType;

/// Nouns an adjectival duration may carry: "a three-year period".
const SPAN_NOUNS: [&str; 6] = ["period", "term", "span", "stretch", "stint", "window"];

/// Words before "a year"/"a day" that make it a rate ("$5 a year", "twice a week").
fn rate_context(cx: &Cx, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let p = i - 1;
    if cx.num(p).is_some() || cx.punct(p, '%') {
        return true;
    }
    cx.is_any(
        p,
        &[
            "percent", "cents", "dollars", "million", "billion", "times", "once", "twice",
            "pounds", "euros", "yen", "barrels", "tons", "hours", "trillion", "thousand",
        ],
    )
}

/// Count + unit: a duration, a rate, or (with "ago") a date.
pub fn counted(cx: &Cx, i: usize, st: &State) -> Option<Hit> {
    let (q, e) = quantity::quantity(cx, i)?;
    // Adjectival: "63-year-old", "two-year", "a three-year period".
    let (u, plural, mut end, adjectival) = if cx.hyphen(e) && cx.glued(e) {
        let (u, _, e2) = quantity::unit(cx, e + 1)?;
        (u, false, e2, true)
    } else if let Some((u, pl, e2)) = quantity::unit(cx, e) {
        (u, pl, e2, false)
    } else if q == Qty::Article && cx.hyphen(e + 1) && cx.glued(e + 1) {
        // "a three-year period": the article joins the adjective.
        let (q2, e2) = quantity::quantity(cx, e)?;
        let (u, _, e3) = quantity::unit(cx, e2 + 1)?;
        let mut end = e3;
        let mut skip = 1;
        if cx.hyphen(end) && cx.glued(end) && cx.is(end + 1, "old") {
            end += 2;
        } else if cx.is_any(end, &SPAN_NOUNS) {
            end += 1;
            skip = 0;
        }
        let mut h = Hit::duration(end, quantity::duration_value(q2, u), 0.85).bare();
        h.skip = skip;
        return Some(h);
    } else {
        return None;
    };
    // "the twenty-second meeting": an ordinal, not twenty seconds.
    if adjectival && i > 0 && cx.is(i - 1, "the") && cx.ordinal(i).is_some_and(|(_, o)| o == end) {
        return None;
    }
    if !adjectival
        && cx.hyphen(end)
        && cx.glued(end)
        && cx.is_any(end + 1, &["earlier", "ago", "end", "long", "old", "over"])
    {
        return None;
    }
    if !adjectival && let Some(h) = relative::ago(cx, q, u, end, st, i) {
        return Some(h);
    }
    if cx.is_any(end, &["quarter", "half"]) || (u == Unit::Quarter && cx.is(end, "of")) {
        return None;
    }
    if let (Some(n), false) = (cx.num(i), plural)
        && n != 1
        && cx.digits(i) >= 3
    {
        return None;
    }
    if q == Qty::Article {
        if matches!(u, Unit::Second | Unit::Quarter) || plural {
            return None;
        }
        // "once a week", "$5 a year": a rate.
        if rate_context(cx, i) {
            return Some(Hit::new(
                end,
                quantity::duration_value(Qty::N(1.0), u),
                TimexType::Set,
                0.75,
            ));
        }
    }
    if let Qty::N(n) = q {
        // "second(s)" only counts with a real number; "1 quarter" is rare noise.
        if u == Unit::Second && n == 1.0 && cx.num(i).is_none() && cx.is(i, "a") {
            return None;
        }
        if n > 100_000.0 {
            return None;
        }
    }
    if adjectival {
        if u == Unit::Quarter {
            // "three-quarters" is a fraction.
            return None;
        }
        if cx.hyphen(end) && cx.glued(end) && cx.is(end + 1, "old") {
            end += 2;
            return Some(Hit::duration(end, quantity::duration_value(q, u), 0.85).bare());
        } else if cx.is_any(end, &SPAN_NOUNS) {
            end += 1;
        } else {
            return Some(Hit::duration(end, quantity::duration_value(q, u), 0.85).bare());
        }
        return Some(Hit::duration(end, quantity::duration_value(q, u), 0.85));
    }
    // "three years old": the age is the duration.
    Some(Hit::duration(end, quantity::duration_value(q, u), 0.85))
}

/// Bare plural units: "for years", "in recent weeks", "coming months".
pub fn bare_units(cx: &Cx, i: usize, st: &State) -> Option<Hit> {
    let (start_mod, k) = if cx.is_any(
        i,
        &[
            "recent", "coming", "ensuing", "past", "last", "next", "upcoming",
        ],
    ) {
        (true, i + 1)
    } else {
        (false, i)
    };
    let Lex::Unit(u, true) = cx.lex(k) else {
        return None;
    };
    if !start_mod {
        if matches!(u, Unit::Quarter | Unit::Second | Unit::Minute) {
            return None;
        }
        if cx.cap(k) && k >= 1 && !cx.boundary(k - 1) {
            return None;
        }
        if cx.is(k + 1, "old") {
            return None;
        }
        if k >= 1
            && cx.is_any(
                k - 1,
                &["the", "those", "these", "their", "his", "her", "our", "its"],
            )
            && !cx.is_any(k + 1, &["ahead", "since"])
        {
            return None;
        }
    }
    if let Some(h) = relative::ago(cx, Qty::Vague, u, k + 1, st, i) {
        return Some(h);
    }
    let mut end = k + 1;
    if cx.is(end, "ahead") {
        end += 1;
    }
    Some(Hit::duration(
        end,
        quantity::duration_value(Qty::Vague, u),
        0.6,
    ))
}

/// "every week", "each July", "every two years", "every Friday", "each morning".
pub fn every(cx: &Cx, i: usize) -> Option<Hit> {
    if !cx.is_any(i, &["every", "each", "per"]) {
        return None;
    }
    let k = i + 1;
    if cx.is(k, "other")
        && let Some((u, false, e)) = quantity::unit(cx, k + 1)
    {
        return Some(Hit::new(
            e,
            quantity::duration_value(Qty::N(2.0), u),
            TimexType::Set,
            0.8,
        ));
    }
    if let Some((q, e)) = quantity::quantity(cx, k)
        && q != Qty::Article
        && let Some((u, _, e2)) = quantity::unit(cx, e)
    {
        return Some(Hit::new(
            e2,
            quantity::duration_value(q, u),
            TimexType::Set,
            0.8,
        ));
    }
    match cx.lex(k) {
        Lex::Unit(u, false) if !(cx.is(i, "per") && u == Unit::Second) => Some(Hit::new(
            k + 1,
            quantity::duration_value(Qty::N(1.0), u),
            TimexType::Set,
            0.85,
        )),
        Lex::Weekday(wd) if cx.cap(k) && !cx.is(i, "per") => Some(Hit::new(
            k + 1,
            format!("XXXX-WXX-{wd}"),
            TimexType::Set,
            0.85,
        )),
        Lex::Month(m) if cx.cap(k) && !cx.is(i, "per") => Some(Hit::new(
            k + 1,
            format!("XXXX-{m:02}"),
            TimexType::Set,
            0.85,
        )),
        Lex::Pod(p) if !cx.is(i, "per") => Some(Hit::new(
            k + 1,
            format!("XXXX-XX-XX{}", p.code()),
            TimexType::Set,
            0.8,
        )),
        Lex::Season(s) if !cx.is(i, "per") => Some(Hit::new(
            k + 1,
            format!("XXXX-{}", s.code()),
            TimexType::Set,
            0.8,
        )),
        _ => None,
    }
}

/// "daily", "weekly", "annually", "quarterly", "hourly".
pub fn frequency(cx: &Cx, i: usize) -> Option<Hit> {
    let Lex::Every(u) = cx.lex(i) else {
        return None;
    };
    if cx.tok(i).is_some_and(|t| t.cap)
        && i >= 1
        && !cx.boundary(i - 1)
        && cx.tok(i - 1).is_some_and(|t| t.kind == Kind::Word && t.cap)
    {
        // "New York Weekly", "The Daily Mail" opening a sentence.
        return None;
    }
    // "the Daily Mail", "Weekly Standard".
    if names::inside_name(cx, i) {
        return None;
    }
    let v = match u {
        Unit::Quarter => "P3M".to_string(),
        _ => quantity::duration_value(Qty::N(1.0), u),
    };
    Some(Hit::new(i + 1, v, TimexType::Set, 0.75).bare())
}

/// "twice a week", "three times a year", "once a month".
pub fn times_per(cx: &Cx, i: usize) -> Option<Hit> {
    let k = if cx.is_any(i, &["once", "twice"]) {
        i + 1
    } else {
        let (q, e) = quantity::quantity(cx, i)?;
        if q == Qty::Article || !cx.is(e, "times") {
            return None;
        }
        e + 1
    };
    if !cx.is_any(k, &["a", "an", "per", "each", "every"]) {
        return None;
    }
    let Lex::Unit(u, false) = cx.lex(k + 1) else {
        return None;
    };
    Some(Hit::new(
        k + 2,
        quantity::duration_value(Qty::N(1.0), u),
        TimexType::Set,
        0.8,
    ))
}
