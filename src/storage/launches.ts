/**
 * A project's launches: the launch book (every launch and its iterations, one document whose revisions
 * are claimed like the goal book's) and one digest per launch (baselines, iteration figures, feedback
 * and decision counts). The digest figures computed from the KPI buckets are in kpi-series.ts.
 */
import { fail, ok, type Result } from '../contract/shared/result';
import type { Launch, LaunchBook, Sentiment } from '../contract/post-launch/post-launch';
import { emptyLaunchBook, type LaunchOutcome } from '../domain/post-launch/launch-book';
import { countDecision, countFeedback, emptyDigest, type LaunchDigest } from '../domain/post-launch/launch-digest';
import { commitRevision } from './claims/commit-revision';
import { casUpdate } from './claims/compare-and-set';
import { fitsInOneValue, SNAPSHOT_TTL_SECONDS, violationResult } from './document-rules';
import { getStored, stamped } from './documents';
import { plKeys } from './post-launch-keys';
import type { StorageDeps } from './storage-deps';

export const readLaunchBook = async (deps: StorageDeps, projectId: string): Promise<LaunchBook> =>
  (await getStored(deps.store, 'launchBook', plKeys.launchBook(projectId))) ?? emptyLaunchBook();

/** The form keeps the admin's entries and takes the current revision: saving again applies them to the current launches. */
export const CONFLICT_MESSAGE = 'Someone else changed the launches since you opened them. Your change is kept here: do it again to apply it to the launches as they are now.';

/**
 * Commits the outcome of a launch-book rule, as the goal book does: a stale base revision or a lost
 * race answers CONFLICT with the current book.
 */
export async function commitLaunchBook(
  deps: StorageDeps,
  projectId: string,
  current: LaunchBook,
  baseRevision: number,
  outcome: LaunchOutcome,
): Promise<Result<LaunchBook>> {
  if (current.revision !== baseRevision) return fail('CONFLICT', CONFLICT_MESSAGE, { details: { current } });
  if (!outcome.ok) return violationResult(outcome.violation);
  if (!fitsInOneValue(outcome.book))
    return fail('LIMIT_REACHED', 'The launches of this project have reached the storage limit; delete old ones.');
  const committed = await commitRevision(
    deps.store,
    { current: plKeys.launchBook(projectId), revision: (n) => plKeys.launchBookRevision(projectId, n) },
    stamped('launchBook', outcome.book),
    { ttlSeconds: SNAPSHOT_TTL_SECONDS },
  );
  if (!committed.ok) return fail('CONFLICT', CONFLICT_MESSAGE, { details: { current: committed.current } });
  return ok(committed.saved);
}

/** A launch's digest as stored (undefined when absent), without checking it is in step with the book. */
export const loadLaunchDigest = (deps: StorageDeps, projectId: string, launchId: string): Promise<LaunchDigest | undefined> =>
  deps.store.get<LaunchDigest>(plKeys.digest(projectId, launchId));

export const saveLaunchDigest = (deps: StorageDeps, projectId: string, launchId: string, digest: LaunchDigest): Promise<void> =>
  deps.store.set(plKeys.digest(projectId, launchId), digest);

export const deleteLaunchDigest = (deps: StorageDeps, projectId: string, launchId: string): Promise<void> =>
  deps.store.delete(plKeys.digest(projectId, launchId));

/** Counts a feedback item in (delta 1) or out of (−1) its iteration's figures. */
export const countFeedbackInDigest = (deps: StorageDeps, projectId: string, launch: Launch, iterationId: string, sentiment: Sentiment, delta: 1 | -1) =>
  casUpdate(deps.store, plKeys.digest(projectId, launch.id), () => emptyDigest(launch), (d) => countFeedback(d, iterationId, sentiment, delta));

/** Counts a decision in (delta 1) or out of (−1) its iteration's figures. */
export const countDecisionInDigest = (deps: StorageDeps, projectId: string, launch: Launch, iterationId: string, delta: 1 | -1) =>
  casUpdate(deps.store, plKeys.digest(projectId, launch.id), () => emptyDigest(launch), (d) => countDecision(d, iterationId, delta));

/**
 * After a launch-book commit that threw: if its revision was claimed after all (the claim is the truth,
 * rolled forward by the next write) the launch exists and keeps its digest (its baselines cannot be
 * captured again); otherwise the digest names a launch nobody will, and goes. Unsure: it stays.
 */
export async function dropUnclaimedDigest(deps: StorageDeps, projectId: string, revision: number, launchId: string): Promise<void> {
  try {
    const claimed = await deps.store.get<LaunchBook>(plKeys.launchBookRevision(projectId, revision));
    if (!claimed?.launches.some((l) => l.id === launchId)) await deleteLaunchDigest(deps, projectId, launchId);
  } catch (undoError) {
    console.error('Could not tell whether a launch was recorded; its digest stays', undoError);
  }
}
