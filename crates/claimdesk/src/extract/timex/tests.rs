//! Data-driven tests of the temporal recognizer, on sentences written for
//! them: extent, value and type of every expression, traps that must give
//! nothing, and a property test that no input panics or splits a character.

use super::*;
use crate::model::TimexType::{self, Date, Duration, Set, Time};
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// Sunday 30 November 2025, the default publication date of the tables.
const PUB: &str = "2025-11-30";

/// `sentence` yields exactly one expression with this extent, value and type.
fn check(sentence: &str, published: &str, extent: &str, value: &str, ty: TimexType) {
    let found = find(sentence, Some(d(published)));
    let got: Vec<(&str, &str, TimexType)> = found
        .iter()
        .map(|t| (&sentence[t.start..t.end], t.value.as_str(), t.timex_type))
        .collect();
    assert_eq!(got, vec![(extent, value, ty)], "in {sentence:?}");
}

/// One expected expression: extent, value, type.
type Expected = (&'static str, &'static str, TimexType);

/// `sentence` yields exactly these expressions, in order.
fn check_all(sentence: &str, published: &str, want: &[(&str, &str, TimexType)]) {
    let found = find(sentence, Some(d(published)));
    let got: Vec<(&str, &str, TimexType)> = found
        .iter()
        .map(|t| (&sentence[t.start..t.end], t.value.as_str(), t.timex_type))
        .collect();
    assert_eq!(got, want.to_vec(), "in {sentence:?}");
}

/// `sentence` yields nothing.
fn nothing(sentence: &str) {
    let found = find(sentence, Some(d(PUB)));
    let got: Vec<&str> = found.iter().map(|t| &sentence[t.start..t.end]).collect();
    assert!(got.is_empty(), "in {sentence:?} found {got:?}");
}

#[test]
fn absolute_dates() {
    let table = [
        (
            "The ferry resumed service on Nov. 28 after repairs.",
            "Nov. 28",
            "2025-11-28",
        ),
        (
            "Voting ends November 28, 2025, at the latest.",
            "November 28, 2025",
            "2025-11-28",
        ),
        (
            "She was born on 28 November 1961 in a small port.",
            "28 November 1961",
            "1961-11-28",
        ),
        (
            "The form was stamped 11/28/2025 by the clerk.",
            "11/28/2025",
            "2025-11-28",
        ),
        (
            "The file is named after its date, 2025-11-28.",
            "2025-11-28",
            "2025-11-28",
        ),
        (
            "The bridge was closed on the 3rd of March 2019.",
            "3rd of March 2019",
            "2019-03-03",
        ),
        (
            "Talks resumed in October 2024 after a pause.",
            "October 2024",
            "2024-10",
        ),
        (
            "The mill closed in 1987 and never reopened.",
            "1987",
            "1987",
        ),
        (
            "Rents soared in the 1990s across the region.",
            "the 1990s",
            "199",
        ),
        (
            "Prices peaked in mid-1987 before falling.",
            "mid-1987",
            "1987",
        ),
        (
            "The scheme dates from the late 1970s.",
            "the late 1970s",
            "197",
        ),
        (
            "Sales for fiscal 1988 rose by a fifth.",
            "fiscal 1988",
            "1988",
        ),
        (
            "The castle was rebuilt in the 16th century.",
            "the 16th century",
            "15",
        ),
        (
            "Ships sank there in the spring of 1912.",
            "the spring of 1912",
            "1912-SP",
        ),
        (
            "The museum reopened in nineteen ninety-six.",
            "nineteen ninety-six",
            "1996",
        ),
        // Ordinal words come from the shared vocabulary, compounds too.
        (
            "Canals were dug across the plain in the seventeenth century.",
            "the seventeenth century",
            "16",
        ),
        (
            "Planners expect the port to grow in the twenty-first century.",
            "the twenty-first century",
            "20",
        ),
        (
            "The ferry is due back on March twenty-second.",
            "March twenty-second",
            "2026-03-22",
        ),
        (
            "The council met again on March second.",
            "March second",
            "2025-03-02",
        ),
    ];
    for (s, extent, value) in table {
        check(s, PUB, extent, value, Date);
    }
}

