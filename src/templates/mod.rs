//! Stage 6: Tera templates with Fluent strings. The built-in theme is embedded; a site's
//! `themes/<theme>/templates/` files replace it file by file. Templates are compiled once and
//! shared by every rendering thread.

mod context;

pub use context::{PageContext, SEARCH_PATH, SearchContext, not_found_context, page_context, search_context, site_title};

use std::collections::BTreeMap;
use std::sync::Arc;

use fluent::{FluentArgs, FluentValue};

use crate::config::Config;
use crate::error::{Diagnostic, Error, Result};
use crate::i18n::Locales;
use crate::i18n::builtin::THEME_FILES;

/// The site folder with themes.
pub const THEMES_DIR: &str = "themes";

/// A theme file (template or static asset) and where it came from.
#[derive(Clone, Debug)]
pub struct ThemeFile {
    /// How findings and errors name it: `themes/default/templates/page.html` or `builtin:templates/page.html`.
    pub shown: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// The compiled theme.
pub struct Theme {
    tera: tera::Tera,
    /// Template name → where it came from, for error messages.
    sources: BTreeMap<String, String>,
    /// Template name → the template at the top of its `{% extends %}` chain.
    roots: BTreeMap<String, String>,
    /// Static files of the theme, by output path (`theme/clearleaf.css`).
    pub static_files: BTreeMap<String, ThemeFile>,
    /// The print templates of the PDF leaflets, by name inside `print/` (`easy-read.typ`).
    pub print: BTreeMap<String, ThemeFile>,
    /// The font files the PDF leaflets are typeset with, by name inside `fonts/`. They are not
    /// published: the web pages use the WOFF2 files of `static/`.
    pub fonts: BTreeMap<String, ThemeFile>,
    /// Where a missing UI string is best added.
    default_language: String,
}

impl Theme {
    /// Loads the built-in theme, the site's overrides, and registers the `t()` function.
    pub fn load(config: &Config, locales: Arc<Locales>) -> Result<Theme> {
        let mut templates: BTreeMap<String, ThemeFile> = BTreeMap::new();
        let mut static_files = BTreeMap::new();
        let mut print = BTreeMap::new();
        let mut fonts = BTreeMap::new();
        let mut add = |inside: &str, file: ThemeFile| {
            if let Some(name) = inside.strip_prefix("templates/") {
                templates.insert(name.to_string(), file);
            } else if let Some(out) = inside.strip_prefix("static/") {
                static_files.insert(out.to_string(), file);
            } else if let Some(name) = inside.strip_prefix("print/") {
                print.insert(name.to_string(), file);
            } else if let Some(name) = inside.strip_prefix("fonts/") {
                fonts.insert(name.to_string(), file);
            }
        };
        // A theme of its own starts from the built-in print templates and fonts, so that a site
        // whose theme predates PDF leaflets still gets them; its own files replace them by name.
        let print_only = |inside: &str| inside.starts_with("print/") || inside.starts_with("fonts/");
        for (inside, bytes) in THEME_FILES.iter().filter(|(inside, _)| config.theme == "default" || print_only(inside)) {
            add(inside, ThemeFile { shown: format!("builtin:{inside}"), bytes: bytes.to_vec() });
        }
        let dir = config.root.join(THEMES_DIR).join(&config.theme);
        if dir.is_dir() {
            let entries = crate::files::SiteFolder::new(&config.root).all_files(&dir, usize::MAX)?;
            for entry in entries {
                let inside = crate::files::rel_path(&dir, entry.path());
                let bytes = std::fs::read(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
                add(&inside, ThemeFile { shown: crate::files::rel_path(&config.root, entry.path()), bytes });
            }
        } else if config.theme != "default" {
            let line = std::fs::read_to_string(config.root.join(crate::config::FILE)).ok().and_then(|t| t.lines().position(|l| l.trim_start().starts_with("theme:"))).map_or(1, |i| i + 1);
            return Err(Error::input(
                Diagnostic::new("site.yaml", format!("the theme `{}` does not exist", config.theme))
                    .at_line(line)
                    .hint(format!("Create {THEMES_DIR}/{}/templates/, or remove the `theme` line to use the built-in theme.", config.theme)),
            ));
        }
        let mut tera = tera::Tera::new();
        // Functions must be registered before templates are added (Tera 2).
        tera.register_function("t", move |kw: tera::Kwargs, st: &tera::State| -> tera::TeraResult<String> {
            let lang: String = st.get("lang")?.unwrap_or_default();
            let key: String = kw.must_get("key")?;
            let mut args = FluentArgs::new();
            for (name, value) in kw.iter() {
                let name = name.to_string();
                if name == "key" {
                    continue;
                }
                let fv = if let Some(n) = value.as_f64() { FluentValue::from(n) } else { FluentValue::from(value.as_str().map(str::to_string).unwrap_or_else(|| value.to_string())) };
                args.set(name.replace('_', "-"), fv);
            }
            locales.text(&lang, &key, Some(&args)).ok_or_else(|| {
                MISSING_STRING.set(Some(key.clone()));
                tera::Error::message(format!("no UI string `{key}`"))
            })
        });
        let mut sources = BTreeMap::new();
        let mut texts = Vec::new();
        for (name, file) in &templates {
            let text = crate::text::decode_text(&file.shown, file.bytes.clone())?;
            sources.insert(name.clone(), file.shown.clone());
            texts.push((name.clone(), text));
        }
        tera.add_raw_templates(texts.iter().map(|(n, t)| (n.as_str(), t.as_str()))).map_err(|e| template_error(&e, &sources))?;
        let search = config.search.then_some("search.html");
        for required in ["page.html", "section.html", "404.html"].into_iter().chain(search) {
            if !tera.contains_template(required) {
                return Err(Error::input(
                    Diagnostic::new(format!("{THEMES_DIR}/{}/templates/{required}", config.theme), "this template is missing")
                        .hint("Every theme needs page.html, section.html and 404.html, and search.html unless site.yaml says `search: false`. Copy them from the built-in theme (see the README)."),
                ));
            }
        }
        let parent = |text: &str| text.split("{% extends \"").nth(1).and_then(|r| r.split('"').next()).map(str::to_string);
        let parents: BTreeMap<String, String> = texts.iter().filter_map(|(n, t)| parent(t).map(|p| (n.clone(), p))).collect();
        let roots = texts
            .iter()
            .map(|(n, _)| {
                let mut root = n.clone();
                for _ in 0..16 {
                    match parents.get(&root) {
                        Some(p) => root = p.clone(),
                        None => break,
                    }
                }
                (n.clone(), root)
            })
            .collect();
        Ok(Theme { tera, sources, roots, static_files, print, fonts, default_language: config.default_language.clone() })
    }

    /// How findings name the theme file behind a page rendered with `template`: the template it
    /// finally extends (where the page frame is), as `builtin:templates/base.html` or the site's
    /// own file.
    pub fn shown<'a>(&'a self, template: &'a str) -> &'a str {
        let root = self.roots.get(template).map_or(template, String::as_str);
        self.sources.get(root).map_or(root, String::as_str)
    }

    /// How findings name the file of `template` itself: `builtin:templates/search.html`, or the
    /// site's own file that replaces it.
    pub fn source<'a>(&'a self, template: &'a str) -> &'a str {
        self.sources.get(template).map_or(template, String::as_str)
    }

    /// Renders `template` with `ctx`.
    pub fn render(&self, template: &str, ctx: &tera::Context) -> Result<String> {
        MISSING_STRING.set(None);
        self.tera.render(template, ctx).map_err(|e| match MISSING_STRING.take() {
            Some(key) => missing_string(&e, &key, &self.default_language, &self.sources),
            None => template_error(&e, &self.sources),
        })
    }
}

thread_local! {
    /// The UI string the `t` function did not find while this thread rendered a page: the
    /// editor is told to add it to a locale file, not to check the template's tags.
    static MISSING_STRING: std::cell::Cell<Option<String>> = const { std::cell::Cell::new(None) };
}

/// A template asked for a UI string that neither the page's language nor the default one has.
fn missing_string(e: &tera::Error, key: &str, default_language: &str, sources: &BTreeMap<String, String>) -> Error {
    let used_at = match e.kind() {
        tera::ErrorKind::RenderingError(r) => {
            let file = sources.get(r.filename()).map_or(r.filename(), String::as_str);
            format!(" ({file}, line {}, uses it)", r.span().start_line)
        }
        _ => String::new(),
    };
    let file = format!("{}/{default_language}/main.ftl", crate::i18n::LOCALES_DIR);
    Error::input(
        Diagnostic::new(&file, format!("the UI string `{key}` is not defined in any locale file{used_at}")).hint(format!(
            "Add a line `{key} = …` to {file}, with the words to show; other languages fall back to it until their own main.ftl has it. Or take `t(key=\"{key}\")` out of the template."
        )),
    )
}

/// A Tera error as a located diagnostic in the template file.
fn template_error(e: &tera::Error, sources: &BTreeMap<String, String>) -> Error {
    use std::error::Error as _;
    let shown = |name: &str| sources.get(name).cloned().unwrap_or_else(|| name.to_string());
    let d = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let span = r.span();
            let mut message = r.message().to_string();
            let mut source = e.source();
            while let Some(s) = source {
                message.push_str(": ");
                message.push_str(&s.to_string());
                source = s.source();
            }
            let kind = if matches!(e.kind(), tera::ErrorKind::SyntaxError(_)) { "template syntax error" } else { "the template failed" };
            Diagnostic::new(shown(r.filename()), format!("{kind}: {message}"))
                .at(span.start_line, span.start_col + 1)
                .hint("Check the {{ }} and {% %} tags on this line: every {% if %}, {% for %} and {% block %} needs its {% end… %}.")
        }
        tera::ErrorKind::MissingParent { current, parent } => {
            Diagnostic::new(shown(current), format!("this template extends `{parent}`, which does not exist")).hint("Check the name in {% extends %}, or add that template.")
        }
        tera::ErrorKind::TemplateNotFound(name) => Diagnostic::new(format!("{THEMES_DIR}/…/templates/{name}"), "this template is missing").hint("Add it to your theme."),
        _ => Diagnostic::new("templates", e.to_string()),
    };
    Error::input(d)
}
