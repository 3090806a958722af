//! Change control (灵活调整机制): plan changes led by the initiator, applied only when every party
//! agrees.
//!
//! Only a person of the initiating department can open a change request. Every participating
//! department (the initiator's included) approves or rejects; one rejection ends the request, and
//! the last approval applies it in the same transaction. Before applying, the plan as it stood
//! (milestones and task dates and owners) is stored on the request as its baseline.

use crate::changelog::Writer;
use crate::collaboration::{participants_in, require_participant, require_stage};
use crate::error::{EngineError, Result};
use crate::model::{ChangeStatus, Decision, Stage};
use crate::store::Engine;
use crate::text::{self, optional_text, required_line, required_text};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct PlanChanges {
    #[serde(default)]
    pub milestones: Vec<MilestoneChange>,
    #[serde(default)]
    pub tasks: Vec<TaskChange>,
}

/// An existing milestone moved or renamed, or (without `milestone`) a new one.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct MilestoneChange {
    pub milestone: Option<String>,
    pub name: Option<String>,
    pub due_date: NaiveDate,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct TaskChange {
    pub task: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub responsible: Option<String>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct ChangeRequestInput {
    pub collaboration: String,
    pub title: String,
    pub reason: String,
    pub changes: PlanChanges,
    /// Who opens it; must belong to the initiating department. Defaults to "me".
    pub by: Option<String>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct ChangeDecisionInput {
    pub change_request: String,
    pub department: String,
    pub decision: Decision,
    pub comment: Option<String>,
    pub by: Option<String>,
}

impl Engine {
    pub fn open_change_request(&mut self, input: ChangeRequestInput) -> Result<String> {
        let title = required_line("title", &input.title)?;
        let reason = required_text("reason", &input.reason)?;
        let by = match input.by.as_deref() {
            Some(p) => self.resolve("person", p)?,
            None => self.me()?.ok_or_else(|| EngineError::missing("by"))?,
        };
        let head = self.collab_head(&input.collaboration)?;
        if self.department_of(&by)?.as_deref() != Some(head.initiating_department_id.as_str()) {
            return Err(EngineError::NotInitiator { person: input.by.clone().unwrap_or(by) });
        }
        if input.changes.milestones.is_empty() && input.changes.tasks.is_empty() {
            return Err(EngineError::missing("changes"));
        }
        let mut changes = input.changes.clone();
        for change in &mut changes.milestones {
            text::date("changes.milestones.due_date", change.due_date)?;
            change.name = text::optional_line("changes.milestones.name", change.name.as_deref())?;
        }
        for change in &mut changes.tasks {
            text::optional_date("changes.tasks.start_date", change.start_date)?;
            text::optional_date("changes.tasks.end_date", change.end_date)?;
            if let Some(p) = &change.responsible {
                change.responsible = Some(self.resolve("person", p)?);
            }
        }
        let id = crate::new_id();
        self.write_collab("open_change_request", &head.id, |w, head| {
            require_stage(head, &[Stage::Executing, Stage::Accepting], "the plan can be changed during execution")?;
            validate_changes(w, &head.id, &changes)?;
            let now = w.now_text();
            w.insert(
                "change_request",
                &id,
                json!({
                    "collaboration_id": head.id, "title": title, "reason": reason, "changes": changes,
                    "status": ChangeStatus::Pending, "opened_by": by, "opened_at": now,
                }),
            )?;
            for (department_id, _) in participants_in(&w.tx, &head.id)? {
                w.insert(
                    "change_approval",
                    &crate::new_id(),
                    json!({ "change_request_id": id, "collaboration_id": head.id, "department_id": department_id }),
                )?;
            }
            Ok(())
        })?;
        Ok(id)
    }

    /// Records one department's decision; returns the request's status afterwards.
    pub fn decide_change_request(&mut self, input: ChangeDecisionInput) -> Result<ChangeStatus> {
        let department = self.resolve("department", &input.department)?;
        let comment = optional_text("comment", input.comment.as_deref())?;
        if input.decision == Decision::Reject && comment.is_none() {
            return Err(EngineError::missing("comment"));
        }
        let by = input.by.as_deref().map(|p| self.resolve("person", p)).transpose()?;
        let collaboration = self.owning_collaboration("change_request", &input.change_request)?;
        self.write_collab("decide_change_request", &collaboration, |w, head| {
            let (status, changes): (ChangeStatus, String) =
                w.tx.query_row("SELECT status, changes FROM change_request WHERE id = ?1", [&input.change_request], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
            if status != ChangeStatus::Pending {
                return Err(EngineError::AlreadyDecided { entity: "change_request", key: input.change_request.clone() });
            }
            require_participant(w, head, &department)?;
            let approval: (String, Option<String>) =
                w.tx.query_row(
                    "SELECT id, decision FROM change_approval WHERE change_request_id = ?1 AND department_id = ?2",
                    params![input.change_request, department],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or_else(|| EngineError::NotParticipant { department: input.department.clone() })?;
            if approval.1.is_some() {
                return Err(EngineError::AlreadyDecided { entity: "change_approval", key: input.department.clone() });
            }
            let now = w.now_text();
            w.update(
                "change_approval",
                &approval.0,
                json!({ "decision": input.decision, "comment": comment, "decided_by": by, "decided_at": now }),
            )?;
            let next = if input.decision == Decision::Reject {
                ChangeStatus::Rejected
            } else {
                let waiting: i64 = w.tx.query_row(
                    "SELECT count(*) FROM change_approval WHERE change_request_id = ?1 AND (decision IS NULL OR decision <> 'approve')",
                    [&input.change_request],
                    |r| r.get(0),
                )?;
                if waiting == 0 {
                    ChangeStatus::Approved
                } else {
                    ChangeStatus::Pending
                }
            };
            if next == ChangeStatus::Approved {
                let changes: PlanChanges = serde_json::from_str(&changes).map_err(|e| EngineError::invalid("changes", e.to_string()))?;
                let baseline = plan_snapshot(w, &head.id)?;
                apply_changes(w, &head.id, &changes)?;
                w.update("change_request", &input.change_request, json!({ "status": next, "decided_at": now, "baseline": baseline }))?;
            } else if next == ChangeStatus::Rejected {
                w.update("change_request", &input.change_request, json!({ "status": next, "decided_at": now }))?;
            }
            Ok(next)
        })
    }
}

fn validate_changes(w: &Writer, collaboration_id: &str, changes: &PlanChanges) -> Result<()> {
    for m in &changes.milestones {
        match &m.milestone {
            Some(id) => {
                let found: Option<String> =
                    w.tx.query_row(
                        "SELECT id FROM milestone WHERE id = ?1 AND collaboration_id = ?2 AND deleted_at IS NULL",
                        [id, collaboration_id],
                        |r| r.get(0),
                    )
                    .optional()?;
                found.ok_or_else(|| EngineError::not_found("milestone", id))?;
            }
            None => {
                if m.name.is_none() {
                    return Err(EngineError::missing("changes.milestones.name"));
                }
            }
        }
    }
    for t in &changes.tasks {
        let dates: Option<(NaiveDate, NaiveDate)> =
            w.tx.query_row(
                "SELECT start_date, end_date FROM task WHERE id = ?1 AND collaboration_id = ?2 AND deleted_at IS NULL",
                [&t.task, collaboration_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (start, end) = dates.ok_or_else(|| EngineError::not_found("task", &t.task))?;
        if t.start_date.unwrap_or(start) > t.end_date.unwrap_or(end) {
            return Err(EngineError::invalid("changes.tasks.end_date", "a task cannot end before it starts"));
        }
    }
    Ok(())
}

/// The plan as it stands: milestones and tasks with their dates and owners.
fn plan_snapshot(w: &Writer, collaboration_id: &str) -> Result<Value> {
    let mut stmt = w.tx.prepare(
        "SELECT id, name, due_date FROM milestone WHERE collaboration_id = ?1 AND deleted_at IS NULL ORDER BY due_date, position",
    )?;
    let milestones: Vec<Value> = stmt
        .query_map([collaboration_id], |r| {
            Ok(json!({ "id": r.get::<_, String>(0)?, "name": r.get::<_, String>(1)?, "due_date": r.get::<_, String>(2)? }))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = w.tx.prepare(
        "SELECT id, title, responsible_person_id, start_date, end_date FROM task WHERE collaboration_id = ?1 AND deleted_at IS NULL ORDER BY start_date, rowid",
    )?;
    let tasks: Vec<Value> = stmt
        .query_map([collaboration_id], |r| {
            Ok(json!({
                "id": r.get::<_, String>(0)?, "title": r.get::<_, String>(1)?, "responsible_person_id": r.get::<_, String>(2)?,
                "start_date": r.get::<_, String>(3)?, "end_date": r.get::<_, String>(4)?,
            }))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(json!({ "milestones": milestones, "tasks": tasks }))
}

fn apply_changes(w: &mut Writer, collaboration_id: &str, changes: &PlanChanges) -> Result<()> {
    for m in &changes.milestones {
        match &m.milestone {
            Some(id) => {
                let mut fields = json!({ "due_date": m.due_date });
                if let Some(name) = &m.name {
                    fields["name"] = json!(name.trim());
                }
                w.update("milestone", id, fields)?;
            }
            None => {
                w.insert(
                    "milestone",
                    &crate::new_id(),
                    json!({ "collaboration_id": collaboration_id, "name": m.name.as_deref().unwrap_or("").trim(), "due_date": m.due_date, "position": 100 }),
                )?;
            }
        }
    }
    for t in &changes.tasks {
        let mut fields = serde_json::Map::new();
        if let Some(d) = t.start_date {
            fields.insert("start_date".into(), json!(d));
        }
        if let Some(d) = t.end_date {
            fields.insert("end_date".into(), json!(d));
        }
        if let Some(p) = &t.responsible {
            fields.insert("responsible_person_id".into(), json!(p));
        }
        w.update("task", &t.task, Value::Object(fields))?;
    }
    Ok(())
}
