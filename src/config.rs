//! `site.yaml`: the site's settings, validated into a [`Config`] the rest of the pipeline can
//! trust (known languages, a base URL that ends in `/`, known rule IDs).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Diagnostic, Error, Result, did_you_mean};
use crate::language::{Dir, Language, is_known_tag};
use crate::rules::{self, Rule};
use crate::yaml;

/// The file name of the site configuration.
pub const FILE: &str = "site.yaml";

/// What to publish when a translation is missing (SPEC §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum MissingPolicy {
    /// Show the source content at the target URL with a notice in the reader's language.
    #[default]
    Fallback,
    /// Publish nothing at the target URL.
    Omit,
}

/// What to publish when a translation is out of date (SPEC §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum OutdatedPolicy {
    /// Publish it with a notice that the source has changed.
    #[default]
    Notice,
    /// Publish the source instead, with a notice.
    Fallback,
    /// Fail the build.
    Error,
}

/// A per-rule severity from `checks:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Fail the build.
    Error,
    /// Report only.
    Warning,
    /// Do not run or report the rule.
    Off,
}

/// `translations:` in site.yaml.
#[derive(Clone, Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Translations {
    /// Policy for missing translations.
    pub missing: MissingPolicy,
    /// Policy for outdated translations.
    pub outdated: OutdatedPolicy,
}

/// `print:` in site.yaml: the PDF leaflets.
#[derive(Clone, Debug)]
pub struct Print {
    /// `pdf: false` writes no PDF leaflets. On by default where clearleaf was built with them.
    pub pdf: bool,
    /// How to ask for the leaflet in large print, audio or another language ("Call 0300 …"),
    /// printed in each leaflet's "Other formats and languages" block. A site's Fluent string
    /// `print-contact` gives it in each language.
    pub contact: Option<String>,
}

/// `print:` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawPrint {
    pdf: Option<bool>,
    contact: Option<String>,
}

/// `easy_read:` in site.yaml: the thresholds of the Easy-read checks.
#[derive(Clone, Debug, Deserialize)]
#[serde(default)]
pub struct EasyRead {
    /// Words per sentence above which a warning is given.
    pub max_sentence_words: usize,
    /// Words per sentence above which an error is given.
    pub max_sentence_words_error: usize,
    /// Sentences per paragraph or picture row.
    pub max_paragraph_sentences: usize,
    /// Words per Easy-read page.
    pub max_page_words: usize,
    /// Extra hard words for this site.
    pub hard_words: Vec<String>,
    /// Acronyms that need no explanation on this site.
    pub acronyms: Vec<String>,
    /// Commas per Easy-read sentence above which ER-ONE-IDEA warns.
    pub max_sentence_commas: usize,
    /// Easy read, English: Flesch Reading Ease below this is a warning.
    pub min_reading_ease: f64,
    /// Easy read, English: Flesch–Kincaid grade above this is a warning.
    pub max_grade: f64,
    /// Easy read, other languages (not Arabic script): LIX above this is a warning.
    pub max_lix: f64,
    /// Standard pages: words per sentence above which PL-SENTENCE-LENGTH warns.
    pub standard_max_sentence_words: usize,
    /// Standard pages, English: Flesch Reading Ease below this is a warning.
    pub standard_min_reading_ease: f64,
    /// Standard pages, English: Flesch–Kincaid grade above this is a warning.
    pub standard_max_grade: f64,
    /// Standard pages, other languages (not Arabic script): LIX above this is a warning.
    pub standard_max_lix: f64,
    /// Pages with fewer words get no readability finding (scores of short texts are noise).
    pub readability_min_words: usize,
    /// Easy-read body text smaller than this (CSS px) is an error (14 pt = 18.67 px).
    pub min_font_px: f64,
    /// Easy-read body text smaller than this (CSS px) is a warning (16 pt = 21.33 px).
    pub font_warning_px: f64,
    /// Easy-read line height (a multiple of the font size) below this is an error.
    pub min_line_height: f64,
    /// Easy-read text column wider than this (in `ch`) is a warning.
    pub max_line_length_ch: f64,
}

