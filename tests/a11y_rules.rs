//! One failing and one passing page for each accessibility rule, through the real build: the
//! finding must name the rule, the markdown file and the line (or, for the theme's rules, the
//! template file). ACT agreement for the same rules is in `act.rs`.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

use crate::common;
use common::check_findings as findings;

const FRONT: &str = "---\ntitle: Test page\ndescription: A page for one rule.\n---\n";
/// The body starts on this line of the page file.
const BODY_LINE: usize = 5;

/// A small two-language site whose `content/page.md` has `body`.
fn site(body: &str, form_easy: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |rel: &str, text: &str| common::write_file(dir.path(), rel, text);
    write("site.yaml", "title: Rules\nbase_url: https://example.org/\nlanguages: [en, ur]\nchecks:\n  EASY-READ-MISSING: off\n  A11Y-MULTIPLE-WAYS: off\n");
    write("content/_index.md", "---\ntitle: Home\n---\nSee [the test page](page.md) and [the other page](other.md).\n");
    write("content/other.md", "---\ntitle: Other page\n---\n## Part {#part}\n\nText.\n");
    write("content/pic.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\"><rect width=\"8\" height=\"8\"/></svg>\n");
    let (page, other) = if form_easy { ("content/page.easy.md", "content/page.md") } else { ("content/page.md", "content/page.easy.md") };
    write(page, &format!("{FRONT}{body}\n"));
    write(other, &format!("{FRONT}![A square](pic.svg) Words.\n"));
    dir
}

/// (rule, failing body, line of the offence within the body (1-based), passing body)
const CONTENT_CASES: &[(&str, &str, usize, &str)] = &[
    ("A11Y-IMG-NAME", "Text.\n\n<img src=\"pic.svg\">", 3, "![A black square](pic.svg)"),
    ("A11Y-IMG-ALT-QUALITY", "![pic.svg](pic.svg)", 1, "![A black square](pic.svg)"),
    ("A11Y-LINK-NAME", "Go to [](other.md).", 1, "Go to [the other page](other.md)."),
    ("A11Y-LINK-PURPOSE", "About the rules:\n[click here](other.md).", 2, "Read [the other page](other.md)."),
    ("A11Y-LINK-SAME-TEXT", "[Help](other.md) or\n[Help](_index.md).", 2, "[Other help](other.md) or [home](_index.md)."),
    ("A11Y-HEADING-EMPTY", "Text.\n\n##\n", 3, "## A heading"),
    ("A11Y-HEADING-ORDER", "## Part\n\n#### Detail", 3, "## Part\n\n### Detail"),
    ("A11Y-H1", "# A second main heading", 1, "## A heading"),
    ("A11Y-LANG-PARTS", "Say <span lang=\"xx\">bonjour</span>.", 1, "Say <span lang=\"fr\">bonjour</span>."),
    ("A11Y-ID-UNIQUE", "Text\n<span id=\"main\">x</span>", 2, "Text <span id=\"note\">x</span>"),
    ("A11Y-ARIA-VALID", "<p role=\"buton\">Press</p>", 1, "<p role=\"note\">Press</p>"),
    ("A11Y-HIDDEN-FOCUS", "<div aria-hidden=\"true\">\n<a href=\"#part\">Part</a>\n</div>\n\n## Part {#part}", 2, "<div>\n<a href=\"#part\">Part</a>\n</div>\n\n## Part {#part}"),
    ("A11Y-TABLE", "Before.\n\n| Day | Time |\n|-----|------|\n", 3, "| Day | Time |\n|-----|------|\n| Monday | 9 |\n"),
    ("LINK-BROKEN", "Text.\n\nSee [the old page](gone.md).", 3, "See [the other page](other.md)."),
    ("LINK-BROKEN", "See [part](other.md#nowhere).", 1, "See [part](other.md#part)."),
    ("HTML-SANITISED", "Hi\n<b onclick=\"steal()\">there</b>", 2, "Hi <b>there</b>"),
];

