//! Step 3: tasks with exactly one responsible person, and their daily status updates.
//!
//! A department breaks its share of the work into tasks; each has one responsible person (责任人)
//! plus collaborators, start ≤ end and a deliverable. Status updates are an append-only log; the
//! task keeps its latest status, progress and the date of the last update, which the attention
//! list uses to find tasks nobody reported on.

use crate::collaboration::{require_participant, require_stage};
use crate::error::{EngineError, Result};
use crate::model::{Stage, TaskStatus};
use crate::store::Engine;
use crate::text::{self, optional_text, required_line};
use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::Deserialize;
use serde_json::{json, Map, Value};

const EXECUTION: &[Stage] = &[Stage::Executing, Stage::Accepting];

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct TaskInput {
    pub collaboration: String,
    pub department: String,
    pub title: String,
    /// Exactly one responsible person.
    pub responsible: String,
    #[serde(default)]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub collaborators: Vec<String>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    pub deliverable: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct TaskPatch {
    pub task: String,
    pub title: Option<String>,
    pub responsible: Option<String>,
    pub collaborators: Option<Vec<String>>,
    pub deliverable: Option<String>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct StatusInput {
    pub task: String,
    pub status: TaskStatus,
    pub progress: Option<u8>,
    pub note: Option<String>,
    pub on_date: Option<NaiveDate>,
    pub by: Option<String>,
}

impl Engine {
    pub fn add_task(&mut self, input: TaskInput) -> Result<String> {
        let title = required_line("title", &input.title)?;
        let department = self.resolve("department", &input.department)?;
        let responsible = self.resolve("person", &input.responsible)?;
        let collaborators = self.collaborators(&responsible, &input.collaborators)?;
        let start_date = text::date("start_date", input.start_date)?;
        let end_date = text::date("end_date", input.end_date)?;
        if start_date > end_date {
            return Err(EngineError::invalid("end_date", "a task cannot end before it starts"));
        }
        let deliverable = text::line("deliverable", &input.deliverable)?;
        let id = crate::new_id();
        self.write_collab("add_task", &input.collaboration, |w, head| {
            require_stage(head, EXECUTION, "tasks are planned once the kickoff minutes are issued")?;
            require_participant(w, head, &department)?;
            w.insert(
                "task",
                &id,
                json!({
                    "collaboration_id": head.id, "department_id": department, "title": title,
                    "responsible_person_id": responsible, "collaborators": collaborators,
                    "start_date": start_date, "end_date": end_date, "deliverable": deliverable,
                    "status": TaskStatus::NotStarted, "progress": 0,
                }),
            )
        })?;
        Ok(id)
    }

    /// Edits a task's content. Its dates are part of the agreed plan and change only through a
    /// change request that every party approved.
    pub fn update_task(&mut self, patch: TaskPatch) -> Result<()> {
        let (collaboration, current_responsible) = self.task_owner(&patch.task)?;
        let mut fields = Map::new();
        if let Some(title) = &patch.title {
            fields.insert("title".into(), json!(required_line("title", title)?));
        }
        let responsible = match &patch.responsible {
            Some(p) => {
                let id = self.resolve("person", p)?;
                fields.insert("responsible_person_id".into(), json!(id));
                id
            }
            None => current_responsible,
        };
        if let Some(list) = &patch.collaborators {
            fields.insert("collaborators".into(), json!(self.collaborators(&responsible, list)?));
        }
        if let Some(deliverable) = &patch.deliverable {
            fields.insert("deliverable".into(), json!(text::line("deliverable", deliverable)?));
        }
        self.write_collab("update_task", &collaboration, |w, _| w.update("task", &patch.task, Value::Object(fields)).map(drop))
    }

    /// Appends a daily status update and makes it the task's current status.
    pub fn post_status(&mut self, input: StatusInput) -> Result<String> {
        let (collaboration, responsible) = self.task_owner(&input.task)?;
        let note = optional_text("note", input.note.as_deref())?.unwrap_or_default();
        if input.status == TaskStatus::Blocked && note.is_empty() {
            return Err(EngineError::missing("note"));
        }
        let progress = match (input.progress, input.status) {
            (Some(p), _) if p > 100 => return Err(EngineError::invalid("progress", "between 0 and 100")),
            (_, TaskStatus::Done) => 100,
            (Some(p), _) => p,
            (None, _) => self.conn.query_row("SELECT progress FROM task WHERE id = ?1", [&input.task], |r| r.get(0))?,
        };
        let by = match input.by.as_deref() {
            Some(p) => self.resolve("person", p)?,
            None => responsible,
        };
        let on_date = text::optional_date("on_date", input.on_date)?.unwrap_or_else(|| self.today());
        if on_date > self.today() {
            return Err(EngineError::invalid("on_date", "a status cannot be reported for a future day"));
        }
        let id = crate::new_id();
        self.write_collab("post_status", &collaboration, |w, head| {
            require_stage(head, EXECUTION, "statuses are reported during execution")?;
            w.insert(
                "status_update",
                &id,
                json!({
                    "task_id": input.task, "collaboration_id": head.id, "on_date": on_date, "status": input.status,
                    "progress": progress, "note": note, "reported_by": by,
                }),
            )?;
            w.update("task", &input.task, json!({ "status": input.status, "progress": progress, "last_status_on": on_date }))
        })?;
        Ok(id)
    }

    fn task_owner(&self, task: &str) -> Result<(String, String)> {
        self.conn
            .query_row("SELECT collaboration_id, responsible_person_id FROM task WHERE id = ?1 AND deleted_at IS NULL", [task], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?
            .ok_or_else(|| EngineError::not_found("task", task))
    }

    /// Resolves collaborators; the responsible person is not also a collaborator.
    fn collaborators(&self, responsible: &str, names: &[String]) -> Result<Vec<String>> {
        let mut ids: Vec<String> = Vec::new();
        for name in names {
            let id = self.resolve("person", name)?;
            if id == responsible {
                return Err(EngineError::invalid("collaborators", "the responsible person cannot also be a collaborator"));
            }
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        Ok(ids)
    }
}
