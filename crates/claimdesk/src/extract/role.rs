//! Role claims: a person holds or held a title, office, membership or
//! relationship.
//!
//! Patterns: a title before the name ("Secretary of State Marco Rubio",
//! "Trump's envoy Steve Witkoff", "former London mayor Boris Johnson"); an
//! appositive after it ("Andrii Hnatov, the chief of staff of ..."), or
//! before it ("his chief of staff, Andriy Yermak"); a copula or appointment
//! ("X is a former mayor of London", "X had been chairman", "X was named
//! chairman"); "as TITLE" ("resigned as chairman", "replace X as prime
//! minister"); membership ("X of the Y Party", "UKIP's X").

use super::claimed::Claimed;
use super::context::{Ctx, TitleNp, Who};
use super::lexicon;
use crate::model::{Claim, ClaimFields};

/// The role rule: the roles the index pass found.
pub struct Roles;

impl super::rules::Rule for Roles {
    fn find(&self, ctx: &Ctx) -> Vec<Claim> {
        ctx.roles.clone()
    }
}

/// The index pass, run once before the rules: finds every stated role,
/// fills `ctx.role_index` (title → holders, for "the president") and keeps
/// the role claims in `ctx.roles`. Names are read in text order, so a
/// definite description resolves to a holder named before it.
pub fn index_pass(ctx: &mut Ctx) {
    let found = find(ctx);
    ctx.roles = found;
}

