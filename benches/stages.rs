//! Per-stage benchmarks on the 1,000-page corpus of `bench/gen_corpus.py`, so that a
//! regression shows in the stage that caused it: `cargo bench`. (Whole builds against Hugo:
//! `bench/run.sh`.) Each benchmark runs its stage over every page of the corpus.

use std::path::PathBuf;
use std::sync::OnceLock;

use clearleaf::markdown;
use clearleaf::output::{self, Sink};
use clearleaf::pipeline::{self, Loaded, Options, PageResolver};

fn main() {
    divan::main();
}

/// The corpus folder, made (or found up to date) once: the timed `load` asks for it too.
fn corpus() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let dir = root.join("target/bench/c1000-clearleaf");
        let ok = std::process::Command::new("python3").arg(root.join("bench/gen_corpus.py")).arg(&dir).args(["--pages", "1000", "--reuse"]).status().expect("python3");
        assert!(ok.success(), "could not generate the corpus");
        dir
    })
    .clone()
}

fn options() -> Options {
    Options { root: corpus(), out: None, base_url: None, drafts: false, minify: true, today: jiff::civil::date(2026, 11, 21), deny_warnings: false, progress: false, pdf_cache: None }
}

fn loaded() -> &'static Loaded {
    static L: OnceLock<Loaded> = OnceLock::new();
    L.get_or_init(|| pipeline::load(&options()).expect("the corpus loads"))
}

/// Rendered pages (HTML before minification), made once for the later stages.
fn pages() -> &'static Vec<(usize, String)> {
    static P: OnceLock<Vec<(usize, String)>> = OnceLock::new();
    P.get_or_init(|| loaded().site.targets.iter().enumerate().map(|(i, _)| (i, template(i))).collect())
}

fn body(i: usize) -> String {
    let l = loaded();
    let t = &l.site.targets[i];
    let v = l.site.content(t);
    let input = markdown::Input { body: v.content(), first_line: v.content_line, file: &v.file, form: t.form, rtl: false };
    markdown::render(&input, &PageResolver::new(l, t)).html
}

fn template(i: usize) -> String {
    let l = loaded();
    let t = &l.site.targets[i];
    let ctx = clearleaf::templates::page_context(&l.site, &l.locales, t, body(i));
    let ctx = tera::Context::from_serialize(&ctx).unwrap();
    l.theme.render(if l.site.pages[t.page].is_section { "section.html" } else { "page.html" }, &ctx).unwrap()
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn load() -> Loaded {
    pipeline::load(&options()).unwrap()
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn markdown_stage() -> usize {
    (0..loaded().site.targets.len()).map(|i| body(i).len()).sum()
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn templates_stage() -> usize {
    (0..loaded().site.targets.len()).map(|i| template(i).len()).sum()
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn minify_stage() -> usize {
    pages().iter().map(|(_, html)| output::minify(html).len()).sum()
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn checks_stage() -> usize {
    let l = loaded();
    pages()
        .iter()
        .map(|(i, html)| {
            let doc = clearleaf::checks::a11y::Doc::parse(html);
            clearleaf::checks::check_page(&doc, &l.site, &l.site.targets[*i], "builtin:templates/base.html", None, &l.easy_read).0.len()
        })
        .sum()
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn write_stage(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    bencher.bench_local(|| {
        let staging = output::Staging::prepare(dir.path().join("out")).unwrap();
        for (i, html) in pages() {
            let t = &loaded().site.targets[*i];
            staging.write(&clearleaf::files::output_file(&loaded().site.config.base_path, &t.url), html.as_bytes()).unwrap();
        }
        staging.abandon();
    });
}
