/**
 * The daily automatic measurement of JQL KPIs: trigger → one fan-out event → one event per project →
 * approximate counts recorded as the day's values, as the app (no user in a background job).
 */
import { localJobDeps } from '../../../devtools/local/local-runtime';
import { addIssue } from '../../../devtools/simulated-jira';
import type { BackgroundJob, JobQueue } from '../../ports';
import { startDailyJobs } from '../shared/background-jobs';
import { IDS, seededPostLaunch } from '../../../test/support/post-launch';
import { MEASURE_ALL_JOB, MEASURE_PROJECT_JOB, measureAll } from './kpi-jobs';
import { plKeys } from '../../storage/post-launch-keys';

const BUGS = 'project = PV AND issuetype = Bug AND statusCategory != Done';
const PORTAL_11 = 'project = PV AND fixVersion = 10101';

async function setUp() {
  const seeded = await seededPostLaunch();
  const { app } = seeded;
  const set = async (kpiId: string, jql: string | null) => {
    const r = await app.call('admin', 'kpi/set-jql', { kpiId, jql, baseJql: null });
    if (!r.ok) throw new Error(r.error.message);
    return r.data;
  };
  const nextDay = (day: string) => {
    seeded.clock.at = new Date(`${day}T02:00:00.000Z`);
  };
  const daily = async () => {
    await startDailyJobs(app.queue);
    await app.queue.drain();
  };
  const points = async (kpiId: string) => {
    const r = await app.call('member', 'kpi/chart', { kpiId });
    if (!r.ok) throw new Error(r.error.message);
    return r.data.points.filter((p: { source: string }) => p.source === 'jql').map((p: { date: string; value: number }) => [p.date, p.value]);
  };
  const sources = async () => {
    const r = await app.call('member', 'launch/overview', {});
    if (!r.ok) throw new Error(r.error.message);
    return Object.fromEntries(r.data.sources.map((s: { kpiId: string; lastRun: unknown }) => [s.kpiId, s.lastRun]));
  };
  return { ...seeded, set, nextDay, daily, points, sources };
}

it('measures every automatic KPI once a day, as the app, with the day’s count', async () => {
  const t = await setUp();
  await t.set(IDS.csat, BUGS);
  expect(await t.points(IDS.csat)).toEqual([['2025-08-20', 1]]);

  t.nextDay('2025-08-21');
  addIssue(t.app.site, { projectKey: 'PV', type: 'Bug', summary: 'Reset link expires too early', created: '2025-08-21T01:00:00Z' });
  await t.daily();
  expect(await t.points(IDS.csat)).toEqual([['2025-08-20', 1], ['2025-08-21', 2]]);
  expect(await t.sources()).toEqual({ [IDS.csat]: { at: '2025-08-21T02:00:00.000Z', date: '2025-08-21', count: 2, error: null } });

  // A second run the same day replaces the day's value (one value a KPI a day), keeping the history.
  addIssue(t.app.site, { projectKey: 'PV', type: 'Bug', summary: 'Typo on the reset page', created: '2025-08-21T03:00:00Z' });
  await t.daily();
  expect(await t.points(IDS.csat)).toEqual([['2025-08-20', 1], ['2025-08-21', 3]]);
  const detail = await t.app.call('member', 'kpi/measurement', { kpiId: IDS.csat, date: '2025-08-21' });
  expect(detail.ok && detail.data.history.map((h: { value: number; by: string | null; source: string }) => [h.value, h.by, h.source])).toEqual([
    [3, null, 'jql'],
    [2, null, 'jql'],
  ]);
});

