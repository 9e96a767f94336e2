//! Stage 4: the page tree. Groups variants into pages, finds each page's section, judges
//! whether each translation still matches its source (once, for build, check and status),
//! decides what every URL renders (its own variant, or the source as a fallback), and resolves
//! links.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use jiff::civil::Date;
use percent_encoding::percent_decode_str;
use rayon::prelude::*;

use crate::config::{Config, MissingPolicy, OutdatedPolicy};
use crate::error::{Diagnostic, Error, Result, did_you_mean};
use crate::files::{link_from, output_file, push_path};
use crate::finding::{Finding, Severity};
use crate::front_matter::{FrontMatter, Parsed};
use crate::i18n::staleness::{self, FileFacts, State};
use crate::load::{Asset, CONTENT_DIR, SourceFile, nfc, parse_file_name, variant_file_name};
use crate::markdown::Unresolved;
use crate::rules;
use crate::variant::{Form, VariantKey, source_of};

/// One file of a page: a language × form.
#[derive(Debug)]
pub struct Variant {
    /// Site-relative file, e.g. `content/help/out-of-hours.cy.md`.
    pub file: String,
    /// Language code.
    pub lang: String,
    /// Standard or Easy read.
    pub form: Form,
    /// Typed front matter (title guaranteed).
    pub front: FrontMatter,
    /// The whole file text (decoded).
    pub text: String,
    /// Byte offset of the markdown body in `text` (after the front matter).
    pub body_start: usize,
    /// Byte offset of the content to render: the body without a leading `# Title` heading
    /// that is the page's title.
    pub content_start: usize,
    /// 1-based line of the content's first line.
    pub content_line: usize,
    /// Warnings about its front matter (unknown keys).
    pub front_findings: Vec<Finding>,
    /// Its hash and words, when variants may be made from it (default language).
    hash: Option<(String, usize)>,
    /// Made by clearleaf, not written by an editor: the home page of a site without
    /// `content/_index.md`. Its file does not exist, and its title is the site's.
    pub generated: bool,
}

/// The hash and words of a file variants may be made from (one of the default language):
/// worked out once per file, in parallel, because both parse the markdown.
fn hash_and_words(file: &SourceFile, parsed: &Parsed, default: &str) -> Option<(String, usize)> {
    (file.key.lang == default).then(|| {
        let (title, description, body) = (parsed.front.title.as_deref().unwrap_or_default(), parsed.front.description.as_deref(), &file.text[parsed.body_start..]);
        (staleness::source_hash(title, description, body), staleness::word_count(title, description, body))
    })
}

impl Variant {
    fn new(file: SourceFile, parsed: Parsed, hash: Option<(String, usize)>) -> Variant {
        Variant {
            hash,
            file: file.rel,
            lang: file.key.lang,
            form: file.key.form,
            front: parsed.front,
            text: file.text,
            body_start: parsed.body_start,
            content_start: parsed.content_start,
            content_line: parsed.content_line,
            front_findings: parsed.findings,
            generated: false,
        }
    }

    /// The markdown body: everything after the front matter.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// The markdown that is rendered: the body without a leading heading that is the title
    /// (the theme shows the title).
    pub fn content(&self) -> &str {
        &self.text[self.content_start..]
    }

    /// The title (front matter guarantees one).
    pub fn title(&self) -> &str {
        self.front.title.as_deref().unwrap_or_default()
    }

    /// The hash variants made from this one must carry in `source_hash`.
    pub fn source_hash(&self) -> String {
        match &self.hash {
            Some((hash, _)) => hash.clone(),
            None => staleness::source_hash(self.title(), self.front.description.as_deref(), self.body()),
        }
    }

    /// 1-based line of a front matter key in the file, if written there.
    pub fn key_line(&self, key: &str) -> Option<usize> {
        self.text[..self.body_start].lines().position(|l| l.starts_with(key) && l[key.len()..].trim_start().starts_with(':')).map(|i| i + 1)
    }
}

/// A page: one source (default language, standard) and its variants.
#[derive(Debug)]
pub struct Page {
    /// Path inside `content/` without suffixes; sections drop `/_index`; the home page is "".
    pub path: String,
    /// A section (`_index.md`) lists the pages under it.
    pub is_section: bool,
    /// The nearest section above this page (the home page for top-level pages).
    pub parent: Option<usize>,
    /// Pages and sections listed under this section, in order.
    pub children: Vec<usize>,
    /// Variants, sorted by language order then form.
    pub variants: Vec<Variant>,
}

impl Page {
    /// Whether its source says `critical: true`.
    pub fn is_critical(&self, default: &str) -> bool {
        self.variant(default, Form::Standard).is_some_and(|v| v.front.critical)
    }

    /// The variant in `lang` and `form`, if it exists.
    pub fn variant(&self, lang: &str, form: Form) -> Option<&Variant> {
        self.variants.iter().find(|v| v.lang == lang && v.form == form)
    }

    /// The page part of its files' names: `help/_index` for the section `help`, `_index` for the
    /// home page.
    pub fn key_page(&self) -> String {
        match (self.is_section, self.path.is_empty()) {
            (true, true) => "_index".into(),
            (true, false) => format!("{}/_index", self.path),
            (false, _) => self.path.clone(),
        }
    }

    fn index_of(&self, lang: &str, form: Form) -> Option<usize> {
        self.variants.iter().position(|v| v.lang == lang && v.form == form)
    }
}

/// What a URL shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shows {
    /// Its own variant (with a notice when it is outdated: see [`Target::state`]).
    Own,
    /// The source variant, because the translation is missing, a draft, or outdated and
    /// replaced by policy or because the page is critical (with a notice).
    Fallback,
}

