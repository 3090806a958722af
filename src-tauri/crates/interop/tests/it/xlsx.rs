//! Excel export and import: the demo register exported and imported into an empty database gives
//! the same register (and importing it again adds nothing); the task workbook has real dates, a
//! frozen header and its problems; hostile or broken files are refused with the exact error kind
//! or row problem and change nothing.

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{Format, Formula, Workbook};
use serde_json::json;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use xiezuo_engine::clock::FixedClock;
use xiezuo_engine::model::Stage;
use xiezuo_engine::{Engine, RegisterQuery};
use xiezuo_forms::Lang;
use xiezuo_interop::xlsx::{self, ImportKind, ImportReport, RowOutcome};

use crate::common::*;

/// Row counts of what an import writes, and of the change log: equal means nothing changed.
fn fingerprint(engine: &Engine) -> Vec<i64> {
    ["change_log", "collaboration", "department", "person", "task", "status_update", "communication", "feedback", "milestone"]
        .iter()
        .map(|table| engine.connection().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap())
        .collect()
}

/// The register as people see it: every row's stage and 11 cells.
fn register(engine: &Engine) -> Vec<(Stage, Vec<String>)> {
    let rows = engine.register(&RegisterQuery::default()).unwrap().rows;
    rows.iter().map(|r| (r.stage, r.cells().iter().map(|c| c.to_string()).collect())).collect()
}

fn file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// One part of an .xlsx (a zip), as text.
fn part(xlsx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut text = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

/// Imports `path` and checks that a refused file changed nothing; returns the error kind.
fn refused_file(engine: &mut Engine, path: &Path) -> &'static str {
    let before = fingerprint(engine);
    let err = xlsx::import(engine, path, true).expect_err("the file should be refused");
    assert_eq!(fingerprint(engine), before, "a refused file changed the database");
    err.kind()
}

/// Applies `path`, expecting row problems: nothing may be written. Returns the report.
fn refused_rows(engine: &mut Engine, path: &Path) -> ImportReport {
    let before = fingerprint(engine);
    let report = xlsx::import(engine, path, true).unwrap();
    assert!(!report.applied && !report.problems.is_empty(), "{report:?}");
    assert_eq!(fingerprint(engine), before, "an import with problems changed the database");
    report
}

const TASK_HEADINGS: [&str; 12] =
    ["协作编号", "负责部门", "任务名称", "责任人", "协作人", "计划开始", "计划完成", "交付物", "状态", "进度（%）", "最新进展", "更新日期"];

