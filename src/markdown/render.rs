//! The event walker that writes HTML. See the module docs of `markdown` for why it exists.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, LinkType, Parser, Tag, TagEnd};

use super::slug::Slugger;
use super::{Input, LINE_ATTR, Problem, Rendered, Resolver, escape_attr, escape_text};
use crate::finding::Form;

/// Ids the theme uses; headings never take them.
const RESERVED_IDS: &[&str] = &["main", "top", "site-nav", "footnotes", "footnotes-heading", "words-we-use"];

/// Renders one page body.
pub fn render(input: &Input<'_>, resolver: &dyn Resolver) -> Rendered {
    let line_starts: Vec<usize> = std::iter::once(0).chain(input.body.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let mut w = Writer {
        input,
        resolver,
        line_starts,
        out: String::with_capacity(input.body.len() * 3 / 2),
        heading: None,
        image: None,
        footnote: None,
        footnotes: Vec::new(),
        footnote_order: Vec::new(),
        slugger: Slugger::with_reserved(RESERVED_IDS),
        table_alignments: Vec::new(),
        table_cell: 0,
        in_table_head: false,
        row_closers: Vec::new(),
        row_image_next: None,
        pending_row_text: false,
        in_html_block: false,
        dropped_links: Vec::new(),
        raw_html: Vec::new(),
        problems: Vec::new(),
    };
    let mut events = Parser::new_ext(input.body, super::options()).into_offset_iter().peekable();
    while let Some((event, range)) = events.next() {
        let next_is_image = matches!(events.peek(), Some((Event::Start(Tag::Image { .. }), _)));
        w.event(event, range.start, next_is_image);
    }
    w.finish()
}

struct HeadingState {
    level: HeadingLevel,
    id: Option<String>,
    classes: Vec<String>,
    line: usize,
    html: String,
    text: String,
}

struct ImageState {
    src: String,
    title: String,
    alt: String,
    line: usize,
    /// In a picture row: `Some(true)` in a list item, `Some(false)` in a paragraph.
    row: Option<bool>,
}

struct Writer<'a> {
    input: &'a Input<'a>,
    resolver: &'a dyn Resolver,
    line_starts: Vec<usize>,
    out: String,
    heading: Option<HeadingState>,
    image: Option<ImageState>,
    /// While inside a footnote definition: its label and the HTML written so far.
    footnote: Option<(String, String)>,
    footnotes: Vec<(String, String)>,
    /// Labels in the order they are first referenced: their numbers.
    footnote_order: Vec<String>,
    slugger: Slugger,
    table_alignments: Vec<Alignment>,
    table_cell: usize,
    in_table_head: bool,
    /// For each open paragraph or list item: the closing tags its picture row needs (or none).
    row_closers: Vec<Option<&'static str>>,
    /// A picture row was just opened (`Some(is_item)`): the next event is its image.
    row_image_next: Option<bool>,
    /// A picture row's image was just written: the words start next.
    pending_row_text: bool,
    in_html_block: bool,
    /// For each open link: whether its `<a>` was dropped (unsafe address).
    dropped_links: Vec<bool>,
    /// Raw HTML chunks and their lines, for the sanitiser's report.
    raw_html: Vec<(usize, String)>,
    problems: Vec<Problem>,
}

