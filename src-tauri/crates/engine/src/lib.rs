//! Xiezuo workflow engine: a company's cross-department collaboration process, from request to
//! archive, over an embedded SQLite database.
//!
//! The engine knows nothing of Tauri or any UI. The desktop app, the `xiezuo` CLI and the tests all
//! call the same typed operations on [`Engine`], or the same JSON actions through [`action`]. Every
//! write goes through one path (`changelog`) that validates, applies in an IMMEDIATE transaction and
//! appends to the change log.

pub mod action;
pub mod backup;
pub mod bindings;
pub mod calendar;
mod changelog;
pub mod clock;
pub mod db;
pub mod demo;
pub mod error;
pub mod model;
pub mod paths;
pub mod printed;
pub mod search;
pub mod text;

pub mod acceptance;
pub mod attention;
pub mod change;
pub mod collaboration;
pub mod communication;
pub mod dossier;
pub mod feasibility;
pub mod import;
pub mod meeting;
pub mod org;
pub mod register;
pub mod risk;
pub mod store;
pub mod task;
pub mod working_days;

pub use attention::{AttentionFilter, AttentionItem};
pub use error::{EngineError, ErrorPayload, Result};
pub use register::{RegisterQuery, RegisterRow, RegisterSort};
pub use search::SearchHit;
pub use store::Engine;

/// A new record id: UUIDv7 text (time-ordered, unique across devices).
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}
