//! The site `serve` keeps in memory between changes, and how a change reaches it: an edited
//! page re-renders only the output pages that show it or list it; anything that reshapes the
//! site (a file created or removed, a template, a locale, site.yaml) rebuilds everything.
//!
//! An update is served in two steps, so that the edited page appears at once: first the
//! re-rendered pages with their own findings, then the site-wide checks (links between pages,
//! titles, menus), which look at every page and take longer on a large site.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::checks;
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::front_matter;
use crate::load::{self, CONTENT_DIR, STATIC_DIR};
use crate::output::artefacts::{self, Refresh};
use crate::output::{Memory, Sink};
use crate::pipeline::{self, Loaded, Rendered, Timings};
use crate::site::{Shows, Target};
use crate::templates::{THEMES_DIR, Theme};

/// The loaded site and what every output page left behind, in `site.targets` order.
pub struct Session {
    opts: pipeline::Options,
    root: PathBuf,
    loaded: Loaded,
    rendered: Vec<Rendered>,
    /// An update failed after the site had taken in part of it: only a full build is right now.
    broken: bool,
}

/// What changed in the served site.
#[derive(Default)]
pub struct Update {
    /// The whole site was rebuilt: `files` replaces every file served.
    pub full: bool,
    /// Output files written (all of them after a full build).
    pub files: HashMap<String, Vec<u8>>,
    /// Page-level findings of the output pages rendered, by URL.
    pub page_findings: Vec<(String, Vec<Finding>)>,
}

/// The result of the site-wide checks.
pub struct SiteCheck {
    /// Findings (with the site's severities) by the URL of the page they are about; a finding
    /// about a file goes to the pages that show it.
    pub by_url: HashMap<String, Vec<Finding>>,
    /// The artefacts that depend on every page (the sitemap …), written again.
    pub files: HashMap<String, Vec<u8>>,
}

/// How one changed path reaches the site.
enum Change {
    /// A published page file was edited.
    Page(String),
    /// A template of the site's theme was edited, created or removed.
    Template(String),
    /// A file copied as it is (a picture beside a page, a file of `static/`) was edited.
    Copy { path: PathBuf, out: String },
    /// Nothing the site uses (an editor's temporary file that is gone again).
    Nothing,
    /// Anything else: rebuild everything.
    Reshape,
}

/// Writes into memory and reads back what is served: the artefacts made after the site-wide
/// checks (the search index) are made from every page, not only those this change rendered.
struct OverServed<'a> {
    written: Memory,
    served: &'a (dyn Fn(&str) -> Option<Vec<u8>> + Sync),
}

impl Sink for OverServed<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        self.written.write(rel, bytes)
    }

    fn read(&self, rel: &str) -> Option<Vec<u8>> {
        self.written.read(rel).or_else(|| (self.served)(rel))
    }
}

impl Session {
    /// Builds the whole site into memory.
    pub fn start(opts: pipeline::Options) -> Result<(Session, Update)> {
        let root = opts.root.canonicalize().map_err(|e| Error::io(&opts.root, e))?;
        let loaded = pipeline::load(&opts)?;
        let memory = Memory::default();
        let all: Vec<usize> = (0..loaded.site.targets.len()).collect();
        let rendered = pipeline::render_pages(&loaded, &all, &opts, Some(&memory), &Timings::default())?;
        pipeline::write_artefacts(&loaded, &opts, &memory, |r| r != Refresh::OnRequest)?;
        let session = Session { opts, root, loaded, rendered, broken: false };
        let page_findings = session.findings_of(&all);
        Ok((session, Update { full: true, files: memory.into_files(), page_findings }))
    }

    /// Number of output pages.
    pub fn pages(&self) -> usize {
        self.rendered.len()
    }

