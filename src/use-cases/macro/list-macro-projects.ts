/** The macro's config screen: the Jira projects the editing user can browse (one Jira call, as them). */
import { fail, ok, type Result } from '../../contract';
import type { MacroProjectsPage } from '../../contract/macro/macro';
import type { MacroCaller, MacroDeps } from './macro-caller';

export async function listMacroProjects(
  deps: MacroDeps,
  caller: MacroCaller,
  input: { query?: string; startAt?: number },
): Promise<Result<MacroProjectsPage>> {
  if (!caller.accountId) return fail('UNAUTHENTICATED', 'Log in to choose a Jira project.');
  const page = await deps.jira.browsableProjects({ query: input.query || undefined, startAt: input.startAt ?? 0 });
  return ok({ projects: page.projects.map(({ id, key, name }) => ({ id, key, name })), nextStartAt: page.nextStartAt });
}
