//! The words of a page, as readers meet them: the text of `<main>` in the final HTML, in
//! blocks. Each heading, list item, table cell, caption, term, definition and paragraph (or
//! picture row's words) is one block, and the end of a block ends a sentence.
//!
//! Left out: code and `pre`, scripts and styles, hidden elements, pictures (their alt text is
//! checked by the accessibility rules), footnote reference marks, and the theme's own parts
//! inside `<main>` (the link to the other form, notices, review dates, the list of pages in a
//! section, and the "Words we use" section that clearleaf adds from the glossary).

use std::ops::Range;

use ego_tree::NodeId;
use scraper::{ElementRef, Node};

use crate::checks::a11y::{Doc, source_line};

/// What kind of block a piece of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The page's `<h1>`: its title, from the front matter.
    Title,
    /// `h2`–`h6`, `summary`.
    Heading,
    /// A paragraph, or text directly inside a container such as a `div` or `blockquote`.
    Paragraph,
    /// The words of a picture row (Easy read).
    Row,
    /// A list item.
    Item,
    /// A table cell.
    Cell,
    /// A table or figure caption, a legend.
    Caption,
    /// A term (`dt`).
    Term,
    /// A definition (`dd`).
    Definition,
}

impl Kind {
    /// A paragraph-like block: ER-PARAGRAPH counts its sentences.
    pub fn is_paragraph(self) -> bool {
        matches!(self, Kind::Paragraph | Kind::Row | Kind::Item | Kind::Definition)
    }
}

/// Why a part of a block's text is already explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Explained {
    /// A link to the page's "Words we use" section (`a.glossary-term`).
    Glossary,
    /// `<abbr title="…">`.
    Abbr(String),
}

/// One block of text.
#[derive(Clone, Debug)]
pub struct Block {
    /// What it is.
    pub kind: Kind,
    /// The element it came from.
    pub node: NodeId,
    /// The markdown line (from `data-cl-line`), when the block came from markdown.
    pub line: Option<usize>,
    /// Its text, whitespace collapsed to single spaces.
    pub text: String,
    /// Explained parts of `text` (byte ranges).
    pub explained: Vec<(Range<usize>, Explained)>,
}

/// Elements whose text is never read as content.
const SKIP: &[&str] =
    &["pre", "code", "kbd", "samp", "script", "style", "template", "noscript", "svg", "math", "img", "picture", "video", "audio", "iframe", "object", "button", "select", "textarea", "input"];
/// Classes of the theme's own parts and of marks that are not words.
const SKIP_CLASSES: &[&str] = &["other-form", "notice", "page-dates", "leaflet", "child-list", "words-we-use", "footnote-ref", "footnote-back", "task"];

fn block_kind(el: &ElementRef<'_>) -> Option<Kind> {
    let e = el.value();
    Some(match e.name() {
        "h1" => Kind::Title,
        "h2" | "h3" | "h4" | "h5" | "h6" | "summary" => Kind::Heading,
        "p" if e.has_class("picture-row__text", scraper::CaseSensitivity::CaseSensitive) => Kind::Row,
        "div" if e.has_class("picture-row__text", scraper::CaseSensitivity::CaseSensitive) => Kind::Row,
        "p" => Kind::Paragraph,
        "li" => Kind::Item,
        "td" | "th" => Kind::Cell,
        "caption" | "figcaption" | "legend" => Kind::Caption,
        "dt" => Kind::Term,
        "dd" => Kind::Definition,
        _ => return None,
    })
}

/// The text blocks of the page's `<main>` (none if it has no `<main>`).
pub fn blocks(doc: &Doc) -> Vec<Block> {
    let mut out = Vec::new();
    if let Some(main) = doc.elements().find(|e| e.value().name() == "main") {
        let mut w = Walker { doc, out: &mut out, cur: None };
        w.walk(main, (Kind::Paragraph, main.id()));
        w.flush();
    }
    out
}

struct Builder {
    kind: Kind,
    node: NodeId,
    text: String,
    explained: Vec<(Range<usize>, Explained)>,
}

struct Walker<'a, 'd> {
    doc: &'d Doc,
    out: &'a mut Vec<Block>,
    cur: Option<Builder>,
}

impl Walker<'_, '_> {
    fn skip(&self, el: &ElementRef<'_>) -> bool {
        let e = el.value();
        SKIP.contains(&e.name()) || self.doc.is_hidden(el) || e.classes().any(|c| SKIP_CLASSES.contains(&c)) || e.id() == Some("footnotes-heading")
    }

    fn flush(&mut self) {
        if let Some(b) = self.cur.take() {
            let text = b.text.trim_end().to_string();
            if text.chars().any(char::is_alphanumeric) {
                let line = self.doc.html.tree.get(b.node).and_then(|_| source_line(self.doc, b.node));
                let explained = b.explained.into_iter().map(|(r, e)| (r.start.min(text.len())..r.end.min(text.len()), e)).collect();
                self.out.push(Block { kind: b.kind, node: b.node, line, text, explained });
            }
        }
    }

