/** Loading the documents post-launch use cases start from, and committing a changed launch book. */
import type { GoalBook, Kpi } from '../contract';
import { fail, ok, type Result } from '../contract/shared/result';
import type { LaunchBook } from '../contract/post-launch/post-launch';
import { emptyGoalBook } from '../domain/goals/goal-book';
import { emptyLaunchBook, type LaunchOutcome } from '../domain/post-launch/launch-book';
import type { Deps } from '../ports';
import { commitRevision } from './claims/commit-revision';
import { fitsInOneValue, SNAPSHOT_TTL_SECONDS, violationResult } from './document-rules';
import { storageKeys } from './keys';
import { getStored, SCHEMA_VERSIONS, stamped } from './documents';
import type { SourcesDoc } from './document-shapes';
import { plKeys } from './post-launch-keys';

export type { SourcesDoc };

export const emptySources = (projectKey: string): SourcesDoc => ({ rev: 0, schemaVersion: SCHEMA_VERSIONS.kpiSources, projectKey, sources: {} });

export const readLaunchBook = async (deps: Pick<Deps, 'store'>, projectId: string): Promise<LaunchBook> =>
  (await getStored(deps.store, 'launchBook', plKeys.launchBook(projectId))) ?? emptyLaunchBook();

export const readGoalBook = async (deps: Pick<Deps, 'store'>, projectId: string): Promise<GoalBook> =>
  (await getStored(deps.store, 'goalBook', storageKeys.goalBook(projectId))) ?? emptyGoalBook();

export const readSources = async (deps: Pick<Deps, 'store'>, projectId: string, projectKey: string): Promise<SourcesDoc> =>
  (await deps.store.get<SourcesDoc>(plKeys.sources(projectId))) ?? emptySources(projectKey);

/** The KPIs of a goal book, as the post-launch views list them (goal order, then KPI order). */
export function kpisInOrder(book: GoalBook): Kpi[] {
  const order = new Map(book.goals.map((g, i) => [g.id, i]));
  return [...book.kpis].sort((a, b) => (order.get(a.goalId) ?? 99) - (order.get(b.goalId) ?? 99));
}

/** The form keeps the admin's entries and takes the current revision: saving again applies them to the current launches. */
export const CONFLICT_MESSAGE = 'Someone else changed the launches since you opened them. Your change is kept here: do it again to apply it to the launches as they are now.';

/**
 * Commits the outcome of a launch-book rule, as the goal book does: a stale base revision or a lost
 * race answers CONFLICT with the current book.
 */
export async function commitLaunchBook(
  deps: Pick<Deps, 'store'>,
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
