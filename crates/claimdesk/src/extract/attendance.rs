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
    end: usize,
}

const ASSEMBLIES: &[&str] = &[
    "council",
    "parliament",
    "senate",
    "house",
    "committee",
    "assembly",
    "congress",
    "conference",
    "summit",
    "rally",
    "hearing",
    "court",
    "jury",
    "convention",
    "crowd",
    "meeting",
    "session",
    "subcommittee",
    "panel",
    "commons",
];

pub fn find(ctx: &Ctx) -> Vec<Claim> {
    let mut out = Claimed::default();
    for (si, seg) in ctx.claim_segs() {
        for v in seg.tok_start..seg.tok_end {
            let Some(f) = trigger(ctx, v, seg) else {
                continue;
            };
            if ctx.blocked(v, seg) || called_off(ctx, v, seg) {
                continue;
            }
            let place = f.place.clone().or_else(|| ctx.place_after(v, seg));
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
                all.push((*w, side(w, &people_names, &[])));
            }
            for (who, event) in all {
                let person = ctx.name(who.entity);
                let dup = out.of(&person).any(|c| match &c.fields {
                    ClaimFields::Attendance {
                        person: p,
                        event: e,
                        place: pl,
                        ..
                    } => {
                        *p == person
                            && (c.sentence == si
                                || e.eq_ignore_ascii_case(&event)
                                || (pl.is_some() && *pl == place))
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
        {
            break;
        }
        k += 1;
    }
    k
}

/// "The meeting ... was cancelled": the event did not take place.
fn called_off(ctx: &Ctx, v: usize, seg: &Seg) -> bool {
    let end = ctx.clause_end(v, seg);
    (v + 1..end).any(|k| {
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
                end: last,
            })
        }
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
                // "met with Ukrainian officials": keep what they met.
                last = np_after(ctx, k, end);
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
                    end: who.end,
                });
            }
            let people = subj();
            if people.is_empty() {
                return None;
            }
            let np_end = np_after(ctx, v + 1, end);
            // The object must be an event (or a delegation / assembly).
            let evnoun = (v + 1..np_end).find(|&k| {
                let n = ctx.lc(k);
                let head = k + 1 == np_end
                    || matches!(
                        ctx.lc(k + 1),
                        "with"
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
                let political =
                    n == "party" && (ctx.doc.is_cap(k) || (k > v + 1 && ctx.doc.is_cap(k - 1)));
                head && !political
                    && (lexicon::is_event(n)
                        || ASSEMBLIES.contains(&n)
                        || matches!(n, "delegation" | "delegations"))
            })?;
            let hosting = t.pattern == "host";
            let others = if hosting {
                Vec::new()
            } else {
                with_people(ctx, evnoun, np_end, end)
            };
            let event = ctx.phrase(v + 1, np_end);
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
                    || ASSEMBLIES.contains(&ctx.lc(e)))
            {
                e += 1;
            }
            let body = (v + 2..e).any(|k| ASSEMBLIES.contains(&ctx.lc(k)));
            if !body {
                return None;
            }
            Some(Found {
                people,
                others: Vec::new(),
                event: format!("{} session", ctx.phrase(v + 2, e)),
                place: None,
                end: e,
            })
        }
        "visit" => {
            // Noun: "his visit to X", "a visit to X by Y".
            let prev = if v > seg.tok_start { ctx.lc(v - 1) } else { "" };
            let is_noun = matches!(
                prev,
                "a" | "the"
                    | "his"
                    | "her"
                    | "their"
                    | "'s"
                    | "state"
                    | "official"
                    | "first"
                    | "planned"
                    | "surprise"
                    | "upcoming"
                    | "recent"
            ) || (w == t.lemma
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
                // Whose visit: a possessor before, or "by X" after.
                let mut people = Vec::new();
                let mut s = v;
                while s > seg.tok_start
                    && matches!(
                        ctx.lc(s - 1),
                        "state"
                            | "official"
                            | "first"
                            | "planned"
                            | "surprise"
                            | "upcoming"
                            | "recent"
                            | "two-day"
                            | "three-day"
                    )
                {
                    s -= 1;
                }
                if s > seg.tok_start
                    && let Some(m) = ctx.coref.at(s - 1)
                    && m.possessive
                {
                    people.push(Who {
                        entity: m.entity,
                        start: m.start,
                        end: m.end,
                    });
                }
                let mut last = np_end;
                if people.is_empty()
                    && let Some(b) = (v + 1..end).find(|&j| ctx.lc(j) == "by")
                    && let Some((who, _)) = ctx.person_from(b + 1, end)
                {
                    people.push(who);
                    last = who.end;
                }
                if people.is_empty() {
                    return None;
                }
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
                    end: last,
                });
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
                end: np_end,
            })
        }
        "travel" => {
            let k = v + 1;
            if !matches!(ctx.lc(k), "in" | "at" | "to") {
                return None;
            }
            let place = ctx.open_place_at(k + 1, end)?;
            let people = subj();
            if people.is_empty() {
                return None;
            }
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
                end: e,
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
                end: last,
            })
        }
        "appear" => {
            let k = v + 1;
            if !matches!(ctx.lc(k), "before" | "at" | "in") {
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
                .any(|j| ASSEMBLIES.contains(&ctx.lc(j)) || lexicon::is_event(ctx.lc(j)));
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
                end: ne,
            })
        }
        _ => None,
    }
}

/// An event noun with its attendees: "Ana Pelk's dinner with Ivo Lund",
/// "a meeting between Ana Pelk and Ivo Lund".
fn event_noun(ctx: &Ctx, v: usize, seg: &Seg) -> Option<Found> {
    None
}
