//! Attendance claims: a person takes part in, or is present at, an event.
//!
//! Verbs: "met (with)" (a claim for each side), "held talks / a meeting /
//! a press conference (with)", "attended", "visited", "arrived in",
//! "traveled to", "took part in", "led / joined a delegation", "told the
//! Legislative Council"; nouns: "his visit to Moscow", "a visit to Moscow
//! by X", "an event hosted by X", "a delegation headed by X", "the
//! delegation, which included X and Y". Place and date come from the same
//! clause; `planned` from future wording ("will", "is due to", "next").
//! Negated or hypothetical attendance ("did not meet", "may meet", "will
//! not attend") gives nothing.

use super::claimed::Claimed;
use super::context::{Ctx, Who};
use super::lexicon;
use super::segment::Seg;
use crate::model::{Claim, ClaimFields};

/// What a trigger found: people, the event, and the token range it covers.
struct Found {
    people: Vec<Who>,
    /// People on the other side of "met" / "talks with".
    others: Vec<Who>,
    event: String,
    place: Option<String>,
    /// The place is only what follows the event noun: no search of the
    /// rest of the clause ("her inauguration", then "in Oman" elsewhere).
    fixed_place: bool,
    end: usize,
}

/// The attendance rule.
pub struct Attendances;

impl super::rules::Rule for Attendances {
    fn find(&self, ctx: &Ctx) -> Vec<Claim> {
        find(ctx)
    }
}

fn find(ctx: &Ctx) -> Vec<Claim> {
    let mut out = Claimed::default();
    for (si, seg) in ctx.claim_segs() {
        for v in seg.tok_start..seg.tok_end {
            let Some(f) = trigger(ctx, v, seg) else {
                continue;
            };
            if ctx.blocked(v, seg) || called_off(ctx, v, seg) {
                continue;
            }
            let place = if f.fixed_place {
                f.place.clone()
            } else {
                f.place.clone().or_else(|| ctx.place_after(v, seg))
            };
            let date = ctx.date_near(v, seg);
            let planned = ctx.future(v, seg);
            let others_names: Vec<String> = f.others.iter().map(|w| ctx.name(w.entity)).collect();
            let people_names: Vec<String> = f.people.iter().map(|w| ctx.name(w.entity)).collect();
            let side = |who: &Who, with: &[String], own: &[String]| -> String {
                let mut ev = f.event.clone();
                let mut names: Vec<&String> = with
                    .iter()
                    .chain(own.iter())
                    .filter(|n| **n != ctx.name(who.entity))
                    .collect();
                names.dedup();
                if !names.is_empty() && !ev.contains(" with ") {
                    ev = format!(
                        "{ev} with {}",
                        names
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(" and ")
                    );
                }
                ev
            };
            let mut all: Vec<(Who, String)> = Vec::new();
            for w in &f.people {
                all.push((*w, side(w, &others_names, &[])));
            }
            for w in &f.others {
                all.push((*w, side(w, &people_names, &others_names)));
            }
            // "visit Kestrel Bay and Dunhollow": one visit to each place.
            let mut places = vec![place.clone()];
            if let Some(p) = &place
                && f.event.contains(p.as_str())
            {
                let end = ctx.clause_end(v, seg);
                for a in v + 2..end {
                    if matches!(ctx.lc(a), "and" | ",")
                        && ctx.doc.is_cap(a - 1)
                        && let Some(p2) = ctx.open_place_at(a + 1, end)
                        && !places.contains(&Some(p2.clone()))
                    {
                        places.push(Some(p2));
                    }
                }
            }
            let place0 = &place;
            let all: Vec<(Who, String, Option<String>)> = places
                .iter()
                .enumerate()
                .flat_map(|(pi, pl)| {
                    all.iter().map(move |(w, ev)| {
                        let ev = match (place0, pl) {
                            (Some(p0), Some(p1)) if pi > 0 => ev.replacen(p0.as_str(), p1, 1),
                            _ => ev.clone(),
                        };
                        (*w, ev, pl.clone())
                    })
                })
                .collect();
            for (who, event, place) in all {
                let person = ctx.name(who.entity);
                let dup = out.of(&person).any(|c| match &c.fields {
                    ClaimFields::Attendance {
                        person: p,
                        event: e,
                        place: pl,
                        date: d,
                        ..
                    } => {
                        let places_agree = pl.is_none() || place.is_none() || *pl == place;
                        let dates_agree = d.is_none() || date.is_none() || *d == date;
                        // "the trip" told again later: same kind of event,
                        // with no one else, place or date to tell it apart.
                        let others_agree = with_part(e) == with_part(&event);
                        *p == person
                            && ((c.sentence == si
                                && share_word(e, &event)
                                && places_agree
                                && (others_agree || with_part(e).is_empty()))
                                || e.eq_ignore_ascii_case(&event)
                                || (pl.is_some() && *pl == place)
                                || (share_word(e, &event)
                                    && places_agree
                                    && dates_agree
                                    && others_agree))
                    }
                    _ => false,
                });
                if dup {
                    continue;
                }
                let first = f
                    .people
                    .iter()
                    .chain(f.others.iter())
                    .map(|w| w.start)
                    .min()
                    .unwrap_or(v);
                let (s, e) = ctx.bytes(first.min(v), f.end.max(v + 1).max(who.end));
                out.push(Claim {
                    start: s,
                    end: e,
                    text: ctx.doc.text.get(s..e).unwrap_or("").to_string(),
                    sentence: si,
                    confidence: 0.7,
                    fields: ClaimFields::Attendance {
                        person,
                        event,
                        place: place.clone(),
                        date: date.clone(),
                        planned,
                    },
                });
            }
        }
    }
    out.into_vec()
}

