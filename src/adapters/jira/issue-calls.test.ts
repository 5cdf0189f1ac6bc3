/** The REST client's issue side against the simulated Jira (each exchange checked against Jira's contract) and stubs. */
import type { JiraHttp, JiraHttpRequest, JiraHttpResponse } from '../../ports/jira-http.port';
import { expectJiraContract } from '../../../test/jira-openapi';
import { registerManifestAliases } from '../../../test/support/local-app';
import { localJiraHttp } from '../../../devtools/local/local-jira-http';
import { DEMO_USERS, seedDemoSite, type JiraSite } from '../../../devtools/simulated-jira';
import { asApp } from './as-app';
import { createJiraClient } from './jira-rest-client';

const { admin, member, viewer, outsider } = DEMO_USERS;
const LINK = 'product-vision-goal';
let site: JiraSite;
let sent: JiraHttpRequest[];

beforeEach(() => {
  site = seedDemoSite();
  registerManifestAliases(site);
  sent = [];
});

function clientAs(accountId: string | null, wrap: (h: JiraHttp) => JiraHttp = (h) => h) {
  const local = localJiraHttp(site, accountId);
  const http: JiraHttp = wrap(async (request) => {
    sent.push(request);
    const response = await local(request);
    if (![429, 503, 500].includes(response.status)) expectJiraContract(request, response);
    return response;
  });
  return createJiraClient(http, { sleep: async () => undefined });
}

function stubbed(...responses: Array<Partial<JiraHttpResponse>>) {
  let i = 0;
  return createJiraClient(
    async (request) => {
      sent.push(request);
      return { status: 200, headers: {}, body: undefined, ...responses[Math.min(i++, responses.length - 1)]! };
    },
    { sleep: async () => undefined },
  );
}

describe('issuePermissions', () => {
  it.each([
    ['a member', member, 'PV-1', { canBrowse: true, canEdit: true }],
    ['a viewer', viewer, 'PV-1', { canBrowse: true, canEdit: false }],
    ['an outsider (404)', outsider, 'PV-1', { canBrowse: false, canEdit: false }],
    ['nobody (401)', null, 'PV-1', { canBrowse: false, canEdit: false }],
    ['a missing issue', admin, 'PV-999', { canBrowse: false, canEdit: false }],
  ])('maps %s', async (_label, who, issue, expected) => {
    expect(await clientAs(who).issuePermissions(issue)).toEqual(expected);
  });

  it('asks by id or key, once', async () => {
    await clientAs(member).issuePermissions('10020');
    await clientAs(member).issuePermissions('PV-1');
    expect(sent.map((r) => r.path)).toEqual([
      '/rest/api/3/mypermissions?issueId=10020&permissions=BROWSE_PROJECTS%2CEDIT_ISSUES',
      '/rest/api/3/mypermissions?issueKey=PV-1&permissions=BROWSE_PROJECTS%2CEDIT_ISSUES',
    ]);
  });
});

describe('projectIssueTypes', () => {
  it('lists the types with their hierarchy levels, whatever the epic level is called', async () => {
    const mob = await clientAs(member).projectIssueTypes('10001');
    expect(mob?.find((t) => t.hierarchyLevel === 1)).toEqual({ id: '10010', name: 'Feature', hierarchyLevel: 1 });
    expect(mob?.map((t) => t.hierarchyLevel)).toEqual([1, 0, 0, 0, -1]);
  });

  it('answers null for a hidden project', async () => {
    expect(await clientAs(outsider).projectIssueTypes('10000')).toBeNull();
  });
});

