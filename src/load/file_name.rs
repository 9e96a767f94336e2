//! `NAME[.easy][.LANG].md`: what a content file's name says about its page, language and form.

use crate::error::Diagnostic;
use crate::language::{Language, looks_like_tag};
use crate::variant::{Form, VariantKey};

/// Reads the page, language and form from `inside` (a path relative to `content/`). The page is
/// named in NFC, whichever way the file system spelled its accents. `languages` are the site's,
/// the default first.
pub fn parse_file_name(inside: &str, languages: &[Language]) -> Result<VariantKey, Diagnostic> {
    let rel = format!("{}/{inside}", super::CONTENT_DIR);
    let inside = &nfc(inside);
    let stem = inside.strip_suffix(".md").unwrap_or(inside);
    let (dir, name) = match stem.rsplit_once('/') {
        Some((d, n)) => (Some(d), n),
        None => (None, stem),
    };
    let mut parts: Vec<&str> = name.split('.').collect();
    let mut lang = languages[0].code.clone();
    let mut form = Form::Standard;
    if parts.len() > 1 {
        let last = parts[parts.len() - 1];
        if languages.iter().any(|l| l.code == last) {
            lang = last.to_string();
            parts.pop();
        } else if last != "easy" && looks_like_tag(last) {
            let known: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
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

/// `name` in Unicode normal form C: `e` + combining acute (as macOS writes file names) becomes
/// `é`, so that a page has one address however its file name was typed.
pub fn nfc(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if unicode_normalization::is_nfc(name) { name.to_string() } else { name.nfc().collect() }
}

/// The first character of a name inside `content/` that cannot be part of a web address, if
/// any: names may hold letters of any script (with their combining marks, such as the virama
/// of Hindi, Bengali and Tamil, or a separate accent), digits, `-`, `_`, `.` and `~`.
pub fn unusable_char(inside: &str) -> Option<char> {
    let mut after_letter = false;
    for c in inside.chars() {
        let mark = unicode_normalization::char::is_combining_mark(c);
        if !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '~' | '/') || (mark && after_letter)) {
            return Some(c);
        }
        after_letter = c.is_alphabetic() || (mark && after_letter);
    }
    None
}

/// The file a variant of a page is written in: `help/x.easy.cy.md` for `help/x` in Welsh, Easy
/// read (the default language needs no suffix).
pub fn variant_file_name(page: &str, lang: &str, form: Form, default_language: &str) -> String {
    let easy = if form == Form::Easy { ".easy" } else { "" };
    let lang = if lang == default_language { String::new() } else { format!(".{lang}") };
    format!("{}/{page}{easy}{lang}.md", super::CONTENT_DIR)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn languages() -> Vec<Language> {
        ["en", "cy", "ur"].map(Language::new).to_vec()
    }

    fn key(s: &str) -> (String, String, Form) {
        let k = parse_file_name(s, &languages()).unwrap();
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
    fn decomposed_names_give_the_composed_page() {
        assert_eq!(key("caf\u{65}\u{301}.md"), ("caf\u{e9}".into(), "en".into(), Form::Standard));
        assert_eq!(key("caf\u{e9}.cy.md").0, "caf\u{e9}");
    }

    #[test]
    fn names_may_hold_combining_marks_after_letters() {
        // Hindi, Bengali and Tamil with a virama (U+094D, U+09CD, U+0BCD), and macOS's `café`.
        for ok in ["स्वास्थ्य.md", "স্বাস্থ্য.md", "மருத்துவம்.md", "cafe\u{301}/x.md", "a\u{301}\u{302}.md"] {
            assert_eq!(unusable_char(ok), None, "{ok}");
        }
        for (bad, c) in [("a b.md", ' '), ("\u{301}x.md", '\u{301}'), ("1\u{301}.md", '\u{301}'), ("x/-\u{301}.md", '\u{301}'), ("faq?.md", '?')] {
            assert_eq!(unusable_char(bad), Some(c), "{bad}");
        }
    }

    #[test]
    fn variant_file_names_read_back_as_the_same_variant() {
        let languages = languages();
        for (page, lang, form) in [("help/x", "en", Form::Easy), ("help/x", "ur", Form::Easy), ("_index", "cy", Form::Standard), ("p", "en", Form::Standard)] {
            let file = variant_file_name(page, lang, form, "en");
            let k = parse_file_name(file.strip_prefix("content/").unwrap(), &languages).unwrap();
            assert_eq!((k.page.as_str(), k.lang.as_str(), k.form), (page, lang, form), "{file}");
        }
        assert_eq!(variant_file_name("p", "en", Form::Easy, "en"), "content/p.easy.md");
    }

    #[test]
    fn unknown_language_suffix_is_an_error() {
        let d = parse_file_name("help/x.fr.md", &languages()).unwrap_err();
        assert_eq!(d.file, "content/help/x.fr.md");
        assert!(d.message.contains("`fr`"));
    }
}
