//! Round-trip tests for every document: text extraction (every value, in reading order, Chinese
//! intact), structure (qpdf), fonts (embedded + subset), QR payload, determinism.


use crate::common::*;
use xiezuo_forms::{demo, render, Body, Document, Kind, Lang};

fn all_langs() -> [Lang; 2] {
    [Lang::Zh, Lang::En]
}

/// Render, then run the checks shared by every document; returns the text.
fn check(doc: &Document, lang: Lang, values: &[&str]) -> String {
    let r = render(doc, lang).expect("render");
    assert!(r.missing_glyphs.is_empty(), "missing glyphs: {:?}", r.missing_glyphs);
    let again = render(doc, lang).expect("render again");
    assert!(r.bytes == again.bytes, "{:?} {lang:?}: two renders differ", doc.body.kind());
    let pdf = write(&r.bytes);
    qpdf_check(&pdf);
    assert_fonts_embedded_subset(&pdf);
    let text = text(&pdf, None);
    assert_in_order(&text, values);
    // Frame on every page: number, revision, page x of n, digest.
    for page in 1..=r.pages {
        let t = squash(&crate::common::text(&pdf, Some(page)));
        assert!(t.contains(&doc.head.number), "page {page}: no collaboration number");
        assert!(t.contains(&r.short_hash), "page {page}: no hash text");
        let footer = match lang {
            Lang::Zh => format!("第{page}页/共{}页", r.pages),
            Lang::En => format!("Page{page}of{}", r.pages),
        };
        assert!(t.contains(&footer), "page {page}: no footer {footer}");
    }
    // The QR code on the first page decodes to id, kind, revision and hash.
    let expected = format!("xiezuo:{}:{}:r{}:{}", doc.head.collab_id, doc.body.kind().as_str(), doc.head.revision, r.short_hash);
    assert_eq!(r.qr_payload, expected);
    assert_eq!(qr_codes(&pdf, 1), vec![expected]);
    text
}

#[test]
fn request_form() {
    let doc = demo::document(Kind::Request);
    let Body::Request(r) = &doc.body else { unreachable!() };
    let mut values = vec![r.initiating_department.as_str(), &r.applicant, &r.phone];
    let depts = r.collaborating_departments.join("");
    let (support, milestones): (Vec<_>, Vec<_>) =
        (r.support.iter().map(|s| s.asked.as_str()).collect(), r.milestones.iter().map(|m| m.name.as_str()).collect());
    values.extend([r.title.as_str(), &r.background, &r.goal]);
    values.extend(support.iter().copied());
    values.extend(milestones.iter().copied());
    values.extend(r.attachments.iter().map(String::as_str));
    for lang in all_langs() {
        let text = check(&doc, lang, &values);
        let t = squash(&text);
        for d in &r.collaborating_departments {
            assert!(t.contains(d.as_str()), "{d}");
        }
        let _ = &depts;
        if lang == Lang::Zh {
            // Approval boxes: initiator first, then each collaborating department, with options.
            assert_in_order(
                &text,
                &[
                    "审批意见",
                    "申请部门意见",
                    "市场营销部",
                    "同意",
                    "不同意",
                    "补充材料后再议",
                    "负责人签字",
                    "日期",
                    "信息技术部",
                    "财务部",
                    "法务合规部",
                ],
            );
            assert_eq!(t.matches("补充材料后再议").count(), 4);
        }
    }
}

#[test]
fn agenda() {
    let doc = demo::document(Kind::Agenda);
    let Body::Agenda(a) = &doc.body else { unreachable!() };
    let mut values = vec![a.meeting.as_str(), &a.time, &a.place, &a.host];
    values.extend(a.attendees.iter().map(String::as_str));
    values.push(&a.background);
    for r in &a.division {
        values.push(&r.department);
        values.extend(r.items.iter().map(String::as_str));
    }
    values.extend(a.topics.iter().map(String::as_str));
    for lang in all_langs() {
        check(&doc, lang, &values);
    }
}

