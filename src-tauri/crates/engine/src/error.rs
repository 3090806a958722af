//! The engine's one error type.
//!
//! Every refusal is a structured variant that carries what a person needs to fix the problem (which
//! department lacks a responsibility, which field is missing), and `kind()` gives the stable code that
//! crosses the IPC boundary and the CLI's JSON. Messages here are for logs and scripts; the UI
//! translates `kind` and shows its own sentence.
//!
//! A database file the engine must not or cannot work on (not ours, damaged, newer, read-only, on a
//! full disk) has a kind of its own, so the desktop app can show a recovery screen instead of a
//! generic failure; these messages name the file and the way out, because the CLI prints them as
//! they are.

use crate::calendar::CalendarError;

pub type Result<T, E = EngineError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("{entity} not found: {key}")]
    NotFound { entity: &'static str, key: String },

    #[error("{entity} '{key}' is ambiguous; use its id")]
    Ambiguous { entity: &'static str, key: String },

    #[error("invalid {field}: {reason}")]
    InvalidInput { field: String, reason: String },

    #[error("missing required field: {field}")]
    MissingField { field: String },

    #[error("{entity} already exists: {key}")]
    Duplicate { entity: &'static str, key: String },

    #[error("not allowed at stage {stage}: {reason}")]
    StageGate { stage: String, reason: String },

    #[error("collaboration {number} is archived and read-only")]
    ReadOnly { number: String },

    #[error("departments without responsibilities: {departments:?}")]
    ResponsibilityGap { departments: Vec<String> },

    #[error("responsibility items owned by more than one department: {items:?}")]
    ResponsibilityOverlap { items: Vec<String> },

    #[error("departments have not confirmed revision {revision}: {departments:?}")]
    NotConfirmed { revision: i64, departments: Vec<String> },

    #[error("{person} is not on the initiating department's side")]
    NotInitiator { person: String },

    #[error("department {department} does not take part in this collaboration")]
    NotParticipant { department: String },

    #[error("{entity} already decided: {key}")]
    AlreadyDecided { entity: &'static str, key: String },

    #[error("deliverable '{deliverable}' has no self-check")]
    SelfCheckMissing { deliverable: String },

    #[error("a failed review needs at least one rectification item with a deadline")]
    RectificationRequired,

    #[error("deliverables not yet passed: {deliverables:?}")]
    DeliverablesNotPassed { deliverables: Vec<String> },

    #[error("calendar: {0}")]
    Calendar(#[from] CalendarError),

    #[error("database is busy (another program is writing); try again")]
    Busy,

    #[error("{path} is not a Xiezuo database ({reason}); it was left untouched: {}", WayOut::OtherFile(path))]
    NotADatabase { path: String, reason: String },

    #[error("{} is damaged ({reason}); it was left untouched: {}", Db(path), WayOut::Restore(path))]
    CorruptDatabase { path: String, reason: String },

    #[error(
        "{} was written by a newer Xiezuo (schema {found}, this app knows {supported}); it was left untouched: update the app, or {}",
        Db(path),
        WayOut::Restore(path)
    )]
    NewerDatabase { path: String, found: i64, supported: i64 },

    #[error("{} cannot be written ({reason}): {}", Db(path), WayOut::Writable)]
    ReadOnlyLocation { path: String, reason: String },

    #[error(
        "no space left on the disk of {}; the change was not written: free some space, or move the database to another disk (--db)",
        Db(path)
    )]
    DiskFull { path: String },

    #[error("cannot open database {path}: {reason}")]
    OpenFailed { path: String, reason: String },

    #[error("database error: {0}")]
    Database(rusqlite::Error),

    #[error("migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),

    #[error("i/o error: {0}")]
    Io(std::io::Error),
}

/// "database <path>", or "the database" when a run-time error does not know its file.
struct Db<'a>(&'a str);

impl std::fmt::Display for Db<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            "" => f.write_str("the database"),
            path => write!(f, "database {path}"),
        }
    }
}

/// The way out a database refusal names, so every message ends with something a person can do.
enum WayOut<'a> {
    /// A damaged or newer database: bring back a backup, or work on another file.
    Restore(&'a str),
    /// A file that is not ours: point the app at another file, or bring back a backup.
    OtherFile(&'a str),
    /// A read-only file, folder or file system.
    Writable,
}

impl std::fmt::Display for WayOut<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let backups = |path: &str| match path {
            "" => "the `backups` folder beside the database".to_string(),
            path => crate::db::backup_dir(std::path::Path::new(path)).display().to_string(),
        };
        match self {
            Self::Restore(path) => {
                write!(f, "restore a backup (`xiezuo restore FILE`, backups in {}) or use another file (--db)", backups(path))
            }
            Self::OtherFile(path) => {
                write!(f, "use another file (--db), or restore a backup (`xiezuo restore FILE`, backups in {})", backups(path))
            }
            Self::Writable => write!(f, "make the file and its folder writable, or move the database to a writable folder (--db)"),
        }
    }
}

