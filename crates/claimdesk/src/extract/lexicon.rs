//! Word lists the extractor reads: abbreviations, titles and offices,
//! honorifics, given names, places and their adjectives, organization words,
//! event nouns, speech verbs and function words.
//!
//! The lists are plain data files under `data/lexicon/` compiled in with
//! `include_str!` and parsed once (`LazyLock`). Lookups take ASCII
//! lower-case keys.

use crate::hash::{FastMap, FastSet as Set, FnvBuild};
use std::collections::HashSet;
use std::sync::LazyLock;

/// A set of words with the fast hasher.
pub type FastSet = Set<&'static str>;

/// A fast set of the given words.
pub fn set_of(words: &[&'static str]) -> FastSet {
    words.iter().copied().collect()
}

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn words(data: &'static str) -> FastSet {
    lines(data).flat_map(str::split_whitespace).collect()
}

fn set(data: &'static str) -> FastSet {
    lines(data).collect()
}

static ABBREV: LazyLock<(FastSet, FastSet)> = LazyLock::new(|| {
    let mut all = FastSet::default();
    let mut prefix = FastSet::default();
    for l in lines(include_str!("../../data/lexicon/abbreviations.txt")) {
        if let Some(p) = l.strip_prefix('!') {
            prefix.insert(p);
            all.insert(p);
        } else {
            all.insert(l);
        }
    }
    (all, prefix)
});

static TITLES: LazyLock<FastSet> =
    LazyLock::new(|| set(include_str!("../../data/lexicon/titles.txt")));

/// Every word that occurs in a title ("state" in "secretary of state").
static TITLE_WORDS: LazyLock<FastSet> = LazyLock::new(|| {
    TITLES
        .iter()
        .flat_map(|t| t.split(' '))
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "in"))
        .collect()
});

/// The first word of every title.
static TITLE_STARTS: LazyLock<FastSet> =
    LazyLock::new(|| TITLES.iter().filter_map(|t| t.split(' ').next()).collect());

/// The last word of every title ("adviser" of "national security adviser").
static TITLE_HEADS: LazyLock<FastSet> =
    LazyLock::new(|| TITLES.iter().filter_map(|t| t.rsplit(' ').next()).collect());

/// Abbreviated title words ("sen") → the word written out ("senator").
static TITLE_ABBREV: LazyLock<FastMap<&'static str, &'static str>> = LazyLock::new(|| {
    lines(include_str!("../../data/lexicon/title_abbreviations.txt"))
        .filter_map(|l| l.split_once(' '))
        .map(|(a, w)| (a.trim(), w.trim()))
        .collect()
});

/// The title word an abbreviation written with its full stop stands for
/// ("sen." → "senator"); other words as they are.
pub fn title_word(w: &str) -> &str {
    match w.strip_suffix('.') {
        Some(stem) => TITLE_ABBREV.get(stem).copied().unwrap_or(w),
        None => w,
    }
}

/// A lookup in a word list of `data/lexicon`: a `LazyLock` set and the
/// function that asks it.
macro_rules! word_list {
    ($(#[$doc:meta])* $name:ident, $set:ident, $file:literal) => {
        static $set: LazyLock<FastSet> =
            LazyLock::new(|| set(include_str!(concat!("../../data/lexicon/", $file))));
        $(#[$doc])*
        pub fn $name(w: &str) -> bool {
            $set.contains(w)
        }
    };
}

/// Inflected verb form → the title it states holding
/// (`data/lexicon/role_verbs.txt`): "chaired" → "chair". The bare lemma is
/// left out: "found" is also the past of "find".
static ROLE_VERBS: LazyLock<FastMap<String, &'static str>> = LazyLock::new(|| {
    let mut m = FastMap::default();
    for l in lines(include_str!("../../data/lexicon/role_verbs.txt")) {
        let mut cols = l.split_whitespace();
        let (Some(forms), Some(title)) = (cols.next(), cols.next()) else {
            continue;
        };
        let mut forms = forms.split(',');
        let Some(lemma) = forms.next() else { continue };
        for f in inflections(lemma)
            .into_iter()
            .skip(1)
            .chain(forms.map(str::to_string))
        {
            m.insert(f, title);
        }
    }
    m
});

/// The title an inflected verb form states holding ("chaired" → "chair").
pub fn role_verb(w: &str) -> Option<&'static str> {
    ROLE_VERBS.get(w).copied()
}

