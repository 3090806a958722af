// Photographs the window (1280×800 PNG) for the README, in Chinese and in English, on the demo data:
// dashboard-*.png, register-*.png, collaboration-*.png (the executing collaboration, tasks tab)
// and minutes-*.png (its meetings tab with the minutes editor open).
// Run through `tests/e2e/run.sh screenshots` (or `make e2e-screenshots`); output folder:
// $XIEZUO_SCREENSHOTS, default docs/screenshots.
import path from 'node:path';
import { launch, cli, ROOT } from './harness.js';

const out = path.resolve(ROOT, process.env.XIEZUO_SCREENSHOTS ?? 'docs/screenshots');
const LANGUAGES = { 'zh-CN': 'zh', 'en-US': 'en' };

/**
 * The meetings tab with the minutes editor (`minutes-editor`) open: the first meeting's
 * `meeting-minutes-<title>` button opens it (the kickoff meeting's, in the demo data).
 */
async function openMinutesEditor(app) {
  await app.openTab('meetings');
  await app.settle();
  const open = app.browser.$('[data-testid^="meeting-minutes-"]');
  if (await open.isExisting()) {
    await open.click();
    await app.waitFor('minutes-editor');
  } else {
    console.warn('screenshots: no [data-testid^="meeting-minutes-"] button on the meetings tab; capturing the tab as it is');
  }
}

async function photograph(language, suffix) {
  const app = await launch({ language });
  try {
    const shot = (name) => app.screenshot(path.join(out, `${name}-${suffix}.png`));
    await app.waitFor('attention-list');
    await shot('dashboard');

    const [register] = cli(app.db, { action: 'get_register', payload: {} });
    await app.goTo('register');
    await app.waitForText('register', register.rows[0].number);
    await shot('register');

    const executing = register.rows.find((row) => row.stage === 'executing');
    if (!executing) throw new Error('the demo data has no collaboration in execution');
    await app.openCollaboration(executing.number, 'tasks');
    await shot('collaboration');

    await openMinutesEditor(app);
    await shot('minutes');
  } finally {
    await app.close();
  }
}

for (const [language, suffix] of Object.entries(LANGUAGES)) {
  await photograph(language, suffix);
  console.log(`screenshots (${language}) saved in ${out}`);
}
