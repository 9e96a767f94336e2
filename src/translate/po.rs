//! gettext PO: one entry per segment. `msgctxt` is `FILE#ID` (`help/out-of-hours.md#2.paragraph`),
//! so every page's entries share a prefix; the first entry of a page says its source hash in an
//! extracted comment (`#.`). Codes are written `{1}…{/1}` (wrapping words) and `{2}` (standing
//! alone), and a `{` that is not a code as `{{`: plain text every PO tool keeps as it is.

use std::fmt::Write;

use super::segments::Piece;
use super::{CODES_NOTE, Doc, ReadDoc, ReadEntry, ReadUnit, TargetState};

/// Writes `doc` as a PO file.
pub fn write(doc: &Doc) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {} translation of {}, from {}, made by clearleaf export.", doc.lang, doc.project, doc.source_lang);
    let _ = writeln!(s, "# Words to translate: {} (words of new segments and of segments to review).", doc.words_to_translate());
    let _ = writeln!(s, "# {CODES_NOTE}");
    s.push_str("msgid \"\"\nmsgstr \"\"\n");
    let header = [
        format!("Project-Id-Version: {}", doc.project),
        "Report-Msgid-Bugs-To: \\n".into(),
        "PO-Revision-Date: 1970-01-01 00:00+0000".into(),
        "Last-Translator: clearleaf export".into(),
        format!("Language-Team: {}", doc.lang),
        format!("Language: {}", doc.lang),
        "MIME-Version: 1.0".into(),
        "Content-Type: text/plain; charset=UTF-8".into(),
        "Content-Transfer-Encoding: 8bit".into(),
        format!("Plural-Forms: {}", plural_forms(&doc.lang)),
        "X-Generator: clearleaf".into(),
    ];
    for h in header {
        let h = h.trim_end_matches("\\n");
        let _ = writeln!(s, "\"{}\\n\"", escape(h));
    }
    for unit in &doc.units {
        for (i, e) in unit.entries.iter().enumerate() {
            s.push('\n');
            if i == 0 {
                let _ = writeln!(s, "#. Page {}: source hash {}, {} words to translate.", unit.file, unit.hash, unit.words_to_translate());
            }
            if !e.codes.is_empty() {
                let codes: Vec<String> = e.codes.iter().map(|c| if c.paired { format!("{{{0}}}...{{/{0}}} {1}", c.id, c.ctype) } else { format!("{{{}}} {}", c.id, c.ctype) }).collect();
                let _ = writeln!(s, "#. Codes: {}", codes.join(", "));
            }
            let _ = writeln!(s, "#: content/{}:{}", unit.file, e.line);
            if e.state == TargetState::NeedsReview {
                s.push_str("#, fuzzy\n");
            }
            let _ = writeln!(s, "msgctxt \"{}\"", escape(&format!("{}#{}", unit.file, e.id)));
            let _ = writeln!(s, "msgid \"{}\"", escape(&braces(&e.source)));
            let _ = writeln!(s, "msgstr \"{}\"", escape(&braces(&e.target)));
        }
    }
    s
}

/// Plural rules from the CLDR, for the languages clearleaf has built-in strings for; PO tools
/// want the header even though no entry has plural forms.
fn plural_forms(lang: &str) -> &'static str {
    match lang.split('-').next().unwrap_or(lang) {
        "cy" => "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n==3 ? 3 : n==6 ? 4 : 5);",
        "pl" => "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
        "ar" => "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
        _ => "nplurals=2; plural=(n != 1);",
    }
}

/// Pieces in the PO spelling of codes.
pub fn braces(pieces: &[Piece]) -> String {
    let mut s = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => s.push_str(&t.replace('{', "{{")),
            Piece::Open(n) | Piece::Standalone(n) => {
                let _ = write!(s, "{{{n}}}");
            }
            Piece::Close(n) => {
                let _ = write!(s, "{{/{n}}}");
            }
        }
    }
    s
}

