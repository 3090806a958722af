import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { Dossier } from '../../bindings';
import { fixture } from '../../lib/fixture';
import { fromDossier, toNewCollaboration, toRequestPatch } from './requestForm';

describe('toNewCollaboration', () => {
  it('formats dates, leaves empty pickers out and drops rows never filled in', () => {
    const request = toNewCollaboration({
      title: '新产品上市推广',
      initiating_department: 'd-market',
      initiator_contact: '',
      expected_completion: dayjs('2026-12-31'),
      departments: [{ department: 'd-sales', support_kinds: ['data'], support_text: '客户反馈', contact: undefined }, {}, { support_text: '缺部门' }],
      milestones: [{ name: '用户调研完成', due_date: dayjs('2026-10-15') }, { name: '' }, { name: '没有日期', due_date: null }],
    });
    expect(request).toEqual({
      title: '新产品上市推广',
      initiating_department: 'd-market',
      initiator_contact: undefined,
      owner: undefined,
      background: '',
      goal: '',
      expected_completion: '2026-12-31',
      departments: [
        { department: 'd-sales', support_kinds: ['data'], support_text: '客户反馈', contact: undefined },
        { department: '', support_kinds: [], support_text: '缺部门', contact: undefined },
      ],
      milestones: [{ name: '用户调研完成', due_date: '2026-10-15' }],
    });
  });

  it('sends empty required text, so the engine names what is missing', () => {
    expect(toNewCollaboration({})).toMatchObject({ title: '', initiating_department: '', departments: [], milestones: [] });
  });
});

describe('fromDossier and toRequestPatch', () => {
  const dossier = fixture<Dossier>({
    collaboration: { id: 'c1', title: '年度培训计划落地', initiating_department_id: 'd-hr', initiator_contact_id: 'p1', background: '背景', goal: '目标', expected_completion: '2026-12-15' },
    departments: [{ department_id: 'd-rd', support_kinds: ['resources'], support_text: '提供讲师', contact_person_id: null }],
    milestones: [
      { name: '培训需求汇总', due_date: '2026-10-20', meeting_id: null },
      { name: '纪要里的节点', due_date: '2026-11-01', meeting_id: 'm1' },
    ],
  });

  it('round-trips the stored request, keeping only the request milestones', () => {
    const values = fromDossier(dossier);
    expect(values.expected_completion?.format('YYYY-MM-DD')).toBe('2026-12-15');
    expect(toRequestPatch('c1', values)).toEqual({
      collaboration: 'c1',
      title: '年度培训计划落地',
      initiator_contact: 'p1',
      background: '背景',
      goal: '目标',
      expected_completion: '2026-12-15',
      departments: [{ department: 'd-rd', support_kinds: ['resources'], support_text: '提供讲师', contact: undefined }],
      milestones: [{ name: '培训需求汇总', due_date: '2026-10-20' }],
    });
  });
});
