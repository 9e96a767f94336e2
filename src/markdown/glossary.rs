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
//! A site's `locales/<lang>/glossary.yaml` adds to the built-in one: its entries replace the
//! built-in ones of the same word, and `word: null` takes a built-in word out.
//!
//! Matching: whole words; the longest entry wins ("crisis line" before "crisis"); a key or
//! form written in capitals only (`GP`, `A&E`) matches only in capitals, others match in any
//! case; any run of spaces matches a space, and ’ matches '.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use html5ever::LocalName;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};

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

/// One glossary file: its entries, and the words it takes out (`word: null`) of the glossary
/// it adds to.
pub struct Layer {
    file: String,
    entries: BTreeMap<String, Option<Entry>>,
}

impl Layer {
    /// Reads a glossary file.
    pub fn parse(file: &str, text: &str) -> Result<Layer, Diagnostic> {
        let (raw, unknown): (BTreeMap<String, Option<RawEntry>>, _) = crate::yaml::parse(text).map_err(|e| {
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
        let entries = raw
            .into_iter()
            .map(|(word, r)| {
                let word = word.trim().to_string();
                (word.clone(), r.map(|r| Entry { word, forms: r.forms, means: r.means.trim().to_string() }))
            })
            .collect();
        Ok(Layer { file: file.to_string(), entries })
    }
}

impl Glossary {
    /// Reads a glossary file on its own.
    pub fn parse(file: &str, text: &str) -> Result<Glossary, Diagnostic> {
        Layer::parse(file, text).map(|layer| Glossary::merge(vec![layer]))
    }

    /// One glossary from several files, the later ones adding to (and taking out of) the
    /// earlier ones. It is named after the last file.
    pub fn merge(layers: Vec<Layer>) -> Glossary {
        let mut words: BTreeMap<String, Entry> = BTreeMap::new();
        let mut file = String::new();
        for layer in layers {
            for (word, entry) in layer.entries {
                match entry {
                    Some(e) => words.insert(word, e),
                    None => words.remove(&word),
                };
            }
            file = layer.file;
        }
        Glossary::new(&file, words.into_values().collect())
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

/// Where a glossary word stands in the page's HTML. Ordered: inside several elements, the
/// greatest applies.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Context {
    /// Running text: the first use is linked here.
    Text,
    /// Seen by readers, but no link can go here (headings, links …): listed, not linked.
    Seen,
    /// Not read as text (code, scripts).
    Ignored,
}

fn context_of(name: &str) -> Context {
    match name {
        "code" | "pre" | "kbd" | "samp" | "script" | "style" | "svg" | "math" | "template" | "title" | "textarea" => Context::Ignored,
        "a" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "abbr" | "dfn" | "sup" | "sub" | "button" | "summary" | "label" | "del" | "s" | "caption" | "figcaption" | "th" | "dt" => Context::Seen,
        _ => Context::Text,
    }
}

/// Elements with no end tag.
const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// The prefix of the ids of the section's terms.
pub const ID_PREFIX: &str = "words-we-use-";

/// Links the first use of each glossary word in `html` (a page body) and appends the "Words we
/// use" section with `heading`. Returns the HTML unchanged when no glossary word is used.
///
/// The body is read with html5ever's tokenizer and written again from its tokens. That may
/// spell a tag or a character reference differently, but the page is parsed again before it
/// is written, so readers get the same tree.
pub fn mark(html: &str, glossary: &Glossary, heading: &str) -> String {
    let tokens = tokenize(html);
    // Ids already on the page, so that the new ones do not clash.
    let mut ids: HashSet<String> = tokens
        .iter()
        .filter_map(|t| match t {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => tag.attrs.iter().find(|a| &*a.name.local == "id").map(|a| a.value.to_string()),
            _ => None,
        })
        .collect();
    let mut slugger = Slugger::default();
    let mut entry_ids: BTreeMap<usize, String> = BTreeMap::new();
    let mut id_for = |entry: usize| -> String {
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

    let mut out = String::with_capacity(html.len() + 1024);
    // Entries in order of first use: (entry, text as first seen).
    let mut used: Vec<(usize, String)> = Vec::new();
    let mut linked: HashSet<usize> = HashSet::new();
    // Open elements that change how their text is read, with how.
    let mut stack: Vec<(LocalName, Context)> = Vec::new();
    // The text since the last tag: the tokenizer may hand it over in several pieces.
    let mut text = String::new();
    for token in tokens {
        let tag = match token {
            Token::CharacterTokens(t) => {
                text.push_str(&t);
                continue;
            }
            Token::NullCharacterToken => {
                text.push('\u{FFFD}');
                continue;
            }
            Token::TagToken(tag) => Some(tag),
            Token::CommentToken(c) => {
                out.push_str("<!--");
                out.push_str(&c);
                out.push_str("-->");
                None
            }
            Token::DoctypeToken(_) | Token::EOFToken | Token::ParseError(_) => None,
        };
        mark_text(&std::mem::take(&mut text), &stack, glossary, &mut used, &mut linked, &mut id_for, &mut out);
        let Some(tag) = tag else { continue };
        if tag.kind == TagKind::EndTag {
            if let Some(p) = stack.iter().rposition(|(n, _)| *n == tag.name) {
                stack.truncate(p);
            }
            out.push_str("</");
            out.push_str(&tag.name);
            out.push('>');
            continue;
        }
        out.push('<');
        out.push_str(&tag.name);
        for attr in &tag.attrs {
            out.push(' ');
            out.push_str(&attr.name.local);
            out.push_str("=\"");
            escape_attr(&attr.value, &mut out);
            out.push('"');
        }
        out.push_str(if tag.self_closing { " />" } else { ">" });
        if !tag.self_closing && !VOID.contains(&&*tag.name) {
            stack.push((tag.name.clone(), context_of(&tag.name)));
        }
    }
    mark_text(&text, &stack, glossary, &mut used, &mut linked, &mut id_for, &mut out);
    if used.is_empty() {
        return html.to_string();
    }
    out.push_str("<section class=\"words-we-use\" aria-labelledby=\"words-we-use\">\n<h2 id=\"words-we-use\">");
    escape_text(heading, &mut out);
    out.push_str("</h2>\n<dl>\n");
    for (entry, seen) in &used {
        let id = id_for(*entry);
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

/// Writes one run of text inside the open elements `stack`, noting the glossary words in it and
/// linking each word's first use in running text.
fn mark_text(
    text: &str,
    stack: &[(LocalName, Context)],
    glossary: &Glossary,
    used: &mut Vec<(usize, String)>,
    linked: &mut HashSet<usize>,
    id_for: &mut impl FnMut(usize) -> String,
    out: &mut String,
) {
    if stack.last().is_some_and(|(name, _)| matches!(super::raw_html::raw_text_kind(name), Some(TokenSinkResult::RawData(RawKind::ScriptData | RawKind::Rawtext)))) {
        // Script and style text is not escaped in HTML: it is written as it came.
        out.push_str(text);
        return;
    }
    let ctx = stack.iter().map(|(_, c)| *c).max().unwrap_or(Context::Text);
    if ctx == Context::Ignored {
        escape_text(text, out);
        return;
    }
    let mut last = 0;
    for m in glossary.find(text) {
        if !used.iter().any(|(e, _)| *e == m.entry) {
            used.push((m.entry, text[m.range.clone()].to_string()));
        }
        if ctx == Context::Text && linked.insert(m.entry) {
            escape_text(&text[last..m.range.start], out);
            out.push_str("<a href=\"#");
            escape_attr(&id_for(m.entry), out);
            out.push_str("\" class=\"glossary-term\">");
            escape_text(&text[m.range.clone()], out);
            out.push_str("</a>");
            last = m.range.end;
        }
    }
    escape_text(&text[last..], out);
}

/// The tokens of `html`, with the content of script, style and the other raw-text elements
/// read as text, as a browser reads it.
fn tokenize(html: &str) -> Vec<Token> {
    struct Collect(RefCell<Vec<Token>>);
    impl TokenSink for Collect {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            let raw = match &token {
                Token::TagToken(tag) if tag.kind == TagKind::StartTag && !tag.self_closing => super::raw_html::raw_text_kind(&tag.name),
                _ => None,
            };
            self.0.borrow_mut().push(token);
            raw.unwrap_or(TokenSinkResult::Continue)
        }
    }
    let tokenizer = Tokenizer::new(Collect(RefCell::new(Vec::new())), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(html.into());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.0.into_inner()
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
    fn reads_tags_and_text_as_a_browser_does() {
        let g = glossary();
        // A `>` inside a quoted attribute does not end the tag; a comment is not text; a
        // character reference in code stays escaped.
        let html = "<!-- crisis --><p title=\"a > crisis\">A&#32;crisis</p><code>&lt;GP&gt;</code>";
        assert_eq!(
            mark(html, &g, "W").split("<section").next().unwrap(),
            "<!-- crisis --><p title=\"a &gt; crisis\">A <a href=\"#words-we-use-crisis\" class=\"glossary-term\">crisis</a></p><code>&lt;GP&gt;</code>"
        );
        // Script text is neither marked nor escaped.
        let out = mark("<script>if (a < b) crisis()</script><p>crisis</p>", &g, "W");
        assert!(out.starts_with("<script>if (a < b) crisis()</script><p><a "), "{out}");
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
