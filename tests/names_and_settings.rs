//! File names, ids and settings that were accepted but went wrong (issue 19, items 9, 10, 11
//! and 15): two files for one page, footnote ids that repeat, names in scripts with combining
//! marks, and settings that were accepted or explained in programmers' words.
//!
//! Refusals exit 2 with `FILE[:LINE]` and a hint, and leave the previous output as it was.

use crate::common;

use common::{SITE_YAML, Site};

/// A page with a title and one sentence.
fn page(title: &str) -> String {
    format!("---\ntitle: {title}\n---\nCall 111 at any time.\n")
}

/// `--format json` findings of a build with rule `rule`.
fn findings_of(run: &common::Run, rule: &str) -> Vec<serde_json::Value> {
    run.json()["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == rule).cloned().collect()
}

// ---------------------------------------------------------------------------------------------
// Two files for one variant
// ---------------------------------------------------------------------------------------------

#[test]
fn a_page_with_and_without_the_default_language_in_its_name_is_refused() {
    // en is the default language: help.md and help.en.md are both its standard English page.
    let run = Site::new().refused(2, &[], |s| {
        s.write("content/help.en.md", page("Help in English"));
    });
    run.error_at("content/help.md", &["content/help.en.md", "same page"]).stderr_has("content/help.md is the name to use");
}

#[test]
fn easy_read_and_translation_hints_name_files_of_the_same_page() {
    // The page is written as help.en.md: its Easy read version is help.easy.md (or
    // help.easy.en.md), not help.en.easy.md, which would be a page called `help.en`.
    let site = Site::new();
    // Every rule a warning, so that the build goes on whatever the Easy read checks say.
    let checks = common::checks_all("warning", &["EASY-READ-MISSING", "TRANSLATION-MISSING"]);
    site.write("site.yaml", format!("title: Test site\nbase_url: https://example.org/\nlanguages: [en, cy]\n{checks}")).remove("content/help.md").write("content/help.en.md", page("Getting help"));
    let run = site.build(&["--format", "json"]);
    run.code(0);
    let easy = findings_of(&run, "EASY-READ-MISSING").into_iter().find(|f| f["file"] == "content/help.en.md").expect("EASY-READ-MISSING on help.en.md");
    let help = easy["help"].as_str().unwrap();
    assert!(help.contains("content/help.easy.md") && !help.contains("help.en.easy.md"), "{help}");
    let missing = findings_of(&run, "TRANSLATION-MISSING").into_iter().find(|f| f["file"] == "content/help.en.md").expect("TRANSLATION-MISSING on help.en.md");
    let help = missing["help"].as_str().unwrap();
    assert!(help.contains("content/help.cy.md") && !help.contains("help.en.cy.md"), "{help}");
    // Following the hints gives the page its Easy read version and its translation.
    site.write("content/help.easy.md", page("Help")).write("content/help.cy.md", page("Cymorth"));
    let run = site.build(&["--format", "json"]);
    run.code(0);
    assert!(!findings_of(&run, "EASY-READ-MISSING").iter().any(|f| f["file"] == "content/help.en.md"), "{}", run.stdout);
    assert!(!findings_of(&run, "TRANSLATION-MISSING").iter().any(|f| f["file"] == "content/help.en.md"), "{}", run.stdout);
    assert!(site.page("/easy-read/help/").is_some() && site.page("/cy/help/").is_some());
}

#[test]
fn names_that_differ_only_in_capitals_are_refused() {
    // /Help/ and /help/ are one folder on Windows, macOS and many web hosts.
    let run = Site::new().refused(2, &[], |s| {
        s.write("content/Help.md", page("Help again"));
    });
    run.error_at("content/help.md", &["content/Help.md", "/Help/", "capital"]);
    let run = Site::new().refused(2, &[], |s| {
        s.write("content/pictures/Logo.png", b"a").write("content/pictures/logo.png", b"b");
    });
    run.error_at("content/pictures/logo.png", &["content/pictures/Logo.png", "capital"]);
}

// ---------------------------------------------------------------------------------------------
// Footnote ids
// ---------------------------------------------------------------------------------------------

/// A note referenced twice, and a heading whose id the note's id used to be (`fn-a`).
const NOTES: &str = "---\ntitle: Getting help\ndescription: Who to call.\n---\nCall us[^a] or write to us[^a].\n\n## Sources {#fn-a}\n\nRAW\n[^a]: Two ways to reach us.\n";

/// Builds the good site with NOTES as its help page, `RAW` replaced by `raw`; returns the site
/// and its A11Y-ID-UNIQUE findings.
fn notes_page(raw: &str, status: i32) -> (Site, Vec<serde_json::Value>) {
    let site = Site::new();
    site.write("content/help.md", NOTES.replace("RAW\n", raw));
    let run = site.build(&["--format", "json"]);
    run.code(status);
    let repeated = findings_of(&run, "A11Y-ID-UNIQUE");
    (site, repeated)
}

#[test]
fn footnote_ids_are_unique_on_the_page() {
    let (site, repeated) = notes_page("", 0);
    assert_eq!(repeated, Vec::<serde_json::Value>::new());
    let html = site.page("/help/").unwrap();
    let mut ids: Vec<&str> = html.split(" id=").skip(1).map(|rest| rest.trim_start_matches('"').split(['"', ' ', '>']).next().unwrap()).collect();
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all, "repeated ids in {html}");
    // Both references lead to the note, and the note back to each of them.
    assert_eq!(html.matches("class=footnote-back").count() + html.matches("class=\"footnote-back\"").count(), 2, "{html}");
}

