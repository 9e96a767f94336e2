//! Stage 5: markdown to HTML.
//!
//! We walk pulldown-cmark's events ourselves rather than use its HTML writer, because the
//! output must carry things its writer cannot: the source line of every block (for findings
//! that point at the markdown), unique heading ids, Easy-read picture rows, footnotes with
//! page-unique ids and readable names, and links rewritten to the reader's language and form.

pub mod bidi;
pub mod glossary;
mod heading_attrs;
mod href;
mod raw_html;
mod render;
pub mod sanitise;
pub mod slug;

use crate::variant::Form;

pub use render::render;

/// Where a relative link or image in markdown leads, decided by the site (which knows the
/// pages, variants and assets).
pub trait Resolver {
    /// The URL for a link destination as written, or why it is broken.
    fn link(&self, dest: &str) -> Result<String, Unresolved>;
    /// The URL for an image source as written, or why it is broken.
    fn image(&self, src: &str) -> Result<String, Unresolved>;
    /// A UI string in the page's language (footnote and task-list labels).
    fn label(&self, id: &str, number: Option<usize>) -> String;
}

/// Why a link or picture leads nowhere.
#[derive(Debug)]
pub struct Unresolved {
    /// In plain words: "there is no file content/pictures/phne.svg".
    pub why: String,
    /// A file that exists and is spelled nearly the same, written as the editor would link it.
    pub near: Option<String>,
}

impl From<String> for Unresolved {
    fn from(why: String) -> Self {
        Unresolved { why, near: None }
    }
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
    /// The content's script runs right to left: numbers are isolated left to right
    /// (see [`bidi`]).
    pub rtl: bool,
}

/// A problem found while rendering, with its source line.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The rule (`LINK-BROKEN` or `HTML-SANITISED`).
    pub rule: &'static crate::rules::Rule,
    /// 1-based line in the file.
    pub line: usize,
    /// Plain-words message.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// For a LINK-BROKEN: the address as it is written into the page (percent-encoded), so
    /// that the site-wide link check, which reads the page, does not report it a second time.
    pub dest: Option<String>,
}

/// The HTML of a page body.
#[derive(Debug, Default)]
pub struct Rendered {
    /// HTML with `data-cl-line` attributes on blocks, images and links (see [`crate::line_marker`]).
    pub html: String,
    /// Broken links and removed raw HTML.
    pub problems: Vec<Problem>,
    /// Set when the body nests deeper than [`crate::limits::MAX_DEPTH`]: `html` is then empty,
    /// and the page cannot be published.
    pub too_deep: Option<crate::limits::TooDeep>,
}

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
