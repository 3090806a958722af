//! The demo data: the two example rows of the company's register (X市场部 新产品上市推广 and
//! X人力资源部 年度培训计划落地) as complete collaborations at their current stages.
//!
//! The demo is loaded through the ordinary engine operations, with the clock set to the moment
//! each step happened, so its change log, due dates and signatures are exactly what real use
//! would have produced. Loading is idempotent: a database that already has the demo is left alone.

use crate::clock::{china_offset, Clock, FixedClock};
use crate::collaboration::{DepartmentAsk, MilestoneInput, NewCollaboration, NotesPatch};
use crate::communication::{CommunicationInput, FeedbackInput};
use crate::error::Result;
use crate::feasibility::AnswerInput;
use crate::meeting::{CommunicationMechanism, MeetingInput, MinutesInput, ResponsibilityInput, SignatureInput};
use crate::model::{CommunicationKind, FeasibilityAnswer, MeetingKind, SupportKind, TaskStatus};
use crate::org::{DepartmentInput, DepartmentPatch, OrgSettingsPatch, PersonInput};
use crate::store::Engine;
use crate::task::{StatusInput, TaskInput};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use std::sync::Arc;

/// What `load` did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub enum DemoOutcome {
    Loaded { numbers: Vec<String> },
    AlreadyPresent,
}

const DEPARTMENTS: &[(&str, &[(&str, &str)])] = &[
    ("市场部", &[("王磊", "经理"), ("陈静", "主管")]),
    ("销售部", &[("李娜", "总监"), ("赵强", "主管")]),
    ("研发部", &[("张伟", "总监"), ("刘洋", "经理")]),
    ("人力资源部", &[("孙丽", "总监"), ("郑凯", "培训主管")]),
    ("财务部", &[("周敏", "经理")]),
    ("测试部", &[("吴刚", "经理")]),
];

fn at(date: &str, time: &str) -> DateTime<Utc> {
    let naive = chrono::NaiveDateTime::parse_from_str(&format!("{date} {time}"), "%Y-%m-%d %H:%M").expect("demo timestamps are valid");
    china_offset().from_local_datetime(&naive).single().expect("fixed offset").with_timezone(&Utc)
}

fn day(date: &str) -> NaiveDate {
    date.parse().expect("demo dates are valid")
}

fn s(text: &str) -> String {
    text.to_string()
}