word_list!(
    /// A word opening a subordinate clause ("before", "when", "after").
    is_subordinator, SUBORDINATORS, "subordinators.txt"
);
word_list!(
    /// A verb form showing that the capitalised words before it are a
    /// person acting ("said", "resigned").
    is_person_verb, PERSON_VERBS, "person_verbs.txt"
);
word_list!(
    /// A word a title-cased name keeps in lower case ("of", "the").
    is_title_case_minor, TITLE_CASE_MINOR, "title_case_minor.txt"
);
word_list!(
    /// A first word that makes a title a lesser one ("vice", "deputy").
    is_lesser_title_word, LESSER_TITLE_WORDS, "lesser_title_words.txt"
);
word_list!(
    /// A word that may stand between a subject and its verb ("had",
    /// "also", "reportedly", "himself").
    is_verb_filler, VERB_FILLERS, "verb_fillers.txt"
);
word_list!(
    /// A word before a title that belongs to it ("former", "acting", "deputy").
    is_title_modifier, TITLE_MODIFIERS, "title_modifiers.txt"
);
word_list!(
    /// A particle inside a name ("von", "al", "van").
    is_name_particle, NAME_PARTICLES, "name_particles.txt"
);
word_list!(
    /// A verb joining a person to a title ("is", "became").
    is_role_copula, ROLE_COPULAS, "role_copulas.txt"
);
word_list!(
    /// Person nouns that judge rather than relate ("a critic of X").
    is_evaluative, EVALUATIVE, "evaluative_nouns.txt"
);
word_list!(
    /// A verb of appointment before a title ("named", "sworn").
    is_appointment_verb, APPOINTMENT_VERBS, "appointment_verbs.txt"
);
word_list!(
    /// A body one is a member of ("council", "party").
    is_member_body, MEMBER_BODIES, "member_bodies.txt"
);
word_list!(
    /// A word referring back to several people named before ("they", "both").
    is_plural_anaphor, PLURAL_ANAPHORS, "plural_anaphors.txt"
);

static HONORIFICS: LazyLock<FastSet> =
    LazyLock::new(|| set(include_str!("../../data/lexicon/honorifics.txt")));

static MALE: LazyLock<FastSet> =
    LazyLock::new(|| words(include_str!("../../data/lexicon/names_male.txt")));
static FEMALE: LazyLock<FastSet> =
    LazyLock::new(|| words(include_str!("../../data/lexicon/names_female.txt")));

static STOP: LazyLock<FastSet> =
    LazyLock::new(|| words(include_str!("../../data/lexicon/stopwords.txt")));

static ORG: LazyLock<FastSet> =
    LazyLock::new(|| set(include_str!("../../data/lexicon/org_words.txt")));

static EVENTS: LazyLock<FastSet> =
    LazyLock::new(|| set(include_str!("../../data/lexicon/events.txt")));

/// What a cue word says about the event it comes before
/// (`data/lexicon/cues.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Close before the trigger: did not, or may not, happen.
    Negation,
    /// In the clause before the trigger: refused, demanded, hoped for.
    Hypothesis,
    /// In the clause before the trigger, only as a verb before "to" or
    /// "in" ("failed to resign"); as an adjective ("the failed talks") the
    /// event took place.
    HypothesisTo,
    /// Close before the trigger: planned.
    Future,
    /// Anywhere in the clause: planned ("next", "tomorrow").
    FutureAfter,
}

static CUES: LazyLock<FastMap<&'static str, Vec<Cue>>> = LazyLock::new(|| {
    let mut m = FastMap::default();
    for l in lines(include_str!("../../data/lexicon/cues.txt")) {
        let mut cols = l.split('#').next().unwrap_or("").split_whitespace();
        let (Some(w), Some(kind)) = (cols.next(), cols.next()) else {
            continue;
        };
        let cue = match kind {
            "negation" => Cue::Negation,
            "hypothesis" => Cue::Hypothesis,
            "hypothesis_to" => Cue::HypothesisTo,
            "future" => Cue::Future,
            "future_after" => Cue::FutureAfter,
            _ => continue,
        };
        m.entry(w).or_insert_with(Vec::new).push(cue);
    }
    m
});

/// Whether the lower-case word is a cue of this kind.
pub fn is_cue(w: &str, kind: Cue) -> bool {
    CUES.get(w).is_some_and(|c| c.contains(&kind))
}

static ASSEMBLIES: LazyLock<FastSet> =
    LazyLock::new(|| set(include_str!("../../data/lexicon/assemblies.txt")));

/// Whether the noun names a body or gathering one can address or appear
/// before ("council", "committee", "rally").
pub fn is_assembly(w: &str) -> bool {
    ASSEMBLIES.contains(w)
}

static SPOKESPEOPLE: LazyLock<FastSet> =
    LazyLock::new(|| set(include_str!("../../data/lexicon/spokespeople.txt")));

