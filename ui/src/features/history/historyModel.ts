// The change log (书面留痕) made readable: which fields an entry changed, ids replaced by the names
// of the records they point at, and stored values turned into text a person can read.
import dayjs from 'dayjs';
import type { Department, Dossier, HistoryEntry, JsonValue, Person } from '../../bindings';

export interface FieldChange {
  field: string;
  before: JsonValue;
  after: JsonValue;
}

/** Fields every row of a collaboration carries; showing them would only repeat the page's title. */
const HIDDEN_FIELDS = new Set(['collaboration_id']);

/** The fields an entry changed, in a stable order, without bookkeeping. */
export function fieldChanges(entry: HistoryEntry): FieldChange[] {
  // `changes` is stored as `{field: [before, after]}`; anything else carries no field changes.
  const changes = entry.changes;
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) return [];
  return Object.entries(changes)
    .filter(([field]) => !HIDDEN_FIELDS.has(field))
    .map(([field, pair]) => ({ field, before: Array.isArray(pair) ? (pair[0] ?? null) : null, after: Array.isArray(pair) ? (pair[1] ?? null) : null }));
}

/** What each record of the collaboration is called, by id: the names that replace ids in the log. */
export function recordNames(dossier: Dossier, people: Pick<Person, 'id' | 'name'>[], departments: Pick<Department, 'id' | 'name'>[]): Map<string, string> {
  const names = new Map<string, string>();
  const add = <R extends { id: string }>(rows: R[], name: (row: R) => string | null) => {
    for (const row of rows) {
      const text = (name(row) ?? '').trim();
      if (text) names.set(row.id, text);
    }
  };
  for (const p of people) names.set(p.id, p.name);
  for (const d of departments) names.set(d.id, d.name);
  const c = dossier.collaboration;
  add([c], (r) => `${r.number} ${r.title}`);
  const tasks = new Map(dossier.tasks.map((t) => [t.id, t.title]));
  const deliverables = new Map(dossier.deliverables.map((d) => [d.id, d.title]));
  add(dossier.departments, (r) => r.department);
  add(dossier.milestones, (r) => r.name);
  add(dossier.feasibility, (r) => r.department);
  add(dossier.meetings, (r) => r.title);
  add(dossier.responsibilities, (r) => r.item);
  add(dossier.signatures, (r) => r.department);
  add(dossier.tasks, (r) => r.title);
  add(dossier.status_updates, (r) => tasks.get(r.task_id) ?? '');
  add(dossier.problems, (r) => r.description);
  add(dossier.risks, (r) => r.title);
  add(dossier.change_requests, (r) => r.title);
  add(dossier.change_approvals, (r) => r.department);
  add(dossier.deliverables, (r) => r.title);
  add(dossier.reviews, (r) => `${deliverables.get(r.deliverable_id) ?? ''} v${r.deliverable_version}`);
  add(dossier.rectifications, (r) => r.description);
  add(dossier.communications, (r) => r.summary);
  add(dossier.feedback, (r) => r.text);
  add(dossier.attachments, (r) => r.file_name);
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
export function formatValue(field: string, value: JsonValue, ctx: ValueContext): string {
  if (value == null || value === '') return ctx.empty;
  if (typeof value === 'boolean') return value ? ctx.yes : ctx.no;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return ctx.names.get(value) ?? ctx.code(field, value) ?? localTime(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return ctx.empty;
    const nested = value.some((v) => typeof v === 'object' && v !== null);
    return value.map((v) => formatValue(field, v, ctx)).join(nested ? ctx.separators.object : ctx.separators.item);
  }
  return Object.entries(value)
    .filter(([, v]) => v != null && v !== '')
    .map(([key, v]) => `${ctx.label(key)}${ctx.separators.label}${formatValue(key, v, ctx)}`)
    .join(ctx.separators.field);
}
