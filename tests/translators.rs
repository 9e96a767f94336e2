//! Files for translators: `clearleaf export` (PO and XLIFF), `clearleaf import`, round trips,
//! a translator's tool filling the targets in, an import after the source changed, and every
//! case an import refuses, with nothing written. The site has a current Welsh home page, a
//! current Urdu page with right-to-left marks, an outdated Polish page, and missing pages.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;

use common::TODAY;

/// Copies `tests/fixtures/translators` into a fresh temporary folder.
fn fixture() -> tempfile::TempDir {
    common::copy_fixture("translators")
}

/// Runs clearleaf with `args` in `dir`; returns (exit status, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let o = cargo_bin_cmd!("clearleaf").current_dir(dir).env("CLEARLEAF_TODAY", TODAY).env_remove("CI").args(args).output().unwrap();
    (o.status.code().unwrap(), String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

/// Exports `lang` in `format` (both forms, every state) to `out`; returns stderr.
fn export(site: &Path, lang: &str, format: &str, out: &str) -> String {
    let (code, _, err) = run(site, &["export", "--lang", lang, "--form", "all", "--format", format, "-o", out]);
    assert_eq!(code, 0, "{err}");
    err
}

fn import(site: &Path, files: &[&str]) -> (i32, String) {
    let (code, _, err) = run(site, &[&["import"], files].concat());
    (code, err)
}

/// Every file of `content/`, by path.
fn snapshot(site: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(site.join("content"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(site).unwrap().display().to_string(), std::fs::read(e.path()).unwrap()))
        .collect()
}

fn read(site: &Path, rel: &str) -> String {
    std::fs::read_to_string(site.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn status(site: &Path) -> serde_json::Value {
    let (code, out, err) = run(site, &["status", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn state(status: &serde_json::Value, page: &str, lang: &str, form: &str) -> String {
    let p = status["pages"].as_array().unwrap().iter().find(|p| p["page"] == page).unwrap_or_else(|| panic!("no page {page:?}"));
    let v = p["variants"].as_array().unwrap().iter().find(|v| v["lang"] == lang && v["form"] == form).unwrap();
    v["state"].as_str().unwrap().to_string()
}

/// Errors of `clearleaf check`, by rule, in text (one `error[RULE]` per finding).
fn errors(site: &Path) -> Vec<String> {
    let (_, out, err) = run(site, &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out} {err}"));
    let mut found: Vec<String> = report["findings"].as_array().unwrap().iter().filter(|f| f["severity"] == "error").map(|f| format!("{} {}", f["rule"], f["file"])).collect();
    found.sort();
    found
}

/// Stamps the fixture's current translations, as a translator would have (the fixture holds
/// no hashes, so that editing a source page there does not leave stale ones behind).
fn stamped() -> tempfile::TempDir {
    let site = fixture();
    let (code, _, err) = run(site.path(), &["stamp", "content/_index.cy.md", "content/help/out-of-hours.ur.md", "content/help/out-of-hours.easy.md"]);
    assert_eq!(code, 0, "{err}");
    site
}

/// What a translator's tool does to a PO file: fills every empty or fuzzy `msgstr` with `fill`
/// of its `msgid`, and clears the fuzzy flags.
fn fill_po(po: &str, fill: impl Fn(&str) -> String) -> String {
    let mut out = Vec::new();
    let mut msgid = String::new();
    for line in po.lines() {
        if line == "#, fuzzy" {
            continue;
        }
        if let Some(id) = line.strip_prefix("msgid \"") {
            msgid = id.trim_end_matches('"').to_string();
        }
        if line.starts_with("msgstr \"") && !msgid.is_empty() {
            out.push(format!("msgstr \"{}\"", fill(&msgid)));
            continue;
        }
        out.push(line.to_string());
    }
    out.join("\n") + "\n"
}

#[test]
fn export_offers_words_and_keeps_code_and_targets_out() {
    let site = stamped();
    let s = site.path();
    export(s, "cy", "po", "cy.po");
    export(s, "cy", "xliff", "cy.xlf");
    let po = read(s, "cy.po");
    let xlf = read(s, "cy.xlf");
    // The current Welsh home page: its text is the target, translated.
    assert!(
        po.contains(
            "msgctxt \"_index.md#1.paragraph\"\nmsgid \"Welcome. Find {1}help at night{/1} or call {2}111{/2}.\"\nmsgstr \"Croeso. Dewch o hyd i {1}help yn y nos{/1} neu ffoniwch {2}111{/2}.\""
        ),
        "{po}"
    );
    assert!(xlf.contains("<target state=\"translated\">Croeso. Dewch o hyd i <g id=\"1\" ctype=\"link\">help yn y nos</g> neu ffoniwch <g id=\"2\" ctype=\"italic\">111</g>.</target>"), "{xlf}");
    // The missing Welsh page: every segment, with no target.
    for id in ["title", "description", "1.heading", "2.paragraph", "3.alt", "4.item", "5.item", "6.cell", "7.cell", "8.cell", "9.cell"] {
        assert!(po.contains(&format!("msgctxt \"help/out-of-hours.md#{id}\"")), "{id}: {po}");
    }
    assert!(xlf.contains("<trans-unit id=\"2.paragraph\" resname=\"help/out-of-hours.md#2.paragraph\" xml:space=\"preserve\">\n        <source>Call 111 at any time. Read about <g id=\"1\" ctype=\"link\">interpreters</g> if you need one, or type <x id=\"2\" ctype=\"x-code\"/> on a <g id=\"3\" ctype=\"bold\">textphone</g>.</source>\n        <target state=\"new\"></target>"), "{xlf}");
    // Easy read pages come from the default language's Easy read page.
    assert!(po.contains("msgctxt \"help/out-of-hours.easy.md#2.paragraph\"\nmsgid \"Call 111 at night.\""), "{po}");
    for never in ["Do not translate", "interpreter.md", "phone.svg", "checked_by", "](", "weight"] {
        assert!(!po.contains(&format!("msgid \"{never}")) && !po.lines().any(|l| l.starts_with("msgid") && l.contains(never)), "{never} offered in PO");
        assert!(!xlf.lines().any(|l| l.contains("<source>") && l.contains(never)), "{never} offered in XLIFF");
    }
    // The hash of each page, and the same word count in both formats.
    assert!(po.contains("#. Page help/out-of-hours.md: source hash v1:"), "{po}");
    assert!(xlf.contains("<note from=\"clearleaf\">source-hash: v1:"), "{xlf}");
    let words = |text: &str, before: &str| text.split(before).nth(1).unwrap().split(|c: char| !c.is_ascii_digit()).next().unwrap().parse::<usize>().unwrap();
    let po_words = words(&po, "# Words to translate: ");
    assert!(po_words > 0);
    assert_eq!(po_words, words(&xlf, "Words to translate: "));
    // `status` gives the same count, per language and form.
    let st = status(s);
    let to_translate: u64 = st["coverage"].as_array().unwrap().iter().filter(|c| c["lang"] == "cy").map(|c| c["words_to_translate"].as_u64().unwrap()).sum();
    assert_eq!(to_translate as usize, po_words);
    let en_easy = st["coverage"].as_array().unwrap().iter().find(|c| c["lang"] == "en").unwrap();
    assert!(en_easy["words_to_translate"].is_null(), "{en_easy}");
    // Outdated Polish text is offered for review.
    export(s, "pl", "po", "pl.po");
    let pl = read(s, "pl.po");
    assert!(pl.contains("#, fuzzy\nmsgctxt \"help/out-of-hours.md#1.heading\"\nmsgid \"Who to call\"\nmsgstr \"Do kogo dzwonić\""), "{pl}");
    assert!(!pl.contains("help/interpreter.md#"), "interpreter is not meant for Polish: {pl}");
}

#[test]
fn exporting_and_importing_unchanged_leaves_every_page_as_it_was() {
    let site = stamped();
    let s = site.path();
    // A translation whose blocks do not line up with its source's (a paragraph of its own).
    let cy = read(s, "content/_index.cy.md") + "\nParagraff ychwanegol.\n";
    std::fs::write(s.join("content/_index.cy.md"), cy).unwrap();
    let before = snapshot(s);
    for lang in ["cy", "pl", "ur"] {
        for format in ["po", "xliff"] {
            let file = format!("{lang}.{format}");
            export(s, lang, format, &file);
            let (code, err) = import(s, &[&file]);
            assert_eq!(code, 0, "{file}: {err}");
            assert_eq!(snapshot(s), before, "{file}: {err}");
        }
    }
}

#[test]
fn a_po_file_filled_in_by_a_tool_builds_with_no_new_errors_and_is_current() {
    let site = stamped();
    let s = site.path();
    let errors_before = errors(s);
    export(s, "cy", "po", "cy.po");
    let filled = fill_po(&read(s, "cy.po"), |id| format!("[cy] {id}"));
    std::fs::write(s.join("cy.po"), filled).unwrap();
    let (code, err) = import(s, &["cy.po"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Wrote content/help/out-of-hours.cy.md: new page; stamped with v1:"), "{err}");
    let page = read(s, "content/help/out-of-hours.cy.md");
    assert!(page.starts_with("---\ntitle: \"[cy] Help at night\"\ndescription: \"[cy] Who to call when your doctor is closed.\"\nsource_hash: \"v1:"), "{page}");
    assert!(page.contains("[interpreters](interpreter.md#how-to-ask)"), "link target kept: {page}");
    assert!(page.contains("```\nDo not translate this code.\n```"), "{page}");
    assert!(page.contains("![\\[cy\\] A phone](phone.svg)"), "{page}");
    let st = status(s);
    for (page, form) in [("help/out-of-hours", "standard"), ("help/out-of-hours", "easy"), ("help/interpreter", "standard"), ("", "standard")] {
        assert_eq!(state(&st, page, "cy", form), "current", "{page} {form}");
    }
    assert_eq!(errors(s), errors_before);
}

#[test]
fn an_xliff_file_filled_in_by_a_tool_keeps_urdu_text_and_direction_marks() {
    let site = stamped();
    let s = site.path();
    export(s, "ur", "xliff", "ur.xlf");
    let xlf = read(s, "ur.xlf");
    assert!(xlf.contains("<source>Help at night</source>\n        <target state=\"translated\">رات کو مدد</target>"), "{xlf}");
    assert!(xlf.contains("\u{200f}111 پر کسی بھی وقت کال کریں۔"), "the right-to-left mark is in the target: {xlf}");
    // A tool fills the new Urdu page (interpreters) with text that has marks of its own.
    let filled =
        xlf.replace("<source>How to ask</source>\n        <target state=\"new\"></target>", "<source>How to ask</source>\n        <target state=\"translated\">\u{200f}کیسے پوچھیں</target>").replace(
            "<source>Ask when you book.</source>\n        <target state=\"new\"></target>",
            "<source>Ask when you book.</source>\n        <target state=\"translated\">بکنگ کرتے وقت \u{202b}پوچھیں\u{202c}۔</target>",
        );
    let filled =
        filled.replace("<source>Interpreters</source>\n        <target state=\"new\"></target>", "<source>Interpreters</source>\n        <target state=\"translated\">ترجمان</target>").replace(
            "<source>Your right to a free interpreter.</source>\n        <target state=\"new\"></target>",
            "<source>Your right to a free interpreter.</source>\n        <target state=\"translated\">مفت ترجمان کا حق۔</target>",
        );
    std::fs::write(s.join("ur.xlf"), filled).unwrap();
    let before = read(s, "content/help/out-of-hours.ur.md");
    let (code, err) = import(s, &["ur.xlf"]);
    assert_eq!(code, 0, "{err}");
    let page = read(s, "content/help/interpreter.ur.md");
    // The heading keeps the source's id, so links to `interpreter.md#how-to-ask` still work.
    assert!(page.contains("## \u{200f}کیسے پوچھیں {#how-to-ask}\n\nبکنگ کرتے وقت \u{202b}پوچھیں\u{202c}۔\n"), "{page}");
    assert_eq!(read(s, "content/help/out-of-hours.ur.md"), before, "an unchanged Urdu page stays byte for byte");
    assert_eq!(state(&status(s), "help/interpreter", "ur", "standard"), "current");
}

#[test]
fn an_empty_target_keeps_the_existing_translation() {
    let site = stamped();
    let s = site.path();
    export(s, "cy", "po", "cy.po");
    let po = read(s, "cy.po").replace("msgstr \"Hafan\"", "msgstr \"Tudalen gartref\"").replace("msgstr \"Croeso. Dewch o hyd i {1}help yn y nos{/1} neu ffoniwch {2}111{/2}.\"", "msgstr \"\"");
    std::fs::write(s.join("cy.po"), po).unwrap();
    let (code, err) = import(s, &["cy.po"]);
    assert_eq!(code, 0, "{err}");
    let page = read(s, "content/_index.cy.md");
    assert!(
        page.contains("# Checked by the Welsh team.\ntitle: \"Tudalen gartref\"  # the word the council uses\ndescription: Help a chyngor i bawb.\nweight: 1\n"),
        "comments and other keys stay: {page}"
    );
    assert!(page.contains("Croeso. Dewch o hyd i [help yn y nos](help/out-of-hours.md) neu ffoniwch *111*."), "{page}");
}

#[test]
fn an_import_after_the_source_changed_is_written_but_not_current() {
    let site = stamped();
    let s = site.path();
    export(s, "cy", "po", "cy.po");
    std::fs::write(s.join("cy.po"), fill_po(&read(s, "cy.po"), |id| format!("[cy] {id}"))).unwrap();
    let source = read(s, "content/help/out-of-hours.md").replace("Call 999 in an emergency.", "Call 999 in an emergency only.");
    std::fs::write(s.join("content/help/out-of-hours.md"), source).unwrap();
    let (code, err) = import(s, &["cy.po"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Wrote content/help/out-of-hours.cy.md: new page; the page it is made from, content/help/out-of-hours.md, changed since the export"), "{err}");
    assert_eq!(state(&status(s), "help/out-of-hours", "cy", "standard"), "outdated");
    assert_eq!(state(&status(s), "help/interpreter", "cy", "standard"), "current");
}

#[test]
fn imports_that_do_not_match_the_site_are_refused_and_write_nothing() {
    let site = stamped();
    let s = site.path();
    export(s, "cy", "po", "cy.po");
    export(s, "cy", "xliff", "cy.xlf");
    let po = fill_po(&read(s, "cy.po"), |id| format!("[cy] {id}"));
    let xlf = read(s, "cy.xlf");
    let before = snapshot(s);
    let cases: Vec<(&str, String, &str)> = vec![
        ("unknown page", po.replace("help/interpreter.md#", "help/gone.md#"), "page help/gone.md: there is no page content/help/gone.md in this site"),
        ("wrong language", po.replace("\"Language: cy\\n\"", "\"Language: fr\\n\""), "this file is in `fr`, which is not one of the site's languages"),
        ("the default language", po.replace("\"Language: cy\\n\"", "\"Language: en\\n\""), "this file is in en, the language the pages are written in"),
        (
            "a code taken out",
            po.replace("msgstr \"[cy] Call 111 at any time. Read about {1}interpreters{/1}", "msgstr \"[cy] Call 111 at any time. Read about interpreters"),
            "page help/out-of-hours.md: segment 2.paragraph: the code {1}…{/1} (a link) is missing",
        ),
        ("a code not closed", po.replace("{/1} if you need one", " if you need one"), "segment 2.paragraph: the code {1}…{/1} (a link) is not closed"),
        ("a code of its own", po.replace("msgstr \"[cy] Who to call\"", "msgstr \"[cy] Who {7} to call\""), "segment 1.heading: the code {7} is not in the source segment"),
        ("a stray brace", po.replace("msgstr \"[cy] Who to call\"", "msgstr \"[cy] Who {to} call\""), "`{to}` is not a code"),
        ("a segment left out", po.replace("msgctxt \"help/out-of-hours.md#5.item\"", "msgctxt \"help/out-of-hours.md#5.gone\""), "page help/out-of-hours.md: segment 5.gone is not on the page"),
        (
            "part of a new page left empty",
            po.replace("msgstr \"[cy] Call 999 in an emergency.\"", "msgstr \"\""),
            "segment 5.item has no translation, and there is no content/help/out-of-hours.cy.md yet to keep its text from",
        ),
        ("XLIFF codes changed", xlf.replace("<target state=\"new\"></target>", "<target state=\"translated\"><ph id=\"1\">x</ph></target>"), "<ph> is not a code clearleaf wrote"),
        ("not XML", xlf.replace("</xliff>", "</xlif>"), "this is not well-formed XML"),
    ];
    for (what, text, expected) in cases {
        let name = if text.starts_with("<?xml") { "bad.xlf" } else { "bad.po" };
        std::fs::write(s.join(name), &text).unwrap();
        let (code, err) = import(s, &["cy.po", name]);
        assert_eq!(code, 2, "{what}: {err}");
        assert!(err.contains(expected), "{what}: expected {expected:?} in:\n{err}");
        assert!(err.contains("Nothing was written"), "{what}: {err}");
        assert_eq!(snapshot(s), before, "{what}: nothing is written");
    }
    // A segment missing from the file altogether.
    let without: String = po.split("\n\n").filter(|entry| !entry.contains("msgctxt \"help/out-of-hours.md#4.item\"")).collect::<Vec<_>>().join("\n\n");
    std::fs::write(s.join("bad.po"), without).unwrap();
    let (code, err) = import(s, &["bad.po"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("segment 4.item is missing from the file"), "{err}");
    assert_eq!(snapshot(s), before);
}

#[cfg(unix)]
#[test]
fn a_translation_that_is_a_link_out_of_the_site_is_neither_read_nor_written() {
    let site = stamped();
    let s = site.path();
    export(s, "cy", "po", "cy.po");
    std::fs::write(s.join("cy.po"), fill_po(&read(s, "cy.po"), |id| format!("[cy] {id}"))).unwrap();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.md");
    std::fs::write(&secret, "---\ntitle: Secret\n---\nNot the site's.\n").unwrap();
    std::os::unix::fs::symlink(&secret, s.join("content/help/out-of-hours.cy.md")).unwrap();
    let before = snapshot(s);
    let (code, err) = import(s, &["cy.po"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("outside the site folder"), "{err}");
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), "---\ntitle: Secret\n---\nNot the site's.\n");
    assert_eq!(snapshot(s), before);
}

#[test]
fn an_easy_read_translation_of_an_outdated_easy_read_page_is_said_to_stay_outdated() {
    let site = stamped();
    let s = site.path();
    let source = read(s, "content/help/out-of-hours.md").replace("Call 111 at any time.", "Call 111 at any time, day or night.");
    std::fs::write(s.join("content/help/out-of-hours.md"), source).unwrap();
    let (code, _, err) = run(s, &["export", "--lang", "pl", "--form", "easy", "--format", "po", "-o", "pl.po"]);
    assert_eq!(code, 0, "{err}");
    std::fs::write(s.join("pl.po"), fill_po(&read(s, "pl.po"), |id| format!("[pl] {id}"))).unwrap();
    let (code, err) = import(s, &["pl.po"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("but that file is itself out of date with the standard page"), "{err}");
    assert_eq!(state(&status(s), "help/out-of-hours", "pl", "easy"), "outdated");
}

/// The PO entries of one page: (msgid, whether it is fuzzy).
fn po_entries(po: &str, page: &str) -> Vec<(String, bool)> {
    po.split("\n\n")
        .filter(|e| e.contains(&format!("msgctxt \"{page}#")))
        .map(|e| {
            let id = e.lines().find_map(|l| l.strip_prefix("msgid \"")).unwrap_or_default().trim_end_matches('"').to_string();
            (id, e.lines().any(|l| l == "#, fuzzy"))
        })
        .collect()
}

#[test]
fn with_history_only_the_segments_that_changed_need_review() {
    let site = fixture();
    let s = site.path();
    let (code, _, err) = run(s, &["stamp", "content/help/out-of-hours.ur.md"]);
    assert_eq!(code, 0, "{err}");
    common::git(s, &["init", "-q"], "2026-10-01T12:00:00Z");
    common::git(s, &["add", "."], "2026-10-01T12:00:00Z");
    common::git(s, &["commit", "-q", "-m", "Leaflets"], "2026-10-01T12:00:00Z");
    let path = s.join("content/help/out-of-hours.md");
    let source = read(s, "content/help/out-of-hours.md");
    std::fs::write(&path, source.replacen("- Call 999 in an emergency.", "- Call 999 in an emergency, or go to A&E.", 1)).unwrap();
    common::git(s, &["commit", "-q", "-am", "A&E"], "2026-10-03T09:00:00Z");
    assert_eq!(state(&status(s), "help/out-of-hours", "ur", "standard"), "outdated");

    export(s, "ur", "po", "ur.po");
    let entries = po_entries(&read(s, "ur.po"), "help/out-of-hours.md");
    let fuzzy: Vec<&str> = entries.iter().filter(|(_, f)| *f).map(|(id, _)| id.as_str()).collect();
    assert_eq!(fuzzy, ["Call 999 in an emergency, or go to A&E."], "only the changed item: {entries:?}");
    assert!(entries.len() > 5, "the other segments are offered, as final: {entries:?}");

    // Without the history, every segment of the page is to be reviewed, and paid for.
    let words_with_history = status(s)["coverage"].as_array().unwrap().iter().find(|c| c["lang"] == "ur" && c["form"] == "standard").unwrap()["words_to_translate"].as_u64().unwrap();
    std::fs::remove_dir_all(s.join(".git")).unwrap();
    export(s, "ur", "po", "ur-all.po");
    let entries = po_entries(&read(s, "ur-all.po"), "help/out-of-hours.md");
    assert!(entries.iter().all(|(_, f)| *f), "{entries:?}");
    let words_without = status(s)["coverage"].as_array().unwrap().iter().find(|c| c["lang"] == "ur" && c["form"] == "standard").unwrap()["words_to_translate"].as_u64().unwrap();
    assert!(words_with_history < words_without, "{words_with_history} < {words_without}");
}
