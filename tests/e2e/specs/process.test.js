// The whole collaboration process through the desktop window, on a fresh database that holds only
// the organisation: request → two confirmations and one objection → revision and re-confirmation →
// kickoff meeting → minutes (gap warning, refused issue, fix, issue) → tasks and statuses → risk →
// deliverable with self-check → failed review → rectification → passed review → completion letter
// → print preview → archive (read-only) → English → search. Each phase is one test sharing the
// window; once a phase fails the later ones fail at once, naming the phase that broke the chain.
import assert from 'node:assert/strict';
import { withApp, cli } from '../harness.js';
import { text } from '../locales.js';
import { Driver, ORG, ME, prepareOrganisation, day } from '../drive.js';

const appTest = withApp({ language: 'zh-CN', demo: false, me: null });

const TITLE = '新品上市联合推广协作';
/** A word of the title no other record contains, for the search. */
const SEARCH_WORD = '联合推广';
const PARTNERS = ['销售部', '研发部', '测试部'];
const OBJECTOR = '测试部';
const MEETING = '新品推广启动会';
const CRITERION = '功能模块覆盖率≥95%';
const RESPONSIBILITIES = { 市场部: '用户画像分析', 销售部: '客户反馈收集', 研发部: '推广页面开发', 测试部: '验收标准制定' };
const TASKS = [
  { department: '研发部', title: '推广页面开发', responsible: '赵磊', deliverable: '推广活动页面' },
  { department: '销售部', title: '客户反馈整理', responsible: '陈静', deliverable: '客户反馈报告' },
];
const DELIVERABLE = TASKS[0].deliverable;
const RISK = '销售数据延迟';
const RECTIFICATION = '补齐剩余模块的功能';
const LETTER_BODY = '感谢各部门对新品推广的支持';

let d; // the Driver of the shared window
let number; // the collaboration's number, e.g. XZ-2026-001
let broken = null; // the first phase that failed

/** One phase of the process; skipped (as a failure naming the broken phase) once an earlier one failed. */
function phase(name, fn) {
  appTest(name, async (app) => {
    if (broken) throw new Error(`not run: the phase "${broken}" failed`);
    try {
      d ??= new Driver(app);
      await fn(app);
    } catch (error) {
      broken = name;
      throw error;
    }
  });
}

/** Runs one step of a phase; a failure says which step. */
async function step(name, fn) {
  try {
    return await fn();
  } catch (error) {
    error.message = `step "${name}": ${error.message}`;
    throw error;
  }
}

/** The collaboration as the engine holds it. */
const dossier = (app) => cli(app.db, { action: 'get_collaboration', payload: { collaboration: number } })[0];

/** `data-*` of the first element matching `selector` inside the element with `testId`. */
const dataOf = (app, testId, selector, name) =>
  app.browser.execute((t, s, n) => document.querySelector(`[data-testid="${t}"] ${s}`)?.dataset[n] ?? null, testId, selector, name);

/** Answers the feasibility question for a department in the open round. */
async function answer(department, { object } = {}) {
  await d.open(`feasibility-answer-${department}`, 'feasibility-answer-form');
  if (object) {
    await d.click('feasibility-answer-object');
    await d.fill('feasibility-note', object);
  } else {
    await d.click('feasibility-answer-confirm');
  }
  await d.submit('feasibility-answer-submit', { verdict: 'feasibility-answer-verdict', gone: 'feasibility-answer-form' });
}

phase('a fresh database gets the organisation and "me"', async (app) => {
  await step('prepare the organisation with the CLI and reload', async () => {
    prepareOrganisation(app.db);
    await app.browser.refresh();
    await app.waitFor('app-title', 30_000);
  });
  await step('no first-launch question, no collaboration yet', async () => {
    assert.equal(await d.exists('first-launch'), false, 'the first-launch question stays closed once "me" is set');
    const [register] = cli(app.db, { action: 'get_register', payload: {} });
    assert.equal(register.rows.length, 0);
  });
});