/// The noun phrase after `i` up to a preposition of place or time, a
/// clause boundary or `end`: "high-stakes talks with a Ukrainian
/// delegation".
fn np_after(ctx: &Ctx, i: usize, end: usize) -> usize {
    let mut k = i;
    while k < end && k < i + 12 {
        let w = ctx.lc(k);
        if matches!(
            w,
            "," | "."
                | ";"
                | ":"
                | "in"
                | "at"
                | "on"
                | "during"
                | "as"
                | "after"
                | "before"
                | "that"
                | "which"
                | "who"
                | "while"
                | "when"
                | "to"
                | "("
                | "--"
                | "-"
        ) || ctx
            .doc
            .tokens
            .get(k)
            .is_some_and(|x| ctx.timexes_starting_in(x.start, x.start).next().is_some())
            // "inspected the terminal and met ...": a second verb.
            || (w == "and" && verb_like(ctx, k + 1))
        {
            break;
        }
        k += 1;
    }
    k
}

/// Who else an event description names ("meeting with Ivo Lund" → "ivo
/// lund"), lower-cased; empty when it names no one.
fn with_part(event: &str) -> String {
    event
        .split_once(" with ")
        .map(|(_, w)| w.to_lowercase())
        .unwrap_or_default()
}

/// Whether two event descriptions share a content word ("meeting" and
/// "meeting with Ivo Lund"), so they tell one attendance.
fn share_word(a: &str, b: &str) -> bool {
    let content = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| w.to_ascii_lowercase())
            .filter(|w| !lexicon::is_stopword(w) && !matches!(w.as_str(), "with" | "to"))
            .collect()
    };
    let b = content(b);
    content(a).iter().any(|w| b.contains(w))
}

/// Whether token `i` reads as a finite verb that opens a new predicate: a
/// lower-case trigger or speech verb, or an -ed form.
fn verb_like(ctx: &Ctx, i: usize) -> bool {
    !ctx.doc.is_cap(i)
        && (ctx.doc.has(
            i,
            lexicon::flag::ATTEND | lexicon::flag::DISMISS | lexicon::flag::SPEECH,
        ) && !lexicon::is_event(ctx.lc(i))
            || ctx.lc(i).ends_with("ed"))
}

/// "The meeting ... was cancelled": the event did not take place. So too
/// "has visited none of them", and "was due to open the fair, but he did
/// not attend": a later clause of the sentence denies it.
fn called_off(ctx: &Ctx, v: usize, seg: &Seg) -> bool {
    let end = ctx.clause_end(v, seg);
    if matches!(ctx.lc(v + 1), "none" | "neither" | "nobody" | "no-one") {
        return true;
    }
    let denied_later = (end..seg.tok_end.min(end + 12)).any(|k| {
        // (Lower case: "calling on May to" names a person.)
        !ctx.doc.is_cap(k)
            && lexicon::is_cue(ctx.lc(k), lexicon::Cue::Negation)
            && (k + 1..(k + 3).min(seg.tok_end)).any(|j| {
                let w = ctx.lc(j);
                lexicon::triggers(w, lexicon::Kind::Attendance).any(|t| t.lemma == w && !t.noun)
            })
    });
    denied_later
        || (v + 1..end).any(|k| {
            matches!(
                ctx.lc(k),
                "cancelled" | "canceled" | "postponed" | "scrapped" | "delayed"
            ) || (ctx.lc(k) == "called" && ctx.lc(k + 1) == "off")
        })
}

/// The person whose noun this is: "his meeting", "Trump's visit".
fn possessor(ctx: &Ctx, v: usize) -> Option<Who> {
    let m = match ctx.coref.at(v.checked_sub(1)?) {
        Some(m) if m.possessive => m,
        _ if ctx.lc(v - 1) == "'s" => ctx.coref.at(v.checked_sub(2)?).filter(|m| m.possessive)?,
        _ => return None,
    };
    Some(Who {
        entity: m.entity,
        start: m.start,
        end: m.end,
    })
}

