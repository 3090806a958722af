//! The flow: blocks (titles, paragraphs, tables, signature lines) placed top to bottom, starting
//! a new page when the next piece does not fit.
//!
//! Pagination is row-height-first: every table row is measured (lines × line height + padding)
//! before anything is drawn, so a row either fits where it is, moves whole to the next page
//! (where the header row is repeated), or — only when it is taller than a whole page — is split
//! cleanly between two lines. Text is never cut through the middle of a line.

use std::collections::BTreeSet;

use crate::draw::{grey, Align, Page, MM};
use crate::fonts::{Face, FontBook};
use crate::linebreak::{break_lines, break_lines_indented};

/// Line height as a multiple of the font size.
pub const LEADING: f32 = 1.5;
/// Stroke width of table borders, in points.
pub const BORDER: f32 = 0.6;

/// Baseline of a line whose box starts at `top` (CJK faces: ascent ≈ 0.88 em).
pub fn baseline(top: f32, size: f32, line_height: f32) -> f32 {
    top + (line_height - size) / 2.0 + 0.88 * size
}

/// Page geometry shared by every page of one document.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Geometry {
    /// A4 with the margins our page frame needs (header band with QR on top, footer below).
    pub fn a4(landscape: bool) -> Geometry {
        let (w, h) = if landscape { (297.0 * MM, 210.0 * MM) } else { (210.0 * MM, 297.0 * MM) };
        let side = if landscape { 14.0 * MM } else { 18.0 * MM };
        Geometry { width: w, height: h, left: side, right: w - side, top: 30.0 * MM, bottom: h - 16.0 * MM }
    }

    pub fn content_width(&self) -> f32 {
        self.right - self.left
    }
}

/// What a table cell shows.
#[derive(Debug, Clone)]
pub enum Content {
    Text(String),
    /// Checkboxes on the first line, a signature line at the bottom (approval boxes).
    Approval {
        options: Vec<String>,
        sign: String,
        date_label: String,
        date: Vec<DatePart>,
        height: f32,
    },
}

/// One table cell.
#[derive(Debug, Clone)]
pub struct Cell {
    pub content: Content,
    pub colspan: usize,
    pub align: Align,
    pub face: Face,
    /// Grey background (labels and header cells).
    pub shade: bool,
}

impl Cell {
    /// A value cell: serif, left-aligned.
    pub fn value(text: impl Into<String>) -> Cell {
        Cell { content: Content::Text(text.into()), colspan: 1, align: Align::Left, face: Face::Serif, shade: false }
    }
    /// A plain table cell: sans, left-aligned.
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell { face: Face::Sans, ..Cell::value(text) }
    }
    /// A label cell: bold sans, centred, shaded.
    pub fn label(text: impl Into<String>) -> Cell {
        Cell { face: Face::SansBold, align: Align::Center, shade: true, ..Cell::value(text) }
    }
    pub fn span(mut self, n: usize) -> Cell {
        self.colspan = n.max(1);
        self
    }
    pub fn align(mut self, align: Align) -> Cell {
        self.align = align;
        self
    }
}

/// A table: relative column widths (scaled to the content width), an optional header row
/// repeated on every page, and rows of cells whose colspans add up to the column count.
#[derive(Debug, Clone)]
pub struct Table {
    pub widths: Vec<f32>,
    pub header: Option<Vec<Cell>>,
    pub rows: Vec<Vec<Cell>>,
    pub size: f32,
    pub pad: f32,
}

impl Table {
    pub fn new(widths: &[f32]) -> Table {
        Table { widths: widths.to_vec(), header: None, rows: Vec::new(), size: 10.0, pad: 2.2 * MM }
    }
    pub fn header(mut self, cells: Vec<Cell>) -> Table {
        self.header = Some(cells);
        self
    }
    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }
}

/// A row measured for a given width: each cell's x, width and broken lines.
struct Measured {
    cells: Vec<(f32, f32, Vec<String>)>,
    /// Number of lines of the tallest text cell.
    lines: usize,
    /// Fixed content height (approval cells), 0 if none.
    fixed: f32,
}

