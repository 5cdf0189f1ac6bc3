/** After an iteration is added, changed or removed: the commit's answer with the launch's figures recomputed. */
import { ok, type Result } from '../../contract';
import type { LaunchBook, LaunchChange } from '../../contract/post-launch/post-launch';
import { dayOf } from '../../domain/post-launch/days';
import { findLaunch } from '../../domain/post-launch/launch-book';
import { summarizeLaunch } from '../../domain/post-launch/launch-digest';
import type { Deps } from '../../ports';
import { kpisInOrder, readGoalBook } from '../../storage/books';
import { rebuildDigest } from '../../storage/kpi-series';
import { figuresChanged } from '../macro/current-figures';

/** Commits a changed book, then recomputes the launch's iteration figures. */
export async function afterChange(deps: Deps, projectId: string, launchId: string, committed: Result<LaunchBook>): Promise<Result<LaunchChange>> {
  if (!committed.ok) return committed;
  await figuresChanged(deps, { id: projectId });
  const launch = findLaunch(committed.data, launchId);
  if (!launch) return ok({ launchBook: committed.data, selected: null });
  const kpis = kpisInOrder(await readGoalBook(deps, projectId));
  const digest = await rebuildDigest(deps, projectId, launch, kpis);
  return ok({ launchBook: committed.data, selected: summarizeLaunch(launch, digest, kpis, dayOf(deps.clock.now())) });
}
