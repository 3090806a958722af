//! The working-day calendar as the engine stores it: imported holiday-cn years and the user's day
//! overrides live in the database (so they are logged and will sync); the pure rules are in
//! `calendar`. When the calendar changes, every open deadline that counts working days is
//! recomputed from its stored rule inputs (sent date + number of working days).

use crate::calendar::{self, DayInfo, Due, WorkCalendar};
use crate::changelog::Writer;
use crate::error::Result;
use crate::store::Engine;
use crate::text;
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use serde_json::json;

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct YearView {
    pub year: i32,
    pub has_data: bool,
    pub days: Vec<DayInfo>,
}

/// A due date with the warning a person needs when it was computed without holiday data.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct DueDate {
    pub date: NaiveDate,
    /// Years the count went through that have no holiday schedule (weekends only were skipped).
    pub years_without_data: Vec<i32>,
}

impl From<Due> for DueDate {
    fn from(due: Due) -> Self {
        Self { date: due.date, years_without_data: due.years_without_data }
    }
}

impl DueDate {
    /// The warning code stored beside a deadline, e.g. `no_holiday_data:2027`.
    pub fn warning(&self) -> Option<String> {
        (!self.years_without_data.is_empty()).then(|| {
            let years: Vec<String> = self.years_without_data.iter().map(i32::to_string).collect();
            format!("no_holiday_data:{}", years.join(","))
        })
    }
}

impl Engine {
    pub(crate) fn load_calendar(&self) -> Result<WorkCalendar> {
        let mut cal = WorkCalendar::with_bundled();
        let mut stmt = self.conn.prepare("SELECT data FROM calendar_import WHERE deleted_at IS NULL ORDER BY year")?;
        for data in stmt.query_map([], |r| r.get::<_, String>(0))? {
            cal.add_imported(calendar::parse_holiday_cn(&data?)?);
        }
        let mut stmt = self.conn.prepare("SELECT date, is_working_day, note FROM calendar_override WHERE deleted_at IS NULL")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, NaiveDate>(0)?, r.get::<_, bool>(1)?, r.get::<_, Option<String>>(2)?)))?;
        for row in rows {
            let (date, working, note) = row?;
            cal.set_override(date, working, note);
        }
        Ok(cal)
    }

    /// `start` + `n` working days, counting from the next working day.
    pub fn due(&self, start: NaiveDate, working_days: u32) -> DueDate {
        self.calendar.due(start, working_days).into()
    }

    pub fn calendar_year(&self, year: i32) -> YearView {
        YearView { year, has_data: self.calendar.has_data(year), days: self.calendar.year(year) }
    }

    /// Imports a holiday-cn JSON file (one year); replaces an earlier import of the same year.
    /// Returns the year imported.
    pub fn import_holidays(&mut self, json_text: &str) -> Result<i32> {
        let year = calendar::parse_holiday_cn(json_text)?;
        let data = serde_json::to_string(&year).expect("holiday year serialises");
        let mut next = self.calendar.clone();
        next.add_imported(year.clone());
        self.write("import_holidays", None, |w| {
            let existing: Option<String> =
                w.tx.query_row("SELECT id FROM calendar_import WHERE year = ?1 AND deleted_at IS NULL", [year.year], |r| r.get(0))
                    .optional()?;
            match existing {
                Some(id) => w.update("calendar_import", &id, json!({ "data": data }))?,
                None => {
                    w.insert("calendar_import", &crate::new_id(), json!({ "year": year.year, "data": data }))?;
                    true
                }
            };
            recompute_deadlines(w, &next)
        })?;
        self.calendar = next;
        Ok(year.year)
    }

    /// Marks one day as a working day or a day off, winning over all shipped and imported data.
    pub fn set_calendar_day(&mut self, date: NaiveDate, is_working_day: bool, note: Option<String>) -> Result<()> {
        let date = text::date("date", date)?;
        let note = text::optional_line("note", note.as_deref())?;
        let mut next = self.calendar.clone();
        next.set_override(date, is_working_day, note.clone());
        self.write("set_calendar_day", None, |w| {
            match override_id(w, date)? {
                Some(id) => w.update("calendar_override", &id, json!({ "is_working_day": is_working_day, "note": note }))?,
                None => {
                    w.insert(
                        "calendar_override",
                        &crate::new_id(),
                        json!({ "date": date, "is_working_day": is_working_day, "note": note }),
                    )?;
                    true
                }
            };
            recompute_deadlines(w, &next)
        })?;
        self.calendar = next;
        Ok(())
    }

    /// Removes a user override, returning the day to shipped or imported data.
    pub fn clear_calendar_day(&mut self, date: NaiveDate) -> Result<()> {
        let date = text::date("date", date)?;
        let mut next = self.calendar.clone();
        next.clear_override(date);
        self.write("clear_calendar_day", None, |w| {
            if let Some(id) = override_id(w, date)? {
                w.soft_delete("calendar_override", &id)?;
            }
            recompute_deadlines(w, &next)
        })?;
        self.calendar = next;
        Ok(())
    }
}

fn override_id(w: &Writer, date: NaiveDate) -> Result<Option<String>> {
    Ok(w.tx.query_row("SELECT id FROM calendar_override WHERE date = ?1 AND deleted_at IS NULL", [date], |r| r.get(0)).optional()?)
}

/// Recomputes every unanswered feasibility deadline from its rule inputs under `cal`.
fn recompute_deadlines(w: &mut Writer, cal: &WorkCalendar) -> Result<()> {
    type Pending = (String, String, NaiveDate, u32, String, Option<String>);
    let pending: Vec<Pending> = {
        let mut stmt = w.tx.prepare(
            "SELECT id, collaboration_id, sent_on, sla_days, due_date, due_warning FROM feasibility_answer
             WHERE answer IS NULL AND deleted_at IS NULL",
        )?;
        let rows = stmt.query_map(params![], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let outer = w.ctx.collaboration_id.take();
    for (id, collaboration_id, sent_on, days, old_due, old_warning) in pending {
        let due: DueDate = cal.due(sent_on, days).into();
        if due.date.to_string() != old_due || due.warning() != old_warning {
            w.ctx.collaboration_id = Some(collaboration_id);
            w.update("feasibility_answer", &id, json!({ "due_date": due.date, "due_warning": due.warning() }))?;
        }
    }
    w.ctx.collaboration_id = outer;
    Ok(())
}

/// Convenience for writers: the due date under the engine's current calendar.
pub(crate) fn due_under(cal: &WorkCalendar, start: NaiveDate, n: u32) -> DueDate {
    cal.due(start, n).into()
}
