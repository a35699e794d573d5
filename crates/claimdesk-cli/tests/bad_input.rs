//! Bad input gets a clear message, exit code 1 and no write: missing,
//! empty, binary and oversized files, HTML without text, broken .docx,
//! unreachable URLs; and a locked, newer or foreign database is refused
//! untouched. Also the good paths of each reader (encodings, HTML, .docx,
//! a URL served by a local HTTP server).

mod common;
use common::{Env, sample};
use std::io::{Read, Write};
use std::net::TcpListener;

/// Adds a valid article first, so "unchanged" means more than "empty".
fn env_with_article() -> Env {
    let env = Env::new();
    env.ok(&["add", sample("harbour-council.txt").to_str().unwrap()]);
    env
}

fn fails_cleanly(env: &Env, args: &[&str], message: &str) {
    let before = env.snapshot();
    let out = env.run(args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "claimdesk {args:?}: {err}");
    assert!(
        err.contains(message),
        "claimdesk {args:?}: expected {message:?} in {err:?}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        env.snapshot(),
        before,
        "claimdesk {args:?} changed the database"
    );
}

#[test]
fn bad_files_are_refused_without_a_write() {
    let env = env_with_article();
    let p = |name: &str, bytes: &[u8]| env.file(name, bytes).to_str().unwrap().to_string();
    let missing = env.dir.path().join("nope.txt");
    fails_cleanly(&env, &["add", missing.to_str().unwrap()], "no such file");
    fails_cleanly(&env, &["add", &p("empty.txt", b"")], "is empty");
    fails_cleanly(&env, &["add", &p("blank.md", b"  \n\n \t\n")], "is empty");
    fails_cleanly(
        &env,
        &["add", &p("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")],
        "binary",
    );
    let big = env.dir.path().join("huge.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(21 * 1024 * 1024)
        .unwrap();
    fails_cleanly(
        &env,
        &["add", big.to_str().unwrap()],
        "over the 20971520-byte limit",
    );
    fails_cleanly(
        &env,
        &[
            "add",
            &p(
                "nav.html",
                b"<html><body><nav><a href=/>Home</a></nav><script>x()</script></body></html>",
            ),
        ],
        "no readable article text",
    );
    fails_cleanly(
        &env,
        &[
            "add",
            &p("broken.docx", b"PK\x03\x04garbage that is not a zip"),
        ],
        "not a readable .docx",
    );
    // One bad file among good ones: nothing at all is stored.
    let good = p(
        "good.txt",
        b"The quay was repaired on Friday, the harbour master said.",
    );
    fails_cleanly(&env, &["add", &good, &p("empty2.txt", b"")], "is empty");
}

#[test]
fn encodings_html_and_docx_are_read() {
    let env = Env::new();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Café owner Lena Brandt opened the quay on Friday.".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let f = env.file("utf16.txt", &utf16);
    let out = env.ok(&["add", f.to_str().unwrap()]);
    assert!(out.contains("read as UTF-16LE"), "{out}");
    let f = env.file(
        "latin.txt",
        b"Caf\xe9 owner Jos\xe9 Ib\xe1\xf1ez said the pier was \x93safe\x94.",
    );
    let out = env.ok(&["add", f.to_str().unwrap()]);
    assert!(out.contains("read as Windows-1252"), "{out}");
    let shown = env.json(&["show", "2", "--json"]);
    assert!(
        shown["text"]
            .as_str()
            .unwrap()
            .contains("José Ibáñez said the pier was \u{201c}safe\u{201d}")
    );

    let html = env.file(
        "page.html",
        br#"<!doctype html><html><head><title>Quay repairs finished</title>
<meta property="article:published_time" content="2026-02-03T08:00:00Z"></head>
<body><header><a href="/">Gazette</a></header><article>
<p>The repairs to the old quay were finished on Monday, two weeks ahead of the plan that the harbour board approved last year.</p>
<p>Harbour master Lena Brandt said the quay would reopen to the fishing fleet on Thursday morning, once the inspectors had signed off.</p>
</article></body></html>"#,
    );
    env.ok(&["add", html.to_str().unwrap()]);
    let shown = env.json(&["show", "3", "--json"]);
    assert_eq!(shown["published"], "2026-02-03");
    assert_eq!(shown["format"], "html");
    assert!(shown["title"].as_str().unwrap().contains("Quay repairs"));
    assert!(
        shown["text"]
            .as_str()
            .unwrap()
            .contains("Harbour master Lena Brandt")
    );

    let mut doc = docx_rust::Docx::default();
    doc.document.push(
        docx_rust::document::Paragraph::default().push_text("Council names new harbour master"),
    );
    doc.document.push(
        docx_rust::document::Paragraph::default()
            .push_text("The council named Lena Brandt harbour master on Tuesday."),
    );
    let path = env.dir.path().join("memo.docx");
    doc.write_file(&path).unwrap();
    env.ok(&["add", path.to_str().unwrap()]);
    let shown = env.json(&["show", "4", "--json"]);
    assert_eq!(shown["title"], "Council names new harbour master");
    assert!(
        shown["text"]
            .as_str()
            .unwrap()
            .contains("named Lena Brandt harbour master")
    );
}

/// A one-shot local HTTP server answering every request with `status` and
/// `body`; returns its URL.
fn serve(
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    requests: usize,
) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let Ok(mut s) = stream else { continue };
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(head.as_bytes());
            let _ = s.write_all(&body);
        }
    });
    format!("http://{addr}/news/quay")
}

