//! The Tauri shell: opens the engine on the app-data database and exposes it to the window.
//!
//! This layer is deliberately thin. The one command, `exec`, decodes an engine action (the same
//! JSON the CLI's `exec` reads), runs it on a blocking thread with the engine's mutex held only
//! there (never across an `.await`), and maps errors to `{kind, message}`. After every write it
//! emits `data-changed` so the UI refetches. No SQL and no business rules live here.

use serde_json::Value;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tauri::{Emitter, Manager};
use xiezuo_engine::action::Action;
use xiezuo_engine::{Engine, EngineError, ErrorPayload};

/// The engine, shared by commands; `None` when the database could not be opened.
struct AppState {
    engine: Arc<Mutex<Result<Engine, ErrorPayload>>>,
}

/// Where the database lives: `XIEZUO_DB` (tests, portable installs) or the app-data folder.
fn database_path() -> PathBuf {
    std::env::var_os("XIEZUO_DB").map(PathBuf::from).unwrap_or_else(xiezuo_engine::paths::default_database_path)
}

/// Opens the database; a brand-new one starts with the demo data so the app is never empty, an
/// existing one gets today's automatic backup.
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

/// Runs one engine action.
#[tauri::command]
async fn exec(app: tauri::AppHandle, state: tauri::State<'_, AppState>, action: Value) -> Result<Value, ErrorPayload> {
    let action: Action = serde_json::from_value(action)
        .map_err(|e| ErrorPayload::from(&EngineError::InvalidInput { field: "action".into(), reason: e.to_string() }))?;
    let writes = !action.is_read();
    let engine = state.engine.clone();
    let result = tauri::async_runtime::spawn_blocking(move || {
        let mut guard = engine.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match guard.as_mut() {
            Ok(engine) => engine.run(action).map_err(|e| ErrorPayload::from(&e)),
            Err(open_error) => Err(open_error.clone()),
        }
    })
    .await
    .map_err(|e| ErrorPayload { kind: "internal".into(), message: e.to_string() })?;
    if writes && result.is_ok() {
        let _ = app.emit("data-changed", ());
    }
    result
}

/// Starts the desktop app.
pub fn run() {
    let path = database_path();
    let engine = open_engine(&path).map_err(|e| ErrorPayload::from(&e));
    tauri::Builder::default()
        .manage(AppState { engine: Arc::new(Mutex::new(engine)) })
        .invoke_handler(tauri::generate_handler![exec])
        .setup(|app| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.set_focus();
            }
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the Tauri runtime failed to start");
}
