//! The Tauri shell: opens the engine on the app-data database and exposes it to the window.
//!
//! This layer is deliberately thin. The command `exec` decodes an engine action (the same JSON
//! the CLI's `exec` reads), runs it on a blocking thread with the engine's mutex held only there
//! (never across an `.await`), and maps errors to `{kind, message}`. After every write it emits
//! `data-changed` so the UI refetches; `validate` runs the same rules and keeps nothing. Printing
//! lives in `printing`, Excel/calendar/email/archive/scan files in `office`, and the OS file
//! dialogs (asked from Rust, so the window never names a path) in `dialogs`. No SQL and no business rules live here.

use serde_json::Value;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tauri::{Emitter, Manager};
use xiezuo_engine::action::Action;
use xiezuo_engine::{Engine, EngineError, ErrorPayload};

mod dialogs;
mod office;
mod printing;

/// The engine, shared by commands; `None` when the database could not be opened.
struct AppState {
    engine: Arc<Mutex<Result<Engine, ErrorPayload>>>,
}

/// Where the database lives: `XIEZUO_DB` (tests, portable installs) or the app-data folder.
fn database_path() -> PathBuf {
    std::env::var_os("XIEZUO_DB").map(PathBuf::from).unwrap_or_else(xiezuo_engine::paths::default_database_path)
}

/// Opens the database; a brand-new one starts with the demo data so the app is never empty (the
/// window then asks who "me" is), an existing one gets today's automatic backup.
fn open_engine(path: &std::path::Path) -> Result<Engine, EngineError> {
    let first_launch = !path.exists();
    let mut engine = Engine::open(path)?;
    if first_launch {
        engine.load_demo()?;
    } else if let Err(error) = engine.daily_backup() {
        // A failed backup must not keep people from their work.
        eprintln!("xiezuo: today's automatic backup failed: {error}");
    }
    Ok(engine)
}

/// Decodes an action sent by the window.
fn decode(action: Value) -> Result<Action, ErrorPayload> {
    serde_json::from_value(action)
        .map_err(|e| ErrorPayload::from(&EngineError::InvalidInput { field: "action".into(), reason: e.to_string() }))
}

/// Runs `work` on the engine on a blocking thread; the mutex is held only there, never across an `.await`.
async fn with_engine<T: Send + 'static, E>(
    state: &AppState,
    work: impl FnOnce(&mut Engine) -> Result<T, E> + Send + 'static,
) -> Result<T, ErrorPayload>
where
    for<'e> ErrorPayload: From<&'e E>,
{
    let engine = state.engine.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let mut guard = engine.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match guard.as_mut() {
            Ok(engine) => work(engine).map_err(|e| ErrorPayload::from(&e)),
            Err(open_error) => Err(open_error.clone()),
        }
    })
    .await
    .map_err(|e| ErrorPayload::internal(e.to_string()))?
}

/// Runs one engine action; after a write, tells the window to refetch.
#[tauri::command]
async fn exec(app: tauri::AppHandle, state: tauri::State<'_, AppState>, action: Value) -> Result<Value, ErrorPayload> {
    let action = decode(action)?;
    let writes = !action.is_read();
    let result = with_engine(&state, move |engine| engine.run(action)).await;
    if writes && result.is_ok() {
        let _ = app.emit("data-changed", ());
    }
    result
}

/// Checks an action with every engine rule and keeps nothing: forms call it as people type.
#[tauri::command]
async fn validate(state: tauri::State<'_, AppState>, action: Value) -> Result<(), ErrorPayload> {
    let action = decode(action)?;
    with_engine(&state, move |engine| engine.validate(action)).await
}

/// When `run` began; `startup_ready` reports the time since.
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// For the desktop benchmark (`scripts/bench-desktop.sh`): the window calls this once the dashboard
/// shows data; if `XIEZUO_STARTUP_REPORT=<file>` is set, the milliseconds since start go to that file.
#[tauri::command]
fn startup_ready() -> Result<(), ErrorPayload> {
    let (Some(file), Some(started)) = (std::env::var_os("XIEZUO_STARTUP_REPORT"), STARTED.get()) else { return Ok(()) };
    std::fs::write(file, started.elapsed().as_millis().to_string()).map_err(|e| ErrorPayload::internal(e.to_string()))
}

/// Starts the desktop app.
pub fn run() {
    STARTED.get_or_init(std::time::Instant::now);
    let path = database_path();
    let engine = open_engine(&path).map_err(|e| ErrorPayload::from(&e));
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .manage(AppState { engine: Arc::new(Mutex::new(engine)) })
        .manage(office::Picked::default())
        .invoke_handler(tauri::generate_handler![
            exec,
            validate,
            startup_ready,
            printing::print_document,
            printing::read_document,
            printing::open_document,
            printing::save_document,
            office::export_xlsx,
            office::import_xlsx_preview,
            office::import_xlsx_apply,
            office::save_ics,
            office::open_email_draft,
            office::write_archive,
            office::verify_archive,
            office::scan_pick,
            office::scan_receive,
        ])
        .setup(|app| {
            printing::use_bundled_fonts(app.handle());
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.set_focus();
            }
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the Tauri runtime failed to start");
}