#[test]
fn an_ordinal_before_a_noun_is_no_duration() {
    // "the twenty-second meeting" is a rank; "a twenty-second pause" lasts.
    nothing("The twenty-second meeting of the rowing club was long.");
    check(
        "There was a twenty-second pause before the vote.",
        PUB,
        "twenty-second",
        "PT20S",
        Duration,
    );
}

#[test]
fn yearless_dates_follow_tense() {
    // Published 15 January 2026: November is behind, March ahead.
    check(
        "The board met on Nov. 25 to review the bid.",
        "2026-01-15",
        "Nov. 25",
        "2025-11-25",
        Date,
    );
    check(
        "The board will meet on March 6 to vote.",
        "2026-01-15",
        "March 6",
        "2026-03-06",
        Date,
    );
    check(
        "The company expects to close the sale by Dec. 15.",
        "2025-10-30",
        "Dec. 15",
        "2025-12-15",
        Date,
    );
    check(
        "Shipments slowed sharply in February.",
        "2025-11-30",
        "February",
        "2025-02",
        Date,
    );
    check(
        "The new rules take effect in January, the agency will say.",
        "2025-11-30",
        "January",
        "2026-01",
        Date,
    );
}

#[test]
fn weekdays_lean_with_tense() {
    // 30 Nov 2025 is a Sunday.
    let table = [
        (
            "The minister resigned on Friday amid pressure.",
            "Friday",
            "2025-11-28",
        ),
        (
            "Officials met Sunday in the capital.",
            "Sunday",
            "2025-11-30",
        ),
        (
            "The two leaders will meet on Friday in Geneva.",
            "Friday",
            "2025-12-05",
        ),
        (
            "The council is expected to vote Tuesday on the budget.",
            "Tuesday",
            "2025-12-02",
        ),
        (
            "The mayor said Monday that the plan had failed.",
            "Monday",
            "2025-11-24",
        ),
        (
            "They arrived last Sunday and left at once.",
            "last Sunday",
            "2025-11-23",
        ),
        (
            "The hearing resumes next Wednesday.",
            "next Wednesday",
            "2025-12-03",
        ),
        // A future context without "will" (issue 11, item 10).
        (
            "The state visit, which begins on Tuesday, is the first of its kind.",
            "Tuesday",
            "2025-12-02",
        ),
        (
            "Aides drew up the itinerary for Thursday.",
            "Thursday",
            "2025-12-04",
        ),
        (
            "He is supposed to step down on Friday.",
            "Friday",
            "2025-12-05",
        ),
        (
            "Talks began on Friday and ended without a deal.",
            "Friday",
            "2025-11-28",
        ),
    ];
    for (s, extent, value) in table {
        check(s, PUB, extent, value, Date);
    }
}

#[test]
fn relative_expressions() {
    let table = [
        (
            "The results were published yesterday.",
            "yesterday",
            "2025-11-29",
            Date,
        ),
        (
            "Inspectors return tomorrow.",
            "tomorrow",
            "2025-12-01",
            Date,
        ),
        (
            "The strike is over today, the union said.",
            "today",
            "2025-11-30",
            Date,
        ),
        (
            "The envoy flew in a week ago for talks.",
            "a week ago",
            "2025-11-23",
            Date,
        ),
        (
            "The report is due next week.",
            "next week",
            "2025-W49",
            Date,
        ),
        (
            "Exports fell last month for the first time.",
            "last month",
            "2025-10",
            Date,
        ),
        (
            "Profits doubled earlier this year.",
            "earlier this year",
            "2025",
            Date,
        ),
        (
            "The plant closed two years ago.",
            "two years ago",
            "2023",
            Date,
        ),
        (
            "Demand will peak later this month.",
            "later this month",
            "2025-11",
            Date,
        ),
        (
            "Talks continue this week in Vienna.",
            "this week",
            "2025-W48",
            Date,
        ),
        (
            "Markets swung this past week.",
            "this past week",
            "2025-W48",
            Date,
        ),
        ("Sales rose 4% last year.", "last year", "2024", Date),
        (
            "The firm will hire more staff next year.",
            "next year",
            "2026",
            Date,
        ),
        (
            "Orders grew in the third quarter.",
            "the third quarter",
            "2025-Q3",
            Date,
        ),
        (
            "Output fell in the first half of 2024.",
            "the first half of 2024",
            "2024-H1",
            Date,
        ),
        (
            "Revenue rose in Q3 on strong demand.",
            "Q3",
            "2025-Q3",
            Date,
        ),
        (
            "The resort fills up every summer.",
            "every summer",
            "XXXX-SU",
            Set,
        ),
        (
            "The dam was finished last fall.",
            "last fall",
            "2024-FA",
            Date,
        ),
        (
            "Costs rose over the past three years.",
            "the past three years",
            "P3Y",
            Duration,
        ),
        (
            "Traffic has grown in recent years.",
            "recent years",
            "PXY",
            Duration,
        ),
    ];
    for (s, extent, value, ty) in table {
        check(s, PUB, extent, value, ty);
    }
}

