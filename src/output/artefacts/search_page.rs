//! The search pages, one per language and form (`/search/`, `/cy/easy-read/search/`, …): the
//! theme's `search.html`, whose script asks the index in `pagefind/` (see
//! [`super::search_index`]). Checked with the page rules like every page, in `check` too.

use super::{Artefact, Context, Refresh};
use crate::checks::{self, a11y};
use crate::error::{Error, Result};
use crate::files::output_file;
use crate::finding::Finding;
use crate::output::Sink;
use crate::templates::{self, SEARCH_PATH};
use crate::variant::Form;

const TEMPLATE: &str = "search.html";

/// The search pages.
pub struct SearchPage;

/// Every search page: its language, form and URL.
fn pages<'a>(cx: &'a Context<'_>) -> impl Iterator<Item = (&'a str, Form, String)> + 'a {
    let site = cx.site;
    let languages = if site.config.search { site.config.languages.as_slice() } else { &[] };
    languages.iter().flat_map(move |l| [Form::Standard, Form::Easy].map(|form| (l.code.as_str(), form, site.url_for(SEARCH_PATH, &l.code, form))))
}

/// One search page, as written (minified if the build minifies).
fn render(cx: &Context<'_>, lang: &str, form: Form) -> Result<String> {
    let ctx = templates::search_context(cx.site, cx.locales, lang, form);
    let ctx = tera::Context::from_serialize(&ctx).map_err(|e| Error::Internal(e.to_string()))?;
    cx.theme.render(TEMPLATE, &ctx)
}

impl Artefact for SearchPage {
    fn paths(&self, cx: &Context<'_>) -> Vec<String> {
        pages(cx).map(|(_, _, url)| output_file(&cx.site.config.base_path, &url)).collect()
    }

    fn write(&self, cx: &Context<'_>, sink: &dyn Sink) -> Result<Vec<Finding>> {
        for (lang, form, url) in pages(cx) {
            let page = render(cx, lang, form)?;
            let page = if cx.minify { crate::output::minify(&page) } else { page };
            sink.write(&output_file(&cx.site.config.base_path, &url), page.as_bytes())?;
        }
        Ok(Vec::new())
    }

    fn check(&self, cx: &Context<'_>) -> Result<Vec<Finding>> {
        // The site's own file, where the problem most likely is: search.html if the site
        // replaced it, else the page frame (base.html) that it extends, as on every page.
        let own = cx.theme.source(TEMPLATE);
        let file = if own.starts_with("builtin:") { cx.theme.shown(TEMPLATE) } else { own };
        let mut findings = Vec::new();
        for (lang, form, url) in pages(cx) {
            let doc = a11y::Doc::parse(&render(cx, lang, form)?);
            findings.extend(checks::check_made_page(&doc, cx.site, lang, form, &url, file));
        }
        Ok(findings)
    }

    fn refresh(&self) -> Refresh {
        // Its words and links come from the templates, the locales and the home page's menu.
        Refresh::Templates
    }
}
