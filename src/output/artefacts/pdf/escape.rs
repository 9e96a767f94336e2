//! Editor text written into Typst source so that it can only ever be text. Typst markup gives
//! meaning to most ASCII punctuation (`#` starts code, `$` maths, `*` bold, `<` a label, `//`
//! a comment, `1.` at a line's start a list …), so every ASCII punctuation character is written
//! with a backslash, which Typst reads as that character and nothing more. Strings in code are
//! quoted with the few escapes Typst's string literals know.

use std::fmt::Write;

/// Appends `text` as Typst markup that shows exactly `text`, with runs of HTML white space
/// made one space, as a browser shows them (a blank line would start a new paragraph).
pub fn markup_text(text: &str, out: &mut String) {
    let mut space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
            space = true;
            continue;
        }
        if std::mem::take(&mut space) {
            out.push(' ');
        }
        if c.is_ascii_punctuation() {
            out.push('\\');
            out.push(c);
        } else if is_typst_line_break(c) || c.is_control() {
            // Typst counts these as line ends: two would end the paragraph.
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
}

/// `text` as a Typst string literal, quotes included.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || is_typst_line_break(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters other than `\n` and `\r` that Typst's lexer takes for the end of a line.
fn is_typst_line_break(c: char) -> bool {
    matches!(c, '\u{0B}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markup(text: &str) -> String {
        let mut out = String::new();
        markup_text(text, &mut out);
        out
    }

    #[test]
    fn every_ascii_punctuation_character_is_escaped() {
        assert_eq!(markup("#import \"x\": *"), "\\#import \\\"x\\\"\\: \\*");
        assert_eq!(markup("$1 // not a comment /* nor this */"), "\\$1 \\/\\/ not a comment \\/\\* nor this \\*\\/");
        assert_eq!(markup("<label> @ref _x_ \\"), "\\<label\\> \\@ref \\_x\\_ \\\\");
        assert_eq!(markup("1. a https://x.org"), "1\\. a https\\:\\/\\/x\\.org");
    }

    #[test]
    fn white_space_is_one_space_and_other_line_ends_are_escaped() {
        assert_eq!(markup(" a\n\n  b\t"), " a b ");
        assert_eq!(markup("a\u{2028}\u{2028}b"), "a\\u{2028}\\u{2028}b");
        assert_eq!(markup("ہیلپ\u{a0}لائن"), "ہیلپ\u{a0}لائن");
    }

    #[test]
    fn strings_escape_quotes_backslashes_and_line_ends() {
        assert_eq!(string("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\u{a}d\"");
        assert_eq!(string("#{panic()}"), "\"#{panic()}\"");
    }
}
