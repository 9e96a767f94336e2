//! `pagefind/`: the search index, built in-process with the pagefind crate from the pages this
//! build wrote. Pagefind makes one index per `<html lang>`, and the built-in theme marks what is
//! indexed (`data-pagefind-body` on the main content) and each page's form (a `form` filter).
//! Off with `search: false` in site.yaml.

use rayon::prelude::*;

use super::{Artefact, Context, Refresh};
use crate::error::{Error, Result};
use crate::files::output_file;
use crate::output::Sink;
use crate::site::{Shows, Site};

/// The folder of the index in the output.
pub const DIR: &str = "pagefind";

/// Files Pagefind always writes, whatever the pages: the rest are named by their content's hash,
/// which is not known before the pages are written.
const FIXED: &[&str] = &["pagefind.js", "pagefind-entry.json", "pagefind-worker.js", "pagefind-highlight.js", "pagefind-ui.js", "pagefind-ui.css"];

/// The search index.
pub struct SearchIndex;

impl Artefact for SearchIndex {
    fn paths(&self, cx: &Context<'_>) -> Vec<String> {
        if cx.site.config.search { FIXED.iter().map(|f| format!("{DIR}/{f}")).collect() } else { Vec::new() }
    }

    fn write(&self, cx: &Context<'_>, sink: &dyn Sink) -> Result<()> {
        if !cx.site.config.search {
            return Ok(());
        }
        // A sink that cannot give the pages back writes no index, rather than one of no pages.
        let Some(pages) = pages_written(cx.site, sink) else { return Ok(()) };
        for (rel, bytes) in index_files(pages)? {
            sink.write(&format!("{DIR}/{rel}"), &bytes)?;
        }
        Ok(())
    }

    fn refresh(&self) -> Refresh {
        // It depends on every page's text.
        Refresh::SiteWide
    }
}

/// Every page that shows its own content, as written: `(url, html)`. A fallback page shows
/// another language's text, which that language's index already has.
fn pages_written(site: &Site, sink: &dyn Sink) -> Option<Vec<(String, String)>> {
    let own: Vec<_> = site.targets.iter().filter(|t| t.shows == Shows::Own).collect();
    own.par_iter()
        .map(|t| {
            let html = sink.read(&output_file(&site.config.base_path, &t.url))?;
            Some((t.url.clone(), with_end_tags(&String::from_utf8_lossy(&html))))
        })
        .collect()
}

/// The page with every end tag written out. Pagefind reads HTML as a stream of tags
/// (lol_html) and sees an element end only at its end tag. The minifier leaves out `</p>`, so
/// a `<p data-pagefind-ignore>` would never end, and the rest of the page would be ignored with
/// it. Parsed and written again as a browser would, the page has every end tag.
fn with_end_tags(html: &str) -> String {
    scraper::Html::parse_document(html).html()
}

/// Pagefind's files for these pages, by path inside [`DIR`], sorted so that they are written in
/// the same order on every build.
fn index_files(pages: Vec<(String, String)>) -> Result<Vec<(String, Vec<u8>)>> {
    let failed = |e: anyhow::Error| Error::Internal(format!("the search index could not be built: {e:#}"));
    // Pagefind is async: one small runtime for the index, on this thread.
    let runtime = tokio::runtime::Builder::new_current_thread().build().map_err(|e| Error::Internal(format!("cannot start the search indexer: {e}")))?;
    let files = runtime.block_on(async {
        let mut index = pagefind::api::PagefindIndex::new(None).map_err(failed)?;
        for (url, html) in pages {
            index.add_html_file(None, Some(url), html).await.map_err(failed)?;
        }
        index.get_files().await.map_err(failed)
    })?;
    let mut files: Vec<(String, Vec<u8>)> =
        files.into_iter().map(|f| (f.filename.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/"), f.contents)).collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// The text of every page in an index's files (each fragment is gzipped JSON after Pagefind's
/// marker), for tests.
#[cfg(test)]
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

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lang: &str, form: &str, text: &str) -> String {
        format!("<!DOCTYPE html><html lang={lang}><body><nav>Menu words</nav><main data-pagefind-body data-pagefind-filter=\"form:{form}\"><h1>{text}</h1><p>{text}</p></main></body></html>")
    }

    fn entry(files: &[(String, Vec<u8>)]) -> serde_json::Value {
        let (_, json) = files.iter().find(|(name, _)| name == "pagefind-entry.json").expect("an entry file");
        serde_json::from_slice(json).unwrap()
    }

    #[test]
    fn one_index_per_language_with_its_pages() {
        let files = index_files(vec![
            ("/".into(), page("en", "standard", "Call the help line")),
            ("/easy-read/".into(), page("en", "easy", "Phone us")),
            ("/cy/".into(), page("cy", "standard", "Ffoniwch y llinell gymorth")),
        ])
        .unwrap();
        let languages = &entry(&files)["languages"];
        assert_eq!(languages["en"]["page_count"], 2);
        assert_eq!(languages["cy"]["page_count"], 1);
        assert!(languages.get("ur").is_none());
        assert!(files.iter().any(|(name, _)| name.starts_with("filter/")), "no filter index for the form: {:?}", files.iter().map(|f| &f.0).collect::<Vec<_>>());
        for f in FIXED {
            assert!(files.iter().any(|(name, _)| name == f), "Pagefind did not write {f}, which `paths` promises");
        }
    }

    /// The text Pagefind indexed for the one page of `files`.
    fn indexed_text(files: &[(String, Vec<u8>)]) -> String {
        indexed_texts(files.iter().map(|(n, b)| (n.as_str(), b.as_slice()))).concat()
    }

    #[test]
    fn an_ignored_paragraph_without_its_end_tag_ignores_only_itself() {
        let minified = "<!DOCTYPE html><html lang=en><body><main data-pagefind-body><h1>Help</h1><p data-pagefind-ignore><a href=/easy-read/>Easy read</a><div><p>Call the lighthouse line</div></main></body></html>";
        let text = indexed_text(&index_files(vec![("/".into(), with_end_tags(minified))]).unwrap());
        assert!(text.contains("lighthouse") && !text.contains("Easy read"), "{text}");
        // Why the end tags are added: without them the ignored paragraph never ends, and
        // Pagefind ignores the rest of the page with it.
        assert!(!indexed_text(&index_files(vec![("/".into(), minified.to_string())]).unwrap()).contains("lighthouse"));
    }

    #[test]
    fn the_same_pages_give_the_same_bytes() {
        let pages = || vec![("/".into(), page("en", "standard", "Call the help line")), ("/ur/".into(), page("ur", "standard", "ہیلپ لائن پر کال کریں"))];
        assert_eq!(index_files(pages()).unwrap(), index_files(pages()).unwrap());
    }
}
