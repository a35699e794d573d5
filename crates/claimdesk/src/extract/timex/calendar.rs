//! Calendar arithmetic on `chrono` dates and the TimeML value strings built
//! from them: ISO weeks, month and quarter shifts, resolving a weekday or a
//! yearless month/day in the direction the tense points, fixed holidays.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The way an underspecified date leans relative to the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    Past,
    Future,
    /// No cue: nearest (for weekdays: the past week, as news usage has it).
    Unknown,
}

pub fn day_str(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub fn month_str(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

pub fn week_str(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

pub fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

/// `(year, month)` shifted by `n` months.
pub fn shift_month(y: i32, m: u32, n: i32) -> (i32, u32) {
    let idx = y
        .saturating_mul(12)
        .saturating_add(m as i32 - 1)
        .saturating_add(n);
    (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)
}

/// `(year, quarter)` shifted by `n` quarters.
pub fn shift_quarter(y: i32, q: u32, n: i32) -> (i32, u32) {
    let idx = y
        .saturating_mul(4)
        .saturating_add(q as i32 - 1)
        .saturating_add(n);
    (idx.div_euclid(4), idx.rem_euclid(4) as u32 + 1)
}

pub fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    Duration::try_days(n)
        .and_then(|dd| d.checked_add_signed(dd))
        .unwrap_or(d)
}

/// The weekday `wd` (1 = Monday) nearest `anchor` in the direction of `lean`;
/// `strict` excludes the anchor day itself ("last Friday", "next Friday").
pub fn resolve_weekday(anchor: NaiveDate, wd: u32, lean: Lean, strict: bool) -> NaiveDate {
    let cur = anchor.weekday().number_from_monday() as i64;
    let wd = wd as i64;
    match lean {
        Lean::Future => {
            let mut diff = (wd - cur).rem_euclid(7);
            if diff == 0 && strict {
                diff = 7;
            }
            add_days(anchor, diff)
        }
        Lean::Past | Lean::Unknown => {
            let mut diff = (cur - wd).rem_euclid(7);
            if diff == 0 && strict {
                diff = 7;
            }
            add_days(anchor, -diff)
        }
    }
}

/// The year of a yearless month/day: in the tense's direction, allowing a
/// little slack (a past-tense clause may name a date a few weeks ahead, a
/// future one a date just gone), else the nearest.
pub fn resolve_day_year(anchor: NaiveDate, month: u32, day: u32, lean: Lean) -> i32 {
    let y = anchor.year();
    let cands: Vec<(i32, i64)> = [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|yy| {
            NaiveDate::from_ymd_opt(yy, month, day).map(|d| (yy, (d - anchor).num_days()))
        })
        .collect();
    let pick = match lean {
        Lean::Past => cands
            .iter()
            .filter(|(_, diff)| *diff <= 60)
            .max_by_key(|(_, diff)| *diff),
        Lean::Future => cands
            .iter()
            .filter(|(_, diff)| *diff >= -14)
            .min_by_key(|(_, diff)| *diff),
        Lean::Unknown => cands.iter().min_by_key(|(_, diff)| diff.abs()),
    };
    pick.map_or(y, |(yy, _)| *yy)
}

/// The year of a yearless month (and day) mention.
pub fn resolve_year(anchor: NaiveDate, month: u32, day: Option<u32>, lean: Lean) -> i32 {
    let y = anchor.year();
    let here = (anchor.month(), anchor.day());
    let there = (
        month,
        day.unwrap_or(if lean == Lean::Past { 1 } else { 31 }),
    );
    match lean {
        Lean::Past => {
            if there > here && (month as i32 - here.0 as i32) > 0 {
                y - 1
            } else {
                y
            }
        }
        Lean::Future => {
            if month < here.0 {
                y + 1
            } else {
                y
            }
        }
        Lean::Unknown => {
            let diff = month as i32 - here.0 as i32;
            if diff > 6 {
                y - 1
            } else if diff < -6 {
                y + 1
            } else {
                y
            }
        }
    }
}

/// Easter Sunday (Gregorian computus).
pub fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

/// The `n`th weekday `wd` of a month (n = 5 means the last one).
pub fn nth_weekday(y: i32, m: u32, wd: Weekday, n: u8) -> Option<NaiveDate> {
    if n >= 5 {
        let (ny, nm) = shift_month(y, m, 1);
        let last = NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?;
        let back = (last.weekday().num_days_from_monday() as i64
            - wd.num_days_from_monday() as i64)
            .rem_euclid(7);
        return Some(add_days(last, -back));
    }
    NaiveDate::from_weekday_of_month_opt(y, m, wd, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn weekdays_resolve_by_lean() {
        // 2025-11-30 is a Sunday.
        let a = d(2025, 11, 30);
        assert_eq!(resolve_weekday(a, 5, Lean::Unknown, false), d(2025, 11, 28));
        assert_eq!(resolve_weekday(a, 7, Lean::Unknown, false), a);
        assert_eq!(resolve_weekday(a, 5, Lean::Future, false), d(2025, 12, 5));
        assert_eq!(resolve_weekday(a, 7, Lean::Past, true), d(2025, 11, 23));
    }

    #[test]
    fn weeks_and_shifts() {
        assert_eq!(week_str(d(2025, 12, 1)), "2025-W49");
        assert_eq!(week_str(d(2021, 1, 1)), "2020-W53");
        assert_eq!(shift_month(2025, 1, -1), (2024, 12));
        assert_eq!(shift_quarter(2025, 1, -1), (2024, 4));
        assert_eq!(easter(2024), Some(d(2024, 3, 31)));
        assert_eq!(
            nth_weekday(2025, 11, Weekday::Thu, 4),
            Some(d(2025, 11, 27))
        );
        assert_eq!(nth_weekday(2025, 5, Weekday::Mon, 5), Some(d(2025, 5, 26)));
    }

    #[test]
    fn yearless_dates_follow_tense() {
        let a = d(2000, 1, 15);
        assert_eq!(resolve_year(a, 11, Some(25), Lean::Unknown), 1999);
        assert_eq!(resolve_year(a, 11, Some(25), Lean::Past), 1999);
        assert_eq!(resolve_year(a, 3, Some(6), Lean::Unknown), 2000);
        let b = d(1989, 10, 30);
        assert_eq!(resolve_year(b, 2, None, Lean::Future), 1990);
        assert_eq!(resolve_year(b, 11, Some(16), Lean::Future), 1989);
    }
}
