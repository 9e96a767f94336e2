//! Easy-read typography on the theme's stylesheets, read once per build: ER-FONT-SIZE,
//! ER-LINE-HEIGHT, ER-ALIGN, ER-LINE-LENGTH, ER-FONT-FAMILY, and the stylesheet parts of
//! ER-NO-ITALIC, ER-NO-UNDERLINE, ER-NO-CAPS and ER-PUNCTUATION.
//!
//! A small CSS reader of its own (rules, `@media` blocks, custom properties, the selectors a
//! theme uses: type, class, id, attribute, `:root`, descendant and child combinators). To find
//! the text's computed styles it cascades the rules over the elements an Easy-read page's
//! words sit in: a paragraph in `.content`, and the words of a picture row in a paragraph and
//! in a list, under `<html class="form-easy">`. Rules inside `@media` blocks other than print
//! are taken as applying (the worst case across screen sizes); print rules are left out.
//! `1ch` is taken as half the font size, a little narrower than the digit 0 of common sans-serif
//! fonts, so that the column width in `ch` is not underestimated.
//!
//! Once the accessibility checks' CSS reader (`checks::css`) is merged, this module should use it.

use std::collections::HashSet;

use crate::config::EasyRead;
use crate::finding::{Finding, Severity};
use crate::rules;

/// What the theme does to Easy-read pages, worked out once per build.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// `em` and `i` are not shown in italics on Easy-read pages.
    pub unitalicises_em: bool,
    /// Typography findings on the stylesheets.
    pub findings: Vec<Finding>,
}

use crate::checks::css::{self, Decl, split_top};

/// One style rule, flattened out of any `@media` block that applies on screen.
#[derive(Clone, Debug)]
struct Rule {
    selectors: Vec<String>,
    decls: Vec<Decl>,
    file: usize,
    order: usize,
}

/// The screen rules of a stylesheet, numbered in cascade order.
fn screen_rules(sheet: &css::Sheet, file: usize, rules: &mut Vec<Rule>) {
    for r in &sheet.rules {
        let print_only = r.media.contains("print") && !r.media.contains("screen") && !r.media.contains("all");
        if print_only || r.selectors.iter().all(|s| s.starts_with('@')) {
            continue;
        }
        let order = rules.len();
        rules.push(Rule { selectors: r.selectors.clone(), decls: r.decls.clone(), file, order });
    }
}

/// An element of the model page.
#[derive(Clone, Debug)]
struct El {
    tag: &'static str,
    classes: Vec<&'static str>,
    id: Option<&'static str>,
    attrs: Vec<(&'static str, &'static str)>,
}

fn el(tag: &'static str, classes: &[&'static str]) -> El {
    El { tag, classes: classes.to_vec(), id: None, attrs: Vec::new() }
}

/// The elements around an Easy-read page's words: `html.form-easy > body > main > div.content`.
fn frame() -> Vec<El> {
    vec![
        El { tag: "html", classes: vec!["form-easy"], id: None, attrs: vec![("lang", "en"), ("dir", "ltr"), ("class", "form-easy")] },
        el("body", &[]),
        El { tag: "main", classes: vec![], id: Some("main"), attrs: vec![("id", "main"), ("tabindex", "-1")] },
        el("div", &["content"]),
    ]
}

