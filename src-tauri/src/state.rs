//! What the app keeps between commands: the articles and claims (behind a
//! mutex, since commands run on several threads).

use crate::desk::Desk;
use crate::error::{AppError, AppResult, ErrorCode};
use std::sync::{Mutex, MutexGuard};

/// Managed Tauri state.
#[derive(Default)]
pub struct AppState {
    desk: Mutex<Desk>,
}

impl AppState {
    /// The desk, locked. A poisoned lock (a command panicked while holding
    /// it) is reported rather than propagated as a panic.
    pub fn desk(&self) -> AppResult<MutexGuard<'_, Desk>> {
        self.desk.lock().map_err(|_| {
            AppError::new(
                ErrorCode::Internal,
                "The article store is in a bad state after an earlier failure; restart Claimdesk.",
            )
        })
    }
}