impl Writer<'_> {
    fn line(&self, offset: usize) -> usize {
        self.input.first_line + self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    /// Where output goes now: a heading or footnote being collected, or the page.
    fn buf(&mut self) -> &mut String {
        if let Some(h) = &mut self.heading {
            &mut h.html
        } else if let Some((_, html)) = &mut self.footnote {
            html
        } else {
            &mut self.out
        }
    }

    fn push(&mut self, s: &str) {
        self.buf().push_str(s);
    }

    fn open(&mut self, tag: &str, line: usize, attrs: &str) {
        let s = format!("<{tag}{attrs} {LINE_ATTR}=\"{line}\">");
        self.push(&s);
    }

    fn text(&mut self, s: &str) {
        if let Some(img) = &mut self.image {
            img.alt.push_str(s);
            return;
        }
        let s = if std::mem::take(&mut self.pending_row_text) { s.trim_start() } else { s };
        if let Some(h) = &mut self.heading {
            h.text.push_str(s);
        }
        let mut escaped = String::with_capacity(s.len());
        escape_text(s, &mut escaped);
        self.push(&escaped);
    }

    fn event(&mut self, event: Event<'_>, offset: usize, next_is_image: bool) {
        let line = self.line(offset);
        match event {
            Event::Start(tag) => self.start(tag, line, next_is_image),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(c) => {
                if let Some(img) = &mut self.image {
                    img.alt.push_str(&c);
                    return;
                }
                if let Some(h) = &mut self.heading {
                    h.text.push_str(&c);
                }
                let mut s = String::from("<code>");
                escape_text(&c, &mut s);
                s.push_str("</code>");
                self.push(&s);
            }
            Event::InlineMath(m) | Event::DisplayMath(m) => self.text(&m),
            Event::Html(h) | Event::InlineHtml(h) => {
                // One chunk per HTML block (which arrives line by line), one per inline tag.
                match self.raw_html.last_mut() {
                    Some((_, chunk)) if self.in_html_block && !chunk.is_empty() => chunk.push_str(&h),
                    _ => self.raw_html.push((line, h.to_string())),
                }
                let marked = close_raw_text(mark_lines(&h, line));
                self.push(&marked);
            }
            Event::FootnoteReference(label) => {
                let number = match self.footnote_order.iter().position(|l| *l == *label) {
                    Some(i) => i + 1,
                    None => {
                        self.footnote_order.push(label.to_string());
                        self.footnote_order.len()
                    }
                };
                let id = footnote_id(&label);
                let name = self.resolver.label("footnote-ref", Some(number));
                let mut s = format!("<sup class=\"footnote-ref\"><a href=\"#fn-{id}\" id=\"fnref-{id}\" aria-label=\"");
                escape_attr(&name, &mut s);
                s.push_str(&format!("\">[{number}]</a></sup>"));
                self.push(&s);
            }
            Event::SoftBreak => self.push("\n"),
            Event::HardBreak => self.push("<br>\n"),
            Event::Rule => {
                let s = format!("<hr {LINE_ATTR}=\"{line}\">\n");
                self.push(&s);
            }
            Event::TaskListMarker(done) => {
                let (class, id, mark) = if done { ("task task--done", "task-done", "☑") } else { ("task", "task-todo", "☐") };
                let label = self.resolver.label(id, None);
                let mut s = format!("<span class=\"{class}\" role=\"img\" aria-label=\"");
                escape_attr(&label, &mut s);
                s.push_str(&format!("\">{mark}</span> "));
                self.push(&s);
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, line: usize, next_is_image: bool) {
        let easy = self.input.form == Form::Easy;
        match tag {
            Tag::Paragraph => {
                if easy && next_is_image {
                    self.open("div", line, " class=\"picture-row\"");
                    self.row_image_next = Some(false);
                    self.row_closers.push(Some("</p></div>\n"));
                } else {
                    self.open("p", line, "");
                    self.row_closers.push(None);
                }
            }
            Tag::Item => {
                if easy && next_is_image {
                    self.open("li", line, " class=\"picture-row\"");
                    self.row_image_next = Some(true);
                    self.row_closers.push(Some("</div></li>\n"));
                } else {
                    self.open("li", line, "");
                    self.row_closers.push(None);
                }
            }
            Tag::Heading { level, id, classes, .. } => {
                self.heading = Some(HeadingState { level, id: id.map(|i| i.to_string()), classes: classes.iter().map(|c| c.to_string()).collect(), line, html: String::new(), text: String::new() });
            }
            Tag::BlockQuote(_) => self.open("blockquote", line, ""),
            Tag::CodeBlock(kind) => {
                let class = match kind {
                    CodeBlockKind::Fenced(lang) if !lang.is_empty() => {
                        let mut a = String::from(" class=\"language-");
                        escape_attr(lang.split_whitespace().next().unwrap_or(""), &mut a);
                        a.push('"');
                        a
                    }
                    _ => String::new(),
                };
                self.open("pre", line, "");
                let s = format!("<code{class}>");
                self.push(&s);
            }
            Tag::HtmlBlock => {
                self.in_html_block = true;
                self.raw_html.push((line, String::new()));
            }
            Tag::List(Some(1)) => self.open("ol", line, ""),
            Tag::List(Some(start)) => self.open("ol", line, &format!(" start=\"{start}\"")),
            Tag::List(None) => self.open("ul", line, ""),
            Tag::FootnoteDefinition(label) => self.footnote = Some((label.to_string(), String::new())),
            Tag::Table(alignments) => {
                self.table_alignments = alignments;
                self.open("table", line, "");
            }
            Tag::TableHead => {
                self.in_table_head = true;
                self.table_cell = 0;
                self.push("<thead><tr>");
            }
            Tag::TableRow => {
                self.table_cell = 0;
                self.push("<tr>");
            }
            Tag::TableCell => {
                let tag = if self.in_table_head { "th scope=\"col\"" } else { "td" };
                let align = match self.table_alignments.get(self.table_cell) {
                    Some(Alignment::Left) => " class=\"align-start\"",
                    Some(Alignment::Center) => " class=\"align-center\"",
                    Some(Alignment::Right) => " class=\"align-end\"",
                    _ => "",
                };
                let s = format!("<{tag}{align}>");
                self.push(&s);
            }
            Tag::Emphasis => self.push("<em>"),
            Tag::Strong => self.push("<strong>"),
            Tag::Strikethrough => self.push("<del>"),
            Tag::Superscript => self.push("<sup>"),
            Tag::Subscript => self.push("<sub>"),
            Tag::Link { link_type, dest_url, title, .. } => {
                let dest = if link_type == LinkType::Email { format!("mailto:{dest_url}") } else { dest_url.to_string() };
                // Markdown links are not raw HTML, but `javascript:` in them runs all the same:
                // such a link is dropped and its words kept.
                let Some(dest) = self.safe_url(dest, line, "link") else {
                    self.dropped_links.push(true);
                    return;
                };
                self.dropped_links.push(false);
                let href = match self.resolver.link(&dest) {
                    Ok(url) => url,
                    Err(why) => {
                        self.problems.push(Problem {
                            rule: "LINK-BROKEN",
                            line,
                            message: format!("The link to `{dest}` goes nowhere: {why}."),
                            help: "Check the file name and folder. Link to another page by its .md file, like [Your rights](../rights/_index.md).".into(),
                        });
                        dest
                    }
                };
                let mut s = String::from("<a href=\"");
                escape_attr(&href, &mut s);
                s.push('"');
                if !title.is_empty() {
                    s.push_str(" title=\"");
                    escape_attr(&title, &mut s);
                    s.push('"');
                }
                s.push_str(&format!(" {LINE_ATTR}=\"{line}\">"));
                self.push(&s);
            }
            Tag::Image { dest_url, title, .. } => {
                let Some(dest_url) = self.safe_url(dest_url.to_string(), line, "picture") else {
                    self.image = Some(ImageState { src: String::new(), title: String::new(), alt: String::new(), line, row: self.row_image_next.take() });
                    return;
                };
                let src = match self.resolver.image(&dest_url) {
                    Ok(url) => url,
                    Err(why) => {
                        self.problems.push(Problem {
                            rule: "LINK-BROKEN",
                            line,
                            message: format!("The picture `{dest_url}` cannot be found: {why}."),
                            help: "Check the file name and folder: a picture path is relative to the markdown file, like ![A phone](pictures/phone.svg).".into(),
                        });
                        dest_url.to_string()
                    }
                };
                let row = self.row_image_next.take();
                self.image = Some(ImageState { src, title: title.to_string(), alt: String::new(), line, row });
            }
            Tag::MetadataBlock(_) | Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {}
        }
    }

    /// `url` if its scheme is safe; otherwise `None`, with an HTML-SANITISED problem.
    fn safe_url(&mut self, url: String, line: usize, what: &str) -> Option<String> {
        if super::sanitise::url_allowed(&url) {
            return Some(url);
        }
        self.problems.push(Problem {
            rule: "HTML-SANITISED",
            line,
            message: format!("The address of this {what} was removed to keep readers safe: `{}`.", url.chars().take(40).collect::<String>()),
            help: "Links may go to pages, files, web addresses (https:), email (mailto:) or phone numbers (tel:) only.".into(),
        });
        None
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                let closer = self.row_closers.pop().flatten();
                self.push(closer.unwrap_or("</p>\n"));
            }
            TagEnd::Item => {
                let closer = self.row_closers.pop().flatten();
                self.push(closer.unwrap_or("</li>\n"));
            }
            TagEnd::Heading(_) => {
                let Some(h) = self.heading.take() else { return };
                let id = match &h.id {
                    Some(id) => self.slugger.claim(id),
                    None => self.slugger.slug(&h.text),
                };
                let level = h.level as usize;
                let mut s = format!("<h{level} id=\"");
                escape_attr(&id, &mut s);
                s.push('"');
                if !h.classes.is_empty() {
                    s.push_str(" class=\"");
                    escape_attr(&h.classes.join(" "), &mut s);
                    s.push('"');
                }
                s.push_str(&format!(" {LINE_ATTR}=\"{}\">{}</h{level}>\n", h.line, h.html));
                self.push(&s);
            }
            TagEnd::BlockQuote(_) => self.push("</blockquote>\n"),
            TagEnd::CodeBlock => self.push("</code></pre>\n"),
            TagEnd::HtmlBlock => self.in_html_block = false,
            TagEnd::List(true) => self.push("</ol>\n"),
            TagEnd::List(false) => self.push("</ul>\n"),
            TagEnd::FootnoteDefinition => {
                if let Some(f) = self.footnote.take() {
                    self.footnotes.push(f);
                }
            }
            TagEnd::Table => self.push("</tbody></table>\n"),
            TagEnd::TableHead => {
                self.in_table_head = false;
                self.push("</tr></thead><tbody>");
            }
            TagEnd::TableRow => self.push("</tr>"),
            TagEnd::TableCell => {
                let close = if self.in_table_head { "</th>" } else { "</td>" };
                self.table_cell += 1;
                self.push(close);
            }
            TagEnd::Emphasis => self.push("</em>"),
            TagEnd::Strong => self.push("</strong>"),
            TagEnd::Strikethrough => self.push("</del>"),
            TagEnd::Superscript => self.push("</sup>"),
            TagEnd::Subscript => self.push("</sub>"),
            TagEnd::Link => {
                if !self.dropped_links.pop().unwrap_or(false) {
                    self.push("</a>");
                }
            }
            TagEnd::Image => {
                let Some(img) = self.image.take() else { return };
                if img.src.is_empty() {
                    // A picture whose address was removed: keep its description as text.
                    let mut t = String::new();
                    escape_text(img.alt.trim(), &mut t);
                    self.push(&t);
                    return;
                }
                let mut s = String::from("<img src=\"");
                escape_attr(&img.src, &mut s);
                s.push_str("\" alt=\"");
                escape_attr(img.alt.trim(), &mut s);
                s.push('"');
                if !img.title.is_empty() {
                    s.push_str(" title=\"");
                    escape_attr(&img.title, &mut s);
                    s.push('"');
                }
                if img.row.is_some() {
                    s.push_str(" class=\"picture-row__picture\"");
                }
                s.push_str(&format!(" {LINE_ATTR}=\"{}\">", img.line));
                if let Some(is_item) = img.row {
                    s.push_str(if is_item { "<div class=\"picture-row__text\">" } else { "<p class=\"picture-row__text\">" });
                    self.pending_row_text = true;
                }
                self.push(&s);
            }
            TagEnd::MetadataBlock(_) | TagEnd::DefinitionList | TagEnd::DefinitionListTitle | TagEnd::DefinitionListDefinition => {}
        }
    }

    fn finish(mut self) -> Rendered {
        if !self.footnote_order.is_empty() || !self.footnotes.is_empty() {
            let heading = self.resolver.label("footnotes-label", None);
            let mut s = String::from("<section class=\"footnotes\" aria-labelledby=\"footnotes-heading\"><h2 id=\"footnotes-heading\">");
            escape_text(&heading, &mut s);
            s.push_str("</h2><ol>\n");
            // Referenced notes in order of first reference, then any never referenced.
            let mut defs = std::mem::take(&mut self.footnotes);
            let mut ordered: Vec<(usize, String, String)> = Vec::new();
            for (i, label) in self.footnote_order.iter().enumerate() {
                if let Some(pos) = defs.iter().position(|(l, _)| l == label) {
                    let (l, html) = defs.remove(pos);
                    ordered.push((i + 1, l, html));
                }
            }
            let n = ordered.len();
            ordered.extend(defs.into_iter().enumerate().map(|(i, (l, html))| (n + i + 1, l, html)));
            for (number, label, html) in ordered {
                let id = footnote_id(&label);
                let referenced = self.footnote_order.contains(&label);
                s.push_str(&format!("<li id=\"fn-{id}\">{}", html.trim_end()));
                if referenced {
                    let back = self.resolver.label("footnote-back", Some(number));
                    s.push_str(&format!(" <a href=\"#fnref-{id}\" class=\"footnote-back\" aria-label=\""));
                    escape_attr(&back, &mut s);
                    s.push_str("\">↩</a>");
                }
                s.push_str("</li>\n");
            }
            s.push_str("</ol></section>\n");
            self.out.push_str(&s);
        }
        let mut html = self.out;
        // Before sanitising: the sanitiser's parser slows down with every level of nesting.
        if let Err(deep) = crate::limits::check_fragment(&html) {
            return Rendered { html: String::new(), problems: self.problems, too_deep: Some(deep) };
        }
        if !self.raw_html.is_empty() {
            for (line, chunk) in &self.raw_html {
                for removed in super::sanitise::report(chunk) {
                    self.problems.push(Problem {
                        rule: "HTML-SANITISED",
                        line: *line,
                        message: format!("Raw HTML was changed to keep readers safe: {removed}."),
                        help: "Write this part in markdown, or use only simple HTML without scripts, event attributes (like onclick) or javascript: links.".into(),
                    });
                }
            }
            html = super::sanitise::clean(&html);
        }
        Rendered { html, problems: self.problems, too_deep: None }
    }
}

