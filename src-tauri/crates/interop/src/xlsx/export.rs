//! Writing the register and a collaboration's tasks and problems as .xlsx workbooks people sort,
//! filter and print: a styled header row frozen in place with an autofilter, sensible widths,
//! wrapped long text, and dates as real Excel dates. Every value from a record is written as a
//! string cell (`write_string`, never `write`), so a title that starts with `=` stays text and no
//! user text ever becomes a formula.

use super::cells::format_partners;
use super::layout::{stage_label, status_label, Column, Field, Look, PROBLEMS, REGISTER, TASKS};
use crate::error::Result;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use serde_json::Value;
use std::collections::HashMap;
use xiezuo_engine::model::TaskStatus;
use xiezuo_engine::{Engine, RegisterQuery, RegisterRow};
use xiezuo_forms::labels::labels;
use xiezuo_forms::{Kind, Lang};

/// Excel keeps at most this many UTF-16 units in a cell; longer text is cut with an ellipsis.
const EXCEL_MAX_TEXT: usize = 32_767;

/// The register (沟通事项跟踪表) as a workbook: one row per collaboration.
pub fn export_register(engine: &Engine, lang: Lang) -> Result<Vec<u8>> {
    let rows = engine.register(&RegisterQuery::default())?.rows;
    let lines = rows.into_iter().map(|row| RegisterLine::of(engine, row)).collect::<xiezuo_engine::Result<Vec<_>>>()?;
    let table: Vec<Vec<Cell>> = lines.iter().map(|line| REGISTER.iter().map(|c| line.cell(c.field, lang)).collect()).collect();
    let mut book = Workbook::new();
    let looks = Looks::new();
    add_table(&mut book, labels(lang).kind(Kind::Register), &REGISTER, lang, &table, &looks)?;
    save(&mut book)
}

/// One collaboration's tasks (进度跟踪表) and, on a second sheet, its problems.
pub fn export_tasks(engine: &Engine, collaboration: &str, lang: Lang) -> Result<Vec<u8>> {
    let dossier = engine.dossier(collaboration)?;
    let number = text(&dossier.collaboration, "number");
    let people: HashMap<String, String> = engine.people()?.into_iter().map(|p| (p.id, p.name)).collect();
    let tasks: Vec<Vec<Cell>> = dossier
        .tasks
        .iter()
        .map(|task| {
            let latest = dossier.status_updates.iter().rev().find(|s| s["task_id"] == task["id"]);
            TASKS.iter().map(|c| task_cell(c.field, task, latest, &number, &people, lang)).collect()
        })
        .collect();
    let problems: Vec<Vec<Cell>> = dossier
        .problems
        .iter()
        .enumerate()
        .map(|(i, problem)| PROBLEMS.iter().map(|c| problem_cell(c.field, i + 1, problem)).collect())
        .collect();
    let mut book = Workbook::new();
    let looks = Looks::new();
    let l = labels(lang);
    add_table(&mut book, l.kind(Kind::Tracking), &TASKS, lang, &tasks, &looks)?;
    add_table(&mut book, l.problems, &PROBLEMS, lang, &problems, &looks)?;
    save(&mut book)
}

/// A register row with what the company's 11 columns do not show: the expected completion date
/// and the collaborating departments with their contacts. The importer compares a file's row
/// with this to tell an unchanged row from a conflicting one.
pub(crate) struct RegisterLine {
    pub row: RegisterRow,
    pub expected_completion: Option<NaiveDate>,
    pub partners: String,
}

impl RegisterLine {
    pub fn of(engine: &Engine, row: RegisterRow) -> xiezuo_engine::Result<Self> {
        let dossier = engine.dossier(&row.id)?;
        let partners =
            format_partners(dossier.departments.iter().map(|d| (d["department"].as_str().unwrap_or_default(), d["contact"].as_str())));
        Ok(Self { expected_completion: date(&dossier.collaboration, "expected_completion"), partners, row })
    }

    /// The text of a register column (empty for the stage and date, which are not text).
    pub fn text(&self, field: Field) -> &str {
        let r = &self.row;
        match field {
            Field::Number => &r.number,
            Field::InitiatingDepartment => &r.initiating_department,
            Field::Title => &r.title,
            Field::Contacts => &r.contacts,
            Field::BackgroundGoal => &r.background_goal,
            Field::KeyDates => &r.key_dates,
            Field::Communications => &r.communications,
            Field::Progress => &r.progress,
            Field::Feedback => &r.feedback,
            Field::Owner => &r.owner,
            Field::Remarks => &r.remarks,
            Field::Partners => &self.partners,
            _ => "",
        }
    }

    fn cell(&self, field: Field, lang: Lang) -> Cell {
        match field {
            Field::Stage => Cell::Text(stage_label(self.row.stage, lang).to_string()),
            Field::ExpectedCompletion => Cell::Date(self.expected_completion),
            other => Cell::Text(self.text(other).to_string()),
        }
    }
}

enum Cell {
    Text(String),
    Date(Option<NaiveDate>),
    Number(Option<f64>),
}

