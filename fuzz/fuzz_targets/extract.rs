//! Fuzzes claim extraction (`claimdesk::extract`): any text, with and
//! without a publication date to resolve relative dates against. Every
//! claim's span must lie on character boundaries of the text it came from.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The input's length picks whether a publication date is known, so both
    // paths of date resolution get exercised by the same corpus.
    let published = (data.len() % 2 == 0)
        .then(|| NaiveDate::from_ymd_opt(2026, 3, 12))
        .flatten();
    let ex = claimdesk::extract(&text, published);
    for c in &ex.claims {
        assert!(
            c.start <= c.end && c.end <= text.len(),
            "claim span out of the text"
        );
        assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
    }
});
