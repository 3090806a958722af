//! Opening the database file: refuse what we must not touch, back up, migrate, tune.
//!
//! The order matters. An existing file is classified before anything writes to it (even switching
//! to WAL writes), cheapest look first, and a refused file is left byte for byte as it was:
//! 1. its header bytes: not an SQLite file at all → `not_a_database`; a file shorter than its
//!    header says (copied half-way) → `corrupt_database`;
//! 2. the file, its `-wal`/`-shm` companions and its folder must be writable: SQLite would open a
//!    read-only file read-only without a word, and a WAL database needs to create files beside it
//!    → `read_only_location`;
//! 3. through a read-only connection: another program's SQLite file (`application_id`)
//!    → `not_a_database`; a schema newer than this app → `newer_database`; a quick look for
//!    damage (the schema is parsed and the first page of every table is read) → `corrupt_database`.
//!
//! Why not `PRAGMA quick_check` or `integrity_check` at every start: both read every page, so on
//! a database of several gigabytes they would hold up every start by the time it takes to read the
//! whole file. The quick look costs a few dozen page reads whatever the size and catches the damage
//! people actually meet (a truncated copy, a clobbered header, schema or root page). Damage deeper
//! inside a table is reported as `corrupt_database` when it is read; a restore checks its source
//! with a full `integrity_check`. Nothing here ever repairs or overwrites a refused file.
//!
//! An existing database is copied with SQLite's online backup API before a migration runs, so an
//! interrupted or faulty migration never costs data. Migrations are numbered SQL files embedded at
//! build time and only ever run forward. A new database that cannot be created completely (a full
//! disk) is removed again, so the next start does not find half a database.
//!
//! Durability: WAL with `synchronous=FULL`, so a commit is on the disk (the WAL is synced) before
//! the write returns and survives a power cut, not only a killed process; with `NORMAL` the last
//! commits before a power cut could vanish although the app had reported them saved. The cost is
//! one sync of the WAL per write: in the engine benchmark (2,000 collaborations, development VM)
//! the write p95 went from 0.2 ms to 8 ms, the sync's own latency. A click does not feel that, and
//! a many-row step (an import) is one `batch`, so one sync.

use crate::error::{EngineError, Result};
use rusqlite::{Connection, OpenFlags, MAIN_DB};
use rusqlite_migration::{Migrations, M};
use std::io::Read;
use std::path::{Path, PathBuf};

/// `PRAGMA application_id` of every Xiezuo database ("XZDB"), so foreign SQLite files are refused.
pub const APPLICATION_ID: i64 = 0x585A_4442;

const MIGRATION_SQL: &[&str] = &[include_str!("../migrations/0001_initial.sql")];

/// The first 16 bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATION_SQL.iter().map(|sql| M::up(sql)).collect())
}

/// The schema version this build writes.
pub fn schema_version() -> i64 {
    MIGRATION_SQL.len() as i64
}

/// Where a database's automatic backups go: a `backups` folder beside it.
pub fn backup_dir(db_path: &Path) -> PathBuf {
    folder_of(db_path).join("backups")
}

/// The folder a database file lives in (`.` for a bare file name).
pub(crate) fn folder_of(db_path: &Path) -> &Path {
    db_path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// SQLite's companion files of a database in WAL mode: `<file>-wal` and `<file>-shm`.
pub(crate) fn companions(db_path: &Path) -> [PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut name = db_path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    })
}

/// Opens (creating if needed) and migrates the database at `path`.
pub fn open(path: &Path) -> Result<Connection> {
    let opened = if path.exists() { open_existing(path) } else { create(path) };
    opened.map_err(|err| err.at_database(path))
}

