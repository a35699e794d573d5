//! The comparison itself: aligns the sentences of two extracted versions,
//! diffs and classifies every aligned pair, aligns the claims, and lets
//! claim changes upgrade a reworded sentence to a changed statement.

use super::align::{self, Group, Prepared};
use super::claims::{ClaimChange, align_claims_in};
use super::classify::{self, Context, Verdict};
use super::far;
use super::output::{
    ClaimDiff, Comparison, Reason, ReasonKind, SentenceChange, SentenceStatus, Shape, WordOpKind,
};
use super::tokens::{self, Token};
use super::words::{self, Step};
use crate::extract::{Extraction, extract};
use crate::model::{Claim, Sentence};
use chrono::NaiveDate;

/// Compares two versions of an article: extracts both (resolving relative
/// dates against `published`), then [`compare_extracted`].
pub fn compare(old_text: &str, new_text: &str, published: Option<NaiveDate>) -> Comparison {
    let old = extract(old_text, published);
    let new = extract(new_text, published);
    compare_extracted(old_text, &old, new_text, &new)
}

/// Compares two versions whose extraction is already done (the store keeps
/// it). Never panics: offsets that do not fit their text are ignored.
pub fn compare_extracted(
    old_text: &str,
    old: &Extraction,
    new_text: &str,
    new: &Extraction,
) -> Comparison {
    let po = align::prepare(old_text, &old.sentences);
    let pn = align::prepare(new_text, &new.sentences);
    let ctx = Context::new(
        old_text,
        po.iter().flat_map(|s| s.tokens.iter()),
        new_text,
        pn.iter().flat_map(|s| s.tokens.iter()),
    );
    let groups = align::align(&po, &pn);
    let sides = Sides {
        old_text,
        new_text,
        old: &po,
        new: &pn,
        ctx: &ctx,
    };
    let mut sentences = Vec::new();
    // Lone sentences merged into (or split off from) a far sentence are
    // told where that sentence is, not where they stood.
    let far = far::links(&groups, &po, &pn, old_text, new_text);
    for (gi, g) in groups.iter().enumerate() {
        if far.iter().any(|l| l.lone == gi) {
            continue;
        }
        match far.iter().find(|l| l.host == gi) {
            Some(link) => sides.far_entries(g, &groups[link.lone], link.merged, &mut sentences),
            None => sides.entries(g, &mut sentences),
        }
    }
    let claims = compare_claims(&sides, &groups, &old.claims, &new.claims, &mut sentences);
    Comparison { sentences, claims }
}

/// Both versions, prepared.
struct Sides<'a> {
    old_text: &'a str,
    new_text: &'a str,
    old: &'a [Prepared],
    new: &'a [Prepared],
    ctx: &'a Context,
}

/// Byte position of sentence index `i` of a version, for an empty span:
/// the start of that sentence, or the end of the last one.
fn insertion_point(side: &[Prepared], i: usize) -> usize {
    side.get(i)
        .map(|p| p.span.start)
        .or_else(|| side.last().map(|p| p.span.end))
        .unwrap_or(0)
}

/// The extracted sentences (half-open index range) that units `r` belong
/// to; for an empty range, where it sits.
fn parents(side: &[Prepared], r: std::ops::Range<usize>) -> [usize; 2] {
    let after_last = side.last().map_or(0, |p| p.parent + 1);
    let at = |i: usize| side.get(i).map_or(after_last, |p| p.parent);
    match r.end.checked_sub(1) {
        Some(last) if !r.is_empty() => [at(r.start), at(last) + 1],
        _ => [at(r.start), at(r.start)],
    }
}

fn tokens_of(side: &[Prepared], r: std::ops::Range<usize>) -> Vec<Token> {
    side.get(r)
        .unwrap_or(&[])
        .iter()
        .flat_map(|p| p.tokens.iter().copied())
        .collect()
}

fn span_of(side: &[Prepared], r: std::ops::Range<usize>, at: usize) -> Sentence {
    match (
        side.get(r.start),
        r.end.checked_sub(1).and_then(|e| side.get(e)),
    ) {
        (Some(a), Some(b)) if !r.is_empty() => Sentence {
            start: a.span.start,
            end: b.span.end,
        },
        _ => Sentence { start: at, end: at },
    }
}

