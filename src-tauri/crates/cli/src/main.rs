//! `xiezuo`: the command-line face of the Xiezuo engine, for scripting, admin work and tests.
//!
//! Every subcommand is a thin call into `xiezuo-engine`; `exec` accepts the same JSON actions the
//! desktop app sends. Output is for people by default and JSON or CSV on request. Errors print one
//! line to stderr and exit non-zero. The command names and flags are a product interface.

mod office;
mod output;

use chrono::{DateTime, NaiveDate, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use xiezuo_engine::action::Outcome;
use xiezuo_engine::clock::{Clock, FixedClock, SystemClock};
use xiezuo_engine::demo::DemoOutcome;
use xiezuo_engine::{AttentionFilter, Engine, EngineError, RegisterQuery};
use xiezuo_forms::{records, FormsError, Kind, Lang};
use xiezuo_interop::InteropError;

#[derive(Parser)]
#[command(name = "xiezuo", version, about = "Xiezuo 协作台 — cross-department collaboration from request to archive")]
struct Cli {
    /// Database file (default: the desktop app's database in the OS app-data folder).
    #[arg(long, global = true, env = "XIEZUO_DB")]
    db: Option<PathBuf>,
    /// Pretend the current time is this instant (RFC 3339), e.g. 2026-10-12T09:00:00+08:00.
    #[arg(long, global = true)]
    now: Option<DateTime<chrono::FixedOffset>>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, Default, PartialEq)]
