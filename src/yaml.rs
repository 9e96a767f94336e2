//! The one place that talks to the YAML library (`serde_yaml`, provided by the maintained
//! `yaml_serde` fork). It returns typed values plus the keys nobody asked for, and turns the
//! library's errors into positions and plain words a content editor can act on.

use serde::de::DeserializeOwned;

/// A YAML problem, positioned relative to the start of the YAML text (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line in the YAML text, when the parser knows it.
    pub line: Option<usize>,
    /// 1-based column.
    pub column: Option<usize>,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// A key in the YAML that the typed struct does not know, with the line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKey {
    /// Dotted path, e.g. `translations.mising`.
    pub path: String,
    /// 1-based line in the YAML text, when found.
    pub line: Option<usize>,
}

/// Parses `text` into `T`, collecting unknown keys instead of failing on them.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<(T, Vec<UnknownKey>), YamlError> {
    // An empty document is an empty mapping, so that defaults apply (and `title` is reported
    // as missing by the caller rather than as a parse error).
    let text = if text.trim().is_empty() { "{}" } else { text };
    if let Err(deep) = crate::yaml_depth::check(text) {
        let max = crate::yaml_depth::MAX_FLOW_DEPTH;
        return Err(YamlError {
            line: Some(deep.line),
            column: Some(deep.column),
            message: format!("lists or groups in brackets, [ ] or {{ }}, are nested inside each other more than {max} levels deep here"),
            hint: format!("Nest at most {max} levels of brackets. Write a long list one item a line, each line starting with `- `."),
        });
    }
    let mut unknown = Vec::new();
    let de = serde_yaml::Deserializer::from_str(text);
    // `?` stands for an optional value in serde_ignored's paths (`languages.?.1.name`): it means
    // nothing to an editor.
    let value: T = serde_ignored::deserialize(de, |path| unknown.push(path.to_string().split('.').filter(|part| *part != "?").collect::<Vec<_>>().join("."))).map_err(|e| explain(&e, text))?;
    // One pass over the lines for all the keys: a line scan per unknown key made a front
    // matter of many unknown keys quadratic.
    let lines = KeyLines::of(text);
    let unknown = unknown
        .into_iter()
        .map(|path| {
            let line = lines.find(text, &path);
            UnknownKey { path, line }
        })
        .collect();
    Ok((value, unknown))
}

/// The first line on which each key is written, as [`key_line`] finds it.
struct KeyLines<'a> {
    first: std::collections::HashMap<&'a str, usize>,
}

