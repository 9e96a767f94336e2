//! WAI-ARIA 1.2 data the rules need: roles, attributes, value types, what each role supports,
//! requires and prohibits. Kept as plain tables so they can be read against the spec.

/// Non-abstract ARIA 1.2 roles, plus Graphics-ARIA and DPUB-ARIA roles.
pub const ROLES: &[&str] = &[
    "alert", "alertdialog", "application", "article", "banner", "blockquote", "button", "caption", "cell", "checkbox", "code",
    "columnheader", "combobox", "comment", "complementary", "contentinfo", "definition", "deletion", "dialog", "directory", "document",
    "emphasis", "feed", "figure", "form", "generic", "grid", "gridcell", "group", "heading", "img", "image", "insertion", "link", "list",
    "listbox", "listitem", "log", "main", "mark", "marquee", "math", "menu", "menubar", "menuitem", "menuitemcheckbox", "menuitemradio",
    "meter", "navigation", "none", "note", "option", "paragraph", "presentation", "progressbar", "radio", "radiogroup", "region",
    "row", "rowgroup", "rowheader", "scrollbar", "search", "searchbox", "separator", "slider", "spinbutton", "status", "strong",
    "subscript", "suggestion", "superscript", "switch", "tab", "table", "tablist", "tabpanel", "term", "textbox", "time", "timer",
    "toolbar", "tooltip", "tree", "treegrid", "treeitem", "graphics-document", "graphics-object", "graphics-symbol",
    "doc-abstract", "doc-acknowledgments", "doc-afterword", "doc-appendix", "doc-backlink", "doc-biblioentry", "doc-bibliography",
    "doc-biblioref", "doc-chapter", "doc-colophon", "doc-conclusion", "doc-cover", "doc-credit", "doc-credits", "doc-dedication",
    "doc-endnote", "doc-endnotes", "doc-epigraph", "doc-epilogue", "doc-errata", "doc-example", "doc-footnote", "doc-foreword",
    "doc-glossary", "doc-glossref", "doc-index", "doc-introduction", "doc-noteref", "doc-notice", "doc-pagebreak", "doc-pagefooter",
    "doc-pageheader", "doc-pagelist", "doc-part", "doc-preface", "doc-prologue", "doc-pullquote", "doc-qna", "doc-subtitle", "doc-tip",
    "doc-toc",
];

/// How an attribute's value is checked.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ValueType {
    /// `true` or `false`.
    TrueFalse,
    /// `true`, `false` or `undefined`.
    TrueFalseUndefined,
    /// `true`, `false`, `mixed` or `undefined`.
    Tristate,
    /// One of the listed tokens.
    Token(&'static [&'static str]),
    /// Space-separated tokens from the list.
    TokenList(&'static [&'static str]),
    /// A whole number.
    Integer,
    /// A number.
    Number,
    /// An id.
    IdRef,
    /// Space-separated ids.
    IdRefs,
    /// Any string.
    Text,
}

use ValueType::*;

