//! Scanned signatures: the paper loop.
//!
//! Every page the documents crate prints carries a QR code
//! (`xiezuo:<collaboration id>:<kind>:r<revision>:<short hash>`), and every print is recorded in
//! the engine. A signed paper comes back as a scan (PNG/JPEG from a phone, a PDF from a
//! scanner); reading its QR code names the exact record and revision that was signed, so the
//! user only confirms which heads signed. A paper of an older revision than the current one is
//! flagged as stale rather than silently counted for the new one; a scan without a readable code
//! is filed only once the user picks the record by hand (`match_record`).
//!
//! - `source`: the file as page images (content sniffing, size caps, scanner PDFs);
//! - `qr`: finding QR codes in one page image;
//! - `record`: matching a code to the engine's records and receiving the scan.

mod qr;
mod record;
mod source;

pub use record::{match_record, match_scan, receive_scan, ReceiveScan, ReceivedScan, ScanMatch, SignatureSlot};
pub use source::MAX_PIXELS;

use crate::error::Result;
use crate::files;
use std::path::Path;

/// The texts of every QR code in the scan at `path` (a PNG, a JPEG, or a PDF of page images),
/// each once, in page order. A readable scan without codes gives an empty list; a file that is
/// not one of those kinds, or is damaged, is `unreadable_file`; an oversized file or image is
/// `file_too_large`.
pub fn read_codes(path: &Path) -> Result<Vec<String>> {
    let bytes = files::read_input(path)?;
    let kind = source::sniffed(path, &bytes)?;
    codes_in(path, &bytes, kind)
}

fn codes_in(path: &Path, bytes: &[u8], kind: source::ScanKind) -> Result<Vec<String>> {
    let read = || {
        let mut codes: Vec<String> = Vec::new();
        source::for_each_page(path, bytes, kind, &mut |page| {
            for code in qr::decode_page(page) {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        })?;
        Ok(codes)
    };
    // The decoders (PDF, JPEG, PNG, QR) run on files from anywhere; should one of them panic on a
    // hostile file, that is an unreadable file, not a crash of the caller holding the engine.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read))
        .unwrap_or_else(|_| Err(source::unreadable(path, "the decoder failed on this file")))
}

/// A scan the user picked, and the record its QR code points at (the desktop's first step).
#[derive(Debug, serde::Serialize, ts_rs::TS)]
pub struct PickedScan {
    /// The file's name (not its path: the window never handles paths).
    pub file_name: String,
    pub matched: ScanMatch,
}
