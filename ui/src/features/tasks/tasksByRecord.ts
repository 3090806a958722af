// Which task a record id points at: the task itself, or the task of one of its status updates
// (search hits and timeline events name either).
import type { Dossier } from '../../bindings';

export function taskOfRecord(dossier: Dossier, record: string | undefined): string | undefined {
  if (!record) return undefined;
  if (dossier.tasks.some((t) => t.id === record)) return record;
  const update = dossier.status_updates.find((u) => u.id === record);
  return update?.task_id;
}