/// Reads the PO spelling of codes back: `{N}` as [`Piece::Open`] (told apart from a
/// standalone code later), `{/N}` as [`Piece::Close`], `{{` as `{`. `Err` names what is wrong.
pub fn unbraces(s: &str) -> Result<Vec<Piece>, String> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        text.push_str(&rest[..i]);
        rest = &rest[i..];
        if let Some(r) = rest.strip_prefix("{{") {
            text.push('{');
            rest = r;
            continue;
        }
        let Some(end) = rest.find('}') else { return Err(format!("`{}` is not a code: codes look like {{1}} or {{/1}}, and a {{ on its own is written {{{{", short(rest))) };
        let inner = &rest[1..end];
        let (close, number) = match inner.strip_prefix('/') {
            Some(n) => (true, n),
            None => (false, inner),
        };
        let Ok(n) = number.parse::<u32>() else { return Err(format!("`{}` is not a code: codes look like {{1}} or {{/1}}, and a {{ on its own is written {{{{", &rest[..=end])) };
        if !text.is_empty() {
            out.push(Piece::Text(std::mem::take(&mut text)));
        }
        out.push(if close { Piece::Close(n) } else { Piece::Open(n) });
        rest = &rest[end + 1..];
    }
    text.push_str(rest);
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    Ok(out)
}

fn short(s: &str) -> &str {
    s.char_indices().nth(12).map_or(s, |(i, _)| &s[..i])
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(s: &str, line: usize) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(c @ ('\\' | '"')) => out.push(c),
            other => return Err(format!("line {line}: `\\{}` is not an escape PO knows", other.map(String::from).unwrap_or_default())),
        }
    }
    Ok(out)
}

/// One entry while reading.
#[derive(Default)]
struct Raw {
    comments: Vec<String>,
    fuzzy: bool,
    ctxt: Option<String>,
    id: Option<String>,
    str: Option<String>,
    line: usize,
}

/// Reads a PO file made by `clearleaf export` (and filled in by a translator's tool).
pub fn read(text: &str) -> Result<ReadDoc, String> {
    let mut raws: Vec<Raw> = Vec::new();
    let mut cur = Raw::default();
    // Which string a continuation line `"…"` adds to.
    let mut field: Option<u8> = None;
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        let line = line.trim();
        let starts_entry = line.starts_with("msgctxt") || (line.starts_with("msgid ") && cur.ctxt.is_none() && cur.id.is_some()) || (line.starts_with('#') && cur.str.is_some());
        if starts_entry && cur.id.is_some() {
            raws.push(std::mem::take(&mut cur));
            field = None;
        }
        if line.is_empty() || line.starts_with("#~") || line.starts_with("#|") {
            continue;
        }
        if let Some(c) = line.strip_prefix("#.") {
            cur.comments.push(c.trim().to_string());
        } else if let Some(flags) = line.strip_prefix("#,") {
            cur.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
        } else if line.starts_with('#') {
        } else if line.starts_with("msgid_plural") || line.starts_with("msgstr[") {
            return Err(format!("line {n}: plural forms are not used in clearleaf's files"));
        } else if line.starts_with('"') {
            let value = quoted(line, n)?;
            let s = slot(&mut cur, field).map_err(|_| format!("line {n}: a string with no msgid or msgstr before it"))?;
            s.get_or_insert_with(String::new).push_str(&value);
        } else if let Some((key, value)) = line.split_once(' ') {
            let value = quoted(value, n)?;
            if cur.id.is_none() && cur.ctxt.is_none() {
                cur.line = n;
            }
            field = Some(match key {
                "msgctxt" => 0,
                "msgid" => 1,
                "msgstr" => 2,
                _ => return Err(format!("line {n}: `{key}` is not a PO keyword")),
            });
            *slot(&mut cur, field).map_err(|()| format!("line {n}: `{key}` is not a PO keyword"))? = Some(value);
        } else {
            return Err(format!("line {n}: this is not PO"));
        }
    }
    if cur.id.is_some() {
        raws.push(cur);
    }
    let mut doc = ReadDoc { lang: None, units: Vec::new() };
    for raw in raws {
        let (Some(id), Some(target)) = (raw.id, raw.str) else { return Err(format!("line {}: an entry without msgid or msgstr", raw.line)) };
        let Some(ctxt) = raw.ctxt else {
            if id.is_empty() {
                doc.lang = target.lines().find_map(|l| l.strip_prefix("Language:")).map(|l| l.trim().to_string()).filter(|l| !l.is_empty());
                continue;
            }
            return Err(format!("line {}: an entry without msgctxt, so clearleaf cannot tell which page and segment it is", raw.line));
        };
        let Some((file, seg)) = ctxt.rsplit_once('#') else { return Err(format!("line {}: msgctxt \"{ctxt}\" does not name a page and a segment (like help/out-of-hours.md#2.paragraph)", raw.line)) };
        let pieces = unbraces(&target).map_err(|e| format!("{ctxt}: {e}"))?;
        let hash = raw.comments.iter().find_map(|c| c.split("source hash ").nth(1)).map(|h| h.split([',', ' ']).next().unwrap_or(h).to_string());
        let entry = ReadEntry { id: seg.to_string(), target: pieces, needs_review: raw.fuzzy };
        match doc.units.last_mut() {
            Some(u) if u.file == file => {
                u.hash = u.hash.take().or(hash);
                u.entries.push(entry);
            }
            _ => doc.units.push(ReadUnit { file: file.to_string(), hash, entries: vec![entry] }),
        }
    }
    Ok(doc)
}

