/**
 * A fetch of one feedback source, as a chain of queue events (`intake-step`), each reading a few pages
 * of `/search/jql` (oldest first) and bringing in each new issue as a feedback item, once: each issue is
 * claimed for the source for good before its item is saved. The state record says where the chain
 * stands; each step is claimed once, so a retried or duplicated event neither forks the chain nor counts
 * a page twice. A fetch stops at the day's allowance (1,000 new items) with its page token kept, and the
 * next day's fetch goes on from it, so no page is read twice; a finished search leaves the last issue
 * seen, and the next search starts from it. A JQL Jira refuses (400) marks the source failing with
 * Jira's message: the daily run leaves it alone until an admin fetches it again.
 */
import { INTAKE_LIMITS } from '../../contract/post-launch/intake';
import type { Feedback } from '../../contract/post-launch/post-launch';
import { dayAllowance, intakeSearch } from '../../domain/post-launch/intake';
import { dayOf } from '../../domain/post-launch/days';
import { JiraError, type BackgroundJob, type Deps, type JiraIssue, type JobAttempt, type JobQueue } from '../../ports';
import { loadFeedback, saveFeedback } from '../../storage/feedback';
import {
  blankIntakeState,
  claimIssue,
  commitIntakeStep,
  readIntakeSources,
  readIntakeState,
  updateIntakeStatus,
  writeIntakeState,
  type IntakeState,
} from '../../storage/intake';
import { newestFirstInstant } from '../../storage/post-launch-keys';

export const INTAKE_STEP_JOB = 'intake-step';
/** Pages one event reads at most: 5 × 100 issues, well inside a consumer's time. */
export const INTAKE_PAGES_PER_STEP = 5;
/** A fetch that has not moved for this long is taken for dead: a new one may start. */
export const INTAKE_STALE_MS = 15 * 60 * 1000;

export interface IntakeStepJob extends BackgroundJob {
  type: typeof INTAKE_STEP_JOB;
  projectId: string;
  sourceId: string;
  runId: string;
  step: number;
}

export const intakeStepJob = (s: IntakeState): IntakeStepJob => ({
  type: INTAKE_STEP_JOB,
  projectId: s.projectId,
  sourceId: s.sourceId,
  runId: s.runId ?? '',
  step: s.step,
});

function parseStepJob(body: BackgroundJob): IntakeStepJob | null {
  const b = body as Record<string, unknown>;
  const ok =
    typeof b.projectId === 'string' && /^\d{1,18}$/.test(b.projectId) &&
    typeof b.sourceId === 'string' && /^[a-zA-Z0-9_-]{1,64}$/.test(b.sourceId) &&
    typeof b.runId === 'string' && b.runId.length > 0 && b.runId.length <= 64 &&
    Number.isInteger(b.step) && (b.step as number) >= 0;
  return ok ? (b as IntakeStepJob) : null;
}

export const isRunning = (s: IntakeState, now: Date): boolean =>
  (s.state === 'running' || s.state === 'retrying') && s.updatedAt !== null && now.getTime() - Date.parse(s.updatedAt) < INTAKE_STALE_MS;

/** The item an issue becomes: its id is fixed by the source and the issue, so a second save rewrites the same item. */
export function itemOf(sourceId: string, issue: JiraIssue, at: string): Feedback {
  return {
    id: `${newestFirstInstant(at)}-${sourceId}-${issue.id}`,
    source: 'support',
    text: (issue.summary ?? issue.key).trim().slice(0, 2000) || issue.key,
    sentiment: 'neutral',
    goalId: null,
    kpiId: null,
    launchId: null,
    iterationId: null,
    by: issue.reporter ?? '',
    at,
    issue: { id: issue.id, key: issue.key, sourceId },
    untriaged: true,
  };
}

export type StartOutcome = { started: true; state: IntakeState } | { started: false; state: IntakeState; why: 'running' | 'capped' | 'failing' };

/**
 * Starts a fetch of a source (the daily run, or an admin's *Fetch now*), unless one is running, the
 * day's allowance is used up, or (daily) the source is failing. A search capped on an earlier day goes
 * on from its page token.
 */
export async function startFetch(
  deps: Deps,
  project: { id: string; key: string },
  source: { id: string; jql: string },
  reason: 'daily' | 'manual',
): Promise<StartOutcome> {
  const now = deps.clock.now();
  const today = dayOf(now);
  const current = (await readIntakeState(deps, project.id, source.id)) ?? blankIntakeState(project.id, project.key, source.id);
  if (isRunning(current, now)) return { started: false, state: current, why: 'running' };
  if (reason === 'daily' && current.state === 'failing') return { started: false, state: current, why: 'failing' };
  if (dayAllowance(current.day, current.dayCount, today) === 0) return { started: false, state: current, why: 'capped' };
  const at = now.toISOString();
  const next: IntakeState = {
    ...current,
    projectKey: project.key,
    runId: deps.ids.next().replace(/-/g, '').slice(0, 32),
    reason,
    step: 0,
    state: 'running',
    // A search stopped by the day's limit goes on where it stopped (its token lives 7 days).
    search: current.cursor && current.search ? current.search : intakeSearch(source.jql, current.since),
    cursor: current.cursor && current.search ? current.cursor : null,
    day: today,
    dayCount: current.day === today ? current.dayCount : 0,
    added: 0,
    startedAt: at,
    updatedAt: at,
    message: null,
    restarts: 0,
  };
  await writeIntakeState(deps, next);
  await deps.queue.push([intakeStepJob(next)]);
  return { started: true, state: next };
}

