//! The `xiezuo` binary as scripts use it: exit codes, output formats, and the JSON Lines `exec`
//! interface driven by the data-driven scenario in the repository's `tests/scenarios/`.

use serde_json::Value;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const NOW: &str = "2026-11-24T09:00:00+08:00";

/// Real read-only and full file systems, shared with the engine's tests.
#[path = "../../engine/tests/it/tmpfs.rs"]
mod tmpfs;

fn xiezuo(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xiezuo")).arg("--db").arg(db).arg("--now").arg(NOW).args(args).output().unwrap()
}

fn stdout(output: &Output) -> String {
    assert!(output.status.success(), "failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn demo_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    stdout(&xiezuo(&db, &["init"]));
    assert_eq!(stdout(&xiezuo(&db, &["demo"])), "demo data loaded: XZ-2026-001, XZ-2026-002\n");
    assert_eq!(stdout(&xiezuo(&db, &["demo"])), "demo data already present\n");
    (dir, db)
}

#[test]
fn register_prints_the_eleven_columns_as_table_json_and_csv() {
    let (_dir, db) = demo_db();
    let table = stdout(&xiezuo(&db, &["register"]));
    assert!(table.contains("沟通事项") || table.contains("协作编号"));
    assert!(table.contains("新产品上市推广") && table.contains("年度培训计划落地"));

    let rows: Value = serde_json::from_str(&stdout(&xiezuo(&db, &["register", "--format", "json"]))).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 2);
    assert_eq!(rows[0]["feedback"], "销售部：客户反馈需细化“购买偏好”维度");

    let csv = stdout(&xiezuo(&db, &["register", "--format", "csv", "--department", "人力资源部"]));
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next().unwrap(),
        "协作编号,发起部门,协作事项,对接人（发起方/协作方）,需求背景与目标,关键时间节点,沟通记录（会议纪要/邮件摘要）,当前进度,反馈意见,负责人,备注"
    );
    assert!(lines.next().unwrap().starts_with("XZ-2026-002,人力资源部,年度培训计划落地,孙丽/刘洋,"));
    assert_eq!(lines.next(), None);
}

#[test]
fn show_attention_search_history_and_calendar() {
    let (_dir, db) = demo_db();
    let shown = stdout(&xiezuo(&db, &["show", "XZ-2026-001"]));
    assert!(shown.contains("新产品上市推广") && shown.contains("整理10月前30天客户反馈"));
    let dossier: Value = serde_json::from_str(&stdout(&xiezuo(&db, &["show", "XZ-2026-002", "--format", "json"]))).unwrap();
    assert_eq!(dossier["stage"], "executing");

    let attention: Value = serde_json::from_str(&stdout(&xiezuo(&db, &["attention", "--format", "json", "--person", "赵强"]))).unwrap();
    assert_eq!(attention[0]["kind"], "task_overdue");
    assert_eq!(attention[0]["overdue"], true);

    let hits: Value = serde_json::from_str(&stdout(&xiezuo(&db, &["search", "培训", "--format", "json"]))).unwrap();
    let hits = hits.as_array().unwrap();
    assert!(hits.iter().any(|h| h["collaboration_number"] == "XZ-2026-002"));
    assert!(hits.iter().all(|h| h["collaboration_number"] == "XZ-2026-002" || h["entity"] == "person"), "培训主管 is a person's title");
    assert!(stdout(&xiezuo(&db, &["search", "偏好"])).contains("【偏好】"));

    let history = stdout(&xiezuo(&db, &["history", "XZ-2026-001"]));
    assert!(history.lines().next().unwrap().contains("create_collaboration"));

    assert_eq!(stdout(&xiezuo(&db, &["calendar", "due", "2026-02-13", "2"])), "2026-02-24\n");
    let warned = xiezuo(&db, &["calendar", "due", "2027-12-30", "2"]);
    assert_eq!(stdout(&warned), "2028-01-03\n");
    assert!(String::from_utf8_lossy(&warned.stderr).contains("no holiday data"));
    let year = stdout(&xiezuo(&db, &["calendar", "show", "2026"]));
    assert_eq!(year.lines().count(), 365);
    assert!(year.contains("2026-02-14\twork\t春节"));
}

#[test]
fn calendar_import_reads_a_holiday_cn_file() {
    let (dir, db) = demo_db();
    let file = dir.path().join("2027.json");
    std::fs::write(&file, r#"{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}"#).unwrap();
    assert_eq!(stdout(&xiezuo(&db, &["calendar", "import", file.to_str().unwrap()])), "imported holidays for 2027\n");
    assert_eq!(stdout(&xiezuo(&db, &["calendar", "due", "2026-12-31", "1"])), "2027-01-04\n");
    std::fs::write(&file, "{").unwrap();
    let bad = xiezuo(&db, &["calendar", "import", file.to_str().unwrap()]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).starts_with("xiezuo: error[calendar]"));
}

