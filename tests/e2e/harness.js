// Drives the real desktop window: Xvfb on a free display, a throw-away HOME and database prepared
// with the CLI, tauri-driver (which runs WebKitWebDriver, which runs the app), and a WebdriverIO
// session. `launch()` gives helpers that find elements by `data-testid`; `close()` ends every
// process it started, also when a test fails or the run is interrupted.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { test, before, after } from 'node:test';
import { remote } from 'webdriverio';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const WIDTH = 1280;
export const HEIGHT = 800;
/** X displays this suite may use (other tools on the machine use other numbers); XIEZUO_E2E_DISPLAYS=94,95 to change. */
const DISPLAYS = (process.env.XIEZUO_E2E_DISPLAYS ?? '90,91,92,93').split(',').map(Number);
const APP = path.resolve(process.env.XIEZUO_APP ?? path.join(ROOT, 'target/debug/xiezuo-desktop'));
export const CLI = path.resolve(process.env.XIEZUO_CLI ?? path.join(ROOT, 'target/debug/xiezuo'));
/** A demo person the tests act as, so the first-launch question (who am I?) does not appear. */
export const DEMO_ME = '王磊';

/** Every process started here, killed (whole process group) on close or on an abrupt exit. */
const running = new Set();
function killAll(signal) {
  for (const child of running) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
}
process.once('exit', () => killAll('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAll('SIGKILL');
    process.exit(130);
  });
}