fn open_existing(path: &Path) -> Result<Connection> {
    let has_content = sniff(path)?;
    check_writable(path)?;
    let found = if has_content { inspect_sqlite(path)? } else { 0 };
    if found > schema_version() {
        return Err(newer(path, found));
    }
    if found > 0 && found < schema_version() {
        backup_before_migration(path, found)?;
    }
    let mut conn = Connection::open(path).map_err(|e| open_failed(path, e.to_string()))?;
    if conn.is_readonly(MAIN_DB)? {
        return Err(read_only(path, "SQLite opened it read-only"));
    }
    configure(&conn)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// Creates a new database under a temporary name and renames it into place once it is complete,
/// so a start killed half-way (power cut, SIGKILL while the schema is written) never leaves half a
/// database under the real name: the next start finds no file, or a complete one. If creating fails
/// (a full disk), the files it made are removed again.
fn create(path: &Path) -> Result<Connection> {
    let folder = folder_of(path);
    std::fs::create_dir_all(folder).map_err(|e| folder_error(path, folder, e))?;
    check_writable(path)?;
    let mut name = path.as_os_str().to_owned();
    name.push(".creating");
    let building = PathBuf::from(name);
    let remove_building = || {
        for file in std::iter::once(building.clone()).chain(companions(&building)).chain([journal_of(&building)]) {
            let _ = std::fs::remove_file(file);
        }
    };
    remove_building(); // what a killed earlier attempt left
    let built = || -> Result<()> {
        let mut conn = Connection::open(&building).map_err(|e| open_failed(path, e.to_string()))?;
        configure(&conn)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        migrate(&mut conn)?;
        // Closing checkpoints the WAL into the file and removes it, so the file alone is complete.
        conn.close().map_err(|(_, e)| EngineError::from(e))?;
        std::fs::rename(&building, path)?;
        Ok(())
    };
    built().map_err(|err| err.at_database(path)).inspect_err(|_| remove_building())?;
    open_existing(path)
}

/// SQLite's rollback journal of a database: `<file>-journal`.
fn journal_of(db_path: &Path) -> PathBuf {
    let mut name = db_path.as_os_str().to_owned();
    name.push("-journal");
    PathBuf::from(name)
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
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let fresh: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if fresh == 0 {
        // Marked ours before the schema is written: a start killed between the two must leave a
        // file the next start recognises (and migrates), not "another program's database".
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    migrations().to_latest(conn).map_err(|err| match err {
        // A full disk or a damaged page met while migrating is that problem, not a faulty migration.
        rusqlite_migration::Error::RusqliteError { err, .. } => EngineError::from(err),
        other => EngineError::Migration(other),
    })?;
    Ok(())
}

/// Classifies an existing file without writing to it and returns its schema version (0 for an
/// empty database): refuses files that are not Xiezuo databases, and ones that look damaged.
pub(crate) fn inspect_existing(path: &Path) -> Result<i64> {
    if sniff(path)? {
        inspect_sqlite(path)
    } else {
        Ok(0)
    }
}

/// Looks at the file's first bytes only: refuses what is not SQLite, or is cut short; `false`
/// for an empty file (a database still to be created).
fn sniff(path: &Path) -> Result<bool> {
    let header = read_header(path)?;
    if header.is_empty() {
        return Ok(false);
    }
    if !header.starts_with(SQLITE_MAGIC) {
        return Err(not_ours(path, "not an SQLite file"));
    }
    if is_truncated(path, &header) {
        return Err(corrupt(path, "the file is shorter than its header says; it was copied or written only in part"));
    }
    Ok(true)
}

/// Reads an SQLite file's application id and schema version, and looks for damage.
fn inspect_sqlite(path: &Path) -> Result<i64> {
    let look = match look_read_only(path) {
        Err(err) if needs_recovery(&err) => {
            // A hot rollback journal (a write killed half-way in rollback-journal mode): only a
            // read-write connection may roll it back, which restores the file as it was before
            // that write. The file and its folder were checked writable already.
            let conn = Connection::open(path).map_err(|e| open_failed(path, e.to_string()))?;
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(())).map_err(|e| damaged(path, e))?;
            drop(conn);
            look_read_only(path)
        }
        look => look,
    };
    let (app, version, tables) = look.map_err(|e| damaged(path, e))?;
    match (app, tables) {
        (APPLICATION_ID, _) => Ok(version),
        (0, 0) => Ok(0),
        _ => Err(not_ours(path, "an SQLite database of another program")),
    }
}

/// A failed look at an existing file: damage, a full disk or a read-only place as such, anything
/// else as "cannot open".
fn damaged(path: &Path, err: rusqlite::Error) -> EngineError {
    match EngineError::from(err) {
        refusal if refusal.database_path().is_some() => refusal.at_database(path),
        other => open_failed(path, other.to_string()),
    }
}

/// Whether a read-only look failed only because SQLite must first recover the file
/// (`SQLITE_READONLY_ROLLBACK` / `SQLITE_READONLY_RECOVERY`).
fn needs_recovery(err: &rusqlite::Error) -> bool {
    use rusqlite::ffi::{SQLITE_READONLY_RECOVERY, SQLITE_READONLY_ROLLBACK};
    matches!(err, rusqlite::Error::SqliteFailure(e, _) if e.extended_code == SQLITE_READONLY_ROLLBACK || e.extended_code == SQLITE_READONLY_RECOVERY)
}

/// The application id, schema version and table count, read through a read-only connection.
fn look_read_only(path: &Path) -> rusqlite::Result<(i64, i64, usize)> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    let app: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let tables = look_for_damage(&conn)?;
    Ok((app, version, tables))
}

