//! Quote claims: words in quotation marks attributed to a named person.
//!
//! The speaker comes from the attribution after the quote (`"...," X
//! said`, `"...," said X`, `"...," added Thomas`), or before it (`X said:
//! "..."`, `X called it "..."`, `... but added: "..."`, partial quotes
//! such as `said he was in "constant contact"`); a quotation that opens a
//! sentence with no attribution of its own continues the previous speaker
//! (the next sentence or paragraph of the same speech). Quotations
//! attributed to an organization or an unnamed spokesman, unattributed
//! ones and one-word scare quotes are not quote claims.

use super::context::Ctx;
use super::lexicon;
use super::segment::{Quotation, Tk};
use crate::model::{Claim, ClaimFields};
use std::collections::HashSet;

enum Speaker {
    Person(usize),
    /// Attributed, but not to a person ("the company said").
    Other,
    None,
}

/// Where the attribution cues of an article are, found once so that each
/// quotation looks them up (a binary search) instead of rescanning its
/// sentence: a sentence of thousands of quotations stays linear.
struct Cues {
    /// Token indexes of speech verbs ("said", "told", "added").
    speech: Vec<usize>,
    /// Token indexes of "according" followed by "to".
    according: Vec<usize>,
}

impl Cues {
    fn new(ctx: &Ctx) -> Cues {
        let mut cues = Cues {
            speech: Vec::new(),
            according: Vec::new(),
        };
        for k in 0..ctx.doc.tokens.len() {
            let w = ctx.lc(k);
            if lexicon::is_speech_verb(w) {
                cues.speech.push(k);
            }
            if w == "according" && ctx.lc(k + 1) == "to" {
                cues.according.push(k);
            }
        }
        cues
    }

    /// The first "according to" in tokens `[a, b)`.
    fn first_according(&self, a: usize, b: usize) -> Option<usize> {
        let i = self.according.partition_point(|&k| k < a);
        self.according.get(i).copied().filter(|&k| k < b)
    }

    /// The last speech verb in tokens `[a, b)`.
    fn last_speech_verb(&self, a: usize, b: usize) -> Option<usize> {
        let i = self.speech.partition_point(|&k| k < b);
        let k = *self.speech.get(i.checked_sub(1)?)?;
        (k >= a).then_some(k)
    }
}

/// The quote rule.
pub struct Quotes;

impl super::rules::Rule for Quotes {
    fn find(&self, ctx: &Ctx) -> Vec<Claim> {
        find(ctx)
    }
}

