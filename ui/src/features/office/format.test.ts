import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { IpcError } from '../../ipc';
import { describeError } from '../../components/errors';
import { archiveProblem, fileSize } from './format';

describe('fileSize', () => {
  it('uses the largest unit that keeps a number of at least one', () => {
    expect(fileSize(0)).toBe('0 B');
    expect(fileSize(1023)).toBe('1023 B');
    expect(fileSize(1024)).toBe('1.0 KB');
    expect(fileSize(3.5 * 1024 * 1024)).toBe('3.5 MB');
    expect(fileSize(5 * 1024 ** 4)).toBe('5120.0 GB');
  });
});

describe('archiveProblem', () => {
  it('tells the kind and the file from the engine line', () => {
    expect(archiveProblem('changed: documents/协作需求申请表 r1.pdf')).toEqual({ kind: 'changed', path: 'documents/协作需求申请表 r1.pdf' });
    expect(archiveProblem('not in the manifest: notes.txt')).toEqual({ kind: 'extra', path: 'notes.txt' });
    expect(archiveProblem('unsafe path in the manifest: ../x')).toEqual({ kind: 'unsafe', path: '../x' });
    expect(archiveProblem('something else')).toEqual({ kind: null, path: 'something else' });
  });
});

describe('office errors', () => {
  it('are translated from the office namespace after the shared one', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(describeError(i18n.t, new IpcError('no_qr_code', ''))).toBe(i18n.t('errors.no_qr_code', { ns: 'office' }));
    expect(describeError(i18n.t, new IpcError('missing_field', '', 'title'))).toBe('请填写必填项：标题');
    await i18n.changeLanguage('en-US');
    expect(describeError(i18n.t, new IpcError('unreadable_file', ''))).toBe(i18n.t('errors.unreadable_file', { ns: 'office' }));
  });
});
