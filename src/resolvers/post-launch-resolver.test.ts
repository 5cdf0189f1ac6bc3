/**
 * Post-launch keys through the real resolver definitions: every key for every role (refusals change
 * nothing), bad input (a clear error on the field, nothing written), and the editing flows.
 */
import { POST_LAUNCH_KEYS, VERDICT_RULE, type ApiKey } from '../contract';
import { kpiInput, type Role } from '../../test/support/local-app';
import { fixedClock, IDS, ITERATION_30, seededPostLaunch, TODAY } from '../../test/support/post-launch';

type Key = (typeof POST_LAUNCH_KEYS)[number];

const READS = new Set<Key>([
  'launch/overview',
  'launch/summary',
  'iteration/load',
  'iteration/decisions',
  'iteration/issue-types',
  'kpi/chart',
  'kpi/chart-year',
  'kpi/measurement',
  'feedback/list',
]);

const validPayload = (feedbackId: string, decisionId: string): Record<Key, unknown> => ({
  'launch/overview': {},
  'launch/summary': { launchId: IDS.launch },
  'launch/versions': {},
  'launch/create': { name: 'Summer campaign', versionId: null, date: '2025-08-01', preset: 'none', baseRevision: 1 },
  'launch/delete': { launchId: IDS.launch, baseRevision: 1 },
  'iteration/create': { launchId: IDS.launch, iteration: { name: 'Autumn', start: '2025-10-01', end: '2025-12-31', versionId: null }, baseRevision: 1 },
  'iteration/update': {
    launchId: IDS.launch,
    iterationId: IDS.it90,
    iteration: { name: 'Third month', start: '2025-08-30', end: '2025-09-30', versionId: '10101' },
    baseRevision: 1,
  },
  'iteration/delete': { launchId: IDS.launch, iterationId: IDS.it90, baseRevision: 1 },
  'iteration/load': ITERATION_30,
  'iteration/decide': { ...ITERATION_30, kind: 'decision', text: 'Keep the reset flow.' },
  'iteration/decisions': ITERATION_30,
  'iteration/issue-types': {},
  // Task, as the caller: Jira lets admins and members create issues in PV.
  'iteration/create-issue': { ...ITERATION_30, decisionId, issueTypeId: '10002' },
  'kpi/chart': { kpiId: IDS.calls },
  'kpi/chart-year': { kpiId: IDS.calls, year: 2023 },
  'kpi/preview-jql': { kpiId: IDS.csat, jql: 'project = PV AND issuetype = Bug' },
  'kpi/confirm-outlier': { kpiId: IDS.calls, date: '2025-07-20', baseRevision: 1 },
  'kpi/measure': { kpiId: IDS.calls, date: '2025-08-10', value: 1050, note: '', baseRevision: 0, iteration: { launchId: IDS.launch, iterationId: IDS.it60 } },
  'kpi/unmeasure': { kpiId: IDS.calls, date: '2025-07-20', baseRevision: 1 },
  'kpi/measurement': { kpiId: IDS.calls, date: '2025-07-20' },
  'kpi/set-jql': { kpiId: IDS.csat, jql: 'project = PV AND issuetype = Bug AND statusCategory != Done', baseJql: null },
  'feedback/create': { source: 'survey', text: 'Faster than calling.', sentiment: 'positive', goalId: IDS.goal, kpiId: null, iteration: null },
  'feedback/list': { iteration: ITERATION_30 },
  'feedback/delete': { feedbackId },
  'feedback/classify': { feedbackId, source: 'support', sentiment: 'negative', goalId: IDS.goal, kpiId: null, iteration: null },
  'feedback/cadence': { cadenceDays: 14 },
});

/** Written by anyone who may browse the project. */
const CONTRIBUTIONS = new Set<Key>(['feedback/create']);

const expected = (role: Role, key: Key): string => {
  if (role === 'anonymous') return 'UNAUTHENTICATED';
  if (role === 'outsider') return 'NO_ACCESS';
  if (role === 'admin' || READS.has(key) || CONTRIBUTIONS.has(key)) return 'ok';
  // Jira decides who may create issues: members may in PV, viewers may not.
  if (key === 'iteration/create-issue' && role === 'member') return 'ok';
  return 'FORBIDDEN';
};

