//! Desktop shell entry point.
//!
//! The Tauri window arrives with the desktop issue (#4). Until then this binary only points the
//! user at the command-line tool, which exposes the same engine operations.

fn main() {
    eprintln!("Xiezuo desktop shell is not built yet; use the `xiezuo` command-line tool (see README.md).");
    std::process::exit(2);
}
