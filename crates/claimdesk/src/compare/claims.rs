//! Claim alignment across revisions: which claim of the old version is
//! which claim of the new one, and which of its fields changed.
//!
//! Claims are paired in passes, each only among claims still unpaired:
//! 1. the same fields and the same evidence text (unchanged);
//! 2. the same [`Claim::stable_key`] (same kind, same person, ...);
//! 3. the same kind in the same place: claims of aligned sentences when the
//!    caller knows the sentence alignment, otherwise claims lying between
//!    the same two already-paired claims. A date that went from Friday to
//!    Saturday in the same sentence is one changed claim, not a removed and
//!    an added one.
//!
//! The store carries verdicts over with [`align_claims`]: an unchanged
//! claim keeps its review, a changed one needs a re-check.

use crate::model::{Claim, timevalue};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How a claim fared between two revisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimChange {
    Unchanged,
    Changed,
    Added,
    Removed,
}

impl ClaimChange {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimChange::Unchanged => "unchanged",
            ClaimChange::Changed => "changed",
            ClaimChange::Added => "added",
            ClaimChange::Removed => "removed",
        }
    }
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
/// exactly once: old claims in order (paired or removed), then the added
/// new ones in order.
pub fn align_claims(old: &[Claim], new: &[Claim]) -> Vec<ClaimAlignment> {
    let mut pairing = Pairing::new(old.len(), new.len());
    pairing.by_identity(old, new, &|_, _| true);
    // Regions: the gaps between already paired claims, in reading order.
    let mut anchors: Vec<(usize, usize)> = pairing
        .old_to_new
        .iter()
        .enumerate()
        .filter_map(|(i, j)| j.map(|j| (i, j)))
        .collect();
    anchors.sort_unstable();
    let old_region: Vec<usize> = (0..old.len())
        .map(|i| anchors.partition_point(|&(a, _)| a < i))
        .collect();
    let mut new_anchors: Vec<usize> = anchors.iter().map(|&(_, j)| j).collect();
    new_anchors.sort_unstable();
    let new_region: Vec<usize> = (0..new.len())
        .map(|j| new_anchors.partition_point(|&b| b < j))
        .collect();
    pairing.by_place(old, new, &old_region, &new_region);
    pairing.finish(old, new)
}

/// Pairs claims knowing where they stand: `old_region[i] == new_region[j]`
/// when old claim `i` and new claim `j` lie in aligned sentences.
pub(crate) fn align_claims_in(
    old: &[Claim],
    new: &[Claim],
    old_region: &[usize],
    new_region: &[usize],
) -> Vec<ClaimAlignment> {
    let mut pairing = Pairing::new(old.len(), new.len());
    let same_place = |i: usize, j: usize| old_region.get(i) == new_region.get(j);
    pairing.by_identity(old, new, &same_place);
    pairing.by_identity(old, new, &|_, _| true);
    pairing.by_place(old, new, old_region, new_region);
    pairing.finish(old, new)
}

/// The claims paired so far.
struct Pairing {
    old_to_new: Vec<Option<usize>>,
    new_used: Vec<bool>,
}

/// Positions of each value in a list.
fn index<K: std::hash::Hash + Eq>(values: impl Iterator<Item = K>) -> HashMap<K, Vec<usize>> {
    let mut map: HashMap<K, Vec<usize>> = HashMap::new();
    for (j, v) in values.enumerate() {
        map.entry(v).or_default().push(j);
    }
    map
}

use crate::model::word_key as norm;

impl Pairing {
    fn new(old: usize, new: usize) -> Pairing {
        Pairing {
            old_to_new: vec![None; old],
            new_used: vec![false; new],
        }
    }

    /// Pairs `i` with the free candidate `j` nearest in rank that `fits`.
    fn pair_first(&mut self, i: usize, candidates: &[usize], fits: impl Fn(usize) -> bool) {
        let best = candidates
            .iter()
            .copied()
            .filter(|&j| !self.new_used.get(j).copied().unwrap_or(true) && fits(j))
            .min_by_key(|&j| j.abs_diff(i));
        if let Some(j) = best {
            self.new_used[j] = true;
            self.old_to_new[i] = Some(j);
        }
    }

