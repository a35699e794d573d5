//! The commands the UI invokes. Each is thin: parse what the UI sent, call
//! the core (loader, store, comparison) and return a view or an
//! [`AppError`]. Every command runs on a blocking worker thread, never on
//! the main (UI) thread, so a long import or comparison never freezes the
//! window; long work reports `progress` events.

use crate::desk;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::staging::Staged;
use crate::state::AppState;
use crate::views::{
    AppInfo, ArticleView, ClaimView, Comparison, ConfirmedDate, DetectedDate, ImportOutcome,
    Library, Loaded, Progress, ReportFormat,
};
use chrono::NaiveDate;
use claimdesk::load::{self, Document, JsonlReader, Overrides, SourceKind, UrlOptions};
use claimdesk::store::{
    ArchiveConflict, ArticleId, Dismissal, Match, PersonPage, PersonSummary, Review, ReviewInput,
    Store, Target,
};
use claimdesk::{ClaimKind, Status, report};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The sample article offered on first launch (written for Claimdesk).
pub const SAMPLE: &str = include_str!("../../samples/harbour-council.txt");

/// When the process started (set first thing in `main`), for the startup
/// figure.
pub static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

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

/// The operating-system account: who reviews when the checker gave no name.
pub(crate) fn account_name() -> Option<String> {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
}

/// Runs `f` with the locked store on a blocking worker thread.
pub(crate) async fn with_store<R: Runtime, T: Send + 'static>(
    app: &AppHandle<R>,
    f: impl FnOnce(&mut Store) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let app = app.clone();
    off_main(move || f(&mut *app.state::<AppState>().store()?)).await
}

/// Runs `f` on a blocking worker thread.
pub(crate) async fn off_main<T: Send + 'static>(
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

fn target(article: Option<ArticleId>) -> Target {
    article.map_or(Target::Auto, Target::Article)
}

/// Stores a loaded document and says what happened.
fn store_doc(store: &mut Store, doc: &Document, article: Option<ArticleId>) -> AppResult<Loaded> {
    let added = store.add(doc, target(article))?;
    let title = store
        .revision(added.article_id, Some(added.revision))
        .map(|r| r.info.title)
        .unwrap_or_else(|_| doc.title.clone());
    Ok(Loaded { added, title })
}

/// The UI calls this once its first view is painted. With
/// `CLAIMDESK_STARTUP_TRACE` set, prints the time since process start to
/// stderr, and exits if its value is `exit` (for measuring cold starts).
///
/// `marks` are the page's own milestones (name, milliseconds since the
/// page's navigation started, and that start as milliseconds since the
/// Unix epoch); they are printed as times since process start too, to show
/// where a slow start spends its time.
#[tauri::command]
pub fn ui_ready<R: Runtime>(app: AppHandle<R>, marks: Option<PageMarks>) {
    // The team desk's background sync starts with the first paint.
    crate::team::start(&app);
    let Ok(mode) = std::env::var("CLAIMDESK_STARTUP_TRACE") else {
        return;
    };
    if let Some(t0) = STARTED.get() {
        let now_ms = t0.elapsed().as_millis();
        // The process start as milliseconds since the epoch.
        let epoch_now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0);
        if let Some(m) = marks {
            let started = epoch_now - now_ms as f64;
            let origin = m.origin - started;
            eprintln!("startup: page navigation starts after {origin:.0} ms");
            for (name, at) in m.marks {
                eprintln!("startup: {name} after {:.0} ms", origin + at);
            }
        }
        eprintln!("startup: first paint after {now_ms} ms");
    }
    if mode == "exit" {
        app.exit(0);
    }
}

/// The page's start-up milestones (see [`ui_ready`]).
#[derive(Debug, serde::Deserialize)]
pub struct PageMarks {
    /// `performance.timeOrigin`: when navigation started, in ms since the epoch.
    origin: f64,
    /// (milestone, ms since `origin`).
    marks: Vec<(String, f64)>,
}

