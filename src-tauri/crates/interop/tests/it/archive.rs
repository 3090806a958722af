//! Archive packages: a completed collaboration (the repository's full-process scenario, run up to
//! its archive step) is written to a folder with every document, scan, attachment, record and the
//! change log; `verify` catches a changed byte, a missing, extra or escaping file; a refused
//! archive gate or an existing package leaves the folder and the database as they were.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use xiezuo_engine::action::Outcome;
use xiezuo_engine::clock::FixedClock;
use xiezuo_engine::meeting::SignatureInput;
use xiezuo_engine::Engine;
use xiezuo_forms::Lang;
use xiezuo_interop::archive::{verify, write_package};
use xiezuo_interop::InteropError;

/// The scenario's own clock: its last steps happen on 2026-12-03.
const NOW: &str = "2026-12-03T18:00:00+08:00";

struct Fixture {
    engine: Engine,
    number: String,
    _db: tempfile::TempDir,
}

fn engine_with_demo() -> (Engine, tempfile::TempDir) {
    let db = tempfile::tempdir().unwrap();
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339(NOW).unwrap().with_timezone(&Utc);
    let mut engine = Engine::open_with_clock(&db.path().join("x.db"), FixedClock::new(now)).unwrap();
    engine.load_demo().unwrap();
    (engine, db)
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

fn act(engine: &mut Engine, line: &str) -> Result<Value, Value> {
    match engine.run_json(line) {
        Outcome::Ok(value) => Ok(value),
        Outcome::Error(error) => Err(serde_json::to_value(error).unwrap()),
    }
}

/// The demo plus a collaboration taken to completion (letter issued, not archived), with
/// attachments whose names collide or are unsafe and a signed scan of the minutes.
fn completed() -> Fixture {
    let (mut engine, db) = engine_with_demo();
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/scenarios/full-process.jsonl");
    let mut bound = HashMap::new();
    for line in std::fs::read_to_string(scenario).unwrap().lines() {
        let mut step: Value = serde_json::from_str(line).unwrap();
        if step["action"] == "archive" {
            break;
        }
        let map = step.as_object_mut().unwrap();
        let bind = map.remove("bind");
        if map.remove("expect").is_some() {
            continue;
        }
        substitute(&mut step, &bound);
        let answer = act(&mut engine, &step.to_string()).unwrap_or_else(|e| panic!("{step}: {e}"));
        if let Some(Value::String(name)) = bind {
            bound.insert(name, answer);
        }
    }
    let number = bound["c"]["number"].as_str().unwrap().to_string();
    engine.add_attachment(Some(&number), "需求说明.docx", "application/octet-stream", b"first draft").unwrap();
    engine.add_attachment(Some(&number), "需求说明.docx", "application/octet-stream", b"second draft").unwrap();
    engine.add_attachment(Some(&number), "CON.txt", "text/plain", b"reserved on Windows").unwrap();
    engine.add_attachment(Some(&number), "..", "text/plain", b"dots").unwrap_err();
    let scan = engine.add_attachment(Some(&number), "签字页.jpg", "image/jpeg", b"\xff\xd8\xff scan").unwrap();
    let minutes_signature = engine.dossier(&number).unwrap().signatures.iter().find(|s| s["document_kind"] == "minutes").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    engine
        .record_signature(SignatureInput {
            signature: minutes_signature,
            signed_on: "2026-12-02".parse().unwrap(),
            scan_attachment: Some(scan),
        })
        .unwrap();
    Fixture { engine, number, _db: db }
}

/// How many change-log rows there are and the newest clock: equal means nothing was written.
fn log_state(engine: &Engine) -> (i64, String) {
    engine.connection().query_row("SELECT count(*), max(hlc) FROM change_log", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap()
}

fn stage(engine: &Engine, number: &str) -> String {
    engine.dossier(number).unwrap().collaboration["stage"].as_str().unwrap().to_string()
}

/// Every file under `dir`, relative, with forward slashes, sorted.
fn listing(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.push(path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

fn copy_folder(from: &Path, to: &Path) {
    for file in listing(from) {
        let target = to.join(&file);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(from.join(&file), target).unwrap();
    }
}

fn problems(err: InteropError) -> Vec<String> {
    match err {
        InteropError::ManifestMismatch { problems, .. } => problems,
        other => panic!("expected manifest_mismatch, got {}: {other}", other.kind()),
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn the_package_holds_the_whole_record_and_the_collaboration_becomes_read_only() {
    let mut f = completed();
    let parent = tempfile::tempdir().unwrap();
    let package = write_package(&mut f.engine, &f.number, parent.path(), Lang::Zh).unwrap();

    let folder = parent.path().join(format!("{} 客户数据平台建设", f.number));
    assert_eq!(PathBuf::from(&package.path), folder);
    assert!(package.archived_now);
    assert_eq!(std::fs::read_dir(parent.path()).unwrap().count(), 1, "no temp folder is left beside the package");
    assert_eq!(
        listing(&folder),
        [
            "README.txt",
            "attachments/_CON.txt",
            "attachments/需求说明 (2).docx",
            "attachments/需求说明.docx",
            "change_log.json",
            "documents/会议议程 启动会 r1.pdf",
            "documents/协作会议纪要 启动会 r1.pdf",
            "documents/协作完成确认函 r1.pdf",
            "documents/协作需求申请表 r2.pdf",
            "documents/成果自检表 客户主数据表 r2.pdf",
            "documents/进度跟踪表 r1.pdf",
            "documents/验收意见表 客户主数据表 r2.pdf",
            "manifest.json",
            "records.json",
            "scans/签字页.jpg",
        ]
    );
    for pdf in listing(&folder).iter().filter(|f| f.ends_with(".pdf")) {
        assert!(std::fs::read(folder.join(pdf)).unwrap().starts_with(b"%PDF-"), "{pdf}");
    }
    assert_eq!(std::fs::read(folder.join("attachments/需求说明 (2).docx")).unwrap(), b"second draft");
    assert_eq!(std::fs::read(folder.join("scans/签字页.jpg")).unwrap(), b"\xff\xd8\xff scan");

    let records: Value = serde_json::from_slice(&std::fs::read(folder.join("records.json")).unwrap()).unwrap();
    assert_eq!(records["collaboration"]["number"], f.number.as_str());
    assert_eq!(records["stage"], "archived", "the package records the archiving it completes");
    assert_eq!(records["attachments"].as_array().unwrap().len(), 4);
    let log: Value = serde_json::from_slice(&std::fs::read(folder.join("change_log.json")).unwrap()).unwrap();
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), f.engine.history(&f.number).unwrap().len());
    assert_eq!(log[0]["action"], "create_collaboration");
    let archived = log.iter().find(|e| e["action"] == "archive").unwrap();
    assert_eq!(archived["changes"]["stage"], serde_json::json!(["completed", "archived"]), "before/after values: {archived}");
    assert!(archived["hlc"].is_string() && archived["device_id"].is_string() && archived["actor"] == "张伟");

    let manifest: Value = serde_json::from_slice(&std::fs::read(folder.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["format"], "xiezuo-archive");
    assert_eq!(manifest["collaboration"]["number"], f.number.as_str());
    assert_eq!(manifest["created_at"], "2026-12-03T10:00:00Z");
    let listed: Vec<&str> = manifest["files"].as_array().unwrap().iter().map(|e| e["path"].as_str().unwrap()).collect();
    let mut expected = listing(&folder);
    expected.retain(|p| p != "manifest.json");
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(sorted, expected, "every file but the manifest is listed");
    for entry in manifest["files"].as_array().unwrap() {
        let bytes = std::fs::read(folder.join(entry["path"].as_str().unwrap())).unwrap();
        assert_eq!(entry["size"], bytes.len());
        assert_eq!(entry["sha256"], sha256_hex(&bytes).as_str(), "{entry}");
    }
    let readme = String::from_utf8(std::fs::read(folder.join("README.txt")).unwrap()).unwrap();
    assert!(readme.contains("xiezuo archive verify") && readme.contains("校验") && readme.contains("To verify"));

    let report = verify(&folder).unwrap();
    assert_eq!((report.files, report.bytes, report.number.as_str()), (package.files, package.bytes, f.number.as_str()));
    assert_eq!(package.files as usize, expected.len());

    assert_eq!(stage(&f.engine, &f.number), "archived");
    let write =
        format!(r#"{{"action":"add_communication","payload":{{"collaboration":"{}","kind":"email","summary":"归档后补充"}}}}"#, f.number);
    assert_eq!(act(&mut f.engine, &write).unwrap_err()["kind"], "read_only");
}

#[test]
fn english_packages_name_the_documents_in_english() {
    let mut f = completed();
    let parent = tempfile::tempdir().unwrap();
    let package = write_package(&mut f.engine, &f.number, parent.path(), Lang::En).unwrap();
    let documents = listing(&Path::new(&package.path).join("documents"));
    assert!(documents.contains(&"Collaboration Request Form r2.pdf".to_string()), "{documents:?}");
    assert!(documents.contains(&"Collaboration Completion Letter r1.pdf".to_string()), "{documents:?}");
}

#[test]
fn verify_names_each_changed_missing_extra_or_escaping_file() {
    let mut f = completed();
    let parent = tempfile::tempdir().unwrap();
    let package = PathBuf::from(write_package(&mut f.engine, &f.number, parent.path(), Lang::Zh).unwrap().path);
    let tampered = |change: &dyn Fn(&Path)| {
        let copy = tempfile::tempdir().unwrap();
        copy_folder(&package, copy.path());
        change(copy.path());
        verify(copy.path())
    };
    let pdf = "documents/协作会议纪要 启动会 r1.pdf";

    let flipped = tampered(&|dir| {
        let mut bytes = std::fs::read(dir.join(pdf)).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x01;
        std::fs::write(dir.join(pdf), bytes).unwrap();
    });
    assert_eq!(problems(flipped.unwrap_err()), [format!("changed: {pdf}")]);

    let appended = tampered(&|dir| {
        let mut bytes = std::fs::read(dir.join("records.json")).unwrap();
        bytes.push(b'\n');
        std::fs::write(dir.join("records.json"), bytes).unwrap();
    });
    assert_eq!(problems(appended.unwrap_err()), ["changed: records.json"]);

    let deleted = tampered(&|dir| std::fs::remove_file(dir.join("scans/签字页.jpg")).unwrap());
    assert_eq!(problems(deleted.unwrap_err()), ["missing: scans/签字页.jpg"]);

    let added = tampered(&|dir| std::fs::write(dir.join("attachments/extra.txt"), b"slipped in").unwrap());
    assert_eq!(problems(added.unwrap_err()), ["not in the manifest: attachments/extra.txt"]);

    let escaping = tampered(&|dir| {
        let mut manifest: Value = serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
        let files = manifest["files"].as_array_mut().unwrap();
        files.push(serde_json::json!({ "path": "../x", "size": 0, "sha256": sha256_hex(b"") }));
        files.push(serde_json::json!({ "path": "/etc/hostname", "size": 0, "sha256": sha256_hex(b"") }));
        std::fs::write(dir.join("manifest.json"), serde_json::to_vec(&manifest).unwrap()).unwrap();
    });
    assert_eq!(problems(escaping.unwrap_err()), ["unsafe path in the manifest: ../x", "unsafe path in the manifest: /etc/hostname"]);

    let several = tampered(&|dir| {
        std::fs::remove_file(dir.join("README.txt")).unwrap();
        std::fs::write(dir.join("notes.txt"), b"x").unwrap();
    });
    assert_eq!(problems(several.unwrap_err()), ["missing: README.txt", "not in the manifest: notes.txt"]);

    let browsed = tampered(&|dir| std::fs::write(dir.join("documents/.DS_Store"), b"finder").unwrap());
    assert!(browsed.is_ok(), "a file manager's folder metadata is not part of the package: {browsed:?}");

    let no_manifest = tampered(&|dir| std::fs::remove_file(dir.join("manifest.json")).unwrap());
    assert_eq!(no_manifest.unwrap_err().kind(), "unreadable_file");
    let garbled = tampered(&|dir| std::fs::write(dir.join("manifest.json"), b"{\"format\": ").unwrap());
    assert_eq!(garbled.unwrap_err().kind(), "unreadable_file");
    let foreign = tampered(&|dir| std::fs::write(dir.join("manifest.json"), br#"{"format":"other","format_version":1}"#).unwrap());
    assert_eq!(foreign.unwrap_err().kind(), "unreadable_file");
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(verify(empty.path()).unwrap_err().kind(), "unreadable_file");

    assert!(verify(&package).is_ok(), "the original is untouched");
}

#[test]
fn an_existing_package_is_never_replaced_and_a_re_export_changes_nothing() {
    let mut f = completed();
    let parent = tempfile::tempdir().unwrap();
    let first = write_package(&mut f.engine, &f.number, parent.path(), Lang::Zh).unwrap();
    let manifest_before = std::fs::read(Path::new(&first.path).join("manifest.json")).unwrap();
    let log_before = log_state(&f.engine);

    let again = write_package(&mut f.engine, &f.number, parent.path(), Lang::Zh).unwrap_err();
    assert_eq!(again.kind(), "already_exists");
    assert_eq!(std::fs::read_dir(parent.path()).unwrap().count(), 1);
    assert_eq!(std::fs::read(Path::new(&first.path).join("manifest.json")).unwrap(), manifest_before);
    assert_eq!(log_state(&f.engine), log_before);

    // Already archived: a package elsewhere, with the same documents, and no record written.
    let elsewhere = tempfile::tempdir().unwrap();
    let second = write_package(&mut f.engine, &f.number, elsewhere.path(), Lang::Zh).unwrap();
    assert!(!second.archived_now);
    assert_eq!(log_state(&f.engine), log_before);
    assert_eq!(stage(&f.engine, &f.number), "archived");
    verify(Path::new(&second.path)).unwrap();
    let pdf = "documents/协作完成确认函 r1.pdf";
    assert_eq!(std::fs::read(Path::new(&first.path).join(pdf)).unwrap(), std::fs::read(Path::new(&second.path).join(pdf)).unwrap());
}

#[test]
fn a_refused_archive_gate_leaves_no_folder_and_no_change() {
    let (mut engine, _db) = engine_with_demo();
    let parent = tempfile::tempdir().unwrap();
    let before = log_state(&engine);
    let refused = write_package(&mut engine, "XZ-2026-001", parent.path(), Lang::Zh).unwrap_err();
    assert_eq!(refused.kind(), "stage_gate", "{refused}");
    assert_eq!(std::fs::read_dir(parent.path()).unwrap().count(), 0, "not even a temp folder");
    assert_eq!(log_state(&engine), before, "no print or archive was recorded");
    assert_eq!(stage(&engine, "XZ-2026-001"), "executing");

    let unknown = write_package(&mut engine, "XZ-1999-001", parent.path(), Lang::Zh).unwrap_err();
    assert_eq!(unknown.kind(), "not_found");
    let not_a_folder = parent.path().join("file.txt");
    std::fs::write(&not_a_folder, b"x").unwrap();
    assert_eq!(write_package(&mut engine, "XZ-2026-001", &not_a_folder, Lang::Zh).unwrap_err().kind(), "unsafe_path");
    assert_eq!(write_package(&mut engine, "XZ-2026-001", &parent.path().join("nope"), Lang::Zh).unwrap_err().kind(), "io");
    assert_eq!(listing(parent.path()), ["file.txt"]);
    assert_eq!(log_state(&engine), before);
}

#[test]
fn a_failure_half_way_removes_the_temp_folder_and_rolls_the_archiving_back() {
    let mut f = completed();
    let before = log_state(&f.engine);
    // A parent so deep (Linux allows 4095 bytes a path) that the temp folder and its `documents/`
    // fit but the first PDF's path does not: the write fails after the archive action and the
    // first print were made in the transaction.
    let root = tempfile::tempdir().unwrap();
    let mut parent = root.path().to_path_buf();
    while parent.as_os_str().len() < 4015 - 201 {
        parent.push("d".repeat(200));
    }
    parent.push("d".repeat(4015 - 1 - parent.as_os_str().len()));
    assert_eq!(parent.as_os_str().len(), 4015);
    std::fs::create_dir_all(&parent).unwrap();

    let failed = write_package(&mut f.engine, &f.number, &parent, Lang::Zh).unwrap_err();
    assert_eq!(failed.kind(), "io", "{failed}");
    assert_eq!(std::fs::read_dir(&parent).unwrap().count(), 0, "the temp folder is removed");
    assert_eq!(stage(&f.engine, &f.number), "completed", "not archived without a package");
    assert_eq!(log_state(&f.engine), before, "the archive action and the prints are rolled back");
}
