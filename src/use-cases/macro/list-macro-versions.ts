/**
 * The macro's config screen: the published versions of a project's vision, to pin one. Read from the
 * latest published summary as the editing user (two Jira calls: Browse projects, then the summary), so
 * only someone who can browse the project sees them.
 */
import { fail, ok, type Result } from '../../contract';
import type { MacroVersions } from '../../contract/macro/macro';
import { SUMMARY_PROPERTY } from '../../contract/vision/publishing';
import { readSummary } from '../../contract/vision/summary-schema';
import { NO_ACCESS_MESSAGE } from './load-macro';
import type { MacroCaller, MacroDeps } from './macro-caller';

export async function listMacroVersions(deps: MacroDeps, caller: MacroCaller, input: { projectId: string }): Promise<Result<MacroVersions>> {
  if (!caller.accountId) return fail('UNAUTHENTICATED', 'Log in to choose a Jira project.');
  // Browse projects, as the viewer: seeing the project (a Jira admin sees them all) is not enough.
  if (!(await deps.jira.projectPermissions(input.projectId)).canBrowse) return fail('NO_ACCESS', NO_ACCESS_MESSAGE);
  const found = await deps.jira.projectWithProperties(input.projectId, [SUMMARY_PROPERTY]);
  if (!found) return fail('NO_ACCESS', NO_ACCESS_MESSAGE);
  const summary = readSummary(found.properties[SUMMARY_PROPERTY]);
  if (!summary) return ok({ versions: [], latest: null });
  return ok({ versions: summary.versions, latest: summary.version });
}
