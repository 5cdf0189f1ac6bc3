/**
 * Every endpoint of the simulated Jira, for each kind of caller, checked against Jira's OpenAPI
 * description: documented status codes only, bodies matching the schema for that status.
 */
import type { JiraHttpRequest, JiraHttpResponse } from '../../src/ports/jira-http.port';
import { expectJiraContract, responseProblems } from '../../test/jira-openapi';
import { DEMO_USERS, handleJiraRequest, operationKey, ROUTES, seedDemoSite, type JiraSite } from '.';

const { admin, member, viewer, outsider, siteAdmin, departed } = DEMO_USERS;
const NOBODY = null;

let site: JiraSite;
const exercised = new Set<string>();

beforeEach(() => {
  site = seedDemoSite();
  site.now = () => new Date('2025-11-01T12:00:00Z');
});

type Reply = JiraHttpResponse & { body: any };

async function exchange(who: string | null, request: JiraHttpRequest, checkRequest: boolean): Promise<Reply> {
  const response = await handleJiraRequest(site, request, who);
  if (checkRequest) expectJiraContract(request, response);
  else expect(responseProblems(request, response)).toEqual([]);
  const route = ROUTES.find((r) => Object.keys(site.calls).includes(operationKey(r)));
  if (route) exercised.add(operationKey(route));
  site.calls = {};
  return response as Reply;
}

/** Sends a request Jira's contract allows, and checks the response against the contract. */
function send(who: string | null, method: JiraHttpRequest['method'], path: string, body?: unknown, as: JiraHttpRequest['as'] = 'user'): Promise<Reply> {
  return exchange(who, { method, path, as, ...(body === undefined ? {} : { body }) }, true);
}

/** Sends a request the contract itself rejects (unknown body field, missing body…); checks the response only. */
function sendInvalid(who: string | null, method: JiraHttpRequest['method'], path: string, body?: unknown): Promise<Reply> {
  return exchange(who, { method, path, as: 'user', ...(body === undefined ? {} : { body }) }, false);
}

const PERMS = 'permissions=BROWSE_PROJECTS%2CADMINISTER_PROJECTS';

afterAll(() => {
  // Every operation the simulator answers was checked against the contract above.
  expect(ROUTES.map(operationKey).filter((op) => !exercised.has(op))).toEqual([]);
});

describe('GET /myself', () => {
  it('returns the signed-in user', async () => {
    const { status, body } = await send(member, 'GET', '/rest/api/3/myself');
    expect(status).toBe(200);
    expect(body).toMatchObject({ accountId: member, displayName: 'Tomás Ferreira', active: true, accountType: 'atlassian' });
  });
  it('returns the app account for app calls', async () => {
    const { body } = await send(NOBODY, 'GET', '/rest/api/3/myself', undefined, 'app');
    expect(body).toMatchObject({ accountId: site.appAccountId, accountType: 'app' });
  });
  it('is 401 without an account, or with one the site does not know', async () => {
    expect((await send(NOBODY, 'GET', '/rest/api/3/myself')).status).toBe(401);
    expect((await send('5f0000000000000000000000', 'GET', '/rest/api/3/myself')).status).toBe(401);
  });
  it('lists the user\'s groups with expand=groups', async () => {
    const { status, body } = await send(member, 'GET', '/rest/api/3/myself?expand=groups');
    expect(status).toBe(200);
    expect(body.groups.items.map((g: any) => g.name).sort()).toEqual(['jira-users', 'product-leads']);
    const plain = await send(viewer, 'GET', '/rest/api/3/myself');
    expect(plain.body.groups).toBeUndefined();
  });
  it('treats a deactivated account as signed out', async () => {
    expect((await send(departed, 'GET', '/rest/api/3/myself')).status).toBe(401);
    expect((await send(departed, 'GET', '/rest/api/3/project/PV/versions')).status).toBe(404);
  });
});

