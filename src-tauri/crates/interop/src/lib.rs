//! `xiezuo-interop`: where Xiezuo meets the rest of the office, offline.
//!
//! Users live in Excel, Outlook/WPS and shared network folders, and their signed paper comes back
//! through a scanner. This crate turns engine records into the files those tools read (.xlsx,
//! .ics, .eml, archive folders) and reads back what they produce (.xlsx/.xls imports, scans with
//! the QR code the documents crate prints). Like the engine and the documents, it knows nothing
//! of Tauri: the CLI and the desktop shell call the same functions.

pub mod archive;
pub mod bindings;
pub mod eml;
pub mod error;
pub mod files;
pub mod ics;
pub mod scan;
pub mod xlsx;

pub use error::{InteropError, Location, Result};
