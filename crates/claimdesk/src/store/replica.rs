//! This database as a replica of a team hub: giving new local rows of every
//! shared set their global keys (which puts them in the outbox), reading
//! the outbox as rows to send, marking rows pushed (or refused), and
//! storing rows pulled from the hub (references mapped from global keys to
//! local ids, see `refs.rs`) with the cursor in the same transaction. The
//! work is the same for every entry of [`super::shared::SHARED_SETS`]; the
//! hub this replica joined is in `team.rs`, the network side in the
//! `claimdesk-team` crate.

use super::articles::add_in;
use super::refs::{ids_in, ids_out};
use super::shared::{Import, Key, SHARED_SETS, SharedSet, shared_set};
use super::{Store, StoreError, Target, now};
use crate::extract::{Extraction, extract};
use crate::load::{Document, Format, SourceKind};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::{Map, Value as Json};
use sha2::{Digest, Sha256};

/// A row of the outbox, ready to send.
#[derive(Debug, Clone, PartialEq)]
pub struct OutRow {
    pub local_id: i64,
    pub gid: String,
    /// The row's shared columns, references as global keys.
    pub payload: Json,
}

/// A row read from the hub.
#[derive(Debug, Clone, PartialEq)]
pub struct PulledRow {
    pub seq: i64,
    pub gid: String,
    /// The hub login that wrote it (checked by the hub).
    pub author: String,
    pub payload: Json,
}

/// What storing a page of pulled rows did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Applied {
    /// Rows stored as new local rows.
    pub stored: usize,
    /// Rows this replica already had.
    pub known: usize,
    /// The row that points at something not pulled yet: the cursor stops
    /// before it and the next pull tries again.
    pub waiting: Option<String>,
}

fn hex_sha256(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn unknown_set(name: &str) -> StoreError {
    StoreError::Invalid(format!("no shared set {name:?}"))
}

/// The global key of local row `id` of `set`, when it has one.
fn mapped(conn: &Connection, set: &str, id: i64) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT gid FROM sync_ids WHERE set_name = ?1 AND local_id = ?2")?
        .query_row(params![set, id], |r| r.get(0))
        .optional()?)
}

/// The local id of the row of `set` with global key `gid`, when present.
fn local(conn: &Connection, set: &str, gid: &str) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT local_id FROM sync_ids WHERE set_name = ?1 AND gid = ?2")?
        .query_row(params![set, gid], |r| r.get(0))
        .optional()?)
}

/// The global key row `id` of `set` has or would get.
fn key_of(conn: &Connection, set: &SharedSet, id: i64) -> Result<Option<String>, StoreError> {
    if let Some(g) = mapped(conn, set.name, id)? {
        return Ok(Some(g));
    }
    derive_key(conn, set, id)
}

/// Derives the global key of local row `id` of `set` from its contents.
fn derive_key(conn: &Connection, set: &SharedSet, id: i64) -> Result<Option<String>, StoreError> {
    match set.key {
        Key::Column(c) => Ok(conn
            .query_row(
                &format!("SELECT {c} FROM {} WHERE id = ?1", set.table),
                [id],
                |r| r.get::<_, Option<String>>(0),
            )
            .optional()?
            .flatten()),
        Key::Article => {
            let row: Option<(Option<String>, Option<String>, Option<String>)> = conn
                .prepare_cached(
                    "SELECT a.url, a.external_id,
                            (SELECT r.content_hash FROM revisions r WHERE r.article_id = a.id ORDER BY r.number LIMIT 1)
                     FROM articles a WHERE a.id = ?1",
                )?
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            Ok(row.and_then(|(url, ext, hash)| match (url, ext, hash) {
                (Some(u), _, _) => Some(hex_sha256(&["article", "url", &u])),
                (None, Some(e), _) => Some(hex_sha256(&["article", "external_id", &e])),
                (None, None, Some(h)) => Some(hex_sha256(&["article", "text", &h])),
                _ => None,
            }))
        }
        Key::Revision => {
            let row: Option<(i64, String, Option<String>)> = conn
                .prepare_cached(
                    "SELECT article_id, content_hash, published FROM revisions WHERE id = ?1",
                )?
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            let Some((article, hash, published)) = row else {
                return Ok(None);
            };
            let Some(set) = shared_set("articles") else {
                return Err(unknown_set("articles"));
            };
            Ok(key_of(conn, set, article)?
                .map(|a| hex_sha256(&["revision", &a, &hash, published.as_deref().unwrap_or("")])))
        }
        Key::Claim => {
            let row: Option<(i64, i64, String, i64, i64)> = conn
                .prepare_cached(
                    "SELECT revision_id, idx, kind, start, end FROM claims WHERE id = ?1",
                )?
                .query_row([id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })
                .optional()?;
            let Some((revision, idx, kind, start, end)) = row else {
                return Ok(None);
            };
            let Some(set) = shared_set("revisions") else {
                return Err(unknown_set("revisions"));
            };
            Ok(key_of(conn, set, revision)?.map(|r| {
                hex_sha256(&[
                    "claim",
                    &r,
                    &idx.to_string(),
                    &kind,
                    &start.to_string(),
                    &end.to_string(),
                ])
            }))
        }
    }
}