describe('GET /mypermissions', () => {
  const have = (body: any) => ({
    browse: body.permissions.BROWSE_PROJECTS.havePermission,
    admin: body.permissions.ADMINISTER_PROJECTS.havePermission,
  });

  it.each([
    ['admin', admin, '10000', { browse: true, admin: true }],
    ['member', member, '10000', { browse: true, admin: false }],
    ['viewer', viewer, '10000', { browse: true, admin: false }],
    ['site admin in PV', siteAdmin, '10000', { browse: true, admin: true }],
    ['site admin in MOB (administers, cannot browse)', siteAdmin, '10001', { browse: false, admin: true }],
    ['admin in MOB', admin, '10001', { browse: true, admin: true }],
  ])('%s', async (_label, who, projectId, expected) => {
    const { status, body } = await send(who, 'GET', `/rest/api/3/mypermissions?projectId=${projectId}&${PERMS}`);
    expect(status).toBe(200);
    expect(have(body)).toEqual(expected);
  });

  it('is 404 for a project the caller cannot see, or that does not exist', async () => {
    expect((await send(outsider, 'GET', `/rest/api/3/mypermissions?projectId=10000&${PERMS}`)).status).toBe(404);
    expect((await send(viewer, 'GET', `/rest/api/3/mypermissions?projectId=10001&${PERMS}`)).status).toBe(404);
    expect((await send(admin, 'GET', `/rest/api/3/mypermissions?projectId=99999&${PERMS}`)).status).toBe(404);
  });

  it('accepts a project key or an issue as the context', async () => {
    const byKey = await send(member, 'GET', `/rest/api/3/mypermissions?projectKey=MOB&${PERMS}`);
    expect(have(byKey.body)).toEqual({ browse: true, admin: false });
    const byIssue = await send(admin, 'GET', `/rest/api/3/mypermissions?issueKey=PV-1&permissions=EDIT_ISSUES`);
    expect(byIssue.body.permissions.EDIT_ISSUES.havePermission).toBe(true);
    expect((await send(outsider, 'GET', `/rest/api/3/mypermissions?issueKey=PV-1&permissions=EDIT_ISSUES`)).status).toBe(404);
  });

  it('answers global permissions without a context', async () => {
    const asSiteAdmin = await send(siteAdmin, 'GET', '/rest/api/3/mypermissions?permissions=ADMINISTER');
    expect(asSiteAdmin.body.permissions.ADMINISTER).toMatchObject({ havePermission: true, type: 'GLOBAL' });
    const asAdmin = await send(admin, 'GET', '/rest/api/3/mypermissions?permissions=ADMINISTER%2CBROWSE_PROJECTS');
    expect(asAdmin.body.permissions.ADMINISTER.havePermission).toBe(false);
    expect(asAdmin.body.permissions.BROWSE_PROJECTS.havePermission).toBe(true);
  });

  it('is 400 without permissions or with an unknown key, 401 without an account', async () => {
    expect((await send(admin, 'GET', '/rest/api/3/mypermissions?projectId=10000')).status).toBe(400);
    const bad = await send(admin, 'GET', '/rest/api/3/mypermissions?projectId=10000&permissions=FLY');
    expect(bad.status).toBe(400);
    expect(bad.body.errorMessages[0]).toContain('FLY');
    expect((await send(NOBODY, 'GET', `/rest/api/3/mypermissions?projectId=10000&${PERMS}`)).status).toBe(401);
  });
});

describe('POST /permissions/check', () => {
  const editCheck = { projectPermissions: [{ permissions: ['EDIT_ISSUES', 'ADMINISTER_PROJECTS'], projects: [10000, 10001, 424242], issues: [10020] }] };

  it("returns the caller's grants, ignoring unknown ids", async () => {
    const { status, body } = await send(member, 'POST', '/rest/api/3/permissions/check', { ...editCheck, globalPermissions: ['ADMINISTER'] });
    expect(status).toBe(200);
    expect(body.globalPermissions).toEqual([]);
    expect(body.projectPermissions).toEqual([
      { permission: 'EDIT_ISSUES', projects: [10000, 10001], issues: [10020] },
      { permission: 'ADMINISTER_PROJECTS', projects: [], issues: [] },
    ]);
  });

  it('lets a site admin or the app check another account, and no one else', async () => {
    const bySiteAdmin = await send(siteAdmin, 'POST', '/rest/api/3/permissions/check', { ...editCheck, accountId: viewer });
    expect(bySiteAdmin.body.projectPermissions[0].projects).toEqual([]);
    const byApp = await send(NOBODY, 'POST', '/rest/api/3/permissions/check', { ...editCheck, accountId: admin }, 'app');
    expect(byApp.body.projectPermissions[1].projects).toEqual([10000, 10001]);
    expect((await send(member, 'POST', '/rest/api/3/permissions/check', { ...editCheck, accountId: admin })).status).toBe(403);
  });

  it('treats a call without an account as anonymous (no grants)', async () => {
    const { status, body } = await send(NOBODY, 'POST', '/rest/api/3/permissions/check', editCheck);
    expect(status).toBe(200);
    expect(body.projectPermissions.every((g: any) => g.projects.length === 0)).toBe(true);
  });

  it('is 400 for unknown permissions or a project entry without permissions', async () => {
    expect((await send(admin, 'POST', '/rest/api/3/permissions/check', { globalPermissions: ['FLY'] })).status).toBe(400);
    expect((await sendInvalid(admin, 'POST', '/rest/api/3/permissions/check', { projectPermissions: [{ projects: [10000] }] })).status).toBe(400);
    const unknownAccount = await send(siteAdmin, 'POST', '/rest/api/3/permissions/check', { accountId: 'nope', globalPermissions: ['ADMINISTER'] });
    expect(unknownAccount.status).toBe(400);
  });
});

