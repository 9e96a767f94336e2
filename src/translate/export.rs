//! `clearleaf export`: the pages of one language that need translating (or all of them), as one
//! PO or XLIFF file for a translator. Each page's existing translation is its target when its
//! blocks line up with the source's, so translators see what is there and pay only for what
//! is new or changed.

use std::path::PathBuf;

use super::segments::Piece;
use super::{Doc, Entry, Format, PageSegments, TargetState, Unit, code_map, page_segments, po, renumber, xliff};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::i18n::staleness::State;
use crate::site::{self, Site, Variant};
use crate::variant::Form;

/// Which pages to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Only {
    /// Pages with no translation yet.
    Missing,
    /// Translations whose source changed since they were stamped.
    Outdated,
    /// Every page meant to be translated, current ones too (their text is context and memory).
    All,
}

/// Which forms to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Forms {
    /// Standard pages (their source is the default language's page).
    Standard,
    /// Easy read pages (their source is the default language's Easy read page).
    Easy,
    /// Both.
    All,
}

/// What `clearleaf export` was asked for.
#[derive(Clone, Debug)]
pub struct Options {
    /// The site folder.
    pub root: PathBuf,
    /// The language to translate into.
    pub lang: String,
    /// Standard, Easy read or both.
    pub forms: Forms,
    /// Which states.
    pub only: Only,
    /// PO or XLIFF.
    pub format: Format,
    /// Where to write (standard output when `None`).
    pub out: Option<PathBuf>,
    /// Today (review dates are not exported, but loading the site needs one).
    pub today: jiff::civil::Date,
}

/// Writes the file for translators; returns the exit status (0).
pub fn run(opts: &Options) -> Result<i32> {
    let site = Site::load(Config::load(&opts.root)?, site::Options { drafts: false, today: opts.today })?;
    let default = site.config.default_language.as_str();
    if !site.config.has_language(&opts.lang) || opts.lang == default {
        let others: Vec<&str> = site.config.languages.iter().map(|l| l.code.as_str()).filter(|l| *l != default).collect();
        let why = if opts.lang == default {
            format!("`{}` is the language pages are written in, so there is nothing to translate into it", opts.lang)
        } else {
            format!("`{}` is not one of the site's languages", opts.lang)
        };
        return Err(Error::Usage(format!("{why}; choose one of: {}", others.join(", "))));
    }
    let doc = document(&site, &opts.lang, opts.forms, opts.only);
    let text = match opts.format {
        Format::Po => po::write(&doc),
        Format::Xliff => xliff::write(&doc),
    };
    match &opts.out {
        Some(path) => std::fs::write(path, &text).map_err(|e| Error::io(path, e))?,
        None => print(&text)?,
    }
    let segments: usize = doc.units.iter().map(|u| u.entries.len()).sum();
    eprintln!("Exported {} pages ({segments} segments) for {}: {} words to translate.", doc.units.len(), opts.lang, doc.words_to_translate());
    Ok(0)
}

fn print(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match std::io::Write::write_all(&mut stdout, text.as_bytes()).and_then(|()| std::io::Write::flush(&mut stdout)) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Internal(format!("could not print the file: {e}"))),
        _ => Ok(()),
    }
}

/// The file's contents: a unit per page in `lang` whose state `only` asks for, in page order.
pub fn document(site: &Site, lang: &str, forms: Forms, only: Only) -> Doc {
    let default = site.config.default_language.as_str();
    let mut units = Vec::new();
    for ps in &site.status {
        let Some(page) = site.page_at(&ps.path).map(|i| &site.pages[i]) else { continue };
        for vs in ps.variants.iter().filter(|v| v.lang == lang && matches!((forms, v.form), (Forms::All, _) | (Forms::Standard, Form::Standard) | (Forms::Easy, Form::Easy))) {
            let state = match (only, vs.state) {
                // A draft translation is not published: it is work still to do.
                (Only::Missing | Only::All, State::Missing | State::Draft) => TargetState::New,
                (Only::Outdated | Only::All, State::Outdated | State::Fallback) => TargetState::NeedsReview,
                (Only::All, State::Current) => TargetState::Translated,
                _ => continue,
            };
            let Some(source) = page.variant(default, vs.form) else { continue };
            let translation = page.variant(lang, vs.form);
            // The source as the translation was made from it, from the site's history: only
            // the segments that changed since then need review (and are paid for).
            let made_from = translation
                .filter(|_| state == TargetState::NeedsReview)
                .and_then(|t| t.front.source_hash.as_deref())
                .and_then(|stamp| crate::history::made_from(&site.config.root, &source.file, stamp));
            units.push(unit(source, translation, state, made_from.map(|m| m.text).as_deref()));
        }
    }
    Doc { project: site.config.title.clone().unwrap_or_else(|| "clearleaf site".into()), source_lang: default.to_string(), lang: lang.to_string(), units }
}

/// One page: the source's segments, with the translation's text as targets where it lines up.
/// `made_from` is the source's text when an outdated translation was made: a segment that has
/// not changed since keeps its translation as final.
fn unit(source: &Variant, translation: Option<&Variant>, state: TargetState, made_from: Option<&str>) -> Unit {
    let s = page_segments(&source.text, &source.front, source.body_start);
    let t = translation.map(|t| page_segments(&t.text, &t.front, t.body_start));
    let old = made_from.and_then(|text| crate::front_matter::parse(&source.file, text).ok().map(|p| page_segments(text, &p.front, p.body_start)));
    let lines = source.text[..source.body_start].matches('\n').count();
    let same_blocks = |other: &PageSegments| other.body.iter().map(|s| s.kind).eq(s.body.iter().map(|s| s.kind));
    let aligned = t.as_ref().filter(|t| same_blocks(t));
    let old_aligned = old.as_ref().filter(|o| same_blocks(o));
    let mut entries = Vec::new();
    for (i, seg) in s.front.iter().chain(&s.body).enumerate() {
        let target: Vec<Piece> = if i < s.front.len() {
            t.as_ref().and_then(|t| t.front.iter().find(|f| f.kind == seg.kind)).map(|f| f.pieces.clone()).unwrap_or_default()
        } else {
            let j = i - s.front.len();
            aligned.and_then(|t| code_map(&t.body[j], seg).map(|m| renumber(&t.body[j].pieces, &m))).unwrap_or_default()
        };
        let line = if i < s.front.len() { source.key_line(seg.kind.as_str()).unwrap_or(1) } else { lines + seg.line };
        let unchanged = if i < s.front.len() {
            old.as_ref().and_then(|o| o.front.iter().find(|f| f.kind == seg.kind)).is_some_and(|f| f.pieces == seg.pieces)
        } else {
            old_aligned.is_some_and(|o| o.body[i - s.front.len()].pieces == seg.pieces)
        };
        let state = match state {
            _ if target.is_empty() => TargetState::New,
            TargetState::NeedsReview if unchanged => TargetState::Translated,
            state => state,
        };
        entries.push(Entry { id: seg.id.clone(), line, source: seg.pieces.clone(), codes: seg.codes.clone(), target, state });
    }
    let file = source.file.strip_prefix(crate::files::CONTENT_DIR).unwrap_or(&source.file).trim_start_matches('/').to_string();
    Unit { file, hash: source.source_hash(), entries, current: state == TargetState::Translated }
}