#[test]
fn each_content_rule_fails_with_its_line_and_passes_when_fixed() {
    for (rule, bad, line, good) in CONTENT_CASES {
        let s = site(bad, false);
        let all = findings(s.path());
        let hit = all.iter().find(|f| f["rule"] == *rule).unwrap_or_else(|| panic!("{rule}: no finding for {bad:?}: {all:#?}"));
        assert_eq!(hit["file"], "content/page.md", "{rule}: {hit}");
        assert_eq!(hit["line"].as_u64(), Some((BODY_LINE + line - 1) as u64), "{rule}: {hit}");
        assert!(!hit["message"].as_str().unwrap().is_empty() && !hit["help"].as_str().unwrap().is_empty());

        let s = site(good, false);
        let all = findings(s.path());
        assert!(!all.iter().any(|f| f["rule"] == *rule), "{rule} still reported for {good:?}: {all:#?}");
    }
}

#[test]
fn percent_encoded_addresses_lead_where_they_are_written_to() {
    // Markdown addresses are percent-encoded in the page (`ä`, Urdu, an escape written): the
    // link check reads them decoded, so none is broken, and a broken one is reported once, by
    // the renderer.
    let s = site("See [a part](other.md#ärger-مدد), [the form](café.svg) and ![A square](pic%2Esvg).\n\n[Gone](<gone page.md#ä>)", false);
    common::write_file(s.path(), "content/other.md", "---\ntitle: Other page\n---\n## Ärger und مدد {#ärger-مدد}\n\nText.\n");
    common::write_file(s.path(), "content/café.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\"/>\n");
    let all = findings(s.path());
    let broken: Vec<&Value> = all.iter().filter(|f| f["rule"] == "LINK-BROKEN").collect();
    assert_eq!(broken.len(), 1, "{broken:#?}");
    assert_eq!(broken[0]["line"].as_u64(), Some(BODY_LINE as u64 + 2), "{}", broken[0]);
}

#[test]
fn generic_link_text_is_an_error_on_easy_read_pages() {
    let s = site("![A square](pic.svg) Read [more](other.md).", true);
    let all = findings(s.path());
    let hit = all.iter().find(|f| f["rule"] == "A11Y-LINK-PURPOSE").expect("a finding");
    assert_eq!((hit["severity"].as_str(), hit["file"].as_str(), hit["line"].as_u64()), (Some("error"), Some("content/page.easy.md"), Some(BODY_LINE as u64)));
}

#[test]
fn a_missing_file_is_one_finding_with_the_nearest_name() {
    for (body, what, near) in [
        ("See ![A square](pics.svg).", "The picture `pics.svg` cannot be found", "pic.svg"),
        ("See [the other page](othr.md).", "The link to `othr.md` goes nowhere", "other.md"),
        ("See [the other page](/othre.md).", "The link to `/othre.md` goes nowhere", "other.md"),
    ] {
        let s = site(body, false);
        let all = findings(s.path());
        let broken: Vec<&Value> = all.iter().filter(|f| f["rule"] == "LINK-BROKEN").collect();
        assert_eq!(broken.len(), 1, "{body}: {broken:#?}");
        assert!(broken[0]["message"].as_str().unwrap().starts_with(what), "{}", broken[0]);
        assert!(broken[0]["help"].as_str().unwrap().starts_with(&format!("Did you mean `{near}`?")), "{}", broken[0]);
    }
    // From a folder, the suggestion is written as the link would be.
    let s = site("Text.", false);
    common::write_file(s.path(), "content/help/_index.md", "---\ntitle: Help\n---\nSee [the page](../othr.md) and ![A square](../pic.svgg).\n");
    let all = findings(s.path());
    let helps: Vec<&str> = all.iter().filter(|f| f["rule"] == "LINK-BROKEN").map(|f| f["help"].as_str().unwrap()).collect();
    assert_eq!(helps.len(), 2, "{all:#?}");
    assert!(helps.iter().any(|h| h.starts_with("Did you mean `../other.md`?")) && helps.iter().any(|h| h.starts_with("Did you mean `../pic.svg`?")), "{helps:?}");
}

