//! Fuzz target: bytes → a markdown body full of raw HTML → `markdown::render` (standard or
//! Easy read) → the page as the build writes it (re-serialised without line markers, minified).
//! A crash is a panic, or a published page with a script, an event attribute, a script address
//! or one of clearleaf's own `data-cl-` attributes (`output::script_risks`).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/fuzz_case.rs"]
mod fuzz_case;

fuzz_target!(|data: &[u8]| {
    let (flags, rest) = data.split_first().map_or((0, &[][..]), |(f, r)| (*f, r));
    let form = if flags & 1 == 1 { clearleaf::Form::Easy } else { clearleaf::Form::Standard };
    fuzz_case::publish_markdown(&String::from_utf8_lossy(rest), form);
});
