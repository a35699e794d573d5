//! Which way an underspecified date points: the nearest tense cue in the
//! clause around the expression ("will meet on Friday" leans forward, "said
//! on Friday" backward). Used for bare weekdays, yearless dates and months.
//! Reporting verbs ("said") are skipped: they date the statement, not the
//! event; passive participles ("to be completed") are not past tense.

use super::calendar::Lean;
use super::cx::Cx;
use super::lexicon::Lex;
use super::token::Kind;

const FUTURE: [&str; 16] = [
    "will",
    "shall",
    "ll",
    "wo",
    "planned",
    "planning",
    "scheduled",
    "slated",
    "expected",
    "expects",
    "expect",
    "upcoming",
    "tomorrow",
    "payable",
    "effective",
    "deadline",
];

const PAST: [&str; 14] = [
    "was",
    "were",
    "had",
    "did",
    "ago",
    "earlier",
    "since",
    "yesterday",
    "took",
    "met",
    "held",
    "began",
    "came",
    "went",
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

const BE: [&str; 7] = ["be", "been", "being", "is", "are", "get", "gets"];

fn cue(cx: &Cx, i: usize) -> Option<Lean> {
    let t = cx.tok(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let w = cx.w(i);
    match w {
        "plan" | "plans" | "going" if cx.is(i + 1, "to") => return Some(Lean::Future),
        // "is supposed to", "is due to"; "had been due to" looks back.
        "supposed" | "due" | "set" if cx.is(i + 1, "to") => {
            let past = i >= 1 && cx.is_any(i - 1, &["was", "were", "been", "had"]);
            return Some(if past { Lean::Past } else { Lean::Future });
        }
        // "the visit, which begins on Monday": an event's start told in
        // the present is ahead.
        "begins" | "starts" | "opens" | "resumes" | "kicks" => return Some(Lean::Future),
        "next" | "coming" | "last" => {
            return match cx.lex(i + 1) {
                Lex::Unit(..) | Lex::Weekday(_) | Lex::Month(_) | Lex::Season(_) => {
                    Some(if w == "last" {
                        Lean::Past
                    } else {
                        Lean::Future
                    })
                }
                _ => None,
            };
        }
        _ => {}
    }
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
        let passive = i >= 1 && cx.is_any(i - 1, &BE);
        return (!passive).then_some(Lean::Past);
    }
    None
}

/// Quotation marks end the clause a cue may come from.
fn quote(cx: &Cx, i: usize) -> bool {
    cx.tok(i).is_some_and(|t| {
        t.kind == Kind::Punct && matches!(t.ch, '"' | '`' | '\u{201c}' | '\u{201d}')
    })
}

/// The lean of the clause around tokens `[start, end)`.
pub fn lean(cx: &Cx, start: usize, end: usize) -> Lean {
    // "by Dec. 15", "until January": a deadline ahead.
    if start >= 1 && cx.is_any(start - 1, &["until", "till", "through", "by"]) {
        let mut back = start - 1;
        let mut fut = true;
        for _ in 0..4 {
            if back == 0 {
                break;
            }
            back -= 1;
            if matches!(cue(cx, back), Some(Lean::Past)) && !cx.is(back, "since") {
                fut = false;
            }
        }
        if fut {
            return Lean::Future;
        }
    }
    // "the itinerary for Tuesday": a plan for a day ahead.
    if start >= 1 && cx.is(start - 1, "for") && matches!(cx.lex(start), Lex::Weekday(_)) {
        let past_after = (end..(end + 4).min(cx.len()))
            .take_while(|&j| !cx.boundary(j))
            .any(|j| matches!(cue(cx, j), Some(Lean::Past)));
        if !past_after {
            return Lean::Future;
        }
    }
    let mut back = None;
    let mut i = start;
    let mut steps = 0;
    while i > 0 && steps < 16 {
        i -= 1;
        steps += 1;
        if cx.boundary(i) || quote(cx, i) {
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
        if cx.boundary(j) || quote(cx, j) {
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
