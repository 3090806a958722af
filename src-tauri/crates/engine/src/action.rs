//! Actions as data: the JSON form of every engine operation, shared by the CLI's `exec` (JSON
//! Lines) and the desktop app. `{"action": "send_request", "payload": {"collaboration": "XZ-2026-001"}}`
//! runs `Engine::send_request` and answers `{"ok": …}` or `{"error": {"kind", "message"}}`.
//! Names and payloads are a product interface: keep them stable.

use crate::acceptance::{DeliverableInput, LetterInput, ResubmitInput, ReviewInput, SelfCheckItem};
use crate::attention::AttentionFilter;
use crate::change::{ChangeDecisionInput, ChangeRequestInput};
use crate::collaboration::{NewCollaboration, NotesPatch, RequestPatch};
use crate::communication::{CommunicationInput, FeedbackInput};
use crate::demo::DemoOutcome;
use crate::error::{EngineError, ErrorPayload, Result};
use crate::feasibility::AnswerInput;
use crate::meeting::{MeetingInput, MinutesInput, ResponsibilitiesDraft, SignatureInput};
use crate::org::{DepartmentInput, DepartmentPatch, OrgSettingsPatch, PersonInput, PersonPatch, Preferences};
use crate::printed::PrintedInput;
use crate::register::RegisterQuery;
use crate::risk::{ProblemInput, RiskInput};
use crate::store::Engine;
use crate::task::{StatusInput, TaskInput, TaskPatch};
use base64::Engine as _;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

