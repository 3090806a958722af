//! The JSON action interface shared by the CLI's `exec` and the desktop app.

use crate::support::demo;
use serde_json::{json, Value};
use xiezuo_engine::action::Outcome;

fn run(ctx: &mut crate::support::Ctx, action: Value) -> Outcome {
    ctx.engine.run_json(&action.to_string())
}

#[test]
fn actions_run_by_name_and_answer_ok_or_a_typed_error() {
    let mut ctx = demo();
    let created = run(
        &mut ctx,
        json!({"action": "create_collaboration", "payload": {
            "title": "年终总结会筹备", "initiating_department": "人力资源部", "background": "年终总结", "goal": "12月底前完成",
            "expected_completion": "2026-12-30",
            "departments": [{"department": "财务部", "support_kinds": ["data"], "support_text": "提供预算执行数据"}]
        }}),
    );
    let Outcome::Ok(created) = created else { panic!("{created:?}") };
    assert_eq!(created["number"], "XZ-2026-003");
    assert_eq!(
        run(&mut ctx, json!({"action": "send_request", "payload": {"collaboration": "XZ-2026-003"}})),
        Outcome::Ok(json!({"round": 1}))
    );

    let refused = run(
        &mut ctx,
        json!({"action": "answer_feasibility", "payload": {"collaboration": "XZ-2026-003", "department": "财务部", "answer": "object"}}),
    );
    let Outcome::Error(error) = refused else { panic!("{refused:?}") };
    assert_eq!(error.kind, "missing_field");

    let Outcome::Ok(register) = run(&mut ctx, json!({"action": "get_register", "payload": {"stage": "confirming"}})) else { panic!() };
    assert_eq!(register["total"], 1);
    assert_eq!(register["rows"][0]["title"], "年终总结会筹备");
}

#[test]
fn malformed_actions_are_typed_errors() {
    let mut ctx = demo();
    let before = ctx.dump();
    for line in [
        "not json",
        r#"{"action": "no_such_action", "payload": {}}"#,
        r#"{"action": "send_request", "payload": {"collaboration": "XZ-2026-001", "extra": 1}}"#,
        r#"{"action": "add_task", "payload": {"collaboration": "XZ-2026-001"}}"#,
        r#"{"action": "calendar_due", "payload": {"start": "2026-02-30", "working_days": 2}}"#,
        r#"{"action": "add_attachment", "payload": {"file_name": "a.png", "media_type": "image/png", "content_base64": "***"}}"#,
    ] {
        let Outcome::Error(error) = ctx.engine.run_json(line) else { panic!("{line} was accepted") };
        assert_eq!(error.kind, "invalid_input", "{line}");
    }
    assert!(ctx.dump() == before);
}

#[test]
fn the_language_preference_is_kept_and_checked() {
    let mut ctx = demo();
    assert_eq!(run(&mut ctx, json!({"action": "get_preferences"})), Outcome::Ok(json!({"language": null})));
    assert_eq!(
        run(&mut ctx, json!({"action": "set_preferences", "payload": {"language": "en-US"}})),
        Outcome::Ok(json!({"language": "en-US"}))
    );
    let Outcome::Error(error) = run(&mut ctx, json!({"action": "set_preferences", "payload": {"language": "fr-FR"}})) else { panic!() };
    assert_eq!(error.kind, "invalid_input");
    assert_eq!(ctx.engine.preferences().unwrap().language.as_deref(), Some("en-US"));
}

fn action(value: Value) -> xiezuo_engine::action::Action {
    serde_json::from_value(value).unwrap()
}

#[test]
fn validate_runs_every_rule_and_keeps_nothing() {
    let mut ctx = demo();
    let before = ctx.dump();
    let log_before = ctx.count("SELECT count(*) FROM change_log");

    // An acceptable write passes and is rolled back.
    let note = json!({"action": "update_notes", "payload": {"collaboration": "XZ-2026-001", "remarks": "只是试试"}});
    ctx.engine.validate(action(note.clone())).unwrap();
    // A refused one answers the engine's own error, naming the field.
    let refused = ctx.engine.validate(action(json!({"action": "add_person", "payload": {"name": " "}}))).unwrap_err();
    assert_eq!(refused.kind(), "missing_field");
    // A calendar write does not leak into the in-memory calendar either.
    let saturday = json!({"action": "set_calendar_day", "payload": {"date": "2026-12-05", "is_working_day": true}});
    ctx.engine.validate(action(saturday.clone())).unwrap();
    assert_eq!(ctx.engine.due(crate::support::day("2026-12-04"), 1).date, crate::support::day("2026-12-07"));

    assert_eq!(ctx.count("SELECT count(*) FROM change_log"), log_before, "nothing was logged");
    assert!(ctx.dump() == before, "validation changed the database");
    // The same actions, run for real, do change it.
    ctx.engine.run(action(note)).unwrap();
    ctx.engine.run(action(saturday)).unwrap();
    assert_eq!(ctx.engine.due(crate::support::day("2026-12-04"), 1).date, crate::support::day("2026-12-05"));
    assert!(ctx.count("SELECT count(*) FROM change_log") > log_before);
}

#[test]
fn a_batch_keeps_all_its_writes_or_none() {
    let mut ctx = demo();
    let before = ctx.dump();
    let person = |name: &str| action(json!({"action": "add_person", "payload": {"name": name}}));

    // A failing write inside a batch fails the batch: the earlier write goes too.
    let err = ctx
        .engine
        .batch(|_| true, |e| {
            e.run(person("批量甲"))?;
            e.run(action(json!({"action": "add_person", "payload": {"name": " "}})))
        })
        .unwrap_err();
    assert_eq!(err.kind(), "missing_field");
    assert!(ctx.dump() == before, "a failed batch changed the database");

    // `keep` saying no (a preview) keeps nothing either, though every write succeeded.
    let added = ctx.engine.batch(|_| false, |e| e.run(person("批量乙"))).unwrap();
    assert!(!added.is_null(), "the preview still answers what the write would do");
    assert!(ctx.dump() == before, "a preview changed the database");

    // A nested batch that fails rolls back only itself; the outer batch keeps the rest.
    let log_before = ctx.count("SELECT count(*) FROM change_log");
    ctx.engine
        .batch(|_| true, |e| {
            e.run(person("批量丙"))?;
            let inner = e.batch(|_| true, |e| {
                e.run(person("批量丁"))?;
                e.run(action(json!({"action": "add_person", "payload": {"name": ""}})))
            });
            assert!(inner.is_err());
            Ok(())
        })
        .unwrap();
    assert_eq!(ctx.count("SELECT count(*) FROM person WHERE name = '批量丙'"), 1);
    assert_eq!(ctx.count("SELECT count(*) FROM person WHERE name = '批量丁'"), 0);
    assert!(ctx.count("SELECT count(*) FROM change_log") > log_before);
    // And the engine is back to one transaction per write.
    ctx.engine.run(person("批量戊")).unwrap();
    assert!(ctx.engine.connection().is_autocommit());
}
