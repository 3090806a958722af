//! TypeScript declarations for the desktop window (`ui/src/bindings.ts`), generated from the
//! engine's own types so the UI and the engine cannot drift apart.
//!
//! Action payloads and read models come from their Rust definitions through `ts-rs`. The dossier's
//! rows, which the engine reads generically as JSON objects, are derived from the columns of the
//! dossier's own queries on a freshly migrated database, so a migration that adds a column shows up
//! in the UI's types too. `ActionResults` says what each action answers. A test keeps the committed
//! file current; `XIEZUO_BLESS=1 cargo test -p xiezuo-engine bindings` rewrites it.

use crate::action::Action;
use crate::dossier::{JSON_COLUMNS, LISTS};
use crate::error::Result;
use rusqlite::Connection;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use ts_rs::{Config, TypeVisitor, TS};

/// What each action answers, as a TypeScript type. Types named here are declared in the file.
fn results(cfg: &Config) -> Vec<(&'static str, String)> {
    use crate::{acceptance as a, attention as at, collaboration as c, meeting as m, model, org, register as r, working_days as w};
    let id = || "{ id: string }".to_string();
    let none = || "null".to_string();
    vec![
        ("update_org_settings", org::OrgSettings::name(cfg)),
        ("add_department", id()),
        ("update_department", none()),
        ("add_person", id()),
        ("update_person", none()),
        ("set_me", id()),
        ("set_preferences", org::Preferences::name(cfg)),
        ("create_collaboration", c::Created::name(cfg)),
        ("update_request", none()),
        ("update_notes", none()),
        ("send_request", "{ round: number }".into()),
        ("answer_feasibility", format!("{{ stage: {} }}", model::Stage::name(cfg))),
        ("schedule_meeting", id()),
        ("save_minutes", m::ResponsibilityCheck::name(cfg)),
        ("issue_minutes", "{ revision: number }".into()),
        ("record_signature", none()),
        ("add_task", id()),
        ("update_task", none()),
        ("post_status", id()),
        ("add_problem", id()),
        ("resolve_problem", none()),
        ("raise_risk", id()),
        ("escalate_risk", none()),
        ("decide_risk", none()),
        ("open_change_request", id()),
        ("decide_change_request", format!("{{ status: {} }}", model::ChangeStatus::name(cfg))),
        ("submit_deliverable", id()),
        ("record_self_check", none()),
        ("review_deliverable", format!("{{ result: {} }}", a::ReviewResult::name(cfg))),
        ("resubmit_deliverable", "{ version: number }".into()),
        ("issue_completion_letter", id()),
        ("archive", none()),
        ("reopen", none()),
        ("add_communication", id()),
        ("add_feedback", id()),
        ("add_attachment", id()),
        ("record_printed", id()),
        ("import_holidays", "{ year: number }".into()),
        ("set_calendar_day", none()),
        ("get_org_settings", org::OrgSettings::name(cfg)),
        ("get_preferences", org::Preferences::name(cfg)),
        ("get_me", format!("{} | null", org::Person::name(cfg))),
        ("list_departments", format!("Array<{}>", org::Department::name(cfg))),
        ("list_people", format!("Array<{}>", org::Person::name(cfg))),
        ("get_register", r::RegisterPage::name(cfg)),
        ("get_stage_counts", format!("Array<{}>", r::StageCount::name(cfg))),
        ("get_collaboration", "Dossier".into()),
        ("get_history", format!("Array<{}>", crate::dossier::HistoryEntry::name(cfg))),
        ("get_timeline", format!("Array<{}>", crate::dossier::TimelineEvent::name(cfg))),
        ("get_recent_activity", format!("Array<{}>", crate::dossier::ActivityEntry::name(cfg))),
        ("get_attention", format!("Array<{}>", at::AttentionItem::name(cfg))),
        ("check_minutes", m::ResponsibilityCheck::name(cfg)),
        ("search", format!("Array<{}>", crate::search::SearchHit::name(cfg))),
        ("calendar_due", w::DueDate::name(cfg)),
        ("calendar_year", w::YearView::name(cfg)),
        ("check_responsibilities", m::ResponsibilityCheck::name(cfg)),
        ("load_demo", "{ loaded: boolean, numbers: Array<string> }".into()),
        (
            "get_data_info",
            format!(
                "{{ database: string | null, backups_folder: string | null, backups: Array<{}> }}",
                crate::backup::BackupFile::name(cfg)
            ),
        ),
        ("import_collaboration", c::Created::name(cfg)),
    ]
}

