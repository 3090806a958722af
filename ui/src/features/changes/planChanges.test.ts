import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { changeLines, changePayload, currentPlan, planFor, type Plan } from './planChanges';

const plan: Plan = {
  milestones: [{ id: 'm1', name: '推广方案定稿', due_date: '2026-11-10' }],
  tasks: [{ id: 't1', title: '推广方案编制', responsible_person_id: 'p1', start_date: '2026-10-16', end_date: '2026-11-10' }],
};

describe('changePayload', () => {
  it('sends only the values that change, dates as YYYY-MM-DD', () => {
    const payload = changePayload('c1', {
      title: '推迟方案定稿',
      reason: '销售数据延迟',
      by: 'p1',
      tasks: [{ task: 't1', end_date: dayjs('2026-11-20'), start_date: null, responsible: null }],
      milestones: [{ milestone: 'm1', due_date: dayjs('2026-11-20') }, { name: '方案评审', due_date: dayjs('2026-11-15') }],
    });
    expect(payload).toEqual({
      collaboration: 'c1',
      title: '推迟方案定稿',
      reason: '销售数据延迟',
      by: 'p1',
      changes: {
        tasks: [{ task: 't1', start_date: null, end_date: '2026-11-20', responsible: null }],
        milestones: [
          { milestone: 'm1', name: null, due_date: '2026-11-20' },
          { milestone: null, name: '方案评审', due_date: '2026-11-15' },
        ],
      },
    });
  });

  it('leaves empty changes for the engine to refuse, and "by" to default to me', () => {
    expect(changePayload('c1', { title: 'x', reason: 'y' })).toEqual({ collaboration: 'c1', title: 'x', reason: 'y', changes: { milestones: [], tasks: [] } });
  });

  it('is null while a task row has no task or a milestone row no date', () => {
    expect(changePayload('c1', { tasks: [{ end_date: dayjs('2026-11-20') }] })).toBeNull();
    expect(changePayload('c1', { milestones: [{ milestone: 'm1' }] })).toBeNull();
  });
});

describe('changeLines', () => {
  it('reads task and milestone changes against the plan', () => {
    const lines = changeLines(
      {
        tasks: [{ task: 't1', start_date: null, end_date: '2026-11-20', responsible: 'p2' }],
        milestones: [
          { milestone: 'm1', name: null, due_date: '2026-11-20' },
          { milestone: null, name: '方案评审', due_date: '2026-11-15' },
        ],
      },
      plan,
    );
    expect(lines).toEqual([
      { kind: 'task', subject: '推广方案编制', field: 'end_date', from: '2026-11-10', to: '2026-11-20' },
      { kind: 'task', subject: '推广方案编制', field: 'responsible', from: 'p1', to: 'p2' },
      { kind: 'milestone', subject: '推广方案定稿', field: 'due_date', from: '2026-11-10', to: '2026-11-20' },
      { kind: 'milestone', subject: null, field: 'name', from: '', to: '方案评审' },
      { kind: 'milestone', subject: null, field: 'due_date', from: '', to: '2026-11-15' },
    ]);
  });

  it('shows a rename only when the name differs', () => {
    expect(changeLines({ tasks: [], milestones: [{ milestone: 'm1', name: '推广方案定稿', due_date: '2026-11-10' }] }, plan)).toHaveLength(1);
  });
});

describe('planFor', () => {
  const dossier: Plan = {
    milestones: [{ id: 'm1', name: '推广方案定稿', due_date: '2026-11-20' }],
    tasks: [{ id: 't1', title: '推广方案编制', responsible_person_id: 'p1', start_date: '2026-10-16', end_date: '2026-11-20' }],
  };

  it('reads an applied request against its baseline and others against the current plan', () => {
    expect(planFor({ status: 'approved', baseline: plan }, dossier)).toBe(plan);
    expect(planFor({ status: 'pending', baseline: null }, dossier)).toEqual(currentPlan(dossier));
    expect(planFor({ status: 'approved', baseline: { milestones: 'garbled' } }, dossier)).toEqual(currentPlan(dossier));
    expect(currentPlan(dossier).milestones[0].due_date).toBe('2026-11-20');
  });
});
