//! One fuzz case, shared by the `cargo fuzz` target (`fuzz/fuzz_targets/pipeline.rs`) and the
//! regression tests in `tests/properties.rs`, so that a crash the fuzzer saved is replayed by
//! exactly the code that found it.
//!
//! Not a module of its own folder: `tests/integration.rs` and the fuzz target include it with
//! `#[path = …] mod …;`.

#![allow(dead_code)]

use std::path::Path;

use clearleaf::Form;
use clearleaf::checks::a11y;
use clearleaf::language::Dir;
use clearleaf::markdown::{self, Input, Resolver, Unresolved};
use clearleaf::pipeline::{self, Options};

/// A resolver that knows no site: `.md` links resolve (unless they name `missing`), `http(s):`
/// and `mailto:`/`tel:` addresses are kept, pictures ending in `.svg` or `.png` resolve, and
/// everything else is broken. Labels are their ids (with the number), as plain text.
pub struct FakeResolver;

impl Resolver for FakeResolver {
    fn link(&self, dest: &str) -> Result<String, Unresolved> {
        let path = dest.split('#').next().unwrap_or_default();
        if path.ends_with(".md") && !path.contains("missing") {
            Ok(format!("/page/{}", dest.len()))
        } else if dest.starts_with("http://") || dest.starts_with("https://") || dest.starts_with("mailto:") || dest.starts_with("tel:") || dest.starts_with('#') {
            Ok(dest.to_string())
        } else {
            Err(format!("no page {dest:?}").into())
        }
    }

    fn image(&self, src: &str) -> Result<String, Unresolved> {
        if src.ends_with(".svg") || src.ends_with(".png") { Ok(format!("/pictures/{}.svg", src.len())) } else { Err(format!("no picture {src:?}").into()) }
    }

    fn label(&self, id: &str, number: Option<usize>) -> String {
        match number {
            Some(n) => format!("{id} {n}"),
            None => id.to_string(),
        }
    }
}

/// Whether `html` has a `<script` tag, in any case.
pub fn has_script(html: &str) -> bool {
    html.to_ascii_lowercase().contains("<script")
}

/// The page as checked for scripts: on a search page (`…search/index.html`), without the one
/// script clearleaf publishes, the theme's `<script src=…theme/search.js defer></script>`, with
/// nothing inside it. Every other page, and anything else on a search page, is checked as it is.
pub fn without_search_script(name: &str, html: &str) -> String {
    let mut page = html.to_string();
    if !name.ends_with("search/index.html") {
        return page;
    }
    let lower = html.to_ascii_lowercase();
    if let Some(start) = lower.find("<script")
        && let Some(len) = lower[start..].find("</script>")
    {
        let element = &lower[start..start + len + "</script>".len()];
        // One start tag (a single `>`) naming the theme's file, then the end tag.
        if element.contains("theme/search.js") && element.matches('>').count() == 2 && element.ends_with("></script>") {
            page.replace_range(start..start + element.len(), "");
        }
    }
    page
}

/// Renders `body` as a page of `form` with [`FakeResolver`]; panics if a `<script` tag comes
/// out (raw HTML must be sanitised and text escaped).
pub fn render(body: &str, first_line: usize, form: Form) -> markdown::Rendered {
    let input = Input { body, first_line, file: "content/fuzz.md", form, rtl: false };
    let rendered = markdown::render(&input, &FakeResolver);
    assert!(!has_script(&rendered.html), "<script in rendered markdown:\n{}", rendered.html);
    rendered
}

/// Runs the page-level checks on `html` both without expectations (as `clearleaf audit` does)
/// and as an Urdu (right-to-left) page of `form`.
pub fn check_html(html: &str, form: Form) {
    let _ = a11y::check(html, None);
    let generic = vec!["click here".to_string(), "یہاں".to_string()];
    let expect = a11y::Expect { lang: "ur", dir: Dir::Rtl, form, generic_link_texts: &generic };
    let _ = a11y::check(html, Some(&expect));
    let _ = clearleaf::checks::audit_file("fuzz.html", html);
}

/// What one input is made into.
pub struct Case {
    /// Easy read or standard.
    pub form: Form,
    /// Also build a whole site from it.
    pub pipeline: bool,
    /// The page file: front matter and markdown.
    pub page: String,
}

/// Splits fuzz bytes into a page. The first byte chooses the form (bit 0) and whether the
/// whole pipeline runs (bit 1). The rest is decoded as UTF-8 the way clearleaf decodes files
/// (lossily if that refuses it). If it holds a `\u{1}` character, the text before it is the
/// front matter YAML and the text after it the markdown body, and the page is
/// `---\nYAML\n---\nBODY`; otherwise the text is the whole page as written.
pub fn split(data: &[u8]) -> Case {
    let (flags, rest) = data.split_first().map_or((0, &[][..]), |(f, r)| (*f, r));
    let text = match clearleaf::text::decode_text("content/fuzz.md", rest.to_vec()) {
        Ok(t) => t,
        Err(_) => String::from_utf8_lossy(rest).into_owned(),
    };
    let page = match text.split_once('\u{1}') {
        Some((yaml, body)) => format!("---\n{yaml}\n---\n{body}"),
        None => text,
    };
    Case { form: if flags & 1 == 1 { Form::Easy } else { Form::Standard }, pipeline: flags & 2 == 2, page }
}