describe('GET /groups/picker and GET /user/search', () => {
  it('finds groups by name for callers who browse a project; an empty list otherwise', async () => {
    const { status, body } = await send(siteAdmin, 'GET', '/rest/api/3/groups/picker?query=product&maxResults=5');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 1, groups: [{ name: 'product-leads' }] });
    expect((await send(outsider, 'GET', '/rest/api/3/groups/picker?query=product')).body.groups).toEqual([]);
  });
  it('finds active people for a Jira admin (Browse users and groups); nobody for others', async () => {
    const { status, body } = await send(siteAdmin, 'GET', '/rest/api/3/user/search?query=priya');
    expect(status).toBe(200);
    expect(body.map((u: any) => u.accountId)).toEqual([viewer]);
    expect((await send(member, 'GET', '/rest/api/3/user/search?query=priya')).body).toEqual([]);
    expect((await send(siteAdmin, 'GET', '/rest/api/3/user/search?query=sam')).body).toEqual([]);
  });
});

describe('POST /permissions/check limits', () => {
  it('is 400 for more than 1,000 projects, as Jira documents', async () => {
    const projects = Array.from({ length: 1001 }, (_, i) => 20000 + i);
    const over = await send(admin, 'POST', '/rest/api/3/permissions/check', { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects }] });
    expect(over.status).toBe(400);
    const at = await send(admin, 'POST', '/rest/api/3/permissions/check', { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: [...projects.slice(2), 10000] }] });
    expect(at.body.projectPermissions[0].projects).toEqual([10000]);
  });
});

describe('GET /user/bulk', () => {
  it('returns the known users, inactive ones included, unknown ids left out', async () => {
    const { status, body } = await send(member, 'GET', `/rest/api/3/user/bulk?accountId=${admin}&accountId=${departed}&accountId=unknown-id`);
    expect(status).toBe(200);
    expect(body.values.map((u: any) => [u.accountId, u.active])).toEqual([
      [admin, true],
      [departed, false],
    ]);
    expect(body).toMatchObject({ isLast: true, startAt: 0, maxResults: 10, total: 2 });
  });

  it('pages by 10 unless maxResults says otherwise', async () => {
    for (let i = 0; i < 12; i++) {
      site.users.set(`acc-${i}`, { accountId: `acc-${i}`, displayName: `User ${i}`, active: true, accountType: 'atlassian' });
    }
    const ids = Array.from({ length: 12 }, (_, i) => `accountId=acc-${i}`).join('&');
    const first = await send(admin, 'GET', `/rest/api/3/user/bulk?${ids}`);
    expect(first.body.values).toHaveLength(10);
    expect(first.body.isLast).toBe(false);
    expect(first.body.nextPage).toContain('startAt=10');
    const rest = await send(admin, 'GET', `/rest/api/3/user/bulk?startAt=10&${ids}`);
    expect(rest.body.values.map((u: any) => u.accountId)).toEqual(['acc-10', 'acc-11']);
    const all = await send(admin, 'GET', `/rest/api/3/user/bulk?maxResults=50&${ids}`);
    expect(all.body.values).toHaveLength(12);
  });

  it('is 400 without accountId and 401 without an account', async () => {
    expect((await send(admin, 'GET', '/rest/api/3/user/bulk?accountId=')).status).toBe(400);
    expect((await send(NOBODY, 'GET', `/rest/api/3/user/bulk?accountId=${admin}`)).status).toBe(401);
  });
});

describe('GET /user/assignable/search', () => {
  const names = (body: any[]) => body.map((u) => u.displayName).sort();

  it("lists the project's active assignable people", async () => {
    const pv = await send(member, 'GET', '/rest/api/3/user/assignable/search?project=PV&maxResults=100');
    expect(names(pv.body)).toEqual(['Maya Lindqvist', 'Site Administrator', 'Tomás Ferreira']);
    const mob = await send(admin, 'GET', '/rest/api/3/user/assignable/search?project=10001');
    expect(names(mob.body)).toEqual(['Maya Lindqvist', 'Tomás Ferreira']);
    const filtered = await send(admin, 'GET', '/rest/api/3/user/assignable/search?project=PV&query=tom');
    expect(names(filtered.body)).toEqual(['Tomás Ferreira']);
  });

  it('is 404 for a project the caller cannot see, 400 without a project, 401 without an account', async () => {
    expect((await send(outsider, 'GET', '/rest/api/3/user/assignable/search?project=PV')).status).toBe(404);
    expect((await send(admin, 'GET', '/rest/api/3/user/assignable/search?query=a')).status).toBe(400);
    expect((await send(NOBODY, 'GET', '/rest/api/3/user/assignable/search?project=PV')).status).toBe(401);
  });
});

