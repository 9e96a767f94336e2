//! Raw HTML written in markdown, read with html5ever's tokenizer: the one the sanitiser uses and
//! the one browsers follow. Reading it as a browser would is what keeps it safe and private:
//!
//! - a start tag over several lines stays one tag, and gets the source line of its `<`;
//! - comments, doctypes and CDATA sections go whole, so an editor's note is never published;
//! - `<script>`, `<style>` and the other raw-text elements go with everything inside them, so
//!   their content can never turn into page text or hide a tag from us;
//! - attributes in clearleaf's own `data-cl-` namespace are dropped: only the renderer writes
//!   them, so an author cannot forge the source-line marker the checks and the writer rely on.
//!
//! What comes out is re-serialised from the tokens (names lower-cased, values quoted and
//! escaped), so every tag in it is well formed. The sanitiser cleans it afterwards.

use std::cell::{Cell, RefCell};

use html5ever::LocalName;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};

use super::{escape_attr, escape_text};
use crate::line_marker::LINE_ATTR;

/// The prefix of every attribute clearleaf itself writes.
const INTERNAL_PREFIX: &str = "data-cl-";

/// Elements whose content HTML parsers read as text up to their end tag, and how. All of them
/// are removed with their content by the sanitiser, so they are dropped here already.
pub(super) fn raw_text_kind(name: &str) -> Option<TokenSinkResult<()>> {
    Some(match name {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => TokenSinkResult::RawData(RawKind::Rawtext),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => return None,
    })
}

/// Re-writes one piece of raw HTML (a whole HTML block, or one inline tag) that starts on
/// `first_line` of the file: every start tag carries its source line in [`LINE_ATTR`].
pub fn rewrite(raw: &str, first_line: usize) -> String {
    let sink = Sink { first_line, out: RefCell::new(String::with_capacity(raw.len() + 32)), ..Sink::default() };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(raw.into());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.out.into_inner()
}

#[derive(Default)]
struct Sink {
    first_line: usize,
    out: RefCell<String>,
    /// The tokenizer's line when it emitted the previous token, which is where the next tag's
    /// `<` is: text before a tag is emitted before it, newlines included.
    line: Cell<u64>,
    /// Inside a raw-text element being dropped: its name.
    skipping: RefCell<Option<LocalName>>,
    /// After `<plaintext>` nothing ends the element.
    plaintext: Cell<bool>,
    /// The tokenizer just asked whether `<![CDATA[` may start a CDATA section: the next
    /// character token, if any, is that section's content.
    cdata_next: Cell<bool>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<()> {
        let tag_line = self.line.replace(line_number).max(1);
        let cdata_content = self.cdata_next.replace(false) && matches!(token, Token::CharacterTokens(_));
        if self.plaintext.get() || cdata_content {
            return TokenSinkResult::Continue;
        }
        if let Some(name) = &*self.skipping.borrow()
            && !matches!(&token, Token::TagToken(t) if t.kind == TagKind::EndTag && t.name == *name)
        {
            return TokenSinkResult::Continue;
        }
        let mut out = self.out.borrow_mut();
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                if let Some(result) = raw_text_kind(&tag.name) {
                    if matches!(result, TokenSinkResult::Plaintext) {
                        self.plaintext.set(true);
                    }
                    *self.skipping.borrow_mut() = Some(tag.name);
                    return result;
                }
                out.push('<');
                out.push_str(&tag.name);
                for attr in tag.attrs.iter().filter(|a| !a.name.local.starts_with(INTERNAL_PREFIX)) {
                    out.push(' ');
                    out.push_str(&attr.name.local);
                    out.push_str("=\"");
                    escape_attr(&attr.value, &mut out);
                    out.push('"');
                }
                let line = self.first_line + tag_line as usize - 1;
                out.push_str(&format!(" {LINE_ATTR}=\"{line}\">"));
            }
            Token::TagToken(tag) => {
                if self.skipping.borrow_mut().take().is_none() {
                    out.push_str("</");
                    out.push_str(&tag.name);
                    out.push('>');
                }
            }
            Token::CharacterTokens(text) => escape_text(&text, &mut out),
            Token::NullCharacterToken => out.push('\u{FFFD}'),
            Token::CommentToken(_) | Token::DoctypeToken(_) | Token::EOFToken | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }

    /// Answering yes lets `<![CDATA[ … ]]>` be read as one section ending at `]]>`, as
    /// CommonMark's HTML blocks end, rather than as a comment ending at the first `>` with the
    /// rest shown as text. Its content is then dropped like a comment's.
    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.cdata_next.set(true);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    #[test]
    fn marks_each_start_tag_with_the_line_of_its_opening_bracket() {
        assert_eq!(rewrite("<div>\n<img\n src=x\n alt=\"a\">\n</div><br/>", 7), "<div data-cl-line=\"7\">\n<img src=\"x\" alt=\"a\" data-cl-line=\"8\">\n</div><br data-cl-line=\"11\">");
    }

    #[test]
    fn drops_comments_cdata_and_raw_text_elements_whole() {
        let block = "<div>\n<!-- private note\n<img src=x onerror=alert(1)>\n-->\n<script>\nalert('<p>')\n</script>\n<style>\np { color: red }\n</style>\n<![CDATA[\nx > y <b>\n]]>\n<p>kept</p></div>";
        let out = rewrite(block, 1);
        for gone in ["private", "onerror", "alert", "color", "x &gt; y", "<b", "]]"] {
            assert!(!out.contains(gone), "{gone} in {out}");
        }
        assert!(out.contains("<p data-cl-line=\"14\">kept</p>"), "{out}");
    }

    #[test]
    fn an_author_cannot_write_clearleafs_own_attributes() {
        let out = rewrite("<img alt=\"a b\" data-cl-line='\"a b\"onerror=alert(1)//' DATA-CL-X=1 src=/p.png>", 3);
        assert_eq!(out, "<img alt=\"a b\" src=\"/p.png\" data-cl-line=\"3\">");
    }

    #[test]
    fn reads_tags_as_browsers_do() {
        // `--!>` ends a comment; a form feed separates attributes; tags in attribute values are text.
        assert_eq!(rewrite("<!-- x --!><b>y</b>", 1), "<b data-cl-line=\"1\">y</b>");
        assert_eq!(rewrite("<img\x0csrc=a alt=b>", 1), "<img src=\"a\" alt=\"b\" data-cl-line=\"1\">");
        assert_eq!(rewrite("<a href=\"<div>\">é &amp; <</a>", 1), "<a href=\"&lt;div&gt;\" data-cl-line=\"1\">é &amp; &lt;</a>");
        // An unclosed raw-text element takes the rest of its piece only.
        assert_eq!(rewrite("<textarea><p>x</p>", 1), "");
        // A tag cut off at the end is not a tag.
        assert_eq!(rewrite("<p>a</p><img src=\"x", 1), "<p data-cl-line=\"1\">a</p>");
    }
}
