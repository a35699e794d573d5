//! Corrections: a checker's changes to the machine's claims, kept as
//! append-only events (add, edit, dismiss, restore) in the `corrections`
//! table. Every event records who made it, when, the claim's state before
//! and after, and a random 128-bit `uid` that names it on every replica.
//!
//! Nothing is overwritten: the machine's claim rows stay as extracted, and
//! every read of a claim (lists, counts, reports, comparison, search) takes
//! its latest event's `after` state (see `claims::claim_from_row`). A claim
//! added by a checker is a `claims` row of its own, referenced by its `add`
//! event, so verdicts attach to it like to any claim. A dismissed claim
//! ("not a claim") leaves the lists and counts unless asked for.
//!
//! Corrections follow the article like verdicts: when a new revision is
//! stored, [`carry_corrections`] finds each corrected claim's text in the
//! new text. Found, the correction is kept (an event of origin `carried`);
//! not found, the correction is carried to the claim's new wording and the
//! claim goes to re-check (origin `recheck`, with a needs-re-check entry in
//! its review history that says why). A dismissal is carried only when the
//! dismissed claim is unchanged.

use super::articles::claim_fts_fields;
use super::claims::{CLAIM_SELECT, claim_from_row};
use super::reviews::{Link, ReviewOrigin, carried_uid, insert_review, is_verdict_status};
use super::{ArticleId, ClaimId, Store, StoreError, StoredClaim, now, published};
use crate::hash::FastMap;
use crate::model::timevalue::TimeValue;
use crate::model::{Claim, ClaimFields, ClaimKind, Sentence, Status, word_key};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

/// What a correction did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CorrectionAction {
    /// A claim the machine missed, added by a checker.
    Add,
    /// A claim's fields or span changed.
    Edit,
    /// "Not a claim": the claim leaves the lists and counts.
    Dismiss,
    /// A dismissed claim is a claim again.
    Restore,
}

impl CorrectionAction {
    pub fn as_str(self) -> &'static str {
        match self {
            CorrectionAction::Add => "add",
            CorrectionAction::Edit => "edit",
            CorrectionAction::Dismiss => "dismiss",
            CorrectionAction::Restore => "restore",
        }
    }

    fn from_name(s: &str) -> CorrectionAction {
        match s {
            "add" => CorrectionAction::Add,
            "dismiss" => CorrectionAction::Dismiss,
            "restore" => CorrectionAction::Restore,
            _ => CorrectionAction::Edit,
        }
    }
}

/// A claim as a correction leaves it: span, text and fields, and whether it
/// is dismissed (with the reason given).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimState {
    #[serde(flatten)]
    pub claim: Claim,
    #[serde(default)]
    pub dismissed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl ClaimState {
    fn of(c: &StoredClaim) -> ClaimState {
        ClaimState {
            claim: c.claim.clone(),
            dismissed: c.dismissed,
            reason: c.dismiss_reason.clone(),
        }
    }

    fn plain(claim: Claim) -> ClaimState {
        ClaimState {
            claim,
            dismissed: false,
            reason: None,
        }
    }
}

/// One correction event of a claim's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Correction {
    pub id: i64,
    /// 32 hex digits, unique on every replica.
    pub uid: String,
    pub claim_id: ClaimId,
    /// The revision number of the claim the event was made on.
    pub revision: u32,
    pub action: CorrectionAction,
    /// Who made it (none for an event carried over to a new revision).
    pub by: Option<String>,
    /// RFC 3339, UTC.
    pub at: String,
    /// Why: the reason of a dismissal, or what changed for a re-check.
    pub reason: Option<String>,
    /// The claim before (none for an added claim).
    pub before: Option<ClaimState>,
    pub after: ClaimState,
    pub origin: ReviewOrigin,
}

/// A change of a claim: its span and/or fields (`name=value`; an empty
/// value clears an optional field).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClaimEdit {
    pub span: Option<(usize, usize)>,
    pub fields: Vec<(String, String)>,
}

/// What carrying corrections over to a new revision did.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct CarriedCorrections {
    /// Corrections kept because their claim's text is unchanged.
    pub kept: usize,
    /// Corrections carried to a changed claim, which goes to re-check.
    pub rechecked: usize,
}

