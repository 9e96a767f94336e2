//! `clearleaf import FILE…`: writes translators' PO or XLIFF files back into `NAME.LANG.md` (or
//! `NAME.easy.LANG.md`) pages.
//!
//! Every file and page is checked before anything is written, and one problem refuses the
//! whole import, so a translator's file can never leave the site half updated. What is kept:
//! the front matter of an existing translation (only the title, description and `source_hash`
//! lines change), its blocks that are not offered for translation, and the text of every
//! segment whose target is empty or unchanged, byte for byte. A page is stamped with the hash
//! the export was made from: if its source changed since, the build shows it as outdated, as
//! it should.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::segments::{self, Edit, Kind, Piece, Segment};
use super::{Format, ReadDoc, ReadUnit, code_map, page_segments, po, renumber, xliff};
use crate::config::Config;
use crate::error::{Diagnostic, Error, Result};
use crate::files::SiteFolder;
use crate::front_matter;
use crate::i18n::staleness::{State, stamp_matches};
use crate::load::{CONTENT_DIR, parse_file_name, variant_file_name};
use crate::site::{self, Site};
use crate::text::decode_text;

/// A page ready to be written.
struct Write {
    path: PathBuf,
    shown: String,
    bytes: Option<Vec<u8>>,
    note: String,
}

/// Imports every file; returns the exit status (0). Any problem refuses the import (exit
/// status 2) and nothing is written.
pub fn run(root: &Path, files: &[PathBuf], today: jiff::civil::Date) -> Result<i32> {
    if files.is_empty() {
        return Err(Error::Usage("name the PO or XLIFF files to import, like `clearleaf import cy.po`".into()));
    }
    let site = Site::load(Config::load(root)?, site::Options { drafts: false, today })?;
    let mut writes: Vec<Write> = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        let shown = file.display().to_string();
        let doc = match read(file, &shown) {
            Ok(d) => d,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        let lang = match language(&site, &doc, &shown) {
            Ok(l) => l,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        for unit in &doc.units {
            match plan(&site, root, &lang, unit) {
                Ok(w) => writes.push(w),
                Err(message) => problems.push(Diagnostic::new(&shown, format!("page {}: {message}", unit.file)).hint(HINT)),
            }
        }
    }
    for (i, w) in writes.iter().enumerate() {
        // The same page twice is a problem only when the two would write different text.
        if let Some(other) = writes[..i].iter().find(|o| o.path == w.path && o.bytes.is_some() && w.bytes.is_some() && o.bytes != w.bytes) {
            problems
                .push(Diagnostic::new(&w.shown, "two of the files given translate this page differently").hint(format!("Import one translation of {} at a time. Nothing was written.", other.shown)));
        }
    }
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }
    let folder = SiteFolder::new(root);
    for w in &writes {
        let Some(bytes) = &w.bytes else {
            eprintln!("{}: {}", w.shown, w.note);
            continue;
        };
        // Never through a link that leads out of the site.
        let checked = if w.path.exists() { w.path.clone() } else { w.path.parent().map_or_else(|| w.path.clone(), Path::to_path_buf) };
        folder.check(&checked).map_err(Error::input)?;
        std::fs::write(&w.path, bytes).map_err(|e| Error::io(&w.path, e))?;
        eprintln!("Wrote {}: {}", w.shown, w.note);
    }
    Ok(0)
}

const HINT: &str = "Nothing was written. Fix the file in your translation tool (or export again with `clearleaf export`), then import it again.";

fn read(path: &Path, shown: &str) -> std::result::Result<ReadDoc, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| Diagnostic::new(shown, format!("could not be read: {e}")).hint("Check the file's name. Nothing was written."))?;
    let text = decode_text(shown, bytes).map_err(|e| match e {
        Error::Input(mut d) if !d.is_empty() => d.remove(0),
        e => Diagnostic::new(shown, e.to_string()),
    })?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let format = match ext.as_str() {
        "po" | "pot" => Format::Po,
        "xlf" | "xliff" | "xml" => Format::Xliff,
        _ if text.trim_start().starts_with('<') => Format::Xliff,
        _ => Format::Po,
    };
    let doc = match format {
        Format::Po => po::read(&text),
        Format::Xliff => xliff::read(&text),
    };
    doc.map_err(|e| Diagnostic::new(shown, e).hint("This file could not be read as the PO or XLIFF file `clearleaf export` wrote. Nothing was written."))
}

