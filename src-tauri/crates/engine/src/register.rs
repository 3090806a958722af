//! The register (沟通事项跟踪表): one row per collaboration with exactly the company's 11 columns,
//! filtered, sorted and paged in SQL so that a page stays fast on 100k collaborations.
//!
//! Each column is derived from the records, never typed twice: contacts from the request and the
//! confirmations, key dates from the milestones, the communication column from the latest
//! communication records, feedback from each department's latest feedback.

use crate::error::Result;
use crate::model::{CommunicationKind, Stage};
use crate::store::Engine;
use chrono::{Datelike, NaiveDate};
use rusqlite::types::Value as SqlValue;
use serde::{Deserialize, Serialize};

/// The register's column headings, in order, as the company's template has them.
pub const COLUMNS_ZH: [&str; 11] = [
    "协作编号",
    "发起部门",
    "协作事项",
    "对接人（发起方/协作方）",
    "需求背景与目标",
    "关键时间节点",
    "沟通记录（会议纪要/邮件摘要）",
    "当前进度",
    "反馈意见",
    "负责人",
    "备注",
];

pub const COLUMNS_EN: [&str; 11] = [
    "No.",
    "Initiating dept.",
    "Matter",
    "Contacts (initiator / collaborators)",
    "Background and goal",
    "Key dates",
    "Communication (minutes / e-mail summaries)",
    "Current progress",
    "Feedback",
    "Owner",
    "Remarks",
];

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum RegisterSort {
    #[default]
    Number,
    ExpectedCompletion,
    Stage,
    UpdatedAt,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(default, deny_unknown_fields)]
pub struct RegisterQuery {
    pub stage: Option<Stage>,
    /// Initiating or collaborating department (id or name).
    pub department: Option<String>,
    /// Owner (负责人), id or name.
    pub owner: Option<String>,
    /// Expected completion on or after.
    pub from: Option<NaiveDate>,
    /// Expected completion on or before.
    pub to: Option<NaiveDate>,
    pub include_archived: Option<bool>,
    #[ts(as = "Option<RegisterSort>", optional)]
    pub sort: RegisterSort,
    #[ts(as = "Option<bool>", optional)]
    pub descending: bool,
    #[ts(as = "Option<usize>", optional)]
    pub offset: usize,
    /// Page size; 0 means all rows.
    #[ts(as = "Option<usize>", optional)]
    pub limit: usize,
}

/// One register row: the 11 columns plus the id and stage code for navigation.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct RegisterRow {
    pub id: String,
    pub stage: Stage,
    pub number: String,
    pub initiating_department: String,
    pub title: String,
    pub contacts: String,
    pub background_goal: String,
    pub key_dates: String,
    pub communications: String,
    pub progress: String,
    pub feedback: String,
    pub owner: String,
    pub remarks: String,
}

