/**
 * The in-memory model of a Jira Cloud site: users, projects with their issue types, versions,
 * roles and permission scheme, issues, entity properties, and the knobs tests turn (faults, calls).
 */

export type AccountType = 'atlassian' | 'app' | 'customer';

export interface SimUser {
  accountId: string;
  displayName: string;
  active: boolean;
  accountType: AccountType;
  emailAddress?: string;
  timeZone?: string;
}

export const PROJECT_PERMISSIONS = [
  'BROWSE_PROJECTS',
  'ADMINISTER_PROJECTS',
  'EDIT_ISSUES',
  'ASSIGNABLE_USER',
  'CREATE_ISSUES',
] as const;
export type ProjectPermission = (typeof PROJECT_PERMISSIONS)[number];

export const GLOBAL_PERMISSIONS = ['ADMINISTER'] as const;
export type GlobalPermission = (typeof GLOBAL_PERMISSIONS)[number];

export interface SimIssueType {
  id: string;
  name: string;
  description: string;
  /** 1 = epic level (whatever its name), 0 = standard, -1 = subtask. */
  hierarchyLevel: number;
  /** Team-managed projects have their own issue types, identified by a UUID too. */
  entityId?: string;
  /**
   * Fields this type's create screen requires beyond the summary (field id → Jira's name for it): a
   * create without them is refused with 400, as Jira refuses a create missing a required field.
   */
  requiredFields?: Record<string, string>;
}

export interface SimVersion {
  id: string;
  name: string;
  description?: string;
  released: boolean;
  archived: boolean;
  startDate?: string;
  /** YYYY-MM-DD */
  releaseDate?: string;
}

export interface SimProject {
  id: string;
  key: string;
  name: string;
  description: string;
  projectTypeKey: 'software' | 'business' | 'service_desk';
  /** `classic` = company-managed, `next-gen` = team-managed. */
  style: 'classic' | 'next-gen';
  uuid?: string;
  leadAccountId: string;
  issueTypes: SimIssueType[];
  versions: SimVersion[];
  /** Role name → members (account ids). */
  roles: Record<string, string[]>;
  /** Permission → roles granted it: a permission scheme reduced to roles. */
  permissionScheme: Record<ProjectPermission, string[]>;
  properties: Map<string, unknown>;
}

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface SimIssue {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  summary: string;
  statusName: string;
  statusCategory: StatusCategoryKey;
  parentId?: string;
  /** ISO instants. */
  created: string;
  updated: string;
  storyPoints?: number;
  fixVersionIds: string[];
  /** ISO instant the issue was resolved (`resolutiondate`, JQL `resolved`); absent while unresolved. */
  resolved?: string;
  /** JQL `labels`; none when absent. */
  labels?: string[];
  /** JQL `reporter`: an account id. */
  reporterAccountId?: string;
  /** Service-desk requests: the name of their request type (JQL `"Request Type"`). */
  requestType?: string;
  /**
   * Editing denied in the issue's status (Jira's workflow property `jira.permission.edit.denied`, e.g. on
   * Closed): nobody may edit it, Edit issues in the project notwithstanding.
   */
  editDenied?: boolean;
  properties: Map<string, unknown>;
}

/** An indexed entity-property path, as a `jira:entityProperty` manifest module declares one. */
export interface IndexedPropertyPath {
  propertyKey: string;
  path: string;
  /** JQL alias, e.g. `goalId` for `issue.property[pv-goal-link].goalId`. */
  alias?: string;
}

export interface InjectedFailure {
  /** `hang`: the call never answers (a Jira that times out); the client's own time limit must end it. */
  status: 429 | 500 | 503 | 'hang';
  retryAfterSeconds?: number;
  /** How many of the next matching calls fail this way. */
  count: number;
  /** Only calls to this operation, e.g. `GET /rest/api/3/user/bulk`; all calls when absent. */
  operation?: string;
  /** Let this many matching calls through first (a failure part-way through a long pass). */
  after?: number;
}

export interface SiteFaults {
  latencyMs?: number;
  failNext?: InjectedFailure[];
}

export interface JiraSite {
  baseUrl: string;
  users: Map<string, SimUser>;
  /** Holders of the ADMINISTER global permission (Jira admins). */
  siteAdmins: Set<string>;
  /** The app's own account: `as: 'app'` calls run as it, with every permission. */
  appAccountId: string;
  projects: SimProject[];
  issues: SimIssue[];
  /** Issue-property paths declared for indexing; only these can be searched with JQL. */
  indexedProperties: IndexedPropertyPath[];
  faults: SiteFaults;
  /** Calls received per operation, e.g. `calls['GET /rest/api/3/myself']`. */
  calls: Record<string, number>;
  nextIssueId: number;
  /** The site's clock (version `overdue` flags). */
  now: () => Date;
  /** Accounts closed for good: the personal data report answers `closed` for them. */
  closedAccounts: Set<string>;
  /** User groups (`myself?expand=groups`, the group picker). */
  groups: SimGroup[];
}