#[test]
fn times_and_parts_of_day() {
    let table = [
        (
            "The polls close at 3 p.m. Friday.",
            "3 p.m. Friday",
            "2025-11-28T15:00",
            Time,
        ),
        (
            "The fire started Friday afternoon.",
            "Friday afternoon",
            "2025-11-28TAF",
            Time,
        ),
        (
            "Divers resumed the search this morning.",
            "this morning",
            "2025-11-30TMO",
            Time,
        ),
        (
            "Shots were heard last night near the port.",
            "last night",
            "2025-11-29TNI",
            Time,
        ),
        (
            "The vote opens at 7:30 a.m. EST.",
            "7:30 a.m. EST",
            "2025-11-30T07:30",
            Time,
        ),
        (
            "The curfew starts at midnight.",
            "midnight",
            "2025-11-30T24:00",
            Time,
        ),
        (
            "Crowds gathered tonight outside the court.",
            "tonight",
            "2025-11-30TNI",
            Time,
        ),
    ];
    for (s, extent, value, ty) in table {
        check(s, PUB, extent, value, ty);
    }
}

#[test]
fn durations_and_sets() {
    let table = [
        (
            "The project took three years to finish.",
            "three years",
            "P3Y",
            Duration,
        ),
        (
            "The 63-year-old engineer retired.",
            "63-year-old",
            "P63Y",
            Duration,
        ),
        (
            "The talks could last several years.",
            "several years",
            "PXY",
            Duration,
        ),
        (
            "The crossing takes two hours by boat.",
            "two hours",
            "PT2H",
            Duration,
        ),
        (
            "She signed a two-year contract.",
            "two-year",
            "P2Y",
            Duration,
        ),
        (
            "The lease runs for a three-year period.",
            "a three-year period",
            "P3Y",
            Duration,
        ),
        (
            "The trial lasted 2 1/2 years.",
            "2 1/2 years",
            "P2Y6M",
            Duration,
        ),
        (
            "It will take at least 30 days to review.",
            "at least 30 days",
            "P30D",
            Duration,
        ),
        ("The committee meets every week.", "every week", "P1W", Set),
        ("The paper is printed weekly.", "weekly", "P1W", Set),
        ("The prize is awarded annually.", "annually", "P1Y", Set),
        (
            "The ferry sails twice a day in calm weather.",
            "twice a day",
            "P1D",
            Set,
        ),
        (
            "The market opens on Saturdays.",
            "Saturdays",
            "XXXX-WXX-6",
            Set,
        ),
        (
            "Board members are paid $5,000 a year.",
            "a year",
            "P1Y",
            Set,
        ),
    ];
    for (s, extent, value, ty) in table {
        check(s, PUB, extent, value, ty);
    }
}

#[test]
fn several_in_one_sentence() {
    check_all(
        "The resort fills up every summer, but this summer was quiet.",
        PUB,
        &[
            ("every summer", "XXXX-SU", Set),
            ("this summer", "2025-SU", Date),
        ],
    );
    check_all(
        "The minister resigned on Friday after a week of pressure.",
        PUB,
        &[("Friday", "2025-11-28", Date), ("a week", "P1W", Duration)],
    );
    check_all(
        "The envoy arrived on Monday, met the president on Wednesday and will leave next week.",
        PUB,
        &[
            ("Monday", "2025-11-24", Date),
            ("Wednesday", "2025-11-26", Date),
            ("next week", "2025-W49", Date),
        ],
    );
    check_all(
        "Net income fell in the third quarter from a year earlier.",
        "2025-10-28",
        &[
            ("the third quarter", "2025-Q3", Date),
            ("a year earlier", "2024-Q3", Date),
        ],
    );
}

