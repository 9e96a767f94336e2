//! The main Typst source of one leaflet: it imports the theme's print template for the page's
//! form, gives it what the page is (title, language, strings in the reader's language, dates
//! in words) as one dictionary, and then the page's content.
//!
//! A template is a theme file with a `leaflet(info, body)` function applied with
//! `#show: leaflet.with(info)`, and the `picture-row`, `picture` and `notice` functions the
//! content calls. Every value in `info` is a string literal made by [`escape::string`].

use fluent::FluentArgs;

use super::escape;
use super::world::template_path;
use crate::i18n::Locales;
use crate::language::Dir;
use crate::site::{Shows, Site, Target};
use crate::templates::site_title;
use crate::variant::Form;

/// The print template of each form, by name inside the theme's `print/` folder.
pub fn template_name(form: Form) -> &'static str {
    match form {
        Form::Easy => "easy-read.typ",
        Form::Standard => "standard.typ",
    }
}

/// Stand-ins for the page numbers in the footer's sentence: no translation contains them.
const PAGE: &str = "\u{E000}";
const TOTAL: &str = "\u{E001}";

/// The leaflet's main source, with `content` (Typst markup) as its body; `qr` says whether the
/// world has the page's QR code.
pub fn main_source(site: &Site, locales: &Locales, target: &Target, content: &str, qr: bool) -> String {
    let lang = target.lang.as_str();
    let variant = site.content(target);
    let t = |id: &str, args: &[(&str, String)]| {
        let mut a = FluentArgs::new();
        for (k, v) in args {
            a.set(*k, v.clone());
        }
        locales.text(lang, id, Some(&a)).unwrap_or_else(|| id.to_string())
    };
    let site_name = site_title(site, locales, lang);
    let title = if variant.generated { site_name.clone() } else { variant.title().to_string() };
    let rtl = site.config.language(lang).is_some_and(|l| l.dir == Dir::Rtl);
    let date = |d: jiff::civil::Date| isolated(&locales.date_in_words(lang, d));
    let dated = |id: &str, d: Option<jiff::civil::Date>| d.map(|d| t(id, &[("date", date(d))]));
    let checked = match (&variant.front.checked_by, variant.front.checked_on, target.form) {
        (Some(who), Some(on), Form::Easy) => Some(t("print-checked-by", &[("who", isolated(who)), ("date", date(on))])),
        _ => None,
    };
    let other_languages: Vec<String> = site
        .config
        .languages
        .iter()
        .filter(|l| l.code != lang)
        .filter(|l| site.target(target.page, &l.code, target.form).is_some_and(|o| o.shows == Shows::Own))
        .map(|l| format!("(code: {}, name: {})", escape::string(&l.code), escape::string(&locales.endonym(&l.code))))
        .collect();
    let web = site.config.absolute(&target.url);
    let fields = [
        ("title", escape::string(&title)),
        ("site", escape::string(&site_name)),
        ("lang", escape::string(lang)),
        ("dir", if rtl { "rtl" } else { "ltr" }.to_string()),
        ("form", escape::string(target.form.as_str())),
        ("form-name", escape::string(&t(if target.form == Form::Easy { "form-easy-read" } else { "form-standard" }, &[]))),
        ("page-of", page_of(&t("print-page-of", &[("page", PAGE.into()), ("total", TOTAL.into())]))),
        ("reviewed", optional(dated("last-reviewed", variant.front.reviewed))),
        ("review-due", optional(dated("review-due", variant.front.review_due))),
        ("checked", optional(checked)),
        ("other-formats-heading", escape::string(&t("print-other-formats-heading", &[]))),
        ("other-formats", escape::string(&t("footer-other-formats", &[]))),
        ("contact", optional(locales.site_text(lang, "print-contact").or_else(|| site.config.print.contact.clone()))),
        ("languages-intro", escape::string(&t("print-languages", &[]))),
        ("languages", format!("({}{})", other_languages.join(", "), if other_languages.len() == 1 { "," } else { "" })),
        ("web-intro", escape::string(&t("print-web-address", &[]))),
        ("web-short", optional(web.split_once("://").map(|(_, short)| short.to_string()))),
        ("web-address", optional(web.contains("://").then_some(web))),
        ("qr", optional(qr.then(|| super::qr::PATH.to_string()))),
        ("qr-alt", escape::string(&t("print-qr-alt", &[]))),
    ];
    let info: Vec<String> = fields.iter().map(|(k, v)| format!("  {k}: {v},")).collect();
    format!("#import {}: leaflet, picture-row, picture, notice\n#show: leaflet.with((\n{}\n))\n{content}\n", escape::string(&template_path(template_name(target.form))), info.join("\n"))
}

/// `text` isolated from the sentence around it, so that a name in English keeps its place
/// and its brackets in an Urdu sentence. The locales' bundles leave isolation out for HTML,
/// where `<bdi>` does it instead.
fn isolated(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

fn optional(text: Option<String>) -> String {
    text.map_or_else(|| "none".to_string(), |t| escape::string(&t))
}

/// "Page 1 of 3" as a Typst function of the two numbers, from the locale's sentence with
/// stand-ins where the numbers go, wherever the language puts them.
fn page_of(sentence: &str) -> String {
    let mut parts = Vec::new();
    let mut rest = sentence;
    while let Some(i) = rest.find([PAGE.chars().next().unwrap_or_default(), TOTAL.chars().next().unwrap_or_default()]) {
        if i > 0 {
            parts.push(escape::string(&rest[..i]));
        }
        let number = if rest[i..].starts_with(PAGE) { "str(page)" } else { "str(total)" };
        parts.push(number.to_string());
        rest = &rest[i + PAGE.len()..];
    }
    if !rest.is_empty() || parts.is_empty() {
        parts.push(escape::string(rest));
    }
    format!("(page, total) => {}", parts.join(" + "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_numbers_go_where_the_sentence_puts_them() {
        assert_eq!(page_of("Page \u{E000} of \u{E001}"), "(page, total) => \"Page \" + str(page) + \" of \" + str(total)");
        assert_eq!(page_of("\u{E000}/\u{E001}"), "(page, total) => str(page) + \"/\" + str(total)");
        assert_eq!(page_of("صفحہ \u{E000} از \u{E001}"), "(page, total) => \"صفحہ \" + str(page) + \" از \" + str(total)");
        assert_eq!(page_of("\"Pages\""), "(page, total) => \"\\\"Pages\\\"\"");
    }
}
