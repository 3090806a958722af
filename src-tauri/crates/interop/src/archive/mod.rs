//! Archive packages: a collaboration's complete record in a folder the user picks (typically a
//! shared drive), readable and checkable years later without the app.
//!
//! The folder `XZ-2026-001 <title>` holds:
//! - `documents/`: every document as PDF at its latest revision (request, each meeting's agenda
//!   and issued minutes, the tracking table, each deliverable's self-check and acceptance record,
//!   the completion letter), named in the chosen language, e.g. `协作需求申请表 r2.pdf`;
//! - `scans/`: the signed scans the signatures point to; `attachments/`: every other attachment,
//!   under its original name made safe;
//! - `records.json` (the dossier: all records) and `change_log.json` (every change with actor,
//!   device, hybrid logical clock and before/after values);
//! - `README.txt` (Chinese and English) and `manifest.json`: size and SHA-256 of every other file.
//!
//! Order of work, so that a refusal or a failure leaves neither a folder nor a change:
//! 1. Before anything is written, a folder of the final name is refused (`AlreadyExists`):
//!    an archive is never replaced silently.
//! 2. The rest runs in one engine transaction (`Engine::batch`). The archive action comes first,
//!    so its gate (only a completed collaboration, letter issued, can be archived) refuses before
//!    any file exists. Then the documents are printed (each print recorded, so a scan of the
//!    archived paper can be matched later), the records and change log are read (they include the
//!    archiving), the files are written to a hidden temp folder beside the target and flushed,
//!    and the folder is renamed into place.
//! 3. The transaction commits only after the rename. Any failure before it rolls back the archive
//!    action and the prints and removes the temp folder; a failed commit removes the placed
//!    folder. So the package exists exactly when the collaboration is archived (read-only).
//!
//! The transaction holds the database's write lock while the files are written (seconds on a
//! slow share): with one writer per database, that is the price of all-or-nothing.
//! Re-exporting an archived collaboration skips the archive action and changes no record. Like
//! every print, it records a document's print only when its content is new (the tracking table's
//! period ends today, so a re-export on a later day records that print once more).

mod manifest;
mod staging;

pub use manifest::{verify, VerifyReport};

use crate::error::{InteropError, Result};
use crate::files::{confined, safe_file_name};
use chrono::SecondsFormat;
use manifest::{Manifest, ManifestCollaboration, FORMAT, FORMAT_VERSION};
use serde::Serialize;
use serde_json::Value;
use staging::Staging;
use std::collections::HashSet;
use std::fs;
use std::path::Path;
use xiezuo_engine::dossier::Dossier;
use xiezuo_engine::model::Stage;
use xiezuo_engine::Engine;
use xiezuo_forms::labels::labels;
use xiezuo_forms::{records, Kind, Lang};

/// The one file the manifest does not list: itself.
const MANIFEST: &str = "manifest.json";

/// A package written by `write_package`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ArchivePackage {
    /// The package folder.
    pub path: String,
    /// Files listed in the manifest (every file but `manifest.json`).
    pub files: u32,
    pub bytes: u64,
    /// Whether this call archived the collaboration (false when it already was).
    pub archived_now: bool,
}

/// Writes the archive package of `collaboration` (number or id) into a new folder inside
/// `parent`, and archives the collaboration if it is not yet archived (see the module docs).
pub fn write_package(engine: &mut Engine, collaboration: &str, parent: &Path, lang: Lang) -> Result<ArchivePackage> {
    let subject = Subject::of(&engine.dossier(collaboration)?);
    let parent_meta = fs::metadata(parent).map_err(|e| InteropError::io(parent, e))?;
    if !parent_meta.is_dir() {
        return Err(InteropError::UnsafePath { path: parent.to_path_buf(), reason: "not a folder".into() });
    }
    let target = confined(parent, Path::new(&safe_file_name(&format!("{} {}", subject.number, subject.title))))?;
    if fs::symlink_metadata(&target).is_ok() {
        return Err(InteropError::AlreadyExists { path: target });
    }
    let mut placed = false;
    let outcome = engine.batch(
        |built: &Result<ArchivePackage>| built.is_ok(),
        |engine| Ok(build(engine, &subject, lang, parent, &target).inspect(|_| placed = true)),
    );
    outcome.unwrap_or_else(|commit_failed| {
        if placed {
            let _ = fs::remove_dir_all(&target);
        }
        Err(commit_failed.into())
    })
}

/// The collaboration a package is of.
struct Subject {
    id: String,
    number: String,
    title: String,
    archived: bool,
}

impl Subject {
    fn of(dossier: &Dossier) -> Self {
        let c = &dossier.collaboration;
        Subject { id: text(c, "id"), number: text(c, "number"), title: text(c, "title"), archived: dossier.stage == Stage::Archived }
    }
}

