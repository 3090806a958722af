//! Calendar files read back with an independent parser (the `ical` crate): events, Beijing-time
//! meetings with their time zone, all-day deadlines, Chinese text and escaping intact, stable UIDs.

use chrono::DateTime;
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use ical::property::Property;
use serde_json::json;
use xiezuo_engine::clock::china_offset;
use xiezuo_engine::meeting::MeetingInput;
use xiezuo_engine::model::MeetingKind;
use xiezuo_engine::Engine;
use xiezuo_forms::Lang;
use xiezuo_interop::ics;

use crate::common::*;

fn kickoff_id(engine: &Engine) -> String {
    engine.dossier("XZ-2026-001").unwrap().meetings[0]["id"].as_str().unwrap().to_string()
}

fn change_count(engine: &Engine) -> i64 {
    engine.connection().query_row("SELECT count(*) FROM change_log", [], |r| r.get(0)).unwrap()
}

/// Parses `text` as exactly one calendar, after checking its physical lines.
fn parse(text: &str) -> IcalCalendar {
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains(['\r', '\n']), "CRLF line ends only");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "a line over 75 octets: {line:?}");
    }
    let mut calendars = ical::IcalParser::new(text.as_bytes());
    let calendar = calendars.next().expect("a calendar").expect("it parses");
    assert!(calendars.next().is_none(), "one calendar");
    calendar
}

fn all<'a>(properties: &'a [Property], name: &str) -> Vec<&'a Property> {
    properties.iter().filter(|p| p.name == name).collect()
}

fn one<'a>(properties: &'a [Property], name: &str) -> &'a Property {
    let found = all(properties, name);
    assert_eq!(found.len(), 1, "exactly one {name}");
    found[0]
}

/// A property's raw (still escaped) value.
fn raw(properties: &[Property], name: &str) -> String {
    one(properties, name).value.clone().unwrap_or_default()
}

/// A TEXT property's value, unescaped (RFC 5545 §3.3.11).
fn text(properties: &[Property], name: &str) -> String {
    let mut out = String::new();
    let mut chars = raw(properties, name).chars().collect::<Vec<_>>().into_iter();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, false) => out.push(c),
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            },
        }
    }
    out
}

fn param(property: &Property, key: &str) -> Option<String> {
    property.params.as_ref()?.iter().find(|(k, _)| k == key).and_then(|(_, v)| v.first().cloned())
}

fn event_with_uid<'a>(calendar: &'a IcalCalendar, uid: &str) -> &'a IcalEvent {
    calendar.events.iter().find(|e| raw(&e.properties, "UID") == uid).unwrap_or_else(|| panic!("no event {uid}"))
}