#[test]
fn errors_exit_non_zero_with_one_line_on_stderr() {
    let (_dir, db) = demo_db();
    let missing = xiezuo(&db, &["show", "XZ-1999-001"]);
    assert!(!missing.status.success());
    let stderr = String::from_utf8(missing.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1);
    assert!(stderr.starts_with("xiezuo: error[not_found]"));

    let dir = tempfile::tempdir().unwrap();
    let foreign = dir.path().join("foreign.db");
    std::fs::write(&foreign, b"definitely not sqlite, but long enough to look like a file").unwrap();
    let refused = xiezuo(&foreign, &["register"]);
    assert!(String::from_utf8_lossy(&refused.stderr).starts_with("xiezuo: error[not_a_database]"));
    assert_eq!(std::fs::read(&foreign).unwrap(), b"definitely not sqlite, but long enough to look like a file");
}

/// Replaces `$name.field` with the value bound from an earlier result.
fn substitute(value: &mut Value, bound: &HashMap<String, Value>) {
    match value {
        Value::String(s) if s.starts_with('$') => {
            let (name, field) = s[1..].split_once('.').expect("$name.field");
            *value = bound[name][field].clone();
        }
        Value::Array(items) => items.iter_mut().for_each(|v| substitute(v, bound)),
        Value::Object(map) => map.values_mut().for_each(|v| substitute(v, bound)),
        _ => {}
    }
}

