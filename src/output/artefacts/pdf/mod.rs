//! PDF leaflets: one tagged PDF for each page variant that shows its own content, typeset
//! in-process with Typst from the page as written, and written next to it. Off with
//! `print: {pdf: false}` in site.yaml.
//!
//! The file is named so that a person can keep it: the page's name, `-easy-read` for the Easy
//! read form, and the language, as `out-of-hours-easy-read-cy.pdf`. A section is named after
//! its folder (`help-en.pdf`), and the home page after the site's title in the default
//! language (`mental-health-equality-resources-en.pdf`), or `home` when that has no letters.

mod escape;
mod fonts;
mod markup;
mod source;
mod world;

use rayon::prelude::*;
use typst::diag::SourceDiagnostic;
use typst::foundations::{Datetime, Smart};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::{Artefact, Context, Refresh};
use crate::error::{Diagnostic, Error, Result};
use crate::files::output_file;
use crate::finding::Finding;
use crate::i18n::Locales;
use crate::output::Sink;
use crate::site::{Shows, Site, Target};
use crate::templates::{THEMES_DIR, Theme};
use crate::variant::Form;
use fonts::Fonts;
use world::LeafletWorld;

/// The largest page, as written, that gets a leaflet: a leaflet is a few pages long (its page
/// is some tens of KiB), and a page of megabytes would take minutes to typeset into hundreds
/// of pages.
const MAX_PAGE_BYTES: usize = 256 << 10;

/// The stack of each thread that typesets leaflets: Typst's layout recurses deeply on long
/// pages, and overflowed the 16 MiB of the rendering threads on a list of 10,000 pages. Only
/// the part used is ever taken from memory.
const TYPESETTING_STACK: usize = 256 << 20;

/// The PDF leaflets.
pub struct Leaflets;

impl Artefact for Leaflets {
    fn paths(&self, cx: &Context<'_>) -> Vec<String> {
        leaflets(cx.site).map(|(_, path)| path).collect()
    }

    fn write(&self, cx: &Context<'_>, sink: &dyn Sink) -> Result<()> {
        let all: Vec<(&Target, String)> = leaflets(cx.site).collect();
        if all.is_empty() {
            return Ok(());
        }
        let typesetter = Typesetter { fonts: Fonts::of(cx.theme), library: LazyHash::new(Library::builder().build()), cx };
        // Typst runs its own parallel work on the pool it is called from, so the leaflets get a
        // pool of their own, with deep stacks, rather than threads of their own.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(rayon::current_num_threads())
            .stack_size(TYPESETTING_STACK)
            .build()
            .map_err(|e| Error::Internal(format!("cannot start the threads that typeset the PDF leaflets: {e}")))?;
        pool.install(|| {
            all.par_iter().try_for_each(|(target, path)| {
                // A sink that cannot give the page back has no page to make a leaflet of.
                let Some(html) = sink.read(&output_file(&cx.site.config.base_path, &target.url)) else { return Ok(()) };
                if html.len() > MAX_PAGE_BYTES {
                    return Ok(());
                }
                match typesetter.leaflet(target, &String::from_utf8_lossy(&html), sink)? {
                    Some(pdf) => sink.write(path, &pdf),
                    None => Ok(()),
                }
            })
        })
    }

    fn refresh(&self) -> Refresh {
        // Typesetting every leaflet again after each edit would slow `serve` down: it makes
        // them with the first build only.
        Refresh::Build
    }
}

/// Each page variant that gets a leaflet, with the leaflet's output path.
fn leaflets(site: &Site) -> impl Iterator<Item = (&Target, String)> {
    site.targets.iter().filter(move |t| site.config.print.pdf && t.shows == Shows::Own).map(move |t| (t, leaflet_path(site, t)))
}

/// `help/out-of-hours/out-of-hours-easy-read-cy.pdf`: in the page's folder, named after it.
pub fn leaflet_path(site: &Site, target: &Target) -> String {
    let page_file = output_file(&site.config.base_path, &target.url);
    let folder = page_file.strip_suffix("index.html").unwrap_or_default();
    let path = &site.pages[target.page].path;
    let name = match path.rsplit('/').next().filter(|n| !n.is_empty()) {
        Some(last) => last.to_string(),
        None => home_name(site.config.title.as_deref().unwrap_or_default()),
    };
    let form = if target.form == Form::Easy { "-easy-read" } else { "" };
    format!("{folder}{name}{form}-{}.pdf", target.lang)
}

