/**
 * The full pass as a chain of queue events: bounded steps, progress, a failure part-way (the retried
 * event goes on from the saved cursor, nothing counted twice), a 429 storm (retrying, then failed
 * with a clear message and no snapshot), resuming, stale and duplicated events, expired page tokens,
 * and the daily fan-out.
 */
import { addBulkEpics } from '../../../devtools/simulated-jira';
import type { AlignmentReport, Result } from '../../contract';
import { createTestApp, goalInput, visionInput } from '../../../test/support/local-app';
import { startDailyJobs } from '../shared/background-jobs';
import { storageKeys } from '../../storage/keys';
import { MAX_PAGES_PER_STEP } from './scan-work';
import type { ScanState } from '../../storage/scans';

const SEARCH = 'POST /rest/api/3/search/jql';
const BULK = 7000;

/** PV with goals id-1 (active) and id-2 (achieved), and 7,000 more epics: 10% unaligned, one open 3-point story each. */
async function bigProject(options: Parameters<typeof createTestApp>[0] = {}) {
  const app = createTestApp(options);
  await app.call('admin', 'vision/save', visionInput());
  await app.call('admin', 'goal/create', { goal: goalInput({ title: 'Goal 1' }), baseRevision: 0 });
  await app.call('admin', 'goal/create', { goal: goalInput({ title: 'Goal 2', status: 'achieved' }), baseRevision: 1 });
  // The portfolio row's refresh those changes queued runs now, so the events counted below are the pass's.
  await app.queue.drain();
  addBulkEpics(app.site, {
    projectKey: 'PV',
    epics: BULK,
    link: (i) => (i % 10 === 0 ? undefined : { goalId: i % 2 ? 'id-1' : 'id-2', setBy: 'x', setAt: '2025-01-01T00:00:00Z' }),
    openChildren: 1,
    storyPoints: 3,
  });
  return app;
}

/** What a correct pass of `bigProject` finds: the 8 seeded epics are unaligned, their 7 open stories carry 37 points. */
const EXPECTED = {
  epics: BULK + 8,
  aligned: 6300,
  unaligned: 708,
  perGoal: [{ goalId: 'id-1', epics: 3500 }, { goalId: 'id-2', epics: 2800 }],
  openIssueCoverage: 6300 / 7007,
  storyPointCoverage: (6300 * 3) / (7000 * 3 + 37),
};

type App = Awaited<ReturnType<typeof bigProject>>;
const data = (r: Result<any>) => {
  if (!r.ok) throw new Error(`Expected success, got ${JSON.stringify(r.error)}`);
  return r.data;
};
const report = async (app: App): Promise<AlignmentReport> => data(await app.call('member', 'alignment/report', {}));
const state = (app: App) => app.store.get<ScanState>(storageKeys.scan('10000'));

/** Drains event by event, recording the searches each event made. */
async function drainCounting(app: App): Promise<number[]> {
  const perEvent: number[] = [];
  for (;;) {
    const before = app.site.calls[SEARCH] ?? 0;
    if ((await app.queue.drain(1)) === 0) return perEvent;
    const searches = (app.site.calls[SEARCH] ?? 0) - before;
    // Refreshes of the macro's figures (queued by goal changes and by the finished pass) search nothing.
    if (searches > 0) perEvent.push(searches);
  }
}

