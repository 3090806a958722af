// Signature slots grouped by the printed document revision they belong to. The engine opens one
// slot per department head when a document revision goes out (the request when it is sent, the
// minutes when they are issued); a newer revision supersedes the older one's slots.
import type { TFunction } from 'i18next';
import type { DocumentKind, MeetingRow, SignatureRow } from '../../bindings';

/** The order documents appear in, following the process. */
const KIND_ORDER: DocumentKind[] = ['request', 'agenda', 'minutes', 'tracking', 'selfcheck', 'acceptance', 'letter', 'register'];

export interface SignedDocument {
  key: string;
  kind: DocumentKind;
  documentId: string;
  revision: number;
  /** Whether this is the latest revision of the document (older ones are superseded). */
  current: boolean;
  signatures: SignatureRow[];
}

/** Signature slots by document revision: process order, then the latest revision first. */
export function signedDocuments(signatures: SignatureRow[]): SignedDocument[] {
  const groups = new Map<string, SignedDocument>();
  for (const s of signatures) {
    const kind = s.document_kind;
    const documentId = s.document_id;
    const revision = s.revision;
    const key = `${kind}/${documentId}/${revision}`;
    const group = groups.get(key) ?? { key, kind, documentId, revision, current: false, signatures: [] };
    group.signatures.push(s);
    groups.set(key, group);
  }
  const all = [...groups.values()];
  const latest = (g: SignedDocument) => Math.max(...all.filter((o) => o.kind === g.kind && o.documentId === g.documentId).map((o) => o.revision));
  const firstSeen = (g: SignedDocument) => all.findIndex((o) => o.kind === g.kind && o.documentId === g.documentId);
  for (const g of all) g.current = g.revision === latest(g);
  const rank = (kind: DocumentKind) => KIND_ORDER.indexOf(kind);
  return all.sort((a, b) => rank(a.kind) - rank(b.kind) || firstSeen(a) - firstSeen(b) || b.revision - a.revision);
}

/** The document kind as `PrintButton` names it (the engine's `selfcheck` is `self_check` there). */
export const printKind = (kind: DocumentKind) => (kind === 'selfcheck' ? 'self_check' : kind);

/** A document's name for people: its kind, and the meeting's title for an agenda or minutes. */
export function documentTitle(t: TFunction, meetings: MeetingRow[], kind: DocumentKind, documentId: string): string {
  const meeting = meetings.find((m) => m.id === documentId);
  return `${t(`document.${kind}`, { ns: 'signatures', defaultValue: kind })}${meeting ? ` · ${meeting.title}` : ''}`;
}
