//! One file per subcommand; `main.rs` only parses the command line and dispatches here.

pub mod audit;
pub mod build;
pub mod init;
pub mod rules;
pub mod stamp;
pub mod status;