/// People after "with" within `[a, b)`.
fn with_people(ctx: &Ctx, a: usize, b: usize, end: usize) -> Vec<Who> {
    match (a..b).find(|&k| ctx.lc(k) == "with") {
        Some(w) => ctx
            .people_from(w + 1, end)
            .into_iter()
            .map(|(x, _)| x)
            .collect(),
        None => Vec::new(),
    }
}

/// The attendance found at `v`, trying each pattern the word opens
/// (`data/lexicon/triggers.txt`), then the event nouns (`events.txt`).
fn trigger(ctx: &Ctx, v: usize, seg: &Seg) -> Option<Found> {
    if !ctx.doc.has(v, lexicon::flag::ATTEND) {
        return None;
    }
    let w = ctx.lc(v);
    lexicon::triggers(w, lexicon::Kind::Attendance)
        .find_map(|t| arm(ctx, v, seg, t))
        .or_else(|| {
            lexicon::is_event(w)
                .then(|| event_noun(ctx, v, seg))
                .flatten()
        })
}

/// One pattern of the trigger at `v`.
fn arm(ctx: &Ctx, v: usize, seg: &Seg, t: &lexicon::Trigger) -> Option<Found> {
    let w = ctx.lc(v);
    let end = ctx.clause_end(v, seg);
    let subj = || ctx.subject_before(v, seg);
    match t.pattern {
        "meet" if t.noun && v > seg.tok_start && possessor(ctx, v).is_some() => {
            // "Trump's meeting with Kim", "his meeting with the pope".
            let owner = possessor(ctx, v)?;
            let np_end = np_after(ctx, v + 1, end);
            let others = with_people(ctx, v, np_end.max(v + 1), end);
            let last = others.last().map(|o| o.end).unwrap_or(np_end);
            Some(Found {
                people: vec![owner],
                others,
                event: "meeting".into(),
                place: None,
                fixed_place: false,
                end: last,
            })
        }
        "greet" => {
            let people = subj();
            if people.is_empty() {
                return None;
            }
            let others: Vec<Who> = ctx
                .people_from(v + 1, end)
                .into_iter()
                .map(|(x, _)| x)
                .collect();
            let last = others.last()?.end;
            Some(Found {
                people,
                others,
                event: "meeting".into(),
                place: None,
                fixed_place: false,
                end: last,
            })
        }
        // "was met by protesters": greeted, not a meeting.
        "meet" if ctx.lc(v + 1) == "by" => None,
        "meet" => {
            let people = subj();
            if people.is_empty() {
                return None;
            }
            let mut k = v + 1;
            if ctx.lc(k) == "with" {
                k += 1;
            }
            let others: Vec<Who> = ctx
                .people_from(k, end)
                .into_iter()
                .map(|(x, _)| x)
                .collect();
            let mut last = others.last().map(|o| o.end).unwrap_or(v + 1);
            if others.is_empty() {
                // "met with Ukrainian officials": keep what they met; "met
                // his match" meets no one.
                last = np_after(ctx, k, end);
                if last > k && !names_people(ctx, last - 1) {
                    if is_article(ctx.lc(k)) {
                        return None;
                    }
                    // "met again in May": no object.
                    last = k;
                }
            }
            let event = if others.is_empty() && last > k {
                format!("meeting with {}", ctx.phrase(k, last))
            } else {
                "meeting".to_string()
            };
            Some(Found {
                people,
                others,
                event,
                place: None,
                fixed_place: false,
                end: last,
            })
        }
        "event_verb" | "host" => {
            // Passive "an event hosted by X", "officials headed by X".
            if ctx.lc(v + 1) == "by" {
                let noun_before = (v.saturating_sub(4).max(seg.tok_start)..v).any(|k| {
                    let n = ctx.lc(k);
                    lexicon::is_event(n)
                        || matches!(n, "officials" | "team" | "delegation" | "delegations")
                });
                if !noun_before {
                    return None;
                }
                let (who, _) = ctx.person_from(v + 2, end)?;
                let mut s = v;
                while s > seg.tok_start
                    && s + 5 > v
                    && !matches!(ctx.lc(s - 1), "," | "at" | "with" | "to")
                {
                    s -= 1;
                }
                let event = ctx.phrase(s, v);
                return Some(Found {
                    people: vec![who],
                    others: Vec::new(),
                    event: if event.is_empty() {
                        "event".into()
                    } else {
                        event
                    },
                    place: None,
                    fixed_place: false,
                    end: who.end,
                });
            }
            // "head of the committee": a noun, not a verb.
            if ctx.lc(v + 1) == "of" {
                return None;
            }
            let people = subj();
            if people.is_empty() {
                return None;
            }
            // "went on a tour": the particle the data asks for.
            let o = if t.next.is_empty() {
                v + 1
            } else if t.next.contains(&ctx.lc(v + 1)) {
                v + 2
            } else {
                return None;
            };
            let np_end = np_after(ctx, o, end);
            // The object must be an event (or a delegation / assembly).
            let evnoun = (o..np_end).find(|&k| {
                let n = ctx.lc(k);
                let head = k + 1 == np_end
                    || ctx.doc.kind(k + 1) == Some(super::segment::Tk::Quote)
                    || matches!(
                        ctx.lc(k + 1),
                        "across"
                            | "through"
                            | "around"
                            | "with"
                            | "of"
                            | "on"
                            | "for"
                            | "between"
                            | "about"
                            | "among"
                            | "hosted"
                            | "organized"
                    );
                // "led the Conservative Party": a political party, not a
                // gathering.
                // "led his party to victory": his political party too.
                let political = n == "party"
                    && (ctx.doc.is_cap(k)
                        || (k > v + 1 && ctx.doc.is_cap(k - 1))
                        || (k > v + 1 && matches!(ctx.lc(k - 1), "his" | "her" | "their" | "its")));
                head && !political
                    && (lexicon::is_event(n)
                        || lexicon::is_assembly(n)
                        || matches!(n, "delegation" | "delegations"))
            })?;
            let hosting = t.pattern == "host";
            let others = if hosting {
                Vec::new()
            } else {
                with_people(ctx, evnoun, np_end, end)
            };
            let event = ctx.phrase(o, np_end);
            let event = event
                .trim_start_matches("a ")
                .trim_start_matches("an ")
                .trim_start_matches("the ")
                .to_string();
            Some(Found {
                people,
                others,
                event,
                place: None,
                fixed_place: false,
                end: np_end,
            })
        }
        "tell" if ctx.lc(v + 1) == "the" => {
            let people = subj();
            if people.is_empty() {
                return None;
            }
            let mut e = v + 2;
            while e < end
                && (ctx.doc.is_cap(e)
                    || lexicon::is_event(ctx.lc(e))
                    || lexicon::is_assembly(ctx.lc(e)))
            {
                e += 1;
            }
            let body = (v + 2..e).any(|k| lexicon::is_assembly(ctx.lc(k)));
            if !body {
                return None;
            }
            Some(Found {
                people,
                others: Vec::new(),
                event: format!("{} session", ctx.phrase(v + 2, e)),
                place: None,
                fixed_place: false,
                end: e,
            })
        }
        "visit" => {
            // Noun: "his visit to X", "a visit to X by Y".
            let prev = if v > seg.tok_start { ctx.lc(v - 1) } else { "" };
            let is_noun = matches!(prev, "a" | "the" | "his" | "her" | "their" | "'s")
                || lexicon::is_event_modifier(prev)
                || (w == t.lemma
                    && !matches!(
                        prev,
                        "to" | "will" | "would" | "'ll" | "may" | "might" | "could" | "not"
                    ));
            let mut place = None;
            let mut k = v + 1;
            if ctx.lc(k) == "to" {
                k += 1;
            }
            if ctx.lc(k) == "with" {
                k += 1;
            }
            if let Some(p) = ctx.open_place_at(k, end) {
                place = Some(p);
            }
            let np_end = np_after(ctx, k, end).max(k);
            let target = if let Some(p) = &place {
                p.clone()
            } else {
                ctx.phrase(k, np_end)
            };
            let event = if target.is_empty() {
                "visit".to_string()
            } else {
                format!("visit to {target}")
            };
            if (is_noun || t.noun) && w == t.lemma {
                // Whose visit: a possessor before, "of X" right after, or
                // "by X" later.
                let (s, owner) = event_np_start(ctx, v, seg);
                let mut people: Vec<Who> = owner.into_iter().collect();
                let mut last = np_end;
                let mut event = event.clone();
                if people.is_empty()
                    && ctx.lc(v + 1) == "of"
                    && let Some((who, _)) = ctx.person_from(v + 2, end)
                {
                    people.push(who);
                    last = who.end;
                    event = "visit".to_string();
                }
                if people.is_empty()
                    && let Some(b) = (v + 1..end).find(|&j| ctx.lc(j) == "by")
                    && let Some((who, _)) = ctx.person_from(b + 1, end)
                {
                    people.push(who);
                    last = who.end;
                }
                if people.is_empty() && (t.noun || !t.lemma.eq(w) || is_article(prev)) {
                    return None;
                }
                if !people.is_empty() {
                    let event = if w == "visit" {
                        event
                    } else {
                        event.replacen("visit", w, 1)
                    };
                    let ev = if s < v {
                        format!("{} {event}", ctx.phrase(s, v))
                    } else {
                        event
                    };
                    return Some(Found {
                        people,
                        others: Vec::new(),
                        event: ev,
                        place,
                        fixed_place: false,
                        end: last,
                    });
                }
            }
            let people = subj();
            if people.is_empty() || k >= end {
                return None;
            }
            Some(Found {
                people,
                others: Vec::new(),
                event,
                place,
                fixed_place: false,
                end: np_end,
            })
        }
        "travel" => {
            let mut k = v + 1;
            // "heads back to", "flew home to".
            if matches!(ctx.lc(k), "back" | "home" | "straight" | "on") {
                k += 1;
            }
            // "left Valmora for Dunhollow": past the place left, to the
            // word that leads to where the trip goes.
            if !t.next.is_empty() && ctx.doc.is_cap(k) && ctx.coref.at(k).is_none() {
                let mut e = k;
                while e < end && e < k + 4 && ctx.doc.is_cap(e) && ctx.coref.at(e).is_none() {
                    e += 1;
                }
                if t.next.contains(&ctx.lc(e)) {
                    k = e;
                }
            }
            let prep = ctx.lc(k);
            if !(matches!(prep, "in" | "at" | "to") || t.next.contains(&prep)) {
                return None;
            }
            let people = subj();
            if people.is_empty() {
                return None;
            }
            let Some(place) = ctx.open_place_at(k + 1, end) else {
                // "arrives at the board meeting": an event, not a place.
                let ne = np_after(ctx, k + 1, end);
                let event = ctx.phrase(k + 1, ne);
                let head = ne.checked_sub(1)?;
                if prep != "at" || !lexicon::is_event(ctx.lc(head)) {
                    return None;
                }
                return Some(Found {
                    people,
                    others: Vec::new(),
                    event: event.trim_start_matches("the ").to_string(),
                    place: None,
                    fixed_place: false,
                    end: ne,
                });
            };
            let mut e = k + 1;
            while e < end && ctx.doc.is_cap(e) {
                e += 1;
            }
            // "for talks with X": the purpose names the event.
            let mut event = format!("visit to {place}");
            if ctx.lc(e) == "for" {
                let ne = np_after(ctx, e + 1, end);
                if (e + 1..ne).any(|j| lexicon::is_event(ctx.lc(j))) {
                    event = ctx.phrase(e + 1, ne);
                    e = ne;
                }
            }
            Some(Found {
                people,
                others: Vec::new(),
                event,
                place: Some(place),
                fixed_place: false,
                end: e,
            })
        }
        "be_in" => {
            // "Ana Pelk is in Dunhollow for talks with Ivo Lund": present
            // in a place for an event.
            if ctx.lc(v + 1) != "in" {
                return None;
            }
            let place = ctx.open_place_at(v + 2, end)?;
            let mut e = v + 2;
            while e < end && ctx.doc.is_cap(e) {
                e += 1;
            }
            let f = (e..(e + 4).min(end)).find(|&j| ctx.lc(j) == "for")?;
            // Past an article and a length ("a two-day meeting"), which
            // np_after would read as a date.
            let mut a = f + 1;
            if matches!(ctx.lc(a), "a" | "an" | "the") {
                a += 1;
            }
            while a < end && lexicon::is_event_modifier(ctx.lc(a)) {
                a += 1;
            }
            let ne = np_after(ctx, a, end);
            if !(f + 1..ne).any(|j| lexicon::is_event(ctx.lc(j))) {
                return None;
            }
            let people = subj();
            if people.is_empty() {
                return None;
            }
            let others = with_people(ctx, a, ne.max(a + 1), end);
            let last = others.last().map_or(ne, |o| o.end).max(ne);
            // The others are named by the claim builder ("with X").
            let stop = (a..ne).find(|&j| ctx.lc(j) == "with").unwrap_or(ne);
            let event = ctx.phrase(f + 1, stop);
            let event = event
                .strip_prefix("a ")
                .or_else(|| event.strip_prefix("the "))
                .unwrap_or(&event)
                .to_string();
            Some(Found {
                people,
                others,
                event,
                place: Some(place),
                fixed_place: true,
                end: last,
            })
        }
        "take_part" => {
            let mut k = v + 1;
            if !t.next.is_empty() {
                if !t.next.contains(&ctx.lc(k)) {
                    return None;
                }
                k += 1;
            }
            if ctx.lc(k) != "in" {
                return None;
            }
            let people = subj();
            if people.is_empty() {
                return None;
            }
            let ne = np_after(ctx, k + 1, end);
            if ne <= k + 1 {
                return None;
            }
            Some(Found {
                people,
                others: Vec::new(),
                event: ctx.phrase(k + 1, ne),
                place: None,
                fixed_place: false,
                end: ne,
            })
        }
        "include" => {
            // "the delegation, which also included X and Y".
            let lo = v.saturating_sub(6).max(seg.tok_start);
            let noun = (lo..v)
                .rev()
                .find(|&k| matches!(ctx.lc(k), "delegation" | "delegations" | "team"))?;
            let people: Vec<Who> = ctx
                .people_from(v + 1, seg.tok_end)
                .into_iter()
                .map(|(x, _)| x)
                .collect();
            if people.is_empty() {
                return None;
            }
            let mut s = noun;
            while s > seg.tok_start
                && s + 3 > noun
                && !matches!(
                    ctx.lc(s - 1),
                    "," | "led" | "headed" | "joined" | "the" | "a"
                )
            {
                s -= 1;
            }
            let last = people.last().map(|p| p.end).unwrap_or(v + 1);
            Some(Found {
                event: ctx.phrase(s, noun + 1),
                people,
                others: Vec::new(),
                place: None,
                fixed_place: false,
                end: last,
            })
        }
        "appear" => {
            let k = v + 1;
            if !matches!(ctx.lc(k), "before" | "at" | "in") {
                // "is set to testify": testimony is given in person.
                if t.variant == "testimony" && !ctx.doc.is_cap(k) {
                    let people = subj();
                    if people.is_empty() {
                        return None;
                    }
                    return Some(Found {
                        people,
                        others: Vec::new(),
                        event: "testimony".into(),
                        place: None,
                        fixed_place: false,
                        end: v + 1,
                    });
                }
                return None;
            }
            let ne = np_after(ctx, k + 1, end).max(
                (k + 1..end)
                    .take_while(|&j| ctx.doc.is_cap(j) || matches!(ctx.lc(j), "the" | "a"))
                    .last()
                    .map(|j| j + 1)
                    .unwrap_or(k + 1),
            );
            let body = (k + 1..ne)
                .any(|j| lexicon::is_assembly(ctx.lc(j)) || lexicon::is_event(ctx.lc(j)));
            if !body {
                return None;
            }
            let people = subj();
            if people.is_empty() {
                return None;
            }
            Some(Found {
                people,
                others: Vec::new(),
                event: ctx.phrase(k + 1, ne),
                place: None,
                fixed_place: false,
                end: ne,
            })
        }
        "speaking" => speaking(ctx, v, seg),
        "represented" => represented(ctx, v, seg),
        "present_at" => present_at(ctx, v, seg, t),
        _ => None,
    }
}

