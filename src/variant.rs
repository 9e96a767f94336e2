//! What names one variant of a page: its page, language and form. Every stage uses these, so
//! they live here, below all of them.

use serde::{Deserialize, Serialize};

/// The two forms every page can have.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// The page as written for most readers.
    #[default]
    Standard,
    /// The Easy-read version: short sentences, one idea each, a picture beside each idea.
    Easy,
}

impl Form {
    /// The form's name as used in reports and templates.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Standard => "standard",
            Form::Easy => "easy",
        }
    }
}

/// Which page, language and form a markdown file is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VariantKey {
    /// Path of the page inside `content/` without suffixes: `help/out-of-hours`, `help/_index`, `_index`.
    pub page: String,
    /// Language code (the default language when the name has none).
    pub lang: String,
    /// Standard or Easy read.
    pub form: Form,
}

/// The source a variant was made from (SPEC §3): standard default for Easy read and
/// translations; Easy read default for Easy-read translations.
pub fn source_of(default: &str, lang: &str, form: Form) -> Option<(String, Form)> {
    match (lang == default, form) {
        (true, Form::Standard) => None,
        (true, Form::Easy) => Some((default.to_string(), Form::Standard)),
        (false, form) => Some((default.to_string(), form)),
    }
}
