/**
 * Deletes a feedback item and its copies, then lowers its iteration's count in the launch's digest; if
 * that fails, the item is put back, so the answer is an error and nothing changed.
 */
import { fail, ok, type Result } from '../../contract';
import { findIteration, findLaunch } from '../../domain/post-launch/launch-book';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { deleteFeedbackItem, loadFeedback, saveFeedback } from '../../storage/feedback';
import { countFeedbackInDigest, readLaunchBook } from '../../storage/launches';
import { undoIfFails } from './undo-if-fails';
import { portfolioChanged } from '../portfolio/portfolio-refresh';

export async function deleteFeedback(deps: Deps, caller: Caller, input: { feedbackId: string }): Promise<Result<{ deleted: string }>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const feedback = await loadFeedback(deps, project.id, input.feedbackId);
  if (!feedback) return fail('NOT_FOUND', 'This feedback no longer exists.');
  const launch = feedback.launchId ? findLaunch(await readLaunchBook(deps, project.id), feedback.launchId) : undefined;
  await deleteFeedbackItem(deps, project.id, feedback);
  const iterationId = feedback.iterationId;
  if (launch && iterationId && findIteration(launch, iterationId))
    await undoIfFails(
      () => countFeedbackInDigest(deps, project.id, launch, iterationId, feedback.sentiment, -1),
      () => saveFeedback(deps, project.id, feedback),
    );
  await portfolioChanged(deps, project);
  return ok({ deleted: feedback.id });
}