fn find(ctx: &mut Ctx) -> Vec<Claim> {
    let mut out = Claimed::default();
    let mentions = ctx.coref.mentions.clone();
    for m in mentions.iter() {
        let Some(seg) = ctx.doc.segs.get(m.seg).cloned() else {
            continue;
        };
        // A pronoun holds a title only by a copula: "He was a
        // speechwriter to Premier Ana Pelk".
        if m.pronoun {
            if !m.possessive
                && matches!(ctx.seg_kind(m.seg), super::segment::SegKind::Body)
                && let Some(np) = copula_title(ctx, m.end, seg.tok_end, &seg)
            {
                let who = Who {
                    entity: m.entity,
                    start: m.start,
                    end: m.end,
                };
                push(ctx, &mut out, who, &np, m.start, np.end, m.seg, 0.7);
            }
            continue;
        }
        if !matches!(
            ctx.seg_kind(m.seg),
            super::segment::SegKind::Body | super::segment::SegKind::Headline
        ) {
            continue;
        }
        let who = Who {
            entity: m.entity,
            start: m.start,
            end: m.end,
        };
        let floor = seg.tok_start;
        let end = seg.tok_end;
        // Title before the name.
        if let Some(np) = plural_title(ctx, m.start, m.end, floor) {
            // "regional councillors Jan Brede and Ola Fenn".
            push(ctx, &mut out, who, &np, np.start, m.end, m.seg, 0.7);
        } else if let Some(mut np) = ctx.pre_title(m.start, floor) {
            // "King Ivo of Valmora", "President Ana Pelk of Estonia".
            let mut stop = m.end;
            if np.org.is_none() && ctx.lc(m.end) == "of" && ctx.doc.is_cap(m.end + 1) {
                let mut e = m.end + 1;
                while e < end && ctx.doc.is_cap(e) && ctx.coref.at(e).is_none() {
                    e += 1;
                }
                if e > m.end + 1 {
                    np.org = Some(ctx.org_name(m.end + 1, e));
                    stop = e;
                }
            }
            push(ctx, &mut out, who, &np, np.start, stop, m.seg, 0.85);
        } else if m.start >= floor + 2 && ctx.doc.s(m.start - 1) == "," {
            // Title phrase, comma, name: "his chief of staff, Andriy Yermak".
            let comma = m.start - 1;
            let lo = comma.saturating_sub(12).max(floor);
            for k in lo..comma {
                let w = ctx.lc(k);
                let opener = matches!(w, "a" | "an" | "the" | "his" | "her" | "their" | "its")
                    || ctx
                        .coref
                        .at(k)
                        .is_some_and(|x| x.possessive && x.start == k);
                // "he is not the trade negotiator, X": a denied title.
                if !opener || (k > floor && lexicon::is_cue(ctx.lc(k - 1), lexicon::Cue::Negation))
                {
                    continue;
                }
                // "the agency's former finance director, Piet Aalders": the
                // title after a possessive organization, which is its org.
                if let Some(p) = (k + 1..comma)
                    .take_while(|&t| {
                        ctx.doc.kind(t) == Some(super::segment::Tk::Word) || ctx.lc(t) == "'s"
                    })
                    .find(|&t| ctx.lc(t) == "'s")
                    && p > k + 1
                    && p <= k + 5
                    && (k + 1..p)
                        .all(|t| ctx.coref.at(t).is_none() && !lexicon::is_stopword(ctx.lc(t)))
                    && let Some(mut np) = ctx.post_title(p + 1, comma)
                    && np.end == comma
                {
                    if np.org.is_none() {
                        np.org = Some(ctx.org_name(k + 1, p));
                    }
                    push(ctx, &mut out, who, &np, k, m.end, m.seg, 0.7);
                    break;
                }
                if let Some(np) = ctx.post_title(k, comma)
                    && np.end == comma
                {
                    push(ctx, &mut out, who, &np, k, m.end, m.seg, 0.75);
                    break;
                }
            }
        }
        // Possessive organization before the name: "UKIP's Steven Woolfe".
        if m.start >= floor + 2
            && ctx.lc(m.start - 1) == "'s"
            && ctx.coref.at(m.start - 2).is_none()
        {
            let p = m.start - 2;
            let mut s = p + 1;
            while s > floor && (ctx.doc.is_cap(s - 1) || ctx.doc.is_allcaps(s - 1)) {
                s -= 1;
            }
            let words: Vec<&str> = (s..=p).map(|t| ctx.lc(t)).collect();
            let orgish = (s..=p).all(|t| ctx.doc.is_allcaps(t))
                || words.iter().any(|w| lexicon::is_member_body(w));
            let placeish = lexicon::place(&words.join(" ")).is_some();
            if s <= p && orgish && !placeish {
                let np = TitleNp {
                    start: s,
                    end: m.start,
                    roles: vec!["member".into()],
                    org: Some(ctx.org_name(s, p + 1)),
                };
                push(ctx, &mut out, who, &np, s, m.end, m.seg, 0.6);
            }
        }
        if m.possessive {
            continue;
        }
        if let Some(np) = held_by_verb(ctx, m.end, end) {
            push(ctx, &mut out, who, &np, m.start, np.end, m.seg, 0.65);
        }
        // After the name.
        let mut k = m.end;
        if ctx.doc.s(k) == "(" && ctx.doc.s(k + 2) == ")" {
            k += 3;
        }
        if ctx.doc.s(k) == "," {
            k += 1;
            // ", 34,"
            if ctx.doc.kind(k) == Some(super::segment::Tk::Num) && ctx.doc.s(k + 1) == "," {
                k += 2;
            }
            if matches!(ctx.lc(k), "who" | "now") {
                k += 1;
                while matches!(
                    ctx.lc(k),
                    "is" | "was"
                        | "had"
                        | "has"
                        | "been"
                        | "became"
                        | "remains"
                        | "also"
                        | "then"
                        | "later"
                ) {
                    k += 1;
                }
            }
            if let Some(np) = ctx.post_title(k, end)
                && closes_appositive(ctx, np.end, end)
                && !evaluative(ctx, k, np.end)
            {
                push(ctx, &mut out, who, &np, m.start, np.end, m.seg, 0.8);
                continue;
            }
            if let Some(np) = relation_appositive(ctx, k, end) {
                push(ctx, &mut out, who, &np, m.start, np.end, m.seg, 0.65);
                continue;
            }
        }
        {
            // "named X chairman": the title right after the name.
            if m.start > floor
                && matches!(
                    ctx.lc(m.start - 1),
                    "named" | "appointed" | "elected" | "nominated"
                )
                && let Some(np) = ctx.post_title(k, end)
            {
                push(ctx, &mut out, who, &np, m.start - 1, np.end, m.seg, 0.7);
                continue;
            }
            if let Some(np) = copula_title(ctx, k, end, &seg) {
                push(ctx, &mut out, who, &np, m.start, np.end, m.seg, 0.75);
                continue;
            }
            // Membership: "Mike Hookem of the UK Independence Party".
            if ctx.lc(k) == "of" {
                let mut s = k + 1;
                if ctx.lc(s) == "the" {
                    s += 1;
                }
                let mut e = s;
                while e < end && (ctx.doc.is_cap(e) || ctx.doc.is_allcaps(e)) {
                    e += 1;
                }
                if e > s && (s..e).any(|t| lexicon::is_member_body(ctx.lc(t))) {
                    let np = TitleNp {
                        start: m.start,
                        end: e,
                        roles: vec!["member".into()],
                        org: Some(ctx.org_name(s, e)),
                    };
                    push(ctx, &mut out, who, &np, m.start, e, m.seg, 0.6);
                }
            }
        }
    }
    // "as TITLE": "resigned as chairman", "replace X as prime minister".
    for (si, seg) in ctx
        .claim_segs()
        .map(|(i, s)| (i, s.clone()))
        .collect::<Vec<_>>()
    {
        for a in seg.tok_start + 1..seg.tok_end {
            if ctx.lc(a) != "as" || matches!(ctx.lc(a - 1), "such" | "well" | "so" | "same") {
                continue;
            }
            let Some(np) = ctx.post_title(a + 1, seg.tok_end) else {
                continue;
            };
            let floor = ctx.clause_start(a, &seg);
            let near = (a.saturating_sub(4).max(floor)..a)
                .rev()
                .find_map(|t| ctx.person_ending_at(t, floor));
            // "X replaced Y as mayor": the title is also the subject's,
            // unless the taking over is only a prospect ("to replace").
            // "replaced Chancellor Ivo Lund as ...": past the title.
            let near = near.map(|y| Who {
                start: ctx.pre_title(y.start, floor).map_or(y.start, |np| np.start),
                ..y
            });
            if let Some(y) = near
                && y.start > floor + 1
                && lexicon::is_succession_verb(ctx.lc(y.start - 1))
                && !matches!(
                    ctx.lc(y.start - 2),
                    "to" | "will" | "would" | "could" | "might"
                )
                && !ctx.blocked(y.start - 1, &seg)
                && let Some(x) = ctx
                    .subject_before(y.start - 1, &seg)
                    .first()
                    .copied()
                    .or_else(|| relative_antecedent(ctx, a, &seg))
            {
                push(ctx, &mut out, x, &np, x.start.min(a), np.end, si, 0.7);
            }
            // "elected Ana Pelk to succeed Ivo Lund as its new leader": the
            // one chosen takes the title.
            let chosen = near.and_then(|y| {
                (y.start > floor + 3
                    && lexicon::is_succession_verb(ctx.lc(y.start - 1))
                    && ctx.lc(y.start - 2) == "to")
                    .then(|| ctx.person_ending_at(y.start - 3, floor))
                    .flatten()
                    .filter(|x| {
                        x.start > floor && lexicon::is_appointment_verb(ctx.lc(x.start - 1))
                    })
            });
            if let Some(x) = chosen {
                push(ctx, &mut out, x, &np, x.start.min(a), np.end, si, 0.7);
            }
            // The one succeeded held the title, but not a "new" one.
            let succeeded = near.is_some_and(|y| {
                y.start > floor && lexicon::is_succession_verb(ctx.lc(y.start - 1))
            });
            let new_title = np
                .roles
                .iter()
                .any(|r| r.to_ascii_lowercase().starts_with("new "));
            if succeeded && (new_title || chosen.is_some()) {
                continue;
            }
            let who = near
                .or_else(|| {
                    ctx.subject_before(a.saturating_sub(1), &seg)
                        .first()
                        .copied()
                })
                .or_else(|| relative_antecedent(ctx, a, &seg));
            if let Some(who) = who {
                push(ctx, &mut out, who, &np, who.start.min(a), np.end, si, 0.7);
            }
        }
    }
    out.into_vec()
}

