//! From engine records to printable documents: the one place that knows both vocabularies.
//!
//! Each document kind reads the collaboration's dossier (and, for meetings and deliverables, the
//! record named) and fills the view model in the paper form's words. `print` renders it and
//! records in the engine which revision was printed with which content hash, so a signed scan can
//! later be matched to the exact record version.

use crate::error::FormsError;
use crate::labels::Lang;
use crate::model::*;
use crate::Rendered;
use chrono::{Datelike, NaiveDate};
use serde_json::Value;
use std::collections::HashMap;
use xiezuo_engine::dossier::Dossier;
use xiezuo_engine::model::DocumentKind;
use xiezuo_engine::org::Person;
use xiezuo_engine::printed::PrintedInput;
use xiezuo_engine::{Engine, RegisterQuery};

/// A rendered document and the engine record of its printing.
#[derive(Debug, Clone)]
pub struct Printed {
    pub rendered: Rendered,
    pub kind: Kind,
    pub revision: u32,
    /// The engine's print record (absent for the register, which spans collaborations).
    pub printed_id: Option<String>,
}

/// Builds, renders and records a document. `record` names the meeting (agenda, minutes) or the
/// deliverable (self-check, acceptance); without it the latest suitable one is used.
pub fn print(
    engine: &mut Engine,
    kind: Kind,
    collaboration: Option<&str>,
    record: Option<&str>,
    lang: Lang,
) -> Result<Printed, FormsError> {
    let (document, document_id) = document(engine, kind, collaboration, record)?;
    let rendered = crate::render(&document, lang)?;
    let printed_id = match (kind, collaboration) {
        (Kind::Register, _) | (_, None) => None,
        (_, Some(collaboration)) => Some(engine.record_printed(PrintedInput {
            collaboration: collaboration.to_string(),
            document_kind: document_kind(kind),
            document_id,
            revision: i64::from(document.head.revision),
            content_hash: rendered.content_hash.clone(),
        })?),
    };
    Ok(Printed { revision: document.head.revision, rendered, kind, printed_id })
}

/// The document for `kind`, and the id of the record it prints.
pub fn document(engine: &Engine, kind: Kind, collaboration: Option<&str>, record: Option<&str>) -> Result<(Document, String), FormsError> {
    if kind == Kind::Register {
        return Ok((register(engine)?, "register".to_string()));
    }
    let collaboration = collaboration.ok_or(FormsError::NoRecord { what: "collaboration" })?;
    let d = engine.dossier(collaboration)?;
    let people: HashMap<String, Person> = engine.people()?.into_iter().map(|p| (p.id.clone(), p)).collect();
    let source = Source { d: &d, people: &people, today: engine.today() };
    let c = &d.collaboration;
    let head = |revision: i64| Head { collab_id: text(c, "id"), number: text(c, "number"), revision: revision.max(0) as u32 };
    let (body, revision, document_id) = match kind {
        Kind::Request => (Body::Request(source.request()), int(c, "revision"), text(c, "id")),
        Kind::Agenda => {
            let m = source.meeting(record)?;
            (Body::Agenda(source.agenda(m)), 1, text(m, "id"))
        }
        Kind::Minutes => {
            let m = source.meeting(record)?;
            (Body::Minutes(source.minutes(m)), int(m, "minutes_revision").max(1), text(m, "id"))
        }
        Kind::Tracking => (Body::Tracking(source.tracking()), plan_revision(&d), text(c, "id")),
        Kind::SelfCheck => {
            let dl = source.deliverable(record)?;
            (Body::SelfCheck(source.self_check(dl)), int(dl, "version"), text(dl, "id"))
        }
        Kind::Acceptance => {
            let dl = source.deliverable(record)?;
            let (acceptance, round) = source.acceptance(dl)?;
            (Body::Acceptance(acceptance), round, text(dl, "id"))
        }
        Kind::Letter => (Body::Letter(source.letter()?), 1, text(c, "id")),
        Kind::Register => unreachable!("handled above"),
    };
    Ok((Document { head: head(revision), body }, document_id))
}

fn document_kind(kind: Kind) -> DocumentKind {
    match kind {
        Kind::Request => DocumentKind::Request,
        Kind::Agenda => DocumentKind::Agenda,
        Kind::Minutes => DocumentKind::Minutes,
        Kind::Tracking => DocumentKind::Tracking,
        Kind::SelfCheck => DocumentKind::SelfCheck,
        Kind::Acceptance => DocumentKind::Acceptance,
        Kind::Letter => DocumentKind::Letter,
        Kind::Register => DocumentKind::Register,
    }
}

