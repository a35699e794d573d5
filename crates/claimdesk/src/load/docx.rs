//! Word documents (`.docx`): the paragraph text of `word/document.xml`, one
//! paragraph per block.
//!
//! Only that one part of the ZIP archive is ever inflated (media and every
//! other part are left compressed), through a counting reader that stops at
//! [`MAX_XML_BYTES`] whatever the archive's headers claim. The XML is read
//! as a stream of events by a loop, not by recursion, and a document nested
//! deeper than [`MAX_DEPTH`] elements is refused, so no input can drive the
//! stack or the memory.

use super::{Document, Format, LoadError, MAX_INPUT_BYTES};
use quick_xml::events::Event;
use std::io::{BufReader, Cursor, Read};

/// The part holding the document body.
const DOCUMENT_PART: &str = "word/document.xml";
/// The most `word/document.xml` may inflate to.
pub const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;
/// The deepest element nesting read; real documents stay under 30.
pub const MAX_DEPTH: usize = 256;

/// A reader that fails once more than `left` bytes have come through, and
/// says so in `over`.
struct Bounded<R> {
    inner: R,
    left: u64,
    over: bool,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        // Ask for one byte beyond the limit, to tell "exactly at" from "over".
        let room = (self.left + 1).min(buf.len() as u64) as usize;
        let n = self.inner.read(&mut buf[..room])?;
        if n as u64 > self.left {
            self.over = true;
            return Err(std::io::Error::other("inflated size over the limit"));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

/// What the event loop is collecting.
struct Collect {
    paragraphs: Vec<String>,
    current: String,
    total: usize,
}

impl Collect {
    fn flush(&mut self) {
        let p = self.current.trim();
        if !p.is_empty() {
            self.total += p.len() + 2;
            self.paragraphs.push(p.to_string());
        }
        self.current.clear();
    }
}

/// Reads the paragraphs of a .docx file.
pub fn read(bytes: &[u8], what: &str) -> Result<Document, LoadError> {
    let bad = |reason: String| LoadError::BadDocx {
        what: what.to_string(),
        reason,
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| bad(format!("not a ZIP archive ({e})")))?;
    let part = archive.by_name(DOCUMENT_PART).map_err(|e| match e {
        zip::result::ZipError::FileNotFound => bad(format!("it has no {DOCUMENT_PART}")),
        e => bad(format!("cannot open {DOCUMENT_PART} ({e})")),
    })?;
    let bounded = Bounded {
        inner: part,
        left: MAX_XML_BYTES,
        over: false,
    };
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(bounded));
    let mut buf = Vec::new();
    let mut out = Collect {
        paragraphs: Vec::new(),
        current: String::new(),
        total: 0,
    };
    let mut depth = 0usize;
    // Inside `w:t` (text is kept only there).
    let mut in_text = false;
    // The depth at which a skipped subtree (`mc:Fallback`, a duplicate of
    // its `mc:Choice`) started.
    let mut skip_from: Option<usize> = None;
    loop {
        let event = match xml.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(e) => {
                if xml.get_ref().get_ref().over {
                    return Err(bad(format!(
                        "{DOCUMENT_PART} inflates to more than {MAX_XML_BYTES} bytes"
                    )));
                }
                return Err(bad(format!("{DOCUMENT_PART} is not well-formed XML ({e})")));
            }
        };
        match event {
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(LoadError::TooDeep {
                        what: what.to_string(),
                        format: "Word document",
                        limit: MAX_DEPTH,
                    });
                }
                if skip_from.is_some() {
                    continue;
                }
                match e.name().as_ref() {
                    "mc:Fallback" => skip_from = Some(depth),
                    "w:p" => out.flush(),
                    "w:t" => in_text = true,
                    name => push_special(name, &mut out.current),
                }
            }
            Event::End(e) => {
                if skip_from == Some(depth) {
                    skip_from = None;
                } else if skip_from.is_none() {
                    match e.name().as_ref() {
                        "w:p" => out.flush(),
                        "w:t" => in_text = false,
                        _ => {}
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Event::Empty(e) if skip_from.is_none() => {
                push_special(e.name().as_ref(), &mut out.current)
            }
            Event::Text(t) if in_text && skip_from.is_none() => {
                out.current.push_str(&t.xml10_content())
            }
            Event::CData(t) if in_text && skip_from.is_none() => {
                out.current.push_str(&t.xml10_content())
            }
            Event::GeneralRef(r) if in_text && skip_from.is_none() => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => quick_xml::escape::resolve_predefined_entity(&r).map(String::from),
                };
                out.current
                    .push_str(resolved.as_deref().unwrap_or("\u{fffd}"));
            }
            Event::Eof => break,
            _ => {}
        }
        if out.total + out.current.len() > MAX_INPUT_BYTES as usize {
            return Err(LoadError::TooLarge {
                what: format!("{what}: the text of {DOCUMENT_PART}"),
                size: None,
                limit: MAX_INPUT_BYTES,
            });
        }
        buf.clear();
    }
    out.flush();
    let mut text = out.paragraphs.join("\n\n");
    text.push('\n');
    Ok(Document::new(text, Format::Docx))
}

