//! The OS file dialogs, asked from Rust: the window never names a file path itself. A command
//! that reads or writes a user's file opens the dialog, and works only on the path the user chose.
//!
//! End-to-end tests cannot drive a native GTK dialog, so when the app is started with
//! `XIEZUO_TEST_DIALOG_DIR` (by the test harness, never by the window) dialogs answer from that
//! folder instead: a save goes to `<dir>/<suggested name>`, a folder pick answers `<dir>`, and a
//! file pick answers the one file the test put in `<dir>/pick/`.

use std::path::PathBuf;
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// A file-type filter: the label and the extensions (the first is the default extension).
pub type Filter = (&'static str, &'static [&'static str]);

/// What to ask the user for.
pub enum Ask {
    /// Where to save a file; `name` is suggested.
    Save { name: String, filter: Filter },
    /// Which file to read.
    Open { filter: Filter },
    /// Which folder to write into.
    Folder,
}

/// Shows the dialog (call it from a blocking thread) and answers the chosen path, `None` if the
/// user cancelled.
pub fn ask(app: &AppHandle, title: &str, ask: Ask) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("XIEZUO_TEST_DIALOG_DIR").map(PathBuf::from) {
        return answer_for_tests(dir, &ask);
    }
    let dialog = app.dialog().file().set_title(title);
    let chosen = match ask {
        Ask::Save { name, filter } => dialog.set_file_name(name).add_filter(filter.0, filter.1).blocking_save_file(),
        Ask::Open { filter } => dialog.add_filter(filter.0, filter.1).blocking_pick_file(),
        Ask::Folder => dialog.blocking_pick_folder(),
    };
    chosen.and_then(|path| path.into_path().ok())
}

fn answer_for_tests(dir: PathBuf, ask: &Ask) -> Option<PathBuf> {
    match ask {
        Ask::Save { name, .. } => Some(dir.join(name)),
        Ask::Folder => Some(dir),
        Ask::Open { .. } => std::fs::read_dir(dir.join("pick")).ok()?.flatten().map(|entry| entry.path()).next(),
    }
}
