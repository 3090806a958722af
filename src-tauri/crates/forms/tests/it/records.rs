//! Documents printed from real engine records: every kind for a collaboration walked to the end,
//! its field values in the PDF text, the QR payload naming the record and revision, and each print
//! recorded in the engine.


use crate::common;
use std::sync::Arc;
use xiezuo_engine::acceptance::{Criterion, DeliverableInput, LetterInput, RectificationInput, ResubmitInput, ReviewInput, SelfCheckItem};
use xiezuo_engine::clock::{china_offset, FixedClock};
use xiezuo_engine::model::TaskStatus;
use xiezuo_engine::task::StatusInput;
use xiezuo_engine::Engine;
use xiezuo_forms::records::{self, print};
use xiezuo_forms::{Kind, Lang};

fn engine_with_finished_demo() -> (tempfile::TempDir, Engine) {
    let dir = tempfile::tempdir().unwrap();
    let now = chrono::TimeZone::with_ymd_and_hms(&china_offset(), 2026, 11, 24, 9, 0, 0).unwrap().with_timezone(&chrono::Utc);
    let mut engine = Engine::open_with_clock(&dir.path().join("x.db"), FixedClock::new(now) as Arc<_>).unwrap();
    engine.load_demo().unwrap();
    let task = engine.dossier("XZ-2026-001").unwrap().tasks[0]["id"].as_str().unwrap().to_string();
    engine
        .post_status(StatusInput {
            task: task.clone(),
            status: TaskStatus::Done,
            progress: None,
            note: Some("数据已全部提交".into()),
            on_date: None,
            by: None,
        })
        .unwrap();
    let check =
        vec![SelfCheckItem { item: "数据字段完整".into(), complete: true, quality_ok: true, note: "含购买偏好维度".into() }];
    let deliverable = engine
        .submit_deliverable(DeliverableInput {
            collaboration: "XZ-2026-001".into(),
            department: "销售部".into(),
            task: Some(task),
            title: "客户反馈数据表".into(),
            self_check: check.clone(),
            attachment: None,
        })
        .unwrap();
    let review = |passed: bool, rectifications| ReviewInput {
        deliverable: deliverable.clone(),
        criteria: vec![Criterion {
            name: "客户反馈数据覆盖率".into(),
            target: "≥95%".into(),
            measured: if passed { "97%" } else { "81%" }.into(),
            passed,
        }],
        reviewers: vec!["王磊".into()],
        opinion: if passed { "同意验收" } else { "覆盖率不足" }.into(),
        rectifications,
    };
    let fix = vec![RectificationInput {
        description: "补齐华北区域反馈".into(),
        owner: Some("赵强".into()),
        deadline: "2026-11-27".parse().unwrap(),
    }];
    engine.review_deliverable(review(false, fix)).unwrap();
    engine.resubmit_deliverable(ResubmitInput { deliverable: deliverable.clone(), self_check: check, attachment: None }).unwrap();
    engine.review_deliverable(review(true, vec![])).unwrap();
    engine
        .issue_completion_letter(LetterInput {
            collaboration: "XZ-2026-001".into(), body: Some("感谢销售部的大力支持。".into()), by: None
        })
        .unwrap();
    (dir, engine)
}

