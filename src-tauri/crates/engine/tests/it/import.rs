//! Importing an existing collaboration (a register row from a file): it keeps its number and
//! stage, rebuilds the register's row, adds the people and departments it names, never lets the
//! number be handed out again, and a refused import changes nothing.

use crate::support::{fresh, Ctx};
use serde_json::{json, Value};
use xiezuo_engine::action::{Action, Outcome};
use xiezuo_engine::collaboration::NewCollaboration;
use xiezuo_engine::import::ImportedCollaboration;
use xiezuo_engine::model::Stage;
use xiezuo_engine::RegisterQuery;

fn row(number: &str) -> Value {
    json!({
        "number": number,
        "title": "渠道数据共享",
        "stage": "executing",
        "initiating_department": "市场部",
        "initiator_contact": "王磊",
        "owner": "王磊",
        "background": "渠道数据分散",
        "goal": "每周同步一次",
        "expected_completion": "2026-12-31",
        "progress_note": "数据接口联调中",
        "remarks": "需IT支持",
        "departments": [{ "department": "销售部", "contact": "赵强" }, { "department": "研发部" }],
        "milestones": [{ "name": "接口定稿", "due_date": "2026-10-15" }, { "name": "上线", "due_date": "2027-01-10" }],
        "communications": [
            { "on_date": "2026-10-08", "kind": "meeting", "summary": "确定字段" },
            { "on_date": "2026-10-12", "kind": "email", "summary": "发送样例数据" }
        ],
        "feedback": [{ "department": "销售部", "text": "需补充区域维度" }]
    })
}

fn imported(value: Value) -> ImportedCollaboration {
    serde_json::from_value(value).unwrap()
}

fn refused_json(ctx: &mut Ctx, action: Value, kind: &str) {
    let before = ctx.dump();
    match ctx.engine.run_json(&action.to_string()) {
        Outcome::Error(error) => assert_eq!(error.kind, kind, "{error:?}"),
        Outcome::Ok(value) => panic!("accepted: {value}"),
    }
    assert!(ctx.dump() == before, "a refused import changed the database");
}

#[test]
fn an_imported_row_reproduces_the_register_and_adds_whom_it_names() {
    let mut ctx = fresh("2026-11-24 09:00");
    let created = ctx.engine.import_collaboration(imported(row("XZ-2026-007"))).unwrap();
    assert_eq!(created.number, "XZ-2026-007");

    let register = ctx.engine.register(&RegisterQuery::default()).unwrap();
    let r = &register.rows[0];
    assert_eq!(r.stage, Stage::Executing);
    assert_eq!(
        r.cells(),
        [
            "XZ-2026-007",
            "市场部",
            "渠道数据共享",
            "王磊/赵强",
            "渠道数据分散，目标每周同步一次",
            "10月15日：接口定稿；1月10日：上线",
            "10月12日邮件：发送样例数据；10月8日会议：确定字段",
            "数据接口联调中",
            "销售部：需补充区域维度",
            "王磊",
            "需IT支持",
        ]
    );
    assert_eq!(ctx.text("SELECT expected_completion FROM collaboration"), "2026-12-31");
    // People are added to the department they speak for.
    assert_eq!(ctx.text("SELECT d.name FROM person p JOIN department d ON d.id = p.department_id WHERE p.name = '赵强'"), "销售部");
    assert_eq!(ctx.count("SELECT count(*) FROM department"), 3);
    assert_eq!(ctx.count("SELECT count(*) FROM change_log WHERE action = 'import_collaboration' AND entity = 'collaboration'"), 1);

    // The number is never handed out again, and the next one follows it.
    let next = ctx
        .engine
        .create_collaboration(NewCollaboration {
            title: "新事项".into(), initiating_department: "市场部".into(), ..Default::default()
        })
        .unwrap();
    assert_eq!(next.number, "XZ-2026-008");
    assert_eq!(ctx.count("SELECT last FROM number_sequence WHERE prefix = 'XZ' AND year = 2026"), 8);

    // Tasks can be planned on an imported collaboration in execution, like on any other.
    let task = ctx.engine.run_json(
        &json!({"action": "add_task", "payload": {
            "collaboration": "XZ-2026-007", "department": "研发部", "title": "接口开发", "responsible": "王磊",
            "start_date": "2026-10-09", "end_date": "2026-10-20"
        }})
        .to_string(),
    );
    assert!(matches!(task, Outcome::Ok(_)), "{task:?}");
}

