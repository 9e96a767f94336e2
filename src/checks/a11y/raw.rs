//! Checks on the serialised HTML itself: HTML parsers silently drop a repeated attribute, so
//! A11Y-ATTR-DUP (ACT e6952f) reads the start tags as written.

use super::Violation;
use crate::finding::Severity;

/// Reports start tags that repeat an attribute.
pub fn duplicate_attributes(html: &str, out: &mut Vec<Violation>) {
    let b = html.as_bytes();
    // Reused for every tag, so that only the first tag with attributes allocates.
    let mut names: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // Text between tags is most of a page: jump to the next `<` with a vectorised search.
        match html[i..].find('<') {
            Some(next) => i += next,
            None => break,
        }
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        if !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' && b[j] != b'/' {
            j += 1;
        }
        let tag = &html[i + 1..j];
        names.clear();
        let mut dup: Option<&str> = None;
        loop {
            while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                j += 1;
                break;
            }
            let start = j;
            while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'=' && b[j] != b'>' && !(b[j] == b'/' && j > start) {
                j += 1;
            }
            let name = &html[start..j];
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < b.len() && b[j] == b'=' {
                j += 1;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                    let q = b[j];
                    j += 1;
                    while j < b.len() && b[j] != q {
                        j += 1;
                    }
                    j += 1;
                } else {
                    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                        j += 1;
                    }
                }
            }
            if !name.is_empty() {
                if dup.is_none() && names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                    dup = Some(name);
                }
                names.push(name);
            }
        }
        if let Some(name) = dup {
            let (tag, name) = (tag.to_ascii_lowercase(), name.to_ascii_lowercase());
            out.push(Violation {
                rule: "A11Y-ATTR-DUP",
                act: "e6952f",
                severity: Severity::Error,
                node: None,
                message: format!("A <{tag}> element has the attribute `{name}` twice; browsers keep only the first."),
                help: "Remove one of them. If it comes from a template, check for an attribute written both literally and by a variable.".into(),
            });
        }
        // Raw text elements: skip to their end tag so markup inside them is not read as tags.
        let raw_text = ["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes"].iter().find(|t| t.eq_ignore_ascii_case(tag));
        if let Some(tag) = raw_text {
            // Find `</tag` case-insensitively without copying the rest of the page.
            let from = j.min(b.len());
            i = html[from..].match_indices("</").map(|(e, _)| from + e).find(|&e| html.get(e + 2..e + 2 + tag.len()).is_some_and(|t| t.eq_ignore_ascii_case(tag))).unwrap_or(b.len());
        } else {
            i = j;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_repeated_attributes_only_in_tags() {
        let mut out = Vec::new();
        duplicate_attributes(r#"<p class=a CLASS="b">x</p><!-- <i a a> --><script>var s = "<b c c>";</script><img alt="" src=x>"#, &mut out);
        assert_eq!(out.len(), 1);
        assert!(out[0].message.contains("`class`"));
    }
}
