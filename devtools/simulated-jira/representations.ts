/** The JSON Jira Cloud returns for each entity (REST API v3 shapes, trimmed to what is modelled). */
import type { JiraSite, SimIssue, SimIssueType, SimProject, SimUser, SimVersion, StatusCategoryKey } from './site';
import { issueTypeOf, projectOf } from './site';

const api = (site: JiraSite, path: string): string => `${site.baseUrl}/rest/api/3${path}`;

function avatarUrls(site: JiraSite, kind: string, id: string): Record<string, string> {
  const url = (size: number) => `${site.baseUrl}/rest/api/3/universal_avatar/view/type/${kind}/avatar/${encodeURIComponent(id)}?size=${size}`;
  return { '48x48': url(48), '24x24': url(24), '16x16': url(16), '32x32': url(32) };
}

export function userJson(site: JiraSite, user: SimUser): Record<string, unknown> {
  return {
    self: api(site, `/user?accountId=${encodeURIComponent(user.accountId)}`),
    accountId: user.accountId,
    accountType: user.accountType,
    ...(user.emailAddress ? { emailAddress: user.emailAddress } : {}),
    avatarUrls: avatarUrls(site, 'user', user.accountId),
    displayName: user.displayName,
    active: user.active,
    ...(user.timeZone ? { timeZone: user.timeZone } : {}),
    locale: 'en_US',
  };
}

export function issueTypeJson(site: JiraSite, project: SimProject, type: SimIssueType): Record<string, unknown> {
  return {
    self: api(site, `/issuetype/${type.id}`),
    id: type.id,
    description: type.description,
    iconUrl: `${site.baseUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.id}?size=medium`,
    name: type.name,
    subtask: type.hierarchyLevel < 0,
    avatarId: Number(type.id) + 300,
    hierarchyLevel: type.hierarchyLevel,
    ...(type.entityId ? { entityId: type.entityId, scope: { type: 'PROJECT', project: { id: project.id } } } : {}),
  };
}

export function versionJson(site: JiraSite, project: SimProject, version: SimVersion, today: string): Record<string, unknown> {
  return {
    self: api(site, `/version/${version.id}`),
    id: version.id,
    ...(version.description ? { description: version.description } : {}),
    name: version.name,
    archived: version.archived,
    released: version.released,
    ...(version.startDate ? { startDate: version.startDate } : {}),
    ...(version.releaseDate
      ? { releaseDate: version.releaseDate, overdue: !version.released && version.releaseDate < today }
      : {}),
    projectId: Number(project.id),
  };
}

/** The short project form used in search results and issue fields. */
export function projectSummaryJson(site: JiraSite, project: SimProject): Record<string, unknown> {
  return {
    self: api(site, `/project/${project.id}`),
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: project.projectTypeKey,
    simplified: project.style === 'next-gen',
    avatarUrls: avatarUrls(site, 'project', project.id),
  };
}

export function projectJson(
  site: JiraSite,
  project: SimProject,
  options: { full: boolean; today: string },
): Record<string, unknown> {
  const lead = site.users.get(project.leadAccountId);
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    ...projectSummaryJson(site, project),
    style: project.style,
    isPrivate: false,
    properties: {},
    ...(project.uuid ? { uuid: project.uuid } : {}),
    ...(options.full
      ? {
          description: project.description,
          ...(lead ? { lead: userJson(site, lead) } : {}),
          components: [],
          issueTypes: project.issueTypes.map((t) => issueTypeJson(site, project, t)),
          assigneeType: 'UNASSIGNED',
          versions: project.versions.map((v) => versionJson(site, project, v, options.today)),
          roles: Object.fromEntries(
            Object.keys(project.roles).map((role, i) => [role, api(site, `/project/${project.id}/role/${10002 + i}`)]),
          ),
        }
      : {}),
  };
}

const CATEGORIES: Record<StatusCategoryKey, { id: number; colorName: string; name: string }> = {
  new: { id: 2, colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, colorName: 'green', name: 'Done' },
};

function statusJson(site: JiraSite, issue: SimIssue): Record<string, unknown> {
  const category = CATEGORIES[issue.statusCategory];
  return {
    self: api(site, `/status/${category.id}`),
    description: '',
    iconUrl: `${site.baseUrl}/`,
    name: issue.statusName,
    id: String(category.id * 1000 + 1),
    statusCategory: {
      self: api(site, `/statuscategory/${category.id}`),
      id: category.id,
      key: issue.statusCategory,
      colorName: category.colorName,
      name: category.name,
    },
  };
}

/** Jira's timestamp format, e.g. `2025-03-04T09:15:00.000+0000`. */
export function jiraTimestamp(iso: string): string {
  return new Date(iso).toISOString().replace('Z', '+0000');
}

/** Field id of "Story point estimate" on the demo site. */
export const STORY_POINTS_FIELD = 'customfield_10016';

export const ISSUE_FIELDS = [
  'summary',
  'status',
  'issuetype',
  'project',
  'parent',
  'created',
  'updated',
  'fixVersions',
  'resolutiondate',
  'reporter',
  STORY_POINTS_FIELD,
] as const;

export function issueFieldsJson(
  site: JiraSite,
  issue: SimIssue,
  fields: ReadonlySet<string>,
  today: string,
): Record<string, unknown> {
  const project = projectOf(site, issue);
  const type = issueTypeOf(project, issue);
  const all: Record<string, () => unknown> = {
    summary: () => issue.summary,
    status: () => statusJson(site, issue),
    issuetype: () => issueTypeJson(site, project, type),
    project: () => projectSummaryJson(site, project),
    created: () => jiraTimestamp(issue.created),
    updated: () => jiraTimestamp(issue.updated),
    fixVersions: () =>
      issue.fixVersionIds.map((id) => versionJson(site, project, project.versions.find((v) => v.id === id)!, today)),
    resolutiondate: () => (issue.resolved ? jiraTimestamp(issue.resolved) : null),
    [STORY_POINTS_FIELD]: () => issue.storyPoints ?? null,
    reporter: () => {
      const user = issue.reporterAccountId ? site.users.get(issue.reporterAccountId) : undefined;
      return user ? userJson(site, user) : null;
    },
    parent: () => {
      const parent = site.issues.find((i) => i.id === issue.parentId);
      if (!parent) return undefined;
      return {
        id: parent.id,
        key: parent.key,
        self: api(site, `/issue/${parent.id}`),
        fields: {
          summary: parent.summary,
          status: statusJson(site, parent),
          issuetype: issueTypeJson(site, project, issueTypeOf(project, parent)),
        },
      };
    },
  };
  const out: Record<string, unknown> = {};
  for (const name of ISSUE_FIELDS) {
    if (!fields.has(name)) continue;
    const value = all[name]!();
    if (value !== undefined) out[name] = value;
  }
  return out;
}

export function issueJson(
  site: JiraSite,
  issue: SimIssue,
  options: { fields: ReadonlySet<string>; properties: readonly string[]; today: string },
): Record<string, unknown> {
  const json: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: api(site, `/issue/${issue.id}`),
    key: issue.key,
  };
  if (options.fields.size > 0) json.fields = issueFieldsJson(site, issue, options.fields, options.today);
  if (options.properties.length > 0) {
    json.properties = Object.fromEntries(
      options.properties.filter((k) => issue.properties.has(k)).map((k) => [k, issue.properties.get(k)]),
    );
  }
  return json;
}
