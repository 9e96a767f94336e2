//! The build, stage by stage, in the one place that knows their order:
//! config → locales and theme → content → front matter → site → render (markdown, template,
//! minify, checks) → output. Every page is rendered on rayon in one pass; each file is read
//! and parsed once.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

use indicatif::{ParallelProgressIterator, ProgressBar, ProgressStyle};
use jiff::civil::Date;
use rayon::prelude::*;

use crate::checks;
use crate::config::{BaseUrl, Config};
use crate::error::{Diagnostic, Error, Result};
use crate::files::output_file;
use crate::finding::{Finding, Severity};
use crate::i18n::Locales;
use crate::language::Dir;
use crate::markdown::{self, Resolver};
use crate::output::artefacts::{self, Refresh};
use crate::output::{self, Sink, Staging};
use crate::report::Report;
use crate::site::{Shows, Site, Target};
use crate::templates::{self, Theme};
use crate::variant::Form;

/// What to build and how.
#[derive(Clone, Debug)]
pub struct Options {
    /// The site folder.
    pub root: PathBuf,
    /// Where to write; `None` checks only and writes nothing.
    pub out: Option<PathBuf>,
    /// Overrides `base_url` from site.yaml.
    pub base_url: Option<BaseUrl>,
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
    /// Where PDF leaflets are kept between builds; `None` typesets them all every time.
    pub pdf_cache: Option<PathBuf>,
}

/// Everything loaded before rendering: shared read-only by all rendering threads.
pub struct Loaded {
    /// The page tree.
    pub site: Site,
    /// UI strings.
    pub locales: Arc<Locales>,
    /// Templates.
    pub theme: Theme,
    /// The theme's stylesheets, parsed once for the CSS and Easy-read checks.
    pub theme_css: Vec<checks::css::Sheet>,
    /// Glossaries and theme facts of the Easy-read checks.
    pub easy_read: checks::easy_read::Shared,
}

impl Loaded {
    /// What the artefacts are made from.
    pub fn artefact_context<'a>(&'a self, opts: &'a Options) -> artefacts::Context<'a> {
        artefacts::Context { site: &self.site, theme: &self.theme, locales: &self.locales, minify: opts.minify, pdf_cache: opts.pdf_cache.as_deref() }
    }

    /// The output paths of every artefact, which do not depend on how they are written.
    pub fn artefact_paths(&self) -> HashSet<String> {
        artefacts::paths(&artefacts::Context { site: &self.site, theme: &self.theme, locales: &self.locales, minify: false, pdf_cache: None }).collect()
    }
}

/// Stages 1–6: config, locales, theme, content, front matter, site.
pub fn load(opts: &Options) -> Result<Loaded> {
    let mut config = Config::load(&opts.root)?;
    if config.without_file {
        eprintln!(
            "note: there is no {} in {}, so the site is built with the default settings (English only, the built-in theme). Create one to give the site a title and its languages: see the README.",
            crate::config::FILE,
            opts.root.display()
        );
    }
    if let Some(base) = &opts.base_url {
        config.set_base_url(base.clone());
    }
    let locales = Arc::new(Locales::load(&config)?);
    let theme = Theme::load(&config, Arc::clone(&locales))?;
    let site = Site::load(config, crate::site::Options { drafts: opts.drafts, today: opts.today })?;
    let theme_css: Vec<checks::css::Sheet> = theme.static_files.values().filter(|f| f.shown.ends_with(".css")).map(|f| checks::css::parse(&f.shown, &String::from_utf8_lossy(&f.bytes))).collect();
    let easy_read = checks::easy_read::Shared::load(&site.config, &locales, &theme_css)?;
    let loaded = Loaded { site, locales, theme, theme_css, easy_read };
    pages_clear_of_artefacts(&loaded)?;
    Ok(loaded)
}

