//! The crate's one error type. Callers (the engine, the CLI, the desktop shell) need to tell
//! "fonts are not installed" (a setup problem with a fix) from "this PDF could not be built"
//! (a bug), so each gets its own variant with the facts needed to act on it.

use std::path::PathBuf;

/// Everything that can go wrong while rendering a document.
#[derive(Debug, thiserror::Error)]
pub enum FormsError {
    /// A bundled font file is not where we looked. Fix: `npm ci --prefix src-tauri/crates/forms/fonts`
    /// or point `XIEZUO_FONTS_DIR` at a folder holding the four `.ttf` files.
    #[error("font file not found: {path} (install with `npm ci --prefix src-tauri/crates/forms/fonts` or set XIEZUO_FONTS_DIR)")]
    FontMissing { path: PathBuf },
    /// The font file exists but could not be read.
    #[error("cannot read font file {path}: {source}")]
    FontRead {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The font file is not a font printpdf can parse.
    #[error("cannot parse font file {path}")]
    FontParse { path: PathBuf },
    /// The QR payload did not fit a QR code (should not happen: payloads are short).
    #[error("cannot build QR code: {0}")]
    Qr(String),
    /// The view model could not be serialised for hashing.
    #[error("cannot hash document data: {0}")]
    Hash(#[from] serde_json::Error),
    /// Post-processing of the generated PDF failed.
    #[error("cannot write PDF: {0}")]
    Pdf(String),
    /// The collaboration has no record of the kind the document prints (e.g. no review yet).
    #[error("nothing to print: no {what}")]
    NoRecord { what: &'static str },
    /// Reading the records from the engine failed.
    #[error(transparent)]
    Engine(#[from] xiezuo_engine::EngineError),
}

impl FormsError {
    /// The stable code of this error (the engine's own code for engine errors).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::FontMissing { .. } | Self::FontRead { .. } | Self::FontParse { .. } => "fonts_missing",
            Self::NoRecord { .. } => "not_found",
            Self::Engine(e) => e.kind(),
            Self::Qr(_) | Self::Hash(_) | Self::Pdf(_) => "document",
        }
    }
}
