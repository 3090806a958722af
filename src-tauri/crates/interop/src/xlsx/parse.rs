//! From a spreadsheet to import records, without a database: the header row says whether a sheet
//! is a register or a task list (in Chinese or English, a title row or two may sit above it), and
//! each row below it is checked cell by cell and turned into the engine's inputs. Cell-level
//! problems (a date that is not a date, a formula without a saved value, a merged cell, a cell
//! longer than Excel allows) are collected per row with the row and column Excel shows; rules
//! about the records themselves are left to the engine, which the importer runs next.

use super::cells;
use super::import::{ImportKind, ImportProblem};
use super::layout::{column_letter, parse_stage, parse_status, Column, Field, REGISTER, REGISTER_REQUIRED, TASKS, TASKS_REQUIRED};
use super::read::{Sheet, Value, Workbook};
use crate::error::{InteropError, Result};
use crate::Location;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use std::path::Path;
use xiezuo_engine::import::{ImportedCollaboration, ImportedPartner};
use xiezuo_engine::model::{Stage, TaskStatus};
use xiezuo_engine::task::TaskInput;

/// Text longer than an Excel cell can hold did not come from Excel; it is refused.
pub const MAX_CELL_CHARS: usize = 32_767;
/// How many filled rows from the top are searched for the header row.
const HEADER_SEARCH_ROWS: usize = 10;
/// No heading is longer; a longer cell is not looked at as one.
const MAX_HEADING_CHARS: usize = 40;

/// A spreadsheet read and checked, before anything is written.
#[derive(Debug)]
pub struct Parsed {
    pub(crate) kind: ImportKind,
    pub(crate) sheet: String,
    pub(crate) columns: Vec<Located>,
    pub(crate) ignored_columns: Vec<String>,
    pub(crate) rows: Vec<ParsedRow>,
}

impl Parsed {
    pub fn kind(&self) -> ImportKind {
        self.kind
    }

    /// How many data rows the sheet has.
    pub fn rows(&self) -> usize {
        self.rows.len()
    }

    /// The problems found in the cells themselves.
    pub fn problems(&self) -> impl Iterator<Item = &ImportProblem> {
        self.rows.iter().filter_map(|r| r.record.as_ref().err()).flatten()
    }

    pub(crate) fn column(&self, field: Field) -> Option<&Located> {
        self.columns.iter().find(|c| c.field == field)
    }
}

/// A column found in the header row.
#[derive(Debug, Clone)]
pub(crate) struct Located {
    pub field: Field,
    /// 0-based.
    pub index: u32,
    pub heading: String,
}

#[derive(Debug)]
pub(crate) struct ParsedRow {
    /// As Excel numbers it (1-based).
    pub row: u32,
    /// Every known column's cell as text, to find the cell an engine refusal is about.
    pub texts: Vec<(Field, String)>,
    pub record: std::result::Result<Record, Vec<ImportProblem>>,
}

impl ParsedRow {
    /// The first column whose cell mentions `key` (a name the engine did not find, say).
    pub fn field_containing(&self, key: &str) -> Option<Field> {
        let key = key.trim();
        (!key.is_empty()).then(|| self.texts.iter().find(|(_, text)| text.contains(key)).map(|(field, _)| *field)).flatten()
    }
}

#[derive(Debug)]
pub(crate) enum Record {
    Collaboration(Box<RegisterRecord>),
    Task(Box<TaskRecord>),
}

#[derive(Debug)]
pub(crate) struct RegisterRecord {
    pub input: ImportedCollaboration,
    pub compared: Compared,
}

/// What a register row says, in the terms two rows are compared in: the same number with the same
/// content is the same row again (a re-import), with other content a conflict.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Compared {
    pub texts: Vec<(Field, String)>,
    /// When the sheet has the column.
    pub stage: Option<Stage>,
    pub expected_completion: Option<Option<NaiveDate>>,
}

#[derive(Debug)]
pub(crate) struct TaskRecord {
    pub task: TaskInput,
    pub status: Option<TaskStatus>,
    pub progress: Option<u8>,
    pub note: Option<String>,
    pub status_date: Option<NaiveDate>,
}

