/** The issue panel's gate: a signed-in user, an issue in the context, and Jira's permissions on it. */
import { fail, ok, type Result } from '../../contract';
import type { Caller, Deps, IssuePermissions } from '../../ports';

export interface PanelAccess {
  accountId: string;
  issue: { id: string; key: string };
  permissions: IssuePermissions;
}

export async function panelAccess(deps: Pick<Deps, 'jira'>, caller: Caller): Promise<Result<PanelAccess>> {
  if (!caller.accountId) return fail('UNAUTHENTICATED', 'Sign in to Jira to see the business goal.');
  if (!caller.issue) return fail('NOT_FOUND', 'This view is not on a Jira issue.');
  const permissions = await deps.jira.issuePermissions(caller.issue.id);
  if (!permissions.canBrowse) return fail('NO_ACCESS', "You can't see this issue, or it no longer exists.");
  return ok({ accountId: caller.accountId, issue: caller.issue, permissions });
}
