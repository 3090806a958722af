// The only module that talks to the Tauri shell. Every engine operation is an action
// `{action, payload}` sent to `exec` (or to `validate`, which checks it and keeps nothing);
// errors arrive as `{kind, message, field?, items?}`.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { ActionName, ActionResults, PayloadOf } from './bindings';
import { save } from '@tauri-apps/plugin-dialog';
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

/** The arguments after the action name: its payload, or nothing for actions without one. */
export type PayloadArgs<A extends ActionName> = PayloadOf<A> extends undefined ? [] : [payload: PayloadOf<A>];

/** Runs one engine action; the payload and the answer are typed from the generated bindings. */
export async function exec<A extends ActionName>(action: A, ...payload: PayloadArgs<A>): Promise<ActionResults[A]> {
  try {
    return await invoke<ActionResults[A]>('exec', { action: request(action, payload[0]) });
  } catch (error) {
    throw toIpcError(error);
  }
}

/** Runs the engine's rules on an action without keeping it; resolves to the refusal, or null. */
export async function validate<A extends ActionName>(action: A, payload?: PayloadOf<A>): Promise<IpcError | null> {
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

async function command<T>(name: string, args: Record<string, unknown>): Promise<T> {
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

/** Asks where to save a printed PDF and copies it there; resolves to the path, or null if cancelled. */
export async function saveDocumentAs(path: string, fileName: string, title: string): Promise<string | null> {
  const to = await save({ title, defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  return to ? command<string>('save_document', { from: path, to }) : null;
}

let notificationsAllowed: Promise<boolean> | undefined;

/** Shows a desktop notification; permission is asked once per session, on the first one. */
export async function notify(title: string, body: string): Promise<boolean> {
  notificationsAllowed ??= isPermissionGranted().then(async (granted) => granted || (await requestPermission()) === 'granted');
  const allowed = await notificationsAllowed.catch(() => false);
  if (allowed) sendNotification({ title, body });
  return allowed;
}
