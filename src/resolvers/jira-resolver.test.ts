/**
 * Every resolver key, for every role: project admin, member (browse only), a user who cannot see the
 * project, and a request with no account. Refusals must leave storage exactly as it was.
 */
import { GADGET_KEYS, GUIDED_START_KEYS, INTAKE_KEYS, JIRA_KEYS, PORTFOLIO_KEYS, POST_LAUNCH_KEYS, TRANSFER_KEYS, type ApiKey } from '../contract';
import { createTestApp, goalInput, kpiInput, PV, visionInput, type Role } from '../../test/support/local-app';

/** A project with a vision, one goal (id-1) and one KPI (id-2), written by the admin. */
async function seeded() {
  const app = createTestApp();
  expect((await app.call('admin', 'vision/save', visionInput())).ok).toBe(true);
  expect((await app.call('admin', 'goal/create', { goal: goalInput(), baseRevision: 0 })).ok).toBe(true);
  expect((await app.call('admin', 'kpi/create', { kpi: kpiInput('id-1'), baseRevision: 1 })).ok).toBe(true);
  // What readers see is the published vision: publish the draft as version 1.
  expect((await app.call('admin', 'vision/publish', { baseRevision: 1 })).ok).toBe(true);
  return app;
}

/** A valid payload for each key against the seeded project (goal book at revision 2). */
/** Keys whose role matrix is elsewhere: post-launch keys act on launches and iterations this seed has none of
 * (post-launch-resolver.test.ts); export and import (src/use-cases/transfer/transfer.test.ts); intake (src/use-cases/post-launch/intake.test.ts), the portfolio and company goals,
 * the guided start and the dashboard gadget (test/reliability/permission-matrix.test.ts, which covers every key). */
const OTHER_MATRICES = [...POST_LAUNCH_KEYS, ...TRANSFER_KEYS, ...INTAKE_KEYS, ...PORTFOLIO_KEYS, ...GUIDED_START_KEYS, ...GADGET_KEYS] as const;
type MatrixKey = Exclude<(typeof JIRA_KEYS)[number], (typeof OTHER_MATRICES)[number]>;
const isMatrixKey = (key: (typeof JIRA_KEYS)[number]): key is MatrixKey => !(OTHER_MATRICES as readonly string[]).includes(key);

const validPayload: Record<MatrixKey, unknown> = {
  'project/load': {},
  'project/people': {},
  'vision/save': { ...visionInput(1), horizon: '2030' },
  'vision/history': {},
  'goal/create': { goal: goalInput({ title: 'Grow self-service' }), baseRevision: 2 },
  'goal/update': { goalId: 'id-1', goal: goalInput({ status: 'achieved' }), baseRevision: 2 },
  'goal/delete': { goalId: 'id-1', baseRevision: 2, confirm: true },
  'kpi/create': { kpi: kpiInput('id-1', { name: 'CSAT', direction: 'increase', baseline: 3.9, target: 4.5 }), baseRevision: 2 },
  'kpi/update': { kpiId: 'id-2', kpi: kpiInput('id-1', { target: 500 }), baseRevision: 2 },
  'kpi/delete': { kpiId: 'id-2', baseRevision: 2 },
  'panel/load': {},
  'panel/set-goal': { goalId: 'id-1' },
  'alignment/report': {},
  'alignment/unaligned': {},
  'alignment/set-goal': { issueKey: 'PV-2', goalId: 'id-1', baseGoalId: null },
  'alignment/set-goal-many': { epics: [{ issueKey: 'PV-2', baseGoalId: null }, { issueKey: 'PV-3', baseGoalId: null }], goalId: 'id-1' },
  'alignment/rescan': {},
  'vision/publish': { baseRevision: 1, changeNote: 'Again' },
  'vision/versions': {},
  'vision/diff': { from: 1, to: 1 },
  'vision/restore': { version: 1, baseRevision: 1 },
  'vision/reader-view': {},
  'vision/open-readers': {},
  'vision/set-open-readers': { enabled: true },
};

/** The issue panel's keys run in the panel's context (on the epic PV-1); the others on the settings page. */
const PANEL = { type: 'jira:issuePanel', project: PV, issue: { id: '10020', key: 'PV-1', type: 'Epic', typeId: '10000' } };
const contextOf = (key: ApiKey) => (key.startsWith('panel/') ? PANEL : { type: 'jira:projectSettingsPage', project: PV });

const READS = new Set<ApiKey>(['project/load', 'vision/history', 'panel/load', 'alignment/report', 'alignment/unaligned', 'vision/versions', 'vision/diff']);
/** Tying an epic to a goal needs edit permission on the epic (Jira's), not project admin. */
const GOAL_LINK_WRITES = new Set<ApiKey>(['panel/set-goal', 'alignment/set-goal', 'alignment/set-goal-many']);

