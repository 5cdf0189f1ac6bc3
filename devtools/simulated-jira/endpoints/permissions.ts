/** GET mypermissions and POST permissions/check. */
import { fail, listParam, ok, type Handler } from '../http';
import { canSeeProject, hasProjectPermission, isApp, isSiteAdmin, PERMISSION_INFO, type Viewer } from '../permissions';
import {
  findIssue,
  findProject,
  GLOBAL_PERMISSIONS,
  PROJECT_PERMISSIONS,
  projectOf,
  type JiraSite,
  type ProjectPermission,
  type SimProject,
} from '../site';

const isProjectPermission = (key: string): key is ProjectPermission =>
  (PROJECT_PERMISSIONS as readonly string[]).includes(key);
const isGlobalPermission = (key: string): boolean => (GLOBAL_PERMISSIONS as readonly string[]).includes(key);

function invalidKeys(keys: string[]): string[] {
  return keys.filter((k) => !isProjectPermission(k) && !isGlobalPermission(k));
}

function holds(site: JiraSite, viewer: Viewer, key: string, projects: SimProject[]): boolean {
  if (key === 'ADMINISTER') return isApp(site, viewer) || isSiteAdmin(site, viewer);
  return projects.some((p) => hasProjectPermission(site, viewer, p, key as ProjectPermission));
}

export const myPermissions: Handler = ({ site, viewer, query }) => {
  const keys = listParam(query, 'permissions');
  if (keys.length === 0) return fail(400, "The 'permissions' query parameter is required.");
  const invalid = invalidKeys(keys);
  if (invalid.length > 0) return fail(400, `Invalid permission key(s): ${invalid.join(', ')}.`);

  // Context: a project or an issue narrows project permissions; none means "in any project".
  let scope: SimProject[] = site.projects;
  let editDenied = false;
  const projectRef = query.get('projectId') ?? query.get('projectKey');
  const issueRef = query.get('issueId') ?? query.get('issueKey');
  if (issueRef) {
    const issue = findIssue(site, issueRef);
    const project = issue ? projectOf(site, issue) : undefined;
    if (!project || !hasProjectPermission(site, viewer, project, 'BROWSE_PROJECTS')) {
      return fail(404, 'Issue does not exist or you do not have permission to see it.');
    }
    scope = [project];
    editDenied = issue?.editDenied === true;
  } else if (projectRef) {
    const project = findProject(site, projectRef);
    if (!project || !canSeeProject(site, viewer, project)) {
      return fail(404, `No project could be found with ${query.has('projectId') ? 'id' : 'key'} '${projectRef}'.`);
    }
    scope = [project];
  }

  const permissions = Object.fromEntries(
    [...new Set(keys)].map((key) => {
      const info = PERMISSION_INFO[key]!;
      return [key, { id: info.id, key, name: info.name, type: info.type, description: info.description, havePermission: !(editDenied && key === 'EDIT_ISSUES') && holds(site, viewer, key, scope) }];
    }),
  );
  return ok({ permissions });
};

interface CheckRequest {
  accountId?: unknown;
  globalPermissions?: unknown;
  projectPermissions?: unknown;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : []);
const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : []);

export const checkPermissions: Handler = ({ site, viewer, body }) => {
  if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    return fail(400, 'The request body is not valid.');
  }
  const request = (body ?? {}) as CheckRequest;
  let subject: Viewer = viewer;
  if (request.accountId !== undefined && request.accountId !== viewer) {
    // Checking someone else needs Administer Jira, except for an app calling as itself.
    if (!isApp(site, viewer) && !isSiteAdmin(site, viewer)) {
      return fail(403, 'You do not have permission to check the permissions of other users.');
    }
    if (typeof request.accountId !== 'string' || !site.users.has(request.accountId)) {
      return fail(400, `The account ID '${String(request.accountId)}' is not valid.`);
    }
    subject = request.accountId;
  }

  const globalKeys = strings(request.globalPermissions);
  const badGlobal = globalKeys.filter((k) => !isGlobalPermission(k));
  if (badGlobal.length > 0) return fail(400, `Unrecognized global permissions: ${badGlobal.join(', ')}`);

  const projectRequests = Array.isArray(request.projectPermissions) ? request.projectPermissions : [];
  // Jira checks at most 1,000 projects and 1,000 issues in one request.
  const asked = (name: 'projects' | 'issues') => new Set((projectRequests as Array<Record<string, unknown>>).flatMap((e) => numbers(e?.[name]))).size;
  if (asked('projects') > 1000 || asked('issues') > 1000) return fail(400, 'A maximum of 1000 projects and 1000 issues can be checked.');
  const grants = new Map<ProjectPermission, { projects: Set<number>; issues: Set<number> }>();
  for (const entry of projectRequests as Array<Record<string, unknown>>) {
    const keys = strings(entry?.permissions);
    if (keys.length === 0) return fail(400, 'Project permissions must contain at least one permission.');
    const bad = keys.filter((k) => !isProjectPermission(k));
    if (bad.length > 0) return fail(400, `Unrecognized project permissions: ${bad.join(', ')}`);
    // Unknown project and issue ids are ignored, as Jira does.
    const projects = numbers(entry.projects).flatMap((id) => site.projects.filter((p) => p.id === String(id)));
    const issues = numbers(entry.issues).flatMap((id) => site.issues.filter((i) => i.id === String(id)));
    for (const key of keys as ProjectPermission[]) {
      const grant = grants.get(key) ?? { projects: new Set<number>(), issues: new Set<number>() };
      grants.set(key, grant);
      for (const p of projects) if (hasProjectPermission(site, subject, p, key)) grant.projects.add(Number(p.id));
      for (const i of issues) if (hasProjectPermission(site, subject, projectOf(site, i), key)) grant.issues.add(Number(i.id));
    }
  }
  return ok({
    globalPermissions: [...new Set(globalKeys)].filter((k) => holds(site, subject, k, [])),
    projectPermissions: [...grants].map(([permission, g]) => ({ permission, projects: [...g.projects], issues: [...g.issues] })),
  });
};