/// One output page.
#[derive(Debug)]
pub struct Target {
    /// Index into [`Site::pages`].
    pub page: usize,
    /// The reader's language (the chrome's language).
    pub lang: String,
    /// The reader's form.
    pub form: Form,
    /// Root-relative URL, starting with the base path.
    pub url: String,
    /// Index into the page's variants: the content shown.
    pub content: usize,
    /// Own or fallback.
    pub shows: Shows,
    /// The state of the variant this URL is for: `Current` or `Outdated` when it shows its own
    /// variant; `Missing`, `Draft` or `Fallback` when it shows the source.
    pub state: State,
}

/// The translation state of one page's variants, for `clearleaf status` and the findings.
#[derive(Clone, Debug)]
pub struct PageStatus {
    /// The page's path (as [`Page::path`]); it may have no page if all its files are orphans.
    pub path: String,
    /// The source file (standard, default language), when it exists.
    pub source: Option<String>,
    /// Every variant that exists or could exist (its source exists), in language order then
    /// form; the source itself is not listed.
    pub variants: Vec<VariantStatus>,
}

/// The state of one language × form of a page.
#[derive(Clone, Debug)]
pub struct VariantStatus {
    /// Language code.
    pub lang: String,
    /// Standard or Easy read.
    pub form: Form,
    /// Current, outdated, missing, orphan, draft or fallback.
    pub state: State,
    /// The variant's file, when it exists.
    pub file: Option<String>,
    /// Where it is published (its own content or a fallback), if it is.
    pub url: Option<String>,
    /// Words of its source, for coverage by words (0 for orphans).
    pub source_words: usize,
}

/// Options that change which pages exist.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Include `draft: true` pages.
    pub drafts: bool,
    /// Today, for CONTENT-REVIEW-DUE.
    pub today: Date,
}

/// The assembled site.
#[derive(Debug)]
pub struct Site {
    /// Settings.
    pub config: Config,
    /// Pages sorted by path; index 0 is the home page.
    pub pages: Vec<Page>,
    /// Every output page.
    pub targets: Vec<Target>,
    /// Target index by page, language (its position in `config.languages`) and form: looked
    /// up for every link and menu entry of every page, so it hashes no strings.
    target_of: rustc_hash::FxHashMap<(usize, usize, Form), usize>,
    page_of_path: HashMap<String, usize>,
    /// Co-located files to copy.
    pub assets: Vec<Asset>,
    asset_paths: HashSet<String>,
    /// Files of `static/`, copied to the output root.
    pub statics: Vec<Asset>,
    static_paths: HashSet<String>,
    /// Findings about files that are not published (orphans, drafts' unknown keys).
    unpublished_findings: Vec<Finding>,
    /// Findings about each page's files (review dates, unknown keys, translation states), by
    /// page, so that a change to one page recomputes only its own.
    page_findings: Vec<Vec<Finding>>,
    /// Drafts left out, by page path: kept for the translation states.
    drafts: BTreeMap<String, Vec<DraftFile>>,
    options: Options,
    /// Translation states, one entry per page path (sorted), including pages that exist only as
    /// orphans.
    pub status: Vec<PageStatus>,
    /// The top-level sections in menu order: every page's menu lists them, and picking them
    /// out of the home page's children for each page made a site of 100,000 top-level pages
    /// quadratic.
    menu: Vec<usize>,
    /// The files of `content/` (pages and pictures) by folder, for a "did you mean" when a
    /// link or picture leads nowhere: made at the first one.
    files_by_folder: OnceLock<BTreeMap<String, Vec<String>>>,
}

/// A variant left out because it is a draft: kept for its state.
#[derive(Debug)]
struct DraftFile {
    file: String,
    lang: String,
    form: Form,
    source_hash: Option<String>,
    /// Its own hash and words, when variants may be made from it (default language).
    hash: Option<(String, usize)>,
}

/// `help/_index` → (`help`, true); `_index` → (``, true); `help/x` → (`help/x`, false).
fn page_path(key_page: &str) -> (String, bool) {
    if key_page == "_index" {
        (String::new(), true)
    } else if let Some(p) = key_page.strip_suffix("/_index") {
        (p.to_string(), true)
    } else {
        (key_page.to_string(), false)
    }
}

/// The published files grouped by the page they belong to, and the drafts left out.
struct Grouped {
    /// Page path → (key page it came from, whether it is a section, variants).
    pages: BTreeMap<String, (String, bool, Vec<Variant>)>,
    drafts: BTreeMap<String, Vec<DraftFile>>,
    /// The drafts' own findings (front matter warnings), which no page shows.
    findings: Vec<Finding>,
}

/// Groups the parsed files by page, hashing the sources in parallel. Two files that would be
/// published at one address are an input error.
fn group_by_page(files: Vec<(SourceFile, Parsed)>, default: &str, opts: &Options) -> Result<Grouped> {
    let mut findings = Vec::new();
    let mut problems = Vec::new();
    // Page path → (key page it came from, variants).
    let mut grouped: BTreeMap<String, (String, bool, Vec<Variant>)> = BTreeMap::new();
    let mut drafts: BTreeMap<String, Vec<DraftFile>> = BTreeMap::new();
    let hashes: Vec<_> = files.par_iter().map(|(file, parsed)| hash_and_words(file, parsed, default)).collect();
    for ((file, parsed), hash) in files.into_iter().zip(hashes) {
        if parsed.front.draft && !opts.drafts {
            findings.extend(parsed.findings);
            let (path, _) = page_path(&file.key.page);
            drafts.entry(path).or_default().push(DraftFile { file: file.rel, lang: file.key.lang, form: file.key.form, source_hash: parsed.front.source_hash, hash });
            continue;
        }
        let (path, is_section) = page_path(&file.key.page);
        let entry = grouped.entry(path).or_insert_with(|| (file.key.page.clone(), is_section, Vec::new()));
        if entry.0 != file.key.page {
            let other = entry.2.first().map(|v| v.file.clone()).unwrap_or_default();
            problems.push(
                Diagnostic::new(&file.rel, format!("this file and {other} would both be published at the same address"))
                    .hint("Keep one of them: a folder's own page goes in _index.md inside the folder, so remove or rename the other file."),
            );
            continue;
        }
        entry.2.push(Variant::new(file, parsed, hash));
    }
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }
    Ok(Grouped { pages: grouped, drafts, findings })
}

