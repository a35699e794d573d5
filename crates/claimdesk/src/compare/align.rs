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

/// What matching a group of old sentences with a group of new ones is
/// worth, given the merged bags of their words: twice the shared words
/// minus the threshold share of all words. Positive only when their Dice
/// similarity is above [`MATCH_THRESHOLD`].
fn gain(a: &[u64], b: &[u64]) -> Option<f64> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let g = 2.0 * tokens::overlap(a, b) as f64 - MATCH_THRESHOLD * (a.len() + b.len()) as f64;
    (g > 0.0).then_some(g)
}

/// The merged bags of the groups of two and three sentences of `side`
/// that end just before sentence `end` (empty when the side has fewer).
fn group_bags(side: &[Prepared], start: usize, end: usize) -> [Vec<u64>; MAX_GROUP - 1] {
    std::array::from_fn(|k| {
        let len = k + 2;
        if end < start + len {
            return Vec::new();
        }
        side.get(end - len..end)
            .unwrap_or(&[])
            .iter()
            .fold(Vec::new(), |acc, p| tokens::merged(&acc, &p.bag))
    })
}

/// The bag of the `len` sentences of `side` ending just before `end`: the
/// sentence's own for one, else from the merged `groups`.
fn group_bag<'a>(
    side: &'a [Prepared],
    groups: &'a [Vec<u64>; MAX_GROUP - 1],
    end: usize,
    len: usize,
) -> &'a [u64] {
    match len {
        1 => end
            .checked_sub(1)
            .and_then(|e| side.get(e))
            .map_or(&[], |p| p.bag.as_slice()),
        _ => groups.get(len - 2).map_or(&[], Vec::as_slice),
    }
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
    align_gap_within(old, new, o, n, Limits::DEFAULT, groups);
}

/// How large a gap may be before its programme is restricted to a band, and
/// how wide that band is.
#[derive(Debug, Clone, Copy)]
struct Limits {
    full_cells: usize,
    band: usize,
}

impl Limits {
    const DEFAULT: Limits = Limits {
        full_cells: FULL_TABLE_CELLS,
        band: BAND,
    };
}

/// A back pointer: how many old (`di`) and new (`dj`) sentences the last
/// step into a cell consumed, packed as `di * 4 + dj` (both at most 3).
fn pack(di: usize, dj: usize) -> u8 {
    (di * 4 + dj) as u8
}

fn unpack(b: u8) -> (usize, usize) {
    ((b / 4) as usize, (b % 4) as usize)
}

/// The cells of a gap's (old prefix × new prefix) table that the programme
/// stores: for each row a window of columns holding every cell a match can
/// start from (the band) or end in. Windows never move left from one row to
/// the next, so a cell outside its row's window has a known value: left of
/// it, the cell above (nothing can end there, and leaving a sentence
/// unmatched is free); right of it, the row's last stored cell. Storage and
/// time are linear in rows + columns: back pointers for the windows, scores
/// for the last four rows only (a match reaches back at most
/// [`MAX_GROUP`] rows).
struct Table {
    rows: usize,
    cols: usize,
    full: bool,
    band: usize,
    lo: Vec<usize>,
    hi: Vec<usize>,
    /// Where each row's back pointers start in `back`.
    off: Vec<usize>,
    back: Vec<u8>,
    /// The score of each row's last stored cell (and of all cells right of it).
    last: Vec<f64>,
    /// The score just left of each row's window (`-inf` when it starts at 0).
    left: Vec<f64>,
    /// Scores of the last `MAX_GROUP + 1` rows, by row modulo that.
    recent: Vec<Vec<f64>>,
}

