//! Which way an underspecified date points: the nearest tense cue in the
//! clause around the expression ("will meet on Friday" leans forward, "said
//! on Friday" backward). Used for bare weekdays, yearless dates and months.

use super::calendar::Lean;
use super::cx::Cx;
use super::token::Kind;

const FUTURE: [&str; 20] = [
    "will",
    "shall",
    "ll",
    "wo",
    "going",
    "plans",
    "plan",
    "planning",
    "scheduled",
    "slated",
    "expected",
    "expects",
    "expect",
    "due",
    "upcoming",
    "coming",
    "next",
    "tomorrow",
    "would",
    "starting",
];

const PAST: [&str; 16] = [
    "was",
    "were",
    "had",
    "did",
    "ago",
    "last",
    "earlier",
    "since",
    "yesterday",
    "took",
    "met",
    "held",
    "began",
    "came",
    "went",
    "made",
];

/// Reporting verbs say when something was said, not when it happens.
const REPORTING: [&str; 8] = [
    "said",
    "announced",
    "reported",
    "added",
    "stated",
    "told",
    "noted",
    "confirmed",
];

fn cue(cx: &Cx, i: usize) -> Option<Lean> {
    let t = cx.tok(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let w = cx.w(i);
    if FUTURE.contains(&w) {
        return Some(Lean::Future);
    }
    if PAST.contains(&w) {
        return Some(Lean::Past);
    }
    if REPORTING.contains(&w) {
        return None;
    }
    if w.len() >= 5 && w.ends_with("ed") && !t.cap {
        return Some(Lean::Past);
    }
    None
}

/// The lean of the clause around tokens `[start, end)`.
pub fn lean(cx: &Cx, start: usize, end: usize) -> Lean {
    let mut back = None;
    let mut i = start;
    let mut steps = 0;
    while i > 0 && steps < 14 {
        i -= 1;
        steps += 1;
        if cx.boundary(i) {
            break;
        }
        if let Some(l) = cue(cx, i) {
            back = Some((steps, l));
            break;
        }
    }
    let mut fwd = None;
    let mut j = end;
    let mut steps = 0;
    while j < cx.len() && steps < 8 {
        if cx.boundary(j) {
            break;
        }
        steps += 1;
        if let Some(l) = cue(cx, j) {
            fwd = Some((steps, l));
            break;
        }
        j += 1;
    }
    match (back, fwd) {
        (Some((db, lb)), Some((df, lf))) => {
            if db <= df + 2 {
                lb
            } else {
                lf
            }
        }
        (Some((_, l)), None) | (None, Some((_, l))) => l,
        (None, None) => Lean::Unknown,
    }
}
