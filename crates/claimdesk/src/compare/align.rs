//! Sentence alignment between two versions of a text.
//!
//! Three passes, none quadratic over the whole article:
//! 1. anchors: an LCS (Myers) over the hashes of the sentences' normalized
//!    words pairs every sentence that survived with at most cosmetic edits;
//! 2. gaps: between two anchors, a small dynamic programme pairs the
//!    remaining sentences by word overlap, one to one, one to several
//!    (split) or several to one (merged), or leaves them added/removed;
//!    gaps too large for a full table are aligned inside a diagonal band;
//! 3. moves: a sentence removed in one place and added in another (same
//!    words, or nearly) becomes one moved sentence.

use super::tokens::{self, Token};
use super::units;
use crate::model::Sentence;
use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::time::{Duration, Instant};

/// A match must share more than this share of its words (Dice) to beat
/// leaving both sides as removed and added.
const MATCH_THRESHOLD: f64 = 0.4;
/// A removed and an added sentence this similar (Dice) are one moved sentence.
const MOVE_THRESHOLD: f64 = 0.6;
/// Gaps with more cells than this are aligned within a diagonal band.
const FULL_TABLE_CELLS: usize = 40_000;
/// Half-width of that band, in sentences.
const BAND: usize = 40;
/// Most removed × added sentence pairs compared when looking for edited moves.
const MOVE_PAIRS: usize = 20_000;
/// Most sentences on the "several" side of a split or merge.
const MAX_GROUP: usize = 3;

/// One sentence of one version, prepared for matching.
pub(crate) struct Prepared {
    pub span: Sentence,
    /// Index of the extracted sentence this unit belongs to.
    pub parent: usize,
    pub tokens: Vec<Token>,
    /// Hash of the sequence of normalized words.
    pub hash: u64,
    /// Sorted hashes of the normalized words.
    pub bag: Vec<u64>,
}

/// Prepares the comparison units of `text` (its sentences, cut further at
/// inner sentence ends, see [`units`]) for alignment.
pub(crate) fn prepare(text: &str, sentences: &[Sentence]) -> Vec<Prepared> {
    units::units(text, sentences)
        .into_iter()
        .map(|u| {
            let toks = tokens::tokenize(text, u.span.start, u.span.end);
            let keys: Vec<u64> = toks
                .iter()
                .filter(|t| t.word)
                .map(|t| tokens::key_hash(t.text(text)))
                .collect();
            let hash = tokens::seq_hash(keys.iter().copied());
            let mut bag = keys;
            bag.sort_unstable();
            Prepared {
                span: u.span,
                parent: u.parent,
                hash,
                bag,
                tokens: toks,
            }
        })
        .collect()
}

/// Sentences of the old version (`old`) paired with sentences of the new one
/// (`new`). One side is empty for added and removed sentences. `moved` marks
/// a pair found out of order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Group {
    pub old: Range<usize>,
    pub new: Range<usize>,
    pub moved: bool,
}

/// Aligns two prepared sentence lists. Every sentence of each side is in
/// exactly one group; groups come in reading order (a moved sentence where
/// it stood in the old version).
pub(crate) fn align(old: &[Prepared], new: &[Prepared]) -> Vec<Group> {
    let oh: Vec<u64> = old.iter().map(|p| p.hash).collect();
    let nh: Vec<u64> = new.iter().map(|p| p.hash).collect();
    let mut groups = Vec::new();
    let mut gap_old = 0..0;
    let mut gap_new = 0..0;
    let mut in_gap = false;
    let deadline = Instant::now().checked_add(Duration::from_millis(200));
    for op in capture_diff_slices_deadline(Algorithm::Myers, &oh, &nh, deadline) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                if in_gap {
                    align_gap(old, new, gap_old.clone(), gap_new.clone(), &mut groups);
                    in_gap = false;
                }
                for k in 0..len {
                    groups.push(Group {
                        old: old_index + k..old_index + k + 1,
                        new: new_index + k..new_index + k + 1,
                        moved: false,
                    });
                }
            }
            other => {
                let (o, n) = (other.old_range(), other.new_range());
                if in_gap {
                    gap_old.end = o.end;
                    gap_new.end = n.end;
                } else {
                    gap_old = o;
                    gap_new = n;
                    in_gap = true;
                }
            }
        }
    }
    if in_gap {
        align_gap(old, new, gap_old, gap_new, &mut groups);
    }
    find_moves(old, new, groups)
}

