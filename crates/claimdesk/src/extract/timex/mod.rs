//! Temporal expressions (TimeML TIMEX3): extents, types and normalized
//! values, resolved against the article's dateline or publication date.
//!
//! The recognizer is rule-based and regex-free: `token` splits the text,
//! `lexicon` classes the words, `matcher` scans once and tries the rule
//! families (`absolute`, `relative`, `durations`, `clock`, `fiscal`,
//! `vague`) at each token that can open an expression, keeping the longest
//! match. `dateline` finds the reference date, `tense` decides which way an
//! underspecified date points, `calendar` does the arithmetic with chrono.
//! `anchored` counts "a year later" from the last date the scan found, and
//! `names` keeps day words inside names ("USA Today") from being dates.

mod absolute;
mod anchored;
mod calendar;
mod clock;
mod cx;
mod dateline;
mod durations;
mod fiscal;
mod lexicon;
mod matcher;
mod names;
mod quantity;
mod relative;
mod tense;
mod token;
mod vague;

/// A word that names a month, a weekday or a day relative to today,
/// normalized ("Nov", "Nov." and "November" are one month). Other modules
/// (loading datelines, comparing revisions) use it so that there is one
/// calendar vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateWord {
    /// 1-12.
    Month(u32),
    /// ISO number, 1 (Monday) - 7 (Sunday).
    Weekday(u32),
    /// today (0), yesterday (-1), tomorrow (1).
    Deictic(i32),
    Tonight,
}

impl DateWord {
    /// The word's full lowercase name ("november", "friday", "today").
    pub fn name(self) -> &'static str {
        match self {
            DateWord::Month(m) => lexicon::month_name(m),
            DateWord::Weekday(d) => lexicon::weekday_name(d),
            DateWord::Deictic(-1) => "yesterday",
            DateWord::Deictic(1) => "tomorrow",
            DateWord::Deictic(_) => "today",
            DateWord::Tonight => "tonight",
        }
    }
}

/// The calendar word `word` names, in any case, with or without a trailing
/// full stop ("Sept." → September).
pub fn date_word(word: &str) -> Option<DateWord> {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    match lexicon::classify(&lower) {
        lexicon::Lex::Month(m) | lexicon::Lex::MonthAbbr(m) => Some(DateWord::Month(m)),
        lexicon::Lex::Weekday(d) => Some(DateWord::Weekday(d)),
        lexicon::Lex::Deictic(d) => Some(DateWord::Deictic(d)),
        lexicon::Lex::Tonight => Some(DateWord::Tonight),
        _ => None,
    }
}

/// The value of a whole text that is one ordinal in words ("thirteenth",
/// "twenty-first"), as the temporal rules read it (day of a month,
/// century); `None` for anything else.
#[cfg(test)]
pub(crate) fn read_ordinal(text: &str) -> Option<u32> {
    let lower = text.to_ascii_lowercase();
    let cx = cx::Cx::new(text, &lower, None);
    cx.ordinal(0)
        .filter(|&(_, end)| end == cx.len())
        .map(|(n, _)| n)
}

#[cfg(test)]
mod tests;

use crate::model::TimexType;
use chrono::NaiveDate;

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    /// TimeML value (`2025-11-28`, `2025-W49`, `P3Y`, `XXXX-11-28`, ...).
    pub value: String,
    pub timex_type: TimexType,
    pub confidence: f32,
}

/// The temporal expressions of `text`, in order, non-overlapping, with byte
/// offsets on character boundaries. Relative expressions are resolved
/// against the dateline's date when the text opens with one, else against
/// `published`.
pub fn find(text: &str, published: Option<NaiveDate>) -> Vec<Timex> {
    let lower = text.to_ascii_lowercase();
    let mut cx = cx::Cx::new(text, &lower, published);
    cx.anchor = dateline::find(&cx, published).or(published);
    matcher::scan(&cx)
        .into_iter()
        .filter_map(|f| {
            let (start, end) = cx.span(f.first, f.hit.end)?;
            Some(Timex {
                start,
                end,
                value: f.hit.value,
                timex_type: f.hit.ty,
                confidence: f.hit.conf,
            })
        })
        .collect()
}

/// The reference date of `text`: the date of a leading dateline ("SEOUL,
/// June 19 -"), resolved with the publication year, else `published`.
pub fn anchor(text: &str, published: Option<NaiveDate>) -> Option<NaiveDate> {
    let mut cut = text.len().min(2000);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let lower = head.to_ascii_lowercase();
    let cx = cx::Cx::new(head, &lower, published);
    dateline::find(&cx, published).or(published)
}
