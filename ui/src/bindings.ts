// Generated from the Rust engine by `xiezuo_engine::bindings` — do not edit.
// Regenerate with `XIEZUO_BLESS=1 cargo test -p xiezuo-engine bindings`.

/**
 * Every operation, tagged by its stable name.
 */

export type Action = { "action": "update_org_settings", "payload": OrgSettingsPatch } | { "action": "add_department", "payload": DepartmentInput } | { "action": "update_department", "payload": DepartmentPatch } | { "action": "add_person", "payload": PersonInput } | { "action": "update_person", "payload": PersonPatch } | { "action": "set_me", "payload": MeRef } | { "action": "set_preferences", "payload": Preferences } | { "action": "create_collaboration", "payload": NewCollaboration } | { "action": "update_request", "payload": RequestPatch } | { "action": "update_notes", "payload": NotesPatch } | { "action": "send_request", "payload": CollaborationRef } | { "action": "answer_feasibility", "payload": AnswerInput } | { "action": "schedule_meeting", "payload": MeetingInput } | { "action": "save_minutes", "payload": MinutesInput } | { "action": "issue_minutes", "payload": MeetingRef } | { "action": "record_signature", "payload": SignatureInput } | { "action": "add_task", "payload": TaskInput } | { "action": "update_task", "payload": TaskPatch } | { "action": "post_status", "payload": StatusInput } | { "action": "add_problem", "payload": ProblemInput } | { "action": "resolve_problem", "payload": ProblemResolution } | { "action": "raise_risk", "payload": RiskInput } | { "action": "escalate_risk", "payload": RiskRef } | { "action": "decide_risk", "payload": RiskDecision } | { "action": "open_change_request", "payload": ChangeRequestInput } | { "action": "decide_change_request", "payload": ChangeDecisionInput } | { "action": "submit_deliverable", "payload": DeliverableInput } | { "action": "record_self_check", "payload": SelfCheckInput } | { "action": "review_deliverable", "payload": ReviewInput } | { "action": "resubmit_deliverable", "payload": ResubmitInput } | { "action": "issue_completion_letter", "payload": LetterInput } | { "action": "archive", "payload": CollaborationRef } | { "action": "reopen", "payload": ReopenInput } | { "action": "add_communication", "payload": CommunicationInput } | { "action": "add_feedback", "payload": FeedbackInput } | { "action": "add_attachment", "payload": AttachmentInput } | { "action": "record_printed", "payload": PrintedInput } | { "action": "import_holidays", "payload": HolidayImport } | { "action": "set_calendar_day", "payload": CalendarDay } | { "action": "load_demo" } | { "action": "get_org_settings" } | { "action": "get_preferences" } | { "action": "get_me" } | { "action": "list_departments" } | { "action": "list_people" } | { "action": "get_register", "payload": RegisterQuery } | { "action": "get_stage_counts" } | { "action": "get_collaboration", "payload": CollaborationRef } | { "action": "get_history", "payload": CollaborationRef } | { "action": "get_timeline", "payload": CollaborationRef } | { "action": "get_recent_activity", "payload": RecentQuery } | { "action": "get_attention", "payload": AttentionFilter } | { "action": "check_minutes", "payload": MeetingRef } | { "action": "check_responsibilities", "payload": ResponsibilitiesDraft } | { "action": "search", "payload": SearchQuery } | { "action": "calendar_due", "payload": DueQuery } | { "action": "calendar_year", "payload": YearQuery } | { "action": "get_data_info" } | { "action": "import_collaboration", "payload": ImportedCollaboration };

/**
 * One recent write anywhere, for the dashboard's activity feed.
 */

export type ActivityEntry = { wall_time: string, actor: string | null, action: string, collaboration_id: string, number: string, title: string, };

export type AnswerInput = { collaboration: string, department: string, answer: FeasibilityAnswer, 
/**
 * The department's contact person; required to confirm unless the request already named one.
 */
contact?: string, 
/**
 * For an objection: the adjustment suggestion (mandatory). For a confirmation: an optional remark.
 */
note?: string, 
/**
 * Who answered for the department; defaults to its head.
 */
by?: string, };