/// A home page for a site without `content/_index.md` (a folder of pasted pages should still
/// build, as in Zola and Hugo): every language and form that has no file of its own gets an
/// empty page titled like the site, which the theme fills with the top-level sections and
/// pages. Its translations carry the source's hash, so they count as up to date.
fn generated_home(config: &Config, existing: &[Variant]) -> Vec<Variant> {
    let default = &config.default_language;
    let title = config.title.clone().unwrap_or_else(|| "Home".into());
    let hash = (staleness::source_hash(&title, None, ""), staleness::word_count(&title, None, ""));
    let mut out = Vec::new();
    for lang in &config.languages {
        for form in [Form::Standard, Form::Easy] {
            if existing.iter().any(|v| v.lang == lang.code && v.form == form) {
                continue;
            }
            let is_source = lang.code == *default && form == Form::Standard;
            out.push(Variant {
                file: variant_file_name("_index", &lang.code, form, default),
                lang: lang.code.clone(),
                form,
                front: FrontMatter { title: Some(title.clone()), source_hash: (!is_source).then(|| hash.0.clone()), ..FrontMatter::default() },
                text: String::new(),
                body_start: 0,
                content_start: 0,
                content_line: 1,
                front_findings: Vec::new(),
                hash: (lang.code == *default).then(|| hash.clone()),
                generated: true,
            });
        }
    }
    out
}

/// Each page's parent, the nearest section above it, else the home page (folders without
/// an _index.md have no page), and each page's children.
fn link_parents(pages: &mut [Page], page_of_path: &HashMap<String, usize>) {
    // Parents: the nearest section above, else home. Folders without _index.md have no page.
    for i in 1..pages.len() {
        let mut dir = pages[i].path.as_str();
        let parent = loop {
            dir = dir.rsplit_once('/').map_or("", |(d, _)| d);
            match page_of_path.get(dir) {
                Some(&p) if pages[p].is_section => break p,
                _ if dir.is_empty() => break 0,
                _ => {}
            }
        };
        pages[i].parent = Some(parent);
        pages[parent].children.push(i);
    }
}

/// The states of one page's variants: those that exist (as published files or drafts) and those
/// that could (their source exists and is not a draft or an orphan).
fn page_status(default: &str, config: &Config, path: &str, variants: &[Variant], drafts: &[DraftFile]) -> PageStatus {
    struct File<'a> {
        lang: &'a str,
        form: Form,
        file: &'a str,
        draft: bool,
        stamp: Option<&'a str>,
        /// Hash and words, for the default language's files (the sources).
        hash: Option<(String, usize)>,
    }
    let files: Vec<File<'_>> = variants
        .iter()
        .map(|v| File { lang: &v.lang, form: v.form, file: &v.file, draft: false, stamp: v.front.source_hash.as_deref(), hash: v.hash.clone() })
        .chain(drafts.iter().map(|d| File { lang: &d.lang, form: d.form, file: &d.file, draft: true, stamp: d.source_hash.as_deref(), hash: d.hash.clone() }))
        .collect();
    let facts: Vec<FileFacts<'_>> = files.iter().map(|f| FileFacts { lang: f.lang, form: f.form, draft: f.draft, stamp: f.stamp, hash: f.hash.as_ref().map(|(h, _)| h.clone()) }).collect();
    let states = staleness::judge(default, &facts);
    let find = |lang: &str, form: Form| files.iter().position(|f| f.lang == lang && f.form == form);
    // The source page's `translate:` says which languages need a version at all.
    let translate = variants.iter().find(|v| v.lang == default && v.form == Form::Standard).map(|v| &v.front.translate);
    let wanted = |lang: &str| lang == default || translate.is_none_or(|t| t.wants(lang));
    let mut out = Vec::new();
    for lang in &config.languages {
        for form in [Form::Standard, Form::Easy] {
            let Some((source_lang, source_form)) = source_of(default, &lang.code, form) else { continue };
            let source = find(&source_lang, source_form);
            let source_words = source.and_then(|s| files[s].hash.as_ref()).map_or(0, |(_, w)| *w);
            let (state, file) = match find(&lang.code, form) {
                Some(i) => (states[i], Some(files[i].file.to_string())),
                None if source.is_some_and(|s| matches!(states[s], State::Current | State::Outdated)) => (if wanted(&lang.code) { State::Missing } else { State::NotNeeded }, None),
                None => continue,
            };
            out.push(VariantStatus { lang: lang.code.clone(), form, state, file, url: None, source_words });
        }
    }
    PageStatus { path: path.to_string(), source: find(default, Form::Standard).map(|i| files[i].file.to_string()), variants: out }
}