describe('permissions: every post-launch key × every role', () => {
  const roles: Role[] = ['admin', 'member', 'viewer', 'outsider', 'anonymous'];
  const cases = POST_LAUNCH_KEYS.flatMap((key) => roles.map((role) => [key, role] as const));

  it.each(cases)('%s as %s', async (key, role) => {
    const { app, feedback, decision } = await seededPostLaunch();
    const before = await app.snapshot();
    const result = await app.call(role, key as ApiKey, validPayload(feedback.id, decision.id)[key]);
    expect(result.ok ? 'ok' : result.error.code).toBe(expected(role, key));
    if (!result.ok) {
      expect(result.error.message).toEqual(expect.any(String));
      expect(await app.snapshot()).toEqual(before);
    }
  });

  it('shows members the same outcomes, without editing', async () => {
    const { app } = await seededPostLaunch();
    const asMember = await app.call('member', 'launch/overview', {});
    const asAdmin = await app.call('admin', 'launch/overview', {});
    expect(asMember.ok && asMember.data.canEdit).toBe(false);
    expect(asAdmin.ok && asAdmin.data.canEdit).toBe(true);
    expect(asMember.ok && asMember.data.selected).toEqual(asAdmin.ok && asAdmin.data.selected);
  });
});

describe('bad input: a clear error on the field, and nothing written', () => {
  const iteration60 = { launchId: IDS.launch, iterationId: IDS.it60 };
  const measure = (over: Record<string, unknown>) => ({ kpiId: IDS.calls, date: '2025-08-10', value: 1000, note: '', baseRevision: 0, ...over });
  const bad: Array<[string, ApiKey, unknown, string, RegExp]> = [
    ['a value that is not a number', 'kpi/measure', measure({ value: '1,050' }), 'value', /must be a number/],
    ['NaN (JSON sends null)', 'kpi/measure', measure({ value: null }), 'value', /must be a number/],
    ['an impossible date', 'kpi/measure', measure({ date: '2025-02-30' }), 'date', /real calendar date/],
    ['a date in the future', 'kpi/measure', measure({ date: '2025-08-21' }), 'date', /today \(2025-08-20\)/],
    ['a date outside the iteration', 'kpi/measure', measure({ date: '2025-07-20', iteration: iteration60 }), 'date', /runs from 2025-07-31 to 2025-08-29/],
    ['a note over 280 characters', 'kpi/measure', measure({ note: 'n'.repeat(281) }), 'note', /at most 280/],
    ['a project in the payload', 'kpi/measure', measure({ projectId: '10001' }), '', /Unknown field: projectId/],
    ['a JQL Jira refuses', 'kpi/set-jql', { kpiId: IDS.csat, jql: 'project = PV AND nosuch = 1', baseJql: null }, 'jql', /^Jira did not accept this JQL: Field 'nosuch' does not exist/],
    ['a JQL with a syntax error', 'kpi/set-jql', { kpiId: IDS.csat, jql: 'project = PV AND (type = Bug', baseJql: null }, 'jql', /Expecting '\)'/],
    ['an unbounded JQL', 'kpi/set-jql', { kpiId: IDS.csat, jql: 'issuetype = Bug', baseJql: null }, 'jql', /project = PV AND/],
    ['a JQL naming a project that does not exist', 'kpi/set-jql', { kpiId: IDS.csat, jql: 'project in (PV, NOPE)', baseJql: null }, 'jql', /NOPE/],
    ['a JQL naming another project by name', 'kpi/set-jql', { kpiId: IDS.csat, jql: 'project in (PV, "Mobile App")', baseJql: null }, 'jql', /by key/],
    ['a JQL with OR at the top', 'kpi/set-jql', { kpiId: IDS.csat, jql: 'project = PV OR issuetype = Bug', baseJql: null }, 'jql', /OR at the top level/],
    ['a JQL of only an ORDER BY', 'kpi/set-jql', { kpiId: IDS.csat, jql: 'ORDER BY created', baseJql: null }, 'jql', /project = PV AND/],
    ['feedback over 2,000 characters', 'feedback/create', { source: 'survey', text: 'x'.repeat(2001), sentiment: 'neutral', goalId: null, kpiId: null, iteration: null }, 'text', /at most 2,000/],
    ['feedback without text', 'feedback/create', { source: 'survey', text: '   ', sentiment: 'neutral', goalId: null, kpiId: null, iteration: null }, 'text', /required/],
    ['an unknown sentiment', 'feedback/create', { source: 'survey', text: 'ok', sentiment: 'meh', goalId: null, kpiId: null, iteration: null }, 'sentiment', /positive, neutral or negative/],
    ['feedback on a goal that does not exist', 'feedback/create', { source: 'other', text: 'ok', sentiment: 'neutral', goalId: 'nope', kpiId: null, iteration: null }, 'goalId', /no longer exists/],
    ['an overlapping iteration', 'iteration/create', { launchId: IDS.launch, iteration: { name: 'Overlap', start: '2025-07-15', end: '2025-08-15', versionId: null }, baseRevision: 1 }, 'iteration.start', /Overlaps “\+30 days”/],
    ['an iteration before its launch', 'iteration/create', { launchId: IDS.launch, iteration: { name: 'Early', start: '2025-06-01', end: '2025-06-15', versionId: null }, baseRevision: 1 }, 'iteration.start', /after its launch/],
    ['an iteration with a foreign version', 'iteration/create', { launchId: IDS.launch, iteration: { name: 'Q4', start: '2025-10-01', end: '2025-12-31', versionId: '10103' }, baseRevision: 1 }, 'iteration.versionId', /not one of the project’s versions/],
    ['a version launched twice', 'launch/create', { name: '', versionId: '10100', date: null, preset: 'none', baseRevision: 1 }, 'versionId', /already recorded/],
    ['a version of another project', 'launch/create', { name: '', versionId: '10103', date: null, preset: 'none', baseRevision: 1 }, 'versionId', /not one of the project’s versions/],
    ['a dated launch without a date', 'launch/create', { name: 'Campaign', versionId: null, date: null, preset: 'none', baseRevision: 1 }, 'date', /needs its date/],
    ['an unknown preset', 'launch/create', { name: 'Campaign', versionId: null, date: '2025-08-01', preset: '7-14', baseRevision: 1 }, 'preset', /30-60-90 or none/],
  ];

  it.each(bad)('%s (%s)', async (_label, key, payload, path, message) => {
    const { app } = await seededPostLaunch();
    const before = await app.snapshot();
    const r = await app.call('admin', key, payload);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION_FAILED');
    const issue = r.error.fields?.find((f) => f.path === path);
    expect(issue?.message).toMatch(message);
    expect(await app.snapshot()).toEqual(before);
  });

  it('refuses a measurement, feedback or JQL for a KPI deleted meanwhile', async () => {
    const { app } = await seededPostLaunch();
    expect((await app.call('admin', 'kpi/delete', { kpiId: IDS.csat, baseRevision: 3 })).ok).toBe(true);
    const before = await app.snapshot();
    const m = await app.call('admin', 'kpi/measure', { kpiId: IDS.csat, date: '2025-08-01', value: 4.1, note: '', baseRevision: 0 });
    const f = await app.call('admin', 'feedback/create', { source: 'survey', text: 'ok', sentiment: 'neutral', goalId: null, kpiId: IDS.csat, iteration: null });
    const j = await app.call('admin', 'kpi/set-jql', { kpiId: IDS.csat, jql: 'project = PV', baseJql: null });
    for (const [r, path] of [[m, 'kpiId'], [f, 'kpiId'], [j, 'kpiId']] as const) {
      expect(!r.ok && r.error.code).toBe('VALIDATION_FAILED');
      expect(!r.ok && r.error.fields?.[0]).toMatchObject({ path, message: expect.stringContaining('deleted') });
    }
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('flows', () => {
  it('captures the baseline at launch and judges each iteration against it, with the rule stated', async () => {
    const { app, launched } = await seededPostLaunch();
    expect(launched.launchBook.launches[0]).toMatchObject({ name: 'Portal 1.0', versionId: '10100', versionName: 'Portal 1.0', date: '2025-06-30' });
    const overview = await app.call('member', 'launch/overview', {});
    if (!overview.ok) throw new Error(overview.error.message);
    const s = overview.data.selected;
    expect(s.currentIterationId).toBe(IDS.it60);
    expect(s.kpis).toEqual([
      { kpiId: IDS.calls, baseline: { value: 1250, date: '2025-06-20', from: 'measurement' }, latest: { date: '2025-07-20', value: 1100 }, verdict: 'toward' },
      { kpiId: IDS.csat, baseline: { value: 3.9, date: null, from: 'defined' }, latest: null, verdict: 'no-data' },
    ]);
    expect(s.iterations[0]).toMatchObject({ tally: { toward: 1, 'no-data': 1 }, feedback: { positive: 1 }, decisions: 1 });
    expect(VERDICT_RULE).toContain('2% of the KPI');
  });

  it('opens an iteration page: verdicts, the output shipped with its JQL, feedback and decisions', async () => {
    const { app } = await seededPostLaunch();
    const r = await app.call('viewer', 'iteration/load', ITERATION_30);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.outcome.kpis[0]).toMatchObject({ open: { value: 1250, from: 'baseline' }, close: { value: 1100 }, change: -150, verdict: 'toward' });
    expect(r.data.output).toEqual({
      jql: 'project = PV AND statusCategory = Done AND resolved >= "2025-07-01" AND resolved < "2025-07-31" ORDER BY resolved DESC',
      basis: 'window',
      count: 0,
      error: null,
    });
    expect(r.data.feedback.items[0]).toMatchObject({ text: 'Resetting my password myself saved me a call.', sentiment: 'positive' });
    expect(r.data.decisions.items[0]).toMatchObject({ kind: 'next-step' });
    expect(r.data.people.map((p: { displayName: string }) => p.displayName)).toEqual(['Maya Lindqvist']);
  });

  it('counts the output by version when the iteration names one', async () => {
    const { app } = await seededPostLaunch();
    const payload = { launchId: IDS.launch, iterationId: IDS.it30, iteration: { name: '+30 days', start: '2025-07-01', end: '2025-07-30', versionId: '10100' }, baseRevision: 1 };
    expect((await app.call('admin', 'iteration/update', payload)).ok).toBe(true);
    const r = await app.call('member', 'iteration/load', ITERATION_30);
    expect(r.ok && r.data.output).toMatchObject({ basis: 'version', count: 4 });
    expect(r.ok && r.data.outcome.kpis[0].verdict).toBe('toward'); // figures recomputed for the edited windows
  });

  it('replaces a day’s value only from the revision the editor saw, and keeps every revision with who and when', async () => {
    const { app, clock } = await seededPostLaunch();
    const day = { kpiId: IDS.calls, date: '2025-07-20' };
    const stale = await app.call('admin', 'kpi/measure', { ...day, value: 1090, note: '', baseRevision: 0 });
    expect(!stale.ok && stale.error).toMatchObject({ code: 'CONFLICT', details: { current: { value: 1100, revision: 1 } } });
    clock.at = new Date('2025-08-20T13:00:00Z');
    const edited = await app.call('admin', 'kpi/measure', { ...day, value: 1090, note: 'Corrected', baseRevision: 1 });
    expect(edited.ok && edited.data).toMatchObject({ value: 1090, revision: 2, action: 'edited', at: '2025-08-20T13:00:00.000Z' });
    const deleted = await app.call('admin', 'kpi/unmeasure', { ...day, baseRevision: 2 });
    expect(deleted.ok && deleted.data).toMatchObject({ value: null, revision: 3, action: 'deleted' });
    const detail = await app.call('viewer', 'kpi/measurement', day);
    expect(detail.ok && detail.data.history.map((h: { revision: number; action: string; by: string }) => [h.revision, h.action, h.by])).toEqual([
      [3, 'deleted', expect.any(String)],
      [2, 'edited', expect.any(String)],
      [1, 'created', expect.any(String)],
    ]);
    const summary = await app.call('member', 'launch/summary', { launchId: IDS.launch });
    expect(summary.ok && summary.data.iterations[0].kpis[0].verdict).toBe('no-data');
    const again = await app.call('admin', 'kpi/measure', { ...day, value: 1080, note: '', baseRevision: 0 });
    expect(again.ok && again.data).toMatchObject({ revision: 4, action: 'created' });
  });

  it('charts a KPI with this year and last, launch and iteration markers, and pages older years in', async () => {
    const { app } = await seededPostLaunch();
    await app.call('admin', 'kpi/measure', { kpiId: IDS.calls, date: '2023-03-01', value: 1500, note: '', baseRevision: 0 });
    const chart = await app.call('member', 'kpi/chart', { kpiId: IDS.calls });
    if (!chart.ok) throw new Error(chart.error.message);
    expect(chart.data.years).toEqual([2024, 2025]);
    expect(chart.data.points.map((p: { date: string }) => p.date)).toEqual(['2025-06-20', '2025-07-20']);
    expect(chart.data.points[1]).toMatchObject({ value: 1100, source: 'manual', hasNote: true });
    expect(chart.data.earliestYear).toBe(2023);
    expect(chart.data.markers.launches).toEqual([{ id: IDS.launch, name: 'Portal 1.0', date: '2025-06-30' }]);
    expect(chart.data.markers.iterations).toHaveLength(3);
    const older = await app.call('member', 'kpi/chart-year', { kpiId: IDS.calls, year: 2023 });
    expect(older.ok && older.data.points).toEqual([{ date: '2023-03-01', value: 1500, source: 'manual', hasNote: false }]);
  });

  it('asks before deleting an iteration with feedback or decisions, and deletes on confirm', async () => {
    const { app } = await seededPostLaunch();
    const asked = await app.call('admin', 'iteration/delete', { ...ITERATION_30, baseRevision: 1 });
    expect(!asked.ok && asked.error).toMatchObject({ code: 'CONFIRMATION_REQUIRED', details: { feedback: 1, decisions: 1 } });
    const done = await app.call('admin', 'iteration/delete', { ...ITERATION_30, baseRevision: 1, confirm: true });
    expect(done.ok && done.data.launchBook.launches[0].iterations.map((i: { name: string }) => i.name)).toEqual(['+60 days', '+90 days']);
  });

  it('answers CONFLICT to a launch change based on a stale book', async () => {
    const { app } = await seededPostLaunch();
    const r = await app.call('admin', 'launch/create', { name: 'Later', versionId: null, date: '2025-08-01', preset: 'none', baseRevision: 0 });
    expect(!r.ok && r.error).toMatchObject({ code: 'CONFLICT', details: { current: { revision: 1 } } });
  });

  it('sets an automatic KPI, takes today’s count at once, and measures by hand again with null', async () => {
    const { app } = await seededPostLaunch();
    const jql = 'project = PV AND issuetype = Bug AND statusCategory != Done';
    const set = await app.call('admin', 'kpi/set-jql', { kpiId: IDS.csat, jql, baseJql: null });
    expect(set.ok && set.data).toMatchObject({ kpiId: IDS.csat, jql, lastRun: { date: TODAY, count: 1, error: null } });
    const chart = await app.call('member', 'kpi/chart', { kpiId: IDS.csat });
    expect(chart.ok && chart.data.points).toEqual([{ date: TODAY, value: 1, source: 'jql', hasNote: false }]);
    const overview = await app.call('member', 'launch/overview', {});
    expect(overview.ok && overview.data.sources.map((s: { kpiId: string }) => s.kpiId)).toEqual([IDS.csat]);
    // Based on what the admin saw (by hand): someone else's JQL since is not overwritten unseen.
    const stale = await app.call('admin', 'kpi/set-jql', { kpiId: IDS.csat, jql: null, baseJql: null });
    expect(!stale.ok && stale.error).toMatchObject({ code: 'CONFLICT', details: { current: { jql } }, message: expect.stringContaining(jql) });
    const other = await app.call('admin', 'kpi/set-jql', { kpiId: IDS.csat, jql: 'project = PV', baseJql: null });
    expect(!other.ok && other.error.code).toBe('CONFLICT');
    expect((await app.call('admin', 'kpi/set-jql', { kpiId: IDS.csat, jql: null, baseJql: jql })).ok).toBe(true);
    const after = await app.call('member', 'launch/overview', {});
    expect(after.ok && after.data.sources).toEqual([]);
    expect(await app.store.get('jql-kpi-project:10000')).toBeUndefined();
  });

  it('deletes feedback from every list it was in', async () => {
    const { app, feedback } = await seededPostLaunch();
    expect((await app.call('admin', 'feedback/delete', { feedbackId: feedback.id })).ok).toBe(true);
    const all = await app.call('member', 'feedback/list', {});
    const inIteration = await app.call('member', 'feedback/list', { iteration: ITERATION_30 });
    expect([all.ok && all.data.items, inIteration.ok && inIteration.data.items]).toEqual([[], []]);
    const s = await app.call('member', 'launch/summary', { launchId: IDS.launch });
    expect(s.ok && s.data.iterations[0].feedback).toEqual({ positive: 0, neutral: 0, negative: 0 });
    const again = await app.call('admin', 'feedback/delete', { feedbackId: feedback.id });
    expect(!again.ok && again.error.code).toBe('NOT_FOUND');
  });

  it('adds each KPI’s latest value and the current iteration’s verdict to the project page’s highlights', async () => {
    const { app } = await seededPostLaunch();
    const before = await app.call('member', 'project/load', {});
    expect(before.ok && before.data.highlights.kpiCurrent).toEqual({ [IDS.calls]: { value: 1100, at: '2025-07-20' } });
    expect(before.ok && before.data.highlights.latestIteration).toMatchObject({ name: 'Portal 1.0 · +60 days', verdict: 'Too early to tell', tone: 'neutral' });
    await app.call('admin', 'kpi/measure', { kpiId: IDS.calls, date: '2025-08-15', value: 1050, note: '', baseRevision: 0 });
    const after = await app.call('member', 'project/load', {});
    expect(after.ok && after.data.highlights.latestIteration).toEqual({
      name: 'Portal 1.0 · +60 days',
      stalledSince: null,
      verdict: 'Worked',
      tone: 'success',
      summary: 'Moved toward target: Support calls per week. No data: CSAT.',
      at: '2025-08-15',
    });
    // Deleting the latest value falls back to the one before it.
    await app.call('admin', 'kpi/unmeasure', { kpiId: IDS.calls, date: '2025-08-15', baseRevision: 1 });
    await app.call('admin', 'kpi/unmeasure', { kpiId: IDS.calls, date: '2025-07-20', baseRevision: 1 });
    const fallback = await app.call('member', 'project/load', {});
    expect(fallback.ok && fallback.data.highlights.kpiCurrent).toEqual({ [IDS.calls]: { value: 1250, at: '2025-06-20' } });
  });

  it('shows a KPI added after the launch as not tracked at it: no baseline, no verdict against one it never had', async () => {
    const { app } = await seededPostLaunch();
    await app.call('admin', 'kpi/create', { kpi: kpiInput(IDS.goal, { name: 'Tickets', baseline: 300, target: 200 }), baseRevision: 3 });
    await app.call('admin', 'kpi/measure', { kpiId: 'id-10', date: '2025-08-15', value: 280, note: '', baseRevision: 0 });
    const s = await app.call('member', 'launch/summary', { launchId: IDS.launch });
    expect(s.ok && s.data.kpis[2]).toEqual({ kpiId: 'id-10', baseline: null, latest: { date: '2025-08-15', value: 280 }, verdict: 'no-data' });
    // The KPIs that existed when the launch was recorded keep their captured baselines.
    expect(s.ok && s.data.kpis[0]!.baseline).toEqual({ value: 1250, date: '2025-06-20', from: 'measurement' });
    expect(s.ok && s.data.kpis[1]!.baseline).toEqual({ value: 3.9, date: null, from: 'defined' });
    // Its iteration is not judged from the defined baseline either.
    const it60 = s.ok ? s.data.iterations.find((o: { iterationId: string }) => o.iterationId === IDS.it60)!.kpis.find((k: { kpiId: string }) => k.kpiId === 'id-10') : null;
    expect(it60).toMatchObject({ open: null, close: { value: 280 }, verdict: 'no-data' });
  });

  it('never labels an ended iteration current: months after the last one ended, tracking stalled since its end', async () => {
    const { app } = await seededPostLaunch(fixedClock('2026-03-01T12:00:00.000Z'));
    const s = await app.call('member', 'launch/summary', { launchId: IDS.launch });
    expect(s.ok && { current: s.data.currentIterationId, stalled: s.data.stalledSince }).toEqual({ current: null, stalled: '2025-09-28' });
    const page = await app.call('member', 'project/load', {});
    expect(page.ok && page.data.highlights.latestIteration).toMatchObject({ name: 'Portal 1.0 · +90 days', stalledSince: '2025-09-28' });
    // The iteration page says the same, on the iteration tracking stalled after only.
    const last = await app.call('member', 'iteration/load', { launchId: IDS.launch, iterationId: IDS.it90 });
    expect(last.ok && { current: last.data.current, stalledSince: last.data.stalledSince }).toEqual({ current: false, stalledSince: '2025-09-28' });
    const first = await app.call('member', 'iteration/load', ITERATION_30);
    expect(first.ok && { current: first.data.current, stalledSince: first.data.stalledSince }).toEqual({ current: false, stalledSince: null });
  });

  it('labels the running iteration current on the iteration page, on its last day too', async () => {
    const { app } = await seededPostLaunch(fixedClock('2025-09-28T12:00:00.000Z'));
    const last = await app.call('member', 'iteration/load', { launchId: IDS.launch, iterationId: IDS.it90 });
    expect(last.ok && { current: last.data.current, stalledSince: last.data.stalledSince }).toEqual({ current: true, stalledSince: null });
    const s = await app.call('member', 'launch/summary', { launchId: IDS.launch });
    expect(s.ok && { current: s.data.currentIterationId, stalled: s.data.stalledSince }).toEqual({ current: IDS.it90, stalled: null });
  });
});