/// Whether the head noun at `h` names people: a title, a person noun, a
/// plural ("dock workers"), a body or a capitalised name.
fn names_people(ctx: &Ctx, h: usize) -> bool {
    let w = ctx.lc(h);
    lexicon::is_title_word(w)
        || crate::lexical::words::is_person_noun(w)
        || (w.ends_with('s') && !w.ends_with("ss"))
        || ctx.doc.is_cap(h)
        || lexicon::is_org_word(w)
        || lexicon::is_assembly(w)
        || matches!(w, "delegation" | "delegations")
}

fn is_article(w: &str) -> bool {
    matches!(
        w,
        "a" | "an" | "the" | "his" | "her" | "their" | "its" | "'s"
    )
}

/// The start of the event phrase whose head noun is at `v`: back over
/// modifiers ("two-day", "closed-door", "state") to a determiner, a
/// possessor or a clause word. Returns the first modifier and the possessor.
fn event_np_start(ctx: &Ctx, v: usize, seg: &Seg) -> (usize, Option<Who>) {
    let mut s = v;
    // Modifiers: listed ones, "-ed" adjectives ("failed"), and capitalised
    // words naming the subject ("North Korea talks").
    while s > seg.tok_start && v - s < 4 && {
        let w = ctx.lc(s - 1);
        lexicon::is_event_modifier(w)
            || ((w.ends_with("ed") || w.ends_with("ing")) && !ctx.doc.is_cap(s - 1) && w.len() > 4)
            || (ctx.doc.is_cap(s - 1) && ctx.coref.at(s - 1).is_none() && !lexicon::is_stopword(w))
    } {
        s -= 1;
    }
    // "the harbour dinner", "a town debate": a noun modifier right after
    // the determiner.
    if s > seg.tok_start + 1
        && s == v
        && is_article(ctx.lc(s - 2))
        && ctx.doc.kind(s - 1) == Some(super::segment::Tk::Word)
        && !ctx.doc.is_cap(s - 1)
        && !lexicon::is_stopword(ctx.lc(s - 1))
        && ctx.coref.at(s - 1).is_none()
    {
        s -= 1;
    }
    let owner = (s > seg.tok_start).then(|| possessor(ctx, s)).flatten();
    (s, owner)
}

