/** The gadget's edit view: the Jira projects the editing user can browse (one Jira call, as them). */
import { fail, ok, type Result } from '../../contract/shared/result';
import type { GadgetProjectsPage } from '../../contract/gadget/gadget';
import type { Caller, Deps } from '../../ports';

export async function listGadgetProjects(deps: Deps, caller: Caller, input: { query?: string; startAt?: number }): Promise<Result<GadgetProjectsPage>> {
  if (!caller.accountId) return fail('UNAUTHENTICATED', 'Log in to choose a Jira project.');
  const page = await deps.jira.browsableProjects({ query: input.query || undefined, startAt: input.startAt ?? 0 });
  return ok({ projects: page.projects.map(({ id, key, name }) => ({ id, key, name })), nextStartAt: page.nextStartAt });
}
