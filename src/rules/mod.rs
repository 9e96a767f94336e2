//! Every rule clearleaf knows, as one typed value each: its ID, default severity, scope,
//! summary, longer help, and the WCAG 2.2 success criteria and W3C ACT rules it follows.
//!
//! This module is a leaf: it uses no other part of clearleaf, so that the checks, the
//! settings, the reports and the command line can all point at the same [`Rule`] without
//! depending on one another. A finding refers to its `&'static Rule`; nothing matches rule IDs
//! as strings, except [`find`], which turns what a person typed into a rule.

mod easy_read;
mod page;
mod site;
mod theme;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use easy_read::*;
pub use page::*;
pub use site::*;
pub use theme::*;

/// How serious a finding is. `Error` fails the build (exit status 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Reported, but the build still succeeds (unless `--deny-warnings`).
    Warning,
    /// Fails the build.
    Error,
}

impl Severity {
    /// The severity's name as reports print it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What a rule looks at, which is also when it runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// One page's final HTML (or its text, for the Easy read rules).
    Page,
    /// All pages together, after every page is built.
    Site,
    /// The theme's stylesheets, once per build.
    Theme,
    /// The source files: settings, front matter, file names, translations, UI strings.
    Input,
}

impl Scope {
    /// The scope's name as `clearleaf rules` prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Page => "page",
            Scope::Site => "site",
            Scope::Theme => "theme",
            Scope::Input => "input",
        }
    }
}

/// One rule. Rules are `static` items of this module, listed in [`ALL`]; two rules are the
/// same when their IDs are.
#[derive(Debug, Serialize)]
pub struct Rule {
    /// The ID reports print and `checks:` in site.yaml names, like `A11Y-IMG-NAME`.
    pub id: &'static str,
    /// The severity findings of this rule have unless a check says otherwise (some rules
    /// report a worse case as an error) or `checks:` changes it.
    pub severity: Severity,
    /// What the rule looks at.
    pub scope: Scope,
    /// One line: what the rule asks for.
    pub summary: &'static str,
    /// Markdown: why the rule matters and how to fix a finding, with a before/after example.
    /// `clearleaf explain ID` prints it.
    pub help: &'static str,
    /// WCAG 2.2 success criteria the rule tests, like `1.1.1`. Empty for rules that come from
    /// Easy read guidance or only keep the site whole.
    pub wcag: &'static [&'static str],
    /// W3C ACT rule IDs the rule implements, like `23a2a8` (its test cases are in
    /// `tests/fixtures/act/`).
    pub act: &'static [&'static str],
    /// Whether clearleaf checks the rule yet. A rule not implemented is listed, so that its
    /// ID is reserved and explained, but `checks:` refuses it.
    pub implemented: bool,
}

impl PartialEq for Rule {
    fn eq(&self, other: &Rule) -> bool {
        self.id == other.id
    }
}

impl Eq for Rule {}