/** Starts `command` in its own process group, logging to `log`. */
function start(command, args, { env, log }) {
  const out = fs.openSync(log, 'a');
  const child = spawn(command, args, { env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}

/** Ends a process group: TERM, then KILL after `graceMs`. */
async function stop(child, graceMs = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => killGroup(child), graceMs);
  await exited;
  clearTimeout(timer);
  killGroup(child); // children that outlived their parent (WebKit processes)
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // group already empty
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function until(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * Starts Xvfb on the first free display of DISPLAYS. With `-displayfd` the server writes its display
 * number once it accepts clients, and exits at once if the display is taken (then the next is tried).
 */
async function startXvfb(work) {
  for (const display of DISPLAYS) {
    const log = fs.openSync(path.join(work, 'xvfb.log'), 'a');
    const args = [`:${display}`, '-screen', '0', `${WIDTH}x${HEIGHT}x24`, '-nolisten', 'tcp', '-displayfd', '1'];
    const xvfb = spawn('Xvfb', args, { detached: true, stdio: ['ignore', 'pipe', log] });
    fs.closeSync(log);
    running.add(xvfb);
    xvfb.on('exit', () => running.delete(xvfb));
    let timer;
    let written = '';
    const ready = await new Promise((resolve) => {
      timer = setTimeout(() => resolve(false), 10_000);
      // The number and its newline come in two writes; closing the pipe early would kill the server.
      xvfb.stdout.on('data', (chunk) => (written += chunk).includes('\n') && resolve(true));
      xvfb.once('exit', () => resolve(false));
      xvfb.once('error', () => resolve(false));
    });
    clearTimeout(timer);
    if (ready) return { xvfb, display: `:${display}` };
    await stop(xvfb);
  }
  throw new Error(`no free X display among :${DISPLAYS.join(', :')}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function tauriDriverPath() {
  if (process.env.TAURI_DRIVER) return process.env.TAURI_DRIVER;
  const cargoBin = path.join(os.homedir(), '.cargo/bin/tauri-driver');
  return fs.existsSync(cargoBin) ? cargoBin : 'tauri-driver';
}

/** Runs JSON action lines through the CLI on `db`; throws on the first refusal. */
export function cli(db, ...actions) {
  const input = actions.map((a) => JSON.stringify(a)).join('\n') + '\n';
  const output = execFileSync(CLI, ['--db', db, 'exec'], { input, encoding: 'utf8' });
  const results = output.trim().split('\n').map((line) => JSON.parse(line));
  const refused = results.find((r) => !('ok' in r));
  if (refused) throw new Error(`CLI refused an action: ${JSON.stringify(refused)}`);
  return results.map((r) => r.ok);
}

/** A fresh database with the demo data, "me" and the language set. */
function prepareDatabase(db, { language, me, demo }) {
  if (demo) execFileSync(CLI, ['--db', db, 'demo'], { stdio: 'ignore' });
  else execFileSync(CLI, ['--db', db, 'init'], { stdio: 'ignore' });
  const actions = [{ action: 'set_preferences', payload: { language } }];
  if (me) actions.push({ action: 'set_me', payload: { person: me } });
  cli(db, ...actions);
}

/** The environment the app runs in: a private HOME and XDG folders, the test display and database. */
function appEnvironment(work, display, db) {
  const dirs = { HOME: 'home', XDG_DATA_HOME: 'data', XDG_CONFIG_HOME: 'config', XDG_CACHE_HOME: 'cache', XDG_RUNTIME_DIR: 'runtime' };
  const env = { ...process.env, DISPLAY: display, XIEZUO_DB: db, GDK_BACKEND: 'x11', NO_AT_BRIDGE: '1' };
  for (const [name, dir] of Object.entries(dirs)) {
    env[name] = path.join(work, dir);
    fs.mkdirSync(env[name], { recursive: true, mode: 0o700 });
  }
  // The app's file dialogs answer from this folder (see src-tauri/src/dialogs.rs): saves land
  // in it, a folder pick is it, and a file pick is the one file a test puts in its `pick/`.
  env.XIEZUO_TEST_DIALOG_DIR = path.join(work, 'files');
  fs.mkdirSync(path.join(env.XIEZUO_TEST_DIALOG_DIR, 'pick'), { recursive: true });
  delete env.WAYLAND_DISPLAY;
  // Without a session bus the single-instance plugin lets every app start: each test's app is its
  // own instance even on a desktop where another Xiezuo (or another test run) is open.
  delete env.DBUS_SESSION_BUS_ADDRESS;
  return env;
}

const byTestId = (testId) => `[data-testid="${testId}"]`;

/**
 * Opens the app on a fresh demo database and returns the session with helpers.
 * Options: `language` ('zh-CN' | 'en-US'), `me` (a demo person's name, or null to leave it unset
 * for onboarding tests), `demo` (false for an empty database). `db` opens an existing database
 * file as it is instead (nothing prepared, the file kept after `close()`), e.g. the 100k benchmark's.
 * `prepare(db)` runs after the database is prepared and before the app starts (e.g. to damage it);
 * `ready` is the test id the first screen shows (default `app-title`; `recovery` for a damaged database).
 */
export async function launch({ language = 'zh-CN', me = DEMO_ME, demo = true, db: existing, prepare, ready = 'app-title' } = {}) {
  for (const file of [APP, CLI]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing; run tests/e2e/run.sh (it builds the app and the CLI)`);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xiezuo-e2e-'));
  const db = existing ? path.resolve(existing) : path.join(work, 'xiezuo.db');
  const session = { work, db, processes: [], browser: null };
  try {
    if (!existing) prepareDatabase(db, { language, me, demo });
    prepare?.(db);
    const { xvfb, display } = await startXvfb(work);
    session.processes.push(xvfb);
    const [port, nativePort] = [await freePort(), await freePort()];
    const driver = start(tauriDriverPath(), ['--port', String(port), '--native-port', String(nativePort)], {
      env: appEnvironment(work, display, db),
      log: path.join(work, 'tauri-driver.log'),
    });
    session.processes.push(driver);
    await until(async () => {
      if (driver.exitCode !== null) throw new Error(`tauri-driver exited (${driver.exitCode}); log: ${readLog(work, 'tauri-driver.log')}`);
      return (await fetch(`http://127.0.0.1:${port}/status`)).ok;
    }, 20_000, 'tauri-driver /status');
    session.browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      connectionRetryCount: 0,
      connectionRetryTimeout: 60_000,
      capabilities: { 'tauri:options': { application: APP }, 'wdio:enforceWebDriverClassic': true },
    });
    const app = new App(session);
    await app.ready(ready);
    return app;
  } catch (error) {
    error.message += `\n--- tauri-driver log (app output) ---\n${readLog(work, 'tauri-driver.log')}`;
    await closeSession(session);
    throw error;
  }
}

function readLog(work, name) {
  try {
    return fs.readFileSync(path.join(work, name), 'utf8').slice(-2000);
  } catch {
    return '(no log)';
  }
}

async function closeSession(session) {
  if (session.browser) {
    await Promise.race([session.browser.deleteSession().catch(() => {}), sleep(5000)]);
  }
  for (const child of session.processes.reverse()) await stop(child);
  if (process.env.XIEZUO_E2E_KEEP) console.log(`kept ${session.work}`);
  else fs.rmSync(session.work, { recursive: true, force: true });
}

/** The running app: element helpers by `data-testid`, navigation, screenshots. */
class App {
  constructor(session) {
    this.session = session;
    this.browser = session.browser;
    this.db = session.db;
    /** Where the app's file dialogs save, and (in `pick/`) what they open. */
    this.files = path.join(session.work, 'files');
  }

  /** Waits for the first render, the element `testId` (the language is loaded from the database before it). */
  async ready(testId = 'app-title') {
    await this.waitFor(testId, 30_000);
    try {
      await this.browser.setWindowSize(WIDTH, HEIGHT);
    } catch {
      // WebKitWebDriver may refuse; tauri.conf.json opens the window at 1280×800 anyway.
    }
  }

  /** The element with this `data-testid` (not waited for). */
  $(testId) {
    return this.browser.$(byTestId(testId));
  }

  /** Waits until the element with this `data-testid` is displayed, and returns it. */
  async waitFor(testId, timeout = 15_000) {
    const element = this.$(testId);
    await element.waitForDisplayed({ timeout, timeoutMsg: `[data-testid="${testId}"] not displayed after ${timeout} ms` });
    return element;
  }

  /** Waits until no element with this `data-testid` is displayed (a modal or drawer closed). */
  async waitForGone(testId, timeout = 15_000) {
    await this.$(testId).waitForDisplayed({ timeout, reverse: true, timeoutMsg: `[data-testid="${testId}"] still displayed after ${timeout} ms` });
  }

  /** Waits until a CSS selector matches a displayed element, and returns it. */
  async waitForSelector(selector, timeout = 15_000) {
    const element = this.browser.$(selector);
    await element.waitForDisplayed({ timeout, timeoutMsg: `${selector} not displayed after ${timeout} ms` });
    return element;
  }

  async click(testId) {
    await (await this.waitFor(testId)).click();
  }

  /**
   * Types into an input, replacing what it holds the way a person would (select all, delete, type:
   * WebDriver's clear is undone by React). On a wrapper (an antd Select's root) it types into the
   * input inside. `enter` presses Enter afterwards (picks the Select option, confirms a DatePicker).
   */
  async type(testId, text, { enter = false } = {}) {
    const element = await this.waitFor(testId);
    await element.click();
    const editable = ['input', 'textarea'].includes(await element.getTagName());
    const input = editable ? element : element.$('input, textarea');
    await this.browser.keys(['Control', 'a']);
    await this.browser.keys('Backspace');
    await input.addValue(text);
    if (enter) await this.browser.keys('Enter');
  }

  /** The element's rendered text (`innerText`: WebKitWebDriver's getText drops line breaks). */
  async text(testId) {
    await this.waitFor(testId);
    return this.textOf(byTestId(testId));
  }

  /** The rendered text of the first element matching a CSS selector ('' if none). */
  textOf(selector) {
    return this.browser.execute((s) => document.querySelector(s)?.innerText ?? '', selector);
  }

  /** Waits until the element's text contains `expected`. */
  async waitForText(testId, expected, timeout = 15_000) {
    let last = '';
    await until(async () => (last = await this.text(testId)).includes(expected), timeout, `"${expected}" in [data-testid="${testId}"]`).catch(
      (error) => {
        throw new Error(`${error.message}; text was: ${last.slice(0, 500)}`);
      },
    );
  }

  /** All visible text of the window. */
  pageText() {
    return this.browser.execute(() => document.body.innerText);
  }

  /** Opens a page from the side menu: 'dashboard', 'register', 'new-request' or 'settings'. */
  async goTo(page) {
    await (await this.waitForSelector(`${byTestId('nav')} li[data-menu-id$="-${page}"]`)).click();
  }

  /** Opens a collaboration from the register by its number (e.g. XZ-2026-001). */
  async openCollaboration(number, tab) {
    await this.goTo('register');
    const register = await this.waitFor('register');
    const link = register.$(`a=${number}`);
    await link.waitForDisplayed({ timeout: 15_000 });
    await link.click();
    await this.waitForText('collaboration-title', number);
    if (tab) await this.openTab(tab);
  }

  /** Switches the collaboration page to a tab by its key ('tasks', 'meetings', …). */
  async openTab(key) {
    const selector = `${byTestId('collaboration-tabs')} [data-node-key="${key}"]`;
    const tab = this.browser.$(selector);
    await tab.waitForExist({ timeout: 15_000, timeoutMsg: `no tab ${key}` });
    // A tab in the overflow menu (narrow window) is not displayed: click it the way its menu would.
    if (await tab.isDisplayed()) await tab.click();
    else await this.browser.execute((s) => document.querySelector(`${s} .ant-tabs-tab-btn`).click(), selector);
    await until(async () => (await this.browser.$(`${selector}.ant-tabs-tab-active`).isExisting()), 10_000, `tab ${key} active`);
  }

  /** Clicks the option shown as `label` of the Segmented control with this `data-testid`. */
  async choose(testId, label) {
    await (await this.waitForSelector(`${byTestId(testId)} .ant-segmented-item-label[title="${label}"]`)).click();
  }

  /** Chooses the language in the header switch ('zh-CN' or 'en-US'). */
  async setLanguage(language) {
    await this.choose('language', { 'zh-CN': '中文', 'en-US': 'English' }[language]);
    await until(async () => (await this.browser.execute(() => document.documentElement.lang)) === language, 10_000, `language ${language}`);
  }

  /** Waits until the page has settled: nothing loading, no transition running (drawers, tabs), two animation frames. */
  async settle() {
    await until(async () => !(await this.browser.$('.ant-skeleton, .ant-spin-spinning').isExisting()), 10_000, 'loading to finish').catch(() => {});
    const moving = () => this.browser.execute(() => document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity).length);
    await until(async () => (await moving()) === 0, 3_000, 'transitions to end').catch(() => {});
    await this.browser.execute(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }

  /** Saves a PNG of the window after the page settles. */
  async screenshot(file) {
    await this.settle();
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await this.browser.saveScreenshot(file);
  }

  /** The inner size of the window, e.g. to check 1280×800. */
  viewport() {
    return this.browser.execute(() => ({ width: window.innerWidth, height: window.innerHeight }));
  }

  /** Ends the session and every process; removes the temp folder (kept if XIEZUO_E2E_KEEP is set). */
  close() {
    return closeSession(this.session);
  }
}

/** Where a failing test leaves its screenshot: $XIEZUO_E2E_ARTIFACTS or a folder under the temp dir. */
const ARTIFACTS = path.resolve(process.env.XIEZUO_E2E_ARTIFACTS ?? path.join(os.tmpdir(), 'xiezuo-e2e-artifacts'));

/**
 * One app per spec file: launched before the file's first test, closed after its last. Returns
 * `test(name, fn)` where `fn(app)` runs against the window; a failing test saves a screenshot.
 */
export function withApp(options) {
  let app;
  before(async () => {
    app = await launch(options);
  });
  after(async () => {
    await app?.close();
  });
  return (name, fn) =>
    test(name, async () => {
      try {
        await fn(app);
      } catch (error) {
        if (app) {
          const file = path.join(ARTIFACTS, `${name.replace(/[^\w-]+/g, '-')}.png`);
          await app.screenshot(file).then(() => console.error(`screenshot of the failure: ${file}`), () => {});
        }
        throw error;
      }
    });
}
