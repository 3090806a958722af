//! `xiezuo eml KIND NUMBER -o DIR [--record ID] [--lang en]`: an email draft (.eml) with the
//! document attached, written into an existing folder, to open in the mail program.

use super::ics::parse_lang;
use super::Open;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use xiezuo_engine::EngineError;
use xiezuo_interop::eml::{self, DraftKind};
use xiezuo_interop::{files, InteropError};

#[derive(clap::Args)]
pub struct EmlArgs {
    /// request, agenda, minutes or letter.
    kind: String,
    /// The collaboration (number or id).
    number: String,
    /// The folder to write the draft into (it must exist; an existing draft is not replaced).
    #[arg(short, long)]
    output: PathBuf,
    /// The meeting (agenda, minutes); default: the latest.
    #[arg(long)]
    record: Option<String>,
    /// zh (default) or en.
    #[arg(long, default_value = "zh")]
    lang: String,
}

pub fn run(open: Open, args: &EmlArgs, out: &mut impl Write) -> Result<ExitCode, InteropError> {
    let kind: DraftKind = serde_json::from_value(serde_json::Value::String(args.kind.clone())).map_err(|_| EngineError::InvalidInput {
        field: "kind".into(),
        reason: format!("'{}' is not one of request, agenda, minutes, letter", args.kind),
    })?;
    let lang = parse_lang(&args.lang)?;
    if !args.output.is_dir() {
        let missing = std::io::Error::new(std::io::ErrorKind::NotFound, "no such folder");
        return Err(InteropError::io(&args.output, missing));
    }
    let mut engine = open()?;
    // Drafting records the attached document's print; it is kept only if the file is written.
    let written = engine.batch(
        |written: &Result<_, InteropError>| written.is_ok(),
        |engine| {
            Ok(eml::draft(engine, kind, &args.number, args.record.as_deref(), lang).and_then(|draft| {
                let path = files::confined(&args.output, Path::new(&draft.file_name))?;
                files::write_atomic(&path, &draft.bytes, false)?;
                Ok((path, draft))
            }))
        },
    )?;
    let (path, draft) = written?;
    writeln!(out, "{}: {} draft to {} recipient(s)", path.display(), args.kind, draft.to.len())?;
    if !draft.missing.is_empty() {
        eprintln!("warning: no email address on record for {}; add them in the mail program", draft.missing.join(", "));
    }
    Ok(ExitCode::SUCCESS)
}
