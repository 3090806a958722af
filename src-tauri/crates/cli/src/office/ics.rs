//! `xiezuo ics NUMBER -o FILE [--meeting ID] [--lang en]`: a collaboration's milestones and
//! deadlines as a calendar file, or one meeting's invite.

use super::Open;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use xiezuo_engine::EngineError;
use xiezuo_forms::Lang;
use xiezuo_interop::{files, ics, InteropError};

#[derive(clap::Args)]
pub struct IcsArgs {
    /// The collaboration (number or id).
    number: String,
    /// The .ics file to write; an existing file is not replaced.
    #[arg(short, long)]
    output: PathBuf,
    /// One meeting's invite (its id) instead of the milestones and deadlines.
    #[arg(long)]
    meeting: Option<String>,
    /// zh (default) or en.
    #[arg(long, default_value = "zh")]
    lang: String,
}

pub fn run(open: Open, args: &IcsArgs, out: &mut impl Write) -> Result<ExitCode, InteropError> {
    let lang = parse_lang(&args.lang)?;
    let engine = open()?;
    let text = match &args.meeting {
        Some(meeting) => {
            // The meeting must belong to the collaboration named on the command line.
            if !engine.dossier(&args.number)?.meetings.iter().any(|m| m["id"] == meeting.as_str()) {
                return Err(EngineError::NotFound { entity: "meeting", key: meeting.clone() }.into());
            }
            ics::meeting_invite(&engine, meeting, lang)?
        }
        None => ics::milestones(&engine, &args.number, lang)?,
    };
    files::write_atomic(&args.output, text.as_bytes(), false)?;
    let events = text.matches("BEGIN:VEVENT\r\n").count();
    writeln!(out, "{}: {events} event(s)", args.output.display())?;
    Ok(ExitCode::SUCCESS)
}

/// `zh` or `en` (also `zh-CN`, `en-US`).
pub fn parse_lang(lang: &str) -> Result<Lang, InteropError> {
    Lang::parse(lang).ok_or_else(|| EngineError::InvalidInput { field: "lang".into(), reason: format!("'{lang}' is not zh or en") }.into())
}
