//! The status as one HTML page a manager can open, forward by email or print: coverage bars
//! in inline SVG, the lists of what is missing, out of date or orphaned, reviews that are due
//! and readability. One self-contained file: no script, no stylesheet or font to fetch, so it
//! reads the same from a mail attachment as from the site.

use std::fmt::Write;

use std::path::Path;

use jiff::civil::Date;

use super::{Count, Document, PageDoc, VariantDoc};
use crate::history;
use crate::i18n::staleness::State;
use crate::markdown::escape_text;
use crate::site::Site;
use crate::variant::{Form, source_of};

/// Where `build` publishes the report when `status_page: true` is set.
pub const PATH: &str = "status/index.html";

/// What the report needs besides the status.
pub struct Inputs<'a> {
    /// Today, for reviews that are due.
    pub today: Date,
    /// The site folder: its git history, when it has one, says since when a version is out of
    /// date.
    pub root: &'a Path,
}

/// Text escaped for HTML.
fn esc(s: &str) -> String {
    let mut out = String::new();
    escape_text(s, &mut out);
    out
}

fn form_name(form: Form) -> &'static str {
    match form {
        Form::Standard => "standard",
        Form::Easy => "Easy read",
    }
}

/// A bar of `c.current` out of `c.total`, hidden from screen readers: the words beside it say
/// the same.
fn bar(c: Count) -> String {
    let filled = c.percent().unwrap_or(0);
    format!(
        "<svg class=\"bar\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"100\" height=\"6\" fill=\"#dcdcdc\"/><rect width=\"{filled}\" height=\"6\" fill=\"#1d6b33\"/></svg>"
    )
}

fn out_of(c: Count, what: &str) -> String {
    match c.percent() {
        Some(p) => format!("{} of {} {what} up to date ({p}%)", c.current, c.total),
        None => format!("no {what} to translate"),
    }
}

/// The page's name in lists: its source file, else its path.
fn page_name<'a>(p: &'a PageDoc<'_>) -> &'a str {
    p.source.unwrap_or(if p.page.is_empty() { "the home page" } else { p.page })
}

/// The file of page `p` in `lang` and `form`, whether or not it exists.
fn file_of(site: &Site, p: &PageDoc<'_>, lang: &str, form: Form) -> String {
    let key = site.page_at(p.page).map_or_else(|| p.page.to_string(), |i| site.pages[i].key_page());
    crate::load::variant_file_name(&key, lang, form, &site.config.default_language)
}

/// The file a variant's source is, or would be.
fn source_file(site: &Site, p: &PageDoc<'_>, v: &VariantDoc<'_>) -> String {
    let default = &site.config.default_language;
    let (lang, form) = source_of(default, v.lang, v.form).unwrap_or((default.clone(), Form::Standard));
    file_of(site, p, &lang, form)
}

/// The file a variant is, or would be.
fn own_file(site: &Site, p: &PageDoc<'_>, v: &VariantDoc<'_>) -> String {
    v.file.map_or_else(|| file_of(site, p, v.lang, v.form), str::to_string)
}

/// A list of the versions in some states.
struct Section {
    states: &'static [State],
    id: &'static str,
    heading: &'static str,
    /// What it says when it lists nothing.
    none: &'static str,
}

const SECTIONS: [Section; 3] = [
    Section { states: &[State::Missing], id: "missing", heading: "Missing", none: "Every page has all its versions." },
    Section { states: &[State::Outdated, State::Fallback], id: "outdated", heading: "Out of date", none: "No version is out of date." },
    Section { states: &[State::Orphan], id: "orphans", heading: "Orphans (not published)", none: "Every version has its source." },
];

