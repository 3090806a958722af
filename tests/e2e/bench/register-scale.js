// The register at company scale, measured in the real window (WebKitWebDriver under Xvfb): does it
// stay responsive on a database with 100k collaborations? Not a test (it asserts no target and is
// not under specs/, so the e2e run never picks it up); scripts/bench-register.sh builds the app,
// seeds the database with the engine benchmark and runs it. See BENCHMARKS.md.
//
//   node tests/e2e/bench/register-scale.js --db PATH [--starts 10] [--runs 10] [--out FILE]
//
// Measures, with times taken inside the page (performance.now, requestAnimationFrame):
// - start-up: the app's own time from process start to a dashboard showing data (the same report
//   as scripts/bench-desktop.sh), once per start (`--starts`);
// - first rows, cold: after each start, from clicking the register in the side menu until its
//   first row is in the DOM, and painted (two frames later);
// - first rows, warm: the same after going to the dashboard and back (`--runs` times; the window
//   keeps the last answer for 30 s, so this is the render of rows it already holds);
// - where the cold time goes: the register's own request as the window sends it (click → answer
//   arrives → its JSON read → rows rendered), the engine alone (the CLI answering the same query,
//   less its own start) and the page invoking the query itself (engine + IPC + parse);
// - scrolling: 200 wheel steps of 200 px, one per frame, then jumps to the middle, the end and
//   back, recording every frame interval; checks the last collaboration's row is reached;
// - memory of the app and its WebKit processes before and after the register is opened;
// - before all that, today's automatic backup (the app's first start of a day copies the database).
// Writes a table to stdout and everything as JSON to `--out`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CLI, ROOT, cli, launch, until } from '../harness.js';

const { values: options } = parseArgs({
  options: {
    db: { type: 'string' },
    starts: { type: 'string', default: '10' },
    runs: { type: 'string', default: '10' },
    out: { type: 'string', default: path.join(ROOT, 'target/bench-register.json') },
  },
});
if (!options.db || !fs.existsSync(options.db)) {
  console.error('usage: register-scale.js --db PATH (an existing database, e.g. the engine benchmark\'s) [--starts N] [--runs N] [--out FILE]');
  process.exit(2);
}
const db = path.resolve(options.db);
const starts = Number(options.starts);
const runs = Number(options.runs);

const ROW = '[data-testid="register"] [data-row-key]';
const HOLDER = '[data-testid="register"] .ant-table-tbody-virtual-holder';
/** Every row, in the order the register shows it (the engine's default: by number). */
const ALL_ROWS = { sort: 'number', descending: false, offset: 0, limit: 0 };
const FIRST_PAGE = { ...ALL_ROWS, limit: 50 };

// ---------------------------------------------------------------------------------------------
// Figures

function quantile(sorted, q) {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/** Median, p95 (nearest rank), min and max of `samples`, rounded to 0.1. */
function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (v) => (v === null ? null : Math.round(v * 10) / 10);
  return { n: sorted.length, median: round(quantile(sorted, 0.5)), p95: round(quantile(sorted, 0.95)), min: round(sorted[0] ?? null), max: round(sorted.at(-1) ?? null) };
}

// ---------------------------------------------------------------------------------------------
// The database and the engine alone

/** "Me" and the language set, so the window opens on the dashboard without the first-launch question. */
function prepare() {
  const [me] = cli(db, { action: 'get_me' });
  if (!me) {
    const [people] = cli(db, { action: 'list_people' });
    cli(db, { action: 'set_me', payload: { person: people[0].id } });
  }
  cli(db, { action: 'set_preferences', payload: { language: 'zh-CN' } });
  const [last] = cli(db, { action: 'get_register', payload: { ...ALL_ROWS, descending: true, limit: 1 } });
  return { total: last.total, lastNumber: last.rows[0]?.number };
}

/**
 * Today's automatic backup, made the way the desktop app makes it at its first start of a day
 * (a full copy, before the window opens), timed here so that the app starts below do not include
 * it (and do not run into the driver's time limits on a large database).
 */
