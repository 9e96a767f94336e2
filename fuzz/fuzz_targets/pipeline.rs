//! Fuzz target: bytes → front matter + markdown → `front_matter::parse`, `markdown::render`
//! (standard or Easy read) → `checks::a11y::check` on the rendered page; for one input in 64
//! (and the first, so a saved crash replays alone), a two-language site built with
//! `pipeline::build_in_memory`. A panic, or a `<script` in rendered markdown or in a built page,
//! is a crash. How the bytes are split: `tests/support/fuzz_case.rs`.

#![no_main]

use std::sync::atomic::{AtomicU64, Ordering};

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/fuzz_case.rs"]
mod fuzz_case;

static RUNS: AtomicU64 = AtomicU64::new(0);

fuzz_target!(|data: &[u8]| {
    let n = RUNS.fetch_add(1, Ordering::Relaxed);
    fuzz_case::run_with(data, n % 64 == 0);
});
