//! Opening the database file: refuse what we must not touch, back up, migrate, tune.
//!
//! The order matters. A database from a newer app, or a file that is not ours, is refused before
//! anything writes to it (even switching to WAL writes). An existing database is copied with
//! SQLite's online backup API before a migration runs, so an interrupted or faulty migration never
//! costs data. Migrations are numbered SQL files embedded at build time and only ever run forward.

use crate::error::{EngineError, Result};
use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{Migrations, M};
use std::path::{Path, PathBuf};

/// `PRAGMA application_id` of every Xiezuo database ("XZDB"), so foreign SQLite files are refused.
pub const APPLICATION_ID: i64 = 0x585A_4442;

const MIGRATION_SQL: &[&str] = &[include_str!("../migrations/0001_initial.sql")];

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATION_SQL.iter().map(|sql| M::up(sql)).collect())
}

/// The schema version this build writes.
pub fn schema_version() -> i64 {
    MIGRATION_SQL.len() as i64
}

/// Where a database's automatic backups go: a `backups` folder beside it.
pub fn backup_dir(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join("backups")
}

/// Opens (creating if needed) and migrates the database at `path`.
pub fn open(path: &Path) -> Result<Connection> {
    let open_failed = |reason: String| EngineError::OpenFailed { path: path.display().to_string(), reason };
    if path.exists() {
        let found = inspect_existing(path)?;
        if found > schema_version() {
            return Err(EngineError::NewerDatabase { path: path.display().to_string(), found, supported: schema_version() });
        }
        if found > 0 && found < schema_version() {
            backup_before_migration(path, found)?;
        }
    } else if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| open_failed(e.to_string()))?;
    }
    let mut conn = Connection::open(path).map_err(|e| open_failed(e.to_string()))?;
    configure(&conn)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// An in-memory database with the full schema, for unit tests and scratch work.
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    migrate(&mut conn)?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let fresh: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    migrations().to_latest(conn)?;
    if fresh == 0 {
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    Ok(())
}

/// Reads the schema version of an existing file without writing to it, refusing files that are
/// not Xiezuo databases.
pub(crate) fn inspect_existing(path: &Path) -> Result<i64> {
    let not_ours = |reason: &str| EngineError::OpenFailed { path: path.display().to_string(), reason: reason.to_string() };
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| not_ours(&e.to_string()))?;
    let read = || -> rusqlite::Result<(i64, i64, i64)> {
        let app: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        Ok((app, version, tables))
    };
    let (app, version, tables) = read().map_err(|e| not_ours(&format!("not a readable SQLite database ({e})")))?;
    match (app, tables) {
        (APPLICATION_ID, _) => Ok(version),
        (0, 0) => Ok(0),
        _ => Err(not_ours("not a Xiezuo database")),
    }
}

fn backup_before_migration(path: &Path, from_version: i64) -> Result<PathBuf> {
    let dir = backup_dir(path);
    std::fs::create_dir_all(&dir)?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("xiezuo");
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let target = dir.join(format!("{stem}-schema{from_version}-{stamp}.db"));
    let source = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let mut dest = Connection::open(&target)?;
    rusqlite::backup::Backup::new(&source, &mut dest)?.run_to_completion(256, std::time::Duration::ZERO, None)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }

    #[test]
    fn refuses_a_newer_database_without_touching_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        drop(open(&path).unwrap());
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", schema_version() + 1).unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = open(&path).unwrap_err();
        assert_eq!(err.kind(), "newer_database");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn refuses_foreign_files() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("notes.db");
        std::fs::write(&text, "this is not a database at all, just some text that is long enough").unwrap();
        assert_eq!(open(&text).unwrap_err().kind(), "open_failed");

        let other = dir.path().join("other.db");
        Connection::open(&other).unwrap().execute_batch("CREATE TABLE t(x)").unwrap();
        assert_eq!(open(&other).unwrap_err().kind(), "open_failed");
    }
}
