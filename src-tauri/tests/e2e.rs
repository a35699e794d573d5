//! End-to-end tests: the real `claimdesk-app` binary driven through
//! tauri-driver (WebDriver on 127.0.0.1:4444, which runs WebKitWebDriver) with
//! fantoccini. Every step is screenshotted to `artifacts/e2e/`.
//!
//! They need a display (Xvfb), tauri-driver and WebKitWebDriver, so they are
//! ignored by plain `cargo test`; `scripts/e2e.sh` sets all that up and runs
//! them with `--ignored --test-threads=1` (WebKitWebDriver allows one session
//! at a time).

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

type TestResult<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

const WEBDRIVER: &str = "http://127.0.0.1:4444";

/// tauri-driver as a child process, stopped with SIGTERM on drop (SIGKILL
/// would leave WebKitWebDriver holding its port).
struct Driver {
    child: Child,
    _data: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn tauri_driver() -> PathBuf {
    if let Some(p) = std::env::var_os("TAURI_DRIVER") {
        return p.into();
    }
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    match home.map(|h| h.join("bin/tauri-driver")) {
        Some(p) if p.exists() => p,
        _ => PathBuf::from("tauri-driver"),
    }
}

fn artifacts() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../artifacts/e2e")
}

/// One running app with a WebDriver session on it.
struct App {
    client: Client,
    driver: Driver,
    name: &'static str,
    step: usize,
    /// What the save dialog answers (CLAIMDESK_TEST_SAVE_PATH).
    save_path: Option<PathBuf>,
}

impl App {
    async fn start(name: &'static str) -> TestResult<App> {
        App::start_with(name, &[]).await
    }

    /// Starts the app with `env` added to its environment (the dialog
    /// stand-ins, say).
    async fn start_with(name: &'static str, env: &[(&str, &Path)]) -> TestResult<App> {
        if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
            return Err("no DISPLAY: start Xvfb first (scripts/e2e.sh does)".into());
        }
        let data = tempfile::tempdir()?;
        let save_path = data.path().join("report.out");
        let child = Command::new(tauri_driver())
            // A fresh, empty database for every test; inherited by the app.
            .env("CLAIMDESK_DB", data.path().join("claimdesk.db"))
            .env("CLAIMDESK_TEST_SAVE_PATH", &save_path)
            .envs(env.iter().map(|(k, v)| (*k, *v)))
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| {
                format!(
                    "cannot start tauri-driver ({e}); run `cargo install tauri-driver --locked`"
                )
            })?;
        let driver = Driver { child, _data: data };
        let deadline = Instant::now() + Duration::from_secs(15);
        while TcpStream::connect("127.0.0.1:4444").is_err() {
            if Instant::now() > deadline {
                return Err("tauri-driver did not listen on 127.0.0.1:4444 within 15 s".into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            json!({ "application": env!("CARGO_BIN_EXE_claimdesk-app") }),
        );
        let mut builder = ClientBuilder::native();
        builder.capabilities(caps);
        // tauri-driver listens before the WebKitWebDriver behind it is
        // ready, and then drops the first request: try a few times.
        let deadline = Instant::now() + Duration::from_secs(60);
        let client = loop {
            let connect = builder.connect(WEBDRIVER);
            let left = deadline.saturating_duration_since(Instant::now());
            match tokio::time::timeout(left, connect).await {
                Ok(Ok(client)) => break client,
                Ok(Err(e)) if Instant::now() < deadline => {
                    eprintln!("e2e: no WebDriver session yet ({e}); trying again");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Ok(Err(e)) => return Err(e.into()),
                Err(_) => {
                    return Err("no WebDriver session within 60 s (is the display working?)".into());
                }
            }
        };
        std::fs::create_dir_all(artifacts())?;
        let app = App {
            client,
            driver,
            name,
            step: 0,
            save_path: Some(save_path),
        };
        app.wait_for("html[data-ready='true']").await?;
        Ok(app)
    }

    /// Ends the session whatever happened, stops the driver, returns `result`.
    async fn finish(self, result: TestResult) -> TestResult {
        if result.is_err() {
            let _ = self.shot_raw("failure").await;
        }
        let closed = self.client.close().await;
        drop(self.driver);
        result?;
        closed?;
        Ok(())
    }

    async fn shot_raw(&self, label: &str) -> TestResult {
        let png = self.client.screenshot().await?;
        let path = artifacts().join(format!("{}-{:02}-{label}.png", self.name, self.step));
        std::fs::write(&path, png)?;
        Ok(())
    }

    /// Screenshots the window as the next numbered step, once the last DOM
    /// change is painted (two animation frames).
    async fn shot(&mut self, label: &str) -> TestResult {
        self.step += 1;
        self.client
            .execute_async(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)));",
                vec![],
            )
            .await?;
        self.shot_raw(label).await
    }

    async fn wait_for(&self, css: &str) -> TestResult<Element> {
        Ok(self
            .client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(css))
            .await
            .map_err(|e| format!("waiting for {css}: {e}"))?)
    }

    async fn text(&self, css: &str) -> TestResult<String> {
        Ok(self.wait_for(css).await?.text().await?)
    }

    async fn js(&self, script: &str) -> TestResult<Value> {
        Ok(self.client.execute(script, vec![]).await?)
    }

    /// Waits until `script` returns true.
    async fn until(&self, what: &str, script: &str) -> TestResult {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if self.js(script).await? == Value::Bool(true) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("timed out waiting for {what}").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the first element matching the XPath `xpath`.
    async fn click_x(&self, xpath: &str) -> TestResult {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::XPath(xpath))
            .await
            .map_err(|e| format!("waiting for {xpath}: {e}"))?
            .click()
            .await?;
        Ok(())
    }

    /// Types `keys` with focus on the view (the keyboard shortcuts).
    async fn keys(&self, keys: &str) -> TestResult {
        self.wait_for("#view").await?.send_keys(keys).await?;
        Ok(())
    }

    /// Pastes `text` through the load dialog.
    async fn paste_article(&self, title: &str, text: &str) -> TestResult {
        self.wait_for("#load-btn").await?.click().await?;
        self.wait_for("#paste-title")
            .await?
            .send_keys(title)
            .await?;
        self.paste_into_dialog(title, text).await
    }

    /// Fills the paste box of the open load dialog, adds, and waits for the
    /// article titled `title` to open.
    async fn paste_into_dialog(&self, title: &str, text: &str) -> TestResult {
        // Typing a long article key by key is slow; set the value as a paste would.
        let area = self.wait_for("#paste-text").await?;
        self.client
            .execute(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
                vec![serde_json::to_value(&area)?, json!(text)],
            )
            .await?;
        self.wait_for("#paste-add").await?.click().await?;
        self.until(
            "the article view",
            &format!(
                "const h = document.getElementById('article-title'); return !!h && h.textContent === {};",
                json!(title)
            ),
        )
        .await
    }
}

