//! The build, stage by stage, in the one place that knows their order:
//! config → locales and theme → content → front matter → site → render (markdown, template,
//! minify, checks) → output. Every page is rendered on rayon in one pass; each file is read
//! and parsed once.

use std::collections::{HashMap, HashSet};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

use indicatif::{ParallelProgressIterator, ProgressBar, ProgressStyle};
use jiff::civil::Date;
use rayon::prelude::*;

use crate::checks;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use crate::front_matter;
use crate::i18n::Locales;
use crate::load;
use crate::markdown::{self, Resolver};
use crate::output::{self, Staging};
use crate::report::Report;
use crate::site::{output_file, Site, Target};
use crate::templates::{self, Theme};

/// What to build and how.
#[derive(Clone, Debug)]
pub struct Options {
    /// The site folder.
    pub root: PathBuf,
    /// Where to write; `None` checks only and writes nothing.
    pub out: Option<PathBuf>,
    /// Overrides `base_url` from site.yaml.
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
    /// Minify HTML.
    pub minify: bool,
    /// Today, for date checks.
    pub today: Date,
    /// Fail on warnings too (the output is then left untouched).
    pub deny_warnings: bool,
    /// Show a progress bar (only on a terminal, never in CI).
    pub progress: bool,
}

/// Everything loaded before rendering: shared read-only by all rendering threads.
pub struct Loaded {
    /// The page tree.
    pub site: Site,
    /// UI strings.
    pub locales: Arc<Locales>,
    /// Templates.
    pub theme: Theme,
    /// Word lists of the checks, by language.
    pub lexicons: HashMap<String, checks::Lexicon>,
    /// Glossaries and theme facts of the Easy-read checks.
    pub easy_read: checks::easy_read::Shared,
}

/// Stages 1–6: config, locales, theme, content, front matter, site.
pub fn load(opts: &Options) -> Result<Loaded> {
    let mut config = Config::load(&opts.root)?;
    if let Some(base) = &opts.base_url {
        let text = format!("base_url: {base:?}\n");
        let other = Config::parse(&opts.root, &text)?;
        config.base_url = other.base_url;
        config.base_path = other.base_path;
    }
    let locales = Arc::new(Locales::load(&config)?);
    let theme = Theme::load(&config, Arc::clone(&locales))?;
    let content = load::load_content(&config)?;
    let parsed: Vec<std::result::Result<_, _>> = content.pages.into_par_iter().map(|file| front_matter::parse(&file.rel, &file.text).map(|p| (file, p))).collect();
    let mut files = Vec::with_capacity(parsed.len());
    let mut problems = Vec::new();
    for p in parsed {
        match p {
            Ok(f) => files.push(f),
            Err(d) => problems.push(d),
        }
    }
    if !problems.is_empty() {
        problems.sort_by(|a, b| a.file.cmp(&b.file));
        return Err(Error::Input(problems));
    }
    let site = Site::assemble(config, files, content.assets, content.statics, crate::site::Options { drafts: opts.drafts, today: opts.today })?;
    let easy_read = checks::easy_read::Shared::load(&site.config, &locales, &theme.static_files)?;
    Ok(Loaded { site, locales, theme, lexicons: checks::lexicon::builtin(), easy_read })
}

/// Links, pictures and labels for one page.
struct PageResolver<'a> {
    site: &'a Site,
    locales: &'a Locales,
    target: &'a Target,
    file: &'a str,
}

impl Resolver for PageResolver<'_> {
    fn link(&self, dest: &str) -> std::result::Result<String, String> {
        self.site.resolve_link(self.file, dest, &self.target.lang, self.target.form)
    }
    fn image(&self, src: &str) -> std::result::Result<String, String> {
        self.site.resolve_image(self.file, src)
    }
    fn label(&self, id: &str, number: Option<usize>) -> String {
        let mut args = fluent::FluentArgs::new();
        if let Some(n) = number {
            args.set("number", n);
        }
        self.locales.text(&self.target.lang, id, Some(&args)).unwrap_or_else(|| id.to_string())
    }
}

/// One rendered page: its final HTML (with source lines) and findings.
struct Page {
    html: String,
    findings: Vec<Finding>,
    facts: checks::site_rules::PageFacts,
}

fn render_target(loaded: &Loaded, target: &Target, minify: bool) -> Result<Page> {
    let Loaded { site, locales, theme, lexicons, easy_read } = loaded;
    let variant = site.content(target);
    let resolver = PageResolver { site, locales, target, file: &variant.file };
    let input = markdown::Input { body: variant.body(), first_line: variant.body_line, file: &variant.file, form: target.form };
    let rendered = markdown::render(&input, &resolver);
    let mut findings: Vec<Finding> = rendered
        .problems
        .into_iter()
        .map(|p| {
            let severity = if p.rule == "LINK-BROKEN" { Severity::Error } else { Severity::Warning };
            Finding::new(p.rule, severity, &variant.file, p.message).line(p.line).help(p.help).page(&target.url, &target.lang, target.form)
        })
        .collect();
    // Easy read: explain glossary words and add the "Words we use" section.
    let body = checks::easy_read::mark_glossary(rendered.html, target.form, &variant.lang, easy_read, locales);
    let ctx = templates::page_context(site, locales, target, body);
    let ctx = tera::Context::from_serialize(&ctx).map_err(|e| Error::Usage(e.to_string()))?;
    let template = if site.pages[target.page].is_section { "section.html" } else { "page.html" };
    let html = theme.render(template, &ctx)?;
    let html = if minify { output::minify(&html) } else { html };
    let (page_findings, facts) = checks::check_page(&html, site, target, theme.shown(template), checks::lexicon::for_lang(lexicons, &target.lang), easy_read);
    findings.extend(page_findings);
    Ok(Page { html, findings, facts })
}

