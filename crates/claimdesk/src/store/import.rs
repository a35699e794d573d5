//! Bulk imports: all or nothing for the reader, short write locks for
//! everyone else.
//!
//! A bulk file is read and extracted without any lock (into
//! `temp.bulk_stage`, see `stage.rs`), then inserted in bounded batches,
//! each its own short write transaction, so a reviewer's verdict waits at
//! most one batch. The rows of an import still under way are held back:
//! its revisions are listed in `pending_revisions`, which every read
//! excludes (see [`super::published`]), and the verdicts its new revisions
//! will carry over wait in `pending_carry`. Publishing is one small
//! transaction that carries those verdicts over and empties both lists for
//! the import, so readers see the whole import at once or none of it.
//!
//! An import that fails removes what it wrote. One that is killed cannot,
//! so while it runs it holds an exclusive `flock` on a lock file beside the
//! database, created before its `imports` row. Opening a store looks for
//! unfinished imports whose lock file is free or gone: their process is
//! dead, and their held-back rows are deleted, again in bounded batches.
//! The lock file is never one of SQLite's files, so holding it cannot
//! disturb SQLite's own locks.

use super::articles::{BulkSummary, Target, add_in, claim_fts_fields};
use super::corrections::carry_corrections;
use super::reviews::{Link, carry_verdicts};
use super::stage;
use super::{Store, StoreError, now, visible_to};
use crate::extract::extract;
use crate::hash::FastSet;
use crate::load::{Document, LoadError};
use crate::model::ClaimFields;
use rusqlite::{OptionalExtension, params};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

pub(crate) type ImportId = i64;

/// Documents per write transaction of an import.
const BATCH_DOCS: usize = 64;
/// Text per write transaction of an import (a batch ends after the
/// document that crosses it).
const BATCH_BYTES: usize = 1 << 20;
/// Revisions removed per write transaction when an import is undone.
const UNDO_BATCH: usize = 64;

/// The lock file of a running import; removed and unlocked when dropped.
struct ImportLock {
    file: Option<File>,
    path: PathBuf,
}

impl ImportLock {
    fn acquire(path: PathBuf) -> Result<ImportLock, StoreError> {
        let unusable = |e: std::io::Error| StoreError::Unusable {
            path: path.display().to_string(),
            reason: format!("cannot create the import's lock file: {e}"),
        };
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(unusable)?;
        file.try_lock().map_err(|e| match e {
            TryLockError::Error(e) => unusable(e),
            TryLockError::WouldBlock => unusable(std::io::Error::other("already locked")),
        })?;
        Ok(ImportLock {
            file: Some(file),
            path,
        })
    }
}

impl Drop for ImportLock {
    fn drop(&mut self) {
        // Remove first, then unlock (closing the file), so that nobody can
        // take the lock of a file that is about to go.
        let _ = std::fs::remove_file(&self.path);
        self.file.take();
    }
}

/// The lock file of the import `token` of the database at `db`.
fn lock_path(db: &Path, token: &str) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".import-{token}"));
    db.with_file_name(name)
}

/// Whether the import that owns `path` is dead: its lock file is gone or
/// nobody holds it. When it is held by nobody, the returned file keeps it
/// locked for the one cleaning up.
fn dead(path: &Path) -> Option<Option<File>> {
    match File::open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(None),
        Err(_) => None,
        Ok(f) => match f.try_lock() {
            Ok(()) => Some(Some(f)),
            Err(_) => None,
        },
    }
}

impl Store {
    /// Adds every document of `docs`, all or nothing: if any document fails
    /// to load or store, nothing at all is kept, and readers never see part
    /// of the import. `progress` is called after each document is read,
    /// with the count so far.
    pub fn add_all<I>(
        &mut self,
        docs: I,
        progress: impl FnMut(usize),
    ) -> Result<BulkSummary, StoreError>
    where
        I: IntoIterator<Item = Result<Document, LoadError>>,
    {
        self.add_all_with(docs, progress, |_| {})
    }

