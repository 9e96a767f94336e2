//! The glossary of hard words (`locales/<lang>/glossary.yaml`): finding its words in text, and
//! explaining them on Easy-read pages.
//!
//! ```yaml
//! crisis:                      # the word as written; lower case unless a name or an acronym
//!   forms: [crises]            # plurals, inflections and other spellings that also match
//!   means: A time when you feel very unwell or unsafe. You need help quickly.
//! ```
//!
//! On an Easy-read page, [`mark`] links the first use of each glossary word in the text to its
//! explanation (`<a href="#words-we-use-crisis" class="glossary-term">crisis</a>`) and adds a
//! visible "Words we use" section at the end of the content: a `<dl>` of the words the page
//! uses, in the order the page first uses them. Nothing is shown only on hover. Words in
//! headings, links and other elements that cannot hold a link are listed but not linked; their
//! first use in running text is linked instead.
//!
//! Matching: whole words; the longest entry wins ("crisis line" before "crisis"); a key or
//! form written in capitals only (`GP`, `A&E`) matches only in capitals, others match in any
//! case; any run of spaces matches a space, and ’ matches '.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::slug::Slugger;
use super::{escape_attr, escape_text};
use crate::error::Diagnostic;

/// One word and its explanation.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The word as written in the file.
    pub word: String,
    /// Other forms that also match.
    pub forms: Vec<String>,
    /// The plain explanation.
    pub means: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    #[serde(default)]
    forms: Vec<String>,
    means: String,
}

struct Pattern {
    chars: Vec<char>,
    entry: usize,
    case_sensitive: bool,
}

/// A language's glossary.
pub struct Glossary {
    /// Where it came from (`locales/en/glossary.yaml` or `builtin:locales/en/glossary.yaml`).
    pub file: String,
    /// The entries, sorted by word.
    pub entries: Vec<Entry>,
    /// Every key and form, longest first.
    patterns: Vec<Pattern>,
    /// Indices into `patterns` (in their order) by the folded first character of the text they
    /// can match at: [`Glossary::find`] tries only these at each word, not every pattern.
    by_first: FxHashMap<char, Vec<usize>>,
}

/// A glossary word found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Index into [`Glossary::entries`].
    pub entry: usize,
}

fn fold(c: char) -> char {
    // Every character of every page goes through here; `to_lowercase` gives the same for ASCII
    // by a longer way.
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        '’' | 'ʼ' | '‘' => '\'',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

impl Glossary {
    /// Reads a glossary file.
    pub fn parse(file: &str, text: &str) -> Result<Glossary, Diagnostic> {
        let (raw, unknown): (BTreeMap<String, RawEntry>, _) = crate::yaml::parse(text).map_err(|e| {
            let mut d = Diagnostic::new(file, format!("this glossary is not valid: {}", e.message))
                .hint("Each entry is a word, then `forms:` (a list of other forms) and `means:` (a short plain explanation), indented under it.");
            d.line = e.line;
            d.column = e.column;
            d
        })?;
        if let Some(k) = unknown.first() {
            let mut d = Diagnostic::new(file, format!("the glossary entry setting `{}` is not known", k.path)).hint("An entry has only `forms:` and `means:`.");
            d.line = k.line;
            return Err(d);
        }
        let entries: Vec<Entry> = raw.into_iter().map(|(word, r)| Entry { word: word.trim().to_string(), forms: r.forms, means: r.means.trim().to_string() }).collect();
        Ok(Glossary::new(file, entries))
    }

    /// A glossary from entries.
    pub fn new(file: &str, entries: Vec<Entry>) -> Glossary {
        let mut patterns = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for w in std::iter::once(&e.word).chain(&e.forms) {
                let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
                if w.is_empty() {
                    continue;
                }
                let case_sensitive = w.chars().filter(|c| c.is_uppercase()).count() >= 2 && !w.chars().any(char::is_lowercase);
                let chars = if case_sensitive { w.chars().collect() } else { w.chars().map(fold).collect() };
                patterns.push(Pattern { chars, entry: i, case_sensitive });
            }
        }
        patterns.sort_by_key(|p| std::cmp::Reverse(p.chars.len()));
        let mut by_first: FxHashMap<char, Vec<usize>> = FxHashMap::default();
        for (k, p) in patterns.iter().enumerate() {
            // A case-insensitive pattern is folded already; a case-sensitive one matches text
            // whose first character folds to the fold of its own.
            let first = if p.case_sensitive { fold(p.chars[0]) } else { p.chars[0] };
            by_first.entry(first).or_default().push(k);
        }
        Glossary { file: file.to_string(), entries, patterns, by_first }
    }

    /// Glossary words in `text`: whole words, leftmost and longest first, not overlapping.
    pub fn find(&self, text: &str) -> Vec<Match> {
        let mut out = Vec::new();
        let mut prev: Option<char> = None;
        let mut i = 0;
        while i < text.len() {
            let c = text[i..].chars().next().expect("a char");
            if prev.is_none_or(|p| !p.is_alphanumeric())
                && !c.is_whitespace()
                && let Some(candidates) = self.by_first.get(&fold(c))
                && let Some((end, entry)) = candidates.iter().map(|&k| &self.patterns[k]).find_map(|p| match_at(text, i, p).map(|e| (e, p.entry)))
            {
                out.push(Match { range: i..end, entry });
                prev = text[..end].chars().next_back();
                i = end;
                continue;
            }
            prev = Some(c);
            i += c.len_utf8();
        }
        out
    }

    /// The entry whose key or a form is exactly `word` (as [`Glossary::find`] matches).
    pub fn entry_for(&self, word: &str) -> Option<usize> {
        self.find(word).into_iter().find(|m| m.range == (0..word.len())).map(|m| m.entry)
    }
}

