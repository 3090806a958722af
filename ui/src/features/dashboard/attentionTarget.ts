import type { AttentionKind } from '../../bindings';

/** The collaboration tab where an attention item is dealt with. */
export const ATTENTION_TAB: Record<AttentionKind, string> = {
  answer_due: 'feasibility',
  minutes_due: 'meetings',
  signature_missing: 'signatures',
  task_overdue: 'tasks',
  task_no_status: 'tasks',
  task_blocked: 'tasks',
  problem_overdue: 'problems',
  risk_escalated: 'risks',
  change_awaiting: 'changes',
  rectification_due: 'acceptance',
  letter_not_issued: 'letter',
};