impl Default for EasyRead {
    fn default() -> Self {
        EasyRead {
            max_sentence_words: 15,
            max_sentence_words_error: 20,
            max_paragraph_sentences: 3,
            max_page_words: 1000,
            hard_words: Vec::new(),
            acronyms: Vec::new(),
            max_sentence_commas: 1,
            min_reading_ease: 80.0,
            max_grade: 6.0,
            max_lix: 30.0,
            standard_max_sentence_words: 25,
            standard_min_reading_ease: 60.0,
            standard_max_grade: 9.0,
            standard_max_lix: 40.0,
            readability_min_words: 30,
            min_font_px: 18.67,
            font_warning_px: 21.33,
            min_line_height: 1.5,
            max_line_length_ch: 70.0,
        }
    }
}

/// Why a `base_url` (in site.yaml or `--base-url`) cannot be the site's address.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BaseUrlError {
    /// `//host/`: browsers read it as another site's address.
    #[error("`{0}` starts with //, which browsers read as the address of another site")]
    OtherSite(String),
    /// A scheme other than http and https (`javascript:`, `file:` …).
    #[error("`{0}` is not a web address: only addresses starting with https:// or http:// can be a site's address")]
    NotWeb(String),
    /// Neither `scheme://` nor `/`.
    #[error("`{0}` is neither a web address nor a path")]
    Neither(String),
    /// A character no address may hold as written.
    #[error("`{0}` has {1}, which cannot be part of a web address")]
    BadCharacter(String, &'static str),
    /// An http(s) address that does not parse, or has a password, query or fragment.
    #[error("`{0}` is not a usable web address: {1}")]
    Invalid(String, String),
}

impl BaseUrlError {
    /// How to fix it, in plain words.
    pub fn hint(&self) -> &'static str {
        "Write the address the site will have, like https://example.org/resources/, or a path from the root of the host, like /resources/."
    }
}

/// Where the site will live: an `http(s)://` address or a path from the host's root, always
/// ending in `/`. The one place `base_url` is parsed, from site.yaml and from `--base-url`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl {
    /// As written, with a `/` added at the end if it had none.
    url: String,
    /// The path part, e.g. `/resources/`.
    path: String,
}

impl Default for BaseUrl {
    fn default() -> Self {
        BaseUrl { url: "/".into(), path: "/".into() }
    }
}

impl std::str::FromStr for BaseUrl {
    type Err = BaseUrlError;

    fn from_str(written: &str) -> std::result::Result<Self, Self::Err> {
        let mut url = written.trim().to_string();
        if let Some(bad) = url.chars().find(|c| c.is_whitespace() || c.is_control() || matches!(c, '\\' | '"' | '<' | '>' | '`' | '?' | '#')) {
            let what = match bad {
                '\\' => "a backslash",
                '?' => "a ?",
                '#' => "a #",
                c if c.is_whitespace() => "a space",
                c if c.is_control() => "an invisible control character",
                _ => "a quote or angle bracket",
            };
            return Err(BaseUrlError::BadCharacter(written.to_string(), what));
        }
        if url.starts_with("//") {
            return Err(BaseUrlError::OtherSite(written.to_string()));
        }
        if !url.ends_with('/') {
            url.push('/');
        }
        if url.starts_with('/') {
            return Ok(BaseUrl { path: url.clone(), url });
        }
        let Some((scheme, rest)) = url.split_once("://") else {
            return Err(if url.contains(':') { BaseUrlError::NotWeb(written.to_string()) } else { BaseUrlError::Neither(written.to_string()) });
        };
        if !(scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")) {
            return Err(BaseUrlError::NotWeb(written.to_string()));
        }
        let parsed = url::Url::parse(&url).map_err(|e| BaseUrlError::Invalid(written.to_string(), e.to_string()))?;
        if parsed.host_str().is_none_or(str::is_empty) || rest.starts_with('/') {
            return Err(BaseUrlError::Invalid(written.to_string(), "it has no host name".into()));
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(BaseUrlError::Invalid(written.to_string(), "it holds a user name or password".into()));
        }
        let path = rest.find('/').map(|i| rest[i..].to_string()).unwrap_or_else(|| "/".into());
        Ok(BaseUrl { url, path })
    }
}

/// A language in site.yaml: a code (`cy`), or a code with its direction or the locale of its
/// dates (`{code: ur, dir: rtl}`, `{code: en, dates: en-US}`).
enum LanguageEntry {
    Code(String),
    Full(FullLanguage),
}

