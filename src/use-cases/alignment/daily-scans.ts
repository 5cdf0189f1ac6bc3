/**
 * The daily trigger's fan-out: one pass per project that uses the app. The registry is read a few
 * storage pages per event; when there are more, the event hands on to the next with the cursor.
 */
import type { BackgroundJob, Deps, JobQueue } from '../../ports';
import { listRegisteredProjects } from '../../storage/registry';
import { startScan } from './start-scan';

export const DAILY_JOB = 'alignment-daily';
const PAGES_PER_EVENT = 5;

export const dailyJob = (cursor?: string): BackgroundJob => ({ type: DAILY_JOB, ...(cursor ? { cursor } : {}) });

export async function runDailyScans(deps: Deps, body: BackgroundJob, queue: JobQueue): Promise<void> {
  let cursor = typeof body.cursor === 'string' ? body.cursor : undefined;
  const jobs: BackgroundJob[] = [];
  for (let page = 0; page < PAGES_PER_EVENT; page++) {
    // Every registered project once, in no assumed order.
    const found = await listRegisteredProjects(deps, cursor);
    for (const { value } of found.results) {
      const start = await startScan(deps, { id: value.projectId, key: value.projectKey }, 'daily');
      if (start.started) jobs.push(start.job);
    }
    cursor = found.nextCursor;
    if (!cursor) break;
  }
  if (cursor) jobs.push(dailyJob(cursor));
  if (jobs.length) await queue.push(jobs);
}
