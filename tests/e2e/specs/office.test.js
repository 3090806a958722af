// Office interop through the desktop window, one step per button, on the demo data: the register
// to Excel and back (no duplicates), a broken spreadsheet refused, the progress table to Excel,
// calendar files (milestones, a meeting invite), email drafts (request, agenda, minutes, letter),
// scanned signatures (a stale paper, a paper without a QR code, a current paper recorded), the
// archive package (archive, refusal to overwrite, export again) and its verification in settings.
//
// The app's file dialogs answer from `app.files` (src-tauri/src/dialogs.rs): a save lands in
// `app.files/<suggested name>`, a folder pick is `app.files`, a file pick is the one file in
// `app.files/pick/`. Email drafts are written to the app's cache folder (XDG_CACHE_HOME of the
// session) instead of being opened in a mail program.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { withApp, cli, until, ROOT } from '../harness.js';
import { text } from '../locales.js';
import { Driver } from '../drive.js';

const appTest = withApp({ language: 'zh-CN' });
const zh = (key) => text('zh-CN', key);
/** The fixed part of a translation, before its first placeholder. */
const lead = (key) => zh(key).split('{{')[0];
const CLI = path.resolve(process.env.XIEZUO_CLI ?? path.join(ROOT, 'target/debug/xiezuo'));

const EXECUTING = 'XZ-2026-001'; // kickoff minutes issued, tasks under way
const FINISHING = 'XZ-2026-002'; // brought to "completed" through the CLI for the letter and the archive
const MEETING = '新产品上市推广启动会';
const WITH_EMAIL = { 李娜: 'lina@example.com', 王磊: 'wanglei@example.com' };
const WITHOUT_EMAIL = '赵强'; // 销售部's contact on XZ-2026-001

let d; // the Driver of the shared window
let exportedRegister = null; // the register .xlsx written by the first test
let packageName = null; // the archive package folder written by the archive test

function test(name, fn) {
  appTest(name, async (app) => {
    d ??= new Driver(app);
    await fn(app);
  });
}

/** Runs one step of a test; a failure says which step. */
async function step(name, fn) {
  try {
    return await fn();
  } catch (error) {
    error.message = `step "${name}": ${error.message}`;
    throw error;
  }
}

const dossier = (app, number) => cli(app.db, { action: 'get_collaboration', payload: { collaboration: number } })[0];
const pickFolder = (app) => path.join(app.files, 'pick');

/** Empties `pick/` and puts one file there (bytes, or a copy of `from`) for the next file dialog. */
function putPick(app, name, { bytes, from }) {
  fs.rmSync(pickFolder(app), { recursive: true, force: true });
  fs.mkdirSync(pickFolder(app), { recursive: true });
  const target = path.join(pickFolder(app), name);
  if (from) fs.copyFileSync(from, target);
  else fs.writeFileSync(target, bytes);
  return target;
}

/** Clicks a save button and waits until the app says it saved `name` into `app.files`; answers the file's path. */
async function saveVia(app, testId, name) {
  const file = path.join(app.files, name);
  fs.rmSync(file, { force: true });
  await d.click(testId);
  await app.waitForText('office-saved', name, 30_000);
  assert.ok(fs.existsSync(file), `${file} was written`);
  return file;
}

/** A calendar file's text with folded lines joined (RFC 5545 folds lines longer than 75 octets). */
const unfolded = (file) => fs.readFileSync(file, 'utf8').replace(/\r?\n[ \t]/g, '');

/** Every .eml the app has written to its cache folder. */
function drafts(app) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.eml') && !entry.name.startsWith('.')) found.push(full);
    }
  };
  walk(path.join(app.session.work, 'cache'));
  return found;
}

/**
 * Clicks an email-draft button and waits for the draft it writes; answers the draft's text. Each
 * click writes a new draft (or rewrites the same name), so the newest file is taken.
 */
