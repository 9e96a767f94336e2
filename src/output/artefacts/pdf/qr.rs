//! The QR code at the end of a leaflet: it opens the web page of the same language and form,
//! for a reader who has the leaflet on paper.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// Where the code is found inside the leaflet's Typst world.
pub const PATH: &str = "/qr.svg";

/// The code of `address` as an SVG picture, or `None` when the address is too long for one.
/// Medium error correction: a code on a folded or creased leaflet still reads.
pub fn svg(address: &str) -> Option<Vec<u8>> {
    let code = QrCode::with_error_correction_level(address, EcLevel::M).ok()?;
    Some(code.render::<svg::Color<'_>>().quiet_zone(true).min_dimensions(240, 240).build().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_gives_a_picture_and_one_too_long_for_a_code_gives_none() {
        let picture = String::from_utf8(svg("https://example.org/cy/easy-read/help/").unwrap()).unwrap();
        assert!(picture.starts_with("<?xml") && picture.contains("<svg") && picture.contains("<path"), "{picture}");
        assert_eq!(svg(&format!("https://example.org/{}", "x".repeat(4000))), None);
    }
}