fn to_json(v: ValueRef) -> Json {
    match v {
        ValueRef::Null => Json::Null,
        ValueRef::Integer(i) => Json::from(i),
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map_or(Json::Null, Json::Number),
        ValueRef::Text(t) => Json::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Json::String(b.iter().map(|x| format!("{x:02x}")).collect()),
    }
}

fn to_sql(v: &Json) -> Value {
    match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Integer(i64::from(*b)),
        Json::Number(n) => n
            .as_i64()
            .map(Value::Integer)
            .or_else(|| n.as_f64().map(Value::Real))
            .unwrap_or(Value::Null),
        Json::String(s) => Value::Text(s.clone()),
        other => Value::Text(other.to_string()),
    }
}

/// Why a pulled row cannot be stored yet.
enum Pending {
    Missing(String),
}

impl Store {
    /// The columns of a local table, in order (empty when there is none).
    #[cfg(test)]
    pub(crate) fn table_columns(&self, table: &str) -> Result<Vec<String>, StoreError> {
        table_columns(&self.conn, table)
    }

    /// Gives every new local row of every pushed shared set its global
    /// key, which puts it in the outbox. Rows not ready yet (a bulk import
    /// still under way) wait for a later call. Returns how many rows were
    /// added to the outbox.
    pub fn sync_scan(&mut self) -> Result<usize, StoreError> {
        /// Rows looked at per write transaction: the write lock is held
        /// for one bounded batch at a time.
        const BATCH: i64 = 5000;
        let mut added = 0;
        for set in SHARED_SETS.iter().filter(|s| s.pushed) {
            let mut high: i64 = self
                .conn
                .query_row(
                    "SELECT scanned_id FROM sync_state WHERE set_name = ?1",
                    [set.name],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or(0);
            let mut at = high;
            let mut blocked = false;
            loop {
                // Read first: a scan with nothing new takes no write lock.
                let rows: Vec<(i64, bool, bool)> = self
                    .conn
                    .prepare_cached(&format!(
                        "SELECT t.id, ({}) AS ready,
                                EXISTS (SELECT 1 FROM sync_ids s WHERE s.set_name = ?2 AND s.local_id = t.id)
                         FROM {} t WHERE t.id > ?1 AND ({}) ORDER BY t.id LIMIT ?3",
                        set.ready, set.table, set.shares
                    ))?
                    .query_map(params![at, set.name, BATCH], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                    })?
                    .collect::<Result<_, _>>()?;
                let Some(&(last, _, _)) = rows.last() else {
                    break;
                };
                at = last;
                let tx = self.begin()?;
                for (id, ready, known) in rows {
                    if !known {
                        let key = if ready {
                            derive_key(&tx, set, id)?
                        } else {
                            None
                        };
                        let Some(gid) = key else {
                            blocked = true;
                            continue;
                        };
                        let mut insert = tx.prepare_cached(
                            "INSERT OR IGNORE INTO sync_ids (set_name, local_id, gid, pushed) VALUES (?1, ?2, ?3, 0)",
                        )?;
                        if insert.execute(params![set.name, id, gid])? == 0 {
                            // Another local row has the key this one derives
                            // (the same text stored twice as two articles):
                            // this one is shared as a row of its own.
                            let own = format!("{gid}-{}", uuid::Uuid::new_v4().simple());
                            insert.execute(params![set.name, id, own])?;
                        }
                        added += 1;
                    }
                    if !blocked {
                        high = id;
                    }
                }
                tx.prepare_cached(
                    "INSERT INTO sync_state (set_name, scanned_id) VALUES (?1, ?2)
                     ON CONFLICT (set_name) DO UPDATE SET scanned_id = excluded.scanned_id",
                )?
                .execute(params![set.name, high])?;
                tx.commit()?;
            }
        }
        Ok(added)
    }