impl Table {
    fn new(rows: usize, cols: usize, limits: Limits) -> Table {
        let full = rows.saturating_mul(cols) <= limits.full_cells;
        let mut t = Table {
            rows,
            cols,
            full,
            band: limits.band,
            lo: Vec::with_capacity(rows + 1),
            hi: Vec::with_capacity(rows + 1),
            off: Vec::with_capacity(rows + 1),
            back: Vec::new(),
            last: Vec::with_capacity(rows + 1),
            left: Vec::with_capacity(rows + 1),
            recent: vec![Vec::new(); MAX_GROUP + 1],
        };
        let mut at = 0;
        for i in 0..=rows {
            let (lo, hi) = if full {
                (0, cols)
            } else {
                (
                    t.diag(i.saturating_sub(MAX_GROUP)).saturating_sub(t.band),
                    (t.diag(i) + t.band + MAX_GROUP).min(cols),
                )
            };
            t.lo.push(lo);
            t.hi.push(hi);
            t.off.push(at);
            at += hi - lo + 1;
        }
        t.back = vec![0; at];
        t
    }

    /// The column of row `i` on the gap's diagonal.
    fn diag(&self, i: usize) -> usize {
        i * self.cols / self.rows.max(1)
    }

    /// Whether a match may start at cell (`i`, `j`).
    fn in_band(&self, i: usize, j: usize) -> bool {
        i < self.rows && j < self.cols && (self.full || self.diag(i).abs_diff(j) <= self.band)
    }

    /// The best score of cell (`i`, `j`), for `i` at most [`MAX_GROUP`]
    /// rows above the row being filled.
    fn score(&self, mut i: usize, j: usize) -> f64 {
        loop {
            if j > self.hi[i] {
                return self.last[i];
            }
            if j >= self.lo[i] {
                return self.recent[i % (MAX_GROUP + 1)][j - self.lo[i]];
            }
            if j + 1 == self.lo[i] {
                return self.left[i];
            }
            // Left of the window: the value of the cell above. (Unreached:
            // the programme only asks for the cell just left of a window.)
            i -= 1;
        }
    }

    /// The back pointer of cell (`i`, `j`), the one a full table would hold.
    fn back(&self, i: usize, j: usize) -> (usize, usize) {
        if j < self.lo[i] {
            (1, 0)
        } else if j <= self.hi[i] {
            unpack(self.back[self.off[i] + j - self.lo[i]])
        } else if i == 0 || self.last[i] > self.last[i - 1] {
            (0, 1)
        } else {
            (1, 0)
        }
    }
}

