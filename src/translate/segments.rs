//! A page's markdown as translators see it: an ordered list of segments (headings, paragraphs,
//! list items, table cells, picture alt text), each with the byte range it came from. Inline
//! markup becomes numbered codes, so a translator can move a link within the sentence but
//! cannot change where it leads; and the way back, from translated segments to markdown, by
//! replacing each segment's range and nothing else.
//!
//! Code blocks, HTML blocks, link targets and picture paths are never part of a segment's
//! text. A picture at the start of a paragraph (an Easy read picture row) stays where it is:
//! only its alt text and the words after it are offered.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};

/// What a segment is, as its ID and the translator's tool show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The page title (front matter).
    Title,
    /// The description (front matter).
    Description,
    /// A heading.
    Heading,
    /// A paragraph, or the words beside a picture.
    Paragraph,
    /// A list item without paragraphs of its own.
    Item,
    /// A table cell.
    Cell,
    /// A picture's alt text.
    Alt,
}

impl Kind {
    /// The name in segment IDs.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Title => "title",
            Kind::Description => "description",
            Kind::Heading => "heading",
            Kind::Paragraph => "paragraph",
            Kind::Item => "item",
            Kind::Cell => "cell",
            Kind::Alt => "alt",
        }
    }
}

/// A piece of a segment's text: words, or a code standing for markup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Words, as a reader sees them (no markdown escapes).
    Text(String),
    /// Where the words wrapped by code N start (a link's `[`).
    Open(u32),
    /// Where they end (a link's `](target)`).
    Close(u32),
    /// Markup kept as it is: inline code, a picture, a line break, HTML.
    Standalone(u32),
}

/// Markup a code stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    /// Its number in the segment, from 1.
    pub id: u32,
    /// Wraps words (`Open` … `Close`), or stands alone.
    pub paired: bool,
    /// Its XLIFF 1.2 `ctype`: `link`, `bold`, `italic`, `image`, `lb`, or an `x-` name.
    pub ctype: &'static str,
    /// The markdown before the wrapped words, or all of a standalone code's markdown.
    pub open: String,
    /// The markdown after the wrapped words (paired codes).
    pub close: String,
    /// A picture's alt text: the index of its segment, and where the alt sits in `open`.
    pub alt: Option<(usize, Range<usize>)>,
}

/// One translatable piece of a page.
#[derive(Clone, Debug)]
pub struct Segment {
    /// `3.paragraph`: its place on the page and its kind, so that a file made for another
    /// version of the page does not line up by accident.
    pub id: String,
    /// What it is.
    pub kind: Kind,
    /// Bytes of the markdown it came from (empty for the title and description).
    pub range: Range<usize>,
    /// 1-based line in the markdown.
    pub line: usize,
    /// The words and codes.
    pub pieces: Vec<Piece>,
    /// The markup each code stands for, by number.
    pub codes: Vec<Code>,
    /// The segment whose picture holds this alt text, when it is inside a sentence.
    pub parent: Option<usize>,
}

impl Segment {
    /// A front matter segment (title or description): plain words, no codes.
    pub fn plain(kind: Kind, text: &str) -> Segment {
        Segment { id: kind.as_str().into(), kind, range: 0..0, line: 1, pieces: vec![Piece::Text(text.to_string())], codes: Vec::new(), parent: None }
    }

    /// The words of the segment, without codes (for word counts).
    pub fn words(&self) -> String {
        self.pieces.iter().filter_map(|p| if let Piece::Text(t) = p { Some(t.as_str()) } else { None }).collect::<Vec<_>>().join(" ")
    }

    /// The code numbered `id`.
    pub fn code(&self, id: u32) -> Option<&Code> {
        self.codes.iter().find(|c| c.id == id)
    }
}

/// The parser options for segments: the site's, without smart punctuation, so that the text a
/// translator gets is the text as typed, and reads back the same after it is written again.
fn options() -> pulldown_cmark::Options {
    let mut o = crate::markdown::options();
    o.remove(pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION);
    o
}

type Spanned<'a> = (Event<'a>, Range<usize>);