impl RegisterRow {
    /// The 11 cells in the template's order.
    pub fn cells(&self) -> [&str; 11] {
        [
            &self.number,
            &self.initiating_department,
            &self.title,
            &self.contacts,
            &self.background_goal,
            &self.key_dates,
            &self.communications,
            &self.progress,
            &self.feedback,
            &self.owner,
            &self.remarks,
        ]
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct StageCount {
    pub stage: Stage,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct RegisterPage {
    pub total: usize,
    pub rows: Vec<RegisterRow>,
}

/// "10月15日" — the way the company writes dates in the register.
pub fn short_date_zh(date: NaiveDate) -> String {
    format!("{}月{}日", date.month(), date.day())
}

impl Engine {
    pub fn register(&self, query: &RegisterQuery) -> Result<RegisterPage> {
        let mut conditions = vec!["c.deleted_at IS NULL".to_string()];
        let mut values: Vec<SqlValue> = Vec::new();
        if let Some(stage) = query.stage {
            values.push(SqlValue::Text(stage.code().into()));
            conditions.push(format!("c.stage = ?{}", values.len()));
        } else if !query.include_archived.unwrap_or(true) {
            conditions.push("c.stage <> 'archived'".into());
        }
        if let Some(department) = &query.department {
            values.push(SqlValue::Text(self.resolve("department", department)?));
            let n = values.len();
            // The page walks the sort index and stops after a page of matches.
            conditions.push(format!(
                "(c.initiating_department_id = ?{n} OR EXISTS (SELECT 1 FROM collab_department cd
                  WHERE cd.collaboration_id = c.id AND cd.department_id = ?{n} AND cd.deleted_at IS NULL))"
            ));
        }
        if let Some(owner) = &query.owner {
            values.push(SqlValue::Text(self.resolve("person", owner)?));
            conditions.push(format!("c.owner_person_id = ?{}", values.len()));
        }
        if let Some(from) = query.from {
            values.push(SqlValue::Text(from.to_string()));
            conditions.push(format!("c.expected_completion >= ?{}", values.len()));
        }
        if let Some(to) = query.to {
            values.push(SqlValue::Text(to.to_string()));
            conditions.push(format!("c.expected_completion <= ?{}", values.len()));
        }
        let filter = conditions.join(" AND ");
        let department_only = query.department.is_some() && values.len() == 1 && query.include_archived.unwrap_or(true);
        let count_sql = if department_only {
            // Counting with the EXISTS above would probe every collaboration; two index ranges give
            // the same count (a department never collaborates on what it initiates itself).
            // Collaborations are never deleted (numbers stay on record), so the second range needs
            // no join.
            "SELECT (SELECT count(*) FROM collaboration WHERE initiating_department_id = ?1 AND deleted_at IS NULL)
                  + (SELECT count(*) FROM collab_department WHERE department_id = ?1 AND deleted_at IS NULL)"
                .to_string()
        } else {
            format!("SELECT count(*) FROM collaboration c WHERE {filter}")
        };
        let total: i64 = self.conn.query_row(&count_sql, rusqlite::params_from_iter(values.iter()), |r| r.get(0))?;

        let order = match query.sort {
            RegisterSort::Number => "c.number",
            RegisterSort::ExpectedCompletion => "c.expected_completion",
            RegisterSort::Stage => "c.stage",
            RegisterSort::UpdatedAt => "c.updated_at",
        };
        let direction = if query.descending { "DESC" } else { "ASC" };
        // Page numbers past what SQLite's integers hold simply mean "no more rows" / "all rows".
        let limit = if query.limit == 0 { -1 } else { i64::try_from(query.limit).unwrap_or(-1) };
        let offset = i64::try_from(query.offset).unwrap_or(i64::MAX);
        let sql = format!(
            "SELECT c.id, c.stage, c.number, d.name, c.title, c.background, c.goal, c.progress_note, c.remarks,
                    o.name, i.name
             FROM collaboration c
             JOIN department d ON d.id = c.initiating_department_id
             LEFT JOIN person o ON o.id = c.owner_person_id
             LEFT JOIN person i ON i.id = c.initiator_contact_id
             WHERE {filter} ORDER BY {order} {direction}, c.number {direction} LIMIT {limit} OFFSET {offset}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let heads = stmt
            .query_map(rusqlite::params_from_iter(values.iter()), |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Stage>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    (r.get::<_, String>(5)?, r.get::<_, String>(6)?),
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, Option<String>>(9)?,
                    r.get::<_, Option<String>>(10)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let rows = heads
            .into_iter()
            .map(|(id, stage, number, department, title, (background, goal), progress_note, remarks, owner, initiator)| {
                Ok(RegisterRow {
                    contacts: self.contacts_cell(&id, initiator)?,
                    background_goal: join_background_goal(&background, &goal),
                    key_dates: self.key_dates_cell(&id)?,
                    communications: self.communications_cell(&id)?,
                    progress: if progress_note.is_empty() { stage.label_zh().to_string() } else { progress_note },
                    feedback: self.feedback_cell(&id)?,
                    owner: owner.unwrap_or_default(),
                    id,
                    stage,
                    number,
                    initiating_department: department,
                    title,
                    remarks,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(RegisterPage { total: total as usize, rows })
    }

    /// How many collaborations are at each stage (stages with none are left out).
    pub fn stage_counts(&self) -> Result<Vec<StageCount>> {
        let mut stmt = self.conn.prepare_cached("SELECT stage, count(*) FROM collaboration WHERE deleted_at IS NULL GROUP BY stage")?;
        let rows = stmt.query_map([], |r| Ok(StageCount { stage: r.get(0)?, count: r.get::<_, i64>(1)? as usize }))?;
        let mut counts = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        counts.sort_by_key(|c| Stage::ALL.iter().position(|s| *s == c.stage));
        Ok(counts)
    }

    fn contacts_cell(&self, id: &str, initiator: Option<String>) -> Result<String> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.name FROM collab_department cd JOIN person p ON p.id = cd.contact_person_id
             WHERE cd.collaboration_id = ?1 AND cd.deleted_at IS NULL ORDER BY cd.rowid",
        )?;
        let others: Vec<String> = stmt.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(format!("{}/{}", initiator.unwrap_or_default(), others.join("、")))
    }

    fn key_dates_cell(&self, id: &str) -> Result<String> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT due_date, name FROM milestone WHERE collaboration_id = ?1 AND deleted_at IS NULL ORDER BY due_date, name",
        )?;
        let rows = stmt.query_map([id], |r| Ok((r.get::<_, NaiveDate>(0)?, r.get::<_, String>(1)?)))?;
        let parts =
            rows.map(|r| r.map(|(date, name)| format!("{}：{}", short_date_zh(date), name))).collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(parts.join("；"))
    }

    fn communications_cell(&self, id: &str) -> Result<String> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT on_date, kind, summary FROM communication WHERE collaboration_id = ?1 AND deleted_at IS NULL ORDER BY on_date DESC, rowid DESC LIMIT 3",
        )?;
        let rows = stmt.query_map([id], |r| Ok((r.get::<_, NaiveDate>(0)?, r.get::<_, CommunicationKind>(1)?, r.get::<_, String>(2)?)))?;
        let parts = rows
            .map(|r| r.map(|(date, kind, summary)| format!("{}{}：{}", short_date_zh(date), kind.label_zh(), summary)))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(parts.join("；"))
    }

    fn feedback_cell(&self, id: &str) -> Result<String> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.name, f.text FROM feedback f JOIN department d ON d.id = f.department_id
             WHERE f.collaboration_id = ?1 AND f.deleted_at IS NULL
               AND f.rowid = (SELECT max(g.rowid) FROM feedback g WHERE g.collaboration_id = f.collaboration_id AND g.department_id = f.department_id AND g.deleted_at IS NULL)
             ORDER BY f.rowid",
        )?;
        let rows = stmt.query_map([id], |r| Ok(format!("{}：{}", r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?.join("；"))
    }
}

fn join_background_goal(background: &str, goal: &str) -> String {
    match (background.is_empty(), goal.is_empty()) {
        (false, false) => format!("{background}，目标{goal}"),
        (false, true) => background.to_string(),
        (true, false) => format!("目标{goal}"),
        (true, true) => String::new(),
    }
}
