//! What a template sees for one page. Everything here is documented in the README's theme
//! section; keep the two in step.

use fluent::FluentArgs;
use serde::Serialize;

use crate::i18n::Locales;
use crate::i18n::staleness::State;
use crate::markdown::escape_text;
use crate::site::{Shows, Site, Target};
use crate::variant::Form;
use crate::variant::source_of;

/// A link in the main navigation.
#[derive(Serialize, Clone)]
pub struct NavItem {
    title: String,
    url: String,
    current: bool,
    /// The title's language, when it is not the page's (an untranslated section).
    lang: Option<String>,
    dir: &'static str,
}

/// An `hreflang` alternate.
#[derive(Serialize)]
pub struct Alternate {
    hreflang: String,
    href: String,
}

/// An entry of the language switcher.
#[derive(Serialize)]
pub struct LanguageLink {
    code: String,
    name: String,
    dir: &'static str,
    url: String,
    current: bool,
    /// The page in this language shows another language's content.
    fallback: bool,
    fallback_marker: String,
    /// "Go to the home page" in this language (404 page).
    home_label: String,
}

/// The link to the page's other form.
#[derive(Serialize)]
pub struct OtherForm {
    url: String,
    label: String,
    form: &'static str,
}

/// The link to the page's PDF leaflet.
#[derive(Serialize)]
pub struct Leaflet {
    url: String,
    /// The leaflet's language, when it is not the reader's (a page shown in another language).
    hreflang: Option<String>,
    /// The link's words, marked so that the leaflet's page count and size can be put in once
    /// it is typeset (see `leaflet::link`).
    words: String,
}

/// A notice above the content (fallback or outdated translation).
#[derive(Serialize)]
pub struct Notice {
    /// `fallback` (another variant's content is shown) or `outdated`.
    kind: &'static str,
    text: String,
    /// The up-to-date source, for an outdated page.
    link_url: Option<String>,
    /// The link's text, in the reader's language.
    link_text: Option<String>,
    /// The language of the linked page (for `hreflang`).
    link_lang: Option<String>,
}

/// A page listed on a section page.
#[derive(Serialize)]
pub struct Child {
    title: String,
    url: String,
    description: Option<String>,
    lang: String,
    dir: &'static str,
}

/// The template context of one page.
#[derive(Serialize)]
pub struct PageContext {
    lang: String,
    dir: &'static str,
    form: &'static str,
    kind: &'static str,
    title: String,
    page_title: String,
    description: Option<String>,
    content: String,
    content_lang: String,
    content_dir: &'static str,
    url: String,
    canonical: Option<String>,
    alternates: Vec<Alternate>,
    site_title: String,
    base_path: String,
    home_url: String,
    languages: Vec<LanguageLink>,
    other_form: Option<OtherForm>,
    nav: Vec<NavItem>,
    notice: Option<Notice>,
    children: Vec<Child>,
    /// "Last checked: 1 November 2026" as HTML, with a `<time>` (the theme shows it unescaped).
    reviewed: Option<String>,
    /// "Next check due: …", the same way.
    review_due: Option<String>,
    /// The search page in the reader's language and form, when the site has search.
    search_url: Option<String>,
    /// The page's PDF leaflet, when it has one.
    leaflet: Option<Leaflet>,
}

fn t(locales: &Locales, lang: &str, id: &str, args: &[(&str, &str)]) -> String {
    let mut a = FluentArgs::new();
    for (k, v) in args {
        a.set(*k, v.to_string());
    }
    locales.text(lang, id, Some(&a)).unwrap_or_else(|| id.to_string())
}

fn dir_of(site: &Site, lang: &str) -> &'static str {
    site.config.language(lang).map_or("ltr", |l| l.dir.as_str())
}

/// The site's title in a language: the site's own Fluent `site-title`, else site.yaml `title`,
/// else the built-in Fluent one.
pub fn site_title(site: &Site, locales: &Locales, lang: &str) -> String {
    locales.site_text(lang, "site-title").or_else(|| site.config.title.clone()).or_else(|| locales.text(lang, "site-title", None)).unwrap_or_default()
}

