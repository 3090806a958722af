//! A scan file as page images: a PNG or JPEG photo, or a scanner's PDF (one image per page).
//!
//! The file's kind is told by its content, not its name. Every image's dimensions are checked
//! before it is decoded, so a small file claiming a giant picture (a decompression bomb) is
//! refused instead of exhausting memory; damaged files are refused as unreadable, which is what
//! keeps a half-transferred scan from being filed as signature evidence.

use crate::error::{InteropError, Result};
use image::{GrayImage, ImageFormat, ImageReader};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashSet;
use std::io::Cursor;
use std::path::Path;

/// The largest page image decoded, in pixels (A4 at 1200 dpi is about 140 megapixels; scanners
/// deliver 150–600 dpi). Reported as bytes of the decoded grey image, one byte a pixel.
pub const MAX_PIXELS: u64 = 100_000_000;

/// What a scan file holds, told from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanKind {
    Png,
    Jpeg,
    Pdf,
}

impl ScanKind {
    pub fn sniff(bytes: &[u8]) -> Option<ScanKind> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ScanKind::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ScanKind::Jpeg)
        } else if bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-") {
            // PDF readers accept the header anywhere in the first kilobyte.
            Some(ScanKind::Pdf)
        } else {
            None
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            ScanKind::Png => "image/png",
            ScanKind::Jpeg => "image/jpeg",
            ScanKind::Pdf => "application/pdf",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ScanKind::Png => "png",
            ScanKind::Jpeg => "jpg",
            ScanKind::Pdf => "pdf",
        }
    }
}

/// The bytes of `path` told apart as a scan kind; anything else is unreadable.
pub fn sniffed(path: &Path, bytes: &[u8]) -> Result<ScanKind> {
    ScanKind::sniff(bytes).ok_or_else(|| unreadable(path, "neither a PNG or JPEG image nor a PDF"))
}

/// Calls `each` with every page image of the scan, in page order, one decoded at a time.
pub fn for_each_page(path: &Path, bytes: &[u8], kind: ScanKind, each: &mut dyn FnMut(&GrayImage)) -> Result<()> {
    match kind {
        ScanKind::Png => each(&decode_image(path, bytes, ImageFormat::Png)?),
        ScanKind::Jpeg => each(&decode_image(path, bytes, ImageFormat::Jpeg)?),
        ScanKind::Pdf => {
            let pdf = load_pdf(path, bytes)?;
            for image in page_images(&pdf) {
                if let Some(page) = pdf_image(path, &pdf, image)? {
                    each(&page);
                }
            }
        }
    }
    Ok(())
}

pub fn unreadable(path: &Path, reason: impl Into<String>) -> InteropError {
    InteropError::UnreadableFile { path: path.to_path_buf(), expected: "scan (PNG, JPEG or PDF)", reason: reason.into() }
}

fn check_dimensions(path: &Path, width: u64, height: u64) -> Result<()> {
    let pixels = width.saturating_mul(height);
    if pixels > MAX_PIXELS {
        return Err(InteropError::TooLarge { path: path.to_path_buf(), size: pixels, limit: MAX_PIXELS });
    }
    if pixels == 0 {
        return Err(unreadable(path, "an image without pixels"));
    }
    Ok(())
}

fn decode_image(path: &Path, bytes: &[u8], format: ImageFormat) -> Result<GrayImage> {
    let damaged = |e: image::ImageError| unreadable(path, e.to_string());
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format).into_dimensions().map_err(damaged)?;
    check_dimensions(path, u64::from(width), u64::from(height))?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 4);
    reader.limits(limits);
    Ok(reader.decode().map_err(damaged)?.into_luma8())
}

fn load_pdf(path: &Path, bytes: &[u8]) -> Result<Document> {
    let options = lopdf::LoadOptions { max_decompressed_size: Some(crate::files::MAX_INPUT_BYTES as usize), ..Default::default() };
    Document::load_mem_with_options(bytes, options).map_err(|e| unreadable(path, format!("a damaged PDF: {e}")))
}

