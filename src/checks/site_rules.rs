//! Checks across pages, run once after every page is rendered: links and fragments on the final
//! HTML (LINK-BROKEN), unique titles, the same navigation on every page of a language, and
//! pages reachable in more than one way. Each page hands over a small [`PageFacts`] from the
//! parse its page-level checks already made.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};

use percent_encoding::percent_decode_str;
use rustc_hash::{FxHashMap, FxHashSet};

use scraper::ElementRef;

use super::a11y::dom::Attr;
use super::a11y::{Doc, source_line};
use crate::finding::{Finding, Severity};
use crate::rules;
use crate::site::{Site, Target};

/// An internal link on a page, for the site-wide pass. Only the href as written is kept: where
/// it leads is worked out again from it in that pass (`Link::target`), and the file it came
/// from follows from `line` (markdown has lines, templates do not). A large site has millions
/// of links, so each one held for the whole build is kept small.
#[derive(Debug, Clone)]
pub struct Link {
    /// The link as written.
    pub href: Box<str>,
    /// Line in the page's markdown file, when it came from markdown.
    pub line: Option<u32>,
}

impl Link {
    /// The site path it leads to (without fragment) and its fragment, if any.
    fn target(&self, page: &PageFacts, base: &str, root: &str) -> Option<(String, Option<String>)> {
        internal_path(&self.href, &page.url, base, root)
    }

    /// The markdown file or the template the link came from.
    fn file<'a>(&self, page: &'a PageFacts) -> &'a str {
        if self.line.is_some() { &page.file } else { &page.template }
    }
}

/// What the site-wide checks need from one page.
#[derive(Debug, Clone, Default)]
pub struct PageFacts {
    /// The page's URL.
    pub url: String,
    /// Which page of the site it is (the same for all its languages and forms).
    pub page: usize,
    /// Its language.
    pub lang: String,
    /// Its form.
    pub form: crate::variant::Form,
    /// The `<title>` text.
    pub title: String,
    /// Links of the main navigation, in order, each followed by a NUL (which an HTML parser
    /// never leaves in an attribute): one string to compare instead of dozens per page.
    pub nav: String,
    /// Ids on the page, sorted, without repeats.
    pub ids: Box<[Box<str>]>,
    /// Internal links.
    pub links: Vec<Link>,
    /// The content file shown and the template used (for pointing findings).
    pub file: String,
    /// The template that rendered the page.
    pub template: String,
    /// The page's readability, for the Easy-read checks across variants.
    pub easy_read: super::easy_read::PageScore,
    /// It shows another version's content (a missing translation's).
    pub fallback: bool,
}

/// Collects a page's facts from its parsed HTML.
pub fn facts(doc: &Doc, site: &Site, target: &Target, template: &str) -> PageFacts {
    let base = &site.config.base_path;
    let root = site.config.absolute("/");
    let mut f = PageFacts {
        url: target.url.clone(),
        page: target.page,
        lang: target.lang.clone(),
        form: target.form,
        file: site.content(target).file.clone(),
        template: template.to_string(),
        fallback: target.shows == crate::site::Shows::Fallback,
        ..Default::default()
    };
    let mut in_nav: Option<ElementRef<'_>> = None;
    let mut ids = Vec::new();
    for el in doc.elements() {
        let v = el.value();
        if let Some(id) = v.get("id") {
            ids.push(Box::from(id));
        }
        match v.name() {
            "title" if f.title.is_empty() => f.title = el.text().collect::<String>().trim().to_string(),
            "nav" if in_nav.is_none() => in_nav = Some(el),
            _ => {}
        }
        let attr = match v.name() {
            "a" | "area" | "link" => "href",
            "img" | "script" | "iframe" | "source" => "src",
            _ => continue,
        };
        let Some(href) = v.get(attr) else { continue };
        if v.name() == "link" && !v.get("rel").is_some_and(|r| r.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case("stylesheet") || t.eq_ignore_ascii_case("icon"))) {
            continue;
        }
        if in_nav.is_some_and(|n| doc.is_inside(&el, &n)) && v.name() == "a" {
            f.nav.push_str(href);
            f.nav.push('\0');
        }
        if internal_path(href, &target.url, base, &root).is_some() {
            let line = source_line(doc, el.id()).map(|l| u32::try_from(l).unwrap_or(u32::MAX));
            f.links.push(Link { href: href.into(), line });
        }
    }
    ids.sort_unstable();
    ids.dedup();
    f.ids = ids.into_boxed_slice();
    f
}

