//! Which document revision was printed, with the content hash shown on the paper.
//!
//! Every printed page carries a QR code and a short hash of the record data it was printed from.
//! Recording each print lets a signed, scanned copy be matched back to the exact record version,
//! and lets the signature tracking tell a stale paper (an older revision) from the current one.
//! Printing changes no record, so it is allowed on archived collaborations too.

use crate::error::{EngineError, Result};
use crate::model::DocumentKind;
use crate::store::Engine;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct PrintedInput {
    pub collaboration: String,
    pub document_kind: DocumentKind,
    /// The record printed: the collaboration (request, tracking, letter, register), a meeting
    /// (agenda, minutes) or a deliverable (self-check, acceptance).
    pub document_id: String,
    pub revision: i64,
    /// SHA-256 (hex) of the printed data.
    pub content_hash: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct PrintedDocument {
    pub id: String,
    pub collaboration_id: String,
    pub number: String,
    pub document_kind: DocumentKind,
    pub document_id: String,
    pub revision: i64,
    pub content_hash: String,
    pub printed_at: String,
}

impl Engine {
    /// Records a print; printing the same data again returns the earlier record.
    pub fn record_printed(&mut self, input: PrintedInput) -> Result<String> {
        let hash = input.content_hash.trim().to_ascii_lowercase();
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(EngineError::invalid("content_hash", "a SHA-256 in hex"));
        }
        if input.revision < 0 {
            return Err(EngineError::invalid("revision", "not negative"));
        }
        let head = self.collab_head(&input.collaboration)?;
        let existing: Option<String> = self
            .conn
            .query_row(
                "SELECT id FROM printed_document WHERE collaboration_id = ?1 AND document_kind = ?2 AND document_id = ?3 AND revision = ?4 AND content_hash = ?5",
                params![head.id, input.document_kind.code(), input.document_id, input.revision, hash],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = existing {
            return Ok(id);
        }
        let id = crate::new_id();
        self.write("record_printed", Some(&head.id), |w| {
            w.insert(
                "printed_document",
                &id,
                json!({
                    "collaboration_id": head.id, "document_kind": input.document_kind, "document_id": input.document_id,
                    "revision": input.revision, "content_hash": hash,
                }),
            )
        })?;
        Ok(id)
    }

    /// Finds the print whose hash starts with `hash_prefix` (the short hash on the paper).
    pub fn find_printed(&self, hash_prefix: &str) -> Result<Vec<PrintedDocument>> {
        let prefix = hash_prefix.trim().to_ascii_lowercase();
        if prefix.len() < 8 || !prefix.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(EngineError::invalid("hash", "at least 8 hex digits"));
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.collaboration_id, c.number, p.document_kind, p.document_id, p.revision, p.content_hash, p.created_at
             FROM printed_document p JOIN collaboration c ON c.id = p.collaboration_id
             WHERE p.content_hash >= ?1 AND p.content_hash < ?1 || 'g' ORDER BY p.rowid",
        )?;
        let rows = stmt.query_map([&prefix], |r| {
            Ok(PrintedDocument {
                id: r.get(0)?,
                collaboration_id: r.get(1)?,
                number: r.get(2)?,
                document_kind: r.get(3)?,
                document_id: r.get(4)?,
                revision: r.get(5)?,
                content_hash: r.get(6)?,
                printed_at: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