/// The image XObjects each page draws, in page order, each once. Pages without images (a PDF
/// made from text, not by a scanner) contribute nothing.
fn page_images(pdf: &Document) -> Vec<&lopdf::Stream> {
    let mut seen: HashSet<ObjectId> = HashSet::new();
    let mut images = Vec::new();
    for page in pdf.get_pages().into_values() {
        let Ok((own, inherited)) = pdf.get_page_resources(page) else { continue };
        let resources = own.into_iter().chain(inherited.into_iter().filter_map(|id| pdf.get_dictionary(id).ok()));
        for resources in resources {
            let Some(xobjects) = resources.get(b"XObject").ok().and_then(|x| resolve_dict(pdf, x)) else { continue };
            for (_, entry) in xobjects.iter() {
                let Ok(id) = entry.as_reference() else { continue };
                let Ok(stream) = pdf.get_object(id).and_then(Object::as_stream) else { continue };
                let is_image = stream.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|s| s == b"Image");
                if is_image && seen.insert(id) {
                    images.push(stream);
                }
            }
        }
    }
    images
}

fn resolve_dict<'a>(pdf: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match object {
        Object::Reference(id) => pdf.get_dictionary(*id).ok(),
        other => other.as_dict().ok(),
    }
}

/// Decodes one image XObject to grey: JPEG (DCTDecode) as scanners write it, or raw samples
/// (uncompressed or FlateDecode, 1 or 8 bits, grey, RGB or CMYK). Encodings this reader does not
/// decode (JPEG 2000, fax, JBIG2) are skipped: no code is found, so the user picks the record.
fn pdf_image(path: &Path, pdf: &Document, image: &lopdf::Stream) -> Result<Option<GrayImage>> {
    let dict = &image.dict;
    let number = |key: &[u8]| dict.get(key).and_then(Object::as_i64).ok();
    let (width, height) = match (number(b"Width"), number(b"Height")) {
        (Some(w), Some(h)) if w > 0 && h > 0 => (w as u64, h as u64),
        _ => return Err(unreadable(path, "a PDF image without a size")),
    };
    check_dimensions(path, width, height)?;
    let filters: Vec<&[u8]> = match dict.get(b"Filter") {
        Ok(Object::Name(name)) => vec![name.as_slice()],
        Ok(Object::Array(list)) => list.iter().filter_map(|f| f.as_name().ok()).collect(),
        _ => Vec::new(),
    };
    match filters.as_slice() {
        [b"DCTDecode"] => decode_image(path, &image.content, ImageFormat::Jpeg).map(Some),
        [] | [b"FlateDecode"] => {
            let bits = number(b"BitsPerComponent").unwrap_or(1);
            let is_mask = dict.get(b"ImageMask").and_then(Object::as_bool).unwrap_or(false);
            let components = if is_mask { Some(1) } else { dict.get(b"ColorSpace").ok().and_then(|cs| color_components(pdf, cs)) };
            let (Some(components), 1 | 8) = (components, bits) else { return Ok(None) };
            let layout = RawLayout { width: width as usize, height: height as usize, components, one_bit: bits == 1 };
            let samples =
                image.decompressed_content_with_limit(layout.size()).map_err(|e| unreadable(path, format!("a damaged PDF image: {e}")))?;
            if samples.len() < layout.size() {
                return Err(unreadable(path, "a PDF image with fewer samples than its size"));
            }
            let inverted =
                dict.get(b"Decode").and_then(Object::as_array).is_ok_and(|d| d.first().and_then(|v| v.as_float().ok()) == Some(1.0));
            Ok(Some(layout.to_grey(&samples, inverted)))
        }
        _ => Ok(None),
    }
}

