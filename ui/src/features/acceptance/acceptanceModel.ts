// Step 4 read from the dossier and the change log: the criteria agreed in the minutes, each
// deliverable's versions, and where each rectification item stands. The engine decides every
// verdict; these functions only arrange what it recorded for display and for pre-filled forms.
import type { Row } from '../../types';
import type { HistoryEntry } from '../history/historyModel';

/** One line of a 成果自检表 (acceptance.rs `SelfCheckItem`). */
export interface SelfCheckItem {
  item: string;
  complete: boolean;
  quality_ok: boolean;
  note: string;
}

/** One criterion of a joint acceptance review (acceptance.rs `Criterion`). */
export interface Criterion {
  name: string;
  target: string;
  measured: string;
  passed: boolean;
}

/** The acceptance criteria agreed in the minutes of the collaboration's meetings, each once, in meeting order. */
export function agreedCriteria(meetings: Row[]): string[] {
  const seen = new Set<string>();
  for (const m of meetings) {
    const list = Array.isArray(m.minutes_criteria) ? m.minutes_criteria : [];
    for (const c of list) if (typeof c === 'string' && c.trim()) seen.add(c.trim());
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
  const state: Record<string, unknown> = {};
  const versions = new Map<number, DeliverableVersion>();
  for (const entry of history) {
    if (entry.entity !== 'deliverable' || entry.entity_id !== deliverableId) continue;
    for (const [field, pair] of Object.entries(entry.changes ?? {})) state[field] = pair?.[1] ?? null;
    const version = Number(state.version ?? 1);
    versions.set(version, {
      version,
      submitted_at: typeof state.submitted_at === 'string' ? state.submitted_at : '',
      self_check: Array.isArray(state.self_check) ? (state.self_check as SelfCheckItem[]) : null,
      self_checked_at: typeof state.self_checked_at === 'string' ? state.self_checked_at : '',
    });
  }
  return [...versions.values()].sort((a, b) => a.version - b.version);
}

export type RectificationState = 'open' | 'overdue' | 'resubmitted' | 'closed';

/**
 * Where a rectification item stands: closed when the deliverable later passed, resubmitted when a new
 * version came in, otherwise open — overdue when the engine's attention list says so.
 */
export function rectificationState(row: Row, overdueIds: ReadonlySet<string>): RectificationState {
  if (row.closed_at) return 'closed';
  if (row.resubmitted_at) return 'resubmitted';
  return overdueIds.has(String(row.id)) ? 'overdue' : 'open';
}

/** Self-check items as stored on a deliverable row (a JSON list), or null when none was recorded. */
export function selfCheckOf(row: Row): SelfCheckItem[] | null {
  return Array.isArray(row.self_check) ? (row.self_check as SelfCheckItem[]) : null;
}

/** The number of self-check items not (yet) complete or not up to quality. */
export function selfCheckShortfalls(items: SelfCheckItem[]): number {
  return items.filter((i) => !i.complete || !i.quality_ok).length;
}
