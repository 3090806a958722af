//! Email drafts read back with an independent MIME parser (`mail-parser`): Chinese subject and
//! body, recipients from people records, the attached PDF byte for byte as a fresh render, the
//! calendar invite beside the agenda, and refusals that record nothing.

use mail_parser::{Message, MessageParser, MessagePart, MimeHeaders};
use serde_json::json;
use xiezuo_engine::meeting::MeetingInput;
use xiezuo_engine::model::MeetingKind;
use xiezuo_engine::Engine;
use xiezuo_forms::{records, Kind, Lang};
use xiezuo_interop::eml::{draft, Draft, DraftKind};

use crate::common::*;

fn with_emails(people: &[(&str, &str)]) -> Engine {
    let mut engine = demo();
    for (person, email) in people {
        set_email(&mut engine, person, email);
    }
    engine
}

fn count(engine: &Engine, table: &str) -> i64 {
    engine.connection().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

fn parse(draft: &Draft) -> Message<'_> {
    MessageParser::default().parse(&draft.bytes).expect("a MIME message")
}

fn addresses(list: Option<&mail_parser::Address<'_>>) -> Vec<String> {
    list.map(|l| l.iter().map(|a| a.address().unwrap().to_string()).collect()).unwrap_or_default()
}

fn body(message: &Message<'_>) -> String {
    message.body_text(0).expect("a plain-text body").into_owned()
}

fn attachments<'a>(message: &'a Message<'a>) -> Vec<&'a MessagePart<'a>> {
    message.attachments().collect()
}

fn content_type(part: &MessagePart<'_>) -> String {
    let t = part.content_type().unwrap();
    format!("{}/{}", t.ctype(), t.subtype().unwrap_or_default())
}

/// The document as the documents crate renders it now: the attachment must be exactly this.
fn fresh_render(engine: &Engine, kind: Kind, record: Option<&str>, lang: Lang) -> xiezuo_forms::Rendered {
    let (document, _) = records::document(engine, kind, Some("XZ-2026-001"), record).unwrap();
    xiezuo_forms::render(&document, lang).unwrap()
}

/// Takes XZ-2026-001 through acceptance and issues its completion letter.
fn issue_letter(engine: &mut Engine) {
    let task = engine.dossier("XZ-2026-001").unwrap().tasks[0]["id"].clone();
    let self_check = json!([{ "item": "字段完整", "complete": true, "quality_ok": true }]);
    let deliverable = json!({ "collaboration": "XZ-2026-001", "department": "销售部", "task": task, "title": "客户反馈数据表", "self_check": self_check });
    let deliverable = run(engine, json!({ "action": "submit_deliverable", "payload": deliverable }))["id"].clone();
    let criteria = json!([{ "name": "完整率", "target": "≥95%", "measured": "98%", "passed": true }]);
    run(
        engine,
        json!({ "action": "review_deliverable", "payload": { "deliverable": deliverable, "criteria": criteria, "opinion": "同意验收" } }),
    );
    run(engine, json!({ "action": "issue_completion_letter", "payload": { "collaboration": "XZ-2026-001", "body": "感谢各部门支持" } }));
}

#[test]
fn the_request_goes_to_each_collaborating_head_and_contact_with_the_form_attached() {
    let mut engine = with_emails(&[("王磊", "wanglei@example.com"), ("李娜", "lina@example.com"), ("赵强", "zhaoqiang@example.com")]);
    let prints = count(&engine, "printed_document");
    let draft = draft(&mut engine, DraftKind::Request, "XZ-2026-001", None, Lang::Zh).unwrap();
    assert_eq!(draft.file_name, "XZ-2026-001 协作需求申请表.eml");
    assert_eq!(draft.to, ["lina@example.com", "zhaoqiang@example.com"]);
    assert!(draft.missing.is_empty());

    let message = parse(&draft);
    assert_eq!(message.subject(), Some("【协作需求】XZ-2026-001 新产品上市推广"));
    assert_eq!(draft.subject, "【协作需求】XZ-2026-001 新产品上市推广");
    assert_eq!(addresses(message.to()), draft.to);
    assert_eq!(message.to().unwrap().first().unwrap().name(), Some("李娜"));
    assert_eq!(addresses(message.from()), ["wanglei@example.com"], "the initiator's contact sends it");
    assert_eq!(message.header_raw("X-Unsent").map(str::trim), Some("1"), "Outlook opens it as a draft");
    assert_eq!(message.header_raw("Date").map(str::trim), Some("Tue, 24 Nov 2026 09:00:00 +0800"), "the engine's clock");
    assert!(message.message_id().is_some_and(|id| id.ends_with("@xiezuo")));
    assert_eq!(
        body(&message),
        "李娜、赵强：\n\n您好！\n\n市场部发起协作事项“新产品上市推广”（编号 XZ-2026-001），需要贵部门给予支持。附件为《协作需求申请表》，请查阅。\n\n\
         请于2026年9月30日前评估可行性并回复：无异议请确认参与，并指定部门对接人；如有异议，请提出具体的调整建议。\n\n谢谢！\n王磊\n市场部\n2026年11月24日\n"
    );

    let [pdf] = attachments(&message)[..] else { panic!("one attachment") };
    assert_eq!(content_type(pdf), "application/pdf");
    assert_eq!(pdf.attachment_name(), Some("XZ-2026-001 协作需求申请表.pdf"));
    let fresh = fresh_render(&engine, Kind::Request, None, Lang::Zh);
    assert!(pdf.contents().starts_with(b"%PDF-"));
    assert_eq!(pdf.contents(), fresh.bytes.as_slice(), "the attachment is the document, byte for byte");
    assert_eq!(count(&engine, "printed_document"), prints + 1, "the mailed copy's print is recorded");
    assert_eq!(engine.find_printed(&fresh.short_hash).unwrap().len(), 1);
}

