//! Plural categories for words the browser finishes: a search page says "3 results" after the
//! page was built, so it carries one wording per CLDR category, and the script picks one with
//! `Intl.PluralRules`, which follows the same CLDR rules as Fluent.

use std::collections::BTreeMap;

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

/// The wording of each cardinal category `lang` has, keyed by its CLDR name (`zero`, `one`,
/// `two`, `few`, `many`, `other`): `word(n)` for the first whole number n of that category. A
/// language CLDR does not know has only `other`.
pub fn by_category(lang: &str, word: impl Fn(u64) -> String) -> BTreeMap<&'static str, String> {
    let mut out = BTreeMap::new();
    let Some(rules) = lang.parse::<unic_langid::LanguageIdentifier>().ok().and_then(|id| PluralRules::create(id, PluralRuleType::CARDINAL).ok()) else {
        out.insert("other", word(5));
        return out;
    };
    // Every category of a language that has whole numbers in it shows up below 200 (Arabic's
    // `other` starts at 100).
    for n in 0..200u64 {
        let Ok(category) = rules.select(n) else { continue };
        out.entry(name(&category)).or_insert_with(|| word(n));
    }
    out
}

fn name(category: &PluralCategory) -> &'static str {
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn categories(lang: &str) -> Vec<(&'static str, String)> {
        by_category(lang, |n| n.to_string()).into_iter().collect()
    }

    #[test]
    fn each_category_gets_its_first_number() {
        assert_eq!(categories("en"), [("one", "1".to_string()), ("other", "0".to_string())]);
        // Arabic has all six; Welsh has six too, with `many` at 6.
        let ar: Vec<_> = categories("ar").into_iter().map(|(c, _)| c).collect();
        assert_eq!(ar, ["few", "many", "one", "other", "two", "zero"]);
        assert!(categories("cy").contains(&("many", "6".to_string())));
        assert!(categories("pl").contains(&("few", "2".to_string())));
    }

    #[test]
    fn a_language_cldr_does_not_know_has_only_other() {
        assert_eq!(categories("qq"), [("other", "5".to_string())]);
    }
}