impl Sides<'_> {
    /// Appends the entries of one aligned group: one per old sentence (one
    /// per new sentence for an added group).
    fn entries(&self, g: &Group, out: &mut Vec<SentenceChange>) {
        let shape = match (g.old.len(), g.new.len()) {
            (o, _) if o > 1 => Shape::Merged,
            (1, n) if n > 1 => Shape::Split,
            _ => Shape::Single,
        };
        if g.old.is_empty() {
            let at = insertion_point(self.old, g.old.start);
            for j in g.new.clone() {
                let s = span_of(self.new, j..j + 1, 0);
                out.push(SentenceChange {
                    status: SentenceStatus::Added,
                    old_start: at,
                    old_end: at,
                    new_start: s.start,
                    new_end: s.end,
                    shape,
                    moved: false,
                    old_sentences: parents(self.old, g.old.clone()),
                    new_sentences: parents(self.new, j..j + 1),
                    reasons: Vec::new(),
                    words: Vec::new(),
                });
            }
            return;
        }
        if g.new.is_empty() {
            let at = insertion_point(self.new, g.new.start);
            for i in g.old.clone() {
                let s = span_of(self.old, i..i + 1, 0);
                out.push(SentenceChange {
                    status: SentenceStatus::Removed,
                    old_start: s.start,
                    old_end: s.end,
                    new_start: at,
                    new_end: at,
                    shape,
                    moved: false,
                    old_sentences: parents(self.old, i..i + 1),
                    new_sentences: parents(self.new, g.new.clone()),
                    reasons: Vec::new(),
                    words: Vec::new(),
                });
            }
            return;
        }
        // Most sentences survive byte for byte: no diff needed.
        if let ([o], [n]) = (
            self.old.get(g.old.clone()).unwrap_or(&[]),
            self.new.get(g.new.clone()).unwrap_or(&[]),
        ) && self.old_text.get(o.span.start..o.span.end)
            == self.new_text.get(n.span.start..n.span.end)
        {
            out.push(SentenceChange {
                status: if g.moved {
                    SentenceStatus::Moved
                } else {
                    SentenceStatus::Unchanged
                },
                old_start: o.span.start,
                old_end: o.span.end,
                new_start: n.span.start,
                new_end: n.span.end,
                shape,
                moved: g.moved,
                old_sentences: parents(self.old, g.old.clone()),
                new_sentences: parents(self.new, g.new.clone()),
                reasons: Vec::new(),
                words: Vec::new(),
            });
            return;
        }
        let olds: Vec<usize> = g.old.clone().collect();
        self.judged(&olds, g.new.clone(), |_| g.moved, shape, out);
    }

    /// The entries of old sentences `olds` (in text order, not necessarily
    /// neighbours) against the new sentences `news`: one per old sentence,
    /// each judged on its own edits. `moved(i)` says whether old sentence
    /// `i` moved to get there.
    fn judged(
        &self,
        olds: &[usize],
        news: std::ops::Range<usize>,
        moved: impl Fn(usize) -> bool,
        shape: Shape,
        out: &mut Vec<SentenceChange>,
    ) {
        let ot: Vec<Token> = olds
            .iter()
            .flat_map(|&i| tokens_of(self.old, i..i + 1))
            .collect();
        let nt = tokens_of(self.new, news.clone());
        let mut steps = words::diff(self.old_text, &ot, self.new_text, &nt);
        // Which old sentence each step belongs to: the one holding its first
        // old token, or for a pure insertion the one holding the token before.
        let mut bounds = Vec::with_capacity(olds.len());
        let mut acc = 0;
        for p in olds.iter().filter_map(|&i| self.old.get(i)) {
            acc += p.tokens.len();
            bounds.push(acc);
        }
        if olds.len() > 1 {
            steps = split_at_bounds(steps, &bounds, self.old_text, &ot, self.new_text, &nt);
        }
        let owner = |s: &Step| {
            let t = if s.old.is_empty() {
                s.old.start.saturating_sub(1)
            } else {
                s.old.start
            };
            bounds.partition_point(|&b| b <= t).min(olds.len() - 1)
        };
        let new_span = span_of(self.new, news.clone(), 0);
        for (k, &i) in olds.iter().enumerate() {
            let mine: Vec<Step> = steps.iter().filter(|s| owner(s) == k).cloned().collect();
            let old_span = span_of(self.old, i..i + 1, 0);
            // The new text this old sentence became.
            let (ns, ne) = if olds.len() == 1 {
                (new_span.start, new_span.end)
            } else {
                let first = mine
                    .iter()
                    .find_map(|s| nt.get(s.new.start..s.new.end)?.first());
                let last = mine
                    .iter()
                    .rev()
                    .find_map(|s| nt.get(s.new.start..s.new.end)?.last());
                match (first, last) {
                    (Some(a), Some(b)) => (a.start, b.end),
                    _ => {
                        let at = mine
                            .first()
                            .and_then(|s| nt.get(s.new.start))
                            .map_or(new_span.end, |t| t.start);
                        (at, at)
                    }
                }
            };
            let verdict = self.judge(&ot, &nt, &mine, old_span, ns, ne);
            let status = moved_status(moved(i), verdict.status);
            let words = if verdict.status == SentenceStatus::Unchanged {
                Vec::new()
            } else {
                words::ops(
                    &mine,
                    self.old_text,
                    &ot,
                    self.new_text,
                    &nt,
                    old_span.end,
                    ne,
                )
            };
            out.push(SentenceChange {
                status,
                old_start: old_span.start,
                old_end: old_span.end,
                new_start: ns,
                new_end: ne,
                shape,
                moved: moved(i),
                old_sentences: parents(self.old, i..i + 1),
                new_sentences: parents(self.new, news.clone()),
                reasons: verdict.reasons,
                words,
            });
        }
    }

    /// The entries of a 1:1 group `host` together with the lone sentence
    /// `lone` that was merged into it (`merged`) or split off from it, far
    /// away: both are judged as one edit, the lone one marked moved.
    fn far_entries(&self, host: &Group, lone: &Group, merged: bool, out: &mut Vec<SentenceChange>) {
        if merged {
            let (h, l) = (host.old.start, lone.old.start);
            let olds = if l < h { [l, h] } else { [h, l] };
            self.judged(
                &olds,
                host.new.clone(),
                |i| i == l || host.moved,
                Shape::Merged,
                out,
            );
            return;
        }
        // Split off: one old sentence against both new ones, one entry
        // per new sentence, each with the word changes that land in it.
        let (h, l) = (host.new.start, lone.new.start);
        let news = if l < h { [l, h] } else { [h, l] };
        let ot = tokens_of(self.old, host.old.clone());
        let parts: Vec<Vec<Token>> = news
            .iter()
            .map(|&j| tokens_of(self.new, j..j + 1))
            .collect();
        let nt: Vec<Token> = parts.iter().flatten().copied().collect();
        let cut = parts.first().map_or(0, Vec::len);
        // A step that runs over from one new sentence into the other is cut
        // there: the text between them is no part of either.
        let mut steps = Vec::new();
        for s in words::diff(self.old_text, &ot, self.new_text, &nt) {
            if s.new.start < cut && cut < s.new.end {
                let kind = |o: &std::ops::Range<usize>, n: &std::ops::Range<usize>| {
                    Step::kind_after_cut(s.kind, o, n)
                };
                let (o1, n1) = if s.kind == WordOpKind::Equal {
                    (
                        s.old.start..s.old.start + (cut - s.new.start),
                        s.new.start..cut,
                    )
                } else {
                    (s.old.clone(), s.new.start..cut)
                };
                let (o2, n2) = (o1.end..s.old.end, cut..s.new.end);
                steps.push(Step {
                    kind: kind(&o1, &n1),
                    old: o1,
                    new: n1,
                });
                steps.push(Step {
                    kind: kind(&o2, &n2),
                    old: o2,
                    new: n2,
                });
            } else {
                steps.push(s);
            }
        }
        let old_span = span_of(self.old, host.old.clone(), 0);
        let whole = Sentence {
            start: nt.first().map_or(0, |t| t.start),
            end: nt.last().map_or(0, |t| t.end),
        };
        let verdict = self.judge(&ot, &nt, &steps, old_span, whole.start, whole.end);
        for (k, &j) in news.iter().enumerate() {
            let span = span_of(self.new, j..j + 1, 0);
            // The steps whose new words (or place) fall in this sentence.
            let mine: Vec<Step> = steps
                .iter()
                .filter(|s| {
                    (s.new.start < cut || (s.new.is_empty() && s.new.start == cut)) == (k == 0)
                })
                .cloned()
                .collect();
            let is_lone = j == l;
            let status = moved_status(is_lone || host.moved, verdict.status);
            // The old sentence is reported once, with the part that stayed;
            // the part split off far away has no old text of its own (an
            // empty span where the old sentence ends).
            let old_start = if is_lone {
                old_span.end
            } else {
                old_span.start
            };
            out.push(SentenceChange {
                status,
                old_start,
                old_end: old_span.end,
                new_start: span.start,
                new_end: span.end,
                shape: Shape::Split,
                moved: is_lone || host.moved,
                old_sentences: parents(self.old, host.old.clone()),
                new_sentences: parents(self.new, j..j + 1),
                reasons: verdict.reasons.clone(),
                words: words::ops(
                    &mine,
                    self.old_text,
                    &ot,
                    self.new_text,
                    &nt,
                    old_span.end,
                    span.end,
                ),
            });
        }
    }

    fn judge(
        &self,
        ot: &[Token],
        nt: &[Token],
        steps: &[Step],
        old_span: Sentence,
        ns: usize,
        ne: usize,
    ) -> Verdict {
        if steps.iter().all(|s| s.kind == WordOpKind::Equal) {
            let same = self.old_text.get(old_span.start..old_span.end) == self.new_text.get(ns..ne);
            return Verdict {
                status: if same {
                    SentenceStatus::Unchanged
                } else {
                    SentenceStatus::Cosmetic
                },
                reasons: Vec::new(),
            };
        }
        classify::classify(self.ctx, self.old_text, ot, self.new_text, nt, steps)
    }
}