/// Reads a spreadsheet's bytes (`path` names it in errors) into import records. `today` dates the
/// register's communications, which are written without a year.
pub fn parse_bytes(bytes: &[u8], path: &Path, today: NaiveDate) -> Result<Parsed> {
    let mut book = Workbook::open(bytes, path)?;
    let names = book.sheet_names();
    let mut first_filled: Option<(String, Vec<String>)> = None;
    for name in &names {
        let sheet = book.sheet(name, path)?;
        if let Some(header) = find_header(&sheet, path)? {
            return Ok(parse_sheet(&sheet, header, today));
        }
        if first_filled.is_none() {
            first_filled = sheet.cells.keys().next().map(|(row, _)| (name.clone(), row_texts(&sheet, *row)));
        }
    }
    Err(match first_filled {
        Some((sheet, headers)) => InteropError::UnknownLayout { path: path.to_path_buf(), sheet, headers },
        None => InteropError::EmptySheet { path: path.to_path_buf(), sheet: names.into_iter().next() },
    })
}

struct Header {
    kind: ImportKind,
    /// 0-based.
    row: u32,
    columns: Vec<Located>,
    ignored: Vec<String>,
}

/// The first cells of a row, shortened, to say what a sheet starts with.
fn row_texts(sheet: &Sheet, row: u32) -> Vec<String> {
    let cells = sheet.cells.range((row, 0)..=(row, u32::MAX)).filter_map(|(_, v)| display(v));
    cells.take(20).map(|text| text.trim().chars().take(MAX_HEADING_CHARS).collect()).collect()
}

/// The first of the top rows that names every required column of a register or a task list.
fn find_header(sheet: &Sheet, path: &Path) -> Result<Option<Header>> {
    let mut rows: Vec<u32> = sheet.cells.keys().map(|(row, _)| *row).collect();
    rows.dedup();
    let layouts: [(ImportKind, &[Column], &[Field]); 2] =
        [(ImportKind::Register, &REGISTER, &REGISTER_REQUIRED), (ImportKind::Tasks, &TASKS, &TASKS_REQUIRED)];
    for row in rows.into_iter().take(HEADER_SEARCH_ROWS) {
        let headings: Vec<(u32, &str)> = sheet
            .cells
            .range((row, 0)..=(row, u32::MAX))
            .filter_map(|((_, column), v)| match v {
                Value::Text(text) if text.len() <= MAX_HEADING_CHARS * 4 => Some((*column, text.as_str())),
                _ => None,
            })
            .collect();
        for (kind, layout, required) in layouts {
            let mut columns: Vec<Located> = Vec::new();
            let mut ignored = Vec::new();
            let mut repeated = None;
            for (index, heading) in &headings {
                match layout.iter().find(|c| c.is_named(heading)) {
                    Some(c) if columns.iter().any(|l| l.field == c.field) => repeated = repeated.or(Some((*index, *heading))),
                    Some(c) => columns.push(Located { field: c.field, index: *index, heading: heading.trim().to_string() }),
                    None => ignored.push(heading.trim().to_string()),
                }
            }
            if !required.iter().all(|f| columns.iter().any(|l| l.field == *f)) {
                continue;
            }
            if let Some((index, heading)) = repeated {
                return Err(InteropError::BadValue {
                    path: path.to_path_buf(),
                    at: Location { sheet: Some(sheet.name.clone()), row: Some(row + 1), column: Some(column_letter(index)) },
                    reason: format!("the column {} appears twice", heading.trim()),
                });
            }
            return Ok(Some(Header { kind, row, columns, ignored }));
        }
    }
    Ok(None)
}

