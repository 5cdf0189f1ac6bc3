/**
 * What Confluence readers see of this project's vision, for its admins on the settings page: the macro's own
 * path (`loadMacro`) with a macro set to this project, every section, the latest version, and Jira asked as the
 * admin (as the macro asks as its viewer). The same view, or the same refusal ("not published yet"…), a
 * stakeholder gets.
 */
import { fail, type Result } from '../../contract';
import { MACRO_SECTIONS, type MacroConfig, type MacroView } from '../../contract/macro/macro';
import type { Caller, Deps, JiraPort } from '../../ports';
import { authorize } from '../shared/authorize';
import { loadMacro } from './load-macro';

export async function readerView(deps: Deps, caller: Caller): Promise<Result<MacroView>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const { accountId, project, permissions } = auth.data;
  if (!permissions.canAdminister)
    return fail('FORBIDDEN', 'Only project admins can preview what Confluence readers see; everyone else sees it in the Product vision macro on a Confluence page.');
  // Jira was just asked for this user's permissions: the macro's own browse check reuses the answer instead of asking again.
  const jira: JiraPort = { ...deps.jira, projectPermissions: async (id) => (id === project.id ? permissions : deps.jira.projectPermissions(id)) };
  const config: MacroConfig = { projectId: project.id, projectKey: project.key, sections: [...MACRO_SECTIONS], version: 'latest' };
  return loadMacro({ jira, clock: deps.clock, app: deps.app ?? null }, { accountId, config: { ok: true, config } });
}
