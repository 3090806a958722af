//! Step 2 and the progress meetings: scheduling with an agenda, minutes (协作会议纪要) and their
//! issue, and the heads' signatures on each issued revision.
//!
//! The kickoff can be scheduled only when every department confirmed the current request round.
//! Minutes of a kickoff or adjustment meeting must divide the work without gaps (every
//! participating department has a responsibility) or overlaps (no item owned twice); issuing them
//! starts execution and opens one signature slot per participating department head. Minutes are
//! due `minutes_sla_hours` after the meeting ends.

use crate::changelog::Writer;
use crate::collaboration::{checked_milestones, insert_milestones, participants_in, require_participant, require_stage, MilestoneInput};
use crate::communication::require_attachment;
use crate::error::{EngineError, Result};
use crate::model::{CommunicationKind, DocumentKind, MeetingKind, Stage};
use crate::store::Engine;
use crate::text::{self, required_line, required_text};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct MeetingInput {
    pub collaboration: String,
    pub kind: MeetingKind,
    pub title: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    pub place: String,
    #[serde(default)]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub attendees: Vec<String>,
    /// Agenda items: background, draft division of work, topics to discuss.
    #[serde(default)]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub agenda: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct CommunicationMechanism {
    #[serde(default)]
    pub weekly_meeting: String,
    #[serde(default)]
    pub urgent_channel: String,
    #[serde(default)]
    pub sync_method: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct ResponsibilityInput {
    pub department: String,
    pub items: Vec<String>,
}

/// A draft of the minutes; lists given replace the stored ones.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct MinutesInput {
    pub meeting: String,
    pub goal: Option<String>,
    pub milestones: Option<Vec<MilestoneInput>>,
    pub responsibilities: Option<Vec<ResponsibilityInput>>,
    pub communication: Option<CommunicationMechanism>,
    pub decisions: Option<Vec<String>>,
    /// Acceptance criteria agreed in the meeting (e.g. "功能模块覆盖率≥95%"); reviews check them.
    pub acceptance_criteria: Option<Vec<String>>,
    pub summary: Option<String>,
}