/// Builds (or, without `out`, checks) the site. `Err` is invalid input (exit 2); a report with
/// errors means the output was left untouched (exit 1).
pub fn build(opts: &Options) -> Result<Report> {
    let staging = match &opts.out {
        Some(out) => Some(output::check_out_dir(&opts.root, out)?),
        None => None,
    };
    let loaded = load(opts)?;
    let staging = staging.map(Staging::prepare).transpose()?;
    let result = render_all(&loaded, opts, staging.as_ref());
    let report = match result {
        Ok(r) => r,
        Err(e) => {
            if let Some(s) = staging {
                s.abandon();
            }
            return Err(e);
        }
    };
    if let Some(s) = staging {
        if report.fails(opts.deny_warnings) { s.abandon() } else { s.commit()? }
    }
    Ok(report)
}

fn progress_bar(len: usize, enabled: bool) -> ProgressBar {
    if !enabled || !std::io::stderr().is_terminal() || std::env::var_os("CI").is_some() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::new(len as u64);
    pb.set_style(ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} pages").expect("valid template").progress_chars("=> "));
    pb.set_prefix("Building");
    pb
}

fn render_all(loaded: &Loaded, opts: &Options, staging: Option<&Staging>) -> Result<Report> {
    let site = &loaded.site;
    let pb = progress_bar(site.targets.len(), opts.progress);
    let pages: Vec<Result<(Vec<Finding>, checks::site_rules::PageFacts)>> = site
        .targets
        .par_iter()
        .progress_with(pb.clone())
        .map(|target| {
            let page = render_target(loaded, target, opts.minify)?;
            if let Some(s) = staging {
                s.write(&output_file(&site.config.base_path, &target.url), markdown::strip_line_attrs(&page.html).as_bytes())?;
            }
            Ok((page.findings, page.facts))
        })
        .collect();
    pb.finish_and_clear();
    let mut findings = site.findings.clone();
    let mut facts = Vec::with_capacity(pages.len());
    for p in pages {
        let (f, page_facts) = p?;
        findings.extend(f);
        facts.push(page_facts);
    }
    let mut files: HashSet<String> = site.statics.iter().chain(&site.assets).map(|a| a.out.clone()).collect();
    files.extend(loaded.theme.static_files.keys().cloned());
    files.extend(["404.html", "sitemap.xml", "robots.txt"].map(String::from));
    findings.extend(checks::site_rules::check_site(site, &facts, &files));
    let scores: Vec<_> = facts.iter().map(|f| (f.form, &f.easy_read)).collect();
    findings.extend(checks::easy_read::check_site(site, &scores));
    findings.extend(checks::easy_read::check_theme(site, &loaded.easy_read));
    findings.extend(fluent_findings(site, &loaded.locales));

    let ctx = templates::not_found_context(site, &loaded.locales);
    let ctx = tera::Context::from_serialize(&ctx).map_err(|e| Error::Usage(e.to_string()))?;
    let not_found = loaded.theme.render("404.html", &ctx)?;
    let not_found = if opts.minify { output::minify(&not_found) } else { not_found };
    if let Some(s) = staging {
        s.write("404.html", not_found.as_bytes())?;
        s.write("sitemap.xml", output::sitemap_xml(site).as_bytes())?;
        s.write("robots.txt", output::robots_txt(site).as_bytes())?;
        copy_files(loaded, s)?;
    }
    checks::apply_levels(&mut findings, &site.config.checks);
    Ok(Report::new(site.targets.len(), findings))
}

/// Theme static files, then the site's `static/` (which may replace them), then co-located assets.
fn copy_files(loaded: &Loaded, staging: &Staging) -> Result<()> {
    let site = &loaded.site;
    for (rel, file) in &loaded.theme.static_files {
        staging.write(rel, &file.bytes)?;
    }
    site.statics.par_iter().chain(site.assets.par_iter()).try_for_each(|a| staging.copy(&a.path, &a.out))
}

/// FLUENT-MISSING: a UI string a language lacks compared with the default language.
fn fluent_findings(site: &Site, locales: &Locales) -> Vec<Finding> {
    let mut out = Vec::new();
    for lang in site.config.languages.iter().skip(1) {
        for (id, _) in locales.missing_in(&lang.code) {
            out.push(
                Finding::new("FLUENT-MISSING", Severity::Warning, format!("locales/{}/main.ftl", lang.code), format!("The UI string `{id}` has no {} translation, so readers see the default language's text.", lang.code))
                    .help(format!("Add `{id} = …` in {}, translated from locales/{}/main.ftl.", lang.code, site.config.default_language)),
            );
        }
    }
    out
}