/// The home page's leaflet's name: the site's title in lower case, words joined by `-`.
fn home_name(title: &str) -> String {
    let mut name = String::new();
    for word in title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !name.is_empty() {
            name.push('-');
        }
        name.extend(word.chars().flat_map(char::to_lowercase));
    }
    if name.is_empty() { "home".into() } else { name }
}

/// What every leaflet of a build shares.
struct Typesetter<'a> {
    fonts: Fonts,
    library: LazyHash<Library>,
    cx: &'a Context<'a>,
}

impl Typesetter<'_> {
    /// The PDF of one page variant, from its written `html`, as PDF/UA-1 when Typst can vouch
    /// for it (it cannot when a character has no glyph in any font, such as an emoji), else as
    /// tagged PDF. A page whose pictures Typst cannot read is printed with their alt text
    /// instead; `None` when even that cannot be typeset (clearleaf's own mistake, then, which a
    /// note on stderr reports). A mistake in a site's print template is an input error.
    fn leaflet(&self, target: &Target, html: &str, sink: &dyn Sink) -> Result<Option<Vec<u8>>> {
        let with_pictures = |p: &str| sink.read(p).is_some();
        let typeset = |embeddable: &dyn Fn(&str) -> bool| -> Result<std::result::Result<Vec<u8>, String>> {
            let world = self.world(target, html, sink, embeddable);
            let document: PagedDocument = match typst::compile(&world).output {
                Ok(document) => document,
                Err(errors) => return typst_error(&world, self.cx.theme, &errors).map(Err),
            };
            let pdf = |standards: &[PdfStandard]| typst_pdf::pdf(&document, &self.options(target, standards));
            Ok(pdf(&[PdfStandard::Ua_1]).or_else(|_| pdf(&[])).map_err(|errors| errors.first().map(|e| e.message.to_string()).unwrap_or_default()))
        };
        let why = match typeset(&with_pictures)? {
            Ok(pdf) => return Ok(Some(pdf)),
            Err(why) => why,
        };
        match typeset(&|_| false)? {
            Ok(pdf) => Ok(Some(pdf)),
            Err(_) => {
                eprintln!("note: no PDF leaflet of {} could be typeset: {why}", target.url);
                Ok(None)
            }
        }
    }

    /// The world of one leaflet: the page's content in the print template of its form, with
    /// the pictures `embeddable` lets in.
    fn world(&self, target: &Target, html: &str, sink: &dyn Sink, embeddable: &dyn Fn(&str) -> bool) -> LeafletWorld<'_> {
        let site = self.cx.site;
        let absolute = |url: &str| Some(site.config.absolute(url)).filter(|u| u.contains("://"));
        let content = markup::content(html, &markup::Addresses { base_path: &site.config.base_path, absolute: &absolute, embeddable });
        let main = source::main_source(site, self.cx.locales, target, &content.markup);
        let templates = self.cx.theme.print.iter().map(|(name, file)| (world::template_path(name), file.bytes.clone()));
        let pictures = content.pictures.iter().filter_map(|p| Some((markup::picture_path(p), sink.read(p)?)));
        LeafletWorld::new(&self.library, &self.fonts, main, templates.chain(pictures).collect::<Vec<_>>(), site.today())
    }

    fn options(&self, target: &Target, standards: &[PdfStandard]) -> PdfOptions {
        // The leaflet is dated by its content (when it was last checked, else its `date`), not
        // by the day it is built: the same site gives the same bytes on any day.
        let front = &self.cx.site.content(target).front;
        let date = front.reviewed.or(front.date).and_then(|d| Datetime::from_ymd(i32::from(d.year()), d.month() as u8, d.day() as u8));
        PdfOptions {
            // The same page gives the same document id in every build.
            ident: Smart::Custom(target.url.clone()),
            creator: Smart::Custom(Some("clearleaf".into())),
            timestamp: date.map(Timestamp::new_utc),
            standards: PdfStandards::new(standards).unwrap_or_else(|_| PdfStandards::new(&[]).expect("no standard is always possible")),
            tagged: true,
            ..PdfOptions::default()
        }
    }
}