impl PageFacts {
    fn has_id(&self, id: &str) -> bool {
        self.ids.binary_search_by(|i| (**i).cmp(id)).is_ok()
    }
}

/// The site path and fragment an href leads to, if it stays inside the site (`base` is its base
/// path, `root` its root as an absolute URL: [`crate::config::Config::absolute`] of `/`). Links
/// to `.md` files were already checked (and reported) when the markdown was rendered.
fn internal_path(href: &str, page_url: &str, base: &str, root: &str) -> Option<(String, Option<String>)> {
    let href = href.trim();
    if href.is_empty() || href.starts_with("//") {
        return None;
    }
    let local = if let Some(rest) = href.strip_prefix(root) {
        format!("/{rest}")
    } else if href.contains(':') && href.find(':') < href.find(['/', '?', '#']).or(Some(href.len())) {
        return None;
    } else {
        href.to_string()
    };
    // Addresses in a page are percent-encoded (markdown's always are); page URLs, file names
    // and ids are compared as they read.
    let decode = |s: &str| percent_decode_str(s).decode_utf8_lossy().into_owned();
    let (before_frag, fragment) = match local.split_once('#') {
        Some((p, f)) => (p, Some(decode(f))),
        None => (local.as_str(), None),
    };
    let path = decode(before_frag.split('?').next().unwrap_or(""));
    if path.ends_with(".md") {
        return None;
    }
    let joined = if path.is_empty() {
        page_url.to_string()
    } else if path.starts_with('/') {
        path
    } else {
        crate::files::resolve_url_path(page_url, &path)
    };
    joined.starts_with(base).then_some((joined, fragment.filter(|f| !f.is_empty())))
}

/// The site-wide checks. `pages` are in `site.targets` order; `files` are the output paths of
/// everything that is not a page. Setting `stop` (the live preview has a newer change) ends the
/// checks early with partial results, which the caller drops.
pub fn check_site(site: &Site, pages: &[&PageFacts], files: &HashSet<String>, stop: &AtomicBool) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some(reached) = links(site, pages, files, stop, &mut out) else { return out };
    unique_titles(pages, &mut out);
    consistent_nav(pages, &mut out);
    multiple_ways(site, pages, &reached, &mut out);
    out
}

/// Links that lead nowhere or to a part of a page that does not exist (LINK-BROKEN). Returns
/// the pages another page links to, or `None` when `stop` ended the checks early.
fn links(site: &Site, pages: &[&PageFacts], files: &HashSet<String>, stop: &AtomicBool, out: &mut Vec<Finding>) -> Option<FxHashSet<usize>> {
    // Every page has a dozen links (menu, language switcher, section): this loop runs for
    // hundreds of thousands of links on a large site, so it hashes fast and allocates little.
    let by_url: FxHashMap<&str, &PageFacts> = pages.iter().map(|p| (p.url.as_str(), *p)).collect();
    let base = site.config.base_path.as_str();
    let root = site.config.absolute("/");
    // Pages (all their languages and forms together) linked from another page.
    let mut reached: FxHashSet<usize> = FxHashSet::default();
    let mut with_slash = String::new();
    for (i, p) in pages.iter().enumerate() {
        if i % 1024 == 0 && stop.load(Ordering::Relaxed) {
            return None;
        }
        for l in &p.links {
            // Always `Some`: only links that lead inside the site were kept.
            let Some((path, fragment)) = l.target(p, base, &root) else { continue };
            let line = l.line.map(|l| l as usize);
            // A page at /x/ may be linked as /x, /x/ or /x/index.html.
            let as_page = if path.ends_with('/') {
                path.as_str()
            } else if let Some(d) = path.strip_suffix("index.html") {
                d
            } else {
                with_slash.clear();
                with_slash.push_str(&path);
                with_slash.push('/');
                with_slash.as_str()
            };
            let target = by_url.get(as_page).copied();
            // A file clearleaf writes besides the pages: the search page at /search/ is
            // search/index.html.
            let is_file = || {
                let file = path.strip_prefix(base).unwrap_or(&path);
                files.contains(file) || (file.ends_with('/') || file.is_empty()) && files.contains(&format!("{file}index.html"))
            };
            if target.is_none() && !is_file() {
                out.push(
                    Finding::new(&rules::LINK_BROKEN, Severity::Error, l.file(p), format!("The link to `{}` goes to a page or file that does not exist.", l.href))
                        .maybe_line(line)
                        .help("Link to pages by their .md file in markdown; check the address if the link is in a template or raw HTML.")
                        .page(&p.url, &p.lang, p.form)
                        .fallback(p.fallback),
                );
                continue;
            }
            if let (Some(t), Some(frag)) = (target, &fragment)
                && !t.has_id(frag)
                && frag != "top"
            {
                out.push(
                    Finding::new(&rules::LINK_BROKEN, Severity::Error, l.file(p), format!("The link `{}` points at a part of the page (#{frag}) that does not exist.", l.href))
                        .maybe_line(line)
                        .help("Check the heading's id: a heading \"## Who to call\" gets #who-to-call. Or give it one with {#id}."),
                );
            }
            // Another page's link counts as a way in; the same page in another language or
            // form (the switcher, the Easy read link) does not.
            if let Some(t) = target.filter(|t| t.page != p.page) {
                reached.insert(t.page);
            }
        }
    }
    Some(reached)
}