/// The status of a sentence judged `judged`: a sentence that moved is
/// `moved` unless its statement changed.
fn moved_status(moved: bool, judged: SentenceStatus) -> SentenceStatus {
    match (moved, judged) {
        (true, SentenceStatus::Changed) => SentenceStatus::Changed,
        (true, _) => SentenceStatus::Moved,
        (false, s) => s,
    }
}

/// Splits the diff steps that cross a boundary between old sentences, so
/// each sentence of a merge is judged on its own edits. The new tokens of a
/// crossing step are cut where the word opening the next old sentence
/// reappears (`. The` → `, and the`), else they all go to the first part.
fn split_at_bounds(
    steps: Vec<Step>,
    bounds: &[usize],
    old_text: &str,
    ot: &[Token],
    new_text: &str,
    nt: &[Token],
) -> Vec<Step> {
    let kind = |o: &std::ops::Range<usize>, n: &std::ops::Range<usize>, was: WordOpKind| {
        Step::kind_after_cut(was, o, n)
    };
    let mut out = Vec::with_capacity(steps.len());
    for mut s in steps {
        for &b in bounds {
            if !(s.old.start < b && b < s.old.end) {
                continue;
            }
            let cut = if s.kind == WordOpKind::Equal {
                s.new.start + (b - s.old.start)
            } else {
                let first = ot.get(b).map(|t| tokens::key(t.text(old_text)));
                s.new
                    .clone()
                    .find(|&k| {
                        first.as_deref().is_some_and(|f| {
                            !f.is_empty()
                                && nt.get(k).map(|t| tokens::key(t.text(new_text))).as_deref()
                                    == Some(f)
                        })
                    })
                    .unwrap_or(s.new.end)
            };
            let (o1, n1) = (s.old.start..b, s.new.start..cut);
            out.push(Step {
                kind: kind(&o1, &n1, s.kind),
                old: o1,
                new: n1,
            });
            s.old = b..s.old.end;
            s.new = cut..s.new.end;
            s.kind = kind(&s.old, &s.new, s.kind);
        }
        out.push(s);
    }
    out
}

