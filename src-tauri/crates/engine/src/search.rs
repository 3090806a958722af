//! Full-text search over every text field, Chinese included.
//!
//! SQLite's FTS5 tokenizers either glue a run of Chinese characters into one token (unicode61) or
//! need three characters per query (trigram), so 1- and 2-character queries like "推广" or "协"
//! would miss. We index CJK text one character per token by putting U+200B between characters
//! (declared as a separator), and turn a Chinese query into a phrase of those characters, which
//! FTS5 matches as adjacent tokens. Latin words and numbers stay whole and are matched by prefix.
//! Snippets come from FTS5 and have the U+200B removed, which restores the original text exactly.
//!
//! The index is kept current by the write path (`changelog::Writer`), which calls `reindex` for every
//! inserted or updated text field listed in `SEARCHABLE`.

use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::{Map, Value};

const SEPARATOR: char = '\u{200B}';

/// Every text field that search covers, per table.
const SEARCHABLE: &[(&str, &[&str])] = &[
    ("collaboration", &["number", "title", "background", "goal", "progress_note", "remarks", "reopen_reason"]),
    ("collab_department", &["support_text"]),
    ("milestone", &["name"]),
    ("feasibility_answer", &["note"]),
    (
        "meeting",
        &["title", "place", "agenda", "minutes_goal", "minutes_communication", "minutes_decisions", "minutes_criteria", "minutes_summary"],
    ),
    ("responsibility", &["item"]),
    ("task", &["title", "deliverable"]),
    ("status_update", &["note"]),
    ("problem", &["description", "resolution"]),
    ("risk", &["title", "description", "impact", "decision"]),
    ("change_request", &["title", "reason"]),
    ("change_approval", &["comment"]),
    ("deliverable", &["title"]),
    ("acceptance_review", &["opinion", "criteria"]),
    ("rectification", &["description"]),
    ("completion_letter", &["body"]),
    ("communication", &["summary"]),
    ("feedback", &["text"]),
    ("department", &["name"]),
    ("person", &["name", "title", "email", "phone"]),
    ("attachment", &["file_name"]),
];

fn searchable_fields(table: &str) -> &'static [&'static str] {
    SEARCHABLE.iter().find(|(t, _)| *t == table).map_or(&[], |(_, fields)| fields)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF | 0x3040..=0x30FF | 0xAC00..=0xD7AF)
}

/// Puts a separator around every CJK character so each becomes its own token.
pub fn to_index_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if is_cjk(c) {
            out.push(SEPARATOR);
            out.push(c);
            out.push(SEPARATOR);
        } else {
            out.push(c);
        }
    }
    out
}

