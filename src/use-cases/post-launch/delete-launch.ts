import { ok, type Result } from '../../contract';
import type { LaunchBook, LaunchChange } from '../../contract/post-launch/post-launch';
import { findLaunch, removeLaunch } from '../../domain/post-launch/launch-book';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { commitLaunchBook, deleteLaunchDigest, loadLaunchDigest, readLaunchBook } from '../../storage/launches';
import { figuresChanged } from '../macro/current-figures';

/** Deletes a launch and its digest. Measurements, feedback and decisions stay (they belong to KPIs and the project). */
export async function deleteLaunch(
  deps: Deps,
  caller: Caller,
  input: { launchId: string; baseRevision: number },
): Promise<Result<LaunchChange>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const book = await readLaunchBook(deps, project.id);
  const outcome = removeLaunch(book, input.launchId, { by: accountId, at: deps.clock.now().toISOString() });
  const committed = await commitLaunchBook(deps, project.id, book, input.baseRevision, outcome);
  if (!committed.ok) {
    // A delete that stopped after the book was committed left the launch's digest behind; the admin's
    // retry (refused: the launch is gone) removes it.
    const now = (committed.error.details as { current?: LaunchBook | null } | undefined)?.current ?? book;
    if (!findLaunch(now, input.launchId) && (await loadLaunchDigest(deps, project.id, input.launchId)) !== undefined)
      await deleteLaunchDigest(deps, project.id, input.launchId);
    return committed;
  }
  if (findLaunch(book, input.launchId)) await deleteLaunchDigest(deps, project.id, input.launchId);
  await figuresChanged(deps, project);
  return ok({ launchBook: committed.data, selected: null });
}