const expected = (role: Role, key: ApiKey): string => {
  if (role === 'anonymous') return 'UNAUTHENTICATED';
  if (role === 'outsider') return 'NO_ACCESS';
  if (role === 'admin' || READS.has(key)) return 'ok';
  if (GOAL_LINK_WRITES.has(key)) return role === 'member' ? 'ok' : 'FORBIDDEN';
  return 'FORBIDDEN';
};

describe('permissions: every key × every role', () => {
  const roles: Role[] = ['admin', 'member', 'viewer', 'outsider', 'anonymous'];
  const cases = JIRA_KEYS.filter(isMatrixKey).flatMap((key) => roles.map((role) => [key, role] as const));

  it.each(cases)('%s as %s', async (key, role) => {
    const app = await seeded();
    const before = await app.snapshot();
    const linksBefore = app.goalLinks();
    const result = await app.call(role, key, validPayload[key], contextOf(key));
    const want = expected(role, key);
    expect(result.ok ? 'ok' : result.error.code).toBe(want);
    if (!result.ok) {
      expect(result.error.message).toEqual(expect.any(String));
      expect(await app.snapshot()).toEqual(before);
      expect(app.goalLinks()).toEqual(linksBefore);
    }
  });

  it('shows the member everything read-only and the admin with editing on', async () => {
    const app = await seeded();
    const asMember = await app.call('member', 'project/load', {});
    const asAdmin = await app.call('admin', 'project/load', {});
    expect(asMember.ok && asMember.data.canEdit).toBe(false);
    expect(asAdmin.ok && asAdmin.data.canEdit).toBe(true);
    // Readers get the published version, never the draft; admins get both.
    expect(asMember.ok && asMember.data.vision).toBeNull();
    expect(asMember.ok && asMember.data.published.statement).toBe(visionInput().statement);
    expect(asAdmin.ok && asAdmin.data.vision.statement).toBe(visionInput().statement);
    expect(asMember.ok && asMember.data.goalBook.kpis).toHaveLength(1);
  });

  it('takes the project from the context, never from the payload', async () => {
    const app = await seeded();
    const sneaky = await app.call('admin', 'project/load', { projectId: '10001' });
    expect(!sneaky.ok && sneaky.error.code).toBe('VALIDATION_FAILED');
    // The admin of PV is not an admin of a project they cannot see: context decides.
    const other = await app.call('outsider', 'vision/save', visionInput(0), { type: 'jira:projectSettingsPage', project: PV });
    expect(!other.ok && other.error.code).toBe('NO_ACCESS');
  });

  it('answers NOT_FOUND when the context has no project', async () => {
    const app = createTestApp();
    const r = await app.call('admin', 'project/load', {}, { type: 'macro' });
    expect(!r.ok && r.error.code).toBe('NOT_FOUND');
  });
});

