//! Every stage gate and rule: the invalid move is refused with the right error kind and changes
//! nothing at all (every table and the change log are compared before and after).

use crate::process::{answer, create_third, full_minutes, self_check, third_in_execution};
use crate::support::{at, day, demo};
use xiezuo_engine::acceptance::{Criterion, DeliverableInput, LetterInput, ReviewInput};
use xiezuo_engine::change::{ChangeDecisionInput, ChangeRequestInput, MilestoneChange, PlanChanges};
use xiezuo_engine::collaboration::{NewCollaboration, RequestPatch};
use xiezuo_engine::meeting::{MeetingInput, ResponsibilityInput};
use xiezuo_engine::model::{Decision, FeasibilityAnswer, MeetingKind, TaskStatus};
use xiezuo_engine::task::{StatusInput, TaskInput};
use xiezuo_engine::EngineError;

fn s(text: &str) -> String {
    text.to_string()
}

fn kickoff(number: &str) -> MeetingInput {
    MeetingInput {
        collaboration: s(number),
        kind: MeetingKind::Kickoff,
        title: None,
        starts_at: at("2026-11-30 10:00"),
        ends_at: at("2026-11-30 11:00"),
        place: s(""),
        attendees: vec![],
        agenda: vec![],
    }
}

#[test]
fn a_request_needs_departments_background_goal_and_date_before_sending() {
    let mut ctx = demo();
    let bare = ctx
        .engine
        .create_collaboration(NewCollaboration { title: s("空白申请"), initiating_department: s("市场部"), ..Default::default() })
        .unwrap()
        .number;
    let err = ctx.refused("missing_field", |e| e.send_request(&bare));
    assert!(matches!(err, EngineError::MissingField { ref field } if field == "departments"));

    let number = create_third(&mut ctx);
    for (patch, field) in [
        (RequestPatch { collaboration: number.clone(), background: Some(s(" ")), ..Default::default() }, "background"),
        (RequestPatch { collaboration: number.clone(), goal: Some(s("")), ..Default::default() }, "goal"),
    ] {
        ctx.engine.update_request(patch).unwrap();
        let err = ctx.refused("missing_field", |e| e.send_request(&number));
        assert!(matches!(err, EngineError::MissingField { field: ref f } if f == field));
        ctx.engine
            .update_request(RequestPatch {
                collaboration: number.clone(),
                background: Some(s("背景")),
                goal: Some(s("目标")),
                ..Default::default()
            })
            .unwrap();
    }
    let no_date = ctx
        .engine
        .create_collaboration(NewCollaboration {
            title: s("无日期"),
            initiating_department: s("市场部"),
            background: s("背景"),
            goal: s("目标"),
            departments: vec![xiezuo_engine::collaboration::DepartmentAsk { department: s("财务部"), ..Default::default() }],
            ..Default::default()
        })
        .unwrap()
        .number;
    let err = ctx.refused("missing_field", |e| e.send_request(&no_date));
    assert!(matches!(err, EngineError::MissingField { ref field } if field == "expected_completion"));
}

#[test]
fn the_kickoff_waits_for_every_confirmation_of_the_current_round() {
    let mut ctx = demo();
    let number = create_third(&mut ctx);
    ctx.refused("not_confirmed", |e| e.schedule_meeting(kickoff(&number)));
    ctx.engine.send_request(&number).unwrap();
    ctx.engine.answer_feasibility(answer(&number, "市场部", FeasibilityAnswer::Confirm, None)).unwrap();
    let err = ctx.refused("not_confirmed", |e| e.schedule_meeting(kickoff(&number)));
    assert!(matches!(err, EngineError::NotConfirmed { ref departments, revision: 1 } if departments == &vec![s("测试部")]));

    // An objection reopens the request; the confirmation of round 1 does not count for round 2.
    ctx.engine.answer_feasibility(answer(&number, "测试部", FeasibilityAnswer::Object, Some("时间冲突"))).unwrap();
    ctx.engine.send_request(&number).unwrap();
    ctx.engine.answer_feasibility(answer(&number, "测试部", FeasibilityAnswer::Confirm, None)).unwrap();
    let err = ctx.refused("not_confirmed", |e| e.schedule_meeting(kickoff(&number)));
    assert!(matches!(err, EngineError::NotConfirmed { ref departments, revision: 2 } if departments == &vec![s("市场部")]));
}

