-- Xiezuo schema, version 1.
-- Conventions: UUIDv7 text ids; every record carries created/updated by whom and when; nothing is
-- hard-deleted (deleted_at marks removal); dates are ISO-8601 text ('YYYY-MM-DD'), instants are
-- RFC 3339 UTC text; lists inside one record are JSON arrays. Logs are append-only tables.

CREATE TABLE org_settings (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    number_prefix TEXT NOT NULL,
    feasibility_sla_days INTEGER NOT NULL,
    minutes_sla_hours INTEGER NOT NULL,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);

-- Settings that belong to this installation only and never sync (device id, who "me" is).
CREATE TABLE local_setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE department (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    head_person_id TEXT REFERENCES person(id),
    default_contact_person_id TEXT REFERENCES person(id),
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE UNIQUE INDEX department_name ON department(name) WHERE deleted_at IS NULL;

CREATE TABLE person (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    department_id TEXT REFERENCES department(id),
    title TEXT,
    phone TEXT,
    email TEXT,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE INDEX person_department ON person(department_id);

-- Numbers are handed out per prefix and year and never reused, even if a draft is discarded.
CREATE TABLE number_sequence (
    prefix TEXT NOT NULL,
    year INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (prefix, year)
);

CREATE TABLE collaboration (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    initiating_department_id TEXT NOT NULL REFERENCES department(id),
    initiator_contact_id TEXT REFERENCES person(id),
    owner_person_id TEXT REFERENCES person(id),
    background TEXT NOT NULL DEFAULT '',
    goal TEXT NOT NULL DEFAULT '',
    expected_completion TEXT,
    stage TEXT NOT NULL,
    progress_note TEXT NOT NULL DEFAULT '',
    remarks TEXT NOT NULL DEFAULT '',
    revision INTEGER NOT NULL DEFAULT 0,
    sent_at TEXT,
    confirmed_at TEXT,
    executing_since TEXT,
    completed_at TEXT,
    archived_at TEXT,
    reopen_reason TEXT,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE INDEX collaboration_stage ON collaboration(stage, number);
CREATE INDEX collaboration_department ON collaboration(initiating_department_id, number);
CREATE INDEX collaboration_owner ON collaboration(owner_person_id, number);
CREATE INDEX collaboration_completion ON collaboration(expected_completion);
-- Counting the register's live rows (and per initiating department) without reading the table.
CREATE INDEX collaboration_live_department ON collaboration(initiating_department_id, id) WHERE deleted_at IS NULL;

-- One row per collaborating (non-initiating) department: what is asked of it and who its contact is.
CREATE TABLE collab_department (
    id TEXT PRIMARY KEY,
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    department_id TEXT NOT NULL REFERENCES department(id),
    support_kinds TEXT NOT NULL DEFAULT '[]',
    support_text TEXT NOT NULL DEFAULT '',
    contact_person_id TEXT REFERENCES person(id),
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE UNIQUE INDEX collab_department_unique ON collab_department(collaboration_id, department_id) WHERE deleted_at IS NULL;
CREATE INDEX collab_department_live ON collab_department(department_id, collaboration_id) WHERE deleted_at IS NULL;

CREATE TABLE milestone (
    id TEXT PRIMARY KEY,
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    meeting_id TEXT REFERENCES meeting(id),
    name TEXT NOT NULL,
    due_date TEXT NOT NULL,
    done_on TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE INDEX milestone_collaboration ON milestone(collaboration_id, due_date);

-- A department's feasibility answer for one revision round of the request. The due date keeps its
-- rule inputs (sent_on, sla_days) so it can be recomputed when the calendar changes.
CREATE TABLE feasibility_answer (
    id TEXT PRIMARY KEY,
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    department_id TEXT NOT NULL REFERENCES department(id),
    round INTEGER NOT NULL,
    sent_on TEXT NOT NULL,
    sla_days INTEGER NOT NULL,
    due_date TEXT NOT NULL,
    due_warning TEXT,
    answer TEXT,
    contact_person_id TEXT REFERENCES person(id),
    note TEXT,
    answered_at TEXT,
    answered_by TEXT REFERENCES person(id),
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE UNIQUE INDEX feasibility_round ON feasibility_answer(collaboration_id, department_id, round);
CREATE INDEX feasibility_pending ON feasibility_answer(due_date) WHERE answer IS NULL;

CREATE TABLE meeting (
    id TEXT PRIMARY KEY,
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    attendees TEXT NOT NULL DEFAULT '[]',
    agenda TEXT NOT NULL DEFAULT '[]',
    minutes_goal TEXT,
    minutes_communication TEXT,
    minutes_decisions TEXT NOT NULL DEFAULT '[]',
    minutes_criteria TEXT NOT NULL DEFAULT '[]',
    minutes_summary TEXT,
    minutes_due_at TEXT NOT NULL,
    minutes_issued_at TEXT,
    minutes_revision INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE INDEX meeting_collaboration ON meeting(collaboration_id, starts_at);
CREATE INDEX meeting_minutes_pending ON meeting(minutes_due_at) WHERE minutes_issued_at IS NULL;

CREATE TABLE responsibility (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting(id),
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    department_id TEXT NOT NULL REFERENCES department(id),
    item TEXT NOT NULL,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE INDEX responsibility_meeting ON responsibility(meeting_id);

-- Expected and received signatures of a printed document revision by a department head.
CREATE TABLE signature (
    id TEXT PRIMARY KEY,
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    document_kind TEXT NOT NULL,
    document_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    department_id TEXT NOT NULL REFERENCES department(id),
    head_person_id TEXT REFERENCES person(id),
    signed_on TEXT,
    scan_attachment_id TEXT REFERENCES attachment(id),
    recorded_by TEXT,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE UNIQUE INDEX signature_unique ON signature(document_kind, document_id, revision, department_id);
CREATE INDEX signature_pending ON signature(collaboration_id) WHERE signed_on IS NULL;

CREATE TABLE task (
    id TEXT PRIMARY KEY,
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    department_id TEXT NOT NULL REFERENCES department(id),
    title TEXT NOT NULL,
    responsible_person_id TEXT NOT NULL REFERENCES person(id),
    collaborators TEXT NOT NULL DEFAULT '[]',
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    deliverable TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    progress INTEGER NOT NULL DEFAULT 0,
    last_status_on TEXT,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT,
    CHECK (start_date <= end_date),
    CHECK (progress BETWEEN 0 AND 100)
);
CREATE INDEX task_collaboration ON task(collaboration_id);
CREATE INDEX task_open ON task(status, end_date);
CREATE INDEX task_responsible ON task(responsible_person_id);

-- Append-only.
CREATE TABLE status_update (
    id TEXT PRIMARY KEY,
    task_id TEXT NOT NULL REFERENCES task(id),
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    on_date TEXT NOT NULL,
    status TEXT NOT NULL,
    progress INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    reported_by TEXT REFERENCES person(id),
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE INDEX status_update_task ON status_update(task_id, on_date);

CREATE TABLE problem (
    id TEXT PRIMARY KEY,
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    meeting_id TEXT REFERENCES meeting(id),
    description TEXT NOT NULL,
    owner_person_id TEXT NOT NULL REFERENCES person(id),
    deadline TEXT NOT NULL,
    resolved_on TEXT,
    resolution TEXT,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE INDEX problem_open ON problem(deadline) WHERE resolved_on IS NULL;
CREATE INDEX problem_collaboration ON problem(collaboration_id);

CREATE TABLE risk (
    id TEXT PRIMARY KEY,
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    impact TEXT NOT NULL,
    raised_by TEXT REFERENCES person(id),
    raised_on TEXT NOT NULL,
    escalated_at TEXT,
    decision TEXT,
    decided_at TEXT,
    closed_at TEXT,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE INDEX risk_open ON risk(collaboration_id) WHERE closed_at IS NULL;

CREATE TABLE change_request (
    id TEXT PRIMARY KEY,
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    title TEXT NOT NULL,
    reason TEXT NOT NULL,
    changes TEXT NOT NULL,
    status TEXT NOT NULL,
    opened_by TEXT REFERENCES person(id),
    opened_at TEXT NOT NULL,
    decided_at TEXT,
    baseline TEXT,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE INDEX change_request_open ON change_request(collaboration_id) WHERE status = 'pending';

CREATE TABLE change_approval (
    id TEXT PRIMARY KEY,
    change_request_id TEXT NOT NULL REFERENCES change_request(id),
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    department_id TEXT NOT NULL REFERENCES department(id),
    decision TEXT,
    comment TEXT,
    decided_by TEXT REFERENCES person(id),
    decided_at TEXT,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE UNIQUE INDEX change_approval_unique ON change_approval(change_request_id, department_id);

CREATE TABLE deliverable (
    id TEXT PRIMARY KEY,
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    task_id TEXT REFERENCES task(id),
    department_id TEXT NOT NULL REFERENCES department(id),
    title TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL,
    self_check TEXT,
    self_checked_at TEXT,
    submitted_at TEXT,
    attachment_id TEXT REFERENCES attachment(id),
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE INDEX deliverable_collaboration ON deliverable(collaboration_id);

CREATE TABLE acceptance_review (
    id TEXT PRIMARY KEY,
    deliverable_id TEXT NOT NULL REFERENCES deliverable(id),
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    deliverable_version INTEGER NOT NULL,
    criteria TEXT NOT NULL,
    reviewers TEXT NOT NULL DEFAULT '[]',
    opinion TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL,
    reviewed_on TEXT NOT NULL,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE INDEX acceptance_review_deliverable ON acceptance_review(deliverable_id);

CREATE TABLE rectification (
    id TEXT PRIMARY KEY,
    review_id TEXT NOT NULL REFERENCES acceptance_review(id),
    deliverable_id TEXT NOT NULL REFERENCES deliverable(id),
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    description TEXT NOT NULL,
    owner_person_id TEXT REFERENCES person(id),
    deadline TEXT NOT NULL,
    resubmitted_at TEXT,
    closed_at TEXT,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE INDEX rectification_open ON rectification(deadline) WHERE closed_at IS NULL;

CREATE TABLE completion_letter (
    id TEXT PRIMARY KEY,
    collaboration_id TEXT NOT NULL UNIQUE REFERENCES collaboration(id),
    issued_by TEXT REFERENCES person(id),
    issued_on TEXT NOT NULL,
    recipients TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);

-- Append-only: meeting minutes summaries, e-mails, calls, IM.
CREATE TABLE communication (
    id TEXT PRIMARY KEY,
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    on_date TEXT NOT NULL,
    kind TEXT NOT NULL,
    summary TEXT NOT NULL,
    participants TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE INDEX communication_collaboration ON communication(collaboration_id, on_date);

-- Append-only: a department's feedback on the collaboration (反馈意见).
CREATE TABLE feedback (
    id TEXT PRIMARY KEY,
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    department_id TEXT NOT NULL REFERENCES department(id),
    on_date TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE INDEX feedback_collaboration ON feedback(collaboration_id, on_date);

-- Attachments are stored once per content hash; `attachment` rows name them.
CREATE TABLE attachment_blob (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    content BLOB NOT NULL
);
CREATE TABLE attachment (
    id TEXT PRIMARY KEY,
    collaboration_id TEXT REFERENCES collaboration(id),
    sha256 TEXT NOT NULL REFERENCES attachment_blob(sha256),
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);

-- Which document revision was printed with which content hash (signature tracking matches scans).
CREATE TABLE printed_document (
    id TEXT PRIMARY KEY,
    collaboration_id TEXT NOT NULL REFERENCES collaboration(id),
    document_kind TEXT NOT NULL,
    document_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE INDEX printed_document_hash ON printed_document(content_hash);

-- Working-day calendar: imported holiday-cn years and the user's own day overrides (which win).
CREATE TABLE calendar_import (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE UNIQUE INDEX calendar_import_year ON calendar_import(year) WHERE deleted_at IS NULL;
CREATE TABLE calendar_override (
    id TEXT PRIMARY KEY,
    date TEXT NOT NULL,
    is_working_day INTEGER NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, deleted_at TEXT
);
CREATE UNIQUE INDEX calendar_override_date ON calendar_override(date) WHERE deleted_at IS NULL;

-- The audit trail (书面留痕) and future sync outbox: one row per changed record, field-level
-- before/after, never updated or deleted.
CREATE TABLE change_log (
    id TEXT PRIMARY KEY,
    hlc TEXT NOT NULL,
    wall_time TEXT NOT NULL,
    actor_id TEXT,
    device_id TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    collaboration_id TEXT,
    op TEXT NOT NULL,
    changes TEXT NOT NULL
);
CREATE INDEX change_log_hlc ON change_log(hlc);
CREATE INDEX change_log_collaboration ON change_log(collaboration_id, hlc);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;

-- Full-text search over every text field. CJK text is indexed one character per token (separated
-- by U+200B), so that 1- and 2-character Chinese queries match as phrases; Latin words stay whole.
CREATE VIRTUAL TABLE search_index USING fts5(
    body,
    entity UNINDEXED,
    entity_id UNINDEXED,
    field UNINDEXED,
    collaboration_id UNINDEXED,
    tokenize = "unicode61 remove_diacritics 2 separators '​'"
);
CREATE TABLE search_row (
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field TEXT NOT NULL,
    fts_rowid INTEGER NOT NULL,
    PRIMARY KEY (entity, entity_id, field)
);
