//! Engine benchmark at company scale: does the register, the attention list, search and a single
//! write stay fast on a database with 100,000 collaborations?
//!
//! The product promises a page of the register in ≤ 20 ms, the attention list in ≤ 50 ms, a
//! 2-character Chinese search in ≤ 50 ms and one write in ≤ 5 ms (p95) on such a database. This
//! binary builds that database and checks those numbers, so a change that makes a query scan the
//! whole table shows up here instead of on a user's laptop years later.
//!
//! Seeding: the organisation (8 departments, 200 people) and 200 recent collaborations go
//! through the engine's public API, exactly as the app would write them. The historic bulk (the other
//! ~99.7% of rows) is inserted with plain SQL in large transactions through `Engine::connection`,
//! together with the matching `search_index`/`search_row` entries (built with the engine's
//! `search::reindex`, the write path's own indexing) and `change_log` rows, so search and the file size are realistic. "Today"
//! is pinned with a `FixedClock` at 2026-11-24 09:00 (+08:00).
//!
//! Run: `cargo bench -p xiezuo-engine --bench engine [-- --collaborations 2000] [--db PATH]
//! [--iterations 100] [--cache-mib 64]`. With `--db PATH` the database is kept (and reused if it
//! already exists); `--cache-mib` measures with a larger SQLite page cache than the engine's default.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use rusqlite::types::Value as Sql;
use rusqlite::Connection;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;
use xiezuo_engine::clock::{china_offset, FixedClock};
use xiezuo_engine::collaboration::{DepartmentAsk, MilestoneInput, NewCollaboration};
use xiezuo_engine::communication::CommunicationInput;
use xiezuo_engine::feasibility::AnswerInput;
use xiezuo_engine::meeting::{CommunicationMechanism, MeetingInput, MinutesInput, ResponsibilityInput};
use xiezuo_engine::model::{CommunicationKind, FeasibilityAnswer, MeetingKind, Stage, SupportKind, TaskStatus};
use xiezuo_engine::org::{DepartmentInput, DepartmentPatch, PersonInput};
use xiezuo_engine::task::{StatusInput, TaskInput};
use xiezuo_engine::{AttentionFilter, Engine, RegisterQuery, RegisterSort};

// ---------------------------------------------------------------------------------------------
// Settings

struct Args {
    collaborations: usize,
    iterations: usize,
    db: Option<PathBuf>,
    /// SQLite page cache for the measurements, if not the engine's default (2 MiB).
    cache_mib: Option<i64>,
}

