//! The contradiction rules, run over facts about people gathered from many
//! articles. Pure: the store gathers the facts (the whole archive, or what
//! touches one article) and this module says which of them disagree.
//!
//! Dates are intervals with their precision ([`TimeValue::interval`]):
//! two dates disagree only when their intervals do not meet, so "March
//! 2021" agrees with "15 March 2021". A role stated as current holds on its
//! article's publication date; a past title ("former chair") is a
//! departure before that date and agrees with any dated departure.
//!
//! Rules compare claims of different articles only: within one article the
//! extractor's own reading decides.

use super::names::may_be_same;
use super::posts::{self, org_key, post};
use super::quotes;
use crate::hash::FastMap;
use crate::model::{ClaimFields, DismissalHow, TimeValue, word_key};
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt;

/// One claim about a person, with what the rules need to know of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub claim_id: i64,
    pub article_id: i64,
    /// The publication date of the claim's article.
    pub published: Option<NaiveDate>,
    /// The person's identity: the key after merge and split decisions.
    pub person: String,
    /// The person's name as the claim gives it.
    pub name: String,
    /// The claim's evidence span.
    pub text: String,
    pub fields: ClaimFields,
    /// For a role, the text just before the span (a past title may be
    /// said there: "ex-British Prime Minister X"); else empty.
    pub before: String,
}

impl Fact {
    /// A role's post, past when its title or the words before it say so.
    fn post(&self) -> Option<posts::Post> {
        match &self.fields {
            ClaimFields::Role { role, .. } => {
                let mut p = post(role);
                p.past |= posts::past_before(&self.before);
                p.future |= posts::future_before(&self.before);
                Some(p)
            }
            _ => None,
        }
    }
}

/// A contradiction rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    ExclusiveRole,
    RoleAfterDeparture,
    DatesDisagree,
    TwoPlaces,
    QuoteSpeakers,
}

