/**
 * Test data for post-launch tracking: a project with a goal, two KPIs, a pre-launch measurement, a
 * launch of version Portal 1.0 (30 Jun 2025) with +30/+60/+90 iterations, a measurement, a feedback item
 * and a decision in the first iteration. "Today" is 20 Aug 2025, in the +60 days iteration.
 */
import { createTestApp, goalInput, kpiInput } from './local-app';

export const TODAY = '2025-08-20';
export const fixedClock = (iso = `${TODAY}T12:00:00.000Z`) => {
  const clock = { at: new Date(iso), now: () => clock.at };
  return clock;
};

/** Ids the seed hands out, in order (the test app's id generator counts up). */
export const IDS = { goal: 'id-1', calls: 'id-2', csat: 'id-3', launch: 'id-4', it30: 'id-5', it60: 'id-6', it90: 'id-7' } as const;

export const ITERATION_30 = { launchId: IDS.launch, iterationId: IDS.it30 };

export async function seededPostLaunch(clock = fixedClock(), options: { jiraTimeoutMs?: number } = {}) {
  const app = createTestApp({ clock, ...options });
  const must = async (key: Parameters<typeof app.call>[1], payload: unknown) => {
    const r = await app.call('admin', key, payload);
    if (!r.ok) throw new Error(`${key}: ${JSON.stringify(r.error)}`);
    return r.data;
  };
  await must('goal/create', { goal: goalInput(), baseRevision: 0 });
  await must('kpi/create', { kpi: kpiInput(IDS.goal), baseRevision: 1 });
  await must('kpi/create', { kpi: kpiInput(IDS.goal, { name: 'CSAT', unit: '', direction: 'increase', baseline: 3.9, target: 4.5 }), baseRevision: 2 });
  await must('kpi/measure', { kpiId: IDS.calls, date: '2025-06-20', value: 1250, note: 'Before launch', baseRevision: 0 });
  const launched = await must('launch/create', { name: '', versionId: '10100', date: null, preset: '30-60-90', baseRevision: 0 });
  await must('kpi/measure', { kpiId: IDS.calls, date: '2025-07-20', value: 1100, note: 'Reset flow live', baseRevision: 0, iteration: ITERATION_30 });
  const feedback = await must('feedback/create', {
    source: 'interview',
    text: 'Resetting my password myself saved me a call.',
    sentiment: 'positive',
    goalId: IDS.goal,
    kpiId: IDS.calls,
    iteration: ITERATION_30,
  });
  const decision = await must('iteration/decide', { ...ITERATION_30, kind: 'next-step', text: 'Add SMS as a second reset channel.' });
  return { app, clock, launched, feedback, decision };
}

type Call = (role: 'admin', key: any, payload: unknown) => Promise<{ ok: boolean; data?: any; error?: unknown }>;

/**
 * Calls every post-launch key once, successfully, in an order where each has what it needs (a goal and
 * a KPI, a launch, its iterations): for checks that run every key, such as the scopes test. Answers the
 * keys called.
 */
export async function exerciseEveryPostLaunchKey(call: Call): Promise<string[]> {
  const called: string[] = [];
  const must = async (key: string, payload: unknown) => {
    const r = await call('admin', key, payload);
    if (!r.ok) throw new Error(`${key}: ${JSON.stringify(r.error)}`);
    called.push(key);
    return r.data;
  };
  const view = (await call('admin', 'project/load', {})).data;
  const goals = await must('goal/create', { goal: goalInput({ title: 'Post-launch' }), baseRevision: view.goalBook.revision });
  const goalId = goals.goals[goals.goals.length - 1].id;
  const book = await must('kpi/create', { kpi: kpiInput(goalId), baseRevision: goals.revision });
  const kpiId = book.kpis[book.kpis.length - 1].id;
  called.length = 0;

  const overview = await must('launch/overview', {});
  await must('launch/versions', {});
  const created = await must('launch/create', { name: '', versionId: '10100', date: null, preset: '30-60-90', baseRevision: overview.launchBook.revision });
  const launch = created.launchBook.launches.find((l: { versionId: string }) => l.versionId === '10100');
  const [first, , third] = launch.iterations;
  const ref = { launchId: launch.id, iterationId: first.id };
  await must('launch/summary', { launchId: launch.id });
  await must('kpi/measure', { kpiId, date: '2025-07-10', value: 1100, note: '', baseRevision: 0, iteration: ref });
  await must('kpi/measurement', { kpiId, date: '2025-07-10' });
  await must('kpi/unmeasure', { kpiId, date: '2025-07-10', baseRevision: 1 });
  await must('kpi/preview-jql', { kpiId, jql: 'project = PV AND issuetype = Bug' });
  const source = await must('kpi/set-jql', { kpiId, jql: 'project = PV AND issuetype = Bug', baseJql: null });
  const counted = (await call('admin', 'kpi/measurement', { kpiId, date: source.lastRun.date })).data;
  await must('kpi/confirm-outlier', { kpiId, date: source.lastRun.date, baseRevision: counted.current.revision });
  await must('kpi/chart', { kpiId });
  await must('kpi/chart-year', { kpiId, year: 2024 });
  const feedback = await must('feedback/create', { source: 'survey', text: 'Quicker than calling.', sentiment: 'positive', goalId, kpiId, iteration: ref });
  await must('feedback/list', { iteration: ref });
  await must('feedback/classify', { feedbackId: feedback.id, source: 'support', sentiment: 'negative', goalId, kpiId: null, iteration: ref });
  await must('feedback/cadence', { cadenceDays: 14 });
  const decision = await must('iteration/decide', { ...ref, kind: 'decision', text: 'Keep it.' });
  await must('iteration/issue-types', {});
  await must('iteration/create-issue', { ...ref, decisionId: decision.id, issueTypeId: '10002' });
  await must('iteration/decisions', ref);
  await must('iteration/load', ref);
  await must('feedback/delete', { feedbackId: feedback.id });
  const withVersion = await must('iteration/update', {
    ...ref,
    iteration: { name: first.name, start: first.start, end: first.end, versionId: '10100' },
    baseRevision: created.launchBook.revision,
  });
  const added = await must('iteration/create', {
    launchId: launch.id,
    iteration: { name: 'Autumn', start: '2025-10-01', end: '2025-12-31', versionId: null },
    baseRevision: withVersion.launchBook.revision,
  });
  const removed = await must('iteration/delete', { launchId: launch.id, iterationId: third.id, baseRevision: added.launchBook.revision, confirm: true });
  await must('launch/delete', { launchId: launch.id, baseRevision: removed.launchBook.revision });
  return called;
}
