/** The JQL subset and search pagination of the simulated Jira. */
import type { JiraHttpResponse } from '../../src/ports/jira-http.port';
import { expectJiraContract } from '../../test/jira-openapi';
import { parseJql } from './jql-parser';
import { DEMO_USERS, handleJiraRequest, indexPropertyPath, registerPropertyAlias, seedDemoSite, type JiraSite } from '.';

const { admin, member, viewer } = DEMO_USERS;
let site: JiraSite;

beforeEach(() => {
  site = seedDemoSite();
});

async function search(jql: string, who: string = admin, extra: Record<string, unknown> = {}): Promise<JiraHttpResponse & { body: any }> {
  const request = { method: 'POST' as const, path: '/rest/api/3/search/jql', as: 'user' as const, body: { jql, maxResults: 100, ...extra } };
  const response = await handleJiraRequest(site, request, who);
  expectJiraContract(request, response);
  return response as JiraHttpResponse & { body: any };
}

async function keys(jql: string, who: string = admin): Promise<string[]> {
  const response = await search(jql, who);
  if (response.status !== 200) throw new Error(`${jql}: ${JSON.stringify(response.body)}`);
  return response.body.issues.map((i: any) => i.key);
}

async function errorOf(jql: string, who: string = admin): Promise<string[]> {
  const response = await search(jql, who);
  expect(response.status).toBe(400);
  return response.body.errorMessages;
}

async function setGoal(issueKey: string, value: unknown): Promise<void> {
  const request = { method: 'PUT' as const, path: `/rest/api/3/issue/${issueKey}/properties/pv-goal-link`, as: 'app' as const, body: value };
  expect([200, 201]).toContain((await handleJiraRequest(site, request, null)).status);
}

describe('fields and operators', () => {
  it('project = / in, by key, id or name', async () => {
    expect(await keys('project = MOB')).toHaveLength(7);
    expect(await keys('project = 10001')).toHaveLength(7);
    expect(await keys('project = "Mobile App"')).toHaveLength(7);
    expect(await keys('project in (PV, MOB, SD)')).toHaveLength(site.issues.length);
    expect(await keys('project in (PV, MOB)')).toHaveLength(site.issues.filter((i) => i.projectId !== '10002').length);
    expect(await keys('project != PV')).toHaveLength(7 + 6);
  });

  it('issuetype by name or id, and its alias type', async () => {
    expect(await keys('issuetype = Epic')).toEqual(['PV-1', 'PV-2', 'PV-3', 'PV-4', 'PV-5', 'PV-6', 'PV-7', 'PV-8']);
    expect(await keys('project = MOB AND issuetype = 10010')).toEqual(['MOB-1', 'MOB-2', 'MOB-3']);
    expect(await keys('type in (Epic, Feature) AND statusCategory = Done')).toEqual(['PV-1', 'PV-7', 'MOB-3']);
  });

  it('parent = KEY, parent IS EMPTY, parent in (…)', async () => {
    expect(await keys('parent = PV-2')).toEqual(['PV-11', 'PV-12']);
    expect(await keys('parent in (PV-1, 10021)')).toEqual(['PV-9', 'PV-10', 'PV-11', 'PV-12']);
    expect(await keys('project = MOB AND parent IS EMPTY')).toEqual(['MOB-1', 'MOB-2', 'MOB-3', 'MOB-7']);
    expect(await keys('project = MOB AND parent IS NOT EMPTY')).toEqual(['MOB-4', 'MOB-5', 'MOB-6']);
  });

  it('statusCategory by name, key or id', async () => {
    const notDone = await keys('project = PV AND issuetype = Epic AND statusCategory != Done');
    expect(notDone).toEqual(['PV-2', 'PV-3', 'PV-4', 'PV-5', 'PV-6', 'PV-8']);
    expect(await keys('project = PV AND issuetype = Epic AND statusCategory in ("In Progress", new)')).toEqual(notDone);
    expect(await keys('project = PV AND issuetype = Epic AND statusCategory = 3')).toEqual(['PV-1', 'PV-7']);
  });

  it('keywords and field names are case-insensitive; parentheses group', async () => {
    expect(await keys('PROJECT = mob and (ISSUETYPE = feature AND statuscategory = done)')).toEqual(['MOB-3']);
  });
});

