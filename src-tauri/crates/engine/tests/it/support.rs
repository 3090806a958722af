//! Shared test fixtures: an engine on a fresh temp database with a pinned clock, and a check that
//! a refused move changed nothing at all.

use chrono::{DateTime, TimeZone, Utc};
use std::sync::Arc;
use tempfile::TempDir;
use xiezuo_engine::clock::{china_offset, FixedClock};
use xiezuo_engine::{Engine, EngineError};

pub struct Ctx {
    pub engine: Engine,
    pub clock: Arc<FixedClock>,
    pub _dir: TempDir,
}

/// An instant in China time, e.g. `at("2026-11-24 09:00")`.
pub fn at(text: &str) -> DateTime<Utc> {
    let naive = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("valid test time");
    china_offset().from_local_datetime(&naive).single().unwrap().with_timezone(&Utc)
}

pub fn day(text: &str) -> chrono::NaiveDate {
    text.parse().expect("valid test date")
}

/// A fresh database with the clock at `now`.
pub fn fresh(now: &str) -> Ctx {
    let dir = tempfile::tempdir().unwrap();
    let clock = FixedClock::new(at(now));
    let engine = Engine::open_with_clock(&dir.path().join("xiezuo.db"), clock.clone()).unwrap();
    Ctx { engine, clock, _dir: dir }
}

/// A fresh database with the demo data loaded and the clock at 2026-11-24 09:00.
pub fn demo() -> Ctx {
    let mut ctx = fresh("2026-11-24 09:00");
    ctx.engine.load_demo().unwrap();
    ctx
}

impl Ctx {
    pub fn set_now(&self, text: &str) {
        self.clock.set(at(text));
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.engine.connection().query_row(sql, [], |r| r.get(0)).unwrap()
    }

    pub fn text(&self, sql: &str) -> String {
        self.engine.connection().query_row(sql, [], |r| r.get(0)).unwrap()
    }

    /// Every row of every table, as text: two equal dumps mean nothing changed.
    pub fn dump(&self) -> String {
        let conn = self.engine.connection();
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut out = String::new();
        for table in tables {
            let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY rowid")).unwrap();
            let columns = stmt.column_count();
            let rows = stmt
                .query_map([], |r| {
                    let cells: Vec<String> = (0..columns).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect();
                    Ok(cells.join("|"))
                })
                .unwrap();
            out.push_str(&table);
            out.push('\n');
            for row in rows {
                out.push_str(&row.unwrap());
                out.push('\n');
            }
        }
        out
    }

    /// Runs a move that must be refused with `kind`, and checks that it changed nothing.
    pub fn refused<T: std::fmt::Debug>(&mut self, kind: &str, attempt: impl FnOnce(&mut Engine) -> Result<T, EngineError>) -> EngineError {
        let before = self.dump();
        let log_before = self.count("SELECT count(*) FROM change_log");
        let err = attempt(&mut self.engine).expect_err("the move should have been refused");
        assert_eq!(err.kind(), kind, "wrong error: {err}");
        assert_eq!(self.count("SELECT count(*) FROM change_log"), log_before, "change log grew");
        assert!(self.dump() == before, "a refused move changed the database");
        err
    }

    /// The id of the single row a query returns.
    pub fn id(&self, sql: &str) -> String {
        self.text(sql)
    }
}
