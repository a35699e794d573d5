//! Dismissal claims: a person leaves or is removed from a post.
//!
//! Leaving ("resigned", "stepped down", "quit", "severed ties", "announced
//! his resignation") takes the subject; removing ("fired", "sacked",
//! "dismissed", "ousted", "removed", "suspended", "forced out") takes the
//! object, and its subject is who did it, or the reverse in the passive
//! ("was fired by"). The post comes from "as TITLE", "from his post as
//! TITLE" or the title phrase around the name; the date from the nearest
//! temporal expression in the clause. Negated, hypothetical and demanded
//! departures ("refused to resign", "called on him to resign", "if she
//! resigns") give nothing.

use super::claimed::Claimed;
use super::context::{Ctx, Who};
use super::lexicon;
use crate::model::{Claim, ClaimFields, DismissalHow};

enum Trigger {
    /// The subject leaves; `len` tokens make the trigger.
    Leave(DismissalHow, usize),
    /// The object is removed.
    Remove(DismissalHow, usize),
    /// A noun: "his resignation", "the ouster of X".
    Noun(DismissalHow),
}

/// The dismissal pattern the word at `i` opens
/// (`data/lexicon/triggers.txt`): the first whose following words match.
fn trigger(ctx: &Ctx, i: usize) -> Option<Trigger> {
    use DismissalHow::*;
    if !ctx.doc.has(i, super::lexicon::flag::DISMISS) {
        return None;
    }
    let n1 = ctx.lc(i + 1);
    let n2 = ctx.lc(i + 2);
    let n3 = ctx.lc(i + 3);
    super::lexicon::triggers(ctx.lc(i), super::lexicon::Kind::Dismissal).find_map(|t| {
        if !t.next.is_empty() && !t.next.contains(&n1) {
            return None;
        }
        let how = match t.variant {
            "resigned" => Resigned,
            "suspended" => Suspended,
            "dismissed" => Dismissed,
            _ => Other,
        };
        let len = 1 + usize::from(!t.next.is_empty());
        Some(match t.pattern {
            "leave" => Trigger::Leave(how, len),
            "sever_ties" if n1 == "ties" => Trigger::Leave(how, 2),
            "sever_ties" if n2 == "ties" => Trigger::Leave(how, 3),
            // "announced his resignation", "announced her intention to
            // step down".
            "announce_resignation" if n2 == "resignation" => Trigger::Leave(how, 3),
            "announce_resignation"
                if matches!(n2, "intention" | "plan" | "decision")
                    && n3 == "to"
                    && super::lexicon::triggers(ctx.lc(i + 4), super::lexicon::Kind::Dismissal)
                        .any(|t| t.pattern == "leave") =>
            {
                Trigger::Leave(how, 6)
            }
            "remove" => Trigger::Remove(how, len),
            "noun" => Trigger::Noun(how),
            _ => return None,
        })
    })
}

/// "his resignation", "X's ouster", "the resignation of X".
fn noun(
    ctx: &Ctx,
    out: &mut Claimed,
    si: usize,
    seg: &super::segment::Seg,
    v: usize,
    how: DismissalHow,
) {
    let end = ctx.clause_end(v, seg);
    let who = if v > seg.tok_start
        && let Some(m) = ctx.coref.at(v - 1).filter(|m| m.possessive)
    {
        Some(Who {
            entity: m.entity,
            start: m.start,
            end: m.end,
        })
    } else if v >= seg.tok_start + 2
        && ctx.lc(v - 1) == "'s"
        && let Some(m) = ctx.coref.at(v - 2).filter(|m| m.possessive)
    {
        Some(Who {
            entity: m.entity,
            start: m.start,
            end: m.end,
        })
    } else if ctx.lc(v + 1) == "of" {
        ctx.person_from(v + 2, end).map(|(w, _)| w)
    } else {
        None
    };
    let Some(who) = who else { return };
    let person = ctx.name(who.entity);
    if out.of(&person).any(|c| matches!(&c.fields, ClaimFields::Dismissal { person: p, how: h, .. } if *p == person && *h == how)) {
        return;
    }
    let (s, e) = ctx.bytes(who.start.min(v), who.end.max(v + 1));
    out.push(Claim {
        start: s,
        end: e,
        text: ctx.doc.text.get(s..e).unwrap_or("").to_string(),
        sentence: si,
        confidence: 0.6,
        fields: ClaimFields::Dismissal {
            person,
            role: None,
            by: None,
            date: ctx.date_near(v, seg),
            how,
        },
    });
}

