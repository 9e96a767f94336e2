//! Raw HTML in markdown is sanitised (SPEC §4): OWASP XSS filter-evasion vectors must not
//! survive into any output HTML, and each one removed must be reported as HTML-SANITISED with
//! its file and line.
//!
//! The vectors are in `tests/fixtures/xss/vectors.txt`. Each goes into its own page,
//! `content/vNN.md`, twice: inline in a paragraph (line 4) and on a line of its own after it
//! (line 6, or later when the vector spans lines). The site is built once with every rule at
//! `warning` (so that pictures with `src=x` do not stop the build and the output is written),
//! then every HTML file under OUT is parsed with `scraper` and searched for what survived.
//!
//! `cargo test --test integration sanitiser:: -- --nocapture` prints a table: vector → removed? → finding lines.

use crate::common;
use crate::fuzz_case;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::Site;
use scraper::{Html, Node};

/// One vector from the fixture file.
struct Vector {
    name: String,
    expect: Expect,
    html: String,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Expect {
    /// Sanitised, with an HTML-SANITISED finding on each line it is written on.
    Removed,
    /// Not a complete tag for markdown: shown as escaped text, nothing to report.
    Text,
    /// Only an HTML comment is dropped: nothing to report.
    Quiet,
    /// Removed, but no finding says so (a bug: see `every_removed_vector_is_reported`).
    Silent,
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('f') => out.push('\x0c'),
            Some('n') => out.push('\n'),
            Some('0') => out.push('\0'),
            Some('\\') => out.push('\\'),
            other => panic!("unknown escape \\{other:?} in {s}"),
        }
    }
    out
}

fn vectors() -> Vec<Vector> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xss/vectors.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.splitn(3, ' ');
            let (name, expect, html) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().expect("NAME EXPECT HTML"));
            let expect = match expect {
                "removed" => Expect::Removed,
                "text" => Expect::Text,
                "quiet" => Expect::Quiet,
                "silent" => Expect::Silent,
                e => panic!("unknown expectation {e} in {l}"),
            };
            Vector { name: name.to_string(), expect, html: unescape(html) }
        })
        .collect()
}

/// The markdown page for vector `i` and the lines its two copies start on.
fn page(i: usize, v: &Vector) -> (String, usize, usize) {
    let inline_line = 4;
    let block_line = inline_line + v.html.matches('\n').count() + 2;
    let text = format!("---\ntitle: Vector {i:02} {}\n---\nInline: before {} after.\n\n{}\n", v.name, v.html, v.html);
    (text, inline_line, block_line)
}

/// Attributes whose value is fetched or followed as a URL.
const URL_ATTRS: &[&str] = &["href", "src", "action", "formaction", "poster", "background", "data", "srcset", "lowsrc", "dynsrc", "cite", "codebase", "to", "from", "values", "ping"];
/// Elements that must never come from content.
const FORBIDDEN: &[&str] = &["script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "svg", "math", "form", "style", "template", "noscript"];

/// `url` with what browsers ignore in a scheme removed, lower-cased.
fn normalised(url: &str) -> String {
    url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control()).collect::<String>().to_ascii_lowercase()
}

/// What is dangerous in one HTML document, parsed as a browser would.
fn dangers(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let mut found = Vec::new();
    for node in doc.tree.nodes() {
        let Node::Element(el) = node.value() else { continue };
        let name = el.name().to_ascii_lowercase();
        if FORBIDDEN.contains(&name.as_str()) {
            found.push(format!("<{name}> element"));
        }
        if name == "meta" && el.attr("http-equiv").is_some() {
            found.push("<meta http-equiv>".into());
        }
        for (attr, value) in el.attrs() {
            let attr = attr.to_ascii_lowercase();
            if attr.starts_with("on") {
                found.push(format!("{attr}= on <{name}>"));
            }
            // clearleaf's own namespace: a forged source-line marker is how a script once got
            // past a textual marker pass.
            if attr.starts_with("data-cl-") {
                found.push(format!("{attr}= on <{name}>"));
            }
            if URL_ATTRS.contains(&attr.as_str()) {
                let v = normalised(value);
                if ["javascript:", "vbscript:", "data:", "livescript:"].iter().any(|s| v.starts_with(s)) {
                    found.push(format!("{attr}=\"{value}\" on <{name}>"));
                }
            }
            if attr == "style" {
                let v = normalised(value);
                if v.contains("expression(") || v.contains("javascript:") || v.contains("url(") || v.contains('\\') {
                    found.push(format!("style=\"{value}\" on <{name}>"));
                }
            }
        }
    }
    for tag in raw_tags(html) {
        let t = tag.to_ascii_lowercase();
        if t.contains("javascript:") || t.contains("vbscript:") || t.contains("expression(") || t.contains("<script") {
            found.push(format!("raw markup {tag:?}"));
        }
    }
    found
}

