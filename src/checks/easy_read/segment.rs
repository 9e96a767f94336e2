//! Sentences and words (`notes/a11y-easyread-spec.md` §3.3).
//!
//! - **Sentences** end at `. ! ?`, the Arabic and Urdu question mark `؟`, the Urdu full stop
//!   `۔`, the Devanagari danda `।`, the ideographic full stop `。` and the ellipsis `…`. A run of
//!   them ends one sentence ("Really?!"), and closing quotes or brackets after it belong to that
//!   sentence. A stop is not an end when the next character is not a space (decimal numbers
//!   `3.5`, addresses `nhs.uk`, the inner dots of `e.g.`), when it closes one of the language's
//!   abbreviations (`Dr.`, `e.g.`, from `lexicon/<lang>.yaml`), or when it follows a number at
//!   the very start of a block ("1. Ask."). The end of a block always ends a sentence: every
//!   heading, list item, table cell, caption and paragraph is its own block.
//! - **Words** are Unicode words (UAX #29, `unicode-segmentation`): segments with a letter or a
//!   digit. A number (`116`, `3.5`) is one word; `A&E` is two (`A`, `E`), as is `co-production`.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Characters that end a sentence when followed by a space or the end of the block.
const ENDS: &[char] = &['.', '!', '?', '؟', '۔', '।', '…', '‼', '⁇', '⁈', '⁉'];
/// Characters that end a sentence wherever they stand (scripts written without spaces).
const ENDS_ALWAYS: &[char] = &['。', '！', '？'];
/// Closing punctuation that stays with the sentence before it.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', '›', ')', ']', '}', '」', '』', '）'];

/// One sentence of a block: its byte range in the block's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the block text, trimmed of surrounding spaces.
    pub range: Range<usize>,
}

/// Splits `text` into sentences. `abbreviations` are written with their final stop
/// (`Dr.`, `e.g.`, `ع۔`) and matched case-sensitively.
pub fn sentences(text: &str, abbreviations: &[String]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices();
    while let Some((pos, c)) = chars.next() {
        // Most characters are ASCII and not stops: skip them without searching the lists.
        if c.is_ascii() && !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let always = ENDS_ALWAYS.contains(&c);
        if !always && !ENDS.contains(&c) {
            continue;
        }
        // The whole run of end marks and closers, and the character after it (not a stop, so
        // the loop need not see it again).
        let mut run = 1;
        let mut after = None;
        for (p, d) in chars.by_ref() {
            if !(ENDS.contains(&d) || ENDS_ALWAYS.contains(&d) || CLOSERS.contains(&d)) {
                after = Some((p, d));
                break;
            }
            run += 1;
        }
        let end = after.map_or(text.len(), |(p, _)| p);
        let followed_by_space = after.is_none_or(|(_, d)| d.is_whitespace());
        let ends = if always {
            true
        } else if !followed_by_space {
            false
        } else if run == 1 && matches!(c, '.' | '۔') {
            // A single stop: not after an abbreviation or a leading ordinal.
            !is_abbreviation(text, pos + c.len_utf8(), abbreviations) && !is_leading_ordinal(&text[start..pos])
        } else {
            true
        };
        if ends {
            push(text, start..end, &mut out);
            start = end;
        }
    }
    push(text, start..text.len(), &mut out);
    out
}

fn push(text: &str, range: Range<usize>, out: &mut Vec<Sentence>) {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    let r = range.start + lead..range.end - trail;
    if r.start < r.end && text[r.clone()].chars().any(char::is_alphanumeric) {
        out.push(Sentence { range: r });
    }
}

/// Whether `text[..end]` ends with one of `abbreviations`, which starts at a word boundary.
fn is_abbreviation(text: &str, end: usize, abbreviations: &[String]) -> bool {
    let before = &text[..end];
    abbreviations.iter().any(|a| before.ends_with(a.as_str()) && before[..before.len() - a.len()].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
}

/// "1." or "12." as the first thing in a block (an ordinal marker written into the text).
fn is_leading_ordinal(sentence_so_far: &str) -> bool {
    let t = sentence_so_far.trim();
    !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit())
}

/// The words of `text` (UAX #29 word segments with a letter or a digit) and their byte ranges.
pub fn words(text: &str) -> Vec<(Range<usize>, &str)> {
    text.unicode_word_indices().map(|(i, w)| (i..i + w.len(), w)).collect()
}

/// Number of words in `text`.
pub fn word_count(text: &str) -> usize {
    text.unicode_words().count()
}

/// Letters in a word (Unicode `Alphabetic`), for LIX's long words.
pub fn letters(word: &str) -> usize {
    word.chars().filter(|c| c.is_alphabetic()).count()
}