pub use crate::acceptance::{Criterion, RectificationInput, ReviewResult};
pub use crate::change::{MilestoneChange, PlanChanges, TaskChange};
pub use crate::collaboration::{Created, DepartmentAsk, MilestoneInput};
pub use crate::meeting::{CommunicationMechanism, ResponsibilityCheck, ResponsibilityInput};

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct CollaborationRef {
    pub collaboration: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct ReopenInput {
    pub collaboration: String,
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct MeetingRef {
    pub meeting: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct MeRef {
    pub person: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct ProblemResolution {
    pub problem: String,
    pub resolution: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct RiskRef {
    pub risk: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct RiskDecision {
    pub risk: String,
    pub decision: String,
    #[serde(default)]
    #[ts(as = "Option<bool>", optional)]
    pub close: bool,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct SelfCheckInput {
    pub deliverable: String,
    pub items: Vec<SelfCheckItem>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct AttachmentInput {
    pub collaboration: Option<String>,
    pub file_name: String,
    pub media_type: String,
    pub content_base64: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct HolidayImport {
    /// The holiday-cn JSON text of one year.
    pub json: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct CalendarDay {
    pub date: NaiveDate,
    pub is_working_day: Option<bool>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct DueQuery {
    pub start: NaiveDate,
    pub working_days: u32,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct YearQuery {
    pub year: i32,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct RecentQuery {
    /// How many entries (default 20, at most 200).
    pub limit: Option<usize>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(deny_unknown_fields)]
pub struct SearchQuery {
    pub query: String,
    pub limit: Option<usize>,
}

/// Every operation, tagged by its stable name.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
#[serde(tag = "action", content = "payload", rename_all = "snake_case", deny_unknown_fields)]
pub enum Action {
    // Organisation
    UpdateOrgSettings(OrgSettingsPatch),
    AddDepartment(DepartmentInput),
    UpdateDepartment(DepartmentPatch),
    AddPerson(PersonInput),
    UpdatePerson(PersonPatch),
    SetMe(MeRef),
    SetPreferences(Preferences),
    // Step 1
    CreateCollaboration(NewCollaboration),
    UpdateRequest(RequestPatch),
    UpdateNotes(NotesPatch),
    SendRequest(CollaborationRef),
    AnswerFeasibility(AnswerInput),
    // Step 2
    ScheduleMeeting(MeetingInput),
    SaveMinutes(MinutesInput),
    IssueMinutes(MeetingRef),
    RecordSignature(SignatureInput),
    // Step 3
    AddTask(TaskInput),
    UpdateTask(TaskPatch),
    PostStatus(StatusInput),
    AddProblem(ProblemInput),
    ResolveProblem(ProblemResolution),
    RaiseRisk(RiskInput),
    EscalateRisk(RiskRef),
    DecideRisk(RiskDecision),
    OpenChangeRequest(ChangeRequestInput),
    DecideChangeRequest(ChangeDecisionInput),
    // Step 4
    SubmitDeliverable(DeliverableInput),
    RecordSelfCheck(SelfCheckInput),
    ReviewDeliverable(ReviewInput),
    ResubmitDeliverable(ResubmitInput),
    IssueCompletionLetter(LetterInput),
    Archive(CollaborationRef),
    Reopen(ReopenInput),
    // Records
    AddCommunication(CommunicationInput),
    AddFeedback(FeedbackInput),
    AddAttachment(AttachmentInput),
    RecordPrinted(PrintedInput),
    // Calendar
    ImportHolidays(HolidayImport),
    SetCalendarDay(CalendarDay),
    // Data
    /// Loads the demo collaborations unless they are already there (idempotent).
    LoadDemo,
    // Reads
    GetOrgSettings,
    GetPreferences,
    /// The person this installation acts as (`null` until chosen on first launch).
    GetMe,
    ListDepartments,
    ListPeople,
    GetRegister(RegisterQuery),
    GetStageCounts,
    GetCollaboration(CollaborationRef),
    GetHistory(CollaborationRef),
    GetTimeline(CollaborationRef),
    GetRecentActivity(RecentQuery),
    GetAttention(AttentionFilter),
    CheckMinutes(MeetingRef),
    /// Gaps and overlaps of a division of work still being typed (see `check_responsibilities`).
    CheckResponsibilities(ResponsibilitiesDraft),
    Search(SearchQuery),
    CalendarDue(DueQuery),
    CalendarYear(YearQuery),
    /// Where this installation keeps its data: the database file and its backups folder.
    GetDataInfo,
    /// Records an existing collaboration (a register row from a file) with its own number and stage.
    ImportCollaboration(crate::import::ImportedCollaboration),
}

impl Action {
    /// Whether the action only reads (no write, no "data changed" notice afterwards).
    pub fn is_read(&self) -> bool {
        matches!(
            self,
            Action::GetOrgSettings
                | Action::GetPreferences
                | Action::GetMe
                | Action::ListDepartments
                | Action::ListPeople
                | Action::GetRegister(_)
                | Action::GetStageCounts
                | Action::GetCollaboration(_)
                | Action::GetHistory(_)
                | Action::GetTimeline(_)
                | Action::GetRecentActivity(_)
                | Action::GetAttention(_)
                | Action::CheckMinutes(_)
                | Action::CheckResponsibilities(_)
                | Action::Search(_)
                | Action::CalendarDue(_)
                | Action::CalendarYear(_)
                | Action::GetDataInfo
        )
    }
}

/// One line of `exec` output.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Ok(Value),
    Error(ErrorPayload),
}

fn to_json<T: Serialize>(value: T) -> Result<Value> {
    Ok(serde_json::to_value(value).expect("engine results serialise"))
}

impl Engine {
    /// Runs one action.
    pub fn run(&mut self, action: Action) -> Result<Value> {
        match action {
            Action::UpdateOrgSettings(p) => to_json(self.update_org_settings(p)?),
            Action::AddDepartment(p) => Ok(json!({ "id": self.add_department(p)? })),
            Action::UpdateDepartment(p) => to_json(self.update_department(p)?),
            Action::AddPerson(p) => Ok(json!({ "id": self.add_person(p)? })),
            Action::UpdatePerson(p) => to_json(self.update_person(p)?),
            Action::SetPreferences(p) => to_json(self.set_preferences(p)?),
            Action::SetMe(p) => Ok(json!({ "id": self.set_me(&p.person)? })),
            Action::CreateCollaboration(p) => to_json(self.create_collaboration(p)?),
            Action::UpdateRequest(p) => to_json(self.update_request(p)?),
            Action::UpdateNotes(p) => to_json(self.update_notes(p)?),
            Action::SendRequest(p) => Ok(json!({ "round": self.send_request(&p.collaboration)? })),
            Action::AnswerFeasibility(p) => Ok(json!({ "stage": self.answer_feasibility(p)? })),
            Action::ScheduleMeeting(p) => Ok(json!({ "id": self.schedule_meeting(p)? })),
            Action::SaveMinutes(p) => to_json(self.save_minutes(p)?),
            Action::IssueMinutes(p) => Ok(json!({ "revision": self.issue_minutes(&p.meeting)? })),
            Action::RecordSignature(p) => to_json(self.record_signature(p)?),
            Action::AddTask(p) => Ok(json!({ "id": self.add_task(p)? })),
            Action::UpdateTask(p) => to_json(self.update_task(p)?),
            Action::PostStatus(p) => Ok(json!({ "id": self.post_status(p)? })),
            Action::AddProblem(p) => Ok(json!({ "id": self.add_problem(p)? })),
            Action::ResolveProblem(p) => to_json(self.resolve_problem(&p.problem, &p.resolution)?),
            Action::RaiseRisk(p) => Ok(json!({ "id": self.raise_risk(p)? })),
            Action::EscalateRisk(p) => to_json(self.escalate_risk(&p.risk)?),
            Action::DecideRisk(p) => to_json(self.decide_risk(&p.risk, &p.decision, p.close)?),
            Action::OpenChangeRequest(p) => Ok(json!({ "id": self.open_change_request(p)? })),
            Action::DecideChangeRequest(p) => Ok(json!({ "status": self.decide_change_request(p)? })),
            Action::SubmitDeliverable(p) => Ok(json!({ "id": self.submit_deliverable(p)? })),
            Action::RecordSelfCheck(p) => to_json(self.record_self_check(&p.deliverable, &p.items)?),
            Action::ReviewDeliverable(p) => Ok(json!({ "result": self.review_deliverable(p)? })),
            Action::ResubmitDeliverable(p) => Ok(json!({ "version": self.resubmit_deliverable(p)? })),
            Action::IssueCompletionLetter(p) => Ok(json!({ "id": self.issue_completion_letter(p)? })),
            Action::Archive(p) => to_json(self.archive(&p.collaboration)?),
            Action::Reopen(p) => to_json(self.reopen(&p.collaboration, &p.reason)?),
            Action::AddCommunication(p) => Ok(json!({ "id": self.add_communication(p)? })),
            Action::AddFeedback(p) => Ok(json!({ "id": self.add_feedback(p)? })),
            Action::AddAttachment(p) => {
                let content = base64::engine::general_purpose::STANDARD
                    .decode(p.content_base64.as_bytes())
                    .map_err(|e| EngineError::invalid("content_base64", e.to_string()))?;
                Ok(json!({ "id": self.add_attachment(p.collaboration.as_deref(), &p.file_name, &p.media_type, &content)? }))
            }
            Action::RecordPrinted(p) => Ok(json!({ "id": self.record_printed(p)? })),
            Action::ImportHolidays(p) => Ok(json!({ "year": self.import_holidays(&p.json)? })),
            Action::SetCalendarDay(p) => match p.is_working_day {
                Some(working) => to_json(self.set_calendar_day(p.date, working, p.note)?),
                None => to_json(self.clear_calendar_day(p.date)?),
            },
            Action::GetOrgSettings => to_json(self.org_settings()?),
            Action::GetPreferences => to_json(self.preferences()?),
            Action::GetMe => to_json(self.me_person()?),
            Action::ListDepartments => to_json(self.departments()?),
            Action::ListPeople => to_json(self.people()?),
            Action::GetRegister(q) => to_json(self.register(&q)?),
            Action::GetStageCounts => to_json(self.stage_counts()?),
            Action::GetCollaboration(p) => to_json(self.dossier(&p.collaboration)?),
            Action::GetHistory(p) => to_json(self.history(&p.collaboration)?),
            Action::GetTimeline(p) => to_json(self.timeline(&p.collaboration)?),
            Action::GetRecentActivity(q) => to_json(self.recent_activity(q.limit.unwrap_or(20))?),
            Action::GetAttention(f) => to_json(self.attention(&f)?),
            Action::CheckMinutes(p) => to_json(self.check_minutes(&p.meeting)?),
            Action::CheckResponsibilities(p) => to_json(self.check_responsibilities(&p)?),
            Action::Search(q) => to_json(self.search(&q.query, q.limit.unwrap_or(50))?),
            Action::CalendarDue(q) => to_json(self.due(q.start, q.working_days)),
            Action::CalendarYear(q) => to_json(self.calendar_year(q.year)),
            Action::LoadDemo => Ok(match self.load_demo()? {
                DemoOutcome::Loaded { numbers } => json!({ "loaded": true, "numbers": numbers }),
                DemoOutcome::AlreadyPresent => json!({ "loaded": false, "numbers": [] }),
            }),
            Action::GetDataInfo => Ok(json!({
                "database": self.path(),
                "backups_folder": self.path().map(crate::db::backup_dir),
                "backups": self.backups()?,
            })),
            Action::ImportCollaboration(p) => to_json(self.import_collaboration(p)?),
        }
    }

    /// Checks an action against every rule without keeping it: a write runs in its transaction and
    /// is rolled back. Forms call this as people type, so they show the engine's own refusals.
    pub fn validate(&mut self, action: Action) -> Result<()> {
        if action.is_read() {
            return self.run(action).map(drop);
        }
        // Only calendar writes change the in-memory calendar; keep a copy just for them, since forms
        // validate on every pause in typing.
        let calendar = matches!(action, Action::ImportHolidays(_) | Action::SetCalendarDay(_)).then(|| self.calendar.clone());
        self.dry_run = true;
        let result = self.run(action);
        self.dry_run = false;
        if let Some(calendar) = calendar {
            self.calendar = calendar;
        }
        result.map(drop)
    }

    /// Decodes and runs one JSON action line; never fails, answers with an outcome.
    pub fn run_json(&mut self, line: &str) -> Outcome {
        let result = serde_json::from_str::<Action>(line)
            .map_err(|e| EngineError::invalid("action", e.to_string()))
            .and_then(|action| self.run(action));
        match result {
            Ok(value) => Outcome::Ok(value),
            Err(err) => Outcome::Error(ErrorPayload::from(&err)),
        }
    }
}