    /// Takes in changed files. On an error (a file that cannot be read or parsed, a template
    /// error) the served site stays as it was.
    pub fn apply(&mut self, changed: &[PathBuf]) -> Result<Update> {
        if self.broken {
            return self.rebuild();
        }
        let memory = Memory::default();
        let mut pages = BTreeSet::new();
        let mut templates = BTreeSet::new();
        for path in changed {
            match self.classify(path) {
                Change::Page(rel) => match self.update_page(rel)? {
                    Some(affected) => {
                        // The site has taken the edit in: if anything fails before its pages
                        // are rendered, only a full build brings the session back in step.
                        self.broken = true;
                        pages.extend(affected);
                    }
                    None => return self.rebuild(),
                },
                Change::Template(name) => {
                    templates.insert(name);
                }
                Change::Copy { path, out } => memory.copy(&path, &out)?,
                Change::Nothing => {}
                Change::Reshape => return self.rebuild(),
            }
        }
        if !templates.is_empty() {
            self.loaded.theme = Theme::load(&self.loaded.site.config, Arc::clone(&self.loaded.locales))?;
            pipeline::write_artefacts(&self.loaded, &self.opts, &memory, |r| r == Refresh::Templates)?;
        }
        let site = &self.loaded.site;
        // page.html renders pages and section.html sections; any other template may be part of
        // every page.
        let uses_changed_template = |t: &Target| {
            let own = if site.pages[t.page].is_section { "section.html" } else { "page.html" };
            templates.iter().any(|name| name == own || (name != "page.html" && name != "section.html" && name != "404.html"))
        };
        let targets: Vec<usize> = (0..site.targets.len()).filter(|&i| pages.contains(&site.targets[i].page) || uses_changed_template(&site.targets[i])).collect();
        let rendered = pipeline::render_pages(&self.loaded, &targets, &self.opts, Some(&memory), &Timings::default())?;
        for (&i, r) in targets.iter().zip(rendered) {
            self.rendered[i] = r;
        }
        self.broken = false;
        let page_findings = self.findings_of(&targets);
        Ok(Update { full: false, files: memory.into_files(), page_findings })
    }

    fn rebuild(&mut self) -> Result<Update> {
        let (session, update) = Session::start(self.opts.clone())?;
        *self = session;
        Ok(update)
    }

    /// Runs the site-wide checks; `None` if `stop` was set on the way (a newer change waits,
    /// and these results would be out of date).
    /// `served` gives back the pages as they are served, which the search index is made from.
    pub fn check_site(&self, stop: &AtomicBool, served: &(dyn Fn(&str) -> Option<Vec<u8>> + Sync)) -> Option<SiteCheck> {
        let site = &self.loaded.site;
        let facts: Vec<_> = self.rendered.iter().map(|r| &r.facts).collect();
        let mut findings = pipeline::site_findings(&self.loaded, &facts, stop);
        // The search pages' findings; a template that cannot render them was already reported
        // when the templates were loaded again.
        findings.extend(artefacts::check(&self.loaded.artefact_context(&self.opts)).unwrap_or_default());
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        let mut urls_of_file: HashMap<&str, Vec<&str>> = HashMap::new();
        for t in site.targets.iter().filter(|t| t.shows == Shows::Own) {
            urls_of_file.entry(site.content(t).file.as_str()).or_default().push(&t.url);
        }
        let mut by_url: HashMap<String, Vec<Finding>> = HashMap::new();
        for (i, mut f) in findings.into_iter().chain(site.findings().cloned()).enumerate() {
            if i % 4096 == 0 && stop.load(Ordering::Relaxed) {
                // Freeing a large half-built map takes long enough to delay the next change.
                std::thread::spawn(move || drop(by_url));
                return None;
            }
            if !checks::apply_level(&mut f, &site.config.checks) {
                continue;
            }
            let urls = match &f.url {
                Some(url) => vec![url.as_str()],
                None => urls_of_file.get(f.file.as_str()).cloned().unwrap_or_default(),
            };
            for url in urls {
                by_url.entry(url.to_string()).or_default().push(f.clone());
            }
        }
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        let sink = OverServed { written: Memory::default(), served };
        // Writing to memory cannot fail; a template error shows in the page build already.
        pipeline::write_artefacts(&self.loaded, &self.opts, &sink, |r| r == Refresh::SiteWide).ok()?;
        Some(SiteCheck { by_url, files: sink.written.into_files() })
    }

    /// The PDF leaflet at the output path `path`, typeset now from the pages being served, with
    /// its findings at the site's severities; `None` when no page has a leaflet there.
    pub fn leaflet(&self, path: &str, served: &(dyn Fn(&str) -> Option<Vec<u8>> + Sync)) -> Option<artefacts::pdf::Asked> {
        let sink = OverServed { written: Memory::default(), served };
        match artefacts::pdf::leaflet_at(&self.loaded.artefact_context(&self.opts), &sink, path) {
            Ok(mut asked) => {
                if let Some(asked) = &mut asked {
                    checks::apply_levels(&mut asked.findings, &self.loaded.site.config.checks);
                }
                asked
            }
            Err(e) => {
                eprintln!("{e}");
                None
            }
        }
    }