/// The plan's revision: 1 plus every approved change request.
fn plan_revision(d: &Dossier) -> i64 {
    1 + d.change_requests.iter().filter(|cr| cr["status"] == "approved").count() as i64
}

fn register(engine: &Engine) -> Result<Document, FormsError> {
    let rows = engine
        .register(&RegisterQuery::default())?
        .rows
        .into_iter()
        .map(|r| RegisterRow {
            number: r.number,
            initiating_department: r.initiating_department,
            matter: r.title,
            contacts: r.contacts,
            background_goal: r.background_goal,
            milestones: r.key_dates,
            communication: r.communications,
            progress: r.progress,
            feedback: r.feedback,
            owner: r.owner,
            remarks: r.remarks,
        })
        .collect();
    let today = engine.today();
    let number = format!("{}-{}", engine.org_settings()?.number_prefix, today.format("%Y%m%d"));
    Ok(Document { head: Head { collab_id: "register".into(), number, revision: 1 }, body: Body::Register(Register { rows }) })
}

struct Source<'a> {
    d: &'a Dossier,
    people: &'a HashMap<String, Person>,
    today: NaiveDate,
}

impl Source<'_> {
    fn name(&self, id: &Value) -> String {
        id.as_str().and_then(|id| self.people.get(id)).map(|p| p.name.clone()).unwrap_or_default()
    }

    fn names(&self, ids: &Value) -> Vec<String> {
        ids.as_array().map(|ids| ids.iter().map(|id| self.name(id)).filter(|n| !n.is_empty()).collect()).unwrap_or_default()
    }

    fn milestones(&self, meeting: Option<&str>) -> Vec<Milestone> {
        self.d
            .milestones
            .iter()
            .filter(|m| meeting.is_none_or(|id| m["meeting_id"] == id))
            .map(|m| Milestone {
                name: text(m, "name"),
                date: date(m, "due_date").unwrap_or(Date::new(1970, 1, 1)),
                deliverable: String::new(),
            })
            .collect()
    }

    fn request(&self) -> RequestForm {
        let c = &self.d.collaboration;
        let contact_id = c["initiator_contact_id"].as_str().unwrap_or_default();
        RequestForm {
            title: text(c, "title"),
            filled_on: date(c, "sent_at").or_else(|| date(c, "created_at")).unwrap_or_else(|| to_date(self.today)),
            initiating_department: text(c, "initiating_department"),
            applicant: text(c, "initiator_contact"),
            phone: self.people.get(contact_id).and_then(|p| p.phone.clone()).unwrap_or_default(),
            collaborating_departments: self.d.departments.iter().map(|x| text(x, "department")).collect(),
            background: text(c, "background"),
            goal: text(c, "goal"),
            support: self
                .d
                .departments
                .iter()
                .map(|x| Support { department: text(x, "department"), asked: text(x, "support_text") })
                .collect(),
            expected_completion: date(c, "expected_completion").unwrap_or_else(|| to_date(self.today)),
            milestones: self.milestones(None),
            attachments: self.d.attachments.iter().map(|a| text(a, "file_name")).collect(),
        }
    }

    fn meeting(&self, record: Option<&str>) -> Result<&Value, FormsError> {
        let found = match record {
            Some(id) => self.d.meetings.iter().find(|m| m["id"] == id),
            None => self.d.meetings.iter().rev().find(|m| m["kind"] == "kickoff").or(self.d.meetings.last()),
        };
        found.ok_or(FormsError::NoRecord { what: "meeting" })
    }

    fn responsibilities(&self, meeting_id: &str) -> Vec<Responsibility> {
        let mut out: Vec<Responsibility> = Vec::new();
        for r in self.d.responsibilities.iter().filter(|r| r["meeting_id"] == meeting_id) {
            let department = text(r, "department");
            match out.iter_mut().find(|x| x.department == department) {
                Some(x) => x.items.push(text(r, "item")),
                None => out.push(Responsibility { department, items: vec![text(r, "item")] }),
            }
        }
        out
    }

    fn participants(&self) -> Vec<String> {
        let c = &self.d.collaboration;
        std::iter::once(text(c, "initiating_department")).chain(self.d.departments.iter().map(|x| text(x, "department"))).collect()
    }

    fn agenda(&self, m: &Value) -> Agenda {
        let c = &self.d.collaboration;
        let items: Vec<String> = strings(&m["agenda"]);
        Agenda {
            meeting: text(m, "title"),
            time: meeting_time(m),
            place: text(m, "place"),
            host: text(c, "owner"),
            attendees: self.names(&m["attendees"]),
            background: format!("{}；{}", text(c, "background"), text(c, "goal")),
            division: self.responsibilities(&text(m, "id")),
            topics: items,
        }
    }

    fn minutes(&self, m: &Value) -> Minutes {
        let comm = &m["minutes_communication"];
        let meeting_id = text(m, "id");
        let own = self.milestones(Some(&meeting_id));
        Minutes {
            meeting: text(m, "title"),
            time: meeting_time(m),
            place: text(m, "place"),
            recorder: text(&self.d.collaboration, "owner"),
            attendees: self.names(&m["attendees"]),
            goal: text(m, "minutes_goal"),
            milestones: if own.is_empty() { self.milestones(None) } else { own },
            responsibilities: self.responsibilities(&meeting_id),
            communication: Communication {
                regular_meeting: text(comm, "weekly_meeting"),
                urgent_channel: text(comm, "urgent_channel"),
                information_sync: text(comm, "sync_method"),
            },
            acceptance_criteria: strings(&m["minutes_criteria"]),
            decisions: strings(&m["minutes_decisions"]),
            signing_departments: self.participants(),
        }
    }

    fn tracking(&self) -> Tracking {
        let last_note = |task_id: &Value| {
            self.d.status_updates.iter().rev().find(|s| &s["task_id"] == task_id).map(|s| text(s, "note")).unwrap_or_default()
        };
        let tasks = self
            .d
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let end = date(t, "end_date").unwrap_or_else(|| to_date(self.today));
                let status = match t["status"].as_str().unwrap_or_default() {
                    "done" => TaskStatus::Done,
                    "blocked" => TaskStatus::Blocked,
                    _ if end < to_date(self.today) => TaskStatus::Delayed,
                    "in_progress" => TaskStatus::InProgress,
                    _ => TaskStatus::NotStarted,
                };
                TaskRow {
                    code: format!("T{:02}", i + 1),
                    name: text(t, "title"),
                    department: text(t, "department"),
                    owner: text(t, "responsible"),
                    start: date(t, "start_date").unwrap_or(end),
                    end,
                    finished: (t["status"] == "done").then(|| date(t, "last_status_on")).flatten(),
                    progress: t["progress"].as_u64().unwrap_or(0).min(100) as u8,
                    status,
                    note: last_note(&t["id"]),
                }
            })
            .collect();
        let problems = self
            .d
            .problems
            .iter()
            .map(|p| Problem {
                description: text(p, "description"),
                owner: text(p, "owner"),
                deadline: date(p, "deadline").unwrap_or_else(|| to_date(self.today)),
                resolution: text(p, "resolution"),
            })
            .collect();
        let progress_meeting = self.d.meetings.iter().rev().find(|m| m["kind"] == "progress");
        Tracking {
            title: text(&self.d.collaboration, "title"),
            period: format!("{} — {}", text(&self.d.collaboration, "executing_since").get(..10).unwrap_or(""), self.today),
            meeting_date: progress_meeting.and_then(|m| date(m, "starts_at")).unwrap_or_else(|| to_date(self.today)),
            tasks,
            problems,
        }
    }

    fn deliverable(&self, record: Option<&str>) -> Result<&Value, FormsError> {
        let found = match record {
            Some(id) => self.d.deliverables.iter().find(|x| x["id"] == id),
            None => self.d.deliverables.last(),
        };
        found.ok_or(FormsError::NoRecord { what: "deliverable" })
    }

    fn self_check(&self, dl: &Value) -> SelfCheck {
        let items: Vec<CheckItem> = dl["self_check"]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .map(|i| CheckItem {
                        item: text(i, "item"),
                        criterion: format!("完成度{} / 质量{}", mark(i["complete"].as_bool()), mark(i["quality_ok"].as_bool())),
                        passed: i["complete"].as_bool() == Some(true) && i["quality_ok"].as_bool() == Some(true),
                        note: text(i, "note"),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let all_passed = !items.is_empty() && items.iter().all(|i| i.passed);
        let submitter = self
            .d
            .tasks
            .iter()
            .find(|t| t["id"] == dl["task_id"])
            .map(|t| text(t, "responsible"))
            .unwrap_or_else(|| text(&self.d.collaboration, "owner"));
        SelfCheck {
            deliverable: format!("{} v{}", text(dl, "title"), int(dl, "version")),
            department: text(dl, "department"),
            submitter,
            submitted_on: date(dl, "submitted_at").unwrap_or_else(|| to_date(self.today)),
            items,
            conclusion: if all_passed { "自检合格，提交验收".into() } else { "自检未全部达标".into() },
        }
    }

    fn acceptance(&self, dl: &Value) -> Result<(Acceptance, i64), FormsError> {
        let reviews: Vec<&Value> = self.d.reviews.iter().filter(|r| r["deliverable_id"] == dl["id"]).collect();
        let review = reviews.last().ok_or(FormsError::NoRecord { what: "acceptance review" })?;
        let criteria = review["criteria"]
            .as_array()
            .map(|cs| {
                cs.iter()
                    .map(|c| Criterion {
                        criterion: text(c, "name"),
                        target: text(c, "target"),
                        measured: text(c, "measured"),
                        passed: c["passed"].as_bool().unwrap_or(false),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let rectifications = self
            .d
            .rectifications
            .iter()
            .filter(|r| r["review_id"] == review["id"])
            .map(|r| Rectification {
                item: text(r, "description"),
                owner: self.name(&r["owner_person_id"]),
                deadline: date(r, "deadline").unwrap_or_else(|| to_date(self.today)),
            })
            .collect();
        let acceptance = Acceptance {
            deliverable: format!("{} v{}", text(dl, "title"), int(review, "deliverable_version")),
            department: text(dl, "department"),
            reviewed_on: date(review, "reviewed_on").unwrap_or_else(|| to_date(self.today)),
            round: reviews.len() as u32,
            criteria,
            passed: review["result"] == "pass",
            opinion: text(review, "opinion"),
            rectifications,
            reviewers: self.participants(),
        };
        Ok((acceptance, reviews.len() as i64))
    }

    fn letter(&self) -> Result<Letter, FormsError> {
        let letter = self.d.letter.as_ref().ok_or(FormsError::NoRecord { what: "completion letter" })?;
        let c = &self.d.collaboration;
        let recipients: Vec<String> = self.participants().into_iter().skip(1).collect();
        let body = text(letter, "body");
        Ok(Letter {
            recipient: recipients.join("、"),
            subject: text(c, "title"),
            completed_on: date(c, "completed_at").or_else(|| date(letter, "issued_on")).unwrap_or_else(|| to_date(self.today)),
            sender: text(c, "initiating_department"),
            issued_on: date(letter, "issued_on").unwrap_or_else(|| to_date(self.today)),
            extra_paragraphs: if body.is_empty() { vec![] } else { vec![body] },
        })
    }
}

fn text(v: &Value, key: &str) -> String {
    match &v[key] {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

fn int(v: &Value, key: &str) -> i64 {
    v[key].as_i64().unwrap_or(0)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

fn mark(b: Option<bool>) -> &'static str {
    if b == Some(true) {
        "✓"
    } else {
        "✗"
    }
}

fn to_date(d: NaiveDate) -> Date {
    Date::new(d.year(), d.month(), d.day())
}

/// A date field, or the China-time date of an instant field.
fn date(v: &Value, key: &str) -> Option<Date> {
    let text = v[key].as_str()?;
    if text.len() == 10 {
        return text.parse::<NaiveDate>().ok().map(to_date);
    }
    let instant = chrono::DateTime::parse_from_rfc3339(text).ok()?;
    Some(to_date(instant.with_timezone(&xiezuo_engine::clock::china_offset()).date_naive()))
}

fn meeting_time(m: &Value) -> String {
    let local = |key: &str| {
        m[key]
            .as_str()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&xiezuo_engine::clock::china_offset()))
    };
    match (local("starts_at"), local("ends_at")) {
        (Some(start), Some(end)) => format!("{}–{}", start.format("%Y-%m-%d %H:%M"), end.format("%H:%M")),
        _ => String::new(),
    }
}
