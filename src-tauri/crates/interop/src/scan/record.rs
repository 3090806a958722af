//! From a scan's QR code to the engine's records, and filing the signed scan.
//!
//! The code names the collaboration, the document kind, the revision and the short content hash;
//! the print record found by that hash names the exact record printed (which meeting's minutes,
//! say), and must agree with the rest of the code. Receiving stores the scan and marks the
//! confirmed signature slots in one transaction, so a refused slot leaves no orphan attachment.

use super::source::{self, ScanKind};
use crate::error::{InteropError, Result};
use crate::files;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::path::Path;
use xiezuo_engine::communication::MAX_ATTACHMENT_BYTES;
use xiezuo_engine::meeting::SignatureInput;
use xiezuo_engine::model::DocumentKind;
use xiezuo_engine::printed::PrintedDocument;
use xiezuo_engine::{Engine, EngineError};
use xiezuo_forms::{records, FormsError, Kind};

/// What a scan was matched to. Without a Xiezuo code (`codes_found` false) every field is empty
/// and the user picks the record by hand (`match_record`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS)]
pub struct ScanMatch {
    /// The scan carries a Xiezuo QR code (false for a record picked by hand).
    pub codes_found: bool,
    pub collaboration_id: Option<String>,
    pub number: Option<String>,
    pub title: Option<String>,
    pub document_kind: Option<DocumentKind>,
    /// The record printed: the collaboration (request, tracking, letter), a meeting (agenda,
    /// minutes) or a deliverable (self-check, acceptance).
    pub document_id: Option<String>,
    /// The revision on the paper.
    pub revision: Option<i64>,
    /// The document's latest revision.
    pub current_revision: Option<i64>,
    /// The paper is an older revision than the current one.
    pub stale: bool,
    /// The signature slots of the paper's revision (only requests and minutes have any).
    pub signatures: Vec<SignatureSlot>,
}

/// One head's signature expected on a document revision.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct SignatureSlot {
    pub id: String,
    pub department: String,
    pub head: Option<String>,
    /// When the head signed (YYYY-MM-DD); empty while unsigned.
    pub signed_on: Option<String>,
    /// The attachment holding the signed scan, if one was filed.
    pub scan_attachment_id: Option<String>,
    pub revision: i64,
}

/// The user's confirmation of a scan: which record it is (from the match, or picked by hand)
/// and which heads signed it.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct ReceiveScan {
    /// The collaboration's id or number.
    pub collaboration: String,
    pub document_kind: DocumentKind,
    pub document_id: String,
    /// The revision on the paper; the slots named must be of this revision.
    pub revision: i64,
    /// The signature slots (ids) the user confirms were signed.
    pub signatures: Vec<String>,
    pub signed_on: NaiveDate,
}

/// A filed scan.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ReceivedScan {
    pub attachment_id: String,
    pub file_name: String,
    pub media_type: String,
    pub number: String,
    pub document_kind: DocumentKind,
    pub revision: i64,
    pub current_revision: i64,
    /// The signatures were recorded on an older revision than the current one.
    pub stale: bool,
    /// The slots now marked signed.
    pub signed: Vec<SignatureSlot>,
}

/// `xiezuo:<collaboration id>:<kind>:r<revision>:<short hash>`, as the documents crate prints it.
#[derive(Debug, Clone, PartialEq)]
struct QrPayload {
    collaboration_id: String,
    kind: DocumentKind,
    revision: i64,
    short_hash: String,
}

impl QrPayload {
    fn parse(text: &str) -> Option<QrPayload> {
        let parts: Vec<&str> = text.trim().split(':').collect();
        let ["xiezuo", collaboration_id, kind, revision, short_hash] = parts.as_slice() else { return None };
        let revision = revision.strip_prefix('r')?.parse().ok()?;
        let hash_ok = short_hash.len() >= 8 && short_hash.bytes().all(|b| b.is_ascii_hexdigit());
        if collaboration_id.is_empty() || !hash_ok {
            return None;
        }
        Some(QrPayload {
            collaboration_id: collaboration_id.to_string(),
            kind: kind.parse().ok()?,
            revision,
            short_hash: short_hash.to_string(),
        })
    }

    /// The first Xiezuo code among `codes` (a page may also carry other codes).
    fn first(codes: &[String]) -> Option<QrPayload> {
        codes.iter().find_map(|c| QrPayload::parse(c))
    }

    /// The print this code was made by, if this database recorded it.
    fn printed(&self, engine: &Engine) -> Result<Option<PrintedDocument>> {
        Ok(engine
            .find_printed(&self.short_hash)?
            .into_iter()
            .find(|p| p.collaboration_id == self.collaboration_id && p.document_kind == self.kind && p.revision == self.revision))
    }
}

