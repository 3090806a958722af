//! The page frame drawn on every page once the page count is known: collaboration number,
//! document name and revision at the top, a vector QR code with the short content hash at the
//! top right, and `第 i 页 / 共 n 页` at the bottom. The QR lets anyone holding a signed paper
//! copy find the exact record version it was printed from; the hash is also printed as text so
//! a person can compare without a scanner.

use std::collections::BTreeSet;

use qrcode::{EcLevel, QrCode};

use crate::draw::{grey, Align, Page, MM};
use crate::error::FormsError;
use crate::flow::Geometry;
use crate::fonts::{Face, FontBook};

/// What the frame prints on each page.
pub struct FrameText<'a> {
    /// Top-left line, e.g. `XZ-2024-000123 · 协作需求申请表 · 第 2 版`.
    pub header: &'a str,
    /// The QR payload.
    pub qr_payload: &'a str,
    /// The short hash, printed under the QR.
    pub hash_text: &'a str,
    /// Footer for page i of n (1-based).
    pub footer: &'a dyn Fn(usize, usize) -> String,
}

/// Draw the frame on every page.
pub fn draw_frame(
    pages: &mut [Page],
    book: &FontBook,
    missing: &mut BTreeSet<char>,
    geo: &Geometry,
    text: &FrameText<'_>,
) -> Result<(), FormsError> {
    let code = QrCode::with_error_correction_level(text.qr_payload.as_bytes(), EcLevel::M).map_err(|e| FormsError::Qr(e.to_string()))?;
    let n = pages.len();
    let qr_side = 18.0 * MM;
    let qr_x = geo.right - qr_side;
    let qr_y = 6.0 * MM;
    for (i, page) in pages.iter_mut().enumerate() {
        page.set_fill(grey(0.35));
        page.text(book, missing, geo.left, 12.0 * MM, text.header, Face::Sans, 8.0);
        page.text_aligned(
            book,
            missing,
            qr_x - 4.0 * MM,
            qr_side + 8.0 * MM,
            qr_y + qr_side + 3.2 * MM,
            text.hash_text,
            Face::Sans,
            6.5,
            Align::Center,
        );
        page.set_stroke(grey(0.6), 0.4);
        page.line(geo.left, 14.0 * MM, qr_x - 4.0 * MM, 14.0 * MM);
        page.set_fill(grey(0.0));
        draw_qr(page, &code, qr_x, qr_y, qr_side);
        let footer = (text.footer)(i + 1, n);
        page.text_aligned(book, missing, geo.left, geo.content_width(), geo.height - 9.0 * MM, &footer, Face::Sans, 9.0, Align::Center);
    }
    Ok(())
}

/// Draw a QR code as filled rectangles, one per horizontal run of dark modules (with the
/// quiet zone left blank around `side`).
pub fn draw_qr(page: &mut Page, code: &QrCode, x: f32, y: f32, side: f32) {
    let width = code.width();
    let quiet = 2;
    let module = side / (width + 2 * quiet) as f32;
    let colors = code.to_colors();
    for row in 0..width {
        let mut col = 0;
        while col < width {
            if colors[row * width + col] == qrcode::Color::Dark {
                let start = col;
                while col < width && colors[row * width + col] == qrcode::Color::Dark {
                    col += 1;
                }
                let rx = x + (start + quiet) as f32 * module;
                let ry = y + (row + quiet) as f32 * module;
                // A hair of overlap so adjacent rows don't show seams in some viewers.
                page.fill_rect(rx, ry, (col - start) as f32 * module, module + 0.05);
            } else {
                col += 1;
            }
        }
    }
}
