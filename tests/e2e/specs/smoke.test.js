// Smoke test of the desktop window on the demo data: dashboard, register, one collaboration, and
// the switch to English. Expected figures come from the engine (through the CLI), expected
// labels from the UI's translation files.
import assert from 'node:assert/strict';
import { withApp, cli } from '../harness.js';
import { text, rawKeys } from '../locales.js';

const test = withApp({ language: 'zh-CN' });
const zh = (key) => text('zh-CN', key);
const en = (key) => text('en-US', key);
const STEPS = ['confirm', 'kickoff', 'execute', 'accept', 'archive'];

async function assertNoRawKeys(app, where) {
  await app.settle();
  assert.deepEqual(rawKeys(await app.pageText()), [], `untranslated keys on ${where}`);
}

/** `[key, label]` of every tab of the collaboration page, hidden overflow tabs included. */
function tabLabels(app) {
  return app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="collaboration-tabs"] .ant-tabs-nav-list .ant-tabs-tab')].map((tab) => [
      tab.getAttribute('data-node-key'),
      tab.textContent.trim(),
    ]),
  );
}

test('the window opens at 1280×800', async (app) => {
  assert.deepEqual(await app.viewport(), { width: 1280, height: 800 });
});

/** Waits until the attention list shows exactly these items' subjects. */
async function assertAttention(app, items, who) {
  await app.waitForText('attention-list', items[0].subject);
  const list = await app.text('attention-list');
  for (const item of items) assert.ok(list.includes(item.subject), `${who}: attention item ${item.subject}`);
  assert.equal((await app.browser.$$(`[data-testid="attention-list"] .ant-list-item`)).length, items.length, `${who}: number of items`);
}

test('the dashboard shows the stage counts and my attention items, or everyone\'s', async (app) => {
  const [counts, me, everyone] = cli(app.db, { action: 'get_stage_counts' }, { action: 'get_me' }, { action: 'get_attention', payload: {} });
  const [mine] = cli(app.db, { action: 'get_attention', payload: { person: me.id } });
  assert.ok(counts.length > 0 && mine.length > 0 && everyone.length > mine.length, 'the demo data has attention items for me and others');
  await app.waitForText('stage-counts', zh(`stage.${counts[0].stage}`));
  const stages = await app.text('stage-counts');
  for (const { stage, count } of counts) {
    assert.match(stages, new RegExp(`${zh(`stage.${stage}`)}\\s+${count}\\b`), `count of ${stage}`);
  }
  await assertAttention(app, mine, 'mine');
  await app.choose('attention-scope', zh('dashboard.everyone'));
  await assertAttention(app, everyone, 'everyone');
  await assertNoRawKeys(app, 'the dashboard');
});

test('the register lists the demo collaborations', async (app) => {
  const [page] = cli(app.db, { action: 'get_register', payload: {} });
  assert.ok(page.rows.some((row) => row.number === 'XZ-2026-001'));
  await app.goTo('register');
  for (const row of page.rows) await app.waitForText('register', row.number);
  const register = await app.text('register');
  for (const row of page.rows) assert.ok(register.includes(row.title), `title of ${row.number}`);
  await assertNoRawKeys(app, 'the register');
});

test('a collaboration shows its stage stepper and its tabs', async (app) => {
  await app.openCollaboration('XZ-2026-001');
  const page = await app.waitFor('collaboration');
  assert.equal(await page.getAttribute('data-stage'), 'executing');
  const steps = await app.textOf('[data-testid="collaboration"] .ant-steps');
  for (const step of STEPS) assert.ok(steps.includes(zh(`steps.${step}`)), `step ${step}`);
  assert.ok(await page.$('.ant-steps-item-process').isExisting(), 'the current step is marked');
  const tabs = await tabLabels(app);
  assert.ok(tabs.length >= 10, `tabs: ${JSON.stringify(tabs)}`);
  for (const [key, label] of tabs) assert.equal(label, zh(`tabs.${key}`));
  await app.openTab('tasks');
  await assertNoRawKeys(app, 'the tasks tab');
});

test('switching to English translates the window and leaves no raw key on any tab', async (app) => {
  await app.setLanguage('en-US');
  await app.waitForText('nav', en('nav.dashboard'));
  const nav = await app.text('nav');
  assert.ok(nav.includes(en('nav.register')));
  assert.ok(!nav.includes(zh('nav.dashboard')), 'no Chinese left in the menu');
  const [preferences] = cli(app.db, { action: 'get_preferences' });
  assert.equal(preferences.language, 'en-US', 'the choice is kept in the database');

  const tabs = await tabLabels(app);
  for (const [key, label] of tabs) assert.equal(label, en(`tabs.${key}`));
  for (const [key] of tabs) {
    await app.openTab(key);
    await assertNoRawKeys(app, `the ${key} tab`);
  }
  await app.goTo('dashboard');
  await app.waitForText('dashboard', en('dashboard.title'));
  await assertNoRawKeys(app, 'the English dashboard');
  await app.goTo('register');
  await assertNoRawKeys(app, 'the English register');
});