fn parse_sheet(sheet: &Sheet, header: Header, today: NaiveDate) -> Parsed {
    let merged = merged_problems(sheet, &header);
    let first = header.row + 1;
    let last = sheet.last_row().unwrap_or(header.row);
    let mut rows = Vec::new();
    for row in first..=last {
        let blank = |v: &Value| matches!(v, Value::Text(t) if t.trim().is_empty());
        if !header.columns.iter().any(|c| sheet.get(row, c.index).is_some_and(|v| !blank(v))) {
            continue;
        }
        let texts: Vec<(Field, String)> =
            header.columns.iter().filter_map(|c| sheet.get(row, c.index).and_then(display).map(|t| (c.field, t))).collect();
        let mut cells = Cells { sheet, row, columns: &header.columns, problems: merged.get(&row).cloned().unwrap_or_default() };
        let record = match header.kind {
            ImportKind::Register => Record::Collaboration(Box::new(register_record(&mut cells, today))),
            ImportKind::Tasks => Record::Task(Box::new(task_record(&mut cells))),
        };
        let record = if cells.problems.is_empty() { Ok(record) } else { Err(cells.problems) };
        rows.push(ParsedRow { row: row + 1, texts, record });
    }
    Parsed { kind: header.kind, sheet: sheet.name.clone(), columns: header.columns, ignored_columns: header.ignored, rows }
}

/// A merged region below the header leaves every row but its first without a value: each row it
/// covers gets a problem rather than a guess.
fn merged_problems(sheet: &Sheet, header: &Header) -> HashMap<u32, Vec<ImportProblem>> {
    let mut out: HashMap<u32, Vec<ImportProblem>> = HashMap::new();
    let last = sheet.last_row().unwrap_or(header.row);
    for region in sheet.merged.iter().filter(|r| r.end.0 > header.row) {
        let (top, left) = region.start;
        let (bottom, right) = region.end;
        let range = format!("{}{}:{}{}", column_letter(left), top + 1, column_letter(right), bottom + 1);
        let heading = header.columns.iter().find(|c| c.index == left).map(|c| c.heading.clone());
        for row in top.max(header.row + 1)..=bottom.min(last) {
            out.entry(row).or_default().push(ImportProblem {
                sheet: sheet.name.clone(),
                row: row + 1,
                column: Some(column_letter(left)),
                heading: heading.clone(),
                kind: "merged_cells".into(),
                message: format!("cells {range} are merged; unmerge them and fill in every row"),
            });
        }
    }
    out
}

fn register_record(c: &mut Cells, today: NaiveDate) -> RegisterRecord {
    let number = c.text(Field::Number);
    let progress = c.text(Field::Progress);
    let given_stage = c.text(Field::Stage);
    let stage = if given_stage.trim().is_empty() {
        // Without a stage column, a progress cell that is a stage's name gives it; else a draft.
        parse_stage(&progress).unwrap_or(Stage::Draft)
    } else {
        parse_stage(&given_stage).unwrap_or_else(|| {
            c.problem(Field::Stage, "bad_value", format!("'{}' is not a stage", given_stage.trim()));
            Stage::Draft
        })
    };
    let progress_note = if progress.trim() == stage.label_zh() { String::new() } else { progress.clone() };

    let (initiator_contact, contacts) = cells::contacts(&c.text(Field::Contacts));
    let departments: Vec<ImportedPartner> = if c.has(Field::Partners) {
        let partners = cells::partners(&c.text(Field::Partners));
        let implied: Vec<&String> = partners.iter().filter_map(|(_, contact)| contact.as_ref()).collect();
        if c.has(Field::Contacts) && implied != contacts.iter().collect::<Vec<_>>() {
            let message = format!("names the collaborators' contacts {contacts:?}, but the departments column names {implied:?}");
            c.problem(Field::Contacts, "inconsistent", message);
        }
        partners.into_iter().map(|(department, contact)| ImportedPartner { department: Some(department), contact }).collect()
    } else {
        contacts.into_iter().map(|contact| ImportedPartner { department: None, contact: Some(contact) }).collect()
    };

    let (background, goal) = cells::background_goal(&c.text(Field::BackgroundGoal));
    let year = number_year(&number).unwrap_or(today.year());
    let milestones = c.parsed(Field::KeyDates, "bad_date", |text| cells::key_dates(text, year));
    let communications = c.parsed(Field::Communications, "bad_value", |text| cells::communications(text, today));
    let feedback = c.parsed(Field::Feedback, "bad_value", cells::feedback);
    let expected_completion = c.date(Field::ExpectedCompletion);
    let owner = Some(c.text(Field::Owner)).filter(|o| !o.trim().is_empty());

    let text_fields: Vec<Field> =
        REGISTER.iter().map(|col| col.field).filter(|f| c.has(*f) && !matches!(f, Field::Stage | Field::ExpectedCompletion)).collect();
    let compared = Compared {
        texts: text_fields.into_iter().map(|f| (f, c.text(f).trim().to_string())).collect(),
        stage: c.has(Field::Stage).then_some(stage),
        expected_completion: c.has(Field::ExpectedCompletion).then_some(expected_completion),
    };
    let input = ImportedCollaboration {
        number,
        title: c.text(Field::Title),
        stage,
        initiating_department: c.text(Field::InitiatingDepartment),
        initiator_contact,
        owner,
        background,
        goal,
        expected_completion,
        progress_note,
        remarks: c.text(Field::Remarks),
        departments,
        milestones,
        communications,
        feedback,
    };
    RegisterRecord { input, compared }
}

