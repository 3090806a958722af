//! Append-only records of how the parties talked: communication records (meetings, e-mails, calls,
//! IM; the register's 沟通记录 column), departments' feedback (反馈意见), and attachments stored
//! once per content hash.

use crate::collaboration::require_participant;
use crate::error::{EngineError, Result};
use crate::model::CommunicationKind;
use crate::store::Engine;
use crate::text::{self, required_line, required_text};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Deserialize;
use serde_json::json;

/// Largest attachment accepted (a multi-page scan at 300 dpi fits comfortably).
pub const MAX_ATTACHMENT_BYTES: usize = 50 * 1024 * 1024;

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct CommunicationInput {
    pub collaboration: String,
    pub kind: CommunicationKind,
    pub summary: String,
    pub on_date: Option<NaiveDate>,
    #[serde(default)]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub participants: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct FeedbackInput {
    pub collaboration: String,
    pub department: String,
    pub text: String,
    pub on_date: Option<NaiveDate>,
}

impl Engine {
    pub fn add_communication(&mut self, input: CommunicationInput) -> Result<String> {
        let summary = required_text("summary", &input.summary)?;
        let participants = input.participants.iter().map(|p| self.resolve("person", p)).collect::<Result<Vec<_>>>()?;
        let on_date = self.not_future("on_date", input.on_date)?;
        let id = crate::new_id();
        self.write_collab("add_communication", &input.collaboration, |w, head| {
            w.insert(
                "communication",
                &id,
                json!({ "collaboration_id": head.id, "on_date": on_date, "kind": input.kind, "summary": summary, "participants": participants }),
            )
        })?;
        Ok(id)
    }

    pub fn add_feedback(&mut self, input: FeedbackInput) -> Result<String> {
        let text = required_text("text", &input.text)?;
        let department = self.resolve("department", &input.department)?;
        let on_date = self.not_future("on_date", input.on_date)?;
        let id = crate::new_id();
        self.write_collab("add_feedback", &input.collaboration, |w, head| {
            require_participant(w, head, &department)?;
            w.insert("feedback", &id, json!({ "collaboration_id": head.id, "department_id": department, "on_date": on_date, "text": text }))
        })?;
        Ok(id)
    }

    /// Stores a file (once per content) and names it as an attachment of a collaboration.
    pub fn add_attachment(&mut self, collaboration: Option<&str>, file_name: &str, media_type: &str, content: &[u8]) -> Result<String> {
        let file_name = required_line("file_name", file_name)?;
        if file_name.contains(['/', '\\']) || file_name == ".." {
            return Err(EngineError::invalid("file_name", "a file name, not a path"));
        }
        if content.len() > MAX_ATTACHMENT_BYTES {
            return Err(EngineError::invalid("content", format!("larger than {MAX_ATTACHMENT_BYTES} bytes")));
        }
        let hash = sha256_hex(content);
        let id = crate::new_id();
        let fields = json!({ "sha256": hash, "file_name": file_name, "media_type": required_line("media_type", media_type)?, "size": content.len() });
        let store = |w: &mut crate::changelog::Writer, collaboration_id: Option<&str>| -> Result<()> {
            w.tx.execute(
                "INSERT OR IGNORE INTO attachment_blob (sha256, size, content) VALUES (?1, ?2, ?3)",
                params![hash, content.len() as i64, content],
            )?;
            let mut fields = fields.clone();
            fields["collaboration_id"] = json!(collaboration_id);
            w.insert("attachment", &id, fields)
        };
        match collaboration {
            Some(c) => self.write_collab("add_attachment", c, |w, head| store(w, Some(&head.id)))?,
            None => self.write("add_attachment", None, |w| store(w, None))?,
        }
        Ok(id)
    }

    /// The bytes of an attachment.
    pub fn attachment_content(&self, attachment: &str) -> Result<Vec<u8>> {
        self.conn
            .query_row(
                "SELECT b.content FROM attachment a JOIN attachment_blob b ON b.sha256 = a.sha256 WHERE a.id = ?1 AND a.deleted_at IS NULL",
                [attachment],
                |r| r.get(0),
            )
            .map_err(|_| EngineError::not_found("attachment", attachment))
    }

    fn not_future(&self, field: &str, date: Option<NaiveDate>) -> Result<NaiveDate> {
        let today = self.today();
        match text::optional_date(field, date)? {
            Some(d) if d > today => Err(EngineError::invalid(field, "a record cannot be dated in the future")),
            Some(d) => Ok(d),
            None => Ok(today),
        }
    }
}

/// Refuses an attachment id that names no attachment, or one of another collaboration.
pub(crate) fn require_attachment(conn: &Connection, attachment: &str, collaboration_id: &str) -> Result<()> {
    conn.query_row(
        "SELECT id FROM attachment WHERE id = ?1 AND deleted_at IS NULL AND (collaboration_id IS NULL OR collaboration_id = ?2)",
        [attachment, collaboration_id],
        |r| r.get::<_, String>(0),
    )
    .optional()?
    .ok_or_else(|| EngineError::not_found("attachment", attachment))
    .map(drop)
}

fn sha256_hex(content: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(content);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
