// Generated from the interop crate by `xiezuo_interop::bindings` — do not edit.
// Regenerate with `XIEZUO_BLESS=1 cargo test -p xiezuo-interop bindings`.

import type { DocumentKind } from './bindings';

/**
 * A package written by `write_package`.
 */

export type ArchivePackage = { 
/**
 * The package folder.
 */
path: string, 
/**
 * Files listed in the manifest (every file but `manifest.json`).
 */
files: number, bytes: number, 
/**
 * Whether this call archived the collaboration (false when it already was).
 */
archived_now: boolean, };

/**
 * An email draft ready to be saved and opened in the mail program.
 */

export type Draft = { 
/**
 * A safe file name, e.g. `XZ-2026-001 协作需求申请表.eml`.
 */
file_name: string, 
/**
 * The recipients' email addresses.
 */
to: Array<string>, subject: string, 
/**
 * Recipients with no usable email address on record, by name: the user adds them by hand.
 */
missing: Array<string>, };

/**
 * Which document a draft sends.
 */

export type DraftKind = "request" | "agenda" | "minutes" | "letter";

/**
 * What happens (preview) or happened (apply) to one row.
 */

export type ImportItem = { row: number, 
/**
 * The collaboration number, and the task for a task list.
 */
key: string, outcome: RowOutcome, };

export type ImportKind = "register" | "tasks";

/**
 * A spreadsheet the user picked, and what importing it would do (the desktop's preview).
 */

export type ImportPreview = { 
/**
 * The file's name (not its path: the window never handles paths).
 */
file_name: string, report: ImportReport, };

/**
 * Why a row cannot be imported, and where (row and column as Excel shows them).
 */

export type ImportProblem = { sheet: string, row: number, 
/**
 * The column letter (`C`), when the problem is about one cell.
 */
column: string | null, 
/**
 * That column's heading in the file.
 */
heading: string | null, 
/**
 * A stable code: the engine's error kinds, or `bad_date`, `bad_value`, `formula`,
 * `cell_error`, `too_long`, `merged_cells`, `missing_field`, `inconsistent`.
 */
kind: string, message: string, };

export type ImportReport = { kind: ImportKind, sheet: string, 
/**
 * Data rows read.
 */
rows: number, created: number, updated: number, unchanged: number, problems: Array<ImportProblem>, 
/**
 * Whether the rows were written (only an apply without problems writes).
 */
applied: boolean, items: Array<ImportItem>, 
/**
 * Headings of columns the import does not read.
 */
ignored_columns: Array<string>, };

/**
 * A scan the user picked, and the record its QR code points at (the desktop's first step).
 */

export type PickedScan = { 
/**
 * The file's name (not its path: the window never handles paths).
 */
file_name: string, matched: ScanMatch, };

/**
 * The user's confirmation of a scan: which record it is (from the match, or picked by hand)
 * and which heads signed it.
 */

export type ReceiveScan = { 
/**
 * The collaboration's id or number.
 */
collaboration: string, document_kind: DocumentKind, document_id: string, 
/**
 * The revision on the paper; the slots named must be of this revision.
 */
revision: number, 
/**
 * The signature slots (ids) the user confirms were signed.
 */
signatures: Array<string>, signed_on: string, };

/**
 * A filed scan.
 */

export type ReceivedScan = { attachment_id: string, file_name: string, media_type: string, number: string, document_kind: DocumentKind, revision: number, current_revision: number, 
/**
 * The signatures were recorded on an older revision than the current one.
 */
stale: boolean, 
/**
 * The slots now marked signed.
 */
signed: Array<SignatureSlot>, };

export type RowOutcome = "created" | "updated" | "unchanged" | "refused";

/**
 * What a scan was matched to. Without a Xiezuo code (`codes_found` false) every field is empty
 * and the user picks the record by hand (`match_record`).
 */

export type ScanMatch = { 
/**
 * The scan carries a Xiezuo QR code (false for a record picked by hand).
 */
codes_found: boolean, collaboration_id: string | null, number: string | null, title: string | null, document_kind: DocumentKind | null, 
/**
 * The record printed: the collaboration (request, tracking, letter), a meeting (agenda,
 * minutes) or a deliverable (self-check, acceptance).
 */
document_id: string | null, 
/**
 * The revision on the paper.
 */
revision: number | null, 
/**
 * The document's latest revision.
 */
current_revision: number | null, 
/**
 * The paper is an older revision than the current one.
 */
stale: boolean, 
/**
 * The signature slots of the paper's revision (only requests and minutes have any).
 */
signatures: Array<SignatureSlot>, };

/**
 * One head's signature expected on a document revision.
 */

export type SignatureSlot = { id: string, department: string, head: string | null, 
/**
 * When the head signed (YYYY-MM-DD); empty while unsigned.
 */
signed_on: string | null, 
/**
 * The attachment holding the signed scan, if one was filed.
 */
scan_attachment_id: string | null, revision: number, };

/**
 * A package that matched its manifest.
 */

export type VerifyReport = { 
/**
 * Files listed in the manifest (every file but `manifest.json`).
 */
files: number, bytes: number, 
/**
 * The collaboration number (协作编号) the package holds.
 */
number: string, };

