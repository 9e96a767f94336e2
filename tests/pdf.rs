//! PDF leaflets, read back with poppler's tools (`pdfinfo`, `pdffonts`, `pdftotext`) from a
//! small site with an English, an Urdu and an Arabic Easy read page and a standard page.
//! poppler-utils must be installed: a test without it fails and says how to install it.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::Site;

const PHONE_SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect x=\"3\" y=\"1\" width=\"4\" height=\"8\" rx=\"1\"/></svg>";
const CLOCK_SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"none\" stroke=\"black\"/></svg>";

/// The paragraphs of each Easy read page, in order.
const EN_EASY: [&str; 2] = ["Call 111 if you need help fast.", "The call is free at any time."];
const UR_EASY: [&str; 2] = ["اگر آپ کو جلدی مدد چاہیے تو 111 پر فون کریں۔", "یہ کال ہر وقت مفت ہے۔"];
const AR_EASY: [&str; 2] = ["اتصل بالرقم 111 إذا كنت بحاجة إلى مساعدة سريعة.", "المكالمة مجانية في أي وقت."];
const EN_STANDARD: [&str; 3] = ["If you need help fast but it is not an emergency, call 111.", "NHS 111 is open 24 hours a day.", "Samaritans answer the phone every day."];

fn easy_page(title: &str, alts: [&str; 2], paragraphs: [&str; 2]) -> String {
    format!("---\ntitle: {title}\n---\n\n![{}](pictures/phone.svg) {}\n\n![{}](pictures/clock.svg) {}\n", alts[0], paragraphs[0], alts[1], paragraphs[1])
}

fn site() -> Site {
    let site = Site::empty();
    site.write("site.yaml", format!("title: Test leaflets\nbase_url: https://example.org/\nlanguages: [en, ur, ar]\n{}", common::checks_all("off", &[])))
        .write("content/_index.md", "---\ntitle: Home page\n---\nWelcome to the leaflets.\n")
        .write("content/pictures/phone.svg", PHONE_SVG)
        .write("content/pictures/clock.svg", CLOCK_SVG)
        .write(
            "content/help.md",
            format!("---\ntitle: Getting help\n---\n\n## Urgent help\n\n{}\n\n- {}\n- {}\n\n| Service | Number |\n|---|--:|\n| NHS | 111 |\n", EN_STANDARD[0], EN_STANDARD[1], EN_STANDARD[2]),
        )
        .write("content/help.easy.md", easy_page("Getting help", ["A phone", "A clock"], EN_EASY))
        .write("content/help.easy.ur.md", easy_page("مدد", ["ایک فون", "ایک گھڑی"], UR_EASY))
        .write("content/help.easy.ar.md", easy_page("المساعدة", ["هاتف", "ساعة"], AR_EASY));
    site
}