impl EngineError {
    /// The stable snake_case code of this error, for IPC, the CLI and tests.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::NotFound { .. } => "not_found",
            Self::Ambiguous { .. } => "ambiguous",
            Self::InvalidInput { .. } => "invalid_input",
            Self::MissingField { .. } => "missing_field",
            Self::Duplicate { .. } => "duplicate",
            Self::StageGate { .. } => "stage_gate",
            Self::ReadOnly { .. } => "read_only",
            Self::ResponsibilityGap { .. } => "responsibility_gap",
            Self::ResponsibilityOverlap { .. } => "responsibility_overlap",
            Self::NotConfirmed { .. } => "not_confirmed",
            Self::NotInitiator { .. } => "not_initiator",
            Self::NotParticipant { .. } => "not_participant",
            Self::AlreadyDecided { .. } => "already_decided",
            Self::SelfCheckMissing { .. } => "self_check_missing",
            Self::RectificationRequired => "rectification_required",
            Self::DeliverablesNotPassed { .. } => "deliverables_not_passed",
            Self::Calendar(_) => "calendar",
            Self::Busy => "busy",
            Self::NotADatabase { .. } => "not_a_database",
            Self::CorruptDatabase { .. } => "corrupt_database",
            Self::NewerDatabase { .. } => "newer_database",
            Self::ReadOnlyLocation { .. } => "read_only_location",
            Self::DiskFull { .. } => "disk_full",
            Self::OpenFailed { .. } => "open_failed",
            Self::Database(_) => "database",
            Self::Migration(_) => "migration",
            Self::Io(_) => "io",
        }
    }

    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::InvalidInput { field: field.into(), reason: reason.into() }
    }

    pub(crate) fn missing(field: impl Into<String>) -> Self {
        Self::MissingField { field: field.into() }
    }

    pub(crate) fn stage(stage: impl std::fmt::Display, reason: impl Into<String>) -> Self {
        Self::StageGate { stage: stage.to_string(), reason: reason.into() }
    }

    pub(crate) fn not_found(entity: &'static str, key: impl Into<String>) -> Self {
        Self::NotFound { entity, key: key.into() }
    }

    /// The database file this error is about, for the refusals that name one.
    pub fn database_path(&self) -> Option<&str> {
        match self {
            Self::NotADatabase { path, .. }
            | Self::CorruptDatabase { path, .. }
            | Self::NewerDatabase { path, .. }
            | Self::ReadOnlyLocation { path, .. }
            | Self::DiskFull { path }
            | Self::OpenFailed { path, .. } => Some(path),
            _ => None,
        }
    }

    /// Names `path` in a database refusal that was found at run time, where SQLite's error does
    /// not say which file it is about (an error that already names its file keeps it).
    pub fn at_database(mut self, database: &std::path::Path) -> Self {
        if let Self::CorruptDatabase { path, .. } | Self::ReadOnlyLocation { path, .. } | Self::DiskFull { path } = &mut self {
            if path.is_empty() {
                *path = database.display().to_string();
            }
        }
        self
    }
}

/// SQLite's verdicts on the file itself become the database refusals (without a path: the
/// connection's owner adds it with `at_database`); the write lock held too long is `Busy`.
impl From<rusqlite::Error> for EngineError {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        let path = String::new();
        // Growing the WAL's shared-memory file fails this way when the disk has no space left.
        let shm_full = matches!(&err, rusqlite::Error::SqliteFailure(e, _) if e.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE);
        match err.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Busy,
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => Self::CorruptDatabase { path, reason: err.to_string() },
            Some(ErrorCode::DiskFull) => Self::DiskFull { path },
            _ if shm_full => Self::DiskFull { path },
            Some(ErrorCode::ReadOnly) => Self::ReadOnlyLocation { path, reason: err.to_string() },
            _ => Self::Database(err),
        }
    }
}

/// A full disk or a read-only file system is the same problem whether SQLite or a plain file
/// write (a backup, a moved-aside database) runs into it.
impl From<std::io::Error> for EngineError {
    fn from(err: std::io::Error) -> Self {
        match err.kind() {
            std::io::ErrorKind::StorageFull => Self::DiskFull { path: String::new() },
            std::io::ErrorKind::ReadOnlyFilesystem => Self::ReadOnlyLocation { path: String::new(), reason: err.to_string() },
            _ => Self::Io(err),
        }
    }
}

/// The error as it crosses a process boundary: `{kind, message}`, plus what the UI needs to say it in
/// the user's language and put it next to the right input: the offending `field`, and the `items`
/// (departments, responsibility items, deliverables) a gate names, or the database file a
/// database refusal is about.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, PartialEq, ts_rs::TS)]
pub struct ErrorPayload {
    pub kind: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
}

impl ErrorPayload {
    /// An error that did not come from the engine (a broken IPC call, a panicked worker thread).
    pub fn internal(message: impl Into<String>) -> Self {
        Self { kind: "internal".into(), message: message.into(), field: None, items: Vec::new() }
    }
}

impl From<&EngineError> for ErrorPayload {
    fn from(err: &EngineError) -> Self {
        let (field, items) = match err {
            EngineError::InvalidInput { field, .. } | EngineError::MissingField { field } => (Some(field.clone()), Vec::new()),
            EngineError::ResponsibilityGap { departments } | EngineError::NotConfirmed { departments, .. } => (None, departments.clone()),
            EngineError::ResponsibilityOverlap { items } => (None, items.clone()),
            EngineError::DeliverablesNotPassed { deliverables } => (None, deliverables.clone()),
            EngineError::NotParticipant { department } => (None, vec![department.clone()]),
            EngineError::SelfCheckMissing { deliverable } => (None, vec![deliverable.clone()]),
            EngineError::ReadOnly { number } => (None, vec![number.clone()]),
            _ => (None, err.database_path().filter(|p| !p.is_empty()).map(str::to_string).into_iter().collect()),
        };
        Self { kind: err.kind().to_string(), message: err.to_string(), field, items }
    }
}
