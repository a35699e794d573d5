//! Dates told relative to an earlier date of the same text, not to the
//! publication: "a year later", "two weeks later", "a month earlier",
//! "three days after.", "the following year", "the next day". The scan
//! remembers the most recent date it found (`Prior`); these expressions are
//! that date shifted, at the granularity their unit gives ("In 2009 … a
//! year later" → 2010; "on March 3 … two days later" → March 5). With no
//! earlier date, or one whose value is itself unknown, the value stays
//! unknown (`XXXX`, `XXXX-XX`, `XXXX-XX-XX`): the publication date is never
//! a stand-in, since "a year later" says nothing about today. A comparison
//! baseline ("profit rose from a year earlier") is the exception: it counts
//! from the reporting period, like "a year ago".

use super::calendar;
use super::cx::Cx;
use super::lexicon::{Unit, data_lines};
use crate::hash::FastSet;
use chrono::{Datelike, NaiveDate};
use std::sync::LazyLock;

static COMPARISON: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    data_lines(include_str!("../../../data/timex/comparison_words.txt")).collect()
});

/// The point inside "3.2".
fn decimal_point(cx: &Cx, k: usize) -> bool {
    k >= 1
        && cx.punct(k, '.')
        && cx.num(k - 1).is_some()
        && cx.num(k + 1).is_some()
        && cx.glued(k)
        && cx.glued(k + 1)
}

/// The count opening at `start` is a comparison baseline ("up 5% from a
/// year earlier", "from 3.1 mln dlrs a year before"): a comparison word
/// at most eight tokens before it in the same clause, or a number or "%"
/// right before. It counts from the period the text reports, not from the
/// last date named.
pub fn baseline(cx: &Cx, start: usize) -> bool {
    if start >= 1 && (cx.num(start - 1).is_some() || cx.punct(start - 1, '%')) {
        return true;
    }
    (start.saturating_sub(8)..start)
        .rev()
        .take_while(|&k| (!cx.boundary(k) || decimal_point(cx, k)) && !cx.punct(k, ','))
        .any(|k| COMPARISON.contains(cx.w(k)))
}

/// The last date the scan found, as far as its value is known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Prior {
    Year(i32),
    Quarter(i32, u32),
    Month(i32, u32),
    Day(NaiveDate),
    /// A date whose value the text leaves open ("the 1990s", "XXXX-05").
    Unknown,
}

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

impl Prior {
    /// The prior a DATE or TIME value gives; `None` for the vague
    /// references (`PRESENT_REF`, ...), which date nothing.
    pub fn of_value(v: &str) -> Option<Prior> {
        if v.ends_with("_REF") {
            return None;
        }
        // Drop a time of day: "2025-11-28T15:00", "2025-11-28TAF".
        let date = v.split('T').next().unwrap_or(v);
        let mut parts = date.split('-');
        let Some(y) = parts.next().filter(|y| y.len() == 4).and_then(digits) else {
            return Some(Prior::Unknown);
        };
        let y = y as i32;
        let Some(second) = parts.next() else {
            return Some(Prior::Year(y));
        };
        if let Some(q) = second.strip_prefix('Q').and_then(digits) {
            return Some(if (1..=4).contains(&q) {
                Prior::Quarter(y, q)
            } else {
                Prior::Year(y)
            });
        }
        let Some(m) = digits(second).filter(|m| (1..=12).contains(m)) else {
            // Weeks, seasons, halves: the year is known, nothing finer.
            return Some(Prior::Year(y));
        };
        let Some(third) = parts.next() else {
            return Some(Prior::Month(y, m));
        };
        Some(
            digits(third)
                .and_then(|d| NaiveDate::from_ymd_opt(y, m, d))
                .map_or(Prior::Month(y, m), Prior::Day),
        )
    }

    /// The year of the date, when known.
    pub fn year(self) -> Option<i32> {
        match self {
            Prior::Year(y) | Prior::Quarter(y, _) | Prior::Month(y, _) => Some(y),
            Prior::Day(d) => Some(d.year()),
            Prior::Unknown => None,
        }
    }

    fn month(self) -> Option<(i32, u32)> {
        match self {
            Prior::Month(y, m) => Some((y, m)),
            Prior::Day(d) => Some((d.year(), d.month())),
            _ => None,
        }
    }

    fn quarter(self) -> Option<(i32, u32)> {
        match self {
            Prior::Quarter(y, q) => Some((y, q)),
            Prior::Month(y, m) => Some((y, (m - 1) / 3 + 1)),
            Prior::Day(d) => Some((d.year(), calendar::quarter_of(d))),
            _ => None,
        }
    }
}