/// The division-of-work check, for the minutes editor to show live.
#[derive(Debug, Clone, Default, Serialize, PartialEq, ts_rs::TS)]
pub struct ResponsibilityCheck {
    /// Participating departments without any responsibility item.
    pub gaps: Vec<String>,
    /// Items owned by more than one department, with the owners.
    pub overlaps: Vec<Overlap>,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Overlap {
    pub item: String,
    pub departments: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct SignatureInput {
    /// The signature slot's id.
    pub signature: String,
    pub signed_on: NaiveDate,
    pub scan_attachment: Option<String>,
}

struct MeetingHead {
    id: String,
    collaboration_id: String,
    kind: MeetingKind,
    title: String,
    revision: i64,
}

impl Engine {
    pub fn schedule_meeting(&mut self, input: MeetingInput) -> Result<String> {
        text::instant("starts_at", input.starts_at)?;
        text::instant("ends_at", input.ends_at)?;
        if input.ends_at <= input.starts_at {
            return Err(EngineError::invalid("ends_at", "the meeting must end after it starts"));
        }
        let attendees = input.attendees.iter().map(|p| self.resolve("person", p)).collect::<Result<Vec<_>>>()?;
        let agenda = input.agenda.iter().map(|a| required_line("agenda", a)).collect::<Result<Vec<_>>>()?;
        let sla_hours = self.org_settings()?.minutes_sla_hours;
        let head = self.collab_head(&input.collaboration)?;
        if input.kind == MeetingKind::Kickoff && matches!(head.stage, Stage::Draft | Stage::Confirming | Stage::Revising) {
            return Err(EngineError::NotConfirmed {
                revision: head.revision,
                departments: if head.stage == Stage::Draft {
                    self.participants(&head.id)?.into_iter().skip(1).map(|(_, name)| name).collect()
                } else {
                    self.unconfirmed_departments(&head.id, head.revision)?
                },
            });
        }
        let title = match input.title.as_deref() {
            Some(t) => required_line("title", t)?,
            None => input.kind.label_zh().to_string(),
        };
        let id = crate::new_id();
        self.write_collab("schedule_meeting", &head.id, |w, head| {
            let allowed: &[Stage] = match input.kind {
                MeetingKind::Kickoff => &[Stage::Kickoff, Stage::Executing, Stage::Accepting],
                _ => &[Stage::Kickoff, Stage::Executing, Stage::Accepting, Stage::Completed],
            };
            require_stage(head, allowed, "meetings are held after the request is confirmed")?;
            let due = input.ends_at + chrono::Duration::hours(i64::from(sla_hours));
            w.insert(
                "meeting",
                &id,
                json!({
                    "collaboration_id": head.id, "kind": input.kind, "title": title,
                    "starts_at": rfc3339(input.starts_at), "ends_at": rfc3339(input.ends_at),
                    "place": text::line("place", &input.place)?, "attendees": attendees, "agenda": agenda,
                    "minutes_due_at": rfc3339(due),
                }),
            )
        })?;
        Ok(id)
    }

    /// Saves the minutes draft; can be repeated until issued (and again for a new revision after).
    pub fn save_minutes(&mut self, input: MinutesInput) -> Result<ResponsibilityCheck> {
        let meeting = self.meeting_head(&input.meeting)?;
        let responsibilities = match &input.responsibilities {
            Some(list) => Some(
                list.iter()
                    .map(|r| {
                        let department = self.resolve("department", &r.department)?;
                        let items = r.items.iter().map(|i| required_line("responsibilities.items", i)).collect::<Result<Vec<_>>>()?;
                        Ok((department, items))
                    })
                    .collect::<Result<Vec<_>>>()?,
            ),
            None => None,
        };
        let mut fields = Map::new();
        if let Some(goal) = &input.goal {
            fields.insert("minutes_goal".into(), json!(text::text("goal", goal)?));
        }
        if let Some(communication) = &input.communication {
            fields.insert("minutes_communication".into(), json!(checked_communication(communication)?));
        }
        if let Some(decisions) = &input.decisions {
            let decisions = decisions.iter().map(|d| required_text("decisions", d)).collect::<Result<Vec<_>>>()?;
            fields.insert("minutes_decisions".into(), json!(decisions));
        }
        if let Some(criteria) = &input.acceptance_criteria {
            let criteria = criteria.iter().map(|c| required_line("acceptance_criteria", c)).collect::<Result<Vec<_>>>()?;
            fields.insert("minutes_criteria".into(), json!(criteria));
        }
        if let Some(summary) = &input.summary {
            fields.insert("minutes_summary".into(), json!(text::text("summary", summary)?));
        }
        let milestones = input.milestones.as_deref().map(checked_milestones).transpose()?;
        self.write_collab("save_minutes", &meeting.collaboration_id, |w, head| {
            w.update("meeting", &meeting.id, Value::Object(fields))?;
            if let Some(list) = &responsibilities {
                for (department, _) in list {
                    require_participant(w, head, department)?;
                }
                let old: Vec<String> = ids(w, "SELECT id FROM responsibility WHERE meeting_id = ?1 AND deleted_at IS NULL", &meeting.id)?;
                for id in old {
                    w.soft_delete("responsibility", &id)?;
                }
                for (department, items) in list {
                    for item in items {
                        w.insert(
                            "responsibility",
                            &crate::new_id(),
                            json!({ "meeting_id": meeting.id, "collaboration_id": head.id, "department_id": department, "item": item }),
                        )?;
                    }
                }
            }
            if let Some(milestones) = &milestones {
                let old: Vec<String> = ids(w, "SELECT id FROM milestone WHERE meeting_id = ?1 AND deleted_at IS NULL", &meeting.id)?;
                for id in old {
                    w.soft_delete("milestone", &id)?;
                }
                insert_milestones(w, &head.id, Some(&meeting.id), milestones)?;
            }
            Ok(())
        })?;
        self.check_minutes(&meeting.id)
    }

    /// Gaps and overlaps in a meeting's division of work.
    pub fn check_minutes(&self, meeting: &str) -> Result<ResponsibilityCheck> {
        let meeting = self.meeting_head(meeting)?;
        responsibility_check(&self.conn, &meeting.collaboration_id, &meeting.id)
    }

    /// Issues the minutes: the division of work must be complete for kickoff and adjustment
    /// meetings; execution starts with the kickoff minutes; each head's signature is expected.
    pub fn issue_minutes(&mut self, meeting: &str) -> Result<i64> {
        let meeting = self.meeting_head(meeting)?;
        self.write_collab("issue_minutes", &meeting.collaboration_id, |w, head| {
            if matches!(meeting.kind, MeetingKind::Kickoff | MeetingKind::Adjustment) {
                let goal: Option<String> = w.tx.query_row("SELECT minutes_goal FROM meeting WHERE id = ?1", [&meeting.id], |r| r.get(0))?;
                if goal.as_deref().is_none_or(|g| g.trim().is_empty()) {
                    return Err(EngineError::missing("goal"));
                }
                let check = responsibility_check(&w.tx, &head.id, &meeting.id)?;
                if !check.gaps.is_empty() {
                    return Err(EngineError::ResponsibilityGap { departments: check.gaps });
                }
                if !check.overlaps.is_empty() {
                    return Err(EngineError::ResponsibilityOverlap { items: check.overlaps.into_iter().map(|o| o.item).collect() });
                }
            }
            let revision = meeting.revision + 1;
            let now = w.now_text();
            w.update("meeting", &meeting.id, json!({ "minutes_issued_at": now, "minutes_revision": revision }))?;
            for (department_id, _) in participants_in(&w.tx, &head.id)? {
                let head_person: Option<String> =
                    w.tx.query_row("SELECT head_person_id FROM department WHERE id = ?1", [&department_id], |r| r.get(0))?;
                w.insert(
                    "signature",
                    &crate::new_id(),
                    json!({
                        "collaboration_id": head.id, "document_kind": DocumentKind::Minutes, "document_id": meeting.id,
                        "revision": revision, "department_id": department_id, "head_person_id": head_person,
                    }),
                )?;
            }
            let summary: Option<String> = w.tx.query_row("SELECT coalesce(minutes_summary, minutes_goal) FROM meeting WHERE id = ?1", [&meeting.id], |r| r.get(0))?;
            let starts_on: String = w.tx.query_row("SELECT substr(starts_at, 1, 10) FROM meeting WHERE id = ?1", [&meeting.id], |r| r.get(0))?;
            w.insert(
                "communication",
                &crate::new_id(),
                json!({
                    "collaboration_id": head.id, "on_date": starts_on, "kind": CommunicationKind::Meeting,
                    "summary": summary.filter(|s| !s.trim().is_empty()).unwrap_or_else(|| format!("《{}》纪要已发出", meeting.title)), "participants": [],
                }),
            )?;
            if meeting.kind == MeetingKind::Kickoff && head.stage == Stage::Kickoff {
                w.update("collaboration", &head.id, json!({ "stage": Stage::Executing, "executing_since": now }))?;
            }
            Ok(revision)
        })
    }

    /// Marks a head's signature on a printed document revision as received.
    pub fn record_signature(&mut self, input: SignatureInput) -> Result<()> {
        let collaboration: String = self
            .conn
            .query_row("SELECT collaboration_id FROM signature WHERE id = ?1 AND deleted_at IS NULL", [&input.signature], |r| r.get(0))
            .optional()?
            .ok_or_else(|| EngineError::not_found("signature", &input.signature))?;
        if let Some(scan) = &input.scan_attachment {
            require_attachment(&self.conn, scan, &collaboration)?;
        }
        text::date("signed_on", input.signed_on)?;
        if input.signed_on > self.today() {
            return Err(EngineError::invalid("signed_on", "a signature cannot be dated in the future"));
        }
        self.write_collab("record_signature", &collaboration, |w, _| {
            let me = w.ctx.actor_id.clone();
            w.update(
                "signature",
                &input.signature,
                json!({ "signed_on": input.signed_on, "scan_attachment_id": input.scan_attachment, "recorded_by": me }),
            )
            .map(drop)
        })
    }

    fn meeting_head(&self, meeting: &str) -> Result<MeetingHead> {
        self.conn
            .query_row(
                "SELECT id, collaboration_id, kind, title, minutes_revision FROM meeting WHERE id = ?1 AND deleted_at IS NULL",
                [meeting],
                |r| Ok(MeetingHead { id: r.get(0)?, collaboration_id: r.get(1)?, kind: r.get(2)?, title: r.get(3)?, revision: r.get(4)? }),
            )
            .optional()?
            .ok_or_else(|| EngineError::not_found("meeting", meeting))
    }
}

/// The communication arrangements agreed in the minutes, each one line.
fn checked_communication(c: &CommunicationMechanism) -> Result<CommunicationMechanism> {
    Ok(CommunicationMechanism {
        weekly_meeting: text::line("communication.weekly_meeting", &c.weekly_meeting)?,
        urgent_channel: text::line("communication.urgent_channel", &c.urgent_channel)?,
        sync_method: text::line("communication.sync_method", &c.sync_method)?,
    })
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn ids(w: &Writer, sql: &str, key: &str) -> Result<Vec<String>> {
    let mut stmt = w.tx.prepare(sql)?;
    let rows = stmt.query_map([key], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Items are compared after trimming and ignoring case and inner spacing.
fn normalised_item(item: &str) -> String {
    item.split_whitespace().collect::<String>().to_lowercase()
}

pub(crate) fn responsibility_check(conn: &rusqlite::Connection, collaboration_id: &str, meeting_id: &str) -> Result<ResponsibilityCheck> {
    let items: Vec<(String, String)> = {
        let mut stmt = conn.prepare_cached(
            "SELECT d.name, r.item FROM responsibility r JOIN department d ON d.id = r.department_id
             WHERE r.meeting_id = ?1 AND r.deleted_at IS NULL ORDER BY r.rowid",
        )?;
        let rows = stmt.query_map(params![meeting_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    Ok(division_check(participants_in(conn, collaboration_id)?, &items))
}

/// The no-gaps, no-overlaps rule on `(department name, item)` pairs, stored or still being typed.
fn division_check(participants: Vec<(String, String)>, items: &[(String, String)]) -> ResponsibilityCheck {
    let gaps = participants.into_iter().map(|(_, name)| name).filter(|name| !items.iter().any(|(d, _)| d == name)).collect();
    let mut overlaps: Vec<Overlap> = Vec::new();
    for (_, item) in items {
        let key = normalised_item(item);
        let mut owners: Vec<String> = Vec::new();
        for (department, _) in items.iter().filter(|(_, i)| normalised_item(i) == key) {
            if !owners.contains(department) {
                owners.push(department.clone());
            }
        }
        if owners.len() > 1 && !overlaps.iter().any(|o| normalised_item(&o.item) == key) {
            overlaps.push(Overlap { item: item.clone(), departments: owners });
        }
    }
    ResponsibilityCheck { gaps, overlaps }
}

/// A division of work as it is being typed in the minutes editor, not yet saved.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct ResponsibilitiesDraft {
    pub collaboration: String,
    pub responsibilities: Vec<ResponsibilityInput>,
}

impl Engine {
    /// Gaps and overlaps in an unsaved division of work, by the same rule `issue_minutes` applies,
    /// so the editor can mark them while people type. Departments and items are refused as
    /// `save_minutes` would refuse them.
    pub fn check_responsibilities(&self, draft: &ResponsibilitiesDraft) -> Result<ResponsibilityCheck> {
        let head = self.collab_head(&draft.collaboration)?;
        let participants = self.participants(&head.id)?;
        let mut items: Vec<(String, String)> = Vec::new();
        for row in &draft.responsibilities {
            let department = self.resolve("department", &row.department)?;
            let (_, name) = participants
                .iter()
                .find(|(id, _)| *id == department)
                .ok_or_else(|| EngineError::NotParticipant { department: department.clone() })?;
            for item in &row.items {
                items.push((name.clone(), required_line("responsibilities.items", item)?));
            }
        }
        Ok(division_check(participants, &items))
    }
}