export type AttachmentInput = { collaboration?: string, file_name: string, media_type: string, content_base64: string, };

export type AttentionFilter = { person?: string, department?: string, };

export type AttentionItem = { kind: AttentionKind, collaboration_id: string, number: string, title: string, 
/**
 * The record that needs action (answer slot, meeting, task, …).
 */
subject_id: string, 
/**
 * What it is about, e.g. the task title or the department name.
 */
subject: string, department_id: string | null, person_id: string | null, 
/**
 * Due date (YYYY-MM-DD) or instant (RFC 3339), if the item has one.
 */
due: string | null, overdue: boolean, };

export type AttentionKind = "answer_due" | "minutes_due" | "signature_missing" | "task_overdue" | "task_no_status" | "task_blocked" | "problem_overdue" | "risk_escalated" | "change_awaiting" | "rectification_due" | "letter_not_issued";

export type BackupFile = { path: string, file_name: string, size: number, kind: BackupKind, 
/**
 * When the file was last written (RFC 3339, UTC).
 */
modified: string, };

/**
 * Why a backup exists, read from the name the engine gave its file.
 */

export type BackupKind = "daily" | "before_migration" | "before_restore" | "manual";

export type CalendarDay = { date: string, is_working_day?: boolean, note?: string, };

export type ChangeDecisionInput = { change_request: string, department: string, decision: Decision, comment?: string, by?: string, };

export type ChangeRequestInput = { collaboration: string, title: string, reason: string, changes: PlanChanges, 
/**
 * Who opens it; must belong to the initiating department. Defaults to "me".
 */
by?: string, };

/**
 * Serialised as its code, the same text that is stored in the database.
 */

export type ChangeStatus = "pending" | "approved" | "rejected";

export type CollaborationRef = { collaboration: string, };

export type CommunicationInput = { collaboration: string, kind: CommunicationKind, summary: string, on_date?: string, participants?: Array<string>, };

/**
 * Serialised as its code, the same text that is stored in the database.
 */

export type CommunicationKind = "meeting" | "email" | "phone" | "im";

export type CommunicationMechanism = { weekly_meeting: string, urgent_channel: string, sync_method: string, };

export type Created = { id: string, number: string, };

export type Criterion = { name: string, target: string, measured: string, passed: boolean, };

export type DayInfo = { date: string, is_working_day: boolean, 
/**
 * Holiday name from the file, or the note of a user override.
 */
name: string | null, source: DaySource, };

/**
 * Which layer decided a day. `Rule` means no file or override lists the date; whether that rule is
 * trustworthy for the year is answered by [`WorkCalendar::has_data`].
 */

export type DaySource = "rule" | "bundled" | "imported" | "override";

/**
 * Serialised as its code, the same text that is stored in the database.
 */

export type Decision = "approve" | "reject";

export type DeliverableInput = { collaboration: string, department: string, task?: string, title: string, self_check?: Array<SelfCheckItem>, attachment?: string, };

/**
 * Serialised as its code, the same text that is stored in the database.
 */

export type DeliverableStatus = "submitted" | "rectifying" | "passed";

export type Department = { id: string, name: string, head_person_id: string | null, head_name: string | null, default_contact_person_id: string | null, default_contact_name: string | null, };

export type DepartmentAsk = { department: string, support_kinds?: Array<SupportKind>, support_text?: string, contact?: string, };

export type DepartmentInput = { name: string, head?: string, default_contact?: string, };

export type DepartmentPatch = { department: string, name?: string, head?: string, default_contact?: string, };

/**
 * The printed documents whose revisions are signed.
 * Serialised as its code, the same text that is stored in the database.
 */

export type DocumentKind = "request" | "agenda" | "minutes" | "tracking" | "selfcheck" | "acceptance" | "letter" | "register";

/**
 * A due date with the warning a person needs when it was computed without holiday data.
 */

export type DueDate = { date: string, 
/**
 * Years the count went through that have no holiday schedule (weekends only were skipped).
 */
years_without_data: Array<number>, };

export type DueQuery = { start: string, working_days: number, };

