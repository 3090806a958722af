//! The engine's one error type.
//!
//! Every refusal is a structured variant that carries what a person needs to fix the problem (which
//! department lacks a responsibility, which field is missing), and `kind()` gives the stable code that
//! crosses the IPC boundary and the CLI's JSON. Messages here are for logs and scripts; the UI
//! translates `kind` and shows its own sentence.

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

    #[error(
        "database {path} was written by a newer Xiezuo (schema {found}, this app knows {supported}); update the app or open another file"
    )]
    NewerDatabase { path: String, found: i64, supported: i64 },

    #[error("cannot open database {path}: {reason}")]
    OpenFailed { path: String, reason: String },

    #[error("database error: {0}")]
    Database(rusqlite::Error),

    #[error("migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),

    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
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
            Self::NewerDatabase { .. } => "newer_database",
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
}

impl From<rusqlite::Error> for EngineError {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match err.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Busy,
            _ => Self::Database(err),
        }
    }
}

/// The error as it crosses a process boundary: `{kind, message}`, plus what the UI needs to say it in
/// the user's language and put it next to the right input: the offending `field`, and the `items`
/// (departments, responsibility items, deliverables) a gate names.
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
            _ => (None, Vec::new()),
        };
        Self { kind: err.kind().to_string(), message: err.to_string(), field, items }
    }
}
