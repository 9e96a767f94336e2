//! The theme's stylesheets, read once per build for the checks that can be decided from CSS
//! alone (`notes/a11y-easyread-spec.md` §1.4): text contrast, visible focus, text spacing,
//! distinct links, resizable text, motion and reflow.
//!
//! The reader is deliberately small: these checks need selectors, declarations, the media
//! query around them, custom properties and line numbers, not a full CSS object model. (The
//! CSS engines in our dependency tree parse into typed values and drop what we report on.)

use std::collections::HashMap;

use crate::finding::{Finding, Severity};
use crate::rules;

/// One declaration.
#[derive(Clone, Debug, PartialEq)]
pub struct Decl {
    /// Property name, lower case.
    pub prop: String,
    /// Value, with `!important` removed.
    pub value: String,
    /// Whether it was `!important`.
    pub important: bool,
    /// 1-based line.
    pub line: usize,
}

/// One style rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Its selectors, trimmed.
    pub selectors: Vec<String>,
    /// The `@media` conditions around it, joined with ` and `.
    pub media: String,
    /// Its declarations.
    pub decls: Vec<Decl>,
    /// 1-based line of the selector.
    pub line: usize,
}

impl Rule {
    /// The last value of `prop` in this rule.
    pub fn get(&self, prop: &str) -> Option<&Decl> {
        self.decls.iter().rev().find(|d| d.prop == prop)
    }
}

/// A parsed stylesheet.
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    /// How findings name the file.
    pub file: String,
    /// Style rules in order.
    pub rules: Vec<Rule>,
    /// Custom properties set on `:root` or `html` (outside media queries).
    pub vars: HashMap<String, String>,
}

/// Reads a stylesheet.
pub fn parse(file: &str, text: &str) -> Sheet {
    // Blank out comments, keeping newlines so lines stay right.
    let mut clean = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("/*") {
        clean.push_str(&rest[..i]);
        let end = rest[i..].find("*/").map_or(rest.len(), |e| i + e + 2);
        clean.extend(rest[i..end].chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
        rest = &rest[end..];
    }
    clean.push_str(rest);
    let mut sheet = Sheet { file: file.to_string(), ..Default::default() };
    block(&clean, 0, &mut Vec::new(), &mut sheet);
    for r in sheet.rules.iter().filter(|r| r.media.is_empty() && r.selectors.iter().any(|s| s == ":root" || s == "html")) {
        for d in r.decls.iter().filter(|d| d.prop.starts_with("--")) {
            sheet.vars.insert(d.prop.clone(), d.value.clone());
        }
    }
    sheet
}

fn line_at(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// Parses rules from `text[start..]` until the matching `}`; returns the offset after it.
fn block(text: &str, start: usize, media: &mut Vec<String>, sheet: &mut Sheet) -> usize {
    let b = text.as_bytes();
    let mut i = start;
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() {
            return i;
        }
        if b[i] == b'}' {
            return i + 1;
        }
        let prelude_start = i;
        while i < b.len() && b[i] != b'{' && b[i] != b';' && b[i] != b'}' {
            i += 1;
        }
        let prelude = text[prelude_start..i].trim().to_string();
        if i >= b.len() || b[i] != b'{' {
            i += 1; // `@import …;` or stray text
            continue;
        }
        i += 1;
        if let Some(cond) = prelude.strip_prefix("@media").or_else(|| prelude.strip_prefix("@supports")) {
            media.push(cond.trim().to_ascii_lowercase());
            i = block(text, i, media, sheet);
            media.pop();
            continue;
        }
        let body_start = i;
        let close = matching(text, body_start - 1, text.len());
        i = (close + 1).min(text.len());
        let body = &text[body_start..close.min(text.len())];
        let mut decls = Vec::new();
        let mut offset = body_start;
        for part in split_top(body, ';') {
            if let Some((prop, value)) = part.split_once(':') {
                let prop = prop.trim().to_ascii_lowercase();
                let value = value.trim();
                let (value, important) = match value.strip_suffix("important").map(str::trim_end).and_then(|v| v.strip_suffix('!')) {
                    Some(v) => (v.trim().to_string(), true),
                    None => (value.to_string(), false),
                };
                let lead = part.len() - part.trim_start().len();
                if !prop.is_empty() && !prop.contains(['{', '}']) {
                    decls.push(Decl { prop, value, important, line: line_at(text, offset + lead) });
                }
            }
            offset += part.len() + 1;
        }
        sheet.rules.push(Rule {
            selectors: split_top(&prelude, ',').into_iter().map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|s| !s.is_empty()).collect(),
            media: media.join(" and "),
            decls,
            line: line_at(text, prelude_start),
        });
    }
}

