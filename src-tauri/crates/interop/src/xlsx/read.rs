//! From a file's bytes to plain grids of cells, defensively.
//!
//! The bytes decide the format (an .xlsx is a zip, an .xls an OLE compound file); the file name is
//! not trusted. Before anything is inflated, the zip's declared sizes are added up and a file
//! that would unpack to more than `MAX_UNPACKED_BYTES` is refused (the zip reader stops at each
//! entry's declared size, so a lying header cannot inflate more than it declares). .xlsx cells are
//! streamed, so a sheet claiming a huge extent costs nothing. Formulas are never evaluated: a
//! formula's cached value is read like any other value, and one without a cached value is marked
//! so the importer can refuse it.

use crate::error::{InteropError, Result};
use calamine::{Data, Dimensions, Reader, Xls, Xlsx};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// The most a workbook may unpack to (its XML parts together).
pub const MAX_UNPACKED_BYTES: u64 = 100 * 1024 * 1024;
/// The most filled cells one sheet may have.
pub const MAX_CELLS: usize = 1_000_000;

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const EXPECTED: &str = "Excel workbook (.xlsx or .xls)";

/// One cell's value; empty cells are not kept.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
    Date(NaiveDate),
    /// `#N/A`, `#REF!`, …
    Error(String),
    /// A formula whose result was never saved; it is not evaluated here.
    UncomputedFormula,
}

/// One sheet: its filled cells by 0-based (row, column), and its merged regions.
pub(crate) struct Sheet {
    pub name: String,
    pub cells: BTreeMap<(u32, u32), Value>,
    pub merged: Vec<Dimensions>,
}

impl Sheet {
    pub fn get(&self, row: u32, column: u32) -> Option<&Value> {
        self.cells.get(&(row, column))
    }

    /// The last row with a filled cell.
    pub fn last_row(&self) -> Option<u32> {
        self.cells.keys().map(|(row, _)| *row).max()
    }
}

