//! Writing files where the user said, and nowhere else.
//!
//! Every name that comes from a record (an attachment's file name, a collaboration title) is made
//! safe before it becomes a path: no separators, no `..`, no control characters, no names Windows
//! reserves. Files are written beside their target and renamed, so a reader (or a shared drive's
//! sync client) never sees half a file, and an existing file is never replaced silently.

use crate::error::{InteropError, Result};
use std::path::{Component, Path, PathBuf};

/// Files a user hands us are read only up to this size (an Excel sheet, a scan).
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// A file name safe on Windows, macOS and Linux, made from `name`; never empty.
pub fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') { '_' } else { c })
        .collect();
    let trimmed = cleaned.trim().trim_end_matches(['.', ' ']).trim_start_matches('.');
    let stem = trimmed.split('.').next().unwrap_or("").to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT")) && stem.len() == 4 && stem.as_bytes()[3].is_ascii_digit());
    let mut out = if trimmed.is_empty() {
        "file".to_string()
    } else if reserved {
        format!("_{trimmed}")
    } else {
        trimmed.to_string()
    };
    // Most file systems allow 255 bytes a name; shorten the stem and keep the extension.
    if out.len() > 200 {
        let ext = Path::new(&out).extension().map(|e| format!(".{}", e.to_string_lossy())).filter(|e| e.len() <= 16).unwrap_or_default();
        let mut stem = out[..out.len() - ext.len()].to_string();
        while stem.len() + ext.len() > 200 {
            stem.pop();
        }
        out = stem + &ext;
    }
    out
}

/// `relative` joined under `root`, refusing absolute paths, any `..` or prefix component, and a
/// symbolic link inside `root` that leads outside it (or nowhere), which a write or read through it
/// would follow.
pub fn confined(root: &Path, relative: &Path) -> Result<PathBuf> {
    let unsafe_path = |reason: &str| InteropError::UnsafePath { path: relative.to_path_buf(), reason: reason.into() };
    let mut out = root.to_path_buf();
    for part in relative.components() {
        match part {
            Component::Normal(p) => {
                out.push(p);
                if link_leads_outside(root, &out) {
                    return Err(unsafe_path("a link that leads outside the chosen folder"));
                }
            }
            Component::CurDir => {}
            Component::ParentDir => return Err(unsafe_path("leaves the chosen folder (..)")),
            Component::RootDir | Component::Prefix(_) => return Err(unsafe_path("an absolute path, not a name inside the chosen folder")),
        }
    }
    Ok(out)
}

/// Whether `path` is a symbolic link whose target is not inside `root` (a dangling link counts:
/// writing through it would create its target wherever it points).
fn link_leads_outside(root: &Path, path: &Path) -> bool {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    is_link
        && match (root.canonicalize(), path.canonicalize()) {
            (Ok(root), Ok(target)) => !target.starts_with(root),
            _ => true,
        }
}

/// Writes `bytes` to `path` atomically; refuses to replace an existing file unless `replace`.
pub fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    if !replace && path.exists() {
        return Err(InteropError::AlreadyExists { path: path.to_path_buf() });
    }
    let file_name =
        path.file_name().ok_or_else(|| InteropError::UnsafePath { path: path.to_path_buf(), reason: "not a file name".into() })?;
    let partial = path.with_file_name(format!(".{}.partial", file_name.to_string_lossy()));
    std::fs::write(&partial, bytes).map_err(|e| InteropError::io(&partial, e))?;
    std::fs::rename(&partial, path).map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        InteropError::io(path, e)
    })
}

/// Reads a file the user picked, refusing anything over `MAX_INPUT_BYTES` before reading it.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| InteropError::io(path, e))?;
    if !meta.is_file() {
        return Err(InteropError::UnsafePath { path: path.to_path_buf(), reason: "not a regular file".into() });
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(InteropError::TooLarge { path: path.to_path_buf(), size: meta.len(), limit: MAX_INPUT_BYTES });
    }
    std::fs::read(path).map_err(|e| InteropError::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_separators_dots_and_reserved_names() {
        assert_eq!(safe_file_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe_file_name("a\\b:c*?.pdf"), "a_b_c__.pdf");
        assert_eq!(safe_file_name("CON.txt"), "_CON.txt");
        assert_eq!(safe_file_name("  "), "file");
        assert_eq!(safe_file_name("签字扫描件.pdf"), "签字扫描件.pdf");
        let long = format!("{}.pdf", "很".repeat(200));
        let short = safe_file_name(&long);
        assert!(short.len() <= 200 && short.ends_with(".pdf"), "{short}");
    }

    #[test]
    fn confined_paths_stay_inside_the_root() {
        let root = Path::new("/share/archive");
        assert_eq!(confined(root, Path::new("a/b.pdf")).unwrap(), Path::new("/share/archive/a/b.pdf"));
        assert_eq!(confined(root, Path::new("../x")).unwrap_err().kind(), "unsafe_path");
        assert_eq!(confined(root, Path::new("/etc/passwd")).unwrap_err().kind(), "unsafe_path");
        assert_eq!(confined(root, Path::new("a/../../x")).unwrap_err().kind(), "unsafe_path");
        assert_eq!(confined(root, Path::new("./a/./b.pdf")).unwrap(), Path::new("/share/archive/a/b.pdf"));
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_chosen_folder_are_refused() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("inside")).unwrap();
        symlink(outside.path(), root.join("out")).unwrap();
        symlink(outside.path().join("secret.txt"), root.join("secret.txt")).unwrap();
        symlink(root.join("nowhere"), root.join("dangling")).unwrap();
        symlink(root.join("inside"), root.join("alias")).unwrap();
        for escaping in ["out", "out/a.pdf", "secret.txt", "dangling", "inside/../out/a.pdf"] {
            assert_eq!(confined(root, Path::new(escaping)).unwrap_err().kind(), "unsafe_path", "{escaping}");
        }
        assert_eq!(confined(root, Path::new("alias/a.pdf")).unwrap(), root.join("alias/a.pdf"), "a link within the folder is fine");
        assert_eq!(confined(root, Path::new("new/a.pdf")).unwrap(), root.join("new/a.pdf"));
        assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0, "nothing was written outside");
    }

    #[test]
    fn atomic_writes_do_not_replace_silently() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        write_atomic(&path, b"one", false).unwrap();
        assert_eq!(write_atomic(&path, b"two", false).unwrap_err().kind(), "already_exists");
        write_atomic(&path, b"two", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no partial file is left");
    }
}