describe('ORDER BY', () => {
  it('sorts by created either way; without ORDER BY, by issue id', async () => {
    const asc = await keys('project = MOB AND issuetype = Feature ORDER BY created ASC');
    expect(asc).toEqual(['MOB-3', 'MOB-1', 'MOB-2']);
    expect(await keys('project = MOB AND issuetype = Feature ORDER BY created DESC')).toEqual([...asc].reverse());
    expect(await keys('project = MOB AND issuetype = Feature')).toEqual(['MOB-1', 'MOB-2', 'MOB-3']);
    expect(await keys('project = PV AND parent = PV-2 order by key desc')).toEqual(['PV-12', 'PV-11']);
  });
});

describe('entity properties', () => {
  beforeEach(async () => {
    registerPropertyAlias(site, 'goalId', 'pv-goal-link', 'goalId');
    await setGoal('PV-1', { goalId: 'g-1' });
    await setGoal('PV-2', { goalId: 'g-2' });
    await setGoal('MOB-1', { goalId: 'g-1' });
  });

  it('matches by alias and by issue.property[key].path', async () => {
    expect(await keys('goalId = "g-1"')).toEqual(['PV-1', 'MOB-1']);
    expect(await keys('issue.property[pv-goal-link].goalId = g-2')).toEqual(['PV-2']);
    expect(await keys('issue.property["pv-goal-link"].goalId in (g-1, g-2) AND project = PV')).toEqual(['PV-1', 'PV-2']);
  });

  it('IS EMPTY / IS NOT EMPTY, and != never matches an empty value', async () => {
    const epics = 'project = PV AND issuetype = Epic';
    expect(await keys(`${epics} AND goalId IS EMPTY`)).toEqual(['PV-3', 'PV-4', 'PV-5', 'PV-6', 'PV-7', 'PV-8']);
    expect(await keys(`${epics} AND issue.property[pv-goal-link].goalId IS NOT EMPTY`)).toEqual(['PV-1', 'PV-2']);
    expect(await keys(`${epics} AND goalId != g-1`)).toEqual(['PV-2']);
    expect(await keys(`${epics} AND goalId = EMPTY`)).toHaveLength(6);
  });

  it('matches any element of an array and numbers by value', async () => {
    registerPropertyAlias(site, 'goalIds', 'pv-goal-link', 'goalIds');
    registerPropertyAlias(site, 'weight', 'pv-goal-link', 'meta.weight');
    await setGoal('PV-3', { goalIds: ['g-7', 'g-8'], meta: { weight: 3 } });
    expect(await keys('goalIds = g-8')).toEqual(['PV-3']);
    expect(await keys('weight = 3')).toEqual(['PV-3']);
  });

  it('searches only indexed paths, as Jira does', async () => {
    await setGoal('PV-4', { goalId: 'g-1', note: 'hello' });
    // Not declared for indexing: valid JQL that finds nothing.
    expect(await keys('issue.property[pv-goal-link].note = hello')).toEqual([]);
    indexPropertyPath(site, 'pv-goal-link', 'note');
    expect(await keys('issue.property[pv-goal-link].note = hello')).toEqual(['PV-4']);
  });

  it('OR, with AND binding tighter and parentheses grouping: the unaligned-epics query', async () => {
    await setGoal('PV-3', { goalId: 'g-gone' });
    await setGoal('PV-4', { note: 'no goal id here' });
    const epics = 'project = PV AND issuetype = Epic';
    expect(await keys(`${epics} AND (goalId IS EMPTY OR goalId NOT IN (g-1, g-2)) ORDER BY created DESC`)).toEqual([
      'PV-8', 'PV-7', 'PV-6', 'PV-5', 'PV-4', 'PV-3',
    ]);
    expect(await keys('goalId = g-2 OR project = MOB AND issuetype = Feature')).toEqual(['PV-2', 'MOB-1', 'MOB-2', 'MOB-3']);
    expect(await keys('(goalId = g-2 OR project = MOB) AND issuetype in (Epic, Feature)')).toEqual(['PV-2', 'MOB-1', 'MOB-2', 'MOB-3']);
  });

  it('refuses an alias already used for another path', () => {
    expect(() => registerPropertyAlias(site, 'GOALID', 'other', 'x')).toThrow(/already used/);
  });
});

