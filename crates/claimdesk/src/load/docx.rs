//! Word documents (`.docx`): the paragraph text, one paragraph per block.

use super::{Document, Format, LoadError};
use docx_rust::DocxFile;
use docx_rust::document::BodyContent;
use std::io::Cursor;

/// Reads the paragraphs of a .docx file.
pub fn read(bytes: &[u8], what: &str) -> Result<Document, LoadError> {
    let bad = |reason: String| LoadError::BadDocx {
        what: what.to_string(),
        reason,
    };
    let file = DocxFile::from_reader(Cursor::new(bytes)).map_err(|e| bad(format!("{e:?}")))?;
    let docx = file.parse().map_err(|e| bad(format!("{e:?}")))?;
    let paragraphs: Vec<String> = docx
        .document
        .body
        .content
        .iter()
        .filter_map(|c| match c {
            BodyContent::Paragraph(p) => Some(p.text()),
            BodyContent::Sdt(s) => Some(s.text()),
            _ => None,
        })
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let mut text = paragraphs.join("\n\n");
    text.push('\n');
    Ok(Document::new(text, Format::Docx))
}

#[cfg(test)]
mod tests {
    use super::*;
    use docx_rust::Docx;
    use docx_rust::document::Paragraph;

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

    #[test]
    fn broken_docx_is_refused() {
        assert!(matches!(
            read(b"PK\x03\x04 not really a zip", "d"),
            Err(LoadError::BadDocx { .. })
        ));
    }
}
