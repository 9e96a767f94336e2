//! The page-level rules. Each `fn` is one rule (or one ACT rule of a clearleaf rule); `run` calls
//! them all. Messages speak to content editors; help lines show the fix.

use std::cell::RefCell;

use ego_tree::NodeId;
use rustc_hash::{FxHashMap, FxHashSet};
use scraper::ElementRef;

use super::aria::{self, ValueType};
use super::dom::{Attr, Doc, style_prop, style_value};
use super::{Expect, Violation};
use crate::finding::Severity;
use crate::language::{Dir, direction_of, has_known_primary};
use crate::rules::{self, Rule};
use crate::variant::Form;

struct Out<'o> {
    v: &'o mut Vec<Violation>,
}

impl Out<'_> {
    fn push(&mut self, rule: &'static Rule, act: &'static str, severity: Severity, el: Option<&ElementRef<'_>>, message: impl Into<String>, help: impl Into<String>) {
        self.v.push(Violation { rule, act, severity, node: el.map(|e| e.id()), message: message.into(), help: help.into() });
    }
}

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

/// Runs every rule.
pub fn run(doc: &Doc, expect: Option<&Expect<'_>>, v: &mut Vec<Violation>) {
    let mut o = Out { v };
    language(doc, expect, &mut o);
    document(doc, &mut o);
    repeated_attributes(doc, &mut o);
    structure(doc, expect, &mut o);
    names(doc, &mut o);
    links(doc, expect, &mut o);
    aria_rules(doc, &mut o);
    hidden_focus(doc, &mut o);
    tables(doc, &mut o);
    autocomplete(doc, &mut o);
    iframes(doc, &mut o);
    text_spacing(doc, &mut o);
    bidi_isolation(doc, &mut o);
}

/// ACT e6952f: an attribute written twice in one start tag.
fn repeated_attributes(doc: &Doc, o: &mut Out<'_>) {
    for el in doc.repeated_attributes.iter().filter_map(|&id| doc.html.tree.get(id)).filter_map(ElementRef::wrap) {
        o.push(
            &rules::A11Y_ATTR_DUP,
            "e6952f",
            E,
            Some(&el),
            format!("A <{}> element has an attribute written twice; browsers keep only the first.", tag(&el)),
            "Remove one of them. If it comes from a template, check for an attribute written both literally and by a variable.",
        );
    }
}

fn tag<'a>(el: &ElementRef<'a>) -> &'a str {
    el.value().name()
}

fn describe(el: &ElementRef<'_>) -> String {
    let mut s = format!("<{}", tag(el));
    for a in ["id", "href", "src", "role", "class"] {
        if let Some(v) = el.value().get(a) {
            let v: String = v.chars().take(40).collect();
            s.push_str(&format!(" {a}=\"{v}\""));
        }
    }
    s.push('>');
    s
}

fn html_el(doc: &Doc) -> Option<ElementRef<'_>> {
    Some(doc.html.root_element()).filter(|e| tag(e) == "html")
}

// ---------------------------------------------------------------- language

fn language(doc: &Doc, expect: Option<&Expect<'_>>, o: &mut Out<'_>) {
    let Some(html) = html_el(doc) else { return };
    let lang = html.value().get("lang").map(str::trim).unwrap_or("");
    if lang.is_empty() {
        o.push(&rules::A11Y_LANG_PRESENT, "b5c3f8", E, Some(&html), "The page does not say which language it is in.", "Add a lang attribute to <html>, like <html lang=\"en\">.");
    } else if !known_language(lang) {
        o.push(&rules::A11Y_LANG_VALID, "bf051a", E, Some(&html), format!("The page's language `{lang}` is not a known language code."), "Use a BCP 47 code such as en, cy, pl, ur or ar.");
    }
    if let Some(x) = expect
        && !lang.is_empty()
        && !lang.eq_ignore_ascii_case(x.lang)
    {
        o.push(&rules::I18N_LANG_MATCHES, "", E, Some(&html), format!("The page says it is in `{lang}`, but it is the {} version.", x.lang), "The theme must set <html lang=\"{{ lang }}\">.");
    }
    let dir = html.value().get("dir").map(|d| d.trim().to_ascii_lowercase());
    let want = expect.map(|x| x.dir).or_else(|| (!lang.is_empty()).then(|| direction_of(lang)));
    match (want, dir.as_deref()) {
        (Some(Dir::Rtl), d) if d != Some("rtl") => o.push(
            &rules::I18N_DIR,
            "",
            E,
            Some(&html),
            "This page is in a right-to-left language but does not say so.",
            "Set <html dir=\"rtl\"> on pages in Arabic, Urdu, Persian, Hebrew, Pashto or Sindhi.",
        ),
        (Some(Dir::Ltr), Some("rtl")) => {
            o.push(&rules::I18N_DIR, "", E, Some(&html), "This page is in a left-to-right language but is set to right-to-left.", "Remove dir=\"rtl\" from <html>, or use dir=\"ltr\".")
        }
        _ => {}
    }
    // Language of parts (ACT de46e4): lang on elements with text of their own.
    for el in doc.elements().filter(|e| e.value().get("lang").is_some_and(|l| !l.is_empty()) && doc.in_body(e)) {
        let value = el.value().get("lang").unwrap_or("").trim();
        if known_language(value) || !has_own_text(doc, &el) {
            continue;
        }
        o.push(
            &rules::A11Y_LANG_PARTS,
            "de46e4",
            E,
            Some(&el),
            format!("The language code `{value}` on {} is not a known language.", describe(&el)),
            "Use a BCP 47 code such as en, cy or ur on lang attributes.",
        );
    }
}

/// [`has_known_primary`], remembered: it scans the whole list of language codes, and a site
/// uses the same few codes on every page.
fn known_language(tag: &str) -> bool {
    thread_local! {
        static KNOWN: RefCell<FxHashMap<String, bool>> = RefCell::default();
    }
    KNOWN.with_borrow_mut(|known| {
        if let Some(&k) = known.get(tag) {
            return k;
        }
        let k = has_known_primary(tag);
        // Bounded, for an `audit` of pages written in many languages.
        if known.len() < 64 {
            known.insert(tag.to_string(), k);
        }
        k
    })
}

/// Text (or an accessible name) whose language comes from this element and that is visible or
/// in the accessibility tree.
fn has_own_text(doc: &Doc, el: &ElementRef<'_>) -> bool {
    fn walk(doc: &Doc, el: &ElementRef<'_>, top: bool) -> bool {
        if !top && el.value().get("lang").is_some_and(|l| !l.trim().is_empty()) {
            return false;
        }
        if doc.is_not_rendered(el) && doc.is_hidden(el) {
            return false;
        }
        let named = ["alt", "aria-label", "title"].iter().any(|a| el.value().get(a).is_some_and(|v| !v.trim().is_empty())) && !doc.is_hidden(el);
        named
            || el.children().any(|c| match c.value() {
                scraper::Node::Text(t) => !t.trim().is_empty() && !doc.is_not_rendered(el) || (!t.trim().is_empty() && !doc.is_hidden(el)),
                scraper::Node::Element(_) => ElementRef::wrap(c).is_some_and(|c| walk(doc, &c, false)),
                _ => false,
            })
    }
    walk(doc, el, true)
}

// ---------------------------------------------------------------- document

