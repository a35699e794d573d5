//! Fuzzes the JSON Lines bulk reader (`claimdesk add --jsonl`): every line
//! of the input is read as an article object and loaded. Errors are fine;
//! panics, hangs and runaway memory are findings.
#![no_main]

use claimdesk::load::JsonlReader;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    for doc in JsonlReader::new(Path::new("fuzz.jsonl"), data) {
        let _ = doc;
    }
});
