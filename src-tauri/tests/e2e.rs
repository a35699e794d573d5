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
use std::path::PathBuf;
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
}

impl App {
    async fn start(name: &'static str) -> TestResult<App> {
        if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
            return Err("no DISPLAY: start Xvfb first (scripts/e2e.sh does)".into());
        }
        let data = tempfile::tempdir()?;
        let child = Command::new(tauri_driver())
            // A fresh, empty database for every test; inherited by the app.
            .env("CLAIMDESK_DB", data.path().join("claimdesk.db"))
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
        let connect = builder.connect(WEBDRIVER);
        let client = tokio::time::timeout(Duration::from_secs(60), connect)
            .await
            .map_err(|_| "no WebDriver session within 60 s (is the display working?)")??;
        std::fs::create_dir_all(artifacts())?;
        let app = App {
            client,
            driver,
            name,
            step: 0,
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

    /// Screenshots the window as the next numbered step.
    async fn shot(&mut self, label: &str) -> TestResult {
        self.step += 1;
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
    assert!(title.contains("Harbour council"), "{title}");
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
    assert!(row.contains("Harbour council"), "{row}");
    app.shot("library-with-sample").await?;
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