describe('GET /project/{projectIdOrKey}', () => {
  it('returns the project with its issue types and versions, by key or id', async () => {
    const { status, body } = await send(member, 'GET', '/rest/api/3/project/PV');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: '10000', key: 'PV', name: 'Customer Portal', style: 'classic', simplified: false });
    expect(body.issueTypes.find((t: any) => t.hierarchyLevel === 1).name).toBe('Epic');
    expect(body.versions).toHaveLength(3);
    const mob = await send(admin, 'GET', '/rest/api/3/project/10001');
    expect(mob.body).toMatchObject({ key: 'MOB', style: 'next-gen', simplified: true });
    expect(mob.body.issueTypes.find((t: any) => t.hierarchyLevel === 1).name).toBe('Feature');
  });

  it('is 404 (not 403) for a project the caller cannot see, 401 without an account', async () => {
    const hidden = await send(outsider, 'GET', '/rest/api/3/project/PV');
    expect(hidden.status).toBe(404);
    expect(hidden.body.errorMessages).toEqual(["No project could be found with key 'PV'."]);
    expect((await send(admin, 'GET', '/rest/api/3/project/NOPE')).status).toBe(404);
    expect((await send(NOBODY, 'GET', '/rest/api/3/project/PV')).status).toBe(401);
  });

  it('shows a project to a site admin who administers but cannot browse it', async () => {
    expect((await send(siteAdmin, 'GET', '/rest/api/3/project/MOB')).status).toBe(200);
  });
});

describe('GET /project/search', () => {
  const keys = (body: any) => body.values.map((p: any) => p.key);

  it('lists the projects the caller can see', async () => {
    expect(keys((await send(admin, 'GET', '/rest/api/3/project/search')).body)).toEqual(['MOB', 'PV', 'SD']);
    expect(keys((await send(viewer, 'GET', '/rest/api/3/project/search')).body)).toEqual(['PV']);
    const none = await send(outsider, 'GET', '/rest/api/3/project/search');
    expect(none.body).toMatchObject({ total: 0, isLast: true, values: [] });
  });

  it('filters by action, keys and query, and pages', async () => {
    expect(keys((await send(member, 'GET', '/rest/api/3/project/search?action=edit')).body)).toEqual([]);
    expect(keys((await send(admin, 'GET', '/rest/api/3/project/search?keys=PV')).body)).toEqual(['PV']);
    expect(keys((await send(admin, 'GET', '/rest/api/3/project/search?query=mobile')).body)).toEqual(['MOB']);
    const page = await send(admin, 'GET', '/rest/api/3/project/search?maxResults=1&expand=issueTypes');
    expect(page.body).toMatchObject({ total: 3, isLast: false, maxResults: 1 });
    expect(page.body.values[0].issueTypes.length).toBeGreaterThan(0);
  });

  it('is 400 for a bad action and 401 without an account', async () => {
    expect((await send(admin, 'GET', '/rest/api/3/project/search?action=fly')).status).toBe(400);
    expect((await send(NOBODY, 'GET', '/rest/api/3/project/search')).status).toBe(401);
  });
});

describe('GET /issuetype/project', () => {
  it('returns the issue types of a project, optionally of one hierarchy level', async () => {
    const all = await send(member, 'GET', '/rest/api/3/issuetype/project?projectId=10000');
    expect(all.body.map((t: any) => t.name)).toEqual(['Epic', 'Story', 'Task', 'Bug', 'Sub-task']);
    const epicLevel = await send(member, 'GET', '/rest/api/3/issuetype/project?projectId=10001&level=1');
    expect(epicLevel.body).toEqual([expect.objectContaining({ id: '10010', name: 'Feature', hierarchyLevel: 1 })]);
    expect(epicLevel.body[0].scope).toEqual({ type: 'PROJECT', project: { id: '10001' } });
  });

  it('is 404 for a hidden project (anonymous callers included) and 400 for bad parameters', async () => {
    expect((await send(outsider, 'GET', '/rest/api/3/issuetype/project?projectId=10000')).status).toBe(404);
    expect((await send(NOBODY, 'GET', '/rest/api/3/issuetype/project?projectId=10000')).status).toBe(404);
    expect((await send(admin, 'GET', '/rest/api/3/issuetype/project?projectId=PV')).status).toBe(400);
    expect((await send(admin, 'GET', '/rest/api/3/issuetype/project?projectId=10000&level=top')).status).toBe(400);
  });
});

