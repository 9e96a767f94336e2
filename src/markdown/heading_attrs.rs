//! Attributes written after a heading: `## Ffôn {#phone .wide lang=cy}`.
//!
//! `#id` and `.class` have their own syntax and are always kept (the id made unique on the
//! page). Of the `key=value` attributes, a heading keeps those that say something about its
//! words and cannot change how the page behaves: `lang`, `dir`, `title` and `translate`, each
//! only with a value HTML allows, so the page stays valid. Any other (`onclick`, `style`,
//! `data-…`, `id=` that would dodge the unique ids) is left out and reported, as the same
//! attribute in raw HTML would be.

/// Why a heading attribute was left out, in plain words, or `None` if it is kept.
pub fn refused(key: &str, value: Option<&str>) -> Option<String> {
    let value = value.unwrap_or("");
    let ok = match key {
        "lang" => crate::language::is_known_tag(value),
        "dir" => matches!(value, "ltr" | "rtl" | "auto"),
        "translate" => matches!(value, "yes" | "no"),
        "title" => true,
        _ => return Some(format!("a heading may not have the attribute `{key}`")),
    };
    (!ok).then(|| format!("`{value}` is not a value `{key}` can have"))
}

#[cfg(test)]
mod tests {
    use super::refused;

    #[test]
    fn keeps_attributes_about_the_words_with_valid_values() {
        for (key, value) in [("lang", "cy"), ("lang", "pt-BR"), ("dir", "rtl"), ("translate", "no"), ("title", "Anything \"at\" all")] {
            assert_eq!(refused(key, Some(value)), None, "{key}={value}");
        }
    }

    #[test]
    fn refuses_others_and_bad_values() {
        for (key, value) in [("onclick", Some("x()")), ("style", Some("color:red")), ("id", Some("top")), ("data-x", None), ("lang", Some("klingon")), ("dir", Some("up")), ("lang", None)] {
            let why = refused(key, value).unwrap_or_else(|| panic!("{key} kept"));
            assert!(why.contains(key), "{why}");
        }
    }
}