    fn findings_of(&self, targets: &[usize]) -> Vec<(String, Vec<Finding>)> {
        let site = &self.loaded.site;
        targets
            .iter()
            .map(|&i| {
                let mut findings = self.rendered[i].findings.clone();
                checks::apply_levels(&mut findings, &site.config.checks);
                (site.targets[i].url.clone(), findings)
            })
            .collect()
    }

    fn classify(&self, path: &Path) -> Change {
        if path.file_name().is_some_and(crate::files::is_ignored) {
            return Change::Nothing;
        }
        let Ok(inside) = path.strip_prefix(&self.root) else { return Change::Reshape };
        // A file replaced by a link out of the site: the full build refuses it with its message.
        if crate::files::SiteFolder::new(&self.root).check(path).is_err() {
            return Change::Reshape;
        }
        let rel = crate::files::rel_path(Path::new(""), inside);
        let site = &self.loaded.site;
        let is_file = path.is_file();
        let known = if rel.starts_with(&format!("{CONTENT_DIR}/")) {
            if rel.ends_with(".md") && site.pages.iter().flat_map(|p| &p.variants).any(|v| v.file == rel) {
                return if is_file { Change::Page(rel) } else { Change::Reshape };
            }
            site.assets.iter().find(|a| a.rel == rel)
        } else if let Some(name) = rel.strip_prefix(&format!("{THEMES_DIR}/{}/templates/", site.config.theme)) {
            return Change::Template(name.to_string());
        } else if rel.starts_with(&format!("{STATIC_DIR}/")) {
            site.statics.iter().find(|a| a.rel == rel)
        } else {
            return Change::Reshape;
        };
        match known {
            // A cleaned picture's findings come from the load stage: load it again.
            Some(asset) if is_file && asset.cleaned.is_none() => Change::Copy { path: asset.path.clone(), out: asset.out.clone() },
            None if !path.exists() => Change::Nothing,
            _ => Change::Reshape,
        }
    }

