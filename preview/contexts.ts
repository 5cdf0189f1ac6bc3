/**
 * Forge-like invocation contexts for each surface of the preview, as Jira or Confluence would
 * give them to the app (`view.getContext()` in the UI, `context` in the resolver).
 */
export const SURFACES = {
  settings: { moduleKey: 'vision-settings', type: 'jira:projectSettingsPage', product: 'jira', title: 'Project settings › Product vision' },
  'project-page': { moduleKey: 'vision-project-page', type: 'jira:projectPage', product: 'jira', title: 'Project › Product vision' },
  'issue-panel': { moduleKey: 'vision-issue-panel', type: 'jira:issuePanel', product: 'jira', title: 'Issue › Business goal' },
  macro: { moduleKey: 'vision-macro', type: 'macro', product: 'confluence', title: 'Confluence page › Product vision macro' },
  'macro-config': { moduleKey: 'vision-macro', type: 'macro', product: 'confluence', title: 'Confluence editor › Macro settings' },
} as const;

export type SurfaceName = keyof typeof SURFACES;
export const isSurface = (s: string): s is SurfaceName => Object.prototype.hasOwnProperty.call(SURFACES, s);

export interface PreviewProject {
  id: string;
  key: string;
  type: string;
  firstIssue: { id: string; key: string; type: string; typeId: string };
}

export const CLOUD_ID = 'preview-cloud-0000';
export const SITE_URL = 'http://localhost';

/** The context the UI reads and the resolver receives (identity comes separately, as the principal). */
export function forgeContext(surface: SurfaceName, accountId: string | null, project: PreviewProject, theme: 'light' | 'dark') {
  const s = SURFACES[surface];
  const jiraExtension =
    s.type === 'jira:issuePanel'
      ? { type: s.type, project: { id: project.id, key: project.key, type: project.type }, issue: project.firstIssue }
      : { type: s.type, project: { id: project.id, key: project.key, type: project.type } };
  const extension =
    s.product === 'jira'
      ? jiraExtension
      : { type: s.type, content: { id: '65537', type: 'page' }, space: { id: '98305', key: 'VISION' }, isEditing: surface === 'macro-config', config: {} };
  return {
    accountId: accountId ?? undefined,
    cloudId: CLOUD_ID,
    siteUrl: SITE_URL,
    moduleKey: s.moduleKey,
    localId: `${s.moduleKey}-preview`,
    environmentType: 'DEVELOPMENT',
    locale: 'en-US',
    timezone: 'UTC',
    theme: { colorMode: theme },
    extension,
  };
}
