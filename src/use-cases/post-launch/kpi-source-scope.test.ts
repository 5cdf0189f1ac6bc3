/**
 * KPIs counted anywhere the admin can see: a JQL may span other projects the admin who sets it may
 * browse (checked as them); the daily count runs as the app; a viewer who may not browse those
 * projects sees the counts only, never the query or issue keys from it. Project-bounded JQL works as before.
 */
import { addIssue } from '../../../devtools/simulated-jira';
import { IDS, seededPostLaunch } from '../../../test/support/post-launch';
import { startDailyJobs } from '../shared/background-jobs';

const ACROSS = 'project in (PV, MOB) AND issuetype = Bug';
/** Names an issue of MOB: a viewer who cannot browse MOB must never see it. */
const WITH_KEY = 'project in (PV, MOB) AND (issuetype = Bug OR parent = MOB-3)';

async function setUp() {
  const seeded = await seededPostLaunch();
  const { app } = seeded;
  const set = (role: 'admin' | 'siteAdmin' | 'member', jql: string | null, baseJql: string | null = null, kpiId: string = IDS.csat) =>
    app.call(role, 'kpi/set-jql', { kpiId, jql, baseJql });
  const overview = async (role: 'admin' | 'member' | 'viewer' | 'siteAdmin') => {
    const r = await app.call(role, 'launch/overview', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.data;
  };
  const projectSearches = () => app.site.calls['GET /rest/api/3/project/search'] ?? 0;
  return { ...seeded, set, overview, projectSearches };
}

describe('setting a JQL that spans other projects', () => {
  it('is allowed for an admin who may browse them all: counted as them, the other projects kept with the source', async () => {
    const { set } = await setUp();
    const r = await set('admin', ACROSS);
    expect(r.ok).toBe(true);
    // PV's one bug and MOB's one bug.
    expect(r.ok && r.data).toMatchObject({ jql: ACROSS, otherProjects: [{ id: '10001', key: 'MOB' }], lastRun: { count: 2, error: null } });
  });

  it('is refused, on the field and with nothing written, for an admin who may not browse one of them', async () => {
    const { app, set } = await setUp();
    const before = await app.snapshot();
    // The site admin administers PV and MOB but may browse PV only.
    const r = await set('siteAdmin', ACROSS);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION_FAILED');
    expect(r.error.fields).toEqual([{ path: 'jql', message: expect.stringMatching(/^You may not browse MOB/) }]);
    expect(await app.snapshot()).toEqual(before);
    // The preview refuses the same way.
    const preview = await app.call('siteAdmin', 'kpi/preview-jql', { kpiId: IDS.csat, jql: ACROSS });
    expect(!preview.ok && preview.error.fields?.[0]?.message).toMatch(/You may not browse MOB/);
  });

  it('is refused when it names no projects, or an OR leaves one part unbounded', async () => {
    const { set } = await setUp();
    for (const jql of ['issuetype = Bug', 'project = MOB OR issuetype = Bug', 'project != PV AND issuetype = Bug']) {
      const r = await set('admin', jql);
      expect(!r.ok && r.error.fields?.[0]?.message).toMatch(/named projects/);
    }
    // An OR naming projects in each part is bounded.
    expect((await set('admin', 'project = PV AND issuetype = Bug OR project = MOB AND issuetype = Bug')).ok).toBe(true);
  });

  it('keeps a project-bounded JQL as it was: no other projects, no extra Jira call', async () => {
    const { set, overview, projectSearches } = await setUp();
    const before = projectSearches();
    const r = await set('admin', 'project = PV AND issuetype = Bug');
    expect(r.ok && r.data.otherProjects).toBeUndefined();
    const seen = await overview('viewer');
    expect(seen.sources[0]).toMatchObject({ jql: 'project = PV AND issuetype = Bug' });
    expect(seen.sources[0].hidden).toBeUndefined();
    expect(projectSearches()).toBe(before);
  });
});

describe('the daily count of a JQL spanning projects', () => {
  it('runs as the app and records the count of every project named', async () => {
    const { app, set, clock } = await setUp();
    expect((await set('admin', ACROSS)).ok).toBe(true);
    addIssue(app.site, { projectKey: 'MOB', type: 'Bug', summary: 'Crash on login', created: '2025-08-20T13:00:00Z' });
    clock.at = new Date('2025-08-21T02:00:00.000Z');
    await startDailyJobs(app.queue);
    await app.queue.drain();
    const chart = await app.call('viewer', 'kpi/chart', { kpiId: IDS.csat });
    const counts = chart.ok ? chart.data.points.filter((p: { source: string }) => p.source === 'jql').map((p: { date: string; value: number }) => [p.date, p.value]) : [];
    expect(counts).toEqual([
      ['2025-08-20', 2],
      ['2025-08-21', 3],
    ]);
  });
});

describe('what viewers see of a source spanning projects', () => {
  it('a viewer who may not browse MOB sees the counts only: no JQL, no issue key from it', async () => {
    const { app, set, overview, clock } = await setUp();
    expect((await set('admin', WITH_KEY)).ok).toBe(true);
    for (const role of ['viewer', 'siteAdmin'] as const) {
      const seen = await overview(role);
      const source = seen.sources.find((s: { kpiId: string }) => s.kpiId === IDS.csat);
      expect(source).toMatchObject({ jql: '', hidden: true, lastRun: { count: 3, error: null } });
      expect(JSON.stringify(seen)).not.toMatch(/MOB-3|parent =/);
    }
    // The KPI's chart and a day's detail carry values, never the query.
    const day = '2025-08-20';
    for (const [key, payload] of [['kpi/chart', { kpiId: IDS.csat }], ['kpi/measurement', { kpiId: IDS.csat, date: day }]] as const) {
      const r = await app.call('viewer', key, payload);
      expect(r.ok).toBe(true);
      expect(JSON.stringify(r)).not.toMatch(/MOB|parent =/);
    }
    // A failed run's message (Jira's words about MOB) is withheld too.
    app.site.issues = app.site.issues.filter((i) => i.key !== 'MOB-3');
    clock.at = new Date('2025-08-21T02:00:00.000Z');
    await startDailyJobs(app.queue);
    await app.queue.drain();
    const failed = (await overview('viewer')).sources.find((s: { kpiId: string }) => s.kpiId === IDS.csat);
    expect(failed.lastRun).toMatchObject({ count: null, error: 'The last daily count failed.' });
    expect((await overview('admin')).sources.find((s: { kpiId: string }) => s.kpiId === IDS.csat).lastRun.error).toMatch(/MOB-3/);
  });

  it('those who may browse every project named see the JQL (admin, member)', async () => {
    const { set, overview } = await setUp();
    expect((await set('admin', WITH_KEY)).ok).toBe(true);
    for (const role of ['admin', 'member'] as const) {
      const source = (await overview(role)).sources.find((s: { kpiId: string }) => s.kpiId === IDS.csat);
      expect(source).toMatchObject({ jql: WITH_KEY, otherProjects: [{ id: '10001', key: 'MOB' }] });
      expect(source.hidden).toBeUndefined();
    }
  });

  it('an export by an admin who may not browse MOB carries the count, not the query', async () => {
    const { app, set } = await setUp();
    expect((await set('admin', WITH_KEY)).ok).toBe(true);
    const exported = async (role: 'admin' | 'siteAdmin') => {
      const r = await app.call(role, 'export/project', {});
      if (!r.ok) throw new Error(r.error.message);
      return r.data.items.kpiSources.find((s: { kpiId: string }) => s.kpiId === IDS.csat);
    };
    expect(await exported('admin')).toMatchObject({ jql: WITH_KEY });
    const hidden = await exported('siteAdmin');
    expect(hidden).toMatchObject({ jql: '', lastRun: { count: 3 } });
    expect(JSON.stringify(hidden)).not.toMatch(/MOB|parent =/);
  });

  it('an admin who may not browse MOB, told of a change meanwhile, is not shown the JQL in the conflict', async () => {
    const { app, set } = await setUp();
    expect((await set('admin', WITH_KEY)).ok).toBe(true);
    const before = await app.snapshot();
    const r = await set('siteAdmin', 'project = PV AND issuetype = Story', null);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CONFLICT');
    expect(JSON.stringify(r.error)).not.toMatch(/MOB|parent =/);
    expect(r.error.details).toMatchObject({ current: { hidden: true, jql: '' } });
    expect(await app.snapshot()).toEqual(before);
  });
});
