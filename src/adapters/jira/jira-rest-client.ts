/** JiraPort over Jira Cloud's REST API v3, on any JiraHttp (Forge's requestJira or the simulated site). */
import type { Person } from '../../contract/goals/model';
import type { JiraHttp, JiraHttpRequest, JiraHttpResponse } from '../../ports/jira-http.port';
import type { JiraPort, ProjectPermissions } from '../../ports/jira.port';
import { issueCalls } from './issue-calls';
import { projectCalls } from './project-calls';
import { postLaunchCalls } from './post-launch-calls';
import { siteCalls } from './site-calls';
import { badResponse, isRecord, query, unexpected } from './jira-json';
import { sendWithRetry, type RetryOptions } from './retry';

/** user/bulk takes many ids; 50 a call keeps the URL short and fits one page. */
export const USER_BULK_BATCH = 50;
const ASSIGNABLE_PAGE = 100;

/** A Jira user object as a Person; undefined for entries without an id or name (e.g. redacted). */
function toPerson(value: unknown, what: string): Person | undefined {
  if (!isRecord(value)) throw badResponse(what, 'a user is not an object');
  const { accountId, displayName } = value;
  if (typeof accountId !== 'string' || typeof displayName !== 'string') return undefined;
  return { accountId, displayName };
}

export function createJiraClient(http: JiraHttp, options: RetryOptions = {}): JiraPort {
  const call = (what: string, request: JiraHttpRequest): Promise<JiraHttpResponse> =>
    sendWithRetry(() => http(request), what, options);

  return {
    ...issueCalls(call),
    ...projectCalls(call),
    ...postLaunchCalls(call),
    ...siteCalls(call),

    async projectPermissions(projectId: string): Promise<ProjectPermissions> {
      const what = `the permissions on project ${projectId}`;
      const path = `/rest/api/3/mypermissions?${query([
        // An id, or a key (a JQL names projects by key).
        [/^\d+$/.test(projectId) ? 'projectId' : 'projectKey', projectId],
        ['permissions', 'BROWSE_PROJECTS,ADMINISTER_PROJECTS,EDIT_ISSUES'],
      ])}`;
      const response = await call(what, { method: 'GET', path, as: 'user' });
      // 404: no such project, or one the caller may not see; 401: nobody signed in. Both mean no access.
      if (response.status === 404 || response.status === 401) return { canBrowse: false, canAdminister: false, canEditIssues: false };
      if (response.status !== 200) throw unexpected(what, response);
      const permissions = isRecord(response.body) ? response.body.permissions : undefined;
      const have = (key: string): boolean => {
        const entry = isRecord(permissions) ? permissions[key] : undefined;
        if (!isRecord(entry) || typeof entry.havePermission !== 'boolean') throw badResponse(what, `no ${key} in the answer`);
        return entry.havePermission;
      };
      return { canBrowse: have('BROWSE_PROJECTS'), canAdminister: have('ADMINISTER_PROJECTS'), canEditIssues: have('EDIT_ISSUES') };
    },

    async usersByIds(accountIds: string[]): Promise<Person[]> {
      const ids = [...new Set(accountIds.filter((id) => id !== ''))];
      const found = new Map<string, Person>();
      for (let i = 0; i < ids.length; i += USER_BULK_BATCH) {
        const batch = ids.slice(i, i + USER_BULK_BATCH);
        for (const person of await bulkUsers(batch)) found.set(person.accountId, person);
      }
      return ids.flatMap((id) => found.get(id) ?? []);
    },

    async assignableUsers(projectKey: string): Promise<Person[]> {
      const what = `the assignable users of project ${projectKey}`;
      const path = `/rest/api/3/user/assignable/search?${query([
        ['project', projectKey],
        ['maxResults', String(ASSIGNABLE_PAGE)],
      ])}`;
      const response = await call(what, { method: 'GET', path, as: 'user' });
      if (response.status === 404) return [];
      if (response.status !== 200) throw unexpected(what, response);
      if (!Array.isArray(response.body)) throw badResponse(what, 'the answer is not a list');
      return response.body
        .filter((u) => !isRecord(u) || (u.accountType !== 'app' && u.active !== false))
        .flatMap((u) => toPerson(u, what) ?? []);
    },
  };

  /** One batch of ids, following pages in case Jira returns fewer than asked. */
  async function bulkUsers(batch: string[]): Promise<Person[]> {
    const what = `${batch.length} user(s)`;
    const people: Person[] = [];
    for (let startAt = 0; ; ) {
      const path = `/rest/api/3/user/bulk?${query([
        ['startAt', String(startAt)],
        ['maxResults', String(USER_BULK_BATCH)],
        ...batch.map((id): [string, string] => ['accountId', id]),
      ])}`;
      const response = await call(what, { method: 'GET', path, as: 'user' });
      if (response.status !== 200) throw unexpected(what, response);
      const body = response.body;
      if (!isRecord(body) || !Array.isArray(body.values)) throw badResponse(what, 'no list of users');
      for (const value of body.values) {
        const person = toPerson(value, what);
        if (person) people.push(person);
      }
      if (body.isLast !== false || body.values.length === 0) return people;
      startAt += body.values.length;
    }
  }
}
