import { useEngineQuery } from '../../engine';

/** Meetings whose minutes are due (the meeting has ended, nothing issued yet), by meeting id, with
 * whether the engine counts them overdue (`minutes_sla_hours` after the meeting ended). */
export function useMinutesDue(): Map<string, boolean> {
  const items = useEngineQuery('get_attention', {}).data ?? [];
  return new Map(items.filter((i) => i.kind === 'minutes_due').map((i) => [i.subject_id, i.overdue]));
}