/// The title a copula or an appointment verb after a name states: "X is a
/// former mayor of London", "X had been chairman", "X was named chairman",
/// "He was a speechwriter to Premier Ana Pelk" (a relationship).
fn copula_title(ctx: &Ctx, k: usize, end: usize, seg: &super::segment::Seg) -> Option<TitleNp> {
    let mut j = k;
    let mut copular = false;
    let mut appointed = false;
    while j < end && j < k + 4 {
        let w = ctx.lc(j);
        if w == "be" && j > k && ctx.lc(j - 1) == "to" {
            // "prefer X to be the prime minister": wished, not held.
            break;
        } else if lexicon::is_role_copula(w) {
            copular = true;
        } else if lexicon::is_appointment_verb(w) {
            appointed = true;
        } else if !matches!(
            w,
            "has" | "had" | "have" | "will" | "also" | "now" | "to" | "as" | "in" | "sworn"
        ) && !w.ends_with("ly")
        {
            break;
        }
        j += 1;
    }
    if !(copular || appointed) || j == k || ctx.blocked(j, seg) {
        return None;
    }
    match ctx.post_title(j, end) {
        Some(np) if !(copular && (evaluative(ctx, j, np.end) || ranked(ctx, j))) => Some(np),
        Some(_) => None,
        None if copular => relation_appositive(ctx, j, end),
        None => None,
    }
}