#[tauri::command]
pub fn app_info<R: Runtime>(app: AppHandle<R>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        database: app.state::<AppState>().location.clone(),
        kinds: ClaimKind::ALL.iter().map(|k| k.as_str()).collect(),
        statuses: Status::ALL.iter().map(|s| s.as_str()).collect(),
        report_formats: report::Format::ALL
            .iter()
            .map(|f| ReportFormat {
                name: f.as_str(),
                extension: f.extension(),
            })
            .collect(),
    }
}

/// The library, or the articles a full-text search finds (in their text,
/// claims, notes and sources); with `verdict`, only articles holding a
/// claim with that current verdict.
#[tauri::command]
pub async fn list_articles<R: Runtime>(
    app: AppHandle<R>,
    query: Option<String>,
    verdict: Option<String>,
    limit: Option<usize>,
) -> AppResult<Library> {
    let limit = limit.unwrap_or(LIBRARY_ROWS);
    let verdict = match verdict.as_deref().filter(|v| !v.is_empty()) {
        None => None,
        Some(v) => Some(
            v.parse::<Status>()
                .map_err(|_| AppError::invalid(format!("{v:?} is not a verdict.")))?,
        ),
    };
    with_store(&app, move |s| {
        desk::library(s, query.as_deref(), verdict, limit)
    })
    .await
}

/// Library rows sent when the page does not say how many it shows.
const LIBRARY_ROWS: usize = 500;

/// Pasted text, as a new article or (with `article`) its next revision.
#[tauri::command]
pub async fn add_text<R: Runtime>(
    app: AppHandle<R>,
    title: Option<String>,
    text: String,
    published: Option<String>,
    article: Option<ArticleId>,
) -> AppResult<Loaded> {
    let over = Overrides {
        title: title
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty()),
        published: parse_date(published.as_deref())?,
    };
    let doc = off_main(move || Ok(load::from_text(text, &over)?)).await?;
    with_store(&app, move |s| store_doc(s, &doc, article)).await
}

/// The sample article.
#[tauri::command]
pub async fn add_sample<R: Runtime>(app: AppHandle<R>) -> AppResult<Loaded> {
    let mut doc = load::from_text(SAMPLE.to_string(), &Overrides::default())?;
    doc.source = Some("Claimdesk sample".into());
    with_store(&app, move |s| store_doc(s, &doc, None)).await
}

fn count_lines(path: &Path) -> usize {
    std::fs::File::open(path)
        .map(|f| {
            std::io::BufReader::new(f)
                .lines()
                .map_while(Result::ok)
                .filter(|l| !l.trim().is_empty())
                .count()
        })
        .unwrap_or(0)
}

/// One bulk (.jsonl) file: every article in one transaction, all or none.
fn import_bulk<R: Runtime>(app: &AppHandle<R>, path: &Path, name: &str) -> AppResult<usize> {
    let total = count_lines(path);
    let reader = JsonlReader::open(path)?;
    let state = app.state::<AppState>();
    let mut store = state.store()?;
    let sum = store.add_all(reader, |n| {
        if n % 25 == 0 {
            emit_progress(app, "import", n, total, name);
        }
    })?;
    Ok(sum.documents)
}

/// Reads files (from the open dialog or dropped on the window): text,
/// Markdown, HTML, .docx, or .jsonl bulk files. Each file succeeds or fails
/// on its own; progress goes out as `progress` events. A bulk file is
/// stored at once (its lines carry their own dates); any other file waits,
/// `staged`, until its publication date is confirmed (`confirm_import`).
#[tauri::command]
pub async fn import_files<R: Runtime>(
    app: AppHandle<R>,
    paths: Vec<String>,
) -> AppResult<Vec<ImportOutcome>> {
    if paths.is_empty() {
        return Err(AppError::invalid("No files were chosen."));
    }
    {
        let state = app.state::<AppState>();
        for p in &paths {
            let p = Path::new(p);
            state.chosen(p)?;
            state.not_the_database(p)?;
        }
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
            let bulk = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
            let mut outcome = ImportOutcome {
                path: p,
                loaded: None,
                staged: None,
                documents: None,
                error: None,
            };
            if bulk {
                match import_bulk(&app, &path, &name) {
                    Ok(n) => outcome.documents = Some(n),
                    Err(e) => outcome.error = Some(e),
                }
            } else {
                let r = load::load_file(&path, &Overrides::default())
                    .map_err(AppError::from)
                    .and_then(|doc| app.state::<AppState>().staged.add(doc));
                match r {
                    Ok(s) => outcome.staged = Some(s),
                    Err(e) => outcome.error = Some(e),
                }
            }
            out.push(outcome);
        }
        emit_progress(&app, "import", total, total, "done");
        Ok(out)
    })
    .await
}