    /// Up to `limit` rows of `set`'s outbox with local ids above `after`,
    /// oldest first, as they will be sent, and the last local id looked at
    /// (the `after` of the next page; `None` at the end). A row that points
    /// at a row without a global key yet is left for a later push.
    pub fn outbox(
        &self,
        set: &str,
        after: i64,
        limit: usize,
    ) -> Result<(Vec<OutRow>, Option<i64>), StoreError> {
        let set = shared_set(set).ok_or_else(|| unknown_set(set))?;
        let ids: Vec<(i64, String)> = self
            .conn
            .prepare_cached(
                "SELECT local_id, gid FROM sync_ids WHERE set_name = ?1 AND pushed = 0 AND local_id > ?3
                 ORDER BY local_id LIMIT ?2",
            )?
            .query_map(params![set.name, i64::try_from(limit).unwrap_or(i64::MAX), after], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<Result<_, _>>()?;
        let next = ids.last().map(|(id, _)| *id);
        let mut out = Vec::with_capacity(ids.len());
        for (id, gid) in ids {
            if let Some(payload) = self.export_row(set, id)? {
                out.push(OutRow {
                    local_id: id,
                    gid,
                    payload,
                });
            }
        }
        Ok((out, next))
    }

    /// Local row `id` of `set` as the hub keeps it: its shared columns,
    /// references as global keys. `None` when the row is gone or points at
    /// a row without a global key yet.
    fn export_row(&self, set: &SharedSet, id: i64) -> Result<Option<Json>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached(&format!("SELECT * FROM {} WHERE id = ?1", set.table))?;
        let names: Vec<String> = st.column_names().iter().map(|s| s.to_string()).collect();
        let values: Option<Vec<Json>> = st
            .query_row([id], |r| {
                (0..names.len())
                    .map(|i| r.get_ref(i).map(to_json))
                    .collect::<Result<Vec<_>, _>>()
            })
            .optional()?;
        let Some(values) = values else {
            return Ok(None);
        };
        let mut payload = Map::new();
        for (name, value) in names.iter().zip(values) {
            if name == "id" || set.local_only.contains(&name.as_str()) {
                continue;
            }
            let value = match set.refs.iter().find(|r| r.column == name) {
                None => value,
                Some(r) => match self.refs_out(r, &value)? {
                    Some(v) => v,
                    None => return Ok(None),
                },
            };
            payload.insert(name.clone(), value);
        }
        Ok(Some(Json::Object(payload)))
    }

