//! Every rule the registry says is checked is emitted by at least one test fixture: the failed
//! W3C ACT cases in `tests/fixtures/act/`, and two small sites built here, one with broken
//! content, settings, translations and stylesheet, one with a broken page frame. A rule that
//! claims to be implemented but never fires would show up here as missing.
//!
//! The rules' own behaviour (lines, messages, passing cases) is tested in `a11y_rules.rs`,
//! `easy_read_rules.rs`, `translations.rs` and the unit tests; this test only proves that each
//! is wired into a real build.

use std::collections::BTreeSet;
use std::path::Path;

use clearleaf::checks::a11y;
use clearleaf::rules;

use crate::common;
use common::{check_findings, write_file};

fn builtin(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// `text` with `from` replaced by `to`, failing loudly if the built-in file changed.
fn replaced(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the built-in template no longer contains {from:?}");
    text.replacen(from, to, 1)
}

fn rules_of(findings: &[serde_json::Value]) -> BTreeSet<String> {
    findings.iter().map(|f| f["rule"].as_str().unwrap().to_string()).collect()
}

const PIC: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\"><rect width=\"8\" height=\"8\"/></svg>\n";

/// Content, settings, translations, UI strings and a stylesheet that break the rules on words,
/// links, translations and the theme's CSS.
fn broken_content_site(root: &Path) {
    let w = |rel: &str, text: &str| write_file(root, rel, text);
    w("site.yaml", "title: Every rule\nbase_url: https://example.org/\nlanguages: [en, cy, ur, so, hi]\neasy_read:\n  max_page_words: 60\n");
    w("content/pic.svg", PIC);
    w("content/_index.md", "---\ntitle: Home\n---\nRead [the test page](page.md) and [the Easy read page](easy.md).\n");
    w(
        "content/page.md",
        concat!(
            "---\ntitle: Test page\ncolour: red\nreview_due: 2020-01-01\n---\n",
            "# A second main heading\n\n",
            "## Part\n\n#### Detail\n\n",
            "![pic.svg](pic.svg)\n\n![](pic.svg)\n\n",
            "About the rules: [click here](other.md). [Help](other.md) or [Help](_index.md).\n\n",
            "See [the old page](gone.md). Hi <b onclick=\"steal()\">there</b>.\n\n",
            "Individuals experiencing considerable psychological distress should contact their registered practitioner, ",
            "who will coordinate comprehensive multidisciplinary assessments, pharmacological interventions, ",
            "occupational rehabilitation and supplementary community opportunities throughout the administrative area.\n",
        ),
    );
    // The same title as page.md, in the same language.
    w("content/other.md", "---\ntitle: Test page\n---\nWords.\n");
    // A critical page whose Easy read version was made from an older version of it.
    w("content/urgent.md", "---\ntitle: Urgent help\ncritical: true\n---\nCall 111 until 8pm.\n");
    w("content/urgent.easy.md", "---\ntitle: Urgent help\nsource_hash: \"v1:000000000000\"\n---\n![A phone](pic.svg) Call 111 until 6pm.\n");
    // An Easy read page that breaks every rule on words, with no checked_by or checked_on.
    w("content/easy.md", "---\ntitle: Easy page\n---\n![A square](pic.svg) Words.\n");
    w(
        "content/easy.easy.md",
        concat!(
            "---\ntitle: Easy page\n---\n",
            "![A clock](pic.svg) You can call the helpline at any time of the day or the night if you feel that you need some help.\n\n",
            "![A phone](pic.svg) Call us, text us, or write to us.\n\n",
            "![A phone](pic.svg) Call us.\nText us. Email us. Visit us.\n\n",
            "This paragraph has no picture.\n\n",
            "![A book](pic.svg) Read <cite>The Big Guide</cite> and <u>this</u>. Please DO NOT wait.\n\n",
            "![A team](pic.svg) Ask your CMHT. You may be eligible. Take three tablets.\n\n",
            "![A leaflet](pic.svg) You are given a leaflet (at any time) in a crisis.\n\n",
            "![A doctor](pic.svg) Multidisciplinary professionals coordinate comprehensive individualised assessments.\n",
        ),
    );
    // An Urdu page with a phone number in raw HTML, which the renderer does not isolate.
    w("content/other.ur.md", "---\ntitle: ٹیسٹ صفحہ\n---\n<p>فون 0300 1234567</p>\n");
    // A Welsh translation with no stamp, and one whose source does not exist.
    w("content/easy.cy.md", "---\ntitle: Tudalen hawdd\n---\nGeiriau.\n");
    w("content/ghost.cy.md", "---\ntitle: Ysbryd\n---\nGeiriau.\n");
    // Somali, which has no built-in UI strings: the site's lack all but one of the default
    // language's. (A site's file adds to a built-in one, so Welsh has them all.)
    w("locales/so/main.ftl", "language-name = Soomaali\n");
    // PDF-FONT-MISSING: no font of the built-in theme prints Devanagari.
    w("locales/hi/main.ftl", "language-name = हिन्दी\n");
    // A page no other page links to, once the section template, replaced by the page
    // template, no longer lists the pages of the section.
    w("content/lonely.md", "---\ntitle: Nobody links here\n---\nWords.\n");
    w("themes/default/templates/section.html", &builtin("themes/default/templates/page.html"));
    // A page template that hides the "Words we use" section.
    w(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<div class=\"content\">\n{{ content | replace(from=\"<section class=\\\"words-we-use\\\"\", to=\"<section hidden class=\\\"words-we-use\\\"\") | safe }}\n</div>\n{% endblock content %}\n",
    );
    w(
        "themes/default/static/theme/clearleaf.css",
        concat!(
            "body { color: #999; background: #fff; font-size: 16px; }\n",
            "a { text-decoration: none; }\n",
            "a:focus { outline: none; }\n",
            "p { line-height: 1.2 !important; }\n",
            ".x { transition: all 1s; }\n",
            ".wrap { width: 960px; }\n",
            ".form-easy main p { font-size: 12px; line-height: 1.1; text-align: justify; font-style: italic; text-decoration: underline; text-transform: uppercase; hyphens: auto; font-family: \"Brush Script MT\", cursive; }\n",
            ".form-easy main { max-width: 100rem; }\n",
        ),
    );
}

/// A base template whose frame breaks the page rules that need to know what a page is meant
/// to be: its language and direction, the skip link, landmarks, the language switcher, the menu.
/// It has no home page of its own.
fn broken_frame_site(root: &Path) {
    let w = |rel: &str, text: &str| write_file(root, rel, text);
    w("site.yaml", "title: Every rule\nbase_url: https://example.org/\nlanguages: [en, ur]\n");
    // No content/_index.md: clearleaf makes the home page (HOME-GENERATED).
    w("content/page.md", "---\ntitle: Test page\n---\nWords.\n");
    w("content/page.ur.md", "---\ntitle: ٹیسٹ صفحہ\n---\nالفاظ۔\n");
    let mut base = builtin("themes/default/templates/base.html");
    for (from, to) in [
        ("<html lang=\"{{ lang }}\"", "<html lang=\"en\""),
        ("dir=\"{{ dir }}\" class", "dir=\"ltr\" class"),
        ("<a class=\"skip-link\" href=\"#main\">", "<a class=\"skip-link\" href=\"#top\">"),
        ("<main id=\"main\" tabindex=\"-1\">", "<main id=\"main\" tabindex=\"-1\"></main><main>"),
        (" lang=\"{{ l.code }}\" dir=\"{{ l.dir }}\"{% if l.current %}", "{% if l.current %}"),
        ("{%- for item in nav %}", "{% if kind == \"home\" %}<li><a href=\"{{ home_url }}\">x</a></li>{% endif %}{%- for item in nav %}"),
    ] {
        base = replaced(&base, from, to);
    }
    w("themes/default/templates/base.html", &base);
}

/// The rules only a build finds, as they read the typeset PDF leaflets: an Easy read print
/// template with small text, a picture Typst cannot read, and a table wider than the page.
fn leaflet_rules() -> BTreeSet<String> {
    let s = common::Site::new();
    let long = "Supercalifragilisticexpialidocious";
    s.write("content/pictures/bad.png", b"\x89PNG\r\n\x1a\nbroken")
        .write("content/wide.md", format!("---\ntitle: Wide\n---\n\n![A doctor](pictures/bad.png) See your doctor.\n\n|A|B|C|D|E|F|G|\n|-|-|-|-|-|-|-|\n{}|\n", format!("|{long}").repeat(7)))
        .write("content/wide.easy.md", "---\ntitle: Wide\n---\n\nSee your doctor.\n")
        .write("themes/default/print/easy-read.typ", replaced(&builtin("themes/default/print/easy-read.typ"), "size: 16pt, fill: ink", "size: 10pt, fill: ink"));
    let out = s.root().join("out");
    let o = assert_cmd::cargo::cargo_bin_cmd!("clearleaf").args(["build", "--no-cache", "--format", "json", "--today", common::TODAY, "--root"]).arg(s.root()).arg("--out").arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    rules_of(doc["findings"].as_array().unwrap())
}

/// The rules the failed cases of the vendored ACT test suite make the checker report.
fn act_rules() -> BTreeSet<String> {
    let cases = builtin("tests/fixtures/act/cases.jsonl");
    let mut found = BTreeSet::new();
    for line in cases.lines() {
        let case: serde_json::Value = serde_json::from_str(line).unwrap();
        if case["expected"] == "failed" {
            let (_, violations) = a11y::check(case["html"].as_str().unwrap(), None);
            found.extend(violations.iter().map(|v| v.rule.id.to_string()));
        }
    }
    found
}

/// The rule a build refused for invalid input reports in its JSON document.
fn input_rules() -> BTreeSet<String> {
    let s = common::Site::new();
    s.write("content/help.md", "---\ntitle: Getting help\nweight: ten\n---\nWords.\n");
    let o = assert_cmd::cargo::cargo_bin_cmd!("clearleaf").args(["check", "--format", "json", "--today", common::TODAY, "--root"]).arg(s.root()).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    rules_of(doc["findings"].as_array().unwrap())
}

#[test]
fn every_implemented_rule_is_emitted_by_a_fixture() {
    let mut emitted = act_rules();
    for make in [broken_content_site, broken_frame_site] {
        let dir = tempfile::tempdir().unwrap();
        make(dir.path());
        emitted.extend(rules_of(&check_findings(dir.path())));
    }
    emitted.extend(input_rules());
    emitted.extend(leaflet_rules());

    for id in &emitted {
        let rule = rules::find(id).unwrap_or_else(|| panic!("a fixture emitted `{id}`, which is not in the rule registry"));
        assert!(rule.implemented, "a fixture emitted {id}, which the registry says is not checked yet");
    }
    let never: Vec<&str> = rules::implemented().map(|r| r.id).filter(|id| !emitted.contains(*id)).collect();
    assert!(never.is_empty(), "rules the registry says are checked, that no fixture emits: {never:?}");
}
