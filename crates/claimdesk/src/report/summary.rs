//! The report summary — claims counted by kind and by status, and what
//! changed since the previous revision — derived from a [`ReportInput`] so it
//! always agrees with the claims the report lists.

use super::input::ReportInput;
use super::words::plural;
use crate::compare::ClaimChange;
use crate::model::{ClaimKind, Status};
use serde::Serialize;

/// Counts for the report header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub total: usize,
    /// Every kind, in [`ClaimKind::ALL`] order, zero counts included.
    pub by_kind: Vec<KindCount>,
    /// Every status, in [`Status::ALL`] order, zero counts included.
    pub by_status: Vec<StatusCount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<ChangeCounts>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct KindCount {
    pub kind: ClaimKind,
    pub count: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StatusCount {
    pub status: Status,
    pub count: usize,
}

/// Claims added, changed, unchanged and removed since `previous_revision`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ChangeCounts {
    pub previous_revision: u32,
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub removed: usize,
}

impl Summary {
    pub fn of(input: &ReportInput) -> Summary {
        let by_kind = ClaimKind::ALL
            .into_iter()
            .map(|kind| KindCount {
                kind,
                count: input
                    .claims
                    .iter()
                    .filter(|e| e.claim.kind() == kind)
                    .count(),
            })
            .collect();
        let by_status = Status::ALL
            .into_iter()
            .map(|status| StatusCount {
                status,
                count: input
                    .claims
                    .iter()
                    .filter(|e| e.review.status == status)
                    .count(),
            })
            .collect();
        let changes = input.previous.as_ref().map(|p| {
            let n = |c: ClaimChange| {
                input
                    .claims
                    .iter()
                    .filter(|e| e.change.as_ref().map(|d| d.change) == Some(c))
                    .count()
            };
            ChangeCounts {
                previous_revision: p.revision,
                added: n(ClaimChange::Added),
                changed: n(ClaimChange::Changed),
                unchanged: n(ClaimChange::Unchanged),
                removed: p.removed.len(),
            }
        });
        Summary {
            total: input.claims.len(),
            by_kind,
            by_status,
            changes,
        }
    }

    /// "3 date, 1 quote" — nonzero kinds only; "none" when empty.
    pub fn kinds_line(&self) -> String {
        let parts: Vec<String> = self
            .by_kind
            .iter()
            .filter(|k| k.count > 0)
            .map(|k| format!("{} {}", k.count, k.kind.as_str()))
            .collect();
        if parts.is_empty() {
            "none".into()
        } else {
            parts.join(", ")
        }
    }

    /// "2 verified, 1 needs re-check" — nonzero statuses only.
    pub fn statuses_line(&self) -> String {
        let parts: Vec<String> = self
            .by_status
            .iter()
            .filter(|s| s.count > 0)
            .map(|s| format!("{} {}", s.count, s.status.label()))
            .collect();
        if parts.is_empty() {
            "none".into()
        } else {
            parts.join(", ")
        }
    }
}

impl ChangeCounts {
    /// "Since revision 1: 1 claim added, 2 changed, 1 removed, 3 unchanged."
    pub fn line(&self) -> String {
        format!(
            "Since revision {}: {} added, {} changed, {} removed, {} unchanged.",
            self.previous_revision,
            plural(self.added, "claim"),
            self.changed,
            self.removed,
            self.unchanged
        )
    }
}