fn passive_aux(ctx: &Ctx, v: usize) -> Option<usize> {
    // "was dismissing Labour": progressive, not passive.
    if ctx.lc(v).ends_with("ing") {
        return None;
    }
    let mut k = v;
    for _ in 0..3 {
        if k == 0 {
            return None;
        }
        k -= 1;
        let w = ctx.lc(k);
        if matches!(
            w,
            "was" | "were" | "been" | "is" | "are" | "be" | "being" | "got" | "get" | "gets"
        ) {
            return Some(k);
        }
        if !(w.ends_with("ly")
            || matches!(w, "also" | "later" | "then" | "reportedly" | "summarily"))
        {
            return None;
        }
    }
    None
}

/// Whether the departure at `v` is told in the present or present perfect
/// ("X resigns", "X has quit", "X has been suspended"), so it happened on
/// the article's own date when no other date is given.
fn reported_now(ctx: &Ctx, v: usize, passive: Option<usize>) -> bool {
    let mut k = passive.unwrap_or(v);
    if passive.is_some() && ctx.lc(k) == "been" {
        k = k.saturating_sub(1);
        return k < v && matches!(ctx.lc(k), "has" | "have");
    }
    if passive.is_some() {
        return false;
    }
    while k > 0 && matches!(ctx.lc(k - 1), "also" | "now" | "just" | "all" | "both") {
        k -= 1;
    }
    let w = ctx.lc(v);
    (k > 0 && matches!(ctx.lc(k - 1), "has" | "have"))
        || (w.ends_with('s')
            && !w.ends_with("ss")
            && !matches!(
                ctx.lc(v.saturating_sub(1)),
                "to" | "will" | "would" | "may" | "might" | "could" | "should"
            ))
}

/// The dismissal rule.
pub struct Dismissals;

impl super::rules::Rule for Dismissals {
    fn find(&self, ctx: &Ctx) -> Vec<Claim> {
        find(ctx)
    }
}

