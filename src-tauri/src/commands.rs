//! The commands the UI invokes. Each is thin: parse what the UI sent, call
//! the core (through the desk in [`AppState`]), return a view or an
//! [`AppError`]. Work that can take long (bulk import, comparisons) runs on
//! a blocking worker thread, never on the main (UI) thread, and reports
//! `progress` events.

use crate::error::{AppError, AppResult, ErrorCode};
use crate::state::AppState;
use crate::views::{
    Added, AppInfo, ArticleSummary, ArticleView, ClaimView, Comparison, ImportOutcome, Progress,
    ReviewEntry,
};
use chrono::NaiveDate;
use claimdesk::{ClaimKind, Status};
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

/// The sample article offered on first launch (written for Claimdesk).
pub const SAMPLE: &str = include_str!("../../samples/harbour-council.txt");

/// Report formats this build can write.
pub const REPORT_FORMATS: [&str; 1] = ["claims-json"];

/// Largest file a single import reads (articles are text, not archives).
const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

fn parse_date(published: Option<&str>) -> AppResult<Option<NaiveDate>> {
    match published.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                AppError::invalid(format!(
                    "The publication date {s:?} is not a date like 2025-03-14."
                ))
            }),
    }
}

/// Who is reviewing: the operating-system user.
fn reviewer() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "reviewer".into())
}

/// Runs `f` on a blocking worker thread.
async fn off_main<T: Send + 'static>(
    f: impl FnOnce() -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("Background work failed: {e}")))?
}

fn emit_progress<R: Runtime>(
    app: &AppHandle<R>,
    job: &str,
    done: usize,
    total: usize,
    label: &str,
) {
    // A lost progress event only leaves a stale bar; the result still arrives.
    let _ = app.emit(
        "progress",
        Progress {
            job: job.into(),
            done,
            total,
            label: label.into(),
        },
    );
}

/// When the process started (set first thing in `main`), for the startup
/// figure.
pub static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// The UI calls this once its first view is painted. With
/// `CLAIMDESK_STARTUP_TRACE` set, prints the time since process start to
/// stderr, and exits if its value is `exit` (for measuring cold starts).
#[tauri::command]
pub fn ui_ready<R: Runtime>(app: AppHandle<R>) {
    let Ok(mode) = std::env::var("CLAIMDESK_STARTUP_TRACE") else {
        return;
    };
    if let Some(t0) = STARTED.get() {
        eprintln!("startup: first paint after {} ms", t0.elapsed().as_millis());
    }
    if mode == "exit" {
        app.exit(0);
    }
}

#[tauri::command]
pub fn app_info() -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        storage: "memory (this session)".into(),
        kinds: ClaimKind::ALL.iter().map(|k| k.as_str()).collect(),
        statuses: Status::ALL.iter().map(|s| s.as_str()).collect(),
        report_formats: REPORT_FORMATS.to_vec(),
    }
}

#[tauri::command]
pub fn list_articles(
    state: State<'_, AppState>,
    query: Option<String>,
) -> AppResult<Vec<ArticleSummary>> {
    Ok(state.desk()?.list(query.as_deref()))
}

#[tauri::command]
pub fn add_text(
    state: State<'_, AppState>,
    title: Option<String>,
    text: String,
    published: Option<String>,
    article: Option<i64>,
) -> AppResult<Added> {
    let published = parse_date(published.as_deref())?;
    state
        .desk()?
        .add(article, title.as_deref(), &text, published, "pasted text")
}

#[tauri::command]
pub fn add_sample(state: State<'_, AppState>) -> AppResult<Added> {
    let published = NaiveDate::from_ymd_opt(2025, 3, 14);
    state.desk()?.add(None, None, SAMPLE, published, "sample")
}