/// Titles unique per language (A11Y-TITLE-UNIQUE).
fn unique_titles(pages: &[&PageFacts], out: &mut Vec<Finding>) {
    let mut titles: FxHashMap<(&str, &str), Vec<&PageFacts>> = FxHashMap::default();
    for p in pages {
        titles.entry((p.lang.as_str(), p.title.as_str())).or_default().push(p);
    }
    let mut repeated: Vec<_> = titles.iter().filter(|(_, v)| v.len() > 1).collect();
    repeated.sort_unstable_by_key(|(k, _)| *k);
    for ((_, title), same) in repeated {
        for p in &same[1..] {
            out.push(
                Finding::new(&rules::A11Y_TITLE_UNIQUE, Severity::Warning, &p.file, format!("The page title \"{title}\" is also the title of {}.", same[0].url))
                    .line(1)
                    .help("Give each page its own title, so people can tell the tabs and search results apart."),
            );
        }
    }
}

/// The same navigation on every page of a language and form (A11Y-NAV-CONSISTENT).
fn consistent_nav(pages: &[&PageFacts], out: &mut Vec<Finding>) {
    // The same navigation on every page of a language and form (A11Y-NAV-CONSISTENT); Easy
    // read pages have their own menu, to the Easy read sections.
    let mut first_nav: FxHashMap<(&str, crate::variant::Form), &PageFacts> = FxHashMap::default();
    for p in pages {
        match first_nav.get(&(p.lang.as_str(), p.form)) {
            None => {
                first_nav.insert((&p.lang, p.form), p);
            }
            Some(first) if first.nav != p.nav => out.push(
                Finding::new(&rules::A11Y_NAV_CONSISTENT, Severity::Error, &p.template, format!("The main menu of {} differs from the one on {}.", p.url, first.url))
                    .help("Keep the same links in the same order in the main menu of every page of a language."),
            ),
            Some(_) => {}
        }
    }
}

/// Reachable in more than one way (A11Y-MULTIPLE-WAYS).
fn multiple_ways(site: &Site, pages: &[&PageFacts], reached: &FxHashSet<usize>, out: &mut Vec<Finding>) {
    // Reachable in more than one way (A11Y-MULTIPLE-WAYS): besides the menu and the sitemap,
    // another page links to it (its section's list, for instance). Reported once per page.
    let mut reported = FxHashSet::default();
    for p in pages {
        if p.page != 0 && !reached.contains(&p.page) && reported.insert(p.page) {
            // Reported on the source's own page: the first of the page's targets (they are in
            // page order) that shows the source file.
            let first = pages.partition_point(|q| q.page < p.page);
            let source = pages[first..].iter().take_while(|q| q.page == p.page).find(|q| q.file == site.pages[p.page].variants[0].file).copied().unwrap_or(p);
            out.push(
                Finding::new(&rules::A11Y_MULTIPLE_WAYS, Severity::Warning, &source.file, format!("No other page links to {}.", source.url))
                    .line(1)
                    .help("List it in a section (put it in a folder with an _index.md) or link to it from a related page."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::internal_path;

    #[test]
    fn internal_addresses_are_read_decoded() {
        let target = |href| internal_path(href, "/a/", "/", "https://example.org/");
        assert_eq!(target("/my%20form.pdf"), Some(("/my form.pdf".into(), None)));
        assert_eq!(target("b/#%C3%84rger%20und"), Some(("/a/b/".into(), Some("Ärger und".into()))));
        assert_eq!(target("https://example.org/caf%C3%A9/?x=1"), Some(("/café/".into(), None)));
        assert_eq!(target("https://other.org/x"), None);
    }
}
