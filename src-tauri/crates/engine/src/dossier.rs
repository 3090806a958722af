//! The whole record of one collaboration (卷宗): everything the collaboration page, `xiezuo show`
//! and the documents need, and its history from the change log.
//!
//! Child lists are read generically as JSON objects (column → value, JSON list columns parsed)
//! because they are read models for display and printing; the typed inputs and rules live in the
//! domain modules.

use crate::error::{EngineError, Result};
use crate::model::Stage;
use crate::store::Engine;
use rusqlite::types::Value as SqlValue;
use rusqlite::OptionalExtension;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::HashMap;

#[derive(Debug, Clone, Serialize)]
pub struct Dossier {
    pub collaboration: Value,
    pub stage: Stage,
    pub step: u8,
    pub departments: Vec<Value>,
    pub milestones: Vec<Value>,
    pub feasibility: Vec<Value>,
    pub meetings: Vec<Value>,
    pub responsibilities: Vec<Value>,
    pub signatures: Vec<Value>,
    pub tasks: Vec<Value>,
    pub status_updates: Vec<Value>,
    pub problems: Vec<Value>,
    pub risks: Vec<Value>,
    pub change_requests: Vec<Value>,
    pub change_approvals: Vec<Value>,
    pub deliverables: Vec<Value>,
    pub reviews: Vec<Value>,
    pub rectifications: Vec<Value>,
    pub letter: Option<Value>,
    pub communications: Vec<Value>,
    pub feedback: Vec<Value>,
    pub attachments: Vec<Value>,
}

/// One change-log entry, with the actor's name for display.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct HistoryEntry {
    pub hlc: String,
    pub wall_time: String,
    pub actor: Option<String>,
    pub device_id: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub op: String,
    pub changes: Value,
}

/// One recent write anywhere, for the dashboard's activity feed.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct ActivityEntry {
    pub wall_time: String,
    pub actor: Option<String>,
    pub action: String,
    pub collaboration_id: String,
    pub number: String,
    pub title: String,
}

/// One dated event in a collaboration's life, for the timeline view.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct TimelineEvent {
    /// A date (YYYY-MM-DD) or a China-time instant (YYYY-MM-DD HH:MM); text order is time order.
    pub at: String,
    pub kind: String,
    pub title: String,
    /// The record the event belongs to.
    pub record_id: String,
}

/// Every dated event: what happened (request, answers, meetings, statuses, reviews, letter) and
/// what is planned (milestones, task ends), in time order.
const TIMELINE_SQL: &str = "
    SELECT strftime('%Y-%m-%d %H:%M', created_at, '+8 hours'), 'created', title, id FROM collaboration WHERE id = ?1
    UNION ALL SELECT strftime('%Y-%m-%d %H:%M', min(created_at), '+8 hours'), 'request_sent', '第' || round || '轮', min(id) FROM feasibility_answer WHERE collaboration_id = ?1 GROUP BY round
    UNION ALL SELECT strftime('%Y-%m-%d %H:%M', f.answered_at, '+8 hours'), 'answer_' || f.answer, d.name || coalesce('：' || f.note, ''), f.id
              FROM feasibility_answer f JOIN department d ON d.id = f.department_id WHERE f.collaboration_id = ?1 AND f.answered_at IS NOT NULL
    UNION ALL SELECT strftime('%Y-%m-%d %H:%M', starts_at, '+8 hours'), 'meeting', title, id FROM meeting WHERE collaboration_id = ?1 AND deleted_at IS NULL
    UNION ALL SELECT strftime('%Y-%m-%d %H:%M', minutes_issued_at, '+8 hours'), 'minutes_issued', title, id FROM meeting WHERE collaboration_id = ?1 AND minutes_issued_at IS NOT NULL
    UNION ALL SELECT due_date, 'milestone', name, id FROM milestone WHERE collaboration_id = ?1 AND deleted_at IS NULL
    UNION ALL SELECT s.on_date, 'status_' || s.status, t.title || coalesce('：' || nullif(s.note, ''), ''), s.id
              FROM status_update s JOIN task t ON t.id = s.task_id WHERE s.collaboration_id = ?1
    UNION ALL SELECT raised_on, 'risk', title, id FROM risk WHERE collaboration_id = ?1 AND deleted_at IS NULL
    UNION ALL SELECT strftime('%Y-%m-%d %H:%M', opened_at, '+8 hours'), 'change_' || status, title, id FROM change_request WHERE collaboration_id = ?1
    UNION ALL SELECT strftime('%Y-%m-%d %H:%M', submitted_at, '+8 hours'), 'deliverable', title || ' v' || version, id FROM deliverable WHERE collaboration_id = ?1 AND deleted_at IS NULL
    UNION ALL SELECT r.reviewed_on, 'review_' || r.result, d.title || ' v' || r.deliverable_version, r.id
              FROM acceptance_review r JOIN deliverable d ON d.id = r.deliverable_id WHERE r.collaboration_id = ?1
    UNION ALL SELECT issued_on, 'letter', '协作完成确认函', id FROM completion_letter WHERE collaboration_id = ?1
    UNION ALL SELECT on_date, 'communication_' || kind, summary, id FROM communication WHERE collaboration_id = ?1
    UNION ALL SELECT strftime('%Y-%m-%d %H:%M', archived_at, '+8 hours'), 'archived', '', id FROM collaboration WHERE id = ?1 AND archived_at IS NOT NULL
    ORDER BY 1, 2";

