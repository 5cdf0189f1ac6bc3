import { IDS, seededPostLaunch, TODAY } from '../../../test/support/post-launch';
import type { Launch } from '../../contract/post-launch/post-launch';
import { presetIterations } from '../../domain/post-launch/launch-book';
import { iterationVerdictForEpic, shippedIn } from './epic-verdict';
import { readGoalBook } from '../../storage/books';
import { createTestApp, goalInput, kpiInput } from '../../../test/support/local-app';
import { fixedClock } from '../../../test/support/post-launch';

let n = 0;
const launch = (over: Partial<Launch> = {}): Launch => ({
  id: 'l1',
  name: 'Portal 1.0',
  versionId: '10100',
  versionName: 'Portal 1.0',
  date: '2025-06-30',
  createdBy: 'a',
  createdAt: '2025-06-30T00:00:00Z',
  iterations: presetIterations('2025-06-30', '30-60-90', () => `it-${++n}`),
  ...over,
});

describe('shippedIn', () => {
  const l = launch();
  const named = launch({ id: 'l2', versionId: null, date: '2025-09-30', iterations: [{ id: 'q4', name: 'Q4', start: '2025-10-01', end: '2025-12-31', versionId: '10101', versionName: 'Portal 1.1' }] });

  it('prefers an iteration that names one of the epic’s versions', () => {
    expect(shippedIn([l, named], { resolutionDate: '2025-07-10T10:00:00Z', fixVersionIds: ['10101'] }, TODAY)).toMatchObject({ iteration: { id: 'q4' }, shippedBy: 'version' });
  });

  it('else the iteration whose window holds the resolution day', () => {
    expect(shippedIn([l, named], { resolutionDate: '2025-08-01T23:59:00.000+0000', fixVersionIds: [] }, TODAY)).toMatchObject({
      iteration: { name: '+60 days' },
      shippedBy: 'resolved-in-window',
    });
  });

  it('else, fixed in a launch’s version, that launch’s current iteration', () => {
    expect(shippedIn([l], { resolutionDate: null, fixVersionIds: ['10100'] }, TODAY)).toMatchObject({ iteration: { name: '+60 days' }, shippedBy: 'version' });
  });

  it('else nothing', () => {
    expect(shippedIn([l], { resolutionDate: '2025-01-01T00:00:00Z', fixVersionIds: ['10102'] }, TODAY)).toBeNull();
    expect(shippedIn([], { resolutionDate: '2025-07-10T00:00:00Z', fixVersionIds: [] }, TODAY)).toBeNull();
  });
});

describe('iterationVerdictForEpic', () => {
  it('answers the verdict of the iteration the epic shipped in, in 2 reads when the panel has the goal book', async () => {
    const { app, clock } = await seededPostLaunch();
    const deps = { store: app.store, clock };
    const goalBook = await readGoalBook(deps, '10000');
    app.store.resetCalls();
    const v = await iterationVerdictForEpic(deps, '10000', { resolutionDate: '2025-07-15T12:00:00Z', fixVersionIds: [], goalId: IDS.goal }, goalBook);
    expect(app.store.calls.get).toBe(2);
    expect(v).toEqual({
      launchId: IDS.launch,
      launchName: 'Portal 1.0',
      iterationId: IDS.it30,
      iterationName: '+30 days',
      start: '2025-07-01',
      end: '2025-07-30',
      shippedBy: 'resolved-in-window',
      goal: { id: IDS.goal, title: 'Cut support calls' },
      tally: { toward: 1, flat: 0, away: 0, 'no-data': 1, 'not-comparable': 0 },
      kpis: [
        { kpiId: IDS.calls, name: 'Support calls per week', verdict: 'toward' },
        { kpiId: IDS.csat, name: 'CSAT', verdict: 'no-data' },
      ],
    });
    expect(await iterationVerdictForEpic(deps, '10000', { resolutionDate: null, fixVersionIds: [], goalId: IDS.goal })).toBeNull();
  });
});

