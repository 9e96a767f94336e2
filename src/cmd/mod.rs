//! One file per subcommand; `main.rs` only parses the command line and dispatches here.
//! `export` and `import` are in [`crate::translate`], with the formats they share.

pub mod audit;
pub mod build;
pub mod init;
pub mod rules;
pub mod stamp;
pub mod status;