/// Fetches an article from a web address (timeouts and size limits are the
/// loader's); it waits, staged, until its date is confirmed.
#[tauri::command]
pub async fn import_url<R: Runtime>(app: AppHandle<R>, url: String) -> AppResult<Staged> {
    let url = url.trim().to_string();
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(AppError::invalid(format!(
            "{url:?} is not a web address (it should start with https://)."
        )));
    }
    let progress = app.clone();
    let doc = off_main(move || {
        emit_progress(&progress, "fetch", 0, 1, &url);
        let doc = load::fetch_url(&url, &UrlOptions::default(), &Overrides::default());
        emit_progress(&progress, "fetch", 1, 1, "done");
        Ok(doc?)
    })
    .await?;
    debug_assert_eq!(doc.source_kind, SourceKind::Url);
    app.state::<AppState>().staged.add(doc)
}

/// Stores staged articles with the publication dates the checker
/// confirmed (or typed); claims are made now, against those dates. With
/// `article`, each becomes the next revision of that article. Each
/// succeeds or fails on its own; a failed one stays staged.
#[tauri::command]
pub async fn confirm_import<R: Runtime>(
    app: AppHandle<R>,
    items: Vec<ConfirmedDate>,
    article: Option<ArticleId>,
) -> AppResult<Vec<ImportOutcome>> {
    let mut dated = Vec::with_capacity(items.len());
    for item in &items {
        dated.push((item.id, parse_date(item.published.as_deref())?));
    }
    off_main(move || {
        let state = app.state::<AppState>();
        let mut out = Vec::with_capacity(dated.len());
        for (id, published) in dated {
            let mut outcome = ImportOutcome {
                path: String::new(),
                loaded: None,
                staged: None,
                documents: None,
                error: None,
            };
            match state.staged.take(id) {
                Err(e) => outcome.error = Some(e),
                Ok(mut doc) => {
                    outcome.path = doc.source.clone().unwrap_or_else(|| doc.title.clone());
                    if doc.published != published {
                        doc.published = published;
                        doc.date_source = load::DateSource::Given;
                    }
                    match state
                        .store()
                        .and_then(|mut s| store_doc(&mut s, &doc, article))
                    {
                        Ok(l) => outcome.loaded = Some(l),
                        Err(e) => {
                            state.staged.put_back(id, doc);
                            outcome.error = Some(e);
                        }
                    }
                }
            }
            out.push(outcome);
        }
        Ok(out)
    })
    .await
}

/// Opens a source's web address in the system browser. Only http(s)
/// addresses are opened; anything else is refused, so the page cannot
/// start programs or open local files. With `CLAIMDESK_TEST_OPENED` set
/// (tests), the address is appended to that file instead.
#[tauri::command]
pub fn open_source(url: String) -> AppResult<()> {
    let url = url.trim().to_string();
    if let Some(problem) = load::web_address_problem(&url) {
        return Err(AppError::invalid(format!(
            "{url:?} cannot be opened: {problem}."
        )));
    }
    if let Some(log) = std::env::var_os("CLAIMDESK_TEST_OPENED") {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .map_err(|e| AppError::new(ErrorCode::Io, format!("Cannot note the address: {e}")))?;
        writeln!(f, "{url}")
            .map_err(|e| AppError::new(ErrorCode::Io, format!("Cannot note the address: {e}")))?;
        return Ok(());
    }
    open::that_detached(&url).map_err(|e| {
        AppError::new(
            ErrorCode::Io,
            format!("The browser could not be started for {url}: {e}"),
        )
    })
}

