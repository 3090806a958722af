// Which documents a collaboration can print now: the request form always, the others once the
// records they print exist (a meeting for its agenda, drafted minutes, tasks, deliverables, a
// review, the letter). The engine still decides; this only keeps the menu free of dead entries.
import type { DeliverableRow, DocumentKind, Dossier, MeetingRow } from '../../bindings';

/** One printable document: a kind, and for meetings and deliverables the record and its name. */
export interface PrintEntry {
  kind: DocumentKind;
  record?: string;
  recordName?: string;
}

const forRecords = <R extends { id: string }>(kind: DocumentKind, rows: R[], name: (row: R) => string): PrintEntry[] =>
  rows.map((row) => ({ kind, record: row.id, recordName: name(row) }));

/** The documents `d` can print, in the order of the process. */
export function printableDocuments(d: Dossier): PrintEntry[] {
  const meetingName = (m: MeetingRow) => m.title;
  const deliverableName = (x: DeliverableRow) => `${x.title} v${x.version}`;
  const reviewed = new Set(d.reviews.map((r) => r.deliverable_id));
  return [
    { kind: 'request' },
    ...forRecords('agenda', d.meetings, meetingName),
    ...forRecords('minutes', d.meetings.filter((m) => m.minutes_goal != null || m.minutes_issued_at != null), meetingName),
    ...(d.tasks.length > 0 ? [{ kind: 'tracking' as const }] : []),
    ...forRecords('selfcheck', d.deliverables, deliverableName),
    ...forRecords('acceptance', d.deliverables.filter((x) => reviewed.has(x.id)), deliverableName),
    ...(d.letter ? [{ kind: 'letter' as const }] : []),
  ];
}

/** The test id suffix of an entry: its kind, and the record's name if any (e2e tests know names, not ids). */
export const entryTestId = (entry: PrintEntry) => (entry.recordName ? `${entry.kind}-${entry.recordName}` : entry.kind);
