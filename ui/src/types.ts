// Shapes of the engine's read models as the UI uses them (see xiezuo-engine: register.rs,
// attention.rs, dossier.rs).
export type Stage = 'draft' | 'confirming' | 'revising' | 'kickoff' | 'executing' | 'accepting' | 'completed' | 'archived';

export const STAGES: Stage[] = ['draft', 'confirming', 'revising', 'kickoff', 'executing', 'accepting', 'completed', 'archived'];

export interface RegisterRow {
  id: string;
  stage: Stage;
  number: string;
  initiating_department: string;
  title: string;
  contacts: string;
  background_goal: string;
  key_dates: string;
  communications: string;
  progress: string;
  feedback: string;
  owner: string;
  remarks: string;
}

export interface RegisterPage {
  total: number;
  rows: RegisterRow[];
}

export interface StageCount {
  stage: Stage;
  count: number;
}

export interface AttentionItem {
  kind: string;
  collaboration_id: string;
  number: string;
  title: string;
  subject_id: string;
  subject: string;
  due: string | null;
  overdue: boolean;
}

export interface Department {
  id: string;
  name: string;
}

export type Row = Record<string, unknown>;

export interface Dossier {
  collaboration: Row;
  stage: Stage;
  step: number;
  departments: Row[];
  milestones: Row[];
  feasibility: Row[];
  meetings: Row[];
  responsibilities: Row[];
  signatures: Row[];
  tasks: Row[];
  status_updates: Row[];
  problems: Row[];
  risks: Row[];
  change_requests: Row[];
  change_approvals: Row[];
  deliverables: Row[];
  reviews: Row[];
  rectifications: Row[];
  letter: Row | null;
  communications: Row[];
  feedback: Row[];
  attachments: Row[];
}

export interface TimelineEvent {
  at: string;
  kind: string;
  title: string;
  record_id: string;
}
