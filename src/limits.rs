//! Limits that keep every build within its stack and its time: how deeply a page may nest.
//!
//! Quotes, lists and HTML elements inside each other make a tree as deep as the nesting. The
//! minifier and the checks walk that tree recursively, and the HTML parser scans its stack of
//! open elements for each new tag, so a page nested 100,000 deep overflowed the stack and one
//! 50,000 deep took minutes. Browsers limit this too (Chrome's parser stops nesting at 512).
//! Here a page body deeper than [`MAX_DEPTH`] is refused with the line where it gets too deep.
//!
//! The depth is measured by html5ever's tree builder (the parser the checks use), so it is the
//! depth browsers see: `<p>` closing an open `<p>`, misnested tags and the like count as they
//! really nest. The parse stops as soon as an element is too deep, so measuring is linear.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, LocalName, ParseOpts, QualName, ns};

use crate::error::Diagnostic;

/// How many elements may be nested inside each other on a page, counting from `<html>`.
/// Markdown lists take two levels each (the list and its item), quotes one.
pub const MAX_DEPTH: usize = 256;

/// The stack of each thread that renders or checks pages. The minifier and the checks recurse
/// once per level of nesting; at [`MAX_DEPTH`] they need less than 1 MiB (measured), so 16 MiB
/// leaves room for templates that nest further.
pub const STACK_SIZE: usize = 16 << 20;

/// Input fed to the parser at once: the parse stops within one chunk of the limit.
const CHUNK: usize = 8 * 1024;

/// Where a page first nests deeper than [`MAX_DEPTH`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooDeep {
    /// The markdown line of the too-deep element (its own or its nearest ancestor's
    /// `data-cl-line`), when it came from markdown.
    pub source_line: Option<usize>,
    /// The line of the HTML on which the too-deep element starts.
    pub html_line: usize,
}

impl TooDeep {
    fn hint() -> String {
        format!(
            "Screen readers and browsers cannot follow so many levels. Nest at most {MAX_DEPTH} levels: end quotes and lists sooner, close each HTML tag you open (a <div> with </div>), or split the text under headings."
        )
    }
}

/// The input error for a markdown page whose body nests too deeply.
pub fn too_deep_in_markdown(file: &str, deep: TooDeep) -> Diagnostic {
    let d = Diagnostic::new(file, format!("quotes, lists or HTML elements are nested inside each other more than {MAX_DEPTH} levels deep here")).hint(TooDeep::hint());
    match deep.source_line {
        Some(line) => d.at_line(line),
        None => d,
    }
}

/// The input error for an HTML file (`clearleaf audit`) that nests too deeply.
pub fn too_deep_in_html(file: &str, deep: TooDeep) -> Diagnostic {
    Diagnostic::new(file, format!("HTML elements are nested inside each other more than {MAX_DEPTH} levels deep here")).at_line(deep.html_line).hint(TooDeep::hint())
}

/// Whether `html`, parsed as a whole document, nests deeper than [`MAX_DEPTH`].
pub fn check_document(html: &str) -> Result<(), TooDeep> {
    measure(html, html5ever::parse_document(DepthSink::default(), ParseOpts::default()))
}

/// Whether `html`, parsed as the contents of a `<div>` (as a page body is), nests deeper than
/// [`MAX_DEPTH`].
pub fn check_fragment(html: &str) -> Result<(), TooDeep> {
    let context = QualName::new(None, ns!(html), LocalName::from("div"));
    measure(html, html5ever::parse_fragment(DepthSink::default(), ParseOpts::default(), context, Vec::new(), false))
}

fn measure(html: &str, mut parser: html5ever::Parser<DepthSink>) -> Result<(), TooDeep> {
    let mut rest = html;
    while !rest.is_empty() {
        let mut end = rest.len().min(CHUNK);
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(&rest[..end]));
        rest = &rest[end..];
        if let Some(deep) = parser.tokenizer.sink.sink.too_deep.get() {
            return Err(deep);
        }
    }
    parser.finish()
}

