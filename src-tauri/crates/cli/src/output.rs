//! Human-readable, JSON and CSV renderings of engine results for the terminal.

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use serde::Serialize;
use serde_json::Value;
use std::io::{self, Write};
use xiezuo_engine::attention::AttentionItem;
use xiezuo_engine::dossier::{Dossier, HistoryEntry};
use xiezuo_engine::register::COLUMNS_ZH;
use xiezuo_engine::working_days::YearView;
use xiezuo_engine::{RegisterRow, SearchHit};

pub fn json(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

fn table(headers: &[&str]) -> Table {
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic).set_header(headers.to_vec());
    table
}

pub fn register(out: &mut impl Write, rows: &[RegisterRow], as_json: bool, as_csv: bool) -> io::Result<()> {
    if as_json {
        return json(out, &rows);
    }
    if as_csv {
        // A byte-order mark lets Excel open the Chinese text correctly.
        out.write_all("\u{feff}".as_bytes())?;
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(COLUMNS_ZH)?;
        for row in rows {
            writer.write_record(row.cells())?;
        }
        return writer.flush();
    }
    let mut t = table(&COLUMNS_ZH);
    for row in rows {
        t.add_row(row.cells().to_vec());
    }
    writeln!(out, "{t}")
}

pub fn attention(out: &mut impl Write, items: &[AttentionItem]) -> io::Result<()> {
    if items.is_empty() {
        return writeln!(out, "nothing needs attention");
    }
    let mut t = table(&["", "kind", "collaboration", "subject", "due"]);
    for item in items {
        t.add_row(vec![
            if item.overdue { "OVERDUE" } else { "" }.to_string(),
            serde_json::to_value(item.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
            format!("{} {}", item.number, item.title),
            item.subject.clone(),
            item.due.clone().unwrap_or_default(),
        ]);
    }
    writeln!(out, "{t}")
}

pub fn search(out: &mut impl Write, hits: &[SearchHit]) -> io::Result<()> {
    for hit in hits {
        let number = hit.collaboration_number.as_deref().unwrap_or("-");
        writeln!(out, "{number}\t{}.{}\t{}", hit.entity, hit.field, hit.snippet)?;
    }
    Ok(())
}

pub fn history(out: &mut impl Write, entries: &[HistoryEntry]) -> io::Result<()> {
    for e in entries {
        writeln!(out, "{}  {:<8} {:<24} {} {} {}", e.wall_time, e.actor.as_deref().unwrap_or("-"), e.action, e.op, e.entity, e.changes)?;
    }
    Ok(())
}

pub fn calendar(out: &mut impl Write, year: &YearView) -> io::Result<()> {
    if !year.has_data {
        writeln!(out, "warning: no holiday data for {}; only weekends are days off", year.year)?;
    }
    for day in &year.days {
        let status = if day.is_working_day { "work" } else { "off" };
        writeln!(out, "{}\t{status}\t{}", day.date, day.name.as_deref().unwrap_or(""))?;
    }
    Ok(())
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

pub fn dossier(out: &mut impl Write, d: &Dossier) -> io::Result<()> {
    let c = &d.collaboration;
    writeln!(out, "{} {}  [{}]", text(c, "number"), text(c, "title"), d.stage.label_zh())?;
    writeln!(
        out,
        "发起部门: {}   对接人: {}   负责人: {}",
        text(c, "initiating_department"),
        text(c, "initiator_contact"),
        text(c, "owner")
    )?;
    writeln!(out, "背景: {}\n目标: {}\n期望完成: {}", text(c, "background"), text(c, "goal"), text(c, "expected_completion"))?;
    writeln!(out, "\n协作部门:")?;
    for dep in &d.departments {
        writeln!(out, "  {}  对接人 {}  支持: {}", text(dep, "department"), text(dep, "contact"), text(dep, "support_text"))?;
    }
    writeln!(out, "\n需求确认:")?;
    for f in &d.feasibility {
        let answer = f.get("answer").and_then(Value::as_str).unwrap_or("待答复");
        writeln!(out, "  第{}轮 {} {} (截止 {}) {}", f["round"], text(f, "department"), answer, text(f, "due_date"), text(f, "note"))?;
    }
    writeln!(out, "\n关键节点:")?;
    for m in &d.milestones {
        writeln!(out, "  {} {}", text(m, "due_date"), text(m, "name"))?;
    }
    writeln!(out, "\n会议:")?;
    for m in &d.meetings {
        let issued = if m["minutes_issued_at"].is_null() { "纪要未发" } else { "纪要已发" };
        writeln!(out, "  {} {} [{}] {}", text(m, "starts_at"), text(m, "title"), text(m, "kind"), issued)?;
    }
    writeln!(out, "\n任务:")?;
    for t in &d.tasks {
        writeln!(
            out,
            "  {} {}  {}  {}~{}  {} {}%",
            text(t, "department"),
            text(t, "title"),
            text(t, "responsible"),
            text(t, "start_date"),
            text(t, "end_date"),
            text(t, "status"),
            t["progress"]
        )?;
    }
    for (label, list, key) in [
        ("风险", &d.risks, "title"),
        ("问题", &d.problems, "description"),
        ("变更", &d.change_requests, "title"),
        ("成果", &d.deliverables, "title"),
    ] {
        if !list.is_empty() {
            writeln!(out, "\n{label}:")?;
            for item in list {
                writeln!(out, "  {} {}", text(item, key), text(item, "status"))?;
            }
        }
    }
    writeln!(out, "\n沟通记录:")?;
    for r in &d.communications {
        writeln!(out, "  {} [{}] {}", text(r, "on_date"), text(r, "kind"), text(r, "summary"))?;
    }
    Ok(())
}