describe('GET /project/{projectIdOrKey}/versions', () => {
  it('returns all versions, one released', async () => {
    const { status, body } = await send(viewer, 'GET', '/rest/api/3/project/PV/versions');
    expect(status).toBe(200);
    expect(body.map((v: any) => [v.name, v.released])).toEqual([
      ['Portal 1.0', true],
      ['Portal 1.1', false],
      ['Portal 2.0', false],
    ]);
    expect(body[1]).toMatchObject({ releaseDate: '2025-12-15', overdue: false, projectId: 10000 });
  });

  it('is 404 for a hidden project, anonymous callers included', async () => {
    expect((await send(outsider, 'GET', '/rest/api/3/project/PV/versions')).status).toBe(404);
    expect((await send(NOBODY, 'GET', '/rest/api/3/project/MOB/versions')).status).toBe(404);
  });
});

describe('GET /issue/{issueIdOrKey}', () => {
  it('returns all fields by default and honours fields and properties', async () => {
    const full = await send(member, 'GET', '/rest/api/3/issue/PV-9');
    expect(full.body.fields).toMatchObject({
      summary: 'Reset password by email link',
      issuetype: { name: 'Story' },
      parent: { key: 'PV-1', fields: { summary: 'Self-service password reset' } },
      status: { statusCategory: { key: 'done' } },
      customfield_10016: 5,
    });
    await send(member, 'PUT', '/rest/api/3/issue/PV-9/properties/demo', { a: 1 });
    const some = await send(member, 'GET', '/rest/api/3/issue/10028?fields=summary&properties=demo,absent');
    expect(some.body).toMatchObject({ id: '10028', key: 'PV-9', fields: { summary: 'Reset password by email link' } });
    expect(Object.keys(some.body.fields)).toEqual(['summary']);
    expect(some.body.properties).toEqual({ demo: { a: 1 } });
  });

  it('is 404 for hidden or missing issues and 401 without an account', async () => {
    const hidden = await send(outsider, 'GET', '/rest/api/3/issue/PV-1');
    expect(hidden.status).toBe(404);
    expect(hidden.body.errorMessages).toEqual(['Issue does not exist or you do not have permission to see it.']);
    expect((await send(admin, 'GET', '/rest/api/3/issue/PV-999')).status).toBe(404);
    expect((await send(NOBODY, 'GET', '/rest/api/3/issue/PV-1')).status).toBe(401);
  });
});

describe('issue properties', () => {
  const path = '/rest/api/3/issue/PV-2/properties/pv-goal-link';

  it('creates (201), updates (200), reads and deletes (204)', async () => {
    expect((await send(member, 'PUT', path, { goalId: 'g-1' })).status).toBe(201);
    expect((await send(member, 'PUT', path, { goalId: 'g-2' })).status).toBe(200);
    const read = await send(viewer, 'GET', path);
    expect(read.body).toEqual({ key: 'pv-goal-link', value: { goalId: 'g-2' } });
    expect((await send(admin, 'DELETE', path)).status).toBe(204);
    expect((await send(admin, 'GET', path)).status).toBe(404);
    expect((await send(admin, 'DELETE', path)).status).toBe(404);
  });

  it('is 403 on writes for a caller who may browse but not edit; DELETE answers 404 there', async () => {
    await send(member, 'PUT', path, { goalId: 'g-1' });
    const put = await send(viewer, 'PUT', path, { goalId: 'g-9' });
    expect(put.status).toBe(403);
    expect(put.body.errorMessages[0]).toContain('PV-2');
    expect((await send(viewer, 'DELETE', path)).status).toBe(404);
    expect((await send(viewer, 'GET', path)).body.value).toEqual({ goalId: 'g-1' });
  });

  it('is 404 for hidden issues (even to a site admin who only administers) and 401 without an account', async () => {
    expect((await send(outsider, 'PUT', path, { goalId: 'g-1' })).status).toBe(404);
    expect((await send(outsider, 'GET', path)).status).toBe(404);
    expect((await send(siteAdmin, 'PUT', '/rest/api/3/issue/MOB-1/properties/x', { a: 1 })).status).toBe(404);
    expect((await send(NOBODY, 'PUT', path, { goalId: 'g-1' })).status).toBe(401);
    expect((await send(NOBODY, 'GET', path)).status).toBe(401);
    expect((await send(NOBODY, 'DELETE', path)).status).toBe(401);
  });

  it('lets the app write anywhere', async () => {
    expect((await send(NOBODY, 'PUT', '/rest/api/3/issue/MOB-1/properties/x', { a: 1 }, 'app')).status).toBe(201);
  });

  it('is 400 for an empty or too long value', async () => {
    expect((await sendInvalid(member, 'PUT', path, undefined)).status).toBe(400);
    expect((await send(member, 'PUT', path, { text: 'x'.repeat(40_000) })).status).toBe(400);
  });

  it('keys with reserved characters travel encoded', async () => {
    const key = encodeURIComponent('pv goal/link');
    expect((await send(member, 'PUT', `/rest/api/3/issue/PV-2/properties/${key}`, 1)).status).toBe(201);
    expect((await send(member, 'GET', `/rest/api/3/issue/PV-2/properties/${key}`)).body.key).toBe('pv goal/link');
  });
});