phase('a request is created and sent to three departments', async (app) => {
  await step('fill in the basics', async () => {
    await app.goTo('new-request');
    await app.waitFor('request-wizard');
    await d.fill('request-title', TITLE);
    const initiating = await app.text('request-initiating-department');
    assert.ok(initiating.includes('市场部'), `my department initiates by default: ${initiating}`);
    await d.fill('request-background', '联合推进第四季度新产品上市');
    await d.fill('request-goal', '三个月内市场份额提升百分之十五');
    await d.pickDate('request-expected-completion', day(60));
    await d.next();
  });
  await step('ask three departments for support', async () => {
    const asks = ['提供近三十天客户反馈', '开发推广活动页面', '制定验收标准并测试'];
    for (const [i, department] of PARTNERS.entries()) {
      await d.click('request-department-add');
      await d.choose(`request-department-${i}`, department);
      await d.click(`request-support-kind-${i}-data`);
      await d.fill(`request-support-text-${i}`, asks[i]);
    }
    await d.next();
  });
  await step('add a key milestone', async () => {
    await d.click('request-milestone-add');
    await d.fill('request-milestone-name-0', '推广方案定稿');
    await d.pickDate('request-milestone-date-0', day(20));
    await d.next();
  });
  await step('review, create and send', async () => {
    const review = await app.text('request-page');
    for (const department of PARTNERS) assert.ok(review.includes(department), `the review lists ${department}`);
    await d.submit('request-create-send', { verdict: 'request-verdict' });
    await d.waitStage('confirming');
    const title = await app.text('collaboration-title');
    assert.ok(title.includes(TITLE), title);
    number = title.match(/\S+-\d{4}-\d{3}/)[0];
  });
  await step('every department is asked, its head and default contact shown', async () => {
    const overview = await app.text('overview');
    for (const department of PARTNERS) {
      assert.ok(overview.includes(department) && overview.includes(ORG[department].head) && overview.includes(ORG[department].contact), department);
    }
  });
});

phase('round 1: two confirmations and one objection send the request back', async (app) => {
  await step('two departments confirm', async () => {
    await app.openTab('feasibility');
    await app.waitFor('feasibility-round-1');
    for (const department of PARTNERS.filter((p) => p !== OBJECTOR)) await answer(department);
    assert.equal(await d.stage(), 'confirming', 'still waiting for the third department');
  });
  await step(`${OBJECTOR} objects with a suggestion`, async () => {
    await answer(OBJECTOR, { object: '验收标准需在启动会上共同确定，测试周期至少两周' });
    await d.waitStage('revising');
    const notice = await app.text('feasibility-objection');
    assert.ok(notice.includes(OBJECTOR) && notice.includes('测试周期至少两周'), notice);
  });
  await step('the round shows each answer', async () => {
    const round = await app.text('feasibility-round-1');
    assert.equal(round.match(new RegExp(text('zh-CN', 'feasibility:answerStatus.confirm'), 'g'))?.length, 2, round);
    assert.ok(round.includes(text('zh-CN', 'feasibility:answerStatus.object')), round);
  });
});

phase('the revised request is sent again and every department confirms', async (app) => {
  await step('revise the request from the overview', async () => {
    await d.click('feasibility-revise');
    await app.waitFor('overview');
    await d.open('request-edit', 'request-edit-form');
    await d.fill('request-support-text-2', '与各方共同制定验收标准，预留两周测试周期');
    await d.pickDate('request-expected-completion', day(75));
    await d.submit('request-edit-save', { verdict: 'request-edit-verdict', gone: 'request-edit-form' });
    assert.ok((await app.text('overview')).includes('预留两周测试周期'), 'the revision is shown');
  });
  await step('send the revision: round 2', async () => {
    await app.openTab('feasibility');
    await d.open('feasibility-send', 'feasibility-send-confirm');
    await d.confirm('feasibility-send-confirm');
    await d.waitStage('confirming');
    await app.waitFor('feasibility-round-2');
  });
  await step('all three confirm: the kickoff is next', async () => {
    for (const department of PARTNERS) await answer(department);
    await d.waitStage('kickoff');
    assert.ok(await d.exists('feasibility-history'), 'round 1 stays on record');
  });
});