#[test]
fn a_meeting_invite_is_a_request_in_beijing_time_with_its_agenda_and_attendees() {
    let mut engine = demo();
    set_email(&mut engine, "王磊", "wanglei@example.com");
    set_email(&mut engine, "李娜", "lina@example.com");
    set_email(&mut engine, "赵强", "zhaoqiang@example.com");
    let meeting = kickoff_id(&engine);
    let calendar = parse(&ics::meeting_invite(&engine, &meeting, Lang::Zh).unwrap());

    assert_eq!(raw(&calendar.properties, "METHOD"), "REQUEST");
    assert_eq!(raw(&calendar.properties, "VERSION"), "2.0");
    let [zone] = calendar.timezones.as_slice() else { panic!("one VTIMEZONE") };
    assert_eq!(raw(&zone.properties, "TZID"), "Asia/Shanghai");
    let [standard] = zone.transitions.as_slice() else { panic!("one STANDARD rule") };
    assert_eq!(raw(&standard.properties, "TZOFFSETFROM"), "+0800");
    assert_eq!(raw(&standard.properties, "TZOFFSETTO"), "+0800");
    assert_eq!(raw(&standard.properties, "TZNAME"), "CST");

    let [event] = calendar.events.as_slice() else { panic!("one event") };
    let p = &event.properties;
    // The wall-clock time in Beijing of the stored instants (the demo's kickoff is 14:00–16:00).
    let row = engine.dossier("XZ-2026-001").unwrap().meetings[0].clone();
    let beijing = |key: &str| {
        DateTime::parse_from_rfc3339(row[key].as_str().unwrap()).unwrap().with_timezone(&china_offset()).format("%Y%m%dT%H%M%S").to_string()
    };
    for (name, key, expected) in [("DTSTART", "starts_at", "20261008T140000"), ("DTEND", "ends_at", "20261008T160000")] {
        assert_eq!(raw(p, name), beijing(key));
        assert_eq!(raw(p, name), expected);
        assert_eq!(param(one(p, name), "TZID").as_deref(), Some("Asia/Shanghai"));
    }
    assert_eq!(raw(p, "UID"), format!("{meeting}@xiezuo"));
    assert_eq!(raw(p, "SEQUENCE"), "0");
    assert_eq!(raw(p, "DTSTAMP"), "20261124T010000Z", "the engine's clock, in UTC");
    assert_eq!(text(p, "SUMMARY"), "XZ-2026-001 新产品上市推广启动会");
    assert_eq!(text(p, "LOCATION"), "3楼第一会议室");
    assert_eq!(
        text(p, "DESCRIPTION"),
        "协作事项：XZ-2026-001 新产品上市推广\n议程：\n1. 需求背景：Q4新产品上市推广\n2. 初步分工：市场部负责调研与方案，销售部提供客户数据与渠道支持\n3. 议题：客户反馈数据范围与提交时间\n参会人员：王磊（市场部）、陈静（市场部）、李娜（销售部）、赵强（销售部）",
        "every attendee is named, 陈静 too, who has no email"
    );

    let organizer = one(p, "ORGANIZER");
    assert_eq!(organizer.value.as_deref(), Some("mailto:wanglei@example.com"));
    assert_eq!(param(organizer, "CN").as_deref(), Some("王磊"));
    let attendees: Vec<(String, String)> = all(p, "ATTENDEE").iter().map(|a| (a.value.clone().unwrap(), param(a, "CN").unwrap())).collect();
    assert_eq!(
        attendees,
        [("mailto:lina@example.com".to_string(), "李娜".to_string()), ("mailto:zhaoqiang@example.com".to_string(), "赵强".to_string())]
    );
    assert!(all(p, "ATTENDEE").iter().all(|a| param(a, "RSVP").as_deref() == Some("TRUE")));
}

#[test]
fn without_any_email_the_invite_is_published_and_names_everyone_in_its_description() {
    let engine = demo();
    let calendar = parse(&ics::meeting_invite(&engine, &kickoff_id(&engine), Lang::En).unwrap());
    assert_eq!(raw(&calendar.properties, "METHOD"), "PUBLISH", "a request needs an organizer's address");
    let p = &calendar.events[0].properties;
    assert!(all(p, "ORGANIZER").is_empty() && all(p, "ATTENDEE").is_empty());
    let description = text(p, "DESCRIPTION");
    assert!(description.starts_with("Collaboration: XZ-2026-001 新产品上市推广\nAgenda:\n1. "), "{description}");
    assert!(description.ends_with("Attendees: 王磊 (市场部), 陈静 (市场部), 李娜 (销售部), 赵强 (销售部)"), "{description}");
    assert_eq!(calendar.timezones.len(), 1);
}

