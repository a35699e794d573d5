//! The domain model shared by every part of Claimdesk: sentences, claims and
//! their kind-specific fields, review statuses.
//!
//! These types are what extraction produces, what the store keeps, what the
//! revision comparison aligns and what reports print. Their JSON form is the
//! claims contract (`shared/eval/CLAIMS-JSON.md`): a claim serializes as one
//! flat object, `{"kind": "date", "start": .., "end": .., "text": ..,
//! "sentence": .., "value": .., "timex_type": ..}`.
//!
//! [`timevalue`] types the TimeML values that date claims carry.

pub mod timevalue;

pub use timevalue::{Placement, Precision, TimeValue, TimeValueError};

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A sentence of an article, by byte offsets into its plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// The five kinds of checkable claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Date,
    Role,
    Dismissal,
    Attendance,
    Quote,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 5] = [
        ClaimKind::Date,
        ClaimKind::Role,
        ClaimKind::Dismissal,
        ClaimKind::Attendance,
        ClaimKind::Quote,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Date => "date",
            ClaimKind::Role => "role",
            ClaimKind::Dismissal => "dismissal",
            ClaimKind::Attendance => "attendance",
            ClaimKind::Quote => "quote",
        }
    }
}

impl fmt::Display for ClaimKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown name given where a kind or status was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {value:?}; expected one of: {expected}")]
pub struct UnknownName {
    pub what: &'static str,
    pub value: String,
    pub expected: String,
}

impl FromStr for ClaimKind {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ClaimKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownName {
                what: "claim kind",
                value: s.to_string(),
                expected: ClaimKind::ALL.map(|k| k.as_str()).join(", "),
            })
    }
}

/// TimeML TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// How a person left a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DismissalHow {
    Dismissed,
    Resigned,
    Suspended,
    Other,
}

impl DismissalHow {
    pub fn as_str(self) -> &'static str {
        match self {
            DismissalHow::Dismissed => "dismissed",
            DismissalHow::Resigned => "resigned",
            DismissalHow::Suspended => "suspended",
            DismissalHow::Other => "other",
        }
    }
}

/// The kind-specific fields of a claim. Serialized with its `kind` tag, and
/// flattened into [`Claim`] so the JSON matches the claims contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum ClaimFields {
    Date {
        /// TimeML value: `2025-11-30`, `2025-W49`, `P3Y`, `XXXX-11-30`, ...
        value: String,
        timex_type: TimexType,
    },
    Role {
        person: String,
        role: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        org: Option<String>,
    },
    Dismissal {
        person: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
        /// TimeML value of when it happened or will happen.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<String>,
        how: DismissalHow,
    },
    Attendance {
        person: String,
        event: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        place: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<String>,
        planned: bool,
    },
    Quote {
        speaker: String,
        quote: String,
    },
}

impl ClaimFields {
    pub fn kind(&self) -> ClaimKind {
        match self {
            ClaimFields::Date { .. } => ClaimKind::Date,
            ClaimFields::Role { .. } => ClaimKind::Role,
            ClaimFields::Dismissal { .. } => ClaimKind::Dismissal,
            ClaimFields::Attendance { .. } => ClaimKind::Attendance,
            ClaimFields::Quote { .. } => ClaimKind::Quote,
        }
    }

    /// The person the claim is about (speaker of a quote), if any.
    pub fn person(&self) -> Option<&str> {
        match self {
            ClaimFields::Date { .. } => None,
            ClaimFields::Role { person, .. }
            | ClaimFields::Dismissal { person, .. }
            | ClaimFields::Attendance { person, .. } => Some(person),
            ClaimFields::Quote { speaker, .. } => Some(speaker),
        }
    }

    /// The fields as ordered `(name, value)` pairs, for display, diffing and
    /// reports. Absent optional fields are left out.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let s = |v: &str| Some(v.to_string());
        let o = |v: &Option<String>| v.clone();
        let all: Vec<(&'static str, Option<String>)> = match self {
            ClaimFields::Date { value, timex_type } => {
                vec![("value", s(value)), ("timex_type", s(timex_type.as_str()))]
            }
            ClaimFields::Role { person, role, org } => {
                vec![("person", s(person)), ("role", s(role)), ("org", o(org))]
            }
            ClaimFields::Dismissal {
                person,
                role,
                by,
                date,
                how,
            } => vec![
                ("person", s(person)),
                ("role", o(role)),
                ("by", o(by)),
                ("date", o(date)),
                ("how", s(how.as_str())),
            ],
            ClaimFields::Attendance {
                person,
                event,
                place,
                date,
                planned,
            } => vec![
                ("person", s(person)),
                ("event", s(event)),
                ("place", o(place)),
                ("date", o(date)),
                ("planned", Some(planned.to_string())),
            ],
            ClaimFields::Quote { speaker, quote } => {
                vec![("speaker", s(speaker)), ("quote", s(quote))]
            }
        };
        all.into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect()
    }
}

