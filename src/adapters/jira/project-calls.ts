/**
 * The REST client's project side, for vision publishing and the Confluence macro: a project with some
 * of its properties (`GET /project/{id}?properties=`), existence as the app, writing a project
 * property, and the projects a user can browse (`GET /project/search?action=browse`).
 */
import type { JiraHttpRequest, JiraHttpResponse } from '../../ports/jira-http.port';
import type { JiraProjectRef, ProjectPropertyWrite, ProjectSearchPage, ProjectWithProperties } from '../../ports/jira-projects.port';
import { badResponse, enc, errorText, isRecord, query, unexpected } from './jira-json';

type Call = (what: string, request: JiraHttpRequest) => Promise<JiraHttpResponse>;

export const PROJECT_PAGE_SIZE = 50;

function toProject(value: unknown, what: string): JiraProjectRef {
  if (!isRecord(value)) throw badResponse(what, 'a project is not an object');
  const { id, key, name, projectTypeKey } = value;
  if ((typeof id !== 'string' && typeof id !== 'number') || typeof key !== 'string' || typeof name !== 'string')
    throw badResponse(what, 'a project without id, key or name');
  return { id: String(id), key, name, typeKey: typeof projectTypeKey === 'string' ? projectTypeKey : null };
}

export function projectCalls(call: Call) {
  async function withProperties(projectIdOrKey: string, propertyKeys: string[], as: 'user' | 'app'): Promise<ProjectWithProperties | null> {
    const what = `project ${projectIdOrKey}${as === 'app' ? ' (as the app)' : ''}`;
    const qs = propertyKeys.length ? `?${query([['properties', propertyKeys.join(',')]])}` : '';
    const response = await call(what, { method: 'GET', path: `/rest/api/3/project/${enc(projectIdOrKey)}${qs}`, as });
    if (response.status === 404) return null;
    if (response.status !== 200) throw unexpected(what, response);
    const project = toProject(response.body, what);
    const raw = isRecord(response.body) && isRecord(response.body.properties) ? response.body.properties : {};
    const properties: Record<string, unknown> = {};
    for (const key of propertyKeys) if (Object.prototype.hasOwnProperty.call(raw, key)) properties[key] = raw[key];
    return { project, properties };
  }

  return {
    projectWithProperties: (projectIdOrKey: string, propertyKeys: string[]) => withProperties(projectIdOrKey, propertyKeys, 'user'),
    projectWithPropertiesAsApp: (projectId: string, propertyKeys: string[]) => withProperties(projectId, propertyKeys, 'app'),

    async setProjectProperty(projectId: string, propertyKey: string, value: unknown): Promise<ProjectPropertyWrite> {
      const what = `property ${propertyKey} of project ${projectId}`;
      const path = `/rest/api/3/project/${enc(projectId)}/properties/${enc(propertyKey)}`;
      const response = await call(what, { method: 'PUT', path, body: value, as: 'user' });
      if (response.status === 200 || response.status === 201) return 'ok';
      if (response.status === 403) return 'forbidden';
      if (response.status === 404) return 'not-found';
      if (response.status === 400 && /too long|maximum length/i.test(errorText(response.body))) return 'too-large';
      throw unexpected(what, response);
    },

    async browsableAmong(keysOrIds: string[]): Promise<JiraProjectRef[]> {
      const what = 'the projects you can browse';
      const ids = keysOrIds.filter((r) => /^\d+$/.test(r));
      const keys = keysOrIds.filter((r) => !/^\d+$/.test(r));
      const found: JiraProjectRef[] = [];
      // Jira filters by ids and by keys together (both must match), so each list is its own call.
      for (const [param, refs] of [['id', ids], ['keys', keys]] as const) {
        if (!refs.length) continue;
        const params: Array<[string, string]> = [['action', 'browse'], ['maxResults', String(PROJECT_PAGE_SIZE)], ...refs.slice(0, PROJECT_PAGE_SIZE).map((r): [string, string] => [param, r])];
        const response = await call(what, { method: 'GET', path: `/rest/api/3/project/search?${query(params)}`, as: 'user' });
        if (response.status !== 200) throw unexpected(what, response);
        const body = response.body;
        if (!isRecord(body) || !Array.isArray(body.values)) throw badResponse(what, 'no list of projects');
        found.push(...body.values.map((v) => toProject(v, what)));
      }
      return found;
    },

    async browsableProjects(search: { query?: string; startAt?: number; maxResults?: number }): Promise<ProjectSearchPage> {
      const what = 'the projects you can browse';
      const startAt = search.startAt ?? 0;
      const params: Array<[string, string]> = [
        ['action', 'browse'],
        ['orderBy', 'name'],
        ['startAt', String(startAt)],
        ['maxResults', String(search.maxResults ?? PROJECT_PAGE_SIZE)],
      ];
      if (search.query) params.push(['query', search.query]);
      const response = await call(what, { method: 'GET', path: `/rest/api/3/project/search?${query(params)}`, as: 'user' });
      if (response.status !== 200) throw unexpected(what, response);
      const body = response.body;
      if (!isRecord(body) || !Array.isArray(body.values)) throw badResponse(what, 'no list of projects');
      const projects = body.values.map((v) => toProject(v, what));
      const last = body.isLast !== false || projects.length === 0;
      return { projects, nextStartAt: last ? null : startAt + projects.length };
    },
  };
}
