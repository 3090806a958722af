//! Printing from the window: renders a document with `xiezuo-forms` (which also records the print
//! in the engine), keeps the PDF in the app's cache folder, and hands it to the preview, the
//! system PDF viewer or a "save as" copy.
//!
//! The window never names an arbitrary file to read or open: `read_document`, `open_document`
//! and the source of `save_document` accept only PDFs this module wrote under its prints folder.
//! The prints folder is a cache: it is emptied the first time this process prints, and each print
//! gets a sub-folder named by its content hash, so a file open in a viewer is never overwritten by
//! a different document and the file keeps a readable name (`XZ-2026-001 协作需求申请表 r2.pdf`).

use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Once;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_opener::OpenerExt;
use xiezuo_engine::{Engine, EngineError, ErrorPayload};
use xiezuo_forms::labels::labels;
use xiezuo_forms::records::{self, Printed};
use xiezuo_forms::{FormsError, Kind, Lang};

use crate::dialogs::{self, Ask};
use crate::{with_engine, AppState};

/// A printed document as the window sees it.
#[derive(Debug, Serialize)]
pub struct PrintedFile {
    /// Where the PDF was written (pass it back to read, open or save it).
    path: String,
    /// The file's name, also the suggested name in the save dialog.
    file_name: String,
    pages: usize,
    /// Characters no bundled font has (printed as boxes); empty when all is well.
    missing_glyphs: String,
    /// The engine's record of this print (absent for the register, which spans collaborations).
    printed_id: Option<String>,
}

/// Points the documents crate at the fonts shipped as bundle resources, when the app has them
/// (an installed app, or a build whose resources were copied beside the binary).
pub fn use_bundled_fonts(app: &AppHandle) {
    if let Ok(dir) = app.path().resource_dir() {
        let fonts = dir.join("fonts");
        if fonts.is_dir() {
            xiezuo_forms::fonts::set_fonts_dir(fonts);
        }
    }
}

/// Renders `kind` (`request`, `agenda`, `minutes`, `tracking`, `selfcheck`, `acceptance`,
/// `letter`, `register`) for a collaboration (id or number) and, for meetings and deliverables,
/// one record; records the print and writes the PDF to the prints folder.
#[tauri::command]
pub async fn print_document(
    app: AppHandle,
    state: tauri::State<'_, AppState>,
    kind: String,
    collaboration: Option<String>,
    record: Option<String>,
    language: String,
) -> Result<PrintedFile, ErrorPayload> {
    // `self_check` is accepted too: it is how the engine's document kinds are spelled.
    let kind = Kind::parse(&kind.replace('_', "")).ok_or_else(|| invalid("kind", format!("'{kind}' is not a document kind")))?;
    let lang = Lang::parse(&language).ok_or_else(|| invalid("language", format!("'{language}' is not zh-CN or en-US")))?;
    let (printed, file_name) = with_engine(&state, move |engine| {
        Ok::<_, EngineError>(records::print(engine, kind, collaboration.as_deref(), record.as_deref(), lang).and_then(|printed| {
            let name = file_name(engine, &printed, lang)?;
            Ok((printed, name))
        }))
    })
    .await?
    .map_err(|e| forms_error(&e))?;
    if printed.printed_id.is_some() {
        let _ = app.emit("data-changed", ());
    }
    let folder = prints_folder(&app)?.join(&printed.rendered.short_hash);
    let path = folder.join(&file_name);
    let bytes = printed.rendered.bytes;
    let written = path.clone();
    blocking(move || {
        std::fs::create_dir_all(&folder)?;
        // Written beside the target and renamed, so a viewer never sees half a file.
        let partial = written.with_extension("pdf.partial");
        std::fs::write(&partial, &bytes)?;
        std::fs::rename(&partial, &written)
    })
    .await?;
    Ok(PrintedFile {
        path: path.to_string_lossy().into_owned(),
        file_name,
        pages: printed.rendered.pages,
        missing_glyphs: printed.rendered.missing_glyphs.iter().collect(),
        printed_id: printed.printed_id,
    })
}

/// The bytes of a PDF this app wrote, for the preview (sent raw, not as JSON).
#[tauri::command]
pub async fn read_document(app: AppHandle, path: String) -> Result<tauri::ipc::Response, ErrorPayload> {
    let path = owned_document(&app, &path)?;
    let bytes = blocking(move || std::fs::read(path)).await?;
    Ok(tauri::ipc::Response::new(bytes))
}