/// Lets staged articles go (the confirmation was cancelled).
#[tauri::command]
pub fn discard_import<R: Runtime>(app: AppHandle<R>, ids: Vec<u64>) -> AppResult<()> {
    app.state::<AppState>().staged.discard(&ids)
}

/// The publication date a pasted text states, and where it came from.
#[tauri::command]
pub fn detect_published(text: String) -> DetectedDate {
    let today = chrono::Local::now().date_naive();
    let (published, source) = load::detect_published(&text, today);
    DetectedDate {
        published: published.map(|d| d.to_string()),
        date_source: source,
        date_source_words: source.words(),
        guess: source.is_guess(),
    }
}

/// One revision of an article (by number; the latest if none).
#[tauri::command]
pub async fn open_article<R: Runtime>(
    app: AppHandle<R>,
    article: ArticleId,
    revision: Option<u32>,
) -> AppResult<ArticleView> {
    with_store(&app, move |s| desk::open(s, article, revision)).await
}

/// Records a verdict; returns the claim as it now stands.
#[tauri::command]
pub async fn review_claim<R: Runtime>(
    app: AppHandle<R>,
    claim: i64,
    status: String,
    note: Option<String>,
    sources: Option<Vec<String>>,
    reviewer: Option<String>,
) -> AppResult<ClaimView> {
    // The name the checker gave in the app; else the account's.
    let reviewer = reviewer
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty())
        .or_else(account_name);
    let input = ReviewInput {
        status: Some(status.parse()?),
        note,
        sources: sources.unwrap_or_default(),
        reviewer,
        revision: None,
    };
    let view = with_store(&app, move |s| {
        s.review(claim, &input)?;
        let mut v = desk::claim_view(s.claim(claim)?);
        v.verdict_conflict = desk::verdict_conflict(s, claim)?;
        Ok(v)
    })
    .await?;
    // On a team desk, the verdict goes out at once.
    crate::team::poke(&app);
    Ok(view)
}

/// Corrects an article's publication date (none clears it): its latest text
/// is stored again as a new revision with that date, so relative dates are
/// resolved anew and the claims they move go to re-check.
#[tauri::command]
pub async fn set_published<R: Runtime>(
    app: AppHandle<R>,
    article: ArticleId,
    published: Option<String>,
) -> AppResult<Loaded> {
    let date = parse_date(published.as_deref())?;
    with_store(&app, move |s| {
        let added = s.set_published(article, date)?;
        let title = s.revision(article, Some(added.revision))?.info.title;
        Ok(Loaded { added, title })
    })
    .await
}

/// Every verdict on a claim, oldest first, including those given on the
/// same claim in earlier revisions.
#[tauri::command]
pub async fn claim_history<R: Runtime>(app: AppHandle<R>, claim: i64) -> AppResult<Vec<Review>> {
    with_store(&app, move |s| Ok(s.history(claim)?)).await
}

/// Compares two revisions (by number).
#[tauri::command]
pub async fn compare_revisions<R: Runtime>(
    app: AppHandle<R>,
    article: ArticleId,
    old: u32,
    new: u32,
) -> AppResult<Comparison> {
    let progress = app.clone();
    with_store(&app, move |s| {
        emit_progress(&progress, "compare", 0, 1, "comparing revisions");
        let c = desk::compare(s, article, old, new);
        emit_progress(&progress, "compare", 1, 1, "done");
        c
    })
    .await
}

fn render_report(
    store: &Store,
    article: ArticleId,
    format: &str,
    publishing: &report::Publishing,
) -> AppResult<String> {
    let format: report::Format = format.parse()?;
    let mut input = report::from_store(store, &article.to_string(), None, chrono::Utc::now())?;
    input.publish(publishing);
    Ok(report::render(&input, format)?)
}

