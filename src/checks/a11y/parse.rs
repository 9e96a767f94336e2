//! The page parse: html5ever's tree builder into scraper's tree, as `Html::parse_document`
//! does, but also noting each element whose start tag repeated an attribute. A parser keeps
//! only the first of the repeats, so the tree alone cannot show the template bug that
//! A11Y-ATTR-DUP (ACT e6952f) is about; the tokenizer flags it while it reads the tag.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use ego_tree::NodeId;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

/// Parses a whole page; also returns the elements written with a repeated attribute.
pub fn parse_document(html: &str) -> (Html, Vec<NodeId>) {
    let sink = Recording { inner: HtmlTreeSink::new(Html::new_document()), repeated: RefCell::default() };
    html5ever::driver::parse_document(sink, Default::default()).one(html)
}

struct Recording {
    inner: HtmlTreeSink,
    repeated: RefCell<Vec<NodeId>>,
}

/// Everything but `create_element` is scraper's own.
impl TreeSink for Recording {
    type Output = (Html, Vec<NodeId>);
    type Handle = NodeId;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self::Output {
        (self.inner.finish(), self.repeated.into_inner())
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let repeated = flags.had_duplicate_attributes;
        let id = self.inner.create_element(name, attrs, flags);
        if repeated {
            self.repeated.borrow_mut().push(id);
        }
        id
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg);
    }
    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.inner.append(parent, child);
    }
    fn append_based_on_parent_node(&self, element: &NodeId, prev_element: &NodeId, child: NodeOrText<NodeId>) {
        self.inner.append_based_on_parent_node(element, prev_element, child);
    }
    fn append_doctype_to_document(&self, name: StrTendril, public_id: StrTendril, system_id: StrTendril) {
        self.inner.append_doctype_to_document(name, public_id, system_id);
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inner.append_before_sibling(sibling, new_node);
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_as_scraper_does_and_notes_repeated_attributes() {
        let page = r#"<p class=a CLASS="b">x</p><!-- <i a a> --><script>var s = "<b c c>";</script><img alt="" src=x>"#;
        let (html, repeated) = parse_document(page);
        assert_eq!(html.html(), Html::parse_document(page).html());
        let names: Vec<_> = repeated.iter().map(|&id| html.tree.get(id).unwrap().value().as_element().unwrap().name().to_string()).collect();
        assert_eq!(names, ["p"]);
    }
}
