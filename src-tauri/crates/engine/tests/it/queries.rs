//! The derived views: the register's 11 columns, the attention list, and full-text search.

use crate::process::{answer, create_third, third_in_execution};
use crate::support::demo;
use xiezuo_engine::model::{FeasibilityAnswer, Stage, TaskStatus};
use xiezuo_engine::register::COLUMNS_ZH;
use xiezuo_engine::task::StatusInput;
use xiezuo_engine::{AttentionFilter, RegisterQuery, RegisterSort};

#[test]
fn the_demo_register_matches_the_company_example() {
    let ctx = demo();
    let page = ctx.engine.register(&RegisterQuery::default()).unwrap();
    assert_eq!(page.total, 2);
    let mut text = COLUMNS_ZH.join(" | ");
    for row in &page.rows {
        text.push('\n');
        text.push_str(&row.cells().join(" | "));
    }
    insta::assert_snapshot!(text);
}

#[test]
fn the_register_filters_sorts_and_pages() {
    let mut ctx = demo();
    create_third(&mut ctx);
    let numbers = |q: RegisterQuery| -> Vec<String> { ctx.engine.register(&q).unwrap().rows.into_iter().map(|r| r.number).collect() };
    assert_eq!(numbers(RegisterQuery { stage: Some(Stage::Draft), ..Default::default() }), vec!["XZ-2026-003"]);
    assert_eq!(
        numbers(RegisterQuery { department: Some("研发部".into()), ..Default::default() }),
        vec!["XZ-2026-002", "XZ-2026-003"],
        "initiating or collaborating"
    );
    assert_eq!(numbers(RegisterQuery { owner: Some("孙丽".into()), ..Default::default() }), vec!["XZ-2026-002"]);
    assert_eq!(
        numbers(RegisterQuery { sort: RegisterSort::ExpectedCompletion, descending: true, ..Default::default() }),
        vec!["XZ-2026-003", "XZ-2026-001", "XZ-2026-002"]
    );
    let page = ctx.engine.register(&RegisterQuery { limit: 2, offset: 2, ..Default::default() }).unwrap();
    assert_eq!((page.total, page.rows.len(), page.rows[0].number.as_str()), (3, 1, "XZ-2026-003"));
    let from = RegisterQuery { from: Some("2026-12-20".parse().unwrap()), to: Some("2026-12-31".parse().unwrap()), ..Default::default() };
    assert_eq!(numbers(from), vec!["XZ-2026-001"]);
}

#[test]
fn the_attention_list_shows_what_needs_action_overdue_first() {
    let mut ctx = demo();
    let number = create_third(&mut ctx);
    ctx.engine.send_request(&number).unwrap();
    ctx.engine.answer_feasibility(answer(&number, "市场部", FeasibilityAnswer::Confirm, None)).unwrap();
    ctx.set_now("2026-11-27 09:00");
    let items = ctx.engine.attention(&AttentionFilter::default()).unwrap();
    let lines: Vec<String> = items
        .iter()
        .map(|i| {
            format!("{}{:?} {} {} {}", if i.overdue { "! " } else { "  " }, i.kind, i.number, i.subject, i.due.as_deref().unwrap_or("-"))
        })
        .collect();
    insta::assert_snapshot!(lines.join("\n"));

    let for_test_dept = ctx.engine.attention(&AttentionFilter { department: Some("测试部".into()), ..Default::default() }).unwrap();
    assert!(!for_test_dept.is_empty() && for_test_dept.iter().all(|i| i.department_id.is_some()));
    let for_zhao = ctx.engine.attention(&AttentionFilter { person: Some("赵强".into()), ..Default::default() }).unwrap();
    assert!(for_zhao.iter().any(|i| i.subject == "整理10月前30天客户反馈" && i.overdue));
}

#[test]
fn blocked_and_unreported_tasks_and_pending_changes_need_attention() {
    let mut ctx = demo();
    let (number, _) = third_in_execution(&mut ctx);
    let task = ctx
        .engine
        .add_task(xiezuo_engine::task::TaskInput {
            collaboration: number.clone(),
            department: "测试部".into(),
            title: "编写验收用例".into(),
            responsible: "吴刚".into(),
            collaborators: vec![],
            start_date: "2026-11-24".parse().unwrap(),
            end_date: "2026-12-31".parse().unwrap(),
            deliverable: "".into(),
        })
        .unwrap();
    let kinds = |ctx: &crate::support::Ctx| -> Vec<String> {
        ctx.engine
            .attention(&AttentionFilter::default())
            .unwrap()
            .into_iter()
            .filter(|i| i.subject_id == task)
            .map(|i| format!("{:?}", i.kind))
            .collect()
    };
    assert!(kinds(&ctx).is_empty(), "a task started today needs no status yet");
    ctx.set_now("2026-11-26 09:00");
    assert_eq!(kinds(&ctx), vec!["TaskNoStatus"], "no status for more than one working day");
    ctx.engine
        .post_status(StatusInput {
            task: task.clone(),
            status: TaskStatus::Blocked,
            progress: None,
            note: Some("环境未就绪".into()),
            on_date: None,
            by: None,
        })
        .unwrap();
    assert_eq!(kinds(&ctx), vec!["TaskBlocked"]);
}