/// The language the file is in, if it is one of the site's that pages are translated into.
fn language(site: &Site, doc: &ReadDoc, shown: &str) -> std::result::Result<String, Diagnostic> {
    let default = site.config.default_language.as_str();
    let others: Vec<&str> = site.config.languages.iter().map(|l| l.code.as_str()).filter(|l| *l != default).collect();
    let hint = format!("The site's pages are translated into {}. Check that this is the file for one of them. Nothing was written.", others.join(", "));
    match doc.lang.as_deref() {
        None => Err(Diagnostic::new(shown, "this file does not say which language it is in (PO: the Language header; XLIFF: target-language)").hint(hint)),
        Some(l) if l == default => Err(Diagnostic::new(shown, format!("this file is in {l}, the language the pages are written in, not a translation")).hint(hint)),
        Some(l) if !site.config.has_language(l) => Err(Diagnostic::new(shown, format!("this file is in `{l}`, which is not one of the site's languages")).hint(hint)),
        Some(l) => Ok(l.to_string()),
    }
}

/// What a page's file will become; `Err` says in plain words why it cannot be imported.
fn plan(site: &Site, root: &Path, lang: &str, unit: &ReadUnit) -> std::result::Result<Write, String> {
    let default = site.config.default_language.as_str();
    let key = parse_file_name(&unit.file, &site.config.languages).map_err(|d| format!("this is not a page of this site ({})", d.message))?;
    if key.lang != default {
        return Err(format!("{CONTENT_DIR}/{} is a translation, not a page translators translate from", unit.file));
    }
    let page = site.pages.iter().find(|p| p.key_page() == key.page);
    let source = page.and_then(|p| p.variant(default, key.form)).ok_or_else(|| format!("there is no page {CONTENT_DIR}/{} in this site (was it renamed or removed since the export?)", unit.file))?;
    let hash = unit.hash.as_deref().ok_or("the file does not say which version of the page it was made from (its source hash is gone)")?;
    let changed = !stamp_matches(Some(hash), &source.source_hash());
    let again = if changed { " The page changed since the export: export it again." } else { "" };
    let s = page_segments(&source.text, &source.front, source.body_start);

    let mut by_id: HashMap<&str, &super::ReadEntry> = HashMap::new();
    for e in &unit.entries {
        if by_id.insert(e.id.as_str(), e).is_some() {
            return Err(format!("segment {} is in the file twice", e.id));
        }
    }
    let all: Vec<&Segment> = s.front.iter().chain(&s.body).collect();
    if let Some(e) = unit.entries.iter().find(|e| !all.iter().any(|s| s.id == e.id)) {
        return Err(format!("segment {} is not on the page.{again}", e.id));
    }
    let mut targets: Vec<Option<Vec<Piece>>> = Vec::new();
    let mut review = 0;
    for seg in &all {
        let e = by_id.get(seg.id.as_str()).ok_or_else(|| format!("segment {} is missing from the file: every segment must be there, even with an empty translation.{again}", seg.id))?;
        targets.push(resolve(&e.target, seg).map_err(|m| format!("segment {}: {m}", seg.id))?);
        review += usize::from(e.needs_review && !e.target.is_empty());
    }
    let target_rel = variant_file_name(&key.page, lang, key.form, default);
    let path = root.join(&target_rel);
    let shown = target_rel.clone();
    if targets.iter().all(Option::is_none) {
        return Ok(Write { path, shown, bytes: None, note: "no translations in the file, so it was left as it was.".into() });
    }
    let (front_targets, body_targets) = targets.split_at(s.front.len());

    // Read only through the site folder's gate: a translation that is a link out of the site
    // is neither read nor written.
    SiteFolder::new(root).check(&path).map_err(|d| format!("{}: {}", d.file, d.message))?;
    let existing = if path.is_file() {
        let raw = std::fs::read(&path).map_err(|e| format!("{target_rel} could not be read: {e}"))?;
        Some((decode_text(&target_rel, raw.clone()).map_err(|e| e.to_string())?, raw))
    } else {
        None
    };
    let (text, mut raw_form) = match &existing {
        Some((text, raw)) => (text.clone(), Some(raw)),
        None => (String::from("---\n---\n"), None),
    };
    let parsed = front_matter::parse(&target_rel, &text).map_err(|d| format!("{target_rel} cannot be read: {}", d.message));
    let (parsed, t) = match (&existing, parsed) {
        (Some(_), Ok(p)) => {
            let t = page_segments(&text, &p.front, p.body_start);
            (Some(p), Some(t))
        }
        (Some(_), Err(m)) => return Err(m),
        (None, _) => (None, None),
    };
    let aligned = t.as_ref().filter(|t| t.body.iter().map(|x| x.kind).eq(s.body.iter().map(|x| x.kind)));
    // A translation checked against the very source the export was made from may have made its
    // own links (to a Welsh website, say): those stay. Otherwise links follow the source.
    let own_links = parsed.as_ref().is_some_and(|p| stamp_matches(p.front.source_hash.as_deref(), hash));

    // An existing translation that does not line up (a translator split a paragraph, say) got
    // no body targets in the export: with none filled in, its text stays as it is.
    let untouched = t.as_ref().filter(|_| aligned.is_none() && body_targets.iter().all(Option::is_none));
    let (body_start, skeleton, edits, expected) = match (aligned, untouched) {
        (None, Some(t)) => {
            let expected = t.body.iter().map(|x| (x.kind, x.pieces.clone())).collect();
            (parsed.as_ref().map_or(0, |p| p.body_start), text.clone(), vec![None; t.body.len()], expected)
        }
        (Some(t), _) => {
            let mut edits = Vec::new();
            let mut expected = Vec::new();
            for (i, target) in body_targets.iter().enumerate() {
                let (ts, ss) = (&t.body[i], &s.body[i]);
                let map = code_map(ts, ss);
                let now = map.as_ref().map(|m| renumber(&ts.pieces, m));
                let same_markup = map.as_ref().is_some_and(|m| m.iter().all(|(tid, sid)| ts.code(*tid).zip(ss.code(*sid)).is_some_and(|(a, b)| a.open == b.open && a.close == b.close)));
                let keep = |p: &[Piece]| now.as_ref().is_some_and(|n| segments::same_words(n, p)) && (same_markup || own_links);
                match target {
                    Some(p) if !keep(p) => {
                        let codes = match (&map, own_links) {
                            (Some(m), true) => ts.codes.iter().map(|c| super::segments::Code { id: m.iter().find(|(f, _)| *f == c.id).map_or(c.id, |(_, to)| *to), ..c.clone() }).collect(),
                            _ => ss.codes.clone(),
                        };
                        expected.push((ss.kind, p.clone()));
                        let suffix = segments::keep_heading_id(source.body(), ss, &text[parsed.as_ref().map_or(0, |p| p.body_start)..], ts);
                        edits.push(Some(Edit { pieces: p.clone(), codes, suffix }));
                    }
                    _ => {
                        expected.push((ts.kind, ts.pieces.clone()));
                        edits.push(None);
                    }
                }
            }
            (parsed.as_ref().map_or(0, |p| p.body_start), text.clone(), edits, expected)
        }
        (None, None) => {
            if let Some(i) = body_targets.iter().position(Option::is_none) {
                let why = if existing.is_some() {
                    format!("the blocks of {target_rel} do not line up with the page's, so there is no text of it to keep")
                } else {
                    format!("there is no {target_rel} yet to keep its text from")
                };
                return Err(format!("segment {} has no translation, and {why}. Translate every segment of this page.", s.body[i].id));
            }
            let edits: Vec<Option<Edit>> = body_targets
                .iter()
                .zip(&s.body)
                .map(|(p, ss)| p.clone().map(|pieces| Edit { pieces, codes: ss.codes.clone(), suffix: segments::keep_heading_id(source.body(), ss, source.body(), ss) }))
                .collect();
            let expected = body_targets.iter().zip(&s.body).map(|(p, ss)| (ss.kind, p.clone().unwrap_or_default())).collect();
            // The body comes from the source; the front matter stays the translation's.
            let front_end = parsed.as_ref().map_or(text.len(), |p| p.body_start);
            let mut skeleton = text[..front_end].to_string();
            skeleton.push_str(source.body());
            (front_end, skeleton, edits, expected)
        }
    };
    let body_segments = match aligned.or(untouched) {
        Some(t) => t.body.clone(),
        None => s.body.clone(),
    };
    let mut out = skeleton[..body_start].to_string();
    out.push_str(&segments::rebuild(&skeleton[body_start..], &body_segments, &edits));

    // Front matter: the translated title and description, then the stamp.
    for (seg, target) in s.front.iter().zip(front_targets) {
        let Some(p) = target else { continue };
        let words: String = p.iter().map(|p| if let Piece::Text(t) = p { t.as_str() } else { "" }).collect();
        let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
        let now = parsed.as_ref().and_then(|p| if seg.kind == Kind::Title { p.front.title.clone() } else { p.front.description.clone() });
        if now.as_deref() != Some(words.as_str()) {
            let value = serde_json::to_string(&words).unwrap_or_default();
            out = front_matter::set_key(&out, seg.kind.as_str(), &value).ok_or_else(|| format!("the front matter of {target_rel} is never closed"))?;
        }
    }
    let mut note = if review > 0 {
        format!("{review} segments are still marked for review, so it was not stamped: the build shows it as outdated until it is checked and stamped with `clearleaf stamp {target_rel}`.")
    } else if changed {
        format!(
            "the page it is made from, {}, changed since the export ({hash} then, {} now), so it is stamped with the hash of the version translated and the build shows it as outdated. Export again to get the changes.",
            source.file,
            source.source_hash()
        )
    } else if source_outdated(site, page.map_or("", |p| p.path.as_str()), key.form) {
        // The chain standard → Easy read → Easy read translation: as `clearleaf stamp` says.
        format!("stamped with {hash}: it matches {}, but that file is itself out of date with the standard page, so this one stays outdated until it is updated and stamped.", source.file)
    } else {
        format!("stamped with {hash}: it matches {}.", source.file)
    };
    if review == 0 && !parsed.as_ref().is_some_and(|p| stamp_matches(p.front.source_hash.as_deref(), hash)) {
        out = front_matter::set_key(&out, "source_hash", &format!("\"{hash}\"")).ok_or_else(|| format!("the front matter of {target_rel} is never closed"))?;
    }
    if existing.is_none() && out.starts_with("---\n---\n") {
        out = out["---\n---\n".len()..].to_string();
    }
    // A page written again reads back as the translator wrote it, or is refused.
    let check = front_matter::parse(&target_rel, &out).map_err(|d| format!("the page would not be valid: {}", d.message))?;
    if let Some(i) = segments::first_mismatch(&out[check.body_start..], &expected) {
        let id = s.body.get(i).map_or_else(|| format!("{}", i + 1), |x| x.id.clone());
        return Err(format!("segment {id} could not be written so that it reads back the same; check its codes and markdown-like characters"));
    }
    if existing.as_ref().is_some_and(|(text, _)| *text == out) {
        return Ok(Write { path, shown, bytes: None, note: "unchanged.".into() });
    }
    if existing.is_none() {
        note = format!("new page; {note}");
    }
    let bytes = match raw_form.take() {
        Some(raw) => restore_form(raw, out),
        None => out.into_bytes(),
    };
    Ok(Write { path, shown, bytes: Some(bytes), note })
}

