//! Claims, verdicts and changes in words, shared by every human-readable
//! format so Markdown, HTML and CSV say the same thing the same way.

use super::input::{ClaimDelta, Review};
use super::timeml;
use crate::compare::{ClaimChange, FieldChange};
use crate::model::{Claim, ClaimFields, ClaimKind, DismissalHow, Status};
use chrono::{DateTime, Utc};

/// "Date", "Role", ... for headings.
pub fn kind_title(k: ClaimKind) -> &'static str {
    match k {
        ClaimKind::Date => "Date",
        ClaimKind::Role => "Role",
        ClaimKind::Dismissal => "Dismissal",
        ClaimKind::Attendance => "Attendance",
        ClaimKind::Quote => "Quote",
    }
}

/// "Verified", "Needs re-check", ... for badges.
pub fn status_title(s: Status) -> String {
    let l = s.label();
    let mut c = l.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// What the claim says, normalized, in one line: a date claim reads
/// `Friday → Fri 28 Nov 2025`, a dismissal `Ada Mensah was dismissed as
/// finance minister by the president, on Fri 28 Nov 2025`.
pub fn claim_reading(c: &Claim) -> String {
    match &c.fields {
        ClaimFields::Date { value, timex_type } => {
            format!("{} → {}", c.text.trim(), timeml::words(value, *timex_type))
        }
        ClaimFields::Role { person, role, org } => match org {
            Some(o) => format!("{person} — {role}, {o}"),
            None => format!("{person} — {role}"),
        },
        ClaimFields::Dismissal {
            person,
            role,
            by,
            date,
            how,
        } => {
            let verb = match how {
                DismissalHow::Dismissed => "was dismissed",
                DismissalHow::Resigned => "resigned",
                DismissalHow::Suspended => "was suspended",
                DismissalHow::Other => "left",
            };
            let mut s = format!("{person} {verb}");
            if let Some(r) = role {
                let joint = if *how == DismissalHow::Other {
                    " the post of "
                } else {
                    " as "
                };
                s.push_str(joint);
                s.push_str(r);
            }
            if let Some(b) = by {
                s.push_str(" by ");
                s.push_str(b);
            }
            if let Some(d) = date {
                s.push_str(", on ");
                s.push_str(&timeml::date_words(d));
            }
            s
        }
        ClaimFields::Attendance {
            person,
            event,
            place,
            date,
            planned,
        } => {
            let verb = if *planned { "is to attend" } else { "attended" };
            let mut s = format!("{person} {verb} {event}");
            if let Some(p) = place {
                s.push_str(" in ");
                s.push_str(p);
            }
            if let Some(d) = date {
                s.push_str(", on ");
                s.push_str(&timeml::date_words(d));
            }
            s
        }
        ClaimFields::Quote { speaker, quote } => format!("{speaker} said: “{quote}”"),
    }
}

/// The normalized fields as `name: value` pairs, date values followed by
/// their reading.
pub fn field_lines(c: &Claim) -> Vec<(&'static str, String)> {
    c.fields
        .pairs()
        .into_iter()
        .map(|(k, v)| {
            let shown = match k {
                "date" => format!("{v} ({})", timeml::date_words(&v)),
                _ => v,
            };
            (k, shown)
        })
        .collect()
}

/// "2025-11-28 → 2025-11-29", "(none) → Harbour Council".
pub fn field_change(f: &FieldChange) -> String {
    let side = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".to_string());
    format!("{}: {} → {}", f.field, side(&f.old), side(&f.new))
}

/// How a claim fared since revision `prev`, in one line.
pub fn change_line(d: &ClaimDelta, prev: Option<u32>) -> String {
    let since = prev
        .map(|p| format!(" since revision {p}"))
        .unwrap_or_default();
    match d.change {
        ClaimChange::Unchanged => format!("unchanged{since}"),
        ClaimChange::Added => format!("new{since}"),
        ClaimChange::Removed => format!("removed{since}"),
        ClaimChange::Changed => {
            let f: Vec<String> = d.fields.iter().map(field_change).collect();
            if f.is_empty() {
                format!("changed{since}")
            } else {
                format!("changed{since}: {}", f.join("; "))
            }
        }
    }
}

/// "added", "changed", ... for badges.
pub fn change_title(c: ClaimChange) -> &'static str {
    match c {
        ClaimChange::Unchanged => "Unchanged",
        ClaimChange::Changed => "Changed",
        ClaimChange::Added => "New",
        ClaimChange::Removed => "Removed",
    }
}

