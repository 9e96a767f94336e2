//! `sitemap.xml` with `xhtml:link` alternates.

use super::{Artefact, Context, Refresh};
use crate::error::Result;
use crate::finding::Finding;
use crate::markdown::escape_attr;
use crate::output::Sink;
use crate::site::{Shows, Site};

/// `sitemap.xml`: it lists every page with its dates, so any edit can change it.
pub struct Sitemap;

impl Artefact for Sitemap {
    fn paths(&self, _: &Context<'_>) -> Vec<String> {
        vec!["sitemap.xml".into()]
    }

    fn write(&self, cx: &Context<'_>, sink: &dyn Sink) -> Result<Vec<Finding>> {
        sink.write("sitemap.xml", sitemap_xml(cx.site).as_bytes())?;
        Ok(Vec::new())
    }

    fn refresh(&self) -> Refresh {
        Refresh::SiteWide
    }
}

/// Every page that shows its own content, with its translations as alternates. Fallback pages
/// are left out: their canonical URL is the source's.
fn sitemap_xml(site: &Site) -> String {
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    let default = &site.config.default_language;
    for t in site.targets.iter().filter(|t| t.shows == Shows::Own) {
        s.push_str("<url><loc>");
        escape_attr(&site.config.absolute(&t.url), &mut s);
        s.push_str("</loc>");
        let v = site.content(t);
        if let Some(d) = v.front.reviewed.or(v.front.date) {
            s.push_str(&format!("<lastmod>{d}</lastmod>"));
        }
        let cluster: Vec<_> = site.config.languages.iter().filter_map(|l| site.target(t.page, &l.code, t.form)).filter(|a| a.shows == Shows::Own).collect();
        if cluster.len() > 1 {
            for a in &cluster {
                s.push_str(&format!("<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"", a.lang));
                escape_attr(&site.config.absolute(&a.url), &mut s);
                s.push_str("\"/>");
            }
            if let Some(d) = site.target(t.page, default, t.form) {
                s.push_str("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"");
                escape_attr(&site.config.absolute(&d.url), &mut s);
                s.push_str("\"/>");
            }
        }
        s.push_str("</url>\n");
    }
    s.push_str("</urlset>\n");
    s
}