phase('the kickoff meeting is scheduled with an agenda', async (app) => {
  await step('schedule', async () => {
    await app.openTab('meetings');
    await d.open('meeting-schedule', 'meeting-form');
    assert.ok((await app.text('meeting-kind')).includes(text('zh-CN', 'meetings:kind.kickoff')), 'a kickoff is proposed');
    await d.fill('meeting-title', MEETING);
    await d.pickDate('meeting-starts-at', `${day(1)} 10:00`);
    await d.pickDate('meeting-ends-at', `${day(1)} 11:30`);
    await d.fill('meeting-place', '三楼会议室');
    for (const department of Object.keys(ORG)) await d.choose('meeting-attendees', ORG[department].head);
    await d.fill('meeting-agenda-0', '需求背景');
    await d.click('meeting-agenda-add');
    await d.fill('meeting-agenda-1', '初步分工框架');
    await d.submit('meeting-submit', { verdict: 'meeting-verdict', gone: 'meeting-form' });
  });
  await step('the meeting is listed', async () => {
    const row = await app.text(`meeting-row-${MEETING}`);
    assert.ok(row.includes(`${day(1)} 10:00`) && row.includes('三楼会议室'), row);
  });
});

phase('minutes: the gap warning, the refused issue, the fix and the issue', async (app) => {
  await step('write the minutes leaving out one department', async () => {
    await d.open(`meeting-minutes-${MEETING}`, 'minutes-editor');
    await d.fill('minutes-goal', '三个月内市场份额提升百分之十五');
    await d.click('minutes-milestone-add');
    await d.fill('minutes-milestone-name-0', '推广活动上线');
    await d.pickDate('minutes-milestone-date-0', day(40));
    for (const [department, item] of Object.entries(RESPONSIBILITIES)) {
      if (department === OBJECTOR) continue;
      await d.click(`responsibility-add-${department}`);
      await d.fill(`responsibility-item-${department}-0`, item);
    }
    await d.fill('minutes-weekly_meeting', '每周一上午十点');
    await d.fill('minutes-urgent_channel', '协作群电话');
    await d.fill('minutes-sync_method', '共享文档每日更新');
    await d.click('minutes-criterion-add');
    await d.fill('minutes-criterion-0', CRITERION);
    await d.click('minutes-decision-add');
    await d.fill('minutes-decision-0', '每周一召开协作推进会');
    await d.fill('minutes-summary', '各部门确认分工与节点');
  });
  await step('the gap warning names the missing department', async () => {
    await d.waitAttr('responsibility-verdict', 'data-state', 'gap');
    assert.ok((await app.text('responsibility-verdict')).includes(OBJECTOR));
    assert.equal(await d.attr(`responsibility-row-${OBJECTOR}`, 'data-gap'), 'true');
  });
  await step('the engine refuses to issue minutes with a gap', async () => {
    await d.waitEnabled('minutes-issue', 'minutes-verdict');
    await d.click('minutes-issue');
    const refusal = await app.text('minutes-issue-error');
    assert.ok(refusal.includes(OBJECTOR), refusal);
    assert.equal(await d.stage(), 'kickoff');
    const meeting = dossier(app).meetings[0];
    assert.equal(meeting.minutes_revision, 0, 'nothing issued');
    assert.equal(meeting.minutes_summary, '各部门确认分工与节点', 'the draft was saved before the refusal');
  });
  await step('fix the gap', async () => {
    await d.click(`responsibility-add-${OBJECTOR}`);
    await d.fill(`responsibility-item-${OBJECTOR}-0`, RESPONSIBILITIES[OBJECTOR]);
    await d.waitAttr('responsibility-verdict', 'data-state', 'ok');
    assert.equal(await d.attr(`responsibility-row-${OBJECTOR}`, 'data-gap'), 'false');
  });
  await step('issue: execution starts', async () => {
    await d.waitEnabled('minutes-issue', 'minutes-verdict');
    await d.click('minutes-issue');
    await app.waitFor('minutes-issued');
    await d.waitStage('executing');
    await d.closeDrawer('minutes-editor');
  });
});

