//! The Typst world of one leaflet: its main source, the theme's print templates, the pictures
//! the page shows and the theme's fonts. Nothing else can be read: no file of the machine, no
//! system font, no package from the network, and "today" is the build's date, so the same
//! site gives the same PDF anywhere.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use super::fonts::Fonts;

/// The main source's path. Typst numbers every path it is given for the life of the process
/// (at most 65,535 of them), so every leaflet uses this one name for its own text.
pub const MAIN: &str = "/leaflet.typ";

/// Where the theme's print templates are, for `#import "/print/easy-read.typ"`.
pub fn template_path(name: &str) -> String {
    format!("/print/{name}")
}

/// One leaflet's world.
pub struct LeafletWorld<'a> {
    library: &'a LazyHash<Library>,
    fonts: &'a Fonts,
    main: Source,
    /// Every other file by path: templates and pictures.
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

/// The id Typst knows a path of the world by.
pub fn file_id(path: &str) -> Option<FileId> {
    Some(RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).ok()?).intern())
}

impl<'a> LeafletWorld<'a> {
    /// A world of `main` and `files` (path → bytes), typeset on `today`.
    pub fn new(library: &'a LazyHash<Library>, fonts: &'a Fonts, main: String, files: impl IntoIterator<Item = (String, Vec<u8>)>, today: jiff::civil::Date) -> Self {
        let main_id = file_id(MAIN).expect("a valid path");
        let files = files.into_iter().filter_map(|(path, bytes)| Some((file_id(&path)?, Bytes::new(bytes)))).collect();
        let today = Datetime::from_ymd(i32::from(today.year()), today.month() as u8, today.day() as u8).expect("a real date");
        LeafletWorld { library, fonts, main: Source::new(main_id, main), files, today }
    }
}

impl World for LeafletWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(bytes.as_slice()).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_string()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.text().to_string()));
        }
        self.files.get(&id).cloned().ok_or_else(|| FileError::NotFound(id.vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