fn find(ctx: &Ctx) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    if ctx.doc.quotes.is_empty() {
        return out;
    }
    let cues = Cues::new(ctx);
    // Speaker of the previous quotation and its paragraph.
    let mut prev: Option<(Option<usize>, usize)> = None;
    // (quotation, content span, speaker, attributed to a non-person).
    let mut found: Vec<(&Quotation, usize, usize, Option<usize>, bool)> = Vec::new();
    for q in &ctx.doc.quotes {
        let Some((start, end)) = content(ctx, q) else {
            continue;
        };
        let seg_idx = ctx
            .doc
            .segs
            .partition_point(|s| s.tok_start <= q.open)
            .saturating_sub(1);
        let Some(seg) = ctx.doc.segs.get(seg_idx) else {
            continue;
        };
        if !matches!(
            ctx.seg_kind(seg_idx),
            super::segment::SegKind::Body | super::segment::SegKind::Headline
        ) {
            prev = None;
            continue;
        }
        let words = ctx
            .doc
            .text
            .get(start..end)
            .unwrap_or("")
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        // `the "B" share`: one quoted word inside a noun phrase is a label.
        let label = words < 2
            && q.open > 0
            && matches!(ctx.lc(q.open - 1), "the" | "a" | "an" | "its" | "their")
            && q.close
                .is_some_and(|c| ctx.doc.kind(c + 1) == Some(Tk::Word) && !ctx.doc.is_cap(c + 1));
        // `called her "snap" election`: one quoted word before a noun,
        // after a possessive; `the country's "existential issue"`: a short
        // lower-case phrase after a possessive or article, ending the noun
        // phrase. Both are labels inside a noun phrase, not speech.
        let possessed = q.open > 0
            && matches!(
                ctx.lc(q.open - 1),
                "'s" | "his" | "her" | "its" | "their" | "our" | "the"
            );
        let lower = quoted_first_lower(ctx, start, end);
        let before_noun = q.close.is_some_and(|c| {
            ctx.doc.kind(c + 1) == Some(Tk::Word)
                && !ctx.doc.is_cap(c + 1)
                && crate::lexical::words::is_noun(ctx.lc(c + 1))
        });
        let label = label
            || (possessed && lower && words < 2 && before_noun)
            || (possessed
                && lower
                && words <= 3
                && q.open > 1
                && matches!(ctx.lc(q.open - 1), "'s" | "its" | "their" | "our"));
        // `using the term "fake news"`, `a so-called "harbour fund"`.
        let named = q.open > 0
            && matches!(
                ctx.lc(q.open - 1),
                "term" | "word" | "phrase" | "slogan" | "label" | "so-called" | "dubbed"
            );
        if label || named {
            continue;
        }
        let opens_sentence = q.open == seg.tok_start;
        let quoted = ctx.doc.text.get(start..end).unwrap_or("");
        let mut speaker = after(ctx, q);
        // A book, film or song title ("The Art of the Deal"), not words
        // someone said, unless the attribution follows the closing mark
        // directly (`"Make It Right," she said`).
        let spoken = matches!(speaker, Speaker::Person(_)) && quoted.ends_with([',', '!', '?']);
        if title_case(quoted) && !spoken {
            // A title inside a speech ("said on \"Harbour Hour.\"") does
            // not end it.
            continue;
        }
        if let Speaker::None = speaker {
            speaker = before(ctx, &cues, q, seg, words);
        }
        let other = matches!(speaker, Speaker::Other);
        let who = match speaker {
            Speaker::Person(e) => Some(e),
            Speaker::Other => None,
            Speaker::None => match prev {
                // A continued quotation: same paragraph, or the next one.
                Some((Some(e), p)) if opens_sentence && (p == q.para || p + 1 == q.para) => {
                    let para_opens = ctx.doc.paras.get(q.para).is_some_and(|&(ps, _)| {
                        ctx.doc.tokens.get(q.open).is_some_and(|t| t.start == ps)
                    });
                    (p == q.para || para_opens).then_some(e)
                }
                _ => None,
            },
        };
        prev = Some((who, q.para));
        if words > 0 {
            found.push((q, start, end, who, other));
        }
    }
    // A quotation left open at the end of its paragraph continues in the
    // next one, whose attribution names the speaker of both.
    for i in (0..found.len().saturating_sub(1)).rev() {
        let (q, _, _, who, other) = found[i];
        let next = found[i + 1];
        let next_opens_para = ctx.doc.paras.get(next.0.para).is_some_and(|&(ps, _)| {
            ctx.doc
                .tokens
                .get(next.0.open)
                .is_some_and(|t| t.start == ps)
        });
        if who.is_none()
            && !other
            && q.close.is_none()
            && next.0.para == q.para + 1
            && next_opens_para
        {
            found[i].3 = next.3;
        }
    }
    // The later paragraphs of a quotation that runs over several are that
    // one quotation, not claims of their own (the guide's `also`).
    let mut continues = vec![false; found.len()];
    for i in 1..found.len() {
        let (q, ..) = found[i - 1];
        let next = found[i].0;
        let opens_para =
            ctx.doc.paras.get(next.para).is_some_and(|&(ps, _)| {
                ctx.doc.tokens.get(next.open).is_some_and(|t| t.start == ps)
            });
        if q.close.is_none() && next.para == q.para + 1 && opens_para {
            continues[i] = true;
        }
    }
    // The same words by the same speaker twice (a summary line and the
    // text) are one claim: compared by their words, case and marks aside.
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for (k, (_, start, end, who, _)) in found.into_iter().enumerate() {
        let Some(e) = who else { continue };
        if continues[k] {
            continue;
        }
        let speaker = ctx.name(e);
        let quote: String = ctx
            .doc
            .text
            .get(start..end)
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let key: String = quote
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ");
        if !seen.insert((speaker.clone(), key)) {
            continue;
        }
        out.push(Claim {
            start,
            end,
            text: ctx.doc.text.get(start..end).unwrap_or("").to_string(),
            sentence: super::sentence_of_segs(&ctx.doc.segs, start),
            confidence: 0.8,
            fields: ClaimFields::Quote { speaker, quote },
        });
    }
    out
}