#[test]
fn the_agenda_goes_to_every_invitee_with_the_invite_and_names_those_without_email() {
    let mut engine = with_emails(&[("王磊", "wanglei@example.com"), ("李娜", "lina@example.com")]);
    let meeting = engine.dossier("XZ-2026-001").unwrap().meetings[0]["id"].as_str().unwrap().to_string();
    let draft = draft(&mut engine, DraftKind::Agenda, "XZ-2026-001", None, Lang::Zh).unwrap();
    assert_eq!(draft.file_name, "XZ-2026-001 会议议程（新产品上市推广启动会）.eml");
    assert_eq!(draft.to, ["lina@example.com"]);
    assert_eq!(draft.missing, ["陈静", "赵强"], "no email on record: the window warns");

    let message = parse(&draft);
    assert_eq!(message.subject(), Some("【会议通知】XZ-2026-001 新产品上市推广启动会（2026年10月8日 14:00–16:00）"));
    let text = body(&message);
    assert!(
        text.starts_with("陈静、李娜、赵强：\n\n您好！\n\n定于2026年10月8日 14:00–16:00在3楼第一会议室召开“新产品上市推广启动会”。"),
        "{text}"
    );
    assert!(text.contains("会议议题：\n1. 需求背景：Q4新产品上市推广\n2. "), "{text}");

    let [pdf, invite] = attachments(&message)[..] else { panic!("the agenda and the invite") };
    assert_eq!(pdf.contents(), fresh_render(&engine, Kind::Agenda, Some(&meeting), Lang::Zh).bytes.as_slice());
    assert_eq!(content_type(invite), "text/calendar");
    assert_eq!(invite.content_type().unwrap().attribute("method"), Some("REQUEST"));
    assert_eq!(invite.attachment_name(), Some("XZ-2026-001 新产品上市推广启动会.ics"));
    let calendar_text = std::str::from_utf8(invite.contents()).unwrap();
    assert_eq!(calendar_text, xiezuo_interop::ics::meeting_invite(&engine, &meeting, Lang::Zh).unwrap());
    let calendar = ical::IcalParser::new(invite.contents()).next().unwrap().unwrap();
    let start = calendar.events[0].properties.iter().find(|p| p.name == "DTSTART").unwrap();
    assert_eq!(start.value.as_deref(), Some("20261008T140000"));
}

#[test]
fn issued_minutes_go_to_every_participant_but_the_sender_in_english() {
    let mut engine = with_emails(&[
        ("王磊", "wanglei@example.com"),
        ("陈静", "chenjing@example.com"),
        ("李娜", "lina@example.com"),
        ("赵强", "zhaoqiang@example.com"),
    ]);
    run(&mut engine, json!({ "action": "set_me", "payload": { "person": "陈静" } }));
    let kickoff = engine.dossier("XZ-2026-001").unwrap().meetings[0]["id"].as_str().unwrap().to_string();
    // A later meeting without minutes: the default is still the latest meeting with issued minutes.
    engine
        .schedule_meeting(MeetingInput {
            collaboration: "XZ-2026-001".into(),
            kind: MeetingKind::Progress,
            title: Some("第一次推进会".into()),
            starts_at: at("2026-11-30 10:00"),
            ends_at: at("2026-11-30 11:00"),
            place: String::new(),
            attendees: vec![],
            agenda: vec![],
        })
        .unwrap();
    let draft = draft(&mut engine, DraftKind::Minutes, "XZ-2026-001", None, Lang::En).unwrap();
    assert_eq!(draft.file_name, "XZ-2026-001 Collaboration Meeting Minutes (新产品上市推广启动会).eml");
    assert_eq!(draft.to, ["wanglei@example.com", "lina@example.com", "zhaoqiang@example.com"], "陈静 sends it");

    let message = parse(&draft);
    assert_eq!(message.subject(), Some("[Minutes] XZ-2026-001 新产品上市推广启动会"));
    assert_eq!(addresses(message.from()), ["chenjing@example.com"]);
    let text = body(&message);
    assert!(text.starts_with("Dear 王磊, 李娜, 赵强,\n\nPlease find attached the Collaboration Meeting Minutes of “新产品上市推广启动会” (2026-10-08 14:00–16:00 Beijing time), revision 1."), "{text}");
    assert!(text.contains("Overall goal: Q4完成新产品上市推广，3个月内市场份额提升15%"), "{text}");
    assert!(text.ends_with("Best regards,\n陈静\n市场部\n2026-11-24\n"), "{text}");
    let [pdf] = attachments(&message)[..] else { panic!("one attachment") };
    assert_eq!(pdf.contents(), fresh_render(&engine, Kind::Minutes, Some(&kickoff), Lang::En).bytes.as_slice());
}

