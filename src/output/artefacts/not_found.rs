//! `404.html`, the page hosts show for addresses that do not exist.

use super::{Artefact, Context, Refresh};
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::output::Sink;
use crate::templates;

/// The "page not found" page.
pub struct NotFound;

impl Artefact for NotFound {
    fn paths(&self, _: &Context<'_>) -> Vec<String> {
        vec!["404.html".into()]
    }

    fn write(&self, cx: &Context<'_>, sink: &dyn Sink) -> Result<Vec<Finding>> {
        let ctx = templates::not_found_context(cx.site, cx.locales);
        let ctx = tera::Context::from_serialize(&ctx).map_err(|e| Error::Internal(e.to_string()))?;
        let page = cx.theme.render("404.html", &ctx)?;
        let page = if cx.minify { crate::output::minify(&page) } else { page };
        sink.write("404.html", page.as_bytes())?;
        Ok(Vec::new())
    }

    fn refresh(&self) -> Refresh {
        Refresh::Templates
    }
}