/// Matches one compound selector (`p.x[lang|="ur"]`) against an element; `None` when it uses
/// something this reader does not know (it then never matches).
fn compound_matches(compound: &str, e: &El, is_root: bool) -> bool {
    let mut rest = compound;
    let tag: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '*' || *c == '-').collect();
    rest = &rest[tag.len()..];
    if !tag.is_empty() && tag != "*" && !tag.eq_ignore_ascii_case(e.tag) {
        return false;
    }
    while !rest.is_empty() {
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '.' | '#' => {
                let name: String = rest[1..].chars().take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_').collect();
                if name.is_empty() {
                    return false;
                }
                let ok = if c == '.' { e.classes.contains(&name.as_str()) } else { e.id == Some(name.as_str()) };
                if !ok {
                    return false;
                }
                rest = &rest[1 + name.len()..];
            }
            '[' => {
                let Some(close) = rest.find(']') else { return false };
                let inner = &rest[1..close];
                let ok = match inner.split_once('=') {
                    None => e.attrs.iter().any(|(n, _)| n.eq_ignore_ascii_case(inner.trim())),
                    Some((name, value)) => {
                        let value = value.trim().trim_matches(['"', '\'']);
                        let (name, op) = match name.trim().chars().last() {
                            Some(o @ ('|' | '~' | '^' | '$' | '*')) => (&name.trim()[..name.trim().len() - 1], Some(o)),
                            _ => (name.trim(), None),
                        };
                        e.attrs.iter().any(|(n, v)| {
                            n.eq_ignore_ascii_case(name)
                                && match op {
                                    None => *v == value,
                                    Some('|') => *v == value || v.starts_with(&format!("{value}-")),
                                    Some('~') => v.split_whitespace().any(|w| w == value),
                                    Some('^') => v.starts_with(value),
                                    Some('$') => v.ends_with(value),
                                    Some(_) => v.contains(value),
                                }
                        })
                    }
                };
                if !ok {
                    return false;
                }
                rest = &rest[close + 1..];
            }
            ':' => {
                let name: String = rest[1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
                if name == "root" && is_root {
                    rest = &rest[1 + name.len()..];
                } else {
                    // States (:hover, :focus, :visited …), pseudo-elements and functions.
                    return false;
                }
            }
            _ => return false,
        }
    }
    true
}

/// Specificity (ids, classes/attributes/pseudo-classes, types) of a selector.
fn specificity(sel: &str) -> (u32, u32, u32) {
    let (mut a, mut b, mut c) = (0, 0, 0);
    for part in sel.split([' ', '>', '+', '~']).filter(|p| !p.is_empty()) {
        a += part.matches('#').count() as u32;
        b += (part.matches('.').count() + part.matches('[').count() + part.matches(':').count()) as u32;
        if part.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
            c += 1;
        }
    }
    (a, b, c)
}

/// Whether `sel` matches the last element of `chain`.
fn matches(sel: &str, chain: &[El]) -> bool {
    // Tokens: compounds and combinators.
    let spaced = sel.replace('>', " > ").replace('+', " + ").replace('~', " ~ ");
    let mut tokens: Vec<&str> = spaced.split_whitespace().collect();
    // Attribute selectors with spaces around `~=` were split: give up on those.
    if tokens.iter().any(|t| t.contains('[') && !t.contains(']')) {
        return false;
    }
    let Some(last) = tokens.pop() else { return false };
    let n = chain.len();
    if n == 0 || !compound_matches(last, &chain[n - 1], n == 1) {
        return false;
    }
    let mut idx = n - 1;
    while let Some(tok) = tokens.pop() {
        let (comb, compound) = match tok {
            ">" | "+" | "~" => (tok, tokens.pop().unwrap_or("")),
            _ => (" ", tok),
        };
        match comb {
            ">" => {
                if idx == 0 || !compound_matches(compound, &chain[idx - 1], idx == 1) {
                    return false;
                }
                idx -= 1;
            }
            " " => {
                let Some(found) = (0..idx).rev().find(|&k| compound_matches(compound, &chain[k], k == 0)) else { return false };
                idx = found;
            }
            _ => return false,
        }
    }
    true
}

/// Cascade order: `!important`, specificity, source order.
type Precedence = (bool, (u32, u32, u32), usize);

/// A declared value for an element, with where it came from.
#[derive(Clone, Debug)]
struct Found {
    value: String,
    file: usize,
    line: usize,
}

struct Cascade<'a> {
    rules: &'a [Rule],
}

/// Properties that inherit.
const INHERITED: &[&str] = &["font-size", "line-height", "font-family", "font-style", "font-weight", "text-align", "text-transform", "hyphens", "color"];

