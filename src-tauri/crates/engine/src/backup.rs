//! Backups and restore, with SQLite's online backup API (consistent copies of a live database,
//! WAL included).
//!
//! The desktop app calls `daily_backup` at its first start of each day, which keeps the newest
//! `backup_keep` daily backups (a local setting, default 10); the CLI does not, so scripts stay
//! fast (it has `xiezuo backup --auto` for a scheduled task). Migrations make their own backup
//! first (see `db`). What a backup is follows from its file name, so `list` needs no database and
//! works when the database itself is damaged.
//!
//! A restore never trusts its source: it must be a Xiezuo database of a version this app can open
//! and pass `PRAGMA integrity_check` before anything is replaced. The database it replaces is kept
//! in the backups folder, and the database file is never half-written:
//! - a current database that is readable is copied aside with the backup API, then overwritten
//!   with the backup API too, which writes the destination in one write transaction (all pages or
//!   none, through the WAL). The file is never renamed under a program that may have it open: that
//!   program would go on writing into a file nobody reads, next to a `-wal` of another file;
//! - a damaged, foreign or newer current database cannot be read or written safely, so its file
//!   and any `-wal` are moved aside byte for byte, with the `-shm` (SQLite's index of the WAL,
//!   which looking at the file may refresh), companions first, so a `-wal` is never left beside a
//!   file it does not belong to; the backup is written to a partial file in the same folder and
//!   renamed into place.

use crate::db::{self, backup_dir, companions};
use crate::error::{EngineError, Result};
use crate::store::Engine;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How many automatic daily backups are kept unless the `backup_keep` setting says otherwise.
pub const DEFAULT_KEEP: usize = 10;
const DAILY_PREFIX: &str = "daily-";
const BEFORE_RESTORE_PREFIX: &str = "before-restore-";

/// Why a backup exists, read from the name the engine gave its file.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// `daily-YYYYMMDD.db`: the first start of a day (pruned to the newest `backup_keep`).
    Daily,
    /// `<database stem>-schemaN-….db`: the database as it was before a migration from schema N.
    BeforeMigration,
    /// `before-restore-….db`: the database a restore replaced.
    BeforeRestore,
    /// Anything else in the folder, e.g. written there by `xiezuo backup FILE`.
    Manual,
}

impl BackupKind {
    fn of(file_name: &str, db_stem: &str) -> Self {
        let migration_prefix = format!("{db_stem}-schema");
        if file_name.starts_with(DAILY_PREFIX) {
            Self::Daily
        } else if file_name.starts_with(BEFORE_RESTORE_PREFIX) {
            Self::BeforeRestore
        } else if file_name.strip_prefix(&migration_prefix).is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit())) {
            Self::BeforeMigration
        } else {
            Self::Manual
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct BackupFile {
    pub path: PathBuf,
    pub file_name: String,
    pub size: u64,
    pub kind: BackupKind,
    /// When the file was last written (RFC 3339, UTC).
    pub modified: String,
}

/// The backups beside the database at `db_path`, newest first. Reads only the folder, never the
/// database, so it works when the database cannot be opened.
pub fn list(db_path: &Path) -> Result<Vec<BackupFile>> {
    let entries = match std::fs::read_dir(backup_dir(db_path)) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(err.into()),
    };
    let stem = db_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let meta = entry.metadata()?;
        if !meta.is_file() || !file_name.ends_with(".db") {
            continue;
        }
        let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
        let stamp = chrono::DateTime::<chrono::Utc>::from(modified).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let kind = BackupKind::of(&file_name, &stem);
        files.push((modified, BackupFile { path: entry.path(), file_name, size: meta.len(), kind, modified: stamp }));
    }
    files.sort_by(|(a_time, a), (b_time, b)| b_time.cmp(a_time).then_with(|| b.file_name.cmp(&a.file_name)));
    Ok(files.into_iter().map(|(_, file)| file).collect())
}

/// Copies the database behind `source` to `target` page by page, through a partial file renamed
/// into place, so a file with the target's name is always a complete copy. The copy is switched
/// out of WAL mode: one self-contained file that opens read-only anywhere (a read-only share or
/// medium), where a WAL file would need to create its `-shm` beside it.
pub(crate) fn copy_database(source: &Connection, target: &Path) -> Result<()> {
    let mut partial = target.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let _ = std::fs::remove_file(&partial);
    let copied = (|| -> Result<()> {
        // Created here first, so a read-only folder or a full disk is reported as what it is.
        std::fs::File::create(&partial)?;
        let mut dest = Connection::open(&partial)?;
        copy_pages(source, &mut dest)?;
        dest.pragma_update(None, "journal_mode", "DELETE")?;
        dest.close().map_err(|(_, err)| err)?;
        Ok(std::fs::rename(&partial, target)?)
    })();
    if copied.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    copied
}

impl Engine {
    /// Writes a consistent copy of the database to `target`, which must not exist yet.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        if target.exists() {
            return Err(EngineError::invalid("file", format!("{} already exists", target.display())));
        }
        copy_database(&self.conn, target)
    }

    /// The backups beside the database, newest first (see [`list`]).
    pub fn backups(&self) -> Result<Vec<BackupFile>> {
        self.path().map_or(Ok(Vec::new()), list)
    }

    /// Makes today's automatic backup if there is none yet, then prunes old daily backups.
    /// Returns the new backup's path, if one was made.
    pub fn daily_backup(&self) -> Result<Option<PathBuf>> {
        self.daily_backup_job()?.map_or(Ok(None), |job| job.run())
    }

    /// Today's automatic backup as a job that owns what it needs (`None` for an in-memory
    /// engine), so the desktop can run it on a thread of its own: on a database of several
    /// gigabytes the copy takes most of a minute, and the window must not wait for it.
    pub fn daily_backup_job(&self) -> Result<Option<DailyBackup>> {
        let Some(path) = self.path() else { return Ok(None) };
        let keep = crate::store::local_setting(&self.conn, "backup_keep")?.and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_KEEP).max(1);
        let target = backup_dir(path).join(format!("{DAILY_PREFIX}{}.db", self.today().format("%Y%m%d")));
        Ok(Some(DailyBackup { db_path: path.to_path_buf(), target, keep }))
    }

    /// Sets how many daily backups are kept.
    pub fn set_backup_keep(&self, keep: usize) -> Result<()> {
        if !(1..=365).contains(&keep) {
            return Err(EngineError::invalid("backup_keep", "between 1 and 365"));
        }
        self.set_local("backup_keep", &keep.to_string())
    }
}