function dailyBackup() {
  const started = process.hrtime.bigint();
  const run = spawnSync(CLI, ['--db', db, 'backup', '--auto'], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) return { error: (run.stderr || run.stdout).trim() };
  return { made: !run.stdout.includes('already'), ms: Math.round(ms), output: run.stdout.trim() };
}

/** Wall time of one CLI run of `action` (answer written to a file); its size in bytes. */
function timeCli(action) {
  const answer = path.join(os.tmpdir(), `xiezuo-bench-register-${process.pid}.json`);
  const out = fs.openSync(answer, 'w');
  const started = process.hrtime.bigint();
  const run = spawnSync(CLI, ['--db', db, 'exec'], { input: JSON.stringify(action) + '\n', stdio: ['pipe', out, 'inherit'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  fs.closeSync(out);
  const bytes = fs.statSync(answer).size;
  fs.rmSync(answer);
  if (run.status !== 0) throw new Error(`the CLI failed on ${action.action} (exit ${run.status})`);
  return { ms, bytes };
}

/** The engine's share: the full register through the CLI, less the CLI's start (a trivial read). */
function engineTimes(repeats = 3) {
  const full = [];
  const page = [];
  const baseline = [];
  let bytes = 0;
  for (let i = 0; i < repeats; i++) {
    baseline.push(timeCli({ action: 'get_me' }).ms);
    page.push(timeCli({ action: 'get_register', payload: FIRST_PAGE }).ms);
    const answer = timeCli({ action: 'get_register', payload: ALL_ROWS });
    full.push(answer.ms);
    bytes = answer.bytes;
  }
  return { cli_baseline_ms: summary(baseline), cli_first_page_ms: summary(page), cli_all_rows_ms: summary(full), all_rows_json_bytes: bytes };
}

// ---------------------------------------------------------------------------------------------
// Memory of the app and its WebKit processes (children of the driver tauri-driver started)

function processTree(rootPid) {
  const parents = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = (pid) => {
    for (let p = pid; p > 1; p = parents.get(p)) if (p === rootPid) return true;
    return false;
  };
  return [...parents.keys()].filter(inTree);
}

function memory(app) {
  const driver = app.session.processes.find((child) => child.spawnargs.some((arg) => arg.includes('tauri-driver')));
  const rows = [];
  for (const pid of processTree(driver.pid)) {
    try {
      const name = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      if (!/^(xiezuo|WebKitWeb|WebKitNet)/.test(name) || name === 'WebKitWebDriver') continue;
      const kib = (file, key) => Number(fs.readFileSync(`/proc/${pid}/${file}`, 'utf8').match(new RegExp(`^${key}:\\s+(\\d+)`, 'm'))?.[1] ?? 0);
      rows.push({ name, rss_mib: Math.round(kib('status', 'VmRSS') / 1024), pss_mib: Math.round(kib('smaps_rollup', 'Pss') / 1024) });
    } catch {
      // the process ended meanwhile
    }
  }
  const sum = (key) => rows.reduce((total, row) => total + row[key], 0);
  return { rss_mib: sum('rss_mib'), pss_mib: sum('pss_mib'), processes: rows };
}

// ---------------------------------------------------------------------------------------------
// In the page

/**
 * Clicks a side-menu item and records when the first element matching `selector` appears and is
 * painted, and when the window's engine queries for it were sent and answered (IPC included).
 */
function clickAndWatch(page, selector) {
  const item = document.querySelector(`[data-testid="nav"] li[data-menu-id$="-${page}"]`);
  const watch = (window.__benchWatch = { start: 0, dom: 0, painted: 0, calls: [] });
  // The window's engine calls go through `fetch('ipc://localhost/exec')` (Tauri's IPC on Linux):
  // record when each was sent, answered (headers) and its JSON parsed.
  if (!window.__benchFetch) {
    const fetch = (window.__benchFetch = window.fetch);
    window.fetch = async (url, init) => {
      const action = String(url).startsWith('ipc:') && typeof init?.body === 'string' ? (init.body.match(/"action":"(\w+)"/)?.[1] ?? String(url)) : null;
      if (!action) return fetch(url, init);
      const call = { action, sent: performance.now(), answered: 0, parsed: 0 };
      window.__benchWatch?.calls.push(call);
      const response = await fetch(url, init);
      call.answered = performance.now();
      for (const read of ['json', 'text', 'arrayBuffer']) {
        const original = response[read].bind(response);
        response[read] = () => original().finally(() => (call.parsed = performance.now()));
      }
      return response;
    };
  }
  const observer = new MutationObserver(() => {
    if (watch.dom || !document.querySelector(selector)) return;
    watch.dom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => (watch.painted = performance.now())));
  });
  observer.observe(document.body, { childList: true, subtree: true });
  watch.start = performance.now();
  item.click();
}

/** The engine's answer to an action, asked the way the window asks it, with its round trip. */
async function invokeTimed(action) {
  const started = performance.now();
  const answer = await window.__TAURI_INTERNALS__.invoke('exec', { action });
  const ms = performance.now() - started;
  return { ms, rows: answer.rows?.length ?? null, total: answer.total ?? null };
}

/** How long the page takes to parse the JSON of the whole register (part of the IPC round trip). */
async function parseTimed(action) {
  const text = JSON.stringify(await window.__TAURI_INTERNALS__.invoke('exec', { action }));
  const started = performance.now();
  JSON.parse(text);
  return performance.now() - started;
}

/**
 * Scrolls the register's virtual body: `steps` wheel events of `stepPx`, one per frame, then jumps
 * (scrollTop) to the middle, the end, the end again (row heights measured on the way change the
 * total, as when a person drags the scroll bar down twice) and the top, each followed by `settleFrames` frames; records
 * every frame interval and the numbers of the rows in view after each phase.
 */
async function scrollRegister({ holderSelector, steps, stepPx, settleFrames }) {
  const holder = document.querySelector(holderSelector);
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const intervals = { wheel: [], jumps: [] };
  let last = await frame();
  const tick = async (phase) => {
    const now = await frame();
    intervals[phase].push(now - last);
    last = now;
  };
  const inView = () => {
    const box = holder.getBoundingClientRect();
    const numbers = [...holder.querySelectorAll('[data-row-key]')]
      .filter((row) => {
        const r = row.getBoundingClientRect();
        return r.bottom > box.top && r.top < box.bottom;
      })
      .map((row) => row.querySelector('a')?.textContent ?? '');
    return { first: numbers[0] ?? null, last: numbers.at(-1) ?? null, rendered: holder.querySelectorAll('[data-row-key]').length, scrollTop: Math.round(holder.scrollTop) };
  };
  const views = { start: inView() };
  const started = performance.now();
  for (let i = 0; i < steps; i++) {
    holder.dispatchEvent(new WheelEvent('wheel', { deltaY: stepPx, deltaMode: 0, bubbles: true, cancelable: true }));
    await tick('wheel');
  }
  for (let i = 0; i < settleFrames; i++) await tick('wheel');
  const wheelMs = performance.now() - started;
  views.afterWheel = inView();
  for (const [name, top] of [['middle', () => holder.scrollHeight / 2], ['end', () => holder.scrollHeight], ['endAgain', () => holder.scrollHeight], ['top', () => 0]]) {
    holder.scrollTop = top();
    for (let i = 0; i < settleFrames; i++) await tick('jumps');
    views[name] = inView();
  }
  return { intervals, views, wheelMs, scrollHeight: holder.scrollHeight };
}

// ---------------------------------------------------------------------------------------------
// The window

/** Waits until the engine answers a trivial read at once (no query of an earlier screen still running). */
async function engineIdle(app) {
  await until(async () => (await app.browser.execute(invokeTimed, { action: 'get_me' })).ms < 50, 120_000, 'the engine to be idle');
}

/** Clicks `page` in the side menu; resolves to the times (ms after the click) its `selector` appeared and was painted. */
async function openAndTime(app, page, selector, timeoutMs) {
  await app.browser.execute(clickAndWatch, page, selector);
  const watch = await until(async () => {
    const w = await app.browser.execute(() => window.__benchWatch);
    return w.painted ? w : null;
  }, timeoutMs, `${selector} after opening ${page}`);
  const query = watch.calls.find((call) => call.action === 'get_register');
  return {
    dom: watch.dom - watch.start,
    painted: watch.painted - watch.start,
    ...(query && { query_sent: query.sent - watch.start, query_answered: query.answered - watch.start, query_parsed: query.parsed - watch.start }),
  };
}

async function startApp(report) {
  fs.rmSync(report, { force: true });
  process.env.XIEZUO_STARTUP_REPORT = report;
  const launched = Date.now();
  const app = await launch({ db });
  // Answers of the whole register can take longer than WebDriver's default 30 s script timeout.
  await app.browser.setTimeout({ script: 600_000 });
  const startup = Number(await until(async () => fs.existsSync(report) && fs.readFileSync(report, 'utf8'), 120_000, 'the dashboard with data'));
  return { app, startupMs: startup, launchMs: Date.now() - launched };
}

async function main() {
  const profile = /[\\/]release[\\/]/.test(process.env.XIEZUO_APP ?? '') ? 'release' : 'debug';
  const { total, lastNumber } = prepare();
  console.error(`register-scale: ${total} collaborations in ${db} (${profile} build); the engine alone …`);
  const backup = dailyBackup();
  console.error(`  today's automatic backup: ${JSON.stringify(backup)}`);
  const engine = engineTimes();
  const report = path.join(os.tmpdir(), `xiezuo-startup-${process.pid}.txt`);
  const startup = [];
  const cold = [];
  let app;
  let memoryBefore;
  try {
    for (let i = 0; i < starts; i++) {
      const started = await startApp(report);
      app = started.app;
      startup.push(started.startupMs);
      await engineIdle(app);
      memoryBefore = memory(app);
      const times = await openAndTime(app, 'register', ROW, 600_000);
      cold.push(times);
      console.error(
        `  start ${i + 1}/${starts}: dashboard with data after ${started.startupMs} ms; register query answered after ${Math.round(times.query_answered)} ms, rows after ${Math.round(times.dom)} ms (painted ${Math.round(times.painted)} ms)`,
      );
      if (i < starts - 1) {
        await app.close();
        app = undefined;
      }
    }
    await engineIdle(app);
    const memoryAfter = memory(app);
    const ipc = { first_page: [], all_rows: [] };
    for (let i = 0; i < 3; i++) {
      ipc.first_page.push(await app.browser.execute(invokeTimed, { action: 'get_register', payload: FIRST_PAGE }));
      ipc.all_rows.push(await app.browser.execute(invokeTimed, { action: 'get_register', payload: ALL_ROWS }));
    }
    const warm = [];
    for (let i = 0; i < runs; i++) {
      await openAndTime(app, 'dashboard', '[data-testid="stage-counts"]', 60_000);
      await engineIdle(app);
      warm.push(await openAndTime(app, 'register', ROW, 600_000));
      await engineIdle(app);
    }
    const scroll = await app.browser.execute(scrollRegister, { holderSelector: HOLDER, steps: 200, stepPx: 200, settleFrames: 30 });
    const frames = [...scroll.intervals.wheel, ...scroll.intervals.jumps];
    const figures = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, load_average: os.loadavg().map((v) => Math.round(v * 100) / 100) },
      build: profile,
      database: { path: db, mib: Math.round(fs.statSync(db).size / 1048576), collaborations: total },
      daily_backup: backup,
      startup_to_dashboard_ms: summary(startup),
      first_rows_cold_ms: {
        dom: summary(cold.map((t) => t.dom)),
        painted: summary(cold.map((t) => t.painted)),
        // The register's own query as the window sent it: click → answered (engine + IPC), → parsed, parsed → rows (render).
        query_answered: summary(cold.map((t) => t.query_answered)),
        query_parse: summary(cold.map((t) => t.query_parsed - t.query_answered)),
        render_after_parse: summary(cold.map((t) => t.dom - t.query_parsed)),
      },
      first_rows_warm_ms: { dom: summary(warm.map((t) => t.dom)), painted: summary(warm.map((t) => t.painted)) },
      engine_cli: engine,
      ipc_from_window_ms: {
        first_page: summary(ipc.first_page.map((r) => r.ms)),
        all_rows: summary(ipc.all_rows.map((r) => r.ms)),
        all_rows_count: ipc.all_rows[0].rows,
        json_parse_all_rows: Math.round(await app.browser.execute(parseTimed, { action: 'get_register', payload: ALL_ROWS })),
      },
      scroll: {
        frames_ms: { ...summary(frames), over_50ms: frames.filter((ms) => ms > 50).length, over_100ms: frames.filter((ms) => ms > 100).length },
        wheel_frames_ms: summary(scroll.intervals.wheel),
        jump_frames_ms: summary(scroll.intervals.jumps),
        wheel_phase_ms: Math.round(scroll.wheelMs),
        scroll_height_px: scroll.scrollHeight,
        views: scroll.views,
        last_number: lastNumber,
        end_reached_first_jump: scroll.views.end.last === lastNumber,
        end_reached: scroll.views.endAgain.last === lastNumber,
      },
      memory_mib: { dashboard: memoryBefore, register_open: memoryAfter },
    };
    fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
    fs.writeFileSync(options.out, JSON.stringify(figures, null, 2) + '\n');
    printTable(figures);
    console.log(`\nJSON: ${path.resolve(options.out)}`);
  } finally {
    await app?.close();
    fs.rmSync(report, { force: true });
  }
}

