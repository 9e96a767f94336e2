//! The event walker that writes HTML. See the module docs of `markdown` for why it exists.

use std::collections::HashMap;

use pulldown_cmark::{Alignment, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Parser, Tag, TagEnd};
use unicase::UniCase;

use super::slug::Slugger;
use super::{Input, Problem, Rendered, Resolver, escape_attr, escape_text};
use crate::line_marker::LINE_ATTR;
use crate::rules;
use crate::variant::Form;

/// The picture title that marks a picture without a description as decoration on purpose.
const DECORATION: &str = "decoration";

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
        footnotes: Footnotes::default(),
        slugger: Slugger::with_reserved(RESERVED_IDS),
        table_alignments: Vec::new(),
        table_cell: 0,
        in_table_head: false,
        row_closers: Vec::new(),
        row_image_next: None,
        pending_row_text: false,
        in_code: false,
        html_block: None,
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
    /// `key=value` attributes written after it that it keeps (see [`super::heading_attrs`]).
    attrs: Vec<(String, String)>,
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
    /// Inline tags (emphasis, links, pictures) open inside the description: they give only
    /// their text, and the end of the picture is the end tag met with none open.
    nested: usize,
}

struct Writer<'a> {
    input: &'a Input<'a>,
    resolver: &'a dyn Resolver,
    line_starts: Vec<usize>,
    out: String,
    heading: Option<HeadingState>,
    image: Option<ImageState>,
    /// While inside a footnote definition: the note being written.
    footnote: Option<NoteText>,
    footnotes: Footnotes,
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
    /// Inside a code block, whose text is shown as written.
    in_code: bool,
    /// Inside an HTML block: its first line and its text so far.
    html_block: Option<(usize, String)>,
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
        } else if let Some(note) = &mut self.footnote {
            &mut note.html
        } else {
            &mut self.out
        }
    }

    fn push(&mut self, s: &str) {
        self.buf().push_str(s);
    }

    /// Raw HTML: kept for the sanitiser's report as written, and written out as it is read.
    fn raw_html_piece(&mut self, raw: String, line: usize) {
        let html = super::raw_html::rewrite(&raw, line);
        self.push(&html);
        self.raw_html.push((line, raw));
    }

    fn open(&mut self, tag: &str, line: usize, attrs: &str) {
        let s = format!("<{tag}{attrs} {LINE_ATTR}=\"{line}\">");
        self.push(&s);
    }

    fn text(&mut self, s: &str) {
        let s = if std::mem::take(&mut self.pending_row_text) { s.trim_start() } else { s };
        if let Some(h) = &mut self.heading {
            h.text.push_str(s);
        }
        let mut escaped = String::with_capacity(s.len());
        let mut written = 0;
        if self.input.rtl && !self.in_code {
            for run in super::bidi::number_runs(s) {
                escape_text(&s[written..run.start], &mut escaped);
                escaped.push_str("<span dir=\"ltr\" class=\"number\">");
                escape_text(&s[run.clone()], &mut escaped);
                escaped.push_str("</span>");
                written = run.end;
            }
        }
        escape_text(&s[written..], &mut escaped);
        self.push(&escaped);
    }

    fn event(&mut self, event: Event<'_>, offset: usize, next_is_image: bool) {
        let line = self.line(offset);
        if self.image.is_some() {
            self.in_image(event);
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, line, next_is_image),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(c) => {
                if let Some(h) = &mut self.heading {
                    h.text.push_str(&c);
                }
                let mut s = String::from("<code>");
                escape_text(&c, &mut s);
                s.push_str("</code>");
                self.push(&s);
            }
            Event::InlineMath(m) | Event::DisplayMath(m) => self.text(&m),
            // An HTML block arrives line by line: it is read as a whole at its end, so that a tag
            // or comment over several lines is one. An inline tag is read on its own.
            Event::Html(h) => match &mut self.html_block {
                Some((_, block)) => block.push_str(&h),
                None => self.raw_html_piece(h.to_string(), line),
            },
            Event::InlineHtml(h) => self.raw_html_piece(h.to_string(), line),
            Event::FootnoteReference(label) => {
                let r = self.footnotes.reference(&label, &mut self.slugger);
                let name = self.resolver.label("footnote-ref", Some(r.number));
                let mut s = format!("<sup class=\"footnote-ref\"><a href=\"#{}\" id=\"{}\" aria-label=\"", r.note_id, r.id);
                escape_attr(&name, &mut s);
                s.push_str(&format!("\" {LINE_ATTR}=\"{line}\">[{}]</a></sup>", r.number));
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

    /// Inside a picture's description, which becomes its `alt` text: plain text, as a screen
    /// reader says it. Emphasis and links give their words, a picture inside gives its own
    /// description, line breaks a space; raw HTML and note references give nothing. The
    /// picture shown is the outer one's.
    fn in_image(&mut self, event: Event<'_>) {
        let Some(img) = &mut self.image else { return };
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => img.alt.push_str(&t),
            Event::SoftBreak | Event::HardBreak => img.alt.push(' '),
            Event::Start(_) => img.nested += 1,
            Event::End(TagEnd::Image) if img.nested == 0 => self.end(TagEnd::Image),
            Event::End(_) => img.nested = img.nested.saturating_sub(1),
            Event::Html(_) | Event::InlineHtml(_) | Event::FootnoteReference(_) | Event::Rule | Event::TaskListMarker(_) => {}
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
            Tag::Heading { level, id, classes, attrs } => {
                let attrs = self.heading_attrs(attrs, line);
                self.heading =
                    Some(HeadingState { level, id: id.map(|i| i.to_string()), classes: classes.iter().map(|c| c.to_string()).collect(), attrs, line, html: String::new(), text: String::new() });
            }
            Tag::BlockQuote(_) => self.open("blockquote", line, ""),
            Tag::CodeBlock(kind) => self.start_code_block(kind, line),
            Tag::HtmlBlock => self.html_block = Some((line, String::new())),
            Tag::List(Some(1)) => self.open("ol", line, ""),
            Tag::List(Some(start)) => self.open("ol", line, &format!(" start=\"{start}\"")),
            Tag::List(None) => self.open("ul", line, ""),
            Tag::FootnoteDefinition(label) => self.footnote = Some(NoteText { label: label.to_string(), line, html: String::new() }),
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
            Tag::TableCell => self.start_table_cell(),
            Tag::Emphasis => self.push("<em>"),
            Tag::Strong => self.push("<strong>"),
            Tag::Strikethrough => self.push("<del>"),
            Tag::Superscript => self.push("<sup>"),
            Tag::Subscript => self.push("<sub>"),
            Tag::Link { link_type, dest_url, title, .. } => self.start_link(link_type, &dest_url, &title, line),
            Tag::Image { dest_url, title, .. } => self.start_image(&dest_url, &title, line),
            Tag::MetadataBlock(_) | Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {}
        }
    }

    /// The `key=value` attributes of a heading that it keeps; each other one is reported.
    fn heading_attrs(&mut self, attrs: Vec<(CowStr<'_>, Option<CowStr<'_>>)>, line: usize) -> Vec<(String, String)> {
        let mut kept = Vec::new();
        for (key, value) in attrs {
            match super::heading_attrs::refused(&key, value.as_deref()) {
                None => {
                    // Written twice, the last one counts: an element cannot have an attribute twice.
                    kept.retain(|(k, _)| *k != *key);
                    kept.push((key.to_string(), value.map(|v| v.to_string()).unwrap_or_default()));
                }
                Some(why) => self.problems.push(Problem {
                    rule: &rules::HTML_SANITISED,
                    line,
                    message: format!("The heading attribute `{key}` was left out: {why}."),
                    help: "After a heading, write {#id} for its id, {.name} for a class, or lang, dir (ltr, rtl or auto), title or translate (yes or no), like ## Croeso {lang=cy}.".into(),
                    dest: None,
                }),
            }
        }
        kept
    }

    fn start_code_block(&mut self, kind: CodeBlockKind<'_>, line: usize) {
        self.in_code = true;
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

    /// A table cell: a column header in the head row, with the column's alignment as a class.
    fn start_table_cell(&mut self) {
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

    /// A link: resolved to the page or file it names; dropped (its words kept) when its
    /// address could run a script; LINK-BROKEN when it leads nowhere.
    fn start_link(&mut self, link_type: LinkType, dest_url: &str, title: &str, line: usize) {
        let dest = if link_type == LinkType::Email { format!("mailto:{dest_url}") } else { dest_url.to_string() };
        // Markdown links are not raw HTML, but `javascript:` in them runs all the same:
        // such a link is dropped and its words kept.
        let Some(dest) = self.safe_url(dest, line, "link") else {
            self.dropped_links.push(true);
            return;
        };
        self.dropped_links.push(false);
        let href = match self.resolver.link(&dest) {
            Ok(url) => super::href::encode(&url),
            Err(u) => {
                let message = format!("The link to `{dest}` goes nowhere: {}.", u.why);
                self.broken(
                    line,
                    &dest,
                    message,
                    u.near,
                    "A link is relative to the markdown file.",
                    "Check the file name and folder. Link to another page by its .md file, like [Your rights](../rights/_index.md).",
                )
            }
        };
        let mut s = String::from("<a href=\"");
        escape_attr(&href, &mut s);
        s.push('"');
        if !title.is_empty() {
            s.push_str(" title=\"");
            escape_attr(title, &mut s);
            s.push('"');
        }
        s.push_str(&format!(" {LINE_ATTR}=\"{line}\">"));
        self.push(&s);
    }

    /// A picture: its address resolved now, its tag written when its description has been read.
    fn start_image(&mut self, dest_url: &str, title: &str, line: usize) {
        let Some(dest_url) = self.safe_url(dest_url.to_string(), line, "picture") else {
            self.image = Some(ImageState { src: String::new(), title: String::new(), alt: String::new(), line, row: self.row_image_next.take(), nested: 0 });
            return;
        };
        let src = match self.resolver.image(&dest_url) {
            Ok(url) => super::href::encode(&url),
            Err(u) => {
                let message = format!("The picture `{dest_url}` cannot be found: {}.", u.why);
                self.broken(
                    line,
                    &dest_url,
                    message,
                    u.near,
                    "A picture path is relative to the markdown file.",
                    "Check the file name and folder: a picture path is relative to the markdown file, like ![A phone](pictures/phone.svg).",
                )
            }
        };
        let row = self.row_image_next.take();
        self.image = Some(ImageState { src, title: title.to_string(), alt: String::new(), line, row, nested: 0 });
    }

    /// LINK-BROKEN for a link or picture to `dest` (as written); returns the address written
    /// into the page, percent-encoded, which the finding records so that the site-wide link
    /// check does not report it again. The help suggests the `near` file when there is one
    /// (with `why_near` after it), else gives `plain`.
    fn broken(&mut self, line: usize, dest: &str, message: String, near: Option<String>, why_near: &str, plain: &str) -> String {
        let help = match near {
            Some(near) => format!("Did you mean `{near}`? {why_near}"),
            None => plain.to_string(),
        };
        let href = super::href::encode(dest);
        self.problems.push(Problem { rule: &rules::LINK_BROKEN, line, message, help, dest: Some(href.clone()) });
        href
    }

    /// `url` if its scheme is safe; otherwise `None`, with an HTML-SANITISED problem.
    fn safe_url(&mut self, url: String, line: usize, what: &str) -> Option<String> {
        if super::sanitise::url_allowed(&url) {
            return Some(url);
        }
        self.problems.push(Problem {
            rule: &rules::HTML_SANITISED,
            line,
            message: format!("The address of this {what} was removed to keep readers safe: `{}`.", url.chars().take(40).collect::<String>()),
            help: "Links may go to pages, files, web addresses (https:), email (mailto:) or phone numbers (tel:) only.".into(),
            dest: None,
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
                for (key, value) in &h.attrs {
                    s.push_str(&format!(" {key}=\""));
                    escape_attr(value, &mut s);
                    s.push('"');
                }
                s.push_str(&format!(" {LINE_ATTR}=\"{}\">{}</h{level}>\n", h.line, h.html));
                self.push(&s);
            }
            TagEnd::BlockQuote(_) => self.push("</blockquote>\n"),
            TagEnd::CodeBlock => {
                self.in_code = false;
                self.push("</code></pre>\n");
            }
            TagEnd::HtmlBlock => {
                if let Some((line, block)) = self.html_block.take() {
                    self.raw_html_piece(block, line);
                }
            }
            TagEnd::List(true) => self.push("</ol>\n"),
            TagEnd::List(false) => self.push("</ul>\n"),
            TagEnd::FootnoteDefinition => {
                if let Some(note) = self.footnote.take() {
                    self.footnotes.written.push(note);
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
                // `![](border.svg "decoration")` marks decoration on purpose; an empty
                // description alone may be a description forgotten (Easy read pages get an
                // error for it from the checks instead).
                let decoration = img.alt.trim().is_empty() && img.title.trim().eq_ignore_ascii_case(DECORATION);
                if img.alt.trim().is_empty() && !decoration && self.input.form == Form::Standard {
                    self.problems.push(Problem {
                        rule: &rules::A11Y_IMG_DECORATIVE,
                        line: img.line,
                        message: format!("The picture {} has no description, so screen readers skip it as decoration.", img.src),
                        help: format!("Describe what the picture shows: ![A phone](phone.svg). If it is only decoration, say so with the title \"{DECORATION}\": ![](border.svg \"{DECORATION}\")."),
                        dest: None,
                    });
                }
                let mut s = String::from("<img src=\"");
                escape_attr(&img.src, &mut s);
                s.push_str("\" alt=\"");
                escape_attr(img.alt.trim(), &mut s);
                s.push('"');
                if !img.title.is_empty() && !decoration {
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
        if !self.footnotes.written.is_empty() {
            let notes = std::mem::take(&mut self.footnotes).list(&mut self.slugger, self.resolver);
            self.out.push_str(&notes);
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
                        rule: &rules::HTML_SANITISED,
                        line: *line,
                        message: format!("Raw HTML was changed to keep readers safe: {removed}."),
                        help: "Write this part in markdown, or use only simple HTML without scripts, event attributes (like onclick) or javascript: links.".into(),
                        dest: None,
                    });
                }
            }
            html = super::sanitise::clean(&html);
        }
        Rendered { html, problems: self.problems, too_deep: None }
    }
}

/// A footnote definition as written: its label, line and HTML.
struct NoteText {
    label: String,
    line: usize,
    html: String,
}

/// A note that is referenced: its number is its place in [`Footnotes::cited`] + 1.
struct Cited {
    /// The id of the note's list item.
    note_id: String,
    /// The id of each reference to it, in the order they appear.
    ref_ids: Vec<String>,
}

/// One reference to a note, as written in the text.
struct Reference {
    number: usize,
    id: String,
    note_id: String,
}

/// The footnotes of a page. Ids come from the page's slugger, so that they cannot collide with
/// heading ids or with each other, and are numbered rather than made from labels (labels that
/// differ only in spaces, hyphens or case would otherwise share an id).
#[derive(Default)]
struct Footnotes {
    /// Referenced notes in the order of their first reference.
    cited: Vec<Cited>,
    /// Index into `cited` by label. pulldown-cmark matches a reference to its definition
    /// without regard to case, and so does this.
    by_label: HashMap<UniCase<String>, usize>,
    /// Definitions in the order written.
    written: Vec<NoteText>,
}

impl Footnotes {
    /// Numbers a reference and gives it an id of its own: `fnref-1`, then `fnref-1-2` for the
    /// second reference to note 1.
    fn reference(&mut self, label: &str, slugger: &mut Slugger) -> Reference {
        let cited = &mut self.cited;
        let i = *self.by_label.entry(UniCase::new(label.to_string())).or_insert_with(|| {
            cited.push(Cited { note_id: slugger.claim(&format!("fn-{}", cited.len() + 1)), ref_ids: Vec::new() });
            cited.len() - 1
        });
        let number = i + 1;
        let note = &mut self.cited[i];
        let nth = note.ref_ids.len() + 1;
        let id = slugger.claim(&if nth == 1 { format!("fnref-{number}") } else { format!("fnref-{number}-{nth}") });
        note.ref_ids.push(id.clone());
        Reference { number, id, note_id: note.note_id.clone() }
    }

    /// The list of notes: referenced ones in order of first reference, each with a link back to
    /// every reference, then any never referenced.
    fn list(self, slugger: &mut Slugger, resolver: &dyn Resolver) -> String {
        let heading = resolver.label("footnotes-label", None);
        // The section carries the line of the first note, so that a finding on it (an id
        // `footnotes-heading` also written in raw HTML) points at the markdown.
        let line = self.written.first().map_or(0, |t| t.line);
        let mut s = format!("<section class=\"footnotes\" aria-labelledby=\"footnotes-heading\" {LINE_ATTR}=\"{line}\"><h2 id=\"footnotes-heading\">");
        escape_text(&heading, &mut s);
        s.push_str("</h2><ol>\n");
        // The first definition of a referenced label is its note; any other is unreferenced.
        let mut texts: Vec<Option<NoteText>> = self.cited.iter().map(|_| None).collect();
        let mut unreferenced = Vec::new();
        for text in self.written {
            match self.by_label.get(&UniCase::new(text.label.clone())) {
                Some(&i) if texts[i].is_none() => texts[i] = Some(text),
                _ => unreferenced.push(text),
            }
        }
        for (i, (note, text)) in self.cited.iter().zip(texts).enumerate() {
            if let Some(text) = text {
                note_item(&mut s, &note.note_id, &text, i + 1, &note.ref_ids, resolver);
            }
        }
        for (k, text) in unreferenced.into_iter().enumerate() {
            let number = self.cited.len() + k + 1;
            note_item(&mut s, &slugger.claim(&format!("fn-{number}")), &text, number, &[], resolver);
        }
        s.push_str("</ol></section>\n");
        s
    }
}

/// One note of the list, with a link back to each reference to it.
fn note_item(s: &mut String, id: &str, text: &NoteText, number: usize, ref_ids: &[String], resolver: &dyn Resolver) {
    s.push_str(&format!("<li id=\"{id}\" {LINE_ATTR}=\"{}\">{}", text.line, text.html.trim_end()));
    let back = resolver.label("footnote-back", Some(number));
    for (k, ref_id) in ref_ids.iter().enumerate() {
        // Each back link needs a name of its own: the second says (2), and so on.
        let (name, mark) = if k == 0 { (back.clone(), String::new()) } else { (format!("{back} ({})", k + 1), format!("<sup>{}</sup>", k + 1)) };
        s.push_str(&format!(" <a href=\"#{ref_id}\" class=\"footnote-back\" aria-label=\""));
        escape_attr(&name, s);
        s.push_str(&format!("\">↩{mark}</a>"));
    }
    s.push_str("</li>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::Unresolved;

    struct Fake;
    impl Resolver for Fake {
        fn link(&self, dest: &str) -> Result<String, Unresolved> {
            match dest {
                d if d.starts_with("missing.md") => Err(String::from("there is no such page").into()),
                d if d.ends_with(".md") => Ok(format!("/{}/", d.trim_end_matches(".md"))),
                d => Ok(d.to_string()),
            }
        }
        fn image(&self, src: &str) -> Result<String, Unresolved> {
            Ok(format!("/img/{src}"))
        }
        fn label(&self, id: &str, n: Option<usize>) -> String {
            format!("{id}{}", n.map(|n| format!(" {n}")).unwrap_or_default())
        }
    }

    fn html(body: &str, form: Form) -> Rendered {
        render(&Input { body, first_line: 10, file: "content/a.md", form, rtl: false }, &Fake)
    }

    #[test]
    fn numbers_in_right_to_left_text_keep_their_order() {
        let body = "فون کریں 116 123 پر۔\n\n```\n116 123\n```\n";
        let r = render(&Input { body, first_line: 1, file: "content/a.ur.md", form: Form::Standard, rtl: true }, &Fake);
        assert!(r.html.contains("فون کریں <span dir=\"ltr\" class=\"number\">116 123</span> پر۔"), "{}", r.html);
        assert!(r.html.contains("<code>116 123\n</code>"), "code is shown as written: {}", r.html);
        assert!(!html("Call 116 123.", Form::Standard).html.contains("number"), "left-to-right text needs nothing");
    }

    #[test]
    fn a_picture_without_description_warns_unless_marked_as_decoration() {
        let body = "![](a.svg)\n\n![](b.svg \"Decoration\")\n\n![A phone](c.svg)\n";
        let r = html(body, Form::Standard);
        let warned: Vec<(&str, usize)> = r.problems.iter().map(|p| (p.rule.id, p.line)).collect();
        assert_eq!(warned, [("A11Y-IMG-DECORATIVE", 10)]);
        assert!(r.problems[0].message.contains("/img/a.svg"));
        assert!(r.html.contains("<img src=\"/img/b.svg\" alt=\"\" data-cl-line=\"12\">"), "the marker title is not published: {}", r.html);
        // Easy read: the checks give ER-PICTURE-ROW (an error) instead.
        assert!(html(body, Form::Easy).problems.is_empty());
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
        assert_eq!((r.problems[0].rule, r.problems[0].line), (&rules::LINK_BROKEN, 11));
    }

    #[test]
    fn script_addresses_in_markdown_links_are_removed() {
        let r = html("[a](javascript:alert(1)) ![b](JaVaScRiPt:x) <vbscript:x> [c](data:text/html,x)\n", Form::Standard);
        assert_eq!(r.html, "<p data-cl-line=\"10\">a b vbscript:x c</p>\n");
        assert_eq!(r.problems.iter().filter(|p| p.rule == &rules::HTML_SANITISED).count(), 4);
    }

    #[test]
    fn an_unclosed_iframe_does_not_swallow_the_page() {
        let r = html("<iframe src=x>\n\nAfter it.\n", Form::Standard);
        assert!(r.html.contains("<p data-cl-line=\"12\">After it.</p>"), "{}", r.html);
        assert!(!r.html.contains("iframe") && !r.html.contains("&lt;"), "{}", r.html);
    }

    #[test]
    fn html_blocks_are_read_whole() {
        let md =
            "<div\n  class=\"note\">\n<!--\nprivate note\n-->\n<script>\nalert(1)\n</script>\n<style>\np { color: red }\n</style>\n<![CDATA[\nx > y\n]]>\n<img\n src=\"x.png\" alt=\"X\">\n</div>\n";
        let r = html(md, Form::Standard);
        assert!(r.html.starts_with("<div class=\"note\" data-cl-line=\"10\">"), "{}", r.html);
        assert!(r.html.contains("<img src=\"x.png\" alt=\"X\" data-cl-line=\"24\">"), "{}", r.html);
        for leaked in ["private", "alert", "color", "x &gt; y", "]]&gt;", "&lt;"] {
            assert!(!r.html.contains(leaked), "{leaked} leaked: {}", r.html);
        }
    }

    #[test]
    fn footnotes_are_numbered_and_linked_back() {
        let r = html("A[^x] b[^y].\n\n[^y]: Why.\n[^x]: Ex.\n", Form::Standard);
        assert!(r.html.contains("<a href=\"#fn-1\" id=\"fnref-1\" aria-label=\"footnote-ref 1\" data-cl-line=\"10\">[1]</a>"), "{}", r.html);
        let x = r.html.find("<li id=\"fn-1\" data-cl-line=\"13\"><p data-cl-line=\"13\">Ex.</p>").unwrap();
        let y = r.html.find("<li id=\"fn-2\" data-cl-line=\"12\"><p data-cl-line=\"12\">Why.</p>").unwrap();
        assert!(x < y, "{}", r.html);
        assert!(r.html.contains("href=\"#fnref-2\" class=\"footnote-back\" aria-label=\"footnote-back 2\""));
    }

    /// Every id on the page, in order.
    fn ids(html: &str) -> Vec<&str> {
        html.split(" id=\"").skip(1).map(|rest| &rest[..rest.find('"').unwrap()]).collect()
    }

    fn assert_unique(ids: &[&str]) {
        let mut sorted = ids.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "repeated ids: {ids:?}");
    }

    #[test]
    fn a_note_referenced_twice_links_back_to_each_reference() {
        let r = html("One[^n] and two[^n].\n\n[^n]: The note.\n", Form::Standard);
        assert_eq!(ids(&r.html), ["fnref-1", "fnref-1-2", "footnotes-heading", "fn-1"], "{}", r.html);
        assert_eq!(r.html.matches("href=\"#fn-1\"").count(), 2, "{}", r.html);
        assert!(r.html.contains("<a href=\"#fnref-1\" class=\"footnote-back\" aria-label=\"footnote-back 1\">↩</a>"), "{}", r.html);
        assert!(r.html.contains("<a href=\"#fnref-1-2\" class=\"footnote-back\" aria-label=\"footnote-back 1 (2)\">↩<sup>2</sup></a>"), "{}", r.html);
    }

    #[test]
    fn labels_that_slug_alike_get_their_own_ids() {
        let r = html("A[^a b] B[^a-b] C[^Ä] D[^x].\n\n[^a b]: One.\n[^a-b]: Two.\n[^Ä]: Three.\n[^x]: Four.\n", Form::Standard);
        assert_unique(&ids(&r.html));
        assert_eq!(r.html.matches("<li id=").count(), 4, "{}", r.html);
        // Labels match their definitions without regard to case, as pulldown-cmark matches them.
        let r = html("A[^Ä] B[^ä].\n\n[^ä]: Umlaut.\n", Form::Standard);
        assert_eq!(ids(&r.html), ["fnref-1", "fnref-1-2", "footnotes-heading", "fn-1"], "{}", r.html);
    }

    #[test]
    fn footnote_ids_do_not_collide_with_heading_ids() {
        let r = html("## Notes {#fn-1}\n\n## fnref 1\n\n## X {#fn-x}\n\nA[^x] B[^y].\n\n## Later {#fn-2}\n\n[^x]: One.\n[^y]: Two.\n[^z]: Never cited.\n", Form::Standard);
        let ids = ids(&r.html);
        assert_unique(&ids);
        assert!(ids.contains(&"fn-1") && ids.contains(&"fnref-1"), "{ids:?}");
        // Each reference leads to its own note.
        for (note, text) in [(1, "One."), (2, "Two.")] {
            let href = r.html.split(&format!("aria-label=\"footnote-ref {note}\"")).next().unwrap().rsplit("href=\"#").next().unwrap().split('"').next().unwrap().to_string();
            assert!(r.html.contains(&format!("<li id=\"{href}\" data-cl-line=\"")), "note {note} links to {href}: {}", r.html);
            let li = &r.html[r.html.find(&format!("<li id=\"{href}\"")).unwrap()..];
            assert!(li[..li.find("</li>").unwrap()].contains(text), "{}", r.html);
        }
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
    fn a_picture_description_is_plain_text_and_the_outer_picture_is_shown() {
        let r = html("![A *big* [phone](missing.md) ![with a cord](cord.svg)\nto call](phone.svg)\n", Form::Standard);
        assert_eq!(r.html, "<p data-cl-line=\"10\"><img src=\"/img/phone.svg\" alt=\"A big phone with a cord to call\" data-cl-line=\"10\"></p>\n");
        assert!(r.problems.is_empty(), "a link inside a description is only words: {:?}", r.problems);
    }

    #[test]
    fn addresses_are_percent_encoded_and_broken_ones_reported_as_written_in_the_page() {
        let r = html("[a](<my file.md>) [b](caf%C3%A9.md) [c](<missing.md#Ä b>) ![d](<a\\b.svg>)\n", Form::Standard);
        assert!(r.html.contains("<a href=\"/my%20file/\""), "{}", r.html);
        assert!(r.html.contains("<a href=\"/caf%C3%A9/\""), "an escape is kept, not encoded again: {}", r.html);
        assert!(r.html.contains("<a href=\"missing.md#%C3%84%20b\""), "{}", r.html);
        assert!(r.html.contains("<img src=\"/img/a%5Cb.svg\""), "{}", r.html);
        let broken: Vec<_> = r.problems.iter().filter_map(|p| p.dest.as_deref()).collect();
        assert_eq!(broken, ["missing.md#%C3%84%20b"]);
    }

    #[test]
    fn heading_attributes_about_the_words_are_kept_and_others_reported() {
        let r = html("## Croeso {#welcome .intro lang=cy title=\"Welcome\"&x onclick=x() style=color:red}\n", Form::Standard);
        assert!(r.html.starts_with("<h2 id=\"welcome\" class=\"intro\" lang=\"cy\" title=\"&quot;Welcome&quot;&amp;x\" data-cl-line=\"10\">Croeso</h2>"), "{}", r.html);
        let reported: Vec<_> = r.problems.iter().map(|p| (p.rule.id, p.message.as_str())).collect();
        assert_eq!(reported.len(), 2, "{reported:?}");
        assert!(reported.iter().all(|(rule, _)| *rule == "HTML-SANITISED"));
        assert!(reported[0].1.contains("`onclick`") && reported[1].1.contains("`style`"), "{reported:?}");
    }

    #[test]
    fn raw_html_is_sanitised_and_reported() {
        let r = html("Hi <b onclick=\"x()\">there</b>\n\n<script>alert(1)</script>\n", Form::Standard);
        assert!(!r.html.contains("onclick") && !r.html.contains("script"), "{}", r.html);
        assert!(r.html.contains("<b data-cl-line=\"10\">there</b>"), "{}", r.html);
        let lines: Vec<_> = r.problems.iter().map(|p| (p.rule, p.line)).collect();
        assert_eq!(lines, [(&rules::HTML_SANITISED, 10), (&rules::HTML_SANITISED, 12)]);
    }
}