    /// Every row of `set` that has a global key, as the hub keeps it:
    /// (global key, author, columns), sorted by key. Two replicas that have
    /// converged return the same.
    pub fn shared_rows(
        &self,
        set: &str,
    ) -> Result<Vec<(String, Option<String>, Json)>, StoreError> {
        let set = shared_set(set).ok_or_else(|| unknown_set(set))?;
        let ids: Vec<(i64, String, Option<String>)> = self
            .conn
            .prepare_cached(
                "SELECT local_id, gid, author FROM sync_ids WHERE set_name = ?1 ORDER BY gid",
            )?
            .query_map([set.name], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let mut out = Vec::with_capacity(ids.len());
        for (id, gid, author) in ids {
            if let Some(p) = self.export_row(set, id)? {
                out.push((gid, author, p));
            }
        }
        Ok(out)
    }

    /// A reference column's value with local ids replaced by global keys;
    /// `None` when a referenced row has none yet.
    fn refs_out(&self, r: &super::shared::Ref, value: &Json) -> Result<Option<Json>, StoreError> {
        ids_out(r.form, value, |id| mapped(&self.conn, r.set, id))
    }

    /// Marks rows of `set` as on the hub, written by `author`.
    pub fn mark_pushed(&mut self, set: &str, ids: &[i64], author: &str) -> Result<(), StoreError> {
        let tx = self.begin()?;
        {
            let mut st = tx.prepare_cached(
                "UPDATE sync_ids SET pushed = 1, author = ?3 WHERE set_name = ?1 AND local_id = ?2",
            )?;
            for id in ids {
                st.execute(params![set, id, author])?;
            }
        }
        tx.commit()
    }

    /// Marks rows of `set` as refused by the hub: kept here, never sent
    /// again.
    pub fn mark_refused(&mut self, set: &str, ids: &[i64]) -> Result<(), StoreError> {
        let tx = self.begin()?;
        {
            let mut st = tx.prepare_cached(
                "UPDATE sync_ids SET pushed = 2 WHERE set_name = ?1 AND local_id = ?2 AND pushed = 0",
            )?;
            for id in ids {
                st.execute(params![set, id])?;
            }
        }
        tx.commit()
    }

    /// How many rows of each shared set the hub refused.
    pub fn refused_counts(&self) -> Result<Vec<(String, usize)>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT set_name, count(*) FROM sync_ids WHERE pushed = 2 GROUP BY set_name ORDER BY set_name",
        )?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    usize::try_from(r.get::<_, i64>(1)?).unwrap_or(0),
                ))
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// How many rows of each shared set wait in the outbox (after the last
    /// [`Store::sync_scan`]).
    pub fn outbox_counts(&self) -> Result<Vec<(String, usize)>, StoreError> {
        let mut out = Vec::new();
        for set in SHARED_SETS.iter().filter(|s| s.pushed) {
            let n: i64 = self.conn.query_row(
                "SELECT count(*) FROM sync_ids WHERE set_name = ?1 AND pushed = 0",
                [set.name],
                |r| r.get(0),
            )?;
            out.push((set.name.to_string(), usize::try_from(n).unwrap_or(0)));
        }
        Ok(out)
    }

    /// The hub's `server_seq` of `set` read so far.
    pub fn pulled_seq(&self, set: &str) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT pulled_seq FROM sync_state WHERE set_name = ?1",
                [set],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0))
    }

    /// Stores rows of `set` pulled from the hub, in their `seq` order, and
    /// moves the set's cursor past them in the same transaction. Rows this
    /// replica has are skipped; a row that points at a row not pulled yet
    /// stops the page there (the cursor stays before it).
    pub fn apply_pulled(&mut self, set: &str, rows: &[PulledRow]) -> Result<Applied, StoreError> {
        let set = shared_set(set).ok_or_else(|| unknown_set(set))?;
        // Extraction happens before the write transaction opens.
        let mut extractions: Vec<Option<(Document, Extraction)>> = Vec::with_capacity(rows.len());
        for row in rows {
            let todo =
                set.import == Import::Revision && local(&self.conn, set.name, &row.gid)?.is_none();
            extractions.push(
                todo.then(|| revision_document(&row.payload))
                    .flatten()
                    .map(|doc| {
                        let ex = extract(&doc.text, doc.published);
                        (doc, ex)
                    }),
            );
        }
        let tx = self.begin()?;
        let columns = table_columns(&tx, set.table)?;
        let mut applied = Applied::default();
        let mut cursor: Option<i64> = None;
        for (row, prepared) in rows.iter().zip(extractions) {
            if local(&tx, set.name, &row.gid)?.is_some() {
                applied.known += 1;
                cursor = Some(row.seq);
                continue;
            }
            let Json::Object(payload) = &row.payload else {
                return Err(StoreError::Invalid(format!(
                    "the hub sent {} {} without its columns",
                    set.name, row.gid
                )));
            };
            // References: global keys to local ids.
            let mut mapped_cols: Vec<(String, Value)> = Vec::new();
            let mut waiting = None;
            for (name, value) in payload {
                if name == "id" || !columns.iter().any(|c| c == name) {
                    continue;
                }
                let v = match set.refs.iter().find(|r| r.column == name) {
                    None => to_sql(value),
                    Some(r) => match refs_in(&tx, r, value)? {
                        Ok(v) => v,
                        Err(Pending::Missing(what)) => {
                            waiting = Some(what);
                            break;
                        }
                    },
                };
                mapped_cols.push((name.clone(), v));
            }
            if let Some(what) = waiting {
                applied.waiting = Some(format!("{} {} waits for {what}", set.name, row.gid));
                break;
            }
            if let Some(hook) = set.before_insert {
                hook(&tx, &mut mapped_cols)?;
            }
            let id = match set.import {
                Import::Rows => insert_row(&tx, set, &mapped_cols)?,
                Import::Article => import_article(&tx, &mapped_cols)?,
                Import::Revision => {
                    let article = mapped_cols
                        .iter()
                        .find(|(n, _)| n == "article_id")
                        .and_then(|(_, v)| match v {
                            Value::Integer(i) => Some(*i),
                            _ => None,
                        })
                        .ok_or_else(|| {
                            StoreError::Invalid(format!("revision {} names no article", row.gid))
                        })?;
                    let (doc, ex) = prepared.ok_or_else(|| {
                        StoreError::Invalid(format!("revision {} has no text", row.gid))
                    })?;
                    import_revision(&tx, article, &doc, &ex)?
                }
            };
            tx.prepare_cached(
                "INSERT OR IGNORE INTO sync_ids (set_name, local_id, gid, pushed, author) VALUES (?1, ?2, ?3, 1, ?4)",
            )?
            .execute(params![set.name, id, row.gid, row.author])?;
            if set.import == Import::Revision {
                map_claims(&tx, id)?;
            }
            applied.stored += 1;
            cursor = Some(row.seq);
        }
        if let Some(seq) = cursor {
            tx.prepare_cached(
                "INSERT INTO sync_state (set_name, pulled_seq) VALUES (?1, ?2)
                 ON CONFLICT (set_name) DO UPDATE SET pulled_seq = max(pulled_seq, excluded.pulled_seq)",
            )?
            .execute(params![set.name, seq])?;
        }
        tx.commit()?;
        Ok(applied)
    }

    /// The local id of the row of `set` with global key `gid`.
    pub fn local_id(&self, set: &str, gid: &str) -> Result<Option<i64>, StoreError> {
        local(&self.conn, set, gid)
    }

    /// The global key of local row `id` of `set` (after a scan or a pull).
    pub fn global_id(&self, set: &str, id: i64) -> Result<Option<String>, StoreError> {
        mapped(&self.conn, set, id)
    }
}

