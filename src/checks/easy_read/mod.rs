//! Easy-read (ER-*) and plain-language (PL-*) checks (`notes/a11y-easyread-spec.md` §2.1, §3).
//!
//! - [`text`] takes the words of `<main>` out of the final HTML (the parse the accessibility
//!   checks already made), block by block, with each block's markdown line;
//! - [`segment`] splits them into sentences and words (§3.3);
//! - [`syllables`] and [`readability`] score them;
//! - [`rules`] are the checks on the text and on the content's elements;
//! - [`theme`] checks the theme's stylesheet for Easy-read typography, once per build.
//!
//! The glossaries are read here once per build ([`Shared`]); explaining their words on a page
//! is the markdown stage's work (`markdown::glossary`). The pipeline calls [`check_page`] (through `checks::check_page`) on every page, and [`check_site`] and
//! [`check_theme`] once after all pages. [`readability`] and [`variant_readability`] are the
//! scores `clearleaf status` shows.

pub mod readability;
pub mod rules;
pub mod segment;
pub mod syllables;
pub mod text;
pub mod theme;

use std::collections::HashMap;

use crate::checks::a11y::Doc;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use crate::i18n::Locales;
use crate::site::{Shows, Site, Target, Variant};
use crate::variant::Form;

use crate::markdown::glossary::{self, Glossary};
pub use readability::{Formula, Readability};

/// What the Easy-read checks load once per build and share between rendering threads.
pub struct Shared {
    /// Glossaries by language.
    pub glossaries: HashMap<String, Glossary>,
    /// What the theme's stylesheets do to Easy-read pages.
    pub theme: theme::Facts,
}

impl Shared {
    /// Reads every site language's `glossary.yaml` (built-in or the site's own) and the theme's
    /// stylesheets. A glossary that is not valid YAML is an input error.
    pub fn load(config: &Config, locales: &Locales, theme_css: &[crate::checks::css::Sheet]) -> Result<Shared> {
        let mut glossaries = HashMap::new();
        let mut problems = Vec::new();
        for lang in &config.languages {
            // The built-in glossary, then the site's: its entries win, and one written as
            // `word: null` takes a built-in word out.
            let mut layers = Vec::new();
            for (shown, bytes) in locales.files(&lang.code, "glossary.yaml") {
                let text = match crate::text::decode_text(shown, bytes.to_vec()) {
                    Ok(t) => t,
                    Err(Error::Input(d)) => {
                        problems.extend(d);
                        continue;
                    }
                    Err(e) => return Err(e),
                };
                match glossary::Layer::parse(shown, &text) {
                    Ok(layer) => layers.push(layer),
                    Err(d) => problems.push(d),
                }
            }
            if !layers.is_empty() {
                glossaries.insert(lang.code.clone(), Glossary::merge(layers));
            }
        }
        if !problems.is_empty() {
            return Err(Error::Input(problems));
        }
        Ok(Shared { glossaries, theme: theme::Facts::read(theme_css, &config.easy_read) })
    }

    /// The glossary of `lang` (or of its primary subtag).
    pub fn glossary(&self, lang: &str) -> Option<&Glossary> {
        self.glossaries.get(lang).or_else(|| self.glossaries.get(lang.split('-').next().unwrap_or(lang)))
    }
}

/// A page's score, handed to the site-wide pass.
#[derive(Clone, Debug, Default)]
pub struct PageScore {
    /// Index of the page in the site.
    pub page: usize,
    /// The content's language.
    pub content_lang: String,
    /// Whether the URL shows its own variant (not a fallback).
    pub own: bool,
    /// The content file.
    pub file: String,
    /// The page's URL and language (of the reader).
    pub url: String,
    /// The reader's language.
    pub lang: String,
    /// The score, if the page has words.
    pub readability: Option<Readability>,
}

/// The ER-* (Easy-read pages) and PL-* (standard pages) rules on one page's parsed final HTML.
/// A fallback page (another page's content at a translation's address) is not checked again:
/// its content is checked on its own page.
pub fn check_page(doc: &Doc, site: &Site, target: &Target, shared: &Shared) -> (Vec<Finding>, PageScore) {
    let variant = site.content(target);
    let lang = variant.lang.as_str();
    if target.shows != Shows::Own {
        let score = PageScore { page: target.page, content_lang: lang.to_string(), own: false, file: variant.file.clone(), url: target.url.clone(), lang: target.lang.clone(), readability: None };
        return (Vec::new(), score);
    }
    let glossary = shared.glossary(lang);
    let title_line = variant.key_line("title");
    let ctx = rules::Ctx {
        lang,
        form: target.form,
        settings: &site.config.easy_read,
        lexicon: crate::checks::lexicon::for_lang(lang),
        glossary,
        title_line,
        // A generated home page has no one's words to check with readers.
        checked: variant.generated || variant.front.checked_by.as_deref().is_some_and(|s| !s.trim().is_empty()) && variant.front.checked_on.is_some(),
        theme_unitalicises_em: shared.theme.unitalicises_em,
    };
    let blocks = text::blocks(doc);
    let (mut hits, score) = rules::run(&blocks, &ctx);
    if target.form == Form::Easy {
        hits.extend(rules::element_rules(doc, &ctx));
        hits.extend(rules::glossary_missing(&blocks, glossary, doc, title_line));
    }
    let findings = hits.into_iter().map(|h| Finding::new(h.rule, h.severity, &variant.file, h.message).maybe_line(h.line).help(h.help).page(&target.url, &target.lang, target.form)).collect();
    let score = PageScore {
        page: target.page,
        content_lang: lang.to_string(),
        own: target.shows == Shows::Own,
        file: variant.file.clone(),
        url: target.url.clone(),
        lang: target.lang.clone(),
        readability: score,
    };
    (findings, score)
}

