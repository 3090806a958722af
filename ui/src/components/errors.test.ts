import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { IpcError } from '../ipc';
import { describeError } from './errors';

describe('describeError', () => {
  it('names fields inside lists and leaves other refusals to the shared sentences', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(describeError(i18n.t, new IpcError('missing_field', '', 'self_check.item'))).toBe('请填写必填项：自检项');
    expect(describeError(i18n.t, new IpcError('missing_field', '', 'title'))).toBe('请填写必填项：标题');
    await i18n.changeLanguage('en-US');
    expect(describeError(i18n.t, new IpcError('invalid_input', '', 'criteria.target'))).toContain('Target');
  });
});
