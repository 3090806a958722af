//! The view models: plain data for each printed document, in the words of the paper forms.
//!
//! They are deliberately independent of the engine's records (the engine maps its records onto
//! them), so the printed layout can be built, tested and reviewed on its own. They serialise to
//! JSON, and the SHA-256 of that JSON is the content hash printed on every page.

use serde::{Deserialize, Serialize};

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub const fn new(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }
    /// `2024-05-20`
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Which collaboration and which version of its record a document prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// The collaboration's id (UUIDv7 text).
    pub collab_id: String,
    /// The human collaboration number, e.g. `XZ-2024-000123`.
    pub number: String,
    /// Revision of the record being printed.
    pub revision: u32,
}

/// A document to print.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub head: Head,
    pub body: Body,
}

/// The eight documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Body {
    Request(RequestForm),
    Agenda(Agenda),
    Minutes(Minutes),
    Tracking(Tracking),
    SelfCheck(SelfCheck),
    Acceptance(Acceptance),
    Letter(Letter),
    Register(Register),
}

/// Document kinds, as named on the command line and in the QR payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Request,
    Agenda,
    Minutes,
    Tracking,
    SelfCheck,
    Acceptance,
    Letter,
    Register,
}

impl Kind {
    pub const ALL: [Kind; 8] =
        [Kind::Request, Kind::Agenda, Kind::Minutes, Kind::Tracking, Kind::SelfCheck, Kind::Acceptance, Kind::Letter, Kind::Register];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Request => "request",
            Kind::Agenda => "agenda",
            Kind::Minutes => "minutes",
            Kind::Tracking => "tracking",
            Kind::SelfCheck => "selfcheck",
            Kind::Acceptance => "acceptance",
            Kind::Letter => "letter",
            Kind::Register => "register",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Wide tables print on landscape pages.
    pub fn landscape(self) -> bool {
        matches!(self, Kind::Tracking | Kind::Register)
    }
}

impl Body {
    pub fn kind(&self) -> Kind {
        match self {
            Body::Request(_) => Kind::Request,
            Body::Agenda(_) => Kind::Agenda,
            Body::Minutes(_) => Kind::Minutes,
            Body::Tracking(_) => Kind::Tracking,
            Body::SelfCheck(_) => Kind::SelfCheck,
            Body::Acceptance(_) => Kind::Acceptance,
            Body::Letter(_) => Kind::Letter,
            Body::Register(_) => Kind::Register,
        }
    }
}

/// What one collaborating department is asked to provide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Support {
    pub department: String,
    pub asked: String,
}

/// A key milestone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub name: String,
    pub date: Date,
    /// Deliverable or completion mark (may be empty).
    pub deliverable: String,
}

/// 协作需求申请表.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestForm {
    pub title: String,
    pub filled_on: Date,
    pub initiating_department: String,
    pub applicant: String,
    pub phone: String,
    pub collaborating_departments: Vec<String>,
    pub background: String,
    pub goal: String,
    pub support: Vec<Support>,
    pub expected_completion: Date,
    pub milestones: Vec<Milestone>,
    pub attachments: Vec<String>,
}

/// One department's share of the work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Responsibility {
    pub department: String,
    pub items: Vec<String>,
}

/// 会议议程.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agenda {
    pub meeting: String,
    pub time: String,
    pub place: String,
    pub host: String,
    pub attendees: Vec<String>,
    pub background: String,
    pub division: Vec<Responsibility>,
    pub topics: Vec<String>,
}

/// How the group communicates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Communication {
    pub regular_meeting: String,
    pub urgent_channel: String,
    pub information_sync: String,
}

/// 协作会议纪要.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Minutes {
    pub meeting: String,
    pub time: String,
    pub place: String,
    pub recorder: String,
    pub attendees: Vec<String>,
    pub goal: String,
    pub milestones: Vec<Milestone>,
    pub responsibilities: Vec<Responsibility>,
    pub communication: Communication,
    pub acceptance_criteria: Vec<String>,
    pub decisions: Vec<String>,
    /// Departments whose heads sign (one signature block each).
    pub signing_departments: Vec<String>,
}

/// A task's daily status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    NotStarted,
    InProgress,
    Done,
    Blocked,
    Delayed,
}

/// One row of the tracking table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskRow {
    pub code: String,
    pub name: String,
    pub department: String,
    pub owner: String,
    pub start: Date,
    pub end: Date,
    pub finished: Option<Date>,
    /// Percent, 0–100.
    pub progress: u8,
    pub status: TaskStatus,
    pub note: String,
}

/// A problem raised at a progress meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub description: String,
    pub owner: String,
    pub deadline: Date,
    pub resolution: String,
}

/// 进度跟踪表.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tracking {
    pub title: String,
    pub period: String,
    pub meeting_date: Date,
    pub tasks: Vec<TaskRow>,
    pub problems: Vec<Problem>,
}

/// One self-check item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckItem {
    pub item: String,
    pub criterion: String,
    pub passed: bool,
    pub note: String,
}

/// 成果自检表.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfCheck {
    pub deliverable: String,
    pub department: String,
    pub submitter: String,
    pub submitted_on: Date,
    pub items: Vec<CheckItem>,
    pub conclusion: String,
}

/// One acceptance criterion and its measurement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub criterion: String,
    pub target: String,
    pub measured: String,
    pub passed: bool,
}

/// A rectification item for a failed review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rectification {
    pub item: String,
    pub owner: String,
    pub deadline: Date,
}

/// 验收意见表.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acceptance {
    pub deliverable: String,
    pub department: String,
    pub reviewed_on: Date,
    pub round: u32,
    pub criteria: Vec<Criterion>,
    pub passed: bool,
    pub opinion: String,
    pub rectifications: Vec<Rectification>,
    /// Reviewing departments (one signature line each).
    pub reviewers: Vec<String>,
}

/// 协作完成确认函.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    pub recipient: String,
    pub subject: String,
    pub completed_on: Date,
    pub sender: String,
    pub issued_on: Date,
    /// Extra paragraphs after the standard confirmation (may be empty).
    pub extra_paragraphs: Vec<String>,
}

/// One row of the register (沟通事项跟踪表).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterRow {
    pub number: String,
    pub initiating_department: String,
    pub matter: String,
    pub contacts: String,
    pub background_goal: String,
    pub milestones: String,
    pub communication: String,
    pub progress: String,
    pub feedback: String,
    pub owner: String,
    pub remarks: String,
}

/// 沟通事项跟踪表.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Register {
    pub rows: Vec<RegisterRow>,
}
