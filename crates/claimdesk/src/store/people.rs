//! People across the archive: every claim about a person is indexed by the
//! person's normalised key (`claim_people`, written with the claim), and
//! the decisions people take about who is who (two keys are one person,
//! are not, or one key is two people in some articles) are append-only
//! events, applied in order whenever people are read.

use super::{ArticleId, ClaimId, Store, StoreError, now, published};
use crate::archive::names::{person_key, split_key};
use crate::archive::posts::exclusive_post_key;
use crate::archive::rules::{Fact, People};
use crate::model::{ClaimFields, ClaimKind, Status};
use chrono::NaiveDate;
use rusqlite::{Transaction, params};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// SQL condition: revision `alias` is published and its article's current
/// one. Claims across the archive are read from current revisions only.
pub(super) fn current(alias: &str) -> String {
    format!(
        "{} AND {alias}.number = (SELECT max(x.number) FROM revisions x WHERE x.article_id = {alias}.article_id AND {})",
        published(alias),
        published("x")
    )
}

/// Indexes one claim by its person (called where claims are written).
pub(super) fn index_claim(
    tx: &Transaction,
    claim: ClaimId,
    fields: &ClaimFields,
) -> Result<(), StoreError> {
    let Some(name) = fields.person() else {
        return Ok(());
    };
    let key = person_key(name);
    if key.is_empty() {
        return Ok(());
    }
    let post = match fields {
        ClaimFields::Role { role, org, .. } => exclusive_post_key(role, org.as_deref()),
        _ => None,
    };
    tx.prepare_cached(
        "INSERT OR REPLACE INTO claim_people (claim_id, person_key, post_key) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![claim, key, post])?;
    Ok(())
}

/// Claims indexed per backfill transaction.
const BACKFILL_BATCH: usize = 5_000;

impl Store {
    /// Indexes the claims written before the archive index existed: once,
    /// when a database is first opened by this version. Keys are computed
    /// outside the write lock; rows are written in short batches.
    pub(super) fn backfill_people(&mut self) -> Result<(), StoreError> {
        let pending: i64 =
            self.conn
                .query_row("SELECT count(*) FROM claim_people_backfill", [], |r| {
                    r.get(0)
                })?;
        if pending == 0 {
            return Ok(());
        }
        let rows: Vec<(ClaimId, String)> = {
            let mut st = self.conn.prepare(
                "SELECT c.id, c.fields FROM claims c WHERE c.kind != 'date'
                 AND NOT EXISTS (SELECT 1 FROM claim_people p WHERE p.claim_id = c.id)",
            )?;
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?
        };
        let parsed: Vec<(ClaimId, ClaimFields)> = rows
            .into_iter()
            .filter_map(|(id, f)| Some((id, serde_json::from_str(&f).ok()?)))
            .collect();
        for batch in parsed.chunks(BACKFILL_BATCH) {
            let tx = self.begin()?;
            for (id, fields) in batch {
                index_claim(&tx, *id, fields)?;
            }
            tx.commit()?;
        }
        let tx = self.begin()?;
        tx.execute("DELETE FROM claim_people_backfill", [])?;
        tx.commit()
    }
}

/// A decision about who is who.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "action")]
pub enum PersonDecision {
    /// Two keys are one person.
    Same { a: String, b: String },
    /// Two keys are two people (undoes an earlier `Same`).
    Different { a: String, b: String },
    /// The claims of key `key` in `articles` are the person `into`.
    Split {
        key: String,
        into: String,
        articles: Vec<ArticleId>,
    },
}

/// A decision as recorded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonDecisionEntry {
    pub id: i64,
    pub uid: String,
    #[serde(flatten)]
    pub decision: PersonDecision,
    pub by: String,
    pub at: String,
    pub note: Option<String>,
}

/// Who is who: the person decisions, applied in order.
#[derive(Debug, Clone, Default)]
pub struct Identities {
    /// (key, article) → the key its claims there belong to.
    splits: HashMap<(String, ArticleId), String>,
    /// Key → its group's representative.
    parent: HashMap<String, String>,
    different: BTreeSet<(String, String)>,
}