/// One node of the tree being built: only what depth needs.
struct Node {
    /// The element's name (the tree builder asks for it); `None` for other nodes.
    name: Option<QualName>,
    parent: Option<usize>,
    /// Depth when last attached; exact for a new element, which is the common case.
    depth: usize,
    /// Its `data-cl-line`.
    source_line: Option<usize>,
    html_line: usize,
    /// A `<template>`'s contents (a node of their own, counted inside the template).
    contents: Option<usize>,
    /// Children as attached; a child that moved away is left in the list and skipped.
    children: Vec<usize>,
}

/// A tree sink that builds no document, only parents and depths. Node 0 is the document.
struct DepthSink {
    nodes: RefCell<Vec<Node>>,
    line: Cell<u64>,
    too_deep: Cell<Option<TooDeep>>,
}

impl Default for DepthSink {
    fn default() -> Self {
        let document = Node { name: None, parent: None, depth: 0, source_line: None, html_line: 1, contents: None, children: Vec::new() };
        DepthSink { nodes: RefCell::new(vec![document]), line: Cell::new(1), too_deep: Cell::new(None) }
    }
}

impl DepthSink {
    fn new_node(&self, name: Option<QualName>, source_line: Option<usize>) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node { name, parent: None, depth: 0, source_line, html_line: self.line.get() as usize, contents: None, children: Vec::new() });
        nodes.len() - 1
    }

    fn attach(&self, parent: Option<usize>, child: usize) {
        let mut nodes = self.nodes.borrow_mut();
        nodes[child].parent = parent;
        let depth = parent.map_or(0, |p| nodes[p].depth + 1);
        nodes[child].depth = depth;
        if let Some(contents) = nodes[child].contents {
            nodes[contents].depth = depth + 1;
        }
        if let Some(p) = parent {
            nodes[p].children.push(child);
        }
        if depth > MAX_DEPTH && nodes[child].name.is_some() && self.too_deep.get().is_none() {
            self.too_deep.set(Some(where_deep(&nodes, child)));
        }
    }

    /// The exact depth of every node, once the tree is complete (a misnested tag may have
    /// moved a subtree after its elements were attached).
    fn deepest(&self) -> Option<TooDeep> {
        let nodes = self.nodes.borrow();
        let mut depth = vec![usize::MAX; nodes.len()];
        depth[0] = 0;
        let mut chain = Vec::new();
        for start in 0..nodes.len() {
            let mut n = start;
            while depth[n] == usize::MAX {
                chain.push(n);
                match nodes[n].parent {
                    Some(p) => n = p,
                    // Detached: counted from where it would have hung.
                    None => {
                        depth[n] = 0;
                        chain.pop();
                        break;
                    }
                }
            }
            let mut d = depth[n];
            while let Some(c) = chain.pop() {
                d += 1;
                depth[c] = d;
            }
            if depth[start] > MAX_DEPTH && nodes[start].name.is_some() {
                return Some(where_deep(&nodes, start));
            }
        }
        None
    }
}

/// The lines to report for a too-deep element.
fn where_deep(nodes: &[Node], node: usize) -> TooDeep {
    let mut source_line = None;
    let mut n = Some(node);
    while let Some(i) = n {
        if let Some(l) = nodes[i].source_line {
            source_line = Some(l);
            break;
        }
        n = nodes[i].parent;
    }
    TooDeep { source_line, html_line: nodes[node].html_line }
}

impl TreeSink for DepthSink {
    type Handle = usize;
    type Output = Result<(), TooDeep>;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self::Output {
        match self.too_deep.get().or_else(|| self.deepest()) {
            Some(deep) => Err(deep),
            None => Ok(()),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| nodes[*target].name.as_ref().expect("the tree builder asks only elements for their names"))
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let source_line = attrs.iter().find(|a| &*a.name.local == crate::line_marker::LINE_ATTR).and_then(|a| a.value.trim().parse().ok());
        let el = self.new_node(Some(name), source_line);
        if flags.template {
            let contents = self.new_node(None, None);
            self.attach(Some(el), contents);
            self.nodes.borrow_mut()[el].contents = Some(contents);
        }
        el
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.new_node(None, None)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.new_node(None, None)
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        if let NodeOrText::AppendNode(c) = child {
            self.attach(Some(*parent), c);
        }
    }

