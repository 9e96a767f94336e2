//! Files for translators: pages cut into segments ([`segments`]), written as gettext PO
//! ([`po`]) or XLIFF 1.2 ([`xliff`]) for the tools translators work in ([`export`]), and read
//! back into `NAME.LANG.md` files ([`import`]).
//!
//! Both formats carry the same model: one [`Unit`] per page (its source file and the hash of
//! that file when the export was made), one [`Entry`] per segment.

pub mod export;
pub mod import;
pub mod po;
pub mod segments;
pub mod xliff;

use unicode_segmentation::UnicodeSegmentation;

use segments::{Code, Piece};

/// Where a segment's translation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetState {
    /// No translation yet (XLIFF `new`; an empty PO `msgstr`).
    New,
    /// A translation of an older source, to check (XLIFF `needs-review-translation`; PO `fuzzy`).
    NeedsReview,
    /// A translation of the source as it is (XLIFF `translated`).
    Translated,
}

/// One segment of a page in a file for translators.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The segment's ID (`2.paragraph`).
    pub id: String,
    /// 1-based line of the source file it came from.
    pub line: usize,
    /// The source words and codes.
    pub source: Vec<Piece>,
    /// What the codes stand for (their kinds, for XLIFF `ctype`).
    pub codes: Vec<Code>,
    /// The translation so far (empty when there is none).
    pub target: Vec<Piece>,
    /// Where the translation stands.
    pub state: TargetState,
}

impl Entry {
    /// Words of the source, counted as `status` counts them.
    pub fn words(&self) -> usize {
        self.source.iter().map(|p| if let Piece::Text(t) = p { t.unicode_words().count() } else { 0 }).sum()
    }

    /// Words a translator is paid for: all of a new or outdated segment, none of a current one.
    pub fn words_to_translate(&self) -> usize {
        if self.state == TargetState::Translated { 0 } else { self.words() }
    }
}

/// One page in a file for translators.
#[derive(Clone, Debug)]
pub struct Unit {
    /// The source file, inside `content/`: `help/out-of-hours.md`.
    pub file: String,
    /// The source's hash when the file was made: what an import stamps.
    pub hash: String,
    /// Its segments, in reading order.
    pub entries: Vec<Entry>,
    /// Its translation is current: nothing in it is to be paid for, even a segment whose
    /// translation could not be offered because its codes differ from the source's.
    pub current: bool,
}

impl Unit {
    /// Words to translate in the page.
    pub fn words_to_translate(&self) -> usize {
        if self.current { 0 } else { self.entries.iter().map(Entry::words_to_translate).sum() }
    }
}

/// A whole file: one language, many pages.
#[derive(Clone, Debug)]
pub struct Doc {
    /// The site's title (PO `Project-Id-Version`).
    pub project: String,
    /// The source language.
    pub source_lang: String,
    /// The language translated into.
    pub lang: String,
    /// The pages.
    pub units: Vec<Unit>,
}

impl Doc {
    /// Words to translate in the file.
    pub fn words_to_translate(&self) -> usize {
        self.units.iter().map(Unit::words_to_translate).sum()
    }
}

/// A segment as read back from a translator's file.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadEntry {
    /// The segment's ID.
    pub id: String,
    /// The translation: in PO, `{N}` is read as [`Piece::Open`] whatever the code is, and
    /// told apart from a standalone code against the source.
    pub target: Vec<Piece>,
    /// Still marked for review (fuzzy, `needs-review-translation`): written but not stamped.
    pub needs_review: bool,
}

/// A page as read back.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadUnit {
    /// The source file inside `content/`.
    pub file: String,
    /// The hash the export was made from, if the file still says it.
    pub hash: Option<String>,
    /// Its segments.
    pub entries: Vec<ReadEntry>,
}

/// A translator's file as read back.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadDoc {
    /// The language it says it is in.
    pub lang: Option<String>,
    /// The pages.
    pub units: Vec<ReadUnit>,
}

/// The file formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// XLIFF 1.2, for Trados, memoQ, Crowdin, Weblate and most CAT tools.
    Xliff,
    /// gettext PO, for Poedit, Weblate and translate-toolkit.
    Po,
}

/// What the codes in the text mean, told to translators at the top of every file.
pub const CODES_NOTE: &str = "Codes stand for markup that must stay as it is. {1}...{/1} (XLIFF <g id=\"1\">...</g>) wrap words that carry a link or emphasis: keep both and move them with the words. {2} (XLIFF <x id=\"2\"/>) stands for code, a picture or a line break: keep it, anywhere in the sentence. In PO, a { that is not a code is written {{.";

/// A page's segments: its title and description (the title only when front matter says it, not
/// when a leading `# heading` is the title: that heading is a segment of the body), then the
/// segments of its body, numbered from 1.
pub struct PageSegments {
    /// Title and description.
    pub front: Vec<segments::Segment>,
    /// The body's segments; their ranges are in the body.
    pub body: Vec<segments::Segment>,
}

/// The segments of a page whose whole text is `text`, with front matter `front` ending at
/// `body_start`.
pub fn page_segments(text: &str, front: &crate::front_matter::FrontMatter, body_start: usize) -> PageSegments {
    let written = |key: &str| text[..body_start].lines().any(|l| l.strip_prefix(key).is_some_and(|r| r.trim_start().starts_with(':')));
    let mut out = Vec::new();
    if let (Some(title), true) = (front.title.as_deref(), written("title")) {
        out.push(segments::Segment::plain(segments::Kind::Title, title));
    }
    if let Some(d) = front.description.as_deref().filter(|d| !d.trim().is_empty()) {
        out.push(segments::Segment::plain(segments::Kind::Description, d));
    }
    PageSegments { front: out, body: segments::segment(&text[body_start..], 1) }
}

/// For a translation's segment and the source's: which of the translation's codes is which of
/// the source's (translation ID, source ID), matched by kind in order, or `None` when they do
/// not match one for one.
pub fn code_map(translation: &segments::Segment, source: &segments::Segment) -> Option<Vec<(u32, u32)>> {
    if translation.codes.len() != source.codes.len() {
        return None;
    }
    let mut used = vec![false; source.codes.len()];
    let mut map = Vec::new();
    for t in &translation.codes {
        let i = source.codes.iter().enumerate().position(|(i, s)| !used[i] && s.ctype == t.ctype && s.paired == t.paired)?;
        used[i] = true;
        map.push((t.id, source.codes[i].id));
    }
    Some(map)
}

/// `pieces` with their code numbers changed by `map` (from, to).
pub fn renumber(pieces: &[Piece], map: &[(u32, u32)]) -> Vec<Piece> {
    let to = |n: &u32| map.iter().find(|(f, _)| f == n).map_or(*n, |(_, t)| *t);
    pieces
        .iter()
        .map(|p| match p {
            Piece::Open(n) => Piece::Open(to(n)),
            Piece::Close(n) => Piece::Close(to(n)),
            Piece::Standalone(n) => Piece::Standalone(to(n)),
            Piece::Text(t) => Piece::Text(t.clone()),
        })
        .collect()
}