fn pair(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

impl Identities {
    fn build(decisions: &[PersonDecisionEntry]) -> Identities {
        let mut me = Identities::default();
        // The latest decision about a pair wins.
        let mut pairs: BTreeMap<(String, String), bool> = BTreeMap::new();
        for d in decisions {
            match &d.decision {
                PersonDecision::Same { a, b } => {
                    pairs.insert(pair(a, b), true);
                }
                PersonDecision::Different { a, b } => {
                    pairs.insert(pair(a, b), false);
                }
                PersonDecision::Split {
                    key,
                    into,
                    articles,
                } => {
                    for &art in articles {
                        me.splits.insert((key.clone(), art), into.clone());
                    }
                }
            }
        }
        for ((a, b), same) in pairs {
            if same {
                let (ra, rb) = (me.root(&a), me.root(&b));
                if ra != rb {
                    // The smaller key represents the group.
                    let (keep, join) = if ra <= rb { (ra, rb) } else { (rb, ra) };
                    me.parent.insert(join, keep);
                }
            } else {
                me.different.insert((a, b));
            }
        }
        me
    }

    pub(super) fn root(&self, key: &str) -> String {
        let mut k = key.to_string();
        let mut steps = 0;
        while let Some(p) = self.parent.get(&k) {
            k = p.clone();
            steps += 1;
            if steps > 10_000 {
                break;
            }
        }
        k
    }

    /// The identity of a claim's person key in an article.
    pub fn resolve(&self, key: &str, article: ArticleId) -> String {
        match self.splits.get(&(key.to_string(), article)) {
            Some(into) => self.root(into),
            None => self.root(key),
        }
    }

    /// Every stored key whose claims may belong to `identity`.
    pub(super) fn source_keys(&self, identity: &str) -> BTreeSet<String> {
        let mut keys: BTreeSet<String> = BTreeSet::new();
        keys.insert(identity.to_string());
        for k in self.parent.keys() {
            if self.root(k) == identity {
                keys.insert(k.clone());
            }
        }
        for ((from, _), into) in &self.splits {
            if keys.contains(into) || self.root(into) == identity {
                keys.insert(from.clone());
            }
        }
        keys
    }
}

impl People for Identities {
    fn decided_different(&self, a: &str, b: &str) -> bool {
        self.different.contains(&pair(a, b))
    }
}

/// A person of the archive with how much the archive says of them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonSummary {
    /// The person's identity key: `claimdesk person ID` takes it.
    pub id: String,
    /// The name the articles use most.
    pub name: String,
    /// Every name the articles use, most used first.
    pub names: Vec<String>,
    pub claims: u32,
    pub articles: u32,
}

/// One claim on a person's page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonItem {
    pub claim_id: ClaimId,
    pub article_id: ArticleId,
    pub article_title: String,
    pub published: Option<NaiveDate>,
    /// The date the claim states (TimeML), if any.
    pub date: Option<String>,
    /// That date in plain words ("Mon 9 Mar 2026", "autumn 2025"), as the
    /// core words every TimeML value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_words: Option<String>,
    /// The day the item is placed on: the stated date's first day, else the
    /// publication date.
    pub sort_date: Option<NaiveDate>,
    pub kind: ClaimKind,
    pub text: String,
    pub fields: ClaimFields,
    pub verdict: Status,
}

/// Everything the archive says about one person, in date order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonPage {
    #[serde(flatten)]
    pub summary: PersonSummary,
    /// The stored keys that make up this person.
    pub keys: Vec<String>,
    pub roles: Vec<PersonItem>,
    pub departures: Vec<PersonItem>,
    pub attendances: Vec<PersonItem>,
    pub quotes: Vec<PersonItem>,
    /// The decisions about this person, oldest first.
    pub decisions: Vec<PersonDecisionEntry>,
}

/// One row of the archive index, as read.
pub(super) struct IndexedClaim {
    pub id: ClaimId,
    pub article_id: ArticleId,
    pub published: Option<NaiveDate>,
    pub key: String,
    pub text: String,
    pub fields: ClaimFields,
    pub title: String,
    pub status: Status,
    /// For a role, the text just before its span ("ex-British" before
    /// "Prime Minister Tony Blair"), where a past title may be said.
    pub before: String,
}