    /// [`Store::add_all`], also calling `stored` after each batch is
    /// committed (held back until the end), with the documents stored so
    /// far. No write transaction is open during either call.
    pub fn add_all_with<I>(
        &mut self,
        docs: I,
        mut progress: impl FnMut(usize),
        mut stored: impl FnMut(usize),
    ) -> Result<BulkSummary, StoreError>
    where
        I: IntoIterator<Item = Result<Document, LoadError>>,
    {
        let mut staging = stage::Staging::new(&self.conn)?;
        let mut count = 0usize;
        for doc in docs {
            let doc = doc?;
            let ex = extract(&doc.text, doc.published);
            staging.push(&doc, &ex)?;
            count += 1;
            progress(count);
        }
        staging.finish()?;
        let result = self.begin_import().and_then(|(import, lock)| {
            let sum = self.insert_staged(import, &mut stored).and_then(|sum| {
                self.publish(import)?;
                Ok(sum)
            });
            if sum.is_err() {
                // Undo while still holding the lock; if this fails too, the
                // next open finds the import dead and finishes the job.
                let _ = self.undo_import(import);
            }
            drop(lock);
            sum
        });
        let _ = stage::clear(&self.conn);
        if result.is_ok() && self.path.is_some() {
            // Copy the import's pages into the database now, without
            // blocking anyone (a passive checkpoint takes no write lock),
            // so that closing has little left to do: the checkpoint on
            // close holds an exclusive lock, and after a large import it
            // would make a verdict wait for seconds.
            let _ = self
                .conn
                .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
        }
        result
    }

    /// Registers a new import, its lock file taken first.
    fn begin_import(&mut self) -> Result<(ImportId, Option<ImportLock>), StoreError> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let token = format!("{}-{nanos}", std::process::id());
        let lock = match &self.path {
            Some(db) => Some(ImportLock::acquire(lock_path(db, &token))?),
            None => None,
        };
        let tx = self.begin()?;
        tx.execute(
            "INSERT INTO imports (token, started_at) VALUES (?1, ?2)",
            params![token, now()],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok((id, lock))
    }

    /// Inserts the staged documents in bounded batches, held back.
    fn insert_staged(
        &mut self,
        import: ImportId,
        stored: &mut impl FnMut(usize),
    ) -> Result<BulkSummary, StoreError> {
        let mut sum = BulkSummary::default();
        let mut after = 0i64;
        loop {
            let batch = stage::batch(&self.conn, after, BATCH_DOCS, BATCH_BYTES)?;
            let Some(last) = batch.last() else {
                return Ok(sum);
            };
            after = last.0;
            let tx = self.begin()?;
            for (_, doc, ex) in &batch {
                let a = add_in(&tx, doc, ex, Target::Auto, Some(import))?;
                sum.documents += 1;
                sum.new_articles += usize::from(a.new_article);
                sum.new_revisions += usize::from(!a.unchanged);
                sum.unchanged += usize::from(a.unchanged);
                sum.claims += a.claims;
            }
            tx.commit()?;
            stored(sum.documents);
        }
    }

