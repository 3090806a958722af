//! Hostile input at the one entry every caller uses: the JSON actions of `Engine::run_json` (the
//! CLI's `exec` feeds it lines, the desktop app the same actions). Over-long text, control
//! characters, lone UTF-16 surrogates, dates out of range, ids of other records and SQL-looking
//! strings each get a typed error with the exact kind and field, change nothing (every table, the
//! change log and the register are compared) and never panic; SQL-looking text that is valid is
//! stored verbatim and read back.

use crate::support::{demo, Ctx};
use serde_json::{json, Value};
use xiezuo_engine::action::Outcome;
use xiezuo_engine::text::{LINE_MAX_CHARS, TEXT_MAX_CHARS};
use xiezuo_engine::RegisterQuery;

/// Ids of records the hostile lines point at, by placeholder name.
struct Ids(Vec<(&'static str, String)>);

impl Ids {
    fn fill(&self, template: &str) -> String {
        let mut line = template.replace("{long_line}", &"字".repeat(LINE_MAX_CHARS + 1));
        line = line.replace("{long_text}", &"a".repeat(TEXT_MAX_CHARS + 1));
        for (name, id) in &self.0 {
            line = line.replace(&format!("{{{name}}}"), id);
        }
        line
    }

    /// The message with the ids put back as their placeholder names, for a stable snapshot.
    fn redact(&self, message: &str) -> String {
        self.0.iter().fold(message.to_string(), |text, (name, id)| text.replace(id, &format!("{{{name}}}")))
    }
}

/// The demo data plus an attachment of XZ-2026-002, and the ids of the other collaboration's
/// records that the lines try to use on XZ-2026-001.
fn setup() -> (Ctx, Ids) {
    let mut ctx = demo();
    let Outcome::Ok(attachment) = ctx.engine.run_json(
        &json!({"action": "add_attachment", "payload": {
            "collaboration": "XZ-2026-002", "file_name": "培训需求.pdf", "media_type": "application/pdf", "content_base64": "JVBERi0="
        }})
        .to_string(),
    ) else {
        panic!("attachment refused")
    };
    let of = |sql: &str, number: &str| ctx.text(&sql.replace("?", &format!("(SELECT id FROM collaboration WHERE number = '{number}')")));
    let ids = Ids(vec![
        ("task_of_002", of("SELECT id FROM task WHERE collaboration_id = ? LIMIT 1", "XZ-2026-002")),
        ("meeting_of_002", of("SELECT id FROM meeting WHERE collaboration_id = ? LIMIT 1", "XZ-2026-002")),
        ("milestone_of_002", of("SELECT id FROM milestone WHERE collaboration_id = ? LIMIT 1", "XZ-2026-002")),
        ("signature_of_001", of("SELECT id FROM signature WHERE collaboration_id = ? LIMIT 1", "XZ-2026-001")),
        ("person_wang_lei", ctx.text("SELECT id FROM person WHERE name = '王磊'")),
        ("department_marketing", ctx.text("SELECT id FROM department WHERE name = '市场部'")),
        ("department_finance", ctx.text("SELECT id FROM department WHERE name = '财务部'")),
        ("department_rnd", ctx.text("SELECT id FROM department WHERE name = '研发部'")),
        ("attachment_of_002", attachment["id"].as_str().unwrap().to_string()),
    ]);
    (ctx, ids)
}

const TASK: &str = r#""collaboration": "XZ-2026-001", "department": "销售部", "responsible": "赵强", "start_date": "2026-11-25", "end_date": "2026-11-30""#;

/// (class, JSON action line with placeholders, expected kind, expected field); one row a line.
#[rustfmt::skip]
const CASES: &[(&str, &str, &str, Option<&str>)] = &[
    // Over-long text: single-line fields stop at 200 characters, multi-line ones at 20,000.
    ("over_long", r#"{"action": "create_collaboration", "payload": {"title": "{long_line}", "initiating_department": "市场部"}}"#, "invalid_input", Some("title")),
    ("over_long", r#"{"action": "update_notes", "payload": {"collaboration": "XZ-2026-001", "remarks": "{long_text}"}}"#, "invalid_input", Some("remarks")),
    ("over_long", r#"{"action": "add_person", "payload": {"name": "{long_line}", "department": "市场部"}}"#, "invalid_input", Some("name")),
    ("over_long", r#"{"action": "add_task", "payload": {TASK, "title": "{long_line}"}}"#, "invalid_input", Some("title")),
    ("over_long", r#"{"action": "raise_risk", "payload": {"collaboration": "XZ-2026-001", "title": "风险", "impact": "{long_text}"}}"#, "invalid_input", Some("impact")),
    ("over_long", r#"{"action": "search", "payload": {"query": "{long_line}"}}"#, "invalid_input", Some("query")),
    // Control characters: NUL and the rest of C0/C1 never; line breaks and tabs only in multi-line text.
    ("control_characters", r#"{"action": "create_collaboration", "payload": {"title": "a\u0000b", "initiating_department": "市场部"}}"#, "invalid_input", Some("title")),
    ("control_characters", r#"{"action": "update_notes", "payload": {"collaboration": "XZ-2026-001", "progress_note": "\u001b[31m红字"}}"#, "invalid_input", Some("progress_note")),
    ("control_characters", r#"{"action": "add_communication", "payload": {"collaboration": "XZ-2026-001", "kind": "phone", "summary": "a\u0085b"}}"#, "invalid_input", Some("summary")),
    ("control_characters", r#"{"action": "add_department", "payload": {"name": "市场\n二部"}}"#, "invalid_input", Some("name")),
    ("control_characters", r#"{"action": "add_task", "payload": {TASK, "title": "调研\t任务"}}"#, "invalid_input", Some("title")),
    ("control_characters", r#"{"action": "save_minutes", "payload": {"meeting": "{meeting_of_002}", "communication": {"weekly_meeting": "周一\u0007"}}}"#, "invalid_input", Some("communication.weekly_meeting")),
    ("control_characters", r#"{"action": "set_calendar_day", "payload": {"date": "2026-12-01", "is_working_day": false, "note": "\u0000"}}"#, "invalid_input", Some("note")),
    // Lone UTF-16 surrogates, as a webview can send them: the line does not decode.
    ("lone_surrogate", r#"{"action": "create_collaboration", "payload": {"title": "\ud800", "initiating_department": "市场部"}}"#, "invalid_input", Some("action")),
    ("lone_surrogate", r#"{"action": "update_notes", "payload": {"collaboration": "XZ-2026-001", "remarks": "备注\udc00"}}"#, "invalid_input", Some("action")),
    ("lone_surrogate", r#"{"action": "search", "payload": {"query": "\ud83d"}}"#, "invalid_input", Some("action")),
    // Dates: impossible ones do not decode; possible ones outside 1900–2199 are refused by field.
    ("date_out_of_range", r#"{"action": "create_collaboration", "payload": {"title": "t", "initiating_department": "市场部", "expected_completion": "2026-02-30"}}"#, "invalid_input", Some("action")),
    ("date_out_of_range", r#"{"action": "create_collaboration", "payload": {"title": "t", "initiating_department": "市场部", "expected_completion": "0000-01-01"}}"#, "invalid_input", Some("expected_completion")),
    ("date_out_of_range", r#"{"action": "create_collaboration", "payload": {"title": "t", "initiating_department": "市场部", "expected_completion": "+99999-01-01"}}"#, "invalid_input", Some("expected_completion")),
    ("date_out_of_range", r#"{"action": "add_task", "payload": {"collaboration": "XZ-2026-001", "department": "销售部", "responsible": "赵强", "title": "t", "start_date": "1899-12-31", "end_date": "2026-11-30"}}"#, "invalid_input", Some("start_date")),
    ("date_out_of_range", r#"{"action": "add_problem", "payload": {"collaboration": "XZ-2026-001", "description": "d", "owner": "赵强", "deadline": "2200-01-01"}}"#, "invalid_input", Some("deadline")),
    ("date_out_of_range", r#"{"action": "post_status", "payload": {"task": "{task_of_002}", "status": "in_progress", "on_date": "1000-01-01"}}"#, "invalid_input", Some("on_date")),
    ("date_out_of_range", r#"{"action": "schedule_meeting", "payload": {"collaboration": "XZ-2026-001", "kind": "progress", "starts_at": "9999-12-31T01:00:00Z", "ends_at": "9999-12-31T02:00:00Z"}}"#, "invalid_input", Some("starts_at")),
    ("date_out_of_range", r#"{"action": "schedule_meeting", "payload": {"collaboration": "XZ-2026-001", "kind": "progress", "starts_at": "+275760-09-13T00:00:00Z", "ends_at": "2026-12-01T02:00:00Z"}}"#, "invalid_input", Some("action")),
    ("date_out_of_range", r#"{"action": "set_calendar_day", "payload": {"date": "0001-01-01", "is_working_day": true}}"#, "invalid_input", Some("date")),
    ("date_out_of_range", r#"{"action": "open_change_request", "payload": {"collaboration": "XZ-2026-001", "title": "t", "reason": "r", "by": "王磊", "changes": {"milestones": [{"name": "m", "due_date": "3000-01-01"}]}}}"#, "invalid_input", Some("changes.milestones.due_date")),
    // Ids of other records: another collaboration's task, meeting, milestone or attachment, a
    // person where a department is expected and the other way round.
    ("other_records", r#"{"action": "add_problem", "payload": {"collaboration": "XZ-2026-001", "meeting": "{meeting_of_002}", "description": "d", "owner": "赵强", "deadline": "2026-12-01"}}"#, "not_found", None),
    ("other_records", r#"{"action": "submit_deliverable", "payload": {"collaboration": "XZ-2026-001", "department": "销售部", "title": "t", "task": "{task_of_002}"}}"#, "not_found", None),
    ("other_records", r#"{"action": "submit_deliverable", "payload": {"collaboration": "XZ-2026-001", "department": "销售部", "title": "t", "attachment": "{attachment_of_002}"}}"#, "not_found", None),
    ("other_records", r#"{"action": "open_change_request", "payload": {"collaboration": "XZ-2026-001", "title": "t", "reason": "r", "by": "王磊", "changes": {"tasks": [{"task": "{task_of_002}", "end_date": "2026-12-20"}]}}}"#, "not_found", None),
    ("other_records", r#"{"action": "open_change_request", "payload": {"collaboration": "XZ-2026-001", "title": "t", "reason": "r", "by": "王磊", "changes": {"milestones": [{"milestone": "{milestone_of_002}", "due_date": "2026-12-20"}]}}}"#, "not_found", None),
    ("other_records", r#"{"action": "record_signature", "payload": {"signature": "{signature_of_001}", "signed_on": "2026-11-20", "scan_attachment": "{attachment_of_002}"}}"#, "not_found", None),
    ("other_records", r#"{"action": "add_task", "payload": {"collaboration": "XZ-2026-001", "department": "{person_wang_lei}", "responsible": "赵强", "title": "t", "start_date": "2026-11-25", "end_date": "2026-11-30"}}"#, "not_found", None),
    ("other_records", r#"{"action": "update_notes", "payload": {"collaboration": "XZ-2026-001", "owner": "{department_marketing}"}}"#, "not_found", None),
    ("other_records", r#"{"action": "post_status", "payload": {"task": "{meeting_of_002}", "status": "done"}}"#, "not_found", None),
    ("other_records", r#"{"action": "get_collaboration", "payload": {"collaboration": "{task_of_002}"}}"#, "not_found", None),
    ("other_records", r#"{"action": "add_task", "payload": {"collaboration": "XZ-2026-001", "department": "财务部", "responsible": "周敏", "title": "t", "start_date": "2026-11-25", "end_date": "2026-11-30"}}"#, "not_participant", None),
    ("other_records", r#"{"action": "add_feedback", "payload": {"collaboration": "XZ-2026-001", "department": "研发部", "text": "意见"}}"#, "not_participant", None),
    // SQL-looking keys are looked up as text, never run.
    ("sql_looking", r#"{"action": "get_collaboration", "payload": {"collaboration": "XZ-2026-001' OR '1'='1"}}"#, "not_found", None),
    ("sql_looking", r#"{"action": "add_task", "payload": {"collaboration": "XZ-2026-001", "department": "'); DROP TABLE collaboration;--", "responsible": "赵强", "title": "t", "start_date": "2026-11-25", "end_date": "2026-11-30"}}"#, "not_found", None),
    ("sql_looking", r#"{"action": "set_me", "payload": {"person": "%"}}"#, "not_found", None),
    ("sql_looking", r#"{"action": "set_me", "payload": {"person": "_"}}"#, "not_found", None),
    // Paths where a file name belongs.
    ("paths", r#"{"action": "add_attachment", "payload": {"collaboration": "XZ-2026-001", "file_name": "../../etc/passwd", "media_type": "text/plain", "content_base64": "eA=="}}"#, "invalid_input", Some("file_name")),
    ("paths", r#"{"action": "add_attachment", "payload": {"collaboration": "XZ-2026-001", "file_name": "/etc/passwd", "media_type": "text/plain", "content_base64": "eA=="}}"#, "invalid_input", Some("file_name")),
    ("paths", r#"{"action": "add_attachment", "payload": {"collaboration": "XZ-2026-001", "file_name": "C:\\Windows\\win.ini", "media_type": "text/plain", "content_base64": "eA=="}}"#, "invalid_input", Some("file_name")),
    ("paths", r#"{"action": "add_attachment", "payload": {"collaboration": "XZ-2026-001", "file_name": "..", "media_type": "text/plain", "content_base64": "eA=="}}"#, "invalid_input", Some("file_name")),
];

fn register(ctx: &Ctx) -> String {
    serde_json::to_string(&ctx.engine.register(&RegisterQuery { include_archived: Some(true), ..Default::default() }).unwrap()).unwrap()
}

#[test]
fn hostile_lines_are_refused_by_kind_and_field_and_change_nothing() {
    let (mut ctx, ids) = setup();
    let before = (ctx.dump(), ctx.count("SELECT count(*) FROM change_log"), register(&ctx));
    let mut table = Vec::new();
    for (class, template, kind, field) in CASES {
        let line = ids.fill(&template.replace("TASK", TASK));
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ctx.engine.run_json(&line)))
            .unwrap_or_else(|_| panic!("{class}: panicked on {template}"));
        let Outcome::Error(error) = outcome else { panic!("{class}: accepted {template}: {outcome:?}") };
        assert_eq!((error.kind.as_str(), error.field.as_deref()), (*kind, *field), "{class}: {template}: {}", error.message);
        let after = (ctx.dump(), ctx.count("SELECT count(*) FROM change_log"), register(&ctx));
        assert!(after == before, "{class}: {template} changed the database");
        // Every template starts `{"action": "<name>"`.
        let action = template.split('"').nth(3).unwrap_or("?");
        table.push(format!(
            "{class:<19} {action:<22} {kind}{} — {}",
            field.map(|f| format!("({f})")).unwrap_or_default(),
            ids.redact(&error.message).chars().take(110).collect::<String>(),
        ));
    }
    insta::assert_snapshot!(table.join("\n"));
}

#[test]
fn sql_looking_text_is_stored_verbatim_and_search_wildcards_are_plain_characters() {
    let (mut ctx, _) = setup();
    let title = "'); DROP TABLE collaboration;-- 100% _done_";
    let background = "x' OR 1=1; --\n\"quoted\" \\ backslash; /* comment */";
    let outcome = ctx.engine.run_json(
        &json!({"action": "create_collaboration", "payload": {
            "title": title, "initiating_department": "市场部", "background": background, "goal": "目标"
        }})
        .to_string(),
    );
    let Outcome::Ok(created) = outcome else { panic!("{outcome:?}") };
    let Outcome::Ok(dossier) =
        ctx.engine.run_json(&json!({"action": "get_collaboration", "payload": {"collaboration": created["number"]}}).to_string())
    else {
        panic!()
    };
    assert_eq!(dossier["collaboration"]["title"], title);
    assert_eq!(dossier["collaboration"]["background"], background);
    assert_eq!(ctx.count("SELECT count(*) FROM collaboration"), 3, "the collaboration table is still there");

    let hits = |ctx: &mut Ctx, query: &str| -> Vec<Value> {
        let Outcome::Ok(Value::Array(hits)) = ctx.engine.run_json(&json!({"action": "search", "payload": {"query": query}}).to_string())
        else {
            panic!("search for {query:?} failed")
        };
        hits
    };
    for wildcard in ["%", "_", "*", "%%", "_%_"] {
        assert!(hits(&mut ctx, wildcard).is_empty(), "{wildcard:?} is not a wildcard");
    }
    for syntax in ["\"", "'", "NEAR(", "a OR b", "-", "')--", "title:x", "^"] {
        hits(&mut ctx, syntax); // answered, not an FTS5 syntax error
    }
    assert_eq!(hits(&mut ctx, "DROP")[0]["entity_id"], created["id"]);
    assert_eq!(hits(&mut ctx, "100")[0]["entity_id"], created["id"]);
}

#[test]
fn text_at_the_limits_and_real_line_breaks_are_accepted() {
    let (mut ctx, _) = setup();
    let title = "字".repeat(LINE_MAX_CHARS);
    let goal = format!("第一行\r\n第二行\t缩进\n{}", "a".repeat(TEXT_MAX_CHARS - 20));
    let outcome = ctx.engine.run_json(
        &json!({"action": "create_collaboration", "payload": {
            "title": format!("  {title}  "), "initiating_department": "市场部", "goal": goal, "expected_completion": "2199-12-31"
        }})
        .to_string(),
    );
    let Outcome::Ok(created) = outcome else { panic!("{outcome:?}") };
    let stored = |column: &str| ctx.text(&format!("SELECT {column} FROM collaboration WHERE id = '{}'", created["id"].as_str().unwrap()));
    assert_eq!(stored("title"), title, "trimmed");
    assert!(stored("goal").starts_with("第一行\n第二行\t缩进\n"), "Windows line ends are stored as \\n");
    assert_eq!(stored("expected_completion"), "2199-12-31");
    // A surrogate pair is a real character (an emoji), not a lone half.
    let outcome =
        ctx.engine.run_json(r#"{"action": "update_notes", "payload": {"collaboration": "XZ-2026-001", "remarks": "完成 \ud83d\ude00"}}"#);
    assert!(matches!(outcome, Outcome::Ok(_)), "{outcome:?}");
    assert_eq!(ctx.text("SELECT remarks FROM collaboration WHERE number = 'XZ-2026-001'"), "完成 😀");
}

#[test]
fn extreme_numbers_in_reads_are_answered_not_failed() {
    let (mut ctx, _) = setup();
    let answer = |ctx: &mut Ctx, line: &str| match ctx.engine.run_json(line) {
        Outcome::Ok(value) => value,
        Outcome::Error(error) => panic!("{line}: {error:?}"),
    };
    let page =
        answer(&mut ctx, r#"{"action": "get_register", "payload": {"offset": 18446744073709551615, "limit": 18446744073709551615}}"#);
    assert_eq!((page["total"].as_u64(), page["rows"].as_array().map(Vec::len)), (Some(2), Some(0)));
    let due = answer(&mut ctx, r#"{"action": "calendar_due", "payload": {"start": "2026-11-24", "working_days": 4294967295}}"#);
    assert!(due["date"].as_str().is_some_and(|d| d > "2026-11-24"), "{due}");
    for year in [0, -262144, 262143, 2147483647] {
        let view = answer(&mut ctx, &format!(r#"{{"action": "calendar_year", "payload": {{"year": {year}}}}}"#));
        assert!(view["days"].as_array().is_some_and(|d| d.len() <= 366), "{year}");
    }
    let recent = answer(&mut ctx, r#"{"action": "get_recent_activity", "payload": {"limit": 18446744073709551615}}"#);
    assert!(recent.as_array().is_some_and(|a| !a.is_empty() && a.len() <= 200));
    let hits = answer(&mut ctx, r#"{"action": "search", "payload": {"query": "推广", "limit": 18446744073709551615}}"#);
    assert!(hits.as_array().is_some_and(|h| !h.is_empty()));
}