describe('credit where it is due: an epic is credited only with the KPIs of the goal it serves', () => {
  /** Goals A and B, a KPI each measured before two launches; in +30 days of the June launch A's KPI stays flat while B's moves; a KPI of A added after that launch. */
  async function twoGoals() {
    const app = createTestApp({ clock: fixedClock() });
    const must = async (key: Parameters<typeof app.call>[1], payload: unknown): Promise<any> => {
      const r = await app.call('admin', key, payload);
      if (!r.ok) throw new Error(`${key}: ${JSON.stringify(r.error)}`);
      return r.data;
    };
    const a = (await must('goal/create', { goal: goalInput({ title: 'Cut support calls' }), baseRevision: 0 })).goals[0].id as string;
    const b = (await must('goal/create', { goal: goalInput({ title: 'Grow the shop' }), baseRevision: 1 })).goals[1].id as string;
    const calls = (await must('kpi/create', { kpi: kpiInput(a), baseRevision: 2 })).kpis[0].id as string;
    const orders = (await must('kpi/create', { kpi: kpiInput(b, { name: 'Orders', unit: '', direction: 'increase', baseline: 10, target: 40 }), baseRevision: 3 })).kpis[1].id as string;
    await must('kpi/measure', { kpiId: calls, date: '2025-02-20', value: 1250, note: '', baseRevision: 0 });
    await must('kpi/measure', { kpiId: orders, date: '2025-02-20', value: 10, note: '', baseRevision: 0 });
    await must('launch/create', { name: 'Spring', versionId: null, date: '2025-03-01', preset: '30-60-90', baseRevision: 0 });
    const june = await must('launch/create', { name: 'Summer', versionId: null, date: '2025-06-30', preset: '30-60-90', baseRevision: 1 });
    const summer = june.launchBook.launches.find((l: { name: string }) => l.name === 'Summer');
    await must('kpi/measure', { kpiId: calls, date: '2025-07-20', value: 1250, note: 'flat', baseRevision: 0 });
    await must('kpi/measure', { kpiId: orders, date: '2025-07-20', value: 30, note: 'up', baseRevision: 0 });
    // Added after both launches were recorded: not tracked at them, even with a value in the window.
    const book = await must('kpi/create', { kpi: kpiInput(a, { name: 'Resets done alone', unit: '', direction: 'increase', baseline: 0, target: 100 }), baseRevision: 4 });
    const late = book.kpis[2].id as string;
    await must('kpi/measure', { kpiId: late, date: '2025-07-25', value: 50, note: '', baseRevision: 0 });
    return { app, a, b, calls, orders, late, summer };
  }
  const inJuly = { resolutionDate: '2025-07-15T12:00:00Z', fixVersionIds: [] };

  it('an epic serving goal A sees only A’s KPIs, while B’s KPI moved in the same iteration', async () => {
    const { app, a, calls, late } = await twoGoals();
    const v = await iterationVerdictForEpic({ store: app.store, clock: fixedClock() }, '10000', { ...inJuly, goalId: a });
    expect(v).toMatchObject({ launchName: 'Summer', iterationName: '+30 days', goal: { id: a, title: 'Cut support calls' } });
    expect(v!.kpis).toEqual([
      { kpiId: calls, name: 'Support calls per week', verdict: 'flat' },
      // Created after the launch: no baseline to start from, so no credit either way.
      { kpiId: late, name: 'Resets done alone', verdict: 'no-data' },
    ]);
    expect(v!.tally).toEqual({ toward: 0, flat: 1, away: 0, 'no-data': 1, 'not-comparable': 0 });
  });

  it('an epic serving goal B sees only B’s KPI', async () => {
    const { app, b, orders } = await twoGoals();
    const v = await iterationVerdictForEpic({ store: app.store, clock: fixedClock() }, '10000', { ...inJuly, goalId: b });
    expect(v!.kpis).toEqual([{ kpiId: orders, name: 'Orders', verdict: 'toward' }]);
    expect(v!.tally).toEqual({ toward: 1, flat: 0, away: 0, 'no-data': 0, 'not-comparable': 0 });
  });

  it('an epic serving no goal (or a goal that no longer exists) is credited with nothing, and no digest is read', async () => {
    const { app } = await twoGoals();
    const deps = { store: app.store, clock: fixedClock() };
    for (const goalId of [null, 'no-such-goal']) {
      app.store.resetCalls();
      const v = await iterationVerdictForEpic(deps, '10000', { ...inJuly, goalId });
      expect(v).toMatchObject({ iterationName: '+30 days', goal: null, kpis: [], tally: { toward: 0, flat: 0, away: 0, 'no-data': 0 } });
      expect(app.store.calls.get).toBe(2); // launch book and goal book
    }
  });

});

describe('currentLaunchSummary', () => {
  it('answers the current launch’s summary for other features, null before any launch', async () => {
    const { app, clock } = await seededPostLaunch();
    const { currentLaunchSummary } = await import('./launch-queries');
    const s = await currentLaunchSummary({ store: app.store, clock }, '10000');
    expect(s).toMatchObject({ launch: { id: IDS.launch }, currentIterationId: IDS.it60, kpis: [{ verdict: 'toward' }, { verdict: 'no-data' }] });
    expect(await currentLaunchSummary({ store: app.store, clock }, '10001')).toBeNull();
  });
});