async function draftVia(app, testId) {
  const before = new Map(drafts(app).map((f) => [f, fs.statSync(f).mtimeMs]));
  await d.click(testId);
  const file = await until(async () => drafts(app).find((f) => before.get(f) !== fs.statSync(f).mtimeMs), 30_000, `an email draft from ${testId}`);
  await app.waitForText('email-draft', lead('office:email.opened').slice(0, 8), 10_000);
  const eml = fs.readFileSync(file, 'utf8');
  assert.match(eml, /^Subject:/im, 'the draft has a subject');
  assert.match(eml, /application\/pdf/i, 'the document is attached as PDF');
  return eml;
}

/** A white greyscale PNG without any code on it (a scan whose QR code cannot be read). */
function blankPng(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth; colour type 0 (grey), no interlace
  const rows = Buffer.alloc((width + 1) * height, 0xff);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter "none" on each row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Prints a collaboration's minutes of `meeting` with the CLI (the print is recorded) and rasterises page 1 to a PNG, as a scanner would. */
function scannedMinutes(app, meeting, name) {
  const pdf = path.join(app.session.work, `${name}.pdf`);
  execFileSync(CLI, ['--db', app.db, 'print', 'minutes', EXECUTING, '--record', meeting, '-o', pdf], { stdio: 'ignore' });
  const prefix = path.join(app.session.work, name);
  execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', '-f', '1', '-l', '1', pdf, prefix]);
  return `${prefix}.png`;
}

/** A `data-*` attribute of the element with this testid, read without waiting for it to be displayed (a dialog's root). */
const dataOf = (app, testId, name) => app.browser.execute((s, n) => document.querySelector(s)?.dataset[n] ?? null, `[data-testid="${testId}"]`, name);

/** The state of a checkbox whose testid sits on its (visually hidden) input. */
async function checkbox(app, testId) {
  await app.$(testId).waitForExist({ timeout: 10_000, timeoutMsg: `${testId} not found` });
  return app.browser.execute((s) => {
    const input = document.querySelector(s);
    return { checked: input.checked, disabled: input.disabled };
  }, `[data-testid="${testId}"]`);
}

/** Imports the scan in `pick/` from the signatures tab and waits for its dialog (reading a scan takes a moment). */
async function openScan(app) {
  await d.click('scan-import');
  await app.waitFor('scan-confirm', 60_000);
  await d.settle();
}

/** Reloads the window after the CLI changed the database (the window hears only its own writes). */
async function reload(app) {
  await app.browser.refresh();
  await app.waitFor('app-title', 30_000);
}

/** Today as the window's date pickers show it (this machine's local date). */
function localToday() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

test('the register exports to Excel', async (app) => {
  const [register] = cli(app.db, { action: 'get_register', payload: {} });
  assert.ok(register.rows.length >= 2, 'the demo register has rows');
  await app.goTo('register');
  await app.waitFor('register');
  const file = await saveVia(app, 'register-export-xlsx', `${zh('office:xlsx.registerFile')} ${localToday()}.xlsx`);
  assert.equal(fs.readFileSync(file).subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx is a zip file');
  exportedRegister = file;
});

test('the exported register imports back without duplicates', async (app) => {
  assert.ok(exportedRegister, 'needs the register exported by the first test');
  const before = cli(app.db, { action: 'get_register', payload: {} })[0].rows.length;
  await step('preview: every row already on record, no problem', async () => {
    putPick(app, 'register.xlsx', { from: exportedRegister });
    await d.click('register-import-xlsx');
    await app.waitFor('import-counts', 30_000);
    await d.settle();
    const count = async (name) => Number(await dataOf(app, 'import-preview', name));
    assert.equal(await count('problems'), 0, await app.text('import-preview'));
    assert.equal(await count('created'), 0, 'nothing new');
    assert.ok((await count('rows')) > 0, 'the sheet has rows');
    assert.equal(await count('unchanged'), await count('rows'), 'every row matches a record');
    assert.equal(await d.exists('import-problems'), false);
    assert.ok((await app.text('import-preview')).includes('register.xlsx'), 'the preview names the file');
  });
  await step('apply: nothing is duplicated', async () => {
    await d.waitEnabled('import-apply');
    await d.click('import-apply');
    await app.waitForText('import-done', lead('office:import.done'), 30_000);
    await d.waitGone('import-preview');
    assert.equal(cli(app.db, { action: 'get_register', payload: {} })[0].rows.length, before);
  });
});

test('a broken spreadsheet is refused with a reason and imports nothing', async (app) => {
  const before = cli(app.db, { action: 'get_register', payload: {} })[0].rows.length;
  putPick(app, 'bad.xlsx', { bytes: Buffer.from('this is not a spreadsheet, only some garbage bytes \u0000\u0001\u0002'.repeat(40)) });
  await app.goTo('register');
  await d.click('register-import-xlsx');
  await app.waitForText('office-error', zh('office:errors.unreadable_file'), 30_000);
  assert.equal(await d.exists('import-preview'), false, 'no preview for a broken file');
  assert.equal(cli(app.db, { action: 'get_register', payload: {} })[0].rows.length, before);
});

test('the tasks tab exports the progress table to Excel', async (app) => {
  await app.openCollaboration(EXECUTING, 'tasks');
  const file = await saveVia(app, 'tasks-export-xlsx', `${EXECUTING} ${zh('office:xlsx.tasksFile')}.xlsx`);
  assert.equal(fs.readFileSync(file).subarray(0, 2).toString('latin1'), 'PK');
});

test('the milestones and deadlines are saved as a calendar file', async (app) => {
  await app.openCollaboration(EXECUTING, 'overview');
  const file = await saveVia(app, 'collab-export-ics', `${EXECUTING} ${zh('office:ics.milestonesFile')}.ics`);
  const ics = unfolded(file);
  assert.ok(ics.startsWith('BEGIN:VCALENDAR'), ics.slice(0, 200));
  for (const milestone of dossier(app, EXECUTING).milestones) assert.ok(ics.includes(milestone.name), `milestone ${milestone.name} in the calendar`);
});

test('the request goes out as an email draft; people without an address are named', async (app) => {
  const [people] = cli(app.db, { action: 'list_people' });
  const updates = Object.entries(WITH_EMAIL).map(([name, email]) => ({ action: 'update_person', payload: { person: people.find((p) => p.name === name).id, email } }));
  cli(app.db, ...updates);
  await app.openCollaboration(EXECUTING, 'overview');
  const eml = await draftVia(app, 'request-email');
  assert.ok(eml.includes(WITH_EMAIL.李娜), '销售部\'s head is addressed');
  await app.waitForText('email-draft', WITH_EMAIL.李娜);
  await app.waitForText('email-missing', WITHOUT_EMAIL);
  // The messages sit over the tabs until they time out.
  await app.waitForGone('email-missing', 20_000);
  await app.waitForGone('email-draft', 20_000);
});

test('a meeting gets a calendar invite and email drafts of its agenda and minutes', async (app) => {
  await app.openCollaboration(EXECUTING, 'meetings');
  await app.waitFor(`meeting-row-${MEETING}`);
  await step('calendar invite', async () => {
    const ics = unfolded(await saveVia(app, `meeting-ics-${MEETING}`, `${MEETING}.ics`));
    assert.ok(ics.startsWith('BEGIN:VCALENDAR') && ics.includes('BEGIN:VEVENT'), ics.slice(0, 200));
    assert.ok(ics.includes(MEETING), 'the invite names the meeting');
  });
  await step('agenda', () => draftVia(app, `meeting-email-agenda-${MEETING}`));
  await step('minutes (issued)', () => draftVia(app, `meeting-email-minutes-${MEETING}`));
});

test('scanned signatures: a stale paper is flagged, a paper without a code is matched by hand, a current paper is recorded', async (app) => {
  const meeting = dossier(app, EXECUTING).meetings.find((m) => m.title === MEETING);
  const stalePng = await step('print revision 1, then issue revision 2 of the minutes (CLI)', async () => {
    const png = scannedMinutes(app, meeting.id, 'minutes-r1');
    cli(app.db, { action: 'issue_minutes', payload: { meeting: meeting.id } });
    await reload(app);
    await app.openCollaboration(EXECUTING, 'signatures');
    await app.waitFor('signature-doc-minutes-2');
    return png;
  });
  await step('a scan of revision 1 is stale; its heads have all signed', async () => {
    putPick(app, 'minutes-r1.png', { from: stalePng });
    await openScan(app);
    assert.equal(await dataOf(app, 'scan-modal', 'matched'), 'true', 'the QR code was read');
    await app.waitFor('scan-stale');
    assert.ok((await app.text('scan-document-found')).includes(EXECUTING));
    assert.equal(await app.$('scan-confirm').isEnabled(), false, 'nothing left to sign on revision 1');
    await d.click('scan-cancel');
    await d.waitGone('scan-modal');
  });
  await step('a scan without a QR code: the document is chosen by hand', async () => {
    putPick(app, 'photo.png', { bytes: blankPng(400, 300) });
    await openScan(app);
    await app.waitFor('scan-no-qr');
    assert.equal(await dataOf(app, 'scan-modal', 'matched'), 'false');
    await d.choose('scan-document', zh('signatures:document.request'));
    assert.deepEqual(await checkbox(app, 'scan-slot-市场部'), { checked: true, disabled: true }, 'signed already, not to be ticked again');
    assert.equal(await app.$('scan-confirm').isEnabled(), false);
    await d.click('scan-cancel');
    await d.waitGone('scan-modal');
  });
  await step('a scan of revision 2 records both heads', async () => {
    putPick(app, 'minutes-r2.png', { from: scannedMinutes(app, meeting.id, 'minutes-r2') });
    await openScan(app);
    await app.waitFor('scan-document-found');
    const found = await app.text('scan-document-found');
    assert.ok(found.includes(zh('signatures:document.minutes')) && found.includes(zh('office:scan.revisionN').replace('{{revision}}', '2')), found);
    assert.equal(await d.exists('scan-stale'), false);
    for (const department of ['市场部', '销售部']) {
      assert.deepEqual(await checkbox(app, `scan-slot-${department}`), { checked: true, disabled: false }, `${department} is ticked`);
    }
    const signedOn = await (await app.waitFor('scan-signed-on')).getValue();
    await d.click('scan-confirm');
    await d.waitGone('scan-modal');
    await app.waitForText('scan-done', lead('office:scan.done'));
    for (const department of ['市场部', '销售部']) {
      await app.waitForText(`signature-row-minutes-2-${department}`, zh('signatures:signedOn').replace('{{date}}', signedOn));
      assert.ok((await app.text(`signature-row-minutes-2-${department}`)).includes('minutes-r2.png'), 'the scan is linked');
    }
    const slots = dossier(app, EXECUTING).signatures.filter((s) => s.document_kind === 'minutes' && s.revision === 2);
    assert.equal(slots.length, 2);
    assert.ok(slots.every((s) => s.signed_on === signedOn && s.scan_attachment_id === slots[0].scan_attachment_id && s.scan_attachment_id));
  });
});

test('the completion letter goes out as an email draft', async (app) => {
  await step('bring the second demo collaboration to "completed" (CLI)', async () => {
    const department = dossier(app, FINISHING).collaboration.initiating_department;
    const [{ id }] = cli(app.db, {
      action: 'submit_deliverable',
      payload: { collaboration: FINISHING, department, title: '年度培训计划', self_check: [{ item: '计划完整', complete: true, quality_ok: true }] },
    });
    cli(
      app.db,
      { action: 'review_deliverable', payload: { deliverable: id, criteria: [{ name: '计划完整', target: '完整', measured: '完整', passed: true }], opinion: '通过' } },
      { action: 'issue_completion_letter', payload: { collaboration: FINISHING } },
    );
    assert.equal(dossier(app, FINISHING).stage, 'completed');
    await reload(app);
  });
  await app.openCollaboration(FINISHING, 'letter');
  await draftVia(app, 'letter-email');
});

test('archiving writes the package; it is never overwritten; an archived collaboration can export it again', async (app) => {
  const expected = `${FINISHING} ${dossier(app, FINISHING).collaboration.title}`;
  const target = path.join(app.files, expected);
  await step('archive and export the package', async () => {
    await app.openCollaboration(FINISHING);
    await d.open('stage-archive', 'archive-confirm');
    assert.ok((await app.textOf('.ant-modal-confirm')).includes(lead('stageActions:archiveContent').slice(0, 6)), 'the confirmation explains the package');
    await d.confirm('archive-confirm');
    await app.waitFor('archive-result', 120_000);
    assert.ok(Number(await d.attr('archive-result', 'data-files')) >= 5, 'documents, records, change log, README');
    assert.ok((await app.text('archive-result-path')).includes(target), 'the result names the package folder');
    assert.ok(fs.existsSync(path.join(target, 'manifest.json')), 'the manifest is written');
    await d.click('archive-result-ok');
    await d.waitGone('archive-result');
    await d.waitStage('archived');
    assert.equal(dossier(app, FINISHING).stage, 'archived');
  });
  await step('read-only: exports remain, scans cannot be recorded', async () => {
    await app.waitFor('stage-reopen');
    await app.openTab('signatures');
    await d.settle();
    assert.equal(await d.exists('scan-import'), false);
    await app.openTab('letter');
    await app.waitFor('letter-email');
    await app.openTab('overview');
    await app.waitFor('collab-export-ics');
    await app.waitFor('request-email');
  });
  await step('exporting again into the same folder is refused', async () => {
    await d.click('archive-export');
    await app.waitForText('office-error', zh('office:errors.already_exists'), 60_000);
  });
  await step('with the first package moved away, the package is written again', async () => {
    fs.renameSync(target, path.join(app.session.work, 'first-package'));
    const history = cli(app.db, { action: 'get_history', payload: { collaboration: FINISHING } })[0].length;
    await d.click('archive-export');
    await app.waitFor('archive-result', 120_000);
    assert.ok(fs.existsSync(path.join(target, 'manifest.json')));
    await d.click('archive-result-ok');
    await d.waitGone('archive-result');
    assert.equal(cli(app.db, { action: 'get_history', payload: { collaboration: FINISHING } })[0].length, history, 'no record changed');
    packageName = expected;
  });
});

test('settings verify the archive package, and name a changed file', async (app) => {
  assert.ok(packageName, 'needs the package written by the archive test');
  // A folder pick answers `app.files` itself: make the package that folder.
  const aside = path.join(app.session.work, 'files-before-verify');
  fs.renameSync(app.files, aside);
  fs.renameSync(path.join(aside, packageName), app.files);
  await app.goTo('settings');
  await (await app.waitForSelector('[data-testid="settings-tabs"] [data-node-key="data"]')).click();
  await step('an untouched package matches its manifest', async () => {
    await d.click('archive-verify');
    await d.waitAttr('archive-verify-result', 'data-state', 'ok', 30_000);
    assert.ok((await app.text('archive-verify-result')).includes(FINISHING));
  });
  await step('a changed byte is found', async () => {
    fs.appendFileSync(path.join(app.files, 'records.json'), ' ');
    await d.click('archive-verify');
    await d.waitAttr('archive-verify-result', 'data-state', 'mismatch', 30_000);
    assert.ok((await app.text('archive-verify-result')).includes('records.json'));
  });
});
