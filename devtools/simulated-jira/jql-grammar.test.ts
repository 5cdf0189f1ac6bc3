/**
 * The simulated Jira's JQL, parsed by Atlassian's grammar (@atlaskit/jql-ast) and evaluated per field
 * and operator over a handful of issues whose every answer is known.
 */
import type { JiraHttpResponse } from '../../src/ports/jira-http.port';
import { expectJiraContract } from '../../test/jira-openapi';
import { parseJql } from './jql-parser';
import { addIssue, DEMO_USERS, handleJiraRequest, seedDemoSite, type JiraSite } from '.';

const { admin, member, viewer } = DEMO_USERS;
const IN_PROGRESS: [string, 'indeterminate'] = ['In Progress', 'indeterminate'];
const DONE: [string, 'done'] = ['Done', 'done'];
let site: JiraSite;
/** a: Story in progress, labels ux+mobile, by admin. b: Bug done, ux, by member. c: Task to do, nothing. d: Story done today, billing, by viewer. */
let a: string, b: string, c: string, d: string;

beforeEach(() => {
  site = seedDemoSite();
  site.now = () => new Date('2026-03-15T12:00:00Z');
  const add = (spec: Parameters<typeof addIssue>[1]) => addIssue(site, spec).key;
  a = add({ projectKey: 'PV', type: 'Story', summary: 'a', status: IN_PROGRESS, labels: ['ux', 'mobile'], reporterAccountId: admin, created: '2026-03-01T10:00:00Z' });
  b = add({ projectKey: 'PV', type: 'Bug', summary: 'b', status: DONE, labels: ['ux'], reporterAccountId: member, created: '2026-03-14T09:00:00Z', updated: '2026-03-15T08:00:00Z' });
  c = add({ projectKey: 'PV', type: 'Task', summary: 'c', created: '2026-02-01T00:00:00Z' });
  d = add({ projectKey: 'PV', type: 'Story', summary: 'd', status: DONE, labels: ['billing'], reporterAccountId: viewer, created: '2026-03-15T11:00:00Z', resolved: '2026-03-15T11:30:00Z' });
});

async function search(jql: string, who: string = admin): Promise<JiraHttpResponse & { body: any }> {
  const request = { method: 'POST' as const, path: '/rest/api/3/search/jql', as: 'user' as const, body: { jql, maxResults: 100 } };
  const response = await handleJiraRequest(site, request, who);
  expectJiraContract(request, response);
  return response as JiraHttpResponse & { body: any };
}

/** The keys the clause matches among the four issues (seeded issues are all from 2025). */
async function among(clause: string, who: string = admin): Promise<string[]> {
  const response = await search(`project = PV AND created >= "2026-01-01" AND (${clause})`, who);
  if (response.status !== 200) throw new Error(`${clause}: ${JSON.stringify(response.body)}`);
  return response.body.issues.map((i: any) => i.key);
}

async function errorsOf(jql: string): Promise<string[]> {
  const response = await search(jql);
  expect(response.status).toBe(400);
  return response.body.errorMessages;
}

describe('labels', () => {
  it.each([
    ['labels = ux', () => [a, b]],
    ['labels in (mobile, billing)', () => [a, d]],
    ['labels != ux', () => [d]],
    ['labels not in (ux, mobile)', () => [d]],
    ['labels IS EMPTY', () => [c]],
    ['labels is not empty', () => [a, b, d]],
    ['labels = nosuchlabel', () => []],
  ])('%s', async (clause, expected) => {
    expect(await among(clause)).toEqual(expected());
  });
});

describe('status and statusCategory', () => {
  it.each([
    ['status = "In Progress"', () => [a]],
    ['status = done', () => [b, d]],
    ['status in ("To Do", "In Progress")', () => [a, c]],
    ['status != Done', () => [a, c]],
    ['status not in (Done)', () => [a, c]],
    ['statusCategory = "To Do"', () => [c]],
    ['statusCategory != Done', () => [a, c]],
  ])('%s', async (clause, expected) => {
    expect(await among(clause)).toEqual(expected());
  });

  it('refuses a status no issue has, in Jira’s words', async () => {
    expect(await errorsOf('status = Blocked')).toEqual(["The value 'Blocked' does not exist for the field 'status'."]);
  });
});

describe('issuetype, reporter, resolution', () => {
  it.each([
    ['issuetype = Story', () => [a, d]],
    ['type in (Bug, Task)', () => [b, c]],
    [`reporter = ${admin}`, () => [a]],
    ['reporter = "Tomás Ferreira"', () => [b]],
    ['reporter IS EMPTY', () => [c]],
    ['reporter in ("maya@example.com", "Priya Raman")', () => [a, d]],
    ['resolution = Unresolved', () => [a, c]],
    ['resolution IS EMPTY', () => [a, c]],
    ['resolution = Done', () => [b, d]],
    ['resolution != Unresolved', () => [b, d]],
  ])('%s', async (clause, expected) => {
    expect(await among(clause)).toEqual(expected());
  });

  it('reporter = currentUser() is the caller; != never matches an empty reporter', async () => {
    expect(await among('reporter = currentUser()', member)).toEqual([b]);
    expect(await among('reporter != currentUser()', admin)).toEqual([b, d]);
  });

  it('refuses an unknown reporter and resolution', async () => {
    expect(await errorsOf('reporter = nobody-at-all AND resolution = "Won\'t Do"')).toEqual([
      "The value 'nobody-at-all' does not exist for the field 'reporter'.",
      "The value 'Won't Do' does not exist for the field 'resolution'.",
    ]);
  });
});

