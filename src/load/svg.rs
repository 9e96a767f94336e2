//! SVG pictures under `content/` are published on the site's own address, where a script in one
//! runs with the site's rights as soon as someone opens the picture. So each SVG is read as XML
//! and written again without what could run or reach outside the site: scripts and other
//! active elements, event attributes, addresses other than the picture's own `#parts` and
//! embedded raster images, outside style sheets, and the DOCTYPE (whose entities can be made
//! to grow without end). Everything else is written back as it was.

use std::borrow::Cow;

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer, XmlVersion};

/// An SVG made safe, and what was taken out (each with its 1-based line).
#[derive(Debug, Default)]
pub struct Cleaned {
    /// The picture as it is published.
    pub bytes: Vec<u8>,
    /// What was removed, in plain words, with the line it was on.
    pub removed: Vec<(usize, String)>,
}

/// Elements removed with everything inside them, by local name in lower case: they run
/// scripts, hold HTML that can, or load other documents.
const DROPPED: &[&str] = &["script", "foreignobject", "iframe", "frame", "frameset", "embed", "object", "applet", "handler", "listener", "base", "meta", "link", "form", "audio", "video"];
/// Animation elements, which can set an attribute to a script address after the picture loads.
const ANIMATIONS: &[&str] = &["set", "animate", "animatemotion", "animatetransform", "animatecolor"];
/// Attributes whose value is an address that the browser follows or fetches.
const ADDRESSES: &[&str] = &["href", "src", "action", "formaction", "data", "codebase", "background", "poster", "srcset"];

