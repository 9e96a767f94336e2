//! Link and picture addresses as CommonMark writes them into `href` and `src`.
//!
//! Markdown lets an editor write an address as they see it: with spaces (`<my file.pdf>`),
//! accents, or backslash escapes. HTML needs it percent-encoded, or a browser guesses, and a
//! backslash, for one, becomes a `/` and leads somewhere else. This is the encoding of the
//! CommonMark reference implementation (commonmark.js's `mdurl.encode`): escapes already
//! written (`%20`) stay as they are, so an address is never encoded twice.

use std::fmt::Write;

/// ASCII characters that stay as written besides letters and digits: those with a meaning in
/// a URL, and those no browser mistakes.
const KEEP: &[u8] = b";/?:@&=+$,-_.!~*'()#";

/// `url` with every other character percent-encoded as UTF-8; a `%` stays only where two hex
/// digits follow it.
pub fn encode(url: &str) -> String {
    let bytes = url.as_bytes();
    let mut out = String::with_capacity(url.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let escaped = b == b'%' && bytes.get(i + 1..i + 3).is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit));
        if escaped {
            out.push_str(&url[i..i + 3]);
            i += 3;
            continue;
        }
        if b.is_ascii_alphanumeric() || KEEP.contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::encode;

    #[test]
    fn encodes_what_a_browser_would_misread_and_keeps_escapes() {
        assert_eq!(encode("foo\\bar"), "foo%5Cbar");
        assert_eq!(encode("/my uri"), "/my%20uri");
        assert_eq!(encode("foo%20bä"), "foo%20b%C3%A4");
        assert_eq!(encode("\"title\""), "%22title%22");
        assert_eq!(encode("https://example.com/?search=](uri)"), "https://example.com/?search=%5D(uri)");
        assert_eq!(encode("100%"), "100%25");
        assert_eq!(encode("%zz%4"), "%25zz%254");
        assert_eq!(encode("<>`{}|^"), "%3C%3E%60%7B%7D%7C%5E");
    }

    #[test]
    fn is_idempotent() {
        for url in ["/f%C3%B6%C3%B6", "a b\\c", "tel:+44 20 7946 0000", "mailto:a@b.org?subject=Hi there", "/α/#β"] {
            let once = encode(url);
            assert_eq!(encode(&once), once, "{url}");
        }
    }
}