/// The fields a claim of `kind` has, in order.
pub fn field_names(kind: ClaimKind) -> &'static [&'static str] {
    match kind {
        ClaimKind::Date => &["value", "timex_type"],
        ClaimKind::Role => &["person", "role", "org"],
        ClaimKind::Dismissal => &["person", "role", "by", "date", "how"],
        ClaimKind::Attendance => &["person", "event", "place", "date", "planned"],
        ClaimKind::Quote => &["speaker", "quote"],
    }
}

/// The fields a claim of `kind` cannot be without.
fn required(kind: ClaimKind) -> &'static [&'static str] {
    match kind {
        ClaimKind::Date => &["value", "timex_type"],
        ClaimKind::Role => &["person", "role"],
        ClaimKind::Dismissal => &["person", "how"],
        ClaimKind::Attendance => &["person", "event", "planned"],
        ClaimKind::Quote => &["speaker", "quote"],
    }
}

/// The longest value a field takes.
const MAX_FIELD: usize = 4000;

/// Sets the fields `changes` on `fields` (a JSON object tagged with the
/// claim's kind), checking each name and value.
fn apply_fields(
    kind: ClaimKind,
    map: &mut serde_json::Map<String, serde_json::Value>,
    changes: &[(String, String)],
) -> Result<(), StoreError> {
    let names = field_names(kind);
    for (name, value) in changes {
        let name = name.trim();
        let value = value.trim();
        if !names.contains(&name) {
            return Err(StoreError::Invalid(format!(
                "a {kind} claim has no field {name:?}; its fields are {}",
                names.join(", ")
            )));
        }
        if value.len() > MAX_FIELD {
            return Err(StoreError::Invalid(format!(
                "the value of {name} is too long (at most {MAX_FIELD} bytes)"
            )));
        }
        if value.is_empty() {
            if required(kind).contains(&name) {
                return Err(StoreError::Invalid(format!(
                    "{name} cannot be empty in a {kind} claim"
                )));
            }
            map.remove(name);
            continue;
        }
        let json = match name {
            "value" | "date" => {
                TimeValue::parse(value).map_err(|e| {
                    StoreError::Invalid(format!(
                        "{name} {value:?} is not a TimeML value (such as 2026-03-12, 2026-W11, 2026, P3Y): {e}"
                    ))
                })?;
                serde_json::Value::from(value)
            }
            "timex_type" => {
                let t = value.to_ascii_uppercase();
                if !["DATE", "TIME", "DURATION", "SET"].contains(&t.as_str()) {
                    return Err(StoreError::Invalid(format!(
                        "timex_type {value:?} is not one of DATE, TIME, DURATION, SET"
                    )));
                }
                serde_json::Value::from(t)
            }
            "how" => {
                let h = value.to_ascii_lowercase();
                if !["dismissed", "resigned", "suspended", "other"].contains(&h.as_str()) {
                    return Err(StoreError::Invalid(format!(
                        "how {value:?} is not one of dismissed, resigned, suspended, other"
                    )));
                }
                serde_json::Value::from(h)
            }
            "planned" => match value.to_ascii_lowercase().as_str() {
                "true" | "yes" => serde_json::Value::from(true),
                "false" | "no" => serde_json::Value::from(false),
                _ => {
                    return Err(StoreError::Invalid(format!(
                        "planned {value:?} is not true or false"
                    )));
                }
            },
            _ => serde_json::Value::from(value),
        };
        map.insert(name.to_string(), json);
    }
    Ok(())
}

fn fields_from_map(
    kind: ClaimKind,
    map: serde_json::Map<String, serde_json::Value>,
) -> Result<ClaimFields, StoreError> {
    let missing: Vec<&str> = required(kind)
        .iter()
        .copied()
        .filter(|f| !map.contains_key(*f))
        .collect();
    if !missing.is_empty() {
        return Err(StoreError::Invalid(format!(
            "a {kind} claim needs {} (missing: {})",
            required(kind).join(", "),
            missing.join(", ")
        )));
    }
    serde_json::from_value(serde_json::Value::Object(map))
        .map_err(|e| StoreError::Invalid(format!("the fields do not make a {kind} claim: {e}")))
}