/// Declares every named type the roots depend on, once each, in name order. Types another
/// bindings file already declares (`known`) are imported from it instead of declared again: the
/// interop crate's file builds on this one.
pub struct Declarations<'a> {
    cfg: &'a Config,
    known: BTreeSet<String>,
    out: BTreeMap<String, String>,
    imported: BTreeSet<String>,
}

impl<'a> Declarations<'a> {
    pub fn new(cfg: &'a Config, known: BTreeSet<String>) -> Self {
        Self { cfg, known, out: BTreeMap::new(), imported: BTreeSet::new() }
    }

    /// `import type` lines for the known types used, then the declarations.
    pub fn render(&self, from: &str) -> String {
        let mut text = String::new();
        if !self.imported.is_empty() {
            let names: Vec<&str> = self.imported.iter().map(String::as_str).collect();
            text.push_str(&format!("import type {{ {} }} from '{from}';\n\n", names.join(", ")));
        }
        for declaration in self.out.values() {
            text.push_str(declaration);
            text.push_str("\n\n");
        }
        text
    }

    /// The names declared so far.
    pub fn names(&self) -> BTreeSet<String> {
        self.out.keys().cloned().collect()
    }
}

impl TypeVisitor for Declarations<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if T::output_path().is_none() {
            return; // built-in: string, number, arrays, options
        }
        let name = T::ident(self.cfg);
        if self.known.contains(&name) {
            self.imported.insert(name);
            return;
        }
        if self.out.contains_key(&name) {
            return;
        }
        let docs = T::docs().map(|d| format!("{d}\n")).unwrap_or_default();
        self.out.insert(name, format!("{docs}export {}", T::decl(self.cfg)));
        T::visit_dependencies(self);
    }
}

/// Columns that hold one of the engine's codes, by table.
fn code_column(cfg: &Config, table: &str, column: &str) -> Option<String> {
    use crate::{acceptance::ReviewResult, model::*};
    Some(match (table, column) {
        ("collaboration", "stage") => Stage::name(cfg),
        ("feasibility_answer", "answer") => FeasibilityAnswer::name(cfg),
        ("meeting", "kind") => MeetingKind::name(cfg),
        ("signature", "document_kind") => DocumentKind::name(cfg),
        ("task" | "status_update", "status") => TaskStatus::name(cfg),
        ("change_request", "status") => ChangeStatus::name(cfg),
        ("change_approval", "decision") => Decision::name(cfg),
        ("deliverable", "status") => DeliverableStatus::name(cfg),
        ("acceptance_review", "result") => ReviewResult::name(cfg),
        ("communication", "kind") => CommunicationKind::name(cfg),
        _ => return None,
    })
}

/// The TypeScript type of a dossier column: JSON columns by what the engine stores in them, code
/// columns as their enum, the others from the table's declared type; NOT NULL and primary-key
/// columns are never null, joined names may be.
fn column_type(cfg: &Config, table: &str, column: &str, table_info: &HashMap<String, (String, bool)>) -> String {
    use crate::{acceptance as a, change, meeting as m, model};
    if JSON_COLUMNS.contains(&column) {
        return match column {
            "support_kinds" => format!("Array<{}>", model::SupportKind::name(cfg)),
            "minutes_communication" => format!("{} | null", m::CommunicationMechanism::name(cfg)),
            "changes" => change::PlanChanges::name(cfg),
            "self_check" => format!("Array<{}> | null", a::SelfCheckItem::name(cfg)),
            "criteria" => format!("Array<{}>", a::Criterion::name(cfg)),
            "baseline" => "unknown".into(),
            _ => "Array<string> | null".into(),
        };
    }
    match table_info.get(column) {
        Some((declared, not_null)) => {
            let ts = match code_column(cfg, table, column) {
                Some(code) => code,
                None if declared.eq_ignore_ascii_case("INTEGER") || declared.eq_ignore_ascii_case("REAL") => "number".into(),
                None => "string".into(),
            };
            if *not_null {
                ts.to_string()
            } else {
                format!("{ts} | null")
            }
        }
        None => "string | null".into(),
    }
}