pub(crate) enum Workbook<'a> {
    Xlsx(Box<Xlsx<Cursor<&'a [u8]>>>),
    Xls(Box<Xls<Cursor<&'a [u8]>>>),
}

impl<'a> Workbook<'a> {
    pub fn open(bytes: &'a [u8], path: &Path) -> Result<Self> {
        if bytes.starts_with(ZIP_MAGIC) {
            check_unpacked_size(bytes, path)?;
            guarded(path, || Xlsx::new(Cursor::new(bytes)).map(|x| Workbook::Xlsx(Box::new(x))).map_err(|e| unreadable(path, e)))
        } else if bytes.starts_with(OLE_MAGIC) {
            check_compound_file(bytes, path)?;
            guarded(path, || Xls::new(Cursor::new(bytes)).map(|x| Workbook::Xls(Box::new(x))).map_err(|e| unreadable(path, e)))
        } else {
            Err(unreadable(path, "the file does not start like a spreadsheet"))
        }
    }

    pub fn sheet_names(&self) -> Vec<String> {
        match self {
            Workbook::Xlsx(x) => x.sheet_names(),
            Workbook::Xls(x) => x.sheet_names(),
        }
    }

    pub fn sheet(&mut self, name: &str, path: &Path) -> Result<Sheet> {
        let (cells, merged) = guarded(path, || match self {
            Workbook::Xlsx(x) => xlsx_cells(x, name, path),
            Workbook::Xls(x) => xls_cells(x, name, path),
        })?;
        Ok(Sheet { name: name.to_string(), cells, merged })
    }
}

type Cells = BTreeMap<(u32, u32), Value>;

fn xlsx_cells(book: &mut Xlsx<Cursor<&[u8]>>, name: &str, path: &Path) -> Result<(Cells, Vec<Dimensions>)> {
    let mut cells = Cells::new();
    let mut reader = book.worksheet_cells_reader(name).map_err(|e| unreadable(path, e))?;
    // The metadata variant reads shared formulas without expanding them: nothing is computed.
    while let Some(cell) = reader.next_cell_with_formula_metadata().map_err(|e| unreadable(path, e))? {
        let value = match (value(&Data::from(cell.value)), cell.formula.is_some()) {
            (None, true) => Some(Value::UncomputedFormula),
            (value, _) => value,
        };
        if let Some(value) = value {
            keep(&mut cells, cell.pos, value, name, path)?;
        }
    }
    drop(reader);
    let merged = book.merge_cells_by_sheet_name(name).map_err(|e| unreadable(path, e))?;
    Ok((cells, merged))
}

fn xls_cells(book: &mut Xls<Cursor<&[u8]>>, name: &str, path: &Path) -> Result<(Cells, Vec<Dimensions>)> {
    let mut cells = Cells::new();
    let range = book.worksheet_range(name).map_err(|e| unreadable(path, e))?;
    let (top, left) = range.start().unwrap_or_default();
    for (row, column, data) in range.used_cells() {
        if let Some(value) = value(data) {
            keep(&mut cells, (top + row as u32, left + column as u32), value, name, path)?;
        }
    }
    let formulas = book.worksheet_formula(name).map_err(|e| unreadable(path, e))?;
    let (top, left) = formulas.start().unwrap_or_default();
    for (row, column, formula) in formulas.used_cells() {
        let at = (top + row as u32, left + column as u32);
        if !formula.is_empty() && !cells.contains_key(&at) {
            keep(&mut cells, at, Value::UncomputedFormula, name, path)?;
        }
    }
    let merged = book.merge_cells_by_sheet_name(name).map_err(|e| unreadable(path, e))?;
    Ok((cells, merged))
}

fn keep(cells: &mut Cells, at: (u32, u32), value: Value, sheet: &str, path: &Path) -> Result<()> {
    if cells.len() >= MAX_CELLS {
        return Err(InteropError::BadValue {
            path: path.to_path_buf(),
            at: crate::Location { sheet: Some(sheet.to_string()), row: None, column: None },
            reason: format!("more than {MAX_CELLS} filled cells; split the sheet"),
        });
    }
    cells.insert(at, value);
    Ok(())
}

fn value(data: &Data) -> Option<Value> {
    Some(match data {
        Data::Empty => return None,
        Data::String(s) if s.is_empty() => return None,
        Data::String(s) | Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Int(n) => Value::Number(*n as f64),
        Data::Float(n) => Value::Number(*n),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (year, month, day, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day)).map_or(Value::Number(dt.as_f64()), Value::Date)
        }
        Data::DateTime(duration) => Value::Number(duration.as_f64()),
        Data::DateTimeIso(s) => s.get(..10).and_then(|d| d.parse().ok()).map_or_else(|| Value::Text(s.clone()), Value::Date),
        Data::Error(e) => Value::Error(e.to_string()),
    })
}

/// Refuses a zip whose entries declare more than `MAX_UNPACKED_BYTES` in total, before inflating.
fn check_unpacked_size(bytes: &[u8], path: &Path) -> Result<()> {
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(path, format!("damaged or truncated: {e}")))?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive.by_index_data(index).map_err(|e| unreadable(path, format!("damaged or truncated: {e}")))?;
        total = total.saturating_add(entry.size());
        if total > MAX_UNPACKED_BYTES {
            return Err(InteropError::TooLarge { path: path.to_path_buf(), size: total, limit: MAX_UNPACKED_BYTES });
        }
    }
    Ok(())
}

/// An .xls is a compound file (sectors chained through a FAT). calamine follows a chain that
/// loops back on itself until memory runs out (a 7 KB fuzzed file asked for 4 GiB), so the `cfb`
/// crate, which checks the FAT and the directory, reads the container first; then the workbook
/// stream inside it is checked (`check_workbook_stream`).
fn check_compound_file(bytes: &[u8], path: &Path) -> Result<()> {
    guarded(path, || {
        let mut file = cfb::CompoundFile::open_strict(Cursor::new(bytes)).map_err(|e| unreadable(path, e))?;
        // The names calamine looks for, in its order; without either, calamine reports it.
        let Some(name) = ["Workbook", "Book"].into_iter().find(|name| file.is_stream(name)) else { return Ok(()) };
        let mut stream = Vec::new();
        file.open_stream(name).and_then(|mut s| s.read_to_end(&mut stream)).map_err(|e| unreadable(path, e))?;
        check_workbook_stream(&stream, path)
    })
}

