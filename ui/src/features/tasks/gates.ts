// Which stages accept which writes, as the engine's modules decide them (task.rs, risk.rs,
// change.rs). The engine still checks every write; these lists only let the UI say beforehand why a
// button is off instead of offering an action that would be refused.
import type { Stage } from '../../bindings';
import { STAGES } from '../../lib/stages';

/** add_task, post_status, open_change_request: the kickoff minutes are issued, acceptance not yet done. */
export const EXECUTION: readonly Stage[] = ['executing', 'accepting'];
/** add_problem, raise_risk: from the kickoff meeting until acceptance. */
export const TRACKING: readonly Stage[] = ['kickoff', 'executing', 'accepting'];
/** update_task, resolve_problem, escalate_risk, decide_risk, decide_change_request: any stage but archived. */
export const NOT_ARCHIVED: readonly Stage[] = STAGES.filter((s) => s !== 'archived');

/** Why a write is not offered at this stage: the collaboration is archived, or its stage is wrong. */
export type Blocker = 'archived' | 'stage';

export function blocker(stage: Stage, allowed: readonly Stage[]): Blocker | null {
  if (stage === 'archived') return 'archived';
  return allowed.includes(stage) ? null : 'stage';
}