fn task_record(c: &mut Cells) -> TaskRecord {
    let collaboration = c.required(Field::Number);
    let start_date = c.required_date(Field::Start);
    let end_date = c.required_date(Field::End);
    let status_text = c.text(Field::Status);
    let status = match status_text.trim() {
        "" => None,
        text => parse_status(text).or_else(|| c.refuse(Field::Status, "bad_value", format!("'{text}' is not a task status"))),
    };
    let task = TaskInput {
        collaboration,
        department: c.text(Field::Department),
        title: c.text(Field::Task),
        responsible: c.text(Field::Responsible),
        collaborators: cells::names(&c.text(Field::Collaborators)),
        start_date: start_date.unwrap_or_default(),
        end_date: end_date.unwrap_or_default(),
        deliverable: c.text(Field::Deliverable),
    };
    let note = Some(c.text(Field::StatusNote)).filter(|n| !n.trim().is_empty());
    TaskRecord { task, status, progress: c.percent(Field::Percent), note, status_date: c.date(Field::StatusDate) }
}

/// The year in a number such as `XZ-2026-001`.
fn number_year(number: &str) -> Option<i32> {
    number.split('-').find(|part| part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit())).and_then(|y| y.parse().ok())
}

/// A cell's value as text, or `None` for values that are not (errors, formulas without a value).
fn display(value: &Value) -> Option<String> {
    Some(match value {
        Value::Text(text) => text.clone(),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Value::Date(d) => d.to_string(),
        Value::Error(_) | Value::UncomputedFormula => return None,
    })
}

/// One data row's cells, collecting the problems found while reading them.
struct Cells<'a> {
    sheet: &'a Sheet,
    /// 0-based.
    row: u32,
    columns: &'a [Located],
    problems: Vec<ImportProblem>,
}

