//! Per-language word lists the checks use (`lexicon/<lang>.yaml`, compiled in): generic link
//! texts, abbreviations that do not end sentences, number words, common acronyms, and the word
//! lists of the Easy-read checks (hard words, explanation markers, clause words, per cent).

use std::collections::HashMap;

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
}

/// The built-in lexicons of every language that has one, by language code.
pub fn builtin() -> HashMap<String, Lexicon> {
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

/// The lexicon for `lang`, trying its primary subtag too (`en-GB` → `en`).
pub fn for_lang<'a>(all: &'a HashMap<String, Lexicon>, lang: &str) -> Option<&'a Lexicon> {
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
