//! Office interop from the window: Excel export and import, calendar files, email drafts, archive
//! packages and scanned signatures. Each command asks the OS dialog for the file or folder (see
//! `dialogs`), then calls `xiezuo-interop` on a blocking thread. A file picked for a two-step job
//! (an import's preview then apply, a scan's match then receipt) is remembered here, so the
//! second step never takes a path from the window.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_opener::OpenerExt;
use xiezuo_engine::{EngineError, ErrorPayload};
use xiezuo_forms::Lang;
use xiezuo_interop::archive::{self, ArchivePackage, VerifyReport};
use xiezuo_interop::eml::{self, Draft, DraftKind};
use xiezuo_interop::scan::{self, PickedScan, ReceiveScan, ReceivedScan};
use xiezuo_interop::xlsx::{self, ImportPreview, ImportReport};
use xiezuo_interop::{files, ics, InteropError};

use crate::dialogs::{ask, Ask, Filter};
use crate::{with_engine, AppState};

/// Files the user picked for a job that takes two steps.
#[derive(Default)]
pub struct Picked {
    import: Mutex<Option<PathBuf>>,
    scan: Mutex<Option<PathBuf>>,
}

const XLSX: Filter = ("Excel", &["xlsx"]);
const ICS: Filter = ("iCalendar", &["ics"]);

/// Exports the register (`what` = `register`) or one collaboration's progress table (`tasks`) to
/// an .xlsx the user names; answers the path written, or `None` if the dialog was cancelled.
#[tauri::command]
pub async fn export_xlsx(
    app: AppHandle,
    state: tauri::State<'_, AppState>,
    what: String,
    collaboration: Option<String>,
    language: String,
    file_name: String,
    title: String,
) -> Result<Option<String>, ErrorPayload> {
    let lang = lang(&language)?;
    let bytes = with_engine(&state, move |engine| match (what.as_str(), collaboration) {
        ("register", _) => xlsx::export_register(engine, lang),
        ("tasks", Some(collaboration)) => xlsx::export_tasks(engine, &collaboration, lang),
        _ => Err(invalid("what", format!("'{what}' is not register, or tasks with a collaboration"))),
    })
    .await?;
    save_as(app, title, file_name, XLSX, bytes).await
}

/// Asks for a spreadsheet and previews its import (every row checked, nothing kept).
#[tauri::command]
pub async fn import_xlsx_preview(
    app: AppHandle,
    state: tauri::State<'_, AppState>,
    picked: tauri::State<'_, Picked>,
    title: String,
) -> Result<Option<ImportPreview>, ErrorPayload> {
    let Some(path) = pick(app, title, Ask::Open { filter: ("Excel", &["xlsx", "xls"]) }).await? else { return Ok(None) };
    *picked.import.lock().unwrap_or_else(|p| p.into_inner()) = Some(path.clone());
    let file_name = display_name(&path);
    let report = with_engine(&state, move |engine| xlsx::import(engine, &path, false)).await?;
    Ok(Some(ImportPreview { file_name, report }))
}

/// Imports the previewed spreadsheet: all rows in one transaction, or none.
#[tauri::command]
pub async fn import_xlsx_apply(app: AppHandle, state: tauri::State<'_, AppState>, picked: tauri::State<'_, Picked>) -> Result<ImportReport, ErrorPayload> {
    let path = remembered(&picked.import)?;
    let report = with_engine(&state, move |engine| xlsx::import(engine, &path, true)).await?;
    if report.applied {
        let _ = app.emit("data-changed", ());
    }
    Ok(report)
}

/// Saves a calendar file: one meeting's invite, or every milestone and deadline of a collaboration.
#[tauri::command]
pub async fn save_ics(
    app: AppHandle,
    state: tauri::State<'_, AppState>,
    collaboration: String,
    meeting: Option<String>,
    language: String,
    file_name: String,
    title: String,
) -> Result<Option<String>, ErrorPayload> {
    let lang = lang(&language)?;
    let text = with_engine(&state, move |engine| match meeting {
        Some(meeting) => ics::meeting_invite(engine, &meeting, lang),
        None => ics::milestones(engine, &collaboration, lang),
    })
    .await?;
    save_as(app, title, file_name, ICS, text.into_bytes()).await
}

/// Writes an email draft (.eml with the document attached) and opens it in the mail program;
/// the app never sends mail itself.
#[tauri::command]
pub async fn open_email_draft(
    app: AppHandle,
    state: tauri::State<'_, AppState>,
    kind: DraftKind,
    collaboration: String,
    record: Option<String>,
    language: String,
) -> Result<Draft, ErrorPayload> {
    let lang = lang(&language)?;
    let mut draft = with_engine(&state, move |engine| eml::draft(engine, kind, &collaboration, record.as_deref(), lang)).await?;
    let _ = app.emit("data-changed", ()); // the attached document's print is recorded
    let folder = app.path().app_cache_dir().map_err(|e| ErrorPayload::internal(e.to_string()))?.join("drafts");
    let path = folder.join(files::safe_file_name(&draft.file_name));
    let bytes = std::mem::take(&mut draft.bytes);
    let written = path.clone();
    blocking(move || {
        std::fs::create_dir_all(&folder).map_err(|e| InteropError::io(&folder, e))?;
        files::write_atomic(&written, &bytes, true)
    })
    .await?;
    if std::env::var_os("XIEZUO_TEST_DIALOG_DIR").is_none() {
        app.opener().open_path(path.to_string_lossy(), None::<&str>).map_err(|e| ErrorPayload {
            kind: "mail_program".into(),
            message: e.to_string(),
            field: None,
            items: Vec::new(),
        })?;
    }
    Ok(draft)
}