/// The document being laid out.
pub struct Flow<'b> {
    pub book: &'b FontBook,
    pub geo: Geometry,
    pub pages: Vec<Page>,
    pub missing: BTreeSet<char>,
    /// Top of the free space on the current page.
    pub y: f32,
}

impl<'b> Flow<'b> {
    pub fn new(book: &'b FontBook, geo: Geometry) -> Flow<'b> {
        let mut flow = Flow { book, geo, pages: Vec::new(), missing: BTreeSet::new(), y: 0.0 };
        flow.new_page();
        flow
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::new(self.geo.width, self.geo.height));
        self.y = self.geo.top;
    }

    fn page(&mut self) -> &mut Page {
        let i = self.pages.len() - 1;
        &mut self.pages[i]
    }

    pub fn remaining(&self) -> f32 {
        self.geo.bottom - self.y
    }

    /// Start a new page unless `h` points still fit on this one.
    pub fn ensure(&mut self, h: f32) {
        if h > self.remaining() && self.y > self.geo.top {
            self.new_page();
        }
    }

    pub fn space(&mut self, h: f32) {
        self.y += h;
    }

    /// Draw one line of text at the cursor's line box (no wrapping, no advance).
    #[allow(clippy::too_many_arguments)]
    pub fn text_at(&mut self, x: f32, width: f32, top: f32, text: &str, face: Face, size: f32, align: Align) {
        let lh = size * LEADING;
        let book = self.book;
        let mut missing = std::mem::take(&mut self.missing);
        self.page().text_aligned(book, &mut missing, x, width, baseline(top, size, lh), text, face, size, align);
        self.missing = missing;
    }

    /// A centred document title.
    pub fn title(&mut self, text: &str, face: Face) {
        let size = 20.0;
        self.ensure(size * LEADING);
        let (x, w, y) = (self.geo.left, self.geo.content_width(), self.y);
        self.text_at(x, w, y, text, face, size, Align::Center);
        self.y += size * LEADING;
    }

    /// A single line of small text, aligned in the content width (e.g. number and date under
    /// the title).
    pub fn line(&mut self, text: &str, face: Face, size: f32, align: Align) {
        self.ensure(size * LEADING);
        let (x, w, y) = (self.geo.left, self.geo.content_width(), self.y);
        self.text_at(x, w, y, text, face, size, align);
        self.y += size * LEADING;
    }

    /// A section heading (bold sans), kept with at least `keep` points of what follows.
    pub fn heading(&mut self, text: &str, keep: f32) {
        let size = 12.0;
        self.space(2.5 * MM);
        self.ensure(size * LEADING + keep);
        let (x, w, y) = (self.geo.left, self.geo.content_width(), self.y);
        self.text_at(x, w, y, text, Face::SansBold, size, Align::Left);
        self.y += size * LEADING + 0.5 * MM;
    }

    /// A wrapped paragraph; lines flow onto the next page as needed.
    pub fn paragraph(&mut self, text: &str, face: Face, size: f32, leading: f32, indent: f32, x_offset: f32) {
        let lh = size * leading;
        let book = self.book;
        let width = self.geo.content_width() - x_offset;
        let lines = break_lines_indented(text, indent, width, &|c| book.char_width(face, c, size));
        for (i, line) in lines.iter().enumerate() {
            self.ensure(lh);
            let dx = if i == 0 { indent } else { 0.0 };
            let (x, y) = (self.geo.left + x_offset + dx, self.y);
            let mut missing = std::mem::take(&mut self.missing);
            self.page().text(book, &mut missing, x, baseline(y, size, lh), line, face, size);
            self.missing = missing;
            self.y += lh;
        }
    }