/// A task list typed by hand: every cell is text, dates included.
fn task_book(rows: &[[&str; 12]]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (column, heading) in (0u16..).zip(TASK_HEADINGS) {
        sheet.write_string(0, column, heading).unwrap();
    }
    for (row, cells) in (1u32..).zip(rows) {
        for (column, cell) in (0u16..).zip(cells) {
            if !cell.is_empty() {
                sheet.write_string(row, column, *cell).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// A minimal .xlsx written by hand, for cells no spreadsheet program writes: `rows` is the
/// worksheet's `<sheetData>` content.
fn raw_xlsx(rows: &str) -> Vec<u8> {
    raw_xlsx_with(|sheet| sheet.write_all(rows.as_bytes()).unwrap())
}

fn raw_xlsx_with(sheet_data: impl FnOnce(&mut zip::ZipWriter<Cursor<Vec<u8>>>)) -> Vec<u8> {
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    const DOC: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string(),
        ),
        (
            "_rels/.rels",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{DOC}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
            ),
        ),
    ];
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).compression_level(Some(1));
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    write!(zip, r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>"#).unwrap();
    sheet_data(&mut zip);
    zip.write_all(b"</sheetData></worksheet>").unwrap();
    zip.finish().unwrap().into_inner()
}

/// `<row>` of inline-string cells.
fn raw_row(row: u32, cells: &[&str]) -> String {
    let cells: String = cells
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let text = text.replace('&', "&amp;").replace('<', "&lt;");
            format!(r#"<c r="{}{row}" t="inlineStr"><is><t>{text}</t></is></c>"#, char::from(b'A' + i as u8))
        })
        .collect();
    format!(r#"<row r="{row}">{cells}</row>"#)
}

#[test]
fn the_demo_register_round_trips_into_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo();
    for lang in [Lang::Zh, Lang::En] {
        let path = file(&dir, "register.xlsx", &xlsx::export_register(&demo, lang).unwrap());
        let mut fresh = empty();

        let before = fingerprint(&fresh);
        let preview = xlsx::import(&mut fresh, &path, false).unwrap();
        assert_eq!(preview.problems, vec![], "{preview:?}");
        assert_eq!((preview.kind, preview.rows, preview.created, preview.applied), (ImportKind::Register, 2, 2, false));
        assert_eq!(fingerprint(&fresh), before, "a preview keeps nothing");

        let applied = xlsx::import(&mut fresh, &path, true).unwrap();
        assert!(applied.applied && applied.created == 2, "{applied:?}");
        assert_eq!(register(&fresh), register(&demo), "the imported register is the exported one ({lang:?})");
        for number in ["XZ-2026-001", "XZ-2026-002"] {
            let (a, b) = (demo.dossier(number).unwrap(), fresh.dossier(number).unwrap());
            assert_eq!(a.collaboration["expected_completion"], b.collaboration["expected_completion"]);
            let partners = |d: &xiezuo_engine::dossier::Dossier| {
                d.departments.iter().map(|p| (p["department"].clone(), p["contact"].clone())).collect::<Vec<_>>()
            };
            assert_eq!(partners(&a), partners(&b));
        }

        // Again: nothing new.
        let log = fingerprint(&fresh);
        let again = xlsx::import(&mut fresh, &path, true).unwrap();
        assert_eq!((again.created, again.unchanged, again.problems.len()), (0, 2, 0), "{again:?}");
        assert!(again.items.iter().all(|item| item.outcome == RowOutcome::Unchanged));
        assert_eq!(fingerprint(&fresh), log, "a re-import writes nothing");

        // New collaborations continue after the imported numbers.
        let next = fresh
            .run(
                serde_json::from_value(
                    json!({"action": "create_collaboration", "payload": {"title": "新事项", "initiating_department": "市场部"}}),
                )
                .unwrap(),
            )
            .unwrap();
        assert_eq!(next["number"], "XZ-2026-003");
    }
}

/// An .xls register (BIFF8, written by xlwt from the demo's register, with a real date cell) reads
/// like an .xlsx one.
#[test]
fn an_xls_register_imports_like_an_xlsx_one() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/register.xls");
    let mut fresh = empty();
    let report = xlsx::import(&mut fresh, &path, true).unwrap();
    assert!(report.applied && report.created == 2, "{report:?}");
    assert_eq!(register(&fresh), register(&demo()));
    assert_eq!(fresh.dossier("XZ-2026-002").unwrap().collaboration["expected_completion"], "2026-12-15", "a date cell");
}

#[test]
fn a_register_row_that_differs_from_the_database_is_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let mut engine = demo();
    let same = file(&dir, "same.xlsx", &xlsx::export_register(&engine, Lang::Zh).unwrap());
    let unchanged = xlsx::import(&mut engine, &same, true).unwrap();
    assert_eq!((unchanged.unchanged, unchanged.created, unchanged.applied), (2, 0, true));

    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (column, heading) in (0u16..).zip(["协作编号", "发起部门", "协作事项", "负责人"]) {
        sheet.write_string(0, column, heading).unwrap();
    }
    for (column, cell) in (0u16..).zip(["XZ-2026-001", "市场部", "另一件事", "王磊"]) {
        sheet.write_string(1, column, cell).unwrap();
    }
    let changed = file(&dir, "changed.xlsx", &book.save_to_buffer().unwrap());
    let report = refused_rows(&mut engine, &changed);
    let problem = &report.problems[0];
    assert_eq!((problem.row, problem.column.as_deref(), problem.kind.as_str()), (2, Some("A"), "duplicate"));
    assert_eq!(problem.heading.as_deref(), Some("协作编号"));
}