fn nav(site: &Site, locales: &Locales, t_: &Target) -> Vec<NavItem> {
    // Home and the top-level sections: a menu of every top-level page would grow with the site.
    std::iter::once(0)
        .chain(site.menu_sections().iter().copied())
        .filter_map(|p| site.nearest_target(p, &t_.lang, t_.form))
        .map(|target| {
            let v = site.content(target);
            let (title, lang) = if target.page == 0 { (t(locales, &t_.lang, "home", &[]), None) } else { (v.title().to_string(), Some(v.lang.clone()).filter(|l| *l != t_.lang)) };
            NavItem { title, url: target.url.clone(), current: target.page == t_.page, dir: lang.as_deref().map_or("ltr", |l| dir_of(site, l)), lang }
        })
        .collect()
}

/// What the language switcher links to in each language.
#[derive(Clone, Copy)]
enum Switches<'a> {
    /// The same page.
    Page(usize),
    /// A page clearleaf makes in every language, at this path (the search page; the home page
    /// from the 404 page).
    Made(&'a str),
}

fn languages(site: &Site, locales: &Locales, switches: Switches<'_>, lang: &str, form: Form) -> Vec<LanguageLink> {
    site.config
        .languages
        .iter()
        .filter_map(|l| {
            let (url, fallback) = match switches {
                Switches::Page(p) => {
                    let target = site.target(p, &l.code, form)?;
                    (target.url.clone(), target.shows == Shows::Fallback && target.state != State::NotNeeded)
                }
                Switches::Made(path) => (site.url_for(path, &l.code, form), false),
            };
            Some(LanguageLink {
                code: l.code.clone(),
                name: locales.endonym(&l.code),
                dir: l.dir.as_str(),
                url,
                current: l.code == lang,
                // The reader's own language is not marked: the page's notice says it all.
                fallback: fallback && l.code != lang,
                fallback_marker: t(locales, lang, "language-not-translated", &[]),
                home_label: t(locales, &l.code, "not-found-home", &[]),
            })
        })
        .collect()
}

/// Builds the context of one output page; `content` is its rendered markdown.
pub fn page_context(site: &Site, locales: &Locales, target: &Target, content: String) -> PageContext {
    let page = &site.pages[target.page];
    let variant = site.content(target);
    let lang = target.lang.as_str();
    let site_title = site_title(site, locales, lang);
    let kind = if target.page == 0 {
        "home"
    } else if page.is_section {
        "section"
    } else {
        "page"
    };
    // A generated home page (the site has no content/_index.md) is titled like the site in each
    // language.
    let title = if variant.generated { site_title.clone() } else { variant.title().to_string() };
    let (canonical, alternates) = canonical_and_alternates(site, target);
    let children = page
        .children
        .iter()
        .filter_map(|&c| site.nearest_target(c, lang, target.form))
        .map(|ct| {
            let v = site.content(ct);
            Child { title: v.title().to_string(), url: ct.url.clone(), description: v.front.description.clone(), lang: v.lang.clone(), dir: dir_of(site, &v.lang) }
        })
        .collect();
    PageContext {
        lang: lang.to_string(),
        dir: dir_of(site, lang),
        form: target.form.as_str(),
        kind,
        page_title: page_title(site, locales, target, kind, &title, &site_title),
        title,
        description: variant.front.description.clone(),
        content,
        content_lang: variant.lang.clone(),
        content_dir: dir_of(site, &variant.lang),
        url: target.url.clone(),
        canonical,
        alternates,
        home_url: site.nearest_target(0, lang, target.form).map_or_else(|| site.config.base_path.clone(), |h| h.url.clone()),
        base_path: site.config.base_path.clone(),
        site_title,
        languages: languages(site, locales, Switches::Page(target.page), lang, target.form),
        other_form: other_form(site, locales, target),
        nav: nav(site, locales, target),
        notice: notice(site, locales, target),
        children,
        reviewed: variant.front.reviewed.map(|d| date_sentence(locales, lang, "last-reviewed", d)),
        review_due: variant.front.review_due.map(|d| date_sentence(locales, lang, "review-due", d)),
        search_url: search_url(site, lang, target.form),
        leaflet: leaflet(site, locales, target),
    }
}

