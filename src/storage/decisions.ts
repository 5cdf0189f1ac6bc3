/** Decisions and next steps of an iteration: each under its own key, newest first; and the claims on their Jira issues. */
import { POST_LAUNCH_LIMITS, type Decision, type DecisionPage } from '../contract/post-launch/post-launch';
import { plKeys } from './post-launch-keys';
import { valuesInKeyOrder } from './query-order';
import type { StorageDeps } from './storage-deps';

export const saveDecision = (deps: StorageDeps, projectId: string, decision: Decision): Promise<void> =>
  deps.store.set(plKeys.decision(projectId, decision.iterationId, decision.id), decision);

export const deleteDecision = (deps: StorageDeps, projectId: string, decision: Decision): Promise<void> =>
  deps.store.delete(plKeys.decision(projectId, decision.iterationId, decision.id));

export const readDecision = (deps: StorageDeps, projectId: string, iterationId: string, decisionId: string): Promise<Decision | undefined> =>
  deps.store.get<Decision>(plKeys.decision(projectId, iterationId, decisionId));

/** An iteration's decisions, a page of 20, each page newest first (sorted here: Forge documents no query order). */
export async function listDecisionPage(deps: StorageDeps, projectId: string, iterationId: string, cursor?: string): Promise<DecisionPage> {
  return valuesInKeyOrder(await deps.store.query<Decision>(plKeys.decisionPrefix(projectId, iterationId), { cursor, limit: POST_LAUNCH_LIMITS.pageSize }));
}

/**
 * The claim on making a decision's issue. `creating`: an attempt is under way (or stopped without a
 * word); `unsure`: it ended without knowing whether Jira made the issue (an outage); `issue`: Jira made
 * it (written before the decision records it, so a retry can finish the link from here).
 */
export interface DecisionIssueClaim {
  token: string;
  at: string;
  state: 'creating' | 'unsure';
  issue?: { id: string; key: string; typeName: string };
}

/** Claims the decision's issue; false when someone holds the claim already. */
export const claimDecisionIssue = (deps: StorageDeps, projectId: string, decisionId: string, claim: DecisionIssueClaim): Promise<boolean> =>
  deps.store.setIfAbsent(plKeys.decisionIssueClaim(projectId, decisionId), claim);

export const readDecisionIssueClaim = (deps: StorageDeps, projectId: string, decisionId: string): Promise<DecisionIssueClaim | undefined> =>
  deps.store.get<DecisionIssueClaim>(plKeys.decisionIssueClaim(projectId, decisionId));

/** Updates the claim its holder won (only its holder writes it). */
export const updateDecisionIssueClaim = (deps: StorageDeps, projectId: string, decisionId: string, claim: DecisionIssueClaim): Promise<void> =>
  deps.store.set(plKeys.decisionIssueClaim(projectId, decisionId), claim);

/** Gives the claim back: Jira refused, so nothing was made and anyone may try again. */
export const releaseDecisionIssue = (deps: StorageDeps, projectId: string, decisionId: string): Promise<void> =>
  deps.store.delete(plKeys.decisionIssueClaim(projectId, decisionId));

/**
 * Takes over a claim whose attempt ended without an issue: only one taker wins per stale attempt
 * (write-if-absent on a key of that attempt), and the winner's claim replaces it.
 */
export async function takeOverDecisionIssue(deps: StorageDeps, projectId: string, decisionId: string, stale: DecisionIssueClaim, next: DecisionIssueClaim): Promise<boolean> {
  // The takeover key lives as long as a stale attempt could matter; it only orders takers.
  if (!(await deps.store.setIfAbsent(plKeys.decisionIssueTakeover(projectId, decisionId, stale.token), { token: next.token, at: next.at }, { ttlSeconds: 86_400 }))) return false;
  await deps.store.set(plKeys.decisionIssueClaim(projectId, decisionId), next);
  return true;
}
