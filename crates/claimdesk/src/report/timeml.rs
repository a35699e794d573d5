//! TimeML values read back for people: `2025-11-28` becomes "Fri 28 Nov
//! 2025", `P3Y` "3 years", and the calendar span a value covers, for the
//! report's timeline.
//!
//! Reports must never fail on a value they do not understand, so anything
//! unrecognised is shown as written.

use crate::model::TimexType;
use chrono::{Months, NaiveDate, Weekday};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The calendar part of a TimeML date value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cal {
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
    Decade(i32),
    Century(i32),
    Week(i32, u32),
    Weekend(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, &'static str),
    DayOfUnknownYear(u32, u32),
    MonthOfUnknownYear(u32),
    Present,
    Past,
    Future,
}

fn num<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn parse_cal(v: &str) -> Option<Cal> {
    match v {
        "PRESENT_REF" => return Some(Cal::Present),
        "PAST_REF" => return Some(Cal::Past),
        "FUTURE_REF" => return Some(Cal::Future),
        _ => {}
    }
    let parts: Vec<&str> = v.split('-').collect();
    let year = parts.first().copied().unwrap_or("");
    if year == "XXXX" {
        return match parts.as_slice() {
            [_, m] => num::<u32>(m)
                .filter(|m| (1..=12).contains(m))
                .map(Cal::MonthOfUnknownYear),
            [_, m, d] => {
                let (m, d) = (num::<u32>(m)?, num::<u32>(d)?);
                // 2000 is a leap year, so 29 February is accepted.
                NaiveDate::from_ymd_opt(2000, m, d)?;
                Some(Cal::DayOfUnknownYear(m, d))
            }
            _ => None,
        };
    }
    if year.len() != 4 {
        return None;
    }
    let y = match num::<i32>(year) {
        Some(y) => y,
        None => {
            return match (parts.len(), year.strip_suffix("XX"), year.strip_suffix('X')) {
                (1, Some(c), _) => num::<i32>(c).map(|c| Cal::Century(c * 100)),
                (1, None, Some(d)) => num::<i32>(d).map(|d| Cal::Decade(d * 10)),
                _ => None,
            };
        }
    };
    match parts.as_slice() {
        [_] => Some(Cal::Year(y)),
        [_, p] => {
            if let Some(w) = p.strip_prefix('W') {
                let w = num::<u32>(w)?;
                NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                Some(Cal::Week(y, w))
            } else if let Some(q) = p.strip_prefix('Q') {
                num::<u32>(q)
                    .filter(|q| (1..=4).contains(q))
                    .map(|q| Cal::Quarter(y, q))
            } else if let Some(h) = p.strip_prefix('H') {
                num::<u32>(h)
                    .filter(|h| (1..=2).contains(h))
                    .map(|h| Cal::Half(y, h))
            } else {
                let season = match *p {
                    "SP" => Some("spring"),
                    "SU" => Some("summer"),
                    "FA" => Some("autumn"),
                    "WI" => Some("winter"),
                    _ => None,
                };
                if let Some(s) = season {
                    return Some(Cal::Season(y, s));
                }
                num::<u32>(p)
                    .filter(|m| (1..=12).contains(m))
                    .map(|m| Cal::Month(y, m))
            }
        }
        [_, w, "WE"] => {
            let w = num::<u32>(w.strip_prefix('W')?)?;
            NaiveDate::from_isoywd_opt(y, w, Weekday::Sat)?;
            Some(Cal::Weekend(y, w))
        }
        [_, m, d] => NaiveDate::from_ymd_opt(y, num(m)?, num(d)?).map(Cal::Day),
        _ => None,
    }
}

fn month_name(m: u32) -> &'static str {
    MONTHS
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// "Fri 28 Nov 2025".
pub fn day_words(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// "28 Nov", for tight spaces such as timeline labels.
pub fn day_short(d: NaiveDate) -> String {
    d.format("%-d %b").to_string()
}

fn cal_words(c: Cal) -> String {
    match c {
        Cal::Day(d) => day_words(d),
        Cal::Month(y, m) => format!("{} {y}", month_name(m)),
        Cal::Year(y) => y.to_string(),
        Cal::Decade(d) => format!("the {d}s"),
        Cal::Century(c) => format!("the {c}s (century)"),
        Cal::Week(y, w) => match week_range(y, w, Weekday::Mon) {
            Some((a, b)) => format!("week {w} of {y} ({} – {})", day_words(a), day_words(b)),
            None => format!("week {w} of {y}"),
        },
        Cal::Weekend(y, w) => match week_range(y, w, Weekday::Sat) {
            Some((a, b)) => format!("the weekend of {} – {}", day_words(a), day_words(b)),
            None => format!("the weekend of week {w}, {y}"),
        },
        Cal::Quarter(y, q) => format!(
            "Q{q} {y} ({}–{})",
            &month_name(q * 3 - 2)[..3],
            &month_name(q * 3)[..3]
        ),
        Cal::Half(y, h) => format!("{} half of {y}", if h == 1 { "first" } else { "second" }),
        Cal::Season(y, s) => format!("{s} {y}"),
        Cal::DayOfUnknownYear(m, d) => format!("{d} {} (year not stated)", month_name(m)),
        Cal::MonthOfUnknownYear(m) => format!("{} (year not stated)", month_name(m)),
        Cal::Present => "the present".to_string(),
        Cal::Past => "the past (unspecified)".to_string(),
        Cal::Future => "the future (unspecified)".to_string(),
    }
}

fn week_range(y: i32, w: u32, from: Weekday) -> Option<(NaiveDate, NaiveDate)> {
    let a = NaiveDate::from_isoywd_opt(y, w, from)?;
    let b = NaiveDate::from_isoywd_opt(y, w, Weekday::Sun)?;
    Some((a, b))
}

fn time_words(t: &str) -> Option<String> {
    let named = match t {
        "MO" => Some("morning"),
        "MI" => Some("midday"),
        "AF" => Some("afternoon"),
        "EV" => Some("evening"),
        "NI" => Some("night"),
        "DT" => Some("daytime"),
        _ => None,
    };
    if let Some(n) = named {
        return Some(n.to_string());
    }
    let hm: Vec<&str> = t.split(':').collect();
    match hm.as_slice() {
        [h, m] | [h, m, _] if h.len() == 2 && m.len() == 2 => {
            let (h, m) = (num::<u32>(h)?, num::<u32>(m)?);
            (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
        }
        _ => None,
    }
}

/// A TIME or DATE value with an optional time of day: "Fri 28 Nov 2025,
/// 14:30".
fn date_time_words(v: &str) -> Option<String> {
    if v.ends_with("_REF") {
        return parse_cal(v).map(cal_words);
    }
    let (date, time) = match v.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (v, None),
    };
    let mut s = cal_words(parse_cal(date)?);
    if let Some(t) = time {
        s.push_str(", ");
        s.push_str(&time_words(t)?);
    }
    Some(s)
}

const UNITS: [(char, &str); 4] = [('Y', "year"), ('M', "month"), ('W', "week"), ('D', "day")];
const TIME_UNITS: [(char, &str); 3] = [('H', "hour"), ('M', "minute"), ('S', "second")];

/// The amounts of a duration: `P1Y6M` → [("1", "year"), ("6", "month")].
fn duration_parts(v: &str) -> Option<Vec<(String, &'static str)>> {
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
                out.push((std::mem::take(&mut n), unit));
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

fn amount(n: &str, unit: &str) -> String {
    if n.contains('X') {
        format!("some {unit}s")
    } else if n == "1" {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

fn duration_words(v: &str) -> Option<String> {
    let parts = duration_parts(v)?;
    Some(
        parts
            .iter()
            .map(|(n, u)| amount(n, u))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

fn set_words(v: &str) -> Option<String> {
    if let Some(parts) = duration_parts(v) {
        let each: Vec<String> = parts
            .iter()
            .map(|(n, u)| {
                if n == "1" {
                    u.to_string()
                } else {
                    amount(n, u)
                }
            })
            .collect();
        return Some(format!("every {}", each.join(", ")));
    }
    // XXXX-WXX-N: a weekday every week.
    let day = v.strip_prefix("XXXX-WXX-")?;
    let d = num::<u32>(day).filter(|d| (1..=7).contains(d))?;
    let name = NaiveDate::from_isoywd_opt(2025, 1, Weekday::try_from((d - 1) as u8).ok()?)?
        .format("%A")
        .to_string();
    Some(format!("every {name}"))
}

/// A TimeML value in words; the value itself when it is not understood.
pub fn words(value: &str, ty: TimexType) -> String {
    let v = value.trim();
    let w = match ty {
        TimexType::Date | TimexType::Time => date_time_words(v),
        TimexType::Duration => duration_words(v),
        TimexType::Set => set_words(v),
    };
    w.unwrap_or_else(|| value.to_string())
}

/// A date value found in a claim's fields (dismissal or attendance date),
/// which may carry a time of day.
pub fn date_words(value: &str) -> String {
    let ty = if value.contains('T') {
        TimexType::Time
    } else {
        TimexType::Date
    };
    words(value, ty)
}

/// The days a date value covers, first and last inclusive, when it names a
/// placeable stretch of the calendar (a day, week, weekend, month, quarter,
/// half or year). Decades, seasons, dates without a year and references such
/// as "the past" have no place on a timeline and give `None`.
pub fn date_range(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let date = value.trim().split('T').next().unwrap_or("");
    let first_of = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1);
    let month_span = |y: i32, m: u32, n: u32| -> Option<(NaiveDate, NaiveDate)> {
        let a = first_of(y, m)?;
        let b = a.checked_add_months(Months::new(n))?.pred_opt()?;
        Some((a, b))
    };
    match parse_cal(date)? {
        Cal::Day(d) => Some((d, d)),
        Cal::Month(y, m) => month_span(y, m, 1),
        Cal::Quarter(y, q) => month_span(y, q * 3 - 2, 3),
        Cal::Half(y, h) => month_span(y, h * 6 - 5, 6),
        Cal::Year(y) => month_span(y, 1, 12),
        Cal::Week(y, w) => week_range(y, w, Weekday::Mon),
        Cal::Weekend(y, w) => week_range(y, w, Weekday::Sat),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: &str, ty: TimexType, expected: &str) {
        assert_eq!(words(value, ty), expected, "{value}");
    }

    #[test]
    fn values_in_words() {
        use TimexType::*;
        for (v, t, want) in [
            ("2025-11-28", Date, "Fri 28 Nov 2025"),
            ("2025-11", Date, "November 2025"),
            ("2025", Date, "2025"),
            ("199X", Date, "the 1990s"),
            (
                "2025-W49",
                Date,
                "week 49 of 2025 (Mon 1 Dec 2025 – Sun 7 Dec 2025)",
            ),
            (
                "2025-W48-WE",
                Date,
                "the weekend of Sat 29 Nov 2025 – Sun 30 Nov 2025",
            ),
            ("2025-Q4", Date, "Q4 2025 (Oct–Dec)"),
            ("2026-SU", Date, "summer 2026"),
            ("XXXX-11-30", Date, "30 November (year not stated)"),
            ("2025-11-28T14:30", Time, "Fri 28 Nov 2025, 14:30"),
            ("2025-11-28TEV", Time, "Fri 28 Nov 2025, evening"),
            ("PRESENT_REF", Date, "the present"),
            ("P3Y", Duration, "3 years"),
            ("P1Y6M", Duration, "1 year, 6 months"),
            ("PT90M", Duration, "90 minutes"),
            ("PXY", Duration, "some years"),
            ("P1W", Set, "every week"),
            ("XXXX-WXX-1", Set, "every Monday"),
            // Not understood: shown as written, never a panic.
            ("2025-13-40", Date, "2025-13-40"),
            ("", Date, ""),
            ("P", Duration, "P"),
            ("2025-W99", Date, "2025-W99"),
            ("ééé-1", Date, "ééé-1"),
        ] {
            check(v, t, want);
        }
    }

    #[test]
    fn ranges_cover_the_named_days() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        for (v, a, b) in [
            ("2025-11-28", "2025-11-28", "2025-11-28"),
            ("2024-02", "2024-02-01", "2024-02-29"),
            ("2025-Q4", "2025-10-01", "2025-12-31"),
            ("2025-W49", "2025-12-01", "2025-12-07"),
            ("2025", "2025-01-01", "2025-12-31"),
            ("2025-11-28T09:00", "2025-11-28", "2025-11-28"),
        ] {
            assert_eq!(date_range(v), d(a).zip(d(b)), "{v}");
        }
        for v in ["199X", "XXXX-11-30", "PAST_REF", "2026-SU", "nonsense"] {
            assert_eq!(date_range(v), None, "{v}");
        }
    }
}