/// The fields of a new claim of `kind` over `span_text`, from `changes`
/// and the defaults (a date is a DATE, a dismissal's how is "other", an
/// attendance is not planned, a quote's words are the span without its
/// quotation marks).
pub fn new_fields(
    kind: ClaimKind,
    span_text: &str,
    changes: &[(String, String)],
) -> Result<ClaimFields, StoreError> {
    let mut map = serde_json::Map::new();
    map.insert("kind".into(), kind.as_str().into());
    match kind {
        ClaimKind::Date => {
            map.insert("timex_type".into(), "DATE".into());
        }
        ClaimKind::Dismissal => {
            map.insert("how".into(), "other".into());
        }
        ClaimKind::Attendance => {
            map.insert("planned".into(), false.into());
        }
        ClaimKind::Quote => {
            let words = span_text
                .trim()
                .trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’'))
                .trim();
            if !words.is_empty() {
                map.insert("quote".into(), words.into());
            }
        }
        ClaimKind::Role => {}
    }
    apply_fields(kind, &mut map, changes)?;
    fields_from_map(kind, map)
}

/// `fields` with `changes` applied.
pub fn edited_fields(
    fields: &ClaimFields,
    changes: &[(String, String)],
) -> Result<ClaimFields, StoreError> {
    let kind = fields.kind();
    let serde_json::Value::Object(mut map) = serde_json::to_value(fields)? else {
        return Err(StoreError::Invalid(
            "a claim's fields are not an object".into(),
        ));
    };
    apply_fields(kind, &mut map, changes)?;
    fields_from_map(kind, map)
}

/// Checks a span of `text` and returns its text and sentence index.
pub fn span_of(
    text: &str,
    sentences: &[Sentence],
    start: usize,
    end: usize,
) -> Result<(String, usize), StoreError> {
    if start >= end || end > text.len() {
        return Err(StoreError::Invalid(format!(
            "span {start}:{end} is not inside the article's text (byte offsets 0 to {}, start before end)",
            text.len()
        )));
    }
    let Some(span) = text.get(start..end) else {
        return Err(StoreError::Invalid(format!(
            "span {start}:{end} cuts a character in two; offsets are bytes of the UTF-8 text"
        )));
    };
    if span.trim().is_empty() {
        return Err(StoreError::Invalid(format!(
            "span {start}:{end} holds only spaces"
        )));
    }
    Ok((span.to_string(), sentence_of(sentences, start)))
}

/// The index of the sentence that holds byte `at`.
fn sentence_of(sentences: &[Sentence], at: usize) -> usize {
    sentences.iter().rposition(|s| s.start <= at).unwrap_or(0)
}

/// SQL condition: claim `alias` is not dismissed (its latest correction,
/// if any, does not leave it dismissed).
pub(crate) fn not_dismissed(alias: &str) -> String {
    format!(
        "NOT coalesce((SELECT json_extract(k.after, '$.dismissed') FROM corrections k
                       WHERE k.claim_id = {alias}.id ORDER BY k.id DESC LIMIT 1), 0)"
    )
}

/// Appends one event; returns its id.
#[allow(clippy::too_many_arguments)]
fn insert_event(
    tx: &Transaction,
    claim: ClaimId,
    action: CorrectionAction,
    by: Option<&str>,
    reason: Option<&str>,
    before: Option<&ClaimState>,
    after: &ClaimState,
    origin: ReviewOrigin,
) -> Result<i64, StoreError> {
    let before = before.map(serde_json::to_string).transpose()?;
    tx.prepare_cached(
        "INSERT INTO corrections (uid, claim_id, action, actor, at, reason, before, after, origin)
         VALUES (lower(hex(randomblob(16))), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        claim,
        action.as_str(),
        by,
        now(),
        reason,
        before,
        serde_json::to_string(after)?,
        origin.as_str()
    ])?;
    let id = tx.last_insert_rowid();
    index_event(tx, id, claim, after)?;
    Ok(id)
}

/// Indexes event `id` (of claim `claim`, leaving it as `after`) for
/// search, and the claim by person: the archive's person index follows the
/// corrected claim, so a corrected person is found under their own key and
/// a dismissed claim under none.
fn index_event(
    tx: &Transaction,
    id: i64,
    claim: ClaimId,
    after: &ClaimState,
) -> Result<(), StoreError> {
    tx.prepare_cached("INSERT INTO corrections_fts (rowid, text, fields) VALUES (?1, ?2, ?3)")?
        .execute(params![
            id,
            after.claim.text,
            claim_fts_fields(&after.claim.fields)
        ])?;
    tx.prepare_cached("DELETE FROM claim_people WHERE claim_id = ?1")?
        .execute([claim])?;
    if !after.dismissed {
        super::people::index_claim(tx, claim, &after.claim.fields)?;
    }
    Ok(())
}