/// The link to the leaflet of `target`'s page: its own, or for a page shown in another
/// language, that language's, saying which language it is in.
fn leaflet(site: &Site, locales: &Locales, target: &Target) -> Option<Leaflet> {
    use crate::leaflet;
    let own = leaflet::linked_leaflet(site, target)?;
    let hreflang = Some(own.lang.clone()).filter(|l| *l != target.lang);
    let in_language = hreflang.as_deref().map(|l| locales.endonym(l));
    Some(Leaflet { url: format!("{}{}", site.config.base_path, leaflet::leaflet_path(site, own)), words: leaflet::link::marked_words(locales, &target.lang, in_language.as_deref()), hreflang })
}

/// The search page for a reader in `lang` and `form`, when the site has search.
fn search_url(site: &Site, lang: &str, form: Form) -> Option<String> {
    site.config.search.then(|| site.url_for(SEARCH_PATH, lang, form))
}

/// Where the search pages are, under each language's and form's root.
pub const SEARCH_PATH: &str = "search";

/// A sentence about a date ("Last checked: 1 November 2026") as HTML: the date in words, in
/// the reader's language, inside a `<time>` whose `datetime` machines read. The sentence is the
/// locale's, so the date goes where that language puts it.
fn date_sentence(locales: &Locales, lang: &str, id: &str, date: jiff::civil::Date) -> String {
    // A private-use character stands for the date: no translation contains one.
    const DATE: &str = "\u{E000}";
    let sentence = t(locales, lang, id, &[("date", DATE)]);
    // A translation that leaves `{ $date }` out still shows the date, after its words.
    let (before, after) = sentence.split_once(DATE).unwrap_or((&sentence, ""));
    let mut html = String::new();
    escape_text(before, &mut html);
    html.push_str(&format!("<time datetime=\"{date}\">"));
    escape_text(&locales.date_in_words(lang, date), &mut html);
    html.push_str("</time>");
    escape_text(after, &mut html);
    html
}

/// The `<title>`: the page's name (with "Easy read" on Easy-read pages), its section's and the
/// site's, as the locale's pattern puts them. A home page titled like the site is the site.
fn page_title(site: &Site, locales: &Locales, target: &Target, kind: &str, title: &str, site_title: &str) -> String {
    let lang = target.lang.as_str();
    let mut name = title.to_string();
    if target.form == Form::Easy {
        name = format!("{name} ({})", t(locales, lang, "form-easy-read", &[]));
    }
    let section = site.pages[target.page].parent.filter(|&p| p != 0).and_then(|p| site.nearest_target(p, lang, target.form)).map(|s| site.content(s).title().to_string());
    match (kind, section) {
        ("home", _) if title == site_title => name,
        (_, Some(section)) => t(locales, lang, "section-title-pattern", &[("page", &name), ("section", &section), ("site", site_title)]),
        _ => t(locales, lang, "page-title-pattern", &[("page", &name), ("site", site_title)]),
    }
}

/// The canonical URL and the `hreflang` alternates. A page in its own language lists every
/// language that has its own version (and the source as `x-default`); a fallback page points
/// at the page it shows.
fn canonical_and_alternates(site: &Site, target: &Target) -> (Option<String>, Vec<Alternate>) {
    let source = site.target(target.page, &site.config.default_language, target.form);
    match target.shows {
        Shows::Own => {
            let mut alts: Vec<Alternate> = site
                .config
                .languages
                .iter()
                .filter_map(|l| site.target(target.page, &l.code, target.form))
                .filter(|t| t.shows == Shows::Own)
                .map(|t| Alternate { hreflang: t.lang.clone(), href: site.config.absolute(&t.url) })
                .collect();
            if let Some(src) = source.filter(|_| alts.len() > 1) {
                alts.push(Alternate { hreflang: "x-default".into(), href: site.config.absolute(&src.url) });
            } else {
                alts.clear();
            }
            (Some(site.config.absolute(&target.url)), alts)
        }
        Shows::Fallback => (source.map(|s| site.config.absolute(&s.url)), Vec::new()),
    }
}

