// What the smoke test counts as an untranslated key on screen, and what it lets through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rawKeys, text } from './locales.js';

test('raw i18n keys are found in page text', () => {
  assert.deepEqual(rawKeys('概览 tabs.overview\nmeetings:minutes.title 执行跟踪 stage.executing, 完成'), [
    'tabs.overview',
    'meetings:minutes.title',
    'stage.executing',
  ]);
});

test('numbers, times, file names, sentences and abbreviations are not keys', () => {
  assert.deepEqual(rawKeys('XZ-2026-001 09:30 2026-10-12 报告.pdf minutes.pdf e.g. Done. Next, a@b.com v1.2 Ctrl K'), []);
});

test('texts come from the UI locale files', () => {
  assert.equal(text('zh-CN', 'nav.dashboard'), '工作台');
  assert.throws(() => text('en-US', 'nav.noSuchKey'));
});
