//! Search: the Pagefind index a build writes under `pagefind/`, on a small site in English,
//! Welsh and Urdu. What each index holds is read back from Pagefind's own files: the entry file
//! lists the languages, and each page's fragment (gzipped JSON) its address, filters and text.

#![cfg(feature = "search")]

use crate::common;

use std::collections::BTreeMap;
use std::io::Read;

use common::Site;

/// en, cy and ur; Welsh has no "help" page, so `/cy/help/` and `/cy/easy-read/help/` show the
/// English text under a Welsh notice.
fn site() -> Site {
    let site = Site::empty();
    site.write("site.yaml", format!("title: Test site\nbase_url: https://example.org/\nlanguages: [en, cy, ur]\n{}", common::checks_all("off", &[])))
        .write("content/_index.md", "---\ntitle: Home page\n---\nWelcome to the leaflets.\n")
        .write("content/_index.cy.md", "---\ntitle: Hafan\n---\nCroeso i'r taflenni.\n")
        .write("content/_index.ur.md", "---\ntitle: ہوم پیج\n---\nپرچوں میں خوش آمدید۔\n")
        .write("content/help.md", "---\ntitle: Getting help\n---\nCall the lighthouse line at any time.\n")
        .write("content/help.easy.md", "---\ntitle: Getting help\n---\nPhone the lighthouse line.\n")
        .write("content/help.ur.md", "---\ntitle: مدد\n---\nکسی بھی وقت فون کریں۔\n");
    site
}

/// One indexed page, from its Pagefind fragment.
#[derive(Debug)]
struct Indexed {
    content: String,
    filters: serde_json::Value,
}

/// Every file under `OUT/pagefind/`, by path inside it.
fn index_files(site: &Site) -> BTreeMap<String, Vec<u8>> {
    let dir = site.out().join("pagefind");
    walkdir::WalkDir::new(&dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/"), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// The indexed pages by URL, read from the fragments (each gzipped, after Pagefind's marker).
fn indexed(files: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Indexed> {
    files
        .iter()
        .filter(|(name, _)| name.starts_with("fragment/"))
        .map(|(_, gz)| {
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut bytes).unwrap();
            let json: serde_json::Value = serde_json::from_slice(bytes.strip_prefix(b"pagefind_dcd").expect("Pagefind's marker")).unwrap();
            (json["url"].as_str().unwrap().to_string(), Indexed { content: json["content"].as_str().unwrap().to_string(), filters: json["filters"].clone() })
        })
        .collect()
}

fn entry(files: &BTreeMap<String, Vec<u8>>) -> serde_json::Value {
    serde_json::from_slice(&files["pagefind-entry.json"]).unwrap()
}

#[test]
fn each_language_has_its_own_index_of_its_own_pages() {
    let site = site();
    site.build(&[]).code(0);
    let files = index_files(&site);
    let languages = &entry(&files)["languages"];
    let counts: BTreeMap<&str, u64> = languages.as_object().unwrap().iter().map(|(l, v)| (l.as_str(), v["page_count"].as_u64().unwrap())).collect();
    // en: home, help and its Easy read version; cy: its home page only (its help pages are
    // fallbacks); ur: home and help.
    assert_eq!(counts, BTreeMap::from([("cy", 1), ("en", 3), ("ur", 2)]));
    let pages = indexed(&files);
    assert_eq!(pages.keys().map(String::as_str).collect::<Vec<_>>(), ["/", "/cy/", "/easy-read/help/", "/help/", "/ur/", "/ur/help/"]);
    // The fallback pages exist, but are not indexed again.
    assert!(site.page("/cy/help/").is_some_and(|p| p.contains("lighthouse")));
}

#[test]
fn standard_and_easy_read_pages_carry_their_form() {
    let site = site();
    site.build(&[]).code(0);
    let pages = indexed(&index_files(&site));
    assert_eq!(pages["/help/"].filters["form"], serde_json::json!(["standard"]));
    assert_eq!(pages["/easy-read/help/"].filters["form"], serde_json::json!(["easy"]));
    assert_eq!(pages["/ur/"].filters["form"], serde_json::json!(["standard"]));
    assert!(index_files(&site).keys().any(|k| k.starts_with("filter/")), "no filter index");
}

#[test]
fn only_the_page_content_is_indexed() {
    let site = site();
    site.build(&[]).code(0);
    let pages = indexed(&index_files(&site));
    let help = &pages["/help/"].content;
    assert!(help.contains("Call the lighthouse line"), "{help}");
    let page = site.page("/help/").unwrap();
    // The other-form link, the language switcher and the skip link are on the page, not in the index.
    for chrome in ["Easy read", "Cymraeg", "Skip to"] {
        assert!(page.contains(chrome), "the page lacks {chrome:?}: the test no longer tests anything");
        assert!(!help.contains(chrome), "the index holds {chrome:?}: {help}");
    }
}

#[test]
fn search_false_writes_no_index() {
    let site = site();
    let yaml = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write("site.yaml", format!("search: false\n{yaml}"));
    site.build(&[]).code(0);
    assert!(site.out().join("index.html").is_file());
    assert!(!site.out().join("pagefind").exists());
}

#[test]
fn check_writes_nothing() {
    let site = site();
    let o = assert_cmd::cargo::cargo_bin_cmd!("clearleaf").args(["check", "--today", common::TODAY, "--root"]).arg(site.root()).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!site.out().exists());
    assert!(!site.path("public").exists() && !site.path("pagefind").exists());
}

#[test]
fn the_index_is_the_same_byte_for_byte_on_every_build() {
    let a = site();
    let b = site();
    a.build(&[]).code(0);
    b.build(&["--jobs", "1"]).code(0);
    let (fa, fb) = (index_files(&a), index_files(&b));
    assert!(fa.len() > 10, "{:?}", fa.keys());
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (name, bytes) in &fa {
        assert!(fb[name] == *bytes, "{name} differs between two builds");
    }
}

// ---------------------------------------------------------------------------------------------
// The search pages
// ---------------------------------------------------------------------------------------------

/// The words a search page's script shows, from its `data-words`.
fn search_words(page: &str) -> serde_json::Value {
    let doc = scraper::Html::parse_document(page);
    let sel = scraper::Selector::parse("#search").unwrap();
    let words = doc.select(&sel).next().expect("a #search element").attr("data-words").expect("data-words");
    serde_json::from_str(words).unwrap()
}

#[test]
fn every_language_and_form_has_a_search_page_linked_from_every_page() {
    let site = site();
    site.build(&["--no-minify"]).code(0);
    for (url, lang, dir) in [
        ("/search/", "en", "ltr"),
        ("/easy-read/search/", "en", "ltr"),
        ("/cy/search/", "cy", "ltr"),
        ("/cy/easy-read/search/", "cy", "ltr"),
        ("/ur/search/", "ur", "rtl"),
        ("/ur/easy-read/search/", "ur", "rtl"),
    ] {
        let page = site.page(url).unwrap_or_else(|| panic!("no search page at {url}"));
        assert!(page.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\"")), "{url}");
        assert!(page.contains("role=\"search\"") && page.contains("<label class=\"search__label\" for=\"search-field\">"), "{url}: no labelled search field");
    }
    // Each page's header links to the search page of its own language and form.
    for (page, search) in [("/help/", "/search/"), ("/easy-read/help/", "/easy-read/search/"), ("/cy/help/", "/cy/search/"), ("/ur/", "/ur/search/")] {
        assert!(site.page(page).unwrap().contains(&format!("<a class=\"site-search__link\" href=\"{search}\">")), "{page} does not link to {search}");
    }
    // The search page's language switcher and other-form link go to the other search pages.
    let welsh = site.page("/cy/search/").unwrap();
    for other in ["href=\"/search/\" hreflang=\"en\"", "href=\"/ur/search/\" hreflang=\"ur\"", "href=\"/cy/easy-read/search/\""] {
        assert!(welsh.contains(other), "/cy/search/ lacks {other}");
    }
    // Its words are the locale's: Welsh, and Urdu right to left.
    assert!(welsh.contains("<h1>Chwilio&#39;r wefan hon</h1>"), "{welsh}");
    assert!(site.page("/ur/search/").unwrap().contains("اس ویب سائٹ میں تلاش کریں"));
}

