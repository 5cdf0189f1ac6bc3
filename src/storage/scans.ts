/**
 * A full pass's state: one small record per project (`project:{id}:scan`), the source of truth for
 * where the chain of queue events stands. Each step is claimed once under its own key
 * (write-if-absent, as vision revisions are), so a retried or duplicated event cannot fork the chain
 * or count a page twice; the record itself is a cache that the next step rolls forward if a write
 * stopped half-way.
 */
import type { ScanPhase, ScanProgress } from '../contract';
import type { GoalRef } from '../domain/alignment/alignment';
import type { ScanTally } from '../domain/alignment/alignment-tally';
import type { BackgroundJob } from '../ports';
import { storageKeys } from './keys';
import type { StorageDeps } from './storage-deps';

export const SCAN_JOB = 'alignment-scan';

export interface ScanJob extends BackgroundJob {
  type: typeof SCAN_JOB;
  projectId: string;
  projectKey: string;
  runId: string;
  /** The step this event performs; the state record must be at it. */
  step: number;
}

export interface ScanState {
  runId: string;
  projectId: string;
  projectKey: string;
  reason: 'daily' | 'rescan';
  /** Steps done so far; the next event performs step `step`. */
  step: number;
  status: 'running' | 'retrying' | 'done' | 'failed';
  phase: ScanPhase;
  /** Jira's nextPageToken within the current phase; null at its start. */
  cursor: string | null;
  /** The snapshot's day (UTC), fixed when the pass starts. */
  date: string;
  startedAt: string;
  updatedAt: string;
  message: string | null;
  /** Frozen when counting, so every page of a phase runs the same JQL (page tokens are bound to it). */
  jql: { epics: string; children: string | null } | null;
  /** The goals as they were when the pass started: what "aligned" means for this pass. */
  goals: GoalRef[];
  epicsTotal: number;
  childIssuesTotal: number;
  tally: ScanTally;
  /** Steps that stored a chunk of aligned epic ids. */
  alignedChunks: number[];
  /** Times the pass started over because Jira refused a page token (expired). */
  restarts: number;
}

/** A pass that has not moved for this long is taken for dead: the report says so, rescan resumes it. */
export const SCAN_STALE_MS = 15 * 60 * 1000;
/** A stopped pass younger than this is resumed by rescan; an older one starts over. */
export const SCAN_RESUMABLE_MS = 6 * 3600 * 1000;
/** Step claims outlive any pass, then expire. */
export const STEP_CLAIM_TTL_SECONDS = 2 * 24 * 3600;

export const scanJob = (s: ScanState): ScanJob => ({
  type: SCAN_JOB,
  projectId: s.projectId,
  projectKey: s.projectKey,
  runId: s.runId,
  step: s.step,
});

/** A job body as pushed by `scanJob`; null for anything else (a hand-written or outdated event). */
export function parseScanJob(body: unknown): ScanJob | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  const ok =
    b.type === SCAN_JOB &&
    typeof b.projectId === 'string' && /^\d{1,18}$/.test(b.projectId) &&
    typeof b.projectKey === 'string' &&
    typeof b.runId === 'string' && b.runId.length > 0 && b.runId.length <= 64 &&
    Number.isInteger(b.step) && (b.step as number) >= 0;
  return ok ? (b as ScanJob) : null;
}

export const isActive = (s: ScanState, now: Date): boolean =>
  (s.status === 'running' || s.status === 'retrying') && now.getTime() - Date.parse(s.updatedAt) < SCAN_STALE_MS;

/** What the UI shows. A pass that stopped moving shows as failed, with how to go on. */
export function toProgress(s: ScanState, now: Date): ScanProgress {
  const stalled = (s.status === 'running' || s.status === 'retrying') && !isActive(s, now);
  return {
    state: stalled ? 'failed' : s.status,
    startedAt: s.startedAt,
    updatedAt: s.updatedAt,
    epicsSeen: s.tally.epics,
    epicsTotal: Math.max(s.epicsTotal, s.tally.epics),
    message: stalled ? 'The scan stopped responding. Rescan resumes it where it stopped.' : s.message,
    phase: s.phase,
    childIssuesSeen: s.tally.openIssues,
    childIssuesTotal: Math.max(s.childIssuesTotal, s.tally.openIssues),
  };
}

/** The project's current (or last) pass; undefined when none ever ran. */
export const readScan = (deps: StorageDeps, projectId: string): Promise<ScanState | undefined> =>
  deps.store.get<ScanState>(storageKeys.scan(projectId));

/** Overwrites the pass record: starting or resuming a pass, or marking it failed. */
export const writeScan = (deps: StorageDeps, projectId: string, state: ScanState): Promise<void> =>
  deps.store.set(storageKeys.scan(projectId), state);

export type StepCommit = { outcome: 'committed' | 'rolled-forward'; state: ScanState } | { outcome: 'lost' };

/**
 * Claims step `next.step` and makes it current. Losing the claim means another event did this step:
 * if that event stopped before updating the record, the record is rolled forward to its result (and
 * the caller continues the chain for it); otherwise the caller stops.
 */
export async function commitStep(deps: StorageDeps, next: ScanState): Promise<StepCommit> {
  const { store } = deps;
  const stepKey = storageKeys.scanStep(next.projectId, next.runId, next.step);
  const key = storageKeys.scan(next.projectId);
  if (await store.setIfAbsent(stepKey, next, { ttlSeconds: STEP_CLAIM_TTL_SECONDS })) {
    await store.set(key, next);
    return { outcome: 'committed', state: next };
  }
  const [winner, current] = await Promise.all([store.get<ScanState>(stepKey), store.get<ScanState>(key)]);
  if (winner && current && current.runId === winner.runId && current.step < winner.step) {
    await store.set(key, winner);
    return { outcome: 'rolled-forward', state: winner };
  }
  return { outcome: 'lost' };
}

/** Updates the status line of the pass at `expected`'s step, unless the pass has moved on meanwhile. */
export async function updateStatus(
  deps: StorageDeps,
  expected: Pick<ScanState, 'projectId' | 'runId' | 'step'>,
  change: Pick<ScanState, 'status' | 'message' | 'updatedAt'>,
): Promise<void> {
  const key = storageKeys.scan(expected.projectId);
  const current = await deps.store.get<ScanState>(key);
  if (!current || current.runId !== expected.runId || current.step !== expected.step) return;
  if (current.status === 'done' || current.status === 'failed') return;
  await deps.store.set(key, { ...current, ...change });
}
