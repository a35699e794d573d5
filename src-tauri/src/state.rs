//! What the app keeps between commands: where the claim store is, the gate
//! that keeps the store's files safe from the rest of this process, and
//! the paths the user chose.
//!
//! **Why a gate.** SQLite's locks on Unix belong to the process: when any
//! other code in the process opens and closes one of the database's files
//! (a GTK file chooser sniffing the folder it shows), every lock is
//! dropped, and another Claimdesk (the CLI beside the app) may then delete
//! the journal we are still writing to. So the app holds no connection
//! between commands: each command opens the store, works and closes it,
//! all while holding [`AppState`]'s gate, and the native dialogs run while
//! holding the same gate. A dialog and a connection therefore never exist
//! at the same time. The store's own guard (files replaced under an open
//! connection stop all writing) is the net under this rule.
//!
//! **Chosen paths.** `import_files` and `export_report` accept only paths
//! that the user picked in one of our dialogs or dropped on the window in
//! this session: the page cannot name arbitrary files.

use crate::error::{AppError, AppResult, ErrorCode};
use claimdesk::store::Store;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// Where the store lives.
enum Backing {
    /// A database file, opened per command.
    File(PathBuf),
    /// A store in memory (tests): nothing on disk to protect.
    Memory(Box<Store>),
    /// No store could be had; every command reports why.
    Failed(AppError),
}

/// Managed Tauri state.
pub struct AppState {
    gate: Mutex<Backing>,
    chosen: Mutex<HashSet<PathBuf>>,
    /// Articles read, waiting for their publication date to be confirmed.
    pub staged: crate::staging::Staging,
    /// The database file, if there is one.
    db: Option<PathBuf>,
    /// Where the database is, for display.
    pub location: String,
}

/// An open store for one command; the connection closes when it is dropped.
pub struct StoreGuard<'a> {
    gate: MutexGuard<'a, Backing>,
    opened: Option<Store>,
}

impl std::ops::Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        match (&self.opened, &*self.gate) {
            (Some(s), _) => s,
            (None, Backing::Memory(s)) => s,
            // `store()` returns a guard only with a store in one of the two.
            (None, _) => unreachable!("a StoreGuard always holds a store"),
        }
    }
}

impl std::ops::DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        match (&mut self.opened, &mut *self.gate) {
            (Some(s), _) => s,
            (None, Backing::Memory(s)) => s,
            (None, _) => unreachable!("a StoreGuard always holds a store"),
        }
    }
}

/// Held while code other than the store may open files in this process
/// (a native dialog): no connection is open meanwhile.
pub struct FilesGate<'a> {
    _gate: MutexGuard<'a, Backing>,
}

fn poisoned() -> AppError {
    AppError::new(
        ErrorCode::Internal,
        "The article store is in a bad state after an earlier failure; restart Claimdesk.",
    )
}

impl AppState {
    /// The store at `path`, opened by each command. Nothing is opened
    /// here, so the window paints before the database is touched.
    pub fn open(path: PathBuf) -> AppState {
        AppState {
            location: path.display().to_string(),
            db: Some(path.clone()),
            gate: Mutex::new(Backing::File(path)),
            chosen: Mutex::default(),
            staged: Default::default(),
        }
    }

    /// No store: every command reports `error`.
    pub fn failed(error: AppError) -> AppState {
        AppState {
            gate: Mutex::new(Backing::Failed(error)),
            chosen: Mutex::default(),
            staged: Default::default(),
            db: None,
            location: "(none)".into(),
        }
    }

    /// A store in memory (tests).
    pub fn in_memory() -> AppState {
        let backing = match Store::open_in_memory() {
            Ok(s) => Backing::Memory(Box::new(s)),
            Err(e) => Backing::Failed(e.into()),
        };
        AppState {
            gate: Mutex::new(backing),
            chosen: Mutex::default(),
            staged: Default::default(),
            db: None,
            location: ":memory:".into(),
        }
    }

    /// Where the app keeps its database: `CLAIMDESK_DB` if set, else the
    /// same default file as the `claimdesk` command line.
    pub fn default_location() -> AppResult<PathBuf> {
        if let Some(p) = std::env::var_os("CLAIMDESK_DB").filter(|p| !p.is_empty()) {
            return Ok(PathBuf::from(p));
        }
        claimdesk::store::default_path().ok_or_else(|| {
            AppError::new(
                ErrorCode::Store,
                "There is no data folder for the database; set CLAIMDESK_DB to a file path.",
            )
        })
    }

    /// The store, opened for the caller; closed when the guard drops.
    pub fn store(&self) -> AppResult<StoreGuard<'_>> {
        let gate = self.gate.lock().map_err(|_| poisoned())?;
        let opened = match &*gate {
            Backing::File(path) => Some(Store::open(path)?),
            Backing::Memory(_) => None,
            Backing::Failed(e) => return Err(e.clone()),
        };
        Ok(StoreGuard { gate, opened })
    }

    /// Waits until no connection is open, and keeps it so while the
    /// returned gate lives.
    pub fn files_gate(&self) -> AppResult<FilesGate<'_>> {
        Ok(FilesGate {
            _gate: self.gate.lock().map_err(|_| poisoned())?,
        })
    }

    /// Remembers paths the user chose in a dialog or dropped on the window.
    pub fn allow(&self, paths: impl IntoIterator<Item = PathBuf>) {
        if let Ok(mut set) = self.chosen.lock() {
            set.extend(paths);
        }
    }

    /// Refuses a path the user did not choose in this session.
    pub fn chosen(&self, path: &Path) -> AppResult<()> {
        let known = self
            .chosen
            .lock()
            .map(|set| set.contains(path))
            .unwrap_or(false);
        if known {
            Ok(())
        } else {
            Err(AppError::invalid(format!(
                "Claimdesk only opens and writes files that you chose in its dialogs or dropped on the window; {} was not.",
                path.display()
            )))
        }
    }

    /// Refuses the database's own files (or a link to them) as an import
    /// or an export: reading them here would drop the store's locks, and
    /// writing them would destroy it.
    pub fn not_the_database(&self, path: &Path) -> AppResult<()> {
        match &self.db {
            Some(db) => {
                claimdesk::load::refuse_if_same_file(path, &claimdesk::load::database_files(db))
                    .map_err(|_| {
                        AppError::invalid(format!(
                            "{} is Claimdesk's own database; choose an article file instead.",
                            path.display()
                        ))
                    })
            }
            None => Ok(()),
        }
    }
}
