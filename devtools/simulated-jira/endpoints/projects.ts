/** GET project/{id}, GET project/search, GET issuetype/project, GET project/{id}/versions. */
import { fail, intParam, listParam, ok, projectNotFound, today, type Handler } from '../http';
import { canSeeProject, hasProjectPermission, visibleProjects } from '../permissions';
import { issueTypeJson, projectJson, versionJson } from '../representations';
import { findProject } from '../site';

export const getProject: Handler = ({ site, viewer, params, query }) => {
  const project = findProject(site, params.projectIdOrKey!);
  if (!project || !canSeeProject(site, viewer, project)) return projectNotFound(params.projectIdOrKey!);
  const json = projectJson(site, project, { full: true, today: today(site) });
  // `properties=a,b`: the project's entity properties of those keys, the absent ones left out.
  const wanted = listParam(query, 'properties');
  json.properties = Object.fromEntries(wanted.filter((k) => project.properties.has(k)).map((k) => [k, project.properties.get(k)]));
  return ok(json);
};

export const searchProjects: Handler = ({ site, viewer, query }) => {
  const startAt = intParam(query, 'startAt', 0);
  const maxResults = intParam(query, 'maxResults', 50);
  if (startAt === null || maxResults === null) return fail(400, 'startAt and maxResults must be non-negative integers.');
  const action = query.get('action') ?? 'view';
  if (!['view', 'browse', 'edit', 'create'].includes(action)) return fail(400, `Invalid action '${action}'.`);
  const ids = listParam(query, 'id');
  const keys = listParam(query, 'keys').map((k) => k.toUpperCase());
  const text = (query.get('query') ?? '').toLowerCase();
  const typeKey = query.get('typeKey');
  const matching = visibleProjects(site, viewer)
    .filter((p) => action !== 'edit' || hasProjectPermission(site, viewer, p, 'ADMINISTER_PROJECTS'))
    .filter((p) => action !== 'browse' || hasProjectPermission(site, viewer, p, 'BROWSE_PROJECTS'))
    .filter((p) => ids.length === 0 || ids.includes(p.id))
    .filter((p) => keys.length === 0 || keys.includes(p.key))
    .filter((p) => text === '' || p.key.toLowerCase() === text || p.name.toLowerCase().includes(text))
    .filter((p) => !typeKey || typeKey.split(',').includes(p.projectTypeKey))
    .sort((a, b) => a.key.localeCompare(b.key));
  const values = matching.slice(startAt, startAt + maxResults);
  const isLast = startAt + values.length >= matching.length;
  const page = (at: number) => `${site.baseUrl}/rest/api/3/project/search?startAt=${at}&maxResults=${maxResults}`;
  const withTypes = listParam(query, 'expand').includes('issueTypes');
  return ok({
    self: page(startAt),
    ...(isLast ? {} : { nextPage: page(startAt + maxResults) }),
    maxResults,
    startAt,
    total: matching.length,
    isLast,
    values: values.map((p) => ({
      ...projectJson(site, p, { full: false, today: today(site) }),
      ...(withTypes ? { issueTypes: p.issueTypes.map((t) => issueTypeJson(site, p, t)) } : {}),
    })),
  });
};

export const projectIssueTypes: Handler = ({ site, viewer, query }) => {
  const projectId = query.get('projectId');
  if (!projectId || !/^\d+$/.test(projectId)) return fail(400, "The 'projectId' query parameter must be a project id.");
  const levelText = query.get('level');
  if (levelText !== null && !/^-?\d+$/.test(levelText)) return fail(400, "The 'level' query parameter must be an integer.");
  const project = findProject(site, projectId);
  if (!project || !canSeeProject(site, viewer, project)) return projectNotFound(projectId);
  const level = levelText === null ? undefined : Number(levelText);
  return ok(
    project.issueTypes.filter((t) => level === undefined || t.hierarchyLevel === level).map((t) => issueTypeJson(site, project, t)),
  );
};

export const projectVersions: Handler = ({ site, viewer, params }) => {
  const project = findProject(site, params.projectIdOrKey!);
  if (!project || !canSeeProject(site, viewer, project)) return projectNotFound(params.projectIdOrKey!);
  return ok(project.versions.map((v) => versionJson(site, project, v, today(site))));
};
