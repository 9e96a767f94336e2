//! `pagefind/`: the search index, built in-process with the pagefind crate from the pages this
//! build wrote. Pagefind makes one index per `<html lang>`, and the built-in theme marks what is
//! indexed (`data-pagefind-body` on the main content) and each page's form (a `form` filter).
//! Off with `search: false` in site.yaml.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::{Artefact, Context, Refresh};
use crate::error::{Error, Result};
use crate::files::output_file;
use crate::finding::Finding;
use crate::output::Sink;
use crate::site::{Shows, Site, Target};

/// The folder of the index in the output.
pub const DIR: &str = "pagefind";

/// Files Pagefind always writes, whatever the pages, that the search page uses: the rest are
/// named by their content's hash, which is not known before the pages are written.
const FIXED: &[&str] = &["pagefind.js", "pagefind-entry.json", "pagefind-worker.js"];

/// Whether the search page uses Pagefind's file `name`. Pagefind also writes its own search
/// interfaces (`pagefind-ui.js`, `pagefind-modular-ui.js`, `pagefind-component-ui.js`, their
/// stylesheets) and `pagefind-highlight.js`, about 250 KiB of script that the theme's search
/// page (`theme/search.js`, which imports `pagefind.js`) never loads: they are not published.
fn used(name: &str) -> bool {
    !name.starts_with("pagefind-") || FIXED.contains(&name)
}

/// Pagefind's list of the languages and their indexes.
const ENTRY: &str = "pagefind-entry.json";

/// Files of an index: path inside [`DIR`] and bytes.
type Files = Vec<(String, Vec<u8>)>;
/// Pages for Pagefind: address and HTML.
type Pages = Vec<(String, String)>;

/// The search index.
pub struct SearchIndex;

impl Artefact for SearchIndex {
    fn paths(&self, cx: &Context<'_>) -> Vec<String> {
        if cx.site.config.search { FIXED.iter().map(|f| format!("{DIR}/{f}")).collect() } else { Vec::new() }
    }

    fn write(&self, cx: &Context<'_>, sink: &dyn Sink) -> Result<Vec<Finding>> {
        if !cx.site.config.search {
            return Ok(Vec::new());
        }
        // One Pagefind index per language, made in parallel and merged: Pagefind's library
        // takes one page at a time and compresses every file on one thread, and a language's
        // index depends on its own pages only.
        let site = cx.site;
        let mut by_lang: BTreeMap<&str, Vec<&Target>> = BTreeMap::new();
        for t in site.targets.iter().filter(|t| t.shows == Shows::Own) {
            by_lang.entry(t.lang.as_str()).or_default().push(t);
        }
        // Each language is handed out from threads outside the rendering pool (see
        // `crate::threads`), as many as the pool has: its pages are read back on the pool, and a
        // pool thread waiting for them could take up another language's index and start a
        // second async runtime inside the first. The threads' stacks are the pool's, for
        // Pagefind reading the deepest page the limits allow.
        let languages: Vec<Vec<&Target>> = by_lang.into_values().collect();
        let indexes = crate::threads::each(&languages, rayon::current_num_threads(), crate::limits::STACK_SIZE, |pages| index_files(pages_written(site, sink, pages)))?;
        // A sink that cannot give the pages back writes no index, rather than one of no pages.
        let Some(indexes) = indexes.into_iter().collect::<Option<Vec<_>>>() else { return Ok(Vec::new()) };
        for (rel, bytes) in merge(indexes)?.into_iter().filter(|(rel, _)| used(rel)) {
            sink.write(&format!("{DIR}/{rel}"), &bytes)?;
        }
        Ok(Vec::new())
    }

    fn refresh(&self) -> Refresh {
        // It depends on every page's text.
        Refresh::SiteWide
    }
}

/// How many pages are read back and prepared at once (in parallel) for Pagefind, which takes
/// them one at a time: a large site's pages are never all in memory together.
const BATCH: usize = 512;

/// `pages` as written: `(url, html)`, in batches made as they are asked for; a batch is `None` if
/// the sink cannot give its pages back.
fn pages_written<'a>(site: &'a Site, sink: &'a dyn Sink, pages: &[&'a Target]) -> impl Iterator<Item = Option<Pages>> + 'a {
    let batches: Vec<Vec<&Target>> = pages.chunks(BATCH).map(<[_]>::to_vec).collect();
    batches.into_iter().map(move |batch| {
        batch
            .par_iter()
            .map(|t| {
                let html = sink.read(&output_file(&site.config.base_path, &t.url))?;
                Some((t.url.clone(), indexable(&String::from_utf8_lossy(&html))))
            })
            .collect()
    })
}