/// The byte of the `}` matching the `{` at `open` (or `end`), skipping quoted strings.
fn matching(text: &str, open: usize, end: usize) -> usize {
    let mut depth = 0;
    let mut quote = None;
    for (j, c) in text[open..end].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{') => depth += 1,
            (None, '}') => {
                depth -= 1;
                if depth == 0 {
                    return open + j;
                }
            }
            _ => {}
        }
    }
    end
}

/// Splits on `sep` outside brackets and quotes (`url(a;b)`, `content: ";"`, `:is(a, b)`).
pub(crate) fn split_top(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut quote, mut last) = (0i32, None, 0);
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(' | '[') => depth += 1,
            (None, ')' | ']') => depth -= 1,
            (None, c) if c == sep && depth == 0 => {
                out.push(&s[last..i]);
                last = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&s[last..]);
    out
}

/// An sRGB colour with alpha.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Color {
    r: f64,
    g: f64,
    b: f64,
    a: f64,
}

impl Color {
    fn over(self, back: Color) -> Color {
        let mix = |f: f64, b: f64| f * self.a + b * (1.0 - self.a);
        Color { r: mix(self.r, back.r), g: mix(self.g, back.g), b: mix(self.b, back.b), a: 1.0 }
    }

    /// Relative luminance (WCAG 2.2).
    fn luminance(self) -> f64 {
        let lin = |c: f64| {
            let c = c / 255.0;
            if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }

    fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r.round() as u8, self.g.round() as u8, self.b.round() as u8)
    }
}

/// The WCAG contrast ratio of two opaque colours.
pub fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

impl Sheet {
    /// `var(--x, fallback)` resolved against `:root` custom properties.
    fn resolve(&self, value: &str) -> String {
        let mut v = value.trim().to_string();
        for _ in 0..8 {
            let Some(start) = v.find("var(") else { break };
            let Some(end) = v[start..].find(')').map(|e| start + e) else { break };
            let inner = &v[start + 4..end];
            let (name, fallback) = inner.split_once(',').map_or((inner.trim(), None), |(n, f)| (n.trim(), Some(f.trim())));
            let replacement = self.vars.get(name).cloned().or(fallback.map(str::to_string)).unwrap_or_default();
            v = format!("{}{}{}", &v[..start], replacement, &v[end + 1..]);
        }
        v
    }

    fn color(&self, value: &str) -> Option<Color> {
        parse_color(&self.resolve(value))
    }
}

/// Parses `#rgb`, `#rrggbb(aa)`, `rgb()`/`rgba()` and a few names.
pub fn parse_color(value: &str) -> Option<Color> {
    let v = value.trim().to_ascii_lowercase();
    let token = v.split_whitespace().find(|t| t.starts_with('#') || t.starts_with("rgb") || matches!(*t, "black" | "white" | "transparent")).unwrap_or(&v);
    if let Some(hex) = token.strip_prefix('#') {
        let d = |s: &str| u8::from_str_radix(s, 16).ok().map(f64::from);
        return match hex.len() {
            3 | 4 => {
                let c: Vec<f64> = hex.chars().map(|c| d(&format!("{c}{c}"))).collect::<Option<_>>()?;
                Some(Color { r: c[0], g: c[1], b: c[2], a: c.get(3).map_or(1.0, |a| a / 255.0) })
            }
            6 | 8 => Some(Color { r: d(&hex[0..2])?, g: d(&hex[2..4])?, b: d(&hex[4..6])?, a: if hex.len() == 8 { d(&hex[6..8])? / 255.0 } else { 1.0 } }),
            _ => None,
        };
    }
    if token.starts_with("rgb") {
        let inner = v[v.find('(')? + 1..v.find(')')?].replace(['/', ','], " ");
        let n: Vec<f64> = inner.split_whitespace().map(|p| p.trim_end_matches('%').parse::<f64>().ok()).collect::<Option<_>>()?;
        return Some(Color { r: *n.first()?, g: *n.get(1)?, b: *n.get(2)?, a: n.get(3).copied().unwrap_or(1.0) });
    }
    match token {
        "black" => Some(Color { r: 0.0, g: 0.0, b: 0.0, a: 1.0 }),
        "white" => Some(Color { r: 255.0, g: 255.0, b: 255.0, a: 1.0 }),
        _ => None,
    }
}