describe('permissions and validation', () => {
  it("returns only issues the caller may browse, and treats others' projects as unknown", async () => {
    expect(await keys('project = PV AND issuetype = Epic', viewer)).toHaveLength(8);
    expect(await errorOf('project = MOB', viewer)).toEqual(["The value 'MOB' does not exist for the field 'project'."]);
    expect(await errorOf('parent = MOB-1', viewer)).toEqual(["An issue with key 'MOB-1' does not exist for field 'parent'."]);
  });

  it("reports unknown fields, values and sort fields the way Jira words them", async () => {
    expect(await errorOf('goalId = g-1')).toEqual(["Field 'goalId' does not exist or you do not have permission to view it."]);
    expect(await errorOf('issuetype = Initiative AND statusCategory = Blocked')).toEqual([
      "The value 'Initiative' does not exist for the field 'issuetype'.",
      "The value 'Blocked' does not exist for the field 'statusCategory'.",
    ]);
    expect(await errorOf('project = PV ORDER BY summary')).toEqual(["Not able to sort using field 'summary'."]);
    expect(await errorOf('project IS EMPTY')).toEqual(["The field 'project' does not support searching for EMPTY values."]);
  });

  it('requires a bounded query', async () => {
    expect(await errorOf('ORDER BY created DESC')).toEqual([
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
  });

  it.each([
    ['summary ~ chat', "'~'"],
    ['reporter in (membersOf("jira-users"))', 'functions inside a list'],
    ['reporter = membersOf("jira-users")', "'membersOf()'"],
    ['status WAS Done', "'WAS'"],
    ['status CHANGED', "'CHANGED'"],
  ])('refuses JQL outside the subset: %s', async (jql, mention) => {
    const [message] = await errorOf(jql);
    expect(message).toContain('does not support');
    expect(message).toContain(mention);
  });

  it.each([
    ['project = ', 'Expecting either a value, list or function'],
    ['project PV', 'Expecting operator'],
    ['project in PV', "Expecting '('"],
    ['project = "PV', 'has not been completed'],
    ['project = PV project = MOB', "Expecting either 'OR' or 'AND'"],
    ['(project = PV', "Expecting ')'"],
  ])('reports syntax errors with a position: %s', async (jql, message) => {
    const [error] = await errorOf(jql);
    expect(error).toContain(message);
    expect(error).toMatch(/\(line 1, character \d+\)/);
  });
});

describe('pagination', () => {
  it('pages with an opaque nextPageToken until isLast', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const { body } = await search('project = PV ORDER BY created ASC', member, { maxResults: 6, ...(token ? { nextPageToken: token } : {}) });
      seen.push(...body.issues.map((i: any) => i.key));
      token = body.nextPageToken;
      pages++;
      expect(body.isLast).toBe(token === undefined);
    } while (token);
    expect(pages).toBe(4);
    expect(seen).toEqual(await keys('project = PV ORDER BY created ASC', member));
  });

  it('GET pages the same way', async () => {
    const jql = encodeURIComponent('project = MOB');
    const first = await handleJiraRequest(site, { method: 'GET', path: `/rest/api/3/search/jql?jql=${jql}&maxResults=5`, as: 'user' }, admin);
    const body = first.body as any;
    expect(body.issues).toHaveLength(5);
    const next = await handleJiraRequest(
      site,
      { method: 'GET', path: `/rest/api/3/search/jql?jql=${jql}&maxResults=5&nextPageToken=${encodeURIComponent(body.nextPageToken)}`, as: 'user' },
      admin,
    );
    expect((next.body as any).issues.map((i: any) => i.key)).toEqual(['MOB-6', 'MOB-7']);
    expect((next.body as any).isLast).toBe(true);
  });

  it('refuses a token from another query, or a made-up one', async () => {
    const { body } = await search('project = PV', admin, { maxResults: 2 });
    expect((await search('project = MOB', admin, { nextPageToken: body.nextPageToken })).status).toBe(400);
    expect((await search('project = PV', admin, { nextPageToken: 'not-a-token' })).status).toBe(400);
  });

  it('takes a token for 7 days, as Atlassian’s OpenAPI says, then refuses it', async () => {
    const now = site.now;
    try {
      let at = Date.parse('2026-03-01T00:00:00Z');
      site.now = () => new Date(at);
      const { body } = await search('project = PV', admin, { maxResults: 2 });
      at += 7 * 24 * 3600 * 1000;
      expect((await search('project = PV', admin, { nextPageToken: body.nextPageToken })).status).toBe(200);
      at += 1;
      const expired = await search('project = PV', admin, { nextPageToken: body.nextPageToken });
      expect(expired.status).toBe(400);
    } finally {
      site.now = now;
    }
  });

  it('caps pages at 100 when fields are requested, 5000 for ids only', async () => {
    for (let i = 0; i < 130; i++) site.issues.push({ ...site.issues[0]!, id: String(20000 + i), key: `PV-${100 + i}`, properties: new Map() });
    const withFields = await search('project = PV', admin, { maxResults: 500, fields: ['summary'] });
    expect(withFields.body.issues).toHaveLength(100);
    expect(withFields.body.isLast).toBe(false);
    const idsOnly = await search('project = PV', admin, { maxResults: 500 });
    expect(idsOnly.body.issues).toHaveLength(site.issues.filter((i) => i.projectId === '10000').length);
  });

  it('honours fields and properties on each issue (id and key always)', async () => {
    await setGoal('PV-1', { goalId: 'g-1' });
    const { body } = await search('issuetype = Epic AND project = PV', admin, { fields: ['summary', 'status', '-status'], properties: ['pv-goal-link'], maxResults: 1 });
    expect(body.issues[0]).toMatchObject({ id: '10020', key: 'PV-1', fields: { summary: 'Self-service password reset' }, properties: { 'pv-goal-link': { goalId: 'g-1' } } });
    expect(Object.keys(body.issues[0].fields)).toEqual(['summary']);
  });
});

