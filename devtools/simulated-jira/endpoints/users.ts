/** GET myself, GET user/bulk, GET user/assignable/search, GET user/search, GET groups/picker. */
import { fail, intParam, listParam, ok, projectNotFound, unauthenticated, type Handler } from '../http';
import { canSeeProject, hasProjectPermission, isApp, isSiteAdmin } from '../permissions';
import { userJson } from '../representations';
import { findIssue, findProject, projectOf, type JiraSite, type SimGroup } from '../site';

export const myself: Handler = ({ site, viewer, query }) => {
  const user = viewer === null ? undefined : site.users.get(viewer);
  if (!user) return unauthenticated();
  // `expand=groups`: every group the user is in (Jira's SimpleListWrapper of GroupName).
  if (!listParam(query, 'expand').includes('groups')) return ok(userJson(site, user));
  const items = site.groups.filter((g) => g.members.includes(user.accountId)).map((g) => groupNameJson(site, g));
  return ok({ ...userJson(site, user), groups: { size: items.length, items, 'max-results': 200 } });
};

const groupNameJson = (site: JiraSite, g: SimGroup) => ({ name: g.name, groupId: g.groupId, self: `${site.baseUrl}/rest/api/3/group?groupId=${g.groupId}` });

/** Groups whose names contain `query` (GET groups/picker); an empty list for callers who browse no project. */
export const findGroups: Handler = ({ site, viewer, query }) => {
  const maxResults = intParam(query, 'maxResults', 20);
  if (maxResults === null) return fail(400, 'maxResults must be a non-negative integer.');
  const mayBrowse = site.projects.some((p) => hasProjectPermission(site, viewer, p, 'BROWSE_PROJECTS')) || isSiteAdmin(site, viewer);
  const text = (query.get('query') ?? '').toLowerCase();
  const matching = mayBrowse ? site.groups.filter((g) => g.name.toLowerCase().includes(text)).sort((a, b) => a.name.localeCompare(b.name)) : [];
  const shown = matching.slice(0, maxResults);
  return ok({
    header: `Showing ${shown.length} of ${matching.length} matching groups`,
    total: matching.length,
    groups: shown.map((g) => ({ name: g.name, groupId: g.groupId, html: g.name, labels: [] })),
  });
};

/** Active users whose name matches `query` (GET user/search): needs Browse users and groups (site admins here). */
export const findUsers: Handler = ({ site, viewer, query }) => {
  const startAt = intParam(query, 'startAt', 0);
  const maxResults = intParam(query, 'maxResults', 50);
  if (startAt === null || maxResults === null) return fail(400, 'startAt and maxResults must be non-negative integers.');
  const text = (query.get('query') ?? '').toLowerCase();
  if (!isSiteAdmin(site, viewer) && !isApp(site, viewer)) return ok([]);
  const found = [...site.users.values()].filter((u) => u.active && u.accountType === 'atlassian' && u.displayName.toLowerCase().includes(text));
  return ok(found.slice(startAt, startAt + maxResults).map((u) => userJson(site, u)));
};

export const bulkUsers: Handler = ({ site, query }) => {
  const ids = query.getAll('accountId').filter((id) => id !== '');
  if (ids.length === 0) return fail(400, 'You must provide at least one accountId.');
  const startAt = intParam(query, 'startAt', 0);
  const maxResults = intParam(query, 'maxResults', 10);
  if (startAt === null || maxResults === null) return fail(400, 'startAt and maxResults must be non-negative integers.');
  // Unknown ids are left out; deactivated users still come back, with `active: false`.
  const found = [...new Set(ids)].flatMap((id) => {
    const user = site.users.get(id);
    return user ? [user] : [];
  });
  const values = found.slice(startAt, startAt + maxResults);
  const isLast = startAt + values.length >= found.length;
  const self = (at: number) => {
    const params = new URLSearchParams({ startAt: String(at), maxResults: String(maxResults) });
    for (const id of ids) params.append('accountId', id);
    return `${site.baseUrl}/rest/api/3/user/bulk?${params}`;
  };
  return ok({
    self: self(startAt),
    ...(isLast ? {} : { nextPage: self(startAt + maxResults) }),
    maxResults,
    startAt,
    total: found.length,
    isLast,
    values: values.map((u) => userJson(site, u)),
  });
};

export const assignableUsers: Handler = ({ site, viewer, query }) => {
  const projectRef = query.get('project');
  const issueRef = query.get('issueKey') ?? query.get('issueId');
  if (!projectRef && !issueRef) return fail(400, 'The issue key or project key/id must be provided.');
  const startAt = intParam(query, 'startAt', 0);
  const maxResults = intParam(query, 'maxResults', 50);
  if (startAt === null || maxResults === null) return fail(400, 'startAt and maxResults must be non-negative integers.');
  let project;
  if (issueRef) {
    const issue = findIssue(site, issueRef);
    project = issue ? projectOf(site, issue) : undefined;
    if (!project || !hasProjectPermission(site, viewer, project, 'BROWSE_PROJECTS')) {
      return fail(404, 'Issue does not exist or you do not have permission to see it.');
    }
  } else {
    project = findProject(site, projectRef!);
    if (!project || !canSeeProject(site, viewer, project)) return projectNotFound(projectRef!);
  }
  const text = (query.get('query') ?? '').toLowerCase();
  const onlyAccount = query.get('accountId');
  const assignable = [...site.users.values()].filter(
    (u) =>
      u.active &&
      u.accountType === 'atlassian' &&
      hasProjectPermission(site, u.accountId, project, 'ASSIGNABLE_USER') &&
      (onlyAccount === null || u.accountId === onlyAccount) &&
      (text === '' || u.displayName.toLowerCase().split(/\s+/).some((w) => w.startsWith(text)) ||
        u.displayName.toLowerCase().startsWith(text) || (u.emailAddress ?? '').toLowerCase().startsWith(text)),
  );
  return ok(assignable.slice(startAt, startAt + maxResults).map((u) => userJson(site, u)));
};
