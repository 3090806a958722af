//! The database file as a whole, from the window: where it is, whether it opened, its backups,
//! and the ways out when it did not open (restore a backup, use another folder, try again).
//!
//! The window names no path here either. A restore takes a backup's file name, which must be one
//! of the files listed in the backups folder beside the database; a file from elsewhere and
//! another folder are chosen in the OS dialog. Restoring and moving happen under the lock every
//! command waits on: the engine is closed first and reopened whatever happened, so no command
//! ever sees a half-replaced file.
//!
//! Where the database lives: `XIEZUO_DB` (tests, portable installs), else the folder chosen here
//! (remembered in `database.json` in the app's config folder), else the app-data folder.

use crate::dialogs::{ask, Ask, Filter};
use crate::{with_opened, AppState};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Emitter, Manager};
use xiezuo_engine::backup::{self, BackupFile};
use xiezuo_engine::{Engine, EngineError, ErrorPayload};

/// The database's file name inside a folder the user chooses.
const DATABASE_FILE: &str = "xiezuo.db";
/// The file in the app's config folder that remembers the chosen folder.
const LOCATION_FILE: &str = "database.json";
const DATABASE_FILTER: Filter = ("Xiezuo", &["db"]);

/// The database the app works on, and the engine opened on it or why it could not be opened.
pub struct Opened {
    pub path: PathBuf,
    pub engine: Result<Engine, ErrorPayload>,
}

impl Opened {
    pub fn open(path: PathBuf) -> Self {
        let engine = open_engine(&path).map_err(|e| ErrorPayload::from(&e));
        Self { path, engine }
    }

    fn status(&self) -> Result<DatabaseStatus, ErrorPayload> {
        Ok(DatabaseStatus {
            path: self.path.clone(),
            ok: self.engine.is_ok(),
            error: self.engine.as_ref().err().cloned(),
            backups_folder: xiezuo_engine::db::backup_dir(&self.path),
            backups: backup::list(&self.path).map_err(|e| ErrorPayload::from(&e))?,
        })
    }