impl<'a> KeyLines<'a> {
    fn of(text: &'a str) -> KeyLines<'a> {
        let mut first = std::collections::HashMap::new();
        for (i, l) in text.lines().enumerate() {
            let t = l.trim_start().trim_start_matches("- ");
            // `key: …` or `"key": …`: the key is what comes before the first colon.
            let Some((before, _)) = t.split_once(':') else { continue };
            let before = before.trim_end();
            first.entry(before).or_insert(i + 1);
            if let Some(quoted) = before.strip_prefix('"').and_then(|b| b.strip_suffix('"')) {
                first.entry(quoted).or_insert(i + 1);
            }
        }
        KeyLines { first }
    }

    /// The line of the last segment of `path`. A key with a colon or a quote in it is looked
    /// for line by line, as the table cannot tell where such a key ends.
    fn find(&self, text: &str, path: &str) -> Option<usize> {
        let last = path.rsplit('.').next().unwrap_or(path);
        if last.contains([':', '"']) {
            return key_line(text, path);
        }
        self.first.get(last).copied()
    }
}

/// The line on which the last segment of a dotted key path is written.
pub fn key_line(text: &str, path: &str) -> Option<usize> {
    let last = path.rsplit('.').next().unwrap_or(path);
    text.lines()
        .position(|l| {
            let t = l.trim_start().trim_start_matches("- ");
            t.strip_prefix(last).is_some_and(|rest| rest.trim_start().starts_with(':')) || t.strip_prefix(&format!("\"{last}\"")).is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

fn explain(e: &serde_yaml::Error, text: &str) -> YamlError {
    let raw = e.to_string();
    let (mut line, mut column) = match e.location() {
        Some(loc) => (Some(loc.line()), Some(loc.column())),
        None => (None, None),
    };
    // An unclosed bracket is noticed on a later line; point at the line that opened it.
    if raw.contains("expected ',' or ']'") || raw.contains("expected ',' or '}'") {
        let (open, close) = if raw.contains("']'") { ('[', ']') } else { ('{', '}') };
        let upto = line.unwrap_or(usize::MAX);
        if let Some(i) = text.lines().take(upto).enumerate().filter(|(_, l)| l.matches(open).count() > l.matches(close).count()).map(|(i, _)| i).last() {
            line = Some(i + 1);
            column = text.lines().nth(i).and_then(|l| l.find(open)).map(|c| c + 1);
        }
    }
    // A quote left open is noticed at the end of the text; point at the quote.
    if (raw.contains("quoted scalar") || raw.contains("unexpected end of stream"))
        && let Some((i, c)) = unclosed_quote(text, line.unwrap_or(usize::MAX))
    {
        let quote = &text.lines().nth(i).unwrap_or_default()[c..c + 1];
        return YamlError {
            line: Some(i + 1),
            column: Some(c + 1),
            message: format!("the quote {quote} that starts here is never closed"),
            hint: format!("Put a closing {quote} at the end of the text, like title: {quote}Help at night{quote}."),
        };
    }
    // The library points duplicates at the start of the mapping; point at the second key.
    if let Some(key) = raw.split("duplicate field `").nth(1).and_then(|r| r.split('`').next())
        && let Some(i) = text.lines().enumerate().filter(|(_, l)| l.starts_with(key) && l[key.len()..].trim_start().starts_with(':')).nth(1).map(|(i, _)| i)
    {
        (line, column) = (Some(i + 1), Some(1));
    }
    // The library's message ends with " at line X column Y"; we report the position ourselves.
    let core = raw.split(" at line ").next().unwrap_or(&raw).to_string();
    let (message, hint) = plain_words(&core, line.and_then(|l| text.lines().nth(l - 1)));
    YamlError { line, column, message, hint }
}

/// The last line (0-based, up to line `upto`) whose value opens a quote that the line does
/// not close, and the byte column of that quote.
fn unclosed_quote(text: &str, upto: usize) -> Option<(usize, usize)> {
    text.lines()
        .take(upto)
        .enumerate()
        .filter_map(|(i, l)| {
            let value_at = l.find(": ").map(|c| c + 2).or_else(|| l.trim_start().starts_with("- ").then(|| l.find("- ").unwrap_or(0) + 2))?;
            let value = &l[value_at..];
            let start = value_at + (value.len() - value.trim_start().len());
            let quote = l[start..].chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let rest = &l[start + 1..];
            let closed = if quote == '"' {
                let mut escaped = false;
                rest.chars().any(|c| {
                    let end = c == '"' && !escaped;
                    escaped = c == '\\' && !escaped;
                    end
                })
            } else {
                // `''` inside single quotes is a quote, not the end.
                rest.replace("''", "").contains('\'')
            };
            (!closed).then_some((i, start))
        })
        .last()
}

/// How serde's `invalid type: string "ten"` names the value that was found, in plain words.
fn plain_found(found: &str) -> String {
    if let Some(text) = found.strip_prefix("string ") {
        return text.to_string();
    }
    for kind in ["integer ", "floating point ", "boolean ", "character "] {
        if let Some(v) = found.strip_prefix(kind) {
            return v.trim_matches('`').to_string();
        }
    }
    match found {
        "sequence" => "a list".into(),
        "map" => "a group of keys".into(),
        "unit value" => "empty".into(),
        other => other.to_string(),
    }
}

/// What is wrong with the date `key` written on `line_text` (`date: 2026-02-30`), in plain
/// words.
fn date_problem(key: &str, line_text: Option<&str>) -> String {
    let value = line_text.and_then(|l| l.split_once(':')).map(|(_, v)| v.trim().trim_matches(['"', '\''])).unwrap_or_default();
    let parts: Vec<&str> = value.split('-').collect();
    let numbers: Option<Vec<i32>> = parts.iter().map(|p| p.parse().ok()).collect();
    match (parts.as_slice(), numbers.as_deref()) {
        ([y, m, d], Some(&[year, month, day])) if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            if !(1..=12).contains(&month) {
                return format!("the date {value} in {key}does not exist: there is no month {month}, as months go from 01 to 12");
            }
            let days = jiff::civil::Date::new(year as i16, month as i8, 1).map(|d| d.days_in_month()).unwrap_or(31);
            format!("the date {value} in {key}does not exist: that month has {days} days, so there is no day {day}")
        }
        _ => format!("{key}is not a date written as year-month-day"),
    }
}

/// Whether serde's `expected …` names a whole-number type (`i64`, `usize` …).
fn is_integer_type(expected: &str) -> bool {
    expected.strip_prefix(['i', 'u']).is_some_and(|bits| bits == "size" || (!bits.is_empty() && bits.bytes().all(|b| b.is_ascii_digit())))
}

/// Rewrites the YAML library's technical messages for people who are not programmers.
fn plain_words(core: &str, line_text: Option<&str>) -> (String, String) {
    let field = core.split_once(": ").map(|(f, _)| f).filter(|f| !f.contains(' ')).unwrap_or("");
    let detail = if field.is_empty() { core } else { &core[field.len() + 2..] };
    // `languages[1].dir` is shown as `dir`: the line number says which entry.
    let key = if field.is_empty() { String::new() } else { format!("`{}` ", field.rsplit('.').next().unwrap_or(field)) };
    if ["date", "reviewed", "review_due", "checked_on"].contains(&field) && !detail.starts_with("invalid type") {
        return (date_problem(&key, line_text), format!("Write {key}as a date that exists, as YYYY-MM-DD (year-month-day), like 2026-03-01."));
    }
    if detail.contains("expected struct") {
        return ("the front matter is not a list of `key: value` lines".into(), "Write one setting on each line between the --- lines, like `title: Getting help at night`.".into());
    }
    // A whole number out of range: `invalid type: integer `99999999999999999999` as u128,
    // expected i64`, or `invalid value: integer `-3`, expected usize`.
    if let Some(rest) = detail.strip_prefix("invalid type: integer `").or_else(|| detail.strip_prefix("invalid value: integer `"))
        && let Some(expected) = rest.split(", expected ").nth(1).filter(|t| is_integer_type(t))
    {
        let number = rest.split('`').next().unwrap_or_default();
        return if expected.starts_with('u') && number.starts_with('-') {
            (format!("{key}cannot be {number}: it must be 0 or more"), format!("Write {key}as a whole number of 0 or more, like 10."))
        } else {
            (format!("{key}is {number}, which is too large a number"), format!("Write {key}as a smaller whole number, like 10."))
        };
    }
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "another kind of value"));
        let found = plain_found(found);
        let want = match expected {
            e if e.contains("bool") => "true or false",
            e if e.contains("integer") || e.contains("i32") || e.contains("i64") || e.contains("u32") => "a whole number, like 10",
            e if e.contains("string") => "text",
            e if e.contains("sequence") => "a list, like [en, cy]",
            e if e.contains("date") => "a date written as YYYY-MM-DD, like 2026-03-01",
            e => e,
        };
        return (format!("the value of {key}is {found}, but it should be {want}"), format!("Write {key}as {want}."));
    }
    if detail.starts_with("duplicate field") || detail.starts_with("duplicate entry") {
        return (format!("{key}{detail}: the same key is written twice"), "Keep only one line for each key.".into());
    }
    // `unknown variant `sideways`, expected `ltr` or `rtl``
    if let Some(rest) = detail.strip_prefix("unknown variant ") {
        let (value, allowed) = rest.split_once(", expected ").unwrap_or((rest, "another value"));
        let allowed = allowed.trim_start_matches("one of ");
        return (format!("{key}cannot be {value}: it can be {allowed}"), format!("Write {key}as {allowed}."));
    }
    if line_text.is_some_and(|l| l.starts_with('\t') || l.contains(":\t")) || detail.contains("tab") {
        return (
            "this line has a tab in it, and YAML does not allow tabs for indenting".into(),
            "Remove the tab. A top-level key like `title:` starts at the very beginning of the line; a line that belongs under the key above it is indented with spaces.".into(),
        );
    }
    if detail.contains("did not find expected") || detail.contains("unexpected end of stream") || detail.contains("while parsing") || detail.contains("mapping values are not allowed") {
        return (
            format!("the YAML could not be read ({detail})"),
            "Check this line for a missing closing bracket or quote, or a colon inside text: put such text in quotes, like title: \"Help: at night\".".into(),
        );
    }
    (format!("{key}{detail}"), "Check the spelling and layout of this line.".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct T {
        title: String,
        #[serde(default)]
        weight: i32,
    }

    #[test]
    fn reports_unknown_keys_with_lines() {
        let (t, unknown): (T, _) = parse("title: A\ncolour: red\n").unwrap();
        assert_eq!(t.title, "A");
        assert_eq!(unknown, vec![UnknownKey { path: "colour".into(), line: Some(2) }]);
    }

    #[test]
    fn unknown_keys_inside_optional_lists_have_plain_paths() {
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct L {
            entries: Option<Vec<Entry>>,
        }
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct Entry {
            code: String,
        }
        let (_, unknown): (L, _) = parse("entries:\n  - code: ur\n    name: Urdu\n").unwrap();
        assert_eq!(unknown, vec![UnknownKey { path: "entries.0.name".into(), line: Some(3) }]);
    }

    #[test]
    fn wrong_type_is_explained_with_position() {
        let err = parse::<T>("title: A\nweight: ten\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("`weight`"), "{}", err.message);
        assert!(err.message.contains("whole number"), "{}", err.message);
    }

    #[test]
    fn unclosed_bracket_has_position() {
        // The parser notices on line 3; the bracket was opened on line 2, column 4.
        let err = parse::<T>("title: A\nx: [1, 2\n").unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(4)));
        assert!(err.hint.contains("bracket"), "{}", err.hint);
    }

