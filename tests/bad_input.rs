//! Bad input: every way a site can be broken, and what clearleaf must do about it.
//!
//! Each refusal test first builds a GOOD site into OUT and snapshots every byte under it, then
//! breaks the site, builds again into the same OUT and checks
//! - the exit status (2 for invalid input or usage, 1 for error findings),
//! - that stderr names the exact `FILE:LINE[:COLUMN]` and says what is wrong in plain words,
//! - that OUT is byte-for-byte what the good build left, with no `.clearleaf-staging` behind.
//!
//! Cases that must build (BOM, CRLF, a page with only front matter, a 20 MB page, 10,000
//! files …) check exit status 0 and what was published instead.
//!
//! Sites are made in temporary folders from Rust, so that awkward bytes (Latin-1, BOM, CRLF),
//! symbolic links and big inputs are generated rather than committed. Plain-text cases read
//! their broken file from `tests/fixtures/invalid/<case>/`.
//!
//! Tests marked `#[ignore = "bug: …"]` assert the correct behaviour and currently fail: run
//! them with `cargo test --test integration bad_input:: -- --ignored`.

use crate::common;

use std::time::Duration;

use common::{Run, Site, assert_unchanged, snapshot};

/// A fixture file from `tests/fixtures/invalid/`.
fn fixture(rel: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid").join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// See [`Site::refused`].
fn refused(site: &Site, status: i32, args: &[&str], break_it: impl FnOnce(&Site)) -> Run {
    site.refused(status, args, break_it)
}

/// `refused` with the page `content/help.md` replaced by `text`, expecting exit status 2.
fn refused_help_page(text: impl AsRef<[u8]>) -> Run {
    let text = text.as_ref().to_vec();
    refused(&Site::new(), 2, &[], move |s| {
        s.write("content/help.md", &text);
    })
}

// ---------------------------------------------------------------------------------------------
// Malformed YAML in front matter
// ---------------------------------------------------------------------------------------------

#[test]
fn yaml_unclosed_bracket_is_refused() {
    // content/help.md line 3: `tags: [help, phone` — the list is never closed.
    let run = refused_help_page(fixture("yaml_unclosed_bracket/help.md"));
    run.stderr_has("error: content/help.md:").stderr_has("could not be read").stderr_has("bracket");
    assert_eq!(run.stderr.matches("error: ").count(), 1, "one error expected:\n{}", run.stderr);
}

#[test]
fn yaml_unclosed_bracket_points_at_the_bracket() {
    let run = refused_help_page(fixture("yaml_unclosed_bracket/help.md"));
    run.error_at("content/help.md:3:7", &["could not be read"]);
}

#[test]
fn yaml_unclosed_bracket_in_a_text_value() {
    // `description: [Who to call` — the YAML library sees a list where text belongs.
    let run = refused_help_page("---\ntitle: Getting help\ndescription: [Who to call\n---\nCall 111.\n");
    run.error_at("content/help.md:3:14", &["`description`", "text"]);
}

/// 100,000 nested brackets took 31 s to parse (the YAML tokenizer's time grows with the square
/// of the nesting). Past the limit they are refused at the bracket, in front matter and in
/// site.yaml alike.
#[test]
fn yaml_brackets_nested_100_000_deep_are_refused_at_the_bracket() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    // The column of the first bracket one level too deep, after `prefix`.
    let at = |prefix: &str| prefix.len() + clearleaf::yaml_depth::MAX_FLOW_DEPTH + 1;
    let run = refused_help_page(format!("---\ntitle: Getting help\ntags: {deep}\n---\nCall 111.\n"));
    run.error_at(&format!("content/help.md:3:{}", at("tags: ")), &["nested", "levels deep"]);
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("site.yaml", format!("{}x: {deep}\n", common::SITE_YAML));
    });
    let line = common::SITE_YAML.lines().count() + 1;
    run.error_at(&format!("site.yaml:{line}:{}", at("x: ")), &["nested", "levels deep"]);
}

#[test]
fn yaml_tab_indentation() {
    let run = refused_help_page("---\ntitle: Getting help\n\tweight: 3\n---\nCall 111.\n");
    run.error_at("content/help.md:3:1", &["tab"]);
}

#[test]
fn yaml_duplicate_keys() {
    let run = refused_help_page(fixture("yaml_duplicate_keys/help.md"));
    // The second `title:` is on line 4.
    run.error_at("content/help.md:4:1", &["`title`", "twice"]);
}

#[test]
fn front_matter_weight_is_not_a_number() {
    let run = refused_help_page(fixture("weight_ten/help.md"));
    run.error_at("content/help.md:3:9", &["`weight`", "\"ten\"", "whole number"]);
}

#[test]
fn front_matter_draft_maybe() {
    let run = refused_help_page("---\ntitle: Getting help\ndraft: maybe\n---\nCall 111.\n");
    run.error_at("content/help.md:3:8", &["`draft`", "true or false"]);
}

#[test]
fn front_matter_date_out_of_range() {
    let run = refused_help_page(fixture("date_2026_13_45/help.md"));
    run.error_at("content/help.md:3:7", &["`date`", "month"]);
}

#[test]
fn front_matter_bad_date_message_is_plain_words() {
    let run = refused_help_page(fixture("date_2026_13_45/help.md"));
    run.error_at("content/help.md:3:7", &["`date`"]);
    assert!(run.stderr.contains("YYYY-MM-DD"), "no `YYYY-MM-DD` in:\n{}", run.stderr);
    assert!(!run.stderr.contains("two digit integer"), "library wording leaks:\n{}", run.stderr);
}