impl Cascade<'_> {
    /// The winning declaration of `prop` on the last element of `chain` (not inherited).
    fn declared(&self, chain: &[El], prop: &str) -> Option<Found> {
        let mut best: Option<(Precedence, Found)> = None;
        for r in self.rules {
            let Some(spec) = r.selectors.iter().filter(|s| matches(s, chain)).map(|s| specificity(s)).max() else { continue };
            for d in r.decls.iter().filter(|d| d.prop == prop) {
                let key = (d.important, spec, r.order);
                if best.as_ref().is_none_or(|(k, _)| key >= *k) {
                    best = Some((key, Found { value: d.value.clone(), file: r.file, line: d.line }));
                }
            }
        }
        best.map(|(_, f)| f)
    }

    /// The value of `prop` on the last element, inherited where the property inherits, with
    /// `var()` resolved; `default` is the initial value.
    fn computed(&self, chain: &[El], prop: &str) -> Option<Found> {
        for k in (0..chain.len()).rev() {
            if let Some(mut f) = self.declared(&chain[..=k], prop) {
                f.value = self.resolve_vars(&chain[..=k], &f.value);
                if f.value.trim().eq_ignore_ascii_case("inherit") {
                    continue;
                }
                return Some(f);
            }
            if !INHERITED.contains(&prop) {
                return None;
            }
        }
        None
    }

    fn resolve_vars(&self, chain: &[El], value: &str) -> String {
        let mut v = value.to_string();
        for _ in 0..8 {
            let Some(i) = v.find("var(") else { break };
            let close = matching_paren(&v, i + 3);
            let inner = &v[i + 4..close];
            let (name, fallback) = match inner.split_once(',') {
                Some((n, f)) => (n.trim(), Some(f.trim())),
                None => (inner.trim(), None),
            };
            let custom = (0..chain.len()).rev().find_map(|k| self.declared(&chain[..=k], name)).map(|f| f.value);
            let replacement = custom.or(fallback.map(str::to_string)).unwrap_or_default();
            v = format!("{}{}{}", &v[..i], replacement, &v[close + 1..]);
        }
        v
    }
}

fn matching_paren(s: &str, open: usize) -> usize {
    let mut depth = 0;
    for (j, c) in s[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return open + j;
                }
            }
            _ => {}
        }
    }
    s.len() - 1
}

fn keyword_size(v: &str, parent: f64) -> Option<f64> {
    Some(match v {
        "xx-small" => 9.0,
        "x-small" => 10.0,
        "small" => 13.0,
        "medium" => 16.0,
        "large" => 18.0,
        "x-large" => 24.0,
        "xx-large" => 32.0,
        "smaller" => parent / 1.2,
        "larger" => parent * 1.2,
        _ => return None,
    })
}

/// Computed font sizes down `chain` (px), with the declaration that set the last one.
fn font_sizes(c: &Cascade<'_>, chain: &[El]) -> (Vec<f64>, Option<Found>) {
    let mut sizes = Vec::with_capacity(chain.len());
    let mut last = None;
    for k in 0..chain.len() {
        let parent = if k == 0 { 16.0 } else { sizes[k - 1] };
        let root = if k == 0 { 16.0 } else { sizes[0] };
        let size = match c.declared(&chain[..=k], "font-size") {
            Some(mut f) => {
                f.value = c.resolve_vars(&chain[..=k], &f.value);
                let v = f.value.trim().to_ascii_lowercase();
                let px = keyword_size(&v, parent).or_else(|| css::length_px(&v, parent, if k == 0 { 16.0 } else { root })).unwrap_or(parent);
                last = Some(f);
                px
            }
            None => parent,
        };
        sizes.push(size);
    }
    (sizes, last)
}