/// The steps `(i, j, di, dj)` of the best path through a gap's table, from
/// (0, 0) to its corner: match old sentences `i..i + di` with new sentences
/// `j..j + dj`, or leave one unmatched (`di + dj == 1`). Candidates are
/// weighed in the order the original full-table programme relaxed them
/// (predecessors in row-major order, a later one only when strictly
/// better), so ties resolve the same way inside and outside the band.
fn gap_steps(
    old: &[Prepared],
    new: &[Prepared],
    o: &Range<usize>,
    n: &Range<usize>,
    limits: Limits,
) -> Vec<(usize, usize, usize, usize)> {
    let (rows, cols) = (o.len(), n.len());
    let mut t = Table::new(rows, cols, limits);
    // Match shapes by predecessor, in row-major order of the predecessor.
    let mut shapes: Vec<(usize, usize)> = (2..=MAX_GROUP).rev().map(|k| (k, 1)).collect();
    shapes.extend((1..=MAX_GROUP).rev().map(|k| (1, k)));
    // Merged bags of the new groups ending at each column of the current
    // window (columns `first_col..`); windows only move right, so each is
    // built once.
    let mut new_groups: std::collections::VecDeque<[Vec<u64>; MAX_GROUP - 1]> =
        std::collections::VecDeque::new();
    let mut first_col = 0;
    for i in 0..=rows {
        let (lo, hi) = (t.lo[i], t.hi[i]);
        let old_groups = group_bags(old, o.start, o.start + i);
        while first_col < lo && !new_groups.is_empty() {
            new_groups.pop_front();
            first_col += 1;
        }
        if new_groups.is_empty() {
            first_col = lo;
        }
        while first_col + new_groups.len() <= hi {
            let j = first_col + new_groups.len();
            new_groups.push_back(group_bags(new, n.start, n.start + j));
        }
        let left = if lo == 0 {
            f64::NEG_INFINITY
        } else {
            t.score(i - 1, lo - 1)
        };
        t.left.push(left);
        let mut row = std::mem::take(&mut t.recent[i % (MAX_GROUP + 1)]);
        row.clear();
        let off = t.off[i];
        for j in lo..=hi {
            let mut best = f64::NEG_INFINITY;
            let mut from = 0u8;
            if i == 0 && j == 0 {
                best = 0.0;
            }
            for &(di, dj) in &shapes {
                if di > i || dj > j || !t.in_band(i - di, j - dj) {
                    continue;
                }
                let Some(ng) = new_groups.get(j - first_col) else {
                    continue;
                };
                let a = group_bag(old, &old_groups, o.start + i, di);
                let b = group_bag(new, ng, n.start + j, dj);
                if let Some(g) = gain(a, b) {
                    let s = t.score(i - di, j - dj) + g;
                    if s > best {
                        best = s;
                        from = pack(di, dj);
                    }
                }
            }
            if i > 0 {
                let s = t.score(i - 1, j);
                if s > best {
                    best = s;
                    from = pack(1, 0);
                }
            }
            if j > 0 {
                let s = if j > lo { row[j - 1 - lo] } else { left };
                if s > best {
                    best = s;
                    from = pack(0, 1);
                }
            }
            row.push(best);
            t.back[off + j - lo] = from;
        }
        t.last
            .push(row.last().copied().unwrap_or(f64::NEG_INFINITY));
        t.recent[i % (MAX_GROUP + 1)] = row;
    }
    // Walk back from the corner.
    let mut steps = Vec::new();
    let (mut i, mut j) = (rows, cols);
    while i > 0 || j > 0 {
        let (di, dj) = t.back(i, j);
        if (di == 0 && dj == 0) || di > i || dj > j {
            break; // unreachable cell; cannot happen, but never loop forever
        }
        steps.push((i - di, j - dj, di, dj));
        i -= di;
        j -= dj;
    }
    steps.reverse();
    steps
}

