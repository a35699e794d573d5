//! What a comparison reports: one entry per aligned sentence (or sentence
//! group) with its status, byte offsets in both texts, the reasons a
//! statement counts as changed and the word diff; and one entry per claim.
//!
//! The JSON form is what `claimdesk diff --format json` prints and what
//! `shared/eval/score_revisions.py` reads: `{"sentences": [{"status",
//! "old_start", "old_end", "new_start", "new_end", ...}], "claims": [...]}`.

use super::ClaimChange;
use super::FieldChange;
use crate::model::Claim;
use serde::{Deserialize, Serialize};

/// How a sentence of the old version fared in the new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceStatus {
    /// Byte-for-byte the same.
    Unchanged,
    /// Only white space, punctuation, case or a spelling-level fix.
    Cosmetic,
    /// Wording changed, the facts did not.
    Reworded,
    /// A fact changed: a claim, a name, a number, a date, a negation, or new
    /// information was added or dropped.
    Changed,
    Added,
    Removed,
    /// The same statement, at another place in the article.
    Moved,
}

impl SentenceStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SentenceStatus::Unchanged => "unchanged",
            SentenceStatus::Cosmetic => "cosmetic",
            SentenceStatus::Reworded => "reworded",
            SentenceStatus::Changed => "changed",
            SentenceStatus::Added => "added",
            SentenceStatus::Removed => "removed",
            SentenceStatus::Moved => "moved",
        }
    }

    /// Whether an editor or fact-checker must look at it: a statement was
    /// changed, added or removed.
    pub fn is_flagged(self) -> bool {
        matches!(
            self,
            SentenceStatus::Changed | SentenceStatus::Added | SentenceStatus::Removed
        )
    }

    /// How much an editor must look: flagged 3, reworded or moved 2,
    /// cosmetic 1, unchanged 0 (the worst entry of a group speaks for it).
    pub fn weight(self) -> u8 {
        match self {
            SentenceStatus::Changed | SentenceStatus::Added | SentenceStatus::Removed => 3,
            SentenceStatus::Reworded | SentenceStatus::Moved => 2,
            SentenceStatus::Cosmetic => 1,
            SentenceStatus::Unchanged => 0,
        }
    }
}

/// How many sentences of each version an entry covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    /// One sentence (or none, for added and removed ones) on each side.
    Single,
    /// One old sentence became several.
    Split,
    /// Several old sentences became one (or became part of one).
    Merged,
}

/// What kind of fact a [`Reason`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReasonKind {
    Number,
    Date,
    Name,
    Negation,
    /// Content words that were not in the old sentence were added (or ones
    /// that are not in the new sentence were dropped).
    Information,
    /// An extracted claim was changed, added or removed.
    Claim,
    /// A word replaced by its opposite (WordNet antonyms: convicted →
    /// acquitted, rose → fell).
    Antonym,
    /// A dictionary word replaced by another dictionary word of near
    /// spelling (hired → fired): a real change, not a typo fix.
    Word,
    /// A hedge or an attribution added or removed (allegedly, according to
    /// police, police said).
    Hedge,
    /// A quantifier or bound replaced (at least → at most, all → some).
    Quantifier,
    /// A modal replaced (will → may, must → could).
    Modality,
    /// Who did what to whom changed (A defeated B → B defeated A).
    Role,
    /// The words of a direct quotation changed (even only punctuation).
    Quote,
}

impl ReasonKind {
    /// The kind in plain words, for text output.
    pub fn label(self) -> &'static str {
        match self {
            ReasonKind::Number => "number",
            ReasonKind::Date => "date",
            ReasonKind::Name => "name",
            ReasonKind::Negation => "negation",
            ReasonKind::Information => "fact",
            ReasonKind::Claim => "claim",
            ReasonKind::Antonym => "antonym",
            ReasonKind::Word => "word",
            ReasonKind::Hedge => "hedge",
            ReasonKind::Quantifier => "quantifier",
            ReasonKind::Modality => "modality",
            ReasonKind::Role => "roles",
            ReasonKind::Quote => "quote",
        }
    }
}

impl Reason {
    /// A reason with its plain-words line filled in.
    pub fn new(kind: ReasonKind, old: Vec<String>, new: Vec<String>) -> Reason {
        let mut r = Reason {
            kind,
            old,
            new,
            text: String::new(),
        };
        r.text = r.line();
        r
    }