/// What matching old sentences `o` with new sentences `n` is worth: twice
/// the shared words minus the threshold share of all words. Positive only
/// when their Dice similarity is above [`MATCH_THRESHOLD`].
fn gain(old: &[Prepared], new: &[Prepared], o: Range<usize>, n: Range<usize>) -> Option<f64> {
    fn bag(side: &[Prepared], r: Range<usize>) -> Cow<'_, [u64]> {
        match side.get(r.clone()) {
            Some([one]) => Cow::Borrowed(&one.bag),
            Some(many) => Cow::Owned(
                many.iter()
                    .fold(Vec::new(), |acc, p| tokens::merged(&acc, &p.bag)),
            ),
            None => Cow::Owned(Vec::new()),
        }
    }
    let (a, b) = (bag(old, o), bag(new, n));
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let g = 2.0 * tokens::overlap(&a, &b) as f64 - MATCH_THRESHOLD * (a.len() + b.len()) as f64;
    (g > 0.0).then_some(g)
}

/// Aligns the sentences of one gap between anchors (a dynamic programme
/// over (old, new) prefixes, restricted to a band when the gap is large).
fn align_gap(
    old: &[Prepared],
    new: &[Prepared],
    o: Range<usize>,
    n: Range<usize>,
    groups: &mut Vec<Group>,
) {
    let (rows, cols) = (o.len(), n.len());
    if rows == 0 || cols == 0 {
        for i in o.clone() {
            groups.push(Group {
                old: i..i + 1,
                new: n.start..n.start,
                moved: false,
            });
        }
        for j in n.clone() {
            groups.push(Group {
                old: o.end..o.end,
                new: j..j + 1,
                moved: false,
            });
        }
        return;
    }
    let full = rows.saturating_mul(cols) <= FULL_TABLE_CELLS;
    let in_band = |i: usize, j: usize| {
        full || {
            let diag = i * cols / rows;
            diag.abs_diff(j) <= BAND
        }
    };
    let w = cols + 1;
    let mut score = vec![f64::NEG_INFINITY; (rows + 1) * w];
    let mut back = vec![(0u8, 0u8); (rows + 1) * w];
    score[0] = 0.0;
    for i in 0..=rows {
        for j in 0..=cols {
            let here = score[i * w + j];
            if here == f64::NEG_INFINITY {
                continue;
            }
            let mut relax = |di: usize, dj: usize, g: f64| {
                let (ni, nj) = (i + di, j + dj);
                if ni <= rows && nj <= cols {
                    let cell = ni * w + nj;
                    if here + g > score[cell] {
                        score[cell] = here + g;
                        back[cell] = (di as u8, dj as u8);
                    }
                }
            };
            // Leaving a sentence unmatched costs nothing; matches must earn.
            relax(1, 0, 0.0);
            relax(0, 1, 0.0);
            if i < rows && j < cols && in_band(i, j) {
                let shapes = (1..=MAX_GROUP)
                    .map(|k| (1, k))
                    .chain((2..=MAX_GROUP).map(|k| (k, 1)));
                for (di, dj) in shapes {
                    if i + di > rows || j + dj > cols {
                        continue;
                    }
                    let or = o.start + i..o.start + i + di;
                    let nr = n.start + j..n.start + j + dj;
                    if let Some(g) = gain(old, new, or, nr) {
                        relax(di, dj, g);
                    }
                }
            }
        }
    }
    // Walk back from the corner.
    let mut steps = Vec::new();
    let (mut i, mut j) = (rows, cols);
    while i > 0 || j > 0 {
        let (di, dj) = back[i * w + j];
        let (di, dj) = (di as usize, dj as usize);
        if di == 0 && dj == 0 {
            break; // unreachable cell; cannot happen, but never loop forever
        }
        steps.push((i - di, j - dj, di, dj));
        i -= di;
        j -= dj;
    }
    steps.reverse();
    // Emit matches as they come; within a run of unmatched sentences, the
    // removed ones first, then the added ones.
    let mut run_removed: Vec<usize> = Vec::new();
    let mut run_added: Vec<usize> = Vec::new();
    let mut run_new_start = n.start;
    let flush = |groups: &mut Vec<Group>,
                 removed: &mut Vec<usize>,
                 added: &mut Vec<usize>,
                 new_at: usize,
                 old_at: usize| {
        for i in removed.drain(..) {
            groups.push(Group {
                old: i..i + 1,
                new: new_at..new_at,
                moved: false,
            });
        }
        for j in added.drain(..) {
            groups.push(Group {
                old: old_at..old_at,
                new: j..j + 1,
                moved: false,
            });
        }
    };
    for (i, j, di, dj) in steps {
        let (oi, nj) = (o.start + i, n.start + j);
        if run_removed.is_empty() && run_added.is_empty() {
            run_new_start = nj;
        }
        match (di, dj) {
            (1, 0) => run_removed.push(oi),
            (0, 1) => run_added.push(nj),
            _ => {
                flush(groups, &mut run_removed, &mut run_added, run_new_start, oi);
                groups.push(Group {
                    old: oi..oi + di,
                    new: nj..nj + dj,
                    moved: false,
                });
            }
        }
    }
    flush(
        groups,
        &mut run_removed,
        &mut run_added,
        run_new_start,
        o.end,
    );
}

