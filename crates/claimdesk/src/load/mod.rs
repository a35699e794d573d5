//! Article loading: files (`.txt`, `.md`, `.html`, `.docx`), URLs and JSON
//! Lines bulk files become [`Document`]s of plain text with their metadata.
//!
//! Everything that reads outside bytes is here, so every bad input meets the
//! same checks (regular files only, size bounded while reading, emptiness,
//! binary content, encodings, nesting depth) and gets a [`LoadError`] that
//! says what is wrong, before anything is written.

mod decode;
mod docx;
mod file;
mod html;
mod html_shape;
mod jsonl;
mod meta;
mod sniff;
mod url;

pub use decode::{Decoded, decode};
pub use file::{database_files, read_regular_file, refuse_if_same_file};
pub use jsonl::{JsonlArticle, JsonlReader};
pub use meta::{dateline_date, detect_published, leading_title};
pub use url::{UrlOptions, fetch_url, web_address_problem};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The largest input Claimdesk reads, in bytes.
pub const MAX_INPUT_BYTES: u64 = 20 * 1024 * 1024;

/// What kind of source a document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    File,
    Url,
    Jsonl,
    Paste,
}

impl SourceKind {
    const ALL: [SourceKind; 4] = [
        SourceKind::File,
        SourceKind::Url,
        SourceKind::Jsonl,
        SourceKind::Paste,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::File => "file",
            SourceKind::Url => "url",
            SourceKind::Jsonl => "jsonl",
            SourceKind::Paste => "paste",
        }
    }

    /// The kind named by [`SourceKind::as_str`]; a file for anything else.
    pub fn from_name(name: &str) -> SourceKind {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == name)
            .unwrap_or(SourceKind::File)
    }
}

/// The format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Docx,
}

impl Format {
    const ALL: [Format; 4] = [Format::Text, Format::Markdown, Format::Html, Format::Docx];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }

    /// The format named by [`Format::as_str`]; plain text for anything else.
    pub fn from_name(name: &str) -> Format {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str() == name)
            .unwrap_or(Format::Text)
    }

    /// The format a file name suggests; plain text when it says nothing.
    pub fn from_path(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "docx" => Format::Docx,
            _ => Format::Text,
        }
    }
}

/// An article's text as loaded, with what is known about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The plain text; claim offsets refer to it.
    pub text: String,
    pub title: String,
    pub byline: Option<String>,
    pub published: Option<NaiveDate>,
    /// Where `published` came from, so a checker can be shown how far to
    /// trust it before claims are made.
    #[serde(default)]
    pub date_source: DateSource,
    /// File path or URL (or the bulk file's id), as given.
    pub source: Option<String>,
    pub source_kind: SourceKind,
    pub format: Format,
    /// The character encoding that was assumed for a text file.
    pub encoding: Option<String>,
    /// An identifier the source gives the article (bulk files).
    pub external_id: Option<String>,
    /// What the user should know about how the input was read (bytes
    /// replaced in damaged UTF-8); not stored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Document {
    /// A document of `text` read from a local file, with nothing else known
    /// yet; the readers and loaders fill in what they learn.
    pub fn new(text: String, format: Format) -> Document {
        Document {
            text,
            title: String::new(),
            byline: None,
            published: None,
            date_source: DateSource::Missing,
            source: None,
            source_kind: SourceKind::File,
            format,
            encoding: None,
            external_id: None,
            warnings: Vec::new(),
        }
    }
}

/// Where a document's publication date came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The user gave it (command line, app, set-published).
    Given,
    /// The file says so: an HTML page's metadata, a bulk file's field.
    Metadata,
    /// A full date in the dateline or the first lines.
    Dateline,
    /// A dateline without a year ("SEOUL, June 19 -"): the year is a guess,
    /// the latest such day not after today.
    YearGuessed,
    /// Nothing says when the article was published.
    #[default]
    Missing,
}

impl DateSource {
    /// Whether the date is a guess a checker should confirm.
    pub fn is_guess(self) -> bool {
        matches!(self, DateSource::YearGuessed | DateSource::Missing)
    }

    /// Where the date came from, in plain words ("from the dateline").
    pub fn words(self) -> &'static str {
        match self {
            DateSource::Given => "as given",
            DateSource::Metadata => "from the file's metadata",
            DateSource::Dateline => "from the dateline",
            DateSource::YearGuessed => "from a dateline without a year: the year is a guess",
            DateSource::Missing => "not found in the article",
        }
    }
}

/// Metadata the user gives on the command line or in the app; it wins over
/// what the file says.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
}