#[test]
fn front_matter_missing_title() {
    let run = refused_help_page(fixture("missing_title/help.md"));
    run.error_at("content/help.md:1:1", &["no title"]);
}

#[test]
fn front_matter_blank_title() {
    let run = refused_help_page("---\ntitle: \"   \"\n---\nCall 111.\n");
    run.error_at("content/help.md:2", &["title", "blank"]);
}

#[test]
fn front_matter_not_closed() {
    let run = refused_help_page(fixture("front_matter_not_closed/help.md"));
    run.error_at("content/help.md:1:1", &["never closed"]);
}

#[test]
fn no_front_matter_and_no_heading_is_refused() {
    let run = refused_help_page("Call 111.\n\n# Getting help\n");
    run.error_at("content/help.md:1:1", &["no title"]);
    assert!(run.stderr.contains("# Getting help out of hours"), "the hint shows a heading:\n{}", run.stderr);
}

#[test]
fn a_pasted_page_takes_its_title_from_its_first_heading() {
    let site = Site::new();
    site.write("content/help.md", "# Getting help\n\nCall 111.\n");
    site.write("content/same.md", "---\ntitle: Your rights\n---\n# Your rights\n\nAsk for an interpreter.\n");
    let run = site.build(&[]);
    run.code(0);
    for (url, title) in [("/help/", "Getting help"), ("/same/", "Your rights")] {
        let html = site.page(url).expect("published");
        assert!(html.contains(&format!("<title>{title}")), "{url} is titled {title}:\n{html}");
        assert_eq!(html.matches("<h1").count(), 1, "{url} has one level-1 heading:\n{html}");
    }
    assert!(!run.stderr.contains("A11Y-H1"), "no second-h1 warning:\n{}", run.stderr);
}

#[test]
fn empty_file() {
    // An empty page has a line but no column: the problem is the whole (empty) file.
    let run = refused_help_page("");
    run.error_at("content/help.md:1", &["empty"]);
}

#[test]
fn whitespace_only_file() {
    let run = refused_help_page("\n  \n\t\n");
    run.error_at("content/help.md:1", &["empty"]);
}

#[test]
fn only_front_matter_builds() {
    // A page with a title and no body is valid: `front_matter::split` accepts a closing `---`
    // at the very end of the file (with or without a final newline) and the body is then empty.
    // The page is published with its title and an empty content area.
    for text in ["---\ntitle: Only a title\n---\n", "---\ntitle: Only a title\n---"] {
        let site = Site::new();
        site.write("content/help.md", text);
        site.build(&[]).code(0);
        let html = site.page("/help/").expect("/help/ is published");
        assert!(html.contains("Only a title"), "title missing from /help/:\n{html}");
    }
}

// ---------------------------------------------------------------------------------------------
// Encodings and line ends
// ---------------------------------------------------------------------------------------------

#[test]
fn latin1_bytes_are_refused() {
    // `Caf\xe9` is Latin-1 for Café: not UTF-8. The bad byte is line 2, column 11.
    let run = refused_help_page(b"---\ntitle: Caf\xe9 help\n---\nCall 111.\n");
    run.error_at("content/help.md:2:11", &["not utf-8"]);
}

#[test]
fn latin1_in_the_body_points_at_the_line() {
    let run = refused_help_page(b"---\ntitle: Getting help\n---\nCall 111.\n\nOr go to the caf\xe9.\n");
    run.error_at("content/help.md:6:17", &["not utf-8"]);
}

#[test]
fn utf8_bom_builds() {
    let site = Site::new();
    site.write("content/help.md", b"\xEF\xBB\xBF---\ntitle: Help with a BOM\n---\nCall 111.\n");
    site.build(&[]).code(0);
    let html = site.page("/help/").expect("/help/ is published");
    assert!(html.contains("Help with a BOM"), "title missing:\n{html}");
    assert!(!html.contains('\u{FEFF}'), "the BOM leaked into the page");
}

#[test]
fn crlf_line_ends_build() {
    let site = Site::new();
    site.write("content/help.md", "---\r\ntitle: Help with CRLF\r\ndescription: Windows line ends.\r\n---\r\nCall 111.\r\n\r\nOr 999.\r\n");
    site.build(&[]).code(0);
    let html = site.page("/help/").expect("/help/ is published");
    assert!(html.contains("Help with CRLF"), "title missing:\n{html}");
    assert!(!html.contains('\r'), "a carriage return leaked into the page");
}

#[test]
fn bom_and_crlf_together_build() {
    let site = Site::new();
    let mut yaml = b"\xEF\xBB\xBF".to_vec();
    yaml.extend(common::SITE_YAML.replace('\n', "\r\n").bytes());
    site.write("site.yaml", yaml);
    site.write("content/help.md", b"\xEF\xBB\xBF---\r\ntitle: Help with both\r\n---\r\nCall 111.\r\n");
    site.build(&[]).code(0);
    assert!(site.page("/help/").unwrap().contains("Help with both"));
}

#[test]
fn crlf_keeps_line_numbers() {
    let run = refused_help_page("---\r\ntitle: Getting help\r\nweight: ten\r\n---\r\nCall 111.\r\n");
    run.error_at("content/help.md:3:9", &["`weight`"]);
}

#[test]
fn crlf_link_line_is_right() {
    let site = Site::new();
    let run = refused(&site, 1, &[], |s| {
        s.write("content/help.md", "---\r\ntitle: Getting help\r\n---\r\nCall 111.\r\n\r\nSee [this](nope.md).\r\n");
    });
    run.stderr_has("error[LINK-BROKEN]: content/help.md:6:");
}

