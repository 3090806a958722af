//! The collaboration record and its request (协作需求申请表): creation with a never-reused number,
//! editing the request while it is a draft or being revised, the register notes that can change at
//! any time, archiving (read-only afterwards) and reopening with a recorded reason.
//!
//! Participants are the initiating department plus every collaborating department; the engine
//! uses that set for confirmations, responsibilities, signatures and change approvals.

use crate::changelog::Writer;
use crate::error::{EngineError, Result};
use crate::model::{Stage, SupportKind};
use crate::store::{CollabHead, Engine};
use crate::text::{self, required_line, required_text};
use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct DepartmentAsk {
    pub department: String,
    #[serde(default)]
    #[ts(as = "Option<Vec<SupportKind>>", optional)]
    pub support_kinds: Vec<SupportKind>,
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    pub support_text: String,
    pub contact: Option<String>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct MilestoneInput {
    pub name: String,
    pub due_date: NaiveDate,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct NewCollaboration {
    pub title: String,
    pub initiating_department: String,
    pub initiator_contact: Option<String>,
    pub owner: Option<String>,
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    pub background: String,
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    pub goal: String,
    pub expected_completion: Option<NaiveDate>,
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    pub remarks: String,
    #[serde(default)]
    #[ts(as = "Option<Vec<DepartmentAsk>>", optional)]
    pub departments: Vec<DepartmentAsk>,
    #[serde(default)]
    #[ts(as = "Option<Vec<MilestoneInput>>", optional)]
    pub milestones: Vec<MilestoneInput>,
}

/// Changes to the request itself; allowed only before sending or while revising after an objection.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct RequestPatch {
    pub collaboration: String,
    pub title: Option<String>,
    pub initiator_contact: Option<String>,
    pub background: Option<String>,
    pub goal: Option<String>,
    pub expected_completion: Option<NaiveDate>,
    /// Replaces the whole list of collaborating departments when given.
    pub departments: Option<Vec<DepartmentAsk>>,
    /// Replaces the request's key milestones when given.
    pub milestones: Option<Vec<MilestoneInput>>,
}

/// The register's free-text columns and the owner, editable at any stage before archiving.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct NotesPatch {
    pub collaboration: String,
    pub owner: Option<String>,
    pub progress_note: Option<String>,
    pub remarks: Option<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Created {
    pub id: String,
    pub number: String,
}

impl Engine {
    pub fn create_collaboration(&mut self, input: NewCollaboration) -> Result<Created> {
        let title = required_line("title", &input.title)?;
        let initiating = self.resolve("department", &input.initiating_department)?;
        let contact = input.initiator_contact.as_deref().map(|p| self.resolve("person", p)).transpose()?;
        let owner = match input.owner.as_deref() {
            Some(p) => Some(self.resolve("person", p)?),
            None => contact.clone().or(self.me()?),
        };
        let asks = self.resolve_asks(&initiating, &input.departments)?;
        let milestones = checked_milestones(&input.milestones)?;
        let fields = json!({
            "title": title,
            "initiating_department_id": initiating,
            "initiator_contact_id": contact,
            "owner_person_id": owner,
            "background": text::text("background", &input.background)?,
            "goal": text::text("goal", &input.goal)?,
            "expected_completion": text::optional_date("expected_completion", input.expected_completion)?,
            "remarks": text::text("remarks", &input.remarks)?,
            "stage": Stage::Draft,
        });
        let prefix = self.org_settings()?.number_prefix;
        let year = chrono::Datelike::year(&self.today());
        let id = crate::new_id();
        let number = self.write("create_collaboration", Some(&id), |w| {
            let number = next_number(w, &prefix, year)?;
            let mut fields = fields;
            fields["number"] = json!(number);
            w.insert("collaboration", &id, fields)?;
            replace_asks(w, &id, &asks)?;
            replace_request_milestones(w, &id, &milestones)?;
            Ok(number)
        })?;
        Ok(Created { id, number })
    }

    pub fn update_request(&mut self, patch: RequestPatch) -> Result<()> {
        let head = self.collab_head(&patch.collaboration)?;
        if !matches!(head.stage, Stage::Draft | Stage::Revising) {
            return Err(EngineError::stage(head.stage, "the request can only be edited as a draft or while revising after an objection"));
        }
        let mut fields = Map::new();
        if let Some(title) = &patch.title {
            fields.insert("title".into(), json!(required_line("title", title)?));
        }
        if let Some(contact) = &patch.initiator_contact {
            fields.insert("initiator_contact_id".into(), json!(self.resolve("person", contact)?));
        }
        for (field, value) in [("background", &patch.background), ("goal", &patch.goal)] {
            if let Some(value) = value {
                fields.insert(field.into(), json!(text::text(field, value)?));
            }
        }
        if let Some(date) = patch.expected_completion {
            fields.insert("expected_completion".into(), json!(text::date("expected_completion", date)?));
        }
        let asks = patch.departments.as_ref().map(|d| self.resolve_asks(&head.initiating_department_id, d)).transpose()?;
        let milestones = patch.milestones.as_ref().map(|m| checked_milestones(m)).transpose()?;
        self.write_collab("update_request", &head.id, |w, head| {
            w.update("collaboration", &head.id, Value::Object(fields))?;
            if let Some(asks) = &asks {
                replace_asks(w, &head.id, asks)?;
            }
            if let Some(milestones) = &milestones {
                replace_request_milestones(w, &head.id, milestones)?;
            }
            Ok(())
        })
    }

    pub fn update_notes(&mut self, patch: NotesPatch) -> Result<()> {
        let mut fields = Map::new();
        if let Some(owner) = &patch.owner {
            fields.insert("owner_person_id".into(), json!(self.resolve("person", owner)?));
        }
        for (field, value) in [("progress_note", &patch.progress_note), ("remarks", &patch.remarks)] {
            if let Some(value) = value {
                fields.insert(field.into(), json!(text::text(field, value)?));
            }
        }
        self.write_collab("update_notes", &patch.collaboration, |w, head| {
            w.update("collaboration", &head.id, Value::Object(fields)).map(drop)
        })
    }

    /// Files a completed collaboration away; afterwards it is read-only until reopened.
    pub fn archive(&mut self, collaboration: &str) -> Result<()> {
        self.write_collab("archive", collaboration, |w, head| {
            if head.stage != Stage::Completed {
                return Err(EngineError::stage(head.stage, "only a completed collaboration (letter issued) can be archived"));
            }
            let now = w.now_text();
            w.update("collaboration", &head.id, json!({ "stage": Stage::Archived, "archived_at": now })).map(drop)
        })
    }

    /// Reopens an archived collaboration; the reason is mandatory and kept in the history.
    pub fn reopen(&mut self, collaboration: &str, reason: &str) -> Result<()> {
        let reason = required_text("reason", reason)?;
        let head = self.collab_head(collaboration)?;
        if head.stage != Stage::Archived {
            return Err(EngineError::stage(head.stage, "only an archived collaboration can be reopened"));
        }
        self.write("reopen", Some(&head.id), |w| {
            w.update("collaboration", &head.id, json!({ "stage": Stage::Completed, "archived_at": null, "reopen_reason": reason }))
                .map(drop)
        })
    }

    /// Checks and resolves the departments asked for support.
    fn resolve_asks(&self, initiating: &str, asks: &[DepartmentAsk]) -> Result<Vec<ResolvedAsk>> {
        let mut resolved: Vec<ResolvedAsk> = Vec::new();
        for ask in asks {
            let department_id = self.resolve("department", &ask.department)?;
            if department_id == initiating {
                return Err(EngineError::invalid("departments", format!("{} is the initiating department", ask.department)));
            }
            if resolved.iter().any(|r| r.department_id == department_id) {
                return Err(EngineError::Duplicate { entity: "collab_department", key: ask.department.clone() });
            }
            let contact = match ask.contact.as_deref() {
                Some(p) => Some(self.resolve("person", p)?),
                None => {
                    self.conn.query_row("SELECT default_contact_person_id FROM department WHERE id = ?1", [&department_id], |r| r.get(0))?
                }
            };
            resolved.push(ResolvedAsk {
                department_id,
                support_kinds: ask.support_kinds.clone(),
                support_text: text::text("support_text", &ask.support_text)?,
                contact,
            });
        }
        Ok(resolved)
    }

    /// The ids and names of every participating department: the initiator first, then the others
    /// in the order they were added.
    pub(crate) fn participants(&self, collaboration_id: &str) -> Result<Vec<(String, String)>> {
        participants_in(&self.conn, collaboration_id)
    }
}

pub(crate) fn participants_in(conn: &rusqlite::Connection, collaboration_id: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.name FROM collaboration c JOIN department d ON d.id = c.initiating_department_id WHERE c.id = ?1
         UNION ALL
         SELECT * FROM (SELECT d.id, d.name FROM collab_department cd JOIN department d ON d.id = cd.department_id
                        WHERE cd.collaboration_id = ?1 AND cd.deleted_at IS NULL ORDER BY cd.rowid)",
    )?;
    let rows = stmt.query_map([collaboration_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[derive(Debug, Clone)]
struct ResolvedAsk {
    department_id: String,
    support_kinds: Vec<SupportKind>,
    support_text: String,
    contact: Option<String>,
}

/// Checks milestones' names and dates.
pub(crate) fn checked_milestones(milestones: &[MilestoneInput]) -> Result<Vec<MilestoneInput>> {
    milestones
        .iter()
        .map(|m| {
            Ok(MilestoneInput {
                name: required_line("milestones.name", &m.name)?,
                due_date: text::date("milestones.due_date", m.due_date)?,
            })
        })
        .collect()
}

/// Hands out the next number for `prefix` and `year`, e.g. `XZ-2026-007`; numbers are never reused.
fn next_number(w: &mut Writer, prefix: &str, year: i32) -> Result<String> {
    // A range over the unique index on `number` (LIKE could not use it).
    let used_max: i64 = w.tx.query_row(
        "SELECT coalesce(max(CAST(substr(number, length(?1) + 7) AS INTEGER)), 0) FROM collaboration
         WHERE number >= ?1 || '-' || ?2 || '-' AND number < ?1 || '-' || ?2 || '.'",
        params![prefix, year],
        |r| r.get(0),
    )?;
    let last: i64 =
        w.tx.query_row("SELECT last FROM number_sequence WHERE prefix = ?1 AND year = ?2", params![prefix, year], |r| r.get(0))
            .unwrap_or(0);
    let next = last.max(used_max) + 1;
    w.tx.execute(
        "INSERT INTO number_sequence (prefix, year, last) VALUES (?1, ?2, ?3) ON CONFLICT(prefix, year) DO UPDATE SET last = excluded.last",
        params![prefix, year, next],
    )?;
    Ok(format!("{prefix}-{year}-{next:03}"))
}

fn replace_asks(w: &mut Writer, collaboration_id: &str, asks: &[ResolvedAsk]) -> Result<()> {
    let existing: Vec<(String, String)> = {
        let mut stmt =
            w.tx.prepare("SELECT id, department_id FROM collab_department WHERE collaboration_id = ?1 AND deleted_at IS NULL")?;
        let rows = stmt.query_map([collaboration_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (id, department_id) in &existing {
        if !asks.iter().any(|a| &a.department_id == department_id) {
            w.soft_delete("collab_department", id)?;
        }
    }
    for ask in asks {
        let fields = json!({
            "support_kinds": ask.support_kinds,
            "support_text": ask.support_text,
            "contact_person_id": ask.contact,
        });
        match existing.iter().find(|(_, d)| d == &ask.department_id) {
            Some((id, _)) => {
                w.update("collab_department", id, fields)?;
            }
            None => {
                let mut fields = fields;
                fields["collaboration_id"] = json!(collaboration_id);
                fields["department_id"] = json!(ask.department_id);
                w.insert("collab_department", &crate::new_id(), fields)?;
            }
        }
    }
    Ok(())
}

/// Replaces the milestones that belong to the request (not those agreed in meetings).
fn replace_request_milestones(w: &mut Writer, collaboration_id: &str, milestones: &[MilestoneInput]) -> Result<()> {
    let existing: Vec<String> = {
        let mut stmt =
            w.tx.prepare("SELECT id FROM milestone WHERE collaboration_id = ?1 AND meeting_id IS NULL AND deleted_at IS NULL")?;
        let rows = stmt.query_map([collaboration_id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for id in &existing {
        w.soft_delete("milestone", id)?;
    }
    insert_milestones(w, collaboration_id, None, milestones)
}

pub(crate) fn insert_milestones(
    w: &mut Writer,
    collaboration_id: &str,
    meeting_id: Option<&str>,
    milestones: &[MilestoneInput],
) -> Result<()> {
    for (position, m) in milestones.iter().enumerate() {
        w.insert(
            "milestone",
            &crate::new_id(),
            json!({ "collaboration_id": collaboration_id, "meeting_id": meeting_id, "name": m.name, "due_date": m.due_date, "position": position }),
        )?;
    }
    Ok(())
}

/// Refuses a move unless the collaboration is at one of `allowed` stages.
pub(crate) fn require_stage(head: &CollabHead, allowed: &[Stage], reason: &str) -> Result<()> {
    if allowed.contains(&head.stage) {
        Ok(())
    } else {
        Err(EngineError::stage(head.stage, reason))
    }
}

pub(crate) fn require_participant(w: &Writer, head: &CollabHead, department_id: &str) -> Result<()> {
    if participants_in(&w.tx, &head.id)?.iter().any(|(id, _)| id == department_id) {
        Ok(())
    } else {
        Err(EngineError::NotParticipant { department: department_id.to_string() })
    }
}