impl Cells<'_> {
    fn has(&self, field: Field) -> bool {
        self.columns.iter().any(|c| c.field == field)
    }

    fn value(&self, field: Field) -> Option<&Value> {
        self.columns.iter().find(|c| c.field == field).and_then(|c| self.sheet.get(self.row, c.index))
    }

    /// Records a problem with this row's cell of `field` (once: a cell read twice is reported
    /// once, and an empty cell that already has a problem is not also reported as missing).
    fn problem(&mut self, field: Field, kind: &str, message: String) {
        let column = self.columns.iter().find(|c| c.field == field);
        let letter = column.map(|c| column_letter(c.index));
        if self.problems.iter().any(|p| p.column == letter && (p.kind == kind || kind == "missing_field")) {
            return;
        }
        self.problems.push(ImportProblem {
            sheet: self.sheet.name.clone(),
            row: self.row + 1,
            column: letter,
            heading: column.map(|c| c.heading.clone()),
            kind: kind.to_string(),
            message,
        });
    }

    /// `problem`, as the value a cell that could not be read stands for.
    fn refuse<T>(&mut self, field: Field, kind: &str, message: String) -> Option<T> {
        self.problem(field, kind, message);
        None
    }

    /// The cell as text ("" when empty); a cell that has no usable text is a problem.
    fn text(&mut self, field: Field) -> String {
        let Some(value) = self.value(field).cloned() else { return String::new() };
        let unusable = match &value {
            Value::Text(text) if text.chars().count() > MAX_CELL_CHARS => {
                Some(("too_long", format!("{} characters; a cell holds at most {MAX_CELL_CHARS}", text.chars().count())))
            }
            Value::Error(error) => Some(("cell_error", format!("the cell shows the error {error}"))),
            Value::UncomputedFormula => {
                Some(("formula", "a formula without a saved result (formulas are not calculated here; paste its value)".to_string()))
            }
            _ => None,
        };
        match unusable {
            Some((kind, message)) => {
                self.problem(field, kind, message);
                String::new()
            }
            None => display(&value).unwrap_or_default(),
        }
    }

    fn required(&mut self, field: Field) -> String {
        let text = self.text(field);
        if text.trim().is_empty() {
            self.problem(field, "missing_field", "this cell must be filled in".to_string());
        }
        text
    }

    /// A date cell, or a date typed as text (2026-10-12, 2026/10/12, 2026年10月12日).
    fn date(&mut self, field: Field) -> Option<NaiveDate> {
        match self.value(field).cloned()? {
            Value::Date(date) => Some(date),
            Value::Number(serial) => excel_serial_date(serial)
                .or_else(|| self.refuse(field, "bad_date", format!("{serial} is not a date (type it as 2026-10-12)"))),
            Value::Text(text) if text.trim().is_empty() => None,
            Value::Text(text) if text.chars().count() <= 40 => cells::date(&text)
                .or_else(|| self.refuse(field, "bad_date", format!("'{}' is not a date (type it as 2026-10-12)", text.trim()))),
            _ => {
                // Errors, formulas without a value and overlong text are reported as such.
                let before = self.problems.len();
                let text = self.text(field);
                if self.problems.len() > before {
                    return None;
                }
                self.refuse(field, "bad_date", format!("'{text}' is not a date (type it as 2026-10-12)"))
            }
        }
    }

    fn required_date(&mut self, field: Field) -> Option<NaiveDate> {
        let date = self.date(field);
        if date.is_none() && self.value(field).is_none() {
            self.problem(field, "missing_field", "this date must be filled in".to_string());
        }
        date
    }

    /// A progress from 0 to 100: `60`, `60%`, or a percent-formatted 0.6.
    fn percent(&mut self, field: Field) -> Option<u8> {
        let number = match self.value(field).cloned()? {
            Value::Number(n) if n.fract() != 0.0 && (0.0..=1.0).contains(&n) => n * 100.0,
            Value::Number(n) => n,
            _ => {
                let text = self.text(field);
                let text = text.trim().trim_end_matches(['%', '％']).trim();
                if text.is_empty() {
                    return None;
                }
                text.parse::<f64>().unwrap_or(f64::NAN)
            }
        };
        if (0.0..=100.0).contains(&number) {
            Some(number.round() as u8)
        } else {
            self.refuse(field, "bad_value", "a progress is a number from 0 to 100".to_string())
        }
    }

    /// A composite cell read by `parse`; a cell it cannot read is a problem of `kind`.
    fn parsed<T>(&mut self, field: Field, kind: &str, parse: impl FnOnce(&str) -> std::result::Result<Vec<T>, String>) -> Vec<T> {
        let text = self.text(field);
        parse(&text).unwrap_or_else(|message| {
            self.problem(field, kind, message);
            Vec::new()
        })
    }
}

/// An Excel serial day number typed into a cell without a date format (1900 system; days from
/// 1 March 1900, before which Excel's calendar has its leap-year bug).
fn excel_serial_date(serial: f64) -> Option<NaiveDate> {
    if serial.fract() != 0.0 || !(61.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(serial as u64))
}
