//! xiezuo-forms: the documents Xiezuo prints — eight A4 forms and letters, Chinese by default,
//! English on request — rendered from plain view models to PDF bytes.
//!
//! Every page carries the collaboration number, the document's name and revision, `第 i 页 /
//! 共 n 页`, and a vector QR code with a short SHA-256 hash of the printed data, so a signed
//! paper copy can be matched to the exact record version it came from. The same input always
//! gives byte-identical output.
//!
//! Layers, bottom up: [`fonts`] (font book, measuring, fallback) → [`linebreak`] (CJK/Latin line
//! breaking) → [`draw`] (primitives) → [`flow`] (tables, pagination, signatures) → [`frame`]
//! (header, QR, footer) → [`docs`] (the eight documents) → [`render`]. [`records`] builds the
//! documents from engine records and records each print in the engine.

pub mod demo;
pub mod docs;
pub mod draw;
pub mod error;
pub mod flow;
pub mod fonts;
pub mod frame;
pub mod labels;
pub mod linebreak;
pub mod model;
pub mod pdf;
pub mod records;

use sha2::{Digest, Sha256};

pub use error::FormsError;
pub use fonts::FontBook;
pub use labels::Lang;
pub use model::*;

use flow::{Flow, Geometry};
use frame::FrameText;

/// A rendered document.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// SHA-256 (hex) of the view model's JSON: identifies the printed record version.
    pub content_hash: String,
    /// The first 12 hex digits of `content_hash`, as printed and encoded in the QR code.
    pub short_hash: String,
    /// The QR code's text.
    pub qr_payload: String,
    /// Characters no bundled font can draw (printed as .notdef boxes): warn the user.
    pub missing_glyphs: Vec<char>,
}

/// SHA-256 (hex) of the document's data (its JSON serialisation).
pub fn content_hash(doc: &Document) -> Result<String, FormsError> {
    let json = serde_json::to_vec(doc)?;
    Ok(Sha256::digest(&json).iter().map(|b| format!("{b:02x}")).collect())
}

/// The text encoded in the QR code: `xiezuo:<collab id>:<kind>:r<revision>:<short hash>`.
pub fn qr_payload(doc: &Document, short_hash: &str) -> String {
    format!("xiezuo:{}:{}:r{}:{}", doc.head.collab_id, doc.body.kind().as_str(), doc.head.revision, short_hash)
}

/// Render `doc` in `lang` with the process-wide font book.
pub fn render(doc: &Document, lang: Lang) -> Result<Rendered, FormsError> {
    render_with(FontBook::global()?, doc, lang)
}

/// Render `doc` in `lang` with a given font book.
pub fn render_with(book: &FontBook, doc: &Document, lang: Lang) -> Result<Rendered, FormsError> {
    let content_hash = content_hash(doc)?;
    let short_hash = content_hash[..12].to_string();
    let l = labels::labels(lang);
    let kind = doc.body.kind();
    let geo = Geometry::a4(kind.landscape());
    let mut flow = Flow::new(book, geo);
    let head = &doc.head;
    match &doc.body {
        Body::Request(x) => docs::request(&mut flow, l, head, x),
        Body::Agenda(x) => docs::agenda(&mut flow, l, head, x),
        Body::Minutes(x) => docs::minutes(&mut flow, l, head, x),
        Body::Tracking(x) => docs::tracking(&mut flow, l, head, x),
        Body::SelfCheck(x) => docs::self_check(&mut flow, l, head, x),
        Body::Acceptance(x) => docs::acceptance(&mut flow, l, head, x),
        Body::Letter(x) => docs::letter(&mut flow, l, head, x),
        Body::Register(x) => docs::register(&mut flow, l, head, x),
    }
    let Flow { mut pages, mut missing, .. } = flow;

    let qr = qr_payload(doc, &short_hash);
    let header = format!("{} · {} · {}", head.number, l.kind(kind), l.revision(head.revision));
    let hash_text = format!("{} {}", l.hash, short_hash);
    let footer = |i: usize, n: usize| l.page(i, n);
    let text = FrameText { header: &header, qr_payload: &qr, hash_text: &hash_text, footer: &footer };
    frame::draw_frame(&mut pages, book, &mut missing, &geo, &text)?;

    let page_count = pages.len();
    // The PDF /ID: hash of the data and the language (zh and en prints differ).
    let id_source = format!("{content_hash}:{lang:?}");
    let id: String = Sha256::digest(id_source.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    let title = format!("{} {}", l.kind(kind), head.number);
    let bytes = pdf::write_pdf(book, &title, pages, &id)?;
    Ok(Rendered { bytes, pages: page_count, content_hash, short_hash, qr_payload: qr, missing_glyphs: missing.into_iter().collect() })
}
