//! Every file a build writes besides the pages: one [`Artefact`] each, in one list, [`ALL`].
//! `build` writes them all, `check` writes none (but counts their addresses as existing for the
//! link checks), and `serve` writes each again when what it depends on changes ([`Refresh`]).
//! A new output is one file here and one line in [`ALL`].

mod not_found;
pub mod pdf;
mod robots;
pub mod search_index;
mod search_page;
mod site_files;
mod sitemap;
mod status_page;
mod theme_files;

use crate::error::Result;
use crate::finding::Finding;
use crate::i18n::Locales;
use crate::output::Sink;
use crate::site::Site;
use crate::templates::Theme;

/// What artefacts are made from: the loaded site, its theme and UI strings.
pub struct Context<'a> {
    /// The page tree.
    pub site: &'a Site,
    /// The theme.
    pub theme: &'a Theme,
    /// UI strings.
    pub locales: &'a Locales,
    /// Whether HTML is minified.
    pub minify: bool,
    /// Where typeset PDF leaflets are kept between builds, if anywhere.
    pub pdf_cache: Option<&'a std::path::Path>,
}

/// When `serve` writes an artefact again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refresh {
    /// Only when the whole site is built again.
    Build,
    /// When a template changes.
    Templates,
    /// After the site-wide checks that follow any change: it depends on every page.
    SiteWide,
    /// Only when a reader asks for it (the PDF leaflets: typesetting them all again after each
    /// edit would slow the preview down).
    OnRequest,
}

/// One file (or set of files) written beside the pages.
pub trait Artefact: Sync {
    /// The output paths it writes, known before anything is written.
    fn paths(&self, cx: &Context<'_>) -> Vec<String>;
    /// Writes it, and gives what the checks found in what was written (the PDF leaflets are
    /// only known once typeset).
    fn write(&self, cx: &Context<'_>, sink: &dyn Sink) -> Result<Vec<Finding>>;
    /// What the checks find in it, for an artefact that is a page readers see. `check` runs
    /// this too, without writing anything.
    fn check(&self, _cx: &Context<'_>) -> Result<Vec<Finding>> {
        Ok(Vec::new())
    }
    /// When `serve` writes it again.
    fn refresh(&self) -> Refresh;
}

/// Every artefact, in the order they are written: a later one may replace an earlier one's
/// file (the site's `static/` replaces the theme's files of the same name).
pub static ALL: &[&dyn Artefact] = &[
    &not_found::NotFound,
    &sitemap::Sitemap,
    &robots::Robots,
    &theme_files::ThemeFiles,
    &site_files::SiteFiles,
    &status_page::StatusPage,
    &search_page::SearchPage,
    &search_index::SearchIndex,
    &pdf::Leaflets,
];

/// Writes every artefact that `refresh` says is due, and gives what the checks found in them.
pub fn write(cx: &Context<'_>, sink: &dyn Sink, due: impl Fn(Refresh) -> bool) -> Result<Vec<Finding>> {
    ALL.iter().filter(|a| due(a.refresh())).map(|a| a.write(cx, sink)).collect::<Result<Vec<_>>>().map(|f| f.concat())
}

/// What the checks find in every artefact.
pub fn check(cx: &Context<'_>) -> Result<Vec<Finding>> {
    ALL.iter().map(|a| a.check(cx)).collect::<Result<Vec<_>>>().map(|f| f.concat())
}

/// Every path the artefacts write.
pub fn paths(cx: &Context<'_>) -> impl Iterator<Item = String> {
    ALL.iter().flat_map(|a| a.paths(cx))
}