/// Why an input could not be loaded. Nothing is written when loading fails.
///
/// Each message carries its whole cause: no variant has an error `source`,
/// so a chain of contexts never prints the same cause twice.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: no such file")]
    NotFound { path: PathBuf },
    #[error("{path}: cannot read: {cause}")]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error(
        "{path} is {kind}, not a regular file; Claimdesk reads only regular files (.txt, .md, .html, .docx, .jsonl)"
    )]
    NotRegularFile { path: PathBuf, kind: String },
    #[error(
        "{path} is the Claimdesk database's own file {database}; it cannot be loaded as an article and is not opened"
    )]
    IsDatabase { path: PathBuf, database: PathBuf },
    #[error("{what} is empty: there is no text to load")]
    Empty { what: String },
    #[error(
        "{what} is a binary file, not an article: {found}; give a .txt, .md, .html or .docx file"
    )]
    Binary { what: String, found: String },
    #[error("{what} is {}over the {limit}-byte limit", size_phrase(*.size))]
    TooLarge {
        what: String,
        /// The size, when known before reading; `None` when the limit was
        /// reached while reading.
        size: Option<u64>,
        limit: u64,
    },
    #[error(
        "{what} is nested more than {limit} levels deep; such a deeply nested {format} is refused before it is read"
    )]
    TooDeep {
        what: String,
        format: &'static str,
        limit: usize,
    },
    #[error(
        "{what} has more than {limit} HTML elements, too large a page to read; save the article's text instead"
    )]
    TooManyElements { what: String, limit: usize },
    #[error("{what}: no readable article text found in the HTML")]
    NoReadableText { what: String },
    #[error("{what}: not a readable .docx file: {reason}")]
    BadDocx { what: String, reason: String },
    #[error("{url}: {reason}")]
    Url { url: String, reason: String },
    #[error("{path}, line {line}: {reason}")]
    Jsonl {
        path: PathBuf,
        line: usize,
        reason: String,
    },
}

fn size_phrase(size: Option<u64>) -> String {
    match size {
        Some(n) => format!("{n} bytes, "),
        None => String::new(),
    }
}

/// Loads a file, choosing the reader by its extension (and by its content
/// for HTML saved under another name).
pub fn load_file(path: &Path, over: &Overrides) -> Result<Document, LoadError> {
    let bytes = read_limited(path)?;
    let what = path.display().to_string();
    let mut doc = load_bytes(&bytes, Format::from_path(path), &what, over)?;
    doc.source = Some(what);
    doc.source_kind = SourceKind::File;
    Ok(doc)
}

/// Reads a whole file, refusing missing, non-regular, oversized and
/// unreadable ones.
fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_regular_file(path, MAX_INPUT_BYTES)
}

/// Turns raw bytes of a known format into a document. `what` names the
/// input in error messages.
pub fn load_bytes(
    bytes: &[u8],
    format: Format,
    what: &str,
    over: &Overrides,
) -> Result<Document, LoadError> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(LoadError::TooLarge {
            what: what.to_string(),
            size: Some(bytes.len() as u64),
            limit: MAX_INPUT_BYTES,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(LoadError::Empty {
            what: what.to_string(),
        });
    }
    let format = match format {
        Format::Text if html::looks_like_html(bytes) => Format::Html,
        f => f,
    };
    let mut doc = match format {
        Format::Docx => docx::read(bytes, what)?,
        Format::Html => {
            let d = decode(bytes, what)?;
            let mut doc = html::read(&d.text, what)?;
            doc.warnings.extend(d.warning(what));
            doc
        }
        Format::Text | Format::Markdown => {
            let d = decode(bytes, what)?;
            let warning = d.warning(what);
            let mut doc = Document::new(d.text, format);
            doc.encoding = Some(d.encoding.to_string());
            doc.warnings.extend(warning);
            doc
        }
    };
    if doc.text.trim().is_empty() {
        return Err(LoadError::Empty {
            what: what.to_string(),
        });
    }
    meta::fill_missing(&mut doc);
    if let Some(t) = &over.title {
        doc.title = t.clone();
    }
    if over.published.is_some() {
        doc.published = over.published;
        doc.date_source = DateSource::Given;
    }
    Ok(doc)
}

/// A document of pasted or already-decoded text.
pub fn from_text(text: String, over: &Overrides) -> Result<Document, LoadError> {
    let mut doc = load_bytes(text.as_bytes(), Format::Text, "the pasted text", over)?;
    doc.source_kind = SourceKind::Paste;
    Ok(doc)
}
