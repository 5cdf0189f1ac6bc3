/**
 * What the use cases ask of Jira. Every call is made as the user unless it says otherwise,
 * so Jira's own permissions apply.
 */
import type { Person } from '../contract/model';

export interface ProjectPermissions {
  canBrowse: boolean;
  canAdminister: boolean;
}

export interface JiraPort {
  /** The caller's permissions on one project (one `mypermissions` call). */
  projectPermissions(projectId: string): Promise<ProjectPermissions>;
  /** Display names for account ids the caller may see; unknown ids are left out. */
  usersByIds(accountIds: string[]): Promise<Person[]>;
  /** People who can be assigned work in the project: candidates for goal owner. */
  assignableUsers(projectKey: string): Promise<Person[]>;
}

export type JiraErrorCode = 'UNAUTHENTICATED' | 'RATE_LIMITED' | 'UNAVAILABLE' | 'BAD_RESPONSE';

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
