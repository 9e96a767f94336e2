//! Language tags: which ones exist, and which direction their script runs.

use serde::{Deserialize, Serialize};

/// One language of the site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Language {
    /// BCP 47 tag as written in site.yaml and file names.
    pub code: String,
    /// Script direction.
    pub dir: Dir,
    /// The locale whose conventions dates in words follow (`en-GB`: "1 November 2026").
    pub dates: String,
}

impl Language {
    /// A language with the direction and date conventions its code implies.
    pub fn new(code: &str) -> Language {
        Language { code: code.to_string(), dir: direction_of(code), dates: default_dates(code) }
    }
}

/// Whether `tag` is a locale ICU4X can read (`en-GB`, `cy`, `ar-EG`), for `dates:`.
pub fn is_locale(tag: &str) -> bool {
    tag.parse::<icu_locale_core::Locale>().is_ok()
}

/// The locale of dates in words for a language written without one. The built-in English
/// strings are British English, so English dates are too ("1 November 2026", not "November 1,
/// 2026"); a site sets `dates: en-US` to change that.
pub fn default_dates(code: &str) -> String {
    if code.eq_ignore_ascii_case("en") { "en-GB".into() } else { code.to_string() }
}

/// Text direction of a language's script.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    /// Left to right (Latin, Cyrillic, Devanagari …).
    Ltr,
    /// Right to left (Arabic, Hebrew, Thaana …).
    Rtl,
}

impl Dir {
    /// `ltr` or `rtl`, as in the HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

/// Primary subtags of languages written right to left by default (CLDR likely subtags).
const RTL_LANGUAGES: &[&str] = &["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "syr", "ug", "ur", "yi", "ji", "nqo", "ks", "ku-arab", "pnb", "mzn", "glk", "lrc", "bal", "bqi"];
/// Script subtags that run right to left whatever the language.
const RTL_SCRIPTS: &[&str] = &["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand", "samr"];

/// The direction of `tag`'s script: from its script subtag if it has one, else its language.
pub fn direction_of(tag: &str) -> Dir {
    let lower = tag.to_ascii_lowercase();
    let mut parts = lower.split(['-', '_']);
    let primary = parts.next().unwrap_or("");
    for p in parts {
        if p.len() == 4 {
            return if RTL_SCRIPTS.contains(&p) { Dir::Rtl } else { Dir::Ltr };
        }
    }
    if RTL_LANGUAGES.contains(&primary) { Dir::Rtl } else { Dir::Ltr }
}

/// ISO 639-1 two-letter codes: every one is a valid primary language subtag.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy \
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik \
in io is it iu iw ja ji jv jw ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn \
mo mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk \
sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// Three-letter primary subtags in common use that have no two-letter code. (A three-letter
/// code of a language that has a two-letter one, like `eng`, is not a valid tag.)
const ISO_639_3_COMMON: &str = "ace ady ain ale alt ang anp arn arp ast awa bal ban bas bej bem bho bik bin bla bra bua bug byn \
cad car ceb chb chg chk chm chn cho chp chr chy ckb cmn cop crh csb dak dar del den dgr din doi dsb dua dum dyu efi egy eka \
elx enm ewo fan fat fil fon frm fro frr frs fur gaa gay gba gez gil gmh goh gon gor got grb grc gsw guc gwi hai haw hil hit \
hmn hsb hup iba ilo inh jbo jpr jrb kaa kab kac kam kaw kbd kha kho kmb kok kos kpe krc krl kru kum kut lad lah lam lez lol \
loz lua lui lun luo lus mad mag mai mak man mas mdf mdr men mga mic min mnc mni moh mos mus mwl mwr myv nap nds new nia niu \
nog non nqo nso nwc nym nyn nyo nzi osa ota pag pal pam pap pau peo phn pnb pon pro raj rap rar rom rup sad sah sam sas sat \
scn sco sel sga shn sid sma smj smn sms snk sog srn srr suk sus sux syc syr tem ter tet tig tiv tkl tlh tli tmh tog tpi tsi \
tum tvl tyv udm uga umb vai vot wal war was xal yao yap yue zap zbl zen zgh zun zza";

/// Whether `tag` is a well-formed BCP 47 tag whose primary subtag is a known language.
/// Grandfathered tags (`i-klingon`, `art-lojban` …) and `eng`-style codes are rejected.
pub fn is_known_tag(tag: &str) -> bool {
    let lower = tag.trim().to_ascii_lowercase();
    has_known_primary(&lower)
        && lower.split('-').skip(1).all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()))
        && lower.parse::<unic_langid::LanguageIdentifier>().is_ok()
}

/// Whether the primary subtag of `tag` is a known language; other subtags are not judged (as in
/// ACT rules bf051a and de46e4, which ignore an invalid region).
pub fn has_known_primary(tag: &str) -> bool {
    let primary = tag.trim().split('-').next().unwrap_or("").to_ascii_lowercase();
    match primary.len() {
        2 => ISO_639_1.split(' ').any(|c| c == primary),
        3 => ISO_639_3_COMMON.split_whitespace().any(|c| c == primary),
        _ => false,
    }
}

/// Whether `s` looks like a language tag at all (so that `page.old.md` is caught as an unknown
/// language while `guide.final.md` is just a name with a dot).
pub fn looks_like_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()) && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_locales_are_checked() {
        assert!(is_locale("en-GB") && is_locale("ar-EG") && is_locale("cy"));
        assert!(!is_locale("English please") && !is_locale("en_GB!"));
        assert_eq!((default_dates("en"), default_dates("cy")), ("en-GB".to_string(), "cy".to_string()));
    }

    #[test]
    fn direction_follows_language_and_script() {
        assert_eq!(direction_of("ur"), Dir::Rtl);
        assert_eq!(direction_of("ar-EG"), Dir::Rtl);
        assert_eq!(direction_of("cy"), Dir::Ltr);
        assert_eq!(direction_of("pa-Arab"), Dir::Rtl);
        assert_eq!(direction_of("az-Latn"), Dir::Ltr);
    }

    #[test]
    fn known_tags() {
        for ok in ["en", "en-GB", "cy", "pl", "ur", "ar", "zh-Hant-TW", "fil", "yue"] {
            assert!(is_known_tag(ok), "{ok}");
        }
        for bad in ["", "eng", "xx", "english", "en-", "i-klingon", "en_GB!"] {
            assert!(!is_known_tag(bad), "{bad}");
        }
    }

    #[test]
    fn tag_shapes() {
        assert!(looks_like_tag("cy") && looks_like_tag("old") && looks_like_tag("pt-BR"));
        assert!(!looks_like_tag("final") && !looks_like_tag("2-notes") && !looks_like_tag("easy-read"));
    }
}