fn parse_args() -> Args {
    let mut args = Args { collaborations: 100_000, iterations: 100, db: None, cache_mib: None };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--collaborations" => args.collaborations = it.next().and_then(|v| v.parse().ok()).expect("--collaborations N"),
            "--iterations" => args.iterations = it.next().and_then(|v| v.parse().ok()).expect("--iterations N"),
            "--db" => args.db = Some(it.next().expect("--db PATH").into()),
            "--cache-mib" => args.cache_mib = it.next().and_then(|v| v.parse().ok()),
            _ => {} // cargo passes `--bench`; ignore what we do not know
        }
    }
    args.iterations = args.iterations.max(50);
    args
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// A local (UTC+8) date and time as the engine's instant.
fn at(date: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    china_offset().from_local_datetime(&date.and_hms_opt(hour, minute, 0).unwrap()).single().unwrap().with_timezone(&Utc)
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

// ---------------------------------------------------------------------------------------------
// Deterministic pseudo-random numbers (SplitMix64) and the Chinese text they pick from

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const DEPARTMENTS: [&str; 8] = ["市场部", "销售部", "研发部", "人力资源部", "财务部", "测试部", "采购部", "行政部"];
const SURNAMES: [&str; 20] =
    ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
const GIVEN: [&str; 24] = [
    "磊", "静", "娜", "强", "伟", "洋", "丽", "凯", "敏", "刚", "芳", "军", "勇", "艳", "杰", "涛", "明", "超", "秀英", "建国", "晓东",
    "婷婷", "志强", "海燕",
];
const TITLE_PREFIX: [&str; 18] = [
    "2025年度",
    "2026年度",
    "华东区",
    "华南区",
    "华北区",
    "西南区",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "重点客户",
    "新一代",
    "全渠道",
    "线上",
    "线下门店",
    "集团级",
    "试点",
    "海外",
];
const SUBJECTS: [&str; 18] = [
    "新产品上市",
    "品牌",
    "培训计划",
    "渠道",
    "供应链",
    "数据平台",
    "招聘",
    "预算",
    "质量体系",
    "客户服务",
    "会员体系",
    "ERP系统",
    "报销流程",
    "安全生产",
    "展会",
    "直播电商",
    "采购成本",
    "办公环境",
];
const ACTIONS: [&str; 10] = ["推广", "落地", "优化", "升级", "评审", "调研", "建设", "整改", "试点", "复盘"];
const GOALS: [&str; 6] = [
    "{n}个月内市场份额提升{p}%",
    "覆盖{p}%员工，平均满意度≥{s}分",
    "成本降低{p}%",
    "客户投诉率下降{p}%",
    "按期上线，零重大缺陷",
    "客户满意度提升至{s}分",
];
const BACKGROUNDS: [&str; 4] = ["联合推进{t}相关工作", "配合公司年度战略，完成{t}", "响应客户反馈，改进{t}", "落实管理层会议要求，开展{t}"];
const REMARKS: [&str; 6] =
    ["待{d}补充数据后召开方案评审会", "已联系{n}家供应商，待确认报价", "需财务部审批预算", "已联系2家培训机构，待确认课程匹配度", "", ""];
const SUPPORT: [&str; 7] = [
    "提供{m}月前30天客户反馈数据，配合渠道推广活动",
    "汇总人员技能培训需求，推荐内部讲师",
    "提供预算审批与费用核算支持",
    "提供测试环境与验收支持",
    "协调采购资源，提供供应商名单",
    "提供场地与后勤保障",
    "提供系统接口与技术方案",
];
const MILESTONES: [&str; 6] = ["需求确认", "用户调研完成", "方案定稿", "试点上线", "全面推广", "验收完成"];
const ITEMS: [&str; 12] = [
    "用户画像分析",
    "推广方案制定与活动执行",
    "提供客户反馈数据",
    "渠道推广配合",
    "培训需求汇总",
    "内部讲师推荐",
    "预算审核",
    "测试用例编写",
    "供应商对接",
    "系统接口开发",
    "场地协调",
    "数据统计与分析",
];
const VERBS: [&str; 12] = ["整理", "编制", "汇总", "评审", "提交", "完成", "确认", "跟进", "分析", "设计", "开发", "测试"];
const OBJECTS: [&str; 12] = [
    "客户反馈数据",
    "推广方案",
    "培训需求",
    "预算明细",
    "供应商报价",
    "用户调研问卷",
    "渠道政策",
    "活动物料",
    "系统接口",
    "验收报告",
    "门店陈列方案",
    "竞品分析",
];
const KINDS_OF_DOC: [&str; 4] = ["表", "报告", "清单", "文档"];
const STATUS_NOTES: [&str; 6] = [
    "已完成{p}%，按计划推进",
    "已收集华东、华南区域反馈，其余区域收集中",
    "等待{d}提供数据",
    "方案初稿已完成，待内部评审",
    "已提交，待确认",
    "问卷已回收{n}份",
];
const COMMUNICATIONS: [&str; 4] = ["{d}提出“{o}需细化”", "电话确认{o}提交时间", "邮件发送{o}初稿，征求意见", "协作群同步{o}进展"];
const FEEDBACK: [&str; 4] =
    ["建议增加外部讲师资源", "客户反馈需细化“购买偏好”维度", "时间节点偏紧，建议顺延一周", "数据口径需与财务部统一"];

/// Fills `{n}`, `{p}`, `{s}`, `{m}`, `{d}` (a department), `{o}` (an object) and `{t}` (a title).
fn fill(rng: &mut Rng, template: &str, title: &str) -> String {
    let mut out = template.to_string();
    for (key, value) in [
        ("{n}", (2 + rng.below(300)).to_string()),
        ("{p}", (5 + rng.below(80)).to_string()),
        ("{s}", (80 + rng.below(16)).to_string()),
        ("{m}", (1 + rng.below(12)).to_string()),
        ("{d}", rng.pick(&DEPARTMENTS).to_string()),
        ("{o}", rng.pick(&OBJECTS).to_string()),
        ("{t}", title.to_string()),
    ] {
        if out.contains(key) {
            out = out.replace(key, &value);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The organisation, through the API

struct Org {
    /// (department id, name, member person ids; the first is the head, the last the default contact)
    departments: Vec<(String, String, Vec<String>)>,
    person_names: HashMap<String, String>,
}

fn person_name(i: usize) -> String {
    format!("{}{}{}", SURNAMES[i % 20], GIVEN[(i / 20 + i * 7) % 24], if i >= 480 { i.to_string() } else { String::new() })
}

fn seed_org(engine: &mut Engine) -> Org {
    let mut used = std::collections::HashSet::new();
    let mut next_person = 0usize;
    for (d, department) in DEPARTMENTS.iter().enumerate() {
        engine.add_department(DepartmentInput { name: department.to_string(), ..Default::default() }).unwrap();
        let mut names = Vec::new();
        while names.len() < 25 {
            let name = person_name(next_person);
            next_person += 1;
            if !used.insert(name.clone()) {
                continue;
            }
            let title = match names.len() {
                0 => "总监",
                1..=3 => "经理",
                4..=9 => "主管",
                _ => "专员",
            };
            engine
                .add_person(PersonInput {
                    name: name.clone(),
                    department: Some(department.to_string()),
                    title: Some(title.into()),
                    phone: Some(format!("0571-88{:02}{:04}", d, names.len())),
                    email: None,
                })
                .unwrap();
            names.push(name);
        }
        engine
            .update_department(DepartmentPatch {
                department: department.to_string(),
                head: Some(names[0].clone()),
                default_contact: Some(names[24].clone()),
                ..Default::default()
            })
            .unwrap();
    }
    engine.set_me(&person_name(0)).unwrap();
    load_org(engine.connection())
}

fn load_org(conn: &Connection) -> Org {
    let mut departments = Vec::new();
    let mut person_names = HashMap::new();
    for name in DEPARTMENTS {
        let id: String = conn.query_row("SELECT id FROM department WHERE name = ?1", [name], |r| r.get(0)).unwrap();
        let mut stmt = conn.prepare("SELECT id, name FROM person WHERE department_id = ?1 ORDER BY rowid").unwrap();
        let people: Vec<(String, String)> = stmt.query_map([&id], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
        person_names.extend(people.iter().cloned());
        departments.push((id, name.to_string(), people.into_iter().map(|p| p.0).collect()));
    }
    Org { departments, person_names }
}

// ---------------------------------------------------------------------------------------------
// The historic bulk, in plain SQL

fn text(s: impl Into<String>) -> Sql {
    Sql::Text(s.into())
}
fn int(n: i64) -> Sql {
    Sql::Integer(n)
}
fn opt(s: Option<String>) -> Sql {
    s.map_or(Sql::Null, Sql::Text)
}

/// Inserts rows the way the engine's write path would leave them: the row with its audit columns,
/// its search entries and one change-log entry.
struct Bulk<'c> {
    conn: &'c Connection,
    device: String,
    actor: Option<String>,
    now: DateTime<Utc>,
    counter: u64,
    rows: u64,
}

impl Bulk<'_> {
    fn insert(&mut self, table: &'static str, collaboration: &str, fields: Vec<(&'static str, Sql)>) -> String {
        self.insert_with_id(table, xiezuo_engine::new_id(), collaboration, fields)
    }

    fn insert_with_id(&mut self, table: &'static str, id: String, collaboration: &str, fields: Vec<(&'static str, Sql)>) -> String {
        let now = rfc3339(self.now);
        let mut columns = String::from("id, created_at, created_by, updated_at, updated_by");
        let mut values = vec![text(&id), text(&now), opt(self.actor.clone()), text(&now), opt(self.actor.clone())];
        for (column, value) in &fields {
            columns.push_str(", ");
            columns.push_str(column);
            values.push(value.clone());
        }
        let placeholders = vec!["?"; values.len()].join(", ");
        let sql = format!("INSERT INTO {table} ({columns}) VALUES ({placeholders})");
        self.conn.prepare_cached(&sql).unwrap().execute(rusqlite::params_from_iter(values)).unwrap();

        let mut changes = Map::new();
        let mut stored = Map::new();
        for (column, value) in &fields {
            let as_json = match value {
                Sql::Text(s) => Value::String(s.clone()),
                Sql::Integer(n) => json!(n),
                _ => Value::Null,
            };
            stored.insert(column.to_string(), as_json.clone());
            changes.insert(column.to_string(), json!([null, as_json]));
        }
        // The engine's own indexing rules (which fields, how lists are flattened).
        xiezuo_engine::search::reindex(self.conn, table, &id, Some(collaboration), &stored).unwrap();
        self.counter += 1;
        let hlc = format!("{:013}-{:06}-{}", self.now.timestamp_millis(), self.counter % 1_000_000, self.device);
        self.conn
            .prepare_cached(
                "INSERT INTO change_log (id, hlc, wall_time, actor_id, device_id, action, entity, entity_id, collaboration_id, op, changes)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'seed', ?6, ?7, ?8, 'insert', ?9)",
            )
            .unwrap()
            .execute(rusqlite::params![
                xiezuo_engine::new_id(),
                hlc,
                now,
                self.actor,
                self.device,
                table,
                id,
                collaboration,
                Value::Object(changes).to_string()
            ])
            .unwrap();
        self.rows += 1;
        id
    }
}

/// Where a collaboration created on `created` stands today, with its dates. Time drives the mix:
/// old ones are archived, recent ones are executing, the newest are still being confirmed.
fn stage_for(rng: &mut Rng, created: NaiveDate, expected: NaiveDate) -> (Stage, NaiveDate) {
    let age = (today() - created).num_days();
    let finished = expected + Duration::days(rng.below(40) as i64 - 10);
    let stage = if age < 2 {
        if rng.chance(0.4) {
            Stage::Draft
        } else {
            Stage::Confirming
        }
    } else if age < 6 {
        match rng.below(20) {
            0..=8 => Stage::Confirming,
            9 => Stage::Revising,
            10..=13 => Stage::Kickoff,
            _ => Stage::Executing,
        }
    } else if today() < finished {
        if today() >= finished - Duration::days(10) && rng.chance(0.4) {
            Stage::Accepting
        } else {
            Stage::Executing
        }
    } else if today() < finished + Duration::days(25) {
        if rng.chance(0.3) {
            Stage::Accepting
        } else {
            Stage::Completed
        }
    } else if rng.chance(0.97) {
        Stage::Archived
    } else {
        Stage::Completed
    };
    (stage, finished.min(today()))
}

fn bulk_seed(conn: &Connection, org: &Org, count: usize, device: &str) -> u64 {
    let mut rng = Rng(0x5EED_2026);
    let first = NaiveDate::from_ymd_opt(2019, 1, 2).unwrap();
    let span = (today() - first).num_days() as usize;
    // Creation dates in order, so numbers, ids and change-log stamps grow together as in real use.
    let mut dates: Vec<NaiveDate> = (0..count).map(|_| first + Duration::days(rng.below(span) as i64)).collect();
    dates.sort();
    let mut sequence: HashMap<i32, i64> = HashMap::new();
    let mut bulk = Bulk { conn, device: device.to_string(), actor: None, now: Utc::now(), counter: 0, rows: 0 };
    let mut tx = conn.unchecked_transaction().unwrap();
    for (n, created) in dates.into_iter().enumerate() {
        seed_one(&mut bulk, &mut rng, org, created, &mut sequence);
        if n % 2_000 == 1_999 {
            tx.commit().unwrap();
            tx = conn.unchecked_transaction().unwrap();
            eprint!("\r  bulk: {} / {count} collaborations", n + 1);
        }
    }
    for (year, last) in &sequence {
        conn.execute(
            "INSERT INTO number_sequence (prefix, year, last) VALUES ('XZ', ?1, ?2) ON CONFLICT(prefix, year) DO UPDATE SET last = excluded.last",
            rusqlite::params![year, last],
        )
        .unwrap();
    }
    tx.commit().unwrap();
    eprintln!();
    bulk.rows
}

fn seed_one(b: &mut Bulk, rng: &mut Rng, org: &Org, created: NaiveDate, sequence: &mut HashMap<i32, i64>) {
    let initiating = rng.below(org.departments.len());
    let mut others: Vec<usize> = Vec::new();
    while others.len() < 1 + rng.below(3) {
        let d = rng.below(org.departments.len());
        if d != initiating && !others.contains(&d) {
            others.push(d);
        }
    }
    let participants: Vec<usize> = std::iter::once(initiating).chain(others.iter().copied()).collect();
    let (dept_id, _, members) = &org.departments[initiating];
    let owner = rng.pick(&members[..10]).clone();
    let head = |d: usize| org.departments[d].2[0].clone();
    let contact = |d: usize| org.departments[d].2[24].clone();
    let expected = created + Duration::days(40 + rng.below(140) as i64);
    let (stage, finished) = stage_for(rng, created, expected);
    let executing = matches!(stage, Stage::Executing | Stage::Accepting | Stage::Completed | Stage::Archived);
    let title = format!("{}{}{}", if rng.chance(0.7) { rng.pick(&TITLE_PREFIX) } else { "" }, rng.pick(&SUBJECTS), rng.pick(&ACTIONS));
    let goal = rng.fill_from(&GOALS, &title);
    let mut remarks = rng.fill_from(&REMARKS, &title);
    if rng.chance(0.0005) {
        remarks = "需协调海南分公司资源".into(); // a rare phrase of two common characters
    }
    let year = created.year();
    let number = {
        let last = sequence.entry(year).or_insert(0);
        *last += 1;
        format!("XZ-{year}-{:03}", *last)
    };
    b.actor = Some(owner.clone());
    b.now = at(created, 9, 30);
    let sent = created + Duration::days(1);
    let confirmed = created + Duration::days(2 + rng.below(2) as i64);
    let kickoff_day = confirmed + Duration::days(1 + rng.below(2) as i64);
    let progress_note = match stage {
        Stage::Executing => format!("执行中：{}", rng.pick(&MILESTONES)),
        Stage::Archived | Stage::Completed => "已完成，成果验收通过".to_string(),
        _ => String::new(),
    };
    let cid = xiezuo_engine::new_id();
    b.insert_with_id(
        "collaboration",
        cid.clone(),
        &cid,
        vec![
            ("number", text(&number)),
            ("title", text(&title)),
            ("initiating_department_id", text(dept_id)),
            ("initiator_contact_id", text(&owner)),
            ("owner_person_id", text(&owner)),
            ("background", text(rng.fill_from(&BACKGROUNDS, &title))),
            ("goal", text(&goal)),
            ("expected_completion", text(expected.to_string())),
            ("stage", text(stage.code())),
            ("progress_note", text(progress_note)),
            ("remarks", text(remarks)),
            ("revision", int(if stage == Stage::Draft { 0 } else { 1 })),
            ("sent_at", if stage == Stage::Draft { Sql::Null } else { text(rfc3339(at(sent, 10, 0))) }),
            (
                "confirmed_at",
                if matches!(stage, Stage::Draft | Stage::Confirming | Stage::Revising) {
                    Sql::Null
                } else {
                    text(rfc3339(at(confirmed, 15, 0)))
                },
            ),
            ("executing_since", if executing { text(rfc3339(at(kickoff_day, 17, 30))) } else { Sql::Null }),
            (
                "completed_at",
                if matches!(stage, Stage::Completed | Stage::Archived) { text(rfc3339(at(finished, 16, 0))) } else { Sql::Null },
            ),
            ("archived_at", if stage == Stage::Archived { text(rfc3339(at(finished + Duration::days(3), 10, 0))) } else { Sql::Null }),
        ],
    );
    for &d in &others {
        b.insert(
            "collab_department",
            &cid,
            vec![
                ("collaboration_id", text(&cid)),
                ("department_id", text(&org.departments[d].0)),
                ("support_kinds", text(r#"["data","resources"]"#)),
                ("support_text", text(rng.fill_from(&SUPPORT, &title))),
                ("contact_person_id", text(contact(d))),
            ],
        );
    }
    let span = (expected - created).num_days().max(3);
    for (position, i) in [0, 2 + rng.below(2), 5].into_iter().enumerate() {
        let due = created + Duration::days(span * (position as i64 + 1) / 3);
        let done = (executing && due < finished).then(|| due.to_string());
        b.insert(
            "milestone",
            &cid,
            vec![
                ("collaboration_id", text(&cid)),
                ("name", text(MILESTONES[i])),
                ("due_date", text(due.to_string())),
                ("done_on", opt(done)),
                ("position", int(position as i64)),
            ],
        );
    }
    if stage == Stage::Draft {
        return;
    }

    // Step 1: the request is sent and each collaborating department answers.
    b.now = at(sent, 10, 0);
    let request_signed = stage != Stage::Confirming || rng.chance(0.5);
    b.insert(
        "signature",
        &cid,
        vec![
            ("collaboration_id", text(&cid)),
            ("document_kind", text("request")),
            ("document_id", text(&cid)),
            ("revision", int(1)),
            ("department_id", text(dept_id)),
            ("head_person_id", text(head(initiating))),
            ("signed_on", if request_signed { text(sent.to_string()) } else { Sql::Null }),
        ],
    );
    for (k, &d) in others.iter().enumerate() {
        let (answer, note) = match stage {
            Stage::Confirming if k == 0 || rng.chance(0.5) => (None, None),
            Stage::Revising if k == 0 => (Some("object"), Some(rng.pick(&FEEDBACK).to_string())),
            _ => (Some("confirm"), None),
        };
        b.now = at(confirmed, 15, 0);
        b.insert(
            "feasibility_answer",
            &cid,
            vec![
                ("collaboration_id", text(&cid)),
                ("department_id", text(&org.departments[d].0)),
                ("round", int(1)),
                ("sent_on", text(sent.to_string())),
                ("sla_days", int(2)),
                ("due_date", text((sent + Duration::days(2)).to_string())),
                ("answer", opt(answer.map(str::to_string))),
                ("contact_person_id", if answer.is_some() { text(contact(d)) } else { Sql::Null }),
                ("note", opt(note.clone())),
                ("answered_at", if answer.is_some() { text(rfc3339(b.now)) } else { Sql::Null }),
                ("answered_by", if answer.is_some() { text(head(d)) } else { Sql::Null }),
            ],
        );
        if let Some(note) = note {
            b.insert(
                "feedback",
                &cid,
                vec![
                    ("collaboration_id", text(&cid)),
                    ("department_id", text(&org.departments[d].0)),
                    ("on_date", text(confirmed.to_string())),
                    ("text", text(note)),
                ],
            );
        }
    }
    if matches!(stage, Stage::Confirming | Stage::Revising) {
        return;
    }

    // Step 2: the kickoff meeting and its minutes.
    b.now = at(confirmed, 16, 0);
    let issued = executing;
    let starts = at(kickoff_day, 14, 0);
    let ends = at(kickoff_day, 16, 0);
    let attendees: Vec<String> = participants.iter().flat_map(|&d| [head(d), contact(d)]).collect();
    let lead = DEPARTMENTS[initiating];
    let meeting = b.insert(
        "meeting",
        &cid,
        vec![
            ("collaboration_id", text(&cid)),
            ("kind", text("kickoff")),
            ("title", text(format!("{title}启动会"))),
            ("starts_at", text(rfc3339(starts))),
            ("ends_at", text(rfc3339(ends))),
            ("place", text(format!("{}楼第{}会议室", 2 + rng.below(8), ["一", "二", "三"][rng.below(3)]))),
            ("attendees", text(json!(attendees).to_string())),
            ("agenda", text(json!([format!("需求背景：{title}"), format!("初步分工：{lead}统筹，各协作部门按职责配合"), "议题：时间节点与资源安排"]).to_string())),
            ("minutes_goal", if issued { text(goal.clone()) } else { Sql::Null }),
            (
                "minutes_communication",
                if issued {
                    text(json!({"weekly_meeting": format!("每周{} 10:00 推进会", ["一", "三", "五"][rng.below(3)]), "urgent_channel": "协作群内@负责人，2小时内响应", "sync_method": "共享文档每日更新任务状态"}).to_string())
                } else {
                    Sql::Null
                },
            ),
            ("minutes_decisions", text(if issued { json!([format!("{}{}月{}日前提交{}", DEPARTMENTS[others[0]], kickoff_day.month(), kickoff_day.day(), rng.pick(&OBJECTS))]).to_string() } else { "[]".into() })),
            ("minutes_criteria", text(if issued { json!([format!("{}按期交付，验收通过", rng.pick(&OBJECTS))]).to_string() } else { "[]".into() })),
            ("minutes_summary", if issued { text(format!("明确各部门分工与时间节点，{lead}负责总体推进")) } else { Sql::Null }),
            ("minutes_due_at", text(rfc3339(ends + Duration::hours(24)))),
            ("minutes_issued_at", if issued { text(rfc3339(at(kickoff_day, 17, 30))) } else { Sql::Null }),
            ("minutes_revision", int(issued as i64)),
        ],
    );
    if !issued {
        return;
    }
    b.now = at(kickoff_day, 17, 30);
    let mut items: Vec<&str> = ITEMS.to_vec();
    for &d in &participants {
        for _ in 0..1 + rng.below(2) {
            let item = items.swap_remove(rng.below(items.len()));
            b.insert(
                "responsibility",
                &cid,
                vec![
                    ("meeting_id", text(&meeting)),
                    ("collaboration_id", text(&cid)),
                    ("department_id", text(&org.departments[d].0)),
                    ("item", text(item)),
                ],
            );
        }
        let signed = stage != Stage::Executing || rng.chance(0.9);
        b.insert(
            "signature",
            &cid,
            vec![
                ("collaboration_id", text(&cid)),
                ("document_kind", text("minutes")),
                ("document_id", text(&meeting)),
                ("revision", int(1)),
                ("department_id", text(&org.departments[d].0)),
                ("head_person_id", text(head(d))),
                ("signed_on", if signed { text((kickoff_day + Duration::days(1)).to_string()) } else { Sql::Null }),
            ],
        );
    }
    b.insert(
        "communication",
        &cid,
        vec![
            ("collaboration_id", text(&cid)),
            ("on_date", text(kickoff_day.to_string())),
            ("kind", text("meeting")),
            ("summary", text(format!("明确各部门分工与时间节点，{lead}负责总体推进"))),
            ("participants", text("[]")),
        ],
    );

    // Step 3: tasks and their status updates.
    let work_start = kickoff_day + Duration::days(1);
    let work_days = (finished - work_start).num_days().max(2);
    for _ in 0..6 + rng.below(9) {
        let d = *rng.pick(&participants);
        let start = work_start + Duration::days(rng.below(work_days as usize) as i64 * 2 / 3);
        let end = start + Duration::days(2 + rng.below(20) as i64);
        let object = rng.pick(&OBJECTS);
        let (status, updates) = if stage != Stage::Executing && stage != Stage::Accepting {
            ("done", 1 + rng.chance(0.3) as usize)
        } else if start > today() {
            ("not_started", 0)
        } else if end < today() {
            match rng.below(100) {
                0..=79 => ("done", 1 + rng.chance(0.3) as usize),
                80..=91 => ("in_progress", 1 + rng.below(2)),
                92..=94 => ("blocked", 1),
                _ => ("not_started", 0),
            }
        } else {
            match rng.below(100) {
                0..=64 => ("in_progress", 1 + rng.below(2)),
                65..=69 => ("blocked", 1),
                70..=89 => ("done", 1),
                _ => ("not_started", 0),
            }
        };
        let last_day = if status == "done" {
            end.min(today())
        } else if rng.chance(0.7) {
            today() - Duration::days(rng.below(3) as i64)
        } else {
            start
        };
        let last_day = last_day.max(start).min(today());
        let progress = match status {
            "done" => 100,
            "not_started" => 0,
            _ => 10 + rng.below(80) as i64,
        };
        let members = &org.departments[d].2;
        b.now = at(start, 9, 0);
        let task = b.insert(
            "task",
            &cid,
            vec![
                ("collaboration_id", text(&cid)),
                ("department_id", text(&org.departments[d].0)),
                ("title", text(format!("{}{}", rng.pick(&VERBS), object))),
                ("responsible_person_id", text(rng.pick(members))),
                ("collaborators", text("[]")),
                ("start_date", text(start.to_string())),
                ("end_date", text(end.to_string())),
                ("deliverable", text(format!("{}{}", object, rng.pick(&KINDS_OF_DOC)))),
                ("status", text(status)),
                ("progress", int(progress)),
                ("last_status_on", if updates > 0 { text(last_day.to_string()) } else { Sql::Null }),
            ],
        );
        for u in 0..updates {
            let last = u + 1 == updates;
            let on = if last { last_day } else { start };
            let (s, p) = if last { (status, progress) } else { ("in_progress", progress / 2) };
            let note = if s == "blocked" {
                format!("受阻：{}资源未到位，需协调", rng.pick(&DEPARTMENTS))
            } else {
                rng.fill_from(&STATUS_NOTES, "")
            };
            b.now = at(on, 18, 0);
            b.insert(
                "status_update",
                &cid,
                vec![
                    ("task_id", text(&task)),
                    ("collaboration_id", text(&cid)),
                    ("on_date", text(on.to_string())),
                    ("status", text(s)),
                    ("progress", int(p)),
                    ("note", text(note)),
                    ("reported_by", text(rng.pick(members))),
                ],
            );
        }
    }
    for _ in 0..1 + rng.below(2) {
        let on = work_start + Duration::days(rng.below(work_days as usize) as i64);
        b.now = at(on.min(today()), 11, 0);
        let kind = *rng.pick(&["email", "phone", "im"]);
        b.insert(
            "communication",
            &cid,
            vec![
                ("collaboration_id", text(&cid)),
                ("on_date", text(on.min(today()).to_string())),
                ("kind", text(kind)),
                ("summary", text(rng.fill_from(&COMMUNICATIONS, ""))),
                ("participants", text("[]")),
            ],
        );
    }
    if rng.chance(0.3) {
        let d = *rng.pick(&others);
        b.insert(
            "feedback",
            &cid,
            vec![
                ("collaboration_id", text(&cid)),
                ("department_id", text(&org.departments[d].0)),
                ("on_date", text(finished.to_string())),
                ("text", text(*rng.pick(&FEEDBACK))),
            ],
        );
    }
    if rng.chance(0.15) {
        let deadline = work_start + Duration::days(rng.below(work_days as usize) as i64);
        let open = stage == Stage::Executing && rng.chance(0.5);
        b.insert(
            "problem",
            &cid,
            vec![
                ("collaboration_id", text(&cid)),
                ("meeting_id", text(&meeting)),
                ("description", text(format!("{}数据延迟提交，影响{}", rng.pick(&DEPARTMENTS), rng.pick(&OBJECTS)))),
                ("owner_person_id", text(&owner)),
                ("deadline", text(deadline.to_string())),
                ("resolved_on", if open { Sql::Null } else { text(deadline.min(today()).to_string()) }),
                ("resolution", if open { Sql::Null } else { text("已协调资源，按新节点提交") }),
            ],
        );
    }

    // Step 4: acceptance and the completion letter.
    if matches!(stage, Stage::Accepting | Stage::Completed | Stage::Archived) {
        b.now = at(finished, 10, 0);
        let passed = stage != Stage::Accepting || rng.chance(0.5);
        b.insert(
            "deliverable",
            &cid,
            vec![
                ("collaboration_id", text(&cid)),
                ("department_id", text(&org.departments[others[0]].0)),
                ("title", text(format!("{}{}", rng.pick(&OBJECTS), rng.pick(&KINDS_OF_DOC)))),
                ("status", text(if passed { "passed" } else { "submitted" })),
                ("submitted_at", text(rfc3339(b.now))),
            ],
        );
    }
    if matches!(stage, Stage::Completed | Stage::Archived) {
        b.now = at(finished, 16, 0);
        let recipients: Vec<&str> = participants.iter().map(|&d| DEPARTMENTS[d]).collect();
        b.insert(
            "completion_letter",
            &cid,
            vec![
                ("collaboration_id", text(&cid)),
                ("issued_by", text(&owner)),
                ("issued_on", text(finished.to_string())),
                ("recipients", text(json!(recipients).to_string())),
                ("body", text(format!("{title}已按计划完成，各项成果验收通过，特此确认。"))),
            ],
        );
    }
}

impl Rng {
    /// Picks a template and fills it.
    fn fill_from(&mut self, templates: &[&str], title: &str) -> String {
        let template = templates[self.below(templates.len())];
        fill(self, template, title)
    }
}

// ---------------------------------------------------------------------------------------------
// Recent collaborations, through the API (the same path as the app)

fn api_seed(engine: &mut Engine, clock: &FixedClock, org: &Org, count: usize) {
    let mut rng = Rng(0xA11_2026);
    let name = |id: &String| org.person_names[id].clone();
    for i in 0..count {
        let day0 = today() - Duration::days(8 + (i % 30) as i64);
        let initiating = i % 8;
        let other = (initiating + 1 + rng.below(7)) % 8;
        let (_, lead, members) = &org.departments[initiating];
        let (_, helper, helper_members) = &org.departments[other];
        let title = format!("{}{}{}", rng.pick(&TITLE_PREFIX), rng.pick(&SUBJECTS), rng.pick(&ACTIONS));
        clock.set(at(day0, 9, 30));
        let created = engine
            .create_collaboration(NewCollaboration {
                title: title.clone(),
                initiating_department: lead.clone(),
                initiator_contact: Some(name(&members[1])),
                owner: Some(name(&members[1])),
                background: fill(&mut rng, BACKGROUNDS[i % 4], &title),
                goal: fill(&mut rng, GOALS[i % 6], &title),
                expected_completion: Some(day0 + Duration::days(60)),
                remarks: fill(&mut rng, REMARKS[i % 6], &title),
                departments: vec![DepartmentAsk {
                    department: helper.clone(),
                    support_kinds: vec![SupportKind::Data],
                    support_text: fill(&mut rng, SUPPORT[i % 7], &title),
                    contact: None,
                }],
                milestones: vec![
                    MilestoneInput { name: "需求确认".into(), due_date: day0 + Duration::days(5) },
                    MilestoneInput { name: "方案定稿".into(), due_date: day0 + Duration::days(30) },
                    MilestoneInput { name: "验收完成".into(), due_date: day0 + Duration::days(60) },
                ],
            })
            .unwrap();
        let id = created.id;
        engine.send_request(&id).unwrap();
        if i % 10 == 0 {
            continue; // still waiting for the answer
        }
        clock.set(at(day0 + Duration::days(1), 15, 0));
        engine
            .answer_feasibility(AnswerInput {
                collaboration: id.clone(),
                department: helper.clone(),
                answer: FeasibilityAnswer::Confirm,
                contact: None,
                note: None,
                by: None,
            })
            .unwrap();
        let meeting = engine
            .schedule_meeting(MeetingInput {
                collaboration: id.clone(),
                kind: MeetingKind::Kickoff,
                title: Some(format!("{title}启动会")),
                starts_at: at(day0 + Duration::days(2), 14, 0),
                ends_at: at(day0 + Duration::days(2), 16, 0),
                place: "3楼第一会议室".into(),
                attendees: vec![name(&members[0]), name(&members[1]), name(&helper_members[0]), name(&helper_members[24])],
                agenda: vec![
                    format!("需求背景：{title}"),
                    format!("初步分工：{lead}统筹，{helper}配合"),
                    "议题：时间节点与资源安排".into(),
                ],
            })
            .unwrap();
        if i % 10 == 1 {
            continue; // minutes not yet issued
        }
        clock.set(at(day0 + Duration::days(2), 17, 30));
        engine
            .save_minutes(MinutesInput {
                meeting: meeting.clone(),
                goal: Some(fill(&mut rng, GOALS[i % 6], &title)),
                milestones: None,
                responsibilities: Some(vec![
                    ResponsibilityInput { department: lead.clone(), items: vec!["推广方案制定与活动执行".into()] },
                    ResponsibilityInput { department: helper.clone(), items: vec!["提供客户反馈数据".into()] },
                ]),
                communication: Some(CommunicationMechanism {
                    weekly_meeting: "每周一 10:00 推进会".into(),
                    urgent_channel: "电话联系对接人".into(),
                    sync_method: "邮件周报".into(),
                }),
                decisions: Some(vec![format!("{helper}一周内提交客户反馈数据")]),
                acceptance_criteria: Some(vec!["客户反馈数据覆盖率≥95%".into()]),
                summary: Some("明确各部门分工与时间节点".into()),
            })
            .unwrap();
        engine.issue_minutes(&meeting).unwrap();
        clock.set(at(day0 + Duration::days(3), 9, 0));
        for t in 0..10 {
            let (department, people) = if t % 2 == 0 { (lead, members) } else { (helper, helper_members) };
            let object = rng.pick(&OBJECTS);
            let start = day0 + Duration::days(3 + t);
            let task = engine
                .add_task(TaskInput {
                    collaboration: id.clone(),
                    department: department.clone(),
                    title: format!("{}{}", rng.pick(&VERBS), object),
                    responsible: name(rng.pick(&people[1..])),
                    collaborators: vec![],
                    start_date: start,
                    end_date: start + Duration::days(5 + rng.below(10) as i64),
                    deliverable: format!("{}{}", object, rng.pick(&KINDS_OF_DOC)),
                })
                .unwrap();
            if start <= today() && t % 3 != 2 {
                clock.set(at(start.max(today() - Duration::days(1)), 18, 0));
                let status = if t == 1 { TaskStatus::Blocked } else { TaskStatus::InProgress };
                let note = if t == 1 {
                    format!("受阻：{lead}资源未到位，需协调")
                } else {
                    fill(&mut rng, STATUS_NOTES[t as usize % 6], "")
                };
                engine.post_status(StatusInput { task, status, progress: Some(30), note: Some(note), on_date: None, by: None }).unwrap();
                clock.set(at(day0 + Duration::days(3), 9, 0));
            }
        }
        engine
            .add_communication(CommunicationInput {
                collaboration: id,
                kind: CommunicationKind::Email,
                summary: fill(&mut rng, COMMUNICATIONS[i % 4], ""),
                on_date: None,
                participants: vec![],
            })
            .unwrap();
    }
    clock.set(at(today(), 9, 0));
}

// ---------------------------------------------------------------------------------------------
// Measuring

struct Measured {
    operation: String,
    median_ms: f64,
    p95_ms: f64,
    target_ms: Option<f64>,
    note: String,
}

fn measure<T>(
    operation: &str,
    target_ms: Option<f64>,
    iterations: usize,
    mut run: impl FnMut(usize) -> T,
    note: impl Fn(&T) -> String,
) -> Measured {
    let mut last = None;
    for i in 0..(iterations / 10).max(5) {
        last = Some(run(i)); // warm-up: statement cache and page cache
    }
    let mut times: Vec<f64> = (0..iterations)
        .map(|i| {
            let started = Instant::now();
            let out = run(iterations + i);
            let ms = started.elapsed().as_secs_f64() * 1e3;
            last = Some(out);
            ms
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let p95_index = ((times.len() as f64 * 0.95).ceil() as usize).saturating_sub(1);
    Measured {
        operation: operation.into(),
        median_ms: times[times.len() / 2],
        p95_ms: times[p95_index],
        target_ms,
        note: note(last.as_ref().unwrap()),
    }
}

/// Display width, counting CJK characters as two columns.
fn pad(s: &str, width: usize) -> String {
    let w: usize = s.chars().map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 }).sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

fn file_size(path: &Path) -> u64 {
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    std::fs::metadata(path).map_or(0, |m| m.len()) + std::fs::metadata(wal).map_or(0, |m| m.len())
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

fn main() {
    let args = parse_args();
    let temp = tempfile::tempdir().unwrap();
    let path = args.db.clone().unwrap_or_else(|| temp.path().join("bench.db"));
    let clock = FixedClock::new(at(today(), 9, 0));
    let reuse = path.exists();

    println!("Xiezuo engine benchmark");
    let mut seed_seconds = None;
    if !reuse {
        let started = Instant::now();
        let mut engine = Engine::open_with_clock(&path, clock.clone()).unwrap();
        let org = seed_org(&mut engine);
        let api = (args.collaborations / 500).clamp(20, 200).min(args.collaborations);
        let bulk_count = args.collaborations - api;
        println!("seeding {} collaborations: {bulk_count} in bulk SQL, {api} through the engine API …", args.collaborations);
        {
            let conn = engine.connection();
            conn.execute_batch("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA cache_size = -400000;").unwrap();
            conn.set_prepared_statement_cache_capacity(64);
            let rows = bulk_seed(conn, &org, bulk_count, engine.device_id());
            conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -2000;").unwrap();
            println!("  bulk: {rows} records in {:.0} s", started.elapsed().as_secs_f64());
        }
        let api_started = Instant::now();
        api_seed(&mut engine, &clock, &org, api);
        println!("  API: {api} collaborations (~{} writes) in {:.1} s", api * 30, api_started.elapsed().as_secs_f64());
        engine.connection().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
        drop(engine);
        seed_seconds = Some(started.elapsed().as_secs_f64());
    }

    // Measure on a freshly opened engine, as the app would after a restart.
    clock.set(at(today(), 9, 0));
    // Opening an existing database makes the day's automatic backup (a full copy) if there is none.
    let daily = path.parent().unwrap_or(Path::new(".")).join("backups").join(format!("daily-{}.db", today().format("%Y%m%d")));
    let backup_made = !daily.exists();
    let opened = Instant::now();
    let mut engine = Engine::open_with_clock(&path, clock.clone()).unwrap();
    let open_ms = opened.elapsed().as_secs_f64() * 1e3;
    let backup_made = backup_made && daily.exists();
    if let Some(mib) = args.cache_mib {
        engine.connection().pragma_update(None, "cache_size", -mib * 1024).unwrap();
        println!("measuring with PRAGMA cache_size = {mib} MiB (not the engine's default)");
    }
    {
        let conn = engine.connection();
        println!(
            "data: {} collaborations, {} tasks, {} status updates, {} communications, {} feasibility answers, {} search entries, {} change-log entries",
            count(conn, "collaboration"),
            count(conn, "task"),
            count(conn, "status_update"),
            count(conn, "communication"),
            count(conn, "feasibility_answer"),
            count(conn, "search_row"),
            count(conn, "change_log"),
        );
        let mut stmt = conn.prepare("SELECT stage, count(*) FROM collaboration GROUP BY stage ORDER BY 2 DESC").unwrap();
        let stages: Vec<String> = stmt
            .query_map([], |r| Ok(format!("{} {}", r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        println!("stages: {}", stages.join(", "));
    }
    let size = file_size(&path);
    if let Some(s) = seed_seconds {
        println!("seeding took {:.0} s ({:.1} min)", s, s / 60.0);
    }
    println!("database: {} ({:.0} MiB)", path.display(), size as f64 / 1048576.0);
    println!(
        "engine opened in {open_ms:.0} ms ({})",
        if backup_made { "including the first open of the day's automatic backup" } else { "today's backup already existed" }
    );

    let n = args.iterations;
    let executing_tasks: Vec<String> = {
        let mut stmt = engine
            .connection()
            .prepare("SELECT t.id FROM task t JOIN collaboration c ON c.id = t.collaboration_id WHERE c.stage = 'executing' AND t.status <> 'done' ORDER BY t.rowid DESC LIMIT 2000")
            .unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    let executing: Vec<String> = {
        let mut stmt =
            engine.connection().prepare("SELECT id FROM collaboration WHERE stage = 'executing' ORDER BY rowid DESC LIMIT 2000").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };

    let mut results = Vec::new();
    for (label, query) in [
        (
            "register: executing, by expected completion",
            RegisterQuery { stage: Some(Stage::Executing), sort: RegisterSort::ExpectedCompletion, limit: 50, ..Default::default() },
        ),
        (
            "register: 销售部, executing, by expected completion",
            RegisterQuery {
                stage: Some(Stage::Executing),
                department: Some("销售部".into()),
                sort: RegisterSort::ExpectedCompletion,
                limit: 50,
                ..Default::default()
            },
        ),
        ("register: 销售部, all stages, by number", RegisterQuery { department: Some("销售部".into()), limit: 50, ..Default::default() }),
        ("register: all, by number (first page)", RegisterQuery { limit: 50, ..Default::default() }),
    ] {
        results.push(measure(
            label,
            Some(20.0),
            n,
            |_| engine.register(&query).unwrap(),
            |p| format!("{} rows of {}", p.rows.len(), p.total),
        ));
    }
    results.push(measure(
        "attention (everyone)",
        Some(50.0),
        n,
        |_| engine.attention(&AttentionFilter::default()).unwrap(),
        |items| format!("{} items", items.len()),
    ));
    results.push(measure(
        "attention (one department: 销售部)",
        Some(50.0),
        n,
        |_| engine.attention(&AttentionFilter { department: Some("销售部".into()), person: None }).unwrap(),
        |items| format!("{} items", items.len()),
    ));
    for (label, query, target) in [
        ("search 1 char: 协", "协", None),
        ("search 2 chars: 推广", "推广", Some(50.0)),
        ("search 2 chars, rare: 海南", "海南", Some(50.0)),
        ("search 4 chars: 客户反馈", "客户反馈", None),
    ] {
        results.push(measure(label, target, n, |_| engine.search(query, 50).unwrap(), |hits| format!("{} hits", hits.len())));
    }
    // Writes: each iteration writes a different record, as people would.
    results.push(measure(
        "write: post_status",
        Some(5.0),
        n,
        |i| {
            let task = executing_tasks[i % executing_tasks.len()].clone();
            engine
                .post_status(StatusInput {
                    task,
                    status: TaskStatus::InProgress,
                    progress: Some(50),
                    note: Some("已完成50%，按计划推进".into()),
                    on_date: None,
                    by: None,
                })
                .unwrap()
        },
        |_| String::new(),
    ));
    results.push(measure(
        "write: add_communication",
        Some(5.0),
        n,
        |i| {
            let collaboration = executing[i % executing.len()].clone();
            engine
                .add_communication(CommunicationInput {
                    collaboration,
                    kind: CommunicationKind::Phone,
                    summary: "电话确认客户反馈数据提交时间".into(),
                    on_date: None,
                    participants: vec![],
                })
                .unwrap()
        },
        |_| String::new(),
    ));
    results.push(measure(
        "write: create_collaboration",
        Some(5.0),
        n,
        |i| {
            engine
                .create_collaboration(NewCollaboration {
                    title: format!("基准测试协作事项{i}"),
                    initiating_department: "市场部".into(),
                    initiator_contact: None,
                    owner: None,
                    background: "联合推进Q4新产品上市".into(),
                    goal: "3个月内市场份额提升15%".into(),
                    expected_completion: Some(today() + Duration::days(60)),
                    remarks: String::new(),
                    departments: vec![DepartmentAsk {
                        department: "销售部".into(),
                        support_kinds: vec![SupportKind::Data],
                        support_text: "提供客户反馈数据".into(),
                        contact: None,
                    }],
                    milestones: vec![MilestoneInput { name: "方案定稿".into(), due_date: today() + Duration::days(30) }],
                })
                .unwrap()
        },
        |c| format!("last number {}", c.number),
    ));

    println!();
    println!("{} | {:>9} | {:>9} | {:>7} | {:<4} | result", pad("operation", 50), "median", "p95", "target", "ok");
    println!("{}", "-".repeat(110));
    for r in &results {
        let (target, ok) = match r.target_ms {
            Some(t) => (format!("{t:.0} ms"), if r.p95_ms <= t { "pass" } else { "FAIL" }),
            None => ("—".to_string(), ""),
        };
        println!("{} | {:>6.2} ms | {:>6.2} ms | {:>7} | {:<4} | {}", pad(&r.operation, 50), r.median_ms, r.p95_ms, target, ok, r.note);
    }
    println!("\n({n} timed iterations each after warm-up; targets are checked against p95)");
}
