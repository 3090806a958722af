//! Excel in and out: the register (沟通事项跟踪表) and a collaboration's task list (进度跟踪表)
//! with its problems, exported as .xlsx for people who live in Excel, and registers or task
//! lists imported back from .xlsx or .xls.
//!
//! An import is read without trusting the file (`read`: format by content, unpacked size checked
//! before inflating, cells streamed, formulas never evaluated), recognised by its header row
//! (`layout`, shared with the exporter, so what Xiezuo writes it also reads), checked cell by cell
//! (`parse`, `cells`), and then run through the engine's own rules (`import`): a preview keeps
//! nothing, an apply keeps every row or none.

mod cells;
mod export;
mod import;
mod layout;
mod parse;
mod read;

pub use export::{export_register, export_tasks};
pub use import::{import, ImportItem, ImportKind, ImportProblem, ImportReport, RowOutcome};
pub use parse::{parse_bytes, Parsed, MAX_CELL_CHARS};
pub use read::{MAX_CELLS, MAX_UNPACKED_BYTES};

/// A spreadsheet the user picked, and what importing it would do (the desktop's preview).
#[derive(Debug, serde::Serialize, ts_rs::TS)]
pub struct ImportPreview {
    /// The file's name (not its path: the window never handles paths).
    pub file_name: String,
    pub report: ImportReport,
}
