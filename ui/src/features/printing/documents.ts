// Which documents a collaboration can print now: the request form always, the others once the
// records they print exist (a meeting for its agenda, drafted minutes, tasks, deliverables, a
// review, the letter). The engine still decides; this only keeps the menu free of dead entries.
import type { Dossier, Row } from '../../types';

/** Document kinds as the desktop shell's `print_document` names them. */
export type DocumentKind = 'request' | 'agenda' | 'minutes' | 'tracking' | 'selfcheck' | 'acceptance' | 'letter' | 'register';

/** One printable document: a kind, and for meetings and deliverables the record and its name. */
export interface PrintEntry {
  kind: DocumentKind;
  record?: string;
  recordName?: string;
}

const str = (value: unknown) => (value == null ? '' : String(value));

const forRecords = (kind: DocumentKind, rows: Row[], name: (row: Row) => string): PrintEntry[] =>
  rows.map((row) => ({ kind, record: str(row.id), recordName: name(row) }));

/** The documents `d` can print, in the order of the process. */
export function printableDocuments(d: Dossier): PrintEntry[] {
  const meetingName = (m: Row) => str(m.title);
  const deliverableName = (x: Row) => `${str(x.title)} v${str(x.version)}`;
  const reviewed = new Set(d.reviews.map((r) => str(r.deliverable_id)));
  return [
    { kind: 'request' },
    ...forRecords('agenda', d.meetings, meetingName),
    ...forRecords('minutes', d.meetings.filter((m) => m.minutes_goal != null || m.minutes_issued_at != null), meetingName),
    ...(d.tasks.length > 0 ? [{ kind: 'tracking' as const }] : []),
    ...forRecords('selfcheck', d.deliverables, deliverableName),
    ...forRecords('acceptance', d.deliverables.filter((x) => reviewed.has(str(x.id))), deliverableName),
    ...(d.letter ? [{ kind: 'letter' as const }] : []),
  ];
}

/** The test id suffix of an entry: its kind, and the record's name if any (e2e tests know names, not ids). */
export const entryTestId = (entry: PrintEntry) => (entry.recordName ? `${entry.kind}-${entry.recordName}` : entry.kind);