// ---------------------------------------------------------------------------------------------
// File names and the page tree
// ---------------------------------------------------------------------------------------------

#[test]
fn unknown_language_suffix() {
    // The problem is the file's name, so the location is the file (no line).
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("content/x.fr.md", "---\ntitle: Bonjour\n---\nSalut.\n");
    });
    run.error_at("content/x.fr.md", &["`fr`", "site.yaml"]);
}

#[test]
fn two_files_map_to_one_url() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("content/help/_index.md", "---\ntitle: Help section\n---\nAll help.\n");
    });
    run.stderr_has("same address").stderr_has("content/help.md").stderr_has("content/help/_index.md");
    assert!(run.stderr.lines().any(|l| l.starts_with("error: content/help.md: ") || l.starts_with("error: content/help/_index.md: ")), "{}", run.stderr);
}

#[test]
fn translation_orphan_is_a_warning_and_not_published() {
    // x.cy.md without x.md: TRANSLATION-ORPHAN (warning), exit 0, and no page for it.
    let site = Site::new();
    site.build_good();
    site.write("content/x.cy.md", "---\ntitle: Tudalen amddifad\n---\nDim ffynhonnell.\n");
    let run = site.build(&["--format", "json"]);
    run.code(0);
    let json = run.json();
    let orphan = json["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "TRANSLATION-ORPHAN").expect("TRANSLATION-ORPHAN finding");
    assert_eq!(orphan["severity"], "warning");
    assert_eq!(orphan["file"], "content/x.cy.md");
    assert_eq!(orphan["line"], 1);
    assert!(site.page("/cy/x/").is_none() && site.page("/x/").is_none(), "the orphan was published");
    let all = snapshot(&site.out());
    assert!(!all.values().any(|e| matches!(e, common::Entry::File(b) if String::from_utf8_lossy(b).contains("Tudalen amddifad"))), "the orphan's title appears in the output");
}

#[test]
fn link_to_a_missing_page() {
    let run = refused(&Site::new(), 1, &[], |s| {
        s.write("content/help.md", fixture("link_broken/help.md"));
    });
    // The link is on line 7 of the file.
    run.stderr_has("error[LINK-BROKEN]: content/help.md:7: ").stderr_has("nope.md").stderr_has("previous output was left as it was");
}

#[test]
fn a_site_without_a_home_page_gets_one_in_every_language_and_form() {
    let site = Site::new();
    site.remove("content/_index.md")
        .write("content/help.easy.md", "---\ntitle: Help\n---\n![A phone](phone.svg) Call 111.\n")
        .write("content/phone.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\"><rect width=\"8\" height=\"8\"/></svg>\n");
    let run = site.build(&["--format", "json", "--no-minify"]);
    run.code(0);
    let findings = run.json()["findings"].as_array().unwrap().clone();
    let home: Vec<_> = findings.iter().filter(|f| f["rule"] == "HOME-GENERATED").collect();
    assert_eq!(home.len(), 1, "one warning: {findings:?}");
    assert_eq!((home[0]["file"].as_str(), home[0]["severity"].as_str()), (Some("content/_index.md"), Some("warning")));
    assert!(home[0]["help"].as_str().unwrap().contains("Write content/_index.md"), "{:?}", home[0]);
    // Its translations are made with it, so none is reported missing or out of date.
    let about_home: Vec<_> = findings.iter().filter(|f| f["file"].as_str().unwrap().starts_with("content/_index") && f["rule"] != "HOME-GENERATED").collect();
    assert!(about_home.is_empty(), "{about_home:?}");
    // Each language and form has it, titled like the site and listing the help page in its own
    // language and form, under that language's heading.
    for (url, lang, heading, help) in [
        ("/", "en", "Pages on this site", "/help/"),
        ("/easy-read/", "en", "Pages on this site", "/easy-read/help/"),
        ("/cy/", "cy", "Tudalennau ar y wefan hon", "/cy/help/"),
        ("/cy/easy-read/", "cy", "Tudalennau ar y wefan hon", "/cy/easy-read/help/"),
    ] {
        let page = site.page(url).unwrap_or_else(|| panic!("{url} is published"));
        assert!(page.contains(&format!("lang=\"{lang}\"")), "{url}: {page}");
        assert!(page.contains("<h1") && page.contains(">Test site</h1>"), "{url}: {page}");
        assert!(page.contains(heading) && page.contains(&format!("href=\"{help}\"")), "{url}: {page}");
    }
    // Writing content/_index.md replaces it, and the warning goes.
    site.write("content/_index.md", common::HOME_MD);
    let run = site.build(&["--format", "json"]);
    run.code(0);
    assert!(!run.json()["findings"].as_array().unwrap().iter().any(|f| f["rule"] == "HOME-GENERATED"), "{}", run.stdout);
    assert!(site.page("/").unwrap().contains("Home page</h1>"));
}

#[test]
fn a_home_page_that_is_a_draft_is_not_replaced() {
    // Publishing a made-up home page over the editor's unfinished one would hide that it is
    // not published yet.
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("content/_index.md", "---\ntitle: Home page\ndraft: true\n---\nNot ready.\n");
    });
    run.error_at("content/_index.md", &["no home page", "draft"]).stderr_has("--drafts");
}

#[test]
fn missing_content_folder() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.remove("content");
    });
    run.error_at("content", &["no content/ folder"]);
}

