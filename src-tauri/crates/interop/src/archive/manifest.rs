//! The manifest (`manifest.json`) and the check that a package still matches it.
//!
//! The manifest lists every file of the package except itself, with its size and SHA-256, so
//! anyone can check a copy on a shared drive years later, with `xiezuo archive verify` or any
//! SHA-256 tool. Verification trusts nothing in the folder: a listed path must be a plain relative
//! path inside the package, and only regular files found by walking the folder (symbolic links are
//! not followed) are read, so a tampered manifest cannot make it read outside the folder.

use crate::error::{InteropError, Result};
use crate::files::{confined, read_input};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashSet};
use std::fs::{self, File};
use std::path::Path;

/// Names every package's manifest carries, so a stray JSON file is not taken for one.
pub(super) const FORMAT: &str = "xiezuo-archive";
/// Bumped when the layout changes in a way older readers would misjudge.
pub(super) const FORMAT_VERSION: u32 = 1;

/// Files that file managers drop into any folder they show (Finder, Explorer): never reported as
/// extra, since merely opening the package on a shared drive would otherwise break it.
const FOLDER_METADATA: &[&str] = &[".DS_Store", "Thumbs.db", "desktop.ini"];

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    pub collaboration: ManifestCollaboration,
    /// When the package was written (RFC 3339, UTC, the engine's clock).
    pub created_at: String,
    pub files: Vec<ManifestEntry>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct ManifestCollaboration {
    pub id: String,
    pub number: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct ManifestEntry {
    /// Relative to the package folder, with forward slashes.
    pub path: String,
    pub size: u64,
    /// Lowercase hex.
    pub sha256: String,
}

/// A package that matched its manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct VerifyReport {
    /// Files listed in the manifest (every file but `manifest.json`).
    pub files: u32,
    pub bytes: u64,
    /// The collaboration number (协作编号) the package holds.
    pub number: String,
}

pub(super) fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Re-reads the manifest and every file of the package in `dir`: any changed, missing or extra
/// file, or a manifest path leaving the folder, is named in `ManifestMismatch`.
pub fn verify(dir: &Path) -> Result<VerifyReport> {
    let manifest = read_manifest(dir)?;
    let (present, mut problems) = walk(dir)?;
    let mut listed = HashSet::new();
    for entry in &manifest.files {
        if !is_plain_relative(&entry.path) {
            problems.push(format!("unsafe path in the manifest: {}", entry.path));
        } else if !listed.insert(entry.path.as_str()) {
            problems.push(format!("listed twice: {}", entry.path));
        } else if !present.contains(&entry.path) {
            problems.push(format!("missing: {}", entry.path));
        } else if !matches(dir, entry)? {
            problems.push(format!("changed: {}", entry.path));
        }
    }
    let extra = present.iter().filter(|path| !listed.contains(path.as_str()) && path.as_str() != super::MANIFEST);
    problems.extend(extra.map(|path| format!("not in the manifest: {path}")));
    if !problems.is_empty() {
        return Err(InteropError::ManifestMismatch { path: dir.to_path_buf(), problems });
    }
    Ok(VerifyReport {
        files: manifest.files.len() as u32,
        bytes: manifest.files.iter().map(|e| e.size).sum(),
        number: manifest.collaboration.number,
    })
}

fn read_manifest(dir: &Path) -> Result<Manifest> {
    let path = dir.join(super::MANIFEST);
    let unreadable = |reason: String| InteropError::UnreadableFile { path: path.clone(), expected: "Xiezuo archive manifest", reason };
    if !dir.is_dir() {
        return Err(InteropError::UnreadableFile {
            path: dir.to_path_buf(),
            expected: "Xiezuo archive folder",
            reason: "not a folder".into(),
        });
    }
    if !path.is_file() {
        return Err(unreadable("manifest.json is missing".into()));
    }
    let manifest: Manifest = serde_json::from_slice(&read_input(&path)?).map_err(|e| unreadable(e.to_string()))?;
    if manifest.format != FORMAT {
        return Err(unreadable(format!("format is '{}', not '{FORMAT}'", manifest.format)));
    }
    if manifest.format_version > FORMAT_VERSION {
        return Err(unreadable(format!("format version {} is newer than this app reads ({FORMAT_VERSION})", manifest.format_version)));
    }
    Ok(manifest)
}

/// A relative path of plain names joined by `/`: no `..`, `.`, empty part, root, drive or `\`.
fn is_plain_relative(path: &str) -> bool {
    !path.is_empty() && !path.contains(['\\', ':']) && path.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
}

/// Whether the listed file still has its size and SHA-256 (the size is compared first, so a file
/// grown huge is not read).
fn matches(dir: &Path, entry: &ManifestEntry) -> Result<bool> {
    let path = confined(dir, Path::new(&entry.path))?;
    let size = fs::metadata(&path).map_err(|e| InteropError::io(&path, e))?.len();
    if size != entry.size {
        return Ok(false);
    }
    let mut hasher = Sha256::new();
    let mut file = File::open(&path).map_err(|e| InteropError::io(&path, e))?;
    std::io::copy(&mut file, &mut hasher).map_err(|e| InteropError::io(&path, e))?;
    Ok(hex(&hasher.finalize()) == entry.sha256.to_ascii_lowercase())
}

/// The relative path of every regular file under `dir` (forward slashes), and problems with entries
/// that are neither files nor folders (links, devices) or have names that are not Unicode.
fn walk(dir: &Path) -> Result<(BTreeSet<String>, Vec<String>)> {
    let mut files = BTreeSet::new();
    let mut problems = Vec::new();
    let mut pending = vec![(dir.to_path_buf(), String::new())];
    while let Some((folder, prefix)) = pending.pop() {
        for item in fs::read_dir(&folder).map_err(|e| InteropError::io(&folder, e))? {
            let item = item.map_err(|e| InteropError::io(&folder, e))?;
            let name = item.file_name();
            let Some(name) = name.to_str() else {
                problems.push(format!("not in the manifest: {prefix}{}", name.to_string_lossy()));
                continue;
            };
            let relative = format!("{prefix}{name}");
            let kind = item.file_type().map_err(|e| InteropError::io(&item.path(), e))?;
            if kind.is_dir() {
                pending.push((item.path(), format!("{relative}/")));
            } else if !kind.is_file() {
                problems.push(format!("not a regular file: {relative}"));
            } else if !FOLDER_METADATA.contains(&name) {
                files.insert(relative);
            }
        }
    }
    Ok((files, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_are_accepted() {
        for good in ["README.txt", "documents/协作需求申请表 r2.pdf", "a/b/c"] {
            assert!(is_plain_relative(good), "{good}");
        }
        for bad in ["", "../x", "a/../../x", "/etc/passwd", "./a", "a//b", "a/", "C:/x", "a\\..\\x", ".."] {
            assert!(!is_plain_relative(bad), "{bad}");
        }
    }
}
