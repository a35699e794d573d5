//! The comparison's cue lists (`data/compare/`): stop words, negations,
//! hedges and attribution, quantifiers and bounds, modality, vague time words and fixed
//! equivalents. Cues of several words match as runs of word keys.

use super::lines;

/// The crate's FNV hasher: keys are short words.
type Fast = crate::hash::FnvBuild;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// What a cue marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CueKind {
    Hedge,
    Quantity,
    Modality,
    Vague,
}

/// A cue found in a run of word keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub kind: CueKind,
    /// The class within the kind (`min`, `possible`); the cue for hedges.
    pub class: &'static str,
    /// First word index and word count.
    pub at: usize,
    pub len: usize,
}

/// Cue phrases by first word key: (words, kind, class), longest first.
type Table = HashMap<&'static str, Vec<(Vec<&'static str>, CueKind, &'static str)>, Fast>;

struct Cues {
    stop: HashSet<&'static str, Fast>,
    pronouns: HashSet<&'static str, Fast>,
    negations: HashSet<&'static str, Fast>,
    speech: HashSet<&'static str, Fast>,
    table: Table,
    /// Every form of a fixed expression → its first form's words.
    equivalents: HashMap<Vec<String>, Vec<&'static str>, Fast>,
    /// First words of those forms.
    equivalent_starts: HashSet<String, Fast>,
}

fn add(table: &mut Table, phrase: &'static str, kind: CueKind, class: &'static str) {
    let words: Vec<&'static str> = phrase.split_whitespace().collect();
    if let Some(&first) = words.first() {
        table.entry(first).or_default().push((words, kind, class));
    }
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut table = Table::default();
    for l in lines(include_str!("../../data/compare/hedges.txt")) {
        add(&mut table, l, CueKind::Hedge, l);
    }
    for (src, kind) in [
        (
            include_str!("../../data/compare/quantity.txt"),
            CueKind::Quantity,
        ),
        (
            include_str!("../../data/compare/modality.txt"),
            CueKind::Modality,
        ),
    ] {
        for l in lines(src) {
            if let Some((class, phrase)) = l.split_once(' ') {
                add(&mut table, phrase.trim(), kind, class);
            }
        }
    }
    for l in lines(include_str!("../../data/compare/vague_time.txt")) {
        add(&mut table, l, CueKind::Vague, l);
    }
    for list in table.values_mut() {
        list.sort_by_key(|(w, _, _)| std::cmp::Reverse(w.len()));
    }
    let mut equivalents = HashMap::default();
    for l in lines(include_str!("../../data/compare/equivalents.txt")) {
        let forms: Vec<&'static str> = l.split('|').collect();
        let Some(first) = forms.first() else { continue };
        let canon: Vec<&'static str> = first.split_whitespace().collect();
        for f in &forms {
            let key: Vec<String> = f
                .split(|c: char| c.is_whitespace() || c == '-')
                .map(super::countries::name_key)
                .filter(|k| !k.is_empty())
                .collect();
            if !key.is_empty() {
                equivalents.insert(key, canon.clone());
            }
        }
    }
    let equivalent_starts = equivalents
        .keys()
        .filter_map(|k| k.first().cloned())
        .collect();
    Cues {
        equivalent_starts,
        stop: lines(include_str!("../../data/compare/stop.txt")).collect(),
        pronouns: lines(include_str!("../../data/compare/pronouns.txt")).collect(),
        negations: lines(include_str!("../../data/compare/negations.txt")).collect(),
        speech: lines(include_str!("../../data/lexicon/speech_verbs.txt"))
            .flat_map(str::split_whitespace)
            .map(|w| w.trim_end_matches(':'))
            .collect(),
        table,
        equivalents,
    }
});

/// Whether a word key carries no fact of its own.
pub fn is_stop(key: &str) -> bool {
    CUES.stop.contains(key)
}

/// Whether a word key is a pronoun that stands for a name (`he`, `its`).
pub fn is_pronoun(key: &str) -> bool {
    CUES.pronouns.contains(key)
}

/// Whether a lower-case word is a negation word (`not`, `never`; contractions
/// in n't are the caller's).
pub fn is_negation(word: &str) -> bool {
    CUES.negations.contains(word)
}

/// Whether a word key is a speech verb (attribution: `said`, `told`).
pub fn is_speech_verb(key: &str) -> bool {
    CUES.speech.contains(key)
}

/// Every cue in a run of word keys (lower case, letters and digits), the
/// longest match at each position; matches do not overlap.
pub fn find(keys: &[&str]) -> Vec<Cue> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < keys.len() {
        let hit = CUES.table.get(keys[i]).and_then(|list| {
            list.iter().find(|(w, _, _)| {
                keys.get(i..i + w.len())
                    .is_some_and(|run| run.iter().zip(w).all(|(a, b)| a == b))
            })
        });
        match hit {
            Some((w, kind, class)) => {
                out.push(Cue {
                    kind: *kind,
                    class,
                    at: i,
                    len: w.len(),
                });
                i += w.len();
            }
            None => i += 1,
        }
    }
    out
}

/// The first form of a fixed expression starting at `keys[0]`, with how
/// many keys it covers (`no one` → (`nobody`, 2)).
pub fn equivalent(keys: &[&str]) -> Option<(&'static [&'static str], usize)> {
    let first = keys.first()?;
    if !CUES.equivalent_starts.contains(*first) {
        return None;
    }
    (1..=keys.len().min(3)).rev().find_map(|n| {
        let k: Vec<String> = keys[..n].iter().map(|s| s.to_string()).collect();
        CUES.equivalents.get(&k).map(|c| (c.as_slice(), n))
    })
}

pub(super) fn preload() {
    LazyLock::force(&CUES);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cues() {
        let keys = [
            "police", "said", "at", "least", "40", "homes", "may", "burn",
        ];
        let found: Vec<(CueKind, &str)> = find(&keys).iter().map(|c| (c.kind, c.class)).collect();
        assert_eq!(
            found,
            vec![(CueKind::Quantity, "min"), (CueKind::Modality, "possible")]
        );
        assert!(is_speech_verb("said"));
        assert!(is_stop("the"));
        assert_eq!(
            equivalent(&["no", "one", "came"]).map(|(c, n)| (c.to_vec(), n)),
            Some((vec!["nobody"], 2))
        );
    }
}