/// One checkable claim, tied to its evidence span in the article text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Byte offset of the evidence span's start in the plain text.
    pub start: usize,
    /// Byte offset just past the evidence span.
    pub end: usize,
    /// The evidence span itself (`text[start..end]`).
    pub text: String,
    /// Index of the sentence that holds the span.
    pub sentence: usize,
    /// How sure the extractor is, from 0 to 1.
    pub confidence: f32,
    #[serde(flatten)]
    pub fields: ClaimFields,
}

impl Claim {
    pub fn kind(&self) -> ClaimKind {
        self.fields.kind()
    }

    /// The TimeML value the claim states: a date claim's value of any type
    /// (durations and sets included), or the date of a dismissal or an
    /// attendance.
    pub fn date_value(&self) -> Option<&str> {
        match &self.fields {
            ClaimFields::Date { value, .. } => Some(value),
            ClaimFields::Dismissal { date, .. } | ClaimFields::Attendance { date, .. } => {
                date.as_deref()
            }
            _ => None,
        }
    }

    /// The TimeML value that places the claim in the calendar: its
    /// [`Claim::date_value`], unless that is a duration or a set, which
    /// place nothing.
    pub fn calendar_value(&self) -> Option<&str> {
        match &self.fields {
            ClaimFields::Date {
                timex_type: TimexType::Duration | TimexType::Set,
                ..
            } => None,
            _ => self.date_value(),
        }
    }

    /// A key that stays the same when the same claim appears in a later
    /// revision of the article, even if some of its details changed: the kind
    /// and who it is about, plus what tells two such claims apart. The store
    /// keeps it; the revision comparison aligns claims on it first.
    pub fn stable_key(&self) -> String {
        let norm = word_key;
        match &self.fields {
            ClaimFields::Date { .. } => format!("date|{}", norm(&self.text)),
            ClaimFields::Role { person, role, .. } => {
                format!("role|{}|{}", norm(person), norm(role))
            }
            ClaimFields::Dismissal { person, .. } => format!("dismissal|{}", norm(person)),
            ClaimFields::Attendance { person, event, .. } => {
                format!("attendance|{}|{}", norm(person), norm(event))
            }
            ClaimFields::Quote { speaker, quote } => {
                let head: Vec<String> = norm(quote).split(' ').take(6).map(String::from).collect();
                format!("quote|{}|{}", norm(speaker), head.join(" "))
            }
        }
    }
}

/// A text's words, lowercased and joined by single spaces, with
/// punctuation dropped: "Anyone, we ARE" → "anyone we are". Two values with
/// the same word key state the same thing.
pub fn word_key(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A fact-checker's verdict on a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Unreviewed,
    Verified,
    False,
    Disputed,
    Unverifiable,
    NeedsRecheck,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Unreviewed,
        Status::Verified,
        Status::False,
        Status::Disputed,
        Status::Unverifiable,
        Status::NeedsRecheck,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unreviewed => "unreviewed",
            Status::Verified => "verified",
            Status::False => "false",
            Status::Disputed => "disputed",
            Status::Unverifiable => "unverifiable",
            Status::NeedsRecheck => "needs_recheck",
        }
    }

    /// Human wording ("needs re-check").
    pub fn label(self) -> &'static str {
        match self {
            Status::NeedsRecheck => "needs re-check",
            other => other.as_str(),
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm: String = s
            .trim()
            .chars()
            .map(|c| match c {
                '-' | ' ' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        let norm = if norm == "needs_re_check" {
            "needs_recheck".to_string()
        } else {
            norm
        };
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == norm)
            .ok_or_else(|| UnknownName {
                what: "status",
                value: s.to_string(),
                expected: Status::ALL.map(|k| k.as_str()).join(", "),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_json_is_flat_as_the_contract_says() {
        let c = Claim {
            start: 3,
            end: 9,
            text: "Friday".into(),
            sentence: 0,
            confidence: 0.9,
            fields: ClaimFields::Date {
                value: "2025-11-28".into(),
                timex_type: TimexType::Date,
            },
        };
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(v["kind"], "date");
        assert_eq!(v["value"], "2025-11-28");
        assert_eq!(v["timex_type"], "DATE");
        assert_eq!(v["start"], 3);
        let back: Claim = serde_json::from_value(v).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn optional_fields_are_left_out() {
        let f = ClaimFields::Role {
            person: "Ada Mensah".into(),
            role: "mayor".into(),
            org: None,
        };
        let v = serde_json::to_value(&f).unwrap();
        assert!(v.get("org").is_none());
        assert_eq!(f.pairs().len(), 2);
    }

    #[test]
    fn statuses_parse_in_several_spellings() {
        for (s, want) in [
            ("verified", Status::Verified),
            ("Needs re-check", Status::NeedsRecheck),
            ("needs-recheck", Status::NeedsRecheck),
            ("FALSE", Status::False),
        ] {
            assert_eq!(s.parse::<Status>().unwrap(), want, "{s}");
        }
        assert!("maybe".parse::<Status>().is_err());
        assert_eq!("Quote".parse::<ClaimKind>().unwrap(), ClaimKind::Quote);
    }
}