/// The margin at the block end of the last element of `chain`, in px.
fn margin_end(c: &Cascade<'_>, chain: &[El], em: f64, root: f64) -> f64 {
    let mut best: Option<(Precedence, f64)> = None;
    for r in c.rules {
        let Some(spec) = r.selectors.iter().filter(|s| matches(s, chain)).map(|s| specificity(s)).max() else { continue };
        for d in &r.decls {
            let value = c.resolve_vars(chain, &d.value);
            let parts: Vec<&str> = value.split_whitespace().collect();
            let end = match d.prop.as_str() {
                "margin" => match parts.len() {
                    1 | 2 => parts.first(),
                    _ => parts.get(2),
                },
                "margin-block" => parts.get(1).or(parts.first()),
                "margin-block-end" | "margin-bottom" => parts.first(),
                _ => continue,
            };
            let Some(px) = end.and_then(|v| css::length_px(v, em, root)) else { continue };
            let key = (d.important, spec, r.order);
            if best.as_ref().is_none_or(|(k, _)| key >= *k) {
                best = Some((key, px));
            }
        }
    }
    best.map_or(0.0, |(_, px)| px)
}

impl Facts {
    /// Checks the theme's stylesheets (parsed once per build) against `settings`.
    pub fn read(sheets: &[css::Sheet], settings: &EasyRead) -> Facts {
        let mut rules = Vec::new();
        for (i, sheet) in sheets.iter().enumerate() {
            screen_rules(sheet, i, &mut rules);
        }
        let shown: Vec<String> = sheets.iter().map(|s| s.file.clone()).collect();
        check(&rules, &shown, settings)
    }

    /// Checks one stylesheet given as text (for tests).
    pub fn from_css(shown: &str, css: &str, settings: &EasyRead) -> Facts {
        Facts::read(&[css::parse(shown, css)], settings)
    }
}

/// The theme check's findings: one per rule and place, however many kinds of text it affects.
struct Findings<'a> {
    shown: &'a [String],
    out: Vec<Finding>,
    reported: HashSet<(&'static rules::Rule, String, usize)>,
}

impl Findings<'_> {
    fn push(&mut self, rule: &'static rules::Rule, severity: Severity, file: usize, line: Option<usize>, message: String, help: &str) {
        let f = Finding::new(rule, severity, self.shown.get(file).cloned().unwrap_or_default(), message).maybe_line(line).help(help);
        if self.reported.insert((f.rule, f.file.clone(), f.line.unwrap_or(0))) {
            self.out.push(f);
        }
    }
}

fn check(rules: &[Rule], shown: &[String], st: &EasyRead) -> Facts {
    let c = Cascade { rules };
    let mut found = Findings { shown, out: Vec::new(), reported: HashSet::new() };
    // The elements Easy-read words sit in.
    let mut para = frame();
    para.push(el("p", &[]));
    let mut row = frame();
    row.push(el("div", &["picture-row"]));
    row.push(el("p", &["picture-row__text"]));
    let mut item = frame();
    item.push(el("ul", &[]));
    item.push(el("li", &["picture-row"]));
    item.push(el("div", &["picture-row__text"]));
    let texts = [("paragraphs", &para), ("picture rows", &row), ("picture rows in lists", &item)];

    for (what, chain) in texts {
        text_typography(&c, what, chain, st, &mut found);
    }
    // Italic emphasis: the UA shows em and i in italics unless the theme says otherwise. If
    // not, the page checks report the content's <em> and <i>.
    let normal = |ch: &[El]| c.declared(ch, "font-style").is_some_and(|f| matches!(f.value.trim().to_ascii_lowercase().as_str(), "normal"));
    let mut em = para.clone();
    em.push(el("em", &[]));
    let mut i = para.clone();
    i.push(el("i", &[]));
    let unitalicises_em = normal(&em) && normal(&i);
    easy_read_declarations(&c, rules, &mut found);
    Facts { unitalicises_em, findings: found.out }
}

