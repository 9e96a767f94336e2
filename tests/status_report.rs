//! The translation status report (issue 17, item 4): `clearleaf status --format html -o FILE`,
//! and `status/index.html` in a build with `status_page: true`. What it lists is the same
//! states `status --format json` reports; how it reads in a browser (axe, 320 px, print) is
//! checked by `tests/browser/`.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use scraper::{Html, Selector};

use crate::common;

const TODAY: &str = "2026-11-21";

/// Copies `tests/fixtures/multilingual` (en, ur, cy; every variant stamped) into `dir`.
fn fixture(dir: &Path) {
    common::copy_fixture_into("multilingual", dir);
}

fn edit(site: &Path, rel: &str, from: &str, to: &str) {
    let text = std::fs::read_to_string(site.join(rel)).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}");
    std::fs::write(site.join(rel), text.replacen(from, to, 1)).unwrap();
}

/// The words of a source page: its title, description and body, as staleness counts them.
fn source_words(site: &Path, rel: &str) -> usize {
    let text = std::fs::read_to_string(site.join(rel)).unwrap();
    let parsed = clearleaf::front_matter::parse(rel, &text).unwrap();
    clearleaf::i18n::staleness::word_count(parsed.front.title.as_deref().unwrap(), parsed.front.description.as_deref(), &text[parsed.body_start..])
}

/// `status --format html -o report.html`; returns the report.
fn report(site: &Path) -> String {
    let out = site.join("report.html");
    let o = cargo_bin_cmd!("clearleaf").current_dir(site).args(["status", "--format", "html", "-o"]).arg(&out).env("CLEARLEAF_TODAY", TODAY).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty(), "with -o, nothing is printed");
    std::fs::read_to_string(out).unwrap()
}

/// The texts of the elements `selector` picks, in order.
fn texts(html: &str, selector: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    doc.select(&Selector::parse(selector).unwrap()).map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

/// The items listed under a language's heading in the section `id`.
fn listed(html: &str, id: &str, heading: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let section = doc.select(&Selector::parse(&format!("section[aria-labelledby={id}]")).unwrap()).next().unwrap_or_else(|| panic!("no section {id}"));
    let h3 = Selector::parse("h3").unwrap();
    let Some(h) = section.select(&h3).find(|h| h.text().collect::<String>() == heading) else { return Vec::new() };
    let list = h.next_siblings().find_map(scraper::ElementRef::wrap).unwrap();
    list.select(&Selector::parse("li").unwrap()).map(|li| li.text().collect::<String>()).collect()
}

#[test]
fn the_report_lists_what_each_language_still_needs() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path();
    fixture(site);
    // A source that changed on a known day, after its translations were made.
    common::git(site, &["init", "-q"], "2026-10-01T12:00:00Z");
    common::git(site, &["add", "."], "2026-10-01T12:00:00Z");
    common::git(site, &["commit", "-q", "-m", "Leaflets"], "2026-10-01T12:00:00Z");
    edit(site, "content/help/out-of-hours.md", "Call 111.", "Call 111 or your crisis team.");
    common::git(site, &["commit", "-q", "-am", "Crisis team"], "2026-10-03T09:30:00Z");
    edit(site, "content/help/interpreter.md", "---\n", "---\nreview_due: 2026-11-01\n");

    let html = report(site);
    assert!(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"), "one file, no script: {html}");
    assert_eq!(texts(&html, "h1"), ["Translation status: Test resources"]);
    // Missing, by language: the fixture has no Welsh version of anything.
    let welsh = listed(&html, "missing", "cy standard");
    assert!(welsh.iter().any(|i| i.starts_with("content/help/out-of-hours.cy.md: from content/help/out-of-hours.md, ") && i.ends_with(" words to translate.")), "{welsh:?}");
    // Out of date, with the day its source changed.
    // Only the words of the changed paragraph are to be translated again.
    let outdated = listed(&html, "outdated", "ur standard");
    let prefix = "content/help/out-of-hours.ur.md: from content/help/out-of-hours.md, ";
    let quoted: usize = outdated[0].strip_prefix(prefix).and_then(|r| r.split(' ').next()).and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("{outdated:?}"));
    assert!(quoted > 0 && quoted < source_words(site, "content/help/out-of-hours.md"), "{outdated:?}");
    assert_eq!(outdated, [format!("{prefix}{quoted} words to translate; out of date since 2026-10-03.")]);
    assert!(listed(&html, "orphans", "ur standard").is_empty());
    assert_eq!(texts(&html, "section[aria-labelledby=reviews] li"), ["content/help/interpreter.md: due on 2026-11-01."]);
    // Coverage says what the JSON says, in words beside each bar.
    let o = cargo_bin_cmd!("clearleaf").current_dir(site).args(["status", "--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let ur = json["coverage"].as_array().unwrap().iter().find(|c| c["lang"] == "ur" && c["form"] == "standard").unwrap();
    let (current, total) = (ur["pages"]["current"].as_u64().unwrap(), ur["pages"]["total"].as_u64().unwrap());
    let words = ur["words_to_translate"].as_u64().unwrap();
    let quote = texts(&html, "section[aria-labelledby=words] li");
    assert!(quote.iter().any(|l| l.starts_with(&format!("ur standard: {words} words, in ")) && l.ends_with(" missing pages and 1 out-of-date page.")), "{quote:?}");
    let coverage = texts(&html, "ul.coverage li");
    let line = coverage.iter().find(|c| c.starts_with("ur standard")).unwrap();
    assert!(line.contains(&format!("{current} of {total} pages up to date ({}%)", current * 100 / total)), "{line}");
}

#[test]
fn an_orphan_is_listed_with_the_source_it_lacks() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    std::fs::remove_file(dir.path().join("content/help/out-of-hours.md")).unwrap();
    let html = report(dir.path());
    assert_eq!(listed(&html, "orphans", "ur standard"), ["content/help/out-of-hours.ur.md: its source, content/help/out-of-hours.md, does not exist."]);
}

#[test]
fn build_publishes_the_report_only_when_asked() {
    let site = common::Site::new();
    site.build(&[]).code(0);
    assert!(site.page("/status/").is_none(), "not published by default");
    site.write("site.yaml", format!("{}status_page: true\n", common::SITE_YAML));
    site.build(&[]).code(0);
    let report = site.page("/status/").expect("published at /status/");
    assert!(report.contains("Translation status: Test site"), "{report}");
}

#[test]
fn a_page_where_the_report_goes_is_refused() {
    let site = common::Site::new();
    site.write("site.yaml", format!("{}status_page: true\n", common::SITE_YAML)).write("content/status.md", "---\ntitle: Service status\n---\nAll lines are open.\n");
    site.build(&[]).code(2).error_at("content/status.md", &["/status/", "a file of its own"]).stderr_has("status_page: false");
    // Without the report, the page is published there.
    site.write("site.yaml", common::SITE_YAML);
    site.build(&[]).code(0);
    assert!(site.page("/status/").unwrap().contains("All lines are open."));
}
