//! Backups and restore: daily automatic backups with pruning, explicit backups, the list of
//! backups (which never opens the database), and a restore that validates its source, keeps what
//! it replaces, and never leaves a half-written database.

use crate::support::{at, demo};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use xiezuo_engine::backup::{list, restore, validate, BackupKind};
use xiezuo_engine::clock::FixedClock;
use xiezuo_engine::Engine;

fn daily_names(engine: &Engine) -> Vec<String> {
    engine.backups().unwrap().into_iter().map(|b| b.file_name).filter(|n| n.starts_with("daily-")).collect()
}

#[test]
fn the_first_start_of_each_day_makes_a_backup_and_old_ones_are_pruned() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    let clock = FixedClock::new(at("2026-11-20 09:00"));
    let start = |clock: &Arc<FixedClock>| {
        let engine = Engine::open_with_clock(&path, clock.clone()).unwrap();
        engine.daily_backup().unwrap();
        engine
    };
    let mut engine = start(&clock);
    engine.load_demo().unwrap();
    engine.set_backup_keep(3).unwrap();
    drop(engine);
    assert_eq!(start(&clock).daily_backup().unwrap(), None, "once a day");
    assert_eq!(daily_names(&start(&clock)), vec!["daily-20261120.db"]);
    for day in ["2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24"] {
        clock.set(at(&format!("{day} 08:30")));
        drop(start(&clock));
    }
    let engine = start(&clock);
    assert_eq!(daily_names(&engine), vec!["daily-20261124.db", "daily-20261123.db", "daily-20261122.db"]);
    assert_eq!(validate(&dir.path().join("backups/daily-20261124.db")).unwrap(), xiezuo_engine::db::schema_version());
}

#[test]
fn a_restore_brings_back_the_backup_and_keeps_the_replaced_database() {
    let crate::support::Ctx { engine, _dir: _keep, .. } = demo();
    let path = engine.path().unwrap().to_path_buf();
    let backup = path.with_file_name("manual.db");
    engine.backup_to(&backup).unwrap();
    assert_eq!(engine.backup_to(&backup).unwrap_err().kind(), "invalid_input", "never overwrites");
    drop(engine);

    let mut engine = Engine::open(&path).unwrap();
    engine.add_department(xiezuo_engine::org::DepartmentInput { name: "法务部".into(), ..Default::default() }).unwrap();
    drop(engine);

    let kept = restore(&path, &backup).unwrap().expect("the replaced database is kept");
    let engine = Engine::open(&path).unwrap();
    assert!(engine.departments().unwrap().iter().all(|d| d.name != "法务部"), "the backup's state is back");
    assert_eq!(engine.register(&Default::default()).unwrap().total, 2);
    let replaced = Engine::open(&kept).unwrap();
    assert!(replaced.departments().unwrap().iter().any(|d| d.name == "法务部"), "nothing is lost: the replaced state is kept");
}

#[test]
fn a_restore_refuses_bad_sources_and_changes_nothing() {
    let crate::support::Ctx { engine, _dir: _keep, .. } = demo();
    let path = engine.path().unwrap().to_path_buf();
    let dir = path.parent().unwrap().to_path_buf();
    drop(engine);
    let before = std::fs::read(&path).unwrap();

    let garbage = dir.join("garbage.db");
    std::fs::write(&garbage, vec![0x42; 8192]).unwrap();
    let foreign = dir.join("foreign.db");
    rusqlite::Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);").unwrap();
    let newer = dir.join("newer.db");
    Engine::open(&path).unwrap().backup_to(&newer).unwrap();
    rusqlite::Connection::open(&newer).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let corrupt = dir.join("corrupt.db");
    Engine::open(&path).unwrap().backup_to(&corrupt).unwrap();
    corrupt_pages(&corrupt);

    for (source, kind) in [
        (&garbage, "not_a_database"),
        (&foreign, "not_a_database"),
        (&newer, "newer_database"),
        (&corrupt, "corrupt_database"),
        (&dir.join("missing.db"), "open_failed"),
        (&path, "invalid_input"),
    ] {
        let err = restore(&path, source).unwrap_err();
        assert_eq!(err.kind(), kind, "{}: {err}", source.display());
    }
    // Opening the database made today's backup; compare only the database itself.
    assert_eq!(std::fs::read(&path).unwrap().len(), before.len());
    assert_eq!(Engine::open(&path).unwrap().register(&Default::default()).unwrap().total, 2);
}

/// Overwrites the middle of the file's b-tree pages so that integrity_check fails.
fn corrupt_pages(file: &std::path::Path) {
    let mut bytes = std::fs::read(file).unwrap();
    let page = 4096;
    for p in 2..(bytes.len() / page).min(6) {
        for b in &mut bytes[p * page + 8..p * page + 64] {
            *b = 0xFF;
        }
    }
    std::fs::write(file, bytes).unwrap();
}

/// A Xiezuo database with the demo data in a fresh folder; its path.
fn demo_file(dir: &Path) -> PathBuf {
    let path = dir.join("xiezuo.db");
    Engine::open_with_clock(&path, FixedClock::new(at("2026-11-24 09:00"))).unwrap().load_demo().unwrap();
    path
}

fn add_department(path: &Path, name: &str) {
    let mut engine = Engine::open(path).unwrap();
    engine.add_department(xiezuo_engine::org::DepartmentInput { name: name.into(), ..Default::default() }).unwrap();
}

fn has_department(path: &Path, name: &str) -> bool {
    Engine::open(path).unwrap().departments().unwrap().iter().any(|d| d.name == name)
}

