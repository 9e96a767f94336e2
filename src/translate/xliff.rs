//! XLIFF 1.2: one `<file>` per page (`original` is its source file, the source hash is in the
//! header's `<note>`), one `<trans-unit>` per segment. Codes are `<g id="N">…</g>` around words
//! and `<x id="N"/>` on their own, with a `ctype` saying what they are, so CAT tools show them
//! as tags the translator can move but not edit.

use std::fmt::Write;

use quick_xml::Reader;
use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};

use super::segments::{Code, Piece};
use super::{CODES_NOTE, Doc, ReadDoc, ReadEntry, ReadUnit, TargetState};

/// The XLIFF 1.2 namespace.
const NS: &str = "urn:oasis:names:tc:xliff:document:1.2";
/// How the header note that carries the source hash starts.
const HASH_NOTE: &str = "source-hash: ";

/// Writes `doc` as XLIFF 1.2.
pub fn write(doc: &Doc) -> String {
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(s, "<xliff version=\"1.2\" xmlns=\"{NS}\">");
    // `--` cannot be in an XML comment, whatever the site's title says.
    let comment = format!("{} translation of {}, made by clearleaf export. Words to translate: {}. {CODES_NOTE}", doc.lang, escape(&doc.project), doc.words_to_translate());
    let _ = writeln!(s, "<!-- {} -->", comment.replace("--", "- -"));
    for unit in &doc.units {
        let _ = writeln!(s, "  <file original=\"content/{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"x-markdown\">", escape(&unit.file), escape(&doc.source_lang), escape(&doc.lang));
        let _ = writeln!(s, "    <header>\n      <note from=\"clearleaf\">{HASH_NOTE}{}</note>", escape(&unit.hash));
        let _ = writeln!(s, "      <note from=\"clearleaf\">words to translate: {}</note>\n    </header>\n    <body>", unit.words_to_translate());
        for e in &unit.entries {
            let _ = writeln!(s, "      <trans-unit id=\"{0}\" resname=\"{1}#{0}\" xml:space=\"preserve\">", escape(&e.id), escape(&unit.file));
            let _ = writeln!(s, "        <source>{}</source>", inline(&e.source, &e.codes));
            let state = match e.state {
                TargetState::New => "new",
                TargetState::NeedsReview => "needs-review-translation",
                TargetState::Translated => "translated",
            };
            let _ = writeln!(s, "        <target state=\"{state}\">{}</target>", inline(&e.target, &e.codes));
            let _ = writeln!(
                s,
                "        <context-group purpose=\"location\"><context context-type=\"sourcefile\">content/{}</context><context context-type=\"linenumber\">{}</context></context-group>",
                escape(&unit.file),
                e.line
            );
            s.push_str("      </trans-unit>\n");
        }
        s.push_str("    </body>\n  </file>\n");
    }
    s.push_str("</xliff>\n");
    s
}

/// Words and codes as XLIFF inline content.
fn inline(pieces: &[Piece], codes: &[Code]) -> String {
    let ctype = |n: &u32| codes.iter().find(|c| c.id == *n).map_or("x-markup", |c| c.ctype);
    let mut s = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => s.push_str(&escape(t)),
            Piece::Open(n) => {
                let _ = write!(s, "<g id=\"{n}\" ctype=\"{}\">", ctype(n));
            }
            Piece::Close(_) => s.push_str("</g>"),
            Piece::Standalone(n) => {
                let _ = write!(s, "<x id=\"{n}\" ctype=\"{}\"/>", ctype(n));
            }
        }
    }
    s
}

/// Where the reader is.
#[derive(Default)]
struct At {
    unit: Option<ReadUnit>,
    entry: Option<ReadEntry>,
    in_target: bool,
    /// Inside `<alt-trans>`: a tool's suggestion, not the translation.
    in_alt: bool,
    in_note: bool,
    note: String,
    /// Open `<g>` codes in the target, innermost last (`<mrk>` is kept as `None`).
    open: Vec<Option<u32>>,
}