/// Every ARIA attribute with its value type and whether it is global.
pub const ATTRIBUTES: &[(&str, ValueType, bool)] = &[
    ("aria-activedescendant", IdRef, false),
    ("aria-atomic", TrueFalse, true),
    ("aria-autocomplete", Token(&["inline", "list", "both", "none"]), false),
    ("aria-braillelabel", Text, true),
    ("aria-brailleroledescription", Text, true),
    ("aria-busy", TrueFalse, true),
    ("aria-checked", Tristate, false),
    ("aria-colcount", Integer, false),
    ("aria-colindex", Integer, false),
    ("aria-colindextext", Text, false),
    ("aria-colspan", Integer, false),
    ("aria-controls", IdRefs, true),
    ("aria-current", Token(&["page", "step", "location", "date", "time", "true", "false"]), true),
    ("aria-describedby", IdRefs, true),
    ("aria-description", Text, true),
    ("aria-details", IdRefs, true),
    ("aria-disabled", TrueFalse, true),
    ("aria-dropeffect", TokenList(&["copy", "execute", "link", "move", "none", "popup"]), true),
    ("aria-errormessage", IdRefs, true),
    ("aria-expanded", TrueFalseUndefined, false),
    ("aria-flowto", IdRefs, true),
    ("aria-grabbed", TrueFalseUndefined, true),
    ("aria-haspopup", Token(&["false", "true", "menu", "listbox", "tree", "grid", "dialog"]), true),
    ("aria-hidden", TrueFalseUndefined, true),
    ("aria-invalid", Token(&["grammar", "false", "spelling", "true"]), true),
    ("aria-keyshortcuts", Text, true),
    ("aria-label", Text, true),
    ("aria-labelledby", IdRefs, true),
    ("aria-level", Integer, false),
    ("aria-live", Token(&["assertive", "off", "polite"]), true),
    ("aria-modal", TrueFalse, false),
    ("aria-multiline", TrueFalse, false),
    ("aria-multiselectable", TrueFalse, false),
    ("aria-orientation", Token(&["horizontal", "undefined", "vertical"]), false),
    ("aria-owns", IdRefs, true),
    ("aria-placeholder", Text, false),
    ("aria-posinset", Integer, false),
    ("aria-pressed", Tristate, false),
    ("aria-readonly", TrueFalse, false),
    ("aria-relevant", TokenList(&["additions", "all", "removals", "text"]), true),
    ("aria-required", TrueFalse, false),
    ("aria-roledescription", Text, true),
    ("aria-rowcount", Integer, false),
    ("aria-rowindex", Integer, false),
    ("aria-rowindextext", Text, false),
    ("aria-rowspan", Integer, false),
    ("aria-selected", TrueFalseUndefined, false),
    ("aria-setsize", Integer, false),
    ("aria-sort", Token(&["ascending", "descending", "none", "other"]), false),
    ("aria-valuemax", Number, false),
    ("aria-valuemin", Number, false),
    ("aria-valuenow", Number, false),
    ("aria-valuetext", Text, false),
];

/// The type and globalness of an ARIA attribute, if it exists.
pub fn attribute(name: &str) -> Option<(ValueType, bool)> {
    ATTRIBUTES.iter().find(|(n, _, _)| *n == name).map(|(_, t, g)| (*t, *g))
}

const RANGE: &[&str] = &["aria-valuemax", "aria-valuemin", "aria-valuenow", "aria-valuetext"];

/// Non-global attributes each role supports (ARIA 1.2, including those inherited).
pub fn supports(role: &str, attr: &str) -> bool {
    let list: &[&str] = match role {
        "application" => &["aria-activedescendant", "aria-expanded"],
        "button" => &["aria-expanded", "aria-pressed"],
        "checkbox" | "switch" => &["aria-checked", "aria-expanded", "aria-readonly", "aria-required"],
        "menuitemcheckbox" | "menuitemradio" => &["aria-checked", "aria-expanded", "aria-posinset", "aria-setsize"],
        "radio" => &["aria-checked", "aria-posinset", "aria-setsize"],
        "option" => &["aria-checked", "aria-posinset", "aria-selected", "aria-setsize"],
        "treeitem" => &["aria-checked", "aria-expanded", "aria-level", "aria-posinset", "aria-selected", "aria-setsize"],
        "combobox" => &["aria-activedescendant", "aria-autocomplete", "aria-expanded", "aria-readonly", "aria-required"],
        "textbox" | "searchbox" => &["aria-activedescendant", "aria-autocomplete", "aria-multiline", "aria-placeholder", "aria-readonly", "aria-required"],
        "spinbutton" => &["aria-activedescendant", "aria-readonly", "aria-required", "aria-valuemax", "aria-valuemin", "aria-valuenow", "aria-valuetext"],
        "slider" => &["aria-orientation", "aria-readonly", "aria-valuemax", "aria-valuemin", "aria-valuenow", "aria-valuetext"],
        "scrollbar" | "separator" => &["aria-orientation", "aria-valuemax", "aria-valuemin", "aria-valuenow", "aria-valuetext"],
        "meter" | "progressbar" => RANGE,
        "heading" => &["aria-level"],
        "listitem" => &["aria-level", "aria-posinset", "aria-setsize"],
        "article" | "comment" => &["aria-posinset", "aria-setsize"],
        "row" => &["aria-activedescendant", "aria-colindex", "aria-expanded", "aria-level", "aria-posinset", "aria-rowindex", "aria-selected", "aria-setsize"],
        "cell" => &["aria-colindex", "aria-colindextext", "aria-colspan", "aria-rowindex", "aria-rowindextext", "aria-rowspan"],
        "gridcell" => &["aria-colindex", "aria-colindextext", "aria-colspan", "aria-expanded", "aria-readonly", "aria-required", "aria-rowindex", "aria-rowindextext", "aria-rowspan", "aria-selected"],
        "columnheader" | "rowheader" => &["aria-colindex", "aria-colindextext", "aria-colspan", "aria-expanded", "aria-readonly", "aria-required", "aria-rowindex", "aria-rowindextext", "aria-rowspan", "aria-selected", "aria-sort"],
        "table" => &["aria-colcount", "aria-rowcount"],
        "grid" | "treegrid" => &["aria-activedescendant", "aria-colcount", "aria-multiselectable", "aria-readonly", "aria-rowcount", "aria-required", "aria-orientation"],
        "listbox" => &["aria-activedescendant", "aria-expanded", "aria-multiselectable", "aria-orientation", "aria-readonly", "aria-required"],
        "tree" => &["aria-activedescendant", "aria-multiselectable", "aria-orientation", "aria-required"],
        "tablist" => &["aria-activedescendant", "aria-multiselectable", "aria-orientation"],
        "menu" | "menubar" | "toolbar" => &["aria-activedescendant", "aria-orientation"],
        "radiogroup" => &["aria-activedescendant", "aria-orientation", "aria-readonly", "aria-required"],
        "group" => &["aria-activedescendant"],
        "menuitem" => &["aria-expanded", "aria-posinset", "aria-setsize"],
        "tab" => &["aria-expanded", "aria-posinset", "aria-selected", "aria-setsize"],
        "dialog" | "alertdialog" => &["aria-modal"],
        "link" => &["aria-expanded"],
        _ => &[],
    };
    list.contains(&attr)
}