/// Whether the default language's version a translation is made from is itself outdated
/// (an Easy read page whose standard page changed).
fn source_outdated(site: &Site, path: &str, form: crate::variant::Form) -> bool {
    let default = site.config.default_language.as_str();
    site.status.iter().filter(|p| p.path == path).flat_map(|p| &p.variants).any(|v| v.lang == default && v.form == form && matches!(v.state, State::Outdated | State::Fallback))
}

/// Keeps a file's byte-order mark and Windows line ends when it is written again.
fn restore_form(raw: &[u8], text: String) -> Vec<u8> {
    let bom = raw.starts_with(b"\xEF\xBB\xBF");
    let crlf = raw.windows(2).any(|w| w == b"\r\n");
    let text = if crlf { text.replace('\n', "\r\n") } else { text };
    let mut out = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
    out.extend(text.into_bytes());
    out
}

/// A target checked against the source segment's codes: each code once, pairs opened before
/// they close and nested properly. `None` for an empty target (keep what is there).
fn resolve(target: &[Piece], seg: &Segment) -> std::result::Result<Option<Vec<Piece>>, String> {
    if target.iter().all(|p| matches!(p, Piece::Text(t) if t.trim().is_empty())) {
        return Ok(None);
    }
    let mut out = Vec::new();
    let mut open: Vec<u32> = Vec::new();
    let mut seen: Vec<u32> = Vec::new();
    let name = |n: u32| seg.code(n).map_or(String::new(), |c| if c.paired { format!("{{{n}}}…{{/{n}}} ({})", describe(c.ctype)) } else { format!("{{{n}}} ({})", describe(c.ctype)) });
    for p in target {
        match p {
            Piece::Text(_) => out.push(p.clone()),
            Piece::Open(n) | Piece::Standalone(n) => {
                let code = seg.code(*n).ok_or_else(|| format!("the code {{{n}}} is not in the source segment: use only the codes of the source"))?;
                if seen.contains(n) {
                    return Err(format!("the code {} is there twice: keep each code once", name(*n)));
                }
                seen.push(*n);
                if code.paired {
                    open.push(*n);
                    out.push(Piece::Open(*n));
                } else {
                    out.push(Piece::Standalone(*n));
                }
            }
            Piece::Close(n) => {
                if open.last() != Some(n) {
                    return Err(format!("the code {{/{n}}} closes what is not open there: each {{N}} needs its {{/N}} after it, and codes inside one another close in turn"));
                }
                open.pop();
                out.push(Piece::Close(*n));
            }
        }
    }
    if let Some(n) = open.last() {
        return Err(format!("the code {} is not closed", name(*n)));
    }
    if let Some(c) = seg.codes.iter().find(|c| !seen.contains(&c.id)) {
        return Err(format!("the code {} is missing: keep every code of the source, so that no link or picture is lost", name(c.id)));
    }
    Ok(Some(out))
}