#[derive(Deserialize)]
struct FullLanguage {
    code: String,
    dir: Option<Dir>,
    dates: Option<String>,
}

/// Written out rather than `#[serde(untagged)]`, which hides the real mistake (`dir: sideways`)
/// behind "data did not match any variant of untagged enum".
impl<'de> Deserialize<'de> for LanguageEntry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct Entry;
        impl<'de> serde::de::Visitor<'de> for Entry {
            type Value = LanguageEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a language code like cy, or `code:` with `dir:` or `dates:`")
            }
            fn visit_str<E: serde::de::Error>(self, code: &str) -> std::result::Result<LanguageEntry, E> {
                Ok(LanguageEntry::Code(code.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> std::result::Result<LanguageEntry, A::Error> {
                FullLanguage::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(LanguageEntry::Full)
            }
        }
        deserializer.deserialize_any(Entry)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawConfig {
    title: Option<String>,
    base_url: Option<String>,
    default_language: Option<String>,
    languages: Option<Vec<LanguageEntry>>,
    theme: Option<String>,
    translations: Translations,
    easy_read: EasyRead,
    checks: BTreeMap<String, Level>,
    status_page: bool,
    search: Option<bool>,
    print: RawPrint,
}

const KEYS: &[&str] = &["title", "base_url", "default_language", "languages", "theme", "translations", "easy_read", "checks", "status_page", "search", "print"];
const NESTED_KEYS: &[&str] = &[
    "missing",
    "pdf",
    "contact",
    "outdated",
    "max_sentence_words",
    "max_sentence_words_error",
    "max_paragraph_sentences",
    "max_page_words",
    "hard_words",
    "acronyms",
    "max_sentence_commas",
    "min_reading_ease",
    "max_grade",
    "max_lix",
    "standard_max_sentence_words",
    "standard_min_reading_ease",
    "standard_max_grade",
    "standard_max_lix",
    "readability_min_words",
    "min_font_px",
    "font_warning_px",
    "min_line_height",
    "max_line_length_ch",
    "code",
    "dir",
    "dates",
];

/// The validated site configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// The site folder.
    pub root: PathBuf,
    /// Site title (a Fluent `site-title` per language takes precedence in the theme).
    pub title: Option<String>,
    /// Absolute or root-relative base URL, always ending in `/`.
    pub base_url: String,
    /// The path part of `base_url`, e.g. `/resources/`: every internal link starts with it.
    pub base_path: String,
    /// The default language: its pages live at the root of the site.
    pub default_language: String,
    /// All languages, the default first, then in site.yaml order.
    pub languages: Vec<Language>,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// Translation policies.
    pub translations: Translations,
    /// Easy-read thresholds.
    pub easy_read: EasyRead,
    /// `status_page: true`: `build` publishes the translation status report at `status/`.
    pub status_page: bool,
    /// `search: false` turns search off: no index, no search page, no link to it. On by default.
    pub search: bool,
    /// The PDF leaflets.
    pub print: Print,
    /// Per-rule severity overrides, for rules clearleaf checks.
    pub checks: BTreeMap<&'static Rule, Level>,
    /// The site has no site.yaml: every setting is its default.
    pub without_file: bool,
}
/// Unknown keys: one error for lines that are not settings at all, and one per misspelt
/// setting, with a suggestion.
fn unknown_settings(unknown: Vec<yaml::UnknownKey>) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let (unknown, not_settings): (Vec<yaml::UnknownKey>, Vec<_>) = unknown.into_iter().partition(|k| looks_like_a_setting(&k.path));
    if let Some(first) = not_settings.first() {
        problems.push(not_settings_error(first.line, not_settings.len()));
    }
    for key in unknown {
        let last = key.path.rsplit('.').next().unwrap_or(&key.path);
        let candidates = if key.path.contains('.') { NESTED_KEYS } else { KEYS };
        let mut d = Diagnostic::new(FILE, format!("unknown setting `{}`", key.path));
        d.line = key.line;
        d = match did_you_mean(last, candidates.iter().copied()) {
            Some(s) => d.hint(format!("Did you mean `{s}`?")),
            None => d.hint(format!("Remove it. The settings are: {}.", KEYS.join(", "))),
        };
        problems.push(d);
    }
    problems
}

