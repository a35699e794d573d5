//! JSON Lines bulk files: one `{id, title, published, text}` (and optional
//! `url`) per line, read as a stream so a bulk file of any length needs
//! little memory.

use super::{Document, Format, LoadError, MAX_INPUT_BYTES, Overrides, SourceKind, load_bytes};
use chrono::NaiveDate;
use serde::Deserialize;
use std::io::BufRead;
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
pub struct JsonlReader<R> {
    path: PathBuf,
    lines: std::io::Lines<R>,
    line: usize,
}

impl JsonlReader<std::io::BufReader<std::fs::File>> {
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let file = std::fs::File::open(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => LoadError::NotFound {
                path: path.to_path_buf(),
            },
            _ => LoadError::Io {
                path: path.to_path_buf(),
                source: e,
            },
        })?;
        Ok(Self::new(path, std::io::BufReader::new(file)))
    }
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(path: &Path, reader: R) -> Self {
        JsonlReader {
            path: path.to_path_buf(),
            lines: reader.lines(),
            line: 0,
        }
    }

    fn error(&self, reason: impl Into<String>) -> LoadError {
        LoadError::Jsonl {
            path: self.path.clone(),
            line: self.line,
            reason: reason.into(),
        }
    }

    fn parse(&self, raw: &str) -> Result<Document, LoadError> {
        if raw.len() as u64 > MAX_INPUT_BYTES {
            return Err(self.error("the line is over the 20 MB limit"));
        }
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
        let what = format!("{}, line {}", self.path.display(), self.line);
        let mut doc = load_bytes(a.text.as_bytes(), Format::Text, &what, &over)
            .map_err(|e| self.error(e.to_string()))?;
        doc.encoding = None;
        doc.source_kind = SourceKind::Jsonl;
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
            self.line += 1;
            let raw = match self.lines.next()? {
                Ok(l) => l,
                Err(e) => return Some(Err(self.error(format!("cannot read: {e}")))),
            };
            if raw.trim().is_empty() {
                continue;
            }
            return Some(self.parse(&raw));
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
        let b = docs[1].as_ref().unwrap();
        assert_eq!(b.external_id.as_deref(), Some("7"));
        assert_eq!(b.title, "No title here.");
        let err = docs[2].as_ref().unwrap_err().to_string();
        assert!(err.contains("line 4"), "{err}");
    }
}
