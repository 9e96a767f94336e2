//! A written page's content as Typst markup. The page is read back as published (the theme's
//! `data-pagefind-body` area, else `<main>`), so the leaflet says what the web page says, with
//! the same glossary, footnotes and notices. Editor text only ever reaches Typst through
//! [`escape`], and every address through a string literal.
//!
//! The markup calls a few functions the print template defines: `picture-row(picture, words)`,
//! `picture(image)` and `notice(body)`, so the theme decides how they look.

use percent_encoding::percent_decode_str;
use scraper::{ElementRef, Html, Node, Selector};

use super::escape::{self, markup_text};

/// Where the page's pictures and links lead.
pub struct Addresses<'a> {
    /// The site's base path (`/` or `/resources/`): a picture's address without it is its
    /// path in the output.
    pub base_path: &'a str,
    /// Whether the picture at this output path can be embedded: one that cannot is printed
    /// as its alt text.
    pub embeddable: &'a dyn Fn(&str) -> bool,
    /// A root-relative address made absolute (`https://example.org/x/`), or `None` when the
    /// site has no host to make it absolute with: such links stay words.
    pub absolute: &'a dyn Fn(&str) -> Option<String>,
}

/// The page's content as Typst markup, and the output paths of the pictures it shows.
#[derive(Debug, Default, PartialEq)]
pub struct Content {
    /// Typst markup for the body of the leaflet.
    pub markup: String,
    /// Output paths (`pictures/clock.svg`) of the pictures, in order, each once.
    pub pictures: Vec<String>,
}

/// Where a picture of the output is found inside the Typst world.
pub fn picture_path(output_path: &str) -> String {
    format!("/site/{output_path}")
}

/// The content of the page `html`.
pub fn content(html: &str, addresses: &Addresses<'_>) -> Content {
    let doc = Html::parse_document(html);
    let pick = |s: &str| Selector::parse(s).ok().and_then(|sel| doc.select(&sel).next());
    let mut writer = Writer { addresses, out: Content::default(), depth: 0 };
    if let Some(root) = pick("[data-pagefind-body]").or_else(|| pick("main")).or_else(|| pick("body")) {
        writer.children(root, Place::Root);
    }
    writer.out
}

/// Where an element sits: the page title is the first `h1` directly in the content area.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Root,
    Inside,
}

/// How deeply elements are written nested in each other: Typst stops at 256 levels of
/// brackets and at 64 show rules applied inside each other (a quote takes several). Deeper
/// elements are written as their text.
const MAX_NESTING: usize = 12;

/// Items of a list written in one call: Typst lays out a list's items recursively, and 10,000
/// in one list overflowed a 16 MiB stack.
const LIST_CHUNK: usize = 100;

struct Writer<'a, 'b> {
    addresses: &'a Addresses<'b>,
    out: Content,
    /// Elements open around the one being written.
    depth: usize,
}

impl Writer<'_, '_> {
    fn push(&mut self, s: &str) {
        self.out.markup.push_str(s);
    }

    fn children(&mut self, el: ElementRef<'_>, place: Place) {
        let mut title_seen = false;
        for child in el.children() {
            match child.value() {
                Node::Text(t) => markup_text(t, &mut self.out.markup),
                Node::Element(_) => {
                    let Some(child) = ElementRef::wrap(child) else { continue };
                    // The template shows the title, from the page's own data.
                    if place == Place::Root && !title_seen && child.value().name() == "h1" {
                        title_seen = true;
                        continue;
                    }
                    self.element(child);
                }
                _ => {}
            }
        }
    }

    /// Children wrapped in a content block `[…]`, for a function's argument.
    fn block_of(&mut self, el: ElementRef<'_>) {
        self.push("[");
        self.children(el, Place::Inside);
        self.push("]");
    }

