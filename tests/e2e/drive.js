// Driving helpers for the process spec, on top of harness.js: antd Selects and DatePickers, text
// fields that are cleared first, buttons that wait for the engine's live check, modal closing,
// and the organisation a fresh database starts with.
import { until, cli } from './harness.js';

const byTestId = (testId) => `[data-testid="${testId}"]`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The organisation of the fresh database: four departments, each with a head and a contact. */
export const ORG = {
  市场部: { head: '林海', contact: '周敏', others: ['何琳'] },
  销售部: { head: '高远', contact: '陈静', others: [] },
  研发部: { head: '郑凯', contact: '赵磊', others: ['钱进'] },
  测试部: { head: '孙丽', contact: '吴涛', others: [] },
};
/** Who the app acts as: the initiating department's contact. */
export const ME = '周敏';

/** Fills an empty database with ORG and sets "me", through the CLI. */
export function prepareOrganisation(db) {
  const departments = Object.entries(ORG);
  cli(
    db,
    ...departments.map(([name]) => ({ action: 'add_department', payload: { name } })),
    ...departments.flatMap(([department, d]) =>
      [d.head, d.contact, ...d.others].map((name) => ({ action: 'add_person', payload: { name, department } })),
    ),
    ...departments.map(([department, d]) => ({ action: 'update_department', payload: { department, head: d.head, default_contact: d.contact } })),
    { action: 'set_me', payload: { person: ME } },
  );
}

/** `YYYY-MM-DD` of today plus `days` in China time, as the engine counts days. */
export function day(days = 0) {
  const china = new Date(Date.now() + 8 * 3600_000 + days * 86400_000);
  return china.toISOString().slice(0, 10);
}

/** Extra helpers bound to one app session. */
export class Driver {
  constructor(app) {
    this.app = app;
    this.browser = app.browser;
  }

  /** Replaces the text of an input or textarea: click, select all, type. */
  async fill(testId, text) {
    const element = await this.app.waitFor(testId);
    await element.click();
    await this.browser.keys(['Control', 'a']);
    await this.browser.keys('Backspace');
    await element.addValue(text);
  }

  /** Chooses an option of an antd Select (testid on its outer div) by typing part of its label and Enter. */
  async choose(testId, text) {
    const select = await this.app.waitFor(testId);
    await select.click();
    const input = this.browser.$(`${byTestId(testId)} input`);
    await input.waitForExist({ timeout: 5000 });
    await input.addValue(text);
    await this.waitForOption(text);
    await this.browser.keys('Enter');
    await this.closeDropdowns();
  }

  /** Waits until an open dropdown offers an option whose label contains `text`. */
  async waitForOption(text) {
    await until(
      () =>
        this.browser.execute(
          (t) =>
            [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].some((o) =>
              o.textContent.includes(t),
            ),
          text,
        ),
      5000,
      `an option "${text}"`,
    );
  }