#[test]
fn the_milestones_calendar_has_an_all_day_event_for_every_milestone_and_deadline() {
    let engine = demo();
    let dossier = engine.dossier("XZ-2026-001").unwrap();
    let calendar = parse(&ics::milestones(&engine, "XZ-2026-001", Lang::Zh).unwrap());
    assert_eq!(raw(&calendar.properties, "METHOD"), "PUBLISH");

    let mut events: Vec<(String, String)> = calendar
        .events
        .iter()
        .map(|e| {
            let start = one(&e.properties, "DTSTART");
            let end = one(&e.properties, "DTEND");
            assert_eq!(param(start, "VALUE").as_deref(), Some("DATE"), "all-day");
            assert_eq!(param(end, "VALUE").as_deref(), Some("DATE"));
            let day = chrono::NaiveDate::parse_from_str(start.value.as_deref().unwrap(), "%Y%m%d").unwrap();
            let next = chrono::NaiveDate::parse_from_str(end.value.as_deref().unwrap(), "%Y%m%d").unwrap();
            assert_eq!(next, day.succ_opt().unwrap(), "an all-day event ends the next day (exclusive)");
            assert_eq!(raw(&e.properties, "TRANSP"), "TRANSPARENT");
            (day.to_string(), text(&e.properties, "SUMMARY"))
        })
        .collect();
    events.sort();
    let expected = [
        ("2026-09-30", "XZ-2026-001 确认截止：第1轮（销售部）"),
        ("2026-10-12", "XZ-2026-001 截止：整理10月前30天客户反馈"),
        ("2026-10-15", "XZ-2026-001 截止：用户调研与画像分析"),
        ("2026-10-15", "XZ-2026-001 里程碑：用户调研完成"),
        ("2026-11-10", "XZ-2026-001 截止：推广方案编制"),
        ("2026-11-10", "XZ-2026-001 里程碑：推广方案定稿"),
        ("2026-12-01", "XZ-2026-001 里程碑：活动上线"),
        ("2026-12-31", "XZ-2026-001 预计完成：新产品上市推广"),
    ];
    assert_eq!(events, expected.map(|(d, s)| (d.to_string(), s.to_string())));

    // Each event is named after its record, so importing again updates instead of duplicating.
    let task = &dossier.tasks[0];
    let event = event_with_uid(&calendar, &format!("{}@xiezuo", task["id"].as_str().unwrap()));
    assert_eq!(
        text(&event.properties, "DESCRIPTION"),
        "协作事项：XZ-2026-001 新产品上市推广\n部门：销售部\n负责人：赵强\n交付物：客户反馈数据表"
    );
    let milestone = &dossier.milestones[0];
    event_with_uid(&calendar, &format!("{}@xiezuo", milestone["id"].as_str().unwrap()));
    event_with_uid(&calendar, &format!("{}@xiezuo", dossier.collaboration["id"].as_str().unwrap()));

    let english = parse(&ics::milestones(&engine, "XZ-2026-001", Lang::En).unwrap());
    let summaries: Vec<String> = english.events.iter().map(|e| text(&e.properties, "SUMMARY")).collect();
    assert!(summaries.contains(&"XZ-2026-001 Milestone: 用户调研完成".to_string()), "{summaries:?}");
    assert!(summaries.contains(&"XZ-2026-001 Confirmation due: round 1 (销售部)".to_string()), "{summaries:?}");
    assert!(summaries.contains(&"XZ-2026-001 Expected completion: 新产品上市推广".to_string()), "{summaries:?}");
}

#[test]
fn problems_and_rectifications_are_deadlines_with_their_owners() {
    let mut engine = demo();
    let task = engine.dossier("XZ-2026-001").unwrap().tasks[0]["id"].clone();
    let problem = json!({ "collaboration": "XZ-2026-001", "description": "华北区域数据缺失", "owner": "赵强", "deadline": "2026-11-27" });
    run(&mut engine, json!({ "action": "add_problem", "payload": problem }));
    let self_check = json!([{ "item": "字段完整", "complete": true, "quality_ok": true }]);
    let deliverable = json!({ "collaboration": "XZ-2026-001", "department": "销售部", "task": task, "title": "客户反馈数据表", "self_check": self_check });
    let deliverable = run(&mut engine, json!({ "action": "submit_deliverable", "payload": deliverable }))["id"].clone();
    let review = json!({
        "deliverable": deliverable,
        "criteria": [{ "name": "完整率", "target": "≥95%", "measured": "90%", "passed": false }],
        "rectifications": [{ "description": "补齐华北区域数据", "owner": "赵强", "deadline": "2026-11-30" }],
    });
    run(&mut engine, json!({ "action": "review_deliverable", "payload": review }));

    let calendar = parse(&ics::milestones(&engine, "XZ-2026-001", Lang::Zh).unwrap());
    assert_eq!(calendar.events.len(), 10);
    for (summary, day) in [("XZ-2026-001 问题截止：华北区域数据缺失", "20261127"), ("XZ-2026-001 整改截止：补齐华北区域数据", "20261130")]
    {
        let event = calendar.events.iter().find(|e| text(&e.properties, "SUMMARY") == summary).unwrap_or_else(|| panic!("no {summary}"));
        assert_eq!(raw(&event.properties, "DTSTART"), day);
        assert!(text(&event.properties, "DESCRIPTION").ends_with("\n负责人：赵强"), "{}", text(&event.properties, "DESCRIPTION"));
    }
}