    /// Reads an edited page file into the site; returns the pages to re-render, or `None` when
    /// the edit reshapes the site.
    fn update_page(&mut self, rel: String) -> Result<Option<Vec<usize>>> {
        let config = &self.loaded.site.config;
        let key = load::parse_file_name(&rel[CONTENT_DIR.len() + 1..], &config.languages).map_err(Error::input)?;
        let path = self.root.join(&rel);
        let file = load::read_page(rel, key, &path).map_err(Error::input)?;
        let parsed = front_matter::parse(&file.rel, &file.text).map_err(Error::input)?;
        Ok(self.loaded.site.update_file(file, parsed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::staleness::source_hash;
    use crate::rules;

    const NIGHT: &str = "---\ntitle: Help at night\n---\nCall 111 at night.\n";

    /// Home, a section with two pages, and a Welsh translation of one, stamped as current.
    fn site() -> (tempfile::TempDir, Session) {
        let dir = tempfile::tempdir().unwrap();
        let w = |rel: &str, text: &str| {
            let p = dir.path().join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        };
        w("site.yaml", "title: Help\nbase_url: https://example.org/\nlanguages:\n  - code: en\n  - code: cy\n");
        w("content/_index.md", "---\ntitle: Home\n---\nSee [help](help/_index.md).\n");
        w("content/help/_index.md", "---\ntitle: Getting help\n---\nWays to get help.\n");
        w("content/help/night.md", NIGHT);
        w("content/help/day.md", "---\ntitle: Help in the day\n---\nCall your doctor.\n");
        let stamp = source_hash("Help at night", None, "Call 111 at night.\n");
        w("content/help/night.cy.md", &format!("---\ntitle: Help yn y nos\nsource_hash: {stamp}\n---\nFfoniwch 111 yn y nos.\n"));
        let opts = pipeline::Options {
            root: dir.path().to_path_buf(),
            out: None,
            base_url: None,
            drafts: false,
            minify: false,
            today: "2026-11-21".parse().unwrap(),
            deny_warnings: false,
            progress: false,
            pdf_cache: None,
        };
        let (session, update) = Session::start(opts).unwrap();
        assert!(update.full && update.files.contains_key("help/day/index.html"));
        assert!(!String::from_utf8_lossy(&update.files["cy/help/night/index.html"]).contains("notice--outdated"), "the translation starts current");
        (dir, session)
    }

    fn edit(dir: &tempfile::TempDir, session: &mut Session, rel: &str, text: &str) -> Result<Update> {
        let path = dir.path().canonicalize().unwrap().join(rel);
        std::fs::write(&path, text).unwrap();
        session.apply(&[path])
    }

    fn written(update: &Update) -> Vec<&str> {
        let mut files: Vec<&str> = update.files.keys().map(String::as_str).collect();
        files.sort();
        files
    }

    #[test]
    fn an_edit_renders_the_page_its_translations_and_its_section_only() {
        let (dir, mut session) = site();
        let update = edit(&dir, &mut session, "content/help/night.md", "---\ntitle: Help at night\n---\nCall 111, day or night.\n").unwrap();
        assert!(!update.full);
        assert_eq!(written(&update), ["cy/help/index.html", "cy/help/night/index.html", "help/index.html", "help/night/index.html"]);
        assert!(String::from_utf8_lossy(&update.files["help/night/index.html"]).contains("Call 111, day or night."));
        // The Welsh page was made from the old text: it now says so, and the findings say it.
        let welsh = String::from_utf8_lossy(&update.files["cy/help/night/index.html"]).into_owned();
        assert!(welsh.contains("Ffoniwch 111") && welsh.contains("notice--outdated"), "{welsh}");
        let check = session.check_site(&AtomicBool::new(false), &|_| None).unwrap();
        assert!(check.by_url["/cy/help/night/"].iter().any(|f| f.rule == &rules::TRANSLATION_OUTDATED));
    }

    #[cfg(feature = "search")]
    #[test]
    fn after_an_edit_the_search_index_is_made_from_every_page_served() {
        let (dir, mut session) = site();
        // What the server holds: the first build's files, then the edit's.
        let mut served = Session::start(session.opts.clone()).unwrap().1.files;
        let update = edit(&dir, &mut session, "content/help/night.md", "---\ntitle: Help at night\n---\nCall the lighthouse line.\n").unwrap();
        served.extend(update.files);
        let check = session.check_site(&AtomicBool::new(false), &|rel| served.get(rel).cloned()).unwrap();
        let texts = crate::output::artefacts::search_index::indexed_texts(check.files.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
        // The edited page, and one this edit did not render.
        assert!(texts.iter().any(|t| t.contains("lighthouse")) && texts.iter().any(|t| t.contains("doctor")), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("Call 111 at night")), "the index still has the old text");
    }

    #[cfg(unix)]
    #[test]
    fn a_page_replaced_by_a_link_out_of_the_site_is_not_read() {
        let (dir, mut session) = site();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.md"), "---\ntitle: Secret\n---\nNot for the site.\n").unwrap();
        let page = dir.path().canonicalize().unwrap().join("content/help/night.md");
        std::fs::remove_file(&page).unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.md"), &page).unwrap();
        let Err(Error::Input(problems)) = session.apply(std::slice::from_ref(&page)) else { panic!("the link out was followed") };
        assert_eq!(problems[0].file, "content/help/night.md");
        assert!(problems[0].message.contains("outside the site folder"), "{}", problems[0].message);
    }

    #[test]
    fn a_new_title_is_listed_in_the_section() {
        let (dir, mut session) = site();
        let update = edit(&dir, &mut session, "content/help/night.md", "---\ntitle: Night-time help\n---\nCall 111 at night.\n").unwrap();
        assert!(!update.full);
        assert!(String::from_utf8_lossy(&update.files["help/index.html"]).contains("Night-time help"));
    }

    #[test]
    fn a_home_page_written_over_the_made_one_rebuilds_everything() {
        let (dir, mut session) = site();
        std::fs::remove_file(dir.path().join("content/_index.md")).unwrap();
        let update = session.apply(&[dir.path().canonicalize().unwrap().join("content/_index.md")]).unwrap();
        assert!(update.full && String::from_utf8_lossy(&update.files["cy/index.html"]).contains(">Help</h1>"), "the made home page is titled like the site");
        // Titled like the site, so that the menu stays the same.
        let update = edit(&dir, &mut session, "content/_index.md", "---\ntitle: Help\n---\nSee [help](help/_index.md).\n").unwrap();
        // Its Welsh version was made with the made page: the Welsh home page is now the English
        // one, not an outdated made page.
        assert!(update.full, "the made pages in every language are replaced");
        let welsh = String::from_utf8_lossy(&update.files["cy/index.html"]).into_owned();
        assert!(welsh.contains("See <a") && !welsh.contains("notice--outdated"), "{welsh}");
        let check = session.check_site(&AtomicBool::new(false), &|_| None).unwrap();
        assert!(!check.by_url.values().flatten().any(|f| f.rule == &rules::HOME_GENERATED));
    }

    #[test]
    fn a_new_page_or_a_new_menu_title_rebuilds_everything() {
        let (dir, mut session) = site();
        let update = edit(&dir, &mut session, "content/help/evening.md", "---\ntitle: Help in the evening\n---\nCall 111.\n").unwrap();
        assert!(update.full && update.files.contains_key("help/evening/index.html"));
        // The section is in the main menu of every page.
        let update = edit(&dir, &mut session, "content/help/_index.md", "---\ntitle: Get help\n---\nWays to get help.\n").unwrap();
        assert!(update.full && String::from_utf8_lossy(&update.files["help/day/index.html"]).contains("Get help"));
        let update = edit(&dir, &mut session, "content/help/day.md", "---\ntitle: Help in the day\ndraft: true\n---\nCall your doctor.\n").unwrap();
        assert!(update.full && !update.files.contains_key("help/day/index.html"));
    }

    #[test]
    fn a_bad_edit_is_an_error_and_the_next_good_one_is_taken_in() {
        let (dir, mut session) = site();
        let err = edit(&dir, &mut session, "content/help/night.md", "---\ntitle: [Help at night\n---\nBroken.\n").err().expect("broken YAML is an error");
        assert!(err.to_string().contains("content/help/night.md:2"), "{err}");
        let update = edit(&dir, &mut session, "content/help/night.md", NIGHT).unwrap();
        assert!(!update.full && update.files.contains_key("help/night/index.html"));
    }

    #[test]
    fn a_save_by_renaming_a_temporary_file_stays_incremental() {
        // Many editors write a temporary file and rename it over the page.
        let (dir, mut session) = site();
        let root = dir.path().canonicalize().unwrap();
        let (tmp, page) = (root.join("content/help/night.md.tmp"), root.join("content/help/night.md"));
        std::fs::write(&tmp, "---\ntitle: Help at night\n---\nSaved by renaming.\n").unwrap();
        std::fs::rename(&tmp, &page).unwrap();
        let update = session.apply(&[tmp, page]).unwrap();
        assert!(!update.full);
        assert!(String::from_utf8_lossy(&update.files["help/night/index.html"]).contains("Saved by renaming."));
    }

    #[test]
    fn a_template_edit_re_renders_the_pages_that_use_it() {
        let (dir, mut session) = site();
        let section = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/templates/section.html")).unwrap();
        std::fs::create_dir_all(dir.path().join("themes/default/templates")).unwrap();
        let update = edit(&dir, &mut session, "themes/default/templates/section.html", &section.replace("<ul>", "<p>Pages here:</p><ul>")).unwrap();
        assert!(!update.full);
        // The two sections (home and help) in both languages, the 404 page and the search pages.
        assert_eq!(
            written(&update),
            [
                "404.html",
                "cy/easy-read/search/index.html",
                "cy/help/index.html",
                "cy/index.html",
                "cy/search/index.html",
                "easy-read/search/index.html",
                "help/index.html",
                "index.html",
                "search/index.html"
            ]
        );
        assert!(String::from_utf8_lossy(&update.files["help/index.html"]).contains("Pages here:"));
        let err = edit(&dir, &mut session, "themes/default/templates/section.html", "{% block content %}").err().expect("a Tera error");
        assert!(err.to_string().contains("section.html"), "{err}");
    }

    #[test]
    fn editor_temporary_files_and_pictures() {
        let (dir, mut session) = site();
        let gone = dir.path().canonicalize().unwrap().join("content/help/4913");
        let update = session.apply(&[gone, dir.path().canonicalize().unwrap().join("content/help/.night.md.swp")]).unwrap();
        assert!(!update.full && update.files.is_empty());
        let update = edit(&dir, &mut session, "content/help/map.png", "png").unwrap();
        assert!(update.full && update.files.contains_key("help/map.png"), "a new file rebuilds everything");
        let update = edit(&dir, &mut session, "content/help/map.png", "png 2").unwrap();
        assert!(!update.full);
        assert_eq!(update.files["help/map.png"], b"png 2");
        // An SVG picture is cleaned when the site is loaded, where its findings come from.
        edit(&dir, &mut session, "content/help/map.svg", "<svg/>").unwrap();
        let update = edit(&dir, &mut session, "content/help/map.svg", "<svg onload=\"alert(1)\"></svg>").unwrap();
        assert!(update.full);
        assert_eq!(update.files["help/map.svg"], b"<svg></svg>");
    }
}
