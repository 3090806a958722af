//! Every word the documents print that is not record data, per language, in one table.
//!
//! Keeping the labels together (instead of scattered string literals) makes translation a
//! one-file job and lets a reviewer read a form's wording top to bottom.

use crate::flow::DatePart;
use crate::model::{Date, Kind, TaskStatus};

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "zh" | "zh-CN" | "zh_CN" => Some(Lang::Zh),
            "en" | "en-US" | "en_US" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The label table.
pub struct Labels {
    pub lang: Lang,
    pub kinds: [&'static str; 8],
    pub sep: &'static str,
    pub list_sep: &'static str,
    pub number: &'static str,
    pub revision_fmt: &'static str,
    pub page_fmt: &'static str,
    pub hash: &'static str,
    // Signatures and approvals.
    pub head_sign: &'static str,
    pub date_label: &'static str,
    pub date_blanks: &'static [DatePart],
    pub approve: [&'static str; 3],
    pub yes: &'static str,
    pub no: &'static str,
    // Request form.
    pub filled_on: &'static str,
    pub initiating_department: &'static str,
    pub applicant: &'static str,
    pub phone: &'static str,
    pub expected_completion: &'static str,
    pub collaborating_departments: &'static str,
    pub request_title: &'static str,
    pub background: &'static str,
    pub goal: &'static str,
    pub support: &'static str,
    pub milestones: &'static str,
    pub attachments: &'static str,
    pub approvals: &'static str,
    pub initiator_opinion: &'static str,
    pub collaborator_opinion: &'static str,
    pub request_note: &'static str,
    pub none: &'static str,
    // Meetings.
    pub meeting: &'static str,
    pub time: &'static str,
    pub place: &'static str,
    pub host: &'static str,
    pub recorder: &'static str,
    pub attendees: &'static str,
    pub division: &'static str,
    pub topics: &'static str,
    pub department: &'static str,
    pub responsibilities: &'static str,
    pub overall_goal: &'static str,
    pub milestone: &'static str,
    pub deliverable: &'static str,
    pub responsibility_matrix: &'static str,
    pub communication: &'static str,
    pub regular_meeting: &'static str,
    pub urgent_channel: &'static str,
    pub information_sync: &'static str,
    pub acceptance_criteria: &'static str,
    pub decisions: &'static str,
    pub signatures: &'static str,
    pub minutes_note: &'static str,
    // Tracking.
    pub period: &'static str,
    pub meeting_date: &'static str,
    pub tasks: &'static str,
    pub task_columns: [&'static str; 11],
    pub problems: &'static str,
    pub problem_columns: [&'static str; 5],
    pub statuses: [&'static str; 5],
    // Self-check and acceptance.
    pub submitter: &'static str,
    pub submitted_on: &'static str,
    pub check_columns: [&'static str; 5],
    pub conclusion: &'static str,
    pub submitter_sign: &'static str,
    pub reviewed_on: &'static str,
    pub round: &'static str,
    pub criteria_columns: [&'static str; 5],
    pub overall: &'static str,
    pub passed: &'static str,
    pub failed: &'static str,
    pub opinion: &'static str,
    pub rectifications: &'static str,
    pub rectification_columns: [&'static str; 4],
    pub reviewers: &'static str,
    // Letter.
    pub letter_body: &'static str,
    pub letter_thanks: &'static str,
    pub letter_closing: &'static str,
    pub letter_salutation_suffix: &'static str,
    pub seal: &'static str,
    pub letter_sign: &'static str,
    // Register.
    pub register_columns: [&'static str; 11],
}

pub const ZH: Labels = Labels {
    lang: Lang::Zh,
    kinds: ["协作需求申请表", "会议议程", "协作会议纪要", "进度跟踪表", "成果自检表", "验收意见表", "协作完成确认函", "沟通事项跟踪表"],
    sep: "：",
    list_sep: "、",
    number: "编号",
    revision_fmt: "第 {} 版",
    page_fmt: "第 {i} 页 / 共 {n} 页",
    hash: "摘要",
    head_sign: "负责人签字：",
    date_label: "日期：",
    date_blanks: &[DatePart::Blank(14.0), DatePart::Text("年"), DatePart::Blank(8.0), DatePart::Text("月"), DatePart::Blank(8.0), DatePart::Text("日")],
    approve: ["同意", "不同意", "补充材料后再议"],
    yes: "是",
    no: "否",
    filled_on: "填表日期",
    initiating_department: "申请部门",
    applicant: "申请人",
    phone: "联系电话",
    expected_completion: "期望完成",
    collaborating_departments: "协作部门",
    request_title: "需求标题",
    background: "需求背景",
    goal: "核心目标",
    support: "所需支持",
    milestones: "关键节点",
    attachments: "附件",
    approvals: "审批意见",
    initiator_opinion: "申请部门意见\n（{}）",
    collaborator_opinion: "协作部门意见\n（{}）",
    request_note: "说明：各协作部门须在收到本表后 2 个工作日内确认或提出调整意见。扫描右上角二维码可核验本表编号与内容摘要。",
    none: "无",
    meeting: "会议名称",
    time: "时间",
    place: "地点",
    host: "主持人",
    recorder: "记录人",
    attendees: "参会人员",
    division: "初步分工",
    topics: "讨论议题",
    department: "部门",
    responsibilities: "职责",
    overall_goal: "总体目标",
    milestone: "里程碑",
    deliverable: "交付物",
    responsibility_matrix: "职责分工",
    communication: "沟通机制",
    regular_meeting: "例会",
    urgent_channel: "紧急问题",
    information_sync: "信息同步",
    acceptance_criteria: "验收标准",
    decisions: "会议决议",
    signatures: "各方负责人签字",
    minutes_note: "本纪要经各方负责人签字后作为执行依据。",
    period: "统计周期",
    meeting_date: "例会日期",
    tasks: "任务进度",
    task_columns: ["序号", "任务编号", "任务名称", "负责部门", "负责人", "计划开始", "计划完成", "实际完成", "进度", "状态", "备注"],
    problems: "问题清单",
    problem_columns: ["序号", "问题描述", "责任人", "解决时限", "处理情况"],
    statuses: ["未开始", "进行中", "已完成", "受阻", "延期"],
    submitter: "提交人",
    submitted_on: "提交日期",
    check_columns: ["序号", "检查项", "标准", "结果", "说明"],
    conclusion: "自检结论",
    submitter_sign: "提交人签字：",
    reviewed_on: "验收日期",
    round: "验收轮次",
    criteria_columns: ["序号", "验收标准", "目标值", "实测值", "是否达标"],
    overall: "验收结论",
    passed: "通过",
    failed: "不通过",
    opinion: "验收意见",
    rectifications: "整改项及时限",
    rectification_columns: ["序号", "整改项", "责任人", "完成时限"],
    reviewers: "验收人签字",
    letter_body: "贵部门承接的“{subject}”协作事项（编号：{number}），已于{completed}按协作需求申请表约定的范围、标准和时限完成全部工作，经我部门组织验收，各项成果符合预期要求，现予以确认。",
    letter_thanks: "感谢贵部门在项目实施过程中给予的大力支持与密切配合。",
    letter_closing: "特此函告。",
    letter_salutation_suffix: "：",
    seal: "（盖章）",
    letter_sign: "负责人签字：",
    // The company's own headings; the engine owns them (the register view uses the same list).
    register_columns: xiezuo_engine::register::COLUMNS_ZH,
};

pub const EN: Labels = Labels {
    lang: Lang::En,
    kinds: ["Collaboration Request Form", "Meeting Agenda", "Collaboration Meeting Minutes", "Progress Tracking Table", "Deliverable Self-Check Form", "Acceptance Opinion Form", "Collaboration Completion Letter", "Communication Register"],
    sep: ": ",
    list_sep: ", ",
    number: "No.",
    revision_fmt: "Rev. {}",
    page_fmt: "Page {i} of {n}",
    hash: "Digest",
    head_sign: "Signature of head: ",
    date_label: "Date: ",
    date_blanks: &[DatePart::Blank(14.0), DatePart::Text(" / "), DatePart::Blank(8.0), DatePart::Text(" / "), DatePart::Blank(8.0)],
    approve: ["Agree", "Disagree", "Resubmit with more material"],
    yes: "Yes",
    no: "No",
    filled_on: "Filed on",
    initiating_department: "Department",
    applicant: "Applicant",
    phone: "Phone",
    expected_completion: "Due",
    collaborating_departments: "Partners",
    request_title: "Title",
    background: "Background",
    goal: "Core goal",
    support: "Support asked",
    milestones: "Milestones",
    attachments: "Attachments",
    approvals: "Approvals",
    initiator_opinion: "Initiator\n({})",
    collaborator_opinion: "Collaborator\n({})",
    request_note: "Each collaborating department confirms or proposes adjustments within 2 working days. Scan the QR code to verify this form's number and digest.",
    none: "None",
    meeting: "Meeting",
    time: "Time",
    place: "Place",
    host: "Host",
    recorder: "Recorder",
    attendees: "Attendees",
    division: "Draft division of work",
    topics: "Topics",
    department: "Department",
    responsibilities: "Responsibilities",
    overall_goal: "Overall goal",
    milestone: "Milestone",
    deliverable: "Deliverable",
    responsibility_matrix: "Responsibilities",
    communication: "Communication",
    regular_meeting: "Regular meeting",
    urgent_channel: "Urgent issues",
    information_sync: "Information sync",
    acceptance_criteria: "Acceptance criteria",
    decisions: "Decisions",
    signatures: "Signatures of department heads",
    minutes_note: "Once signed by every head, these minutes are the basis for execution.",
    period: "Period",
    meeting_date: "Meeting date",
    tasks: "Tasks",
    task_columns: ["#", "Task no.", "Task", "Department", "Owner", "Start", "Due", "Finished", "Prog.", "Status", "Note"],
    problems: "Problems",
    problem_columns: ["#", "Problem", "Owner", "Deadline", "Resolution"],
    statuses: ["Not started", "In progress", "Done", "Blocked", "Delayed"],
    submitter: "Submitted by",
    submitted_on: "Submitted on",
    check_columns: ["#", "Check item", "Criterion", "Result", "Note"],
    conclusion: "Conclusion",
    submitter_sign: "Signature of submitter: ",
    reviewed_on: "Reviewed on",
    round: "Review round",
    criteria_columns: ["#", "Criterion", "Target", "Measured", "Met"],
    overall: "Result",
    passed: "Passed",
    failed: "Failed",
    opinion: "Opinion",
    rectifications: "Rectification items and deadlines",
    rectification_columns: ["#", "Item", "Owner", "Deadline"],
    reviewers: "Reviewers' signatures",
    letter_body: "The collaboration “{subject}” (No. {number}) undertaken by your department was completed on {completed} within the scope, standards and time limits agreed in the request form. Our department has reviewed the results and confirms that they meet the expected requirements.",
    letter_thanks: "We thank your department for its strong support and close cooperation.",
    letter_closing: "Yours faithfully,",
    letter_salutation_suffix: ":",
    seal: " (seal)",
    letter_sign: "Signature of head: ",
    register_columns: xiezuo_engine::register::COLUMNS_EN,
};

pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

impl Labels {
    pub fn kind(&self, kind: Kind) -> &'static str {
        self.kinds[Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
    }

    pub fn revision(&self, rev: u32) -> String {
        self.revision_fmt.replace("{}", &rev.to_string())
    }

    pub fn page(&self, i: usize, n: usize) -> String {
        self.page_fmt.replace("{i}", &i.to_string()).replace("{n}", &n.to_string())
    }

    /// `label：` / `label: `
    pub fn field(&self, label: &str, value: &str) -> String {
        format!("{label}{}{value}", self.sep)
    }

    pub fn status(&self, s: TaskStatus) -> &'static str {
        let i = match s {
            TaskStatus::NotStarted => 0,
            TaskStatus::InProgress => 1,
            TaskStatus::Done => 2,
            TaskStatus::Blocked => 3,
            TaskStatus::Delayed => 4,
        };
        self.statuses[i]
    }

    pub fn yes_no(&self, b: bool) -> &'static str {
        if b {
            self.yes
        } else {
            self.no
        }
    }

    /// A date in running text: `2024年5月20日` / `20 May 2024`.
    pub fn date(&self, d: Date) -> String {
        match self.lang {
            Lang::Zh => format!("{}年{}月{}日", d.year, d.month, d.day),
            Lang::En => en_date(d),
        }
    }

    /// A formal date (letters): `二〇二六年十一月二十四日` / `24 November 2026`.
    pub fn formal_date(&self, d: Date) -> String {
        match self.lang {
            Lang::Zh => chinese_date(d),
            Lang::En => en_date(d),
        }
    }

    pub fn join(&self, items: &[String]) -> String {
        items.join(self.list_sep)
    }
}

fn en_date(d: Date) -> String {
    let month = MONTHS.get(d.month.saturating_sub(1) as usize).copied().unwrap_or("?");
    format!("{} {} {}", d.day, month, d.year)
}

/// `2026-11-24` → `二〇二六年十一月二十四日`.
pub fn chinese_date(d: Date) -> String {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let year: String = d.year.to_string().chars().map(|c| DIGITS[c.to_digit(10).unwrap_or(0) as usize]).collect();
    format!("{year}年{}月{}日", chinese_number(d.month), chinese_number(d.day))
}

/// 1–99 in Chinese: 五, 十, 十一, 二十, 二十四.
fn chinese_number(n: u32) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = (n / 10, n % 10);
    let mut s = String::new();
    if tens > 1 {
        s.push_str(DIGITS[tens as usize % 10]);
    }
    if tens > 0 {
        s.push('十');
    }
    if ones > 0 || tens == 0 {
        s.push_str(DIGITS[ones as usize]);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_dates() {
        assert_eq!(chinese_date(Date::new(2026, 11, 24)), "二〇二六年十一月二十四日");
        assert_eq!(chinese_date(Date::new(2024, 7, 10)), "二〇二四年七月十日");
        assert_eq!(chinese_date(Date::new(2025, 1, 1)), "二〇二五年一月一日");
        assert_eq!(chinese_date(Date::new(2030, 12, 31)), "二〇三〇年十二月三十一日");
    }

    #[test]
    fn register_has_the_eleven_columns() {
        assert_eq!(ZH.register_columns.len(), 11);
        assert_eq!(ZH.register_columns[3], "对接人（发起方/协作方）");
        assert_eq!(ZH.register_columns[6], "沟通记录（会议纪要/邮件摘要）");
    }
}
