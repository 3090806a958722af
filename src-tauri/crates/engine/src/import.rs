//! Recording a collaboration that already exists elsewhere — a row of a register kept in Excel
//! before Xiezuo, or exported from another installation — with the number, stage and dates it
//! already has.
//!
//! `create_collaboration` hands out a new number and starts a draft; an imported collaboration
//! keeps its own number (the number sequence moves past it, so it is never handed out again) and
//! its stage, and brings the records the register's columns are derived from: the collaborating
//! departments and their contacts, the key dates, the latest communications and each department's
//! feedback. Departments and people it names are added when missing (through the ordinary
//! `add_department` / `add_person`), so a register can be imported into an empty database. It is
//! all one transaction: a refused import leaves nothing behind, not even the people it added.

use crate::collaboration::{checked_milestones, insert_milestones, Created, MilestoneInput};
use crate::error::{EngineError, Result};
use crate::model::{CommunicationKind, Stage};
use crate::org::{DepartmentInput, PersonInput};
use crate::store::Engine;
use crate::text::{self, required_line, required_text};
use chrono::NaiveDate;
use rusqlite::params;
use serde::Deserialize;
use serde_json::json;

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct ImportedCollaboration {
    /// The number it already has (协作编号), kept as it is.
    pub number: String,
    pub title: String,
    pub stage: Stage,
    pub initiating_department: String,
    /// Added to the initiating department when there is no such person yet.
    pub initiator_contact: Option<String>,
    pub owner: Option<String>,
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    pub background: String,
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    pub goal: String,
    pub expected_completion: Option<NaiveDate>,
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    pub progress_note: String,
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    pub remarks: String,
    #[serde(default)]
    #[ts(as = "Option<Vec<ImportedPartner>>", optional)]
    pub departments: Vec<ImportedPartner>,
    #[serde(default)]
    #[ts(as = "Option<Vec<MilestoneInput>>", optional)]
    pub milestones: Vec<MilestoneInput>,
    /// Oldest first, in the order they happened (the register lists the latest first).
    #[serde(default)]
    #[ts(as = "Option<Vec<ImportedCommunication>>", optional)]
    pub communications: Vec<ImportedCommunication>,
    /// Each department's latest feedback; the department must take part.
    #[serde(default)]
    #[ts(as = "Option<Vec<ImportedFeedback>>", optional)]
    pub feedback: Vec<ImportedFeedback>,
}