/// The link to the page's other form (Easy read or standard) in the same language.
fn other_form(site: &Site, locales: &Locales, target: &Target) -> Option<OtherForm> {
    let other = the_other(target.form);
    site.target(target.page, &target.lang, other).map(|t| link_to_other(locales, &target.lang, other, t.url.clone()))
}

/// The other form than `form`.
fn the_other(form: Form) -> Form {
    match form {
        Form::Standard => Form::Easy,
        Form::Easy => Form::Standard,
    }
}

/// The link to the page in `form` at `url`, worded for a reader in `lang`.
fn link_to_other(locales: &Locales, lang: &str, form: Form, url: String) -> OtherForm {
    let label = match form {
        Form::Easy => "easy-read-link",
        Form::Standard => "standard-link",
    };
    OtherForm { url, label: t(locales, lang, label, &[]), form: form.as_str() }
}

/// What the reader is told about the version they see: an outdated translation (with a link
/// to its source), or a page shown in another language or form because this one is missing.
fn notice(site: &Site, locales: &Locales, target: &Target) -> Option<Notice> {
    let lang = target.lang.as_str();
    match (target.shows, target.state) {
        (Shows::Own, State::Outdated) if target.form == Form::Easy && site.pages[target.page].is_critical(&site.config.default_language) => Some(critical_notice(site, locales, target)),
        (Shows::Own, State::Outdated) => source_of(&site.config.default_language, lang, target.form).map(|(source_lang, source_form)| {
            let source_name = locales.endonym(&source_lang);
            // The Easy read page of the default language is made from the standard page, not
            // translated from another language.
            let (id, link_id) = if source_form == target.form { ("outdated-notice", "outdated-notice-link") } else { ("easy-read-outdated-notice", "standard-link") };
            let link = site.target(target.page, &source_lang, source_form);
            Notice {
                kind: "outdated",
                text: t(locales, lang, id, &[("language", &locales.endonym(lang)), ("source-language", &source_name)]),
                link_url: link.map(|l| l.url.clone()),
                link_text: link.map(|_| t(locales, lang, link_id, &[("source-language", &source_name)])),
                link_lang: link.map(|_| source_lang.clone()),
            }
        }),
        (Shows::Own, _) | (Shows::Fallback, State::NotNeeded) => None,
        (Shows::Fallback, state) => {
            let id = match (state, target.form) {
                (State::Fallback, _) => "outdated-fallback-notice",
                (_, Form::Easy) => "easy-read-fallback-notice",
                (_, Form::Standard) => "fallback-notice",
            };
            let shown = &site.content(target).lang;
            let text = t(locales, lang, id, &[("language", &locales.endonym(lang)), ("source-language", &locales.endonym(shown))]);
            Some(Notice { kind: "fallback", text, link_url: None, link_text: None, link_lang: None })
        }
    }
}

/// The notice on an outdated Easy read version of a critical page: its facts may be wrong, and
/// the link goes to the up-to-date standard page, in the reader's language when that is
/// current, else in the default language.
fn critical_notice(site: &Site, locales: &Locales, target: &Target) -> Notice {
    let lang = target.lang.as_str();
    let own = site.target(target.page, lang, Form::Standard).filter(|t| t.shows == Shows::Own && t.state == State::Current);
    let link = own.or_else(|| site.target(target.page, &site.config.default_language, Form::Standard));
    Notice {
        kind: "critical",
        text: t(locales, lang, "critical-outdated-notice", &[]),
        link_url: link.map(|l| l.url.clone()),
        link_text: link.map(|_| t(locales, lang, "critical-outdated-notice-link", &[])),
        link_lang: link.map(|l| l.lang.clone()),
    }
}

