//! Across the archive, on a test archive of invented articles (every name,
//! place and organisation made up for these tests): each planted
//! contradiction of every rule is found, and no compatible trap is flagged
//! (dates of different precision, a "former" title, a reappointment, a
//! handover, posts with many holders, two people with one surname, a city
//! inside a country, transliteration variants, a surname alone, "ex-" and
//! "future" before a title, a yearly event). Also people, matches, verdict
//! copies, person decisions and dismissals.

use chrono::NaiveDate;
use claimdesk::archive::Rule;
use claimdesk::load::{self, Overrides};
use claimdesk::model::Status;
use claimdesk::store::{
    ArticleId, ClaimFilter, MatchLevel, PersonDecision, ReviewInput, Store, Target,
};
use std::collections::{BTreeMap, BTreeSet};

/// The archive: (publication date, text), added in this order, so the
/// article ids are 1, 2, ...
const ARCHIVE: &[(&str, &str)] = &[
    // 1
    (
        "2021-03-10",
        "Veltrax Corporation chairman Oskar Brandvik said on Wednesday that the company would open a plant in Dorvik. \"We will rebuild every bridge in the valley before the winter comes,\" said Anneli Strom. Norland trade minister Pavo Rintala welcomed the plan.",
    ),
    // 2: another chair of Veltrax two days later; a second trade
    // minister (many holders: no conflict); the quote of 1, a few words
    // changed, given to someone else.
    (
        "2021-03-12",
        "Veltrax Corporation chairwoman Liesel Marrow told shareholders on Friday that the plant would open in May. Norland trade minister Edda Sunvik said the plant was welcome. \"We will rebuild every bridge in this valley before winter comes,\" said Birk Tovesen.",
    ),
    // 3
    (
        "2021-01-05",
        "Tomas Ekhart resigned as chief executive of Brightwell Foods on 4 January 2021. Rolf Annerud resigned as governor of Kestrel Province in March 2019.",
    ),
    // 4: Ekhart still chief executive after resigning; Annerud's
    // departure on a day of the month 3 gives (agrees).
    (
        "2021-06-01",
        "Brightwell Foods chief executive Tomas Ekhart said sales had risen. Rolf Annerud resigned as governor of Kestrel Province on 15 March 2019.",
    ),
    // 5: a "former" title (agrees); Annerud's departure in another month.
    (
        "2021-07-01",
        "Former Brightwell Foods chief executive Tomas Ekhart opened a bakery on Tuesday. Rolf Annerud resigned as governor of Kestrel Province in May 2019.",
    ),
    // 6: also the next year's summit (a year apart: another summit).
    (
        "2022-04-20",
        "Kalle Virtanen visited Berlin on 12 April 2022. Kalle Virtanen visited France on 14 April 2022. Maren Oduya attended the Harbour Trade Summit in Lisbon on 3 May 2021. Maren Oduya attended the Harbour Trade Summit in Lisbon on 16 April 2022.",
    ),
    // 7: Madrid the day 6 says Berlin; Paris the day 6 says France (a
    // city in the country: agrees); the summit on another day.
    (
        "2022-04-21",
        "Kalle Virtanen visited Madrid on 12 April 2022. Kalle Virtanen visited Paris on 14 April 2022. Maren Oduya attended the Harbour Trade Summit in Lisbon on 9 May 2021.",
    ),
    // 8
    (
        "2021-02-01",
        "Peter Halloran resigned as chief executive of Dunmore Bank in January 2021.",
    ),
    // 9: another Halloran holds the post after him (a handover, and not
    // the same person: no conflict).
    (
        "2021-02-15",
        "Dunmore Bank chief executive Greta Halloran said profits had doubled.",
    ),
    // 10
    (
        "2021-02-20",
        "\"The harbour will be dredged by the end of this year,\" said Peter Halloran.",
    ),
    // 11: the same quote given to a surname alone (may be him: no conflict).
    (
        "2021-02-22",
        "\"The harbour will be dredged by the end of this year,\" Mr. Halloran said on Monday. Mr. Halloran spoke at the harbour office.",
    ),
    // 12
    (
        "2020-02-10",
        "Ines Valdor resigned as mayor of Kestrel Bay on 7 February 2020.",
    ),
    // 13: reappointed, so 14 is no contradiction.
    (
        "2020-05-04",
        "Ines Valdor was reappointed mayor of Kestrel Bay on Monday.",
    ),
    // 14
    (
        "2020-09-01",
        "Kestrel Bay mayor Ines Valdor opened the new library on Tuesday.",
    ),
    // 15: a new chief executive of Brightwell after Ekhart left (handover).
    (
        "2021-06-20",
        "Brightwell Foods chief executive Ulla Brenn said the company would hire staff.",
    ),
    // 16, 17: one prime minister, two transliterations; 18: another one
    // two days later.
    (
        "2021-05-02",
        "Andriy Kovalenko, Norland's prime minister, opened the new port.",
    ),
    (
        "2021-05-03",
        "Norland prime minister Andrii Kovalenko spoke to the parliament.",
    ),
    (
        "2021-05-04",
        "Norland prime minister Sven Aalto announced new elections.",
    ),
    // 19: titles made past or future by the words before them ("ex-",
    // "future"), and a "Then" that is not "then-": no conflict.
    (
        "2021-05-05",
        "Ilse Brun wrote speeches for ex-Norland prime minister Sven Aalto. She praised future Norland prime minister Maja Lind. Then there's Dunmore Bank chief executive Greta Halloran, who spoke on Wednesday.",
    ),
];