impl Engine {
    /// Loads the demo data unless it is already there.
    pub fn load_demo(&mut self) -> Result<DemoOutcome> {
        let present: bool = self.conn.query_row(
            "SELECT count(*) > 0 FROM collaboration WHERE title IN ('新产品上市推广', '年度培训计划落地') AND deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?;
        if present {
            return Ok(DemoOutcome::AlreadyPresent);
        }
        let clock = FixedClock::new(at("2026-09-25", "09:00"));
        let real_clock = std::mem::replace(&mut self.clock, clock.clone() as Arc<dyn Clock>);
        // The demo's records are written as 王磊 of 市场部. Who uses this installation is still to
        // be asked (the desktop's first launch does), so a "me" set only for loading is cleared.
        let borrowed_me = self.me()?.is_none();
        let result = self.load_demo_records(&clock, borrowed_me);
        if borrowed_me {
            self.clear_local("me")?;
        }
        self.clock = real_clock;
        result.map(|numbers| DemoOutcome::Loaded { numbers })
    }

    fn load_demo_records(&mut self, clock: &FixedClock, act_as_demo_person: bool) -> Result<Vec<String>> {
        if self.org_settings()?.name.is_empty() {
            self.update_org_settings(OrgSettingsPatch { name: Some(s("X公司")), ..Default::default() })?;
        }
        for (department, people) in DEPARTMENTS {
            if self.resolve("department", department).is_err() {
                self.add_department(DepartmentInput { name: s(department), ..Default::default() })?;
            }
            for (i, (name, title)) in people.iter().enumerate() {
                if self.resolve("person", name).is_err() {
                    self.add_person(PersonInput {
                        name: s(name),
                        department: Some(s(department)),
                        title: Some(s(title)),
                        phone: Some(format!("0571-8800{:04}", name.chars().map(|c| c as u32).sum::<u32>() % 10_000)),
                        email: None,
                    })?;
                }
                let patch = DepartmentPatch {
                    department: s(department),
                    head: (i == 0).then(|| s(name)),
                    default_contact: (i == people.len() - 1).then(|| s(name)),
                    ..Default::default()
                };
                self.update_department(patch)?;
            }
        }
        if act_as_demo_person {
            self.set_me("王磊")?;
        }
        let launch = self.demo_product_launch(clock)?;
        let training = self.demo_training_plan(clock)?;
        Ok(vec![launch, training])
    }

    /// X市场部 新产品上市推广: in execution, research stage, waiting for the sales data.
    fn demo_product_launch(&mut self, clock: &FixedClock) -> Result<String> {
        clock.set(at("2026-09-28", "09:30"));
        let created = self.create_collaboration(NewCollaboration {
            title: s("新产品上市推广"),
            initiating_department: s("市场部"),
            initiator_contact: Some(s("王磊")),
            owner: Some(s("王磊")),
            background: s("联合推进Q4新产品上市"),
            goal: s("3个月内市场份额提升15%"),
            expected_completion: Some(day("2026-12-31")),
            remarks: s("待销售部补充数据后召开方案评审会"),
            departments: vec![DepartmentAsk {
                department: s("销售部"),
                support_kinds: vec![SupportKind::Data, SupportKind::Resources],
                support_text: s("提供10月前30天客户反馈数据，配合渠道推广活动"),
                contact: Some(s("赵强")),
            }],
            milestones: vec![
                MilestoneInput { name: s("用户调研完成"), due_date: day("2026-10-15") },
                MilestoneInput { name: s("推广方案定稿"), due_date: day("2026-11-10") },
                MilestoneInput { name: s("活动上线"), due_date: day("2026-12-01") },
            ],
        })?;
        let id = created.id.clone();
        self.send_request(&id)?;
        self.record_demo_signature(&id, "request", "2026-09-28")?;
        clock.set(at("2026-09-29", "15:10"));
        self.answer_feasibility(AnswerInput {
            collaboration: id.clone(),
            department: s("销售部"),
            answer: FeasibilityAnswer::Confirm,
            contact: Some(s("赵强")),
            note: None,
            by: Some(s("李娜")),
        })?;
        clock.set(at("2026-09-30", "10:00"));
        let kickoff = self.schedule_meeting(MeetingInput {
            collaboration: id.clone(),
            kind: MeetingKind::Kickoff,
            title: Some(s("新产品上市推广启动会")),
            starts_at: at("2026-10-08", "14:00"),
            ends_at: at("2026-10-08", "16:00"),
            place: s("3楼第一会议室"),
            attendees: vec![s("王磊"), s("陈静"), s("李娜"), s("赵强")],
            agenda: vec![
                s("需求背景：Q4新产品上市推广"),
                s("初步分工：市场部负责调研与方案，销售部提供客户数据与渠道支持"),
                s("议题：客户反馈数据范围与提交时间"),
            ],
        })?;
        clock.set(at("2026-10-08", "17:30"));
        self.save_minutes(MinutesInput {
            meeting: kickoff.clone(),
            goal: Some(s("Q4完成新产品上市推广，3个月内市场份额提升15%")),
            milestones: None,
            responsibilities: Some(vec![
                ResponsibilityInput {
                    department: s("市场部"), items: vec![s("用户画像分析"), s("推广方案制定与活动执行")]
                },
                ResponsibilityInput {
                    department: s("销售部"), items: vec![s("提供10月前30天客户反馈"), s("渠道推广配合")]
                },
            ]),
            communication: Some(CommunicationMechanism {
                weekly_meeting: s("每周一 10:00 推进会"),
                urgent_channel: s("协作群内@负责人，2小时内响应"),
                sync_method: s("共享文档每日更新任务状态"),
            }),
            decisions: Some(vec![s("销售部10月12日前提交近30天客户反馈")]),
            acceptance_criteria: Some(vec![s("推广方案经双方负责人评审通过"), s("活动上线后3个月市场份额提升≥15%")]),
            summary: Some(s("明确销售部需提供10月前30天客户反馈，10月12日前提交")),
        })?;
        self.issue_minutes(&kickoff)?;
        clock.set(at("2026-10-09", "09:00"));
        self.record_demo_signature(&id, "minutes", "2026-10-09")?;
        let feedback_task = self.add_task(TaskInput {
            collaboration: id.clone(),
            department: s("销售部"),
            title: s("整理10月前30天客户反馈"),
            responsible: s("赵强"),
            collaborators: vec![],
            start_date: day("2026-10-08"),
            end_date: day("2026-10-12"),
            deliverable: s("客户反馈数据表"),
        })?;
        let research_task = self.add_task(TaskInput {
            collaboration: id.clone(),
            department: s("市场部"),
            title: s("用户调研与画像分析"),
            responsible: s("陈静"),
            collaborators: vec![s("赵强")],
            start_date: day("2026-10-09"),
            end_date: day("2026-10-15"),
            deliverable: s("用户画像报告"),
        })?;
        self.add_task(TaskInput {
            collaboration: id.clone(),
            department: s("市场部"),
            title: s("推广方案编制"),
            responsible: s("王磊"),
            collaborators: vec![s("陈静")],
            start_date: day("2026-10-16"),
            end_date: day("2026-11-10"),
            deliverable: s("推广方案"),
        })?;
        clock.set(at("2026-10-12", "18:00"));
        self.post_status(StatusInput {
            task: feedback_task,
            status: TaskStatus::InProgress,
            progress: Some(60),
            note: Some(s("已收集华东、华南区域反馈，其余区域收集中")),
            on_date: None,
            by: None,
        })?;
        self.post_status(StatusInput {
            task: research_task,
            status: TaskStatus::InProgress,
            progress: Some(40),
            note: Some(s("问卷已回收312份，等待销售部客户数据")),
            on_date: None,
            by: None,
        })?;
        clock.set(at("2026-10-13", "10:00"));
        self.add_feedback(FeedbackInput {
            collaboration: id.clone(),
            department: s("销售部"),
            text: s("客户反馈需细化“购买偏好”维度"),
            on_date: None,
        })?;
        self.update_notes(NotesPatch {
            collaboration: id.clone(),
            progress_note: Some(s("调研阶段（销售部数据收集中）")),
            ..Default::default()
        })?;
        Ok(created.number)
    }

    /// X人力资源部 年度培训计划落地: in execution, collecting training needs.
    fn demo_training_plan(&mut self, clock: &FixedClock) -> Result<String> {
        clock.set(at("2026-09-29", "09:00"));
        let created = self.create_collaboration(NewCollaboration {
            title: s("年度培训计划落地"),
            initiating_department: s("人力资源部"),
            initiator_contact: Some(s("孙丽")),
            owner: Some(s("孙丽")),
            background: s("协同各部门完成年度技能培训"),
            goal: s("覆盖80%员工，平均满意度≥85分"),
            expected_completion: Some(day("2026-12-15")),
            remarks: s("已联系2家培训机构，待确认课程匹配度"),
            departments: vec![DepartmentAsk {
                department: s("研发部"),
                support_kinds: vec![SupportKind::Data, SupportKind::Other],
                support_text: s("汇总研发人员技能培训需求，推荐内部讲师"),
                contact: Some(s("刘洋")),
            }],
            milestones: vec![
                MilestoneInput { name: s("培训需求汇总"), due_date: day("2026-10-20") },
                MilestoneInput { name: s("课程清单确认"), due_date: day("2026-11-05") },
                MilestoneInput { name: s("培训完成"), due_date: day("2026-12-15") },
            ],
        })?;
        let id = created.id.clone();
        self.send_request(&id)?;
        self.record_demo_signature(&id, "request", "2026-09-29")?;
        clock.set(at("2026-09-30", "11:00"));
        self.answer_feasibility(AnswerInput {
            collaboration: id.clone(),
            department: s("研发部"),
            answer: FeasibilityAnswer::Confirm,
            contact: Some(s("刘洋")),
            note: None,
            by: Some(s("张伟")),
        })?;
        let kickoff = self.schedule_meeting(MeetingInput {
            collaboration: id.clone(),
            kind: MeetingKind::Kickoff,
            title: Some(s("年度培训计划启动会")),
            starts_at: at("2026-10-09", "10:00"),
            ends_at: at("2026-10-09", "11:30"),
            place: s("5楼培训室"),
            attendees: vec![s("孙丽"), s("郑凯"), s("张伟"), s("刘洋")],
            agenda: vec![
                s("需求背景：年度技能培训覆盖80%员工"),
                s("初步分工：人力资源部统筹，研发部汇总技术类需求"),
                s("议题：培训形式与讲师来源"),
            ],
        })?;
        clock.set(at("2026-10-09", "15:00"));
        self.save_minutes(MinutesInput {
            meeting: kickoff.clone(),
            goal: Some(s("年内完成年度技能培训，覆盖80%员工，平均满意度≥85分")),
            milestones: None,
            responsibilities: Some(vec![
                ResponsibilityInput {
                    department: s("人力资源部"), items: vec![s("培训需求汇总与课程设计"), s("培训机构对接与组织实施")]
                },
                ResponsibilityInput { department: s("研发部"), items: vec![s("技术类培训需求提报"), s("内部讲师推荐")] },
            ]),
            communication: Some(CommunicationMechanism {
                weekly_meeting: s("每周三 15:00 推进会"),
                urgent_channel: s("电话联系对接人"),
                sync_method: s("邮件周报"),
            }),
            decisions: Some(vec![s("10月20日前完成各部门需求汇总")]),
            acceptance_criteria: Some(vec![s("培训覆盖率≥80%"), s("平均满意度≥85分")]),
            summary: Some(s("明确培训需求汇总口径与时间")),
        })?;
        self.issue_minutes(&kickoff)?;
        clock.set(at("2026-10-10", "09:30"));
        self.record_demo_signature(&id, "minutes", "2026-10-10")?;
        let collect = self.add_task(TaskInput {
            collaboration: id.clone(),
            department: s("人力资源部"),
            title: s("汇总各部门培训需求"),
            responsible: s("郑凯"),
            collaborators: vec![s("刘洋")],
            start_date: day("2026-10-09"),
            end_date: day("2026-10-20"),
            deliverable: s("培训需求汇总表"),
        })?;
        let tech = self.add_task(TaskInput {
            collaboration: id.clone(),
            department: s("研发部"),
            title: s("提交技术类培训需求"),
            responsible: s("刘洋"),
            collaborators: vec![],
            start_date: day("2026-10-09"),
            end_date: day("2026-10-16"),
            deliverable: s("技术类培训需求清单"),
        })?;
        clock.set(at("2026-10-12", "17:00"));
        self.post_status(StatusInput {
            task: tech,
            status: TaskStatus::Done,
            progress: None,
            note: Some(s("需求清单已邮件提交，建议增加实操案例")),
            on_date: None,
            by: None,
        })?;
        self.post_status(StatusInput {
            task: collect,
            status: TaskStatus::InProgress,
            progress: Some(50),
            note: Some(s("研发部反馈已接收，其余部门汇总中")),
            on_date: None,
            by: None,
        })?;
        self.add_communication(CommunicationInput {
            collaboration: id.clone(),
            kind: CommunicationKind::Email,
            summary: s("研发部提出“技术类培训需增加实操案例”"),
            on_date: None,
            participants: vec![s("刘洋"), s("郑凯")],
        })?;
        self.add_feedback(FeedbackInput {
            collaboration: id.clone(),
            department: s("研发部"),
            text: s("建议增加外部讲师资源"),
            on_date: None,
        })?;
        self.update_notes(NotesPatch {
            collaboration: id.clone(),
            progress_note: Some(s("需求汇总阶段（研发部反馈已接收）")),
            ..Default::default()
        })?;
        Ok(created.number)
    }

    /// Marks the latest signature slots of a document kind as signed (the heads signed on paper).
    fn record_demo_signature(&mut self, collaboration: &str, kind: &str, signed_on: &str) -> Result<()> {
        let ids: Vec<String> = {
            let mut stmt =
                self.conn.prepare("SELECT id FROM signature WHERE collaboration_id = ?1 AND document_kind = ?2 AND signed_on IS NULL")?;
            let rows = stmt.query_map([collaboration, kind], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for id in ids {
            self.record_signature(SignatureInput { signature: id, signed_on: day(signed_on), scan_attachment: None })?;
        }
        Ok(())
    }
}