/// Whether a word has more than 6 letters (a long word for LIX), as [`letters`] counts them.
/// This runs for every word of every page: the Unicode table behind `is_alphabetic` is slow for
/// the non-ASCII letters of Welsh and Urdu, so ASCII words count bytes, and a word of 6
/// characters or fewer is not looked up at all.
pub fn is_long(word: &str) -> bool {
    if word.is_ascii() {
        return word.bytes().filter(u8::is_ascii_alphabetic).nth(6).is_some();
    }
    let chars = word.chars();
    chars.clone().nth(6).is_some() && chars.filter(|c| c.is_alphabetic()).nth(6).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, abbr: &[&str]) -> Vec<String> {
        let abbr: Vec<String> = abbr.iter().map(|s| s.to_string()).collect();
        sentences(text, &abbr).into_iter().map(|s| text[s.range].to_string()).collect()
    }

    #[test]
    fn english_stops_abbreviations_decimals_and_ordinals() {
        assert_eq!(split("Call 111. It is free! Is it open?", &[]), ["Call 111.", "It is free!", "Is it open?"]);
        assert_eq!(split("See Dr. Khan at 3.30 p.m. today. Bring e.g. a letter.", &["Dr.", "p.m.", "e.g."]), ["See Dr. Khan at 3.30 p.m. today.", "Bring e.g. a letter."]);
        assert_eq!(split("It costs £3.50 a week. That is all.", &[]), ["It costs £3.50 a week.", "That is all."]);
        assert_eq!(split("1. Ask for help. Then wait.", &[]), ["1. Ask for help.", "Then wait."]);
        assert_eq!(split("Go to nhs.uk for more.", &[]), ["Go to nhs.uk for more."]);
        assert_eq!(split("He said \"Stop.\" Then he left…  Really?!", &[]), ["He said \"Stop.\"", "Then he left…", "Really?!"]);
        assert_eq!(split("No end mark", &[]), ["No end mark"]);
        assert!(split(" . ", &[]).is_empty());
    }

    #[test]
    fn urdu_sentences_end_with_the_urdu_full_stop_and_question_mark() {
        let text = "آپ کا ڈاکٹر ایک کلینک میں کام کرتا ہے۔ کلینک رات کو بند ہوتا ہے۔ کیا آپ کی جان خطرے میں ہے؟ 999 پر فون کریں۔";
        assert_eq!(split(text, &[]), ["آپ کا ڈاکٹر ایک کلینک میں کام کرتا ہے۔", "کلینک رات کو بند ہوتا ہے۔", "کیا آپ کی جان خطرے میں ہے؟", "999 پر فون کریں۔"]);
        // An Urdu abbreviation with the Urdu full stop does not end the sentence.
        assert_eq!(split("ڈاکٹر ایم۔ خان سے ملیں۔ وہ مدد کریں گے۔", &["ایم۔"]), ["ڈاکٹر ایم۔ خان سے ملیں۔", "وہ مدد کریں گے۔"]);
        assert_eq!(word_count("آپ کا ڈاکٹر ایک کلینک میں کام کرتا ہے۔"), 9);
    }

    #[test]
    fn arabic_sentences_end_with_the_full_stop_and_arabic_question_mark() {
        let text = "يعمل طبيبك في عيادة. تُغلق العيادة في الليل. هل حياتك في خطر؟ اتصل بالرقم 999.";
        assert_eq!(split(text, &[]), ["يعمل طبيبك في عيادة.", "تُغلق العيادة في الليل.", "هل حياتك في خطر؟", "اتصل بالرقم 999."]);
        assert_eq!(word_count("هل حياتك في خطر؟"), 4);
        // A decimal with the Arabic decimal separator or a full stop stays one word.
        assert_eq!(split("الجرعة 2.5 ملغ. خذها مساءً.", &[]), ["الجرعة 2.5 ملغ.", "خذها مساءً."]);
    }

    #[test]
    fn words_are_uax29_words() {
        let w: Vec<&str> = words("A&E is open 24 hours; call 116 123, or co-production's 3.5 e.g.").into_iter().map(|(_, w)| w).collect();
        assert_eq!(w, ["A", "E", "is", "open", "24", "hours", "call", "116", "123", "or", "co", "production's", "3.5", "e.g"]);
        assert_eq!(letters("café"), 4);
        for w in ["café", "sentence", "organise", "ysbyty'r", "gwasanaethau", "ŵyrion", "ŵŷrionau", "شکایتیں", "ہسپتالوں", "A&E123", "co-op"] {
            assert_eq!(is_long(w), letters(w) > 6, "{w}");
        }
    }
}