/// Index of the prepared sentence holding byte `at`.
fn sentence_at(side: &[Prepared], at: usize) -> Option<usize> {
    let k = side
        .partition_point(|p| p.span.start <= at)
        .checked_sub(1)?;
    (at < side[k].span.end.max(side[k].span.start + 1)).then_some(k)
}

/// Whether a claim's change is a change of fact rather than of how the
/// extractor read reworded text: a changed field other than a quote must
/// differ by more than spelling and bring words the other version's sentence
/// lacks, a quote must change a fact; an added (or removed) claim must rest
/// on words the other version's sentence lacks.
fn claim_fact_changed(
    sides: &Sides,
    fields: &[super::FieldChange],
    old: Option<&Claim>,
    new: Option<&Claim>,
    e: &SentenceChange,
) -> bool {
    let missing = |evidence: &str, other: Option<&str>| {
        let other = other.unwrap_or("");
        let have: std::collections::HashSet<String> = tokens::tokenize(other, 0, other.len())
            .iter()
            .filter(|t| t.word)
            .map(|t| tokens::key(t.text(other)))
            .collect();
        tokens::tokenize(evidence, 0, evidence.len())
            .iter()
            .filter(|t| t.word)
            .map(|t| tokens::key(t.text(evidence)))
            .any(|k| k.chars().count() > 1 && !classify::is_stop(&k) && !have.contains(&k))
    };
    match (old, new) {
        (Some(_), Some(_)) => fields.iter().any(|f| {
            let (a, b) = (
                f.old.as_deref().unwrap_or(""),
                f.new.as_deref().unwrap_or(""),
            );
            match classify::text_change(sides.ctx, a, b) {
                SentenceStatus::Cosmetic => false,
                status if f.field == "quote" => status == SentenceStatus::Changed,
                // A value that only grew or shrank over words both versions
                // hold moved its boundary, not its fact.
                _ => {
                    missing(b, sides.old_text.get(e.old_start..e.old_end))
                        || missing(a, sides.new_text.get(e.new_start..e.new_end))
                }
            }
        }),
        (None, Some(c)) => {
            !vague_only(&c.text) && missing(&c.text, sides.old_text.get(e.old_start..e.old_end))
        }
        (Some(c), None) => {
            !vague_only(&c.text) && missing(&c.text, sides.new_text.get(e.new_start..e.new_end))
        }
        (None, None) => false,
    }
}