/// Roles that may not be named with aria-label or aria-labelledby.
pub const NAME_PROHIBITED: &[&str] = &[
    "caption", "code", "deletion", "emphasis", "generic", "insertion", "mark", "none", "paragraph", "presentation", "strong", "subscript",
    "suggestion", "superscript", "term", "time",
];

/// States and properties a role requires when it is given explicitly.
pub fn required(role: &str) -> &'static [&'static str] {
    match role {
        "checkbox" | "menuitemcheckbox" | "menuitemradio" | "radio" | "switch" => &["aria-checked"],
        "combobox" => &["aria-expanded"],
        "heading" => &["aria-level"],
        "scrollbar" => &["aria-controls", "aria-valuenow"],
        "slider" => &["aria-valuenow"],
        _ => &[],
    }
}

/// Roles one of which must be the owning context of an element with `role`.
pub fn required_context(role: &str) -> &'static [&'static str] {
    match role {
        "cell" | "gridcell" | "columnheader" | "rowheader" => &["row"],
        "listitem" => &["list", "directory"],
        "menuitem" | "menuitemcheckbox" | "menuitemradio" => &["menu", "menubar", "group"],
        "option" => &["listbox", "group"],
        "row" => &["grid", "rowgroup", "table", "treegrid"],
        "rowgroup" => &["grid", "table", "treegrid"],
        "tab" => &["tablist"],
        "treeitem" => &["tree", "group"],
        _ => &[],
    }
}

/// Roles an element with `role` may own (empty: no requirement).
pub fn required_owned(role: &str) -> &'static [&'static str] {
    match role {
        "grid" | "table" | "treegrid" => &["caption", "row", "rowgroup"],
        "list" | "directory" => &["listitem"],
        "listbox" => &["option", "group"],
        "menu" | "menubar" => &["menuitem", "menuitemcheckbox", "menuitemradio", "group", "separator"],
        "row" => &["cell", "columnheader", "gridcell", "rowheader"],
        "rowgroup" => &["row"],
        "tablist" => &["tab"],
        "tree" => &["treeitem", "group"],
        "feed" => &["article"],
        _ => &[],
    }
}

/// Roles whose children are presentational (focusable content inside them is lost).
pub const PRESENTATIONAL_CHILDREN: &[&str] = &[
    "button", "checkbox", "img", "image", "meter", "menuitemcheckbox", "menuitemradio", "option", "progressbar", "radio", "scrollbar",
    "separator", "slider", "switch", "tab", "graphics-symbol", "math",
];

/// Roles whose accessible name can come from their content.
pub const NAME_FROM_CONTENT: &[&str] = &[
    "button", "cell", "checkbox", "columnheader", "gridcell", "heading", "link", "menuitem", "menuitemcheckbox", "menuitemradio",
    "option", "radio", "row", "rowheader", "switch", "tab", "tooltip", "treeitem", "doc-backlink", "doc-biblioref", "doc-glossref",
    "doc-noteref",
];