    fn element(&mut self, el: ElementRef<'_>) {
        let e = el.value();
        let has_class = |c: &str| e.classes().any(|x| x == c);
        // The link to the other form, the dates (the template writes its own) and the way back
        // from a footnote mean nothing on paper.
        if has_class("other-form") || has_class("page-dates") || has_class("footnote-back") {
            return;
        }
        if self.depth >= MAX_NESTING {
            markup_text(&text_of(el), &mut self.out.markup);
            return;
        }
        self.depth += 1;
        if let Some(lang) = e.attr("lang").filter(|l| is_language_tag(l)) {
            self.push(&format!("#text(lang: {})[", escape::string(lang)));
            self.plain(el);
            self.push("]");
        } else {
            self.plain(el);
        }
        self.depth -= 1;
    }

    /// `el` without its `lang`, which [`Self::element`] has dealt with.
    fn plain(&mut self, el: ElementRef<'_>) {
        let e = el.value();
        let has_class = |c: &str| e.classes().any(|x| x == c);
        match e.name() {
            "script" | "style" | "template" | "noscript" | "svg" | "math" | "iframe" | "object" | "button" | "input" | "select" | "textarea" => {}
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = &e.name()[1..];
                self.push(&format!("\n\n#heading(level: {level})"));
                self.block_of(el);
                self.push("\n\n");
            }
            "p" if only_picture(el).is_some() => {
                if let Some(img) = only_picture(el) {
                    self.push("\n\n#picture(");
                    self.image(img);
                    self.push(")\n\n");
                }
            }
            "p" => self.paragraph(el),
            "div" if has_class("picture-row") => self.picture_row(el),
            "div" if has_class("notice") => {
                self.push("\n\n#notice");
                self.block_of(el);
                self.push("\n\n");
            }
            "ul" | "ol" => self.list(el),
            "dl" => self.terms(el),
            "table" => self.table(el),
            "blockquote" => {
                self.push("\n\n#quote(block: true)");
                self.block_of(el);
                self.push("\n\n");
            }
            "pre" => {
                self.push(&format!("\n\n#raw(block: true, {})\n\n", escape::string(&text_of(el))));
            }
            "code" => self.push(&format!("#raw({})", escape::string(&text_of(el)))),
            "hr" => self.push("\n\n#line(length: 100%)\n\n"),
            "br" => self.push("#linebreak()"),
            "img" => {
                self.push("#box(height: 1.2em, ");
                self.image(el);
                self.push(")");
            }
            "a" => self.link(el),
            "strong" | "b" => self.call("strong", el),
            "em" | "i" | "cite" | "var" | "dfn" => self.call("emph", el),
            "del" | "s" => self.call("strike", el),
            "sup" => self.call("super", el),
            "sub" => self.call("sub", el),
            // A number in right-to-left text keeps its digit groups in order (`116 123`), as
            // the page's `<span dir=ltr>` does: a left-to-right isolate around it.
            "span" if e.attr("dir") == Some("ltr") => self.isolated(el, '\u{2066}'),
            "span" if e.attr("dir") == Some("rtl") => self.isolated(el, '\u{2067}'),
            "bdi" => self.isolated(el, '\u{2068}'),
            "div" | "section" | "article" | "aside" | "header" | "footer" | "figure" | "figcaption" => {
                self.push("\n\n");
                self.children(el, Place::Inside);
                self.push("\n\n");
            }
            _ => self.children(el, Place::Inside),
        }
    }

    fn call(&mut self, function: &str, el: ElementRef<'_>) {
        self.push("#");
        self.push(function);
        self.block_of(el);
    }

    fn isolated(&mut self, el: ElementRef<'_>, opening: char) {
        self.out.markup.push(opening);
        self.children(el, Place::Inside);
        self.out.markup.push('\u{2069}');
    }

    fn paragraph(&mut self, el: ElementRef<'_>) {
        self.push("\n\n");
        self.children(el, Place::Inside);
        self.push("\n\n");
    }

    /// An Easy read row: its picture and its words, which the template keeps side by side.
    fn picture_row(&mut self, el: ElementRef<'_>) {
        let picture = el.children().filter_map(ElementRef::wrap).find(|c| c.value().name() == "img");
        self.push("\n\n#picture-row(");
        match picture {
            Some(img) => self.image(img),
            None => self.push("none"),
        }
        self.push(")[");
        for child in el.children() {
            match ElementRef::wrap(child) {
                Some(c) if c.value().name() == "img" => {}
                Some(c) if c.value().name() == "p" => self.children(c, Place::Inside),
                Some(c) => self.element(c),
                None => {
                    if let Node::Text(t) = child.value() {
                        markup_text(t, &mut self.out.markup);
                    }
                }
            }
        }
        self.push("]\n\n");
    }

    /// `image(…)` for a picture of the site, with its alt text; a decorative one (`alt=""`)
    /// is marked as an artifact, which screen readers skip. A picture from elsewhere cannot be
    /// embedded: its alt text stands in for it.
    fn image(&mut self, img: ElementRef<'_>) {
        let alt = img.value().attr("alt").unwrap_or_default();
        let Some(path) = img.value().attr("src").and_then(|src| self.local_path(src)).filter(|p| (self.addresses.embeddable)(p)) else {
            self.push("[");
            markup_text(alt, &mut self.out.markup);
            self.push("]");
            return;
        };
        let image = format!("image({})", escape::string(&picture_path(&path)));
        if !self.out.pictures.contains(&path) {
            self.out.pictures.push(path);
        }
        if alt.trim().is_empty() {
            self.push(&format!("pdf.artifact({image})"));
        } else {
            self.push(&format!("{}, alt: {})", image.trim_end_matches(')'), escape::string(alt)));
        }
    }

    /// The output path of a picture of this site, from its address in the page.
    fn local_path(&self, src: &str) -> Option<String> {
        let path = src.split(['?', '#']).next()?.strip_prefix(self.addresses.base_path)?;
        let path = percent_decode_str(path).decode_utf8().ok()?;
        let fine = !path.is_empty() && path.split('/').all(|part| !part.is_empty() && part != "." && part != "..");
        fine.then(|| path.into_owned())
    }

    fn link(&mut self, a: ElementRef<'_>) {
        let href = a.value().attr("href").unwrap_or_default();
        let target = if href.starts_with('/') {
            (self.addresses.absolute)(href)
        } else if ["https://", "http://", "mailto:", "tel:"].iter().any(|s| href.starts_with(s)) {
            Some(href.to_string())
        } else {
            // A link inside the page (`#words-we-use-crisis`) has nowhere to go on paper.
            None
        };
        match target {
            Some(url) => {
                self.push(&format!("#link({})", escape::string(&url)));
                self.block_of(a);
            }
            None => self.children(a, Place::Inside),
        }
    }

    /// A list, in calls of at most [`LIST_CHUNK`] items, a numbered one counting on from the
    /// call before.
    fn list(&mut self, list: ElementRef<'_>) {
        let ordered = list.value().name() == "ol";
        let start = list.value().attr("start").and_then(|s| s.trim().parse::<u32>().ok()).unwrap_or(1);
        let items: Vec<ElementRef<'_>> = list.children().filter_map(ElementRef::wrap).filter(|c| c.value().name() == "li").collect();
        self.push("\n\n");
        for (n, chunk) in items.chunks(LIST_CHUNK).enumerate() {
            if ordered {
                self.push(&format!("#enum(start: {}, ", u64::from(start) + (n * LIST_CHUNK) as u64));
            } else {
                self.push("#list(");
            }
            for item in chunk {
                self.block_of(*item);
                self.push(", ");
            }
            self.push(")\n");
        }
        self.push("\n");
    }

    /// A description list (the "Words we use" glossary): each term with its descriptions.
    fn terms(&mut self, dl: ElementRef<'_>) {
        self.push("\n\n#terms(");
        let mut term: Option<ElementRef<'_>> = None;
        for child in dl.children().filter_map(ElementRef::wrap) {
            match child.value().name() {
                "dt" => term = Some(child),
                "dd" => {
                    self.push("terms.item(");
                    match term {
                        Some(t) => self.block_of(t),
                        None => self.push("[]"),
                    }
                    self.push(", ");
                    self.block_of(child);
                    self.push("), ");
                }
                _ => {}
            }
        }
        self.push(")\n\n");
    }

    /// A table, its header rows repeated on each page it runs over.
    fn table(&mut self, table: ElementRef<'_>) {
        let rows = |section: &str| -> Vec<ElementRef<'_>> {
            let tr = Selector::parse(&format!(":scope > {section} > tr")).expect("a valid selector");
            table.select(&tr).collect()
        };
        let (head, body) = (rows("thead"), [rows("tbody"), rows("tfoot")].concat());
        let cells = |row: ElementRef<'_>| row.children().filter_map(ElementRef::wrap).filter(|c| matches!(c.value().name(), "th" | "td")).count();
        let columns = head.iter().chain(&body).map(|r| cells(*r)).max().unwrap_or(0).max(1);
        self.push(&format!("\n\n#table(columns: {columns}, "));
        if !head.is_empty() {
            self.push("table.header(");
            head.iter().for_each(|r| self.row(*r));
            self.push("), ");
        }
        body.iter().for_each(|r| self.row(*r));
        self.push(")\n\n");
    }

    fn row(&mut self, tr: ElementRef<'_>) {
        for cell in tr.children().filter_map(ElementRef::wrap).filter(|c| matches!(c.value().name(), "th" | "td")) {
            let align = cell.value().classes().find_map(|c| match c {
                "align-center" => Some("center"),
                "align-end" => Some("end"),
                _ => None,
            });
            if let Some(align) = align {
                self.push(&format!("table.cell(align: {align})"));
            }
            if cell.value().name() == "th" {
                self.push("[#strong");
                self.block_of(cell);
                self.push("]");
            } else {
                self.block_of(cell);
            }
            self.push(", ");
        }
    }
}

