//! One parsed page and the questions every rule asks about its elements: is it hidden, what
//! is its role, can it take focus, what is its accessible name. The answers follow HTML-AAM,
//! WAI-ARIA 1.2 and accname 1.2, simplified where a static page cannot tell (no script, no
//! style sheets: only `style` attributes are read, as the ACT "static checker" does).

use ego_tree::{NodeId, NodeRef};
use rustc_hash::{FxHashMap, FxHashSet};
use scraper::{ElementRef, Html, Node};

use super::aria;

/// A parsed page with what the rules ask about each element worked out once.
pub struct Doc {
    /// The parsed document.
    pub html: Html,
    /// Every element in document order: the rules walk them a dozen times per page, and a list
    /// is quicker to go through than the tree with its text nodes.
    elements: Vec<NodeId>,
    /// Each element's position in `elements`, which is also where its facts are.
    index: FxHashMap<NodeId, u32>,
    /// Hidden state and roles of each element, in the order of `elements`.
    facts: Vec<Facts>,
    /// First element with each id.
    ids: FxHashMap<String, NodeId>,
    /// Owner of each element claimed with aria-owns.
    owner: FxHashMap<NodeId, NodeId>,
    /// Elements whose start tag repeated an attribute (the tree keeps only the first).
    pub repeated_attributes: Vec<NodeId>,
    /// The tree's shape by position in `elements`, so that questions about ancestors take one
    /// step instead of a walk up the tree for each element (which made a page's checks grow with
    /// the square of its nesting): each element's nearest element ancestor ...
    parent: Vec<u32>,
    /// ... the position just past its last descendant (its descendants are the positions in
    /// between, as `elements` is in document order) ...
    end: Vec<u32>,
    /// ... and the markdown line of the element or its nearest ancestor that has one.
    lines: Vec<Option<u32>>,
}

/// No parent: the root element.
const NO_PARENT: u32 = u32::MAX;

/// What every rule asks about an element, many times per page: worked out once when parsing.
#[derive(Clone, Copy, Default)]
pub struct Facts {
    /// Not rendered (`hidden`, `display: none`, `visibility: hidden`, closed `<details>` …).
    pub not_rendered: bool,
    /// Inside `aria-hidden="true"`.
    pub aria_hidden: bool,
    /// Inside an `inert` subtree: rendered, but neither focusable nor exposed.
    pub inert: bool,
    /// The first valid token of the `role` attribute.
    pub explicit_role: Option<&'static str>,
    /// The role after ARIA's conflict resolution (see [`Doc::role`]).
    pub role: Option<&'static str>,
    /// Has an `aria-*` attribute: most elements have none, and the ARIA rules can skip them.
    pub has_aria: bool,
    /// Inside `<body>`.
    pub in_body: bool,
    /// Inside `<article>`, `<aside>`, `<main>`, `<nav>` or `<section>` (a `<header>` or `<footer>`
    /// there is not the page's banner or content information).
    pub in_sectioning: bool,
    /// The nearest `<table>` around it has the role grid or treegrid.
    pub in_grid: bool,
}

impl Facts {
    /// Left out of the accessibility tree (see [`Doc::is_hidden`]).
    pub fn hidden(&self) -> bool {
        self.not_rendered || self.aria_hidden || self.inert
    }
}

/// Attribute lookup by scanning the element's attributes. scraper's `attr` interns the name
/// on every call, which dominated the checks' profile; elements have only a few attributes.
pub trait Attr {
    /// The value of attribute `name`.
    fn get(&self, name: &str) -> Option<&str>;
}

