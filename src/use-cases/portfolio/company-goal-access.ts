/**
 * Who may edit company goals: Jira administrators (Jira's ADMINISTER global permission, asked of Jira as
 * the user) and the people and groups a Jira administrator named. Asked in as few Jira calls as
 * possible: the ADMINISTER check rides on the bulk permission check the portfolio makes anyway, and the
 * caller's groups are asked only when a group is named and nothing else already decided.
 */
import { fail, ok, type Result } from '../../contract/shared/result';
import type { CompanyGoalEditors } from '../../contract/portfolio/portfolio';
import { isNamedEditor } from '../../domain/portfolio/company-goal-rules';
import type { Caller, Deps } from '../../ports';
import { readCompanyGoalEditors } from '../../storage/company-goals';

export interface SiteAccess {
  accountId: string;
  isJiraAdmin: boolean;
  canEditCompanyGoals: boolean;
  /** The projects (of those asked) the caller may browse. */
  browsable: Set<string>;
}

export function signedIn(caller: Caller): Result<string> {
  return caller.accountId ? ok(caller.accountId) : fail('UNAUTHENTICATED', 'Sign in to Jira to see company goals.');
}

/** One bulk permission check (+ the caller's groups when a named group could decide), 1 storage read. */
export async function siteAccess(deps: Deps, caller: Caller, projectIds: string[] = [], editorsRead?: CompanyGoalEditors): Promise<Result<SiteAccess>> {
  const who = signedIn(caller);
  if (!who.ok) return who;
  const accountId = who.data;
  const [answer, editors] = await Promise.all([
    deps.jira.bulkPermissions({ projectIds, projectPermissions: ['BROWSE_PROJECTS'], globalPermissions: ['ADMINISTER'] }),
    editorsRead ? Promise.resolve(editorsRead) : readCompanyGoalEditors(deps),
  ]);
  const isJiraAdmin = answer.global.includes('ADMINISTER');
  const browsable = new Set(answer.projects.BROWSE_PROJECTS ?? []);
  let canEdit = isJiraAdmin || editors.accountIds.includes(accountId);
  if (!canEdit && editors.groups.length > 0) canEdit = isNamedEditor(editors, accountId, await deps.jira.myGroups());
  return ok({ accountId, isJiraAdmin, canEditCompanyGoals: canEdit, browsable });
}

/** For the admin page's keys: Jira administrators only. */
export async function jiraAdminOnly(deps: Deps, caller: Caller): Promise<Result<{ accountId: string }>> {
  const who = signedIn(caller);
  if (!who.ok) return who;
  const answer = await deps.jira.bulkPermissions({ projectIds: [], projectPermissions: [], globalPermissions: ['ADMINISTER'] });
  if (!answer.global.includes('ADMINISTER')) return fail('FORBIDDEN', 'Only Jira administrators can name who edits company goals.');
  return ok({ accountId: who.data });
}