/// The line of site.yaml where `word` stands on its own (a list item, not part of another word).
fn token_line(text: &str, word: &str) -> Option<usize> {
    text.lines().position(|l| l.split(|c: char| c.is_whitespace() || "[],:{}\"'".contains(c)).any(|t| t == word)).map(|i| i + 1)
}

/// The site's languages, the default first: each a known code, listed once.
fn site_languages(listed: Option<Vec<LanguageEntry>>, default_language: &str, text: &str, problems: &mut Vec<Diagnostic>) -> Vec<Language> {
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).map(|i| i + 1);
    let token_line = |word: &str| token_line(text, word);
    let mut languages: Vec<Language> = match listed {
        None => vec![Language::new(default_language)],
        Some(list) => list
            .into_iter()
            .map(|e| match e {
                LanguageEntry::Code(code) => Language::new(&code),
                LanguageEntry::Full(FullLanguage { code, dir, dates }) => {
                    let implied = Language::new(&code);
                    Language { dir: dir.unwrap_or(implied.dir), dates: dates.unwrap_or(implied.dates), code }
                }
            })
            .collect(),
    };
    for lang in &languages {
        if !is_known_tag(&lang.code) {
            let mut d = Diagnostic::new(FILE, format!("`{}` is not a language code clearleaf knows", lang.code)).hint("Use a BCP 47 language code, such as en, cy, pl, ur, ar or pt-BR.");
            d.line = token_line(&lang.code);
            problems.push(d);
        }
    }
    for lang in &languages {
        if !crate::language::is_locale(&lang.dates) {
            let mut d = Diagnostic::new(FILE, format!("`dates: {}` is not a locale", lang.dates))
                .hint("Write the language and region whose way of writing dates to follow, such as en-GB (1 November 2026) or en-US (November 1, 2026).");
            d.line = text.lines().position(|l| l.contains("dates") && l.contains(lang.dates.as_str())).map(|i| i + 1);
            problems.push(d);
        }
    }
    // Language codes are the same whatever their case (BCP 47): `EN` is `en` again.
    let mut seen = std::collections::HashMap::new();
    for lang in &languages {
        if let Some(first) = seen.insert(lang.code.to_ascii_lowercase(), lang.code.as_str()) {
            let also = if first == lang.code { String::new() } else { format!(" (as `{first}` and `{}`: capitals do not make a language code different)", lang.code) };
            let mut d = Diagnostic::new(FILE, format!("the language `{first}` is listed twice{also}")).hint("List each language once.");
            d.line = token_line(&lang.code);
            problems.push(d);
        }
    }
    match languages.iter().position(|l| l.code == default_language) {
        Some(i) => {
            let default = languages.remove(i);
            languages.insert(0, default);
        }
        None => {
            let mut d = Diagnostic::new(FILE, format!("the default language `{default_language}` is not in `languages`"))
                .hint(format!("Add {default_language} to the languages list, or change default_language."));
            d.line = line_of("default_language").or_else(|| line_of("languages"));
            problems.push(d);
        }
    }
    languages
}

/// Whether an unknown key may be quoted back in a message. A file that is not a site.yaml at
/// all (a password file, say) has whole lines as keys: those are never echoed.
fn looks_like_a_setting(key: &str) -> bool {
    key.len() <= 40 && key.split('.').all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
}

/// One error for all the keys that are not setting names, quoting none of them.
fn not_settings_error(line: Option<usize>, count: usize) -> Diagnostic {
    let others = match count {
        1 => String::new(),
        2 => " (nor is one other line)".to_string(),
        n => format!(" (nor are {} other lines)", n - 1),
    };
    let mut d = Diagnostic::new(FILE, format!("this line is not a setting{others}, so its text is not shown"))
        .hint(format!("{FILE} holds settings written as `name: value`, one on each line. The settings are: {}.", KEYS.join(", ")));
    d.line = line;
    d
}

