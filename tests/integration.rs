//! The integration tests, as one test binary: each module below was once a binary of its own,
//! and every one of them linked the whole library with Typst and Pagefind. Linking them once
//! takes minutes off a CI run. Run one file's tests with its module path, e.g.
//! `cargo test --test integration pdf::`.

mod common;
#[path = "support/fuzz_case.rs"]
mod fuzz_case;

mod a11y_rules;
mod act;
mod bad_input;
mod commonmark;
// Not `core`, which would hide the `core` crate from macros that name it.
#[path = "core.rs"]
mod core_pipeline;
mod easy_read_rules;
mod every_rule;
mod fs_safety;
mod interrupted;
mod menu;
mod module_graph;
mod names_and_settings;
#[cfg(feature = "pdf")]
mod pdf;
mod properties;
mod readability;
mod readme_rules;
mod reproducible;
mod rules_cli;
mod sanitiser;
mod search;
mod serve;
mod site_locales;
mod status_report;
mod translations;
mod translators;
mod valid_html;