describe('project properties', () => {
  const path = '/rest/api/3/project/PV/properties/pv-vision';

  it('lets a project admin create, update and read', async () => {
    expect((await send(admin, 'PUT', path, { revision: 1 })).status).toBe(201);
    expect((await send(admin, 'PUT', path, { revision: 2 })).status).toBe(200);
    expect((await send(member, 'GET', '/rest/api/3/project/10000/properties/pv-vision')).body).toEqual({ key: 'pv-vision', value: { revision: 2 } });
  });

  it('is 403 for writers who are not project admins, 404 for hidden projects or properties, 401 without an account', async () => {
    expect((await send(member, 'PUT', path, { revision: 1 })).status).toBe(403);
    expect((await send(outsider, 'PUT', path, { revision: 1 })).status).toBe(404);
    expect((await send(outsider, 'GET', path)).status).toBe(404);
    expect((await send(admin, 'GET', path)).status).toBe(404);
    expect((await send(NOBODY, 'GET', path)).status).toBe(401);
    expect((await send(NOBODY, 'PUT', path, { revision: 1 })).status).toBe(401);
  });

  it('lets a site admin administer a project they cannot browse', async () => {
    expect((await send(siteAdmin, 'PUT', '/rest/api/3/project/MOB/properties/pv-vision', { revision: 1 })).status).toBe(201);
    expect((await send(siteAdmin, 'GET', '/rest/api/3/project/MOB/properties/pv-vision')).status).toBe(200);
  });

  it('is 400 for an empty value or an over-long key', async () => {
    expect((await send(admin, 'PUT', path, '')).status).toBe(400);
    expect((await send(admin, 'PUT', `/rest/api/3/project/PV/properties/${'k'.repeat(256)}`, 1)).status).toBe(400);
  });
});

