/** The simulated Jira's JQL on dates and versions, which post-launch tracking counts with. */
import type { JiraHttpResponse } from '../../src/ports/jira-http.port';
import { expectJiraContract } from '../../test/jira-openapi';
import { DEMO_USERS, handleJiraRequest, seedDemoSite, type JiraSite } from '.';

const { admin, viewer } = DEMO_USERS;
let site: JiraSite;

beforeEach(() => {
  site = seedDemoSite();
});

async function post(path: string, body: unknown, who: string = admin): Promise<JiraHttpResponse & { body: any }> {
  const request = { method: 'POST' as const, path, as: 'user' as const, body };
  const response = await handleJiraRequest(site, request, who);
  expectJiraContract(request, response);
  return response as JiraHttpResponse & { body: any };
}

async function keys(jql: string, who: string = admin): Promise<string[]> {
  const r = await post('/rest/api/3/search/jql', { jql, maxResults: 100 }, who);
  if (r.status !== 200) throw new Error(`${jql}: ${JSON.stringify(r.body)}`);
  return r.body.issues.map((i: any) => i.key);
}

const count = async (jql: string) => (await post('/rest/api/3/search/approximate-count', { jql })).body.count;

describe('resolved, created, updated', () => {
  it('resolves done issues at their last update unless seeded otherwise', () => {
    expect(site.issues.find((i) => i.key === 'PV-9')!.resolved).toBe('2025-04-30T09:00:00Z');
    expect(site.issues.find((i) => i.key === 'PV-12')!.resolved).toBeUndefined();
  });

  it('compares instants with >, >=, <, <= on date values, with or without a time', async () => {
    expect(await keys('project = PV AND resolved >= "2025-05-01" AND resolved < "2025-07-01"')).toEqual(['PV-1', 'PV-10', 'PV-11']);
    expect(await keys('project = PV AND resolved >= "2025/08/14" AND resolved <= "2025-08-14 10:00"')).toEqual(['PV-7', 'PV-18']);
    expect(await keys('project = PV AND resolved > "2025-08-14 10:00"')).toEqual([]);
    expect(await keys('project = MOB AND created < "2025-04-01"')).toEqual(['MOB-3', 'MOB-6']);
    expect(await keys('project = MOB AND updated >= "2025-10-10"')).toEqual(['MOB-1', 'MOB-4', 'MOB-7']);
  });

  it('finds unresolved issues with resolved IS EMPTY, and sorts by resolved', async () => {
    expect(await count('project = MOB AND resolved IS EMPTY')).toBe(5);
    expect((await keys('project = PV AND statusCategory = Done ORDER BY resolved DESC')).slice(0, 2)).toEqual(['PV-7', 'PV-18']);
  });

  it('answers Jira’s messages for a bad date and a comparison on a field without order', async () => {
    const bad = await post('/rest/api/3/search/jql', { jql: 'project = PV AND resolved >= "2025-13-01"' });
    expect(bad.status).toBe(400);
    expect(bad.body.errorMessages[0]).toMatch(/^Date value '2025-13-01' for field 'resolved' is invalid/);
    const op = await post('/rest/api/3/search/jql', { jql: 'project > PV' });
    expect(op.body.errorMessages).toEqual(["The operator '>' is not supported by the 'project' field."]);
  });
});

describe('fixVersion', () => {
  it('matches by version id or name, and IS EMPTY', async () => {
    expect(await keys('project = PV AND fixVersion = 10100')).toEqual(['PV-9', 'PV-10', 'PV-11', 'PV-18']);
    expect(await keys('fixVersion = "Portal 1.0" AND statusCategory = Done')).toEqual(['PV-9', 'PV-10', 'PV-11', 'PV-18']);
    expect(await count('project = PV AND fixVersion in ("Portal 1.1", 10102)')).toBe(5);
    expect(await count('project = MOB AND fixVersion IS EMPTY')).toBe(6);
  });

  it('knows only the versions of projects the caller can see', async () => {
    const r = await post('/rest/api/3/search/jql', { jql: 'fixVersion = "App 3.2"' }, viewer);
    expect(r.body.errorMessages).toEqual(["The value 'App 3.2' does not exist for the field 'fixVersion'."]);
  });
});

describe('jql/parse of the queries the app sends', () => {
  it('gives the structure of a bounded query with a comparison, and Jira’s message for a bad one', async () => {
    const r = await post('/rest/api/3/jql/parse?validation=strict', {
      queries: ['project = PV AND statusCategory = Done AND resolved >= "2025-07-01"', 'project = NOPE', 'ORDER BY created'],
    });
    expect(r.status).toBe(200);
    expect(r.body.queries[0].structure.where.clauses[2]).toEqual({ field: { name: 'resolved' }, operator: '>=', operand: { value: '2025-07-01' } });
    expect(r.body.queries[1].errors).toEqual(["The value 'NOPE' does not exist for the field 'project'."]);
    expect(r.body.queries[2]).toEqual({ query: 'ORDER BY created', structure: { orderBy: { fields: [{ field: { name: 'created' } }] } } });
  });
});
