//! The eight documents, each a short sequence of flow blocks over its view model.
//!
//! Each function only decides *what* goes where (which labels, which tables, which signature
//! lines); measuring, wrapping and paginating is the flow's job, and the page frame is added
//! afterwards by `render`.

use crate::draw::{Align, MM};
use crate::flow::{Cell, Content, Flow, Table};
use crate::fonts::Face;
use crate::labels::Labels;
use crate::model::*;

/// How much of a table (header + first row) / of a paragraph a heading keeps on its page.
const TABLE_KEEP: f32 = 18.0 * MM;
const TEXT_KEEP: f32 = 8.0 * MM;

/// `编号：XZ-2024-000123` plus optional extra fields, centred under the title.
fn subtitle(flow: &mut Flow, l: &Labels, head: &Head, extra: &[(&str, String)]) {
    let mut parts = vec![l.field(l.number, &head.number)];
    parts.extend(extra.iter().map(|(k, v)| l.field(k, v)));
    flow.line(&parts.join("    "), Face::Sans, 9.5, Align::Center);
    flow.space(2.0 * MM);
}

/// A two-column label/value table.
fn field_table(pairs: Vec<(&str, String)>) -> Table {
    let mut t = Table::new(&[1.6, 6.8]);
    for (k, v) in pairs {
        t.row(vec![Cell::label(k), Cell::value(v)]);
    }
    t
}

/// `1. a\n2. b`
fn numbered(items: &[String]) -> String {
    items.iter().enumerate().map(|(i, s)| format!("{}. {s}", i + 1)).collect::<Vec<_>>().join("\n")
}

fn or_none(l: &Labels, s: String) -> String {
    if s.trim().is_empty() {
        l.none.to_string()
    } else {
        s
    }
}

fn header_cells(names: &[&str]) -> Vec<Cell> {
    names.iter().map(|n| Cell::label(*n)).collect()
}

fn approval(l: &Labels, height: f32) -> Content {
    Content::Approval {
        options: l.approve.iter().map(|s| s.to_string()).collect(),
        sign: l.head_sign.to_string(),
        date_label: l.date_label.to_string(),
        date: l.date_blanks.to_vec(),
        height,
    }
}

fn signature(flow: &mut Flow, l: &Labels, who: &str) {
    flow.signature(who, l.head_sign, l.date_label, l.date_blanks);
}

pub fn request(flow: &mut Flow, l: &Labels, head: &Head, r: &RequestForm) {
    flow.title(l.kind(Kind::Request), Face::SansBold);
    subtitle(flow, l, head, &[(l.filled_on, l.date(r.filled_on))]);
    let mut t = Table::new(&[1.6, 3.4, 1.6, 3.4]);
    t.row(vec![
        Cell::label(l.initiating_department),
        Cell::value(&r.initiating_department),
        Cell::label(l.applicant),
        Cell::value(&r.applicant),
    ]);
    t.row(vec![
        Cell::label(l.phone),
        Cell::value(&r.phone),
        Cell::label(l.expected_completion),
        Cell::value(l.date(r.expected_completion)),
    ]);
    let wide = |k: &str, v: String| vec![Cell::label(k), Cell::value(v).span(3)];
    t.row(wide(l.collaborating_departments, l.join(&r.collaborating_departments)));
    t.row(wide(l.request_title, r.title.clone()));
    t.row(wide(l.background, r.background.clone()));
    t.row(wide(l.goal, r.goal.clone()));
    let support: Vec<String> = r.support.iter().map(|s| l.field(&s.department, &s.asked)).collect();
    t.row(wide(l.support, or_none(l, support.join("\n"))));
    let milestones: Vec<String> = r.milestones.iter().map(|m| format!("{}  {}", l.date(m.date), m.name)).collect();
    t.row(wide(l.milestones, or_none(l, milestones.join("\n"))));
    t.row(wide(l.attachments, or_none(l, l.join(&r.attachments))));
    flow.table(&t);

    flow.space(3.0 * MM);
    flow.heading(l.approvals, 22.0 * MM);
    let mut a = Table::new(&[1.6, 6.8]);
    let height = 15.0 * MM;
    a.row(vec![
        Cell::label(l.initiator_opinion.replace("{}", &r.initiating_department)),
        Cell { content: approval(l, height), ..Cell::value("") },
    ]);
    for dept in &r.collaborating_departments {
        a.row(vec![Cell::label(l.collaborator_opinion.replace("{}", dept)), Cell { content: approval(l, height), ..Cell::value("") }]);
    }
    flow.table(&a);
    flow.space(2.0 * MM);
    flow.paragraph(l.request_note, Face::Sans, 8.5, 1.5, 0.0, 0.0);
}

