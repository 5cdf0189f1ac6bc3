/**
 * For the issue panel: the verdict of the iteration an epic shipped in (done inside its window, or
 * fixed in its version, or in its launch's version while the iteration ran). 3 storage reads, or 2 with
 * the goal book the panel already holds; no Jira call (the panel passes the epic's fields).
 */
import type { GoalBook } from '../../contract';
import type { EpicIterationVerdict, Iteration, Launch } from '../../contract/post-launch/post-launch';
import { dayOf } from '../../domain/post-launch/days';
import { currentIteration } from '../../domain/post-launch/launch-book';
import { emptyDigest, iterationOutcome } from '../../domain/post-launch/launch-digest';
import type { Deps } from '../../ports';
import { kpisInOrder, readGoalBook } from '../../storage/books';
import { digestForReading } from '../../storage/kpi-series';
import { readLaunchBook } from '../../storage/launches';
import type { StorageDeps } from '../../storage/storage-deps';

export interface ShippedEpic {
  /** ISO instant of the epic's resolution (Jira's `resolutiondate`); null while it is not done. */
  resolutionDate: string | null;
  /** Ids of the epic's fix versions. */
  fixVersionIds: readonly string[];
}

/** Where the epic shipped: the iteration (and how), or null. Pure; exported for tests. */
export function shippedIn(
  launches: readonly Launch[],
  epic: ShippedEpic,
  today: string,
): { launch: Launch; iteration: Iteration; shippedBy: EpicIterationVerdict['shippedBy'] } | null {
  const versions = new Set(epic.fixVersionIds);
  const resolved = epic.resolutionDate ? epic.resolutionDate.slice(0, 10) : null;
  // An iteration that names one of the epic's versions.
  for (const launch of launches)
    for (const iteration of launch.iterations)
      if (iteration.versionId !== null && versions.has(iteration.versionId)) return { launch, iteration, shippedBy: 'version' };
  // Done inside an iteration's window.
  if (resolved)
    for (const launch of launches)
      for (const iteration of launch.iterations)
        if (iteration.start <= resolved && resolved <= iteration.end) return { launch, iteration, shippedBy: 'resolved-in-window' };
  // Fixed in a launch's version: that launch's current iteration.
  for (const launch of launches) {
    if (launch.versionId === null || !versions.has(launch.versionId)) continue;
    const iteration = currentIteration(launch, today);
    if (iteration) return { launch, iteration, shippedBy: 'version' };
  }
  return null;
}

/**
 * The verdict to show on an epic's issue panel, or null when the epic shipped in no iteration. The
 * epic is credited only with the KPIs of the goal it serves: none when it serves no goal (or a goal
 * that no longer exists), so another goal's movement is never shown as this epic's outcome.
 * @param goalId the goal the epic serves (its alignment link), null when none
 * @param goalBook the project's goal book when the caller has already read it (saves a read)
 */
export async function iterationVerdictForEpic(
  deps: StorageDeps & Pick<Deps, 'clock'>,
  projectId: string,
  epic: ShippedEpic & { goalId: string | null },
  goalBook?: GoalBook,
): Promise<EpicIterationVerdict | null> {
  const [launchBook, book] = await Promise.all([readLaunchBook(deps, projectId), goalBook ?? readGoalBook(deps, projectId)]);
  const found = shippedIn(launchBook.launches, epic, dayOf(deps.clock.now()));
  if (!found) return null;
  const goal = book.goals.find((g) => g.id === epic.goalId) ?? null;
  const kpis = goal ? kpisInOrder(book).filter((k) => k.goalId === goal.id) : [];
  // Without KPIs to judge there is nothing to read: the digest is only read for the goal's KPIs.
  const digest = kpis.length ? await digestForReading(deps, projectId, found.launch, kpis) : emptyDigest(found.launch);
  const outcome = iterationOutcome(digest, kpis, found.iteration);
  const names = new Map(kpis.map((k) => [k.id, k.name]));
  return {
    launchId: found.launch.id,
    launchName: found.launch.name,
    iterationId: found.iteration.id,
    iterationName: found.iteration.name,
    start: found.iteration.start,
    end: found.iteration.end,
    shippedBy: found.shippedBy,
    goal: goal ? { id: goal.id, title: goal.title } : null,
    tally: outcome.tally,
    kpis: outcome.kpis.map((o) => ({ kpiId: o.kpiId, name: names.get(o.kpiId) ?? '', verdict: o.verdict })),
  };
}
