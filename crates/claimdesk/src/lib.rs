//! Claimdesk's core library: everything the desktop app and the `claimdesk`
//! command line share. It does no UI and knows nothing of Tauri.
//!
//! - [`model`]: sentences, claims, statuses (the shared vocabulary).
//! - [`extract`]: plain text in, sentences and claims out (pure).
//! - [`report`]: claim reports (Markdown, HTML, CSV, JSON, ClaimReview).

pub mod archive;
pub mod compare;
pub mod extract;
pub mod hash;
pub mod lexical;
pub mod load;
pub mod model;
pub mod report;
pub mod store;

pub use extract::{Extraction, extract};
pub use model::{
    Claim, ClaimFields, ClaimKind, DismissalHow, Precision, Sentence, Status, TimeValue, TimexType,
};
