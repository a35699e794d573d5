//! Staging for bulk imports: documents and their extractions wait in a
//! private temporary table until the whole input has been read.
//!
//! A bulk file may come from a slow pipe and may hold many thousands of
//! articles. Reading and extracting them must not hold the database's
//! write lock (a reviewer's verdict would wait, then fail), yet the import
//! stays all or nothing. So each document is written to `temp.bulk_stage`
//! first: the temporary database belongs to this connection alone, writing
//! it takes no lock on the main database, and it lives on disk, so memory
//! stays flat however large the input. Once everything is read, one short
//! write transaction inserts what was staged.

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

/// Calls `f` with each staged document and its extraction, in the order
/// they were read.
pub(super) fn each(
    conn: &Connection,
    mut f: impl FnMut(&Document, &Extraction) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut st = conn.prepare("SELECT doc, extraction FROM temp.bulk_stage ORDER BY seq")?;
    let mut rows = st.query([])?;
    while let Some(row) = rows.next()? {
        let doc: String = row.get(0)?;
        let ex: String = row.get(1)?;
        let doc: Document = serde_json::from_str(&doc)?;
        let ex: Extraction = serde_json::from_str(&ex)?;
        f(&doc, &ex)?;
    }
    Ok(())
}

/// Empties the staging table.
pub(super) fn clear(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch("DELETE FROM temp.bulk_stage")?;
    Ok(())
}
