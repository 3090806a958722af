// Step 4 read from the dossier and the change log: the criteria agreed in the minutes, each
// deliverable's versions, and where each rectification item stands. The engine decides every
// verdict; these functions only arrange what it recorded for display and for pre-filled forms.
import type { HistoryEntry, JsonValue, MeetingRow, RectificationRow, SelfCheckItem } from '../../bindings';
import { fieldChanges } from '../history/historyModel';

/** The acceptance criteria agreed in the minutes of the collaboration's meetings, each once, in meeting order. */
export function agreedCriteria(meetings: Pick<MeetingRow, 'minutes_criteria'>[]): string[] {
  const seen = new Set<string>();
  for (const m of meetings) {
    for (const c of m.minutes_criteria ?? []) if (c.trim()) seen.add(c.trim());
  }
  return [...seen];
}

const COMPARISON = /(≥|≤|>=|<=|＞|＜|>|<|=|不低于|不少于|不超过|不高于|达到)/;

/**
 * Splits an agreed criterion such as "功能模块覆盖率≥95%" into what is measured ("功能模块覆盖率")
 * and the target ("≥95%"), the two columns of the 验收意见表. Without a comparison the whole text is
 * the name and the target is left for the reviewers.
 */
export function splitCriterion(text: string): { name: string; target: string } {
  const trimmed = text.trim();
  const match = COMPARISON.exec(trimmed);
  if (!match || match.index === 0) return { name: trimmed, target: '' };
  return { name: trimmed.slice(0, match.index).trim(), target: trimmed.slice(match.index).trim() };
}

/** A deliverable as one of its versions was submitted and last self-checked. */
export interface DeliverableVersion {
  version: number;
  submitted_at: string;
  self_check: SelfCheckItem[] | null;
  self_checked_at: string;
}

/**
 * Every version of a deliverable, oldest first, replayed from the change log: the dossier keeps only
 * the current version, the log keeps what each earlier one was (its self-check, when it came in).
 */
export function deliverableVersions(history: HistoryEntry[], deliverableId: string): DeliverableVersion[] {
  const state = new Map<string, JsonValue>();
  const versions = new Map<number, DeliverableVersion>();
  const text = (field: string) => {
    const value = state.get(field);
    return typeof value === 'string' ? value : '';
  };
  for (const entry of history) {
    if (entry.entity !== 'deliverable' || entry.entity_id !== deliverableId) continue;
    for (const change of fieldChanges(entry)) state.set(change.field, change.after);
    const stored = state.get('version');
    const version = typeof stored === 'number' ? stored : 1;
    const selfCheck = state.get('self_check');
    versions.set(version, {
      version,
      submitted_at: text('submitted_at'),
      self_check: Array.isArray(selfCheck) ? selfCheck.filter(isSelfCheckItem) : null,
      self_checked_at: text('self_checked_at'),
    });
  }
  return [...versions.values()].sort((a, b) => a.version - b.version);
}

export type RectificationState = 'open' | 'overdue' | 'resubmitted' | 'closed';

/**
 * Where a rectification item stands: closed when the deliverable later passed, resubmitted when a new
 * version came in, otherwise open — overdue when the engine's attention list says so.
 */
export function rectificationState(row: Pick<RectificationRow, 'id' | 'closed_at' | 'resubmitted_at'>, overdueIds: ReadonlySet<string>): RectificationState {
  if (row.closed_at) return 'closed';
  if (row.resubmitted_at) return 'resubmitted';
  return overdueIds.has(row.id) ? 'overdue' : 'open';
}

/** Whether a value from the change log is a self-check line. */
function isSelfCheckItem(value: JsonValue): value is SelfCheckItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return typeof value.item === 'string' && typeof value.complete === 'boolean' && typeof value.quality_ok === 'boolean' && typeof value.note === 'string';
}

/** The number of self-check items not (yet) complete or not up to quality. */
export function selfCheckShortfalls(items: SelfCheckItem[]): number {
  return items.filter((i) => !i.complete || !i.quality_ok).length;
}