    fn append_based_on_parent_node(&self, element: &usize, prev_element: &usize, child: NodeOrText<usize>) {
        let has_parent = self.nodes.borrow()[*element].parent.is_some();
        if has_parent { self.append_before_sibling(element, child) } else { self.append(prev_element, child) }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        self.nodes.borrow()[*target].contents.expect("the tree builder asks only templates for their contents")
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        if let NodeOrText::AppendNode(n) = new_node {
            let parent = self.nodes.borrow()[*sibling].parent;
            self.attach(parent, n);
        }
    }

    fn add_attrs_if_missing(&self, _target: &usize, _attrs: Vec<Attribute>) {}

    fn remove_from_parent(&self, target: &usize) {
        self.nodes.borrow_mut()[*target].parent = None;
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let children = std::mem::take(&mut self.nodes.borrow_mut()[*node].children);
        for c in children {
            if self.nodes.borrow()[c].parent == Some(*node) {
                self.attach(Some(*new_parent), c);
            }
        }
    }

    fn set_current_line(&self, line: u64) {
        self.line.set(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(tag: &str, n: usize) -> String {
        format!("{}x{}", format!("<{tag}>").repeat(n), format!("</{tag}>").repeat(n))
    }

    #[test]
    fn a_body_within_the_limit_passes() {
        // The fragment's own <html> is level 1.
        assert_eq!(check_fragment(&nested("div", MAX_DEPTH - 1)), Ok(()));
        assert_eq!(check_fragment("<p>a<p>b<ul><li>c<li>d</ul>"), Ok(()));
    }

    #[test]
    fn one_level_more_is_too_deep() {
        assert_eq!(check_fragment(&nested("div", MAX_DEPTH)), Err(TooDeep { source_line: None, html_line: 1 }));
    }

    #[test]
    fn the_report_names_the_markdown_line_of_the_too_deep_element() {
        let mut html = String::new();
        for i in 0..MAX_DEPTH + 10 {
            html.push_str(&format!("<blockquote data-cl-line=\"{}\">\n", i + 5));
        }
        assert_eq!(check_fragment(&html), Err(TooDeep { source_line: Some(MAX_DEPTH + 4), html_line: MAX_DEPTH }));
    }

    #[test]
    fn depth_is_what_the_parser_builds_not_the_count_of_tags() {
        // Unclosed paragraphs and list items close each other: 10,000 tags, depth 3.
        assert_eq!(check_fragment(&"<p>a".repeat(10_000)), Ok(()));
        assert_eq!(check_fragment(&format!("<ul>{}</ul>", "<li>a".repeat(10_000))), Ok(()));
        // Stray end tags do not make room for more nesting.
        assert!(check_fragment(&format!("{}{}", "</div>".repeat(1000), nested("div", MAX_DEPTH))).is_err());
    }

    #[test]
    fn misnested_formatting_tags_are_measured_after_the_parser_moves_them() {
        // The adoption agency moves <div> subtrees under clones of <b>: the depth that counts
        // is the one after the moves.
        let html = format!("{}{}", "<b><div>".repeat(MAX_DEPTH / 2 + 1), "x</b>".repeat(MAX_DEPTH / 2 + 1));
        assert!(check_fragment(&html).is_err());
    }

    #[test]
    fn template_contents_count() {
        let html = format!("<template>{}</template>", nested("div", MAX_DEPTH));
        assert!(check_fragment(&html).is_err());
    }

    #[test]
    fn documents_count_from_html() {
        let body = nested("div", MAX_DEPTH - 2);
        assert_eq!(check_document(&format!("<!doctype html><title>t</title>{body}")), Ok(()));
        let body = nested("div", MAX_DEPTH - 1);
        assert!(check_document(&format!("<!doctype html><title>t</title>{body}")).is_err());
    }

    #[test]
    fn measuring_stops_at_the_limit() {
        // 100,000 levels: measured without building 100,000 levels (this took minutes when
        // the parser's scope checks scanned the whole stack of open elements).
        let deep = nested("div", 100_000);
        assert_eq!(check_fragment(&deep).unwrap_err().html_line, 1);
    }
}