#[test]
fn answers_follow_the_rules() {
    let mut ctx = demo();
    let number = create_third(&mut ctx);
    ctx.refused("stage_gate", |e| e.answer_feasibility(answer(&number, "市场部", FeasibilityAnswer::Confirm, None)));
    ctx.engine.send_request(&number).unwrap();
    ctx.refused("missing_field", |e| e.answer_feasibility(answer(&number, "测试部", FeasibilityAnswer::Object, Some("  "))));
    ctx.refused("not_participant", |e| e.answer_feasibility(answer(&number, "财务部", FeasibilityAnswer::Confirm, None)));
    ctx.refused("not_found", |e| e.answer_feasibility(answer(&number, "不存在的部门", FeasibilityAnswer::Confirm, None)));
    ctx.engine.answer_feasibility(answer(&number, "市场部", FeasibilityAnswer::Confirm, None)).unwrap();
    ctx.refused("already_decided", |e| e.answer_feasibility(answer(&number, "市场部", FeasibilityAnswer::Object, Some("改主意"))));
    ctx.refused("stage_gate", |e| {
        e.update_request(RequestPatch { collaboration: number.clone(), title: Some(s("改名")), ..Default::default() })
    });
    ctx.refused("stage_gate", |e| e.send_request(&number));
}

#[test]
fn minutes_with_a_gap_or_an_overlap_cannot_be_issued() {
    let mut ctx = demo();
    let number = create_third(&mut ctx);
    ctx.engine.send_request(&number).unwrap();
    for department in ["市场部", "测试部"] {
        ctx.engine.answer_feasibility(answer(&number, department, FeasibilityAnswer::Confirm, None)).unwrap();
    }
    let meeting = ctx.engine.schedule_meeting(kickoff(&number)).unwrap();

    let mut gap = full_minutes(&meeting);
    gap.responsibilities = Some(vec![ResponsibilityInput { department: s("研发部"), items: vec![s("功能开发")] }]);
    ctx.engine.save_minutes(gap).unwrap();
    let err = ctx.refused("responsibility_gap", |e| e.issue_minutes(&meeting));
    assert!(matches!(err, EngineError::ResponsibilityGap { ref departments } if departments == &vec![s("市场部"), s("测试部")]));

    let mut overlap = full_minutes(&meeting);
    overlap.responsibilities = Some(vec![
        ResponsibilityInput { department: s("研发部"), items: vec![s("功能开发"), s("验收标准 制定")] },
        ResponsibilityInput { department: s("市场部"), items: vec![s("用户画像分析")] },
        ResponsibilityInput { department: s("测试部"), items: vec![s("验收标准制定")] },
    ]);
    let check = ctx.engine.save_minutes(overlap).unwrap();
    assert_eq!(check.overlaps.len(), 1);
    assert_eq!(check.overlaps[0].departments, vec![s("研发部"), s("测试部")]);
    let err = ctx.refused("responsibility_overlap", |e| e.issue_minutes(&meeting));
    assert!(matches!(err, EngineError::ResponsibilityOverlap { ref items } if items == &vec![s("验收标准 制定")]));

    let mut outsider = full_minutes(&meeting);
    outsider.responsibilities = Some(vec![ResponsibilityInput { department: s("财务部"), items: vec![s("预算")] }]);
    ctx.refused("not_participant", |e| e.save_minutes(outsider));
}

fn task(number: &str, start: &str, end: &str, responsible: &str, collaborators: Vec<String>) -> TaskInput {
    TaskInput {
        collaboration: s(number),
        department: s("研发部"),
        title: s("开发"),
        responsible: s(responsible),
        collaborators,
        start_date: day(start),
        end_date: day(end),
        deliverable: s(""),
    }
}

#[test]
fn tasks_have_one_responsible_person_valid_dates_and_wait_for_execution() {
    let mut ctx = demo();
    let draft = create_third(&mut ctx);
    ctx.refused("stage_gate", |e| e.add_task(task(&draft, "2026-12-01", "2026-12-05", "刘洋", vec![])));

    let mut ctx = demo();
    let (number, _) = third_in_execution(&mut ctx);
    ctx.refused("invalid_input", |e| e.add_task(task(&number, "2026-12-05", "2026-12-01", "刘洋", vec![])));
    ctx.refused("missing_field", |e| e.add_task(task(&number, "2026-12-01", "2026-12-05", " ", vec![])));
    ctx.refused("not_found", |e| e.add_task(task(&number, "2026-12-01", "2026-12-05", "无名氏", vec![])));
    ctx.refused("invalid_input", |e| e.add_task(task(&number, "2026-12-01", "2026-12-05", "刘洋", vec![s("刘洋")])));
    let mut outsider = task(&number, "2026-12-01", "2026-12-05", "刘洋", vec![]);
    outsider.department = s("财务部");
    ctx.refused("not_participant", |e| e.add_task(outsider));
    let id = ctx.engine.add_task(task(&number, "2026-12-01", "2026-12-05", "刘洋", vec![s("张伟")])).unwrap();
    ctx.refused("missing_field", |e| {
        e.post_status(StatusInput { task: id.clone(), status: TaskStatus::Blocked, progress: None, note: None, on_date: None, by: None })
    });
    ctx.refused("invalid_input", |e| {
        e.post_status(StatusInput {
            task: id.clone(),
            status: TaskStatus::InProgress,
            progress: Some(101),
            note: None,
            on_date: None,
            by: None,
        })
    });
    ctx.refused("invalid_input", |e| {
        e.post_status(StatusInput {
            task: id.clone(),
            status: TaskStatus::InProgress,
            progress: None,
            note: None,
            on_date: Some(day("2026-12-25")),
            by: None,
        })
    });
}

