//! The link from a page to its leaflet: "Download this leaflet (PDF, 2 pages, 84 KB)".
//!
//! The page is written before its leaflet is typeset, so its template writes the link's words
//! without the page count and size, between two marks of Unicode's private use area.
//! Once the leaflet exists, [`fill`] puts in the words with its facts; wherever it does not
//! (`serve` before the leaflet is asked for, or a leaflet that could not be typeset), the words
//! stay as they were and only the marks go.

use fluent::FluentArgs;

use crate::i18n::Locales;
use crate::markdown::escape_text;

/// Before and after the link's words in the page as rendered. An editor who types them gets
/// only the leaflet link's words in their place, as text.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// What the link says of a typeset leaflet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    /// Its printed pages.
    pub pages: usize,
    /// Its size in bytes.
    pub bytes: usize,
}

/// The link's words for the page as rendered: without facts, between the marks.
pub fn marked_words(locales: &Locales, lang: &str, in_language: Option<&str>) -> String {
    format!("{OPEN}{}{CLOSE}", words(locales, lang, in_language, None))
}

/// "Download this leaflet (PDF, 2 pages, 84 KB)", or "Download this leaflet in English (PDF, …)"
/// for a page shown in another language, in the reader's language `lang`.
pub fn words(locales: &Locales, lang: &str, in_language: Option<&str>, facts: Option<Facts>) -> String {
    let mut args = FluentArgs::new();
    if let Some(language) = in_language {
        args.set("language", language.to_string());
    }
    let id = match (in_language, facts) {
        (None, None) => "print-download",
        (Some(_), None) => "print-download-in",
        (None, Some(_)) => "print-download-facts",
        (Some(_), Some(_)) => "print-download-in-facts",
    };
    if let Some(f) = facts {
        args.set("pages", f.pages);
        // Kilobytes of 1,000 bytes, rounded up, so that a small leaflet is never "0 KB".
        args.set("kb", f.bytes.div_ceil(1000));
    }
    locales.text(lang, id, Some(&args)).unwrap_or_else(|| id.to_string())
}

/// The page `html` with its leaflet link's marked words replaced by `words` (escaped), or with
/// the marks taken out when `words` is `None`. A page without marks is returned as it is.
pub fn fill(html: &str, words: Option<&str>) -> String {
    let mut out = String::with_capacity(html.len() + 32);
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        let Some(len) = rest[start..].find(CLOSE) else { break };
        out.push_str(&rest[..start]);
        match words {
            Some(w) => escape_text(w, &mut out),
            None => out.push_str(&rest[start + OPEN.len_utf8()..start + len]),
        }
        rest = &rest[start + len + CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marked_words_are_replaced_escaped_or_unmarked() {
        let page = format!("<p><a href=x.pdf>{OPEN}Download (PDF){CLOSE}</a></p>");
        assert_eq!(fill(&page, Some("Download (PDF, 2 pages, 84 KB) <&>")), "<p><a href=x.pdf>Download (PDF, 2 pages, 84 KB) &lt;&amp;&gt;</a></p>");
        assert_eq!(fill(&page, None), "<p><a href=x.pdf>Download (PDF)</a></p>");
        assert_eq!(fill("<p>no link</p>", Some("x")), "<p>no link</p>");
        // An opening mark without a closing one is left alone.
        assert_eq!(fill(&format!("a{OPEN}b"), Some("x")), format!("a{OPEN}b"));
    }

    #[test]
    fn the_words_count_pages_in_the_readers_language() {
        let config = crate::config::Config::parse(std::path::Path::new("/nonexistent"), "languages: [{code: en}, {code: cy}]\n").unwrap();
        let locales = Locales::load(&config).unwrap();
        let facts = |pages| Some(Facts { pages, bytes: 83_201 });
        assert_eq!(words(&locales, "en", None, facts(1)), "Download this leaflet (PDF, 1 page, 84 KB)");
        assert_eq!(words(&locales, "en", None, facts(3)), "Download this leaflet (PDF, 3 pages, 84 KB)");
        assert_eq!(words(&locales, "en", Some("English"), None), "Download this leaflet in English (PDF)");
        let welsh = words(&locales, "cy", None, facts(2));
        assert!(welsh.contains("2 dudalen"), "{welsh}");
    }
}