/// The most grid cells the sheets of an .xls may span together: one full sheet of the format
/// (65,536 rows by 256 columns). calamine reserves room for the extent a sheet's Dimensions record
/// declares and lays each sheet's cells out densely from its first to its last cell
/// (`Range::from_sparse`), so a few kilobytes claiming far-apart corners can make it ask for
/// hundreds of gigabytes; a failed allocation aborts the process, which no `catch_unwind` stops.
const XLS_MAX_EXTENT: u64 = 65_536 * 256;

/// BIFF record types (MS-XLS 2.3): the workbook's sheet list entry (BoundSheet8), the start and
/// end of a substream, a sheet's declared extent and merged ranges, and the records calamine makes
/// cells of.
const BOUND_SHEET: u16 = 0x0085;
const BOF: u16 = 0x0809;
const END_OF_FILE: u16 = 0x000A;
const DIMENSIONS: u16 = 0x0200;
const MERGE_CELLS: u16 = 0x00E5;
const MUL_RK: u16 = 0x00BD;
/// Formula, Number, Label, RString, BoolErr, RK, LabelSst and MulRk.
const CELL_RECORDS: [u16; 8] = [0x0006, 0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, MUL_RK];

/// The records of a BIFF stream, framed as calamine frames them (type, length, data); a truncated
/// record ends the walk, and calamine reports it.
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let [t0, t1, l0, l1, tail @ ..] = rest else { return None };
        let (data, next) = tail.split_at_checked(usize::from(u16::from_le_bytes([*l0, *l1])))?;
        rest = next;
        Some((u16::from_le_bytes([*t0, *t1]), data))
    })
}

/// What calamine 0.38 (`xls.rs`, `parse_workbook`) takes on trust in the workbook stream, checked
/// first: each BoundSheet8 of the workbook globals (the records up to the first EOF) gives the
/// offset of its sheet's records, which calamine slices at and reads 6 bytes of unchecked (a fuzzed
/// file with an offset past the end panicked); each sheet's Dimensions are subtracted unchecked (a
/// last row before the first panicked, or in a release build asked for a vast allocation); a
/// sheet's list of merged ranges is read as long as its count says (a short one panicked); and the
/// sheets' extents are bounded (`XLS_MAX_EXTENT`). Anything else is left to calamine, which reports
/// it as an error (or panics, and `guarded` catches that).
fn check_workbook_stream(stream: &[u8], path: &Path) -> Result<()> {
    let mut extent: u64 = 0;
    for (typ, data) in records(stream) {
        match typ {
            BOUND_SHEET => {
                let Some([a, b, c, d, _, _]) = data.get(..6) else { return Err(unreadable(path, "a sheet record is too short")) };
                let sheet = usize::try_from(u32::from_le_bytes([*a, *b, *c, *d])).ok().and_then(|offset| stream.get(offset..));
                let sheet = sheet.ok_or_else(|| unreadable(path, "a sheet starts past the end of the workbook"))?;
                extent = extent.saturating_add(sheet_extent(sheet).map_err(|reason| unreadable(path, reason))?);
                if extent > XLS_MAX_EXTENT {
                    return Err(unreadable(path, format!("the sheets span more than {XLS_MAX_EXTENT} cells")));
                }
            }
            END_OF_FILE => break,
            _ => {}
        }
    }
    Ok(())
}