#[test]
fn the_task_workbook_has_headers_real_dates_a_frozen_header_and_the_problems() {
    let mut engine = demo();
    engine
        .run(
            serde_json::from_value(json!({"action": "add_problem", "payload": {
                "collaboration": "XZ-2026-001", "description": "=客户数据延迟", "owner": "赵强", "deadline": "2026-11-30"
            }}))
            .unwrap(),
        )
        .unwrap();
    let bytes = xlsx::export_tasks(&engine, "XZ-2026-001", Lang::Zh).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(book.sheet_names(), ["进度跟踪表", "问题清单"]);

    let tasks = book.worksheet_range("进度跟踪表").unwrap();
    let headings: Vec<String> = tasks.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(headings, TASK_HEADINGS);
    assert_eq!(tasks.height(), 4, "a header and three tasks");
    let first = tasks.rows().nth(1).unwrap();
    assert_eq!(first[2], Data::String("整理10月前30天客户反馈".into()));
    let Data::DateTime(start) = &first[5] else { panic!("the start is not a date: {:?}", first[5]) };
    assert!(start.is_datetime());
    let (year, month, day, ..) = start.to_ymd_hms_milli();
    assert_eq!((year, month, day), (2026, 10, 8));
    assert_eq!(first[9], Data::Float(60.0));
    assert_eq!(first[8], Data::String("进行中".into()));

    let problems = book.worksheet_range("问题清单").unwrap();
    assert_eq!(problems.get((1, 1)), Some(&Data::String("=客户数据延迟".into())), "text starting with = stays text");

    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"state="frozen""#) && sheet.contains(r#"ySplit="1""#), "{sheet}");
    assert!(sheet.contains("<autoFilter"));
    assert!(!part(&bytes, "xl/worksheets/sheet2.xml").contains("<f>"), "no formula is ever written");

    let english: Xlsx<_> = Xlsx::new(Cursor::new(xlsx::export_tasks(&engine, "XZ-2026-001", Lang::En).unwrap())).unwrap();
    assert_eq!(english.sheet_names(), ["Progress Tracking Table", "Problems"]);
}