/// Reads the scan at `path` and matches its Xiezuo QR code to the printed record. No code is not
/// an error (`codes_found` is false: the user picks the record by hand); a code naming a print
/// this database does not know is `not_found`.
pub fn match_scan(engine: &Engine, path: &Path) -> Result<ScanMatch> {
    let codes = super::read_codes(path)?;
    let Some(code) = QrPayload::first(&codes) else { return Ok(ScanMatch::default()) };
    let printed = code.printed(engine)?.ok_or_else(|| EngineError::NotFound {
        entity: "printed document",
        key: format!("{} r{} {}", code.kind, code.revision, code.short_hash),
    })?;
    let found = match_record(engine, &printed.collaboration_id, printed.document_kind, Some(&printed.document_id), printed.revision)?;
    Ok(ScanMatch { codes_found: true, ..found })
}

/// The match for a record picked by hand: `record` names the meeting or deliverable (default:
/// the one printing would use), `revision` the revision on the paper.
pub fn match_record(engine: &Engine, collaboration: &str, kind: DocumentKind, record: Option<&str>, revision: i64) -> Result<ScanMatch> {
    let forms_kind = Kind::parse(kind.code())
        .filter(|k| *k != Kind::Register)
        .ok_or_else(|| EngineError::InvalidInput { field: "document_kind".into(), reason: "the register is not signed".into() })?;
    let (document, document_id) = records::document(engine, forms_kind, Some(collaboration), record).map_err(engine_first)?;
    let dossier = engine.dossier(collaboration)?;
    let slots = document_slots(&dossier.signatures, kind, &document_id);
    let current_revision = slots.iter().map(|s| s.revision).fold(i64::from(document.head.revision), i64::max);
    if !(1..=current_revision).contains(&revision) {
        return Err(invalid(
            "revision",
            format!("{kind} of {} has revisions 1 to {current_revision}", text(&dossier.collaboration, "number")),
        ));
    }
    Ok(ScanMatch {
        codes_found: false,
        collaboration_id: Some(text(&dossier.collaboration, "id")),
        number: Some(text(&dossier.collaboration, "number")),
        title: Some(text(&dossier.collaboration, "title")),
        document_kind: Some(kind),
        document_id: Some(document_id),
        revision: Some(revision),
        current_revision: Some(current_revision),
        stale: revision < current_revision,
        signatures: slots.into_iter().filter(|s| s.revision == revision).collect(),
    })
}

/// Files the scan at `path` as an attachment of the collaboration and marks the confirmed slots
/// signed with it, all in one transaction. The scan must be readable; if it carries a Xiezuo
/// code, the code must name the record given. Every slot must be one of that document's slots
/// of `revision` — a stale paper signs its own (older) slots, never the current revision's.
pub fn receive_scan(engine: &mut Engine, path: &Path, input: ReceiveScan) -> Result<ReceivedScan> {
    let bytes = files::read_input(path)?;
    let scan_kind = source::sniffed(path, &bytes)?;
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(InteropError::TooLarge { path: path.to_path_buf(), size: bytes.len() as u64, limit: MAX_ATTACHMENT_BYTES as u64 });
    }
    let codes = super::codes_in(path, &bytes, scan_kind)?;
    let target = match_record(engine, &input.collaboration, input.document_kind, Some(&input.document_id), input.revision)?;
    let collaboration_id = target.collaboration_id.clone().unwrap_or_default();
    let number = target.number.clone().unwrap_or_default();
    if target.document_id.as_deref() != Some(input.document_id.as_str()) {
        return Err(invalid("document_id", format!("'{}' is not a {} of {number}", input.document_id, input.document_kind)));
    }
    if let Some(code) = QrPayload::first(&codes) {
        let printed_record = code.printed(engine)?.map(|p| p.document_id);
        let agrees = code.collaboration_id == collaboration_id
            && code.kind == input.document_kind
            && code.revision == input.revision
            && printed_record.is_none_or(|id| id == input.document_id);
        if !agrees {
            return Err(invalid("document_id", format!("the scan's QR code names {} r{}, not the record given", code.kind, code.revision)));
        }
    }
    let mut slots: Vec<SignatureSlot> = Vec::new();
    for id in &input.signatures {
        if slots.iter().any(|s| &s.id == id) {
            continue;
        }
        let slot = target.signatures.iter().find(|s| &s.id == id).ok_or_else(|| {
            invalid("signatures", format!("'{id}' is not a signature of {} r{} of {number}", input.document_kind, input.revision))
        })?;
        slots.push(slot.clone());
    }
    if slots.is_empty() {
        return Err(EngineError::MissingField { field: "signatures".into() }.into());
    }
    let file_name = scan_file_name(path, scan_kind);
    let attachment_id = engine.batch(
        |_| true,
        |e| {
            let attachment = e.add_attachment(Some(&collaboration_id), &file_name, scan_kind.media_type(), &bytes)?;
            for slot in &slots {
                e.record_signature(SignatureInput {
                    signature: slot.id.clone(),
                    signed_on: input.signed_on,
                    scan_attachment: Some(attachment.clone()),
                })?;
            }
            Ok(attachment)
        },
    )?;
    let signed = slots
        .into_iter()
        .map(|s| SignatureSlot { signed_on: Some(input.signed_on.to_string()), scan_attachment_id: Some(attachment_id.clone()), ..s })
        .collect();
    Ok(ReceivedScan {
        attachment_id,
        file_name,
        media_type: scan_kind.media_type().to_string(),
        number,
        document_kind: input.document_kind,
        revision: input.revision,
        current_revision: target.current_revision.unwrap_or(input.revision),
        stale: target.stale,
        signed,
    })
}

