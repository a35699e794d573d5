//! Calendar words inside names, which date nothing: "USA Today", "the Today
//! programme", "the Sunday Times", "the Daily Mail", "Mail on Sunday",
//! "Black Friday". Capitalisation decides most of them; the few a rule
//! cannot tell from a date ("the Mail on Sunday" beside "the Oval Office on
//! Sunday") are listed in `data/timex/calendar_names.txt`, and the nouns
//! that make a day word a programme's title in `data/timex/title_nouns.txt`.
//! "Today, Ana Pelk said" and "on Sunday" stay dates.

use super::cx::Cx;
use super::lexicon::{Lex, data_lines};
use super::token::Kind;
use crate::hash::FastSet;
use std::sync::LazyLock;

/// One word of a listed name.
enum Part {
    /// Lowercase text; whether the text must capitalise it.
    Word(&'static str, bool),
    /// Any capitalised weekday name.
    Weekday,
}

static LISTED: LazyLock<Vec<Vec<Part>>> = LazyLock::new(|| {
    data_lines(include_str!("../../../data/timex/calendar_names.txt"))
        .map(|l| {
            l.split_whitespace()
                .map(|w| {
                    if w == "<weekday>" {
                        Part::Weekday
                    } else {
                        let cap = w.starts_with(|c: char| c.is_ascii_uppercase());
                        // Leaked once per listed word, for the life of the program.
                        let lower: &'static str =
                            Box::leak(w.to_ascii_lowercase().into_boxed_str());
                        Part::Word(lower, cap)
                    }
                })
                .collect()
        })
        .collect()
});

static TITLE_NOUNS: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../../../data/timex/title_nouns.txt")).collect());

fn word(cx: &Cx, i: usize) -> bool {
    cx.kind(i) == Some(Kind::Word)
}

/// Token `i` is on the same line as token `i - 1`.
fn same_line(cx: &Cx, i: usize) -> bool {
    cx.tok(i).is_some_and(|t| t.newlines == 0)
}

fn matches(cx: &Cx, i: usize, p: &Part) -> bool {
    match *p {
        Part::Word(w, cap) => word(cx, i) && cx.w(i) == w && (!cap || cx.cap(i)),
        Part::Weekday => matches!(cx.lex(i), Lex::Weekday(_)) && cx.cap(i),
    }
}

/// Token `i` is part of a name listed in the data file.
fn listed(cx: &Cx, i: usize) -> bool {
    LISTED.iter().any(|name| {
        (0..name.len()).any(|at| {
            i >= at
                && name
                    .iter()
                    .enumerate()
                    .all(|(k, p)| matches(cx, i - at + k, p))
        })
    })
}

/// A capitalised word after `i` on the same line that is not itself
/// temporal ("Times" in "the Sunday Times", "Mail" in "Daily Mail").
fn capital_after(cx: &Cx, i: usize) -> bool {
    word(cx, i + 1) && cx.cap(i + 1) && cx.lex(i + 1) == Lex::None && same_line(cx, i + 1)
}

fn shout(cx: &Cx, i: usize) -> bool {
    cx.tok(i).is_some_and(|t| t.shout)
}

/// Token `i` sits in a line written all in capitals ("TALKS TO RESUME
/// TODAY"), where capitals tell nothing.
fn shouted(cx: &Cx, i: usize) -> bool {
    let before = i >= 1 && shout(cx, i - 1);
    let before2 = i >= 2 && shout(cx, i - 2);
    shout(cx, i)
        && ((before && (before2 || shout(cx, i + 1))) || (shout(cx, i + 1) && shout(cx, i + 2)))
}

/// Whether the calendar word at `i` (a weekday, "today", "daily", ...) is
/// part of a name rather than a date.
pub fn inside_name(cx: &Cx, i: usize) -> bool {
    if !cx.cap(i) {
        return false;
    }
    if listed(cx, i) {
        return true;
    }
    if shouted(cx, i) {
        return false;
    }
    let lex = cx.lex(i);
    let deictic = matches!(lex, Lex::Deictic(_) | Lex::Tonight);
    // "USA Today", "on the Today programme": a capitalised "today" in
    // mid-sentence is a title.
    if deictic && i >= 1 && word(cx, i - 1) && same_line(cx, i) {
        return true;
    }
    // "Today show host Ana Pelk".
    if deictic && word(cx, i + 1) && TITLE_NOUNS.contains(cx.w(i + 1)) {
        return true;
    }
    // "the Sunday Times", "a Sunday Telegraph reporter": a determiner, then
    // a run of capitals.
    if i >= 1 && cx.is_any(i - 1, &["the", "a", "an"]) && capital_after(cx, i) {
        return true;
    }
    // "Daily Mail", "Weekly Standard": a frequency word in a capitalised run.
    matches!(lex, Lex::Every(_)) && capital_after(cx, i)
}
