//! A page's PDF leaflet, as the rest of clearleaf knows it: which page variants get one, what
//! it is called, and the words of the link to it. The leaflets themselves are typeset by the
//! artefact in `output/artefacts/pdf/`.
//!
//! A leaflet's file is named so that a person can keep it: the page's name, `-easy-read` for
//! the Easy read form, and the language, as `out-of-hours-easy-read-cy.pdf`. A section is
//! named after its folder (`help-en.pdf`), and the home page after the site's title in the
//! default language (`mental-health-equality-resources-en.pdf`), or `home` when that has no
//! letters.

pub mod link;

use crate::files::output_file;
use crate::site::{Shows, Site, Target};
use crate::variant::Form;

/// Each page variant that gets a leaflet, with the leaflet's output path.
pub fn leaflets(site: &Site) -> impl Iterator<Item = (&Target, String)> {
    site.targets.iter().filter(move |t| has_leaflet(site, t)).map(move |t| (t, leaflet_path(site, t)))
}

/// The largest page, as its editor wrote it, that gets a leaflet: a leaflet is a few pages
/// long (its markdown some KiB), and a page of megabytes would take minutes to typeset into
/// hundreds of printed pages. A section's list of pages counts as [`LISTED_PAGE_BYTES`] a page.
const MAX_LEAFLET_SOURCE: usize = 96 << 10;
const LISTED_PAGE_BYTES: usize = 200;

/// Whether `target` gets a leaflet of its own: leaflets are on, it shows its own content, and
/// neither it nor its source page says `pdf: false`.
fn has_leaflet(site: &Site, target: &Target) -> bool {
    let variant = site.content(target);
    let source = site.pages[target.page].variant(&site.config.default_language, Form::Standard);
    site.config.print.pdf
        && target.shows == Shows::Own
        && variant.front.pdf.or_else(|| source.and_then(|s| s.front.pdf)).unwrap_or(true)
        && variant.body().len() + site.pages[target.page].children.len() * LISTED_PAGE_BYTES <= MAX_LEAFLET_SOURCE
}

/// The leaflet that `target`'s page links to: its own, or for a page shown in another language
/// the leaflet of the page it shows. `None` when there is none.
pub fn linked_leaflet<'s>(site: &'s Site, target: &Target) -> Option<&'s Target> {
    let shown = site.content(target);
    site.target(target.page, &shown.lang, shown.form).filter(|own| has_leaflet(site, own))
}

/// `help/out-of-hours/out-of-hours-easy-read-cy.pdf`: in the page's folder, named after it.
pub fn leaflet_path(site: &Site, target: &Target) -> String {
    let page_file = output_file(&site.config.base_path, &target.url);
    let folder = page_file.strip_suffix("index.html").unwrap_or_default();
    let path = &site.pages[target.page].path;
    let name = match path.rsplit('/').next().filter(|n| !n.is_empty()) {
        Some(last) => last.to_string(),
        None => home_name(site.config.title.as_deref().unwrap_or_default()),
    };
    let form = if target.form == Form::Easy { "-easy-read" } else { "" };
    format!("{folder}{name}{form}-{}.pdf", target.lang)
}

/// The home page's leaflet's name: the site's title in lower case, words joined by `-`.
fn home_name(title: &str) -> String {
    let mut name = String::new();
    for word in title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !name.is_empty() {
            name.push('-');
        }
        name.extend(word.chars().flat_map(char::to_lowercase));
    }
    if name.is_empty() { "home".into() } else { name }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_home_page_is_named_after_the_site() {
        assert_eq!(home_name("Mental health equality resources"), "mental-health-equality-resources");
        assert_eq!(home_name("Mind Cymru: taflenni"), "mind-cymru-taflenni");
        assert_eq!(home_name("  "), "home");
    }
}
