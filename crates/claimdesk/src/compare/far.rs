//! Sentences merged with or split from sentences that are not their
//! neighbours. The alignment groups neighbouring sentences only; a sentence
//! folded into one far away (`It approved the budget.` joined to a sentence
//! three places on) would otherwise read as removed there and as new words
//! here. This finds such pairs after the alignment: a lone removed (or
//! added) sentence whose content words are mostly the words a far 1:1 pair
//! gained (or lost). Lookups go through an index of those words, so the
//! search stays linear in the text.

use super::align::{Group, Prepared};
use super::classify::is_stop;
use super::tokens;
use std::collections::{HashMap, HashSet};

/// A lone sentence's content words must be at least this share of the
/// words the far pair gained (or lost) for the two to be one edit.
const SHARE: (usize, usize) = (6, 10);
/// At least this many content words: a short sentence matches by chance.
const MIN_WORDS: usize = 2;
/// A word that more pairs gained than this says nothing about which.
const MAX_HOSTS: usize = 8;

/// A lone group (removed or added) that belongs to a far 1:1 group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FarLink {
    pub lone: usize,
    pub host: usize,
    /// The lone sentence was merged in (old side); else split off (new).
    pub merged: bool,
}

fn content(text: &str, p: &Prepared) -> HashSet<String> {
    p.tokens
        .iter()
        .filter(|t| t.word)
        .map(|t| tokens::key(t.text(text)))
        .filter(|k| k.chars().count() > 1 && !is_stop(k))
        .collect()
}

/// The far merges and splits among `groups`.
pub(crate) fn links(
    groups: &[Group],
    old: &[Prepared],
    new: &[Prepared],
    old_text: &str,
    new_text: &str,
) -> Vec<FarLink> {
    let one = |r: &std::ops::Range<usize>| r.len() == 1;
    let lone = |g: &Group, merged: bool| {
        if merged {
            one(&g.old) && g.new.is_empty()
        } else {
            one(&g.new) && g.old.is_empty()
        }
    };
    // Only pairs whose words differ can have gained or lost any.
    let hosts: Vec<usize> = (0..groups.len())
        .filter(|&g| {
            let grp = &groups[g];
            one(&grp.old)
                && one(&grp.new)
                && old.get(grp.old.start).map(|p| p.hash) != new.get(grp.new.start).map(|p| p.hash)
        })
        .collect();
    let mut out = Vec::new();
    let mut taken: HashSet<usize> = HashSet::new();
    // Each host's content words, old and new: read once, for both passes.
    let mut words_of: Vec<Option<(HashSet<String>, HashSet<String>)>> = vec![None; hosts.len()];
    for merged in [true, false] {
        // Most comparisons have no lone sentence of a side: nothing to index.
        if hosts.is_empty() || !groups.iter().any(|g| lone(g, merged)) {
            continue;
        }
        // Words each host gained (merge) or lost (split).
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (slot, &h) in words_of.iter_mut().zip(&hosts) {
            let (Some(o), Some(n)) = (old.get(groups[h].old.start), new.get(groups[h].new.start))
            else {
                continue;
            };
            let (co, cn) = slot.get_or_insert_with(|| (content(old_text, o), content(new_text, n)));
            let moved: Vec<String> = if merged {
                cn.difference(co).cloned().collect()
            } else {
                co.difference(cn).cloned().collect()
            };
            for k in moved {
                let list = index.entry(k).or_default();
                if list.len() <= MAX_HOSTS {
                    list.push(h);
                }
            }
        }
        for (g, grp) in groups.iter().enumerate() {
            if !lone(grp, merged) {
                continue;
            }
            let words = if merged {
                old.get(grp.old.start).map(|p| content(old_text, p))
            } else {
                new.get(grp.new.start).map(|p| content(new_text, p))
            }
            .unwrap_or_default();
            if words.len() < MIN_WORDS {
                continue;
            }
            let mut tally: HashMap<usize, usize> = HashMap::new();
            for w in &words {
                if let Some(list) = index.get(w).filter(|l| l.len() <= MAX_HOSTS) {
                    for &h in list {
                        *tally.entry(h).or_default() += 1;
                    }
                }
            }
            let best = tally
                .into_iter()
                .filter(|(h, n)| !taken.contains(h) && n * SHARE.1 >= words.len() * SHARE.0)
                .max_by_key(|&(h, n)| (n, std::cmp::Reverse(h)));
            if let Some((host, _)) = best {
                taken.insert(host);
                out.push(FarLink {
                    lone: g,
                    host,
                    merged,
                });
            }
        }
    }
    out
}