impl std::hash::Hash for Rule {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

impl PartialOrd for Rule {
    fn partial_cmp(&self, other: &Rule) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// By ID, so that findings sort as they did when rules were strings.
impl Ord for Rule {
    fn cmp(&self, other: &Rule) -> std::cmp::Ordering {
        self.id.cmp(other.id)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)
    }
}

/// Every rule, sorted by ID.
pub static ALL: &[&Rule] = &[
    &A11Y_ARIA_VALID,
    &A11Y_ATTR_DUP,
    &A11Y_AUTOCOMPLETE,
    &A11Y_CONTRAST_TEXT,
    &A11Y_CONTRAST_UI,
    &A11Y_CONTROL_NAME,
    &A11Y_FOCUS_OBSCURED,
    &A11Y_FOCUS_VISIBLE,
    &A11Y_H1,
    &A11Y_HEADING_EMPTY,
    &A11Y_HEADING_ORDER,
    &A11Y_HELP_CONSISTENT,
    &A11Y_HIDDEN_FOCUS,
    &A11Y_ID_UNIQUE,
    &A11Y_IFRAME_TABINDEX,
    &A11Y_IMG_ALT_QUALITY,
    &A11Y_IMG_DECORATIVE,
    &A11Y_IMG_NAME,
    &A11Y_LANG_PARTS,
    &A11Y_LANG_PRESENT,
    &A11Y_LANG_VALID,
    &A11Y_LINK_DISTINCT,
    &A11Y_LINK_NAME,
    &A11Y_LINK_PURPOSE,
    &A11Y_LINK_SAME_TEXT,
    &A11Y_MAIN,
    &A11Y_MOTION,
    &A11Y_MULTIPLE_WAYS,
    &A11Y_NAV_CONSISTENT,
    &A11Y_ORIENTATION,
    &A11Y_REFLOW,
    &A11Y_REFRESH,
    &A11Y_RESIZE,
    &A11Y_SKIP_LINK,
    &A11Y_TABLE,
    &A11Y_TARGET_SIZE,
    &A11Y_TEXT_SPACING,
    &A11Y_TITLE,
    &A11Y_TITLE_UNIQUE,
    &A11Y_VIEWPORT,
    &AIS_OTHER_FORMATS,
    &CONTENT_REVIEW_DUE,
    &CRITICAL_OUTDATED,
    &EASY_READ_MISSING,
    &ER_ACRONYM,
    &ER_ALIGN,
    &ER_CHECKED,
    &ER_CONSISTENT_TERMS,
    &ER_CONTRAST_AAA,
    &ER_FIGURATIVE,
    &ER_FONT_FAMILY,
    &ER_FONT_SIZE,
    &ER_GLOSSARY,
    &ER_HARD_WORDS,
    &ER_LENGTH,
    &ER_LINE_HEIGHT,
    &ER_LINE_LENGTH,
    &ER_NO_CAPS,
    &ER_NO_ITALIC,
    &ER_NO_UNDERLINE,
    &ER_NUMERALS,
    &ER_ONE_IDEA,
    &ER_PARAGRAPH,
    &ER_PASSIVE,
    &ER_PICTURE_ROW,
    &ER_PUNCTUATION,
    &ER_READABILITY,
    &ER_SENTENCE_LENGTH,
    &ER_VARIANT_LINK,
    &FLUENT_MISSING,
    &FRONT_MATTER_UNKNOWN_KEY,
    &HOME_GENERATED,
    &HTML_SANITISED,
    &I18N_BIDI_ISOLATE,
    &I18N_DIR,
    &I18N_LANG_MATCHES,
    &I18N_LANG_SWITCHER,
    &INPUT_INVALID,
    &LINK_BROKEN,
    &PDF_FONT_MISSING,
    &PDF_FONT_SIZE,
    &PDF_IMAGE,
    &PDF_OVERFLOW,
    &PL_READABILITY,
    &PL_SENTENCE_LENGTH,
    &TRANSLATION_MISSING,
    &TRANSLATION_ORPHAN,
    &TRANSLATION_OUTDATED,
];

/// The rule with this ID, written as reports print it (upper case).
pub fn find(id: &str) -> Option<&'static Rule> {
    ALL.binary_search_by(|r| r.id.cmp(id)).ok().map(|i| ALL[i])
}

/// The rules clearleaf checks.
pub fn implemented() -> impl Iterator<Item = &'static Rule> {
    ALL.iter().copied().filter(|r| r.implemented)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_and_unique() {
        assert!(ALL.windows(2).all(|w| w[0].id < w[1].id), "ALL must be sorted by ID, with no ID twice");
    }

    #[test]
    fn ids_are_upper_case_words_joined_by_hyphens() {
        for r in ALL {
            assert!(r.id.split('-').all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())), "{}", r.id);
        }
    }

    #[test]
    fn find_knows_every_rule_and_nothing_else() {
        for r in ALL {
            assert!(std::ptr::eq(find(r.id).unwrap(), *r));
        }
        assert!(find("A11Y-IMG").is_none());
        assert!(find("a11y-img-name").is_none());
    }

    #[test]
    fn every_rule_has_a_summary_and_help_with_a_before_and_after_example() {
        for r in ALL {
            assert!(!r.summary.is_empty() && !r.summary.contains('\n'), "{}: the summary is one line", r.id);
            let before = r.help.find("\nBefore:\n").unwrap_or_else(|| panic!("{}: no `Before:` example", r.id));
            let after = r.help.find("\nAfter:\n").unwrap_or_else(|| panic!("{}: no `After:` example", r.id));
            assert!(before < after, "{}: `Before:` comes first", r.id);
            assert_eq!(r.help.matches("```").count(), 4, "{}: one fenced block before and one after", r.id);
            assert_eq!(r.help.trim(), r.help, "{}: no blank lines around the help", r.id);
        }
    }

    #[test]
    fn wcag_and_act_references_are_well_formed() {
        for r in ALL {
            for sc in r.wcag {
                let parts: Vec<&str> = sc.split('.').collect();
                assert!(parts.len() == 3 && parts.iter().all(|p| p.parse::<u8>().is_ok()), "{}: `{sc}` is not a success criterion number", r.id);
            }
            for act in r.act {
                assert!(act.len() == 6 && act.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()), "{}: `{act}` is not an ACT rule ID", r.id);
            }
            let number = |sc: &str| -> Vec<u8> { sc.split('.').filter_map(|p| p.parse().ok()).collect() };
            assert!(r.wcag.windows(2).all(|w| number(w[0]) < number(w[1])), "{}: WCAG references sorted", r.id);
        }
    }
}
