//! Whether a translation or Easy-read version still matches the page it was made from.
//!
//! A variant stores `source_hash`: the hash of its source as it was when the variant was made
//! or last checked (`clearleaf stamp` writes it). The hash covers what translators translate:
//! the title, the description and the markdown *as parsed*, not as typed. Text is
//! whitespace-collapsed, so re-wrapping lines changes nothing; emphasis is recorded by kind, so
//! `*x*` and `_x_` are the same; HTML comments are left out. Every word, number, link target and
//! picture counts. The hash is versioned (`v1:`) so that a future change of the normalisation
//! can tell old stamps from new ones rather than calling every translation outdated silently.
//!
//! [`judge`] then gives every variant of a page its [`State`]; the site stage stores the answer
//! once so that the build, the templates and `clearleaf status` all read the same one.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, Parser, Tag, TagEnd};
use serde::Serialize;
use sha2::{Digest, Sha256};
use unicode_segmentation::UnicodeSegmentation;

use crate::variant::Form;
use crate::variant::source_of;

/// The version prefix of hashes made by [`source_hash`].
pub const HASH_VERSION: &str = "v1";

/// Hex digits of SHA-256 kept in a hash: enough to tell versions of one page apart.
const HASH_DIGITS: usize = 12;

/// The state of one variant (a language × form of a page), as `clearleaf status` shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Its `source_hash` matches its source, and its source is current too.
    Current,
    /// Its source changed since it was stamped (or it was never stamped), or its source is
    /// itself outdated. Published with a notice (policy `translations.outdated: notice`).
    Outdated,
    /// There is no file. Readers get the source with a notice (`translations.missing: fallback`).
    Missing,
    /// The file exists but the page it was made from does not: not published.
    Orphan,
    /// `draft: true` (or its source is a draft) and drafts are not being built.
    Draft,
    /// The file is outdated and readers are given its source instead, with a notice: the page
    /// is `critical: true`, or the policy is `translations.outdated: fallback`.
    Fallback,
    /// There is no file, and none is wanted: the source page says `translate: false` or lists
    /// other languages. Readers get the source without a notice.
    #[serde(rename = "not-needed")]
    NotNeeded,
}

impl State {
    /// The state's name in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Current => "current",
            State::Outdated => "outdated",
            State::Missing => "missing",
            State::Orphan => "orphan",
            State::Draft => "draft",
            State::Fallback => "fallback",
            State::NotNeeded => "not-needed",
        }
    }
}