/// Indexes correction `id` for search and its claim by person, as
/// [`insert_event`] does: for an event pulled from a team hub (see
/// `store/shared.rs`). Events are pulled in the hub's order, so the last
/// one indexed is the claim's latest.
pub(super) fn index_correction(tx: &Transaction, id: i64) -> Result<(), StoreError> {
    let (claim, after): (ClaimId, String) = tx.query_row(
        "SELECT claim_id, after FROM corrections WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let after: ClaimState = serde_json::from_str(&after)?;
    index_event(tx, id, claim, &after)
}

/// Inserts a claims row of a checker's claim into `revision` (after the
/// machine's, whose numbering it keeps); returns its id.
fn insert_claim_row(
    tx: &Transaction,
    revision: i64,
    claim: &Claim,
    previous: Option<ClaimId>,
) -> Result<ClaimId, StoreError> {
    tx.prepare_cached(
        "INSERT INTO claims (revision_id, idx, kind, key, start, end, sentence, text, confidence, fields, previous_id)
         VALUES (?1, (SELECT coalesce(max(idx), -1) + 1 FROM claims WHERE revision_id = ?1),
                 ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        revision,
        claim.kind().as_str(),
        claim.stable_key(),
        claim.start,
        claim.end,
        claim.sentence,
        claim.text,
        f64::from(claim.confidence),
        serde_json::to_string(&claim.fields)?,
        previous
    ])?;
    Ok(tx.last_insert_rowid())
}

fn revision_text(tx: &Transaction, revision: i64) -> Result<(String, Vec<Sentence>), StoreError> {
    let text: String = tx.query_row(
        "SELECT text FROM revisions WHERE id = ?1",
        [revision],
        |r| r.get(0),
    )?;
    let sentences = tx
        .prepare_cached("SELECT start, end FROM sentences WHERE revision_id = ?1 ORDER BY idx")?
        .query_map([revision], |r| {
            Ok(Sentence {
                start: r.get(0)?,
                end: r.get(1)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok((text, sentences))
}

/// Where a claim of a published revision is: its revision's id and
/// number, its article and the article's latest published revision number.
fn locate(tx: &Transaction, claim: ClaimId) -> Result<(i64, u32, ArticleId, u32), StoreError> {
    tx.query_row(
        &format!(
            "SELECT c.revision_id, r.number, r.article_id,
                    (SELECT max(x.number) FROM revisions x WHERE x.article_id = r.article_id AND {})
             FROM claims c JOIN revisions r ON r.id = c.revision_id
             WHERE c.id = ?1 AND {}",
            published("x"),
            published("r")
        ),
        [claim],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )
    .optional()?
    .ok_or(StoreError::NoClaim(claim))
}

fn clean_name(by: Option<&str>) -> Result<String, StoreError> {
    by.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .ok_or_else(|| StoreError::Invalid("a correction needs the name of who made it".into()))
}

fn clean_reason(reason: Option<&str>) -> Option<String> {
    reason
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

impl Store {
    /// Adds a claim the machine missed to the article's current revision:
    /// a claim of `kind` over the byte span `start..end` of its text, with
    /// `fields` (`name=value`). Returns the new claim, which takes verdicts
    /// like any other.
    pub fn add_claim(
        &mut self,
        article: ArticleId,
        kind: ClaimKind,
        span: (usize, usize),
        fields: &[(String, String)],
        by: Option<&str>,
    ) -> Result<StoredClaim, StoreError> {
        let by = clean_name(by)?;
        let rev = self.revision(article, None)?;
        let (text, sentence) = span_of(&rev.text, &rev.sentences, span.0, span.1)?;
        let claim = Claim {
            start: span.0,
            end: span.1,
            fields: new_fields(kind, &text, fields)?,
            text,
            sentence,
            confidence: 1.0,
        };
        let tx = self.begin()?;
        let latest: Option<i64> = tx
            .query_row(
                &format!(
                    "SELECT r.id FROM revisions r WHERE r.article_id = ?1 AND {}
                     ORDER BY r.number DESC LIMIT 1",
                    published("r")
                ),
                [article],
                |r| r.get(0),
            )
            .optional()?;
        if latest != Some(rev.info.id) {
            return Err(StoreError::Invalid(format!(
                "article {article} got a new revision meanwhile; add the claim to that one"
            )));
        }
        let id = insert_claim_row(&tx, rev.info.id, &claim, None)?;
        insert_event(
            &tx,
            id,
            CorrectionAction::Add,
            Some(&by),
            None,
            None,
            &ClaimState::plain(claim),
            ReviewOrigin::Manual,
        )?;
        tx.commit()?;
        self.claim(id)
    }

    /// Corrects a claim's span and/or fields.
    pub fn edit_claim(
        &mut self,
        claim: ClaimId,
        edit: &ClaimEdit,
        by: Option<&str>,
    ) -> Result<StoredClaim, StoreError> {
        let by = clean_name(by)?;
        if edit.span.is_none() && edit.fields.is_empty() {
            return Err(StoreError::Invalid(
                "nothing to change: give a span or fields".into(),
            ));
        }
        self.correct(
            claim,
            |rev_text, sentences, before| {
                let mut after = before.clone();
                if let Some((start, end)) = edit.span {
                    let (text, sentence) = span_of(rev_text, sentences, start, end)?;
                    after.claim.start = start;
                    after.claim.end = end;
                    after.claim.text = text;
                    after.claim.sentence = sentence;
                }
                after.claim.fields = edited_fields(&after.claim.fields, &edit.fields)?;
                if after == *before {
                    return Err(StoreError::Invalid(format!(
                        "claim {claim} already says that; nothing was changed"
                    )));
                }
                Ok((CorrectionAction::Edit, after, None))
            },
            &by,
        )
    }

    /// Dismisses a claim as "not a claim", with an optional reason.
    pub fn dismiss_claim(
        &mut self,
        claim: ClaimId,
        reason: Option<&str>,
        by: Option<&str>,
    ) -> Result<StoredClaim, StoreError> {
        let by = clean_name(by)?;
        let reason = clean_reason(reason);
        self.correct(
            claim,
            |_, _, before| {
                if before.dismissed {
                    return Err(StoreError::Invalid(format!(
                        "claim {claim} is already dismissed"
                    )));
                }
                let mut after = before.clone();
                after.dismissed = true;
                after.reason = reason.clone();
                Ok((CorrectionAction::Dismiss, after, reason.clone()))
            },
            &by,
        )
    }

    /// Makes a dismissed claim a claim again.
    pub fn restore_claim(
        &mut self,
        claim: ClaimId,
        by: Option<&str>,
    ) -> Result<StoredClaim, StoreError> {
        let by = clean_name(by)?;
        self.correct(
            claim,
            |_, _, before| {
                if !before.dismissed {
                    return Err(StoreError::Invalid(format!(
                        "claim {claim} is not dismissed; nothing to restore"
                    )));
                }
                let mut after = before.clone();
                after.dismissed = false;
                after.reason = None;
                Ok((CorrectionAction::Restore, after, None))
            },
            &by,
        )
    }

    /// One correction of a claim of the article's current revision, in
    /// one transaction: `change` gets the revision's text and sentences and
    /// the claim's state, and says what the event is.
    fn correct(
        &mut self,
        claim: ClaimId,
        change: impl FnOnce(
            &str,
            &[Sentence],
            &ClaimState,
        )
            -> Result<(CorrectionAction, ClaimState, Option<String>), StoreError>,
        by: &str,
    ) -> Result<StoredClaim, StoreError> {
        let tx = self.begin()?;
        let (revision, number, article, latest) = locate(&tx, claim)?;
        if number != latest {
            return Err(StoreError::Invalid(format!(
                "claim {claim} is in revision {number} of article {article}, but the current revision is {latest}; correct the claim there (`claimdesk claims {article}`)"
            )));
        }
        let current = tx
            .prepare_cached(&format!("{CLAIM_SELECT} WHERE c.id = ?1"))?
            .query_row([claim], claim_from_row)?;
        let before = ClaimState::of(&current);
        let (text, sentences) = revision_text(&tx, revision)?;
        let (action, after, reason) = change(&text, &sentences, &before)?;
        insert_event(
            &tx,
            claim,
            action,
            Some(by),
            reason.as_deref(),
            Some(&before),
            &after,
            ReviewOrigin::Manual,
        )?;
        tx.commit()?;
        self.claim(claim)
    }

    /// Every correction of a claim, oldest first, including those made on
    /// the same claim in earlier revisions.
    pub fn corrections(&self, claim: ClaimId) -> Result<Vec<Correction>, StoreError> {
        let _ = self.claim(claim)?;
        let mut st = self.conn.prepare_cached(
            "WITH RECURSIVE lineage(id) AS (
                 SELECT ?1
                 UNION SELECT c.previous_id FROM claims c JOIN lineage l ON c.id = l.id WHERE c.previous_id IS NOT NULL
             )
             SELECT k.id, k.uid, k.claim_id, r.number, k.action, k.actor, k.at, k.reason,
                    k.before, k.after, k.origin
             FROM corrections k
             JOIN lineage l ON k.claim_id = l.id
             JOIN claims c ON c.id = k.claim_id
             JOIN revisions r ON r.id = c.revision_id
             ORDER BY k.id",
        )?;
        let rows = st.query_map([claim], |r| {
            let action: String = r.get(4)?;
            let origin: String = r.get(10)?;
            let before: Option<String> = r.get(8)?;
            let after: String = r.get(9)?;
            Ok((
                Correction {
                    id: r.get(0)?,
                    uid: r.get(1)?,
                    claim_id: r.get(2)?,
                    revision: r.get(3)?,
                    action: CorrectionAction::from_name(&action),
                    by: r.get(5)?,
                    at: r.get(6)?,
                    reason: r.get(7)?,
                    before: None,
                    after: ClaimState::plain(placeholder()),
                    origin: ReviewOrigin::from_name(&origin),
                },
                before,
                after,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mut c, before, after) = row?;
            c.before = before.map(|b| serde_json::from_str(&b)).transpose()?;
            c.after = serde_json::from_str(&after)?;
            out.push(c);
        }
        Ok(out)
    }
}

/// A claim to fill a [`Correction`] until its states are read.
fn placeholder() -> Claim {
    Claim {
        start: 0,
        end: 0,
        text: String::new(),
        sentence: 0,
        confidence: 0.0,
        fields: ClaimFields::Quote {
            speaker: String::new(),
            quote: String::new(),
        },
    }
}

/// The byte offset of the occurrence of `needle` in `text` nearest to
/// `expected`.
fn nearest(text: &str, needle: &str, expected: usize) -> Option<usize> {
    text.match_indices(needle)
        .map(|(i, _)| i)
        .min_by_key(|&i| i.abs_diff(expected))
}

/// The span of the sentence of `new` most like `old_sentence` (at least
/// half of their words shared), spaces trimmed.
fn similar_sentence(
    old_sentence: &str,
    new_text: &str,
    new_sentences: &[Sentence],
) -> Option<(usize, usize)> {
    let words = |s: &str| -> Vec<String> { word_key(s).split(' ').map(String::from).collect() };
    let old = words(old_sentence);
    let mut best: Option<(f64, usize, usize)> = None;
    for s in new_sentences {
        let Some(text) = new_text.get(s.start..s.end) else {
            continue;
        };
        let new = words(text);
        let shared = new.iter().filter(|w| old.contains(w)).count();
        let score = shared as f64 / old.len().max(new.len()).max(1) as f64;
        if score >= 0.5 && best.is_none_or(|b| score > b.0) {
            let lead = text.len() - text.trim_start().len();
            let trail = text.len() - text.trim_end().len();
            best = Some((score, s.start + lead, s.end - trail));
        }
    }
    best.filter(|b| b.1 < b.2).map(|b| (b.1, b.2))
}

/// Carries the corrections of `previous`'s claims over to the new
/// revision `new` (number `new_number`), whose machine claims are linked
/// to the previous ones by `links`. Updates `links` so that verdicts then
/// follow the corrected claims: a kept correction keeps its claim's
/// verdict, a changed one is re-checked here (its link is removed), and a
/// checker's claim carried as a new row gets a link of its own.
pub(super) fn carry_corrections(
    tx: &Transaction,
    previous: i64,
    new: i64,
    new_number: u32,
    links: &mut Vec<Link>,
) -> Result<CarriedCorrections, StoreError> {
    let mut out = CarriedCorrections::default();
    let old: Vec<StoredClaim> = tx
        .prepare_cached(&format!(
            "{CLAIM_SELECT} WHERE c.revision_id = ?1
               AND EXISTS (SELECT 1 FROM corrections x WHERE x.claim_id = c.id)
             ORDER BY c.idx"
        ))?
        .query_map([previous], claim_from_row)?
        .collect::<Result<_, _>>()?;
    if old.is_empty() {
        return Ok(out);
    }
    let (old_text, old_sentences) = revision_text(tx, previous)?;
    let (new_text, new_sentences) = revision_text(tx, new)?;
    let new_machine: FastMap<ClaimId, Claim> = tx
        .prepare_cached(&format!(
            "{CLAIM_SELECT} WHERE c.revision_id = ?1 ORDER BY c.idx"
        ))?
        .query_map([new], claim_from_row)?
        .map(|c| c.map(|c| (c.id, c.claim)))
        .collect::<Result<_, _>>()?;
    for o in old {
        if !o.added && !o.edited && !o.dismissed {
            continue; // restored: nothing to carry
        }
        let state = ClaimState::of(&o);
        let link_at = links.iter().position(|l| l.old_id == o.id);
        let linked = link_at.and_then(|i| {
            new_machine
                .get(&links[i].new_id)
                .map(|n| (links[i].new_id, n.clone()))
        });
        let machine_start = o.machine.as_ref().map_or(o.claim.start, |m| m.start);
        let expected = match &linked {
            Some((_, n)) => (n.start + state.claim.start).saturating_sub(machine_start),
            None => state.claim.start * new_text.len().max(1) / old_text.len().max(1),
        };
        let found = nearest(&new_text, &state.claim.text, expected);
        if !o.added && !o.edited {
            // Only dismissed: carried when the claim is unchanged.
            if let (Some(_), Some((nid, n)), Some(i)) = (found, &linked, link_at)
                && links[i].changed.is_none()
            {
                let before = ClaimState::plain(n.clone());
                let after = ClaimState {
                    claim: n.clone(),
                    dismissed: true,
                    reason: state.reason.clone(),
                };
                insert_event(
                    tx,
                    *nid,
                    CorrectionAction::Dismiss,
                    None,
                    state.reason.as_deref(),
                    Some(&before),
                    &after,
                    ReviewOrigin::Carried,
                )?;
                out.kept += 1;
            }
            continue;
        }
        let (span, unchanged) = match (found, &linked) {
            (Some(p), _) => ((p, p + state.claim.text.len()), true),
            (None, Some((_, n))) => ((n.start, n.end), false),
            (None, None) => {
                let old_sentence = old_sentences
                    .get(state.claim.sentence)
                    .and_then(|s| old_text.get(s.start..s.end))
                    .unwrap_or(&state.claim.text);
                match similar_sentence(old_sentence, &new_text, &new_sentences) {
                    Some(span) => (span, false),
                    None => continue, // the claim is gone with its sentence
                }
            }
        };
        let Some(span_text) = new_text.get(span.0..span.1) else {
            continue;
        };
        let mut after = state.clone();
        after.claim.start = span.0;
        after.claim.end = span.1;
        after.claim.text = span_text.to_string();
        after.claim.sentence = sentence_of(&new_sentences, span.0);
        let why = (!unchanged).then(|| {
            format!(
                "the corrected claim's text changed in revision {new_number}: \u{201c}{}\u{201d} \u{2192} \u{201c}{}\u{201d}",
                state.claim.text, after.claim.text
            )
        });
        if !unchanged {
            // A dismissal is carried only with an unchanged claim.
            after.dismissed = false;
            after.reason = None;
        }
        let origin = if unchanged {
            ReviewOrigin::Carried
        } else {
            ReviewOrigin::Recheck
        };
        let target = match (&linked, o.added) {
            (Some((nid, n)), false) => {
                insert_event(
                    tx,
                    *nid,
                    CorrectionAction::Edit,
                    None,
                    why.as_deref(),
                    Some(&ClaimState::plain(n.clone())),
                    &after,
                    origin,
                )?;
                if let Some(i) = link_at {
                    links[i].changed = why.clone();
                }
                *nid
            }
            _ => {
                let id = insert_claim_row(tx, new, &after.claim, Some(o.id))?;
                insert_event(
                    tx,
                    id,
                    CorrectionAction::Add,
                    None,
                    why.as_deref(),
                    None,
                    &after,
                    origin,
                )?;
                links.push(Link {
                    new_id: id,
                    old_id: o.id,
                    revision: new_number,
                    changed: why.clone(),
                });
                id
            }
        };
        match why {
            None => out.kept += 1,
            Some(why) => {
                let was = if is_verdict_status(o.status) {
                    format!("; it was {} before", o.status.label())
                } else {
                    String::new()
                };
                let note = format!("Re-check: {why}{was}.");
                insert_review(
                    tx,
                    target,
                    Status::NeedsRecheck,
                    Some(&note),
                    &[],
                    None,
                    ReviewOrigin::Recheck,
                    // Every replica that carries this correction derives
                    // the same entry.
                    Some(carried_uid(tx, "correction-recheck", &note, target)?),
                )?;
                links.retain(|l| l.new_id != target);
                out.rechecked += 1;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn new_fields_check_names_and_values() {
        // kind, span text, fields, the fields' JSON or the error's words
        type Case<'a> = (
            ClaimKind,
            &'a str,
            &'a [(&'a str, &'a str)],
            Result<&'a str, &'a str>,
        );
        let cases: &[Case] = &[
            (
                ClaimKind::Role,
                "x",
                &[("person", "Ada Quell"), ("role", "mayor")],
                Ok(r#"{"kind":"role","person":"Ada Quell","role":"mayor"}"#),
            ),
            (
                ClaimKind::Role,
                "x",
                &[("person", "Ada Quell")],
                Err("missing: role"),
            ),
            (
                ClaimKind::Role,
                "x",
                &[("speaker", "Ada")],
                Err("no field \"speaker\""),
            ),
            (
                ClaimKind::Quote,
                "\u{201c}We will build.\u{201d}",
                &[("speaker", "Ada Quell")],
                Ok(r#"{"kind":"quote","speaker":"Ada Quell","quote":"We will build."}"#),
            ),
            (
                ClaimKind::Date,
                "Friday",
                &[("value", "2026-03-13")],
                Ok(r#"{"kind":"date","value":"2026-03-13","timex_type":"DATE"}"#),
            ),
            (
                ClaimKind::Date,
                "Friday",
                &[("value", "next Friday")],
                Err("not a TimeML value"),
            ),
            (
                ClaimKind::Dismissal,
                "x",
                &[("person", "Ada Quell"), ("how", "sacked")],
                Err("how \"sacked\""),
            ),
            (
                ClaimKind::Attendance,
                "x",
                &[
                    ("person", "Ada Quell"),
                    ("event", "summit"),
                    ("planned", "yes"),
                ],
                Ok(r#"{"kind":"attendance","person":"Ada Quell","event":"summit","planned":true}"#),
            ),
            (
                ClaimKind::Role,
                "x",
                &[("person", ""), ("role", "mayor")],
                Err("cannot be empty"),
            ),
        ];
        for (kind, span, fields, expected) in cases {
            let got = new_fields(*kind, span, &pairs(fields))
                .map(|f| serde_json::to_string(&f).unwrap_or_default())
                .map_err(|e| e.to_string());
            match (expected, &got) {
                (Ok(want), Ok(g)) => assert_eq!(g, want, "{kind} {fields:?}"),
                (Err(want), Err(g)) => assert!(g.contains(want), "{kind} {fields:?}: {g}"),
                _ => panic!("{kind} {fields:?}: expected {expected:?}, got {got:?}"),
            }
        }
    }

    #[test]
    fn spans_are_checked() {
        let text = "Ada Quell – the mayor – spoke.";
        let sentences = [Sentence {
            start: 0,
            end: text.len(),
        }];
        let cases: &[(usize, usize, Result<&str, &str>)] = &[
            (0, 9, Ok("Ada Quell")),
            (9, 9, Err("not inside")),
            (0, 400, Err("not inside")),
            (11, 12, Err("cuts a character")),
            (9, 10, Err("only spaces")),
        ];
        for (start, end, expected) in cases {
            let got = span_of(text, &sentences, *start, *end)
                .map(|(t, _)| t)
                .map_err(|e| e.to_string());
            match (expected, &got) {
                (Ok(want), Ok(g)) => assert_eq!(g, want),
                (Err(want), Err(g)) => assert!(g.contains(want), "{start}:{end}: {g}"),
                _ => panic!("{start}:{end}: expected {expected:?}, got {got:?}"),
            }
        }
    }

    #[test]
    fn edits_clear_optional_fields() {
        let f = new_fields(
            ClaimKind::Role,
            "x",
            &pairs(&[
                ("person", "Ada Quell"),
                ("role", "mayor"),
                ("org", "Port Ellwyn"),
            ]),
        )
        .unwrap();
        let g = edited_fields(&f, &pairs(&[("org", ""), ("person", "Bo Quell")])).unwrap();
        assert_eq!(
            serde_json::to_string(&g).unwrap(),
            r#"{"kind":"role","person":"Bo Quell","role":"mayor"}"#
        );
    }
}