/// The rules `checks:` names, each turned into its rule. An ID that is not a rule, a rule not
/// checked yet, or `INPUT-INVALID` (which always stops the build) is refused: accepting it
/// would do nothing, and the editor would think a check was changed.
fn rule_levels(checks: &BTreeMap<String, Level>, line_of: impl Fn(&str) -> Option<usize>, problems: &mut Vec<Diagnostic>) -> BTreeMap<&'static Rule, Level> {
    let mut levels = BTreeMap::new();
    for (id, level) in checks {
        let d = match rules::find(id) {
            Some(rule) if std::ptr::eq(rule, &rules::INPUT_INVALID) => {
                Diagnostic::new(FILE, format!("`{id}` in `checks` cannot be changed: invalid input always stops the build")).hint("Remove this line.")
            }
            Some(rule) if !rule.implemented => Diagnostic::new(FILE, format!("`{id}` in `checks` is a rule clearleaf does not check yet, so this setting would do nothing"))
                .hint("Remove this line. `clearleaf rules` lists every rule and whether it is checked."),
            Some(rule) => {
                levels.insert(rule, *level);
                continue;
            }
            None => {
                let d = Diagnostic::new(FILE, format!("`{id}` in `checks` is not a rule clearleaf has"));
                // Compared in capitals, so that `er-pasive` still finds ER-PASSIVE.
                let settable = rules::implemented().filter(|r| !std::ptr::eq(*r, &rules::INPUT_INVALID)).map(|r| r.id);
                match did_you_mean(&id.to_uppercase(), settable) {
                    Some(s) => d.hint(format!("Did you mean `{s}`?")),
                    None => d.hint("Use a rule ID that `clearleaf rules` lists, such as A11Y-IMG-NAME or ER-PASSIVE."),
                }
            }
        };
        let mut d = d;
        d.line = line_of(id);
        problems.push(d);
    }
    levels
}

