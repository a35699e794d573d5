//! Opening a store: where the file lives, the connection settings, the
//! checks that refuse foreign, damaged or newer files before anything is
//! written, and the migrations.

use super::{Store, StoreError, guard, lock_error, schema};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The default database file: `$XDG_DATA_HOME/claimdesk/claimdesk.db`
/// (`~/.local/share/claimdesk/claimdesk.db` on Linux), or the platform's
/// equivalent.
pub fn default_path() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("claimdesk").join("claimdesk.db"))
}

/// How long a connection waits for another's write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(20);
/// How often a waiting connection tries the lock again. SQLite's own
/// handler backs off to 100 ms between tries, so a verdict waiting on a
/// bulk import (short batches, short gaps between them) kept missing the
/// gaps and waited most of a second; trying every millisecond takes the
/// first gap.
const BUSY_POLL: Duration = Duration::from_millis(1);

/// The busy handler: sleep one poll interval and try again, until
/// [`BUSY_TIMEOUT`] has passed (counted in tries, as SQLite passes them).
fn busy_wait(tries: i32) -> bool {
    let waited = BUSY_POLL.saturating_mul(u32::try_from(tries).unwrap_or(u32::MAX));
    if waited >= BUSY_TIMEOUT {
        return false;
    }
    std::thread::sleep(BUSY_POLL);
    true
}

impl Store {
    /// Opens (or creates) the store at `path`, upgrading an older schema.
    ///
    /// The file is read through SQLite only: opening and closing it with
    /// any other handle would drop the locks that another connection of
    /// this process holds on it (see [`super::guard`]).
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if !path.exists()
            && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        {
            if !dir.exists() {
                create_private_dir(dir)?;
            } else if !dir.is_dir() {
                return Err(StoreError::Unusable {
                    path: path.display().to_string(),
                    reason: format!("{} is a file, not a folder", dir.display()),
                });
            }
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let shown = path.display().to_string();
        let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(e, &shown))?;
        let mut store = Store::setup(conn, Some(path.to_path_buf()))?;
        store.guard = Some(guard::FileGuard::record(path));
        restrict_to_owner(path);
        // An import whose process died leaves held-back rows (invisible to
        // every read); remove them now. If this fails (another writer busy
        // for long), the next open tries again: nothing depends on it.
        let _ = store.recover_imports();
        // Claims written before the archive index existed get their
        // person keys (once, in short batches).
        store.backfill_people()?;
        Ok(store)
    }

    /// A store that lives in memory only (tests, previews).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let mut store = Store::setup(Connection::open_in_memory()?, None)?;
        store.backfill_people()?;
        Ok(store)
    }

    fn setup(mut conn: Connection, path: Option<PathBuf>) -> Result<Store, StoreError> {
        let shown = path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| ":memory:".into());
        // A writer waits this long for another's transaction. Every write
        // transaction is short (a bulk import commits in bounded batches),
        // so this is a margin for a slow or busy disk, not a usual wait.
        conn.busy_handler(Some(busy_wait))?;
        // Busy or locked stays "locked"; any other failure this early means
        // the file is not a database we can read.
        let locked_or = |e: rusqlite::Error, shown: &str| open_error(e, shown);
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
        Ok(Store {
            conn,
            path,
            guard: None,
            diverged: None,
        })
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

/// Maps a failure to open or first read a database to what really
/// happened: locked, not ours, or a problem of the folder or disk.
fn open_error(e: rusqlite::Error, shown: &str) -> StoreError {
    use rusqlite::ErrorCode as C;
    let code = match &e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
        _ => None,
    };
    match code {
        Some(C::DatabaseBusy | C::DatabaseLocked) => lock_error(e, shown),
        Some(C::NotADatabase) => StoreError::NotADatabase {
            path: shown.to_string(),
            reason: "it does not start with the SQLite header".into(),
        },
        Some(C::CannotOpen) => StoreError::Unusable {
            path: shown.to_string(),
            reason: "it cannot be opened or created there (does the folder exist, and may you write to it?)".into(),
        },
        Some(C::ReadOnly | C::PermissionDenied) => StoreError::Unusable {
            path: shown.to_string(),
            reason: "it or its folder is read-only; Claimdesk needs to write beside it".into(),
        },
        Some(C::DiskFull) => StoreError::Unusable {
            path: shown.to_string(),
            reason: "the disk is full".into(),
        },
        Some(C::SystemIoFailure) if super::disk_full(shown) => StoreError::Unusable {
            path: shown.to_string(),
            reason: "the disk is full".into(),
        },
        Some(C::SystemIoFailure) => StoreError::Unusable {
            path: shown.to_string(),
            reason: format!("the system could not read or write it ({e})"),
        },
        Some(C::DatabaseCorrupt) => StoreError::NotADatabase {
            path: shown.to_string(),
            reason: "it is damaged".into(),
        },
        _ => StoreError::NotADatabase {
            path: shown.to_string(),
            reason: e.to_string(),
        },
    }
}

/// Creates the database's folder, readable by its owner only: nobody
/// else's programs (or file choosers) browse it.
fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let err = |cause| StoreError::CreateDir {
        path: dir.display().to_string(),
        cause,
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(err)
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir).map_err(err)
    }
}

/// Makes the database's files readable by their owner only (best effort:
/// a file of someone else's stays as it is).
fn restrict_to_owner(db: &Path) {
    #[cfg(unix)]
    for p in crate::load::database_files(db) {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(m) = std::fs::symlink_metadata(&p)
            && m.is_file()
            && m.permissions().mode() & 0o077 != 0
        {
            let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600));
        }
    }
    #[cfg(not(unix))]
    let _ = db;
}