/// Reads `bytes` as an SVG and writes it again without scripts or outside references. `Err`
/// says in plain words why it could not be read as XML.
pub fn clean(bytes: &[u8]) -> Result<Cleaned, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("it is not UTF-8 text (byte {})", e.valid_up_to()))?;
    let mut reader = Reader::from_str(text);
    let mut writer = Writer::new(Vec::with_capacity(bytes.len()));
    let mut removed = Vec::new();
    // While inside a removed element: how many of its descendants are open.
    let mut skipping: Option<usize> = None;
    let line_at = |pos: u64| 1 + text.as_bytes()[..(pos as usize).min(text.len())].iter().filter(|&&b| b == b'\n').count();
    // A <style> element is written only once its whole text is known to be safe.
    let mut style: Option<(usize, Vec<Event<'static>>)> = None;
    loop {
        let start = reader.buffer_position();
        let event = reader.read_event().map_err(|e| format!("it is not well-formed XML at line {}: {e}", line_at(reader.error_position())))?;
        if let Some(depth) = &mut skipping {
            match event {
                Event::Start(_) => *depth += 1,
                Event::End(_) if *depth == 0 => skipping = None,
                Event::End(_) => *depth -= 1,
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        let line = line_at(start);
        if let Some((style_line, events)) = &mut style {
            let end = matches!(event, Event::End(_));
            events.push(event.into_owned());
            if end {
                let (style_line, events) = (*style_line, std::mem::take(events));
                style = None;
                let css: String = events
                    .iter()
                    .filter_map(|e| match e {
                        Event::Text(t) => Some(t.xml10_content().into_owned()),
                        Event::CData(t) => Some(t.xml10_content().into_owned()),
                        _ => None,
                    })
                    .collect();
                if style_allowed(&css) {
                    for e in events {
                        writer.write_event(e).map_err(|e| e.to_string())?;
                    }
                } else {
                    removed.push((style_line, "removed a <style> element: it loads something from outside the picture".into()));
                }
            }
            continue;
        }
        let written = match event {
            Event::Start(e) if dropped(&e) => {
                removed.push((line, format!("removed the <{}> element and everything inside it", name_of(&e))));
                skipping = Some(0);
                continue;
            }
            Event::Empty(e) if dropped(&e) => {
                removed.push((line, format!("removed the <{}> element", name_of(&e))));
                continue;
            }
            Event::Start(e) if local_lower(name_of(&e)) == "style" => {
                style = Some((line, vec![Event::Start(safe_attributes(&e, line, &mut removed))]));
                continue;
            }
            Event::Start(e) => Event::Start(safe_attributes(&e, line, &mut removed)),
            Event::Empty(e) => Event::Empty(safe_attributes(&e, line, &mut removed)),
            Event::DocType(_) => {
                removed.push((line, "removed the DOCTYPE".into()));
                continue;
            }
            Event::PI(pi) => {
                removed.push((line, format!("removed the processing instruction <?{}?>", pi.target())));
                continue;
            }
            Event::Eof => break,
            other => other,
        };
        writer.write_event(written).map_err(|e| e.to_string())?;
    }
    Ok(Cleaned { bytes: writer.into_inner(), removed })
}

fn name_of<'a>(e: &'a BytesStart<'_>) -> &'a str {
    e.name().into_inner()
}

fn local_lower(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_ascii_lowercase()
}

fn dropped(e: &BytesStart<'_>) -> bool {
    let local = local_lower(name_of(e));
    if DROPPED.contains(&local.as_str()) {
        return true;
    }
    if local == "style" {
        return false;
    }
    // An animation of an address or an event attribute can plant a script.
    ANIMATIONS.contains(&local.as_str())
        && e.attributes().flatten().any(|a| {
            local_lower(a.key.into_inner()) == "attributename" && {
                let target = local_lower(&value(&a));
                ADDRESSES.contains(&target.as_str()) || target.starts_with("on")
            }
        })
}

fn value<'a>(a: &'a Attribute<'a>) -> Cow<'a, str> {
    // A value that cannot be unescaped is treated as unsafe by the callers' checks.
    a.normalized_value(XmlVersion::Implicit1_0).unwrap_or(Cow::Borrowed("javascript:"))
}

/// The element with its unsafe attributes removed (and reported).
fn safe_attributes(e: &BytesStart<'_>, line: usize, removed: &mut Vec<(usize, String)>) -> BytesStart<'static> {
    let name = name_of(e);
    let mut out = BytesStart::new(name.to_string());
    for attr in e.attributes().with_checks(false).flatten() {
        let key = attr.key.into_inner();
        let local = local_lower(key);
        let v = value(&attr);
        let why = if local.starts_with("on") {
            Some("an event attribute runs a script")
        } else if ADDRESSES.contains(&local.as_str()) && !address_allowed(&v) {
            Some("it points outside the picture")
        } else if local == "style" && !style_allowed(&v) {
            Some("the style loads something from outside the picture")
        } else {
            None
        };
        match why {
            Some(why) => removed.push((line, format!("removed the {key} attribute from <{name}>: {why}"))),
            None => out.push_attribute(Attribute { key: attr.key, value: attr.value.clone() }),
        }
    }
    out
}

/// A reference to a part of the same picture, or a raster image written into it.
fn address_allowed(v: &str) -> bool {
    let v = v.trim();
    let lower: String = v.chars().filter(|c| !c.is_ascii_whitespace()).take(16).collect::<String>().to_ascii_lowercase();
    v.starts_with('#') || ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"].iter().any(|p| lower.starts_with(p))
}

/// CSS that loads nothing from outside: `url()` only to `#parts`, no `@import`, no script.
pub fn style_allowed(css: &str) -> bool {
    let lower = css.to_ascii_lowercase();
    if lower.contains("@import") || lower.contains("javascript:") || lower.contains("expression(") || lower.contains('\\') {
        return false;
    }
    lower.match_indices("url(").all(|(i, _)| lower[i + 4..].trim_start_matches([' ', '\t', '\n', '"', '\'']).starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(svg: &str) -> (String, Vec<(usize, String)>) {
        let c = clean(svg.as_bytes()).unwrap();
        (String::from_utf8(c.bytes).unwrap(), c.removed)
    }

    #[test]
    fn a_plain_picture_is_written_back_unchanged() {
        let svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">\n  <!-- a phone -->\n  <title>A phone</title>\n  <defs><path id=\"p\" d=\"M0 0h10\"/></defs>\n  <use xlink:href=\"#p\" style=\"fill: url(#g)\"/>\n  <style>.a { fill: #000 }</style>\n</svg>\n";
        let (out, removed) = cleaned(svg);
        assert_eq!(out, svg);
        assert!(removed.is_empty(), "{removed:?}");
    }

    #[test]
    fn scripts_events_and_outside_references_go() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">\n<script>alert(2)</script>\n<a href=\"javascript:alert(3)\"><text>x</text></a>\n<image href=\"https://tracker.example/p.png\"/>\n<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\"><img src=\"x\" onerror=\"alert(4)\"/></div></foreignObject>\n<set attributeName=\"href\" to=\"javascript:alert(5)\"/>\n<html:script xmlns:html=\"http://www.w3.org/1999/xhtml\">alert(6)</html:script>\n<rect style=\"fill: url(https://x.example/a.svg#g)\" ONCLICK=\"alert(7)\"/>\n<circle r=\"1\"/>\n</svg>";
        let (out, removed) = cleaned(svg);
        for gone in ["alert", "tracker", "onload", "foreignObject", "x.example", "<set"] {
            assert!(!out.contains(gone), "{gone} in {out}");
        }
        assert!(out.contains("<circle r=\"1\"/>") && out.contains("<a><text>x</text></a>"), "{out}");
        let lines: Vec<usize> = removed.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [1, 2, 3, 4, 5, 6, 7, 8, 8], "{removed:?}");
    }

    #[test]
    fn entities_and_stylesheets_from_outside_go() {
        let (out, removed) = cleaned("<?xml-stylesheet href=\"https://x.example/s.css\"?><!DOCTYPE svg [<!ENTITY a \"aaaa\">]><svg><style>@import url(https://x.example/s.css);</style></svg>");
        assert_eq!(out, "<svg></svg>");
        assert_eq!(removed.len(), 3, "{removed:?}");
    }

    #[test]
    fn what_is_not_xml_is_refused() {
        assert!(clean(b"<svg><g></svg>").is_err());
        assert!(clean(b"\xff\xfe<svg/>").is_err());
    }
}
