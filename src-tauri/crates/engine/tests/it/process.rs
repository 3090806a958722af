//! Whole collaborations walked through every stage: the two demo collaborations from where the
//! demo leaves them, and a third one from request to archive with an objection and a revision
//! round, a gap and an overlap in the minutes, a rejected and an approved change request, a failed
//! review with rectification and resubmission, archiving and reopening.

use crate::support::{at, day, demo, Ctx};
use xiezuo_engine::acceptance::{
    Criterion, DeliverableInput, LetterInput, RectificationInput, ResubmitInput, ReviewInput, ReviewResult, SelfCheckItem,
};
use xiezuo_engine::change::{ChangeDecisionInput, ChangeRequestInput, MilestoneChange, PlanChanges, TaskChange};
use xiezuo_engine::collaboration::{DepartmentAsk, MilestoneInput, NewCollaboration, RequestPatch};
use xiezuo_engine::feasibility::AnswerInput;
use xiezuo_engine::meeting::{CommunicationMechanism, MeetingInput, MinutesInput, ResponsibilityInput, SignatureInput};
use xiezuo_engine::model::{ChangeStatus, Decision, FeasibilityAnswer, MeetingKind, Stage, SupportKind, TaskStatus};
use xiezuo_engine::risk::{ProblemInput, RiskInput};
use xiezuo_engine::task::{StatusInput, TaskInput};

fn s(text: &str) -> String {
    text.to_string()
}

fn stage(ctx: &Ctx, number: &str) -> Stage {
    ctx.engine.dossier(number).unwrap().stage
}

pub fn self_check() -> Vec<SelfCheckItem> {
    vec![
        SelfCheckItem { item: s("功能完整"), complete: true, quality_ok: true, note: s("") },
        SelfCheckItem { item: s("文档齐全"), complete: true, quality_ok: true, note: s("附操作手册") },
    ]
}

fn criterion(name: &str, passed: bool) -> Criterion {
    Criterion { name: s(name), target: s("≥95%"), measured: s(if passed { "97%" } else { "88%" }), passed }
}

pub fn answer(collaboration: &str, department: &str, answer: FeasibilityAnswer, note: Option<&str>) -> AnswerInput {
    AnswerInput { collaboration: s(collaboration), department: s(department), answer, contact: None, note: note.map(s), by: None }
}

/// What 研发部 asks of 市场部 (data) and 测试部 (acceptance, worded as given).
fn asks(testing: &str) -> Vec<DepartmentAsk> {
    vec![
        DepartmentAsk {
            department: s("市场部"),
            support_kinds: vec![SupportKind::Data],
            support_text: s("提供用户画像与常见问题数据"),
            contact: Some(s("陈静")),
        },
        DepartmentAsk { department: s("测试部"), support_kinds: vec![SupportKind::Approval], support_text: s(testing), contact: None },
    ]
}

/// Creates the third collaboration: 研发部 asks 市场部 and 测试部 for support.
pub fn create_third(ctx: &mut Ctx) -> String {
    ctx.engine
        .create_collaboration(NewCollaboration {
            title: s("智能客服系统开发"),
            initiating_department: s("研发部"),
            initiator_contact: Some(s("刘洋")),
            owner: Some(s("张伟")),
            background: s("客服咨询量增长，人工响应不及时"),
            goal: s("上线智能客服，自动应答率达到60%"),
            expected_completion: Some(day("2027-03-31")),
            remarks: s(""),
            departments: asks("制定验收标准并执行验收测试"),
            milestones: vec![MilestoneInput { name: s("方案评审"), due_date: day("2026-12-18") }],
        })
        .unwrap()
        .number
}

