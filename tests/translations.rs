//! Translation truth: `source_hash` stamps, the states of variants (current, outdated, missing,
//! orphan, draft, fallback) along the chain standard → Easy read → Easy-read translation, what
//! readers are shown for each, `clearleaf stamp` and `clearleaf status`.

use crate::common;

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use scraper::{Html, Selector};

const TODAY: &str = "2026-11-21";

/// Copies `tests/fixtures/multilingual` (every variant stamped) into a fresh temporary folder.
fn fixture() -> tempfile::TempDir {
    common::copy_fixture("multilingual")
}

fn read(site: &Path, rel: &str) -> String {
    std::fs::read_to_string(site.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn write(site: &Path, rel: &str, text: &str) {
    std::fs::write(site.join(rel), text).unwrap();
}

/// Replaces `from` (which must occur) in a site file.
fn edit(site: &Path, rel: &str, from: &str, to: &str) {
    let text = read(site, rel);
    assert!(text.contains(from), "{rel} has no {from:?}");
    write(site, rel, &text.replacen(from, to, 1));
}

/// Runs clearleaf with `args` in `dir`; returns (exit status, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let o = cargo_bin_cmd!("clearleaf").current_dir(dir).env("CLEARLEAF_TODAY", TODAY).env_remove("CI").args(args).output().unwrap();
    (o.status.code().unwrap(), String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

/// Builds into `public/`; returns (exit status, stderr).
fn build(site: &Path, extra: &[&str]) -> (i32, String) {
    let (code, _, err) = run(site, &[&["build", "--root", ".", "--out", "public"], extra].concat());
    (code, err)
}

fn status_json(site: &Path) -> serde_json::Value {
    let (code, out, err) = run(site, &["status", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

/// The state of one variant in `clearleaf status --format json`.
fn state(status: &serde_json::Value, page: &str, lang: &str, form: &str) -> String {
    let p = status["pages"].as_array().unwrap().iter().find(|p| p["page"] == page).unwrap_or_else(|| panic!("no page {page:?}"));
    let v = p["variants"].as_array().unwrap().iter().find(|v| v["lang"] == lang && v["form"] == form).unwrap_or_else(|| panic!("no {lang} {form} for {page:?}"));
    v["state"].as_str().unwrap().to_string()
}

fn page(site: &Path, rel: &str) -> Html {
    Html::parse_document(&read(site, &format!("public/{rel}")))
}

fn attrs(doc: &Html, selector: &str, attr: &str) -> Vec<String> {
    let sel = Selector::parse(selector).unwrap();
    doc.select(&sel).filter_map(|e| e.value().attr(attr).map(str::to_string)).collect()
}

fn text_of(doc: &Html, selector: &str) -> String {
    let sel = Selector::parse(selector).unwrap();
    doc.select(&sel).map(|e| e.text().collect::<String>()).collect::<Vec<_>>().join("|")
}

#[test]
fn the_built_in_theme_says_nothing_about_the_example_site() {
    // The bundled example's translations are unchecked examples, and its home pages say so;
    // another multilingual site built with the built-in theme and strings must not.
    let dir = fixture();
    assert_eq!(build(dir.path(), &[]).0, 0);
    for rel in ["public/index.html", "public/ur/index.html"] {
        let html = read(dir.path(), rel);
        assert!(html.contains("<footer"), "{rel} has a footer");
        assert!(!html.contains("qualified translator") && !html.contains("اہل مترجم"), "{rel}:\n{html}");
    }
}

#[test]
fn numbers_keep_their_order_in_right_to_left_pages() {
    let dir = fixture();
    let site = dir.path();
    let text = read(site, "content/_index.ur.md");
    write(site, "content/_index.ur.md", &format!("{text}\nفون کریں 116 123 پر۔\n\n<p>فون 0300 1234567</p>\n"));
    let (code, err) = build(site, &[]);
    assert_eq!(code, 0, "{err}");
    let html = read(site, "public/ur/index.html");
    assert!(html.contains(">116 123</span>") && html.contains("class=number") && html.contains("dir=ltr"), "{html}");
    // The number in raw HTML is the editor's to isolate; the review dates are isolated for them.
    assert_eq!(err.matches("warning[I18N-BIDI-ISOLATE]").count(), 1, "{err}");
    assert!(err.contains("The number 0300 1234567"), "{err}");
}

#[test]
fn the_fixture_starts_with_every_translation_current() {
    let site = fixture();
    let s = status_json(site.path());
    for (page, lang, form) in [("", "en", "easy"), ("", "ur", "standard"), ("help/out-of-hours", "en", "easy"), ("help/out-of-hours", "ur", "standard"), ("help/out-of-hours", "ur", "easy")] {
        assert_eq!(state(&s, page, lang, form), "current", "{page} {lang} {form}");
    }
    let (code, err) = build(site.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("TRANSLATION-OUTDATED"), "{err}");
    assert!(page(site.path(), "ur/help/out-of-hours/index.html").select(&Selector::parse(".notice").unwrap()).next().is_none());
}

#[test]
fn stamp_makes_an_unstamped_translation_current() {
    let site = fixture();
    let rel = "content/help/out-of-hours.ur.md";
    let text = read(site.path(), rel);
    let unstamped: String = text.lines().filter(|l| !l.starts_with("source_hash")).map(|l| format!("{l}\n")).collect();
    write(site.path(), rel, &unstamped);
    assert_eq!(state(&status_json(site.path()), "help/out-of-hours", "ur", "standard"), "outdated");
    let (_, _, err) = run(site.path(), &["check"]);
    assert!(err.contains("warning[TRANSLATION-OUTDATED]: content/help/out-of-hours.ur.md:1: This translation has no `source_hash`"), "{err}");

    let (code, _, err) = run(site.path(), &["stamp", rel]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Stamped content/help/out-of-hours.ur.md with v1:"), "{err}");
    assert_eq!(read(site.path(), rel), text, "the same line, in the same place, as the fixture's own stamp");
    assert_eq!(state(&status_json(site.path()), "help/out-of-hours", "ur", "standard"), "current");
}

#[test]
fn editing_the_sources_words_makes_translations_outdated_along_the_chain() {
    let site = fixture();
    edit(site.path(), "content/help/out-of-hours.md", "Call 111.", "Call 111 or your crisis team.");
    let s = status_json(site.path());
    assert_eq!(state(&s, "help/out-of-hours", "ur", "standard"), "outdated");
    assert_eq!(state(&s, "help/out-of-hours", "en", "easy"), "outdated");
    // The Urdu Easy read page still matches the English Easy read page, but that is outdated.
    assert_eq!(state(&s, "help/out-of-hours", "ur", "easy"), "outdated");
    assert_eq!(state(&s, "", "ur", "standard"), "current", "other pages are untouched");

    let (code, err) = build(site.path(), &[]);
    assert_eq!(code, 0, "outdated is a warning under `outdated: notice`: {err}");
    assert!(err.contains("warning[TRANSLATION-OUTDATED]: content/help/out-of-hours.ur.md:3: content/help/out-of-hours.md has changed since this translation was made."), "{err}");
    assert!(err.contains("help: Update the text to match content/help/out-of-hours.md (its history shows what changed), then run `clearleaf stamp content/help/out-of-hours.ur.md`."), "{err}");
    assert!(
        err.contains("warning[TRANSLATION-OUTDATED]: content/help/out-of-hours.easy.ur.md:3: This translation matches content/help/out-of-hours.easy.md, but that file is itself out of date"),
        "{err}"
    );

    // Readers get the translation with a notice in their language and a link to the source.
    let ur = page(site.path(), "ur/help/out-of-hours/index.html");
    assert_eq!(attrs(&ur, ".notice", "class"), ["notice notice--outdated"]);
    assert!(text_of(&ur, ".notice").contains("یہ ترجمہ بننے کے بعد اس صفحے کا English ورژن بدل گیا ہے"), "{}", text_of(&ur, ".notice"));
    assert_eq!(attrs(&ur, ".notice a", "href"), ["/docs/help/out-of-hours/"]);
    assert_eq!(attrs(&ur, ".notice a", "hreflang"), ["en"]);
    assert!(attrs(&ur, ".content", "lang").is_empty(), "its own Urdu content");
    assert_eq!(attrs(&ur, "link[rel=canonical]", "href"), ["https://example.org/docs/ur/help/out-of-hours/"]);
    assert!(attrs(&ur, "link[rel=alternate]", "hreflang").contains(&"ur".to_string()));
    // The English Easy read page says the standard page changed, in English.
    let easy = page(site.path(), "easy-read/help/out-of-hours/index.html");
    assert!(text_of(&easy, ".notice").contains("The standard version of this page has changed"), "{}", text_of(&easy, ".notice"));
    assert_eq!(attrs(&easy, ".notice a", "href"), ["/docs/help/out-of-hours/"]);

    // Updating the translations and stamping them (sources first) makes them current again.
    let (code, _, err) = run(site.path(), &["stamp", "content/help/out-of-hours.ur.md", "content/help/out-of-hours.easy.ur.md", "content/help/out-of-hours.easy.md"]);
    assert_eq!(code, 0, "{err}");
    let s = status_json(site.path());
    for form in ["standard", "easy"] {
        assert_eq!(state(&s, "help/out-of-hours", "ur", form), "current");
    }
}

#[test]
fn rewrapping_the_source_or_changing_emphasis_markers_keeps_translations_current() {
    let site = fixture();
    edit(site.path(), "content/help/out-of-hours.md", "Call 111. Read about", "Call 111.\nRead   about");
    edit(site.path(), "content/help/out-of-hours.md", "## Who to call\n", "## Who to call\n<!-- checked with the 111 service -->\n");
    edit(site.path(), "content/help/out-of-hours.easy.md", "It is open all night.", "It is open\n  all night.");
    let s = status_json(site.path());
    for (lang, form) in [("ur", "standard"), ("en", "easy"), ("ur", "easy")] {
        assert_eq!(state(&s, "help/out-of-hours", lang, form), "current", "{lang} {form}");
    }
    // But a number is a change.
    edit(site.path(), "content/help/out-of-hours.easy.md", "Call 111", "Call 999");
    let s = status_json(site.path());
    assert_eq!(state(&s, "help/out-of-hours", "en", "easy"), "current");
    assert_eq!(state(&s, "help/out-of-hours", "ur", "easy"), "outdated");
}

#[test]
fn a_deleted_source_leaves_orphans() {
    let site = fixture();
    std::fs::remove_file(site.path().join("content/help/out-of-hours.md")).unwrap();
    let s = status_json(site.path());
    let p = s["pages"].as_array().unwrap().iter().find(|p| p["page"] == "help/out-of-hours").unwrap();
    assert_eq!(p["source"], serde_json::Value::Null);
    for (lang, form) in [("en", "easy"), ("ur", "standard"), ("ur", "easy")] {
        assert_eq!(state(&s, "help/out-of-hours", lang, form), "orphan", "{lang} {form}");
    }
    let (code, err) = build(site.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning[TRANSLATION-ORPHAN]: content/help/out-of-hours.ur.md:1:"), "{err}");
    assert!(!site.path().join("public/ur/help/out-of-hours/index.html").exists());
}

#[test]
fn a_missing_translation_falls_back_inside_the_readers_chrome() {
    let site = fixture();
    let (code, err) = build(site.path(), &[]);
    assert_eq!(code, 0, "{err}");
    let cy = page(site.path(), "cy/help/out-of-hours/index.html");
    assert_eq!(attrs(&cy, "html", "lang"), ["cy"]);
    assert_eq!(attrs(&cy, ".content", "lang"), ["en"]);
    assert_eq!(attrs(&cy, ".notice", "class"), ["notice notice--fallback"]);
    assert!(text_of(&cy, ".notice").contains("Nid yw'r dudalen hon ar gael yn eich iaith chi (Cymraeg) eto"), "{}", text_of(&cy, ".notice"));
    assert!(attrs(&cy, "link[rel=alternate]", "hreflang").is_empty());
    assert_eq!(attrs(&cy, "link[rel=canonical]", "href"), ["https://example.org/docs/help/out-of-hours/"]);
    // The switcher keeps Welsh, marked as a fallback.
    let en = page(site.path(), "help/out-of-hours/index.html");
    assert_eq!(attrs(&en, ".language-switcher a", "hreflang"), ["en", "ur", "cy"]);
    assert_eq!(text_of(&en, ".language-switcher__fallback"), "(not translated yet)");
    // The text report gives one line per language for the pages missing in it.
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("warning[TRANSLATION-MISSING]")).collect();
    assert_eq!(lines.len(), 2, "one for cy, one for ur: {err}");
    let cy = lines.iter().find(|l| l.contains("have no cy translation")).unwrap_or_else(|| panic!("{err}"));
    assert!(cy.starts_with("warning[TRANSLATION-MISSING]: 4 pages have no cy translation: content/_index.md, content/help/_index.md, "), "{cy}");
    assert!(cy.contains("content/help/out-of-hours.md") && !cy.contains(".easy."), "{cy}");
    assert!(err.contains("Pages not meant to be translated can say `translate: false` in their front matter."), "{err}");
    // JSON keeps one TRANSLATION-MISSING per language a page lacks, on the source; none for
    // Easy read.
    let missing = missing_findings(site.path());
    assert!(missing.contains(&("content/help/out-of-hours.md".into(), "cy".into())), "{missing:?}");
    assert_eq!(missing.iter().filter(|(f, _)| f == "content/help/out-of-hours.md").count(), 1, "{missing:?}");
    assert!(missing.iter().all(|(f, _)| !f.contains(".easy.")), "{missing:?}");
    let s = status_json(site.path());
    assert_eq!(state(&s, "help/out-of-hours", "cy", "standard"), "missing");
    assert_eq!(state(&s, "help/out-of-hours", "cy", "easy"), "missing");
}

/// (file, language) of each TRANSLATION-MISSING in `clearleaf check --format json`.
fn missing_findings(site: &Path) -> Vec<(String, String)> {
    let (_, out, err) = run(site, &["check", "--root", ".", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    report["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "TRANSLATION-MISSING").map(|f| (f["file"].as_str().unwrap().to_string(), f["lang"].as_str().unwrap().to_string())).collect()
}

#[test]
fn a_finding_in_a_file_names_the_files_own_page_not_a_fallback() {
    let site = fixture();
    // The English Easy read page is also what Welsh Easy read readers get (there is no Welsh
    // one): its finding is reported once, at its own address.
    // Found while rendering (a broken link), by the page checks (link text) and by the
    // site-wide link check (an address in raw HTML).
    edit(
        site.path(),
        "content/help/out-of-hours.easy.md",
        "Call 111 at night.",
        "Call 111 at night. Go to [the page](intrepreter.md).\n\n![A phone](phone.svg) Read [more](interpreter.md). See <a href=\"/docs/nowhere/\">the nowhere page</a>.",
    );
    let (_, out, err) = run(site.path(), &["check", "--root", ".", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    let hits: Vec<&serde_json::Value> = report["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "A11Y-LINK-PURPOSE" || f["rule"] == "LINK-BROKEN").collect();
    assert_eq!(hits.len(), 3, "{hits:#?}");
    for hit in hits {
        assert_eq!((hit["file"].as_str(), hit["url"].as_str(), hit["lang"].as_str()), (Some("content/help/out-of-hours.easy.md"), Some("/docs/easy-read/help/out-of-hours/"), Some("en")), "{hit}");
    }
}

#[test]
fn a_page_not_meant_for_a_language_is_not_missing_there() {
    let site = fixture();
    edit(site.path(), "content/help/interpreter.md", "weight: 2\n", "weight: 2\ntranslate: [ur]\n");
    edit(site.path(), "content/help/out-of-hours.md", "weight: 1\n", "weight: 1\ntranslate: false\n");
    let missing = missing_findings(site.path());
    assert!(missing.contains(&("content/help/interpreter.md".into(), "ur".into())), "{missing:?}");
    assert!(!missing.iter().any(|(f, l)| f == "content/help/interpreter.md" && l == "cy"), "{missing:?}");
    assert!(!missing.iter().any(|(f, _)| f == "content/help/out-of-hours.md"), "{missing:?}");
    let s = status_json(site.path());
    assert_eq!(state(&s, "help/interpreter", "cy", "standard"), "not-needed");
    assert_eq!(state(&s, "help/out-of-hours", "cy", "easy"), "not-needed");
    assert_eq!(state(&s, "help/interpreter", "ur", "standard"), "missing");
    // An existing translation is still a translation, checked against its source.
    assert_eq!(state(&s, "help/out-of-hours", "ur", "standard"), "current");
    // Not-needed versions do not count against a language's coverage.
    let cy = s["coverage"].as_array().unwrap().iter().find(|c| c["lang"] == "cy" && c["form"] == "standard").unwrap();
    assert_eq!(cy["pages"]["total"], 2, "{cy}");

    let (code, err) = build(site.path(), &[]);
    assert_eq!(code, 0, "{err}");
    // Welsh readers get the English page without a "not translated yet" notice, and the
    // switcher does not promise a Welsh version.
    let cy = page(site.path(), "cy/help/interpreter/index.html");
    assert_eq!(attrs(&cy, ".content", "lang"), ["en"]);
    assert!(attrs(&cy, ".notice", "class").is_empty(), "{}", text_of(&cy, ".notice"));
    let en = page(site.path(), "help/interpreter/index.html");
    assert_eq!(text_of(&en, ".language-switcher__fallback"), "(not translated yet)", "Urdu is still wanted");
    let ur = page(site.path(), "ur/help/interpreter/index.html");
    assert_eq!(attrs(&ur, ".notice", "class"), ["notice notice--fallback"]);
}

#[test]
fn translate_takes_true_false_or_a_list() {
    let site = fixture();
    edit(site.path(), "content/help/interpreter.md", "weight: 2\n", "weight: 2\ntranslate: maybe\n");
    let (code, err) = build(site.path(), &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("content/help/interpreter.md:5:12: the value of `translate`"), "{err}");
    assert!(err.contains("true, false, or a list of language codes like [cy, pl]"), "{err}");
    edit(site.path(), "content/help/interpreter.md", "translate: maybe", "translate: [ur, cyy]");
    let (code, err) = build(site.path(), &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("content/help/interpreter.md:5: `cyy` in `translate:` is not one of the site's languages"), "{err}");
    assert!(err.contains("Did you mean `cy`?"), "{err}");
}

#[test]
fn a_critical_page_replaces_its_outdated_translations_with_the_source() {
    let site = fixture();
    edit(site.path(), "content/help/out-of-hours.md", "weight: 1\n", "weight: 1\ncritical: true\n");
    edit(site.path(), "content/help/out-of-hours.md", "Call 111.", "Call 111 or 999.");
    let s = status_json(site.path());
    assert_eq!(state(&s, "help/out-of-hours", "ur", "standard"), "fallback");
    // An Easy read page has no up-to-date Easy read source to fall back to: the English one is
    // outdated too. The Urdu one keeps its own file rather than get the outdated English one.
    assert_eq!(state(&s, "help/out-of-hours", "en", "easy"), "outdated");
    assert_eq!(state(&s, "help/out-of-hours", "ur", "easy"), "outdated");
    // Their readers would get old facts: the build stops.
    let (code, err) = build(site.path(), &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("error[CRITICAL-OUTDATED]: content/help/out-of-hours.easy.md:5: content/help/out-of-hours.md has changed"), "{err}");
    assert!(err.contains("error[CRITICAL-OUTDATED]: content/help/out-of-hours.easy.ur.md:"), "{err}");
    assert!(!site.path().join("public").exists(), "nothing is published");

    // Lowered to a warning, they are published with a strong notice that links to the
    // up-to-date page: the English standard page, as the Urdu one is outdated too.
    edit(site.path(), "site.yaml", "languages: [en, ur, cy]\n", "languages: [en, ur, cy]\nchecks:\n  CRITICAL-OUTDATED: warning\n");
    let (code, err) = build(site.path(), &[]);
    assert_eq!(code, 0, "{err}");
    for rel in ["easy-read/help/out-of-hours/index.html", "ur/easy-read/help/out-of-hours/index.html"] {
        let easy = page(site.path(), rel);
        assert_eq!(attrs(&easy, ".notice", "class"), ["notice notice--critical"], "{rel}");
        assert_eq!(attrs(&easy, ".notice a", "href"), ["/docs/help/out-of-hours/"], "{rel}");
        assert_eq!(attrs(&easy, ".notice a", "hreflang"), ["en"], "{rel}");
    }
    assert!(text_of(&page(site.path(), "ur/easy-read/help/out-of-hours/index.html"), ".content").contains("رات کو"), "its own file");
    // Welsh has no Easy read file: rather than the outdated English one, it has no page, and
    // links lead to the Welsh reader's standard page.
    assert!(!site.path().join("public/cy/easy-read/help/out-of-hours/index.html").exists());
    assert!(
        err.contains("content/help/out-of-hours.ur.md:3: content/help/out-of-hours.md has changed since this translation was made. Readers are shown that file instead, because the page is critical."),
        "{err}"
    );
    let ur = page(site.path(), "ur/help/out-of-hours/index.html");
    assert_eq!(attrs(&ur, "html", "lang"), ["ur"]);
    assert_eq!(attrs(&ur, ".content", "lang"), ["en"]);
    assert!(text_of(&ur, ".content").contains("Call 111 or 999."));
    assert_eq!(attrs(&ur, ".notice", "class"), ["notice notice--fallback"]);
    assert!(text_of(&ur, ".notice").contains("اس صفحے کا اردو ورژن تازہ کیا جا رہا ہے"), "{}", text_of(&ur, ".notice"));
    assert_eq!(attrs(&ur, "link[rel=canonical]", "href"), ["https://example.org/docs/help/out-of-hours/"]);
    assert!(attrs(&ur, "link[rel=alternate]", "hreflang").is_empty());
    // Only Welsh is marked: the reader's own language (Urdu) has the page's notice instead.
    let marked: Vec<String> = ur
        .select(&Selector::parse(".language-switcher li").unwrap())
        .filter(|li| li.select(&Selector::parse(".language-switcher__fallback").unwrap()).next().is_some())
        .map(|li| li.select(&Selector::parse("a").unwrap()).next().unwrap().value().attr("hreflang").unwrap().to_string())
        .collect();
    assert_eq!(marked, ["cy"]);
    assert_eq!(text_of(&ur, ".language-switcher__fallback"), "(ابھی ترجمہ نہیں ہوا)");
    let sitemap = read(site.path(), "public/sitemap.xml");
    assert!(!sitemap.contains("<loc>https://example.org/docs/ur/help/out-of-hours/</loc>"));
}

#[test]
fn outdated_policies_fallback_and_error() {
    let site = fixture();
    edit(site.path(), "content/_index.md", "Welcome.", "Welcome to our site.");
    edit(site.path(), "site.yaml", "languages: [en, ur, cy]\n", "languages: [en, ur, cy]\ntranslations:\n  outdated: fallback\n");
    assert_eq!(state(&status_json(site.path()), "", "ur", "standard"), "fallback");
    let (code, err) = build(site.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Readers are shown that file instead (translations.outdated: fallback)."), "{err}");
    assert_eq!(attrs(&page(site.path(), "ur/index.html"), ".content", "lang"), ["en"]);

    edit(site.path(), "site.yaml", "outdated: fallback", "outdated: error");
    let before = read(site.path(), "public/ur/index.html");
    let (code, err) = build(site.path(), &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("error[TRANSLATION-OUTDATED]: content/_index.ur.md:3:"), "{err}");
    assert!(err.contains("The build stops (translations.outdated: error)."), "{err}");
    assert_eq!(read(site.path(), "public/ur/index.html"), before, "the previous output is kept");
    // `status` reports and never fails.
    assert_eq!(run(site.path(), &["status"]).0, 0);
}

#[test]
fn drafts_are_their_own_state() {
    let site = fixture();
    write(site.path(), "content/help/out-of-hours.cy.md", "---\ntitle: Help yn y nos\ndraft: true\n---\nFfoniwch 111.\n");
    let s = status_json(site.path());
    assert_eq!(state(&s, "help/out-of-hours", "cy", "standard"), "draft");
    let (code, err) = build(site.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("TRANSLATION-MISSING]: content/help/out-of-hours.md"), "a draft is not missing: {err}");
    assert_eq!(attrs(&page(site.path(), "cy/help/out-of-hours/index.html"), ".content", "lang"), ["en"]);
}

#[test]
fn status_json_snapshot() {
    let site = fixture();
    // One of each state: outdated (and its chain), missing, orphan, draft, fallback, current.
    edit(site.path(), "content/help/out-of-hours.easy.md", "Call 111 at night.", "Call 111 at night or at the weekend.");
    write(site.path(), "content/help/gone.ur.md", "---\ntitle: پرانا صفحہ\n---\nیہ صفحہ ہٹا دیا گیا۔\n");
    write(site.path(), "content/help/interpreter.cy.md", "---\ntitle: Cyfieithwyr\ndraft: true\n---\nGofynnwch pan fyddwch yn trefnu.\n");
    edit(site.path(), "content/_index.md", "title: Home\n", "title: Home\ncritical: true\n");
    edit(site.path(), "content/_index.md", "Welcome.", "Welcome to the site.");
    let (code, out, err) = run(site.path(), &["status", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("status_json", out);
    let (code, out, err) = run(site.path(), &["status"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("status_text", out);
    let (code, out, err) = run(site.path(), &["status", "--lang", "ur"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("status_text_ur", out);
    let (code, _, err) = run(site.path(), &["status", "--lang", "fr"]);
    assert_eq!(code, 2);
    assert!(err.contains("`fr` is not one of the site's languages (en, ur, cy)"), "{err}");
}

#[test]
fn stamp_keeps_every_other_byte_with_crlf_and_a_bom() {
    let site = fixture();
    let rel = "content/help/out-of-hours.ur.md";
    let before = "\u{feff}---\r\ntitle: رات کو مدد\r\n# translated by: an example\r\nweight: 1\r\n---\r\n## کس کو کال کریں\r\n\r\n111 پر کال کریں۔\r\n";
    write(site.path(), rel, before);
    let (code, _, err) = run(site.path(), &["stamp", rel]);
    assert_eq!(code, 0, "{err}");
    let after = read(site.path(), rel);
    let hash = after.lines().find_map(|l| l.strip_prefix("source_hash: \"")).unwrap().trim_end_matches(['"', '\r']).to_string();
    assert!(hash.starts_with("v1:") && hash.len() == 15, "{hash}");
    let expected = before.replace("weight: 1\r\n", &format!("weight: 1\r\nsource_hash: \"{hash}\"\r\n"));
    assert_eq!(after.as_bytes(), expected.as_bytes());
    assert_eq!(state(&status_json(site.path()), "help/out-of-hours", "ur", "standard"), "current");

    // An existing stamp is replaced in place; nothing else moves.
    let old = expected.replace(&hash, "v1:000000000000");
    write(site.path(), rel, &old);
    assert_eq!(run(site.path(), &["stamp", rel]).0, 0);
    assert_eq!(read(site.path(), rel).as_bytes(), expected.as_bytes());
    // Stamping again changes nothing.
    let (code, _, err) = run(site.path(), &["stamp", rel]);
    assert_eq!(code, 0);
    assert!(err.contains("already has the hash"), "{err}");
    assert_eq!(read(site.path(), rel).as_bytes(), expected.as_bytes());
}

#[test]
fn stamp_refuses_what_is_not_a_variant_and_writes_nothing() {
    let site = fixture();
    let ur = "content/help/out-of-hours.ur.md";
    let unstamped: String = read(site.path(), ur).lines().filter(|l| !l.starts_with("source_hash")).map(|l| format!("{l}\n")).collect();
    write(site.path(), ur, &unstamped);
    let (code, _, err) = run(site.path(), &["stamp", ur, "content/help/out-of-hours.md", "content/help/nothing.cy.md", "site.yaml"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("error: content/help/out-of-hours.md: this is a source page (standard, en), not a translation or Easy read version"), "{err}");
    assert!(err.contains("help: Stamp the files made from it instead, such as content/help/out-of-hours.ur.md or content/help/out-of-hours.easy.md."), "{err}");
    assert!(err.contains("error: content/help/nothing.cy.md: there is no such file"), "{err}");
    assert!(err.contains("error: site.yaml: this is not a markdown page (.md)"), "{err}");
    assert_eq!(read(site.path(), ur), unstamped, "nothing is written when any file is refused");

    write(site.path(), "content/help/gone.ur.md", "---\ntitle: پرانا\n---\n");
    let (code, _, err) = run(site.path(), &["stamp", "content/help/gone.ur.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("error: content/help/gone.ur.md: the page it was made from, content/help/gone.md, does not exist"), "{err}");
    let (code, _, _) = run(site.path(), &["stamp"]);
    assert_eq!(code, 2);
}

#[test]
fn stamp_neither_writes_nor_reads_through_a_link_out_of_the_site() {
    let site = fixture();
    // Another site, whose translation the link leads to.
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::copy(site.path().join("site.yaml"), elsewhere.path().join("site.yaml")).unwrap();
    common::write_file(elsewhere.path(), "content/notes.md", "---\ntitle: Notes\n---\nWords.\n");
    let outside = elsewhere.path().join("content/notes.ur.md");
    let text = "---\ntitle: باہر\n---\nالفاظ\n";
    std::fs::write(&outside, text).unwrap();
    std::os::unix::fs::symlink(&outside, site.path().join("content/help/linked.ur.md")).unwrap();
    write(site.path(), "content/help/linked.md", "---\ntitle: Linked\n---\nWords.\n");
    let (code, _, err) = run(site.path(), &["stamp", "content/help/linked.ur.md"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("content/help/linked.ur.md: this is a link to") && err.contains("outside the site folder"), "{err}");
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), text, "the file outside the site is not written");
    // A source page that is a link out of the site is not read either.
    std::fs::remove_file(site.path().join("content/help/linked.md")).unwrap();
    std::fs::write(elsewhere.path().join("source.md"), "---\ntitle: Linked\n---\nWords.\n").unwrap();
    std::os::unix::fs::symlink(elsewhere.path().join("source.md"), site.path().join("content/help/linked.md")).unwrap();
    std::fs::remove_file(site.path().join("content/help/linked.ur.md")).unwrap();
    write(site.path(), "content/help/linked.ur.md", "---\ntitle: ربط\n---\nالفاظ\n");
    let (code, _, err) = run(site.path(), &["stamp", "content/help/linked.ur.md"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("content/help/linked.md: this is a link to"), "{err}");
    assert!(!read(site.path(), "content/help/linked.ur.md").contains("source_hash"));
}

#[test]
fn the_example_site_is_stamped_with_one_outdated_translation() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let s = status_json(root);
    let outdated: Vec<String> = s["pages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["variants"].as_array().unwrap().iter().map(move |v| (p, v)))
        .filter(|(_, v)| v["state"] != "current" && v["state"] != "missing")
        .map(|(p, v)| format!("{} {} {} {}", p["page"], v["lang"], v["form"], v["state"]))
        .collect();
    assert_eq!(outdated, [r#""help/interpreter" "ur" "standard" "outdated""#]);
    for form in ["standard", "easy"] {
        for lang in ["cy", "pl", "ur", "ar"] {
            assert_eq!(state(&s, "help/out-of-hours", lang, form), "current", "the critical page: {lang} {form}");
        }
    }
}