/// The segments of a markdown body, in reading order, numbered from `first`.
pub fn segment(body: &str, first: usize) -> Vec<Segment> {
    let events: Vec<Spanned<'_>> = Parser::new_ext(body, options()).into_offset_iter().collect();
    let mut out = Vec::new();
    let mut blocks: Vec<Kind> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        match &events[i].0 {
            // Not for translation: code, raw HTML, metadata. They do not nest, so the next end
            // of the same kind closes them.
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)) => {
                while i < events.len() && !matches!(events[i].0, Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_))) {
                    i += 1;
                }
                i += 1;
            }
            e if is_inline(e) => {
                let start = i;
                let mut depth = 0usize;
                while i < events.len() && (depth > 0 || is_inline(&events[i].0)) {
                    match events[i].0 {
                        Event::Start(_) => depth += 1,
                        Event::End(_) => depth -= 1,
                        _ => {}
                    }
                    i += 1;
                }
                add_run(body, &events[start..i], blocks.last().copied().unwrap_or(Kind::Paragraph), &mut out);
            }
            Event::Start(tag) => {
                blocks.push(match tag {
                    Tag::Heading { .. } => Kind::Heading,
                    Tag::Item => Kind::Item,
                    Tag::TableCell => Kind::Cell,
                    _ => Kind::Paragraph,
                });
                i += 1;
            }
            Event::End(_) => {
                blocks.pop();
                i += 1;
            }
            _ => i += 1,
        }
    }
    for (n, s) in out.iter_mut().enumerate() {
        s.id = format!("{}.{}", first + n, s.kind.as_str());
        s.line = 1 + body[..s.range.start].matches('\n').count();
    }
    out
}

fn is_inline(e: &Event<'_>) -> bool {
    match e {
        Event::Text(_) | Event::Code(_) | Event::InlineHtml(_) | Event::InlineMath(_) | Event::SoftBreak | Event::HardBreak | Event::FootnoteReference(_) => true,
        Event::Start(t) => is_inline_end(t.to_end()),
        Event::End(t) => is_inline_end(*t),
        _ => false,
    }
}

fn is_inline_end(end: TagEnd) -> bool {
    matches!(end, TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Superscript | TagEnd::Subscript | TagEnd::Link | TagEnd::Image)
}