describe('bad input gets a clear error and changes nothing', () => {
  const bad: Array<[ApiKey, unknown, string]> = [
    ['vision/save', { ...visionInput(1), statement: '' }, 'statement'],
    ['vision/save', { ...visionInput(1), problem: 'x'.repeat(2001) }, 'problem'],
    ['vision/save', { ...visionInput(1), baseRevision: 'one' }, 'baseRevision'],
    ['vision/save', null, 'statement'], // Forge's Resolver turns a missing payload into {}
    ['goal/create', { goal: goalInput({ title: 42 }), baseRevision: 2 }, 'goal.title'],
    ['goal/create', { goal: goalInput({ status: 'done' }), baseRevision: 2 }, 'goal.status'],
    ['goal/create', { goal: goalInput({ targetDate: '2027-13-45' }), baseRevision: 2 }, 'goal.targetDate'],
    ['goal/update', { goalId: '../../etc', goal: goalInput(), baseRevision: 2 }, 'goalId'],
    ['kpi/create', { kpi: kpiInput('id-1', { target: 2000 }), baseRevision: 2 }, 'kpi.target'],
    ['kpi/create', { kpi: kpiInput('id-1', { direction: 'increase', target: 100 }), baseRevision: 2 }, 'kpi.target'],
    ['kpi/create', { kpi: kpiInput('unknown-goal'), baseRevision: 2 }, 'kpi.goalId'],
    ['kpi/create', { kpi: kpiInput('id-1', { baseline: 'lots' }), baseRevision: 2 }, 'kpi.baseline'],
    ['kpi/create', { kpi: kpiInput('id-1', { direction: 'band', target: null, bandLow: 9, bandHigh: 1 }), baseRevision: 2 }, 'kpi.bandHigh'],
    ['kpi/update', { kpiId: 'id-2', kpi: kpiInput('id-1'), baseRevision: 2, __proto__: { admin: true }, constructor: 1 }, ''],
  ];

  it.each(bad)('%s %j → VALIDATION_FAILED on %s', async (key, payload, path) => {
    const app = await seeded();
    const before = await app.snapshot();
    const r = await app.call('admin', key, payload);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION_FAILED');
    expect(r.error.fields?.some((f) => f.path === path && f.message.length > 0)).toBe(true);
    expect(await app.snapshot()).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown goal id on update and delete', async () => {
    const app = await seeded();
    const r1 = await app.call('admin', 'goal/update', { goalId: 'nope', goal: goalInput(), baseRevision: 2 });
    const r2 = await app.call('admin', 'kpi/delete', { kpiId: 'nope', baseRevision: 2 });
    expect([!r1.ok && r1.error.code, !r2.ok && r2.error.code]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });
});

describe('editing flows', () => {
  it('asks before deleting a goal with KPIs, then deletes both on confirm', async () => {
    const app = await seeded();
    const asked = await app.call('admin', 'goal/delete', { goalId: 'id-1', baseRevision: 2 });
    expect(!asked.ok && asked.error).toMatchObject({ code: 'CONFIRMATION_REQUIRED', details: { goalId: 'id-1', kpis: [{ id: 'id-2' }] } });
    const done = await app.call('admin', 'goal/delete', { goalId: 'id-1', baseRevision: 2, confirm: true });
    expect(done.ok && done.data).toMatchObject({ revision: 3, goals: [], kpis: [] });
  });

  it('refuses a write based on a stale revision with a conflict carrying the current data', async () => {
    const app = await seeded();
    const stale = await app.call('admin', 'goal/create', { goal: goalInput(), baseRevision: 1 });
    expect(!stale.ok && stale.error).toMatchObject({ code: 'CONFLICT', details: { current: { revision: 2 } } });
    const staleVision = await app.call('admin', 'vision/save', visionInput(0));
    expect(!staleVision.ok && staleVision.error).toMatchObject({ code: 'CONFLICT', details: { current: { revision: 1 } } });
  });

  it('keeps every vision revision, newest first in the history', async () => {
    const app = await seeded();
    await app.call('admin', 'vision/save', { ...visionInput(1), horizon: '2029' });
    await app.call('admin', 'vision/save', { ...visionInput(2), horizon: '2030' });
    const h = await app.call('member', 'vision/history', {});
    expect(h.ok && h.data.revisions.map((r: { revision: number }) => r.revision)).toEqual([3, 2, 1]);
  });

  it('does not make a new revision when nothing changed', async () => {
    const app = await seeded();
    const same = await app.call('admin', 'vision/save', visionInput(1));
    expect(same.ok && same.data.revision).toBe(1);
  });

  it('loads a page with 8 storage reads (draft, current published version, goals, alignment coverage, post-launch latest values and launches, feedback cadence; the guided start: the "shared" marker) and 2 Jira calls, however many goals', async () => {
    const app = await seeded();
    for (let i = 0; i < 10; i++) await app.call('admin', 'goal/create', { goal: goalInput({ title: `Goal ${i}` }), baseRevision: 2 + i });
    // The first load keeps the project's feedback date for the first time (one scan of its feedback, once per project).
    await app.call('member', 'project/load', {});
    app.store.resetCalls();
    app.site.calls = {};
    const r = await app.call('member', 'project/load', {});
    expect(r.ok && r.data.goalBook.goals).toHaveLength(11);
    // The current published version is a get of the head, not a one-result query (Forge documents no query order).
    expect(app.store.calls.get).toBe(8);
    expect(app.store.calls.query).toBe(0);
    // The member's first visit (above) noted that the vision is shared: this one writes nothing.
    expect(app.store.calls.setIfAbsent).toBe(0);
    expect(Object.values(app.store.calls).reduce((a, b) => a + b, 0)).toBe(8);
    expect(Object.values(app.site.calls).reduce((a, b) => a + b, 0)).toBe(2);
    // Every later visit reads the marker and writes nothing.
    app.store.resetCalls();
    app.site.calls = {};
    expect((await app.call('member', 'project/load', {})).ok).toBe(true);
    expect(Object.values(app.store.calls).reduce((a, b) => a + b, 0)).toBe(8);
    expect(app.store.calls.setIfAbsent).toBe(0);
  });
});