/// Tabs, line breaks and non-breaking hyphens inside a paragraph.
fn push_special(name: &str, current: &mut String) {
    match name {
        "w:tab" | "w:ptab" => current.push('\t'),
        "w:br" | "w:cr" => current.push('\n'),
        "w:noBreakHyphen" => current.push('-'),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use docx_rust::Docx;
    use docx_rust::document::Paragraph;
    use std::io::Write;

    #[test]
    fn paragraphs_are_read_in_order() {
        let mut doc = Docx::default();
        doc.document
            .push(Paragraph::default().push_text("Council approves new budget"));
        doc.document
            .push(Paragraph::default().push_text("The council met on Monday."));
        let mut buf = Cursor::new(Vec::new());
        doc.write(&mut buf).unwrap();
        let d = read(buf.get_ref(), "d").unwrap();
        assert_eq!(
            d.text,
            "Council approves new budget\n\nThe council met on Monday.\n"
        );
    }

    /// A .docx of the given parts, written by the `zip` crate.
    fn docx(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in parts {
            w.start_file(*name, opts).unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    fn body(inner: &str) -> Vec<u8> {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{inner}</w:body></w:document>"#
        )
        .into_bytes()
    }

    /// (body XML, expected text or part of the error).
    #[test]
    fn document_xml_is_read_as_a_stream() {
        let nested = |n: usize| {
            format!(
                "{}<w:p><w:r><w:t>deep</w:t></w:r></w:p>{}",
                "<w:sdt><w:sdtContent>".repeat(n),
                "</w:sdtContent></w:sdt>".repeat(n)
            )
        };
        let cases: Vec<(String, Result<&str, &str>)> = vec![
            (
                "<w:p><w:r><w:t>Ada &amp; Bo said &#8220;yes&#x201D;</w:t></w:r></w:p>".into(),
                Ok("Ada & Bo said \u{201c}yes\u{201d}\n"),
            ),
            (
                "<w:p><w:r><w:t>one</w:t><w:tab/><w:t>two</w:t><w:br/><w:t>three</w:t></w:r></w:p>".into(),
                Ok("one\ttwo\nthree\n"),
            ),
            // Deleted text and field codes are not text; table cells are.
            (
                "<w:p><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText><w:t>kept</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>".into(),
                Ok("kept\n\ncell\n"),
            ),
            // A fallback duplicates its choice: read once.
            (
                "<w:p><w:r><mc:AlternateContent><mc:Choice><w:t>box</w:t></mc:Choice><mc:Fallback><w:t>box</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>".into(),
                Ok("box\n"),
            ),
            (nested(100), Ok("deep\n")),
            (nested(1000), Err("nested more than 256 levels deep")),
            ("<w:p><w:r><w:t>open".into(), Err("not well-formed XML")),
        ];
        for (inner, want) in cases {
            let file = docx(&[("word/document.xml", &body(&inner))]);
            match (read(&file, "memo.docx"), want) {
                (Ok(d), Ok(t)) => assert_eq!(d.text, t),
                (Err(e), Err(m)) => assert!(e.to_string().contains(m), "{e}"),
                (got, want) => panic!("{inner:.80}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn broken_docx_is_refused() {
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (b"PK\x03\x04 not really a zip".to_vec(), "not a ZIP archive"),
            (docx(&[("word/other.xml", b"<x/>")]), "no word/document.xml"),
        ];
        for (bytes, want) in cases {
            let e = read(&bytes, "d").unwrap_err();
            assert!(matches!(e, LoadError::BadDocx { .. }), "{e}");
            assert!(e.to_string().contains(want), "{e}");
        }
    }

    #[test]
    fn inflating_stops_at_the_limit() {
        // 70 MB of paragraphs compress to well under a megabyte.
        let para = "<w:p><w:r><w:t>x</w:t></w:r></w:p>";
        let inner = para.repeat((MAX_XML_BYTES as usize / para.len()) + 1000);
        let file = docx(&[("word/document.xml", &body(&inner))]);
        assert!(file.len() < 2 * 1024 * 1024, "{}", file.len());
        let e = read(&file, "d").unwrap_err().to_string();
        assert!(e.contains("inflates to more than 67108864 bytes"), "{e}");
    }
}
