//! Helpers for the PDF round-trip tests: run poppler/zbar/qpdf on rendered bytes.
//! The tools are required (apt: poppler-utils zbar-tools qpdf); a missing tool fails loudly.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Pdf {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

pub fn write(bytes: &[u8]) -> Pdf {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).expect("write pdf");
    Pdf { _dir: dir, path }
}

fn run(cmd: &str, args: &[&str]) -> std::process::Output {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{cmd}` ({e}); install poppler-utils, zbar-tools and qpdf"));
    out
}

/// Text in content-stream order (`pdftotext -raw`), optionally of one page.
pub fn text(pdf: &Pdf, page: Option<usize>) -> String {
    let p = pdf.path.to_str().unwrap();
    let mut args = vec!["-raw", "-enc", "UTF-8"];
    let page_s = page.map(|p| p.to_string());
    if let Some(ps) = &page_s {
        args.extend(["-f", ps, "-l", ps]);
    }
    args.extend([p, "-"]);
    let out = run("pdftotext", &args);
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8 text")
}

/// Remove all whitespace (wrapped lines, padding) for substring checks.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Assert every value appears in the text, in the given order.
pub fn assert_in_order(text: &str, values: &[&str]) {
    let hay = squash(text);
    let mut pos = 0;
    for v in values {
        let needle = squash(v);
        match hay[pos..].find(&needle) {
            Some(i) => pos += i + needle.len(),
            None => {
                let anywhere = hay.contains(&needle);
                panic!("value {v:?} not found in order (present anywhere: {anywhere})\n--- text ---\n{text}");
            }
        }
    }
}

pub fn qpdf_check(pdf: &Pdf) {
    let out = run("qpdf", &["--check", pdf.path.to_str().unwrap()]);
    assert!(out.status.success(), "qpdf --check: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}

/// `pdffonts`: every font embedded and subset.
pub fn assert_fonts_embedded_subset(pdf: &Pdf) {
    let out = run("pdffonts", &[pdf.path.to_str().unwrap()]);
    let s = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = s.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts: {s}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type... encoding emb sub uni id gen
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "font not embedded+subset+unicode: {row}");
        assert!(cols[0].contains('+'), "no subset tag: {row}");
    }
}

/// Decode the QR code(s) on page `page` (1-based).
pub fn qr_codes(pdf: &Pdf, page: usize) -> Vec<String> {
    let dir = pdf.path.parent().unwrap();
    let prefix = dir.join(format!("qr{page}"));
    let ps = page.to_string();
    let out = run(
        "pdftoppm",
        &["-r", "200", "-gray", "-png", "-f", &ps, "-l", &ps, "-singlefile", pdf.path.to_str().unwrap(), prefix.to_str().unwrap()],
    );
    assert!(out.status.success(), "pdftoppm failed");
    let png: PathBuf = Path::new(&format!("{}.png", prefix.display())).to_path_buf();
    let out = run("zbarimg", &["--raw", "-q", png.to_str().unwrap()]);
    String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect()
}