/// A language listed in a source page's `translate:` must be one of the site's: a typo would
/// quietly stop its translation being asked for.
fn check_translate(config: &Config, variants: &[Variant]) -> Result<()> {
    let Some(source) = variants.iter().find(|v| v.lang == config.default_language && v.form == Form::Standard) else { return Ok(()) };
    let crate::front_matter::Translate::Only(langs) = &source.front.translate else { return Ok(()) };
    let known = || config.languages.iter().map(|l| l.code.as_str());
    match langs.iter().find(|l| !config.has_language(l)) {
        None => Ok(()),
        Some(l) => {
            let mut hint = format!("`translate:` lists the languages this page is meant to be translated into, from the site's languages: {}.", known().collect::<Vec<_>>().join(", "));
            if let Some(near) = did_you_mean(l, known()) {
                hint = format!("Did you mean `{near}`? {hint}");
            }
            let mut d = Diagnostic::new(&source.file, format!("`{l}` in `translate:` is not one of the site's languages")).hint(hint);
            d.line = source.key_line("translate");
            Err(Error::input(d))
        }
    }
}

impl Site {
    /// Stages 2–4 (content, front matter, site), without the theme: what `build` starts from,
    /// and all that `status`, `export` and `import` need.
    pub fn load(config: Config, options: Options) -> Result<Site> {
        let content = crate::load::load_content(&config.root, &config.languages)?;
        let parsed: Vec<std::result::Result<_, _>> = content.pages.into_par_iter().map(|file| crate::front_matter::parse(&file.rel, &file.text).map(|p| (file, p))).collect();
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
        Site::assemble(config, files, content.assets, content.statics, options)
    }

    /// Builds the page tree from parsed files.
    pub fn assemble(config: Config, files: Vec<(SourceFile, Parsed)>, assets: Vec<Asset>, statics: Vec<Asset>, opts: Options) -> Result<Site> {
        let lang_order: HashMap<&str, usize> = config.languages.iter().enumerate().map(|(i, l)| (l.code.as_str(), i)).collect();
        let default = config.default_language.clone();
        let Grouped { pages: mut grouped, drafts, mut findings } = group_by_page(files, &default, &opts)?;
        let home = grouped.entry(String::new()).or_insert_with(|| ("_index".into(), true, Vec::new()));
        if !home.2.iter().any(|v| v.lang == default && v.form == Form::Standard) && !drafts.contains_key("") {
            let made = generated_home(&config, &home.2);
            home.2.extend(made);
            findings.push(
                Finding::new(
                    &rules::HOME_GENERATED,
                    Severity::Warning,
                    format!("{CONTENT_DIR}/_index.md"),
                    "The site has no home page, so clearleaf made one that lists the site's sections and pages.",
                )
                .help("Write content/_index.md, with a title in its front matter and a few words on what the site is for and who it helps: it becomes the home page."),
            );
        }
        let mut pages = Vec::with_capacity(grouped.len());
        let mut status = Vec::new();
        for path in grouped.keys().chain(drafts.keys()).cloned().collect::<std::collections::BTreeSet<_>>() {
            let (key_page, is_section, mut variants) = grouped.remove(&path).unwrap_or_default();
            variants.sort_by_key(|v| (lang_order[v.lang.as_str()], v.form));
            check_translate(&config, &variants)?;
            let states = page_status(&default, &config, &path, &variants, drafts.get(&path).map_or(&[], |d| d.as_slice()));
            let mut states_of = states.variants.iter().map(|s| ((s.lang.clone(), s.form), s.state)).collect::<HashMap<_, _>>();
            status.push(states);
            // A variant whose source does not exist is an orphan: reported, not published. One
            // whose source is a draft is not published either.
            variants.retain(|v| {
                let state = states_of.remove(&(v.lang.clone(), v.form)).unwrap_or(State::Current);
                if matches!(state, State::Orphan | State::Draft) {
                    findings.extend(v.front_findings.iter().cloned());
                }
                if state == State::Orphan {
                    let (sl, sf) = source_of(&default, &v.lang, v.form).unwrap_or((default.clone(), Form::Standard));
                    findings.push(Finding::new(&rules::TRANSLATION_ORPHAN, Severity::Warning, &v.file, "This page is not published: the page it was made from does not exist.").line(1).help(format!(
                        "Create the {} {} version it comes from ({}), or delete this file if the page was removed on purpose.",
                        sl,
                        sf.as_str(),
                        variant_file_name(&key_page, &sl, sf, &config.default_language),
                    )));
                }
                !matches!(state, State::Orphan | State::Draft)
            });
            if variants.is_empty() {
                continue;
            }
            pages.push(Page { path, is_section, parent: None, children: Vec::new(), variants });
        }
        if pages.first().is_none_or(|p| !p.path.is_empty()) {
            // Only a home page that is a draft gets here: without one, one was made above.
            return Err(Error::input(
                Diagnostic::new(format!("{CONTENT_DIR}/_index.md"), "the site has no home page: content/_index.md is a draft")
                    .hint("Remove `draft: true` from its front matter to publish it, or build with --drafts to see it."),
            ));
        }
        let page_of_path: HashMap<String, usize> = pages.iter().enumerate().map(|(i, p)| (p.path.clone(), i)).collect();
        link_parents(&mut pages, &page_of_path);
        let mut site = Site {
            config,
            pages,
            targets: Vec::new(),
            target_of: Default::default(),
            page_of_path,
            asset_paths: assets.iter().map(|a| a.out.clone()).collect(),
            assets,
            static_paths: statics.iter().map(|a| a.out.clone()).collect(),
            statics,
            unpublished_findings: findings,
            page_findings: Vec::new(),
            status,
            drafts,
            options: opts,
            menu: Vec::new(),
            files_by_folder: OnceLock::new(),
        };
        for i in 0..site.pages.len() {
            site.sort_children(i);
        }
        site.plan_targets()?;
        site.page_findings = (0..site.pages.len()).map(|i| site.findings_of_page(i)).collect();
        Ok(site)
    }

