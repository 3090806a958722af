//! Importing a register or a task list: preview, then apply all or nothing.
//!
//! Both run every row through the engine's own operations inside one `Engine::batch`, so a
//! preview shows exactly the refusals an apply would meet (and keeps nothing), and an apply keeps
//! every row or, if any row has a problem, none. Each row runs in a savepoint of its own, so a
//! refused row leaves no half of itself for the rows after it to see. A row already present (the
//! same number with the same content; the same task of the same department) is reported as
//! unchanged, so importing a file twice adds nothing; a task whose status cells differ from its
//! latest status gets a status update. Other changes to an existing task (its dates, its people)
//! are not applied: dates change only through a change request.

use super::export::RegisterLine;
use super::layout::{column_letter, Field};
use super::parse::{parse_bytes, Compared, Parsed, ParsedRow, Record, RegisterRecord, TaskRecord};
use crate::error::Result;
use crate::files;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use xiezuo_engine::model::TaskStatus;
use xiezuo_engine::task::StatusInput;
use xiezuo_engine::{Engine, EngineError, RegisterQuery, RegisterRow};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Register,
    Tasks,
}

/// Why a row cannot be imported, and where (row and column as Excel shows them).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ImportProblem {
    pub sheet: String,
    pub row: u32,
    /// The column letter (`C`), when the problem is about one cell.
    pub column: Option<String>,
    /// That column's heading in the file.
    pub heading: Option<String>,
    /// A stable code: the engine's error kinds, or `bad_date`, `bad_value`, `formula`,
    /// `cell_error`, `too_long`, `merged_cells`, `missing_field`, `inconsistent`.
    pub kind: String,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum RowOutcome {
    Created,
    /// An existing task got a new status update.
    Updated,
    Unchanged,
    Refused,
}

/// What happens (preview) or happened (apply) to one row.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ImportItem {
    pub row: u32,
    /// The collaboration number, and the task for a task list.
    pub key: String,
    pub outcome: RowOutcome,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ImportReport {
    pub kind: ImportKind,
    pub sheet: String,
    /// Data rows read.
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub problems: Vec<ImportProblem>,
    /// Whether the rows were written (only an apply without problems writes).
    pub applied: bool,
    pub items: Vec<ImportItem>,
    /// Headings of columns the import does not read.
    pub ignored_columns: Vec<String>,
}

/// Reads the spreadsheet at `path` and imports it: `apply` writes every row or none; otherwise the
/// rows are only checked.
pub fn import(engine: &mut Engine, path: &Path, apply: bool) -> Result<ImportReport> {
    let bytes = files::read_input(path)?;
    let parsed = parse_bytes(&bytes, path, engine.today())?;
    import_parsed(engine, &parsed, apply)
}

/// Runs the rows of a read file through the engine, in one batch that `apply` may keep.
fn import_parsed(engine: &mut Engine, parsed: &Parsed, apply: bool) -> Result<ImportReport> {
    let existing: HashMap<String, RegisterRow> = match parsed.kind {
        ImportKind::Register => engine.register(&RegisterQuery::default())?.rows.into_iter().map(|r| (r.number.clone(), r)).collect(),
        ImportKind::Tasks => HashMap::new(),
    };
    let keep = move |report: &ImportReport| apply && report.problems.is_empty();
    let mut report = engine.batch(keep, |engine| {
        let mut report = ImportReport {
            kind: parsed.kind,
            sheet: parsed.sheet.clone(),
            rows: parsed.rows.len(),
            created: 0,
            updated: 0,
            unchanged: 0,
            problems: Vec::new(),
            applied: false,
            items: Vec::new(),
            ignored_columns: parsed.ignored_columns.clone(),
        };
        let mut earlier: HashMap<String, Compared> = HashMap::new();
        for row in &parsed.rows {
            let (outcome, key) = match &row.record {
                Err(problems) => {
                    report.problems.extend(problems.iter().cloned());
                    (RowOutcome::Refused, row_key(row))
                }
                Ok(record) => {
                    let key = record_key(record);
                    let result = engine.batch(
                        |_| true,
                        |engine| match record {
                            Record::Collaboration(r) => import_collaboration(engine, r, &existing, &mut earlier),
                            Record::Task(t) => import_task(engine, t),
                        },
                    );
                    match result {
                        Ok(outcome) => (outcome, key),
                        Err(err) if is_fatal(&err) => return Err(err),
                        Err(err) => {
                            report.problems.push(refusal(&err, row, parsed));
                            (RowOutcome::Refused, key)
                        }
                    }
                }
            };
            match outcome {
                RowOutcome::Created => report.created += 1,
                RowOutcome::Updated => report.updated += 1,
                RowOutcome::Unchanged => report.unchanged += 1,
                RowOutcome::Refused => {}
            }
            report.items.push(ImportItem { row: row.row, key, outcome });
        }
        Ok(report)
    })?;
    report.applied = keep(&report);
    Ok(report)
}