/// [`align_gap`] with explicit limits (tests use small ones).
fn align_gap_within(
    old: &[Prepared],
    new: &[Prepared],
    o: Range<usize>,
    n: Range<usize>,
    limits: Limits,
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
    let steps = gap_steps(old, new, &o, &n, limits);
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

    /// The programme as it was first written: the whole (rows + 1) ×
    /// (cols + 1) table, every cell relaxing its successors. The banded
    /// table must walk the same path.
    fn reference_steps(
        old: &[Prepared],
        new: &[Prepared],
        o: &Range<usize>,
        n: &Range<usize>,
        limits: Limits,
    ) -> Vec<(usize, usize, usize, usize)> {
        let (rows, cols) = (o.len(), n.len());
        let full = rows.saturating_mul(cols) <= limits.full_cells;
        let in_band = |i: usize, j: usize| full || (i * cols / rows).abs_diff(j) <= limits.band;
        let w = cols + 1;
        let mut score = vec![f64::NEG_INFINITY; (rows + 1) * w];
        let mut back = vec![(0usize, 0usize); (rows + 1) * w];
        score[0] = 0.0;
        for i in 0..=rows {
            for j in 0..=cols {
                let here = score[i * w + j];
                let mut relax = |di: usize, dj: usize, g: f64| {
                    let (ni, nj) = (i + di, j + dj);
                    if ni <= rows && nj <= cols && here + g > score[ni * w + nj] {
                        score[ni * w + nj] = here + g;
                        back[ni * w + nj] = (di, dj);
                    }
                };
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
                        if let Some(g) = reference_gain(old, new, or, nr) {
                            relax(di, dj, g);
                        }
                    }
                }
            }
        }
        let mut steps = Vec::new();
        let (mut i, mut j) = (rows, cols);
        while i > 0 || j > 0 {
            let (di, dj) = back[i * w + j];
            steps.push((i - di, j - dj, di, dj));
            i -= di;
            j -= dj;
        }
        steps.reverse();
        steps
    }

    /// A small deterministic generator (xorshift), so the cases are the
    /// same on every run without a dependency.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self, below: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % below as u64) as usize
        }
    }

    /// Sentences drawn from a few words, so that many pairs overlap enough
    /// to match and many ties arise.
    fn sentences(rng: &mut Rng, count: usize) -> String {
        const WORDS: &[&str] = &[
            "river", "bridge", "mayor", "council", "rain", "vote", "budget", "school",
        ];
        let mut out = String::new();
        for _ in 0..count {
            let len = 1 + rng.next(5);
            let words: Vec<&str> = (0..len).map(|_| WORDS[rng.next(WORDS.len())]).collect();
            let mut s = words.join(" ");
            s[..1].make_ascii_uppercase();
            out.push_str(&s);
            out.push_str(". ");
        }
        out
    }

    #[test]
    fn banded_table_walks_the_reference_path() {
        // (rows, cols, full-table cells, band half-width)
        let shapes: &[(usize, usize, usize, usize)] = &[
            (1, 1, 40_000, 40),
            (5, 7, 40_000, 40),
            (12, 9, 40_000, 40),
            (12, 9, 0, 1),
            (12, 9, 0, 2),
            (30, 30, 0, 3),
            (40, 7, 0, 2),
            (7, 40, 0, 2),
            (60, 45, 0, 0),
            (3, 50, 0, 1),
            (50, 3, 0, 1),
        ];
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for &(rows, cols, full_cells, band) in shapes {
            for k in 0..8 {
                let (a, b) = (sentences(&mut rng, rows), sentences(&mut rng, cols));
                let pa = prepare(&a, &segment::sentences(&a));
                let pb = prepare(&b, &segment::sentences(&b));
                // Gaps open after an anchor too (groups must not reach
                // back over the gap's first sentence).
                let (o, n) = (
                    (k % 2).min(pa.len())..pa.len(),
                    (k % 3).min(pb.len())..pb.len(),
                );
                if o.is_empty() || n.is_empty() {
                    continue;
                }
                let limits = Limits { full_cells, band };
                assert_eq!(
                    gap_steps(&pa, &pb, &o, &n, limits),
                    reference_steps(&pa, &pb, &o, &n, limits),
                    "{rows}×{cols}, band {band}: {a:?} -> {b:?}"
                );
            }
        }
    }

    /// The gain as first written: the groups' bags built, then intersected.
    fn reference_gain(
        old: &[Prepared],
        new: &[Prepared],
        o: Range<usize>,
        n: Range<usize>,
    ) -> Option<f64> {
        let bag = |side: &[Prepared], r: Range<usize>| -> Vec<u64> {
            side.get(r)
                .unwrap_or(&[])
                .iter()
                .fold(Vec::new(), |acc, p| tokens::merged(&acc, &p.bag))
        };
        let (a, b) = (bag(old, o), bag(new, n));
        if a.is_empty() || b.is_empty() {
            return None;
        }
        let g = 2.0 * tokens::overlap(&a, &b) as f64 - MATCH_THRESHOLD * (a.len() + b.len()) as f64;
        (g > 0.0).then_some(g)
    }

    #[test]
    fn a_large_gap_is_aligned_in_its_band() {
        // Every sentence edited: one gap, far beyond the full-table size.
        let n = 600;
        let old: String = (0..n)
            .map(|k| format!("Item {k} was reported by the clerk on duty. "))
            .collect();
        let new: String = (0..n)
            .map(|k| format!("Item {k} was noted by the clerk on duty. "))
            .collect();
        let a = prepare(&old, &segment::sentences(&old));
        let b = prepare(&new, &segment::sentences(&new));
        let got = align(&a, &b);
        let want: Vec<Group> = (0..n)
            .map(|k| Group {
                old: k..k + 1,
                new: k..k + 1,
                moved: false,
            })
            .collect();
        assert_eq!(got, want);
    }
}