/// The context of a page clearleaf makes rather than renders from content (the 404 page, the
/// search pages): titled `title`, at `path` in `lang` and `form`, with the main menu of that
/// language's home page, and a language switcher and other-form link to the same page.
fn made_page_context(site: &Site, locales: &Locales, lang: &str, form: Form, path: &str, title: String, kind: &'static str) -> PageContext {
    let site_title = site_title(site, locales, lang);
    let name = if form == Form::Easy { format!("{title} ({})", t(locales, lang, "form-easy-read", &[])) } else { title.clone() };
    let home = site.nearest_target(0, lang, form);
    PageContext {
        dir: dir_of(site, lang),
        form: form.as_str(),
        kind,
        page_title: t(locales, lang, "page-title-pattern", &[("page", &name), ("site", &site_title)]),
        title,
        description: None,
        content: String::new(),
        content_lang: lang.to_string(),
        content_dir: dir_of(site, lang),
        url: site.url_for(path, lang, form),
        canonical: None,
        alternates: Vec::new(),
        home_url: home.map_or_else(|| site.config.base_path.clone(), |h| h.url.clone()),
        base_path: site.config.base_path.clone(),
        site_title,
        languages: languages(site, locales, Switches::Made(path), lang, form),
        other_form: Some(link_to_other(locales, lang, the_other(form), site.url_for(path, lang, the_other(form)))),
        nav: home
            .map(|h| nav(site, locales, h))
            .unwrap_or_default()
            .into_iter()
            .map(|mut n| {
                n.current = false;
                n
            })
            .collect(),
        notice: None,
        children: Vec::new(),
        reviewed: None,
        review_due: None,
        search_url: search_url(site, lang, form),
        leaflet: None,
        lang: lang.to_string(),
    }
}

/// The context of `404.html`: one page, in the default language and standard form.
pub fn not_found_context(site: &Site, locales: &Locales) -> PageContext {
    let lang = &site.config.default_language;
    let mut page = made_page_context(site, locales, lang, Form::Standard, "", t(locales, lang, "not-found-title", &[]), "404");
    page.url = format!("{}404.html", site.config.base_path);
    page.other_form = None;
    page
}

/// The context of `search.html`: the page frame, and as `search_words` the words its script
/// shows as results come (JSON). Those with a count are given per plural category (CLDR's
/// `one`, `few`, …) as the locale words them, with `{count}` and `{query}` where the script
/// puts the number and the reader's words: the browser picks the category
/// (`Intl.PluralRules`), Fluent says what each one reads.
#[derive(Serialize)]
pub struct SearchContext {
    #[serde(flatten)]
    page: PageContext,
    search_words: String,
}

/// Builds the context of the search page in `lang` and `form`.
pub fn search_context(site: &Site, locales: &Locales, lang: &str, form: Form) -> SearchContext {
    let mut page = made_page_context(site, locales, lang, form, SEARCH_PATH, t(locales, lang, "search-title", &[]), "search");
    // The header's link to search would lead to this page.
    page.search_url = None;
    let other_form = match form {
        Form::Standard => "search-result-easy-read",
        Form::Easy => "search-result-standard",
    };
    let words = serde_json::json!({
        "results": crate::i18n::plural::by_category(lang, |n| results_for(locales, lang, n)),
        "none": t(locales, lang, "search-no-results", &[("query", QUERY)]).replace(QUERY, "{query}"),
        "searching": t(locales, lang, "search-searching", &[]),
        "failed": t(locales, lang, "search-failed", &[]),
        "other_form": t(locales, lang, other_form, &[]),
    });
    SearchContext { page, search_words: words.to_string() }
}

/// "3 results for {query}", with `{count}` where the number goes.
fn results_for(locales: &Locales, lang: &str, n: u64) -> String {
    let mut args = FluentArgs::new();
    // A number, not a string: Fluent picks the plural form only for numbers.
    args.set("count", n);
    args.set("query", QUERY);
    let words = locales.text(lang, "search-results", Some(&args)).unwrap_or_else(|| "search-results".into());
    words.replacen(&n.to_string(), "{count}", 1).replace(QUERY, "{query}")
}

/// Stands for the reader's words in a search message: a private-use character no translation
/// contains.
const QUERY: &str = "\u{E001}";
