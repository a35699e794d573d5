//! Claim extraction: plain text in, sentences and checkable claims out.
//!
//! Pure functions, no I/O. The pipeline runs one way: segmentation
//! (`segment`), temporal expressions (`timex`), people (`mentions`,
//! `coref`), the analysed article (`context`, with the place `gazetteer`),
//! the shared indexes (`role::index_pass`), then the claim rules registered
//! in `rules::RULES` (`role`, `dismissal`, `attendance`, `quote`), each
//! reading `&Ctx`. Word lists and triggers are data (`lexicon`,
//! `data/lexicon/`). `extract` is the one
//! entry point the store, the CLI and the revision comparison call, so
//! stored claims are exactly the ones `claimdesk extract` prints.

mod attendance;
mod claimed;
mod context;
pub mod coref;
mod dismissal;
pub mod gazetteer;
pub mod lexicon;
pub mod mentions;
mod quote;
mod role;
mod rules;
pub mod segment;
pub mod timex;

use crate::model::{Claim, Sentence};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What extraction found in one text. Serializes as the claims JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// The publication date the text was read against, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    pub sentences: Vec<Sentence>,
    pub claims: Vec<Claim>,
}

/// Extracts the sentences and claims of `text`, resolving relative dates
/// against the article's dateline or else `published`.
pub fn extract(text: &str, published: Option<NaiveDate>) -> Extraction {
    // Analysis: segmentation, mentions, coreference, dates.
    let timexes = timex::find(text, published);
    let mut ctx = context::Ctx::new(text, published, timexes);
    // Shared indexes, built before any rule runs.
    role::index_pass(&mut ctx);
    let sentences = ctx.doc.sentences();
    let mut claims: Vec<Claim> = rules::RULES.iter().flat_map(|r| r.find(&ctx)).collect();
    claims.sort_by_key(|c| (c.start, c.end));
    Extraction {
        published,
        sentences,
        claims,
    }
}

/// Index of the sentence that holds byte offset `at` (the last one starting
/// at or before it).
pub fn sentence_of(sentences: &[Sentence], at: usize) -> usize {
    sentences
        .partition_point(|s| s.start <= at)
        .saturating_sub(1)
}

fn sentence_of_segs(segs: &[segment::Seg], at: usize) -> usize {
    segs.partition_point(|s| s.start <= at).saturating_sub(1)
}