/// Whether two titles of one person are one title told twice ("President"
/// and "Council President", "French President"): the words of one hold
/// the other's, and the extra words neither lessen it ("Vice President")
/// nor date it ("former").
fn same_title(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    short.iter().all(|w| long.contains(w))
        && long.iter().filter(|w| !short.contains(w)).all(|w| {
            !lexicon::is_lesser_title_word(w) && w != "former" && !lexicon::is_title_head(w)
        })
}

/// "X has chaired the port authority since 2009", "X, who founded the
/// Valmora Light Party,": a verb of `role_verbs.txt` and its object, right
/// after the name (or its "who").
fn held_by_verb(ctx: &Ctx, after: usize, end: usize) -> Option<TitleNp> {
    let mut k = after;
    if ctx.doc.s(k) == "," && ctx.lc(k + 1) == "who" {
        k += 2;
    }
    while k < end && lexicon::is_verb_filler(ctx.lc(k)) {
        k += 1;
    }
    let v = ctx.lc(k);
    let title = lexicon::role_verb(v).filter(|_| !v.ends_with("ing"))?;
    let mut j = k + 1;
    // A post is a definite or named body: "founded the party", "directs
    // Harbour Trust"; "found an increase" names none.
    if matches!(ctx.lc(j), "the" | "its") {
        j += 1;
    } else if !ctx.doc.is_cap(j) {
        return None;
    }
    let mut e = j;
    while e < end
        && e < j + 6
        && ctx.doc.kind(e) == Some(super::segment::Tk::Word)
        && ctx.coref.at(e).is_none()
        && (ctx.lc(e) == "of" || !lexicon::is_stopword(ctx.lc(e)))
        && !matches!(ctx.lc(e), "since" | "until" | "for" | "from" | "when")
    {
        e += 1;
    }
    while e > j && ctx.lc(e - 1) == "of" {
        e -= 1;
    }
    if e == j || (lexicon::is_event(ctx.lc(e - 1)) && !ctx.doc.is_cap(e - 1)) {
        return None;
    }
    Some(TitleNp {
        start: after,
        end: e,
        roles: vec![title.to_string()],
        org: Some(ctx.phrase(j, e)),
    })
}

/// "a neighbour of Ivo Lund", "a speechwriter to Premier Ana Pelk", "a
/// lifelong supporter of the Harbour Party": an appositive person noun
/// (WordNet's) tied by "of"/"to"/"for" to a named person or organization.
/// The tie makes it a relationship; the noun alone ("an activist") is not.
fn relation_appositive(ctx: &Ctx, k: usize, end: usize) -> Option<TitleNp> {
    if !matches!(ctx.lc(k), "a" | "an" | "the") {
        return None;
    }
    let mut n = k + 1;
    while n < end && n < k + 4 && !crate::lexical::words::is_mainly_person_noun(ctx.lc(n)) {
        let w = ctx.lc(n);
        if ctx.doc.kind(n) != Some(super::segment::Tk::Word)
            || ctx.doc.is_cap(n)
            || lexicon::is_stopword(w)
        {
            return None;
        }
        n += 1;
    }
    let noun = ctx.lc(n);
    if n >= end
        || !crate::lexical::words::is_mainly_person_noun(noun)
        || lexicon::is_evaluative(noun)
        || !matches!(ctx.lc(n + 1), "of" | "to" | "for")
    {
        return None;
    }
    let c = n + 2;
    // The named side: a person, or a capitalised name after an article.
    let (org, e) = if let Some(m) = ctx.coref.at(c).filter(|m| m.start == c && !m.pronoun) {
        let e = if m.possessive { m.end + 1 } else { m.end };
        (ctx.name(m.entity), e)
    } else if let Some((w, _)) = ctx.person_from(c, end) {
        (ctx.name(w.entity), w.end)
    } else {
        let s = if ctx.lc(c) == "the" { c + 1 } else { c };
        let mut e = s;
        while e < end && (ctx.doc.is_cap(e) || ctx.doc.is_allcaps(e)) {
            e += 1;
        }
        if e == s {
            return None;
        }
        (ctx.org_name(s, e), e)
    };
    if !closes_appositive(ctx, e, end) {
        return None;
    }
    Some(TitleNp {
        start: k,
        end: e,
        roles: vec![ctx.phrase(k + 1, n + 1)],
        org: Some(org),
    })
}