#[test]
fn html_file_in_content_is_refused() {
    // Opened from the site, an HTML file could run a script on its address; it would also
    // land on OUT/help/index.html, where help.md goes.
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("content/help/index.html", "<p>hello</p><script>alert(1)</script>\n");
        s.write("content/help/data.XML", "<x/>\n");
    });
    run.error_at("content/help/index.html", &[".html file can run scripts"]).stderr_has("put it in the static/ folder");
    run.error_at("content/help/data.XML", &[".xml file"]);
}

#[test]
fn folder_named_like_a_language_collides_with_a_translation() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("content/cy/help.md", "---\ntitle: A folder called cy\n---\nx\n");
        s.write("content/help.cy.md", "---\ntitle: Cael help\n---\nFfoniwch 111.\n");
    });
    run.stderr_has("/cy/help/").stderr_has("content/cy/help.md").stderr_has("content/help.cy.md");
}

#[test]
fn page_file_name_with_a_question_mark() {
    // Either percent-encode the URL or refuse the name, pointing at the file.
    let site = Site::new();
    site.write("content/faq?.md", "---\ntitle: Questions\n---\nAsk us.\n");
    let run = site.build(&[]);
    match run.status {
        Some(0) => {
            let home = site.page("/").unwrap();
            assert!(home.contains("/faq%3F/"), "the link to the page is not percent-encoded");
        }
        Some(2) => {
            run.error_at("content/faq?.md", &[]);
        }
        _ => panic!("expected exit status 0 (URL encoded) or 2 (name refused):\n{}", run.stderr),
    }
}

/// 100,000 levels of each way to nest: each crashed the build with a stack overflow (exit 134,
/// no message) or took minutes. Each is refused with the file and the line where it gets too
/// deep, and the previous site is left as it was.
#[test]
fn nesting_100_000_deep_is_refused_with_its_line() {
    const N: usize = 100_000;
    let shapes = [
        ("quotes", "> ".repeat(N) + "deep\n"),
        ("lists", "- ".repeat(N) + "deep\n"),
        ("raw divs", "<div>".repeat(N) + "deep" + &"</div>".repeat(N) + "\n"),
        ("raw divs, one a line", "<div>\n".repeat(N) + "deep\n" + &"</div>\n".repeat(N)),
        ("raw spans in a paragraph", "Text ".to_string() + &"<span>".repeat(N) + "deep" + &"</span>".repeat(N) + "\n"),
        ("emphasis", "*a ".repeat(N) + "deep" + &"*".repeat(N) + "\n"),
        ("quotes in lists", "- > ".repeat(N / 2) + "deep\n"),
    ];
    for (name, body) in shapes {
        let site = Site::new();
        let before = site.build_good();
        // The body starts on line 4, after three lines of front matter.
        site.write("content/deep.md", format!("---\ntitle: Deep\n---\n{body}"));
        let run = site.build(&[]);
        assert_eq!(run.status, Some(2), "{name}: exit status; stderr:\n{}", &run.stderr[..run.stderr.len().min(2000)]);
        // Divs one a line get too deep on the line of the first one past the limit.
        let line = if name == "raw divs, one a line" { 4 + clearleaf::limits::MAX_DEPTH - 1 } else { 4 };
        run.error_at(&format!("content/deep.md:{line}"), &["nested", "levels deep"]);
        site.assert_out_unchanged(&before);
    }
}

#[test]
fn nesting_within_the_limit_builds() {
    let site = Site::new();
    site.write("content/deep.md", format!("---\ntitle: Deep\n---\n{}deep\n\n{}deeper\n", "> ".repeat(200), "- ".repeat(100)));
    site.build(&[]).code(0);
    assert_eq!(site.page("/deep/").unwrap().matches("<blockquote").count(), 200);
}

#[test]
fn audit_refuses_html_nested_100_000_deep() {
    let site = Site::empty();
    site.write("deep.html", format!("<!doctype html>\n<title>Deep</title>\n{}x", "<div>".repeat(100_000)));
    let run = Run::of(assert_cmd::cargo::cargo_bin_cmd!("clearleaf").arg("audit").arg(site.path("deep.html")));
    run.code(2);
    run.error_at(&format!("{}:3", site.path("deep.html").display()), &["levels deep"]);
}

// ---------------------------------------------------------------------------------------------
// Themes and locales
// ---------------------------------------------------------------------------------------------

#[test]
fn missing_template() {
    // A site theme that has only page.html: section.html (and 404.html) are missing.
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("themes/mine/templates/page.html", "<!doctype html><html lang=\"{{ lang }}\"><title>{{ title }}</title><main>{{ content | safe }}</main></html>\n");
        s.write("site.yaml", format!("{}theme: mine\n", common::SITE_YAML));
    });
    run.error_at("themes/mine/templates/section.html", &["missing"]);
}

#[test]
fn theme_that_does_not_exist() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("site.yaml", format!("{}theme: nope\n", common::SITE_YAML));
    });
    run.stderr_has("error: site.yaml").stderr_has("`nope` does not exist");
}

#[test]
fn theme_that_does_not_exist_names_the_line() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("site.yaml", format!("{}theme: nope\n", common::SITE_YAML));
    });
    run.error_at("site.yaml:6", &["`nope`"]);
}

#[test]
fn tera_syntax_error_in_a_site_template() {
    // `{% if content %}` on line 4 is never closed; Tera notices at `{% endblock %}` (line 7).
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("themes/default/templates/page.html", fixture("tera_unclosed_if/page.html"));
    });
    run.stderr_has("template syntax error");
    let located = ["4", "7"].iter().any(|l| run.stderr.contains(&format!("error: themes/default/templates/page.html:{l}:")));
    assert!(located, "no themes/default/templates/page.html:LINE: on stderr:\n{}", run.stderr);
    run.stderr_has("  help: ");
}

