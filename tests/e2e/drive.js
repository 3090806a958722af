// Driving helpers on top of harness.js for specs that fill in forms: clicks that wait until nothing
// covers their target, text fields cleared first, antd Selects and DatePickers driven by typing +
// Enter, submit buttons that wait for the engine's live check, dialogs and drawers opened and
// closed to the end of their motion; and the organisation a fresh database starts with.
import { until, cli } from './harness.js';

const byTestId = (testId) => `[data-testid="${testId}"]`;

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

  /** Replaces the text of an input or textarea: click, select all, delete, type. */
  async fill(testId, text) {
    const element = await this.whenClickable(testId);
    await element.click();
    await this.browser.keys(['Control', 'a']);
    await this.browser.keys('Backspace');
    await element.addValue(text);
    await this.frames(); // React has rendered what was typed before the next click reads it
  }

  /**
   * Like `app.settle()`, but not held up by antd's click "wave" (a 2 s fade that covers nothing):
   * nothing loading, no dialog, drawer or popup moving, then two animation frames.
   */
  async settle() {
    await until(async () => !(await this.browser.$('.ant-skeleton, .ant-spin-spinning').isExisting()), 10_000, 'loading to finish').catch(() => {});
    const moving = () =>
      this.browser.execute(
        () =>
          document
            .getAnimations()
            .filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity && !a.effect?.target?.closest?.('.ant-wave')).length,
      );
    // Quiet twice in a row: antd starts a dialog's motion a frame or two after it mounts.
    let quiet = 0;
    await until(async () => ((await moving()) === 0 ? ++quiet : (quiet = 0)) >= 2, 3_000, 'transitions to end').catch(() => {});
    await this.frames();
  }

  /** Scrolls the element with this testid into view and waits until a click on its middle would reach it (nothing moving over it). */
  async whenClickable(testId, timeout = 10_000) {
    const element = await this.app.waitFor(testId, timeout);
    await until(
      () =>
        this.browser.execute((s) => {
          const target = document.querySelector(s);
          let r = target.getBoundingClientRect();
          if (r.top < 0 || r.bottom > window.innerHeight || r.left < 0 || r.right > window.innerWidth) {
            target.scrollIntoView({ block: 'center', inline: 'center' });
            r = target.getBoundingClientRect();
          }
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return !!hit && (target.contains(hit) || hit.contains(target) || hit.closest('label')?.contains(target));
        }, byTestId(testId)),
      timeout,
      `${testId} to be clickable`,
    );
    return element;
  }

  /** Clicks the element with this testid once a click would reach it. */
  async click(testId) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await (await this.whenClickable(testId)).click();
      } catch (error) {
        // The refetch after a write may render the element anew between finding it and the click
        // (a person would simply click the new one): find it again, at most twice.
        if (attempt >= 3 || !/stale element/i.test(String(error?.message ?? error))) throw error;
      }
    }
  }

  /** Waits two animation frames: state set by the last event is rendered. */
  frames() {
    return this.browser.execute(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }

  /**
   * Chooses an option of an antd Select (testid on its outer div) by typing part of its label and
   * Enter. A multiple Select stays open after Enter: it is closed by moving the focus away. (Never
   * Escape: once the dropdown is gone, Escape closes the dialog around it.)
   */
  async choose(testId, text) {
    const select = await this.whenClickable(testId);
    await select.click();
    const input = this.browser.$(`${byTestId(testId)} input`);
    await input.waitForExist({ timeout: 5000 });
    await input.addValue(text);
    await this.waitForOption(text);
    await this.browser.keys('Enter');
    const multiple = (await select.getAttribute('class')).includes('ant-select-multiple');
    await this.closePopups('.ant-select-dropdown', { blurAtOnce: multiple });
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

  /** Types a date (`YYYY-MM-DD`, or `YYYY-MM-DD HH:mm`) into a DatePicker input and confirms with Enter. */
  async pickDate(testId, value) {
    const input = await this.whenClickable(testId);
    await input.click();
    await this.browser.keys(['Control', 'a']);
    await input.addValue(value);
    await this.browser.keys('Enter');
    await until(async () => (await input.getValue()) === value, 5000, `${testId} to read ${value}`);
    await this.closePopups('.ant-picker-dropdown');
  }

  /** Waits until no popup matching `selector` shows (they close themselves after Enter); else blurs the focused input. */
  async closePopups(selector, { blurAtOnce = false } = {}) {
    const open = () =>
      this.browser.execute(
        (s) =>
          [...document.querySelectorAll(s)].some((e) => !/-hidden\b/.test(e.className) && e.getBoundingClientRect().height > 0),
        selector,
      );
    const blur = () => this.browser.execute(() => document.activeElement?.blur());
    if (blurAtOnce) await blur();
    await until(async () => !(await open()), 1500, 'the popup to close').catch(async () => {
      await blur();
      await until(async () => !(await open()), 3000, `${selector} to close`);
    });
    await this.frames();
  }

  /** The request wizard's next step. */
  async next() {
    await this.click('request-next');
    await this.settle();
  }

  /** Clicks a button that opens a dialog or drawer, and waits until the content with `contentId` has finished appearing. */
  async open(buttonId, contentId) {
    await this.click(buttonId);
    await this.app.waitFor(contentId);
    await this.settle();
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
    await this.waitEnabled(testId, verdict);
    await this.click(testId);
    if (gone) await this.waitGone(gone);
  }

  /** Waits until nothing with this testid is displayed (a dialog or drawer closed) and its closing animation ended. */
  async waitGone(testId, timeout = 10_000) {
    await this.browser.$(byTestId(testId)).waitForDisplayed({ reverse: true, timeout, timeoutMsg: `${testId} still open after ${timeout} ms` });
    await this.settle();
  }

  /** Clicks the OK button (this testid) of a confirmation, and waits until the confirmation is gone. */
  async confirm(testId) {
    await this.click(testId);
    await this.waitGone(testId);
  }

  /** Ticks a checkbox whose testid sits on its (hidden) input, by clicking its label. */
  async check(testId) {
    await this.browser.$(byTestId(testId)).waitForExist({ timeout: 10_000, timeoutMsg: `${testId} not found` });
    await this.browser.execute((s) => document.querySelector(s).closest('label').click(), byTestId(testId));
    await until(() => this.browser.execute((s) => document.querySelector(s).checked, byTestId(testId)), 3000, `${testId} to be checked`);
  }

  /** Closes the drawer holding the element with this testid (its close button) and waits for it to go. */
  async closeDrawer(testId) {
    const clicked = await this.browser.execute((s) => {
      const close = document.querySelector(s)?.closest('.ant-drawer')?.querySelector('.ant-drawer-close');
      close?.click();
      return !!close;
    }, byTestId(testId));
    if (!clicked) throw new Error(`no close button on the drawer holding ${testId}`);
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
}
