//! Typesetting: each leaflet's Typst world, compiled and written as tagged PDF.

use std::collections::HashMap;
use std::sync::Mutex;

use typst::diag::SourceDiagnostic;
use typst::foundations::{Datetime, Smart};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::cache::{self, Cache, Made, Picture};
use super::fonts::Fonts;
use super::inspect::{self, Inspection};
use super::link::Facts;
use super::world::{self, LeafletWorld};
use super::{markup, qr, source};
use crate::error::{Diagnostic, Error, Result};
use crate::files::output_file;
use crate::finding::Finding;
use crate::i18n::Locales;
use crate::output::Sink;
use crate::output::artefacts::Context;
use crate::rules;
use crate::site::{Site, Target};
use crate::templates::{THEMES_DIR, Theme};
use crate::variant::Form;

/// The largest page, as written, that is typeset: a safety net behind the limit on the page's
/// markdown in `crate::leaflet`, which decides which pages get a leaflet and a link to one.
const MAX_PAGE_BYTES: usize = 256 << 10;

/// The stack of each thread that typesets leaflets: Typst's layout recurses deeply on long
/// pages, and overflowed the 16 MiB of the rendering threads on a list of 10,000 pages. Only
/// the part used is ever taken from memory.
const TYPESETTING_STACK: usize = 256 << 20;

/// Typesets the leaflets of `all` and writes them to `sink` next to their pages. Gives what
/// each one it made is like, by path, and what the checks found in them. Those in `cx`'s
/// cache are taken from it.
pub(super) fn write_all(cx: &Context<'_>, sink: &dyn Sink, all: &[(&Target, String)]) -> Result<(HashMap<String, Facts>, Vec<Finding>)> {
    let typesetter = Typesetter::new(cx);
    let typeset = each_on_the_typesetting_pool(all, |(target, path)| {
        // A sink that cannot give the page back has no page to make a leaflet of.
        let Some(html) = sink.read(&output_file(&cx.site.config.base_path, &target.url)) else { return Ok(None) };
        if html.len() > MAX_PAGE_BYTES {
            return Ok(None);
        }
        let typeset = typesetter.leaflet(target, &String::from_utf8_lossy(&html), sink)?;
        typesetter.forget_now_and_then();
        // Only what the checks and the link need is kept: not the PDF.
        let (pdf, written) = typeset.written();
        if let Some(pdf) = pdf {
            sink.write(path, &pdf)?;
        }
        Ok(Some((*target, path, written)))
    })?;
    if let Some(cache) = &typesetter.cache {
        cache.prune();
    }
    let typeset: Vec<_> = typeset.into_iter().flatten().collect();
    let mut findings = Vec::new();
    for (target, _, leaflet) in &typeset {
        findings.extend(page_findings(cx.site, target, leaflet));
    }
    findings.extend(font_size_finding(cx, &typeset));
    let facts = typeset.into_iter().filter_map(|(_, path, t)| t.made.map(|(facts, _)| (path.clone(), facts))).collect();
    Ok((facts, findings))
}

/// The leaflet of `target` at `path` alone (for `serve`, which makes each when it is asked
/// for): its PDF, from the cache when it is there, and the checks' findings about it, each
/// about the page. Nothing else in the cache is touched.
pub(super) fn one(cx: &Context<'_>, sink: &dyn Sink, target: &Target, path: &String) -> Result<(Option<Vec<u8>>, Vec<Finding>)> {
    let Some(html) = sink.read(&output_file(&cx.site.config.base_path, &target.url)) else { return Ok((None, Vec::new())) };
    let typesetter = Typesetter::new(cx);
    // The serving thread's stack is too small for Typst's layout of a long page.
    let typeset = typesetting_pool(1)?.install(|| typesetter.leaflet(target, &String::from_utf8_lossy(&html), sink))?;
    typst::comemo::evict(FORGET_AFTER);
    let (pdf, written) = typeset.written();
    let mut findings = page_findings(cx.site, target, &written);
    let typeset = [(target, path, written)];
    findings.extend(font_size_finding(cx, &typeset).map(|f| f.page(&target.url, &target.lang, target.form)));
    Ok((pdf, findings))
}