/// A plural title before a list of names gives each name the title:
/// "congressional leaders Ana Pelk and Ivo Lund", "Two councillors, Piet
/// Ander and Lotte Graaf". `start..end` is one name of the list; the names
/// before it in the list are walked back over. After a comma the title
/// needs a number before it ("two councillors, X and Y"), so "met local
/// officials, Ana Pelk said" names no role.
fn plural_title(ctx: &Ctx, start: usize, end: usize, floor: usize) -> Option<TitleNp> {
    let mut s = start;
    let mut listed = matches!(ctx.lc(end), "and" | ",")
        && ctx
            .coref
            .at(end + 1)
            .is_some_and(|x| !x.pronoun && x.start == end + 1);
    for _ in 0..8 {
        if s < floor + 2 || !matches!(ctx.lc(s - 1), "and" | ",") {
            break;
        }
        if ctx.coref.at(s - 2).is_some_and(|x| x.pronoun) {
            break;
        }
        let Some(prev) = ctx.person_ending_at(s - 2, floor) else {
            break;
        };
        s = prev.start;
        listed = true;
    }
    let mut p = s.checked_sub(1)?;
    let comma = ctx.doc.s(p) == ",";
    if comma {
        p = p.checked_sub(1)?;
    }
    if p < floor || ctx.doc.kind(p) != Some(super::segment::Tk::Word) {
        return None;
    }
    let sing = singular(ctx.lc(p))?;
    if !lexicon::is_title_head(&sing) || lexicon::is_title_head(ctx.lc(p)) {
        return None;
    }
    let mut k = p;
    while k > floor && ctx.is_modifier(k - 1) && ctx.lc(k - 1) != "former" {
        k -= 1;
    }
    let role_start = k;
    let former = k > floor && ctx.lc(k - 1) == "former";
    if former {
        k -= 1;
    }
    // A capitalised organization right before: "Democratic", "UN".
    let mut o = k;
    while o > floor
        && (ctx.doc.is_cap(o - 1) || ctx.is_acronym(o - 1))
        && ctx.coref.at(o - 1).is_none()
        && !lexicon::is_stopword(ctx.lc(o - 1))
        && !cardinal(ctx.lc(o - 1))
    {
        o -= 1;
    }
    let org = (o < k && (o > floor || lexicon::place(ctx.lc(o)).is_some() || ctx.is_acronym(o)))
        .then(|| ctx.org_name(o, k));
    if comma {
        let before = if org.is_some() { o } else { k };
        let numbered = before > floor
            && (ctx.doc.kind(before - 1) == Some(super::segment::Tk::Num)
                || cardinal(ctx.lc(before - 1)));
        if !numbered || !listed {
            return None;
        }
    }
    let mut role = if role_start < p {
        format!("{} {sing}", ctx.title_phrase(role_start, p))
    } else {
        sing
    };
    if former {
        role = format!("former {role}");
    }
    Some(TitleNp {
        start: if org.is_some() { o } else { k },
        end: start,
        roles: vec![role],
        org,
    })
}

/// Whether the word is a cardinal number word ("two", "five").
fn cardinal(w: &str) -> bool {
    matches!(
        crate::lexical::vocab::lookup(w),
        Some(crate::lexical::vocab::Word::Cardinal(_))
    )
}

