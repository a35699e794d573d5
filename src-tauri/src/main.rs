//! The `claimdesk-app` binary: opens the Claimdesk window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    let _ = claimdesk_app::commands::STARTED.set(std::time::Instant::now());
    match claimdesk_app::run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimdesk-app: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
