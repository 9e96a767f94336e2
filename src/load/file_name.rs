//! `NAME[.easy][.LANG].md`: what a content file's name says about its page, language and form.

use crate::config::Config;
use crate::error::Diagnostic;
use crate::finding::Form;
use crate::i18n::language::looks_like_tag;

/// Which page, language and form a markdown file is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VariantKey {
    /// Path of the page inside `content/` without suffixes: `help/out-of-hours`, `help/_index`, `_index`.
    pub page: String,
    /// Language code (the default language when the name has none).
    pub lang: String,
    /// Standard or Easy read.
    pub form: Form,
}

/// Reads the page, language and form from `inside` (a path relative to `content/`).
pub fn parse_file_name(inside: &str, config: &Config) -> Result<VariantKey, Diagnostic> {
    let rel = format!("{}/{inside}", super::CONTENT_DIR);
    let stem = inside.strip_suffix(".md").unwrap_or(inside);
    let (dir, name) = match stem.rsplit_once('/') {
        Some((d, n)) => (Some(d), n),
        None => (None, stem),
    };
    let mut parts: Vec<&str> = name.split('.').collect();
    let mut lang = config.default_language.clone();
    let mut form = Form::Standard;
    if parts.len() > 1 {
        let last = parts[parts.len() - 1];
        if config.has_language(last) {
            lang = last.to_string();
            parts.pop();
        } else if last != "easy" && looks_like_tag(last) {
            let known: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
            return Err(Diagnostic::new(rel, format!("the file name says the language is `{last}`, but site.yaml does not list that language")).hint(format!(
                "Add {last} to `languages` in site.yaml, or rename the file. The site's languages are: {}. A dot in a name marks a language, so use - instead (like {}).",
                known.join(", "),
                parts.join("-"),
            )));
        }
    }
    if parts.len() > 1 && parts[parts.len() - 1] == "easy" {
        form = Form::Easy;
        parts.pop();
    }
    let name = parts.join(".");
    if name.is_empty() {
        return Err(Diagnostic::new(rel, "this file name has no page name before the suffixes").hint("Name the file like page.easy.cy.md."));
    }
    let page = match dir {
        Some(d) => format!("{d}/{name}"),
        None => name,
    };
    Ok(VariantKey { page, lang, form })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn config() -> Config {
        Config::parse(Path::new("."), "languages: [en, cy, ur]\n").unwrap()
    }

    fn key(s: &str) -> (String, String, Form) {
        let k = parse_file_name(s, &config()).unwrap();
        (k.page, k.lang, k.form)
    }

    #[test]
    fn names() {
        assert_eq!(key("help/x.md"), ("help/x".into(), "en".into(), Form::Standard));
        assert_eq!(key("help/x.easy.md"), ("help/x".into(), "en".into(), Form::Easy));
        assert_eq!(key("help/x.cy.md"), ("help/x".into(), "cy".into(), Form::Standard));
        assert_eq!(key("help/x.easy.ur.md"), ("help/x".into(), "ur".into(), Form::Easy));
        assert_eq!(key("_index.cy.md"), ("_index".into(), "cy".into(), Form::Standard));
        assert_eq!(key("guide.final.md"), ("guide.final".into(), "en".into(), Form::Standard));
    }

    #[test]
    fn unknown_language_suffix_is_an_error() {
        let d = parse_file_name("help/x.fr.md", &config()).unwrap_err();
        assert_eq!(d.file, "content/help/x.fr.md");
        assert!(d.message.contains("`fr`"));
    }
}