/// A Typst error in a theme's print template: the site's input, with the template's file and
/// line (`Err`). Anywhere else it comes from the page (a picture Typst cannot read) or from
/// clearleaf: `Ok` with what Typst said.
fn typst_error(world: &LeafletWorld<'_>, theme: &Theme, errors: &[SourceDiagnostic]) -> Result<String> {
    let Some(first) = errors.first() else { return Ok("Typst failed without saying why".into()) };
    let message = format!("the PDF leaflet could not be typeset: {}", first.message);
    let file = first.span.id().filter(|id| *id != world.main());
    let shown = file.and_then(|id| {
        let name = id.vpath().get_without_slash().strip_prefix("print/")?.to_string();
        Some((theme.print.get(&name)?.shown.clone(), id))
    });
    match shown {
        Some((shown, id)) => {
            let line = world.range(first.span).zip(world.source(id).ok()).and_then(|(range, source)| source.lines().byte_to_line(range.start)).map_or(1, |l| l + 1);
            let hints: Vec<&str> = first.hints.iter().map(|h| h.v.as_str()).collect();
            let hint = if hints.is_empty() { "Check this line of the print template, or delete the file to use the built-in one.".to_string() } else { hints.join(" ") };
            Err(Error::input(Diagnostic::new(shown, message).at_line(line).hint(hint)))
        }
        None => Ok(message),
    }
}

/// PDF-FONT-MISSING: a language whose words no font of the theme can print. Its name for
/// itself and its print strings are in its own script.
pub fn font_findings(site: &Site, theme: &Theme, locales: &Locales) -> Vec<Finding> {
    if !site.config.print.pdf {
        return Vec::new();
    }
    let fonts = Fonts::of(theme);
    let folder = format!("{THEMES_DIR}/{}/fonts/", site.config.theme);
    site.config
        .languages
        .iter()
        .filter_map(|l| {
            let sample: String = ["print-page-of", "print-other-formats-heading", "print-languages"]
                .iter()
                .filter_map(|id| locales.text_in(&l.code, id, None))
                .chain([locales.endonym(&l.code)])
                .collect::<Vec<_>>()
                .join(" ");
            let missing: String = fonts.missing_letters(&sample).into_iter().take(5).collect();
            (!missing.is_empty()).then(|| {
                Finding::new(
                    &crate::rules::PDF_FONT_MISSING,
                    crate::rules::PDF_FONT_MISSING.severity,
                    &folder,
                    format!("No font of the theme can print {} ({}): its PDF leaflets would show empty boxes for letters such as {missing}.", locales.endonym(&l.code), l.code),
                )
                .help(format!(
                    "Add a TrueType or OpenType font that covers {}'s script to {folder}, with its licence, and name it in the print templates (print/*.typ); or set `print: {{pdf: false}}` in site.yaml.",
                    l.code
                ))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use typst::layout::{Frame, FrameItem};

    /// The text Typst sets for `markup`, with the built-in fonts.
    fn typeset(markup: &str) -> String {
        let fonts = fonts::tests::builtin();
        let library = LazyHash::new(Library::builder().build());
        let world = LeafletWorld::new(&library, &fonts, markup.to_string(), Vec::new(), jiff::civil::date(2026, 11, 21));
        let document: PagedDocument = typst::compile(&world).output.unwrap_or_else(|e| panic!("{markup:?} did not compile: {e:?}"));
        fn collect(frame: &Frame, out: &mut String) {
            for (_, item) in frame.items() {
                match item {
                    FrameItem::Text(t) => out.push_str(&t.text),
                    FrameItem::Group(g) => collect(&g.frame, out),
                    _ => {}
                }
            }
        }
        let mut text = String::new();
        document.pages().iter().for_each(|p| collect(&p.frame, &mut text));
        text
    }

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape::markup_text(text, &mut out);
        out
    }

    fn without_spaces(s: &str) -> String {
        s.split_whitespace().collect()
    }

    #[test]
    fn hostile_text_is_typeset_as_it_was_written() {
        for hostile in [
            "#import \"/etc/passwd\": * #{panic()} #read(\"x\")",
            "$x^2$ *bold* _em_ `raw` <label> @ref = Heading - item + item / term: x",
            "\\ \\u{41} // comment /* block */ ] [ ) ( } { ~ -- --- ... -? 1. https://x.org",
            "#let x = 1; #x #set text(red) #show: none",
        ] {
            assert_eq!(without_spaces(&typeset(&escaped(hostile))), without_spaces(hostile), "{hostile}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn any_printable_text_is_typeset_as_it_was_written(text in "[ -~]{1,40}") {
            prop_assert_eq!(without_spaces(&typeset(&escaped(&text))), without_spaces(&text));
        }
    }

    #[test]
    fn the_home_page_is_named_after_the_site() {
        assert_eq!(home_name("Mental health equality resources"), "mental-health-equality-resources");
        assert_eq!(home_name("Mind Cymru: taflenni"), "mind-cymru-taflenni");
        assert_eq!(home_name("  "), "home");
    }
}
