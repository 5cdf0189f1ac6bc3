/**
 * The REST client's issue side: issue types, issue reads, search, counts, entity properties and
 * issue-level permissions. Only the documented, current endpoints: `/search/jql` with
 * `nextPageToken` and `/search/approximate-count` (the old `/search` answers 410 Gone).
 */
import type { JiraHttpRequest, JiraHttpResponse } from '../../ports/jira-http.port';
import type { IssueCreation, IssueField, IssuePage, IssuePermissions, IssueSearch, IssueTypeInfo, JiraIssue, NewIssue, PropertyWrite } from '../../ports/jira.port';
import { badResponse, enc, isRecord, query, unexpected } from './jira-json';
import { jiraFieldIds, toIssueType, toJiraIssue } from './issue-json';

type Call = (what: string, request: JiraHttpRequest) => Promise<JiraHttpResponse>;

/** Create metadata: a page of up to 200 issue types (Jira's maximum), at most 5 pages followed. */
const CREATE_META_PAGE = 200;
const CREATE_META_PAGES = 5;

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

    async creatableIssueTypes(projectId: string): Promise<IssueTypeInfo[] | null> {
      const what = `the issue types you can create in project ${projectId}`;
      const types: IssueTypeInfo[] = [];
      // Jira pages its create metadata (at most 200 a page); a project has a handful of types.
      for (let startAt = 0; startAt < CREATE_META_PAGES * CREATE_META_PAGE; ) {
        const path = `/rest/api/3/issue/createmeta/${enc(projectId)}/issuetypes?${query([
          ['startAt', String(startAt)],
          ['maxResults', String(CREATE_META_PAGE)],
        ])}`;
        const response = await call(what, { method: 'GET', path, as: 'user' });
        // 400/404: the project is hidden from the caller (or gone).
        if (response.status === 400 || response.status === 404) return null;
        if (response.status !== 200) throw unexpected(what, response);
        const body = response.body;
        const page = isRecord(body) ? (body.issueTypes ?? body.values) : undefined;
        if (!Array.isArray(page)) throw badResponse(what, 'no list of issue types');
        types.push(...page.flatMap((t) => toIssueType(t) ?? []));
        const total = isRecord(body) && typeof body.total === 'number' ? body.total : types.length;
        if (page.length === 0 || types.length >= total) break;
        startAt += page.length;
      }
      return types;
    },

    async createIssue(issue: NewIssue): Promise<IssueCreation> {
      const what = 'a new issue';
      const body = {
        fields: {
          project: { id: issue.projectId },
          issuetype: { id: issue.issueTypeId },
          summary: issue.summary,
          description: {
            type: 'doc',
            version: 1,
            content: issue.description
              .split('\n')
              .filter((line) => line.trim() !== '')
              .map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
          },
        },
        properties: Object.entries(issue.properties).map(([key, value]) => ({ key, value })),
      };
      const response = await call(what, { method: 'POST', path: '/rest/api/3/issue', body, as: 'user' });
      if (response.status === 201) {
        const answer = response.body;
        if (!isRecord(answer) || typeof answer.id !== 'string' || typeof answer.key !== 'string') throw badResponse(what, 'no id or key');
        return { created: true, id: answer.id, key: answer.key };
      }
      if (response.status === 400 || response.status === 403 || response.status === 422) {
        const answer = isRecord(response.body) ? response.body : {};
        const messages = Array.isArray(answer.errorMessages) ? answer.errorMessages.filter((m): m is string => typeof m === 'string') : [];
        const fields = isRecord(answer.errors)
          ? Object.fromEntries(Object.entries(answer.errors).filter((e): e is [string, string] => typeof e[1] === 'string'))
          : {};
        return { created: false, status: response.status, messages, fields };
      }
      throw unexpected(what, response);
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