describe('request type (service-desk requests)', () => {
  it('matches by name, case-insensitively, and refuses a request type no request has', async () => {
    const request = addIssue(site, { projectKey: 'PV', type: 'Task', summary: 'help', requestType: 'Get IT help', created: '2026-03-02T00:00:00Z' }).key;
    expect(await among('"Request Type" = "get it help"')).toEqual([request]);
    expect(await among('"Customer Request Type" IS EMPTY')).toEqual([a, b, c, d]);
    expect(await errorsOf('"Request Type" = "Order a laptop"')).toEqual(["The value 'Order a laptop' does not exist for the field 'Request Type'."]);
  });
});

describe('AND, OR, NOT and parentheses', () => {
  it.each([
    // AND binds tighter than OR.
    ['labels = ux OR labels = billing AND status = "In Progress"', () => [a, b]],
    ['(labels = ux OR labels = billing) AND status = "In Progress"', () => [a]],
    ['NOT labels = ux', () => [c, d]],
    ['NOT (status = Done OR labels = mobile)', () => [c]],
    ['NOT NOT issuetype = Bug', () => [b]],
    ['labels = ux AND NOT status = Done', () => [a]],
  ])('%s', async (clause, expected) => {
    expect(await among(clause)).toEqual(expected());
  });
});

describe('dates: absolute, relative and functions (now is 2026-03-15 12:00 UTC)', () => {
  it.each([
    ['created >= -1d', () => [d]],
    ['created >= "-2d"', () => [b, d]],
    ['created > "-1w 2d"', () => [b, d]],
    ['created > -3w', () => [a, b, d]],
    ['created >= startOfDay()', () => [d]],
    ['created >= startOfDay(-1)', () => [b, d]],
    ['created <= endOfDay(-1)', () => [a, b, c]],
    ['created < startOfMonth()', () => [c]],
    ['created >= startOfMonth(-1) AND created < startOfMonth()', () => [c]],
    ['created >= startOfYear()', () => [a, b, c, d]],
    // 2026-03-15 is a Sunday, the first day of Jira's default week.
    ['created >= startOfWeek()', () => [d]],
    ['created >= startOfWeek(-1)', () => [b, d]],
    ['created > "2026/03/14 10:00"', () => [d]],
    ['resolved >= startOfDay()', () => [b, d]],
    ['resolved > now()', () => []],
    ['resolutiondate IS EMPTY', () => [a, c]],
  ])('%s', async (clause, expected) => {
    expect(await among(clause)).toEqual(expected());
  });

  it('orders by created, newest first', async () => {
    const { body } = await search('project = PV AND created >= startOfYear() ORDER BY created DESC');
    expect(body.issues.map((i: any) => i.key)).toEqual([d, b, a, c]);
  });

  it('refuses a function it cannot evaluate', async () => {
    const [message] = await errorsOf('project = PV AND created > currentUser()');
    expect(message).toContain("'currentUser()'");
  });
});

describe('unknown fields and bad syntax', () => {
  it('answers Jira’s message for a field that does not exist', async () => {
    expect(await errorsOf('project = PV AND component = "Web"')).toEqual([
      "Field 'component' does not exist or you do not have permission to view it.",
    ]);
  });

  it('reports the grammar’s syntax errors with Jira’s wording and a position', async () => {
    expect(await errorsOf('project = PV AND (labels = ux')).toEqual(["Error in the JQL Query: Expecting ')' but got 'EOF'. (line 1, character 30)"]);
  });

  it('POST /jql/parse answers structures for NOT and functions, and errors per query', async () => {
    const request = {
      method: 'POST' as const,
      path: '/rest/api/3/jql/parse?validation=strict',
      as: 'user' as const,
      body: { queries: ['NOT labels = ux AND created >= startOfDay(-1)', 'labels = ', 'nosuch = 1'] },
    };
    const response = await handleJiraRequest(site, request, admin);
    expectJiraContract(request, response);
    const body = response.body as any;
    expect(body.queries[0].structure.where).toEqual({
      operator: 'and',
      clauses: [
        { operator: 'not', clauses: [{ field: { name: 'labels' }, operator: '=', operand: { value: 'ux' } }] },
        { field: { name: 'created' }, operator: '>=', operand: { function: 'startOfDay', arguments: ['-1'] } },
      ],
    });
    expect(body.queries[1].errors[0]).toMatch(/^Error in the JQL Query: Expecting either a value, list or function but got 'EOF'/);
    expect(body.queries[2].errors).toEqual(["Field 'nosuch' does not exist or you do not have permission to view it."]);
  });

  it('keeps NOT in the parsed query', () => {
    expect(parseJql('NOT labels = ux')).toEqual({
      ok: true,
      query: { where: [{ not: [{ field: { name: 'labels' }, operator: '=', operand: { kind: 'value', value: 'ux' } }] }], orderBy: [] },
    });
  });
});