enum Format {
    #[default]
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum, Default, PartialEq)]
enum ListFormat {
    #[default]
    Table,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Create the database, or migrate it to this version's schema.
    Init,
    /// Load the demo data (the company's two example collaborations); does nothing if present.
    Demo,
    /// Run JSON Lines actions from stdin, printing one JSON result per line.
    Exec,
    /// The register (沟通事项跟踪表).
    Register {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Only this stage (draft, confirming, revising, kickoff, executing, accepting, completed, archived).
        #[arg(long)]
        stage: Option<String>,
        /// Only collaborations this department initiates or takes part in.
        #[arg(long)]
        department: Option<String>,
        /// Only this owner (负责人).
        #[arg(long)]
        owner: Option<String>,
    },
    /// One collaboration's whole record.
    Show {
        number: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// What needs action now, overdue first.
    Attention {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        #[arg(long)]
        person: Option<String>,
        #[arg(long)]
        department: Option<String>,
    },
    /// Full-text search over every record.
    Search {
        query: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// A collaboration's change log (who changed what, when).
    History {
        number: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Print a document to PDF: request, agenda, minutes, tracking, selfcheck, acceptance, letter or register.
    Print {
        kind: String,
        /// The collaboration (not needed for the register).
        number: Option<String>,
        /// zh (default) or en.
        #[arg(long, default_value = "zh")]
        lang: String,
        /// The meeting (agenda, minutes) or deliverable (selfcheck, acceptance) id; default: the latest.
        #[arg(long)]
        record: Option<String>,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Write a consistent copy of the database to FILE (which must not exist), or `--auto`: today's
    /// automatic backup, as the desktop app makes it at its first start of the day (for a scheduled task).
    Backup {
        #[arg(required_unless_present = "auto")]
        file: Option<PathBuf>,
        #[arg(long, conflicts_with = "file")]
        auto: bool,
    },
    /// The backups in the `backups/` folder beside the database, newest first (works when the database cannot be opened).
    Backups {
        #[arg(long, value_enum, default_value_t)]
        format: ListFormat,
    },
    /// Replace the database with the backup FILE, after checking it; the replaced database is kept in `backups/`
    /// (works when the current database cannot be opened).
    Restore { file: PathBuf },
    /// Export to a spreadsheet: `export xlsx register -o FILE`, `export xlsx tasks NUMBER -o FILE`.
    Export(office::xlsx::ExportArgs),
    /// Import a register or task list from .xlsx/.xls: a preview, or `--apply` to write it.
    Import(office::xlsx::ImportArgs),
    /// Calendar file (.ics) of a collaboration's milestones and deadlines, or of one meeting.
    Ics(office::ics::IcsArgs),
    /// Email drafts (.eml) to open in the mail program: request, agenda, minutes or letter.
    Eml(office::eml::EmlArgs),
    /// Write a collaboration's archive package to a folder, or `archive verify DIR`.
    Archive(office::archive::ArchiveArgs),
    /// Read a scanned signed document: find its QR code and match it to the record.
    Scan(office::scan::ScanArgs),
    /// The working-day calendar.
    Calendar {
        #[command(subcommand)]
        command: CalendarCommand,
    },
}

#[derive(Subcommand)]
enum CalendarCommand {
    /// DATE + N working days, counting from the next working day.
    Due { date: NaiveDate, n: u32 },
    /// Import a holiday-cn JSON file (one year).
    Import { file: PathBuf },
    /// Every day of a year with its working/off status.
    Show { year: i32 },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let database = database_path(&cli);
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            // A damaged page or a full disk met at run time is about this database: say which.
            let err = match err {
                InteropError::Engine(err) => InteropError::Engine(err.at_database(&database)),
                other => other,
            };
            eprintln!("xiezuo: error[{}]: {err}", err.kind());
            ExitCode::FAILURE
        }
    }
}

fn database_path(cli: &Cli) -> PathBuf {
    cli.db.clone().unwrap_or_else(xiezuo_engine::paths::default_database_path)
}

fn open(cli: &Cli) -> Result<Engine, EngineError> {
    let path = database_path(cli);
    let clock: Arc<dyn Clock> = match cli.now {
        Some(now) => FixedClock::new(now.with_timezone(&Utc)),
        None => Arc::new(SystemClock),
    };
    Engine::open_with_clock(&path, clock)
}

fn run(cli: Cli) -> Result<ExitCode, InteropError> {
    let mut out = std::io::stdout().lock();
    let open_db = || open(&cli);
    match &cli.command {
        Command::Export(args) => return office::xlsx::export(&open_db, args, &mut out),
        Command::Import(args) => return office::xlsx::import(&open_db, args, &mut out),
        Command::Ics(args) => return office::ics::run(&open_db, args, &mut out),
        Command::Eml(args) => return office::eml::run(&open_db, args, &mut out),
        Command::Archive(args) => return office::archive::run(&open_db, args, &mut out),
        Command::Scan(args) => return office::scan::run(&open_db, args, &mut out),
        _ => {}
    }
    // Listing and restoring backups never open the database: they are the way out when it cannot be opened.
    match &cli.command {
        Command::Restore { file } => {
            let path = database_path(&cli);
            let kept = xiezuo_engine::backup::restore(&path, file)?;
            writeln!(out, "restored {} from {}", path.display(), file.display())?;
            if let Some(kept) = kept {
                writeln!(out, "the replaced database is kept as {}", kept.display())?;
            }
            return Ok(ExitCode::SUCCESS);
        }
        Command::Backups { format } => {
            let backups = xiezuo_engine::backup::list(&database_path(&cli))?;
            match format {
                ListFormat::Json => output::json(&mut out, &backups)?,
                ListFormat::Table if backups.is_empty() => writeln!(out, "no backups yet")?,
                ListFormat::Table => {
                    for backup in &backups {
                        let kind = serde_json::to_value(backup.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
                        writeln!(out, "{}\t{kind}\t{}\t{}", backup.modified, backup.size, backup.path.display())?;
                    }
                }
            }
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    let mut engine = open(&cli)?;
    match &cli.command {
        Command::Init => {
            let path = engine.path().map(|p| p.display().to_string()).unwrap_or_default();
            writeln!(out, "database ready: {path} (schema {})", xiezuo_engine::db::schema_version())?;
        }
        Command::Demo => match engine.load_demo()? {
            DemoOutcome::Loaded { numbers } => writeln!(out, "demo data loaded: {}", numbers.join(", "))?,
            DemoOutcome::AlreadyPresent => writeln!(out, "demo data already present")?,
        },
        Command::Exec => return Ok(exec(&mut engine, &mut out)?),
        Command::Register { format, stage, department, owner } => {
            let query = RegisterQuery {
                stage: stage.as_deref().map(str::parse).transpose()?,
                department: department.clone(),
                owner: owner.clone(),
                ..Default::default()
            };
            output::register(&mut out, &engine.register(&query)?.rows, *format == Format::Json, *format == Format::Csv)?;
        }
        Command::Show { number, format } => {
            let dossier = engine.dossier(number)?;
            match format {
                Format::Json => output::json(&mut out, &dossier)?,
                _ => output::dossier(&mut out, &dossier)?,
            }
        }
        Command::Attention { format, person, department } => {
            let items = engine.attention(&AttentionFilter { person: person.clone(), department: department.clone() })?;
            match format {
                Format::Json => output::json(&mut out, &items)?,
                _ => output::attention(&mut out, &items)?,
            }
        }
        Command::Search { query, format } => {
            let hits = engine.search(query, 50)?;
            match format {
                Format::Json => output::json(&mut out, &hits)?,
                _ => output::search(&mut out, &hits)?,
            }
        }
        Command::History { number, format } => {
            let entries = engine.history(number)?;
            match format {
                Format::Json => output::json(&mut out, &entries)?,
                _ => output::history(&mut out, &entries)?,
            }
        }
        Command::Print { kind, number, lang, record, output } => {
            print(&mut engine, kind, number.as_deref(), lang, record.as_deref(), output, &mut out)?
        }
        Command::Backup { file: Some(file), .. } => {
            engine.backup_to(file)?;
            writeln!(out, "backup written: {}", file.display())?;
        }
        Command::Backup { file: None, .. } => match engine.daily_backup()? {
            Some(made) => writeln!(out, "backup written: {}", made.display())?,
            None => writeln!(out, "automatic backup already made today")?,
        },
        Command::Restore { .. } | Command::Backups { .. } => unreachable!("handled before the database is opened"),
        Command::Export(_) | Command::Import(_) | Command::Ics(_) | Command::Eml(_) | Command::Archive(_) | Command::Scan(_) => {
            unreachable!("office commands open the database themselves")
        }
        Command::Calendar { command } => match command {
            CalendarCommand::Due { date, n } => {
                let due = engine.due(*date, *n);
                writeln!(out, "{}", due.date)?;
                if !due.years_without_data.is_empty() {
                    eprintln!(
                        "warning: no holiday data for {:?}; only weekends were skipped (import the year with `xiezuo calendar import`)",
                        due.years_without_data
                    );
                }
            }
            CalendarCommand::Import { file } => {
                let text = std::fs::read_to_string(file)?;
                let year = engine.import_holidays(&text)?;
                writeln!(out, "imported holidays for {year}")?;
            }
            CalendarCommand::Show { year } => output::calendar(&mut out, &engine.calendar_year(*year))?,
        },
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints one document to a PDF file (written atomically) and records the print in the engine.
fn print(
    engine: &mut Engine,
    kind: &str,
    number: Option<&str>,
    lang: &str,
    record: Option<&str>,
    output: &std::path::Path,
    out: &mut impl Write,
) -> Result<(), EngineError> {
    let invalid = |field: &str, reason: String| EngineError::InvalidInput { field: field.into(), reason };
    let kind = Kind::parse(kind).ok_or_else(|| {
        invalid("kind", format!("'{kind}' is not one of request, agenda, minutes, tracking, selfcheck, acceptance, letter, register"))
    })?;
    let lang = Lang::parse(lang).ok_or_else(|| invalid("lang", format!("'{lang}' is not zh or en")))?;
    let printed = records::print(engine, kind, number, record, lang).map_err(|e| match e {
        FormsError::Engine(e) => e,
        other => EngineError::InvalidInput { field: other.kind().into(), reason: other.to_string() },
    })?;
    // Written beside the target and renamed, so a reader never sees half a file.
    let partial = output.with_extension("pdf.partial");
    std::fs::write(&partial, &printed.rendered.bytes)?;
    std::fs::rename(&partial, output)?;
    let r = &printed.rendered;
    writeln!(out, "{}: {} r{}, {} page(s), hash {}", output.display(), kind.as_str(), printed.revision, r.pages, r.short_hash)?;
    if !r.missing_glyphs.is_empty() {
        let chars: String = r.missing_glyphs.iter().collect();
        eprintln!("warning: no bundled font has these characters; they print as boxes: {chars}");
    }
    Ok(())
}

/// Runs JSON Lines actions; exits 1 if any action failed (every line is still answered).
fn exec(engine: &mut Engine, out: &mut impl Write) -> Result<ExitCode, EngineError> {
    let mut failed = false;
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let outcome = engine.run_json(&line);
        failed |= matches!(outcome, Outcome::Error(_));
        writeln!(out, "{}", serde_json::to_string(&outcome).expect("outcomes serialise"))?;
        out.flush()?;
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
