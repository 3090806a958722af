//! Every released schema's fixture database (`tests/fixtures/schema-*.db`, see the README there)
//! migrates to the current schema with all of its data intact.

use rusqlite::{Connection, OpenFlags};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use xiezuo_engine::backup::BackupKind;
use xiezuo_engine::db::{schema_version, APPLICATION_ID};
use xiezuo_engine::Engine;

fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("schema-") && p.extension().is_some_and(|e| e == "db"))
        .collect();
    found.sort();
    found
}

/// A table's columns and its rows (every column, as SQLite typed values), sorted.
struct Table {
    columns: Vec<String>,
    rows: Vec<String>,
}

/// Every table of the database with all its rows. FTS5's shadow tables are left out: they are the
/// index's internal pages, and what it indexes is compared through the virtual table itself.
fn tables(conn: &Connection) -> BTreeMap<String, Table> {
    let names: Vec<(String, String)> = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let virtual_tables: Vec<&str> =
        names.iter().filter(|(_, sql)| sql.starts_with("CREATE VIRTUAL TABLE")).map(|(name, _)| name.as_str()).collect();
    let is_shadow = |name: &str| virtual_tables.iter().any(|v| name.strip_prefix(v).is_some_and(|rest| rest.starts_with('_')));
    names
        .iter()
        .filter(|(name, _)| !is_shadow(name))
        .map(|(name, _)| {
            let columns: Vec<String> = conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{name}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            (name.clone(), Table { rows: rows(conn, name, &columns), columns })
        })
        .collect()
}

fn rows(conn: &Connection, table: &str, columns: &[String]) -> Vec<String> {
    let list = columns.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
    let mut stmt = conn.prepare(&format!("SELECT {list} FROM \"{table}\"")).unwrap();
    let mut rows: Vec<String> = stmt
        .query_map([], |r| Ok((0..columns.len()).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|")))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    rows.sort();
    rows
}

#[test]
fn the_first_schema_has_a_fixture() {
    assert!(fixtures().iter().any(|f| f.ends_with("schema-1.db")), "{:?}", fixtures());
}

#[test]
fn every_fixture_migrates_with_all_data_intact() {
    for fixture in fixtures() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(fixture.file_name().unwrap());
        std::fs::copy(&fixture, &path).unwrap();
        let name = fixture.display();
        let (version, before) = {
            let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
            let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
            (version, tables(&conn))
        };
        assert!(before.get("collaboration").is_some_and(|t| t.rows.len() >= 3), "{name}: the fixture holds real data");

        let engine = Engine::open(&path).unwrap();
        let conn = engine.connection();
        for (table, Table { columns, rows: old }) in &before {
            let now = rows(conn, table, columns);
            let missing: Vec<&String> = old.iter().filter(|row| now.binary_search(row).is_err()).collect();
            assert!(missing.is_empty(), "{name}: {table} lost rows after migrating: {missing:#?}");
            assert!(now.len() >= old.len(), "{name}: {table} has fewer rows");
        }
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok", "{name}");
        assert_eq!(conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0)).unwrap(), schema_version(), "{name}");
        assert_eq!(conn.pragma_query_value(None, "application_id", |r| r.get::<_, i64>(0)).unwrap(), APPLICATION_ID, "{name}");
        let migration_backups = engine.backups().unwrap().into_iter().filter(|b| b.kind == BackupKind::BeforeMigration).count();
        assert_eq!(migration_backups, usize::from(version < schema_version()), "{name}: a backup before migrating, if it migrated");
        assert_eq!(engine.register(&Default::default()).unwrap().total, before["collaboration"].rows.len(), "{name}");
    }
}

#[test]
fn fixtures_are_committed_checkpointed_and_compact() {
    for fixture in fixtures() {
        let mut wal = fixture.as_os_str().to_owned();
        wal.push("-wal");
        assert!(!Path::new(&wal).exists(), "{}: checkpoint it before committing", fixture.display());
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("copy.db");
        std::fs::copy(&fixture, &copy).unwrap();
        let conn = Connection::open_with_flags(&copy, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let free: i64 = conn.pragma_query_value(None, "freelist_count", |r| r.get(0)).unwrap();
        assert_eq!(free, 0, "{}: VACUUM it before committing", fixture.display());
    }
}
