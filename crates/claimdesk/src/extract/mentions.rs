//! Mentions: where the text names people, by token ranges.
//!
//! A name is a run of capitalized words (with initials, "Jr.", Roman
//! numerals and particles such as "bin", "al", "von der"); titles,
//! honorifics, places, nationality adjectives and organization words at the
//! head of the run are peeled off ("UK Foreign Secretary Boris Johnson" →
//! "Boris Johnson"). A run is a person when a given name, a title, an
//! initial, an age ("Name, 34,") or a speech verb says so; runs with
//! organization words ("Medical Graphics Corp") are not people. Single
//! words are kept as candidates for `coref` to tie to a full name.

use super::lexicon::{self, Gender};
use super::segment::{Doc, SegKind, Tk};

/// A candidate person name found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRun {
    /// Token range `[start, end)` of the name itself.
    pub start: usize,
    pub end: usize,
    pub seg: usize,
    /// Followed by a possessive 's.
    pub possessive: bool,
    /// How sure: a multi-word name that passed a person test (`Full`), or a
    /// single word that only counts if coreference ties it to a person.
    pub strength: Strength,
    /// Gender suggested by a given name, honorific or title.
    pub gender: Gender,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// A full name that passed a person test.
    Full,
    /// A single word preceded by a title or honorific ("President Trump").
    Titled,
    /// A single capitalized word: a person only if it matches one.
    Bare,
}

/// Ordinal words ("Ninth Symphony", "Fifth Avenue" name works and places),
/// from the shared vocabulary.
fn is_ordinal(w: &str) -> bool {
    matches!(
        crate::lexical::vocab::lookup(w),
        Some(crate::lexical::vocab::Word::Ordinal(_))
    )
}

fn is_roman(s: &str) -> bool {
    matches!(s, "II" | "III" | "IV" | "VI" | "VII" | "VIII")
}

/// Whether a lower-case word is a name particle ("bin", "von", "de").
pub fn is_particle(w: &str) -> bool {
    lexicon::is_name_particle(w)
}

/// Whether token `i` can be part of a name run.
fn name_token(doc: &Doc, i: usize, inside: bool) -> bool {
    if doc.kind(i) != Some(Tk::Word) {
        return false;
    }
    let s = doc.s(i);
    if is_roman(s) && inside {
        return true;
    }
    // "al-Assad", "el-Sisi": a particle joined to a capitalised name, inside
    // a name.
    if inside
        && let Some((p, rest)) = s.split_once('-')
        && lexicon::is_name_particle(&p.to_lowercase())
        && rest.chars().next().is_some_and(char::is_uppercase)
    {
        return true;
    }
    if !doc.is_cap(i) {
        return false;
    }
    let chars = s.chars().filter(|c| c.is_alphabetic()).count();
    // Initials "G." and abbreviations like "Jr."
    if s.ends_with('.') {
        return chars == 1 || (inside && matches!(doc.lc(i), "jr." | "sr."));
    }
    if doc.is_allcaps(i) {
        return false;
    }
    // A capitalised function word alone before a lower-case word ("May
    // resigned") is a candidate: it only becomes a person if coreference
    // ties it to a full name ("Ana May").
    if doc.has(i, lexicon::flag::STOP) && !inside {
        return doc.kind(i + 1) == Some(Tk::Word) && !doc.is_cap(i + 1) && !doc.is_allcaps(i);
    }
    true
}