/// One list of the dossier: its field, the name of its row type in the UI's TypeScript bindings
/// (`crate::bindings` derives the row's fields from this query's columns), and the query (`?1` is
/// the collaboration id).
pub struct DossierList {
    pub field: &'static str,
    pub row_type: &'static str,
    pub sql: &'static str,
}

/// Every list of the dossier, the collaboration itself first.
pub const LISTS: &[DossierList] = &[
    DossierList {
        field: "collaboration",
        row_type: "CollaborationRow",
        sql: "SELECT c.*, d.name AS initiating_department, i.name AS initiator_contact, o.name AS owner FROM collaboration c JOIN department d ON d.id = c.initiating_department_id LEFT JOIN person i ON i.id = c.initiator_contact_id LEFT JOIN person o ON o.id = c.owner_person_id WHERE c.id = ?1",
    },
    DossierList {
        field: "departments",
        row_type: "CollabDepartmentRow",
        sql: "SELECT cd.*, d.name AS department, p.name AS contact, h.name AS head FROM collab_department cd JOIN department d ON d.id = cd.department_id LEFT JOIN person p ON p.id = cd.contact_person_id LEFT JOIN person h ON h.id = d.head_person_id WHERE cd.collaboration_id = ?1 AND cd.deleted_at IS NULL ORDER BY cd.rowid",
    },
    DossierList {
        field: "milestones",
        row_type: "MilestoneRow",
        sql: "SELECT * FROM milestone WHERE collaboration_id = ?1 AND deleted_at IS NULL ORDER BY due_date, position",
    },
    DossierList {
        field: "feasibility",
        row_type: "FeasibilityRow",
        sql: "SELECT f.*, d.name AS department, p.name AS contact FROM feasibility_answer f JOIN department d ON d.id = f.department_id LEFT JOIN person p ON p.id = f.contact_person_id WHERE f.collaboration_id = ?1 ORDER BY f.round, f.rowid",
    },
    DossierList {
        field: "meetings",
        row_type: "MeetingRow",
        sql: "SELECT * FROM meeting WHERE collaboration_id = ?1 AND deleted_at IS NULL ORDER BY starts_at",
    },
    DossierList {
        field: "responsibilities",
        row_type: "ResponsibilityRow",
        sql: "SELECT r.*, d.name AS department FROM responsibility r JOIN department d ON d.id = r.department_id WHERE r.collaboration_id = ?1 AND r.deleted_at IS NULL ORDER BY r.rowid",
    },
    DossierList {
        field: "signatures",
        row_type: "SignatureRow",
        sql: "SELECT s.*, d.name AS department, p.name AS head FROM signature s JOIN department d ON d.id = s.department_id LEFT JOIN person p ON p.id = s.head_person_id WHERE s.collaboration_id = ?1 ORDER BY s.rowid",
    },
    DossierList {
        field: "tasks",
        row_type: "TaskRow",
        sql: "SELECT t.*, d.name AS department, p.name AS responsible FROM task t JOIN department d ON d.id = t.department_id JOIN person p ON p.id = t.responsible_person_id WHERE t.collaboration_id = ?1 AND t.deleted_at IS NULL ORDER BY t.start_date, t.rowid",
    },
    DossierList {
        field: "status_updates",
        row_type: "StatusUpdateRow",
        sql: "SELECT * FROM status_update WHERE collaboration_id = ?1 ORDER BY on_date, rowid",
    },
    DossierList {
        field: "problems",
        row_type: "ProblemRow",
        sql: "SELECT pr.*, p.name AS owner FROM problem pr LEFT JOIN person p ON p.id = pr.owner_person_id WHERE pr.collaboration_id = ?1 AND pr.deleted_at IS NULL ORDER BY pr.rowid",
    },
    DossierList {
        field: "risks",
        row_type: "RiskRow",
        sql: "SELECT * FROM risk WHERE collaboration_id = ?1 AND deleted_at IS NULL ORDER BY rowid",
    },
    DossierList {
        field: "change_requests",
        row_type: "ChangeRequestRow",
        sql: "SELECT * FROM change_request WHERE collaboration_id = ?1 ORDER BY rowid",
    },
    DossierList {
        field: "change_approvals",
        row_type: "ChangeApprovalRow",
        sql: "SELECT a.*, d.name AS department FROM change_approval a JOIN department d ON d.id = a.department_id WHERE a.collaboration_id = ?1 ORDER BY a.rowid",
    },
    DossierList {
        field: "deliverables",
        row_type: "DeliverableRow",
        sql: "SELECT dl.*, d.name AS department FROM deliverable dl JOIN department d ON d.id = dl.department_id WHERE dl.collaboration_id = ?1 AND dl.deleted_at IS NULL ORDER BY dl.rowid",
    },
    DossierList {
        field: "reviews",
        row_type: "ReviewRow",
        sql: "SELECT * FROM acceptance_review WHERE collaboration_id = ?1 ORDER BY rowid",
    },
    DossierList {
        field: "rectifications",
        row_type: "RectificationRow",
        sql: "SELECT * FROM rectification WHERE collaboration_id = ?1 ORDER BY rowid",
    },
    DossierList {
        field: "letter",
        row_type: "LetterRow",
        sql: "SELECT * FROM completion_letter WHERE collaboration_id = ?1",
    },
    DossierList {
        field: "communications",
        row_type: "CommunicationRow",
        sql: "SELECT * FROM communication WHERE collaboration_id = ?1 ORDER BY on_date, rowid",
    },
    DossierList {
        field: "feedback",
        row_type: "FeedbackRow",
        sql: "SELECT f.*, d.name AS department FROM feedback f JOIN department d ON d.id = f.department_id WHERE f.collaboration_id = ?1 ORDER BY f.on_date, f.rowid",
    },
    DossierList {
        field: "attachments",
        row_type: "AttachmentRow",
        sql: "SELECT * FROM attachment WHERE collaboration_id = ?1 AND deleted_at IS NULL ORDER BY rowid",
    },
];