#[test]
fn a_link_that_says_the_same_as_the_menu_names_the_menu() {
    let s = site("Read [Your rights](other.md).", false);
    common::write_file(s.path(), "content/rights/_index.md", "---\ntitle: Your rights\n---\nText.\n");
    let all = findings(s.path());
    let hit = all.iter().find(|f| f["rule"] == "A11Y-LINK-SAME-TEXT").unwrap_or_else(|| panic!("no finding: {all:#?}"));
    assert_eq!((hit["file"].as_str(), hit["line"].as_u64()), (Some("content/page.md"), Some(BODY_LINE as u64)), "{hit}");
    assert_eq!(hit["message"], "Two links say \"Your rights\" but go to different places: this one, and the menu's link, which comes from the theme.");
    assert!(hit["help"].as_str().unwrap().starts_with("The menu's link goes to /rights/ and is named after that page"), "{hit}");
}

/// (rule, text in the built-in base.html, replacement) — a site theme that breaks the frame.
const THEME_CASES: &[(&str, &str, &str)] = &[
    ("A11Y-LANG-PRESENT", "<html lang=\"{{ lang }}\"", "<html"),
    ("I18N-LANG-MATCHES", "<html lang=\"{{ lang }}\"", "<html lang=\"en\""),
    ("I18N-DIR", "dir=\"{{ dir }}\" class", "dir=\"ltr\" class"),
    ("A11Y-TITLE", "<title>{{ page_title }}</title>", "<title> </title>"),
    ("A11Y-VIEWPORT", "initial-scale=1", "initial-scale=1, user-scalable=no"),
    ("A11Y-SKIP-LINK", "<a class=\"skip-link\" href=\"#main\">", "<a class=\"skip-link\" href=\"#top\">"),
    ("A11Y-MAIN", "<main id=\"main\" tabindex=\"-1\">", "<main id=\"main\" tabindex=\"-1\"></main><main>"),
    ("I18N-LANG-SWITCHER", " lang=\"{{ l.code }}\" dir=\"{{ l.dir }}\"{% if l.current %}", "{% if l.current %}"),
    ("A11Y-NAV-CONSISTENT", "{%- for item in nav %}", "{% if kind == \"home\" %}<li><a href=\"{{ home_url }}\">x</a></li>{% endif %}{%- for item in nav %}"),
    ("LINK-BROKEN", "<p>{{ t(key=\"footer-other-formats\") }}</p>", "<p><a href=\"{{ base_path }}formats/\">{{ t(key=\"footer-other-formats\") }}</a></p>"),
    ("A11Y-REFRESH", "<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"30\">"),
    ("A11Y-ATTR-DUP", "<main id=\"main\" tabindex=\"-1\">", "<main id=\"main\" tabindex=\"-1\" tabindex=\"0\">"),
    ("A11Y-CONTROL-NAME", "<main id=\"main\" tabindex=\"-1\">", "<main id=\"main\" tabindex=\"-1\"><button type=\"button\"></button>"),
    ("A11Y-AUTOCOMPLETE", "<main id=\"main\" tabindex=\"-1\">", "<main id=\"main\" tabindex=\"-1\"><label>Email <input type=\"email\" autocomplete=\"emial\"></label>"),
    (
        "A11Y-IFRAME-TABINDEX",
        "<main id=\"main\" tabindex=\"-1\">",
        "<main id=\"main\" tabindex=\"-1\"><iframe title=\"A map\" tabindex=\"-1\" srcdoc=\"<a href='https://example.org/'>Map</a>\"></iframe>",
    ),
    ("A11Y-TEXT-SPACING", "<main id=\"main\" tabindex=\"-1\">", "<main id=\"main\" tabindex=\"-1\"><p style=\"line-height: 1 !important\">Tight text</p>"),
    // A length in any unit counts, the unitless 0 too (ACT 24afc2).
    ("A11Y-TEXT-SPACING", "<main id=\"main\" tabindex=\"-1\">", "<main id=\"main\" tabindex=\"-1\"><p style=\"letter-spacing: 0 !important\">Tight text</p>"),
    ("A11Y-HIDDEN-FOCUS", "<main id=\"main\" tabindex=\"-1\">", "<main id=\"main\" tabindex=\"-1\"><div aria-hidden=\"true\"><a href=\"#main\">Top</a></div>"),
];