/// The files of several indexes as those of one: each language's files are its own, the
/// script and worker are the same in all, and the entry file lists every language.
fn merge(indexes: Vec<Files>) -> Result<Files> {
    let bad = |e: serde_json::Error| Error::Internal(format!("Pagefind wrote an entry file clearleaf cannot read: {e}"));
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let (mut entry, mut languages) = (None, serde_json::Map::new());
    for (name, bytes) in indexes.into_iter().flatten() {
        if name != ENTRY {
            files.insert(name, bytes);
            continue;
        }
        let mut this: serde_json::Value = serde_json::from_slice(&bytes).map_err(bad)?;
        if let Some(these) = this.get_mut("languages").and_then(serde_json::Value::as_object_mut) {
            languages.append(these);
        }
        entry = Some(this);
    }
    if let Some(mut entry) = entry {
        entry["languages"] = serde_json::Value::Object(languages);
        files.insert(ENTRY.to_string(), serde_json::to_vec(&entry).map_err(bad)?);
    }
    Ok(files.into_iter().collect())
}

/// What Pagefind is given of a page: the part it indexes (`data-pagefind-body`) in a document
/// of the page's language, with every end tag written out. Pagefind reads HTML as a stream of
/// tags (lol_html) and sees an element end only at its end tag. The minifier leaves out `</p>`,
/// so a `<p data-pagefind-ignore>` would never end, and the rest of the page would be ignored
/// with it: parsed and written again as a browser would, the part has every end tag. Leaving
/// out the header, menus and footer, which Pagefind would only skip, saves it reading them.
fn indexable(html: &str) -> String {
    static BODY: std::sync::LazyLock<scraper::Selector> = std::sync::LazyLock::new(|| scraper::Selector::parse("[data-pagefind-body]").expect("a valid selector"));
    let doc = scraper::Html::parse_document(html);
    let Some(body) = doc.select(&BODY).next() else { return doc.html() };
    let lang = doc.root_element().attr("lang").unwrap_or_default();
    let mut out = String::with_capacity(html.len() / 2);
    out.push_str("<!DOCTYPE html><html lang=\"");
    crate::markdown::escape_attr(lang, &mut out);
    out.push_str("\"><head></head><body>");
    out.push_str(&body.html());
    out.push_str("</body></html>");
    out
}

/// Without the `search` feature there is no index: `search` is then off in every site.
#[cfg(not(feature = "search"))]
fn index_files(_: impl Iterator<Item = Option<Pages>>) -> Result<Option<Files>> {
    Ok(None)
}