describe('getIssue', () => {
  it('reads the fields asked for and the goal-link property', async () => {
    const issue = await clientAs(member).getIssue('PV-9', { fields: ['summary', 'issuetype', 'status', 'parent', 'project', 'created', 'storyPoints'], properties: [LINK] });
    expect(issue).toEqual({
      id: '10028',
      key: 'PV-9',
      summary: 'Reset password by email link',
      type: { id: '10001', name: 'Story', hierarchyLevel: 0 },
      status: { name: 'Done', category: 'done' },
      created: '2025-02-04T09:00:00.000Z',
      project: { id: '10000', key: 'PV' },
      parent: { id: '10020', key: 'PV-1', hierarchyLevel: 1 },
      storyPoints: 5,
      properties: {},
    });
    expect(sent[0]!.path).toBe('/rest/api/3/issue/PV-9?fields=summary%2Cissuetype%2Cstatus%2Cparent%2Cproject%2Ccreated%2Ccustomfield_10016&properties=product-vision-goal');
    expect((await clientAs(member).getIssue('PV-6', { fields: [], properties: [LINK] }))?.properties).toEqual({ [LINK]: { goal: 'Onboarding', note: expect.any(String) } });
  });

  it('answers null for a hidden or missing issue', async () => {
    expect(await clientAs(outsider).getIssue('PV-1', { fields: ['summary'] })).toBeNull();
    expect(await clientAs(admin).getIssue('PV-999', { fields: ['summary'] })).toBeNull();
  });

  it('throws BAD_RESPONSE for an issue without an id', async () => {
    await expect(stubbed({ body: { key: 'X-1' } }).getIssue('X-1', { fields: [] })).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});

describe('searchIssues and countIssues', () => {
  const epics = 'project = "10000" AND issuetype in ("10000")';

  it('pages with nextPageToken through POST /search/jql until the last page', async () => {
    const client = clientAs(member);
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await client.searchIssues({ jql: `${epics} ORDER BY created DESC`, fields: ['summary'], properties: [LINK], maxResults: 3, ...(token ? { nextPageToken: token } : {}) });
      keys.push(...page.issues.map((i) => i.key));
      token = page.nextPageToken ?? undefined;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(keys).toEqual(['PV-8', 'PV-7', 'PV-6', 'PV-5', 'PV-4', 'PV-3', 'PV-2', 'PV-1']);
    expect(sent.every((r) => r.method === 'POST' && r.path === '/rest/api/3/search/jql')).toBe(true);
  });

  it('asks for ids only when no field is wanted', async () => {
    await clientAs(member).searchIssues({ jql: epics, fields: [], maxResults: 100 });
    expect(sent[0]!.body).toEqual({ jql: epics, maxResults: 100, fields: ['id'] });
  });

  it('counts with /search/approximate-count, JQL on the property alias included', async () => {
    const client = clientAs(member);
    expect(await client.countIssues(epics)).toBe(8);
    expect(await client.countIssues(`${epics} AND visionGoal IS NOT EMPTY`)).toBe(1);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /rest/api/3/search/approximate-count', 'POST /rest/api/3/search/approximate-count']);
  });

  it('never calls the removed /rest/api/3/search', async () => {
    const client = clientAs(member);
    await client.searchIssues({ jql: epics, fields: [], maxResults: 10 });
    await client.countIssues(epics);
    expect(sent.some((r) => /\/rest\/api\/3\/search(\?|$)/.test(r.path))).toBe(false);
  });

  it('throws BAD_RESPONSE 400 with Jira’s words for a refused query or token', async () => {
    await expect(clientAs(member).searchIssues({ jql: epics, fields: [], maxResults: 10, nextPageToken: 'forged' })).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
      status: 400,
      message: expect.stringContaining('token'),
    });
    await expect(clientAs(viewer).countIssues('project = MOB')).rejects.toMatchObject({ status: 400 });
    await expect(stubbed({ body: { count: -1 } }).countIssues(epics)).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('runs as the app when wrapped, seeing what the user cannot', async () => {
    expect(await clientAs(null, asApp).countIssues('project = MOB')).toBe(7);
    expect(sent[0]!.as).toBe('app');
  });
});

describe('issue properties', () => {
  it('writes (PUT) and deletes as the user; Jira decides who may', async () => {
    expect(await clientAs(member).setIssueProperty('10020', LINK, { goalId: 'g1', setBy: member, setAt: 'now' })).toBe('ok');
    expect(site.issues[0]!.properties.get(LINK)).toEqual({ goalId: 'g1', setBy: member, setAt: 'now' });
    expect(await clientAs(viewer).setIssueProperty('10020', LINK, { goalId: 'g2' })).toBe('forbidden');
    expect(await clientAs(outsider).setIssueProperty('10020', LINK, { goalId: 'g2' })).toBe('not-found');
    expect(await clientAs(viewer).deleteIssueProperty('10020', LINK)).toBe('not-found');
    expect(await clientAs(member).deleteIssueProperty('10020', LINK)).toBe('ok');
    expect(site.issues[0]!.properties.has(LINK)).toBe(false);
    expect(sent.map((r) => `${r.method} ${r.path} ${r.as}`)).toContain('PUT /rest/api/3/issue/10020/properties/product-vision-goal user');
  });

  it('throws on an answer it cannot map', async () => {
    await expect(stubbed({ status: 400, body: { errorMessages: ['too long'] } }).setIssueProperty('1', LINK, {})).rejects.toMatchObject({ code: 'BAD_RESPONSE', status: 400 });
    await expect(stubbed({ status: 401 }).deleteIssueProperty('1', LINK)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
