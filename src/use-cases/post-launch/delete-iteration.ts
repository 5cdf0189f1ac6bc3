/**
 * Deletes an iteration of a launch. One that holds feedback or decisions (counted in the launch's
 * digest) goes only when the admin confirms.
 */
import type { Result } from '../../contract';
import type { LaunchChange } from '../../contract/post-launch/post-launch';
import { removeIteration } from '../../domain/post-launch/launch-book';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { commitLaunchBook, loadLaunchDigest, readLaunchBook } from '../../storage/launches';
import { afterChange } from './iteration-change';

export async function deleteIteration(
  deps: Deps,
  caller: Caller,
  input: { launchId: string; iterationId: string; baseRevision: number; confirm?: boolean },
): Promise<Result<LaunchChange>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const [book, digest] = await Promise.all([
    readLaunchBook(deps, project.id),
    loadLaunchDigest(deps, project.id, input.launchId),
  ]);
  const counts = digest?.feedback[input.iterationId];
  const holds = {
    feedback: counts ? counts.positive + counts.neutral + counts.negative : 0,
    decisions: digest?.decisions[input.iterationId] ?? 0,
  };
  const outcome = removeIteration(book, input.launchId, input.iterationId, input.confirm === true, holds, {
    by: accountId,
    at: deps.clock.now().toISOString(),
  });
  return afterChange(deps, project.id, input.launchId, await commitLaunchBook(deps, project.id, book, input.baseRevision, outcome));
}