fn slot(raw: &mut Raw, field: Option<u8>) -> Result<&mut Option<String>, ()> {
    match field {
        Some(0) => Ok(&mut raw.ctxt),
        Some(1) => Ok(&mut raw.id),
        Some(2) => Ok(&mut raw.str),
        _ => Err(()),
    }
}

fn quoted(s: &str, line: usize) -> Result<String, String> {
    let inner = s.trim().strip_prefix('"').and_then(|s| s.strip_suffix('"')).ok_or_else(|| format!("line {line}: a string must be in double quotes"))?;
    unescape(inner, line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::translate::segments::segment;
    use crate::translate::{Entry, Unit};

    fn doc() -> Doc {
        let segs = segment("Read about [interpreters](x.md) {now}.\n\n\u{200f}رات \"کو\" مدد\n", 1);
        let entries = segs
            .iter()
            .map(|s| Entry {
                id: s.id.clone(),
                line: s.line,
                source: s.pieces.clone(),
                codes: s.codes.clone(),
                target: if s.codes.is_empty() { s.pieces.clone() } else { vec![] },
                state: TargetState::NeedsReview,
            })
            .collect();
        Doc { project: "Test".into(), source_lang: "en".into(), lang: "ur".into(), units: vec![Unit { file: "help/x.md".into(), hash: "v1:0123456789ab".into(), entries, current: false }] }
    }

    #[test]
    fn writes_what_it_reads() {
        let text = write(&doc());
        assert!(text.contains("msgctxt \"help/x.md#1.paragraph\"\nmsgid \"Read about {1}interpreters{/1} {{now}.\"\nmsgstr \"\"\n"), "{text}");
        assert!(text.contains("#, fuzzy\n"), "{text}");
        assert!(text.contains("\"Language: ur\\n\"\n"), "{text}");
        let read = read(&text).unwrap();
        assert_eq!(read.lang.as_deref(), Some("ur"));
        assert_eq!(read.units.len(), 1);
        assert_eq!(read.units[0].hash.as_deref(), Some("v1:0123456789ab"));
        assert_eq!(read.units[0].entries[1].target, vec![Piece::Text("\u{200f}رات \"کو\" مدد".into())]);
        assert!(read.units[0].entries[1].needs_review);
    }

    #[test]
    fn codes_read_back_and_stray_braces_are_named() {
        assert_eq!(unbraces("a {1}b{/1} {{c} {2}").unwrap(), [Piece::Text("a ".into()), Piece::Open(1), Piece::Text("b".into()), Piece::Close(1), Piece::Text(" {c} ".into()), Piece::Open(2)]);
        assert!(unbraces("a {x} b").unwrap_err().contains("`{x}`"));
        assert!(unbraces("a { b").is_err());
    }

    #[test]
    fn continuation_lines_and_broken_files() {
        let text = "msgid \"\"\nmsgstr \"\"\n\"Language: cy\\n\"\n\nmsgctxt \"a.md#title\"\nmsgid \"Help\"\nmsgstr \"\"\n\"Cym\"\n\"orth\"\n";
        let d = read(text).unwrap();
        assert_eq!(d.units[0].entries[0].target, [Piece::Text("Cymorth".into())]);
        assert!(read("msgid \"a\nmsgstr \"\"\n").is_err());
        assert!(read("msgid \"a\"\nmsgstr \"b\"\n").unwrap_err().contains("msgctxt"));
    }
}
