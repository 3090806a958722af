//! Backups and restore: daily automatic backups with pruning, explicit backups, and a restore that
//! validates its source and keeps what it replaces.

use crate::support::{at, demo};
use std::sync::Arc;
use xiezuo_engine::backup::{restore, validate};
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
        (&garbage, "open_failed"),
        (&foreign, "open_failed"),
        (&newer, "newer_database"),
        (&corrupt, "open_failed"),
        (&dir.join("missing.db"), "open_failed"),
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