async fn library_steps(app: &mut App) -> TestResult {
    assert_eq!(app.text("#view h1").await?, "Library");
    let empty = app.text("#library-empty").await?;
    assert!(empty.contains("No articles yet"), "{empty}");
    app.shot("library-empty").await?;

    app.wait_for("#sample-btn").await?.click().await?;
    let title = app.text("#article-title").await?;
    assert!(title.contains("Harbour authority"), "{title}");
    let claims = app
        .client
        .find_all(Locator::Css("#claim-list .claim-item"))
        .await?;
    assert!(!claims.is_empty(), "the sample has claims");
    let marks = app
        .client
        .find_all(Locator::Css("#article-text mark.claim"))
        .await?;
    assert!(!marks.is_empty(), "claim spans are highlighted");
    app.shot("sample-article").await?;

    app.keys("g").await?;
    app.wait_for("#view[data-view='library'] .library-row[data-article]")
        .await?;
    let row = app.text(".library-row[data-article] .title").await?;
    assert!(row.contains("Harbour authority"), "{row}");
    app.shot("library-with-sample").await?;

    // The theme toggle: dark, and back to light.
    app.keys("t").await?;
    app.wait_for("html[data-theme='dark']").await?;
    app.click_x("//div[@data-article]").await?;
    app.wait_for("#article-text mark.claim").await?;
    app.shot("article-dark-theme").await?;
    app.keys("t").await?;
    app.wait_for("html[data-theme='light']").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run scripts/e2e.sh"]
async fn opens_on_the_library_and_offers_the_sample() -> TestResult {
    let mut app = App::start("library").await?;
    let r = library_steps(&mut app).await;
    app.finish(r).await
}

const HOSTILE: &str = "Hostile markup test\n\nMayor Ada Moss said on 3 March 2025: <script>window.__pwned = 'script'</script> \
and then <img src=x onerror=\"window.__pwned = 'img'\"> and <a href=\"javascript:window.__pwned='a'\">here</a>.\n";

async fn hostile_steps(app: &mut App) -> TestResult {
    app.paste_article("Hostile markup test", HOSTILE).await?;
    let text = app.text("#article-text").await?;
    assert!(
        text.contains("<script>window.__pwned = 'script'</script>"),
        "{text}"
    );
    assert!(text.contains("<img src=x onerror="), "{text}");
    // Give an injected handler time to fire, then check nothing ran and no
    // element came out of the article text.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let pwned = app.js("return typeof window.__pwned;").await?;
    assert_eq!(pwned, json!("undefined"));
    let injected = app
        .js("return document.querySelectorAll('#article-text script, #article-text img, #article-text a').length;")
        .await?;
    assert_eq!(injected, json!(0));
    app.shot("hostile-text-is-text").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run scripts/e2e.sh"]
async fn article_markup_runs_nothing() -> TestResult {
    let mut app = App::start("hostile").await?;
    let r = hostile_steps(&mut app).await;
    app.finish(r).await
}

const SAMPLE_V2: &str = include_str!("../../samples/harbour-council-v2.txt");

/// The status shown for the first claim in the list whose kind is `kind`
/// and whose text contains `text`.
fn claim_xpath(kind: &str, text: &str) -> String {
    format!(
        "//li[contains(@class,'claim-item') and contains(@class,'k-{kind}')][.//span[@class='claim-text' and contains(text(),'{text}')]]"
    )
}

async fn claim_status(app: &App, kind: &str, text: &str) -> TestResult<String> {
    let xp = format!(
        "{}//span[contains(@class,'status-badge')]",
        claim_xpath(kind, text)
    );
    let el = app
        .client
        .find(Locator::XPath(&xp))
        .await
        .map_err(|e| format!("{xp}: {e}"))?;
    Ok(el.text().await?)
}

async fn workflow_steps(app: &mut App) -> TestResult {
    // 1. Load the sample: its claims are listed and highlighted.
    app.wait_for("#sample-btn").await?.click().await?;
    let title = app.text("#article-title").await?;
    assert!(title.contains("Harbour authority chair resigns"), "{title}");
    let n = app
        .client
        .find_all(Locator::Css("#claim-list .claim-item"))
        .await?
        .len();
    assert!(n >= 5, "the sample has claims ({n})");
    app.shot("article-revision-1").await?;

    // 2. Review from the list with the keyboard: select the date "Tuesday"
    //    (it changes in revision 2) and press v.
    app.click_x(&claim_xpath("date", "Tuesday")).await?;
    let verified = "return [...document.querySelectorAll('#claim-list .claim-item.k-date')].some(e => e.textContent.includes('Tuesday') && e.classList.contains('s-verified'));";
    let before: usize = app
        .text("#to-check-count")
        .await?
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .ok_or("no to-check count in the header")?;
    app.keys("v").await?;
    app.until("the Tuesday claim to be verified", verified)
        .await?;
    // The header's count follows the verdict.
    let count = format!(
        "const c = document.getElementById('to-check-count'); return !!c && c.textContent === '{} to check';",
        before - 1
    );
    app.until("the header count to follow", &count).await?;
    // The message offers Undo, which appends the verdict before.
    app.wait_for(".toast .toast-action").await?.click().await?;
    app.until(
        "the Tuesday claim to be unreviewed again",
        "return [...document.querySelectorAll('#claim-list .claim-item.k-date')].some(e => e.textContent.includes('Tuesday') && e.classList.contains('s-unreviewed'));",
    )
    .await?;
    app.keys("v").await?;
    app.until("the Tuesday claim to be verified again", verified)
        .await?;

    // 3. Open a claim that will not change (the mayor's role), give a
    //    verdict with a note and a source in the claim view.
    app.click_x(&claim_xpath("role", "Adeyemi")).await?;
    app.keys("\u{E007}").await?; // Enter opens the claim view
    app.wait_for("#claim-note")
        .await?
        .send_keys("Confirmed on the town hall website.")
        .await?;
    app.wait_for("#claim-sources")
        .await?
        .send_keys("https://example.org/town-hall/mayor")
        .await?;
    app.wait_for("button.status-btn[data-status='verified']")
        .await?
        .click()
        .await?;
    app.until(
        "the history entry",
        "const h = document.getElementById('claim-history'); return !!h && h.textContent.includes('Confirmed on the town hall website.');",
    )
    .await?;
    let pressed = app
        .wait_for("button.status-btn[data-status='verified']")
        .await?
        .attr("aria-pressed")
        .await?;
    assert_eq!(pressed.as_deref(), Some("true"));
    app.shot("claim-verified-with-note").await?;

    // 3b. A note typed and not saved survives Esc twice (blur, then back to
    //     the article): opening the claim again brings it back as a draft,
    //     and Ctrl+Enter saves it.
    let field = app.wait_for("#claim-note").await?;
    field.send_keys(" The clerk read it out too.").await?;
    field.send_keys("\u{E00C}").await?; // Escape in the field: leave it
    app.keys("\u{E00C}").await?; // Escape again: back to the article
    app.wait_for("#claim-list").await?;
    app.keys("\u{E007}").await?; // Enter: the same claim again
    app.until(
        "the draft to come back",
        "const n = document.getElementById('claim-note'); const d = document.getElementById('claim-draft'); return !!n && n.value.includes('The clerk read it out too.') && !!d && !d.hidden;",
    )
    .await?;
    app.shot("claim-draft-restored").await?;
    app.wait_for("#claim-note")
        .await?
        .send_keys("\u{E009}\u{E007}") // Ctrl+Enter
        .await?;
    app.until(
        "the draft to be saved as a verdict",
        "const h = document.getElementById('claim-history'); const d = document.getElementById('claim-draft'); return !!h && h.textContent.includes('The clerk read it out too.') && !!d && d.hidden;",
    )
    .await?;

    // 4. Load the second revision into the same article.
    app.keys("\u{E00C}").await?; // Escape: back to the article
    app.wait_for("#new-revision").await?.click().await?;
    let heading = app.text("#load-heading").await?;
    assert!(heading.starts_with("New revision of"), "{heading}");
    app.paste_into_dialog(&title, SAMPLE_V2).await?;
    app.until(
        "revision 2 to open",
        "const s = document.getElementById('revision-select'); return !!s && s.value === '2';",
    )
    .await?;
    assert_eq!(
        claim_status(app, "role", "Adeyemi").await?,
        "Verified ↻",
        "unchanged claim keeps its verdict"
    );
    assert_eq!(
        claim_status(app, "date", "Monday").await?,
        "Needs re-check",
        "changed claim is flagged"
    );
    app.shot("article-revision-2").await?;

    // 4b. The claim to re-check opens with an empty note: the machine's
    //     reason stands beside it, not in the checker's words.
    app.click_x(&claim_xpath("date", "Monday")).await?;
    app.keys("\u{E007}").await?;
    app.until(
        "the re-check reason beside an empty note",
        "const n = document.getElementById('claim-note'); const r = document.getElementById('claim-recheck'); return !!n && n.value === '' && !!r && r.textContent.includes('revision 2');",
    )
    .await?;
    app.shot("claim-recheck").await?;
    app.keys("\u{E00C}").await?; // Escape: back to the article
    app.wait_for("button[title='Compare revisions (c)']")
        .await?;

    // 5. Compare: the changed statement is flagged, the verdicts shown.
    app.wait_for("button[title='Compare revisions (c)']")
        .await?
        .click()
        .await?;
    app.wait_for("#diff .row.flagged").await?;
    let flagged = app.text("#diff .row.flagged").await?;
    assert!(flagged.contains("Monday"), "{flagged}");
    let pairs = app.text("#claim-pairs").await?;
    assert!(pairs.contains("was verified, now needs recheck"), "{pairs}");
    assert!(pairs.contains("verified — verdict kept"), "{pairs}");
    app.shot("compare-side-by-side").await?;
    app.keys("j").await?;
    let pos = app.text("#change-position").await?;
    assert!(pos.starts_with("Change 1 of"), "{pos}");
    app.keys("m").await?;
    app.wait_for("#diff .row.inline").await?;
    app.shot("compare-inline-first-change").await?;

    // 6. Timeline of the dated claims.
    app.client
        .execute(
            "location.hash = arguments[0];",
            vec![json!(format!("#/timeline/{}", article_id(app).await?))],
        )
        .await?;
    app.wait_for("#timeline-axis .marker").await?;
    app.shot("timeline").await?;

    // 7. Export: the preview shows the report; the save dialog is native
    //    (not drivable by WebDriver), so the test writes through the same
    //    command the Save button calls after the dialog.
    let id = article_id(app).await?;
    app.client
        .execute(
            "location.hash = arguments[0];",
            vec![json!(format!("#/export/{id}"))],
        )
        .await?;
    app.until(
        "the report preview",
        "const p = document.getElementById('report-preview'); return !!p && p.textContent.length > 100;",
    )
    .await?;
    let preview = app.text("#report-preview").await?;
    assert!(
        preview.contains("Adeyemi"),
        "{}",
        &preview[..preview.len().min(400)]
    );
    app.shot("export-preview").await?;
    // The save dialog is native, out of WebDriver's reach: the app was
    // started with CLAIMDESK_TEST_SAVE_PATH, which the dialog command
    // answers with; the page itself cannot name a path.
    let path = app.save_path.clone().ok_or("started without a save path")?;
    let refused = app
        .client
        .execute_async(
            "const [id, done] = arguments; window.__TAURI__.core.invoke('export_report', {article: id, format: 'md', path: '/tmp/claimdesk-not-chosen.md'}).then(done, e => done({error: e}));",
            vec![json!(id)],
        )
        .await?;
    assert!(
        refused.get("error").is_some(),
        "an unchosen path was accepted: {refused}"
    );
    let written = app
        .client
        .execute_async(
            "const [id, done] = arguments; const format = document.querySelector('input[name=format]:checked').value; const core = window.__TAURI__.core; core.invoke('pick_save_path', {name: 'report', extension: 'md'}).then(path => core.invoke('export_report', {article: id, format, path})).then(done, e => done({error: e}));",
            vec![json!(id)],
        )
        .await?;
    assert_eq!(written, json!(path), "{written}");
    let body = std::fs::read_to_string(&path)?;
    assert!(body.contains("Adeyemi"), "the report is on disk");

    // 8. The publication date was wrong: set it in the article view. A new
    //    revision resolves the relative dates again ("on Monday" moves back
    //    39 years) and sends the moved claims to re-check.
    app.client
        .execute(
            "location.hash = arguments[0];",
            vec![json!(format!("#/article/{id}"))],
        )
        .await?;
    app.wait_for("#published-btn").await?.click().await?;
    app.js("const i = document.getElementById('published-input'); i.value = '1987-03-12'; return i.value;")
        .await?;
    app.wait_for("#published-save").await?.click().await?;
    app.until(
        "the new date and its revision",
        "const d = document.getElementById('published-date'); const s = document.getElementById('revision-select'); return !!d && d.textContent.includes('1987-03-12') && !!s && s.value === '3';",
    )
    .await?;
    let monday = app
        .js("const c = [...document.querySelectorAll('#claim-list .claim-item.k-date')].find(e => e.textContent.includes('Monday')); return c ? c.textContent : '';")
        .await?;
    assert!(
        monday.as_str().is_some_and(|t| t.contains("1987")),
        "the relative date moved: {monday}"
    );
    app.shot("publication-date-changed").await?;
    Ok(())
}

/// The article id of the current view (from the location hash).
async fn article_id(app: &App) -> TestResult<i64> {
    let v = app
        .js("const m = /#\\/(?:article|compare|timeline|export)\\/(\\d+)/.exec(location.hash); return m ? Number(m[1]) : null;")
        .await?;
    v.as_i64()
        .ok_or_else(|| format!("no article in the location ({v})").into())
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run scripts/e2e.sh"]
async fn review_workflow_across_two_revisions() -> TestResult {
    let mut app = App::start("workflow").await?;
    let r = workflow_steps(&mut app).await;
    app.finish(r).await
}

/// An article with several hundred claims: dated resignations, roles and
/// quotes of generated people.
fn big_article(paragraphs: usize) -> String {
    const FIRST: [&str; 10] = [
        "Ada", "Bram", "Cleo", "Dario", "Elin", "Femi", "Greta", "Hugo", "Ines", "Jonas",
    ];
    const LAST: [&str; 12] = [
        "Moss", "Varga", "Okoro", "Lind", "Petrov", "Sato", "Quist", "Haddad", "Ferreira", "Nolan",
        "Brandt", "Ueda",
    ];
    const MONTHS: [&str; 6] = ["January", "February", "March", "April", "May", "June"];
    let mut s = format!("Guild officers change across the region ({paragraphs})\n\n");
    for i in 0..paragraphs {
        let name = format!("{} {}", FIRST[i % 10], LAST[(i / 10) % 12]);
        let day = 1 + i % 28;
        let month = MONTHS[i % 6];
        s.push_str(&format!(
            "{name}, the treasurer of the Harbour Guild, resigned on {day} {month} 2025. \"I leave the books in order,\" {name} said. \
The board met on {} {month} 2025 to appoint a successor.\n\n",
            1 + (day + 3) % 28
        ));
    }
    s
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a measurement, not a check: run with scripts/e2e.sh measure_open_article"]
async fn measure_open_article_with_many_claims() -> TestResult {
    let mut app = App::start("measure").await?;
    let r = async {
        let mut runs = Vec::new();
        for paragraphs in [60, 120] {
            let title = format!("Guild officers change across the region ({paragraphs})");
            app.paste_article(&title, &big_article(paragraphs)).await?;
            let id = article_id(&app).await?;
            for _ in 0..5 {
                app.client
                    .execute("location.hash = '#/library';", vec![])
                    .await?;
                app.wait_for(".library-row[data-article]").await?;
                app.js("window.__claimdeskPerf = null; return true;")
                    .await?;
                app.client
                    .execute(
                        "location.hash = arguments[0];",
                        vec![json!(format!("#/article/{id}"))],
                    )
                    .await?;
                app.until("the article to paint", "return !!window.__claimdeskPerf;")
                    .await?;
                runs.push(app.js("return window.__claimdeskPerf;").await?);
            }
        }
        app.shot("many-claims").await?;
        for r in &runs {
            println!(
                "figure: open article with {} claims: {:.0} ms",
                r["claims"],
                r["openMs"].as_f64().unwrap_or(-1.0)
            );
        }
        Ok(())
    }
    .await;
    app.finish(r).await
}

/// Resident memory (kB) of the app process and of its WebKit child
/// processes, from /proc.
fn app_memory_kb() -> Option<(u64, u64)> {
    let bin = std::fs::canonicalize(env!("CARGO_BIN_EXE_claimdesk-app")).ok()?;
    let rss = |pid: &str| -> u64 {
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS:"))
                    .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
            })
            .unwrap_or(0)
    };
    let pids: Vec<String> = std::fs::read_dir("/proc")
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let app = pids.iter().find(|p| {
        std::fs::read_link(format!("/proc/{p}/exe")).ok().as_deref() == Some(bin.as_path())
    })?;
    let children: u64 = pids
        .iter()
        .filter(|p| {
            std::fs::read_to_string(format!("/proc/{p}/stat"))
                .ok()
                .and_then(|s| {
                    s.rsplit(')')
                        .next()
                        .and_then(|r| r.split_whitespace().nth(1).map(String::from))
                })
                .as_deref()
                == Some(app.as_str())
        })
        .map(|p| rss(p))
        .sum();
    Some((rss(app), children))
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a measurement, not a check: run with scripts/e2e.sh measure_bulk"]
async fn measure_bulk_import_memory() -> TestResult {
    let corpus = std::env::var("CLAIMDESK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../shared/corpus/bulk/cnn-2012-2019.jsonl")
        });
    if !corpus.exists() {
        println!(
            "note: {} is absent; bulk memory not measured",
            corpus.display()
        );
        return Ok(());
    }
    let mut app = App::start_with("bulk", &[("CLAIMDESK_TEST_OPEN_PATHS", &corpus)]).await?;
    let r = async {
        if let Some((a, c)) = app_memory_kb() {
            println!("figure: empty library: app {} MB, webkit children {} MB", a / 1024, c / 1024);
        }
        let t0 = Instant::now();
        let out = app
            .client
            .execute_async(
                "const [done] = arguments; const core = window.__TAURI__.core; core.invoke('pick_files').then(paths => core.invoke('import_files', {paths})).then(done, e => done({error: e}));",
                vec![],
            )
            .await?;
        let secs = t0.elapsed().as_secs_f64();
        println!("figure: bulk import {}: {out} in {secs:.1} s", corpus.display());
        app.client.execute("location.hash = '#/library?'; location.reload();", vec![]).await?;
        app.wait_for("html[data-ready='true'] .library-row[data-article]").await?;
        app.shot("bulk-library").await?;
        if let Some((a, c)) = app_memory_kb() {
            println!("figure: library with the bulk corpus: app {} MB, webkit children {} MB", a / 1024, c / 1024);
        }
        Ok(())
    }
    .await;
    app.finish(r).await
}

/// Across the archive, with invented articles: a claim in a conflict is
/// marked in the article view, its person links to a person page, the
/// conflicts list dismisses with a note, and the claim view shows the same
/// fact checked before.
async fn archive_steps(app: &mut App) -> TestResult {
    for (title, date, text) in [
        (
            "Veltrax names chair",
            "2021-03-10",
            "Veltrax names chair\n\nVeltrax Corporation chairman Oskar Brandvik opened the plant in Dorvik on Wednesday.\n",
        ),
        (
            "Veltrax board meets",
            "2021-03-12",
            "Veltrax board meets\n\nVeltrax Corporation chairwoman Liesel Marrow told shareholders on Friday that the plant would open in May.\n",
        ),
        (
            "Veltrax plant visit",
            "2021-03-20",
            "Veltrax plant visit\n\nVeltrax Corporation chairwoman Liesel Marrow visited the plant in Dorvik on Saturday.\n",
        ),
    ] {
        app.wait_for("#load-btn").await?.click().await?;
        app.wait_for("#paste-title").await?.send_keys(title).await?;
        app.wait_for("#paste-published")
            .await?
            .send_keys(date)
            .await?;
        app.paste_into_dialog(title, text).await?;
    }
    // The third article's chair claim disagrees with the first: marked.
    app.wait_for("#claim-list .claim-item.in-conflict").await?;
    app.shot("article-claim-in-conflict").await?;

    // Its person links to the person page, one timeline in date order.
    app.click_x(
        "//button[contains(@class,'person-link') and @aria-label='Person page: Liesel Marrow']",
    )
    .await?;
    app.wait_for("#person-timeline li").await?;
    let rows = app
        .client
        .find_all(Locator::Css("#person-timeline li"))
        .await?;
    assert!(
        rows.len() >= 2,
        "both roles of Liesel Marrow: {}",
        rows.len()
    );
    assert!(app.text("#person-conflicts").await?.contains("one-holder"));
    app.shot("person-page").await?;

    // The conflicts list; one is dismissed with a note and leaves the list.
    app.click_x("//nav//a[@data-nav='conflicts']").await?;
    app.wait_for("#conflict-list .conflict").await?;
    let before = app
        .client
        .find_all(Locator::Css("#conflict-list .conflict"))
        .await?
        .len();
    app.shot("conflicts-list").await?;
    app.wait_for("#conflict-list .conflict input")
        .await?
        .send_keys("Two boards of that name")
        .await?;
    app.click_x("//li[contains(@class,'conflict')]//button[text()='Dismiss']")
        .await?;
    app.until(
        "one conflict fewer",
        &format!(
            "return document.querySelectorAll('#conflict-list .conflict').length === {};",
            before - 1
        ),
    )
    .await?;
    app.shot("conflict-dismissed").await?;

    // The claim view: the same fact stated before, with its verdict.
    app.keys("g").await?;
    app.click_x("//div[@data-article][.//*[contains(text(),'Veltrax plant visit')]]")
        .await?;
    app.wait_for("#claim-list .claim-item.k-role").await?;
    app.js("document.querySelector('#claim-list .claim-item.k-role').dispatchEvent(new MouseEvent('dblclick', {bubbles: true}));")
        .await?;
    app.wait_for("#claim-matches .match-match").await?;
    assert!(
        app.text("#claim-matches")
            .await?
            .contains("Veltrax board meets")
    );
    app.shot("claim-checked-before").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run scripts/e2e.sh"]
async fn archive_person_pages_matches_and_conflicts() -> TestResult {
    let mut app = App::start("archive").await?;
    let r = archive_steps(&mut app).await;
    app.finish(r).await
}
