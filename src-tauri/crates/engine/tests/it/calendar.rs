//! The working-day calendar as the engine uses it: feasibility due dates follow the Chinese
//! calendar with make-up days, are recomputed when the calendar changes, and warn in years
//! without holiday data.

use crate::process::{answer, create_third};
use crate::support::{day, demo};
use xiezuo_engine::model::FeasibilityAnswer;

fn due_dates(ctx: &crate::support::Ctx, number: &str) -> Vec<(String, Option<String>)> {
    ctx.engine
        .dossier(number)
        .unwrap()
        .feasibility
        .iter()
        .filter(|f| f["answer"].is_null())
        .map(|f| (f["due_date"].as_str().unwrap().to_string(), f["due_warning"].as_str().map(str::to_string)))
        .collect()
}

const HOLIDAYS_2027: &str = r#"{"year":2027,"papers":["国务院办公厅关于2027年部分节假日安排的通知"],"days":[
  {"name":"元旦","date":"2027-01-01","isOffDay":true},
  {"name":"春节","date":"2027-02-05","isOffDay":true},{"name":"春节","date":"2027-02-08","isOffDay":true},
  {"name":"春节","date":"2027-02-09","isOffDay":true},{"name":"春节","date":"2027-02-10","isOffDay":true},
  {"name":"春节","date":"2027-02-11","isOffDay":true},{"name":"春节","date":"2027-02-20","isOffDay":false}]}"#;

#[test]
fn request_sent_before_spring_festival_2026_is_due_after_it() {
    let mut ctx = demo();
    ctx.set_now("2026-02-13 16:00");
    let number = create_third(&mut ctx);
    ctx.engine.send_request(&number).unwrap();
    assert_eq!(due_dates(&ctx, &number), vec![(String::from("2026-02-24"), None); 2]);
}

#[test]
fn national_day_2026_with_its_make_up_saturday() {
    let ctx = demo();
    assert_eq!(ctx.engine.due(day("2026-09-30"), 2).date, day("2026-10-09"));
    assert_eq!(ctx.engine.due(day("2026-09-30"), 3).date, day("2026-10-10"), "Sat 10-10 is a make-up working day");
    assert_eq!(ctx.engine.due(day("2026-09-18"), 1).date, day("2026-09-20"), "Sun 09-20 is a make-up working day");
    assert_eq!(ctx.engine.due(day("2025-12-31"), 1).date, day("2026-01-04"), "year boundary: Jan 1–3 off, Sun Jan 4 works");
}

#[test]
fn a_year_without_data_warns_and_an_import_recomputes_open_deadlines() {
    let mut ctx = demo();
    ctx.set_now("2027-02-04 10:00");
    let number = create_third(&mut ctx);
    ctx.engine.send_request(&number).unwrap();
    // Without 2027 data only the weekend is skipped: Thu + 2 → Mon 02-08, with a warning.
    assert_eq!(due_dates(&ctx, &number), vec![(String::from("2027-02-08"), Some(String::from("no_holiday_data:2027"))); 2]);
    assert!(!ctx.engine.calendar_year(2027).has_data);

    ctx.engine.answer_feasibility(answer(&number, "市场部", FeasibilityAnswer::Confirm, None)).unwrap();
    assert_eq!(ctx.engine.import_holidays(HOLIDAYS_2027).unwrap(), 2027);
    // Fri 02-05 and 02-08…11 are off: day 1 is Fri 02-12, day 2 Mon 02-15; the answered one stays.
    assert_eq!(due_dates(&ctx, &number), vec![(String::from("2027-02-15"), None)]);
    assert!(ctx.engine.calendar_year(2027).has_data);
    let answered: String = ctx.text("SELECT f.due_date FROM feasibility_answer f JOIN department d ON d.id = f.department_id WHERE d.name = '市场部' AND f.answer = 'confirm' ORDER BY f.rowid DESC LIMIT 1");
    assert_eq!(answered, "2027-02-08");
    let logged = ctx.count("SELECT count(*) FROM change_log WHERE action = 'import_holidays' AND entity = 'feasibility_answer'");
    assert_eq!(logged, 1, "the recomputation is in the change log");

    // A user override wins over imported data, and clearing it restores the import.
    ctx.engine.set_calendar_day(day("2027-02-11"), true, Some("公司安排值班".into())).unwrap();
    assert_eq!(due_dates(&ctx, &number), vec![(String::from("2027-02-12"), None)]);
    ctx.engine.clear_calendar_day(day("2027-02-11")).unwrap();
    assert_eq!(due_dates(&ctx, &number), vec![(String::from("2027-02-15"), None)]);
}

#[test]
fn calendar_edits_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    {
        let mut engine = xiezuo_engine::Engine::open(&path).unwrap();
        engine.import_holidays(HOLIDAYS_2027).unwrap();
        engine.set_calendar_day(day("2026-12-31"), false, None).unwrap();
    }
    let engine = xiezuo_engine::Engine::open(&path).unwrap();
    assert!(engine.calendar_year(2027).has_data);
    assert!(!engine.calendar_year(2026).days.iter().find(|d| d.date == day("2026-12-31")).unwrap().is_working_day);
}

#[test]
fn a_malformed_holiday_file_is_refused_without_change() {
    let mut ctx = demo();
    ctx.refused("calendar", |e| e.import_holidays("{not json"));
    ctx.refused("calendar", |e| {
        e.import_holidays(r#"{"year":2027,"papers":[],"days":[{"name":"x","date":"2027-02-30","isOffDay":true}]}"#)
    });
}
