/**
 * Who may do what. A viewer is an account id, `null` for an anonymous caller, or the app's account
 * (which holds every permission, as a Forge app with the right scopes does for `asApp` calls).
 */
import type { JiraSite, ProjectPermission, SimIssue, SimProject } from './site';

export type Viewer = string | null;

export function isApp(site: JiraSite, viewer: Viewer): boolean {
  return viewer !== null && viewer === site.appAccountId;
}

export function isSiteAdmin(site: JiraSite, viewer: Viewer): boolean {
  return viewer !== null && site.siteAdmins.has(viewer) && isActive(site, viewer);
}

function isActive(site: JiraSite, accountId: string): boolean {
  return site.users.get(accountId)?.active === true;
}

export function hasProjectPermission(
  site: JiraSite,
  viewer: Viewer,
  project: SimProject,
  permission: ProjectPermission,
): boolean {
  if (viewer === null) return false;
  if (isApp(site, viewer)) return true;
  if (!isActive(site, viewer)) return false;
  // Jira admins may administer every project, but browse only where a role lets them.
  if (permission === 'ADMINISTER_PROJECTS' && isSiteAdmin(site, viewer)) return true;
  return project.permissionScheme[permission].some((role) => project.roles[role]?.includes(viewer));
}

/** A project is visible (GET project, project search, versions…) to those who browse or administer it. */
export function canSeeProject(site: JiraSite, viewer: Viewer, project: SimProject): boolean {
  return (
    hasProjectPermission(site, viewer, project, 'BROWSE_PROJECTS') ||
    hasProjectPermission(site, viewer, project, 'ADMINISTER_PROJECTS')
  );
}

export function canBrowseIssue(site: JiraSite, viewer: Viewer, issue: SimIssue): boolean {
  const project = site.projects.find((p) => p.id === issue.projectId);
  return project !== undefined && hasProjectPermission(site, viewer, project, 'BROWSE_PROJECTS');
}

export function visibleProjects(site: JiraSite, viewer: Viewer): SimProject[] {
  return site.projects.filter((p) => canSeeProject(site, viewer, p));
}

export function browsableIssues(site: JiraSite, viewer: Viewer): SimIssue[] {
  return site.issues.filter((i) => canBrowseIssue(site, viewer, i));
}

/** Jira's ids and names for the permissions the simulator models. */
export const PERMISSION_INFO: Record<string, { id: string; name: string; type: 'GLOBAL' | 'PROJECT'; description: string }> = {
  ADMINISTER: {
    id: '0',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.',
  },
  BROWSE_PROJECTS: {
    id: '10',
    name: 'Browse Projects',
    type: 'PROJECT',
    description: 'Ability to browse projects and the issues within them.',
  },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.' },
  ASSIGNABLE_USER: {
    id: '17',
    name: 'Assignable User',
    type: 'PROJECT',
    description: 'Users with this permission may be assigned to issues.',
  },
  ADMINISTER_PROJECTS: {
    id: '23',
    name: 'Administer Projects',
    type: 'PROJECT',
    description: 'Ability to administer a project in Jira.',
  },
};