#[test]
fn a_changed_record_keeps_its_uid_and_raises_its_sequence() {
    let mut engine = demo();
    let task = engine.dossier("XZ-2026-001").unwrap().tasks[0]["id"].as_str().unwrap().to_string();
    let before = parse(&ics::milestones(&engine, "XZ-2026-001", Lang::Zh).unwrap());
    run(&mut engine, json!({ "action": "update_task", "payload": { "task": task, "title": "整理10月前30天客户反馈（含华北）" } }));
    let after = parse(&ics::milestones(&engine, "XZ-2026-001", Lang::Zh).unwrap());

    let uids = |c: &IcalCalendar| {
        let mut uids: Vec<String> = c.events.iter().map(|e| raw(&e.properties, "UID")).collect();
        uids.sort();
        uids
    };
    assert_eq!(uids(&before), uids(&after));
    let changed = event_with_uid(&after, &format!("{task}@xiezuo"));
    assert_eq!(raw(&changed.properties, "SEQUENCE"), "1");
    assert_eq!(text(&changed.properties, "SUMMARY"), "XZ-2026-001 截止：整理10月前30天客户反馈（含华北）");
    let unchanged = after.events.iter().filter(|e| raw(&e.properties, "SEQUENCE") == "0").count();
    assert_eq!(unchanged, after.events.len() - 1);
}

#[test]
fn commas_semicolons_line_breaks_and_long_chinese_text_survive_escaping_and_folding() {
    let mut engine = demo();
    let title = "方案评审, 第二轮; 定稿（含附件）"; // single-line: a title may not hold a line break
    let place = "A座 3楼, 301; 东侧";
    let long_item = format!("{}\\{}", "讨论推广方案的渠道投放预算与各区域销售目标的分解口径，".repeat(3), "确认时间表");
    let meeting = engine
        .schedule_meeting(MeetingInput {
            collaboration: "XZ-2026-001".into(),
            kind: MeetingKind::Progress,
            title: Some(title.into()),
            starts_at: at("2026-11-30 09:30"),
            ends_at: at("2026-11-30 11:00"),
            place: place.into(),
            attendees: vec!["王磊".into(), "李娜".into()],
            agenda: vec![long_item.clone()],
        })
        .unwrap();
    let written = ics::meeting_invite(&engine, &meeting, Lang::Zh).unwrap();
    assert!(written.contains("SUMMARY:XZ-2026-001 方案评审\\, 第二轮\\; 定稿（含附件）"), "{written}");
    let calendar = parse(&written);
    let p = &calendar.events[0].properties;
    assert_eq!(text(p, "SUMMARY"), format!("XZ-2026-001 {title}"));
    assert_eq!(text(p, "LOCATION"), place);
    assert!(text(p, "DESCRIPTION").contains(&format!("\n1. {long_item}\n")), "{}", text(p, "DESCRIPTION"));
    assert_eq!(raw(p, "DTSTART"), "20261130T093000");
    assert!(written.split("\r\n").filter(|l| l.starts_with(' ')).count() >= 3, "the long lines were folded: {written}");
}

#[test]
fn an_unknown_meeting_or_collaboration_is_not_found_and_changes_nothing() {
    let engine = demo();
    let changes = change_count(&engine);
    assert_eq!(ics::meeting_invite(&engine, "no-such-meeting", Lang::Zh).unwrap_err().kind(), "not_found");
    assert_eq!(ics::milestones(&engine, "XZ-2099-999", Lang::Zh).unwrap_err().kind(), "not_found");
    assert_eq!(change_count(&engine), changes);
}
