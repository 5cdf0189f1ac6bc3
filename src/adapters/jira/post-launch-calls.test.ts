/** The REST client's post-launch calls against the simulated Jira, every exchange checked against the contract. */
import type { JiraHttp, JiraHttpRequest } from '../../ports/jira-http.port';
import { JiraError } from '../../ports/jira.port';
import { expectJiraContract } from '../../../test/jira-openapi';
import { localJiraHttp } from '../../../devtools/local/local-jira-http';
import { DEMO_USERS, seedDemoSite, type JiraSite } from '../../../devtools/simulated-jira';
import { createJiraClient } from './jira-rest-client';

const { admin, outsider } = DEMO_USERS;
let site: JiraSite;
let sent: JiraHttpRequest[];

beforeEach(() => {
  site = seedDemoSite();
  sent = [];
});

function clientAs(accountId: string | null) {
  const local = localJiraHttp(site, accountId);
  const http: JiraHttp = async (request) => {
    sent.push(request);
    const response = await local(request);
    expectJiraContract(request, response);
    return response;
  };
  return createJiraClient(http, { sleep: async () => {} });
}

describe('projectVersions', () => {
  it('lists the versions with their release dates, as the user', async () => {
    const versions = await clientAs(admin).projectVersions('10000');
    expect(versions).toEqual([
      { id: '10100', name: 'Portal 1.0', released: true, archived: false, releaseDate: '2025-06-30', startDate: '2025-03-03' },
      { id: '10101', name: 'Portal 1.1', released: false, archived: false, releaseDate: '2025-12-15', startDate: '2025-07-01' },
      { id: '10102', name: 'Portal 2.0', released: false, archived: false, releaseDate: '2026-04-30', startDate: null },
    ]);
    expect(sent).toEqual([{ method: 'GET', path: '/rest/api/3/project/10000/versions', as: 'user' }]);
  });

  it('answers null for a project the caller cannot see', async () => {
    expect(await clientAs(outsider).projectVersions('10000')).toBeNull();
  });
});

describe('parseJql', () => {
  it('gives Jira’s messages for a bad query and the structure of a good one, in one strict call', async () => {
    const [good, bad] = await clientAs(admin).parseJql(['project = PV AND issuetype = Bug', 'project = PV AND nosuch = 1']);
    expect(good).toEqual({ query: 'project = PV AND issuetype = Bug', errors: [], structure: expect.objectContaining({ where: expect.any(Object) }) });
    expect(bad).toEqual({
      query: 'project = PV AND nosuch = 1',
      errors: ["Field 'nosuch' does not exist or you do not have permission to view it."],
      structure: null,
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/rest/api/3/jql/parse?validation=strict', body: { queries: expect.any(Array) } });
  });

  it('throws UNAUTHENTICATED without a signed-in user', async () => {
    await expect(clientAs(null).parseJql(['project = PV'])).rejects.toBeInstanceOf(JiraError);
  });
});