impl Attr for scraper::node::Element {
    fn get(&self, name: &str) -> Option<&str> {
        self.attrs().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// Elements whose content is never rendered.
const NEVER_RENDERED: &[&str] = &["head", "script", "style", "template", "noscript", "title", "meta", "link", "base", "datalist"];

/// The value of a property in a `style` attribute, lower-cased, with its `!important` flag.
pub fn style_prop(el: &ElementRef<'_>, prop: &str) -> Option<(String, bool)> {
    style_value(el.value().get("style")?, prop)
}

/// The value of property `prop` in a `style` attribute's text: see [`style_prop`].
pub fn style_value(style: &str, prop: &str) -> Option<(String, bool)> {
    let mut found = None;
    for decl in style.split(';') {
        let Some((name, value)) = decl.split_once(':') else { continue };
        if name.trim().eq_ignore_ascii_case(prop) {
            let value = value.trim().to_ascii_lowercase();
            let (v, important) = match value.strip_suffix("important").map(str::trim_end).and_then(|v| v.strip_suffix('!')) {
                Some(v) => (v.trim().to_string(), true),
                None => (value, false),
            };
            // Later declarations win, but an earlier !important one beats a later normal one.
            if !matches!(found, Some((_, true))) || important {
                found = Some((v, important));
            }
        }
    }
    found
}

impl Doc {
    /// Parses `html` and works out hidden elements, ids and roles.
    pub fn parse(html: &str) -> Doc {
        let (html, repeated_attributes) = super::parse::parse_document(html);
        let mut walk = Walk::default();
        walk.element(html.root_element(), Some(Inherited::default()), Around::default());
        let Walk { elements, facts, ids, owners, parent, end, lines } = walk;
        let index = elements.iter().enumerate().map(|(i, &id)| (id, i as u32)).collect();
        let mut doc = Doc { html, elements, index, facts, ids, owner: FxHashMap::default(), repeated_attributes, parent, end, lines };
        // Roles last: whether `role=none` holds depends on focus, so on the hidden state.
        let roles: Vec<_> = doc.elements().map(|el| doc.resolve_role(&el)).collect();
        for (facts, role) in doc.facts.iter_mut().zip(roles) {
            facts.role = role;
        }
        let mut owner = FxHashMap::default();
        for el in owners.into_iter().filter_map(|n| doc.html.tree.get(n)).filter_map(ElementRef::wrap) {
            for id in el.value().get("aria-owns").unwrap_or("").split_ascii_whitespace() {
                if let Some(owned) = doc.by_id(id).filter(|o| o.id() != el.id()) {
                    owner.entry(owned.id()).or_insert(el.id());
                }
            }
        }
        doc.owner = owner;
        doc
    }

    /// All elements in document order.
    pub fn elements(&self) -> impl Iterator<Item = ElementRef<'_>> {
        self.elements.iter().filter_map(|&id| self.html.tree.get(id)).filter_map(ElementRef::wrap)
    }

    /// The element's place in document order (in [`Doc::elements`]).
    pub fn position(&self, el: &ElementRef<'_>) -> Option<usize> {
        self.index.get(&el.id()).map(|&i| i as usize)
    }

    /// Whether `el` is inside `ancestor` (not `ancestor` itself).
    pub fn is_inside(&self, el: &ElementRef<'_>, ancestor: &ElementRef<'_>) -> bool {
        match (self.position(el), self.position(ancestor)) {
            (Some(e), Some(a)) => a < e && e < self.end[a] as usize,
            _ => el.ancestors().any(|x| x.id() == ancestor.id()),
        }
    }

    /// For each element in document order, whether one of its ancestors is `is`: worked out for
    /// all of them in one pass, for a rule that asks it of every element.
    pub fn ancestor_flags(&self, is: impl Fn(&ElementRef<'_>) -> bool) -> Vec<bool> {
        let mut flags: Vec<bool> = Vec::with_capacity(self.elements.len());
        let mut matches: Vec<bool> = Vec::with_capacity(self.elements.len());
        for (i, &id) in self.elements.iter().enumerate() {
            let p = self.parent[i];
            flags.push(p != NO_PARENT && (matches[p as usize] || flags[p as usize]));
            matches.push(self.html.tree.get(id).and_then(ElementRef::wrap).is_some_and(|e| is(&e)));
        }
        flags
    }

    /// The markdown line of the node or its nearest ancestor that carries one.
    pub fn source_line(&self, node: NodeId) -> Option<usize> {
        if let Some(&i) = self.index.get(&node) {
            return self.lines[i as usize].map(|l| l as usize);
        }
        let node = self.html.tree.get(node)?;
        std::iter::once(node).chain(node.ancestors()).filter_map(ElementRef::wrap).find_map(|e| e.value().get(crate::line_marker::LINE_ATTR)).and_then(|l| l.parse().ok())
    }

    /// Inside `<body>`.
    pub fn in_body(&self, el: &ElementRef<'_>) -> bool {
        match self.index.get(&el.id()) {
            Some(&i) => self.facts[i as usize].in_body,
            None => el.ancestors().filter_map(ElementRef::wrap).any(|a| a.value().name() == "body"),
        }
    }

    /// The element with `id`, if any.
    pub fn by_id(&self, id: &str) -> Option<ElementRef<'_>> {
        self.ids.get(id).and_then(|&n| self.html.tree.get(n)).and_then(ElementRef::wrap)
    }

    /// Everything worked out for `el`, for a rule that asks several questions about it.
    pub fn facts(&self, el: &ElementRef<'_>) -> Facts {
        match self.index.get(&el.id()) {
            Some(&i) => self.facts[i as usize],
            None => Facts { explicit_role: self.explicit_role(el), role: self.role(el), has_aria: el.value().attrs().any(|(n, _)| n.starts_with("aria-")), ..Facts::default() },
        }
    }

    /// The hidden state worked out for `el` (none for an element the walk did not list).
    fn state(&self, el: &ElementRef<'_>) -> Facts {
        self.index.get(&el.id()).map_or_else(Facts::default, |&i| self.facts[i as usize])
    }

    /// Not rendered at all.
    pub fn is_not_rendered(&self, el: &ElementRef<'_>) -> bool {
        self.state(el).not_rendered
    }

    /// Left out of the accessibility tree (not rendered, inert, or inside `aria-hidden="true"`).
    pub fn is_hidden(&self, el: &ElementRef<'_>) -> bool {
        self.state(el).hidden()
    }

    /// Inside an `inert` subtree.
    pub fn is_inert(&self, el: &ElementRef<'_>) -> bool {
        self.state(el).inert
    }

    /// The element's parent in the accessibility tree: its aria-owns owner, else its DOM parent.
    pub fn tree_parent<'a>(&'a self, el: &ElementRef<'a>) -> Option<ElementRef<'a>> {
        match self.owner.get(&el.id()) {
            Some(&o) => self.html.tree.get(o).and_then(ElementRef::wrap),
            None => el.parent().and_then(ElementRef::wrap),
        }
    }

    /// Ancestors in the accessibility tree, nearest first, each once (aria-owns can make a
    /// loop). Lazy, as a rule usually stops at the first that matters.
    pub fn tree_ancestors<'a>(&'a self, el: &ElementRef<'a>) -> impl Iterator<Item = ElementRef<'a>> {
        let mut seen = FxHashSet::default();
        let mut cur = self.tree_parent(el);
        std::iter::from_fn(move || {
            let p = cur.take().filter(|p| seen.insert(p.id()))?;
            cur = self.tree_parent(&p);
            Some(p)
        })
    }

    /// Children in the accessibility tree: DOM children not owned elsewhere, then aria-owns ones.
    pub fn owned<'a>(&'a self, el: &ElementRef<'a>) -> Vec<ElementRef<'a>> {
        let mut out: Vec<ElementRef<'a>> = el.children().filter_map(ElementRef::wrap).filter(|c| !self.owner.contains_key(&c.id())).collect();
        for id in el.value().get("aria-owns").unwrap_or("").split_ascii_whitespace() {
            if let Some(o) = self.by_id(id).filter(|o| self.owner.get(&o.id()) == Some(&el.id())) {
                out.push(o);
            }
        }
        out
    }

    /// Inside `aria-hidden="true"` (itself or an ancestor).
    pub fn is_aria_hidden(&self, el: &ElementRef<'_>) -> bool {
        self.state(el).aria_hidden
    }

    /// The first valid token of the `role` attribute.
    pub fn explicit_role(&self, el: &ElementRef<'_>) -> Option<&'static str> {
        match self.index.get(&el.id()) {
            Some(&i) => self.facts[i as usize].explicit_role,
            None => el.value().get("role").and_then(explicit_role_of),
        }
    }

    /// The element's role: explicit, else implicit; `none`/`presentation` are ignored where
    /// ARIA's conflict resolution says so (focusable elements, global ARIA attributes).
    pub fn role(&self, el: &ElementRef<'_>) -> Option<&'static str> {
        match self.index.get(&el.id()) {
            Some(&i) => self.facts[i as usize].role,
            None => self.resolve_role(el),
        }
    }

    fn resolve_role(&self, el: &ElementRef<'_>) -> Option<&'static str> {
        match self.explicit_role(el) {
            Some(r) if (r == "none" || r == "presentation") && (self.is_focusable(el) || has_global_aria(el)) => self.implicit_role(el),
            Some(r) => Some(r),
            None => self.implicit_role(el),
        }
    }

    /// The role HTML gives an element (HTML-AAM), where it has one.
    pub fn implicit_role(&self, el: &ElementRef<'_>) -> Option<&'static str> {
        let e = el.value();
        let in_sectioning = || match self.index.get(&el.id()) {
            Some(&i) => self.facts[i as usize].in_sectioning,
            None => el.ancestors().filter_map(ElementRef::wrap).any(|a| is_sectioning(a.value().name())),
        };
        Some(match e.name() {
            "a" | "area" if e.get("href").is_some() => "link",
            "a" | "area" | "b" | "bdi" | "bdo" | "data" | "div" | "i" | "pre" | "q" | "samp" | "small" | "span" | "u" => "generic",
            "address" | "details" | "fieldset" | "optgroup" | "hgroup" => "group",
            "article" => "article",
            "aside" => "complementary",
            "blockquote" => "blockquote",
            "button" => "button",
            "caption" => "caption",
            "code" => "code",
            "datalist" => "listbox",
            "dd" => "definition",
            "del" | "s" => "deletion",
            "dfn" | "dt" => "term",
            "dialog" => "dialog",
            "em" => "emphasis",
            "figure" => "figure",
            "footer" => {
                if in_sectioning() {
                    "generic"
                } else {
                    "contentinfo"
                }
            }
            "header" => {
                if in_sectioning() {
                    "generic"
                } else {
                    "banner"
                }
            }
            "form" => "form",
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => "heading",
            "hr" => "separator",
            "html" => "document",
            "img" => match e.get("alt") {
                Some("") if !has_global_aria(el) && e.get("tabindex").is_none() => "presentation",
                _ => "img",
            },
            "input" => match e.get("type").map(|t| t.trim().to_ascii_lowercase()).as_deref() {
                Some("button" | "submit" | "reset" | "image") => "button",
                Some("checkbox") => "checkbox",
                Some("radio") => "radio",
                Some("range") => "slider",
                Some("number") => "spinbutton",
                Some("search") if e.get("list").is_none() => "searchbox",
                Some("hidden" | "color" | "date" | "datetime-local" | "file" | "month" | "time" | "week") => return None,
                _ if e.get("list").is_some() => "combobox",
                _ => "textbox",
            },
            "ins" => "insertion",
            "li" => "listitem",
            "main" => "main",
            "math" => "math",
            "menu" | "ol" | "ul" => "list",
            "meter" => "meter",
            "nav" => "navigation",
            "option" => "option",
            "output" => "status",
            "p" => "paragraph",
            "progress" => "progressbar",
            "search" => "search",
            "section" => {
                if has_name_attr(el) {
                    "region"
                } else {
                    "generic"
                }
            }
            "select" => {
                let size = e.get("size").and_then(|s| s.trim().parse::<u32>().ok()).unwrap_or(0);
                if e.get("multiple").is_some() || size > 1 { "listbox" } else { "combobox" }
            }
            "strong" => "strong",
            "sub" => "subscript",
            "sup" => "superscript",
            "svg" => "graphics-document",
            "table" => "table",
            "tbody" | "thead" | "tfoot" => "rowgroup",
            "td" => {
                if self.in_grid(el) {
                    "gridcell"
                } else {
                    "cell"
                }
            }
            "th" => match e.get("scope").map(str::to_ascii_lowercase).as_deref() {
                Some("row" | "rowgroup") => "rowheader",
                _ => "columnheader",
            },
            "textarea" => "textbox",
            "time" => "time",
            "tr" => "row",
            _ => return None,
        })
    }

    fn in_grid(&self, el: &ElementRef<'_>) -> bool {
        if let Some(&i) = self.index.get(&el.id()) {
            return self.facts[i as usize].in_grid;
        }
        el.ancestors().filter_map(ElementRef::wrap).find(|a| a.value().name() == "table").and_then(|t| self.explicit_role(&t)).is_some_and(|r| r == "grid" || r == "treegrid")
    }

    /// Whether the element can take focus at all (including `tabindex="-1"`).
    pub fn is_focusable(&self, el: &ElementRef<'_>) -> bool {
        let e = el.value();
        if self.is_not_rendered(el) || self.is_inert(el) || e.get("disabled").is_some() && matches!(e.name(), "button" | "input" | "select" | "textarea" | "fieldset") {
            return false;
        }
        if e.get("tabindex").is_some_and(|t| t.trim().parse::<i32>().is_ok()) {
            return true;
        }
        match e.name() {
            "a" | "area" => e.get("href").is_some(),
            "button" | "select" | "textarea" | "iframe" => true,
            "input" => !e.get("type").is_some_and(|t| t.eq_ignore_ascii_case("hidden")),
            "summary" => el
                .parent()
                .and_then(ElementRef::wrap)
                .is_some_and(|p| p.value().name() == "details" && p.children().filter_map(ElementRef::wrap).find(|c| c.value().name() == "summary").is_some_and(|s| s.id() == el.id())),
            "audio" | "video" => e.get("controls").is_some(),
            _ => e.get("contenteditable").is_some_and(|v| !v.eq_ignore_ascii_case("false")),
        }
    }

    /// Whether the element is reached with the Tab key (focusable, tabindex not negative).
    pub fn in_tab_order(&self, el: &ElementRef<'_>) -> bool {
        self.is_focusable(el) && el.value().get("tabindex").and_then(|t| t.trim().parse::<i32>().ok()).is_none_or(|t| t >= 0)
    }

    /// The accessible name (accname 1.2, simplified), whitespace collapsed.
    pub fn name(&self, el: &ElementRef<'_>) -> String {
        collapse(&self.name_of(el, &mut FxHashSet::default(), false))
    }

    fn name_of(&self, el: &ElementRef<'_>, visited: &mut FxHashSet<NodeId>, in_labelledby: bool) -> String {
        if !visited.insert(el.id()) {
            return String::new();
        }
        let e = el.value();
        if !in_labelledby && let Some(ids) = e.get("aria-labelledby") {
            let parts: Vec<String> = ids.split_ascii_whitespace().filter_map(|id| self.by_id(id)).map(|r| self.name_of(&r, visited, true)).collect();
            let joined = collapse(&parts.join(" "));
            if !joined.is_empty() {
                return joined;
            }
        }
        if let Some(label) = e.get("aria-label").filter(|l| !l.trim().is_empty()) {
            return label.to_string();
        }
        let role = self.role(el);
        // Native names.
        match e.name() {
            "img" | "area" => {
                if let Some(alt) = e.get("alt") {
                    return alt.to_string();
                }
            }
            "input" => {
                let ty = e.get("type").unwrap_or("text").trim().to_ascii_lowercase();
                if ty == "image" {
                    if let Some(alt) = e.get("alt").filter(|a| !a.trim().is_empty()) {
                        return alt.to_string();
                    }
                } else if let Some(l) = self.label_text(el, visited) {
                    return l;
                }
                match ty.as_str() {
                    "button" | "submit" | "reset" => {
                        if let Some(v) = e.get("value") {
                            return v.to_string();
                        }
                        if ty == "submit" {
                            return "Submit".into();
                        }
                        if ty == "reset" {
                            return "Reset".into();
                        }
                    }
                    "image" => {
                        if let Some(t) = e.get("title").filter(|t| !t.trim().is_empty()) {
                            return t.to_string();
                        }
                        return "Submit".into();
                    }
                    _ => {}
                }
            }
            "select" | "textarea" | "meter" | "progress" | "output" => {
                if let Some(l) = self.label_text(el, visited) {
                    return l;
                }
            }
            "button" => {
                if let Some(l) = self.label_text(el, visited) {
                    return l;
                }
            }
            "fieldset" => {
                if let Some(legend) = el.children().filter_map(ElementRef::wrap).find(|c| c.value().name() == "legend") {
                    return self.content_text(&legend, visited);
                }
            }
            "table" => {
                if let Some(caption) = el.children().filter_map(ElementRef::wrap).find(|c| c.value().name() == "caption") {
                    return self.content_text(&caption, visited);
                }
            }
            "figure" => {
                if let Some(cap) = el.children().filter_map(ElementRef::wrap).find(|c| c.value().name() == "figcaption") {
                    return self.content_text(&cap, visited);
                }
            }
            "svg" => {
                if let Some(title) = el.children().filter_map(ElementRef::wrap).find(|c| c.value().name() == "title") {
                    return title.text().collect();
                }
            }
            _ => {}
        }
        if in_labelledby || role.is_some_and(|r| aria::NAME_FROM_CONTENT.contains(&r)) || e.name() == "summary" {
            let text = self.content_text(el, visited);
            if !text.trim().is_empty() {
                return text;
            }
        }
        if let Some(t) = e.get("title") {
            return t.to_string();
        }
        if matches!(e.name(), "input" | "textarea")
            && let Some(p) = e.get("placeholder")
        {
            return p.to_string();
        }
        String::new()
    }

    /// The text of an element's `<label>`s (by `for` or by wrapping).
    fn label_text(&self, el: &ElementRef<'_>, visited: &mut FxHashSet<NodeId>) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(id) = el.value().get("id") {
            for label in self.elements().filter(|l| l.value().name() == "label" && l.value().get("for") == Some(id)) {
                parts.push(self.content_text(&label, visited));
            }
        }
        if let Some(label) = el.ancestors().filter_map(ElementRef::wrap).find(|a| a.value().name() == "label")
            && label.value().get("for").is_none_or(|f| Some(f) == el.value().get("id"))
        {
            parts.push(self.content_text(&label, visited));
        }
        let joined = collapse(&parts.join(" "));
        (!joined.is_empty()).then_some(joined)
    }

    /// Name from content: text of children, with child elements contributing their names.
    fn content_text(&self, el: &ElementRef<'_>, visited: &mut FxHashSet<NodeId>) -> String {
        let mut out = String::new();
        for child in el.children() {
            match child.value() {
                Node::Text(t) => out.push_str(t),
                Node::Element(_) => {
                    let c = ElementRef::wrap(child).expect("element");
                    if self.is_hidden(&c) || matches!(c.value().name(), "script" | "style" | "template") {
                        continue;
                    }
                    let block = matches!(c.value().name(), "div" | "p" | "li" | "br" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "td" | "th" | "tr");
                    if block {
                        out.push(' ');
                    }
                    let presentational = matches!(self.role(&c), Some("none" | "presentation"));
                    let embedded =
                        matches!(c.value().name(), "img" | "input" | "select" | "textarea" | "svg" | "area") || c.value().get("aria-label").is_some() || c.value().get("aria-labelledby").is_some();
                    if presentational && matches!(c.value().name(), "img" | "svg" | "area") {
                        // A presentational picture gives no name.
                    } else if embedded && !presentational {
                        out.push_str(&self.name_of(&c, visited, false));
                    } else {
                        out.push_str(&self.content_text(&c, visited));
                    }
                    if block {
                        out.push(' ');
                    }
                }
                _ => {}
            }
        }
        out
    }
}

/// The first valid token of a `role` attribute.
fn explicit_role_of(role: &str) -> Option<&'static str> {
    role.split_ascii_whitespace().find_map(|t| aria::ROLES.iter().find(|r| r.eq_ignore_ascii_case(t)).copied())
}

/// Elements whose `<header>` and `<footer>` belong to them rather than to the page.
fn is_sectioning(name: &str) -> bool {
    matches!(name, "article" | "aside" | "main" | "nav" | "section")
}

/// What an element learns from its ancestors, carried down the walk.
#[derive(Clone, Copy)]
struct Around {
    /// Position of the nearest element ancestor.
    parent: u32,
    /// The markdown line of the nearest ancestor that has one.
    line: Option<u32>,
    in_body: bool,
    in_sectioning: bool,
    in_grid: bool,
}

impl Default for Around {
    fn default() -> Self {
        Around { parent: NO_PARENT, line: None, in_body: false, in_sectioning: false, in_grid: false }
    }
}

/// What an element's hidden state takes from its parent.
#[derive(Clone, Copy, Default)]
struct Inherited {
    hidden: bool,
    invisible: bool,
    aria_hidden: bool,
    inert: bool,
}

/// The attributes the walk reads, found in one pass over an element's attributes.
#[derive(Default)]
struct WalkAttrs<'a> {
    id: Option<&'a str>,
    style: Option<&'a str>,
    role: Option<&'a str>,
    aria_hidden: Option<&'a str>,
    hidden: bool,
    inert: bool,
    open: bool,
    aria_owns: bool,
    any_aria: bool,
    /// The markdown line marker.
    line: Option<&'a str>,
}

impl<'a> WalkAttrs<'a> {
    fn of(el: &'a scraper::node::Element) -> WalkAttrs<'a> {
        let mut a = WalkAttrs::default();
        // The first one of a name wins, as with `Attr::get` (names can repeat across namespaces).
        for (name, value) in el.attrs() {
            a.any_aria |= name.starts_with("aria-");
            match name {
                "id" => _ = a.id.get_or_insert(value),
                "style" => _ = a.style.get_or_insert(value),
                "role" => _ = a.role.get_or_insert(value),
                "aria-hidden" => _ = a.aria_hidden.get_or_insert(value),
                "hidden" => a.hidden = true,
                "inert" => a.inert = true,
                "open" => a.open = true,
                "aria-owns" => a.aria_owns = true,
                crate::line_marker::LINE_ATTR => _ = a.line.get_or_insert(value),
                _ => {}
            }
        }
        a
    }
}

/// One pass over the tree in document order that lists the elements with their hidden state,
/// explicit role and ids.
#[derive(Default)]
struct Walk {
    elements: Vec<NodeId>,
    facts: Vec<Facts>,
    ids: FxHashMap<String, NodeId>,
    /// Elements with aria-owns, resolved once every id is known.
    owners: Vec<NodeId>,
    /// See the fields of the same names in [`Doc`].
    parent: Vec<u32>,
    end: Vec<u32>,
    lines: Vec<Option<u32>>,
}

impl Walk {
    /// Adds `el` and its subtree. `from` is `None` inside a `<template>`'s contents: they are
    /// listed, but have no hidden state and no ids, as they are not part of the page.
    fn element(&mut self, el: ElementRef<'_>, from: Option<Inherited>, around: Around) {
        let attrs = WalkAttrs::of(el.value());
        let at = self.elements.len();
        self.elements.push(el.id());
        if attrs.aria_owns {
            self.owners.push(el.id());
        }
        let name = el.value().name();
        let explicit_role = attrs.role.and_then(explicit_role_of);
        // The nearest marker counts even when it is not a number, as for any other node.
        let line = match attrs.line {
            Some(l) => l.parse().ok(),
            None => around.line,
        };
        self.parent.push(around.parent);
        self.lines.push(line);
        self.end.push(0);
        let inner = Around {
            parent: at as u32,
            line,
            in_body: around.in_body || name == "body",
            in_sectioning: around.in_sectioning || is_sectioning(name),
            in_grid: if name == "table" { matches!(explicit_role, Some("grid" | "treegrid")) } else { around.in_grid },
        };
        let mut facts = Facts { explicit_role, has_aria: attrs.any_aria, in_body: around.in_body, in_sectioning: around.in_sectioning, in_grid: around.in_grid, ..Facts::default() };
        let Some(from) = from else {
            self.facts.push(facts);
            self.children(el, inner, |_| None);
            self.end[at] = self.elements.len() as u32;
            return;
        };
        let style = |prop| attrs.style.and_then(|s| style_value(s, prop)).map(|(v, _)| v);
        let display_none = style("display").is_some_and(|v| v == "none");
        let invisible = match style("visibility").as_deref() {
            Some("hidden" | "collapse") => true,
            Some("visible") => false,
            _ => from.invisible,
        };
        let hidden = from.hidden || attrs.hidden || display_none || NEVER_RENDERED.contains(&name);
        let here = Inherited { hidden, invisible, aria_hidden: from.aria_hidden || attrs.aria_hidden.is_some_and(|v| v.trim().eq_ignore_ascii_case("true")), inert: from.inert || attrs.inert };
        facts.not_rendered = hidden || invisible;
        facts.aria_hidden = here.aria_hidden;
        facts.inert = here.inert;
        self.facts.push(facts);
        if let Some(id) = attrs.id {
            self.ids.entry(id.to_string()).or_insert(el.id());
        }
        // A closed <details> shows only its first <summary>.
        let closed_details = name == "details" && !attrs.open;
        let mut seen_summary = false;
        self.children(el, inner, |child| {
            let is_first_summary = closed_details && !seen_summary && child.value().name() == "summary";
            seen_summary |= is_first_summary;
            Some(Inherited { hidden: hidden || (closed_details && !is_first_summary), ..here })
        });
        self.end[at] = self.elements.len() as u32;
    }

    /// Walks the element children of `el` with the state `inherit` gives each, and the elements
    /// further down through other nodes (a template's contents) with none.
    fn children(&mut self, el: ElementRef<'_>, around: Around, mut inherit: impl FnMut(&ElementRef<'_>) -> Option<Inherited>) {
        for child in el.children() {
            match ElementRef::wrap(child) {
                Some(c) => {
                    let from = inherit(&c);
                    self.element(c, from, around);
                }
                None => self.other(child, around),
            }
        }
    }

    fn other(&mut self, node: NodeRef<'_, Node>, around: Around) {
        for child in node.children() {
            match ElementRef::wrap(child) {
                Some(c) => self.element(c, None, around),
                None => self.other(child, around),
            }
        }
    }
}

/// Whether an element has any global ARIA attribute (which makes `role=none` be ignored).
pub fn has_global_aria(el: &ElementRef<'_>) -> bool {
    el.value().attrs().any(|(n, _)| aria::attribute(n).is_some_and(|(_, global)| global) && n != "aria-hidden")
}

fn has_name_attr(el: &ElementRef<'_>) -> bool {
    ["aria-label", "aria-labelledby", "title"].iter().any(|a| el.value().get(a).is_some_and(|v| !v.trim().is_empty()))
}

/// Collapses runs of whitespace into single spaces and trims.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first<'a>(doc: &'a Doc, tag: &str) -> ElementRef<'a> {
        doc.elements().find(|e| e.value().name() == tag).unwrap()
    }