function printTable(f) {
  const line = (what, s, unit = 'ms') => console.log(`| ${what} | ${s.median} ${unit} | ${s.p95} ${unit} | ${s.max} ${unit} | ${s.n} |`);
  console.log(`\nRegister at scale: ${f.database.collaborations} collaborations, ${f.database.mib} MiB, ${f.build} build, load ${f.machine.load_average.join(' ')}\n`);
  console.log('| Measure | median | p95 | max | n |');
  console.log('|---|---:|---:|---:|---:|');
  if (f.daily_backup.made) console.log(`| today's automatic backup (first start of a day, before the window) | ${f.daily_backup.ms} ms | | | 1 |`);
  line('start-up to dashboard with data (in app)', f.startup_to_dashboard_ms);
  line('first rows, cold (click → rows in DOM)', f.first_rows_cold_ms.dom);
  line('first rows, cold (click → painted)', f.first_rows_cold_ms.painted);
  line('  of which click → register query answered', f.first_rows_cold_ms.query_answered);
  line('  of which JSON parse of the answer', f.first_rows_cold_ms.query_parse);
  line('  of which parsed → rows in DOM (render)', f.first_rows_cold_ms.render_after_parse);
  line('first rows, warm (click → rows in DOM)', f.first_rows_warm_ms.dom);
  line('first rows, warm (click → painted)', f.first_rows_warm_ms.painted);
  line('engine via CLI: all rows', f.engine_cli.cli_all_rows_ms);
  line('engine via CLI: first 50 rows', f.engine_cli.cli_first_page_ms);
  line('engine via CLI: start only (get_me)', f.engine_cli.cli_baseline_ms);
  line('window invoke: all rows (engine + IPC + parse)', f.ipc_from_window_ms.all_rows);
  line('window invoke: first 50 rows', f.ipc_from_window_ms.first_page);
  line('scroll frame interval (wheel + jumps)', f.scroll.frames_ms);
  line('scroll frame interval (wheel steps)', f.scroll.wheel_frames_ms);
  line('scroll frame interval (jumps)', f.scroll.jump_frames_ms);
  console.log(`\nall rows as JSON: ${(f.engine_cli.all_rows_json_bytes / 1048576).toFixed(1)} MiB; frames over 50 ms: ${f.scroll.frames_ms.over_50ms}, over 100 ms: ${f.scroll.frames_ms.over_100ms}`);
  console.log(`JSON.parse of all rows in the page: ${f.ipc_from_window_ms.json_parse_all_rows} ms`);
  const end = f.scroll.views.endAgain;
  console.log(`last row reached: ${f.scroll.end_reached} after two jumps to the end (${f.scroll.end_reached_first_jump} after one; in view: ${end.first} … ${end.last}; last is ${f.scroll.last_number})`);
  console.log(`memory (RSS / PSS sum of app + WebKit): dashboard ${f.memory_mib.dashboard.rss_mib} / ${f.memory_mib.dashboard.pss_mib} MiB, register open ${f.memory_mib.register_open.rss_mib} / ${f.memory_mib.register_open.pss_mib} MiB`);
}

await main();