/// A register row: new numbers are imported; a number already there is unchanged when its content
/// is the same, and a conflict otherwise.
fn import_collaboration(
    engine: &mut Engine,
    record: &RegisterRecord,
    existing: &HashMap<String, RegisterRow>,
    earlier: &mut HashMap<String, Compared>,
) -> xiezuo_engine::Result<RowOutcome> {
    let number = record.input.number.trim().to_string();
    let same = match (earlier.get(&number), existing.get(&number)) {
        (Some(first), _) => Some(*first == record.compared),
        (None, Some(row)) => Some(record.compared.matches(&RegisterLine::of(engine, row.clone())?)),
        (None, None) => None,
    };
    match same {
        Some(true) => Ok(RowOutcome::Unchanged),
        Some(false) => Err(EngineError::Duplicate { entity: "collaboration", key: number }),
        None => {
            engine.import_collaboration(record.input.clone())?;
            earlier.insert(number, record.compared.clone());
            Ok(RowOutcome::Created)
        }
    }
}

impl Compared {
    fn matches(&self, line: &RegisterLine) -> bool {
        self.texts.iter().all(|(field, text)| line.text(*field).trim() == text)
            && self.stage.is_none_or(|stage| stage == line.row.stage)
            && self.expected_completion.is_none_or(|date| date == line.expected_completion)
    }
}

/// A task row: a new task of the collaboration is added (with its status, if any); an existing
/// one (same department and title) gets a status update when its status cells differ.
fn import_task(engine: &mut Engine, record: &TaskRecord) -> xiezuo_engine::Result<RowOutcome> {
    let dossier = engine.dossier(&record.task.collaboration)?;
    let (title, department) = (record.task.title.trim(), record.task.department.trim());
    let existing = dossier.tasks.iter().find(|t| t["title"] == title && t["department"] == department);
    let Some(task) = existing else {
        let id = engine.add_task(record.task.clone())?;
        if let Some(status) = record.status_change(&id, &Current::default()) {
            engine.post_status(status)?;
        }
        return Ok(RowOutcome::Created);
    };
    let id = task["id"].as_str().unwrap_or_default().to_string();
    let latest = dossier.status_updates.iter().rev().find(|s| s["task_id"] == task["id"]);
    let current = Current {
        status: serde_json::from_value(task["status"].clone()).unwrap_or(TaskStatus::NotStarted),
        progress: task["progress"].as_u64().and_then(|p| u8::try_from(p).ok()).unwrap_or(0),
        note: latest.and_then(|s| s["note"].as_str()).map(str::to_string),
        on_date: latest.and_then(|s| s["on_date"].as_str()).and_then(|d| d.parse().ok()),
    };
    match record.status_change(&id, &current) {
        Some(status) => {
            engine.post_status(status)?;
            Ok(RowOutcome::Updated)
        }
        None => Ok(RowOutcome::Unchanged),
    }
}

/// A task's status as it stands (a new task: not started, nothing reported).
struct Current {
    status: TaskStatus,
    progress: u8,
    note: Option<String>,
    on_date: Option<chrono::NaiveDate>,
}

impl Default for Current {
    fn default() -> Self {
        Self { status: TaskStatus::NotStarted, progress: 0, note: None, on_date: None }
    }
}

impl TaskRecord {
    /// The status update the row asks for, if its status cells say something new.
    fn status_change(&self, task: &str, current: &Current) -> Option<StatusInput> {
        let differs = self.status.is_some_and(|s| s != current.status)
            || self.progress.is_some_and(|p| p != current.progress)
            || self.note.as_ref().is_some_and(|n| Some(n.trim()) != current.note.as_deref())
            || self.status_date.is_some_and(|d| Some(d) != current.on_date);
        differs.then(|| StatusInput {
            task: task.to_string(),
            status: self.status.unwrap_or(current.status),
            progress: self.progress,
            note: self.note.clone(),
            on_date: self.status_date,
            by: None,
        })
    }
}

