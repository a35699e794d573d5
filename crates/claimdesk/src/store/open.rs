//! Opening a store: where the file lives, the connection settings, the
//! checks that refuse foreign, damaged or newer files before anything is
//! written, and the migrations.

use super::{Store, StoreError, lock_error, schema};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The default database file: `$XDG_DATA_HOME/claimdesk/claimdesk.db`
/// (`~/.local/share/claimdesk/claimdesk.db` on Linux), or the platform's
/// equivalent.
pub fn default_path() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("claimdesk").join("claimdesk.db"))
}

const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";

impl Store {
    /// Opens (or creates) the store at `path`, upgrading an older schema.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        let not_db = |reason: String| StoreError::NotADatabase {
            path: shown.clone(),
            reason,
        };
        match std::fs::File::open(path) {
            Ok(mut f) => {
                use std::io::Read;
                let mut head = [0u8; 16];
                let n = f.read(&mut head).map_err(|e| not_db(e.to_string()))?;
                if n > 0 && (n < 16 || head != SQLITE_MAGIC) {
                    return Err(not_db("it does not start with the SQLite header".into()));
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                        path: dir.display().to_string(),
                        source,
                    })?;
                }
            }
            Err(e) => return Err(not_db(e.to_string())),
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| not_db(e.to_string()))?;
        Store::setup(conn, Some(path.to_path_buf()))
    }

    /// A store that lives in memory only (tests, previews).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::setup(Connection::open_in_memory()?, None)
    }

    fn setup(mut conn: Connection, path: Option<PathBuf>) -> Result<Store, StoreError> {
        let shown = path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| ":memory:".into());
        conn.busy_timeout(Duration::from_secs(5))?;
        // Busy or locked stays "locked"; any other failure this early means
        // the file is not a database we can read.
        let locked_or = |e: rusqlite::Error, shown: &str| match lock_error(e, shown) {
            StoreError::Sqlite(e) => StoreError::NotADatabase {
                path: shown.to_string(),
                reason: e.to_string(),
            },
            other => other,
        };
        // Read-only checks first: nothing is written to a file we refuse.
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| locked_or(e, &shown))?;
        let _: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| locked_or(e, &shown))?;
        let supported = schema::latest_version();
        if version > supported {
            return Err(StoreError::TooNew {
                path: shown,
                found: version,
                supported,
            });
        }
        if version == 0 {
            let tables: i64 =
                conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
            if tables > 0 {
                return Err(StoreError::NotADatabase {
                    path: shown,
                    reason: "it is an SQLite database of another program".into(),
                });
            }
        }
        if path.is_some() {
            let mode: String = conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
                .map_err(|e| locked_or(e, &shown))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(StoreError::Invalid(format!(
                    "{shown}: cannot switch to WAL journaling (got {mode})"
                )));
            }
        }
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;")?;
        schema::migrations()
            .to_latest(&mut conn)
            .map_err(|e| match e {
                rusqlite_migration::Error::RusqliteError { err, .. } => locked_or(err, &shown),
                other => StoreError::Migration(other),
            })?;
        Ok(Store { conn, path })
    }

    /// Creates a database at an older schema version, as an older Claimdesk
    /// would have left it. For migration tests only.
    #[doc(hidden)]
    pub fn create_at_schema_version(path: &Path, version: usize) -> Result<(), StoreError> {
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        schema::migrations().to_version(&mut conn, version)?;
        Ok(())
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}
