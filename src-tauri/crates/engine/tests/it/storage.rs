//! The database file: creation, reopening, the change log's guarantees, ids and numbers.

use crate::support::{at, demo, fresh};
use xiezuo_engine::clock::FixedClock;
use xiezuo_engine::collaboration::NewCollaboration;
use xiezuo_engine::Engine;

#[test]
fn every_write_is_in_the_change_log_with_actor_device_and_clock() {
    let ctx = demo();
    let conn = ctx.engine.connection();
    let unlogged: i64 = conn
        .query_row("SELECT count(*) FROM task t WHERE NOT EXISTS (SELECT 1 FROM change_log l WHERE l.entity = 'task' AND l.entity_id = t.id AND l.op = 'insert')", [], |r| r.get(0))
        .unwrap();
    assert_eq!(unlogged, 0);
    let (actor, device, hlc): (Option<String>, String, String) = conn
        .query_row("SELECT actor_id, device_id, hlc FROM change_log WHERE action = 'post_status' LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    let wang_lei = ctx.engine.people().unwrap().into_iter().find(|p| p.name == "王磊").unwrap();
    assert_eq!(actor.as_deref(), Some(wang_lei.id.as_str()), "the demo's records are written as 王磊");
    assert_eq!(ctx.engine.me().unwrap(), None, "who uses this installation is still to be asked");
    assert_eq!(device, ctx.engine.device_id());
    assert!(hlc.ends_with(&device));
    let ordered: Vec<String> = conn
        .prepare("SELECT hlc FROM change_log ORDER BY rowid")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(ordered.windows(2).all(|w| w[0] < w[1]), "hybrid logical clock increases with every change");
    let err = conn.execute("UPDATE change_log SET action = 'x'", []).unwrap_err();
    assert!(err.to_string().contains("append-only"));
    assert!(conn.execute("DELETE FROM change_log", []).is_err());
}

#[test]
fn loading_the_demo_keeps_a_chosen_me() {
    let mut ctx = fresh("2026-11-24 09:00");
    ctx.engine.add_department(xiezuo_engine::org::DepartmentInput { name: "行政部".into(), ..Default::default() }).unwrap();
    let me = ctx.engine.add_person(xiezuo_engine::org::PersonInput { name: "周敏".into(), ..Default::default() }).unwrap();
    ctx.engine.set_me(&me).unwrap();
    ctx.engine.load_demo().unwrap();
    assert_eq!(ctx.engine.me().unwrap(), Some(me));
}

#[test]
fn ids_are_uuid_v7_and_numbers_are_never_reused() {
    let mut ctx = fresh("2026-03-02 09:00");
    ctx.engine.add_department(xiezuo_engine::org::DepartmentInput { name: "市场部".into(), ..Default::default() }).unwrap();
    let new = |title: &str| NewCollaboration { title: title.into(), initiating_department: "市场部".into(), ..Default::default() };
    let first = ctx.engine.create_collaboration(new("一")).unwrap();
    let second = ctx.engine.create_collaboration(new("二")).unwrap();
    assert_eq!((first.number.as_str(), second.number.as_str()), ("XZ-2026-001", "XZ-2026-002"));
    assert_eq!(uuid::Uuid::parse_str(&first.id).unwrap().get_version_num(), 7);
    // A number stays taken even if its row is marked deleted.
    ctx.engine.connection().execute("UPDATE collaboration SET deleted_at = 'x' WHERE number = 'XZ-2026-002'", []).unwrap();
    assert_eq!(ctx.engine.create_collaboration(new("三")).unwrap().number, "XZ-2026-003");
    ctx.set_now("2027-01-04 09:00");
    assert_eq!(ctx.engine.create_collaboration(new("四")).unwrap().number, "XZ-2027-001");
}

#[test]
fn reopening_keeps_device_and_continues_the_clock() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    let clock = FixedClock::new(at("2026-11-24 09:00"));
    let (device, last) = {
        let mut engine = Engine::open_with_clock(&path, clock.clone()).unwrap();
        engine.load_demo().unwrap();
        let last: String = engine.connection().query_row("SELECT max(hlc) FROM change_log", [], |r| r.get(0)).unwrap();
        (engine.device_id().to_string(), last)
    };
    // The wall clock stepped back: the hybrid clock still moves forward.
    clock.set(at("2026-01-01 09:00"));
    let mut engine = Engine::open_with_clock(&path, clock).unwrap();
    assert_eq!(engine.device_id(), device);
    engine.add_department(xiezuo_engine::org::DepartmentInput { name: "法务部".into(), ..Default::default() }).unwrap();
    let newest: String = engine.connection().query_row("SELECT max(hlc) FROM change_log", [], |r| r.get(0)).unwrap();
    assert!(newest > last);
}

#[test]
fn demo_loading_is_idempotent() {
    let mut ctx = demo();
    let before = ctx.dump();
    assert_eq!(ctx.engine.load_demo().unwrap(), xiezuo_engine::demo::DemoOutcome::AlreadyPresent);
    assert!(ctx.dump() == before);
}

#[test]
fn the_log_keeps_field_level_before_and_after() {
    let mut ctx = demo();
    let number = crate::process::create_third(&mut ctx);
    ctx.engine
        .update_request(xiezuo_engine::collaboration::RequestPatch {
            collaboration: number.clone(),
            title: Some("智能客服系统二期".into()),
            ..Default::default()
        })
        .unwrap();
    let changes: serde_json::Value =
        serde_json::from_str(&ctx.text("SELECT changes FROM change_log WHERE action = 'update_request' AND entity = 'collaboration'"))
            .unwrap();
    assert_eq!(
        changes,
        serde_json::json!({ "title": ["智能客服系统开发", "智能客服系统二期"] }),
        "only the changed field, before and after"
    );
    let asks = ctx.count("SELECT count(*) FROM change_log WHERE action = 'update_request' AND entity = 'collab_department'");
    assert_eq!(asks, 0, "an unchanged list is not logged again");
}

#[test]
fn prints_are_recorded_once_and_found_by_their_short_hash() {
    use xiezuo_engine::model::DocumentKind;
    use xiezuo_engine::printed::PrintedInput;
    let mut ctx = demo();
    let hash = "3f".repeat(32);
    let input = || PrintedInput {
        collaboration: "XZ-2026-001".into(),
        document_kind: DocumentKind::Request,
        document_id: "request-of-001".into(),
        revision: 1,
        content_hash: hash.clone(),
    };
    let first = ctx.engine.record_printed(input()).unwrap();
    assert_eq!(ctx.engine.record_printed(input()).unwrap(), first, "printing the same data again is the same print");
    let found = ctx.engine.find_printed(&hash[..12]).unwrap();
    assert_eq!((found.len(), found[0].number.as_str(), found[0].revision), (1, "XZ-2026-001", 1));
    assert!(ctx.engine.find_printed("3f3f3f3e").unwrap().is_empty());
    ctx.refused("invalid_input", |e| e.record_printed(PrintedInput { content_hash: "xyz".into(), ..input() }));
    ctx.refused("invalid_input", |e| e.find_printed("3f"));
}