pub fn agenda(flow: &mut Flow, l: &Labels, head: &Head, a: &Agenda) {
    flow.title(l.kind(Kind::Agenda), Face::SansBold);
    subtitle(flow, l, head, &[]);
    flow.table(&field_table(vec![
        (l.meeting, a.meeting.clone()),
        (l.time, a.time.clone()),
        (l.place, a.place.clone()),
        (l.host, a.host.clone()),
        (l.attendees, l.join(&a.attendees)),
    ]));
    flow.heading(l.background, TEXT_KEEP);
    flow.paragraph(&a.background, Face::Serif, 10.5, 1.6, 0.0, 0.0);
    flow.heading(l.division, TABLE_KEEP);
    let mut t = Table::new(&[1.6, 6.8]).header(header_cells(&[l.department, l.responsibilities]));
    for r in &a.division {
        t.row(vec![Cell::plain(&r.department).align(Align::Center), Cell::value(numbered(&r.items))]);
    }
    flow.table(&t);
    flow.heading(l.topics, TEXT_KEEP);
    flow.paragraph(&numbered(&a.topics), Face::Serif, 10.5, 1.6, 0.0, 0.0);
}

pub fn minutes(flow: &mut Flow, l: &Labels, head: &Head, m: &Minutes) {
    flow.title(l.kind(Kind::Minutes), Face::SansBold);
    subtitle(flow, l, head, &[]);
    flow.table(&field_table(vec![
        (l.meeting, m.meeting.clone()),
        (l.time, m.time.clone()),
        (l.place, m.place.clone()),
        (l.recorder, m.recorder.clone()),
        (l.attendees, l.join(&m.attendees)),
        (l.overall_goal, m.goal.clone()),
    ]));
    flow.heading(l.milestones, TABLE_KEEP);
    let mut t = Table::new(&[0.6, 3.2, 1.6, 3.0]).header(header_cells(&[
        "#",
        l.milestone,
        l.date_label.trim_end_matches(['：', ':', ' ']),
        l.deliverable,
    ]));
    for (i, ms) in m.milestones.iter().enumerate() {
        t.row(vec![
            Cell::plain((i + 1).to_string()).align(Align::Center),
            Cell::value(&ms.name),
            Cell::plain(ms.date.iso()).align(Align::Center),
            Cell::value(&ms.deliverable),
        ]);
    }
    flow.table(&t);
    flow.heading(l.responsibility_matrix, TABLE_KEEP);
    let mut t = Table::new(&[1.6, 6.8]).header(header_cells(&[l.department, l.responsibilities]));
    for r in &m.responsibilities {
        t.row(vec![Cell::plain(&r.department).align(Align::Center), Cell::value(numbered(&r.items))]);
    }
    flow.table(&t);
    flow.heading(l.communication, TABLE_KEEP);
    flow.table(&field_table(vec![
        (l.regular_meeting, m.communication.regular_meeting.clone()),
        (l.urgent_channel, m.communication.urgent_channel.clone()),
        (l.information_sync, m.communication.information_sync.clone()),
    ]));
    if !m.acceptance_criteria.is_empty() {
        flow.heading(l.acceptance_criteria, TEXT_KEEP);
        flow.paragraph(&numbered(&m.acceptance_criteria), Face::Serif, 10.5, 1.6, 0.0, 0.0);
    }
    flow.heading(l.decisions, TEXT_KEEP);
    flow.paragraph(&or_none(l, numbered(&m.decisions)), Face::Serif, 10.5, 1.6, 0.0, 0.0);
    flow.heading(l.signatures, 20.0 * MM);
    flow.paragraph(l.minutes_note, Face::Sans, 9.0, 1.5, 0.0, 0.0);
    for dept in &m.signing_departments {
        signature(flow, l, dept);
    }
}

