//! Step 4: deliverables, self-check (成果自检表), joint acceptance review (验收意见表),
//! rectification (整改) and the completion letter (协作完成确认函).
//!
//! A deliverable is reviewed only with a self-check of its current version. A review passes when
//! every criterion passes; a failed review must list at least one rectification item with a
//! deadline, and the department resubmits a new version (with a new self-check) for the next
//! review. The letter can be issued only when every deliverable passed; it completes the
//! collaboration, which can then be archived.

use crate::collaboration::{participants_in, require_participant, require_stage};
use crate::communication::require_attachment;
use crate::error::{EngineError, Result};
use crate::model::{DeliverableStatus, Stage};
use crate::store::Engine;
use crate::text::{self, optional_text, required_line, required_text};
use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use serde_json::json;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct SelfCheckItem {
    pub item: String,
    /// 完成度: is this part complete?
    pub complete: bool,
    /// 质量达标: does it meet the agreed quality criterion?
    pub quality_ok: bool,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct DeliverableInput {
    pub collaboration: String,
    pub department: String,
    pub task: Option<String>,
    pub title: String,
    #[serde(default)]
    #[ts(as = "Option<Vec<SelfCheckItem>>", optional)]
    pub self_check: Vec<SelfCheckItem>,
    pub attachment: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub name: String,
    pub target: String,
    pub measured: String,
    pub passed: bool,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct RectificationInput {
    pub description: String,
    pub owner: Option<String>,
    pub deadline: NaiveDate,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct ReviewInput {
    pub deliverable: String,
    pub criteria: Vec<Criterion>,
    #[serde(default)]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub reviewers: Vec<String>,
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    pub opinion: String,
    #[serde(default)]
    #[ts(as = "Option<Vec<RectificationInput>>", optional)]
    pub rectifications: Vec<RectificationInput>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct ResubmitInput {
    pub deliverable: String,
    #[serde(default)]
    #[ts(as = "Option<Vec<SelfCheckItem>>", optional)]
    pub self_check: Vec<SelfCheckItem>,
    pub attachment: Option<String>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct LetterInput {
    pub collaboration: String,
    pub body: Option<String>,
    pub by: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ReviewResult {
    Pass,
    Fail,
}

impl Engine {
    pub fn submit_deliverable(&mut self, input: DeliverableInput) -> Result<String> {
        let title = required_line("title", &input.title)?;
        let department = self.resolve("department", &input.department)?;
        let self_check = checked_self_check(&input.self_check)?;
        let id = crate::new_id();
        self.write_collab("submit_deliverable", &input.collaboration, |w, head| {
            require_stage(head, &[Stage::Executing, Stage::Accepting], "deliverables are submitted during execution")?;
            require_participant(w, head, &department)?;
            if let Some(task) = &input.task {
                let found: Option<String> =
                    w.tx.query_row("SELECT id FROM task WHERE id = ?1 AND collaboration_id = ?2", [task, &head.id], |r| r.get(0))
                        .optional()?;
                found.ok_or_else(|| EngineError::not_found("task", task))?;
            }
            if let Some(attachment) = &input.attachment {
                require_attachment(&w.tx, attachment, &head.id)?;
            }
            let now = w.now_text();
            w.insert(
                "deliverable",
                &id,
                json!({
                    "collaboration_id": head.id, "task_id": input.task, "department_id": department, "title": title,
                    "version": 1, "status": DeliverableStatus::Submitted, "submitted_at": now,
                    "self_check": self_check, "self_checked_at": self_check.as_ref().map(|_| now.clone()),
                    "attachment_id": input.attachment,
                }),
            )?;
            if head.stage == Stage::Executing {
                w.update("collaboration", &head.id, json!({ "stage": Stage::Accepting }))?;
            }
            Ok(())
        })?;
        Ok(id)
    }

    /// Records the self-check of the deliverable's current version.
    pub fn record_self_check(&mut self, deliverable: &str, items: &[SelfCheckItem]) -> Result<()> {
        let self_check = checked_self_check(items)?.ok_or_else(|| EngineError::missing("self_check"))?;
        let collaboration = self.owning_collaboration("deliverable", deliverable)?;
        self.write_collab("record_self_check", &collaboration, |w, _| {
            let now = w.now_text();
            w.update("deliverable", deliverable, json!({ "self_check": self_check, "self_checked_at": now })).map(drop)
        })
    }

    /// The joint acceptance review of a deliverable's current version.
    pub fn review_deliverable(&mut self, input: ReviewInput) -> Result<ReviewResult> {
        if input.criteria.is_empty() {
            return Err(EngineError::missing("criteria"));
        }
        let criteria = input
            .criteria
            .iter()
            .map(|c| {
                Ok(Criterion {
                    name: required_line("criteria.name", &c.name)?,
                    target: required_line("criteria.target", &c.target)?,
                    measured: required_line("criteria.measured", &c.measured)?,
                    passed: c.passed,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let reviewers = input.reviewers.iter().map(|p| self.resolve("person", p)).collect::<Result<Vec<_>>>()?;
        let result = if criteria.iter().all(|c| c.passed) { ReviewResult::Pass } else { ReviewResult::Fail };
        let rectifications = input
            .rectifications
            .iter()
            .map(|r| {
                Ok((
                    required_text("rectifications.description", &r.description)?,
                    r.owner.as_deref().map(|p| self.resolve("person", p)).transpose()?,
                    text::date("rectifications.deadline", r.deadline)?,
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        if result == ReviewResult::Fail && rectifications.is_empty() {
            return Err(EngineError::RectificationRequired);
        }
        let opinion = text::text("opinion", &input.opinion)?;
        let collaboration = self.owning_collaboration("deliverable", &input.deliverable)?;
        self.write_collab("review_deliverable", &collaboration, |w, head| {
            let (title, status, version, self_check): (String, DeliverableStatus, i64, Option<String>) =
                w.tx.query_row("SELECT title, status, version, self_check FROM deliverable WHERE id = ?1", [&input.deliverable], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })?;
            if status != DeliverableStatus::Submitted {
                return Err(EngineError::stage(status, "only a submitted version can be reviewed"));
            }
            if self_check.is_none() {
                return Err(EngineError::SelfCheckMissing { deliverable: title });
            }
            let review_id = crate::new_id();
            let today = w.ctx.today;
            w.insert(
                "acceptance_review",
                &review_id,
                json!({
                    "deliverable_id": input.deliverable, "collaboration_id": head.id, "deliverable_version": version,
                    "criteria": criteria, "reviewers": reviewers, "opinion": opinion,
                    "result": result, "reviewed_on": today,
                }),
            )?;
            let now = w.now_text();
            match result {
                ReviewResult::Pass => {
                    w.update("deliverable", &input.deliverable, json!({ "status": DeliverableStatus::Passed }))?;
                    let open: Vec<String> = {
                        let mut stmt = w.tx.prepare("SELECT id FROM rectification WHERE deliverable_id = ?1 AND closed_at IS NULL")?;
                        let rows = stmt.query_map([&input.deliverable], |r| r.get(0))?;
                        rows.collect::<rusqlite::Result<_>>()?
                    };
                    for id in open {
                        w.update("rectification", &id, json!({ "closed_at": now }))?;
                    }
                }
                ReviewResult::Fail => {
                    w.update("deliverable", &input.deliverable, json!({ "status": DeliverableStatus::Rectifying }))?;
                    for (description, owner, deadline) in &rectifications {
                        w.insert(
                            "rectification",
                            &crate::new_id(),
                            json!({
                                "review_id": review_id, "deliverable_id": input.deliverable, "collaboration_id": head.id,
                                "description": description, "owner_person_id": owner, "deadline": deadline,
                            }),
                        )?;
                    }
                }
            }
            Ok(result)
        })
    }

    /// Resubmits a rectified deliverable as a new version, with its own self-check.
    pub fn resubmit_deliverable(&mut self, input: ResubmitInput) -> Result<i64> {
        let self_check = checked_self_check(&input.self_check)?;
        let collaboration = self.owning_collaboration("deliverable", &input.deliverable)?;
        self.write_collab("resubmit_deliverable", &collaboration, |w, head| {
            if let Some(attachment) = &input.attachment {
                require_attachment(&w.tx, attachment, &head.id)?;
            }
            let (status, version): (DeliverableStatus, i64) =
                w.tx.query_row("SELECT status, version FROM deliverable WHERE id = ?1", [&input.deliverable], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
            if status != DeliverableStatus::Rectifying {
                return Err(EngineError::stage(status, "only a deliverable under rectification can be resubmitted"));
            }
            let now = w.now_text();
            let version = version + 1;
            let mut fields = json!({
                "status": DeliverableStatus::Submitted, "version": version, "submitted_at": now,
                "self_check": self_check, "self_checked_at": self_check.as_ref().map(|_| now.clone()),
            });
            if let Some(attachment) = &input.attachment {
                fields["attachment_id"] = json!(attachment);
            }
            w.update("deliverable", &input.deliverable, fields)?;
            let open: Vec<String> = {
                let mut stmt = w.tx.prepare("SELECT id FROM rectification WHERE deliverable_id = ?1 AND resubmitted_at IS NULL")?;
                let rows = stmt.query_map([&input.deliverable], |r| r.get(0))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            for id in open {
                w.update("rectification", &id, json!({ "resubmitted_at": now }))?;
            }
            Ok(version)
        })
    }

    /// Issues the completion letter to every participating department; completes the collaboration.
    pub fn issue_completion_letter(&mut self, input: LetterInput) -> Result<String> {
        let body = optional_text("body", input.body.as_deref())?;
        let by = match input.by.as_deref() {
            Some(p) => Some(self.resolve("person", p)?),
            None => self.me()?,
        };
        let id = crate::new_id();
        self.write_collab("issue_completion_letter", &input.collaboration, |w, head| {
            require_stage(head, &[Stage::Executing, Stage::Accepting], "the letter is issued after acceptance")?;
            let pending: Vec<String> = {
                let mut stmt = w.tx.prepare("SELECT title FROM deliverable WHERE collaboration_id = ?1 AND deleted_at IS NULL AND status <> 'passed' ORDER BY rowid")?;
                let rows = stmt.query_map([&head.id], |r| r.get(0))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            let total: i64 = w.tx.query_row("SELECT count(*) FROM deliverable WHERE collaboration_id = ?1 AND deleted_at IS NULL", [&head.id], |r| r.get(0))?;
            if total == 0 {
                return Err(EngineError::DeliverablesNotPassed { deliverables: Vec::new() });
            }
            if !pending.is_empty() {
                return Err(EngineError::DeliverablesNotPassed { deliverables: pending });
            }
            let recipients: Vec<String> = participants_in(&w.tx, &head.id)?.into_iter().map(|(id, _)| id).collect();
            let today = w.ctx.today;
            let now = w.now_text();
            w.insert(
                "completion_letter",
                &id,
                json!({ "collaboration_id": head.id, "issued_by": by, "issued_on": today, "recipients": recipients, "body": body.unwrap_or_default() }),
            )?;
            w.update("collaboration", &head.id, json!({ "stage": Stage::Completed, "completed_at": now }))?;
            Ok(())
        })?;
        Ok(id)
    }
}

fn checked_self_check(items: &[SelfCheckItem]) -> Result<Option<Vec<SelfCheckItem>>> {
    if items.is_empty() {
        return Ok(None);
    }
    items
        .iter()
        .map(|i| {
            Ok(SelfCheckItem {
                item: required_line("self_check.item", &i.item)?,
                complete: i.complete,
                quality_ok: i.quality_ok,
                note: text::text("self_check.note", &i.note)?,
            })
        })
        .collect::<Result<Vec<_>>>()
        .map(Some)
}
