//! Character decoding of text files: UTF-8 with or without a BOM, UTF-16
//! with a BOM, and Windows-1252 (which covers Latin-1) for the rest.
//!
//! The encoding that was assumed is returned so the user can be told.

use super::LoadError;

/// Text decoded from bytes, with the name of the encoding that was assumed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decodes `bytes`; refuses binary data (NUL bytes outside UTF-16).
pub fn decode(bytes: &[u8], what: &str) -> Result<Decoded, LoadError> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, had_errors) = enc.decode_without_bom_handling(body);
        if enc != encoding_rs::UTF_8 {
            if had_errors || text.contains('\0') {
                return Err(LoadError::Binary {
                    what: what.to_string(),
                });
            }
            return Ok(Decoded {
                text: text.into_owned(),
                encoding: if enc == encoding_rs::UTF_16LE {
                    "UTF-16LE (BOM)"
                } else {
                    "UTF-16BE (BOM)"
                },
            });
        }
        return utf8_or_legacy(body, what, "UTF-8 (BOM)");
    }
    utf8_or_legacy(bytes, what, "UTF-8")
}

fn utf8_or_legacy(bytes: &[u8], what: &str, utf8_name: &'static str) -> Result<Decoded, LoadError> {
    if bytes.contains(&0) {
        return Err(LoadError::Binary {
            what: what.to_string(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_string(),
            encoding: utf8_name,
        }),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            // Control characters other than white space mean this is not text.
            let controls = text
                .chars()
                .filter(|c| c.is_control() && !c.is_whitespace())
                .count();
            if controls * 20 > text.chars().count().max(1) {
                return Err(LoadError::Binary {
                    what: what.to_string(),
                });
            }
            Ok(Decoded {
                text: text.into_owned(),
                encoding: "Windows-1252",
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], want_text: &str, want_enc: &str) {
        let d = decode(bytes, "t").unwrap();
        assert_eq!(d.text, want_text);
        assert_eq!(d.encoding, want_enc);
    }

    #[test]
    fn encodings_a_newsroom_meets() {
        check("Café".as_bytes(), "Café", "UTF-8");
        check(b"\xEF\xBB\xBFCaf\xC3\xA9", "Café", "UTF-8 (BOM)");
        check(b"\xFF\xFEC\0a\0f\0\xE9\0", "Café", "UTF-16LE (BOM)");
        check(b"\xFE\xFF\0C\0a\0f\0\xE9", "Café", "UTF-16BE (BOM)");
        check(
            b"Caf\xE9 \x93quoted\x94",
            "Café \u{201c}quoted\u{201d}",
            "Windows-1252",
        );
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode(b"PK\x03\x04\0\0\x14", "t"),
            Err(LoadError::Binary { .. })
        ));
        assert!(matches!(
            decode(&[0x81, 0x8d, 0x8f, 0x90, 0x9d, 1, 2, 3, 4, 5], "t"),
            Err(LoadError::Binary { .. })
        ));
    }
}