/// Columns that hold JSON lists or objects.
pub(crate) const JSON_COLUMNS: &[&str] = &[
    "support_kinds",
    "attendees",
    "agenda",
    "minutes_communication",
    "minutes_criteria",
    "minutes_decisions",
    "collaborators",
    "changes",
    "baseline",
    "self_check",
    "criteria",
    "reviewers",
    "recipients",
    "participants",
];

impl Engine {
    pub fn dossier(&self, collaboration: &str) -> Result<Dossier> {
        let head = self.collab_head(collaboration)?;
        let mut lists =
            LISTS.iter().map(|list| Ok((list.field, self.rows_json(list.sql, &head.id)?))).collect::<Result<HashMap<_, _>>>()?;
        let mut take = |field: &str| lists.remove(field).unwrap_or_default();
        let collaboration = take("collaboration").into_iter().next().ok_or_else(|| EngineError::not_found("collaboration", &head.id))?;
        Ok(Dossier {
            collaboration,
            stage: head.stage,
            step: head.stage.step(),
            departments: take("departments"),
            milestones: take("milestones"),
            feasibility: take("feasibility"),
            meetings: take("meetings"),
            responsibilities: take("responsibilities"),
            signatures: take("signatures"),
            tasks: take("tasks"),
            status_updates: take("status_updates"),
            problems: take("problems"),
            risks: take("risks"),
            change_requests: take("change_requests"),
            change_approvals: take("change_approvals"),
            deliverables: take("deliverables"),
            reviews: take("reviews"),
            rectifications: take("rectifications"),
            letter: take("letter").into_iter().next(),
            communications: take("communications"),
            feedback: take("feedback"),
            attachments: take("attachments"),
        })
    }

