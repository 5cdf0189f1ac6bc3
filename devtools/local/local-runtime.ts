/** The ports wired to local adapters: what the preview, the tests and the benchmarks run on. */
import type { Clock, Deps, IdGenerator, JobQueue, KeyValueStore, PersonalDataReporter } from '../../src/ports';
import type { DepsFactory } from '../../src/resolvers/endpoint';
import { jobRegistry, runJob, type JobRegistry } from '../../src/use-cases/background-jobs';
import { asApp } from '../../src/adapters/jira/as-app';
import { createJiraClient } from '../../src/adapters/jira/jira-rest-client';
import { createRetryFeed } from '../../src/adapters/jira/retry-feed';
import { randomIds, systemClock } from '../../src/adapters/system';
import { InProcessQueue, type InProcessQueueOptions } from './in-process-queue';
import { localJiraHttp } from './local-jira-http';
import { localPersonalDataReporter } from './local-privacy';
import type { JiraSite } from '../simulated-jira/site';

/** A resolver's Jira retries must end inside its 25 s limit. */
export const RESOLVER_JIRA_BUDGET_MS = 20_000;
/** A queue event's Jira retries must end inside its time limit (the step itself stops at 40 s). */
export const JOB_JIRA_BUDGET_MS = 50_000;

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

const retryOptions = (o: LocalRuntimeOptions, budgetMs: number) => ({
  ...(o.sleep ? { sleep: o.sleep } : {}),
  ...(o.jiraTimeoutMs !== undefined ? { timeoutMs: o.jiraTimeoutMs } : {}),
  // With an injected sleep no time passes, so a deadline would only mislead.
  ...(o.sleep ? {} : { deadline: Date.now() + budgetMs }),
});

/** Unlike Forge, the local Jira needs to be told who is asking: the caller from the context. */
export const localDeps = (o: LocalRuntimeOptions): DepsFactory => (caller) => ({
  store: o.store,
  jira: createJiraClient(localJiraHttp(o.site, caller.accountId), retryOptions(o, RESOLVER_JIRA_BUDGET_MS)),
  clock: o.clock ?? systemClock,
  ids: o.ids ?? randomIds,
  queue: o.queue ?? noQueue,
});

/** The ports for one background event: Jira as the app, with back-off notices for progress. */
export function localJobDeps(o: LocalRuntimeOptions): Deps {
  const retries = createRetryFeed();
  return {
    store: o.store,
    jira: createJiraClient(asApp(localJiraHttp(o.site, null)), { ...retryOptions(o, JOB_JIRA_BUDGET_MS), onRetry: retries.publish }),
    clock: o.clock ?? systemClock,
    ids: o.ids ?? randomIds,
    queue: o.queue ?? noQueue,
    jiraRetries: retries,
    personalData: o.personalData ?? localPersonalDataReporter(o.site),
  };
}

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
