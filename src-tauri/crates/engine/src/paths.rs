//! Where the database lives by default: the OS application-data folder, the same place the Tauri
//! shell uses for its identifier, so the desktop app and the CLI open the same file.

use std::path::PathBuf;

/// The app identifier from `tauri.conf.json`.
pub const APP_IDENTIFIER: &str = "com.xiezuo.desk";

/// `<data dir>/com.xiezuo.desk/xiezuo.db`, e.g. `~/.local/share/com.xiezuo.desk/xiezuo.db` on
/// Linux, `~/Library/Application Support/com.xiezuo.desk/xiezuo.db` on macOS, `%APPDATA%\…` on Windows.
pub fn default_database_path() -> PathBuf {
    dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join(APP_IDENTIFIER).join("xiezuo.db")
}