/// Rules that apply on screen (not print, not dark mode, which is checked as its own scheme).
fn screen(r: &Rule) -> bool {
    !r.media.contains("print") && !r.media.contains("prefers-color-scheme: dark") && !r.media.contains("forced-colors")
}

/// Whether a selector ends in a link (`a`, `a:hover`, `.nav a` …).
fn targets_link(sel: &str) -> bool {
    let last = sel.rsplit([' ', '>', '+', '~']).next().unwrap_or(sel);
    last == "a" || last.starts_with("a:") || last.starts_with("a[") || last.starts_with("a.")
}

/// Links in running text: the bare link selectors and links inside content.
fn running_text_link(sel: &str) -> bool {
    matches!(sel, "a" | "a:link" | "a:visited" | "main a" | ".content a" | "p a" | "li a")
}

fn px(value: &str) -> Option<f64> {
    let v = value.trim();
    v.strip_suffix("px").and_then(|n| n.trim().parse().ok()).or_else(|| v.strip_suffix("rem").and_then(|n| n.trim().parse::<f64>().ok()).map(|r| r * 16.0))
}

/// The theme CSS checks on one stylesheet.
pub fn check_sheet(sheet: &Sheet) -> Vec<Finding> {
    let mut out = Vec::new();
    let finding = |rule: &'static rules::Rule, sev: Severity, line: usize, msg: String, help: &str| Finding::new(rule, sev, &sheet.file, msg).line(line).help(help);
    let rules: Vec<&Rule> = sheet.rules.iter().filter(|r| screen(r)).collect();
    let is_root = |r: &Rule| r.media.is_empty() && r.selectors.iter().any(|s| matches!(s.as_str(), "html" | "body" | ":root"));
    let bg_of = |r: &Rule| r.get("background-color").or_else(|| r.get("background")).and_then(|d| sheet.color(&d.value));
    let root_bg = rules.iter().filter(|r| is_root(r)).find_map(|r| bg_of(r)).unwrap_or(Color { r: 255.0, g: 255.0, b: 255.0, a: 1.0 });
    let root_fg = rules.iter().filter(|r| is_root(r)).find_map(|r| r.get("color").and_then(|d| sheet.color(&d.value))).unwrap_or(Color { r: 0.0, g: 0.0, b: 0.0, a: 1.0 });
    // Backgrounds of containers that hold running text and links.
    let containers: Vec<(&Rule, Color)> = rules
        .iter()
        .filter(|r| !is_root(r) && !r.selectors.iter().any(|s| targets_link(s) || s.contains(":focus") || s.contains(":hover")))
        .filter_map(|r| bg_of(r).map(|c| (*r, c.over(root_bg))))
        .collect();

    // A11Y-CONTRAST-TEXT.
    for r in &rules {
        let fg = r.get("color").and_then(|d| sheet.color(&d.value).map(|c| (c, d.line)));
        let own_bg = bg_of(r).map(|c| c.over(root_bg));
        let large = r
            .get("font-size")
            .and_then(|d| px(&sheet.resolve(&d.value)))
            .is_some_and(|p| p >= 24.0 || (p >= 18.66 && r.get("font-weight").is_some_and(|w| w.value == "bold" || w.value.parse::<u32>().is_ok_and(|n| n >= 700))));
        let need = if large { 3.0 } else { 4.5 };
        let mut pairs: Vec<(Color, Color, String)> = Vec::new();
        match (fg, own_bg) {
            (Some((fg, _)), Some(bg)) => pairs.push((fg.over(bg), bg, "its own background".into())),
            (Some((fg, _)), None) => {
                pairs.push((fg.over(root_bg), root_bg, "the page background".into()));
                if r.selectors.iter().any(|s| targets_link(s)) {
                    for (c, bg) in &containers {
                        pairs.push((fg.over(*bg), *bg, format!("the background of {}", c.selectors.join(", "))));
                    }
                }
            }
            (None, Some(bg)) if !is_root(r) => pairs.push((root_fg.over(bg), bg, "the page's text colour on it".into())),
            _ => {}
        }
        for (fg_c, bg_c, what) in pairs {
            let ratio = contrast(fg_c, bg_c);
            if ratio < need {
                let line = fg.map_or(r.line, |(_, l)| l);
                out.push(finding(
                    &rules::A11Y_CONTRAST_TEXT,
                    Severity::Error,
                    line,
                    format!("Text colour {} on {} ({what}) has a contrast of {ratio:.2}:1; it needs {need}:1 for `{}`.", fg_c.hex(), bg_c.hex(), r.selectors.join(", ")),
                    "Darken the text or lighten the background. Check pairs with a contrast checker: 4.5:1 for normal text, 3:1 for large text.",
                ));
            }
        }
    }
    for r in &sheet.rules {
        let sel = r.selectors.join(", ");
        // A11Y-FOCUS-VISIBLE.
        if r.selectors.iter().any(|s| s.contains(":focus") && !s.contains(":not(:focus-visible)")) {
            let removed = r.get("outline").is_some_and(|d| matches!(d.value.as_str(), "none" | "0" | "0px"))
                || r.get("outline-style").is_some_and(|d| d.value == "none")
                || r.get("outline-width").is_some_and(|d| matches!(d.value.as_str(), "0" | "0px"));
            let replaced =
                ["box-shadow", "border", "border-bottom", "border-block-end", "text-decoration", "background", "background-color"].iter().any(|p| r.get(p).is_some_and(|d| d.value != "none"));
            if removed && !replaced {
                out.push(finding(
                    &rules::A11Y_FOCUS_VISIBLE,
                    Severity::Error,
                    r.line,
                    format!("`{sel}` removes the focus outline without showing focus another way."),
                    "Keep an outline on focus, or add a visible replacement (box-shadow, border or background) in the same rule.",
                ));
            }
        }
        // A11Y-TEXT-SPACING.
        for (prop, min, unitless) in [("line-height", 1.5, true), ("letter-spacing", 0.12, false), ("word-spacing", 0.16, false)] {
            if let Some(d) = r.get(prop).filter(|d| d.important) {
                let v = sheet.resolve(&d.value);
                let em = v
                    .strip_suffix("em")
                    .and_then(|n| n.parse::<f64>().ok())
                    .or_else(|| v.strip_suffix('%').and_then(|n| n.parse::<f64>().ok()).map(|p| p / 100.0))
                    .or_else(|| if unitless { v.parse().ok() } else { None })
                    .or_else(|| (v == "normal").then_some(if unitless { 1.2 } else { 0.0 }));
                if em.is_some_and(|e| e < min) {
                    out.push(finding(
                        &rules::A11Y_TEXT_SPACING,
                        Severity::Error,
                        d.line,
                        format!("`{sel}` fixes {prop} at {v} with !important, so readers cannot widen it."),
                        "Remove !important from spacing, or use values of at least line-height 1.5, letter-spacing 0.12em, word-spacing 0.16em.",
                    ));
                }
            }
        }
        if !screen(r) {
            continue;
        }
        // A11Y-LINK-DISTINCT.
        if r.selectors.iter().any(|s| running_text_link(s)) && r.get("text-decoration").or(r.get("text-decoration-line")).is_some_and(|d| d.value.starts_with("none")) {
            let link = r.get("color").and_then(|d| sheet.color(&d.value));
            let distinct = link.is_some_and(|c| contrast(c.over(root_bg), root_fg.over(root_bg)) >= 3.0);
            let cue =
                sheet.rules.iter().any(|o| o.selectors.iter().any(|s| s.starts_with("a:hover") || s.starts_with("a:focus")) && o.get("text-decoration").is_some_and(|d| d.value.contains("underline")));
            if !(distinct && cue) {
                out.push(finding(
                    &rules::A11Y_LINK_DISTINCT,
                    Severity::Error,
                    r.line,
                    format!("Links in running text (`{sel}`) are not underlined and cannot be told apart from other text."),
                    "Underline links in text, or give them 3:1 contrast with the text around them and an underline on hover and focus.",
                ));
            }
        }
        // A11Y-RESIZE.
        if r.selectors.iter().any(|s| matches!(s.as_str(), "html" | "body" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "li"))
            && let Some(d) = r.get("font-size").filter(|d| d.value.ends_with("px") || d.value.ends_with("vw"))
        {
            out.push(finding(
                &rules::A11Y_RESIZE,
                Severity::Warning,
                d.line,
                format!("`{sel}` sets font-size: {}, which does not follow the reader's text size setting.", d.value),
                "Use rem or em for font sizes.",
            ));
        }
        // A11Y-MOTION.
        if !r.media.contains("prefers-reduced-motion: no-preference") {
            for prop in ["animation", "animation-name", "transition"] {
                if let Some(d) = r.get(prop).filter(|d| !matches!(d.value.as_str(), "none" | "0s" | "0")) {
                    out.push(finding(
                        &rules::A11Y_MOTION,
                        Severity::Warning,
                        d.line,
                        format!("`{sel}` moves ({prop}) even for readers who asked for less motion."),
                        "Put animations and transitions inside @media (prefers-reduced-motion: no-preference).",
                    ));
                }
            }
        }
        // A11Y-REFLOW.
        for prop in ["width", "min-width", "inline-size", "min-inline-size"] {
            if let Some(d) = r.get(prop).filter(|d| px(&d.value).is_some_and(|p| p > 320.0) && d.value.ends_with("px")) {
                out.push(finding(
                    &rules::A11Y_REFLOW,
                    Severity::Warning,
                    d.line,
                    format!("`{sel}` is at least {} wide, so a 320 px screen must scroll sideways.", d.value),
                    "Use max-width (or max-inline-size) instead of a fixed width.",
                ));
            }
        }
        if r.selectors.iter().any(|s| s == "html" || s == "body") && r.get("overflow-x").is_some_and(|d| d.value == "hidden") {
            out.push(finding(&rules::A11Y_REFLOW, Severity::Warning, r.line, format!("`{sel}` hides content that does not fit sideways."), "Remove overflow-x: hidden from html and body."));
        }
    }
    out
}

