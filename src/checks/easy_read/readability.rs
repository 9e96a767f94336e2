//! Readability scores (`notes/a11y-easyread-spec.md` §3): Flesch Reading Ease and
//! Flesch–Kincaid grade for English; LIX for every other language, which for Arabic-script
//! languages is only compared between a page's Easy-read and standard variants.

use serde::Serialize;

use super::segment;
use super::syllables;

/// Which formula a score comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Formula {
    /// `206.835 − 1.015·W/S − 84.6·Y/W`: 0–100, higher is easier (English).
    FleschReadingEase,
    /// `W/S + 100·Wlong/W`, long words having more than 6 letters: lower is easier.
    Lix,
}

impl Formula {
    /// The formula's name for people.
    pub fn label(self) -> &'static str {
        match self {
            Formula::FleschReadingEase => "Flesch Reading Ease",
            Formula::Lix => "LIX",
        }
    }

    /// Whether a higher score means easier text.
    pub fn higher_is_easier(self) -> bool {
        self == Formula::FleschReadingEase
    }
}

/// A text's readability: what `clearleaf status` shows per variant.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Readability {
    /// The formula used for the language.
    pub formula: Formula,
    /// The score, rounded to 1 decimal.
    pub score: f64,
    /// Flesch–Kincaid grade (English only), rounded to 1 decimal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<f64>,
    /// Words counted.
    pub words: usize,
    /// Sentences counted.
    pub sentences: usize,
    /// True for languages where only the comparison with the standard variant is meaningful
    /// (Arabic script: letter-count bands are calibrated on Latin scripts).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub relative_only: bool,
}

impl Readability {
    /// Whether this score is easier than `other` (same formula).
    pub fn easier_than(&self, other: &Readability) -> bool {
        if self.formula.higher_is_easier() { self.score > other.score } else { self.score < other.score }
    }

    /// One line for reports: "Flesch Reading Ease 84.2 (grade 4.1), 312 words, 40 sentences".
    pub fn summary(&self) -> String {
        let grade = self.grade.map(|g| format!(" (grade {g:.1})")).unwrap_or_default();
        let relative = if self.relative_only { ", compared with the standard version only" } else { "" };
        format!("{} {:.1}{grade}, {} words, {} sentences{relative}", self.formula.label(), self.score, self.words, self.sentences)
    }
}

/// Counts behind a score, so pages can be summed before scoring.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Words.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Syllables (English only).
    pub syllables: usize,
    /// Words of more than 6 letters (LIX).
    pub long_words: usize,
}

impl Counts {
    /// Counts one sentence's words.
    pub fn add_sentence(&mut self, sentence: &str, english: bool) {
        self.add_words(segment::words(sentence).into_iter().map(|(_, w)| w), english);
    }

    /// Counts one sentence given as its words (as [`segment::words`] splits them), for callers
    /// that have split it already.
    pub fn add_words<'a>(&mut self, words: impl IntoIterator<Item = &'a str>, english: bool) {
        let mut words = words.into_iter().peekable();
        if words.peek().is_none() {
            return;
        }
        self.sentences += 1;
        for w in words {
            self.words += 1;
            if english {
                self.syllables += syllables::english(w);
            }
            if segment::is_long(w) {
                self.long_words += 1;
            }
        }
    }

    /// The score for `lang`; `None` without words.
    pub fn score(&self, lang: &str) -> Option<Readability> {
        if self.words == 0 || self.sentences == 0 {
            return None;
        }
        let (w, s) = (self.words as f64, self.sentences as f64);
        let round = |x: f64| (x * 10.0).round() / 10.0;
        Some(if is_english(lang) {
            let y = self.syllables as f64;
            Readability {
                formula: Formula::FleschReadingEase,
                score: round(206.835 - 1.015 * w / s - 84.6 * y / w),
                grade: Some(round(0.39 * w / s + 11.8 * y / w - 15.59)),
                words: self.words,
                sentences: self.sentences,
                relative_only: false,
            }
        } else {
            Readability {
                formula: Formula::Lix,
                score: round(w / s + 100.0 * self.long_words as f64 / w),
                grade: None,
                words: self.words,
                sentences: self.sentences,
                relative_only: is_arabic_script(lang),
            }
        })
    }
}

/// English (any region).
pub fn is_english(lang: &str) -> bool {
    primary(lang) == "en"
}

/// Languages written in Arabic script by default, or tagged with `-Arab`.
pub fn is_arabic_script(lang: &str) -> bool {
    const ARABIC: &[&str] = &["ar", "ur", "fa", "ps", "sd", "ckb", "ug", "ks", "pnb", "bal", "mzn", "glk", "lrc", "bqi", "prs", "skr", "khw", "brh", "azb"];
    ARABIC.contains(&primary(lang).as_str()) || lang.split(['-', '_']).skip(1).any(|s| s.eq_ignore_ascii_case("arab"))
}

fn primary(lang: &str) -> String {
    lang.split(['-', '_']).next().unwrap_or(lang).to_ascii_lowercase()
}
