//! Word diff of two aligned token runs, with `similar` (Myers), as steps
//! that carry both token ranges so callers can split a diff by sentence and
//! report byte offsets.

use super::output::{WordOp, WordOpKind};
use super::tokens::Token;
use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};
use std::time::{Duration, Instant};

/// Longest time a word diff may take before `similar` settles for a
/// coarser (still correct) diff: only huge, wholly different runs get near it.
const DEADLINE: Duration = Duration::from_millis(200);
use std::ops::Range;

/// One step of a word diff, by token indices into the two runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Step {
    pub kind: WordOpKind,
    pub old: Range<usize>,
    pub new: Range<usize>,
}

impl Step {
    /// The kind a step of kind `was` has once cut down to `old` and `new`:
    /// equal stays equal; a changed step with one side empty is an
    /// insertion or a deletion.
    pub(crate) fn kind_after_cut(
        was: WordOpKind,
        old: &Range<usize>,
        new: &Range<usize>,
    ) -> WordOpKind {
        match (was, old.is_empty(), new.is_empty()) {
            (WordOpKind::Equal, _, _) => WordOpKind::Equal,
            (_, true, _) => WordOpKind::Insert,
            (_, _, true) => WordOpKind::Delete,
            _ => WordOpKind::Replace,
        }
    }
}

/// The word diff of two token runs. Tokens compare by their exact text, so
/// case and punctuation changes show up (the classifier judges them).
pub(crate) fn diff(old_text: &str, old: &[Token], new_text: &str, new: &[Token]) -> Vec<Step> {
    let a: Vec<&str> = old.iter().map(|t| t.text(old_text)).collect();
    let b: Vec<&str> = new.iter().map(|t| t.text(new_text)).collect();
    let mut steps: Vec<Step> = Vec::new();
    let deadline = Instant::now().checked_add(DEADLINE);
    for op in capture_diff_slices_deadline(Algorithm::Myers, &a, &b, deadline) {
        let kind = match op {
            DiffOp::Equal { .. } => WordOpKind::Equal,
            DiffOp::Delete { .. } => WordOpKind::Delete,
            DiffOp::Insert { .. } => WordOpKind::Insert,
            DiffOp::Replace { .. } => WordOpKind::Replace,
        };
        let (o, n) = (op.old_range(), op.new_range());
        // Fold neighbouring non-equal steps into one replace.
        if let Some(last) = steps.last_mut()
            && kind != WordOpKind::Equal
            && last.kind != WordOpKind::Equal
        {
            last.old.end = o.end;
            last.new.end = n.end;
            last.kind = match (last.old.is_empty(), last.new.is_empty()) {
                (true, _) => WordOpKind::Insert,
                (_, true) => WordOpKind::Delete,
                _ => WordOpKind::Replace,
            };
            continue;
        }
        steps.push(Step {
            kind,
            old: o,
            new: n,
        });
    }
    steps
}

/// Byte span of a token range; an empty range sits at `at`.
fn span(tokens: &[Token], r: &Range<usize>, at: usize) -> (usize, usize) {
    match (
        tokens.get(r.start),
        r.end.checked_sub(1).and_then(|e| tokens.get(e)),
    ) {
        (Some(a), Some(b)) if !r.is_empty() => (a.start, b.end),
        _ => (at, at),
    }
}

/// Where an empty token range at index `i` sits: the start of token `i`, or
/// the end of the last token, or `fallback` when there are none.
fn point(tokens: &[Token], i: usize, fallback: usize) -> usize {
    tokens
        .get(i)
        .map(|t| t.start)
        .or_else(|| tokens.last().map(|t| t.end))
        .unwrap_or(fallback)
}

/// Turns steps into reported word operations with byte offsets and the
/// differing text. `old_at`/`new_at` place empty runs.
pub(crate) fn ops(
    steps: &[Step],
    old_text: &str,
    old: &[Token],
    new_text: &str,
    new: &[Token],
    old_at: usize,
    new_at: usize,
) -> Vec<WordOp> {
    whole_numbers(steps, old_text, old, new_text, new)
        .iter()
        .map(|s| {
            let (os, oe) = span(old, &s.old, point(old, s.old.start, old_at));
            let (ns, ne) = span(new, &s.new, point(new, s.new.start, new_at));
            let differs = s.kind != WordOpKind::Equal;
            WordOp {
                op: s.kind,
                old_start: os,
                old_end: oe,
                new_start: ns,
                new_end: ne,
                old_text: (differs && oe > os)
                    .then(|| old_text.get(os..oe).unwrap_or("").to_string()),
                new_text: (differs && ne > ns)
                    .then(|| new_text.get(ns..ne).unwrap_or("").to_string()),
            }
        })
        .collect()
}

