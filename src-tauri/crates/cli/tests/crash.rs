//! Crash safety, tested the hard way: the real `xiezuo exec` writes records as fast as it can and
//! is killed with SIGKILL at a random moment, round after round on the same database, so every
//! kill is followed by SQLite's WAL recovery at the next start. After each kill the database must
//! pass `PRAGMA integrity_check`, every write the process acknowledged on stdout must be there with
//! all its rows, and nothing half-written may be visible.
//!
//! Each write makes several rows in one transaction (a collaboration with its departments and
//! milestones; a communication; a task; each with its change log and search index entries) and
//! carries a unique marker in its text, so afterwards every planned write is found and judged
//! whole or absent. `exec` prints an outcome only after the transaction committed, so the writes
//! present must be the acknowledged ones plus at most the one committed but not yet printed.
//!
//! `XIEZUO_CRASH_KILLS` sets the number of kills (default 20, a few seconds); `XIEZUO_CRASH_SEED`
//! replays a run (the seed is printed). `scripts/crash.sh` runs 1000 and prints the summary.
#![cfg(unix)]

use rusqlite::{Connection, OpenFlags};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-24T09:00:00+08:00";
/// The demo's 年度培训计划落地, in execution, where communications and tasks are added.
const DEMO_COLLABORATION: &str = "XZ-2026-002";
/// Writes fed to one `exec`; the process finishes them only when a kill comes late.
const WRITES_PER_ROUND: usize = 200;
const SIGKILL: i32 = 9;

/// SplitMix64: a seeded generator, so a failing run replays with `XIEZUO_CRASH_SEED`.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
}

fn seed() -> u64 {
    std::env::var("XIEZUO_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64))
}

fn kills_wanted() -> usize {
    std::env::var("XIEZUO_CRASH_KILLS").ok().and_then(|s| s.parse().ok()).unwrap_or(20)
}

fn xiezuo(db: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_xiezuo"));
    command.arg("--db").arg(db).arg("--now").arg(NOW);
    command
}

fn run_to_end(db: &Path, args: &[&str]) -> Result<String, String> {
    let output = xiezuo(db).args(args).output().expect("the xiezuo binary runs");
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_string())
    }
}

fn open_read_only(db: &Path) -> rusqlite::Result<Connection> {
    Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
}

/// `PRAGMA integrity_check` and `foreign_key_check`: the problems they report (none is good).
fn integrity_problems(conn: &Connection) -> Vec<String> {
    let check = || -> rusqlite::Result<Vec<String>> {
        let mut found: Vec<String> =
            conn.prepare("PRAGMA integrity_check")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        if found == ["ok"] {
            found.clear();
        }
        let mut fk = conn.prepare("PRAGMA foreign_key_check")?;
        let orphans = fk.query_map([], |r| {
            Ok(format!("foreign key: {} row {:?} → {}", r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, String>(2)?))
        })?;
        found.extend(orphans.collect::<rusqlite::Result<Vec<_>>>()?);
        Ok(found)
    };
    check().unwrap_or_else(|e| vec![format!("cannot check: {e}")])
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum WriteKind {
    Collaboration,
    Communication,
    Task,
}

impl WriteKind {
    /// The table of the write's main record, and where its marker is read.
    fn table(self) -> &'static str {
        match self {
            WriteKind::Collaboration => "collaboration",
            WriteKind::Communication => "communication",
            WriteKind::Task => "task",
        }
    }

    fn marked_column(self) -> &'static str {
        match self {
            WriteKind::Communication => "summary",
            WriteKind::Collaboration | WriteKind::Task => "title",
        }
    }

    /// Search entries carrying the marker: every text field of the write has it.
    fn marked_search_entries(self) -> i64 {
        match self {
            // title, background, two departments' support text, two milestone names
            WriteKind::Collaboration => 6,
            WriteKind::Communication => 1,
            WriteKind::Task => 2,
        }
    }

    /// All search entries, the collaboration's number (which has no marker) included.
    fn search_entries(self) -> i64 {
        self.marked_search_entries() + i64::from(self == WriteKind::Collaboration)
    }
}