#[test]
fn the_letter_goes_to_the_collaborating_heads_once_it_is_issued() {
    let mut engine = with_emails(&[("王磊", "wanglei@example.com"), ("李娜", "lina@example.com"), ("赵强", "zhaoqiang@example.com")]);
    let (changes, prints) = (count(&engine, "change_log"), count(&engine, "printed_document"));
    let refused = draft(&mut engine, DraftKind::Letter, "XZ-2026-001", None, Lang::Zh).unwrap_err();
    assert_eq!(refused.kind(), "not_found");
    assert!(refused.to_string().contains("completion letter"), "{refused}");
    assert_eq!((count(&engine, "change_log"), count(&engine, "printed_document")), (changes, prints), "nothing recorded");

    issue_letter(&mut engine);
    let draft = draft(&mut engine, DraftKind::Letter, "XZ-2026-001", None, Lang::Zh).unwrap();
    assert_eq!(draft.file_name, "XZ-2026-001 协作完成确认函.eml");
    assert_eq!(draft.to, ["lina@example.com"], "the heads only");
    let message = parse(&draft);
    assert_eq!(message.subject(), Some("【协作完成确认函】XZ-2026-001 新产品上市推广"));
    assert!(body(&message).contains("协作事项“新产品上市推广”（编号 XZ-2026-001）已于2026年11月24日完成验收"), "{}", body(&message));
    let [pdf] = attachments(&message)[..] else { panic!("one attachment") };
    let fresh = fresh_render(&engine, Kind::Letter, None, Lang::Zh);
    assert_eq!(pdf.contents(), fresh.bytes.as_slice());
}

#[test]
fn unknown_records_and_unissued_minutes_are_refused_and_record_nothing() {
    let mut engine = with_emails(&[("李娜", "lina@example.com")]);
    let progress = engine
        .schedule_meeting(MeetingInput {
            collaboration: "XZ-2026-001".into(),
            kind: MeetingKind::Progress,
            title: Some("第一次推进会".into()),
            starts_at: at("2026-11-30 10:00"),
            ends_at: at("2026-11-30 11:00"),
            place: String::new(),
            attendees: vec![],
            agenda: vec![],
        })
        .unwrap();
    let (changes, prints) = (count(&engine, "change_log"), count(&engine, "printed_document"));
    let cases = [
        (DraftKind::Agenda, "XZ-2026-001", Some("no-such-meeting")),
        (DraftKind::Minutes, "XZ-2026-001", Some(progress.as_str())),
        (DraftKind::Request, "XZ-2099-999", None),
    ];
    for (kind, collaboration, record) in cases {
        let refused = draft(&mut engine, kind, collaboration, record, Lang::Zh).unwrap_err();
        assert_eq!(refused.kind(), "not_found", "{kind:?} {record:?}: {refused}");
    }
    assert_eq!((count(&engine, "change_log"), count(&engine, "printed_document")), (changes, prints));

    // Without a record the agenda is the latest meeting's.
    let latest = draft(&mut engine, DraftKind::Agenda, "XZ-2026-001", None, Lang::Zh).unwrap();
    assert!(latest.subject.contains("第一次推进会"), "{}", latest.subject);
}

#[test]
fn draft_kinds_are_snake_case_for_the_window() {
    assert_eq!(serde_json::to_value(DraftKind::Request).unwrap(), "request");
    assert_eq!(serde_json::from_value::<DraftKind>(json!("minutes")).unwrap(), DraftKind::Minutes);
    assert!(serde_json::from_value::<DraftKind>(json!("poster")).is_err());
}
