//! The fonts a leaflet is typeset with: the theme's `fonts/` files and nothing else, so a PDF
//! looks the same on every machine whatever fonts it has installed.

use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

use crate::templates::Theme;

/// Every font of the theme's font files, with the book Typst chooses from.
pub struct Fonts {
    /// What Typst knows of each font, in the order of `fonts`.
    pub book: LazyHash<FontBook>,
    /// The fonts, sorted by file name (a collection gives several).
    pub fonts: Vec<Font>,
}

/// Font files Typst reads. WOFF and WOFF2 are web formats it cannot.
const FONT_FILES: &[&str] = &[".ttf", ".otf", ".ttc", ".otc"];

impl Fonts {
    /// The theme's fonts (its `fonts/` folder, in file name order).
    pub fn of(theme: &Theme) -> Fonts {
        Fonts::from_files(theme.fonts.iter().map(|(name, file)| (name.as_str(), file.bytes.as_slice())))
    }

    /// The fonts of these files (name, bytes); files of other kinds are left out.
    pub fn from_files<'a>(files: impl Iterator<Item = (&'a str, &'a [u8])>) -> Fonts {
        let fonts: Vec<Font> =
            files.filter(|(name, _)| FONT_FILES.iter().any(|ext| name.to_ascii_lowercase().ends_with(ext))).flat_map(|(_, bytes)| Font::iter(typst::foundations::Bytes::new(bytes.to_vec()))).collect();
        Fonts { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
    }

    /// Whether some font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.fonts.iter().any(|f| f.info().coverage.contains(c as u32))
    }

    /// The letters of `text` that no font has, each once, in order.
    pub fn missing_letters(&self, text: &str) -> Vec<char> {
        let mut missing: Vec<char> = Vec::new();
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            if !missing.contains(&c) && !self.covers(c) {
                missing.push(c);
            }
        }
        missing
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// The built-in theme's fonts.
    pub fn builtin() -> Fonts {
        Fonts::from_files(crate::i18n::builtin::THEME_FILES.iter().filter_map(|(path, bytes)| Some((path.strip_prefix("fonts/")?, *bytes))))
    }

    #[test]
    fn the_builtin_fonts_print_latin_arabic_and_urdu_but_not_devanagari() {
        let fonts = builtin();
        assert_eq!(fonts.fonts.len(), 6, "regular and bold of three families");
        assert!(fonts.missing_letters("Croeso Zażółć ŵŷ اردو العربية ڈھونڈیں").is_empty());
        assert_eq!(fonts.missing_letters("हिन्दी हि"), ['ह', 'ि', 'न', 'द', 'ी']);
    }
}