/// Writes the collaboration's archive package into a folder the user picks, then archives it
/// (read-only). Answers `None` if the dialog was cancelled.
#[tauri::command]
pub async fn write_archive(
    app: AppHandle,
    state: tauri::State<'_, AppState>,
    collaboration: String,
    language: String,
    title: String,
) -> Result<Option<ArchivePackage>, ErrorPayload> {
    let lang = lang(&language)?;
    let Some(folder) = pick(app.clone(), title, Ask::Folder).await? else { return Ok(None) };
    let package = with_engine(&state, move |engine| archive::write_package(engine, &collaboration, &folder, lang)).await?;
    let _ = app.emit("data-changed", ());
    Ok(Some(package))
}

/// Re-checks an archive package folder the user picks against its manifest.
#[tauri::command]
pub async fn verify_archive(app: AppHandle, title: String) -> Result<Option<VerifyReport>, ErrorPayload> {
    let Some(folder) = pick(app, title, Ask::Folder).await? else { return Ok(None) };
    blocking(move || archive::verify(&folder)).await.map(Some)
}

/// Asks for a scanned signed document and finds the record its QR code names.
#[tauri::command]
pub async fn scan_pick(
    app: AppHandle,
    state: tauri::State<'_, AppState>,
    picked: tauri::State<'_, Picked>,
    title: String,
) -> Result<Option<PickedScan>, ErrorPayload> {
    let Some(path) = pick(app, title, Ask::Open { filter: ("PDF / PNG / JPEG", &["pdf", "png", "jpg", "jpeg"]) }).await? else { return Ok(None) };
    *picked.scan.lock().unwrap_or_else(|p| p.into_inner()) = Some(path.clone());
    let file_name = display_name(&path);
    let matched = with_engine(&state, move |engine| scan::match_scan(engine, &path)).await?;
    Ok(Some(PickedScan { file_name, matched }))
}

/// Stores the picked scan and marks the signatures the user confirmed as received.
#[tauri::command]
pub async fn scan_receive(
    app: AppHandle,
    state: tauri::State<'_, AppState>,
    picked: tauri::State<'_, Picked>,
    input: ReceiveScan,
) -> Result<ReceivedScan, ErrorPayload> {
    let path = remembered(&picked.scan)?;
    let received = with_engine(&state, move |engine| scan::receive_scan(engine, &path, input)).await?;
    let _ = app.emit("data-changed", ());
    Ok(received)
}

/// Asks where to save `bytes` (suggesting `file_name`) and writes them there.
async fn save_as(app: AppHandle, title: String, file_name: String, filter: Filter, bytes: Vec<u8>) -> Result<Option<String>, ErrorPayload> {
    let name = files::safe_file_name(&file_name);
    let Some(mut path) = pick(app, title, Ask::Save { name, filter }).await? else { return Ok(None) };
    if path.extension().is_none() {
        path.set_extension(filter.1[0]);
    }
    let written = path.to_string_lossy().into_owned();
    // The dialog already asked the user whether to replace an existing file.
    blocking(move || files::write_atomic(&path, &bytes, true)).await?;
    Ok(Some(written))
}

/// Shows a dialog on a blocking thread.
async fn pick(app: AppHandle, title: String, what: Ask) -> Result<Option<PathBuf>, ErrorPayload> {
    tauri::async_runtime::spawn_blocking(move || ask(&app, &title, what)).await.map_err(|e| ErrorPayload::internal(e.to_string()))
}

fn remembered(slot: &Mutex<Option<PathBuf>>) -> Result<PathBuf, ErrorPayload> {
    slot.lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
        .ok_or_else(|| ErrorPayload::from(&EngineError::MissingField { field: "file".into() }))
}

fn display_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn lang(language: &str) -> Result<Lang, ErrorPayload> {
    Lang::parse(language).ok_or_else(|| ErrorPayload::from(&invalid("language", format!("'{language}' is not zh-CN or en-US"))))
}

fn invalid(field: &str, reason: String) -> InteropError {
    InteropError::Engine(EngineError::InvalidInput { field: field.into(), reason })
}

/// Runs file work on a blocking thread.
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> Result<T, InteropError> + Send + 'static) -> Result<T, ErrorPayload> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| ErrorPayload::internal(e.to_string()))?
        .map_err(|e| ErrorPayload::from(&e))
}