/// Reads an XLIFF 1.2 file made by `clearleaf export` (and filled in by a translator's tool).
pub fn read(text: &str) -> Result<ReadDoc, String> {
    let mut reader = Reader::from_str(text);
    let mut doc = ReadDoc { lang: None, units: Vec::new() };
    let mut at = At::default();
    let line = |pos: u64| 1 + text.as_bytes()[..(pos as usize).min(text.len())].iter().filter(|&&b| b == b'\n').count();
    loop {
        let pos = reader.buffer_position();
        let event = reader.read_event().map_err(|e| format!("line {}: this is not well-formed XML ({e})", line(pos)))?;
        let fail = |m: String| format!("line {}: {m}", line(pos));
        match event {
            Event::Eof => break,
            Event::Start(e) => start(&e, false, &mut at, &mut doc).map_err(fail)?,
            Event::Empty(e) => start(&e, true, &mut at, &mut doc).map_err(fail)?,
            Event::End(e) => match e.local_name().as_ref() {
                "file" => doc.units.extend(at.unit.take()),
                "trans-unit" => {
                    if let (Some(u), Some(entry)) = (at.unit.as_mut(), at.entry.take()) {
                        u.entries.push(entry);
                    }
                }
                "target" => at.in_target = false,
                "alt-trans" => at.in_alt = false,
                "note" => {
                    at.in_note = false;
                    if let (Some(u), Some(h)) = (at.unit.as_mut(), at.note.trim().strip_prefix(HASH_NOTE)) {
                        u.hash = Some(h.trim().to_string());
                    }
                }
                "g" | "mrk" if at.in_target => {
                    if let Some(Some(n)) = at.open.pop() {
                        push(&mut at, Piece::Close(n));
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                text_of(&mut at, &t.xml10_content());
            }
            Event::GeneralRef(r) => {
                let name: &str = r.as_ref();
                let c = r.resolve_char_ref().ok().flatten().map(String::from).or_else(|| quick_xml::escape::resolve_predefined_entity(name).map(str::to_string));
                let Some(c) = c else { return Err(fail(format!("`&{name};` is not a character XML knows"))) };
                text_of(&mut at, &c);
            }
            Event::CData(t) => text_of(&mut at, &t.xml10_content()),
            _ => {}
        }
    }
    Ok(doc)
}

fn text_of(at: &mut At, t: &str) {
    if at.in_target {
        push(at, Piece::Text(t.to_string()));
    } else if at.in_note {
        at.note.push_str(t);
    }
}

fn push(at: &mut At, p: Piece) {
    let Some(entry) = at.entry.as_mut() else { return };
    match (p, entry.target.last_mut()) {
        (Piece::Text(t), Some(Piece::Text(prev))) => prev.push_str(&t),
        (p, _) => entry.target.push(p),
    }
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == name).and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok()).map(|v| v.into_owned())
}