impl Rule {
    pub const ALL: [Rule; 5] = [
        Rule::ExclusiveRole,
        Rule::RoleAfterDeparture,
        Rule::DatesDisagree,
        Rule::TwoPlaces,
        Rule::QuoteSpeakers,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Rule::ExclusiveRole => "exclusive_role",
            Rule::RoleAfterDeparture => "role_after_departure",
            Rule::DatesDisagree => "dates_disagree",
            Rule::TwoPlaces => "two_places",
            Rule::QuoteSpeakers => "quote_speakers",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Two or more claims that cannot all be true.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// Stable name of the conflict: the rule and its claims (for "role
    /// after departure", the departure's claim alone).
    pub id: String,
    pub rule: Rule,
    /// The claims, lowest id first.
    pub claim_ids: Vec<i64>,
    /// Who it is about, as the claims name them.
    pub person: String,
    /// The identities of the people involved.
    pub people: Vec<String>,
    /// What disagrees, in plain words.
    pub reason: String,
}

/// How far apart, in days, two statements that different people hold the
/// same one-holder post may be and still be about the same time, unless
/// the first holder is known to have left in between.
pub const EXCLUSIVE_WINDOW_DAYS: i64 = 30;

/// How far apart, in days, two dates of one attendance may be and still
/// be the same event dated twice rather than two events of one name.
pub const ATTENDANCE_GAP_DAYS: i64 = 92;

/// Whether two identities are certainly different people: `different`
/// answers for decisions taken by people; otherwise the keys must not be
/// able to name the same person (a surname alone may be anyone of it).
pub trait People {
    /// Whether a decision says these two identities are different people.
    fn decided_different(&self, a: &str, b: &str) -> bool;
}

/// No decisions: names alone decide.
pub struct NoDecisions;

impl People for NoDecisions {
    fn decided_different(&self, _: &str, _: &str) -> bool {
        false
    }
}

fn different(people: &dyn People, a: &str, b: &str) -> bool {
    a != b && (people.decided_different(a, b) || !may_be_same(a, b))
}

/// The calendar interval of a TimeML value, if it names one.
pub fn interval(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    TimeValue::parse(value).ok()?.interval()
}

fn words_of(value: &str) -> String {
    TimeValue::parse(value)
        .map(|v| v.words())
        .unwrap_or_else(|_| value.to_string())
}

fn day(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%-d %B %Y").to_string())
        .unwrap_or_else(|| "an unknown date".into())
}

fn meet(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

fn conflict(
    rule: Rule,
    mut ids: Vec<i64>,
    person: String,
    people: Vec<String>,
    reason: String,
) -> Conflict {
    ids.sort_unstable();
    ids.dedup();
    let id = format!(
        "{}:{}",
        rule.as_str(),
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join("-")
    );
    Conflict {
        id,
        rule,
        claim_ids: ids,
        person,
        people,
        reason,
    }
}

/// A departure from a post: a dismissal (not a suspension) or a past title.
struct Departure<'a> {
    fact: &'a Fact,
    /// The post's title, if the claim names it.
    title: Option<String>,
    org: Option<String>,
    /// When it happened: the stated date's interval, or up to the
    /// article's publication date when no date is stated.
    when: Option<(NaiveDate, NaiveDate)>,
    /// A past title ("former chair"), not a dated departure.
    past_title: bool,
    /// A dismissal that states no date (placed by its article's date only).
    undated: bool,
}

/// Every conflict among `facts`, in rule order, then by claim ids.
pub fn find_conflicts(facts: &[Fact], people: &dyn People) -> Vec<Conflict> {
    let mut out = Vec::new();
    let mut by_person: FastMap<&str, Vec<&Fact>> = FastMap::default();
    for f in facts {
        by_person.entry(f.person.as_str()).or_default().push(f);
    }
    exclusive_role(facts, &by_person, people, &mut out);
    for list in by_person.values() {
        let departures = departures(list);
        role_after_departure(list, &departures, &mut out);
        dates_disagree(list, &departures, &mut out);
        two_places(list, &mut out);
    }
    quote_speakers(facts, people, &mut out);
    out.sort_by(|a, b| (a.rule, &a.claim_ids).cmp(&(b.rule, &b.claim_ids)));
    out.dedup_by(|a, b| a.id == b.id);
    out
}

fn departures<'a>(list: &[&'a Fact]) -> Vec<Departure<'a>> {
    let mut out = Vec::new();
    for f in list {
        match &f.fields {
            ClaimFields::Dismissal {
                role, date, how, ..
            } if *how != DismissalHow::Suspended => {
                let stated = date.as_deref().and_then(interval);
                let when = stated.or_else(|| f.published.map(|p| (NaiveDate::MIN, p)));
                out.push(Departure {
                    fact: f,
                    title: role.as_deref().map(|r| post(r).title),
                    org: None,
                    when,
                    past_title: false,
                    undated: stated.is_none(),
                });
            }
            ClaimFields::Role { org, .. } => {
                let Some(p) = f.post() else { continue };
                if p.past {
                    out.push(Departure {
                        fact: f,
                        title: Some(p.title),
                        org: org.as_deref().map(org_key),
                        when: f.published.map(|p| (NaiveDate::MIN, p)),
                        past_title: true,
                        undated: false,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// Current roles: (fact, title, org key, publication date).
fn current_roles<'a>(list: &[&'a Fact]) -> Vec<(&'a Fact, String, Option<String>, NaiveDate)> {
    list.iter()
        .filter_map(|f| match &f.fields {
            ClaimFields::Role { org, .. } => {
                let p = f.post()?;
                p.current().then_some(())?;
                Some((*f, p.title, org.as_deref().map(org_key), f.published?))
            }
            _ => None,
        })
        .collect()
}

/// Whether two organisations may be one: equal, or either unknown (none,
/// or a kind of organisation alone).
fn orgs_agree(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) if !x.is_empty() && !y.is_empty() => x == y,
        _ => true,
    }
}

fn exclusive_role(
    facts: &[Fact],
    by_person: &FastMap<&str, Vec<&Fact>>,
    people: &dyn People,
    out: &mut Vec<Conflict>,
) {
    // Holders of each one-holder post, by date.
    let mut posts: FastMap<String, Vec<(NaiveDate, &Fact, &str)>> = FastMap::default();
    for f in facts {
        if let ClaimFields::Role { role, org, .. } = &f.fields
            && let Some(key) = posts::exclusive_post_key(role, org.as_deref())
            && f.post().is_some_and(|p| p.current())
            && let Some(d) = f.published
        {
            posts
                .entry(key)
                .or_default()
                .push((d, f, org.as_deref().unwrap_or("")));
        }
    }
    let mut departed_cache: FastMap<&str, Vec<Departure>> = FastMap::default();
    for (key, mut holders) in posts {
        holders.sort_by_key(|h| (h.0, h.1.claim_id));
        let title = key.split('@').next().unwrap_or("").to_string();
        for (i, a) in holders.iter().enumerate() {
            for b in &holders[i + 1..] {
                if (b.0 - a.0).num_days() > EXCLUSIVE_WINDOW_DAYS {
                    break;
                }
                let (fa, fb) = (a.1, b.1);
                if fa.article_id == fb.article_id || !different(people, &fa.person, &fb.person) {
                    continue;
                }
                // Either holder left the post by the later date: a
                // handover (or, after it, a matter for "role after
                // departure"); an article that tells of its holder's
                // departure names the post of the time it speaks of.
                let mut handed_over = false;
                for (holder, at) in [(fa, a.0), (fb, b.0)] {
                    let deps = departed_cache
                        .entry(holder.person.as_str())
                        .or_insert_with(|| {
                            departures(by_person.get(holder.person.as_str()).map_or(&[][..], |v| v))
                        });
                    handed_over |= deps.iter().any(|d| {
                        d.title.as_deref().is_none_or(|t| t == title)
                            && (d.fact.article_id == holder.article_id
                                || d.when.is_some_and(|w| w.1 <= b.0.max(at)))
                    });
                }
                if handed_over {
                    continue;
                }
                let org = if a.2.is_empty() { b.2 } else { a.2 };
                out.push(conflict(
                    Rule::ExclusiveRole,
                    vec![fa.claim_id, fb.claim_id],
                    format!("{} / {}", fa.name, fb.name),
                    vec![fa.person.clone(), fb.person.clone()],
                    format!(
                        "{org} has one {title} at a time, but article {} ({}) names {} and article {} ({}) names {}",
                        fa.article_id,
                        day(Some(a.0)),
                        fa.name,
                        fb.article_id,
                        day(Some(b.0)),
                        fb.name
                    ),
                ));
            }
        }
    }
}

/// The departures from a post and the later statements of it as held.
type Stated<'a, 'b> = (Vec<&'b Departure<'a>>, Vec<(&'a Fact, NaiveDate)>);

/// One conflict per person and post: the departures and every later
/// statement of the post as held (a wrong departure date, or a title used
/// for the past, shows once with all it touches). Its id names the
/// earliest departure claim, so a dismissal holds when later articles add
/// statements.
fn role_after_departure(list: &[&Fact], departures: &[Departure], out: &mut Vec<Conflict>) {
    let roles = current_roles(list);
    if roles.is_empty() {
        return;
    }
    // Title → (departures used, later statements).
    let mut by_title: std::collections::BTreeMap<&str, Stated> = std::collections::BTreeMap::new();
    for (f, t, org, at) in &roles {
        // An article that itself tells of the departure uses the title
        // of the time it speaks of ("President X signed it in 2015").
        let knows = departures
            .iter()
            .any(|e| e.fact.article_id == f.article_id && e.title.as_deref() == Some(t.as_str()));
        if knows {
            continue;
        }
        let mut after: Vec<&Departure> = Vec::new();
        for d in departures {
            // A dismissal without a date may be announced, demanded or
            // reported late: it places no departure before a statement.
            let (Some(title), Some(when), false) = (&d.title, d.when, d.undated) else {
                continue;
            };
            if title != t
                || f.article_id == d.fact.article_id
                || !orgs_agree(org, &d.org)
                || *at <= when.1
            {
                continue;
            }
            // A reappointment between the departure and this statement.
            let reappointed = roles.iter().any(|(g, t2, org2, at2)| {
                t2 == title
                    && orgs_agree(org2, org)
                    && *at2 > when.0
                    && at2 <= at
                    && posts::reports_appointment(&g.text)
            });
            if !reappointed {
                after.push(d);
            }
        }
        if after.is_empty() {
            continue;
        }
        let entry = by_title.entry(t.as_str()).or_default();
        for d in after {
            if !entry.0.iter().any(|e| e.fact.claim_id == d.fact.claim_id) {
                entry.0.push(d);
            }
        }
        entry.1.push((f, *at));
    }
    for (title, (mut deps, mut later)) in by_title {
        deps.sort_by_key(|d| (d.when.map(|w| w.1), d.fact.claim_id));
        later.sort_by_key(|(f, at)| (*at, f.claim_id));
        let d = deps[0];
        let left = if d.past_title {
            format!(
                "is called former {title} in article {} of {}",
                d.fact.article_id,
                day(d.fact.published)
            )
        } else {
            let date = match &d.fact.fields {
                ClaimFields::Dismissal { date: Some(v), .. } => words_of(v),
                _ => format!("by {}", day(d.fact.published)),
            };
            format!(
                "left the post of {title} ({date}, article {})",
                d.fact.article_id
            )
        };
        let also = match deps.len() {
            1 => String::new(),
            n => format!(" (and {} other reports of a departure)", n - 1),
        };
        const NAMED: usize = 4;
        let mut cited: Vec<String> = later
            .iter()
            .take(NAMED)
            .map(|(f, at)| format!("article {} of {}", f.article_id, day(Some(*at))))
            .collect();
        if later.len() > NAMED {
            cited.push(format!("{} more", later.len() - NAMED));
        }
        let (first, _) = later[0];
        let first_dep = deps
            .iter()
            .map(|d| d.fact.claim_id)
            .min()
            .unwrap_or(d.fact.claim_id);
        let mut c = conflict(
            Rule::RoleAfterDeparture,
            deps.iter()
                .map(|d| d.fact.claim_id)
                .chain(later.iter().map(|(f, _)| f.claim_id))
                .collect(),
            first.name.clone(),
            vec![first.person.clone()],
            format!(
                "{} {left}{also}, but {} {} them {title}, with no reappointment recorded in between: {}",
                d.fact.name,
                if later.len() == 1 {
                    "a later article"
                } else {
                    "later articles"
                },
                if later.len() == 1 { "calls" } else { "call" },
                cited.join(", ")
            ),
        );
        c.id = format!("{}:{first_dep}", Rule::RoleAfterDeparture.as_str());
        out.push(c);
    }
}

fn dates_disagree(list: &[&Fact], departures: &[Departure], out: &mut Vec<Conflict>) {
    // The same departure dated differently.
    let dated: Vec<(&Departure, (NaiveDate, NaiveDate), &str)> = departures
        .iter()
        .filter(|d| !d.past_title)
        .filter_map(|d| match &d.fact.fields {
            ClaimFields::Dismissal { date: Some(v), .. } => Some((d, interval(v)?, v.as_str())),
            _ => None,
        })
        .collect();
    let titles: std::collections::BTreeSet<&str> =
        dated.iter().filter_map(|d| d.0.title.as_deref()).collect();
    for (i, (a, wa, va)) in dated.iter().enumerate() {
        for (b, wb, vb) in &dated[i + 1..] {
            let same_post = match (&a.title, &b.title) {
                (Some(x), Some(y)) => x == y,
                // Unnamed post: the same departure only when the person
                // left no more than one named post.
                _ => titles.len() <= 1,
            };
            if !same_post || a.fact.article_id == b.fact.article_id || meet(*wa, *wb) {
                continue;
            }
            let post = a.title.as_deref().or(b.title.as_deref());
            let what = match post {
                Some(t) => format!("{}'s departure as {t}", a.fact.name),
                None => format!("{}'s departure", a.fact.name),
            };
            out.push(conflict(
                Rule::DatesDisagree,
                vec![a.fact.claim_id, b.fact.claim_id],
                a.fact.name.clone(),
                vec![a.fact.person.clone()],
                format!(
                    "article {} dates {what} to {}, article {} to {}",
                    a.fact.article_id,
                    words_of(va),
                    b.fact.article_id,
                    words_of(vb)
                ),
            ));
        }
    }
    // The same attendance dated differently.
    let att: Vec<Dated> = list
        .iter()
        .filter_map(|f| match &f.fields {
            ClaimFields::Attendance {
                event,
                place,
                date: Some(v),
                ..
            } => Some((
                *f,
                event_key(event),
                place.as_deref().map(word_key),
                interval(v)?,
                v.as_str(),
            )),
            _ => None,
        })
        .collect();
    for (i, (a, ea, pa, wa, va)) in att.iter().enumerate() {
        for (b, eb, pb, wb, vb) in &att[i + 1..] {
            if ea != eb || a.article_id == b.article_id || meet(*wa, *wb) {
                continue;
            }
            // Meetings and visits recur: dates months apart are two of
            // them, not one dated twice.
            let gap = (wa.0.max(wb.0) - wa.1.min(wb.1)).num_days();
            if gap > ATTENDANCE_GAP_DAYS {
                continue;
            }
            // A one-word event ("the summit") is the same event only at
            // the same place.
            let named = ea.split(' ').count() >= 2;
            if !(named || (pa.is_some() && pa == pb)) {
                continue;
            }
            let event = match &a.fields {
                ClaimFields::Attendance { event, .. } => event.as_str(),
                _ => "",
            };
            out.push(conflict(
                Rule::DatesDisagree,
                vec![a.claim_id, b.claim_id],
                a.name.clone(),
                vec![a.person.clone()],
                format!(
                    "article {} dates {}'s attendance of {event} to {}, article {} to {}",
                    a.article_id,
                    a.name,
                    words_of(va),
                    b.article_id,
                    words_of(vb)
                ),
            ));
        }
    }
}

/// An attendance with its event and place keys, interval and value.
type Dated<'a> = (
    &'a Fact,
    String,
    Option<String>,
    (NaiveDate, NaiveDate),
    &'a str,
);

/// An event's words without stop words: "the Lisbon summit" → "lisbon
/// summit".
fn event_key(event: &str) -> String {
    word_key(event)
        .split(' ')
        .filter(|w| !crate::lexical::cues::is_stop(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A place as compared: a country by its index, else its words.
fn place_key(place: &str) -> (bool, String) {
    let k = org_key(place);
    (k.starts_with("country:"), k)
}

/// Whether two places are certainly apart: two different countries, or two
/// places that are not countries, neither inside the other's name. A city
/// and a country may be one inside the other, so they never disagree.
fn apart(a: &str, b: &str) -> bool {
    let (ca, ka) = place_key(a);
    let (cb, kb) = place_key(b);
    match (ca, cb) {
        (true, true) => ka != kb,
        (false, false) => {
            !ka.is_empty() && !kb.is_empty() && !ka.contains(&kb) && !kb.contains(&ka)
        }
        _ => false,
    }
}

fn two_places(list: &[&Fact], out: &mut Vec<Conflict>) {
    let days: Vec<(&Fact, NaiveDate, &str)> = list
        .iter()
        .filter_map(|f| match &f.fields {
            ClaimFields::Attendance {
                place: Some(p),
                date: Some(v),
                ..
            } => {
                let (a, b) = interval(v)?;
                (a == b).then_some((*f, a, p.as_str()))
            }
            _ => None,
        })
        .collect();
    for (i, (a, da, pa)) in days.iter().enumerate() {
        for (b, db, pb) in &days[i + 1..] {
            if da != db || a.article_id == b.article_id || !apart(pa, pb) {
                continue;
            }
            out.push(conflict(
                Rule::TwoPlaces,
                vec![a.claim_id, b.claim_id],
                a.name.clone(),
                vec![a.person.clone()],
                format!(
                    "article {} places {} in {pa} on {}, article {} in {pb} the same day",
                    a.article_id,
                    a.name,
                    day(Some(*da)),
                    b.article_id
                ),
            ));
        }
    }
}

/// Words shared by more quotes than this are not used to find candidates.
const COMMON_SHINGLE: usize = 64;

fn quote_speakers(facts: &[Fact], people: &dyn People, out: &mut Vec<Conflict>) {
    let quotes: Vec<(&Fact, Vec<String>, &str)> = facts
        .iter()
        .filter_map(|f| match &f.fields {
            ClaimFields::Quote { quote, .. } => {
                let w = quotes::words(quote);
                (w.len() >= quotes::MIN_WORDS).then_some((f, w, quote.as_str()))
            }
            _ => None,
        })
        .collect();
    // Candidates share a run of three words.
    let mut index: FastMap<(&str, &str, &str), Vec<u32>> = FastMap::default();
    for (i, (_, w, _)) in quotes.iter().enumerate() {
        for s in w.windows(3) {
            let list = index.entry((&s[0], &s[1], &s[2])).or_default();
            if list.last() != Some(&(i as u32)) {
                list.push(i as u32);
            }
        }
    }
    let mut seen = crate::hash::FastSet::default();
    for list in index.values() {
        if list.len() > COMMON_SHINGLE {
            continue;
        }
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if !seen.insert((i, j)) {
                    continue;
                }
                let (a, wa, qa) = &quotes[i as usize];
                let (b, wb, _) = &quotes[j as usize];
                if a.article_id == b.article_id
                    || !different(people, &a.person, &b.person)
                    || !quotes::same_quote(wa, wb)
                {
                    continue;
                }
                let short: String = if qa.chars().count() > 80 {
                    format!("{}…", qa.chars().take(79).collect::<String>())
                } else {
                    qa.to_string()
                };
                out.push(conflict(
                    Rule::QuoteSpeakers,
                    vec![a.claim_id, b.claim_id],
                    format!("{} / {}", a.name, b.name),
                    vec![a.person.clone(), b.person.clone()],
                    format!(
                        "the same quote (“{short}”) is given to {} in article {} and to {} in article {}",
                        a.name, a.article_id, b.name, b.article_id
                    ),
                ));
            }
        }
    }
}