#[test]
fn tera_render_error_in_a_site_template() {
    // Compiles, but fails while rendering: the staging folder is dropped, OUT kept.
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write(
            "themes/default/templates/page.html",
            "{% extends \"base.html\" %}\n{% block content %}\n<div class=\"content\">\n{{ content | safe }}\n{{ no_such_thing.field }}\n</div>\n{% endblock content %}\n",
        );
    });
    run.error_at("themes/default/templates/page.html:5:4", &["no_such_thing"]);
}

#[test]
fn language_without_ui_strings() {
    // fr is a real language, but neither the built-in locales nor the site have its strings.
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("site.yaml", "title: Test site\nlanguages: [en, cy, fr]\n");
    });
    run.error_at("locales/fr/", &["no UI strings", "`fr`"]);
}

#[test]
fn fluent_syntax_error_in_a_locale() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("locales/cy/main.ftl", fixture("fluent_broken/main.ftl"));
    });
    // Line 3 is `broken line here` (no `=`).
    run.error_at("locales/cy/main.ftl:3:8", &["syntax error"]);
}

#[test]
fn non_utf8_locale() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("locales/cy/main.ftl", b"language-name = Cymraeg\nsite-title = Caf\xe9\n");
    });
    run.error_at("locales/cy/main.ftl:2:17", &["not utf-8"]);
}

// ---------------------------------------------------------------------------------------------
// Symbolic links
// ---------------------------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn symlink_loop_inside_content() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.symlink("..", "content/loop/back");
    });
    run.error_at("content/loop/back", &["loop"]);
}

#[cfg(unix)]
#[test]
fn symlink_to_a_file_outside_the_site() {
    let site = Site::new();
    let outside = site.tmp().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("secret.md"), "---\ntitle: Secret page\n---\nNot part of the site.\n").unwrap();
    let run = refused(&site, 2, &[], |s| {
        s.symlink(outside.join("secret.md"), "content/secret.md");
    });
    run.error_at("content/secret.md", &["outside the site folder"]);
}

#[cfg(unix)]
#[test]
fn symlink_to_a_folder_outside_the_site() {
    let site = Site::new();
    let outside = site.tmp().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("page.md"), "---\ntitle: Outside\n---\nx\n").unwrap();
    let run = refused(&site, 2, &[], |s| {
        s.symlink(&outside, "content/ext");
    });
    run.error_at("content/ext", &["outside the site folder"]);
}

#[cfg(unix)]
#[test]
fn symlink_to_a_folder_outside_the_site_is_not_read() {
    let site = Site::new();
    let outside = site.tmp().join("outside");
    std::fs::create_dir(&outside).unwrap();
    // If clearleaf looks inside, these produce errors of their own.
    std::fs::write(outside.join("notes.fr.md"), "---\ntitle: Dehors\n---\nx\n").unwrap();
    std::fs::write(outside.join("latin1.md"), b"---\ntitle: Caf\xe9\n---\n").unwrap();
    let run = refused(&site, 2, &[], |s| {
        s.symlink(&outside, "content/ext");
    });
    run.error_at("content/ext", &["outside the site folder"]);
    assert!(!run.stderr.contains("content/ext/"), "clearleaf read files outside the site:\n{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn dangling_symlink() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.symlink("nowhere.md", "content/gone.md");
    });
    run.error_at("content/gone.md", &["could not be read"]);
}

// ---------------------------------------------------------------------------------------------
// Big inputs
// ---------------------------------------------------------------------------------------------

#[test]
fn twenty_megabyte_markdown_file_builds() {
    let site = Site::new();
    let mut text = String::from("---\ntitle: A very long page\ndescription: Twenty megabytes of text.\n---\n");
    let mut i = 0;
    while text.len() < 20 * 1024 * 1024 {
        text.push_str(&format!("Paragraph {i} has a few plain words in it. It is here to make the page big.\n\n"));
        i += 1;
    }
    text.push_str("The last paragraph.\n");
    site.write("content/big.md", &text);
    site.build(&[]).code(0);
    let html = site.page("/big/").expect("/big/ is published");
    assert!(html.contains("A very long page") && html.contains("The last paragraph."), "the page is incomplete ({} bytes)", html.len());
}

/// Writes `n` tiny pages into `content/many/`.
fn many_pages(site: &Site, n: usize) {
    for i in 0..n {
        site.write(&format!("content/many/p{i:05}.md"), format!("---\ntitle: Page {i}\n---\nText {i}.\n"));
    }
}

#[test]
fn ten_thousand_files_in_one_folder_build() {
    // One language and no PDF leaflets (10,000 of them take minutes; bench/ measures them), to
    // keep the build to some seconds; the folder has a section page.
    let site = Site::new();
    site.write("site.yaml", "title: Test site\nlanguages: [en]\nprint: {pdf: false}\nchecks:\n  EASY-READ-MISSING: off\n");
    site.write("content/many/_index.md", "---\ntitle: Many pages\n---\nA long list.\n");
    many_pages(&site, 10_000);
    let mut cmd = site.command();
    cmd.arg("--out").arg(site.out()).timeout(Duration::from_secs(600));
    Run::of(&mut cmd).code(0);
    assert!(site.page("/many/p09999/").unwrap().contains("Page 9999"));
    assert!(site.page("/many/").unwrap().contains("Page 9999"), "the section page does not list the last page");
}