/// Turns a removed sentence and an added one with the same (or nearly the
/// same) words into one moved sentence, kept at its old place.
fn find_moves(old: &[Prepared], new: &[Prepared], groups: Vec<Group>) -> Vec<Group> {
    let removed: Vec<usize> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.new.is_empty() && g.old.len() == 1)
        .map(|(k, _)| k)
        .collect();
    let added: Vec<usize> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.old.is_empty() && g.new.len() == 1)
        .map(|(k, _)| k)
        .collect();
    if removed.is_empty() || added.is_empty() {
        return groups;
    }
    // Exact moves by hash.
    let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::new();
    for &k in added.iter().rev() {
        let p = &new[groups[k].new.start];
        if p.bag.len() >= 2 {
            by_hash.entry(p.hash).or_default().push(k);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut taken_added = vec![false; groups.len()];
    let mut taken_removed = vec![false; groups.len()];
    for &r in &removed {
        let p = &old[groups[r].old.start];
        if let Some(a) = by_hash.get_mut(&p.hash).and_then(Vec::pop) {
            pairs.push((r, a));
            taken_added[a] = true;
            taken_removed[r] = true;
        }
    }
    // Edited moves, when there are few enough candidates to compare.
    let rest_r: Vec<usize> = removed
        .iter()
        .copied()
        .filter(|&r| !taken_removed[r])
        .collect();
    let rest_a: Vec<usize> = added.iter().copied().filter(|&a| !taken_added[a]).collect();
    if rest_r.len().saturating_mul(rest_a.len()) <= MOVE_PAIRS {
        let mut cands = Vec::new();
        for &r in &rest_r {
            let pr = &old[groups[r].old.start];
            if pr.bag.len() < 4 {
                continue;
            }
            for &a in &rest_a {
                let pa = &new[groups[a].new.start];
                if pa.bag.len() < 4 {
                    continue;
                }
                let d = tokens::dice(&pr.bag, &pa.bag);
                if d >= MOVE_THRESHOLD {
                    cands.push((d, r, a));
                }
            }
        }
        cands.sort_by(|x, y| y.0.total_cmp(&x.0));
        for (_, r, a) in cands {
            if !taken_removed[r] && !taken_added[a] {
                taken_removed[r] = true;
                taken_added[a] = true;
                pairs.push((r, a));
            }
        }
    }
    let partner: HashMap<usize, usize> = pairs.into_iter().collect();
    groups
        .iter()
        .enumerate()
        .filter(|(k, _)| !taken_added[*k])
        .map(|(k, g)| match partner.get(&k) {
            Some(&a) => Group {
                old: g.old.clone(),
                new: groups[a].new.clone(),
                moved: true,
            },
            None => g.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::segment;

    fn groups(old: &str, new: &str) -> Vec<(Range<usize>, Range<usize>, bool)> {
        let a = prepare(old, &segment::sentences(old));
        let b = prepare(new, &segment::sentences(new));
        align(&a, &b)
            .into_iter()
            .map(|g| (g.old, g.new, g.moved))
            .collect()
    }

    #[test]
    fn aligns_edits_splits_merges_and_moves() {
        type Want = &'static [(Range<usize>, Range<usize>, bool)];
        let cases: &[(&str, &str, Want)] = &[
            (
                "One cat sat. Two dogs ran home quickly. Three birds sang.",
                "One cat sat. Two dogs ran home very quickly. Three birds sang.",
                &[
                    (0..1, 0..1, false),
                    (1..2, 1..2, false),
                    (2..3, 2..3, false),
                ],
            ),
            (
                "The mayor opened the new bridge and the crowd cheered loudly. Rain fell.",
                "The mayor opened the new bridge. The crowd cheered loudly. Rain fell.",
                &[(0..1, 0..2, false), (1..2, 2..3, false)],
            ),
            (
                "The mayor opened the new bridge. The crowd cheered loudly. Rain fell.",
                "The mayor opened the new bridge and the crowd cheered loudly. Rain fell.",
                &[(0..2, 0..1, false), (2..3, 1..2, false)],
            ),
            (
                "Alpha beta gamma delta. Epsilon zeta eta theta. Iota kappa lambda mu.",
                "Epsilon zeta eta theta. Iota kappa lambda mu. Alpha beta gamma delta.",
                &[(0..1, 2..3, true), (1..2, 0..1, false), (2..3, 1..2, false)],
            ),
            (
                "Kept here. Gone for good now.",
                "Kept here. Something else entirely new.",
                &[
                    (0..1, 0..1, false),
                    (1..2, 1..1, false),
                    (2..2, 1..2, false),
                ],
            ),
        ];
        for (old, new, want) in cases {
            assert_eq!(&groups(old, new), want, "{old:?} -> {new:?}");
        }
    }
}