/// One list section: a heading, then for each language and form the versions in `states`
/// (a manager asks "what is missing in Urdu?"), or a line saying there are none.
fn variants_section(html: &mut String, site: &Site, doc: &Document<'_>, inputs: &Inputs<'_>, section: &Section) {
    let Section { states, id, heading, none } = section;
    let _ = write!(html, "<section aria-labelledby=\"{id}\"><h2 id=\"{id}\">{heading}</h2>");
    let mut any = false;
    for c in &doc.coverage {
        let listed: Vec<(&PageDoc<'_>, &VariantDoc<'_>)> =
            doc.pages.iter().flat_map(|p| p.variants.iter().map(move |v| (p, v))).filter(|(_, v)| v.lang == c.lang && v.form == c.form && states.contains(&v.state)).collect();
        if listed.is_empty() {
            continue;
        }
        let mut items = String::new();
        for (p, v) in listed {
            let source = source_file(site, p, v);
            let _ = write!(items, "<li><code>{}</code>", esc(&own_file(site, p, v)));
            if v.state == State::Orphan {
                let _ = write!(items, ": its source, <code>{}</code>, does not exist.", esc(&source));
            } else {
                let _ = match c.words_by_source.get(&source) {
                    Some(words) => write!(items, ": from <code>{}</code>, {words} words to translate", esc(&source)),
                    None => write!(items, ": from <code>{}</code> ({} words)", esc(&source), v.source_words),
                };
                if matches!(v.state, State::Outdated | State::Fallback) {
                    items.push_str(&out_of_date_since(site, inputs.root, p, v, &source));
                }
                items.push('.');
            }
            items.push_str("</li>");
        }
        if !items.is_empty() {
            any = true;
            let _ = write!(html, "<h3>{} {}</h3><ul class=\"files\">{items}</ul>", esc(c.lang), form_name(c.form));
        }
    }
    if !any {
        let _ = write!(html, "<p>{none}</p>");
    }
    html.push_str("</section>");
}

/// Since when an out-of-date version is out of date, from the history of its source: the
/// first commit that changed the source after the version it was stamped with.
fn out_of_date_since(site: &Site, root: &Path, p: &PageDoc<'_>, v: &VariantDoc<'_>, source: &str) -> String {
    let stamp = site.page_at(p.page).and_then(|i| site.pages[i].variant(v.lang, v.form)).and_then(|t| t.front.source_hash.as_deref());
    match stamp.and_then(|s| history::made_from(root, source, s)) {
        Some(history::MadeFrom { changed_on: Some(day), .. }) => format!("; out of date since <time datetime=\"{0}\">{0}</time>", esc(&day)),
        Some(history::MadeFrom { changed_on: None, .. }) => "; its source has changes that are not committed yet".into(),
        None => String::new(),
    }
}

