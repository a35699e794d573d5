//! Word classes the temporal rules care about: month and weekday names,
//! number and ordinal words (both from the shared vocabulary,
//! `lexical::vocab`), calendar units, seasons, parts of the day, deictic day
//! words and the modifier words that may open an expression. Looked up once
//! per word token through a hash map built on first use.

use crate::hash::FastMap;
use crate::lexical::vocab;
use std::sync::LazyLock;

/// Calendar and clock units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Parts of the day, with their TimeML codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pod {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Pod {
    pub fn code(self) -> &'static str {
        match self {
            Pod::Morning => "TMO",
            Pod::Afternoon => "TAF",
            Pod::Evening => "TEV",
            Pod::Night => "TNI",
        }
    }
}

/// Seasons, with their TimeML codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

/// The class of a word token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    None,
    /// Full month name, 1-12.
    Month(u32),
    /// Month abbreviation ("Nov", "Sept"), 1-12.
    MonthAbbr(u32),
    /// Weekday, ISO number 1 (Monday) - 7 (Sunday).
    Weekday(u32),
    /// Plural weekday ("Fridays").
    Weekdays(u32),
    /// Cardinal number word ("three", "twenty").
    Number(u32),
    /// Ordinal word ("third").
    Ordinal(u32),
    /// Calendar unit; `true` when plural.
    Unit(Unit, bool),
    /// Frequency adverb/adjective ("daily", "annually").
    Every(Unit),
    Season(Season),
    Pod(Pod),
    /// today (0), yesterday (-1), tomorrow (1).
    Deictic(i32),
    /// "tonight".
    Tonight,
    /// noon / midday (12) and midnight (24).
    ClockWord(u32),
    /// Vague quantity ("several", "few", "many").
    Vague,
    /// Other word that may open or shape a temporal expression.
    Key,
}

/// The number a number word stands for.
pub fn number_value(l: Lex) -> Option<u32> {
    match l {
        Lex::Number(n) => Some(n),
        _ => None,
    }
}

type Map = FastMap<&'static str, Lex>;

/// The lines of a word-list data file (`data/timex/`), without blanks and
/// `#` comments.
pub fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The full lowercase name of month `m` (1-12).
pub fn month_name(m: u32) -> &'static str {
    vocab::month_name(m)
}

/// The full lowercase name of ISO weekday `d` (1-7).
pub fn weekday_name(d: u32) -> &'static str {
    vocab::weekday_name(d)
}

/// The class of a word of the shared vocabulary (`lexical::vocab`): month
/// names and their abbreviations, full weekday names, cardinal and ordinal
/// number words. "hundred" is a number here (the spelled-year rules read
/// "nineteen hundred"); other scale words and weekday abbreviations (`sun`,
/// `sat`, `wed` are common words) are not temporal.
fn vocab_class(word: &str, w: vocab::Word) -> Option<Lex> {
    let small = |n: u64| u32::try_from(n).ok();
    match w {
        vocab::Word::Month { n, abbr: false } => Some(Lex::Month(n)),
        vocab::Word::Month { n, abbr: true } => Some(Lex::MonthAbbr(n)),
        vocab::Word::Weekday { n, abbr: false } => Some(Lex::Weekday(n)),
        vocab::Word::Weekday { abbr: true, .. } => None,
        vocab::Word::Cardinal(n) => small(n).map(Lex::Number),
        vocab::Word::Ordinal(n) => small(n).map(Lex::Ordinal),
        vocab::Word::Scale(_) => (word == "hundred").then_some(Lex::Number(100)),
    }
}

const UNITS: [(&str, Unit, bool); 29] = [
    ("second", Unit::Second, false),
    ("seconds", Unit::Second, true),
    ("minute", Unit::Minute, false),
    ("minutes", Unit::Minute, true),
    ("min", Unit::Minute, false),
    ("mins", Unit::Minute, true),
    ("hour", Unit::Hour, false),
    ("hours", Unit::Hour, true),
    ("hr", Unit::Hour, false),
    ("hrs", Unit::Hour, true),
    ("day", Unit::Day, false),
    ("days", Unit::Day, true),
    ("week", Unit::Week, false),
    ("weeks", Unit::Week, true),
    ("fortnight", Unit::Fortnight, false),
    ("fortnights", Unit::Fortnight, true),
    ("month", Unit::Month, false),
    ("months", Unit::Month, true),
    ("quarter", Unit::Quarter, false),
    ("quarters", Unit::Quarter, true),
    ("year", Unit::Year, false),
    ("years", Unit::Year, true),
    ("yr", Unit::Year, false),
    ("yrs", Unit::Year, true),
    ("decade", Unit::Decade, false),
    ("decades", Unit::Decade, true),
    ("century", Unit::Century, false),
    ("centuries", Unit::Century, true),
    ("millennium", Unit::Century, false),
];