/// Whether the noun names someone who speaks for another ("spokesman").
pub fn is_spokesperson(w: &str) -> bool {
    SPOKESPEOPLE.contains(w)
}

static SUCCESSION: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    lines(include_str!("../../data/lexicon/succession_verbs.txt"))
        .filter_map(|l| l.split('#').next()?.split_whitespace().next())
        .flat_map(inflections)
        .collect()
});

/// Whether the word is a form of a verb of taking over a post ("replaced",
/// "succeeding"): in "X replaced Y as mayor" the title is X's.
pub fn is_succession_verb(w: &str) -> bool {
    SUCCESSION.contains(w)
}

static OWNED_EVENTS: LazyLock<FastSet> =
    LazyLock::new(|| set(include_str!("../../data/lexicon/owned_events.txt")));

static EVENT_MODIFIERS: LazyLock<FastSet> =
    LazyLock::new(|| set(include_str!("../../data/lexicon/event_modifiers.txt")));

static PLACE_SUFFIX: LazyLock<FastSet> =
    LazyLock::new(|| set(include_str!("../../data/lexicon/place_suffixes.txt")));

static SPEECH: LazyLock<FastSet> =
    LazyLock::new(|| set(include_str!("../../data/lexicon/speech_verbs.txt")));

/// Lower-case place name or adjective → canonical place name; plus the set
/// of every word that occurs in a place name.
type PlaceLists = (FastMap<String, &'static str>, HashSet<String, FnvBuild>);

static PLACES: LazyLock<PlaceLists> = LazyLock::new(|| {
    let mut map = FastMap::default();
    let mut parts = HashSet::default();
    for l in lines(include_str!("../../data/lexicon/places.txt")) {
        let mut it = l.split('|');
        let Some(place) = it.next() else { continue };
        for alias in std::iter::once(place).chain(it) {
            map.insert(alias.to_ascii_lowercase(), place);
            for w in alias.split(' ') {
                parts.insert(w.to_ascii_lowercase());
            }
        }
    }
    (map, parts)
});

/// Per-word flags, looked up once per token by the segmenter so the hot
/// loops of the rules test a bit instead of hashing again.
pub mod flag {
    pub const STOP: u16 = 1;
    pub const PRONOUN: u16 = 2;
    pub const ATTEND: u16 = 4;
    pub const DISMISS: u16 = 8;
    pub const SPEECH: u16 = 16;
}

static FLAGS: LazyLock<FastMap<&'static str, u16>> = LazyLock::new(|| {
    let mut m: FastMap<&'static str, u16> = FastMap::default();
    let mut add = |w: &'static str, f: u16| *m.entry(w).or_insert(0) |= f;
    for w in STOP.iter() {
        add(w, flag::STOP);
    }
    for w in [
        "he", "him", "his", "himself", "she", "her", "hers", "herself",
    ] {
        add(w, flag::PRONOUN);
    }
    for (w, ts) in TRIGGERS.iter() {
        for t in ts {
            add(
                w,
                match t.kind {
                    Kind::Attendance => flag::ATTEND,
                    Kind::Dismissal => flag::DISMISS,
                },
            );
        }
    }
    for w in EVENTS.iter() {
        add(w, flag::ATTEND);
    }
    for w in SPEECH.iter() {
        add(w, flag::SPEECH);
    }
    m
});

/// The claim kind a trigger opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Attendance,
    Dismissal,
}

/// One line of `data/lexicon/triggers.txt`, for one of its word forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    pub lemma: &'static str,
    pub kind: Kind,
    /// The rule arm that reads it ("meet", "leave").
    pub pattern: &'static str,
    /// The variant the arm takes ("resigned" in `leave:resigned`).
    pub variant: &'static str,
    /// Words one of which must follow the trigger (empty: none needed).
    pub next: Vec<&'static str>,
    /// Declared as a noun (`=`): taken as written, not inflected.
    pub noun: bool,
}

/// The regular inflections of a verb lemma: third person, past, present
/// participle, with the usual spelling changes (doubling is listed in the
/// data where it applies).
pub fn inflections(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let chars: Vec<char> = lemma.chars().collect();
    let n = chars.len();
    let cons_y = n >= 2 && chars[n - 1] == 'y' && !vowel(chars[n - 2]);
    let stem_y = || lemma.get(..lemma.len().saturating_sub(1)).unwrap_or("");
    // Third person.
    if cons_y {
        out.push(format!("{}ies", stem_y()));
    } else if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|e| lemma.ends_with(e))
    {
        out.push(format!("{lemma}es"));
    } else {
        out.push(format!("{lemma}s"));
    }
    // Past.
    if lemma.ends_with('e') {
        out.push(format!("{lemma}d"));
    } else if cons_y {
        out.push(format!("{}ied", stem_y()));
    } else {
        out.push(format!("{lemma}ed"));
    }
    // Participle.
    if lemma.ends_with('e') && !lemma.ends_with("ee") {
        out.push(format!(
            "{}ing",
            lemma.get(..lemma.len().saturating_sub(1)).unwrap_or("")
        ));
    } else {
        out.push(format!("{lemma}ing"));
    }
    out
}