/// The one picture a paragraph holds, when it holds nothing else but white space.
fn only_picture(p: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let mut picture = None;
    for child in p.children() {
        match (child.value(), ElementRef::wrap(child)) {
            (Node::Text(t), _) if t.trim().is_empty() => {}
            (_, Some(img)) if img.value().name() == "img" && picture.is_none() => picture = Some(img),
            _ => return None,
        }
    }
    picture
}

fn text_of(el: ElementRef<'_>) -> String {
    el.text().collect()
}

/// A BCP 47 tag's characters only: it is written into a string literal all the same.
fn is_language_tag(tag: &str) -> bool {
    !tag.is_empty() && tag.len() <= 35 && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(main: &str) -> Content {
        let absolute = |url: &str| Some(format!("https://example.org{url}"));
        let embeddable = |path: &str| !path.starts_with("missing/");
        let addresses = Addresses { base_path: "/", absolute: &absolute, embeddable: &embeddable };
        content(&format!("<!DOCTYPE html><html lang=en><body><nav>Menu</nav><main><div data-pagefind-body><h1>Title</h1>{main}</div></main></body></html>"), &addresses)
    }

    #[test]
    fn the_title_dates_and_the_other_form_link_are_left_to_the_template() {
        let c = convert("<p class=other-form><a href=/easy-read/>Easy read</a></p><p>Words</p><p class=page-dates>Last checked</p>");
        assert_eq!(c.markup.trim(), "Words");
    }

    #[test]
    fn a_picture_row_is_a_call_with_its_picture_and_words() {
        let c = convert("<div class=picture-row><img alt=\"A clock\" class=picture-row__picture src=\"/pictures/clock.svg\"><p class=picture-row__text>The surgery shuts at night.</p></div>");
        assert_eq!(c.markup.trim(), "#picture-row(image(\"/site/pictures/clock.svg\", alt: \"A clock\"))[The surgery shuts at night\\.]");
        assert_eq!(c.pictures, ["pictures/clock.svg"]);
    }

    #[test]
    fn headings_lists_links_and_emphasis() {
        let c = convert(
            "<h2 id=x>Call <strong>999</strong></h2><ul><li>One</li><li><a href=\"/help/\">Help</a> and <a href=\"#words-we-use-crisis\">crisis</a></li></ul><ol start=3><li><em>Three</em></li></ol>",
        );
        let m = c.markup;
        assert!(m.contains("#heading(level: 2)[Call #strong[999]]"), "{m}");
        assert!(m.contains("#list([One], [#link(\"https://example.org/help/\")[Help] and crisis], )"), "{m}");
        assert!(m.contains("#enum(start: 3, [#emph[Three]], )"), "{m}");
    }

    #[test]
    fn long_lists_are_cut_into_calls_and_deep_nesting_into_text() {
        let items = "<li>x</li>".repeat(LIST_CHUNK + 1);
        let m = convert(&format!("<ol>{items}</ol>")).markup;
        assert_eq!(m.matches("#enum(").count(), 2, "{m}");
        assert!(m.contains(&format!("#enum(start: {}, [x], )", LIST_CHUNK + 1)), "{m}");
        let deep = format!("{}Deep words{}", "<blockquote>".repeat(100), "</blockquote>".repeat(100));
        let m = convert(&deep).markup;
        assert_eq!(m.matches("#quote(").count(), MAX_NESTING, "{m}");
        assert!(m.contains("Deep words"), "{m}");
    }

    #[test]
    fn tables_repeat_their_header_and_keep_alignment() {
        let c = convert("<table><thead><tr><th>Service</th><th class=align-end>Number</th></tr></thead><tbody><tr><td>NHS</td><td class=align-end>111</td></tr></tbody></table>");
        assert!(c.markup.contains("#table(columns: 2, table.header([#strong[Service]], table.cell(align: end)[#strong[Number]], ), [NHS], table.cell(align: end)[111], )"), "{}", c.markup);
    }

    #[test]
    fn glossary_terms_notices_and_numbers_in_rtl() {
        let c = convert("<div class=\"notice notice--outdated\" role=note><p>Changed</p></div><dl><dt>crisis</dt><dd>A bad time.</dd></dl><p>Call <span dir=ltr class=number>116 123</span></p>");
        assert!(c.markup.contains("#notice[\n\nChanged\n\n]"), "{}", c.markup);
        assert!(c.markup.contains("#terms(terms.item([crisis], [A bad time\\.]), )"), "{}", c.markup);
        assert!(c.markup.contains("Call \u{2066}116 123\u{2069}"), "{}", c.markup);
    }

    #[test]
    fn pictures_from_elsewhere_and_decorative_ones() {
        let c = convert("<p><img src=\"https://other.example/x.png\" alt=\"A map\"></p><p><img src=\"/pictures/line%20art.svg\" alt=\"\"></p><p><img src=\"/missing/x.png\" alt=\"Gone\"></p>");
        assert!(c.markup.contains("#picture([A map])"), "{}", c.markup);
        assert!(c.markup.contains("#picture([Gone])"), "{}", c.markup);
        assert!(c.markup.contains("#picture(pdf.artifact(image(\"/site/pictures/line art.svg\")))"), "{}", c.markup);
        assert_eq!(c.pictures, ["pictures/line art.svg"]);
    }

    #[test]
    fn hostile_text_stays_text() {
        let c = convert("<p>#import \"evil.typ\": * #{panic()} $x$ *b* _i_ &lt;l&gt; @r \\ // c /* d */ ] [</p><p lang=\"cy\">Croeso</p><p><a href=\"https://x.org/&quot;)#panic()\">x</a></p>");
        assert!(c.markup.contains("\\#import \\\"evil\\.typ\\\"\\: \\* \\#\\{panic\\(\\)\\} \\$x\\$ \\*b\\* \\_i\\_ \\<l\\> \\@r \\\\ \\/\\/ c \\/\\* d \\*\\/ \\] \\["), "{}", c.markup);
        assert!(c.markup.contains("#text(lang: \"cy\")[\n\nCroeso\n\n]"), "{}", c.markup);
        assert!(c.markup.contains("#link(\"https://x.org/\\\")#panic()\")[x]"), "{}", c.markup);
    }
}
