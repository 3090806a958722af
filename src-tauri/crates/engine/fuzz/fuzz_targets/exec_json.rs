//! Arbitrary text as one action line of `xiezuo exec` (and the desktop's `exec`/`validate`
//! commands): it must be decoded and answered with a result or a typed error, and never panic, hang,
//! or change anything when it is only checked.
//!
//! One engine per process keeps the target fast: an in-memory database with the demo data and the
//! repository's full-process scenario replayed up to its archive step, so inputs meet collaborations
//! at every stage. Reads run as `exec` runs them; writes run as `Engine::validate` (all rules, then
//! rolled back), so inputs never pile up state and each one meets the same records. Because record
//! ids are new on every start, the input's `$c.number`, `$m.id`, `$t.id` and `$d.id` (the scenario's
//! own placeholders) are replaced by the records the scenario made; seeds are the scenario's lines.

#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use std::cell::RefCell;
use xiezuo_engine::action::{Action, Outcome};
use xiezuo_engine::clock::FixedClock;
use xiezuo_engine::{Engine, ErrorPayload};

const SCENARIO: &str = include_str!("../../../../../tests/scenarios/full-process.jsonl");

/// The moment the scenario is played at (as in the CLI's scenario test).
const NOW: &str = "2026-12-03T18:00:00+08:00";

struct Fixture {
    engine: Engine,
    /// `$name.field` and the value the scenario bound it to.
    placeholders: Vec<(String, String)>,
}

thread_local! {
    static FIXTURE: RefCell<Fixture> = RefCell::new(fixture());
}

fn fixture() -> Fixture {
    let now = chrono::DateTime::parse_from_rfc3339(NOW).expect("a valid instant").to_utc();
    let mut engine = Engine::open_in_memory(FixedClock::new(now)).expect("an in-memory database opens");
    engine.load_demo().expect("the demo loads");
    let mut placeholders = Vec::new();
    for line in SCENARIO.lines() {
        let mut step: Value = serde_json::from_str(line).expect("scenario lines are JSON");
        if step["action"] == "archive" {
            break;
        }
        let step = step.as_object_mut().expect("scenario lines are objects");
        let bind = step.remove("bind");
        if step.remove("expect").is_some() {
            continue;
        }
        let line = substitute(&Value::Object(step.clone()).to_string(), &placeholders);
        let Outcome::Ok(answer) = engine.run_json(&line) else { panic!("the scenario step was refused: {line}") };
        if let (Some(Value::String(name)), Value::Object(fields)) = (bind, answer) {
            for (field, value) in fields {
                if let Value::String(value) = value {
                    placeholders.push((format!("${name}.{field}"), value));
                }
            }
        }
    }
    Fixture { engine, placeholders }
}

fn substitute(line: &str, placeholders: &[(String, String)]) -> String {
    placeholders.iter().fold(line.to_owned(), |line, (name, value)| line.replace(name.as_str(), value))
}

/// What a kept write would leave behind: the change log's size and newest clock, and the local settings.
fn footprint(engine: &Engine) -> (i64, Option<String>, Option<String>) {
    engine
        .connection()
        .query_row(
            "SELECT (SELECT count(*) FROM change_log), (SELECT max(hlc) FROM change_log),
                    (SELECT group_concat(key || '=' || value, ';') FROM local_setting)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("the footprint query runs")
}

fn answer(result: xiezuo_engine::Result<Value>) -> Outcome {
    match result {
        Ok(value) => Outcome::Ok(value),
        Err(err) => Outcome::Error(ErrorPayload::from(&err)),
    }
}

fn check(fixture: &mut Fixture, input: &str) {
    let line = substitute(input, &fixture.placeholders);
    let engine = &mut fixture.engine;
    let before = footprint(engine);
    let outcome = match serde_json::from_str::<Action>(&line) {
        Err(_) => {
            let outcome = engine.run_json(&line);
            assert!(matches!(&outcome, Outcome::Error(e) if e.kind == "invalid_input"), "undecodable line answered {outcome:?}");
            outcome
        }
        Ok(action) if action.is_read() => answer(engine.run(action)),
        Ok(action) => answer(engine.validate(action).map(|()| Value::Null)),
    };
    if let Outcome::Error(error) = &outcome {
        assert!(!error.kind.is_empty() && !error.message.is_empty(), "an error without kind or message: {error:?}");
        // A database error means a bad value reached SQL instead of being refused with a typed error.
        assert_ne!(error.kind, "database", "untyped database error for {line}: {}", error.message);
    }
    serde_json::to_string(&outcome).expect("every outcome serialises");
    assert!(engine.connection().is_autocommit(), "a transaction was left open by {line}");
    assert_eq!(footprint(engine), before, "a checked action kept a change: {line}");
}

fuzz_target!(|data: &[u8]| {
    // `exec` reads UTF-8 text lines; other bytes are refused before any JSON decoding.
    let Ok(input) = std::str::from_utf8(data) else { return };
    FIXTURE.with_borrow_mut(|fixture| check(fixture, input));
});