#[test]
fn business_periods() {
    let table = [
        (
            "Debt should fall by year-end, the bank said.",
            "year-end",
            "2025",
            Date,
        ),
        (
            "Margins widened in fiscal 2024.",
            "fiscal 2024",
            "2024",
            Date,
        ),
        (
            "Third-quarter sales rose 5%.",
            "Third-quarter",
            "2025-Q3",
            Date,
        ),
        (
            "Results for the 2023 second quarter were restated.",
            "the 2023 second quarter",
            "2023-Q2",
            Date,
        ),
        (
            "Output rose in the first nine months.",
            "the first nine months",
            "P9M",
            Duration,
        ),
        (
            "Rock music boomed in the sixties.",
            "the sixties",
            "196",
            Date,
        ),
    ];
    for (s, extent, value, ty) in table {
        check(s, "2025-11-30", extent, value, ty);
    }
    check_all(
        "Profit doubled in the fiscal year ended Sept. 30, 2024.",
        "2025-11-30",
        &[
            ("the fiscal year", "2024", Date),
            ("Sept. 30, 2024", "2024-09-30", Date),
        ],
    );
    // Anaphoric quarters refer back to the reporting quarter.
    check_all(
        "Earnings rose in the third quarter. Sales in the quarter were flat, \
         and costs were lower than a year ago.",
        "2025-10-28",
        &[
            ("the third quarter", "2025-Q3", Date),
            ("the quarter", "2025-Q3", Date),
            ("a year ago", "2024-Q3", Date),
        ],
    );
}

#[test]
fn dateline_sets_the_reference_date() {
    let text = "HARBOUR CITY, June 19 - The port authority said on Tuesday that cargo \
                volumes fell yesterday.";
    let pubd = Some(d("2025-06-21"));
    assert_eq!(anchor(text, pubd), Some(d("2025-06-19")));
    let got: Vec<(String, String)> = find(text, pubd)
        .into_iter()
        .map(|t| (text[t.start..t.end].to_string(), t.value))
        .collect();
    assert_eq!(
        got,
        vec![
            ("June 19".to_string(), "2025-06-19".to_string()),
            ("Tuesday".to_string(), "2025-06-17".to_string()),
            ("yesterday".to_string(), "2025-06-18".to_string()),
        ]
    );
    // Reuters style with agency tag; the year comes from the publication date.
    let wire = "OLD BRIDGE, Feb 26 (Wire) - Shares rose today.";
    assert_eq!(anchor(wire, Some(d("2026-02-27"))), Some(d("2026-02-26")));
    let day_first = "RIVERTOWN, 19 June (Wire) - Talks ended yesterday.";
    assert_eq!(
        anchor(day_first, Some(d("2025-06-20"))),
        Some(d("2025-06-19"))
    );
    let release = "LAKESIDE, Ore., March 3, 2025 /NewsWire/ -- The firm said today it grew.";
    assert_eq!(
        anchor(release, Some(d("2025-03-04"))),
        Some(d("2025-03-03"))
    );
    // No dateline: the publication date.
    assert_eq!(
        anchor("Shares rose today.", Some(d("2026-02-27"))),
        Some(d("2026-02-27"))
    );
    assert_eq!(anchor("Shares rose today.", None), None);
}

#[test]
fn unknown_publication_date() {
    let found = find("The agreement was signed on Nov. 28.", None);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].value, "XXXX-11-28");
    let found = find("The agreement was signed on Nov. 28, 2019.", None);
    assert_eq!(found[0].value, "2019-11-28");
}

#[test]
fn huge_counts_do_not_overflow() {
    for s in [
        "It happened 4294967295 quarters ago.",
        "It happened 99999999999999 days ago.",
        "Wait 4294967295 fortnights from now.",
        "In 9999 centuries ago and 4294967295 months later.",
    ] {
        let _ = find(s, Some(d(PUB)));
        let _ = find(s, NaiveDate::from_ymd_opt(-200000, 1, 1));
        let _ = find(s, NaiveDate::from_ymd_opt(200000, 12, 31));
    }
}