/// Elements whose content HTML parsers read as plain text up to their end tag.
const RAW_TEXT: &[&str] = &["iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp"];

/// Closes raw-text elements a piece of raw HTML leaves open, so that an unclosed `<iframe>`
/// cannot turn the rest of the page into text (the sanitiser then removes the element).
fn close_raw_text(mut html: String) -> String {
    // An unterminated comment or CDATA section swallows the rest of the page the same way.
    for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>")] {
        if html.matches(open).count() > html.matches(close).count() {
            html.push_str(close);
        }
    }
    let lower = html.to_ascii_lowercase();
    let count = |pat: &str| lower.match_indices(pat).filter(|(i, _)| lower[i + pat.len()..].starts_with(|c: char| c == '>' || c == '/' || c.is_ascii_whitespace())).count();
    for name in RAW_TEXT {
        if count(&format!("<{name}")) > count(&format!("</{name}")) {
            html.push_str(&format!("</{name}>"));
        }
    }
    html
}

/// Adds the source line to every start tag of a piece of raw HTML, so findings on raw HTML
/// point at its markdown line too.
fn mark_lines(html: &str, mut line: usize) -> String {
    enum State {
        Text,
        /// Inside a start tag: the open quote of an attribute value, and the end tag that
        /// closes the element if it is a raw-text one.
        Tag(Option<char>, Option<String>),
        /// Inside a raw-text element (an iframe's fallback, a textarea …): tags there are text.
        Raw(String),
    }
    let mut out = String::with_capacity(html.len() + 24);
    let mut state = State::Text;
    let mut i = 0;
    while let Some(c) = html[i..].chars().next() {
        let rest = &html[i..];
        if c == '\n' {
            line += 1;
        }
        match &mut state {
            // Comments and CDATA sections hold text, not tags.
            State::Text if rest.starts_with("<!--") || rest.starts_with("<![CDATA[") => {
                state = State::Raw(if rest.starts_with("<!--") { "-->" } else { "]]>" }.to_string());
            }
            State::Text if c == '<' => {
                let name_len = rest[1..].find(|ch: char| !ch.is_ascii_alphanumeric()).unwrap_or(rest.len() - 1);
                let after = rest[1 + name_len..].chars().next();
                if name_len > 0 && rest.as_bytes()[1].is_ascii_alphabetic() && matches!(after, Some(' ' | '\t' | '\n' | '>' | '/')) {
                    let name = rest[1..1 + name_len].to_ascii_lowercase();
                    out.push_str(&rest[..1 + name_len]);
                    out.push_str(&format!(" {LINE_ATTR}=\"{line}\""));
                    i += 1 + name_len;
                    state = State::Tag(None, RAW_TEXT.contains(&name.as_str()).then(|| format!("</{name}")));
                    continue;
                }
            }
            State::Tag(quote, raw) => match (*quote, c) {
                (Some(q), ch) if ch == q => *quote = None,
                (None, '"' | '\'') => *quote = Some(c),
                (None, '>') => state = raw.take().map_or(State::Text, State::Raw),
                _ => {}
            },
            State::Raw(close) => {
                if rest.get(..close.len()).is_some_and(|r| r.eq_ignore_ascii_case(close)) {
                    state = State::Text;
                }
            }
            State::Text => {}
        }
        out.push(c);
        i += c.len_utf8();
    }
    // A start tag left unfinished (an unclosed quote) would swallow the markup after it.
    if let State::Tag(quote, _) = state {
        out.extend(quote);
        out.push('>');
    }
    out
}

