//! The `xiezuo` binary as scripts use it: exit codes, output formats, and the JSON Lines `exec`
//! interface driven by the data-driven scenario in the repository's `tests/scenarios/`.

use serde_json::Value;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const NOW: &str = "2026-11-24T09:00:00+08:00";

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
    assert!(String::from_utf8_lossy(&refused.stderr).starts_with("xiezuo: error[open_failed]"));
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