#[test]
fn exec_runs_the_full_process_scenario() {
    let (_dir, db) = demo_db();
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/scenarios/full-process.jsonl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_xiezuo"))
        .args(["--db", db.to_str().unwrap(), "--now", "2026-12-03T18:00:00+08:00", "exec"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let mut output = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut bound = HashMap::new();
    let mut last = Value::Null;
    for (number, line) in std::fs::read_to_string(scenario).unwrap().lines().enumerate() {
        let mut step: Value = serde_json::from_str(line).unwrap();
        let map = step.as_object_mut().unwrap();
        let bind = map.remove("bind");
        let expect = map.remove("expect");
        substitute(&mut step, &bound);
        writeln!(input, "{step}").unwrap();
        let answer: Value = serde_json::from_str(&output.next().unwrap().unwrap()).unwrap();
        match expect.as_ref().and_then(Value::as_str) {
            Some(kind) => assert_eq!(answer["error"]["kind"], kind, "line {}: {answer}", number + 1),
            None => assert!(answer.get("ok").is_some(), "line {}: {answer}", number + 1),
        }
        if let Some(Value::String(name)) = bind {
            bound.insert(name, answer["ok"].clone());
        }
        last = answer;
    }
    drop(input);
    assert!(!child.wait().unwrap().success(), "exec exits non-zero when any action was refused");
    let hits = last["ok"].as_array().unwrap();
    assert!(hits.iter().any(|h| h["snippet"].as_str().unwrap().contains("【主数据】")));
    let register: Value = serde_json::from_str(&stdout(&xiezuo(&db, &["register", "--format", "json", "--stage", "archived"]))).unwrap();
    assert_eq!(register[0]["title"], "客户数据平台建设");
}

#[test]
fn backup_and_restore_round_trip() {
    let (dir, db) = demo_db();
    let backup = dir.path().join("copy.db");
    assert!(stdout(&xiezuo(&db, &["backup", backup.to_str().unwrap()])).starts_with("backup written"));
    let again = xiezuo(&db, &["backup", backup.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&again.stderr).starts_with("xiezuo: error[invalid_input]"));

    let script = r#"{"action":"add_department","payload":{"name":"法务部"}}"#;
    let mut child = Command::new(env!("CARGO_BIN_EXE_xiezuo"))
        .arg("--db")
        .arg(&db)
        .arg("exec")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{script}").unwrap();
    assert!(child.wait().unwrap().success());

    let restored = stdout(&xiezuo(&db, &["restore", backup.to_str().unwrap()]));
    assert!(restored.contains("the replaced database is kept as"));
    let departments: Value = serde_json::from_str(&stdout(&xiezuo(&db, &["show", "XZ-2026-001", "--format", "json"]))).unwrap();
    assert_eq!(departments["collaboration"]["number"], "XZ-2026-001");
    let check = Command::new(env!("CARGO_BIN_EXE_xiezuo"))
        .arg("--db")
        .arg(&db)
        .arg("exec")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(check.stdin.as_ref().unwrap(), r#"{{"action":"list_departments"}}"#).unwrap();
    let output = check.wait_with_output().unwrap();
    assert!(!String::from_utf8_lossy(&output.stdout).contains("法务部"), "the department added after the backup is gone");

    let bad = xiezuo(&db, &["restore", db.with_file_name("nope.db").to_str().unwrap()]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).starts_with("xiezuo: error[open_failed]"));
}

#[test]
fn print_writes_a_pdf_and_records_the_print() {
    let (dir, db) = demo_db();
    let pdf = dir.path().join("request.pdf");
    let said = stdout(&xiezuo(&db, &["print", "request", "XZ-2026-001", "-o", pdf.to_str().unwrap()]));
    assert!(said.contains("request r1, 1 page(s), hash "), "{said}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let english = dir.path().join("register-en.pdf");
    stdout(&xiezuo(&db, &["print", "register", "--lang", "en", "-o", english.to_str().unwrap()]));
    assert!(english.exists());

    let bad = xiezuo(&db, &["print", "poster", "XZ-2026-001", "-o", pdf.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&bad.stderr).starts_with("xiezuo: error[invalid_input]"));
    let missing = xiezuo(&db, &["print", "letter", "XZ-2026-001", "-o", dir.path().join("letter.pdf").to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no completion letter"), "{}", String::from_utf8_lossy(&missing.stderr));
    assert!(!dir.path().join("letter.pdf").exists());
}

/// Runs the full-process scenario through `exec` up to (not including) its archive step, so its
/// collaboration is completed with the letter issued; returns its number.
fn complete_scenario_collaboration(db: &Path) -> String {
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/scenarios/full-process.jsonl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_xiezuo"))
        .args(["--db", db.to_str().unwrap(), "--now", "2026-12-03T18:00:00+08:00", "exec"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let mut output = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut bound = HashMap::new();
    for line in std::fs::read_to_string(scenario).unwrap().lines() {
        let mut step: Value = serde_json::from_str(line).unwrap();
        if step["action"] == "archive" {
            break;
        }
        let map = step.as_object_mut().unwrap();
        let bind = map.remove("bind");
        map.remove("expect");
        substitute(&mut step, &bound);
        writeln!(input, "{step}").unwrap();
        let answer: Value = serde_json::from_str(&output.next().unwrap().unwrap()).unwrap();
        if let Some(Value::String(name)) = bind {
            bound.insert(name, answer["ok"].clone());
        }
    }
    drop(input);
    child.wait().unwrap();
    bound["c"]["number"].as_str().unwrap().to_string()
}

#[test]
fn archive_writes_a_package_that_verify_checks_without_a_database() {
    let (dir, db) = demo_db();
    let share = dir.path().join("share");
    std::fs::create_dir(&share).unwrap();
    let refused = xiezuo(&db, &["archive", "XZ-2026-001", "-o", share.to_str().unwrap()]);
    let refusal = String::from_utf8_lossy(&refused.stderr);
    assert!(refusal.starts_with("xiezuo: error[stage_gate]"), "{refusal}");
    assert_eq!(std::fs::read_dir(&share).unwrap().count(), 0);

    let number = complete_scenario_collaboration(&db);
    let said = stdout(&xiezuo(&db, &["archive", &number, "-o", share.to_str().unwrap(), "--lang", "en"]));
    let folder = share.join(format!("{number} 客户数据平台建设"));
    let mut lines = said.lines();
    let written = lines.next().unwrap();
    assert!(written.starts_with(&format!("archive written: {} (", folder.display())) && written.ends_with(" files)"), "{said}");
    assert_eq!(lines.next(), Some(format!("{number} is now archived (read-only)").as_str()));
    assert!(folder.join("documents/Collaboration Completion Letter r1.pdf").exists());
    let shown: Value = serde_json::from_str(&stdout(&xiezuo(&db, &["show", &number, "--format", "json"]))).unwrap();
    assert_eq!(shown["stage"], "archived");

    let files = written.trim_end_matches(" files)").rsplit('(').next().unwrap();
    let no_database = dir.path().join("never-created.db");
    let verified = stdout(&xiezuo(&no_database, &["archive", "verify", folder.to_str().unwrap()]));
    assert_eq!(verified, format!("archive verified: {files} files, OK\n"));
    assert!(!no_database.exists(), "verify opens no database");

    let again = xiezuo(&db, &["archive", &number, "-o", share.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&again.stderr).starts_with("xiezuo: error[already_exists]"));
    let bad_lang = xiezuo(&db, &["archive", &number, "-o", dir.path().to_str().unwrap(), "--lang", "fr"]);
    assert!(String::from_utf8_lossy(&bad_lang.stderr).starts_with("xiezuo: error[invalid_input]"));

    let letter = folder.join("documents/Collaboration Completion Letter r1.pdf");
    let mut bytes = std::fs::read(&letter).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x20;
    std::fs::write(&letter, bytes).unwrap();
    let broken = xiezuo(&no_database, &["archive", "verify", folder.to_str().unwrap()]);
    assert!(!broken.status.success());
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(stderr.starts_with("xiezuo: error[manifest_mismatch]"), "{stderr}");
    assert!(stderr.contains("changed: documents/Collaboration Completion Letter r1.pdf"), "{stderr}");
}

#[test]
fn ics_and_eml_write_calendars_and_drafts_and_never_overwrite() {
    let (dir, db) = demo_db();
    let mut exec = Command::new(env!("CARGO_BIN_EXE_xiezuo"))
        .args(["--db", db.to_str().unwrap(), "--now", NOW, "exec"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // The demo's people have no email addresses.
    writeln!(exec.stdin.take().unwrap(), r#"{{"action":"update_person","payload":{{"person":"李娜","email":"lina@example.com"}}}}"#)
        .unwrap();
    assert!(exec.wait_with_output().unwrap().status.success());
    let history_len = || {
        serde_json::from_str::<Value>(&stdout(&xiezuo(&db, &["history", "XZ-2026-001", "--format", "json"])))
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    let error_kind = |output: &Output| {
        assert!(!output.status.success());
        String::from_utf8_lossy(&output.stderr).split(']').next().unwrap().to_string()
    };

    let milestones = dir.path().join("milestones.ics");
    let said = stdout(&xiezuo(&db, &["ics", "XZ-2026-001", "-o", milestones.to_str().unwrap()]));
    assert_eq!(said, format!("{}: 8 event(s)\n", milestones.display()));
    let text = std::fs::read_to_string(&milestones).unwrap();
    assert!(text.contains("SUMMARY:XZ-2026-001 里程碑：用户调研完成\r\n") && text.contains("DTSTART;VALUE=DATE:20261015\r\n"), "{text}");
    let again = xiezuo(&db, &["ics", "XZ-2026-001", "-o", milestones.to_str().unwrap()]);
    assert_eq!(error_kind(&again), "xiezuo: error[already_exists");
    assert_eq!(std::fs::read_to_string(&milestones).unwrap(), text);

    let shown: Value = serde_json::from_str(&stdout(&xiezuo(&db, &["show", "XZ-2026-001", "--format", "json"]))).unwrap();
    let meeting = shown["meetings"][0]["id"].as_str().unwrap();
    let invite = dir.path().join("invite.ics");
    let said = stdout(&xiezuo(&db, &["ics", "XZ-2026-001", "-o", invite.to_str().unwrap(), "--meeting", meeting, "--lang", "en"]));
    assert_eq!(said, format!("{}: 1 event(s)\n", invite.display()));
    let text = std::fs::read_to_string(&invite).unwrap();
    assert!(
        text.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n") && text.contains("DTSTART;TZID=Asia/Shanghai:20261008T140000\r\n"),
        "{text}"
    );
    let other: Value = serde_json::from_str(&stdout(&xiezuo(&db, &["show", "XZ-2026-002", "--format", "json"]))).unwrap();
    let elsewhere = other["meetings"][0]["id"].as_str().unwrap();
    for meeting in ["no-such-meeting", elsewhere] {
        let refused = xiezuo(&db, &["ics", "XZ-2026-001", "-o", dir.path().join("x.ics").to_str().unwrap(), "--meeting", meeting]);
        assert_eq!(error_kind(&refused), "xiezuo: error[not_found");
    }
    assert!(!dir.path().join("x.ics").exists());

    let drafts = dir.path().join("drafts");
    std::fs::create_dir(&drafts).unwrap();
    let before = history_len();
    let written = xiezuo(&db, &["eml", "request", "XZ-2026-001", "-o", drafts.to_str().unwrap()]);
    let draft = drafts.join("XZ-2026-001 协作需求申请表.eml");
    assert_eq!(stdout(&written), format!("{}: request draft to 1 recipient(s)\n", draft.display()));
    assert!(String::from_utf8_lossy(&written.stderr).contains("赵强"), "the contact without email is named");
    let text = std::fs::read_to_string(&draft).unwrap();
    assert!(
        text.contains("X-Unsent: 1\r\n") && text.contains("Content-Type: application/pdf") && text.contains("<lina@example.com>"),
        "{text}"
    );
    assert_eq!(history_len(), before + 1, "the attached print is recorded");

    let nowhere = dir.path().join("nowhere");
    let refusals = [
        (vec!["eml", "request", "XZ-2026-001", "-o", drafts.to_str().unwrap()], "already_exists"),
        (vec!["eml", "request", "XZ-2026-001", "-o", nowhere.to_str().unwrap()], "io"),
        (vec!["eml", "letter", "XZ-2026-001", "-o", drafts.to_str().unwrap()], "not_found"),
        (vec!["eml", "agenda", "XZ-2026-001", "-o", drafts.to_str().unwrap(), "--record", "no-such-meeting"], "not_found"),
        (vec!["eml", "poster", "XZ-2026-001", "-o", drafts.to_str().unwrap()], "invalid_input"),
    ];
    for (args, kind) in refusals {
        assert_eq!(error_kind(&xiezuo(&db, &args)), format!("xiezuo: error[{kind}"), "{args:?}");
    }
    assert_eq!(history_len(), before + 1, "a refused draft records no print");
    assert_eq!(std::fs::read_dir(&drafts).unwrap().count(), 1);
    assert!(!nowhere.exists());
}

/// The register without its ids, to compare two databases.
fn register_cells(db: &Path) -> Vec<Value> {
    let rows: Value = serde_json::from_str(&stdout(&xiezuo(db, &["register", "--format", "json"]))).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .cloned()
        .map(|mut row| {
            row.as_object_mut().unwrap().remove("id");
            row
        })
        .collect()
}

#[test]
fn xlsx_export_then_import_into_an_empty_database_gives_the_same_register() {
    let (dir, db) = demo_db();
    let file = dir.path().join("register.xlsx");
    let path = file.to_str().unwrap();
    assert_eq!(stdout(&xiezuo(&db, &["export", "xlsx", "register", "-o", path])), format!("{path}: register\n"));
    let written = std::fs::read(&file).unwrap();
    let again = xiezuo(&db, &["export", "xlsx", "register", "-o", path, "--lang", "en"]);
    assert!(String::from_utf8_lossy(&again.stderr).starts_with("xiezuo: error[already_exists]"));
    assert_eq!(std::fs::read(&file).unwrap(), written, "an existing file is not replaced without --force");

    let empty = dir.path().join("empty.db");
    assert_eq!(
        stdout(&xiezuo(&empty, &["import", "xlsx", path])),
        "2 row(s) OK (2 created, 0 updated, 0 unchanged); run with --apply to import them\n"
    );
    assert_eq!(register_cells(&empty), Vec::<Value>::new(), "a preview writes nothing");
    let applied = stdout(&xiezuo(&empty, &["import", "xlsx", path, "--apply"]));
    assert_eq!(applied, format!("imported 2 row(s) of {path}: 2 created, 0 updated, 0 unchanged\n"));
    assert_eq!(register_cells(&empty), register_cells(&db));
    let report: Value = serde_json::from_str(&stdout(&xiezuo(&empty, &["import", "xlsx", path, "--apply", "--json"]))).unwrap();
    assert_eq!((report["kind"].as_str(), report["unchanged"].as_u64(), report["created"].as_u64()), (Some("register"), Some(2), Some(0)));
}

#[test]
fn xlsx_import_with_problems_lists_them_exits_1_and_writes_nothing() {
    let (dir, db) = demo_db();
    let tasks = dir.path().join("tasks.xlsx");
    let said = stdout(&xiezuo(&db, &["export", "xlsx", "tasks", "XZ-2026-001", "-o", tasks.to_str().unwrap(), "--lang", "en"]));
    assert_eq!(said, format!("{}: tasks of XZ-2026-001\n", tasks.display()));

    let empty = dir.path().join("empty.db");
    let refused = xiezuo(&empty, &["import", "xlsx", tasks.to_str().unwrap(), "--apply"]);
    assert_eq!(refused.status.code(), Some(1));
    let table = String::from_utf8(refused.stdout).unwrap();
    assert!(table.contains("A No.") && table.contains("not_found") && table.ends_with("; nothing was written\n"), "{table}");
    let report: Value =
        serde_json::from_str(&String::from_utf8(xiezuo(&empty, &["import", "xlsx", tasks.to_str().unwrap(), "--json"]).stdout).unwrap())
            .unwrap();
    assert_eq!((report["problems"].as_array().unwrap().len(), report["applied"].as_bool()), (3, Some(false)));
    assert_eq!(register_cells(&empty), Vec::<Value>::new());

    let text = dir.path().join("notes.xlsx");
    std::fs::write(&text, "just some notes, not a spreadsheet").unwrap();
    let unreadable = xiezuo(&db, &["import", "xlsx", text.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&unreadable.stderr).starts_with("xiezuo: error[unreadable_file]"), "{unreadable:?}");
    let no_number = xiezuo(&db, &["export", "xlsx", "tasks", "-o", dir.path().join("t.xlsx").to_str().unwrap()]);
    assert!(!no_number.status.success());
}

/// Page 1 of `pdf` as poppler renders it at `dpi`, as a PNG beside it.
fn scan_of(pdf: &Path, dpi: u32) -> PathBuf {
    let prefix = pdf.with_extension(format!("{dpi}dpi"));
    let out = Command::new("pdftoppm").args(["-r", &dpi.to_string(), "-singlefile", "-png"]).arg(pdf).arg(&prefix).output().unwrap();
    assert!(out.status.success(), "pdftoppm: {}", String::from_utf8_lossy(&out.stderr));
    PathBuf::from(format!("{}.png", prefix.display()))
}

#[test]
fn scan_matches_a_printed_page_and_files_the_signed_scan() {
    let (dir, db) = demo_db();
    let show = |db: &Path| -> Value { serde_json::from_str(&stdout(&xiezuo(db, &["show", "XZ-2026-001", "--format", "json"]))).unwrap() };
    let old = dir.path().join("minutes-r1.pdf");
    stdout(&xiezuo(&db, &["print", "minutes", "XZ-2026-001", "-o", old.to_str().unwrap()]));
    let meeting = show(&db)["meetings"].as_array().unwrap().iter().find(|m| m["kind"] == "kickoff").unwrap()["id"].clone();
    let mut exec =
        Command::new(env!("CARGO_BIN_EXE_xiezuo")).arg("--db").arg(&db).args(["--now", NOW, "exec"]).stdin(Stdio::piped()).spawn().unwrap();
    writeln!(exec.stdin.take().unwrap(), r#"{{"action":"issue_minutes","payload":{{"meeting":{meeting}}}}}"#).unwrap();
    assert!(exec.wait().unwrap().success());
    let new = dir.path().join("minutes-r2.pdf");
    stdout(&xiezuo(&db, &["print", "minutes", "XZ-2026-001", "-o", new.to_str().unwrap()]));

    let page = scan_of(&new, 150);
    let shown = stdout(&xiezuo(&db, &["scan", page.to_str().unwrap()]));
    assert!(shown.starts_with("XZ-2026-001 新产品上市推广\ndocument: 协作会议纪要 (minutes) r2"), "{shown}");
    assert!(shown.contains("市场部\t王磊\tunsigned") && shown.contains("销售部\t李娜\tunsigned"), "{shown}");
    let filed = stdout(&xiezuo(&db, &["scan", page.to_str().unwrap(), "--receive", "--signed-on", "2026-11-20"]));
    assert_eq!(filed, format!("{}: filed with XZ-2026-001 minutes r2; signed on 2026-11-20 by 市场部, 销售部\n", page.display()));
    assert!(stdout(&xiezuo(&db, &["scan", page.to_str().unwrap()])).contains("销售部\t李娜\tsigned 2026-11-20 (scan filed)"));
    let again = xiezuo(&db, &["scan", page.to_str().unwrap(), "--receive", "--signed-on", "2026-11-20"]);
    assert!(String::from_utf8_lossy(&again.stderr).starts_with("xiezuo: error[invalid_input]"), "nothing left unsigned");

    let stale = scan_of(&old, 300);
    let warned = stdout(&xiezuo(&db, &["scan", stale.to_str().unwrap(), "--json"]));
    let found: Value = serde_json::from_str(&warned).unwrap();
    assert_eq!((found["revision"].as_i64(), found["current_revision"].as_i64(), found["stale"].as_bool()), (Some(1), Some(2), Some(true)));
    assert!(
        stdout(&xiezuo(&db, &["scan", stale.to_str().unwrap()])).contains("warning: stale paper: this is r1, the current revision is r2")
    );

    // The printed PDF itself has no page images, so no code: the record is picked by hand.
    let without = stdout(&xiezuo(&db, &["scan", new.to_str().unwrap()]));
    assert_eq!(without, "no QR code found: pick the record by hand with --collaboration/--document/--revision\n");
    let refused = xiezuo(&db, &["scan", new.to_str().unwrap(), "--receive", "--signed-on", "2026-11-21"]);
    assert!(String::from_utf8_lossy(&refused.stderr).starts_with("xiezuo: error[no_qr_code]"));
    let by_hand = ["--collaboration", "XZ-2026-001", "--document", "minutes", "--revision", "1", "--department", "销售部"];
    let filed = stdout(&xiezuo(&db, &[&["scan", new.to_str().unwrap(), "--receive", "--signed-on", "2026-11-21"][..], &by_hand].concat()));
    assert!(filed.ends_with("filed with XZ-2026-001 minutes r1; signed on 2026-11-21 by 销售部\n"), "{filed}");
    let attachments = show(&db)["attachments"].as_array().unwrap().iter().map(|a| a["file_name"].clone()).collect::<Vec<_>>();
    assert_eq!(attachments, [Value::from("minutes-r2.150dpi.png"), Value::from("minutes-r2.pdf")]);

    let noise = dir.path().join("noise.jpg");
    std::fs::write(&noise, b"not an image at all").unwrap();
    let unreadable = xiezuo(&db, &["scan", noise.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&unreadable.stderr).starts_with("xiezuo: error[unreadable_file]"), "{unreadable:?}");
    let unknown = xiezuo(&db, &["scan", page.to_str().unwrap(), "--receive", "--signed-on", "2026-11-20", "--department", "法务部"]);
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("'法务部' has no signature on r2"), "{unknown:?}");
}

/// Runs `exec` on `input` (written from a thread, so a large line cannot block on a full pipe).
fn exec_bytes(db: &Path, input: Vec<u8>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xiezuo"))
        .arg("--db")
        .arg(db)
        .args(["--now", NOW, "exec"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    output
}

/// What the records look like from the outside: both collaborations with their history.
fn records(db: &Path) -> String {
    ["XZ-2026-001", "XZ-2026-002"]
        .iter()
        .map(|n| stdout(&xiezuo(db, &["show", n, "--format", "json"])) + &stdout(&xiezuo(db, &["history", n, "--format", "json"])))
        .collect()
}

#[test]
fn exec_answers_hostile_lines_one_typed_error_each_and_writes_nothing() {
    let (_dir, db) = demo_db();
    let before = records(&db);
    let long_title = "长".repeat(10 * 1024 * 1024 / 3);
    let lines = [
        (r#"{"action":"update_notes","payload":{"collaboration":"XZ-2026-001","remarks":"\ud800"}}"#.to_string(), "invalid_input", "action"),
        (
            format!(r#"{{"action":"create_collaboration","payload":{{"title":"{long_title}","initiating_department":"市场部"}}}}"#),
            "invalid_input",
            "title",
        ),
        (r#"{"action":"add_department","payload":{"name":"法务\u0000部"}}"#.to_string(), "invalid_input", "name"),
        (r#"{"action":"add_task","payload":{"collaboration":"XZ-2026-001","department":"'); DROP TABLE task;--","responsible":"赵强","title":"t","start_date":"2026-11-25","end_date":"2026-11-30"}}"#.to_string(), "not_found", ""),
        (r#"{"action":"add_problem","payload":{"collaboration":"XZ-2026-001","description":"d","owner":"赵强","deadline":"99999-01-01"}}"#.to_string(), "invalid_input", "action"),
        ("\u{feff}{not json".to_string(), "invalid_input", "action"),
    ];
    let input: String = lines.iter().map(|(line, _, _)| format!("{line}\n")).collect();
    assert!(input.len() > 10_000_000);
    let output = exec_bytes(&db, input.into_bytes());
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    let answers: Vec<Value> = String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(answers.len(), lines.len(), "one answer per line");
    for ((line, kind, field), answer) in lines.iter().zip(&answers) {
        let shown: String = line.chars().take(80).collect();
        assert_eq!(answer["error"]["kind"], *kind, "{shown}: {answer}");
        if !field.is_empty() {
            assert_eq!(answer["error"]["field"], *field, "{shown}: {answer}");
        }
        assert!(answer["error"]["message"].as_str().unwrap().len() < 1000, "{shown}: the answer does not echo the input");
    }

    // Bytes that are not UTF-8 at all: a clean error, not a panic, and nothing written.
    let output = exec_bytes(&db, b"{\"action\":\"add_department\",\"payload\":{\"name\":\"\xff\xfe\"}}\n".to_vec());
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("xiezuo: error[") && !stderr.contains("panicked"), "{stderr}");
    assert_eq!(records(&db), before, "hostile input changed nothing");
}

/// Runs `xiezuo args` on `db`, which must be refused with `error[kind]`: exit 1, one line on
/// stderr that names the file. Returns that line.
fn refused(db: &Path, args: &[&str], kind: &str) -> String {
    let output = xiezuo(db, args);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
    assert!(stderr.starts_with(&format!("xiezuo: error[{kind}]: ")), "{args:?}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(&db.display().to_string()), "the message names the file: {stderr}");
    stderr
}

/// Overwrites the first page of the `collaboration` table with bytes no b-tree page has.
fn damage(db: &Path) {
    let root: i64 = rusqlite::Connection::open(db)
        .unwrap()
        .query_row("SELECT rootpage FROM sqlite_master WHERE name = 'collaboration'", [], |r| r.get(0))
        .unwrap();
    let mut bytes = std::fs::read(db).unwrap();
    let start = (root as usize - 1) * 4096;
    bytes[start..start + 4096].fill(0xEE);
    std::fs::write(db, bytes).unwrap();
}

fn integrity(db: &Path) -> String {
    rusqlite::Connection::open(db).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

fn department_names(db: &Path) -> String {
    let output = exec_bytes(db, br#"{"action":"list_departments"}"#.to_vec());
    stdout(&output)
}

#[test]
fn bad_databases_are_refused_with_their_kind_and_left_untouched() {
    let (dir, db) = demo_db();
    let copy_of_db = |name: &str| {
        let path = dir.path().join(name);
        std::fs::copy(&db, &path).unwrap();
        path
    };
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "会议纪要：这不是数据库。").unwrap();
    let foreign = dir.path().join("other-app.db");
    rusqlite::Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE notes(body); INSERT INTO notes VALUES ('x');").unwrap();
    let newer = copy_of_db("newer.db");
    rusqlite::Connection::open(&newer).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let corrupt = copy_of_db("corrupt.db");
    damage(&corrupt);
    let half = dir.path().join("half.db");
    let bytes = std::fs::read(&db).unwrap();
    std::fs::write(&half, &bytes[..bytes.len() / 2]).unwrap();

    let backups = format!("backups in {}", dir.path().join("backups").display());
    for (file, kind, way_out) in [
        (&text, "not_a_database", "use another file (--db)"),
        (&foreign, "not_a_database", "use another file (--db)"),
        (&newer, "newer_database", "update the app"),
        (&corrupt, "corrupt_database", backups.as_str()),
        (&half, "corrupt_database", "xiezuo restore FILE"),
    ] {
        let before = std::fs::read(file).unwrap();
        for args in [&["register"][..], &["demo"], &["backup", "--auto"]] {
            let stderr = refused(file, args, kind);
            assert!(stderr.contains(way_out), "{stderr}");
        }
        assert_eq!(std::fs::read(file).unwrap(), before, "{}: left byte for byte as it was", file.display());
    }
}

#[test]
fn restore_from_an_automatic_backup() {
    let (dir, db) = demo_db();
    let daily = dir.path().join("backups").join("daily-20261124.db");
    assert_eq!(stdout(&xiezuo(&db, &["backup", "--auto"])), format!("backup written: {}\n", daily.display()));
    assert_eq!(stdout(&xiezuo(&db, &["backup", "--auto"])), "automatic backup already made today\n");
    stdout(&exec_bytes(&db, r#"{"action":"add_department","payload":{"name":"法务部"}}"#.as_bytes().to_vec()));
    assert!(department_names(&db).contains("法务部"));

    let listed: Value = serde_json::from_str(&stdout(&xiezuo(&db, &["backups", "--format", "json"]))).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    assert_eq!((listed[0]["kind"].as_str(), listed[0]["file_name"].as_str()), (Some("daily"), Some("daily-20261124.db")));
    let from = listed[0]["path"].as_str().unwrap();
    assert_eq!(Path::new(from), daily);

    let restored = stdout(&xiezuo(&db, &["restore", from]));
    assert!(!department_names(&db).contains("法务部"), "the write after the backup is gone");
    assert_eq!(integrity(&db), "ok");
    let listed: Value = serde_json::from_str(&stdout(&xiezuo(&db, &["backups", "--format", "json"]))).unwrap();
    let kept = listed.as_array().unwrap().iter().find(|b| b["kind"] == "before_restore").expect("the replaced database is listed");
    let kept = Path::new(kept["path"].as_str().unwrap());
    assert!(restored.contains(&format!("the replaced database is kept as {}", kept.display())), "{restored}");
    assert!(department_names(kept).contains("法务部"), "nothing is lost: the replaced state is kept");
    let table = stdout(&xiezuo(&db, &["backups"]));
    assert_eq!(table.lines().count(), 2, "{table}");
    assert!(table.contains("\tdaily\t") && table.contains("\tbefore_restore\t"), "{table}");
}

#[test]
fn restore_over_a_corrupt_database_keeps_the_damaged_file() {
    let (dir, db) = demo_db();
    stdout(&xiezuo(&db, &["backup", "--auto"]));
    damage(&db);
    let damaged = std::fs::read(&db).unwrap();
    let stderr = refused(&db, &["register"], "corrupt_database");
    assert!(stderr.contains("xiezuo restore FILE"), "{stderr}");

    // The way out works without opening the damaged database.
    let listed: Value = serde_json::from_str(&stdout(&xiezuo(&db, &["backups", "--format", "json"]))).unwrap();
    let daily = listed[0]["path"].as_str().unwrap().to_string();
    let restored = stdout(&xiezuo(&db, &["restore", &daily]));
    let kept = restored.lines().find_map(|l| l.strip_prefix("the replaced database is kept as ")).expect("the damaged file is kept");
    assert_eq!(std::fs::read(kept).unwrap(), damaged, "kept byte for byte");
    assert!(Path::new(kept).starts_with(dir.path().join("backups")));
    assert_eq!(integrity(&db), "ok");
    let rows: Value = serde_json::from_str(&stdout(&xiezuo(&db, &["register", "--format", "json"]))).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 2);
}

#[test]
fn a_write_while_another_program_holds_the_lock_reports_busy() {
    let (dir, db) = demo_db();
    let holidays = dir.path().join("2027.json");
    std::fs::write(&holidays, r#"{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}"#).unwrap();
    let import = ["calendar", "import", holidays.to_str().unwrap()];
    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = std::time::Instant::now();
    let output = xiezuo(&db, &import);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr.starts_with("xiezuo: error[busy]: database is busy"), "{stderr}");
    assert!(started.elapsed() >= std::time::Duration::from_secs(4), "it waited for the lock first");
    assert_eq!(stdout(&xiezuo(&db, &["register", "--format", "json"])).matches("\"number\"").count(), 2, "reading still works");
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(stdout(&xiezuo(&db, &import)), "imported holidays for 2027\n");
}

#[test]
fn read_only_locations_are_refused_with_read_only_location() {
    tmpfs::on_tmpfs("read_only_locations_are_refused_with_read_only_location", "16m", |dir| {
        let db = dir.join("x.db");
        stdout(&xiezuo(&db, &["demo"]));
        stdout(&xiezuo(&db, &["backup", "--auto"]));
        let before = std::fs::read(&db).unwrap();

        tmpfs::make_file_read_only(&db);
        let stderr = refused(&db, &["register"], "read_only_location");
        assert!(stderr.contains("writable"), "{stderr}");
        tmpfs::sh(&format!("umount '{}'", db.display()));

        tmpfs::remount(dir, "ro");
        let stderr = refused(&db, &["register"], "read_only_location");
        assert!(stderr.contains("folder"), "{stderr}");
        refused(&dir.join("new.db"), &["init"], "read_only_location");
        // The backups are still listed; restoring needs the folder writable again.
        assert!(stdout(&xiezuo(&db, &["backups"])).contains("\tdaily\t"));
        let daily = dir.join("backups").join("daily-20261124.db");
        refused(&db, &["restore", daily.to_str().unwrap()], "read_only_location");
        assert_eq!(std::fs::read(&db).unwrap(), before);

        tmpfs::remount(dir, "rw");
        assert_eq!(stdout(&xiezuo(&db, &["register", "--format", "json"])).matches("\"number\"").count(), 2);
    });
}

#[test]
fn a_full_disk_gives_disk_full_and_the_database_stays_intact() {
    tmpfs::on_tmpfs("a_full_disk_gives_disk_full_and_the_database_stays_intact", "8m", |dir| {
        let db = dir.join("x.db");
        stdout(&xiezuo(&db, &["demo"]));
        let before = stdout(&xiezuo(&db, &["register", "--format", "json"]));
        let filler = tmpfs::fill(dir, 64 * 1024);

        let scan: Vec<u8> = (0..1_000_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        let line = serde_json::json!({"action": "add_attachment", "payload": {
            "collaboration": "XZ-2026-001", "file_name": "扫描件.pdf", "media_type": "application/pdf",
            "content_base64": base64_of(&scan),
        }});
        let output = exec_bytes(&db, format!("{line}\n").into_bytes());
        assert_eq!(output.status.code(), Some(1));
        let answer: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(answer["error"]["kind"], "disk_full", "{answer}");

        let new = dir.join("new.db");
        let stderr = refused(&new, &["init"], "disk_full");
        assert!(stderr.contains("free some space"), "{stderr}");
        assert!(!new.exists(), "no half-made database is left behind");

        std::fs::remove_file(filler).unwrap();
        assert_eq!(integrity(&db), "ok");
        assert_eq!(stdout(&xiezuo(&db, &["register", "--format", "json"])), before, "nothing of the failed write is kept");
        assert!(!stdout(&xiezuo(&db, &["show", "XZ-2026-001", "--format", "json"])).contains("扫描件.pdf"));
        stdout(&exec_bytes(&db, format!("{line}\n").into_bytes()));
    });
}

/// Standard base64, for an attachment's content in an `exec` line.
fn base64_of(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    out
}
