//! `clearleaf status`: prints [`crate::status`] as text, JSON or an HTML report. It writes
//! nothing but the report. It always exits 0 for a valid site: staleness is reported, and
//! `build` (or `check`) is the gate.

use std::fmt::Write;
use std::path::Path;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::site::{self, Site};
use crate::status::{Count, Document, PageDoc, columns, document, html};
use crate::variant::Form;

/// Output formats of `status`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFormat {
    /// A table per page, then coverage lines.
    Text,
    /// One JSON document (SPEC §7).
    Json,
    /// A one-page report to open, forward or print.
    Html,
}

/// Loads the site (config, content, front matter, site stage: no theme, nothing rendered).
fn load_site(root: &Path, today: jiff::civil::Date) -> Result<Site> {
    Site::load(Config::load(root)?, site::Options { drafts: false, today })
}

/// Prints the status of the site at `root`, or writes it to `out`; `lang` limits it to one
/// language.
pub fn run(root: &Path, lang: Option<&str>, format: StatusFormat, out: Option<&Path>, today: jiff::civil::Date) -> Result<i32> {
    let site = load_site(root, today)?;
    if let Some(l) = lang.filter(|l| !site.config.has_language(l)) {
        let known: Vec<&str> = site.config.languages.iter().map(|l| l.code.as_str()).collect();
        return Err(Error::Usage(format!("`{l}` is not one of the site's languages ({})", known.join(", "))));
    }
    let columns = columns(&site, lang);
    let doc = document(&site, lang);
    let report = match format {
        StatusFormat::Json => serde_json::to_string_pretty(&doc).expect("status serialises") + "\n",
        StatusFormat::Text => text(&site, &doc, &columns),
        StatusFormat::Html => html::render(&site, &doc, &html::Inputs { today, root }),
    };
    if let Some(path) = out {
        std::fs::write(path, report).map_err(|e| Error::io(path, e))?;
        eprintln!("Wrote the status to {}.", path.display());
        return Ok(0);
    }
    // `clearleaf status | head` closes the pipe early: that is not an error.
    let mut stdout = std::io::stdout().lock();
    match std::io::Write::write_all(&mut stdout, report.as_bytes()).and_then(|()| std::io::Write::flush(&mut stdout)) {
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
    c.percent().map_or_else(|| "-".into(), |p| format!("{p}%"))
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
