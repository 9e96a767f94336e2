//! `clearleaf audit FILE.html…`: the page-level accessibility rules on any HTML files, for
//! pages clearleaf did not build. Findings name the file as given.

use crate::checks;
use crate::error::{Error, Result};
use crate::report::{Format, Report};

/// Audits `files`; exit status 1 when any error finding is reported.
pub fn run(files: &[std::path::PathBuf], format: Format) -> Result<i32> {
    if files.is_empty() {
        return Err(Error::Usage("name at least one HTML file to audit, like `clearleaf audit public/index.html`".into()));
    }
    let mut pages = Vec::new();
    for path in files {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        pages.push((path.to_string_lossy().replace('\\', "/"), String::from_utf8_lossy(&bytes).into_owned()));
    }
    // The checks recurse once per nesting level: a file nested deeper than they can follow
    // is refused before they start.
    let too_deep: Vec<_> = pages.iter().filter_map(|(shown, html)| crate::limits::check_document(html).err().map(|d| crate::limits::too_deep_in_html(shown, d))).collect();
    if !too_deep.is_empty() {
        return Err(Error::Input(too_deep));
    }
    let findings = std::thread::Builder::new()
        .stack_size(crate::limits::STACK_SIZE)
        .spawn(move || pages.iter().flat_map(|(shown, html)| checks::audit_file(shown, html)).collect::<Vec<_>>())
        .map_err(|e| Error::Internal(format!("could not start the checks: {e}")))?
        .join()
        .map_err(|_| Error::Internal("the checks stopped unexpectedly".into()))?;
    let report = Report::new(files.len(), findings);
    report.print(format).map_err(|e| Error::Internal(format!("could not print the report: {e}")))?;
    Ok(if report.fails(false) { 1 } else { 0 })
}