/// ER-READABILITY across variants: an Easy-read page must score easier than the standard page
/// in the same language. This is the only readability check for Arabic-script languages.
pub fn check_site(site: &Site, scores: &[(Form, &PageScore)]) -> Vec<Finding> {
    let mut standard: HashMap<(usize, &str), &PageScore> = HashMap::new();
    for (form, s) in scores {
        if *form == Form::Standard && s.own {
            standard.insert((s.page, s.content_lang.as_str()), s);
        }
    }
    let mut out = Vec::new();
    for (form, easy) in scores {
        if *form != Form::Easy || !easy.own {
            continue;
        }
        let (Some(e), Some(std)) = (&easy.readability, standard.get(&(easy.page, easy.content_lang.as_str())).and_then(|s| s.readability.as_ref())) else { continue };
        let min = site.config.easy_read.readability_min_words;
        if e.words < min || std.words < min || e.easier_than(std) {
            continue;
        }
        let direction = if e.formula.higher_is_easier() { "higher" } else { "lower" };
        out.push(
            Finding::new(
                &crate::rules::ER_READABILITY,
                Severity::Warning,
                &easy.file,
                format!(
                    "This Easy read page is not easier to read than its standard version: it scores {:.1} on {}, the standard page {:.1} ({direction} is easier).",
                    e.score,
                    e.formula.label(),
                    std.score
                ),
            )
            .line(1)
            .help("Use shorter sentences and everyday words than the standard page does: one idea in each sentence, with a picture beside it.")
            .page(&easy.url, &easy.lang, Form::Easy),
        );
    }
    out
}

/// The Easy-read typography checks on the theme's stylesheets (once per build, only if the
/// site has Easy-read pages).
pub fn check_theme(site: &Site, shared: &Shared) -> Vec<Finding> {
    if !site.targets.iter().any(|t| t.form == Form::Easy) {
        return Vec::new();
    }
    shared.theme.findings.clone()
}

/// The readability of text blocks in `lang` (each block ends a sentence), counted as the
/// checks count (§3.3). A text without words scores 0.
pub fn readability<S: AsRef<str>>(blocks: &[S], lang: &str) -> Readability {
    let no = Vec::new();
    let abbreviations = crate::checks::lexicon::for_lang(lang).map_or(&no, |l| &l.abbreviations);
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

/// A variant's readability from its title and markdown (for `clearleaf status`). The build's
/// checks score the final HTML instead; the two agree except for raw HTML in the markdown.
pub fn variant_readability(variant: &Variant) -> Readability {
    let mut blocks = vec![variant.title().to_string()];
    blocks.extend(markdown_blocks(variant.content()));
    readability(&blocks, &variant.lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readability_of_blocks_and_markdown() {
        let r = readability(&["The cat sat on the mat.", "It was happy."], "en");
        assert_eq!((r.formula, r.words, r.sentences), (Formula::FleschReadingEase, 9, 2));
        assert!(r.score > 100.0, "{r:?}");
        let r = readability(&["Mae'r meddyg yn gweithio mewn meddygfa."], "cy");
        assert_eq!((r.formula, r.words, r.sentences, r.relative_only), (Formula::Lix, 6, 1, false));
        assert!(readability(&["آپ کا ڈاکٹر ایک کلینک میں کام کرتا ہے۔"], "ur").relative_only);
        assert_eq!(readability::<&str>(&[], "en").score, 0.0);
        let blocks = markdown_blocks("## Help\n\n![A phone](p.svg) Call **111**. It is [free](x.md).\n\n```\ncode here\n```\n\n- One\n- Two\n");
        assert_eq!(blocks, ["Help", "Call 111. It is free.", "One", "Two"]);
        let json = serde_json::to_value(readability(&["Call 111 today."], "en")).unwrap();
        assert_eq!(json["formula"], "flesch-reading-ease");
        assert!(json.get("relative_only").is_none());
    }
}