fn table_columns(conn: &Connection, table: &str) -> Result<Vec<String>, StoreError> {
    let mut st = conn.prepare(&format!("PRAGMA table_info({table})"))?;
    let cols = st
        .query_map([], |r| r.get::<_, String>(1))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(cols)
}

fn refs_in(
    conn: &Connection,
    r: &super::shared::Ref,
    value: &Json,
) -> Result<Result<Value, Pending>, StoreError> {
    ids_in(r.form, value, |gid| local(conn, r.set, gid))
        .map(|v| v.map_err(|gid| Pending::Missing(format!("{} {gid}", r.set))))
}

/// Inserts a pulled row as it is; a row whose key column already holds
/// the key is that row.
fn insert_row(
    conn: &rusqlite::Transaction,
    set: &SharedSet,
    cols: &[(String, Value)],
) -> Result<i64, StoreError> {
    if let Key::Column(k) = set.key
        && let Some((_, v)) = cols.iter().find(|(n, _)| n == k)
    {
        let found: Option<i64> = conn
            .query_row(
                &format!("SELECT id FROM {} WHERE {k} = ?1", set.table),
                [v],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = found {
            return Ok(id);
        }
    }
    let names: Vec<&str> = cols.iter().map(|(n, _)| n.as_str()).collect();
    let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
    conn.prepare_cached(&format!(
        "INSERT INTO {} ({}) VALUES ({})",
        set.table,
        names.join(", "),
        marks.join(", ")
    ))?
    .execute(rusqlite::params_from_iter(cols.iter().map(|(_, v)| v)))?;
    let id = conn.last_insert_rowid();
    if let Some(hook) = set.after_insert {
        hook(conn, id)?;
    }
    Ok(id)
}

fn text_col<'a>(cols: &'a [(String, Value)], name: &str) -> Option<&'a str> {
    cols.iter()
        .find(|(n, _)| n == name)
        .and_then(|(_, v)| match v {
            Value::Text(s) => Some(s.as_str()),
            _ => None,
        })
}