    fn measure(&self, table: &Table, row: &[Cell]) -> Measured {
        let total: f32 = table.widths.iter().sum();
        let unit = self.geo.content_width() / total;
        let mut col = 0;
        let mut cells = Vec::with_capacity(row.len());
        let (mut lines, mut fixed) = (1, 0.0f32);
        for cell in row {
            let span = cell.colspan.min(table.widths.len().saturating_sub(col)).max(1);
            let x = self.geo.left + table.widths[..col].iter().sum::<f32>() * unit;
            let w = table.widths[col..(col + span).min(table.widths.len())].iter().sum::<f32>() * unit;
            col += span;
            let broken = match &cell.content {
                Content::Text(text) => {
                    let book = self.book;
                    let (face, size) = (cell.face, table.size);
                    break_lines(text, w - 2.0 * table.pad, &|c| book.char_width(face, c, size))
                }
                Content::Approval { height, .. } => {
                    fixed = fixed.max(*height);
                    Vec::new()
                }
            };
            lines = lines.max(broken.len());
            cells.push((x, w, broken));
        }
        Measured { cells, lines, fixed }
    }

    fn row_height(table: &Table, m: &Measured, lines: usize) -> f32 {
        let text = lines as f32 * table.size * LEADING + 2.0 * table.pad;
        text.max(m.fixed + 2.0 * table.pad)
    }

    /// Draw lines `[from, to)` of a measured row at the cursor, with borders.
    fn draw_row(&mut self, table: &Table, row: &[Cell], m: &Measured, from: usize, to: usize, split: bool) {
        let h = Self::row_height(table, m, to - from);
        let top = self.y;
        let lh = table.size * LEADING;
        let book = self.book;
        let mut missing = std::mem::take(&mut self.missing);
        let page = self.page();
        for (cell, (x, w, lines)) in row.iter().zip(&m.cells) {
            if cell.shade {
                page.set_fill(grey(0.91));
                page.fill_rect(*x, top, *w, h);
                page.set_fill(grey(0.0));
            }
            match &cell.content {
                Content::Text(_) => {
                    let shown = &lines[from.min(lines.len())..to.min(lines.len())];
                    // Vertically centred, except the parts of a split row (top-aligned).
                    let block = shown.len() as f32 * lh;
                    let y0 = if split { top + table.pad } else { top + (h - block) / 2.0 };
                    for (i, line) in shown.iter().enumerate() {
                        let base = baseline(y0 + i as f32 * lh, table.size, lh);
                        let inner = (x + table.pad, w - 2.0 * table.pad);
                        page.text_aligned(book, &mut missing, inner.0, inner.1, base, line, cell.face, table.size, cell.align);
                    }
                }
                Content::Approval { options, sign, date_label, date, .. } => {
                    let base = baseline(top + table.pad, table.size, lh);
                    checkboxes(page, book, &mut missing, x + table.pad, base, options, table.size);
                    let base = baseline(top + h - table.pad - lh, table.size, lh);
                    let right = x + w - table.pad;
                    signature_line(page, book, &mut missing, right, base, sign, date_label, date, table.size);
                }
            }
        }
        page.set_stroke(grey(0.0), BORDER);
        for (x, w, _) in &m.cells {
            page.stroke_rect(*x, top, *w, h);
        }
        self.missing = missing;
        self.y += h;
    }

    /// Lay out a table, paginating row by row and repeating the header on each new page.
    pub fn table(&mut self, table: &Table) {
        let header = table.header.as_ref().map(|h| (h, self.measure(table, h)));
        let header_h = header.as_ref().map_or(0.0, |(_, m)| Self::row_height(table, m, m.lines));
        let lh = table.size * LEADING;
        let min_piece = lh + 2.0 * table.pad;
        // Keep the header with the first row (or, for a row taller than a page, its first line).
        let page_room = self.geo.bottom - self.geo.top - header_h;
        let first = table.rows.first().map_or(0.0, |row| {
            let m = self.measure(table, row);
            Self::row_height(table, &m, m.lines)
        });
        let first = if first <= page_room { first } else { min_piece };
        self.ensure(header_h + first.max(min_piece));
        if let Some((cells, m)) = &header {
            self.draw_row(table, cells, m, 0, m.lines, false);
        }
        for row in &table.rows {
            let m = self.measure(table, row);
            let h = Self::row_height(table, &m, m.lines);
            let mut from = 0;
            if h > self.remaining() && h <= page_room {
                self.break_table_page(table, &header);
            }
            if h <= self.remaining() {
                self.draw_row(table, row, &m, 0, m.lines, false);
                continue;
            }
            // Taller than a page: split between lines, as many lines per page as fit.
            while from < m.lines {
                if self.remaining() < min_piece {
                    self.break_table_page(table, &header);
                }
                let fit = ((self.remaining() - 2.0 * table.pad) / lh).floor().max(1.0) as usize;
                let to = (from + fit).min(m.lines);
                self.draw_row(table, row, &m, from, to, true);
                from = to;
            }
        }
    }