#[test]
fn acceptance_needs_a_self_check_rectifications_and_passed_deliverables() {
    let mut ctx = demo();
    let (number, _) = third_in_execution(&mut ctx);
    ctx.refused("deliverables_not_passed", |e| {
        e.issue_completion_letter(LetterInput { collaboration: number.clone(), body: None, by: None })
    });
    let deliverable = ctx
        .engine
        .submit_deliverable(DeliverableInput {
            collaboration: number.clone(),
            department: s("市场部"),
            task: None,
            title: s("用户画像报告"),
            self_check: vec![],
            attachment: None,
        })
        .unwrap();
    let review = |passed: bool| ReviewInput {
        deliverable: deliverable.clone(),
        criteria: vec![Criterion { name: s("覆盖率"), target: s("≥95%"), measured: s("90%"), passed }],
        reviewers: vec![],
        opinion: s(""),
        rectifications: vec![],
    };
    let err = ctx.refused("self_check_missing", |e| e.review_deliverable(review(true)));
    assert!(matches!(err, EngineError::SelfCheckMissing { ref deliverable } if deliverable == "用户画像报告"));
    ctx.engine.record_self_check(&deliverable, &self_check()).unwrap();
    ctx.refused("rectification_required", |e| e.review_deliverable(review(false)));
    ctx.refused("missing_field", |e| e.review_deliverable(ReviewInput { criteria: vec![], ..review(true) }));
    let err = ctx.refused("deliverables_not_passed", |e| {
        e.issue_completion_letter(LetterInput { collaboration: number.clone(), body: None, by: None })
    });
    assert!(matches!(err, EngineError::DeliverablesNotPassed { ref deliverables } if deliverables == &vec![s("用户画像报告")]));
    ctx.refused("stage_gate", |e| e.archive(&number));
}

#[test]
fn only_the_initiator_opens_changes_and_every_party_decides_once() {
    let mut ctx = demo();
    let (number, _) = third_in_execution(&mut ctx);
    let milestone = ctx.id("SELECT id FROM milestone WHERE name = '交付上线' AND deleted_at IS NULL");
    let request = |by: &str| ChangeRequestInput {
        collaboration: number.clone(),
        title: s("交付顺延"),
        reason: s("需求变更"),
        changes: PlanChanges {
            milestones: vec![MilestoneChange { milestone: Some(milestone.clone()), name: None, due_date: day("2027-04-30") }],
            tasks: vec![],
        },
        by: Some(s(by)),
    };
    let err = ctx.refused("not_initiator", |e| e.open_change_request(request("陈静")));
    assert!(matches!(err, EngineError::NotInitiator { ref person } if person == "陈静"));
    ctx.refused("missing_field", |e| e.open_change_request(ChangeRequestInput { changes: PlanChanges::default(), ..request("张伟") }));
    let id = ctx.engine.open_change_request(request("张伟")).unwrap();
    let decide = |department: &str, decision: Decision, comment: Option<&str>| ChangeDecisionInput {
        change_request: id.clone(),
        department: s(department),
        decision,
        comment: comment.map(s),
        by: None,
    };
    ctx.refused("missing_field", |e| e.decide_change_request(decide("市场部", Decision::Reject, None)));
    ctx.refused("not_participant", |e| e.decide_change_request(decide("财务部", Decision::Approve, None)));
    ctx.engine.decide_change_request(decide("市场部", Decision::Approve, None)).unwrap();
    ctx.refused("already_decided", |e| e.decide_change_request(decide("市场部", Decision::Approve, None)));
    ctx.engine.decide_change_request(decide("测试部", Decision::Reject, Some("影响测试排期"))).unwrap();
    ctx.refused("already_decided", |e| e.decide_change_request(decide("研发部", Decision::Approve, None)));
    assert_eq!(ctx.text(&format!("SELECT due_date FROM milestone WHERE id = '{milestone}'")), "2027-03-31");
}