/**
 * The error as it crosses a process boundary: `{kind, message}`, plus what the UI needs to say it in
 * the user's language and put it next to the right input: the offending `field`, and the `items`
 * (departments, responsibility items, deliverables) a gate names, or the database file a
 * database refusal is about.
 */

export type ErrorPayload = { kind: string, message: string, field?: string | null, items?: Array<string>, };

/**
 * Serialised as its code, the same text that is stored in the database.
 */

export type FeasibilityAnswer = "confirm" | "object";

export type FeedbackInput = { collaboration: string, department: string, text: string, on_date?: string, };

/**
 * One change-log entry, with the actor's name for display.
 */

export type HistoryEntry = { hlc: string, wall_time: string, actor: string | null, device_id: string, action: string, entity: string, entity_id: string, op: string, changes: JsonValue, };

export type HolidayImport = { 
/**
 * The holiday-cn JSON text of one year.
 */
json: string, };

export type ImportedCollaboration = { 
/**
 * The number it already has (协作编号), kept as it is.
 */
number: string, title: string, stage: Stage, initiating_department: string, 
/**
 * Added to the initiating department when there is no such person yet.
 */
initiator_contact?: string, owner?: string, background?: string, goal?: string, expected_completion?: string, progress_note?: string, remarks?: string, departments?: Array<ImportedPartner>, milestones?: Array<MilestoneInput>, 
/**
 * Oldest first, in the order they happened (the register lists the latest first).
 */
communications?: Array<ImportedCommunication>, 
/**
 * Each department's latest feedback; the department must take part.
 */
feedback?: Array<ImportedFeedback>, };

export type ImportedCommunication = { on_date: string, kind: CommunicationKind, summary: string, };

export type ImportedFeedback = { department: string, text: string, };

/**
 * A collaborating department and its contact; at least one of the two is named.
 */

export type ImportedPartner = { 
/**
 * When absent, the contact's own department.
 */
department?: string, 
/**
 * Added to the department when there is no such person yet.
 */
contact?: string, };

export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]: JsonValue } | null;

export type LetterInput = { collaboration: string, body?: string, by?: string, };

export type MeRef = { person: string, };

export type MeetingInput = { collaboration: string, kind: MeetingKind, title?: string, starts_at: string, ends_at: string, place?: string, attendees?: Array<string>, 
/**
 * Agenda items: background, draft division of work, topics to discuss.
 */
agenda?: Array<string>, };

/**
 * Serialised as its code, the same text that is stored in the database.
 */

export type MeetingKind = "kickoff" | "progress" | "review" | "adjustment";

export type MeetingRef = { meeting: string, };

/**
 * An existing milestone moved or renamed, or (without `milestone`) a new one.
 */

export type MilestoneChange = { milestone: string | null, name: string | null, due_date: string, };

export type MilestoneInput = { name: string, due_date: string, };

/**
 * A draft of the minutes; lists given replace the stored ones.
 */

export type MinutesInput = { meeting: string, goal?: string, milestones?: Array<MilestoneInput>, responsibilities?: Array<ResponsibilityInput>, communication?: CommunicationMechanism, decisions?: Array<string>, 
/**
 * Acceptance criteria agreed in the meeting (e.g. "功能模块覆盖率≥95%"); reviews check them.
 */
acceptance_criteria?: Array<string>, summary?: string, };

export type NewCollaboration = { title: string, initiating_department: string, initiator_contact?: string, owner?: string, background?: string, goal?: string, expected_completion?: string, remarks?: string, departments?: Array<DepartmentAsk>, milestones?: Array<MilestoneInput>, };

/**
 * The register's free-text columns and the owner, editable at any stage before archiving.
 */

export type NotesPatch = { collaboration: string, owner?: string, progress_note?: string, remarks?: string, };

export type OrgSettings = { name: string, number_prefix: string, feasibility_sla_days: number, minutes_sla_hours: number, };

export type OrgSettingsPatch = { name?: string, number_prefix?: string, feasibility_sla_days?: number, minutes_sla_hours?: number, };

export type Overlap = { item: string, departments: Array<string>, };

export type Person = { id: string, name: string, department_id: string | null, department_name: string | null, title: string | null, phone: string | null, email: string | null, };