/// The source of every tag in `html`, from `<` to its `>` (quotes respected): a substring check
/// on markup that does not depend on an HTML parser. Escaped text (`&lt;img …`) is not markup.
fn raw_tags(html: &str) -> Vec<&str> {
    let b = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'<' && b.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/' || *c == b'!') {
            let start = i;
            let mut quote = None;
            i += 1;
            while i < b.len() {
                match (quote, b[i]) {
                    (Some(q), c) if c == q => quote = None,
                    (None, b'"' | b'\'') => quote = Some(b[i]),
                    (None, b'>') => break,
                    _ => {}
                }
                i += 1;
            }
            tags.push(&html[start..i.min(b.len())]);
        }
        i += 1;
    }
    tags
}

/// Every `.html` file under `dir`, by relative path; the search pages without the theme's own
/// script, the one script clearleaf publishes.
fn html_files(dir: &Path) -> BTreeMap<String, String> {
    common::snapshot(dir)
        .into_iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .filter_map(|(k, v)| match v {
            common::Entry::File(bytes) => {
                let html = fuzz_case::without_search_script(&k, &String::from_utf8(bytes).expect("output HTML is UTF-8"));
                Some((k, html))
            }
            _ => None,
        })
        .collect()
}

/// A one-language site where every rule only warns, so that the build always writes output.
fn site() -> Site {
    let site = Site::empty();
    site.write("site.yaml", format!("title: XSS test site\nlanguages: [en]\n{}", common::checks_all("warning", &[])));
    site.write("content/_index.md", "---\ntitle: XSS vectors\n---\nEvery page holds one vector.\n");
    site
}

/// HTML-SANITISED lines by file, from a `--format json` report.
fn sanitised_lines(json: &serde_json::Value) -> BTreeMap<String, BTreeSet<u64>> {
    let mut lines: BTreeMap<String, BTreeSet<u64>> = BTreeMap::new();
    for f in json["findings"].as_array().expect("findings") {
        if f["rule"] == "HTML-SANITISED" {
            lines.entry(f["file"].as_str().unwrap().to_string()).or_default().insert(f["line"].as_u64().expect("HTML-SANITISED has a line"));
        }
    }
    lines
}