/// Failures of the database itself end the import; everything else is a problem of one row.
fn is_fatal(err: &EngineError) -> bool {
    matches!(
        err,
        EngineError::Busy
            | EngineError::Database(_)
            | EngineError::Io(_)
            | EngineError::Migration(_)
            | EngineError::OpenFailed { .. }
            | EngineError::NewerDatabase { .. }
            | EngineError::NotADatabase { .. }
            | EngineError::CorruptDatabase { .. }
            | EngineError::ReadOnlyLocation { .. }
            | EngineError::DiskFull { .. }
    )
}

/// An engine refusal as a problem of the row, pointed at the cell it is about when that is known.
fn refusal(err: &EngineError, row: &ParsedRow, parsed: &Parsed) -> ImportProblem {
    let column = locate(err, row, parsed).and_then(|field| parsed.column(field));
    ImportProblem {
        sheet: parsed.sheet.clone(),
        row: row.row,
        column: column.map(|c| column_letter(c.index)),
        heading: column.map(|c| c.heading.clone()),
        kind: err.kind().to_string(),
        message: err.to_string(),
    }
}

fn locate(err: &EngineError, row: &ParsedRow, parsed: &Parsed) -> Option<Field> {
    match err {
        EngineError::InvalidInput { field, .. } | EngineError::MissingField { field } => field_of(parsed, field),
        EngineError::NotFound { key, .. } | EngineError::Ambiguous { key, .. } | EngineError::Duplicate { key, .. } => {
            row.field_containing(key)
        }
        EngineError::NotParticipant { .. } => Some(match parsed.kind {
            ImportKind::Register => Field::Feedback,
            ImportKind::Tasks => Field::Department,
        }),
        EngineError::StageGate { .. } | EngineError::ReadOnly { .. } => Some(Field::Number),
        _ => None,
    }
}

/// The column an engine input field comes from.
fn field_of(parsed: &Parsed, engine_field: &str) -> Option<Field> {
    let root = engine_field.split('.').next().unwrap_or_default();
    Some(match (parsed.kind, root) {
        (ImportKind::Register, "number") => Field::Number,
        (ImportKind::Register, "title") => Field::Title,
        (ImportKind::Register, "department") => Field::InitiatingDepartment,
        (ImportKind::Register, "background" | "goal") => Field::BackgroundGoal,
        (ImportKind::Register, "progress_note") => Field::Progress,
        (ImportKind::Register, "remarks") => Field::Remarks,
        (ImportKind::Register, "milestones") => Field::KeyDates,
        (ImportKind::Register, "communications") => Field::Communications,
        (ImportKind::Register, "feedback") => Field::Feedback,
        (ImportKind::Register, "departments") if parsed.column(Field::Partners).is_some() => Field::Partners,
        (ImportKind::Register, "departments") => Field::Contacts,
        (ImportKind::Tasks, "title") => Field::Task,
        (ImportKind::Tasks, "department") => Field::Department,
        (ImportKind::Tasks, "person" | "responsible") => Field::Responsible,
        (ImportKind::Tasks, "collaborators") => Field::Collaborators,
        (ImportKind::Tasks, "start_date") => Field::Start,
        (ImportKind::Tasks, "end_date") => Field::End,
        (ImportKind::Tasks, "deliverable") => Field::Deliverable,
        (ImportKind::Tasks, "progress") => Field::Percent,
        (ImportKind::Tasks, "note") => Field::StatusNote,
        (ImportKind::Tasks, "on_date") => Field::StatusDate,
        _ => return None,
    })
}

fn record_key(record: &Record) -> String {
    match record {
        Record::Collaboration(r) => r.input.number.trim().to_string(),
        Record::Task(t) => format!("{} {}", t.task.collaboration.trim(), t.task.title.trim()),
    }
}

/// A refused row's key, from its cells.
fn row_key(row: &ParsedRow) -> String {
    let cell = |field: Field| row.texts.iter().find(|(f, _)| *f == field).map(|(_, t)| t.trim().to_string()).unwrap_or_default();
    [cell(Field::Number), cell(Field::Task)].iter().filter(|t| !t.is_empty()).cloned().collect::<Vec<_>>().join(" ")
}
