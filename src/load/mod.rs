//! Stage 1: find every file under `content/`, name the page, language and form of each
//! markdown file from its file name, and read it once.

mod file_name;
mod svg;

pub use file_name::{nfc, parse_file_name, variant_file_name};

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::error::{Diagnostic, Error, Result};
use crate::files::{SiteFolder, rel_path};
use crate::finding::{Finding, Severity};
use crate::language::Language;
use crate::rules;
use crate::text::decode_text;
use crate::variant::VariantKey;

pub use crate::files::CONTENT_DIR;

/// A markdown file under `content/`, read and decoded.
#[derive(Debug)]
pub struct SourceFile {
    /// Site-relative path, e.g. `content/help/out-of-hours.cy.md`.
    pub rel: String,
    /// Which page, language and form the file is.
    pub key: VariantKey,
    /// The text, with a BOM removed and CRLF turned into LF.
    pub text: String,
}

/// A non-markdown file under `content/`, copied beside the page's output.
#[derive(Debug, Clone, Default)]
pub struct Asset {
    /// Site-relative source path, e.g. `content/help/phone.svg`.
    pub rel: String,
    /// Path inside the output folder, e.g. `help/phone.svg`.
    pub out: String,
    /// Absolute path on disk.
    pub path: PathBuf,
    /// An SVG picture's cleaned bytes, which are published instead of the file (see [`svg`]).
    pub cleaned: Option<Arc<[u8]>>,
    /// What cleaning the picture removed.
    pub findings: Vec<Finding>,
}

/// File types that a browser runs scripts in when they are opened from the site. They are not
/// published from `content/`, where editors' files go; `static/` is for trusted files.
const ACTIVE_TYPES: &[&str] = &["html", "htm", "xhtml", "xht", "shtml", "xml", "xsl", "xslt", "svgz"];

/// Everything found under `content/`.
#[derive(Debug, Default)]
pub struct Content {
    /// Markdown files, sorted by path.
    pub pages: Vec<SourceFile>,
    /// Other files, sorted by path.
    pub assets: Vec<Asset>,
    /// Files under `static/`, copied to the output root as they are.
    pub statics: Vec<Asset>,
}

/// The folder of files copied as they are.
pub const STATIC_DIR: &str = "static";

/// Walks `content/` under the site folder `root`, checks every file name against the site's
/// `languages` (the default first), and reads the markdown files in parallel.
pub fn load_content(root: &Path, languages: &[Language]) -> Result<Content> {
    let dir = root.join(CONTENT_DIR);
    if !dir.is_dir() {
        return Err(Error::input(Diagnostic::new(CONTENT_DIR, "there is no content/ folder").hint("Put your pages in a folder named content next to site.yaml.")));
    }
    let folder = SiteFolder::new(root);
    let mut problems = Vec::new();
    let mut md = Vec::new();
    let mut assets = Vec::new();
    for entry in folder.files(&dir, usize::MAX, &mut problems) {
        let rel = rel_path(root, entry.path());
        let inside = &rel[CONTENT_DIR.len() + 1..];
        if let Some(bad) = file_name::unusable_char(inside) {
            let shown = match bad {
                ' ' => "a space".to_string(),
                c if unicode_normalization::char::is_combining_mark(c) => format!("the mark U+{:04X} where no letter comes before it", c as u32),
                c => format!("`{c}`"),
            };
            problems.push(
                Diagnostic::new(&rel, format!("this file name has {shown}, which cannot be part of a web address")).hint("Rename the file using letters, digits, - and _ only, like out-of-hours.md."),
            );
            continue;
        }
        if inside.ends_with(".md") {
            match parse_file_name(inside, languages) {
                Ok(key) => md.push((rel, key, entry.into_path())),
                Err(d) => problems.push(d),
            }
        } else {
            if let Some(ext) = inside.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).filter(|e| ACTIVE_TYPES.contains(&e.as_str())) {
                problems.push(
                    Diagnostic::new(&rel, format!("a .{ext} file can run scripts on your site, so clearleaf does not publish it from content/"))
                        .hint("Write the page in markdown (a .md file) instead. If you made the file yourself and trust it, put it in the static/ folder, which is published as it is."),
                );
                continue;
            }
            assets.push(Asset { out: nfc(inside), rel, path: entry.into_path(), ..Asset::default() });
        }
    }
    problems.extend(same_variant_twice(&md, &languages[0].code));
    let read: Vec<std::result::Result<SourceFile, Diagnostic>> = md.into_par_iter().map(|(rel, key, path)| read_page(rel, key, &path)).collect();
    let mut pages = Vec::with_capacity(read.len());
    for r in read {
        match r {
            Ok(p) => pages.push(p),
            Err(d) => problems.push(d),
        }
    }
    let mut statics = Vec::new();
    let static_dir = root.join(STATIC_DIR);
    if static_dir.is_dir() {
        for e in folder.files(&static_dir, usize::MAX, &mut problems) {
            statics.push(Asset { rel: rel_path(root, e.path()), out: nfc(&rel_path(&static_dir, e.path())), path: e.into_path(), ..Asset::default() });
        }
    }
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }
    assets.par_iter_mut().filter(|a| a.out.to_ascii_lowercase().ends_with(".svg")).try_for_each(clean_svg)?;
    Ok(Content { pages, assets, statics })
}