/// "A year later" and its kin count from the last date of the text (issue
/// 11, item 10), at the granularity of their unit.
#[test]
fn counted_from_the_last_date() {
    let table: [(&str, &[Expected]); 13] = [
        (
            "In 2009 Ana Pelk joined the board. A year later, she resigned.",
            &[("2009", "2009", Date), ("A year later", "2010", Date)],
        ),
        (
            "Ana Pelk arrived on March 3. Two days later she left.",
            &[
                ("March 3", "2025-03-03", Date),
                ("Two days later", "2025-03-05", Date),
            ],
        ),
        (
            "Ana Pelk arrived on March 3, 2019. Two weeks later she left.",
            &[
                ("March 3, 2019", "2019-03-03", Date),
                ("Two weeks later", "2019-03-17", Date),
            ],
        ),
        (
            "Ana Pelk left in May 2009. A month earlier she had argued with the board.",
            &[
                ("May 2009", "2009-05", Date),
                ("A month earlier", "2009-04", Date),
            ],
        ),
        // A year names no day: the day stays open.
        (
            "Ana Pelk left in 2009. Three days after, she flew home.",
            &[
                ("2009", "2009", Date),
                ("Three days after", "XXXX-XX-XX", Date),
            ],
        ),
        (
            "The port opened in 2009. The following year it doubled its trade.",
            &[("2009", "2009", Date), ("The following year", "2010", Date)],
        ),
        (
            "The port opened on March 3, 2019. The next day it closed.",
            &[
                ("March 3, 2019", "2019-03-03", Date),
                ("The next day", "2019-03-04", Date),
            ],
        ),
        (
            "The port opened in 2019, and later that year it closed.",
            &[("2019", "2019", Date), ("later that year", "2019", Date)],
        ),
        (
            "Trade fell in the third quarter of 2019. The previous year it had grown.",
            &[
                ("the third quarter of 2019", "2019-Q3", Date),
                ("The previous year", "2018", Date),
            ],
        ),
        (
            "The port opened in 2004. It closed in January of that year.",
            &[
                ("2004", "2004", Date),
                ("January of that year", "2004-01", Date),
            ],
        ),
        (
            "The port opened in 2019. Years later it closed.",
            &[("2019", "2019", Date), ("Years later", "XXXX", Date)],
        ),
        // Each counts from the one before.
        (
            "In 2009 the mill closed. A year later it reopened, and two years later it closed again.",
            &[
                ("2009", "2009", Date),
                ("A year later", "2010", Date),
                ("two years later", "2012", Date),
            ],
        ),
        // "ago" still counts from the publication, and dates what follows.
        (
            "Ana Pelk took office on March 3, 2019. She quit a year ago. A year later she ran again.",
            &[
                ("March 3, 2019", "2019-03-03", Date),
                ("a year ago", "2024", Date),
                ("A year later", "2025", Date),
            ],
        ),
    ];
    for (s, want) in table {
        check_all(s, PUB, want);
    }
}

/// A time of day that names no day ("5 p.m.") does not move the date
/// "later" counts from; one that names its day does.
#[test]
fn times_count_only_with_their_day() {
    let table = [
        (
            "Ana Pelk arrived on March 3, 2019. By 5 p.m. she had spoken. Two days later she left.",
            "2019-03-05",
        ),
        (
            "Ana Pelk arrived in 2019 and spoke on Friday afternoon. Two days later she left.",
            "2025-11-30",
        ),
    ];
    for (s, value) in table {
        let found = find(s, Some(d(PUB)));
        let last = found.last().map(|t| (&s[t.start..t.end], t.value.as_str()));
        assert_eq!(last, Some(("Two days later", value)), "in {s:?}");
    }
}

