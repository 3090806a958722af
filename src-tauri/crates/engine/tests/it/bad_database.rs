//! Bad databases: each is refused with its own error kind, names its file, and is left byte for
//! byte as it was. Read-only and full file systems are real ones (see `tmpfs`).

use crate::support::{at, Ctx};
use crate::tmpfs::{fill, make_file_read_only, on_tmpfs, remount, sh};
use std::path::Path;
use xiezuo_engine::clock::FixedClock;
use xiezuo_engine::{Engine, EngineError, ErrorPayload};

/// A database with the demo data at `path`, closed.
fn demo_file(path: &Path) {
    let mut engine = Engine::open_with_clock(path, FixedClock::new(at("2026-11-24 09:00"))).unwrap();
    engine.load_demo().unwrap();
}

/// Opens `path`, which must be refused with `kind` without a byte of it changing; the error names
/// the file, in its message and as the payload's item.
fn refused_at_open(path: &Path, kind: &str) -> EngineError {
    let before = std::fs::read(path).unwrap();
    let err = Engine::open(path).map(|_| ()).expect_err("the database should have been refused");
    assert_eq!(err.kind(), kind, "{err}");
    assert_eq!(std::fs::read(path).unwrap(), before, "a refused file must stay byte for byte as it was");
    let shown = path.display().to_string();
    assert!(err.to_string().contains(&shown), "the message names the file: {err}");
    assert_eq!(ErrorPayload::from(&err).items, vec![shown]);
    err
}

#[test]
fn files_that_are_not_xiezuo_databases_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "会议纪要：这不是数据库，只是一个扩展名碰巧是 .db 的文本文件。").unwrap();
    let err = refused_at_open(&text, "not_a_database");
    assert!(err.to_string().contains("use another file (--db)"), "{err}");

    let binary = dir.path().join("image.db");
    std::fs::write(&binary, (0..8192u32).map(|i| (i * 7 % 251) as u8).collect::<Vec<u8>>()).unwrap();
    refused_at_open(&binary, "not_a_database");

    let foreign = dir.path().join("other-app.db");
    rusqlite::Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE notes(body); INSERT INTO notes VALUES ('x');").unwrap();
    refused_at_open(&foreign, "not_a_database");
}

#[test]
fn a_newer_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    demo_file(&path);
    rusqlite::Connection::open(&path).unwrap().pragma_update(None, "user_version", xiezuo_engine::db::schema_version() + 1).unwrap();
    let err = refused_at_open(&path, "newer_database");
    assert!(err.to_string().contains("update the app"), "{err}");
}

#[test]
fn a_damaged_database_is_refused_at_open_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    demo_file(&path);
    let root: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT rootpage FROM sqlite_master WHERE name = 'collaboration'", [], |r| r.get(0))
        .unwrap();
    overwrite_page(&path, root as u64);
    let err = refused_at_open(&path, "corrupt_database");
    assert!(err.to_string().contains(&format!("backups in {}", dir.path().join("backups").display())), "{err}");

    // A copy that stopped half-way is damaged too, however healthy its first pages are.
    let whole = dir.path().join("whole.db");
    demo_file(&whole);
    let bytes = std::fs::read(&whole).unwrap();
    let half = dir.path().join("half.db");
    std::fs::write(&half, &bytes[..bytes.len() / 2]).unwrap();
    refused_at_open(&half, "corrupt_database");
}

