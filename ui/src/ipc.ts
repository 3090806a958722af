// The only module that talks to the Tauri shell. Every engine operation is an action
// `{action, payload}` sent to `exec` (or to `validate`, which checks it and keeps nothing);
// errors arrive as `{kind, message, field?, items?}`.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { ActionName, ActionResults, BackupFile, ErrorPayload, PayloadOf } from './bindings';
import type { ArchivePackage, Draft, DraftKind, ImportPreview, ImportReport, PickedScan, ReceiveScan, ReceivedScan, VerifyReport } from './bindings-interop';
import { isPermissionGranted, requestPermission, sendNotification } from '@tauri-apps/plugin-notification';

export class IpcError extends Error {
  constructor(
    public readonly kind: string,
    message: string,
    public readonly field?: string,
    public readonly items: string[] = [],
  ) {
    super(message);
  }
}

function toIpcError(error: unknown): IpcError {
  const e = error as { kind?: string; message?: string; field?: string; items?: string[] };
  return new IpcError(e.kind ?? 'internal', e.message ?? String(error), e.field, e.items ?? []);
}

const request = (action: string, payload?: unknown) => (payload === undefined ? { action } : { action, payload });

/** An unpaired UTF-16 surrogate: JavaScript strings may hold one, JSON text for Rust may not. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The payload field holding text that is not valid Unicode (a lone surrogate, e.g. from a broken
 * paste), or null. The shell would refuse the whole call before the engine sees it, with no field
 * to point at, so it is refused here with the engine's own kind, `invalid_input`.
 */
export function malformedTextField(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path || 'payload' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = malformedTextField(inner, Array.isArray(value) ? path : key);
    if (found) return found;
  }
  return null;
}

function checkText(payload: unknown): IpcError | null {
  const field = malformedTextField(payload);
  return field ? new IpcError('invalid_input', `${field}: text with an unpaired UTF-16 surrogate`, field) : null;
}

/** The arguments after the action name: its payload, or nothing for actions without one. */
export type PayloadArgs<A extends ActionName> = PayloadOf<A> extends undefined ? [] : [payload: PayloadOf<A>];

/** Runs one engine action; the payload and the answer are typed from the generated bindings. */
export async function exec<A extends ActionName>(action: A, ...payload: PayloadArgs<A>): Promise<ActionResults[A]> {
  const malformed = checkText(payload[0]);
  if (malformed) throw malformed;
  try {
    return await invoke<ActionResults[A]>('exec', { action: request(action, payload[0]) });
  } catch (error) {
    throw toIpcError(error);
  }
}

/** Runs the engine's rules on an action without keeping it; resolves to the refusal, or null. */
export async function validate<A extends ActionName>(action: A, payload?: PayloadOf<A>): Promise<IpcError | null> {
  const malformed = checkText(payload);
  if (malformed) return malformed;
  try {
    await invoke('validate', { action: request(action, payload) });
    return null;
  } catch (error) {
    return toIpcError(error);
  }
}

/** Calls `onChange` whenever the engine reports a write; returns the unsubscribe function. */
export function onDataChanged(onChange: () => void): Promise<() => void> {
  return listen('data-changed', () => onChange());
}

let startupReported = false;

/**
 * Tells the shell, once per run, that the first screen shows data (after that frame is painted);
 * the desktop benchmark measures startup by it. Does nothing outside a benchmark run.
 */
export function reportStartupReady() {
  if (startupReported) return;
  startupReported = true;
  requestAnimationFrame(() => requestAnimationFrame(() => void invoke('startup_ready').catch(() => {})));
}

/** A document the desktop shell rendered to PDF and wrote to its prints folder (src-tauri/src/printing.rs). */
export interface PrintedFile {
  path: string;
  file_name: string;
  pages: number;
  /** Characters no bundled font has (printed as boxes); empty when all is well. */
  missing_glyphs: string;
  printed_id: string | null;
}

/** What to print: a document kind of the forms crate, for a collaboration and one of its records. */
export interface PrintRequest {
  kind: string;
  collaboration?: string;
  record?: string;
  language: string;
}

async function command<T>(name: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(name, args);
  } catch (error) {
    throw toIpcError(error);
  }
}

