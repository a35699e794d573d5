//! Fuzzes the loader on bytes read as HTML: decoding, then the readability extraction of the article text
//! (`claimdesk::load::load_bytes` with `Format::Html`, the path every file
//! takes after it is read). Errors are fine; panics, hangs and runaway
//! memory are findings.
#![no_main]

use claimdesk::load::{Format, Overrides, load_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = load_bytes(data, Format::Html, "fuzz input", &Overrides::default());
});