export type PersonInput = { name: string, department?: string, title?: string, phone?: string, email?: string, };

export type PersonPatch = { person: string, name?: string, department?: string, title?: string, phone?: string, email?: string, };

export type PlanChanges = { milestones: Array<MilestoneChange>, tasks: Array<TaskChange>, };

/**
 * This installation's own preferences (not synced, not logged).
 */

export type Preferences = { 
/**
 * `zh-CN` (default) or `en-US`.
 */
language: string | null, };

export type PrintedInput = { collaboration: string, document_kind: DocumentKind, 
/**
 * The record printed: the collaboration (request, tracking, letter, register), a meeting
 * (agenda, minutes) or a deliverable (self-check, acceptance).
 */
document_id: string, revision: number, 
/**
 * SHA-256 (hex) of the printed data.
 */
content_hash: string, };

export type ProblemInput = { collaboration: string, meeting?: string, description: string, owner: string, deadline: string, };

export type ProblemResolution = { problem: string, resolution: string, };

export type RecentQuery = { 
/**
 * How many entries (default 20, at most 200).
 */
limit?: number, };

export type RectificationInput = { description: string, owner?: string, deadline: string, };

export type RegisterPage = { total: number, rows: Array<RegisterRow>, };

export type RegisterQuery = { stage?: Stage, 
/**
 * Initiating or collaborating department (id or name).
 */
department?: string, 
/**
 * Owner (负责人), id or name.
 */
owner?: string, 
/**
 * Expected completion on or after.
 */
from?: string, 
/**
 * Expected completion on or before.
 */
to?: string, include_archived?: boolean, sort?: RegisterSort, descending?: boolean, offset?: number, 
/**
 * Page size; 0 means all rows.
 */
limit?: number, };

/**
 * One register row: the 11 columns plus the id and stage code for navigation.
 */

export type RegisterRow = { id: string, stage: Stage, number: string, initiating_department: string, title: string, contacts: string, background_goal: string, key_dates: string, communications: string, progress: string, feedback: string, owner: string, remarks: string, };

export type RegisterSort = "number" | "expected_completion" | "stage" | "updated_at";

export type ReopenInput = { collaboration: string, reason: string, };

/**
 * Changes to the request itself; allowed only before sending or while revising after an objection.
 */

export type RequestPatch = { collaboration: string, title?: string, initiator_contact?: string, background?: string, goal?: string, expected_completion?: string, 
/**
 * Replaces the whole list of collaborating departments when given.
 */
departments?: Array<DepartmentAsk>, 
/**
 * Replaces the request's key milestones when given.
 */
milestones?: Array<MilestoneInput>, };

/**
 * A division of work as it is being typed in the minutes editor, not yet saved.
 */

export type ResponsibilitiesDraft = { collaboration: string, responsibilities: Array<ResponsibilityInput>, };

/**
 * The division-of-work check, for the minutes editor to show live.
 */

export type ResponsibilityCheck = { 
/**
 * Participating departments without any responsibility item.
 */
gaps: Array<string>, 
/**
 * Items owned by more than one department, with the owners.
 */
overlaps: Array<Overlap>, };

export type ResponsibilityInput = { department: string, items: Array<string>, };

export type ResubmitInput = { deliverable: string, self_check?: Array<SelfCheckItem>, attachment?: string, };

export type ReviewInput = { deliverable: string, criteria: Array<Criterion>, reviewers?: Array<string>, opinion?: string, rectifications?: Array<RectificationInput>, };

export type ReviewResult = "pass" | "fail";

export type RiskDecision = { risk: string, decision: string, close?: boolean, };

export type RiskInput = { collaboration: string, title: string, description?: string, impact: string, raised_by?: string, 
/**
 * Raise it to the whole group at once.
 */
escalate?: boolean, };

export type RiskRef = { risk: string, };

export type SearchHit = { entity: string, entity_id: string, field: string, collaboration_id: string | null, collaboration_number: string | null, collaboration_title: string | null, 
/**
 * The matching text with the matches wrapped in 【 and 】.
 */
snippet: string, };