/// A page published where an artefact is written (`content/status.md` with `status_page:
/// true`) would be overwritten without a word: it is refused instead.
fn pages_clear_of_artefacts(loaded: &Loaded) -> Result<()> {
    let site = &loaded.site;
    let artefacts = loaded.artefact_paths();
    let problems: Vec<Diagnostic> = site
        .targets
        .iter()
        .filter(|t| artefacts.contains(&output_file(&site.config.base_path, &t.url)))
        .map(|t| {
            Diagnostic::new(&site.content(t).file, format!("this page would be published at {}, where clearleaf writes a file of its own", t.url)).hint(
                "Rename the file. If the address is the status report's (/status/) or a search page's (/search/), you can instead turn that off in site.yaml: `status_page: false` or `search: false`.",
            )
        })
        .collect();
    if problems.is_empty() { Ok(()) } else { Err(Error::Input(problems)) }
}

/// Time spent in each stage, summed over threads (printed with `CLEARLEAF_TIMINGS=1`), so a
/// regression shows in the stage that caused it.
#[derive(Default)]
pub struct Timings {
    stages: [AtomicU64; 9],
}

/// The stages timed.
const STAGES: [&str; 9] = ["load (config, locales, theme, content, front matter, site)", "markdown", "templates", "minify", "page checks", "write pages", "site checks", "other files", "swap"];

impl Timings {
    fn time<T>(&self, stage: usize, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        self.stages[stage].fetch_add(start.elapsed().as_nanos() as u64, Ordering::Relaxed);
        out
    }

    fn print(&self, wall: std::time::Duration) {
        let total: u64 = self.stages.iter().map(|s| s.load(Ordering::Relaxed)).sum();
        eprintln!("stage timings (time in each stage summed over threads, CPU time on an otherwise idle machine; wall {:.3} s):", wall.as_secs_f64());
        for (name, ns) in STAGES.iter().zip(&self.stages) {
            let ns = ns.load(Ordering::Relaxed);
            eprintln!("  {name:<58} {:>8.3} s  {:>5.1} %", ns as f64 / 1e9, 100.0 * ns as f64 / total.max(1) as f64);
        }
    }
}

/// Links, pictures and labels for one page.
pub struct PageResolver<'a> {
    site: &'a Site,
    locales: &'a Locales,
    target: &'a Target,
    file: &'a str,
}

impl<'a> PageResolver<'a> {
    /// The resolver for one output page.
    pub fn new(loaded: &'a Loaded, target: &'a Target) -> Self {
        PageResolver { site: &loaded.site, locales: &loaded.locales, target, file: &loaded.site.content(target).file }
    }
}