phase('tasks are planned and their statuses posted; a blocked task stands out', async (app) => {
  await step('add one task to two departments', async () => {
    await app.openTab('tasks');
    for (const task of TASKS) {
      await d.open(`task-add-${task.department}`, 'task-form');
      await d.fill('task-title', task.title);
      await d.choose('task-responsible', task.responsible);
      await d.pickDate('task-start', day(0));
      await d.pickDate('task-end', day(20));
      await d.fill('task-deliverable', task.deliverable);
      await d.submit('task-form-submit', { verdict: 'task-form-verdict', gone: 'task-form' });
      const table = await app.text(`tasks-table-${task.department}`);
      assert.ok(table.includes(task.title) && table.includes(task.responsible), table);
    }
  });
  await step('post "in progress" at 60 %', async () => {
    await d.open(`task-status-in_progress-${TASKS[0].title}`, 'task-status-form');
    await d.fill('task-status-note', '页面框架已完成');
    await d.fill('task-status-progress', '60');
    await d.submit('task-status-submit', { verdict: 'task-status-verdict', gone: 'task-status-form' });
    await app.waitForText(`task-row-${TASKS[0].title}`, '60%');
  });
  await step('post "blocked" with its reason', async () => {
    await d.open(`task-status-blocked-${TASKS[1].title}`, 'task-status-form');
    await d.fill('task-status-note', '等待区域经理提交数据');
    await d.submit('task-status-submit', { verdict: 'task-status-verdict', gone: 'task-status-form' });
    await app.waitForText(`task-status-tag-${TASKS[1].title}`, text('zh-CN', 'taskStatus.blocked'));
  });
  await step('the blocked task is highlighted and counted', async () => {
    const tint = (title) =>
      app.browser.execute((t) => getComputedStyle(document.querySelector(`[data-testid="task-row-${t}"]`)).backgroundColor, title);
    const transparent = 'rgba(0, 0, 0, 0)';
    assert.notEqual(await tint(TASKS[1].title), transparent, 'the blocked row is tinted');
    assert.equal(await tint(TASKS[0].title), transparent, 'a task in progress is not');
    const blocked = text('zh-CN', 'tasks:summary.blocked').replace('{{count}}', '1');
    assert.ok((await app.text('tasks-summary')).includes(blocked), `"${blocked}" in the summary`);
  });
});

phase('a risk is raised and escalated to the whole group', async (app) => {
  await step('raise', async () => {
    await app.openTab('risks');
    await d.open('risk-add', 'risk-form');
    await d.fill('risk-title', RISK);
    await d.fill('risk-impact', '推广方案定稿可能推迟一周');
    await d.check('risk-escalate');
    await d.submit('risk-form-submit', { verdict: 'risk-form-verdict', gone: 'risk-form' });
  });
  await step('it is listed as escalated', async () => {
    const row = await app.text(`risk-row-${RISK}`);
    assert.ok(row.includes('推广方案定稿可能推迟一周') && row.includes(ME), row);
    assert.ok(dossier(app).risks[0].escalated_at, 'escalated at once');
  });
});

phase('a deliverable with its self-check fails the joint review and gets a rectification', async (app) => {
  await step('submit the deliverable of a task with a self-check from the agreed criteria', async () => {
    await app.openTab('acceptance');
    await d.open('deliverable-submit', 'deliverable-form');
    await d.choose('deliverable-task', TASKS[0].title);
    assert.equal(await (await app.waitFor('deliverable-title')).getValue(), DELIVERABLE, 'the task fills in its deliverable');
    await d.click('self-check-from-criteria');
    assert.equal(await (await app.waitFor('self-check-item-0')).getValue(), CRITERION);
    await d.click('self-check-complete-0');
    await d.click('self-check-quality-0');
    await d.fill('self-check-note-0', '已自测全部模块');
    await d.submit('deliverable-form-submit', { verdict: 'deliverable-form-verdict', gone: 'deliverable-form' });
    await d.waitStage('accepting');
    assert.equal(await dataOf(app, `deliverable-row-${DELIVERABLE}`, '[data-testid=deliverable-status]', 'status'), 'submitted');
    assert.ok((await app.text(`deliverable-row-${DELIVERABLE}`)).includes('已自测全部模块'), 'the self-check is shown');
  });
  await step('review: the criterion is not met, one rectification item', async () => {
    await d.open(`deliverable-review-${DELIVERABLE}`, 'review-form');
    assert.equal(await (await app.waitFor('review-criterion-target-0')).getValue(), '≥95%', 'the criterion comes from the minutes');
    await d.fill('review-criterion-measured-0', '90%');
    await d.click('review-criterion-fail-0');
    await d.choose('review-reviewers', ORG.市场部.head);
    await d.choose('review-reviewers', ORG.测试部.head);
    await d.fill('review-opinion', '覆盖率未达标，需补齐剩余模块');
    await d.fill('rectification-description-0', RECTIFICATION);
    await d.choose('rectification-owner-0', '赵磊');
    await d.pickDate('rectification-deadline-0', day(7));
    await d.submit('review-form-submit', { verdict: 'review-form-verdict', gone: 'review-form' });
  });
  await step('the deliverable is under rectification, the item is open', async () => {
    const row = await app.text(`rectification-row-${RECTIFICATION}`);
    assert.ok(row.includes('赵磊') && row.includes(day(7)), row);
    assert.equal(await dataOf(app, `rectification-row-${RECTIFICATION}`, '[data-testid=rectification-state]', 'state'), 'open');
    assert.equal(await dataOf(app, `deliverable-row-${DELIVERABLE}`, '[data-testid=deliverable-status]', 'status'), 'rectifying');
  });
  await step('the letter cannot be issued yet and says why', async () => {
    await app.openTab('letter');
    await app.waitFor(`letter-pending-${DELIVERABLE}`);
    assert.equal(await app.$('letter-issue').isEnabled(), false);
  });
});