/// How many grid cells calamine lays a sheet out over: the larger of the extent its Dimensions
/// declare and the one its cell records span, read as calamine reads them (up to the sheet's EOF,
/// skipping embedded substreams such as charts). An error (its reason) for impossible Dimensions,
/// and for a MergeCells record shorter than the count of ranges it gives (read unchecked).
fn sheet_extent(sheet: &[u8]) -> std::result::Result<u64, &'static str> {
    let (mut declared, mut seen_bof, mut depth) = (0, false, 0usize);
    let mut span: Option<((u16, u16), (u16, u16))> = None; // (first, last) row, (first, last) column
    let mut cover = |row: u16, column: u16| {
        let ((top, bottom), (left, right)) = span.unwrap_or(((row, row), (column, column)));
        span = Some(((top.min(row), bottom.max(row)), (left.min(column), right.max(column))));
    };
    for (typ, data) in records(sheet) {
        match typ {
            BOF if seen_bof => depth += 1,
            BOF => seen_bof = true,
            END_OF_FILE if depth == 0 => break,
            END_OF_FILE => depth -= 1,
            _ if depth > 0 => {}
            DIMENSIONS => declared = declared.max(declared_extent(data).ok_or("a sheet's declared size is impossible")?),
            MERGE_CELLS => {
                let ranges = if let [a, b, ..] = *data { usize::from(u16::from_le_bytes([a, b])) } else { 0 };
                if data.len() < 2 + 8 * ranges {
                    return Err("a list of merged cells is cut short");
                }
            }
            _ if CELL_RECORDS.contains(&typ) => {
                // Every cell record starts with its row and column; a MulRk (several cells of a
                // row) ends with its last column.
                let [r0, r1, c0, c1, rest @ ..] = data else { continue };
                cover(u16::from_le_bytes([*r0, *r1]), u16::from_le_bytes([*c0, *c1]));
                if let (MUL_RK, [.., l0, l1]) = (typ, rest) {
                    cover(u16::from_le_bytes([*r0, *r1]), u16::from_le_bytes([*l0, *l1]));
                }
            }
            _ => {}
        }
    }
    let spanned = span.map_or(0, |((top, bottom), (left, right))| (u64::from(bottom - top) + 1) * (u64::from(right - left) + 1));
    Ok(declared.max(spanned))
}

/// The extent a Dimensions record declares, as calamine (`parse_dimensions`) reads it: a first
/// column past 0xFF or past the last counts as 0, and a zero last row or column means one cell.
/// `None` when the last row or column is not past the first (calamine subtracts unchecked).
fn declared_extent(data: &[u8]) -> Option<u64> {
    let word = |a: u8, b: u8| u32::from(u16::from_le_bytes([a, b]));
    let (first_row, last_row, first_column, last_column) = match *data {
        [a, b, c, d, e, f, g, h, _, _] => (word(a, b), word(c, d), word(e, f), word(g, h)),
        [a, b, c, d, e, f, g, h, i, j, k, l, _, _] | [a, b, c, d, e, f, g, h, i, j, k, l, _, _, _, _] => {
            (u32::from_le_bytes([a, b, c, d]), u32::from_le_bytes([e, f, g, h]), word(i, j), word(k, l))
        }
        _ => return Some(0), // a length calamine refuses
    };
    let first_column = if first_column > 0xFF || last_column < first_column { 0 } else { first_column };
    if last_row == 0 || last_column == 0 {
        return Some(1);
    }
    let rows = last_row.checked_sub(first_row).filter(|rows| *rows > 0)?;
    let columns = last_column.checked_sub(first_column).filter(|columns| *columns > 0)?;
    Some(u64::from(rows) * u64::from(columns))
}

/// Runs a third-party parser; a panic on a hostile file becomes an "unreadable" error. The checks
/// above keep the panics found so far from happening; this catches those not found yet. The
/// default panic hook stays: it writes the message to stderr (a terminal, if the app was started
/// from one; never the window, which shows the error), while a hook swapped in here would be
/// global and race with other threads. The release profile keeps unwinding (no
/// `panic = "abort"`), or nothing would be caught. (Under the fuzzer, libFuzzer's hook aborts on
/// every panic, caught or not, so the fuzzer still reports these.)
fn guarded<T>(path: &Path, parse: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(parse)).unwrap_or_else(|_| Err(unreadable(path, "the spreadsheet reader failed on this file")))
}

fn unreadable(path: &Path, reason: impl std::fmt::Display) -> InteropError {
    InteropError::UnreadableFile { path: path.to_path_buf(), expected: EXPECTED, reason: reason.to_string() }
}
