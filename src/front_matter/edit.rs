//! Changing one key of a page's front matter in place, keeping every other byte: comments, key
//! order, a byte-order mark and the file's line ends. `clearleaf stamp` sets `source_hash` with
//! it, and `clearleaf import` the translated title and description.

/// `text` with `KEY: VALUE` in its front matter (VALUE written as YAML): the existing line
/// replaced (with any continuation lines of an empty or block value), or a new line added before the closing
/// `---`, with the file's own line ends. A page without front matter (titled by its leading
/// `# heading`) gets front matter holding only that key. Every other byte is kept. `None` when
/// the front matter is never closed.
pub fn set_key(text: &str, key: &str, value: &str) -> Option<String> {
    let (bom, rest) = match text.strip_prefix('\u{feff}') {
        Some(r) => ("\u{feff}", r),
        None => ("", text),
    };
    let mut lines = rest.split_inclusive('\n');
    let first = lines.next()?;
    let eol = if first.ends_with("\r\n") { "\r\n" } else { "\n" };
    let new_line = format!("{key}: {value}");
    if first.trim_end_matches(['\n', '\r']) != "---" {
        return Some(format!("{bom}---{eol}{new_line}{eol}---{eol}{rest}"));
    }
    let mut out = String::with_capacity(text.len() + new_line.len() + 2);
    out.push_str(bom);
    out.push_str(first);
    let mut offset = bom.len() + first.len();
    let mut replaced = false;
    let mut continuation = false;
    for line in lines {
        let bare = line.trim_end_matches(['\n', '\r']);
        offset += line.len();
        if bare.trim_end() == "---" || bare.trim_end() == "..." {
            if !replaced {
                out.push_str(&new_line);
                out.push_str(eol);
            }
            out.push_str(line);
            out.push_str(&text[offset..]);
            return Some(out);
        }
        if continuation {
            if bare.starts_with([' ', '\t']) && !bare.trim().is_empty() {
                continue;
            }
            continuation = false;
        }
        if !replaced && bare.starts_with(key) && bare[key.len()..].trim_start().starts_with(':') {
            let value = bare[key.len()..].trim_start()[1..].trim();
            continuation = value.is_empty() || value.starts_with(['#', '|', '>']);
            out.push_str(&new_line);
            if !continuation {
                out.push_str(trailing_comment(value));
            }
            out.push_str(&line[bare.len()..]);
            replaced = true;
            continue;
        }
        out.push_str(line);
    }
    None
}

/// The comment after a one-line YAML value (` # checked by …`), with the space before it, so a
/// note beside a key outlives a new value. Empty when there is none.
fn trailing_comment(value: &str) -> &str {
    let scalar_end = match value.chars().next() {
        Some(q @ ('"' | '\'')) => {
            // The closing quote: in "…" one not escaped with a backslash; in '…' one not doubled.
            let mut end = None;
            let mut escaped = false;
            let chars: Vec<(usize, char)> = value.char_indices().skip(1).collect();
            let mut k = 0;
            while k < chars.len() {
                let (i, c) = chars[k];
                if q == '"' && c == '\\' && !escaped {
                    escaped = true;
                } else if c == q && !escaped {
                    if q == '\'' && chars.get(k + 1).is_some_and(|n| n.1 == '\'') {
                        k += 1;
                    } else {
                        end = Some(i + 1);
                        break;
                    }
                } else {
                    escaped = false;
                }
                k += 1;
            }
            match end {
                Some(e) => e,
                None => return "",
            }
        }
        _ => 0,
    };
    match value[scalar_end..].find(" #").or_else(|| value[scalar_end..].find("\t#")) {
        // With all the space before it, so aligned comments stay aligned.
        Some(i) => {
            let start = scalar_end + i;
            let spaces = value[scalar_end..start].len() - value[scalar_end..start].trim_end().len();
            &value[start - spaces..]
        }
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_beside_the_value_stays() {
        let text = "---\ntitle: Hafan  # checked by the Welsh team\nweight: 1\n---\nBody\n";
        assert_eq!(set_key(text, "title", "\"Tudalen gartref\"").unwrap(), "---\ntitle: \"Tudalen gartref\"  # checked by the Welsh team\nweight: 1\n---\nBody\n");
        for (line, comment) in [("\"a # b\" # c", " # c"), ("'it''s # x'", ""), ("a#b", ""), ("\"a \\\" # b\"", ""), ("'a' # b", " # b")] {
            assert_eq!(trailing_comment(line), comment, "{line}");
        }
    }
}
