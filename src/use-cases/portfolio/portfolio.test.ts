/**
 * Company goals and the portfolio through the real resolvers over the simulated Jira: who may edit
 * company goals (Jira admin, a named person, a named group, nobody else), rows kept current by the
 * writes that change a project's figures (unpublished projects included), the roll-up, and the load's
 * cost in invokes, Jira calls and storage reads.
 */
import { DEMO_GROUPS, DEMO_USERS } from '../../../devtools/simulated-jira/seed';
import { createTestApp, goalInput, kpiInput, PV, visionInput, type Role } from '../../../test/support/local-app';
import { companyGoalInput } from '../../../test/support/seeded-project';

const MOB = { id: '10001', key: 'MOB', type: 'software' };
const settings = (project = PV) => ({ type: 'jira:projectSettingsPage', project });
const globalPage = { type: 'jira:globalPage' };

async function setUp() {
  const app = createTestApp();
  const must = async (role: Role, key: string, payload: unknown, extension: Record<string, unknown> = settings()) => {
    const r = await app.call(role, key as never, payload, extension);
    if (!r.ok) throw new Error(`${key}: ${JSON.stringify(r.error)}`);
    return r.data;
  };
  return { app, must };
}

describe('company goals: who may edit', () => {
  it('a Jira administrator edits; members, viewers and outsiders are refused and nothing changes', async () => {
    const { app, must } = await setUp();
    const book = await must('siteAdmin', 'company-goal/create', { goal: companyGoalInput({ ownerAccountId: DEMO_USERS.admin }), baseRevision: 0 }, globalPage);
    expect(book.goals[0]).toMatchObject({ title: 'Grow self-service revenue', ownerName: 'Maya Lindqvist', businessUnit: 'Digital' });
    expect(book.goals[0].kpis[0].id).toEqual(expect.any(String));
    const before = await app.snapshot();
    for (const role of ['admin', 'member', 'viewer', 'outsider'] as Role[]) {
      const r = await app.call(role, 'company-goal/update', { goalId: book.goals[0].id, goal: companyGoalInput({ title: 'Mine now' }), baseRevision: 1 }, globalPage);
      expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
    }
    const anonymous = await app.call('anonymous', 'company-goal/delete', { goalId: book.goals[0].id, baseRevision: 1 }, globalPage);
    expect(anonymous.ok ? 'ok' : anonymous.error.code).toBe('UNAUTHENTICATED');
    expect(await app.snapshot()).toEqual(before);
  });

  it('a named person and the members of a named group edit; the editor list is for Jira administrators only', async () => {
    const { app, must } = await setUp();
    const refused = await app.call('admin', 'company-goal/set-editors', { accountIds: [DEMO_USERS.viewer], groups: [], baseRevision: 0 }, globalPage);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
    const found = await must('siteAdmin', 'company-goal/find-principals', { query: 'product' }, globalPage);
    expect(found.groups).toEqual([DEMO_GROUPS.productLeads]);
    const named = await must('siteAdmin', 'company-goal/set-editors', { accountIds: [DEMO_USERS.viewer], groups: [DEMO_GROUPS.productLeads], baseRevision: 0 }, globalPage);
    expect(named.people).toEqual([{ accountId: DEMO_USERS.viewer, displayName: 'Priya Raman' }]);

    // The viewer (named) and the member (in product-leads) may edit; the project admin (neither) may not.
    const byViewer = await must('viewer', 'company-goal/create', { goal: companyGoalInput(), baseRevision: 0 }, globalPage);
    const byMember = await must('member', 'company-goal/update', { goalId: byViewer.goals[0].id, goal: companyGoalInput({ status: 'achieved' }), baseRevision: 1 }, globalPage);
    expect(byMember.goals[0].status).toBe('achieved');
    const byAdmin = await app.call('admin', 'company-goal/delete', { goalId: byViewer.goals[0].id, baseRevision: 2 }, globalPage);
    expect(byAdmin.ok ? 'ok' : byAdmin.error.code).toBe('FORBIDDEN');
    expect((await must('admin', 'portfolio/load', {}, globalPage)).canEditCompanyGoals).toBe(false);
    expect((await must('member', 'portfolio/load', {}, globalPage)).canEditCompanyGoals).toBe(true);

    // Taking the group off takes the member's right away.
    await must('siteAdmin', 'company-goal/set-editors', { accountIds: [DEMO_USERS.viewer], groups: [], baseRevision: 1 }, globalPage);
    const after = await app.call('member', 'company-goal/delete', { goalId: byViewer.goals[0].id, baseRevision: 2 }, globalPage);
    expect(after.ok ? 'ok' : after.error.code).toBe('FORBIDDEN');
  });

  it('refuses a stale revision, an unknown owner and an editor id Jira does not know, writing nothing', async () => {
    const { app, must } = await setUp();
    await must('siteAdmin', 'company-goal/create', { goal: companyGoalInput(), baseRevision: 0 }, globalPage);
    const before = await app.snapshot();
    const stale = await app.call('siteAdmin', 'company-goal/create', { goal: companyGoalInput(), baseRevision: 0 }, globalPage);
    const owner = await app.call('siteAdmin', 'company-goal/create', { goal: companyGoalInput({ ownerAccountId: 'nobody-here' }), baseRevision: 1 }, globalPage);
    const editor = await app.call('siteAdmin', 'company-goal/set-editors', { accountIds: ['nobody-here'], groups: [], baseRevision: 0 }, globalPage);
    expect([stale, owner, editor].map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['CONFLICT', 'VALIDATION_FAILED', 'VALIDATION_FAILED']);
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('portfolio rows', () => {
  it('are written by the writes that change a project, before its first publish too, and show only what the viewer may browse', async () => {
    const { app, must } = await setUp();
    const company = await must('siteAdmin', 'company-goal/create', { goal: companyGoalInput(), baseRevision: 0 }, globalPage);
    const companyGoalId = company.goals[0].id;
    const book = await must('admin', 'goal/create', { goal: goalInput(), baseRevision: 0 });
    const goalId = book.goals[0].id;
    await must('admin', 'kpi/create', { kpi: kpiInput(goalId), baseRevision: 1 });
    await app.queue.drain();
    let view = await must('admin', 'portfolio/load', {}, globalPage);
    // Unpublished, but listed.
    expect(view.rows.map((r: any) => [r.projectKey, r.visionVersion, r.kpis])).toEqual([['PV', null, { onTrack: 0, offTrack: 0, noData: 1 }]]);

    await must('admin', 'goal/contribute', { goalId, companyGoalId, baseRevision: 2 });
    const kpiId = (await must('admin', 'project/load', {})).goalBook.kpis[0].id;
    await must('admin', 'kpi/measure', { kpiId, date: '2025-07-01', value: 1300, note: '', baseRevision: 0 });
    await must('admin', 'vision/save', visionInput());
    await must('admin', 'vision/publish', { baseRevision: 1 });
    await must('admin', 'goal/create', { goal: goalInput({ title: 'Offline first' }), baseRevision: 0 }, settings(MOB));
    await app.queue.drain();

    view = await must('admin', 'portfolio/load', {}, globalPage);
    const pv = view.rows.find((r: any) => r.projectKey === 'PV');
    expect(pv).toMatchObject({ visionVersion: 1, kpis: { onTrack: 0, offTrack: 1, noData: 0 }, guidedStart: { done: expect.any(Number), of: 6 } });
    expect(pv.reviewDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(view.rows.map((r: any) => r.projectKey)).toEqual(['MOB', 'PV']);
    expect(view.companyGoals[0].contributions).toEqual([
      { goalId, title: 'Cut support calls', companyGoalId, kpis: { onTrack: 0, offTrack: 1, noData: 0 }, projectId: '10000', projectKey: 'PV' },
    ]);

    // The viewer browses PV only: MOB's row stays out; the outsider sees none, and no contribution either.
    const asViewer = await must('viewer', 'portfolio/load', {}, globalPage);
    expect(asViewer.rows.map((r: any) => r.projectKey)).toEqual(['PV']);
    const asOutsider = await must('outsider', 'portfolio/load', {}, globalPage);
    expect(asOutsider.rows).toEqual([]);
    expect(asOutsider.companyGoals[0].contributions).toEqual([]);
    expect(asOutsider.companyGoals[0].goal.title).toBe('Grow self-service revenue');

    // Feedback moves the newest feedback date.
    await must('admin', 'feedback/create', { source: 'survey', text: 'Love it', sentiment: 'positive', goalId: null, kpiId: null, iteration: null });
    await app.queue.drain();
    const withFeedback = (await must('admin', 'portfolio/load', {}, globalPage)).rows.find((r: any) => r.projectKey === 'PV');
    expect(withFeedback.newestFeedbackAt).toEqual(expect.any(String));
  });

  it('the load costs 1 bulk permission check, no groups call unless a named group decides, and 10 storage reads', async () => {
    const { app, must } = await setUp();
    await must('admin', 'goal/create', { goal: goalInput(), baseRevision: 0 });
    await must('siteAdmin', 'company-goal/set-editors', { accountIds: [], groups: [DEMO_GROUPS.productLeads], baseRevision: 0 }, globalPage);
    await app.queue.drain();
    const count = async (role: Role) => {
      app.site.calls = {};
      app.store.resetCalls();
      await must(role, 'portfolio/load', {}, globalPage);
      const reads = (app.store.calls.get ?? 0) + (app.store.calls.query ?? 0);
      return { jira: Object.values(app.site.calls).reduce((a, b) => a + b, 0), reads, check: app.site.calls['POST /rest/api/3/permissions/check'] };
    };
    expect(await count('siteAdmin')).toEqual({ jira: 1, reads: 10, check: 1 });
    expect(await count('member')).toEqual({ jira: 2, reads: 10, check: 1 });
  });
});