/// The versioned hash of a page as translators see it: `v1:` and 12 hex digits.
pub fn source_hash(title: &str, description: Option<&str>, body: &str) -> String {
    let canonical = canonical_form(title, description, body);
    let digest = Sha256::digest(canonical.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("{HASH_VERSION}:{}", &hex[..HASH_DIGITS])
}

/// Words of a page a translator translates (title, description, text of the body), for
/// coverage by words.
pub fn word_count(title: &str, description: Option<&str>, body: &str) -> usize {
    let mut n = title.unicode_words().count() + description.map_or(0, |d| d.unicode_words().count());
    for event in Parser::new_ext(body, crate::markdown::options()) {
        if let Event::Text(t) | Event::Code(t) = event {
            n += t.unicode_words().count();
        }
    }
    n
}

/// Whether a stamp (as written in front matter) equals a hash. Quotes and spaces around it, and
/// upper-case hex digits, do not matter.
pub fn stamp_matches(stamp: Option<&str>, hash: &str) -> bool {
    stamp.is_some_and(|s| s.trim().trim_matches(['"', '\'']).trim().eq_ignore_ascii_case(hash))
}

/// The text that is hashed: one record per line, `kind` then length-prefixed fields, so no two
/// different pages can serialise the same.
fn canonical_form(title: &str, description: Option<&str>, body: &str) -> String {
    let mut c = Canon::default();
    c.record("title", &[title.trim()], true);
    c.record("description", &[description.unwrap_or("").trim()], true);
    for event in Parser::new_ext(body, crate::markdown::options()) {
        c.event(event);
    }
    c.flush(true);
    c.out
}

#[derive(Default)]
struct Canon {
    out: String,
    /// Text (and raw HTML) not yet written: adjacent text events and soft breaks make one run,
    /// so that where a line was wrapped cannot matter.
    run: String,
    /// Inside an HTML comment that spans several HTML events.
    in_comment: bool,
    /// Inside an HTML block: its HTML, written at its end unless it was only comments.
    html_block: Option<String>,
}

impl Canon {
    /// Writes a record after the pending text. `block`: a block starts or ends here, so space
    /// at the edges of the text is not significant (it is between inline parts: `*a* *b*`).
    fn record(&mut self, kind: &str, fields: &[&str], block: bool) {
        self.flush(block);
        self.out.push_str(kind);
        for f in fields {
            let mut collapsed = String::new();
            collapse_whitespace(f, &mut collapsed);
            self.out.push_str(&format!(" {}:{collapsed}", collapsed.len()));
        }
        self.out.push('\n');
    }

    fn flush(&mut self, block: bool) {
        let run = std::mem::take(&mut self.run);
        let run = if block { run.trim() } else { run.as_str() };
        if !run.is_empty() {
            let run = run.to_string();
            self.record("text", &[&run], false);
        }
    }

    /// Adds raw HTML, leaving out comments (which may open in one event and close in a later
    /// one). Inline HTML is marked in the text so that `<br>` typed as text differs from a tag.
    fn html(&mut self, html: &str) {
        let mut kept = String::new();
        let mut rest = html;
        loop {
            if self.in_comment {
                match rest.find("-->") {
                    Some(i) => {
                        rest = &rest[i + 3..];
                        self.in_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!--") {
                    Some(i) => {
                        kept.push_str(&rest[..i]);
                        rest = &rest[i + 4..];
                        self.in_comment = true;
                    }
                    None => {
                        kept.push_str(rest);
                        break;
                    }
                }
            }
        }
        if kept.trim().is_empty() {
            self.text(&kept);
            return;
        }
        match &mut self.html_block {
            Some(block) => block.push_str(&kept),
            None => {
                self.run.push('\u{1}');
                self.run.push_str(&kept);
                self.run.push('\u{1}');
            }
        }
    }

    fn text(&mut self, s: &str) {
        match &mut self.html_block {
            Some(block) => block.push_str(s),
            None => self.run.push_str(s),
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Text(t) => self.text(&t),
            Event::SoftBreak => self.text(" "),
            Event::Html(h) | Event::InlineHtml(h) => self.html(&h),
            Event::Code(c) => self.record("code", &[&c], false),
            Event::InlineMath(m) => self.record("math", &[&m], false),
            Event::DisplayMath(m) => self.record("display-math", &[&m], true),
            Event::FootnoteReference(label) => self.record("footnote-ref", &[&label], false),
            Event::HardBreak => self.record("break", &[], true),
            Event::Rule => self.record("rule", &[], true),
            Event::TaskListMarker(done) => self.record("task", &[if done { "x" } else { " " }], true),
            Event::Start(Tag::HtmlBlock) => {
                self.flush(true);
                self.html_block = Some(String::new());
            }
            Event::End(TagEnd::HtmlBlock) => {
                let block = self.html_block.take().unwrap_or_default();
                if !block.trim().is_empty() {
                    self.record("html", &[block.trim()], true);
                }
            }
            Event::Start(tag) => self.start(tag),
            Event::End(end) => {
                let block = !is_inline(end);
                self.record(&format!("/{}", end_name(end)), &[], block);
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, id, classes, attrs } => {
                let mut fields = vec![format!("{}", level as usize), id.map(|i| i.to_string()).unwrap_or_default()];
                fields.extend(classes.iter().map(|c| format!(".{c}")));
                fields.extend(attrs.iter().map(|(k, v)| format!("{k}={}", v.as_deref().unwrap_or(""))));
                let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
                self.record("heading", &fields, true);
            }
            Tag::CodeBlock(kind) => match kind {
                CodeBlockKind::Fenced(info) => self.record("code-block", &[&info], true),
                CodeBlockKind::Indented => self.record("code-block", &[], true),
            },
            Tag::List(start) => self.record("list", &[&start.map(|n| n.to_string()).unwrap_or_default()], true),
            Tag::FootnoteDefinition(label) => self.record("footnote", &[&label], true),
            Tag::Table(alignments) => {
                let a: String = alignments
                    .iter()
                    .map(|a| match a {
                        Alignment::None => '-',
                        Alignment::Left => 'l',
                        Alignment::Center => 'c',
                        Alignment::Right => 'r',
                    })
                    .collect();
                self.record("table", &[&a], true);
            }
            // Link and picture targets are content: a new phone number in a `tel:` link or a
            // different picture must make translations outdated. The link type (inline,
            // reference, autolink) is only how it was typed.
            Tag::Link { dest_url, title, .. } => self.record("link", &[&dest_url, &title], false),
            Tag::Image { dest_url, title, .. } => self.record("image", &[&dest_url, &title], false),
            other => {
                let end = other.to_end();
                self.record(end_name(end), &[], !is_inline(end));
            }
        }
    }
}

/// Spans inside a block: space around them separates words.
fn is_inline(end: TagEnd) -> bool {
    matches!(end, TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Superscript | TagEnd::Subscript | TagEnd::Link | TagEnd::Image)
}

/// A stable name for each kind of block or span (emphasis is `emphasis` however it was typed).
fn end_name(end: TagEnd) -> &'static str {
    match end {
        TagEnd::Paragraph => "paragraph",
        TagEnd::Heading(_) => "heading",
        TagEnd::BlockQuote(_) => "blockquote",
        TagEnd::CodeBlock => "code-block",
        TagEnd::HtmlBlock => "html",
        TagEnd::List(_) => "list",
        TagEnd::Item => "item",
        TagEnd::FootnoteDefinition => "footnote",
        TagEnd::DefinitionList => "definition-list",
        TagEnd::DefinitionListTitle => "definition-title",
        TagEnd::DefinitionListDefinition => "definition",
        TagEnd::Table => "table",
        TagEnd::TableHead => "table-head",
        TagEnd::TableRow => "table-row",
        TagEnd::TableCell => "table-cell",
        TagEnd::Emphasis => "emphasis",
        TagEnd::Strong => "strong",
        TagEnd::Strikethrough => "strikethrough",
        TagEnd::Superscript => "superscript",
        TagEnd::Subscript => "subscript",
        TagEnd::Link => "link",
        TagEnd::Image => "image",
        TagEnd::MetadataBlock(_) => "metadata",
    }
}

/// Every run of whitespace (spaces, tabs, line ends) becomes one space; a run at either end is
/// kept as one space, because `word *em*` and `word*em*` are different words.
fn collapse_whitespace(s: &str, out: &mut String) {
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
}

/// One file of a page, as [`judge`] needs it.
#[derive(Clone, Debug)]
pub struct FileFacts<'a> {
    /// Language code.
    pub lang: &'a str,
    /// Standard or Easy read.
    pub form: Form,
    /// `draft: true` and drafts are not being built.
    pub draft: bool,
    /// Its `source_hash`, as written.
    pub stamp: Option<&'a str>,
    /// Its own current hash, when other variants may be made from it (default language).
    pub hash: Option<String>,
}

