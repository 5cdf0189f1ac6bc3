/** The REST client against the simulated Jira (every request checked against Jira's contract) and stubs. */
import type { JiraHttp, JiraHttpRequest, JiraHttpResponse } from '../../ports/jira-http.port';
import { JiraError } from '../../ports/jira.port';
import { expectJiraContract } from '../../../test/jira-openapi';
import { localJiraHttp } from '../../../devtools/local/local-jira-http';
import { DEMO_USERS, seedDemoSite, type JiraSite } from '../../../devtools/simulated-jira';
import { createJiraClient, USER_BULK_BATCH } from './jira-rest-client';

const { admin, member, viewer, outsider, siteAdmin, departed } = DEMO_USERS;
let site: JiraSite;
let sent: JiraHttpRequest[];
let delays: number[];
const NONE = { canBrowse: false, canAdminister: false, canEditIssues: false };

beforeEach(() => {
  site = seedDemoSite();
  sent = [];
  delays = [];
});

/** A client on the simulated site as `accountId`, checking each exchange against the contract. */
function clientAs(accountId: string | null) {
  const local = localJiraHttp(site, accountId);
  const http: JiraHttp = async (request) => {
    sent.push(request);
    const response = await local(request);
    if (response.status !== 429 && response.status !== 503 && response.status !== 500) expectJiraContract(request, response);
    return response;
  };
  return createJiraClient(http, { sleep: async (ms) => void delays.push(ms), random: () => 0.5 });
}

function stubbed(...responses: Array<Partial<JiraHttpResponse>>) {
  let i = 0;
  const http: JiraHttp = async (request) => {
    sent.push(request);
    const r = responses[Math.min(i++, responses.length - 1)]!;
    return { status: 200, headers: {}, body: undefined, ...r };
  };
  return createJiraClient(http, { sleep: async () => {} });
}

describe('projectPermissions', () => {
  it.each([
    ['a project admin', admin, '10000', { canBrowse: true, canAdminister: true, canEditIssues: true }],
    ['a member', member, '10000', { canBrowse: true, canAdminister: false, canEditIssues: true }],
    ['a viewer', viewer, '10000', { canBrowse: true, canAdminister: false, canEditIssues: false }],
    ['an outsider (Jira answers 404)', outsider, '10000', NONE],
    ['a site admin who cannot browse MOB', siteAdmin, '10001', { canBrowse: false, canAdminister: true, canEditIssues: false }],
    ['nobody signed in (401)', null, '10000', NONE],
    ['a project that does not exist', admin, '55555', NONE],
  ])('maps %s', async (_label, who, projectId, expected) => {
    expect(await clientAs(who).projectPermissions(projectId)).toEqual(expected);
  });

  it('asks once, as the user, for all three permissions', async () => {
    await clientAs(member).projectPermissions('10000');
    expect(sent).toEqual([
      { method: 'GET', path: '/rest/api/3/mypermissions?projectId=10000&permissions=BROWSE_PROJECTS%2CADMINISTER_PROJECTS%2CEDIT_ISSUES', as: 'user' },
    ]);
  });

  it('encodes the project id or key (a value that is not an id goes as a key)', async () => {
    expect(await clientAs(admin).projectPermissions('10000&permissions=ADMINISTER')).toEqual(NONE);
    expect(sent[0]!.path).toContain('projectKey=10000%26permissions%3DADMINISTER&');
    await clientAs(admin).projectPermissions('10000');
    expect(sent[1]!.path).toContain('projectId=10000&');
    expect((await clientAs(admin).projectPermissions('SD')).canBrowse).toBe(true);
    expect(sent[2]!.path).toContain('projectKey=SD&');
  });

  it('throws BAD_RESPONSE for an answer without the permissions', async () => {
    await expect(stubbed({ body: { permissions: { BROWSE_PROJECTS: { havePermission: true } } } }).projectPermissions('1')).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
    });
    await expect(stubbed({ status: 400, body: { errorMessages: ['x'] } }).projectPermissions('1')).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
      status: 400,
    });
  });
});