    #[test]
    fn numbers_out_of_range_are_plain_words() {
        let err = parse::<T>("title: A\nweight: 99999999999999999999\n").unwrap_err();
        assert!(!err.message.contains("u128") && !err.message.contains("i32"), "{}", err.message);
        assert!(err.message.contains("`weight` is 99999999999999999999, which is too large"), "{}", err.message);
        assert_eq!(err.line, Some(2));
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct U {
            words: usize,
        }
        let err = parse::<U>("words: -3\n").unwrap_err();
        assert!(err.message.contains("`words` cannot be -3: it must be 0 or more"), "{}", err.message);
    }

    #[test]
    fn brackets_nested_too_deep_are_refused_at_their_line() {
        let n = crate::yaml_depth::MAX_FLOW_DEPTH + 1;
        let err = parse::<T>(&format!("title: A\nx: {}{}\n", "[".repeat(n), "]".repeat(n))).unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(3 + n)));
        assert!(err.message.contains("nested inside each other more than"), "{}", err.message);
    }

    #[test]
    fn key_lines_from_one_pass_are_those_of_a_scan_per_key() {
        let text = "title: A\ncolour: red\n- item: x\n\"quoted\": 1\nspaced   : 2\nnested:\n  inner: 3\ntitle2: z\ncolour: again\nurl: \"http://x\"\n";
        let lines = KeyLines::of(text);
        for key in ["title", "colour", "item", "quoted", "spaced", "nested.inner", "inner", "title2", "url", "missing", "tit", "a:b"] {
            assert_eq!(lines.find(text, key), key_line(text, key), "{key}");
        }
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opens() {
        let err = parse::<T>("title: \"Help at night\nweight: 3\n").unwrap_err();
        assert_eq!((err.line, err.column), (Some(1), Some(8)), "{err:?}");
        assert_eq!(err.message, "the quote \" that starts here is never closed");
        // A closed quote with an escaped quote inside is not the one.
        let err = parse::<T>("title: \"Say \\\"hi\\\"\"\nweight: 'ten\n").unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(9)), "{err:?}");
    }

    #[test]
    fn wrong_values_are_named_without_type_names() {
        let err = parse::<T>("title: A\nweight: ten\n").unwrap_err();
        assert_eq!(err.message, "the value of `weight` is \"ten\", but it should be a whole number, like 10");
        let err = parse::<T>("title: [a, b]\n").unwrap_err();
        assert_eq!(err.message, "the value of `title` is a list, but it should be text");
    }

    #[test]
    fn impossible_dates_say_what_is_wrong() {
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct D {
            date: jiff::civil::Date,
        }
        let err = parse::<D>("date: 2026-02-30\n").unwrap_err();
        assert_eq!(err.message, "the date 2026-02-30 in `date` does not exist: that month has 28 days, so there is no day 30");
        let err = parse::<D>("date: 2026-13-01\n").unwrap_err();
        assert!(err.message.ends_with("there is no month 13, as months go from 01 to 12"), "{}", err.message);
    }

    #[test]
    fn a_tab_is_explained_for_top_level_keys_too() {
        let err = parse::<T>("title: A\n\tweight: 3\n").unwrap_err();
        assert!(err.message.contains("tab") && !err.hint.contains("two spaces"), "{err:?}");
        assert!(err.hint.starts_with("Remove the tab."), "{err:?}");
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let err = parse::<T>("title: A\ntitle: B\n").unwrap_err();
        assert!(err.message.contains("twice"), "{}", err.message);
        assert_eq!(err.line, Some(2));
    }
}