/// Whether quoted words read as a title: two to ten words, every one
/// capitalized except short function words ("How to Get Rich",
/// "The Art of the Deal").
/// Whether the quoted text in bytes `[start, end)` begins with a lower-case
/// letter.
fn quoted_first_lower(ctx: &Ctx, start: usize, end: usize) -> bool {
    ctx.doc
        .text
        .get(start..end)
        .and_then(|t| t.chars().find(|c| c.is_alphanumeric()))
        .is_some_and(char::is_lowercase)
}

fn title_case(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    if !(2..=10).contains(&words.len())
        || words
            .first()
            .is_some_and(|w| lexicon::is_honorific(&w.to_lowercase()))
    {
        return false;
    }
    let capped = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    capped >= 2
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) || lexicon::is_title_case_minor(w)
        })
        && !words.iter().skip(1).any(|w| *w == "I")
}

/// Byte range of the quoted words, trimmed.
fn content(ctx: &Ctx, q: &Quotation) -> Option<(usize, usize)> {
    let a = ctx.doc.tokens.get(q.open)?.end;
    let b = match q.close {
        Some(c) => ctx.doc.tokens.get(c)?.start,
        None => ctx.doc.paras.get(q.para)?.1,
    };
    let s = ctx.doc.text.get(a..b)?;
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return None;
    }
    Some((a + lead, a + lead + trimmed.len()))
}