/// The report.
pub fn render(site: &Site, doc: &Document<'_>, inputs: &Inputs<'_>) -> String {
    let title = site.config.title.as_deref().unwrap_or("the site");
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Translation status: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the report</a>\n<main id=\"main\" tabindex=\"-1\">\n<h1>Translation status: {}</h1>\n",
        esc(title),
        esc(title)
    );
    let languages: Vec<&str> = site.config.languages.iter().map(|l| l.code.as_str()).collect();
    let _ = writeln!(
        html,
        "<p>On <time datetime=\"{0}\">{0}</time>: {1} pages. They are written in {2}; the site's languages are {3}. A version is up to date when it was made from its source as the source is now.</p>",
        inputs.today,
        doc.pages.len(),
        esc(&site.config.default_language),
        esc(&languages.join(", "))
    );

    // Words to translate, per language, as `export` counts them: what agencies quote by.
    html.push_str("<section aria-labelledby=\"words\"><h2 id=\"words\">Words to translate</h2><ul class=\"files\">");
    for c in &doc.coverage {
        let Some(words) = c.words_to_translate else { continue };
        let count = |states: &[State]| doc.pages.iter().flat_map(|p| &p.variants).filter(|v| v.lang == c.lang && v.form == c.form && states.contains(&v.state)).count();
        let (missing, outdated) = (count(&[State::Missing]), count(&[State::Outdated, State::Fallback]));
        let pages = |n: usize, what: &str| format!("{n} {what} page{}", if n == 1 { "" } else { "s" });
        let _ = write!(html, "<li><strong>{} {}</strong>: {words} words, in {} and {}.</li>", esc(c.lang), form_name(c.form), pages(missing, "missing"), pages(outdated, "out-of-date"));
    }
    html.push_str("</ul></section>\n");

    html.push_str("<section aria-labelledby=\"coverage\"><h2 id=\"coverage\">Coverage</h2><ul class=\"coverage\">");
    for c in &doc.coverage {
        let _ = write!(html, "<li><h3>{} {}</h3><p>{}</p>{}<p>{}</p>{}</li>", esc(c.lang), form_name(c.form), out_of(c.pages, "pages"), bar(c.pages), out_of(c.words, "words"), bar(c.words));
    }
    html.push_str("</ul></section>\n");

    for section in &SECTIONS {
        variants_section(&mut html, site, doc, inputs, section);
        html.push('\n');
    }

    html.push_str("<section aria-labelledby=\"reviews\"><h2 id=\"reviews\">Reviews due</h2>");
    let due: Vec<String> = site
        .pages
        .iter()
        .flat_map(|p| &p.variants)
        .filter_map(|v| v.front.review_due.filter(|d| *d < inputs.today).map(|d| format!("<li><code>{}</code>: due on <time datetime=\"{d}\">{d}</time>.</li>", esc(&v.file))))
        .collect();
    if due.is_empty() {
        html.push_str("<p>No page is due for review.</p>");
    } else {
        let _ = write!(html, "<ul class=\"files\">{}</ul>", due.concat());
    }
    html.push_str("</section>\n");

    // Each page's readability beside its Easy read version's: the Easy read one should be
    // clearly easier.
    html.push_str("<section aria-labelledby=\"readability\"><h2 id=\"readability\">Readability</h2><p>Easy read aims for Flesch Reading Ease 80 or more (LIX 30 or less in other languages); standard pages for 60 or more (LIX 40 or less).</p><ul class=\"files\">");
    let default = site.config.default_language.as_str();
    for p in &doc.pages {
        let Some(standard) = &p.readability else { continue };
        let easy = p.variants.iter().find(|v| v.lang == default && v.form == Form::Easy).and_then(|v| v.readability.as_ref());
        let easy = easy.map_or_else(|| "no Easy read version".to_string(), |r| format!("Easy read: {}", esc(&r.summary())));
        let _ = write!(html, "<li><code>{}</code>: standard: {}; {easy}.</li>", esc(page_name(p)), esc(&standard.summary()));
    }
    html.push_str("</ul></section>\n</main>\n</body>\n</html>\n");
    html
}

/// Plain, readable at 320 px (lists, not wide tables; long file names wrap) and in print.
const STYLE: &str = "\
body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}\
main{max-width:48rem;margin:0 auto;padding:1rem}\
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.3rem;margin-top:2rem;border-top:1px solid #767676;padding-top:1rem}h3{font-size:1.1rem;margin:0}\
code{overflow-wrap:anywhere;font-size:0.95em}\
ul.coverage{list-style:none;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,20rem),1fr))}\
ul.coverage li{border:1px solid #767676;padding:0.75rem}\
ul.coverage p{margin:0.5rem 0 0.25rem}\
.bar{display:block;width:100%;height:0.75rem}\
.files li{margin-bottom:0.5rem}\
.skip{position:absolute;left:-999rem}.skip:focus{position:static;display:inline-block;padding:0.5rem;margin:0.5rem}\
@media print{main{max-width:none}section{break-inside:avoid-page}ul.coverage li{break-inside:avoid}.bar rect{print-color-adjust:exact;-webkit-print-color-adjust:exact}}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_hidden_and_sized_by_the_share() {
        let half = bar(Count { current: 1, total: 2 });
        assert!(half.contains("aria-hidden=\"true\"") && half.contains("<rect width=\"50\""), "{half}");
        assert!(bar(Count::default()).contains("<rect width=\"0\""));
        assert_eq!(out_of(Count { current: 1, total: 3 }, "pages"), "1 of 3 pages up to date (33%)");
        assert_eq!(out_of(Count::default(), "pages"), "no pages to translate");
    }
}