/// The report as text, for the export preview (the page shows the HTML
/// report rendered, in a sandboxed frame). `publishing` names the article's
/// URL and the reviewing organization, as the export view's fields give them.
#[tauri::command]
pub async fn preview_report<R: Runtime>(
    app: AppHandle<R>,
    article: ArticleId,
    format: String,
    publishing: Option<report::Publishing>,
) -> AppResult<String> {
    let publishing = publishing.unwrap_or_default();
    with_store(&app, move |s| {
        render_report(s, article, &format, &publishing)
    })
    .await
}

/// Writes the report to `path` (chosen in the save dialog) and returns it.
#[tauri::command]
pub async fn export_report<R: Runtime>(
    app: AppHandle<R>,
    article: ArticleId,
    format: String,
    path: String,
    publishing: Option<report::Publishing>,
) -> AppResult<String> {
    let publishing = publishing.unwrap_or_default();
    let p = PathBuf::from(&path);
    {
        let state = app.state::<AppState>();
        state.chosen(&p)?;
        state.not_the_database(&p)?;
    }
    let body = with_store(&app, move |s| {
        render_report(s, article, &format, &publishing)
    })
    .await?;
    off_main(move || {
        std::fs::write(&p, body).map_err(|e| AppError::io("write", &p, &e))?;
        Ok(path)
    })
    .await
}

/// Writes the article's corrected claims as gold annotations for the
/// evaluation scripts: `path` (chosen in the save dialog) gets
/// `NAME.gold.json`, and its text goes beside it as `NAME.txt`. That second
/// file is never written over: if it exists, nothing is written.
#[tauri::command]
pub async fn export_gold<R: Runtime>(
    app: AppHandle<R>,
    article: ArticleId,
    path: String,
) -> AppResult<Vec<String>> {
    let json_path = PathBuf::from(&path);
    let name = json_path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".gold.json"))
        .filter(|n| !n.is_empty())
        .ok_or_else(|| {
            AppError::invalid("A gold file is named NAME.gold.json; choose such a name.")
        })?
        .to_string();
    let txt_path = json_path.with_file_name(format!("{name}.txt"));
    {
        let state = app.state::<AppState>();
        state.chosen(&json_path)?;
        state.not_the_database(&json_path)?;
        state.not_the_database(&txt_path)?;
    }
    if txt_path.exists() {
        return Err(AppError::invalid(format!(
            "{} already exists; choose another name for the gold file.",
            txt_path.display()
        )));
    }
    let export = with_store(&app, move |s| Ok(report::gold_from_store(s, article)?)).await?;
    off_main(move || {
        let body = serde_json::to_string_pretty(&export.gold)
            .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
        std::fs::write(&json_path, body + "\n")
            .map_err(|e| AppError::io("write", &json_path, &e))?;
        std::fs::write(&txt_path, &export.text)
            .map_err(|e| AppError::io("write", &txt_path, &e))?;
        Ok(vec![
            json_path.display().to_string(),
            txt_path.display().to_string(),
        ])
    })
    .await
}

/// Answers that stand in for the native dialogs, for end-to-end tests that
/// WebDriver cannot drive through a native window: set in the app's
/// environment by whoever starts it, never by the page.
fn test_answer(var: &str) -> Option<Vec<PathBuf>> {
    std::env::var_os(var).map(|v| std::env::split_paths(&v).collect())
}

/// The native open dialog for articles. No connection to the database is
/// open while it shows (see `state`), and what the user picks may then be
/// imported. Empty when cancelled.
#[tauri::command]
pub async fn pick_files<R: Runtime>(app: AppHandle<R>) -> AppResult<Vec<String>> {
    off_main(move || {
        let state = app.state::<AppState>();
        let picked: Vec<PathBuf> = match test_answer("CLAIMDESK_TEST_OPEN_PATHS") {
            Some(paths) => paths,
            None => {
                use tauri_plugin_dialog::DialogExt;
                let _gate = state.files_gate()?;
                app.dialog()
                    .file()
                    .set_title("Load articles")
                    .add_filter(
                        "Articles",
                        &[
                            "txt", "md", "markdown", "text", "html", "htm", "docx", "jsonl",
                        ],
                    )
                    .blocking_pick_files()
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|f| f.into_path().ok())
                    .collect()
            }
        };
        state.allow(picked.iter().cloned());
        Ok(picked
            .into_iter()
            .map(|p| p.display().to_string())
            .collect())
    })
    .await
}

