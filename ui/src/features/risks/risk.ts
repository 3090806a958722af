// Risk forms' payloads and a risk's state, as the engine models them (risk.rs): a risk is raised,
// may be escalated to the whole group (预警), gets the group's decision, and is closed.
import type { RiskInput, RiskRow } from '../../bindings';

export interface RiskFormValues {
  title: string;
  description: string;
  impact: string;
  raised_by: string | null;
  escalate: boolean;
}

export function riskPayload(collaboration: string, v: Partial<RiskFormValues>): RiskInput {
  return {
    collaboration,
    title: v.title ?? '',
    description: v.description ?? '',
    impact: v.impact ?? '',
    escalate: v.escalate ?? false,
    ...(v.raised_by && { raised_by: v.raised_by }),
  };
}

export type RiskState = 'closed' | 'escalated' | 'open';

/** Closed wins; an open risk raised to the group is escalated until closed. */
export function riskState(risk: Pick<RiskRow, 'closed_at' | 'escalated_at'>): RiskState {
  if (risk.closed_at) return 'closed';
  return risk.escalated_at ? 'escalated' : 'open';
}
