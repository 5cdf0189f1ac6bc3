/** Where things live in Jira, relative to the site URL. Pure. */

export interface AppInfo {
  /** The app's id (the UUID in `ari:cloud:ecosystem::app/<id>`). */
  appId: string;
  environmentId: string;
}

const PRODUCT_PATH: Record<string, string> = { software: 'software', business: 'core', service_desk: 'servicedesk' };

/**
 * The app's project page (`jira:projectPage`): `/jira/{projectType}/projects/{projectKey}/apps/{appId}/{envId}`,
 * as Forge documents it; without the app's ids, the project itself.
 * @example projectPagePath({ key: 'PV', typeKey: 'software' }, { appId: 'a', environmentId: 'e' }) // '/jira/software/projects/PV/apps/a/e'
 */
export function projectPagePath(project: { key: string; typeKey: string | null }, app: AppInfo | null): string {
  const key = encodeURIComponent(project.key);
  if (!app) return `/browse/${key}`;
  const product = PRODUCT_PATH[project.typeKey ?? ''] ?? 'software';
  return `/jira/${product}/projects/${key}/apps/${encodeURIComponent(app.appId)}/${encodeURIComponent(app.environmentId)}`;
}

/** The ids in Forge's app and environment ARIs; null when they do not look like ARIs. */
export function appInfoFromAris(appAri: string | undefined, environmentAri: string | undefined): AppInfo | null {
  const app = /^ari:cloud:ecosystem::app\/([A-Za-z0-9-]+)$/.exec(appAri ?? '');
  const env = /^ari:cloud:ecosystem::environment\/[A-Za-z0-9-]+\/([A-Za-z0-9-]+)$/.exec(environmentAri ?? '');
  return app && env ? { appId: app[1]!, environmentId: env[1]! } : null;
}

/**
 * The app's project settings page (`jira:projectSettingsPage`): `/jira/software/projects/{projectKey}/settings/apps/{appId}/{envId}`,
 * as Forge documents it; without the app's ids, the project's settings.
 * @example settingsPagePath('PV', { appId: 'a', environmentId: 'e' }) // '/jira/software/projects/PV/settings/apps/a/e'
 */
export function settingsPagePath(projectKey: string, app: AppInfo | null): string {
  const key = encodeURIComponent(projectKey);
  if (!app) return `/jira/software/projects/${key}/settings`;
  return `/jira/software/projects/${key}/settings/apps/${encodeURIComponent(app.appId)}/${encodeURIComponent(app.environmentId)}`;
}