/// The end of `p` matched at byte `i` of `text`, if it matches there as a whole word.
fn match_at(text: &str, i: usize, p: &Pattern) -> Option<usize> {
    let mut it = text[i..].char_indices().peekable();
    for &pc in &p.chars {
        if pc == ' ' {
            let mut any = false;
            while it.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                it.next();
                any = true;
            }
            if !any {
                return None;
            }
            continue;
        }
        let (_, c) = it.next()?;
        let c = if p.case_sensitive { if c == '’' { '\'' } else { c } } else { fold(c) };
        if c != pc {
            return None;
        }
    }
    let end = it.peek().map_or(text.len(), |(j, _)| i + j);
    let next = text[end..].chars().next();
    next.is_none_or(|n| !n.is_alphanumeric()).then_some(end)
}

/// Where a glossary word stands in the page's HTML.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    /// Running text: the first use is linked here.
    Text,
    /// Seen by readers, but no link can go here (headings, links …): listed, not linked.
    Seen,
    /// Not read as text (code, scripts).
    Ignored,
}

fn context_of(name: &str) -> Option<Context> {
    Some(match name {
        "code" | "pre" | "kbd" | "samp" | "script" | "style" | "svg" | "math" | "template" | "title" | "textarea" => Context::Ignored,
        "a" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "abbr" | "dfn" | "sup" | "sub" | "button" | "summary" | "label" | "del" | "s" | "caption" | "figcaption" | "th" | "dt" => Context::Seen,
        _ => return None,
    })
}

/// Elements with no end tag.
const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// The prefix of the ids of the section's terms.
pub const ID_PREFIX: &str = "words-we-use-";