/// `typeset` of each of `all`, in order, on the threads of [`typesetting_pool`], handed to it
/// from outside one per thread at a time (see [`crate::threads`]: Typst waits for its deferred
/// work by running other work of its pool). Stops at the first error.
fn each_on_the_typesetting_pool<'a, T: Sync, U: Send>(all: &'a [T], typeset: impl Fn(&'a T) -> Result<U> + Sync) -> Result<Vec<U>> {
    let threads = rayon::current_num_threads();
    let pool = typesetting_pool(threads)?;
    // The pool's threads do the typesetting: those handing it out need little stack.
    crate::threads::each(all, threads, 1 << 20, |item| pool.install(|| typeset(item)))
}

/// Threads to typeset leaflets on, with deep stacks. Typst runs its own parallel work on the
/// pool it is called from, so the leaflets get a pool of their own rather than threads of their
/// own.
fn typesetting_pool(threads: usize) -> Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new().num_threads(threads).stack_size(TYPESETTING_STACK).build().map_err(|e| Error::Internal(format!("cannot start the threads that typeset the PDF leaflets: {e}")))
}

/// Typesetting calls under way that catch Typst's panics (see [`caught_typst_panic`]).
static CATCHING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// `f`'s result, or `Err` if Typst panicked in it. Such a panic is reported as a note about the
/// leaflet, so its message and backtrace are kept off stderr: a panic hook, put in front of the
/// one there was, stays quiet for panics raised in Typst's crates (on any of the pool's threads)
/// while a call is under way, and passes every other panic on.
fn caught_typst_panic<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    use std::sync::atomic::Ordering;
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_typst = info.location().is_some_and(|l| l.file().contains("/typst-") || l.file().contains("/krilla-"));
            if !(in_typst && CATCHING.load(Ordering::SeqCst) > 0) {
                previous(info);
            }
        }));
    });
    CATCHING.fetch_add(1, Ordering::SeqCst);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    CATCHING.fetch_sub(1, Ordering::SeqCst);
    result
}

/// One leaflet as typeset: the leaflet (when it could be made), and the pictures it had to
/// print as their alt text, with why.
struct Typeset {
    made: Option<Made>,
    unprintable: Vec<(String, String)>,
}

/// One leaflet once written: what its link says and what the checks read from it.
struct Written {
    made: Option<(Facts, Inspection)>,
    unprintable: Vec<(String, String)>,
}

impl Typeset {
    /// The PDF to write, apart from what is kept of the leaflet once it is written.
    fn written(self) -> (Option<Vec<u8>>, Written) {
        let Some(made) = self.made else { return (None, Written { made: None, unprintable: self.unprintable }) };
        let facts = Facts { pages: made.pages, bytes: made.pdf.len() };
        (Some(made.pdf), Written { made: Some((facts, made.inspection)), unprintable: self.unprintable })
    }
}

/// How often Typst's memo cache is cleared, and of what: results unused for this many
/// clearings (see [`Typesetter::forget_now_and_then`]).
const FORGET_EVERY: usize = 32;
const FORGET_AFTER: usize = 3;

/// The smallest text Easy read guidance allows in print.
const EASY_READ_MIN_PT: f64 = 14.0;

/// PDF-IMAGE and PDF-OVERFLOW for one page's leaflet, at the line of the page they are about.
fn page_findings(site: &Site, target: &Target, leaflet: &Written) -> Vec<Finding> {
    let variant = site.content(target);
    let at = |rule: &'static crate::rules::Rule, line: Option<usize>, message: String| {
        Finding::new(rule, rule.severity, &variant.file, message).maybe_line(line).page(&target.url, &target.lang, target.form)
    };
    let mut findings: Vec<Finding> = leaflet
        .unprintable
        .iter()
        .map(|(picture, why)| {
            let name = picture.rsplit('/').next().unwrap_or(picture);
            at(&rules::PDF_IMAGE, line_of(&variant.text, name), format!("The picture {name} cannot be printed in this page's PDF leaflet ({why}), so the leaflet shows its alt text instead."))
                .help("Save the picture again as PNG or SVG, and link to the new file.")
        })
        .collect();
    if let Some(words) = leaflet.made.as_ref().and_then(|(_, inspection)| inspection.overflow.as_deref()) {
        let words = words.trim();
        findings.push(
            at(&rules::PDF_OVERFLOW, line_of(&variant.text, words), format!("“{words}” runs off the edge of the printed page in this page's PDF leaflet, so part of it is cut off."))
                .help("Make it narrower: give the table fewer columns (split it, or turn it into a list), or break the long word or address."),
        );
    }
    findings
}

