//! The Tauri shell: opens the engine on the app-data database and exposes it to the window.
//!
//! This layer is deliberately thin. The command `exec` decodes an engine action (the same JSON
//! the CLI's `exec` reads), runs it on a blocking thread with the engine's mutex held only there
//! (never across an `.await`), and maps errors to `{kind, message}`. After every write it emits
//! `data-changed` so the UI refetches; `validate` runs the same rules and keeps nothing. Printing
//! lives in `printing`, Excel/calendar/email/archive/scan files in `office`, and the OS file
//! dialogs (asked from Rust, so the window never names a path) in `dialogs`, and the database file
//! as a whole (status, restore, another folder) in `database`. No SQL and no business rules live here.

use database::Opened;
use serde_json::Value;
use std::sync::{Arc, Mutex};
use tauri::{AppHandle, Emitter, Manager};
use xiezuo_engine::action::Action;
use xiezuo_engine::{Engine, EngineError, ErrorPayload};

mod database;
mod dialogs;
mod office;
mod printing;

/// The database and its engine, shared by commands (the engine is an error when it could not be opened).
struct AppState {
    opened: Arc<Mutex<Opened>>,
}

/// Decodes an action sent by the window.
fn decode(action: Value) -> Result<Action, ErrorPayload> {
    serde_json::from_value(action)
        .map_err(|e| ErrorPayload::from(&EngineError::InvalidInput { field: "action".into(), reason: e.to_string() }))
}

/// Runs `work` on the opened database on a blocking thread; the mutex is held only there, never
/// across an `.await`.
async fn with_opened<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&mut Opened) -> Result<T, ErrorPayload> + Send + 'static,
) -> Result<T, ErrorPayload> {
    let opened = state.opened.clone();
    tauri::async_runtime::spawn_blocking(move || work(&mut opened.lock().unwrap_or_else(|poisoned| poisoned.into_inner())))
        .await
        .map_err(|e| ErrorPayload::internal(e.to_string()))?
}

/// Runs `work` on the engine on a blocking thread; answers why the database could not be opened
/// if it was not.
async fn with_engine<T: Send + 'static, E>(
    state: &AppState,
    work: impl FnOnce(&mut Engine) -> Result<T, E> + Send + 'static,
) -> Result<T, ErrorPayload>
where
    for<'e> ErrorPayload: From<&'e E>,
{
    with_opened(state, move |opened| match opened.engine.as_mut() {
        Ok(engine) => work(engine).map_err(|e| ErrorPayload::from(&e)),
        Err(open_error) => Err(open_error.clone()),
    })
    .await
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

/// Brings the main window to the front (at start, and when someone starts the app a second time).
fn focus_main_window(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

/// Starts the desktop app.
pub fn run() {
    STARTED.get_or_init(std::time::Instant::now);
    tauri::Builder::default()
        // First, so a second instance hands over to the first (which comes to the front) and exits
        // before anything else starts. Without a D-Bus session bus it cannot find the first one
        // and the app starts normally.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| focus_main_window(app)))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .manage(office::Picked::default())
        .invoke_handler(tauri::generate_handler![
            exec,
            validate,
            startup_ready,
            database::database_status,
            database::restore_backup,
            database::restore_from_file,
            database::choose_database_folder,
            database::retry_open,
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
            // Opened here, where the app's config folder (a remembered database folder) is known;
            // the window's first command is handled only after setup returns.
            let opened = Opened::open(database::start_path(app.handle()));
            app.manage(AppState { opened: Arc::new(Mutex::new(opened)) });
            printing::use_bundled_fonts(app.handle());
            focus_main_window(app.handle());
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the Tauri runtime failed to start");
}
