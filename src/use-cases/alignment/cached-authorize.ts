/**
 * Authorization for paging a list: the first page asks Jira and remembers the answer for two
 * minutes; the next pages of the same user in the same project reuse it. Jira's rate limits count
 * permission calls too, and a list of 1,000 epics is 20 pages.
 */
import { fail, ok, type Result } from '../../contract';
import type { Caller, Deps } from '../../ports';
import { authorize, type Authorized } from '../shared/authorize';
import { cachePermissions, readCachedPermissions } from '../../storage/permissions';

export const PERMISSION_CACHE_SECONDS = 120;

export async function authorizeListing(deps: Deps, caller: Caller, continuing: boolean): Promise<Result<Authorized>> {
  if (!continuing || !caller.accountId || !caller.project) {
    const auth = await authorize(deps, caller, 'read');
    if (auth.ok) await cachePermissions(deps, auth.data.project.id, auth.data.accountId, auth.data.permissions, PERMISSION_CACHE_SECONDS);
    return auth;
  }
  const cached = await readCachedPermissions(deps, caller.project.id, caller.accountId);
  if (!cached) return authorizeListing(deps, caller, false);
  if (!cached.canBrowse) return fail('NO_ACCESS', "You don't have access to this project's vision.");
  return ok({ accountId: caller.accountId, project: caller.project, permissions: cached });
}