/// Brings the third collaboration through confirmation (with one objection) and the kickoff.
pub fn third_in_execution(ctx: &mut Ctx) -> (String, String) {
    let number = create_third(ctx);
    ctx.engine.send_request(&number).unwrap();
    ctx.engine.answer_feasibility(answer(&number, "市场部", FeasibilityAnswer::Confirm, None)).unwrap();
    ctx.engine.answer_feasibility(answer(&number, "测试部", FeasibilityAnswer::Object, Some("验收标准需提前两周确定"))).unwrap();
    ctx.engine
        .update_request(RequestPatch {
            collaboration: number.clone(),
            departments: Some(asks("12月4日前确定验收标准，并执行验收测试")),
            ..Default::default()
        })
        .unwrap();
    ctx.engine.send_request(&number).unwrap();
    ctx.engine.answer_feasibility(answer(&number, "市场部", FeasibilityAnswer::Confirm, None)).unwrap();
    ctx.engine.answer_feasibility(answer(&number, "测试部", FeasibilityAnswer::Confirm, None)).unwrap();
    let meeting = ctx.engine.schedule_meeting(kickoff_meeting(&number)).unwrap();
    ctx.engine.save_minutes(full_minutes(&meeting)).unwrap();
    ctx.engine.issue_minutes(&meeting).unwrap();
    (number, meeting)
}

/// The third collaboration's kickoff on Thursday 2026-11-26.
pub fn kickoff_meeting(number: &str) -> MeetingInput {
    MeetingInput {
        collaboration: s(number),
        kind: MeetingKind::Kickoff,
        title: None,
        starts_at: at("2026-11-26 10:00"),
        ends_at: at("2026-11-26 12:00"),
        place: s("研发楼201"),
        attendees: vec![s("张伟"), s("陈静"), s("吴刚")],
        agenda: vec![s("需求背景"), s("初步分工框架"), s("验收标准讨论")],
    }
}

pub fn full_minutes(meeting: &str) -> MinutesInput {
    MinutesInput {
        meeting: s(meeting),
        goal: Some(s("2027年一季度上线智能客服")),
        milestones: Some(vec![
            MilestoneInput { name: s("需求调研完成"), due_date: day("2026-12-11") },
            MilestoneInput { name: s("交付上线"), due_date: day("2027-03-31") },
        ]),
        responsibilities: Some(vec![
            ResponsibilityInput { department: s("研发部"), items: vec![s("功能开发")] },
            ResponsibilityInput { department: s("市场部"), items: vec![s("用户画像分析")] },
            ResponsibilityInput { department: s("测试部"), items: vec![s("验收标准制定")] },
        ]),
        communication: Some(CommunicationMechanism {
            weekly_meeting: s("每周二10:00"),
            urgent_channel: s("电话"),
            sync_method: s("共享文档"),
        }),
        decisions: Some(vec![s("测试部12月4日前提交验收标准")]),
        acceptance_criteria: Some(vec![s("功能模块覆盖率≥95%"), s("用户满意度≥90分")]),
        summary: Some(s("明确分工与验收标准时间")),
    }
}

