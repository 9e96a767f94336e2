//! Text as clearleaf reads it: decoded from a file's bytes in one way for every file, and
//! whether it shows anything to a reader.

use crate::error::{Diagnostic, Error, Result};

/// UTF-8 text with a BOM removed and every line end (CRLF, or a lone CR) turned into LF (line numbers stay the same).
/// Other encodings are refused with the line of the first bad byte.
pub fn decode_text(rel: &str, mut bytes: Vec<u8>) -> Result<String> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        let column = at - bytes[..at].iter().rposition(|&b| b == b'\n').map(|p| p + 1).unwrap_or(0) + 1;
        Error::input(Diagnostic::new(rel, "this file is not UTF-8 text").at(line, column).hint("Save the file as UTF-8 (in most editors: Save As, then choose the encoding UTF-8)."))
    })?;
    // Old Mac files end lines with a lone \r, which YAML and markdown also take as a line end:
    // made \n too, so that every stage counts the same lines.
    Ok(if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text })
}

/// Whether `text` shows anything: a character that is not a space and takes up room when
/// printed (zero-width spaces, joiners and direction marks do not).
pub fn has_visible_text(text: &str) -> bool {
    text.chars().any(|c| !c.is_whitespace() && unicode_width::UnicodeWidthChar::width(c).is_some_and(|w| w > 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_bom_and_crlf() {
        let t = decode_text("a.md", b"\xEF\xBB\xBF---\r\ntitle: A\r\n---\r\n".to_vec()).unwrap();
        assert_eq!(t, "---\ntitle: A\n---\n");
    }

    #[test]
    fn lone_carriage_returns_end_lines_too() {
        assert_eq!(decode_text("a.md", b"a\rb\r\nc\n".to_vec()).unwrap(), "a\nb\nc\n");
    }

    #[test]
    fn refuses_latin1_with_position() {
        let Err(Error::Input(d)) = decode_text("a.md", b"ok\ncaf\xe9\n".to_vec()) else { panic!() };
        assert_eq!((d[0].line, d[0].column), (Some(2), Some(4)));
    }
}
