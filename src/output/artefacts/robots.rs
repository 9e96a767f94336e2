//! `robots.txt`: allows everything and names the sitemap.

use super::{Artefact, Context, Refresh};
use crate::error::Result;
use crate::finding::Finding;
use crate::output::Sink;

/// `robots.txt`.
pub struct Robots;

impl Artefact for Robots {
    fn paths(&self, _: &Context<'_>) -> Vec<String> {
        vec!["robots.txt".into()]
    }

    fn write(&self, cx: &Context<'_>, sink: &dyn Sink) -> Result<Vec<Finding>> {
        let config = &cx.site.config;
        let text = format!("User-agent: *\nAllow: /\nSitemap: {}\n", config.absolute(&format!("{}sitemap.xml", config.base_path)));
        sink.write("robots.txt", text.as_bytes())?;
        Ok(Vec::new())
    }

    fn refresh(&self) -> Refresh {
        Refresh::Build
    }
}