#[test]
fn the_result_count_is_worded_per_plural_category_by_the_locale() {
    let site = site();
    site.build(&[]).code(0);
    let en = search_words(&site.page("/search/").unwrap());
    assert_eq!(en["results"]["one"], "One result for “{query}”");
    assert_eq!(en["results"]["other"], "{count} results for “{query}”");
    assert_eq!(en["none"], "No results for “{query}”. Try another word.");
    // Welsh has six categories; the built-in locale words each.
    let cy = search_words(&site.page("/cy/search/").unwrap());
    let categories: Vec<&str> = cy["results"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(categories, ["few", "many", "one", "other", "two", "zero"]);
    assert_eq!(cy["results"]["other"], "{count} canlyniad ar gyfer “{query}”");
    // An Easy read page's results in the other form are marked as standard ones.
    assert_eq!(search_words(&site.page("/easy-read/search/").unwrap())["other_form"], "Standard version");
    assert_eq!(search_words(&site.page("/ur/search/").unwrap())["other_form"], "پڑھنے میں آسان ورژن");
}

#[test]
fn search_false_writes_no_search_pages_and_no_links_to_them() {
    let site = site();
    let yaml = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    // A theme of the site's own without search.html is fine when search is off.
    site.write("site.yaml", format!("search: false\n{yaml}"));
    site.build(&[]).code(0);
    assert!(!site.out().join("search").exists() && !site.out().join("ur/easy-read/search").exists());
    assert!(!site.page("/help/").unwrap().contains("site-search"));
}

#[test]
fn a_search_page_the_theme_gets_wrong_is_found_by_the_checks() {
    let site = Site::empty();
    site.write("site.yaml", "title: Test site\nlanguages: [en, ur]\n")
        .write("content/_index.md", "---\ntitle: Home page\n---\nWelcome to the leaflets.\n")
        // An override whose field has no label.
        .write("themes/default/templates/search.html", "{% extends \"base.html\" %}{% block content %}<div role=\"search\"><input type=\"search\" id=\"q\"></div>{% endblock content %}\n");
    let findings = common::check_findings(&site.root());
    let on_search: Vec<_> = findings.iter().filter(|f| f["rule"] == "A11Y-CONTROL-NAME").collect();
    // Found in `check`, which writes nothing, and named by the theme's file (once: the report
    // lists a problem of one template once, whatever the pages).
    assert_eq!(on_search.len(), 1, "{findings:#?}");
    assert_eq!(on_search[0]["file"], "themes/default/templates/search.html");
    assert!(on_search[0]["url"].as_str().unwrap().ends_with("search/"), "{on_search:#?}");
}

#[test]
fn a_search_template_that_cannot_render_is_an_input_error_naming_it() {
    let site = site();
    site.write("themes/default/templates/search.html", "{% extends \"base.html\" %}\n{% block content %}\n{{ nothing_here | upper }}\n{% endblock content %}\n");
    site.build(&[]).code(2).stderr_has("search.html");
}

#[test]
fn a_page_where_the_search_page_goes_is_refused() {
    let site = site();
    site.write("content/search.md", "---\ntitle: Search\n---\nOur own search.\n");
    site.build(&[]).code(2).stderr_has("content/search.md").stderr_has("search: false");
}