/// Opens a PDF this app wrote in the system's PDF viewer.
#[tauri::command]
pub async fn open_document(app: AppHandle, path: String) -> Result<(), ErrorPayload> {
    let path = owned_document(&app, &path)?;
    app.opener().open_path(path.to_string_lossy(), None::<&str>).map_err(|e| payload("viewer", e.to_string(), Vec::new()))
}

/// Copies a PDF this app wrote to the place the user picks in a save dialog (suggesting its name);
/// answers the path, or `None` if the dialog was cancelled.
#[tauri::command]
pub async fn save_document(app: AppHandle, from: String, title: String) -> Result<Option<String>, ErrorPayload> {
    let from = owned_document(&app, &from)?;
    let name = from.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let ask = Ask::Save { name, filter: ("PDF", &["pdf"]) };
    let chosen = tauri::async_runtime::spawn_blocking(move || dialogs::ask(&app, &title, ask))
        .await
        .map_err(|e| ErrorPayload::internal(e.to_string()))?;
    let Some(mut to) = chosen else { return Ok(None) };
    if to.extension().is_none() {
        to.set_extension("pdf");
    }
    let saved = to.to_string_lossy().into_owned();
    blocking(move || std::fs::copy(from, to).map(|_| ())).await?;
    Ok(Some(saved))
}

/// `XZ-2026-001 协作需求申请表 r2.pdf`; the register: `沟通事项跟踪表 2026-05-06.pdf`.
fn file_name(engine: &Engine, printed: &Printed, lang: Lang) -> Result<String, FormsError> {
    let label = labels(lang).kind(printed.kind);
    let name = match &printed.printed_id {
        Some(id) => {
            let number =
                engine.find_printed(&printed.rendered.short_hash)?.into_iter().find(|p| &p.id == id).map(|p| p.number).unwrap_or_default();
            format!("{number} {label} r{}", printed.revision)
        }
        None => format!("{label} {}", engine.today()),
    };
    let unsafe_char = |c: char| matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|');
    let safe: String = name.trim().chars().map(|c| if unsafe_char(c) { '-' } else { c }).collect();
    Ok(format!("{safe}.pdf"))
}

/// The folder this app writes its prints to, emptied of earlier sessions' prints on first use.
fn prints_folder(app: &AppHandle) -> Result<PathBuf, ErrorPayload> {
    static EMPTIED: Once = Once::new();
    let folder = app.path().app_cache_dir().map_err(|e| ErrorPayload::internal(e.to_string()))?.join("prints");
    EMPTIED.call_once(|| {
        let _ = std::fs::remove_dir_all(&folder);
    });
    Ok(folder)
}

/// `path` if it is a PDF inside the prints folder (after resolving `..` and links).
fn owned_document(app: &AppHandle, path: &str) -> Result<PathBuf, ErrorPayload> {
    let refused = || invalid("path", format!("{path} is not a document this app printed"));
    let folder = prints_folder(app)?.canonicalize().map_err(|_| refused())?;
    let path = Path::new(path).canonicalize().map_err(|_| refused())?;
    let is_pdf = path.extension().is_some_and(|e| e == "pdf");
    if is_pdf && path.starts_with(&folder) {
        Ok(path)
    } else {
        Err(refused())
    }
}

/// Runs file work on a blocking thread.
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> std::io::Result<T> + Send + 'static) -> Result<T, ErrorPayload> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| ErrorPayload::internal(e.to_string()))?
        .map_err(|e| ErrorPayload::from(&EngineError::Io(e)))
}

fn invalid(field: &str, reason: String) -> ErrorPayload {
    ErrorPayload::from(&EngineError::InvalidInput { field: field.into(), reason })
}

/// `{kind, message}` like `exec`; a missing record names what is missing (`meeting`,
/// `deliverable`, `acceptance_review`, `completion_letter`) so the window can say it.
fn forms_error(error: &FormsError) -> ErrorPayload {
    match error {
        FormsError::Engine(e) => ErrorPayload::from(e),
        FormsError::NoRecord { what } => payload(error.kind(), error.to_string(), vec![what.replace(' ', "_")]),
        other => payload(other.kind(), other.to_string(), Vec::new()),
    }
}

fn payload(kind: &str, message: String, items: Vec<String>) -> ErrorPayload {
    ErrorPayload { kind: kind.into(), message, field: None, items }
}
