/**
 * What the vision publishing and the Confluence macro ask of Jira about projects: a project with some
 * of its entity properties, whether a project exists at all, writing a project property, and the
 * projects a user can browse. Part of `JiraPort`.
 */

export interface JiraProjectRef {
  id: string;
  key: string;
  name: string;
  /** `software`, `business`, `service_desk`; null when Jira does not say. */
  typeKey: string | null;
}

export interface ProjectWithProperties {
  project: JiraProjectRef;
  /** The requested properties the project has, by key (absent ones are left out). */
  properties: Record<string, unknown>;
}

export interface ProjectSearchPage {
  projects: JiraProjectRef[];
  /** Where the next page starts; null on the last page. */
  nextStartAt: number | null;
}

/** `too-large`: Jira refused the value's size (400). */
export type ProjectPropertyWrite = 'ok' | 'forbidden' | 'not-found' | 'too-large';

export interface JiraProjectCalls {
  /**
   * As the caller: the project with the named project properties, in one `GET /project/{id}?properties=`
   * call, which is also Jira's permission check. null when Jira answers 404 (hidden from the caller, or gone).
   */
  projectWithProperties(projectIdOrKey: string, propertyKeys: string[]): Promise<ProjectWithProperties | null>;
  /**
   * As the app: the same, whatever the caller may see; null when the project is gone. Only for what a
   * project admin chose to show beyond Jira's permissions (the macro's open readers).
   */
  projectWithPropertiesAsApp(projectId: string, propertyKeys: string[]): Promise<ProjectWithProperties | null>;
  /** As the caller: writes a project property (Jira requires Administer projects for it). */
  setProjectProperty(projectId: string, propertyKey: string, value: unknown): Promise<ProjectPropertyWrite>;
  /** As the caller: one page of the projects they can browse, optionally matching a name or key. */
  browsableProjects(search: { query?: string; startAt?: number; maxResults?: number }): Promise<ProjectSearchPage>;
  /**
   * As the caller: which of these projects (by key or id, at most 50) they may browse. Projects they
   * may not browse, and ones that do not exist, are left out.
   */
  browsableAmong(keysOrIds: string[]): Promise<JiraProjectRef[]>;
}
