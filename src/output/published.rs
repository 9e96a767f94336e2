//! The HTML a reader gets: the page's parsed tree written out again, without the source-line
//! markers the checks read. Writing from the tree rather than editing text means a marker is
//! removed wherever a browser would see one, whatever the text around it looks like.

use std::io;

use ego_tree::iter::Edge;
use html5ever::serialize::{Serialize, SerializeOpts, Serializer, TraversalScope, serialize};
use scraper::{Html, Node};

use crate::line_marker::LINE_ATTR;

/// The page `html` as text, with every [`LINE_ATTR`] attribute left out.
pub fn serialize_without_markers(html: &Html) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = serialize(&mut out, &WithoutMarkers(html), SerializeOpts { traversal_scope: TraversalScope::ChildrenOnly(None), ..SerializeOpts::default() });
    // The serialiser writes only the tree's own text, which is UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

struct WithoutMarkers<'a>(&'a Html);

impl Serialize for WithoutMarkers<'_> {
    fn serialize<S: Serializer>(&self, s: &mut S, _: TraversalScope) -> io::Result<()> {
        // An explicit walk (not recursion), so a deeply nested page cannot exhaust the stack.
        for edge in self.0.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Doctype(d) => s.write_doctype(d.name())?,
                    Node::Comment(c) => s.write_comment(c)?,
                    Node::Text(t) => s.write_text(t)?,
                    Node::ProcessingInstruction(p) => s.write_processing_instruction(&p.target, &p.data)?,
                    Node::Element(e) => s.start_elem(e.name.clone(), e.attrs.iter().filter(|(name, _)| &*name.local != LINE_ATTR).map(|(name, value)| (name, &value[..])))?,
                    Node::Document | Node::Fragment => {}
                },
                Edge::Close(node) => {
                    if let Node::Element(e) = node.value() {
                        s.end_elem(e.name.clone())?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// What in a written page could run a script or leak clearleaf's internals: `<script>`
/// elements, event attributes (`on…`), script addresses, and `data-cl-` attributes. The built-in
/// theme has none, so for a page clearleaf wrote this is empty; tests and the fuzzer hold every
/// page to that, after minifying, as the last line of defence behind the sanitiser.
pub fn script_risks(page: &str) -> Vec<String> {
    let doc = Html::parse_document(page);
    let mut risks = Vec::new();
    for node in doc.tree.nodes() {
        let Node::Element(e) = node.value() else { continue };
        if matches!(e.name(), "script" | "iframe" | "object" | "embed" | "base") {
            risks.push(format!("a <{}> element", e.name()));
        }
        for (name, value) in e.attrs() {
            let lower = name.to_ascii_lowercase();
            if lower.starts_with("on") || lower.starts_with("data-cl-") || lower == "srcdoc" || lower == "style" && value.to_ascii_lowercase().contains("url(") {
                risks.push(format!("the attribute {name}=\"{value}\" on <{}>", e.name()));
            } else if matches!(lower.as_str(), "href" | "src" | "action" | "formaction" | "xlink:href" | "cite" | "poster" | "srcset") && is_script_address(value) {
                risks.push(format!("the address {name}=\"{value}\" on <{}>", e.name()));
            }
        }
    }
    risks
}

/// An address a browser would run, or open as a document of its own: browsers ignore ASCII
/// whitespace and control characters in a scheme, so `java\tscript:` counts.
fn is_script_address(url: &str) -> bool {
    let scheme: String = url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control()).take(11).collect::<String>().to_ascii_lowercase();
    ["javascript:", "vbscript:", "livescript:", "data:"].iter().any(|s| scheme.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_go_and_everything_else_stays() {
        let page = "<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body><p data-cl-line=\"3\" class=\"x\">a data-cl-line=4 &amp; b</p><img alt=\"x data-cl-line=1\" data-cl-line=\"7\"><script>if (a < b) {}</script></body></html>";
        let out = serialize_without_markers(&Html::parse_document(page));
        assert_eq!(script_risks(&out), ["a <script> element"]);
        assert_eq!(script_risks("<a href=\" Java\tScript:x\">a</a><a href=\"ok: not a scheme\">b</a>").len(), 1);
        assert_eq!(
            out,
            "<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body><p class=\"x\">a data-cl-line=4 &amp; b</p><img alt=\"x data-cl-line=1\"><script>if (a < b) {}</script></body></html>"
        );
    }
}