#[test]
fn search_finds_one_two_and_more_chinese_characters_and_mixed_text() {
    let mut ctx = demo();
    create_third(&mut ctx);
    let numbers = |q: &str| -> Vec<String> {
        let mut n: Vec<String> = ctx.engine.search(q, 100).unwrap().into_iter().filter_map(|h| h.collaboration_number).collect();
        n.sort();
        n.dedup();
        n
    };
    assert_eq!(numbers("客"), vec!["XZ-2026-001", "XZ-2026-003"], "1 character: 客户反馈 / 客服");
    assert_eq!(numbers("推广"), vec!["XZ-2026-001"], "2 characters");
    assert_eq!(numbers("培训"), vec!["XZ-2026-002"]);
    assert_eq!(numbers("智能客服"), vec!["XZ-2026-003"], "4 characters");
    assert_eq!(numbers("购买偏好"), vec!["XZ-2026-001"], "inside quotation marks");
    assert_eq!(numbers("Q4新产品"), vec!["XZ-2026-001"], "mixed Latin and Chinese");
    assert_eq!(numbers("q4"), vec!["XZ-2026-001"], "Latin is case-insensitive");
    assert_eq!(numbers("80%员工"), vec!["XZ-2026-002"]);
    assert_eq!(numbers("客服 自动应答"), vec!["XZ-2026-003"], "every term must match");
    assert!(numbers("客服 培训").is_empty());
    assert!(numbers("推销").is_empty(), "characters must be adjacent");
    assert!(numbers("\"); DROP TABLE x; --").is_empty());

    let hit = ctx.engine.search("购买偏好", 10).unwrap().remove(0);
    assert_eq!(hit.snippet, "客户反馈需细化“【购买偏好】”维度");
    assert_eq!((hit.entity.as_str(), hit.field.as_str()), ("feedback", "text"));
}

#[test]
fn search_follows_edits() {
    let mut ctx = demo();
    let number = create_third(&mut ctx);
    assert!(ctx.engine.search("知识库", 10).unwrap().is_empty());
    ctx.engine
        .update_request(xiezuo_engine::collaboration::RequestPatch {
            collaboration: number.clone(),
            background: Some("建设知识库".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(ctx.engine.search("知识库", 10).unwrap().len(), 1);
    assert!(ctx.engine.search("人工响应", 10).unwrap().is_empty(), "the old text is no longer indexed");
}

#[test]
fn the_timeline_lists_what_happened_and_what_is_planned_in_order() {
    let ctx = demo();
    let events: Vec<String> =
        ctx.engine.timeline("XZ-2026-001").unwrap().into_iter().map(|e| format!("{} {} {}", e.at, e.kind, e.title)).collect();
    insta::assert_snapshot!(events.join("\n"));
}

#[test]
fn recent_activity_has_one_entry_per_action_newest_first() {
    let mut ctx = demo();
    create_third(&mut ctx);
    let recent = ctx.engine.recent_activity(5).unwrap();
    assert_eq!(recent.len(), 5);
    assert_eq!(recent[0].action, "create_collaboration", "the newest write comes first");
    assert_eq!(recent[0].number, "XZ-2026-003");
    let keys: Vec<_> = recent.iter().map(|e| (&e.wall_time, &e.action, &e.collaboration_id)).collect();
    let mut unique = keys.clone();
    unique.dedup();
    assert_eq!(keys, unique, "an action that touched several records is listed once");
    assert!(recent.windows(2).all(|w| w[0].wall_time >= w[1].wall_time));
}

#[test]
fn stage_counts_follow_the_process_order() {
    let mut ctx = demo();
    create_third(&mut ctx);
    let counts: Vec<(Stage, usize)> = ctx.engine.stage_counts().unwrap().into_iter().map(|c| (c.stage, c.count)).collect();
    assert_eq!(counts, vec![(Stage::Draft, 1), (Stage::Executing, 2)]);
}
