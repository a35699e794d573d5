//! Title and publication date for documents whose format does not carry
//! them: from a leading dateline ("SEOUL, June 19 -"), a full date in the
//! first lines, or the first line itself.

use super::{DateSource, Document};
use chrono::{Datelike, NaiveDate};

/// Fills in a missing title and publication date from the text.
pub fn fill_missing(doc: &mut Document) {
    if doc.title.trim().is_empty() {
        doc.title = leading_title(&doc.text);
    }
    if doc.published.is_none() {
        let today = chrono::Local::now().date_naive();
        (doc.published, doc.date_source) = detect_published(&doc.text, today);
    }
}

/// The publication date the text states, and how sure it is: a dateline
/// or a full date in the first lines, a dateline without a year (the year
/// guessed against `today`), or nothing.
pub fn detect_published(text: &str, today: NaiveDate) -> (Option<NaiveDate>, DateSource) {
    let lines = || {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(3)
    };
    if let Some((date, year_given)) = lines().find_map(|l| dateline_in_line(l, today)) {
        let source = if year_given {
            DateSource::Dateline
        } else {
            DateSource::YearGuessed
        };
        return (Some(date), source);
    }
    match first_lines_date(text) {
        Some(d) => (Some(d), DateSource::Dateline),
        None => (None, DateSource::Missing),
    }
}

/// A title from the first line: the whole line when it is short, else its
/// first words.
pub fn leading_title(text: &str) -> String {
    let line = text
        .lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if line.chars().count() <= 120 {
        return line.to_string();
    }
    let mut out = String::new();
    for w in line.split_whitespace() {
        if out.chars().count() + w.chars().count() > 90 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.push('…');
    out
}

/// A month from "Jan", "Jan.", "January", "Sept.".
fn month(word: &str) -> Option<u32> {
    match crate::extract::timex::date_word(word)? {
        crate::extract::timex::DateWord::Month(m) => Some(m),
        _ => None,
    }
}

/// The date of a leading dateline: "SEOUL, June 19 -", "LONDON, Nov 26, 2026
/// (Reuters) -". A dateline without a year is taken as the latest such day
/// not after `today`.
pub fn dateline_date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
        .find_map(|l| dateline_in_line(l, today))
        .map(|(date, _)| date)
}

/// The date of a dateline in `first`, and whether it gave its year.
fn dateline_in_line(first: &str, today: NaiveDate) -> Option<(NaiveDate, bool)> {
    let dash = first
        .find(" - ")
        .or_else(|| first.find(" — "))
        .or_else(|| first.find(" -- "))?;
    let head = &first[..dash];
    if head.len() > 80 {
        return None;
    }
    let (_, rest) = head.split_once(',')?;
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !w.starts_with('('))
        .collect();
    let m = month(words.first()?)?;
    let d: u32 = words.get(1)?.parse().ok()?;
    match words.get(2).and_then(|y| y.parse::<i32>().ok()) {
        Some(y) if (1800..=2200).contains(&y) => {
            NaiveDate::from_ymd_opt(y, m, d).map(|x| (x, true))
        }
        _ => {
            let this = NaiveDate::from_ymd_opt(today.year(), m, d)?;
            if this <= today {
                Some((this, false))
            } else {
                NaiveDate::from_ymd_opt(today.year() - 1, m, d).map(|x| (x, false))
            }
        }
    }
}

/// A full date ("November 30, 2025", "30 November 2025", "2025-11-30") in
/// the first three lines.
fn first_lines_date(text: &str) -> Option<NaiveDate> {
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(3) {
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        for i in 0..words.len() {
            if let Ok(d) = NaiveDate::parse_from_str(words[i].trim_end_matches('.'), "%Y-%m-%d") {
                return Some(d);
            }
            let year = |w: Option<&&str>| {
                w.and_then(|y| y.trim_end_matches('.').parse::<i32>().ok())
                    .filter(|y| (1800..=2200).contains(y))
            };
            let day = |w: &str| w.trim_end_matches(['.', ',']).parse::<u32>().ok();
            if let Some(m) = month(words[i]) {
                if let (Some(d), Some(y)) = (
                    words.get(i + 1).and_then(|w| day(w)),
                    year(words.get(i + 2)),
                ) {
                    return NaiveDate::from_ymd_opt(y, m, d);
                }
                if i > 0
                    && let (Some(d), Some(y)) = (day(words[i - 1]), year(words.get(i + 1)))
                {
                    return NaiveDate::from_ymd_opt(y, m, d);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Overrides;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn where_the_date_came_from() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let check = |text: &str, want: (Option<NaiveDate>, DateSource)| {
            assert_eq!(detect_published(text, today), want, "{text}")
        };
        check(
            "LONDON, Nov 26, 2024 (Wire) - Prices rose.",
            (day(2024, 11, 26), DateSource::Dateline),
        );
        check(
            "OSLO, Dec. 3 - Snow fell.",
            (day(2025, 12, 3), DateSource::YearGuessed),
        );
        check(
            "Pier reopens\nPosted 30 November 2025\nThe pier reopened.",
            (day(2025, 11, 30), DateSource::Dateline),
        );
        check("The pier reopened on Monday.", (None, DateSource::Missing));
    }

    #[test]
    fn given_dates_and_file_metadata_say_so() {
        let given = Overrides {
            title: None,
            published: day(1987, 2, 26),
        };
        let doc = crate::load::from_text("OSLO, Dec. 3 - Snow fell.".into(), &given).unwrap();
        assert_eq!(
            (doc.published, doc.date_source),
            (day(1987, 2, 26), DateSource::Given)
        );
        let doc = crate::load::from_text("OSLO, Dec. 3 - Snow fell.".into(), &Overrides::default())
            .unwrap();
        assert_eq!(doc.date_source, DateSource::YearGuessed);
        assert!(doc.date_source.is_guess());
    }

    #[test]
    fn datelines() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let check = |text: &str, want: Option<NaiveDate>| {
            assert_eq!(dateline_date(text, today), want, "{text}")
        };
        check("SEOUL, June 19 - The talks went on.", day(2026, 6, 19));
        check("OSLO, Dec. 3 - Snow fell.", day(2025, 12, 3));
        check(
            "LONDON, Nov 26, 2024 (Wire) - Prices rose.",
            day(2024, 11, 26),
        );
        check(
            "   HARBOURTON, Sept 4 - The pier reopened.",
            day(2026, 9, 4),
        );
        check("The mayor said on Monday - after a vote - that...", None);
        check("Mayday, 12 sailors - rescued", None);
        check(
            "Pier reopens\n\nHARBOURTON, Sept 4 - The pier reopened.",
            day(2026, 9, 4),
        );
    }

    #[test]
    fn dates_and_titles_from_the_first_lines() {
        assert_eq!(
            first_lines_date("Pier reopens\nPublished November 30, 2025\n\nText."),
            day(2025, 11, 30)
        );
        assert_eq!(
            first_lines_date("Pier reopens\n30 November 2025\n"),
            day(2025, 11, 30)
        );
        assert_eq!(
            first_lines_date("Updated 2025-11-30 09:00\n"),
            day(2025, 11, 30)
        );
        assert_eq!(first_lines_date("No date here\nat all\n"), None);
        assert_eq!(leading_title("\n# Pier reopens\n\nText"), "Pier reopens");
        let long = "word ".repeat(60);
        let t = leading_title(&long);
        assert!(t.ends_with('…') && t.chars().count() < 100);
    }
}