/// One write of a round: its `exec` line and the marker that finds it afterwards.
struct Planned {
    kind: WriteKind,
    marker: String,
}

impl Planned {
    fn line(&self) -> String {
        let m = &self.marker;
        let (action, payload) = match self.kind {
            WriteKind::Collaboration => (
                "create_collaboration",
                json!({
                    "title": format!("崩溃演练 {m}"),
                    "initiating_department": "人力资源部",
                    "initiator_contact": "孙丽",
                    "owner": "郑凯",
                    "background": format!("断电也不能丢数据 {m}"),
                    "expected_completion": "2027-03-31",
                    "departments": [
                        {"department": "研发部", "support_kinds": ["data"], "support_text": format!("提供数据 {m}"), "contact": "刘洋"},
                        {"department": "财务部", "support_kinds": ["approval"], "support_text": format!("预算审批 {m}"), "contact": "周敏"}
                    ],
                    "milestones": [
                        {"name": format!("方案确认 {m}"), "due_date": "2026-12-18"},
                        {"name": format!("上线验收 {m}"), "due_date": "2027-03-15"}
                    ]
                }),
            ),
            WriteKind::Communication => (
                "add_communication",
                json!({"collaboration": DEMO_COLLABORATION, "kind": "phone", "summary": format!("电话确认培训名单 {m}"), "participants": ["孙丽", "刘洋"]}),
            ),
            WriteKind::Task => (
                "add_task",
                json!({
                    "collaboration": DEMO_COLLABORATION, "department": "研发部", "title": format!("整理技术培训需求 {m}"),
                    "responsible": "刘洋", "start_date": "2026-12-01", "end_date": "2026-12-10", "deliverable": format!("需求清单 {m}")
                }),
            ),
        };
        json!({"action": action, "payload": payload}).to_string()
    }
}

fn plan_round(round: usize, rng: &mut Rng) -> Vec<Planned> {
    (0..WRITES_PER_ROUND)
        .map(|i| {
            let kind = [WriteKind::Collaboration, WriteKind::Communication, WriteKind::Task][rng.below(3) as usize];
            // One alphanumeric token, so the full-text index finds it as a word.
            Planned { kind, marker: format!("ck{round}w{i}") }
        })
        .collect()
}

/// One `exec` run: lines fed from a writer thread as fast as it reads them, outcomes collected by
/// a reader thread, and a SIGKILL after `delay` (`None`: let it finish).
struct RunResult {
    outcomes: Vec<Value>,
    killed: bool,
    exit_ok: bool,
    stderr: String,
}

fn run_exec(db: &Path, plan: &[Planned], delay: Option<Duration>) -> RunResult {
    let mut child: Child = xiezuo(db)
        .arg("exec")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the xiezuo binary starts");
    let lines: Vec<String> = plan.iter().map(Planned::line).collect();
    let mut stdin = child.stdin.take().expect("piped stdin");
    let writer = std::thread::spawn(move || {
        for line in lines {
            // A broken pipe means the process is gone; the rest of the plan is simply not sent.
            if writeln!(stdin, "{line}").is_err() {
                return;
            }
        }
    });
    let stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout).lines().map_while(Result::ok).map(|l| serde_json::from_str(&l).expect("exec prints JSON")).collect()
    });
    if let Some(delay) = delay {
        std::thread::sleep(delay);
        child.kill().expect("the process can be killed");
    }
    let status = child.wait().expect("the process ends");
    let mut stderr = String::new();
    child.stderr.take().expect("piped stderr").read_to_string(&mut stderr).expect("stderr reads");
    writer.join().expect("the writer thread ends");
    RunResult {
        outcomes: reader.join().expect("the reader thread ends"),
        killed: status.signal() == Some(SIGKILL),
        exit_ok: status.success(),
        stderr,
    }
}

/// The tables of the records a planned write inserts, each logged in `change_log`.
const RECORD_TABLES: [&str; 5] = ["collaboration", "collab_department", "milestone", "communication", "task"];
/// Every table a planned write adds rows to: its records, the change log and the search index.
const ROUND_TABLES: [&str; 7] = ["collaboration", "collab_department", "milestone", "communication", "task", "change_log", "search_row"];