#[test]
fn ten_thousand_files_in_a_folder_without_a_section_page_build() {
    let site = Site::new();
    // No PDF leaflets, as above.
    site.write("site.yaml", "title: Test site\nlanguages: [en]\nprint: {pdf: false}\nchecks:\n  EASY-READ-MISSING: off\n");
    many_pages(&site, 10_000);
    let mut cmd = site.command();
    cmd.arg("--out").arg(site.out()).timeout(Duration::from_secs(180));
    Run::of(&mut cmd).code(0);
    assert!(site.page("/many/p09999/").unwrap().len() < 100_000, "a tiny page should not be big");
}

// ---------------------------------------------------------------------------------------------
// The output folder
// ---------------------------------------------------------------------------------------------

/// Builds the good site into OUT, then runs `cmd` (with its own `--out`) and checks it is
/// refused with exit status 2 before anything is written: site and OUT stay as they were.
fn out_refused(site: &Site, mut cmd: assert_cmd::Command) -> Run {
    let out_before = site.build_good();
    let site_before = snapshot(&site.root());
    let run = Run::of(&mut cmd);
    run.code(2).stderr_has("refusing to write the site into");
    assert_unchanged(&site_before, &snapshot(&site.root()), "the site folder");
    site.assert_out_unchanged(&out_before);
    run
}

#[test]
fn out_is_the_site_root() {
    let site = Site::new();
    let mut cmd = site.command();
    cmd.arg("--out").arg(site.root());
    out_refused(&site, cmd).stderr_has("contains the site itself");
}

#[test]
fn out_is_dot_inside_the_site() {
    let site = Site::new();
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("clearleaf");
    cmd.current_dir(site.root()).args(["build", "--root", ".", "--out", ".", "--today", common::TODAY]);
    out_refused(&site, cmd).stderr_has("contains the site itself");
}

#[test]
fn out_is_the_folder_above_the_site() {
    let site = Site::new();
    let mut cmd = site.command();
    cmd.arg("--out").arg(site.root().join(".."));
    out_refused(&site, cmd).stderr_has("contains the site itself");
}

#[test]
fn out_is_the_content_folder() {
    let site = Site::new();
    let mut cmd = site.command();
    cmd.arg("--out").arg(site.path("content"));
    out_refused(&site, cmd).stderr_has("content/ folder");
}

#[test]
fn out_is_a_new_folder_inside_content() {
    let site = Site::new();
    let mut cmd = site.command();
    cmd.arg("--out").arg(site.path("content/public"));
    out_refused(&site, cmd).stderr_has("content/ folder");
    assert!(!site.path("content/public").exists());
}

#[test]
fn the_leaflet_cache_inside_the_output_or_the_content_is_refused() {
    let site = Site::new();
    for (cache, why) in [(site.out().join("leaflets"), "inside the output folder"), (site.path("content/leaflets"), "content/ folder")] {
        let out_before = site.build_good();
        let site_before = snapshot(&site.root());
        let mut cmd = site.command();
        cmd.arg("--out").arg(site.out()).arg("--cache").arg(&cache);
        Run::of(&mut cmd).code(2).stderr_has("refusing to keep PDF leaflets in").stderr_has(why);
        assert_unchanged(&site_before, &snapshot(&site.root()), "the site folder");
        site.assert_out_unchanged(&out_before);
        assert!(!cache.exists(), "{} was made", cache.display());
    }
}

#[test]
fn out_is_the_file_system_root() {
    let site = Site::new();
    let staging_existed = std::path::Path::new("/.clearleaf-staging").exists();
    let mut cmd = site.command();
    cmd.args(["--out", "/"]);
    out_refused(&site, cmd).stderr_has("root of the file system");
    assert_eq!(std::path::Path::new("/.clearleaf-staging").exists(), staging_existed, "/.clearleaf-staging was created");
    assert!(!std::path::Path::new("/.clearleaf-output").exists(), "/ was marked as clearleaf output");
}

#[test]
fn out_is_an_existing_file() {
    let site = Site::new();
    site.write("notes.txt", "my notes\n");
    let mut cmd = site.command();
    cmd.arg("--out").arg(site.path("notes.txt"));
    out_refused(&site, cmd).stderr_has("is a file");
    assert_eq!(std::fs::read(site.path("notes.txt")).unwrap(), b"my notes\n");
}

#[test]
fn out_holds_files_clearleaf_did_not_make() {
    let site = Site::new();
    let other = site.tmp().join("photos");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("holiday.jpg"), b"\xFF\xD8 not really a jpeg").unwrap();
    let before = snapshot(&other);
    let mut cmd = site.command();
    cmd.arg("--out").arg(&other);
    out_refused(&site, cmd).stderr_has("did not make");
    assert_unchanged(&before, &snapshot(&other), "the folder that is not clearleaf's");
}