/// The typography of one kind of Easy-read text (`chain`, the elements it sits in): size,
/// line height, paragraph spacing, font and line length.
fn text_typography(c: &Cascade<'_>, what: &str, chain: &[El], st: &EasyRead, found: &mut Findings<'_>) {
    let (sizes, size_decl) = font_sizes(c, chain);
    let size = *sizes.last().unwrap_or(&16.0);
    let root = sizes[0];
    let (file, line) = size_decl.as_ref().map_or((0, None), |f| (f.file, Some(f.line)));
    if size < st.min_font_px - 0.005 {
        found.push(
            &rules::ER_FONT_SIZE,
            Severity::Error,
            file,
            line,
            format!("Easy-read text in {what} is {size:.1} px; it must be at least {:.2} px (14 pt).", st.min_font_px),
            "Set the Easy-read body text to at least 1.375rem (22 px, about 16 pt): html.form-easy body { font-size: 1.375rem; }",
        );
    } else if size < st.font_warning_px - 0.005 {
        found.push(
            &rules::ER_FONT_SIZE,
            Severity::Warning,
            file,
            line,
            format!("Easy-read text in {what} is {size:.1} px; Easy read asks for at least {:.2} px (16 pt).", st.font_warning_px),
            "Set the Easy-read body text to at least 1.375rem (22 px, about 16 pt): html.form-easy body { font-size: 1.375rem; }",
        );
    }
    // Line height.
    let lh = c.computed(chain, "line-height");
    let (lh_file, lh_line) = lh.as_ref().map_or((0, None), |f| (f.file, Some(f.line)));
    let lh_value = lh.as_ref().map(|f| f.value.trim().to_ascii_lowercase()).unwrap_or_else(|| "normal".into());
    let ratio = match lh_value.parse::<f64>() {
        Ok(n) => n,
        Err(_) if lh_value == "normal" => 1.2,
        Err(_) => css::length_px(&lh_value, size, root).map_or(1.2, |px| px / size),
    };
    if ratio < st.min_line_height - 1e-9 {
        found.push(
            &rules::ER_LINE_HEIGHT,
            Severity::Error,
            lh_file,
            lh_line,
            format!("The line height of Easy-read text in {what} is {ratio:.2}; it must be at least {}.", st.min_line_height),
            "Set line-height: 1.6 on Easy-read text.",
        );
    }
    // Paragraph spacing: the gap between paragraphs or rows ≥ half a line more than a line.
    let n = chain.len();
    let gap = if what == "paragraphs" { margin_end(c, chain, size, root) } else { margin_end(c, &chain[..n - 1], sizes[n - 2], root) + margin_end(c, chain, size, root) };
    let line_px = ratio * size;
    if gap + 1e-6 < 0.5 * line_px {
        found.push(
            &rules::ER_LINE_HEIGHT,
            Severity::Error,
            0,
            None,
            format!("Easy-read {what} are {gap:.1} px apart; with lines {line_px:.1} px high, paragraph spacing must be at least 1.5 times the line spacing (a gap of {:.1} px).", 0.5 * line_px),
            "Give Easy-read paragraphs and picture rows a bottom margin of at least half their line height, for example margin-block-end: 1em.",
        );
    }
    // Font family and weight.
    if let Some(f) = c.computed(chain, "font-family") {
        let families: Vec<String> = split_top(&f.value, ',').iter().map(|s| s.trim().trim_matches(['"', '\'']).to_ascii_lowercase()).collect();
        let last = families.last().cloned().unwrap_or_default();
        if last != "sans-serif" || families.iter().any(|f| f == "cursive" || f == "fantasy" || f.contains("comic") || f.contains("script") || f.contains("hand")) {
            found.push(
                &rules::ER_FONT_FAMILY,
                Severity::Warning,
                f.file,
                Some(f.line),
                format!("The Easy-read font list is “{}”; it should end in sans-serif, with no script or handwriting fonts.", f.value.trim()),
                "Use a clear sans-serif font list such as system-ui, Arial, sans-serif.",
            );
        }
    }
    if let Some(f) = c.computed(chain, "font-weight") {
        let v = f.value.trim().to_ascii_lowercase();
        if v == "lighter" || v.parse::<f64>().is_ok_and(|w| w < 400.0) {
            found.push(
                &rules::ER_FONT_FAMILY,
                Severity::Warning,
                f.file,
                Some(f.line),
                format!("Easy-read text in {what} has a light font weight ({v})."),
                "Use a normal (400) or bold weight: light text is hard to read.",
            );
        }
    }
    // Line length: the narrowest max width of main, .content and the text.
    let mut narrowest: Option<(f64, Found)> = None;
    for k in 2..n {
        for prop in ["max-inline-size", "max-width"] {
            if let Some(f) = c.declared(&chain[..=k], prop) {
                let value = c.resolve_vars(&chain[..=k], &f.value);
                if let Some(px) = css::length_px(&value, sizes[k], root).filter(|px| narrowest.as_ref().is_none_or(|(w, _)| px < w)) {
                    narrowest = Some((px, f));
                }
            }
        }
    }
    match narrowest {
        Some((px, f)) => {
            let ch = px / (size / 2.0);
            if ch > st.max_line_length_ch + 1e-6 {
                found.push(
                    &rules::ER_LINE_LENGTH,
                    Severity::Warning,
                    f.file,
                    Some(f.line),
                    format!("Easy-read lines in {what} can be about {ch:.0} characters long; keep them to {} or fewer.", st.max_line_length_ch),
                    "Set a max-inline-size in ch (for example 60ch) or rem on the Easy-read text column.",
                );
            }
        }
        None => found.push(
            &rules::ER_LINE_LENGTH,
            Severity::Warning,
            0,
            None,
            format!("Easy-read text in {what} has no maximum line length."),
            "Set a max-inline-size on the Easy-read text column, for example html.form-easy main { max-inline-size: 42rem; }.",
        ),
    }
}