/// Whether a claim's text is only vague time words (`currently`,
/// `recently`): added or dropped, it changes no fact.
fn vague_only(text: &str) -> bool {
    let toks = tokens::tokenize(text, 0, text.len());
    let keys: Vec<String> = toks
        .iter()
        .filter(|t| t.word)
        .map(|t| tokens::key(t.text(text)))
        .collect();
    let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    let covered: usize = crate::lexical::cues::find(&refs)
        .iter()
        .filter(|c| c.kind == crate::lexical::cues::CueKind::Vague)
        .map(|c| c.len)
        .sum();
    !refs.is_empty() && covered == refs.len()
}

/// Finds the first entry (in entry order) whose span holds a position,
/// without scanning every entry for every claim: spans sorted by start,
/// and only those that start within the longest span's length before the
/// position can hold it.
struct SpanIndex {
    /// (start, end, entry index), by start.
    spans: Vec<(usize, usize, usize)>,
    longest: usize,
}

impl SpanIndex {
    fn new(
        entries: &[SentenceChange],
        span: impl Fn(&SentenceChange) -> Option<(usize, usize)>,
    ) -> SpanIndex {
        let mut spans: Vec<(usize, usize, usize)> = entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| span(e).map(|(s, t)| (s, t, i)))
            .collect();
        spans.sort_unstable();
        let longest = spans
            .iter()
            .map(|(s, t, _)| t.saturating_sub(*s))
            .max()
            .unwrap_or(0);
        SpanIndex { spans, longest }
    }

    fn first_containing(&self, pos: usize) -> Option<usize> {
        let upto = self.spans.partition_point(|(s, _, _)| *s <= pos);
        self.spans[..upto]
            .iter()
            .rev()
            .take_while(|(s, _, _)| pos - s < self.longest)
            .filter(|(_, t, _)| pos < *t)
            .map(|(_, _, i)| *i)
            .min()
    }
}