#[cfg(unix)]
#[test]
fn out_parent_is_not_writable() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::new();
    let locked = site.tmp().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    let site_before = snapshot(&site.root());
    let mut cmd = site.command();
    cmd.arg("--out").arg(locked.join("public"));
    let run = Run::of(&mut cmd);
    if common::permissions_are_ignored() {
        println!("note: this process ignores file permissions (root?): not checking that an unwritable output folder is refused");
        assert!(run.status == Some(0) || run.status == Some(2), "{run:?}");
    } else {
        run.code(2).stderr_has(&locked.join("public").display().to_string()).stderr_has("permission denied");
        assert!(snapshot(&locked).is_empty(), "something was written into the read-only folder");
    }
    assert!(!locked.join("public/.clearleaf-staging").exists());
    assert_unchanged(&site_before, &snapshot(&site.root()), "the site folder");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn out_is_not_writable() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::new();
    let before = site.build_good();
    site.write("content/help.md", "---\ntitle: Getting help, changed\n---\nCall 111.\n");
    std::fs::set_permissions(site.out(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let run = site.build(&[]);
    std::fs::set_permissions(site.out(), std::fs::Permissions::from_mode(0o755)).unwrap();
    if common::permissions_are_ignored() {
        println!("note: this process ignores file permissions (root?): not checking that a read-only output folder is refused");
        run.code(0);
    } else {
        run.code(2).stderr_has("permission denied");
        site.assert_out_unchanged(&before);
    }
}

// ---------------------------------------------------------------------------------------------
// site.yaml
// ---------------------------------------------------------------------------------------------

#[test]
fn site_yaml_unknown_key() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("site.yaml", fixture("site_yaml_unknown_key/site.yaml"));
    });
    // Line 2 is `base_ur1: https://example.org/`.
    run.error_at("site.yaml:2", &["`base_ur1`"]).stderr_has("did you mean `base_url`?");
}

#[test]
fn site_yaml_unknown_nested_key() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("site.yaml", "title: Test site\nlanguages: [en, cy]\neasy_read:\n  max_sentence_word: 12\n");
    });
    run.error_at("site.yaml:4", &["max_sentence_word"]).stderr_has("did you mean `max_sentence_words`?");
}

#[test]
fn site_yaml_unknown_language() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("site.yaml", fixture("site_yaml_unknown_language/site.yaml"));
    });
    run.error_at("site.yaml:3", &["`xx`", "language"]);
}

#[test]
fn site_yaml_unknown_language_line_is_the_languages_line() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("site.yaml", "title: Boxx leaflets\nlanguages: [en, xx]\n");
    });
    run.error_at("site.yaml:2", &["`xx`"]);
}

#[test]
fn site_yaml_default_language_not_listed() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("site.yaml", "title: Test site\ndefault_language: pl\nlanguages: [en, cy]\n");
    });
    run.error_at("site.yaml:2", &["`pl`", "not in `languages`"]);
}

#[test]
fn site_yaml_unknown_rule_in_checks() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("site.yaml", "title: Test site\nlanguages: [en, cy]\nchecks:\n  ER-PASIVE: off\n");
    });
    run.error_at("site.yaml:4", &["`ER-PASIVE`"]).stderr_has("did you mean `ER-PASSIVE`?");
}

#[test]
fn site_yaml_rule_not_checked_yet_in_checks() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("site.yaml", "title: Test site\nlanguages: [en, cy]\nchecks:\n  EASY-READ-MISSING: off\n  ER-FIGURATIVE: error\n");
    });
    run.error_at("site.yaml:5", &["`ER-FIGURATIVE`", "does not check yet"]).stderr_has("clearleaf rules");
}

#[test]
fn site_yaml_bad_policy_value() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("site.yaml", "title: Test site\nlanguages: [en, cy]\ntranslations:\n  missing: sometimes\n");
    });
    run.error_at("site.yaml:4:12", &["`sometimes`", "fallback"]);
}

#[test]
fn site_yaml_unclosed_bracket() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("site.yaml", "title: Test site\nlanguages: [en, cy\n");
    });
    run.stderr_has("error: site.yaml:").stderr_has("could not be read").stderr_has("bracket");
}

#[test]
fn site_yaml_duplicate_key() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("site.yaml", "title: Test site\nlanguages: [en, cy]\ntitle: Again\n");
    });
    run.error_at("site.yaml:3:1", &["`title`", "twice"]);
}

#[test]
fn site_yaml_not_utf8() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.write("site.yaml", b"title: Caf\xe9\nlanguages: [en, cy]\n");
    });
    run.error_at("site.yaml:1:11", &["not utf-8"]);
}

#[test]
fn site_yaml_missing_builds_with_the_defaults_and_says_so() {
    let site = Site::new();
    site.remove("site.yaml");
    let run = site.build(&[]);
    run.code(0);
    assert!(run.stderr.contains("note: there is no site.yaml") && run.stderr.contains("default settings"), "{}", run.stderr);
    let home = site.page("/").expect("the home page is published");
    assert!(home.contains("lang=en") || home.contains("lang=\"en\""), "{home}");
}

#[test]
fn neither_site_yaml_nor_content_is_refused() {
    let run = refused(&Site::new(), 2, &[], |s| {
        s.remove("site.yaml");
        s.remove("content");
    });
    run.error_at("site.yaml", &["no site.yaml"]);
}

// ---------------------------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------------------------

#[test]
fn bad_command_line_options() {
    for args in [&["--format", "xml"][..], &["--today", "2026-02-30"], &["--no-such-option"], &["--jobs", "many"]] {
        let site = Site::new();
        let before = site.build_good();
        let run = site.build(args);
        run.code(2);
        assert!(run.stderr.contains("error"), "{args:?}: no error message:\n{}", run.stderr);
        site.assert_out_unchanged(&before);
    }
}

#[test]
fn root_that_does_not_exist() {
    let site = Site::new();
    let before = site.build_good();
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("clearleaf");
    cmd.args(["build", "--today", common::TODAY, "--root"]).arg(site.tmp().join("no-such-site")).arg("--out").arg(site.out());
    Run::of(&mut cmd).code(2).error_at("site.yaml", &["no site.yaml"]);
    site.assert_out_unchanged(&before);
}

