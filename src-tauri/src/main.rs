//! Desktop entry point; see `lib.rs`.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK's accelerated compositing costs start-up time and memory and blanks the window on
    // some GPU drivers and in virtual displays; a forms app gains nothing from it. Respect an
    // explicit choice. Set before any thread starts, as `set_var` requires.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    xiezuo_desktop::run();
}
