/** What the portfolio and company goals ask of Jira across projects: bulk permissions, groups, people. */
import type { Person } from '../contract/goals/model';
import type { NamedGroup } from '../contract/portfolio/portfolio';

export interface BulkPermissionCheck {
  /** Project ids to check; Jira checks at most 1,000 a request, so more are sent in batches. */
  projectIds: string[];
  projectPermissions: string[];
  globalPermissions: string[];
}

export interface BulkPermissionAnswer {
  /** The global permissions the caller holds. */
  global: string[];
  /** Per project permission, the ids of the projects (of those asked) where the caller holds it. */
  projects: Record<string, string[]>;
}

export interface JiraSiteCalls {
  /** `POST /permissions/check` as the caller: one call per 1,000 projects (one when none are asked). */
  bulkPermissions(check: BulkPermissionCheck): Promise<BulkPermissionAnswer>;
  /** The caller's groups (`GET /myself?expand=groups`); empty when nobody is signed in. */
  myGroups(): Promise<NamedGroup[]>;
  /** Active people whose names match (`GET /user/search`); needs Browse users and groups. */
  findPeople(query: string): Promise<Person[]>;
  /** Groups whose names contain `query` (`GET /groups/picker`). */
  findGroups(query: string): Promise<NamedGroup[]>;
}
