//! The columns of every sheet Xiezuo writes and reads back, in one table per sheet: what each
//! column means, its heading in Chinese and English (plus headings people commonly type instead),
//! how wide it is and how its cells look. The exporter writes these headings and the importer
//! recognises a file by them, so the two cannot drift apart.

use xiezuo_engine::model::{Stage, TaskStatus};
use xiezuo_engine::register::{COLUMNS_EN, COLUMNS_ZH};
use xiezuo_forms::Lang;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Field {
    // The register (沟通事项跟踪表): the company's 11 columns, then what the template's text cannot carry.
    Number,
    InitiatingDepartment,
    Title,
    Contacts,
    BackgroundGoal,
    KeyDates,
    Communications,
    Progress,
    Feedback,
    Owner,
    Remarks,
    Stage,
    ExpectedCompletion,
    Partners,
    // A collaboration's tasks (进度跟踪表); they name the collaboration by `Number`.
    Department,
    Task,
    Responsible,
    Collaborators,
    Start,
    End,
    Deliverable,
    Status,
    Percent,
    StatusNote,
    StatusDate,
    // Its problems (export only).
    Position,
    Problem,
    ProblemOwner,
    Deadline,
    Resolution,
    ResolvedOn,
}

/// How a column's cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Look {
    Text,
    /// Long text, wrapped inside the column.
    Wrapped,
    Date,
    Number,
}

pub(crate) struct Column {
    pub field: Field,
    pub zh: &'static str,
    pub en: &'static str,
    /// Other headings that mean the same column (older templates, people's own words).
    pub aliases: &'static [&'static str],
    pub width: f64,
    pub look: Look,
}

impl Column {
    pub fn heading(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }

    /// Whether a header cell names this column (ignoring spaces, case and full-width brackets).
    pub fn is_named(&self, heading: &str) -> bool {
        let heading = normalise(heading);
        !heading.is_empty() && [self.zh, self.en].iter().chain(self.aliases).any(|name| normalise(name) == heading)
    }
}

fn normalise(heading: &str) -> String {
    heading
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            '％' => '%',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

const fn column(field: Field, zh: &'static str, en: &'static str, width: f64, look: Look) -> Column {
    Column { field, zh, en, aliases: &[], width, look }
}

const fn aliased(field: Field, zh: &'static str, en: &'static str, aliases: &'static [&'static str], width: f64, look: Look) -> Column {
    Column { field, zh, en, aliases, width, look }
}

/// The register: the 11 columns of the company's template (the engine owns their headings), then
/// the stage, the expected completion date and the collaborating departments with their contacts,
/// which the template's text does not carry and an import needs to rebuild the same row.
pub(crate) const REGISTER: [Column; 14] = [
    aliased(Field::Number, COLUMNS_ZH[0], COLUMNS_EN[0], &["编号", "Number"], 13.0, Look::Text),
    column(Field::InitiatingDepartment, COLUMNS_ZH[1], COLUMNS_EN[1], 12.0, Look::Text),
    column(Field::Title, COLUMNS_ZH[2], COLUMNS_EN[2], 22.0, Look::Wrapped),
    column(Field::Contacts, COLUMNS_ZH[3], COLUMNS_EN[3], 18.0, Look::Wrapped),
    column(Field::BackgroundGoal, COLUMNS_ZH[4], COLUMNS_EN[4], 36.0, Look::Wrapped),
    column(Field::KeyDates, COLUMNS_ZH[5], COLUMNS_EN[5], 30.0, Look::Wrapped),
    column(Field::Communications, COLUMNS_ZH[6], COLUMNS_EN[6], 40.0, Look::Wrapped),
    column(Field::Progress, COLUMNS_ZH[7], COLUMNS_EN[7], 22.0, Look::Wrapped),
    column(Field::Feedback, COLUMNS_ZH[8], COLUMNS_EN[8], 30.0, Look::Wrapped),
    column(Field::Owner, COLUMNS_ZH[9], COLUMNS_EN[9], 10.0, Look::Text),
    column(Field::Remarks, COLUMNS_ZH[10], COLUMNS_EN[10], 26.0, Look::Wrapped),
    column(Field::Stage, "阶段", "Stage", 14.0, Look::Text),
    aliased(Field::ExpectedCompletion, "期望完成日期", "Expected completion", &["期望完成"], 14.0, Look::Date),
    aliased(Field::Partners, "协作部门（对接人）", "Collaborating departments (contacts)", &["协作部门"], 24.0, Look::Wrapped),
];