    /// Children in menu order: weight, then title, then path.
    fn sort_children(&mut self, i: usize) {
        let mut children = std::mem::take(&mut self.pages[i].children);
        let key = |c: usize| {
            let v = &self.pages[c].variants[0];
            (v.front.weight.unwrap_or(i64::MAX), v.title(), &self.pages[c].path)
        };
        children.sort_by(|&a, &b| key(a).cmp(&key(b)));
        if i == 0 {
            self.menu = children.iter().copied().filter(|&c| self.pages[c].is_section).collect();
        }
        self.pages[i].children = children;
    }

    /// The home page's sections, in menu order: the main menu of every page.
    pub fn menu_sections(&self) -> &[usize] {
        &self.menu
    }

    /// Every finding about the content.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.unpublished_findings.iter().chain(self.page_findings.iter().flatten()).chain(self.assets.iter().flat_map(|a| &a.findings))
    }

    /// Takes in a new version of a published page file (for `serve`): updates its page's
    /// translation states, output pages and findings. Returns the pages whose output may have
    /// changed, or `None` when the change reshapes the site (a page appears or disappears, a
    /// menu entry changes) and only a full rebuild is right: the site may then be part-updated
    /// and must be assembled again.
    pub fn update_file(&mut self, file: SourceFile, parsed: Parsed) -> Option<Vec<usize>> {
        let (pi, vi) = self.pages.iter().enumerate().find_map(|(pi, p)| p.variants.iter().position(|v| v.file == file.rel).map(|vi| (pi, vi)))?;
        if parsed.front.draft && !self.options.drafts {
            return None;
        }
        let page = &self.pages[pi];
        let in_menu = pi == 0 || (page.is_section && page.parent == Some(0));
        let old = &page.variants[vi];
        // A home page written where clearleaf had made one replaces all the made ones.
        if old.generated {
            return None;
        }
        if in_menu && (old.front.title != parsed.front.title || old.front.weight != parsed.front.weight) {
            return None;
        }
        let hash = hash_and_words(&file, &parsed, &self.config.default_language);
        self.pages[pi].variants[vi] = Variant::new(file, parsed, hash);
        let page = &self.pages[pi];
        let si = self.status.binary_search_by(|s| s.path.as_str().cmp(&page.path)).ok()?;
        self.status[si] = page_status(&self.config.default_language, &self.config, &page.path, &page.variants, self.drafts.get(&page.path).map_or(&[], |d| d.as_slice()));
        let (start, end) = (self.targets.partition_point(|t| t.page < pi), self.targets.partition_point(|t| t.page <= pi));
        let planned = self.targets_of_page(pi, si);
        if planned.len() != end - start || planned.iter().zip(&self.targets[start..end]).any(|((new, _), old)| new.url != old.url) {
            return None;
        }
        for (i, (target, at)) in planned.into_iter().enumerate() {
            self.publish(si, at, &target);
            self.targets[start + i] = target;
        }
        // The parent lists this page (titles, order, language); a section's title shows on
        // its children.
        let mut affected = vec![pi];
        if let Some(parent) = self.pages[pi].parent {
            self.sort_children(parent);
            affected.push(parent);
        }
        if self.pages[pi].is_section {
            affected.extend(self.pages[pi].children.iter().copied());
        }
        self.page_findings[pi] = self.findings_of_page(pi);
        Some(affected)
    }

    /// Decides the output pages: every form the source has, in every language, showing the
    /// variant itself or (by policy) the source as a fallback. An outdated translation is
    /// replaced by its source when the page is `critical: true` or the policy is
    /// `translations.outdated: fallback`; an outdated Easy read page of the default language
    /// keeps its own content (its source is the other form), with a notice.
    fn plan_targets(&mut self) -> Result<()> {
        let mut outputs = Outputs::default();
        let mut problems = Vec::new();
        for asset in self.statics.iter().chain(&self.assets) {
            let url = format!("{}{}", self.config.base_path, asset.out);
            problems.extend(outputs.claim(asset.out.clone(), &url, &asset.rel));
        }
        for pi in 0..self.pages.len() {
            let Ok(si) = self.status.binary_search_by(|s| s.path.as_str().cmp(&self.pages[pi].path)) else { continue };
            for (target, at) in self.targets_of_page(pi, si) {
                let file = output_file(&self.config.base_path, &target.url);
                let shown_file = &self.pages[pi].variants[target.content].file;
                problems.extend(outputs.claim(file, &target.url, shown_file));
                self.publish(si, at, &target);
                if let Some(l) = self.lang_index(&target.lang) {
                    self.target_of.insert((pi, l, target.form), self.targets.len());
                }
                self.targets.push(target);
            }
        }
        if problems.is_empty() { Ok(()) } else { Err(Error::Input(problems)) }
    }

    /// The output pages of one page (`si` is its entry in `status`), each with the index of the
    /// status entry it publishes.
    fn targets_of_page(&self, pi: usize, si: usize) -> Vec<(Target, Option<usize>)> {
        let default = &self.config.default_language;
        let page = &self.pages[pi];
        let status = &self.status[si].variants;
        let replace_outdated = self.config.translations.outdated == OutdatedPolicy::Fallback;
        let critical = page.is_critical(default);
        let mut out = Vec::new();
        for form in [Form::Standard, Form::Easy] {
            let Some(source) = page.index_of(default, form) else { continue };
            // Readers are never handed an outdated page in place of another: when the source
            // itself is outdated (an Easy read page behind its standard page), a translation
            // keeps its own file, with its notice, and a missing one is not published.
            let source_outdated = status.iter().any(|v| v.lang == *default && v.form == form && v.state == State::Outdated);
            let replace = (critical || replace_outdated) && !source_outdated;
            for lang in &self.config.languages {
                let at = status.iter().position(|v| v.lang == lang.code && v.form == form);
                let (content, shows, state) = match page.index_of(&lang.code, form) {
                    Some(own) => match at.map(|vi| status[vi].state) {
                        Some(State::Outdated) if lang.code != *default && replace => (source, Shows::Fallback, State::Fallback),
                        Some(state) => (own, Shows::Own, state),
                        None => (own, Shows::Own, State::Current),
                    },
                    None if source_outdated && (critical || replace_outdated) => continue,
                    None if self.config.translations.missing == MissingPolicy::Fallback => {
                        let state = at.map_or(State::Missing, |vi| status[vi].state);
                        (source, Shows::Fallback, state)
                    }
                    None => continue,
                };
                let url = self.url_for(&page.path, &lang.code, form);
                out.push((Target { page: pi, lang: lang.code.clone(), form, url, content, shows, state }, at));
            }
        }
        out
    }

    /// Records where a status entry is published and in which state.
    fn publish(&mut self, si: usize, at: Option<usize>, target: &Target) {
        if let Some(vi) = at {
            let v = &mut self.status[si].variants[vi];
            v.url = Some(target.url.clone());
            v.state = target.state;
        }
    }

    /// The findings about one page's files: their front matter, review dates, a missing Easy
    /// read version, and translation states.
    fn findings_of_page(&self, pi: usize) -> Vec<Finding> {
        let page = &self.pages[pi];
        let mut out: Vec<Finding> = page.variants.iter().flat_map(|v| v.front_findings.iter().cloned()).collect();
        self.content_findings(page, &mut out);
        if let Ok(si) = self.status.binary_search_by(|s| s.path.as_str().cmp(&page.path)) {
            self.translation_findings(page, &self.status[si], &mut out);
        }
        out
    }

    fn content_findings(&self, page: &Page, out: &mut Vec<Finding>) {
        let default = &self.config.default_language;
        for v in &page.variants {
            if let Some(due) = v.front.review_due.filter(|d| *d < self.options.today) {
                out.push(
                    Finding::new(&rules::CONTENT_REVIEW_DUE, Severity::Warning, &v.file, format!("This page was due for review on {due}."))
                        .maybe_line(v.key_line("review_due"))
                        .help("Check that the page is still right, then set `reviewed` to today and `review_due` to the next review date."),
                );
            }
        }
        if page.variant(default, Form::Easy).is_none()
            && let Some(v) = page.variant(default, Form::Standard)
        {
            let easy = variant_file_name(&page.key_page(), default, Form::Easy, &self.config.default_language);
            out.push(
                Finding::new(&rules::EASY_READ_MISSING, Severity::Warning, &v.file, "This page has no Easy read version.")
                    .line(1)
                    .help(format!("Write one in {easy}: short sentences, one idea each, a picture beside each idea.")),
            );
        }
    }

    /// TRANSLATION-OUTDATED for every outdated variant (an error under
    /// `translations.outdated: error`), and TRANSLATION-MISSING for every language a page has no
    /// standard translation in (on the source file: it is the source that needs translating).
    fn translation_findings(&self, page: &Page, ps: &PageStatus, out: &mut Vec<Finding>) {
        let default = &self.config.default_language;
        let policy = self.config.translations.outdated;
        let severity = if policy == OutdatedPolicy::Error { Severity::Error } else { Severity::Warning };
        for vs in &ps.variants {
            match vs.state {
                State::Outdated | State::Fallback => {
                    let Some(v) = page.variant(&vs.lang, vs.form) else { continue };
                    let Some((sl, sf)) = source_of(default, &vs.lang, vs.form) else { continue };
                    let Some(source) = page.variant(&sl, sf) else { continue };
                    let what = if vs.lang == *default { "Easy read version" } else { "translation" };
                    // Stamped with the source's current hash yet outdated: the source itself is.
                    let stamped = staleness::stamp_matches(v.front.source_hash.as_deref(), &source.source_hash());
                    let (mut message, help) = if stamped {
                        (
                            format!("This {what} matches {}, but that file is itself out of date, so this one is too.", source.file),
                            format!("First bring {} up to date and stamp it; then check this file against it and run `clearleaf stamp {}`.", source.file, v.file),
                        )
                    } else if v.front.source_hash.is_none() {
                        (
                            format!("This {what} has no `source_hash`, so clearleaf cannot tell whether it matches {}.", source.file),
                            format!("Check that it says the same as {}, then run `clearleaf stamp {}` to record that.", source.file, v.file),
                        )
                    } else {
                        (
                            format!("{} has changed since this {what} was made.", source.file),
                            format!("Update the text to match {} (its history shows what changed), then run `clearleaf stamp {}`.", source.file, v.file),
                        )
                    };
                    // An Easy read version of a critical page that readers still get: its old
                    // facts are published, so it stops the build unless `checks:` lowers it.
                    let critical_shown = vs.state == State::Outdated && vs.form == Form::Easy && page.is_critical(default);
                    message.push_str(match (vs.state, policy) {
                        _ if critical_shown => " The page is critical: its readers would get old facts. Until it is updated, the build stops, or, with `checks: {CRITICAL-OUTDATED: warning}`, readers see a strong notice that links to the up-to-date page.",
                        (State::Fallback, OutdatedPolicy::Fallback) => " Readers are shown that file instead (translations.outdated: fallback).",
                        (State::Fallback, _) => " Readers are shown that file instead, because the page is critical.",
                        (_, OutdatedPolicy::Error) => " The build stops (translations.outdated: error).",
                        _ => " Readers see it with a notice that it may be out of date.",
                    });
                    let (rule, severity) = if critical_shown { (&rules::CRITICAL_OUTDATED, rules::CRITICAL_OUTDATED.severity) } else { (&rules::TRANSLATION_OUTDATED, severity) };
                    let mut f = Finding::new(rule, severity, &v.file, message).line(v.key_line("source_hash").unwrap_or(1)).help(help);
                    if let Some(url) = &vs.url {
                        f = f.page(url, &vs.lang, vs.form);
                    }
                    out.push(f);
                }
                State::Missing if vs.form == Form::Standard && vs.lang != *default => {
                    let Some(source) = &ps.source else { continue };
                    let copy = variant_file_name(&page.key_page(), &vs.lang, Form::Standard, &self.config.default_language);
                    let readers = match self.config.translations.missing {
                        MissingPolicy::Fallback => format!("Readers of {} get the {default} page with a notice.", vs.lang),
                        MissingPolicy::Omit => format!("It is not published in {}.", vs.lang),
                    };
                    let mut f = Finding::new(&rules::TRANSLATION_MISSING, Severity::Warning, source, format!("This page has no {} translation. {readers}", vs.lang)).line(1).help(format!(
                        "To translate it, copy it to {copy}, translate the text, then run `clearleaf stamp {copy}`. If it is not meant to be translated, add `translate: false` to its front matter."
                    ));
                    // The text report sums these up per language.
                    f.lang = Some(vs.lang.clone());
                    out.push(f);
                }
                _ => {}
            }
        }
    }

    /// The root-relative URL of a page in a language and form (SPEC §5).
    pub fn url_for(&self, path: &str, lang: &str, form: Form) -> String {
        let mut url = self.config.base_path.clone();
        if lang != self.config.default_language {
            url.push_str(lang);
            url.push('/');
        }
        if form == Form::Easy {
            url.push_str("easy-read/");
        }
        if !path.is_empty() {
            url.push_str(path);
            url.push('/');
        }
        url
    }

    /// The output page for a page in a language and form, if one is published.
    pub fn target(&self, page: usize, lang: &str, form: Form) -> Option<&Target> {
        self.target_of.get(&(page, self.lang_index(lang)?, form)).map(|&i| &self.targets[i])
    }

    fn lang_index(&self, lang: &str) -> Option<usize> {
        self.config.languages.iter().position(|l| l.code == lang)
    }

    /// The variant a target shows.
    pub fn content(&self, t: &Target) -> &Variant {
        &self.pages[t.page].variants[t.content]
    }

    /// The best target for a page as seen from a reader in `lang` and `form`: the same language
    /// and form, else the same language's standard form, else the default language.
    pub fn nearest_target(&self, page: usize, lang: &str, form: Form) -> Option<&Target> {
        let default = self.config.default_language.as_str();
        self.target(page, lang, form).or_else(|| self.target(page, lang, Form::Standard)).or_else(|| self.target(page, default, form)).or_else(|| self.target(page, default, Form::Standard))
    }

    /// Resolves a link written in `from_file` (site-relative) for a reader in `lang`/`form`.
    pub fn resolve_link(&self, from_file: &str, dest: &str, lang: &str, form: Form) -> std::result::Result<String, Unresolved> {
        if dest.is_empty() || dest.starts_with('#') || dest.starts_with("//") || has_scheme(dest) {
            return Ok(dest.to_string());
        }
        let (path, fragment) = match dest.find(['#', '?']) {
            Some(i) => (&dest[..i], &dest[i..]),
            None => (dest, ""),
        };
        if let Some(url) = self.static_url(path) {
            return Ok(format!("{url}{fragment}"));
        }
        let inside = self.content_path(from_file, path)?;
        if inside.ends_with(".md") {
            let key = parse_file_name(&inside, &self.config.languages).map_err(|d| d.message)?;
            let (page_path, _) = page_path(&key.page);
            let &page = self.page_of_path.get(&page_path).ok_or_else(|| self.no_file(from_file, &inside, "page"))?;
            let (lang, form) = self.link_lang_form(&inside, &key, lang, form);
            let t = self.nearest_target(page, &lang, form).ok_or_else(|| format!("{CONTENT_DIR}/{inside} is not published"))?;
            return Ok(format!("{}{fragment}", t.url));
        }
        if self.asset_paths.contains(&inside) {
            return Ok(format!("{}{}{fragment}", self.config.base_path, escape_percent(&inside)));
        }
        // A link written as a page address (`../rights/`) rather than a file.
        if let Some(&page) = self.page_of_path.get(inside.trim_end_matches('/'))
            && let Some(t) = self.nearest_target(page, lang, form)
        {
            return Ok(format!("{}{fragment}", t.url));
        }
        Err(self.no_file(from_file, &inside, "file"))
    }

    /// Resolves a picture path written in `from_file`.
    pub fn resolve_image(&self, from_file: &str, src: &str) -> std::result::Result<String, Unresolved> {
        if src.starts_with("//") || has_scheme(src) {
            return Ok(src.to_string());
        }
        if let Some(url) = self.static_url(src) {
            return Ok(url);
        }
        let inside = self.content_path(from_file, src)?;
        if self.asset_paths.contains(&inside) { Ok(format!("{}{}", self.config.base_path, escape_percent(&inside))) } else { Err(self.no_file(from_file, &inside, "file")) }
    }

    /// Why `inside` (a path in `content/`) cannot be linked from `from_file`, with the file
    /// of a nearly equal name, if there is one.
    fn no_file(&self, from_file: &str, inside: &str, what: &str) -> Unresolved {
        // Comparing with every name of a folder costs its size: past this many names, a page
        // with thousands of broken links would take quadratic time for its suggestions.
        const MAX: usize = 2000;
        let by_folder = self.files_by_folder.get_or_init(|| {
            let mut by_folder: BTreeMap<String, Vec<String>> = BTreeMap::new();
            let pages = self.pages.iter().flat_map(|p| &p.variants).map(|v| v.file.strip_prefix(CONTENT_DIR).unwrap_or(&v.file).trim_start_matches('/'));
            for f in pages.chain(self.asset_paths.iter().map(String::as_str)) {
                let (dir, name) = f.rsplit_once('/').unwrap_or(("", f));
                by_folder.entry(dir.to_string()).or_default().push(name.to_string());
            }
            by_folder.values_mut().for_each(|names| names.sort());
            by_folder
        });
        let why = format!("there is no {what} {CONTENT_DIR}/{inside}");
        let (dir, name) = inside.rsplit_once('/').unwrap_or(("", inside));
        let dir = if by_folder.contains_key(dir) || by_folder.len() > MAX { Some(dir) } else { did_you_mean(dir, by_folder.keys().map(String::as_str)) };
        let near = dir.and_then(|dir| {
            let names = by_folder.get(dir).filter(|n| n.len() <= MAX)?;
            let near = did_you_mean(name, names.iter().map(String::as_str)).filter(|n| *n != name)?;
            let from_dir = from_file.strip_prefix(CONTENT_DIR).unwrap_or(from_file).trim_start_matches('/').rsplit_once('/').map_or("", |(d, _)| d);
            Some(link_from(from_dir, &if dir.is_empty() { near.to_string() } else { format!("{dir}/{near}") }))
        });
        Unresolved { why, near }
    }

    /// The URL of a root-relative path (`/images/x.png`) that names a file of `static/`.
    fn static_url(&self, path: &str) -> Option<String> {
        let abs = path.strip_prefix('/')?;
        let inside = abs.strip_prefix(self.config.base_path.trim_start_matches('/')).unwrap_or(abs);
        let inside = nfc(&percent_decode_str(inside).decode_utf8_lossy());
        self.static_paths.contains(&inside).then(|| format!("{}{}", self.config.base_path, escape_percent(&inside)))
    }

    /// A link names a language or form only when its file name says so (`x.cy.md`,
    /// `x.easy.md`); otherwise it follows the reader's.
    fn link_lang_form(&self, inside: &str, key: &VariantKey, lang: &str, form: Form) -> (String, Form) {
        let named_lang = inside.ends_with(&format!(".{}.md", key.lang));
        let lang = if named_lang { key.lang.clone() } else { lang.to_string() };
        let form = if key.form == Form::Easy { Form::Easy } else { form };
        (lang, form)
    }

    /// `dest` (relative to `from_file`'s folder, or to `content/` when it starts with `/`) as a
    /// path inside `content/`; an error if it climbs out of it.
    fn content_path(&self, from_file: &str, dest: &str) -> std::result::Result<String, String> {
        let dest = percent_decode_str(dest).decode_utf8_lossy();
        let mut parts: Vec<&str> = Vec::new();
        let base_path = self.config.base_path.trim_start_matches('/');
        let rel = if let Some(abs) = dest.strip_prefix('/') {
            abs.strip_prefix(base_path).unwrap_or(abs)
        } else {
            let dir = from_file.strip_prefix(CONTENT_DIR).unwrap_or(from_file).trim_start_matches('/');
            push_path(&mut parts, dir.rsplit_once('/').map(|(d, _)| d).unwrap_or(""));
            &dest
        };
        if !push_path(&mut parts, rel) {
            return Err("it points outside the content folder".into());
        }
        let mut out = nfc(&parts.join("/"));
        if rel.ends_with('/') && !out.is_empty() {
            out.push('/');
        }
        Ok(out)
    }

    /// The day the site is built for (`--today`): reviews before it are due.
    pub fn today(&self) -> Date {
        self.options.today
    }

    /// Index of the page at `path`.
    pub fn page_at(&self, path: &str) -> Option<usize> {
        self.page_of_path.get(path).copied()
    }
}

