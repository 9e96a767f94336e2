//! Loading `.ftl` files and looking up messages with a fallback to the default language.

use std::collections::{BTreeMap, HashMap};

use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource};

use super::builtin::LOCALE_FILES;
use super::dates::DateWords;
use crate::config::Config;
use crate::error::{Diagnostic, Error, Result};

/// The site folder with locale overrides.
pub const LOCALES_DIR: &str = "locales";

/// One `.ftl` file: where it came from and its text.
struct FtlFile {
    /// `locales/cy/main.ftl` for a site file, `builtin:locales/cy/main.ftl` for an embedded one.
    shown: String,
    text: String,
}

/// One language's locale files by name (`main.ftl`), each as its layers: the built-in file
/// first, then the site's, as (shown path, bytes).
type FilesByName = BTreeMap<String, Vec<(String, Vec<u8>)>>;

/// UI strings of every site language.
pub struct Locales {
    default: String,
    bundles: HashMap<String, FluentBundle<FluentResource>>,
    /// For each language, each message ID and the file it is defined in (sorted, for reports).
    messages: BTreeMap<String, BTreeMap<String, String>>,
    /// Other per-language files from the locales folders (e.g. `glossary.yaml`), by language and
    /// name: the built-in file first, then the site's.
    extra: BTreeMap<String, FilesByName>,
    /// Dates in words, per language.
    dates: DateWords,
}

impl Locales {
    /// Loads the built-in and site locales of every site language.
    pub fn load(config: &Config) -> Result<Locales> {
        // Language → file name → files: the built-in one first, then the site's, which adds to
        // it. A site that defines two strings keeps every other built-in one.
        let mut files: BTreeMap<String, FilesByName> = BTreeMap::new();
        for (path, bytes) in LOCALE_FILES {
            if let Some((lang, name)) = path.split_once('/') {
                files.entry(lang.to_string()).or_default().entry(name.to_string()).or_default().push((format!("builtin:locales/{path}"), bytes.to_vec()));
            }
        }
        let site_dir = config.root.join(LOCALES_DIR);
        if site_dir.is_dir() {
            let entries = crate::files::SiteFolder::new(&config.root).all_files(&site_dir, 2)?;
            // `locales/<lang>/<file>`: files directly in locales/ are not per language.
            for entry in entries.into_iter().filter(|e| e.depth() == 2) {
                let rel = crate::files::rel_path(&config.root, entry.path());
                let bytes = std::fs::read(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
                let mut parts = rel.splitn(3, '/').skip(1);
                let (Some(lang), Some(name)) = (parts.next(), parts.next()) else { continue };
                files.entry(lang.to_string()).or_default().entry(name.to_string()).or_default().push((rel, bytes));
            }
        }
        let mut problems = Vec::new();
        let mut bundles = HashMap::new();
        let mut messages = BTreeMap::new();
        let mut extra = BTreeMap::new();
        for lang in &config.languages {
            let Some(lang_files) = files.remove(&lang.code) else {
                problems.push(Diagnostic::new(format!("{LOCALES_DIR}/{}/", lang.code), format!("there are no UI strings for the language `{}`", lang.code)).hint(format!(
                    "Create {LOCALES_DIR}/{}/main.ftl with at least the line `language-name = …` (the language's own name for itself). Copy the others from locales/en/main.ftl and translate them.",
                    lang.code
                )));
                continue;
            };
            let langid = lang.code.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Placeables are isolated with <bdi> in the templates instead: FSI/PDI marks would
            // end up in titles, attributes and slugs.
            bundle.set_use_isolating(false);
            let mut ids = BTreeMap::new();
            let mut others = BTreeMap::new();
            for (name, layers) in lang_files {
                if !name.ends_with(".ftl") {
                    others.insert(name, layers);
                    continue;
                }
                for (shown, bytes) in layers {
                    let text = match crate::text::decode_text(&shown, bytes) {
                        Ok(t) => t,
                        Err(Error::Input(d)) => {
                            problems.extend(d);
                            continue;
                        }
                        Err(e) => return Err(e),
                    };
                    let file = FtlFile { shown, text };
                    match FluentResource::try_new(file.text.clone()) {
                        Ok(res) => {
                            for entry in res.entries() {
                                if let fluent_syntax::ast::Entry::Message(m) = entry {
                                    ids.insert(m.id.name.to_string(), file.shown.clone());
                                }
                            }
                            bundle.add_resource_overriding(res);
                        }
                        Err((_, errors)) => {
                            for e in errors {
                                let (line, column) = line_col(&file.text, e.pos.start);
                                problems.push(
                                    Diagnostic::new(&file.shown, format!("this Fluent file has a syntax error: {}", e.kind))
                                        .at(line, column)
                                        .hint("Each line is `message-id = text`. Text that goes on over several lines must be indented; { and } must come in pairs."),
                                );
                            }
                        }
                    }
                }
            }
            messages.insert(lang.code.clone(), ids);
            extra.insert(lang.code.clone(), others);
            bundles.insert(lang.code.clone(), bundle);
        }
        if !problems.is_empty() {
            return Err(Error::Input(problems));
        }
        Ok(Locales { default: config.default_language.clone(), bundles, messages, extra, dates: DateWords::new(&config.languages) })
    }

    /// `date` in words, the way `lang` writes dates ("1 November 2026").
    pub fn date_in_words(&self, lang: &str, date: jiff::civil::Date) -> String {
        self.dates.format(lang, date)
    }

    /// The message `id` in `lang`, falling back to the default language; `None` if neither has it.
    pub fn text(&self, lang: &str, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        self.text_in(lang, id, args).or_else(|| self.text_in(&self.default, id, args))
    }

    /// The message `id` in exactly `lang`.
    pub fn text_in(&self, lang: &str, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        let bundle = self.bundles.get(lang)?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(bundle.format_pattern(pattern, args, &mut errors).into_owned())
    }

    /// The message `id` in `lang` only if the site itself (not the built-in locale) defines it.
    pub fn site_text(&self, lang: &str, id: &str) -> Option<String> {
        let file = self.messages.get(lang)?.get(id)?;
        if file.starts_with("builtin:") { None } else { self.text_in(lang, id, None) }
    }

    /// The language's name for itself (`language-name`), or its code if the locale lacks one.
    pub fn endonym(&self, lang: &str) -> String {
        self.text_in(lang, "language-name", None).unwrap_or_else(|| lang.to_string())
    }

    /// Message IDs the default language has and `lang` lacks, with the file that defines them.
    pub fn missing_in(&self, lang: &str) -> Vec<(&str, &str)> {
        let (Some(default), Some(ids)) = (self.messages.get(&self.default), self.messages.get(lang)) else { return Vec::new() };
        default.iter().filter(|(id, _)| !ids.contains_key(*id)).map(|(id, file)| (id.as_str(), file.as_str())).collect()
    }

    /// A non-Fluent file of a language's locale folder (e.g. `glossary.yaml`): the built-in
    /// one, then the site's, as shown path and bytes.
    pub fn files(&self, lang: &str, name: &str) -> impl Iterator<Item = (&str, &[u8])> {
        self.extra.get(lang).and_then(|f| f.get(name)).into_iter().flatten().map(|(shown, bytes)| (shown.as_str(), bytes.as_slice()))
    }
}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rfind('\n').map_or(before.chars().count(), |i| before[i + 1..].chars().count()) + 1;
    (line, column)
}
