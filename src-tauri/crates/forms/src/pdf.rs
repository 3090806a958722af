//! Turning drawn pages into PDF bytes, deterministically.
//!
//! printpdf writes a random trailer `/ID` and epoch `CreationDate`/`ModDate` entries, and names
//! font resources with random ids. For "same record version → byte-identical PDF" we register
//! fonts under fixed ids, then post-process its lopdf document: the `/ID` is derived from the
//! content hash and the date entries are removed.

use printpdf::{Mm, PdfDocument, PdfFont, PdfPage, PdfSaveOptions};

use crate::draw::{Page, MM};
use crate::error::FormsError;
use crate::fonts::{Face, FontBook};

/// Serialise `pages` to PDF bytes. `id` (hex) becomes the trailer `/ID`.
pub fn write_pdf(book: &FontBook, title: &str, pages: Vec<Page>, id: &str) -> Result<Vec<u8>, FormsError> {
    let mut doc = PdfDocument::new(title);
    doc.metadata.info.producer = "Xiezuo".to_string();
    doc.metadata.info.creator = "Xiezuo".to_string();
    doc.metadata.info.identifier = id.to_string();
    // Embed only the faces the pages actually use (printpdf subsets each to the used glyphs).
    for face in Face::ALL {
        let used = pages.iter().any(|p| {
            p.ops
                .iter()
                .any(|op| matches!(op, printpdf::Op::SetFont { font: printpdf::PdfFontHandle::External(f), .. } if *f == face.font_id()))
        });
        if used {
            doc.resources.fonts.map.insert(face.font_id(), PdfFont::new(book.parsed(face).clone()));
        }
    }
    doc.pages = pages.into_iter().map(|p| PdfPage::new(Mm(p.width / MM), Mm(p.height / MM), p.ops)).collect();

    let mut warnings = Vec::new();
    let opts = PdfSaveOptions { optimize: true, subset_fonts: true, secure: true, image_optimization: None };
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    let id_bytes: Vec<u8> = (0..id.len() / 2).filter_map(|i| u8::from_str_radix(id.get(2 * i..2 * i + 2)?, 16).ok()).take(16).collect();
    lo.trailer.set(
        "ID",
        lopdf::Object::Array(vec![
            lopdf::Object::String(id_bytes.clone(), lopdf::StringFormat::Hexadecimal),
            lopdf::Object::String(id_bytes, lopdf::StringFormat::Hexadecimal),
        ]),
    );
    if let Ok(info) = lo.trailer.get(b"Info").and_then(lopdf::Object::as_reference) {
        if let Ok(dict) = lo.get_dictionary_mut(info) {
            dict.remove(b"CreationDate");
            dict.remove(b"ModDate");
            dict.remove(b"Trapped");
            dict.remove(b"GTS_PDFXVersion");
        }
    }
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out).map_err(|e| FormsError::Pdf(e.to_string()))?;
    Ok(out)
}