/// The state of each file of one page (in the order given): `Orphan` when its source does not
/// exist, `Draft` when it or its source is a draft, `Outdated` when its stamp differs from its
/// source's hash or its source is itself outdated (the chain standard → Easy read → Easy-read
/// translation), else `Current`. The default language's standard file is the source of all
/// and is always `Current`. `Missing` and `Fallback` are decided later, by the site.
pub fn judge(default: &str, files: &[FileFacts<'_>]) -> Vec<State> {
    fn state_of(default: &str, files: &[FileFacts<'_>], i: usize, depth: usize) -> State {
        let f = &files[i];
        let Some((lang, form)) = source_of(default, f.lang, f.form) else { return if f.draft { State::Draft } else { State::Current } };
        let Some(s) = files.iter().position(|g| g.lang == lang && g.form == form) else { return State::Orphan };
        // Two steps at most (standard → Easy read → translation); the bound only guards the recursion.
        let source_state = if depth < 4 { state_of(default, files, s, depth + 1) } else { State::Current };
        match source_state {
            State::Orphan => State::Orphan,
            State::Draft => State::Draft,
            _ if f.draft => State::Draft,
            State::Outdated => State::Outdated,
            _ if !files[s].hash.as_deref().is_some_and(|h| stamp_matches(f.stamp, h)) => State::Outdated,
            _ => State::Current,
        }
    }
    (0..files.len()).map(|i| state_of(default, files, i, 0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "## Who to call\n\nCall *111* at night. It is free\nand open all night.\n\nSee [the NHS](https://www.nhs.uk/) or ![a phone](phone.svg).\n";

    fn h(body: &str) -> String {
        source_hash("Help at night", Some("Who to call."), body)
    }

    #[test]
    fn versioned_and_short() {
        let hash = h(BODY);
        assert!(hash.starts_with("v1:"), "{hash}");
        assert_eq!(hash.len(), 3 + 12);
        assert!(hash[3..].chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_eq!(hash, h(BODY), "deterministic");
    }

    #[test]
    fn rewrapping_lines_changes_nothing() {
        let rewrapped = "## Who to call\n\nCall *111* at\nnight.   It is free and open\n   all night.\n\nSee [the NHS](https://www.nhs.uk/)\nor ![a phone](phone.svg).\n";
        assert_eq!(h(BODY), h(rewrapped));
        assert_eq!(h(BODY), h(&BODY.replace('\n', "\r\n").replace("\r\n", "\n")));
        let title_wrap = source_hash("Help  at night", Some("Who to\n call."), BODY);
        assert_eq!(h(BODY), title_wrap);
    }

    #[test]
    fn emphasis_markers_do_not_matter_but_emphasis_does() {
        assert_eq!(h(BODY), h(&BODY.replace("*111*", "_111_")));
        assert_eq!(h("**Strong** words.\n"), h("__Strong__ words.\n"));
        assert_ne!(h(BODY), h(&BODY.replace("*111*", "111")));
        assert_ne!(h(BODY), h(&BODY.replace("*111*", "**111**")));
    }

    #[test]
    fn reference_links_equal_inline_links() {
        assert_eq!(h("See [the NHS](https://www.nhs.uk/).\n"), h("See [the NHS][nhs].\n\n[nhs]: https://www.nhs.uk/\n"));
    }

    #[test]
    fn html_comments_are_ignored() {
        assert_eq!(h(BODY), h(&format!("<!-- translator: check the number -->\n\n{BODY}")));
        assert_eq!(h("Call 111 now.\n"), h("Call 111 <!-- note --> now.\n"));
        assert_eq!(h("Call 111.\n"), h("Call 111. <!-- note -->\n"));
        assert_ne!(h("Call 111.\n"), h("Call 111.<br>\n"));
        assert_eq!(h(BODY), h(&format!("{BODY}\n<!--\na comment\non lines\n-->\n")));
        assert_ne!(h(BODY), h(&format!("{BODY}\n<div>a box</div>\n")));
    }

    #[test]
    fn words_numbers_links_and_pictures_count() {
        let base = h(BODY);
        for (from, to) in [
            ("night.", "day."),
            ("111", "999"),
            ("https://www.nhs.uk/", "https://111.nhs.uk/"),
            ("phone.svg", "clock.svg"),
            ("a phone", "a clock"),
            ("## Who", "### Who"),
            ("free\nand", "free.\n\nAnd"),
        ] {
            assert_ne!(base, h(&BODY.replace(from, to)), "{from} → {to}");
        }
        assert_ne!(base, source_hash("Help at night", Some("Who to phone."), BODY));
        assert_ne!(base, source_hash("Help at nights", Some("Who to call."), BODY));
        assert_ne!(base, source_hash("Help at night", None, BODY));
        assert_ne!(h("a *b*\n"), h("a*b*\n"));
    }

    #[test]
    fn stamps_compare_loosely() {
        let hash = h(BODY);
        assert!(stamp_matches(Some(&hash), &hash));
        assert!(stamp_matches(Some(&format!(" {} ", hash.to_uppercase().replace("V1", "v1"))), &hash));
        assert!(!stamp_matches(None, &hash));
        assert!(!stamp_matches(Some("v1:000000000000"), &hash));
    }

    #[test]
    fn counts_words_of_text_not_markup() {
        assert_eq!(word_count("Help at night", Some("Who to call."), "Call [111](tel:111) at *night*.\n"), 3 + 3 + 4);
    }

    fn facts<'a>(lang: &'a str, form: Form, stamp: Option<&'a str>, hash: Option<&str>) -> FileFacts<'a> {
        FileFacts { lang, form, draft: false, stamp, hash: hash.map(str::to_string) }
    }

    #[test]
    fn staleness_chains_from_standard_to_easy_read_to_translation() {
        let files = [
            facts("en", Form::Standard, None, Some("v1:aaa")),
            facts("en", Form::Easy, Some("v1:old"), Some("v1:bbb")),
            facts("cy", Form::Easy, Some("v1:bbb"), None),
            facts("cy", Form::Standard, Some("v1:aaa"), None),
        ];
        assert_eq!(judge("en", &files), [State::Current, State::Outdated, State::Outdated, State::Current]);
        let mut files = files.to_vec();
        files[1].stamp = Some("v1:aaa");
        assert_eq!(judge("en", &files), [State::Current; 4]);
        files[3].stamp = None;
        assert_eq!(judge("en", &files)[3], State::Outdated);
    }

    #[test]
    fn orphans_and_drafts() {
        let mut files = vec![facts("en", Form::Easy, None, Some("v1:b")), facts("cy", Form::Easy, Some("v1:b"), None), facts("cy", Form::Standard, None, None)];
        assert_eq!(judge("en", &files), [State::Orphan; 3]);
        files.push(FileFacts { draft: true, ..facts("en", Form::Standard, None, Some("v1:a")) });
        files[0].stamp = Some("v1:a");
        assert_eq!(judge("en", &files), [State::Draft, State::Draft, State::Draft, State::Draft]);
        files[3].draft = false;
        files[1].draft = true;
        assert_eq!(judge("en", &files), [State::Current, State::Draft, State::Outdated, State::Current]);
    }
}