#[test]
fn base_url_option_that_is_not_a_url() {
    let site = Site::new();
    let before = site.build_good();
    let run = site.build(&["--base-url", "foo"]);
    run.code(2).stderr_has("--base-url");
    assert!(!run.stderr.contains("site.yaml"), "blames site.yaml:\n{}", run.stderr);
    site.assert_out_unchanged(&before);
}

#[test]
fn github_format_annotates_invalid_input() {
    let site = Site::new();
    site.build_good();
    site.write("content/help.md", fixture("weight_ten/help.md"));
    let run = site.build(&["--format", "github"]);
    run.code(2);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(all.contains("::error file=content/help.md,line=3"), "no annotation:\n{all}");
}

// ---------------------------------------------------------------------------------------------
// Warnings, --deny-warnings and the JSON report
// ---------------------------------------------------------------------------------------------

#[test]
fn unknown_front_matter_key_is_a_warning() {
    let site = Site::new();
    site.build_good();
    site.write("content/help.md", "---\ntitle: Getting help\ntitel: Typo\ndescription: Who to call.\n---\nCall 111.\n");
    let run = site.build(&[]);
    run.code(0).stderr_has("warning[FRONT-MATTER-UNKNOWN-KEY]: content/help.md:3: ").stderr_has("did you mean `title`?");
    assert!(site.page("/help/").unwrap().contains("Getting help"));
}

#[test]
fn review_due_in_the_past_is_a_warning() {
    let site = Site::new();
    site.build_good();
    site.write("content/help.md", "---\ntitle: Getting help\ndescription: Who to call.\nreview_due: 2026-01-31\n---\nCall 111.\n");
    let run = site.build(&[]);
    run.code(0).stderr_has("warning[CONTENT-REVIEW-DUE]: content/help.md:4: ").stderr_has("2026-01-31");
}

#[test]
fn review_due_today_or_later_is_not_a_warning() {
    let site = Site::new();
    site.write("content/help.md", format!("---\ntitle: Getting help\ndescription: Who to call.\nreview_due: {}\n---\nCall 111.\n", common::TODAY));
    let run = site.build(&[]);
    run.code(0);
    assert!(!run.stderr.contains("CONTENT-REVIEW-DUE"), "{}", run.stderr);
}

#[test]
fn deny_warnings_turns_review_due_into_a_failure() {
    // Every rule but CONTENT-REVIEW-DUE is off, so the good site builds with --deny-warnings
    // whatever other checks find.
    let site = Site::new();
    site.write("site.yaml", format!("title: Test site\nlanguages: [en, cy]\n{}", common::checks_all("off", &["CONTENT-REVIEW-DUE"])));
    site.build(&["--deny-warnings"]).code(0);
    common::wait_for_old_sites(&site.out());
    let before = snapshot(&site.out());
    site.write("content/help.md", "---\ntitle: Getting help\ndescription: Who to call.\nreview_due: 2026-01-31\n---\nCall 111, changed.\n");
    let run = site.build(&["--deny-warnings"]);
    run.code(1).stderr_has("warning[CONTENT-REVIEW-DUE]: content/help.md:4: ").stderr_has("previous output was left as it was");
    site.assert_out_unchanged(&before);
    // Without --deny-warnings the same site builds.
    site.build(&[]).code(0);
    assert!(site.page("/help/").unwrap().contains("Call 111, changed."));
}

#[test]
fn json_report_has_summary_errors() {
    let site = Site::new();
    let run = refused(&site, 1, &["--format", "json"], |s| {
        s.write("content/help.md", fixture("link_broken/help.md"));
    });
    let json = run.json();
    assert_eq!(json["version"], 1);
    assert_eq!(json["summary"]["errors"], 1, "{json:#}");
    let f = json["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "LINK-BROKEN").expect("LINK-BROKEN finding");
    assert_eq!((f["severity"].as_str(), f["file"].as_str(), f["line"].as_u64()), (Some("error"), Some("content/help.md"), Some(7)));
    assert!(!f["message"].as_str().unwrap().is_empty() && !f["help"].as_str().unwrap().is_empty());
}

#[test]
fn json_report_of_invalid_input() {
    let run = refused(&Site::new(), 2, &["--format", "json"], |s| {
        s.write("content/help.md", fixture("yaml_unclosed_bracket/help.md"));
    });
    let json = run.json();
    assert_eq!((json["summary"]["pages"].as_u64(), json["summary"]["errors"].as_u64()), (Some(0), Some(1)), "{json:#}");
    let f = &json["findings"][0];
    assert_eq!((f["rule"].as_str(), f["severity"].as_str(), f["file"].as_str(), f["line"].as_u64()), (Some("INPUT-INVALID"), Some("error"), Some("content/help.md"), Some(3)));
    assert!(f["message"].as_str().unwrap().contains("(column 7)") && !f["help"].as_str().unwrap().is_empty(), "{f:#}");
    // People still get the message on stderr.
    run.stderr_has("content/help.md:3:7");
}

#[test]
fn json_report_of_a_clean_build() {
    let site = Site::new();
    let json = site.build(&["--format", "json"]).code(0).json();
    assert_eq!(json["summary"]["errors"], 0);
    assert!(json["summary"]["warnings"].is_u64(), "{json:#}");
    assert!(json["summary"]["pages"].as_u64().unwrap() >= 2);
}

#[test]
fn github_format_annotates_the_line() {
    let site = Site::new();
    let run = refused(&site, 1, &["--format", "github"], |s| {
        s.write("content/help.md", fixture("link_broken/help.md"));
    });
    assert!(run.stdout.contains("::error file=content/help.md,line=7,title=LINK-BROKEN::"), "{}", run.stdout);
}
