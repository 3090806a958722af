//! `xiezuo export xlsx …` and `xiezuo import xlsx FILE [--apply]`: the register or a
//! collaboration's tasks to a spreadsheet, and a register or task list back from one. An import
//! without `--apply` only checks the rows; with it, every row is written or none.

use super::Open;
use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use xiezuo_engine::EngineError;
use xiezuo_forms::Lang;
use xiezuo_interop::xlsx::{self, ImportReport};
use xiezuo_interop::{files, InteropError};

/// The spreadsheet format; the only one is `xlsx` (imports also read .xls files).
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum SheetFormat {
    Xlsx,
}

#[derive(Clone, Copy, PartialEq, clap::ValueEnum)]
pub enum Exported {
    /// The register (沟通事项跟踪表), every collaboration.
    Register,
    /// One collaboration's tasks (进度跟踪表) and problems.
    Tasks,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    #[arg(value_enum)]
    format: SheetFormat,
    #[arg(value_enum)]
    what: Exported,
    /// The collaboration whose tasks to export.
    #[arg(required_if_eq("what", "tasks"))]
    number: Option<String>,
    #[arg(short, long)]
    output: PathBuf,
    /// Headings and sheet names in zh (default) or en.
    #[arg(long, default_value = "zh")]
    lang: String,
    /// Replace the output file if it exists.
    #[arg(long)]
    force: bool,
}

pub fn export(open: Open, args: &ExportArgs, out: &mut impl Write) -> Result<ExitCode, InteropError> {
    let SheetFormat::Xlsx = args.format; // the one format there is
    let lang = Lang::parse(&args.lang)
        .ok_or_else(|| EngineError::InvalidInput { field: "lang".into(), reason: format!("'{}' is not zh or en", args.lang) })?;
    let engine = open()?;
    let (bytes, what) = match (args.what, &args.number) {
        (Exported::Register, None) => (xlsx::export_register(&engine, lang)?, "register".to_string()),
        (Exported::Tasks, Some(number)) => (xlsx::export_tasks(&engine, number, lang)?, format!("tasks of {number}")),
        (Exported::Register, Some(number)) => {
            let reason = format!("the register has every collaboration; did you mean `tasks {number}`?");
            return Err(EngineError::InvalidInput { field: "number".into(), reason }.into());
        }
        (Exported::Tasks, None) => return Err(EngineError::MissingField { field: "number".into() }.into()),
    };
    files::write_atomic(&args.output, &bytes, args.force)?;
    writeln!(out, "{}: {what}", args.output.display())?;
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
pub struct ImportArgs {
    #[arg(value_enum)]
    format: SheetFormat,
    /// An .xlsx or .xls register or task list (as `export xlsx` writes them).
    file: PathBuf,
    /// Write the rows (all or none); without it the rows are only checked.
    #[arg(long)]
    apply: bool,
    /// Print the whole report as JSON.
    #[arg(long)]
    json: bool,
}

/// Exits 1 when any row has a problem (then nothing was written).
pub fn import(open: Open, args: &ImportArgs, out: &mut impl Write) -> Result<ExitCode, InteropError> {
    let SheetFormat::Xlsx = args.format; // the one format there is
    let mut engine = open()?;
    let report = xlsx::import(&mut engine, &args.file, args.apply)?;
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &report).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        summary(out, &report, &args.file)?;
    }
    Ok(if report.problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn summary(out: &mut impl Write, report: &ImportReport, file: &std::path::Path) -> std::io::Result<()> {
    let counts = format!("{} created, {} updated, {} unchanged", report.created, report.updated, report.unchanged);
    if !report.problems.is_empty() {
        let mut table = Table::new();
        table.load_preset(UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
        table.set_header(vec!["row", "column", "kind", "problem"]);
        for p in &report.problems {
            let column = match (&p.column, &p.heading) {
                (Some(letter), Some(heading)) => format!("{letter} {heading}"),
                (Some(letter), None) => letter.clone(),
                _ => String::new(),
            };
            table.add_row(vec![p.row.to_string(), column, p.kind.clone(), p.message.clone()]);
        }
        writeln!(out, "{table}")?;
        return writeln!(out, "{} problem(s) in {} (sheet {}); nothing was written", report.problems.len(), file.display(), report.sheet);
    }
    if report.applied {
        writeln!(out, "imported {} row(s) of {}: {counts}", report.rows, file.display())
    } else {
        writeln!(out, "{} row(s) OK ({counts}); run with --apply to import them", report.rows)
    }
}
