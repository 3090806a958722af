//! Problems from progress meetings and risks that may affect overall progress.
//!
//! A problem (进度跟踪表 row) has an owner and a deadline until it is resolved. A risk is raised by
//! a department and escalated to the whole group at once when it may affect overall progress; the
//! group records its decision (re-prioritise, extra support) and closes it.

use crate::collaboration::require_stage;
use crate::error::{EngineError, Result};
use crate::model::Stage;
use crate::store::Engine;
use crate::text::{self, required_line, required_text};
use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::Deserialize;
use serde_json::json;

const OPEN_STAGES: &[Stage] = &[Stage::Kickoff, Stage::Executing, Stage::Accepting];

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct ProblemInput {
    pub collaboration: String,
    pub meeting: Option<String>,
    pub description: String,
    pub owner: String,
    pub deadline: NaiveDate,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct RiskInput {
    pub collaboration: String,
    pub title: String,
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    pub description: String,
    pub impact: String,
    pub raised_by: Option<String>,
    /// Raise it to the whole group at once.
    #[serde(default)]
    #[ts(as = "Option<bool>", optional)]
    pub escalate: bool,
}

impl Engine {
    pub fn add_problem(&mut self, input: ProblemInput) -> Result<String> {
        let description = required_text("description", &input.description)?;
        let deadline = text::date("deadline", input.deadline)?;
        let owner = self.resolve("person", &input.owner)?;
        let id = crate::new_id();
        self.write_collab("add_problem", &input.collaboration, |w, head| {
            require_stage(head, OPEN_STAGES, "problems are tracked during execution")?;
            if let Some(meeting) = &input.meeting {
                let same: Option<String> = w
                    .tx
                    .query_row("SELECT id FROM meeting WHERE id = ?1 AND collaboration_id = ?2", [meeting, &head.id], |r| r.get(0))
                    .optional()?;
                same.ok_or_else(|| EngineError::not_found("meeting", meeting))?;
            }
            w.insert(
                "problem",
                &id,
                json!({ "collaboration_id": head.id, "meeting_id": input.meeting, "description": description, "owner_person_id": owner, "deadline": deadline }),
            )
        })?;
        Ok(id)
    }

    pub fn resolve_problem(&mut self, problem: &str, resolution: &str) -> Result<()> {
        let resolution = required_text("resolution", resolution)?;
        let collaboration = self.owning_collaboration("problem", problem)?;
        self.write_collab("resolve_problem", &collaboration, |w, _| {
            let resolved: Option<String> = w.tx.query_row("SELECT resolved_on FROM problem WHERE id = ?1", [problem], |r| r.get(0))?;
            if resolved.is_some() {
                return Err(EngineError::AlreadyDecided { entity: "problem", key: problem.to_string() });
            }
            let today = w.ctx.today;
            w.update("problem", problem, json!({ "resolved_on": today, "resolution": resolution })).map(drop)
        })
    }

    pub fn raise_risk(&mut self, input: RiskInput) -> Result<String> {
        let title = required_line("title", &input.title)?;
        let impact = required_text("impact", &input.impact)?;
        let description = text::text("description", &input.description)?;
        let raised_by = match input.raised_by.as_deref() {
            Some(p) => Some(self.resolve("person", p)?),
            None => self.me()?,
        };
        let id = crate::new_id();
        self.write_collab("raise_risk", &input.collaboration, |w, head| {
            require_stage(head, OPEN_STAGES, "risks are tracked during execution")?;
            let now = w.now_text();
            let today = w.ctx.today;
            w.insert(
                "risk",
                &id,
                json!({
                    "collaboration_id": head.id, "title": title, "description": description, "impact": impact,
                    "raised_by": raised_by, "raised_on": today, "escalated_at": input.escalate.then_some(now),
                }),
            )
        })?;
        Ok(id)
    }

    pub fn escalate_risk(&mut self, risk: &str) -> Result<()> {
        let collaboration = self.owning_collaboration("risk", risk)?;
        self.write_collab("escalate_risk", &collaboration, |w, _| {
            let (escalated, closed): (Option<String>, Option<String>) =
                w.tx.query_row("SELECT escalated_at, closed_at FROM risk WHERE id = ?1", [risk], |r| Ok((r.get(0)?, r.get(1)?)))?;
            if escalated.is_some() || closed.is_some() {
                return Err(EngineError::AlreadyDecided { entity: "risk", key: risk.to_string() });
            }
            let now = w.now_text();
            w.update("risk", risk, json!({ "escalated_at": now })).map(drop)
        })
    }

    /// Records the group's decision on a risk; `close` also closes it.
    pub fn decide_risk(&mut self, risk: &str, decision: &str, close: bool) -> Result<()> {
        let decision = required_text("decision", decision)?;
        let collaboration = self.owning_collaboration("risk", risk)?;
        self.write_collab("decide_risk", &collaboration, |w, _| {
            let closed: Option<String> = w.tx.query_row("SELECT closed_at FROM risk WHERE id = ?1", [risk], |r| r.get(0))?;
            if closed.is_some() {
                return Err(EngineError::AlreadyDecided { entity: "risk", key: risk.to_string() });
            }
            let now = w.now_text();
            let mut fields = json!({ "decision": decision, "decided_at": now });
            if close {
                fields["closed_at"] = json!(now);
            }
            w.update("risk", risk, fields).map(drop)
        })
    }

    /// The collaboration a child record belongs to.
    pub(crate) fn owning_collaboration(&self, table: &'static str, id: &str) -> Result<String> {
        let sql = format!("SELECT collaboration_id FROM {table} WHERE id = ?1 AND deleted_at IS NULL");
        self.conn.query_row(&sql, [id], |r| r.get(0)).optional()?.ok_or_else(|| EngineError::not_found(table, id))
    }
}
