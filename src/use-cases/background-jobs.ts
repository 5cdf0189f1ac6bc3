/**
 * The daily trigger and the queue consumer dispatch through this registry. Each job type names
 * its handler; a job of an unknown type (an old event after an upgrade, a hand-written event) is
 * reported and dropped rather than retried forever.
 */
import type { BackgroundJob, Deps, JobQueue } from '../ports';

export type JobHandler = (deps: Deps, job: BackgroundJob, queue: JobQueue) => Promise<void>;

export interface JobRegistry {
  /** Jobs the daily trigger starts. */
  daily: Array<() => BackgroundJob>;
  handlers: Record<string, JobHandler>;
}

/** Job types arrive with the features that need them (alignment snapshots, KPI measurements). */
export const jobRegistry: JobRegistry = { daily: [], handlers: {} };

export async function startDailyJobs(queue: JobQueue, registry: JobRegistry = jobRegistry): Promise<number> {
  const jobs = registry.daily.map((make) => make());
  if (jobs.length) await queue.push(jobs);
  return jobs.length;
}

export type JobOutcome = 'done' | 'unknown-type';

export async function runJob(
  deps: Deps,
  body: unknown,
  queue: JobQueue,
  registry: JobRegistry = jobRegistry,
): Promise<JobOutcome> {
  const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
  const handler = typeof type === 'string' && Object.hasOwn(registry.handlers, type) ? registry.handlers[type] : undefined;
  if (!handler) {
    console.warn('Dropping a background job of unknown type', type);
    return 'unknown-type';
  }
  await handler(deps, body as BackgroundJob, queue);
  return 'done';
}