export interface SimGroup {
  groupId: string;
  name: string;
  /** Account ids of its members. */
  members: string[];
}

export const APP_ACCOUNT_ID = '630db2aa3e6ba7e7a1d9e4f2';

export function createSite(baseUrl = 'https://product-vision-demo.atlassian.net'): JiraSite {
  const site: JiraSite = {
    baseUrl,
    users: new Map(),
    siteAdmins: new Set(),
    appAccountId: APP_ACCOUNT_ID,
    projects: [],
    issues: [],
    indexedProperties: [],
    faults: {},
    calls: {},
    nextIssueId: 10020,
    now: () => new Date(),
    closedAccounts: new Set(),
    groups: [],
  };
  addUser(site, {
    accountId: APP_ACCOUNT_ID,
    displayName: 'Product Vision for Jira',
    active: true,
    accountType: 'app',
  });
  return site;
}

export function addUser(site: JiraSite, user: SimUser): SimUser {
  site.users.set(user.accountId, user);
  return user;
}

/** Closes an account, as its owner or their organisation can: Jira shows it inactive from then on. */
export function closeAccount(site: JiraSite, accountId: string): void {
  const user = site.users.get(accountId);
  if (user) user.active = false;
  site.closedAccounts.add(accountId);
}

export function resetCalls(site: JiraSite): void {
  site.calls = {};
}

export function findProject(site: JiraSite, idOrKey: string): SimProject | undefined {
  const upper = idOrKey.toUpperCase();
  return site.projects.find((p) => p.id === idOrKey || p.key === upper);
}

export function findIssue(site: JiraSite, idOrKey: string): SimIssue | undefined {
  const upper = idOrKey.toUpperCase();
  return site.issues.find((i) => i.id === idOrKey || i.key === upper);
}

export function projectOf(site: JiraSite, issue: SimIssue): SimProject {
  const project = site.projects.find((p) => p.id === issue.projectId);
  if (!project) throw new Error(`Issue ${issue.key} belongs to no project`);
  return project;
}

export function issueTypeOf(project: SimProject, issue: SimIssue): SimIssueType {
  const type = project.issueTypes.find((t) => t.id === issue.issueTypeId);
  if (!type) throw new Error(`Issue ${issue.key} has an issue type its project lacks`);
  return type;
}

export interface NewIssue {
  projectKey: string;
  type: string;
  summary: string;
  status?: [string, StatusCategoryKey];
  parentKey?: string;
  created: string;
  updated?: string;
  storyPoints?: number;
  fixVersions?: string[];
  /** Defaults, for an issue in a done status, to its `updated` instant. */
  resolved?: string;
  labels?: string[];
  reporterAccountId?: string;
  requestType?: string;
}

/** Adds an issue with the project's next key; `type` and `fixVersions` are names. */
export function addIssue(site: JiraSite, spec: NewIssue): SimIssue {
  const project = findProject(site, spec.projectKey);
  if (!project) throw new Error(`No project ${spec.projectKey}`);
  const type = project.issueTypes.find((t) => t.name === spec.type);
  if (!type) throw new Error(`Project ${project.key} has no issue type ${spec.type}`);
  const parent = spec.parentKey === undefined ? undefined : findIssue(site, spec.parentKey);
  if (spec.parentKey !== undefined && !parent) throw new Error(`No parent ${spec.parentKey}`);
  const number = site.issues.filter((i) => i.projectId === project.id).length + 1;
  const [statusName, statusCategory] = spec.status ?? ['To Do', 'new'];
  const issue: SimIssue = {
    id: String(site.nextIssueId++),
    key: `${project.key}-${number}`,
    projectId: project.id,
    issueTypeId: type.id,
    summary: spec.summary,
    statusName,
    statusCategory,
    parentId: parent?.id,
    created: spec.created,
    updated: spec.updated ?? spec.created,
    storyPoints: spec.storyPoints,
    resolved: spec.resolved ?? (statusCategory === 'done' ? (spec.updated ?? spec.created) : undefined),
    fixVersionIds: (spec.fixVersions ?? []).map((name) => {
      const version = project.versions.find((v) => v.name === name);
      if (!version) throw new Error(`Project ${project.key} has no version ${name}`);
      return version.id;
    }),
    ...(spec.labels ? { labels: [...spec.labels] } : {}),
    ...(spec.reporterAccountId ? { reporterAccountId: spec.reporterAccountId } : {}),
    ...(spec.requestType ? { requestType: spec.requestType } : {}),
    properties: new Map(),
  };
  site.issues.push(issue);
  return issue;
}