/// Declarations that are wrong wherever they apply to Easy-read pages: justified text,
/// italics, underlined words that are not links, capitals, hyphenation.
fn easy_read_declarations(c: &Cascade<'_>, rules: &[Rule], found: &mut Findings<'_>) {
    for r in rules {
        let easy_selectors: Vec<&String> = r.selectors.iter().filter(|s| !s.contains("form-standard")).collect();
        if easy_selectors.is_empty() {
            continue;
        }
        for d in &r.decls {
            let v = c.resolve_vars(&[], &d.value).to_ascii_lowercase();
            let sel = easy_selectors.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
            match d.prop.as_str() {
                "text-align" | "text-align-last" if v.contains("justify") => found.push(
                    &rules::ER_ALIGN,
                    Severity::Error,
                    r.file,
                    Some(d.line),
                    format!("`{sel}` justifies text ({}: {v}).", d.prop),
                    "Align Easy-read text to the start (text-align: start): justified text has uneven gaps between words.",
                ),
                "font-style" if v.starts_with("italic") || v.starts_with("oblique") => found.push(
                    &rules::ER_NO_ITALIC,
                    Severity::Error,
                    r.file,
                    Some(d.line),
                    format!("`{sel}` sets italics (font-style: {v})."),
                    "Do not use italics on Easy-read pages: use bold to stress words.",
                ),
                "text-decoration" | "text-decoration-line" if v.contains("underline") => {
                    let not_links: Vec<&str> = easy_selectors.iter().map(|s| s.as_str()).filter(|s| !is_link_selector(s)).collect();
                    if !not_links.is_empty() {
                        found.push(
                            &rules::ER_NO_UNDERLINE,
                            Severity::Error,
                            r.file,
                            Some(d.line),
                            format!("`{}` underlines text that is not a link.", not_links.join(", ")),
                            "Underline only links on Easy-read pages, so readers know what they can follow.",
                        );
                    }
                }
                "text-transform" if v.contains("uppercase") => found.push(
                    &rules::ER_NO_CAPS,
                    Severity::Warning,
                    r.file,
                    Some(d.line),
                    format!("`{sel}` shows text in capital letters (text-transform: uppercase)."),
                    "Do not show Easy-read text in capitals: words in small letters are easier to read.",
                ),
                "hyphens" | "-webkit-hyphens" | "-ms-hyphens" if v.contains("auto") => found.push(
                    &rules::ER_PUNCTUATION,
                    Severity::Error,
                    r.file,
                    Some(d.line),
                    format!("`{sel}` splits words across lines ({}: auto).", d.prop),
                    "Do not hyphenate Easy-read text: set hyphens: manual (or leave it out).",
                ),
                _ => {}
            }
        }
    }
}

