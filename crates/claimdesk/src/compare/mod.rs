//! Revision comparison: aligns two versions of an article, sentence by
//! sentence and claim by claim, and says what changed, so editors see which
//! statements changed and fact-checkers which verdicts still hold.
//!
//! - [`tokens`]: words and punctuation with byte offsets, matching keys;
//! - [`units`]: comparison units (sentences, cut at inner sentence ends);
//! - [`align`]: sentence alignment (exact anchors, fuzzy gaps, splits,
//!   merges, moves); [`far`]: merges and splits with sentences that are
//!   not neighbours;
//! - [`words`]: word diffs of aligned sentences (`similar`);
//! - [`classify`]: cosmetic / reworded / changed, and why;
//! - [`claims`]: claim alignment across revisions ([`align_claims`]);
//! - [`engine`]: puts them together ([`compare`], [`compare_extracted`]);
//! - [`output`]: what a comparison reports (serializes as `claimdesk diff`
//!   JSON); [`runs`]: an entry's word diff as text runs with their spaces;
//!   [`render`]: the same as readable text.

mod align;
mod claims;
mod classify;
mod engine;
mod facts;
mod far;
pub mod output;
pub mod render;
mod runs;
mod tokens;
mod units;
mod words;

pub use claims::{ClaimAlignment, ClaimChange, FieldChange, align_claims, field_changes};
pub use engine::{compare, compare_extracted};
pub use output::{
    ClaimDiff, Comparison, Reason, ReasonKind, SentenceChange, SentenceStatus, Shape, Summary,
    WordOp, WordOpKind,
};
pub use runs::{RunKind, WordRun, runs};
