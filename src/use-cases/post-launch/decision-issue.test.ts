/**
 * Decisions become work: the issue is created as the caller (Jira's permissions decide), linked both
 * ways, its status shown on the iteration's page from one search; one decision makes at most one issue
 * through double clicks, retries, outages and a save that fails after Jira made the issue.
 */
import { panelOn } from '../../../test/support/local-app';
import { ITERATION_30, seededPostLaunch } from '../../../test/support/post-launch';
import { DECISION_PROPERTY } from '../../domain/post-launch/decision-issue';
import { CLAIM_WAIT_MS } from './decision-issue';

const TASK = '10002';
const STORY = '10001';

async function setup() {
  const seeded = await seededPostLaunch();
  const { app, decision } = seeded;
  const create = (role: 'admin' | 'member' | 'viewer' | 'outsider', issueTypeId = TASK) =>
    app.call(role, 'iteration/create-issue', { ...ITERATION_30, decisionId: decision.id, issueTypeId });
  const made = () => app.site.issues.filter((i) => i.properties.has(DECISION_PROPERTY));
  const searches = () => app.site.calls['POST /rest/api/3/search/jql'] ?? 0;
  return { ...seeded, create, made, searches };
}

describe('the issue types offered', () => {
  it('are those Jira lets the caller create, subtasks left out; none for a viewer', async () => {
    const { app } = await setup();
    const names = async (role: 'admin' | 'member' | 'viewer') => {
      const r = await app.call(role, 'iteration/issue-types', {});
      return r.ok ? r.data.map((t: { name: string }) => t.name) : r.error.code;
    };
    expect(await names('admin')).toEqual(['Epic', 'Story', 'Task', 'Bug']);
    expect(await names('member')).toEqual(['Epic', 'Story', 'Task', 'Bug']);
    expect(await names('viewer')).toEqual([]);
    expect((await app.call('outsider', 'iteration/issue-types', {})).ok).toBe(false);
  });
});

