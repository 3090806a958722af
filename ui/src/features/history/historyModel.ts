// The change log (书面留痕) made readable: which fields an entry changed, ids replaced by the names
// of the records they point at, and stored values turned into text a person can read.
import dayjs from 'dayjs';
import type { Dossier, Row } from '../../types';

/** One change-log entry as `get_history` returns it (dossier.rs `HistoryEntry`). */
export interface HistoryEntry {
  hlc: string;
  wall_time: string;
  actor: string | null;
  device_id: string;
  action: string;
  entity: string;
  entity_id: string;
  op: string;
  /** Field → [before, after]; only the fields the write changed. */
  changes: Record<string, [unknown, unknown]>;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Fields every row of a collaboration carries; showing them would only repeat the page's title. */
const HIDDEN_FIELDS = new Set(['collaboration_id']);

/** The fields an entry changed, in a stable order, without bookkeeping. */
export function fieldChanges(entry: HistoryEntry): FieldChange[] {
  return Object.entries(entry.changes ?? {})
    .filter(([field]) => !HIDDEN_FIELDS.has(field))
    .map(([field, pair]) => ({ field, before: pair?.[0] ?? null, after: pair?.[1] ?? null }));
}

const str = (value: unknown) => (value == null ? '' : String(value));

/** What each record of the collaboration is called, by id: the names that replace ids in the log. */
export function recordNames(dossier: Dossier, people: { id: string; name: string }[], departments: { id: string; name: string }[]): Map<string, string> {
  const names = new Map<string, string>();
  const add = (rows: Row[], name: (row: Row) => string) => {
    for (const row of rows) {
      const text = name(row).trim();
      if (row.id != null && text) names.set(str(row.id), text);
    }
  };
  for (const p of people) names.set(p.id, p.name);
  for (const d of departments) names.set(d.id, d.name);
  const c = dossier.collaboration;
  add([c], (r) => `${str(r.number)} ${str(r.title)}`);
  const tasks = new Map(dossier.tasks.map((t) => [str(t.id), str(t.title)]));
  const deliverables = new Map(dossier.deliverables.map((d) => [str(d.id), str(d.title)]));
  add(dossier.departments, (r) => str(r.department));
  add(dossier.milestones, (r) => str(r.name));
  add(dossier.feasibility, (r) => str(r.department));
  add(dossier.meetings, (r) => str(r.title));
  add(dossier.responsibilities, (r) => str(r.item));
  add(dossier.signatures, (r) => str(r.department));
  add(dossier.tasks, (r) => str(r.title));
  add(dossier.status_updates, (r) => tasks.get(str(r.task_id)) ?? '');
  add(dossier.problems, (r) => str(r.description));
  add(dossier.risks, (r) => str(r.title));
  add(dossier.change_requests, (r) => str(r.title));
  add(dossier.change_approvals, (r) => str(r.department));
  add(dossier.deliverables, (r) => str(r.title));
  add(dossier.reviews, (r) => `${deliverables.get(str(r.deliverable_id)) ?? ''} v${str(r.deliverable_version)}`);
  add(dossier.rectifications, (r) => str(r.description));
  add(dossier.communications, (r) => str(r.summary));
  add(dossier.feedback, (r) => str(r.text));
  add(dossier.attachments, (r) => str(r.file_name));
  return names;
}

/** How stored values become words: names for ids, labels for codes and keys, yes/no for flags. */
export interface ValueContext {
  names: Map<string, string>;
  /** The label of a code stored in `field` (a stage, a status …), or undefined to show it as is. */
  code: (field: string, value: string) => string | undefined;
  /** The label of a key inside a stored object (a self-check item's `complete` …). */
  label: (key: string) => string;
  yes: string;
  no: string;
  empty: string;
  /** Punctuation of the UI language: after a label, between an object's fields, list items, objects. */
  separators: { label: string; field: string; item: string; object: string };
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Formats an RFC 3339 instant in local time; other text is returned unchanged. */
export function localTime(value: string): string {
  return INSTANT.test(value) ? dayjs(value).format('YYYY-MM-DD HH:mm') : value;
}

/** One stored value of `field` as readable text. */
export function formatValue(field: string, value: unknown, ctx: ValueContext): string {
  if (value == null || value === '') return ctx.empty;
  if (typeof value === 'boolean') return value ? ctx.yes : ctx.no;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return ctx.names.get(value) ?? ctx.code(field, value) ?? localTime(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return ctx.empty;
    const nested = value.some((v) => typeof v === 'object' && v !== null);
    return value.map((v) => formatValue(field, v, ctx)).join(nested ? ctx.separators.object : ctx.separators.item);
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v != null && v !== '')
      .map(([key, v]) => `${ctx.label(key)}${ctx.separators.label}${formatValue(key, v, ctx)}`)
      .join(ctx.separators.field);
  }
  return String(value);
}
