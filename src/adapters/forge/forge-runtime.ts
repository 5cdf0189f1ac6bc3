/**
 * Forge wiring: the ports backed by Forge services, the resolver built from the app's handlers,
 * and the trigger and consumer entry points. `src/index.ts` exports these to the manifest.
 */
import { InvocationError, InvocationErrorCode, Queue } from '@forge/events';
import { passConsentThrough, type Deps, type JobQueue } from '../../ports';
import type { DepsFactory } from '../../resolvers/endpoint';
import { JOB_MAX_RETRIES, runJob, startDailyJobs } from '../../use-cases/background-jobs';
import { asApp } from '../jira/as-app';
import { createJiraClient } from '../jira/jira-rest-client';
import { createRetryFeed } from '../jira/retry-feed';
import { randomIds, systemClock } from '../system';
import { forgeJiraHttp } from './forge-jira-http';
import { ForgeKvsStore } from './kvs-store';

export const QUEUE_KEY = 'background-jobs';
/** Jira retries must end inside a resolver's 25 s, and inside a consumer's step (which stops at 40 s). */
const RESOLVER_JIRA_BUDGET_MS = 20_000;
const JOB_JIRA_BUDGET_MS = 50_000;

export const forgeQueue: JobQueue = {
  async push(jobs) {
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
  };
}

export async function dailyTriggerHandler(): Promise<{ statusCode: number; headers: Record<string, string[]>; body: string }> {
  await startDailyJobs(forgeQueue);
  return { statusCode: 200, headers: {}, body: "" };
}

/**
 * Runs one event. A failure asks Forge to retry the same event later (with its retry count, which the
 * handlers read to know their last attempt), up to JOB_MAX_RETRIES times.
 */
export async function queueConsumerHandler(event: { body?: unknown; retryContext?: { retryCount?: number } }): Promise<InvocationError | void> {
  const retryCount = event.retryContext?.retryCount ?? 0;
  try {
    await runJob(forgeJobDeps(), event.body, forgeQueue, undefined, { retryCount, maxRetries: JOB_MAX_RETRIES });
  } catch (error) {
    passConsentThrough(error);
    console.error('A background job failed', error);
    if (retryCount >= JOB_MAX_RETRIES) return;
    return new InvocationError({ retryAfter: 30 * 2 ** retryCount, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
}