/// Aligns the claims (within aligned sentences first), reports them, and
/// marks the sentence entries whose claims changed.
fn compare_claims(
    sides: &Sides,
    groups: &[Group],
    old: &[Claim],
    new: &[Claim],
    entries: &mut [SentenceChange],
) -> Vec<ClaimDiff> {
    let mut old_group = vec![usize::MAX; sides.old.len()];
    let mut new_group = vec![usize::MAX - 1; sides.new.len()];
    for (k, g) in groups.iter().enumerate() {
        for i in g.old.clone() {
            if let Some(x) = old_group.get_mut(i) {
                *x = k;
            }
        }
        for j in g.new.clone() {
            if let Some(x) = new_group.get_mut(j) {
                *x = k;
            }
        }
    }
    let region = |side: &[Prepared], map: &[usize], c: &Claim, none: usize| {
        sentence_at(side, c.start)
            .and_then(|s| map.get(s).copied())
            .unwrap_or(none)
    };
    let old_region: Vec<usize> = old
        .iter()
        .map(|c| region(sides.old, &old_group, c, usize::MAX))
        .collect();
    let new_region: Vec<usize> = new
        .iter()
        .map(|c| region(sides.new, &new_group, c, usize::MAX - 1))
        .collect();
    let alignment = align_claims_in(old, new, &old_region, &new_region);
    let describe = |c: &Claim, fields: &[super::FieldChange], old_side: bool| {
        let vals: Vec<String> = if fields.is_empty() {
            c.fields
                .pairs()
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect()
        } else {
            fields
                .iter()
                .filter_map(|f| {
                    let v = if old_side { &f.old } else { &f.new };
                    v.as_ref().map(|v| format!("{}={v}", f.field))
                })
                .collect()
        };
        format!("{} {:?}: {}", c.kind(), c.text, vals.join(", "))
    };
    let by_old = SpanIndex::new(entries, |e| {
        (e.status != SentenceStatus::Added).then_some((e.old_start, e.old_end))
    });
    let by_new = SpanIndex::new(entries, |e| {
        (e.status != SentenceStatus::Removed).then_some((e.new_start, e.new_end))
    });
    let mut out = Vec::with_capacity(alignment.len());
    for a in alignment {
        let o = a.old.and_then(|i| old.get(i));
        let n = a.new.and_then(|j| new.get(j));
        if a.status != ClaimChange::Unchanged {
            let reason = Reason::new(
                ReasonKind::Claim,
                o.map(|c| describe(c, &a.fields, true))
                    .into_iter()
                    .collect(),
                n.map(|c| describe(c, &a.fields, false))
                    .into_iter()
                    .collect(),
            );
            let hit = match (o, n) {
                (Some(c), _) => by_old.first_containing(c.start),
                (None, Some(c)) => by_new.first_containing(c.start),
                (None, None) => None,
            }
            .and_then(|i| entries.get_mut(i));
            let quote = a.fields.iter().find(|f| f.field == "quote");
            if let Some(e) = hit {
                if matches!(e.status, SentenceStatus::Reworded | SentenceStatus::Changed)
                    && claim_fact_changed(sides, &a.fields, o, n, e)
                {
                    e.status = SentenceStatus::Changed;
                    e.reasons.push(reason);
                } else if let Some(q) = quote {
                    // A quotation is exact: its claim goes back to checking
                    // even when the sentence only changed cosmetically.
                    e.reasons.push(Reason::new(
                        ReasonKind::Quote,
                        q.old.iter().cloned().collect(),
                        q.new.iter().cloned().collect(),
                    ));
                }
            }
        }
        out.push(ClaimDiff {
            status: a.status,
            old_index: a.old,
            new_index: a.new,
            fields: a.fields,
            old: o.cloned(),
            new: n.cloned(),
        });
    }
    out
}
