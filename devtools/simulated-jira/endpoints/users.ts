/** GET myself, GET user/bulk, GET user/assignable/search. */
import { fail, intParam, ok, projectNotFound, unauthenticated, type Handler } from '../http';
import { canSeeProject, hasProjectPermission } from '../permissions';
import { userJson } from '../representations';
import { findIssue, findProject, projectOf } from '../site';

export const myself: Handler = ({ site, viewer }) => {
  const user = viewer === null ? undefined : site.users.get(viewer);
  return user ? ok(userJson(site, user)) : unauthenticated();
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
