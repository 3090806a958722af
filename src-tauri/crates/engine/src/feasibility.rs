//! Step 1: sending the request and each collaborating department's feasibility answer.
//!
//! Sending opens a revision round: every collaborating department gets an answer slot due
//! `feasibility_sla_days` working days after the send date (the rule inputs are stored so the due
//! date follows calendar changes). A confirmation names the department's contact; an objection
//! must carry an adjustment suggestion and sends the request back for revision. Earlier rounds
//! stay on record. The request is confirmed when every department confirmed the current round.

use crate::collaboration::require_stage;
use crate::error::{EngineError, Result};
use crate::model::{DocumentKind, FeasibilityAnswer, Stage};
use crate::store::Engine;
use crate::text::optional_text;
use crate::working_days::due_under;
use rusqlite::params;
use serde::Deserialize;
use serde_json::json;

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct AnswerInput {
    pub collaboration: String,
    pub department: String,
    pub answer: FeasibilityAnswer,
    /// The department's contact person; required to confirm unless the request already named one.
    pub contact: Option<String>,
    /// For an objection: the adjustment suggestion (mandatory). For a confirmation: an optional remark.
    pub note: Option<String>,
    /// Who answered for the department; defaults to its head.
    pub by: Option<String>,
}

impl Engine {
    /// Sends the request (or its revision) to every collaborating department: a new round.
    pub fn send_request(&mut self, collaboration: &str) -> Result<i64> {
        let sla = self.org_settings()?.feasibility_sla_days;
        let today = self.today();
        let due = due_under(&self.calendar, today, sla);
        self.write_collab("send_request", collaboration, |w, head| {
            require_stage(
                head,
                &[Stage::Draft, Stage::Revising],
                "the request was already sent; it can be resent only after an objection",
            )?;
            let (background, goal, expected, initiating_head): (String, String, Option<String>, Option<String>) = w.tx.query_row(
                "SELECT c.background, c.goal, c.expected_completion, d.head_person_id FROM collaboration c
                 JOIN department d ON d.id = c.initiating_department_id WHERE c.id = ?1",
                [&head.id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?;
            let departments: Vec<String> = {
                let mut stmt = w.tx.prepare(
                    "SELECT department_id FROM collab_department WHERE collaboration_id = ?1 AND deleted_at IS NULL ORDER BY rowid",
                )?;
                let rows = stmt.query_map([&head.id], |r| r.get(0))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            if departments.is_empty() {
                return Err(EngineError::missing("departments"));
            }
            for (field, value) in [("background", background.trim()), ("goal", goal.trim())] {
                if value.is_empty() {
                    return Err(EngineError::missing(field));
                }
            }
            if expected.is_none() {
                return Err(EngineError::missing("expected_completion"));
            }
            let round = head.revision + 1;
            for department_id in &departments {
                w.insert(
                    "feasibility_answer",
                    &crate::new_id(),
                    json!({
                        "collaboration_id": head.id, "department_id": department_id, "round": round,
                        "sent_on": today, "sla_days": sla, "due_date": due.date, "due_warning": due.warning(),
                    }),
                )?;
            }
            // The printed request is signed by the initiating department's head, per revision.
            w.insert(
                "signature",
                &crate::new_id(),
                json!({
                    "collaboration_id": head.id, "document_kind": DocumentKind::Request, "document_id": head.id,
                    "revision": round, "department_id": head.initiating_department_id, "head_person_id": initiating_head,
                }),
            )?;
            let now = w.now_text();
            w.update("collaboration", &head.id, json!({ "stage": Stage::Confirming, "revision": round, "sent_at": now }))?;
            Ok(round)
        })
    }

    /// Records a department's answer to the current round.
    pub fn answer_feasibility(&mut self, input: AnswerInput) -> Result<Stage> {
        let department = self.resolve("department", &input.department)?;
        let note = optional_text("note", input.note.as_deref())?;
        let mut contact = input.contact.as_deref().map(|p| self.resolve("person", p)).transpose()?;
        let by = match input.by.as_deref() {
            Some(p) => Some(self.resolve("person", p)?),
            None => self.department_head(&department)?,
        };
        self.write_collab("answer_feasibility", &input.collaboration, |w, head| {
            require_stage(head, &[Stage::Confirming, Stage::Revising], "no request round is open for answers")?;
            let slot: Option<(String, Option<String>)> = w
                .tx
                .query_row(
                    "SELECT id, answer FROM feasibility_answer WHERE collaboration_id = ?1 AND department_id = ?2 AND round = ?3",
                    params![head.id, department, head.revision],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .ok();
            let Some((slot_id, previous)) = slot else {
                return Err(EngineError::NotParticipant { department: input.department.clone() });
            };
            if previous.is_some() {
                return Err(EngineError::AlreadyDecided { entity: "feasibility_answer", key: input.department.clone() });
            }
            match input.answer {
                FeasibilityAnswer::Confirm => {
                    if contact.is_none() {
                        contact = w.tx.query_row(
                            "SELECT contact_person_id FROM collab_department WHERE collaboration_id = ?1 AND department_id = ?2 AND deleted_at IS NULL",
                            params![head.id, department],
                            |r| r.get(0),
                        )?;
                    }
                    if contact.is_none() {
                        return Err(EngineError::missing("contact"));
                    }
                }
                FeasibilityAnswer::Object => {
                    if note.is_none() {
                        return Err(EngineError::missing("note"));
                    }
                }
            }
            let now = w.now_text();
            w.update(
                "feasibility_answer",
                &slot_id,
                json!({ "answer": input.answer, "contact_person_id": contact, "note": note, "answered_at": now, "answered_by": by }),
            )?;
            if input.answer == FeasibilityAnswer::Confirm {
                let ask_id: String = w.tx.query_row(
                    "SELECT id FROM collab_department WHERE collaboration_id = ?1 AND department_id = ?2 AND deleted_at IS NULL",
                    params![head.id, department],
                    |r| r.get(0),
                )?;
                w.update("collab_department", &ask_id, json!({ "contact_person_id": contact }))?;
            }
            if let Some(note) = &note {
                let today = w.ctx.today;
                w.insert("feedback", &crate::new_id(), json!({ "collaboration_id": head.id, "department_id": department, "on_date": today, "text": note }))?;
            }
            let next = match input.answer {
                FeasibilityAnswer::Object => Stage::Revising,
                FeasibilityAnswer::Confirm if head.stage == Stage::Revising => Stage::Revising,
                FeasibilityAnswer::Confirm => {
                    let unconfirmed: i64 = w.tx.query_row(
                        "SELECT count(*) FROM feasibility_answer WHERE collaboration_id = ?1 AND round = ?2 AND deleted_at IS NULL
                           AND (answer IS NULL OR answer <> 'confirm')",
                        params![head.id, head.revision],
                        |r| r.get(0),
                    )?;
                    if unconfirmed == 0 { Stage::Kickoff } else { Stage::Confirming }
                }
            };
            if next != head.stage {
                let mut fields = json!({ "stage": next });
                if next == Stage::Kickoff {
                    fields["confirmed_at"] = json!(now);
                }
                w.update("collaboration", &head.id, fields)?;
            }
            Ok(next)
        })
    }

    /// Departments that have not confirmed the current round (for the kickoff gate and the UI).
    pub(crate) fn unconfirmed_departments(&self, collaboration_id: &str, round: i64) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.name FROM collab_department cd JOIN department d ON d.id = cd.department_id
             LEFT JOIN feasibility_answer f ON f.collaboration_id = cd.collaboration_id AND f.department_id = cd.department_id AND f.round = ?2
             WHERE cd.collaboration_id = ?1 AND cd.deleted_at IS NULL AND (f.answer IS NULL OR f.answer <> 'confirm')
             ORDER BY cd.rowid",
        )?;
        let rows = stmt.query_map(params![collaboration_id, round], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
