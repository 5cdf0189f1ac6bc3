/**
 * Records end-user feedback: the item is stored with a copy under each thing it is linked to
 * (storage/feedback.ts). The iteration's feedback count (in the launch's digest) changes after it; if
 * that fails, the item is taken back, so the answer is an error and nothing changed.
 */
import { fail, ok, type FieldIssue, type Result } from '../../contract';
import type { Feedback, FeedbackSource, Sentiment } from '../../contract/post-launch/post-launch';
import { findIteration, findLaunch } from '../../domain/post-launch/launch-book';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readGoalBook } from '../../storage/books';
import { deleteFeedbackItem, saveFeedback } from '../../storage/feedback';
import { countFeedbackInDigest, readLaunchBook } from '../../storage/launches';
import { newestFirstInstant } from '../../storage/post-launch-keys';
import { undoIfFails } from './undo-if-fails';
import { portfolioChanged } from '../portfolio/portfolio-refresh';

export interface FeedbackInput {
  source: FeedbackSource;
  text: string;
  sentiment: Sentiment;
  goalId: string | null;
  kpiId: string | null;
  iteration: { launchId: string; iterationId: string } | null;
}

export async function createFeedback(deps: Deps, caller: Caller, input: FeedbackInput): Promise<Result<Feedback>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const [goalBook, launchBook] = await Promise.all([readGoalBook(deps, project.id), readLaunchBook(deps, project.id)]);
  const fields: FieldIssue[] = [];
  if (input.goalId && !goalBook.goals.some((g) => g.id === input.goalId)) fields.push({ path: 'goalId', message: 'This goal no longer exists.' });
  if (input.kpiId && !goalBook.kpis.some((k) => k.id === input.kpiId)) fields.push({ path: 'kpiId', message: 'This KPI was deleted.' });
  const launch = input.iteration ? findLaunch(launchBook, input.iteration.launchId) : undefined;
  if (input.iteration && !(launch && findIteration(launch, input.iteration.iterationId)))
    fields.push({ path: 'iteration', message: 'This iteration no longer exists.' });
  if (fields.length) return fail('VALIDATION_FAILED', 'Check what the feedback is linked to.', { fields });

  const at = deps.clock.now().toISOString();
  const feedback: Feedback = {
    id: `${newestFirstInstant(at)}-${deps.ids.next()}`,
    source: input.source,
    text: input.text,
    sentiment: input.sentiment,
    goalId: input.goalId,
    kpiId: input.kpiId,
    launchId: input.iteration?.launchId ?? null,
    iterationId: input.iteration?.iterationId ?? null,
    by: accountId,
    at,
  };
  await saveFeedback(deps, project.id, feedback);
  if (launch && feedback.iterationId) {
    const iterationId = feedback.iterationId;
    await undoIfFails(
      () => countFeedbackInDigest(deps, project.id, launch, iterationId, feedback.sentiment, 1),
      () => deleteFeedbackItem(deps, project.id, feedback),
    );
  }
  await portfolioChanged(deps, project);
  return ok(feedback);
}
