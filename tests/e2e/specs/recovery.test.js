// Backups and the recovery screen in the desktop window: a one-click restore of the automatic
// backup from Settings → 数据, and a damaged database at start, which shows the recovery screen
// (not a crash) until a backup is restored. Expected texts come from the UI's translation files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe } from 'node:test';
import { withApp, cli, CLI, until } from '../harness.js';
import { text } from '../locales.js';

const zh = (key) => text('zh-CN', key);
/** Today's automatic backup, named by the date in China time (the engine's clock). */
const DAILY = `daily-${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '')}.db`;
const backupsOf = (db) => path.join(path.dirname(db), 'backups');
const NEW_DEPARTMENT = '数据恢复验证部';
const GARBAGE = Buffer.from('这不是数据库 — not a database at all\n'.repeat(400));

/** Restores `fileName` from the backup table on screen, confirming, and answers the outcome message. */
async function restore(app, fileName) {
  await app.click(`restore-${fileName}`);
  await app.click('restore-confirm');
  return app.text('database-changed');
}

describe('restore from an automatic backup', () => {
  const test = withApp({ language: 'zh-CN' });

  test('a record added after the daily backup is gone once the backup is restored, and the replaced file is kept', async (app) => {
    // The app makes today's backup at start, on a thread of its own.
    await until(async () => fs.existsSync(path.join(backupsOf(app.db), DAILY)), 10_000, "today's automatic backup");
    cli(app.db, { action: 'add_department', payload: { name: NEW_DEPARTMENT } });
    await app.goTo('settings');
    await (await app.waitForSelector('[data-testid="settings-tabs"] [data-node-key="departments"]')).click();
    await app.waitFor(`department-row-${NEW_DEPARTMENT}`);

    await (await app.waitForSelector('[data-testid="settings-tabs"] [data-node-key="data"]')).click();
    await app.waitFor(`backup-row-${DAILY}`);
    const outcome = await restore(app, DAILY);
    const kept = fs.readdirSync(backupsOf(app.db)).find((name) => name.startsWith('before-restore'));
    assert.ok(kept, 'a before-restore file is in the backups folder');
    assert.ok(outcome.includes(DAILY) && outcome.includes(kept), `the message names the backup and the kept file: ${outcome}`);
    await app.waitFor(`backup-row-${kept}`);

    const [departments] = cli(app.db, { action: 'list_departments' });
    assert.ok(!departments.some((d) => d.name === NEW_DEPARTMENT), 'the department added after the backup is gone');
    const keptCopy = path.join(path.dirname(app.db), 'kept-copy.db'); // read a copy: opening a file may write to it
    fs.copyFileSync(path.join(backupsOf(app.db), kept), keptCopy);
    const [keptDepartments] = cli(keptCopy, { action: 'list_departments' });
    assert.ok(keptDepartments.some((d) => d.name === NEW_DEPARTMENT), 'the kept file still has it');
    await (await app.waitForSelector('[data-testid="settings-tabs"] [data-node-key="departments"]')).click();
    await app.waitFor('departments-table');
    await app.waitForGone(`department-row-${NEW_DEPARTMENT}`);
  });

  test('a restore names only a listed backup: paths and other names are refused, and nothing changes', async (app) => {
    const before = fs.readdirSync(backupsOf(app.db)).sort();
    const [departments] = cli(app.db, { action: 'list_departments' });
    for (const fileName of ['../xiezuo.db', app.db, '/etc/passwd', `backups/${DAILY}`, 'daily-19990101.db']) {
      const refusal = await app.browser.executeAsync(
        (name, done) => window.__TAURI_INTERNALS__.invoke('restore_backup', { fileName: name }).then(() => done(null), done),
        fileName,
      );
      assert.equal(refusal?.kind, 'not_found', `${fileName}: ${JSON.stringify(refusal)}`);
    }
    assert.deepEqual(fs.readdirSync(backupsOf(app.db)).sort(), before, 'no file kept, none replaced');
    assert.deepEqual(cli(app.db, { action: 'list_departments' })[0], departments);
  });
});

describe('recovery screen', () => {
  const test = withApp({
    language: 'zh-CN',
    ready: 'recovery',
    // Today's automatic backup of the demo database, then the database overwritten with something that is not SQLite.
    prepare: (db) => {
      execFileSync(CLI, ['--db', db, 'backup', '--auto'], { stdio: 'ignore' });
      fs.writeFileSync(db, GARBAGE);
    },
  });

  test('a file that is not a database shows the recovery screen with the path and the reason', async (app) => {
    const screen = await app.waitFor('recovery');
    assert.equal(await screen.getAttribute('data-problem'), 'not_a_database');
    assert.equal((await app.text('recovery-path')).trim(), app.db);
    const reason = await app.text('recovery-reason');
    assert.ok(reason.includes(zh('recovery:reason.not_a_database')), reason);
    assert.ok(reason.includes(zh('recovery:wayOut.not_a_database')), reason);
    await app.waitFor(`backup-row-${DAILY}`);
    assert.ok(!(await app.$('app-title').isExisting()), 'the app itself is not shown');
    assert.deepEqual(fs.readFileSync(app.db), GARBAGE, 'the file is left as it was');
  });

  test('restoring the backup opens the app on the demo data, and the damaged file is kept byte for byte', async (app) => {
    await restore(app, DAILY);
    await app.waitFor('app-title', 30_000);
    await app.waitForText('stage-counts', zh('stage.executing'));
    const [page] = cli(app.db, { action: 'get_register', payload: {} });
    assert.ok(page.rows.some((row) => row.number === 'XZ-2026-001'), 'the demo collaborations are back');
    const kept = fs.readdirSync(backupsOf(app.db)).filter((name) => name.startsWith('before-restore'));
    assert.equal(kept.length, 1, `one kept file: ${kept}`);
    assert.deepEqual(fs.readFileSync(path.join(backupsOf(app.db), kept[0])), GARBAGE, 'the damaged file was moved aside unchanged');
  });
});

describe('recovery screen, another folder', () => {
  const test = withApp({ language: 'zh-CN', ready: 'recovery', prepare: (db) => fs.writeFileSync(db, GARBAGE) });

  test('choosing another folder opens a new database there with the demo data, remembered for the next start', async (app) => {
    await app.click('recovery-choose-folder'); // the folder dialog answers app.files
    await app.waitFor('app-title', 30_000);
    const moved = path.join(app.files, 'xiezuo.db');
    assert.ok((await app.text('database-changed')).includes(moved));
    const [page] = cli(moved, { action: 'get_register', payload: {} });
    assert.ok(page.rows.some((row) => row.number === 'XZ-2026-001'), 'the new database has the demo data');
    const location = JSON.parse(fs.readFileSync(path.join(app.session.work, 'config/com.xiezuo.desk/database.json'), 'utf8'));
    assert.equal(location.folder, app.files);
    assert.deepEqual(fs.readFileSync(app.db), GARBAGE, 'the damaged file is left where it was');
  });
});