/// Flattens a stored value to the text that is indexed (JSON lists and objects: their strings).
fn value_text(value: &Value, out: &mut String) {
    match value {
        Value::String(s) => {
            // Lists are stored as JSON text; index their strings, not their brackets and quotes.
            match serde_json::from_str::<Value>(s) {
                Ok(inner @ (Value::Array(_) | Value::Object(_))) => value_text(&inner, out),
                _ => {
                    out.push_str(s);
                    out.push('\n');
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| value_text(v, out)),
        Value::Object(map) => map.values().for_each(|v| value_text(v, out)),
        _ => {}
    }
}

/// Replaces the index entries of the given fields of one record (fields that are not searchable
/// are skipped). The write path calls it for every change; bulk loaders that insert rows directly
/// (the benchmark's generator) call it too, so the rules of what is indexed live only here.
pub fn reindex(conn: &Connection, table: &str, id: &str, collaboration_id: Option<&str>, fields: &Map<String, Value>) -> Result<()> {
    let searchable = searchable_fields(table);
    for (field, value) in fields.iter().filter(|(f, _)| searchable.contains(&f.as_str())) {
        let mut text = String::new();
        value_text(value, &mut text);
        remove_entry(conn, table, id, field)?;
        if text.trim().is_empty() {
            continue;
        }
        conn.execute(
            "INSERT INTO search_index (body, entity, entity_id, field, collaboration_id) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![to_index_text(&text), table, id, field, collaboration_id],
        )?;
        conn.execute(
            "INSERT INTO search_row (entity, entity_id, field, fts_rowid) VALUES (?1, ?2, ?3, last_insert_rowid())",
            params![table, id, field],
        )?;
    }
    Ok(())
}

/// Removes every index entry of a record (used when it is marked deleted).
pub(crate) fn forget(conn: &Connection, table: &str, id: &str) -> Result<()> {
    for field in searchable_fields(table) {
        remove_entry(conn, table, id, field)?;
    }
    Ok(())
}

fn remove_entry(conn: &Connection, table: &str, id: &str, field: &str) -> Result<()> {
    let rowid: Option<i64> = conn
        .query_row("SELECT fts_rowid FROM search_row WHERE entity = ?1 AND entity_id = ?2 AND field = ?3", params![table, id, field], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(rowid) = rowid {
        conn.execute("DELETE FROM search_index WHERE rowid = ?1", [rowid])?;
        conn.execute("DELETE FROM search_row WHERE entity = ?1 AND entity_id = ?2 AND field = ?3", params![table, id, field])?;
    }
    Ok(())
}

/// Builds an FTS5 MATCH expression: every whitespace-separated term must match; a term's CJK runs
/// become phrases of single characters, its Latin words prefix matches.
pub(crate) fn match_expression(query: &str) -> Option<String> {
    let mut parts = Vec::new();
    for term in query.split_whitespace() {
        let mut word = String::new();
        let flush = |word: &mut String, parts: &mut Vec<String>| {
            if !word.is_empty() {
                parts.push(format!("\"{}\"*", word.replace('"', "\"\"")));
                word.clear();
            }
        };
        let mut cjk_run: Vec<char> = Vec::new();
        for c in term.chars() {
            if is_cjk(c) {
                flush(&mut word, &mut parts);
                cjk_run.push(c);
            } else {
                if !cjk_run.is_empty() {
                    parts.push(phrase(&cjk_run));
                    cjk_run.clear();
                }
                if c.is_alphanumeric() {
                    word.push(c);
                } else {
                    flush(&mut word, &mut parts);
                }
            }
        }
        flush(&mut word, &mut parts);
        if !cjk_run.is_empty() {
            parts.push(phrase(&cjk_run));
        }
    }
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

fn phrase(chars: &[char]) -> String {
    let tokens: Vec<String> = chars.iter().map(|c| c.to_string()).collect();
    format!("\"{}\"", tokens.join(" "))
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct SearchHit {
    pub entity: String,
    pub entity_id: String,
    pub field: String,
    pub collaboration_id: Option<String>,
    pub collaboration_number: Option<String>,
    pub collaboration_title: Option<String>,
    /// The matching text with the matches wrapped in 【 and 】.
    pub snippet: String,
}

/// Runs a search; newest records first, at most `limit` hits.
pub(crate) fn search(conn: &Connection, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
    let Some(expression) = match_expression(query) else { return Ok(Vec::new()) };
    let mut stmt = conn.prepare_cached(
        "SELECT s.entity, s.entity_id, s.field, s.collaboration_id, c.number, c.title,
                snippet(search_index, 0, '【', '】', '…', 24)
         FROM search_index s LEFT JOIN collaboration c ON c.id = s.collaboration_id
         WHERE search_index MATCH ?1
         ORDER BY s.rowid DESC LIMIT ?2",
    )?;
    let hits = stmt
        .query_map(params![expression, limit as i64], |r| {
            Ok(SearchHit {
                entity: r.get(0)?,
                entity_id: r.get(1)?,
                field: r.get(2)?,
                collaboration_id: r.get(3)?,
                collaboration_number: r.get(4)?,
                collaboration_title: r.get(5)?,
                snippet: r.get::<_, String>(6)?.replace(SEPARATOR, "").replace('\n', " ").trim().to_string(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_terms_become_character_phrases() {
        assert_eq!(match_expression("推广").unwrap(), "\"推 广\"");
        assert_eq!(match_expression("协").unwrap(), "\"协\"");
        assert_eq!(match_expression("Q4新品 report").unwrap(), "\"Q4\"* AND \"新 品\" AND \"report\"*");
        assert_eq!(match_expression("a\"b").unwrap(), "\"a\"* AND \"b\"*");
        assert_eq!(match_expression("  ,; "), None);
    }

    #[test]
    fn index_text_separates_cjk_characters_only() {
        assert_eq!(to_index_text("Q4新品").replace(SEPARATOR, "|"), "Q4|新||品|");
    }
}