fn footnote_id(label: &str) -> String {
    let mut s = Slugger::default();
    s.slug(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake;
    impl Resolver for Fake {
        fn link(&self, dest: &str) -> Result<String, String> {
            match dest {
                "missing.md" => Err("there is no such page".into()),
                d if d.ends_with(".md") => Ok(format!("/{}/", d.trim_end_matches(".md"))),
                d => Ok(d.to_string()),
            }
        }
        fn image(&self, src: &str) -> Result<String, String> {
            Ok(format!("/img/{src}"))
        }
        fn label(&self, id: &str, n: Option<usize>) -> String {
            format!("{id}{}", n.map(|n| format!(" {n}")).unwrap_or_default())
        }
    }

    fn html(body: &str, form: Form) -> Rendered {
        render(&Input { body, first_line: 10, file: "content/a.md", form }, &Fake)
    }

    #[test]
    fn blocks_carry_source_lines_and_headings_get_ids() {
        let r = html("## Who to call\n\nSome *text*.\n\n## Who to call\n", Form::Standard);
        assert_eq!(
            r.html,
            "<h2 id=\"who-to-call\" data-cl-line=\"10\">Who to call</h2>\n<p data-cl-line=\"12\">Some <em>text</em>.</p>\n<h2 id=\"who-to-call-2\" data-cl-line=\"14\">Who to call</h2>\n"
        );
    }

    #[test]
    fn easy_read_paragraphs_starting_with_a_picture_are_rows() {
        let r = html("![A phone](phone.svg) Call 111 at any time.\n\n- ![A clock](clock.svg) Open all night.\n", Form::Easy);
        assert_eq!(
            r.html,
            "<div class=\"picture-row\" data-cl-line=\"10\"><img src=\"/img/phone.svg\" alt=\"A phone\" class=\"picture-row__picture\" data-cl-line=\"10\"><p class=\"picture-row__text\">Call 111 at any time.</p></div>\n\
             <ul data-cl-line=\"12\"><li class=\"picture-row\" data-cl-line=\"12\"><img src=\"/img/clock.svg\" alt=\"A clock\" class=\"picture-row__picture\" data-cl-line=\"12\"><div class=\"picture-row__text\">Open all night.</div></li>\n</ul>\n"
        );
        // The same markdown in a standard page is a plain paragraph.
        let r = html("![A phone](phone.svg) Call 111.\n", Form::Standard);
        assert!(r.html.starts_with("<p data-cl-line=\"10\"><img src=\"/img/phone.svg\" alt=\"A phone\" data-cl-line=\"10\"> Call 111.</p>"), "{}", r.html);
    }

    #[test]
    fn links_resolve_and_broken_ones_are_reported() {
        let r = html("See [help](help.md) and\n[gone](missing.md).\n", Form::Standard);
        assert!(r.html.contains("<a href=\"/help/\" data-cl-line=\"10\">help</a>"));
        assert_eq!(r.problems.len(), 1);
        assert_eq!((r.problems[0].rule, r.problems[0].line), ("LINK-BROKEN", 11));
    }

    #[test]
    fn script_addresses_in_markdown_links_are_removed() {
        let r = html("[a](javascript:alert(1)) ![b](JaVaScRiPt:x) <vbscript:x> [c](data:text/html,x)\n", Form::Standard);
        assert_eq!(r.html, "<p data-cl-line=\"10\">a b vbscript:x c</p>\n");
        assert_eq!(r.problems.iter().filter(|p| p.rule == "HTML-SANITISED").count(), 4);
    }

    #[test]
    fn an_unclosed_iframe_does_not_swallow_the_page() {
        let r = html("<iframe src=x>\n\nAfter it.\n", Form::Standard);
        assert!(r.html.contains("<p data-cl-line=\"12\">After it.</p>"), "{}", r.html);
        assert!(!r.html.contains("iframe") && !r.html.contains("&lt;"), "{}", r.html);
    }

    #[test]
    fn raw_start_tags_get_their_line() {
        assert_eq!(mark_lines("<div>\n<img src=x>\n</div><br/>", 7), "<div data-cl-line=\"7\">\n<img data-cl-line=\"8\" src=x>\n</div><br data-cl-line=\"9\"/>");
        assert_eq!(mark_lines("a < b <!-- c -->", 1), "a < b <!-- c -->");
        assert_eq!(mark_lines("<textarea><p>x</p></textarea><b>", 1), "<textarea data-cl-line=\"1\"><p>x</p></textarea><b data-cl-line=\"1\">");
        assert_eq!(mark_lines("<a href=\"<div>\">é</a>", 1), "<a data-cl-line=\"1\" href=\"<div>\">é</a>");
        assert_eq!(mark_lines("<math><![CDATA[<div>]]></math><!-- <b> -->", 1), "<math data-cl-line=\"1\"><![CDATA[<div>]]></math><!-- <b> -->");
    }

    #[test]
    fn footnotes_are_numbered_and_linked_back() {
        let r = html("A[^x] b[^y].\n\n[^y]: Why.\n[^x]: Ex.\n", Form::Standard);
        assert!(r.html.contains("<a href=\"#fn-x\" id=\"fnref-x\" aria-label=\"footnote-ref 1\">[1]</a>"), "{}", r.html);
        let x = r.html.find("<li id=\"fn-x\">").unwrap();
        let y = r.html.find("<li id=\"fn-y\">").unwrap();
        assert!(x < y);
        assert!(r.html.contains("href=\"#fnref-y\" class=\"footnote-back\" aria-label=\"footnote-back 2\""));
    }

    #[test]
    fn tables_have_header_scope_and_tasks_have_names() {
        let r = html("| A | B |\n|:-|-:|\n| 1 | 2 |\n\n- [x] Done thing\n", Form::Standard);
        assert!(
            r.html.contains("<thead><tr><th scope=\"col\" class=\"align-start\">A</th><th scope=\"col\" class=\"align-end\">B</th></tr></thead><tbody><tr><td class=\"align-start\">1</td>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("role=\"img\" aria-label=\"task-done\""));
    }

    #[test]
    fn raw_html_is_sanitised_and_reported() {
        let r = html("Hi <b onclick=\"x()\">there</b>\n\n<script>alert(1)</script>\n", Form::Standard);
        assert!(!r.html.contains("onclick") && !r.html.contains("script"), "{}", r.html);
        assert!(r.html.contains("<b data-cl-line=\"10\">there</b>"), "{}", r.html);
        let lines: Vec<_> = r.problems.iter().map(|p| (p.rule, p.line)).collect();
        assert_eq!(lines, [("HTML-SANITISED", 10), ("HTML-SANITISED", 12)]);
    }
}