/// Word form → the triggers it opens, in the data's order.
static TRIGGERS: LazyLock<FastMap<String, Vec<Trigger>>> = LazyLock::new(|| {
    let mut m: FastMap<String, Vec<Trigger>> = FastMap::default();
    for l in lines(include_str!("../../data/lexicon/triggers.txt")) {
        let body = l.split('#').next().unwrap_or("");
        let mut cols = body.split_whitespace();
        let (Some(forms), Some(kind), Some(pat)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let kind = match kind {
            "attendance" => Kind::Attendance,
            "dismissal" => Kind::Dismissal,
            _ => continue,
        };
        let next: Vec<&'static str> = cols
            .next()
            .and_then(|n| n.strip_prefix('+'))
            .map(|n| n.split('|').collect())
            .unwrap_or_default();
        let (pattern, variant) = pat.split_once(':').unwrap_or((pat, ""));
        let noun = forms.starts_with('=');
        let mut listed = forms.trim_start_matches('=').split(',');
        let Some(lemma) = listed.next() else { continue };
        let mut words: Vec<String> = if noun {
            vec![lemma.to_string()]
        } else {
            inflections(lemma)
        };
        words.extend(listed.map(str::to_string));
        for w in words {
            let ts = m.entry(w).or_default();
            if !ts.iter().any(|t| t.pattern == pattern && t.kind == kind) {
                ts.push(Trigger {
                    lemma,
                    kind,
                    pattern,
                    variant,
                    next: next.clone(),
                    noun,
                });
            }
        }
    }
    m
});

/// The triggers of `kind` that the lower-case word `w` opens.
/// Whether `w` is a verb form that takes the event as its object
/// ("attended", "hosted", "toured"): "the dinner, which he attended".
pub fn is_attend_verb(w: &str) -> bool {
    triggers(w, Kind::Attendance).any(|t| {
        !t.noun && t.next.is_empty() && matches!(t.pattern, "event_verb" | "host" | "visit")
    })
}

pub fn triggers(w: &str, kind: Kind) -> impl Iterator<Item = &'static Trigger> {
    TRIGGERS
        .get(w)
        .into_iter()
        .flatten()
        .filter(move |t| t.kind == kind)
}

/// The flags of a lower-case word (0 for most words).
pub fn flags(w: &str) -> u16 {
    FLAGS.get(w).copied().unwrap_or(0)
}

/// A person's grammatical gender as far as the text tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Unknown,
    Male,
    Female,
}

pub fn is_abbrev(w: &str) -> bool {
    ABBREV.0.contains(w)
}

/// Abbreviations that come before a name or number and never end a sentence.
pub fn is_prefix_abbrev(w: &str) -> bool {
    ABBREV.1.contains(w)
}

pub fn is_stopword(w: &str) -> bool {
    STOP.contains(w)
}

pub fn is_title(phrase: &str) -> bool {
    TITLES.contains(phrase)
}

pub fn is_title_word(w: &str) -> bool {
    TITLE_WORDS.contains(title_word(w).trim_end_matches('.'))
}

/// Whether some title starts with this word.
pub fn is_title_start(w: &str) -> bool {
    TITLE_STARTS.contains(title_word(w))
}

pub fn is_title_head(w: &str) -> bool {
    TITLE_HEADS.contains(title_word(w))
}

pub fn is_honorific(w: &str) -> bool {
    HONORIFICS.contains(w.trim_end_matches('.'))
}

/// The gender a given name suggests, if it is a known given name.
pub fn given_name(w: &str) -> Option<Gender> {
    match (MALE.contains(w), FEMALE.contains(w)) {
        (true, false) => Some(Gender::Male),
        (false, true) => Some(Gender::Female),
        (true, true) => Some(Gender::Unknown),
        (false, false) => None,
    }
}

pub fn is_org_word(w: &str) -> bool {
    ORG.contains(w)
}

pub fn is_event(w: &str) -> bool {
    EVENTS.contains(w)
}

pub fn is_speech_verb(w: &str) -> bool {
    SPEECH.contains(w)
}