/// Pagefind's files for the pages of `batches`, by path inside [`DIR`], sorted so that they are
/// written in the same order on every build; `None` if a batch is.
#[cfg(feature = "search")]
fn index_files(batches: impl Iterator<Item = Option<Pages>>) -> Result<Option<Files>> {
    let failed = |e: anyhow::Error| Error::Internal(format!("the search index could not be built: {e:#}"));
    // Pagefind is async: one small runtime for the index, on this thread.
    let runtime = tokio::runtime::Builder::new_current_thread().build().map_err(|e| Error::Internal(format!("cannot start the search indexer: {e}")))?;
    let files = runtime.block_on(async {
        let mut index = pagefind::api::PagefindIndex::new(None).map_err(failed)?;
        for batch in batches {
            let Some(pages) = batch else { return Ok(None) };
            for (url, html) in pages {
                index.add_html_file(None, Some(url), html).await.map_err(failed)?;
            }
        }
        index.get_files().await.map(Some).map_err(failed)
    })?;
    let Some(files) = files else { return Ok(None) };
    let mut files: Files = files.into_iter().map(|f| (f.filename.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/"), f.contents)).collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Some(files))
}

/// The text of every page in an index's files (each fragment is gzipped JSON after Pagefind's
/// marker), for tests.
#[cfg(all(test, feature = "search"))]
pub(crate) fn indexed_texts<'a>(files: impl Iterator<Item = (&'a str, &'a [u8])>) -> Vec<String> {
    use std::io::Read;
    files
        .filter(|(name, _)| name.contains("fragment/"))
        .map(|(_, gz)| {
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(gz).read_to_end(&mut bytes).unwrap();
            let json: serde_json::Value = serde_json::from_slice(bytes.strip_prefix(b"pagefind_dcd").unwrap()).unwrap();
            json["content"].as_str().unwrap().to_string()
        })
        .collect()
}

#[cfg(all(test, feature = "search"))]
mod tests {
    use super::*;

    /// Pagefind's files for `pages`, in one batch.
    fn index(pages: Pages) -> Files {
        index_files(std::iter::once(Some(pages))).unwrap().expect("the pages")
    }

    fn page(lang: &str, form: &str, text: &str) -> String {
        format!("<!DOCTYPE html><html lang={lang}><body><nav>Menu words</nav><main data-pagefind-body data-pagefind-filter=\"form:{form}\"><h1>{text}</h1><p>{text}</p></main></body></html>")
    }

    fn entry(files: &[(String, Vec<u8>)]) -> serde_json::Value {
        let (_, json) = files.iter().find(|(name, _)| name == "pagefind-entry.json").expect("an entry file");
        serde_json::from_slice(json).unwrap()
    }

    #[test]
    fn one_index_per_language_with_its_pages() {
        let files = index(vec![
            ("/".into(), page("en", "standard", "Call the help line")),
            ("/easy-read/".into(), page("en", "easy", "Phone us")),
            ("/cy/".into(), page("cy", "standard", "Ffoniwch y llinell gymorth")),
        ]);
        let languages = &entry(&files)["languages"];
        assert_eq!(languages["en"]["page_count"], 2);
        assert_eq!(languages["cy"]["page_count"], 1);
        assert!(languages.get("ur").is_none());
        assert!(files.iter().any(|(name, _)| name.starts_with("filter/")), "no filter index for the form: {:?}", files.iter().map(|f| &f.0).collect::<Vec<_>>());
        for f in FIXED {
            assert!(files.iter().any(|(name, _)| name == f), "Pagefind did not write {f}, which `paths` promises");
        }
        // Its own interfaces are left out; the index, its entry, script, worker and WebAssembly stay.
        let published: Vec<&str> = files.iter().map(|f| f.0.as_str()).filter(|n| used(n)).collect();
        assert!(files.iter().any(|f| f.0 == "pagefind-ui.js") && !published.contains(&"pagefind-ui.js"));
        assert!(!published.iter().any(|n| n.ends_with(".css") || n.contains("-ui") || n.contains("highlight")), "{published:?}");
        for part in ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.en.pagefind", "fragment/", "index/", "filter/", "pagefind.en_"] {
            assert!(published.iter().any(|n| n.starts_with(part)), "{part} is not published: {published:?}");
        }
    }

    /// The text Pagefind indexed for the one page of `files`.
    fn indexed_text(files: &[(String, Vec<u8>)]) -> String {
        indexed_texts(files.iter().map(|(n, b)| (n.as_str(), b.as_slice()))).concat()
    }

    #[test]
    fn an_ignored_paragraph_without_its_end_tag_ignores_only_itself() {
        let minified = "<!DOCTYPE html><html lang=en><body><main data-pagefind-body><h1>Help</h1><p data-pagefind-ignore><a href=/easy-read/>Easy read</a><div><p>Call the lighthouse line</div></main></body></html>";
        let text = indexed_text(&index(vec![("/".into(), indexable(minified))]));
        assert!(text.contains("lighthouse") && !text.contains("Easy read"), "{text}");
        // Why the end tags are added: without them the ignored paragraph never ends, and
        // Pagefind ignores the rest of the page with it.
        assert!(!indexed_text(&index(vec![("/".into(), minified.to_string())])).contains("lighthouse"));
    }

    #[test]
    fn indexes_made_apart_merge_into_one_entry() {
        let en = index(vec![("/".into(), page("en", "standard", "Call the help line"))]);
        let cy = index(vec![("/cy/".into(), page("cy", "standard", "Ffoniwch y llinell gymorth"))]);
        let together = index(vec![("/".into(), page("en", "standard", "Call the help line")), ("/cy/".into(), page("cy", "standard", "Ffoniwch y llinell gymorth"))]);
        let merged = merge(vec![en, cy]).unwrap();
        // The same files as one index of both languages, and the same entry.
        assert_eq!(merged.iter().map(|f| &f.0).collect::<Vec<_>>(), together.iter().map(|f| &f.0).collect::<Vec<_>>());
        assert_eq!(entry(&merged), entry(&together));
    }

    #[test]
    fn the_same_pages_give_the_same_bytes() {
        let pages = || vec![("/".into(), page("en", "standard", "Call the help line")), ("/ur/".into(), page("ur", "standard", "ہیلپ لائن پر کال کریں"))];
        assert_eq!(index(pages()), index(pages()));
        // A batch the sink could not give back: no index at all.
        assert!(index_files([Some(pages()), None].into_iter()).unwrap().is_none());
    }
}
