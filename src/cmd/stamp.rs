//! `clearleaf stamp FILE…`: records that translations or Easy read versions match their source
//! as it is now, by setting `source_hash` in their front matter to the source's current hash.
//!
//! Only that one line changes (it is added before the closing `---` when absent). Every other
//! byte of the file is kept: a byte-order mark, CRLF line ends, key order, comments. Files are
//! checked first and nothing is written unless every one of them can be stamped.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::error::{Diagnostic, Error, Result};
use crate::files::SiteFolder;
use crate::front_matter;
use crate::i18n::staleness;
use crate::load::{CONTENT_DIR, parse_file_name};
use crate::text::decode_text;
use crate::variant::Form;
use crate::variant::source_of;

/// The front matter key written.
const KEY: &str = "source_hash";

/// One file ready to be written.
struct Stamp {
    path: PathBuf,
    shown: String,
    source: String,
    /// The source on disk (canonical), to tell whether it is stamped in the same run.
    source_path: PathBuf,
    hash: String,
    /// The new bytes, or `None` when the file already carries the hash.
    bytes: Option<Vec<u8>>,
    /// Said after stamping, e.g. that the source is itself outdated.
    note: Option<String>,
}

/// Stamps every file; returns the exit status (0). Invalid files are reported together
/// (exit status 2) and then nothing is written.
pub fn run(files: &[PathBuf]) -> Result<i32> {
    if files.is_empty() {
        return Err(Error::Usage("name the translation or Easy read files to stamp, like `clearleaf stamp content/help/out-of-hours.cy.md`".into()));
    }
    let mut stamps = Vec::new();
    let mut problems = Vec::new();
    for path in files {
        match plan(path) {
            Ok(s) => stamps.push(s),
            Err(Error::Input(d)) => problems.extend(d),
            Err(e) => return Err(e),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }
    // A source stamped in the same run (`stamp x.easy.md x.easy.cy.md`) will be current.
    let stamped: Vec<PathBuf> = stamps.iter().filter_map(|s| s.path.canonicalize().ok()).collect();
    for s in &mut stamps {
        if stamped.contains(&s.source_path) {
            s.note = None;
        }
    }
    for s in &stamps {
        match &s.bytes {
            Some(bytes) => {
                std::fs::write(&s.path, bytes).map_err(|e| Error::io(&s.path, e))?;
                eprintln!("Stamped {} with {} (the hash of {}).", s.shown, s.hash, s.source);
            }
            None => eprintln!("{} already has the hash of {} ({}).", s.shown, s.source, s.hash),
        }
        if let Some(note) = &s.note {
            eprintln!("  note: {note}");
        }
    }
    Ok(0)
}

/// The site folder a file is in (the parent of the nearest `content/` above it that has a
/// site.yaml beside it), the file's path inside `content/`, and the file's absolute path. The
/// file's folder is resolved but not the file: a file that is a link belongs to the site it is
/// in, which [`SiteFolder::check`] then asks it not to lead out of.
fn site_of(path: &Path) -> Option<(PathBuf, String, PathBuf)> {
    let folder = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => parent.canonicalize().ok()?,
        None => std::env::current_dir().ok()?.canonicalize().ok()?,
    };
    let abs = folder.join(path.file_name()?);
    for dir in abs.ancestors().skip(1) {
        if dir.file_name().is_some_and(|n| n == CONTENT_DIR) {
            let root = dir.parent()?;
            if root.join(crate::config::FILE).is_file() {
                return Some((root.to_path_buf(), crate::files::rel_path(dir, &abs), abs));
            }
        }
    }
    None
}

fn read(path: &Path, shown: &str) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    decode_text(shown, bytes)
}

/// The hash variants of the page in `text` must carry (its front matter is checked on the way).
pub fn hash_of_text(rel: &str, text: &str) -> std::result::Result<String, Diagnostic> {
    let parsed = front_matter::parse(rel, text)?;
    let front = &parsed.front;
    Ok(staleness::source_hash(front.title.as_deref().unwrap_or_default(), front.description.as_deref(), &text[parsed.body_start..]))
}

