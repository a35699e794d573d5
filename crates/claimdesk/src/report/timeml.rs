//! TimeML values read back for people in reports: `2025-11-28` becomes "Fri
//! 28 Nov 2025", `P3Y` "3 years", and the calendar span a value covers, for
//! the report's timeline. The reading itself is [`TimeValue`]'s; this adds
//! what a printed report wants (a week's days) and never fails: anything
//! unrecognised is shown as written.

use crate::model::{Precision, TimeValue, TimexType, timevalue};
use chrono::NaiveDate;

pub use timevalue::{day_short, day_words};

/// A TimeML value in words; the value itself when it is not understood.
/// A week also gives its days ("week 49 of 2025 (Mon 1 Dec 2025 – Sun 7
/// Dec 2025)"): a report is read without a calendar at hand.
pub fn words(value: &str, ty: TimexType) -> String {
    let Ok(v) = TimeValue::parse_typed(value, ty) else {
        return value.to_string();
    };
    let mut s = v.words();
    if v.precision() == Precision::Week
        && let Some((a, b)) = v.interval()
    {
        let days = format!(" ({} – {})", day_words(a), day_words(b));
        match s.find(',') {
            // Keep a time of day after the days.
            Some(i) => s.insert_str(i, &days),
            None => s.push_str(&days),
        }
    }
    s
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

/// The days a date value covers, first and last inclusive, when it can be
/// placed on a timeline ([`TimeValue::timeline_interval`]: a day, week,
/// weekend, month, quarter, season, half or year). Decades, dates without a
/// year, durations and references such as "the past" give `None`.
pub fn date_range(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    TimeValue::parse(value).ok()?.timeline_interval()
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
            ("2026-SU", "2026-06-01", "2026-08-31"),
            ("2026-H2", "2026-07-01", "2026-12-31"),
        ] {
            assert_eq!(date_range(v), d(a).zip(d(b)), "{v}");
        }
        for v in ["199X", "XXXX-11-30", "PAST_REF", "P3Y", "nonsense"] {
            assert_eq!(date_range(v), None, "{v}");
        }
    }
}