/// PDF-FONT-SIZE, once for the Easy read print template, when one of its leaflets has text
/// under 14 pt: the smallest, and a page that has it.
fn font_size_finding(cx: &Context<'_>, typeset: &[(&Target, &String, Written)]) -> Option<Finding> {
    let (target, smallest) = typeset
        .iter()
        .filter(|(t, _, _)| t.form == Form::Easy)
        .filter_map(|(t, _, l)| Some((*t, l.made.as_ref()?.1.smallest_pt?)))
        .filter(|(_, pt)| *pt < EASY_READ_MIN_PT)
        .min_by(|a, b| a.1.total_cmp(&b.1))?;
    let template = cx.theme.print.get(source::template_name(Form::Easy)).map_or_else(|| "print/easy-read.typ".to_string(), |f| f.shown.clone());
    Some(
        Finding::new(
            &rules::PDF_FONT_SIZE,
            rules::PDF_FONT_SIZE.severity,
            template,
            format!("The Easy read PDF leaflets have text of {smallest:.1} pt, under the {EASY_READ_MIN_PT} pt that Easy read print needs (for example, the leaflet of {}).", target.url),
        )
        .help("Make the text at least 16 pt in the print template (`set text(size: 16pt)`), or delete your print template to use the built-in one."),
    )
}

/// The line of `text` that holds `words` (or, failing that, their first long word).
fn line_of(text: &str, words: &str) -> Option<usize> {
    let found = Some(words).filter(|w| !w.is_empty()).and_then(|w| text.find(w)).or_else(|| words.split_whitespace().find(|w| w.chars().count() >= 4).and_then(|w| text.find(w)))?;
    Some(text[..found].matches('\n').count() + 1)
}

/// What the leaflets need to know of a picture.
#[derive(Clone)]
struct PictureFacts {
    hash: String,
    /// Why Typst cannot print it, if it cannot.
    unprintable: Option<String>,
}

/// The part of a written page a leaflet is made from, and all that follows it: from the
/// content area that [`markup::content`] reads (`data-pagefind-body`, else `<main>`, whichever
/// comes first) to the end. The whole page when it has no `<main>`, as markup then falls back to
/// `<body>`. The words "data-pagefind-body" typed in the page's text only make it start sooner.
fn content_area(html: &str) -> &str {
    let Some(main) = html.find("<main") else { return html };
    let marked = html.find("data-pagefind-body").and_then(|at| html[..at].rfind('<')).unwrap_or(main);
    &html[main.min(marked)..]
}

/// What every leaflet of a build shares.
struct Typesetter<'a> {
    fonts: Fonts,
    /// The hash of the fonts' and print templates' files, part of every leaflet's cache key.
    shared_key: String,
    /// Whether a print template asks for the day of the build (then part of the key).
    dated: bool,
    cache: Option<Cache>,
    /// The pictures leaflets asked for so far, by output path.
    pictures: Mutex<HashMap<String, Option<PictureFacts>>>,
    /// Leaflets typeset so far, for [`Typesetter::forget_now_and_then`].
    done: std::sync::atomic::AtomicUsize,
    library: LazyHash<Library>,
    cx: &'a Context<'a>,
}

impl<'a> Typesetter<'a> {
    fn new(cx: &'a Context<'a>) -> Self {
        let files = cx.theme.fonts.iter().map(|f| (b"fonts/", f)).chain(cx.theme.print.iter().map(|f| (b"print/", f)));
        let shared_key = cache::key(files.flat_map(|(folder, (name, file))| [folder.as_slice(), name.as_bytes(), file.bytes.as_slice()]));
        let dated = cx.theme.print.values().any(|f| f.bytes.windows(5).any(|w| w == b"today"));
        Typesetter {
            fonts: Fonts::of(cx.theme),
            shared_key,
            dated,
            cache: cx.pdf_cache.map(Cache::new),
            pictures: Mutex::default(),
            done: Default::default(),
            library: LazyHash::new(Library::builder().build()),
            cx,
        }
    }