/// A length in px, given the font size `em` stands for (the parent's in `font-size`, the
/// element's own elsewhere) and the root's (for `rem`). `clamp()` counts at its smallest.
/// The one length parser of the checks.
pub fn length_px(value: &str, em: f64, root: f64) -> Option<f64> {
    let v = value.trim().to_ascii_lowercase();
    if let Some(inner) = v.strip_prefix("clamp(").and_then(|s| s.strip_suffix(')')) {
        // The smallest size the text can get.
        return length_px(split_top(inner, ',').first()?, em, root);
    }
    if let Some(inner) = v.strip_prefix("max(").and_then(|s| s.strip_suffix(')')) {
        return split_top(inner, ',').iter().filter_map(|p| length_px(p, em, root)).reduce(f64::max);
    }
    if let Some(inner) = v.strip_prefix("min(").and_then(|s| s.strip_suffix(')')) {
        return split_top(inner, ',').iter().filter_map(|p| length_px(p, em, root)).reduce(f64::min);
    }
    let num_end = v.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+')).unwrap_or(v.len());
    let n: f64 = v[..num_end].parse().ok()?;
    Some(match &v[num_end..] {
        "px" => n,
        "pt" => n * 4.0 / 3.0,
        "pc" => n * 16.0,
        "in" => n * 96.0,
        "cm" => n * 96.0 / 2.54,
        "mm" => n * 96.0 / 25.4,
        "rem" => n * root,
        "em" => n * em,
        "%" => n * em / 100.0,
        "ch" | "ex" => n * em / 2.0,
        "" if n == 0.0 => 0.0,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_of(css: &str) -> Vec<&'static rules::Rule> {
        check_sheet(&parse("t.css", css)).iter().map(|f| f.rule).collect()
    }

    #[test]
    fn lengths_in_every_unit_the_checks_meet() {
        let px = |v| length_px(v, 20.0, 16.0);
        assert_eq!([px("12pt"), px("1.5em"), px("2rem"), px("50%"), px("0"), px("1in")], [Some(16.0), Some(30.0), Some(32.0), Some(10.0), Some(0.0), Some(96.0)]);
        assert_eq!(px("clamp(1rem, 2vw, 3rem)"), Some(16.0));
        assert_eq!(px("max(10px, 1em)"), Some(20.0));
        assert_eq!([px("2vw"), px("auto"), px("12")], [None, None, None]);
    }

    #[test]
    fn reads_rules_media_and_lines() {
        let s = parse("t.css", ":root { --fg: #111; }\n/* a\ncomment */\n@media print {\n  a { color: red !important; }\n}\n");
        assert_eq!(s.vars["--fg"], "#111");
        let a = &s.rules[1];
        assert_eq!((a.selectors[0].as_str(), a.media.as_str(), a.line), ("a", "print", 5));
        assert!(a.decls[0].important && a.decls[0].line == 5);
        let s = parse("t.css", "p::before { content: \"a;b{\"; color: red }\n:is(h1, h2) { margin: 0 }");
        assert_eq!(s.rules[0].decls.len(), 2);
        assert_eq!(s.rules[1].selectors, [":is(h1, h2)"]);
    }

    #[test]
    fn contrast_matches_wcag() {
        let white = parse_color("#fff").unwrap();
        assert!((contrast(parse_color("#000").unwrap(), white) - 21.0).abs() < 1e-9);
        assert!((contrast(parse_color("#767676").unwrap(), white) - 4.54).abs() < 0.01);
    }

    #[test]
    fn flags_what_it_should() {
        assert_eq!(rules_of("body { color: #777; background: #fff; }"), [&rules::A11Y_CONTRAST_TEXT]);
        assert!(rules_of(":root { --t: #1a1a1a; } body { color: var(--t); background: #fff; }").is_empty());
        assert_eq!(rules_of("a:focus { outline: none; }"), [&rules::A11Y_FOCUS_VISIBLE]);
        assert!(rules_of("a:focus { outline: none; box-shadow: 0 0 0 3px #000; } main:focus:not(:focus-visible) { outline: none; }").is_empty());
        assert_eq!(rules_of("p { line-height: 1.2 !important; }"), [&rules::A11Y_TEXT_SPACING]);
        assert_eq!(rules_of("a { text-decoration: none; }"), [&rules::A11Y_LINK_DISTINCT]);
        assert_eq!(rules_of("body { font-size: 16px; }"), [&rules::A11Y_RESIZE]);
        assert_eq!(rules_of(".x { transition: all 1s; }"), [&rules::A11Y_MOTION]);
        assert!(rules_of("@media (prefers-reduced-motion: no-preference) { .x { transition: all 1s; } }").is_empty());
        assert_eq!(rules_of(".wrap { width: 960px; }"), [&rules::A11Y_REFLOW]);
    }

    #[test]
    fn the_builtin_theme_passes() {
        let css = include_str!("../../themes/default/static/theme/clearleaf.css");
        let f = check_sheet(&parse("builtin:static/theme/clearleaf.css", css));
        assert!(f.is_empty(), "{f:#?}");
    }
}