/// The columns `indexed_from_row` reads.
pub(super) const INDEXED_SELECT: &str =
    "SELECT c.id, r.article_id, r.published, p.person_key, c.text, c.fields, r.title,
        (SELECT v.status FROM reviews v WHERE v.claim_id = c.id ORDER BY v.id DESC LIMIT 1),
        CASE WHEN c.kind = 'role' THEN substr(CAST(r.text AS BLOB), max(c.start - 29, 1), min(c.start, 30)) END
    FROM claim_people p
    JOIN claims c ON c.id = p.claim_id
    JOIN revisions r ON r.id = c.revision_id";

pub(super) fn indexed_from_row(r: &rusqlite::Row) -> rusqlite::Result<Option<IndexedClaim>> {
    let fields: String = r.get(5)?;
    let Ok(fields) = serde_json::from_str::<ClaimFields>(&fields) else {
        return Ok(None);
    };
    let published: Option<String> = r.get(2)?;
    let status: Option<String> = r.get(7)?;
    Ok(Some(IndexedClaim {
        id: r.get(0)?,
        article_id: r.get(1)?,
        published: published.and_then(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok()),
        key: r.get(3)?,
        text: r.get(4)?,
        fields,
        title: r.get(6)?,
        status: status
            .and_then(|s| s.parse().ok())
            .unwrap_or(Status::Unreviewed),
        before: r
            .get::<_, Option<Vec<u8>>>(8)?
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default(),
    }))
}

impl IndexedClaim {
    pub(super) fn fact(&self, ids: &Identities) -> Fact {
        Fact {
            claim_id: self.id,
            article_id: self.article_id,
            published: self.published,
            person: ids.resolve(&self.key, self.article_id),
            name: self.fields.person().unwrap_or("").to_string(),
            text: self.text.clone(),
            fields: self.fields.clone(),
            before: self.before.clone(),
        }
    }
}

