/**
 * Epic alignment through the real resolvers: the issue panel, the report, the unaligned list, the
 * inline picker and rescan, on the simulated Jira (PV: company-managed, epics called Epic; MOB:
 * team-managed, epics called Feature). Seeded links: PV-6 holds a hand-written broken value, PV-8 a
 * link to a goal that no longer exists.
 */
import { GOAL_LINK_PROPERTY, type Result } from '../contract';
import { addIssue } from '../../devtools/simulated-jira';
import { createTestApp, goalInput, panelOn, PV, visionInput, type Role } from '../../test/support/local-app';

const MOB = { id: '10001', key: 'MOB', type: 'software' };
const settings = (project = PV) => ({ type: 'jira:projectSettingsPage', project });
const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);
/** The data of an answer that must have succeeded. */
const data = (r: Result<any>) => {
  if (!r.ok) throw new Error(`Expected success, got ${JSON.stringify(r.error)}`);
  return r.data;
};

/** PV with a published vision and goals: id-1 active, id-2 achieved, id-3 dropped. */
async function seeded() {
  const app = createTestApp();
  expect((await app.call('admin', 'vision/save', visionInput())).ok).toBe(true);
  expect((await app.call('admin', 'vision/publish', { baseRevision: 1 })).ok).toBe(true);
  for (const [i, status] of (['active', 'achieved', 'dropped'] as const).entries())
    expect((await app.call('admin', 'goal/create', { goal: goalInput({ title: `Goal ${i + 1}`, status }), baseRevision: i })).ok).toBe(true);
  return app;
}

type App = Awaited<ReturnType<typeof seeded>>;
const panel = (app: App, role: Role, key: string) => app.call(role, 'panel/load', {}, panelOn(app.issue(key)));
const setOnPanel = (app: App, role: Role, key: string, goalId: string | null) => app.call(role, 'panel/set-goal', { goalId }, panelOn(app.issue(key)));
const link = (app: App, key: string) => app.site.issues.find((i) => i.key === key)!.properties.get(GOAL_LINK_PROPERTY);

/** Refused, with this code, and nothing changed in storage or in Jira. */
async function refusedWithoutChange(app: App, run: () => Promise<any>, code: string, field?: string) {
  const before = await app.snapshot();
  const links = app.goalLinks();
  const r = await run();
  expect(r.ok ? 'ok' : r.error.code).toBe(code);
  if (!r.ok) expect(r.error.message.length).toBeGreaterThan(10);
  if (field) expect(r.error.fields).toEqual([{ path: field, message: expect.any(String) }]);
  expect(await app.snapshot()).toEqual(before);
  expect(app.goalLinks()).toEqual(links);
  return r;
}