export type SearchQuery = { query: string, limit?: number, };

export type SelfCheckInput = { deliverable: string, items: Array<SelfCheckItem>, };

export type SelfCheckItem = { item: string, 
/**
 * 完成度: is this part complete?
 */
complete: boolean, 
/**
 * 质量达标: does it meet the agreed quality criterion?
 */
quality_ok: boolean, note: string, };

export type SignatureInput = { 
/**
 * The signature slot's id.
 */
signature: string, signed_on: string, scan_attachment?: string, };

/**
 * Where a collaboration stands in the four-step process.
 * Serialised as its code, the same text that is stored in the database.
 */

export type Stage = "draft" | "confirming" | "revising" | "kickoff" | "executing" | "accepting" | "completed" | "archived";

export type StageCount = { stage: Stage, count: number, };

export type StatusInput = { task: string, status: TaskStatus, progress?: number, note?: string, on_date?: string, by?: string, };

/**
 * What a collaborating department is asked to provide.
 * Serialised as its code, the same text that is stored in the database.
 */

export type SupportKind = "data" | "resources" | "approval" | "other";

export type TaskChange = { task: string, start_date: string | null, end_date: string | null, responsible: string | null, };

export type TaskInput = { collaboration: string, department: string, title: string, 
/**
 * Exactly one responsible person.
 */
responsible: string, collaborators?: Array<string>, start_date: string, end_date: string, deliverable?: string, };

export type TaskPatch = { task: string, title?: string, responsible?: string, collaborators?: Array<string>, deliverable?: string, };

/**
 * Serialised as its code, the same text that is stored in the database.
 */

export type TaskStatus = "not_started" | "in_progress" | "done" | "blocked";

/**
 * One dated event in a collaboration's life, for the timeline view.
 */

export type TimelineEvent = { 
/**
 * A date (YYYY-MM-DD) or a China-time instant (YYYY-MM-DD HH:MM); text order is time order.
 */
at: string, kind: string, title: string, 
/**
 * The record the event belongs to.
 */
record_id: string, };

export type YearQuery = { year: number, };

export type YearView = { year: number, has_data: boolean, days: Array<DayInfo>, };

/** A row of the dossier's `collaboration` (table `collaboration`). */
export interface CollaborationRow {
  id: string;
  number: string;
  title: string;
  initiating_department_id: string;
  initiator_contact_id: string | null;
  owner_person_id: string | null;
  background: string;
  goal: string;
  expected_completion: string | null;
  stage: Stage;
  progress_note: string;
  remarks: string;
  revision: number;
  sent_at: string | null;
  confirmed_at: string | null;
  executing_since: string | null;
  completed_at: string | null;
  archived_at: string | null;
  reopen_reason: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
  initiating_department: string | null;
  initiator_contact: string | null;
  owner: string | null;
}

/** A row of the dossier's `departments` (table `collab_department`). */
export interface CollabDepartmentRow {
  id: string;
  collaboration_id: string;
  department_id: string;
  support_kinds: Array<SupportKind>;
  support_text: string;
  contact_person_id: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
  department: string | null;
  contact: string | null;
  head: string | null;
}

/** A row of the dossier's `milestones` (table `milestone`). */
export interface MilestoneRow {
  id: string;
  collaboration_id: string;
  meeting_id: string | null;
  name: string;
  due_date: string;
  done_on: string | null;
  position: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
}

/** A row of the dossier's `feasibility` (table `feasibility_answer`). */
export interface FeasibilityRow {
  id: string;
  collaboration_id: string;
  department_id: string;
  round: number;
  sent_on: string;
  sla_days: number;
  due_date: string;
  due_warning: string | null;
  answer: FeasibilityAnswer | null;
  contact_person_id: string | null;
  note: string | null;
  answered_at: string | null;
  answered_by: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
  department: string | null;
  contact: string | null;
}

