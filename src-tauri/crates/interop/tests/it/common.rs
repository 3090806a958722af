//! What the interop tests share: engines on a fixed clock, with or without the demo data, and
//! JSON actions run the way the desktop and `xiezuo exec` run them.


use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use serde_json::{json, Value};
use xiezuo_engine::clock::{china_offset, FixedClock};
use xiezuo_engine::Engine;

/// An instant given in China time, e.g. `at("2026-11-24 09:00")`.
pub fn at(text: &str) -> DateTime<Utc> {
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap();
    china_offset().from_local_datetime(&naive).single().unwrap().with_timezone(&Utc)
}

/// An empty database with the clock at 2026-11-24 09:00 China time.
pub fn empty() -> Engine {
    Engine::open_in_memory(FixedClock::new(at("2026-11-24 09:00"))).unwrap()
}

/// The demo data with the clock at 2026-11-24 09:00 China time.
pub fn demo() -> Engine {
    let mut engine = empty();
    engine.load_demo().unwrap();
    engine
}

/// Runs one JSON action, as the desktop and `xiezuo exec` do.
pub fn run(engine: &mut Engine, action: Value) -> Value {
    engine.run(serde_json::from_value(action).unwrap()).unwrap()
}

/// The demo's people have no email addresses; tests give some of them one.
pub fn set_email(engine: &mut Engine, person: &str, email: &str) {
    run(engine, json!({ "action": "update_person", "payload": { "person": person, "email": email } }));
}