/// A token that is part of a written number: digits (a scale or suffix may
/// follow: `5bn`, `4th`), or a `,` / `.` between digits.
fn number_part(text: &str, toks: &[Token], i: usize) -> bool {
    let Some(t) = toks.get(i) else {
        return false;
    };
    let s = t.text(text);
    let glued = |a: usize, b: usize| match (toks.get(a), toks.get(b)) {
        (Some(x), Some(y)) => x.end == y.start,
        _ => false,
    };
    let digits = |j: usize| {
        toks.get(j)
            .is_some_and(|t| t.text(text).starts_with(|c: char| c.is_ascii_digit()))
    };
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    matches!(s, "," | ".")
        && i > 0
        && digits(i - 1)
        && digits(i + 1)
        && glued(i - 1, i)
        && glued(i, i + 1)
}

/// Whether tokens `a` and `a + 1` are parts of one written number.
fn same_number(text: &str, toks: &[Token], a: usize) -> bool {
    number_part(text, toks, a) && number_part(text, toks, a + 1) && toks[a].end == toks[a + 1].start
}

/// Widens every changed step to whole numbers, so `1,200,000` →
/// `1,250,000` shows as one number replaced, never `1,[200→250],000`. The
/// equal neighbours give up the digits they shared.
fn whole_numbers(
    steps: &[Step],
    old_text: &str,
    old: &[Token],
    new_text: &str,
    new: &[Token],
) -> Vec<Step> {
    let mut out: Vec<Step> = steps.to_vec();
    for i in 0..out.len() {
        if out[i].kind == WordOpKind::Equal {
            continue;
        }
        // Take digits from the equal step before, while they run on.
        while i > 0 && out[i - 1].kind == WordOpKind::Equal && !out[i - 1].old.is_empty() {
            let (o, n) = (out[i].old.start, out[i].new.start);
            let joined = (o > 0 && o < old.len() && same_number(old_text, old, o - 1))
                || (n > 0 && n < new.len() && same_number(new_text, new, n - 1));
            if !joined {
                break;
            }
            out[i - 1].old.end -= 1;
            out[i - 1].new.end -= 1;
            out[i].old.start -= 1;
            out[i].new.start -= 1;
        }
        // And from the equal step after.
        while i + 1 < out.len()
            && out[i + 1].kind == WordOpKind::Equal
            && !out[i + 1].old.is_empty()
        {
            let (o, n) = (out[i].old.end, out[i].new.end);
            let joined = (o > 0 && same_number(old_text, old, o - 1))
                || (n > 0 && same_number(new_text, new, n - 1));
            if !joined {
                break;
            }
            out[i + 1].old.start += 1;
            out[i + 1].new.start += 1;
            out[i].old.end += 1;
            out[i].new.end += 1;
        }
        out[i].kind = match (out[i].old.is_empty(), out[i].new.is_empty()) {
            (true, _) => WordOpKind::Insert,
            (_, true) => WordOpKind::Delete,
            _ => WordOpKind::Replace,
        };
    }
    // Equal steps emptied out go; changed steps that now touch become one.
    let mut merged: Vec<Step> = Vec::with_capacity(out.len());
    for s in out {
        if s.kind == WordOpKind::Equal && s.old.is_empty() {
            continue;
        }
        if let Some(last) = merged.last_mut()
            && s.kind != WordOpKind::Equal
            && last.kind != WordOpKind::Equal
        {
            last.old.end = s.old.end;
            last.new.end = s.new.end;
            last.kind = WordOpKind::Replace;
            continue;
        }
        merged.push(s);
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::tokens::tokenize;

    fn show(old: &str, new: &str) -> String {
        let a = tokenize(old, 0, old.len());
        let b = tokenize(new, 0, new.len());
        ops(&diff(old, &a, new, &b), old, &a, new, &b, 0, 0)
            .iter()
            .map(|o| match o.op {
                WordOpKind::Equal => "=".to_string(),
                _ => format!(
                    "[{}→{}]",
                    o.old_text.as_deref().unwrap_or(""),
                    o.new_text.as_deref().unwrap_or("")
                ),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn word_steps() {
        let cases = [
            ("the cat sat", "the cat sat", "="),
            ("the cat sat", "the dog sat", "= [cat→dog] ="),
            // Numbers are diffed whole.
            (
                "was 1,200,000 in all",
                "was 1,250,000 in all",
                "= [1,200,000→1,250,000] =",
            ),
            (
                "inflation of 2.4 percent",
                "inflation of 4.2 percent",
                "= [2.4→4.2] =",
            ),
            ("rose 3.5 points", "rose 3.7 points", "= [3.5→3.7] ="),
            (
                "in 2020, rents rose",
                "in 2021, rents rose",
                "= [2020→2021] =",
            ),
            (
                "paid $1,500 each",
                "paid $1,500,000 each",
                "= [1,500→1,500,000] =",
            ),
            (
                "cost $1.5bn in all",
                "cost $1.6bn in all",
                "= [1.5bn→1.6bn] =",
            ),
            ("the cat sat", "the cat sat down", "= [→down]"),
            ("a big red car", "a car", "= [big red→] ="),
            ("", "new words", "[→new words]"),
            ("old words", "", "[old words→]"),
        ];
        for (old, new, want) in cases {
            assert_eq!(show(old, new), want, "{old:?} -> {new:?}");
        }
    }
}
