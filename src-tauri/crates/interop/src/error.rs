//! One error type for every interop format, so the CLI and the desktop report a bad file the same
//! way: a stable `kind` code, the file, and where in it (sheet, row, column) when that is known.

use std::path::{Path, PathBuf};
use xiezuo_engine::{EngineError, ErrorPayload};
use xiezuo_forms::FormsError;

pub type Result<T> = std::result::Result<T, InteropError>;

/// Where in a file a problem is: a sheet's row and column (both 1-based, as Excel shows them).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Location {
    pub sheet: Option<String>,
    pub row: Option<u32>,
    pub column: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum InteropError {
    /// The engine refused (not found, stage gate, read-only, …).
    #[error(transparent)]
    Engine(#[from] EngineError),

    #[error("documents: {0}")]
    Forms(#[from] FormsError),

    /// The file is not of the kind expected (e.g. a PDF renamed .xlsx), or is damaged.
    #[error("{path}: not a readable {expected} file: {reason}")]
    UnreadableFile { path: PathBuf, expected: &'static str, reason: String },

    /// The file, or a part of it once unpacked, is larger than the app accepts.
    #[error("{path}: too large ({size} bytes, at most {limit})")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },

    /// A value in a file is wrong; `at` says where.
    #[error("{path}{}: {reason}", describe(.at))]
    BadValue { path: PathBuf, at: Location, reason: String },

    /// An output path is outside the folder the user chose, or names something that exists.
    #[error("{path}: {reason}")]
    UnsafePath { path: PathBuf, reason: String },

    /// The target exists and would be overwritten.
    #[error("{path} already exists")]
    AlreadyExists { path: PathBuf },

    /// An archive package does not match its manifest.
    #[error("{path}: archive does not match its manifest: {problems:?}")]
    ManifestMismatch { path: PathBuf, problems: Vec<String> },

    /// A scan has no readable Xiezuo QR code.
    #[error("{path}: no Xiezuo QR code found")]
    NoQrCode { path: PathBuf },

    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },

    /// A spreadsheet with nothing in it (no sheet, or only empty sheets).
    #[error("{path}: the spreadsheet is empty{}", .sheet.as_ref().map(|s| format!(" (sheet {s})")).unwrap_or_default())]
    EmptySheet { path: PathBuf, sheet: Option<String> },

    /// A spreadsheet whose header row is neither a register's nor a task list's.
    #[error("{path} (sheet {sheet}): no register or task-list header row; found {headers:?}")]
    UnknownLayout { path: PathBuf, sheet: String, headers: Vec<String> },
}

fn describe(at: &Location) -> String {
    let mut parts = Vec::new();
    if let Some(sheet) = &at.sheet {
        parts.push(format!("sheet {sheet}"));
    }
    if let Some(row) = at.row {
        parts.push(format!("row {row}"));
    }
    if let Some(column) = &at.column {
        parts.push(format!("column {column}"));
    }
    if parts.is_empty() { String::new() } else { format!(" ({})", parts.join(", ")) }
}

impl InteropError {
    /// A stable code for the UI to translate; engine errors keep the engine's own codes.
    pub fn kind(&self) -> &'static str {
        match self {
            InteropError::Engine(e) => e.kind(),
            InteropError::Forms(e) => e.kind(),
            InteropError::UnreadableFile { .. } => "unreadable_file",
            InteropError::TooLarge { .. } => "file_too_large",
            InteropError::BadValue { .. } => "bad_value",
            InteropError::UnsafePath { .. } => "unsafe_path",
            InteropError::AlreadyExists { .. } => "already_exists",
            InteropError::ManifestMismatch { .. } => "manifest_mismatch",
            InteropError::NoQrCode { .. } => "no_qr_code",
            InteropError::Io { .. } => "io",
            InteropError::EmptySheet { .. } => "empty_sheet",
            InteropError::UnknownLayout { .. } => "unknown_layout",
        }
    }

    pub fn io(path: &Path, source: std::io::Error) -> Self {
        InteropError::Io { path: path.to_path_buf(), source }
    }
}

impl From<&InteropError> for ErrorPayload {
    fn from(err: &InteropError) -> Self {
        match err {
            InteropError::Engine(e) => ErrorPayload::from(e),
            InteropError::ManifestMismatch { problems, .. } => {
                ErrorPayload { kind: err.kind().into(), message: err.to_string(), field: None, items: problems.clone() }
            }
            InteropError::BadValue { at, .. } => {
                ErrorPayload { kind: err.kind().into(), message: err.to_string(), field: at.column.clone(), items: Vec::new() }
            }
            _ => ErrorPayload { kind: err.kind().into(), message: err.to_string(), field: None, items: Vec::new() },
        }
    }
}

/// Writing the command line's or a file's output failed.
impl From<std::io::Error> for InteropError {
    fn from(err: std::io::Error) -> Self {
        InteropError::Engine(EngineError::Io(err))
    }
}
