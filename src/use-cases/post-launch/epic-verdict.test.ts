import { IDS, seededPostLaunch, TODAY } from '../../../test/support/post-launch';
import type { Launch } from '../../contract/post-launch/post-launch';
import { presetIterations } from '../../domain/post-launch/launch-book';
import { iterationVerdictForEpic, shippedIn } from './epic-verdict';
import { readGoalBook } from '../../storage/books';

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
    const v = await iterationVerdictForEpic(deps, '10000', { resolutionDate: '2025-07-15T12:00:00Z', fixVersionIds: [] }, goalBook);
    expect(app.store.calls.get).toBe(2);
    expect(v).toEqual({
      launchId: IDS.launch,
      launchName: 'Portal 1.0',
      iterationId: IDS.it30,
      iterationName: '+30 days',
      start: '2025-07-01',
      end: '2025-07-30',
      shippedBy: 'resolved-in-window',
      tally: { toward: 1, flat: 0, away: 0, 'no-data': 1, 'not-comparable': 0 },
      kpis: [
        { kpiId: IDS.calls, name: 'Support calls per week', verdict: 'toward' },
        { kpiId: IDS.csat, name: 'CSAT', verdict: 'no-data' },
      ],
    });
    expect(await iterationVerdictForEpic(deps, '10000', { resolutionDate: null, fixVersionIds: [] })).toBeNull();
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
