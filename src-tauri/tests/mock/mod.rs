//! The app on tauri's mock runtime, for the command tests: the real
//! builder, config and capability, IPC requests as the webview sends them.
//! No display needed.

use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

/// A new app on an in-memory store, with its main window.
pub fn app() -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = claimdesk_app::builder(mock_builder(), claimdesk_app::state::AppState::in_memory())
        .build(claimdesk_app::context())
        .expect("the app builds on the mock runtime");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("the main window opens");
    (app, window)
}

/// Invokes `cmd` as the page would; `Ok(json)` or `Err(json error)`.
pub fn invoke(w: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        w,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("a valid url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().expect("JSON response"))
}
