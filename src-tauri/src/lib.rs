//! The Claimdesk desktop shell: a thin Tauri layer over the `claimdesk` core.
//!
//! - [`commands`]: the `#[tauri::command]`s the UI calls; each delegates to
//!   the core and returns [`error::AppError`] on failure.
//! - [`state`]: the managed state the commands share.
//! - [`views`]: the shapes the UI receives.
//! - [`desk`]: the claim store reshaped for the screens.
//! - [`staging`]: imports waiting for their publication date.
//! - [`preview`]: the `report:` scheme behind the export view's preview.
//! - [`team`]: the team desk: joining, the background sync, its events.
//!
//! [`builder`] wires everything onto a `tauri::Builder` of any runtime, so the
//! tests drive the real command set through tauri's mock runtime.

pub mod commands;
pub mod correct;
pub mod desk;
pub mod error;
pub mod preview;
pub mod staging;
pub mod state;
pub mod team;
pub mod views;

use tauri::Runtime;

/// Adds the plugins, state and commands of Claimdesk to `builder`.
pub fn builder<R: Runtime>(
    builder: tauri::Builder<R>,
    state: state::AppState,
) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(team::TeamState::default())
        .register_asynchronous_uri_scheme_protocol("report", preview::serve)
        .invoke_handler(tauri::generate_handler![
            commands::ui_ready,
            commands::app_info,
            commands::list_articles,
            commands::add_text,
            commands::add_sample,
            commands::import_files,
            commands::import_url,
            commands::confirm_import,
            commands::discard_import,
            commands::detect_published,
            commands::open_source,
            team::team_status,
            team::sync_now,
            team::join_team,
            team::leave_team,
            commands::open_article,
            commands::review_claim,
            commands::set_published,
            commands::claim_history,
            correct::claim_fields,
            correct::add_claim,
            correct::edit_claim,
            correct::dismiss_claim,
            correct::restore_claim,
            correct::claim_corrections,
            commands::compare_revisions,
            commands::preview_report,
            commands::export_report,
            commands::export_gold,
            commands::pick_files,
            commands::pick_save_path,
            commands::list_people,
            commands::person_page,
            commands::claim_matches,
            commands::copy_verdict,
            commands::list_conflicts,
            commands::dismiss_conflict,
        ])
        .on_window_event(|window, event| {
            // Files dropped on the window count as chosen by the user.
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                use tauri::Manager;
                window
                    .state::<state::AppState>()
                    .allow(paths.iter().cloned());
            }
        })
}

/// The app's configuration (`tauri.conf.json` at the repository root).
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!("../tauri.conf.json")
}

/// Opens the main window and runs until it is closed.
pub fn run() -> Result<(), tauri::Error> {
    let state = match state::AppState::default_location() {
        Ok(path) => state::AppState::open(path),
        Err(e) => state::AppState::failed(e),
    };
    builder(tauri::Builder::default(), state).run(context())
}
