//! The team desk in the app: joining a hub, syncing on start, every
//! minute and whenever the hub says something was written (`LISTEN`), and
//! telling the page (`team-sync` events) so other checkers' verdicts
//! appear without a restart. The sync itself is `claimdesk_team`'s; this
//! module only schedules it, keeps a password given in the app for the
//! session when the OS keyring cannot, and shapes what the page shows.
//!
//! A sync opens the store under the app's gate like any command (see
//! `state`), so a native dialog never runs beside it.

use crate::commands::off_main;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::state::AppState;
use claimdesk::store::Store;
use claimdesk_team::{HubUrl, TeamError, sync};
use serde::Serialize;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// How often the app syncs when nothing wakes it.
const EVERY: Duration = Duration::from_secs(60);
/// How often an app that has not joined a team looks again.
const IDLE: Duration = Duration::from_secs(5);

/// The event the page listens to.
pub const EVENT: &str = "team-sync";

/// What the app keeps about the team between commands.
#[derive(Default)]
pub struct TeamState {
    /// A password given in the app when the OS keyring cannot keep it:
    /// held for this session only, never written anywhere.
    password: Mutex<Option<String>>,
    started: AtomicBool,
    /// Set to ask the background sync to run now.
    wake: AtomicBool,
}

/// What the page shows: the sync indicator and the team panel.
#[derive(Debug, Clone, Serialize)]
pub struct TeamView {
    pub joined: bool,
    pub url: Option<String>,
    pub user: Option<String>,
    pub last_sync: Option<String>,
    pub last_error: Option<String>,
    /// Changes waiting in the outbox.
    pub pending: usize,
    /// "none" (not joined), "synced", "pending" or "offline".
    pub state: &'static str,
    /// Claims whose verdicts conflict (two that do not know each other).
    pub conflicts: Vec<ConflictView>,
    /// Rows the last sync brought in (0 for a status read).
    pub pulled: usize,
}

/// A claim with conflicting verdicts, for the team panel's list.
#[derive(Debug, Clone, Serialize)]
pub struct ConflictView {
    pub claim_id: i64,
    pub article_id: i64,
    pub text: String,
    pub verdicts: Vec<String>,
}

impl TeamState {
    /// The password given in the app this session, if any.
    fn session_password(&self) -> Option<String> {
        self.password.lock().ok().and_then(|p| p.clone())
    }
}

fn view(store: &mut Store, pulled: usize, offline: bool) -> AppResult<TeamView> {
    let team = store.team()?;
    let Some(team) = team else {
        return Ok(TeamView {
            joined: false,
            url: None,
            user: None,
            last_sync: None,
            last_error: None,
            pending: 0,
            state: "none",
            conflicts: Vec::new(),
            pulled,
        });
    };
    let _ = store.sync_scan();
    let pending: usize = store.outbox_counts()?.iter().map(|(_, n)| n).sum();
    let mut conflicts = Vec::new();
    for claim in store.verdict_conflicts()? {
        let verdicts = store
            .conflict(claim.id)?
            .into_iter()
            .map(|r| {
                format!(
                    "{} by {}",
                    r.status.label(),
                    r.reviewer.unwrap_or_else(|| "someone".into())
                )
            })
            .collect();
        conflicts.push(ConflictView {
            claim_id: claim.id,
            article_id: claim.article_id,
            text: claim.claim.text.clone(),
            verdicts,
        });
    }
    let state = if offline || team.last_error.is_some() {
        "offline"
    } else if pending > 0 {
        "pending"
    } else {
        "synced"
    };
    Ok(TeamView {
        joined: true,
        url: Some(team.url),
        user: Some(team.user),
        last_sync: team.last_sync,
        last_error: team.last_error,
        pending,
        state,
        conflicts,
        pulled,
    })
}

/// Syncs the joined store once, and says how it stands.
fn sync_once<R: Runtime>(app: &AppHandle<R>) -> AppResult<TeamView> {
    let state = app.state::<AppState>();
    let password = app.state::<TeamState>().session_password();
    let mut store = state.store()?;
    let Some(team) = store.team()? else {
        return view(&mut store, 0, false);
    };
    let result = HubUrl::parse(&team.url)
        .and_then(|url| url.connect(password.as_deref()))
        .and_then(|mut client| sync::sync_with(&mut store, &mut client));
    match result {
        Ok(report) => {
            store.record_sync(None)?;
            view(&mut store, report.pulled, false)
        }
        Err(e) => {
            store.record_sync(Some(&e.to_string()))?;
            view(&mut store, 0, e.is_offline())
        }
    }
}

/// Asks the background sync to run now (after a local write, so that a
/// verdict reaches the team in seconds, not at the next minute).
pub fn poke<R: Runtime>(app: &AppHandle<R>) {
    if let Some(t) = app.try_state::<TeamState>() {
        t.wake.store(true, Ordering::SeqCst);
    }
}