/// The index of the end event that closes the start event at `i`.
fn matching_end(events: &[Spanned<'_>], i: usize) -> usize {
    let mut depth = 0usize;
    for (j, (e, _)) in events.iter().enumerate().skip(i) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

fn is_blank(e: &Event<'_>) -> bool {
    match e {
        Event::Text(t) => t.trim().is_empty(),
        Event::SoftBreak => true,
        _ => false,
    }
}

/// Adds the segments of one run of inline content: alt texts of leading pictures, then the
/// words (with their own pictures' alt texts after them).
fn add_run(body: &str, run: &[Spanned<'_>], kind: Kind, out: &mut Vec<Segment>) {
    let mut k = 0;
    while k < run.len() {
        match &run[k].0 {
            Event::Start(Tag::Image { .. }) => {
                let end = k + matching_end(&run[k..], 0);
                add_alt(body, &run[k + 1..end], None, out);
                k = end + 1;
            }
            e if is_blank(e) => k += 1,
            _ => break,
        }
    }
    let mut last = run.len();
    while last > k && is_blank(&run[last - 1].0) {
        last -= 1;
    }
    if k == last {
        return;
    }
    let rest = &run[k..last];
    let lead = body[rest[0].1.clone()].len() - body[rest[0].1.clone()].trim_start().len();
    let trail = {
        let r = rest[rest.len() - 1].1.clone();
        body[r.clone()].len() - body[r].trim_end().len()
    };
    let range = rest[0].1.start + lead..rest[rest.len() - 1].1.end - trail;
    let at = out.len();
    out.push(Segment { id: String::new(), kind, range, line: 0, pieces: Vec::new(), codes: Vec::new(), parent: None });
    let mut b = Builder { body, pieces: Vec::new(), codes: Vec::new(), alts: Vec::new() };
    b.inline(rest);
    trim_pieces(&mut b.pieces);
    let Builder { pieces, mut codes, alts, .. } = b;
    out[at].pieces = pieces;
    for (code, image_start, children) in alts {
        let alt_index = out.len();
        add_alt(body, &children, Some(at), out);
        if let Some(alt) = out.get(alt_index) {
            codes[code].alt = Some((alt_index, alt.range.start - image_start..alt.range.end - image_start));
        }
    }
    out[at].codes = codes;
}

/// The alt text of a picture, as a segment of its own.
fn add_alt(body: &str, children: &[Spanned<'_>], parent: Option<usize>, out: &mut Vec<Segment>) {
    if children.is_empty() {
        return;
    }
    let range = children[0].1.start..children[children.len() - 1].1.end;
    let mut b = Builder { body, pieces: Vec::new(), codes: Vec::new(), alts: Vec::new() };
    b.inline(children);
    trim_pieces(&mut b.pieces);
    if b.pieces.is_empty() {
        return;
    }
    out.push(Segment { id: String::new(), kind: Kind::Alt, range, line: 0, pieces: b.pieces, codes: b.codes, parent });
}

/// Collects the pieces and codes of inline events.
struct Builder<'a> {
    body: &'a str,
    pieces: Vec<Piece>,
    codes: Vec<Code>,
    /// Pictures inside the words: the index of their code, where the picture starts, and the
    /// events of its alt text.
    alts: Vec<(usize, usize, Vec<Spanned<'static>>)>,
}

impl Builder<'_> {
    fn text(&mut self, t: &str) {
        match self.pieces.last_mut() {
            Some(Piece::Text(s)) => s.push_str(t),
            _ => self.pieces.push(Piece::Text(t.to_string())),
        }
    }

    fn code(&mut self, paired: bool, ctype: &'static str, open: &str, close: &str) -> u32 {
        let id = self.codes.len() as u32 + 1;
        self.codes.push(Code { id, paired, ctype, open: open.to_string(), close: close.to_string(), alt: None });
        id
    }

    fn inline(&mut self, events: &[Spanned<'_>]) {
        let mut k = 0;
        while k < events.len() {
            let (e, r) = &events[k];
            match e {
                Event::Text(t) => self.text(t),
                Event::SoftBreak => self.text(" "),
                Event::HardBreak => {
                    // The line break and the next line's indent or `>` go together.
                    let end = events.get(k + 1).map_or(r.end, |n| n.1.start);
                    let id = self.code(false, "lb", &self.body[r.start..end], "");
                    self.pieces.push(Piece::Standalone(id));
                }
                Event::Start(tag) => {
                    let end = k + matching_end(&events[k..], 0);
                    let children = &events[k + 1..end];
                    let whole = &self.body[r.clone()];
                    match tag {
                        Tag::Image { .. } => {
                            let id = self.code(false, "image", whole, "");
                            if !children.is_empty() {
                                let owned = children.iter().map(|(e, r)| (e.clone().into_static(), r.clone())).collect();
                                self.alts.push((id as usize - 1, r.start, owned));
                            }
                            self.pieces.push(Piece::Standalone(id));
                        }
                        // An address shown as itself is not words to translate.
                        Tag::Link { link_type: LinkType::Autolink | LinkType::Email, .. } => {
                            let id = self.code(false, "x-autolink", whole, "");
                            self.pieces.push(Piece::Standalone(id));
                        }
                        _ if children.is_empty() => {
                            let id = self.code(false, ctype_of(tag), whole, "");
                            self.pieces.push(Piece::Standalone(id));
                        }
                        _ => {
                            let (first, last) = (children[0].1.start, children[children.len() - 1].1.end);
                            let id = self.code(true, ctype_of(tag), &self.body[r.start..first], &self.body[last..r.end]);
                            self.pieces.push(Piece::Open(id));
                            self.inline(children);
                            self.pieces.push(Piece::Close(id));
                        }
                    }
                    k = end;
                }
                Event::Code(_) => self.standalone("x-code", r),
                Event::InlineHtml(_) => self.standalone("x-html", r),
                Event::InlineMath(_) => self.standalone("x-math", r),
                Event::FootnoteReference(_) => self.standalone("x-footnote", r),
                _ => self.standalone("x-markup", r),
            }
            k += 1;
        }
    }

    fn standalone(&mut self, ctype: &'static str, r: &Range<usize>) {
        let id = self.code(false, ctype, &self.body[r.clone()], "");
        self.pieces.push(Piece::Standalone(id));
    }
}

fn ctype_of(tag: &Tag<'_>) -> &'static str {
    match tag {
        Tag::Emphasis => "italic",
        Tag::Strong => "bold",
        Tag::Link { .. } => "link",
        Tag::Strikethrough => "x-strikethrough",
        Tag::Superscript => "x-superscript",
        Tag::Subscript => "x-subscript",
        _ => "x-markup",
    }
}

/// The `{#id}` to write after a translated heading so that it keeps the id readers' links use:
/// the id the source heading has, unless either heading names its own. Empty for other
/// segments.
pub fn keep_heading_id(source_body: &str, source: &Segment, body: &str, seg: &Segment) -> String {
    let rest_of_line = |text: &str, s: &Segment| text[s.range.end..].lines().next().unwrap_or("").contains("{#");
    if source.kind != Kind::Heading || rest_of_line(source_body, source) || rest_of_line(body, seg) {
        return String::new();
    }
    let words: String = source
        .pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) => t.clone(),
            Piece::Standalone(n) => source.code(*n).filter(|c| c.ctype == "x-code").map_or_else(String::new, |c| c.open.trim_matches('`').to_string()),
            _ => String::new(),
        })
        .collect();
    format!(" {{#{}}}", crate::markdown::slug::Slugger::default().slug(&words))
}

/// Space at the ends of a segment is where it meets its block's markup, not part of it.
fn trim_pieces(pieces: &mut Vec<Piece>) {
    if let Some(Piece::Text(t)) = pieces.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some(Piece::Text(t)) = pieces.last_mut() {
        *t = t.trim_end().to_string();
    }
    pieces.retain(|p| !matches!(p, Piece::Text(t) if t.is_empty()));
}

/// A segment written again: its new words and codes, and the markup the codes stand for.
#[derive(Clone, Debug)]
pub struct Edit {
    /// The translated words and codes.
    pub pieces: Vec<Piece>,
    /// The markup of each code (usually the source page's, so link targets follow the source).
    pub codes: Vec<Code>,
    /// Markdown written after the words as it is (a heading's `{#id}`).
    pub suffix: String,
}

/// `body` with each segment that has an edit written again in its range; every other byte is
/// kept. `segs` are `body`'s own segments; an alt text inside a rewritten sentence is written
/// with it.
pub fn rebuild(body: &str, segs: &[Segment], edits: &[Option<Edit>]) -> String {
    let alt = |j: usize| match edits.get(j).and_then(Option::as_ref) {
        Some(e) => render(&e.pieces, &e.codes, &|_| None),
        None => segs.get(j).map_or_else(String::new, |s| body[s.range.clone()].to_string()),
    };
    let mut writes: Vec<(Range<usize>, String)> = Vec::new();
    for (i, s) in segs.iter().enumerate() {
        let parent_written = s.parent.is_some_and(|p| edits.get(p).is_some_and(Option::is_some));
        if let (Some(e), false) = (edits.get(i).and_then(Option::as_ref), parent_written) {
            writes.push((s.range.clone(), render(&e.pieces, &e.codes, &|j| Some(alt(j))) + &e.suffix));
        }
    }
    writes.sort_by_key(|w| w.0.start);
    let mut out = String::with_capacity(body.len());
    let mut at = 0;
    for (range, text) in writes {
        out.push_str(&body[at..range.start]);
        out.push_str(&text);
        at = range.end;
    }
    out.push_str(&body[at..]);
    out
}

/// The markdown for `pieces`: words escaped, codes replaced by their markup, and a picture's
/// alt text by `alt(segment)` when it gives one.
pub fn render(pieces: &[Piece], codes: &[Code], alt: &dyn Fn(usize) -> Option<String>) -> String {
    let code = |n: &u32| codes.iter().find(|c| c.id == *n);
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => escape_into(t, out.is_empty(), &mut out),
            Piece::Open(n) => out.push_str(code(n).map_or("", |c| &c.open)),
            Piece::Close(n) => out.push_str(code(n).map_or("", |c| &c.close)),
            Piece::Standalone(n) => match code(n) {
                Some(Code { open, alt: Some((i, r)), .. }) if alt(*i).is_some() => {
                    out.push_str(&open[..r.start]);
                    out.push_str(&alt(*i).unwrap_or_default());
                    out.push_str(&open[r.end..]);
                }
                Some(c) => out.push_str(&c.open),
                None => {}
            },
        }
    }
    out.trim_end().to_string()
}

