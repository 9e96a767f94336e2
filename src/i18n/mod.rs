//! Languages and Fluent UI strings: the built-in locales overridden file by file by the
//! site's `locales/`, one concurrent bundle per language so rendering can run on rayon; and
//! whether each translation still matches its source ([`staleness`]).

mod locales;
pub mod staleness;

pub use locales::{LOCALES_DIR, Locales};

/// Files compiled into the binary (see `build.rs`).
pub mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin.rs"));
}
