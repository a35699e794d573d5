//! Hostile input cannot hang, crash or exhaust the CLI: FIFOs, devices,
//! directories and links to them; JSON Lines without line breaks; `.docx`
//! files nested 1,000 deep or whose media inflates to 6 GB; HTML nested
//! 100,000 deep; damaged UTF-8; credentials and odd schemes in URLs; the
//! database's own files given as input. Every input is generated here.
//!
//! Each run of the real binary has a time limit (it is killed and the test
//! fails rather than hang) and, where memory is the point, its peak memory
//! is measured with `wait4` and asserted. Times are never asserted.

#![cfg(unix)]

mod common;
use common::Env;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How a bounded run ended.
struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    /// Peak resident memory of the process, in KiB.
    max_rss_kib: i64,
}

/// Runs `cmd`, killing it after `limit` (and failing the test). The peak
/// memory is the child's own, from `wait4`.
fn run_bounded(mut cmd: Command, limit: Duration) -> Ran {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // Reaped below by wait4, which also gives its resource usage.
    #[allow(clippy::zombie_processes)]
    let mut child = cmd.spawn().expect("spawn claimdesk");
    let pid = child.id() as libc::pid_t;
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let started = Instant::now();
    let mut status = 0;
    // SAFETY: rusage is plain data; zeroed is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let mut killed = false;
    loop {
        // SAFETY: waiting for our own child with valid pointers.
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            break;
        }
        assert!(r == 0, "wait4 failed: {}", std::io::Error::last_os_error());
        if started.elapsed() > limit && !killed {
            // SAFETY: the child has not been reaped, so the pid is still ours.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            killed = true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let stdout = String::from_utf8_lossy(&out.join().expect("stdout")).into_owned();
    let stderr = String::from_utf8_lossy(&err.join().expect("stderr")).into_owned();
    assert!(
        !killed,
        "claimdesk was still running after {limit:?} and was killed: {stderr}"
    );
    Ran {
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        stdout,
        stderr,
        max_rss_kib: usage.ru_maxrss,
    }
}

const LIMIT: Duration = Duration::from_secs(20);

fn run(env: &Env, args: &[&str]) -> Ran {
    let mut c = env.command();
    c.args(args);
    run_bounded(c, LIMIT)
}

/// Runs and expects exit code 1, `message` in the error, no panic, no
/// change to the database.
fn refused(env: &Env, args: &[&str], message: &str) -> Ran {
    let before = env.snapshot();
    let r = run(env, args);
    assert_eq!(r.code, Some(1), "claimdesk {args:?}: {}", r.stderr);
    assert!(
        r.stderr.contains(message),
        "claimdesk {args:?}: expected {message:?} in {:?}",
        r.stderr
    );
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert_eq!(env.snapshot(), before, "claimdesk {args:?} wrote");
    r
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

const ARTICLE: &str =
    "The harbour council met on Monday. Mayor Ada Mensah said the pier would reopen in May.\n";

fn env_with_article() -> (Env, PathBuf) {
    let env = Env::new();
    let good = env.file("good.txt", ARTICLE.as_bytes());
    let out = run(&env, &["add", s(&good)]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    (env, good)
}

#[test]
fn only_regular_files_are_read() {
    let (env, good) = env_with_article();
    let dir = env.dir.path();
    let fifo = dir.join("pipe.txt");
    let c = std::ffi::CString::new(s(&fifo)).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let zero = dir.join("zero.txt");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let zero_jsonl = dir.join("zero.jsonl");
    std::os::unix::fs::symlink("/dev/zero", &zero_jsonl).unwrap();
    let folder = dir.join("folder.txt");
    std::fs::create_dir(&folder).unwrap();
    let folder_link = dir.join("folder-link.md");
    std::os::unix::fs::symlink(&folder, &folder_link).unwrap();
    let fifo_jsonl = dir.join("pipe.jsonl");
    let c = std::ffi::CString::new(s(&fifo_jsonl)).unwrap();
    // SAFETY: as above.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);

    let inputs: [(&Path, &str); 4] = [
        (&fifo, "is a named pipe (FIFO), not a regular file"),
        (
            &zero,
            "is a symbolic link to a character device, not a regular file",
        ),
        (&folder, "is a directory, not a regular file"),
        (&folder_link, "is a symbolic link to a directory"),
    ];
    let g = s(&good);
    for (input, message) in inputs {
        let i = s(input);
        for args in [
            vec!["add", i],
            vec!["add", g, i],
            vec!["extract", i],
            vec!["diff", i, g],
            vec!["diff", g, i],
            vec!["report", "--input", i, "--format", "md"],
        ] {
            refused(&env, &args, message);
        }
    }
    for (input, message) in [
        (&zero_jsonl, "is a symbolic link to a character device"),
        (&fifo_jsonl, "is a named pipe (FIFO)"),
    ] {
        let r = refused(&env, &["add", "--jsonl", s(input)], message);
        assert!(r.max_rss_kib < 100 * 1024, "{} KiB", r.max_rss_kib);
    }
}

#[test]
fn jsonl_lines_are_bounded_while_reading() {
    let (env, _) = env_with_article();
    // 21 MB and not one line break.
    let endless = env.file("endless.jsonl", &vec![b'{'; 21 * 1024 * 1024]);
    let r = refused(
        &env,
        &["add", "--jsonl", s(&endless)],
        "line 1: the line is longer than the 20971520-byte limit",
    );
    assert!(r.max_rss_kib < 300 * 1024, "{} KiB", r.max_rss_kib);
    // The cause is said once, though the store wraps the loader's error.
    let bad = env.file(
        "bad.jsonl",
        b"{\"text\": \"The pier reopened on Friday, the council said.\"}\n{\"text\": \"\"}\n",
    );
    let r = refused(
        &env,
        &["add", "--jsonl", s(&bad)],
        "line 2: the text is empty",
    );
    assert_eq!(r.stderr.matches("line 2").count(), 1, "{}", r.stderr);
}

/// A minimal ZIP writer for hostile archives: entries are given already
/// compressed (raw deflate) with their CRC and sizes, and sizes over 4 GiB
/// get ZIP64 extra fields.
struct Entry {
    name: &'static str,
    method: u16,
    crc: u32,
    size: u64,
    data: Vec<u8>,
}

fn zip_archive(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let big = e.size >= u32::MAX as u64;
        let (csize, usize_) = if big {
            (u32::MAX, u32::MAX)
        } else {
            (e.data.len() as u32, e.size as u32)
        };
        let extra: Vec<u8> = if big {
            let mut x = vec![1, 0, 16, 0];
            x.extend(e.size.to_le_bytes());
            x.extend((e.data.len() as u64).to_le_bytes());
            x
        } else {
            Vec::new()
        };
        let version: u16 = if big { 45 } else { 20 };
        let common = |v: &mut Vec<u8>| {
            v.extend(version.to_le_bytes());
            v.extend(0u16.to_le_bytes()); // flags
            v.extend(e.method.to_le_bytes());
            v.extend(0u16.to_le_bytes()); // time
            v.extend(0x5b21u16.to_le_bytes()); // date
            v.extend(e.crc.to_le_bytes());
            v.extend(csize.to_le_bytes());
            v.extend(usize_.to_le_bytes());
            v.extend((e.name.len() as u16).to_le_bytes());
            v.extend((extra.len() as u16).to_le_bytes());
        };
        out.extend(0x04034b50u32.to_le_bytes());
        common(&mut out);
        out.extend(e.name.as_bytes());
        out.extend(&extra);
        out.extend(&e.data);
        central.extend(0x02014b50u32.to_le_bytes());
        central.extend(version.to_le_bytes()); // made by
        common(&mut central);
        central.extend(0u16.to_le_bytes()); // comment
        central.extend(0u16.to_le_bytes()); // disk
        central.extend(0u16.to_le_bytes()); // internal attributes
        central.extend(0u32.to_le_bytes()); // external attributes
        central.extend(offset.to_le_bytes());
        central.extend(e.name.as_bytes());
        central.extend(&extra);
    }
    let cd_offset = out.len() as u32;
    out.extend(&central);
    out.extend(0x06054b50u32.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// Raw deflate of `data`, ending on a byte boundary (sync flush) and not
/// final, so such pieces can be concatenated and repeated: each one only
/// refers back within itself.
fn deflate_piece(data: &[u8]) -> Vec<u8> {
    let mut c = flate2::Compress::new(flate2::Compression::best(), false);
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    let mut input = data;
    loop {
        out.reserve(64 * 1024);
        let before_in = c.total_in();
        c.compress_vec(input, &mut out, flate2::FlushCompress::Sync)
            .expect("deflate");
        input = &input[(c.total_in() - before_in) as usize..];
        if input.is_empty() && out.capacity() > out.len() {
            break;
        }
    }
    out
}

/// The final, empty stored block that ends a deflate stream.
const DEFLATE_END: [u8; 5] = [0x01, 0x00, 0x00, 0xff, 0xff];

/// A deflated entry holding `head`, then `body` `times` times. The CRC is
/// computed without materializing the data.
fn repeated_entry(name: &'static str, head: &[u8], body: &[u8], times: usize) -> Entry {
    let mut data = deflate_piece(head);
    let piece = deflate_piece(body);
    let mut crc = crc32fast::Hasher::new();
    crc.update(head);
    let mut one = crc32fast::Hasher::new();
    one.update(body);
    for _ in 0..times {
        data.extend(&piece);
        crc.combine(&one);
    }
    data.extend(DEFLATE_END);
    Entry {
        name,
        method: 8,
        crc: crc.finalize(),
        size: (head.len() + body.len() * times) as u64,
        data,
    }
}

fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    )
}

fn stored(name: &'static str, bytes: &[u8]) -> Entry {
    let mut crc = crc32fast::Hasher::new();
    crc.update(bytes);
    Entry {
        name,
        method: 0,
        crc: crc.finalize(),
        size: bytes.len() as u64,
        data: bytes.to_vec(),
    }
}

const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const PARA: &str =
    "<w:p><w:r><w:t>The harbour council met on Monday to approve the budget.</w:t></w:r></w:p>";

#[test]
fn docx_nested_1000_deep_is_refused_cleanly() {
    let (env, _) = env_with_article();
    let body = format!(
        "{}{PARA}{}",
        "<w:sdt><w:sdtContent>".repeat(1000),
        "</w:sdtContent></w:sdt>".repeat(1000)
    );
    let xml = document_xml(&body);
    let file = env.dir.path().join("nested.docx");
    std::fs::write(
        &file,
        zip_archive(&[
            stored("[Content_Types].xml", CONTENT_TYPES),
            stored("word/document.xml", xml.as_bytes()),
        ]),
    )
    .unwrap();
    assert!(std::fs::metadata(&file).unwrap().len() < 50_000);
    // Exit code 1 with the cause (not a stack overflow, which would abort).
    for cmd in ["add", "extract"] {
        refused(
            &env,
            &[cmd, s(&file)],
            "is nested more than 256 levels deep",
        );
    }
}

#[test]
fn docx_media_is_never_inflated() {
    let (env, _) = env_with_article();
    // word/media/x: 6 GiB of zeros in about 6 MB.
    let mib = vec![0u8; 1024 * 1024];
    let media = repeated_entry("word/media/x", b"", &mib, 6 * 1024);
    assert!(media.size > 6_000_000_000);
    let xml = document_xml(PARA);
    let file = env.dir.path().join("bomb.docx");
    std::fs::write(
        &file,
        zip_archive(&[
            stored("[Content_Types].xml", CONTENT_TYPES),
            stored("word/document.xml", xml.as_bytes()),
            media,
        ]),
    )
    .unwrap();
    let len = std::fs::metadata(&file).unwrap().len();
    assert!(len < 8 * 1024 * 1024, "{len}");
    let r = run(&env, &["extract", "--format", "text", s(&file)]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("approve the budget"), "{}", r.stdout);
    assert!(r.max_rss_kib < 300 * 1024, "{} KiB", r.max_rss_kib);
    let r = run(&env, &["add", s(&file)]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.max_rss_kib < 300 * 1024, "{} KiB", r.max_rss_kib);
}

#[test]
fn docx_body_inflation_is_bounded_whatever_the_header_says() {
    let (env, _) = env_with_article();
    // word/document.xml inflates to about 200 MB of formatted paragraphs
    // (little text, much markup); its header claims 2 KB.
    let head = document_xml("");
    let head = &head[..head.len() - "</w:body></w:document>".len()];
    let body = r#"<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr><w:r><w:rPr><w:b/><w:i/></w:rPr><w:t>x</w:t></w:r></w:p>"#.repeat(16 * 1024);
    let mut entry = repeated_entry("word/document.xml", head.as_bytes(), body.as_bytes(), 150);
    assert!(entry.size > 150_000_000);
    entry.size = 2048;
    let file = env.dir.path().join("long.docx");
    std::fs::write(
        &file,
        zip_archive(&[stored("[Content_Types].xml", CONTENT_TYPES), entry]),
    )
    .unwrap();
    let r = refused(
        &env,
        &["extract", s(&file)],
        "word/document.xml inflates to more than 67108864 bytes",
    );
    assert!(r.max_rss_kib < 300 * 1024, "{} KiB", r.max_rss_kib);
}

#[test]
fn deep_html_says_so_quickly() {
    let (env, _) = env_with_article();
    for levels in [20_000, 100_000] {
        let page = format!(
            "<!doctype html><html><body>{}<p>{ARTICLE}</p></body></html>",
            "<div>".repeat(levels)
        );
        let f = env.file(&format!("deep-{levels}.html"), page.as_bytes());
        for cmd in ["add", "extract"] {
            let r = refused(&env, &[cmd, s(&f)], "is nested more than 512 levels deep");
            assert!(!r.stderr.contains("no readable"), "{}", r.stderr);
        }
    }
    let wide = format!(
        "<html><body>{}<p>{ARTICLE}</p></body></html>",
        "<b>x</b>".repeat(200_001)
    );
    let f = env.file("wide.html", wide.as_bytes());
    refused(
        &env,
        &["extract", s(&f)],
        "has more than 200000 HTML elements",
    );
}

#[test]
fn one_bad_byte_keeps_utf8() {
    let env = Env::new();
    let mut bytes = "Zoë Lefèvre, the café’s owner, said the pier would reopen on Friday. "
        .repeat(5)
        .into_bytes();
    let at = bytes.len();
    bytes.extend(b"\xff She said \xe2\x80\x9cit is safe\xe2\x80\x9d.\n");
    let f = env.file("damaged.txt", &bytes);
    let r = run(&env, &["add", s(&f)]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("read as UTF-8"), "{}", r.stdout);
    assert!(
        r.stderr.contains(&format!(
            "warning: {}: 1 invalid UTF-8 byte sequence replaced with U+FFFD (the first at byte offset {at})",
            s(&f)
        )),
        "{}",
        r.stderr
    );
    let shown = env.json(&["show", "1", "--json"]);
    let text = shown["text"].as_str().unwrap();
    assert!(text.contains("Zoë Lefèvre, the café’s owner"), "{text}");
    assert!(
        text.contains("\u{fffd} She said \u{201c}it is safe\u{201d}"),
        "{text}"
    );
}

#[test]
fn binary_inputs_say_what_they_are() {
    let (env, good) = env_with_article();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend([0u8; 64]);
    let mut nul = b"The council met on Monday.".to_vec();
    nul.push(0);
    nul.extend(b" More text.");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("photo.txt", png, "looks like a PNG image (image/png)"),
        ("notes.txt", nul, "contains NUL bytes, the first at byte offset 26"),
        (
            "scan.md",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 6 >>\nstream\n\x00\x01\x02\x03\x04\x05\nendstream".to_vec(),
            "looks like a PDF",
        ),
    ];
    for (name, bytes, message) in cases {
        let f = env.file(name, &bytes);
        for args in [
            vec!["add", s(&f)],
            vec!["extract", s(&f)],
            vec!["diff", s(&good), s(&f)],
        ] {
            let r = refused(&env, &args, message);
            assert!(r.stderr.contains("binary file"), "{}", r.stderr);
        }
    }
}

#[test]
fn diff_reads_through_the_loader() {
    let env = Env::new();
    let old_text = "The harbour council met on Monday. The pier will reopen in May.";
    let new_text = "The harbour council met on Tuesday. The pier will reopen in May.";
    let page = |t: &str| {
        format!(
            "<!doctype html><html><head><title>Pier</title></head><body><nav><a href=/>Home</a></nav><article><p>{t} Mayor Ada Mensah said the work would begin in the spring and cost less than feared.</p></article></body></html>"
        )
    };
    let utf16 = |t: &str| {
        let mut v = vec![0xFF, 0xFE];
        for u in t.encode_utf16() {
            v.extend(u.to_le_bytes());
        }
        v
    };
    let docx = |t: &str| {
        let xml = document_xml(&format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"));
        zip_archive(&[
            stored("[Content_Types].xml", CONTENT_TYPES),
            stored("word/document.xml", xml.as_bytes()),
        ])
    };
    // (extension, encoder): every pair must show the same change.
    type Encode = Box<dyn Fn(&str) -> Vec<u8>>;
    let formats: Vec<(&str, Encode)> = vec![
        ("txt", Box::new(|t: &str| t.as_bytes().to_vec())),
        ("utf16.txt", Box::new(utf16)),
        ("html", Box::new(move |t: &str| page(t).into_bytes())),
        ("docx", Box::new(docx)),
    ];
    for (ext, encode) in &formats {
        let old = env.file(&format!("old.{ext}"), &encode(old_text));
        let new = env.file(&format!("new.{ext}"), &encode(new_text));
        let r = run(&env, &["diff", "--format", "text", s(&old), s(&new)]);
        assert_eq!(r.code, Some(0), "{ext}: {}", r.stderr);
        assert!(
            r.stdout.contains("[-Monday-]{+Tuesday+}"),
            "{ext}: {}",
            r.stdout
        );
        assert!(
            !r.stdout.contains("<p>") && !r.stdout.contains("w:t"),
            "{ext}: {}",
            r.stdout
        );
    }
    let big = env.dir.path().join("huge.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(21 * 1024 * 1024)
        .unwrap();
    let small = env.file("small.txt", old_text.as_bytes());
    refused(
        &env,
        &["diff", s(&small), s(&big)],
        "over the 20971520-byte limit",
    );
    let empty = env.file("empty.txt", b"");
    refused(&env, &["diff", s(&empty), s(&small)], "is empty");
}

#[test]
fn the_database_is_never_read_as_input() {
    let (env, _) = env_with_article();
    let db = env.db();
    // Keep a connection open so the -wal and -shm files exist.
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder
        .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
        .unwrap();
    let wal = PathBuf::from(format!("{}-wal", s(&db)));
    let shm = PathBuf::from(format!("{}-shm", s(&db)));
    assert!(wal.exists() && shm.exists());
    let link = env.dir.path().join("article.txt");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let hard = env.dir.path().join("copy.md");
    std::fs::hard_link(&db, &hard).unwrap();
    for input in [&db, &wal, &shm, &link, &hard] {
        refused(
            &env,
            &["add", s(input)],
            "is the Claimdesk database's own file",
        );
        refused(
            &env,
            &["add", "--jsonl", s(input)],
            "is the Claimdesk database's own file",
        );
    }
    drop(holder);
    // Still a working database.
    let r = run(&env, &["list"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

/// A local HTTP server answering each request with the next of `replies`
/// (status line, extra headers, body); returns its base URL and a counter
/// of the connections it accepted.
/// One HTTP reply: status line, extra header lines, body.
type Reply = (&'static str, String, Vec<u8>);

fn serve(replies: Vec<Reply>) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = count.clone();
    std::thread::spawn(move || {
        for (stream, (status, headers, body)) in listener.incoming().zip(replies) {
            seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let Ok(mut s) = stream else { continue };
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            let head = format!(
                "HTTP/1.1 {status}\r\n{headers}Content-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(head.as_bytes());
            let _ = s.write_all(&body);
        }
    });
    (format!("http://{addr}"), count)
}

fn page() -> Vec<u8> {
    format!("<html><head><title>Pier</title></head><body><article><p>{ARTICLE} Mayor Ada Mensah said the work would begin in the spring and cost less than the council had feared.</p></article></body></html>").into_bytes()
}

#[test]
fn urls_with_credentials_or_odd_redirects_are_refused() {
    let (env, _) = env_with_article();
    // Credentials: refused before any request, never printed or stored.
    let (base, count) = serve(vec![("200 OK", String::new(), page())]);
    let with_secret = base.replacen("http://", "http://desk:hunter2@", 1) + "/news";
    let r = refused(
        &env,
        &["add", "--url", &with_secret],
        "user name or password",
    );
    assert!(!r.stderr.contains("hunter2"), "{}", r.stderr);
    assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 0);

    let redirect = |to: &str| ("302 Found", format!("Location: {to}\r\n"), Vec::new());
    let cases: Vec<(Vec<Reply>, &str)> = vec![
        (
            vec![redirect("file:///etc/passwd")],
            "redirected to a file: URL, refused",
        ),
        (
            vec![redirect("ftp://example.org/x")],
            "redirected to a ftp: URL, refused",
        ),
        (
            vec![redirect("http://desk:hunter2@127.0.0.1:9/")],
            "redirected to an address holding a user name or password, refused",
        ),
        (
            (0..7).map(|_| redirect("/again")).collect(),
            "more than 5 redirects",
        ),
    ];
    for (replies, message) in cases {
        let (base, _) = serve(replies);
        let r = refused(&env, &["add", "--url", &format!("{base}/news")], message);
        assert!(!r.stderr.contains("hunter2"), "{}", r.stderr);
    }
    // An ordinary relative redirect is still followed.
    let (base, _) = serve(vec![redirect("/moved"), ("200 OK", String::new(), page())]);
    let r = run(&env, &["add", "--url", &format!("{base}/news")]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let shown = env.json(&["show", &format!("{base}/news"), "--json"]);
    assert!(shown["text"].as_str().unwrap().contains("Ada Mensah"));
}

#[test]
fn claimreview_addresses_are_http_only() {
    let (env, _) = env_with_article();
    // (args, environment, message): usage errors (exit 2), never echoing
    // a password.
    type Case = (
        Vec<&'static str>,
        Vec<(&'static str, &'static str)>,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (
            vec!["--org-url", "javascript:alert(1)"],
            vec![],
            "--org-url (or CLAIMDESK_ORG_URL): only http:// and https:// addresses are accepted, not javascript:",
        ),
        (
            vec![],
            vec![("CLAIMDESK_ORG_URL", "file:///etc/passwd")],
            "not file:",
        ),
        (
            vec![],
            vec![("CLAIMDESK_REVIEW_URL", "ftp://example.org/r")],
            "--review-url (or CLAIMDESK_REVIEW_URL)",
        ),
        (
            vec!["--article-url", "https://desk:hunter2@example.org/a"],
            vec![],
            "--article-url: the address holds a user name or password",
        ),
        (
            vec!["--article-url", "example.org/a"],
            vec![],
            "--article-url: not a valid web address",
        ),
    ];
    for (extra, vars, message) in cases {
        let mut args = vec!["report", "1", "--format", "claimreview"];
        args.extend(&extra);
        let mut c = env.command();
        c.args(&args);
        for (k, v) in &vars {
            c.env(k, v);
        }
        let r = run_bounded(c, LIMIT);
        assert_eq!(r.code, Some(2), "{args:?} {vars:?}: {}", r.stderr);
        assert!(r.stderr.contains(message), "{args:?}: {:?}", r.stderr);
        assert!(!r.stderr.contains("hunter2"), "{}", r.stderr);
    }
    // A saved input whose article URL is not a web address.
    let r = run(&env, &["report", "1", "--format", "json"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let mut input: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    input["article"]["url"] = "javascript:alert(1)".into();
    let f = env.file("input.json", input.to_string().as_bytes());
    refused(
        &env,
        &["report", "--input", s(&f), "--format", "claimreview"],
        "ClaimReview needs the article's URL to be an http(s) address",
    );
    // A good one works.
    let r = run(
        &env,
        &[
            "report",
            "1",
            "--format",
            "claimreview",
            "--article-url",
            "https://example.org/pier",
            "--org-url",
            "https://desk.example.org/",
        ],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}