impl Config {
    /// Reads and validates `root/site.yaml`.
    pub fn load(root: &Path) -> Result<Config> {
        let path = root.join(FILE);
        crate::files::SiteFolder::new(root).check(&path)?;
        // Every key is optional, so a folder of pages with no site.yaml builds with the defaults.
        if !path.exists() && root.join(crate::files::CONTENT_DIR).is_dir() {
            let mut config = Config::parse(root, "")?;
            config.without_file = true;
            return Ok(config);
        }
        let bytes = std::fs::read(&path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::input(
                    Diagnostic::new(FILE, format!("there is no {FILE} in {}", root.display()))
                        .hint("Run clearleaf in your site's folder, point --root at it, or create a new site with `clearleaf init my-site`."),
                )
            } else {
                Error::io(&path, e)
            }
        })?;
        let text = crate::text::decode_text(FILE, bytes)?;
        Config::parse(root, &text)
    }

    /// Validates the text of a site.yaml.
    pub fn parse(root: &Path, text: &str) -> Result<Config> {
        let (raw, unknown): (RawConfig, _) = yaml::parse(text).map_err(|e| {
            let mut d = Diagnostic::new(FILE, e.message).hint(e.hint);
            d.line = e.line;
            d.column = e.column;
            Error::input(d)
        })?;
        let mut problems = unknown_settings(unknown);
        let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).map(|i| i + 1);
        let token_line = |word: &str| token_line(text, word);

        let default_language = raw.default_language.unwrap_or_else(|| "en".into());
        let languages = site_languages(raw.languages, &default_language, text, &mut problems);
        let checks = rule_levels(&raw.checks, token_line, &mut problems);
        if let Some(title) = raw.title.as_deref().filter(|t| !crate::text::has_visible_text(t)) {
            let mut d = Diagnostic::new(FILE, format!("the site's title {title:?} is blank: it has no letters or other visible characters"))
                .hint("Write the site's name in words, like `title: Mind Cymru leaflets`, or remove the line. Invisible characters (spaces, zero-width spaces) do not count.");
            d.line = yaml::key_line(text, "title");
            problems.push(d);
        }
        let base = match raw.base_url.as_deref().map(str::parse::<BaseUrl>) {
            None => BaseUrl::default(),
            Some(Ok(base)) => base,
            Some(Err(e)) => {
                let mut d = Diagnostic::new(FILE, format!("base_url {e}")).hint(e.hint());
                d.line = line_of("base_url");
                problems.push(d);
                BaseUrl::default()
            }
        };
        if raw.search == Some(true) && !cfg!(feature = "search") {
            let mut d = Diagnostic::new(FILE, "`search: true`, but this clearleaf was built without search")
                .hint("Build clearleaf with its default features (search is the cargo feature `search`), or remove the line.");
            d.line = yaml::key_line(text, "search");
            problems.push(d);
        }
        if raw.print.pdf == Some(true) && !cfg!(feature = "pdf") {
            let mut d = Diagnostic::new(FILE, "`print: {pdf: true}`, but this clearleaf was built without PDF leaflets")
                .hint("Build clearleaf with its default features (PDF leaflets are the cargo feature `pdf`), or remove the line.");
            d.line = yaml::key_line(text, "print.pdf").or_else(|| yaml::key_line(text, "print"));
            problems.push(d);
        }
        if !problems.is_empty() {
            return Err(Error::Input(problems));
        }
        Ok(Config {
            root: root.to_path_buf(),
            title: raw.title,
            base_url: base.url,
            base_path: base.path,
            default_language,
            languages,
            theme: raw.theme.unwrap_or_else(|| "default".into()),
            translations: raw.translations,
            easy_read: raw.easy_read,
            status_page: raw.status_page,
            // On by default where clearleaf was built with it (the fuzz targets are not).
            search: raw.search.unwrap_or(cfg!(feature = "search")),
            print: Print { pdf: raw.print.pdf.unwrap_or(cfg!(feature = "pdf")), contact: raw.print.contact.filter(|c| !c.trim().is_empty()) },
            checks,
            without_file: false,
        })
    }

    /// Publishes the site at another address (`--base-url`, or `serve`'s own).
    pub fn set_base_url(&mut self, base: BaseUrl) {
        self.base_url = base.url;
        self.base_path = base.path;
    }

    /// The language with this code, if the site has it.
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// Whether `code` is one of the site's languages.
    pub fn has_language(&self, code: &str) -> bool {
        self.language(code).is_some()
    }

    /// An absolute URL for a root-relative one (for sitemap, canonical and hreflang).
    pub fn absolute(&self, url: &str) -> String {
        match self.base_url.split_once("://") {
            Some((scheme, rest)) => {
                let host = rest.split('/').next().unwrap_or(rest);
                format!("{scheme}://{host}{url}")
            }
            None => url.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config> {
        Config::parse(Path::new("."), text)
    }

    #[test]
    fn defaults_and_order() {
        let c = parse("languages: [cy, en, {code: ur}]\nbase_url: https://example.org/res\n").unwrap();
        let codes: Vec<_> = c.languages.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(codes, ["en", "cy", "ur"]);
        assert_eq!(c.languages[2].dir, Dir::Rtl);
        assert_eq!(c.base_path, "/res/");
        assert_eq!(c.absolute("/res/cy/"), "https://example.org/res/cy/");
    }

    #[cfg(feature = "search")]
    #[test]
    fn search_is_on_unless_turned_off() {
        assert!(parse("title: x\n").unwrap().search);
        assert!(!parse("search: false\n").unwrap().search);
        let Err(Error::Input(d)) = parse("serch: false\n") else { panic!("a misspelt `search` was accepted") };
        assert_eq!(d[0].hint.as_deref(), Some("Did you mean `search`?"));
    }

    #[cfg(feature = "pdf")]
    #[test]
    fn pdf_leaflets_are_on_unless_turned_off() {
        assert!(parse("title: x\n").unwrap().print.pdf);
        assert!(!parse("print: {pdf: false}\n").unwrap().print.pdf);
        let Err(Error::Input(d)) = parse("print: {pdfs: false}\n") else { panic!("a misspelt `pdf` was accepted") };
        assert_eq!(d[0].hint.as_deref(), Some("Did you mean `pdf`?"));
    }

    #[test]
    fn unknown_key_is_an_error_with_suggestion() {
        let Err(Error::Input(d)) = parse("title: x\nlanguage: [en]\n") else { panic!() };
        assert_eq!(d[0].line, Some(2));
        assert_eq!(d[0].hint.as_deref(), Some("Did you mean `languages`?"));
    }

    #[test]
    fn unknown_language_and_rule_are_errors() {
        let Err(Error::Input(d)) = parse("languages: [en, xx]\nchecks:\n  ER-PASIVE: off\n") else { panic!() };
        assert!(d.iter().any(|d| d.message.contains("`xx`") && d.line == Some(1)));
        assert!(d.iter().any(|d| d.hint.as_deref() == Some("Did you mean `ER-PASSIVE`?") && d.line == Some(3)));
    }

    #[test]
    fn rules_not_checked_yet_and_input_invalid_are_refused_in_checks() {
        let d = errors("languages: [en]\nchecks:\n  ER-PASSIVE: error\n  ER-FIGURATIVE: error\n  INPUT-INVALID: off\n  a11y-img-nme: off\n");
        let lines: Vec<_> = d.iter().map(|d| (d.line, d.message.split('`').nth(1).unwrap_or(""))).collect();
        assert_eq!(lines, [(Some(4), "ER-FIGURATIVE"), (Some(5), "INPUT-INVALID"), (Some(6), "a11y-img-nme")], "{d:#?}");
        assert!(d[0].message.contains("does not check yet"), "{:?}", d[0]);
        assert!(d[1].message.contains("cannot be changed"), "{:?}", d[1]);
        assert_eq!(d[2].hint.as_deref(), Some("Did you mean `A11Y-IMG-NAME`?"));
        let c = parse("languages: [en]\nchecks:\n  ER-PASSIVE: error\n").unwrap();
        assert_eq!(c.checks.get(&rules::ER_PASSIVE), Some(&Level::Error));
    }

    fn errors(text: &str) -> Vec<Diagnostic> {
        match parse(text) {
            Err(Error::Input(d)) => d,
            other => panic!("{text:?} was accepted: {other:?}"),
        }
    }

    #[test]
    fn base_url_is_a_web_address_or_a_path() {
        for bad in [
            "//evil.example/",
            "javascript://x/%0aalert(1)/",
            "javascript:alert(1)",
            "file:///etc/",
            "resources",
            "/\\\\evil.example/",
            "https://",
            "https:///x",
            "https://user:pw@example.org/",
            "/a b/",
            "https://example.org/?q=1",
        ] {
            let d = errors(&format!("base_url: {bad:?}\n"));
            assert_eq!(d.len(), 1, "{bad}: {d:?}");
            assert_eq!(d[0].line, Some(1), "{bad}");
            assert!(d[0].message.starts_with("base_url `"), "{bad}: {}", d[0].message);
            assert!(d[0].hint.as_deref().is_some_and(|h| h.contains("https://")), "{bad}");
        }
        for (ok, path) in [("https://example.org", "/"), ("http://example.org/res", "/res/"), ("HTTPS://Example.org:8080/a/b/", "/a/b/"), ("/resources", "/resources/"), ("/", "/")] {
            let c = parse(&format!("base_url: {ok:?}\n")).unwrap_or_else(|e| panic!("{ok}: {e}"));
            assert_eq!(c.base_path, path, "{ok}");
            assert!(c.base_url.ends_with('/'));
        }
        // The same type reads `--base-url`.
        assert!("//evil.example/".parse::<BaseUrl>().is_err());
        assert_eq!("https://example.org/x".parse::<BaseUrl>().unwrap(), BaseUrl { url: "https://example.org/x/".into(), path: "/x/".into() });
    }

    #[test]
    fn a_site_title_needs_visible_characters() {
        let d = errors("languages: [en]\ntitle: \"\\u200b\"\n");
        assert_eq!(d[0].line, Some(2));
        assert!(d[0].message.contains("blank"), "{}", d[0].message);
        assert!(parse("title: \"Mind \\u200bCymru\"\n").is_ok());
    }

    #[test]
    fn a_language_written_twice_in_other_capitals_is_listed_twice() {
        let d = errors("languages: [en, cy, EN]\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("listed twice") && d[0].message.contains("`EN`"), "{}", d[0].message);
        assert_eq!(d[0].line, Some(1));
    }

    #[test]
    fn a_bad_direction_names_the_value_and_the_choices() {
        let d = errors("languages:\n  - en\n  - code: ur\n    dir: sideways\n");
        assert!(!d[0].message.contains("untagged") && !d[0].message.contains("variant"), "{}", d[0].message);
        assert!(d[0].message.contains("`dir` cannot be `sideways`") && d[0].message.contains("`ltr` or `rtl`"), "{}", d[0].message);
        assert_eq!(d[0].line, Some(4));
        // An unknown key in an entry is still reported.
        let d = errors("languages:\n  - en\n  - code: ur\n    name: Urdu\n");
        assert!(d[0].message.contains("name"), "{}", d[0].message);
    }
}
