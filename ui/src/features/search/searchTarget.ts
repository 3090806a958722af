// Where a search hit leads: which tab of the collaboration page shows its record, and which record
// that tab should highlight. Kept pure so the mapping is tested; the palette only navigates.
import type { Dossier, SearchHit } from '../../bindings';

/** The collaboration page's tab (keys as in CollaborationPage.tsx) that shows each kind of record. */
const TABS: Record<string, string> = {
  collaboration: 'overview',
  collab_department: 'overview',
  milestone: 'overview',
  attachment: 'overview',
  feasibility_answer: 'feasibility',
  meeting: 'meetings',
  responsibility: 'meetings',
  signature: 'signatures',
  task: 'tasks',
  status_update: 'tasks',
  problem: 'problems',
  risk: 'risks',
  change_request: 'changes',
  change_approval: 'changes',
  deliverable: 'acceptance',
  acceptance_review: 'acceptance',
  rectification: 'acceptance',
  completion_letter: 'letter',
  communication: 'communications',
  feedback: 'communications',
};

/** The tab that shows a kind of record; records the page has no tab for open the overview. */
export function tabForEntity(entity: string): string {
  return TABS[entity] ?? 'overview';
}

/**
 * Records shown inside another record's row (a status update in its task, a review in its
 * deliverable): the id of the row that shows a record, found in the dossier.
 */
const PARENTS: Record<string, (dossier: Dossier, id: string) => string | null | undefined> = {
  status_update: (d, id) => d.status_updates.find((r) => r.id === id)?.task_id,
  acceptance_review: (d, id) => d.reviews.find((r) => r.id === id)?.deliverable_id,
  change_approval: (d, id) => d.change_approvals.find((r) => r.id === id)?.change_request_id,
  responsibility: (d, id) => d.responsibilities.find((r) => r.id === id)?.meeting_id,
};

/** Whether finding the record to highlight needs the hit's dossier. */
export function needsDossier(entity: string): boolean {
  return entity in PARENTS;
}

export type Target = { page: 'settings' } | { page: 'collaboration'; id: string; tab: string; record?: string };

/**
 * Where a hit leads. Departments and people belong to no collaboration and open the settings;
 * everything else opens its collaboration on the right tab, pointing at the row that shows it.
 */
export function targetOf(hit: SearchHit, dossier?: Dossier): Target {
  if (!hit.collaboration_id) return { page: 'settings' };
  const tab = tabForEntity(hit.entity);
  if (hit.entity === 'collaboration') return { page: 'collaboration', id: hit.collaboration_id, tab };
  const parent = dossier && PARENTS[hit.entity]?.(dossier, hit.entity_id);
  return { page: 'collaboration', id: hit.collaboration_id, tab, record: parent ?? hit.entity_id };
}

/** A snippet cut into plain and matched parts (the engine marks matches with 【 and 】). */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  const pattern = /【([^】]*)】/g;
  let last = 0;
  for (let m = pattern.exec(snippet); m; m = pattern.exec(snippet)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), match: false });
    if (m[1]) parts.push({ text: m[1], match: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), match: false });
  return parts;
}

/** Whether the keyboard event is the palette's shortcut: Ctrl+K or Ctrl+F (Cmd on macOS). */
export function isSearchShortcut(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }, mac: boolean): boolean {
  const modifier = mac ? event.metaKey : event.ctrlKey;
  return modifier && !event.altKey && !event.shiftKey && ['k', 'f'].includes(event.key.toLowerCase());
}

/** Whether the window runs on macOS, where shortcuts use Cmd. */
export function isMac(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}
