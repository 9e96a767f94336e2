//! Easy-read (ER-*) and plain-language (PL-*) checks (`notes/a11y-easyread-spec.md` §2.1, §3).
//!
//! - [`segment`] splits text into sentences and words (§3.3);
//! - [`syllables`] and [`readability`] score them.

pub mod readability;
pub mod segment;
pub mod syllables;

pub use readability::{Formula, Readability};

/// The readability of text blocks in `lang` (each block ends a sentence), counted as the
/// checks count (§3.3). A text without words scores 0.
pub fn readability<S: AsRef<str>>(blocks: &[S], lang: &str) -> Readability {
    let lexicons = crate::checks::lexicon::builtin();
    let no = Vec::new();
    let abbreviations = crate::checks::lexicon::for_lang(&lexicons, lang).map_or(&no, |l| &l.abbreviations);
    let english = readability::is_english(lang);
    let mut counts = readability::Counts::default();
    for b in blocks {
        let b = b.as_ref();
        for s in segment::sentences(b, abbreviations) {
            counts.add_sentence(&b[s.range], english);
        }
    }
    counts.score(lang).unwrap_or(Readability {
        formula: if english { Formula::FleschReadingEase } else { Formula::Lix },
        score: 0.0,
        grade: english.then_some(0.0),
        words: 0,
        sentences: 0,
        relative_only: readability::is_arabic_script(lang),
    })
}

/// The text blocks of a markdown body (headings, paragraphs, list items, table cells …),
/// without code, pictures' alt text or link addresses.
pub fn markdown_blocks(markdown: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut skip = 0usize;
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        let t = crate::checks::a11y::dom::collapse(cur);
        if t.chars().any(char::is_alphanumeric) {
            out.push(t);
        }
        cur.clear();
    };
    for ev in Parser::new_ext(markdown, crate::markdown::options()) {
        match ev {
            Event::Start(Tag::Image { .. } | Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)) => skip += 1,
            Event::End(TagEnd::Image | TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)) => skip = skip.saturating_sub(1),
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableCell | Tag::FootnoteDefinition(_))
            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell | TagEnd::FootnoteDefinition) => flush(&mut cur, &mut out),
            Event::Text(t) if skip == 0 => cur.push_str(&t),
            Event::SoftBreak | Event::HardBreak => cur.push(' '),
            Event::Code(_) => cur.push(' '),
            _ => {}
        }
    }
    flush(&mut cur, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readability_of_blocks() {
        let r = readability(&["The cat sat on the mat.", "It was happy."], "en");
        assert_eq!((r.formula, r.words, r.sentences), (Formula::FleschReadingEase, 9, 2));
        assert!(r.score > 100.0, "{r:?}");
        let r = readability(&["Mae'r meddyg yn gweithio mewn meddygfa."], "cy");
        assert_eq!((r.formula, r.words, r.sentences, r.relative_only), (Formula::Lix, 6, 1, false));
        assert!(readability(&["آپ کا ڈاکٹر ایک کلینک میں کام کرتا ہے۔"], "ur").relative_only);
        assert_eq!(readability::<&str>(&[], "en").score, 0.0);
    }
}