/// Writes translated words so that markdown reads them back as the same words: characters that
/// would start markup are escaped, and so is what would turn the segment into another kind of
/// block at its start (`# `, `- `, `1. `). Line ends become spaces, as a segment is one line.
fn escape_into(text: &str, at_start: bool, out: &mut String) {
    let one_line: String = text.chars().map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c }).collect();
    let text = if at_start { one_line.trim_start() } else { one_line.as_str() };
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let numbered = at_start && (1..=9).contains(&digits) && text[digits..].starts_with(['.', ')']);
    let last = text.char_indices().last().map_or(0, |(i, _)| i);
    for (i, c) in text.char_indices() {
        let escape = match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '|' | '~' => true,
            '#' => (at_start && i == 0) || i == last,
            '-' | '+' | '=' | '>' => at_start && i == 0,
            '.' | ')' => numbered && i == digits,
            '&' => text[i + 1..].starts_with(|n: char| n == '#' || n.is_ascii_alphanumeric()),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Pieces as a reader compares them: runs of space as one space, no space at the ends.
pub fn normalise(pieces: &[Piece]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for p in pieces {
        match (p, out.last_mut()) {
            (Piece::Text(t), Some(Piece::Text(prev))) => prev.push_str(t),
            (p, _) => out.push(p.clone()),
        }
    }
    for p in &mut out {
        if let Piece::Text(t) = p {
            *t = t.split_whitespace().collect::<Vec<_>>().join(" ") + if t.ends_with(char::is_whitespace) && !t.trim().is_empty() { " " } else { "" };
            if t.starts_with(char::is_whitespace) {
                *t = t.trim_start().to_string();
            }
        }
    }
    trim_pieces(&mut out);
    out
}

/// The first segment of `body` that does not read back as `expected` (in order), or `None`
/// when all do: the check that a rewritten page says what the translator wrote.
pub fn first_mismatch(body: &str, expected: &[(Kind, Vec<Piece>)]) -> Option<usize> {
    let got = segment(body, 1);
    (0..expected.len().max(got.len())).find(|&i| match (got.get(i), expected.get(i)) {
        (Some(g), Some((kind, pieces))) => g.kind != *kind || !same_words(&g.pieces, pieces),
        _ => true,
    })
}

/// Whether two segments say the same, ignoring how space is spread.
pub fn same_words(a: &[Piece], b: &[Piece]) -> bool {
    let flat = |p: &[Piece]| -> Vec<Piece> {
        normalise(p)
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => Piece::Text(t.split_whitespace().collect::<Vec<_>>().join(" ")),
                p => p,
            })
            .collect()
    };
    flat(a) == flat(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<(String, String)> {
        segment(body, 1).iter().map(|s| (s.id.clone(), to_braces(&s.pieces))).collect()
    }

    /// The PO spelling, for readable assertions.
    fn to_braces(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.clone(),
                Piece::Open(n) | Piece::Standalone(n) => format!("{{{n}}}"),
                Piece::Close(n) => format!("{{/{n}}}"),
            })
            .collect()
    }

    const PAGE: &str = "## Who to *call* {#who}\n\nCall 111. Read about [interpreters](interpreter.md#how-to-ask)\nat any time.\n\n```\ncode stays\n```\n\n- One `code`\n- Two ![a clock](clock.svg) here\n\n| Day | Open |\n|---|---|\n| Monday | 9 to 5 |\n\n![A phone](phone.svg) Call us.\n";

    #[test]
    fn blocks_become_segments_and_markup_becomes_codes() {
        let got = texts(PAGE);
        let want = [
            ("1.heading", "Who to {1}call{/1}"),
            ("2.paragraph", "Call 111. Read about {1}interpreters{/1} at any time."),
            ("3.item", "One {1}"),
            ("4.item", "Two {1} here"),
            ("5.alt", "a clock"),
            ("6.cell", "Day"),
            ("7.cell", "Open"),
            ("8.cell", "Monday"),
            ("9.cell", "9 to 5"),
            ("10.alt", "A phone"),
            ("11.paragraph", "Call us."),
        ];
        assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
        let segs = segment(PAGE, 1);
        let link = &segs[1].codes[0];
        assert_eq!((link.open.as_str(), link.close.as_str(), link.ctype), ("[", "](interpreter.md#how-to-ask)", "link"));
        assert_eq!(&PAGE[segs[0].range.clone()], "Who to *call*", "the heading id stays out");
        assert_eq!(segs[4].parent, Some(3));
        assert_eq!(segs[1].line, 3);
        assert!(!segs.iter().any(|s| to_braces(&s.pieces).contains("code stays")));
    }

    #[test]
    fn unchanged_segments_rebuild_to_the_same_bytes() {
        let segs = segment(PAGE, 1);
        let none: Vec<Option<Edit>> = vec![None; segs.len()];
        assert_eq!(rebuild(PAGE, &segs, &none), PAGE);
    }

    #[test]
    fn translated_segments_replace_only_their_range_and_read_back() {
        let segs = segment(PAGE, 1);
        let mut edits: Vec<Option<Edit>> = vec![None; segs.len()];
        let words = [
            vec![Piece::Text("Pwy i'w ".into()), Piece::Open(1), Piece::Text("ffonio".into()), Piece::Close(1)],
            vec![Piece::Text("Darllenwch am ".into()), Piece::Open(1), Piece::Text("gyfieithwyr".into()), Piece::Close(1), Piece::Text(". Ffoniwch 111 *unrhyw* bryd.".into())],
        ];
        for (i, w) in words.iter().enumerate() {
            edits[i] = Some(Edit { pieces: w.clone(), codes: segs[i].codes.clone(), suffix: String::new() });
        }
        edits[4] = Some(Edit { pieces: vec![Piece::Text("cloc".into())], codes: vec![], suffix: String::new() });
        let out = rebuild(PAGE, &segs, &edits);
        assert!(out.starts_with("## Pwy i'w *ffonio* {#who}\n\nDarllenwch am [gyfieithwyr](interpreter.md#how-to-ask). Ffoniwch 111 \\*unrhyw\\* bryd.\n\n```\ncode stays\n```"), "{out}");
        assert!(out.contains("- Two ![cloc](clock.svg) here\n"), "{out}");
        let mut expected: Vec<(Kind, Vec<Piece>)> = segs.iter().map(|s| (s.kind, s.pieces.clone())).collect();
        expected[0].1 = words[0].clone();
        expected[1].1 = words[1].clone();
        expected[4].1 = vec![Piece::Text("cloc".into())];
        assert_eq!(first_mismatch(&out, &expected), None);
    }

    #[test]
    fn words_that_look_like_markup_stay_words() {
        for text in ["# not a heading", "- not a list", "1. not a list", "a <b> & c &amp; d | e ~f~ [g](h) `i` \\ j #", "> not a quote"] {
            let segs = segment("Text.\n", 1);
            let edits = vec![Some(Edit { pieces: vec![Piece::Text(text.into())], codes: vec![], suffix: String::new() })];
            let out = rebuild("Text.\n", &segs, &edits);
            assert_eq!(first_mismatch(&out, &[(Kind::Paragraph, vec![Piece::Text(text.into())])]), None, "{text:?} → {out:?}");
        }
    }

    #[test]
    fn urdu_with_direction_marks_and_a_link_round_trips() {
        // U+200F (right-to-left mark) and U+202B…U+202C (an embedding) must survive as they are.
        let body = "## کس کو کال کریں\n\n\u{200f}111 پر کال کریں۔ [ترجمان](interpreter.md) کے بارے میں \u{202b}پڑھیں\u{202c}۔\n";
        let segs = segment(body, 1);
        assert_eq!(to_braces(&segs[1].pieces), "\u{200f}111 پر کال کریں۔ {1}ترجمان{/1} کے بارے میں \u{202b}پڑھیں\u{202c}۔");
        let none = vec![None; segs.len()];
        assert_eq!(rebuild(body, &segs, &none), body);
        let edits: Vec<Option<Edit>> = segs.iter().map(|s| Some(Edit { pieces: s.pieces.clone(), codes: s.codes.clone(), suffix: String::new() })).collect();
        assert_eq!(rebuild(body, &segs, &edits), body, "written again from its pieces, it is the same text");
    }

    #[test]
    fn a_picture_row_keeps_its_picture_first() {
        let body = "![A phone](phone.svg) Call **111** now.\n";
        let segs = segment(body, 1);
        assert_eq!(texts(body), [("1.alt".to_string(), "A phone".to_string()), ("2.paragraph".into(), "Call {1}111{/1} now.".into())]);
        let edits =
            vec![None, Some(Edit { pieces: vec![Piece::Open(1), Piece::Text("111".into()), Piece::Close(1), Piece::Text(" nawr.".into())], codes: segs[1].codes.clone(), suffix: String::new() })];
        assert_eq!(rebuild(body, &segs, &edits), "![A phone](phone.svg) **111** nawr.\n");
    }
}
