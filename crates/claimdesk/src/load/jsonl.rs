//! JSON Lines bulk files: one `{id, title, published, text}` (and optional
//! `url`) per line, read as a stream so a bulk file of any length needs
//! little memory.

use super::{Document, Format, LoadError, MAX_INPUT_BYTES, Overrides, SourceKind, load_bytes};
use chrono::NaiveDate;
use serde::Deserialize;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

/// One line of a bulk file.
#[derive(Debug, Deserialize)]
pub struct JsonlArticle {
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    pub text: String,
}

/// Streams the documents of a bulk file, with the line number of each.
///
/// A line is read with a bounded `read_until` on a `take`, so a line longer
/// than the limit (or a file with no line breaks at all) is refused after
/// reading at most the limit plus one byte, whatever the file claims.
/// After such an error, or a read error, the reader ends.
pub struct JsonlReader<R> {
    path: PathBuf,
    reader: R,
    buf: Vec<u8>,
    line: usize,
    max_line: u64,
    done: bool,
}

impl JsonlReader<std::io::BufReader<std::fs::File>> {
    /// Opens a bulk file; refuses anything but a regular file.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let (file, _) = super::file::open_regular(path)?;
        Ok(Self::new(path, std::io::BufReader::new(file)))
    }
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(path: &Path, reader: R) -> Self {
        JsonlReader {
            path: path.to_path_buf(),
            reader,
            buf: Vec::new(),
            line: 0,
            max_line: MAX_INPUT_BYTES,
            done: false,
        }
    }

    /// The same reader with another per-line limit (in bytes, without the
    /// line break).
    pub fn with_max_line(mut self, max_line: u64) -> Self {
        self.max_line = max_line;
        self
    }

    fn error(&self, reason: impl Into<String>) -> LoadError {
        LoadError::Jsonl {
            path: self.path.clone(),
            line: self.line,
            reason: reason.into(),
        }
    }

    /// Reads the next line into `buf` (without its line break); `None` at
    /// the end of the file.
    fn read_line(&mut self) -> Option<Result<(), LoadError>> {
        self.buf.clear();
        // Room for the longest line and a CR LF, and no more.
        let limit = self.max_line.saturating_add(2);
        match (&mut self.reader)
            .take(limit)
            .read_until(b'\n', &mut self.buf)
        {
            Ok(0) => None,
            Ok(_) => {
                if self.buf.last() == Some(&b'\n') {
                    self.buf.pop();
                    if self.buf.last() == Some(&b'\r') {
                        self.buf.pop();
                    }
                }
                if self.buf.len() as u64 > self.max_line {
                    return Some(Err(self.error(format!(
                        "the line is longer than the {}-byte limit; reading stopped there",
                        self.max_line
                    ))));
                }
                Some(Ok(()))
            }
            Err(e) => Some(Err(self.error(format!("cannot read: {e}")))),
        }
    }

    fn parse(&self, raw: &str) -> Result<Document, LoadError> {
        let a: JsonlArticle = serde_json::from_str(raw)
            .map_err(|e| self.error(format!("not an article object: {e}")))?;
        let published = match a
            .published
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            None => None,
            Some(p) => Some(
                NaiveDate::parse_from_str(p.get(..10).unwrap_or(p), "%Y-%m-%d")
                    .map_err(|_| self.error(format!("published {p:?} is not a YYYY-MM-DD date")))?,
            ),
        };
        let over = Overrides {
            title: a.title.filter(|t| !t.trim().is_empty()),
            published,
        };
        // The error already names the file and line: the text is "the text".
        let mut doc = load_bytes(a.text.as_bytes(), Format::Text, "the text", &over)
            .map_err(|e| self.error(e.to_string()))?;
        doc.encoding = None;
        doc.source_kind = SourceKind::Jsonl;
        if over.published.is_some() {
            doc.date_source = super::DateSource::Metadata;
        }
        doc.external_id = a.id.map(|v| match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        });
        doc.source = a.url.or_else(|| Some(self.path.display().to_string()));
        Ok(doc)
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<Document, LoadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            self.line += 1;
            match self.read_line()? {
                Ok(()) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
            let raw = match std::str::from_utf8(&self.buf) {
                Ok(s) => s,
                Err(e) => {
                    return Some(Err(self.error(format!(
                        "not UTF-8 at byte {} of the line; JSON Lines files are UTF-8",
                        e.valid_up_to()
                    ))));
                }
            };
            if raw.trim().is_empty() {
                continue;
            }
            return Some(self.parse(raw));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_reports_bad_ones() {
        let data = "{\"id\": \"a-1\", \"title\": \"Pier\", \"published\": \"1987-02-26\", \"text\": \"The pier opened.\"}\n\n{\"id\": 7, \"text\": \"No title here.\"}\n{oops\n";
        let docs: Vec<_> = JsonlReader::new(Path::new("bulk.jsonl"), data.as_bytes()).collect();
        assert_eq!(docs.len(), 3);
        let a = docs[0].as_ref().unwrap();
        assert_eq!(a.title, "Pier");
        assert_eq!(a.external_id.as_deref(), Some("a-1"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(1987, 2, 26));
        assert_eq!(a.date_source, crate::load::DateSource::Metadata);
        let b = docs[1].as_ref().unwrap();
        assert_eq!(b.external_id.as_deref(), Some("7"));
        assert_eq!(b.title, "No title here.");
        let err = docs[2].as_ref().unwrap_err().to_string();
        assert!(err.contains("line 4"), "{err}");
    }

    /// (input, per-line limit, expected: Ok(text) or Err(part of message)
    /// for each item).
    #[test]
    fn line_limit_is_judged_on_what_is_read() {
        let line = |text: &str| format!("{{\"text\": \"{text}\"}}");
        let ten = line("0123456789"); // 22 bytes
        type Want = Result<&'static str, &'static str>;
        let cases: Vec<(String, u64, Vec<Want>)> = vec![
            (format!("{ten}\n"), 22, vec![Ok("0123456789")]),
            (
                format!("{ten}\r\n{ten}"),
                22,
                vec![Ok("0123456789"), Ok("0123456789")],
            ),
            (
                format!("{ten}\n"),
                21,
                vec![Err("line 1: the line is longer than the 21-byte limit")],
            ),
            // After an over-long line the reader stops: no partial line is parsed.
            (
                format!("{ten}\n{ten}{ten}\n{ten}\n"),
                30,
                vec![Ok("0123456789"), Err("line 2: the line is longer")],
            ),
            // A stream with no line break at all.
            (
                "\0".repeat(1000),
                64,
                vec![Err("line 1: the line is longer than the 64-byte limit")],
            ),
            (
                "{\"text\": \"caf\u{e9}\"}\n".to_string(),
                100,
                vec![Ok("caf\u{e9}")],
            ),
            (String::from("\n\n"), 10, vec![]),
            (
                "{\"text\": \"\"}\n".to_string(),
                100,
                vec![Err("line 1: the text is empty")],
            ),
        ];
        for (input, limit, want) in cases {
            let got: Vec<_> = JsonlReader::new(Path::new("b.jsonl"), input.as_bytes())
                .with_max_line(limit)
                .collect();
            assert_eq!(got.len(), want.len(), "{input:?}: {got:?}");
            for (g, w) in got.iter().zip(&want) {
                match (g, w) {
                    (Ok(d), Ok(t)) => assert_eq!(d.text.trim_end(), *t),
                    (Err(e), Err(m)) => {
                        let e = e.to_string();
                        assert!(e.contains(m), "{input:?}: {e:?} lacks {m:?}");
                        // The file and line are named once, not repeated.
                        assert_eq!(e.matches("b.jsonl").count(), 1, "{e}");
                    }
                    _ => panic!("{input:?}: got {g:?}, want {w:?}"),
                }
            }
        }
        // Invalid UTF-8 in a line is named.
        let bad: &[u8] = b"{\"text\": \"caf\xe9\"}\n";
        let got: Vec<_> = JsonlReader::new(Path::new("b.jsonl"), bad).collect();
        let e = got[0].as_ref().unwrap_err().to_string();
        assert!(e.contains("not UTF-8 at byte 13"), "{e}");
    }
}
