//! Real small and read-only file systems for tests (shared with the CLI's tests through `#[path]`).
//!
//! Tests run as root, and `chmod` does not stop root from writing, so a read-only file, folder or
//! file system and a full disk have to be real: the test runs itself again, alone, inside a
//! private mount namespace (`unshare`) where a tmpfs of the given size is mounted on a fresh
//! folder. A test that cannot get its namespace fails; it never skips.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Set in the re-run of a test inside its namespace: the folder the tmpfs is mounted on.
const TMPFS_ENV: &str = "XIEZUO_TEST_TMPFS";

/// Runs `body` on a fresh tmpfs of `size` (e.g. "4m"). `test` is the test's full name as the test
/// binary lists it (e.g. `bad_database::a_read_only_file_is_refused_untouched`).
pub fn on_tmpfs(test: &str, size: &str, body: impl FnOnce(&Path)) {
    if let Some(dir) = std::env::var_os(TMPFS_ENV) {
        return body(Path::new(&dir));
    }
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new("unshare")
        .args(["--map-root-user", "--mount", "sh", "-c"])
        .arg(r#"mount -t tmpfs -o size="$1" tmpfs "$2" && exec "$3" --exact "$4" --test-threads=1 --nocapture"#)
        .args(["sh", size])
        .arg(dir.path())
        .arg(std::env::current_exe().unwrap())
        .arg(test)
        .env(TMPFS_ENV, dir.path())
        .output()
        .expect("these tests need `unshare` (util-linux) for a real small and read-only file system");
    let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "{test} failed in its mount namespace:\n{stdout}\n{stderr}");
    assert!(stdout.contains("test result: ok. 1 passed"), "{test} did not run in its mount namespace:\n{stdout}\n{stderr}");
}

/// A shell command inside the namespace (mount, remount, umount), which must succeed.
pub fn sh(script: &str) {
    let status = Command::new("sh").args(["-c", script]).status().unwrap();
    assert!(status.success(), "`{script}` failed");
}

/// Makes `file` read-only (a read-only bind mount over itself); its folder stays writable.
pub fn make_file_read_only(file: &Path) {
    let file = file.display();
    sh(&format!("mount --bind '{file}' '{file}' && mount -o remount,ro,bind '{file}'"));
}

/// Makes the whole tmpfs at `dir` read-only, or writable again.
pub fn remount(dir: &Path, mode: &str) {
    sh(&format!("mount -o remount,{mode} '{}'", dir.display()));
}

/// Writes a file that takes all the space left on `dir`'s file system but `spare` bytes.
pub fn fill(dir: &Path, spare: u64) -> PathBuf {
    use std::io::Write;
    let filler = dir.join("filler");
    let mut file = std::fs::File::create(&filler).unwrap();
    let chunk = vec![0x5A; 4096];
    while file.write_all(&chunk).is_ok() {}
    let written = std::fs::metadata(&filler).unwrap().len();
    file.set_len(written.saturating_sub(spare)).unwrap();
    filler
}