  /** Closes an open Select dropdown (Escape) if one is still open. */
  async closeDropdowns() {
    const open = () => this.browser.execute(() => !!document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'));
    if (await open()) {
      await this.browser.keys('Escape');
      await until(async () => !(await open()), 3000, 'the dropdown to close').catch(() => {});
    }
  }

  /** Types a date (`YYYY-MM-DD`, or `YYYY-MM-DD HH:mm`) into a DatePicker input and confirms with Enter. */
  async pickDate(testId, value) {
    const input = await this.app.waitFor(testId);
    await input.click();
    await this.browser.keys(['Control', 'a']);
    await input.addValue(value);
    await this.browser.keys('Enter');
    await until(async () => (await input.getValue()) === value, 5000, `${testId} to read ${value}`);
    await this.closePickers();
  }

  async closePickers() {
    const open = () => this.browser.execute(() => !!document.querySelector('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)'));
    if (await open()) {
      await this.browser.keys('Escape');
      await until(async () => !(await open()), 3000, 'the date picker to close').catch(() => {});
    }
  }

  /** Waits until a button is enabled (the engine's live check passed); reports the verdict if it never is. */
  async waitEnabled(testId, verdictId, timeout = 10_000) {
    const button = await this.app.waitFor(testId);
    await until(async () => button.isEnabled(), timeout, `${testId} to be enabled`).catch(async (error) => {
      const verdict = verdictId ? await this.app.textOf(byTestId(verdictId)) : '';
      throw new Error(`${error.message}${verdict ? `; the engine says: ${verdict}` : ''}`);
    });
    return button;
  }

  /** Clicks a submit button once enabled, then waits for its dialog (if `gone` is given) to close. */
  async submit(testId, { verdict, gone } = {}) {
    const button = await this.waitEnabled(testId, verdict);
    await button.click();
    if (gone) await this.waitGone(gone);
  }

  /** Waits until nothing with this testid is displayed (a modal or drawer closed), then lets the page settle. */
  async waitGone(testId, timeout = 10_000) {
    await this.browser.$(byTestId(testId)).waitForDisplayed({ reverse: true, timeout, timeoutMsg: `${testId} still open after ${timeout} ms` });
    await until(async () => !(await this.browser.$('.ant-modal-wrap:not([style*="display: none"]) .ant-modal, .ant-drawer-open').isDisplayed().catch(() => false)), timeout, 'dialogs to close').catch(() => {});
    await this.app.settle();
  }

  /** Clicks the button with this testid inside the currently open popconfirm/confirm (e.g. `${x}-confirm`). */
  async confirm(testId) {
    await this.app.click(testId);
    await this.app.settle();
  }

  /** Clicks an element by testid even if covered or off-screen (tab panes, table rows). */
  async clickHard(testId) {
    await this.browser.$(byTestId(testId)).waitForExist({ timeout: 10_000, timeoutMsg: `${testId} not found` });
    await this.browser.execute((s) => document.querySelector(s).click(), byTestId(testId));
  }

  /** Ticks a checkbox whose testid sits on its (hidden) input, by clicking its label. */
  async check(testId) {
    await this.browser.$(byTestId(testId)).waitForExist({ timeout: 10_000, timeoutMsg: `${testId} not found` });
    await this.browser.execute((s) => document.querySelector(s).closest('label').click(), byTestId(testId));
    await until(() => this.browser.execute((s) => document.querySelector(s).checked, byTestId(testId)), 3000, `${testId} to be checked`);
  }

  /** Closes the drawer holding the element with this testid (its close button) and waits for it to go. */
  async closeDrawer(testId) {
    await this.browser.execute((s) => document.querySelector(s).closest('.ant-drawer-content')?.querySelector('.ant-drawer-close')?.click(), byTestId(testId));
    await this.waitGone(testId);
  }

  /** Waits until `check` holds. */
  waitFor(check, what, timeout = 10_000) {
    return until(check, timeout, what);
  }

  /** Waits until an attribute of the element with this testid has this value. */
  async waitAttr(testId, name, value, timeout = 10_000) {
    let last = null;
    await until(async () => (last = await this.attr(testId, name)) === value, timeout, `${name}="${value}" on ${testId}`).catch((error) => {
      throw new Error(`${error.message}; it is "${last}"`);
    });
  }

  /** The page's stage (`data-stage` on the collaboration page). */
  async stage() {
    return (await this.app.waitFor('collaboration')).getAttribute('data-stage');
  }

  /** Waits until the collaboration page shows this stage. */
  async waitStage(stage, timeout = 10_000) {
    let last = '';
    await until(async () => (last = await this.stage()) === stage, timeout, `stage ${stage}`).catch((error) => {
      throw new Error(`${error.message}; stage is ${last}`);
    });
  }

  /** An attribute of the element with this testid. */
  async attr(testId, name) {
    return (await this.app.waitFor(testId)).getAttribute(name);
  }

  /** Whether any element with this testid exists in the page. */
  exists(testId) {
    return this.browser.$(byTestId(testId)).isExisting();
  }

  sleep(ms) {
    return sleep(ms);
  }
}