describe('issue panel: epic detection and flags', () => {
  it('shows an epic without a goal as flagged, with the picker for someone who may edit it', async () => {
    const app = await seeded();
    const r = await panel(app, 'member', 'PV-1');
    expect(r.ok && r.data).toMatchObject({
      project: { id: '10000', key: 'PV' },
      issue: { key: 'PV-1', isEpic: true, typeName: 'Epic' },
      epic: { key: 'PV-1' },
      goal: null,
      flag: 'none',
      canSetGoal: true,
      goalChoices: [{ id: 'id-1', status: 'active' }, { id: 'id-2', status: 'achieved' }],
      visionLine: visionInput().statement,
    });
  });

  it('shows it read-only to someone who may browse but not edit', async () => {
    const app = await seeded();
    const r = await panel(app, 'viewer', 'PV-1');
    expect(r.ok && r.data.canSetGoal).toBe(false);
  });

  it('detects the epic level whatever it is called (team-managed "Feature")', async () => {
    const app = await seeded();
    const r = await app.call('member', 'panel/load', {}, { type: 'jira:issuePanel', project: MOB, issue: app.issue('MOB-1') });
    expect(r.ok && r.data).toMatchObject({ project: { key: 'MOB' }, issue: { isEpic: true, typeName: 'Feature' }, flag: 'none', goalChoices: [] });
  });

  it.each([
    ['a broken hand-written value', 'PV-6', 'broken-link', null],
    ['a link to a deleted goal', 'PV-8', 'goal-deleted', null],
  ])('flags %s', async (_label, key, flag, goal) => {
    const app = await seeded();
    const r = await panel(app, 'member', key);
    expect(r.ok && r.data).toMatchObject({ flag, goal });
  });

  it('flags an epic whose goal was dropped, naming the goal', async () => {
    const app = await seeded();
    app.site.issues.find((i) => i.key === 'PV-3')!.properties.set(GOAL_LINK_PROPERTY, { goalId: 'id-3', setBy: 'x', setAt: 'y' });
    const r = await panel(app, 'member', 'PV-3');
    expect(r.ok && r.data).toMatchObject({ flag: 'goal-dropped', goal: { id: 'id-3', status: 'dropped' }, link: { goalId: 'id-3' } });
  });

  it('shows a work item the goal of its epic, or flags its epic, or that it has none', async () => {
    const app = await seeded();
    await setOnPanel(app, 'member', 'PV-1', 'id-1');
    const story = await panel(app, 'member', 'PV-9');
    expect(story.ok && story.data).toMatchObject({ issue: { key: 'PV-9', isEpic: false }, epic: { key: 'PV-1' }, goal: { id: 'id-1' }, flag: null, canSetGoal: false });
    const subtask = await panel(app, 'member', 'PV-21');
    expect(subtask.ok && subtask.data).toMatchObject({ issue: { typeName: 'Sub-task' }, epic: { key: 'PV-1' }, goal: { id: 'id-1' }, flag: null });
    const underUnaligned = await panel(app, 'member', 'PV-13');
    expect(underUnaligned.ok && underUnaligned.data).toMatchObject({ epic: { key: 'PV-3' }, flag: 'epic-unaligned' });
    const orphan = await panel(app, 'member', 'PV-20');
    expect(orphan.ok && orphan.data).toMatchObject({ issue: { typeName: 'Bug' }, epic: null, flag: 'no-epic', visionLine: expect.any(String) });
  });

  it('costs one permission call, one issue read and five storage reads on a done epic', async () => {
    const app = await seeded();
    app.site.calls = {};
    app.store.resetCalls();
    await panel(app, 'member', 'PV-1');
    expect(app.site.calls).toEqual({ 'GET /rest/api/3/mypermissions': 1, 'GET /rest/api/3/issue/{issueIdOrKey}': 1 });
    // The goal book, the published vision (its draft key and current version), the alignment tally, and —
    // PV-1 is done — the launch book, to find the iteration it shipped in (none here, so no digest read).
    expect(app.store.calls).toMatchObject({ get: 5, query: 0 }); // the published version: a get of the head, not a query
    expect(total(app.store.calls)).toBe(5);
  });

  it('answers clearly for someone who cannot see the issue, and without a signed-in user', async () => {
    const app = await seeded();
    expect((await panel(app, 'outsider', 'PV-1')) as any).toMatchObject({ ok: false, error: { code: 'NO_ACCESS' } });
    expect((await panel(app, 'viewer', 'MOB-1')) as any).toMatchObject({ ok: false, error: { code: 'NO_ACCESS' } });
    expect((await panel(app, 'anonymous', 'PV-1')) as any).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await app.call('member', 'panel/load', {}, settings())) as any).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('issue panel: setting the goal', () => {
  it('writes { goalId, setBy, setAt } as the user, changes it, and clears it', async () => {
    const app = await seeded();
    const set = await setOnPanel(app, 'member', 'PV-2', 'id-1');
    expect(set.ok && set.data).toMatchObject({ flag: null, goal: { id: 'id-1' }, link: { goalId: 'id-1' } });
    expect(link(app, 'PV-2')).toEqual({ goalId: 'id-1', setBy: expect.any(String), setAt: expect.stringMatching(/^\d{4}-/) });
    const changed = await setOnPanel(app, 'admin', 'PV-2', 'id-2');
    expect(changed.ok && changed.data.goal.id).toBe('id-2');
    const cleared = await setOnPanel(app, 'member', 'PV-2', null);
    expect(cleared.ok && cleared.data).toMatchObject({ flag: 'none', goal: null, link: null });
    expect(link(app, 'PV-2')).toBeUndefined();
  });

  it('repairs a broken value by setting a goal, and clears it', async () => {
    const app = await seeded();
    expect((await setOnPanel(app, 'member', 'PV-6', 'id-1')).ok).toBe(true);
    expect(link(app, 'PV-6')).toMatchObject({ goalId: 'id-1' });
  });

  it('never touches storage: the link lives on the epic', async () => {
    const app = await seeded();
    const before = await app.snapshot();
    await setOnPanel(app, 'member', 'PV-2', 'id-1');
    expect(await app.snapshot()).toEqual(before);
  });

  it('refuses, changing nothing: a viewer, a work item, a goal of another project, a dropped goal', async () => {
    const app = await seeded();
    await refusedWithoutChange(app, () => setOnPanel(app, 'viewer', 'PV-2', 'id-1'), 'FORBIDDEN');
    await refusedWithoutChange(app, () => setOnPanel(app, 'member', 'PV-9', 'id-1'), 'VALIDATION_FAILED');
    await refusedWithoutChange(app, () => setOnPanel(app, 'member', 'PV-2', 'mob-goal'), 'VALIDATION_FAILED', 'goalId');
    await refusedWithoutChange(app, () => setOnPanel(app, 'member', 'PV-2', 'id-3'), 'VALIDATION_FAILED', 'goalId');
    await refusedWithoutChange(app, () => setOnPanel(app, 'outsider', 'PV-2', 'id-1'), 'NO_ACCESS');
    await refusedWithoutChange(app, () => app.call('member', 'panel/set-goal', { goalId: '../x' }, panelOn(app.issue('PV-2'))), 'VALIDATION_FAILED', 'goalId');
    await refusedWithoutChange(app, () => app.call('member', 'panel/set-goal', { goalId: 'id-1', issueKey: 'PV-3' }, panelOn(app.issue('PV-2'))), 'VALIDATION_FAILED');
  });

  it('takes the issue from the context: a goal of PV cannot be set on a MOB epic', async () => {
    const app = await seeded();
    const panelOnMob = { type: 'jira:issuePanel', project: PV, issue: app.issue('MOB-1') };
    await refusedWithoutChange(app, () => app.call('member', 'panel/set-goal', { goalId: 'id-1' }, panelOnMob), 'VALIDATION_FAILED', 'goalId');
  });
});

describe('alignment report', () => {
  it('counts epics and aligned epics live; dropped and deleted goals do not count', async () => {
    const app = await seeded();
    await setOnPanel(app, 'member', 'PV-1', 'id-1');
    await setOnPanel(app, 'member', 'PV-2', 'id-2');
    app.site.issues.find((i) => i.key === 'PV-3')!.properties.set(GOAL_LINK_PROPERTY, { goalId: 'id-3' });
    const r = await app.call('member', 'alignment/report', {});
    expect(r.ok && r.data).toMatchObject({
      project: { key: 'PV' },
      headline: { epics: 8, aligned: 2, unaligned: 6, coverage: 0.25 },
      latest: null,
      trend: [],
      scan: null,
      canEdit: true,
      canRescan: false,
      goalChoices: [{ id: 'id-1' }, { id: 'id-2' }],
    });
  });

  it('before the first full pass: 3 Jira calls (a live count) and 5 storage reads once the epic types are cached, however many epics', async () => {
    const app = await seeded();
    for (let i = 0; i < 300; i++) addIssue(app.site, { projectKey: 'PV', type: 'Epic', summary: `Epic ${i}`, created: '2025-09-01T00:00:00Z' });
    await app.call('member', 'alignment/report', {}); // caches the epic types
    app.site.calls = {};
    app.store.resetCalls();
    const r = await app.call('member', 'alignment/report', {});
    expect(r.ok && r.data.headline.epics).toBe(308);
    expect(app.site.calls).toEqual({ 'GET /rest/api/3/mypermissions': 1, 'POST /rest/api/3/search/approximate-count': 2 });
    expect(app.store.calls).toMatchObject({ get: 5, set: 0 });
  });

  it('after a full pass: 1 Jira call and 4 storage reads, every figure from the stored tally, however many epics', async () => {
    const app = await seeded();
    for (let i = 0; i < 300; i++) addIssue(app.site, { projectKey: 'PV', type: 'Epic', summary: `Epic ${i}`, created: '2025-09-01T00:00:00Z' });
    await app.call('admin', 'alignment/rescan', {});
    await app.queue.drain();
    app.site.calls = {};
    app.store.resetCalls();
    const r = data(await app.call('member', 'alignment/report', {}));
    expect(r.headline).toMatchObject({ epics: 308, aligned: 0, unaligned: 308, coverage: 0, asOf: r.latest.takenAt });
    expect(app.site.calls).toEqual({ 'GET /rest/api/3/mypermissions': 1 });
    expect(app.store.calls).toMatchObject({ get: 4, set: 0, query: 0 });
    expect(total(app.store.calls)).toBe(4);
  });

  it('asks Jira for the epic types once a day, and never calls the removed /search', async () => {
    let now = Date.parse('2026-03-04T10:00:00Z');
    const app = createTestApp({ clock: { now: () => new Date(now) } });
    await app.call('member', 'alignment/report', {});
    await app.call('member', 'alignment/report', {});
    now += 25 * 3600 * 1000;
    await app.call('member', 'alignment/report', {});
    expect(app.site.calls['GET /rest/api/3/issuetype/project']).toBe(2);
    expect(Object.keys(app.site.calls).some((c) => c === 'GET /rest/api/3/search' || c === 'POST /rest/api/3/search')).toBe(false);
  });

  it('makes everything unaligned when no goal can align, without an empty JQL list', async () => {
    const app = createTestApp();
    const r = await app.call('viewer', 'alignment/report', {});
    expect(r.ok && r.data).toMatchObject({ headline: { epics: 8, aligned: 0, unaligned: 8, coverage: 0 }, canEdit: false, goalChoices: [] });
    expect(app.site.calls['POST /rest/api/3/search/approximate-count']).toBe(1);
  });

  it('answers MOB through its own epic level', async () => {
    const app = await seeded();
    const r = await app.call('admin', 'alignment/report', {}, settings(MOB));
    expect(r.ok && r.data.headline).toEqual({ epics: 3, aligned: 0, unaligned: 3, coverage: 0 });
  });

  it('says Jira is busy when the counts stay rate limited, and changes nothing', async () => {
    const app = await seeded();
    await app.call('member', 'alignment/report', {});
    app.site.faults.failNext = [{ status: 429, retryAfterSeconds: 1, count: 50, operation: 'POST /rest/api/3/search/approximate-count' }];
    const r = await refusedWithoutChange(app, () => app.call('member', 'alignment/report', {}), 'JIRA_UNAVAILABLE');
    expect(r.error.message).toMatch(/busy/);
  });
});

describe('unaligned epics', () => {
  it('lists them newest first, each with why it is flagged', async () => {
    const app = await seeded();
    await setOnPanel(app, 'member', 'PV-1', 'id-1');
    app.site.issues.find((i) => i.key === 'PV-3')!.properties.set(GOAL_LINK_PROPERTY, { goalId: 'id-3' });
    const r = await app.call('member', 'alignment/unaligned', {});
    expect(r.ok && r.data.canEdit).toBe(true);
    expect(r.ok && r.data.nextCursor).toBeNull();
    expect(r.ok && r.data.epics.map((e: any) => [e.key, e.flag, e.staleGoalId])).toEqual([
      ['PV-8', 'goal-deleted', 'retired-goal-2024'],
      ['PV-7', 'none', null],
      ['PV-6', 'broken-link', null],
      ['PV-5', 'none', null],
      ['PV-4', 'none', null],
      ['PV-3', 'goal-dropped', 'id-3'],
      ['PV-2', 'none', null],
    ]);
    expect(r.ok && r.data.epics[0]).toEqual({
      id: '10027',
      key: 'PV-8',
      summary: 'Page loads under two seconds',
      typeName: 'Epic',
      created: '2025-06-09T14:05:00.000Z',
      statusName: 'To Do',
      flag: 'goal-deleted',
      staleGoalId: 'retired-goal-2024',
    });
  });

  it('pages through a long list with one search per page after the first permission call', async () => {
    const app = await seeded();
    for (let i = 0; i < 120; i++) addIssue(app.site, { projectKey: 'PV', type: 'Epic', summary: `Epic ${i}`, created: new Date(Date.UTC(2025, 8, 1, 0, i)).toISOString() });
    await app.call('member', 'alignment/report', {});
    app.site.calls = {};
    const keys: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const r = await app.call('member', 'alignment/unaligned', cursor ? { cursor } : {});
      expect(r.ok).toBe(true);
      keys.push(...data(r).epics.map((e: any) => e.key));
      cursor = data(r).nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(keys).toHaveLength(128);
    expect(new Set(keys).size).toBe(128);
    expect(keys[0]).toBe('PV-141');
    expect(app.site.calls).toEqual({ 'GET /rest/api/3/mypermissions': 1, 'POST /rest/api/3/search/jql': 3 });
  });

  it('answers CONFLICT for a cursor that no longer applies, NO_ACCESS for an outsider with a cursor', async () => {
    const app = await seeded();
    for (let i = 0; i < 60; i++) addIssue(app.site, { projectKey: 'PV', type: 'Epic', summary: `Epic ${i}`, created: '2025-09-01T00:00:00Z' });
    const first = data(await app.call('member', 'alignment/unaligned', {}));
    await app.call('admin', 'goal/update', { goalId: 'id-2', goal: goalInput({ title: 'Goal 2', status: 'dropped' }), baseRevision: 3 });
    await refusedWithoutChange(app, () => app.call('member', 'alignment/unaligned', { cursor: first.nextCursor }), 'CONFLICT');
    await refusedWithoutChange(app, () => app.call('member', 'alignment/unaligned', { cursor: 'made-up' }), 'CONFLICT');
    await refusedWithoutChange(app, () => app.call('outsider', 'alignment/unaligned', { cursor: first.nextCursor }), 'NO_ACCESS');
  });
});

describe('inline picker (alignment/set-goal)', () => {
  it('answers null once the epic is aligned, and its row while it is not', async () => {
    const app = await seeded();
    const aligned = await app.call('member', 'alignment/set-goal', { issueKey: 'PV-4', goalId: 'id-2', baseGoalId: null });
    expect(aligned).toEqual({ ok: true, data: null });
    expect(link(app, 'PV-4')).toMatchObject({ goalId: 'id-2' });
    const cleared = await app.call('member', 'alignment/set-goal', { issueKey: 'PV-4', goalId: null, baseGoalId: 'id-2' });
    expect(cleared.ok && cleared.data).toMatchObject({ key: 'PV-4', flag: 'none', staleGoalId: null });
  });

  it('refuses, changing nothing: another project’s issue, a work item, unknown or dropped goal, a viewer', async () => {
    const app = await seeded();
    await refusedWithoutChange(app, () => app.call('member', 'alignment/set-goal', { issueKey: 'MOB-1', goalId: 'id-1', baseGoalId: null }), 'NOT_FOUND', 'issueKey');
    await refusedWithoutChange(app, () => app.call('viewer', 'alignment/set-goal', { issueKey: 'PV-4', goalId: 'id-1', baseGoalId: null }), 'FORBIDDEN');
    await refusedWithoutChange(app, () => app.call('member', 'alignment/set-goal', { issueKey: 'PV-999', goalId: 'id-1', baseGoalId: null }), 'NOT_FOUND', 'issueKey');
    await refusedWithoutChange(app, () => app.call('member', 'alignment/set-goal', { issueKey: 'PV-9', goalId: 'id-1', baseGoalId: null }), 'VALIDATION_FAILED', 'issueKey');
    await refusedWithoutChange(app, () => app.call('member', 'alignment/set-goal', { issueKey: 'PV-4', goalId: 'nope', baseGoalId: null }), 'VALIDATION_FAILED', 'goalId');
    await refusedWithoutChange(app, () => app.call('member', 'alignment/set-goal', { issueKey: 'PV-4', goalId: 'id-3', baseGoalId: null }), 'VALIDATION_FAILED', 'goalId');
    await refusedWithoutChange(app, () => app.call('member', 'alignment/set-goal', { issueKey: 'pv-4', goalId: 'id-1', baseGoalId: null }), 'VALIDATION_FAILED', 'issueKey');
  });

  it('answers CONFLICT with the row as it is now when someone else changed the epic’s goal since (no lost update)', async () => {
    const app = await seeded();
    // Two members see PV-4 without a goal; the first ties it to id-1, the second would overwrite it unseen.
    expect((await app.call('member', 'alignment/set-goal', { issueKey: 'PV-4', goalId: 'id-1', baseGoalId: null })).ok).toBe(true);
    const second = await refusedWithoutChange(app, () => app.call('admin', 'alignment/set-goal', { issueKey: 'PV-4', goalId: 'id-2', baseGoalId: null }), 'CONFLICT');
    expect(second.error.message).toMatch(/PV-4 .*now serves “Goal 1”/);
    expect(second.error.details).toEqual({ current: null });
    expect(link(app, 'PV-4')).toMatchObject({ goalId: 'id-1' });
    // Re-applied from what they now see, it goes through.
    expect((await app.call('admin', 'alignment/set-goal', { issueKey: 'PV-4', goalId: 'id-2', baseGoalId: 'id-1' })).ok).toBe(true);
    // On the panel, the base is checked when the panel sends it.
    const panelRefused = await refusedWithoutChange(app, () => app.call('member', 'panel/set-goal', { goalId: 'id-1', baseGoalId: null }, panelOn(app.issue('PV-4'))), 'CONFLICT');
    expect(panelRefused.error.details.current).toMatchObject({ goal: { id: 'id-2' }, link: { goalId: 'id-2' } });
  });

  it('lets a member set a goal on a MOB epic from MOB’s report, not from PV’s', async () => {
    const app = await seeded();
    const mobGoal = data(await app.call('admin', 'goal/create', { goal: goalInput({ title: 'Offline first' }), baseRevision: 0 }, settings(MOB)));
    const goalId = mobGoal.goals[0].id;
    expect((await app.call('member', 'alignment/set-goal', { issueKey: 'MOB-2', goalId, baseGoalId: null }, settings(MOB))).ok).toBe(true);
    await refusedWithoutChange(app, () => app.call('member', 'alignment/set-goal', { issueKey: 'MOB-3', goalId, baseGoalId: null }), 'NOT_FOUND', 'issueKey');
  });
});

describe('rescan and the snapshot', () => {
  it('lets an admin start a pass whose snapshot and trend the report then shows', async () => {
    const app = await seeded();
    await setOnPanel(app, 'member', 'PV-1', 'id-1');
    await setOnPanel(app, 'member', 'PV-3', 'id-2');
    const started = await app.call('admin', 'alignment/rescan', {});
    expect(started.ok && started.data).toMatchObject({ state: 'running', phase: 'counting', epicsSeen: 0 });
    const again = await app.call('admin', 'alignment/rescan', {});
    expect(!again.ok && again.error).toMatchObject({ code: 'CONFLICT', details: { scan: { state: 'running' } } });
    await app.queue.drain();
    const r = await app.call('member', 'alignment/report', {});
    expect(r.ok && r.data.scan).toMatchObject({ state: 'done', epicsSeen: 8, epicsTotal: 8, message: null });
    expect(r.ok && r.data.latest).toMatchObject({
      epics: 8,
      aligned: 2,
      coverage: 0.25,
      perGoal: [{ goalId: 'id-1', epics: 1 }, { goalId: 'id-2', epics: 1 }],
      // Open work under PV-3 (2 issues, 11 points) of all open work under epics (7 issues, 37 points).
      openIssueCoverage: 2 / 7,
      storyPointCoverage: 11 / 37,
    });
    expect(data(r).trend).toEqual([{ date: data(r).latest.date, coverage: 0.25 }]);
    expect(r.ok && r.data.snapshotStale).toBe(false);
    // Dropping a goal changes every figure at once, without a new pass: they come from the tally of goal ids.
    await app.call('admin', 'goal/update', { goalId: 'id-1', goal: goalInput({ title: 'Goal 1', status: 'dropped' }), baseRevision: 3 });
    const after = data(await app.call('member', 'alignment/report', {}));
    expect(after.headline).toMatchObject({ epics: 8, aligned: 1, unaligned: 7, coverage: 0.125 });
    expect(after.latest).toMatchObject({ epics: 8, aligned: 1, unaligned: 7, perGoal: [{ goalId: 'id-2', epics: 1 }] });
    expect(after.trend.at(-1).coverage).toBe(0.125);
    expect(after.snapshotStale).toBe(false);
  });

  it('is for project admins only', async () => {
    const app = await seeded();
    await app.queue.drain(); // the refresh of the macro's figures the goals queued
    for (const role of ['member', 'viewer'] as Role[]) {
      const r = await refusedWithoutChange(app, () => app.call(role, 'alignment/rescan', {}), 'FORBIDDEN');
      expect(r.error.message).toMatch(/admins/);
    }
    expect(app.queue.size).toBe(0);
  });
});

describe('the registry of projects for the daily snapshot', () => {
  it('is written on the first vision or goal save, once', async () => {
    const app = createTestApp();
    await app.call('admin', 'goal/create', { goal: goalInput(), baseRevision: 0 });
    await app.call('admin', 'goal/create', { goal: goalInput(), baseRevision: 1 });
    await app.call('admin', 'vision/save', visionInput(), settings(MOB));
    const entries = (await app.snapshot()).filter((e) => e.key.startsWith('registry:project:'));
    expect(entries).toEqual([
      { key: 'registry:project:10000', value: { projectId: '10000', projectKey: 'PV', registeredAt: expect.any(String) } },
      { key: 'registry:project:10001', value: { projectId: '10001', projectKey: 'MOB', registeredAt: expect.any(String) } },
    ]);
  });
});