/// Front matter, markdown and checks on one page; never builds a site.
pub fn run_page(case: &Case) {
    let (body, first_line) = match clearleaf::front_matter::parse("content/fuzz.md", &case.page) {
        Ok(p) => (&case.page[p.content_start..], p.content_line),
        // Invalid front matter stops a real build; the markdown is still worth rendering.
        Err(_) => (case.page.as_str(), 1),
    };
    let rendered = render(body, first_line, case.form);
    let page = page_of(&rendered);
    check_html(&page, case.form);
    assert_safe_when_published(&page);
}

/// Rendered markdown in a minimal right-to-left page.
fn page_of(rendered: &markdown::Rendered) -> String {
    format!("<!doctype html><html lang=\"ur\" dir=\"rtl\"><head><title>Fuzz</title></head><body><main id=\"main\">{}</main></body></html>", rendered.html)
}

/// Panics if `page`, published as the build would, could run a script or shows one of
/// clearleaf's own attributes.
fn assert_safe_when_published(page: &str) {
    let published = publish(page);
    let risks = clearleaf::output::script_risks(&published);
    assert!(risks.is_empty(), "the published page has {risks:?}:\n{published}");
}

/// Markdown rendered and published as the build would: panics if the page could run a script
/// or shows one of clearleaf's own attributes.
pub fn publish_markdown(body: &str, form: Form) {
    assert_safe_when_published(&page_of(&render(body, 1, form)));
}

/// Front matter parsed on its own: panics if an error points at a line the page does not have.
pub fn parse_front_matter(page: &str) {
    if let Err(d) = clearleaf::front_matter::parse("content/fuzz.md", page) {
        // YAML ends a line at \r, \n or \r\n, as editors do.
        let lines = page.replace("\r\n", "\n").split(['\r', '\n']).count().max(1) + 1;
        assert!(d.line.is_none_or(|l| l >= 1 && l <= lines), "error at line {:?} of a {lines}-line page: {d:?}", d.line);
    }
}

/// A rendered page as the build writes it: from its parsed tree, without line markers, minified.
pub fn publish(page: &str) -> String {
    let doc = a11y::Doc::parse(page);
    clearleaf::output::minify(&clearleaf::output::serialize_without_markers(&doc.html))
}

/// The date every build here runs with.
pub fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 21)
}

/// Writes a two-language site (en, ur) into `root`: the home page is `home` as written, and
/// `other` is written at `content/<other_name>`.
pub fn write_site(root: &Path, home: &str, other_name: &str, other: &str) {
    let content = root.join("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(root.join("site.yaml"), "title: Fuzz site\nbase_url: https://example.org/\nlanguages: [en, ur]\n").unwrap();
    std::fs::write(content.join("_index.md"), home).unwrap();
    let other_path = content.join(other_name);
    std::fs::create_dir_all(other_path.parent().unwrap()).unwrap();
    std::fs::write(other_path, other).unwrap();
}

/// Builds the site in `root` into memory. Panics if an HTML file written is not UTF-8 or holds a
/// script (besides the search page's own, see [`without_search_script`]). Returns whether the
/// build succeeded (Ok) at all.
///
/// A script is looked for twice: as a browser parses the page
/// ([`clearleaf::output::script_risks`]), and, without
/// minifying, as the text `<script` anywhere in the file. Minified pages are exempt from the
/// second: minify-html writes the text of `<title>` unescaped (`<title><script>x</script></title>`
/// is a title that reads "<script>x</script>", which is safe: title text is never markup) and
/// keeps quotes around attribute values that hold `<`.
pub fn build_site(root: &Path, minify: bool, drafts: bool) -> bool {
    let debug = std::env::var_os("FUZZ_CASE_DEBUG").is_some();
    let opts = Options { root: root.to_path_buf(), out: None, base_url: None, drafts, minify, today: today(), deny_warnings: false, progress: false, pdf_cache: None };
    match pipeline::build_in_memory(&opts) {
        Ok((files, _report)) => {
            assert!(files.keys().any(|k| k.ends_with(".html")), "a successful build wrote no HTML: {:?}", files.keys().collect::<Vec<_>>());
            for (name, bytes) in &files {
                if name.ends_with(".html") {
                    let html = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}"));
                    let html = &without_search_script(name, html);
                    let scripts = clearleaf::output::script_risks(html);
                    assert!(scripts.is_empty(), "{name} has {scripts:?}:\n{html}");
                    assert!(minify || !has_script(html), "{name} has the text <script:\n{html}");
                }
            }
            if debug {
                eprintln!("built {} files", files.len());
            }
            true
        }
        Err(e) => {
            if debug {
                eprintln!("refused: {e}");
            }
            false
        }
    }
}

/// The whole fuzz case: the page on its own, then (if its first byte asks for it) a site whose
/// home page and a second page (an Urdu translation, or the home page's Easy read version, by
/// the form) are this page.
pub fn run(data: &[u8]) {
    run_with(data, true);
}

/// [`run`], building the site only if `pipeline_allowed` (the fuzz target allows it for one
/// input in 64, and always for the first, so that a saved crash replays alone).
pub fn run_with(data: &[u8], pipeline_allowed: bool) {
    let case = split(data);
    run_page(&case);
    if case.pipeline && pipeline_allowed {
        let dir = tempfile::tempdir().unwrap();
        let other = if case.form == Form::Easy { "_index.easy.md" } else { "help.ur.md" };
        write_site(dir.path(), &case.page, "help.md", "---\ntitle: Help\n---\nCall 111.\n");
        std::fs::write(dir.path().join("content").join(other), &case.page).unwrap();
        build_site(dir.path(), true, false);
    }
}