/// A collaboration's tasks (进度跟踪表).
pub(crate) const TASKS: [Column; 12] = [
    aliased(Field::Number, COLUMNS_ZH[0], COLUMNS_EN[0], &["编号", "Number"], 13.0, Look::Text),
    aliased(Field::Department, "负责部门", "Department", &["部门"], 12.0, Look::Text),
    aliased(Field::Task, "任务名称", "Task", &["任务"], 28.0, Look::Wrapped),
    aliased(Field::Responsible, "责任人", "Responsible", &["负责人"], 10.0, Look::Text),
    column(Field::Collaborators, "协作人", "Collaborators", 16.0, Look::Wrapped),
    aliased(Field::Start, "计划开始", "Planned start", &["开始日期", "Start"], 12.0, Look::Date),
    aliased(Field::End, "计划完成", "Planned end", &["完成日期", "截止日期", "End", "Due"], 12.0, Look::Date),
    column(Field::Deliverable, "交付物", "Deliverable", 20.0, Look::Wrapped),
    column(Field::Status, "状态", "Status", 10.0, Look::Text),
    aliased(Field::Percent, "进度（%）", "Progress (%)", &["进度", "Progress"], 10.0, Look::Number),
    aliased(Field::StatusNote, "最新进展", "Latest status", &["进展说明"], 36.0, Look::Wrapped),
    aliased(Field::StatusDate, "更新日期", "Status date", &["进展日期"], 12.0, Look::Date),
];

/// A collaboration's problems (问题清单), written beside its tasks.
pub(crate) const PROBLEMS: [Column; 6] = [
    column(Field::Position, "序号", "#", 6.0, Look::Number),
    column(Field::Problem, "问题描述", "Problem", 40.0, Look::Wrapped),
    column(Field::ProblemOwner, "责任人", "Owner", 10.0, Look::Text),
    column(Field::Deadline, "解决时限", "Deadline", 12.0, Look::Date),
    column(Field::Resolution, "处理情况", "Resolution", 36.0, Look::Wrapped),
    column(Field::ResolvedOn, "解决日期", "Resolved on", 12.0, Look::Date),
];

/// The columns a sheet must have to be read as a register or as a task list.
pub(crate) const REGISTER_REQUIRED: [Field; 3] = [Field::Number, Field::InitiatingDepartment, Field::Title];
pub(crate) const TASKS_REQUIRED: [Field; 6] = [Field::Number, Field::Department, Field::Task, Field::Responsible, Field::Start, Field::End];

/// English stage names, as the desktop shows them.
fn stage_en(stage: Stage) -> &'static str {
    match stage {
        Stage::Draft => "Draft",
        Stage::Confirming => "Awaiting confirmation",
        Stage::Revising => "Revising",
        Stage::Kickoff => "Awaiting kickoff",
        Stage::Executing => "In execution",
        Stage::Accepting => "Acceptance",
        Stage::Completed => "Completed",
        Stage::Archived => "Archived",
    }
}

fn status_en(status: TaskStatus) -> &'static str {
    match status {
        TaskStatus::NotStarted => "Not started",
        TaskStatus::InProgress => "In progress",
        TaskStatus::Done => "Done",
        TaskStatus::Blocked => "Blocked",
    }
}

pub(crate) fn stage_label(stage: Stage, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => stage.label_zh(),
        Lang::En => stage_en(stage),
    }
}

pub(crate) fn status_label(status: TaskStatus, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => status.label_zh(),
        Lang::En => status_en(status),
    }
}

/// A stage from its Chinese or English label or its code.
pub(crate) fn parse_stage(text: &str) -> Option<Stage> {
    let text = text.trim();
    Stage::ALL.iter().copied().find(|s| s.label_zh() == text || s.code() == text || stage_en(*s).eq_ignore_ascii_case(text))
}

/// A task status from its Chinese or English label or its code.
pub(crate) fn parse_status(text: &str) -> Option<TaskStatus> {
    let text = text.trim();
    TaskStatus::ALL.iter().copied().find(|s| s.label_zh() == text || s.code() == text || status_en(*s).eq_ignore_ascii_case(text))
}

/// `A`, `B`, … `Z`, `AA`, … for a 0-based column index, as Excel names columns.
pub(crate) fn column_letter(index: u32) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_match_loosely_and_letters_follow_excel() {
        assert!(REGISTER[3].is_named("对接人(发起方/协作方)"));
        assert!(REGISTER[3].is_named(" contacts (initiator / collaborators) "));
        assert!(!REGISTER[3].is_named(""));
        assert!(TASKS[9].is_named("进度(%)"));
        assert_eq!([column_letter(0), column_letter(25), column_letter(26), column_letter(701)], ["A", "Z", "AA", "ZZ"]);
        assert_eq!(parse_stage("执行跟踪"), Some(Stage::Executing));
        assert_eq!(parse_stage("in execution"), Some(Stage::Executing));
        assert_eq!(parse_status("受阻"), Some(TaskStatus::Blocked));
    }
}
