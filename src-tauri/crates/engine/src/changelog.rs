//! The one write path: validate → IMMEDIATE transaction → apply → append to the change log.
//!
//! Domain modules never execute INSERT or UPDATE themselves; they call `Writer::insert` and
//! `Writer::update`, which apply the change, record field-level before/after values with the actor,
//! device and hybrid logical clock, and keep the full-text index current. That makes the change log
//! a complete history of every record (书面留痕) and, later, the sync outbox. A closure that returns
//! an error rolls the whole transaction back, so a refused move changes nothing.

use crate::clock::Hlc;
use crate::error::{EngineError, Result};
use crate::search;
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, OptionalExtension, Savepoint};
use serde_json::{Map, Value};

/// Who is writing, from where, and under which action name.
pub(crate) struct WriteContext {
    pub actor_id: Option<String>,
    pub device_id: String,
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
    pub action: &'static str,
    pub collaboration_id: Option<String>,
}

pub(crate) struct Writer<'a> {
    /// A savepoint of the IMMEDIATE transaction the write runs in (its own, or a batch's).
    pub tx: Savepoint<'a>,
    pub ctx: WriteContext,
    pub hlc: &'a mut Hlc,
}

/// Columns every record has; the writer fills them, callers never do.
const AUDIT_COLUMNS: [&str; 5] = ["created_at", "created_by", "updated_at", "updated_by", "deleted_at"];

impl<'a> Writer<'a> {
    pub fn now_text(&self) -> String {
        self.ctx.now.to_rfc3339_opts(SecondsFormat::Secs, true)
    }

    /// Inserts a record; `fields` is a JSON object of column → value.
    pub fn insert(&mut self, table: &'static str, id: &str, fields: Value) -> Result<()> {
        let fields = into_object(fields);
        let now = self.now_text();
        let mut columns = vec!["id".to_string()];
        let mut values: Vec<SqlValue> = vec![SqlValue::Text(id.to_string())];
        for (column, value) in &fields {
            check_identifier(column);
            columns.push(column.clone());
            values.push(to_sql(value));
        }
        for (column, value) in [("created_at", &now), ("updated_at", &now)] {
            columns.push(column.to_string());
            values.push(SqlValue::Text(value.clone()));
        }
        for column in ["created_by", "updated_by"] {
            columns.push(column.to_string());
            values.push(self.ctx.actor_id.clone().map_or(SqlValue::Null, SqlValue::Text));
        }
        let placeholders = vec!["?"; columns.len()].join(", ");
        let sql = format!("INSERT INTO {table} ({}) VALUES ({placeholders})", columns.join(", "));
        self.tx.execute(&sql, rusqlite::params_from_iter(values))?;

        let changes: Map<String, Value> = fields.iter().map(|(k, v)| (k.clone(), serde_json::json!([null, v]))).collect();
        search::reindex(&self.tx, table, id, self.ctx.collaboration_id.as_deref(), &fields)?;
        self.log(table, id, "insert", changes)
    }

    /// Updates the given columns of a record; logs only the fields whose value really changed.
    /// Returns whether anything changed.
    pub fn update(&mut self, table: &'static str, id: &str, fields: Value) -> Result<bool> {
        let fields = into_object(fields);
        if fields.is_empty() {
            return Ok(false);
        }
        let columns: Vec<&String> = fields.keys().collect();
        columns.iter().for_each(|c| check_identifier(c));
        let before = self.read_columns(table, id, &columns)?;
        let changed: Map<String, Value> = fields.into_iter().filter(|(k, v)| before.get(k) != Some(&normalise(v))).collect();
        if changed.is_empty() {
            return Ok(false);
        }
        let now = self.now_text();
        let mut sets: Vec<String> = changed.keys().map(|c| format!("{c} = ?")).collect();
        sets.push("updated_at = ?".into());
        sets.push("updated_by = ?".into());
        let mut values: Vec<SqlValue> = changed.values().map(to_sql).collect();
        values.push(SqlValue::Text(now));
        values.push(self.ctx.actor_id.clone().map_or(SqlValue::Null, SqlValue::Text));
        values.push(SqlValue::Text(id.to_string()));
        let sql = format!("UPDATE {table} SET {} WHERE id = ?", sets.join(", "));
        self.tx.execute(&sql, rusqlite::params_from_iter(values))?;

        let log: Map<String, Value> =
            changed.iter().map(|(k, v)| (k.clone(), serde_json::json!([logged_before(before.get(k), v), v]))).collect();
        search::reindex(&self.tx, table, id, self.ctx.collaboration_id.as_deref(), &changed)?;
        self.log(table, id, "update", log)?;
        Ok(true)
    }