#[test]
fn theme_rules_point_at_the_template() {
    let builtin = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html")).unwrap();
    for (rule, from, to) in THEME_CASES {
        assert!(builtin.contains(from), "{rule}: the built-in base.html no longer contains {from:?}");
        let s = site("Text.", false);
        let all = findings(s.path());
        assert!(!all.iter().any(|f| f["rule"] == *rule), "{rule} reported on the built-in theme: {all:#?}");
        let theme = s.path().join("themes/default/templates");
        std::fs::create_dir_all(&theme).unwrap();
        std::fs::write(theme.join("base.html"), builtin.replacen(from, to, 1)).unwrap();
        let all = findings(s.path());
        let hit = all.iter().find(|f| f["rule"] == *rule).unwrap_or_else(|| panic!("{rule}: no finding: {all:#?}"));
        assert_eq!(hit["file"], "themes/default/templates/base.html", "{rule}: {hit}");
    }
}

#[test]
fn audit_reports_on_any_html_file() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(&page, "<!DOCTYPE html><html><head><title>x</title></head><body><main><img src=a.png></main></body></html>").unwrap();
    let o = cargo_bin_cmd!("clearleaf").arg("audit").arg(&page).args(["--format", "json"]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    let rules: Vec<&str> = doc["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert!(rules.contains(&"A11Y-IMG-NAME") && rules.contains(&"A11Y-LANG-PRESENT"), "{rules:?}");
    assert!(doc["findings"].as_array().unwrap().iter().all(|f| f["file"] == page.to_string_lossy().as_ref()));
}

#[test]
fn theme_stylesheet_rules_point_at_the_css_line() {
    let s = site("Text.", false);
    let css = s.path().join("themes/default/static/theme/clearleaf.css");
    std::fs::create_dir_all(css.parent().unwrap()).unwrap();
    std::fs::write(&css, "body { color: #999; background: #fff; }\n\na:focus {\n  outline: none;\n}\n").unwrap();
    let all = findings(s.path());
    let at = |rule: &str| all.iter().find(|f| f["rule"] == rule).map(|f| (f["file"].as_str().unwrap().to_string(), f["line"].as_u64()));
    assert_eq!(at("A11Y-CONTRAST-TEXT"), Some(("themes/default/static/theme/clearleaf.css".into(), Some(1))));
    assert_eq!(at("A11Y-FOCUS-VISIBLE"), Some(("themes/default/static/theme/clearleaf.css".into(), Some(3))));
}

#[test]
fn site_rules_titles_and_ways() {
    // A11Y-TITLE-UNIQUE: two pages with the same title in one language.
    let s = site("Text.", false);
    std::fs::write(s.path().join("content/other.md"), "---\ntitle: Test page\n---\n## Part {#part}\n").unwrap();
    let all = findings(s.path());
    let hit = all.iter().find(|f| f["rule"] == "A11Y-TITLE-UNIQUE").expect("duplicate titles found");
    assert!(hit["file"] == "content/page.md" || hit["file"] == "content/other.md", "{hit}");
    assert_eq!(hit["line"].as_u64(), Some(1));
    let s = site("Text.", false);
    assert!(!findings(s.path()).iter().any(|f| f["rule"] == "A11Y-TITLE-UNIQUE"));

    // A11Y-MULTIPLE-WAYS: a page no other page links to (turned off in the other tests' site).
    // Every page is listed by its section, so only a theme that drops the lists leaves one alone.
    let s = site("Text.", false);
    let yaml = std::fs::read_to_string(s.path().join("site.yaml")).unwrap().replace("  A11Y-MULTIPLE-WAYS: off\n", "");
    std::fs::write(s.path().join("site.yaml"), &yaml).unwrap();
    std::fs::write(s.path().join("content/lonely.md"), "---\ntitle: Nobody links here\n---\nText.\n").unwrap();
    assert!(!findings(s.path()).iter().any(|f| f["rule"] == "A11Y-MULTIPLE-WAYS"), "the home page lists every page");
    let theme = s.path().join("themes/default/templates");
    std::fs::create_dir_all(&theme).unwrap();
    let page_html = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/page.html")).unwrap();
    std::fs::write(theme.join("section.html"), page_html).unwrap();
    let all = findings(s.path());
    let hit = all.iter().find(|f| f["rule"] == "A11Y-MULTIPLE-WAYS").expect("an unlinked page");
    assert_eq!(hit["file"], "content/lonely.md");
}
