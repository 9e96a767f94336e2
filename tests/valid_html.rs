//! Minified pages stay valid HTML: the HTML standard wants whitespace between two attributes,
//! so `class="x"role=note`, which a minifier may write to save a byte, is an error in the
//! Nu HTML Checker. The full check of every page with the checker itself is
//! `tests/html/vnu.sh`, which needs Java; this test needs nothing beside the repository.

use assert_cmd::cargo::cargo_bin_cmd;

use crate::common;

const TODAY: &str = "2026-11-21";

/// Builds `tests/fixtures/<name>` with the default settings (minified) and returns every HTML
/// file written, as (path inside the output, text).
fn built_pages(name: &str, extra: &[&str]) -> Vec<(String, String)> {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    common::copy_fixture_into(name, &root);
    let out = tmp.path().join("out");
    let o = cargo_bin_cmd!("clearleaf").arg("build").arg("--root").arg(&root).arg("--out").arg(&out).args(["--today", TODAY]).args(extra).output().unwrap();
    assert!(o.status.success(), "the {name} fixture did not build:\n{}", String::from_utf8_lossy(&o.stderr));
    let mut pages: Vec<(String, String)> = walkdir::WalkDir::new(&out)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| (e.path().strip_prefix(&out).unwrap().display().to_string(), std::fs::read_to_string(e.path()).unwrap()))
        .collect();
    pages.sort();
    assert!(pages.len() > 5, "the {name} fixture gave only {} pages", pages.len());
    pages
}

/// Each place in `html` where a quoted attribute value is directly followed by another
/// attribute, with a few characters around it. Only start tags are read (`<` and a letter, up
/// to the `>` outside quotes), so quotes in text or in a `<style>` element do not count.
fn attributes_without_space(html: &str) -> Vec<String> {
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] != b'<' || !bytes[i + 1].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        let mut quote: Option<u8> = None;
        i += 1;
        while i < bytes.len() {
            let b = bytes[i];
            match quote {
                Some(q) if b == q => {
                    quote = None;
                    let next = bytes.get(i + 1).copied().unwrap_or(b'>');
                    if !(next.is_ascii_whitespace() || next == b'>' || next == b'/') {
                        let end = (i + 20).min(bytes.len());
                        found.push(String::from_utf8_lossy(&bytes[start.max(i.saturating_sub(30))..end]).into_owned());
                    }
                }
                Some(_) => {}
                None if b == b'"' || b == b'\'' => quote = Some(b),
                None if b == b'>' => break,
                None => {}
            }
            i += 1;
        }
        i += 1;
    }
    found
}

#[test]
fn minified_pages_keep_a_space_between_attributes() {
    let pages = built_pages("multilingual", &[]);
    // The pages really are minified: the minifier leaves simple values unquoted.
    assert!(pages.iter().all(|(_, html)| html.contains(" lang=") && !html.contains(" lang=\"")), "the pages were not minified");
    let mut bad = Vec::new();
    for (path, html) in &pages {
        for place in attributes_without_space(html) {
            bad.push(format!("{path}: …{place}…"));
        }
    }
    assert!(bad.is_empty(), "{} places where an attribute follows a quoted value with no space between:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn the_scanner_finds_a_missing_space_and_only_that() {
    assert_eq!(attributes_without_space(r#"<p class="x"role=note>Hi"#).len(), 1);
    assert_eq!(attributes_without_space(r#"<p class='x'id=a>Hi"#).len(), 1);
    assert!(attributes_without_space(r#"<p class="x" role=note title="a b">Say "hi"<b>x</b><style>a[href="x"]b{}</style>"#).is_empty());
    assert!(attributes_without_space(r#"<img alt="" src="a.svg"/><br class="x">"#).is_empty());
}
