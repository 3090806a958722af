//! Arbitrary bytes as the holiday-cn file of `xiezuo calendar import` (and the desktop's
//! `import_holidays` action): the file must be accepted or refused with a `calendar` error, never
//! panic or hang, and an accepted file must mean what it says.
//!
//! Checked for every input: the engine's import (run as a validation on one in-memory engine with
//! the demo data, so deadlines are recomputed and then rolled back) accepts exactly what the parser
//! accepts, and leaves the engine's calendar as it was. For an accepted file: the year is supported,
//! the parsed year written back out parses to the same thing, every listed day of the file's own year
//! reads back from the calendar as imported, and deadlines still count their working days.
//! Seeds: the bundled holiday files and the engine tests' 2027 file.

#![no_main]

use chrono::{Datelike, NaiveDate};
use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;
use xiezuo_engine::action::{Action, HolidayImport};
use xiezuo_engine::calendar::{parse_holiday_cn, DaySource, HolidayYear, WorkCalendar};
use xiezuo_engine::clock::FixedClock;
use xiezuo_engine::Engine;

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::new(demo_engine());
}

fn demo_engine() -> Engine {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-24T09:00:00+08:00").expect("a valid instant").to_utc();
    let mut engine = Engine::open_in_memory(FixedClock::new(now)).expect("an in-memory database opens");
    engine.load_demo().expect("the demo loads");
    engine
}

fn check_engine_import(engine: &mut Engine, text: &str, parsed: Option<&HolidayYear>) {
    let year = parsed.map_or(2026, |parsed| parsed.year);
    let calendar_before = engine.calendar_year(year);
    let result = engine.validate(Action::ImportHolidays(HolidayImport { json: text.to_owned() }));
    match (&result, parsed) {
        (Ok(()), Some(_)) => {}
        (Err(err), None) => assert_eq!(err.kind(), "calendar", "a refused file gave {err}"),
        _ => panic!("the engine and the parser disagree: engine {result:?}, parser {parsed:?}"),
    }
    assert_eq!(engine.calendar_year(year), calendar_before, "a checked import changed the calendar");
}

fn check_meaning(parsed: &HolidayYear) {
    assert!((2000..=2100).contains(&parsed.year), "unsupported year {} accepted", parsed.year);
    let written = serde_json::to_string(parsed).expect("a holiday year serialises");
    assert_eq!(parse_holiday_cn(&written).as_ref(), Ok(parsed), "the year written back out reads differently");

    let mut calendar = WorkCalendar::with_bundled();
    calendar.add_imported(parsed.clone());
    for listed in parsed.days.iter().filter(|day| day.date.year() == parsed.year) {
        let day = calendar.day(listed.date);
        assert_eq!(day.source, DaySource::Imported, "{} does not read back as imported", listed.date);
        assert_eq!(day.is_working_day, !listed.is_off_day, "{} reads back with the wrong kind", listed.date);
        assert_eq!(day.name.as_deref(), Some(listed.name.as_str()));
    }
    let days_in_year = calendar.year(parsed.year).len();
    assert!(days_in_year == 365 || days_in_year == 366, "{} has {days_in_year} days", parsed.year);
    // A file marks at most the fourteen months around its year, so a year's worth of working days
    // from before them is always reached well inside the walk's cap.
    let start = NaiveDate::from_ymd_opt(parsed.year - 1, 11, 30).expect("a valid date");
    let due = calendar.due(start, 250);
    assert_eq!(due.working_days, 250, "a deadline stopped short");
    assert!(calendar.is_working_day(due.date), "a deadline fell on a day off");
}

fuzz_target!(|data: &[u8]| {
    // The CLI reads the file as UTF-8 text; other bytes are refused before parsing.
    let Ok(text) = std::str::from_utf8(data) else { return };
    let parsed = parse_holiday_cn(text).ok();
    if let Some(parsed) = &parsed {
        check_meaning(parsed);
    }
    ENGINE.with_borrow_mut(|engine| check_engine_import(engine, text, parsed.as_ref()));
});
