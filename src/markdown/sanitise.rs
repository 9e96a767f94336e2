//! Raw HTML in markdown is reduced to a safe allow-list (SPEC §4): no script, no event
//! handlers, no `javascript:` or `data:` URLs, no styles. ammonia does the cleaning; this module
//! also says, in plain words, what was removed, using the same allow-lists.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use scraper::{Html, Node};

use crate::line_marker::LINE_ATTR;

/// Elements raw HTML may use.
const TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];
/// Attributes any allowed element may have.
const GENERIC_ATTRS: &[&str] = &["class", "dir", "id", "lang", "role", "title", "translate"];
/// Attribute prefixes any allowed element may have.
const GENERIC_PREFIXES: &[&str] = &["aria-"];
/// Attributes allowed on particular elements.
const TAG_ATTRS: &[(&str, &[&str])] = &[
    ("a", &["href", "hreflang"]),
    ("img", &["alt", "height", "src", "width", "loading"]),
    ("ol", &["reversed", "start", "type"]),
    ("td", &["colspan", "headers", "rowspan"]),
    ("th", &["abbr", "colspan", "headers", "rowspan", "scope"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("time", &["datetime"]),
    ("details", &["open"]),
    ("q", &["cite"]),
    ("blockquote", &["cite"]),
    ("del", &["cite", "datetime"]),
    ("ins", &["cite", "datetime"]),
];
/// URL schemes links and pictures may use (relative URLs are always fine).
const SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];
/// Elements removed together with everything inside them: scripts and styles, and elements
/// whose content browsers never show as markup (an iframe's fallback, a textarea's text …).
const REMOVED_WITH_CONTENT: &[&str] = &["script", "style", "iframe", "noembed", "noframes", "noscript", "plaintext", "textarea", "title", "xmp", "template"];

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.tags(TAGS.iter().copied().collect())
        .generic_attributes(GENERIC_ATTRS.iter().chain(&[LINE_ATTR]).copied().collect())
        // Only the renderer writes line markers (raw HTML loses its own), and they are numbers:
        // anything else in one is dropped, should a marker ever come from elsewhere.
        .attribute_filter(|_, attr, value| if attr == LINE_ATTR && !value.bytes().all(|b| b.is_ascii_digit()) { None } else { Some(value.into()) })
        .generic_attribute_prefixes(GENERIC_PREFIXES.iter().copied().collect())
        .tag_attributes(TAG_ATTRS.iter().map(|(t, a)| (*t, a.iter().copied().collect::<HashSet<_>>())).collect::<HashMap<_, _>>())
        .url_schemes(SCHEMES.iter().copied().collect())
        .clean_content_tags(REMOVED_WITH_CONTENT.iter().copied().collect())
        .link_rel(None)
        .strip_comments(true);
    b
});

/// Cleans a whole page body (markdown output with raw HTML in it).
pub fn clean(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

/// What cleaning `chunk` (one piece of raw HTML) removes, in plain words; empty if nothing.
pub fn report(chunk: &str) -> Vec<String> {
    let fragment = Html::parse_fragment(chunk);
    let mut removed = Vec::new();
    let lower = chunk.to_ascii_lowercase();
    for tag in ["html", "head", "body"] {
        if lower.match_indices(&format!("<{tag}")).any(|(i, _)| lower[i + tag.len() + 1..].starts_with([' ', '>', '/', '\t', '\n'])) {
            removed.push(format!("removed the <{tag}> tag and its attributes"));
        }
    }
    for node in fragment.tree.nodes() {
        let Node::Element(el) = node.value() else { continue };
        let name = el.name();
        // The fragment parser wraps the chunk in html and body elements of its own (and drops
        // written ones with their attributes, so those are found in the text below).
        if matches!(name, "html" | "head" | "body") {
            continue;
        }
        if !TAGS.contains(&name) {
            let what = if REMOVED_WITH_CONTENT.contains(&name) || matches!(name, "svg" | "math" | "object" | "embed") { " and everything inside it" } else { " (its text is kept)" };
            removed.push(format!("removed the <{name}> element{what}"));
            continue;
        }
        for (attr, value) in el.attrs() {
            let allowed = GENERIC_ATTRS.contains(&attr) || GENERIC_PREFIXES.iter().any(|p| attr.starts_with(p)) || TAG_ATTRS.iter().any(|(t, a)| *t == name && a.contains(&attr));
            if !allowed {
                removed.push(format!("removed the {attr} attribute from <{name}>"));
            } else if (attr == "href" || attr == "src" || attr == "cite") && !url_allowed(value) {
                removed.push(format!("removed the unsafe address {attr}=\"{}\" from <{name}>", value.trim().chars().take(40).collect::<String>()));
            }
        }
    }
    removed
}

/// Relative URLs, and absolute ones with an allowed scheme. Browsers ignore ASCII whitespace
/// and control characters inside a scheme, so `java\tscript:` is treated as `javascript:`;
/// other characters outside printable ASCII (a NUL read as U+FFFD) are left out too, to be
/// safe. Text before the first `:` that then cannot be a scheme (a letter, then letters,
/// digits, `+`, `-` or `.`) makes the URL relative, as browsers read it: `foo):` is a path.
pub fn url_allowed(url: &str) -> bool {
    let cleaned: String = url.chars().filter(char::is_ascii_graphic).collect();
    let Some((scheme, _)) = cleaned.split_once(':') else { return true };
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic()) && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    !is_scheme || SCHEMES.contains(&scheme.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_what_it_reports() {
        let vectors = [
            "<SCRIPT>alert(1)</SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>",
            "<svg><script>alert(1)</script></svg>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<base href=\"javascript:alert(1)//\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<p style=\"width: expression(alert(1))\">x</p>",
            "<img alt=\"a b\" data-cl-line='\"a b\"onerror=alert(1)//' src=/p.png>",
        ];
        for v in vectors {
            let out = clean(v).to_ascii_lowercase();
            assert!(!out.contains("script") && !out.contains("onerror") && !out.contains("data:") && !out.contains("expression") && !out.contains("<base") && !out.contains("<meta"), "{v} -> {out}");
            assert!(!report(v).is_empty(), "nothing reported for {v}");
        }
    }

    #[test]
    fn only_a_real_scheme_makes_an_address_absolute() {
        for relative in ["foo):", "/x:y", "?q=a:b", "#a:b", "-x:y", "pictures/a.svg"] {
            assert!(url_allowed(relative), "{relative}");
        }
        for unsafe_url in ["javascript:x", "JaVaScRiPt:x", " java\tscript:x", "vbscript:x", "java\u{FFFD}script:x", "data:text/html,x", "irc://x", "a+b.c-d:x"] {
            assert!(!url_allowed(unsafe_url), "{unsafe_url}");
        }
        for safe in ["https://x.org", "HTTP://x.org", "mailto:a@b.org", "tel:111"] {
            assert!(url_allowed(safe), "{safe}");
        }
    }

    #[test]
    fn keeps_safe_html_and_reports_nothing() {
        let safe = "<details><summary>More</summary><p lang=\"cy\" dir=\"ltr\"><abbr title=\"National Health Service\">NHS</abbr> <a href=\"tel:111\">111</a></p></details>";
        assert_eq!(clean(safe), safe);
        assert!(report(safe).is_empty());
    }
}