/// Syncs and tells the page.
fn sync_and_tell<R: Runtime>(app: &AppHandle<R>) -> AppResult<TeamView> {
    let v = sync_once(app)?;
    let _ = app.emit(EVENT, &v);
    Ok(v)
}

/// Starts the background sync once (from the first paint): at once, then
/// when the hub wakes it, when asked, or every minute.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let team = app.state::<TeamState>();
    if team.started.swap(true, Ordering::SeqCst) {
        return;
    }
    let app = app.clone();
    std::thread::spawn(move || {
        let mut listener: Option<claimdesk_team::Client> = None;
        loop {
            let joined = app
                .state::<AppState>()
                .store()
                .ok()
                .and_then(|s| s.team().ok().flatten());
            let Some(info) = joined else {
                listener = None;
                std::thread::sleep(IDLE);
                continue;
            };
            let _ = sync_and_tell(&app);
            // Wait for the hub's word, a request, or the minute.
            if listener.is_none() {
                let password = app.state::<TeamState>().session_password();
                listener = HubUrl::parse(&info.url)
                    .and_then(|u| u.connect(password.as_deref()))
                    .ok();
            }
            let waited = std::time::Instant::now();
            loop {
                let woken = app.state::<TeamState>().wake.swap(false, Ordering::SeqCst);
                if woken || waited.elapsed() >= EVERY {
                    break;
                }
                match listener.as_mut() {
                    Some(c) => match sync::wait_for_change(c, Duration::from_secs(1)) {
                        Ok(true) => break,
                        Ok(false) => {}
                        Err(_) => {
                            listener = None;
                        }
                    },
                    None => std::thread::sleep(Duration::from_secs(1)),
                }
            }
        }
    });
}

fn team_error(e: TeamError) -> AppError {
    let code = if e.is_offline() {
        ErrorCode::Network
    } else {
        ErrorCode::InvalidInput
    };
    AppError::new(code, format!("{e}"))
}

/// The team as it stands, without going to the hub.
#[tauri::command]
pub async fn team_status<R: Runtime>(app: AppHandle<R>) -> AppResult<TeamView> {
    off_main(move || {
        let state = app.state::<AppState>();
        let mut store = state.store()?;
        view(&mut store, 0, false)
    })
    .await
}

/// Syncs now (the panel's button); the background sync is also woken.
#[tauri::command]
pub async fn sync_now<R: Runtime>(app: AppHandle<R>) -> AppResult<TeamView> {
    off_main(move || sync_and_tell(&app)).await
}

/// Joins the hub at `url` (`postgres://NAME@HOST/DB`) with `password`, or
/// the one found the usual ways (PGPASSWORD, a passfile, the keyring). A
/// password given here goes to the OS keyring; where there is none, it is
/// kept for this session only and the answer says so.
#[tauri::command]
pub async fn join_team<R: Runtime>(
    app: AppHandle<R>,
    url: String,
    password: Option<String>,
) -> AppResult<TeamView> {
    off_main(move || {
        let hub = HubUrl::parse(url.trim()).map_err(team_error)?;
        let password = password.filter(|p| !p.is_empty());
        let mut client = hub.connect(password.as_deref()).map_err(team_error)?;
        let version: i32 = client
            .query_one(
                "SELECT coalesce(max(version), 0) FROM claimdesk.migrations",
                &[],
            )
            .map_err(|_| {
                AppError::invalid(
                    "This server has no Claimdesk hub: its admin runs `claimdesk team init` first.",
                )
            })?
            .get(0);
        if version > claimdesk_team::hub::latest_version() {
            return Err(AppError::invalid(
                "This hub is newer than this Claimdesk: update Claimdesk to join it.",
            ));
        }
        // The keyring keeps it; where there is none, this session does.
        if let Some(p) = &password
            && hub.remember_password(p).is_err()
            && let Ok(mut kept) = app.state::<TeamState>().password.lock()
        {
            *kept = Some(p.clone());
        }
        {
            let state = app.state::<AppState>();
            let mut store = state.store()?;
            store.set_team(&hub.url, &hub.user)?;
        }
        app.state::<TeamState>().wake.store(true, Ordering::SeqCst);
        sync_and_tell(&app)
    })
    .await
}

/// Leaves the team: this database stops syncing (its data stays; joining
/// again sends what waits).
#[tauri::command]
pub async fn leave_team<R: Runtime>(app: AppHandle<R>) -> AppResult<TeamView> {
    off_main(move || {
        if let Ok(mut kept) = app.state::<TeamState>().password.lock() {
            *kept = None;
        }
        let state = app.state::<AppState>();
        let mut store = state.store()?;
        store.leave_team()?;
        let v = view(&mut store, 0, false)?;
        let _ = app.emit(EVENT, &v);
        Ok(v)
    })
    .await
}
