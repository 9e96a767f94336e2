//! One parsed page and the questions every rule asks about its elements: is it hidden, what
//! is its role, can it take focus, what is its accessible name. The answers follow HTML-AAM,
//! WAI-ARIA 1.2 and accname 1.2, simplified where a static page cannot tell (no script, no
//! style sheets: only `style` attributes are read, as the ACT "static checker" does).

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node};

use super::aria;

/// A parsed page with its hidden elements and ids worked out once.
pub struct Doc {
    /// The parsed document.
    pub html: Html,
    /// Elements not rendered (`hidden`, `display: none`, `visibility: hidden`, closed `<details>` …).
    not_rendered: HashSet<NodeId>,
    /// Elements inside `aria-hidden="true"`.
    aria_hidden: HashSet<NodeId>,
    /// First element with each id.
    ids: HashMap<String, NodeId>,
    /// Elements inside an `inert` subtree: rendered, but neither focusable nor exposed.
    inert: HashSet<NodeId>,
    /// Owner of each element claimed with aria-owns.
    owner: HashMap<NodeId, NodeId>,
    /// Every element in document order: the rules walk them a dozen times per page, and a list
    /// is quicker to go through than the tree with its text nodes.
    elements: Vec<NodeId>,
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
    let style = el.value().get("style")?;
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
    /// Parses `html` and works out hidden elements and ids.
    pub fn parse(html: &str) -> Doc {
        let html = Html::parse_document(html);
        let mut sets = Sets::default();
        sets.walk(html.root_element(), false, false, false);
        let elements = html.root_element().descendants().filter(|n| n.value().is_element()).map(|n| n.id()).collect();
        let mut doc = Doc { html, not_rendered: sets.not_rendered, aria_hidden: sets.aria_hidden, ids: sets.ids, inert: sets.inert, owner: HashMap::new(), elements };
        let mut owner = HashMap::new();
        for el in doc.elements() {
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

    /// The element with `id`, if any.
    pub fn by_id(&self, id: &str) -> Option<ElementRef<'_>> {
        self.ids.get(id).and_then(|&n| self.html.tree.get(n)).and_then(ElementRef::wrap)
    }

    /// Not rendered at all.
    pub fn is_not_rendered(&self, el: &ElementRef<'_>) -> bool {
        self.not_rendered.contains(&el.id())
    }

    /// Left out of the accessibility tree (not rendered, inert, or inside `aria-hidden="true"`).
    pub fn is_hidden(&self, el: &ElementRef<'_>) -> bool {
        self.not_rendered.contains(&el.id()) || self.aria_hidden.contains(&el.id()) || self.inert.contains(&el.id())
    }

    /// Inside an `inert` subtree.
    pub fn is_inert(&self, el: &ElementRef<'_>) -> bool {
        self.inert.contains(&el.id())
    }

    /// The element's parent in the accessibility tree: its aria-owns owner, else its DOM parent.
    pub fn tree_parent<'a>(&'a self, el: &ElementRef<'a>) -> Option<ElementRef<'a>> {
        match self.owner.get(&el.id()) {
            Some(&o) => self.html.tree.get(o).and_then(ElementRef::wrap),
            None => el.parent().and_then(ElementRef::wrap),
        }
    }

    /// Ancestors in the accessibility tree, nearest first.
    pub fn tree_ancestors<'a>(&'a self, el: &ElementRef<'a>) -> Vec<ElementRef<'a>> {
        let mut out = Vec::new();
        let mut cur = self.tree_parent(el);
        while let Some(p) = cur {
            if out.iter().any(|o: &ElementRef<'_>| o.id() == p.id()) {
                break;
            }
            out.push(p);
            cur = self.tree_parent(&p);
        }
        out
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
        self.aria_hidden.contains(&el.id())
    }

    /// The first valid token of the `role` attribute.
    pub fn explicit_role(&self, el: &ElementRef<'_>) -> Option<&'static str> {
        let role = el.value().get("role")?;
        role.split_ascii_whitespace().find_map(|t| aria::ROLES.iter().find(|r| r.eq_ignore_ascii_case(t)).copied())
    }

    /// The element's role: explicit, else implicit; `none`/`presentation` are ignored where
    /// ARIA's conflict resolution says so (focusable elements, global ARIA attributes).
    pub fn role(&self, el: &ElementRef<'_>) -> Option<&'static str> {
        match self.explicit_role(el) {
            Some(r) if (r == "none" || r == "presentation") && (self.is_focusable(el) || has_global_aria(el)) => self.implicit_role(el),
            Some(r) => Some(r),
            None => self.implicit_role(el),
        }
    }

    /// The role HTML gives an element (HTML-AAM), where it has one.
    pub fn implicit_role(&self, el: &ElementRef<'_>) -> Option<&'static str> {
        let e = el.value();
        let in_sectioning = || el.ancestors().filter_map(ElementRef::wrap).any(|a| matches!(a.value().name(), "article" | "aside" | "main" | "nav" | "section"));
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
            "footer" => if in_sectioning() { "generic" } else { "contentinfo" },
            "header" => if in_sectioning() { "generic" } else { "banner" },
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
            "section" => if has_name_attr(el) { "region" } else { "generic" },
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
            "td" => if self.in_grid(el) { "gridcell" } else { "cell" },
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
            "summary" => el.parent().and_then(ElementRef::wrap).is_some_and(|p| p.value().name() == "details" && p.children().filter_map(ElementRef::wrap).find(|c| c.value().name() == "summary").is_some_and(|s| s.id() == el.id())),
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
        collapse(&self.name_of(el, &mut HashSet::new(), false))
    }

    fn name_of(&self, el: &ElementRef<'_>, visited: &mut HashSet<NodeId>, in_labelledby: bool) -> String {
        if !visited.insert(el.id()) {
            return String::new();
        }
        let e = el.value();
        if !in_labelledby
            && let Some(ids) = e.get("aria-labelledby") {
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
            && let Some(p) = e.get("placeholder") {
                return p.to_string();
            }
        String::new()
    }

    /// The text of an element's `<label>`s (by `for` or by wrapping).
    fn label_text(&self, el: &ElementRef<'_>, visited: &mut HashSet<NodeId>) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(id) = el.value().get("id") {
            for label in self.elements().filter(|l| l.value().name() == "label" && l.value().get("for") == Some(id)) {
                parts.push(self.content_text(&label, visited));
            }
        }
        if let Some(label) = el.ancestors().filter_map(ElementRef::wrap).find(|a| a.value().name() == "label")
            && label.value().get("for").is_none_or(|f| Some(f) == el.value().get("id")) {
                parts.push(self.content_text(&label, visited));
            }
        let joined = collapse(&parts.join(" "));
        (!joined.is_empty()).then_some(joined)
    }

    /// Name from content: text of children, with child elements contributing their names.
    fn content_text(&self, el: &ElementRef<'_>, visited: &mut HashSet<NodeId>) -> String {
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
                    let embedded = matches!(c.value().name(), "img" | "input" | "select" | "textarea" | "svg" | "area") || c.value().get("aria-label").is_some() || c.value().get("aria-labelledby").is_some();
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

#[derive(Default)]
struct Sets {
    not_rendered: HashSet<NodeId>,
    aria_hidden: HashSet<NodeId>,
    ids: HashMap<String, NodeId>,
    inert: HashSet<NodeId>,
}

impl Sets {
    fn walk(&mut self, el: ElementRef<'_>, parent_hidden: bool, parent_invisible: bool, parent_aria_hidden: bool) {
        if el.value().get("inert").is_some() || el.parent().is_some_and(|p| self.inert.contains(&p.id())) {
            self.inert.insert(el.id());
        }
        let name = el.value().name();
        let display_none = style_prop(&el, "display").is_some_and(|(v, _)| v == "none");
        let visibility = style_prop(&el, "visibility").map(|(v, _)| v);
        let invisible = match visibility.as_deref() {
            Some("hidden" | "collapse") => true,
            Some("visible") => false,
            _ => parent_invisible,
        };
        let hidden = parent_hidden || el.value().get("hidden").is_some() || display_none || NEVER_RENDERED.contains(&name);
        let aria_hidden = parent_aria_hidden || el.value().get("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
        if hidden || invisible {
            self.not_rendered.insert(el.id());
        }
        if aria_hidden {
            self.aria_hidden.insert(el.id());
        }
        if let Some(id) = el.value().get("id") {
            self.ids.entry(id.to_string()).or_insert(el.id());
        }
        let closed_details = name == "details" && el.value().get("open").is_none();
        let mut seen_summary = false;
        for child in el.children().filter_map(ElementRef::wrap) {
            let is_first_summary = closed_details && !seen_summary && child.value().name() == "summary";
            seen_summary |= is_first_summary;
            let child_hidden = hidden || (closed_details && !is_first_summary);
            self.walk(child, child_hidden, invisible, aria_hidden);
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
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first<'a>(doc: &'a Doc, tag: &str) -> ElementRef<'a> {
        doc.elements().find(|e| e.value().name() == tag).unwrap()
    }

    #[test]
    fn names() {
        let doc = Doc::parse(r#"<p id=l>Phone <b>number</b></p><a href=x><img src=p alt="Call"> us</a><input aria-labelledby=l><label>Email <input type=email id=e></label><button aria-label="Close">X</button>"#);
        assert_eq!(doc.name(&first(&doc, "a")), "Call us");
        assert_eq!(doc.name(&doc.elements().find(|e| e.value().name() == "input").unwrap()), "Phone number");
        assert_eq!(doc.name(&doc.by_id("e").unwrap()), "Email");
        assert_eq!(doc.name(&first(&doc, "button")), "Close");
    }

    #[test]
    fn hidden_and_roles() {
        let doc = Doc::parse(r#"<div style="display:none"><a href=x id=a>x</a></div><div aria-hidden="true"><button id=b>b</button></div><img alt="" id=i><h2 role="presentation" tabindex=0 id=h>x</h2>"#);
        assert!(doc.is_not_rendered(&doc.by_id("a").unwrap()));
        assert!(doc.is_hidden(&doc.by_id("b").unwrap()) && !doc.is_not_rendered(&doc.by_id("b").unwrap()));
        assert_eq!(doc.role(&doc.by_id("i").unwrap()), Some("presentation"));
        assert_eq!(doc.role(&doc.by_id("h").unwrap()), Some("heading"));
        assert!(doc.in_tab_order(&doc.by_id("b").unwrap()));
    }

    #[test]
    fn style_properties() {
        let doc = Doc::parse(r#"<p id=p style="line-height: 1.2 !important; color: red">x</p>"#);
        assert_eq!(style_prop(&doc.by_id("p").unwrap(), "line-height"), Some(("1.2".into(), true)));
    }
}