describe('creating the issue of a decision', () => {
  it('creates it as the caller, with a property naming the decision, and the decision keeps its id and key', async () => {
    const { app, create, made, decision } = await setup();
    const r = await create('member');
    expect(r.ok).toBe(true);
    const [issue] = made();
    expect(made()).toHaveLength(1);
    expect(issue).toMatchObject({ summary: 'Add SMS as a second reset channel.', reporterAccountId: '5b10ac8d82e05b22cc7d4ef5', statusName: 'To Do' });
    expect(issue!.properties.get(DECISION_PROPERTY)).toMatchObject({ projectId: '10000', iterationId: ITERATION_30.iterationId, decisionId: decision.id, kind: 'next-step', iterationName: '+30 days' });
    expect(r.ok && r.data.issue).toEqual({ id: issue!.id, key: issue!.key, typeName: 'Task', at: expect.any(String) });
    const page = await app.call('viewer', 'iteration/decisions', ITERATION_30);
    expect(page.ok && page.data.items[0].issue.key).toBe(issue!.key);
  });

  it('answers the same issue to a retry after success, without asking Jira to create again', async () => {
    const { app, create, made } = await setup();
    const first = await create('admin');
    const posts = app.site.calls['POST /rest/api/3/issue'];
    const again = await create('admin', STORY);
    expect(again).toEqual(first);
    expect(app.site.calls['POST /rest/api/3/issue']).toBe(posts);
    expect(made()).toHaveLength(1);
  });

  it('makes one issue from a double click (or three): each click answers that issue, or that it is under way', async () => {
    const { create, made } = await setup();
    const answers = await Promise.all([create('admin'), create('admin'), create('member')]);
    expect(made()).toHaveLength(1);
    const key = made()[0]!.key;
    expect(answers.map((r) => (r.ok ? r.data.issue.key : r.error.code)).every((a) => a === key || a === 'CONFLICT')).toBe(true);
    expect(answers.some((r) => r.ok)).toBe(true);
    const later = await create('admin');
    expect(later.ok && later.data.issue.key).toBe(key);
  });

  it('links, on retry, the issue Jira made when saving the decision failed; never a second one', async () => {
    const { app, create, made, clock } = await setup();
    // Both writes after Jira answered fail: the claim naming the issue, and the decision.
    app.store.failNext(2, 'set');
    const failed = await create('admin');
    expect(failed.ok).toBe(false);
    expect(made()).toHaveLength(1);
    // At once, and after the wait: the issue is found by its property and linked.
    const retried = await create('admin', STORY);
    expect(retried.ok && retried.data.issue.key).toBe(made()[0]!.key);
    clock.at = new Date(clock.at.getTime() + CLAIM_WAIT_MS * 2);
    expect((await create('admin')).ok).toBe(true);
    expect(made()).toHaveLength(1);
  });

  it('links from the claim when only the decision could not be saved', async () => {
    const { app, create, made, searches } = await setup();
    app.store.failNext(1, 'set', 1);
    expect((await create('admin')).ok).toBe(false);
    const before = searches();
    const retried = await create('admin');
    expect(retried.ok && retried.data.issue.key).toBe(made()[0]!.key);
    // The claim named the issue: no search was needed.
    expect(searches()).toBe(before);
    expect(made()).toHaveLength(1);
  });

  it('after an outage while creating, a retry looks for the issue, finds none, and creates it once', async () => {
    const { app, create, made } = await setup();
    app.site.faults.failNext = [{ status: 503, count: 100, operation: 'POST /rest/api/3/issue' }];
    const down = await create('admin');
    expect(!down.ok && down.error.code).toBe('JIRA_UNAVAILABLE');
    app.site.faults.failNext = [];
    expect(made()).toHaveLength(0);
    const retried = await create('admin');
    expect(retried.ok).toBe(true);
    expect(made()).toHaveLength(1);
  });

  it('takes over an attempt that stopped without a word once it is older than the wait, not before', async () => {
    const { app, create, made, clock, decision } = await setup();
    await app.store.setIfAbsent(`project:10000:decision-issue:${decision.id}`, { token: 'gone', at: clock.at.toISOString(), state: 'creating' });
    const early = await create('admin');
    expect(!early.ok && early.error.code).toBe('CONFLICT');
    clock.at = new Date(clock.at.getTime() + CLAIM_WAIT_MS + 1000);
    const [a, b] = await Promise.all([create('admin'), create('admin')]);
    expect([a.ok, b.ok].filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(made()).toHaveLength(1);
  });

  it('shows Jira’s refusal as a typed error on the issue type, and leaves nothing behind', async () => {
    const { app, create, made } = await setup();
    app.site.projects[0]!.issueTypes.find((t) => t.id === TASK)!.requiredFields = { customfield_10020: 'Team' };
    const before = await app.snapshot();
    const r = await create('admin');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION_FAILED');
    expect(r.error.fields).toEqual([{ path: 'issueTypeId', message: expect.stringContaining('Team is required.') }]);
    expect(await app.snapshot()).toEqual(before);
    expect(made()).toHaveLength(0);
    // Another type goes through: the refusal left no claim.
    expect((await create('admin', STORY)).ok).toBe(true);
  });

  it('refuses a viewer (no Create issues in Jira), a type of another project, and a decision that does not exist', async () => {
    const { app, create, made, decision } = await setup();
    const before = await app.snapshot();
    const viewer = await create('viewer');
    expect(!viewer.ok && viewer.error.code).toBe('FORBIDDEN');
    const mobType = await create('admin', '10011');
    expect(!mobType.ok && [mobType.error.code, mobType.error.fields?.[0]?.path]).toEqual(['VALIDATION_FAILED', 'issueTypeId']);
    const none = await app.call('admin', 'iteration/create-issue', { ...ITERATION_30, decisionId: `${decision.id.slice(0, 13)}-nope`, issueTypeId: TASK });
    expect(!none.ok && none.error.code).toBe('NOT_FOUND');
    const outsider = await create('outsider');
    expect(!outsider.ok && outsider.error.code).toBe('NO_ACCESS');
    expect(await app.snapshot()).toEqual(before);
    expect(made()).toHaveLength(0);
  });

  it('refuses when Jira takes Create issues away between listing and creating (403), leaving nothing', async () => {
    const { app, create, made } = await setup();
    const before = await app.snapshot();
    // Jira's create metadata still offers the type, but the create itself is refused.
    app.site.projects[0]!.permissionScheme.CREATE_ISSUES = ['Administrators', 'Members'];
    const original = app.site.projects[0]!.roles.Members!;
    const types = await app.call('member', 'iteration/issue-types', {});
    expect(types.ok && types.data.length).toBe(4);
    app.site.projects[0]!.roles.Members = [];
    const r = await create('member');
    app.site.projects[0]!.roles.Members = original;
    expect(r.ok).toBe(false);
    expect(await app.snapshot()).toEqual(before);
    expect(made()).toHaveLength(0);
  });
});

describe('the status on the iteration page', () => {
  it('comes from one search for all the iteration’s linked issues, as the viewer sees Jira now', async () => {
    const { app, create, searches } = await setup();
    const loadWithout = await app.call('viewer', 'iteration/load', ITERATION_30);
    expect(loadWithout.ok && loadWithout.data.decisions.issues).toBeUndefined();

    const r = await create('admin');
    const decided = await app.call('admin', 'iteration/decide', { ...ITERATION_30, kind: 'decision', text: 'Keep email as the default.' });
    if (!decided.ok) throw new Error('no second decision');
    const second = decided.data;
    expect((await app.call('admin', 'iteration/create-issue', { ...ITERATION_30, decisionId: second.id, issueTypeId: STORY })).ok).toBe(true);
    const issue = app.site.issues.find((i) => r.ok && i.id === r.data.issue.id)!;
    issue.statusName = 'In Progress';
    issue.statusCategory = 'indeterminate';

    const before = searches();
    const view = await app.call('viewer', 'iteration/load', ITERATION_30);
    expect(searches() - before).toBe(1);
    expect(view.ok).toBe(true);
    if (!view.ok || !view.data.decisions.issues?.ok) throw new Error('no statuses');
    const found = view.data.decisions.issues.found;
    expect(Object.keys(found)).toHaveLength(2);
    expect(r.ok && found[r.data.id]).toMatchObject({ key: issue.key, status: { name: 'In Progress', category: 'indeterminate' } });
    expect(found[second.id]).toMatchObject({ status: { name: 'To Do', category: 'new' } });
  });

  it('leaves out an issue deleted in Jira, and says so when Jira does not answer', async () => {
    const { app, create } = await setup();
    const r = await create('admin');
    app.site.issues = app.site.issues.filter((i) => !(r.ok && i.id === r.data.issue.id));
    const gone = await app.call('admin', 'iteration/load', ITERATION_30);
    expect(gone.ok && gone.data.decisions.issues).toEqual({ ok: true, found: {} });
    app.site.faults.failNext = [{ status: 503, count: 100, operation: 'POST /rest/api/3/search/jql' }];
    const down = await app.call('admin', 'iteration/load', ITERATION_30);
    expect(down.ok && down.data.decisions.issues).toEqual({ ok: false, error: expect.stringContaining('Jira did not answer') });
  });
});

describe('the issue panel of an issue made from a decision', () => {
  it('says which iteration’s decision it came from; a property naming no iteration of the project says nothing', async () => {
    const { app, create } = await setup();
    const r = await create('member');
    if (!r.ok) throw new Error('not created');
    const panel = await app.call('viewer', 'panel/load', {}, panelOn({ id: r.data.issue.id, key: r.data.issue.key }));
    expect(panel.ok && panel.data.fromDecision).toEqual({ kind: 'next-step', iterationName: '+30 days', launchName: 'Portal 1.0' });
    // Anyone who may edit the issue could write the property: one naming no iteration of PV is ignored.
    const issue = app.site.issues.find((i) => i.id === r.data.issue.id)!;
    issue.properties.set(DECISION_PROPERTY, { ...(issue.properties.get(DECISION_PROPERTY) as object), iterationId: 'made-up' });
    const forged = await app.call('viewer', 'panel/load', {}, panelOn({ id: issue.id, key: issue.key }));
    expect(forged.ok && forged.data.fromDecision).toBeUndefined();
    // Other issues' panels are unchanged.
    const plain = await app.call('viewer', 'panel/load', {}, panelOn(app.issue('PV-1')));
    expect(plain.ok && plain.data.fromDecision).toBeUndefined();
  });
});