pub fn tracking(flow: &mut Flow, l: &Labels, head: &Head, t: &Tracking) {
    flow.title(&format!("{} · {}", l.kind(Kind::Tracking), t.title), Face::SansBold);
    subtitle(flow, l, head, &[(l.period, t.period.clone()), (l.meeting_date, l.date(t.meeting_date))]);
    flow.heading(l.tasks, TABLE_KEEP);
    let mut table = Table::new(&[0.6, 1.8, 3.1, 1.3, 1.0, 1.1, 1.1, 1.1, 0.9, 1.1, 2.0]).header(header_cells(&l.task_columns));
    table.size = 9.0;
    table.pad = 1.3 * MM;
    for (i, task) in t.tasks.iter().enumerate() {
        let c = |s: String| Cell::plain(s).align(Align::Center);
        table.row(vec![
            c((i + 1).to_string()),
            c(task.code.clone()),
            Cell::plain(&task.name),
            c(task.department.clone()),
            c(task.owner.clone()),
            c(task.start.iso()),
            c(task.end.iso()),
            c(task.finished.map(|d| d.iso()).unwrap_or_default()),
            c(format!("{}%", task.progress)),
            c(l.status(task.status).to_string()),
            Cell::plain(&task.note),
        ]);
    }
    flow.table(&table);
    flow.heading(l.problems, TABLE_KEEP);
    let mut table = Table::new(&[0.6, 6.0, 1.3, 1.3, 4.0]).header(header_cells(&l.problem_columns));
    table.size = 9.0;
    table.pad = 1.6 * MM;
    for (i, p) in t.problems.iter().enumerate() {
        table.row(vec![
            Cell::plain((i + 1).to_string()).align(Align::Center),
            Cell::plain(&p.description),
            Cell::plain(&p.owner).align(Align::Center),
            Cell::plain(p.deadline.iso()).align(Align::Center),
            Cell::plain(&p.resolution),
        ]);
    }
    if t.problems.is_empty() {
        table.row(vec![Cell::plain(l.none).span(5).align(Align::Center)]);
    }
    flow.table(&table);
}

pub fn self_check(flow: &mut Flow, l: &Labels, head: &Head, s: &SelfCheck) {
    flow.title(l.kind(Kind::SelfCheck), Face::SansBold);
    subtitle(flow, l, head, &[]);
    let mut t = Table::new(&[1.6, 3.4, 1.6, 3.4]);
    t.row(vec![Cell::label(l.deliverable), Cell::value(&s.deliverable).span(3)]);
    t.row(vec![Cell::label(l.department), Cell::value(&s.department), Cell::label(l.submitter), Cell::value(&s.submitter)]);
    t.row(vec![Cell::label(l.submitted_on), Cell::value(l.date(s.submitted_on)).span(3)]);
    flow.table(&t);
    flow.space(4.0 * MM);
    let mut t = Table::new(&[0.6, 2.8, 3.2, 0.9, 2.4]).header(header_cells(&l.check_columns));
    for (i, item) in s.items.iter().enumerate() {
        t.row(vec![
            Cell::plain((i + 1).to_string()).align(Align::Center),
            Cell::value(&item.item),
            Cell::value(&item.criterion),
            Cell::plain(l.yes_no(item.passed)).align(Align::Center),
            Cell::value(&item.note),
        ]);
    }
    flow.table(&t);
    flow.space(4.0 * MM);
    flow.table(&field_table(vec![(l.conclusion, s.conclusion.clone())]));
    flow.signature("", l.submitter_sign, l.date_label, l.date_blanks);
}