#[test]
fn a_partner_named_only_by_its_contact_takes_the_contacts_department() {
    let mut ctx = fresh("2026-11-24 09:00");
    ctx.engine.import_collaboration(imported(row("XZ-2026-001"))).unwrap();
    let mut second = row("HR-2025-012");
    second["departments"] = json!([{ "contact": "赵强" }]);
    second["feedback"] = json!([]);
    ctx.engine.import_collaboration(imported(second)).unwrap();
    let rows = ctx.engine.register(&RegisterQuery::default()).unwrap().rows;
    assert_eq!(rows[0].number, "HR-2025-012");
    assert_eq!(rows[0].contacts, "王磊/赵强");
    // A number of another prefix and year reserves its own sequence.
    assert_eq!(ctx.count("SELECT last FROM number_sequence WHERE prefix = 'HR' AND year = 2025"), 12);
}

#[test]
fn bad_imports_are_refused_and_change_nothing() {
    let mut ctx = fresh("2026-11-24 09:00");
    ctx.engine.import_collaboration(imported(row("XZ-2026-001"))).unwrap();
    let action = |payload: Value| json!({ "action": "import_collaboration", "payload": payload });

    let duplicate = row("XZ-2026-001");
    ctx.refused("duplicate", |e| e.import_collaboration(imported(duplicate)));
    let mut empty_title = row("XZ-2026-002");
    empty_title["title"] = json!("  ");
    ctx.refused("missing_field", |e| e.import_collaboration(imported(empty_title)));
    let mut spaced = row("XZ 2026 002");
    spaced["initiating_department"] = json!("新部门");
    ctx.refused("invalid_input", |e| e.import_collaboration(imported(spaced)));
    let mut future = row("XZ-2026-003");
    future["communications"] = json!([{ "on_date": "2026-12-01", "kind": "phone", "summary": "还没打" }]);
    ctx.refused("invalid_input", |e| e.import_collaboration(imported(future)));
    // Refused after the new department and person were added: they are gone too.
    let mut outsider = row("XZ-2026-004");
    outsider["initiating_department"] = json!("法务部");
    outsider["initiator_contact"] = json!("钱律师");
    outsider["feedback"] = json!([{ "department": "财务部", "text": "无" }]);
    ctx.refused("not_found", |e| e.import_collaboration(imported(outsider.clone())));
    ctx.engine.run_json(&json!({"action": "add_department", "payload": {"name": "财务部"}}).to_string());
    ctx.refused("not_participant", |e| e.import_collaboration(imported(outsider)));
    let mut self_partner = row("XZ-2026-005");
    self_partner["departments"] = json!([{ "department": "市场部" }]);
    ctx.refused("invalid_input", |e| e.import_collaboration(imported(self_partner)));
    let mut twice = row("XZ-2026-005");
    twice["departments"] = json!([{ "department": "销售部" }, { "contact": "赵强" }]);
    ctx.refused("duplicate", |e| e.import_collaboration(imported(twice)));

    let mut bad_stage = row("XZ-2026-006");
    bad_stage["stage"] = json!("finished");
    refused_json(&mut ctx, action(bad_stage), "invalid_input");
    let mut bad_date = row("XZ-2026-006");
    bad_date["milestones"] = json!([{ "name": "上线", "due_date": "2026-13-01" }]);
    refused_json(&mut ctx, action(bad_date), "invalid_input");
}

#[test]
fn validating_an_import_keeps_nothing() {
    let mut ctx = fresh("2026-11-24 09:00");
    let before = ctx.dump();
    ctx.engine.validate(Action::ImportCollaboration(imported(row("XZ-2026-001")))).unwrap();
    assert!(ctx.dump() == before, "a dry run kept the departments or people it added");
    assert_eq!(ctx.count("SELECT count(*) FROM department"), 0);
}
