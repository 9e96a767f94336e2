//! The one type every check reports with, so that the text, JSON and GitHub reporters treat
//! accessibility, Easy-read, translation and content findings the same way.

use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::rules::Rule;
pub use crate::rules::Severity;
use crate::variant::Form;

/// One problem found in the site, pointing at the file and line that caused it.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// The rule, from the registry in [`crate::rules`].
    pub rule: &'static Rule,
    /// Default severity, or the one `site.yaml` `checks:` set.
    pub severity: Severity,
    /// Site-relative path with `/` separators, e.g. `content/help/out-of-hours.easy.md`,
    /// or a theme file such as `builtin:templates/page.html`.
    pub file: String,
    /// 1-based line in `file`, when known.
    pub line: Option<usize>,
    /// The URL of the page the finding is about, when it is about one page.
    pub url: Option<String>,
    /// Language of that page.
    pub lang: Option<String>,
    /// Form of that page.
    pub form: Option<Form>,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// Found on a page that shows another version's content (a missing translation's): the
    /// same finding on the content's own page is the one reported.
    pub on_fallback: bool,
}

impl Finding {
    /// A finding of `rule` in `file`; add the rest with the builder methods.
    pub fn new(rule: &'static Rule, severity: Severity, file: impl Into<String>, message: impl Into<String>) -> Self {
        Finding { rule, severity, file: file.into(), line: None, url: None, lang: None, form: None, message: message.into(), help: String::new(), on_fallback: false }
    }

    /// Sets the 1-based line.
    pub fn line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// Sets the line when one is known.
    pub fn maybe_line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }

    /// Sets the help text that shows how to fix the problem.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = help.into();
        self
    }

    /// Names the page (URL, language and form) the finding is about.
    pub fn page(mut self, url: &str, lang: &str, form: Form) -> Self {
        self.url = Some(url.to_string());
        self.lang = Some(lang.to_string());
        self.form = Some(form);
        self
    }

    /// Marks it as found on a fallback page (see [`Finding::on_fallback`]).
    pub fn fallback(mut self, on_fallback: bool) -> Self {
        self.on_fallback = on_fallback;
        self
    }

    /// The order SPEC §7 asks for: file, line, rule (then the rest, so output is stable). Of
    /// the same finding on several pages, the content's own page comes before fallback pages.
    pub fn sort_key(&self) -> (&str, usize, &str, bool, &str, &str) {
        (&self.file, self.line.unwrap_or(0), self.rule.id, self.on_fallback, self.url.as_deref().unwrap_or(""), &self.message)
    }
}

/// The JSON report's fields: SPEC §7's, then the rule's WCAG success criteria and ACT rules
/// (added later, so they come last).
impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Finding", 11)?;
        s.serialize_field("rule", self.rule.id)?;
        s.serialize_field("severity", &self.severity)?;
        s.serialize_field("file", &self.file)?;
        s.serialize_field("line", &self.line)?;
        s.serialize_field("url", &self.url)?;
        s.serialize_field("lang", &self.lang)?;
        s.serialize_field("form", &self.form)?;
        s.serialize_field("message", &self.message)?;
        s.serialize_field("help", &self.help)?;
        s.serialize_field("wcag", self.rule.wcag)?;
        s.serialize_field("act", self.rule.act)?;
        s.end()
    }
}
