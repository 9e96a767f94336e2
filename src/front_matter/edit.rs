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
            out.push_str(&line[bare.len()..]);
            replaced = true;
            continue;
        }
        out.push_str(line);
    }
    None
}
