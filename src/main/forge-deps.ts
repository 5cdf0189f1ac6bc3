/**
 * The ports on Forge: KVS, `requestJira`, the job queue and the personal data report. In Forge,
 * `asUser()` already means the invoking user, so the ports do not depend on the caller.
 */
import { forgeAppInfo } from '../adapters/forge/forge-app-info';
import { forgeJiraHttp } from '../adapters/forge/forge-jira-http';
import { forgePersonalDataReporter } from '../adapters/forge/forge-privacy';
import { forgeQueue } from '../adapters/forge/forge-queue';
import { ForgeKvsStore } from '../adapters/forge/kvs-store';
import type { Deps } from '../ports';
import type { DepsFactory } from '../resolvers/endpoint';
import type { MacroDepsFactory } from '../resolvers/macro-resolver';
import { composeJobDeps, composeMacroDeps, composeResolverDeps } from './compose';

export const forgeDeps: DepsFactory = () =>
  composeResolverDeps({ store: new ForgeKvsStore(), jiraHttp: forgeJiraHttp, queue: forgeQueue, app: forgeAppInfo() });

export const forgeJobDeps = (): Deps =>
  composeJobDeps({ store: new ForgeKvsStore(), jiraHttp: forgeJiraHttp, queue: forgeQueue, personalData: forgePersonalDataReporter });

export const forgeMacroDeps: MacroDepsFactory = () => composeMacroDeps({ jiraHttp: forgeJiraHttp, app: forgeAppInfo() });