#[test]
fn a_repeated_id_in_the_notes_points_at_the_markdown() {
    // Raw HTML takes the note's id: the finding is on the note, at its line in the file.
    let (_, dup) = notes_page("<div id=\"fn-1\">Our sources.</div>\n\n", 1);
    assert_eq!(dup.len(), 1, "{dup:?}");
    assert_eq!((dup[0]["file"].as_str(), dup[0]["line"].as_u64()), (Some("content/help.md"), Some(11)), "{dup:?}");
}

// ---------------------------------------------------------------------------------------------
// Names in any script
// ---------------------------------------------------------------------------------------------

#[test]
fn names_with_combining_marks_build_at_composed_addresses() {
    // Hindi, Bengali and Tamil with a virama; `café` as macOS writes it (e + U+0301).
    let site = Site::new();
    site.write("content/_index.md", "---\ntitle: Home\n---\nRead [the café page](caf\u{e9}.md) and see ![A cup](pictures/caf\u{e9}.png).\n");
    for (name, title) in [("स्वास्थ्य", "Health"), ("স্বাস্থ্য", "Health in Bengali"), ("மருத்துவம்", "Medicine"), ("cafe\u{301}", "The cafe")]
    {
        site.write(&format!("content/{name}.md"), page(title));
    }
    site.write("content/pictures/cafe\u{301}.png", b"png");
    let run = site.build(&[]);
    run.code(0);
    for url in ["/स्वास्थ्य/", "/স্বাস্থ্য/", "/மருத்துவம்/", "/caf\u{e9}/"] {
        assert!(site.page(url).is_some(), "{url} was not published:\n{}", run.stderr);
    }
    assert!(site.out().join("pictures/caf\u{e9}.png").is_file() && !site.out().join("pictures/cafe\u{301}.png").exists());
    // Markdown addresses are percent-encoded, from the composed name: é is %C3%A9 (a
    // decomposed e + U+0301 would be e%CC%81).
    let home = site.page("/").unwrap();
    assert!(home.contains("href=/caf%C3%A9/") && home.contains("src=/pictures/caf%C3%A9.png"), "{home}");
}

#[test]
fn names_that_differ_only_in_how_accents_are_encoded_are_refused() {
    let run = Site::new().refused(2, &[], |s| {
        s.write("content/caf\u{e9}.md", page("Cafe one")).write("content/cafe\u{301}.md", page("Cafe two"));
    });
    run.error_at("content/caf\u{e9}.md", &["content/cafe\u{301}.md", "character codes"]);
    let run = Site::new().refused(2, &[], |s| {
        s.write("content/caf\u{e9}.png", b"a").write("content/cafe\u{301}.png", b"b");
    });
    run.error_at("content/caf\u{e9}.png", &["content/cafe\u{301}.png", "character codes"]);
}

