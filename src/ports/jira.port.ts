/**
 * What the use cases ask of Jira. Every call is made as the user unless it says otherwise,
 * so Jira's own permissions apply. (Background jobs get a port whose calls run as the app.)
 */
import type { Person } from '../contract/goals/model';
import type { JiraProjectCalls } from './jira-projects.port';
import type { JiraSiteCalls } from './jira-site.port';

export interface ProjectPermissions {
  canBrowse: boolean;
  canAdminister: boolean;
  /** EDIT_ISSUES in the project: may tie its epics to goals (Jira still decides per epic on write). */
  canEditIssues: boolean;
}

export interface IssuePermissions {
  canBrowse: boolean;
  canEdit: boolean;
}

export interface IssueTypeInfo {
  id: string;
  name: string;
  /** 1 = epic level, whatever it is called; 0 = standard; -1 = subtask. */
  hierarchyLevel: number;
}

/** Fields an issue read or a search may ask for; `storyPoints` is the story point estimate field. */
export type IssueField = 'summary' | 'issuetype' | 'status' | 'created' | 'project' | 'parent' | 'storyPoints' | 'resolutiondate' | 'fixVersions' | 'reporter';

/** An issue as the app reads it; fields not asked for are null. */
export interface JiraIssue {
  id: string;
  key: string;
  summary: string | null;
  type: IssueTypeInfo | null;
  status: { name: string; category: string } | null;
  /** ISO instant. */
  created: string | null;
  project: { id: string; key: string } | null;
  parent: { id: string; key: string; hierarchyLevel: number | null } | null;
  storyPoints: number | null;
  /** ISO instant the issue was resolved; null while open or when not asked for. */
  resolved?: string | null;
  /** Ids of its fix versions; empty when none or not asked for. */
  fixVersionIds?: string[];
  /** The reporter's account id when asked for; null when the issue has none (or Jira hides it). */
  reporter?: string | null;
  /** The requested entity properties the issue has, by key (absent ones are left out). */
  properties: Record<string, unknown>;
}

export interface IssueSearch {
  jql: string;
  fields: IssueField[];
  properties?: string[];
  maxResults: number;
  nextPageToken?: string;
}

export interface IssuePage {
  issues: JiraIssue[];
  /** null on the last page. */
  nextPageToken: string | null;
}

/** An issue to create as the caller (`POST /issue`), with entity properties set in the same call. */
export interface NewIssue {
  projectId: string;
  issueTypeId: string;
  summary: string;
  /** Plain text; sent as one Atlassian Document Format paragraph per line. */
  description: string;
  properties: Record<string, unknown>;
}

/** Jira created the issue, or refused (400/403/422: its own words, field by field where it says which). */
export type IssueCreation =
  | { created: true; id: string; key: string }
  | { created: false; status: number; messages: string[]; fields: Record<string, string> };

/** The outcome of writing an entity property: Jira refused (403), or cannot find the issue (404). */
export type PropertyWrite = 'ok' | 'forbidden' | 'not-found';

export interface JiraPort extends JiraProjectCalls, JiraSiteCalls {
  /** The caller's permissions on one project, by id or key (one `mypermissions` call); all false when it is hidden or gone. */
  projectPermissions(projectIdOrKey: string): Promise<ProjectPermissions>;
  /** The caller's permissions on one issue (one `mypermissions` call); both false when it is hidden. */
  issuePermissions(issueIdOrKey: string): Promise<IssuePermissions>;
  /** Display names for account ids the caller may see; unknown ids are left out. */
  usersByIds(accountIds: string[]): Promise<Person[]>;
  /** People who can be assigned work in the project: candidates for goal owner. */
  assignableUsers(projectKey: string): Promise<Person[]>;
  /** The project's issue types with their hierarchy levels; null when the project is hidden or gone. */
  projectIssueTypes(projectId: string): Promise<IssueTypeInfo[] | null>;
  /**
   * The issue types the caller may create in the project (Jira's create metadata, every page): empty
   * when they may create none; null when Jira does not show them the project.
   */
  creatableIssueTypes(projectId: string): Promise<IssueTypeInfo[] | null>;
  /** Creates an issue as the caller; Jira's refusal comes back as a value, an outage throws JiraError. */
  createIssue(issue: NewIssue): Promise<IssueCreation>;
  /** One issue, or null when it does not exist or the caller cannot see it. */
  getIssue(issueIdOrKey: string, select: { fields: IssueField[]; properties?: string[] }): Promise<JiraIssue | null>;
  /** One page of `/search/jql`. A JQL or token Jira refuses throws JiraError BAD_RESPONSE with status 400. */
  searchIssues(search: IssueSearch): Promise<IssuePage>;
  /** `/search/approximate-count`: one call, however many issues match. */
  countIssues(jql: string): Promise<number>;
  setIssueProperty(issueIdOrKey: string, propertyKey: string, value: unknown): Promise<PropertyWrite>;
  /** Jira answers 404 both when the property is absent and when the caller may not edit the issue. */
  deleteIssueProperty(issueIdOrKey: string, propertyKey: string): Promise<PropertyWrite>;
  /** The project's versions (`/project/{id}/versions`); null when the project is hidden or gone. */
  projectVersions(projectIdOrKey: string): Promise<JiraVersion[] | null>;
  /** Jira's own check of JQL queries (`POST /jql/parse`, strict): its messages, or the query's structure. */
  parseJql(queries: string[]): Promise<ParsedJql[]>;
}

/** A project version (fixVersion), as post-launch tracking reads it. */
export interface JiraVersion {
  id: string;
  name: string;
  released: boolean;
  archived: boolean;
  /** YYYY-MM-DD */
  releaseDate: string | null;
  startDate: string | null;
}

/** One query as Jira parsed it: `errors` (Jira's words) when it is not valid, else its `structure`. */
export interface ParsedJql {
  query: string;
  errors: string[];
  structure: unknown;
}

/** What the Jira client tells listeners each time it backs off on a 429 or 503 before trying again. */
export interface RetryNotice {
  what: string;
  status: number;
  /** The attempt that failed (1 = the first). */
  attempt: number;
  maxAttempts: number;
  delayMs: number;
}

export type RetryListener = (notice: RetryNotice) => void | Promise<void>;

/** Lets a long-running use case show "retrying" while the client waits out a rate limit. */
export interface RetryFeed {
  subscribe(listener: RetryListener): () => void;
}

/**
 * `NOT_CONNECTED`: the platform refused the call to Jira (from Confluence, before Jira is connected to the
 * installation). `PROXY_ERROR`: Forge's proxy failed the call itself (its `forge-proxy-error` reason is in the message).
 */
export type JiraErrorCode = 'UNAUTHENTICATED' | 'RATE_LIMITED' | 'UNAVAILABLE' | 'BAD_RESPONSE' | 'NOT_CONNECTED' | 'PROXY_ERROR';

/** Jira failed in a way the user cannot fix (outage, rate limit after retries, bad answer). */
export class JiraError extends Error {
  constructor(
    readonly code: JiraErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'JiraError';
  }
}
