//! `xiezuo scan FILE`: reads a signed paper's scan, finds its QR code and shows the record,
//! revision and signatures it matches; `--receive --signed-on DATE [--department NAME ...]`
//! files the scan and records the signatures (default: every one still unsigned). A scan
//! without a readable code is matched by hand with `--collaboration --document [--record]
//! --revision`.

use super::Open;
use chrono::NaiveDate;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use xiezuo_engine::model::DocumentKind;
use xiezuo_engine::EngineError;
use xiezuo_interop::scan::{self, ReceiveScan, ScanMatch};
use xiezuo_interop::InteropError;

#[derive(clap::Args)]
pub struct ScanArgs {
    /// The scan: a PNG or JPEG image, or a PDF from a scanner.
    file: PathBuf,
    /// File the scan and record the signatures on it.
    #[arg(long, requires = "signed_on")]
    receive: bool,
    /// The day the heads signed (YYYY-MM-DD).
    #[arg(long)]
    signed_on: Option<NaiveDate>,
    /// A department whose head signed (repeat for several); default: every unsigned signature.
    #[arg(long = "department", value_name = "NAME")]
    departments: Vec<String>,
    /// Pick the record by hand (when the scan has no readable code): the collaboration number.
    #[arg(long, requires_all = ["document", "revision"])]
    collaboration: Option<String>,
    /// With --collaboration: the document kind (request or minutes).
    #[arg(long, requires = "collaboration")]
    document: Option<String>,
    /// With --collaboration: the meeting (minutes) id; default: the one printing would use.
    #[arg(long, requires = "collaboration")]
    record: Option<String>,
    /// With --collaboration: the revision printed on the paper.
    #[arg(long, requires = "collaboration")]
    revision: Option<i64>,
    /// Print the match (or the filed scan) as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(open: Open, args: &ScanArgs, out: &mut impl Write) -> Result<ExitCode, InteropError> {
    let mut engine = open()?;
    let found = match (&args.collaboration, &args.document, args.revision) {
        (Some(collaboration), Some(document), Some(revision)) => {
            let kind: DocumentKind = document.parse()?;
            scan::match_record(&engine, collaboration, kind, args.record.as_deref(), revision)?
        }
        _ => scan::match_scan(&engine, &args.file)?,
    };
    let (Some(collaboration), Some(kind), Some(document_id), Some(revision)) =
        (found.collaboration_id.clone(), found.document_kind, found.document_id.clone(), found.revision)
    else {
        if args.receive {
            return Err(InteropError::NoQrCode { path: args.file.clone() });
        }
        if args.json {
            crate::output::json(out, &found)?;
        } else {
            writeln!(out, "no QR code found: pick the record by hand with --collaboration/--document/--revision")?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let Some(signed_on) = args.signed_on.filter(|_| args.receive) else {
        if args.json {
            crate::output::json(out, &found)?;
        } else {
            describe(out, &found)?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let signatures = chosen_slots(&found, &args.departments)?;
    let input = ReceiveScan { collaboration, document_kind: kind, document_id, revision, signatures, signed_on };
    let received = scan::receive_scan(&mut engine, &args.file, input)?;
    if args.json {
        crate::output::json(out, &received)?;
    } else {
        let departments: Vec<&str> = received.signed.iter().map(|s| s.department.as_str()).collect();
        writeln!(
            out,
            "{}: filed with {} {} r{}; signed on {signed_on} by {}",
            args.file.display(),
            received.number,
            kind,
            revision,
            departments.join(", ")
        )?;
    }
    if received.stale {
        eprintln!("warning: the paper is r{revision}, the current revision is r{}; only r{revision} was signed", received.current_revision);
    }
    Ok(ExitCode::SUCCESS)
}

/// The slots of the departments named, or every unsigned slot of the paper's revision.
fn chosen_slots(found: &ScanMatch, departments: &[String]) -> Result<Vec<String>, EngineError> {
    let revision = found.revision.unwrap_or_default();
    if departments.is_empty() {
        let unsigned: Vec<String> = found.signatures.iter().filter(|s| s.signed_on.is_none()).map(|s| s.id.clone()).collect();
        if unsigned.is_empty() {
            return Err(EngineError::InvalidInput {
                field: "department".into(),
                reason: format!(
                    "every signature of r{revision} is already recorded; name the departments with --department to file this scan for them"
                ),
            });
        }
        return Ok(unsigned);
    }
    departments
        .iter()
        .map(|name| {
            found.signatures.iter().find(|s| &s.department == name).map(|s| s.id.clone()).ok_or_else(|| {
                let known: Vec<&str> = found.signatures.iter().map(|s| s.department.as_str()).collect();
                EngineError::InvalidInput {
                    field: "department".into(),
                    reason: format!("'{name}' has no signature on r{revision} (signatures: {})", known.join(", ")),
                }
            })
        })
        .collect()
}

fn describe(out: &mut impl Write, found: &ScanMatch) -> std::io::Result<()> {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let kind = found.document_kind.map(|k| format!("{} ({})", k.label_zh(), k.code())).unwrap_or_default();
    let revision = found.revision.unwrap_or_default();
    writeln!(out, "{} {}", text(&found.number), text(&found.title))?;
    writeln!(out, "document: {kind} r{revision}, record {}", text(&found.document_id))?;
    if found.stale {
        let current = found.current_revision.unwrap_or_default();
        writeln!(out, "warning: stale paper: this is r{revision}, the current revision is r{current}")?;
    }
    if found.signatures.is_empty() {
        return writeln!(out, "no signatures are expected on this document");
    }
    writeln!(out, "signatures of r{revision}:")?;
    for slot in &found.signatures {
        let status = match &slot.signed_on {
            Some(day) if slot.scan_attachment_id.is_some() => format!("signed {day} (scan filed)"),
            Some(day) => format!("signed {day}"),
            None => "unsigned".to_string(),
        };
        writeln!(out, "  {}\t{}\t{status}", slot.department, slot.head.as_deref().unwrap_or("-"))?;
    }
    Ok(())
}