#[test]
fn a_mark_with_no_letter_before_it_is_still_refused() {
    let run = Site::new().refused(2, &[], |s| {
        s.write("content/\u{301}x.md", page("Mark"));
    });
    run.error_at("content/\u{301}x.md", &["U+0301", "web address"]);
}

// ---------------------------------------------------------------------------------------------
// Settings and their messages
// ---------------------------------------------------------------------------------------------

#[test]
fn base_url_must_be_a_web_address_or_a_path() {
    for bad in ["//evil.example/", "javascript://example.org/%0aalert(1)//"] {
        let run = Site::new().refused(2, &[], |s| {
            s.write("site.yaml", SITE_YAML.replace("base_url: https://example.org/", &format!("base_url: \"{bad}\"")));
        });
        run.error_at("site.yaml:2", &["base_url", bad]);
    }
}

#[test]
fn base_url_option_goes_through_the_same_check() {
    for bad in ["//evil.example/", "javascript://example.org/"] {
        let site = Site::new();
        let before = site.build_good();
        let run = site.build(&["--base-url", bad]);
        run.code(2).stderr_has("--base-url").stderr_has(bad);
        assert!(!run.stderr.contains("site.yaml"), "blames site.yaml:\n{}", run.stderr);
        site.assert_out_unchanged(&before);
    }
    let site = Site::new();
    site.build(&["--base-url", "/resources"]).code(0);
    assert!(site.page("/").unwrap().contains("/resources/help/"));
}

/// Writes `text` to `file` in the good site: the build is refused with an error at `location`
/// whose message holds `words`, and stderr has none of the programmers' words in `jargon`.
fn refused_in_plain_words(file: &str, text: &str, location: &str, words: &[&str], jargon: &[&str]) {
    let run = Site::new().refused(2, &[], |s| {
        s.write(file, text);
    });
    run.error_at(location, words);
    for j in jargon {
        assert!(!run.stderr.contains(j), "{j:?} on stderr:\n{}", run.stderr);
    }
}

#[test]
fn an_invisible_page_title_is_refused_at_its_line() {
    refused_in_plain_words("content/help.md", "---\ndescription: Who to call.\ntitle: \"\\u200b\"\n---\nCall 111.\n", "content/help.md:3", &["title", "blank"], &[]);
}

#[test]
fn an_invisible_site_title_is_refused_at_its_line() {
    refused_in_plain_words("site.yaml", &SITE_YAML.replace("title: Test site", "title: \"\\u200b\\u2060\""), "site.yaml:1", &["title", "blank"], &[]);
}

#[test]
fn too_many_jobs_are_capped_with_a_note() {
    let site = Site::new();
    let run = site.build(&["--jobs", "10000"]);
    run.code(0).stderr_has("note: --jobs 10000 is more than 4 threads for each");
}

#[test]
fn a_huge_weight_is_explained_in_plain_words() {
    let text = "---\ntitle: Getting help\nweight: 99999999999999999999\n---\nCall 111.\n";
    refused_in_plain_words("content/help.md", text, "content/help.md:3:9", &["`weight` is 99999999999999999999", "too large"], &["u128", "i64"]);
}

#[test]
fn a_bad_text_direction_is_explained_in_plain_words() {
    let text = "title: Test site\nlanguages:\n  - en\n  - code: cy\n    dir: sideways\n";
    refused_in_plain_words("site.yaml", text, "site.yaml:5:10", &["`dir` cannot be `sideways`", "`ltr` or `rtl`"], &["untagged", "LanguageEntry"]);
}

#[test]
fn a_language_listed_twice_in_other_capitals_says_so() {
    let text = SITE_YAML.replace("languages: [en, cy]", "languages: [en, cy, EN]");
    refused_in_plain_words("site.yaml", &text, "site.yaml:3", &["`en`", "listed twice"], &["no UI strings"]);
}