#[test]
fn a_task_list_imports_through_the_task_rules_and_reimports_as_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo();
    let tasks = file(&dir, "tasks.xlsx", &xlsx::export_tasks(&demo, "XZ-2026-001", Lang::Zh).unwrap());
    let register = file(&dir, "register.xlsx", &xlsx::export_register(&demo, Lang::Zh).unwrap());

    // Into the demo itself: every task is already there.
    let mut same = xiezuo_engine::Engine::open_in_memory(FixedClock::new(at("2026-11-24 09:00"))).unwrap();
    same.load_demo().unwrap();
    let report = xlsx::import(&mut same, &tasks, true).unwrap();
    assert_eq!((report.kind, report.rows, report.unchanged, report.created), (ImportKind::Tasks, 3, 3, 0), "{report:?}");

    // Into a database that has only the register: 陈静 is nobody there yet.
    let mut fresh = empty();
    assert!(xlsx::import(&mut fresh, &register, true).unwrap().applied);
    let report = refused_rows(&mut fresh, &tasks);
    let missing: Vec<_> = report.problems.iter().map(|p| (p.row, p.column.as_deref(), p.kind.as_str())).collect();
    assert_eq!(missing, [(3, Some("D"), "not_found"), (4, Some("E"), "not_found")], "{report:?}");

    fresh
        .run(serde_json::from_value(json!({"action": "add_person", "payload": {"name": "陈静", "department": "市场部"}})).unwrap())
        .unwrap();
    let report = xlsx::import(&mut fresh, &tasks, true).unwrap();
    assert!(report.applied && report.created == 3, "{report:?}");
    let copied = fresh.dossier("XZ-2026-001").unwrap();
    let original = demo.dossier("XZ-2026-001").unwrap();
    let summary = |d: &xiezuo_engine::dossier::Dossier| {
        d.tasks
            .iter()
            .map(|t| (t["title"].clone(), t["start_date"].clone(), t["status"].clone(), t["progress"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(summary(&copied), summary(&original));
    assert_eq!(copied.status_updates.len(), 2, "the two reported statuses came along");

    let log = fingerprint(&fresh);
    let again = xlsx::import(&mut fresh, &tasks, true).unwrap();
    assert_eq!((again.unchanged, again.created, again.updated), (3, 0, 0), "{again:?}");
    assert_eq!(fingerprint(&fresh), log);

    // A status typed in Excel becomes a status update of the existing task.
    let edited = file(
        &dir,
        "edited.xlsx",
        &task_book(&[[
            "XZ-2026-001",
            "销售部",
            "整理10月前30天客户反馈",
            "赵强",
            "",
            "2026-10-08",
            "2026-10-12",
            "",
            "已完成",
            "100",
            "全部区域已收集",
            "2026年11月20日",
        ]]),
    );
    let report = xlsx::import(&mut fresh, &edited, true).unwrap();
    assert_eq!((report.updated, report.applied), (1, true), "{report:?}");
    let task = &fresh.dossier("XZ-2026-001").unwrap().tasks[0];
    assert_eq!((task["status"].as_str(), task["last_status_on"].as_str()), (Some("done"), Some("2026-11-20")));
}

#[test]
fn dates_typed_as_text_are_read_and_garbage_is_refused_with_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mut engine = demo();
    let good = file(
        &dir,
        "good.xlsx",
        &task_book(&[
            ["XZ-2026-002", "研发部", "课程一", "刘洋", "", "2026-10-12", "2026/10/20", "", "", "", "", ""],
            ["XZ-2026-002", "研发部", "课程二", "刘洋", "张伟", "2026年10月12日", "2026-10-30", "大纲", "", "", "", ""],
        ]),
    );
    let preview = xlsx::import(&mut engine, &good, false).unwrap();
    assert_eq!((preview.created, preview.problems.len(), preview.applied), (2, 0, false), "{preview:?}");

    let bad = file(
        &dir,
        "bad.xlsx",
        &task_book(&[
            ["XZ-2026-002", "研发部", "课程一", "刘洋", "", "2026-10-12", "2026/10/20", "", "", "", "", ""],
            ["XZ-2026-002", "研发部", "课程三", "刘洋", "", "下周一", "2026-13-01", "", "完成了", "120", "", ""],
        ]),
    );
    let report = refused_rows(&mut engine, &bad);
    let problems: Vec<_> = report.problems.iter().map(|p| (p.row, p.column.as_deref().unwrap_or(""), p.kind.as_str())).collect();
    assert_eq!(problems, [(3, "F", "bad_date"), (3, "G", "bad_date"), (3, "I", "bad_value"), (3, "J", "bad_value")], "{report:?}");
    assert_eq!(report.problems[0].heading.as_deref(), Some("计划开始"));
    assert_eq!(report.items[0].outcome, RowOutcome::Created, "the good row alone would be created, but nothing is kept");
}

#[test]
fn formulas_give_their_saved_value_or_are_refused_and_never_run() {
    let dir = tempfile::tempdir().unwrap();
    let mut engine = demo();
    // A cached result is taken as it is; the formula is not evaluated (it would say otherwise).
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (column, heading) in (0u16..).zip(TASK_HEADINGS) {
        sheet.write_string(0, column, heading).unwrap();
    }
    for (column, cell) in (0u16..).zip(["XZ-2026-002", "研发部", "", "刘洋", "", "2026-10-12", "2026-10-20"]) {
        sheet.write_string(1, column, cell).unwrap();
    }
    sheet.write_formula(1, 2, Formula::new(r#"="不是"&"这个""#).set_result("=SUM(A1:A9) 的核对")).unwrap();
    let cached = file(&dir, "cached.xlsx", &book.save_to_buffer().unwrap());
    assert!(xlsx::import(&mut engine, &cached, true).unwrap().applied);
    let titles: Vec<_> = engine.dossier("XZ-2026-002").unwrap().tasks.iter().map(|t| t["title"].clone()).collect();
    assert!(titles.contains(&json!("=SUM(A1:A9) 的核对")), "{titles:?}");

    // Without a saved result there is nothing to take: the cell is refused.
    let rows = [
        raw_row(1, &TASK_HEADINGS),
        raw_row(2, &["XZ-2026-002", "研发部", "课程", "刘洋", "", "2026-10-12", "2026-10-20"])
            .replace(r#"<c r="C2" t="inlineStr"><is><t>课程</t></is></c>"#, r#"<c r="C2"><f>CONCAT("课","程")</f></c>"#),
    ];
    let formula = file(&dir, "formula.xlsx", &raw_xlsx(&rows.concat()));
    let report = refused_rows(&mut engine, &formula);
    assert_eq!((report.problems[0].column.as_deref(), report.problems[0].kind.as_str()), (Some("C"), "formula"), "{report:?}");
}

#[test]
fn merged_cells_are_refused_on_every_row_they_cover() {
    let dir = tempfile::tempdir().unwrap();
    let mut engine = demo();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (column, heading) in (0u16..).zip(TASK_HEADINGS) {
        sheet.write_string(0, column, heading).unwrap();
    }
    for (row, title) in [(1u32, "课程一"), (2, "课程二")] {
        for (column, cell) in (0u16..).zip(["XZ-2026-002", "", title, "刘洋", "", "2026-10-12", "2026-10-20"]) {
            if !cell.is_empty() {
                sheet.write_string(row, column, cell).unwrap();
            }
        }
    }
    sheet.merge_range(1, 1, 2, 1, "研发部", &Format::new()).unwrap();
    let merged = file(&dir, "merged.xlsx", &book.save_to_buffer().unwrap());
    let report = refused_rows(&mut engine, &merged);
    let problems: Vec<_> = report.problems.iter().map(|p| (p.row, p.column.as_deref(), p.kind.as_str())).collect();
    assert_eq!(problems, [(2, Some("B"), "merged_cells"), (3, Some("B"), "merged_cells")], "{report:?}");
}

#[test]
fn a_ten_megabyte_cell_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut engine = demo();
    let huge = "很".repeat(10 * 1024 * 1024 / 3);
    let rows = [raw_row(1, &TASK_HEADINGS), raw_row(2, &["XZ-2026-002", "研发部", &huge, "刘洋", "", "2026-10-12", "2026-10-20"])];
    let path = file(&dir, "huge.xlsx", &raw_xlsx(&rows.concat()));
    assert!(std::fs::metadata(&path).unwrap().len() < 1024 * 1024, "it packs small");
    let report = refused_rows(&mut engine, &path);
    assert_eq!((report.problems[0].column.as_deref(), report.problems[0].kind.as_str()), (Some("C"), "too_long"), "{report:?}");
}

#[test]
fn broken_and_hostile_files_are_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut engine = demo();

    let pdf = file(&dir, "renamed.xlsx", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
    assert_eq!(refused_file(&mut engine, &pdf), "unreadable_file");

    let whole = xlsx::export_register(&engine, Lang::Zh).unwrap();
    let truncated = file(&dir, "truncated.xlsx", &whole[..whole.len() / 2]);
    assert_eq!(refused_file(&mut engine, &truncated), "unreadable_file");

    // A sheet of 200 MB of spaces packs into a few hundred KB; it is refused by its declared size.
    let bomb = raw_xlsx_with(|sheet| {
        let spaces = vec![b' '; 1024 * 1024];
        for _ in 0..200 {
            sheet.write_all(&spaces).unwrap();
        }
    });
    assert!(bomb.len() < 2 * 1024 * 1024, "{} bytes", bomb.len());
    let bomb = file(&dir, "bomb.xlsx", &bomb);
    assert_eq!(refused_file(&mut engine, &bomb), "file_too_large");

    let unknown = file(&dir, "people.xlsx", &raw_xlsx(&[raw_row(1, &["姓名", "电话"]), raw_row(2, &["张三", "123"])].concat()));
    assert_eq!(refused_file(&mut engine, &unknown), "unknown_layout");

    let blank = file(&dir, "blank.xlsx", &raw_xlsx(""));
    assert_eq!(refused_file(&mut engine, &blank), "empty_sheet");

    let twice = file(&dir, "twice.xlsx", &raw_xlsx(&raw_row(1, &["协作编号", "发起部门", "协作事项", "协作事项"])));
    assert_eq!(refused_file(&mut engine, &twice), "bad_value");

    // The parser alone (what the fuzz target drives) refuses the same files without a database.
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    assert_eq!(xlsx::parse_bytes(b"", Path::new("empty.xlsx"), today).unwrap_err().kind(), "unreadable_file");
    assert_eq!(xlsx::parse_bytes(b"PK\x03\x04", Path::new("stub.xlsx"), today).unwrap_err().kind(), "unreadable_file");
    // Found by the fuzzer: an .xls whose sector chain loops back on itself made the reader grow
    // a buffer until memory ran out; it is refused before the reader sees it.
    let looping = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-looping-fat.xls");
    assert_eq!(refused_file(&mut engine, &looping), "unreadable_file");
    // Also found by the fuzzer: an .xls whose sheet record says the sheet starts past the end of
    // the workbook stream made the reader panic.
    // One whose sheet declares a last row before its first, which the reader subtracted unchecked
    // (a panic, or in a release build a request for a vast allocation, which aborts), and one whose
    // list of merged cells is shorter than its count (a panic). Each is refused by the checks
    // before the reader (not by the catch around it), naming the file.
    for (name, reason) in [
        ("fuzz-sheet-past-end.xls", "a sheet starts past the end"),
        ("fuzz-dimensions-backwards.xls", "declared size is impossible"),
        ("fuzz-merged-cells-cut-short.xls", "merged cells is cut short"),
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
        assert_eq!(refused_file(&mut engine, &path), "unreadable_file");
        let message = xlsx::parse_bytes(&std::fs::read(&path).unwrap(), &path, today).unwrap_err().to_string();
        assert!(message.contains(name) && message.contains(reason), "{message}");
    }
    // A panic inside the reader that no check foresees (here: a defined-name record too short for
    // the fields it is read for) is caught and refused the same way.
    let short_name = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-short-name-record.xls");
    assert_eq!(refused_file(&mut engine, &short_name), "unreadable_file");
    let message = xlsx::parse_bytes(&std::fs::read(&short_name).unwrap(), &short_name, today).unwrap_err().to_string();
    assert!(message.contains("fuzz-short-name-record.xls") && message.contains("the spreadsheet reader failed"), "{message}");
    // The reader lays each sheet out densely from its first cell to its last: one cell moved to
    // the far corner (row and column 65,535) of the .xls register would cost it 100+ GB.
    let mut far = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/register.xls")).unwrap();
    let label = far.windows(4).position(|w| w == [0xFD, 0x00, 0x0A, 0x00]).expect("a LabelSst record"); // type, length 10
    far[label + 4..label + 8].fill(0xFF); // its row and column
    let far = file(&dir, "far.xls", &far);
    assert_eq!(refused_file(&mut engine, &far), "unreadable_file");
    let message = xlsx::parse_bytes(&std::fs::read(&far).unwrap(), &far, today).unwrap_err().to_string();
    assert!(message.contains("the sheets span more than 16777216 cells"), "{message}");
}