fn integrity(path: &Path) -> String {
    rusqlite::Connection::open(path).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

#[test]
fn the_list_tells_each_kind_of_backup_and_never_opens_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_file(dir.path());
    let engine = Engine::open_with_clock(&path, FixedClock::new(at("2026-11-24 09:00"))).unwrap();
    engine.daily_backup().unwrap();
    let backups = dir.path().join("backups");
    engine.backup_to(&backups.join("before-the-audit.db")).unwrap();
    engine.backup_to(&backups.join("xiezuo-schema1-20261101T090000.db")).unwrap();
    engine.backup_to(&dir.path().join("elsewhere.db")).unwrap();
    std::fs::write(backups.join("notes.txt"), "not a backup").unwrap();
    drop(engine);
    // The database itself is damaged beyond opening: its list is still there.
    std::fs::write(&path, "overwritten by accident").unwrap();
    assert_eq!(Engine::open(&path).map(|_| ()).unwrap_err().kind(), "not_a_database");

    let mut found: Vec<(String, BackupKind)> = list(&path).unwrap().into_iter().map(|b| (b.file_name, b.kind)).collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        found,
        vec![
            ("before-the-audit.db".to_string(), BackupKind::Manual),
            ("daily-20261124.db".to_string(), BackupKind::Daily),
            ("xiezuo-schema1-20261101T090000.db".to_string(), BackupKind::BeforeMigration),
        ],
        "only .db files in the backups folder; a copy written elsewhere is not listed"
    );
    let newest = &list(&path).unwrap()[0];
    assert!(chrono::DateTime::parse_from_rfc3339(&newest.modified).is_ok(), "{}", newest.modified);
    assert_eq!(newest.size, std::fs::metadata(&newest.path).unwrap().len());
    let json = serde_json::to_value(newest).unwrap();
    assert!(["manual", "daily", "before_migration"].contains(&json["kind"].as_str().unwrap()), "{json}");
    assert!(list(&dir.path().join("elsewhere").join("x.db")).unwrap().is_empty(), "no backups folder, no backups");
}

#[test]
fn a_restore_over_a_database_that_cannot_be_opened_moves_it_aside_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_file(dir.path());
    let backup = dir.path().join("good.db");
    Engine::open(&path).unwrap().backup_to(&backup).unwrap();

    let wal = PathBuf::from(format!("{}-wal", path.display()));
    let shm = PathBuf::from(format!("{}-shm", path.display()));
    let damaged: [(&str, Vec<u8>); 3] = [
        ("corrupt", {
            let mut bytes = std::fs::read(&path).unwrap();
            bytes[4096..4096 * 6].fill(0xEE);
            bytes
        }),
        ("foreign", b"PK\x03\x04 a spreadsheet saved under the wrong name".to_vec()),
        ("newer", {
            let newer = dir.path().join("newer.db");
            Engine::open(&path).unwrap().backup_to(&newer).unwrap();
            rusqlite::Connection::open(&newer).unwrap().pragma_update(None, "user_version", 99).unwrap();
            std::fs::read(&newer).unwrap()
        }),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&path, &bytes).unwrap();
        // Companions of the bad file (a stale WAL must never be applied to the restored file).
        std::fs::write(&wal, format!("{what} wal")).unwrap();
        std::fs::write(&shm, format!("{what} shm")).unwrap();
        let kept = restore(&path, &backup).unwrap().expect("the replaced file is kept");

        assert_eq!(std::fs::read(&kept).unwrap(), bytes, "{what}: kept byte for byte");
        assert_eq!(std::fs::read_to_string(format!("{}-wal", kept.display())).unwrap(), format!("{what} wal"));
        // The -shm is SQLite's shared-memory index of the WAL, rebuilt at every first open: looking
        // at the file may rewrite it, but it goes along so the kept file is complete.
        assert!(Path::new(&format!("{}-shm", kept.display())).exists(), "{what}");
        assert!(!wal.exists() && !shm.exists(), "{what}: no companion of the old file is left beside the new one");
        assert_eq!(integrity(&path), "ok", "{what}");
        assert_eq!(Engine::open(&path).unwrap().register(&Default::default()).unwrap().total, 2, "{what}");
        let listed = list(&path).unwrap();
        assert!(listed.iter().any(|b| b.path == kept && b.kind == BackupKind::BeforeRestore), "{what}: {listed:?}");
    }
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial") || n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_restore_writes_the_open_database_in_place_so_its_readers_see_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_file(dir.path());
    let backup = dir.path().join("good.db");
    Engine::open(&path).unwrap().backup_to(&backup).unwrap();
    add_department(&path, "法务部");

    // Another program keeps the database open (and has read it) while the restore runs.
    let reader = rusqlite::Connection::open(&path).unwrap();
    let count = |conn: &rusqlite::Connection| -> i64 {
        conn.query_row("SELECT count(*) FROM department WHERE name = '法务部'", [], |r| r.get(0)).unwrap()
    };
    assert_eq!(count(&reader), 1);
    let kept = restore(&path, &backup).unwrap().unwrap();
    assert_eq!(count(&reader), 0, "the same file was rewritten, not replaced under the reader");
    drop(reader);
    assert!(!has_department(&path, "法务部"));
    assert!(has_department(&kept, "法务部"), "the replaced state is kept");
    assert_eq!(integrity(&path), "ok");
    assert_eq!(integrity(&kept), "ok");
}

#[test]
fn a_restore_waits_for_a_writer_and_then_reports_busy_without_changing_anything() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_file(dir.path());
    let backup = dir.path().join("good.db");
    Engine::open(&path).unwrap().backup_to(&backup).unwrap();
    add_department(&path, "法务部");
    let writer = rusqlite::Connection::open(&path).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    assert_eq!(restore(&path, &backup).unwrap_err().kind(), "busy");
    writer.execute_batch("ROLLBACK").unwrap();
    drop(writer);
    assert!(has_department(&path, "法务部"), "nothing was replaced");
}
