/**
 * Storage that keeps working for years, on the local store that enforces Forge KVS's limits: the
 * worst-case documents fit, every key is valid, and opening the post-launch views costs the same
 * number of storage calls with one year of daily history as with five.
 */
import { SqliteStore } from '../../../devtools/local/sqlite-store';
import { KVS_LIMITS } from '../../ports';
import { POST_LAUNCH_LIMITS as L, type Iteration, type KpiSource, type Launch, type LaunchBook } from '../../contract/post-launch/post-launch';
import type { Kpi } from '../../contract/goals/model';
import { addDays } from '../../domain/post-launch/days';
import { emptyBucket, withDay } from '../../domain/post-launch/kpi-series';
import { emptyDigest, kpiWindows, type LaunchDigest } from '../../domain/post-launch/launch-digest';
import { IDS, ITERATION_30, seededPostLaunch, TODAY } from '../../../test/support/post-launch';
import { seedDailyMeasurements, seedFeedback } from '../../../test/support/post-launch-history';
import { kpisInOrder, readGoalBook } from '../../storage/books';
import type { SourcesDoc } from '../../storage/kpi-sources';
import { readLaunchBook } from '../../storage/launches';
import { rebuildDigest } from '../../storage/kpi-series';
import { plKeys } from '../../storage/post-launch-keys';

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');
/** 3-byte characters (e.g. "€"): the longest a text of `n` UTF-16 units gets in UTF-8 but for surrogate pairs, which count 2 units for 4 bytes. */
const widest = (n: number) => '€'.repeat(n);
const longId = (i: number) => `${String(i).padStart(4, '0')}${'x'.repeat(60)}`; // 64 characters, the longest id
const longAccount = 'a'.repeat(128);

describe('worst-case documents fit Forge KVS', () => {
  let store: SqliteStore;
  beforeEach(() => {
    store = new SqliteStore(':memory:');
  });
  afterEach(() => store.close());

  const iteration = (l: number, i: number): Iteration => ({
    id: longId(l * 100 + i),
    name: widest(L.iterationName),
    start: '2025-07-01',
    end: '2025-07-30',
    versionId: '9'.repeat(18),
    versionName: widest(L.versionName),
  });
  const launch = (l: number): Launch => ({
    id: longId(l),
    name: widest(L.launchName),
    versionId: '9'.repeat(18),
    versionName: widest(L.versionName),
    date: '2025-06-30',
    createdBy: longAccount,
    createdAt: '2025-06-30T10:00:00.000Z',
    iterations: Array.from({ length: L.maxIterationsPerLaunch }, (_, i) => iteration(l, i)),
  });

  it('a launch book at every limit', async () => {
    const book: LaunchBook = { revision: 9_999_999, launches: Array.from({ length: L.maxLaunches }, (_, l) => launch(l)), updatedBy: longAccount, updatedAt: '2025-06-30T10:00:00.000Z' };
    expect(bytes(book)).toBeLessThan(KVS_LIMITS.maxValueBytes);
    await store.set(plKeys.launchBook('1'.repeat(18)), book);
  });

  it('a launch digest for 60 KPIs × 12 iterations with the longest values', async () => {
    const l = launch(1);
    const kpiIds = Array.from({ length: 60 }, (_, k) => longId(k));
    const series = l.iterations.map((it) => ({ date: it.end, value: -123456789.12345678 }));
    const digest: LaunchDigest = {
      ...emptyDigest(l),
      rev: 9_999_999,
      baselines: Object.fromEntries(kpiIds.map((id) => [id, { value: -123456789.12345678, date: '2025-06-30', from: 'measurement' as const }])),
      kpis: Object.fromEntries(kpiIds.map((id) => [id, Object.fromEntries(Object.entries(kpiWindows(l, series)).map(([k, w]) => [k, { ...w, o: w.c, n: 366 }]))])),
      feedback: Object.fromEntries(l.iterations.map((it) => [it.id, { positive: 999_999, neutral: 999_999, negative: 999_999 }])),
      decisions: Object.fromEntries(l.iterations.map((it) => [it.id, 999_999])),
    };
    expect(bytes(digest)).toBeLessThan(KVS_LIMITS.maxValueBytes * 0.6); // about 125 KB
    await store.set(plKeys.digest('1'.repeat(18), l.id), digest);
  });

  it('a year bucket of 366 days, and the sources of 60 automatic KPIs with the longest JQL', async () => {
    let bucket = emptyBucket(longId(1), 2024);
    for (let d = 0, day = '2024-01-01'; d < 366; d++, day = addDays(day, 1)) bucket = withDay(bucket, day, [-123456789.12345678, 3]);
    expect(Object.keys(bucket.days)).toHaveLength(366);
    expect(bytes(bucket)).toBeLessThan(20 * 1024);
    await store.set(plKeys.bucket('1'.repeat(18), longId(1), 2024), bucket);

    const run = { at: '2025-06-30T10:00:00.000Z', date: '2025-06-30', count: 999_999_999, error: widest(200) };
    const sources: SourcesDoc = {
      rev: 9_999_999,
      projectKey: 'P'.repeat(255),
      sources: Object.fromEntries(
        Array.from({ length: 60 }, (_, k): [string, KpiSource] => [longId(k), { kpiId: longId(k), jql: widest(L.jql), setBy: longAccount, setAt: run.at, lastRun: run }]),
      ),
    };
    expect(bytes(sources)).toBeLessThan(KVS_LIMITS.maxValueBytes);
    await store.set(plKeys.sources('1'.repeat(18)), sources);
  });

  it('the longest keys are far below 500 characters and use only KVS characters', () => {
    const p = '9'.repeat(18);
    const keys = [
      plKeys.measurementRevision(p, longId(1), '2025-06-30', 9_999_999),
      plKeys.claim(plKeys.bucket(p, longId(1), 2025), 9_999_999),
      plKeys.claim(plKeys.digest(p, longId(2)), 9_999_999),
      plKeys.feedbackByIteration(p, longId(3), `${'9'.repeat(13)}-${longId(4)}`),
      plKeys.decision(p, longId(3), `${'9'.repeat(13)}-${longId(4)}`),
    ];
    for (const key of keys) {
      expect(key.length).toBeLessThan(250);
      expect(key).toMatch(KVS_LIMITS.keyPattern);
    }
  });
});

