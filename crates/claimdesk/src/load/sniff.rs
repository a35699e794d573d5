//! Saying what a binary input is: the file type its magic number names
//! (through the `infer` crate's signatures), else where its first NUL byte
//! is, else how many control characters it holds. Used only once an input
//! has been found not to be text, so the message names the true cause.

/// What was found in bytes that are not text, as a phrase that completes
/// "it …" ("looks like a PNG image (image/png)").
pub fn binary_cause(bytes: &[u8]) -> String {
    if let Some(t) = infer::get(bytes).filter(|t| t.matcher_type() != infer::MatcherType::Text) {
        let ext = t.extension().to_ascii_uppercase();
        let noun = match t.matcher_type() {
            infer::MatcherType::Image => "image",
            infer::MatcherType::Video => "video",
            infer::MatcherType::Audio => "audio file",
            infer::MatcherType::Archive => "archive",
            infer::MatcherType::Book => "e-book",
            infer::MatcherType::Doc => "document",
            infer::MatcherType::Font => "font",
            infer::MatcherType::App => "program",
            _ => "file",
        };
        let article = if ext.starts_with([
            'A', 'E', 'I', 'O', 'U', 'F', 'H', 'L', 'M', 'N', 'R', 'S', 'X',
        ]) {
            "an"
        } else {
            "a"
        };
        let hint = if t.extension() == "docx" {
            "; name it .docx to load it as a Word document"
        } else {
            ""
        };
        return format!(
            "it looks like {article} {ext} {noun} ({}){hint}",
            t.mime_type()
        );
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return format!("it contains NUL bytes, the first at byte offset {at}");
    }
    let text = String::from_utf8_lossy(bytes);
    let total = text.chars().count();
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !c.is_whitespace())
        .count();
    format!("{controls} of its {total} characters are control characters")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], want: &str) {
        let got = binary_cause(bytes);
        assert!(got.contains(want), "{bytes:?}: {got:?} lacks {want:?}");
    }

    #[test]
    fn causes_are_named() {
        check(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "a PNG image (image/png)");
        check(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF");
        let mut elf = b"\x7fELF\x02\x01\x01".to_vec();
        elf.resize(64, 0);
        elf[16] = 2;
        elf[18] = 0x3e;
        check(&elf, "an ELF");
        check(b"GIF89a\x01\0\x01\0", "a GIF image");
        check(
            b"plain words\0then more",
            "NUL bytes, the first at byte offset 11",
        );
        check(
            b"\x01\x02\x03abc",
            "3 of its 6 characters are control characters",
        );
    }
}
