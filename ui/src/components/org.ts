// The organisation as every screen reads it from the engine: departments, people, and who this
// installation acts as; plus the attention items that mark records overdue.
import { useMemo } from 'react';
import type { AttentionKind } from '../bindings';
import { useEngineQuery } from '../engine';

export const useDepartments = () => useEngineQuery('list_departments');
export const usePeople = () => useEngineQuery('list_people');
/** The person this installation acts as; `null` until chosen on first launch. */
export const useMe = () => useEngineQuery('get_me');

/** The organisation's people and departments (empty while loading), and who this installation acts as. */
export function useOrg() {
  const people = usePeople();
  const departments = useDepartments();
  const me = useMe();
  return { people: people.data ?? [], departments: departments.data ?? [], me: me.data ?? null };
}

/** Everyone's name by id (reviewers, attendees and participants are stored as ids). */
export function usePersonNames(): Map<string, string> {
  const people = usePeople();
  return useMemo(() => new Map((people.data ?? []).map((p) => [p.id, p.name])), [people.data]);
}

/** Ids of the records of one kind that the engine's attention list holds overdue (tasks, problems, rectifications …). */
export function useOverdue(kind: AttentionKind): Set<string> {
  const attention = useEngineQuery('get_attention', {});
  return useMemo(() => new Set((attention.data ?? []).filter((i) => i.kind === kind && i.overdue).map((i) => i.subject_id)), [attention.data, kind]);
}
