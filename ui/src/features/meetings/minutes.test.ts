import { describe, expect, it } from 'vitest';
import type { Dossier, MeetingRow } from '../../bindings';
import { fixture } from '../../lib/fixture';
import { alsoOwnedBy, minutesInput, minutesValues, overlapsOf, responsibilityInputs, type MinutesValues } from './minutes';

const dossier = fixture<Dossier>({
  collaboration: { id: 'c1', initiating_department_id: 'd-dev', initiating_department: '研发部' },
  departments: [
    { department_id: 'd-mkt', department: '市场部' },
    { department_id: 'd-qa', department: '测试部' },
  ],
  milestones: [
    { meeting_id: 'm1', name: '需求调研完成', due_date: '2026-12-11' },
    { meeting_id: null, name: '方案评审', due_date: '2026-12-18' },
  ],
  responsibilities: [
    { meeting_id: 'm1', department_id: 'd-dev', item: '功能开发' },
    { meeting_id: 'm1', department_id: 'd-qa', item: '验收标准制定' },
    { meeting_id: 'm0', department_id: 'd-mkt', item: '旧会议的职责' },
  ],
});

const meeting = fixture<MeetingRow>({
  id: 'm1',
  kind: 'kickoff',
  minutes_goal: '一季度上线',
  minutes_summary: null,
  minutes_communication: { weekly_meeting: '每周二', urgent_channel: '电话', sync_method: '共享文档' },
  minutes_decisions: ['测试部12月4日前提交验收标准'],
  minutes_criteria: [],
});

describe('minutes editor values', () => {
  it('fills one matrix row per participant from this meeting only', () => {
    const values = minutesValues(dossier, meeting);
    expect(values.responsibilities).toEqual([
      { department: 'd-dev', items: ['功能开发'] },
      { department: 'd-mkt', items: [] },
      { department: 'd-qa', items: ['验收标准制定'] },
    ]);
    expect(values.milestones).toEqual([{ name: '需求调研完成', due_date: '2026-12-11' }]);
    expect(values.summary).toBe('');
    expect(values.communication.urgent_channel).toBe('电话');
    expect(values.decisions).toEqual(['测试部12月4日前提交验收标准']);
  });

  it('sends the typed items and leaves empty new lines out', () => {
    expect(responsibilityInputs([{ department: 'd-dev', items: [' 功能开发 ', '', '  '] }])).toEqual([{ department: 'd-dev', items: ['功能开发'] }]);
  });

  it('builds the full payload for a kickoff and only notes for a progress meeting', () => {
    const values: MinutesValues = {
      ...minutesValues(dossier, meeting),
      milestones: [
        { name: '交付上线', due_date: '2027-03-31' },
        { name: '没有日期', due_date: null },
      ],
      decisions: ['决议一', ''],
    };
    const kickoff = minutesInput('m1', 'kickoff', values);
    expect(kickoff.milestones).toEqual([{ name: '交付上线', due_date: '2027-03-31' }]);
    expect(kickoff.decisions).toEqual(['决议一']);
    expect(kickoff.goal).toBe('一季度上线');
    expect(minutesInput('m1', 'progress', values)).toEqual({ meeting: 'm1', summary: '', decisions: ['决议一'] });
  });
});

describe('engine check marks', () => {
  const check = { gaps: ['市场部'], overlaps: [{ item: '验收标准制定', departments: ['研发部', '测试部'] }] };

  it('names the other owners of an overlapping item', () => {
    expect(alsoOwnedBy(check, '测试部', '验收标准制定')).toEqual(['研发部']);
    expect(alsoOwnedBy(check, '市场部', '验收标准制定')).toEqual([]);
    expect(alsoOwnedBy(check, '研发部', '功能开发')).toEqual([]);
    expect(alsoOwnedBy(undefined, '研发部', '功能开发')).toEqual([]);
  });

  it('lists the overlaps a department is part of', () => {
    expect(overlapsOf(check, '研发部')).toEqual(['验收标准制定']);
    expect(overlapsOf(check, '市场部')).toEqual([]);
  });
});