/// The scan's own name, made safe, with the extension its content calls for.
fn scan_file_name(path: &Path, kind: ScanKind) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let name = files::safe_file_name(if name.is_empty() { "scan" } else { &name });
    let has_extension = Path::new(&name).extension().is_some_and(|e| {
        let e = e.to_ascii_lowercase();
        e == kind.extension() || (kind == ScanKind::Jpeg && e == "jpeg")
    });
    if has_extension {
        name
    } else {
        format!("{name}.{}", kind.extension())
    }
}

/// Every signature slot of one document (all revisions), from the dossier's signature rows.
fn document_slots(rows: &[Value], kind: DocumentKind, document_id: &str) -> Vec<SignatureSlot> {
    rows.iter()
        .filter(|r| r["document_kind"] == kind.code() && r["document_id"] == document_id && r["deleted_at"].is_null())
        .map(|r| SignatureSlot {
            id: text(r, "id"),
            department: text(r, "department"),
            head: r["head"].as_str().map(str::to_string),
            signed_on: r["signed_on"].as_str().map(str::to_string),
            scan_attachment_id: r["scan_attachment_id"].as_str().map(str::to_string),
            revision: r["revision"].as_i64().unwrap_or(0),
        })
        .collect()
}

fn text(row: &Value, key: &str) -> String {
    row[key].as_str().unwrap_or_default().to_string()
}

fn invalid(field: &str, reason: String) -> InteropError {
    EngineError::InvalidInput { field: field.into(), reason }.into()
}

/// The engine's own error when reading records for the documents failed there.
fn engine_first(err: FormsError) -> InteropError {
    match err {
        FormsError::Engine(e) => e.into(),
        other => other.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_are_read_as_the_documents_crate_prints_them() {
        let code = QrPayload::parse("xiezuo:01a2-c0:minutes:r2:75e7d5a26c61").unwrap();
        assert_eq!(
            code,
            QrPayload { collaboration_id: "01a2-c0".into(), kind: DocumentKind::Minutes, revision: 2, short_hash: "75e7d5a26c61".into() }
        );
        for foreign in [
            "https://example.com",
            "xiezuo:01a2:minutes:2:75e7d5a26c61",
            "xiezuo:01a2:poster:r1:75e7d5a26c61",
            "xiezuo:01a2:minutes:r1:75e7",
            "xiezuo:01a2:minutes:r1:not-hex-at-all",
            "xiezuo::minutes:r1:75e7d5a26c61",
            "xiezuo:01a2:minutes:r1:75e7d5a26c61:extra",
        ] {
            assert_eq!(QrPayload::parse(foreign), None, "{foreign}");
        }
        let codes = vec!["https://example.com".to_string(), "xiezuo:c:request:r1:0123456789ab".to_string()];
        assert_eq!(QrPayload::first(&codes).map(|c| c.kind), Some(DocumentKind::Request));
    }

    #[test]
    fn scans_are_filed_under_their_own_safe_name_with_the_right_extension() {
        assert_eq!(scan_file_name(Path::new("/in/签字 r2.JPEG"), ScanKind::Jpeg), "签字 r2.JPEG");
        assert_eq!(scan_file_name(Path::new("/in/scan"), ScanKind::Pdf), "scan.pdf");
        assert_eq!(scan_file_name(Path::new("/in/photo.pdf"), ScanKind::Png), "photo.pdf.png");
        assert_eq!(scan_file_name(Path::new("/in/CON.jpg"), ScanKind::Jpeg), "_CON.jpg");
    }
}