    /// Passes 1 and 2: same fields and text, then same stable key; only
    /// among pairs that `allowed` lets through. Candidates come from hash
    /// tables, so the passes stay linear in the number of claims.
    fn by_identity(
        &mut self,
        old: &[Claim],
        new: &[Claim],
        allowed: &dyn Fn(usize, usize) -> bool,
    ) {
        let by_text = index(new.iter().map(|c| norm(&c.text)));
        for (i, o) in old.iter().enumerate() {
            if self.old_to_new[i].is_none()
                && let Some(cands) = by_text.get(&norm(&o.text))
            {
                self.pair_first(i, cands, |j| allowed(i, j) && new[j].fields == o.fields);
            }
        }
        let by_key = index(new.iter().map(Claim::stable_key));
        for (i, o) in old.iter().enumerate() {
            if self.old_to_new[i].is_none()
                && let Some(cands) = by_key.get(&o.stable_key())
            {
                self.pair_first(i, cands, |j| allowed(i, j));
            }
        }
    }

    /// Pass 3: same kind in the same region, best by equal fields.
    fn by_place(
        &mut self,
        old: &[Claim],
        new: &[Claim],
        old_region: &[usize],
        new_region: &[usize],
    ) {
        let by_region = index(
            new.iter()
                .enumerate()
                .map(|(j, c)| (new_region.get(j).copied(), c.kind())),
        );
        for (i, o) in old.iter().enumerate() {
            if self.old_to_new[i].is_some() {
                continue;
            }
            let Some(cands) = by_region.get(&(old_region.get(i).copied(), o.kind())) else {
                continue;
            };
            if old_region.get(i).is_none() {
                continue;
            }
            let pairs = o.fields.pairs();
            let best = cands
                .iter()
                .copied()
                .filter(|&j| !self.new_used[j])
                .max_by_key(|&j| {
                    let same = new[j]
                        .fields
                        .pairs()
                        .iter()
                        .filter(|p| pairs.contains(p))
                        .count();
                    (same, std::cmp::Reverse(j.abs_diff(i)))
                });
            if let Some(j) = best {
                self.new_used[j] = true;
                self.old_to_new[i] = Some(j);
            }
        }
    }

    fn finish(self, old: &[Claim], new: &[Claim]) -> Vec<ClaimAlignment> {
        let mut out = Vec::with_capacity(old.len() + new.len());
        for (i, j) in self.old_to_new.iter().enumerate() {
            out.push(match (*j, old.get(i)) {
                (Some(j), Some(o)) if j < new.len() => {
                    let fields = field_changes(o, &new[j]);
                    ClaimAlignment {
                        status: if fields.is_empty() {
                            ClaimChange::Unchanged
                        } else {
                            ClaimChange::Changed
                        },
                        old: Some(i),
                        new: Some(j),
                        fields,
                    }
                }
                _ => ClaimAlignment {
                    status: ClaimChange::Removed,
                    old: Some(i),
                    new: None,
                    fields: Vec::new(),
                },
            });
        }
        for (j, used) in self.new_used.iter().enumerate() {
            if !used {
                out.push(ClaimAlignment {
                    status: ClaimChange::Added,
                    old: None,
                    new: Some(j),
                    fields: Vec::new(),
                });
            }
        }
        out
    }
}