/// A selector whose subject is a link (`a`, `a:hover`, `:link`, `[href]`).
fn is_link_selector(sel: &str) -> bool {
    let subject = sel.rsplit([' ', '>', '+', '~']).next().unwrap_or(sel);
    let tag: String = subject.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    tag.eq_ignore_ascii_case("a") || subject.contains(":link") || subject.contains(":visited") || subject.contains("[href")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(css: &str) -> Facts {
        Facts::from_css("themes/x/static/x.css", css, &EasyRead::default())
    }

    fn rules(f: &Facts) -> Vec<(&'static rules::Rule, Severity, Option<usize>)> {
        f.findings.iter().map(|f| (f.rule, f.severity, f.line)).collect()
    }

    #[test]
    fn the_builtin_theme_passes() {
        let sheets: Vec<css::Sheet> = crate::i18n::builtin::THEME_FILES
            .iter()
            .filter(|(p, _)| p.starts_with("static/") && p.ends_with(".css"))
            .map(|(p, b)| css::parse(&format!("builtin:{p}"), &String::from_utf8_lossy(b)))
            .collect();
        let f = Facts::read(&sheets, &EasyRead::default());
        assert!(f.findings.is_empty(), "{:#?}", f.findings);
        assert!(f.unitalicises_em);
    }

    #[test]
    fn small_text_tight_lines_and_long_lines() {
        let css = ":root { --f: Georgia, serif; }\nhtml { font-size: 100%; font-family: var(--f); line-height: 1.3; }\nhtml.form-easy body {\n  font-size: 1.125rem;\n}\nmain { max-width: 60rem; }\np { margin-block: 0 1.5rem; }\n.picture-row { margin-block-end: 2rem; }\n";
        let f = facts(css);
        let got = rules(&f);
        assert!(got.contains(&(&rules::ER_FONT_SIZE, Severity::Error, Some(4))), "{got:?}");
        assert!(got.contains(&(&rules::ER_LINE_HEIGHT, Severity::Error, Some(2))), "{got:?}");
        assert!(got.contains(&(&rules::ER_FONT_FAMILY, Severity::Warning, Some(2))), "{got:?}");
        assert_eq!(got.len(), 4, "one finding per rule and line: {got:?}");
        assert!(got.contains(&(&rules::ER_LINE_LENGTH, Severity::Warning, Some(6))), "{got:?}");
        assert!(!f.unitalicises_em);
    }

    #[test]
    fn declarations_wrong_wherever_they_apply() {
        let css = "body{font-size:22px;line-height:1.6;font-family:Arial,sans-serif}main{max-width:40rem}p{margin:0 0 1em}.picture-row{margin:0 0 1em}\n.lead { text-align: justify; }\nblockquote { font-style: italic }\n.note { text-decoration: underline; }\na:hover { text-decoration: underline }\nh2 { text-transform: uppercase }\np { hyphens: auto }\nhtml.form-standard p { text-align: justify }\n@media print { p { font-style: italic } }\n";
        let f = facts(css);
        let got = rules(&f);
        assert_eq!(
            got,
            [
                (&rules::ER_ALIGN, Severity::Error, Some(2)),
                (&rules::ER_NO_ITALIC, Severity::Error, Some(3)),
                (&rules::ER_NO_UNDERLINE, Severity::Error, Some(4)),
                (&rules::ER_NO_CAPS, Severity::Warning, Some(6)),
                (&rules::ER_PUNCTUATION, Severity::Error, Some(7)),
            ]
        );
    }

    #[test]
    fn selectors() {
        let chain = {
            let mut c = frame();
            c.push(el("div", &["picture-row"]));
            c.push(el("p", &["picture-row__text"]));
            c
        };
        assert!(matches("html.form-easy p", &chain));
        assert!(matches(".content > .picture-row > p", &chain));
        assert!(matches("html[lang|=\"en\"] .picture-row__text", &chain));
        assert!(!matches("html[lang|=\"ur\"] p", &chain));
        assert!(!matches("p:hover", &chain));
        assert!(!matches(".content > p", &chain));
        assert!(matches(":root", &chain[..1]));
        assert_eq!(specificity("html.form-easy p"), (0, 1, 2));
    }
}
