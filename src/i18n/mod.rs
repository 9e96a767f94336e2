//! Languages and Fluent UI strings: the built-in locales overridden file by file by the
//! site's `locales/`, one concurrent bundle per language so rendering can run on rayon; and
//! whether each translation still matches its source ([`staleness`]); dates in words
//! ([`dates`]).

pub mod dates;
mod locales;
pub mod plural;
pub mod staleness;

pub use locales::{LOCALES_DIR, Locales};

/// Files compiled into the binary (see `build.rs`).
pub mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin.rs"));
}
