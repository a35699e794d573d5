//! Staging for bulk imports: documents and their extractions wait in a
//! private temporary table until the whole input has been read.
//!
//! A bulk file may come from a slow pipe and may hold many thousands of
//! articles. Reading and extracting them must not hold the database's
//! write lock (a reviewer's verdict would wait, then fail), yet the import
//! stays all or nothing. So each document is written to `temp.bulk_stage`
//! first: the temporary database belongs to this connection alone, writing
//! it takes no lock on the main database, and it lives on disk, so memory
//! stays flat however large the input. Once everything is read, the
//! import (`import.rs`) inserts what was staged in bounded batches.

use super::StoreError;
use crate::extract::Extraction;
use crate::load::Document;
use rusqlite::{Connection, params};

/// How many staged documents share one transaction of the temporary table.
const BATCH: usize = 256;

/// Documents being staged; dropping it before [`Staging::finish`] throws
/// the staged rows away.
pub(super) struct Staging<'c> {
    conn: &'c Connection,
    /// Rows written in the open transaction of the temporary table.
    pending: usize,
    finished: bool,
}

impl<'c> Staging<'c> {
    /// An empty staging table.
    pub(super) fn new(conn: &'c Connection) -> Result<Staging<'c>, StoreError> {
        conn.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS bulk_stage (
                 seq INTEGER PRIMARY KEY,
                 doc TEXT NOT NULL,
                 extraction TEXT NOT NULL
             );
             DELETE FROM temp.bulk_stage;",
        )?;
        Ok(Staging {
            conn,
            pending: 0,
            finished: false,
        })
    }

    /// Stages one document with its extraction.
    pub(super) fn push(&mut self, doc: &Document, ex: &Extraction) -> Result<(), StoreError> {
        if self.pending == 0 {
            // Deferred: a transaction that writes only `temp` never takes
            // a lock on the main database.
            self.conn.execute_batch("BEGIN")?;
        }
        self.conn
            .prepare_cached("INSERT INTO temp.bulk_stage (doc, extraction) VALUES (?1, ?2)")?
            .execute(params![
                serde_json::to_string(doc)?,
                serde_json::to_string(ex)?
            ])?;
        self.pending += 1;
        if self.pending >= BATCH {
            self.conn.execute_batch("COMMIT")?;
            self.pending = 0;
        }
        Ok(())
    }

    /// Ends staging; the rows stay for [`each`].
    pub(super) fn finish(mut self) -> Result<(), StoreError> {
        if self.pending > 0 {
            self.conn.execute_batch("COMMIT")?;
            self.pending = 0;
        }
        self.finished = true;
        Ok(())
    }
}

impl Drop for Staging<'_> {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        if self.pending > 0 {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        let _ = clear(self.conn);
    }
}

/// A staged document: its place in the input, the document and its
/// extraction.
pub(super) type Staged = (i64, Document, Extraction);

/// The staged documents after `after` (a `seq`), in input order: at most
/// `max_docs`, and no more once `max_bytes` of text are reached (one at
/// least), so that a batch's write transaction stays short.
pub(super) fn batch(
    conn: &Connection,
    after: i64,
    max_docs: usize,
    max_bytes: usize,
) -> Result<Vec<Staged>, StoreError> {
    let mut st = conn.prepare_cached(
        "SELECT seq, doc, extraction FROM temp.bulk_stage WHERE seq > ?1 ORDER BY seq LIMIT ?2",
    )?;
    let mut rows = st.query(params![after, max_docs as i64])?;
    let mut out = Vec::new();
    let mut bytes = 0usize;
    while let Some(row) = rows.next()? {
        let seq: i64 = row.get(0)?;
        let doc: String = row.get(1)?;
        let ex: String = row.get(2)?;
        bytes += doc.len();
        out.push((seq, serde_json::from_str(&doc)?, serde_json::from_str(&ex)?));
        if bytes >= max_bytes {
            break;
        }
    }
    Ok(out)
}

/// Empties the staging table.
pub(super) fn clear(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch("DELETE FROM temp.bulk_stage")?;
    Ok(())
}
