//! What every language still needs: the state of each translation and Easy read version, the
//! coverage per language and form, by pages and by words, pages whose review is due, and the
//! readability of each page. `clearleaf status` prints it as text or JSON; [`html`] makes the
//! one-page report a manager can open, forward or print, which `build` also publishes when
//! `status_page: true` is set.
//!
//! It reads the states the site stage decided (the same ones `build` and `check` act on).

pub mod html;

use std::collections::HashMap;

use serde::Serialize;

use crate::checks::easy_read::Readability;
use crate::i18n::staleness::State;
use crate::site::Site;
use crate::translate::export::{self, Forms, Only};
use crate::variant::Form;

/// The whole status (SPEC §7, `status --format json`).
#[derive(Serialize)]
pub struct Document<'a> {
    /// The JSON document's version.
    pub version: u32,
    /// Pages with at least one variant (in the language asked for).
    pub pages: Vec<PageDoc<'a>>,
    /// One entry per language and form that is made from a source.
    pub coverage: Vec<Coverage<'a>>,
}

/// One page and its variants.
#[derive(Serialize)]
pub struct PageDoc<'a> {
    /// Its path inside `content/` ("" for the home page).
    pub page: &'a str,
    /// Its source file, when it exists.
    pub source: Option<&'a str>,
    /// Readability of the source page.
    pub readability: Option<Readability>,
    /// Its variants.
    pub variants: Vec<VariantDoc<'a>>,
}

/// One variant of a page.
#[derive(Serialize)]
pub struct VariantDoc<'a> {
    /// Language code.
    pub lang: &'a str,
    /// Standard or Easy read.
    pub form: Form,
    /// Current, outdated, missing, orphan, draft, not needed.
    pub state: State,
    /// Its file, when it exists.
    pub file: Option<&'a str>,
    /// Where it is published.
    pub url: Option<&'a str>,
    /// Readability of the variant's own text, when its file exists.
    pub readability: Option<Readability>,
    /// Words of the source it is made from: what there is to translate.
    #[serde(skip)]
    pub source_words: usize,
}

/// Coverage of one language and form.
#[derive(Serialize)]
pub struct Coverage<'a> {
    /// Language code.
    pub lang: &'a str,
    /// Standard or Easy read.
    pub form: Form,
    /// Current pages out of all that should exist.
    pub pages: Count,
    /// Current words (of their sources) out of all.
    pub words: Count,
    /// Words a translator would be paid for: those of missing pages and of outdated ones, as
    /// `clearleaf export` counts them. `null` for the default language's Easy read pages, which
    /// are written, not translated.
    pub words_to_translate: Option<usize>,
    /// The same, for each source file.
    #[serde(skip)]
    pub words_by_source: HashMap<String, usize>,
}

/// A part out of a whole.
#[derive(Serialize, Default, Clone, Copy)]
pub struct Count {
    /// Up to date.
    pub current: usize,
    /// All.
    pub total: usize,
}

impl Count {
    /// The part as a whole percentage, if there is a whole.
    pub fn percent(self) -> Option<usize> {
        (self.current * 100).checked_div(self.total)
    }
}

/// The readability of a page's variant, if its file is part of the site.
fn score(site: &Site, path: &str, lang: &str, form: Form) -> Option<Readability> {
    let page = &site.pages[site.page_at(path)?];
    page.variant(lang, form).map(crate::checks::easy_read::variant_readability)
}

/// Every language × form that is a variant (not the source itself); `lang` keeps one language.
pub fn columns<'a>(site: &'a Site, lang: Option<&str>) -> Vec<(&'a str, Form)> {
    let default = site.config.default_language.as_str();
    let mut out = Vec::new();
    for l in site.config.languages.iter().filter(|l| lang.is_none_or(|x| x == l.code)) {
        for form in [Form::Standard, Form::Easy] {
            if !(l.code == default && form == Form::Standard) {
                out.push((l.code.as_str(), form));
            }
        }
    }
    out
}

/// The status of `site`, limited to `lang` when given.
pub fn document<'a>(site: &'a Site, lang: Option<&str>) -> Document<'a> {
    let pages: Vec<PageDoc<'_>> = site
        .status
        .iter()
        .map(|p| PageDoc {
            page: &p.path,
            source: p.source.as_deref(),
            readability: score(site, &p.path, &site.config.default_language, Form::Standard),
            variants: p
                .variants
                .iter()
                .filter(|v| lang.is_none_or(|l| l == v.lang))
                .map(|v| VariantDoc {
                    lang: &v.lang,
                    form: v.form,
                    state: v.state,
                    file: v.file.as_deref(),
                    url: v.url.as_deref(),
                    readability: score(site, &p.path, &v.lang, v.form),
                    source_words: v.source_words,
                })
                .collect(),
        })
        .filter(|p| !p.variants.is_empty())
        .collect();
    let coverage = columns(site, lang)
        .into_iter()
        .map(|(lang, form)| {
            let (mut pages, mut words) = (Count::default(), Count::default());
            for v in site.status.iter().flat_map(|p| &p.variants).filter(|v| v.lang == lang && v.form == form && !matches!(v.state, State::Orphan | State::NotNeeded)) {
                pages.total += 1;
                words.total += v.source_words;
                if v.state == State::Current {
                    pages.current += 1;
                    words.current += v.source_words;
                }
            }
            let forms = if form == Form::Easy { Forms::Easy } else { Forms::Standard };
            let quote = (lang != site.config.default_language).then(|| export::document(site, lang, forms, Only::All));
            let words_by_source = quote.iter().flat_map(|doc| &doc.units).map(|u| (format!("{}/{}", crate::load::CONTENT_DIR, u.file), u.words_to_translate())).collect();
            Coverage { lang, form, pages, words, words_to_translate: quote.map(|doc| doc.words_to_translate()), words_by_source }
        })
        .collect();
    Document { version: 1, pages, coverage }
}
