import type { Stage } from '../bindings';

/** Every stage of a collaboration, in process order. */
export const STAGES: readonly Stage[] = ['draft', 'confirming', 'revising', 'kickoff', 'executing', 'accepting', 'completed', 'archived'];
