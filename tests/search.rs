//! Search: the Pagefind index a build writes under `pagefind/`, on a small site in English,
//! Welsh and Urdu. What each index holds is read back from Pagefind's own files: the entry file
//! lists the languages, and each page's fragment (gzipped JSON) its address, filters and text.

mod common;

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
