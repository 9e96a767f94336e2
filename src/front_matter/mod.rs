//! Stage 2: split the YAML front matter from the markdown and type it. Malformed YAML, wrong
//! types and a missing title are errors with file, line and column; unknown keys are warnings
//! with a suggestion, because a typo must not stop a leaflet from being published.
//!
//! Most markdown written elsewhere starts with `# Title` and has no front matter. A page whose
//! body starts with a level-1 heading takes it as its title when the front matter has none, and
//! the heading is not rendered a second time when it is the title. Front matter is optional
//! then; a page with neither a title nor a leading heading is refused.

mod edit;

pub use edit::set_key;

use jiff::civil::Date;
use serde::Deserialize;

use crate::error::{Diagnostic, did_you_mean};
use crate::finding::{Finding, Severity};
use crate::rules;
use crate::text::has_visible_text;
use crate::yaml;

/// The keys a page may have (SPEC §3).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct FrontMatter {
    /// Page title (required).
    pub title: Option<String>,
    /// Meta description.
    pub description: Option<String>,
    /// Publication date.
    pub date: Option<Date>,
    /// Last clinical or content review.
    pub reviewed: Option<Date>,
    /// After this date the page gets CONTENT-REVIEW-DUE.
    pub review_due: Option<Date>,
    /// Left out of the build unless `--drafts`.
    pub draft: bool,
    /// Order within its section (lower first).
    pub weight: Option<i64>,
    /// Outdated variants of this page fall back to it.
    pub critical: bool,
    /// On variants: the hash of the source they were made from.
    pub source_hash: Option<String>,
    /// Easy read: who checked it with readers.
    pub checked_by: Option<String>,
    /// Easy read: when.
    pub checked_on: Option<Date>,
    /// Which languages the page is meant to be translated into.
    pub translate: Translate,
    /// `pdf: false`: no PDF leaflet of this page (on a source page, of its translations
    /// either, unless one says `pdf: true`).
    pub pdf: Option<bool>,
}

/// `translate:` on a source page: whether it is meant to be translated, and into which
/// languages. A page that is not meant for a language gets no TRANSLATION-MISSING there, and
/// readers of that language get it with no "not translated yet" notice.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Translate {
    /// `translate: true`, or no key: into every language of the site.
    #[default]
    All,
    /// `translate: false`: into none (a page about the English service only, say).
    None,
    /// `translate: [cy, pl]`: into these.
    Only(Vec<String>),
}

impl Translate {
    /// Whether the page is meant to be translated into `lang`.
    pub fn wants(&self, lang: &str) -> bool {
        match self {
            Translate::All => true,
            Translate::None => false,
            Translate::Only(langs) => langs.iter().any(|l| l == lang),
        }
    }
}

impl<'de> Deserialize<'de> for Translate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Translate;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("true, false, or a list of language codes like [cy, pl]")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Translate, E> {
                Ok(if v { Translate::All } else { Translate::None })
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Translate, A::Error> {
                let mut langs = Vec::new();
                while let Some(l) = seq.next_element::<String>()? {
                    langs.push(l);
                }
                Ok(Translate::Only(langs))
            }
        }
        d.deserialize_any(Visitor)
    }
}

const KEYS: &[&str] = &["title", "description", "date", "reviewed", "review_due", "draft", "weight", "critical", "source_hash", "checked_by", "checked_on", "translate", "pdf"];

/// A page split into typed front matter and markdown body.
#[derive(Clone, Debug)]
pub struct Parsed {
    /// The typed front matter; `title` is guaranteed to be present and not blank.
    pub front: FrontMatter,
    /// Byte offset in the file text where the markdown body starts (after the front matter).
    /// Source hashes are taken from here, so a leading title heading counts.
    pub body_start: usize,
    /// 1-based line of the file on which the body starts.
    pub body_line: usize,
    /// Byte offset where the content to render starts: after a leading `# Title` that is the
    /// page's title, else `body_start`.
    pub content_start: usize,
    /// 1-based line of `content_start`.
    pub content_line: usize,
    /// FRONT-MATTER-UNKNOWN-KEY warnings.
    pub findings: Vec<Finding>,
}

/// The YAML between the opening and closing `---` lines, and where the body starts.
struct Split<'a> {
    yaml: &'a str,
    body_start: usize,
    body_line: usize,
}

fn split<'a>(rel: &str, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::new(rel, "this file is empty").at_line(1).hint("A page starts with front matter: a line ---, then title: Your title, then another line ---, then the text."));
    }
    let Some(rest) = text.strip_prefix("---\n").or_else(|| (text.trim_end() == "---").then_some("")) else {
        // No front matter: the page is all body, and its title may come from a leading heading.
        return Ok(Split { yaml: "", body_start: 0, body_line: 1 });
    };
    let mut offset = 4;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        let bare = line.trim_end_matches('\n').trim_end();
        if bare == "---" || bare == "..." {
            return Ok(Split { yaml: &rest[..offset - 4], body_start: (offset + line.len()).min(text.len()), body_line: i + 3 });
        }
        offset += line.len();
    }
    Err(Diagnostic::new(rel, "the front matter is never closed").at(1, 1).hint("Add a line with only --- after the last front matter line (title, description …) and before the text."))
}