#[test]
fn damage_found_at_run_time_is_corrupt_database_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    demo_file(&path);
    // The change log's last leaf page: where the next write appends. The quick look at open only
    // reads every table's first page, so the database opens.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let root: i64 = conn.query_row("SELECT rootpage FROM sqlite_master WHERE name = 'change_log'", [], |r| r.get(0)).unwrap();
    drop(conn);
    let bytes = std::fs::read(&path).unwrap();
    let header = &bytes[(root as usize - 1) * 4096..];
    assert_eq!(header[0], 0x05, "the demo's change log spans several pages");
    let last_leaf = u32::from_be_bytes(header[8..12].try_into().unwrap());
    overwrite_page(&path, u64::from(last_leaf));

    let mut engine = Engine::open(&path).unwrap();
    let err = engine
        .add_department(xiezuo_engine::org::DepartmentInput { name: "法务部".into(), ..Default::default() })
        .expect_err("the write meets the damaged page");
    assert_eq!(err.kind(), "corrupt_database", "{err}");
    assert!(engine.departments().unwrap().iter().all(|d| d.name != "法务部"), "nothing of the write is kept");
    let named = err.at_database(&path);
    assert_eq!(ErrorPayload::from(&named).items, vec![path.display().to_string()]);
}

/// Overwrites database page `page` (1-based) with bytes no b-tree page has.
fn overwrite_page(path: &Path, page: u64) {
    let mut bytes = std::fs::read(path).unwrap();
    let start = (page as usize - 1) * 4096;
    bytes[start..start + 4096].fill(0xEE);
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_read_only_file_is_refused_untouched() {
    on_tmpfs("bad_database::a_read_only_file_is_refused_untouched", "8m", |dir| {
        let path = dir.join("x.db");
        demo_file(&path);
        make_file_read_only(&path);
        let err = refused_at_open(&path, "read_only_location");
        assert!(err.to_string().contains("writable"), "{err}");
        sh(&format!("umount '{}'", path.display()));
        assert_eq!(Engine::open(&path).unwrap().register(&Default::default()).unwrap().total, 2, "writable again, it opens");
    });
}

#[test]
fn a_read_only_folder_is_refused_untouched() {
    on_tmpfs("bad_database::a_read_only_folder_is_refused_untouched", "8m", |dir| {
        let path = dir.join("x.db");
        demo_file(&path);
        remount(dir, "ro");
        refused_at_open(&path, "read_only_location");
        let new = dir.join("new.db");
        let err = Engine::open(&new).map(|_| ()).unwrap_err();
        assert_eq!(err.kind(), "read_only_location", "{err}");
        assert!(err.to_string().contains("folder"), "{err}");
        let names: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("x.db")], "nothing was created beside it");
    });
}

#[test]
fn a_full_disk_refuses_a_new_database_and_leaves_nothing_behind() {
    on_tmpfs("bad_database::a_full_disk_refuses_a_new_database_and_leaves_nothing_behind", "2m", |dir| {
        fill(dir, 0);
        let path = dir.join("x.db");
        let err = Engine::open(&path).map(|_| ()).unwrap_err();
        assert_eq!(err.kind(), "disk_full", "{err}");
        assert!(err.to_string().contains(&path.display().to_string()), "{err}");
        for leftover in ["x.db", "x.db-wal", "x.db-shm"] {
            assert!(!dir.join(leftover).exists(), "{leftover} was left behind");
        }
    });
}

#[test]
fn a_write_on_an_almost_full_disk_fails_as_disk_full_and_keeps_the_database_intact() {
    on_tmpfs("bad_database::a_write_on_an_almost_full_disk_fails_as_disk_full_and_keeps_the_database_intact", "8m", |dir| {
        let path = dir.join("x.db");
        demo_file(&path);
        let clock = FixedClock::new(at("2026-11-24 09:00"));
        let engine = Engine::open_with_clock(&path, clock.clone()).unwrap();
        let mut ctx = Ctx { engine, clock, _dir: tempfile::tempdir_in(dir).unwrap() };
        let filler = fill(dir, 64 * 1024);
        let scan: Vec<u8> = (0..1_000_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        ctx.refused("disk_full", |e| e.add_attachment(Some("XZ-2026-001"), "扫描件.pdf", "application/pdf", &scan));

        // With space again, the same write succeeds and the database is whole.
        std::fs::remove_file(filler).unwrap();
        ctx.engine.add_attachment(Some("XZ-2026-001"), "扫描件.pdf", "application/pdf", &scan).unwrap();
        drop(ctx);
        let conn = rusqlite::Connection::open(&path).unwrap();
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
    });
}