/// Attribution after the closing mark: `," X said`, `," said X`.
fn after(ctx: &Ctx, q: &Quotation) -> Speaker {
    let Some(c) = q.close else {
        return Speaker::None;
    };
    let mut k = c + 1;
    if ctx.doc.s(k) == "," {
        k += 1;
    }
    let seg_idx = ctx
        .doc
        .segs
        .partition_point(|s| s.tok_start <= c)
        .saturating_sub(1);
    let Some(seg) = ctx.doc.segs.get(seg_idx) else {
        return Speaker::None;
    };
    let end = ctx
        .doc
        .paras
        .get(q.para)
        .map(|_| seg.tok_end.max(k))
        .unwrap_or(k);
    let end = end.min(ctx.doc.tokens.len());
    // Attribution may sit in the next segment when the quote ended one.
    let seg_end = ctx
        .doc
        .segs
        .partition_point(|s| s.tok_start <= k)
        .checked_sub(1)
        .and_then(|i| ctx.doc.segs.get(i))
        .filter(|s| k < s.tok_end)
        .map(|s| s.tok_end)
        .unwrap_or(end);
    let para_end = ctx.doc.paras.get(q.para).map(|p| p.1).unwrap_or(0);
    let in_para = ctx.doc.tokens.get(k).is_some_and(|t| t.end <= para_end);
    if k >= seg_end || !in_para || ctx.doc.kind(k) == Some(Tk::Quote) {
        return Speaker::None;
    }
    let lim = (k + 10).min(seg_end);
    let w = ctx.lc(k);
    // `... in trouble." Ivo Lund said the odds ...`: a quotation that ends
    // its sentence is not attributed by the next one.
    let ends_sentence = ctx
        .doc
        .tokens
        .get(c)
        .and_then(|t| ctx.doc.text.get(..t.start))
        .is_some_and(|t| t.trim_end().ends_with('.'));
    // (`"We won." Tam Orrell said.` still is: the verb ends the sentence.)
    let verb_ends = (k..lim)
        .find(|&j| lexicon::is_speech_verb(ctx.lc(j)))
        .is_some_and(|j| matches!(ctx.doc.s(j + 1), "." | "!" | "?"));
    if ends_sentence && ctx.doc.is_cap(k) && !lexicon::is_speech_verb(w) && !verb_ends {
        return Speaker::None;
    }
    if lexicon::is_speech_verb(w) {
        if let Some((who, _)) = ctx.person_from(k + 1, lim) {
            if for_someone(ctx, k + 1, who.start) {
                return Speaker::Other;
            }
            return Speaker::Person(who.entity);
        }
        return if w.ends_with("ing") {
            Speaker::None
        } else {
            Speaker::Other
        };
    }
    if w == "according" && ctx.lc(k + 1) == "to" {
        return match ctx.person_from(k + 2, lim) {
            Some((who, _)) => Speaker::Person(who.entity),
            None => Speaker::Other,
        };
    }
    if let Some((who, _)) = ctx.person_from(k, lim) {
        if for_someone(ctx, k, who.start) {
            return Speaker::Other;
        }
        let mut j = who.end;
        if ctx.doc.s(j) == "(" && ctx.doc.s(j + 2) == ")" {
            j += 3;
        }
        // `," Hana Ruiz, research director at the Lab, said`.
        if ctx.doc.s(j) == ","
            && let Some(np) = ctx.post_title(j + 1, (j + 20).min(seg_end))
            && ctx.doc.s(np.end) == ","
        {
            j = np.end + 1;
        } else if ctx.doc.s(j) == ","
            && let Some(c) = (j + 1..(j + 10).min(seg_end)).find(|&t| ctx.doc.s(t) == ",")
            && (j + 1..c)
                .all(|t| ctx.doc.kind(t) == Some(Tk::Word) && !lexicon::is_speech_verb(ctx.lc(t)))
            && lexicon::is_speech_verb(ctx.lc(c + 1))
        {
            // `," Ivo Lund, a former sailor, said`.
            j = c + 1;
        }
        while j < lim
            && (ctx.lc(j).ends_with("ly")
                || matches!(
                    ctx.lc(j),
                    "also" | "later" | "then" | "has" | "had" | "have"
                ))
        {
            j += 1;
        }
        if lexicon::is_speech_verb(ctx.lc(j)) {
            return Speaker::Person(who.entity);
        }
    }
    // "a spokesman for the office said", "the company said".
    if (k + 1..lim).any(|j| {
        lexicon::is_speech_verb(ctx.lc(j))
            && !ctx.lc(j).ends_with("ing")
            && !matches!(ctx.doc.s(j - 1), "," | "." | ";")
    }) && (k..lim)
        .take_while(|&j| !lexicon::is_speech_verb(ctx.lc(j)))
        .all(|j| ctx.doc.kind(j) == Some(Tk::Word))
    {
        return Speaker::Other;
    }
    Speaker::None
}

