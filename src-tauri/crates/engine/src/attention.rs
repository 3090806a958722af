//! The attention list: everything that needs someone's action now, overdue first.
//!
//! Each kind of item is one indexed query over open records of collaborations that are not
//! archived; "today", "now" and "one working day ago" come from the engine's clock and calendar, so
//! the list is deterministic in tests. Items name the person and department expected to act, which
//! is how the list is filtered for one person or department.

use crate::error::Result;
use crate::store::Engine;
use chrono::{Duration, NaiveDate, SecondsFormat};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum AttentionKind {
    AnswerDue,
    MinutesDue,
    SignatureMissing,
    TaskOverdue,
    TaskNoStatus,
    TaskBlocked,
    ProblemOverdue,
    RiskEscalated,
    ChangeAwaiting,
    RectificationDue,
    LetterNotIssued,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct AttentionItem {
    pub kind: AttentionKind,
    pub collaboration_id: String,
    pub number: String,
    pub title: String,
    /// The record that needs action (answer slot, meeting, task, …).
    pub subject_id: String,
    /// What it is about, e.g. the task title or the department name.
    pub subject: String,
    pub department_id: Option<String>,
    pub person_id: Option<String>,
    /// Due date (YYYY-MM-DD) or instant (RFC 3339), if the item has one.
    pub due: Option<String>,
    pub overdue: bool,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(default, deny_unknown_fields)]
pub struct AttentionFilter {
    pub person: Option<String>,
    pub department: Option<String>,
}

/// Each query returns: collaboration id, number, title, subject id, subject, department, person, due.
const QUERIES: &[(AttentionKind, &str)] = &[
    (
        AttentionKind::AnswerDue,
        "SELECT c.id, c.number, c.title, f.id, d.name, f.department_id, coalesce(cd.contact_person_id, d.head_person_id), f.due_date
         FROM feasibility_answer f JOIN collaboration c ON c.id = f.collaboration_id AND f.round = c.revision
         JOIN department d ON d.id = f.department_id
         LEFT JOIN collab_department cd ON cd.collaboration_id = c.id AND cd.department_id = f.department_id AND cd.deleted_at IS NULL
         WHERE f.answer IS NULL AND f.deleted_at IS NULL AND c.stage IN ('confirming', 'revising')",
    ),
    (
        AttentionKind::MinutesDue,
        "SELECT c.id, c.number, c.title, m.id, m.title, c.initiating_department_id, c.owner_person_id, m.minutes_due_at
         FROM meeting m JOIN collaboration c ON c.id = m.collaboration_id
         WHERE m.minutes_issued_at IS NULL AND m.deleted_at IS NULL AND m.ends_at <= :now AND c.stage <> 'archived'",
    ),
    (
        AttentionKind::SignatureMissing,
        "SELECT c.id, c.number, c.title, s.id, s.document_kind || ' r' || s.revision || ' · ' || d.name, s.department_id, s.head_person_id, NULL
         FROM signature s JOIN collaboration c ON c.id = s.collaboration_id JOIN department d ON d.id = s.department_id
         WHERE s.signed_on IS NULL AND s.deleted_at IS NULL AND c.stage <> 'archived'
           AND s.revision = (SELECT max(t.revision) FROM signature t WHERE t.document_kind = s.document_kind AND t.document_id = s.document_id)",
    ),
    (
        AttentionKind::TaskOverdue,
        "SELECT c.id, c.number, c.title, t.id, t.title, t.department_id, t.responsible_person_id, t.end_date
         FROM task t JOIN collaboration c ON c.id = t.collaboration_id
         WHERE t.status IN ('not_started', 'in_progress', 'blocked') AND t.end_date < :today AND t.deleted_at IS NULL AND c.stage IN ('executing', 'accepting')",
    ),
    (
        AttentionKind::TaskNoStatus,
        "SELECT c.id, c.number, c.title, t.id, t.title, t.department_id, t.responsible_person_id, NULL
         FROM task t JOIN collaboration c ON c.id = t.collaboration_id
         WHERE t.status IN ('not_started', 'in_progress') AND t.start_date <= :stale AND t.end_date >= :today
           AND (t.last_status_on IS NULL OR t.last_status_on < :stale) AND t.deleted_at IS NULL
           AND c.stage IN ('executing', 'accepting')",
    ),
    (
        AttentionKind::TaskBlocked,
        "SELECT c.id, c.number, c.title, t.id, t.title, t.department_id, t.responsible_person_id, t.end_date
         FROM task t JOIN collaboration c ON c.id = t.collaboration_id
         WHERE t.status = 'blocked' AND t.deleted_at IS NULL AND c.stage IN ('executing', 'accepting')",
    ),
    (
        AttentionKind::ProblemOverdue,
        "SELECT c.id, c.number, c.title, p.id, p.description, o.department_id, p.owner_person_id, p.deadline
         FROM problem p JOIN collaboration c ON c.id = p.collaboration_id LEFT JOIN person o ON o.id = p.owner_person_id
         WHERE p.resolved_on IS NULL AND p.deadline < :today AND p.deleted_at IS NULL AND c.stage <> 'archived'",
    ),
    (
        AttentionKind::RiskEscalated,
        "SELECT c.id, c.number, c.title, r.id, r.title, c.initiating_department_id, c.owner_person_id, NULL
         FROM risk r JOIN collaboration c ON c.id = r.collaboration_id
         WHERE r.escalated_at IS NOT NULL AND r.closed_at IS NULL AND r.deleted_at IS NULL AND c.stage <> 'archived'",
    ),
    (
        AttentionKind::ChangeAwaiting,
        "SELECT c.id, c.number, c.title, a.id, cr.title || ' · ' || d.name, a.department_id, d.head_person_id, NULL
         FROM change_approval a JOIN change_request cr ON cr.id = a.change_request_id
         JOIN collaboration c ON c.id = a.collaboration_id JOIN department d ON d.id = a.department_id
         WHERE cr.status = 'pending' AND a.decision IS NULL AND c.stage <> 'archived'",
    ),
    (
        AttentionKind::RectificationDue,
        "SELECT c.id, c.number, c.title, r.id, r.description, dl.department_id, r.owner_person_id, r.deadline
         FROM rectification r JOIN collaboration c ON c.id = r.collaboration_id JOIN deliverable dl ON dl.id = r.deliverable_id
         WHERE r.closed_at IS NULL AND r.resubmitted_at IS NULL AND r.deleted_at IS NULL AND c.stage <> 'archived'",
    ),
    (
        AttentionKind::LetterNotIssued,
        "SELECT c.id, c.number, c.title, c.id, c.title, c.initiating_department_id, c.owner_person_id, NULL
         FROM collaboration c
         WHERE c.stage = 'accepting'
           AND NOT EXISTS (SELECT 1 FROM deliverable dl WHERE dl.collaboration_id = c.id AND dl.status <> 'passed' AND dl.deleted_at IS NULL)",
    ),
];

impl Engine {
    pub fn attention(&self, filter: &AttentionFilter) -> Result<Vec<AttentionItem>> {
        let person = filter.person.as_deref().map(|p| self.resolve("person", p)).transpose()?;
        let department = filter.department.as_deref().map(|d| self.resolve("department", d)).transpose()?;
        let today = self.today();
        let now = self.clock.now().to_rfc3339_opts(SecondsFormat::Secs, true);
        let stale = self.previous_working_day(today);
        let mut items = Vec::new();
        let today_text = today.to_string();
        let stale_text = stale.to_string();
        for (kind, sql) in QUERIES {
            // The filters run in SQL, so a filtered list costs only what it returns.
            let filtered = format!(
                "WITH q(collaboration_id, number, title, subject_id, subject, department_id, person_id, due) AS ({sql})
                 SELECT * FROM q WHERE (:person IS NULL OR person_id = :person) AND (:department IS NULL OR department_id = :department)"
            );
            let mut stmt = self.conn.prepare_cached(&filtered)?;
            let mut params: Vec<(&str, &dyn rusqlite::ToSql)> = vec![(":person", &person), (":department", &department)];
            for (name, value) in [(":today", &today_text as &dyn rusqlite::ToSql), (":now", &now), (":stale", &stale_text)] {
                if sql.contains(name) {
                    params.push((name, value));
                }
            }
            let rows = stmt.query_map(params.as_slice(), |r| {
                Ok(AttentionItem {
                    kind: *kind,
                    collaboration_id: r.get(0)?,
                    number: r.get(1)?,
                    title: r.get(2)?,
                    subject_id: r.get(3)?,
                    subject: r.get(4)?,
                    department_id: r.get(5)?,
                    person_id: r.get(6)?,
                    due: r.get(7)?,
                    overdue: false,
                })
            })?;
            for item in rows {
                let mut item = item?;
                item.overdue = match item.kind {
                    AttentionKind::TaskOverdue | AttentionKind::ProblemOverdue => true,
                    AttentionKind::MinutesDue => item.due.as_deref().is_some_and(|d| d < now.as_str()),
                    _ => item.due.as_deref().is_some_and(|d| d.len() == 10 && d < today_text.as_str()),
                };
                items.push(item);
            }
        }
        items.sort_by(|a, b| {
            b.overdue
                .cmp(&a.overdue)
                .then_with(|| a.due.is_none().cmp(&b.due.is_none()))
                .then_with(|| a.due.cmp(&b.due))
                .then_with(|| a.number.cmp(&b.number))
                .then_with(|| a.kind.cmp(&b.kind))
        });
        Ok(items)
    }

    /// The working day before `date` (a task last reported before it has gone more than one
    /// working day without a status).
    pub(crate) fn previous_working_day(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date - Duration::days(1);
        for _ in 0..60 {
            if self.calendar.is_working_day(day) {
                return day;
            }
            day -= Duration::days(1);
        }
        day
    }
}
