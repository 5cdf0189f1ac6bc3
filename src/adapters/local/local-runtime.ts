/** The ports wired to local adapters: what the preview, the tests and the benchmarks run on. */
import type { Clock, IdGenerator, KeyValueStore } from '../../ports';
import type { DepsFactory } from '../../resolvers/endpoint';
import { createJiraClient } from '../jira/jira-rest-client';
import { randomIds, systemClock } from '../system';
import { localJiraHttp } from './local-jira-http';
import type { JiraSite } from './simulated-jira/site';

export interface LocalRuntimeOptions {
  store: KeyValueStore;
  site: JiraSite;
  clock?: Clock;
  ids?: IdGenerator;
  /** Injected into the Jira client's retry policy so tests never wait. */
  sleep?: (ms: number) => Promise<void>;
}

/** Unlike Forge, the local Jira needs to be told who is asking: the caller from the context. */
export const localDeps = (o: LocalRuntimeOptions): DepsFactory => (caller) => ({
  store: o.store,
  jira: createJiraClient(localJiraHttp(o.site, caller.accountId), o.sleep ? { sleep: o.sleep } : undefined),
  clock: o.clock ?? systemClock,
  ids: o.ids ?? randomIds,
});