/// Attribution before the opening mark in the same sentence.
fn before(
    ctx: &Ctx,
    cues: &Cues,
    q: &Quotation,
    seg: &super::segment::Seg,
    words: usize,
) -> Speaker {
    let o = q.open;
    if o <= seg.tok_start {
        return Speaker::None;
    }
    // "According to X, \"...\""
    if let Some(a) = cues.first_according(seg.tok_start, o) {
        return match ctx.person_from(a + 2, o) {
            Some((w, _)) => Speaker::Person(w.entity),
            None => Speaker::Other,
        };
    }
    let Some(v) = cues.last_speech_verb(seg.tok_start, o) else {
        return Speaker::None;
    };
    let adjacent = o - v <= 3;
    // `said the plan was "reckless"`: one word in predicate position of
    // the reported clause.
    let predicate = o - v <= 8
        && o > 0
        && matches!(
            ctx.lc(o - 1),
            "was" | "is" | "were" | "are" | "be" | "been" | "as"
        )
        && ctx.clause_start(o, seg) <= v;
    if words < 2 && !adjacent && !predicate {
        return Speaker::None;
    }
    let prev = if v > seg.tok_start { ctx.lc(v - 1) } else { "" };
    let participle = (ctx.lc(v).ends_with("ing")
        && (v == seg.tok_start || ctx.doc.kind(v - 1) != Some(Tk::Word)))
        // "ended the talks with a warning that \"...\"".
        || (matches!(prev, "a" | "an" | "the") && ctx.lc(v + 1) == "that");
    if matches!(prev, "and" | "but") || participle {
        // The subject of the sentence's main clause.
        let si = ctx
            .doc
            .segs
            .partition_point(|s| s.tok_start <= v)
            .saturating_sub(1);
        // The sentence's subject ("The Prime Minister, with his wife X at
        // his side, ... saying"), else its first named person.
        if let Some((w, _)) = ctx.person_from(seg.tok_start, v) {
            return Speaker::Person(w.entity);
        }
        let first = ctx.coref.in_seg(si).find(|m| m.start < v && !m.possessive);
        return match first {
            Some(m) => Speaker::Person(m.entity),
            None => Speaker::Other,
        };
    }
    match ctx.subject_before(v, seg).first() {
        Some(w) if !for_someone(ctx, ctx.clause_start(v, seg), w.start) => {
            Speaker::Person(w.entity)
        }
        _ => Speaker::Other,
    }
}

/// Whether the person named at `who` is the one spoken for, in tokens
/// `[from, who)`: "a spokesman for Senator X", "X's lawyer".
fn for_someone(ctx: &Ctx, from: usize, who: usize) -> bool {
    let lo = who.saturating_sub(6).max(from);
    (lo..who).any(|k| {
        lexicon::is_spokesperson(ctx.lc(k)) && matches!(ctx.lc(k + 1), "for" | "of" | "to")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_are_found_as_a_scan_of_the_sentence_finds_them() {
        let text = "According to Ana Pelk, \"we won,\" she said, and added: \"again\". \
                    Ivo Lund told reporters \"no\" and said \"never\", according to aides.";
        let ctx = Ctx::new(text, None, Vec::new());
        let cues = Cues::new(&ctx);
        let n = ctx.doc.tokens.len();
        for a in 0..=n {
            for b in a..=n {
                let according = (a..b).find(|&k| ctx.lc(k) == "according" && ctx.lc(k + 1) == "to");
                let speech = (a..b).rev().find(|&k| lexicon::is_speech_verb(ctx.lc(k)));
                assert_eq!(cues.first_according(a, b), according, "{a}..{b}");
                assert_eq!(cues.last_speech_verb(a, b), speech, "{a}..{b}");
            }
        }
    }

    /// (speaker, quote) of each quote claim of `text`.
    fn check(text: &str, want: &[(&str, &str)]) {
        let got: Vec<(String, String)> = crate::extract::extract(text, None)
            .claims
            .into_iter()
            .filter_map(|c| match c.fields {
                ClaimFields::Quote { speaker, quote } => Some((speaker, quote)),
                _ => None,
            })
            .collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(s, q)| (s.to_string(), q.to_string()))
            .collect();
        assert_eq!(got, want, "{text:?}");
    }

    #[test]
    fn attribution_in_long_runs_of_quotations() {
        // Many quotations in one sentence: each still finds its own cue.
        check(
            "\"a\" \"b\" \"c\" \"We will rebuild the bridge,\" Ana Pelk said \"soon\" \"d\"",
            &[
                ("Ana Pelk", "We will rebuild the bridge,"),
                ("Ana Pelk", "soon"),
            ],
        );
        // The same words of the same speaker are one claim.
        check(
            "\"We will win,\" Ana Pelk said. \"We will win,\" Ana Pelk said again.",
            &[("Ana Pelk", "We will win,")],
        );
        check(&"\"a\" ".repeat(300), &[]);
    }
}
