//! `clearleaf status`: the state of every translation and Easy read version, per page, and the
//! coverage per language and form, by pages and by words. It reads the states the site stage
//! decided (the same ones `build` and `check` act on) and writes nothing. It always exits 0 for
//! a valid site: staleness is reported, and `build` (or `check`) is the gate.

use std::fmt::Write;
use std::path::Path;

use serde::Serialize;

use crate::checks::easy_read::Readability;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::i18n::staleness::State;
use crate::site::{self, Site};
use crate::translate::export::{self, Forms, Only};
use crate::variant::Form;

/// Output formats of `status`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFormat {
    /// A table per page, then coverage lines.
    Text,
    /// One JSON document (SPEC §7).
    Json,
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    pages: Vec<PageDoc<'a>>,
    coverage: Vec<Coverage<'a>>,
}

#[derive(Serialize)]
struct PageDoc<'a> {
    page: &'a str,
    source: Option<&'a str>,
    /// Readability of the source page.
    readability: Option<Readability>,
    variants: Vec<VariantDoc<'a>>,
}

#[derive(Serialize)]
struct VariantDoc<'a> {
    lang: &'a str,
    form: Form,
    state: State,
    file: Option<&'a str>,
    url: Option<&'a str>,
    /// Readability of the variant's own text, when its file exists.
    readability: Option<Readability>,
}

#[derive(Serialize)]
struct Coverage<'a> {
    lang: &'a str,
    form: Form,
    pages: Count,
    words: Count,
    /// Words a translator would be paid for: those of missing pages and of outdated ones, as
    /// `clearleaf export` counts them. `null` for the default language's Easy read pages, which
    /// are written, not translated.
    words_to_translate: Option<usize>,
}

#[derive(Serialize, Default, Clone, Copy)]
struct Count {
    current: usize,
    total: usize,
}

/// Loads the site (config, content, front matter, site stage: no theme, nothing rendered).
fn load_site(root: &Path, today: jiff::civil::Date) -> Result<Site> {
    crate::pipeline::load_site(Config::load(root)?, site::Options { drafts: false, today })
}

/// The readability of a page's variant, if its file is part of the site.
fn score(site: &Site, path: &str, lang: &str, form: Form) -> Option<Readability> {
    let page = &site.pages[site.page_at(path)?];
    page.variant(lang, form).map(crate::checks::easy_read::variant_readability)
}

/// The columns of the table: every language × form that is a variant (not the source itself).
fn columns<'a>(site: &'a Site, lang: Option<&str>) -> Vec<(&'a str, Form)> {
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

/// Prints the status of the site at `root`; `lang` limits it to one language.
pub fn run(root: &Path, lang: Option<&str>, format: StatusFormat, today: jiff::civil::Date) -> Result<i32> {
    let site = load_site(root, today)?;
    if let Some(l) = lang.filter(|l| !site.config.has_language(l)) {
        let known: Vec<&str> = site.config.languages.iter().map(|l| l.code.as_str()).collect();
        return Err(Error::Usage(format!("`{l}` is not one of the site's languages ({})", known.join(", "))));
    }
    let columns = columns(&site, lang);
    let pages: Vec<PageDoc<'_>> = site
        .status
        .iter()
        .map(|p| PageDoc {
            page: &p.path,
            source: p.source.as_deref(),
            readability: score(&site, &p.path, &site.config.default_language, Form::Standard),
            variants: p
                .variants
                .iter()
                .filter(|v| lang.is_none_or(|l| l == v.lang))
                .map(|v| VariantDoc { lang: &v.lang, form: v.form, state: v.state, file: v.file.as_deref(), url: v.url.as_deref(), readability: score(&site, &p.path, &v.lang, v.form) })
                .collect(),
        })
        .filter(|p| !p.variants.is_empty())
        .collect();
    let coverage: Vec<Coverage<'_>> = columns
        .iter()
        .map(|&(lang, form)| {
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
            let words_to_translate = (lang != site.config.default_language).then(|| export::document(&site, lang, forms, Only::All).words_to_translate());
            Coverage { lang, form, pages, words, words_to_translate }
        })
        .collect();
    let doc = Document { version: 1, pages, coverage };
    let out = match format {
        StatusFormat::Json => serde_json::to_string_pretty(&doc).expect("status serialises") + "\n",
        StatusFormat::Text => text(&site, &doc, &columns),
    };
    // `clearleaf status | head` closes the pipe early: that is not an error.
    let mut stdout = std::io::stdout().lock();
    match std::io::Write::write_all(&mut stdout, out.as_bytes()).and_then(|()| std::io::Write::flush(&mut stdout)) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Internal(format!("could not print the status: {e}"))),
        _ => Ok(0),
    }
}

fn column_name(lang: &str, form: Form) -> String {
    match form {
        Form::Standard => lang.to_string(),
        Form::Easy => format!("{lang} easy"),
    }
}

fn percent(c: Count) -> String {
    (c.current * 100).checked_div(c.total).map_or_else(|| "-".into(), |p| format!("{p}%"))
}

fn text(site: &Site, doc: &Document<'_>, columns: &[(&str, Form)]) -> String {
    let mut s = String::new();
    let name = |p: &str| if p.is_empty() { "(home page)".to_string() } else { p.to_string() };
    let first = doc.pages.iter().map(|p| name(p.page).chars().count()).chain([4]).max().unwrap_or(4);
    let headers: Vec<String> = columns.iter().map(|&(l, f)| column_name(l, f)).collect();
    let cell = |p: &PageDoc<'_>, l: &str, f: Form| p.variants.iter().find(|v| v.lang == l && v.form == f).map_or("-", |v| v.state.as_str());
    let widths: Vec<usize> = headers.iter().zip(columns).map(|(h, &(l, f))| doc.pages.iter().map(|p| cell(p, l, f).len()).chain([h.chars().count(), "outdated".len()]).max().unwrap_or(0)).collect();
    let _ = write!(s, "{:<first$}", "page");
    for (h, w) in headers.iter().zip(&widths) {
        let _ = write!(s, "  {h:<w$}");
    }
    s = s.trim_end().to_string() + "\n";
    for p in &doc.pages {
        let mut row = format!("{:<first$}", name(p.page));
        for (&(l, f), w) in columns.iter().zip(&widths) {
            let _ = write!(row, "  {:<w$}", cell(p, l, f));
        }
        s.push_str(row.trim_end());
        s.push('\n');
    }
    let _ = writeln!(s, "\nCoverage (current out of all; {} is the source language):", site.config.default_language);
    let label = columns.iter().map(|&(l, f)| column_name(l, f).len()).max().unwrap_or(0);
    for c in &doc.coverage {
        let pages = format!("{}/{} pages", c.pages.current, c.pages.total);
        let words = format!("{}/{} words", c.words.current, c.words.total);
        let _ = writeln!(s, "  {:<label$}  {pages:>13} {:>5}   {words:>17} {:>5}", column_name(c.lang, c.form), percent(c.pages), percent(c.words));
    }
    let _ = writeln!(s, "\nReadability (Easy read aims for Flesch Reading Ease 80+ or LIX 30 or less; standard pages for 60+ or 40 or less):");
    for p in &doc.pages {
        let source = p.readability.iter().map(|r| (column_name(&site.config.default_language, Form::Standard), r));
        let variants = p.variants.iter().filter_map(|v| v.readability.as_ref().map(|r| (column_name(v.lang, v.form), r)));
        for (col, r) in source.chain(variants) {
            let _ = writeln!(s, "  {:<first$}  {col:<label$}  {}", name(p.page), r.summary());
        }
    }
    s
}