/// The planted conflicts: rule and the articles of its claims.
const PLANTED: &[(Rule, &[ArticleId])] = &[
    (Rule::ExclusiveRole, &[1, 2]),
    (Rule::ExclusiveRole, &[16, 18]),
    (Rule::ExclusiveRole, &[17, 18]),
    (Rule::RoleAfterDeparture, &[3, 4]),
    (Rule::DatesDisagree, &[3, 5]),
    (Rule::DatesDisagree, &[4, 5]),
    (Rule::DatesDisagree, &[6, 7]),
    (Rule::TwoPlaces, &[6, 7]),
    (Rule::QuoteSpeakers, &[1, 2]),
];

fn doc(published: &str, text: &str) -> load::Document {
    let over = Overrides {
        title: Some(text.chars().take(30).collect()),
        published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
    };
    load::from_text(text.to_string(), &over).expect("load")
}

fn archive() -> Store {
    let mut store = Store::open_in_memory().expect("store");
    for (i, (date, text)) in ARCHIVE.iter().enumerate() {
        let added = store.add(&doc(date, text), Target::New).expect("add");
        assert_eq!(added.article_id, i as i64 + 1);
    }
    store
}

/// Claim id → article id, for the whole archive.
fn articles_of(store: &Store) -> BTreeMap<i64, ArticleId> {
    let mut out = BTreeMap::new();
    for a in 1..=ARCHIVE.len() as i64 {
        for c in store
            .claims(a, None, ClaimFilter::default())
            .expect("claims")
        {
            out.insert(c.id, a);
        }
    }
    out
}

fn found(store: &Store, person: Option<&str>) -> BTreeSet<(Rule, Vec<ArticleId>)> {
    let art = articles_of(store);
    store
        .conflicts(person, false)
        .expect("conflicts")
        .into_iter()
        .map(|c| {
            assert!(c.conflict.claim_ids.len() >= 2, "{c:?}");
            assert!(!c.conflict.reason.is_empty());
            let arts: Vec<ArticleId> = c.conflict.claim_ids.iter().map(|id| art[id]).collect();
            (c.conflict.rule, arts)
        })
        .collect()
}

fn check(got: BTreeSet<(Rule, Vec<ArticleId>)>, expected: &[(Rule, &[ArticleId])]) {
    let want: BTreeSet<(Rule, Vec<ArticleId>)> =
        expected.iter().map(|(r, a)| (*r, a.to_vec())).collect();
    let missed: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(
        missed.is_empty() && extra.is_empty(),
        "planted conflicts missed: {missed:?}\ntraps flagged: {extra:?}"
    );
}

#[test]
fn every_planted_conflict_is_found_and_no_trap_is_flagged() {
    let store = archive();
    check(found(&store, None), PLANTED);
}

#[test]
fn conflicts_of_one_person_are_those_that_involve_them() {
    let store = archive();
    for (person, expected) in [
        (
            "Tomas Ekhart",
            &[(Rule::RoleAfterDeparture, &[3, 4][..])][..],
        ),
        (
            "Rolf Annerud",
            &[
                (Rule::DatesDisagree, &[3, 5][..]),
                (Rule::DatesDisagree, &[4, 5][..]),
            ][..],
        ),
        ("Kalle Virtanen", &[(Rule::TwoPlaces, &[6, 7][..])][..]),
        ("Ines Valdor", &[][..]),
        ("Greta Halloran", &[][..]),
        (
            "Sven Aalto",
            &[
                (Rule::ExclusiveRole, &[16, 18][..]),
                (Rule::ExclusiveRole, &[17, 18][..]),
            ][..],
        ),
    ] {
        let got = found(&store, Some(person));
        let want: BTreeSet<(Rule, Vec<ArticleId>)> =
            expected.iter().map(|(r, a)| (*r, a.to_vec())).collect();
        assert_eq!(got, want, "conflicts of {person}");
    }
}

