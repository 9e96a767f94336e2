//! Numbers in right-to-left text. A phone number like `116 123` is two runs of digits with a
//! space between them; in an Urdu or Arabic paragraph the bidirectional algorithm treats that
//! space as right-to-left, so the reader sees `123 116`. The renderer isolates such runs
//! left to right (`<span dir="ltr" class="number">`), which also keeps them on one line.
//!
//! A run is digits (Western, Arabic-Indic or Extended Arabic-Indic) joined by single spaces,
//! no-break spaces or hyphens, with an optional leading `+` and parentheses around a group,
//! as phone numbers are written. A lone group (`999`) is left alone: it cannot be reordered.

use std::ops::Range;

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c) || ('\u{6F0}'..='\u{6F9}').contains(&c)
}

fn is_joiner(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '-' | '\u{2011}')
}

/// The byte ranges of the numbers in `text` that right-to-left text would reorder.
pub fn number_runs(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let opens_number = is_digit(c) || (matches!(c, '+' | '(') && chars.get(i + 1).is_some_and(|&(_, n)| is_digit(n) || n == '('));
        // A number starts at a digit that does not continue a word or another number.
        let after_word = i > 0 && (chars[i - 1].1.is_alphanumeric() || chars[i - 1].1 == '+');
        if !opens_number || after_word {
            i += 1;
            continue;
        }
        let (mut j, mut end, mut groups, mut depth) = (i, start, 0, 0i32);
        // `in_digits`: the last character was a digit; `joinable`: a space or hyphen may follow.
        let (mut in_digits, mut joinable) = (false, false);
        while j < chars.len() {
            let (at, c) = chars[j];
            if is_digit(c) {
                groups += usize::from(!in_digits);
                (in_digits, joinable) = (true, true);
                end = at + c.len_utf8();
            } else if c == '(' || (c == '+' && j == i) {
                depth += i32::from(c == '(');
                (in_digits, joinable) = (false, false);
            } else if c == ')' && depth > 0 {
                depth -= 1;
                (in_digits, joinable) = (false, true);
                end = at + 1;
            } else if is_joiner(c) && joinable && chars.get(j + 1).is_some_and(|&(_, n)| is_digit(n) || n == '(') {
                (in_digits, joinable) = (false, false);
            } else {
                break;
            }
            j += 1;
        }
        let run = &text[start..end];
        if run.matches('(').count() != run.matches(')').count() {
            // An unclosed `(`: the number starts after it.
            i += 1;
            continue;
        }
        if groups >= 2 || (c == '+' && groups >= 1) {
            runs.push(start..end);
        }
        i = j.max(i + 1);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        number_runs(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn phone_numbers_are_found_whole() {
        assert_eq!(found("فون کریں 116 123 پر۔"), ["116 123"]);
        assert_eq!(found("اتصل على +44 20 7946 0958 الآن"), ["+44 20 7946 0958"]);
        assert_eq!(found("(020) 7946-0958."), ["(020) 7946-0958"]);
        assert_eq!(found("۰۳۰۰ ۱۲۳۴۵۶۷ اور ١١٦ ١٢٣"), ["۰۳۰۰ ۱۲۳۴۵۶۷", "١١٦ ١٢٣"]);
    }

    #[test]
    fn lone_numbers_words_and_lists_are_left_alone() {
        assert_eq!(found("Call 999 or 111."), Vec::<&str>::new());
        assert_eq!(found("A4 sheets, room 12b, 1, 2 and 3"), Vec::<&str>::new());
        assert_eq!(found("from 9 to 5"), Vec::<&str>::new());
        assert_eq!(found("(020 7946"), ["020 7946"]);
    }
}
