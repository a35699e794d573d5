//! The HTML report printed to PDF by headless Chromium, as a standards desk
//! would archive it: the print must succeed, produce a real PDF of a sensible
//! number of pages, and carry the article's text.
//!
//! Chromium is looked for in `$CHROMIUM`, then `chromium`,
//! `chromium-browser`, `google-chrome` on the PATH. Without it the test
//! fails when `CI=true` (CI must print) and is skipped with a note
//! otherwise. The PDF and the HTML it came from are left in Cargo's test
//! temp directory (`target/tmp/report-sample.{html,pdf}`) for a person to
//! look at; `pdftoppm -png -r 60` turns them into page images.

mod report_common;

use claimdesk::report::{Format, ReportInput, render};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn find_chromium() -> Option<PathBuf> {
    let mut names: Vec<String> = Vec::new();
    if let Ok(c) = std::env::var("CHROMIUM") {
        names.push(c);
    }
    names.extend(
        ["chromium", "chromium-browser", "google-chrome"]
            .iter()
            .map(|s| s.to_string()),
    );
    let path = std::env::var_os("PATH").unwrap_or_default();
    for n in names {
        let p = Path::new(&n);
        if p.is_absolute() && p.is_file() {
            return Some(p.to_path_buf());
        }
        for dir in std::env::split_paths(&path) {
            let cand = dir.join(&n);
            if cand.is_file() {
                return Some(cand);
            }
        }
    }
    None
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Prints `html` to `pdf` with headless Chromium, in a fresh profile, with
/// no network services; gives up after two minutes.
fn print_to_pdf(chromium: &Path, html: &Path, pdf: &Path) {
    let profile = tempfile::tempdir().expect("profile dir");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        match child.try_wait().expect("wait for chromium") {
            Some(status) => {
                let mut err = String::new();
                if let Some(mut e) = child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut e, &mut err);
                }
                assert!(status.success(), "chromium failed: {status}\n{err}");
                return;
            }
            None if Instant::now() > deadline => {
                let _ = child.kill();
                panic!("chromium did not finish printing within two minutes");
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    }
}

/// Page count from `pdfinfo` when installed, else from the page objects.
fn page_count(pdf: &Path, bytes: &[u8]) -> usize {
    if let Ok(out) = Command::new("pdfinfo").arg(pdf).output()
        && out.status.success()
        && let Some(n) = String::from_utf8_lossy(&out.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
    {
        return n;
    }
    let text = String::from_utf8_lossy(bytes);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

/// The text of the PDF via `pdftotext`, when installed.
fn pdf_text(pdf: &Path) -> Option<String> {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn chromium_or_skip() -> Option<PathBuf> {
    let found = find_chromium();
    if found.is_none() {
        if in_ci() {
            panic!(
                "CI=true but no Chromium found (set $CHROMIUM or install chromium): the PDF print is not tested"
            );
        }
        eprintln!("note: skipping the PDF print test: no Chromium on this machine");
    }
    found
}

/// Renders `input` to `target/tmp/NAME.html`, prints it to `NAME.pdf`, and
/// returns the PDF's path and page count.
fn print(chromium: &Path, input: &ReportInput, name: &str) -> (PathBuf, usize) {
    let out_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let html_path = out_dir.join(format!("{name}.html"));
    let pdf_path = out_dir.join(format!("{name}.pdf"));
    let _ = std::fs::remove_file(&pdf_path);
    let html = render(input, Format::Html).expect("renders");
    std::fs::write(&html_path, html).expect("write html");
    print_to_pdf(chromium, &html_path, &pdf_path);
    let bytes = std::fs::read(&pdf_path).expect("pdf written");
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    let pages = page_count(&pdf_path, &bytes);
    (pdf_path, pages)
}

#[test]
fn html_report_prints_to_pdf() {
    let Some(chromium) = chromium_or_skip() else {
        return;
    };
    let (pdf_path, pages) = print(&chromium, &report_common::sample(), "report-sample");
    assert!(
        (2..=6).contains(&pages),
        "seven claims should print on 2 to 6 A4 pages, got {pages}"
    );
    if let Some(text) = pdf_text(&pdf_path) {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for want in [
            "Harbour council",
            "<script>alert(1)</script>",
            "Friday → Fri 28 Nov 2025",
            "Page 1 of",
        ] {
            assert!(flat.contains(want), "PDF lacks {want:?}");
        }
    }
    eprintln!("PDF: {} ({pages} pages)", pdf_path.display());
}

/// Sixty claims with dates over two years, long unbroken words and URLs:
/// the print must stay within the page and the timeline must grow lanes
/// rather than overlap labels.
#[test]
fn large_report_prints_to_pdf() {
    let Some(chromium) = chromium_or_skip() else {
        return;
    };
    let mut input = report_common::sample();
    let base = input.claims.clone();
    input.claims.clear();
    for i in 0..60usize {
        let mut e = base[i % base.len()].clone();
        e.id = 100 + i as i64;
        if let claimdesk::model::ClaimFields::Date { value, .. } = &mut e.claim.fields {
            let d = chrono::NaiveDate::from_ymd_opt(2024, 1, 1)
                .and_then(|d| d.checked_add_days(chrono::Days::new(i as u64 * 12)))
                .expect("date");
            *value = d.to_string();
        }
        if i % 7 == 0 {
            e.review.sources.push(format!(
                "https://archive.example.org/{}",
                "very-long-path-segment-".repeat(8)
            ));
        }
        input.claims.push(e);
    }
    input.article.title = format!("{} {}", report_common::TITLE, "Unbreakable".repeat(12));
    let (pdf_path, pages) = print(&chromium, &input, "report-large");
    assert!((8..=40).contains(&pages), "60 claims on {pages} pages");
    if let Some(text) = pdf_text(&pdf_path) {
        assert!(text.contains(&format!("Page {pages} of {pages}")));
    }
}
