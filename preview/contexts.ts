/**
 * Forge-like invocation contexts for each surface of the preview, as Jira or Confluence would
 * give them to the app (`view.getContext()` in the UI, `context` in the resolver).
 */
export const SURFACES = {
  settings: { moduleKey: 'vision-settings', type: 'jira:projectSettingsPage', product: 'jira', title: 'Project settings › Product vision' },
  'project-page': { moduleKey: 'vision-project-page', type: 'jira:projectPage', product: 'jira', title: 'Project › Product vision' },
  'issue-panel': { moduleKey: 'vision-issue-panel', type: 'jira:issuePanel', product: 'jira', title: 'Issue › Business goal' },
  macro: { moduleKey: 'vision-macro', type: 'macro', product: 'confluence', title: 'Confluence page › Product vision macro' },
  'macro-editor': { moduleKey: 'vision-macro', type: 'macro', product: 'confluence', title: 'Confluence editor › Product vision macro' },
  'macro-config': { moduleKey: 'vision-macro', type: 'macro', product: 'confluence', title: 'Confluence editor › Macro settings' },
  gadget: { moduleKey: 'vision-gadget', type: 'jira:dashboardGadget', product: 'jira', title: 'Jira dashboard › Product vision gadget' },
  'gadget-edit': { moduleKey: 'vision-gadget', type: 'jira:dashboardGadget', product: 'jira', title: 'Jira dashboard › Product vision gadget (edit)' },
  portfolio: { moduleKey: 'product-portfolio', type: 'jira:globalPage', product: 'jira', title: 'Apps › Product portfolio' },
  'company-goals-admin': { moduleKey: 'company-goals-admin', type: 'jira:adminPage', product: 'jira', title: 'Jira settings › Apps › Product Vision: company goals' },
} as const;

export type SurfaceName = keyof typeof SURFACES;
export const isSurface = (s: string): s is SurfaceName => Object.prototype.hasOwnProperty.call(SURFACES, s);

/** The static/<resource> a surface shows: the macro in the editor is the same resource as on the page. */
export const resourceOf = (surface: SurfaceName): string => (surface === 'macro-editor' ? 'macro' : surface === 'gadget-edit' ? 'gadget' : surface);

/** The macro's local id on the preview's Confluence page (one macro on one page). */
export const MACRO_LOCAL_ID = 'vision-macro-preview';

export interface PreviewProject {
  id: string;
  key: string;
  type: string;
  firstIssue: { id: string; key: string; type: string; typeId: string };
}

export const CLOUD_ID = 'preview-cloud-0000';
export const SITE_URL = 'http://localhost';

/** The context the UI reads and the resolver receives (identity comes separately, as the principal). */
export function forgeContext(
  surface: SurfaceName,
  accountId: string | null,
  project: PreviewProject,
  theme: 'light' | 'dark',
  macroConfig?: unknown,
  /** The user's locale as Forge spells it (`de_DE`): the app reads and writes numbers in it. */
  locale = 'en_US',
) {
  const s = SURFACES[surface];
  // Site-wide pages (the global page, the admin page) are in no project: Jira gives them none.
  const jiraExtension =
    s.type === 'jira:issuePanel'
      ? { type: s.type, project: { id: project.id, key: project.key, type: project.type }, issue: project.firstIssue }
      : s.type === 'jira:dashboardGadget'
        ? // A dashboard has no project: the gadget's configuration names one (here, the preview's chosen project).
          {
            type: s.type,
            gadget: { id: '10050' },
            dashboard: { id: '10010' },
            ...(surface === 'gadget-edit' ? { entryPoint: 'edit' } : {}),
            gadgetConfiguration: { projectId: project.id, projectKey: project.key },
          }
      : s.type === 'jira:globalPage' || s.type === 'jira:adminPage'
        ? { type: s.type }
        : { type: s.type, project: { id: project.id, key: project.key, type: project.type } };
  const extension =
    s.product === 'jira'
      ? jiraExtension
      : {
          type: s.type,
          content: { id: '65537', type: 'page' },
          space: { id: '98305', key: 'VISION' },
          isEditing: surface !== 'macro',
          // As Confluence passes it: the config the config screen saved, absent before the first save.
          ...(macroConfig === undefined ? {} : { config: macroConfig }),
        };
  return {
    accountId: accountId ?? undefined,
    cloudId: CLOUD_ID,
    siteUrl: SITE_URL,
    moduleKey: s.moduleKey,
    localId: s.product === 'confluence' ? MACRO_LOCAL_ID : `${s.moduleKey}-preview`,
    environmentType: 'DEVELOPMENT',
    locale,
    timezone: 'UTC',
    theme: { colorMode: theme },
    extension,
  };
}
