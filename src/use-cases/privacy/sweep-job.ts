/**
 * The weekly personal data sweep, a chain of queue events. Each event reads a bounded number of storage
 * pages and carries where it stopped, so any number of projects fits, and a failed event is retried from
 * the same place (every step can run twice):
 *
 * 1. `report`: walk every registered project's stored entries, collect the account ids they name and
 *    report them to Atlassian in batches (each id once per sweep, as far as the event can remember);
 *    closed ones are marked in storage.
 * 2. `erase` (only when some account is closed): walk every project again, erase the closed accounts
 *    from each entry, then from its published summaries in Jira; then drop the markers. Markers left by
 *    a sweep that stopped for good are picked up by the next one.
 *
 * A sweep that finds nothing closed writes nothing.
 */
import type { BackgroundJob, Deps, JobQueue, QueryPage } from '../../ports';
import { collectAccountIds } from '../../domain/privacy/collect-accounts';
import { eraseEntry } from '../../storage/erasure';
import { permissionCacheAccount } from '../../storage/privacy-keys';
import { forgetClosedAccounts, listClosedAccounts, readProjectEntries, startOfProject, type KeyPosition } from '../../storage/privacy';
import { listRegisteredProjects, type RegisteredProject } from '../../storage/registry';
import { republishBatch } from './republish-summaries';
import { reportAccounts } from './report-accounts';

export const PRIVACY_SWEEP_JOB = 'privacy-sweep';

/** Storage pages (or summary batches) per event: well inside a consumer's time. */
export const PAGES_PER_EVENT = 25;
/** Ids per report: Atlassian's endpoint takes 90 a request. */
export const REPORT_BATCH = 90;
/** Ids a sweep remembers having reported, so an account in many projects is reported once (the event body stays small). */
const REMEMBERED = 1000;
/** Closed accounts erased per round. */
const ERASE_ROUND = 200;

export interface SweepJob extends BackgroundJob {
  type: typeof PRIVACY_SWEEP_JOB;
  phase: 'report' | 'erase';
  /** Cursor of the registry page the current project is on (absent: the first page). */
  registryCursor?: string;
  /** Registry keys of the projects finished on that page (the store promises no order, so they are named). */
  done: string[];
  /** `keys`: its stored entries, from `keys`; `summary`: its summaries in Jira, from `summaryFrom`. */
  step: 'keys' | 'summary';
  keys: KeyPosition;
  summaryFrom: number;
  /** report: ids collected and not reported yet, and ids reported already. */
  pending: string[];
  reported: string[];
  /** erase: the closed accounts of this round. */
  closed: string[];
}

const fromStart = (phase: SweepJob['phase'], closed: string[] = []): SweepJob => ({
  type: PRIVACY_SWEEP_JOB,
  phase,
  done: [],
  step: 'keys',
  keys: startOfProject,
  summaryFrom: 0,
  pending: [],
  reported: [],
  closed,
});

export const privacySweepJob = (): SweepJob => fromStart('report');

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** The job's state from an event body; anything missing starts from the beginning of its phase. */
function parse(body: BackgroundJob): SweepJob {
  const b = body as Partial<SweepJob>;
  const keys = b.keys && typeof b.keys.prefix === 'number' ? { prefix: b.keys.prefix, ...(typeof b.keys.cursor === 'string' ? { cursor: b.keys.cursor } : {}) } : startOfProject;
  return {
    ...fromStart(b.phase === 'erase' ? 'erase' : 'report', strings(b.closed)),
    ...(typeof b.registryCursor === 'string' ? { registryCursor: b.registryCursor } : {}),
    done: strings(b.done),
    step: b.step === 'summary' ? 'summary' : 'keys',
    keys,
    summaryFrom: typeof b.summaryFrom === 'number' ? b.summaryFrom : 0,
    pending: strings(b.pending),
    reported: strings(b.reported),
  };
}

/** Report phase: collect one page's ids; report when a batch is full. */
async function collectPage(deps: Deps, job: SweepJob, projectId: string): Promise<KeyPosition | null> {
  const { entries, next } = await readProjectEntries(deps, projectId, job.keys);
  const seen = new Set([...job.pending, ...job.reported]);
  for (const { key, value } of entries) {
    const ids = collectAccountIds(value);
    const cachedFor = permissionCacheAccount(key);
    if (cachedFor) ids.add(cachedFor);
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      job.pending.push(id);
    }
  }
  if (job.pending.length >= REPORT_BATCH) await flush(deps, job);
  return next;
}

async function flush(deps: Deps, job: SweepJob): Promise<void> {
  await reportAccounts(deps, job.pending);
  job.reported = [...job.reported, ...job.pending].slice(-REMEMBERED);
  job.pending = [];
}

/** Erase phase: one page of entries, or one batch of summaries. */
async function erasePage(deps: Deps, job: SweepJob, projectId: string, closed: ReadonlySet<string>): Promise<'more' | 'project-done'> {
  if (job.step === 'keys') {
    const { entries, next } = await readProjectEntries(deps, projectId, job.keys);
    for (const { key, value } of entries) await eraseEntry(deps, key, value, closed);
    if (next) job.keys = next;
    else {
      job.step = 'summary';
      job.summaryFrom = 0;
    }
    return 'more';
  }
  const next = await republishBatch(deps, projectId, job.summaryFrom, closed);
  if (next === null) return 'project-done';
  job.summaryFrom = next;
  return 'more';
}

/** After the last project: what comes next, or null when the sweep is over. */
async function afterLastProject(deps: Deps, job: SweepJob): Promise<SweepJob | null> {
  if (job.phase === 'report') await flush(deps, job);
  else await forgetClosedAccounts(deps, job.closed);
  const closed = await listClosedAccounts(deps, ERASE_ROUND);
  return closed.length ? fromStart('erase', closed) : null;
}

export async function runPrivacySweep(deps: Deps, body: BackgroundJob, queue: JobQueue): Promise<void> {
  let job: SweepJob | null = parse(body);
  let page: QueryPage<RegisteredProject> | null = null;
  for (let spent = 0; job && spent < PAGES_PER_EVENT; spent++) {
    page ??= await listRegisteredProjects(deps, job.registryCursor || undefined);
    const done = new Set(job.done);
    const entry = page.results.find((r) => !done.has(r.key));
    if (!entry) {
      if (page.nextCursor) {
        job = { ...job, registryCursor: page.nextCursor, done: [] };
        page = null;
      } else job = await afterLastProject(deps, job);
      continue;
    }
    const project = entry.value;
    const nextProject = (j: SweepJob): SweepJob => ({ ...j, done: [...j.done, entry.key], step: 'keys', keys: startOfProject, summaryFrom: 0 });
    if (job.phase === 'report') {
      const next = await collectPage(deps, job, project.projectId);
      job = next ? { ...job, keys: next } : nextProject(job);
    } else {
      const done = await erasePage(deps, job, project.projectId, new Set(job.closed));
      if (done === 'project-done') job = nextProject(job);
    }
  }
  if (job) await queue.push([job]);
}