describe('usersByIds', () => {
  it('returns [] for no ids without calling Jira', async () => {
    expect(await clientAs(member).usersByIds([])).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('returns known users in the order asked, once each, deactivated ones included', async () => {
    const people = await clientAs(member).usersByIds([departed, admin, 'no-such-account', admin]);
    expect(people).toEqual([
      { accountId: departed, displayName: 'Sam Okafor' },
      { accountId: admin, displayName: 'Maya Lindqvist' },
    ]);
    expect(sent).toHaveLength(1);
  });

  it('encodes account ids', async () => {
    await clientAs(member).usersByIds([siteAdmin]);
    expect(sent[0]!.path).toBe(`/rest/api/3/user/bulk?startAt=0&maxResults=50&accountId=557058%3Af58131cb-b67d-43c7-b30d-6b58d40bd077`);
  });

  it('asks in batches of 50', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `acc-${String(i).padStart(3, '0')}`);
    for (const id of ids) site.users.set(id, { accountId: id, displayName: `User ${id}`, active: true, accountType: 'atlassian' });
    const people = await clientAs(member).usersByIds(ids);
    expect(people.map((p) => p.accountId)).toEqual(ids);
    expect(sent.map((r) => new URLSearchParams(r.path.split('?')[1]).getAll('accountId').length)).toEqual([50, 50, 20]);
    expect(USER_BULK_BATCH).toBe(50);
  });

  it('follows pages if Jira returns fewer users than asked', async () => {
    const page = (values: unknown[], isLast: boolean) => ({ body: { values, isLast, startAt: 0, maxResults: 50, total: 2 } });
    const client = stubbed(page([{ accountId: 'a', displayName: 'A' }], false), page([{ accountId: 'b', displayName: 'B' }], true));
    expect(await client.usersByIds(['a', 'b'])).toEqual([
      { accountId: 'a', displayName: 'A' },
      { accountId: 'b', displayName: 'B' },
    ]);
    expect(sent[1]!.path).toContain('startAt=1');
  });

  it('throws UNAUTHENTICATED without a user, BAD_RESPONSE for a wrong shape', async () => {
    await expect(clientAs(null).usersByIds([admin])).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    await expect(stubbed({ body: [] }).usersByIds(['a'])).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    await expect(stubbed({ body: { values: ['x'], isLast: true } }).usersByIds(['a'])).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});

describe('assignableUsers', () => {
  it('lists the active people who can be assigned work', async () => {
    const people = await clientAs(member).assignableUsers('PV');
    expect(people.map((p) => p.displayName).sort()).toEqual(['Maya Lindqvist', 'Site Administrator', 'Tomás Ferreira']);
    expect(sent[0]).toEqual({ method: 'GET', path: '/rest/api/3/user/assignable/search?project=PV&maxResults=100', as: 'user' });
    expect((await clientAs(admin).assignableUsers('MOB')).map((p) => p.accountId).sort()).toEqual([admin, member].sort());
  });

  it('returns [] for a project the caller cannot see', async () => {
    expect(await clientAs(outsider).assignableUsers('PV')).toEqual([]);
  });

  it('encodes the key and drops app and inactive accounts', async () => {
    const client = stubbed({
      body: [
        { accountId: 'a', displayName: 'A', active: true, accountType: 'atlassian' },
        { accountId: 'bot', displayName: 'Bot', active: true, accountType: 'app' },
        { accountId: 'gone', displayName: 'Gone', active: false, accountType: 'atlassian' },
      ],
    });
    expect(await client.assignableUsers('A&B')).toEqual([{ accountId: 'a', displayName: 'A' }]);
    expect(sent[0]!.path).toBe('/rest/api/3/user/assignable/search?project=A%26B&maxResults=100');
  });

  it('throws BAD_RESPONSE when the answer is not a list', async () => {
    await expect(stubbed({ body: { values: [] } }).assignableUsers('PV')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});

describe('retries against the simulated site', () => {
  it('waits out a 429 with Retry-After and succeeds', async () => {
    site.faults = { failNext: [{ status: 429, retryAfterSeconds: 1, count: 2 }] };
    expect(await clientAs(admin).projectPermissions('10000')).toEqual({ canBrowse: true, canAdminister: true, canEditIssues: true });
    expect(site.calls['GET /rest/api/3/mypermissions']).toBe(3);
    expect(delays).toEqual([1000, 1000]);
  });

  it('backs off on 503 and gives up after 4 attempts with UNAVAILABLE', async () => {
    site.faults = { failNext: [{ status: 503, count: 10 }] };
    const error = await clientAs(admin).assignableUsers('PV').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect(error).toMatchObject({ code: 'UNAVAILABLE', status: 503 });
    expect(site.calls['GET /rest/api/3/user/assignable/search']).toBe(4);
    expect(delays).toEqual([250, 500, 1000]);
  });

  it('reports RATE_LIMITED when the limit outlasts the attempts', async () => {
    site.faults = { failNext: [{ status: 429, retryAfterSeconds: 2, count: 4 }] };
    await expect(clientAs(admin).usersByIds([member])).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(site.calls['GET /rest/api/3/user/bulk']).toBe(4);
  });

  it('does not retry a 500', async () => {
    site.faults = { failNext: [{ status: 500, count: 1 }] };
    await expect(clientAs(admin).projectPermissions('10000')).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 500 });
    expect(site.calls['GET /rest/api/3/mypermissions']).toBe(1);
  });
});