/// Up to the first 100 bytes (SQLite's header); empty for an empty file.
fn read_header(path: &Path) -> Result<Vec<u8>> {
    let mut header = Vec::with_capacity(100);
    let file = std::fs::File::open(path).map_err(|e| open_failed(path, e.to_string()))?;
    file.take(100).read_to_end(&mut header).map_err(|e| open_failed(path, e.to_string()))?;
    Ok(header)
}

/// Whether the file holds fewer pages than its header says. Only meaningful without a WAL or
/// rollback journal beside it: an interrupted checkpoint leaves the file short, and the WAL
/// completes it at the next open.
fn is_truncated(path: &Path, header: &[u8]) -> bool {
    if header.len() < 100 {
        return true;
    }
    let pending = |file: &Path| std::fs::metadata(file).is_ok_and(|m| m.len() > 0);
    if pending(&companions(path)[0]) || pending(&journal_of(path)) {
        return false;
    }
    let be32 = |at: usize| u32::from_be_bytes(header[at..at + 4].try_into().expect("four bytes"));
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size => u64::from(size),
    };
    // The header's page count is valid only when "version-valid-for" matches the change counter.
    let pages = if be32(92) == be32(24) { u64::from(be32(28)) } else { 0 };
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    len < pages * page_size
}

/// Parses the schema and reads the first page of every table: a few dozen page reads, whatever the
/// size of the file. Returns the number of tables.
fn look_for_damage(conn: &Connection) -> rusqlite::Result<usize> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for table in &tables {
        let sql = format!("SELECT * FROM \"{}\" LIMIT 1", table.replace('"', "\"\""));
        conn.prepare(&sql)?.query([])?.next()?;
    }
    Ok(tables.len())
}

/// The file and its WAL companions (those that exist) and its folder must be writable.
pub(crate) fn check_writable(path: &Path) -> Result<()> {
    for file in std::iter::once(path.to_path_buf()).chain(companions(path)).filter(|f| f.exists()) {
        std::fs::OpenOptions::new().write(true).open(&file).map_err(|e| match e.kind() {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                read_only(path, &format!("{} is read-only: {e}", file.display()))
            }
            _ => open_failed(path, e.to_string()),
        })?;
    }
    check_folder_writable(path)
}

/// SQLite creates its `-wal` and `-shm` files beside the database, so the folder must take new
/// files: checked by creating (and removing) an empty probe file there.
fn check_folder_writable(path: &Path) -> Result<()> {
    let folder = folder_of(path);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // One fixed name (not per process), so a probe left by a killed start is reused, not piled up.
    let probe = folder.join(format!(".{name}.write-test"));
    std::fs::OpenOptions::new().write(true).create(true).truncate(true).open(&probe).map_err(|e| folder_error(path, folder, e))?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

fn folder_error(path: &Path, folder: &Path, err: std::io::Error) -> EngineError {
    match err.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            read_only(path, &format!("its folder {} is read-only: {err}", folder.display()))
        }
        std::io::ErrorKind::StorageFull => EngineError::DiskFull { path: path.display().to_string() },
        _ => open_failed(path, err.to_string()),
    }
}

fn not_ours(path: &Path, reason: &str) -> EngineError {
    EngineError::NotADatabase { path: path.display().to_string(), reason: reason.to_string() }
}

fn corrupt(path: &Path, reason: &str) -> EngineError {
    EngineError::CorruptDatabase { path: path.display().to_string(), reason: reason.to_string() }
}

fn read_only(path: &Path, reason: &str) -> EngineError {
    EngineError::ReadOnlyLocation { path: path.display().to_string(), reason: reason.to_string() }
}

fn open_failed(path: &Path, reason: String) -> EngineError {
    EngineError::OpenFailed { path: path.display().to_string(), reason }
}

pub(crate) fn newer(path: &Path, found: i64) -> EngineError {
    EngineError::NewerDatabase { path: path.display().to_string(), found, supported: schema_version() }
}

fn backup_before_migration(path: &Path, from_version: i64) -> Result<PathBuf> {
    let dir = backup_dir(path);
    std::fs::create_dir_all(&dir)?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("xiezuo");
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let target = dir.join(format!("{stem}-schema{from_version}-{stamp}.db"));
    let source = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    crate::backup::copy_database(&source, &target)?;
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
        assert_eq!(open(&text).unwrap_err().kind(), "not_a_database");

        let other = dir.path().join("other.db");
        Connection::open(&other).unwrap().execute_batch("CREATE TABLE t(x)").unwrap();
        assert_eq!(open(&other).unwrap_err().kind(), "not_a_database");
    }
}