/// Runs one of poppler's tools on `pdf` (then `after`), and gives what it printed; a machine
/// without them fails the test with how to get them.
fn poppler(tool: &str, args: &[&str], pdf: &Path, after: &[&str]) -> String {
    let out = Command::new(tool).args(args).arg(pdf).args(after).output().unwrap_or_else(|e| {
        panic!("`{tool}` could not be run ({e}). These tests read the PDFs with poppler's tools: install poppler-utils (`sudo apt-get install poppler-utils` on Debian and Ubuntu, `brew install poppler` on macOS).")
    });
    assert!(out.status.success(), "{tool} {}: {}", pdf.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("poppler writes UTF-8")
}

/// The leaflets the site gets: (path in the output, title, language, paragraphs in order).
fn leaflets() -> [(&'static str, &'static str, &'static str, &'static [&'static str]); 4] {
    [
        ("easy-read/help/help-easy-read-en.pdf", "Getting help", "en", &EN_EASY),
        ("ur/easy-read/help/help-easy-read-ur.pdf", "مدد", "ur", &UR_EASY),
        ("ar/easy-read/help/help-easy-read-ar.pdf", "المساعدة", "ar", &AR_EASY),
        ("help/help-en.pdf", "Getting help", "en", &EN_STANDARD),
    ]
}

/// `text` without white space, nor the direction marks poppler puts around each run of
/// right-to-left or left-to-right text it writes out (it moves spaces across them): what is
/// left are the letters, digits and punctuation, in order.
fn letters_in_order(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')).collect()
}

/// Asserts what poppler reads of `pdf`: tagged, titled `title`, in `lang`, claiming PDF/UA-1,
/// every font embedded.
fn assert_tagged_titled_embedded(pdf: &Path, title: &str, lang: &str) {
    let rel = pdf.display();
    assert!(pdf.is_file(), "no leaflet at {rel}");
    let info = poppler("pdfinfo", &[], pdf, &[]);
    assert!(info.lines().any(|l| l.starts_with("Tagged:") && l.ends_with("yes")), "{rel} is not tagged:\n{info}");
    assert!(info.lines().any(|l| l.starts_with("Title:") && l.trim_end().ends_with(title)), "{rel} is not titled {title}:\n{info}");
    let meta = poppler("pdfinfo", &["-meta"], pdf, &[]);
    assert!(meta.contains(&format!("<rdf:li xml:lang=\"x-default\">{title}</rdf:li>")) || meta.contains(title), "{rel}: no title in the metadata:\n{meta}");
    assert!(meta.contains(&format!("<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li>")), "{rel}: the language is not {lang}:\n{meta}");
    assert!(meta.contains("pdfuaid:part>1<") || meta.contains("pdfuaid:part=\"1\""), "{rel} does not claim PDF/UA-1:\n{meta}");
    let fonts = poppler("pdffonts", &[], pdf, &[]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{rel} has no fonts");
    for row in rows {
        // name, type (one or two words), encoding, then the emb, sub and uni columns.
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cols[cols.len() - 5], "yes", "{rel}: a font is not embedded: {row}");
    }
}

#[test]
fn each_leaflet_is_tagged_titled_in_its_language_with_its_fonts_embedded() {
    let site = site();
    site.build(&[]).code(0);
    for (rel, title, lang, _) in leaflets() {
        assert_tagged_titled_embedded(&site.out().join(rel), title, lang);
    }
}

#[test]
fn the_example_sites_leaflets_in_english_welsh_urdu_and_arabic_are_tagged_titled_and_embedded() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("clearleaf");
    cmd.args(["build", "--no-cache", "--today", common::TODAY, "--root"]).arg(repo).arg("--out").arg(out.path()).env_remove("CI");
    common::Run::of(&mut cmd).code(0);
    let title_of = |source: &str| {
        let text = std::fs::read_to_string(repo.join("content/help").join(source)).unwrap();
        text.lines().find_map(|l| l.strip_prefix("title:")).unwrap().trim().trim_matches('"').to_string()
    };
    for (leaflet, source, lang) in [
        ("easy-read/help/out-of-hours/out-of-hours-easy-read-en.pdf", "out-of-hours.easy.md", "en"),
        ("cy/easy-read/help/out-of-hours/out-of-hours-easy-read-cy.pdf", "out-of-hours.easy.cy.md", "cy"),
        ("ur/easy-read/help/out-of-hours/out-of-hours-easy-read-ur.pdf", "out-of-hours.easy.ur.md", "ur"),
        ("ar/easy-read/help/out-of-hours/out-of-hours-easy-read-ar.pdf", "out-of-hours.easy.ar.md", "ar"),
        ("help/out-of-hours/out-of-hours-en.pdf", "out-of-hours.md", "en"),
    ] {
        assert_tagged_titled_embedded(&out.path().join(leaflet), &title_of(source), lang);
    }
}

#[test]
fn the_text_comes_out_in_order_and_as_plain_unicode() {
    let site = site();
    site.build(&[]).code(0);
    for (rel, _, lang, paragraphs) in leaflets() {
        let text = letters_in_order(&poppler("pdftotext", &["-enc", "UTF-8"], &site.out().join(rel), &["-"]));
        if lang == "ur" {
            // Known limit, not checked here: Nastaliq sets a word's letters and dots as
            // separate glyphs at different heights. Typst's PDF writer (krilla) gives such a
            // cluster its text with /ActualText, and under PDF/UA-1 also maps every glyph of it
            // to the whole cluster; poppler reads neither the way a screen reader does, so its
            // Urdu comes out with letters doubled and out of line. The letters are all there:
            for c in paragraphs.iter().flat_map(|p| p.chars()).filter(|c| c.is_alphabetic()) {
                assert!(text.contains(c), "{rel}: {c} is not in\n{text}");
            }
            continue;
        }
        let mut from = 0;
        for p in paragraphs {
            let at = text[from..].find(&letters_in_order(p)).map(|i| i + from);
            let at = at.unwrap_or_else(|| panic!("{rel} ({lang}): {p:?} is missing or out of order in\n{text}"));
            from = at + letters_in_order(p).len();
        }
        // Arabic presentation forms are glyph shapes, not letters: search and screen readers
        // would not find the words.
        assert!(!text.chars().any(|c| matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')), "{rel}: presentation forms in\n{text}");
    }
}

#[test]
fn two_builds_give_the_same_bytes() {
    let site = site();
    site.build(&["--no-cache"]).code(0);
    let first: Vec<Vec<u8>> = leaflets().iter().map(|(rel, ..)| std::fs::read(site.out().join(rel)).unwrap()).collect();
    let again = site.tmp().join("again");
    let mut cmd = site.command();
    common::Run::of(cmd.arg("--out").arg(&again).arg("--no-cache")).code(0);
    for ((rel, ..), bytes) in leaflets().iter().zip(first) {
        assert!(std::fs::read(again.join(rel)).unwrap() == bytes, "{rel} differs between two builds");
    }
}

#[test]
fn print_pdf_false_writes_no_leaflets() {
    let site = site();
    let yaml = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write("site.yaml", format!("{yaml}print: {{pdf: false}}\n"));
    site.build(&[]).code(0);
    let pdfs = walkdir::WalkDir::new(site.out()).into_iter().map(Result::unwrap).filter(|e| e.path().extension().is_some_and(|x| x == "pdf")).count();
    assert_eq!(pdfs, 0);
}

#[test]
fn a_language_no_font_can_print_is_pdf_font_missing() {
    let site = site();
    site.write("site.yaml", "title: Test leaflets\nlanguages: [en, ur, ar, hi]\n").write("locales/hi/main.ftl", "language-name = हिन्दी\n");
    let run = site.build(&[]);
    run.code(1);
    run.stderr_has("error[PDF-FONT-MISSING]").stderr_has("हिन्दी (hi)").stderr_has("themes/default/fonts/");
}

#[test]
fn a_mistake_in_a_print_template_is_reported_at_its_line() {
    let site = site();
    let template = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/print/standard.typ")).unwrap();
    site.write("themes/default/print/standard.typ", template.replace("#let leaflet(info, body) = {", "#let leaflet(info, body) = {\n  set text(size: info.no-such-field)"));
    let line = template.lines().position(|l| l.starts_with("#let leaflet(")).unwrap() + 2;
    site.build(&[]).code(2).error_at(&format!("themes/default/print/standard.typ:{line}"), &["PDF leaflet", "no-such-field"]);
}

/// The `href` and words of the leaflet link on the page `rel` of the output.
fn leaflet_link(site: &Site, rel: &str) -> Option<(String, String)> {
    let html = std::fs::read_to_string(site.out().join(rel)).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let a = doc.select(&scraper::Selector::parse("p.leaflet a").unwrap()).next()?;
    Some((a.value().attr("href").unwrap().to_string(), a.text().collect()))
}

fn pages_of(pdf: &Path) -> usize {
    let info = poppler("pdfinfo", &[], pdf, &[]);
    info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap()
}

#[test]
fn each_page_links_to_its_leaflet_with_its_size_and_pages_in_the_readers_language() {
    let site = site();
    site.build(&[]).code(0);
    let (href, words) = leaflet_link(&site, "easy-read/help/index.html").expect("a link to the leaflet");
    assert_eq!(href, "/easy-read/help/help-easy-read-en.pdf");
    let pdf = site.out().join("easy-read/help/help-easy-read-en.pdf");
    let kb = std::fs::metadata(&pdf).unwrap().len().div_ceil(1000);
    let pages = pages_of(&pdf);
    let unit = if pages == 1 { "page" } else { "pages" };
    assert_eq!(words, format!("Download this leaflet (PDF, {pages} {unit}, {kb} KB)"));
    let (_, urdu) = leaflet_link(&site, "ur/easy-read/help/index.html").unwrap();
    assert!(urdu.starts_with("یہ کتابچہ ڈاؤن لوڈ کریں (PDF،"), "{urdu}");
    // The markers the page is rendered with never reach a reader.
    let page = std::fs::read_to_string(site.out().join("easy-read/help/index.html")).unwrap();
    assert!(!page.contains(['\u{E000}', '\u{E001}']));
}

#[test]
fn a_page_shown_in_another_language_links_to_that_languages_leaflet_and_says_so() {
    let site = site();
    site.build(&[]).code(0);
    // The standard page has no Urdu translation: /ur/help/ shows the English page.
    assert!(!site.out().join("ur/help/help-ur.pdf").exists(), "a fallback page got a leaflet of its own");
    let (href, words) = leaflet_link(&site, "ur/help/index.html").expect("a link to the English leaflet");
    assert_eq!(href, "/help/help-en.pdf");
    assert!(words.starts_with("یہ کتابچہ English میں ڈاؤن لوڈ کریں"), "{words}");
    let page = std::fs::read_to_string(site.out().join("ur/help/index.html")).unwrap();
    assert!(page.contains("hreflang=en"), "the link does not say the leaflet's language");
}

#[test]
fn pdf_false_in_front_matter_turns_off_one_pages_leaflet_and_its_translations() {
    let site = site();
    let help = std::fs::read_to_string(site.path("content/help.md")).unwrap();
    site.write("content/help.md", help.replacen("title: Getting help\n", "title: Getting help\npdf: false\n", 1));
    site.build(&[]).code(0);
    assert!(!site.out().join("help/help-en.pdf").exists());
    assert!(leaflet_link(&site, "help/index.html").is_none(), "a page without a leaflet links to one");
    // Its Easy read pages are translations of it too.
    assert!(!site.out().join("ur/easy-read/help/help-easy-read-ur.pdf").exists());
    assert!(site.out().join("test-leaflets-en.pdf").exists(), "other pages keep theirs");
}

#[test]
fn the_leaflet_ends_with_a_qr_code_and_the_short_address() {
    let site = site();
    site.build(&[]).code(0);
    let pdf = site.out().join("easy-read/help/help-easy-read-en.pdf");
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf, &["-"]);
    assert!(text.contains("example.org/easy-read/help/"), "{text}");
    // The code is a figure in the structure tree, after the sentence that introduces it and
    // before the address under it (its alt text is checked by tests/print/clients.sh).
    let structure = poppler("pdfinfo", &["-struct-text"], &pdf, &[]);
    let after = structure.split_once("Read this leaflet on the web:").map(|(_, rest)| rest).unwrap_or_default();
    let figure = after.find("Figure").unwrap_or(usize::MAX);
    assert!(figure < after.find("example.org/easy-read/help/").unwrap_or(0), "{structure}");
}

/// The leaflet entries in `site`'s cache.
fn cache_entries(site: &Site) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(site.cache()).into_iter().map(Result::unwrap).filter(|e| e.path().extension().is_some_and(|x| x == "leaflet")).map(|e| e.into_path()).collect()
}

/// Marks the PDF in every cache entry (its last `%%EOF` becomes `%%EOX`, the same length), so
/// that a leaflet the next build takes from the cache can be told from one it typesets again.
fn mark_cache(site: &Site) {
    for entry in cache_entries(site) {
        let mut bytes = std::fs::read(&entry).unwrap();
        let at = bytes.windows(5).rposition(|w| w == b"%%EOF").expect("a cached PDF ends with %%EOF");
        bytes[at + 4] = b'X';
        std::fs::write(&entry, bytes).unwrap();
    }
}

fn from_cache(site: &Site, rel: &str) -> bool {
    std::fs::read(site.out().join(rel)).unwrap().windows(5).any(|w| w == b"%%EOX")
}

#[test]
fn a_rebuild_takes_unchanged_leaflets_from_the_cache_and_typesets_a_changed_one() {
    let site = site();
    site.build(&[]).code(0);
    let cache = cache_entries(&site);
    assert_eq!(cache.len(), 5, "one cache entry per leaflet: {cache:?}");
    let before: Vec<Vec<u8>> = leaflets().iter().map(|(rel, ..)| std::fs::read(site.out().join(rel)).unwrap()).collect();
    // A cached entry that is cut short is typeset again, not used.
    let cut = &cache[0];
    let bytes = std::fs::read(cut).unwrap();
    std::fs::write(cut, &bytes[..bytes.len() / 2]).unwrap();
    site.write("content/help.easy.md", easy_page("Getting help", ["A phone", "A clock"], ["Call 111 when you need help fast.", EN_EASY[1]]));
    site.build(&[]).code(0);
    for ((rel, ..), old) in leaflets().iter().zip(before) {
        let new = std::fs::read(site.out().join(rel)).unwrap();
        assert_eq!(new == old, *rel != "easy-read/help/help-easy-read-en.pdf", "{rel}");
    }
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &site.out().join("easy-read/help/help-easy-read-en.pdf"), &["-"]);
    assert!(text.contains("when you need help fast"), "{text}");
    // The old entry of the changed page is gone; the cut one was written whole again.
    assert_eq!(cache_entries(&site).len(), 5);
    assert!(std::fs::read(cut).map_or(true, |b| b.len() > bytes.len() / 2), "a cut entry was kept");
}

#[test]
fn a_rebuild_typesets_again_only_the_leaflets_whose_picture_changed() {
    let site = site();
    site.build(&[]).code(0);
    mark_cache(&site);
    site.build(&[]).code(0);
    for (rel, ..) in leaflets() {
        assert!(from_cache(&site, rel), "{rel} was typeset again, though nothing changed");
    }
    // The clock is in the Easy read pages only; their words and addresses stay the same.
    site.write("content/pictures/clock.svg", CLOCK_SVG.replace("r=\"4\"", "r=\"3\""));
    site.build(&[]).code(0);
    for (rel, ..) in leaflets() {
        assert_eq!(from_cache(&site, rel), !rel.contains("easy-read/"), "{rel}: the clock changed");
    }
}

#[test]
fn the_contact_line_of_site_yaml_ends_each_leaflet_and_a_languages_own_string_replaces_it() {
    let site = site();
    let yaml = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write("site.yaml", format!("{yaml}print:\n  contact: Call 0300 123 4567 for large print or audio\n")).write("locales/ar/main.ftl", "print-contact = اتصل بالرقم 0300 123 4567\n");
    site.build(&[]).code(0);
    let text = |rel: &str| poppler("pdftotext", &["-enc", "UTF-8"], &site.out().join(rel), &["-"]);
    assert!(text("easy-read/help/help-easy-read-en.pdf").contains("Call 0300 123 4567 for large print or audio"));
    let arabic = text("ar/easy-read/help/help-easy-read-ar.pdf");
    assert!(arabic.contains("0300") && !arabic.contains("large print"), "{arabic}");
}

#[test]
fn text_that_typst_fails_on_leaves_that_page_without_a_leaflet_and_the_build_goes_on() {
    // In Urdu, `|` and a Tulu-Tigalari vowel sign: Typst 0.15's shaping panics on it ("glyphs
    // fell out of range"; found by properties::whole_site_builds_or_is_refused).
    let site = site();
    site.write("content/odd.md", "---\ntitle: Odd text\n---\nWords.\n").write("content/odd.ur.md", "---\ntitle: Odd text\n---\n|\u{113e1}\n");
    site.build(&[]).code(0);
    assert!(site.out().join("help/help-en.pdf").is_file(), "the other pages keep their leaflets");
    // No link to a leaflet that is not there, nor the theme's empty paragraph that held it.
    assert!(!site.out().join("ur/odd/odd-ur.pdf").exists());
    let page = site.page("/ur/odd/").unwrap();
    assert!(!page.contains(".pdf") && !page.contains("class=\"leaflet\"") && !page.contains("class=leaflet"), "{page}");
    assert!(site.page("/odd/").unwrap().contains("/odd/odd-en.pdf"), "the English page keeps its link");
}
