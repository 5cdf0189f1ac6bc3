/**
 * The daily automatic measurement. The daily trigger starts `kpi-measure-all`, which pages through the
 * index of projects with automatic KPIs and queues one `kpi-measure-project` job per project (and itself
 * again for the next page); each project job counts its KPIs' JQL (`search/approximate-count`) and
 * records the counts as today's values. Jobs run with a Jira port that calls as the app.
 */
import type { KpiSource } from '../../contract/post-launch/post-launch';
import { isOutlier } from '../../domain/goals/plausible-values';
import { dayOf } from '../../domain/post-launch/days';
import { JiraError, type BackgroundJob, type Deps, type JobQueue } from '../../ports';
import { readGoalBook } from '../../storage/books';
import { listAutomaticProjects, readSources, unindexAutomaticProject, updateSources } from '../../storage/kpi-sources';
import { readLaunchBook } from '../../storage/launches';
import { writeMeasurement } from '../../storage/measurements';
import { figuresChanged } from '../macro/current-figures';

export const MEASURE_ALL_JOB = 'kpi-measure-all';
export const MEASURE_PROJECT_JOB = 'kpi-measure-project';

/** What the daily trigger queues. */
export const measureAllJob = (): BackgroundJob => ({ type: MEASURE_ALL_JOB });

/** One page (20) of the index of projects with automatic KPIs: a job per project, and the next page. */
export async function measureAll(deps: Deps, job: BackgroundJob, queue: JobQueue): Promise<void> {
  const cursor = typeof job.cursor === 'string' ? job.cursor : undefined;
  // Every indexed project once, in no assumed order.
  const page = await listAutomaticProjects(deps, cursor);
  const jobs: BackgroundJob[] = page.results.map((r) => ({ type: MEASURE_PROJECT_JOB, projectId: r.value.projectId, projectKey: r.value.projectKey }));
  if (page.nextCursor) jobs.push({ type: MEASURE_ALL_JOB, cursor: page.nextCursor });
  if (jobs.length) await queue.push(jobs);
}

async function whyRefused(deps: Deps, jql: string, error: unknown): Promise<string> {
  if (error instanceof JiraError && error.status === 400) {
    const [parsed] = await deps.jira.parseJql([jql]).catch(() => []);
    if (parsed?.errors.length) return parsed.errors.join(' ');
    return 'Jira refused the JQL.';
  }
  return 'Jira did not answer; the next daily run tries again.';
}

/**
 * Counts each automatic KPI of one project and records today's value. A KPI deleted since loses its
 * source; a JQL Jira now refuses keeps it, with Jira's message as the last run.
 */
export async function measureProject(deps: Deps, job: BackgroundJob): Promise<void> {
  const projectId = String(job.projectId ?? '');
  if (!/^\d{1,18}$/.test(projectId)) return;
  const [sourcesDoc, goalBook, launchBook] = await Promise.all([
    readSources(deps, projectId, String(job.projectKey ?? '')),
    readGoalBook(deps, projectId),
    readLaunchBook(deps, projectId),
  ]);
  const live = new Map(goalBook.kpis.map((k) => [k.id, k]));
  const now = deps.clock.now();
  const at = now.toISOString();
  const date = dayOf(now);
  const runs: Record<string, KpiSource['lastRun']> = {};
  for (const source of Object.values(sourcesDoc.sources)) {
    const kpi = live.get(source.kpiId);
    if (!kpi) continue;
    try {
      const count = await deps.jira.countIssues(source.jql);
      // Nobody sees a daily count arrive: a far-off one waits, unconfirmed, for an admin (verdicts leave it out).
      const outlier = isOutlier(kpi, count) ? 'unconfirmed' : null;
      await writeMeasurement(
        deps,
        projectId,
        { kpiId: source.kpiId, day: date, value: count, note: '', source: 'jql', by: null, at, baseRevision: 'latest', outlier },
        launchBook,
      );
      runs[source.kpiId] = { at, date, count, error: null };
    } catch (error) {
      if (!(error instanceof JiraError)) throw error;
      runs[source.kpiId] = { at, date, count: null, error: await whyRefused(deps, source.jql, error) };
    }
  }
  const doc = await updateSources(deps, projectId, String(job.projectKey ?? ''), (d) => {
    const sources: Record<string, KpiSource> = {};
    for (const [kpiId, s] of Object.entries(d.sources)) {
      if (!live.has(kpiId)) continue;
      sources[kpiId] = runs[kpiId] ? { ...s, lastRun: runs[kpiId] } : s;
    }
    return { ...d, sources };
  });
  if (Object.keys(doc.sources).length === 0) await unindexAutomaticProject(deps, projectId);
  await figuresChanged(deps, { id: projectId, key: String(job.projectKey ?? '') });
}
