/**
 * The daily trigger and the queue consumer dispatch through this registry. Each job type names
 * its handler; a job of an unknown type (an old event after an upgrade, a hand-written event) is
 * reported and dropped rather than retried forever.
 */
import type { BackgroundJob, Deps, JobAttempt, JobQueue } from '../../ports';
import { DAILY_JOB, dailyJob, runDailyScans } from '../alignment/daily-scans';
import { SCAN_JOB } from '../../storage/scans';
import { runScanStep } from '../alignment/scan-step';
import { MEASURE_ALL_JOB, MEASURE_PROJECT_JOB, measureAll, measureAllJob, measureProject } from '../post-launch/kpi-jobs';
import { REPAIR_ALL_JOB, repairAll, repairAllJob } from '../post-launch/measurement-repair-job';
import { FIGURES_JOB, refreshFigures } from '../macro/current-figures';
import { PORTFOLIO_JOB, refreshPortfolioRow } from '../portfolio/portfolio-refresh';
import { PRIVACY_SWEEP_JOB, privacySweepJob, runPrivacySweep } from '../privacy/sweep-job';
import { INTAKE_ALL_JOB, INTAKE_PROJECT_JOB, intakeAll, intakeAllJob, intakeProject } from '../post-launch/intake-jobs';
import { INTAKE_STEP_JOB, runIntakeStep } from '../post-launch/intake-run';

export type { JobAttempt };

/** Retries of a failed event, on Forge (requested by the consumer) and in the local queue alike. */
export const JOB_MAX_RETRIES = 3;

export const firstAttempt: JobAttempt = { retryCount: 0, maxRetries: JOB_MAX_RETRIES };

export type JobHandler = (deps: Deps, job: BackgroundJob, queue: JobQueue, attempt: JobAttempt) => Promise<void>;

export interface JobRegistry {
  /** Jobs the daily trigger starts. */
  daily: Array<() => BackgroundJob>;
  handlers: Record<string, JobHandler>;
}

export const jobRegistry: JobRegistry = {
  // One fan-out event per day; it starts a snapshot pass for every project that uses the app.
  // …and one that starts the automatic (JQL) KPI measurement of every project that has such KPIs.
  // …and one that repairs KPI data a measurement write stopped half-way left behind.
  // …and one that brings in new feedback from each project's Jira sources.
  daily: [() => dailyJob(), measureAllJob, () => repairAllJob(), intakeAllJob],
  handlers: {
    [DAILY_JOB]: runDailyScans,
    [SCAN_JOB]: runScanStep,
    [MEASURE_ALL_JOB]: measureAll,
    [MEASURE_PROJECT_JOB]: (deps, job) => measureProject(deps, job),
    [REPAIR_ALL_JOB]: repairAll,
    [INTAKE_ALL_JOB]: intakeAll,
    [INTAKE_PROJECT_JOB]: (deps, job) => intakeProject(deps, job),
    [INTAKE_STEP_JOB]: runIntakeStep,
    // Started weekly by its own trigger (`startPrivacySweep`), not by the daily one.
    [PRIVACY_SWEEP_JOB]: runPrivacySweep,
    // Queued (coalesced) by whatever changes the figures the Confluence macro shows.
    [FIGURES_JOB]: (deps, job) => refreshFigures(deps, job),
    // Queued (coalesced) by whatever changes a project's portfolio row (figures, publishing, feedback).
    [PORTFOLIO_JOB]: (deps, job) => refreshPortfolioRow(deps, job),
  },
};

export async function startDailyJobs(queue: JobQueue, registry: JobRegistry = jobRegistry): Promise<number> {
  const jobs = registry.daily.map((make) => make());
  if (jobs.length) await queue.push(jobs);
  return jobs.length;
}

/** The weekly personal data sweep: reports stored account ids, erases closed ones. */
export async function startPrivacySweep(queue: JobQueue): Promise<void> {
  await queue.push([privacySweepJob()]);
}

export type JobOutcome = 'done' | 'unknown-type';

export async function runJob(
  deps: Deps,
  body: unknown,
  queue: JobQueue,
  registry: JobRegistry = jobRegistry,
  attempt: JobAttempt = firstAttempt,
): Promise<JobOutcome> {
  const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
  const handler = typeof type === 'string' && Object.hasOwn(registry.handlers, type) ? registry.handlers[type] : undefined;
  if (!handler) {
    console.warn('Dropping a background job of unknown type', type);
    return 'unknown-type';
  }
  await handler(deps, body as BackgroundJob, queue, attempt);
  return 'done';
}
