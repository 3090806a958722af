import { describe, expect, it } from 'vitest';
import type { Dossier, SearchHit } from '../../bindings';
import { fixture } from '../../lib/fixture';
import { isMac, isSearchShortcut, needsDossier, snippetParts, tabForEntity, targetOf } from './searchTarget';

const hit = (entity: string, entity_id = 'r1', collaboration_id: string | null = 'c1'): SearchHit => ({
  entity,
  entity_id,
  field: 'title',
  collaboration_id,
  collaboration_number: 'XZ-2026-001',
  collaboration_title: '新产品上市推广',
  snippet: '',
});

describe('tabForEntity', () => {
  it('maps each kind of record to the tab that shows it', () => {
    expect(tabForEntity('task')).toBe('tasks');
    expect(tabForEntity('status_update')).toBe('tasks');
    expect(tabForEntity('meeting')).toBe('meetings');
    expect(tabForEntity('responsibility')).toBe('meetings');
    expect(tabForEntity('risk')).toBe('risks');
    expect(tabForEntity('problem')).toBe('problems');
    expect(tabForEntity('change_request')).toBe('changes');
    expect(tabForEntity('deliverable')).toBe('acceptance');
    expect(tabForEntity('rectification')).toBe('acceptance');
    expect(tabForEntity('completion_letter')).toBe('letter');
    expect(tabForEntity('communication')).toBe('communications');
    expect(tabForEntity('feasibility_answer')).toBe('feasibility');
    expect(tabForEntity('collaboration')).toBe('overview');
    expect(tabForEntity('something_new')).toBe('overview');
  });
});

describe('targetOf', () => {
  it('opens the record on its tab', () => {
    expect(targetOf(hit('risk'))).toEqual({ page: 'collaboration', id: 'c1', tab: 'risks', record: 'r1' });
    expect(targetOf(hit('collaboration', 'c1'))).toEqual({ page: 'collaboration', id: 'c1', tab: 'overview' });
  });

  it('points records shown inside another row at that row', () => {
    const dossier = fixture<Dossier>({ status_updates: [{ id: 's1', task_id: 't1' }], reviews: [{ id: 'v1', deliverable_id: 'd1' }] });
    expect(needsDossier('status_update')).toBe(true);
    expect(needsDossier('task')).toBe(false);
    expect(targetOf(hit('status_update', 's1'), dossier)).toEqual({ page: 'collaboration', id: 'c1', tab: 'tasks', record: 't1' });
    expect(targetOf(hit('acceptance_review', 'v1'), dossier)).toEqual({ page: 'collaboration', id: 'c1', tab: 'acceptance', record: 'd1' });
    expect(targetOf(hit('acceptance_review', 'gone'), dossier)).toEqual({ page: 'collaboration', id: 'c1', tab: 'acceptance', record: 'gone' });
  });

  it('sends departments and people to the settings', () => {
    expect(targetOf(hit('person', 'p1', null))).toEqual({ page: 'settings' });
  });
});

describe('snippetParts', () => {
  it('separates the matches', () => {
    expect(snippetParts('客户主【数据】表与【数据】')).toEqual([
      { text: '客户主', match: false },
      { text: '数据', match: true },
      { text: '表与', match: false },
      { text: '数据', match: true },
    ]);
    expect(snippetParts('无匹配')).toEqual([{ text: '无匹配', match: false }]);
  });
});

describe('shortcut', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }>) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });
  it('is Ctrl+K / Ctrl+F, or Cmd on macOS', () => {
    expect(isSearchShortcut(key('k', { ctrlKey: true }), false)).toBe(true);
    expect(isSearchShortcut(key('F', { ctrlKey: true }), false)).toBe(true);
    expect(isSearchShortcut(key('k', { metaKey: true }), false)).toBe(false);
    expect(isSearchShortcut(key('k', { metaKey: true }), true)).toBe(true);
    expect(isSearchShortcut(key('k', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isSearchShortcut(key('j', { ctrlKey: true }), false)).toBe(false);
  });
  it('recognises macOS', () => {
    expect(isMac('MacIntel')).toBe(true);
    expect(isMac('Win32')).toBe(false);
  });
});