/// An event noun with its attendees: "Ana Pelk's dinner with Ivo Lund",
/// "a meeting between Ana Pelk and Ivo Lund", "a briefing attended by Ana
/// Pelk", "the state visit of Premier Anton Vessel".
fn event_noun(ctx: &Ctx, v: usize, seg: &Seg) -> Option<Found> {
    // "the Stock Exchange of X": a capitalised noun is part of a name.
    if ctx.doc.is_cap(v) && v > seg.tok_start {
        return None;
    }
    let end = ctx.clause_end(v, seg);
    let (s, owner) = event_np_start(ctx, v, seg);
    // Past a date right after the noun: "dinner Thursday with X".
    let mut k = v + 1;
    let dated = |k: usize| {
        ctx.doc
            .tokens
            .get(k)
            .is_some_and(|t| ctx.timexes_starting_in(t.start, t.start).next().is_some())
    };
    while k < end && (dated(k) || (matches!(ctx.lc(k), "on" | "in" | "at") && dated(k + 1))) {
        if !dated(k) {
            k += 1;
            continue;
        }
        let at = ctx.doc.tokens.get(k).map_or(0, |t| t.start);
        let stop = ctx
            .timexes_starting_in(at, at)
            .map(|(_, t)| t.end)
            .max()
            .unwrap_or(at);
        while k < end && ctx.doc.tokens.get(k).is_some_and(|t| t.start < stop) {
            k += 1;
        }
    }
    let next = ctx.lc(k);
    let name = ctx.phrase(s, v + 1);
    match next {
        // "a meeting between A and B": every side attends.
        "between" | "among" | "of" if next != "of" || owner.is_none() => {
            let people: Vec<Who> = ctx
                .people_from(k + 1, end)
                .into_iter()
                .map(|(x, _)| x)
                .collect();
            let enough = if next == "of" { 1 } else { 2 };
            if people.len() < enough {
                return None;
            }
            let last = people.last().map_or(k + 1, |p| p.end);
            let (people, others) = if next == "of" {
                (people, Vec::new())
            } else {
                (people.clone(), Vec::new())
            };
            let mut f = Found {
                people,
                others,
                event: name,
                place: None,
                fixed_place: false,
                end: last,
            };
            if next != "of" {
                // Each side met the others.
                f.others = Vec::new();
                let all = std::mem::take(&mut f.people);
                let (first, rest) = all.split_first()?;
                f.people = vec![*first];
                f.others = rest.to_vec();
            }
            Some(f)
        }
        // "Ana Pelk's dinner with Ivo Lund".
        "with" if owner.is_some() => {
            let owner = owner?;
            let others: Vec<Who> = ctx
                .people_from(k + 1, end)
                .into_iter()
                .map(|(x, _)| x)
                .collect();
            let last = others.last().map_or(k + 1, |o| o.end);
            if others.is_empty() {
                return None;
            }
            Some(Found {
                people: vec![owner],
                others,
                event: name,
                place: None,
                fixed_place: false,
                end: last,
            })
        }
        // "Ana Pelk's inauguration", "his talks in Dunhollow".
        _ if owner.is_some() && lexicon::is_owned_event(ctx.lc(v)) => Some(Found {
            people: owner.into_iter().collect(),
            others: Vec::new(),
            event: name,
            place: matches!(next, "in" | "at")
                .then(|| ctx.open_place_at(k + 1, end))
                .flatten(),
            fixed_place: true,
            end: v + 1,
        }),
        // "Ana Pelk said during a welcoming ceremony": the subject of the
        // clause is at the event.
        _ if owner.is_none()
            && s > seg.tok_start + 1
            && matches!(ctx.lc(s - 1), "a" | "an" | "the")
            // "in a speech", "in a town debate"; "in the final round" is
            // no event one attends.
            && (matches!(ctx.lc(s - 2), "during" | "at")
                || (ctx.lc(s - 2) == "in" && ctx.lc(s - 1) != "the"))
            && !matches!(next, "with" | "between" | "of") =>
        {
            let floor = ctx.clause_start(s - 2, seg);
            let people = (floor..s - 2).rev().take(14).find_map(|j| {
                let w = ctx.lc(j);
                // Any verb right after its subject: "stressed", "pushes".
                let verb = ctx.doc.kind(j) == Some(super::segment::Tk::Word)
                    && !ctx.doc.is_cap(j)
                    && !lexicon::is_stopword(w)
                    && !is_article(w);
                let p = if verb {
                    ctx.subject_before(j, seg)
                } else {
                    Vec::new()
                };
                (!p.is_empty()).then_some(p)
            });
            // "In a pointed speech to delegates, Ana Pelk said": the PP
            // opens the sentence and the subject follows its comma.
            let (people, last) = match people {
                Some(p) => (p, v + 1),
                None if s - 2 == seg.tok_start => {
                    let comma = (v + 1..seg.tok_end.min(v + 20)).find(|&j| ctx.doc.s(j) == ",")?;
                    let (who, _) = ctx.person_from(comma + 1, seg.tok_end)?;
                    (vec![who], who.end)
                }
                None => return None,
            };
            Some(Found {
                people,
                others: Vec::new(),
                event: name,
                place: None,
                fixed_place: false,
                end: last,
            })
        }
        // "the dinner -- which he attended --".
        "," | "--" | "\u{2013}" | "\u{2014}" | "("
            if ctx.lc(k + 1) == "which"
                && ctx
                    .coref
                    .at(k + 2)
                    .is_some_and(|m| m.start == k + 2 && !m.possessive)
                && ctx
                    .coref
                    .at(k + 2)
                    .is_some_and(|m| lexicon::is_attend_verb(ctx.lc(m.end))) =>
        {
            let m = ctx.coref.at(k + 2)?;
            Some(Found {
                people: vec![Who {
                    entity: m.entity,
                    start: m.start,
                    end: m.end,
                }],
                others: Vec::new(),
                event: name,
                place: None,
                fixed_place: false,
                end: m.end + 1,
            })
        }
        // "a briefing (was) attended by Ana Pelk".
        _ => {
            let mut j = k;
            if ctx.lc(j) == "," && ctx.lc(j + 1) == "which" {
                j += 2;
            }
            while j < end && j < k + 4 && !matches!(ctx.lc(j), "attended" | ",") {
                j += 1;
            }
            if ctx.lc(j) != "attended" || ctx.lc(j + 1) != "by" {
                return None;
            }
            let people: Vec<Who> = ctx
                .people_from(j + 2, ctx.clause_end(j, seg))
                .into_iter()
                .map(|(x, _)| x)
                .collect();
            let last = people.last()?.end;
            Some(Found {
                people,
                others: Vec::new(),
                event: name,
                place: None,
                fixed_place: false,
                end: last,
            })
        }
    }
}

