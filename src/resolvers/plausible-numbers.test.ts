/**
 * Plausible numbers and visible source changes through the real resolver definitions: refusals write
 * nothing, a far-off measurement asks for confirmation and is stored marked, a daily count nobody saw
 * stays an unconfirmed outlier until an admin confirms it, and switching to JQL can be previewed.
 */
import { addIssue } from '../../devtools/simulated-jira';
import { kpiInput } from '../../test/support/local-app';
import { IDS, seededPostLaunch } from '../../test/support/post-launch';
import { startDailyJobs } from '../use-cases/shared/background-jobs';

const measure = (over: Record<string, unknown> = {}) => ({ kpiId: IDS.calls, date: '2025-08-10', value: 1000, note: '', baseRevision: 0, ...over });

describe('KPI numbers', () => {
  it('refuses a target of 1e308 and a percent over 100 with a field error, writing nothing', async () => {
    const { app } = await seededPostLaunch();
    const before = await app.snapshot();
    const huge = await app.call('admin', 'kpi/update', { kpiId: IDS.calls, kpi: kpiInput(IDS.goal, { target: 1e308 }), baseRevision: 3 });
    expect(!huge.ok && huge.error.fields).toEqual([{ path: 'kpi.target', message: 'Target must be a number between −1,000,000,000,000 and 1,000,000,000,000.' }]);
    const pct = kpiInput(IDS.goal, { name: 'Self-service share', unit: '%', direction: 'increase', baseline: 20, target: 120 });
    const over = await app.call('admin', 'kpi/create', { kpi: pct, baseRevision: 3 });
    expect(!over.ok && over.error.code).toBe('VALIDATION_FAILED');
    expect(!over.ok && over.error.fields?.[0]).toMatchObject({ path: 'kpi.target', message: expect.stringMatching(/between 0 and 100/) });
    expect(await app.snapshot()).toEqual(before);
    // The admin allows any percent: the same KPI is saved.
    const allowed = await app.call('admin', 'kpi/create', { kpi: { ...pct, anyPercent: true }, baseRevision: 3 });
    expect(allowed.ok && allowed.data.kpis.at(-1)).toMatchObject({ unit: '%', target: 120, anyPercent: true });
  });

  it('refuses a measurement over 10^12, or outside 0–100 for a percent KPI, writing nothing', async () => {
    const { app } = await seededPostLaunch();
    const made = await app.call('admin', 'kpi/create', {
      kpi: kpiInput(IDS.goal, { name: 'Share', unit: '%', direction: 'increase', baseline: 20, target: 60 }),
      baseRevision: 3,
    });
    const share = made.ok ? made.data.kpis.at(-1)!.id : '';
    const before = await app.snapshot();
    const big = await app.call('admin', 'kpi/measure', measure({ value: 1e12 + 1 }));
    expect(!big.ok && [big.error.code, big.error.fields?.[0]?.path]).toEqual(['VALIDATION_FAILED', 'value']);
    const pct = await app.call('admin', 'kpi/measure', measure({ kpiId: share, value: 101 }));
    expect(!pct.ok && pct.error.fields).toEqual([{ path: 'value', message: expect.stringMatching(/^Value must be between 0 and 100/) }]);
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('outliers', () => {
  it('asks before saving a value far outside the range (CONFIRMATION_REQUIRED, nothing written), then stores it marked', async () => {
    const { app } = await seededPostLaunch();
    const before = await app.snapshot();
    // Calls: 1,200 → 600, a span of 600: more than 6,000 below 600 is far off.
    const asked = await app.call('admin', 'kpi/measure', measure({ value: -99_999_999_999 }));
    expect(!asked.ok && asked.error.code).toBe('CONFIRMATION_REQUIRED');
    expect(!asked.ok && asked.error.message).toBe("-99,999,999,999 is far outside this KPI's range (600 to 1,200). Is it right?");
    expect(!asked.ok && asked.error.fields?.[0]?.path).toBe('value');
    expect(await app.snapshot()).toEqual(before);
    // Exactly 10× the span beyond the range is still plausible: saved without asking, unmarked.
    const edge = await app.call('admin', 'kpi/measure', measure({ date: '2025-08-11', value: 600 - 6000 }));
    expect(edge.ok && edge.data.outlier).toBeUndefined();

    const saved = await app.call('admin', 'kpi/measure', measure({ value: -99_999_999_999, confirmed: true }));
    expect(saved.ok && saved.data).toMatchObject({ value: -99_999_999_999, outlier: 'confirmed', by: expect.any(String) });
    const chart = await app.call('member', 'kpi/chart', { kpiId: IDS.calls });
    expect(chart.ok && chart.data.points.find((p: { date: string }) => p.date === '2025-08-10')).toMatchObject({ outlier: 'confirmed' });
  });

  it('marks a far-off daily count unconfirmed, leaves it out of the verdict, and counts it once an admin confirms it', async () => {
    const { app, clock } = await seededPostLaunch();
    // Bugs KPI: 40 → 10; the switch count is 1 (plausible). Then 500 bugs arrive: far outside the range.
    const made = await app.call('admin', 'kpi/create', {
      kpi: kpiInput(IDS.goal, { name: 'Open bugs', unit: 'bugs', direction: 'decrease', baseline: 40, target: 10 }),
      baseRevision: 3,
    });
    const bugs = made.ok ? made.data.kpis.at(-1)!.id : '';
    const set = await app.call('admin', 'kpi/set-jql', { kpiId: bugs, jql: 'project = PV AND issuetype = Bug', baseJql: null });
    expect(set.ok).toBe(true);
    clock.at = new Date('2025-08-25T02:00:00.000Z');
    for (let i = 0; i < 500; i++) addIssue(app.site, { projectKey: 'PV', type: 'Bug', summary: `Bug ${i}`, created: '2025-08-25T01:00:00Z' });
    await startDailyJobs(app.queue);
    await app.queue.drain();

    const day = await app.call('member', 'kpi/measurement', { kpiId: bugs, date: '2025-08-25' });
    expect(day.ok && day.data.current).toMatchObject({ source: 'jql', by: null, outlier: 'unconfirmed' });
    const verdictOf = async () => {
      const s = await app.call('member', 'launch/summary', { launchId: IDS.launch });
      return s.ok ? s.data.iterations[1]!.kpis.find((k: { kpiId: string }) => k.kpiId === bugs) : null;
    };
    // "+60 days" closes on the 20 Aug count, not on the outlier.
    expect(await verdictOf()).toMatchObject({ close: { date: '2025-08-20' }, measurements: 1 });

    const member = await app.call('member', 'kpi/confirm-outlier', { kpiId: bugs, date: '2025-08-25', baseRevision: 1 });
    expect(!member.ok && member.error.code).toBe('FORBIDDEN');
    const stale = await app.call('admin', 'kpi/confirm-outlier', { kpiId: bugs, date: '2025-08-25', baseRevision: 7 });
    expect(!stale.ok && stale.error.code).toBe('CONFLICT');
    const rev = day.ok ? day.data.current!.revision : 0;
    const confirmed = await app.call('admin', 'kpi/confirm-outlier', { kpiId: bugs, date: '2025-08-25', baseRevision: rev });
    expect(confirmed.ok && confirmed.data).toMatchObject({ outlier: 'confirmed', source: 'jql', value: 501, revision: rev + 1 });
    // Now it counts. No verdict either way: the KPI was created after the launch (not tracked at it), and
    // the iteration has no value from before its own first count to start from.
    expect(await verdictOf()).toMatchObject({ open: null, close: { date: '2025-08-25', value: 501 }, measurements: 2, verdict: 'no-data' });
  });
});

describe('switching a KPI to JQL', () => {
  it('previews today’s count and the status it would give, writing nothing', async () => {
    const { app } = await seededPostLaunch();
    const before = await app.snapshot();
    const r = await app.call('admin', 'kpi/preview-jql', { kpiId: IDS.calls, jql: 'project = PV AND issuetype = Bug' });
    expect(r.ok && r.data).toEqual({
      kpiId: IDS.calls,
      count: 1,
      date: '2025-08-20',
      latest: { date: '2025-07-20', value: 1100 },
      statusNow: 'on-track',
      statusAfter: 'achieved',
      outlier: false,
      changesScale: true,
    });
    expect(await app.snapshot()).toEqual(before);
    const member = await app.call('member', 'kpi/preview-jql', { kpiId: IDS.calls, jql: 'project = PV AND issuetype = Bug' });
    expect(!member.ok && member.error.code).toBe('FORBIDDEN');
    const bad = await app.call('admin', 'kpi/preview-jql', { kpiId: IDS.calls, jql: 'issuetype = Bug' });
    expect(!bad.ok && bad.error.fields?.[0]?.path).toBe('jql');
    expect(await app.snapshot()).toEqual(before);
  });

  it('records the switch in the chart both ways', async () => {
    const { app, clock } = await seededPostLaunch();
    const jql = 'project = PV AND issuetype = Bug';
    expect((await app.call('admin', 'kpi/set-jql', { kpiId: IDS.calls, jql, baseJql: null })).ok).toBe(true);
    clock.at = new Date('2025-08-22T12:00:00.000Z');
    expect((await app.call('admin', 'kpi/set-jql', { kpiId: IDS.calls, jql: null, baseJql: jql })).ok).toBe(true);
    const chart = await app.call('member', 'kpi/chart', { kpiId: IDS.calls });
    expect(chart.ok && chart.data.switches).toEqual([
      { date: '2025-08-20', to: 'jql' },
      { date: '2025-08-22', to: 'manual' },
    ]);
    // Measured by hand again: going back to the JQL would change the scale once more.
    const again = await app.call('admin', 'kpi/preview-jql', { kpiId: IDS.calls, jql });
    expect(again.ok && again.data.changesScale).toBe(true);
  });

  it('records no switch when the JQL is set again unchanged (a retry)', async () => {
    const { app } = await seededPostLaunch();
    const jql = 'project = PV AND issuetype = Bug';
    expect((await app.call('admin', 'kpi/set-jql', { kpiId: IDS.csat, jql, baseJql: null })).ok).toBe(true);
    expect((await app.call('admin', 'kpi/set-jql', { kpiId: IDS.csat, jql, baseJql: null })).ok).toBe(true);
    const chart = await app.call('member', 'kpi/chart', { kpiId: IDS.csat });
    expect(chart.ok && chart.data.switches).toEqual([{ date: '2025-08-20', to: 'jql' }]);
    const preview = await app.call('admin', 'kpi/preview-jql', { kpiId: IDS.csat, jql });
    expect(preview.ok && preview.data.changesScale).toBe(false);
  });
});
