//! A site's own locale files add to the built-in ones (issue 15, item 11): a `main.ftl` with a
//! few strings keeps every other built-in string, a `glossary.yaml` adds words and can take
//! built-in ones out, and a string no locale defines is an error at the locale file.

use crate::common;

use common::Site;

/// A one-language site with an Easy read page that uses the glossary words "crisis" and
/// "advocate" (both in the built-in English glossary) and "peer worker" (not in it).
fn site() -> Site {
    let site = Site::new();
    // Every check a warning: these tests are about the strings, not the writing.
    site.write("site.yaml", format!("title: Test site\nbase_url: https://example.org/\nlanguages: [en]\n{}", common::checks_all("warning", &[])));
    site.write("content/help.easy.md", "---\ntitle: Getting help\n---\nIn a crisis, call 111.\n\nAn advocate can help you.\n\nA peer worker can help you too.\n");
    site
}

#[test]
fn a_site_main_ftl_with_two_strings_keeps_the_built_in_ones() {
    let site = site();
    site.write("locales/en/main.ftl", "skip-to-content = Jump to the text\nsite-title = Our leaflets\n");
    site.build(&[]).code(0);
    let home = site.page("/").expect("the home page");
    assert!(home.contains(">Jump to the text</a>"), "the site's string is used: {home}");
    assert!(home.contains("Our leaflets"), "{home}");
    // A built-in string the site did not write.
    assert!(home.contains("Read this page in another language") || home.contains("Main menu"), "built-in strings are kept: {home}");
}

#[test]
fn a_site_glossary_adds_words_and_takes_built_in_ones_out() {
    let site = site();
    site.write("locales/en/glossary.yaml", "peer worker:\n  means: Someone who has been through it too. They are paid to help you.\ncrisis: null\n");
    site.build(&[]).code(0);
    let page = scraper::Html::parse_document(&site.page("/easy-read/help/").expect("the Easy read page"));
    let dt = scraper::Selector::parse("section.words-we-use dt").unwrap();
    let words: Vec<String> = page.select(&dt).map(|e| e.text().collect()).collect();
    // The site's word, a built-in word it kept, and not the one `crisis: null` took out.
    assert_eq!(words, ["advocate", "peer worker"]);
}

#[test]
fn a_ui_string_no_locale_defines_is_an_error_at_the_locale_file() {
    let site = site();
    let base = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html")).unwrap();
    site.write("themes/default/templates/base.html", base.replacen("<main id=\"main\" tabindex=\"-1\">", "<main id=\"main\" tabindex=\"-1\"><p>{{ t(key=\"opening-times\") }}</p>", 1));
    let run = site.build(&[]);
    run.code(2).error_at("locales/en/main.ftl", &["the UI string `opening-times` is not defined", "themes/default/templates/base.html, line"]);
    run.stderr_has("Add a line `opening-times = …` to locales/en/main.ftl");
}

/// Review dates are written in words, in the reader's language (issue 15, item 17), with the
/// date for machines in `<time datetime>`.
#[test]
fn review_dates_are_in_words_in_each_language() {
    let site = Site::new();
    let checks = common::checks_all("warning", &[]);
    let reviewed = "---\ntitle: Getting help\nreviewed: 2026-11-01\nreview_due: 2027-02-01\n---\nCall 111 at any time.\n";
    site.write("content/help.md", reviewed);
    for (languages, url, words) in [
        ("[en, cy, ur]", "/help/", "Last checked: <time datetime=\"2026-11-01\">1 November 2026</time>"),
        ("[en, cy, ur]", "/help/", "<time datetime=\"2027-02-01\">1 February 2027</time>"),
        ("[en, cy, ur]", "/cy/help/", "<time datetime=\"2026-11-01\">1 Tachwedd 2026</time>"),
        ("[en, cy, ur]", "/ur/help/", "<time datetime=\"2026-11-01\">1 نومبر، 2026</time>"),
        ("[{code: en, dates: en-US}, cy]", "/help/", "<time datetime=\"2026-11-01\">November 1, 2026</time>"),
    ] {
        site.write("site.yaml", format!("title: Test site\nbase_url: https://example.org/\nlanguages: {languages}\n{checks}"));
        site.build(&["--no-minify"]).code(0);
        let page = site.page(url).unwrap_or_else(|| panic!("{url}"));
        assert!(page.contains(words), "{languages} {url}: no {words:?} in\n{page}");
    }
}

#[test]
fn a_dates_locale_that_is_not_one_is_refused_at_its_line() {
    let site = Site::new();
    site.write("site.yaml", "title: Test site\nlanguages:\n  - code: en\n    dates: British English\n");
    site.build(&[]).code(2).error_at("site.yaml:4", &["`dates: British English` is not a locale"]);
}
