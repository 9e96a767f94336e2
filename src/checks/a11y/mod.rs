//! Accessibility rules on a page's final HTML (`notes/a11y-easyread-spec.md` §1.1–1.3). The
//! page is parsed once; every rule asks [`dom::Doc`] the same questions (hidden? role? name?),
//! so they agree with each other. Where a rule matches a W3C ACT rule, it follows the ACT
//! rule's applicability and expectations, and `tests/act.rs` scores it on ACT's test cases.

pub mod aria;
pub mod dom;
mod parse;
mod rules;

use ego_tree::NodeId;

use crate::finding::Severity;
use crate::language::Dir;
use crate::variant::Form;

pub use dom::Doc;

/// What the page is meant to be (known for pages clearleaf built; absent for `audit`).
#[derive(Clone, Copy, Debug)]
pub struct Expect<'a> {
    /// The variant's language.
    pub lang: &'a str,
    /// Its direction.
    pub dir: Dir,
    /// Standard or Easy read.
    pub form: Form,
    /// Link texts that say nothing about where a link goes, in the page's language.
    pub generic_link_texts: &'a [String],
}

/// One rule broken by one element.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    /// The clearleaf rule.
    pub rule: &'static crate::rules::Rule,
    /// The ACT rule this case of the rule follows (empty when none).
    pub act: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// The offending element, to find its source line.
    pub node: Option<NodeId>,
    /// Plain-words message.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// Runs every page-level rule on `html`.
pub fn check(html: &str, expect: Option<&Expect<'_>>) -> (Doc, Vec<Violation>) {
    let doc = Doc::parse(html);
    let violations = check_doc(&doc, expect);
    (doc, violations)
}

/// Runs every rule on a parsed page.
pub fn check_doc(doc: &Doc, expect: Option<&Expect<'_>>) -> Vec<Violation> {
    let mut out = Vec::new();
    rules::run(doc, expect, &mut out);
    out
}

/// The source line of the element (or its nearest ancestor) that carries `data-cl-line`.
pub fn source_line(doc: &Doc, node: NodeId) -> Option<usize> {
    doc.source_line(node)
}
