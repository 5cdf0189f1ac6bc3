/** Candidates for goal owner: the project's assignable people, as Jira shows them to this admin. */
import type { Person } from '../../contract';
import { ok, type Result } from '../../contract/shared/result';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';

export async function listPeople(deps: Deps, caller: Caller): Promise<Result<Person[]>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  return ok(await deps.jira.assignableUsers(auth.data.project.key));
}