/// The singular of a plural noun ("leaders" → "leader", "secretaries" →
/// "secretary"), or none when the word does not end in a plural "s".
fn singular(w: &str) -> Option<String> {
    if w.len() < 4 || w.ends_with("ss") || w.ends_with("'s") {
        return None;
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    w.strip_suffix('s').map(str::to_string)
}

/// Whether the phrase at `a` after a copula ranks rather than names a post
/// ("the first foreign leader to meet", "the only minister who"), unless
/// the ordinal is part of a title ("the first lady").
fn ranked(ctx: &Ctx, a: usize) -> bool {
    let k = if matches!(ctx.lc(a), "the" | "a" | "an") {
        a + 1
    } else {
        a
    };
    matches!(
        ctx.lc(k),
        "first" | "last" | "only" | "second" | "third" | "latest"
    ) && ctx.title_at(k).is_none()
}

/// Whether the title phrase `[a, b)` after a copula is an evaluation ("a
/// shrewd politician", "a brilliant lawyer"): an adjective before the title
/// that is neither a title word nor a role modifier ("former", "senior").
fn evaluative(ctx: &Ctx, a: usize, b: usize) -> bool {
    let title = (a..b).find(|&t| ctx.title_at(t).is_some()).unwrap_or(b);
    // Only right after "a"/"an": "a bold speaker", not "former
    // international development secretary".
    let art = (a..title).find(|&t| matches!(ctx.lc(t), "a" | "an"));
    let Some(art) = art else { return false };
    (art + 1..(art + 2).min(title)).any(|t| {
        let w = ctx.lc(t);
        !ctx.doc.is_cap(t)
            && crate::lexical::words::is_adjective(w)
            && !lexicon::is_title_word(w)
            && !super::lexicon::is_title_modifier(w)
            && !matches!(w, "a" | "an" | "the")
    })
}

/// "X, who joined the board in 2021 as treasurer": the antecedent of a
/// relative clause holding `as` at `a`, if the clause has no other verb
/// subject. Stops at a full stop, semicolon or quotation mark.
fn relative_antecedent(ctx: &Ctx, a: usize, seg: &super::segment::Seg) -> Option<Who> {
    let lo = a.saturating_sub(15).max(seg.tok_start + 2);
    for r in (lo..a).rev() {
        if matches!(ctx.doc.s(r), ";" | "." | ":")
            || ctx.doc.kind(r) == Some(super::segment::Tk::Quote)
        {
            return None;
        }
        if ctx.lc(r) == "who" && matches!(ctx.doc.s(r - 1), "," | "--" | "\u{2014}" | "\u{2013}") {
            return ctx.person_ending_at(r - 2, seg.tok_start);
        }
    }
    None
}

/// Whether an appositive ending at `e` is closed there (by punctuation,
/// "who", "and" or the end), not the subject of a verb that follows
/// ("Dressed by X, the first lady held ...").
fn closes_appositive(ctx: &Ctx, e: usize, end: usize) -> bool {
    e >= end
        || matches!(
            ctx.doc.kind(e),
            Some(super::segment::Tk::Punct) | Some(super::segment::Tk::Quote)
        )
        || matches!(ctx.lc(e), "who" | "and" | "since" | "until" | "from")
}

#[allow(clippy::too_many_arguments)]
fn push(
    ctx: &mut Ctx,
    out: &mut Claimed,
    who: Who,
    np: &TitleNp,
    a: usize,
    b: usize,
    seg: usize,
    conf: f32,
) {
    let person = ctx.name(who.entity);
    for role in &np.roles {
        let role = role.trim().to_string();
        if role.is_empty() {
            continue;
        }
        let lc = role.to_ascii_lowercase();
        let head = lc.trim_start_matches("former ").to_string();
        // Index for "the president", "the first lady".
        if !lc.starts_with("former") {
            let place = np
                .org
                .as_deref()
                .and_then(|o| lexicon::place(&o.to_ascii_lowercase()));
            // "the president" is not the vice president.
            let lesser = head
                .split([' ', '-'])
                .next()
                .is_some_and(lexicon::is_lesser_title_word);
            let last = head
                .rsplit(' ')
                .next()
                .filter(|_| !lesser)
                .map(str::to_string);
            let keys = [Some(head.clone()), last];
            for key in keys.into_iter().flatten() {
                ctx.role_index
                    .entry(key)
                    .or_default()
                    .push((who.entity, place));
            }
        }
        if out.of(&person).any(|c| matches!(&c.fields, ClaimFields::Role { person: p, role: r, .. } if *p == person && same_title(r, &role)))
        {
            continue;
        }
        // The organization is not the person themselves.
        let org = np.org.clone().filter(|o| *o != person && !o.is_empty());
        let (s, e) = ctx.bytes(a.min(who.start), b.max(who.end));
        out.push(Claim {
            start: s,
            end: e,
            text: ctx.doc.text.get(s..e).unwrap_or("").to_string(),
            sentence: seg,
            confidence: conf,
            fields: ClaimFields::Role {
                person: person.clone(),
                role,
                org,
            },
        });
    }
}