    /// Marks a record deleted; records are never removed.
    pub fn soft_delete(&mut self, table: &'static str, id: &str) -> Result<()> {
        let now = self.now_text();
        self.update(table, id, serde_json::json!({ "deleted_at": now }))?;
        search::forget(&self.tx, table, id)
    }

    fn read_columns(&self, table: &str, id: &str, columns: &[&String]) -> Result<Map<String, Value>> {
        let list = columns.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ");
        let sql = format!("SELECT {list} FROM {table} WHERE id = ?1");
        self.tx
            .query_row(&sql, [id], |row| {
                let mut map = Map::new();
                for (i, column) in columns.iter().enumerate() {
                    map.insert(column.to_string(), from_sql(row.get::<_, SqlValue>(i)?));
                }
                Ok(map)
            })
            .optional()?
            .ok_or_else(|| EngineError::not_found(entity_name(table), id))
    }

    fn log(&mut self, entity: &str, entity_id: &str, op: &str, changes: Map<String, Value>) -> Result<()> {
        *self.hlc = self.hlc.tick(self.ctx.now.timestamp_millis());
        let hlc = self.hlc.encode(&self.ctx.device_id);
        self.tx.execute(
            "INSERT INTO change_log (id, hlc, wall_time, actor_id, device_id, action, entity, entity_id, collaboration_id, op, changes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                crate::new_id(),
                hlc,
                self.now_text(),
                self.ctx.actor_id,
                self.ctx.device_id,
                self.ctx.action,
                entity,
                entity_id,
                self.ctx.collaboration_id,
                op,
                Value::Object(changes).to_string(),
            ],
        )?;
        Ok(())
    }
}

/// The user-facing entity name of a table, for errors.
fn entity_name(table: &str) -> &'static str {
    match table {
        "collaboration" => "collaboration",
        "department" => "department",
        "person" => "person",
        "task" => "task",
        "meeting" => "meeting",
        "deliverable" => "deliverable",
        "change_request" => "change_request",
        "risk" => "risk",
        "problem" => "problem",
        "rectification" => "rectification",
        "signature" => "signature",
        _ => "record",
    }
}

fn into_object(fields: Value) -> Map<String, Value> {
    match fields {
        Value::Object(map) => map,
        other => panic!("writer fields must be a JSON object, got {other}"),
    }
}

/// Column names come from engine code, never from input; this guards against a slip.
fn check_identifier(column: &str) {
    assert!(
        !column.is_empty() && column.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
        "bad column name {column:?}"
    );
    assert!(!AUDIT_COLUMNS.contains(&column) || column == "deleted_at", "audit column {column} is set by the writer");
}

/// Booleans are stored as integers, arrays and objects as JSON text.
fn to_sql(value: &Value) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => n.as_i64().map(SqlValue::Integer).unwrap_or_else(|| SqlValue::Real(n.as_f64().unwrap_or(0.0))),
        Value::String(s) => SqlValue::Text(s.clone()),
        Value::Array(_) | Value::Object(_) => SqlValue::Text(value.to_string()),
    }
}

fn from_sql(value: SqlValue) -> Value {
    match value {
        SqlValue::Null => Value::Null,
        SqlValue::Integer(i) => Value::from(i),
        SqlValue::Real(f) => Value::from(f),
        SqlValue::Text(s) => Value::String(s),
        SqlValue::Blob(b) => Value::String(format!("<{} bytes>", b.len())),
    }
}

/// The stored value as the log shows it: a list or object column is read back from its JSON text,
/// so before and after have the same shape.
fn logged_before(before: Option<&Value>, after: &Value) -> Value {
    match (before, after) {
        (Some(Value::String(text)), Value::Array(_) | Value::Object(_)) => {
            serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.clone()))
        }
        (Some(value), _) => value.clone(),
        (None, _) => Value::Null,
    }
}

/// The value as it reads back from SQLite, to compare with what is stored.
fn normalise(value: &Value) -> Value {
    from_sql(to_sql(value))
}