fn document(doc: &Doc, o: &mut Out<'_>) {
    let root = doc.html.root_element();
    // Title (ACT 2779a5): the first <title> has text that is not only whitespace.
    match doc.elements().find(|e| tag(e) == "title" && e.value().get("xmlns").is_none() && !e.ancestors().filter_map(ElementRef::wrap).any(|a| tag(&a) == "svg")) {
        None => o.push(&rules::A11Y_TITLE, "2779a5", E, Some(&root), "The page has no <title>.", "Give the page a title in <head>: <title>Page – Site</title>."),
        Some(t) if t.text().collect::<String>().trim().is_empty() => o.push(&rules::A11Y_TITLE, "2779a5", E, Some(&t), "The page's <title> is empty.", "Write the page's name in <title>."),
        _ => {}
    }
    for meta in doc.elements().filter(|e| tag(e) == "meta") {
        let name = meta.value().get("name").map(str::to_ascii_lowercase);
        if name.as_deref() == Some("viewport")
            && let Some(content) = meta.value().get("content")
        {
            viewport(&meta, content, o);
        }
    }
    // Refresh (ACT bc659a): the first valid refresh; a delay between 1 and 72000 seconds fails.
    let refresh = doc
        .elements()
        .filter(|e| tag(e) == "meta" && e.value().get("http-equiv").is_some_and(|h| h.trim().eq_ignore_ascii_case("refresh")))
        .find_map(|m| m.value().get("content").and_then(refresh_delay).map(|d| (m, d)));
    if let Some((meta, delay)) = refresh
        && delay > 0.0
        && delay <= 72000.0
    {
        o.push(
            &rules::A11Y_REFRESH,
            "bc659a",
            E,
            Some(&meta),
            format!("The page reloads or moves on by itself after {delay} seconds."),
            "Remove the meta refresh, or use a delay of 0 for an immediate redirect.",
        );
    }
    // Unique ids (ACT 3ea0c8).
    let mut seen = FxHashSet::default();
    for el in doc.elements() {
        if let Some(id) = el.value().get("id").filter(|i| !i.is_empty())
            && !seen.insert(id)
        {
            o.push(
                &rules::A11Y_ID_UNIQUE,
                "3ea0c8",
                E,
                Some(&el),
                format!("The id `{id}` is used more than once on this page."),
                "Give each element its own id. Headings written twice get -2, -3 …; check ids written by hand with {#id}.",
            );
        }
    }
}

fn viewport(meta: &ElementRef<'_>, content: &str, o: &mut Out<'_>) {
    for part in content.split([',', ';']) {
        let Some((k, v)) = part.split_once('=') else { continue };
        let (k, v) = (k.trim().to_ascii_lowercase(), v.trim().to_ascii_lowercase());
        // CSS Device Adaptation: yes = 1, device-width/height = 10, other words = 0.
        let num = match v.as_str() {
            "yes" => Some(1.0),
            "device-width" | "device-height" => Some(10.0),
            _ => Some(v.parse::<f64>().unwrap_or(0.0)),
        };
        let blocks = match k.as_str() {
            "user-scalable" => num.is_some_and(|n| n > -1.0 && n < 1.0),
            "maximum-scale" => num.is_some_and(|n| (0.0..2.0).contains(&n)),
            _ => false,
        };
        if blocks {
            o.push(
                &rules::A11Y_VIEWPORT,
                "b4f0c3",
                E,
                Some(meta),
                format!("The page stops people from zooming in ({k}={v})."),
                "Remove user-scalable=no and any maximum-scale below 2 from the viewport meta tag.",
            );
            return;
        }
    }
}

/// The delay of a valid `<meta http-equiv=refresh>` content value (HTML's "shared declarative
/// refresh steps"), or `None` if it is not valid.
fn refresh_delay(content: &str) -> Option<f64> {
    let s = content.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &s[digits.len()..];
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    if digits.is_empty() && !s.starts_with('.') {
        return None;
    }
    if !(rest.is_empty() || rest.starts_with([';', ',']) || rest.starts_with(|c: char| c.is_ascii_whitespace())) {
        return None;
    }
    digits.parse::<f64>().ok().or(Some(0.0))
}

// ---------------------------------------------------------------- structure

