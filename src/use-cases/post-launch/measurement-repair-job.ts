/**
 * The daily sweep of measurement writes that stopped half-way: the daily trigger starts
 * `kpi-repair-all`, which pages through the registry of projects (20 an event, then itself again for
 * the next page) and brings each project's derived KPI data in step with its stored measurements
 * (storage/measurement-repair.ts). A project with nothing pending costs one query.
 */
import type { BackgroundJob, Deps, JobQueue } from '../../ports';
import { repairProjectMeasurements } from '../../storage/measurement-repair';
import { listRegisteredProjects } from '../../storage/registry';

export const REPAIR_ALL_JOB = 'kpi-repair-all';

/** A write still under way after this long never will be (the longest invocation is 15 minutes). */
export const STALE_NOTE_MS = 60 * 60 * 1000;

export const repairAllJob = (cursor?: string): BackgroundJob => ({ type: REPAIR_ALL_JOB, ...(cursor ? { cursor } : {}) });

export async function repairAll(deps: Deps, job: BackgroundJob, queue: JobQueue): Promise<void> {
  const cursor = typeof job.cursor === 'string' ? job.cursor : undefined;
  const staleBefore = new Date(deps.clock.now().getTime() - STALE_NOTE_MS).toISOString();
  // Every registered project once, in no assumed order.
  const page = await listRegisteredProjects(deps, cursor);
  for (const { value } of page.results) await repairProjectMeasurements(deps, value.projectId, { staleBefore });
  if (page.nextCursor) await queue.push([repairAllJob(page.nextCursor)]);
}
