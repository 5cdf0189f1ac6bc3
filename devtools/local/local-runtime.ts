/**
 * The ports wired to local adapters, with the app's one composition (src/main/compose.ts): what the
 * fast tests, the benchmarks and the preview's demo data run on in-process.
 */
import { composeJobDeps, composeResolverDeps, type RetryTuning } from '../../src/main/compose';
import type { Clock, Deps, IdGenerator, JobQueue, KeyValueStore, PersonalDataReporter } from '../../src/ports';
import type { DepsFactory } from '../../src/resolvers/endpoint';
import { jobRegistry, runJob, type JobRegistry } from '../../src/use-cases/shared/background-jobs';
import { InProcessQueue, type InProcessQueueOptions } from './in-process-queue';
import { localJiraHttp } from './local-jira-http';
import { LOCAL_APP } from './local-macro';
import { localPersonalDataReporter } from './local-privacy';
import type { JiraSite } from '../simulated-jira/site';

export interface LocalRuntimeOptions {
  store: KeyValueStore;
  site: JiraSite;
  clock?: Clock;
  ids?: IdGenerator;
  /** Injected into the Jira client's retry policy so tests never wait. */
  sleep?: (ms: number) => Promise<void>;
  /** The background queue resolvers push to; without one, pushing fails. */
  queue?: JobQueue;
  /** How long one Jira call may hang before it fails (the client's default otherwise); tests shorten it. */
  jiraTimeoutMs?: number;
  /** The personal data report; by default it answers from the site's closed accounts. */
  personalData?: PersonalDataReporter;
}

const noQueue: JobQueue = {
  push: async () => {
    throw new Error('No background queue is configured for this local runtime');
  },
};

const retryTuning = (o: LocalRuntimeOptions): RetryTuning => ({
  ...(o.sleep ? { sleep: o.sleep } : {}),
  ...(o.jiraTimeoutMs !== undefined ? { timeoutMs: o.jiraTimeoutMs } : {}),
});

const parts = (o: LocalRuntimeOptions) => ({
  store: o.store,
  queue: o.queue ?? noQueue,
  retry: retryTuning(o),
  ...(o.clock ? { clock: o.clock } : {}),
  ...(o.ids ? { ids: o.ids } : {}),
});

/** Unlike Forge, the local Jira needs to be told who is asking: the caller from the context. */
export const localDeps = (o: LocalRuntimeOptions): DepsFactory => (caller) =>
  composeResolverDeps({ ...parts(o), jiraHttp: localJiraHttp(o.site, caller.accountId), app: LOCAL_APP });

/** The ports for one background event: Jira as the app, with back-off notices for progress. */
export const localJobDeps = (o: LocalRuntimeOptions): Deps =>
  composeJobDeps({ ...parts(o), jiraHttp: localJiraHttp(o.site, null), personalData: o.personalData ?? localPersonalDataReporter(o.site) });

export interface LocalRuntime {
  makeDeps: DepsFactory;
  queue: InProcessQueue;
}

/** Resolver ports and an in-process queue whose events run the app's real job handlers. */
export function createLocalRuntime(
  o: Omit<LocalRuntimeOptions, 'queue'> & { queueOptions?: InProcessQueueOptions; registry?: JobRegistry },
): LocalRuntime {
  const queue = new InProcessQueue(o.queueOptions);
  const options: LocalRuntimeOptions = { ...o, queue };
  queue.connect((body, attempt) => runJob(localJobDeps(options), body, queue, o.registry ?? jobRegistry, attempt));
  return { makeDeps: localDeps(options), queue };
}
