//! Drawing primitives over printpdf's op list, in a top-left coordinate system (points).
//!
//! Layout thinks top-down ("the next row starts 20 pt below this one"); PDF thinks bottom-up.
//! This module is the one place that flips the y axis, picks a fallback face per character
//! run, and records characters no bundled face can draw.

use std::collections::BTreeSet;

use printpdf::{Color, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect, Rgb, TextItem, TextMatrix};

use crate::fonts::{Face, FontBook};

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;

/// Horizontal alignment of text in a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// A grey level (0 = black, 1 = white): documents are printed on office laser printers.
pub fn grey(level: f32) -> Color {
    Color::Rgb(Rgb { r: level, g: level, b: level, icc_profile: None })
}

/// One page being drawn.
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub ops: Vec<Op>,
}

impl Page {
    pub fn new(width: f32, height: f32) -> Page {
        Page { width, height, ops: Vec::new() }
    }

    fn pt(&self, x: f32, y: f32) -> Point {
        Point { x: Pt(x), y: Pt(self.height - y) }
    }

    /// Draw `text` with its baseline at `y`, starting at `x`. Characters the face lacks are
    /// drawn from a fallback face; characters no face has are added to `missing`.
    #[allow(clippy::too_many_arguments)]
    pub fn text(&mut self, book: &FontBook, missing: &mut BTreeSet<char>, x: f32, y: f32, text: &str, face: Face, size: f32) {
        if text.trim().is_empty() {
            return;
        }
        // Split into runs of one resolved face each.
        let mut runs: Vec<(Face, String, f32)> = Vec::new();
        let mut pen = x;
        for ch in text.chars().filter_map(crate::fonts::printable) {
            let resolved = match book.resolve(face, ch) {
                Some(f) => f,
                None => {
                    missing.insert(ch);
                    face
                }
            };
            match runs.last_mut() {
                Some((f, s, _)) if *f == resolved => s.push(ch),
                _ => runs.push((resolved, ch.to_string(), pen)),
            }
            pen += book.char_width(face, ch, size);
        }
        self.ops.push(Op::StartTextSection);
        for (f, s, rx) in runs {
            self.ops.push(Op::SetFont { font: PdfFontHandle::External(f.font_id()), size: Pt(size) });
            self.ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(rx), Pt(self.height - y)) });
            self.ops.push(Op::ShowText { items: vec![TextItem::Text(s)] });
        }
        self.ops.push(Op::EndTextSection);
    }

    /// Draw `text` aligned inside `[x, x + width]`.
    #[allow(clippy::too_many_arguments)]
    pub fn text_aligned(
        &mut self,
        book: &FontBook,
        missing: &mut BTreeSet<char>,
        x: f32,
        width: f32,
        y: f32,
        text: &str,
        face: Face,
        size: f32,
        align: Align,
    ) {
        let w = book.text_width(face, text, size);
        let x = match align {
            Align::Left => x,
            Align::Center => x + (width - w) / 2.0,
            Align::Right => x + width - w,
        };
        self.text(book, missing, x, y, text, face, size);
    }

    pub fn set_fill(&mut self, col: Color) {
        self.ops.push(Op::SetFillColor { col });
    }

    pub fn set_stroke(&mut self, col: Color, width: f32) {
        self.ops.push(Op::SetOutlineColor { col });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
    }

    /// A straight line (stroked with the current stroke colour and width).
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        let points = vec![LinePoint { p: self.pt(x1, y1), bezier: false }, LinePoint { p: self.pt(x2, y2), bezier: false }];
        self.ops.push(Op::DrawLine { line: Line { points, is_closed: false } });
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, mode: PaintMode) {
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect { x: Pt(x), y: Pt(self.height - y - h), width: Pt(w), height: Pt(h), mode: Some(mode), winding_order: None },
        });
    }

    /// A filled rectangle (current fill colour); `(x, y)` is its top-left corner.
    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.rect(x, y, w, h, PaintMode::Fill);
    }

    /// An outlined rectangle (current stroke colour and width).
    pub fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.rect(x, y, w, h, PaintMode::Stroke);
    }
}
