//! Stage 5: markdown to HTML.
//!
//! We walk pulldown-cmark's events ourselves rather than use its HTML writer, because the
//! output must carry things its writer cannot: the source line of every block (for findings
//! that point at the markdown), unique heading ids, Easy-read picture rows, footnotes with
//! page-unique ids and readable names, and links rewritten to the reader's language and form.

mod render;
pub mod sanitise;
pub mod slug;

use crate::finding::Form;

pub use render::render;

/// Where a relative link or image in markdown leads, decided by the site (which knows the
/// pages, variants and assets).
pub trait Resolver {
    /// The URL for a link destination as written, or why it is broken.
    fn link(&self, dest: &str) -> Result<String, String>;
    /// The URL for an image source as written, or why it is broken.
    fn image(&self, src: &str) -> Result<String, String>;
    /// A UI string in the page's language (footnote and task-list labels).
    fn label(&self, id: &str, number: Option<usize>) -> String;
}

/// What to render.
pub struct Input<'a> {
    /// The markdown body.
    pub body: &'a str,
    /// 1-based line of the file on which `body` starts.
    pub first_line: usize,
    /// Site-relative file, for findings.
    pub file: &'a str,
    /// Easy-read pages get picture rows.
    pub form: Form,
}

/// A problem found while rendering, with its source line.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Rule ID (`LINK-BROKEN` or `HTML-SANITISED`).
    pub rule: &'static str,
    /// 1-based line in the file.
    pub line: usize,
    /// Plain-words message.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// The HTML of a page body.
#[derive(Debug, Default)]
pub struct Rendered {
    /// HTML with `data-cl-line` attributes on blocks, images and links (see [`LINE_ATTR`]).
    pub html: String,
    /// Broken links and removed raw HTML.
    pub problems: Vec<Problem>,
    /// Set when the body nests deeper than [`crate::limits::MAX_DEPTH`]: `html` is then empty,
    /// and the page cannot be published.
    pub too_deep: Option<crate::limits::TooDeep>,
}

/// The attribute carrying source lines through templates and minification to the checks; it is
/// removed before files are written.
pub const LINE_ATTR: &str = "data-cl-line";

/// pulldown-cmark options: SPEC §4.
pub fn options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options as O;
    O::ENABLE_TABLES | O::ENABLE_FOOTNOTES | O::ENABLE_STRIKETHROUGH | O::ENABLE_TASKLISTS | O::ENABLE_HEADING_ATTRIBUTES | O::ENABLE_SMART_PUNCTUATION
}

/// Escapes text for HTML content.
pub fn escape_text(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// Escapes text for a double-quoted HTML attribute value.
pub fn escape_attr(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// Removes every `data-cl-line` attribute from HTML (inside tags only, so that text which happens
/// to mention it is kept).
pub fn strip_line_attrs(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    let mut in_tag = false;
    let mut quote: Option<u8> = None;
    let mut last = 0;
    let needle = b"data-cl-line=";
    while i < bytes.len() {
        let b = bytes[i];
        if in_tag {
            match quote {
                Some(q) if b == q => quote = None,
                Some(_) => {}
                None if b == b'"' || b == b'\'' => quote = Some(b),
                None if b == b'>' => in_tag = false,
                // After a space, or right after a quoted value (`alt="x"data-cl-line=3`), as
                // minifiers write it; the space goes too.
                None if bytes[i..].starts_with(needle) && matches!(bytes[i - 1], b' ' | b'"' | b'\'') => {
                    let start = if bytes[i - 1] == b' ' { i - 1 } else { i };
                    out.push_str(&html[last..start.max(last)]);
                    let mut j = i + needle.len();
                    if j < bytes.len() && (bytes[j] == b'"' || bytes[j] == b'\'') {
                        let q = bytes[j];
                        j += 1;
                        while j < bytes.len() && bytes[j] != q {
                            j += 1;
                        }
                        j += 1;
                    } else {
                        while j < bytes.len() && bytes[j].is_ascii_digit() {
                            j += 1;
                        }
                    }
                    last = j;
                    i = j;
                    continue;
                }
                None => {}
            }
        } else if b == b'<' && bytes.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()) {
            in_tag = true;
        }
        i += 1;
    }
    out.push_str(&html[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_only_inside_tags() {
        let html = r#"<p data-cl-line="3">a data-cl-line=4 b</p><img data-cl-line=7 alt="x data-cl-line=1"><br><img alt="y"data-cl-line=8 src=a.png>"#;
        assert_eq!(strip_line_attrs(html), r#"<p>a data-cl-line=4 b</p><img alt="x data-cl-line=1"><br><img alt="y" src=a.png>"#);
    }
}
