/**
 * The daily intake: the daily trigger starts `intake-all`, which pages through the index of projects
 * with feedback sources and queues one `intake-project` job per project (and itself again for the next
 * page); each project job starts a fetch of each of its sources that is not failing (intake-run.ts).
 */
import type { BackgroundJob, Deps, JobQueue } from '../../ports';
import { listIntakeProjects, readIntakeSources, unindexIntakeProject } from '../../storage/intake';
import { startFetch } from './intake-run';

export const INTAKE_ALL_JOB = 'intake-all';
export const INTAKE_PROJECT_JOB = 'intake-project';

export const intakeAllJob = (): BackgroundJob => ({ type: INTAKE_ALL_JOB });

/** One page (20) of the index: a job per project, and the next page. */
export async function intakeAll(deps: Deps, job: BackgroundJob, queue: JobQueue): Promise<void> {
  const cursor = typeof job.cursor === 'string' ? job.cursor : undefined;
  const page = await listIntakeProjects(deps, cursor);
  const jobs: BackgroundJob[] = page.results.map((r) => ({ type: INTAKE_PROJECT_JOB, projectId: r.value.projectId, projectKey: r.value.projectKey }));
  if (page.nextCursor) jobs.push({ type: INTAKE_ALL_JOB, cursor: page.nextCursor });
  if (jobs.length) await queue.push(jobs);
}

/** Starts the daily fetch of each source of one project; a project left without sources leaves the index. */
export async function intakeProject(deps: Deps, job: BackgroundJob): Promise<void> {
  const projectId = String(job.projectId ?? '');
  const projectKey = String(job.projectKey ?? '');
  if (!/^\d{1,18}$/.test(projectId)) return;
  const doc = await readIntakeSources(deps, projectId, projectKey);
  if (doc.sources.length === 0) return unindexIntakeProject(deps, projectId);
  for (const source of doc.sources) await startFetch(deps, { id: projectId, key: doc.projectKey || projectKey }, source, 'daily');
}
