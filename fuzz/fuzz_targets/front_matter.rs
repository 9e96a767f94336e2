//! Fuzz target: bytes → a page file → `front_matter::parse`. A crash is a panic, a stack
//! overflow, or an error that points at a line the file does not have.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/fuzz_case.rs"]
mod fuzz_case;

fuzz_target!(|data: &[u8]| {
    fuzz_case::parse_front_matter(&format!("---\n{}", String::from_utf8_lossy(data)));
});