#[test]
fn minutes() {
    let doc = demo::document(Kind::Minutes);
    let Body::Minutes(m) = &doc.body else { unreachable!() };
    let mut values = vec![m.meeting.as_str(), &m.time, &m.place, &m.recorder];
    values.extend(m.attendees.iter().map(String::as_str));
    values.push(&m.goal);
    for ms in &m.milestones {
        values.extend([ms.name.as_str(), &ms.deliverable]);
    }
    for r in &m.responsibilities {
        values.push(&r.department);
        values.extend(r.items.iter().map(String::as_str));
    }
    values.extend([m.communication.regular_meeting.as_str(), &m.communication.urgent_channel, &m.communication.information_sync]);
    values.extend(m.acceptance_criteria.iter().map(String::as_str));
    values.extend(m.decisions.iter().map(String::as_str));
    values.extend(m.signing_departments.iter().map(String::as_str));
    for lang in all_langs() {
        let text = check(&doc, lang, &values);
        let sign = if lang == Lang::Zh { "负责人签字：" } else { "Signature of head:" };
        assert_eq!(squash(&text).matches(&squash(sign)).count(), m.signing_departments.len());
    }
}

#[test]
fn tracking_table() {
    let doc = demo::document(Kind::Tracking);
    let Body::Tracking(t) = &doc.body else { unreachable!() };
    let mut values = vec![t.period.as_str()];
    for task in &t.tasks {
        values.extend([task.code.as_str(), &task.name, &task.department, &task.owner, &task.note]);
    }
    for p in &t.problems {
        values.extend([p.description.as_str(), &p.owner, &p.resolution]);
    }
    for lang in all_langs() {
        check(&doc, lang, &values);
    }
}

#[test]
fn self_check() {
    let doc = demo::document(Kind::SelfCheck);
    let Body::SelfCheck(s) = &doc.body else { unreachable!() };
    let mut values = vec![s.deliverable.as_str(), &s.department, &s.submitter];
    for i in &s.items {
        values.extend([i.item.as_str(), &i.criterion, &i.note]);
    }
    values.push(&s.conclusion);
    for lang in all_langs() {
        check(&doc, lang, &values);
    }
}

#[test]
fn acceptance() {
    let doc = demo::document(Kind::Acceptance);
    let Body::Acceptance(a) = &doc.body else { unreachable!() };
    let mut values = vec![a.deliverable.as_str(), &a.department];
    for c in &a.criteria {
        values.extend([c.criterion.as_str(), &c.target, &c.measured]);
    }
    values.push(&a.opinion);
    for r in &a.rectifications {
        values.extend([r.item.as_str(), &r.owner]);
    }
    values.extend(a.reviewers.iter().map(String::as_str));
    for lang in all_langs() {
        check(&doc, lang, &values);
    }
}

#[test]
fn completion_letter() {
    let doc = demo::document(Kind::Letter);
    let Body::Letter(x) = &doc.body else { unreachable!() };
    let text = check(
        &doc,
        Lang::Zh,
        &[&x.recipient, &x.subject, &doc.head.number, "2024年7月12日", "特此函告", &x.sender, "盖章", "二〇二六年十一月二十四日"],
    );
    assert!(text.contains("二〇二六年十一月二十四日"));
    check(&doc, Lang::En, &[&x.recipient, &x.subject, &doc.head.number, "12 July 2024", &x.sender, "24 November 2026"]);
}

#[test]
fn register() {
    let doc = demo::document(Kind::Register);
    let Body::Register(r) = &doc.body else { unreachable!() };
    let columns = xiezuo_engine::register::COLUMNS_ZH;
    let mut values: Vec<&str> = columns.to_vec();
    for row in &r.rows {
        values.extend([
            row.number.as_str(),
            &row.initiating_department,
            &row.matter,
            &row.contacts,
            &row.background_goal,
            &row.milestones,
            &row.communication,
            &row.progress,
            &row.feedback,
            &row.owner,
            &row.remarks,
        ]);
    }
    check(&doc, Lang::Zh, &values);
    check(&doc, Lang::En, &values[columns.len()..]);
}