#[test]
fn adding_an_article_finds_its_conflicts() {
    let mut store = archive();
    let added = store
        .add(
            &doc(
                "2021-03-13",
                "Veltrax Corporation chairman Jorun Vik visited the new plant.",
            ),
            Target::New,
        )
        .expect("add");
    let check_ = store.check_article(added.article_id).expect("check");
    let rules: BTreeSet<Rule> = check_.conflicts.iter().map(|c| c.conflict.rule).collect();
    assert_eq!(rules, BTreeSet::from([Rule::ExclusiveRole]));
    // With Brandvik (1) and Marrow (2).
    assert_eq!(check_.conflicts.len(), 2, "{:#?}", check_.conflicts);
}

#[test]
fn people_are_one_across_spellings_and_decisions() {
    let mut store = archive();
    // Transliteration variants are one person.
    let page = store.person("Andrii Kovalenko").expect("person");
    assert_eq!(page.summary.id, "kovalenko andri");
    assert_eq!(page.roles.len(), 2);
    assert_eq!(page.summary.articles, 2);
    // Roles, departures in date order, with their verdicts.
    let page = store.person("Tomas Ekhart").expect("person");
    assert_eq!(page.departures.len(), 1);
    let dates: Vec<_> = page.roles.iter().map(|r| r.sort_date).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert!(page.roles.iter().all(|r| r.verdict == Status::Unreviewed));
    // A surname alone finds the one person of that surname.
    assert_eq!(
        store.person("Kovalenko").expect("person").summary.id,
        "kovalenko andri"
    );
    assert!(store.person("Nobody Known").is_err());
    let list = store.people(Some("halloran")).expect("people");
    let ids: BTreeSet<&str> = list.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        BTreeSet::from(["haloran", "haloran greta", "haloran peter"])
    );
    assert!(
        store.person("Halloran").is_ok(),
        "the key 'halloran' exists"
    );
    // Merge: "Halloran" is Peter Halloran from now on.
    store
        .decide_person(
            &PersonDecision::Same {
                a: "Halloran".into(),
                b: "Peter Halloran".into(),
            },
            "desk",
            Some("same quote, same week"),
        )
        .expect("merge");
    let page = store.person("Peter Halloran").expect("person");
    assert_eq!(page.quotes.len(), 2);
    assert_eq!(page.decisions.len(), 1);
    // Undo it.
    store
        .decide_person(
            &PersonDecision::Different {
                a: "Halloran".into(),
                b: "Peter Halloran".into(),
            },
            "desk",
            None,
        )
        .expect("unmerge");
    assert_eq!(
        store.person("Peter Halloran").expect("person").quotes.len(),
        1
    );
    // Split: the chairwoman of 2 is someone else than a Marrow elsewhere.
    store
        .decide_person(
            &PersonDecision::Split {
                key: "Liesel Marrow".into(),
                into: "Liesel Marrow-Quist".into(),
                articles: vec![2],
            },
            "desk",
            None,
        )
        .expect("split");
    let page = store.person("Liesel Marrow-Quist").expect("person");
    assert_eq!(page.roles.len(), 1);
    assert!(store.person("Liesel Marrow").is_err());
}

#[test]
fn decisions_are_append_only() {
    let mut store = archive();
    store
        .decide_person(
            &PersonDecision::Same {
                a: "Halloran".into(),
                b: "Peter Halloran".into(),
            },
            "desk",
            None,
        )
        .expect("merge");
    let d = store.person_decisions().expect("decisions");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].uid.len(), 32);
    let c = store.conflicts(None, false).expect("conflicts");
    let first = &c[0].conflict.id;
    store
        .dismiss_conflict(first, "the article was corrected", "desk")
        .expect("dismiss");
    assert!(
        store
            .dismiss_conflict("exclusive_role:999-1000", "x", "desk")
            .is_err()
    );
    assert!(store.dismiss_conflict(first, " ", "desk").is_err());
    let after = store.conflicts(None, false).expect("conflicts");
    assert_eq!(after.len(), c.len() - 1);
    assert!(after.iter().all(|x| &x.conflict.id != first));
    let all = store.conflicts(None, true).expect("conflicts");
    let d = all
        .iter()
        .find(|x| &x.conflict.id == first)
        .and_then(|x| x.dismissed.clone())
        .expect("kept with its dismissal");
    assert_eq!(d.note, "the article was corrected");
    assert_eq!(d.uid.len(), 32);
    // A role after a departure is named by the departure alone.
    let rad = all
        .iter()
        .find(|x| x.conflict.rule == Rule::RoleAfterDeparture)
        .expect("planted");
    assert_eq!(
        rad.conflict.id,
        format!("role_after_departure:{}", rad.conflict.claim_ids[0])
    );
    store
        .dismiss_conflict(&rad.conflict.id, "reappointed, says the company", "desk")
        .expect("dismiss");
    assert_eq!(
        store.conflicts(None, false).expect("conflicts").len(),
        c.len() - 2
    );
}