#[test]
fn owasp_vectors_do_not_survive_and_are_reported() {
    let vectors = vectors();
    assert!(vectors.len() >= 40, "only {} vectors", vectors.len());
    let site = site();
    let mut lines_of = Vec::new();
    for (i, v) in vectors.iter().enumerate() {
        let (text, inline, block) = page(i, v);
        site.write(&format!("content/v{i:02}.md"), text);
        lines_of.push((inline, block));
    }
    let run = site.build(&["--format", "json", "--no-minify"]);
    run.code(0);
    let json = run.json();
    let reported = sanitised_lines(&json);

    // Nothing dangerous in any output file: the vector pages, the home page (which lists
    // them), the 404 page.
    let files = html_files(&site.out());
    assert!(files.len() > vectors.len(), "only {} HTML files written", files.len());
    let mut survived: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (file, html) in &files {
        let d = dangers(html);
        if !d.is_empty() {
            survived.insert(file.clone(), d);
        }
    }

    let mut failures = Vec::new();
    println!("\n{:<3} {:<34} {:<8} {:<10} {:<14} (inline, block)", "#", "vector", "expect", "output", "finding lines");
    for (i, v) in vectors.iter().enumerate() {
        let file = format!("content/v{i:02}.md");
        let out_file = format!("v{i:02}/index.html");
        let (inline, block) = lines_of[i];
        let got: Vec<u64> = reported.get(&file).map(|s| s.iter().copied().collect()).unwrap_or_default();
        let page_html = files.get(&out_file);
        let output = match (page_html, survived.get(&out_file)) {
            (None, _) => "MISSING",
            (Some(_), Some(_)) => "SURVIVED",
            (Some(_), None) => "removed",
        };
        let got_text = if got.is_empty() { "-".to_string() } else { got.iter().map(u64::to_string).collect::<Vec<_>>().join(",") };
        println!("{i:<3} {:<34} {:<8} {:<10} {:<14} ({inline}, {block})", v.name, format!("{:?}", v.expect).to_lowercase(), output, got_text);
        if output != "removed" {
            failures.push(format!("{}: {output} {:?}", v.name, survived.get(&out_file)));
        }
        match v.expect {
            Expect::Removed => {
                for line in [inline, block] {
                    if !got.contains(&(line as u64)) {
                        failures.push(format!("{}: no HTML-SANITISED finding at {file}:{line} (found lines {got:?})", v.name));
                    }
                }
            }
            Expect::Text => {
                if !got.is_empty() {
                    failures.push(format!("{}: shown as text, yet reported at {got:?}", v.name));
                }
            }
            Expect::Quiet | Expect::Silent => {}
        }
    }
    for (file, d) in &survived {
        if !file.starts_with('v') {
            failures.push(format!("{file}: {d:?}"));
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_detector_sees_every_vector_unsanitised() {
    // Guards the test itself: each vector, put into a page as it is, is found dangerous by
    // `dangers`; so "nothing found" in the built site means the sanitiser removed it.
    // Exempt: comments (inert) and NUL (browsers turn it into U+FFFD, which breaks the scheme).
    let mut missed = Vec::new();
    for v in vectors().iter().filter(|v| v.expect != Expect::Quiet && !v.html.contains('\0')) {
        let page = format!("<!doctype html><html><body><p>Inline: before {} after.</p>\n{}\n</body></html>", v.html, v.html);
        if dangers(&page).is_empty() {
            missed.push(v.name.clone());
        }
    }
    assert!(missed.is_empty(), "the detector does not see: {missed:?}");
}

#[test]
fn minified_output_is_as_safe() {
    // The same vectors, built with minification (the default): minify-html must not
    // reassemble anything the sanitiser took apart.
    let site = site();
    for (i, v) in vectors().iter().enumerate() {
        site.write(&format!("content/v{i:02}.md"), page(i, v).0);
    }
    site.build(&[]).code(0);
    let bad: Vec<_> = html_files(&site.out()).into_iter().map(|(f, h)| (f, dangers(&h))).filter(|(_, d)| !d.is_empty()).collect();
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn vectors_in_every_markdown_context() {
    // Raw HTML inside headings, footnotes, table cells, link text, list items, quotes and an
    // Easy-read picture row; markup-like text in titles, description, heading ids and alt text
    // (not raw HTML: it must come out escaped, not reported).
    let site = site();
    site.write("site.yaml", format!("title: \"Site <script>alert(0)</script>\"\nlanguages: [en]\n{}", common::checks_all("warning", &[])));
    site.write("content/pic.png", b"\x89PNG\r\n\x1a\n");
    site.write(
        "content/contexts.md",
        "---\n\
         title: Contexts <img src=x onerror=alert(1)>\n\
         description: \"\\\"><script>alert(2)</script>\"\n\
         ---\n\
         ## Heading <img src=x onerror=alert(3)>\n\
         \n\
         Text with a note.[^n]\n\
         \n\
         [^n]: Note <img src=x onerror=alert(5)>\n\
         \n\
         | a | b |\n\
         |---|---|\n\
         | <img src=x onerror=alert(6)> | [link <b onclick=alert(7)>x</b>](https://example.org/) |\n\
         \n\
         - Item <a href=\"javascript:alert(8)\">x</a>\n\
         \n\
         > Quote <iframe src=\"javascript:alert(9)\"></iframe>\n\
         \n\
         ![alt\" onerror=\"alert(10)](pic.png)\n\
         \n\
         ### Id {#x\"onmouseover=alert(4)}\n",
    );
    site.write("content/contexts.easy.md", "---\ntitle: Contexts, Easy read\n---\n![A picture](pic.png) Call <img src=x onerror=alert(11)> now.\n");
    let run = site.build(&["--format", "json", "--no-minify"]);
    run.code(0);
    let reported = sanitised_lines(&run.json());
    let lines: Vec<u64> = reported.get("content/contexts.md").map(|l| l.iter().copied().collect()).unwrap_or_default();
    assert_eq!(lines, [5, 9, 13, 15, 17], "HTML-SANITISED lines in content/contexts.md");
    assert_eq!(reported.get("content/contexts.easy.md").map(|l| l.iter().copied().collect::<Vec<_>>()), Some(vec![4]));
    let files = html_files(&site.out());
    for (file, html) in &files {
        let d = dangers(html);
        assert!(d.is_empty(), "{file}: {d:?}");
    }
    // The markup-like title is shown as text, escaped.
    let page = site.page("/contexts/").unwrap();
    assert!(page.contains("Contexts &lt;img src=x onerror=alert(1)&gt;"), "title not escaped as text:\n{page}");
}

#[test]
fn safe_html_is_kept_and_not_reported() {
    let site = site();
    site.write(
        "content/safe.md",
        "---\ntitle: Safe HTML\n---\nAsk the <abbr title=\"National Health Service\">NHS</abbr> or call <a href=\"tel:111\">111</a>.\n\n<details><summary>More</summary><p lang=\"cy\">Croeso</p></details>\n",
    );
    let run = site.build(&["--format", "json", "--no-minify"]);
    run.code(0);
    assert!(sanitised_lines(&run.json()).is_empty(), "safe HTML was reported:\n{}", run.stdout);
    let html = site.page("/safe/").unwrap();
    for kept in ["<abbr title=\"National Health Service\">NHS</abbr>", "href=\"tel:111\"", "<details>", "<summary>More</summary>", "lang=\"cy\""] {
        assert!(html.contains(kept), "{kept} was removed:\n{html}");
    }
}

#[test]
fn every_removed_vector_is_reported() {
    let site = site();
    let silent: Vec<_> = vectors().into_iter().filter(|v| v.expect == Expect::Silent).collect();
    assert!(!silent.is_empty());
    for (i, v) in silent.iter().enumerate() {
        site.write(&format!("content/v{i:02}.md"), page(i, v).0);
    }
    let run = site.build(&["--format", "json"]);
    run.code(0);
    let reported = sanitised_lines(&run.json());
    for (i, v) in silent.iter().enumerate() {
        let (_, inline, block) = page(i, v);
        let file = format!("content/v{i:02}.md");
        for line in [inline, block] {
            assert!(reported.get(&file).is_some_and(|l| l.contains(&(line as u64))), "{}: no HTML-SANITISED finding at {file}:{line}", v.name);
        }
    }
}

#[test]
fn markdown_links_with_script_urls_are_removed() {
    let site = site();
    let cases = [
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "![picture](javascript:alert(1))",
        "<javascript:alert(1)>",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
    ];
    for (i, md) in cases.iter().enumerate() {
        site.write(&format!("content/m{i}.md"), format!("---\ntitle: Markdown link {i}\n---\n{md}\n"));
    }
    let run = site.build(&["--format", "json"]);
    run.code(0);
    let json = run.json();
    let mut failures = Vec::new();
    for (i, md) in cases.iter().enumerate() {
        let html = site.page(&format!("/m{i}/")).unwrap();
        let d = dangers(&html);
        if !d.is_empty() {
            failures.push(format!("{md:?}: {d:?}"));
        }
        let file = format!("content/m{i}.md");
        let said = |f: &&serde_json::Value| f["file"] == file.as_str() && f["line"] == 4 && (f["rule"] == "HTML-SANITISED" || f["rule"] == "LINK-BROKEN");
        if !json["findings"].as_array().unwrap().iter().any(|f| said(&f)) {
            failures.push(format!("{md:?}: no HTML-SANITISED (or LINK-BROKEN) finding at {file}:4"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
