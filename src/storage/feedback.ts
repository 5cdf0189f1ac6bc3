/**
 * End-user feedback: each item under its own key, newest first, with a copy under each thing it is
 * linked to (iteration, KPI, goal) so that a list is one query page; all of them written in one
 * transaction.
 */
import { POST_LAUNCH_LIMITS, type Feedback, type FeedbackPage } from '../contract/post-launch/post-launch';
import type { StoreOperation } from '../ports';
import { keepingCadence, noteFeedbackDeleted, noteFeedbackSaved } from './feedback-cadence';
import { plKeys } from './post-launch-keys';
import { valuesInKeyOrder } from './query-order';
import type { StorageDeps } from './storage-deps';

/** The keys an item is stored under: its own, then one per link. */
function keysOf(projectId: string, f: Feedback): string[] {
  return [
    plKeys.feedback(projectId, f.id),
    ...(f.iterationId ? [plKeys.feedbackByIteration(projectId, f.iterationId, f.id)] : []),
    ...(f.kpiId ? [plKeys.feedbackByKpi(projectId, f.kpiId, f.id)] : []),
    ...(f.goalId ? [plKeys.feedbackByGoal(projectId, f.goalId, f.id)] : []),
    ...(f.untriaged ? [plKeys.feedbackUntriaged(projectId, f.id)] : []),
  ];
}

export const loadFeedback = (deps: StorageDeps, projectId: string, feedbackId: string): Promise<Feedback | undefined> =>
  deps.store.get<Feedback>(plKeys.feedback(projectId, feedbackId));

/**
 * Writes the item and its copies, then notes it as the project's newest feedback when it is
 * (./feedback-cadence.ts). `previous` is the item as stored before, when a re-save changes its links:
 * its copies that the new links no longer name are deleted in the same transaction.
 */
export async function saveFeedback(deps: StorageDeps, projectId: string, feedback: Feedback, previous?: Feedback): Promise<void> {
  const keys = keysOf(projectId, feedback);
  const stale = previous ? keysOf(projectId, previous).filter((k) => !keys.includes(k)) : [];
  await deps.store.transact([
    ...stale.map((key): StoreOperation => ({ kind: 'delete', key })),
    ...keys.map((key): StoreOperation => ({ kind: 'set', key, value: feedback })),
  ]);
  await keepingCadence(deps, projectId, () => noteFeedbackSaved(deps, projectId, feedback));
}

/** A page of 20 imported items no admin has triaged yet, newest first. */
export async function listUntriagedPage(deps: StorageDeps, projectId: string, cursor?: string): Promise<FeedbackPage> {
  return valuesInKeyOrder(await deps.store.query<Feedback>(plKeys.feedbackUntriagedPrefix(projectId), { cursor, limit: POST_LAUNCH_LIMITS.pageSize }));
}

/** Deletes the item and its copies; the newest feedback date falls back to the item before it when it was the newest. */
export async function deleteFeedbackItem(deps: StorageDeps, projectId: string, feedback: Feedback): Promise<void> {
  await deps.store.transact(keysOf(projectId, feedback).map((key): StoreOperation => ({ kind: 'delete', key })));
  await keepingCadence(deps, projectId, () => noteFeedbackDeleted(deps, projectId, feedback));
}

/**
 * Feedback, a page of 20, each page newest first (sorted here: Forge documents no query order): an
 * iteration's, or (`iterationId` null) the whole project's.
 */
export async function listFeedbackPage(deps: StorageDeps, projectId: string, iterationId: string | null, cursor?: string): Promise<FeedbackPage> {
  const prefix = iterationId ? plKeys.feedbackByIterationPrefix(projectId, iterationId) : plKeys.feedbackPrefix(projectId);
  return valuesInKeyOrder(await deps.store.query<Feedback>(prefix, { cursor, limit: POST_LAUNCH_LIMITS.pageSize }));
}
