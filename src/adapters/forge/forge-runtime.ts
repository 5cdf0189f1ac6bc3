/**
 * Forge wiring: the ports backed by Forge services, the resolver built from the app's handlers,
 * and the trigger and consumer entry points. `src/index.ts` exports these to the manifest.
 */
import { Queue } from '@forge/events';
import type { Deps, JobQueue } from '../../ports';
import type { DepsFactory } from '../../resolvers/endpoint';
import { runJob, startDailyJobs } from '../../use-cases/background-jobs';
import { createJiraClient } from '../jira/jira-rest-client';
import { randomIds, systemClock } from '../system';
import { forgeJiraHttp } from './forge-jira-http';
import { ForgeKvsStore } from './kvs-store';

export const QUEUE_KEY = 'background-jobs';

/** In Forge, `asUser()` already means the invoking user, so the ports do not depend on the caller. */
export const forgeDeps: DepsFactory = () => ({
  store: new ForgeKvsStore(),
  jira: createJiraClient(forgeJiraHttp),
  clock: systemClock,
  ids: randomIds,
});

const forgeQueue: JobQueue = {
  async push(jobs) {
    const queue = new Queue({ key: QUEUE_KEY });
    // A push takes at most 50 events.
    for (let i = 0; i < jobs.length; i += 50) await queue.push(jobs.slice(i, i + 50).map((body) => ({ body })));
  },
};

export async function dailyTriggerHandler(): Promise<{ statusCode: number; headers: Record<string, string[]>; body: string }> {
  await startDailyJobs(forgeQueue);
  return { statusCode: 200, headers: {}, body: "" };
}

export async function queueConsumerHandler(event: { body?: unknown }): Promise<void> {
  const deps: Deps = forgeDeps({ accountId: null, project: null });
  await runJob(deps, event.body, forgeQueue);
}