/// A pulled article: the local one with the same URL or bulk id, else a
/// new row (its revisions follow).
fn import_article(conn: &Connection, cols: &[(String, Value)]) -> Result<i64, StoreError> {
    let url = text_col(cols, "url");
    let ext = text_col(cols, "external_id");
    let found: Option<i64> = conn
        .prepare_cached(
            "SELECT id FROM articles WHERE (url IS NOT NULL AND url = ?1) OR (external_id IS NOT NULL AND external_id = ?2) LIMIT 1",
        )?
        .query_row(params![url, ext], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO articles (url, external_id, created_at) VALUES (?1, ?2, ?3)")?
        .execute(params![
            url,
            ext,
            text_col(cols, "created_at").map_or_else(now, str::to_string)
        ])?;
    Ok(conn.last_insert_rowid())
}

/// The document a pulled revision's columns describe.
fn revision_document(payload: &Json) -> Option<Document> {
    let s = |k: &str| payload.get(k).and_then(Json::as_str).map(str::to_string);
    let mut doc = Document::new(s("text")?, Format::from_name(&s("format")?));
    doc.title = s("title").unwrap_or_default();
    doc.byline = s("byline");
    doc.published = s("published").and_then(|d| d.parse().ok());
    doc.source = s("source");
    doc.source_kind = SourceKind::from_name(&s("source_kind")?);
    doc.encoding = s("encoding");
    Some(doc)
}

/// A pulled revision of local article `article`: the local revision with
/// the same text and date, else a new revision stored by the store's add.
fn import_revision(
    tx: &rusqlite::Transaction,
    article: i64,
    doc: &Document,
    ex: &Extraction,
) -> Result<i64, StoreError> {
    let hash = super::articles::content_hash(&doc.text);
    let published = doc.published.map(|d| d.to_string());
    let found: Option<i64> = tx
        .prepare_cached(
            "SELECT id FROM revisions WHERE article_id = ?1 AND content_hash = ?2 AND published IS ?3 ORDER BY number LIMIT 1",
        )?
        .query_row(params![article, hash, published], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    let added = add_in(tx, doc, ex, Target::Redated(article), None)?;
    Ok(tx.query_row(
        "SELECT id FROM revisions WHERE article_id = ?1 AND number = ?2",
        params![added.article_id, added.revision],
        |r| r.get(0),
    )?)
}

/// Gives the claims extracted from pulled revision `revision` their global
/// keys, as rows the hub has: every replica extracts the same claims.
fn map_claims(conn: &Connection, revision: i64) -> Result<(), StoreError> {
    let Some(set) = shared_set("claims") else {
        return Err(unknown_set("claims"));
    };
    let ids: Vec<i64> = conn
        .prepare_cached("SELECT id FROM claims WHERE revision_id = ?1 ORDER BY id")?
        .query_map([revision], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in ids {
        if let Some(gid) = derive_key(conn, set, id)? {
            conn.prepare_cached(
                "INSERT OR IGNORE INTO sync_ids (set_name, local_id, gid, pushed) VALUES ('claims', ?1, ?2, 1)",
            )?
            .execute(params![id, gid])?;
        }
    }
    Ok(())
}