/// A file's path as a URL path. The renderer percent-encodes every address but keeps escapes
/// already written, so a `%` that is part of a file name (`100%.pdf`, `a%20b.pdf`) is escaped
/// here, where the path is known to be decoded.
fn escape_percent(path: &str) -> String {
    path.replace('%', "%25")
}

/// The files of the output so far, by their name in lower case: two names that differ only in
/// capitals (`Help/` and `help/`) are one file on Windows, macOS and many web hosts.
#[derive(Default)]
struct Outputs {
    /// Lower-case output file → (the output file, its URL, the source file written there).
    by_folded: HashMap<String, (String, String, String)>,
}

impl Outputs {
    /// Records that `source` is published as `file` at `url`; a problem if another source
    /// file is published there already, or at a name that differs only in capitals.
    fn claim(&mut self, file: String, url: &str, source: &str) -> Option<Diagnostic> {
        let folded = file.to_lowercase();
        let (other_file, other_url, other) = match self.by_folded.get(&folded) {
            Some(entry) if entry.2 != source => entry.clone(),
            Some(_) => return None,
            None => {
                self.by_folded.insert(folded, (file, url.to_string(), source.to_string()));
                return None;
            }
        };
        Some(if nfc(&other) == nfc(source) {
            crate::load::spelled_twice(source, &other)
        } else if other_file == file {
            Diagnostic::new(source, format!("this file would be published at {url}, where {other} is published too"))
                .hint("Rename one of them. Folder names that equal a language code or easy-read clash with translated pages.")
        } else {
            Diagnostic::new(source, format!("this file would be published at {url} and {other} at {other_url}: the two addresses differ only in capital letters"))
                .hint("Rename one of them. Windows, macOS and many web hosts treat names that differ only in capitals as the same name, so one would replace the other. Lower-case names are safest.")
        })
    }
}

fn has_scheme(s: &str) -> bool {
    match s.find(':') {
        Some(i) => s[..i].chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) && i > 0,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes() {
        assert!(has_scheme("https://x") && has_scheme("mailto:a@b") && has_scheme("tel:111"));
        assert!(!has_scheme("a.md") && !has_scheme(":x") && !has_scheme("a/b:c"));
    }
}