#[test]
fn every_document_prints_from_engine_records() {
    let (_dir, mut engine) = engine_with_finished_demo();
    let expectations: [(Kind, &[&str]); 8] = [
        (
            Kind::Request,
            &["协作需求申请表", "市场部", "王磊", "新产品上市推广", "联合推进Q4新产品上市", "提供10月前30天客户反馈数据", "用户调研完成"],
        ),
        (Kind::Agenda, &["会议议程", "新产品上市推广启动会", "3楼第一会议室", "陈静", "客户反馈数据范围与提交时间"]),
        (
            Kind::Minutes,
            &[
                "协作会议纪要",
                "Q4完成新产品上市推广",
                "用户画像分析",
                "提供10月前30天客户反馈",
                "每周一 10:00 推进会",
                "活动上线后3个月市场份额提升≥15%",
                "销售部10月12日前提交近30天客户反馈",
            ],
        ),
        (Kind::Tracking, &["进度跟踪表", "整理10月前30天客户反馈", "赵强", "数据已全部提交", "用户调研与画像分析"]),
        (Kind::SelfCheck, &["成果自检表", "客户反馈数据表 v2", "销售部", "数据字段完整", "含购买偏好维度"]),
        (Kind::Acceptance, &["验收意见表", "客户反馈数据表 v2", "客户反馈数据覆盖率", "≥95%", "97%", "同意验收"]),
        (Kind::Letter, &["协作完成确认函", "销售部", "新产品上市推广", "感谢销售部的大力支持。", "市场部"]),
        (Kind::Register, &["沟通事项跟踪表", "XZ-2026-001", "新产品上市推广", "XZ-2026-002", "年度培训计划落地"]),
    ];
    for (kind, values) in expectations {
        let collaboration = (kind != Kind::Register).then_some("XZ-2026-001");
        let printed = print(&mut engine, kind, collaboration, None, Lang::Zh).unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        let pdf = common::write(&printed.rendered.bytes);
        common::assert_in_order(&common::text(&pdf, None), values);
        assert!(printed.rendered.missing_glyphs.is_empty(), "{kind:?}: {:?}", printed.rendered.missing_glyphs);
        if kind != Kind::Register {
            let id = engine.dossier("XZ-2026-001").unwrap().collaboration["id"].as_str().unwrap().to_string();
            assert!(printed.rendered.qr_payload.starts_with(&format!("xiezuo:{id}:{}:r{}:", kind.as_str(), printed.revision)));
            let found = engine.find_printed(&printed.rendered.short_hash).unwrap();
            assert_eq!(found.len(), 1, "{kind:?} print recorded once");
            assert_eq!(found[0].revision, i64::from(printed.revision));
        }
    }
}

#[test]
fn the_same_record_version_prints_byte_identical_and_a_change_changes_the_hash() {
    let (_dir, mut engine) = engine_with_finished_demo();
    let first = print(&mut engine, Kind::Request, Some("XZ-2026-002"), None, Lang::Zh).unwrap();
    let again = print(&mut engine, Kind::Request, Some("XZ-2026-002"), None, Lang::Zh).unwrap();
    assert_eq!(first.rendered.bytes, again.rendered.bytes);
    assert_eq!(first.printed_id, again.printed_id);
    let english = print(&mut engine, Kind::Request, Some("XZ-2026-002"), None, Lang::En).unwrap();
    assert_eq!(english.rendered.content_hash, first.rendered.content_hash, "the hash identifies the record data, not the language");
    common::assert_in_order(&common::text(&common::write(&english.rendered.bytes), None), &["Collaboration", "年度培训计划落地"]);

    engine
        .update_notes(xiezuo_engine::collaboration::NotesPatch {
            collaboration: "XZ-2026-002".into(),
            remarks: Some("已确认培训机构".into()),
            ..Default::default()
        })
        .unwrap();
    let (document, _) = records::document(&engine, Kind::Tracking, Some("XZ-2026-002"), None).unwrap();
    let tracking = xiezuo_forms::render(&document, Lang::Zh).unwrap();
    assert_ne!(tracking.content_hash, first.rendered.content_hash);
}

#[test]
fn documents_without_their_record_are_refused() {
    let (_dir, mut engine) = engine_with_finished_demo();
    for kind in [Kind::SelfCheck, Kind::Acceptance, Kind::Letter] {
        let err = print(&mut engine, kind, Some("XZ-2026-002"), None, Lang::Zh).unwrap_err();
        assert_eq!(err.kind(), "not_found", "{kind:?}");
    }
    assert_eq!(print(&mut engine, Kind::Request, Some("XZ-1999-001"), None, Lang::Zh).unwrap_err().kind(), "not_found");
    assert_eq!(print(&mut engine, Kind::Request, None, None, Lang::Zh).unwrap_err().kind(), "not_found");
}