describe('search', () => {
  it('GET and POST /search/jql return issues the caller may browse', async () => {
    const get = await send(member, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = PV AND issuetype = Epic')}&fields=summary`);
    expect(get.status).toBe(200);
    expect(get.body.issues).toHaveLength(8);
    expect(get.body.isLast).toBe(true);
    const post = await send(admin, 'POST', '/rest/api/3/search/jql', { jql: 'project in (PV, MOB) AND issuetype in (Epic, Feature)', maxResults: 50 });
    expect(post.body.issues).toHaveLength(11);
    expect(post.body.issues[0]).toEqual(expect.objectContaining({ id: expect.any(String), key: expect.any(String) }));
    expect(post.body.issues[0].fields).toBeUndefined();
  });

  it('is 400 for JQL it cannot run and 401 without an account', async () => {
    const bad = await send(admin, 'POST', '/rest/api/3/search/jql', { jql: 'summary ~ "chat"' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ errorMessages: [expect.stringContaining("'~'")], errors: {} });
    expect((await send(admin, 'GET', '/rest/api/3/search/jql?jql=')).status).toBe(400);
    expect((await sendInvalid(admin, 'POST', '/rest/api/3/search/jql', { jql: 'project = PV', startAt: 0 })).status).toBe(400);
    expect((await send(NOBODY, 'POST', '/rest/api/3/search/jql', { jql: 'project = PV' })).status).toBe(401);
  });

  it('POST /search/approximate-count counts what the caller may see', async () => {
    expect((await send(admin, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = MOB' })).body).toEqual({ count: 7 });
    expect((await send(outsider, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = MOB' })).status).toBe(400);
    expect((await send(admin, 'POST', '/rest/api/3/search/approximate-count', {})).status).toBe(400);
    expect((await send(NOBODY, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = MOB' })).status).toBe(401);
  });

  it('POST /jql/parse returns structures and errors', async () => {
    const { status, body } = await send(admin, 'POST', '/rest/api/3/jql/parse?validation=strict', {
      queries: ['project = PV AND parent IS EMPTY ORDER BY created DESC', 'project = PV OR project = MOB', 'nosuchfield = 1'],
    });
    expect(status).toBe(200);
    expect(body.queries[0].structure).toEqual({
      where: {
        operator: 'and',
        clauses: [
          { field: { name: 'project' }, operator: '=', operand: { value: 'PV' } },
          { field: { name: 'parent' }, operator: 'is', operand: { keyword: 'empty' } },
        ],
      },
      orderBy: { fields: [{ field: { name: 'created' }, direction: 'desc' }] },
    });
    expect(body.queries[1].structure).toEqual({
      where: {
        operator: 'or',
        clauses: [
          { field: { name: 'project' }, operator: '=', operand: { value: 'PV' } },
          { field: { name: 'project' }, operator: '=', operand: { value: 'MOB' } },
        ],
      },
    });
    expect(body.queries[2]).toEqual({ query: 'nosuchfield = 1', errors: ["Field 'nosuchfield' does not exist or you do not have permission to view it."] });
    expect((await send(admin, 'POST', '/rest/api/3/jql/parse?validation=strict', { queries: [] })).status).toBe(400);
    expect((await send(NOBODY, 'POST', '/rest/api/3/jql/parse?validation=strict', { queries: ['project = PV'] })).status).toBe(401);
  });
});

describe('outside the contract', () => {
  it('answers 404 for operations it does not simulate and 405 for a wrong method', async () => {
    const missing = await handleJiraRequest(site, { method: 'GET', path: '/rest/api/3/dashboard', as: 'user' }, admin);
    expect(missing.status).toBe(404);
    expect((missing.body as any).errorMessages[0]).toContain('does not implement');
    const wrong = await handleJiraRequest(site, { method: 'DELETE', path: '/rest/api/3/myself', as: 'user' }, admin);
    expect(wrong.status).toBe(405);
  });

  it('does not share objects with callers', async () => {
    const value = { goalId: 'g-1' };
    await send(member, 'PUT', '/rest/api/3/issue/PV-3/properties/p', value);
    value.goalId = 'changed';
    const read = await send(member, 'GET', '/rest/api/3/issue/PV-3/properties/p');
    read.body.value.goalId = 'changed again';
    expect((await send(member, 'GET', '/rest/api/3/issue/PV-3/properties/p')).body.value).toEqual({ goalId: 'g-1' });
  });
});

describe('GET /project/{projectIdOrKey}?properties= (the Confluence macro read)', () => {
  it('returns the named project properties with the project, as the caller may see it', async () => {
    await send(admin, 'PUT', '/rest/api/3/project/PV/properties/product-vision.published', { version: 2 });
    const asViewer = await send(viewer, 'GET', '/rest/api/3/project/10000?properties=product-vision.published,absent');
    expect(asViewer.status).toBe(200);
    expect(asViewer.body.properties).toEqual({ 'product-vision.published': { version: 2 } });
    expect((await send(viewer, 'GET', '/rest/api/3/project/10000')).body.properties).toEqual({});
    expect((await send(outsider, 'GET', '/rest/api/3/project/10000?properties=product-vision.published')).status).toBe(404);
    expect((await send(NOBODY, 'GET', '/rest/api/3/project/10000?properties=product-vision.published')).status).toBe(401);
  });

  it('answers the app for any project, and 404 for one that does not exist', async () => {
    expect((await send(NOBODY, 'GET', '/rest/api/3/project/10001', undefined, 'app')).status).toBe(200);
    expect((await send(NOBODY, 'GET', '/rest/api/3/project/99999', undefined, 'app')).status).toBe(404);
  });

  it('lists only browsable projects for action=browse, ordered by name', async () => {
    const page = await send(viewer, 'GET', '/rest/api/3/project/search?action=browse&orderBy=name&startAt=0&maxResults=50');
    expect(page.body.values.map((p: any) => p.key)).toEqual(['PV']);
    const siteAdminPage = await send(siteAdmin, 'GET', '/rest/api/3/project/search?action=browse&orderBy=name&startAt=0&maxResults=50&query=mobile');
    expect(siteAdminPage.body.values).toEqual([]);
  });
});

describe('post-launch tracking calls', () => {
  it('GET /project/{id}/versions by id, as the admin picking a version to launch', async () => {
    const { status, body } = await send(admin, 'GET', '/rest/api/3/project/10000/versions');
    expect(status).toBe(200);
    expect(body[0]).toMatchObject({ id: '10100', name: 'Portal 1.0', released: true, releaseDate: '2025-06-30' });
  });

  it('POST /jql/parse (strict) of an automatic KPI: the structure, or Jira’s message', async () => {
    const { body } = await send(admin, 'POST', '/rest/api/3/jql/parse?validation=strict', {
      queries: ['project = PV AND issuetype = Bug AND resolved IS EMPTY', 'project = PV AND resolved >= "2025-02-30"'],
    });
    expect(body.queries[0].structure.where.operator).toBe('and');
    expect(body.queries[1].errors[0]).toContain("Date value '2025-02-30' for field 'resolved' is invalid");
  });

  it('POST /search/approximate-count of an iteration’s output, by window or by version', async () => {
    const window = 'project = PV AND statusCategory = Done AND resolved >= "2025-04-01" AND resolved < "2025-07-01" ORDER BY resolved DESC';
    expect((await send(member, 'POST', '/rest/api/3/search/approximate-count', { jql: window })).body).toEqual({ count: 4 });
    const version = 'project = PV AND fixVersion = 10100 AND statusCategory = Done ORDER BY resolved DESC';
    expect((await send(viewer, 'POST', '/rest/api/3/search/approximate-count', { jql: version })).body).toEqual({ count: 4 });
  });

  it('GET /issue/{key} with resolutiondate and fixVersions, for the panel of a shipped epic', async () => {
    const { body } = await send(member, 'GET', '/rest/api/3/issue/PV-1?fields=resolutiondate,fixVersions,status');
    expect(body.fields).toMatchObject({ resolutiondate: '2025-05-20T14:10:00.000+0000', fixVersions: [] });
    const open = await send(member, 'GET', '/rest/api/3/issue/PV-2?fields=resolutiondate');
    expect(open.body.fields).toEqual({ resolutiondate: null });
  });
});

describe('GET /issue/createmeta/{projectIdOrKey}/issuetypes', () => {
  const path = (p: string, q = '') => `/rest/api/3/issue/createmeta/${p}/issuetypes${q}`;
  it('lists the types the caller may create, a page at a time', async () => {
    const { status, body } = await send(member, 'GET', path('PV'));
    expect(status).toBe(200);
    expect(body.issueTypes.map((t: { name: string }) => t.name)).toEqual(['Epic', 'Story', 'Task', 'Bug', 'Sub-task']);
    expect(body.total).toBe(5);
    const page = await send(admin, 'GET', path('10000', '?startAt=1&maxResults=2'));
    expect(page.body.issueTypes.map((t: { name: string }) => t.name)).toEqual(['Story', 'Task']);
  });
  it('lists none to a viewer without Create issues; 400 for a hidden project; 401 without an account', async () => {
    expect((await send(viewer, 'GET', path('PV'))).body).toMatchObject({ issueTypes: [], total: 0 });
    expect((await send(viewer, 'GET', path('MOB'))).status).toBe(400);
    expect((await send(outsider, 'GET', path('PV'))).status).toBe(400);
    expect((await send(NOBODY, 'GET', path('PV'))).status).toBe(401);
  });
});

describe('POST /issue', () => {
  const fields = (over: Record<string, unknown> = {}) => ({ project: { id: '10000' }, issuetype: { id: '10002' }, summary: 'Add SMS reset', ...over });
  it('creates the issue as the caller, with its properties, and answers 201', async () => {
    const { status, body } = await send(member, 'POST', '/rest/api/3/issue', {
      fields: fields({ description: { type: 'doc', version: 1, content: [] } }),
      properties: [{ key: 'product-vision-decision', value: { decisionId: 'd1' } }],
    });
    expect(status).toBe(201);
    expect(body.key).toMatch(/^PV-\d+$/);
    const issue = site.issues.find((i) => i.id === body.id)!;
    expect(issue).toMatchObject({ summary: 'Add SMS reset', reporterAccountId: member, statusName: 'To Do' });
    expect(issue.properties.get('product-vision-decision')).toEqual({ decisionId: 'd1' });
  });
  it('refuses as Jira does: no Create issues (403), a hidden project, a bad type, summary or missing required field (400)', async () => {
    expect((await send(viewer, 'POST', '/rest/api/3/issue', { fields: fields() })).status).toBe(403);
    const hidden = await send(viewer, 'POST', '/rest/api/3/issue', { fields: fields({ project: { id: '10001' } }) });
    expect([hidden.status, hidden.body.errors]).toEqual([400, { project: 'Specify a valid project ID or key' }]);
    expect((await send(admin, 'POST', '/rest/api/3/issue', { fields: fields({ issuetype: { id: '10010' } }) })).body.errors).toEqual({ issuetype: 'Specify an issue type' });
    expect((await send(admin, 'POST', '/rest/api/3/issue', { fields: fields({ summary: ' ' }) })).body.errors).toHaveProperty('summary');
    site.projects[0]!.issueTypes[2]!.requiredFields = { customfield_10020: 'Team' };
    const required = await send(admin, 'POST', '/rest/api/3/issue', { fields: fields() });
    expect([required.status, required.body.errors]).toEqual([400, { customfield_10020: 'Team is required.' }]);
    expect((await send(NOBODY, 'POST', '/rest/api/3/issue', { fields: fields() })).status).toBe(401);
    expect(site.issues.filter((i) => i.summary === 'Add SMS reset')).toEqual([]);
  });
});