/// Links the first use of each glossary word in `html` (a page body) and appends the "Words we
/// use" section with `heading`. Returns the HTML unchanged when no glossary word is used.
pub fn mark(html: &str, glossary: &Glossary, heading: &str) -> String {
    let mut ids: HashSet<String> = HashSet::new();
    let mut out = String::with_capacity(html.len() + 1024);
    // Entries in order of first use: (entry, text as first seen).
    let mut used: Vec<(usize, String)> = Vec::new();
    let mut linked: HashSet<usize> = HashSet::new();
    let mut slugger = Slugger::default();
    let mut entry_ids: BTreeMap<usize, String> = BTreeMap::new();
    let mut stack: Vec<(String, Context)> = Vec::new();
    // Ids already on the page, so that the new ones do not clash.
    let mut pos = 0;
    while let Some(off) = html[pos..].find(" id=\"") {
        let start = pos + off + 5;
        let end = html[start..].find('"').map_or(html.len(), |e| start + e);
        ids.insert(html[start..end].to_string());
        pos = end;
    }
    let mut id_for = |entry: usize, slugger: &mut Slugger, entry_ids: &mut BTreeMap<usize, String>| -> String {
        entry_ids
            .entry(entry)
            .or_insert_with(|| {
                let base = slugger.slug(&glossary.entries[entry].word);
                let mut id = format!("{ID_PREFIX}{base}");
                let mut n = 2;
                while ids.contains(&id) {
                    id = format!("{ID_PREFIX}{base}-{n}");
                    n += 1;
                }
                ids.insert(id.clone());
                id
            })
            .clone()
    };

    let mut i = 0;
    let bytes = html.as_bytes();
    while i < html.len() {
        if bytes[i] == b'<' {
            let end = tag_end(html, i);
            let tag = &html[i..end];
            out.push_str(tag);
            if let Some((name, closing)) = tag_name(tag) {
                if closing {
                    if let Some(p) = stack.iter().rposition(|(n, _)| *n == name) {
                        stack.truncate(p);
                    }
                } else if !VOID.contains(&name.as_str()) && !tag.ends_with("/>") {
                    let ctx = context_of(&name).unwrap_or(Context::Text);
                    stack.push((name, ctx));
                }
            }
            i = end;
            continue;
        }
        let end = html[i..].find('<').map_or(html.len(), |e| i + e);
        let raw = &html[i..end];
        let ctx = stack.iter().map(|(_, c)| *c).fold(Context::Text, |acc, c| match (acc, c) {
            (Context::Ignored, _) | (_, Context::Ignored) => Context::Ignored,
            (Context::Seen, _) | (_, Context::Seen) => Context::Seen,
            _ => Context::Text,
        });
        if ctx == Context::Ignored {
            out.push_str(raw);
            i = end;
            continue;
        }
        let (text, map) = decode(raw);
        let mut last = 0;
        for m in glossary.find(&text) {
            if !used.iter().any(|(e, _)| *e == m.entry) {
                used.push((m.entry, text[m.range.clone()].to_string()));
            }
            if ctx == Context::Text && linked.insert(m.entry) {
                let id = id_for(m.entry, &mut slugger, &mut entry_ids);
                let (s, e) = (map[m.range.start], map[m.range.end]);
                out.push_str(&raw[last..s]);
                out.push_str("<a href=\"#");
                escape_attr(&id, &mut out);
                out.push_str("\" class=\"glossary-term\">");
                out.push_str(&raw[s..e]);
                out.push_str("</a>");
                last = e;
            }
        }
        out.push_str(&raw[last..]);
        i = end;
    }
    if used.is_empty() {
        return html.to_string();
    }
    out.push_str("<section class=\"words-we-use\" aria-labelledby=\"words-we-use\">\n<h2 id=\"words-we-use\">");
    escape_text(heading, &mut out);
    out.push_str("</h2>\n<dl>\n");
    for (entry, seen) in &used {
        let id = id_for(*entry, &mut slugger, &mut entry_ids);
        out.push_str("<dt id=\"");
        escape_attr(&id, &mut out);
        out.push_str("\">");
        escape_text(seen, &mut out);
        out.push_str("</dt>\n<dd>");
        escape_text(&glossary.entries[*entry].means, &mut out);
        out.push_str("</dd>\n");
    }
    out.push_str("</dl>\n</section>\n");
    out
}

/// The byte after the `>` that closes the tag (or comment) starting at `i`.
fn tag_end(html: &str, i: usize) -> usize {
    let rest = &html[i..];
    if rest.starts_with("<!--") {
        return rest.find("-->").map_or(html.len(), |e| i + e + 3);
    }
    let mut quote = None;
    for (j, c) in rest.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i + j + 1,
            _ => {}
        }
    }
    html.len()
}

/// The lower-case name of a start or end tag, and whether it is an end tag.
fn tag_name(tag: &str) -> Option<(String, bool)> {
    let (rest, closing) = match tag.strip_prefix("</") {
        Some(r) => (r, true),
        None => (tag.strip_prefix('<')?, false),
    };
    let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
    (!name.is_empty()).then_some((name, closing))
}

