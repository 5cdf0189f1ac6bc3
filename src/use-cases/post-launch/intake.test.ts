/**
 * Feedback intake from Jira through the resolvers and the queue, on the simulated service desk SD:
 * adding sources (checked by Jira as the admin; every refusal a field error that writes nothing),
 * fetching once per issue however the events are retried or duplicated, the day's limit of 1,000 with
 * its note, a source whose JQL stops working, and triage into an iteration.
 */
import { INTAKE_LIMITS } from '../../contract/post-launch/intake';
import { addIssue, type JiraSite } from '../../../devtools/simulated-jira/site';
import { DEMO_CUSTOMERS } from '../../../devtools/simulated-jira/seed';
import { fixedClock, IDS, seededPostLaunch } from '../../../test/support/post-launch';
import { startDailyJobs } from '../shared/background-jobs';
import { intakeAllJob } from './intake-jobs';

const BUGS = 'project = SD AND "Request Type" = "Report a bug"';
const SEARCH = 'POST /rest/api/3/search/jql';

type App = Awaited<ReturnType<typeof seededPostLaunch>>['app'];

async function setup() {
  const clock = fixedClock();
  const { app, launched } = await seededPostLaunch(clock);
  const must = async (key: string, payload: unknown, role: 'admin' = 'admin') => {
    const r = await app.call(role, key as never, payload);
    if (!r.ok) throw new Error(`${key}: ${JSON.stringify(r.error)}`);
    return r.data;
  };
  return { app, clock, must, launched };
}

const items = async (app: App) => {
  const r = await app.call('admin', 'intake/view', {});
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data;
};
const searches = (site: JiraSite) => site.calls[SEARCH] ?? 0;

/** Requests of SD created a minute apart from 2025-08-01 on. */
function addRequests(site: JiraSite, n: number, from = Date.parse('2025-08-01T00:00:00Z')) {
  for (let i = 0; i < n; i++)
    addIssue(site, { projectKey: 'SD', type: 'Incident', requestType: 'Report a bug', summary: `Bulk request ${i + 1}`, reporterAccountId: DEMO_CUSTOMERS.lena, created: new Date(from + i * 60_000).toISOString() });
}

describe('adding a feedback source', () => {
  it('checks the JQL with Jira as the admin and names the field on every refusal, writing nothing', async () => {
    const { app, must } = await setup();
    for (let i = 0; i < INTAKE_LIMITS.sourcesPerProject; i++) await must('intake/add-source', { jql: `project = SD AND labels = l${i}` });
    const refusals: Array<[string, unknown, string, RegExp]> = [
      ['an 11th source', { jql: 'project = SD AND labels = l10' }, 'VALIDATION_FAILED', /at most 10 feedback sources/],
      ['1,001 characters', { jql: `project = SD AND summary = "${'x'.repeat(1001 - 'project = SD AND summary = ""'.length)}"` }, 'VALIDATION_FAILED', /at most 1000 characters/],
    ];
    for (const [what, payload, code, message] of refusals) {
      const before = await app.snapshot();
      const r = await app.call('admin', 'intake/add-source', payload);
      expect([what, r.ok ? 'ok' : r.error.code]).toEqual([what, code]);
      if (!r.ok) expect(r.error.fields?.[0]).toEqual({ path: 'jql', message: expect.stringMatching(message) });
      expect(await app.snapshot()).toEqual(before);
    }
    expect((payloadLength(refusals[1]![1]))).toBe(1001);
  });

  it.each([
    ['Jira’s parser refuses it', 'project = SD AND', /Error in the JQL Query/],
    ['a project nobody has', 'project = NOPE', /The value 'NOPE' does not exist for the field 'project'/],
    ['not bounded to projects', 'labels = password', /Name the projects to read/],
    ['an OR at the top', 'project = SD OR labels = password', /Name the projects to read/],
    ['an ORDER BY', 'project = SD ORDER BY created DESC', /Leave out ORDER BY/],
    ['a project named by its name', 'project = "Customer Support"', /Name each project by its key/],
  ])('refuses a JQL when %s, with the reason on the field, writing nothing', async (_what, jql, message) => {
    const { app } = await setup();
    const before = await app.snapshot();
    const r = await app.call('admin', 'intake/add-source', { jql });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'jql', message: expect.stringMatching(message) }] });
    expect(await app.snapshot()).toEqual(before);
  });

  it('asks Jira as the admin: a Jira admin who administers SD but may not browse it is refused', async () => {
    const { app } = await setup();
    app.site.calls = {};
    const r = await app.call('siteAdmin', 'intake/add-source', { jql: 'project = SD AND labels = invoices' });
    // Jira's parser takes it (a Jira admin administers SD); the app's check of Browse projects, as the admin, does not.
    expect(r.ok ? 'ok' : r.error.fields?.[0]?.message).toBe('You may not browse project SD: a feedback source reads only projects you can browse.');
    expect(app.site.calls['POST /rest/api/3/jql/parse']).toBe(1);
    // The same JQL passes for the admin, who is an agent of SD.
    expect((await app.call('admin', 'intake/add-source', { jql: BUGS })).ok).toBe(true);
  });

  it('is for project admins only: members and viewers are refused, outsiders see nothing', async () => {
    const { app } = await setup();
    const codes = [];
    for (const role of ['member', 'viewer', 'outsider', 'anonymous'] as const) {
      const r = await app.call(role, 'intake/add-source', { jql: BUGS });
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes).toEqual(['FORBIDDEN', 'FORBIDDEN', 'NO_ACCESS', 'UNAUTHENTICATED']);
  });
});