fn structure(doc: &Doc, expect: Option<&Expect<'_>>, o: &mut Out<'_>) {
    let Some(body) = doc.elements().find(|e| tag(e) == "body") else { return };
    let role_is = |e: &ElementRef<'_>, r: &str| !doc.is_hidden(e) && doc.role(e) == Some(r);
    // Landmarks and headings, found in one pass.
    let mut mains = Vec::new();
    let mut has_landmark = [false; 3];
    let mut headings: Vec<(ElementRef<'_>, u32)> = Vec::new();
    for e in doc.elements() {
        let facts = doc.facts(&e);
        if facts.hidden() {
            continue;
        }
        match facts.role {
            Some("main") => mains.push(e),
            Some("banner") => has_landmark[0] = true,
            Some("navigation") => has_landmark[1] = true,
            Some("contentinfo") => has_landmark[2] = true,
            Some("heading") => {
                let level = e.value().get("aria-level").and_then(|l| l.trim().parse().ok()).or_else(|| tag(&e).strip_prefix('h').and_then(|n| n.parse().ok())).unwrap_or(2);
                headings.push((e, level));
            }
            _ => {}
        }
    }
    match mains.len() {
        0 => o.push(&rules::A11Y_MAIN, "", E, Some(&body), "The page has no main landmark.", "Wrap the page's own content in <main id=\"main\">."),
        1 => {}
        _ => o.push(&rules::A11Y_MAIN, "", E, Some(&mains[1]), "The page has more than one main landmark.", "Keep one <main>; use <section> for parts of it."),
    }
    if expect.is_some() {
        for ((role, what), found) in [("banner", "<header>"), ("navigation", "<nav>"), ("contentinfo", "<footer>")].into_iter().zip(has_landmark) {
            if !found {
                o.push(&rules::A11Y_MAIN, "", W, Some(&body), format!("The page has no {role} landmark."), format!("Add a {what} to the theme's base template."));
            }
        }
        // Skip link: the first focusable element is a same-page link to the main content.
        let first = doc.elements().find(|e| doc.in_body(e) && doc.in_tab_order(e));
        let target_ok = |href: &str| {
            href.strip_prefix('#').and_then(|id| doc.by_id(id)).is_some_and(|t| {
                role_is(&t, "main") || t.descendants().filter_map(ElementRef::wrap).any(|d| role_is(&d, "main")) || t.ancestors().filter_map(ElementRef::wrap).any(|a| role_is(&a, "main"))
            })
        };
        match first {
            Some(a) if tag(&a) == "a" && a.value().get("href").is_some_and(target_ok) => {}
            _ => o.push(
                &rules::A11Y_SKIP_LINK,
                "",
                E,
                first.as_ref().or(Some(&body)),
                "The first thing a keyboard reaches is not a link that skips to the main content.",
                "Make the first link in <body> <a class=\"skip-link\" href=\"#main\">, and give <main> id=\"main\".",
            ),
        }
    }
    // Headings.
    for (h, _) in &headings {
        if doc.name(h).is_empty() {
            o.push(&rules::A11Y_HEADING_EMPTY, "ffd0e9", E, Some(h), "This heading is empty.", "Write words in the heading, or remove it.");
        }
    }
    if expect.is_some() {
        let h1s: Vec<_> = headings.iter().filter(|(_, l)| *l == 1).collect();
        match h1s.len() {
            0 => o.push(&rules::A11Y_H1, "", E, Some(&body), "The page has no main heading (h1).", "The theme prints the title as <h1>; do not remove it."),
            1 => {}
            _ => o.push(&rules::A11Y_H1, "", W, Some(&h1s[1].0), "The page has more than one main heading (h1).", "Start headings in the text at ## (h2): the page title is already the h1."),
        }
        let easy = expect.is_some_and(|x| x.form == Form::Easy);
        for w in headings.windows(2) {
            let ((_, a), (h, b)) = (&w[0], &w[1]);
            if *b > a + 1 {
                o.push(
                    &rules::A11Y_HEADING_ORDER,
                    "",
                    if easy { E } else { W },
                    Some(h),
                    format!("A level {b} heading follows a level {a} heading, skipping a level."),
                    format!("Use a level {} heading here ({} in markdown).", a + 1, "#".repeat(*a as usize + 1)),
                );
            }
        }
    }
}

// ---------------------------------------------------------------- names

fn names(doc: &Doc, o: &mut Out<'_>) {
    for el in doc.elements() {
        let facts = doc.facts(&el);
        if facts.hidden() {
            continue;
        }
        let name = tag(&el);
        let (explicit, role) = (facts.explicit_role, facts.role);
        let is_svg = &*el.value().name.ns == "http://www.w3.org/2000/svg";
        let empty = || doc.name(&el).is_empty();
        // Images (ACT 23a2a8): <img> and role=img, unless decorative.
        if !is_svg && (name == "img" || matches!(explicit, Some("img" | "image"))) && matches!(role, Some("img" | "image")) && empty() {
            o.push(
                &rules::A11Y_IMG_NAME,
                "23a2a8",
                E,
                Some(&el),
                "This picture has no description (alt text).",
                "Describe what the picture shows: ![A phone](phone.svg). If it is only decoration, write ![](file.svg \"decoration\").",
            );
        }
        if name == "img"
            && let (Some(alt), Some(src)) = (el.value().get("alt"), el.value().get("src"))
        {
            // Addresses are percent-encoded (`a%20b.png`); the description says the name as read.
            let file = percent_encoding::percent_decode_str(src.rsplit('/').next().unwrap_or(src)).decode_utf8_lossy();
            let lower = alt.trim().to_lowercase();
            if !lower.is_empty() && (lower == file.to_lowercase() || ["image", "picture", "photo", "graphic", "icon", "img"].contains(&lower.as_str()) || alt.chars().count() > 150) {
                o.push(
                    &rules::A11Y_IMG_ALT_QUALITY,
                    "",
                    W,
                    Some(&el),
                    format!("The description of this picture (\"{}\") does not say what it shows.", alt.chars().take(60).collect::<String>()),
                    "Describe the picture in a few words, under 150 characters, like ![A nurse on the phone](nurse.svg).",
                );
            }
        }
        // Image buttons (ACT 59796f).
        if name == "input" && el.value().get("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("image")) && role == Some("button") {
            let has = ["alt", "aria-label", "title"].iter().any(|a| el.value().get(a).is_some_and(|v| !v.trim().is_empty())) || labelledby_name(doc, &el);
            if !has {
                o.push(&rules::A11Y_IMG_NAME, "59796f", E, Some(&el), "This image button has no name.", "Add alt text that says what the button does, like alt=\"Search\".");
            }
        }
        // SVG with an explicit role (ACT 7d6734).
        if is_svg && matches!(explicit, Some("img" | "graphics-document" | "graphics-symbol")) && empty() {
            o.push(&rules::A11Y_IMG_NAME, "7d6734", E, Some(&el), "This SVG picture has no name.", "Give it a <title> child or an aria-label.");
        }
        // Objects showing images, audio or video (ACT 8fc3b6).
        if name == "object" && object_is_media(&el) && role.is_none_or(|r| r != "none" && r != "presentation") {
            let has = ["aria-label", "title"].iter().any(|a| el.value().get(a).is_some_and(|v| !v.trim().is_empty())) || labelledby_name(doc, &el);
            if !has {
                o.push(&rules::A11Y_IMG_NAME, "8fc3b6", E, Some(&el), "This embedded object has no name.", "Add aria-label or title saying what it shows.");
            }
        }
        // Buttons (ACT 97a4e1), except image buttons.
        if role == Some("button") && !(name == "input" && el.value().get("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("image"))) && empty() {
            o.push(&rules::A11Y_CONTROL_NAME, "97a4e1", E, Some(&el), "This button has no name.", "Put words in the button, or add aria-label.");
        }
        // Form fields (ACT e086e5).
        let date_field = name == "input" && el.value().get("type").is_some_and(|t| ["date", "datetime-local", "month", "time", "week"].contains(&t.trim().to_ascii_lowercase().as_str()));
        if (date_field
            || role.is_some_and(|r| ["checkbox", "combobox", "listbox", "menuitemcheckbox", "menuitemradio", "radio", "searchbox", "slider", "spinbutton", "switch", "textbox"].contains(&r)))
            && empty()
        {
            o.push(&rules::A11Y_CONTROL_NAME, "e086e5", E, Some(&el), "This form field has no label.", "Add a <label for=\"…\"> with the field's name.");
        }
        // Iframes (ACT cae760).
        let negative_tabindex = || el.value().get("tabindex").and_then(|t| t.trim().parse::<i32>().ok()).is_some_and(|t| t < 0);
        if name == "iframe" && !matches!(explicit, Some("none" | "presentation")) && !negative_tabindex() && empty() {
            o.push(&rules::A11Y_CONTROL_NAME, "cae760", E, Some(&el), "This embedded frame has no name.", "Add a title that says what the frame shows, like title=\"Map of the clinic\".");
        }
        // Summary of its details (ACT 2t702h).
        if name == "summary" && explicit.is_none_or(|r| r == "none" || r == "presentation") && is_details_summary(&el) && empty() {
            o.push(&rules::A11Y_CONTROL_NAME, "2t702h", E, Some(&el), "This <summary> has no text.", "Write what the hidden part is about in <summary>.");
        }
        // Menu items (ACT m6b1q3).
        if explicit == Some("menuitem") && empty() {
            o.push(&rules::A11Y_CONTROL_NAME, "m6b1q3", E, Some(&el), "This menu item has no name.", "Put words in the menu item.");
        }
    }
}

/// Whether aria-labelledby points at elements with text (a reference to nothing gives no name).
fn labelledby_name(doc: &Doc, el: &ElementRef<'_>) -> bool {
    el.value()
        .get("aria-labelledby")
        .is_some_and(|ids| ids.split_ascii_whitespace().filter_map(|id| doc.by_id(id)).any(|r| !super::dom::collapse(&r.text().collect::<String>()).is_empty() || !doc.name(&r).is_empty()))
}

fn is_details_summary(el: &ElementRef<'_>) -> bool {
    el.parent().and_then(ElementRef::wrap).is_some_and(|p| tag(&p) == "details" && p.children().filter_map(ElementRef::wrap).find(|c| tag(c) == "summary").is_some_and(|s| s.id() == el.id()))
}

fn object_is_media(el: &ElementRef<'_>) -> bool {
    let ty = el.value().get("type").unwrap_or("").to_ascii_lowercase();
    if ty.starts_with("image/") || ty.starts_with("audio/") || ty.starts_with("video/") {
        return true;
    }
    let data = el.value().get("data").unwrap_or("").to_ascii_lowercase();
    let data = data.split(['?', '#']).next().unwrap_or("");
    [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".mp3", ".wav", ".ogg", ".mp4", ".webm", ".mov", ".m4a", ".avi"].iter().any(|x| data.ends_with(x))
}

// ---------------------------------------------------------------- links

fn links(doc: &Doc, expect: Option<&Expect<'_>>, o: &mut Out<'_>) {
    let mut by_text: FxHashMap<String, (String, ElementRef<'_>)> = FxHashMap::default();
    for el in doc.elements() {
        let facts = doc.facts(&el);
        if facts.hidden() || !facts.role.is_some_and(|r| ["link", "doc-backlink", "doc-biblioref", "doc-glossref", "doc-noteref"].contains(&r)) {
            continue;
        }
        let name = doc.name(&el);
        if name.is_empty() {
            o.push(
                &rules::A11Y_LINK_NAME,
                "c487ae",
                E,
                Some(&el),
                "This link has no text, so nobody can tell where it goes.",
                "Write where the link goes as its text: [Your rights](rights.md). A picture that is a link needs alt text.",
            );
            continue;
        }
        let Some(x) = expect else { continue };
        let lower = name.to_lowercase();
        let bare = lower.trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
        if x.generic_link_texts.iter().any(|g| g == bare) {
            let sev = if x.form == Form::Easy { E } else { W };
            o.push(
                &rules::A11Y_LINK_PURPOSE,
                "",
                sev,
                Some(&el),
                format!("The link text \"{name}\" does not say where the link goes."),
                "Use words that name the page, like [how to get an interpreter](interpreter.md).",
            );
        }
        if let Some(href) = el.value().get("href") {
            let href = href.split('#').next().unwrap_or(href).to_string();
            match by_text.get(&lower) {
                Some((other, first)) if *other != href && !href.is_empty() && !other.is_empty() => {
                    // In a built page, a link with no source line comes from the theme: the editor
                    // can only change the other one, so say which that is. The other link's target
                    // goes in the help: it differs between the languages a content file is shown
                    // in, and the message is what repeats are merged on.
                    let (whose, help) = match (expect.is_some() && doc.source_line(first.id()).is_none(), first.ancestors().filter_map(ElementRef::wrap).any(|a| a.value().name() == "nav")) {
                        (true, true) => (
                            "the menu's link, which comes from the theme",
                            format!("The menu's link goes to {other} and is named after that page: change the text of this one so that it says where it goes."),
                        ),
                        (true, false) => ("a link in the theme", format!("The theme's link goes to {other}: change the text of this one so that it says where it goes.")),
                        (false, _) => ("another link", format!("The other link goes to {other}. Give each link text that tells them apart.")),
                    };
                    o.push(&rules::A11Y_LINK_SAME_TEXT, "", W, Some(&el), format!("Two links say \"{name}\" but go to different places: this one, and {whose}."), help);
                }
                Some(_) => {}
                None => {
                    by_text.insert(lower, (href, el));
                }
            }
        }
        // Language switcher entries: in their own language, with hreflang.
        if let (Some(hreflang), true) = (el.value().get("hreflang"), el.ancestors().filter_map(ElementRef::wrap).any(|a| a.value().get("class").is_some_and(|c| c.contains("language-switcher")))) {
            let lang = el.value().get("lang").unwrap_or("");
            if !lang.eq_ignore_ascii_case(hreflang) {
                o.push(
                    &rules::I18N_LANG_SWITCHER,
                    "",
                    E,
                    Some(&el),
                    format!("The language link \"{name}\" is not marked with its language ({hreflang})."),
                    "Give each language link lang and hreflang with the language's code.",
                );
            }
            if hreflang.eq_ignore_ascii_case(x.lang) && el.value().get("aria-current").is_none() {
                o.push(&rules::I18N_LANG_SWITCHER, "", E, Some(&el), "The link to the current language is not marked as current.", "Add aria-current=\"true\" to the current language's link.");
            }
        }
    }
}

// ---------------------------------------------------------------- ARIA

fn aria_rules(doc: &Doc, o: &mut Out<'_>) {
    for el in doc.elements() {
        let facts = doc.facts(&el);
        let hidden = facts.hidden();
        // Role values (ACT 674b10).
        if !hidden
            && facts.explicit_role.is_none()
            && let Some(role_attr) = el.value().get("role").filter(|r| !r.trim().is_empty())
        {
            o.push(
                &rules::A11Y_ARIA_VALID,
                "674b10",
                E,
                Some(&el),
                format!("`{}` is not a role that exists.", role_attr.trim()),
                "Use a WAI-ARIA role, such as button, navigation or img, or remove the role.",
            );
        }
        let role = facts.role;
        // Most elements have no aria-* attribute to check.
        if facts.has_aria {
            for (attr, value) in el.value().attrs() {
                let Some(attr) = attr.strip_prefix("aria-").map(|_| attr) else { continue };
                let Some((ty, global)) = aria::attribute(attr) else {
                    o.push(&rules::A11Y_ARIA_VALID, "5f99a7", E, Some(&el), format!("`{attr}` is not an ARIA attribute."), "Check the spelling against the WAI-ARIA list, or remove it.");
                    continue;
                };
                if !value.trim().is_empty() && !valid_value(ty, value) {
                    o.push(&rules::A11Y_ARIA_VALID, "6a7281", E, Some(&el), format!("`{attr}=\"{value}\"` is not a valid value."), "Use one of the values WAI-ARIA allows for this attribute.");
                }
                if !hidden && !global && !role.is_some_and(|r| aria::supports(r, attr)) && !native_allows(&el, attr) {
                    o.push(
                        &rules::A11Y_ARIA_VALID,
                        "5c01ea",
                        E,
                        Some(&el),
                        format!("`{attr}` is not allowed on {}.", describe(&el)),
                        "Remove the attribute, or give the element a role that supports it.",
                    );
                }
            }
        }
        if hidden {
            continue;
        }
        // Prohibited global properties (ACT kb1m8s): naming on roles that cannot be named,
        // role descriptions on generic and presentational elements.
        let prohibiting = facts.explicit_role.filter(|r| *r == "none" || *r == "presentation").or(role);
        if facts.has_aria
            && let Some(r) = prohibiting
        {
            let naming: &[&str] = if aria::NAME_PROHIBITED.contains(&r) { &["aria-label", "aria-labelledby", "aria-braillelabel"] } else { &[] };
            let description: &[&str] = if matches!(r, "generic" | "none" | "presentation") { &["aria-roledescription", "aria-brailleroledescription"] } else { &[] };
            if let Some(attr) = naming.iter().chain(description).find(|a| el.value().get(a).is_some()) {
                o.push(
                    &rules::A11Y_ARIA_VALID,
                    "kb1m8s",
                    E,
                    Some(&el),
                    format!("`{attr}` is not allowed on an element with role {r}."),
                    "Put the words in the text itself, or use an element that can have a name.",
                );
            }
        }
        // Required owned elements (ACT bc4a75), for explicit and implicit roles.
        if let Some(r) = role {
            let owned = aria::required_owned(r);
            if !owned.is_empty() && el.value().get("aria-busy").is_none_or(|b| b.trim() != "true") && owns_other(doc, &el, owned) {
                o.push(
                    &rules::A11Y_ARIA_VALID,
                    "bc4a75",
                    E,
                    Some(&el),
                    format!("An element with role {r} may only contain {}.", owned.join(", ")),
                    "Give each child the right role, or remove the role.",
                );
            }
        }
        let Some(explicit) = facts.explicit_role else { continue };
        if Some(explicit) == doc.implicit_role(&el) {
            continue;
        }
        // Required states (ACT 4e8ab6).
        let focusable_separator = explicit == "separator" && doc.is_focusable(&el);
        for req in aria::required(explicit).iter().chain(focusable_separator.then_some(&"aria-valuenow")) {
            let native = *req == "aria-checked" && tag(&el) == "input" && el.value().get("type").is_some_and(|t| ["checkbox", "radio"].contains(&t.trim().to_ascii_lowercase().as_str()));
            if el.value().get(req).is_none() && !native {
                let (message, help) = missing_state_words(explicit, req);
                o.push(&rules::A11Y_ARIA_VALID, "4e8ab6", E, Some(&el), message, help);
            }
        }
        // Required context (ACT ff89c9).
        let ctx = aria::required_context(explicit);
        if !ctx.is_empty() {
            let parent_role =
                doc.tree_ancestors(&el).filter(|a| !doc.is_hidden(a)).find_map(|a| doc.role(&a).filter(|r| !matches!(*r, "generic" | "none" | "presentation") || super::dom::has_global_aria(&a)));
            if !parent_role.is_some_and(|p| ctx.contains(&p)) {
                o.push(
                    &rules::A11Y_ARIA_VALID,
                    "ff89c9",
                    E,
                    Some(&el),
                    format!("An element with role {explicit} must be inside one with role {}.", ctx.join(" or ")),
                    "Put it inside the right container, or use a different role.",
                );
            }
        }
    }
}

/// The message and help for an element with role `role` that lacks the state or property `req`.
/// A heading has no current value to copy: ARIA 1.2 makes `aria-level` required on
/// `role="heading"`, and the level 2 that browsers fall back to is a repair of the author's
/// mistake, which may be the wrong level for the page's outline.
fn missing_state_words(role: &str, req: &str) -> (String, String) {
    if role == "heading" && req == "aria-level" {
        return (
            "An element with role heading needs aria-level: ARIA 1.2 requires it, and without it screen readers may announce the wrong level.".to_string(),
            "Use a heading element (`<h2>` to `<h6>`, or `##` in markdown) instead, or add aria-level with the heading's level, such as aria-level=\"2\".".to_string(),
        );
    }
    (format!("An element with role {role} needs {req}."), format!("Add {req} with the element's current value."))
}

/// Whether `el` owns an element whose role is not in `allowed`. Owned elements are its children
/// in the accessibility tree (and those it claims with aria-owns), looking through explicitly
/// presentational wrappers; a `group` may stand between, if allowed, and is checked in turn.
fn owns_other(doc: &Doc, el: &ElementRef<'_>, allowed: &[&str]) -> bool {
    doc.owned(el).into_iter().filter(|c| !doc.is_hidden(c)).any(|c| match doc.role(&c) {
        _ if matches!(doc.explicit_role(&c), Some("none" | "presentation")) && !doc.is_focusable(&c) => owns_other(doc, &c, allowed),
        Some("group") if allowed.contains(&"group") => owns_other(doc, &c, allowed),
        Some(r) => !allowed.contains(&r),
        None => true,
    })
}

/// Native HTML attributes that map to ARIA ones (aria-checked on a checkbox input …).
fn native_allows(el: &ElementRef<'_>, attr: &str) -> bool {
    matches!(
        (tag(el), attr),
        ("input", "aria-checked" | "aria-required" | "aria-readonly" | "aria-placeholder" | "aria-valuemax" | "aria-valuemin" | "aria-valuenow")
            | ("select" | "textarea", "aria-required" | "aria-readonly")
    )
}

fn valid_value(ty: ValueType, value: &str) -> bool {
    let v = value.trim().to_ascii_lowercase();
    match ty {
        ValueType::TrueFalse => v == "true" || v == "false",
        ValueType::TrueFalseUndefined => matches!(v.as_str(), "true" | "false" | "undefined"),
        ValueType::Tristate => matches!(v.as_str(), "true" | "false" | "mixed" | "undefined"),
        ValueType::Token(list) => list.contains(&v.as_str()),
        ValueType::TokenList(list) => v.split_ascii_whitespace().all(|t| list.contains(&t)),
        ValueType::Integer => v.parse::<i64>().is_ok(),
        ValueType::Number => v.parse::<f64>().is_ok_and(f64::is_finite),
        ValueType::IdRef => !v.contains(char::is_whitespace),
        ValueType::IdRefs | ValueType::Text => true,
    }
}

// ---------------------------------------------------------------- focus in hidden content

fn hidden_focus(doc: &Doc, o: &mut Out<'_>) {
    for el in doc.elements() {
        let facts = doc.facts(&el);
        // aria-hidden with focusable content (ACT 6cfa84).
        if facts.has_aria
            && el.value().get("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
            && !facts.not_rendered
            && let Some(f) = el.descendants().filter_map(ElementRef::wrap).find(|d| doc.in_tab_order(d))
        {
            o.push(
                &rules::A11Y_HIDDEN_FOCUS,
                "6cfa84",
                E,
                Some(&f),
                "Keyboard users can reach this element, but screen readers are told it is hidden (aria-hidden).",
                "Remove aria-hidden, or take the element out of the tab order (tabindex=\"-1\").",
            );
        }
        if facts.hidden() {
            continue;
        }
        // Presentational children (ACT 307n5z).
        if let Some(r) = facts.role.filter(|r| aria::PRESENTATIONAL_CHILDREN.contains(r))
            && let Some(f) = el.descendants().skip(1).filter_map(ElementRef::wrap).find(|d| doc.in_tab_order(d))
        {
            o.push(
                &rules::A11Y_HIDDEN_FOCUS,
                "307n5z",
                E,
                Some(&f),
                format!("This focusable element is inside a {r}, whose content screen readers do not see."),
                "Move the focusable element out of it.",
            );
        }
        // Decorative elements that become exposed (ACT 46ca7f).
        let decorative = matches!(facts.explicit_role, Some("none" | "presentation")) || (tag(&el) == "img" && el.value().get("alt") == Some("") && facts.explicit_role.is_none());
        if decorative && (doc.is_focusable(&el) || super::dom::has_global_aria(&el)) {
            o.push(
                &rules::A11Y_HIDDEN_FOCUS,
                "46ca7f",
                E,
                Some(&el),
                "This element is marked as decoration, but it can take focus or has ARIA attributes, so screen readers still announce it.",
                "Either remove the decoration marking (role=none, alt=\"\") or remove its tabindex and ARIA attributes.",
            );
        }
    }
}

// ---------------------------------------------------------------- tables

/// How many grid slots a table may fill for each of its cells and rows (see [`table_grid`]).
const GRID_SLOTS_PER_CELL: usize = 16;

/// Cells of a table laid out on a grid: (row, column, element). Works for HTML tables and for
/// ARIA tables (rows and cells given by roles).
fn table_grid<'a>(doc: &Doc, table: &ElementRef<'a>) -> Vec<(usize, usize, ElementRef<'a>)> {
    let html = tag(table) == "table";
    let is_cell = |e: &ElementRef<'_>| if html { matches!(tag(e), "td" | "th") } else { doc.explicit_role(e).is_some_and(|r| matches!(r, "cell" | "gridcell" | "columnheader" | "rowheader")) };
    let mut rows: Vec<ElementRef<'a>> = Vec::new();
    let mut stack: Vec<ElementRef<'a>> = table.children().filter_map(ElementRef::wrap).collect();
    stack.reverse();
    while let Some(e) = stack.pop() {
        let row = if html { tag(&e) == "tr" } else { doc.explicit_role(&e) == Some("row") };
        if row {
            rows.push(e);
        } else if !matches!(tag(&e), "table") && !doc.explicit_role(&e).is_some_and(|r| matches!(r, "table" | "grid" | "treegrid")) {
            let mut kids: Vec<_> = e.children().filter_map(ElementRef::wrap).collect();
            kids.reverse();
            stack.extend(kids);
        }
    }
    let row_cells: Vec<Vec<ElementRef<'a>>> = rows.iter().map(|row| row.children().filter_map(ElementRef::wrap).filter(|c| is_cell(c)).collect()).collect();
    // Spans can ask for far more slots than the table has cells (a `colspan=1000 rowspan=1000`
    // cell is a million), and each slot is work for the rules: past a budget proportional to
    // the table's cells and rows, further cells take one slot each, so that the checks stay
    // linear in the page's size. Real tables, whose spans cover cells that are left out, stay
    // well inside it.
    let mut budget = GRID_SLOTS_PER_CELL * (row_cells.iter().map(Vec::len).sum::<usize>() + rows.len()) + 1024;
    let mut cells = Vec::new();
    let mut taken: FxHashSet<(usize, usize)> = FxHashSet::default();
    for (r, row) in row_cells.into_iter().enumerate() {
        let mut c = 0;
        for cell in row {
            while taken.contains(&(r, c)) {
                c += 1;
            }
            let span = |a: &str| if html { cell.value().get(a).and_then(|v| v.trim().parse::<usize>().ok()).filter(|v| *v > 0).unwrap_or(1) } else { 1 };
            // HTML's limits: at most 1,000 columns, and no further down than the last row.
            let (mut cs, mut rs) = (span("colspan").min(1000), span("rowspan").min(rows.len() - r));
            if cs * rs > budget {
                (cs, rs) = (1, 1);
            }
            budget = budget.saturating_sub(cs * rs);
            for dr in 0..rs {
                for dc in 0..cs {
                    taken.insert((r + dr, c + dc));
                    cells.push((r + dr, c + dc, cell));
                }
            }
            c += cs;
        }
    }
    cells
}

/// What the header rule asks of a table, worked out in one pass over its grid so that each
/// header is answered without going through the whole table again (a table 100,000 columns
/// wide took two minutes when every header scanned every cell).
struct HeaderReach<'a> {
    /// Ids named in some cell's headers attribute.
    referenced: FxHashSet<&'a str>,
    /// The slots each cell covers, as (row, column).
    slots: FxHashMap<NodeId, Vec<(usize, usize)>>,
    /// For each column, the last row that has a free cell (one with no headers attribute, not
    /// hidden): a header has cells below it when one of its columns has a free cell past its
    /// last row.
    last_free_row: Vec<Option<usize>>,
    /// For each row, the last column with a free cell.
    last_free_col: Vec<Option<usize>>,
}

impl<'a> HeaderReach<'a> {
    fn of(doc: &Doc, grid: &[(usize, usize, ElementRef<'a>)]) -> HeaderReach<'a> {
        let rows = grid.iter().map(|&(r, _, _)| r + 1).max().unwrap_or(0);
        let cols = grid.iter().map(|&(_, c, _)| c + 1).max().unwrap_or(0);
        let mut reach = HeaderReach { referenced: FxHashSet::default(), slots: FxHashMap::default(), last_free_row: vec![None; cols], last_free_col: vec![None; rows] };
        for &(r, c, cell) in grid {
            let headers = cell.value().get("headers");
            reach.referenced.extend(headers.into_iter().flat_map(str::split_ascii_whitespace));
            reach.slots.entry(cell.id()).or_default().push((r, c));
            if headers.is_none() && !doc.is_hidden(&cell) {
                reach.last_free_row[c] = reach.last_free_row[c].max(Some(r));
                reach.last_free_col[r] = reach.last_free_col[r].max(Some(c));
            }
        }
        reach
    }

    /// Whether the cell `th` has a free cell below it in one of its columns, and whether it has
    /// one after it in one of its rows. HTML's table algorithm scans from a cell back to the
    /// start of its row and column, so a header covers the cells after it: to its inline end,
    /// and below it. A cell past the header's last row or column is never the header itself.
    fn has_cells(&self, th: NodeId) -> (bool, bool) {
        let slots = self.slots.get(&th).map_or(&[][..], Vec::as_slice);
        let last_row = slots.iter().map(|&(r, _)| r).max().unwrap_or(0);
        let last_col = slots.iter().map(|&(_, c)| c).max().unwrap_or(0);
        let col_has = slots.iter().any(|&(_, c)| self.last_free_row[c].is_some_and(|r| r > last_row));
        let row_has = slots.iter().any(|&(r, _)| self.last_free_col[r].is_some_and(|c| c > last_col));
        (col_has, row_has)
    }
}

fn tables(doc: &Doc, o: &mut Out<'_>) {
    for table in doc.elements() {
        let facts = doc.facts(&table);
        if facts.hidden() || !facts.role.is_some_and(|r| matches!(r, "table" | "grid" | "treegrid")) {
            continue;
        }
        let grid = table_grid(doc, &table);
        // Header cells with assigned cells (ACT d0f69e): another cell in its column or row
        // (by scope) that has no headers attribute, or one whose headers attribute names it.
        let reach = HeaderReach::of(doc, &grid);
        let mut seen = FxHashSet::default();
        for &(_, _, th) in &grid {
            if !seen.insert(th.id()) || doc.is_hidden(&th) || !matches!(doc.role(&th), Some("columnheader" | "rowheader")) {
                continue;
            }
            let referenced = th.value().get("id").is_some_and(|id| reach.referenced.contains(id));
            let (col_has, row_has) = reach.has_cells(th.id());
            let scope = th.value().get("scope").map(|s| s.trim().to_ascii_lowercase());
            let assigned = referenced
                || match (scope.as_deref(), doc.role(&th)) {
                    (Some("col" | "colgroup"), _) => col_has,
                    (Some("row" | "rowgroup"), _) => row_has,
                    (_, Some("rowheader")) if tag(&th) != "th" => row_has,
                    (_, Some("columnheader")) if tag(&th) != "th" => col_has,
                    _ => col_has || row_has,
                };
            if !assigned {
                o.push(&rules::A11Y_TABLE, "d0f69e", E, Some(&th), "This table header has no cells under or beside it.", "Remove the header cell, or add data cells in its row or column.");
            }
        }
        // headers attributes point at other cells of the same table (ACT a25f45).
        let cell_ids: FxHashSet<&str> = grid.iter().filter_map(|(_, _, e)| e.value().get("id")).collect();
        let mut checked = FxHashSet::default();
        for &(_, _, cell) in &grid {
            if !checked.insert(cell.id()) || doc.is_hidden(&cell) {
                continue;
            }
            let Some(headers) = cell.value().get("headers") else { continue };
            let own = cell.value().get("id");
            if headers.split_ascii_whitespace().any(|id| !cell_ids.contains(id) || Some(id) == own) {
                o.push(
                    &rules::A11Y_TABLE,
                    "a25f45",
                    E,
                    Some(&cell),
                    "This cell's headers attribute names a cell that is not in this table.",
                    "List only the ids of header cells of the same table in headers.",
                );
            }
        }
    }
}

// ---------------------------------------------------------------- autocomplete

const FIELDS_TEXT: &[&str] = &[
    "name",
    "honorific-prefix",
    "given-name",
    "additional-name",
    "family-name",
    "honorific-suffix",
    "nickname",
    "organization-title",
    "username",
    "new-password",
    "current-password",
    "one-time-code",
    "organization",
    "street-address",
    "address-line1",
    "address-line2",
    "address-line3",
    "address-level4",
    "address-level3",
    "address-level2",
    "address-level1",
    "country",
    "country-name",
    "postal-code",
    "cc-name",
    "cc-given-name",
    "cc-additional-name",
    "cc-family-name",
    "cc-number",
    "cc-exp",
    "cc-exp-month",
    "cc-exp-year",
    "cc-csc",
    "cc-type",
    "transaction-currency",
    "transaction-amount",
    "language",
    "bday",
    "bday-day",
    "bday-month",
    "bday-year",
    "sex",
    "url",
    "photo",
];
const FIELDS_CONTACT: &[&str] = &["tel", "tel-country-code", "tel-national", "tel-area-code", "tel-local", "tel-local-prefix", "tel-local-suffix", "tel-extension", "email", "impp"];

fn autocomplete(doc: &Doc, o: &mut Out<'_>) {
    for el in doc.elements() {
        let name = tag(&el);
        let Some(value) = el.value().get("autocomplete") else { continue };
        if !matches!(name, "input" | "select" | "textarea") || value.trim().is_empty() || el.value().get("disabled").is_some() || el.value().get("aria-disabled").is_some_and(|d| d.trim() == "true") {
            continue;
        }
        let ty = el.value().get("type").map(|t| t.trim().to_ascii_lowercase()).unwrap_or_default();
        if name == "input" && matches!(ty.as_str(), "hidden" | "button" | "checkbox" | "file" | "image" | "radio" | "reset" | "submit") {
            continue;
        }
        if doc.is_not_rendered(&el) && doc.is_hidden(&el) || el.value().get("tabindex").is_some_and(|t| t.trim() == "-1") && el.value().get("aria-disabled").is_some_and(|d| d.trim() == "true") {
            continue;
        }
        let tokens: Vec<String> = value.split_ascii_whitespace().map(str::to_ascii_lowercase).collect();
        if tokens.len() == 1 && (tokens[0] == "on" || tokens[0] == "off") {
            continue;
        }
        if !valid_autocomplete(&tokens, &ty) {
            o.push(
                &rules::A11Y_AUTOCOMPLETE,
                "73f2c2",
                E,
                Some(&el),
                format!("autocomplete=\"{value}\" is not a valid value for this field."),
                "Use a value from the HTML autofill list, such as name, email, tel or postal-code.",
            );
        }
    }
}

fn valid_autocomplete(tokens: &[String], input_type: &str) -> bool {
    let mut i = 0;
    if tokens.get(i).is_some_and(|t| t.starts_with("section-")) {
        i += 1;
    }
    if tokens.get(i).is_some_and(|t| t == "shipping" || t == "billing") {
        i += 1;
    }
    let contact = tokens.get(i).is_some_and(|t| ["home", "work", "mobile", "fax", "pager"].contains(&t.as_str()));
    if contact {
        i += 1;
    }
    let Some(field) = tokens.get(i) else { return false };
    let ok_field = FIELDS_CONTACT.contains(&field.as_str()) || (!contact && FIELDS_TEXT.contains(&field.as_str()));
    if !ok_field {
        return false;
    }
    i += 1;
    if tokens.get(i).is_some_and(|t| t == "webauthn") {
        i += 1;
    }
    if i != tokens.len() {
        return false;
    }
    // The field must suit the control (e.g. not `email` on a number input).
    let numeric = ["cc-exp-month", "cc-exp-year", "transaction-amount", "bday-day", "bday-month", "bday-year", "cc-csc", "cc-number", "tel-extension"];
    match input_type {
        "number" => numeric.contains(&field.as_str()),
        "email" => field == "email" || field == "username",
        "tel" => field.starts_with("tel"),
        "url" => field == "url" || field == "photo" || field == "impp",
        "password" => ["new-password", "current-password", "one-time-code", "cc-number", "cc-csc"].contains(&field.as_str()),
        "date" => ["bday", "cc-exp"].contains(&field.as_str()),
        "month" => field == "cc-exp",
        _ => true,
    }
}

// ---------------------------------------------------------------- iframes

fn iframes(doc: &Doc, o: &mut Out<'_>) {
    for el in doc.elements().filter(|e| tag(e) == "iframe") {
        let negative = el.value().get("tabindex").and_then(|t| t.trim().parse::<i32>().ok()).is_some_and(|t| t < 0);
        if !negative || doc.is_not_rendered(&el) || doc.is_inert(&el) {
            continue;
        }
        let Some(srcdoc) = el.value().get("srcdoc") else { continue };
        let inner = Doc::parse(srcdoc);
        if inner.elements().any(|e| inner.in_tab_order(&e)) {
            o.push(
                &rules::A11Y_IFRAME_TABINDEX,
                "akn7bn",
                E,
                Some(&el),
                "This frame has links or controls, but tabindex=\"-1\" stops keyboard users from reaching them.",
                "Remove tabindex=\"-1\" from the iframe.",
            );
        }
    }
}

// ---------------------------------------------------------------- text spacing (style attributes)

fn text_spacing(doc: &Doc, o: &mut Out<'_>) {
    for el in doc.elements() {
        if doc.is_not_rendered(&el) || !el.children().any(|c| c.value().as_text().is_some_and(|t| !t.trim().is_empty())) {
            continue;
        }
        let Some(style) = el.value().get("style") else { continue };
        // The font size is worked out from the ancestors' styles, so only where it is needed.
        let mut font = None;
        for (prop, act, min) in [("letter-spacing", "24afc2", 0.12), ("word-spacing", "9e45ec", 0.16), ("line-height", "78fd32", 1.5)] {
            let Some((value, true)) = style_value(style, prop) else { continue };
            let font = *font.get_or_insert_with(|| font_size_px(&el));
            let Some(em) = length_in_em(&value, font, prop == "line-height") else { continue };
            if em + 1e-9 < min {
                o.push(
                    &rules::A11Y_TEXT_SPACING,
                    act,
                    E,
                    Some(&el),
                    format!("{prop} is fixed at {value} with !important, so readers cannot widen it."),
                    format!("Remove !important, or use at least {min}em."),
                );
            }
        }
    }
}

fn font_size_px(el: &ElementRef<'_>) -> f64 {
    let mut chain: Vec<ElementRef<'_>> = std::iter::once(*el).chain(el.ancestors().filter_map(ElementRef::wrap)).collect();
    chain.reverse();
    let mut size = 16.0;
    for e in chain {
        if let Some((v, _)) = style_prop(&e, "font-size") {
            if let Some(px) = v.strip_suffix("px").and_then(|n| n.trim().parse::<f64>().ok()) {
                size = px;
            } else if let Some(em) = v.strip_suffix("em").and_then(|n| n.trim().parse::<f64>().ok()) {
                size *= em;
            } else if let Some(p) = v.strip_suffix('%').and_then(|n| n.trim().parse::<f64>().ok()) {
                size *= p / 100.0;
            }
        }
    }
    size
}

/// A CSS length in em of the element's font size (`None` if it cannot be decided statically).
fn length_in_em(value: &str, font_px: f64, unitless_ok: bool) -> Option<f64> {
    let v = value.trim();
    if v == "normal" || v == "initial" {
        return if unitless_ok { Some(1.2) } else { Some(0.0) };
    }
    if unitless_ok && let Ok(n) = v.parse() {
        return Some(n);
    }
    crate::checks::css::length_px(v, font_px, 16.0).map(|px| px / font_px)
}

// ---------------------------------------------------------------- numbers in right-to-left text

/// A number the renderer could not isolate (in raw HTML or a template) that right-to-left text
/// would show in the wrong order: `116 123` as `123 116`. One walk over the tree, carrying the
/// direction down, so that deep pages cost no more than wide ones.
fn bidi_isolation(doc: &Doc, o: &mut Out<'_>) {
    use ego_tree::iter::Edge;
    // For each open element: whether its text runs right to left and is not isolated.
    let mut open: Vec<bool> = Vec::new();
    for edge in doc.html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if let Some(el) = ElementRef::wrap(node) {
                    let inherited = open.last().copied().unwrap_or(false);
                    let v = el.value();
                    let rtl = match v.attr("dir").map(|d| d.trim().to_ascii_lowercase()) {
                        Some(d) if d == "rtl" => true,
                        Some(d) if d == "ltr" => false,
                        _ => inherited,
                    };
                    let shown_as_written = matches!(v.name(), "bdi" | "code" | "pre" | "kbd" | "samp" | "script" | "style" | "template");
                    open.push(rtl && !shown_as_written);
                } else if let Some(text) = node.value().as_text()
                    && open.last().copied().unwrap_or(false)
                    && let outside = outside_isolates(text)
                    && let Some(first) = crate::markdown::bidi::number_runs(&outside).first()
                    && let Some(parent) = node.parent().and_then(ElementRef::wrap)
                {
                    o.push(
                        &rules::I18N_BIDI_ISOLATE,
                        "",
                        W,
                        Some(&parent),
                        format!("The number {} is in right-to-left text, so readers see its groups in the wrong order.", &outside[first.clone()]),
                        "Wrap the number so it reads left to right: <bdi dir=\"ltr\">116 123</bdi>. Numbers written in markdown are wrapped for you.",
                    );
                }
            }
            Edge::Close(node) => {
                if node.value().is_element() {
                    open.pop();
                }
            }
        }
    }
}

/// `text` with what Unicode isolates left to right (between LRI or FSI and PDI, as Fluent
/// writes its placeables) blanked out: a number in there already keeps its order.
fn outside_isolates(text: &str) -> String {
    let mut depth = 0usize;
    text.chars()
        .map(|c| match c {
            '\u{2066}' | '\u{2068}' => {
                depth += 1;
                c
            }
            '\u{2069}' if depth > 0 => {
                depth -= 1;
                c
            }
            _ if depth > 0 => '_',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::check;
    use super::*;

    fn aria_findings(html: &str) -> Vec<(String, String)> {
        check(html, None).1.into_iter().filter(|v| v.rule.id == "A11Y-ARIA-VALID").map(|v| (v.message, v.help)).collect()
    }

    #[test]
    fn a_heading_role_without_a_level_is_told_to_use_a_heading_element_or_aria_level() {
        let found = aria_findings("<!doctype html><html lang=en><title>T</title><main><div role=\"heading\">Opening times</div></main>");
        assert_eq!(found.len(), 1, "{found:?}");
        let (message, help) = &found[0];
        assert!(message.contains("aria-level") && message.contains("ARIA 1.2"), "{message}");
        assert!(help.contains("<h2>") && help.contains("aria-level=\"2\"") && !help.contains("current value"), "{help}");
    }

    #[test]
    fn a_heading_role_with_a_level_or_on_a_heading_element_is_not_flagged() {
        assert!(aria_findings("<!doctype html><html lang=en><title>T</title><main><div role=\"heading\" aria-level=\"3\">Times</div></main>").is_empty());
        assert!(aria_findings("<!doctype html><html lang=en><title>T</title><main><h2 role=\"heading\">Times</h2></main>").is_empty());
    }

    #[test]
    fn other_missing_states_keep_the_general_help() {
        let found = aria_findings("<!doctype html><html lang=en><title>T</title><main><div role=\"switch\">Sound</div></main>");
        assert_eq!(found, vec![("An element with role switch needs aria-checked.".to_string(), "Add aria-checked with the element's current value.".to_string())]);
    }

    /// The header cells that A11Y-TABLE (ACT d0f69e) says have no cells, by their text.
    fn lonely_headers(html: &str) -> Vec<String> {
        let doc = Doc::parse(html);
        let mut v = Vec::new();
        run(&doc, None, &mut v);
        v.iter().filter(|v| v.act == "d0f69e").filter_map(|v| v.node).filter_map(|n| doc.html.tree.get(n).and_then(ElementRef::wrap)).map(|e| e.text().collect()).collect()
    }

    #[test]
    fn headers_of_a_wide_table_find_their_own_column_and_row() {
        // 500 column headers; the data row stops short of the last two, and the cell under h3
        // names another header, so h3, h498 and h499 have no cells of their own.
        let n = 500;
        let head: String = (0..n).map(|i| format!("<th scope=col id=h{i}>h{i}</th>")).collect();
        let data: String = (0..n - 2).map(|i| if i == 3 { "<td headers=h7>x</td>".to_string() } else { format!("<td>d{i}</td>") }).collect();
        let lonely = lonely_headers(&format!("<table><tr>{head}</tr><tr>{data}</tr></table>"));
        assert_eq!(lonely, ["h3", "h498", "h499"]);
        // A row header covers the cells after it in its row, and a header spanning columns
        // covers each of them.
        let lonely = lonely_headers("<table><tr><th colspan=2>wide</th><th>end</th></tr><tr><th scope=row>row</th><td>x</td><td headers=none>y</td></tr></table>");
        assert_eq!(lonely, ["end"]);
    }

    /// The grid of the first table in `html`, as (row, column, cell text).
    fn grid(html: &str) -> Vec<(usize, usize, String)> {
        let doc = Doc::parse(html);
        let table = doc.html.select(&scraper::Selector::parse("table").unwrap()).next().unwrap();
        table_grid(&doc, &table).into_iter().map(|(r, c, e)| (r, c, e.text().collect())).collect()
    }

    #[test]
    fn spans_stop_at_the_last_row_and_within_a_budget_of_slots() {
        // A row span reaches no further than the table's last row, as in a browser.
        let g = grid("<table><tr><td rowspan=65534>a</td><td>b</td></tr><tr><td>c</td></tr></table>");
        assert_eq!(g, [(0, 0, "a".into()), (1, 0, "a".into()), (0, 1, "b".into()), (1, 1, "c".into())]);
        // Ordinary spans are kept whole.
        assert_eq!(grid("<table><tr><th colspan=3>all</th></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>").len(), 6);
        // A thousand columns by up to 400 rows for each of 50 cells in 400 rows would be billions of
        // slots: past the budget, cells take one slot each, and the grid stays near the size of
        // the table.
        let row = "<td colspan=1000 rowspan=1000>x</td>".repeat(50);
        let g = grid(&format!("<table>{}</table>", format!("<tr>{row}</tr>").repeat(400)));
        let cells = 50 * 400;
        assert!(g.len() <= GRID_SLOTS_PER_CELL * (cells + 400) + 1024 + cells, "{} slots", g.len());
        assert!(g.len() >= cells, "every cell still has a slot");
    }
}