/// With no date before them they stay open: the publication date says
/// nothing about "a year later".
#[test]
fn counted_from_no_date_stays_open() {
    let table = [
        ("A year later, Ana Pelk resigned.", "A year later", "XXXX"),
        (
            "Two weeks later the port reopened.",
            "Two weeks later",
            "XXXX-XX-XX",
        ),
        (
            "A month earlier the mayor had resigned.",
            "A month earlier",
            "XXXX-XX",
        ),
        (
            "Three days after, the ferry sank.",
            "Three days after",
            "XXXX-XX-XX",
        ),
        ("The next day the ferry sank.", "The next day", "XXXX-XX-XX"),
        (
            "The following year the ferry sank.",
            "The following year",
            "XXXX",
        ),
        ("That week the ferry sank.", "That week", "XXXX-WXX"),
    ];
    for (s, extent, value) in table {
        check(s, PUB, extent, value, Date);
    }
}

/// What stays as it was beside the anchored forms: "ago" and comparison
/// baselines count from the publication, and a count before an event, a
/// delay or a span of hours is a duration.
#[test]
fn ago_baselines_and_durations_are_unchanged() {
    let table = [
        ("Ana Pelk left a year ago.", "a year ago", "2024", Date),
        (
            "Profit rose 5% from a year earlier.",
            "a year earlier",
            "2024",
            Date,
        ),
        (
            "Sales rose to 4.1 mln dlrs from 3.2 mln dlrs a year before.",
            "a year before",
            "2024",
            Date,
        ),
        (
            "Ana Pelk served for two weeks.",
            "two weeks",
            "P2W",
            Duration,
        ),
        (
            "The ferry docked two days after the storm.",
            "two days",
            "P2D",
            Duration,
        ),
        (
            "The ferry arrived an hour later.",
            "an hour",
            "PT1H",
            Duration,
        ),
        (
            "The ferry arrived two days later than planned.",
            "two days",
            "P2D",
            Duration,
        ),
    ];
    for (s, extent, value, ty) in table {
        check(s, PUB, extent, value, ty);
    }
}

/// No date inside a name: publications and programmes that hold a day word.
#[test]
fn no_date_inside_a_name() {
    for s in [
        "Ana Pelk told USA Today she would stay.",
        "Ana Pelk writes for USA TODAY.",
        "USA TODAY printed the letter.",
        "Ana Pelk told the Independent on Sunday she would stay.",
        "The Mail on Sunday printed the letter.",
        "Ana Pelk told the Sunday Times she would stay.",
        "The Sunday Times printed the letter.",
        "A Sunday Courier reporter asked Ana Pelk.",
        "Ana Pelk appeared on Good Morning America.",
        "The Daily Mail printed the letter.",
        "Ana Pelk told the Daily Mail she would stay.",
        "Ana Pelk appeared on the Today show.",
        "Ana Pelk told the Today programme she would stay.",
        "Ana Pelk spoke to Kestrel's Today show.",
        "Today show host Ana Pelk resigned.",
        "Shoppers queued on Black Friday.",
    ] {
        nothing(s);
    }
}

/// The same day words stay dates outside names.
#[test]
fn day_words_beside_names_stay_dates() {
    let table = [
        ("Today, Ana Pelk said she was done.", "Today", "2025-11-30"),
        ("Ana Pelk said today she was done.", "today", "2025-11-30"),
        ("Ana Pelk resigned on Sunday.", "Sunday", "2025-11-30"),
        ("On Sunday Ana Pelk resigned.", "Sunday", "2025-11-30"),
        (
            "Ana Pelk met aides at the Oval Office on Sunday.",
            "Sunday",
            "2025-11-30",
        ),
        (
            "The Daily Mail reported on Friday that Ana Pelk quit.",
            "Friday",
            "2025-11-28",
        ),
        (
            "Ana Pelk told the Today programme on Friday she quit.",
            "Friday",
            "2025-11-28",
        ),
        // A headline in capitals tells nothing by its capitals.
        ("HARBOUR TALKS TO RESUME TODAY", "TODAY", "2025-11-30"),
        ("PORT BOARD MEETS TODAY IN KESTREL", "TODAY", "2025-11-30"),
    ];
    for (s, extent, value) in table {
        check(s, PUB, extent, value, Date);
    }
}