/// Splits and types the front matter of `text` (the whole file, already decoded).
pub fn parse(rel: &str, text: &str) -> Result<Parsed, Diagnostic> {
    let s = split(rel, text)?;
    let (mut front, unknown): (FrontMatter, _) = yaml::parse(s.yaml).map_err(|e| {
        let mut d = Diagnostic::new(rel, e.message).hint(e.hint);
        // +1: the YAML starts on the line after the opening `---`.
        d.line = Some(e.line.map_or(1, |l| l + 1));
        d.column = e.column;
        d
    })?;
    let (mut content_start, mut content_line) = (s.body_start, s.body_line);
    if let Some(heading) = leading_title_heading(&text[s.body_start..]) {
        let is_title = match front.title.as_deref() {
            None => {
                front.title = Some(heading.text);
                true
            }
            Some(title) => same_words(title, &heading.text),
        };
        if is_title {
            let skipped = &text[s.body_start..s.body_start + heading.end];
            content_start += heading.end;
            content_line += skipped.matches('\n').count();
        }
    }
    match front.title.as_deref() {
        None if s.yaml.is_empty() && !text.starts_with("---") => {
            return Err(Diagnostic::new(rel, "this page has no title").at(1, 1).hint(
                "Start the page with its title as a heading, like `# Getting help out of hours`, or with front matter: a line ---, then title: Getting help out of hours, then another line ---.",
            ));
        }
        None => {
            // +1: the YAML starts on the line after the opening `---`.
            if let Some(line) = yaml::key_line(s.yaml, "title") {
                return Err(Diagnostic::new(rel, "the title of this page is empty")
                    .at_line(line + 1)
                    .hint("Write the title after `title:` on the same line, like `title: Getting help out of hours`."));
            }
            if let Some(typo) = unknown.iter().find(|k| did_you_mean(&k.path, ["title"]).is_some()) {
                return Err(Diagnostic::new(rel, format!("this page has no title: did you mean `title` instead of `{}`?", typo.path))
                    .at_line(typo.line.map_or(1, |l| l + 1))
                    .hint(format!("Change `{}:` to `title:`.", typo.path)));
            }
            return Err(Diagnostic::new(rel, "this page has no title")
                .at(1, 1)
                .hint("Add a line like `title: Getting help out of hours` between the --- lines at the top, or start the text with `# Getting help out of hours`."));
        }
        Some(t) if !has_visible_text(t) => {
            // +1: the YAML starts on the line after the opening `---`.
            let line = yaml::key_line(s.yaml, "title").map_or(1, |l| l + 1);
            return Err(Diagnostic::new(rel, "the title of this page is blank: it has no letters or other visible characters")
                .at_line(line)
                .hint("Write the title in words, like `title: Getting help out of hours`. Invisible characters (spaces, zero-width spaces) do not count."));
        }
        Some(_) => {}
    }
    let findings = unknown
        .into_iter()
        .map(|k| {
            let line = k.line.map(|l| l + 1);
            let help = match did_you_mean(&k.path, KEYS.iter().copied()) {
                Some(s) => format!("Did you mean `{s}`? Unknown keys are ignored."),
                None => format!("Remove it: it is ignored. The keys a page can have are: {}.", KEYS.join(", ")),
            };
            Finding::new(&rules::FRONT_MATTER_UNKNOWN_KEY, Severity::Warning, rel, format!("The front matter key `{}` is not one clearleaf knows.", k.path)).maybe_line(line).help(help)
        })
        .collect();
    Ok(Parsed { front, body_start: s.body_start, body_line: s.body_line, content_start, content_line, findings })
}

/// A level-1 heading that is the first block of a page's body.
struct TitleHeading {
    /// Its text, without markup.
    text: String,
    /// Byte offset in the body where the heading ends.
    end: usize,
}

fn leading_title_heading(body: &str) -> Option<TitleHeading> {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    // Only the first block can be the title: parsing just it keeps the page to one full parse
    // (the renderer's). A heading is one line, or a paragraph underlined with `===`, so the
    // first block ends at the first blank line.
    let start = body.len() - body.trim_start_matches(['\n', ' ', '\t']).len();
    let first_block = body[start..].find("\n\n").map_or(body, |end| &body[..start + end + 1]);
    let mut events = Parser::new_ext(first_block, crate::markdown::options()).into_offset_iter();
    let (Event::Start(Tag::Heading { level: HeadingLevel::H1, .. }), range) = events.next()? else { return None };
    let mut text = String::new();
    for (event, _) in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Heading(_)) => break,
            _ => {}
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    has_visible_text(&text).then_some(TitleHeading { text, end: range.end })
}

