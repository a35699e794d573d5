//! Character decoding of text files: UTF-8 with or without a BOM, UTF-16
//! with a BOM, and Windows-1252 (which covers Latin-1) for the rest.
//!
//! Bytes that are not valid UTF-8 are UTF-8 with damage or a legacy
//! encoding. The rule: when the bytes hold at least one valid multi-byte
//! UTF-8 sequence and at least as many valid multi-byte sequences as
//! invalid ones, they are UTF-8, and each invalid sequence becomes U+FFFD
//! (counted, so the user is warned); otherwise they are Windows-1252. In
//! Windows-1252 text a valid UTF-8 pair needs an accented capital followed
//! by a symbol byte, which is rare, while every accented letter is an
//! invalid sequence; in damaged UTF-8 it is the other way round.
//!
//! The encoding that was assumed is returned so the user can be told.

use super::LoadError;
use super::sniff::binary_cause;

/// Text decoded from bytes, with the name of the encoding that was assumed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Invalid byte sequences replaced with U+FFFD.
    pub replaced: usize,
    /// Byte offset of the first replaced sequence.
    pub first_replaced: Option<usize>,
}

impl Decoded {
    fn clean(text: String, encoding: &'static str) -> Decoded {
        Decoded {
            text,
            encoding,
            replaced: 0,
            first_replaced: None,
        }
    }

    /// A warning for the user when bytes were replaced.
    pub fn warning(&self, what: &str) -> Option<String> {
        let at = self.first_replaced?;
        let n = self.replaced;
        let s = if n == 1 { "" } else { "s" };
        Some(format!(
            "{what}: {n} invalid UTF-8 byte sequence{s} replaced with U+FFFD (the first at byte offset {at})"
        ))
    }
}

fn binary(what: &str, bytes: &[u8]) -> LoadError {
    LoadError::Binary {
        what: what.to_string(),
        found: binary_cause(bytes),
    }
}

/// Decodes `bytes`; refuses binary data (NUL bytes outside UTF-16).
pub fn decode(bytes: &[u8], what: &str) -> Result<Decoded, LoadError> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if enc != encoding_rs::UTF_8 {
            let (text, had_errors) = enc.decode_without_bom_handling(body);
            let name = if enc == encoding_rs::UTF_16LE {
                "UTF-16LE"
            } else {
                "UTF-16BE"
            };
            if had_errors {
                return Err(LoadError::Binary {
                    what: what.to_string(),
                    found: format!(
                        "it starts with a {name} byte-order mark but is not valid {name}"
                    ),
                });
            }
            if let Some(at) = text.find('\0') {
                return Err(LoadError::Binary {
                    what: what.to_string(),
                    found: format!(
                        "it holds NUL characters, the first at character offset {}",
                        text[..at].chars().count()
                    ),
                });
            }
            let encoding = if enc == encoding_rs::UTF_16LE {
                "UTF-16LE (BOM)"
            } else {
                "UTF-16BE (BOM)"
            };
            return Ok(Decoded::clean(text.into_owned(), encoding));
        }
        return utf8_or_legacy(body, what, "UTF-8 (BOM)");
    }
    utf8_or_legacy(bytes, what, "UTF-8")
}

/// Valid multi-byte UTF-8 sequences, invalid sequences, and the offset of
/// the first invalid one.
fn utf8_census(bytes: &[u8]) -> (usize, usize, Option<usize>) {
    let (mut valid_multi, mut invalid, mut first) = (0, 0, None);
    let mut pos = 0;
    for chunk in bytes.utf8_chunks() {
        valid_multi += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        pos += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            invalid += 1;
            first.get_or_insert(pos);
            pos += chunk.invalid().len();
        }
    }
    (valid_multi, invalid, first)
}