/** Storage calls of each post-launch view, with `years` of daily history for both KPIs and `feedback` items. */
async function callsWith(years: number, feedback: number) {
  const { app } = await seededPostLaunch();
  await seedDailyMeasurements(app.store, '10000', [IDS.calls, IDS.csat], {
    from: addDays(TODAY, -365 * years),
    to: TODAY,
    by: 'seed',
    value: (k, d) => (k === 0 ? 1300 - (d % 200) : 3.9 + (d % 50) / 100),
  });
  const deps = { store: app.store };
  const launch = (await readLaunchBook(deps, '10000')).launches[0]!;
  const kpis: Kpi[] = kpisInOrder(await readGoalBook(deps, '10000'));
  await rebuildDigest(deps, '10000', launch, kpis);
  await seedFeedback(app.store, '10000', launch, { count: feedback, goalId: IDS.goal, kpiIds: [IDS.calls, IDS.csat], by: 'seed' });

  const measure = async (key: Parameters<typeof app.call>[1], payload: unknown) => {
    app.store.resetCalls();
    const r = await app.call('member', key, payload);
    if (!r.ok) throw new Error(`${key}: ${r.error.message}`);
    return { calls: { ...app.store.calls }, data: r.data };
  };
  return {
    overview: await measure('launch/overview', {}),
    iteration: await measure('iteration/load', ITERATION_30),
    chart: await measure('kpi/chart', { kpiId: IDS.calls }),
    older: await measure('kpi/chart-year', { kpiId: IDS.calls, year: 2021 }),
    store: app.store,
  };
}

describe('a page costs the same storage calls however long the history', () => {
  it('1 year and 20 feedback items, or 5 years and 600: overview 4 reads, iteration 3 reads + 2 queries, chart 4 reads + 2 queries (its years, its repair notes)', async () => {
    const small = await callsWith(1, 20);
    const large = await callsWith(5, 600);
    const none = { set: 0, setIfAbsent: 0, delete: 0, transact: 0 };
    expect(small.overview.calls).toEqual({ ...none, get: 4, query: 0 });
    expect(small.iteration.calls).toEqual({ ...none, get: 3, query: 2 });
    expect(small.chart.calls).toEqual({ ...none, get: 4, query: 2 });
    expect(small.older.calls).toEqual({ ...none, get: 2, query: 0 }); // the year, and the goal book (a KPI of this project)
    for (const view of ['overview', 'iteration', 'chart', 'older'] as const) expect(large[view].calls).toEqual(small[view].calls);

    // The figures come from the whole history all the same.
    expect(large.chart.data.earliestYear).toBe(2020);
    expect(small.chart.data.earliestYear).toBe(2024);
    expect(large.chart.data.points.length).toBeGreaterThan(365);
    expect(large.iteration.data.outcome.feedback).toEqual({ positive: 68, neutral: 67, negative: 66 }); // the seed's own item, and 200 more
    expect(large.iteration.data.feedback.items).toHaveLength(L.pageSize);
    expect(large.iteration.data.feedback.nextCursor).toEqual(expect.any(String));
    expect(large.older.data.points).toHaveLength(365);
    large.store.close();
    small.store.close();
  });

  it('lays measurements out one key a day (and one per revision), buckets one key a KPI-year', async () => {
    const { app } = await seededPostLaunch();
    await app.call('admin', 'kpi/measure', { kpiId: IDS.calls, date: '2025-07-20', value: 1090, note: '', baseRevision: 1 });
    const keys: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await app.store.query('project:10000:kpi:', { cursor, limit: 20 });
      keys.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(keys.sort()).toEqual([
      'project:10000:kpi:id-2:day:2025-06-20',
      'project:10000:kpi:id-2:day:2025-06-20:rev:9999999998',
      'project:10000:kpi:id-2:day:2025-07-20',
      'project:10000:kpi:id-2:day:2025-07-20:rev:9999999997',
      'project:10000:kpi:id-2:day:2025-07-20:rev:9999999998',
      'project:10000:kpi:id-2:year:2025',
    ]);
  });
});