#[test]
fn third_collaboration_walks_every_stage() {
    let mut ctx = demo();
    let number = create_third(&mut ctx);
    assert_eq!(number, "XZ-2026-003");
    assert_eq!(stage(&ctx, &number), Stage::Draft);

    // Step 1: send, one confirmation, one objection → revising; revise and resend → round 2.
    assert_eq!(ctx.engine.send_request(&number).unwrap(), 1);
    let dossier = ctx.engine.dossier(&number).unwrap();
    assert_eq!(dossier.stage, Stage::Confirming);
    assert!(dossier.feasibility.iter().all(|f| f["due_date"] == "2026-11-26"), "Tue + 2 working days");
    assert_eq!(ctx.engine.answer_feasibility(answer(&number, "市场部", FeasibilityAnswer::Confirm, None)).unwrap(), Stage::Confirming);
    assert_eq!(
        ctx.engine.answer_feasibility(answer(&number, "测试部", FeasibilityAnswer::Object, Some("验收标准需提前两周确定"))).unwrap(),
        Stage::Revising
    );
    ctx.engine
        .update_request(RequestPatch {
            collaboration: number.clone(),
            goal: Some(s("上线智能客服，自动应答率达到60%，满意度≥90分")),
            ..Default::default()
        })
        .unwrap();
    ctx.set_now("2026-11-25 10:00");
    assert_eq!(ctx.engine.send_request(&number).unwrap(), 2);
    assert_eq!(ctx.engine.answer_feasibility(answer(&number, "测试部", FeasibilityAnswer::Confirm, None)).unwrap(), Stage::Confirming);
    assert_eq!(ctx.engine.answer_feasibility(answer(&number, "市场部", FeasibilityAnswer::Confirm, None)).unwrap(), Stage::Kickoff);
    let dossier = ctx.engine.dossier(&number).unwrap();
    assert_eq!(dossier.feasibility.len(), 4, "both rounds stay on record");
    assert_eq!(
        dossier.departments.iter().find(|d| d["department"] == "测试部").unwrap()["contact"],
        "吴刚",
        "default contact named on confirmation"
    );

    // Step 2: kickoff; minutes with a gap, then an overlap, then complete.
    let meeting = ctx.engine.schedule_meeting(kickoff_meeting(&number)).unwrap();
    let mut minutes = full_minutes(&meeting);
    minutes.responsibilities = Some(vec![
        ResponsibilityInput { department: s("研发部"), items: vec![s("功能开发")] },
        ResponsibilityInput { department: s("市场部"), items: vec![s("用户画像分析")] },
    ]);
    let check = ctx.engine.save_minutes(minutes).unwrap();
    assert_eq!(check.gaps, vec![s("测试部")]);
    ctx.set_now("2026-11-26 15:00");
    ctx.engine.save_minutes(full_minutes(&meeting)).unwrap();
    assert_eq!(ctx.engine.issue_minutes(&meeting).unwrap(), 1);
    assert_eq!(stage(&ctx, &number), Stage::Executing);
    let dossier = ctx.engine.dossier(&number).unwrap();
    let minute_signatures: Vec<_> = dossier.signatures.iter().filter(|s| s["document_kind"] == "minutes").collect();
    assert_eq!(minute_signatures.len(), 3, "one signature per participating department head");
    for signature in minute_signatures {
        let id = signature["id"].as_str().unwrap().to_string();
        ctx.engine.record_signature(SignatureInput { signature: id, signed_on: day("2026-11-26"), scan_attachment: None }).unwrap();
    }

    // Step 3: tasks, statuses, a problem, a risk, change requests.
    let dev_task = ctx
        .engine
        .add_task(TaskInput {
            collaboration: number.clone(),
            department: s("研发部"),
            title: s("对话引擎开发"),
            responsible: s("刘洋"),
            collaborators: vec![s("张伟")],
            start_date: day("2026-11-27"),
            end_date: day("2027-02-26"),
            deliverable: s("智能客服系统"),
        })
        .unwrap();
    ctx.set_now("2026-11-27 18:00");
    ctx.engine
        .post_status(StatusInput {
            task: dev_task.clone(),
            status: TaskStatus::Blocked,
            progress: Some(5),
            note: Some(s("等待常见问题数据")),
            on_date: None,
            by: None,
        })
        .unwrap();
    ctx.engine
        .add_problem(ProblemInput {
            collaboration: number.clone(),
            meeting: Some(meeting.clone()),
            description: s("常见问题数据未提供"),
            owner: s("陈静"),
            deadline: day("2026-12-02"),
        })
        .unwrap();
    let risk = ctx
        .engine
        .raise_risk(RiskInput {
            collaboration: number.clone(),
            title: s("数据延迟"),
            description: s(""),
            impact: s("可能推迟调研节点"),
            raised_by: Some(s("刘洋")),
            escalate: true,
        })
        .unwrap();
    ctx.engine.decide_risk(&risk, "市场部优先提供前100个高频问题", true).unwrap();
    ctx.engine
        .post_status(StatusInput {
            task: dev_task.clone(),
            status: TaskStatus::InProgress,
            progress: Some(10),
            note: None,
            on_date: None,
            by: None,
        })
        .unwrap();

    let milestone = ctx.id(&format!(
        "SELECT m.id FROM milestone m JOIN collaboration c ON c.id = m.collaboration_id WHERE c.number = '{number}' AND m.name = '需求调研完成' AND m.deleted_at IS NULL"
    ));
    let change = |title: &str| ChangeRequestInput {
        collaboration: number.clone(),
        title: s(title),
        reason: s("数据提供延迟一周"),
        changes: PlanChanges {
            milestones: vec![MilestoneChange { milestone: Some(milestone.clone()), name: None, due_date: day("2026-12-18") }],
            tasks: vec![TaskChange { task: dev_task.clone(), start_date: None, end_date: Some(day("2027-03-05")), responsible: None }],
        },
        by: Some(s("张伟")),
    };
    let rejected = ctx.engine.open_change_request(change("调研节点顺延")).unwrap();
    let decide = |cr: &str, department: &str, decision: Decision| ChangeDecisionInput {
        change_request: s(cr),
        department: s(department),
        decision,
        comment: (decision == Decision::Reject).then(|| s("顺延影响上线档期")),
        by: None,
    };
    assert_eq!(ctx.engine.decide_change_request(decide(&rejected, "研发部", Decision::Approve)).unwrap(), ChangeStatus::Pending);
    assert_eq!(ctx.engine.decide_change_request(decide(&rejected, "市场部", Decision::Reject)).unwrap(), ChangeStatus::Rejected);
    assert_eq!(
        ctx.text(&format!("SELECT due_date FROM milestone WHERE id = '{milestone}'")),
        "2026-12-11",
        "a rejected change changes nothing"
    );

    let approved = ctx.engine.open_change_request(change("调研节点顺延（第二次）")).unwrap();
    for department in ["研发部", "市场部"] {
        assert_eq!(ctx.engine.decide_change_request(decide(&approved, department, Decision::Approve)).unwrap(), ChangeStatus::Pending);
    }
    assert_eq!(ctx.engine.decide_change_request(decide(&approved, "测试部", Decision::Approve)).unwrap(), ChangeStatus::Approved);
    assert_eq!(ctx.text(&format!("SELECT due_date FROM milestone WHERE id = '{milestone}'")), "2026-12-18");
    assert_eq!(ctx.text(&format!("SELECT end_date FROM task WHERE id = '{dev_task}'")), "2027-03-05");
    let baseline: serde_json::Value =
        serde_json::from_str(&ctx.text(&format!("SELECT baseline FROM change_request WHERE id = '{approved}'"))).unwrap();
    assert!(baseline["milestones"].as_array().unwrap().iter().any(|m| m["due_date"] == "2026-12-11"), "the plan before the change is kept");

    // Step 4: deliverable, failed review, rectification, resubmission, pass, letter, archive.
    let deliverable = ctx
        .engine
        .submit_deliverable(DeliverableInput {
            collaboration: number.clone(),
            department: s("研发部"),
            task: Some(dev_task.clone()),
            title: s("智能客服系统V1"),
            self_check: self_check(),
            attachment: None,
        })
        .unwrap();
    assert_eq!(stage(&ctx, &number), Stage::Accepting);
    let review = |passed: bool| ReviewInput {
        deliverable: deliverable.clone(),
        criteria: vec![
            criterion("功能模块覆盖率", passed),
            Criterion { name: s("用户满意度"), target: s("≥90分"), measured: s("92分"), passed: true },
        ],
        reviewers: vec![s("吴刚"), s("陈静")],
        opinion: s(if passed { "同意验收" } else { "覆盖率不足" }),
        rectifications: if passed {
            vec![]
        } else {
            vec![RectificationInput { description: s("补齐售后场景"), owner: Some(s("刘洋")), deadline: day("2026-12-10") }]
        },
    };
    assert_eq!(ctx.engine.review_deliverable(review(false)).unwrap(), ReviewResult::Fail);
    assert_eq!(ctx.count("SELECT count(*) FROM rectification WHERE closed_at IS NULL"), 1);
    ctx.refused("deliverables_not_passed", |e| {
        e.issue_completion_letter(LetterInput { collaboration: number.clone(), body: None, by: None })
    });
    assert_eq!(
        ctx.engine
            .resubmit_deliverable(ResubmitInput { deliverable: deliverable.clone(), self_check: self_check(), attachment: None })
            .unwrap(),
        2
    );
    assert_eq!(ctx.engine.review_deliverable(review(true)).unwrap(), ReviewResult::Pass);
    assert_eq!(ctx.count("SELECT count(*) FROM rectification WHERE closed_at IS NULL"), 0);
    ctx.engine
        .issue_completion_letter(LetterInput {
            collaboration: number.clone(), body: Some(s("感谢各部门支持")), by: Some(s("张伟"))
        })
        .unwrap();
    assert_eq!(stage(&ctx, &number), Stage::Completed);
    let recipients = ctx.text(&format!(
        "SELECT recipients FROM completion_letter l JOIN collaboration c ON c.id = l.collaboration_id WHERE c.number = '{number}'"
    ));
    assert_eq!(serde_json::from_str::<Vec<String>>(&recipients).unwrap().len(), 3);

    ctx.engine.archive(&number).unwrap();
    assert_eq!(stage(&ctx, &number), Stage::Archived);
    ctx.refused("read_only", |e| {
        e.post_status(StatusInput { task: dev_task.clone(), status: TaskStatus::Done, progress: None, note: None, on_date: None, by: None })
    });
    ctx.refused("missing_field", |e| e.reopen(&number, "  "));
    ctx.engine.reopen(&number, "审计要求补充材料").unwrap();
    assert_eq!(stage(&ctx, &number), Stage::Completed);

    // The history (书面留痕) records every step in order.
    let actions: Vec<String> = ctx.engine.history(&number).unwrap().into_iter().map(|h| h.action).collect();
    let mut steps = actions.clone();
    steps.dedup();
    let expected_order = [
        "create_collaboration",
        "send_request",
        "answer_feasibility",
        "update_request",
        "send_request",
        "answer_feasibility",
        "schedule_meeting",
        "save_minutes",
        "issue_minutes",
        "record_signature",
        "add_task",
        "post_status",
        "add_problem",
        "raise_risk",
        "decide_risk",
        "post_status",
        "open_change_request",
        "decide_change_request",
        "open_change_request",
        "decide_change_request",
        "submit_deliverable",
        "review_deliverable",
        "resubmit_deliverable",
        "review_deliverable",
        "issue_completion_letter",
        "archive",
        "reopen",
    ];
    assert_eq!(steps, expected_order);
}

