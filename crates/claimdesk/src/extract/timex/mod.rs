//! Temporal expressions (TimeML TIMEX3): extents, types and normalized
//! values, resolved against the article's dateline or publication date.
//!
//! Placeholder: finds nothing yet; the date recognizer replaces it.

use crate::model::TimexType;
use chrono::NaiveDate;

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    /// TimeML value (`2025-11-28`, `2025-W49`, `P3Y`, `XXXX-11-28`, ...).
    pub value: String,
    pub timex_type: TimexType,
    pub confidence: f32,
}

/// The temporal expressions of `text`, in order.
pub fn find(_text: &str, _published: Option<NaiveDate>) -> Vec<Timex> {
    Vec::new()
}
