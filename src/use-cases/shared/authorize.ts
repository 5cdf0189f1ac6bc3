/**
 * The security gate every use case passes first. Identity and project come from the invocation
 * context (`Caller`); permissions are Jira's own answer for that user, asked once per invocation.
 */
import { fail, ok, type Result } from '../../contract/shared/result';
import type { Caller, Deps, ProjectPermissions } from '../../ports';

export type Need = 'read' | 'edit';

export interface Authorized {
  accountId: string;
  project: { id: string; key: string };
  permissions: ProjectPermissions;
}

export async function authorize(deps: Pick<Deps, 'jira'>, caller: Caller, need: Need): Promise<Result<Authorized>> {
  if (!caller.accountId) return fail('UNAUTHENTICATED', 'Sign in to Jira to see the product vision.');
  if (!caller.project) return fail('NOT_FOUND', 'This view is not inside a Jira project.');
  const permissions = await deps.jira.projectPermissions(caller.project.id);
  if (!permissions.canBrowse) return fail('NO_ACCESS', "You don't have access to this project's vision.");
  if (need === 'edit' && !permissions.canAdminister)
    return fail('FORBIDDEN', 'Only project admins can change the product vision, goals and KPIs.');
  return ok({ accountId: caller.accountId, project: caller.project, permissions });
}
