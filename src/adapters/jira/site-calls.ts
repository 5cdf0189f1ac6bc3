/** The REST client's site-wide side: bulk permission checks, the caller's groups, people and group pickers. */
import type { Person } from '../../contract/goals/model';
import type { NamedGroup } from '../../contract/portfolio/portfolio';
import type { JiraHttpRequest, JiraHttpResponse } from '../../ports/jira-http.port';
import type { BulkPermissionAnswer, BulkPermissionCheck, JiraSiteCalls } from '../../ports/jira-site.port';
import { badResponse, isRecord, query, unexpected } from './jira-json';

type Call = (what: string, request: JiraHttpRequest) => Promise<JiraHttpResponse>;

/** Jira checks at most 1,000 projects in one `permissions/check` request. */
export const PERMISSION_CHECK_BATCH = 1000;
const PICKER_SIZE = 20;

const groupOf = (g: unknown): NamedGroup | null =>
  isRecord(g) && typeof g.groupId === 'string' && typeof g.name === 'string' ? { groupId: g.groupId, name: g.name } : null;

export function siteCalls(call: Call): JiraSiteCalls {
  async function checkOnce(check: BulkPermissionCheck, projectIds: string[]): Promise<BulkPermissionAnswer> {
    const what = `the permissions on ${projectIds.length} project(s)`;
    const body = {
      ...(check.globalPermissions.length ? { globalPermissions: check.globalPermissions } : {}),
      ...(projectIds.length && check.projectPermissions.length
        ? { projectPermissions: [{ permissions: check.projectPermissions, projects: projectIds.map(Number) }] }
        : {}),
    };
    const response = await call(what, { method: 'POST', path: '/rest/api/3/permissions/check', body, as: 'user' });
    if (response.status !== 200) throw unexpected(what, response);
    const b = response.body;
    if (!isRecord(b)) throw badResponse(what, 'the answer is not an object');
    const global = Array.isArray(b.globalPermissions) ? b.globalPermissions.filter((p): p is string => typeof p === 'string') : [];
    const projects: Record<string, string[]> = {};
    for (const grant of Array.isArray(b.projectPermissions) ? b.projectPermissions : []) {
      if (!isRecord(grant) || typeof grant.permission !== 'string') throw badResponse(what, 'a project grant without its permission');
      const ids = Array.isArray(grant.projects) ? grant.projects.map((id) => String(id)) : [];
      projects[grant.permission] = [...(projects[grant.permission] ?? []), ...ids];
    }
    return { global, projects };
  }

  return {
    async bulkPermissions(check) {
      const ids = [...new Set(check.projectIds)].filter((id) => /^\d{1,18}$/.test(id));
      const batches: string[][] = [];
      for (let i = 0; i < ids.length; i += PERMISSION_CHECK_BATCH) batches.push(ids.slice(i, i + PERMISSION_CHECK_BATCH));
      if (batches.length === 0) batches.push([]);
      const answers: BulkPermissionAnswer[] = [];
      // One batch at a time: Jira's rate limits count each.
      for (const [i, batch] of batches.entries()) answers.push(await checkOnce({ ...check, globalPermissions: i === 0 ? check.globalPermissions : [] }, batch));
      const projects: Record<string, string[]> = {};
      for (const a of answers) for (const [p, list] of Object.entries(a.projects)) projects[p] = [...(projects[p] ?? []), ...list];
      return { global: answers[0]!.global, projects };
    },

    async myGroups() {
      const what = 'your groups';
      const response = await call(what, { method: 'GET', path: '/rest/api/3/myself?expand=groups', as: 'user' });
      if (response.status === 401) return [];
      if (response.status !== 200) throw unexpected(what, response);
      const groups = isRecord(response.body) && isRecord(response.body.groups) ? response.body.groups.items : undefined;
      return Array.isArray(groups) ? groups.flatMap((g) => groupOf(g) ?? []) : [];
    },

    async findPeople(text) {
      const what = 'people matching the search';
      const path = `/rest/api/3/user/search?${query([['query', text], ['maxResults', String(PICKER_SIZE)]])}`;
      const response = await call(what, { method: 'GET', path, as: 'user' });
      if (response.status !== 200) throw unexpected(what, response);
      if (!Array.isArray(response.body)) throw badResponse(what, 'the answer is not a list');
      return response.body.flatMap((u): Person[] =>
        isRecord(u) && typeof u.accountId === 'string' && typeof u.displayName === 'string' && u.accountType !== 'app' && u.active !== false
          ? [{ accountId: u.accountId, displayName: u.displayName }]
          : [],
      );
    },

    async findGroups(text) {
      const what = 'groups matching the search';
      const path = `/rest/api/3/groups/picker?${query([['query', text], ['maxResults', String(PICKER_SIZE)]])}`;
      const response = await call(what, { method: 'GET', path, as: 'user' });
      if (response.status !== 200) throw unexpected(what, response);
      const groups = isRecord(response.body) ? response.body.groups : undefined;
      if (!Array.isArray(groups)) throw badResponse(what, 'no list of groups');
      return groups.flatMap((g) => groupOf(g) ?? []);
    },
  };
}