/// Everything inside the transaction: archive, print, write, place.
fn build(engine: &mut Engine, subject: &Subject, lang: Lang, parent: &Path, target: &Path) -> Result<ArchivePackage> {
    if !subject.archived {
        engine.archive(&subject.number)?;
    }
    let mut staging = Staging::create(parent, &subject.number)?;
    for document in documents(&engine.dossier(&subject.number)?) {
        let printed = records::print(engine, document.kind, Some(&subject.number), document.record.as_deref(), lang)?;
        staging.add("documents", &document.file_name(lang, printed.revision), &printed.rendered.bytes)?;
    }
    let dossier = engine.dossier(&subject.number)?;
    add_attachments(engine, &dossier, &mut staging)?;
    staging.add("", "records.json", &pretty_json("records.json", &dossier)?)?;
    staging.add("", "change_log.json", &pretty_json("change_log.json", &engine.history(&subject.number)?)?)?;
    let created_at = engine.clock().now().to_rfc3339_opts(SecondsFormat::Secs, true);
    staging.add("", "README.txt", readme(subject, &created_at).as_bytes())?;

    let files = staging.entries().to_vec();
    let package = ArchivePackage {
        path: target.display().to_string(),
        files: files.len() as u32,
        bytes: files.iter().map(|f| f.size).sum(),
        archived_now: !subject.archived,
    };
    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION").into(),
        collaboration: ManifestCollaboration { id: subject.id.clone(), number: subject.number.clone(), title: subject.title.clone() },
        created_at,
        files,
    };
    staging.place(&pretty_json(MANIFEST, &manifest)?, target)?;
    Ok(package)
}

/// One document of the package: what to print, and what it is about (a meeting's or a
/// deliverable's title) for its file name.
struct Document {
    kind: Kind,
    record: Option<String>,
    about: Option<String>,
}

impl Document {
    fn new(kind: Kind, record: Option<&Value>) -> Self {
        Document { kind, record: record.map(|r| text(r, "id")), about: record.map(|r| text(r, "title")) }
    }

    /// E.g. `协作会议纪要 启动会 r1.pdf`.
    fn file_name(&self, lang: Lang, revision: u32) -> String {
        let kind = labels(lang).kind(self.kind);
        match &self.about {
            Some(about) => format!("{kind} {about} r{revision}.pdf"),
            None => format!("{kind} r{revision}.pdf"),
        }
    }
}

/// The documents that exist: minutes once issued, an acceptance record once reviewed, the letter
/// once issued.
fn documents(d: &Dossier) -> Vec<Document> {
    let mut out = vec![Document::new(Kind::Request, None)];
    for meeting in &d.meetings {
        out.push(Document::new(Kind::Agenda, Some(meeting)));
        if !meeting["minutes_issued_at"].is_null() {
            out.push(Document::new(Kind::Minutes, Some(meeting)));
        }
    }
    out.push(Document::new(Kind::Tracking, None));
    for deliverable in &d.deliverables {
        out.push(Document::new(Kind::SelfCheck, Some(deliverable)));
        if d.reviews.iter().any(|r| r["deliverable_id"] == deliverable["id"]) {
            out.push(Document::new(Kind::Acceptance, Some(deliverable)));
        }
    }
    if d.letter.is_some() {
        out.push(Document::new(Kind::Letter, None));
    }
    out
}

/// The collaboration's attachments: signed scans (those a signature points to) into `scans/`,
/// every other one into `attachments/`. The scan import stores scans as the collaboration's
/// attachments, so the dossier lists them all.
fn add_attachments(engine: &Engine, dossier: &Dossier, staging: &mut Staging) -> Result<()> {
    let scans: HashSet<&str> = dossier.signatures.iter().filter_map(|s| s["scan_attachment_id"].as_str()).collect();
    for attachment in &dossier.attachments {
        let id = text(attachment, "id");
        let folder = if scans.contains(id.as_str()) { "scans" } else { "attachments" };
        staging.add(folder, &text(attachment, "file_name"), &engine.attachment_content(&id)?)?;
    }
    Ok(())
}

fn pretty_json(name: &str, value: &impl Serialize) -> Result<Vec<u8>> {
    serde_json::to_vec_pretty(value).map_err(|e| InteropError::io(Path::new(name), e.into()))
}

fn text(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_string()
}

/// The package's own explanation, in Chinese and English (with a BOM and CRLF line ends, so
/// older Windows editors show the Chinese correctly).
fn readme(subject: &Subject, created_at: &str) -> String {
    let Subject { number, title, .. } = subject;
    let text = format!(
        "协作台归档包 / Xiezuo archive package
{number} {title}
生成时间 / Written: {created_at}

【中文】
本文件夹是该协作事项的完整归档记录，归档后该事项在协作台中为只读。
  documents/       各文档最新版本的 PDF：协作需求申请表、会议议程与会议纪要、进度跟踪表、成果自检表、验收意见表、协作完成确认函
  scans/           已签字文件的扫描件（如有）
  attachments/     其他附件，保留原文件名（如有）
  records.json     全部记录的机器可读导出（JSON）
  change_log.json  完整变更记录：操作人、设备、时间（混合逻辑时钟）及每个字段修改前后的值
  manifest.json    除自身外每个文件的路径、大小和 SHA-256 校验值
校验：在命令行运行
  xiezuo archive verify \"<本文件夹路径>\"
任何文件被修改、缺失或多出，校验都会指出该文件。也可用任意 SHA-256 工具对照 manifest.json 逐一核对。

[English]
This folder is the complete archived record of the collaboration; once archived, it is read-only in Xiezuo.
  documents/       every document as PDF at its latest revision: request form, meeting agendas and minutes, progress tracking table, self-check and acceptance forms, completion letter
  scans/           scans of the signed paper (if any)
  attachments/     the other attachments, under their original names (if any)
  records.json     a machine-readable export of all records (JSON)
  change_log.json  the full change log: who, on which device, when (hybrid logical clock), and each field's value before and after
  manifest.json    path, size and SHA-256 of every other file
To verify, run
  xiezuo archive verify \"<path of this folder>\"
A changed, missing or extra file is reported by name. Any SHA-256 tool can also check the files against manifest.json.
"
    );
    format!("\u{feff}{}", text.replace('\n', "\r\n"))
}