/// The native save dialog for a report; `None` when cancelled. The path
/// chosen may then be written by `export_report`.
#[tauri::command]
pub async fn pick_save_path<R: Runtime>(
    app: AppHandle<R>,
    name: String,
    extension: String,
) -> AppResult<Option<String>> {
    off_main(move || {
        let state = app.state::<AppState>();
        let picked: Option<PathBuf> = match test_answer("CLAIMDESK_TEST_SAVE_PATH") {
            Some(paths) => paths.into_iter().next(),
            None => {
                use tauri_plugin_dialog::DialogExt;
                let _gate = state.files_gate()?;
                app.dialog()
                    .file()
                    .set_title("Save report")
                    .set_file_name(&name)
                    .add_filter(extension.to_uppercase(), &[extension.as_str()])
                    .blocking_save_file()
                    .and_then(|f| f.into_path().ok())
            }
        };
        state.allow(picked.iter().cloned());
        Ok(picked.map(|p| p.display().to_string()))
    })
    .await
}

/// The people of the archive (with a query: those whose name holds it).
#[tauri::command]
pub async fn list_people<R: Runtime>(
    app: AppHandle<R>,
    query: Option<String>,
) -> AppResult<Vec<PersonSummary>> {
    with_store(&app, move |s| {
        Ok(s.people(query.as_deref().filter(|q| !q.trim().is_empty()))?)
    })
    .await
}

/// A person's page: roles, departures, attendances and quotes in date
/// order, each with its article and current verdict.
#[tauri::command]
pub async fn person_page<R: Runtime>(app: AppHandle<R>, person: String) -> AppResult<PersonPage> {
    with_store(&app, move |s| Ok(s.person(&person)?)).await
}

/// Earlier claims that state the same fact as a claim, or may be related.
#[tauri::command]
pub async fn claim_matches<R: Runtime>(app: AppHandle<R>, claim: i64) -> AppResult<Vec<Match>> {
    with_store(&app, move |s| Ok(s.matches(claim)?)).await
}

/// Copies an earlier claim's verdict onto a claim (kept as a copy in its
/// history); returns the claim as it now stands.
#[tauri::command]
pub async fn copy_verdict<R: Runtime>(
    app: AppHandle<R>,
    claim: i64,
    from: i64,
    reviewer: Option<String>,
) -> AppResult<ClaimView> {
    let reviewer = reviewer
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty())
        .or_else(account_name)
        .unwrap_or_default();
    with_store(&app, move |s| {
        s.copy_verdict(claim, from, &reviewer, None)?;
        Ok(desk::claim_view(s.claim(claim)?))
    })
    .await
}

/// The contradictions across the archive, or those about one person, or
/// those an article's claims are part of.
#[tauri::command]
pub async fn list_conflicts<R: Runtime>(
    app: AppHandle<R>,
    person: Option<String>,
    article: Option<ArticleId>,
    dismissed: Option<bool>,
) -> AppResult<Vec<ArchiveConflict>> {
    let all = dismissed.unwrap_or(false);
    with_store(&app, move |s| match article {
        Some(a) => {
            let ids: Vec<i64> = s
                .claims(a, None, Default::default())?
                .iter()
                .map(|c| c.id)
                .collect();
            Ok(s.conflicts_of_claims(&ids, all)?)
        }
        None => Ok(s.conflicts(person.as_deref(), all)?),
    })
    .await
}

/// Dismisses a conflict with a note; the dismissal is kept.
#[tauri::command]
pub async fn dismiss_conflict<R: Runtime>(
    app: AppHandle<R>,
    conflict: String,
    note: String,
    reviewer: Option<String>,
) -> AppResult<Dismissal> {
    let reviewer = reviewer
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty())
        .or_else(account_name)
        .unwrap_or_default();
    with_store(&app, move |s| {
        Ok(s.dismiss_conflict(&conflict, &note, &reviewer)?)
    })
    .await
}
