//! The claims one rule has made so far, indexed by person.
//!
//! Every person rule refuses a claim it already made of the same person
//! ("a role of X", "a dismissal of X"). Rescanning all earlier claims for
//! that check made long articles quadratic; the index looks only at the
//! earlier claims of that person, in the order they were found.

use crate::model::{Claim, ClaimFields};
use std::collections::HashMap;

#[derive(Default)]
pub(crate) struct Claimed {
    claims: Vec<Claim>,
    /// Person (or speaker) → indexes into `claims`, in order.
    by_person: HashMap<String, Vec<usize>>,
}

/// The person a claim is about (the speaker of a quote; none for a date).
fn person_of(c: &Claim) -> &str {
    match &c.fields {
        ClaimFields::Role { person, .. }
        | ClaimFields::Dismissal { person, .. }
        | ClaimFields::Attendance { person, .. } => person,
        ClaimFields::Quote { speaker, .. } => speaker,
        ClaimFields::Date { .. } => "",
    }
}

impl Claimed {
    pub fn push(&mut self, c: Claim) {
        let at = self.claims.len();
        self.by_person
            .entry(person_of(&c).to_string())
            .or_default()
            .push(at);
        self.claims.push(c);
    }

    /// The claims found so far about `person`, in the order found.
    pub fn of<'a>(&'a self, person: &str) -> impl Iterator<Item = &'a Claim> {
        self.by_person
            .get(person)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.claims.get(i))
    }

    pub fn into_vec(self) -> Vec<Claim> {
        self.claims
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(person: &str, role: &str) -> Claim {
        Claim {
            start: 0,
            end: 1,
            text: String::new(),
            sentence: 0,
            confidence: 1.0,
            fields: ClaimFields::Role {
                person: person.into(),
                role: role.into(),
                org: None,
            },
        }
    }

    #[test]
    fn finds_the_claims_of_one_person_in_order() {
        let mut f = Claimed::default();
        for (p, r) in [
            ("Ana Pel", "mayor"),
            ("Ivo Tarn", "judge"),
            ("Ana Pel", "chair"),
        ] {
            f.push(role(p, r));
        }
        let check = |person: &str, want: &[&str]| {
            let got: Vec<String> = f
                .of(person)
                .map(|c| match &c.fields {
                    ClaimFields::Role { role, .. } => role.clone(),
                    _ => String::new(),
                })
                .collect();
            assert_eq!(got, want, "{person}");
        };
        check("Ana Pel", &["mayor", "chair"]);
        check("Ivo Tarn", &["judge"]);
        check("Nobody", &[]);
        assert_eq!(f.into_vec().len(), 3);
    }
}
