//! Backups and restore, with SQLite's online backup API (consistent copies of a live database,
//! WAL included).
//!
//! The desktop app calls `daily_backup` at its first start of each day, which keeps the newest
//! `backup_keep` daily backups (a local setting, default 10); the CLI does not, so scripts stay
//! fast (it has `xiezuo backup`). Migrations make their own backup first (see `db`). A restore never trusts its source: it must be a Xiezuo database of a version this
//! app can open and pass `PRAGMA integrity_check` before anything is replaced, and the database it
//! replaces is itself kept as a backup.

use crate::db::{self, backup_dir};
use crate::error::{EngineError, Result};
use crate::store::Engine;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How many automatic daily backups are kept unless the `backup_keep` setting says otherwise.
pub const DEFAULT_KEEP: usize = 10;
const DAILY_PREFIX: &str = "daily-";

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct BackupFile {
    pub path: PathBuf,
    pub file_name: String,
    pub size: u64,
}

/// Copies the database behind `source` to `target` page by page.
fn copy_database(source: &Connection, target: &Path) -> Result<()> {
    let mut dest = Connection::open(target)?;
    rusqlite::backup::Backup::new(source, &mut dest)?.run_to_completion(512, Duration::ZERO, None)?;
    Ok(())
}

impl Engine {
    /// Writes a consistent copy of the database to `target`, which must not exist yet.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        if target.exists() {
            return Err(EngineError::invalid("file", format!("{} already exists", target.display())));
        }
        copy_database(&self.conn, target)
    }

    /// The automatic backups beside the database, newest first.
    pub fn backups(&self) -> Result<Vec<BackupFile>> {
        let Some(path) = self.path() else { return Ok(Vec::new()) };
        let dir = backup_dir(path);
        let mut files: Vec<BackupFile> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries
                .filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().ends_with(".db"))
                .map(|e| BackupFile {
                    file_name: e.file_name().to_string_lossy().into_owned(),
                    size: e.metadata().map(|m| m.len()).unwrap_or(0),
                    path: e.path(),
                })
                .collect(),
            Err(_) => Vec::new(),
        };
        files.sort_by(|a, b| b.file_name.cmp(&a.file_name));
        Ok(files)
    }

    /// Makes today's automatic backup if there is none yet, then prunes old daily backups.
    /// Returns the new backup's path, if one was made.
    pub fn daily_backup(&self) -> Result<Option<PathBuf>> {
        let Some(path) = self.path() else { return Ok(None) };
        let dir = backup_dir(path);
        let today = self.today().format("%Y%m%d").to_string();
        let name = format!("{DAILY_PREFIX}{today}.db");
        let target = dir.join(&name);
        let made = if target.exists() {
            None
        } else {
            std::fs::create_dir_all(&dir)?;
            let partial = dir.join(format!("{name}.partial"));
            let _ = std::fs::remove_file(&partial);
            copy_database(&self.conn, &partial)?;
            std::fs::rename(&partial, &target)?;
            Some(target)
        };
        let keep = crate::store::local_setting(&self.conn, "backup_keep")?.and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_KEEP).max(1);
        let daily: Vec<BackupFile> = self.backups()?.into_iter().filter(|b| b.file_name.starts_with(DAILY_PREFIX)).collect();
        for old in daily.iter().skip(keep) {
            std::fs::remove_file(&old.path)?;
        }
        Ok(made)
    }

    /// Sets how many daily backups are kept.
    pub fn set_backup_keep(&self, keep: usize) -> Result<()> {
        if !(1..=365).contains(&keep) {
            return Err(EngineError::invalid("backup_keep", "between 1 and 365"));
        }
        self.set_local("backup_keep", &keep.to_string())
    }
}

/// Checks that `file` is a healthy Xiezuo database this app can open; returns its schema version.
pub fn validate(file: &Path) -> Result<i64> {
    let refuse = |reason: String| EngineError::OpenFailed { path: file.display().to_string(), reason };
    if !file.is_file() {
        return Err(refuse("no such file".into()));
    }
    let version = db::inspect_existing(file)?;
    if version == 0 {
        return Err(refuse("an empty database, not a Xiezuo backup".into()));
    }
    if version > db::schema_version() {
        return Err(EngineError::NewerDatabase { path: file.display().to_string(), found: version, supported: db::schema_version() });
    }
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| refuse(e.to_string()))?;
    let check: String =
        conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(|e| refuse(format!("integrity check failed: {e}")))?;
    if check != "ok" {
        return Err(refuse(format!("integrity check failed: {check}")));
    }
    Ok(version)
}

/// Replaces the database at `db_path` with the backup `from`, after validating it. The replaced
/// database is kept in the backups folder; its path is returned. No engine may have `db_path`
/// open meanwhile (the desktop app closes its engine first).
pub fn restore(db_path: &Path, from: &Path) -> Result<Option<PathBuf>> {
    validate(from)?;
    let kept = if db_path.exists() {
        let dir = backup_dir(db_path);
        std::fs::create_dir_all(&dir)?;
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3f");
        let kept = dir.join(format!("before-restore-{stamp}.db"));
        let current = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        copy_database(&current, &kept)?;
        Some(kept)
    } else {
        None
    };
    let source = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let mut dest = Connection::open(db_path)?;
    rusqlite::backup::Backup::new(&source, &mut dest)?.run_to_completion(512, Duration::ZERO, None)?;
    Ok(kept)
}