    /// Typst memoises what it computes in a cache of the whole process, which only grows: a
    /// 1,000-leaflet corpus took 8 GiB, and 150 leaflets 1.5 GiB where 0.95 GiB do with this.
    /// Every [`FORGET_EVERY`] leaflets, what no leaflet used since the last few times is
    /// dropped; what every leaflet uses (the fonts, the templates) stays.
    fn forget_now_and_then(&self) {
        if self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % FORGET_EVERY == FORGET_EVERY - 1 {
            typst::comemo::evict(FORGET_AFTER);
        }
    }

    /// The PDF of one page variant, from its written `html`, as PDF/UA-1 when Typst can vouch
    /// for it (it cannot when a character has no glyph in any font, such as an emoji), else as
    /// tagged PDF. A page whose pictures Typst cannot read is printed with their alt text
    /// instead; `None` when even that cannot be typeset (clearleaf's own mistake, then, which a
    /// note on stderr reports). A mistake in a site's print template is an input error.
    fn leaflet(&self, target: &Target, html: &str, sink: &dyn Sink) -> Result<Typeset> {
        let key = self.key(target, html);
        let hash_now = |path: &str| self.picture(path, sink).map(|p| p.hash);
        if let Some(kept) = self.cache.as_ref().and_then(|c| c.get(&key, hash_now)) {
            return Ok(Typeset { unprintable: self.unprintable(&kept.pictures, sink), made: Some(kept.made) });
        }
        // Every picture the page asks for, as it is now: part of the cache entry.
        let asked = std::cell::RefCell::new(Vec::new());
        let printable = |path: &str| {
            let picture = self.picture(path, sink);
            let printable = picture.as_ref().is_some_and(|p| p.unprintable.is_none());
            asked.borrow_mut().push((path.to_string(), picture.map(|p| p.hash)));
            printable
        };
        let world = self.world(target, html, sink, &printable);
        let pictures = asked.into_inner();
        let unprintable = self.unprintable(&pictures, sink);
        let made = match self.typeset(target, &world)? {
            Ok(made) => made,
            Err(why) => match self.typeset(target, &self.world(target, html, sink, &|_| false))? {
                Ok(made) => made,
                Err(_) => {
                    eprintln!("note: no PDF leaflet of {} could be typeset: {why}", target.url);
                    return Ok(Typeset { made: None, unprintable });
                }
            },
        };
        if let Some(cache) = &self.cache {
            cache.put(&key, &made, &pictures);
        }
        Ok(Typeset { made: Some(made), unprintable })
    }

    /// The leaflet of `world`, or why Typst could not make it.
    fn typeset(&self, target: &Target, world: &LeafletWorld<'_>) -> Result<std::result::Result<Made, String>> {
        // Typst panics on some text (a combining accent after `}` once, in its shaping): that is
        // its fault, not the site's, and the page is then left without a leaflet like any other
        // that cannot be typeset, rather than the whole build stopping.
        let compiled = caught_typst_panic(|| typst::compile(world).output);
        let document: PagedDocument = match compiled {
            Ok(Ok(document)) => document,
            Ok(Err(errors)) => return typst_error(world, self.cx.theme, &errors).map(Err),
            Err(_) => return Ok(Err("Typst stopped on a fault of its own".to_string())),
        };
        let pdf = |standards: &[PdfStandard]| typst_pdf::pdf(&document, &self.options(target, standards));
        // The export (typst-pdf and krilla) is caught as the layout is.
        let Ok(exported) = caught_typst_panic(|| pdf(&[PdfStandard::Ua_1]).or_else(|_| pdf(&[]))) else {
            return Ok(Err("Typst's PDF export stopped on a fault of its own".to_string()));
        };
        Ok(exported.map(|pdf| Made { pdf, pages: document.pages().len(), inspection: inspect::inspect(&document) }).map_err(|errors| errors.first().map(|e| e.message.to_string()).unwrap_or_default()))
    }

    /// The pictures of `asked` that cannot be printed, with why, in the order the page shows them.
    fn unprintable(&self, asked: &[Picture], sink: &dyn Sink) -> Vec<(String, String)> {
        asked.iter().filter_map(|(path, _)| Some((path.clone(), self.picture(path, sink)?.unprintable?))).collect()
    }

