/**
 * The ports backed by Forge services (KVS, `requestJira`, the background job queue). Kept apart from
 * the trigger and consumer entry points so that a resolver call does not load the background jobs.
 */
import type { Deps, JobQueue } from '../../ports';
import type { DepsFactory } from '../../resolvers/endpoint';
import { asApp } from '../jira/as-app';
import { createJiraClient } from '../jira/jira-rest-client';
import { createRetryFeed } from '../jira/retry-feed';
import { randomIds, systemClock } from '../system';
import { forgeJiraHttp } from './forge-jira-http';
import { forgePersonalDataReporter } from './forge-privacy';
import { ForgeKvsStore } from './kvs-store';

export const QUEUE_KEY = 'background-jobs';
/** Jira retries must end inside a resolver's 25 s, and inside a consumer's step (which stops at 40 s). */
const RESOLVER_JIRA_BUDGET_MS = 20_000;
const JOB_JIRA_BUDGET_MS = 50_000;

export const forgeQueue: JobQueue = {
  async push(jobs) {
    // Loaded on the first push: most resolver calls never queue anything.
    const { Queue } = await import('@forge/events');
    const queue = new Queue({ key: QUEUE_KEY });
    // A push takes at most 50 events.
    for (let i = 0; i < jobs.length; i += 50) await queue.push(jobs.slice(i, i + 50).map((body) => ({ body })));
  },
};

/** In Forge, `asUser()` already means the invoking user, so the ports do not depend on the caller. */
export const forgeDeps: DepsFactory = () => ({
  store: new ForgeKvsStore(),
  jira: createJiraClient(forgeJiraHttp, { deadline: Date.now() + RESOLVER_JIRA_BUDGET_MS }),
  clock: systemClock,
  ids: randomIds,
  queue: forgeQueue,
});

/** A queue event or trigger has no user: Jira calls go as the app. */
export function forgeJobDeps(): Deps {
  const retries = createRetryFeed();
  return {
    store: new ForgeKvsStore(),
    jira: createJiraClient(asApp(forgeJiraHttp), { deadline: Date.now() + JOB_JIRA_BUDGET_MS, onRetry: retries.publish }),
    clock: systemClock,
    ids: randomIds,
    queue: forgeQueue,
    jiraRetries: retries,
    personalData: forgePersonalDataReporter,
  };
}