/// The canonical place a lower-case name or adjective stands for
/// ("british" → "Britain").
pub fn place(w: &str) -> Option<&'static str> {
    PLACES.0.get(w).copied()
}

/// Whether a possessor alone attends the event this noun names ("her
/// inauguration", not "her party").
pub fn is_owned_event(w: &str) -> bool {
    OWNED_EVENTS.contains(w)
}

/// Whether the word can sit between a determiner or possessor and an
/// event noun: a listed modifier ("state", "closed-door") or a length
/// ("two-day", "48-hour").
pub fn is_event_modifier(w: &str) -> bool {
    EVENT_MODIFIERS.contains(w)
        || ["-day", "-hour", "-week", "-nation", "-minute"]
            .iter()
            .any(|s| w.ends_with(s) && w.len() > s.len())
}

/// Whether a name ending in this word is a place ("Beach", "Square").
pub fn is_place_suffix(w: &str) -> bool {
    PLACE_SUFFIX.contains(w)
}

/// Whether the word occurs in some place name.
pub fn is_place_word(w: &str) -> bool {
    PLACES.1.contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_answer() {
        assert!(is_abbrev("inc") && is_prefix_abbrev("mr") && !is_prefix_abbrev("inc"));
        assert!(
            is_title("secretary of state") && is_title_word("state") && is_title_head("adviser")
        );
        assert_eq!(given_name("olena"), Some(Gender::Female));
        assert_eq!(given_name("rustem"), Some(Gender::Male));
        assert_eq!(place("british"), Some("Britain"));
        assert_eq!(place("u.s."), Some("United States"));
        assert!(is_org_word("party") && is_event("summit") && is_speech_verb("said"));
        assert!(is_stopword("the") && !is_stopword("minister"));
    }

    fn check(input: &str, expected: &[&str]) {
        assert_eq!(inflections(input), expected, "input: {input:?}");
    }

    #[test]
    fn inflections_are_generated() {
        check("visit", &["visit", "visits", "visited", "visiting"]);
        check("arrive", &["arrive", "arrives", "arrived", "arriving"]);
        check(
            "testify",
            &["testify", "testifies", "testified", "testifying"],
        );
        check(
            "address",
            &["address", "addresses", "addressed", "addressing"],
        );
        check("agree", &["agree", "agrees", "agreed", "agreeing"]);
    }

    #[test]
    fn every_cue_line_has_a_kind_and_an_example() {
        for l in lines(include_str!("../../data/lexicon/cues.txt")) {
            let cols: Vec<&str> = l
                .split('#')
                .next()
                .unwrap_or("")
                .split_whitespace()
                .collect();
            assert_eq!(cols.len(), 2, "line {l:?}");
            assert!(l.contains('#'), "no example in {l:?}");
        }
        for (w, kind) in [
            ("not", Cue::Negation),
            ("refused", Cue::Hypothesis),
            ("failed", Cue::HypothesisTo),
            ("will", Cue::Future),
            ("next", Cue::FutureAfter),
            ("upcoming", Cue::Future),
            ("upcoming", Cue::FutureAfter),
        ] {
            assert!(is_cue(w, kind), "{w} {kind:?}");
        }
        assert!(!is_cue("met", Cue::Negation));
        assert!(is_assembly("committee") && !is_assembly("minister"));
    }

    #[test]
    fn every_trigger_line_parses_into_known_patterns() {
        let known = [
            "meet",
            "greet",
            "event_verb",
            "host",
            "tell",
            "visit",
            "travel",
            "be_in",
            "take_part",
            "include",
            "appear",
            "speaking",
            "represented",
            "present_at",
            "leave",
            "sever_ties",
            "announce_resignation",
            "remove",
            "noun",
        ];
        let data = include_str!("../../data/lexicon/triggers.txt");
        let mut n = 0;
        for l in lines(data) {
            let cols: Vec<&str> = l
                .split('#')
                .next()
                .unwrap_or("")
                .split_whitespace()
                .collect();
            assert!(cols.len() >= 3, "line {l:?}");
            let pat = cols[2].split(':').next().unwrap_or("");
            assert!(known.contains(&pat), "unknown pattern in {l:?}");
            assert!(l.contains('#'), "no example in {l:?}");
            n += 1;
        }
        assert!(n > 40);
        assert!(triggers("flew", Kind::Attendance).any(|t| t.pattern == "travel"));
        assert!(triggers("stepped", Kind::Dismissal).any(|t| t.next == ["down", "aside"]));
        assert_eq!(flags("visited") & flag::ATTEND, flag::ATTEND);
        assert_eq!(flags("resigns") & flag::DISMISS, flag::DISMISS);
    }
}