    /// The collaboration's change log, oldest first: who changed what, when, from which device.
    pub fn history(&self, collaboration: &str) -> Result<Vec<HistoryEntry>> {
        let head = self.collab_head(collaboration)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.hlc, l.wall_time, p.name, l.device_id, l.action, l.entity, l.entity_id, l.op, l.changes
             FROM change_log l LEFT JOIN person p ON p.id = l.actor_id WHERE l.collaboration_id = ?1 ORDER BY l.hlc",
        )?;
        let rows = stmt.query_map([&head.id], |r| {
            Ok(HistoryEntry {
                hlc: r.get(0)?,
                wall_time: r.get(1)?,
                actor: r.get(2)?,
                device_id: r.get(3)?,
                action: r.get(4)?,
                entity: r.get(5)?,
                entity_id: r.get(6)?,
                op: r.get(7)?,
                changes: serde_json::from_str(&r.get::<_, String>(8)?).unwrap_or(Value::Null),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The latest writes across all collaborations, newest first, one entry per action (an action
    /// logs one row per record it touches). Reads only the newest log rows, by the clock's index.
    pub fn recent_activity(&self, limit: usize) -> Result<Vec<ActivityEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT max(l.wall_time), p.name, l.action, c.id, c.number, c.title
             FROM (SELECT * FROM change_log WHERE collaboration_id IS NOT NULL ORDER BY hlc DESC LIMIT ?1 * 8) l
             JOIN collaboration c ON c.id = l.collaboration_id LEFT JOIN person p ON p.id = l.actor_id
             GROUP BY l.wall_time, l.action, l.collaboration_id ORDER BY max(l.hlc) DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit.clamp(1, 200) as i64], |r| {
            Ok(ActivityEntry {
                wall_time: r.get(0)?,
                actor: r.get(1)?,
                action: r.get(2)?,
                collaboration_id: r.get(3)?,
                number: r.get(4)?,
                title: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The collaboration's dated events in time order (see `TIMELINE_SQL`).
    pub fn timeline(&self, collaboration: &str) -> Result<Vec<TimelineEvent>> {
        let head = self.collab_head(collaboration)?;
        let mut stmt = self.conn.prepare_cached(TIMELINE_SQL)?;
        let rows =
            stmt.query_map([&head.id], |r| Ok(TimelineEvent { at: r.get(0)?, kind: r.get(1)?, title: r.get(2)?, record_id: r.get(3)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn rows_json(&self, sql: &str, id: &str) -> Result<Vec<Value>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
        let rows = stmt.query_map([id], |r| {
            let mut map = Map::new();
            for (i, name) in names.iter().enumerate() {
                let value = match r.get::<_, SqlValue>(i)? {
                    SqlValue::Null => Value::Null,
                    SqlValue::Integer(n) => Value::from(n),
                    SqlValue::Real(f) => Value::from(f),
                    SqlValue::Text(s) if JSON_COLUMNS.contains(&name.as_str()) => serde_json::from_str(&s).unwrap_or(Value::String(s)),
                    SqlValue::Text(s) => Value::String(s),
                    SqlValue::Blob(_) => continue,
                };
                map.insert(name.clone(), value);
            }
            Ok(Value::Object(map))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Full-text search over every text field (see `search`).
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<crate::SearchHit>> {
        let query = crate::text::line("query", query)?;
        crate::search::search(&self.conn, &query, limit.clamp(1, 500))
    }

    /// Whether a collaboration with this number or id exists.
    pub fn exists(&self, collaboration: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM collaboration WHERE (id = ?1 OR number = ?1) AND deleted_at IS NULL", [collaboration], |r| {
                r.get::<_, i64>(0)
            })
            .optional()?
            .is_some())
    }
}
