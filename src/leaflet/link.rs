//! The link from a page to its leaflet: "Download this leaflet (PDF, 2 pages, 84 KB)".
//!
//! The page is written before its leaflet is typeset, so its template writes the link's words
//! without the page count and size, between two marks of Unicode's private use area.
//! Once the leaflet exists, [`fill`] puts in the words with its facts; in `serve`, before the
//! leaflet is asked for, the words stay as they were and only the marks go. When a build could
//! not make the leaflet, [`remove`] takes the link out.

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

/// The page `html` without its leaflet link, for a leaflet that was not made: no reader
/// should follow a link to a file that is not there. What goes is the `<a>` element around
/// the marked words, and each element around it that holds nothing else (the theme's
/// `<p class="leaflet">`), but never `<main>` or `<body>`. Where the words are not inside a
/// link, only they go. A page without marks is returned as it is.
pub fn remove(html: &str) -> String {
    let Some(open) = html.find(OPEN) else { return html.to_string() };
    let Some(close) = html[open..].find(CLOSE).map(|at| open + at + CLOSE.len_utf8()) else { return html.to_string() };
    let (mut start, mut end) = (open, close);
    let link = html[..open].rfind("<a").filter(|&a| starts_tag(&html[a..], "a") && !html[a..open].contains("</a>"));
    if let (Some(a), Some(a_end)) = (link, html[close..].find("</a>")) {
        (start, end) = (a, close + a_end + "</a>".len());
        while let Some((wrapper_start, wrapper_end)) = empty_wrapper(html, start, end) {
            (start, end) = (wrapper_start, wrapper_end);
        }
    }
    format!("{}{}", &html[..start], &html[end..])
}

/// Whether `html` starts with the start tag of the element `name`.
fn starts_tag(html: &str, name: &str) -> bool {
    let rest = html.strip_prefix('<').unwrap_or_default();
    rest.get(..name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name)) && rest[name.len()..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace())
}

/// The element around `html[start..end]` when that is all it holds (but white space), as
/// the start and end of the whole element. Its end tag may be left out, as the minifier does
/// where HTML allows: `<p class=leaflet><a …>…</a></main>`.
fn empty_wrapper(html: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let before = html[..start].trim_end_matches(|c: char| c.is_ascii_whitespace());
    let tag_start = before.strip_suffix('>').and_then(|b| b.rfind('<'))?;
    let name: String = html[tag_start + 1..].chars().take_while(char::is_ascii_alphanumeric).collect();
    if name.is_empty() || ["main", "body", "html"].iter().any(|n| n.eq_ignore_ascii_case(&name)) {
        return None;
    }
    let gap = html[end..].len() - html[end..].trim_start_matches(|c: char| c.is_ascii_whitespace()).len();
    let after = &html[end + gap..];
    let end_tag = format!("</{name}>");
    if after.get(..end_tag.len()).is_some_and(|t| t.eq_ignore_ascii_case(&end_tag)) {
        return Some((tag_start, end + gap + end_tag.len()));
    }
    // A paragraph or list item whose end tag was left out ends where its parent ends or the
    // next block begins.
    let implied_end = after.is_empty() || after.starts_with("</") || PARAGRAPH_CLOSERS.iter().any(|n| starts_tag(after, n));
    (["p", "li"].iter().any(|n| n.eq_ignore_ascii_case(&name)) && implied_end).then_some((tag_start, end))
}

/// The elements whose start tag ends a paragraph left open (the HTML standard, "optional tags").
const PARAGRAPH_CLOSERS: [&str; 29] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "ul",
];

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
    fn a_link_to_a_leaflet_not_made_goes_with_its_empty_wrappers() {
        let marked = format!("<a class=leaflet__link href=/x.pdf type=application/pdf>{OPEN}Download (PDF){CLOSE}</a>");
        // As rendered, as minified (no `</p>`), and with a wrapper that holds more.
        assert_eq!(remove(&format!("<main><p>Text.</p>\n<p class=\"leaflet\"> {marked}\n</p>\n</main>")), "<main><p>Text.</p>\n\n</main>");
        assert_eq!(remove(&format!("<main><p>Text.<p class=leaflet>{marked}</main><footer>")), "<main><p>Text.</main><footer>");
        assert_eq!(remove(&format!("<main><p class=leaflet>{marked}<div>after</div>")), "<main><div>after</div>");
        assert_eq!(remove(&format!("<main><p>See {marked}.</p></main>")), "<main><p>See .</p></main>");
        // `<main>` stays, and a `<p>` followed by inline content is not empty.
        assert_eq!(remove(&format!("<main>{marked}</main>")), "<main></main>");
        assert_eq!(remove(&format!("<p>{marked}<span>more</span>")), "<p><span>more</span>");
        // Words outside a link, or after a link that is closed, go alone.
        assert_eq!(remove(&format!("<p><a href=/>Home</a> {OPEN}Download{CLOSE}</p>")), "<p><a href=/>Home</a> </p>");
        assert_eq!(remove("<p>no link</p>"), "<p>no link</p>");
        // `<abbr>` is not `<a>`.
        assert_eq!(remove(&format!("<abbr>{OPEN}x{CLOSE}</abbr>")), "<abbr></abbr>");
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