describe('parser', () => {
  it('keeps property references and quoted values intact', () => {
    const parsed = parseJql('issue.property["pv.goal"].link.goalId = "g 1" AND project in (PV, "Mobile App")');
    expect(parsed).toEqual({
      ok: true,
      query: {
        where: [
          { field: { name: 'issue.property["pv.goal"].link.goalId', property: { key: 'pv.goal', path: 'link.goalId' } }, operator: '=', operand: { kind: 'value', value: 'g 1' } },
          { field: { name: 'project' }, operator: 'in', operand: { kind: 'list', values: ['PV', 'Mobile App'] } },
        ],
        orderBy: [],
      },
    });
  });

  it('keeps OR groups as alternatives of conjunctions', () => {
    const parsed = parseJql('project = PV AND (a = 1 OR b = 2 AND c IS EMPTY)');
    const clause = (name: string, value?: string) =>
      value === undefined
        ? { field: { name }, operator: 'is', operand: { kind: 'empty' } }
        : { field: { name }, operator: '=', operand: { kind: 'value', value } };
    expect(parsed).toEqual({
      ok: true,
      query: { where: [clause('project', 'PV'), { anyOf: [[clause('a', '1')], [clause('b', '2'), clause('c')]] }], orderBy: [] },
    });
  });

  it('needs a path after issue.property[key]', () => {
    expect(parseJql('issue.property[pv] = 1')).toEqual({ ok: false, error: expect.stringContaining('needs a path') });
  });
});