/// "Speaking at a rally in Dunhollow, Councillor Mira Solberg said": the
/// participle opens the sentence, the main clause's subject is present.
fn speaking(ctx: &Ctx, v: usize, seg: &Seg) -> Option<Found> {
    let first = (seg.tok_start..v).all(|k| ctx.doc.kind(k) != Some(super::segment::Tk::Word));
    if !first || !matches!(ctx.lc(v + 1), "at" | "in" | "before") {
        return None;
    }
    let comma = (v + 2..seg.tok_end.min(v + 25)).find(|&k| ctx.doc.s(k) == ",")?;
    let ne = np_after(ctx, v + 2, comma);
    let body = (v + 2..ne).any(|j| lexicon::is_event(ctx.lc(j)) || lexicon::is_assembly(ctx.lc(j)));
    if !body {
        return None;
    }
    let (who, _) = ctx.person_from(comma + 1, seg.tok_end)?;
    let place = ctx.place_after(v, seg).or_else(|| {
        (v + 2..comma)
            .find(|&j| matches!(ctx.lc(j), "in" | "at"))
            .and_then(|j| ctx.open_place_at(j + 1, comma))
    });
    let event = ctx.phrase(v + 2, ne);
    Some(Found {
        people: vec![who],
        others: Vec::new(),
        event: event
            .trim_start_matches("a ")
            .trim_start_matches("an ")
            .trim_start_matches("the ")
            .to_string(),
        place,
        fixed_place: false,
        end: who.end,
    })
}

