//! Vague temporal references: PRESENT_REF ("now", "currently", "these
//! days"), PAST_REF ("recently", "in the past") and FUTURE_REF ("the
//! future", "the near term"), plus the named holidays. The references are
//! optional in the claims contract but TimeML annotates them. "soon" and
//! "previously" are left out: TimeBank marks them too rarely to pay.

use super::cx::{Cx, Hit};
use super::token::Kind;

fn hit(end: usize, v: &str) -> Option<Hit> {
    Some(Hit::date(end, v.to_string(), 0.5).bare())
}

fn with_det(end: usize, v: &str) -> Option<Hit> {
    Some(Hit::date(end, v.to_string(), 0.5))
}

pub fn vague(cx: &Cx, i: usize) -> Option<Hit> {
    let w = cx.w(i);
    let prev_the = i >= 1 && cx.is(i - 1, "the");
    match w {
        "now" => hit(i + 1, "PRESENT_REF"),
        "right" if cx.is(i + 1, "now") => hit(i + 2, "PRESENT_REF"),
        "currently" | "nowadays" | "presently" => hit(i + 1, "PRESENT_REF"),
        "current" if !cx.cap(i) || i == 0 || cx.boundary(i - 1) => hit(i + 1, "PRESENT_REF"),
        "these" if cx.is(i + 1, "days") => hit(i + 2, "PRESENT_REF"),
        "recently" | "lately" | "recent" => hit(i + 1, "PAST_REF"),
        "future" if prev_the || (i >= 1 && cx.is(i - 1, "near")) => with_det(i + 1, "FUTURE_REF"),
        // "in the past", "the past, ...": not "the past president".
        "past"
            if prev_the
                && (!cx
                    .tok(i + 1)
                    .is_some_and(|t| t.kind == Kind::Word || t.kind == Kind::Num)
                    || (i >= 2 && cx.is_any(i - 2, &["in", "from", "than", "like"]))) =>
        {
            with_det(i + 1, "PAST_REF")
        }
        "near" | "short" | "long" if prev_the && cx.is(i + 1, "term") => {
            with_det(i + 2, "FUTURE_REF")
        }
        "near" if prev_the && cx.is(i + 1, "future") => with_det(i + 2, "FUTURE_REF"),
        _ => None,
    }
}

/// Named holidays with fixed or computable dates.
pub fn holiday(cx: &Cx, i: usize) -> Option<(u32, u32, usize)> {
    if !cx.cap(i) {
        return None;
    }
    let w = cx.w(i);
    let day = cx.is(i + 1, "day") && cx.cap(i + 1);
    let eve = cx.is(i + 1, "eve") && cx.cap(i + 1);
    match w {
        "christmas" if eve => Some((12, 24, i + 2)),
        "christmas" if day => Some((12, 25, i + 2)),
        "christmas" => Some((12, 25, i + 1)),
        "halloween" => Some((10, 31, i + 1)),
        "independence" if day => Some((7, 4, i + 2)),
        "new"
            if cx.is(i + 1, "year")
                && cx.cap(i + 1)
                && (cx.punct(i + 2, '\'') || cx.punct(i + 2, '\u{2019}'))
                && cx.is(i + 3, "s") =>
        {
            if cx.is(i + 4, "day") && cx.cap(i + 4) {
                Some((1, 1, i + 5))
            } else if cx.is(i + 4, "eve") && cx.cap(i + 4) {
                Some((12, 31, i + 5))
            } else {
                None
            }
        }
        // Thanksgiving / Easter move: month 0 signals "computed".
        "thanksgiving" => Some((0, 1, if day { i + 2 } else { i + 1 })),
        "easter"
            if !cx.tok(i + 1).is_some_and(|t| t.cap && t.kind == Kind::Word)
                || cx.is(i + 1, "sunday") =>
        {
            Some((0, 2, if cx.is(i + 1, "sunday") { i + 2 } else { i + 1 }))
        }
        _ => None,
    }
}