fn plan(path: &Path) -> Result<Stamp> {
    let shown = path.display().to_string();
    let refuse = |message: String, hint: &str| Err(Error::input(Diagnostic::new(&shown, message).hint(hint)));
    if !path.is_file() {
        let what = if path.exists() { "this is not a file" } else { "there is no such file" };
        return refuse(what.into(), "Name translation or Easy read files, like content/help/out-of-hours.cy.md or content/help/out-of-hours.easy.md.");
    }
    if path.extension().is_none_or(|e| e != "md") {
        return refuse("this is not a markdown page (.md)".into(), "Name translation or Easy read files, like content/help/out-of-hours.cy.md.");
    }
    let Some((root, inside, abs)) = site_of(path) else {
        return refuse("this file is not inside a site's content/ folder (a content/ folder with a site.yaml beside it)".into(), "Stamp files inside your site's content/ folder.");
    };
    // Neither the file written nor the source read may be a link out of the site, as in a build.
    let folder = SiteFolder::new(&root);
    folder.check(&abs).map_err(Error::input)?;
    let config = Config::load(&root)?;
    let key = parse_file_name(&inside, &config.languages)?;
    let Some((source_lang, source_form)) = source_of(&config.default_language, &key.lang, key.form) else {
        let stem = shown.strip_suffix(".md").unwrap_or(&shown);
        let other = config.languages.get(1).map_or("cy", |l| l.code.as_str());
        return refuse(
            format!("this is a source page (standard, {}), not a translation or Easy read version, so it has no source_hash to set", config.default_language),
            &format!("Stamp the files made from it instead, such as {stem}.{other}.md or {stem}.easy.md."),
        );
    };
    let source_rel = format!("{CONTENT_DIR}/{}{}.md", key.page, if source_form == Form::Easy { ".easy" } else { "" });
    let source_path = root.join(&source_rel);
    folder.check(&source_path).map_err(Error::input)?;
    let source_path = source_path.canonicalize().unwrap_or(source_path);
    if !source_path.is_file() {
        return refuse(
            format!("the page it was made from, {source_rel}, does not exist, so there is nothing to stamp it against"),
            "Create that page first, or delete this file if the page was removed on purpose.",
        );
    }
    let source_text = read(&source_path, &source_rel)?;
    let hash = hash_of_text(&source_rel, &source_text)?;

    let raw = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let before = decode_text(&shown, raw.clone())?;
    let old = front_matter::parse(&shown, &before)?;
    let note = source_note(&root, &config, &key.page, &source_lang, source_form, &source_rel, &source_text)?;
    if staleness::stamp_matches(old.front.source_hash.as_deref(), &hash) {
        return Ok(Stamp { path: path.to_path_buf(), shown, source: source_rel, source_path, hash, bytes: None, note });
    }
    let text = String::from_utf8(raw).map_err(|_| Error::input(Diagnostic::new(&shown, "this file is not UTF-8 text")))?;
    let stamped = set_source_hash(&text, &hash);
    // Check the result reads back as the same front matter with the new hash, so a file we
    // could not edit safely is refused rather than damaged.
    let checked = stamped.as_ref().and_then(|t| {
        let new = front_matter::parse(&shown, &decode_text(&shown, t.clone().into_bytes()).ok()?).ok()?;
        let mut expected = old.front.clone();
        expected.source_hash = Some(hash.clone());
        (new.front == expected).then_some(())
    });
    match (stamped, checked) {
        (Some(t), Some(())) => Ok(Stamp { path: path.to_path_buf(), shown, source: source_rel, source_path, hash, bytes: Some(t.into_bytes()), note }),
        _ => refuse(format!("could not set `{KEY}` in this file's front matter safely"), &format!("Write the line `{KEY}: \"{hash}\"` between the --- lines at the top yourself.")),
    }
}

/// When the source is itself made from another page (an Easy read page, the source of its
/// translations) and is outdated, stamping against it does not make this file current.
fn source_note(root: &Path, config: &Config, page: &str, lang: &str, form: Form, source_rel: &str, source_text: &str) -> Result<Option<String>> {
    let Some((_, up_form)) = source_of(&config.default_language, lang, form) else { return Ok(None) };
    let up_rel = format!("{CONTENT_DIR}/{page}{}.md", if up_form == Form::Easy { ".easy" } else { "" });
    let up_path = root.join(&up_rel);
    if !up_path.is_file() {
        return Ok(None);
    }
    let up_hash = hash_of_text(&up_rel, &read(&up_path, &up_rel)?)?;
    let source_stamp = front_matter::parse(source_rel, source_text)?.front.source_hash;
    Ok((!staleness::stamp_matches(source_stamp.as_deref(), &up_hash))
        .then(|| format!("{source_rel} is itself out of date with {up_rel}, so this file stays outdated until {source_rel} is updated and stamped.")))
}

/// `text` with `source_hash: "HASH"` in its front matter (see [`front_matter::set_key`]).
pub fn set_source_hash(text: &str, hash: &str) -> Option<String> {
    front_matter::set_key(text, KEY, &format!("\"{hash}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: &str = "v1:0123456789ab";

    #[test]
    fn a_page_without_front_matter_gets_one_with_the_hash() {
        assert_eq!(set_source_hash("# Teitl\n\nTestun.\n", H).unwrap(), "---\nsource_hash: \"v1:0123456789ab\"\n---\n# Teitl\n\nTestun.\n");
        assert_eq!(set_source_hash("\u{feff}# T\r\n", H).unwrap(), "\u{feff}---\r\nsource_hash: \"v1:0123456789ab\"\r\n---\r\n# T\r\n");
        assert_eq!(set_source_hash("---\ntitle: A\n", H), None);
    }

    #[test]
    fn replaces_only_the_line() {
        let text = "---\ntitle: A\nsource_hash: \"v1:old\"  \nweight: 2 # a comment\n---\nBody\n";
        assert_eq!(set_source_hash(text, H).unwrap(), "---\ntitle: A\nsource_hash: \"v1:0123456789ab\"\nweight: 2 # a comment\n---\nBody\n");
    }

    #[test]
    fn adds_the_line_before_the_closing_marker_with_the_files_line_ends() {
        let text = "\u{feff}---\r\ntitle: A\r\n# keep me\r\n---\r\nBody\r\n---\r\n";
        assert_eq!(set_source_hash(text, H).unwrap(), "\u{feff}---\r\ntitle: A\r\n# keep me\r\nsource_hash: \"v1:0123456789ab\"\r\n---\r\nBody\r\n---\r\n");
    }

    #[test]
    fn replaces_a_value_on_the_next_line_but_not_a_comment_after_a_value() {
        let text = "---\nsource_hash:\n  v1:old\ntitle: A\n---\n";
        assert_eq!(set_source_hash(text, H).unwrap(), "---\nsource_hash: \"v1:0123456789ab\"\ntitle: A\n---\n");
        let text = "---\ntitle: A\nsource_hash: v1:old\n  # about the hash\n---\n";
        assert_eq!(set_source_hash(text, H).unwrap(), "---\ntitle: A\nsource_hash: \"v1:0123456789ab\"\n  # about the hash\n---\n");
    }
}