phase('the rectified deliverable is resubmitted and passes', async (app) => {
  await step('resubmit version 2 with a new self-check', async () => {
    await app.openTab('acceptance');
    await d.open(`deliverable-resubmit-${DELIVERABLE}`, 'resubmit-form');
    await d.fill('self-check-note-0', '已补齐剩余模块，覆盖率98%');
    await d.submit('resubmit-form-submit', { verdict: 'resubmit-form-verdict', gone: 'resubmit-form' });
    await app.waitFor(`deliverable-review-${DELIVERABLE}`);
    assert.equal(await dataOf(app, `rectification-row-${RECTIFICATION}`, '[data-testid=rectification-state]', 'state'), 'resubmitted');
  });
  await step('review version 2: passed', async () => {
    await d.open(`deliverable-review-${DELIVERABLE}`, 'review-form');
    await d.fill('review-criterion-measured-0', '98%');
    await d.click('review-criterion-pass-0');
    await d.choose('review-reviewers', ORG.市场部.head);
    await d.fill('review-opinion', '验收通过');
    await d.submit('review-form-submit', { verdict: 'review-form-verdict', gone: 'review-form' });
    await d.waitFor(async () => (await dataOf(app, `deliverable-row-${DELIVERABLE}`, '[data-testid=deliverable-status]', 'status')) === 'passed', 'the deliverable to pass');
    assert.equal(await dataOf(app, `rectification-row-${RECTIFICATION}`, '[data-testid=rectification-state]', 'state'), 'closed');
  });
});

phase('the completion letter is issued and printed', async (app) => {
  await step('issue', async () => {
    await app.openTab('letter');
    await d.fill('letter-body-input', LETTER_BODY);
    await d.waitEnabled('letter-issue', 'letter-refusal');
    await d.open('letter-issue', 'letter-confirm');
    await d.confirm('letter-confirm');
    await d.waitStage('completed');
  });
  await step('the letter names the departments, the collaboration and the issuer', async () => {
    const letter = await app.text('letter-content');
    for (const expected of [...PARTNERS, TITLE, number, LETTER_BODY, '市场部', ME]) assert.ok(letter.includes(expected), `"${expected}" in the letter: ${letter}`);
  });
  await step('the print preview shows its pages', async () => {
    await d.click('print-letter');
    const pages = await app.waitFor('print-preview-pages', 30_000);
    assert.ok(Number(await pages.getAttribute('data-pages')) >= 1);
    await d.click('print-close');
    await d.waitGone('print-preview');
  });
});

