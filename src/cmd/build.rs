//! `clearleaf build` (the default) and `clearleaf check` (the same, writing nothing).

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::pipeline::{self, Options};
use crate::report::Format;

/// Runs a build or check and prints the report; returns the exit status (0 or 1).
pub fn run(opts: &Options, format: Format) -> Result<i32> {
    let report = pipeline::build(opts)?;
    report.print(format).map_err(|e| Error::Internal(format!("could not print the report: {e}")))?;
    let failed = report.fails(opts.deny_warnings);
    if format == Format::Text {
        match (&opts.out, failed) {
            (Some(out), false) => eprintln!("Built the site into {}", out.display()),
            (Some(_), true) => eprintln!("The build failed, so the previous output was left as it was."),
            (None, _) => {}
        }
    }
    Ok(if failed { 1 } else { 0 })
}

/// The output folder: `--out`, else `public` in the site folder.
pub fn out_dir(root: &std::path::Path, out: Option<PathBuf>) -> PathBuf {
    out.unwrap_or_else(|| root.join("public"))
}
