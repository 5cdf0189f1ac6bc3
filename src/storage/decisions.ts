/** Decisions and next steps of an iteration: each under its own key, newest first. */
import { POST_LAUNCH_LIMITS, type Decision, type DecisionPage } from '../contract/post-launch/post-launch';
import { plKeys } from './post-launch-keys';
import { valuesInKeyOrder } from './query-order';
import type { StorageDeps } from './storage-deps';

export const saveDecision = (deps: StorageDeps, projectId: string, decision: Decision): Promise<void> =>
  deps.store.set(plKeys.decision(projectId, decision.iterationId, decision.id), decision);

export const deleteDecision = (deps: StorageDeps, projectId: string, decision: Decision): Promise<void> =>
  deps.store.delete(plKeys.decision(projectId, decision.iterationId, decision.id));

/** An iteration's decisions, a page of 20, each page newest first (sorted here: Forge documents no query order). */
export async function listDecisionPage(deps: StorageDeps, projectId: string, iterationId: string, cursor?: string): Promise<DecisionPage> {
  return valuesInKeyOrder(await deps.store.query<Decision>(plKeys.decisionPrefix(projectId, iterationId), { cursor, limit: POST_LAUNCH_LIMITS.pageSize }));
}