/// Units an anchored expression can count in: calendar units of a day or
/// more. "Two hours later" stays a duration.
pub fn calendar_unit(u: Unit) -> bool {
    !matches!(u, Unit::Hour | Unit::Minute | Unit::Second)
}

/// The value left open, at the granularity `u` gives.
pub fn unknown(u: Unit) -> &'static str {
    match u {
        Unit::Day | Unit::Week | Unit::Fortnight => "XXXX-XX-XX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        _ => "XXXX",
    }
}

/// `prior` moved by `n` units `u` (negative: earlier), at the unit's
/// granularity; unknown when the prior is missing or too coarse for the
/// unit ("In 2009 … three days later").
pub fn shift(prior: Option<Prior>, u: Unit, n: i64) -> String {
    let Some(p) = prior else {
        return unknown(u).to_string();
    };
    let small = |k: i64| i32::try_from(k).ok();
    let v = match u {
        Unit::Year | Unit::Decade | Unit::Century => {
            let per = match u {
                Unit::Decade => 10,
                Unit::Century => 100,
                _ => 1,
            };
            // "the third quarter … a year later": the same quarter.
            match (p, u) {
                (Prior::Quarter(y, q), Unit::Year) => {
                    small(i64::from(y) + n).map(|y| format!("{y:04}-Q{q}"))
                }
                _ => p
                    .year()
                    .and_then(|y| small(i64::from(y) + per * n))
                    .map(|y| format!("{y:04}")),
            }
        }
        Unit::Quarter => p.quarter().and_then(|(y, q)| {
            let (y, q) = calendar::shift_quarter(y, q, small(n)?);
            Some(format!("{y:04}-Q{q}"))
        }),
        Unit::Month => p.month().and_then(|(y, m)| {
            let (y, m) = calendar::shift_month(y, m, small(n)?);
            Some(calendar::month_str(y, m))
        }),
        Unit::Day | Unit::Week | Unit::Fortnight => match p {
            Prior::Day(d) => {
                let per = match u {
                    Unit::Week => 7,
                    Unit::Fortnight => 14,
                    _ => 1,
                };
                Some(calendar::day_str(calendar::add_days(d, per * n)))
            }
            _ => None,
        },
        Unit::Hour | Unit::Minute | Unit::Second => None,
    };
    v.filter(|v| !v.starts_with('-'))
        .unwrap_or_else(|| unknown(u).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Prior {
        Prior::Day(NaiveDate::from_ymd_opt(y, m, day).expect("test date"))
    }

    #[test]
    fn reads_prior_values() {
        let table = [
            ("2009", Some(Prior::Year(2009))),
            ("2009-03", Some(Prior::Month(2009, 3))),
            ("2009-03-03", Some(d(2009, 3, 3))),
            ("2009-03-03TAF", Some(d(2009, 3, 3))),
            ("2009-03-03T15:00", Some(d(2009, 3, 3))),
            ("2009-Q3", Some(Prior::Quarter(2009, 3))),
            ("2009-W10", Some(Prior::Year(2009))),
            ("2009-SU", Some(Prior::Year(2009))),
            ("XXXX-03-03", Some(Prior::Unknown)),
            ("199", Some(Prior::Unknown)),
            ("PAST_REF", None),
        ];
        for (v, want) in table {
            assert_eq!(Prior::of_value(v), want, "{v}");
        }
    }

    #[test]
    fn shifts_at_the_unit_granularity() {
        let table = [
            (Some(Prior::Year(2009)), Unit::Year, 1, "2010"),
            (Some(d(2009, 3, 3)), Unit::Year, 1, "2010"),
            (Some(d(2009, 3, 3)), Unit::Day, 2, "2009-03-05"),
            (Some(d(2009, 3, 3)), Unit::Week, 2, "2009-03-17"),
            (Some(d(2009, 3, 3)), Unit::Month, -1, "2009-02"),
            (Some(d(2009, 1, 3)), Unit::Month, -1, "2008-12"),
            (Some(Prior::Quarter(2009, 3)), Unit::Year, -1, "2008-Q3"),
            (Some(Prior::Month(2009, 11)), Unit::Quarter, 1, "2010-Q1"),
            (Some(Prior::Year(2009)), Unit::Decade, 1, "2019"),
            (Some(Prior::Year(2009)), Unit::Day, 3, "XXXX-XX-XX"),
            (Some(Prior::Year(2009)), Unit::Month, 6, "XXXX-XX"),
            (Some(Prior::Unknown), Unit::Year, 1, "XXXX"),
            (None, Unit::Year, 1, "XXXX"),
            (None, Unit::Week, 2, "XXXX-XX-XX"),
        ];
        for (p, u, n, want) in table {
            assert_eq!(shift(p, u, n), want, "{p:?} {u:?} {n}");
        }
    }
}