#[test]
fn matches_and_copied_verdicts() {
    let mut store = archive();
    let claim_of = |store: &Store, article: ArticleId| {
        store
            .claims(article, None, ClaimFilter::default())
            .expect("claims")
            .into_iter()
            .find(|c| c.claim.kind() == claimdesk::ClaimKind::Role)
            .expect("a role claim")
            .id
    };
    let earlier = claim_of(&store, 16);
    let later = claim_of(&store, 17);
    store
        .review(
            earlier,
            &ReviewInput {
                status: Some(Status::Verified),
                note: Some("government website".into()),
                sources: vec!["https://example.org/norland/pm".into()],
                reviewer: Some("ana".into()),
                revision: None,
            },
        )
        .expect("review");
    let m = store.matches(later).expect("matches");
    let first = m.first().expect("a match");
    assert_eq!(first.claim_id, earlier);
    assert_eq!(first.level, MatchLevel::Match);
    assert_eq!(first.verdict, Status::Verified);
    // Aalto's role is not the same fact (another person).
    let aalto = claim_of(&store, 18);
    assert!(
        m.iter()
            .all(|x| x.claim_id != aalto || x.level == MatchLevel::Suggestion)
    );
    // Copy the verdict with one action: recorded as a copy.
    let r = store
        .copy_verdict(later, earlier, "ben", Some("same statement"))
        .expect("copy");
    assert_eq!(r.status, Status::Verified);
    assert_eq!(r.reviewer.as_deref(), Some("ben"));
    assert_eq!(store.copied_from(r.id).expect("copied"), Some(earlier));
    let h = store.history(later).expect("history");
    assert!(
        h.last()
            .and_then(|e| e.note.as_deref())
            .is_some_and(|n| n.contains(&format!("copied from claim {earlier}")))
    );
    // Nothing to copy from an unreviewed claim.
    assert!(store.copy_verdict(later, aalto, "ben", None).is_err());
}

/// A dismissal names the conflict by its claims' articles and stable keys:
/// a new revision that keeps the claims keeps it dismissed; one that
/// changes a claim brings the conflict back.
#[test]
fn a_dismissal_outlives_a_revision_that_keeps_the_claims() {
    let mut store = archive();
    let listed = |store: &Store| -> BTreeSet<(Rule, Vec<ArticleId>)> { found(store, None) };
    let before = listed(&store);
    let (rule, articles) = (Rule::ExclusiveRole, vec![1, 2]);
    assert!(before.contains(&(rule, articles.clone())));
    let art = articles_of(&store);
    let c = store
        .conflicts(None, false)
        .expect("conflicts")
        .into_iter()
        .find(|c| {
            c.conflict.rule == rule
                && c.conflict
                    .claim_ids
                    .iter()
                    .map(|id| art[id])
                    .collect::<Vec<_>>()
                    == articles
        })
        .expect("the planted conflict");
    store
        .dismiss_conflict(&c.conflict.id, "two boards, says the registry", "desk")
        .expect("dismiss");
    assert!(!listed(&store).contains(&(rule, articles.clone())));

    // Article 2 again, with one more sentence: its claims are unchanged.
    let (date, text) = ARCHIVE[1];
    let longer = format!("{text}\nThe board will meet again in the spring.\n");
    let added = store
        .add(&doc(date, &longer), Target::Article(2))
        .expect("revise");
    assert_eq!(added.revision, 2);
    assert!(
        !listed(&store).contains(&(rule, articles.clone())),
        "still dismissed after a revision that keeps the claims"
    );
    let again = store.conflicts(None, true).expect("conflicts");
    assert!(again.iter().any(|x| {
        x.dismissed
            .as_ref()
            .is_some_and(|d| d.note == "two boards, says the registry")
    }));
}
