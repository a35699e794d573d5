//! Property tests of extraction: any input, however odd, never panics, and
//! every sentence and claim span lies on UTF-8 boundaries inside the text,
//! with a claim's `text` equal to the slice it names.

use claimdesk::extract;
use proptest::prelude::*;

/// Text built from news-like pieces, so the rules actually fire, mixed with
/// arbitrary characters.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Secretary of State ".to_string()),
        Just("Ana Ruiz".to_string()),
        Just("Ruiz".to_string()),
        Just(" said".to_string()),
        Just(" resigned as chairman".to_string()),
        Just(" met with ".to_string()),
        Just(" he ".to_string()),
        Just(", the chief of staff of ".to_string()),
        Just("\"".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("'s ".to_string()),
        Just("U.S. ".to_string()),
        Just("Mr. ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("\n    ".to_string()),
        Just(" - ".to_string()),
        Just("(CNN) ".to_string()),
        Just("(l.) ".to_string()),
        Just("Zelenskyy ".to_string()),
        Just("é".to_string()),
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check_spans(input: &str) {
    let ex = extract(input, None);
    for s in &ex.sentences {
        assert!(s.start <= s.end && s.end <= input.len());
        assert!(input.is_char_boundary(s.start) && input.is_char_boundary(s.end));
    }
    for c in &ex.claims {
        assert!(c.start <= c.end && c.end <= input.len(), "{c:?}");
        assert!(input.is_char_boundary(c.start) && input.is_char_boundary(c.end));
        assert_eq!(&input[c.start..c.end], c.text);
        assert!(c.sentence < ex.sentences.len().max(1));
        assert!((0.0..=1.0).contains(&c.confidence));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text_never_panics(input in "\\PC{0,300}") {
        check_spans(&input);
    }

    #[test]
    fn news_like_text_keeps_spans_valid(input in newsish()) {
        check_spans(&input);
    }
}
