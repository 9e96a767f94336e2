//! Checks on what the pipeline produced. Each check returns [`Finding`]s; none stops the build
//! early, so editors see every problem at once. Severities from `site.yaml` `checks:` are
//! applied here, in one place, after all checks ran.

pub mod rules;

use std::collections::BTreeMap;

use crate::config::Level;
use crate::finding::{Finding, Severity};

/// Applies `checks:` overrides: changes severities and drops rules turned `off`.
pub fn apply_levels(findings: &mut Vec<Finding>, levels: &BTreeMap<String, Level>) {
    if levels.is_empty() {
        return;
    }
    findings.retain_mut(|f| match levels.get(f.rule) {
        Some(Level::Off) => false,
        Some(Level::Error) => {
            f.severity = Severity::Error;
            true
        }
        Some(Level::Warning) => {
            f.severity = Severity::Warning;
            true
        }
        None => true,
    });
}

/// Page-level checks on a page's final HTML. The accessibility rules land here (see the README's
/// list of implemented rules); today this is the seam the pipeline calls for every page.
pub fn check_page(_html: &str, _site: &crate::site::Site, _target: &crate::site::Target) -> Vec<Finding> {
    Vec::new()
}