/// The largest rowid of each table a write adds to, before a round: the round's rows are above it
/// (rows are never deleted, and only committed ones count).
fn watermarks(conn: &Connection) -> rusqlite::Result<HashMap<&'static str, i64>> {
    ROUND_TABLES.iter().map(|&t| Ok((t, conn.query_row(&format!("SELECT coalesce(max(rowid), 0) FROM {t}"), [], |r| r.get(0))?))).collect()
}

/// What a round left in the database.
#[derive(Default)]
struct Verdict {
    /// Planned writes present and whole.
    committed: usize,
    integrity: Vec<String>,
    lost: Vec<String>,
    partial: Vec<String>,
}

/// Judges a round: which planned writes are in the database, whether each is whole, whether any
/// row of the round belongs to no whole write, and whether the acknowledged ones all made it.
fn judge_round(conn: &Connection, since: &HashMap<&'static str, i64>, plan: &[Planned], acknowledged: usize) -> rusqlite::Result<Verdict> {
    let mut verdict = Verdict::default();
    let index: HashMap<&str, usize> = plan.iter().enumerate().map(|(i, p)| (p.marker.as_str(), i)).collect();
    let new_rows = |table: &str, columns: &str| -> rusqlite::Result<Vec<(String, String)>> {
        conn.prepare(&format!("SELECT id, {columns} FROM {table} WHERE rowid > ?1 ORDER BY rowid"))?
            .query_map([since[table]], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect()
    };
    let matches = |marker: &str| -> rusqlite::Result<i64> {
        conn.query_row("SELECT count(*) FROM search_index WHERE search_index MATCH ?1", [marker], |r| r.get(0))
    };

    // Every record of the round has exactly one change-log insert of the round, and every such
    // entry names a record that exists.
    let mut logged: HashMap<(String, String), i64> = HashMap::new();
    {
        let mut stmt = conn.prepare("SELECT entity, entity_id, op FROM change_log WHERE rowid > ?1")?;
        let entries =
            stmt.query_map([since["change_log"]], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
        for entry in entries {
            let (entity, id, op) = entry?;
            if op != "insert" || !RECORD_TABLES.contains(&entity.as_str()) {
                verdict.partial.push(format!("unexpected change_log entry: {op} {entity} {id}"));
            }
            *logged.entry((entity, id)).or_default() += 1;
        }
    }
    let mut new_collaborations = HashSet::new();
    for table in &RECORD_TABLES {
        for (id, _) in new_rows(table, "id")? {
            if logged.remove(&(table.to_string(), id.clone())) != Some(1) {
                verdict.partial.push(format!("{table} {id} has not exactly one change_log entry"));
            }
            if *table == "collaboration" {
                new_collaborations.insert(id);
            }
        }
    }
    for ((entity, id), _) in logged {
        verdict.partial.push(format!("change_log names {entity} {id}, which is not there"));
    }

    // The parts of the round's collaborations belong to them.
    let mut parts: HashMap<String, (i64, i64)> = HashMap::new();
    for (table, is_department) in [("collab_department", true), ("milestone", false)] {
        for (id, collaboration) in new_rows(table, "collaboration_id")? {
            if !new_collaborations.contains(&collaboration) {
                verdict.partial.push(format!("{table} {id} belongs to no collaboration of this round"));
            }
            let counts = parts.entry(collaboration).or_default();
            if is_department {
                counts.0 += 1;
            } else {
                counts.1 += 1;
            }
        }
    }

    // Each planned write present is whole.
    let mut present = vec![false; plan.len()];
    for kind in [WriteKind::Collaboration, WriteKind::Communication, WriteKind::Task] {
        for (id, text) in new_rows(kind.table(), kind.marked_column())? {
            let marker = text.rsplit(' ').next().unwrap_or_default();
            let Some(&i) = index.get(marker).filter(|&&i| plan[i].kind == kind) else {
                verdict.partial.push(format!("{} {id} ({text}) is no planned write of this round", kind.table()));
                continue;
            };
            if std::mem::replace(&mut present[i], true) {
                verdict.partial.push(format!("{marker} was written twice"));
            }
            if kind == WriteKind::Collaboration && parts.get(&id) != Some(&(2, 2)) {
                verdict.partial.push(format!("{marker}: departments and milestones {:?}, want (2, 2)", parts.get(&id)));
            }
            let found = matches(marker)?;
            if found != kind.marked_search_entries() {
                verdict.partial.push(format!("{marker}: {found} search entries, want {}", kind.marked_search_entries()));
            }
        }
    }
    verdict.committed = present.iter().take_while(|&&p| p).count();
    let search_rows: i64 = conn.query_row("SELECT count(*) FROM search_row WHERE rowid > ?1", [since["search_row"]], |r| r.get(0))?;
    let want: i64 = plan[..verdict.committed].iter().map(|p| p.kind.search_entries()).sum();
    if search_rows != want {
        verdict.partial.push(format!("{search_rows} search rows for {} writes, want {want}", verdict.committed));
    }

    // Writes commit in order, each acknowledged after its commit: the writes present are the
    // acknowledged ones and at most one more, and absent ones left nothing in the index.
    for (i, planned) in plan.iter().enumerate() {
        if i < acknowledged && !present[i] {
            verdict.lost.push(planned.marker.clone());
        } else if present[i] && (i > acknowledged || i > verdict.committed) {
            verdict.partial.push(format!("{} is present but an earlier write is not, or it was never sent", planned.marker));
        } else if !present[i] && matches(&planned.marker)? != 0 {
            verdict.partial.push(format!("{} is absent but has search entries", planned.marker));
        }
    }
    Ok(verdict)
}

/// Figures of a run, printed as the summary line `scripts/crash.sh` reports.
#[derive(Default)]
struct Tally {
    rounds: usize,
    kills: usize,
    /// Kills that came before the first write committed: start-up, opening, WAL recovery.
    kills_before_writing: usize,
    /// Kills that came after a commit and before its outcome was printed (the commit's sync, an
    /// automatic checkpoint).
    kills_after_commit: usize,
    acknowledged: usize,
    committed: usize,
    losses: usize,
    integrity_errors: usize,
    partial_writes: usize,
}

impl Tally {
    fn failures(&self) -> usize {
        self.losses + self.integrity_errors + self.partial_writes
    }
}

#[test]
fn killed_writers_lose_nothing_acknowledged_and_leave_nothing_half_written() {
    let seed = seed();
    let kills = kills_wanted();
    eprintln!("crash: seed {seed} (replay with XIEZUO_CRASH_SEED={seed}), {kills} kills");
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    run_to_end(&db, &["demo"]).expect("the demo data loads");
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut since = watermarks(&open_read_only(&db).unwrap()).unwrap();
    // The first round runs undisturbed: it proves the checks pass on a whole run and times one,
    // so the kills are spread over a round's whole length (re-timed by every round that ends on
    // its own, as the database grows).
    let mut round_length = None;
    let mut report = Vec::new();
    while tally.kills < kills && report.is_empty() {
        assert!(tally.rounds < kills * 3 + 10, "kills keep missing the process: {} rounds, {} kills", tally.rounds, tally.kills);
        let plan = plan_round(tally.rounds, &mut rng);
        let delay = round_length.map(|length: Duration| {
            let micros = match rng.below(8) {
                0 => 0,                                                  // before `main` runs
                1 => rng.below(8_000),                                   // opening: WAL recovery, schema check
                _ => rng.below(length.as_micros() as u64 * 11 / 10 + 1), // amid commits and checkpoints, or closing
            };
            Duration::from_micros(micros)
        });
        let round_started = Instant::now();
        let run = run_exec(&db, &plan, delay);
        if !run.killed {
            round_length = Some(round_started.elapsed());
        }
        tally.rounds += 1;
        tally.kills += usize::from(run.killed);
        if !run.killed && !run.exit_ok {
            report.push(format!("round {}: exec failed on its own: {}", tally.rounds, run.stderr));
            tally.integrity_errors += 1;
        }
        if let Some(refused) = run.outcomes.iter().find(|o| o.get("ok").is_none()) {
            panic!("round {}: a planned write was refused, the harness is wrong: {refused}", tally.rounds);
        }
        let conn = match open_read_only(&db) {
            Ok(conn) => conn,
            Err(e) => panic!("round {}: the database does not open after a kill: {e}", tally.rounds),
        };
        let integrity = integrity_problems(&conn);
        let verdict = judge_round(&conn, &since, &plan, run.outcomes.len())
            .unwrap_or_else(|e| Verdict { integrity: vec![format!("reading the round back failed: {e}")], ..Verdict::default() });
        tally.acknowledged += run.outcomes.len();
        tally.committed += verdict.committed;
        tally.kills_before_writing += usize::from(run.killed && verdict.committed == 0);
        tally.kills_after_commit += usize::from(run.killed && verdict.committed > run.outcomes.len());
        tally.integrity_errors += integrity.len() + verdict.integrity.len();
        tally.losses += verdict.lost.len();
        tally.partial_writes += verdict.partial.len();
        for (what, items) in
            [("integrity", &integrity), ("integrity", &verdict.integrity), ("lost", &verdict.lost), ("partial", &verdict.partial)]
        {
            report.extend(items.iter().map(|item| format!("round {} ({delay:?}): {what}: {item}", tally.rounds)));
        }
        if report.is_empty() {
            since = watermarks(&conn).unwrap();
        }
    }
    println!(
        "crash: {} kills in {} rounds ({} before the first commit, {} between a commit and its outcome), {} acknowledged writes, {} committed, {} losses, {} integrity errors, {} partial writes, {:.1} s, seed {seed}",
        tally.kills,
        tally.rounds,
        tally.kills_before_writing,
        tally.kills_after_commit,
        tally.acknowledged,
        tally.committed,
        tally.losses,
        tally.integrity_errors,
        tally.partial_writes,
        started.elapsed().as_secs_f64()
    );
    assert_eq!(tally.failures(), 0, "seed {seed}:\n{}", report.join("\n"));
}

/// A kill while a new database is being created (file created, WAL switched on, migrations run,
/// application id set, settings written) must leave a file the next start opens and completes.
#[test]
fn a_database_killed_while_being_created_opens_at_the_next_start() {
    let seed = seed();
    let kills = kills_wanted().div_ceil(4);
    eprintln!("crash (new database): seed {seed}, {kills} kills");
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let complete = dir.path().join("complete.db");
    let timed = Instant::now();
    run_to_end(&complete, &["init"]).expect("a new database is created");
    let init_length = timed.elapsed();
    let stamp = |db: &Path| -> rusqlite::Result<(i64, i64)> {
        let conn = open_read_only(db)?;
        Ok((conn.pragma_query_value(None, "application_id", |r| r.get(0))?, conn.pragma_query_value(None, "user_version", |r| r.get(0))?))
    };
    let want = stamp(&complete).unwrap();
    let started = Instant::now();
    let (mut landed, mut failures) = (0, Vec::new());
    for round in 0..kills {
        let db = dir.path().join(format!("new{round}.db"));
        let mut child = xiezuo(&db).arg("init").stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("the xiezuo binary starts");
        std::thread::sleep(Duration::from_micros(rng.below(init_length.as_micros() as u64 + 1)));
        child.kill().expect("the process can be killed");
        landed += usize::from(child.wait().expect("the process ends").signal() == Some(SIGKILL));
        if let Err(e) = run_to_end(&db, &["init"]) {
            failures.push(format!("{}: the next start fails: {e}", db.display()));
            continue;
        }
        match stamp(&db) {
            Ok(found) if found == want => {}
            Ok(found) => failures.push(format!("{}: (application_id, user_version) {found:?}, want {want:?}", db.display())),
            Err(e) => failures.push(format!("{}: {e}", db.display())),
        }
        failures.extend(
            open_read_only(&db)
                .map_or_else(|e| vec![e.to_string()], |c| integrity_problems(&c))
                .into_iter()
                .map(|p| format!("{}: {p}", db.display())),
        );
    }
    println!(
        "crash (new database): {landed} kills in {kills} rounds, {} failures to reopen, {:.1} s, seed {seed}",
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "seed {seed}:\n{}", failures.join("\n"));
}
