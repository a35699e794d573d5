//! Across the archive: what ties claims of different articles together.
//! Pure functions over claims; the store gathers the claims and keeps the
//! decisions (see `store::people`, `store::matches`, `store::conflicts`).
//!
//! - [`names`]: one key per person name (case, accents, honorifics,
//!   particles, transliteration variants), and when two keys may be one
//!   person.
//! - [`posts`]: role titles normalised (synonyms, "former"), one-holder
//!   posts and appointment wording, from `data/archive/`.
//! - [`quotes`]: when two quotes are the same quote.
//! - [`rules`]: the contradiction rules over facts about people.
//! - [`same_fact`]: when two claims state the same fact (a "match").

pub mod names;
pub mod posts;
pub mod quotes;
pub mod rules;
pub mod same_fact;

pub use names::person_key;
pub use rules::{Conflict, Fact, Rule, find_conflicts};