    /// Makes an import's rows visible at once, carrying verdicts over to
    /// its new revisions of existing articles as they stand now.
    fn publish(&mut self, import: ImportId) -> Result<(), StoreError> {
        let tx = self.begin()?;
        let link_of = |r: &rusqlite::Row| -> rusqlite::Result<(i64, Link)> {
            Ok((
                r.get(4)?,
                Link {
                    new_id: r.get(0)?,
                    old_id: r.get(1)?,
                    revision: r.get(2)?,
                    changed: r.get(3)?,
                },
            ))
        };
        // Corrections first, revision by revision in the order stored (an
        // article revised twice in the import passes them on twice); they
        // decide which verdicts of their claims are kept.
        let revisions: Vec<(i64, u32, Option<i64>)> = {
            // New revisions of articles stored before (new articles have
            // nothing to carry).
            let mut st = tx.prepare(&format!(
                "SELECT * FROM (
                   SELECT p.revision_id, r.number,
                          (SELECT y.id FROM revisions y WHERE y.article_id = r.article_id
                             AND y.number < r.number AND {} ORDER BY y.number DESC LIMIT 1) AS previous
                   FROM pending_revisions p JOIN revisions r ON r.id = p.revision_id
                   WHERE p.import_id = ?1)
                 WHERE previous IS NOT NULL ORDER BY revision_id",
                visible_to("y", "?1")
            ))?;
            st.query_map([import], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<_, _>>()?
        };
        let mut corrected: FastSet<i64> = FastSet::default();
        let mut corrected_links: Vec<Link> = Vec::new();
        for (revision, number, previous) in revisions {
            let Some(previous) = previous else {
                continue;
            };
            let has: bool = tx
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM claims c JOIN corrections k ON k.claim_id = c.id
                                    WHERE c.revision_id = ?1)",
                )?
                .query_row([previous], |r| r.get(0))?;
            if !has {
                continue;
            }
            let mut links: Vec<Link> = tx
                .prepare_cached(
                    "SELECT pc.claim_id, pc.previous_id, pc.revision, pc.changed, c.revision_id
                     FROM pending_carry pc JOIN claims c ON c.id = pc.claim_id
                     WHERE pc.import_id = ?1 AND c.revision_id = ?2 ORDER BY pc.claim_id",
                )?
                .query_map(params![import, revision], link_of)?
                .map(|l| l.map(|(_, l)| l))
                .collect::<Result<_, _>>()?;
            carry_corrections(&tx, previous, revision, number, &mut links)?;
            corrected.insert(revision);
            corrected_links.extend(links);
        }
        let mut links: Vec<Link> = {
            // Only links whose earlier claim has an entry (or is itself
            // part of this import, for an article revised twice in it).
            let mut st = tx.prepare(
                "SELECT pc.claim_id, pc.previous_id, pc.revision, pc.changed, c.revision_id
                 FROM pending_carry pc JOIN claims c ON c.id = pc.claim_id
                 WHERE pc.import_id = ?1
                   AND (EXISTS (SELECT 1 FROM reviews v WHERE v.claim_id = pc.previous_id)
                        OR pc.previous_id IN (SELECT claim_id FROM pending_carry WHERE import_id = ?1))
                 ORDER BY pc.claim_id",
            )?;
            st.query_map([import], link_of)?
                .filter(|l| l.as_ref().map_or(true, |(rev, _)| !corrected.contains(rev)))
                .map(|l| l.map(|(_, l)| l))
                .collect::<Result<_, _>>()?
        };
        links.extend(corrected_links);
        links.sort_by_key(|l| l.new_id);
        carry_verdicts(&tx, &links)?;
        tx.execute("DELETE FROM pending_carry WHERE import_id = ?1", [import])?;
        tx.execute(
            "DELETE FROM pending_revisions WHERE import_id = ?1",
            [import],
        )?;
        let n = tx.execute(
            "UPDATE imports SET finished_at = ?2, outcome = 'published' WHERE id = ?1 AND finished_at IS NULL",
            params![import, now()],
        )?;
        if n != 1 {
            return Err(StoreError::Invalid(
                "the import was cancelled by another Claimdesk (its lock file was removed); nothing was kept".into(),
            ));
        }
        tx.commit()
    }

    /// Deletes every row an unpublished import wrote, in bounded batches
    /// (the rows are invisible, so a half-done undo shows nothing), then
    /// marks it abandoned.
    fn undo_import(&mut self, import: ImportId) -> Result<(), StoreError> {
        loop {
            let tx = self.begin()?;
            let finished: Option<Option<String>> = tx
                .query_row(
                    "SELECT finished_at FROM imports WHERE id = ?1",
                    [import],
                    |r| r.get(0),
                )
                .optional()?;
            if !matches!(finished, Some(None)) {
                return Ok(());
            }
            let revisions: Vec<(i64, i64)> = {
                let mut st = tx.prepare_cached(
                    "SELECT r.id, r.article_id FROM pending_revisions p JOIN revisions r ON r.id = p.revision_id
                     WHERE p.import_id = ?1 ORDER BY r.id DESC LIMIT ?2",
                )?;
                st.query_map(params![import, UNDO_BATCH as i64], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect::<Result<_, _>>()?
            };
            if revisions.is_empty() {
                tx.execute("DELETE FROM pending_carry WHERE import_id = ?1", [import])?;
                tx.execute(
                    "UPDATE imports SET finished_at = ?2, outcome = 'abandoned' WHERE id = ?1",
                    params![import, now()],
                )?;
                return tx.commit();
            }
            for (revision, article) in revisions {
                delete_revision(&tx, revision)?;
                tx.prepare_cached(
                    "DELETE FROM articles WHERE id = ?1
                     AND NOT EXISTS (SELECT 1 FROM revisions WHERE article_id = ?1)",
                )?
                .execute([article])?;
            }
            tx.commit()?;
        }
    }

    /// Undoes the imports of processes that died before publishing. Called
    /// when a store is opened; an import that is still running is left be.
    pub(super) fn recover_imports(&mut self) -> Result<(), StoreError> {
        let Some(db) = self.path.clone() else {
            return Ok(());
        };
        let open: Vec<(ImportId, String)> = {
            let mut st = self
                .conn
                .prepare("SELECT id, token FROM imports WHERE finished_at IS NULL")?;
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?
        };
        for (import, token) in open {
            let path = lock_path(&db, &token);
            let Some(held) = dead(&path) else {
                continue;
            };
            self.undo_import(import)?;
            let _ = std::fs::remove_file(&path);
            drop(held);
        }
        Ok(())
    }
}