fn start(e: &BytesStart<'_>, empty: bool, at: &mut At, doc: &mut ReadDoc) -> Result<(), String> {
    let name = e.local_name();
    if at.in_target {
        let id = || attr(e, "id").and_then(|i| i.parse::<u32>().ok()).ok_or_else(|| format!("a <{}> in a target has no number in id", name.as_ref()));
        match name.as_ref() {
            "g" if empty => push(at, Piece::Open(id()?)),
            "g" => {
                let n = id()?;
                push(at, Piece::Open(n));
                at.open.push(Some(n));
            }
            "x" => push(at, Piece::Standalone(id()?)),
            // Segmentation marks some tools add around sentences: their words count, not them.
            "mrk" if !empty => at.open.push(None),
            "mrk" => {}
            other => return Err(format!("<{}> is not a code clearleaf wrote: use the <g> and <x> codes of the source", other)),
        }
        if empty && name.as_ref() == "g" {
            push(at, Piece::Close(id()?));
        }
        return Ok(());
    }
    match name.as_ref() {
        "file" => {
            let original = attr(e, "original").ok_or("a <file> without original=\"…\": clearleaf cannot tell which page it is")?;
            let lang = attr(e, "target-language");
            if doc.lang.is_none() {
                doc.lang = lang.clone();
            } else if lang.is_some() && lang != doc.lang {
                return Err(format!("<file original=\"{original}\"> is in {}, and an earlier one in {}: one file holds one language", lang.unwrap_or_default(), doc.lang.clone().unwrap_or_default()));
            }
            let file = original.strip_prefix("content/").unwrap_or(&original).to_string();
            at.unit = Some(ReadUnit { file, hash: None, entries: Vec::new() });
        }
        "trans-unit" => {
            let id = attr(e, "id").ok_or("a <trans-unit> without id")?;
            at.entry = Some(ReadEntry { id, target: Vec::new(), needs_review: false });
        }
        "alt-trans" => at.in_alt = !empty,
        "target" if at.in_alt => {}
        "target" => {
            let state = attr(e, "state");
            if let Some(entry) = at.entry.as_mut() {
                entry.needs_review = state.as_deref().is_some_and(|s| s.starts_with("needs-review"));
            }
            at.in_target = !empty;
            at.open.clear();
        }
        "note" if !empty && at.entry.is_none() => {
            at.in_note = true;
            at.note.clear();
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::translate::segments::segment;
    use crate::translate::{Entry, Unit};

    #[test]
    fn writes_what_it_reads() {
        let segs = segment("Read <b> about [interpreters](x.md) & `code`.\n\n\u{200f}رات کو مدد\n", 1);
        let entries: Vec<Entry> =
            segs.iter().map(|s| Entry { id: s.id.clone(), line: s.line, source: s.pieces.clone(), codes: s.codes.clone(), target: s.pieces.clone(), state: TargetState::Translated }).collect();
        let doc = Doc { project: "A & B".into(), source_lang: "en".into(), lang: "ur".into(), units: vec![Unit { file: "help/x.md".into(), hash: "v1:0123456789ab".into(), entries, current: false }] };
        let text = write(&doc);
        assert!(text.contains("<source>Read <x id=\"1\" ctype=\"x-html\"/> about <g id=\"2\" ctype=\"link\">interpreters</g> &amp; <x id=\"3\" ctype=\"x-code\"/>.</source>"), "{text}");
        assert!(text.contains("<file original=\"content/help/x.md\" source-language=\"en\" target-language=\"ur\" datatype=\"x-markdown\">"), "{text}");
        let read = read(&text).unwrap();
        assert_eq!(read.lang.as_deref(), Some("ur"));
        assert_eq!(read.units[0].hash.as_deref(), Some("v1:0123456789ab"));
        let targets: Vec<Vec<Piece>> = read.units[0].entries.iter().map(|e| e.target.clone()).collect();
        assert_eq!(targets, segs.iter().map(|s| s.pieces.clone()).collect::<Vec<_>>());
    }

    #[test]
    fn tools_marks_are_transparent_and_foreign_codes_are_refused() {
        let file = |target: &str| {
            format!(
                "<xliff version=\"1.2\" xmlns=\"{NS}\"><file original=\"content/a.md\" target-language=\"cy\"><body><trans-unit id=\"1.paragraph\"><source>a</source><target state=\"needs-review-translation\">{target}</target></trans-unit></body></file></xliff>"
            )
        };
        let d = read(&file("<mrk mtype=\"seg\">Un <g id=\"1\">dau</g></mrk>")).unwrap();
        assert_eq!(d.units[0].entries[0].target, [Piece::Text("Un ".into()), Piece::Open(1), Piece::Text("dau".into()), Piece::Close(1)]);
        assert!(d.units[0].entries[0].needs_review);
        assert!(read(&file("<ph id=\"1\">x</ph>")).unwrap_err().contains("<ph>"));
        // A tool's suggestions (`<alt-trans>`) are not the translation.
        let with_suggestion = file("Un").replace("</trans-unit>", "<alt-trans><target>A suggestion</target></alt-trans></trans-unit>");
        assert_eq!(read(&with_suggestion).unwrap().units[0].entries[0].target, [Piece::Text("Un".into())]);
        assert!(read("<xliff><file").is_err());
    }
}