    /// Replaces the database with the backup `from` (validated by the engine; the replaced file is
    /// kept in the backups folder), then opens it again.
    fn restore(&mut self, from: &Path) -> Result<Restored, ErrorPayload> {
        // Dropping the engine closes its connection: the file must not be open while it is replaced.
        self.engine = Err(ErrorPayload::internal("the database is being restored"));
        let restored = backup::restore(&self.path, from);
        *self = Opened::open(self.path.clone());
        let kept = restored.map_err(|e| ErrorPayload::from(&e))?;
        Ok(Restored { from: file_name(from), kept: kept.as_deref().map(file_name), status: self.status()? })
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Opens the database; a brand-new one starts with the demo data so the app is never empty (the
/// window then asks who "me" is), an existing one gets today's automatic backup, made on a thread
/// of its own so the window does not wait for it (a large database takes most of a minute).
fn open_engine(path: &Path) -> Result<Engine, EngineError> {
    let first_launch = !path.exists();
    let mut engine = Engine::open(path)?;
    if first_launch {
        engine.load_demo()?;
    } else if let Some(job) = engine.daily_backup_job()? {
        std::thread::spawn(move || {
            if let Err(error) = job.run() {
                // A failed backup must not keep people from their work.
                eprintln!("xiezuo: today's automatic backup failed: {error}");
            }
        });
    }
    Ok(engine)
}

/// Where the database is at start: `XIEZUO_DB`, else the remembered folder, else the app-data folder.
pub fn start_path(app: &AppHandle) -> PathBuf {
    if let Some(path) = std::env::var_os("XIEZUO_DB") {
        return PathBuf::from(path);
    }
    location_file(app)
        .ok()
        .and_then(|file| std::fs::read(file).ok())
        .and_then(|bytes| serde_json::from_slice::<Location>(&bytes).ok())
        .map(|location| location.folder.join(DATABASE_FILE))
        .unwrap_or_else(xiezuo_engine::paths::default_database_path)
}

/// What `database.json` holds.
#[derive(Serialize, Deserialize)]
struct Location {
    folder: PathBuf,
}

fn location_file(app: &AppHandle) -> Result<PathBuf, ErrorPayload> {
    let dir = app.path().app_config_dir().map_err(|e| ErrorPayload::internal(e.to_string()))?;
    Ok(dir.join(LOCATION_FILE))
}

/// Remembers `folder` for the next start (written beside and renamed, so it is never half there).
fn remember(file: &Path, folder: &Path) -> Result<(), ErrorPayload> {
    let json = serde_json::to_vec_pretty(&Location { folder: folder.to_path_buf() }).map_err(|e| ErrorPayload::internal(e.to_string()))?;
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(file.parent().unwrap_or(Path::new(".")))?;
        let partial = file.with_extension("json.partial");
        std::fs::write(&partial, json)?;
        std::fs::rename(&partial, file)
    };
    write().map_err(|e| ErrorPayload::from(&EngineError::Io(e)))
}

/// What the window knows about the database: where it is, whether it opened (and why not), and
/// the backups it can be restored from (listed without opening it, so also when it is damaged).
#[derive(Serialize)]
pub struct DatabaseStatus {
    path: PathBuf,
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorPayload>,
    backups_folder: PathBuf,
    backups: Vec<BackupFile>,
}

/// A finished restore: the backup's file name, the file name the replaced database is kept under
/// in the backups folder (none if there was no database), and the new status.
#[derive(Serialize)]
pub struct Restored {
    from: String,
    kept: Option<String>,
    status: DatabaseStatus,
}

#[tauri::command]
pub async fn database_status(state: tauri::State<'_, AppState>) -> Result<DatabaseStatus, ErrorPayload> {
    with_opened(&state, |opened| opened.status()).await
}

/// Restores the backup named `file_name`, which must be one of the listed backups.
#[tauri::command]
pub async fn restore_backup(app: AppHandle, state: tauri::State<'_, AppState>, file_name: String) -> Result<Restored, ErrorPayload> {
    let restored = with_opened(&state, move |opened| {
        let listed = backup::list(&opened.path).map_err(|e| ErrorPayload::from(&e))?;
        let Some(chosen) = listed.into_iter().find(|b| b.file_name == file_name) else {
            return Err(ErrorPayload::from(&EngineError::NotFound { entity: "backup", key: file_name }));
        };
        opened.restore(&chosen.path)
    })
    .await;
    changed(&app);
    restored
}

/// Restores from a Xiezuo database file the user picks in the OS dialog; `None` if cancelled.
#[tauri::command]
pub async fn restore_from_file(app: AppHandle, state: tauri::State<'_, AppState>, title: String) -> Result<Option<Restored>, ErrorPayload> {
    let Some(from) = pick(app.clone(), title, Ask::Open { filter: DATABASE_FILTER }).await? else { return Ok(None) };
    let restored = with_opened(&state, move |opened| opened.restore(&from)).await;
    changed(&app);
    restored.map(Some)
}

/// Moves to `xiezuo.db` in a folder the user picks (a new database there starts with the demo
/// data, as at first launch), remembered for the next start; `None` if cancelled. If it cannot be
/// opened, nothing changes and the error says why.
#[tauri::command]
pub async fn choose_database_folder(app: AppHandle, state: tauri::State<'_, AppState>, title: String) -> Result<Option<DatabaseStatus>, ErrorPayload> {
    let Some(folder) = pick(app.clone(), title, Ask::Folder).await? else { return Ok(None) };
    let location = location_file(&app)?;
    let status = with_opened(&state, move |opened| {
        let path = folder.join(DATABASE_FILE);
        let engine = open_engine(&path).map_err(|e| ErrorPayload::from(&e))?;
        remember(&location, &folder)?;
        *opened = Opened { path, engine: Ok(engine) };
        opened.status()
    })
    .await?;
    changed(&app);
    Ok(Some(status))
}

/// Tries to open the database again (another program let go of it, the disk has room again).
#[tauri::command]
pub async fn retry_open(app: AppHandle, state: tauri::State<'_, AppState>) -> Result<DatabaseStatus, ErrorPayload> {
    let status = with_opened(&state, |opened| {
        if opened.engine.is_err() {
            *opened = Opened::open(opened.path.clone());
        }
        opened.status()
    })
    .await?;
    changed(&app);
    Ok(status)
}

/// Tells the window to refetch everything: the database behind it may be another one now.
fn changed(app: &AppHandle) {
    let _ = app.emit("data-changed", ());
}

/// Shows a dialog on a blocking thread.
async fn pick(app: AppHandle, title: String, what: Ask) -> Result<Option<PathBuf>, ErrorPayload> {
    tauri::async_runtime::spawn_blocking(move || ask(&app, &title, what)).await.map_err(|e| ErrorPayload::internal(e.to_string()))
}