fn gender_of_title(lc: &str) -> Gender {
    match lc {
        "mr" | "mr." | "sir" | "lord" | "king" | "prince" | "husband" | "son" | "father"
        | "brother" | "spokesman" | "chairman" | "congressman" | "councilman" | "emperor"
        | "sheikh" | "monsieur" | "herr" | "widower" => Gender::Male,
        "mrs" | "mrs." | "ms" | "ms." | "miss" | "dame" | "lady" | "queen" | "princess"
        | "wife" | "daughter" | "mother" | "sister" | "spokeswoman" | "chairwoman"
        | "congresswoman" | "councilwoman" | "empress" | "widow" | "madame" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Finds name runs in every segment except datelines. In credits and
/// captions only full names with a known given name count ("US President
/// Donald Trump, visiting ..."): they introduce the person, so a bare
/// surname in the text finds the right one of two relatives, though no
/// claim is read from a credit.
pub fn find(doc: &Doc) -> Vec<NameRun> {
    let mut out = Vec::new();
    for (si, seg) in doc.segs.iter().enumerate() {
        if seg.kind == SegKind::Dateline {
            continue;
        }
        let credit = seg.kind == SegKind::Credit;
        let mut i = seg.tok_start;
        while i < seg.tok_end {
            if !name_token(doc, i, false) {
                i += 1;
                continue;
            }
            let a = i;
            let mut b = i + 1;
            while b < seg.tok_end {
                // A function word inside a name only after a given name
                // ("Theresa May", not "Macron Thursday").
                let stop_ok = !doc.has(b, lexicon::flag::STOP)
                    || lexicon::given_name(doc.lc(b - 1)).is_some();
                let particle = lexicon::is_name_particle(doc.lc(b))
                    && b + 1 < seg.tok_end
                    && name_token(doc, b + 1, true)
                    && b > a;
                if (name_token(doc, b, true) && stop_ok) || particle {
                    b += 1;
                } else {
                    break;
                }
            }
            i = b;
            if let Some(run) = classify(doc, a, b, si, seg.tok_start)
                && (!credit
                    || (run.strength == Strength::Full
                        && lexicon::given_name(doc.lc(run.start)).is_some()))
            {
                out.push(run);
            }
        }
    }
    out
}

/// Peels titles and other non-name words off the head of the run `[a, b)`
/// and decides whether what is left names a person.
fn classify(doc: &Doc, a: usize, b: usize, seg: usize, seg_start: usize) -> Option<NameRun> {
    let mut k = a;
    let mut titled = false;
    let mut gender = Gender::Unknown;
    // A title or honorific right before the run ("adviser Oleksandr Bevz").
    if a > seg_start {
        let p = doc.lc(a - 1);
        if lexicon::is_title_head(p)
            || lexicon::is_honorific(p)
            || lexicon::is_prefix_abbrev(p.trim_end_matches('.'))
        {
            titled = true;
            gender = gender_of_title(p);
        }
    }
    // A lone capitalised function word ("May"): a bare candidate.
    if b == a + 1 && lexicon::is_stopword(doc.lc(a)) {
        return (!titled).then_some(NameRun {
            start: a,
            end: b,
            seg,
            possessive: doc.lc(b) == "'s",
            strength: Strength::Bare,
            gender,
        });
    }
    while k < b {
        let w = doc.lc(k);
        if lexicon::given_name(w).is_some() && k + 1 < b {
            break;
        }
        let stem = w.trim_end_matches('.');
        let title = lexicon::is_title_word(w)
            || lexicon::is_honorific(w)
            || lexicon::is_prefix_abbrev(stem);
        let other = lexicon::is_org_word(w)
            || lexicon::place(w).is_some()
            || lexicon::is_place_word(w)
            || lexicon::is_stopword(w)
            || w.ends_with('.') && w.len() > 2;
        if title || other {
            if title {
                titled = true;
                let g = gender_of_title(w);
                if g != Gender::Unknown {
                    gender = g;
                }
            } else if k > a && !titled {
                // "Labour MP", "UKIP's" and the like keep the title state.
            }
            k += 1;
            continue;
        }
        break;
    }
    // "Leading British Conservative Ana Pelk": capitalised common words
    // before a known given name (and a surname after it) describe the
    // person; the name starts at the given name.
    if let Some(g) =
        (k + 1..b.saturating_sub(1)).find(|&g| lexicon::given_name(doc.lc(g)).is_some())
        && (k..g).all(|t| {
            let w = doc.lc(t);
            crate::lexical::words::is_adjective(w)
                || crate::lexical::words::is_noun(w)
                || lexicon::place(w).is_some()
                || lexicon::is_title_word(w)
        })
    {
        k = g;
    }
    // "Harbour Commissioner Elsa Dunmore": an unlisted word before a title
    // belongs to the title, not the name.
    if let Some(t) = (k..b.saturating_sub(1)).rev().find(|&t| {
        let w = doc.lc(t);
        lexicon::is_title_head(w) && lexicon::given_name(w).is_none()
    }) && t + 1 < b
    {
        titled = true;
        let g = gender_of_title(doc.lc(t));
        if g != Gender::Unknown {
            gender = g;
        }
        k = t + 1;
    }
    if k >= b {
        return None;
    }
    // Trailing title words are not part of the name ("Charles Prince").
    let mut b = b;
    while b > k + 1
        && (lexicon::is_title_word(doc.lc(b - 1)) || lexicon::is_honorific(doc.lc(b - 1)))
    {
        b -= 1;
    }
    let n = b - k;
    let possessive = doc.lc(b) == "'s";
    let words: Vec<&str> = (k..b).map(|i| doc.lc(i)).collect();
    if words.iter().any(|w| lexicon::is_org_word(w)) {
        return None;
    }
    if n >= 2 && lexicon::place(&words.join(" ")).is_some() {
        return None;
    }
    if n > 5 {
        return None;
    }
    let given = lexicon::given_name(words[0]);
    if let Some(g) = given
        && gender == Gender::Unknown
    {
        gender = g;
    }
    // "party leader Labour MP Jeremy Corbyn": a word between two titles
    // names the second one's organization, not a person.
    if n == 1 && lexicon::is_title_word(doc.lc(b)) && (doc.is_cap(b) || doc.is_allcaps(b)) {
        return None;
    }
    if n == 1 {
        let strength = if titled {
            Strength::Titled
        } else {
            Strength::Bare
        };
        return Some(NameRun {
            start: k,
            end: b,
            seg,
            possessive,
            strength,
            gender,
        });
    }
    let initial = (k..b).any(|i| {
        let s = doc.s(i);
        s.len() == 2 && s.ends_with('.')
    });
    let aged = doc.s(b) == "," && doc.kind(b + 1) == Some(Tk::Num) && doc.s(b + 2) == ",";
    let unknown = words.iter().all(|w| {
        !lexicon::is_title_word(w)
            && !lexicon::is_event(w)
            && !lexicon::is_place_word(w)
            && !lexicon::is_stopword(w)
            && !is_ordinal(w)
    });
    let next = doc.lc(b);
    // "Hana Ruiz, research director at the Lab, said": an appositive title
    // without an article, then a speech verb.
    let titled_apposition = next == "," && {
        let lim = (b + 14).min(doc.tokens.len());
        let close = (b + 2..lim).find(|&j| doc.s(j) == ",");
        close.is_some_and(|c| {
            (b + 1..c).any(|j| lexicon::is_title_word(doc.lc(j)) && !doc.is_cap(j))
                && (b + 1..c).all(|j| !lexicon::is_speech_verb(doc.lc(j)))
                && lexicon::is_speech_verb(doc.lc(c + 1))
        })
    };
    let speaks = lexicon::is_speech_verb(next)
        || titled_apposition
        || (next == "," && matches!(doc.lc(b + 1), "who" | "a" | "an" | "the"))
        // "Neera Vale, president of the Harbour Trust, ...": a lower-case
        // title opening an appositive.
        || (next == ","
            && doc.kind(b + 1) == Some(Tk::Word)
            && !doc.is_cap(b + 1)
            && lexicon::is_title_head(doc.lc(b + 1)))
        || (matches!(next, "--" | "\u{2014}" | "\u{2013}") && doc.lc(b + 1) == "who")
        || (a > 0 && lexicon::is_speech_verb(doc.lc(a - 1)));
    // A run of unknown capitalized words acting as a person would:
    // followed by a verb, or after "with", "by", "met", "and".
    let w_next = doc.lc(b);
    let next_verb = doc.kind(b) == Some(Tk::Word)
        && !doc.is_cap(b)
        && (lexicon::is_person_verb(w_next)
 || (w_next.ends_with("ed") && !lexicon::is_stopword(w_next))
            // A trigger or speech verb in any form ("visits", "arrives").
            || (doc.has(
                b,
                lexicon::flag::ATTEND | lexicon::flag::DISMISS | lexicon::flag::SPEECH,
            ) && !lexicon::is_event(w_next)
                && !lexicon::is_stopword(w_next)));
    // After "with", "by", "and", or a verb that takes a person ("sacked",
    // "met", "visited"): `triggers.txt`.
    let prev_ctx = a > seg_start
        && (matches!(
            doc.lc(a - 1),
            "with" | "by" | "met" | "told" | "including" | "included" | "and" | "between"
        ) || lexicon::is_appointment_verb(doc.lc(a - 1))
            || (doc.has(a - 1, lexicon::flag::DISMISS | lexicon::flag::ATTEND)
                && !doc.is_cap(a - 1)
                && takes_person(doc.lc(a - 1))))
        || (a > seg_start + 1 && doc.lc(a - 1) == "to" && doc.lc(a - 2) == "according");
    // The name of a title phrase in apposition: "a spokeswoman for the
    // agency, Hanne Voss," or "the former treasurer, Piet Aalders, had".
    let appositive = a > seg_start + 1
        && doc.s(a - 1) == ","
        && after_title_phrase(doc, a - 1, seg_start)
        && (matches!(doc.s(b), "," | "." | ";") || next_verb);
    // Capitalised words, each part of a double-barrelled one too
    // ("Kramp-Karrenbauer"), not "McDONALD" or "iPhone".
    let plain = (k..b).all(|i| {
        doc.s(i)
            .split('-')
            .all(|part| part.chars().skip(1).all(|c| c.is_lowercase() || c == '\''))
    });
    // "Tollan Widgets said its profit fell", "Harlow Mills, which makes
    // paper": a company speaking of itself, not a person.
    let org_cue = (lexicon::is_speech_verb(next)
        && (doc.lc(b + 1) == "its"
            || (matches!(doc.lc(b + 1), "in" | "on") && doc.lc(b + 2) == "its")))
        || (next == "," && doc.lc(b + 1) == "which");
    if org_cue && given.is_none() && !titled && !initial {
        return None;
    }
    // "Extinction Rebellion protesters": a name used as a modifier of a
    // plural noun for people names a group, not a person.
    let modifier = doc.kind(b) == Some(Tk::Word)
        && !doc.is_cap(b)
        && next.ends_with('s')
        && crate::lexical::words::is_person_noun(next);
    if modifier && given.is_none() && !titled && !initial {
        return None;
    }
    // "Ivo Lund's dinner", "Ivo Lund's two-day visit", "Ivo Lund's wife".
    let poss_cue = possessive && {
        let w = doc.lc(b + 1);
        lexicon::is_event(w)
            || lexicon::is_event_modifier(w)
            || (lexicon::is_title_word(w) && !doc.is_cap(b + 1))
    };
    let person = given.is_some()
        || titled
        || initial
        || aged
        || (unknown && (speaks || (plain && (next_verb || prev_ctx || appositive || poss_cue))));
    person.then_some(NameRun {
        start: k,
        end: b,
        seg,
        possessive,
        strength: Strength::Full,
        gender,
    })
}

/// Whether the verb's object is a person ("sacked X", "met X"): the
/// patterns of `triggers.txt` that read one.
fn takes_person(w: &str) -> bool {
    use lexicon::Kind;
    lexicon::triggers(w, Kind::Dismissal)
        .chain(lexicon::triggers(w, Kind::Attendance))
        .any(|t| !t.noun && matches!(t.pattern, "remove" | "meet" | "greet"))
}

/// Whether the words before the comma at `comma` form a title phrase
/// opened by a determiner or possessive: "a spokeswoman for the agency",
/// "the company's finance director", "his deputy". The phrase holds a
/// title word and no verb-like or clause-opening word.
fn after_title_phrase(doc: &Doc, comma: usize, seg_start: usize) -> bool {
    let lo = comma.saturating_sub(10).max(seg_start);
    let mut titled = false;
    for i in (lo..comma).rev() {
        let w = doc.lc(i);
        if doc.kind(i) != Some(Tk::Word) && w != "'s" {
            return false;
        }
        if lexicon::is_title_word(w) {
            titled = true;
        }
        let opener = matches!(w, "a" | "an" | "the" | "his" | "her" | "their" | "its");
        // "his counterpart, Petra Haldane,": a possessive pronoun and a
        // short noun phrase.
        let related = matches!(w, "his" | "her" | "their") && comma - i <= 3;
        if opener
            && (titled || related)
            && (i == seg_start || doc.kind(i - 1) != Some(Tk::Word) || !doc.is_cap(i - 1))
        {
            return true;
        }
        if matches!(
            w,
            "said"
                | "says"
                | "told"
                | "is"
                | "was"
                | "were"
                | "are"
                | "who"
                | "which"
                | "that"
                | "and"
                | "or"
                | "but"
        ) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::segment::segment;

    fn check(input: &str, expected: &[&str]) {
        let doc = segment(input);
        let got: Vec<&str> = find(&doc)
            .iter()
            .filter(|r| r.strength != Strength::Bare)
            .map(|r| doc.span(r.start, r.end))
            .collect();
        assert_eq!(got, expected, "input: {input:?}");
    }

    #[test]
    fn names_lose_their_titles() {
        check(
            "UK Foreign Secretary Wendy Carrow met Secretary of State Ivan Petrenko.",
            &["Wendy Carrow", "Ivan Petrenko"],
        );
        check(
            "Israel G. Grossbart, 41, left Acme Widgets Corp.",
            &["Israel G. Grossbart"],
        );
        check(
            "The talks with Mohammed bin Rashid went on.",
            &["Mohammed bin Rashid"],
        );
        check(
            "President Okonkwo spoke in Royal Hospital Chelsea.",
            &["Okonkwo"],
        );
        check("Medical Graphics said profits rose in New York.", &[]);
    }
}