/// Two files that are one variant of one page, such as `p.md` and `p.en.md` when `en` is the
/// default language, or `café.md` spelled two ways: without this, one would silently win.
fn same_variant_twice(md: &[(String, VariantKey, PathBuf)], default_language: &str) -> Vec<Diagnostic> {
    let mut first: std::collections::HashMap<&VariantKey, &str> = std::collections::HashMap::new();
    let mut problems = Vec::new();
    for (rel, key, _) in md {
        let other = match first.entry(key) {
            std::collections::hash_map::Entry::Occupied(o) => *o.get(),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(rel);
                continue;
            }
        };
        let d = if nfc(other) == nfc(rel) {
            spelled_twice(rel, other)
        } else {
            let form = if key.form == crate::variant::Form::Easy { "Easy read" } else { "standard" };
            Diagnostic::new(rel, format!("this file and {other} are both the {form} {} version of the same page, so only one of them could be published", key.lang)).hint(format!(
                "Keep one of them: merge the two and delete the other. A name without a language is in the default language ({}), so {} is the name to use.",
                default_language,
                variant_file_name(&key.page, &key.lang, key.form, default_language),
            ))
        };
        problems.push(d);
    }
    problems
}

/// Two files whose names differ only in how their accents are encoded.
pub fn spelled_twice(rel: &str, other: &str) -> Diagnostic {
    Diagnostic::new(rel, format!("this file and {other} have the same name, spelled with different character codes (one writes accents as separate marks, as macOS does)"))
        .hint("Keep one of them: delete or rename the other. They would be published at the same address.")
}

/// Reads one page file found under `content/`.
pub fn read_page(rel: String, key: VariantKey, path: &Path) -> std::result::Result<SourceFile, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| Diagnostic::new(&rel, format!("could not be read: {e}")))?;
    let text = decode_text(&rel, bytes).map_err(|e| match e {
        Error::Input(mut d) => d.remove(0),
        other => Diagnostic::new(&rel, other.to_string()),
    })?;
    Ok(SourceFile { rel, key, text })
}

/// Reads an SVG picture once and keeps the bytes to publish: cleaned, with a finding for each
/// thing removed. A file that is not SVG at all is published empty, and the finding says why.
fn clean_svg(asset: &mut Asset) -> Result<()> {
    let bytes = std::fs::read(&asset.path).map_err(|e| Error::io(&asset.path, e))?;
    let finding = |line: Option<usize>, what: String| {
        Finding::new(&rules::HTML_SANITISED, Severity::Warning, &asset.rel, what)
            .maybe_line(line)
            .help("Pictures may not run scripts or load things from other sites. Save the picture again from a drawing program as plain SVG, or use a PNG.")
    };
    match svg::clean(&bytes) {
        Ok(cleaned) => {
            asset.findings = cleaned.removed.into_iter().map(|(line, what)| finding(Some(line), format!("This picture was changed to keep readers safe: {what}."))).collect();
            asset.cleaned = Some(cleaned.bytes.into());
        }
        Err(why) => {
            asset.findings = vec![finding(None, format!("This picture cannot be read as SVG, so an empty file is published in its place: {why}."))];
            asset.cleaned = Some(Arc::from(&[][..]));
        }
    }
    Ok(())
}