fn describe(ctype: &str) -> &'static str {
    match ctype {
        "link" => "a link",
        "bold" => "strong emphasis",
        "italic" => "emphasis",
        "image" => "a picture",
        "lb" => "a line break",
        "x-code" => "code",
        "x-html" => "HTML",
        "x-footnote" => "a footnote",
        "x-autolink" => "an address",
        _ => "markup",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::translate::po::unbraces;
    use crate::translate::segments::segment;

    #[test]
    fn codes_are_checked_against_the_source() {
        let seg = &segment("Call [us](tel:111) or type `111`.\n", 1)[0];
        // PO writes a standalone code like an opening one: it is told apart here.
        let ok = resolve(&unbraces("Ffoniwch {1}ni{/1} neu teipiwch {2}.").unwrap(), seg).unwrap().unwrap();
        assert_eq!(ok[5], Piece::Standalone(2));
        for (target, why) in [
            ("{1}ni{/1} {1}eto{/1} {2}", "there twice"),
            ("{1}ni {2}", "not closed"),
            ("ni{/1} {2}", "closes what is not open"),
            ("{1}ni{/1}", "(code) is missing"),
            ("{1}ni{/1} {2} {3}", "{3} is not in the source"),
        ] {
            let e = resolve(&unbraces(target).unwrap(), seg).unwrap_err();
            assert!(e.contains(why), "{target}: {e}");
        }
        assert_eq!(resolve(&unbraces("  ").unwrap(), seg).unwrap(), None, "an empty target keeps what is there");
    }
}