    fn break_table_page(&mut self, table: &Table, header: &Option<(&Vec<Cell>, Measured)>) {
        self.new_page();
        if let Some((cells, m)) = header {
            self.draw_row(table, cells, m, 0, m.lines, false);
        }
    }

    /// A signature line, right-aligned: `[who]  负责人签字：________  日期：____年__月__日`.
    /// `sign` is the label before the signature line; `date` the date pattern.
    pub fn signature(&mut self, who: &str, sign: &str, date_label: &str, date: &[DatePart]) {
        let size = 10.5;
        let lh = size * LEADING;
        // Room above the line for a pen.
        self.ensure(10.0 * MM + lh);
        self.space(8.0 * MM);
        let y = self.y;
        let right = self.geo.right;
        let left = self.geo.left;
        let book = self.book;
        let mut missing = std::mem::take(&mut self.missing);
        let page = self.page();
        if !who.is_empty() {
            page.text(book, &mut missing, left, baseline(y, size, lh), who, Face::SansBold, size);
        }
        signature_line(page, book, &mut missing, right, baseline(y, size, lh), sign, date_label, date, size);
        self.missing = missing;
        self.y += lh;
    }
}

/// A piece of a printed date pattern: literal text or a blank of some width (mm).
#[derive(Debug, Clone, Copy)]
pub enum DatePart {
    Text(&'static str),
    Blank(f32),
}

/// Draw `sign ____  date ____年__月__日` ending at `right`, baseline `base`.
#[allow(clippy::too_many_arguments)]
pub fn signature_line(
    page: &mut Page,
    book: &FontBook,
    missing: &mut BTreeSet<char>,
    right: f32,
    base: f32,
    sign: &str,
    date_label: &str,
    date: &[DatePart],
    size: f32,
) {
    let face = Face::Sans;
    let sign_blank = 38.0 * MM;
    let gap = 6.0 * MM;
    let date_w: f32 = date
        .iter()
        .map(|p| match p {
            DatePart::Text(t) => book.text_width(face, t, size),
            DatePart::Blank(mm) => mm * MM,
        })
        .sum();
    let total = book.text_width(face, sign, size) + sign_blank + gap + book.text_width(face, date_label, size) + date_w;
    let mut x = right - total;
    let under = base + 1.5;
    page.set_stroke(grey(0.0), 0.5);
    page.text(book, missing, x, base, sign, face, size);
    x += book.text_width(face, sign, size);
    page.line(x, under, x + sign_blank, under);
    x += sign_blank + gap;
    page.text(book, missing, x, base, date_label, face, size);
    x += book.text_width(face, date_label, size);
    for part in date {
        match part {
            DatePart::Text(t) => {
                page.text(book, missing, x, base, t, face, size);
                x += book.text_width(face, t, size);
            }
            DatePart::Blank(mm) => {
                page.line(x + 1.0, under, x + mm * MM - 1.0, under);
                x += mm * MM;
            }
        }
    }
}

/// A row of checkboxes (vector squares, not the ☐ glyph) with labels, starting at `x`.
pub fn checkboxes(page: &mut Page, book: &FontBook, missing: &mut BTreeSet<char>, x: f32, base: f32, options: &[String], size: f32) {
    let side = size * 0.8;
    let mut x = x;
    page.set_stroke(grey(0.0), 0.6);
    for option in options {
        page.stroke_rect(x, base - side + 0.6, side, side);
        x += side + size * 0.35;
        page.text(book, missing, x, base, option, Face::Sans, size);
        x += book.text_width(Face::Sans, option, size) + size * 2.0;
    }
}