fn find(ctx: &Ctx) -> Vec<Claim> {
    let mut out = Claimed::default();
    // The article's own date (dateline, else publication), for departures
    // told in the present.
    let anchor =
        super::timex::anchor(ctx.doc.text, ctx.published).map(|d| d.format("%Y-%m-%d").to_string());
    for (si, seg) in ctx.claim_segs() {
        let mut i = seg.tok_start;
        while i < seg.tok_end {
            let Some(t) = trigger(ctx, i) else {
                i += 1;
                continue;
            };
            let (how, len, leave) = match t {
                Trigger::Leave(h, l) => (h, l, true),
                Trigger::Remove(h, l) => (h, l, false),
                Trigger::Noun(h) => {
                    i += 1;
                    if !ctx.blocked(i - 1, seg) {
                        noun(ctx, &mut out, si, seg, i - 1, h);
                    }
                    continue;
                }
            };
            let v = i;
            i += len;
            if ctx.blocked(v, seg) {
                continue;
            }
            let after = v + len;
            let end = ctx.clause_end(v, seg);
            let mut people: Vec<Who>;
            let mut by: Option<String> = None;
            let mut role: Option<String> = None;
            let mut last = after;
            let passive = passive_aux(ctx, v);
            if leave || passive.is_some() {
                let at = passive.unwrap_or(v);
                people = ctx.subject_before(at, seg);
                // "a bust of X being removed": the thing, not X, goes.
                people.retain(|w| {
                    !(w.start >= seg.tok_start + 2
                        && ctx.lc(w.start - 1) == "of"
                        && !lexicon::is_title_word(ctx.lc(w.start - 2))
                        && ctx.coref.at(w.start - 2).is_none())
                });
                if people.is_empty() {
                    let mut k = at;
                    while k > seg.tok_start
                        && matches!(
                            ctx.lc(k - 1),
                            "have" | "has" | "had" | "also" | "all" | "both"
                        )
                    {
                        k -= 1;
                    }
                    if k > seg.tok_start {
                        people = ctx.plural_before(k - 1, seg);
                    }
                }
                if passive.is_some() {
                    // "was fired by X"
                    if let Some(b) = (after..end).find(|&k| ctx.lc(k) == "by")
                        && let Some((w, _)) = ctx.person_from(b + 1, end)
                    {
                        by = Some(ctx.name(w.entity));
                        last = last.max(w.end);
                    }
                }
            } else {
                // Active removal: the object leaves, the subject removes.
                // "the firing of X"
                let from = if ctx.lc(after) == "of" {
                    after + 1
                } else {
                    after
                };
                let found = ctx.people_from(from, end);
                people = found.iter().map(|(w, _)| *w).collect();
                if let Some((_, Some(np))) = found.first() {
                    role = Some(np.roles.join(" and "));
                }
                if let Some(w) = found.last() {
                    last = last.max(w.0.end);
                }
                if let Some(s) = ctx.subject_before(v, seg).first() {
                    by = Some(ctx.name(s.entity));
                } else {
                    // "forced him to sack ...": the one made to act.
                    let mut k = v;
                    if k > seg.tok_start && ctx.lc(k - 1) == "to" {
                        k -= 1;
                        if k > seg.tok_start
                            && let Some(w) = ctx.person_ending_at(k - 1, seg.tok_start)
                        {
                            by = Some(ctx.name(w.entity));
                        }
                    }
                }
                if len == 2 && people.is_empty() {
                    // "forced X out"
                    continue;
                }
                // "dismissing X as a minor figure": judged, not removed.
                let judged = ctx.lc(v).starts_with("dismiss")
                    && found.last().is_some_and(|w| {
                        ctx.lc(w.0.end) == "as" && ctx.post_title(w.0.end + 1, end).is_none()
                    });
                if judged {
                    continue;
                }
            }
            if people.is_empty() {
                continue;
            }
            // The post: "as chairman", "from his post as ...".
            if role.is_none() {
                let mut k = after;
                if ctx.lc(k) == "from" {
                    k += 1;
                    while k < end && !matches!(ctx.lc(k), "as" | "," | ".") && k < after + 6 {
                        k += 1;
                    }
                }
                if ctx.lc(k) == "as"
                    && let Some(np) = ctx.post_title(k + 1, end)
                {
                    role = Some(np.roles.join(" and "));
                    last = last.max(np.end);
                }
            }
            let date = ctx.date_near(v, seg).or_else(|| {
                reported_now(ctx, v, passive)
                    .then(|| anchor.clone())
                    .flatten()
            });
            for who in &people {
                let person = ctx.name(who.entity);
                if by.as_deref() == Some(person.as_str()) {
                    by = None;
                }
                let mut role = role.clone();
                if role.is_none()
                    && let Some(np) = ctx.pre_title(who.start, seg.tok_start)
                {
                    role = Some(np.roles.join(" and "));
                }
                let dup = out.of(&person).any(|c| match &c.fields {
                    ClaimFields::Dismissal {
                        person: p,
                        how: h,
                        role: r,
                        ..
                    } => *p == person && *h == how && (r.is_none() || role.is_none() || *r == role),
                    _ => false,
                });
                if dup {
                    continue;
                }
                // Evidence stays in this sentence ("these men resigned").
                let a = if who.start < seg.tok_start {
                    v.saturating_sub(2).max(seg.tok_start)
                } else {
                    who.start.min(v)
                };
                let b = last.max(who.end);
                let (s, e) = ctx.bytes(a, b);
                out.push(Claim {
                    start: s,
                    end: e,
                    text: ctx.doc.text.get(s..e).unwrap_or("").to_string(),
                    sentence: si,
                    confidence: if people.len() > 1 { 0.65 } else { 0.75 },
                    fields: ClaimFields::Dismissal {
                        person,
                        role,
                        by: by.clone(),
                        date: date.clone(),
                        how,
                    },
                });
            }
        }
    }
    out.into_vec()
}
