//! `TimeValue`: one TimeML (TIMEX3) value, typed. It owns reading a value
//! such as `2026-W12`, `2026-H1`, `2026-SU` or `P3Y`, the stretch of days it
//! covers, how precise it is and how it reads in plain English, so that
//! reports, the comparison and the app's timeline agree on weeks, halves
//! and seasons instead of each parsing the string their own way.
//!
//! Conventions: weeks are ISO 8601 weeks (Monday to Sunday; week 1 holds
//! the year's first Thursday), a weekend is that week's Saturday and Sunday,
//! seasons are meteorological and northern (spring March–May, summer
//! June–August, autumn September–November, winter December to the end of
//! the next February), `199X` is the decade 1990–1999 and `19XX` the
//! century 1900–1999.

use crate::model::TimexType;
use chrono::{Month, Months, NaiveDate, Weekday};
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// Why a string is not a TimeML value this type understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a TimeML value: {0:?}")]
pub struct TimeValueError(pub String);

/// How precise a value is: the size of the stretch of calendar it names.
/// Ordered from the finest to the coarsest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Weekend,
    Week,
    Month,
    Quarter,
    Season,
    Half,
    Year,
    Decade,
    Century,
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`: no stretch of calendar.
    Reference,
    /// A length of time (`P3Y`), not a place in the calendar.
    Duration,
    /// A repetition (`every week`, `XXXX-WXX-1`).
    Set,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Weekend => "weekend",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Season => "season",
            Precision::Half => "half",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Century => "century",
            Precision::Reference => "reference",
            Precision::Duration => "duration",
            Precision::Set => "set",
        }
    }
}

/// A meteorological season.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    fn from_code(code: &str) -> Option<Season> {
        match code {
            "SP" => Some(Season::Spring),
            "SU" => Some(Season::Summer),
            "FA" => Some(Season::Autumn),
            "WI" => Some(Season::Winter),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Autumn => "autumn",
            Season::Winter => "winter",
        }
    }

    /// First month of the season.
    fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Autumn => 9,
            Season::Winter => 12,
        }
    }
}

/// The stretch of calendar a date value names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Day(NaiveDate),
    /// ISO year and week (1–53, checked to exist).
    Week(i32, u32),
    /// Saturday and Sunday of an ISO week.
    Weekend(i32, u32),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, Season),
    Year(i32),
    /// First year of the decade (1990 for `199X`).
    Decade(i32),
    /// First year of the century (1900 for `19XX`).
    Century(i32),
    /// `XXXX-11-30`: a day whose year is not stated.
    DayOfUnknownYear(u32, u32),
    /// `XXXX-11`: a month whose year is not stated.
    MonthOfUnknownYear(u32),
    Present,
    Past,
    Future,
}

/// A time of day after a date (`T14:30`, `TEV`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeOfDay {
    Clock(u32, u32),
    Morning,
    Midday,
    Afternoon,
    Evening,
    Night,
    Daytime,
}

/// One amount of a duration: `6` months.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Amount {
    /// As written: digits, possibly with a point, or `X` for "some".
    pub number: String,
    pub unit: &'static str,
}

/// A parsed TimeML value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TimeValue {
    /// A place in the calendar, with an optional time of day.
    Date {
        period: Period,
        time: Option<TimeOfDay>,
    },
    /// A length of time: `P1Y6M`.
    Duration(Vec<Amount>),
    /// A repetition: every `P1W`.
    Every(Vec<Amount>),
    /// A weekday every week: `XXXX-WXX-1` (1 = Monday).
    EveryWeekday(u32),
}

fn num<T: FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn parse_period(v: &str) -> Option<Period> {
    match v {
        "PRESENT_REF" => return Some(Period::Present),
        "PAST_REF" => return Some(Period::Past),
        "FUTURE_REF" => return Some(Period::Future),
        _ => {}
    }
    let parts: Vec<&str> = v.split('-').collect();
    let year = parts.first().copied().unwrap_or("");
    if year == "XXXX" {
        return match parts.as_slice() {
            [_, m] => num::<u32>(m)
                .filter(|m| (1..=12).contains(m))
                .map(Period::MonthOfUnknownYear),
            [_, m, d] => {
                let (m, d) = (num::<u32>(m)?, num::<u32>(d)?);
                // 2000 is a leap year, so 29 February is accepted.
                NaiveDate::from_ymd_opt(2000, m, d)?;
                Some(Period::DayOfUnknownYear(m, d))
            }
            _ => None,
        };
    }
    if year.len() != 4 {
        return None;
    }
    let Some(y) = num::<i32>(year) else {
        return match (parts.len(), year.strip_suffix("XX"), year.strip_suffix('X')) {
            (1, Some(c), _) => num::<i32>(c).map(|c| Period::Century(c * 100)),
            (1, None, Some(d)) => num::<i32>(d).map(|d| Period::Decade(d * 10)),
            _ => None,
        };
    };
    match parts.as_slice() {
        [_] => Some(Period::Year(y)),
        [_, p] => {
            if let Some(s) = Season::from_code(p) {
                Some(Period::Season(y, s))
            } else if let Some(w) = p.strip_prefix('W') {
                let w = num::<u32>(w)?;
                NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                Some(Period::Week(y, w))
            } else if let Some(q) = p.strip_prefix('Q') {
                num::<u32>(q)
                    .filter(|q| (1..=4).contains(q))
                    .map(|q| Period::Quarter(y, q))
            } else if let Some(h) = p.strip_prefix('H') {
                num::<u32>(h)
                    .filter(|h| (1..=2).contains(h))
                    .map(|h| Period::Half(y, h))
            } else {
                num::<u32>(p)
                    .filter(|m| (1..=12).contains(m))
                    .map(|m| Period::Month(y, m))
            }
        }
        [_, w, "WE"] => {
            let w = num::<u32>(w.strip_prefix('W')?)?;
            NaiveDate::from_isoywd_opt(y, w, Weekday::Sat)?;
            Some(Period::Weekend(y, w))
        }
        [_, w, d] if w.starts_with('W') => {
            // YYYY-Www-D: a day of an ISO week, 1 = Monday.
            let w = num::<u32>(w.strip_prefix('W')?)?;
            let d = num::<u8>(d).filter(|d| (1..=7).contains(d))?;
            let wd = Weekday::try_from(d - 1).ok()?;
            NaiveDate::from_isoywd_opt(y, w, wd).map(Period::Day)
        }
        [_, m, d] => NaiveDate::from_ymd_opt(y, num(m)?, num(d)?).map(Period::Day),
        _ => None,
    }
}

fn parse_time(t: &str) -> Option<TimeOfDay> {
    let named = match t {
        "MO" => Some(TimeOfDay::Morning),
        "MI" => Some(TimeOfDay::Midday),
        "AF" => Some(TimeOfDay::Afternoon),
        "EV" => Some(TimeOfDay::Evening),
        "NI" => Some(TimeOfDay::Night),
        "DT" => Some(TimeOfDay::Daytime),
        _ => None,
    };
    if named.is_some() {
        return named;
    }
    let hm: Vec<&str> = t.split(':').collect();
    match hm.as_slice() {
        [h, m] | [h, m, _] if h.len() == 2 && m.len() == 2 => {
            let (h, m) = (num::<u32>(h)?, num::<u32>(m)?);
            (h < 24 && m < 60).then_some(TimeOfDay::Clock(h, m))
        }
        _ => None,
    }
}

const UNITS: [(char, &str); 4] = [('Y', "year"), ('M', "month"), ('W', "week"), ('D', "day")];
const TIME_UNITS: [(char, &str); 3] = [('H', "hour"), ('M', "minute"), ('S', "second")];

/// The amounts of a duration: `P1Y6M` → 1 year, 6 months.
fn parse_amounts(v: &str) -> Option<Vec<Amount>> {
    let body = v.strip_prefix('P')?;
    let (date, time) = match body.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (body, None),
    };
    let mut out = Vec::new();
    let mut read = |s: &str, units: &[(char, &'static str)]| -> Option<()> {
        let mut n = String::new();
        for ch in s.chars() {
            if ch.is_ascii_digit() || ch == '.' || ch == 'X' {
                n.push(ch);
            } else {
                let unit = units.iter().find(|(c, _)| *c == ch)?.1;
                if n.is_empty() {
                    return None;
                }
                out.push(Amount {
                    number: std::mem::take(&mut n),
                    unit,
                });
            }
        }
        n.is_empty().then_some(())
    };
    read(date, &UNITS)?;
    if let Some(t) = time {
        read(t, &TIME_UNITS)?;
    }
    (!out.is_empty()).then_some(out)
}

impl TimeValue {
    /// Reads a TimeML value. A duration-shaped value (`P1W`) is a duration;
    /// use [`TimeValue::parse_typed`] when the TIMEX3 type says it is a set.
    pub fn parse(value: &str) -> Result<TimeValue, TimeValueError> {
        let v = value.trim();
        let err = || TimeValueError(value.to_string());
        if v.starts_with('P') && !v.ends_with("_REF") {
            return parse_amounts(v).map(TimeValue::Duration).ok_or_else(err);
        }
        if let Some(day) = v.strip_prefix("XXXX-WXX-") {
            return num::<u32>(day)
                .filter(|d| (1..=7).contains(d))
                .map(TimeValue::EveryWeekday)
                .ok_or_else(err);
        }
        let (date, time) = match v.split_once('T') {
            // `PRESENT_REF` holds a T but no time of day.
            Some((d, t)) if !v.ends_with("_REF") => (d, Some(t)),
            _ => (v, None),
        };
        let period = parse_period(date).ok_or_else(err)?;
        let time = match time {
            Some(t) => Some(parse_time(t).ok_or_else(err)?),
            None => None,
        };
        Ok(TimeValue::Date { period, time })
    }

    /// Reads a value of a known TIMEX3 type: a duration-shaped `SET` value
    /// is a repetition (`P1W` → every week).
    pub fn parse_typed(value: &str, ty: TimexType) -> Result<TimeValue, TimeValueError> {
        match (TimeValue::parse(value)?, ty) {
            (TimeValue::Duration(a), TimexType::Set) => Ok(TimeValue::Every(a)),
            (v, _) => Ok(v),
        }
    }

    /// How precise the value is.
    pub fn precision(&self) -> Precision {
        match self {
            TimeValue::Date { period, .. } => match period {
                Period::Day(_) | Period::DayOfUnknownYear(..) => Precision::Day,
                Period::Week(..) => Precision::Week,
                Period::Weekend(..) => Precision::Weekend,
                Period::Month(..) | Period::MonthOfUnknownYear(_) => Precision::Month,
                Period::Quarter(..) => Precision::Quarter,
                Period::Half(..) => Precision::Half,
                Period::Season(..) => Precision::Season,
                Period::Year(_) => Precision::Year,
                Period::Decade(_) => Precision::Decade,
                Period::Century(_) => Precision::Century,
                Period::Present | Period::Past | Period::Future => Precision::Reference,
            },
            TimeValue::Duration(_) => Precision::Duration,
            TimeValue::Every(_) | TimeValue::EveryWeekday(_) => Precision::Set,
        }
    }

    /// The days the value covers, first and last inclusive, when it names a
    /// stretch of the calendar with a known year. Durations, sets, dates
    /// without a year and references such as "the past" give `None`.
    pub fn interval(&self) -> Option<(NaiveDate, NaiveDate)> {
        let TimeValue::Date { period, .. } = self else {
            return None;
        };
        let months = |y: i32, m: u32, n: u32| -> Option<(NaiveDate, NaiveDate)> {
            let a = NaiveDate::from_ymd_opt(y, m, 1)?;
            let b = a.checked_add_months(Months::new(n))?.pred_opt()?;
            Some((a, b))
        };
        let week = |y: i32, w: u32, from: Weekday| -> Option<(NaiveDate, NaiveDate)> {
            let a = NaiveDate::from_isoywd_opt(y, w, from)?;
            let b = NaiveDate::from_isoywd_opt(y, w, Weekday::Sun)?;
            Some((a, b))
        };
        match *period {
            Period::Day(d) => Some((d, d)),
            Period::Week(y, w) => week(y, w, Weekday::Mon),
            Period::Weekend(y, w) => week(y, w, Weekday::Sat),
            Period::Month(y, m) => months(y, m, 1),
            Period::Quarter(y, q) => months(y, q * 3 - 2, 3),
            Period::Half(y, h) => months(y, h * 6 - 5, 6),
            Period::Season(y, s) => months(y, s.first_month(), 3),
            Period::Year(y) => months(y, 1, 12),
            Period::Decade(y) => months(y, 1, 120),
            Period::Century(y) => months(y, 1, 1200),
            Period::DayOfUnknownYear(..)
            | Period::MonthOfUnknownYear(_)
            | Period::Present
            | Period::Past
            | Period::Future => None,
        }
    }

    /// The interval, when the value is precise enough to place on a
    /// timeline (a year or finer): what reports and the app both draw.
    pub fn timeline_interval(&self) -> Option<(NaiveDate, NaiveDate)> {
        (self.precision() <= Precision::Year)
            .then(|| self.interval())
            .flatten()
    }

    /// The value in plain English: "Fri 28 Nov 2025", "week 12 of 2026",
    /// "the first half of 2026", "summer 2026", "3 years", "every Monday".
    pub fn words(&self) -> String {
        match self {
            TimeValue::Date { period, time } => {
                let mut s = period_words(*period);
                if let Some(t) = time {
                    s.push_str(", ");
                    s.push_str(&time_words(*t));
                }
                s
            }
            TimeValue::Duration(a) => a
                .iter()
                .map(|a| amount(&a.number, a.unit))
                .collect::<Vec<_>>()
                .join(", "),
            TimeValue::Every(a) => {
                let each: Vec<String> = a
                    .iter()
                    .map(|a| {
                        if a.number == "1" {
                            a.unit.to_string()
                        } else {
                            amount(&a.number, a.unit)
                        }
                    })
                    .collect();
                format!("every {}", each.join(", "))
            }
            TimeValue::EveryWeekday(d) => {
                let name = u8::try_from(d.saturating_sub(1))
                    .ok()
                    .and_then(|d| Weekday::try_from(d).ok())
                    .and_then(|wd| NaiveDate::from_isoywd_opt(2025, 1, wd))
                    .map(|d| d.format("%A").to_string())
                    .unwrap_or_default();
                format!("every {name}")
            }
        }
    }
}

impl FromStr for TimeValue {
    type Err = TimeValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TimeValue::parse(s)
    }
}

impl fmt::Display for TimeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words())
    }
}

/// Where a value sits on a timeline, as the app's timeline draws it: the
/// first and last day (inclusive, `YYYY-MM-DD` in JSON), the precision and
/// the wording, all computed here so that the UI parses no TimeML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Placement {
    pub value: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
    pub wording: String,
}

impl Placement {
    /// The placement of a TimeML value, when it is precise enough for a
    /// timeline ([`TimeValue::timeline_interval`]).
    pub fn of(value: &str) -> Option<Placement> {
        let v = TimeValue::parse(value).ok()?;
        let (start, end) = v.timeline_interval()?;
        Some(Placement {
            value: value.trim().to_string(),
            start,
            end,
            precision: v.precision(),
            wording: v.words(),
        })
    }
}

/// Full English name of month `m` (1–12).
pub fn month_name(m: u32) -> &'static str {
    u8::try_from(m)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .map_or("?", |m| m.name())
}

/// "Fri 28 Nov 2025".
pub fn day_words(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// "28 Nov", for tight spaces such as timeline labels.
pub fn day_short(d: NaiveDate) -> String {
    d.format("%-d %b").to_string()
}

fn period_words(p: Period) -> String {
    match p {
        Period::Day(d) => day_words(d),
        Period::Month(y, m) => format!("{} {y}", month_name(m)),
        Period::Year(y) => y.to_string(),
        Period::Decade(d) => format!("the {d}s"),
        Period::Century(c) => format!("the {c}s (century)"),
        Period::Week(y, w) => format!("week {w} of {y}"),
        Period::Weekend(y, w) => match (
            NaiveDate::from_isoywd_opt(y, w, Weekday::Sat),
            NaiveDate::from_isoywd_opt(y, w, Weekday::Sun),
        ) {
            (Some(a), Some(b)) => format!("the weekend of {} – {}", day_words(a), day_words(b)),
            _ => format!("the weekend of week {w} of {y}"),
        },
        Period::Quarter(y, q) => {
            let short = |m: u32| month_name(m).get(..3).unwrap_or("?");
            format!("Q{q} {y} ({}–{})", short(q * 3 - 2), short(q * 3))
        }
        Period::Half(y, h) => {
            format!(
                "the {} half of {y}",
                if h == 1 { "first" } else { "second" }
            )
        }
        Period::Season(y, Season::Winter) => format!("winter {y}–{:02}", (y + 1).rem_euclid(100)),
        Period::Season(y, s) => format!("{} {y}", s.name()),
        Period::DayOfUnknownYear(m, d) => format!("{d} {} (year not stated)", month_name(m)),
        Period::MonthOfUnknownYear(m) => format!("{} (year not stated)", month_name(m)),
        Period::Present => "the present".to_string(),
        Period::Past => "the past (unspecified)".to_string(),
        Period::Future => "the future (unspecified)".to_string(),
    }
}

fn time_words(t: TimeOfDay) -> String {
    match t {
        TimeOfDay::Clock(h, m) => format!("{h:02}:{m:02}"),
        TimeOfDay::Morning => "morning".to_string(),
        TimeOfDay::Midday => "midday".to_string(),
        TimeOfDay::Afternoon => "afternoon".to_string(),
        TimeOfDay::Evening => "evening".to_string(),
        TimeOfDay::Night => "night".to_string(),
        TimeOfDay::Daytime => "daytime".to_string(),
    }
}

fn amount(n: &str, unit: &str) -> String {
    if n.contains('X') {
        format!("some {unit}s")
    } else if n == "1" {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// Whether two values name the same thing (`2025-W01-1` and `2024-12-30`
/// are the same day); values that do not parse compare as written, with
/// surrounding spaces ignored.
pub fn same_value(a: &str, b: &str) -> bool {
    match (TimeValue::parse(a), TimeValue::parse(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a.trim() == b.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `start`/`end` as `YYYY-MM-DD` or "" for no interval; `precision` as
    /// `Precision::as_str`, or "" when the value must be refused.
    fn check(value: &str, start: &str, end: &str, precision: &str, wording: &str) {
        let parsed = TimeValue::parse(value);
        if precision.is_empty() {
            assert!(parsed.is_err(), "{value:?} should be refused: {parsed:?}");
            return;
        }
        let Ok(v) = parsed else {
            panic!("{value:?} should parse: {parsed:?}");
        };
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let want = if start.is_empty() {
            None
        } else {
            day(start).zip(day(end))
        };
        assert_eq!(v.interval(), want, "interval of {value}");
        assert_eq!(v.precision().as_str(), precision, "precision of {value}");
        assert_eq!(v.words(), wording, "wording of {value}");
    }

    #[test]
    fn values_have_intervals_precisions_and_words() {
        for (value, start, end, precision, wording) in [
            ("2026", "2026-01-01", "2026-12-31", "year", "2026"),
            (
                "2024-02",
                "2024-02-01",
                "2024-02-29",
                "month",
                "February 2024",
            ),
            (
                "2025-02",
                "2025-02-01",
                "2025-02-28",
                "month",
                "February 2025",
            ),
            (
                "2025-11-28",
                "2025-11-28",
                "2025-11-28",
                "day",
                "Fri 28 Nov 2025",
            ),
            (
                "2024-02-29",
                "2024-02-29",
                "2024-02-29",
                "day",
                "Thu 29 Feb 2024",
            ),
            (
                "2025-11-28T14:30",
                "2025-11-28",
                "2025-11-28",
                "day",
                "Fri 28 Nov 2025, 14:30",
            ),
            (
                "2025-11-28TEV",
                "2025-11-28",
                "2025-11-28",
                "day",
                "Fri 28 Nov 2025, evening",
            ),
            // ISO weeks: week 1 holds the year's first Thursday.
            (
                "2026-W12",
                "2026-03-16",
                "2026-03-22",
                "week",
                "week 12 of 2026",
            ),
            (
                "2025-W01",
                "2024-12-30",
                "2025-01-05",
                "week",
                "week 1 of 2025",
            ),
            (
                "2021-W01",
                "2021-01-04",
                "2021-01-10",
                "week",
                "week 1 of 2021",
            ),
            (
                "2026-W01",
                "2025-12-29",
                "2026-01-04",
                "week",
                "week 1 of 2026",
            ),
            (
                "2020-W53",
                "2020-12-28",
                "2021-01-03",
                "week",
                "week 53 of 2020",
            ),
            (
                "2026-W53",
                "2026-12-28",
                "2027-01-03",
                "week",
                "week 53 of 2026",
            ),
            (
                "2015-W53",
                "2015-12-28",
                "2016-01-03",
                "week",
                "week 53 of 2015",
            ),
            (
                "2025-W01-1",
                "2024-12-30",
                "2024-12-30",
                "day",
                "Mon 30 Dec 2024",
            ),
            (
                "2020-W53-7",
                "2021-01-03",
                "2021-01-03",
                "day",
                "Sun 3 Jan 2021",
            ),
            (
                "2025-W48-WE",
                "2025-11-29",
                "2025-11-30",
                "weekend",
                "the weekend of Sat 29 Nov 2025 – Sun 30 Nov 2025",
            ),
            (
                "2025-Q1",
                "2025-01-01",
                "2025-03-31",
                "quarter",
                "Q1 2025 (Jan–Mar)",
            ),
            (
                "2025-Q4",
                "2025-10-01",
                "2025-12-31",
                "quarter",
                "Q4 2025 (Oct–Dec)",
            ),
            (
                "2026-H1",
                "2026-01-01",
                "2026-06-30",
                "half",
                "the first half of 2026",
            ),
            (
                "2026-H2",
                "2026-07-01",
                "2026-12-31",
                "half",
                "the second half of 2026",
            ),
            (
                "2026-SP",
                "2026-03-01",
                "2026-05-31",
                "season",
                "spring 2026",
            ),
            (
                "2026-SU",
                "2026-06-01",
                "2026-08-31",
                "season",
                "summer 2026",
            ),
            (
                "2026-FA",
                "2026-09-01",
                "2026-11-30",
                "season",
                "autumn 2026",
            ),
            (
                "2023-WI",
                "2023-12-01",
                "2024-02-29",
                "season",
                "winter 2023–24",
            ),
            (
                "2099-WI",
                "2099-12-01",
                "2100-02-28",
                "season",
                "winter 2099–00",
            ),
            ("199X", "1990-01-01", "1999-12-31", "decade", "the 1990s"),
            (
                "19XX",
                "1900-01-01",
                "1999-12-31",
                "century",
                "the 1900s (century)",
            ),
            ("XXXX-11-30", "", "", "day", "30 November (year not stated)"),
            ("XXXX-02", "", "", "month", "February (year not stated)"),
            ("PRESENT_REF", "", "", "reference", "the present"),
            ("PAST_REF", "", "", "reference", "the past (unspecified)"),
            (
                "FUTURE_REF",
                "",
                "",
                "reference",
                "the future (unspecified)",
            ),
            ("P3Y", "", "", "duration", "3 years"),
            ("P1Y6M", "", "", "duration", "1 year, 6 months"),
            ("PT90M", "", "", "duration", "90 minutes"),
            ("PXY", "", "", "duration", "some years"),
            ("XXXX-WXX-1", "", "", "set", "every Monday"),
            // Refused, never a panic.
            ("", "", "", "", ""),
            ("2025-13", "", "", "", ""),
            ("2025-13-40", "", "", "", ""),
            ("2025-02-29", "", "", "", ""),
            ("2025-W00", "", "", "", ""),
            ("2025-W53", "", "", "", ""),
            ("2025-W99", "", "", "", ""),
            ("2025-W01-8", "", "", "", ""),
            ("2025-W01-0", "", "", "", ""),
            ("2025-Q5", "", "", "", ""),
            ("2025-Q0", "", "", "", ""),
            ("2025-H3", "", "", "", ""),
            ("2025-XY", "", "", "", ""),
            ("2025-11-28T25:00", "", "", "", ""),
            ("P", "", "", "", ""),
            ("P3", "", "", "", ""),
            ("PT", "", "", "", ""),
            ("XXXX-WXX-9", "", "", "", ""),
            ("ééé-1", "", "", "", ""),
            ("20251", "", "", "", ""),
            ("-2025", "", "", "", ""),
            ("2025-", "", "", "", ""),
            ("2025-W", "", "", "", ""),
            ("9999-W52-WE-1", "", "", "", ""),
        ] {
            check(value, start, end, precision, wording);
        }
    }

    #[test]
    fn a_set_type_makes_a_duration_a_repetition() {
        for (value, ty, wording, precision) in [
            ("P1W", TimexType::Set, "every week", Precision::Set),
            ("P2D", TimexType::Set, "every 2 days", Precision::Set),
            ("P1W", TimexType::Duration, "1 week", Precision::Duration),
            ("2025", TimexType::Set, "2025", Precision::Year),
        ] {
            let v = TimeValue::parse_typed(value, ty);
            assert_eq!(
                v.as_ref().map(TimeValue::words).ok(),
                Some(wording.into()),
                "{value}"
            );
            assert_eq!(v.map(|v| v.precision()).ok(), Some(precision), "{value}");
        }
    }

    #[test]
    fn only_a_year_or_finer_goes_on_a_timeline() {
        for (value, placed) in [
            ("2025-11-28", true),
            ("2026-H1", true),
            ("2026-SU", true),
            ("2025", true),
            ("199X", false),
            ("19XX", false),
            ("XXXX-11-30", false),
            ("PRESENT_REF", false),
        ] {
            let v = TimeValue::parse(value).ok();
            let got = v.and_then(|v| v.timeline_interval()).is_some();
            assert_eq!(got, placed, "{value}");
        }
    }

    #[test]
    fn a_placement_serializes_days_precision_and_wording() {
        let got = Placement::of("2026-H1").and_then(|p| serde_json::to_value(p).ok());
        let want = serde_json::json!({
            "value": "2026-H1",
            "start": "2026-01-01",
            "end": "2026-06-30",
            "precision": "half",
            "wording": "the first half of 2026",
        });
        assert_eq!(got, Some(want));
        assert_eq!(Placement::of("P3Y"), None);
        assert_eq!(Placement::of("199X"), None);
    }

    #[test]
    fn same_value_compares_what_values_name() {
        for (a, b, same) in [
            ("2025-W01-1", "2024-12-30", true),
            (" 2025-11-28", "2025-11-28", true),
            ("2025-11-28", "2025-11-29", false),
            ("2025-Q1", "2025-H1", false),
            ("odd", "odd", true),
            ("odd", "2025", false),
        ] {
            assert_eq!(same_value(a, b), same, "{a} vs {b}");
        }
    }
}
