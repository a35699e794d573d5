//! When two claims about the same person state the same fact: the
//! structured key of "checked before?". The same kind, and agreeing role,
//! event, place or date (dates agree when their intervals meet, so a month
//! agrees with a day in it; a missing detail agrees with any).

use super::posts::{org_key, post};
use super::quotes;
use super::rules::interval;
use crate::model::{ClaimFields, word_key};

fn dates_agree(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => match (interval(x), interval(y)) {
            (Some(p), Some(q)) => p.0 <= q.1 && q.0 <= p.1,
            _ => word_key(x) == word_key(y),
        },
        _ => true,
    }
}

fn agree<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// How well `b` states the fact `a` states, for two claims about the same
/// person: `None` when they state different facts, 1.0 when every detail
/// is the same, less when details are only compatible (one missing, or a
/// date of another precision).
pub fn same_fact(a: &ClaimFields, b: &ClaimFields) -> Option<f64> {
    let exact = word_key(&serde_json::to_string(a).unwrap_or_default())
        == word_key(&serde_json::to_string(b).unwrap_or_default());
    let same = match (a, b) {
        (
            ClaimFields::Role {
                role: r1, org: o1, ..
            },
            ClaimFields::Role {
                role: r2, org: o2, ..
            },
        ) => post(r1) == post(r2) && agree(o1.as_deref().map(org_key), o2.as_deref().map(org_key)),
        (
            ClaimFields::Dismissal {
                role: r1,
                date: d1,
                how: h1,
                ..
            },
            ClaimFields::Dismissal {
                role: r2,
                date: d2,
                how: h2,
                ..
            },
        ) => {
            h1 == h2
                && agree(
                    r1.as_deref().map(|r| post(r).title),
                    r2.as_deref().map(|r| post(r).title),
                )
                && dates_agree(d1, d2)
        }
        (
            ClaimFields::Attendance {
                event: e1,
                place: p1,
                date: d1,
                ..
            },
            ClaimFields::Attendance {
                event: e2,
                place: p2,
                date: d2,
                ..
            },
        ) => {
            word_key(e1) == word_key(e2)
                && agree(p1.as_deref().map(word_key), p2.as_deref().map(word_key))
                && dates_agree(d1, d2)
        }
        (ClaimFields::Quote { quote: q1, .. }, ClaimFields::Quote { quote: q2, .. }) => {
            quotes::same_quote(&quotes::words(q1), &quotes::words(q2))
        }
        _ => false,
    };
    same.then_some(if exact { 1.0 } else { 0.9 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(role: &str, org: Option<&str>) -> ClaimFields {
        ClaimFields::Role {
            person: "Jane Doe".into(),
            role: role.into(),
            org: org.map(String::from),
        }
    }

    fn att(event: &str, date: Option<&str>) -> ClaimFields {
        ClaimFields::Attendance {
            person: "Jane Doe".into(),
            event: event.into(),
            place: None,
            date: date.map(String::from),
            planned: false,
        }
    }

    fn check(a: ClaimFields, b: ClaimFields, expected: Option<f64>) {
        assert_eq!(same_fact(&a, &b), expected, "{a:?} / {b:?}");
    }

    #[test]
    fn facts() {
        for (a, b, want) in [
            (
                role("chair", Some("Acme")),
                role("chair", Some("Acme")),
                Some(1.0),
            ),
            (
                role("chairman", Some("Acme")),
                role("chair", None),
                Some(0.9),
            ),
            (
                role("chair", Some("Acme")),
                role("chair", Some("Globex")),
                None,
            ),
            (
                role("former chair", Some("Acme")),
                role("chair", Some("Acme")),
                None,
            ),
            (
                att("Lisbon summit", Some("2021-03")),
                att("Lisbon summit", Some("2021-03-15")),
                Some(0.9),
            ),
            (
                att("Lisbon summit", Some("2021-03")),
                att("Lisbon summit", Some("2021-05-15")),
                None,
            ),
            (att("Lisbon summit", None), role("chair", None), None),
        ] {
            check(a, b, want);
        }
    }
}