phase('archiving makes the collaboration read-only', async (app) => {
  await step('archive', async () => {
    await d.open('stage-archive', 'archive-confirm');
    await d.confirm('archive-confirm');
    // The archive package (every document as PDF) is written to the folder picked, then the
    // collaboration is archived; the result dialog names the folder.
    await app.waitFor('archive-result', 120_000);
    await d.click('archive-result-ok');
    await d.waitGone('archive-result');
    await d.waitStage('archived', 30_000);
    await app.waitFor('stage-reopen');
  });
  await step('no write control is left on any tab', async () => {
    for (const tab of ['overview', 'feasibility', 'meetings', 'signatures', 'tasks', 'problems', 'risks', 'changes', 'acceptance', 'letter', 'communications']) {
      await app.openTab(tab);
      await d.settle();
    }
    const gone = ['request-edit', 'notes-save', 'meeting-schedule', `task-status-done-${TASKS[0].title}`, `task-edit-${TASKS[0].title}`, `risk-decide-${RISK}`, 'deliverable-submit', 'communication-add', 'feedback-add'];
    for (const testId of gone) assert.equal(await d.exists(testId), false, `${testId} is gone`);
    // What is still enabled only reads: back, print and exports, reopen, opening the (read-only) minutes, expanders.
    const enabled = await app.browser.execute(() =>
      [...document.querySelectorAll('[data-testid="collaboration"] button:not([disabled])')].map((b) => b.dataset.testid ?? '').filter(Boolean),
    );
    const exports = /^(print-.*|stage-reopen|meeting-minutes-.*|archive-export|collab-export-ics|tasks-export-xlsx|meeting-ics-.*|meeting-email-.*|request-email|letter-email)$/;
    const writes = enabled.filter((id) => !exports.test(id));
    assert.deepEqual(writes, [], 'enabled write buttons in an archived collaboration');
  });
});

phase('the window switches to English', async (app) => {
  await app.setLanguage('en-US');
  const labels = await app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="collaboration-tabs"] .ant-tabs-nav-list .ant-tabs-tab')].map((t) => [t.getAttribute('data-node-key'), t.textContent.trim()]),
  );
  assert.ok(labels.length >= 10, JSON.stringify(labels));
  for (const [key, label] of labels) assert.equal(label, text('en-US', `tabs.${key}`));
  assert.ok((await app.text('collaboration')).includes(text('en-US', 'stage.archived')), 'the stage in English');
});

phase('search finds the collaboration and jumps to it', async (app) => {
  await app.goTo('dashboard');
  await app.waitFor('dashboard');
  await app.browser.keys(['Control', 'k']);
  await (await app.waitFor('search-input')).addValue(SEARCH_WORD);
  await app.waitForText('search-results', number);
  assert.equal(await d.attr('search-hit-0', 'data-entity'), 'collaboration');
  await app.browser.keys('Enter');
  await app.waitForText('collaboration-title', number);
  assert.equal(await d.stage(), 'archived');
});

phase('the engine holds the whole process', async (app) => {
  const record = dossier(app);
  assert.equal(record.stage, 'archived');
  assert.ok(record.collaboration.archived_at);
  assert.equal(record.collaboration.revision, 2, 'two request rounds');
  const rounds = (n) => record.feasibility.filter((f) => f.round === n).map((f) => [f.department, f.answer]);
  assert.deepEqual(rounds(1), [['销售部', 'confirm'], ['研发部', 'confirm'], ['测试部', 'object']]);
  assert.deepEqual(rounds(2), PARTNERS.map((p) => [p, 'confirm']));
  assert.deepEqual(record.meetings.map((m) => [m.kind, m.title, m.minutes_revision]), [['kickoff', MEETING, 1]]);
  assert.deepEqual(Object.fromEntries(record.responsibilities.map((r) => [r.department, r.item])), RESPONSIBILITIES);
  assert.deepEqual(record.tasks.map((t) => [t.title, t.status]), [[TASKS[0].title, 'in_progress'], [TASKS[1].title, 'blocked']]);
  assert.deepEqual(record.deliverables.map((x) => [x.title, x.status, x.version]), [[DELIVERABLE, 'passed', 2]]);
  assert.deepEqual(record.reviews.map((r) => r.result), ['fail', 'pass']);
  assert.equal(record.rectifications.length, 1);
  assert.ok(record.rectifications[0].closed_at, 'the rectification is closed');
  assert.equal(record.letter.body, LETTER_BODY);
  const [preferences] = cli(app.db, { action: 'get_preferences' });
  assert.equal(preferences.language, 'en-US');
});
