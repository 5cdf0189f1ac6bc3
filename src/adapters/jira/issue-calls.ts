/**
 * The REST client's issue side: issue types, issue reads, search, counts, entity properties and
 * issue-level permissions. Only the documented, current endpoints: `/search/jql` with
 * `nextPageToken` and `/search/approximate-count` (the old `/search` answers 410 Gone).
 */
import type { JiraHttpRequest, JiraHttpResponse } from '../../ports/jira-http.port';
import type { IssueField, IssuePage, IssuePermissions, IssueSearch, IssueTypeInfo, JiraIssue, PropertyWrite } from '../../ports/jira.port';
import { badResponse, enc, isRecord, query, unexpected } from './jira-json';
import { jiraFieldIds, toIssueType, toJiraIssue } from './issue-json';

type Call = (what: string, request: JiraHttpRequest) => Promise<JiraHttpResponse>;

/** Jira's `mypermissions` takes an issue by id or by key, in different parameters. */
const issueParam = (idOrKey: string): [string, string] => (/^\d+$/.test(idOrKey) ? ['issueId', idOrKey] : ['issueKey', idOrKey]);

export function issueCalls(call: Call) {
  return {
    async issuePermissions(issueIdOrKey: string): Promise<IssuePermissions> {
      const what = `the permissions on issue ${issueIdOrKey}`;
      const path = `/rest/api/3/mypermissions?${query([issueParam(issueIdOrKey), ['permissions', 'BROWSE_PROJECTS,EDIT_ISSUES']])}`;
      const response = await call(what, { method: 'GET', path, as: 'user' });
      if (response.status === 404 || response.status === 401) return { canBrowse: false, canEdit: false };
      if (response.status !== 200) throw unexpected(what, response);
      const permissions = isRecord(response.body) ? response.body.permissions : undefined;
      const have = (key: string): boolean => {
        const entry = isRecord(permissions) ? permissions[key] : undefined;
        if (!isRecord(entry) || typeof entry.havePermission !== 'boolean') throw badResponse(what, `no ${key} in the answer`);
        return entry.havePermission;
      };
      return { canBrowse: have('BROWSE_PROJECTS'), canEdit: have('EDIT_ISSUES') };
    },

    async projectIssueTypes(projectId: string): Promise<IssueTypeInfo[] | null> {
      const what = `the issue types of project ${projectId}`;
      const response = await call(what, { method: 'GET', path: `/rest/api/3/issuetype/project?${query([['projectId', projectId]])}`, as: 'user' });
      if (response.status === 404) return null;
      if (response.status !== 200) throw unexpected(what, response);
      if (!Array.isArray(response.body)) throw badResponse(what, 'the answer is not a list');
      return response.body.flatMap((t) => toIssueType(t) ?? []);
    },

    async getIssue(issueIdOrKey: string, select: { fields: IssueField[]; properties?: string[] }): Promise<JiraIssue | null> {
      const what = `issue ${issueIdOrKey}`;
      const params: Array<[string, string]> = [['fields', jiraFieldIds(select.fields).join(',') || 'id']];
      if (select.properties?.length) params.push(['properties', select.properties.join(',')]);
      const response = await call(what, { method: 'GET', path: `/rest/api/3/issue/${enc(issueIdOrKey)}?${query(params)}`, as: 'user' });
      if (response.status === 404) return null;
      if (response.status !== 200) throw unexpected(what, response);
      return toJiraIssue(response.body, what);
    },

    async searchIssues(search: IssueSearch): Promise<IssuePage> {
      const what = 'a search for issues';
      const body = {
        jql: search.jql,
        maxResults: search.maxResults,
        // Without fields Jira answers ids only, which is all a count-style pass needs.
        fields: search.fields.length ? jiraFieldIds(search.fields) : ['id'],
        ...(search.properties?.length ? { properties: search.properties } : {}),
        ...(search.nextPageToken ? { nextPageToken: search.nextPageToken } : {}),
      };
      const response = await call(what, { method: 'POST', path: '/rest/api/3/search/jql', body, as: 'user' });
      if (response.status !== 200) throw unexpected(what, response);
      const answer = response.body;
      if (!isRecord(answer) || !Array.isArray(answer.issues)) throw badResponse(what, 'no list of issues');
      const token = typeof answer.nextPageToken === 'string' && answer.nextPageToken !== '' ? answer.nextPageToken : null;
      return { issues: answer.issues.map((i) => toJiraIssue(i, what)), nextPageToken: answer.isLast === true ? null : token };
    },

    async countIssues(jql: string): Promise<number> {
      const what = 'a count of issues';
      const response = await call(what, { method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql }, as: 'user' });
      if (response.status !== 200) throw unexpected(what, response);
      const count = isRecord(response.body) ? response.body.count : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw badResponse(what, 'no count');
      return count;
    },

    async setIssueProperty(issueIdOrKey: string, propertyKey: string, value: unknown): Promise<PropertyWrite> {
      const what = `property ${propertyKey} of issue ${issueIdOrKey}`;
      const path = `/rest/api/3/issue/${enc(issueIdOrKey)}/properties/${enc(propertyKey)}`;
      return propertyOutcome(what, await call(what, { method: 'PUT', path, body: value, as: 'user' }), [200, 201]);
    },

    async deleteIssueProperty(issueIdOrKey: string, propertyKey: string): Promise<PropertyWrite> {
      const what = `property ${propertyKey} of issue ${issueIdOrKey}`;
      const path = `/rest/api/3/issue/${enc(issueIdOrKey)}/properties/${enc(propertyKey)}`;
      return propertyOutcome(what, await call(what, { method: 'DELETE', path, as: 'user' }), [204]);
    },
  };
}

function propertyOutcome(what: string, response: JiraHttpResponse, okStatuses: number[]): PropertyWrite {
  if (okStatuses.includes(response.status)) return 'ok';
  if (response.status === 403) return 'forbidden';
  if (response.status === 404) return 'not-found';
  throw unexpected(what, response);
}