impl Store {
    /// The person decisions, oldest first.
    pub fn person_decisions(&self) -> Result<Vec<PersonDecisionEntry>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, uid, action, key_a, key_b, articles, by, at, note FROM person_decisions ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            let action: String = r.get(2)?;
            let a: String = r.get(3)?;
            let b: String = r.get(4)?;
            let articles: String = r.get(5)?;
            let decision = match action.as_str() {
                "same" => PersonDecision::Same { a, b },
                "different" => PersonDecision::Different { a, b },
                _ => PersonDecision::Split {
                    key: a,
                    into: b,
                    articles: serde_json::from_str(&articles).unwrap_or_default(),
                },
            };
            Ok(PersonDecisionEntry {
                id: r.get(0)?,
                uid: r.get(1)?,
                decision,
                by: r.get(6)?,
                at: r.get(7)?,
                note: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Who is who, after every decision.
    pub fn identities(&self) -> Result<Identities, StoreError> {
        Ok(Identities::build(&self.person_decisions()?))
    }

    /// Records a decision about who is who. Names or keys are accepted;
    /// they are stored as keys.
    pub fn decide_person(
        &mut self,
        decision: &PersonDecision,
        by: &str,
        note: Option<&str>,
    ) -> Result<PersonDecisionEntry, StoreError> {
        let by = by.trim();
        if by.is_empty() {
            return Err(StoreError::Invalid(
                "a decision about people needs the name of who takes it".into(),
            ));
        }
        let key = |s: &str| -> Result<String, StoreError> {
            let k = self.person_id_key(s);
            if k.is_empty() {
                Err(StoreError::Invalid(format!("{s:?} is not a person's name")))
            } else {
                Ok(k)
            }
        };
        let (action, a, b, articles) = match decision {
            PersonDecision::Same { a, b } => ("same", key(a)?, key(b)?, Vec::new()),
            PersonDecision::Different { a, b } => ("different", key(a)?, key(b)?, Vec::new()),
            PersonDecision::Split {
                key: k,
                into,
                articles,
            } => {
                if articles.is_empty() {
                    return Err(StoreError::Invalid(
                        "a split names the articles whose mentions are the other person".into(),
                    ));
                }
                ("split", key(k)?, key(into)?, articles.clone())
            }
        };
        if a == b {
            return Err(StoreError::Invalid(format!(
                "both names give the same person key {a:?}"
            )));
        }
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        let tx = self.begin()?;
        tx.execute(
            "INSERT INTO person_decisions (uid, action, key_a, key_b, articles, by, at, note)
             VALUES (lower(hex(randomblob(16))), ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                action,
                a,
                b,
                serde_json::to_string(&articles)?,
                by,
                now(),
                note
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.person_decisions()?
            .into_iter()
            .find(|d| d.id == id)
            .ok_or_else(|| StoreError::Invalid("the decision was not read back".into()))
    }

    /// A person's key from an id (a key as listed) or a name.
    fn person_id_key(&self, spec: &str) -> String {
        let spec = spec.trim();
        // An id is a key as listed: lower-case words.
        if spec
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == ' ')
            && !spec.is_empty()
            && spec.split(' ').count() <= 2
            && self
                .conn
                .query_row(
                    "SELECT 1 FROM claim_people WHERE person_key = ?1 LIMIT 1",
                    [spec],
                    |_| Ok(()),
                )
                .is_ok()
        {
            return spec.to_string();
        }
        person_key(spec)
    }

    /// Claims of the current revisions whose person key is one of `keys`.
    pub(super) fn indexed_by_keys<'k>(
        &self,
        keys: impl IntoIterator<Item = &'k str>,
    ) -> Result<Vec<IndexedClaim>, StoreError> {
        let mut st = self.conn.prepare_cached(&format!(
            "{INDEXED_SELECT} WHERE p.person_key = ?1 AND {}",
            current("r")
        ))?;
        let mut out = Vec::new();
        for k in keys {
            for row in st.query_map([k], indexed_from_row)? {
                out.extend(row?);
            }
        }
        Ok(out)
    }

    /// Every indexed claim of the current revisions.
    pub(super) fn indexed_all(&self) -> Result<Vec<IndexedClaim>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached(&format!("{INDEXED_SELECT} WHERE {}", current("r")))?;
        let mut out = Vec::new();
        for row in st.query_map([], indexed_from_row)? {
            out.extend(row?);
        }
        Ok(out)
    }

    /// The people of the archive, most mentioned first; with a query, those
    /// whose key or a name contains its words.
    pub fn people(&self, query: Option<&str>) -> Result<Vec<PersonSummary>, StoreError> {
        let ids = self.identities()?;
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT p.person_key, r.article_id,
                    coalesce(json_extract(c.fields, '$.person'), json_extract(c.fields, '$.speaker'))
             FROM claim_people p JOIN claims c ON c.id = p.claim_id JOIN revisions r ON r.id = c.revision_id
             WHERE {}",
            current("r")
        ))?;
        struct Acc {
            claims: u32,
            articles: BTreeSet<ArticleId>,
            names: HashMap<String, u32>,
        }
        let mut by: BTreeMap<String, Acc> = BTreeMap::new();
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, ArticleId>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        for row in rows {
            let (key, article, name) = row?;
            let id = ids.resolve(&key, article);
            let acc = by.entry(id).or_insert_with(|| Acc {
                claims: 0,
                articles: BTreeSet::new(),
                names: HashMap::new(),
            });
            acc.claims += 1;
            acc.articles.insert(article);
            *acc.names.entry(name.unwrap_or_default()).or_default() += 1;
        }
        let words: Vec<String> = query
            .map(|q| {
                crate::model::word_key(q)
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .map(crate::extract::coref::key)
                    .collect()
            })
            .unwrap_or_default();
        let mut out: Vec<PersonSummary> = by
            .into_iter()
            .map(|(id, acc)| summary(id, acc.claims, acc.articles.len(), acc.names))
            .filter(|p| {
                words.iter().all(|w| {
                    p.id.split(' ').any(|k| k.starts_with(w.as_str()))
                        || p.names
                            .iter()
                            .any(|n| crate::model::word_key(n).contains(w.as_str()))
                })
            })
            .collect();
        out.sort_by(|a, b| b.claims.cmp(&a.claims).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    /// The identity a NAME or ID names: a listed id, the key of a name,
    /// or, for a surname alone, the one person of that surname.
    pub fn find_person(&self, spec: &str) -> Result<String, StoreError> {
        let ids = self.identities()?;
        let key = self.person_id_key(spec);
        if key.is_empty() {
            return Err(StoreError::Invalid(format!(
                "{spec:?} is not a person's name"
            )));
        }
        let identity = ids.root(&key);
        let has_claims = self
            .indexed_by_keys(ids.source_keys(&identity).iter().map(String::as_str))?
            .iter()
            .any(|c| ids.resolve(&c.key, c.article_id) == identity);
        if has_claims {
            return Ok(identity);
        }
        let (surname, given) = split_key(&key);
        let candidates: Vec<PersonSummary> = self
            .people(Some(surname))?
            .into_iter()
            .filter(|p| {
                let (s, g) = split_key(&p.id);
                s == surname
                    && (given.is_none()
                        || g.zip(given)
                            .is_some_and(|(g, q)| g.starts_with(q) || q.starts_with(g)))
            })
            .collect();
        match candidates.as_slice() {
            [one] => Ok(one.id.clone()),
            [] => Err(StoreError::Invalid(format!(
                "no person {spec:?} in the archive"
            ))),
            many => Err(StoreError::Invalid(format!(
                "{spec:?} may be {}: give one of these ids",
                many.iter()
                    .map(|p| format!("{:?} ({})", p.id, p.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// Everything the archive says about a person, in date order.
    pub fn person(&self, spec: &str) -> Result<PersonPage, StoreError> {
        let identity = self.find_person(spec)?;
        let ids = self.identities()?;
        let keys = ids.source_keys(&identity);
        let claims: Vec<IndexedClaim> = self
            .indexed_by_keys(keys.iter().map(String::as_str))?
            .into_iter()
            .filter(|c| ids.resolve(&c.key, c.article_id) == identity)
            .collect();
        let mut names: HashMap<String, u32> = HashMap::new();
        let mut articles = BTreeSet::new();
        let mut used_keys = BTreeSet::new();
        let mut page_items: Vec<PersonItem> = Vec::new();
        for c in &claims {
            *names
                .entry(c.fields.person().unwrap_or("").to_string())
                .or_default() += 1;
            articles.insert(c.article_id);
            used_keys.insert(c.key.clone());
            let date = match &c.fields {
                ClaimFields::Dismissal { date, .. } | ClaimFields::Attendance { date, .. } => {
                    date.clone()
                }
                _ => None,
            };
            let sort_date = date
                .as_deref()
                .and_then(crate::archive::rules::interval)
                .map(|i| i.0)
                .or(c.published);
            let date_words = date
                .as_deref()
                .and_then(|d| crate::TimeValue::parse(d).ok())
                .map(|v| v.words());
            page_items.push(PersonItem {
                claim_id: c.id,
                article_id: c.article_id,
                article_title: c.title.clone(),
                published: c.published,
                date,
                date_words,
                sort_date,
                kind: c.fields.kind(),
                text: c.text.clone(),
                fields: c.fields.clone(),
                verdict: c.status,
            });
        }
        page_items.sort_by(|a, b| {
            (a.sort_date, a.article_id, a.claim_id).cmp(&(b.sort_date, b.article_id, b.claim_id))
        });
        let mut page = PersonPage {
            summary: summary(identity.clone(), claims.len() as u32, articles.len(), names),
            keys: used_keys.into_iter().collect(),
            roles: Vec::new(),
            departures: Vec::new(),
            attendances: Vec::new(),
            quotes: Vec::new(),
            decisions: Vec::new(),
        };
        for item in page_items {
            match item.kind {
                ClaimKind::Role => page.roles.push(item),
                ClaimKind::Dismissal => page.departures.push(item),
                ClaimKind::Attendance => page.attendances.push(item),
                ClaimKind::Quote => page.quotes.push(item),
                ClaimKind::Date => {}
            }
        }
        page.decisions = self
            .person_decisions()?
            .into_iter()
            .filter(|d| match &d.decision {
                PersonDecision::Same { a, b } | PersonDecision::Different { a, b } => {
                    keys.contains(a) || keys.contains(b)
                }
                PersonDecision::Split { key, into, .. } => {
                    keys.contains(key) || keys.contains(into)
                }
            })
            .collect();
        Ok(page)
    }
}

fn summary(id: String, claims: u32, articles: usize, names: HashMap<String, u32>) -> PersonSummary {
    let mut names: Vec<(String, u32)> = names.into_iter().filter(|(n, _)| !n.is_empty()).collect();
    names.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(b.0.len().cmp(&a.0.len()))
            .then(a.0.cmp(&b.0))
    });
    let names: Vec<String> = names.into_iter().map(|(n, _)| n).collect();
    PersonSummary {
        name: names.first().cloned().unwrap_or_else(|| id.clone()),
        id,
        names,
        claims,
        articles: articles as u32,
    }
}
