//! Fuzzes the loader on bytes read as plain text: encoding detection and decoding (UTF-8, UTF-16, Windows-1252), and the HTML sniffing that sends tag soup to the HTML reader
//! (`claimdesk::load::load_bytes` with `Format::Text`, the path every file
//! takes after it is read). Errors are fine; panics, hangs and runaway
//! memory are findings.
#![no_main]

use claimdesk::load::{Format, Overrides, load_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = load_bytes(data, Format::Text, "fuzz input", &Overrides::default());
});