/// "Fri 28 Nov 2025, 14:05 UTC".
pub fn when(t: DateTime<Utc>) -> String {
    t.format("%a %-d %b %Y, %H:%M UTC").to_string()
}

/// `2025-11-28T14:05:00Z`, for machine-friendly columns.
pub fn when_iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// "Verified by A. Okafor on Fri 28 Nov 2025, 14:05 UTC" and the like.
pub fn review_byline(r: &Review) -> String {
    let mut s = status_title(r.status);
    if let Some(who) = &r.reviewer {
        s.push_str(" by ");
        s.push_str(who);
    }
    if let Some(t) = r.reviewed_at {
        s.push_str(" on ");
        s.push_str(&when(t));
    }
    if let Some(n) = r.revision {
        s.push_str(&format!(" (revision {n})"));
    }
    s
}

/// `n` things, singular or plural: `plural(1, "claim")` is "1 claim".
pub fn plural(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TimexType;

    fn claim(text: &str, fields: ClaimFields) -> Claim {
        Claim {
            start: 0,
            end: text.len(),
            text: text.into(),
            sentence: 0,
            confidence: 1.0,
            fields,
        }
    }

    fn check(c: Claim, expected: &str) {
        assert_eq!(claim_reading(&c), expected);
    }

    #[test]
    fn claims_read_as_sentences() {
        check(
            claim(
                "Friday",
                ClaimFields::Date {
                    value: "2025-11-28".into(),
                    timex_type: TimexType::Date,
                },
            ),
            "Friday → Fri 28 Nov 2025",
        );
        check(
            claim(
                "fired",
                ClaimFields::Dismissal {
                    person: "Tomas Reyes".into(),
                    role: Some("port director".into()),
                    by: Some("the board".into()),
                    date: Some("2025-11-27".into()),
                    how: DismissalHow::Dismissed,
                },
            ),
            "Tomas Reyes was dismissed as port director by the board, on Thu 27 Nov 2025",
        );
        check(
            claim(
                "will attend",
                ClaimFields::Attendance {
                    person: "Lena Ortiz".into(),
                    event: "the water summit".into(),
                    place: Some("Valparaíso".into()),
                    date: None,
                    planned: true,
                },
            ),
            "Lena Ortiz is to attend the water summit in Valparaíso",
        );
        check(
            claim(
                "mayor",
                ClaimFields::Role {
                    person: "Ada Mensah".into(),
                    role: "mayor".into(),
                    org: None,
                },
            ),
            "Ada Mensah — mayor",
        );
    }

    #[test]
    fn changes_read_as_sentences() {
        let d = ClaimDelta {
            change: ClaimChange::Changed,
            fields: vec![FieldChange {
                field: "value".into(),
                old: Some("2025-11-28".into()),
                new: Some("2025-11-29".into()),
            }],
        };
        assert_eq!(
            change_line(&d, Some(2)),
            "changed since revision 2: value: 2025-11-28 → 2025-11-29"
        );
        assert_eq!(status_title(Status::NeedsRecheck), "Needs re-check");
    }
}

/// Conflicting verdicts in one line: "Verified (alice) · False (bob)".
pub fn conflicting(list: &[Review]) -> String {
    list.iter()
        .map(|r| match &r.reviewer {
            Some(w) => format!("{} ({w})", status_title(r.status)),
            None => status_title(r.status).to_string(),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod conflicting_tests {
    use super::*;

    #[test]
    fn conflicting_verdicts_in_one_line() {
        let r = |status, who: Option<&str>| Review {
            status,
            reviewer: who.map(String::from),
            ..Review::unreviewed()
        };
        let check = |list: &[Review], want: &str| assert_eq!(conflicting(list), want);
        check(
            &[
                r(Status::Verified, Some("alice")),
                r(Status::False, Some("bob")),
            ],
            "Verified (alice) · False (bob)",
        );
        check(&[r(Status::Disputed, None)], "Disputed");
        check(&[], "");
    }
}
