//! `status/index.html`, the translation status report (`clearleaf status --format html`),
//! published when site.yaml says `status_page: true`.

use super::{Artefact, Context, Refresh};
use crate::error::Result;
use crate::finding::Finding;
use crate::output::Sink;
use crate::status::{self, html};

/// The status report.
pub struct StatusPage;

impl Artefact for StatusPage {
    fn paths(&self, cx: &Context<'_>) -> Vec<String> {
        if cx.site.config.status_page { vec![html::PATH.into()] } else { Vec::new() }
    }

    fn write(&self, cx: &Context<'_>, sink: &dyn Sink) -> Result<Vec<Finding>> {
        if !cx.site.config.status_page {
            return Ok(Vec::new());
        }
        let site = cx.site;
        let doc = status::document(site, None);
        let report = html::render(site, &doc, &html::Inputs { today: site.today(), root: &site.config.root });
        sink.write(html::PATH, report.as_bytes())?;
        Ok(Vec::new())
    }

    fn refresh(&self) -> Refresh {
        // Any edit can change a state.
        Refresh::SiteWide
    }
}