fn read_article(path: &Path) -> AppResult<String> {
    let meta = std::fs::metadata(path).map_err(|e| AppError::io("read", path, &e))?;
    if !meta.is_file() {
        return Err(AppError::invalid(format!(
            "{} is not a file.",
            path.display()
        )));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(AppError::invalid(format!(
            "{} is {} MB; articles over 20 MB are refused.",
            path.display(),
            meta.len() / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| AppError::io("read", path, &e))?;
    String::from_utf8(bytes).map_err(|_| {
        AppError::invalid(format!(
            "{} is not UTF-8 text; save it as plain text and try again.",
            path.display()
        ))
    })
}

/// Loads files (from the open dialog or dropped on the window). Each file
/// succeeds or fails on its own; progress goes out as `progress` events.
#[tauri::command]
pub async fn import_files<R: Runtime>(
    app: AppHandle<R>,
    paths: Vec<String>,
    article: Option<i64>,
) -> AppResult<Vec<ImportOutcome>> {
    if paths.is_empty() {
        return Err(AppError::invalid("No files were chosen."));
    }
    off_main(move || {
        let total = paths.len();
        let mut out = Vec::with_capacity(total);
        for (i, p) in paths.into_iter().enumerate() {
            let path = PathBuf::from(&p);
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.clone());
            emit_progress(&app, "import", i, total, &name);
            let result = read_article(&path).and_then(|text| {
                app.state::<AppState>()
                    .desk()?
                    .add(article, None, &text, None, &p)
            });
            out.push(match result {
                Ok(added) => ImportOutcome {
                    path: p,
                    added: Some(added),
                    error: None,
                },
                Err(e) => ImportOutcome {
                    path: p,
                    added: None,
                    error: Some(e),
                },
            });
        }
        emit_progress(&app, "import", total, total, "done");
        Ok(out)
    })
    .await
}

/// Loads an article from a web address.
#[tauri::command]
pub async fn import_url(url: String, article: Option<i64>) -> AppResult<Added> {
    let _ = article;
    let url = url.trim();
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(AppError::invalid(format!(
            "{url:?} is not a web address (it should start with https://)."
        )));
    }
    Err(AppError::new(
        ErrorCode::Unsupported,
        "Loading from a web address needs the article loader, which this build does not have yet. Save the page as text and load the file instead.",
    ))
}

#[tauri::command]
pub fn open_article(
    state: State<'_, AppState>,
    article: i64,
    revision: Option<i64>,
) -> AppResult<ArticleView> {
    state.desk()?.open(article, revision)
}

#[tauri::command]
pub fn review_claim(
    state: State<'_, AppState>,
    claim: i64,
    status: String,
    note: Option<String>,
    sources: Option<Vec<String>>,
) -> AppResult<ClaimView> {
    let status: Status = status.parse()?;
    let sources: Vec<String> = sources
        .unwrap_or_default()
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    state.desk()?.review(
        claim,
        status,
        note.as_deref().unwrap_or("").trim(),
        &sources,
        &reviewer(),
    )
}

#[tauri::command]
pub fn claim_history(state: State<'_, AppState>, claim: i64) -> AppResult<Vec<ReviewEntry>> {
    state.desk()?.history(claim)
}

/// Compares two revisions off the main thread (large articles take time).
#[tauri::command]
pub async fn compare_revisions<R: Runtime>(
    app: AppHandle<R>,
    article: i64,
    old: i64,
    new: i64,
) -> AppResult<Comparison> {
    off_main(move || {
        emit_progress(&app, "compare", 0, 1, "comparing revisions");
        let c = app.state::<AppState>().desk()?.compare(article, old, new);
        emit_progress(&app, "compare", 1, 1, "done");
        c
    })
    .await
}

fn render_report(state: &AppState, article: i64, format: &str) -> AppResult<String> {
    match format {
        "claims-json" => {
            let view = state.desk()?.open(article, None)?;
            serde_json::to_string_pretty(&view).map_err(|e| {
                AppError::new(
                    ErrorCode::Internal,
                    format!("Could not write the report: {e}"),
                )
            })
        }
        other => Err(AppError::invalid(format!(
            "Unknown report format {other:?}; this build writes: {}.",
            REPORT_FORMATS.join(", ")
        ))),
    }
}

/// The report as text, for the export preview.
#[tauri::command]
pub fn preview_report(
    state: State<'_, AppState>,
    article: i64,
    format: String,
) -> AppResult<String> {
    render_report(&state, article, &format)
}

/// Writes the report to `path` (chosen in the save dialog) and returns it.
#[tauri::command]
pub async fn export_report<R: Runtime>(
    app: AppHandle<R>,
    article: i64,
    format: String,
    path: String,
) -> AppResult<String> {
    off_main(move || {
        let body = render_report(&app.state::<AppState>(), article, &format)?;
        let p = PathBuf::from(&path);
        std::fs::write(&p, body).map_err(|e| AppError::io("write", &p, &e))?;
        Ok(path)
    })
    .await
}