    /// The picture at the output path `path` (`None` if there is no such file), read once in a
    /// build however many leaflets show it.
    fn picture(&self, path: &str, sink: &dyn Sink) -> Option<PictureFacts> {
        if let Some(known) = self.pictures.lock().unwrap_or_else(|e| e.into_inner()).get(path) {
            return known.clone();
        }
        let facts = sink.read(path).map(|bytes| PictureFacts { hash: cache::key([bytes.as_slice()]), unprintable: inspect::unprintable(&bytes) });
        self.pictures.lock().unwrap_or_else(|e| e.into_inner()).insert(path.to_string(), facts.clone());
        facts
    }

    /// The leaflet's cache key, from everything it is made of but its pictures (which the
    /// cache entry lists), without reading the page as a tree: the page as written from its
    /// content area on (see [`content_area`]), and the leaflet's source with no content.
    fn key(&self, target: &Target, html: &str) -> String {
        let site = self.cx.site;
        let web = site.config.absolute(&target.url);
        let around = source::main_source(site, self.cx.locales, target, "", web.contains("://"));
        // The day of the build changes a leaflet only through a template that asks for it.
        let today = if self.dated { site.today().to_string() } else { String::new() };
        let date = self.date(target).map(|d| d.to_string()).unwrap_or_default();
        let parts = [self.shared_key.as_str(), &around, &site.config.base_path, &target.url, &date, &today, content_area(html)];
        cache::key(parts.iter().map(|p| p.as_bytes()))
    }

    /// The world of one leaflet: the page's content in the print template of its form, with
    /// the pictures `embeddable` lets in.
    fn world(&self, target: &Target, html: &str, sink: &dyn Sink, embeddable: &dyn Fn(&str) -> bool) -> LeafletWorld<'_> {
        let site = self.cx.site;
        let absolute = |url: &str| Some(site.config.absolute(url)).filter(|u| u.contains("://"));
        let content = markup::content(html, &markup::Addresses { base_path: &site.config.base_path, absolute: &absolute, embeddable });
        let web = site.config.absolute(&target.url);
        let qr = web.contains("://").then(|| qr::svg(&web)).flatten();
        let main = source::main_source(site, self.cx.locales, target, &content.markup, qr.is_some());
        let templates = self.cx.theme.print.iter().map(|(name, file)| (world::template_path(name), file.bytes.clone()));
        let pictures = content.pictures.iter().filter_map(|p| Some((markup::picture_path(p), sink.read(p)?)));
        let files: Vec<(String, Vec<u8>)> = templates.chain(pictures).chain(qr.map(|svg| (qr::PATH.to_string(), svg))).collect();
        LeafletWorld::new(&self.library, &self.fonts, main, files, site.today())
    }

    /// The day a leaflet is dated by: its content's, when it was last checked, else its `date`;
    /// not the day it is built, so that the same site gives the same bytes on any day.
    fn date(&self, target: &Target) -> Option<jiff::civil::Date> {
        let front = &self.cx.site.content(target).front;
        front.reviewed.or(front.date)
    }

    fn options(&self, target: &Target, standards: &[PdfStandard]) -> PdfOptions {
        let date = self.date(target).and_then(|d| Datetime::from_ymd(i32::from(d.year()), d.month() as u8, d.day() as u8));
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
        let fonts = super::super::fonts::tests::builtin();
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
        super::super::escape::markup_text(text, &mut out);
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

    #[test]
    fn the_key_reads_the_page_from_its_content_area_on() {
        let nav = "<html><body><nav>Home · Help</nav>";
        assert_eq!(
            content_area(&format!("{nav}<main><div data-pagefind-body><p>Call 111.</p></div></main><footer>f</footer>")),
            "<main><div data-pagefind-body><p>Call 111.</p></div></main><footer>f</footer>"
        );
        // A theme that marks an area before <main>, and an editor who types the attribute's name.
        assert_eq!(content_area(&format!("{nav}<div data-pagefind-body><main><p>data-pagefind-body</p></main></div>")), "<div data-pagefind-body><main><p>data-pagefind-body</p></main></div>");
        // Without <main> the leaflet may show the whole body.
        assert_eq!(content_area("<body><p>Words</p></body>"), "<body><p>Words</p></body>");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn any_printable_text_is_typeset_as_it_was_written(text in "[ -~]{1,40}") {
            prop_assert_eq!(without_spaces(&typeset(&escaped(&text))), without_spaces(&text));
        }
    }
}