/// See [`Engine::daily_backup_job`].
#[derive(Debug)]
pub struct DailyBackup {
    db_path: PathBuf,
    target: PathBuf,
    keep: usize,
}

impl DailyBackup {
    /// Copies the database through a read-only connection of its own (the engine's connection
    /// stays free for the window's work), then prunes all but the newest `keep` daily backups.
    pub fn run(&self) -> Result<Option<PathBuf>> {
        let made = if self.target.exists() {
            None
        } else {
            std::fs::create_dir_all(backup_dir(&self.db_path))?;
            let source = Connection::open_with_flags(&self.db_path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            copy_database(&source, &self.target)?;
            Some(self.target.clone())
        };
        // Daily backups are named by date, so the name orders them whatever their file times say.
        let mut daily: Vec<BackupFile> = list(&self.db_path)?.into_iter().filter(|b| b.kind == BackupKind::Daily).collect();
        daily.sort_by(|a, b| b.file_name.cmp(&a.file_name));
        for old in daily.iter().skip(self.keep) {
            std::fs::remove_file(&old.path)?;
        }
        Ok(made)
    }
}

/// Checks that `file` is a healthy Xiezuo database this app can open; returns its schema version.
pub fn validate(file: &Path) -> Result<i64> {
    if !file.is_file() {
        return Err(EngineError::OpenFailed { path: file.display().to_string(), reason: "no such file".into() });
    }
    let version = db::inspect_existing(file)?;
    if version == 0 {
        return Err(EngineError::NotADatabase {
            path: file.display().to_string(),
            reason: "an empty database, not a Xiezuo backup".into(),
        });
    }
    if version > db::schema_version() {
        return Err(db::newer(file, version));
    }
    let corrupt = |reason: String| EngineError::CorruptDatabase { path: file.display().to_string(), reason };
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(|e| corrupt(e.to_string()))?;
    if check != "ok" {
        return Err(corrupt(format!("integrity check: {check}")));
    }
    Ok(version)
}

/// Replaces the database at `db_path` with the backup `from`, after validating it. The replaced
/// database is kept in the backups folder; its path is returned. The desktop app closes its
/// engine first; another program still holding the database makes this wait for its write lock
/// (and fail as `busy` after the timeout).
pub fn restore(db_path: &Path, from: &Path) -> Result<Option<PathBuf>> {
    validate(from)?;
    if db_path.exists() && std::fs::canonicalize(db_path)? == std::fs::canonicalize(from)? {
        return Err(EngineError::invalid("file", format!("{} is the database itself", from.display())));
    }
    db::check_writable(db_path)?;
    let source = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let replaced = (|| {
        if !db_path.exists() {
            copy_database(&source, db_path)?;
            return Ok(None);
        }
        let kept = kept_name(db_path)?;
        if db::inspect_existing(db_path).is_ok_and(|version| version <= db::schema_version()) {
            let current = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            copy_database(&current, &kept)?;
            drop(current);
            overwrite(&source, db_path)?;
        } else {
            move_aside(db_path, &kept)?;
            copy_database(&source, db_path)?;
        }
        Ok(Some(kept))
    })();
    replaced.map_err(|err: EngineError| err.at_database(db_path))
}

/// A fresh name in the backups folder for the database a restore replaces.
fn kept_name(db_path: &Path) -> Result<PathBuf> {
    let dir = backup_dir(db_path);
    std::fs::create_dir_all(&dir)?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3f");
    Ok(dir.join(format!("{BEFORE_RESTORE_PREFIX}{stamp}.db")))
}

/// Writes `source` over the readable database at `db_path` in one write transaction.
fn overwrite(source: &Connection, db_path: &Path) -> Result<()> {
    let mut dest = Connection::open(db_path)?;
    dest.busy_timeout(Duration::from_secs(5))?;
    copy_pages(source, &mut dest)
}

/// Runs SQLite's backup from `source` into `dest`. The destination's busy timeout applies to its
/// write lock; a lock still held after it is `Busy` (rusqlite's `run_to_completion` would retry
/// for ever).
fn copy_pages(source: &Connection, dest: &mut Connection) -> Result<()> {
    use rusqlite::backup::{Backup, StepResult};
    let backup = Backup::new(source, dest)?;
    loop {
        // All pages in one step: the copy is one read transaction, a consistent snapshot even while
        // another connection writes (in smaller steps, every such write would restart the copy).
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            // Busy or Locked: a lock was not had within the busy timeout.
            _ => return Err(EngineError::Busy),
        }
    }
}

/// Moves a database that cannot be read safely, and its companions, to `kept` unchanged.
fn move_aside(db_path: &Path, kept: &Path) -> Result<()> {
    for (companion, kept_companion) in companions(db_path).iter().zip(companions(kept)) {
        if companion.exists() {
            std::fs::rename(companion, kept_companion)?;
        }
    }
    Ok(std::fs::rename(db_path, kept)?)
}
