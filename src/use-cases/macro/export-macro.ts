/**
 * The macro in a PDF or Word export of its page: the same data as on screen (same access rule, as the
 * exporting user), as an ADF document; a message in its place when the vision cannot be shown.
 */
import { macroMessageToAdf, macroViewToAdf } from '../../domain/macro/macro-adf';
import { JiraError, passConsentThrough } from '../../ports';
import { loadMacro } from './load-macro';
import type { MacroCaller, MacroDeps } from './macro-caller';

const TITLES: Record<string, string> = {
  NO_ACCESS: "You don't have access to this project's vision",
  NOT_CONFIGURED: 'Product vision macro not set up',
  NOT_FOUND: 'Product vision not available',
  UNAUTHENTICATED: 'Product vision',
  JIRA_NOT_CONNECTED: 'Jira is not connected',
};

export async function exportMacro(deps: MacroDeps, caller: MacroCaller, siteUrl: string | null): Promise<Record<string, unknown>> {
  try {
    const result = await loadMacro(deps, caller);
    if (result.ok) return macroViewToAdf(result.data, siteUrl && result.data.projectPagePath ? `${siteUrl}${result.data.projectPagePath}` : null);
    return macroMessageToAdf(TITLES[result.error.code] ?? 'Product vision not available', result.error.message);
  } catch (error) {
    passConsentThrough(error);
    if (error instanceof JiraError && error.code === 'NOT_CONNECTED')
      return macroMessageToAdf(TITLES.JIRA_NOT_CONNECTED!, 'This Confluence site cannot reach Jira for the Product vision app yet: a site admin can connect Confluence to the app’s installation (Apps › Connected apps).');
    console.error('Macro export failed', error);
    return macroMessageToAdf('Product vision not available', 'Open the page in Confluence to see the vision.');
  }
}
