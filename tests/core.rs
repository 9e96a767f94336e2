//! The core pipeline on a small multilingual fixture site: URLs, languages and directions, the
//! language switcher, hreflang, the sitemap, picture rows, fallbacks, reproducibility, and the
//! promise that a failed build leaves the previous output as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use scraper::{Html, Selector};

const TODAY: &str = "2026-11-21";

/// Copies `tests/fixtures/<name>` into a fresh temporary folder.
fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Runs `clearleaf build` and returns (exit status, stderr).
fn build(root: &Path, out: &Path, extra: &[&str]) -> (i32, String) {
    let o = cargo_bin_cmd!("clearleaf").arg("build").arg("--root").arg(root).arg("--out").arg(out).args(["--today", TODAY]).args(extra).output().unwrap();
    (o.status.code().unwrap(), String::from_utf8_lossy(&o.stderr).into_owned())
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

fn page(out: &Path, rel: &str) -> Html {
    let text = std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    Html::parse_document(&text)
}

fn attrs(doc: &Html, selector: &str, attr: &str) -> Vec<String> {
    let sel = Selector::parse(selector).unwrap();
    doc.select(&sel).filter_map(|e| e.value().attr(attr).map(str::to_string)).collect()
}

fn built() -> (tempfile::TempDir, PathBuf) {
    let site = fixture("multilingual");
    let out = site.path().join("public");
    let (code, err) = build(site.path(), &out, &[]);
    assert_eq!(code, 0, "{err}");
    (site, out)
}

#[test]
fn urls_follow_the_scheme_for_every_language_and_form() {
    let (_site, out) = built();
    for rel in [
        "index.html",
        "easy-read/index.html",
        "ur/index.html",
        "cy/index.html",
        "help/index.html",
        "help/out-of-hours/index.html",
        "easy-read/help/out-of-hours/index.html",
        "ur/help/out-of-hours/index.html",
        "ur/easy-read/help/out-of-hours/index.html",
        "cy/help/out-of-hours/index.html",
        "help/interpreter/index.html",
        "help/phone.svg",
        "theme/clearleaf.css",
        "404.html",
        "robots.txt",
        "sitemap.xml",
    ] {
        assert!(out.join(rel).is_file(), "missing {rel}");
    }
    // No Easy-read version of the interpreter page exists, so none is published.
    assert!(!out.join("easy-read/help/interpreter/index.html").exists());
}

#[test]
fn pages_declare_language_and_direction() {
    let (_site, out) = built();
    let html = Selector::parse("html").unwrap();
    for (rel, lang, dir) in
        [("help/out-of-hours/index.html", "en", "ltr"), ("ur/help/out-of-hours/index.html", "ur", "rtl"), ("ur/easy-read/help/out-of-hours/index.html", "ur", "rtl"), ("cy/index.html", "cy", "ltr")]
    {
        let doc = page(&out, rel);
        let root = doc.select(&html).next().unwrap();
        assert_eq!(root.value().attr("lang"), Some(lang), "{rel}");
        assert_eq!(root.value().attr("dir"), Some(dir), "{rel}");
    }
}

#[test]
fn switcher_hreflang_and_canonical_point_at_the_same_page() {
    let (_site, out) = built();
    let doc = page(&out, "ur/help/out-of-hours/index.html");
    assert_eq!(attrs(&doc, ".language-switcher a", "href"), ["/docs/help/out-of-hours/", "/docs/ur/help/out-of-hours/", "/docs/cy/help/out-of-hours/"]);
    assert_eq!(attrs(&doc, ".language-switcher a", "lang"), ["en", "ur", "cy"]);
    assert_eq!(attrs(&doc, ".language-switcher a[aria-current=true]", "hreflang"), ["ur"]);
    // Welsh is only a fallback here, and is marked as such, in the reader's language.
    let marker = Selector::parse(".language-switcher__fallback").unwrap();
    let markers: Vec<String> = doc.select(&marker).map(|m| m.text().collect()).collect();
    assert_eq!(markers, ["(ابھی ترجمہ نہیں ہوا)"]);
    assert_eq!(attrs(&doc, "link[rel=alternate]", "hreflang"), ["en", "ur", "x-default"]);
    assert_eq!(attrs(&doc, "link[rel=alternate][hreflang=x-default]", "href"), ["https://example.org/docs/help/out-of-hours/"]);
    assert_eq!(attrs(&doc, "link[rel=canonical]", "href"), ["https://example.org/docs/ur/help/out-of-hours/"]);
    // The other form is linked, in the reader's language.
    assert_eq!(attrs(&doc, ".other-form a", "href"), ["/docs/ur/easy-read/help/out-of-hours/"]);
    // Skip link first, to the main landmark.
    assert_eq!(attrs(&doc, "body > a", "href").first().map(String::as_str), Some("#main"));
}

#[test]
fn missing_translations_fall_back_inside_the_readers_chrome() {
    let (_site, out) = built();
    let doc = page(&out, "cy/help/out-of-hours/index.html");
    // English content marked as English inside the Welsh page, with a notice, out of hreflang.
    assert_eq!(attrs(&doc, ".content", "lang"), ["en"]);
    let notice = Selector::parse(".notice").unwrap();
    assert_eq!(doc.select(&notice).count(), 1);
    assert!(attrs(&doc, "link[rel=alternate]", "hreflang").is_empty());
    assert_eq!(attrs(&doc, "link[rel=canonical]", "href"), ["https://example.org/docs/help/out-of-hours/"]);
}

#[test]
fn links_and_pictures_resolve_for_each_language() {
    let (_site, out) = built();
    let en = page(&out, "help/out-of-hours/index.html");
    assert!(attrs(&en, ".content a", "href").contains(&"/docs/help/interpreter/#how-to-ask".to_string()));
    assert_eq!(attrs(&en, ".content img", "src"), ["/docs/help/phone.svg"]);
    // The Urdu page links to the Urdu URL of the interpreter page (a fallback there).
    let ur = page(&out, "ur/help/out-of-hours/index.html");
    assert!(attrs(&ur, ".content a", "href").contains(&"/docs/ur/help/interpreter/".to_string()));
    // Source lines used by the checks never reach the output.
    let text = std::fs::read_to_string(out.join("help/out-of-hours/index.html")).unwrap();
    assert!(!text.contains("data-cl-line"));
}

#[test]
fn easy_read_picture_rows() {
    let (_site, out) = built();
    let doc = page(&out, "ur/easy-read/help/out-of-hours/index.html");
    assert_eq!(attrs(&doc, ".picture-row > img.picture-row__picture", "alt"), ["فون"]);
    let text = Selector::parse(".picture-row > .picture-row__text").unwrap();
    assert_eq!(doc.select(&text).next().unwrap().text().collect::<String>(), "رات کو 111 پر کال کریں۔");
    let en = page(&out, "easy-read/help/out-of-hours/index.html");
    assert_eq!(attrs(&en, "li.picture-row > img", "alt"), ["A clock"]);
}

#[test]
fn sitemap_lists_own_pages_with_alternates() {
    let (_site, out) = built();
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let entry = sitemap.lines().find(|l| l.contains("<loc>https://example.org/docs/ur/help/out-of-hours/</loc>")).expect("Urdu page in sitemap");
    assert!(entry.contains(r#"<xhtml:link rel="alternate" hreflang="en" href="https://example.org/docs/help/out-of-hours/"/>"#));
    assert!(entry.contains(r#"hreflang="x-default""#));
    // Fallback pages are not listed: their canonical URL is the source's.
    assert!(!sitemap.contains("<loc>https://example.org/docs/cy/help/out-of-hours/</loc>"));
    let robots = std::fs::read_to_string(out.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://example.org/docs/sitemap.xml"));
}

#[test]
fn builds_are_byte_identical() {
    let site = fixture("multilingual");
    let (a, b) = (site.path().join("a"), site.path().join("b"));
    assert_eq!(build(site.path(), &a, &[]).0, 0);
    assert_eq!(build(site.path(), &b, &["--jobs", "1"]).0, 0);
    let (sa, sb) = (snapshot(&a), snapshot(&b));
    assert!(sa.len() > 20);
    assert_eq!(sa, sb);
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = fixture("multilingual");
    let out = site.path().join("public");
    assert_eq!(build(site.path(), &out, &[]).0, 0);
    let before = snapshot(&out);
    let page = site.path().join("content/help/interpreter.md");
    let mut text = std::fs::read_to_string(&page).unwrap();
    text.push_str("\nSee [the old page](gone.md).\n");
    std::fs::write(&page, text).unwrap();
    let (code, err) = build(site.path(), &out, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("error[LINK-BROKEN]: content/help/interpreter.md:10:"), "{err}");
    assert_eq!(snapshot(&out), before);
}

#[test]
fn invalid_front_matter_exits_2_with_file_line_and_column() {
    let site = fixture("multilingual");
    let out = site.path().join("public");
    std::fs::write(site.path().join("content/help/interpreter.md"), "---\ntitle: Interpreters\nweight: ten\n---\nText\n").unwrap();
    let (code, err) = build(site.path(), &out, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("error: content/help/interpreter.md:3:9: the value of `weight` is"), "{err}");
    assert!(err.contains("whole number"), "{err}");
    assert!(!out.exists(), "nothing is written on invalid input");
}

#[test]
fn an_unknown_language_suffix_is_an_error_not_a_new_page() {
    let site = fixture("multilingual");
    std::fs::write(site.path().join("content/help/interpreter.fr.md"), "---\ntitle: Interprètes\n---\n").unwrap();
    let (code, err) = build(site.path(), &site.path().join("public"), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("content/help/interpreter.fr.md: the file name says the language is `fr`"), "{err}");
}

#[test]
fn json_report_follows_the_spec() {
    let site = fixture("multilingual");
    std::fs::write(site.path().join("content/help/interpreter.md"), "---\ntitle: Interpreters\nreview_due: 2026-01-01\ncolour: red\n---\n## How to ask\n").unwrap();
    let o = cargo_bin_cmd!("clearleaf").args(["check", "--format", "json", "--today", TODAY, "--root"]).arg(site.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["version"], 1);
    let rules: Vec<(&str, u64)> =
        doc["findings"].as_array().unwrap().iter().filter(|f| f["file"] == "content/help/interpreter.md").map(|f| (f["rule"].as_str().unwrap(), f["line"].as_u64().unwrap())).collect();
    assert!(rules.contains(&("CONTENT-REVIEW-DUE", 3)), "{rules:?}");
    assert!(rules.contains(&("FRONT-MATTER-UNKNOWN-KEY", 4)), "{rules:?}");
    assert!(!site.path().join("public").exists(), "check writes nothing");
}

#[test]
fn init_makes_a_site_that_builds_without_errors() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("my-site");
    cargo_bin_cmd!("clearleaf").arg("init").arg(&root).assert().success();
    let (code, err) = build(&root, &root.join("public"), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(root.join("public/easy-read/about/index.html").is_file());
    // The Easy-read pages have not been checked with readers: each says so until someone has.
    assert!(err.contains("0 errors, 2 warnings"), "{err}");
    assert_eq!(err.matches("warning[ER-CHECKED]").count(), 2, "{err}");
}

#[test]
fn init_writes_a_workflow_that_publishes_to_github_pages() {
    let dir = tempfile::tempdir().unwrap();
    cargo_bin_cmd!("clearleaf").arg("init").arg(dir.path()).assert().success();
    let text = std::fs::read_to_string(dir.path().join(".github/workflows/publish.yml")).unwrap();
    let workflow: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let steps = |job: &str| workflow["jobs"][job]["steps"].as_sequence().unwrap().clone();
    let runs: Vec<String> = steps("build").iter().filter_map(|s| s["run"].as_str().map(String::from)).collect();
    assert!(runs.iter().any(|r| r.contains("clearleaf build") && r.contains("--format github") && r.contains("--out public")), "{runs:?}");
    let uses = |job: &str| steps(job).iter().filter_map(|s| s["uses"].as_str().map(String::from)).collect::<Vec<_>>();
    assert!(uses("build").iter().any(|u| u.starts_with("actions/upload-pages-artifact")), "{text}");
    assert!(uses("deploy").iter().any(|u| u.starts_with("actions/deploy-pages")), "{text}");
    assert_eq!(workflow["permissions"]["pages"].as_str(), Some("write"));
}