fn task_cell(field: Field, task: &Value, latest: Option<&Value>, number: &str, people: &HashMap<String, String>, lang: Lang) -> Cell {
    let names = |ids: &Value| {
        let ids = ids.as_array().map(Vec::as_slice).unwrap_or_default();
        ids.iter().filter_map(|id| id.as_str().and_then(|id| people.get(id)).cloned()).collect::<Vec<_>>().join("、")
    };
    let status = serde_json::from_value::<TaskStatus>(task["status"].clone()).map(|s| status_label(s, lang)).unwrap_or_default();
    match field {
        Field::Number => Cell::Text(number.to_string()),
        Field::Department => Cell::Text(text(task, "department")),
        Field::Task => Cell::Text(text(task, "title")),
        Field::Responsible => Cell::Text(text(task, "responsible")),
        Field::Collaborators => Cell::Text(names(&task["collaborators"])),
        Field::Start => Cell::Date(date(task, "start_date")),
        Field::End => Cell::Date(date(task, "end_date")),
        Field::Deliverable => Cell::Text(text(task, "deliverable")),
        Field::Status => Cell::Text(status.to_string()),
        Field::Percent => Cell::Number(task["progress"].as_f64()),
        Field::StatusNote => Cell::Text(latest.map(|s| text(s, "note")).unwrap_or_default()),
        Field::StatusDate => Cell::Date(latest.and_then(|s| date(s, "on_date"))),
        _ => Cell::Text(String::new()),
    }
}

fn problem_cell(field: Field, position: usize, problem: &Value) -> Cell {
    match field {
        Field::Position => Cell::Number(Some(position as f64)),
        Field::Problem => Cell::Text(text(problem, "description")),
        Field::ProblemOwner => Cell::Text(text(problem, "owner")),
        Field::Deadline => Cell::Date(date(problem, "deadline")),
        Field::Resolution => Cell::Text(text(problem, "resolution")),
        Field::ResolvedOn => Cell::Date(date(problem, "resolved_on")),
        _ => Cell::Text(String::new()),
    }
}

fn text(record: &Value, key: &str) -> String {
    record[key].as_str().unwrap_or_default().to_string()
}

fn date(record: &Value, key: &str) -> Option<NaiveDate> {
    record[key].as_str().and_then(|d| d.parse().ok())
}

/// The cell formats of every table.
struct Looks {
    header: Format,
    text: Format,
    wrapped: Format,
    date: Format,
    number: Format,
}

impl Looks {
    fn new() -> Self {
        let body = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::Top);
        Self {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xD9E1F2))
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            text: body.clone(),
            wrapped: body.clone().set_text_wrap(),
            date: body.clone().set_num_format("yyyy-mm-dd").set_align(FormatAlign::Left),
            number: body,
        }
    }

    fn of(&self, look: Look) -> &Format {
        match look {
            Look::Text => &self.text,
            Look::Wrapped => &self.wrapped,
            Look::Date => &self.date,
            Look::Number => &self.number,
        }
    }
}

/// A sheet with a frozen, filterable header row and one row per entry of `rows`.
fn add_table(book: &mut Workbook, name: &str, columns: &[Column], lang: Lang, rows: &[Vec<Cell>], looks: &Looks) -> Result<()> {
    let sheet = book.add_worksheet();
    sheet.set_name(name).map_err(xlsx_error)?;
    for (index, column) in (0u16..).zip(columns) {
        sheet.set_column_width(index, column.width).map_err(xlsx_error)?;
        sheet.write_string_with_format(0, index, column.heading(lang), &looks.header).map_err(xlsx_error)?;
    }
    for (row, cells) in (1u32..).zip(rows) {
        for ((index, column), cell) in (0u16..).zip(columns).zip(cells) {
            write_cell(sheet, row, index, cell, looks.of(column.look)).map_err(xlsx_error)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    let last_column = u16::try_from(columns.len().saturating_sub(1)).unwrap_or(0);
    let last_row = u32::try_from(rows.len()).map_err(|_| xlsx_error(XlsxError::RowColumnLimitError))?;
    sheet.autofilter(0, 0, last_row, last_column).map_err(xlsx_error)?;
    Ok(())
}

fn write_cell(sheet: &mut Worksheet, row: u32, column: u16, cell: &Cell, look: &Format) -> std::result::Result<(), XlsxError> {
    match cell {
        Cell::Text(text) => sheet.write_string_with_format(row, column, excel_text(text), look),
        Cell::Date(Some(date)) => match excel_date(*date) {
            Some(date) => sheet.write_datetime_with_format(row, column, &date, look),
            None => sheet.write_string_with_format(row, column, date.to_string(), look),
        },
        Cell::Number(Some(number)) => sheet.write_number_with_format(row, column, *number, look),
        Cell::Date(None) | Cell::Number(None) => sheet.write_blank(row, column, look),
    }
    .map(drop)
}

/// Excel's dates run from 1900 to 9999; others are written as text.
fn excel_date(date: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year()).ok()?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

/// `text`, cut to what an Excel cell holds.
fn excel_text(text: &str) -> String {
    if text.encode_utf16().count() <= EXCEL_MAX_TEXT {
        return text.to_string();
    }
    let mut units = 0;
    let mut cut: String = text
        .chars()
        .take_while(|c| {
            units += c.len_utf16();
            units < EXCEL_MAX_TEXT
        })
        .collect();
    cut.push('…');
    cut
}

fn save(book: &mut Workbook) -> Result<Vec<u8>> {
    book.save_to_buffer().map_err(xlsx_error)
}

/// Writing a workbook in memory fails only on a limit of the format (rows, sheet names).
fn xlsx_error(err: XlsxError) -> crate::InteropError {
    std::io::Error::other(err.to_string()).into()
}
