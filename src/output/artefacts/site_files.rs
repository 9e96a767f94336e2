//! The site's own files: `static/` (copied as it is, and free to replace a theme file) and the
//! pictures and files beside the pages in `content/` (SVG pictures as cleaned when loaded).

use rayon::prelude::*;

use super::{Artefact, Context, Refresh};
use crate::error::Result;
use crate::finding::Finding;
use crate::output::Sink;

/// `static/` and the files beside the pages.
pub struct SiteFiles;

impl Artefact for SiteFiles {
    fn paths(&self, cx: &Context<'_>) -> Vec<String> {
        cx.site.statics.iter().chain(&cx.site.assets).map(|a| a.out.clone()).collect()
    }

    fn write(&self, cx: &Context<'_>, sink: &dyn Sink) -> Result<Vec<Finding>> {
        cx.site.statics.par_iter().chain(cx.site.assets.par_iter()).try_for_each(|a| match &a.cleaned {
            Some(bytes) => sink.write(&a.out, bytes),
            None => sink.copy(&a.path, &a.out),
        })?;
        Ok(Vec::new())
    }

    fn refresh(&self) -> Refresh {
        Refresh::Build
    }
}
