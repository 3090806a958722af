import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../bindings';
import { fixture } from '../../lib/fixture';
import { entryTestId, printableDocuments } from './documents';

const empty = fixture<Dossier>({
  collaboration: { id: 'c1' },
  stage: 'draft',
  step: 1,
  departments: [],
  milestones: [],
  feasibility: [],
  meetings: [],
  responsibilities: [],
  signatures: [],
  tasks: [],
  status_updates: [],
  problems: [],
  risks: [],
  change_requests: [],
  change_approvals: [],
  deliverables: [],
  reviews: [],
  rectifications: [],
  letter: null,
  communications: [],
  feedback: [],
  attachments: [],
});

describe('printableDocuments', () => {
  it('offers only the request form for a fresh draft', () => {
    expect(printableDocuments(empty)).toEqual([{ kind: 'request' }]);
  });

  it('offers each record-based document once its record exists', () => {
    const d = fixture<Dossier>({
      ...empty,
      stage: 'accepting',
      meetings: [
        { id: 'm1', title: '启动会', minutes_goal: '目标', minutes_issued_at: null },
        { id: 'm2', title: '周例会', minutes_goal: null, minutes_issued_at: null },
      ],
      tasks: [{ id: 't1' }],
      deliverables: [
        { id: 'd1', title: '方案', version: 2 },
        { id: 'd2', title: '报告', version: 1 },
      ],
      reviews: [{ id: 'r1', deliverable_id: 'd1' }],
      letter: { id: 'l1' },
    });
    expect(printableDocuments(d).map(entryTestId)).toEqual([
      'request',
      'agenda-启动会',
      'agenda-周例会',
      'minutes-启动会',
      'tracking',
      'selfcheck-方案 v2',
      'selfcheck-报告 v1',
      'acceptance-方案 v2',
      'letter',
    ]);
    expect(printableDocuments(d).find((e) => e.kind === 'acceptance')).toEqual({ kind: 'acceptance', record: 'd1', recordName: '方案 v2' });
  });
});