#[test]
fn demo_collaborations_finish_and_archive() {
    let mut ctx = demo();
    for (number, department) in [("XZ-2026-001", "市场部"), ("XZ-2026-002", "人力资源部")] {
        assert_eq!(stage(&ctx, number), Stage::Executing);
        let tasks: Vec<String> = ctx.engine.dossier(number).unwrap().tasks.iter().map(|t| t["id"].as_str().unwrap().to_string()).collect();
        for task in &tasks {
            ctx.engine
                .post_status(StatusInput {
                    task: task.clone(),
                    status: TaskStatus::Done,
                    progress: None,
                    note: Some(s("完成")),
                    on_date: None,
                    by: None,
                })
                .unwrap();
        }
        let deliverable = ctx
            .engine
            .submit_deliverable(DeliverableInput {
                collaboration: s(number),
                department: s(department),
                task: tasks.first().cloned(),
                title: s("成果报告"),
                self_check: self_check(),
                attachment: None,
            })
            .unwrap();
        let result = ctx
            .engine
            .review_deliverable(ReviewInput {
                deliverable,
                criteria: vec![criterion("目标达成", true)],
                reviewers: vec![],
                opinion: s("通过"),
                rectifications: vec![],
            })
            .unwrap();
        assert_eq!(result, ReviewResult::Pass);
        ctx.engine.issue_completion_letter(LetterInput { collaboration: s(number), body: None, by: None }).unwrap();
        ctx.engine.archive(number).unwrap();
        assert_eq!(stage(&ctx, number), Stage::Archived);
    }
    let attention = ctx.engine.attention(&Default::default()).unwrap();
    assert!(attention.iter().all(|a| !a.number.starts_with("XZ-2026-00")), "archived collaborations need no attention: {attention:?}");
}