    fn push_text(&mut self, s: &str, owner: (Kind, NodeId)) {
        if self.cur.is_none() {
            if s.trim().is_empty() {
                return;
            }
            self.cur = Some(Builder { kind: owner.0, node: owner.1, text: String::new(), explained: Vec::new() });
        }
        let b = self.cur.as_mut().expect("a block");
        // Words are copied whole, not a character at a time: this copies all the text of every page.
        for (k, word) in s.split(char::is_whitespace).enumerate() {
            if k > 0 && !b.text.is_empty() && !b.text.ends_with(' ') {
                b.text.push(' ');
            }
            b.text.push_str(word);
        }
    }

    fn walk(&mut self, el: ElementRef<'_>, owner: (Kind, NodeId)) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.push_text(t, owner),
                Node::Element(_) => {
                    let c = ElementRef::wrap(child).expect("element");
                    if self.skip(&c) {
                        // A skipped element still separates the words around it.
                        self.push_text(" ", owner);
                        continue;
                    }
                    if let Some(kind) = block_kind(&c) {
                        self.flush();
                        self.walk(c, (kind, c.id()));
                        self.flush();
                        continue;
                    }
                    match c.value().name() {
                        "br" | "hr" | "wbr" => self.push_text(" ", owner),
                        "div" | "section" | "article" | "aside" | "blockquote" | "figure" | "ul" | "ol" | "dl" | "table" | "thead" | "tbody" | "tfoot" | "tr" | "details" | "header" | "footer"
                        | "nav" | "form" | "fieldset" | "address" | "hgroup" | "search" => {
                            // A container: text directly inside it is a paragraph of its own.
                            self.flush();
                            self.walk(c, (Kind::Paragraph, c.id()));
                            self.flush();
                        }
                        name => {
                            let explained = if name == "a" && c.value().has_class("glossary-term", scraper::CaseSensitivity::CaseSensitive) {
                                Some(Explained::Glossary)
                            } else if name == "abbr" {
                                c.value().attr("title").map(str::trim).filter(|t| !t.is_empty()).map(|t| Explained::Abbr(t.to_string()))
                            } else {
                                None
                            };
                            let start = self.cur.as_ref().map_or(0, |b| b.text.len());
                            self.walk(c, owner);
                            if let (Some(e), Some(b)) = (explained, self.cur.as_mut()) {
                                let s = start.min(b.text.len());
                                let s = s + (b.text.len() - s - b.text[s..].trim_start().len());
                                b.explained.push((s..b.text.trim_end().len().max(s), e));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<(Kind, String, Option<usize>)> {
        let doc = Doc::parse(html);
        blocks(&doc).into_iter().map(|b| (b.kind, b.text, b.line)).collect()
    }

    #[test]
    fn blocks_of_main_only_with_lines() {
        let html = r##"<header><p>Site</p></header><main><h1>Title</h1><p class="other-form"><a href="/e/">Easy read</a></p>
<div class="content"><h2 id="a" data-cl-line="5">When to <em>call</em></h2><p data-cl-line="7">Call 111.
It is free.</p><pre data-cl-line="9"><code>x = 1</code></pre>
<div class="picture-row" data-cl-line="11"><img alt="A phone" src="p.svg" class="picture-row__picture"><p class="picture-row__text">Use your phone.</p></div>
<ul data-cl-line="13"><li data-cl-line="13">One<ul><li data-cl-line="14">Two</li></ul></li></ul>
<p data-cl-line="16" hidden>Hidden</p><p data-cl-line="17">Ask your <abbr title="general practitioner">GP</abbr> or see <a class="glossary-term" href="#words-we-use-crisis">crisis</a> help.</p></div>
<section class="words-we-use"><h2>Words we use</h2></section><p class="page-dates">Reviewed</p></main><footer>Foot</footer>"##;
        let got = texts(html);
        assert_eq!(
            got,
            [
                (Kind::Title, "Title".to_string(), None),
                (Kind::Heading, "When to call".to_string(), Some(5)),
                (Kind::Paragraph, "Call 111. It is free.".to_string(), Some(7)),
                (Kind::Row, "Use your phone.".to_string(), Some(11)),
                (Kind::Item, "One".to_string(), Some(13)),
                (Kind::Item, "Two".to_string(), Some(14)),
                (Kind::Paragraph, "Ask your GP or see crisis help.".to_string(), Some(17)),
            ]
        );
        let doc = Doc::parse(html);
        let last = blocks(&doc).pop().unwrap();
        let spans: Vec<(&str, &Explained)> = last.explained.iter().map(|(r, e)| (&last.text[r.clone()], e)).collect();
        assert_eq!(spans, [("GP", &Explained::Abbr("general practitioner".into())), ("crisis", &Explained::Glossary)]);
    }
}
