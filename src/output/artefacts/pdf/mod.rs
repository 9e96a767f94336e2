//! PDF leaflets: one tagged PDF for each page variant that shows its own content, typeset
//! in-process with Typst from the page as written, and written next to it. Off with
//! `print: {pdf: false}` in site.yaml.
//! Which pages get one and what each is called is `crate::leaflet`'s.

#[cfg(feature = "pdf")]
mod cache;
#[cfg(feature = "pdf")]
mod escape;
#[cfg(feature = "pdf")]
mod fonts;
#[cfg(feature = "pdf")]
mod inspect;
#[cfg(feature = "pdf")]
mod markup;
#[cfg(feature = "pdf")]
mod qr;
#[cfg(feature = "pdf")]
mod source;
#[cfg(feature = "pdf")]
mod typeset;
#[cfg(feature = "pdf")]
mod world;

#[cfg(feature = "pdf")]
pub use cache::default_dir as default_cache_dir;
#[cfg(feature = "pdf")]
pub use typeset::font_findings;

use rayon::prelude::*;

use super::{Artefact, Context, Refresh};
use crate::error::Result;
use crate::files::output_file;
use crate::finding::Finding;
use crate::leaflet::{leaflet_path, leaflets, link, linked_leaflet};
use crate::output::Sink;
use crate::site::Target;

/// The PDF leaflets.
pub struct Leaflets;

impl Artefact for Leaflets {
    fn paths(&self, cx: &Context<'_>) -> Vec<String> {
        leaflets(cx.site).map(|(_, path)| path).collect()
    }

    fn write(&self, cx: &Context<'_>, sink: &dyn Sink) -> Result<Vec<Finding>> {
        let all: Vec<(&Target, String)> = leaflets(cx.site).collect();
        if all.is_empty() {
            return Ok(Vec::new());
        }
        #[cfg(feature = "pdf")]
        let (made, findings) = typeset::write_all(cx, sink, &all)?;
        #[cfg(not(feature = "pdf"))]
        let (made, findings) = (std::collections::HashMap::<String, link::Facts>::new(), Vec::new());
        // Each page's link gets its leaflet's page count and size, or goes if there is no leaflet.
        cx.site.targets.par_iter().try_for_each(|target| {
            let Some(own) = linked_leaflet(cx.site, target) else { return Ok(()) };
            let page = output_file(&cx.site.config.base_path, &target.url);
            let Some(html) = sink.read(&page) else { return Ok(()) };
            let html = String::from_utf8_lossy(&html);
            let filled = match made.get(&leaflet_path(cx.site, own)) {
                Some(&facts) => {
                    let in_language = (own.lang != target.lang).then(|| cx.locales.endonym(&own.lang));
                    link::fill(&html, Some(&link::words(cx.locales, &target.lang, in_language.as_deref(), Some(facts))))
                }
                None => link::remove(&html),
            };
            sink.write(&page, filled.as_bytes())
        })?;
        Ok(findings)
    }

    fn refresh(&self) -> Refresh {
        Refresh::OnRequest
    }
}

/// A leaflet typeset on request (see [`leaflet_at`]).
pub struct Asked {
    /// The URL of the page it is the leaflet of.
    pub url: String,
    /// The PDF; `None` when it cannot be typeset.
    pub pdf: Option<Vec<u8>>,
    /// The checks' findings about it (PDF-*), each about the page.
    pub findings: Vec<Finding>,
}

/// The leaflet at the output path `path`, typeset now from the pages `sink` gives back, for
/// `serve`; `None` when no page has a leaflet there.
pub fn leaflet_at(cx: &Context<'_>, sink: &dyn Sink, path: &str) -> Result<Option<Asked>> {
    let Some((target, path)) = leaflets(cx.site).find(|(_, p)| p == path) else { return Ok(None) };
    #[cfg(feature = "pdf")]
    let (pdf, findings) = typeset::one(cx, sink, target, &path)?;
    #[cfg(not(feature = "pdf"))]
    let (pdf, findings) = {
        let _ = (sink, path);
        (None, Vec::new())
    };
    Ok(Some(Asked { url: target.url.clone(), pdf, findings }))
}

/// Without the `pdf` feature there are no leaflets (`print.pdf` is then off in every site).
#[cfg(not(feature = "pdf"))]
pub fn font_findings(_: &crate::site::Site, _: &crate::templates::Theme, _: &crate::i18n::Locales) -> Vec<crate::finding::Finding> {
    Vec::new()
}