/// Decodes character references in HTML text; `map[k]` is the raw byte offset of decoded byte
/// `k` (with one more entry for the end).
fn decode(raw: &str) -> (String, Vec<usize>) {
    let mut text = String::with_capacity(raw.len());
    let mut map = Vec::with_capacity(raw.len() + 1);
    let mut i = 0;
    while i < raw.len() {
        let rest = &raw[i..];
        let (c, len) = if rest.starts_with('&') {
            rest.find(';').filter(|&e| e <= 10).and_then(|e| entity(&rest[1..e]).map(|c| (c, e + 1))).unwrap_or(('&', 1))
        } else {
            let c = rest.chars().next().expect("a char");
            (c, c.len_utf8())
        };
        for _ in 0..c.len_utf8() {
            map.push(i);
        }
        text.push(c);
        i += len;
    }
    map.push(raw.len());
    (text, map)
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)?
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary() -> Glossary {
        Glossary::parse(
            "locales/en/glossary.yaml",
            "crisis:\n  forms: [crises]\n  means: A time when you feel very unwell.\ncrisis line:\n  means: A phone number for a crisis.\n\"A&E\":\n  forms: [A and E]\n  means: The part of a hospital for emergencies.\nGP:\n  forms: [GPs]\n  means: Your family doctor.\n",
        )
        .unwrap()
    }

    #[test]
    fn finds_whole_words_longest_first_with_case_rules() {
        let g = glossary();
        let words = |t: &str| g.find(t).into_iter().map(|m| t[m.range].to_string()).collect::<Vec<_>>();
        assert_eq!(words("Call the Crisis line. Crises pass. A&E is open; a&e is not. Ask a GP or gp. Crisisteam."), ["Crisis line", "Crises", "A&E", "GP"]);
        assert_eq!(words("Go to A and\nE now."), ["A and\nE"]);
        assert_eq!(g.entry_for("GPs").map(|e| g.entries[e].word.as_str()), Some("GP"));
        assert_eq!(g.entry_for("the GP"), None);
    }

    #[test]
    fn marks_first_use_in_text_and_adds_the_section() {
        let g = glossary();
        let html = "<h2 id=\"crisis\" data-cl-line=\"1\">In a crisis</h2>\n<p data-cl-line=\"3\">A crisis can pass. Go to A&amp;E or see <a href=\"/x/\">a crisis team</a>.</p>\n<p>Another crisis.</p>\n<pre><code>GP</code></pre>\n";
        let out = mark(html, &g, "Words we use");
        assert_eq!(
            out,
            "<h2 id=\"crisis\" data-cl-line=\"1\">In a crisis</h2>\n<p data-cl-line=\"3\">A <a href=\"#words-we-use-crisis\" class=\"glossary-term\">crisis</a> can pass. Go to <a href=\"#words-we-use-ae\" class=\"glossary-term\">A&amp;E</a> or see <a href=\"/x/\">a crisis team</a>.</p>\n<p>Another crisis.</p>\n<pre><code>GP</code></pre>\n\
             <section class=\"words-we-use\" aria-labelledby=\"words-we-use\">\n<h2 id=\"words-we-use\">Words we use</h2>\n<dl>\n\
             <dt id=\"words-we-use-crisis\">crisis</dt>\n<dd>A time when you feel very unwell.</dd>\n\
             <dt id=\"words-we-use-ae\">A&amp;E</dt>\n<dd>The part of a hospital for emergencies.</dd>\n</dl>\n</section>\n"
        );
        assert_eq!(mark("<p>Nothing here.</p>", &g, "Words we use"), "<p>Nothing here.</p>");
    }

    #[test]
    fn ids_do_not_clash_with_ids_on_the_page() {
        let g = glossary();
        let out = mark("<h2 id=\"words-we-use-crisis\">x</h2><p>crisis</p>", &g, "W");
        assert!(out.contains("href=\"#words-we-use-crisis-2\"") && out.contains("<dt id=\"words-we-use-crisis-2\">"), "{out}");
    }

    #[test]
    fn bad_files_are_errors_with_a_line() {
        let e = Glossary::parse("g.yaml", "crisis:\n  mean: x\n").err().unwrap();
        assert!(e.message.contains("not"), "{e:?}");
        assert!(Glossary::parse("g.yaml", "crisis: [\n").is_err());
    }

    #[test]
    fn the_builtin_glossaries_parse() {
        for (path, bytes) in crate::i18n::builtin::LOCALE_FILES.iter().filter(|(p, _)| p.ends_with("glossary.yaml")) {
            let g = Glossary::parse(path, std::str::from_utf8(bytes).unwrap()).unwrap_or_else(|e| panic!("{path}: {e:?}"));
            assert!(g.entries.len() >= 10, "{path}");
        }
    }
}
