// Engine payloads from the problem forms (see the engine's risk.rs: ProblemInput, and the
// resolve_problem action). Null while a value the payload's shape needs is missing.
import type { Dayjs } from 'dayjs';
import type { ProblemInput } from '../../bindings';
import { isoDate } from '../../lib/format';

export interface ProblemFormValues {
  description: string;
  owner: string;
  deadline: Dayjs | null;
  /** The progress meeting that raised it; absent for a problem raised ad hoc. */
  meeting: string | null;
}

export function problemPayload(collaboration: string, v: Partial<ProblemFormValues>): ProblemInput | null {
  const deadline = isoDate(v.deadline);
  if (!v.owner || !deadline) return null;
  return { collaboration, description: v.description ?? '', owner: v.owner, deadline, ...(v.meeting && { meeting: v.meeting }) };
}
