//! What the checks read from a typeset leaflet (`PDF-FONT-SIZE`, `PDF-OVERFLOW`) and from the
//! pictures it is given (`PDF-IMAGE`).

use typst::foundations::Bytes;
use typst::layout::{Abs, Frame, FrameItem, Point};
use typst::visualize::{ImageFormat, RasterImage, SvgImage, VectorFormat};
use typst_layout::PagedDocument;

/// How far past the page's edge something must reach to count as cut off: less is rounding.
const TOLERANCE_PT: f64 = 0.5;

/// What a leaflet's pages hold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inspection {
    /// The smallest text, in points (`None` for a leaflet without text).
    pub smallest_pt: Option<f64>,
    /// The words of the first run of text that reaches past a page's edge, if any.
    pub overflow: Option<String>,
}

/// Reads every page of `document`.
pub fn inspect(document: &PagedDocument) -> Inspection {
    let mut found = Inspection::default();
    for page in document.pages() {
        walk(&page.frame, Point::zero(), page.frame.width(), &mut found);
    }
    found
}

fn walk(frame: &Frame, origin: Point, page_width: Abs, found: &mut Inspection) {
    for (pos, item) in frame.items() {
        let at = origin + *pos;
        match item {
            // Groups are moved by their transform; the leaflets scale nothing that holds text.
            FrameItem::Group(group) => walk(&group.frame, at + Point::new(group.transform.tx, group.transform.ty), page_width, found),
            FrameItem::Text(text) => {
                let tolerance = Abs::pt(TOLERANCE_PT);
                let size = text.size.to_pt();
                found.smallest_pt = Some(found.smallest_pt.map_or(size, |s| s.min(size)));
                let cut_off = at.x < -tolerance || at.x + text.width() > page_width + tolerance;
                if cut_off && found.overflow.is_none() && !text.text.trim().is_empty() {
                    found.overflow = Some(text.text.to_string());
                }
            }
            _ => {}
        }
    }
}

/// Why Typst cannot print the picture `bytes`, if it cannot: the same decoders the
/// typesetting uses, so a picture that passes here is embedded.
pub fn unprintable(bytes: &[u8]) -> Option<String> {
    let data = Bytes::new(bytes.to_vec());
    match ImageFormat::detect(bytes) {
        Some(ImageFormat::Raster(format)) => RasterImage::plain(data, format).err().map(|e| e.to_string()),
        Some(ImageFormat::Vector(VectorFormat::Svg)) => SvgImage::new(data).err().map(|e| format!("{e:?}")),
        Some(ImageFormat::Vector(_)) => None,
        None => Some("it is not a PNG, JPEG, GIF, WebP or SVG picture".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_picture_is_unprintable_and_a_good_one_is_not() {
        assert_eq!(unprintable(b"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><rect width=\"1\" height=\"1\"/></svg>"), None);
        assert!(unprintable(b"BM not a picture at all").is_some());
        // A PNG signature with nothing after it.
        assert!(unprintable(b"\x89PNG\r\n\x1a\n").is_some());
    }
}