function payloadLength(payload: unknown): number {
  return (payload as { jql: string }).jql.length;
}

describe('fetching', () => {
  it('brings in each matching request once, linked to its issue, by its reporter, on its creation date', async () => {
    const { app, must } = await setup();
    const source = await must('intake/add-source', { jql: BUGS });
    const started = await must('intake/fetch', { sourceId: source.id });
    expect(started.state).toBe('running');
    await app.queue.drain();
    const view = await items(app);
    expect(view.sources[0]).toMatchObject({ state: 'done', added: 4, total: 4, today: 4, message: null });
    const byKey = Object.fromEntries(view.untriaged.map((u: any) => [u.feedback.issue.key, u]));
    expect(Object.keys(byKey).sort()).toEqual(['SD-1', 'SD-3', 'SD-4', 'SD-6']);
    expect(byKey['SD-1'].feedback).toMatchObject({
      text: 'Invoice PDF shows the wrong VAT number',
      by: DEMO_CUSTOMERS.lena,
      at: '2025-07-03T08:12:00.000Z',
      issue: { key: 'SD-1', sourceId: source.id },
      untriaged: true,
      iterationId: null,
    });
    // Defaults: the iteration whose dates contain the creation day.
    expect(byKey['SD-1'].suggested).toEqual({ launchId: IDS.launch, iterationId: IDS.it30 });
    expect(byKey['SD-4'].suggested).toEqual({ launchId: IDS.launch, iterationId: IDS.it60 });
    expect(view.people.map((p: any) => p.displayName).sort()).toEqual(['Lena Hofmann', 'Omar Haddad']);

    // Again, by hand and by the daily trigger: nothing twice.
    await must('intake/fetch', { sourceId: source.id });
    await app.queue.drain();
    await startDailyJobs(app.queue);
    await app.queue.drain();
    const again = await items(app);
    expect(again.untriaged).toHaveLength(4);
    expect(again.sources[0]).toMatchObject({ state: 'done', added: 0, total: 4 });
    // A newer request comes in alone.
    addIssue(app.site, { projectKey: 'SD', type: 'Incident', requestType: 'Report a bug', summary: 'Totals wrong again', reporterAccountId: DEMO_CUSTOMERS.omar, created: '2025-09-03T09:00:00Z' });
    await app.queue.push([intakeAllJob()]);
    await app.queue.drain();
    const later = await items(app);
    expect(later.untriaged.map((u: any) => u.feedback.issue.key)).toContain('SD-7');
    expect(later.untriaged).toHaveLength(5);
    expect(later.sources[0]).toMatchObject({ added: 1, total: 5 });
  });

  it('brings in nothing twice when an event fails part-way and is retried, or is delivered twice', async () => {
    const { app, must } = await setup();
    addRequests(app.site, 250);
    const source = await must('intake/add-source', { jql: BUGS });
    await must('intake/fetch', { sourceId: source.id });
    // The first step's writes fail part-way (a claim after some issues went in; the 61st write-if-absent, the feedback date's first among them).
    app.store.failNext(1, 'setIfAbsent', 61);
    const [first] = [...(app.queue as any).pending].map((p: any) => p.body);
    // …and the same event is delivered a second time.
    await app.queue.push([first]);
    await app.queue.drain();
    expect(app.queue.stats.failures).toBe(1);
    const ids = await allItemIds(app);
    expect(ids).toHaveLength(254);
    expect(new Set(ids).size).toBe(254);
    expect((await items(app)).sources[0]).toMatchObject({ state: 'done', total: 254 });
  });

  it('stops at 1,000 new items a day with a note, and goes on the next day without reading a page twice', async () => {
    const { app, clock, must } = await setup();
    addRequests(app.site, 1046);
    const source = await must('intake/add-source', { jql: BUGS });
    app.site.calls = {};
    await must('intake/fetch', { sourceId: source.id });
    await app.queue.drain();
    let view = await items(app);
    expect(view.sources[0]).toMatchObject({ state: 'capped', added: 1000, today: 1000, total: 1000, message: '1,000 items brought in today; the rest come tomorrow.' });
    expect(searches(app.site)).toBe(10);
    // Fetch now on the same day: refused with the reason, nothing written.
    const before = await app.snapshot();
    const refused = await app.call('admin', 'intake/fetch', { sourceId: source.id });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('LIMIT_REACHED');
    expect(await app.snapshot()).toEqual(before);
    // The next day, the daily run brings in the other 50.
    clock.at = new Date('2025-08-21T06:00:00.000Z');
    await app.queue.push([intakeAllJob()]);
    await app.queue.drain();
    view = await items(app);
    expect(view.sources[0]).toMatchObject({ state: 'done', added: 50, today: 50, total: 1050, message: null });
    expect(searches(app.site)).toBe(11);
    expect(await allItemIds(app)).toHaveLength(1050);
  });

  it('marks a source failing with Jira’s message when its project is gone, and does not retry it daily', async () => {
    const { app, must } = await setup();
    const source = await must('intake/add-source', { jql: BUGS });
    // The service desk is deleted.
    app.site.projects = app.site.projects.filter((p) => p.key !== 'SD');
    app.site.issues = app.site.issues.filter((i) => i.projectId !== '10002');
    await app.queue.push([intakeAllJob()]);
    await app.queue.drain();
    const view = await items(app);
    expect(view.sources[0]).toMatchObject({ state: 'failing', message: expect.stringMatching(/^The value 'SD' does not exist for the field 'project'\./) });
    app.site.calls = {};
    await app.queue.push([intakeAllJob()]);
    await app.queue.drain();
    expect(searches(app.site)).toBe(0);
    // Fetch now checks the JQL as the admin first: refused on the field, nothing written.
    const before = await app.snapshot();
    const r = await app.call('admin', 'intake/fetch', { sourceId: source.id });
    expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'sourceId', message: expect.stringMatching(/'SD' does not exist/) }] });
    expect(await app.snapshot()).toEqual(before);
  });

  it('searches again from the last issue seen when Jira no longer takes a page token (after 7 days)', async () => {
    const { app, clock, must } = await setup();
    addRequests(app.site, 1010);
    app.site.now = () => clock.at;
    const source = await must('intake/add-source', { jql: BUGS });
    await must('intake/fetch', { sourceId: source.id });
    await app.queue.drain();
    expect((await items(app)).sources[0]).toMatchObject({ state: 'capped', total: 1000 });
    clock.at = new Date('2025-08-29T06:00:00.000Z');
    await app.queue.push([intakeAllJob()]);
    await app.queue.drain();
    expect((await items(app)).sources[0]).toMatchObject({ state: 'done', total: 1014 });
    expect(new Set(await allItemIds(app)).size).toBe(1014);
  });

  it('removing a source stops its fetch and keeps what it brought in', async () => {
    const { app, must } = await setup();
    const source = await must('intake/add-source', { jql: BUGS });
    await must('intake/fetch', { sourceId: source.id });
    await must('intake/remove-source', { sourceId: source.id });
    await app.queue.drain();
    const view = await items(app);
    expect(view.sources).toEqual([]);
    expect(view.untriaged).toEqual([]);
    const gone = await app.call('admin', 'intake/remove-source', { sourceId: source.id });
    expect(gone.ok ? 'ok' : gone.error.code).toBe('NOT_FOUND');
  });
});