pub fn acceptance(flow: &mut Flow, l: &Labels, head: &Head, a: &Acceptance) {
    flow.title(l.kind(Kind::Acceptance), Face::SansBold);
    subtitle(flow, l, head, &[]);
    let mut t = Table::new(&[1.6, 3.4, 1.6, 3.4]);
    t.row(vec![Cell::label(l.deliverable), Cell::value(&a.deliverable).span(3)]);
    t.row(vec![Cell::label(l.department), Cell::value(&a.department), Cell::label(l.reviewed_on), Cell::value(l.date(a.reviewed_on))]);
    t.row(vec![
        Cell::label(l.round),
        Cell::value(a.round.to_string()),
        Cell::label(l.overall),
        Cell::value(if a.passed { l.passed } else { l.failed }),
    ]);
    flow.table(&t);
    flow.space(4.0 * MM);
    let mut t = Table::new(&[0.6, 3.8, 1.6, 1.6, 1.0]).header(header_cells(&l.criteria_columns));
    for (i, c) in a.criteria.iter().enumerate() {
        t.row(vec![
            Cell::plain((i + 1).to_string()).align(Align::Center),
            Cell::value(&c.criterion),
            Cell::value(&c.target).align(Align::Center),
            Cell::value(&c.measured).align(Align::Center),
            Cell::plain(l.yes_no(c.passed)).align(Align::Center),
        ]);
    }
    flow.table(&t);
    flow.space(4.0 * MM);
    flow.table(&field_table(vec![(l.opinion, a.opinion.clone())]));
    flow.heading(l.rectifications, TABLE_KEEP);
    let mut t = Table::new(&[0.6, 5.0, 1.4, 1.4]).header(header_cells(&l.rectification_columns));
    for (i, r) in a.rectifications.iter().enumerate() {
        t.row(vec![
            Cell::plain((i + 1).to_string()).align(Align::Center),
            Cell::value(&r.item),
            Cell::plain(&r.owner).align(Align::Center),
            Cell::plain(r.deadline.iso()).align(Align::Center),
        ]);
    }
    if a.rectifications.is_empty() {
        t.row(vec![Cell::plain(l.none).span(4).align(Align::Center)]);
    }
    flow.table(&t);
    flow.heading(l.reviewers, 20.0 * MM);
    for dept in &a.reviewers {
        signature(flow, l, dept);
    }
}

pub fn letter(flow: &mut Flow, l: &Labels, head: &Head, x: &Letter) {
    let size = 14.0;
    let leading = 2.0;
    flow.space(8.0 * MM);
    flow.title(l.kind(Kind::Letter), Face::SerifBold);
    flow.space(6.0 * MM);
    flow.paragraph(&format!("{}{}", x.recipient, l.letter_salutation_suffix), Face::Serif, size, leading, 0.0, 0.0);
    let body =
        l.letter_body.replace("{subject}", &x.subject).replace("{number}", &head.number).replace("{completed}", &l.date(x.completed_on));
    let indent = 2.0 * size;
    let mut paragraphs = vec![body];
    paragraphs.extend(x.extra_paragraphs.iter().cloned());
    paragraphs.push(l.letter_thanks.to_string());
    paragraphs.push(l.letter_closing.to_string());
    for p in &paragraphs {
        flow.paragraph(p, Face::Serif, size, leading, indent, 0.0);
    }
    // Sender block: right half, centred lines, room for the seal.
    flow.space(18.0 * MM);
    flow.ensure(40.0 * MM);
    let w = flow.geo.content_width() * 0.45;
    let x0 = flow.geo.right - w;
    for line in [format!("{}{}", x.sender, l.seal), l.letter_sign.to_string(), l.formal_date(x.issued_on)] {
        let top = flow.y;
        flow.text_at(x0, w, top, &line, Face::Serif, size, Align::Center);
        flow.y += size * leading;
    }
}

pub fn register(flow: &mut Flow, l: &Labels, head: &Head, r: &Register) {
    flow.title(l.kind(Kind::Register), Face::SansBold);
    subtitle(flow, l, head, &[]);
    let mut t = Table::new(&[1.55, 1.05, 1.35, 1.5, 2.3, 1.6, 2.4, 1.2, 1.45, 0.8, 1.0]).header(header_cells(&l.register_columns));
    t.size = 8.5;
    t.pad = 1.4 * MM;
    for row in &r.rows {
        t.row(vec![
            Cell::plain(&row.number).align(Align::Center),
            Cell::plain(&row.initiating_department).align(Align::Center),
            Cell::plain(&row.matter),
            Cell::plain(&row.contacts),
            Cell::plain(&row.background_goal),
            Cell::plain(&row.milestones),
            Cell::plain(&row.communication),
            Cell::plain(&row.progress),
            Cell::plain(&row.feedback),
            Cell::plain(&row.owner).align(Align::Center),
            Cell::plain(&row.remarks),
        ]);
    }
    flow.table(&t);
}
