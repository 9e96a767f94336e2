//! Per-language word lists the checks use (`lexicon/<lang>.yaml`, compiled in): generic link
//! texts, abbreviations that do not end sentences, number words, common acronyms, and the word
//! lists of the Easy-read checks (hard words, explanation markers, clause words, per cent).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::i18n::builtin::LEXICON_FILES;

/// The word lists of one language.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Lexicon {
    /// Whole link texts that do not say where a link goes.
    pub generic_link_texts: Vec<String>,
    /// Abbreviations whose full stop does not end a sentence.
    pub abbreviations: Vec<String>,
    /// Number words Easy read writes as digits.
    pub number_words: Vec<String>,
    /// Acronyms that need no explanation.
    pub acronym_allow: Vec<String>,
    /// Latin abbreviations Easy read avoids.
    pub latin_abbreviations: Vec<String>,
    /// Easy read: words that need explaining (ER-HARD-WORDS).
    pub hard_words: Vec<String>,
    /// Words that say what a word or acronym means ("means", "stands for").
    pub explain_markers: Vec<String>,
    /// Words that start another clause (ER-ONE-IDEA).
    pub clause_conjunctions: Vec<String>,
    /// Words ("and", "or") that join clauses when one of `subject_words` follows them.
    pub clause_joiners: Vec<String>,
    /// Subjects that start a clause after a joiner.
    pub subject_words: Vec<String>,
    /// Words for "per cent" (ER-NUMERALS).
    pub percent_words: Vec<String>,
    /// The phrase lists split into lower-case words, made on first use (the lists are not
    /// changed after loading).
    #[serde(skip)]
    phrases: OnceLock<Phrases>,
}

/// The word lists the Easy-read rules try at every word of every sentence, each entry split
/// into its lower-case words, in the order of the list: splitting and lower-casing them there
/// cost more than the comparisons.
#[derive(Clone, Debug, Default)]
pub struct Phrases {
    /// [`Lexicon::number_words`].
    pub number_words: Vec<Vec<String>>,
    /// [`Lexicon::clause_conjunctions`].
    pub clause_conjunctions: Vec<Vec<String>>,
    /// [`Lexicon::explain_markers`].
    pub explain_markers: Vec<Vec<String>>,
}

impl Lexicon {
    /// The phrase lists, split into lower-case words.
    pub fn phrases(&self) -> &Phrases {
        self.phrases.get_or_init(|| {
            let split = |list: &[String]| list.iter().map(|p| phrase_words(p).into_iter().map(Cow::into_owned).collect()).collect();
            Phrases { number_words: split(&self.number_words), clause_conjunctions: split(&self.clause_conjunctions), explain_markers: split(&self.explain_markers) }
        })
    }
}

/// The words of a phrase, each lower-cased as `str::to_lowercase` does it.
pub fn phrase_words(phrase: &str) -> Vec<Cow<'_, str>> {
    phrase.split_whitespace().map(lower_case).collect()
}

/// `word.to_lowercase()`, copied only when that changes it.
pub fn lower_case(word: &str) -> Cow<'_, str> {
    if is_lowercase(word) { Cow::Borrowed(word) } else { Cow::Owned(word.to_lowercase()) }
}

/// Whether `to_lowercase` leaves `s` as it is.
fn is_lowercase(s: &str) -> bool {
    if s.is_ascii() {
        return !s.bytes().any(|b| b.is_ascii_uppercase());
    }
    s.chars().all(|c| {
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    })
}

/// The built-in lexicons of every language that has one, by language code. They are compiled
/// in, so they are read once per process, whichever command or check asks first.
pub fn builtin() -> &'static HashMap<String, Lexicon> {
    static ALL: std::sync::LazyLock<HashMap<String, Lexicon>> = std::sync::LazyLock::new(read_builtin);
    &ALL
}

fn read_builtin() -> HashMap<String, Lexicon> {
    LEXICON_FILES
        .iter()
        .filter_map(|(name, bytes)| {
            let lang = name.strip_suffix(".yaml")?;
            let text = std::str::from_utf8(bytes).ok()?;
            let (lexicon, _) = crate::yaml::parse::<Lexicon>(text).ok()?;
            Some((lang.to_string(), lexicon))
        })
        .collect()
}

/// The built-in lexicon for `lang`, trying its primary subtag too (`en-GB` → `en`).
pub fn for_lang(lang: &str) -> Option<&'static Lexicon> {
    let all = builtin();
    all.get(lang).or_else(|| all.get(lang.split('-').next().unwrap_or(lang)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_builtin_lexicon_parses_with_link_texts() {
        let all = super::builtin();
        for lang in ["en", "cy", "pl", "ur", "ar"] {
            assert!(all.get(lang).is_some_and(|l| !l.generic_link_texts.is_empty()), "{lang}");
        }
        assert!(all["en"].generic_link_texts.iter().any(|t| t == "click here"));
    }
}