async function allItemIds(app: App): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await app.store.query<{ id: string }>('project:10000:feedback-untriaged:', { cursor, limit: 20 });
    ids.push(...page.results.map((r) => r.value.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe('triage', () => {
  it('files an item under a KPI or goal, a sentiment and an iteration; it then counts in that iteration', async () => {
    const { app, must } = await setup();
    const source = await must('intake/add-source', { jql: BUGS });
    await must('intake/fetch', { sourceId: source.id });
    await app.queue.drain();
    const item = (await items(app)).untriaged.find((u: any) => u.feedback.issue.key === 'SD-1');
    const before = await must('iteration/load', item.suggested);
    const triaged = await must('intake/triage', { feedbackId: item.feedback.id, sentiment: 'negative', goalId: null, kpiId: IDS.calls, iteration: item.suggested });
    expect(triaged).toMatchObject({ sentiment: 'negative', kpiId: IDS.calls, goalId: IDS.goal, iterationId: IDS.it30, issue: { key: 'SD-1' } });
    expect(triaged.untriaged).toBeUndefined();
    const after = await must('iteration/load', item.suggested);
    expect(after.outcome.feedback.negative).toBe(before.outcome.feedback.negative + 1);
    expect(after.feedback.items.map((f: any) => f.id)).toContain(item.feedback.id);
    expect((await items(app)).untriaged.map((u: any) => u.feedback.id)).not.toContain(item.feedback.id);
    // Triaged once: a second triage is a conflict, and changes nothing.
    const snap = await app.snapshot();
    const again = await app.call('admin', 'intake/triage', { feedbackId: item.feedback.id, sentiment: 'positive', goalId: null, kpiId: null, iteration: null });
    expect(again.ok ? 'ok' : again.error.code).toBe('CONFLICT');
    expect(await app.snapshot()).toEqual(snap);
  });

  it('an item waiting for triage is listed to admins only: its text and key come from a project readers may not browse', async () => {
    const { app, must } = await setup();
    const source = await must('intake/add-source', { jql: BUGS });
    await must('intake/fetch', { sourceId: source.id });
    await app.queue.drain();
    const waiting = (await items(app)).untriaged.map((u: any) => u.feedback.id as string);
    expect(waiting.length).toBeGreaterThan(1);
    const listed = async (role: 'admin' | 'member' | 'viewer'): Promise<string[]> => {
      const r = await app.call(role, 'feedback/list', {});
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.data.items.map((f: any) => f.id as string);
    };
    expect(await listed('admin')).toEqual(expect.arrayContaining(waiting));
    for (const role of ['member', 'viewer'] as const) expect((await listed(role)).filter((id) => waiting.includes(id))).toEqual([]);
    // Once an admin files it, it is feedback like any other, for every reader.
    await must('intake/triage', { feedbackId: waiting[0], sentiment: 'negative', goalId: null, kpiId: IDS.calls, iteration: null });
    expect(await listed('viewer')).toContain(waiting[0]);
    expect((await listed('viewer')).filter((id) => waiting.slice(1).includes(id))).toEqual([]);
  });

  it('refuses a KPI of another goal, or an iteration that is gone, on the field, writing nothing', async () => {
    const { app, must } = await setup();
    const g2 = await must('goal/create', { goal: { title: 'Second', description: '', ownerAccountId: null, status: 'active', targetDate: null }, baseRevision: 3 });
    const source = await must('intake/add-source', { jql: BUGS });
    await must('intake/fetch', { sourceId: source.id });
    await app.queue.drain();
    const [item] = (await items(app)).untriaged;
    const before = await app.snapshot();
    const r = await app.call('admin', 'intake/triage', { feedbackId: item.feedback.id, sentiment: 'neutral', goalId: g2.goals[1].id, kpiId: IDS.calls, iteration: { launchId: IDS.launch, iterationId: 'gone' } });
    expect(r.ok ? 'ok' : r.error.fields?.map((f) => f.path)).toEqual(['kpiId', 'iteration']);
    expect(await app.snapshot()).toEqual(before);
  });
});