#[test]
fn bad_input_is_refused_without_change() {
    let mut ctx = demo();
    ctx.refused("missing_field", |e| {
        e.create_collaboration(NewCollaboration { title: s("  "), initiating_department: s("市场部"), ..Default::default() })
    });
    ctx.refused("not_found", |e| {
        e.create_collaboration(NewCollaboration {
            title: s("x"),
            initiating_department: s("'; DROP TABLE collaboration; --"),
            ..Default::default()
        })
    });
    ctx.refused("invalid_input", |e| {
        e.create_collaboration(NewCollaboration { title: s("a\u{0}b"), initiating_department: s("市场部"), ..Default::default() })
    });
    ctx.refused("invalid_input", |e| {
        e.create_collaboration(NewCollaboration {
            title: "长".repeat(20_001), initiating_department: s("市场部"), ..Default::default()
        })
    });
    ctx.refused("invalid_input", |e| {
        e.create_collaboration(NewCollaboration {
            title: s("自己协作自己"),
            initiating_department: s("市场部"),
            departments: vec![xiezuo_engine::collaboration::DepartmentAsk { department: s("市场部"), ..Default::default() }],
            ..Default::default()
        })
    });
    ctx.refused("not_found", |e| e.send_request("XZ-2099-999"));
    ctx.refused("invalid_input", |e| e.add_attachment(None, "../../etc/passwd", "text/plain", b"x"));
}

#[test]
fn the_division_of_work_is_checked_while_it_is_typed() {
    use serde_json::json;
    use xiezuo_engine::action::{Action, Outcome};
    use xiezuo_engine::meeting::{Overlap, ResponsibilitiesDraft, ResponsibilityCheck};

    let mut ctx = demo();
    let number = create_third(&mut ctx);
    let rows = |rows: &[(&str, &[&str])]| -> Vec<ResponsibilityInput> {
        rows.iter().map(|(d, items)| ResponsibilityInput { department: s(d), items: items.iter().map(|i| s(i)).collect() }).collect()
    };
    let draft = |list: Vec<ResponsibilityInput>| ResponsibilitiesDraft { collaboration: number.clone(), responsibilities: list };
    let gap_rows = rows(&[("研发部", &["功能开发"]), ("测试部", &[])]);
    let overlap_rows = rows(&[("研发部", &["功能开发", "验收标准 制定"]), ("市场部", &["用户画像分析"]), ("测试部", &["验收标准制定"])]);
    let clean_rows = rows(&[("研发部", &["功能开发"]), ("市场部", &["用户画像分析"]), ("测试部", &["验收标准制定"])]);
    let before = ctx.dump();

    let gap = ctx.engine.check_responsibilities(&draft(gap_rows)).unwrap();
    assert_eq!(gap, ResponsibilityCheck { gaps: vec![s("市场部"), s("测试部")], overlaps: vec![] });
    let overlap = ctx.engine.check_responsibilities(&draft(overlap_rows.clone())).unwrap();
    assert_eq!(
        overlap,
        ResponsibilityCheck {
            gaps: vec![],
            overlaps: vec![Overlap { item: s("验收标准 制定"), departments: vec![s("研发部"), s("测试部")] }]
        }
    );
    assert_eq!(ctx.engine.check_responsibilities(&draft(clean_rows)).unwrap(), ResponsibilityCheck::default());

    // Rows are refused as saving them would be.
    let refusal =
        |ctx: &mut crate::support::Ctx, list: Vec<ResponsibilityInput>| ctx.engine.check_responsibilities(&draft(list)).unwrap_err().kind();
    assert_eq!(refusal(&mut ctx, rows(&[("财务部", &["预算"])])), "not_participant");
    assert_eq!(refusal(&mut ctx, rows(&[("研发部", &["  "])])), "missing_field");
    assert_eq!(refusal(&mut ctx, rows(&[("不存在的部门", &["预算"])])), "not_found");

    // The JSON action is a read with the same answer.
    let line = json!({"action": "check_responsibilities", "payload": {"collaboration": number, "responsibilities": [{"department": "研发部", "items": ["功能开发"]}]}});
    assert!(serde_json::from_value::<Action>(line.clone()).unwrap().is_read());
    assert_eq!(ctx.engine.run_json(&line.to_string()), Outcome::Ok(json!({"gaps": ["市场部", "测试部"], "overlaps": []})));
    assert!(ctx.dump() == before, "a check changed the database");

    // Saved, the same rows get the same verdict from the stored-minutes check.
    ctx.engine.send_request(&number).unwrap();
    for department in ["市场部", "测试部"] {
        ctx.engine.answer_feasibility(answer(&number, department, FeasibilityAnswer::Confirm, None)).unwrap();
    }
    let meeting = ctx.engine.schedule_meeting(kickoff(&number)).unwrap();
    let mut minutes = full_minutes(&meeting);
    minutes.responsibilities = Some(overlap_rows);
    assert_eq!(ctx.engine.save_minutes(minutes).unwrap(), overlap);
}
