//! What the app keeps between commands: the claim store, behind a mutex
//! (commands run on several threads). If the database cannot be opened the
//! app still starts, and every command reports why.

use crate::error::{AppError, AppResult, ErrorCode};
use claimdesk::store::Store;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

/// Managed Tauri state.
pub struct AppState {
    store: Result<Mutex<Store>, AppError>,
    /// Where the database is, for display.
    pub location: String,
}

impl AppState {
    /// Opens the store at `path`; a failure is kept and reported by commands.
    pub fn open(path: PathBuf) -> AppState {
        let location = path.display().to_string();
        let store = Store::open(&path).map(Mutex::new).map_err(AppError::from);
        AppState { store, location }
    }

    /// No store: every command reports `error`.
    pub fn failed(error: AppError) -> AppState {
        AppState {
            store: Err(error),
            location: "(none)".into(),
        }
    }

    /// A store in memory (tests).
    pub fn in_memory() -> AppState {
        let store = Store::open_in_memory()
            .map(Mutex::new)
            .map_err(AppError::from);
        AppState {
            store,
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

    /// The store, locked.
    pub fn store(&self) -> AppResult<MutexGuard<'_, Store>> {
        let m = self.store.as_ref().map_err(Clone::clone)?;
        m.lock().map_err(|_| {
            AppError::new(
                ErrorCode::Internal,
                "The article store is in a bad state after an earlier failure; restart Claimdesk.",
            )
        })
    }
}