it('runs a large project as a chain of bounded events and stores one complete snapshot', async () => {
  const app = await bigProject();
  expect((await app.call('admin', 'alignment/rescan', {})).ok).toBe(true);
  const perEvent = await drainCounting(app);
  // 71 pages of epics and 71 of open stories, 30 pages an event.
  expect(perEvent).toEqual([30, 30, 30, 30, 22]);
  expect(Math.max(...perEvent)).toBeLessThanOrEqual(MAX_PAGES_PER_STEP);
  const r = await report(app);
  expect(r.scan).toMatchObject({ state: 'done', epicsSeen: EXPECTED.epics, epicsTotal: EXPECTED.epics, childIssuesSeen: 7007 });
  expect(r.latest).toMatchObject(EXPECTED);
  expect(r.latest!.openIssueCoverage).toBeCloseTo(EXPECTED.openIssueCoverage, 10);
  // The headline is the stored tally the pass left, as of the pass.
  expect(r.headline).toEqual({ epics: EXPECTED.epics, aligned: 6300, unaligned: 708, coverage: 6300 / 7008, asOf: r.latest!.takenAt });
  // Nothing per epic is kept beyond the pass but small chunks of ids, and every value fits KVS.
  const stored = await app.snapshot();
  for (const { value } of stored) expect(JSON.stringify(value).length).toBeLessThan(240 * 1024);
  expect(stored.filter((e) => e.key.includes(':snapshot:'))).toHaveLength(1);
  // The chunks of aligned ids are dropped once the pass is done; step claims expire by themselves.
  expect(stored.filter((e) => e.key.includes(':scan:aligned:'))).toEqual([]);
});

it('shows progress while it runs', async () => {
  const app = await bigProject();
  await app.call('admin', 'alignment/rescan', {});
  await app.queue.drain(2);
  expect((await report(app)).scan).toMatchObject({ state: 'running', phase: 'epics', epicsSeen: 6000, epicsTotal: EXPECTED.epics });
});

it('goes on from the saved cursor after a failure part-way through an event, counting nothing twice', async () => {
  const app = await bigProject();
  await app.call('admin', 'alignment/rescan', {});
  await app.queue.drain(1);
  const saved = await state(app);
  // The next event fails after 12 of its pages (Jira answers 500, which the client does not retry).
  app.site.faults.failNext = [{ status: 500, count: 1, operation: SEARCH, after: 12 }];
  await app.queue.drain(1);
  expect(app.queue.stats.failures).toBe(1);
  const after = await state(app);
  expect(after).toMatchObject({ step: saved!.step, cursor: saved!.cursor, tally: saved!.tally, status: 'retrying' });
  expect(after!.message).toBe('Jira was unavailable. Retrying…');
  await app.queue.drain();
  expect((await report(app)).latest).toMatchObject(EXPECTED);
});

it('survives a push that fails after the step was saved, and duplicated or stale events', async () => {
  const app = await bigProject();
  await app.call('admin', 'alignment/rescan', {});
  await app.queue.drain(1);
  const push = app.queue.push.bind(app.queue);
  let failed = false;
  app.queue.push = async (jobs) => {
    if (!failed) {
      failed = true;
      throw new Error('queue unavailable');
    }
    // Every event delivered twice, as an at-least-once queue may.
    return push([...jobs, ...jobs]);
  };
  await push([{ type: 'alignment-scan', projectId: '10000', projectKey: 'PV', runId: 'an-older-run', step: 1 }]);
  await app.queue.drain();
  expect(app.queue.stats.failures).toBe(1);
  const r = await report(app);
  expect(r.scan!.state).toBe('done');
  expect(r.latest).toMatchObject(EXPECTED);
});