/** A row of the dossier's `meetings` (table `meeting`). */
export interface MeetingRow {
  id: string;
  collaboration_id: string;
  kind: MeetingKind;
  title: string;
  starts_at: string;
  ends_at: string;
  place: string;
  attendees: Array<string> | null;
  agenda: Array<string> | null;
  minutes_goal: string | null;
  minutes_communication: CommunicationMechanism | null;
  minutes_decisions: Array<string> | null;
  minutes_criteria: Array<string> | null;
  minutes_summary: string | null;
  minutes_due_at: string;
  minutes_issued_at: string | null;
  minutes_revision: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
}

/** A row of the dossier's `responsibilities` (table `responsibility`). */
export interface ResponsibilityRow {
  id: string;
  meeting_id: string;
  collaboration_id: string;
  department_id: string;
  item: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
  department: string | null;
}

/** A row of the dossier's `signatures` (table `signature`). */
export interface SignatureRow {
  id: string;
  collaboration_id: string;
  document_kind: DocumentKind;
  document_id: string;
  revision: number;
  department_id: string;
  head_person_id: string | null;
  signed_on: string | null;
  scan_attachment_id: string | null;
  recorded_by: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
  department: string | null;
  head: string | null;
}

/** A row of the dossier's `tasks` (table `task`). */
export interface TaskRow {
  id: string;
  collaboration_id: string;
  department_id: string;
  title: string;
  responsible_person_id: string;
  collaborators: Array<string> | null;
  start_date: string;
  end_date: string;
  deliverable: string;
  status: TaskStatus;
  progress: number;
  last_status_on: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
  department: string | null;
  responsible: string | null;
}

/** A row of the dossier's `status_updates` (table `status_update`). */
export interface StatusUpdateRow {
  id: string;
  task_id: string;
  collaboration_id: string;
  on_date: string;
  status: TaskStatus;
  progress: number;
  note: string;
  reported_by: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
}

/** A row of the dossier's `problems` (table `problem`). */
export interface ProblemRow {
  id: string;
  collaboration_id: string;
  meeting_id: string | null;
  description: string;
  owner_person_id: string;
  deadline: string;
  resolved_on: string | null;
  resolution: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
  owner: string | null;
}

/** A row of the dossier's `risks` (table `risk`). */
export interface RiskRow {
  id: string;
  collaboration_id: string;
  title: string;
  description: string;
  impact: string;
  raised_by: string | null;
  raised_on: string;
  escalated_at: string | null;
  decision: string | null;
  decided_at: string | null;
  closed_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
}

/** A row of the dossier's `change_requests` (table `change_request`). */
export interface ChangeRequestRow {
  id: string;
  collaboration_id: string;
  title: string;
  reason: string;
  changes: PlanChanges;
  status: ChangeStatus;
  opened_by: string | null;
  opened_at: string;
  decided_at: string | null;
  baseline: unknown;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
}

/** A row of the dossier's `change_approvals` (table `change_approval`). */
export interface ChangeApprovalRow {
  id: string;
  change_request_id: string;
  collaboration_id: string;
  department_id: string;
  decision: Decision | null;
  comment: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
  department: string | null;
}

/** A row of the dossier's `deliverables` (table `deliverable`). */
export interface DeliverableRow {
  id: string;
  collaboration_id: string;
  task_id: string | null;
  department_id: string;
  title: string;
  version: number;
  status: DeliverableStatus;
  self_check: Array<SelfCheckItem> | null;
  self_checked_at: string | null;
  submitted_at: string | null;
  attachment_id: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
  department: string | null;
}

/** A row of the dossier's `reviews` (table `acceptance_review`). */
export interface ReviewRow {
  id: string;
  deliverable_id: string;
  collaboration_id: string;
  deliverable_version: number;
  criteria: Array<Criterion>;
  reviewers: Array<string> | null;
  opinion: string;
  result: ReviewResult;
  reviewed_on: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
}

/** A row of the dossier's `rectifications` (table `rectification`). */
export interface RectificationRow {
  id: string;
  review_id: string;
  deliverable_id: string;
  collaboration_id: string;
  description: string;
  owner_person_id: string | null;
  deadline: string;
  resubmitted_at: string | null;
  closed_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
}

/** A row of the dossier's `letter` (table `completion_letter`). */
export interface LetterRow {
  id: string;
  collaboration_id: string;
  issued_by: string | null;
  issued_on: string;
  recipients: Array<string> | null;
  body: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
}

