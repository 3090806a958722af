//! The package folder while it is being built: a hidden temp folder beside the final one.
//!
//! Files go into `.<number>.partial-<uuid>` inside the folder the user picked, each written once
//! and flushed to disk, with names made safe and unique (case-insensitively, as Windows and macOS
//! compare them). Only when everything, the manifest included, is on disk is the folder renamed
//! to its final name, so a shared drive never shows half an archive. Dropping an unplaced staging
//! folder deletes it, so every error path (and a panic) leaves nothing behind.

use super::manifest::{sha256_hex, ManifestEntry};
use crate::error::{InteropError, Result};
use crate::files::{confined, safe_file_name};
use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

pub(super) struct Staging {
    root: PathBuf,
    entries: Vec<ManifestEntry>,
    /// Relative paths used so far, lowercased.
    taken: HashSet<String>,
    placed: bool,
}

impl Staging {
    /// Creates the temp folder inside `parent`.
    pub fn create(parent: &Path, number: &str) -> Result<Self> {
        let name = format!(".{}.partial-{}", safe_file_name(number), uuid::Uuid::now_v7().simple());
        let root = confined(parent, Path::new(&name))?;
        fs::create_dir(&root).map_err(|e| InteropError::io(&root, e))?;
        Ok(Staging { root, entries: Vec::new(), taken: HashSet::new(), placed: false })
    }

    /// Writes `bytes` as `folder/name` (`folder` empty for the top level), the name made safe and
    /// unique, and lists it for the manifest.
    pub fn add(&mut self, folder: &str, name: &str, bytes: &[u8]) -> Result<()> {
        let relative = self.unique_path(folder, &safe_file_name(name));
        let path = confined(&self.root, Path::new(&relative))?;
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| InteropError::io(dir, e))?;
        }
        write_synced(&path, bytes)?;
        self.entries.push(ManifestEntry { path: relative, size: bytes.len() as u64, sha256: sha256_hex(bytes) });
        Ok(())
    }

    /// The files written so far, in order.
    pub fn entries(&self) -> &[ManifestEntry] {
        &self.entries
    }

    /// Writes the manifest (unlisted) and renames the folder to `target`, which must not exist.
    pub fn place(mut self, manifest: &[u8], target: &Path) -> Result<()> {
        write_synced(&self.root.join(super::MANIFEST), manifest)?;
        let mut folders: Vec<PathBuf> =
            self.entries.iter().filter_map(|e| Path::new(&e.path).parent().map(|p| self.root.join(p))).collect();
        folders.push(self.root.clone());
        folders.sort();
        folders.dedup();
        folders.iter().for_each(|dir| sync_folder(dir));
        // Checked again right before the rename: on Unix a rename replaces an empty folder silently.
        if fs::symlink_metadata(target).is_ok() {
            return Err(InteropError::AlreadyExists { path: target.to_path_buf() });
        }
        fs::rename(&self.root, target).map_err(|e| InteropError::io(target, e))?;
        self.placed = true;
        if let Some(parent) = target.parent() {
            sync_folder(parent);
        }
        Ok(())
    }

    fn unique_path(&mut self, folder: &str, name: &str) -> String {
        let join = |name: &str| if folder.is_empty() { name.to_string() } else { format!("{folder}/{name}") };
        let mut candidate = join(name);
        let mut n = 1;
        while !self.taken.insert(candidate.to_lowercase()) {
            n += 1;
            let (stem, extension) = split_extension(name);
            candidate = join(&format!("{stem} ({n}){extension}"));
        }
        candidate
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.placed {
            let _ = fs::remove_dir_all(&self.root);
        }
    }
}

/// `"a b.pdf"` → `("a b", ".pdf")`; a name without a dot has no extension.
fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(dot) if dot > 0 => name.split_at(dot),
        _ => (name, ""),
    }
}

/// Creates `path` (never replacing anything) and flushes it to disk before returning.
fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| InteropError::io(path, e))?;
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(|e| InteropError::io(path, e))
}

/// Flushes a folder's entries (new names, the rename) to disk. Best effort: Windows cannot open a
/// folder as a file and some network file systems refuse the call; the files themselves are synced.
fn sync_folder(dir: &Path) {
    if cfg!(unix) {
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_made_unique_case_insensitively_keeping_the_extension() {
        let parent = tempfile::tempdir().unwrap();
        let mut staging = Staging::create(parent.path(), "XZ-2026-001").unwrap();
        for name in ["说明.docx", "说明.DOCX", "说明.docx", "README"] {
            staging.add("attachments", name, b"x").unwrap();
        }
        staging.add("attachments", "README", b"y").unwrap();
        let paths: Vec<&str> = staging.entries().iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "attachments/说明.docx",
                "attachments/说明 (2).DOCX",
                "attachments/说明 (3).docx",
                "attachments/README",
                "attachments/README (2)"
            ]
        );
        drop(staging);
        assert_eq!(fs::read_dir(parent.path()).unwrap().count(), 0, "an unplaced staging folder is removed");
    }
}