/// "Valmora will be represented at the summit by its deputy minister, Kasia
/// Lind": the one named after "by" attends.
fn represented(ctx: &Ctx, v: usize, seg: &Seg) -> Option<Found> {
    let end = ctx.clause_end(v, seg);
    if !matches!(ctx.lc(v + 1), "at" | "in") {
        return None;
    }
    let by = (v + 2..end).find(|&k| ctx.lc(k) == "by")?;
    let event = ctx.phrase(v + 2, by);
    let event = event
        .trim_start_matches("the ")
        .trim_start_matches("a ")
        .to_string();
    let people: Vec<Who> = ctx
        .people_from(by + 1, seg.tok_end)
        .into_iter()
        .map(|(x, _)| x)
        .collect();
    let last = people.last()?.end;
    Some(Found {
        people,
        others: Vec::new(),
        event,
        place: None,
        fixed_place: false,
        end: last,
    })
}

/// "spent the afternoon at the port", "took to the stage at the rally": the
/// subject is at the place or event named after "at" / "in".
fn present_at(ctx: &Ctx, v: usize, seg: &Seg, t: &lexicon::Trigger) -> Option<Found> {
    let end = ctx.clause_end(v, seg);
    let mut k = v + 1;
    if !t.next.is_empty() {
        if !t.next.contains(&ctx.lc(k)) {
            return None;
        }
        k += 1;
    }
    let at = (k..end.min(k + 5)).find(|&j| matches!(ctx.lc(j), "at" | "in"))?;
    // "spent seven years working at the university": a stretch of life,
    // not a stay.
    if (k..at).any(|j| {
        let w = ctx.lc(j);
        w.ends_with("ing") || matches!(w, "years" | "months" | "decades" | "weeks")
    }) {
        return None;
    }
    let people = ctx.subject_before(v, seg);
    if people.is_empty() {
        return None;
    }
    let ne = np_after(ctx, at + 1, end).max(at + 1);
    let place = ctx.open_place_at(at + 1, end);
    let event_np =
        (at + 1..ne).any(|j| lexicon::is_event(ctx.lc(j)) || lexicon::is_assembly(ctx.lc(j)));
    let site = (at + 1..ne).any(|j| lexicon::is_place_suffix(ctx.lc(j)));
    if place.is_none() && !event_np && !site {
        return None;
    }
    let what = ctx.phrase(at + 1, ne);
    let what = what.trim_start_matches("the ").trim_start_matches("a ");
    let event = if event_np {
        what.to_string()
    } else {
        format!("visit to {what}")
    };
    Some(Found {
        people,
        others: Vec::new(),
        event,
        place,
        fixed_place: false,
        end: ne,
    })
}