    #[test]
    fn names() {
        let doc = Doc::parse(
            r#"<p id=l>Phone <b>number</b></p><a href=x><img src=p alt="Call"> us</a><input aria-labelledby=l><label>Email <input type=email id=e></label><button aria-label="Close">X</button>"#,
        );
        assert_eq!(doc.name(&first(&doc, "a")), "Call us");
        assert_eq!(doc.name(&doc.elements().find(|e| e.value().name() == "input").unwrap()), "Phone number");
        assert_eq!(doc.name(&doc.by_id("e").unwrap()), "Email");
        assert_eq!(doc.name(&first(&doc, "button")), "Close");
    }

    #[test]
    fn hidden_and_roles() {
        let doc =
            Doc::parse(r#"<div style="display:none"><a href=x id=a>x</a></div><div aria-hidden="true"><button id=b>b</button></div><img alt="" id=i><h2 role="presentation" tabindex=0 id=h>x</h2>"#);
        assert!(doc.is_not_rendered(&doc.by_id("a").unwrap()));
        assert!(doc.is_hidden(&doc.by_id("b").unwrap()) && !doc.is_not_rendered(&doc.by_id("b").unwrap()));
        assert_eq!(doc.role(&doc.by_id("i").unwrap()), Some("presentation"));
        assert_eq!(doc.role(&doc.by_id("h").unwrap()), Some("heading"));
        assert!(doc.in_tab_order(&doc.by_id("b").unwrap()));
    }

    #[test]
    fn what_elements_know_of_their_ancestors_is_what_a_walk_up_finds() {
        let doc = Doc::parse(
            r#"<body><header id=h1>x</header><section><header id=h2 data-cl-line=7><p id=p>y</p></header></section><table role=grid><tr><td id=g>1</td></tr></table><table><tr><td id=c data-cl-line=x><b id=b>2</b></td></tr></table></body>"#,
        );
        let el = |id: &str| doc.by_id(id).unwrap();
        assert_eq!(doc.role(&el("h1")), Some("banner"));
        assert_eq!(doc.role(&el("h2")), Some("generic"));
        assert_eq!((doc.role(&el("g")), doc.role(&el("c"))), (Some("gridcell"), Some("cell")));
        assert!(doc.in_body(&el("p")) && !doc.in_body(&first(&doc, "body")));
        assert!(doc.is_inside(&el("p"), &el("h2")) && !doc.is_inside(&el("h2"), &el("h2")) && !doc.is_inside(&el("b"), &el("h2")));
        // The nearest marker gives the line, even when it is not a number.
        assert_eq!((doc.source_line(el("p").id()), doc.source_line(el("h1").id()), doc.source_line(el("b").id())), (Some(7), None, None));
        let in_section = doc.ancestor_flags(|a| a.value().name() == "section");
        let flagged: Vec<bool> = ["h1", "h2", "p", "g"].iter().map(|id| in_section[doc.position(&el(id)).unwrap()]).collect();
        assert_eq!(flagged, [false, true, true, false]);
        for e in doc.elements() {
            let walked = e.ancestors().filter_map(ElementRef::wrap).any(|a| a.value().name() == "section");
            assert_eq!(in_section[doc.position(&e).unwrap()], walked, "{:?}", e.value());
        }
    }

    #[test]
    fn accessibility_tree_ancestors_stop_at_a_loop() {
        let doc = Doc::parse(r#"<div id=a aria-owns=b><span id=x>x</span></div><div id=b aria-owns=a>y</div>"#);
        let ids: Vec<&str> = doc.tree_ancestors(&doc.by_id("x").unwrap()).filter_map(|e| e.value().id()).collect();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn style_properties() {
        let doc = Doc::parse(r#"<p id=p style="line-height: 1.2 !important; color: red">x</p>"#);
        assert_eq!(style_prop(&doc.by_id("p").unwrap(), "line-height"), Some(("1.2".into(), true)));
    }
}