#[test]
fn urls_are_fetched_over_real_http() {
    let env = Env::new();
    let page = br#"<html><head><title>Ferry timetable changes</title></head><body><article>
<p>The island ferry will run twice a day from next Monday, the operator said on Tuesday, after months of complaints from commuters.</p>
<p>Operator chief executive Jonas Vik said the new timetable would hold until the end of the summer season at least.</p>
</article></body></html>"#
        .to_vec();
    let url = serve("200 OK", "text/html; charset=utf-8", page.clone(), 2);
    let out = env.ok(&["add", "--url", &url, "--published", "2026-04-07"]);
    assert!(out.contains("article 1 revision 1"), "{out}");
    let shown = env.json(&["show", &url, "--json"]);
    assert_eq!(shown["source"], url);
    assert_eq!(shown["source_kind"], "url");
    assert!(shown["text"].as_str().unwrap().contains("Jonas Vik"));
    // The same URL again, same text: recognized, nothing new.
    let again = env.ok(&["add", "--url", &url]);
    assert!(again.contains("already holds this text"), "{again}");

    let missing = serve(
        "404 Not Found",
        "text/html",
        b"<html><body>gone</body></html>".to_vec(),
        1,
    );
    fails_cleanly(&env, &["add", "--url", &missing], "HTTP 404");
    let image = serve("200 OK", "image/png", b"\x89PNG....".to_vec(), 1);
    fails_cleanly(&env, &["add", "--url", &image], "image/png");
    // A port nobody listens on.
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    fails_cleanly(
        &env,
        &["add", "--url", &format!("http://{closed}/x")],
        "cannot connect",
    );
    fails_cleanly(&env, &["add", "--url", "ftp://example.org/x"], "only http");
}

#[test]
fn newer_foreign_and_locked_databases_are_refused_untouched() {
    let env = env_with_article();
    let db = env.db();
    // Checkpoint so the whole database is in the main file.
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA user_version = 99;")
            .unwrap();
    }
    let bytes = std::fs::read(&db).unwrap();
    let out = env.run(&["list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("newer Claimdesk") && err.contains("99"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes,
        "a newer database must not be modified"
    );

    let junk = env.file("notes.db", b"These are my notes, not a database at all.\n");
    let out = env
        .command()
        .env("CLAIMDESK_DB", &junk)
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a Claimdesk database"));
    assert_eq!(
        std::fs::read(&junk).unwrap(),
        b"These are my notes, not a database at all.\n"
    );

    let other = env.dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('bread');")
        .unwrap();
    let out = env
        .command()
        .env("CLAIMDESK_DB", &other)
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("another program"));

    // A writer holds the lock: the import waits, then gives up cleanly.
    let env = env_with_article();
    let before = env.snapshot();
    let holder = rusqlite::Connection::open(env.db()).unwrap();
    holder
        .execute_batch("BEGIN IMMEDIATE; UPDATE articles SET created_at = created_at;")
        .unwrap();
    let f = env.file(
        "late.txt",
        b"The pier lights were switched on at dusk on Saturday.",
    );
    let out = env.run(&["add", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("locked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(env.snapshot(), before);
}