/// Deletes one held-back revision with its sentences, claims and their
/// full-text entries.
fn delete_revision(tx: &rusqlite::Transaction, revision: i64) -> Result<(), StoreError> {
    {
        let mut st =
            tx.prepare_cached("SELECT id, text, fields FROM claims WHERE revision_id = ?1")?;
        let claims: Vec<(i64, String, String)> = st
            .query_map([revision], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let mut fts = tx.prepare_cached(
            "INSERT INTO claims_fts (claims_fts, rowid, text, fields) VALUES ('delete', ?1, ?2, ?3)",
        )?;
        for (id, text, fields) in claims {
            let fields: ClaimFields = serde_json::from_str(&fields)?;
            fts.execute(params![id, text, claim_fts_fields(&fields)])?;
        }
    }
    tx.prepare_cached(
        "DELETE FROM pending_carry WHERE claim_id IN (SELECT id FROM claims WHERE revision_id = ?1)",
    )?
    .execute([revision])?;
    tx.prepare_cached(
        "DELETE FROM claim_people WHERE claim_id IN (SELECT id FROM claims WHERE revision_id = ?1)",
    )?
    .execute([revision])?;
    tx.prepare_cached("DELETE FROM claims WHERE revision_id = ?1")?
        .execute([revision])?;
    tx.prepare_cached("DELETE FROM sentences WHERE revision_id = ?1")?
        .execute([revision])?;
    tx.prepare_cached(
        "INSERT INTO revisions_fts (revisions_fts, rowid, title, text)
         SELECT 'delete', id, title, text FROM revisions WHERE id = ?1",
    )?
    .execute([revision])?;
    tx.prepare_cached("DELETE FROM pending_revisions WHERE revision_id = ?1")?
        .execute([revision])?;
    tx.prepare_cached("DELETE FROM revisions WHERE id = ?1")?
        .execute([revision])?;
    Ok(())
}
