/** The operations the simulated Jira answers, keyed like `site.calls`: `METHOD /path/{param}`. */
import type { Handler } from './http';
import { createIssue, createMetaIssueTypes, getIssue } from './endpoints/issues';
import { checkPermissions, myPermissions } from './endpoints/permissions';
import { getProject, projectIssueTypes, projectVersions, searchProjects } from './endpoints/projects';
import {
  deleteIssueProperty,
  getIssueProperty,
  getProjectProperty,
  setIssueProperty,
  setProjectProperty,
} from './endpoints/properties';
import { approximateCount, parseQueries, searchGet, searchPost } from './endpoints/search';
import { assignableUsers, bulkUsers, findGroups, findUsers, myself } from './endpoints/users';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  template: string;
  handler: Handler;
  /**
   * Without an account: `reject` answers 401 (the operation documents it); `anonymous` runs the
   * handler as an anonymous user with no permissions, as Jira does where 401 is not documented.
   */
  noAccount: 'reject' | 'anonymous';
}

const route = (method: Route['method'], template: string, handler: Handler, noAccount: Route['noAccount'] = 'reject'): Route => ({
  method,
  template,
  handler,
  noAccount,
});

export const ROUTES: readonly Route[] = [
  route('GET', '/rest/api/3/myself', myself),
  route('GET', '/rest/api/3/mypermissions', myPermissions),
  route('POST', '/rest/api/3/permissions/check', checkPermissions, 'anonymous'),
  route('GET', '/rest/api/3/user/bulk', bulkUsers),
  route('GET', '/rest/api/3/user/assignable/search', assignableUsers),
  route('GET', '/rest/api/3/user/search', findUsers, 'anonymous'),
  route('GET', '/rest/api/3/groups/picker', findGroups, 'anonymous'),
  route('GET', '/rest/api/3/project/search', searchProjects),
  route('GET', '/rest/api/3/project/{projectIdOrKey}', getProject),
  route('GET', '/rest/api/3/issuetype/project', projectIssueTypes, 'anonymous'),
  route('GET', '/rest/api/3/project/{projectIdOrKey}/versions', projectVersions, 'anonymous'),
  route('GET', '/rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}', getProjectProperty),
  route('PUT', '/rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}', setProjectProperty),
  route('POST', '/rest/api/3/issue', createIssue),
  route('GET', '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes', createMetaIssueTypes),
  route('GET', '/rest/api/3/issue/{issueIdOrKey}', getIssue),
  route('GET', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', getIssueProperty),
  route('PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', setIssueProperty),
  route('DELETE', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', deleteIssueProperty),
  route('GET', '/rest/api/3/search/jql', searchGet),
  route('POST', '/rest/api/3/search/jql', searchPost),
  route('POST', '/rest/api/3/search/approximate-count', approximateCount),
  route('POST', '/rest/api/3/jql/parse', parseQueries),
];

export const operationKey = (r: Pick<Route, 'method' | 'template'>): string => `${r.method} ${r.template}`;

/** Matches a path (no query string) against a template; literal segments win over parameters. */
export function matchTemplate(template: string, path: string): Record<string, string> | null {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!;
    if (segment.startsWith('{') && segment.endsWith('}')) {
      if (got[i] === '') return null;
      try {
        params[segment.slice(1, -1)] = decodeURIComponent(got[i]!);
      } catch {
        return null;
      }
    } else if (segment !== got[i]) {
      return null;
    }
  }
  return params;
}

/** The routes for a path, best match first (fewest parameters). */
export function routesFor(path: string): Array<{ route: Route; params: Record<string, string> }> {
  return ROUTES.flatMap((r) => {
    const params = matchTemplate(r.template, path);
    return params ? [{ route: r, params }] : [];
  }).sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length);
}