/// The fields that differ between two claims (of the same kind, usually).
/// Values that differ only in punctuation, case or spacing are the same
/// fact (a role's "chief of staff" / "Chief of Staff"): a verdict on the
/// claim still holds, so they are no change. A quotation is exact: any
/// change of its words or punctuation ("anyone, we are" → "anyone; we
/// are") changes the claim, only spacing does not.
pub fn field_changes(old: &Claim, new: &Claim) -> Vec<FieldChange> {
    let a = old.fields.pairs();
    let b = new.fields.pairs();
    let mut names: Vec<&str> = Vec::new();
    if old.kind() != new.kind() {
        names.push("kind");
    }
    for (k, _) in a.iter().chain(&b) {
        if !names.contains(k) {
            names.push(k);
        }
    }
    names
        .into_iter()
        .filter_map(|k| {
            let get = |v: &[(&str, String)], c: &Claim| {
                if k == "kind" {
                    Some(c.kind().as_str().to_string())
                } else {
                    v.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone())
                }
            };
            let (o, n) = (get(&a, old), get(&b, new));
            let same = match (&o, &n) {
                (Some(x), Some(y)) if k == "quote" => x.split_whitespace().eq(y.split_whitespace()),
                // TimeML values: the same stretch of calendar however written.
                (Some(x), Some(y)) if matches!(k, "value" | "date") => {
                    norm(x) == norm(y) || timevalue::same_value(x, y)
                }
                (Some(x), Some(y)) => norm(x) == norm(y) || acronym_of(x, y) || acronym_of(y, x),
                (x, y) => x == y,
            };
            (!same).then(|| FieldChange {
                field: k.to_string(),
                old: o,
                new: n,
            })
        })
        .collect()
}

