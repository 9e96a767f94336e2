//! Dates in words, in each language's own way ("1 November 2026", "1 Tachwedd 2026",
//! "1 listopada 2026"), from the CLDR data compiled into ICU4X: month names and word order are
//! never written by hand. A date as digits (`01-11-2026`) is read differently in different
//! countries and shows reversed in right-to-left text; one in words is neither.

use std::collections::HashMap;

use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_locale_core::Locale;

use crate::language::Language;

/// One formatter per site language, made once: each holds its locale's patterns and names.
pub struct DateWords {
    by_lang: HashMap<String, FixedCalendarDateTimeFormatter<Gregorian, YMD>>,
}

impl std::fmt::Debug for DateWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DateWords").field("languages", &self.by_lang.keys().collect::<Vec<_>>()).finish()
    }
}

impl DateWords {
    /// Formatters for `languages` (their `dates` locales were checked when site.yaml was read).
    pub fn new(languages: &[Language]) -> DateWords {
        let by_lang = languages
            .iter()
            .filter_map(|l| {
                let locale: Locale = l.dates.parse().ok()?;
                // Locales without data of their own fall back along CLDR's parent chain (cy-GB
                // to cy), and at worst to the root locale, so this only fails on broken data.
                let f = FixedCalendarDateTimeFormatter::try_new(locale.into(), YMD::long()).ok()?;
                Some((l.code.clone(), f))
            })
            .collect();
        DateWords { by_lang }
    }

    /// `date` in words in `lang`, or as `2026-11-01` for a language with no formatter.
    pub fn format(&self, lang: &str, date: jiff::civil::Date) -> String {
        let formatter = self.by_lang.get(lang);
        let iso = Date::try_new_gregorian(date.year().into(), date.month() as u8, date.day() as u8).ok();
        match (formatter, iso) {
            (Some(f), Some(d)) => f.format(&d).to_string(),
            _ => date.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(code: &str, dates: Option<&str>) -> String {
        let mut l = Language::new(code);
        if let Some(d) = dates {
            l.dates = d.into();
        }
        DateWords::new(&[l]).format(code, "2026-11-01".parse().unwrap())
    }

    #[test]
    fn each_language_writes_the_date_its_own_way() {
        assert_eq!(words("en", None), "1 November 2026");
        assert_eq!(words("en", Some("en-US")), "November 1, 2026");
        assert_eq!(words("cy", None), "1 Tachwedd 2026");
        assert_eq!(words("pl", None), "1 listopada 2026");
        // Right-to-left languages: the month in their own script, the digits as CLDR has them.
        assert_eq!(words("ur", None), "1 نومبر، 2026");
        assert_eq!(words("ar", None), "1 نوفمبر 2026");
    }

    #[test]
    fn a_language_without_a_formatter_gets_the_iso_date() {
        let dates = DateWords::new(&[Language::new("en")]);
        assert_eq!(dates.format("cy", "2026-11-01".parse().unwrap()), "2026-11-01");
    }
}