it('feeds the iteration verdicts, never comparing a count with a value measured by hand', async () => {
  const t = await setUp();
  await t.set(IDS.csat, BUGS); // 1 on 20 Aug, inside "+60 days"
  const s = await t.app.call('member', 'launch/summary', { launchId: IDS.launch });
  // CSAT's defined baseline is 3.9, set by hand; a count of 1 is on another scale: not "moved away".
  expect(s.ok && s.data.iterations[1].kpis[1]).toMatchObject({ close: { date: '2025-08-20', value: 1 }, verdict: 'not-comparable' });
  expect(s.ok && s.data.kpis[1]).toMatchObject({ latest: { value: 1 }, verdict: 'not-comparable' });

  // Counts after the switch compare with each other: "+90 days" starts from the 20 Aug count.
  t.nextDay('2025-09-10');
  addIssue(t.app.site, { projectKey: 'PV', type: 'Bug', summary: 'Reset link expires too early', created: '2025-09-10T01:00:00Z' });
  await t.daily();
  const after = await t.app.call('member', 'launch/summary', { launchId: IDS.launch });
  expect(after.ok && after.data.iterations[2].kpis[1]).toMatchObject({ open: { date: '2025-08-20', value: 1 }, close: { date: '2025-09-10', value: 2 }, verdict: 'toward' });
});

it('keeps a JQL that Jira now refuses, with Jira’s message as the last run, and measures the others', async () => {
  const t = await setUp();
  await t.set(IDS.csat, BUGS);
  await t.set(IDS.calls, PORTAL_11);
  const pv = t.app.site.projects.find((p) => p.key === 'PV')!;
  pv.versions = pv.versions.filter((v) => v.id !== '10101');
  for (const issue of t.app.site.issues) issue.fixVersionIds = issue.fixVersionIds.filter((id) => id !== '10101');

  t.nextDay('2025-08-21');
  await t.daily();
  const runs = await t.sources();
  expect(runs[IDS.calls]).toEqual({ at: '2025-08-21T02:00:00.000Z', date: '2025-08-21', count: null, error: "The value '10101' does not exist for the field 'fixVersion'." });
  expect(runs[IDS.csat]).toMatchObject({ date: '2025-08-21', count: 1, error: null });
  expect((await t.points(IDS.calls)).map(([d]: [string]) => d)).toEqual(['2025-08-20']);
});

it('drops the sources of deleted KPIs, and the project from the daily run once it has none', async () => {
  const t = await setUp();
  await t.set(IDS.csat, BUGS);
  expect(await t.app.store.get(plKeys.jqlProject('10000'))).toEqual({ projectId: '10000', projectKey: 'PV' });
  expect((await t.app.call('admin', 'kpi/delete', { kpiId: IDS.csat, baseRevision: 3 })).ok).toBe(true);
  t.nextDay('2025-08-21');
  await t.daily();
  expect(await t.app.store.get(plKeys.measurement('10000', IDS.csat, '2025-08-21'))).toBeUndefined();
  expect(await t.app.store.get(plKeys.jqlProject('10000'))).toBeUndefined();
  expect(await t.app.store.get(plKeys.sources('10000'))).toMatchObject({ sources: {} });
});

it('fans out 20 projects an event, and pages on through the index', async () => {
  const { app } = await seededPostLaunch();
  for (let i = 0; i < 45; i++) await app.store.set(plKeys.jqlProject(String(20000 + i)), { projectId: String(20000 + i), projectKey: `P${i}` });
  const pushed: BackgroundJob[][] = [];
  const queue: JobQueue = { push: async (jobs) => void pushed.push(jobs) };
  const deps = localJobDeps({ store: app.store, site: app.site, queue });
  let job: BackgroundJob | undefined = { type: MEASURE_ALL_JOB };
  const projects: unknown[] = [];
  while (job) {
    pushed.length = 0;
    await measureAll(deps, job, queue);
    const jobs = pushed.flat();
    projects.push(...jobs.filter((j) => j.type === MEASURE_PROJECT_JOB).map((j) => j.projectId));
    expect(jobs.filter((j) => j.type === MEASURE_PROJECT_JOB).length).toBeLessThanOrEqual(20);
    job = jobs.find((j) => j.type === MEASURE_ALL_JOB);
  }
  expect(projects).toHaveLength(45);
  expect(new Set(projects).size).toBe(45);
});