/// Whether `short` is the acronym of `long`: its capitals are the initials
/// of `long`'s words, function words left out or not (`VC` / `Venture
/// Capitalist`, `CEO` / `chief executive officer`, `MoD` / `Ministry of
/// Defence`). The same organisation or title, written short.
fn acronym_of(short: &str, long: &str) -> bool {
    let letters: String = short.chars().filter(|c| c.is_alphabetic()).collect();
    let caps: String = letters.chars().filter(|c| c.is_uppercase()).collect();
    if caps.chars().count() < 2 || short.split_whitespace().count() != 1 {
        return false;
    }
    let words: Vec<&str> = long
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 {
        return false;
    }
    let initials = |skip_function_words: bool| -> String {
        words
            .iter()
            .filter(|w| !skip_function_words || !super::classify::is_stop(&norm(w)))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect()
    };
    initials(false) == caps || initials(true) == caps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimFields, TimexType};

    #[test]
    fn acronyms_name_the_same_thing() {
        for (short, long, want) in [
            ("VC", "Venture Capitalist", true),
            ("CEO", "chief executive officer", true),
            ("MoD", "Ministry of Defence", true),
            ("NFL", "National Football League", true),
            ("FBI", "Federal Reserve Bank", false),
            ("UN", "United", false),
            ("Mayor", "Mayor of Ostvik", false),
        ] {
            assert_eq!(acronym_of(short, long), want, "{short} / {long}");
        }
    }

    fn date(text: &str, value: &str, start: usize) -> Claim {
        Claim {
            start,
            end: start + text.len(),
            text: text.into(),
            sentence: 0,
            confidence: 0.9,
            fields: ClaimFields::Date {
                value: value.into(),
                timex_type: TimexType::Date,
            },
        }
    }

    fn role(person: &str, role: &str, start: usize) -> Claim {
        Claim {
            start,
            end: start + 10,
            text: format!("{person}, {role}"),
            sentence: 0,
            confidence: 0.9,
            fields: ClaimFields::Role {
                person: person.into(),
                role: role.into(),
                org: None,
            },
        }
    }

    type Field<'a> = (&'a str, Option<&'a str>, Option<&'a str>);
    type Row<'a> = (ClaimChange, Option<usize>, Option<usize>, &'a [Field<'a>]);

    fn check(old: &[Claim], new: &[Claim], want: &[Row]) {
        let got = align_claims(old, new);
        assert_eq!(got.len(), want.len(), "{got:?}");
        for (g, w) in got.iter().zip(want) {
            let fields: Vec<Field> = g
                .fields
                .iter()
                .map(|f| (f.field.as_str(), f.old.as_deref(), f.new.as_deref()))
                .collect();
            assert_eq!((g.status, g.old, g.new, fields.as_slice()), *w);
        }
    }

    #[test]
    fn identical_claims_are_unchanged() {
        let c = [
            date("Friday", "2025-11-28", 10),
            role("Ada Mensah", "mayor", 40),
        ];
        check(
            &c,
            &c,
            &[
                (ClaimChange::Unchanged, Some(0), Some(0), &[]),
                (ClaimChange::Unchanged, Some(1), Some(1), &[]),
            ],
        );
    }

    #[test]
    fn a_date_between_the_same_neighbours_changed() {
        let old = [
            role("Ada Mensah", "mayor", 0),
            date("Friday", "2025-11-28", 30),
            role("Kofi Boateng", "judge", 60),
        ];
        let new = [
            role("Ada Mensah", "mayor", 0),
            date("Saturday", "2025-11-29", 30),
            role("Kofi Boateng", "judge", 62),
        ];
        check(
            &old,
            &new,
            &[
                (ClaimChange::Unchanged, Some(0), Some(0), &[]),
                (
                    ClaimChange::Changed,
                    Some(1),
                    Some(1),
                    &[("value", Some("2025-11-28"), Some("2025-11-29"))],
                ),
                (ClaimChange::Unchanged, Some(2), Some(2), &[]),
            ],
        );
    }

    #[test]
    fn a_quote_is_exact_to_the_punctuation() {
        let quote = |q: &str| Claim {
            start: 0,
            end: q.len(),
            text: q.to_string(),
            sentence: 0,
            confidence: 0.9,
            fields: ClaimFields::Quote {
                speaker: "Ada Mensah".into(),
                quote: q.into(),
            },
        };
        let old = [quote("We will rebuild, and we will pay")];
        check(
            &old,
            &[quote("We will  rebuild, and we will pay")],
            &[(ClaimChange::Unchanged, Some(0), Some(0), &[])],
        );
        check(
            &old,
            &[quote("We will rebuild; and we will pay")],
            &[(
                ClaimChange::Changed,
                Some(0),
                Some(0),
                &[(
                    "quote",
                    Some("We will rebuild, and we will pay"),
                    Some("We will rebuild; and we will pay"),
                )],
            )],
        );
        check(
            &old,
            &[quote("We will rebuild, and we will not pay")],
            &[(
                ClaimChange::Changed,
                Some(0),
                Some(0),
                &[(
                    "quote",
                    Some("We will rebuild, and we will pay"),
                    Some("We will rebuild, and we will not pay"),
                )],
            )],
        );
    }

    #[test]
    fn a_role_that_gained_a_qualifier_changed() {
        let old = [role("Ada Mensah", "chief of staff", 0)];
        let new = [role("Ada Mensah", "former chief of staff", 0)];
        check(
            &old,
            &new,
            &[(
                ClaimChange::Changed,
                Some(0),
                Some(0),
                &[(
                    "role",
                    Some("chief of staff"),
                    Some("former chief of staff"),
                )],
            )],
        );
    }

    #[test]
    fn added_and_removed_claims() {
        let old = [role("Ada Mensah", "mayor", 0)];
        let new = [date("Monday", "2025-12-01", 5)];
        check(
            &old,
            &new,
            &[
                (ClaimChange::Removed, Some(0), None, &[]),
                (ClaimChange::Added, None, Some(0), &[]),
            ],
        );
        check(&[], &[], &[]);
    }

    #[test]
    fn moved_claims_keep_their_identity() {
        let a = date("Friday", "2025-11-28", 0);
        let b = role("Ada Mensah", "mayor", 20);
        check(
            &[a.clone(), b.clone()],
            &[b, a],
            &[
                (ClaimChange::Unchanged, Some(0), Some(1), &[]),
                (ClaimChange::Unchanged, Some(1), Some(0), &[]),
            ],
        );
    }

    #[test]
    fn date_values_compare_by_the_days_they_name() {
        let fields = |a: &str, b: &str| {
            field_changes(&date("then", a, 0), &date("then", b, 0))
                .into_iter()
                .map(|f| f.field)
                .collect::<Vec<_>>()
        };
        for (old, new, changed) in [
            ("2025-11-28", "2025-11-28", false),
            ("2025-W01-1", "2024-12-30", false),
            ("2026-SU", "2026-SU", false),
            ("2025-11-28", "2025-11-29", true),
            ("2026-H1", "2026-Q1", true),
            ("2026-W12", "2026-W13", true),
        ] {
            let want: &[&str] = if changed { &["value"] } else { &[] };
            assert_eq!(fields(old, new), want, "{old} → {new}");
        }
    }
}
