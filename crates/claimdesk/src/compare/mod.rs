//! Revision comparison: aligns two versions of an article, sentence by
//! sentence and claim by claim, and says what changed.
//!
//! Placeholder alignment of claims by stable key and fields; the full engine
//! (sentence alignment, word diffs, cosmetic/reworded/changed) replaces it.

use crate::model::Claim;
use serde::{Deserialize, Serialize};

/// How a claim fared between two revisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimChange {
    Unchanged,
    Changed,
    Added,
    Removed,
}

/// One field of a claim that differs between the revisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
}

/// A claim of the old revision paired with its counterpart in the new one
/// (indices into the two claim lists).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimAlignment {
    pub status: ClaimChange,
    pub old: Option<usize>,
    pub new: Option<usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
}

/// Pairs the claims of two revisions. Every old and every new claim appears
/// exactly once.
pub fn align_claims(old: &[Claim], new: &[Claim]) -> Vec<ClaimAlignment> {
    let mut used = vec![false; new.len()];
    let mut out = Vec::new();
    for (i, o) in old.iter().enumerate() {
        let key = o.stable_key();
        let exact = (0..new.len()).find(|&j| !used[j] && new[j].fields == o.fields);
        let same_key = || (0..new.len()).find(|&j| !used[j] && new[j].stable_key() == key);
        match exact.or_else(same_key) {
            Some(j) => {
                used[j] = true;
                let fields = field_changes(o, &new[j]);
                let status = if fields.is_empty() {
                    ClaimChange::Unchanged
                } else {
                    ClaimChange::Changed
                };
                out.push(ClaimAlignment {
                    status,
                    old: Some(i),
                    new: Some(j),
                    fields,
                });
            }
            None => out.push(ClaimAlignment {
                status: ClaimChange::Removed,
                old: Some(i),
                new: None,
                fields: Vec::new(),
            }),
        }
    }
    for (j, _) in new.iter().enumerate().filter(|(j, _)| !used[*j]) {
        out.push(ClaimAlignment {
            status: ClaimChange::Added,
            old: None,
            new: Some(j),
            fields: Vec::new(),
        });
    }
    out
}

/// The fields that differ between two claims of the same kind.
pub fn field_changes(old: &Claim, new: &Claim) -> Vec<FieldChange> {
    let a = old.fields.pairs();
    let b = new.fields.pairs();
    let mut names: Vec<&str> = a.iter().map(|(k, _)| *k).collect();
    for (k, _) in &b {
        if !names.contains(k) {
            names.push(k);
        }
    }
    names
        .into_iter()
        .filter_map(|k| {
            let o = a.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone());
            let n = b.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone());
            (o != n).then(|| FieldChange {
                field: k.to_string(),
                old: o,
                new: n,
            })
        })
        .collect()
}