/// Whether a heading says the same as the title, ignoring case, spacing and end punctuation.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| s.split_whitespace().map(|w| w.trim_end_matches(['.', ':', '!', '?']).to_lowercase()).collect::<Vec<_>>();
    words(a) == words(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_or_empty_title_is_reported_at_its_line() {
        let e = parse("content/a.md", "---\ndescription: x\ntitel: Help\n---\nText.\n").unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (Some(3), "this page has no title: did you mean `title` instead of `titel`?"));
        let e = parse("content/a.md", "---\ndescription: x\ntitle:\n---\nText.\n").unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (Some(3), "the title of this page is empty"));
    }

    #[test]
    fn a_leading_heading_is_the_title() {
        // No front matter: the heading is the title, and the content starts after it.
        let text = "# Getting *help*\n\nCall 111.\n";
        let p = parse("a.md", text).unwrap();
        assert_eq!(p.front.title.as_deref(), Some("Getting help"));
        assert_eq!((&text[p.content_start..], p.content_line), ("\nCall 111.\n", 2));
        assert_eq!(p.body_start, 0);
        // The same heading under a title: dropped, however it is spaced or capitalised.
        let text = "---\ntitle: Getting help\n---\n#  getting HELP\nCall 111.\n";
        let p = parse("a.md", text).unwrap();
        assert_eq!((&text[p.content_start..], p.content_line), ("Call 111.\n", 5));
        // A different heading stays in the content (the page then has two level-1 headings).
        let text = "---\ntitle: Getting help\n---\n# Something else\n";
        let p = parse("a.md", text).unwrap();
        assert_eq!((p.content_start, p.content_line), (p.body_start, p.body_line));
        assert_eq!(p.front.title.as_deref(), Some("Getting help"));
        // A heading after other text is not the title.
        let d = parse("a.md", "Call 111.\n\n# Getting help\n").unwrap_err();
        assert_eq!((d.message.as_str(), d.line), ("this page has no title", Some(1)));
        assert!(d.hint.unwrap().contains("# Getting help out of hours"));
    }

    #[test]
    fn splits_and_types() {
        let text = "---\ntitle: Help\ndate: 2026-03-01\nweight: 3\ncritical: true\n---\n# Body\n";
        let p = parse("a.md", text).unwrap();
        assert_eq!(p.front.title.as_deref(), Some("Help"));
        assert_eq!(p.front.date, Some(jiff::civil::date(2026, 3, 1)));
        assert_eq!(p.front.weight, Some(3));
        assert!(p.front.critical);
        assert_eq!(&text[p.body_start..], "# Body\n");
        assert_eq!(p.body_line, 7);
    }

    #[test]
    fn yaml_errors_point_at_the_file_line() {
        let d = parse("a.md", "---\ntitle: Help\nweight: ten\n---\n").unwrap_err();
        assert_eq!(d.line, Some(3));
        let d = parse("a.md", "---\ntitle: Help\ndate: 2026-13-45\n---\n").unwrap_err();
        assert_eq!(d.line, Some(3), "{d}");
    }

    #[test]
    fn missing_title_unclosed_and_empty() {
        assert!(parse("a.md", "---\ndescription: x\n---\n").unwrap_err().message.contains("no title"));
        assert!(parse("a.md", "---\ntitle: x\n").unwrap_err().message.contains("never closed"));
        assert!(parse("a.md", "").unwrap_err().message.contains("empty"));
        assert!(parse("a.md", "Hello\n").unwrap_err().message.contains("no title"));
    }

    #[test]
    fn an_invisible_title_is_an_error_at_its_line() {
        for blank in ["\"\\u200b\"", "\"\\u200b\\u2060\\u00ad \"", "\"\\u3000\"", "\"\\u200e\\ufeff\""] {
            let d = parse("a.md", &format!("---\ndescription: x\ntitle: {blank}\n---\n")).unwrap_err();
            assert!(d.message.contains("blank"), "{blank}: {d}");
            assert_eq!(d.line, Some(3), "{blank}");
        }
        for visible in ["A", "\"\\u200bHelp\"", "مدد", "\"?\"", "★"] {
            assert!(parse("a.md", &format!("---\ntitle: {visible}\n---\n")).is_ok(), "{visible}");
        }
    }

    #[test]
    fn unknown_keys_warn_with_suggestion() {
        let p = parse("a.md", "---\ntitle: A\ntitel: B\n---\n").unwrap();
        assert_eq!(p.findings.len(), 1);
        assert_eq!(p.findings[0].line, Some(3));
        assert!(p.findings[0].help.contains("`title`"));
    }
}