fn utf8_or_legacy(bytes: &[u8], what: &str, utf8_name: &'static str) -> Result<Decoded, LoadError> {
    if bytes.contains(&0) {
        return Err(binary(what, bytes));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded::clean(s.to_string(), utf8_name));
    }
    let (valid_multi, invalid, first) = utf8_census(bytes);
    if valid_multi > 0 && valid_multi >= invalid {
        return Ok(Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            encoding: utf8_name,
            replaced: invalid,
            first_replaced: first,
        });
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    // Control characters other than white space mean this is not text.
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !c.is_whitespace())
        .count();
    if controls * 20 > text.chars().count().max(1) {
        return Err(binary(what, bytes));
    }
    Ok(Decoded::clean(text.into_owned(), "Windows-1252"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// bytes, expected text, expected encoding, expected replacements.
    fn check(bytes: &[u8], want_text: &str, want_enc: &str, want_replaced: usize) {
        let d = decode(bytes, "t").unwrap();
        assert_eq!(d.text, want_text, "{bytes:?}");
        assert_eq!(d.encoding, want_enc, "{bytes:?}");
        assert_eq!(d.replaced, want_replaced, "{bytes:?}");
    }

    #[test]
    fn encodings_a_newsroom_meets() {
        check("Café".as_bytes(), "Café", "UTF-8", 0);
        check(b"\xEF\xBB\xBFCaf\xC3\xA9", "Café", "UTF-8 (BOM)", 0);
        check(b"\xFF\xFEC\0a\0f\0\xE9\0", "Café", "UTF-16LE (BOM)", 0);
        check(b"\xFE\xFF\0C\0a\0f\0\xE9", "Café", "UTF-16BE (BOM)", 0);
        check(
            b"Caf\xE9 \x93quoted\x94",
            "Café \u{201c}quoted\u{201d}",
            "Windows-1252",
            0,
        );
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        // (bytes, text, encoding, replaced): the rule is "at least as many
        // valid multi-byte sequences as invalid ones, and at least one".
        let cases: &[(&[u8], &str, &str, usize)] = &[
            // One stray byte in UTF-8 with accents and curly quotes.
            (
                b"Caf\xC3\xA9 owner said \xE2\x80\x9Cyes\xE2\x80\x9D \xFF today.",
                "Café owner said \u{201c}yes\u{201d} \u{fffd} today.",
                "UTF-8",
                1,
            ),
            // Cut in the middle of the last character.
            (b"na\xC3\xAFve caf\xC3", "naïve caf\u{fffd}", "UTF-8", 1),
            // One valid, one invalid: still UTF-8.
            (b"Jos\xC3\xA9 \xFE", "José \u{fffd}", "UTF-8", 1),
            // With a BOM.
            (
                b"\xEF\xBB\xBFCaf\xC3\xA9 \x80",
                "Café \u{fffd}",
                "UTF-8 (BOM)",
                1,
            ),
            // Two invalid, one valid: Windows-1252.
            (b"Jos\xC3\xA9 \xE9 \xE8", "JosÃ© é è", "Windows-1252", 0),
            // No valid multi-byte sequence at all: Windows-1252.
            (b"Caf\xE9 owner", "Café owner", "Windows-1252", 0),
        ];
        for &(bytes, text, enc, replaced) in cases {
            check(bytes, text, enc, replaced);
        }
        // The warning names what and where.
        let long: Vec<u8> = "Zoë Lefèvre said. "
            .repeat(200)
            .into_bytes()
            .into_iter()
            .chain(*b"\xC0 end")
            .collect();
        let d = decode(&long, "memo.txt").unwrap();
        assert_eq!(d.encoding, "UTF-8");
        let w = d.warning("memo.txt").unwrap();
        assert!(w.contains("1 invalid UTF-8 byte sequence replaced"), "{w}");
        assert!(
            w.contains(&format!("byte offset {}", long.len() - 5)),
            "{w}"
        );
    }

    #[test]
    fn binary_is_refused_with_its_cause() {
        let cases: &[(&[u8], &str)] = &[
            (b"PK\x03\x04\0\0\x14", "ZIP archive"),
            (
                &[0x81, 0x8d, 0x8f, 0x90, 0x9d, 1, 2, 3, 4, 5],
                "control characters",
            ),
            (b"words then \0 a NUL", "byte offset 11"),
            (b"\xFF\xFEa\0\0\0", "NUL characters"),
        ];
        for &(bytes, cause) in cases {
            match decode(bytes, "t") {
                Err(e @ LoadError::Binary { .. }) => {
                    assert!(e.to_string().contains(cause), "{bytes:?}: {e}")
                }
                other => panic!("{bytes:?}: {other:?}"),
            }
        }
    }
}
