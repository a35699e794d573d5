//! Fuzzes the loader on bytes read as `.docx`: the zip container and `word/document.xml`
//! (`claimdesk::load::load_bytes` with `Format::Docx`, the path every file
//! takes after it is read). Errors are fine; panics, hangs and runaway
//! memory are findings.
#![no_main]

use claimdesk::load::{Format, Overrides, load_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = load_bytes(data, Format::Docx, "fuzz input", &Overrides::default());
});
