/** The goal book (`project:{id}:goals`): reading it, committing its next revision, and its KPIs in the order the views list them. */
import type { GoalBook, Kpi } from '../contract';
import { emptyGoalBook } from '../domain/goals/goal-book';
import { commitRevision, type CommitOutcome } from './claims/commit-revision';
import { SNAPSHOT_TTL_SECONDS } from './document-rules';
import { storageKeys } from './keys';
import { getStored, stamped, type Stored } from './documents';
import type { StorageDeps } from './storage-deps';

/** The goal book in today's shape; an empty one when none is stored. */
export const readGoalBook = async (deps: StorageDeps, projectId: string): Promise<GoalBook> =>
  (await getStored(deps.store, 'goalBook', storageKeys.goalBook(projectId))) ?? emptyGoalBook();

/** Commits the next revision (claimed under its own key, kept a while for conflict recovery); losing the race answers the current book. */
export const commitGoalBook = (deps: StorageDeps, projectId: string, next: GoalBook): Promise<CommitOutcome<Stored<'goalBook'>>> =>
  commitRevision(
    deps.store,
    { current: storageKeys.goalBook(projectId), revision: (n) => storageKeys.goalBookRevision(projectId, n) },
    stamped('goalBook', next),
    { ttlSeconds: SNAPSHOT_TTL_SECONDS },
  );

/** The KPIs of a goal book, as the post-launch views list them (goal order, then KPI order). */
export function kpisInOrder(book: GoalBook): Kpi[] {
  const order = new Map(book.goals.map((g, i) => [g.id, i]));
  return [...book.kpis].sort((a, b) => (order.get(a.goalId) ?? 99) - (order.get(b.goalId) ?? 99));
}