/// A collaborating department and its contact; at least one of the two is named.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct ImportedPartner {
    /// When absent, the contact's own department.
    pub department: Option<String>,
    /// Added to the department when there is no such person yet.
    pub contact: Option<String>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct ImportedCommunication {
    pub on_date: NaiveDate,
    pub kind: CommunicationKind,
    pub summary: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct ImportedFeedback {
    pub department: String,
    pub text: String,
}

impl Engine {
    /// Records an existing collaboration as it stands; refuses a number that is already taken.
    pub fn import_collaboration(&mut self, input: ImportedCollaboration) -> Result<Created> {
        // The people and departments it adds are separate writes: a dry run must drop them too.
        let keep = !self.dry_run;
        self.batch(move |_| keep, |engine| engine.import_records(input))
    }

    fn import_records(&mut self, input: ImportedCollaboration) -> Result<Created> {
        let number = checked_number(&input.number)?;
        let title = required_line("title", &input.title)?;
        let mut fields = json!({
            "number": number,
            "title": title,
            "stage": input.stage,
            // A collaboration past its draft has sent its request at least once.
            "revision": i64::from(input.stage != Stage::Draft),
            "expected_completion": text::optional_date("expected_completion", input.expected_completion)?,
        });
        for (field, value) in
            [("background", &input.background), ("goal", &input.goal), ("progress_note", &input.progress_note), ("remarks", &input.remarks)]
        {
            fields[field] = json!(text::text(field, value)?);
        }
        let milestones = checked_milestones(&input.milestones)?;
        let today = self.today();
        let mut communications = Vec::new();
        for c in &input.communications {
            if text::date("communications.on_date", c.on_date)? > today {
                return Err(EngineError::invalid("communications.on_date", "a record cannot be dated in the future"));
            }
            communications
                .push(json!({ "on_date": c.on_date, "kind": c.kind, "summary": required_text("communications.summary", &c.summary)? }));
        }
        let taken: bool = self.conn.query_row("SELECT count(*) > 0 FROM collaboration WHERE number = ?1", [&number], |r| r.get(0))?;
        if taken {
            return Err(EngineError::Duplicate { entity: "collaboration", key: number });
        }

        let initiating = self.department_or_new(&input.initiating_department)?;
        fields["initiating_department_id"] = json!(initiating);
        fields["initiator_contact_id"] =
            json!(input.initiator_contact.as_deref().map(|p| self.person_or_new(p, Some(&initiating))).transpose()?);
        fields["owner_person_id"] = json!(input.owner.as_deref().map(|p| self.person_or_new(p, None)).transpose()?);
        let mut partners: Vec<(String, Option<String>)> = Vec::new();
        for partner in &input.departments {
            let (department, contact) = self.partner(partner)?;
            if department == initiating {
                return Err(EngineError::invalid("departments", "the initiating department is not also a collaborating one"));
            }
            if partners.iter().any(|(d, _)| *d == department) {
                let name = partner.department.clone().or(partner.contact.clone()).unwrap_or_default();
                return Err(EngineError::Duplicate { entity: "collab_department", key: name });
            }
            partners.push((department, contact));
        }
        let mut feedback = Vec::new();
        for f in &input.feedback {
            let department = self.resolve("department", &f.department)?;
            if department != initiating && !partners.iter().any(|(d, _)| *d == department) {
                return Err(EngineError::NotParticipant { department: f.department.clone() });
            }
            feedback.push(json!({ "department_id": department, "on_date": today, "text": required_text("feedback.text", &f.text)? }));
        }

        let id = crate::new_id();
        self.write("import_collaboration", Some(&id), |w| {
            w.insert("collaboration", &id, fields)?;
            for (department, contact) in &partners {
                let row = json!({ "collaboration_id": id, "department_id": department, "contact_person_id": contact });
                w.insert("collab_department", &crate::new_id(), row)?;
            }
            insert_milestones(w, &id, None, &milestones)?;
            for (table, records) in [("communication", communications), ("feedback", feedback)] {
                for mut record in records {
                    record["collaboration_id"] = json!(id);
                    w.insert(table, &crate::new_id(), record)?;
                }
            }
            reserve_number(w, &number)
        })?;
        Ok(Created { id, number })
    }

    /// The department and contact of a collaborating department, adding either when missing.
    fn partner(&mut self, partner: &ImportedPartner) -> Result<(String, Option<String>)> {
        match (partner.department.as_deref(), partner.contact.as_deref()) {
            (Some(department), contact) => {
                let department = self.department_or_new(department)?;
                let contact = contact.map(|p| self.person_or_new(p, Some(&department))).transpose()?;
                Ok((department, contact))
            }
            (None, Some(contact)) => {
                let person = self.resolve("person", contact)?;
                let department = self
                    .department_of(&person)?
                    .ok_or_else(|| EngineError::invalid("departments", format!("{contact} belongs to no department; name it")))?;
                Ok((department, Some(person)))
            }
            (None, None) => Err(EngineError::missing("departments.department")),
        }
    }

    fn department_or_new(&mut self, name: &str) -> Result<String> {
        match self.resolve("department", name) {
            Err(EngineError::NotFound { .. }) => self.add_department(DepartmentInput { name: name.to_string(), ..Default::default() }),
            found => found,
        }
    }

    fn person_or_new(&mut self, name: &str, department: Option<&str>) -> Result<String> {
        match self.resolve("person", name) {
            Err(EngineError::NotFound { .. }) => {
                self.add_person(PersonInput { name: name.to_string(), department: department.map(str::to_string), ..Default::default() })
            }
            found => found,
        }
    }
}

/// A number is one word: it names the collaboration on paper, in file names and in QR codes.
fn checked_number(number: &str) -> Result<String> {
    let number = required_line("number", number)?;
    if number.chars().count() > 40 || number.chars().any(char::is_whitespace) {
        return Err(EngineError::invalid("number", "one word of at most 40 characters"));
    }
    Ok(number)
}

/// Moves the sequence of `PREFIX-YEAR-` numbers past an imported one, so it is never handed out.
fn reserve_number(w: &mut crate::changelog::Writer, number: &str) -> Result<()> {
    let mut parts = number.splitn(3, '-');
    let (Some(prefix), Some(year), Some(sequence)) = (parts.next(), parts.next(), parts.next()) else { return Ok(()) };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if year.len() != 4 || !digits(year) || !digits(sequence) || sequence.len() > 9 {
        return Ok(());
    }
    let (year, sequence) = (year.parse::<i32>().unwrap_or_default(), sequence.parse::<i64>().unwrap_or_default());
    w.tx.execute(
        "INSERT INTO number_sequence (prefix, year, last) VALUES (?1, ?2, ?3)
         ON CONFLICT(prefix, year) DO UPDATE SET last = max(last, excluded.last)",
        params![prefix, year, sequence],
    )?;
    Ok(())
}