/// Colour components of an image's colour space: grey 1, RGB 3, CMYK 4, an ICC profile's /N;
/// `None` for spaces a scanner does not use for pages (indexed, separation, …).
fn color_components(pdf: &Document, space: &Object) -> Option<usize> {
    let space = match space {
        Object::Reference(id) => pdf.get_object(*id).ok()?,
        other => other,
    };
    match space {
        Object::Name(name) => match name.as_slice() {
            b"DeviceGray" | b"CalGray" => Some(1),
            b"DeviceRGB" | b"CalRGB" => Some(3),
            b"DeviceCMYK" => Some(4),
            _ => None,
        },
        Object::Array(parts) => match parts.first().and_then(|p| p.as_name().ok())? {
            b"CalGray" => Some(1),
            b"CalRGB" => Some(3),
            b"ICCBased" => {
                let profile = pdf.get_object(parts.get(1)?.as_reference().ok()?).and_then(Object::as_stream).ok()?;
                match profile.dict.get(b"N").and_then(Object::as_i64).ok()? {
                    n @ (1 | 3 | 4) => Some(n as usize),
                    _ => None,
                }
            }
            _ => None,
        },
        _ => None,
    }
}

/// How raw image samples are laid out: rows padded to whole bytes, components interleaved.
struct RawLayout {
    width: usize,
    height: usize,
    components: usize,
    one_bit: bool,
}

impl RawLayout {
    fn row_bytes(&self) -> usize {
        (self.width * self.components * if self.one_bit { 1 } else { 8 }).div_ceil(8)
    }

    fn size(&self) -> usize {
        self.row_bytes() * self.height
    }

    /// Grey levels from `samples` (at least `size()` bytes); `inverted` for a /Decode [1 0].
    fn to_grey(&self, samples: &[u8], inverted: bool) -> GrayImage {
        let row_bytes = self.row_bytes();
        let sample = |x: usize, y: usize, c: usize| -> u32 {
            let row = &samples[y * row_bytes..];
            if self.one_bit {
                let bit = x * self.components + c;
                if row[bit / 8] >> (7 - bit % 8) & 1 == 1 {
                    255
                } else {
                    0
                }
            } else {
                u32::from(row[x * self.components + c])
            }
        };
        GrayImage::from_fn(self.width as u32, self.height as u32, |x, y| {
            let (x, y) = (x as usize, y as usize);
            let grey = match self.components {
                3 => (sample(x, y, 0) * 299 + sample(x, y, 1) * 587 + sample(x, y, 2) * 114) / 1000,
                4 => 255u32.saturating_sub((sample(x, y, 0) * 3 + sample(x, y, 1) * 6 + sample(x, y, 2)) / 10 + sample(x, y, 3)),
                _ => sample(x, y, 0),
            };
            image::Luma([if inverted { 255 - grey as u8 } else { grey as u8 }])
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_by_content_not_name() {
        assert_eq!(ScanKind::sniff(b"\x89PNG\r\n\x1a\n...."), Some(ScanKind::Png));
        assert_eq!(ScanKind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(ScanKind::Jpeg));
        assert_eq!(ScanKind::sniff(b"%PDF-1.4\n"), Some(ScanKind::Pdf));
        assert_eq!(ScanKind::sniff(b"\r\n  %PDF-1.7\n"), Some(ScanKind::Pdf), "junk before the header, as readers allow");
        assert_eq!(ScanKind::sniff(b"PK\x03\x04"), None);
        assert_eq!(ScanKind::sniff(b""), None);
    }

    #[test]
    fn raw_samples_become_grey() {
        let rgb = RawLayout { width: 2, height: 1, components: 3, one_bit: false };
        assert_eq!(rgb.to_grey(&[255, 255, 255, 0, 0, 0], false).into_raw(), [255, 0]);
        let bits = RawLayout { width: 10, height: 2, components: 1, one_bit: true };
        // Rows are padded to whole bytes: 10 pixels take 2 bytes a row.
        let grey = bits.to_grey(&[0b1000_0000, 0b0100_0000, 0, 0], false).into_raw();
        assert_eq!(&grey[..10], [255, 0, 0, 0, 0, 0, 0, 0, 0, 255]);
        assert!(grey[10..].iter().all(|&g| g == 0));
        assert_eq!(bits.to_grey(&[0, 0, 0, 0], true).into_raw(), [255; 20], "/Decode [1 0] inverts");
    }
}