describe('a 429 storm', () => {
  it('shows retrying while the client backs off, then fails clearly after the retries; no snapshot; rescan resumes', async () => {
    const seen: string[] = [];
    const app: App = await bigProject({
      sleep: async () => {
        const s = await app.store.get<ScanState>(storageKeys.scan('10000'));
        if (s) seen.push(`${s.status}: ${s.message}`);
      },
    });
    await app.call('admin', 'alignment/rescan', {});
    await app.queue.drain(1);
    const before = await state(app);
    app.site.faults.failNext = [{ status: 429, retryAfterSeconds: 2, count: 1000, operation: SEARCH, after: 3 }];
    await app.queue.drain();

    expect(seen[0]).toBe('retrying: Jira is rate limiting the scan; trying again in 2 s (attempt 2 of 4).');
    // The first delivery and 2 retries fail; the 3rd and last retry marks the pass failed and ends.
    expect(app.queue.stats.failures).toBe(3);
    // 6 runs: the portfolio row's refresh (bigProject drains it), then the pass's 5.
    expect(app.queue.stats.runs).toBe(6);
    const failed = await report(app);
    expect(failed.scan).toMatchObject({ state: 'failed', message: expect.stringMatching(/^Jira kept rate limiting the scan\. The scan stopped after \d+ of 7008 epics; the last complete snapshot is kept\. Rescan resumes it\.$/) });
    expect(failed.latest).toBeNull();
    expect(failed.trend).toEqual([]);
    expect((await app.snapshot()).some((e) => e.key.includes(':snapshot:') || e.key.endsWith(':trend'))).toBe(false);
    // The pages before the storm are kept: resuming goes on from there.
    expect((await state(app))!.step).toBe(before!.step);

    app.site.faults.failNext = [];
    expect((await app.snapshot()).some((e) => e.key.includes(':scan:aligned:'))).toBe(true);
    const resumed = await app.call('admin', 'alignment/rescan', {});
    expect(resumed.ok && resumed.data).toMatchObject({ state: 'running', epicsSeen: before!.tally.epics });
    await app.queue.drain();
    expect((await report(app)).latest).toMatchObject(EXPECTED);
  });
});

it('starts over when Jira refuses an expired page token', async () => {
  const app = await bigProject();
  await app.call('admin', 'alignment/rescan', {});
  await app.queue.drain(1);
  const s = (await state(app))!;
  await app.store.set(storageKeys.scan('10000'), { ...s, cursor: 'expired-token' });
  await app.queue.drain();
  expect(await state(app)).toMatchObject({ status: 'done', restarts: 1 });
  expect((await report(app)).latest).toMatchObject(EXPECTED);
  // The chunks of the abandoned attempt went with the restart.
  expect((await app.snapshot()).filter((e) => e.key.includes(':scan:aligned:'))).toEqual([]);
});

it('the daily trigger snapshots every project that uses the app, one pass each', async () => {
  const app = createTestApp();
  await app.call('admin', 'goal/create', { goal: goalInput(), baseRevision: 0 });
  await app.call('admin', 'goal/create', { goal: goalInput(), baseRevision: 0 }, { type: 'jira:projectSettingsPage', project: { id: '10001', key: 'MOB' } });
  // Four daily fan-outs: alignment snapshots, automatic (JQL) KPI measurements, the repair of KPI data, and feedback intake from Jira.
  expect(await startDailyJobs(app.queue)).toBe(4);
  await app.queue.drain();
  const pv = await app.call('member', 'alignment/report', {});
  const mob = await app.call('member', 'alignment/report', {}, { type: 'jira:projectSettingsPage', project: { id: '10001', key: 'MOB' } });
  expect(data(pv).latest).toMatchObject({ epics: 8, aligned: 0 });
  expect(data(mob).latest).toMatchObject({ epics: 3, aligned: 0 });
  expect(data(pv).trend).toHaveLength(1);
  // A second daily run the same day replaces the day's point.
  await startDailyJobs(app.queue);
  await app.queue.drain();
  expect((await report(app)).trend).toHaveLength(1);
});

it('a pass that finishes within its first event leaves no chunk of aligned ids behind (one a day would pile up)', async () => {
  const app = createTestApp();
  await app.call('admin', 'goal/create', { goal: goalInput({ title: 'Goal 1' }), baseRevision: 0 });
  await app.call('member', 'alignment/set-goal', { issueKey: 'PV-1', goalId: 'id-1', baseGoalId: null });
  await app.queue.drain(); // the portfolio row's refresh those changes queued
  await app.call('admin', 'alignment/rescan', {});
  // One step of the pass, and the portfolio row's refresh the finished pass queues.
  expect(await app.queue.drain()).toBe(2);
  expect((await report(app as App)).latest).toMatchObject({ epics: 8, aligned: 1 });
  expect((await app.snapshot()).filter((e) => e.key.includes(':scan:aligned:'))).toEqual([]);
});