/** Renders a document, records the print in the engine and writes the PDF. */
export const printDocument = (request: PrintRequest) => command<PrintedFile>('print_document', { ...request });

/** The bytes of a printed PDF, for the preview. */
export const readDocument = (path: string) => command<ArrayBuffer>('read_document', { path });

/** Opens a printed PDF in the system's PDF viewer. */
export const openDocument = (path: string) => command<void>('open_document', { path });

/** Asks (in the OS dialog) where to save a printed PDF and copies it there; the path, or null if cancelled. */
export const saveDocumentAs = (path: string, title: string) => command<string | null>('save_document', { from: path, title });

// Office interop. Every file or folder is chosen in the OS dialog that the shell opens itself
// (`title` is the dialog's title); the window never names a path. Null means the user cancelled.

/** Exports the register, or one collaboration's progress table, to an .xlsx the user names. */
export const exportXlsx = (args: { what: 'register' | 'tasks'; collaboration?: string; language: string; fileName: string; title: string }) =>
  command<string | null>('export_xlsx', args);

/** Asks for a spreadsheet and previews its import. */
export const importXlsxPreview = (title: string) => command<ImportPreview | null>('import_xlsx_preview', { title });

/** Imports the spreadsheet last previewed: every row, or none. */
export const importXlsxApply = () => command<ImportReport>('import_xlsx_apply');

/** Saves a meeting's invite (with `meeting`) or a collaboration's milestones as an .ics file. */
export const saveIcs = (args: { collaboration: string; meeting?: string; language: string; fileName: string; title: string }) =>
  command<string | null>('save_ics', args);

/** Writes an email draft with the document attached and opens it in the user's mail program. */
export const openEmailDraft = (args: { kind: DraftKind; collaboration: string; record?: string; language: string }) =>
  command<Draft>('open_email_draft', args);

/** Writes the collaboration's archive package into a folder the user picks, and archives it. */
export const writeArchive = (args: { collaboration: string; language: string; title: string }) =>
  command<ArchivePackage | null>('write_archive', args);

/** Re-checks an archive package folder the user picks against its manifest. */
export const verifyArchive = (title: string) => command<VerifyReport | null>('verify_archive', { title });

/** Asks for a scanned signed document and matches its QR code to a record. */
export const pickScan = (title: string) => command<PickedScan | null>('scan_pick', { title });

/** Stores the picked scan and marks the confirmed signatures as received. */
export const receiveScan = (input: ReceiveScan) => command<ReceivedScan>('scan_receive', { input });

// The database file as a whole (src-tauri/src/database.rs). A restore names one of the listed
// backups by its file name only; another file or folder is chosen in the OS dialog.

/** Where the database is, whether it opened (and why not), and the backups beside it. */
export interface DatabaseStatus {
  path: string;
  ok: boolean;
  error?: ErrorPayload;
  backups_folder: string;
  backups: BackupFile[];
}

/** A finished restore: the backup's file name, the name the replaced database is kept under in the backups folder, and the new status. */
export interface Restored {
  from: string;
  kept: string | null;
  status: DatabaseStatus;
}

export const databaseStatus = () => command<DatabaseStatus>('database_status');

/** Replaces the database with one of the listed backups (the current file is kept as a backup) and reopens it. */
export const restoreBackup = (fileName: string) => command<Restored>('restore_backup', { fileName });

/** The same, from a Xiezuo database file the user picks; null if cancelled. */
export const restoreFromFile = (title: string) => command<Restored | null>('restore_from_file', { title });

/** Moves to the database in a folder the user picks (a new one starts with the demo data), also for later starts; null if cancelled. */
export const chooseDatabaseFolder = (title: string) => command<DatabaseStatus | null>('choose_database_folder', { title });

/** Tries to open the database again. */
export const retryOpen = () => command<DatabaseStatus>('retry_open');

let notificationsAllowed: Promise<boolean> | undefined;

/** Shows a desktop notification; permission is asked once per session, on the first one. */
export async function notify(title: string, body: string): Promise<boolean> {
  notificationsAllowed ??= isPermissionGranted().then(async (granted) => granted || (await requestPermission()) === 'granted');
  const allowed = await notificationsAllowed.catch(() => false);
  if (allowed) sendNotification({ title, body });
  return allowed;
}