/// `{ name: (declared type, never null) }` for every column of `table`.
fn table_info(conn: &Connection, table: &str) -> Result<HashMap<String, (String, bool)>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({table})"))?;
    let rows = stmt.query_map([], |r| {
        let never_null = r.get::<_, i64>(3)? != 0 || r.get::<_, i64>(5)? != 0; // NOT NULL or primary key
        Ok((r.get::<_, String>(1)?, (r.get::<_, String>(2)?, never_null)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One interface per dossier list, and the `Dossier` that holds them.
fn dossier_rows(cfg: &Config) -> Result<String> {
    let conn = crate::db::open_in_memory()?;
    let mut out = String::new();
    for list in LISTS {
        let table = list.sql.split_whitespace().skip_while(|w| !w.eq_ignore_ascii_case("FROM")).nth(1).unwrap_or_default();
        let info = table_info(&conn, table)?;
        let stmt = conn.prepare(list.sql)?;
        let mut seen = Vec::new();
        out.push_str(&format!(
            "/** A row of the dossier's `{}` (table `{table}`). */\nexport interface {} {{\n",
            list.field, list.row_type
        ));
        for column in stmt.column_names() {
            let blob = info.get(column).is_some_and(|(declared, _)| declared.eq_ignore_ascii_case("BLOB"));
            if seen.contains(&column) || blob {
                continue;
            }
            seen.push(column);
            out.push_str(&format!("  {column}: {};\n", column_type(cfg, table, column, &info)));
        }
        out.push_str("}\n\n");
    }
    out.push_str("/** The whole record of one collaboration (卷宗), as `get_collaboration` answers it. */\nexport interface Dossier {\n");
    for list in LISTS {
        let ty = match list.field {
            "collaboration" => list.row_type.to_string(),
            "letter" => format!("{} | null", list.row_type),
            _ => format!("Array<{}>", list.row_type),
        };
        out.push_str(&format!("  {}: {ty};\n", list.field));
        if list.field == "collaboration" {
            out.push_str(&format!("  stage: {};\n  step: number;\n", crate::model::Stage::name(cfg)));
        }
    }
    out.push_str("}\n");
    Ok(out)
}

/// The ts-rs settings every bindings file uses (numbers cross JSON as numbers).
pub fn config() -> Config {
    Config::new().with_large_int("number")
}

/// The engine's declared types (actions, read models, codes).
fn engine_declarations(cfg: &Config) -> Declarations<'_> {
    let mut declarations = Declarations::new(cfg, BTreeSet::new());
    declarations.visit::<Action>();
    declarations.visit::<crate::org::OrgSettings>();
    declarations.visit::<crate::org::Person>();
    declarations.visit::<crate::org::Department>();
    declarations.visit::<crate::collaboration::Created>();
    declarations.visit::<crate::meeting::ResponsibilityCheck>();
    declarations.visit::<crate::model::ChangeStatus>();
    declarations.visit::<crate::acceptance::ReviewResult>();
    declarations.visit::<crate::register::RegisterPage>();
    declarations.visit::<crate::register::StageCount>();
    declarations.visit::<crate::dossier::HistoryEntry>();
    declarations.visit::<crate::dossier::TimelineEvent>();
    declarations.visit::<crate::dossier::ActivityEntry>();
    declarations.visit::<crate::attention::AttentionItem>();
    declarations.visit::<crate::search::SearchHit>();
    declarations.visit::<crate::working_days::DueDate>();
    declarations.visit::<crate::working_days::YearView>();
    declarations.visit::<crate::error::ErrorPayload>();
    declarations.visit::<crate::backup::BackupFile>();
    {
        use crate::model::*;
        declarations.visit::<FeasibilityAnswer>();
        declarations.visit::<MeetingKind>();
        declarations.visit::<DocumentKind>();
        declarations.visit::<TaskStatus>();
        declarations.visit::<Decision>();
        declarations.visit::<DeliverableStatus>();
        declarations.visit::<CommunicationKind>();
    }
    declarations
}

/// The names `ui/src/bindings.ts` declares, so other bindings files import rather than repeat them.
pub fn declared_names() -> BTreeSet<String> {
    engine_declarations(&config()).names()
}

/// The whole `ui/src/bindings.ts`.
pub fn typescript() -> Result<String> {
    let cfg = config();
    let mut out = String::from(
        "// Generated from the Rust engine by `xiezuo_engine::bindings` — do not edit.\n\
         // Regenerate with `XIEZUO_BLESS=1 cargo test -p xiezuo-engine bindings`.\n\n",
    );
    out.push_str(&engine_declarations(&cfg).render("./bindings"));
    out.push_str(&dossier_rows(&cfg)?);
    out.push_str("\n/** What each action answers. */\nexport interface ActionResults {\n");
    for (action, result) in results(&cfg) {
        out.push_str(&format!("  {action}: {result};\n"));
    }
    out.push_str("}\n\nexport type ActionName = Action['action'];\n");
    out.push_str("/** The payload an action takes (`undefined` for actions without one). */\n");
    out.push_str(
        "export type PayloadOf<A extends ActionName> = Extract<Action, { action: A }> extends { payload: infer P } ? P : undefined;\n",
    );
    Ok(out)
}

/// The action names `results` covers, for the test that it covers every action.
pub fn result_action_names() -> Vec<&'static str> {
    results(&Config::new()).into_iter().map(|(name, _)| name).collect()
}