impl Resolver for PageResolver<'_> {
    fn link(&self, dest: &str) -> std::result::Result<String, markdown::Unresolved> {
        self.site.resolve_link(self.file, dest, &self.target.lang, self.target.form)
    }
    fn image(&self, src: &str) -> std::result::Result<String, markdown::Unresolved> {
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

/// One rendered page: its final HTML and findings.
struct Page {
    html: String,
    findings: Vec<Finding>,
    facts: checks::site_rules::PageFacts,
}

/// What a rendered page leaves behind for the site-wide checks and the report.
pub(crate) struct Rendered {
    /// Its page-level findings.
    pub findings: Vec<Finding>,
    /// What the site-wide checks need from it.
    pub facts: checks::site_rules::PageFacts,
}

fn render_target(loaded: &Loaded, target: &Target, minify: bool, timings: &Timings) -> Result<Page> {
    let Loaded { site, locales, theme, easy_read, .. } = loaded;
    let variant = site.content(target);
    let resolver = PageResolver::new(loaded, target);
    let rtl = site.config.language(&variant.lang).is_some_and(|l| l.dir == Dir::Rtl);
    let input = markdown::Input { body: variant.content(), first_line: variant.content_line, file: &variant.file, form: target.form, rtl };
    let rendered = timings.time(1, || markdown::render(&input, &resolver));
    if let Some(deep) = rendered.too_deep {
        return Err(Error::input(crate::limits::too_deep_in_markdown(&variant.file, deep)));
    }
    // Links and pictures the renderer found broken are reported once, by it: the site-wide
    // link check leaves them out.
    let broken: HashSet<(u32, String)> = rendered.problems.iter().filter_map(|p| Some((u32::try_from(p.line).ok()?, p.dest.clone()?))).collect();
    let mut findings: Vec<Finding> =
        rendered.problems.into_iter().map(|p| Finding::new(p.rule, p.rule.severity, &variant.file, p.message).line(p.line).help(p.help).page(&target.url, &target.lang, target.form)).collect();
    // Easy read: explain glossary words and add the "Words we use" section.
    let body = match easy_read.glossary(&variant.lang).filter(|_| target.form == Form::Easy) {
        Some(glossary) => {
            let heading = locales.text(&variant.lang, "words-we-use", None).unwrap_or_else(|| "Words we use".into());
            markdown::glossary::mark(&rendered.html, glossary, &heading)
        }
        None => rendered.html,
    };
    let ctx = templates::page_context(site, locales, target, body);
    let ctx = tera::Context::from_serialize(&ctx).map_err(|e| Error::Internal(e.to_string()))?;
    let template = if site.pages[target.page].is_section { "section.html" } else { "page.html" };
    let rendered = timings.time(2, || theme.render(template, &ctx))?;
    // One parse serves the checks and the output: the page is written from the same tree the
    // checks read, without the source-line markers, so no marker ever reaches a reader.
    let (page_findings, facts, html) = timings.time(4, || {
        let doc = checks::a11y::Doc::parse(&rendered);
        let (findings, mut facts) = checks::check_page(&doc, site, target, theme.shown(template), checks::lexicon::for_lang(&target.lang), easy_read);
        if !broken.is_empty() {
            facts.links.retain(|l| l.line.is_none_or(|line| !broken.contains(&(line, l.href.to_string()))));
        }
        (findings, facts, output::serialize_without_markers(&doc.html))
    });
    let html = if minify { timings.time(3, || output::minify(&html)) } else { html };
    findings.extend(page_findings);
    if target.shows == Shows::Fallback {
        findings.iter_mut().for_each(|f| f.on_fallback = true);
    }
    Ok(Page { html, findings, facts })
}

/// Builds (or, without `out`, checks) the site. `Err` is invalid input (exit 2); a report with
/// errors means the output was left untouched (exit 1).
pub fn build(opts: &Options) -> Result<Report> {
    let staging = match &opts.out {
        Some(out) => Some(output::check_out_dir(&opts.root, out)?),
        None => None,
    };
    if let Some(cache) = &opts.pdf_cache {
        output::check_cache_dir(&opts.root, opts.out.as_deref(), cache)?;
    }
    let started = Instant::now();
    let timings = Timings::default();
    let loaded = timings.time(0, || load(opts))?;
    let staging = staging.map(Staging::prepare).transpose()?;
    let result = render_all(&loaded, opts, staging.as_ref().map(|s| s as &dyn Sink), &timings);
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
        if report.fails(opts.deny_warnings) { s.abandon() } else { timings.time(8, || s.commit())? }
    }
    if std::env::var_os("CLEARLEAF_TIMINGS").is_some() {
        timings.print(started.elapsed());
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

/// Builds into memory (for tests and fuzzing, which look at every file; `serve` keeps a
/// session of its own instead): the files and the report, whatever the findings.
pub fn build_in_memory(opts: &Options) -> Result<(std::collections::HashMap<String, Vec<u8>>, Report)> {
    let loaded = load(opts)?;
    let memory = output::Memory::default();
    let report = render_all(&loaded, opts, Some(&memory), &Timings::default())?;
    Ok((memory.into_files(), report))
}

fn render_all(loaded: &Loaded, opts: &Options, staging: Option<&dyn Sink>, timings: &Timings) -> Result<Report> {
    let site = &loaded.site;
    let all: Vec<usize> = (0..site.targets.len()).collect();
    let (page_findings, facts): (Vec<_>, Vec<_>) = render_pages(loaded, &all, opts, staging, timings)?.into_iter().map(|r| (r.findings, r.facts)).unzip();
    let mut site_wide = timings.time(6, || site_findings(loaded, &facts.iter().collect::<Vec<_>>(), &AtomicBool::new(false)));
    // The pages clearleaf makes (search pages) are checked like the editors' pages.
    site_wide.extend(artefacts::check(&loaded.artefact_context(opts))?);
    // The pages' facts are not needed any more: free them before the report is made.
    drop(facts);
    let mut findings = all_findings(site, page_findings, site_wide);
    if let Some(s) = staging {
        // The leaflets' checks can only run once they are typeset.
        findings.extend(timings.time(7, || write_artefacts(loaded, opts, s, |_| true))?);
    }
    checks::apply_levels(&mut findings, &site.config.checks);
    Ok(Report::new(site.targets.len(), findings))
}

/// Renders the output pages at these indices of `site.targets` in parallel, writing each
/// through the sink, and returns what each left for the site-wide checks, in the same order.
pub(crate) fn render_pages(loaded: &Loaded, targets: &[usize], opts: &Options, sink: Option<&dyn Sink>, timings: &Timings) -> Result<Vec<Rendered>> {
    let site = &loaded.site;
    let pb = progress_bar(targets.len(), opts.progress);
    let pages = targets
        .par_iter()
        .progress_with(pb.clone())
        .map(|&i| {
            let target = &site.targets[i];
            let page = render_target(loaded, target, opts.minify, timings)?;
            if let Some(s) = sink {
                timings.time(5, || s.write(&output_file(&site.config.base_path, &target.url), page.html.as_bytes()))?;
            }
            Ok(Rendered { findings: page.findings, facts: page.facts })
        })
        .collect();
    pb.finish_and_clear();
    pages
}

/// The findings about the site as a whole: links between pages, titles, menus, Easy read
/// against standard, the theme and the UI strings. `facts` are in
/// `site.targets` order. Setting `stop` ends the checks early, with partial results.
pub(crate) fn site_findings(loaded: &Loaded, facts: &[&checks::site_rules::PageFacts], stop: &AtomicBool) -> Vec<Finding> {
    let site = &loaded.site;
    let mut findings = Vec::new();
    let files = loaded.artefact_paths();
    findings.extend(checks::site_rules::check_site(site, facts, &files, stop));
    if stop.load(Ordering::Relaxed) {
        return findings;
    }
    let scores: Vec<_> = facts.iter().map(|f| (f.form, &f.easy_read)).collect();
    findings.extend(checks::easy_read::check_site(site, &scores));
    findings.extend(checks::easy_read::check_theme(site, &loaded.easy_read));
    for sheet in &loaded.theme_css {
        findings.extend(checks::css::check_sheet(sheet));
    }
    findings.extend(fluent_findings(site, &loaded.locales));
    findings.extend(artefacts::pdf::font_findings(site, &loaded.theme, &loaded.locales));
    findings
}

/// Everything besides the pages ([`output::artefacts`]), or those of them that `due` names.
pub(crate) fn write_artefacts(loaded: &Loaded, opts: &Options, sink: &dyn Sink, due: impl Fn(Refresh) -> bool) -> Result<Vec<Finding>> {
    artefacts::write(&loaded.artefact_context(opts), sink, due)
}

/// Every finding in one list, allocated once at its final size: a large site has hundreds of
/// thousands, and a list grown by doubling would briefly hold two copies of them.
fn all_findings(site: &Site, pages: Vec<Vec<Finding>>, site_wide: Vec<Finding>) -> Vec<Finding> {
    let mut all = Vec::with_capacity(site.findings().count() + pages.iter().map(Vec::len).sum::<usize>() + site_wide.len());
    all.extend(site.findings().cloned());
    for page in pages {
        all.extend(page);
    }
    all.extend(site_wide);
    all
}

/// FLUENT-MISSING: a UI string a language lacks compared with the default language.
fn fluent_findings(site: &Site, locales: &Locales) -> Vec<Finding> {
    let mut out = Vec::new();
    for lang in site.config.languages.iter().skip(1) {
        for (id, _) in locales.missing_in(&lang.code) {
            out.push(
                Finding::new(
                    &crate::rules::FLUENT_MISSING,
                    Severity::Warning,
                    format!("locales/{}/main.ftl", lang.code),
                    format!("The UI string `{id}` has no {} translation, so readers see the default language's text.", lang.code),
                )
                .help(format!("Add `{id} = …` in {}, translated from locales/{}/main.ftl.", lang.code, site.config.default_language)),
            );
        }
    }
    out
}
