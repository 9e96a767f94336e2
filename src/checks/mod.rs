//! Checks on what the pipeline produced. Each check returns [`Finding`]s; none stops the build
//! early, so editors see every problem at once. Severities from `site.yaml` `checks:` are
//! applied here, in one place, after all checks ran.

pub mod a11y;
pub mod css;
pub mod easy_read;
pub mod lexicon;
pub mod site_rules;

use std::collections::BTreeMap;

use crate::config::Level;
use crate::finding::{Finding, Severity};
use crate::rules::Rule;
use crate::site::{Site, Target};
use crate::variant::Form;

pub use lexicon::Lexicon;

/// Applies `checks:` overrides: changes severities and drops rules turned `off`.
pub fn apply_levels(findings: &mut Vec<Finding>, levels: &BTreeMap<&'static Rule, Level>) {
    if !levels.is_empty() {
        findings.retain_mut(|f| apply_level(f, levels));
    }
}

/// Gives one finding the severity its rule has in the site's settings; `false` when the rule
/// is turned off.
pub fn apply_level(f: &mut Finding, levels: &BTreeMap<&'static Rule, Level>) -> bool {
    match levels.get(f.rule) {
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
    }
}

/// Page-level checks on a page's final HTML, parsed in `doc` with its `data-cl-line` source
/// lines still in: a finding on an element that came from markdown points at that markdown
/// line; one from the theme points at the template that rendered the page.
pub fn check_page(doc: &a11y::Doc, site: &Site, target: &Target, template_file: &str, lexicon: Option<&Lexicon>, easy: &easy_read::Shared) -> (Vec<Finding>, site_rules::PageFacts) {
    let variant = site.content(target);
    let violations = a11y::check_doc(doc, Some(&expect(site, &target.lang, target.form, lexicon)));
    let mut facts = site_rules::facts(doc, site, target, template_file);
    let mut findings: Vec<Finding> = violations
        .into_iter()
        .map(|v| {
            let line = v.node.and_then(|n| a11y::source_line(doc, n));
            let file = if line.is_some() { variant.file.as_str() } else { template_file };
            Finding::new(v.rule, v.severity, file, v.message).maybe_line(line).help(v.help).page(&target.url, &target.lang, target.form)
        })
        .collect();
    // Easy-read and plain-language checks, on the same parse.
    let (easy_findings, score) = easy_read::check_page(doc, site, target, easy);
    findings.extend(easy_findings);
    facts.easy_read = score;
    (findings, facts)
}

/// The page rules on a page clearleaf makes itself (a search page), at `url`: no markdown is
/// behind it, so every finding names `file`, the theme's template.
pub fn check_made_page(doc: &a11y::Doc, site: &Site, lang: &str, form: Form, url: &str, file: &str) -> Vec<Finding> {
    let violations = a11y::check_doc(doc, Some(&expect(site, lang, form, lexicon::for_lang(lang))));
    violations.into_iter().map(|v| Finding::new(v.rule, v.severity, file, v.message).help(v.help).page(url, lang, form)).collect()
}

/// What the page rules expect of a page in `lang` and `form`.
fn expect<'a>(site: &Site, lang: &'a str, form: Form, lexicon: Option<&'a Lexicon>) -> a11y::Expect<'a> {
    let dir = site.config.language(lang).map_or(crate::language::Dir::Ltr, |l| l.dir);
    a11y::Expect { lang, dir, form, generic_link_texts: lexicon.map_or(&[], |l| &l.generic_link_texts) }
}

/// `clearleaf audit`: the page-level rules on any HTML file, without site expectations.
pub fn audit_file(path: &str, html: &str) -> Vec<Finding> {
    let (_, violations) = a11y::check(html, None);
    violations.into_iter().map(|v| Finding::new(v.rule, v.severity, path, v.message).help(v.help)).collect()
}
