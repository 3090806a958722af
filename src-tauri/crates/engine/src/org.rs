//! The organisation: its settings, departments, people, and who "me" is on this installation.
//!
//! Departments and people are referenced everywhere by id, but scripts and the CLI may name them
//! (`"销售部"`); `store::resolve_in` accepts either. A department's head signs its documents; its
//! default contact is proposed when a collaboration asks that department for support.

use crate::error::{EngineError, Result};
use crate::store::{resolve_in, Engine};
use crate::text::{line, optional_line, required_line};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

pub const ORG_ID: &str = "org";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
pub struct OrgSettings {
    pub name: String,
    pub number_prefix: String,
    pub feasibility_sla_days: u32,
    pub minutes_sla_hours: u32,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct OrgSettingsPatch {
    pub name: Option<String>,
    pub number_prefix: Option<String>,
    pub feasibility_sla_days: Option<u32>,
    pub minutes_sla_hours: Option<u32>,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Department {
    pub id: String,
    pub name: String,
    pub head_person_id: Option<String>,
    pub head_name: Option<String>,
    pub default_contact_person_id: Option<String>,
    pub default_contact_name: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub department_id: Option<String>,
    pub department_name: Option<String>,
    pub title: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct DepartmentInput {
    pub name: String,
    pub head: Option<String>,
    pub default_contact: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct DepartmentPatch {
    pub department: String,
    pub name: Option<String>,
    pub head: Option<String>,
    pub default_contact: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct PersonInput {
    pub name: String,
    pub department: Option<String>,
    pub title: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct PersonPatch {
    pub person: String,
    pub name: Option<String>,
    pub department: Option<String>,
    pub title: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// This installation's own preferences (not synced, not logged).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Preferences {
    /// `zh-CN` (default) or `en-US`.
    pub language: Option<String>,
}

pub const LANGUAGES: [&str; 2] = ["zh-CN", "en-US"];

impl Engine {
    pub fn preferences(&self) -> Result<Preferences> {
        Ok(Preferences { language: crate::store::local_setting(&self.conn, "language")? })
    }

    pub fn set_preferences(&mut self, preferences: Preferences) -> Result<Preferences> {
        if let Some(language) = &preferences.language {
            if !LANGUAGES.contains(&language.as_str()) {
                return Err(EngineError::invalid("language", "zh-CN or en-US"));
            }
            self.set_local("language", language)?;
        }
        self.preferences()
    }

    pub(crate) fn ensure_org_settings(&mut self) -> Result<()> {
        let exists: bool = self.conn.query_row("SELECT count(*) > 0 FROM org_settings", [], |r| r.get(0))?;
        if !exists {
            self.write("init_org", None, |w| {
                w.insert(
                    "org_settings",
                    ORG_ID,
                    json!({ "name": "", "number_prefix": "XZ", "feasibility_sla_days": 2, "minutes_sla_hours": 24 }),
                )
            })?;
        }
        Ok(())
    }

    pub fn org_settings(&self) -> Result<OrgSettings> {
        Ok(self.conn.query_row(
            "SELECT name, number_prefix, feasibility_sla_days, minutes_sla_hours FROM org_settings WHERE id = ?1",
            [ORG_ID],
            |r| {
                Ok(OrgSettings { name: r.get(0)?, number_prefix: r.get(1)?, feasibility_sla_days: r.get(2)?, minutes_sla_hours: r.get(3)? })
            },
        )?)
    }

    pub fn update_org_settings(&mut self, patch: OrgSettingsPatch) -> Result<OrgSettings> {
        let mut fields = Map::new();
        if let Some(name) = patch.name {
            fields.insert("name".into(), json!(line("name", &name)?));
        }
        if let Some(prefix) = patch.number_prefix {
            let prefix = prefix.trim().to_string();
            if prefix.is_empty() || prefix.len() > 8 || !prefix.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(EngineError::invalid("number_prefix", "1 to 8 letters or digits"));
            }
            fields.insert("number_prefix".into(), json!(prefix));
        }
        if let Some(days) = patch.feasibility_sla_days {
            if !(1..=30).contains(&days) {
                return Err(EngineError::invalid("feasibility_sla_days", "between 1 and 30"));
            }
            fields.insert("feasibility_sla_days".into(), json!(days));
        }
        if let Some(hours) = patch.minutes_sla_hours {
            if !(1..=240).contains(&hours) {
                return Err(EngineError::invalid("minutes_sla_hours", "between 1 and 240"));
            }
            fields.insert("minutes_sla_hours".into(), json!(hours));
        }
        self.write("update_org_settings", None, |w| w.update("org_settings", ORG_ID, Value::Object(fields)))?;
        self.org_settings()
    }

    pub fn add_department(&mut self, input: DepartmentInput) -> Result<String> {
        let name = required_line("name", &input.name)?;
        if resolve_in(&self.conn, "department", &name).is_ok() {
            return Err(EngineError::Duplicate { entity: "department", key: name });
        }
        let head = input.head.as_deref().map(|p| self.resolve("person", p)).transpose()?;
        let contact = input.default_contact.as_deref().map(|p| self.resolve("person", p)).transpose()?;
        let id = crate::new_id();
        self.write("add_department", None, |w| {
            w.insert("department", &id, json!({ "name": name, "head_person_id": head, "default_contact_person_id": contact }))
        })?;
        Ok(id)
    }

    pub fn update_department(&mut self, patch: DepartmentPatch) -> Result<()> {
        let id = self.resolve("department", &patch.department)?;
        let mut fields = Map::new();
        if let Some(name) = patch.name {
            let name = required_line("name", &name)?;
            if resolve_in(&self.conn, "department", &name).is_ok_and(|other| other != id) {
                return Err(EngineError::Duplicate { entity: "department", key: name });
            }
            fields.insert("name".into(), json!(name));
        }
        if let Some(head) = patch.head {
            fields.insert("head_person_id".into(), json!(self.resolve("person", &head)?));
        }
        if let Some(contact) = patch.default_contact {
            fields.insert("default_contact_person_id".into(), json!(self.resolve("person", &contact)?));
        }
        self.write("update_department", None, |w| w.update("department", &id, Value::Object(fields)).map(drop))
    }

    pub fn add_person(&mut self, input: PersonInput) -> Result<String> {
        let name = required_line("name", &input.name)?;
        let department = input.department.as_deref().map(|d| self.resolve("department", d)).transpose()?;
        let email = optional_line("email", input.email.as_deref())?;
        if email.as_deref().is_some_and(|e| !e.contains('@') || e.contains(char::is_whitespace)) {
            return Err(EngineError::invalid("email", "not an e-mail address"));
        }
        let id = crate::new_id();
        let fields = json!({
            "name": name,
            "department_id": department,
            "title": optional_line("title", input.title.as_deref())?,
            "phone": optional_line("phone", input.phone.as_deref())?,
            "email": email,
        });
        self.write("add_person", None, |w| w.insert("person", &id, fields))?;
        Ok(id)
    }

    pub fn update_person(&mut self, patch: PersonPatch) -> Result<()> {
        let id = self.resolve("person", &patch.person)?;
        let mut fields = Map::new();
        if let Some(name) = patch.name {
            fields.insert("name".into(), json!(required_line("name", &name)?));
        }
        if let Some(department) = patch.department {
            fields.insert("department_id".into(), json!(self.resolve("department", &department)?));
        }
        for (field, value) in [("title", patch.title), ("phone", patch.phone), ("email", patch.email)] {
            if let Some(value) = value {
                fields.insert(field.into(), json!(optional_line(field, Some(&value))?));
            }
        }
        self.write("update_person", None, |w| w.update("person", &id, Value::Object(fields)).map(drop))
    }

    /// Chooses who this installation acts as; every later change is logged under that person.
    pub fn set_me(&mut self, person: &str) -> Result<String> {
        let id = self.resolve("person", person)?;
        self.set_local("me", &id)?;
        Ok(id)
    }

    /// The person this installation acts as, with department, or `None` before the first-launch choice.
    pub fn me_person(&self) -> Result<Option<Person>> {
        let Some(id) = self.me()? else { return Ok(None) };
        Ok(self.people()?.into_iter().find(|p| p.id == id))
    }

    pub fn departments(&self) -> Result<Vec<Department>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, d.name, d.head_person_id, h.name, d.default_contact_person_id, c.name
             FROM department d LEFT JOIN person h ON h.id = d.head_person_id LEFT JOIN person c ON c.id = d.default_contact_person_id
             WHERE d.deleted_at IS NULL ORDER BY d.name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Department {
                id: r.get(0)?,
                name: r.get(1)?,
                head_person_id: r.get(2)?,
                head_name: r.get(3)?,
                default_contact_person_id: r.get(4)?,
                default_contact_name: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn people(&self) -> Result<Vec<Person>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.name, p.department_id, d.name, p.title, p.phone, p.email
             FROM person p LEFT JOIN department d ON d.id = p.department_id
             WHERE p.deleted_at IS NULL ORDER BY d.name, p.name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Person {
                id: r.get(0)?,
                name: r.get(1)?,
                department_id: r.get(2)?,
                department_name: r.get(3)?,
                title: r.get(4)?,
                phone: r.get(5)?,
                email: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The department a person belongs to.
    pub(crate) fn department_of(&self, person_id: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT department_id FROM person WHERE id = ?1", [person_id], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .flatten())
    }

    pub(crate) fn department_head(&self, department_id: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT head_person_id FROM department WHERE id = ?1", [department_id], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .flatten())
    }
}