/// Days anchored to an event give no calendar value of their own (the
/// guide allows no claim or an open one); none is guessed.
#[test]
fn event_anchored_days_are_not_guessed() {
    for s in [
        "Ana Pelk spoke on election night.",
        "It was his second day as mayor.",
        "Ana Pelk spoke the day after the vote.",
        "Crowds gathered on Harbour Day.",
        "Ana Pelk voted on polling day.",
        "On the second day of the summit Ana Pelk left.",
    ] {
        nothing(s);
    }
}

/// A weekday in a future context is the coming one (issue 11, item 10):
/// published on Sunday 30 November 2025.
#[test]
fn weekdays_in_a_future_context_are_ahead() {
    let table = [
        (
            "Aides published the itinerary for Tuesday.",
            "Tuesday",
            "2025-12-02",
        ),
        (
            "The summit, which starts on Friday, is the first of its kind.",
            "Friday",
            "2025-12-05",
        ),
        (
            "Nobody knows when he is supposed to step down on Friday.",
            "Friday",
            "2025-12-05",
        ),
        (
            "The tour, which opens on Wednesday, sold out.",
            "Wednesday",
            "2025-12-03",
        ),
        // The same words in the past stay in the past.
        (
            "Aides published the itinerary on Tuesday.",
            "Tuesday",
            "2025-11-25",
        ),
        (
            "He was supposed to step down on Friday.",
            "Friday",
            "2025-11-28",
        ),
    ];
    for (s, extent, value) in table {
        check(s, PUB, extent, value, Date);
    }
}

#[test]
fn false_positive_traps() {
    for s in [
        "You may leave whenever you like.",
        "Protesters march through the old town.",
        "The senator met Theresa May and later criticised May in a speech.",
        "He finished second in the sprint.",
        "The company sold 1988 cars and 2,019 trucks.",
        "The firm paid $2000 in fines.",
        "Good Friday is a public holiday in many countries.",
        "A second opinion was sought from the board.",
        "The hotel has 1500 rooms.",
        "He scored 2015 points over his career.",
        "The fall of the old regime surprised many.",
        "About three-quarters of voters agreed.",
        "She starred in Friday Night Lights as a teenager.",
        "Ratings for 60 Minutes rose.",
    ] {
        nothing(s);
    }
}

#[test]
fn spans_exclude_prepositions_keep_modifiers() {
    check(
        "The ban lasts until early December.",
        PUB,
        "early December",
        "2025-12",
        Date,
    );
    check(
        "Nothing changed since the end of 2019.",
        PUB,
        "the end of 2019",
        "2019",
        Date,
    );
    check(
        "Wages rose by more than four hours' pay.",
        PUB,
        "more than four hours",
        "PT4H",
        Duration,
    );
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_char_boundaries(s in "\\PC{0,200}", day in 0u32..20000) {
        let pubd = NaiveDate::from_ymd_opt(1970, 1, 1).and_then(|b| b.checked_add_days(chrono::Days::new(day.into())));
        let found = find(&s, pubd);
        let mut last = 0;
        for t in &found {
            prop_assert!(t.start < t.end && t.end <= s.len());
            prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
            prop_assert!(t.start >= last, "overlap or disorder");
            last = t.end;
        }
        let _ = anchor(&s, pubd);
    }

    #[test]
    fn temporal_words_in_noise_never_panic(
        words in proptest::collection::vec(
            prop_oneof![
                Just("May"), Just("Friday"), Just("last"), Just("the"), Just("3"), Just("p.m."),
                Just("1987"), Just("-"), Just("year"), Just("ago"), Just("quarter"), Just("Nov."),
                Just("28,"), Just("fiscal"), Just("'90s"), Just("second"), Just("every"), Just("12/31/"),
                Just("é"), Just("—"), Just("a"), Just("half"), Just("1/2"), Just("hours"),
            ],
            0..30,
        ),
        glue in proptest::collection::vec(any::<bool>(), 30),
    ) {
        let mut s = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 && !glue[i] {
                s.push(' ');
            }
            s.push_str(w);
        }
        for pubd in [None, Some(d("2025-11-30")), NaiveDate::from_ymd_opt(1, 1, 1)] {
            let found = find(&s, pubd);
            for t in &found {
                prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end) && t.start < t.end);
            }
        }
    }
}
