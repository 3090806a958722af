//! `xiezuo archive NUMBER -o DIR [--lang zh|en]` writes a collaboration's archive package (and
//! archives it); `xiezuo archive verify DIR` re-checks a package against its manifest without
//! opening any database.

use super::Open;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use xiezuo_engine::EngineError;
use xiezuo_forms::Lang;
use xiezuo_interop::{archive, InteropError};

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ArchiveArgs {
    #[command(subcommand)]
    command: Option<ArchiveCommand>,
    /// The collaboration (协作编号), e.g. XZ-2026-001; it must be completed (letter issued) or archived.
    #[arg(required = true)]
    number: Option<String>,
    /// The folder to write the package into (a new folder `<number> <title>` is created inside it).
    #[arg(short, long, required = true)]
    output: Option<PathBuf>,
    /// Language of the documents: zh (default) or en.
    #[arg(long, default_value = "zh")]
    lang: String,
}

#[derive(clap::Subcommand)]
enum ArchiveCommand {
    /// Check a package folder against its manifest (changed, missing or extra files).
    Verify { dir: PathBuf },
}

pub fn run(open: Open, args: &ArchiveArgs, out: &mut impl Write) -> Result<ExitCode, InteropError> {
    if let Some(ArchiveCommand::Verify { dir }) = &args.command {
        let report = archive::verify(dir)?;
        writeln!(out, "archive verified: {} files, OK", report.files)?;
        return Ok(ExitCode::SUCCESS);
    }
    let (Some(number), Some(output)) = (&args.number, &args.output) else {
        return Err(EngineError::MissingField { field: "number".into() }.into());
    };
    let lang = Lang::parse(&args.lang)
        .ok_or_else(|| EngineError::InvalidInput { field: "lang".into(), reason: format!("'{}' is not zh or en", args.lang) })?;
    let package = archive::write_package(&mut open()?, number, output, lang)?;
    writeln!(out, "archive written: {} ({} files)", package.path, package.files)?;
    if package.archived_now {
        writeln!(out, "{number} is now archived (read-only)")?;
    }
    Ok(ExitCode::SUCCESS)
}