    /// The reason in plain words: `antonym: convicted → acquitted`,
    /// `hedge removed: according to police`, `fact added: northern`.
    pub fn line(&self) -> String {
        let what = self.kind.label();
        let side = |v: &[String]| v.join(", ");
        match (self.old.is_empty(), self.new.is_empty()) {
            (false, true) => format!("{what} removed: {}", side(&self.old)),
            (true, false) => format!("{what} added: {}", side(&self.new)),
            _ => format!("{what}: {} → {}", side(&self.old), side(&self.new)),
        }
    }
}

/// Why an entry counts as a changed statement: which values went, which came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    pub kind: ReasonKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub old: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub new: Vec<String>,
    /// The reason in plain words ([`Reason::line`]), for front ends.
    #[serde(default)]
    pub text: String,
}

/// The operation of one step of a word diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WordOpKind {
    Equal,
    Delete,
    Insert,
    Replace,
}

/// One step of a word diff, by byte offsets in both texts. Text is given for
/// the parts that differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordOp {
    pub op: WordOpKind,
    pub old_start: usize,
    pub old_end: usize,
    pub new_start: usize,
    pub new_end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_text: Option<String>,
}

/// One aligned sentence (or group of sentences) of the two versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceChange {
    pub status: SentenceStatus,
    /// Span in the old text; `old_start == old_end` (where it would go) for
    /// an added sentence.
    pub old_start: usize,
    pub old_end: usize,
    /// Span in the new text; `new_start == new_end` for a removed sentence.
    pub new_start: usize,
    pub new_end: usize,
    pub shape: Shape,
    /// Set when the statement also moved to another place.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub moved: bool,
    /// Indices of the extracted old and new sentences covered (half-open
    /// ranges). Long sentences are compared in parts (one entry per part),
    /// so several entries can name the same sentence.
    pub old_sentences: [usize; 2],
    pub new_sentences: [usize; 2],
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Reason>,
    /// The word diff; empty for unchanged, added and removed sentences.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<WordOp>,
}

/// A claim of either version and how it fared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimDiff {
    pub status: ClaimChange,
    /// Indices of the claim in the old and new claim lists (which the store
    /// maps to its claim ids and verdicts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_index: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_index: Option<usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<Claim>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<Claim>,
}

/// Counts of entries by status, for one-line summaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub unchanged: usize,
    pub cosmetic: usize,
    pub reworded: usize,
    pub changed: usize,
    pub added: usize,
    pub removed: usize,
    pub moved: usize,
    pub claims_unchanged: usize,
    pub claims_changed: usize,
    pub claims_added: usize,
    pub claims_removed: usize,
}

/// The comparison of two versions of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub sentences: Vec<SentenceChange>,
    pub claims: Vec<ClaimDiff>,
}

impl Comparison {
    /// Counts by status.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for e in &self.sentences {
            match e.status {
                SentenceStatus::Unchanged => s.unchanged += 1,
                SentenceStatus::Cosmetic => s.cosmetic += 1,
                SentenceStatus::Reworded => s.reworded += 1,
                SentenceStatus::Changed => s.changed += 1,
                SentenceStatus::Added => s.added += 1,
                SentenceStatus::Removed => s.removed += 1,
                SentenceStatus::Moved => s.moved += 1,
            }
        }
        for c in &self.claims {
            match c.status {
                ClaimChange::Unchanged => s.claims_unchanged += 1,
                ClaimChange::Changed => s.claims_changed += 1,
                ClaimChange::Added => s.claims_added += 1,
                ClaimChange::Removed => s.claims_removed += 1,
            }
        }
        s
    }

    /// The entries that need a look: changed, added or removed statements.
    pub fn flagged(&self) -> impl Iterator<Item = &SentenceChange> {
        self.sentences.iter().filter(|e| e.status.is_flagged())
    }
}

impl Summary {
    /// The counts as one line of text.
    pub fn line(&self) -> String {
        format!(
            "{} changed, {} added, {} removed, {} reworded, {} cosmetic, {} moved, {} unchanged sentences; claims: {} changed, {} added, {} removed, {} unchanged",
            self.changed,
            self.added,
            self.removed,
            self.reworded,
            self.cosmetic,
            self.moved,
            self.unchanged,
            self.claims_changed,
            self.claims_added,
            self.claims_removed,
            self.claims_unchanged
        )
    }
}
