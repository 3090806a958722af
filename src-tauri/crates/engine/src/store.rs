//! The `Engine` handle: one SQLite connection, the clock, this device's identity, and the write path.
//!
//! The engine owns exactly one connection, which is the single writer; the desktop shell wraps the
//! engine in a mutex that is never held across an `.await`. Collaboration-scoped writes go through
//! `write_collab`, which refuses archived collaborations, so read-only-after-archive is enforced in
//! one place rather than in every operation.

use crate::calendar::WorkCalendar;
use crate::changelog::{WriteContext, Writer};
use crate::clock::{Clock, Hlc, SystemClock};
use crate::db;
use crate::error::{EngineError, Result};
use crate::model::Stage;
use rusqlite::{params, Connection, OptionalExtension};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub struct Engine {
    pub(crate) conn: Connection,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) calendar: WorkCalendar,
    device_id: String,
    hlc: Hlc,
    path: Option<PathBuf>,
    /// While set, writes are validated in full and then rolled back (see `Engine::validate`).
    pub(crate) dry_run: bool,
    /// How many `batch` calls are open: writes then join their transaction instead of starting one.
    batch_depth: u32,
}

/// A collaboration as the write path sees it: enough to check gates.
#[derive(Debug, Clone)]
pub(crate) struct CollabHead {
    pub id: String,
    pub number: String,
    pub stage: Stage,
    pub revision: i64,
    pub initiating_department_id: String,
}