/// Words that may open an expression or shape one; rules compare them by text.
const KEYS: [&str; 82] = [
    "the",
    "this",
    "that",
    "these",
    "its",
    "a",
    "an",
    "next",
    "past",
    "coming",
    "previous",
    "following",
    "current",
    "early",
    "late",
    "mid",
    "middle",
    "earlier",
    "later",
    "end",
    "beginning",
    "start",
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "some",
    "more",
    "less",
    "fewer",
    "at",
    "up",
    "no",
    "over",
    "just",
    "every",
    "each",
    "fiscal",
    "now",
    "recent",
    "recently",
    "currently",
    "future",
    "soon",
    "previously",
    "formerly",
    "lately",
    "nowadays",
    "presently",
    "year",
    "half",
    "couple",
    "another",
    "latest",
    "then",
    "right",
    "once",
    "twice",
    "christmas",
    "thanksgiving",
    "halloween",
    "easter",
    "new",
    "independence",
    "q",
    "fy",
    "weekend",
    "weekends",
    "per",
    "ensuing",
    "upcoming",
    "near",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

static LEXICON: LazyLock<Map> = LazyLock::new(|| {
    let mut m = Map::default();
    for k in KEYS {
        m.insert(k, Lex::Key);
    }
    for (word, w) in vocab::words() {
        if let Some(l) = vocab_class(word, w) {
            m.insert(word, l);
        }
    }
    for d in 1..=7 {
        // Plural weekdays ("on Fridays"): a repetition. Seven short strings
        // made once for the life of the program.
        let plural: &'static str =
            Box::leak(format!("{}s", vocab::weekday_name(d)).into_boxed_str());
        m.insert(plural, Lex::Weekdays(d));
    }
    for (w, u, pl) in UNITS {
        m.insert(w, Lex::Unit(u, pl));
    }
    for (w, u) in [
        ("hourly", Unit::Hour),
        ("daily", Unit::Day),
        ("nightly", Unit::Day),
        ("weekly", Unit::Week),
        ("biweekly", Unit::Fortnight),
        ("monthly", Unit::Month),
        ("annually", Unit::Year),
        ("yearly", Unit::Year),
    ] {
        m.insert(w, Lex::Every(u));
    }
    for (w, s) in [
        ("spring", Season::Spring),
        ("summer", Season::Summer),
        ("fall", Season::Fall),
        ("autumn", Season::Fall),
        ("winter", Season::Winter),
    ] {
        m.insert(w, Lex::Season(s));
    }
    for (w, p) in [
        ("morning", Pod::Morning),
        ("afternoon", Pod::Afternoon),
        ("evening", Pod::Evening),
        ("night", Pod::Night),
    ] {
        m.insert(w, Lex::Pod(p));
    }
    m.insert("today", Lex::Deictic(0));
    m.insert("yesterday", Lex::Deictic(-1));
    m.insert("tomorrow", Lex::Deictic(1));
    m.insert("tonight", Lex::Tonight);
    m.insert("noon", Lex::ClockWord(12));
    m.insert("midday", Lex::ClockWord(12));
    m.insert("midnight", Lex::ClockWord(24));
    for w in ["several", "few", "many", "numerous"] {
        m.insert(w, Lex::Vague);
    }
    // "last" is both an ordinal-like word and the "last week" modifier.
    m.insert("last", Lex::Key);
    m
});

/// For each first letter, a bit per word length present in the lexicon: most
/// words are rejected without hashing.
static FILTER: LazyLock<[u16; 26]> = LazyLock::new(|| {
    let mut f = [0u16; 26];
    for k in LEXICON.keys() {
        if let Some(&b) = k.as_bytes().first()
            && b.is_ascii_lowercase()
            && k.len() < 16
        {
            f[usize::from(b - b'a')] |= 1 << k.len();
        }
    }
    f
});

/// The class of a lowercase ASCII word.
pub fn classify(lower: &str) -> Lex {
    let b = lower.as_bytes();
    let (Some(&first), true) = (b.first(), b.len() < 16) else {
        return Lex::None;
    };
    if !first.is_ascii_lowercase() || FILTER[usize::from(first - b'a')] & (1 << b.len()) == 0 {
        return Lex::None;
    }
    LEXICON.get(lower).copied().unwrap_or(Lex::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_words() {
        assert_eq!(classify("november"), Lex::Month(11));
        assert_eq!(classify("sept"), Lex::MonthAbbr(9));
        assert_eq!(classify("friday"), Lex::Weekday(5));
        assert_eq!(classify("weeks"), Lex::Unit(Unit::Week, true));
        assert_eq!(classify("third"), Lex::Ordinal(3));
        assert_eq!(classify("seventeen"), Lex::Number(17));
        assert_eq!(classify("table"), Lex::None);
    }
}
