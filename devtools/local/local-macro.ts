/**
 * The Confluence macro's ports on local adapters (preview, tests): the simulated Jira as the viewer,
 * and a switch that stands for "Jira not connected to the installation" by refusing every Jira call
 * the way Forge does (a NOT_CONNECTED JiraError from the transport).
 */
import type { AppInfo } from '../../src/domain/shared/jira-links';
import { JiraError, type Clock } from '../../src/ports';
import type { JiraHttp } from '../../src/ports/jira-http.port';
import type { MacroDepsFactory } from '../../src/resolvers/macro-resolver';
import { composeMacroDeps } from '../../src/main/compose';
import { localJiraHttp } from './local-jira-http';
import type { JiraSite } from '../simulated-jira/site';

/** The ids the preview uses for links to the app's project page (Forge gives real ones). */
export const LOCAL_APP: AppInfo = { appId: '00000000-0000-4000-8000-000000000000', environmentId: 'local' };

export const notConnectedHttp: JiraHttp = async () => {
  throw new JiraError('NOT_CONNECTED', 'Request jira is not allowed from confluence context.');
};

export interface LocalMacroOptions {
  site: JiraSite;
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  /** false: behave as a Confluence whose site admin has not connected Jira yet. */
  jiraConnected?: () => boolean;
}

export const localMacroDeps = (o: LocalMacroOptions): MacroDepsFactory => (accountId) =>
  composeMacroDeps({
    jiraHttp: o.jiraConnected && !o.jiraConnected() ? notConnectedHttp : localJiraHttp(o.site, accountId),
    app: LOCAL_APP,
    ...(o.clock ? { clock: o.clock } : {}),
    ...(o.sleep ? { retry: { sleep: o.sleep } } : {}),
  });
