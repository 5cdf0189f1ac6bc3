/**
 * Forge wiring of the Confluence macro: its ports (Jira through `requestJira`, as the viewer; the
 * app's ids for links to the project page), its resolver and the `adfExport` entry point.
 */
import { getAppContext } from '@forge/api';
import { appInfoFromAris, type AppInfo } from '../../domain/jira-links';
import { macroHandlers, type MacroDepsFactory } from '../../resolvers/macro-resolver';
import { macroExportHandler } from '../../resolvers/macro-export';
import { createJiraClient } from '../jira/jira-rest-client';
import { systemClock } from '../system';
import { forgeJiraHttp } from './forge-jira-http';
import { toForgeResolver } from './forge-resolver';

/** Jira retries must end well inside a resolver's 25 s. */
const MACRO_JIRA_BUDGET_MS = 15_000;

function appInfo(): AppInfo | null {
  try {
    const { appAri, environmentAri } = getAppContext();
    if (appAri?.appId && environmentAri?.environmentId) return { appId: appAri.appId, environmentId: environmentAri.environmentId };
    return appInfoFromAris(String(appAri), String(environmentAri));
  } catch {
    return null;
  }
}

/** In Forge, `asUser()` already means the invoking user, so the ports do not depend on the caller. */
export const forgeMacroDeps: MacroDepsFactory = () => ({
  jira: createJiraClient(forgeJiraHttp, { deadline: Date.now() + MACRO_JIRA_BUDGET_MS }),
  clock: systemClock,
  app: appInfo(),
});

export const macroResolver = toForgeResolver(macroHandlers(forgeMacroDeps));

export const macroExport = macroExportHandler(forgeMacroDeps);
