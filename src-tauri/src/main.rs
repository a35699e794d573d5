//! The `claimdesk-app` binary: opens the Claimdesk window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    let _ = claimdesk_app::commands::STARTED.set(std::time::Instant::now());
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        // WebKitGTK's accelerated compositing costs about 100 ms at start
        // (measured under Xvfb: median 503 → 422 ms to first paint) and
        // buys nothing for a page of text without animations. A user who
        // sets the variable either way keeps their choice.
        // SAFETY: first thing in `main`, before any other thread exists.
        unsafe { std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1") };
    }
    match claimdesk_app::run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimdesk-app: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