impl Engine {
    /// Opens (creating and migrating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_with_clock(path, Arc::new(SystemClock))
    }

    pub fn open_with_clock(path: &Path, clock: Arc<dyn Clock>) -> Result<Self> {
        let conn = db::open(path)?;
        let mut engine = Self::from_connection(conn, clock)?;
        engine.path = Some(path.to_path_buf());
        Ok(engine)
    }

    pub fn open_in_memory(clock: Arc<dyn Clock>) -> Result<Self> {
        Self::from_connection(db::open_in_memory()?, clock)
    }

    fn from_connection(conn: Connection, clock: Arc<dyn Clock>) -> Result<Self> {
        let device_id = match local_setting(&conn, "device_id")? {
            Some(id) => id,
            None => {
                let id = crate::new_id();
                conn.execute("INSERT INTO local_setting (key, value) VALUES ('device_id', ?1)", [&id])?;
                id
            }
        };
        let last: Option<String> = conn.query_row("SELECT max(hlc) FROM change_log", [], |r| r.get(0))?;
        let hlc = last.as_deref().and_then(Hlc::decode).unwrap_or_default();
        let mut engine = Self { conn, clock, calendar: WorkCalendar::with_bundled(), device_id, hlc, path: None, dry_run: false, batch_depth: 0 };
        engine.ensure_org_settings()?;
        engine.calendar = engine.load_calendar()?;
        Ok(engine)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn device_id(&self) -> &str {
        &self.device_id
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// Read access for the crate's query modules and for integration tests' row counts.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }

    /// The person this installation acts as, if chosen.
    pub fn me(&self) -> Result<Option<String>> {
        local_setting(&self.conn, "me")
    }

    /// Runs `apply` as one write: IMMEDIATE transaction, change log, all or nothing. Inside a
    /// `batch` the write joins the batch's transaction, in a savepoint of its own, so a refused
    /// write still changes nothing.
    pub(crate) fn write<T>(
        &mut self,
        action: &'static str,
        collaboration_id: Option<&str>,
        apply: impl FnOnce(&mut Writer) -> Result<T>,
    ) -> Result<T> {
        let actor_id = self.me()?;
        let now = self.clock.now();
        let today = self.clock.today();
        let outermost = self.batch_depth == 0;
        if outermost {
            self.begin_immediate()?;
        }
        let ctx = WriteContext {
            actor_id,
            device_id: self.device_id.clone(),
            now,
            today,
            action,
            collaboration_id: collaboration_id.map(str::to_string),
        };
        let applied = self.conn.savepoint().map_err(EngineError::from).and_then(|tx| {
            let mut writer = Writer { tx, ctx, hlc: &mut self.hlc };
            let out = apply(&mut writer)?;
            writer.tx.commit()?;
            Ok(out)
        });
        if outermost {
            self.end_transaction(applied.is_ok() && !self.dry_run)?;
        }
        applied
    }

    /// Runs `work` as one transaction: every write inside it joins, and everything is kept only
    /// if `work` succeeds and `keep` approves its result (an import's preview keeps nothing; its
    /// apply keeps all rows or none). Batches nest as savepoints.
    pub fn batch<T>(&mut self, keep: impl FnOnce(&T) -> bool, work: impl FnOnce(&mut Engine) -> Result<T>) -> Result<T> {
        let name = format!("xiezuo_batch_{}", self.batch_depth);
        if self.batch_depth == 0 {
            self.begin_immediate()?;
        } else {
            self.conn.execute_batch(&format!("SAVEPOINT {name}"))?;
        }
        self.batch_depth += 1;
        let result = work(self);
        self.batch_depth -= 1;
        let commit = result.as_ref().is_ok_and(keep);
        if self.batch_depth == 0 {
            self.end_transaction(commit)?;
        } else if commit {
            self.conn.execute_batch(&format!("RELEASE {name}"))?;
        } else {
            self.conn.execute_batch(&format!("ROLLBACK TO {name}; RELEASE {name}"))?;
        }
        result
    }

    fn begin_immediate(&mut self) -> Result<()> {
        if !self.conn.is_autocommit() {
            // Only a write that panicked half-way leaves a transaction open; nothing of it is kept.
            self.conn.execute_batch("ROLLBACK")?;
        }
        Ok(self.conn.execute_batch("BEGIN IMMEDIATE")?)
    }

    /// Commits (or rolls back) the outermost transaction; a failed commit rolls back, so the
    /// connection is never left inside a transaction.
    fn end_transaction(&mut self, commit: bool) -> Result<()> {
        if commit {
            if let Err(err) = self.conn.execute_batch("COMMIT") {
                let _ = self.conn.execute_batch("ROLLBACK");
                return Err(err.into());
            }
            Ok(())
        } else {
            Ok(self.conn.execute_batch("ROLLBACK")?)
        }
    }

    /// A write scoped to one collaboration, refused if it is archived.
    pub(crate) fn write_collab<T>(
        &mut self,
        action: &'static str,
        collaboration: &str,
        apply: impl FnOnce(&mut Writer, &CollabHead) -> Result<T>,
    ) -> Result<T> {
        let head = self.collab_head(collaboration)?;
        if head.stage == Stage::Archived {
            return Err(EngineError::ReadOnly { number: head.number });
        }
        let id = head.id.clone();
        self.write(action, Some(&id), |w| apply(w, &head))
    }

    /// Finds a collaboration by id or by its number (协作编号).
    pub(crate) fn collab_head(&self, key: &str) -> Result<CollabHead> {
        self.conn
            .query_row(
                "SELECT id, number, stage, revision, initiating_department_id FROM collaboration
                 WHERE (id = ?1 OR number = ?1) AND deleted_at IS NULL",
                [key],
                |r| {
                    Ok(CollabHead {
                        id: r.get(0)?,
                        number: r.get(1)?,
                        stage: r.get(2)?,
                        revision: r.get(3)?,
                        initiating_department_id: r.get(4)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| EngineError::not_found("collaboration", key))
    }

    /// Finds a record id by id or by a unique name (departments and people), so scripts can say
    /// "销售部" instead of a UUID.
    pub(crate) fn resolve(&self, table: &'static str, key: &str) -> Result<String> {
        resolve_in(&self.conn, table, key)
    }

    pub(crate) fn clear_local(&self, key: &str) -> Result<()> {
        if !self.dry_run {
            self.conn.execute("DELETE FROM local_setting WHERE key = ?1", [key])?;
        }
        Ok(())
    }

    pub(crate) fn set_local(&self, key: &str, value: &str) -> Result<()> {
        if self.dry_run {
            return Ok(());
        }
        self.conn.execute(
            "INSERT INTO local_setting (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }
}

pub(crate) fn local_setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT value FROM local_setting WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

/// Resolves an id or unique name of a department or person.
pub(crate) fn resolve_in(conn: &Connection, table: &'static str, key: &str) -> Result<String> {
    let key = key.trim();
    if key.is_empty() {
        return Err(EngineError::missing(table));
    }
    let sql = format!("SELECT id FROM {table} WHERE (id = ?1 OR name = ?1) AND deleted_at IS NULL LIMIT 2");
    let mut stmt = conn.prepare_cached(&sql)?;
    let ids: Vec<String> = stmt.query_map([key], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    match ids.as_slice() {
        [id] => Ok(id.clone()),
        [] => Err(EngineError::not_found(table, key)),
        _ if ids.iter().any(|id| id == key) => Ok(key.to_string()),
        _ => Err(EngineError::Ambiguous { entity: table, key: key.to_string() }),
    }
}
