//! The data actions behind the settings screen: where the data lives, and loading the demo.

use crate::support::fresh;
use serde_json::json;
use xiezuo_engine::action::{Action, Outcome};

fn run(ctx: &mut crate::support::Ctx, action: serde_json::Value) -> serde_json::Value {
    match ctx.engine.run_json(&action.to_string()) {
        Outcome::Ok(value) => value,
        Outcome::Error(error) => panic!("{action} was refused: {error:?}"),
    }
}

#[test]
fn data_info_names_the_database_and_its_backups_folder() {
    let mut ctx = fresh("2026-11-24 09:00");
    ctx.engine.daily_backup().unwrap();
    let info = run(&mut ctx, json!({"action": "get_data_info"}));
    let database = ctx.engine.path().unwrap().to_path_buf();
    assert_eq!(info["database"], json!(database));
    assert_eq!(info["backups_folder"], json!(database.parent().unwrap().join("backups")));
    assert_eq!(info["backups"][0]["file_name"], "daily-20261124.db");
    assert!(serde_json::from_value::<Action>(json!({"action": "get_data_info"})).unwrap().is_read());
}

#[test]
fn loading_the_demo_is_a_write_that_happens_once() {
    let mut ctx = fresh("2026-11-24 09:00");
    let action = json!({"action": "load_demo"});
    assert!(!serde_json::from_value::<Action>(action.clone()).unwrap().is_read());
    assert_eq!(run(&mut ctx, action.clone()), json!({"loaded": true, "numbers": ["XZ-2026-001", "XZ-2026-002"]}));
    let before = ctx.dump();
    assert_eq!(run(&mut ctx, action), json!({"loaded": false, "numbers": []}));
    assert!(ctx.dump() == before, "a second load changed the database");
}