/** Jira's own words for a JQL it refused: its parser's messages (as the app), else the search's answer. */
async function whyRefused(deps: Deps, jql: string, error: JiraError): Promise<string> {
  const [parsed] = await deps.jira.parseJql([jql]).catch(() => []);
  if (parsed?.errors.length) return parsed.errors.join(' ');
  const said = /\((.+)\)$/s.exec(error.message)?.[1];
  return said ?? 'Jira refused the JQL.';
}

/** Brings in one issue unless the source has it already; answers whether it counts as new for this step. */
async function bringIn(deps: Deps, s: IntakeState, issue: JiraIssue): Promise<boolean> {
  const at = issue.created ?? deps.clock.now().toISOString();
  const item = itemOf(s.sourceId, issue, at);
  const claimed = await claimIssue(deps, s.projectId, s.sourceId, issue.id, { feedbackId: item.id, runId: s.runId!, step: s.step });
  if (claimed.won) {
    await saveFeedback(deps, s.projectId, item);
    return true;
  }
  // Claimed by an earlier delivery of this very step (a retried or duplicated event): it is this step's,
  // and its item is saved now if that delivery stopped before saving it.
  const ours = claimed.claim?.runId === s.runId && claimed.claim?.step === s.step;
  if (ours && !(await loadFeedback(deps, s.projectId, item.id))) await saveFeedback(deps, s.projectId, item);
  return ours;
}

/** Reads up to INTAKE_PAGES_PER_STEP pages and brings their new issues in: the state after this step. */
async function advance(deps: Deps, s: IntakeState, jql: string): Promise<IntakeState> {
  const today = s.day ?? dayOf(deps.clock.now());
  let next = { ...s };
  let added = 0;
  for (let page = 0; page < INTAKE_PAGES_PER_STEP; page++) {
    const allowance = dayAllowance(next.day, next.dayCount + added, today);
    if (allowance === 0) return finish(next, added, 'capped');
    let found;
    try {
      found = await deps.jira.searchIssues({
        jql: next.search ?? intakeSearch(jql, next.since),
        fields: ['summary', 'created', 'reporter'],
        maxResults: Math.min(INTAKE_LIMITS.pageSize, allowance),
        ...(next.cursor ? { nextPageToken: next.cursor } : {}),
      });
    } catch (error) {
      if (!(error instanceof JiraError) || error.status !== 400) throw error;
      // A page token Jira no longer takes (they expire after 7 days): search again from the last issue seen.
      if (next.cursor && next.restarts < 1) {
        next = { ...next, search: intakeSearch(jql, next.since), cursor: null, restarts: next.restarts + 1 };
        continue;
      }
      return { ...finish(next, added, 'failing'), search: null, cursor: null, message: await whyRefused(deps, jql, error) };
    }
    for (const issue of found.issues) {
      if (await bringIn(deps, next, issue)) added += 1;
      if (issue.created) next.since = { created: issue.created, key: issue.key };
    }
    next.search = next.search ?? intakeSearch(jql, s.since);
    next.cursor = found.nextPageToken;
    if (!found.nextPageToken) return { ...finish(next, added, 'done'), search: null, cursor: null };
  }
  return finish(next, added, dayAllowance(next.day, next.dayCount + added, today) === 0 ? 'capped' : 'running');
}

function finish(s: IntakeState, added: number, state: IntakeState['state']): IntakeState {
  const message = state === 'capped' ? `${INTAKE_LIMITS.itemsPerDay.toLocaleString('en-US')} items brought in today; the rest come tomorrow.` : null;
  return { ...s, state, added: s.added + added, dayCount: s.dayCount + added, total: s.total + added, message };
}

/** The queue consumer's handler for `intake-step` events. */
export async function runIntakeStep(deps: Deps, body: BackgroundJob, queue: JobQueue, attempt: JobAttempt): Promise<void> {
  const job = parseStepJob(body);
  if (!job) {
    console.warn('Dropping a malformed intake-step event');
    return;
  }
  const state = await readIntakeState(deps, job.projectId, job.sourceId);
  if (!state || state.runId !== job.runId || (state.state !== 'running' && state.state !== 'retrying')) return;
  // This step was saved by an earlier delivery that may have stopped before pushing the next event.
  if (state.step === job.step + 1) return queue.push([intakeStepJob(state)]);
  if (state.step !== job.step) return;
  const source = (await readIntakeSources(deps, job.projectId, state.projectKey)).sources.find((x) => x.id === job.sourceId);
  if (!source) return; // Removed meanwhile: nothing more to fetch.

  try {
    const next = await advance(deps, state, source.jql);
    const saved = await commitIntakeStep(deps, { ...next, step: state.step + 1, updatedAt: deps.clock.now().toISOString() });
    if (saved.outcome !== 'lost' && saved.state.state === 'running') await queue.push([intakeStepJob(saved.state)]);
  } catch (error) {
    const at = deps.clock.now().toISOString();
    const why = error instanceof JiraError ? 'Jira did not answer as expected.' : 'Something went wrong on our side.';
    if (attempt.retryCount >= attempt.maxRetries) {
      await updateIntakeStatus(deps, state, { state: 'stopped', message: `${why} The next daily run goes on from where it stopped.`, updatedAt: at });
      console.error('Feedback intake stopped', state.projectKey, state.sourceId, error);
      return;
    }
    await updateIntakeStatus(deps, state, { state: 'retrying', message: `${why} Retrying…`, updatedAt: at });
    throw error;
  }
}