/** A row of the dossier's `communications` (table `communication`). */
export interface CommunicationRow {
  id: string;
  collaboration_id: string;
  on_date: string;
  kind: CommunicationKind;
  summary: string;
  participants: Array<string> | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
}

/** A row of the dossier's `feedback` (table `feedback`). */
export interface FeedbackRow {
  id: string;
  collaboration_id: string;
  department_id: string;
  on_date: string;
  text: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
  department: string | null;
}

/** A row of the dossier's `attachments` (table `attachment`). */
export interface AttachmentRow {
  id: string;
  collaboration_id: string | null;
  sha256: string;
  file_name: string;
  media_type: string;
  size: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
}

/** The whole record of one collaboration (卷宗), as `get_collaboration` answers it. */
export interface Dossier {
  collaboration: CollaborationRow;
  stage: Stage;
  step: number;
  departments: Array<CollabDepartmentRow>;
  milestones: Array<MilestoneRow>;
  feasibility: Array<FeasibilityRow>;
  meetings: Array<MeetingRow>;
  responsibilities: Array<ResponsibilityRow>;
  signatures: Array<SignatureRow>;
  tasks: Array<TaskRow>;
  status_updates: Array<StatusUpdateRow>;
  problems: Array<ProblemRow>;
  risks: Array<RiskRow>;
  change_requests: Array<ChangeRequestRow>;
  change_approvals: Array<ChangeApprovalRow>;
  deliverables: Array<DeliverableRow>;
  reviews: Array<ReviewRow>;
  rectifications: Array<RectificationRow>;
  letter: LetterRow | null;
  communications: Array<CommunicationRow>;
  feedback: Array<FeedbackRow>;
  attachments: Array<AttachmentRow>;
}

/** What each action answers. */
export interface ActionResults {
  update_org_settings: OrgSettings;
  add_department: { id: string };
  update_department: null;
  add_person: { id: string };
  update_person: null;
  set_me: { id: string };
  set_preferences: Preferences;
  create_collaboration: Created;
  update_request: null;
  update_notes: null;
  send_request: { round: number };
  answer_feasibility: { stage: Stage };
  schedule_meeting: { id: string };
  save_minutes: ResponsibilityCheck;
  issue_minutes: { revision: number };
  record_signature: null;
  add_task: { id: string };
  update_task: null;
  post_status: { id: string };
  add_problem: { id: string };
  resolve_problem: null;
  raise_risk: { id: string };
  escalate_risk: null;
  decide_risk: null;
  open_change_request: { id: string };
  decide_change_request: { status: ChangeStatus };
  submit_deliverable: { id: string };
  record_self_check: null;
  review_deliverable: { result: ReviewResult };
  resubmit_deliverable: { version: number };
  issue_completion_letter: { id: string };
  archive: null;
  reopen: null;
  add_communication: { id: string };
  add_feedback: { id: string };
  add_attachment: { id: string };
  record_printed: { id: string };
  import_holidays: { year: number };
  set_calendar_day: null;
  get_org_settings: OrgSettings;
  get_preferences: Preferences;
  get_me: Person | null;
  list_departments: Array<Department>;
  list_people: Array<Person>;
  get_register: RegisterPage;
  get_stage_counts: Array<StageCount>;
  get_collaboration: Dossier;
  get_history: Array<HistoryEntry>;
  get_timeline: Array<TimelineEvent>;
  get_recent_activity: Array<ActivityEntry>;
  get_attention: Array<AttentionItem>;
  check_minutes: ResponsibilityCheck;
  search: Array<SearchHit>;
  calendar_due: DueDate;
  calendar_year: YearView;
  check_responsibilities: ResponsibilityCheck;
  load_demo: { loaded: boolean, numbers: Array<string> };
  get_data_info: { database: string | null, backups_folder: string | null, backups: Array<BackupFile> };
  import_collaboration: Created;
}

export type ActionName = Action['action'];
/** The payload an action takes (`undefined` for actions without one). */
export type PayloadOf<A extends ActionName> = Extract<Action, { action: A }> extends { payload: infer P } ? P : undefined;
